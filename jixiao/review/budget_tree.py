"""The arithmetic of budget tables: what sums to what within a table, and the audit of all.

The ``arithmetic`` rules (:mod:`jixiao.review.arithmetic`) report what :func:`audit` finds.
A table is read as a grid of printed numbers (:mod:`jixiao.review.budget_grid`), compared
within the rounding its printing may hide (:mod:`jixiao.review.precision`, **Tolerance**);
this module checks each table on its own and then runs the checks across tables
(:mod:`jixiao.review.budget_cross`). How each kind of table adds up (RULES.md §6):

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
- across tables, the same figure printed twice agrees (see
  :func:`jixiao.review.budget_cross.check_cross`).

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
from collections.abc import Sequence
from decimal import Decimal

from jixiao.model import (
    BudgetColumn,
    BudgetTable,
    ColumnRole,
    Disclosure,
    MoneyUnit,
    Side,
    TableKind,
)
from jixiao.review.budget_cross import check_cross
from jixiao.review.budget_grid import (
    AMONG,
    GRAND,
    NUMBERED,
    SOURCES,
    TOTAL,
    YEAR_TOTAL,
    Audit,
    Check,
    Grid,
    Mismatch,
    clean_code,
    compact,
    compare,
    is_additive,
    is_quantity,
    is_total,
    main_column,
    side_sections,
    strip_numbering,
)
from jixiao.review.memo import per_document
from jixiao.review.precision import ZERO, bound, cell_number

_SUBTOTAL = re.compile(r"小计")


@per_document
def audit(disclosure: Disclosure) -> tuple[Mismatch, ...]:
    """Every mismatch of ``disclosure``'s tables, in the order found; never raises on odd
    tables. Memoised per document, so the rules of one review share one audit."""
    return _audit(disclosure.budget_tables, disclosure.money_unit)


def _audit(tables_: tuple[BudgetTable, ...], unit: MoneyUnit | None) -> tuple[Mismatch, ...]:
    result = Audit()
    tables = [
        Grid(index=i, table=t, unit=t.money_unit or unit,
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
    check_cross(result, tables)
    return tuple(result.mismatches)


# -- down the columns ------------------------------------------------------------------

Tree = tuple[dict[int, list[int]], list[int]]  # children by row, and the rows to check
_SUMMARY_KINDS = (TableKind.INCOME_EXPENDITURE_SUMMARY, TableKind.FISCAL_APPROPRIATION_SUMMARY)


def _check_tree(result: Audit, t: Grid) -> None:
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


def _evaluate(result: Audit, t: Grid, tree: Tree, columns: Sequence[BudgetColumn]) -> None:
    children, parents = tree
    for column in columns if parents else ():
        memo: dict[int, Sum | None] = {}
        for row in parents:
            _effective(result, t, children, column, memo, row)


Sum = tuple[Decimal, Decimal, int, int]  # value, Σ h of its printed addends, decimals, count


def _effective(
    result: Audit, t: Grid, children: dict[int, list[int]], column: BudgetColumn,
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
        if printed is not None and abs(printed.value - total) > bound(printed, halves, count):
            result.report(Check.SUM, (t, row, column), total, printed, _parts(t, kids, column),
                          decimals)  # fmt: skip
        memo[row] = (total, halves, decimals, count)
    elif printed is not None:
        memo[row] = (printed.value, printed.half, printed.decimals, int(printed.half > 0))
    return memo[row]


def _parts(t: Grid, rows: Sequence[int], column: BudgetColumn) -> str:
    """The addends as a person names them: the non-zero ones, at most four."""
    shown = [t.label(r) for r in rows if (n := t.num(r, column)) is None or n.value != 0]
    shown = shown or [t.label(r) for r in rows]
    return f"{'、'.join(shown[:3])}等{len(shown)}项" if len(shown) > 4 else "、".join(shown)


def _tree(children: dict[int, list[int]], first: Sequence[int | None]) -> Tree:
    """The tree with the rows to check: ``first`` (the totals), then every other parent."""
    checked = [r for r in first if r is not None]
    return children, checked + [r for r in children if r not in checked]


def _code_tree(t: Grid) -> Tree:
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
        if codes[i] is None and TOTAL.search(compact(row.name + (row.code or "")))
    ]
    children.update((i, top) for i in totals)
    return _tree(children, totals)


_CN_ITEM = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]")
_SUB_ITEM = re.compile(r"^\s*(?:\d+[、.．](?!\d)|[（(](?:\d+|[一二三四五六七八九十]+)[)）])")


def _side_tree(t: Grid, side: Side) -> Tree:
    grand, sections = side_sections(t, side)
    if t.side_row(side, YEAR_TOTAL) is None:
        sections = _nest_sub_items(t, sections)
    children: dict[int, list[int]] = {}
    for row, lines in sections:
        nested = _nest_sub_items(t, [(line, []) for line in lines])
        if nested:
            children[row] = [line for line, _ in nested]
        children.update((line, parts) for line, parts in nested if parts)
    if grand is not None:
        children[grand] = [row for row, _ in sections]
    return _tree(children, (grand, sections[0][0] if sections else None))


def _nest_sub_items(t: Grid, sections: list[tuple[int, list[int]]]) -> list[tuple[int, list[int]]]:
    """Lines numbered 1. / （一） printed under a 一、 line are its parts, not further
    addends of the total above them (Shanghai, no 本年…合计 row: 一、财政拨款收入 /
    1. 一般公共预算 / 2. 政府性基金预算 / 二、事业收入 … 收入总计; Jiangsu: the same
    above 当年收入小计): they become that line's addends. 其中 lines are parts too and
    are dropped. ``sections`` are (row, its lines); a sub-item takes its lines along."""
    nested: list[tuple[int, list[int]]] = []
    for row, lines in sections:
        name = t.name(row)
        if nested and AMONG.match(name):
            continue
        parent = nested[-1][0] if nested else None
        if parent is not None and _SUB_ITEM.match(name) and _CN_ITEM.match(t.name(parent)):
            nested[-1][1].append(row)
        else:
            nested.append((row, list(lines)))
    return nested


_MAINS = re.compile(r"^(?:(因公出国)|(公务用车购置及运)|(公务接待))")
_VEHICLE_PART = re.compile(r"公务用车(购置费|运行)")


def _three_public_tree(t: Grid) -> Tree:
    """合计 → 小计 → 出国 / 公务用车 / 接待 → their 其中 lines, by the template's names."""
    total = subtotal = overseas = vehicles = None
    mains: list[int] = []
    others: list[int] = []
    children: dict[int, list[int]] = {}
    for i in range(len(t.table.rows)):
        name = strip_numbering(t.name(i))
        bare = AMONG.sub("", name)
        main = _MAINS.match(name)
        if _SUBTOTAL.search(name):
            subtotal = i if subtotal is None else subtotal
        elif TOTAL.search(name):
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


