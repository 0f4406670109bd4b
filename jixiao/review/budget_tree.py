"""The arithmetic of budget tables: printed numbers, what sums to what, and tolerances.

The ``arithmetic`` rules (:mod:`jixiao.review.arithmetic`) report what :func:`audit` finds.
How each kind of table adds up (RULES.md §6):

- tables by classification code (收入总表, 支出总表, the 一般公共预算/政府性基金/国有资本
  经营 支出表s, 基本支出表): a row sums the rows whose nearest printed code prefix is its
  code (功能分类 类 3 digits → 款 5 → 项 7; 经济分类 类 3 → 款 5), and an uncoded 合计 row
  sums the top-level rows;
- side-by-side summaries (收支总表, 财政拨款收支总表), on each side: 本年…合计 = Σ the lines
  above it; …总计 = 本年…合计 + the rows between (上年结转 …), a row such as 年初财政拨款
  结转和结余 summing the numbered lines printed under it; 收入总计 = 支出总计, and in the
  财政拨款收支总表 per source: income of a source (+ its 结转) = 支出总计 in its column;
- 三公: 合计 = “三公”经费小计 (+ any other item); 小计 = 出国 + 公务用车 + 接待; 出国 = its
  其中 lines; 公务用车购置及运行（维）费 = 购置费 + 运行（维护）费 (财预〔2016〕143号);
- 固定资产占用情况表: 资产总额 = Σ the numbered items, money only (数量 mixes m², 辆, 台);
  an 其中 line never exceeds its item;
- 政府采购预算表: 合计 = Σ 小计 (else Σ items); a 小计 = Σ its items;
- across a row, a 合计/小计 column = Σ the columns under the same header, a sub-group
  counting through its own 小计 (header paths, :attr:`BudgetColumn.header`);
- across tables, the same figure printed twice agrees (see :func:`_check_cross`).

**Tolerance.** A printed number is rounded to its last printed digit, so it is off by at most
half a unit of that digit (``h`` = 0.005 for two decimals, 0.5 for none; a blank or a dash is
an exact zero, ``h`` = 0). A printed total compared with the sum of n ≥ 2 printed addends may
therefore differ by ``Σ hᵢ + h_total`` ≤ (n + 1) × h of the coarsest printed digit; only a
larger difference is reported. With a single printed addend (a 类 over one 款, the same figure
in two tables, a 合计 over one non-blank column) both cells round one true value, so they may
differ only by the coarser printing's ``h``: not at all at equal precision, and by less than
half a 万元 unit between 元 and 万元 (compared after :func:`jixiao.model.convert`).

**Which cell is reported.** A parent is compared with the sum *recomputed from the leaves*
under it (a child that is itself a parent counts with its recomputed sum), so a wrong subtotal
is reported once — its own parent still adds up — while a wrong leaf shows in every ancestor,
as a leaf cannot be told from its siblings. A blank parent over printed children is a
mismatch (blank cells are printed zeros in these documents). Identities are checked in order
— trees, row totals, 其中 lines, balances, across tables — and one that involves a cell
already reported is skipped, so each (row, column) is reported at most once. A cell that is
not a number (nor a dash) makes every identity it enters unknown: never summed, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from jixiao.ingest.target import parse_number
from jixiao.model import (
    BudgetColumn,
    BudgetRow,
    BudgetTable,
    CellValue,
    ColumnRole,
    Disclosure,
    MoneyUnit,
    Side,
    TableKind,
    convert,
)

ZERO = Decimal(0)
_HALF = Decimal("0.5")
_DASH = re.compile(r"[-‐‑‒–—―－─━]+")  # a cell of dashes is a printed zero
_PERCENT = re.compile(r"[-+]?[0-9０-９.,．]+\s*[%％]")
# Columns that do not add up: prices, rates, counts of different things, comparisons with
# last year, the procurement table's source-project budget (one project funds several lines).
_NON_ADDITIVE = re.compile(r"单价|率|[%％]|比例|增减|增长|变动|上年(?!结转|结余)|数量|项目来源")
_QUANTITY = re.compile(r"数量|面积")
_TOTAL_WORDS = ("合计", "小计", "总计")
_CN_NUMBERED = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]")
_NUMBERED = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])"
)
_TOTAL = re.compile(r"合计|总计|总额")
_SUBTOTAL = re.compile(r"小计")
_GRAND = re.compile(r"总计")
_YEAR_TOTAL = re.compile(
    r"^(?!.*总计)(?:.*合计|(?:[一二三四五六七八九十]+[、.．])?\s*本年(?:收入|支出)\s*$)"
)
_CARRY = re.compile(r"结转|结余")
_AMONG = re.compile(r"^\s*其中[:：]?\s*")
_SPACE = re.compile(r"\s+")
_SOURCES = ("一般公共预算", "政府性基金", "国有资本经营")


class Check(StrEnum):
    """The kind of identity a mismatch breaks."""

    SUM = "sum"  # a row against the rows it totals (down a column)
    ROW_TOTAL = "row_total"  # a 合计/小计 column against the columns it totals (across a row)
    SUBITEM = "subitem"  # an 其中 line above its item
    BALANCE = "balance"  # 收入总计 against 支出总计, and per source
    CROSS = "cross"  # the same figure in two tables


@dataclass(frozen=True, slots=True)
class Num:
    """A printed number: its value, half a unit of its last printed digit (the most its
    rounding can hide; 0 for a blank, an exact zero), the raw text and its decimals."""

    value: Decimal
    half: Decimal
    raw: str
    decimals: int


_BLANK = Num(ZERO, ZERO, "", 0)


@lru_cache(maxsize=4096)
def is_dash(raw: str) -> bool:
    """True when ``raw`` is a dash standing for zero ("—", "-", "－")."""
    return bool(_DASH.fullmatch(raw.strip()))


@lru_cache(maxsize=4096)
def is_percent(raw: str) -> bool:
    """True when ``raw`` is a percentage ("5.2%"), readable but not an amount."""
    return bool(_PERCENT.fullmatch(raw.strip()))


@lru_cache(maxsize=4096)
def _printed(raw: str) -> Num | None:
    if not raw.strip() or is_dash(raw):
        return Num(ZERO, ZERO, raw, 0)
    value = parse_number(raw.strip())
    return None if value is None else _from_value(value, raw)


def _from_value(value: Decimal, raw: str) -> Num:
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Num(value, _HALF.scaleb(-decimals), raw, decimals)


@lru_cache(maxsize=8192)  # the same amounts recur down and across tables
def number(raw: str, value: Decimal | None) -> Num | None:
    """A printed amount from its raw text and parsed value: a blank or a dash is an exact
    zero; ``None`` when the text is not a number."""
    return _printed(raw) if value is None else _from_value(value, raw)


def cell_number(cell: CellValue | None) -> Num | None:
    """The number in ``cell`` (an absent cell is a blank), as :func:`number`."""
    return _BLANK if cell is None else number(cell.raw, cell.value)


def column_label(column: BudgetColumn) -> str:
    """The column as a person finds it: its header path (``一般公共预算基本支出/合计``)."""
    return "/".join(h for h in column.header if h) or column.key


def is_additive(column: BudgetColumn) -> bool:
    """A value column whose cells add up (money, not prices, rates or counts)."""
    return column.role is ColumnRole.VALUE and not _NON_ADDITIVE.search(column_label(column))


def is_total(column: BudgetColumn) -> bool:
    """A 合计/小计/总计 column (``“三公”经费合计`` too)."""
    return bool(column.header) and column.header[-1].strip().endswith(_TOTAL_WORDS)


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
def _compact(text: str) -> str:
    return _SPACE.sub("", text)


def strip_numbering(name: str) -> str:
    """``一、一般公共服务支出`` → ``一般公共服务支出``."""
    return _NUMBERED.sub("", name).strip()


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
class _Table:
    """A table with its numbers by row and column key, and its unit (the document's when
    it prints none)."""

    index: int
    table: BudgetTable
    unit: MoneyUnit | None
    cells: list[dict[str, Num | None]]
    values: list[BudgetColumn]

    def num(self, row: int, column: BudgetColumn) -> Num | None:
        return self.cells[row].get(column.key, _BLANK)

    def name(self, row: int) -> str:
        """The row's name without spaces ("合    计" is printed to fill a wide cell)."""
        return _compact(self.table.rows[row].name)

    def label(self, row: int) -> str:
        r = self.table.rows[row]
        return r.code or _AMONG.sub("", self.name(row)) or f"第{row + 1}行"

    def side_rows(self, side: Side | None) -> list[int]:
        return [i for i, r in enumerate(self.table.rows) if r.side is side and self.name(i)]

    def side_values(self, side: Side | None) -> list[BudgetColumn]:
        return [c for c in self.values if c.side is side]

    def side_row(self, side: Side, pattern: re.Pattern[str]) -> int | None:
        return next((i for i in self.side_rows(side) if pattern.search(self.name(i))), None)


