"""The prose of a disclosure: where its narrative and goals speak in sentences.

The ``narrative`` rules read the same texts in several modules (figures against the
tables in :mod:`jixiao.review.narrative`, drafting slips in
:mod:`jixiao.review.narrative_drafting`, goal figures in :mod:`jixiao.review.narrative_goals`);
these iterators say once which texts those are and where each stands.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from jixiao.model import Disclosure, Location, NarrativeSection, Project


def paragraphs(disclosure: Disclosure) -> Iterator[tuple[NarrativeSection, str]]:
    """(section, text) of each narrative section's heading and paragraphs.

    For a paragraph, the section given is located at the paragraph's own line
    (when the reader recorded it), so a finding about a sentence points there.
    """
    for section in disclosure.narrative:
        if section.heading:
            yield section, section.heading
        for index, paragraph in enumerate(section.paragraphs):
            located = section.paragraph_location(index)
            yield (
                (section if located == section.location else replace(section, location=located)),
                paragraph,
            )


def goal_texts(disclosure: Disclosure) -> Iterator[tuple[Location | None, str, str]]:
    """(location, title, text) of the overall goal and each sub-goal's goal and indicators."""
    goals = disclosure.department_goals
    if goals is None:
        return
    if goals.overall_goal:
        yield goals.location, "", goals.overall_goal
    for sub in goals.sub_goals:
        for text in (sub.goal, sub.indicators_text):
            if text:
                yield sub.location or goals.location, sub.title or "", text


def prose_texts(disclosure: Disclosure) -> Iterator[tuple[Location | None, Project | None, str]]:
    """Every prose text: narrative, goals, safeguards, project goals and purposes."""
    for section, text in paragraphs(disclosure):
        yield section.location, None, text
    for location, _title, text in goal_texts(disclosure):
        yield location, None, text
    goals = disclosure.department_goals
    for text in goals.safeguards if goals is not None else ():
        yield goals.location, None, text
    for project in disclosure.projects:
        for text in (*project.goals, project.purpose or ""):
            if text:
                yield None, project, text
