"""Review rules: relevance (相关性) — indicators that belong to another sector or project.

财预〔2015〕88号 reviews a target's 相关性 (its indicators follow from the project's
duties and money) and 财预〔2021〕101号 asks for indicators 高度关联 with the unit's
duties and the budget. The failure seen in real documents is copying: a row from
another sector's template (``参培住院医师满意度`` in a 公务用车制度改革 project,
seed 002; ``群众财产保障度`` in a 劳务费 project, seed 001) or from another project of
the same document (``活动参与者满意度`` in the 水电暖, 物业, 维修 … tables of seed 001,
whose only activities are the 节能宣传周's).

Method (lexical, :mod:`jixiao.review.lexicon`):

1. An indicator's *subject* is what its name (三级指标) names by a marker term of a
   topic; for sector topics its description (指标解释) counts too, since a copied
   row often keeps its original explanation under a generic name.
2. A project's *context* is its name, 资金用途 and 绩效目标, the unit's name, and the
   分项绩效目标 of the department goals whose title shares a distinctive word with
   the project's name (the unit's own account of the project: seed 004 sets a
   签约 figure for its 接待 work there, so that row is deliberate).
   A sector topic (医疗, 教育, 农业 …) is supported only by that context: sibling
   indicators copied from the same foreign template must not vouch for each other.
   A topic within the unit's own running (公务用车, 食堂, 会议, 活动 …) is also
   supported by the project's other indicators (their names and descriptions),
   since a 综合事务 project legitimately lists the meetings and trips it pays for.
3. An unsupported subject is reported once per indicator: as
   ``indicator-other-project`` when another project of the document is about the
   topic (its name, purpose or goals deal with it and a marker names it somewhere
   in its table: the likely source), else — for sectors only — as
   ``indicator-other-sector``. An unsupported in-unit topic with no
   project about it is left alone: nothing in the document says it is wrong.

There is no numeric threshold: one marker term is enough, because markers are
chosen to be unambiguous (``住院``, ``耕地``, ``活动参与者``), and context terms are
broad (``医``, ``车``, ``宣传周``), so doubt always falls on the side of silence.
Generic indicators (满意度, 完成率, 及时率, 资金到位率, 正常运转 …) name no topic and
are never reported.

Character-bigram overlap between an indicator and each project's context was
tried first and rejected: on the seeds it proposed 36 indicators, none of them a
real case (templates share their wording across all projects of a document), and
it could not see ``参培住院医师满意度`` at all, since no project of that document
is about medicine.

Cost: per indicator, one cached scan of its name and description for markers
(:func:`~jixiao.review.lexicon.markers_in`, a trie-shaped regular expression); the
project's context and the other projects are searched, for one topic at a time,
only when an indicator names a topic — a few microseconds an indicator.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from jixiao.model import Disclosure, Indicator, Project, Severity
from jixiao.review.lexicon import TOPICS, deals_with, markers_in, names
from jixiao.review.registry import Hit, hit, rule

_REFERENCE = "财预〔2015〕88号 绩效目标审核（相关性）；财预〔2021〕101号（高度关联）"


def _head(project: Project) -> tuple[str | None, ...]:
    """The texts saying what a project is: its name, purpose and goals."""
    return (project.project_name, project.purpose, *project.goals)


def _texts(project: Project) -> Iterator[str | None]:
    """Every text of a project's table: head, indicator names and descriptions."""
    yield from _head(project)
    for indicator in project.indicators:
        yield indicator.level3
        yield indicator.description


def _source(disclosure: Disclosure, topic: int) -> Project | None:
    """The first project of the document about ``topic``: its head deals with the
    topic *and* its table names it by a marker. (A 消防 project deals with public
    safety broadly but is no source for a ``群众财产保障度`` row.)"""
    for project in disclosure.projects:
        if any(deals_with(topic, text) for text in _head(project)) and any(
            names(topic, text) for text in _texts(project)
        ):
            return project
    return None


_GENERIC_BIGRAMS = frozenset(
    {
        "机关", "管理", "经费", "项目", "保障", "运行", "服务", "工作", "办公", "单位", "综合",
        "事务", "费用", "专项", "日常", "年度", "运转", "方面", "建设", "支出", "资金", "本级",
        "全县", "提升", "加强", "推进", "维护", "中心",
    }
)  # fmt: skip
"""Words shared by most project names and goal titles: they link nothing."""

_HAN = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=4096)
def _bigrams(text: str | None) -> frozenset[str]:
    """The distinctive two-character words of ``text`` (``接待管理经费`` → 接待, 待管)."""
    if not text:
        return frozenset()
    return (
        frozenset(run[i : i + 2] for run in _HAN.findall(text) for i in range(len(run) - 1))
        - _GENERIC_BIGRAMS
    )


def _linked_goals(disclosure: Disclosure, project: Project) -> tuple[str | None, ...]:
    """The texts of the 分项绩效目标 whose title shares a distinctive word with the
    project's name (``接待管理活动`` for ``接待管理经费``): the unit's own account of
    what the project is for. Seed 004 sets ``接待活动签约项目金额增长10%以上`` there,
    so a 签约 indicator in its 接待 project is deliberate, not copied."""
    goals = disclosure.department_goals
    if goals is None:
        return ()
    name = _bigrams(project.project_name)
    texts: list[str | None] = []
    for sub in goals.sub_goals:
        if name & _bigrams(sub.title):
            texts.extend((sub.title, sub.goal, sub.indicators_text))
    return tuple(texts)