Cell = tuple[_Table, int, BudgetColumn]


@dataclass(slots=True)
class Audit:
    """The mismatches found so far, each (table, row, column) reported once."""

    mismatches: list[Mismatch] = field(default_factory=list)
    flagged: set[tuple[int, int, str]] = field(default_factory=set)

    def free(self, cells: Iterable[Cell]) -> bool:
        """True when none of ``cells`` has been reported."""
        return not any((t.index, r, c.key) in self.flagged for t, r, c in cells)

    def report(
        self, check: Check, at: tuple[_Table, int | None, BudgetColumn | None],
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


def audit(disclosure: Disclosure) -> tuple[Mismatch, ...]:
    """Every mismatch of ``disclosure``'s tables, in the order found; never raises on odd
    tables. Memoised on the tables, so the rules of one review share one audit."""
    try:
        return _audit(disclosure.budget_tables, disclosure.money_unit)
    except TypeError:  # a table that cannot be hashed (not from our readers): no memo
        return _audit.__wrapped__(disclosure.budget_tables, disclosure.money_unit)


@lru_cache(maxsize=8)
def _audit(tables_: tuple[BudgetTable, ...], unit: MoneyUnit | None) -> tuple[Mismatch, ...]:
    result = Audit()
    tables = [
        _Table(index=i, table=t, unit=t.money_unit or unit,
               cells=[{c.column: cell_number(c) for c in row.values} for row in t.rows],
               values=[c for c in t.columns if c.role is ColumnRole.VALUE])
        for i, t in enumerate(tables_)
    ]  # fmt: skip
    for t in tables:
        _check_tree(result, t)
    for t in tables:
        _check_row_totals(result, t)
    for t in tables:
        _check_subitems(result, t)
        if t.table.kind in _SUMMARY_KINDS:
            _check_balance(result, t)
    _check_cross(result, tables)
    return tuple(result.mismatches)


# -- down the columns ------------------------------------------------------------------

Tree = tuple[dict[int, list[int]], list[int]]  # children by row, and the rows to check
_SUMMARY_KINDS = (TableKind.INCOME_EXPENDITURE_SUMMARY, TableKind.FISCAL_APPROPRIATION_SUMMARY)


def _check_tree(result: Audit, t: _Table) -> None:
    kind, additive = t.table.kind, [c for c in t.values if is_additive(c)]
    if kind in _SUMMARY_KINDS or any(c.side is not None for c in t.values):
        for side in (Side.INCOME, Side.EXPENDITURE):
            _evaluate(result, t, _side_tree(t, side), [c for c in additive if c.side is side])
    elif kind is TableKind.THREE_PUBLIC_EXPENSES:
        _evaluate(result, t, _three_public_tree(t), additive)
    elif kind is TableKind.FIXED_ASSETS:
        money = [c for c in additive if not is_quantity(c)]
        _evaluate(result, t, _outline_tree(t)[0], money)
    elif kind is TableKind.PROCUREMENT_BUDGET:
        _evaluate(result, t, _procurement_tree(t), additive)
    elif any(c.role is ColumnRole.CODE for c in t.table.columns):
        _evaluate(result, t, _code_tree(t), additive)


def _evaluate(result: Audit, t: _Table, tree: Tree, columns: Sequence[BudgetColumn]) -> None:
    children, parents = tree
    for column in columns if parents else ():
        memo: dict[int, Sum | None] = {}
        for row in parents:
            _effective(result, t, children, column, memo, row)


Sum = tuple[Decimal, Decimal, int, int]  # value, Σ h of its printed addends, decimals, count


def _effective(
    result: Audit, t: _Table, children: dict[int, list[int]], column: BudgetColumn,
    memo: dict[int, Sum | None], row: int,
) -> Sum | None:  # fmt: skip
    """The sum of ``row``'s leaves in ``column`` when it has children that can all be read —
    its printed number checked against it on the way — else its printed number (one
    addend); ``None`` when unknown."""
    if row in memo:
        return memo[row]
    memo[row] = None  # guards against a cycle, which a well-formed tree never has
    printed, kids = t.num(row, column), children.get(row, ())
    total, halves, decimals, count, known = ZERO, ZERO, 0, 0, bool(kids)
    for kid in kids:
        got = _effective(result, t, children, column, memo, kid)
        if got is None:
            known = False
            break
        total, halves = total + got[0], halves + got[1]
        decimals, count = max(decimals, got[2]), count + got[3]
    if known:
        if printed is not None and abs(printed.value - total) > _bound(printed, halves, count):
            result.report(Check.SUM, (t, row, column), total, printed, _parts(t, kids, column),
                          decimals)  # fmt: skip
        memo[row] = (total, halves, decimals, count)
    elif printed is not None:
        memo[row] = (printed.value, printed.half, printed.decimals, int(printed.half > 0))
    return memo[row]


def _bound(total: Num, halves: Decimal, count: int) -> Decimal:
    """How far a printed ``total`` may be from ``count`` printed addends whose halves of a
    last unit sum to ``halves``: ``Σ hᵢ + h_total``, or, for one addend, the larger ``h``."""
    return total.half + halves if count > 1 else max(total.half, halves)


def _parts(t: _Table, rows: Sequence[int], column: BudgetColumn) -> str:
    """The addends as a person names them: the non-zero ones, at most four."""
    shown = [t.label(r) for r in rows if (n := t.num(r, column)) is None or n.value != 0]
    shown = shown or [t.label(r) for r in rows]
    return f"{'、'.join(shown[:3])}等{len(shown)}项" if len(shown) > 4 else "、".join(shown)


def _tree(children: dict[int, list[int]], first: Sequence[int | None]) -> Tree:
    """The tree with the rows to check: ``first`` (the totals), then every other parent."""
    checked = [r for r in first if r is not None]
    return children, checked + [r for r in children if r not in checked]


def _code_tree(t: _Table) -> Tree:
    codes = [clean_code(row.code) for row in t.table.rows]
    first: dict[str, int] = {}
    for i, code in enumerate(codes):
        if code is not None:
            first.setdefault(code, i)
    children: dict[int, list[int]] = {}
    top: list[int] = []
    for i, code in enumerate(codes):
        if code is None:
            continue
        prefixes = (first[code[:n]] for n in range(len(code) - 1, 0, -1) if code[:n] in first)
        parent = next(prefixes, None)
        if parent is None:
            top.append(i)
        else:
            children.setdefault(parent, []).append(i)
    totals = [
        i
        for i, row in enumerate(t.table.rows)
        if codes[i] is None and _TOTAL.search(_compact(row.name + (row.code or "")))
    ]
    children.update((i, top) for i in totals)
    return _tree(children, totals)


Sections = tuple[int | None, list[tuple[int, list[int]]]]


def side_sections(t: _Table, side: Side) -> Sections:
    """A side of a 收支总表: its 总计 row and its sections, each a row with the lines it
    sums. The 本年…合计 section comes first. Two layouts occur:

    - totals after their lines (Hebei): 一、… 二、… lines, then 本年收入合计, then rows
      such as 上年结转 or 年初财政拨款结转和结余 with numbered lines under it, then 总计;
    - totals before their lines (Sichuan): 一、本年收入 then its lines, 二、上年结转结余
      then its lines, then 总计.
    """
    rows = t.side_rows(side)
    grand = t.side_row(side, _GRAND)
    year = t.side_row(side, _YEAR_TOTAL)
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
    sections.append((year, [i for i in rows if i < year and not _AMONG.match(t.name(i))]))
    for i in (i for i in rows if year < i < end):
        if len(sections) > 1 and _NUMBERED.match(t.name(i)):
            sections[-1][1].append(i)
        else:
            sections.append((i, []))
    return grand, sections


def _side_tree(t: _Table, side: Side) -> Tree:
    grand, sections = side_sections(t, side)
    children = {row: lines for row, lines in sections if lines}
    if grand is not None:
        children[grand] = [row for row, _ in sections]
    return _tree(children, (grand, sections[0][0] if sections else None))


_MAINS = re.compile(r"^(?:(因公出国)|(公务用车购置及运)|(公务接待))")
_VEHICLE_PART = re.compile(r"公务用车(购置费|运行)")


def _three_public_tree(t: _Table) -> Tree:
    """合计 → 小计 → 出国 / 公务用车 / 接待 → their 其中 lines, by the template's names."""
    total = subtotal = overseas = vehicles = None
    mains: list[int] = []
    others: list[int] = []
    children: dict[int, list[int]] = {}
    for i in range(len(t.table.rows)):
        name = strip_numbering(t.name(i))
        bare = _AMONG.sub("", name)
        main = _MAINS.match(name)
        if _SUBTOTAL.search(name):
            subtotal = i if subtotal is None else subtotal
        elif _TOTAL.search(name):
            total = i if total is None else total
        elif main:
            mains.append(i)
            overseas = i if main.group(1) else overseas
            vehicles = i if main.group(2) else vehicles
        elif vehicles is not None and _VEHICLE_PART.search(bare):
            children.setdefault(vehicles, []).append(i)
        elif overseas is not None and "出国" in bare:
            children.setdefault(overseas, []).append(i)
        elif name:
            others.append(i)
    if subtotal is not None:
        children[subtotal] = mains
        mains = [subtotal]
    if total is not None:
        children[total] = [*mains, *others]
    return _tree(children, (total, subtotal))


def _outline_tree(t: _Table) -> tuple[Tree, dict[int, list[int]]]:
    """资产总额 → the numbered items; and each item's 其中 lines (a part, not a split)."""
    total, current = None, None
    items: list[int] = []
    among: dict[int, list[int]] = {}
    for i in range(len(t.table.rows)):
        name = t.name(i)
        if total is None and _TOTAL.search(name) and not _NUMBERED.match(name):
            total = i
        elif _NUMBERED.match(name) or (name and current is None):
            items.append(i)
            current = i if _NUMBERED.match(name) else None
        elif name:
            among.setdefault(current, []).append(i)
    return _tree({} if total is None else {total: items}, (total,)), among


def _procurement_tree(t: _Table) -> Tree:
    """合计 → the 小计 rows (or the items); each 小计 → its items, printed after it (or, in a
    table whose first 小计 comes after items, before it)."""
    total = None
    subtotals: list[int] = []
    items: list[int] = []
    for i in range(len(t.table.rows)):
        if _SUBTOTAL.search(t.name(i)):
            subtotals.append(i)
        elif total is None and _TOTAL.search(t.name(i)):
            total = i
        else:
            items.append(i)
    children: dict[int, list[int]] = {}
    leading = not items or (subtotals and subtotals[0] < items[0])
    bounds = [*subtotals, len(t.table.rows)] if leading else [-1, *subtotals]
    for n, sub in enumerate(subtotals):
        low, high = (sub, bounds[n + 1]) if leading else (bounds[n], sub)
        children[sub] = [i for i in items if low < i < high]
    if total is not None:
        children[total] = subtotals or items
    return _tree(children, (total,))


# -- across a row, 其中 lines, balances ------------------------------------------------


def row_total_specs(
    columns: Sequence[BudgetColumn],
) -> list[tuple[BudgetColumn, list[BudgetColumn]]]:
    """Each 合计/小计 column with the columns it totals (the columns under the same header,
    a sub-group through its own 小计), innermost totals first."""
    specs = []
    for total in columns:
        if not is_total(total):
            continue
        prefix, n = total.header[:-1], len(total.header) - 1
        members = [
            c
            for c in columns
            if c is not total and c.side is total.side and is_additive(c)
            and len(c.header) > n and c.header[:n] == prefix
            and not (len(c.header) == n + 1 and is_total(c))
            and not any(h.strip().startswith("其中") for h in c.header[n:])
        ]  # fmt: skip
        if addends := _collapse(prefix, members):
            specs.append((total, addends))
    return sorted(specs, key=lambda spec: -len(spec[0].header))


def _collapse(prefix: tuple[str, ...], members: Sequence[BudgetColumn]) -> list[BudgetColumn]:
    groups: dict[str, list[BudgetColumn]] = {}
    for c in members:
        groups.setdefault(c.header[len(prefix)], []).append(c)
    addends: list[BudgetColumn] = []
    for name, cols in groups.items():
        sub = (*prefix, name)
        own = next((c for c in cols if len(c.header) == len(sub) + 1 and is_total(c)), None)
        if len(cols) == 1 and cols[0].header == sub:
            addends.append(cols[0])
        elif own is not None:
            addends.append(own)
        else:
            addends.extend(_collapse(sub, [c for c in cols if len(c.header) > len(sub)]))
    return addends


def _check_row_totals(result: Audit, t: _Table) -> None:
    specs = row_total_specs(t.values)
    for row, cells in enumerate(t.table.rows if specs else ()):
        for total, addends in specs:
            if total.side is not None and cells.side is not total.side:
                continue
            others = [(t, row, c) for c in addends]
            _compare(result, (t, row, total), others, "、".join(c.header[-1] for c in addends),
                     Check.ROW_TOTAL)  # fmt: skip


def _check_subitems(result: Audit, t: _Table) -> None:
    """An 其中 line of the 固定资产占用情况表 is a part of its item: never above it."""
    if t.table.kind is not TableKind.FIXED_ASSETS:
        return
    for item, parts in _outline_tree(t)[1].items():
        for column in t.values:
            whole = t.num(item, column)
            for part in parts:
                printed = t.num(part, column)
                if whole is None or printed is None:
                    continue
                if not result.free([(t, part, column), (t, item, column)]):
                    continue
                if printed.value - whole.value > printed.half + whole.half:
                    result.report(Check.SUBITEM, (t, part, column), whole.value, printed,
                                  t.label(item), whole.decimals)  # fmt: skip


def _main_column(columns: Sequence[BudgetColumn]) -> BudgetColumn | None:
    """The column holding a side's whole amount: its 合计, else its first amount column."""
    additive = [c for c in columns if is_additive(c)]
    total = (c for c in additive if is_total(c))
    return next(total, None) or next(iter(additive), None)


def _last_row(t: _Table, side: Side) -> int | None:
    """A side's 总计 row, else its 本年…合计 row."""
    grand = t.side_row(side, _GRAND)
    return t.side_row(side, _YEAR_TOTAL) if grand is None else grand


def _year_row(t: _Table, side: Side) -> int | None:
    return t.side_row(side, _YEAR_TOTAL)


def _check_balance(result: Audit, t: _Table) -> None:
    """收入总计 = 支出总计; in the 财政拨款收支总表 also per source: 本年 income of a source +
    its 年初结转 line = 支出总计 in that source's column."""
    income, spending = _last_row(t, Side.INCOME), _last_row(t, Side.EXPENDITURE)
    left = _main_column(t.side_values(Side.INCOME))
    right = _main_column(t.side_values(Side.EXPENDITURE))
    if income is None or spending is None or left is None or right is None:
        return
    _compare(result, (t, spending, right), [(t, income, left)], f"「{t.name(income)}」",
             Check.BALANCE)  # fmt: skip
    _, sections = side_sections(t, Side.INCOME)
    if t.table.kind is not TableKind.FISCAL_APPROPRIATION_SUMMARY or not sections:
        return
    (_, lines), carries = sections[0], sections[1:]
    if any(not split and ((n := t.num(row, left)) is None or n.value) for row, split in carries):
        return  # a carry-over not split by source: no per-source balance to check
    carried = [i for _, split in carries for i in split]
    for source in _SOURCES:
        column = next((c for c in t.side_values(Side.EXPENDITURE) if source in c.key), None)
        mine = [i for i in lines if source in t.name(i)]
        carry = [i for i in carried if source in t.name(i)]
        if column is not None and mine:
            label = f"收入「{'、'.join(t.name(i) for i in mine)}」" + ("及其结转" if carry else "")
            _compare(result, (t, spending, column), [(t, i, left) for i in mine + carry], label,
                     Check.BALANCE)  # fmt: skip


def _compare(
    result: Audit, at: tuple[_Table, int | None, BudgetColumn | None], others: Sequence[Cell],
    label: str, check: Check = Check.CROSS,
) -> None:  # fmt: skip
    """Report ``at`` when it differs from the sum of ``others`` beyond their rounding,
    unless one of the cells was reported already. ``at`` without a row is an empty table,
    whose total is an exact zero."""
    t, row, column = at
    printed = _BLANK if row is None or column is None else t.num(row, column)
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
    if abs(printed.value - expected) > _bound(printed, halves, count):
        exponent = expected.normalize().as_tuple().exponent
        decimals = max(decimals, min(6, -exponent)) if isinstance(exponent, int) else decimals
        result.report(check, at, expected, printed, label, decimals)


# -- across tables ---------------------------------------------------------------------

# 收入总表 column (last header word) → the 收支总表 income lines it gathers.
_INCOME_SOURCES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("财政拨款", lambda name: "拨款" in name),
    ("财政专户", lambda name: "财政专户" in name),
    ("事业收入", lambda name: name == "事业收入"),
    ("经营收入", lambda name: "经营收入" in name),
    ("上级补助", lambda name: "上级补助" in name),
    ("附属单位", lambda name: "附属单位" in name),
    ("其他收入", lambda name: name == "其他收入"),
)
_FUNDS = (
    (TableKind.GENERAL_BUDGET_EXPENDITURE, "一般公共预算"),
    (TableKind.GOV_FUND_EXPENDITURE, "政府性基金"),
    (TableKind.STATE_CAPITAL_EXPENDITURE, "国有资本经营"),
)


