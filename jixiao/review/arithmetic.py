"""Review rules: arithmetic (表内表间勾稽) — the sums within and across the budget tables.

What adds up to what and which cell a mismatch is reported on are explained in
:mod:`jixiao.review.budget_tree`, the rounding tolerance in :mod:`jixiao.review.precision`,
the comparisons across tables in :mod:`jixiao.review.budget_cross`; the rules here turn the
mismatches into findings, and check what needs no tree: classification codes (RULES.md §6.9),
cells that are not numbers, the procurement table's 数量 × 单价, a project's
预算数 = 财政资金 + 其他资金.

A mismatch names the table, the row, the column, the expected sum, the printed value and the
difference, with the table's unit (元 or 万元); its location is the printed cell, its quote
the printed text, its ``code`` the row's classification code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jixiao.model import (
    BudgetColumn,
    BudgetRow,
    BudgetTable,
    ColumnRole,
    Disclosure,
    Location,
    Money,
    MoneyUnit,
    Severity,
    TableKind,
    convert,
)
from jixiao.review.budget_grid import Check, Mismatch, column_label, is_additive
from jixiao.review.budget_tree import audit
from jixiao.review.precision import Num, cell_number, is_dash, is_percent, number
from jixiao.review.registry import Hit, hit, rule

_TOTAL_ROW = re.compile(r"合计|总计|小计")
_CLASSIFICATION = re.compile(r"科目|分类")
_REFERENCE = "RULES.md §6（由表格定义推得，C）；财预〔2016〕143号 地方预决算公开操作规程"


# -- formatting --------------------------------------------------------------------------


def _amount(value: Decimal, decimals: int, unit: MoneyUnit | None, sign: bool = False) -> str:
    text = f"{value:+.{decimals}f}" if sign else f"{value:.{decimals}f}"
    return text + ("" if unit is None else unit.label)


def _printed(num: Num, unit: MoneyUnit | None) -> str:
    raw = num.raw.strip()
    return raw + ("" if unit is None else unit.label) if raw else "空白"


def _row_label(row: BudgetRow | None) -> str:
    if row is None:
        return "（空表）"
    name = "".join(row.name.split())  # "合    计" is spaced to fill a wide cell
    return f"{row.code} {name}" if row.code and name else (row.code or name or "（无名称行）")


def _location(table: BudgetTable, row: BudgetRow | None, column: BudgetColumn | None):
    base = row.location if row is not None and row.location is not None else table.location
    return base if base is None or column is None else base.at(column=column_label(column))


def _row_hit(
    table: BudgetTable, row: BudgetRow | None, cell: BudgetColumn | None = None,
    quote: str | None = None, location: Location | None = None, **fields: Any,
) -> Hit:  # fmt: skip
    """A finding on a row (and the ``cell`` column) of a table, with the ``table`` and
    ``row`` message fields; the location is the cell's unless given."""
    code = row.code if row is not None and any(ch.isdigit() for ch in row.code or "") else None
    return hit(
        location=location or _location(table, row, cell), quote=quote or None, code=code,
        table=table.title, row=_row_label(row), **fields,
    )  # fmt: skip


def _mismatch_hit(m: Mismatch) -> Hit:
    return _row_hit(
        m.table, m.row, m.column, m.actual.raw.strip(),
        column="合计" if m.column is None else column_label(m.column),
        parts=m.parts,
        expected=_amount(m.expected, m.decimals, m.unit),
        actual=_printed(m.actual, m.unit),
        difference=_amount(m.actual.value - m.expected, m.decimals, m.unit, sign=True),
    )  # fmt: skip


_EXAMPLE = {
    "table": "部门预算支出总表",
    "row": "201 一般公共服务支出",
    "column": "合计",
    "parts": "20103、20106",
    "expected": "618.53万元",
    "actual": "618.35万元",
    "difference": "-0.18万元",
}


def _mismatches(disclosure: Disclosure, check: Check) -> Iterator[Hit]:
    """:func:`audit`'s mismatches of one kind, as hits."""
    return (_mismatch_hit(m) for m in audit(disclosure) if m.check is check)


# -- sums (budget_tree) ------------------------------------------------------------------


