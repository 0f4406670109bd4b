"""Across the budget tables: the same figure, printed in two tables, agrees (RULES.md §6.2,
6.3, 6.5).

A disclosure prints its totals more than once — the 收支总表's lines again as the 合计 and
类 rows of the 支出总表, the sources of the 收入总表, the columns of the 财政拨款收支总表,
each fund's 支出表 — and :func:`check_cross` compares each pair, reported on the more
detailed table (``cross-table-mismatch``). Kept apart from the checks within one table
(:mod:`jixiao.review.budget_tree`, which runs this last, so a cell already reported there
is not reported again) because finding *which* row and column of another table print the
same figure is its own job: matching lines by name, sources by header word, tables by kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from jixiao.model import BudgetColumn, Side, TableKind
from jixiao.review.budget_grid import (
    GRAND,
    SOURCES,
    TOTAL,
    TOTAL_WORDS,
    YEAR_TOTAL,
    Audit,
    Grid,
    clean_code,
    column_label,
    compact,
    compare,
    is_additive,
    main_column,
    side_sections,
    strip_numbering,
    year_row,
)

_CARRY = re.compile(r"结转|结余")

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


def check_cross(result: Audit, tables: Sequence[Grid]) -> None:
    """The same figures printed in two tables agree (RULES.md §6.2, 6.3, 6.5), reported on
    the more detailed table: 支出总表 合计 and each 类 = the 收支总表's 本年支出合计 and lines;
    收入总表 合计, 本年收入, 上年结转 and each source = the 收支总表's; the 财政拨款收支总表's
    appropriations = the 收支总表's; each fund's 支出表 (合计, each 类) = the 财政拨款收支总表's
    column of that fund; the 基本支出表 合计 = the 一般公共预算支出表's 基本支出."""
    first: dict[TableKind, Grid] = {}
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
        _agree(result, basic, _root_row(basic), main_column(basic.values), general,
               [_root_row(general)], column)  # fmt: skip


def _cross_appropriations(result: Audit, fiscal: Grid, summary: Grid) -> None:
    """The 财政拨款收支总表's 本年 appropriations = the 收支总表's lines of each source."""
    column = main_column(fiscal.side_values(Side.INCOME))
    other = main_column(summary.side_values(Side.INCOME))
    mine, theirs = _lines(fiscal, Side.INCOME), _lines(summary, Side.INCOME)
    for source in SOURCES:
        row, line = _find(mine, source), _find(theirs, source)
        _agree(result, fiscal, row, column, summary, [line], other)


def _agree(
    result: Audit, t: Grid, row: int | None, column: BudgetColumn | None,
    other: Grid, rows: Sequence[int | None], other_column: BudgetColumn | None,
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
    compare(result, (t, row, column), cells, label + ("之和" if len(rows) > 1 else ""))


def _root_row(t: Grid) -> int | None:
    """The uncoded 合计 row of a table by codes."""
    rows = enumerate(t.table.rows)
    total = (
        i
        for i, r in rows
        if clean_code(r.code) is None and TOTAL.search(compact(r.name + (r.code or "")))
    )
    return next(total, None)


def _lines(t: Grid, side: Side) -> dict[str, int]:
    """The lines of a side's 本年…合计 section, by name without numbering."""
    _, sections = side_sections(t, side)
    found: dict[str, int] = {}
    for i in sections[0][1] if sections else ():
        found.setdefault(strip_numbering(t.name(i)), i)
    return found


def _find(lines: dict[str, int], word: str) -> int | None:
    return next((row for name, row in lines.items() if word in name), None)


def _cross_lines(result: Audit, t: Grid, summary: Grid, side: Side, source: str | None) -> None:
    """A table by codes against a summary's side: 合计 = 本年…合计, each 类 = its line;
    ``source`` picks the summary's column of one fund (else its main column)."""
    columns = summary.side_values(side)
    other = next((c for c in columns if source in c.key), None) if source else main_column(columns)
    column = main_column(t.values)
    _agree(result, t, _root_row(t), column, summary, [year_row(summary, side)], other)
    classes: dict[str, int] = {}
    for i, r in enumerate(t.table.rows):
        if len(clean_code(r.code) or "") == 3:
            classes.setdefault(strip_numbering(t.name(i)), i)
    for name, line in _lines(summary, side).items():
        if name in classes:
            _agree(result, t, classes[name], column, summary, [line], other)


def _cross_income(result: Audit, income: Grid, summary: Grid) -> None:
    """收入总表 合计 row = the 收支总表: 合计 = 收入总计, 本年收入 = 本年收入合计, 上年结转 =
    上年结转, each source = the 收支总表's lines of that source."""
    root, side_column = _root_row(income), main_column(summary.side_values(Side.INCOME))

    def column(test: Callable[[tuple[str, ...]], bool]) -> BudgetColumn | None:
        return next((c for c in income.values if test(c.header)), None)

    def line(pattern: re.Pattern[str]) -> list[int | None]:
        return [summary.side_row(Side.INCOME, pattern)]

    pairs = [
        (column(lambda h: h == ("合计",)), line(GRAND)),
        (column(lambda h: len(h) == 2 and h[1] in TOTAL_WORDS), line(YEAR_TOTAL)),
        (column(lambda h: bool(_CARRY.search("".join(h)))), line(_CARRY)),
    ]
    lines = _lines(summary, Side.INCOME)
    for word, belongs in _INCOME_SOURCES:
        found = column(lambda h, word=word: word in h[-1] and h[-1] not in TOTAL_WORDS)
        pairs.append((found, [row for name, row in lines.items() if belongs(name)]))
    for own, rows in pairs:
        _agree(result, income, root, own, summary, rows, side_column)