def _check_cross(result: Audit, tables: Sequence[_Table]) -> None:
    """The same figures printed in two tables agree (RULES.md §6.2, 6.3, 6.5), reported on
    the more detailed table: 支出总表 合计 and each 类 = the 收支总表's 本年支出合计 and lines;
    收入总表 合计, 本年收入, 上年结转 and each source = the 收支总表's; the 财政拨款收支总表's
    appropriations = the 收支总表's; each fund's 支出表 (合计, each 类) = the 财政拨款收支总表's
    column of that fund; the 基本支出表 合计 = the 一般公共预算支出表's 基本支出."""
    first: dict[TableKind, _Table] = {}
    for t in tables:
        first.setdefault(t.table.kind, t)
    summary = first.get(TableKind.INCOME_EXPENDITURE_SUMMARY)
    fiscal = first.get(TableKind.FISCAL_APPROPRIATION_SUMMARY)
    general = first.get(TableKind.GENERAL_BUDGET_EXPENDITURE)
    if summary is not None:
        if (spending := first.get(TableKind.EXPENDITURE_SUMMARY)) is not None:
            _cross_lines(result, spending, summary, Side.EXPENDITURE, None)
        if (income := first.get(TableKind.INCOME_SUMMARY)) is not None:
            _cross_income(result, income, summary)
        if fiscal is not None:
            _cross_appropriations(result, fiscal, summary)
    for kind, source in _FUNDS if fiscal is not None else ():
        if (fund := first.get(kind)) is not None:
            _cross_lines(result, fund, fiscal, Side.EXPENDITURE, source)
    basic = first.get(TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE)
    if general is not None and basic is not None:
        column = next((c for c in general.values if "基本支出" in c.key and is_additive(c)), None)
        _agree(result, basic, _root_row(basic), _main_column(basic.values), general,
               [_root_row(general)], column)  # fmt: skip


