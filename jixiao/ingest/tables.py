"""Cells → typed budget tables: titles to kinds, captions, header paths, rows.

Shared by every layout that yields a table as rows of cell texts. Header rows
print merged cells once (a row can be shorter than the table) and vertically
merged cells as blanks; :func:`column_paths` rebuilds each column's header path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from jixiao.ingest.errors import IngestError
from jixiao.ingest.row_spans import column_kinds, is_number, place_cells, spread
from jixiao.ingest.target import parse_number
from jixiao.ingest.text import clean, clean_inline
from jixiao.model import (
    BudgetColumn,
    BudgetRow,
    BudgetTable,
    CellValue,
    ColumnRole,
    Location,
    MoneyUnit,
    Side,
    TableKind,
)

# Order matters: the first pattern that matches a title decides its kind.
_TITLE_KINDS: tuple[tuple[re.Pattern[str], TableKind], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"财政拨款(收支)?(预算)?总表", TableKind.FISCAL_APPROPRIATION_SUMMARY),
        (r"收支(预算)?总表", TableKind.INCOME_EXPENDITURE_SUMMARY),  # 部门财务收支预算总表
        (r"收入(预算)?总?表", TableKind.INCOME_SUMMARY),  # 部门收入预算总表, 部门收入预算表
        (r"政府性?基金.*三公", TableKind.OTHER),  # 三公 paid from fund money
        (r"三公", TableKind.THREE_PUBLIC_EXPENSES),  # 三公 经费和机关运行经费预算表
        (r"机关运行经费|项目支出(预算)?表", TableKind.OTHER),
        (r"一般公共预算.*基本支出", TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE),
        (r"一般公共预算.*支出", TableKind.GENERAL_BUDGET_EXPENDITURE),
        (r"政府性?基金.*支出", TableKind.GOV_FUND_EXPENDITURE),
        (r"国有资本经营.*支出", TableKind.STATE_CAPITAL_EXPENDITURE),
        (r"政府采购", TableKind.PROCUREMENT_BUDGET),
        (r"固定资产|国有资产占用", TableKind.FIXED_ASSETS),
        (r"支出(预算)?总表", TableKind.EXPENDITURE_SUMMARY),  # 部门支出预算表 (Shanghai)
        (r"^(20\d{2}年)?部门支出预算表$", TableKind.EXPENDITURE_SUMMARY),
    )
)

_MONEY_UNIT = re.compile(r"(?:(?:金额)?单位|金额)\s*[:：]\s*(万元|元)(?![\u4e00-\u9fff])")
# 单位：万 | 元 printed on two lines at the right margin (Jiangsu's 三公 table), read
# with whatever the line between them holds.
_WAN_YUAN_BROKEN = re.compile(r"单位\s*[:：]\s*万(?!元).*元\s*$")
_UNIT_LINE = re.compile(r"^(\d{3,})(?!\d*\s*年)\s*([\u4e00-\u9fff].*)$")
_CAPTION = re.compile(
    r"^((金额)?单位[:：]|金额[:：]|(编制|预算主管)?部门[:：]|部门名称[:：]|单位名称[:：]|万?元$"
    r"|(部门公开表|公开|表)\s*\d{1,2}(\s*[-－]\s*\d{1,2})?\s*表?$"
    r"|预算年度|截止(时间|日期)|编制单位)|^\d{3,}(?!\d*\s*年)\s*[\u4e00-\u9fff]"
)
_TEXT_COLUMNS = ("采购物品名称", "目录序号", "计量单位", "单位性质", "单位规格", "保障形式", "说明")


def table_kind(title: str) -> TableKind:
    """The kind of a table from its printed title (``other`` when unknown)."""
    compact = clean_inline(title)
    for pattern, kind in _TITLE_KINDS:
        if pattern.search(compact):
            return kind
    return TableKind.OTHER


def money_unit_in(texts: Sequence[str]) -> MoneyUnit | None:
    """The money unit printed in any of ``texts`` (``单位：万元`` → 万元), if any."""
    texts = [clean_inline(text) for text in texts]
    # a caption split over two cells or lines (金额单位： | 万元) is read joined
    joined = [a + b for a, b in pairwise(texts) if a.endswith((":", "："))]
    for text in [*texts, *joined]:
        for match in _MONEY_UNIT.finditer(text):
            return MoneyUnit.WAN_YUAN if match.group(1) == "万元" else MoneyUnit.YUAN
    if any(_WAN_YUAN_BROKEN.search(text) for text in texts):
        return MoneyUnit.WAN_YUAN
    return None


def split_unit_line(text: str) -> tuple[str, str] | None:
    """``430平乡县机关后勤服务中心`` → ``("430", "平乡县机关后勤服务中心")``; else ``None``."""
    match = _UNIT_LINE.match(clean_inline(text))
    return (match.group(1), match.group(2)) if match else None


def is_caption_row(cells: Sequence[str]) -> bool:
    """True for the row printed above a header: every cell a unit line, 预算年度,
    单位：万元 or 截止时间."""
    texts = [clean_inline(piece) for cell in cells for piece in cell.split("\n") if piece.strip()]
    return bool(texts) and all(_CAPTION.search(text) for text in texts)


class SourceRow(NamedTuple):
    """A row of cell texts and the line of its first cell; ``spanned`` are the
    columns a merged cell on their left covers (set when a short row is placed)."""

    cells: tuple[str, ...]
    line: int
    spanned: frozenset[int] = frozenset()


def assemble_rows(groups: Sequence[SourceRow], width: int) -> list[SourceRow]:
    """Rebuild rows of exactly ``width`` cells from blank-line groups.

    Blank lines inside a cell split a printed row into several groups; groups are
    joined until they hold ``width`` cells. A last row left short (a truncated
    file) is returned short; callers decide what that means.
    """
    rows: list[SourceRow] = []
    pending: list[str] = []
    start_line = 0
    for group in groups:
        if not pending:
            start_line = group.line
        pending.extend(group.cells)
        while len(pending) >= width:
            rows.append(SourceRow(tuple(pending[:width]), start_line))
            pending = pending[width:]
            start_line = group.line
    if pending:
        rows.append(SourceRow(tuple(pending), start_line))
    return rows


def _segments(lower: Sequence[str]) -> list[list[int]]:
    """Column indexes of ``lower`` grouped: a blank alone, a run of labels together."""
    segments: list[list[int]] = []
    for index, label in enumerate(lower):
        if not label:
            segments.append([index])
        elif segments and lower[segments[-1][-1]] and segments[-1][-1] == index - 1:
            segments[-1].append(index)
        else:
            segments.append([index])
    return segments


_AMOUNT_LABELS = ("金额", "预算数", "数额")


def _split_points(labels: Sequence[str]) -> list[int]:
    """Where a run of labels may be cut between two parents, best first: after an
    earlier copy of the run's last label (名称 金额 | 名称 金额: groups of a name and
    its amount, Jiangsu's 功能分类 | 支出用途), after the classification's name column
    unless its amount follows it, where the run's first label repeats (the two
    halves of a side-by-side table), then after an amount."""
    points = [i + 1 for i, label in enumerate(labels[:-1]) if label == labels[-1]]
    points += [
        i + 1
        for i, label in enumerate(labels[:-1])
        if label.endswith("名称") and "".join(labels[i + 1].split()) not in _AMOUNT_LABELS
    ]
    points += [i for i, label in enumerate(labels) if i > 0 and label == labels[0]]
    # a name and its amount stay together: cut after an amount, never before it
    points += [
        i + 1 for i, label in enumerate(labels[:-1]) if "".join(label.split()) in _AMOUNT_LABELS
    ]
    return points


def column_paths(header_rows: Sequence[Sequence[str]], width: int) -> list[tuple[str, ...]]:
    """Each column's header path, from header rows whose merged cells print once.

    The lowest row holding a label for every column (blanks standing for a label
    merged down from above) fixes the columns; the row above it is spread over
    them: a blank below takes one label from above alone, a run of labels below
    shares one parent — or several, cut where :func:`_split_points` says. Higher
    rows are kept only when they print a label for every column (no merges to undo).
    """
    rows = [
        [clean_inline(cell) for cell in row] for row in header_rows if any(c.strip() for c in row)
    ]
    if not rows:
        return [(f"第{i + 1}列",) for i in range(width)]
    lower = rows[-1] + [""] * (width - len(rows[-1]))
    if len(rows) == 1:
        return [(label or f"第{i + 1}列",) for i, label in enumerate(lower[:width])]
    upper = rows[-2]
    owner = _owners(upper, lower[:width])
    full_width_above = [row for row in rows[:-2] if len(row) == width]
    # a shorter row above (merged cells printed once, three header levels) is
    # spread over the row below it the same way, level by level
    chain: list[list[str]] = []
    below, below_owner = upper, owner
    for row in reversed(rows[:-2]):
        if len(row) == width or len(row) >= len(below):
            break
        step = _owners(row, below)
        chain.append([row[step[i]] if step[i] < len(row) else "" for i in below_owner])
        below, below_owner = row, [step[i] for i in below_owner]
    paths: list[tuple[str, ...]] = [()] * width
    for index in range(width):
        parent = upper[owner[index]] if owner[index] < len(upper) else ""
        higher = [level[index] for level in reversed(chain)]
        labels = [row[index] for row in full_width_above] + higher + [parent, lower[index]]
        paths[index] = tuple(label for label in labels if label) or (f"第{index + 1}列",)
    return paths


def _owners(upper: Sequence[str], lower: Sequence[str]) -> list[int]:
    """For each cell of ``lower``, the index of the ``upper`` cell above it (see
    :func:`column_paths`); an index past ``upper`` when ``upper`` runs short."""
    segments = _segments(lower)
    extra = len(upper) - len(segments)
    while extra > 0:
        runs = [s for s in segments if len(s) > 1]
        cut = None
        for segment in runs:
            points = _split_points([lower[i] for i in segment])
            if points:
                cut = (segment, points[0])
                break
        if cut is None and runs:
            longest = max(runs, key=len)
            cut = (longest, len(longest) // 2)
        if cut is None:
            break
        segment, point = cut
        position = segments.index(segment)
        segments[position : position + 1] = [segment[:point], segment[point:]]
        extra -= 1
    owner = [0] * len(lower)
    for number, segment in enumerate(segments):
        for index in segment:
            owner[index] = number
    return owner


def _printed_rows(groups: Sequence[SourceRow], width: int) -> list[SourceRow] | None:
    """The groups as rows when they are rows already (a workbook's or a converted
    document's rows, never split by blank lines inside a cell): every group at most
    ``width`` cells and every short one a total row whose label was merged across
    columns (``合    计`` over 编码 and 名称): blanks are put back after its label.
    ``None`` otherwise (rows are then rebuilt by :func:`assemble_rows`)."""
    if not groups or any(not 0 < len(g.cells) <= width for g in groups):
        return None
    if all(len(g.cells) == width for g in groups):
        return None
    rows = []
    for group in groups:
        missing = width - len(group.cells)
        if not missing:
            rows.append(group)
            continue
        at = next((i for i, c in enumerate(group.cells) if c.strip()), 0)
        if "".join(clean_inline(group.cells[at]).split()) not in _TOTALS:
            return None
        cells = group.cells[: at + 1] + ("",) * missing + group.cells[at + 1 :]
        rows.append(SourceRow(cells, group.line))
    return rows


def _retyped_by_content(
    columns: tuple[BudgetColumn, ...], rows: Sequence[SourceRow]
) -> tuple[BudgetColumn, ...]:
    """Columns whose header says nothing of text but whose cells hold text and no
    number (Jiangsu's 采购品目大类, 经济科目, 采购组织形式) are text columns."""
    retyped = list(columns)
    for index, column in enumerate(columns):
        if column.role is not ColumnRole.VALUE:
            continue
        cells = [clean_inline(r.cells[index]) for r in rows if index < len(r.cells)]
        filled = [c for c in cells if c]
        if filled and all(parse_number(c) is None for c in filled):
            retyped[index] = replace(column, role=ColumnRole.TEXT)
    return tuple(retyped)


def _placed_rows(
    data: Sequence[SourceRow], columns: Sequence[BudgetColumn]
) -> list[SourceRow] | None:
    """Whole rows with their merged cells put back in place (``row_spans``); ``None``
    when a row is wider than the table or cannot be placed."""
    width = len(columns)
    kinds = column_kinds([r.cells for r in data], width)
    for index, column in enumerate(columns):  # a column blank in every full row
        if kinds[index] is None and column.role is ColumnRole.VALUE:
            kinds[index] = "number"
    halves = None
    if any(c.side for c in columns):
        halves = [c.side is Side.INCOME if c.side else None for c in columns]
    placed: list[SourceRow] = []
    for row in data:
        if len(row.cells) == width:
            placed.append(row)
            continue
        starts = place_cells(row.cells, width, kinds, halves)
        if starts is None:
            return None
        cells, spanned = spread(row.cells, starts, width)
        placed.append(SourceRow(cells, row.line, spanned))
    return placed


def _widened_header(
    header: Sequence[SourceRow], data: Sequence[SourceRow], width: int
) -> list[SourceRow]:
    """The header with its lowest row spread over ``width`` columns: a label over
    several columns of names (Jiangsu's 项目名称 over 一般公共预算资金 | 小计) heads
    each of them; labels of amounts sit over the numbers."""
    lowest = max(i for i, r in enumerate(header) if any(c.strip() for c in r.cells))
    cells = header[lowest].cells
    if len(cells) >= width:
        return list(header)
    kinds = column_kinds([r.cells for r in data], width)
    cell_kinds = [
        "text" if _role((clean_inline(c),)) is not ColumnRole.VALUE else "number" for c in cells
    ]
    starts = place_cells(cells, width, kinds, cell_kinds=cell_kinds)
    if starts is None:
        return list(header)
    spread_cells, _ = spread(cells, starts, width, repeat=True)
    widened = list(header)
    widened[lowest] = SourceRow(spread_cells, header[lowest].line)
    return widened


# A classification code split into columns (类 | 款 | 项), joined into one code.
_CODE_PARTS = ("类", "款", "项")
# The unit's own code beside the classification code (单位代码 163001): text, not a code.
_UNIT_CODE_COLUMN = re.compile(r"^(部门)?[（(]?单位[）)]?代\s*码$|^单位编\s*码$|^部门（单位）代码$")


def _role(path: tuple[str, ...]) -> ColumnRole:
    leaf = path[-1]
    if "".join(leaf.split()) in _CODE_PARTS:
        return ColumnRole.CODE
    if _UNIT_CODE_COLUMN.match(leaf):
        return ColumnRole.TEXT
    if any(word in leaf for word in _TEXT_COLUMNS):
        return ColumnRole.TEXT
    if leaf.startswith("序号") or leaf == "栏次":
        return ColumnRole.SEQ
    if "编码" in leaf or leaf == "科目代码":
        return ColumnRole.CODE
    if leaf.endswith("名称") or leaf == "项目" or re.search(r"名称\s*[（(]科目[）)]$", leaf):
        return ColumnRole.NAME
    return ColumnRole.VALUE


def _income_top(top: str) -> bool:
    """收入, 本年收入, 财政拨款收入: the income half of a side-by-side table."""
    return top.startswith("收入") or bool(re.fullmatch(r"(本年|财政拨款)收入", top))


def _spending_top(top: str) -> bool:
    """支出, 本年支出, 财政拨款支出: the expenditure half."""
    return top.startswith("支出") or bool(re.fullmatch(r"(本年|财政拨款)支出", top))


def build_columns(
    paths: Sequence[tuple[str, ...]], column_numbers: Sequence[str] = ()
) -> tuple[BudgetColumn, ...]:
    """Typed columns from header paths; sides set when both 收入 and 支出 head columns."""
    tops = {path[0] for path in paths}
    side_by_side = any(_income_top(t) for t in tops) and any(_spending_top(t) for t in tops)
    columns: list[BudgetColumn] = []
    seen: set[str] = set()
    for index, path in enumerate(paths):
        key = "/".join(path)
        while key in seen:
            key += "#"
        seen.add(key)
        side = None
        if side_by_side and len(path) > 1:
            side = (
                Side.INCOME
                if _income_top(path[0])
                else (Side.EXPENDITURE_BY_USE if "用途" in path[1] else Side.EXPENDITURE)
                if _spending_top(path[0])
                else None
            )
        number = clean_inline(column_numbers[index]) if index < len(column_numbers) else ""
        columns.append(
            BudgetColumn(
                key=key, header=tuple(path), role=_role(path), side=side, column_no=number or None
            )
        )
    return tuple(columns)


def _row_code(cells: Sequence[tuple[BudgetColumn, str]]) -> str:
    """The row's code: the first code column's text, or the 类/款/项 parts joined
    (``208 | 05 | 05`` → ``2080505``; a 类 row prints only ``208``)."""
    parts = [t for c, t in cells if "".join(c.header[-1].split()) in _CODE_PARTS]
    if parts:
        return "".join(parts) if all(t.isdigit() or not t for t in parts) else " ".join(parts)
    return next((t for _, t in cells), "")


def build_rows(
    columns: Sequence[BudgetColumn], rows: Sequence[SourceRow], location: Location
) -> tuple[BudgetRow, ...]:
    """Typed rows; side-by-side rows give one row per side with content; blank rows
    (the filler row of an empty table) are dropped.

    A label merged across into the next side's name column (Jiangsu's ``当年支出小计``
    over 功能分类 and 支出用途, its amount under 支出用途) names that side's row, not
    its own. Where one header label spans several name columns, the row's name is
    the rightmost one filled and the others are kept as text cells.
    """
    sides = [side for side in Side if any(c.side is side for c in columns)] or [None]
    built: list[BudgetRow] = []
    for number, row in enumerate(rows, start=1):
        raw_texts = list(row.cells) + [""] * (len(columns) - len(row.cells))
        texts = [clean_inline(t) for t in raw_texts]
        seq = next(
            (t for c, t in zip(columns, texts, strict=False) if c.role is ColumnRole.SEQ), ""
        )
        names = _side_names(columns, raw_texts, row.spanned, sides)
        for side in sides:
            mine = [
                (index, c, t)
                for index, (c, t) in enumerate(zip(columns, texts, strict=False))
                if c.side == side
            ]
            code = _row_code([(c, t) for _, c, t in mine if c.role is ColumnRole.CODE])
            name, kept = names[side]
            values = tuple(
                CellValue(column=c.key, raw=t, value=parse_number(t) if t else None)
                for index, c, t in mine
                if c.role in (ColumnRole.VALUE, ColumnRole.TEXT) or index in kept
            )
            # a row printing only its 序号 is kept (Renhe's empty 政府采购 table prints 1)
            numbered = bool(seq) and side is None
            if not (numbered or code or name or any(v.raw for v in values)):
                continue
            built.append(
                BudgetRow(
                    seq=seq or None,
                    code=code or None,
                    name=name,
                    values=values,
                    side=side,
                    location=location.at(line=row.line, row=number),
                )
            )
    return tuple(built)


def _side_names(
    columns: Sequence[BudgetColumn],
    raw_texts: Sequence[str],
    spanned: frozenset[int],
    sides: Sequence[Side | None],
) -> dict[Side | None, tuple[str, set[int]]]:
    """Each side's row name and the indexes of its other filled name columns (kept
    as text cells), see :func:`build_rows`."""
    first_name: dict[Side | None, list[int]] = {}
    for index, column in enumerate(columns):
        if column.role is ColumnRole.NAME:
            group = first_name.setdefault(column.side, [])
            # one header label spanning several columns repeats its path (key #)
            if not group or column.header == columns[group[0]].header:
                group.append(index)
    given: set[int] = set()  # name cells that name a later side's row
    borrowed: dict[Side | None, str] = {}
    for side in sides:
        group = first_name.get(side, [])
        if group and group[0] in spanned and not raw_texts[group[0]].strip():
            origin = group[0]
            while origin in spanned and origin > 0:
                origin -= 1
            if columns[origin].role is ColumnRole.NAME and columns[origin].side != side:
                given.add(origin)
                borrowed[side] = clean(raw_texts[origin])
    names: dict[Side | None, tuple[str, set[int]]] = {}
    for side in sides:
        group = [i for i in first_name.get(side, []) if i not in given]
        filled = [i for i in group if raw_texts[i].strip()]
        if side in borrowed:
            names[side] = (borrowed[side], set())
        elif filled:
            names[side] = (clean(raw_texts[filled[-1]]), set(filled[:-1]))
        else:
            names[side] = ("", set())
    return names


_TOTALS = ("合计", "总计", "收入总计", "支出总计")
_NOTHING = "无"  # the one row of an empty table in Shanghai's layout, above 合计


def _is_total_row(cells: Sequence[str]) -> bool:
    """True for a 合计/总计 row (the only row of a table published empty) or the
    ``无`` row printed above it."""
    filled = [clean_inline(c) for c in cells if c.strip()]
    return (
        bool(filled)
        and "".join(filled[0].split()) in (*_TOTALS, _NOTHING)
        and all(parse_number(text) is not None for text in filled[1:])
    )


_NOTE_START = re.compile(r"^(注|取数说明|空表说明|说明[:：]|备注|填报说明|报表说明)")


def _trailing_notes(data: Sequence[SourceRow]) -> tuple[list[SourceRow], list[str]]:
    """Rows under the data that are notes printed inside the table (``取数说明：``
    and its numbered lines, ``空表说明：无此项内容``): from the first row whose one
    filled cell opens a note, every row with at most one filled cell."""
    data = list(data)
    for start, row in enumerate(data):
        filled = [clean(c) for c in row.cells if c.strip()]
        if len(filled) == 1 and _NOTE_START.match(clean_inline(filled[0])):
            tail = data[start:]
            if all(sum(1 for c in r.cells if c.strip()) <= 1 for r in tail):
                notes = [clean(c) for r in tail for c in r.cells if c.strip()]
                return data[:start], notes
            break
    return data, []


def build_table(
    *,
    title: str,
    rows: Sequence[SourceRow],
    location: Location,
    note: str | None = None,
    default_unit: MoneyUnit | None = None,
    rows_whole: bool = False,
) -> BudgetTable:
    """A :class:`BudgetTable` from its title and its rows of cells (caption rows,
    header rows, an optional 栏次 row, data rows), blank-line groups allowed.

    The header ends at the 栏次 row, or else at the first row holding a number
    (or after one row when no row holds a number). ``rows_whole`` says each group
    is one printed row (a converted document): a short row is then a row with
    merged cells, placed by :mod:`jixiao.ingest.row_spans`, and data rows wider
    than the header widen it (a header label over several name columns).
    """
    rows = list(rows)
    captions: list[str] = []
    while rows and is_caption_row(rows[0].cells) and not any(is_number(c) for c in rows[0].cells):
        captions.extend(clean(cell) for cell in rows.pop(0).cells if cell.strip())
    numbers_row = next((i for i, r in enumerate(rows) if clean_inline(r.cells[0]) == "栏次"), None)
    if numbers_row is not None:
        header, column_numbers, data = (
            rows[:numbers_row],
            rows[numbers_row].cells,
            rows[numbers_row + 1 :],
        )
        width = len(column_numbers)
    else:
        first_data = next(
            (
                i
                for i, r in enumerate(rows)
                if any(is_number(c) for c in r.cells) or _is_total_row(r.cells)
            ),
            None,
        )
        cut = first_data if first_data else min(1, len(rows))
        header, column_numbers, data = rows[:cut], (), rows[cut:]
        width = max((len(r.cells) for r in header), default=0)
    width = max([width] + [len(r.cells) for r in header])
    data, printed_notes = _trailing_notes(data)
    if printed_notes:
        note = "\n".join([*([note] if note else []), *printed_notes])
    data_width = max((len(r.cells) for r in data), default=0)
    if rows_whole and data_width > width and header and not column_numbers:
        header = _widened_header(header, data, data_width)
        width = data_width
    paths = column_paths([r.cells for r in header], width)
    columns = build_columns(paths, column_numbers)
    table_location = location.at(table=clean_inline(title))
    data_rows = (
        (_placed_rows(data, columns) if rows_whole else None)
        or _printed_rows(data, width)
        or assemble_rows(data, width)
    )
    columns = _retyped_by_content(columns, data_rows)
    if (
        data_rows
        and len(data_rows[-1].cells) < width
        and any(c.strip() for c in data_rows[-1].cells)
    ):
        raise IngestError(
            f"表格“{clean_inline(title)}”的最后一行不完整（应有 {width} 个单元格，"
            f"只读到 {len(data_rows[-1].cells)} 个），文件可能被截断。",
            path=location.file,
            line=data_rows[-1].line,
        )
    return BudgetTable(
        title=clean_inline(title),
        kind=table_kind(title),
        money_unit=money_unit_in([*captions, *(c for r in header for c in r.cells)])
        or default_unit,
        columns=columns,
        rows=build_rows(columns, data_rows, table_location),
        captions=tuple(captions),
        note=note,
        location=table_location,
    )
