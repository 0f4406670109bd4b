"""Small hand-made disclosures for review-rule tests.

Every builder takes text as a document prints it (``"≥95%"``, ``"1,234.50"``,
``"产出指标"``) and parses it with jixiao's own number and target parsers, so a
test reads like the table it stands for::

    doc = disclosure(projects=[project(indicators=[indicator(target="≥9090%及以上")])])
    assert ids_at(review(doc, select=["target"])) == [("target-run-together", 1, 1)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from jixiao.ingest.target import parse_number, parse_target
from jixiao.model import (
    BudgetColumn,
    BudgetRow,
    BudgetTable,
    CellValue,
    ColumnRole,
    DepartmentGoals,
    Disclosure,
    Finding,
    Indicator,
    Layout,
    LevelName,
    Location,
    Money,
    MoneyUnit,
    NarrativeSection,
    PlanKind,
    Project,
    Side,
    Source,
    SpendingCheckpoint,
    SubGoal,
    TableKind,
    YearEvidence,
    normalise_level1,
    normalise_level2,
)

FILE = "test.txt"


def at(line: int | None = None, **kwargs) -> Location:
    """A location in the test file."""
    return Location(file=FILE, line=line, **kwargs)


def indicator(
    level3: str = "办公设备采购数量",
    target: str = "≥10台",
    *,
    level1: str = "产出指标",
    level2: str = "数量指标",
    basis: str | None = "计划标准",
    description: str | None = None,
    index: int = 1,
    line: int | None = None,
    fiscal_year: int = 2025,
) -> Indicator:
    """One indicator row as printed."""
    return Indicator(
        index=index,
        level1=LevelName(raw=level1, normalised=normalise_level1(level1)),
        level2=LevelName(raw=level2, normalised=normalise_level2(level2)),
        level3=level3,
        description=description,
        target=parse_target(target, fiscal_year=fiscal_year),
        basis=basis,
        location=at(line or 100 + index),
    )


def indicators(*rows: tuple[str, str, str, str]) -> tuple[Indicator, ...]:
    """Indicators from ``(level1, level2, level3, target)`` rows, indexed 1, 2, …"""
    return tuple(
        indicator(level3, target, level1=l1, level2=l2, index=i)
        for i, (l1, l2, level3, target) in enumerate(rows, start=1)
    )


STANDARD_ROWS = (
    ("产出指标", "数量指标", "办公设备采购数量", "≥10台"),
    ("产出指标", "质量指标", "设备验收合格率", "≥95%"),
    ("产出指标", "时效指标", "采购完成时间", "2025年6月底前"),
    ("产出指标", "成本指标", "采购成本控制", "≤10万元"),
    ("效益指标", "社会效益指标", "办公条件改善程度", "明显改善"),
    ("满意度指标", "服务对象满意度指标", "干部职工满意度", "≥90%"),
)
"""A sound indicator set: every 一级 and every 产出 二级, targets well formed."""


def money(raw: str, unit: MoneyUnit = MoneyUnit.WAN_YUAN) -> Money:
    return Money(raw=raw, value=parse_number(raw), unit=unit)


def project(
    seq: int = 1,
    name: str = "办公设备购置项目",
    *,
    indicators_: Iterable[Indicator] | None = None,
    budget_total: str | None = "10.00",
    budget_fiscal: str | None = None,
    budget_other: str | None = None,
    money_unit: MoneyUnit = MoneyUnit.WAN_YUAN,
    plan: Sequence[str] | None = ("25", "50", "75", "100"),
    plan_kind: PlanKind = PlanKind.PERCENT,
    goals: Sequence[str] = ("1.完成办公设备采购，保障机关正常运转。",),
    purpose: str | None = "购置办公设备",
    code: str | None = None,
    line: int = 90,
) -> Project:
    """A 项目支出绩效目标表. ``plan`` is the 3/6/10/12月底 row as printed."""
    if indicators_ is None:
        indicators_ = indicators(*STANDARD_ROWS)
    checkpoints = ()
    if plan is not None:
        checkpoints = tuple(
            SpendingCheckpoint(
                month=month,
                raw=raw,
                value=parse_number(raw.rstrip("%")) if raw else None,
                kind=plan_kind if raw else None,
                location=at(line + 5),
            )
            for month, raw in zip((3, 6, 10, 12), plan, strict=True)
        )
    return Project(
        seq=seq,
        title=f"{seq}.{name}绩效目标表",
        project_name=name,
        project_code=code,
        money_unit=money_unit,
        budget_total=None if budget_total is None else money(budget_total, money_unit),
        budget_fiscal=None if budget_fiscal is None else money(budget_fiscal, money_unit),
        budget_other=None if budget_other is None else money(budget_other, money_unit),
        purpose=purpose,
        spending_plan=checkpoints,
        goals=tuple(goals),
        indicators=tuple(indicators_),
        location=at(line),
    )


def table(
    title: str,
    kind: TableKind,
    columns: Sequence[str | tuple[str, ColumnRole] | tuple[str, ColumnRole, Side]],
    rows: Sequence[Sequence[str]],
    *,
    money_unit: MoneyUnit | None = MoneyUnit.WAN_YUAN,
    note: str | None = None,
    line: int = 10,
    code_column: bool = True,
    sides: Sequence[Side | None] | None = None,
) -> BudgetTable:
    """A budget table. With ``code_column`` each row is ``(code, name, *values)``;
    without it ``(name, *values)``. ``columns`` name the value columns (a bare
    key is a VALUE column; give ``(key, ColumnRole.TEXT)`` for text). ``sides``
    gives each row's side for side-by-side tables."""
    built_columns = []
    if code_column:
        built_columns.append(
            BudgetColumn(key="科目编码", header=("科目编码",), role=ColumnRole.CODE)
        )
    built_columns.append(BudgetColumn(key="科目名称", header=("科目名称",), role=ColumnRole.NAME))
    keys = []
    for spec in columns:
        key, role, side = (
            (spec, ColumnRole.VALUE, None) if isinstance(spec, str) else (*spec, None)[:3]
        )
        keys.append(key)
        built_columns.append(
            BudgetColumn(key=key, header=tuple(key.split("/")), role=role, side=side)
        )
    built_rows = []
    for number, row in enumerate(rows, start=1):
        code, name, *cells = row if code_column else (None, *row)
        values = tuple(
            CellValue(column=key, raw=raw, value=parse_number(raw) if raw else None)
            for key, raw in zip(keys, cells, strict=True)
        )
        built_rows.append(
            BudgetRow(
                seq=None,
                code=code or None,
                name=name,
                values=values,
                side=None if sides is None else sides[number - 1],
                location=at(line + 2 + number, table=title, row=number),
            )
        )
    return BudgetTable(
        title=title,
        kind=kind,
        money_unit=money_unit,
        columns=tuple(built_columns),
        rows=tuple(built_rows),
        note=note,
        location=at(line, table=title),
    )