def _cross_appropriations(result: Audit, fiscal: _Table, summary: _Table) -> None:
    """The 财政拨款收支总表's 本年 appropriations = the 收支总表's lines of each source."""
    column = _main_column(fiscal.side_values(Side.INCOME))
    other = _main_column(summary.side_values(Side.INCOME))
    mine, theirs = _lines(fiscal, Side.INCOME), _lines(summary, Side.INCOME)
    for source in _SOURCES:
        row, line = _find(mine, source), _find(theirs, source)
        _agree(result, fiscal, row, column, summary, [line], other)


def _agree(
    result: Audit, t: _Table, row: int | None, column: BudgetColumn | None,
    other: _Table, rows: Sequence[int | None], other_column: BudgetColumn | None,
) -> None:  # fmt: skip
    """``t``'s cell must equal the sum of ``other``'s ``rows`` in ``other_column``; an empty
    ``t`` (no rows) counts as zero. Silent when a row or column is not there."""
    if ((row is None or column is None) and t.table.rows) or other_column is None:
        return
    if not rows or None in rows:
        return
    names = "、".join(other.name(r) for r in rows)
    label = f"{other.table.title}「{names}」「{column_label(other_column)}」"
    cells = [(other, r, other_column) for r in rows if r is not None]
    _compare(result, (t, row, column), cells, label + ("之和" if len(rows) > 1 else ""))


