"""Where everything sits in the actuals templates (填报模板) — shared by the writer
(:mod:`jixiao.publish.actuals_template`) and the reader (:mod:`jixiao.ingest.actuals_xlsx`).

A template is one workbook: sheet ``填报说明`` (instructions and who filled it), one sheet
per project in the official layout — the 136号 项目支出绩效运行监控表 (RULES.md §8) or the
10号 项目支出绩效自评表 (RULES.md §9) — and a very hidden sheet ``_jixiao`` with what the
reader needs to trust the file: the unit, year, period and kind, and for every project
sheet the cells jixiao pre-filled, their values and a SHA-256 fingerprint of them.

Project sheet, columns A–K, both kinds::

    1   title (A1:K1)
    2   项目序号 (A2:H2)                                  单位：万元 (I2:K2)
    3   项目名称 | name (B3:K3)
    4   主管部门 | unit (B4:E4) | 实施单位 | unit (G4:K4)
    5   项目编码 | code (B5:E5) | 填报期间 | period (G5:K5)
    6   预算执行情况/项目资金 (A6:A11) | 资金来源 (B:C) | amount columns …
    7–10  年度资金总额 / 财政拨款 / 上年结转 / 其他资金
    11  预算执行偏差原因 (B:C) | input (D11:K11)
    12  年度总体目标 (A12:A13) | 预期目标 (B:F) | 实际完成情况 (G:K)
    13  the goals (B13:F13) | input (G13:K13)
    14  indicator header; 15… one row per indicator; self-evaluation ends with 总分
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.model import MoneyUnit
from jixiao.model.actuals import (
    Achievement,
    ActualsKind,
    DeviationCause,
    FundingSource,
    Likelihood,
)

FORMAT_VERSION = "1"
META_SHEET = "_jixiao"
INSTRUCTIONS_SHEET = "填报说明"

# Project sheet rows.
TITLE_ROW = 1
UNIT_ROW = 2
NAME_ROW = 3
AUTHORITY_ROW = 4
CODE_ROW = 5
FUNDING_HEADER_ROW = 6
FUNDING_ROWS: Mapping[FundingSource, int] = {
    FundingSource.TOTAL: 7,
    FundingSource.FISCAL: 8,
    FundingSource.CARRIED_OVER: 9,
    FundingSource.OTHER: 10,
}
EXECUTION_NOTE_ROW = 11
GOAL_HEADER_ROW = 12
GOAL_ROW = 13
INDICATOR_HEADER_ROW = 14
FIRST_INDICATOR_ROW = 15

NAME_CELL = f"B{NAME_ROW}"
CODE_CELL = f"B{CODE_ROW}"
EXECUTION_NOTE_CELL = f"D{EXECUTION_NOTE_ROW}"
GOAL_CELL = f"B{GOAL_ROW}"
GOAL_ACHIEVED_CELL = f"G{GOAL_ROW}"

# 填报说明 sheet: label in A, value in B (merged B:D).
ENTERED_BY_CELL = "B7"
PHONE_CELL = "B8"
ENTERED_AT_CELL = "B9"

LIKELIHOOD_LABELS = tuple(member.label for member in Likelihood)
CAUSE_LABELS = tuple(member.label for member in DeviationCause)
ACHIEVEMENT_LABELS = tuple(member.label for member in Achievement)
DASH = "—"  # a locked cell that does not apply (自评表 分值 of 上年结转, 达成程度 of a number)


class Field(StrEnum):
    """What a column of a project sheet holds."""

    LEVEL1 = "level1"
    LEVEL2 = "level2"
    LEVEL3 = "level3"
    TARGET = "target"
    ACTUAL = "actual"
    PROJECTED = "projected"
    LIKELIHOOD = "likelihood"
    CAUSES = "causes"
    NOTE = "note"
    IMPROVEMENT = "improvement"
    REMARK = "remark"
    ACHIEVEMENT = "achievement"
    POINTS = "points"
    SCORE = "score"
    BUDGET_INITIAL = "budget_initial"
    BUDGET_ADJUSTED = "budget_adjusted"
    SPENT = "spent"
    SPENDING_PROJECTED = "spending_projected"
    RATE = "rate"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table on a project sheet: its letter, header and field.

    ``entry`` is True for a column the unit fills (unlocked, light fill); False for
    pre-filled and computed columns.
    """

    letter: str
    header: str
    field: Field
    entry: bool


def period_label(kind: ActualsKind, period_month: int) -> str:
    """``1—7月`` for monitoring at July's end; ``全年`` for a self-evaluation."""
    if kind is ActualsKind.SELF_EVALUATION:
        return "全年"
    return "1月" if period_month == 1 else f"1—{period_month}月"