@rule(
    "sum-mismatch",
    Severity.ERROR,
    "合计行应等于其所含各行之和",
    tags=("arithmetic",),
    reference=_REFERENCE,
    message="{table}「{row}」行「{column}」列应为{parts}之和 {expected}，表中为 {actual}，"
    "相差 {difference}",
    example=_EXAMPLE,
)
def sum_mismatch(disclosure: Disclosure) -> Iterator[Hit]:
    """A row that totals other rows differs from their sum beyond rounding, column by column
    (RULES.md §6.1–6.4, 6.6, 6.7; C, derived from the table definitions): 类 = Σ 款 = Σ 项
    by code prefix and 合计 = Σ 类 (收入总表, 支出总表, the 财政拨款支出表s, 基本支出表 by
    经济分类); in the 收支总表s 本年收入/支出合计 = Σ the lines above and 总计 = 本年合计 +
    结转; 三公 合计 = 出国 + 公务用车 + 接待, 公务用车购置及运行费 = 购置费 + 运行费 (a split
    财预〔2016〕143号 asks for); 固定资产 资产总额 = Σ its items; 政府采购 合计 = Σ 小计 = Σ
    items. A parent is compared with the sum recomputed from its leaves, so a wrong subtotal
    is reported once; a blank parent over printed children is a mismatch."""
    return _mismatches(disclosure, Check.SUM)


@rule(
    "row-total-mismatch",
    Severity.ERROR,
    "合计列应等于其所含各列之和",
    tags=("arithmetic",),
    reference=_REFERENCE,
    message="{table}「{row}」行：「{column}」应为{parts}之和 {expected}，表中为 {actual}，"
    "相差 {difference}",
    example={**_EXAMPLE, "parts": "基本支出、项目支出", "row": "2010303 机关服务"},
)
def row_total_mismatch(disclosure: Disclosure) -> Iterator[Hit]:
    """A 合计 or 小计 column differs, in one row, from the sum of the columns it totals — the
    columns under the same header, a header group counting through its own 小计 (支出总表 合计
    = 基本支出 + 项目支出 + …; 收入总表 合计 = 本年收入小计 + 上年结转; 基本支出表 合计 = 人员
    经费 + 公用经费; 三公 and 政府采购 合计 = Σ sources). RULES.md §6.2–6.4, 6.6 (C). A cell
    already reported by ``sum-mismatch`` is not reported again."""
    return _mismatches(disclosure, Check.ROW_TOTAL)


@rule(
    "subitem-exceeds-item",
    Severity.ERROR,
    "“其中”项不应大于所属项目",
    tags=("arithmetic",),
    reference=_REFERENCE,
    message="{table}「{row}」行「{column}」列为 {actual}，大于所属「{parts}」的 {expected}",
    example={**_EXAMPLE, "table": "部门固定资产占用情况表", "row": "其中：办公用房（平方米）",
             "column": "数量", "parts": "1、房屋（平方米）", "expected": "2293", "actual": "2393"},
)  # fmt: skip
def subitem_exceeds_item(disclosure: Disclosure) -> Iterator[Hit]:
    """An 其中 line — a part of the item above it, such as 办公用房 of 房屋 in the 固定资产
    占用情况表 — is larger than its item, in area or in value. RULES.md §6 (C)."""
    return _mismatches(disclosure, Check.SUBITEM)


@rule(
    "balance-mismatch",
    Severity.ERROR,
    "收入总计应等于支出总计",
    tags=("arithmetic",),
    reference=_REFERENCE,
    message="{table}「{row}」「{column}」为 {actual}，与{parts} {expected} 不相等，"
    "相差 {difference}",
    example={**_EXAMPLE, "table": "部门预算收支总表", "row": "支出总计", "column": "支出/预算数",
             "parts": "「收入总计」", "expected": "4131.67万元", "actual": "4113.67万元",
             "difference": "-18.00万元"},
)  # fmt: skip
def balance_mismatch(disclosure: Disclosure) -> Iterator[Hit]:
    """收支总表 and 财政拨款收支总表: 收入总计 = 支出总计; in the 财政拨款收支总表 also per
    source, 本年 appropriation + 年初结转 of that source = 支出总计 in its column (一般公共
    预算, 政府性基金, 国有资本经营). RULES.md §6.1, 6.4 (C)."""
    return _mismatches(disclosure, Check.BALANCE)