def _root_row(t: _Table) -> int | None:
    """The uncoded 合计 row of a table by codes."""
    rows = enumerate(t.table.rows)
    total = (
        i
        for i, r in rows
        if clean_code(r.code) is None and _TOTAL.search(_compact(r.name + (r.code or "")))
    )
    return next(total, None)


def _lines(t: _Table, side: Side) -> dict[str, int]:
    """The lines of a side's 本年…合计 section, by name without numbering."""
    _, sections = side_sections(t, side)
    found: dict[str, int] = {}
    for i in sections[0][1] if sections else ():
        found.setdefault(strip_numbering(t.name(i)), i)
    return found


def _find(lines: dict[str, int], word: str) -> int | None:
    return next((row for name, row in lines.items() if word in name), None)


def _cross_lines(result: Audit, t: _Table, summary: _Table, side: Side, source: str | None) -> None:
    """A table by codes against a summary's side: 合计 = 本年…合计, each 类 = its line;
    ``source`` picks the summary's column of one fund (else its main column)."""
    columns = summary.side_values(side)
    other = next((c for c in columns if source in c.key), None) if source else _main_column(columns)
    column = _main_column(t.values)
    _agree(result, t, _root_row(t), column, summary, [_year_row(summary, side)], other)
    classes: dict[str, int] = {}
    for i, r in enumerate(t.table.rows):
        if len(clean_code(r.code) or "") == 3:
            classes.setdefault(strip_numbering(t.name(i)), i)
    for name, line in _lines(summary, side).items():
        if name in classes:
            _agree(result, t, classes[name], column, summary, [line], other)