def sheet_title(kind: ActualsKind, fiscal_year: int, period_month: int) -> str:
    """The printed title of a project sheet (136号 / 10号 forms)."""
    if kind is ActualsKind.MONITORING:
        label = period_label(kind, period_month)
        return f"{fiscal_year}年度项目支出绩效运行监控表（{label}）"
    return f"{fiscal_year}年度项目支出绩效自评表"


def funding_block_label(kind: ActualsKind) -> str:
    """The label of the money block: 预算执行情况 (136号) or 项目资金 (10号)."""
    return "预算执行情况" if kind is ActualsKind.MONITORING else "项目资金"


def funding_columns(kind: ActualsKind, period_month: int) -> tuple[Column, ...]:
    """The amount columns of rows 7–10 (label in B:C)."""
    if kind is ActualsKind.MONITORING:
        return (
            Column("D", "年初预算数", Field.BUDGET_INITIAL, True),
            Column("E", "全年预算数", Field.BUDGET_ADJUSTED, True),
            Column("F", f"{period_label(kind, period_month)}执行数", Field.SPENT, True),
            Column("G", "执行率", Field.RATE, False),
            Column("H", "全年预计执行数", Field.SPENDING_PROJECTED, True),
        )
    return (
        Column("D", "年初预算数", Field.BUDGET_INITIAL, True),
        Column("E", "全年预算数", Field.BUDGET_ADJUSTED, True),
        Column("F", "全年执行数", Field.SPENT, True),
        Column("G", "分值", Field.POINTS, False),
        Column("H", "执行率", Field.RATE, False),
        Column("I", "得分", Field.SCORE, False),
    )


def indicator_columns(kind: ActualsKind, period_month: int) -> tuple[Column, ...]:
    """The indicator table's columns A–K (header on row 14)."""
    levels = (
        Column("A", "一级指标", Field.LEVEL1, False),
        Column("B", "二级指标", Field.LEVEL2, False),
        Column("C", "三级指标", Field.LEVEL3, False),
        Column("D", "年度指标值", Field.TARGET, False),
    )
    if kind is ActualsKind.MONITORING:
        return (
            *levels,
            Column("E", f"{period_label(kind, period_month)}完成情况", Field.ACTUAL, True),
            Column("F", "全年预计完成情况", Field.PROJECTED, True),
            Column("G", "完成目标可能性", Field.LIKELIHOOD, True),
            Column("H", "偏差原因类型", Field.CAUSES, True),
            Column("I", "偏差原因说明", Field.NOTE, True),
            Column("J", "改进措施", Field.IMPROVEMENT, True),
            Column("K", "备注", Field.REMARK, True),
        )
    return (
        *levels,
        Column("E", "实际完成值", Field.ACTUAL, True),
        Column("F", "达成程度", Field.ACHIEVEMENT, True),
        Column("G", "分值", Field.POINTS, False),
        Column("H", "得分", Field.SCORE, True),
        Column("I", "偏差原因类型", Field.CAUSES, True),
        Column("J", "偏差原因分析", Field.NOTE, True),
        Column("K", "改进措施", Field.IMPROVEMENT, True),
    )


def column_for(columns: Iterable[Column], field: Field) -> Column | None:
    """The column holding ``field``, if the table has one."""
    for column in columns:
        if column.field is field:
            return column
    return None


def project_sheet_name(seq: int, taken: Iterable[str] = ()) -> str:
    """``项目01`` for project 1; a ``-2`` suffix when that name is taken (≤ 31 chars)."""
    base = f"项目{seq:02d}"
    taken = set(taken)
    name, suffix = base, 2
    while name in taken:
        name, suffix = f"{base}-{suffix}", suffix + 1
    return name


