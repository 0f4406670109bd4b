"""Amounts the budget tables print for the items that prose quotes.

The narrative rules (:mod:`jixiao.review.narrative`) compare each figure that
:mod:`jixiao.review.figures` reads from the prose with the table that prints the same
item. :func:`table_figures` finds those cells — a row of a known table kind
(收支总表, 支出总表, 基本支出表, 三公, 政府采购, 固定资产 …) crossed with this year's
value column — and returns them as :class:`TableFigure` records that keep the printed
text, its precision and where it stands, so a message can cite the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import (
    BudgetRow,
    BudgetTable,
    ColumnRole,
    Disclosure,
    Location,
    MoneyUnit,
    Side,
    TableKind,
    convert,
)
from jixiao.review.figures import (
    BASIC,
    BUDGET_TOTAL,
    CARRY_OVER,
    EXPENDITURE_TOTAL,
    FIXED_ASSETS,
    GENERAL_BUDGET_INCOME,
    GOV_FUND_INCOME,
    INCOME_TOTAL,
    OPERATING,
    OTHER_INCOME,
    OVERSEAS,
    PERSONNEL,
    PROCUREMENT,
    PROCUREMENT_GOODS,
    PROCUREMENT_SERVICES,
    PROCUREMENT_SME,
    PROCUREMENT_WORKS,
    PROJECT,
    RECEPTION,
    SERVICE_INCOME,
    SPECIAL_ACCOUNT_INCOME,
    STATE_CAPITAL_INCOME,
    THREE_PUBLIC,
    VEHICLE_OPERATION,
    VEHICLE_PURCHASE,
    VEHICLES,
    exponent,
    half_ulp,
    row_name,
)
from jixiao.review.memo import per_document


@dataclass(frozen=True, slots=True)
class TableFigure:
    """An item's amount as a table prints it: ``amount`` in ``unit``, ``exponent`` of
    its last printed digit (a blank cell counts as 0 printed to the cent), and where
    it stands (``source``: table, row and column in words; ``location``)."""

    amount: Decimal
    unit: MoneyUnit
    exponent: int
    raw: str
    source: str
    location: Location | None = None
    code: str | None = None

    @property
    def text(self) -> str:
        """The amount with its unit, as printed ("233.45万元"; a blank cell "0万元（空白）")."""
        if not self.raw:
            return f"0{self.unit.label}（空白）"
        return f"{self.raw}{self.unit.label}"

    def yuan(self) -> tuple[Decimal, Decimal]:
        """The amount in 元 and the rounding of its printing in 元 (:func:`half_ulp`)."""
        return self.amount * self.unit.yuan_per_unit, half_ulp(
            self.exponent, self.unit, self.amount
        )


_LAST_YEAR_COLUMN = re.compile(r"上年(?!结转|结余)|上一年|去年")
_TOTAL_ROW = re.compile(r"^(合计|总计)$")


def _value_column(table: BudgetTable, *, side: Side | None = None, ends: str = "") -> str | None:
    """The key of the first value column (of ``side``; ending with ``ends``) that holds
    this year's amounts: a 上年 column (上年预算数, not 上年结转) is last year's."""
    for column in table.columns:
        if column.role is not ColumnRole.VALUE or _LAST_YEAR_COLUMN.search(column.key):
            continue
        if side is not None and column.side is not side:
            continue
        if ends and not (column.key == ends or column.key.endswith("/" + ends)):
            continue
        return column.key
    return None


def _cell(
    table: BudgetTable,
    row: BudgetRow,
    column: str | None,
    unit: MoneyUnit | None,
    *,
    blank_is_zero: bool,
) -> TableFigure | None:
    if column is None or unit is None:
        return None
    raw = (row.raw(column) or "").strip()
    value = row.value(column)
    if value is None:
        if raw or not blank_is_zero:
            return None
        value = Decimal(0)
    header = column.split("/")[-1]
    return TableFigure(
        amount=value,
        unit=unit,
        exponent=exponent(raw) if raw else -2,
        raw=raw,
        source=f"{table.title or '表'}「{row_name(row.name) or row.name}」行「{header}」列",
        location=row.location,
        code=row.code,
    )


def _find_row(table: BudgetTable, pattern: re.Pattern[str], side: Side | None = None):
    for row in table.rows:
        if (side is None or row.side is side) and pattern.search(row_name(row.name)):
            return row
    return None


def _sum(parts: list[TableFigure], source: str) -> TableFigure | None:
    if not parts:
        return None
    unit = parts[0].unit
    total = sum((convert(p.amount, p.unit, unit) for p in parts), Decimal(0))
    return TableFigure(
        amount=total,
        unit=unit,
        exponent=max(p.exponent for p in parts),
        raw=format(total.quantize(Decimal(1).scaleb(max(p.exponent for p in parts))), "f"),
        source=source,
        location=parts[0].location,
    )


_R = re.compile  # short alias for the row patterns below
_SUMMARY_ROWS: tuple[tuple[str, re.Pattern[str], Side, bool], ...] = (
    (INCOME_TOTAL, _R(r"^收入总计$"), Side.INCOME, False),
    (INCOME_TOTAL, _R(r"^本年收入合计$"), Side.INCOME, False),
    (EXPENDITURE_TOTAL, _R(r"^支出总计$"), Side.EXPENDITURE, False),
    (EXPENDITURE_TOTAL, _R(r"^本年支出合计$"), Side.EXPENDITURE, False),
    (GENERAL_BUDGET_INCOME, _R(r"^一般公共预算"), Side.INCOME, True),
    (GOV_FUND_INCOME, _R(r"^政府性?基金"), Side.INCOME, True),
    (STATE_CAPITAL_INCOME, _R(r"^国有资本经营"), Side.INCOME, True),
    (SPECIAL_ACCOUNT_INCOME, _R(r"^财政专户"), Side.INCOME, True),
    (SERVICE_INCOME, _R(r"^事业收入"), Side.INCOME, True),
    (OTHER_INCOME, _R(r"^其他收入"), Side.INCOME, True),
    (CARRY_OVER, _R(r"^上年结转"), Side.INCOME, True),
)
_THREE_PUBLIC_TOTAL = _R(r"^合计$|三公.{0,3}(小计|合计)")
_OVERSEAS = _R(r"^因公出国[（(]境[）)]费$")
_OVERSEAS_PART = _R(r"因公出国[（(]境[）)]费")
_VEHICLES = _R(r"^公务用车购置(及|和)运")
_PURCHASE = _R(r"^(公务用车)?购置费$")
_OPERATION = _R(r"^(公务用车)?运(行|维)(维护|维修)?费$")
_RECEPTION = _R(r"^公务接待费$")
_ASSETS_TOTAL = _R(r"^(资产总额|资产合计|合计|总计)$")
_CATALOGUE = {"A": PROCUREMENT_GOODS, "B": PROCUREMENT_WORKS, "C": PROCUREMENT_SERVICES}
_CATALOGUE_NAMES = {"A": "货物", "B": "工程", "C": "服务"}


@per_document
def table_figures(disclosure: Disclosure) -> dict[str, list[TableFigure]]:
    """For each item, the amounts the tables give it, most authoritative first.

    A prose figure agreeing with any of them is consistent (the 基本支出 of the 支出总表
    and of the 一般公共预算支出表 differ when a unit has other funds). Blank leaf cells
    count as 0; a blank total row counts as unknown, except where its parts give it
    (公务用车购置及运维费 = 购置费 + 运行维护费). Function-class (类) rows of the
    支出总表 are keyed ``class:<name>``. Memoised per document (read-only result).
    """
    found: dict[str, list[TableFigure]] = {}

    def add(item: str, figure: TableFigure | None) -> None:
        if figure is not None:
            found.setdefault(item, []).append(figure)

    default_unit = disclosure.money_unit
    for table in disclosure.budget_tables:
        unit = table.money_unit or default_unit
        kind = table.kind
        if kind is TableKind.INCOME_EXPENDITURE_SUMMARY:
            for item, pattern, side, leaf in _SUMMARY_ROWS:
                row = _find_row(table, pattern, side)
                if row is not None:
                    column = _value_column(table, side=side) or _value_column(table)
                    add(item, _cell(table, row, column, unit, blank_is_zero=leaf))
        elif kind in (TableKind.EXPENDITURE_SUMMARY, TableKind.GENERAL_BUDGET_EXPENDITURE):
            total = _find_row(table, _TOTAL_ROW)
            if total is not None:
                for item, header in ((BASIC, "基本支出"), (PROJECT, "项目支出")):
                    column = _value_column(table, ends=header)
                    add(item, _cell(table, total, column, unit, blank_is_zero=False))
                if kind is TableKind.EXPENDITURE_SUMMARY:
                    column = _value_column(table, ends="合计")
                    add(EXPENDITURE_TOTAL, _cell(table, total, column, unit, blank_is_zero=False))
                    for row in table.rows:
                        if row.code and len(row.code) == 3:
                            add(
                                "class:" + row_name(row.name),
                                _cell(table, row, column, unit, blank_is_zero=False),
                            )
        elif kind is TableKind.INCOME_SUMMARY:
            total = _find_row(table, _TOTAL_ROW)
            if total is not None:
                column = _value_column(table, ends="合计")
                add(INCOME_TOTAL, _cell(table, total, column, unit, blank_is_zero=False))
        elif kind is TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE:
            total = _find_row(table, _TOTAL_ROW)
            if total is not None:
                for item, header in (
                    (BASIC, "合计"),
                    (PERSONNEL, "人员经费"),
                    (OPERATING, "公用经费"),
                ):
                    column = _value_column(table, ends=header)
                    add(item, _cell(table, total, column, unit, blank_is_zero=False))
        elif kind is TableKind.THREE_PUBLIC_EXPENSES:
            _three_public(table, unit, add)
        elif kind is TableKind.PROCUREMENT_BUDGET:
            _procurement(table, unit, add)
        elif kind is TableKind.FIXED_ASSETS:
            row = _find_row(table, _ASSETS_TOTAL)
            column = next(
                (c.key for c in table.columns if c.role is ColumnRole.VALUE and "价值" in c.key),
                None,
            )
            if row is not None:
                add(FIXED_ASSETS, _cell(table, row, column, unit, blank_is_zero=False))
    found[BUDGET_TOTAL] = [*found.get(INCOME_TOTAL, []), *found.get(EXPENDITURE_TOTAL, [])]
    if not found[BUDGET_TOTAL]:
        del found[BUDGET_TOTAL]
    return found


def _three_public(table: BudgetTable, unit: MoneyUnit | None, add) -> None:
    column = _value_column(table, ends="合计") or _value_column(table)

    def cell(pattern: re.Pattern[str], *, leaf: bool) -> TableFigure | None:
        row = _find_row(table, pattern)
        return None if row is None else _cell(table, row, column, unit, blank_is_zero=leaf)

    for row in table.rows:
        if _THREE_PUBLIC_TOTAL.search(row_name(row.name)):
            add(THREE_PUBLIC, _cell(table, row, column, unit, blank_is_zero=False))
    purchase = cell(_PURCHASE, leaf=True)
    operation = cell(_OPERATION, leaf=True)
    add(VEHICLE_PURCHASE, purchase)
    add(VEHICLE_OPERATION, operation)
    add(RECEPTION, cell(_RECEPTION, leaf=True))
    vehicles = cell(_VEHICLES, leaf=False)
    if vehicles is None and purchase is not None and operation is not None:
        vehicles = _sum([purchase, operation], f"{table.title}「购置费」与「运行维护费」两行之和")
    add(VEHICLES, vehicles)
    overseas = cell(_OVERSEAS, leaf=False)
    if overseas is None:
        parts = [
            _cell(table, row, column, unit, blank_is_zero=True)
            for row in table.rows
            if _OVERSEAS_PART.search(row_name(row.name))
        ]
        present = [p for p in parts if p is not None]
        if present and len(present) == len(parts):
            overseas = _sum(present, f"{table.title}「因公出国（境）费」各行之和")
    add(OVERSEAS, overseas)


def _procurement(table: BudgetTable, unit: MoneyUnit | None, add) -> None:
    amount = next(
        (
            c.key
            for c in table.columns
            if c.role is ColumnRole.VALUE and "政府采购金额" in c.key and c.key.endswith("合计")
        ),
        None,
    ) or _value_column(table, ends="合计")
    sme = next(
        (c.key for c in table.columns if c.role is ColumnRole.VALUE and "中小" in c.key), None
    )
    catalogue = next((c.key for c in table.columns if "目录" in c.key), None)
    total = _find_row(table, _TOTAL_ROW)
    if total is not None:
        add(PROCUREMENT, _cell(table, total, amount, unit, blank_is_zero=False))
        add(PROCUREMENT_SME, _cell(table, total, sme, unit, blank_is_zero=False))
    if catalogue is None or amount is None:
        return
    # Goods, works and services by the catalogue code's letter (A 货物, B 工程, C 服务),
    # only when every purchase row carries a code.
    by_kind: dict[str, list[TableFigure]] = {key: [] for key in _CATALOGUE}
    for row in table.rows:
        name = row_name(row.name)
        if _TOTAL_ROW.search(name) or "小计" in name or "合计" in name:
            continue
        figure = _cell(table, row, amount, unit, blank_is_zero=False)
        if figure is None:
            continue
        code = (row.raw(catalogue) or "").strip().upper()[:1]
        if code not in _CATALOGUE:
            return
        by_kind[code].append(figure)
    if not any(by_kind.values()):
        return
    for letter, item in _CATALOGUE.items():
        parts = by_kind[letter]
        source = f"{table.title}中目录序号以{letter}开头（{_CATALOGUE_NAMES[letter]}）各行之和"
        if parts:
            add(item, _sum(parts, source))
        elif unit is not None:
            add(
                item, TableFigure(amount=Decimal(0), unit=unit, exponent=-2, raw="0", source=source)
            )