@rule(
    "cross-table-mismatch",
    Severity.ERROR,
    "同一数字在不同表中应一致",
    tags=("arithmetic",),
    reference=_REFERENCE,
    message="{table}「{row}」行「{column}」列为 {actual}，与{parts}的 {expected} 不一致，"
    "相差 {difference}",
    example={**_EXAMPLE, "row": "合计", "parts": "部门预算收支总表「本年支出合计」「支出/预算数」",
             "expected": "4131.67万元", "actual": "4113.67万元", "difference": "-18.00万元"},
)  # fmt: skip
def cross_table_mismatch(disclosure: Disclosure) -> Iterator[Hit]:
    """The same figure printed in two tables differs beyond the rounding of both printings,
    after converting 元/万元 (RULES.md §6.2, 6.3, 6.5; C): 支出总表 合计 and each 类 against
    the 收支总表; 收入总表 合计, 本年收入, 上年结转 and each source against the 收支总表; the
    财政拨款收支总表's appropriations against the 收支总表; the 一般公共预算 / 政府性基金 /
    国有资本经营 支出表 (合计 and each 类) against the 财政拨款收支总表's column of that fund,
    an empty table counting as zero; the 基本支出表 合计 against the 一般公共预算财政拨款
    支出表's 基本支出. Reported on the more detailed table's cell."""
    return _mismatches(disclosure, Check.CROSS)


# -- cells and codes ---------------------------------------------------------------------


@rule(
    "value-not-number",
    Severity.ERROR,
    "金额单元格应为数字",
    tags=("arithmetic",),
    reference=_REFERENCE,
    message="{table}「{row}」行「{column}」列的「{text}」不是数字，涉及该格的勾稽关系无法核对",
    example={**_EXAMPLE, "text": "见说明"},
)
def value_not_number(disclosure: Disclosure) -> Iterator[Hit]:
    """An amount cell of a budget table holds text that is not a number (a dash — "—", "-",
    "－" — is a printed zero and a percentage is readable, both accepted). The sums that
    cell enters cannot be checked, so none is reported for it. RULES.md §6 (C)."""
    for table in disclosure.budget_tables:
        amounts = {
            c.key: c
            for c in table.columns
            if is_additive(c) or (c.role is ColumnRole.VALUE and "单价" in c.key)
        }
        for row in table.rows if table.kind is not TableKind.OTHER else ():
            for cell in row.values:
                if cell.column not in amounts or cell.value is not None or not cell.raw.strip():
                    continue
                if not is_dash(cell.raw) and not is_percent(cell.raw):
                    column = amounts[cell.column]
                    yield _row_hit(table, row, column, cell.raw, column=column_label(column),
                                   text=cell.raw.strip())  # fmt: skip


def _code_column(table: BudgetTable) -> BudgetColumn | None:
    """The table's classification-code column (科目编码, …分类科目…), if any; a column of
    unit codes (部门（单位）代码) is not one."""
    column = next((c for c in table.columns if c.role is ColumnRole.CODE), None)
    return column if column is not None and _CLASSIFICATION.search(column_label(column)) else None


# What an empty table prints in its code column instead of a code (Shanghai: 无 above 合计).
_NO_CODE = ("无", "无此项")


def _coded_rows(table: BudgetTable) -> Iterator[tuple[int, BudgetRow, str]]:
    """(index, row, code) of the rows that print a classification code (a label such as
    合计, or 无 in a table published empty, is none)."""
    for i, row in enumerate(table.rows if _code_column(table) is not None else ()):
        code = (row.code or "").strip()
        if code and not _TOTAL_ROW.fullmatch(code) and code not in _NO_CODE:
            yield i, row, code


_SHAPES = {
    False: ((3, 5, 7), "3、5或7位数字（功能分类：类、款、项）"),
    True: ((3, 5), "3或5位数字（经济分类：类、款）"),
}


@rule(
    "code-malformed",
    Severity.ERROR,
    "科目编码应为3、5或7位数字",
    tags=("arithmetic",),
    reference="RULES.md §6.9（A）；《政府收支分类科目》编码规则",
    message="{table}「{row}」：科目编码「{row_code}」不合规，应为{shape}",
    example={"table": "部门预算支出总表", "row": "201033 机关服务", "row_code": "201033",
             "shape": _SHAPES[False][1]},
)  # fmt: skip
def code_malformed(disclosure: Disclosure) -> Iterator[Hit]:
    """A classification code that is not digits only, or not of a level's length: 功能分类
    类 3 / 款 5 / 项 7 digits, 经济分类 类 3 / 款 5 (RULES.md §6.9, A). The kind is read from
    the code column's header (…经济分类…), else from the table (the 基本支出表 is by
    经济分类)."""
    for table in disclosure.budget_tables:
        column = _code_column(table)
        if column is None:
            continue
        basic = table.kind is TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE
        lengths, shape = _SHAPES["经济" in column_label(column) or basic]
        for _, row, code in _coded_rows(table):
            if not (code.isdigit() and len(code) in lengths):
                yield _row_hit(table, row, column, row.code, row_code=code, shape=shape)