def canonical(value: object) -> str:
    """A cell value as compared for tampering: numbers to 6 decimals without trailing
    zeros (``3000.00`` and ``3000`` agree; a float re-saved by another program still
    agrees), text stripped with ``\\n`` line ends, blank as ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        number = Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))
        number = number.quantize(Decimal("0.000001")).normalize()
        return format(number, "f")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def fingerprint(cells: Mapping[str, str]) -> str:
    """SHA-256 (hex) of ``cell ref → canonical value`` pairs, in a fixed order."""
    text = "\n".join(f"{ref}\t{cells[ref]}" for ref in sorted(cells))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class SheetMeta:
    """What ``_jixiao`` records of one project sheet.

    ``indicator_rows`` pairs each indicator's Excel row with its 1-based index in the
    project's target table; ``cells`` maps every pre-filled cell (``"C15"``) to its
    :func:`canonical` value and ``fingerprint`` is :func:`fingerprint` of them.
    """

    sheet: str
    project_seq: int
    project_name: str
    project_code: str | None
    money_unit: MoneyUnit
    indicator_rows: tuple[tuple[int, int], ...]
    cells: Mapping[str, str]
    fingerprint: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TemplateMeta:
    """The contents of the hidden ``_jixiao`` sheet."""

    format_version: str
    kind: ActualsKind
    unit_code: str
    unit_name: str
    fiscal_year: int
    period_month: int
    disclosure_sha256: str
    generated_at: str
    sheets: tuple[SheetMeta, ...]


def meta_rows(meta: TemplateMeta) -> list[tuple[str, ...]]:
    """The rows written to ``_jixiao``: column A says what each row is (``meta``,
    ``project``, ``indicator``, ``cell``); every value is text so that no program
    re-saving the file turns a code into a number."""
    rows: list[tuple[str, ...]] = [
        ("meta", "format_version", meta.format_version),
        ("meta", "kind", meta.kind.value),
        ("meta", "unit_code", meta.unit_code),
        ("meta", "unit_name", meta.unit_name),
        ("meta", "fiscal_year", str(meta.fiscal_year)),
        ("meta", "period_month", str(meta.period_month)),
        ("meta", "disclosure_sha256", meta.disclosure_sha256),
        ("meta", "generated_at", meta.generated_at),
    ]
    for sheet in meta.sheets:
        rows.append(
            (
                "project",
                sheet.sheet,
                str(sheet.project_seq),
                sheet.project_name,
                sheet.project_code or "",
                sheet.money_unit.value,
                str(len(sheet.indicator_rows)),
                sheet.fingerprint,
            )
        )
        rows.extend(
            ("indicator", sheet.sheet, str(row), str(index)) for row, index in sheet.indicator_rows
        )
        rows.extend(("cell", sheet.sheet, ref, value) for ref, value in sheet.cells.items())
    return rows


def parse_meta_rows(rows: Iterable[Iterable[object]]) -> TemplateMeta:
    """Read back :func:`meta_rows`. Raises ``ValueError`` with a Chinese message when
    the sheet is not one jixiao wrote (unknown version, missing or malformed keys)."""
    values: dict[str, str] = {}
    projects: list[list[str]] = []
    indicators: dict[str, list[tuple[str, str]]] = {}
    cells: dict[str, dict[str, str]] = {}
    for raw in rows:
        row = ["" if value is None else str(value) for value in raw]
        row += [""] * (8 - len(row))
        if row[0] == "meta":
            values[row[1]] = row[2]
        elif row[0] == "project":
            projects.append(row)
        elif row[0] == "indicator":
            indicators.setdefault(row[1], []).append((row[2], row[3]))
        elif row[0] == "cell":
            cells.setdefault(row[1], {})[row[2]] = row[3]
    version = values.get("format_version")
    if version != FORMAT_VERSION:
        raise ValueError(
            f"模板格式版本「{version or '无'}」不是本程序支持的版本 {FORMAT_VERSION}，"
            "请用当前版本的 jixiao 重新生成模板。"
        )
    try:
        sheets = tuple(
            SheetMeta(
                sheet=row[1],
                project_seq=int(row[2]),
                project_name=row[3],
                project_code=row[4] or None,
                money_unit=MoneyUnit(row[5]),
                indicator_rows=tuple(
                    (int(excel_row), int(index)) for excel_row, index in indicators.get(row[1], ())
                ),
                cells=cells.get(row[1], {}),
                fingerprint=row[7],
            )
            for row in projects
        )
        counts_agree = all(
            len(sheet.indicator_rows) == int(row[6])
            for sheet, row in zip(sheets, projects, strict=True)
        )
        meta = TemplateMeta(
            format_version=version,
            kind=ActualsKind(values["kind"]),
            unit_code=values["unit_code"],
            unit_name=values["unit_name"],
            fiscal_year=int(values["fiscal_year"]),
            period_month=int(values["period_month"]),
            disclosure_sha256=values.get("disclosure_sha256", ""),
            generated_at=values.get("generated_at", ""),
            sheets=sheets,
        )
    except (KeyError, ValueError) as error:
        raise ValueError(f"隐藏工作表 {META_SHEET} 的内容不完整或被改动（{error}）。") from None
    if not counts_agree or any(fingerprint(s.cells) != s.fingerprint for s in sheets):
        raise ValueError(f"隐藏工作表 {META_SHEET} 的内容被改动：预填单元格记录与指纹不符。")
    return meta
