"""Paragraphs of the 部门整体绩效目标 section → :class:`DepartmentGoals`.

Units print the section three ways (seeds 000–004): sub-goals as a title line then
``绩效目标：`` / ``绩效指标：`` lines; as ``1.标题：目标`` on one line; or as numbered
sentences. Safeguards are numbered items, or one paragraph with inline numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from jixiao.ingest.text import clean_inline
from jixiao.model import DepartmentGoals, Location, NarrativeSection, SubGoal

_NUMBERING = (
    ("paren_cn", re.compile(r"^（([一二三四五六七八九十]+)）\s*")),
    ("cn", re.compile(r"^([一二三四五六七八九十]+)[、.．]\s*")),
    ("arabic", re.compile(r"^(\d+)\s*[、.．]\s*")),
    ("paren_arabic", re.compile(r"^[（(](\d+)[)）]\s*")),
)
_SUBSECTION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．])?\s*"
    r"(总体绩效目标|分项绩效目标|(?:工作)?保障措施)[:：]?$"
)
_LABELLED = re.compile(r"^(绩效目标|绩效指标)[:：]\s*")
_TITLED = re.compile(r"^([^:：。，]{1,20})[:：]\s*(.*)$", re.S)
_INLINE_ITEM = re.compile(r"(?<=[。；;])\s*(?=\d+、)")


class TextParagraph(NamedTuple):
    """A paragraph of prose with the line it starts on."""

    text: str
    line: int


def numbering(text: str) -> tuple[str, str, str] | None:
    """``(style, number, rest)`` when ``text`` opens with an item number."""
    for style, pattern in _NUMBERING:
        match = pattern.match(text)
        if match:
            return style, match.group(1), text[match.end() :]
    return None


def _items(paragraphs: Sequence[TextParagraph]) -> list[list[TextParagraph]]:
    """Paragraphs grouped into items: the first numbered paragraph fixes the item
    style; any later paragraph numbered in that style opens the next item."""
    style = next((numbering(p.text)[0] for p in paragraphs if numbering(p.text)), None)
    items: list[list[TextParagraph]] = []
    for paragraph in paragraphs:
        found = numbering(paragraph.text)
        if (found and found[0] == style) or not items:
            items.append([paragraph])
        else:
            items[-1].append(paragraph)
    return items


def _split_title(head: str) -> tuple[str, str | None]:
    """``规章制度：组织制定…`` → title and goal; a long unnumbered sentence is a goal."""
    match = _TITLED.match(head)
    if match and not _LABELLED.match(head):
        return match.group(1), match.group(2) or None
    if len(head) > 20:
        return "", head
    return head.rstrip("。"), None


def _sub_goal(item: list[TextParagraph], location: Location) -> SubGoal:
    first = item[0]
    found = numbering(first.text)
    seq, head = (found[1], found[2]) if found else (None, first.text)
    title, goal = _split_title(head)
    indicators: str | None = None
    current = "goal" if goal else None
    for paragraph in item[1:]:
        labelled = _LABELLED.match(paragraph.text)
        if labelled:
            current = "goal" if labelled.group(1) == "绩效目标" else "indicators"
            text = paragraph.text[labelled.end() :]
            if current == "goal":
                goal = (goal + "\n" if goal else "") + text
            else:
                indicators = (indicators + "\n" if indicators else "") + text
        elif current == "goal":
            goal = (goal or "") + ("\n" if goal else "") + paragraph.text
        else:
            current = "indicators"
            indicators = (indicators + "\n" if indicators else "") + paragraph.text
    return SubGoal(
        seq=seq,
        title=title,
        goal=goal,
        indicators_text=indicators,
        location=location.at(line=first.line),
    )


def parse_department_goals(
    paragraphs: Sequence[TextParagraph], location: Location
) -> tuple[DepartmentGoals | None, list[NarrativeSection]]:
    """The goals and any paragraphs that fit none of its parts (kept as narrative).

    ``paragraphs`` run from after the ``部门整体绩效目标`` heading to before the
    project tables. Returns ``(None, [...])`` when no 总体/分项/保障 heading is found.
    """
    parts: dict[str, list[TextParagraph]] = {}
    headings: dict[str, TextParagraph] = {}
    leftover: list[TextParagraph] = []
    current: str | None = None
    for paragraph in paragraphs:
        match = _SUBSECTION.match(clean_inline(paragraph.text))
        if match:
            current = {"总体绩效目标": "overall", "分项绩效目标": "sub"}.get(
                match.group(1), "safeguards"
            )
            headings[current] = paragraph
            parts.setdefault(current, [])
        elif current is None:
            leftover.append(paragraph)
        else:
            parts[current].append(paragraph)
    extra: list[NarrativeSection] = []
    if leftover:
        extra.append(
            NarrativeSection(
                heading="",
                paragraphs=tuple(p.text for p in leftover),
                location=location.at(line=leftover[0].line),
                paragraph_lines=tuple(p.line for p in leftover),
            )
        )
    if not parts:
        return None, extra
    sub_paragraphs = parts.get("sub", [])
    intro = []
    while sub_paragraphs and not numbering(sub_paragraphs[0].text):
        intro.append(sub_paragraphs.pop(0))
    if intro:
        extra.append(
            NarrativeSection(
                heading=headings["sub"].text,
                paragraphs=tuple(p.text for p in intro),
                location=location.at(line=intro[0].line),
                paragraph_lines=tuple(p.line for p in intro),
            )
        )
    safeguards: list[str] = []
    for item in _items(parts.get("safeguards", [])):
        text = "\n".join(p.text for p in item)
        safeguards.extend(piece.strip() for piece in _INLINE_ITEM.split(text) if piece.strip())
    goals = DepartmentGoals(
        overall_goal="\n".join(p.text for p in parts.get("overall", [])),
        sub_goals=tuple(_sub_goal(item, location) for item in _items(sub_paragraphs)),
        safeguards=tuple(safeguards),
        location=location.at(
            line=(
                headings.get("overall") or headings.get("sub") or next(iter(headings.values()))
            ).line
        ),
    )
    return goals, extra
