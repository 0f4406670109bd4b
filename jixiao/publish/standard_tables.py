"""The cells of the standard tables, laid out once for every format: budget tables
and the 项目支出绩效目标表.

A table is a list of rows of :class:`~jixiao.publish.layout.Cell`, each cell placed
by its edges (fractions of the table's width) and merged down where the standard
table merges. Every cell prints a raw string of the model, so the Word-export
reader (``jixiao.ingest.word_export``) reads the same values back:

- a budget table: its captions in one row; its header one level per row, a parent
  spanning its children and a one-level column merged down; the 栏次 row; data
  rows, the two sides of a side-by-side table (收支总表) sharing a printed row;
- a project table: unit line and 单位; 项目编码/项目名称; 预算规模及资金用途 merged
  over the budget row and the 资金用途 row; 资金支出计划 over its months and
  values; 绩效目标; the indicator header and rows, a 一级/二级 name merged down
  over the rows it heads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

from jixiao.model import BudgetRow, BudgetTable, ColumnRole, PlanKind, Project, Side
from jixiao.model.codec import decimal_to_str
from jixiao.publish.layout import Cell, spread

_COLUMN_WEIGHT = {
    ColumnRole.SEQ: Fraction(6, 10),
    ColumnRole.CODE: Fraction(12, 10),
    ColumnRole.NAME: Fraction(28, 10),
    ColumnRole.VALUE: Fraction(12, 10),
    ColumnRole.TEXT: Fraction(16, 10),
}


# --- budget table pieces -------------------------------------------------------------------


def budget_rows(table: BudgetTable) -> tuple[list[list[Cell]], int]:
    """A budget table's rows (captions, header, 栏次, data) and how many head it.

    Columns are as wide as their role needs; the captions share one row, spread
    evenly over the width whatever the columns (their cells print once either way).
    """
    weights = [_COLUMN_WEIGHT[c.role] for c in table.columns]
    total = sum(weights)
    edges = [Fraction(0)]
    for weight in weights:
        edges.append(edges[-1] + weight / total)
    rows: list[list[Cell]] = []
    if table.captions:
        cells = spread(table.captions, Fraction(0), Fraction(1), align="center")
        cells[0] = replace(cells[0], align="left")
        if len(cells) > 1:
            cells[-1] = replace(cells[-1], align="right")
        rows.append(cells)
    rows.extend(_header_rows([c.header for c in table.columns], edges))
    if any(c.column_no is not None for c in table.columns):
        rows.append(
            [
                Cell(c.column_no or "", edges[i], edges[i + 1], align="center")
                for i, c in enumerate(table.columns)
            ]
        )
    header_rows = len(rows)
    for texts in _printed_rows(table):
        rows.append(
            [
                Cell(
                    text,
                    edges[i],
                    edges[i + 1],
                    align="right" if table.columns[i].role is ColumnRole.VALUE else "left",
                )
                for i, text in enumerate(texts)
            ]
        )
    return rows, header_rows


def _header_rows(paths: Sequence[tuple[str, ...]], edges: Sequence[Fraction]) -> list[list[Cell]]:
    """Header rows from column paths: one level per row, a parent spanning its
    children, a column with fewer levels merged down (printed once, blank below)."""
    depth = max((len(p) for p in paths), default=1)
    bold = {"bold": True, "align": "center"}
    if depth == 1:
        return [[Cell(p[0], edges[i], edges[i + 1], **bold) for i, p in enumerate(paths)]]
    rows: list[list[Cell]] = []
    for level in range(depth - 2):  # levels above the last two: one cell per column
        rows.append(
            [
                Cell(p[level] if len(p) > level + 2 else "", edges[i], edges[i + 1], **bold)
                for i, p in enumerate(paths)
            ]
        )
    upper: list[Cell] = []
    lower: list[Cell] = []
    index = 0
    while index < len(paths):
        path = paths[index]
        if len(path) < 2:
            upper.append(Cell(path[-1], edges[index], edges[index + 1], merge="restart", **bold))
            lower.append(Cell("", edges[index], edges[index + 1], merge="continue", **bold))
            index += 1
            continue
        end = index + 1
        while end < len(paths) and len(paths[end]) >= 2 and paths[end][-2] == path[-2]:
            end += 1
        upper.append(Cell(path[-2], edges[index], edges[end], **bold))
        lower.extend(Cell(paths[i][-1], edges[i], edges[i + 1], **bold) for i in range(index, end))
        index = end
    return [*rows, upper, lower]


def _printed_rows(table: BudgetTable) -> list[list[str]]:
    """The table's rows as printed, one text per column; the two sides of a
    side-by-side table share a printed row (the one their locations name)."""
    groups: list[list[BudgetRow]] = []
    for row in table.rows:
        previous = groups[-1] if groups else None
        if previous and row.side is not None and _same_printed_row(previous[-1], row):
            previous.append(row)
        else:
            groups.append([row])
    printed = []
    for group in groups:
        texts = [""] * len(table.columns)
        for row in group:
            firsts: set[ColumnRole] = set()
            for i, column in enumerate(table.columns):
                role = column.role
                if role is ColumnRole.SEQ:
                    if role not in firsts and row.seq is not None:
                        texts[i] = row.seq
                    firsts.add(role)
                    continue
                if column.side != row.side:
                    continue
                if role in (ColumnRole.CODE, ColumnRole.NAME):
                    if role not in firsts:
                        texts[i] = (row.code or "") if role is ColumnRole.CODE else row.name
                    firsts.add(role)
                else:
                    raw = row.raw(column.key)
                    texts[i] = raw or ""
        printed.append(texts)
    return printed


def _same_printed_row(first: BudgetRow, second: BudgetRow) -> bool:
    if first.side is not Side.INCOME or second.side is not Side.EXPENDITURE:
        return False
    a, b = first.location, second.location
    if a is not None and b is not None and a.row is not None and b.row is not None:
        return a.row == b.row
    return first.seq is not None and first.seq == second.seq


# --- project tables -------------------------------------------------------------------------

_GRID = (
    ("level1", "一级指标", 11),
    ("level2", "二级指标", 11),
    ("level3", "三级指标", 22),
    ("description", "绩效指标描述", 24),
    ("target", "指标值", 15),
    ("basis", "指标值确定依据", 17),
    ("weight", "权重", 8),
    ("direction", "指标方向性", 9),
)


def project_rows(project: Project) -> list[list[Cell]]:
    """The rows of a 项目支出绩效目标表 (see the module docstring for its merges)."""
    fields = [
        g
        for g in _GRID
        if g[0] not in ("weight", "direction")
        or any(getattr(i, g[0]) is not None for i in project.indicators)
    ]
    total = sum(width for *_, width in fields)
    edges = [Fraction(0)]
    for *_, width in fields:
        edges.append(edges[-1] + Fraction(width, total))
    label_end = edges[1]
    zero, one = Fraction(0), Fraction(1)
    label = {"bold": True, "align": "center"}
    rows: list[list[Cell]] = []

    unit_line = (
        f"{project.unit_code}{project.unit_name}"
        if project.unit_code and project.unit_name
        else None
    )
    money_label = f"单位：{project.money_unit.label}" if project.money_unit else None
    if unit_line and money_label:
        split = edges[4]
        rows.append([Cell(unit_line, zero, split), Cell(money_label, split, one, align="right")])
    elif unit_line or money_label:
        align = "left" if unit_line else "right"
        rows.append([Cell(unit_line or money_label or "", zero, one, align=align)])
    rows.append(
        [
            Cell("项目编码", zero, label_end, **label),
            Cell(project.project_code or "", label_end, edges[3]),
            Cell("项目名称", edges[3], edges[4], **label),
            Cell(project.project_name, edges[4], one),
        ]
    )
    goals_row = [
        Cell("绩效目标", zero, label_end, **label),
        Cell("\n".join(project.goals), label_end, one),
    ]
    budget = [
        (name, money)
        for name, money in (
            ("预算数", project.budget_total),
            ("其中：财政资金", project.budget_fiscal),
            ("其他资金", project.budget_other),
        )
        if money is not None
    ]
    # Without a spending plan, goals printed after the budget block would read as
    # part of 资金用途 (the reader takes every cell up to the next block), so they
    # come first.
    goals_first = bool(budget) and not project.spending_plan
    if goals_first:
        rows.append(goals_row)
    if budget:
        texts = [text for name, money in budget for text in (name, money.raw)]
        cells = spread(texts, label_end, one, align="center")
        rows.append([Cell("预算规模及资金用途", zero, label_end, merge="restart", **label), *cells])
        rows.append(
            [
                Cell("", zero, label_end, merge="continue"),
                Cell(project.purpose or "", label_end, one),
            ]
        )
    if project.spending_plan:
        kinds = {c.kind for c in project.spending_plan}
        unit = "%"
        if PlanKind.AMOUNT in kinds and project.money_unit:
            unit = project.money_unit.label
        months = [f"{c.month}月底" for c in project.spending_plan]
        rows.append(
            [
                Cell(f"资金支出计划（{unit}）", zero, label_end, merge="restart", **label),
                *spread(months, label_end, one, **label),
            ]
        )
        raws = [c.raw for c in project.spending_plan]
        rows.append(
            [
                Cell("", zero, label_end, merge="continue"),
                *spread(raws, label_end, one, align="center"),
            ]
        )
    if not goals_first:
        rows.append(goals_row)
    rows.append(
        [Cell(name, edges[i], edges[i + 1], **label) for i, (_, name, _) in enumerate(fields)]
    )
    rows.extend(_indicator_rows(project, [f for f, *_ in fields], edges))
    return rows


def _indicator_rows(
    project: Project, fields: Sequence[str], edges: Sequence[Fraction]
) -> list[list[Cell]]:
    """Indicator rows; a 一级/二级 name carried from the row above is a vertically
    merged cell (the reader reads the blank continuation as carried down).

    A name marked carried but differing from the one above (possible in a model
    not read from a document) cannot be printed as carried — the reader carries
    only from the row above — so it is printed: its raw text survives, the mark not.
    """
    rows: list[list[Cell]] = []
    above = ["", ""]
    for indicator in project.indicators:
        levels = (indicator.level1, indicator.level2)
        carried = [lv.carried and lv.raw == above[k] for k, lv in enumerate(levels)]
        values = {
            "level1": indicator.level1.raw,
            "level2": indicator.level2.raw,
            "level3": indicator.level3,
            "description": indicator.description,
            "target": indicator.target.raw,
            "basis": indicator.basis,
            "weight": decimal_to_str(indicator.weight),
            "direction": indicator.direction,
        }
        cells = []
        for i, field in enumerate(fields):
            if i < 2 and carried[i]:  # blank: merged with the row above, if any
                cells.append(Cell("", edges[i], edges[i + 1], merge="continue" if rows else None))
                continue
            align = "center" if field in ("level1", "level2", "target", "weight") else "left"
            cells.append(Cell(values[field] or "", edges[i], edges[i + 1], align=align))
        rows.append(cells)
        above = [lv.raw for lv in levels]
    # A merged cell starts where a name is printed: mark it, now the rows are known.
    for number in range(1, len(rows)):
        for i in range(2):
            if rows[number][i].merge == "continue" and rows[number - 1][i].merge is None:
                rows[number - 1][i] = replace(rows[number - 1][i], merge="restart")
    return rows
