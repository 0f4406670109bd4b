"""Budget tables (预算公开表格): the standard set of a disclosure and any other table."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.model.location import Location
from jixiao.model.money import MoneyUnit


class TableKind(StrEnum):
    """What a table is, by the glossary's names; unknown titles are ``other``."""

    INCOME_EXPENDITURE_SUMMARY = "income_expenditure_summary"  # 部门预算收支总表
    INCOME_SUMMARY = "income_summary"  # 部门预算收入总表
    EXPENDITURE_SUMMARY = "expenditure_summary"  # 部门预算支出总表
    FISCAL_APPROPRIATION_SUMMARY = "fiscal_appropriation_summary"  # 财政拨款收支总表
    GENERAL_BUDGET_EXPENDITURE = "general_budget_expenditure"  # 一般公共预算财政拨款支出表
    GENERAL_BUDGET_BASIC_EXPENDITURE = "general_budget_basic_expenditure"  # …基本支出表
    GOV_FUND_EXPENDITURE = "gov_fund_expenditure"  # 政府性基金预算财政拨款支出表
    STATE_CAPITAL_EXPENDITURE = "state_capital_expenditure"  # 国有资本经营预算财政拨款支出表
    THREE_PUBLIC_EXPENSES = "three_public_expenses"  # 财政拨款"三公"经费支出表
    PROCUREMENT_BUDGET = "procurement_budget"  # 政府采购预算表
    FIXED_ASSETS = "fixed_assets"  # 固定资产占用情况表
    OTHER = "other"


class ColumnRole(StrEnum):
    """What a column holds."""

    SEQ = "seq"  # 序号 / 栏次 labels
    CODE = "code"  # 科目编码 (function or economic classification)
    NAME = "name"  # 科目名称 / 项目
    VALUE = "value"  # a number (money or a count)
    TEXT = "text"  # any other text (采购物品名称, 计量单位 …)


class Side(StrEnum):
    """The part of a side-by-side table (收支总表) a column or row belongs to.

    Most 收支总表 have two halves, 收入 and 支出 (by function). Jiangsu's print a third
    column group, 支出用途 (一、基本支出 / 二、项目支出 / 三、单位预留机动经费): the same
    expenditure by use, so it is a side of its own and never summed with the functions.
    """

    INCOME = "income"
    EXPENDITURE = "expenditure"
    EXPENDITURE_BY_USE = "expenditure_use"  # 支出用途 (fits the store's 16-character column)


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetColumn:
    """A column of a budget table.

    ``key`` is unique in the table: the header path joined with ``/``
    (``本年收入/财政拨款收入``, ``支出/预算数``). ``header`` keeps each header level
    as printed; ``column_no`` is the printed 栏次 when there is one.
    """

    key: str
    header: tuple[str, ...]
    role: ColumnRole
    side: Side | None = None
    column_no: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CellValue:
    """One cell: raw text as printed and, when it is a number, its ``Decimal``."""

    column: str
    raw: str
    value: Decimal | None


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetRow:
    """A data row of a budget table.

    For side-by-side tables each printed row gives one ``BudgetRow`` per side that
    has content, both with the same ``seq`` and location. ``values`` hold the
    row's value and text cells in column order (code, name and seq are fields).
    Money values are in the table's ``money_unit``.
    """

    seq: str | None
    code: str | None
    name: str
    values: tuple[CellValue, ...]
    side: Side | None = None
    location: Location | None = None

    def value(self, column: str) -> Decimal | None:
        """The number in ``column`` (a column key), ``None`` if blank or absent."""
        for cell in self.values:
            if cell.column == column:
                return cell.value
        return None

    def raw(self, column: str) -> str | None:
        """The raw text in ``column``, ``None`` if the row has no such cell."""
        for cell in self.values:
            if cell.column == column:
                return cell.raw
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetTable:
    """A table of the disclosure, with its header and rows.

    ``money_unit`` is the unit printed for the table (``单位：万元``), ``None`` when
    the table prints none. ``captions`` keep the caption cells printed above the
    header (unit line, 预算年度, 单位, 截止时间) and ``note`` the remark printed
    under it (``注：无…，空表列示。``). An empty table has no rows.
    """

    title: str
    kind: TableKind
    money_unit: MoneyUnit | None
    columns: tuple[BudgetColumn, ...]
    rows: tuple[BudgetRow, ...]
    captions: tuple[str, ...] = ()
    note: str | None = None
    location: Location | None = None

    @property
    def is_empty(self) -> bool:
        """True when no value or text cell holds anything (a table published
        empty, 空表列示, or printed with row labels only)."""
        return not any(cell.raw for row in self.rows for cell in row.values)

    def column(self, key: str) -> BudgetColumn | None:
        """The column with ``key``, if any."""
        for column in self.columns:
            if column.key == key:
                return column
        return None