@lru_cache(maxsize=65536)  # (name, description) pairs recur across projects
def _subjects(name: str, description: str | None) -> tuple[tuple[int, str, bool], ...]:
    """``(topic, term, in_description)`` an indicator names: any topic in its name,
    sector topics in its description; each topic once, name first."""
    named = markers_in(name)
    described = markers_in(description)
    if not described:  # the common case: nothing, or the name alone
        return tuple((t, term, False) for t, term in named)
    found = [(t, term, False) for t, term in named]
    seen = {t for t, _, _ in found}
    for t, term in described:
        if t not in seen and TOPICS[t].sector:
            seen.add(t)
            found.append((t, term, True))
    return tuple(found)


def _supported(
    topic: int, context: tuple[str | None, ...], project: Project, position: int
) -> bool:
    """Whether the project deals with ``topic``: its ``context`` (head, the unit's
    name, its 分项绩效目标) does, or, for a topic within the unit's running, one of
    its indicators other than the one at ``position``."""
    if any(deals_with(topic, text) for text in context):
        return True
    if TOPICS[topic].sector:
        return False
    return any(
        deals_with(topic, other.level3) or deals_with(topic, other.description)
        for i, other in enumerate(project.indicators)
        if i != position
    )


@dataclass(frozen=True, slots=True)
class _Unrelated:
    project: Project
    indicator: Indicator
    topic: int
    term: str
    text: str
    source: Project | None  # another project of the document about the topic


def _unrelated(disclosure: Disclosure) -> Iterator[_Unrelated]:
    """Every indicator whose subject its project does not support, with the
    project of the document about that subject (or ``None``).

    Work is lazy: most indicators name no topic, so a project's context is read
    only when one of its indicators does, and only for that topic; the document
    is searched for a source only when a subject is unsupported.
    """
    sources: dict[int, Project | None] = {}
    for project in disclosure.projects:
        subjects = [_subjects(ind.level3 or "", ind.description) for ind in project.indicators]
        if not any(subjects):
            continue
        context = (
            *_head(project),
            disclosure.unit_name,
            project.unit_name,
            *_linked_goals(disclosure, project),
        )
        for position, (indicator, found) in enumerate(
            zip(project.indicators, subjects, strict=True)
        ):
            for topic, term, in_description in found:
                if _supported(topic, context, project, position):
                    continue
                if topic not in sources:
                    sources[topic] = _source(disclosure, topic)
                source = sources[topic]
                if source is not None or TOPICS[topic].sector:
                    text = indicator.description if in_description else indicator.level3
                    yield _Unrelated(project, indicator, topic, term, text or "", source)
                    break


@rule(
    "indicator-other-sector",
    Severity.WARNING,
    "指标涉及与项目和单位无关的行业",
    tags=("relevance",),
    reference=_REFERENCE,
    message=(
        "指标「{name}」涉及{sector}（“{term}”），而项目「{project_name}」的名称、用途、"
        "目标及单位「{unit}」均不涉及{sector}，可能套用了其他行业的指标模板"
    ),
    example={
        "name": "参培住院医师满意度",
        "sector": "医疗卫生",
        "term": "住院",
        "project_name": "公务用车制度改革费",
        "unit": "秦皇岛市北戴河区机关事务管理局",
    },
)
def indicator_other_sector(disclosure: Disclosure) -> Iterator[Hit]:
    """An indicator about a sector (医疗, 教育, 农业, 水利 …) that neither its project's
    name, purpose and goals nor the unit's name deal with, and no other project of
    the document either (财预〔2015〕88号 相关性; 101号 高度关联): the row was most
    likely copied from another sector's template. Method and vocabulary: the
    module docstring and :mod:`jixiao.review.lexicon`."""
    for found in _unrelated(disclosure):
        if found.source is None:
            yield hit(
                project=found.project,
                indicator=found.indicator,
                quote=found.text,
                name=found.indicator.level3,
                sector=TOPICS[found.topic].label,
                term=found.term,
                project_name=found.project.project_name,
                unit=disclosure.unit_name,
            )


@rule(
    "indicator-other-project",
    Severity.WARNING,
    "指标内容属于本文件的其他项目",
    tags=("relevance",),
    reference=_REFERENCE,
    message=(
        "指标「{name}」涉及“{term}”（{topic}），本项目的名称、用途和目标均未涉及，"
        "而本文件项目{other_seq}「{other_name}」涉及此内容，指标可能套用了其他项目"
    ),
    example={
        "name": "活动参与者满意度",
        "term": "活动参与者",
        "topic": "活动",
        "other_seq": 12,
        "other_name": "节能办节能运转费",
    },
)
def indicator_other_project(disclosure: Disclosure) -> Iterator[Hit]:
    """An indicator about a subject its own project does not deal with while
    another project of the same document does (财预〔2015〕88号 相关性): a row
    copied from the neighbouring table, such as an 活动参与者 survey in a 水电暖
    project when only the 节能宣传周 project holds activities. For subjects within
    a unit's running the project's other indicators count as its context too.
    Method and vocabulary: the module docstring and :mod:`jixiao.review.lexicon`."""
    for found in _unrelated(disclosure):
        if found.source is not None:
            yield hit(
                project=found.project,
                indicator=found.indicator,
                quote=found.text,
                name=found.indicator.level3,
                term=found.term,
                topic=TOPICS[found.topic].label,
                other_seq=found.source.seq,
                other_name=found.source.project_name,
            )