def _digit_codes(table: BudgetTable) -> list[tuple[int, BudgetRow, str]]:
    return [(i, row, code) for i, row, code in _coded_rows(table) if code.isdigit()]


@rule(
    "code-parent-missing",
    Severity.WARNING,
    "下级科目的上级科目应列出",
    tags=("arithmetic",),
    reference="RULES.md §6.3（C）；财预〔2016〕143号（支出按功能分类列到项级）",
    message="{table}「{row}」的上级科目 {parent} 未列出",
    example={"table": "部门预算支出总表", "row": "2010303 机关服务", "parent": "20103"},
)
def code_parent_missing(disclosure: Disclosure) -> Iterator[Hit]:
    """A 款 or 项 row whose 类 or 款 is not printed, in a table that prints rows of that level
    elsewhere (a table listing only 项 is not flagged). Its amount still counts in the
    nearest printed ancestor's sum. RULES.md §6.3 (C)."""
    for table in disclosure.budget_tables:
        rows = _digit_codes(table)
        codes = {code for _, _, code in rows}
        lengths = sorted({len(code) for code in codes}, reverse=True)
        for _, row, code in rows:
            parent = next((code[:n] for n in lengths if n < len(code)), None)
            if parent is not None and parent not in codes:
                yield _row_hit(table, row, location=row.location, parent=parent)


@rule(
    "code-misplaced",
    Severity.WARNING,
    "科目应列在其上级科目之下",
    tags=("arithmetic",),
    reference="RULES.md §6.3（C）",
    message="{table}「{row}」排在科目 {above} 之下，但其编码不以 {above} 开头",
    example={"table": "部门预算支出总表", "row": "2080505 机关事业单位基本养老保险缴费支出",
             "above": "20103"},
)  # fmt: skip
def code_misplaced(disclosure: Disclosure) -> Iterator[Hit]:
    """A row printed under a 类 or 款 (the nearest row above with a shorter code) whose code
    does not start with it, while its own parent was printed earlier: a mistyped code or a
    row out of place. Tables printed bottom-up (children before their parent) are left
    alone. RULES.md §6.3: a child's code starts with its parent's (C)."""
    for table in disclosure.budget_tables:
        seen: set[str] = set()
        latest: dict[int, tuple[int, str]] = {}  # code length → (row, code) printed last
        for i, row, code in _digit_codes(table):
            above = max((latest[n] for n in latest if n < len(code)), default=(0, None))[1]
            parent_seen = any(code[:n] in seen for n in range(1, len(code)))
            seen.add(code)
            latest[len(code)] = (i, code)
            if above is not None and not code.startswith(above) and parent_seen:
                yield _row_hit(table, row, location=row.location, above=above)


@rule(
    "code-duplicate",
    Severity.WARNING,
    "同一科目不应重复列出",
    tags=("arithmetic",),
    reference="RULES.md §6.3（C）",
    message="{table}「{row}」重复列出（第{first}行已列），上级科目会重复计算",
    example={"table": "部门预算支出总表", "row": "2010303 机关服务", "first": 4},
)
def code_duplicate(disclosure: Disclosure) -> Iterator[Hit]:
    """The same classification code printed twice in one table: its parent's sum counts it
    twice (RULES.md §6.3, C). A table listing each unit's codes under its 单位代码 (Bazhou's
    经济分类 table: 30101 under 163001 and again under 163002) repeats codes by design;
    there a code repeats only within one unit."""
    for table in disclosure.budget_tables:
        unit_column = _unit_code_column(table)
        first: dict[tuple[str, str], int] = {}
        for i, row, code in _digit_codes(table):
            key = ((row.raw(unit_column) or "") if unit_column else "", code)
            if key in first:
                yield _row_hit(table, row, location=row.location, first=first[key] + 1)
            first.setdefault(key, i)


_UNIT_CODE_HEADER = re.compile(r"单位(代|编)\s*码")


def _unit_code_column(table: BudgetTable) -> str | None:
    """The key of the table's 单位代码 column (the unit each row belongs to), if any."""
    return next(
        (c.key for c in table.columns if _UNIT_CODE_HEADER.search("".join(c.header[-1].split()))),
        None,
    )


# -- procurement and projects ------------------------------------------------------------