def _cross_income(result: Audit, income: _Table, summary: _Table) -> None:
    """收入总表 合计 row = the 收支总表: 合计 = 收入总计, 本年收入 = 本年收入合计, 上年结转 =
    上年结转, each source = the 收支总表's lines of that source."""
    root, side_column = _root_row(income), _main_column(summary.side_values(Side.INCOME))

    def column(test: Callable[[tuple[str, ...]], bool]) -> BudgetColumn | None:
        return next((c for c in income.values if test(c.header)), None)

    def line(pattern: re.Pattern[str]) -> list[int | None]:
        return [summary.side_row(Side.INCOME, pattern)]

    pairs = [
        (column(lambda h: h == ("合计",)), line(_GRAND)),
        (column(lambda h: len(h) == 2 and h[1] in _TOTAL_WORDS), line(_YEAR_TOTAL)),
        (column(lambda h: bool(_CARRY.search("".join(h)))), line(_CARRY)),
    ]
    lines = _lines(summary, Side.INCOME)
    for word, belongs in _INCOME_SOURCES:
        found = column(lambda h, word=word: word in h[-1] and h[-1] not in _TOTAL_WORDS)
        pairs.append((found, [row for name, row in lines.items() if belongs(name)]))
    for own, rows in pairs:
        _agree(result, income, root, own, summary, rows, side_column)
