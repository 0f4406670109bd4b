"""Review rules: the performance goals against the tables and the projects' indicators.

Two parts of a disclosure state its goals in numbers that are printed elsewhere too: each
project table (项目支出绩效目标表) prints the project's budget, and the unit-wide goals
(部门整体绩效目标) often restate a project's indicator ("维修面积1万平米", "车辆完好率达到
90%以上"). The budgets should add up to the 项目支出 of the tables, and a restated number
should equal the indicator's target value; otherwise one of the two is wrong
(财预〔2015〕88号 绩效目标审核（完整性、相关性）; RULES.md §11, confidence C). Family
``narrative``; goal numbers are read by :func:`jixiao.review.figures.quantity_figures`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from jixiao.model import Disclosure, Indicator, MoneyUnit, Project, Severity, TargetKind
from jixiao.review.figures import (
    PROJECT,
    half_ulp,
    normalise_name,
    normalise_unit,
    quantity_figures,
)
from jixiao.review.prose import goal_texts
from jixiao.review.registry import hit, rule
from jixiao.review.table_figures import table_figures


@rule(
    "narrative-project-total-mismatch",
    Severity.WARNING,
    "项目绩效目标表的预算数合计应与项目支出一致",
    tags=("narrative",),
    reference="RULES.md §11（C）",
    message="{count}张项目绩效目标表的预算数合计 {actual}，与{source}的 {expected} 不一致",
    example={
        "count": 6,
        "actual": "480.50万元",
        "source": "部门预算支出总表「合计」行「项目支出」列",
        "expected": "490.50万元",
    },
)
def narrative_project_total_mismatch(disclosure: Disclosure):
    """The budgets of the project tables (项目支出绩效目标表) should add up to 项目支出 of
    the tables, after converting 元 and 万元, within the rounding of the coarsest
    printing (budgets are exact amounts, so roundings do not add up). Checked only
    when every project prints its budget."""
    values = table_figures(disclosure).get(PROJECT)
    projects = disclosure.projects
    if not values or not projects:
        return
    sums: dict[MoneyUnit, Decimal] = {}
    tolerance = Decimal(0)
    for project in projects:
        money = project.budget_total
        if money is None or money.value is None or money.unit is None:
            return
        sums[money.unit] = sums.get(money.unit, Decimal(0)) + money.value
        places = money.value.as_tuple().exponent
        if isinstance(places, int):
            tolerance = max(tolerance, half_ulp(places, money.unit, Decimal(1)))
    total = sum((amount * unit.yuan_per_unit for unit, amount in sums.items()), Decimal(0))
    for value in values:
        expected, expected_tol = value.yuan()
        if abs(total - expected) <= tolerance + expected_tol:
            return
    value = values[0]
    shown = total / value.unit.yuan_per_unit
    yield hit(
        location=value.location,
        quote=None,
        count=len(projects),
        actual=f"{shown:,.2f}{value.unit.label}",
        source=value.source,
        expected=value.text,
    )


@lru_cache(maxsize=8192)
def _indicator_key(level3: str) -> str:
    return normalise_name(level3)


def _quantitative(indicator: Indicator) -> tuple[Decimal, str] | None:
    target = indicator.target
    if target.kind is not TargetKind.QUANTITATIVE or target.value is None or not target.unit:
        return None
    return normalise_unit(target.value, target.unit)


@lru_cache(maxsize=4096)
def _longest_common(title: str, name: str) -> int:
    """The length of the longest run of characters ``title`` and ``name`` share, if it
    is at least 4; else 0."""
    for size in range(min(len(title), len(name)), 3, -1):
        if any(title[i : i + size] in name for i in range(len(title) - size + 1)):
            return size
    return 0


def _grams(text: str) -> set[str]:
    return {text[i : i + 4] for i in range(len(text) - 3)}


def _linked_project(title: str, projects: tuple[Project, ...], grams) -> Project | None:
    """The one project whose name shares the longest run (≥4 characters) with a
    sub-goal's title ("接待管理活动" → 接待管理经费); ``None`` on a tie or no match.
    ``grams`` maps each 4-character run of a project name to the projects' positions,
    so only names sharing a run with the title are compared."""
    title = re.sub(r"[\s。.，,、（）()]", "", title)
    candidates = sorted({i for gram in _grams(title) for i in grams.get(gram, ())})
    best, best_size, tie = None, 0, False
    for position in candidates:
        project = projects[position]
        size = _longest_common(title, project.project_name)
        if size > best_size:
            best, best_size, tie = project, size, False
        elif size == best_size:
            tie = True
    return None if tie else best


def _units_match(a: str, b: str, *, loose: bool) -> bool:
    return a == b or (loose and a.split("/")[0] == b.split("/")[0])


def _goal_candidates(quantity, linked: Project | None, index, projects):
    """Indicators a goal quantity restates: by name (the goal's wording ends with the
    indicator's name, ≥4 characters; 满意度 only within the linked project), else, in
    the linked project, the one indicator with the same count unit."""
    name = quantity.name
    named = []
    for size in range(len(name), 3, -1):
        named += index.get(name[-size:], [])
    in_linked = [c for c in named if c[0] is linked]
    if in_linked:
        return in_linked, True
    named = [c for c in named if "满意度" not in c[1].level3 and "满意" not in name]
    if named:
        return named, True
    if linked is None or quantity.unit == "%" or not quantity.unit:
        return [], False
    same_unit = []
    for indicator in linked.indicators:
        value = _quantitative(indicator)
        if value is not None and value[1] == quantity.unit:
            same_unit.append((linked, indicator, *value))
    return (same_unit, False) if len(same_unit) == 1 else ([], False)


@rule(
    "narrative-goal-figure-mismatch",
    Severity.WARNING,
    "部门整体绩效目标中的数字应与项目指标一致",
    tags=("narrative",),
    reference="财预〔2015〕88号 绩效目标审核（完整性、相关性）；RULES.md §11（C）",
    message="部门整体绩效目标写「{stated}」，而项目「{name}」的指标「{measure}」为 {target}",
    example={
        "stated": "维修面积3000平方米",
        "name": "机关运行及大院维护经费",
        "measure": "维修面积",
        "target": "≥2000平方米",
    },
)
def narrative_goal_figure_mismatch(disclosure: Disclosure):
    """A number in the unit-wide goals that restates a project indicator (the same
    quantity: the wording ends with the indicator's name, or the sub-goal's project
    has exactly one indicator in that unit) must equal the indicator's target value.
    Reported only when every indicator it may restate disagrees, alike."""
    projects = disclosure.projects
    texts = [
        (loc, title, text, quantity_figures(text)) for loc, title, text in goal_texts(disclosure)
    ]
    if not projects or not any(found for *_, found in texts):
        return
    # Index only the indicator names some goal wording ends with.
    wanted = {
        q.name[-size:] for *_, found in texts for q in found for size in range(4, len(q.name) + 1)
    }
    index: dict[str, list[tuple[Project, Indicator, Decimal, str]]] = {}
    for project in projects if wanted else ():
        for indicator in project.indicators:
            key = _indicator_key(indicator.level3)
            if key in wanted:
                value = _quantitative(indicator)
                if value is not None:
                    index.setdefault(key, []).append((project, indicator, *value))
    grams: dict[str, list[int]] = {}
    if any(title and found for _, title, _, found in texts):
        for position, project in enumerate(projects):
            for gram in _grams(project.project_name):
                grams.setdefault(gram, []).append(position)
    for location, title, _text, found in texts:
        linked = _linked_project(title, projects, grams) if title and found else None
        for quantity in found:
            candidates, by_name = _goal_candidates(quantity, linked, index, projects)
            candidates = [c for c in candidates if _units_match(c[3], quantity.unit, loose=by_name)]
            if not candidates or any(c[2] == quantity.value for c in candidates):
                continue
            if len({c[2] for c in candidates}) > 1:
                continue  # the indicators disagree among themselves: no single expectation
            project, indicator, _value, _unit = candidates[0]
            yield hit(
                location=location,
                project=project,
                indicator=indicator,
                quote=quantity.clause,
                stated=quantity.clause,
                name=project.project_name,
                measure=indicator.level3,
                target=indicator.target.raw,
            )
