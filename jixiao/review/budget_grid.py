"""A budget table read as a grid of printed numbers, and the record of what does not add up.

The ground both kinds of table check stand on — within a table
(:mod:`jixiao.review.budget_tree`) and across tables (:mod:`jixiao.review.budget_cross`):
a :class:`Grid` holds a table's cells as :class:`~jixiao.review.precision.Num` by row and
column key, in the table's unit; the column tests say which columns add up and which total
others; :func:`side_sections` reads the layout of a 收支总表's side; :func:`compare` checks a
cell against the sum of others within their rounding and records a :class:`Mismatch` in the
:class:`Audit`, which reports each (table, row, column) at most once. Kept apart so that the
two kinds of check share one reading of the tables and one record, without importing each
other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from jixiao.model import (
    BudgetColumn,
    BudgetRow,
    BudgetTable,
    ColumnRole,
    MoneyUnit,
    Side,
    convert,
)
from jixiao.review.precision import BLANK, ZERO, Num, bound

# Columns that do not add up: prices, rates, counts of different things, comparisons with
# last year, the procurement table's source-project budget (one project funds several lines).
_NON_ADDITIVE = re.compile(r"单价|率|[%％]|比例|增减|增长|变动|上年(?!结转|结余)|数量|项目来源")
_QUANTITY = re.compile(r"数量|面积")
_CN_NUMBERED = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]")
_SPACE = re.compile(r"\s+")

# Row names, read without spaces.
TOTAL_WORDS = ("合计", "小计", "总计")
NUMBERED = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])"
)
TOTAL = re.compile(r"合计|总计|总额")
GRAND = re.compile(r"总计")
YEAR_TOTAL = re.compile(
    r"^(?!.*总计)(?:.*合计|(?:[一二三四五六七八九十]+[、.．])?\s*本年(?:收入|支出)\s*$"
    r"|.*[本当]年(?:收入|支出)小计)"
)  # 当年收入小计 (Jiangsu) comes before its 收入合计, so it is found first
AMONG = re.compile(r"^\s*其中[:：]?\s*")
SOURCES = ("一般公共预算", "政府性基金", "国有资本经营")


class Check(StrEnum):
    """The kind of identity a mismatch breaks."""

    SUM = "sum"  # a row against the rows it totals (down a column)
    ROW_TOTAL = "row_total"  # a 合计/小计 column against the columns it totals (across a row)
    SUBITEM = "subitem"  # an 其中 line above its item
    BALANCE = "balance"  # 收入总计 against 支出总计, and per source
    CROSS = "cross"  # the same figure in two tables


def column_label(column: BudgetColumn) -> str:
    """The column as a person finds it: its header path (``一般公共预算基本支出/合计``)."""
    return "/".join(h for h in column.header if h) or column.key


def is_additive(column: BudgetColumn) -> bool:
    """A value column whose cells add up (money, not prices, rates or counts)."""
    return column.role is ColumnRole.VALUE and not _NON_ADDITIVE.search(column_label(column))


def is_total(column: BudgetColumn) -> bool:
    """A 合计/小计/总计 column (``“三公”经费合计`` too)."""
    return bool(column.header) and column.header[-1].strip().endswith(TOTAL_WORDS)


def is_quantity(column: BudgetColumn) -> bool:
    """A 数量 or 面积 column: counts, no money unit."""
    return bool(_QUANTITY.search(column_label(column)))


@lru_cache(maxsize=4096)
def clean_code(code: str | None) -> str | None:
    """The digits of a classification code; ``None`` for none, a label such as 合计, or a
    code that is not all digits (kept out of the trees; ``code-malformed`` reports it)."""
    text = (code or "").replace(" ", "")
    return text if text.isdigit() else None


@lru_cache(maxsize=4096)
def compact(text: str) -> str:
    """``text`` without whitespace."""
    return _SPACE.sub("", text)


def strip_numbering(name: str) -> str:
    """``一、一般公共服务支出`` → ``一般公共服务支出``."""
    return NUMBERED.sub("", name).strip()


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One identity that does not hold, placed on the printed cell it is reported on.

    ``expected`` is in ``unit`` (the table's; ``None`` for counts or an unknown unit);
    ``actual`` is the printed cell (a blank for an empty table, which has no row or
    column); ``parts`` says what was summed, or which figure of which table was compared;
    ``decimals`` is the display precision.
    """

    check: Check
    table: BudgetTable
    row: BudgetRow | None
    column: BudgetColumn | None
    expected: Decimal
    actual: Num
    parts: str
    unit: MoneyUnit | None
    decimals: int


@dataclass(slots=True)
class Grid:
    """A table with its numbers by row and column key, and its unit (the document's when
    it prints none)."""

    index: int
    table: BudgetTable
    unit: MoneyUnit | None
    cells: list[dict[str, Num | None]]
    values: list[BudgetColumn]

    def num(self, row: int, column: BudgetColumn) -> Num | None:
        return self.cells[row].get(column.key, BLANK)

    def name(self, row: int) -> str:
        """The row's name without spaces ("合    计" is printed to fill a wide cell)."""
        return compact(self.table.rows[row].name)

    def label(self, row: int) -> str:
        r = self.table.rows[row]
        return r.code or AMONG.sub("", self.name(row)) or f"第{row + 1}行"

    def side_rows(self, side: Side | None) -> list[int]:
        return [i for i, r in enumerate(self.table.rows) if r.side is side and self.name(i)]

    def side_values(self, side: Side | None) -> list[BudgetColumn]:
        return [c for c in self.values if c.side is side]

    def side_row(self, side: Side, pattern: re.Pattern[str]) -> int | None:
        return next((i for i in self.side_rows(side) if pattern.search(self.name(i))), None)