def narrative(heading: str, *paragraphs: str, line: int = 5) -> NarrativeSection:
    return NarrativeSection(heading=heading, paragraphs=paragraphs, location=at(line))


def department_goals(
    overall: str = "保障机关正常运转。", *sub_goals: tuple[str, str, str | None]
) -> DepartmentGoals:
    """``sub_goals`` are ``(title, goal, indicators_text)``."""
    return DepartmentGoals(
        overall_goal=overall,
        sub_goals=tuple(
            SubGoal(seq=str(i), title=title, goal=goal, indicators_text=text, location=at(40 + i))
            for i, (title, goal, text) in enumerate(sub_goals, start=1)
        ),
        safeguards=(),
        location=at(40),
    )


def disclosure(
    *,
    tables: Iterable[BudgetTable] = (),
    projects: Iterable[Project] = (),
    narrative_: Iterable[NarrativeSection] = (),
    goals: DepartmentGoals | None = None,
    notes: Iterable[Finding] = (),
    money_unit: MoneyUnit | None = MoneyUnit.WAN_YUAN,
    unit_name: str = "示范县机关事务服务中心",
    fiscal_year: int = 2025,
) -> Disclosure:
    """A disclosure of unit 999001 holding exactly what is given."""
    return Disclosure(
        unit_code="999001",
        unit_name=unit_name,
        fiscal_year=fiscal_year,
        fiscal_year_evidence=YearEvidence.PRINTED,
        money_unit=money_unit,
        source=Source(
            path=FILE, sha256="0" * 64, layout=Layout.WORD_EXPORT, encoding="utf-8", size_bytes=0
        ),
        budget_tables=tuple(tables),
        department_goals=goals,
        projects=tuple(projects),
        narrative=tuple(narrative_),
        notes=tuple(notes),
    )


def ids(findings: Iterable[Finding]) -> list[str]:
    """The rule ids of ``findings`` in order."""
    return [f.rule for f in findings]


def ids_at(findings: Iterable[Finding]) -> list[tuple]:
    """``(rule, where)`` per finding: ``where`` is ``(project_seq, indicator_index)``
    for project findings and the row ``code`` (or table title) otherwise."""
    out = []
    for f in findings:
        if f.project_seq is not None:
            out.append((f.rule, f.project_seq, f.indicator_index))
        else:
            out.append((f.rule, f.code or (f.location.table if f.location else None)))
    return out


def yuan(text: str) -> Decimal:
    return Decimal(text)
