"""Pieces of a 项目支出绩效目标表 shared by the layouts: title, goals, spending
plan and indicator rows with merged 一级/二级 cells carried down."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from jixiao.ingest.target import parse_number, parse_target
from jixiao.ingest.text import clean, clean_inline
from jixiao.model import (
    Indicator,
    LevelName,
    Location,
    Money,
    MoneyUnit,
    PlanKind,
    SpendingCheckpoint,
    TargetScope,
    TargetValue,
    normalise_level1,
    normalise_level2,
)

PROJECT_TITLE = re.compile(r"^\s*(\d+)\s*[.、．]\s*(.*绩效目标表)\s*$")
_TITLE_SUFFIX = re.compile(r"(项目)?(支出)?绩效目标表$")
_GOAL_START = re.compile(r"^\s*\d+\s*[.、．]")
_CHECKPOINT = re.compile(r"^(\d{1,2})月(底|末)?$")

#: Header words of the indicator grid → the field they hold.
GRID_FIELDS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "绩效指标描述": "description",
    "指标解释": "description",
    "指标描述": "description",
    "指标值": "target",
    "年度指标值": "target",
    "指标值确定依据": "basis",
    "取值依据": "basis",
    "权重": "weight",
    "指标方向性": "direction",
    # Split-column layouts (四川 templates): the target printed over three cells.
    "指标性质": "operator",
    "绩效指标性质": "operator",
    "绩效指标值": "target",
    "度量单位": "measure",
    "绩效度量单位": "measure",
    "计量单位": "measure",
}

#: The 指标性质 word that marks a qualitative target rather than a comparison.
QUALITATIVE_MARK = "定性"


def grid_field(header: str) -> str | None:
    """The field a grid header names (``绩效指标描述`` → ``description``), if any."""
    compact = clean_inline(header)
    if compact in GRID_FIELDS:
        return GRID_FIELDS[compact]
    if "依据" in compact:
        return "basis"
    if "描述" in compact or "解释" in compact:
        return "description"
    return None


# 部门整体支出绩效目标表, 整体支出绩效目标申报表, 部门整体预算绩效表, 部门绩效表 — not
# 部门项目支出绩效目标表 (a list of projects).
_DEPARTMENT_TITLE = re.compile(r"整体|^(?!.*项目).*部门.*绩效")


def target_scope(title: str) -> TargetScope:
    """Whether a 绩效目标表 titled ``title`` sets a department's targets (部门整体) or a
    project's."""
    department = _DEPARTMENT_TITLE.search(clean_inline(title))
    return TargetScope.DEPARTMENT if department else TargetScope.PROJECT


def project_name_from_title(title: str) -> str:
    """``1.残疾人保障金绩效目标表`` → ``残疾人保障金`` (used when no 项目名称 is printed)."""
    match = PROJECT_TITLE.match(title)
    body = match.group(2) if match else title
    return _TITLE_SUFFIX.sub("", clean_inline(body)) or clean_inline(body)


def split_goals(text: str) -> tuple[str, ...]:
    """Goal sentences of a 绩效目标 cell: a line starting ``1.`` / ``2、`` opens a goal,
    other lines continue the one before (a wrapped line)."""
    goals: list[str] = []
    for line in clean(text).split("\n"):
        if not line:
            continue
        if _GOAL_START.match(line) or not goals:
            goals.append(line)
        else:
            goals[-1] += line
    return tuple(goals)


def money(raw: str, unit: MoneyUnit | None, location: Location | None) -> Money:
    """A budget amount from a cell's raw text (blank → value ``None``)."""
    text = clean_inline(raw)
    return Money(raw=text, value=parse_number(text), unit=unit, location=location)


def checkpoint_month(label: str) -> int | None:
    """``3月底`` → 3; ``None`` for anything else."""
    match = _CHECKPOINT.match(clean_inline(label))
    return int(match.group(1)) if match else None