Cell = tuple[Grid, int, BudgetColumn]


@dataclass(slots=True)
class Audit:
    """The mismatches found so far, each (table, row, column) reported once."""

    mismatches: list[Mismatch] = field(default_factory=list)
    flagged: set[tuple[int, int, str]] = field(default_factory=set)

    def free(self, cells: Iterable[Cell]) -> bool:
        """True when none of ``cells`` has been reported."""
        return not any((t.index, r, c.key) in self.flagged for t, r, c in cells)

    def report(
        self, check: Check, at: tuple[Grid, int | None, BudgetColumn | None],
        expected: Decimal, actual: Num, parts: str, decimals: int,
    ) -> None:  # fmt: skip
        t, row, column = at
        if row is not None and column is not None:
            self.flagged.add((t.index, row, column.key))
        unit = None if column is not None and is_quantity(column) else t.unit
        row_ = None if row is None else t.table.rows[row]
        decimals = max(decimals, actual.decimals)
        self.mismatches.append(
            Mismatch(check=check, table=t.table, row=row_, column=column, expected=expected,
                     actual=actual, parts=parts, unit=unit, decimals=decimals)
        )  # fmt: skip


def compare(
    result: Audit, at: tuple[Grid, int | None, BudgetColumn | None], others: Sequence[Cell],
    label: str, check: Check = Check.CROSS,
) -> None:  # fmt: skip
    """Report ``at`` when it differs from the sum of ``others`` beyond their rounding,
    unless one of the cells was reported already. ``at`` without a row is an empty table,
    whose total is an exact zero."""
    t, row, column = at
    printed = BLANK if row is None or column is None else t.num(row, column)
    numbers = [o.num(r, c) for o, r, c in others]
    if printed is None or None in numbers:
        return
    if not result.free([*others, *([] if row is None or column is None else [at])]):
        return
    expected, halves, decimals = ZERO, ZERO, printed.decimals
    for (other, _, _), n in zip(others, numbers, strict=True):
        if other.unit is not t.unit and None in (other.unit, t.unit):
            return  # one table says 元 or 万元, the other does not: no safe comparison
        expected += n.value if other.unit is t.unit else convert(n.value, other.unit, t.unit)
        halves += n.half if other.unit is t.unit else convert(n.half, other.unit, t.unit)
        decimals = max(decimals, n.decimals if other.unit is t.unit else 0)
    count = sum(1 for n in numbers if n.half > 0)
    if abs(printed.value - expected) > bound(printed, halves, count):
        exponent = expected.normalize().as_tuple().exponent
        decimals = max(decimals, min(6, -exponent)) if isinstance(exponent, int) else decimals
        result.report(check, at, expected, printed, label, decimals)


# -- the sides of a 收支总表 --------------------------------------------------------------

Sections = tuple[int | None, list[tuple[int, list[int]]]]


def side_sections(t: Grid, side: Side) -> Sections:
    """A side of a 收支总表: its 总计 row and its sections, each a row with the lines it
    sums. The 本年…合计 section comes first. Two layouts occur:

    - totals after their lines (Hebei): 一、… 二、… lines, then 本年收入合计, then rows
      such as 上年结转 or 年初财政拨款结转和结余 with numbered lines under it, then 总计;
    - totals before their lines (Sichuan): 一、本年收入 then its lines, 二、上年结转结余
      then its lines, then 总计.

    Without a 总计 row, a 合计 row after the 本年 total is the side's whole (Jiangsu:
    当年收入小计, 上年结转资金, 收入合计).
    """
    rows = t.side_rows(side)
    grand = t.side_row(side, GRAND)
    year = t.side_row(side, YEAR_TOTAL)
    if grand is None and year is not None:  # 当年收入小计 … 上年结转资金, 收入合计 (Jiangsu)
        grand = next((i for i in rows if i > year and TOTAL.search(t.name(i))), None)
    end = len(t.table.rows) if grand is None else grand
    if year is None:
        return grand, [(i, []) for i in rows if i < end]
    sections: list[tuple[int, list[int]]] = []
    if not any(i < year for i in rows):  # totals before their lines
        for i in (i for i in rows if year <= i < end):
            if i == year or _CN_NUMBERED.match(t.name(i)) or not sections:
                sections.append((i, []))
            else:
                sections[-1][1].append(i)
        return grand, sections
    sections.append((year, [i for i in rows if i < year and not AMONG.match(t.name(i))]))
    for i in (i for i in rows if year < i < end):
        if len(sections) > 1 and NUMBERED.match(t.name(i)):
            sections[-1][1].append(i)
        else:
            sections.append((i, []))
    return grand, sections


def main_column(columns: Sequence[BudgetColumn]) -> BudgetColumn | None:
    """The column holding a side's whole amount: its 合计, else its first amount column."""
    additive = [c for c in columns if is_additive(c)]
    total = (c for c in additive if is_total(c))
    return next(total, None) or next(iter(additive), None)


def year_row(t: Grid, side: Side) -> int | None:
    """A side's 本年…合计 row."""
    return t.side_row(side, YEAR_TOTAL)