@rule(
    "procurement-price-mismatch",
    Severity.WARNING,
    "采购金额应等于数量乘以单价",
    tags=("arithmetic",),
    reference="RULES.md §6（政府采购预算表，C）",
    message="{table}「{row}」：数量 {quantity} × 单价 {price} = {expected}，采购金额为 {actual}，"
    "相差 {difference}",
    example={"table": "部门政府采购预算", "row": "公车购置及运行CG", "quantity": "8",
             "price": "13.75万元", "expected": "110.00万元", "actual": "100.00万元",
             "difference": "-10.00万元"},
)  # fmt: skip
def procurement_price_mismatch(disclosure: Disclosure) -> Iterator[Hit]:
    """An item of the 政府采购预算表 whose amount differs from 数量 × 单价 beyond the rounding
    of the printed numbers (数量 × half a unit of 单价 + 单价 × half a unit of 数量 + half a
    unit of the amount). A warning: a table may print an average 单价 ("单价会因配置规格不同而
    变动"). RULES.md §6 (C)."""
    for table in disclosure.budget_tables:
        if table.kind is not TableKind.PROCUREMENT_BUDGET:
            continue
        quantity = next((c for c in table.columns if "数量" in c.key), None)
        price = next((c for c in table.columns if "单价" in c.key), None)
        amounts = [c for c in table.columns if is_additive(c)]
        amount = next((c for c in amounts if "金额" in c.key and c.header[-1] == "合计"), None)
        amount = amount or next(iter(amounts), None)
        unit = table.money_unit or disclosure.money_unit
        for row in table.rows if quantity and price and amount else ():
            cells = {c.column: c for c in row.values}
            q, p, a = (cell_number(cells.get(c.key)) for c in (quantity, price, amount))
            if _TOTAL_ROW.search(row.name) or not (q and p and a and q.value and p.value):
                continue
            expected = q.value * p.value
            slack = abs(q.value) * p.half + abs(p.value) * q.half + q.half * p.half + a.half
            if abs(a.value - expected) > slack:
                decimals = max(a.decimals, p.decimals)
                yield _row_hit(
                    table, row, amount, a.raw, quantity=q.raw.strip(), price=_printed(p, unit),
                    expected=_amount(expected, decimals, unit), actual=_printed(a, unit),
                    difference=_amount(a.value - expected, decimals, unit, sign=True),
                )  # fmt: skip


def _money(money: Money | None, unit: MoneyUnit | None) -> tuple[Num | None, MoneyUnit | None]:
    """A project amount as printed and its unit (a part missing is a blank)."""
    if money is None:
        return number("", None), unit
    return number(money.raw, money.value), money.unit


@rule(
    "project-budget-split-mismatch",
    Severity.ERROR,
    "项目预算数应等于财政资金与其他资金之和",
    tags=("arithmetic",),
    reference="RULES.md §6（项目支出绩效目标表 预算数／其中：财政资金、其他资金，C）",
    message="项目「{name}」预算数 {actual} 不等于财政资金 {fiscal} 与其他资金 {other} 之和 "
    "{expected}，相差 {difference}",
    example={"name": "办公设备购置项目", "actual": "12.00万元", "fiscal": "10.00万元",
             "other": "空白", "expected": "10.00万元", "difference": "+2.00万元"},
)  # fmt: skip
def project_budget_split_mismatch(disclosure: Disclosure) -> Iterator[Hit]:
    """A 项目支出绩效目标表 whose 预算数 differs from 其中：财政资金 + 其他资金 beyond the
    rounding of the three printed amounts (converting 元/万元 where they differ). Projects
    that print neither part are left alone. RULES.md §6 (C)."""
    for project in disclosure.projects:
        total = project.budget_total
        if total is None or total.value is None:
            continue
        if project.budget_fiscal is None and project.budget_other is None:
            continue
        unit = total.unit
        printed = number(total.raw, total.value)
        parts = [_money(m, unit) for m in (project.budget_fiscal, project.budget_other)]
        if printed is None or any(n is None or (u is None) != (unit is None) for n, u in parts):
            continue
        expected, slack, decimals = Decimal(0), printed.half, printed.decimals
        for n, u in parts:
            same = u is unit or unit is None
            expected += n.value if same else convert(n.value, u, unit)
            slack += n.half if same else convert(n.half, u, unit)
            decimals = max(decimals, n.decimals if same else 0)
        if abs(printed.value - expected) > slack:
            (fiscal, fiscal_unit), (other, other_unit) = parts
            yield hit(
                project=project, location=total.location, quote=total.raw,
                name=project.project_name or project.title, actual=_printed(printed, unit),
                fiscal=_printed(fiscal, fiscal_unit), other=_printed(other, other_unit),
                expected=_amount(expected, decimals, unit),
                difference=_amount(printed.value - expected, decimals, unit, sign=True),
            )  # fmt: skip