def spending_plan(
    cells: Sequence[tuple[int, str]], budget_total: Decimal | None, location: Location | None
) -> tuple[SpendingCheckpoint, ...]:
    """Checkpoints from ``(month, raw)`` pairs.

    The header says %, but some units print cumulative amounts (seed 003:
    ``5.00 10.00 20.00 35.00`` for a 35.00 budget). Values are read as amounts when
    no ``%`` is printed and either the last value equals a budget other than 100
    or a value exceeds 100 (RULES.md §7); otherwise as percentages.
    """
    parsed = [
        (month, clean_inline(raw), parse_number(clean_inline(raw).rstrip("%％")))
        for month, raw in cells
    ]
    values = [value for _, _, value in parsed if value is not None]
    kind = PlanKind.PERCENT
    if values and not any("%" in raw or "％" in raw for _, raw, _ in parsed):
        ends_at_budget = (
            budget_total is not None and values[-1] == budget_total and budget_total != 100
        )
        if ends_at_budget or max(values) > 100:
            kind = PlanKind.AMOUNT
    return tuple(
        SpendingCheckpoint(
            month=month,
            raw=raw,
            value=value,
            kind=kind if value is not None else None,
            location=location,
        )
        for month, raw, value in parsed
    )


def parse_weight(raw: str) -> Decimal | None:
    """A 权重 cell: ``20`` or ``20%`` → ``Decimal(20)`` (points out of 100); blank or
    anything else → ``None``."""
    text = clean_inline(raw).rstrip("%％")
    return parse_number(text) if text else None


def split_target(
    operator: str, value: str, measure: str, *, fiscal_year: int | None = None
) -> TargetValue:
    """One target from the split cells 指标性质 | 指标值 | 度量单位.

    The printed parts are kept in ``raw``, joined by one space in printed order
    (``≤`` ``5`` ``次`` → ``"≤ 5 次"``; blank parts left out), so a reader can still see
    where one cell ended. The parse runs on the parts read together as a person reads
    them (``≤5次``): layout spaces are ignored by :func:`parse_target`. The 指标性质 word
    ``定性`` is not a comparison: it stays in ``raw`` but the value and unit are parsed
    without it (``定性`` ``2025年底`` → a deadline). A table without split columns passes
    only ``value`` and gets :func:`parse_target` unchanged.
    """
    op, text, unit = clean_inline(operator), clean_inline(value), clean_inline(measure)
    if not op and not unit:
        return parse_target(value, fiscal_year=fiscal_year)
    raw = " ".join(part for part in (op, text, unit) if part)
    read = " ".join(part for part in (op, text, unit) if part and part != QUALITATIVE_MARK)
    parsed = parse_target(read, fiscal_year=fiscal_year)
    return replace(parsed, raw=raw)


class GridRow(NamedTuple):
    """One indicator row as cell texts by field (missing merged cells absent)."""

    fields: dict[str, str]
    line: int


def build_indicators(
    rows: Sequence[GridRow], location: Location, fiscal_year: int | None = None
) -> tuple[Indicator, ...]:
    """Indicators in document order, 一级/二级 carried down from the row above when
    the cell was merged (blank or not printed)."""
    indicators: list[Indicator] = []
    level1 = LevelName(raw="", normalised=None)
    level2 = LevelName(raw="", normalised=None)
    for row in rows:
        texts = {field: clean_inline(text) for field, text in row.fields.items()}
        if not any(texts.get(f) for f in ("level3", "description", "target", "basis", "operator")):
            continue
        if texts.get("level1"):
            level1 = LevelName(raw=texts["level1"], normalised=normalise_level1(texts["level1"]))
            carried1 = False
        else:
            carried1 = True
        if texts.get("level2"):
            level2 = LevelName(raw=texts["level2"], normalised=normalise_level2(texts["level2"]))
            carried2 = False
        else:
            carried2 = True
        weight = parse_weight(texts.get("weight", ""))
        indicators.append(
            Indicator(
                index=len(indicators) + 1,
                level1=LevelName(raw=level1.raw, normalised=level1.normalised, carried=carried1),
                level2=LevelName(raw=level2.raw, normalised=level2.normalised, carried=carried2),
                level3=texts.get("level3", ""),
                description=texts.get("description") or None,
                target=split_target(
                    texts.get("operator", ""),
                    texts.get("target", ""),
                    texts.get("measure", ""),
                    fiscal_year=fiscal_year,
                ),
                # "" printed blank, None when the table has no 依据 column at all
                basis=texts.get("basis"),
                weight=weight,
                direction=texts.get("direction") or None,
                location=location.at(line=row.line, row=len(indicators) + 1),
            )
        )
    return tuple(indicators)