def _outline_tree(t: Grid) -> tuple[Tree, dict[int, list[int]]]:
    """资产总额 → the numbered items; and each item's 其中 lines (a part, not a split)."""
    total, current = None, None
    items: list[int] = []
    among: dict[int, list[int]] = {}
    for i in range(len(t.table.rows)):
        name = t.name(i)
        if total is None and TOTAL.search(name) and not NUMBERED.match(name):
            total = i
        elif NUMBERED.match(name) or (name and current is None):
            items.append(i)
            current = i if NUMBERED.match(name) else None
        elif name:
            among.setdefault(current, []).append(i)
    return _tree({} if total is None else {total: items}, (total,)), among


def _procurement_tree(t: Grid) -> Tree:
    """合计 → the 小计 rows (or the items); each 小计 → its items, printed after it (or, in a
    table whose first 小计 comes after items, before it)."""
    total = None
    subtotals: list[int] = []
    items: list[int] = []
    for i in range(len(t.table.rows)):
        if _SUBTOTAL.search(t.name(i)):
            subtotals.append(i)
        elif total is None and TOTAL.search(t.name(i)):
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


def _check_row_totals(result: Audit, t: Grid) -> None:
    specs = row_total_specs(t.values)
    for row, cells in enumerate(t.table.rows if specs else ()):
        for total, addends in specs:
            if total.side is not None and cells.side is not total.side:
                continue
            others = [(t, row, c) for c in addends]
            compare(result, (t, row, total), others, "、".join(c.header[-1] for c in addends),
                    Check.ROW_TOTAL)  # fmt: skip


def _check_subitems(result: Audit, t: Grid) -> None:
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


def _last_row(t: Grid, side: Side) -> int | None:
    """A side's 总计 row, else its 本年…合计 row."""
    grand = t.side_row(side, GRAND)
    return t.side_row(side, YEAR_TOTAL) if grand is None else grand


def _check_balance(result: Audit, t: Grid) -> None:
    """收入总计 = 支出总计; in the 财政拨款收支总表 also per source: 本年 income of a source +
    its 年初结转 line = 支出总计 in that source's column."""
    income, spending = _last_row(t, Side.INCOME), _last_row(t, Side.EXPENDITURE)
    left = main_column(t.side_values(Side.INCOME))
    right = main_column(t.side_values(Side.EXPENDITURE))
    if income is None or spending is None or left is None or right is None:
        return
    compare(result, (t, spending, right), [(t, income, left)], f"「{t.name(income)}」",
            Check.BALANCE)  # fmt: skip
    _, sections = side_sections(t, Side.INCOME)
    if t.table.kind is not TableKind.FISCAL_APPROPRIATION_SUMMARY or not sections:
        return
    (_, lines), carries = sections[0], sections[1:]
    if any(not split and ((n := t.num(row, left)) is None or n.value) for row, split in carries):
        return  # a carry-over not split by source: no per-source balance to check
    carried = [i for _, split in carries for i in split]
    for source in SOURCES:
        column = next((c for c in t.side_values(Side.EXPENDITURE) if source in c.key), None)
        mine = [i for i in lines if source in t.name(i)]
        carry = [i for i in carried if source in t.name(i)]
        if column is not None and mine:
            label = f"收入「{'、'.join(t.name(i) for i in mine)}」" + ("及其结转" if carry else "")
            compare(result, (t, spending, column), [(t, i, left) for i in mine + carry], label,
                    Check.BALANCE)  # fmt: skip
