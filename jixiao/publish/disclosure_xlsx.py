"""A disclosure as an Excel workbook (.xlsx), and the import template a unit fills.

The blocks of ``layout.disclosure_blocks`` go to sheets in document order: each
table, with its title in a merged row above it and its note below, on a sheet of
its own (a budget table named by its title, a 项目支出绩效目标表 ``项目01 名称``);
the text between tables (headings, narrative, the 部门整体绩效目标) on a sheet of
its own (named by its first heading, else 说明). Tables have borders, the merged
ranges of ``layout.placed_cells`` (a 一级 name over the rows it heads, a parent
header over its children), bold centred headers; budget tables freeze the rows
above their data and repeat them on each printed page; every sheet prints on A4,
landscape for wide tables, fitted to the page width.

Every cell reads back as the raw string it came from (``jixiao.ingest.xlsx_reader``
reads a cell as Excel displays it). An amount is written as a number with the
number format that displays its raw text (``1,200.50`` → 1200.5 in ``#,##0.00``,
``25%`` → 0.25 in ``0%``) — only where the format gives back exactly that text,
checked with the reader's own :func:`~jixiao.ingest.xlsx_reader.display_text`;
anything else (``-``, codes such as ``2010350``, 栏次, leading zeros, words) is
text. Headings are bold and non-headings are not: the reader marks a bold line
as a heading, as the Word reader marks a heading style.

:func:`write_xlsx_template` writes the same layout as a template to fill by
hand: a 填表说明 sheet (skipped by the reader), cells to fill in light yellow;
without a disclosure, the standard budget tables with blank rows, the goals
headings and one blank 项目支出绩效目标表.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.model import Disclosure
from jixiao.publish.actuals_form import estimate_height
from jixiao.publish.layout import (
    Block,
    Cell,
    PlacedCell,
    TableBlock,
    TextBlock,
    TextStyle,
    disclosure_blocks,
    placed_cells,
)
from jixiao.publish.xlsx_text import clean_text, is_formula_like

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
ENTRY_FILL = "FFF2CC"  # light yellow: cells a unit fills (as the actuals templates)
PORTRAIT_WIDTH = 96  # characters across a portrait A4 page at 10 pt
PROSE_WIDTH = 80  # a sheet of prose: one column that fits the page unscaled
LANDSCAPE_WIDTH = 140
INSTRUCTIONS_SHEET = "填表说明"  # jixiao.ingest.xlsx_reader.INSTRUCTION_SHEETS skips it
_AMOUNT_LABELS = frozenset({"预算数", "其中：财政资金", "其他资金"})
_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_PERCENT = re.compile(r"^-?\d+(?:\.\d+)?%$")
_FORBIDDEN_IN_SHEET_NAME = str.maketrans("[]:*?/\\", "【】：＊？／＼")
_TITLE_NUMBER = re.compile(r"^\s*\d+\s*[.、．]\s*")


def write_disclosure_xlsx(disclosure: Disclosure, path: str | Path) -> Path:
    """Write ``disclosure`` as an .xlsx at ``path`` (parents created); returns the path.

    Amounts are numbers in the unit of their table (元 or 万元, as printed in its
    captions); reading the file back gives the same model (the round trip).
    """
    workbook = _Book(template=False).build(disclosure_blocks(disclosure))
    return _save(workbook, path)


def write_xlsx_template(path: str | Path, disclosure: Disclosure | None = None) -> Path:
    """Write an import template at ``path``: ``disclosure``'s layout pre-filled, or,
    without one, the standard budget tables (blank rows), the 部门整体绩效目标
    headings and one blank 项目支出绩效目标表; a 填表说明 sheet first. Filled in
    Excel or WPS, it reads back with ``jixiao.ingest.read_disclosure``."""
    blank = disclosure is None
    blocks = disclosure_blocks(disclosure if disclosure is not None else blank_disclosure())
    if blank:
        blocks = [with_unit_line_slot(b) if isinstance(b, TableBlock) else b for b in blocks]
    book = _Book(template=True, blank=blank)
    _instructions(book)
    return _save(book.build(blocks), path)


def _save(workbook: Any, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


# --- sheets ----------------------------------------------------------------------------------


@dataclass
class _Part:
    """What one sheet holds: a table with its title and notes, or a run of text."""

    table: TableBlock | None = None
    title: str | None = None
    texts: list[TextBlock] = field(default_factory=list)  # text, or a table's notes


def _parts(blocks: Sequence[Block]) -> list[_Part]:
    parts: list[_Part] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            isinstance(block, TextBlock)
            and block.style is TextStyle.TITLE
            and isinstance(following, TableBlock)
        ):
            parts.append(_Part(table=following, title=block.text))
            index += 2
            continue
        if isinstance(block, TableBlock):
            parts.append(_Part(table=block))
        elif parts and (block.style is TextStyle.NOTE or parts[-1].table is None):
            parts[-1].texts.append(block)  # a table's note, or more text
        else:
            parts.append(_Part(texts=[block]))
        index += 1
    return parts


def sheet_name(text: str, taken: Iterable[str]) -> str:
    """A valid, unused sheet name from ``text``: no ``[]:*?/\\`` (full-width forms
    instead), at most 31 characters, ``(2)``, ``(3)`` … added to repeat one."""
    base = clean_text(text).translate(_FORBIDDEN_IN_SHEET_NAME).replace("\n", " ")
    base = " ".join(base.split()).strip("'") or "表"
    used = {name.lower() for name in taken}
    name, number = base[:31], 1
    while name.lower() in used:
        number += 1
        suffix = f"({number})"
        name = base[: 31 - len(suffix)] + suffix
    return name


class _Book:
    """Builds the workbook: one sheet per part, named styles shared by all cells."""

    def __init__(self, *, template: bool, blank: bool = False) -> None:
        from openpyxl import Workbook

        self.workbook = Workbook()
        self.template = template
        self.blank = blank
        self.styles: set[str] = set()
        self.projects = 0
        self._first = self.workbook.active  # replaced by the first sheet

    def build(self, blocks: Sequence[Block]) -> Any:
        for part in _parts(blocks):
            if part.table is None:
                self._text_sheet(part.texts)
            else:
                self._table_sheet(part)
        if self._first is not None:  # nothing written: keep one empty sheet
            self._first.title = "说明"
        self.workbook.active = 0
        return self.workbook

    def _sheet(self, name: str) -> Any:
        if self._first is not None:
            ws, self._first = self._first, None
            ws.title = sheet_name(name, [])
            return ws
        return self.workbook.create_sheet(sheet_name(name, self.workbook.sheetnames))

    def style(
        self,
        *,
        bold: bool = False,
        size: int = 10,
        align: str = "left",
        border: bool = False,
        number_format: str = "General",
        entry: bool = False,
        font: str = BODY_FONT,
    ) -> str:
        """The name of a named style with these looks, registered once."""
        name = f"jixiao {font} {size}{' b' if bold else ''} {align}{' box' if border else ''}"
        name += f"{' entry' if entry else ''} {number_format}"
        if name not in self.styles:
            from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

            thin = Side(style="thin", color="000000")
            self.workbook.add_named_style(
                NamedStyle(
                    name=name,
                    font=Font(name=font, size=size, bold=bold),
                    border=Border(thin, thin, thin, thin) if border else Border(),
                    alignment=Alignment(horizontal=align, vertical="center", wrap_text=True),
                    fill=PatternFill("solid", fgColor=ENTRY_FILL) if entry else PatternFill(),
                    number_format=number_format,
                )
            )
            self.styles.add(name)
        return name

    # --- text sheets ---------------------------------------------------------------------------

    def _text_sheet(self, texts: Sequence[TextBlock]) -> None:
        first_heading = next((t.text for t in texts if t.is_heading), "说明")
        ws = self._sheet(first_heading)
        ws.column_dimensions["A"].width = PROSE_WIDTH
        row = 1
        for block in texts:
            row = self._text_row(ws, row, block, width=PROSE_WIDTH)
            if self.blank and block.is_heading:
                for _ in range(2):  # room to write under each heading of a blank template
                    ws.cell(row, 1).style = self.style(entry=True, size=11)
                    row += 1
        _page_setup(ws, wide=False, centred=False)

    def _text_row(self, ws: Any, row: int, block: TextBlock, *, width: float, span: int = 1) -> int:
        """Write ``block`` in ``row`` (merged over ``span`` columns); the next row."""
        style = {
            TextStyle.PART: {"bold": True, "size": 16, "font": HEADING_FONT},
            TextStyle.HEADING: {"bold": True, "size": 14, "font": HEADING_FONT},
            TextStyle.SUBHEADING: {"bold": True, "size": 12, "font": HEADING_FONT},
            TextStyle.TITLE: {"bold": True, "size": 14, "font": HEADING_FONT, "align": "center"},
            TextStyle.NOTE: {"size": 9},
        }.get(block.style, {"size": 11})
        cell = ws.cell(row, 1)
        _put_text(cell, block.text)
        cell.style = self.style(**style)
        if span > 1:
            _merge(ws, cell, row, span)
        scale = style.get("size", 10) / 10
        ws.row_dimensions[row].height = estimate_height(block.text, width / scale) * scale
        return row + 1

    # --- table sheets ----------------------------------------------------------------------------

    def _table_sheet(self, part: _Part) -> None:
        table = part.table
        assert table is not None
        if table.kind == "project":
            self.projects += 1
            name = _TITLE_NUMBER.sub("", part.title or "").removesuffix("绩效目标表")
            name = "" if part.title == _BLANK_PROJECT_TITLE else name
            ws = self._sheet(f"项目{self.projects:02d} {name}".strip())
        else:
            ws = self._sheet(part.title or "表")
        placed, columns = placed_cells(table.rows)
        widths = _column_widths(table.rows, LANDSCAPE_WIDTH if table.wide else PORTRAIT_WIDTH)
        from openpyxl.utils import get_column_letter

        for number, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(number)].width = width
        row = 1
        if part.title:
            row = self._text_row(
                ws, row, TextBlock(part.title, TextStyle.TITLE), width=sum(widths), span=columns
            )
        top = row
        numbers = _number_cells(table, placed)
        heights: dict[int, float] = {}
        for cell in placed:
            self._table_cell(ws, top, cell, numbers.get((cell.row, cell.column)))
            if cell.rowspan == 1:
                width = sum(widths[cell.column : cell.column + cell.colspan])
                height = estimate_height(cell.text, width)
                heights[cell.row] = max(heights.get(cell.row, 0.0), height)
        for number, height in heights.items():
            ws.row_dimensions[top + number].height = height
        row = top + len(table.rows)
        for note in part.texts:
            row = self._text_row(ws, row, note, width=sum(widths), span=columns)
        if table.kind == "budget" and table.header_rows:
            ws.freeze_panes = ws.cell(top + table.header_rows, 1)
            ws.print_title_rows = f"{top}:{top + table.header_rows - 1}"
        _page_setup(ws, wide=table.wide)

    def _table_cell(
        self,
        ws: Any,
        top: int,
        cell: PlacedCell,
        number: tuple[int | float | None, str] | None,
    ) -> None:
        """Write ``cell`` below row ``top``, as ``number`` (value, format) when given."""
        target = ws.cell(top + cell.row, 1 + cell.column)
        entry = self.template and not cell.text and not cell.bold
        if number is not None and cell.text:
            target.value = number[0]
            number_format = number[1]
        else:
            _put_text(target, cell.text)
            number_format = number[1] if number is not None else "General"
        style = self.style(
            bold=cell.bold,
            align=cell.align,
            border=True,
            number_format=number_format,
            entry=entry,
        )
        target.style = style
        if cell.rowspan > 1 or cell.colspan > 1:
            _merge(ws, target, top + cell.row + cell.rowspan - 1, cell.column + cell.colspan)


def _merge(ws: Any, anchor: Any, bottom: int, right: int) -> None:
    """Merge ``anchor`` down to row ``bottom`` and across to column ``right``.

    ``Worksheet.merge_cells`` redraws every edge's border (tens of milliseconds a
    range); the covered cells take the anchor's named style instead, which draws the
    same box.
    """
    from openpyxl.cell.cell import MergedCell
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    merged = MergedCellRange(ws, f"{anchor.coordinate}:{get_column_letter(right)}{bottom}")
    ws.merged_cells.add(merged)
    cells = merged.cells
    next(cells)  # the anchor keeps its value
    for row, column in cells:
        covered = MergedCell(ws, row, column)
        covered._style = copy(anchor._style)
        ws._cells[row, column] = covered


def _put_text(cell: Any, text: str) -> None:
    """``text`` in ``cell`` as text, never a formula."""
    value = clean_text(text)
    cell.value = value or None
    if value and is_formula_like(value):
        cell.data_type = "s"


def _page_setup(ws: Any, *, wide: bool, centred: bool = True) -> None:
    """A4, fitted to the page width; a sheet of prose is not centred (LibreOffice
    then cuts its wrapped lines at both edges)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if wide else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = centred
    for side in ("left", "right"):
        setattr(ws.page_margins, side, 0.5)


def _column_widths(rows: Sequence[Sequence[Cell]], total: float) -> list[float]:
    """Grid column widths (characters) from the cells' edges, ``total`` across, at
    least 4 each."""
    edges = sorted({edge for row in rows for cell in row for edge in (cell.start, cell.end)})
    return [max(4.0, round(float(b - a) * total, 1)) for a, b in itertools.pairwise(edges)]


# --- numbers ---------------------------------------------------------------------------------


def _number_cells(
    table: TableBlock, placed: Sequence[PlacedCell]
) -> dict[tuple[int, int], tuple[int | float | None, str]]:
    """Cells that hold amounts (or plan percentages), by ``(row, column)`` →
    ``(number or None, number format)``: a budget table's right-aligned data cells;
    in a project table the cell after 预算数/其中：财政资金/其他资金 and the values
    of the 资金支出计划. A blank cell gets the format of its kind, to fill later."""
    found: dict[tuple[int, int], tuple[int | float | None, str]] = {}
    by_row: dict[int, list[PlacedCell]] = {}
    for cell in placed:
        by_row.setdefault(cell.row, []).append(cell)
    candidates: list[tuple[PlacedCell, str]] = []
    if table.kind == "budget":
        candidates = [
            (c, "#,##0.00") for c in placed if c.row >= table.header_rows and c.align == "right"
        ]
    else:
        for number, cells in sorted(by_row.items()):
            cells.sort(key=lambda c: c.column)
            for left, right in itertools.pairwise(cells):
                if left.text in _AMOUNT_LABELS:
                    candidates.append((right, "#,##0.00"))
            if cells and cells[0].text.startswith("资金支出计划"):
                values = [c for c in by_row.get(number + 1, []) if c.column > 0]
                percent = any(c.text.endswith("%") for c in values) or not any(
                    c.text for c in values
                )
                candidates.extend((c, "0%" if percent else "#,##0.00") for c in values)
    for cell, default in candidates:
        if not cell.text:
            found[cell.row, cell.column] = (None, default)
        elif (number := as_number(cell.text)) is not None:
            found[cell.row, cell.column] = number
    return found


def as_number(raw: str) -> tuple[int | float, str] | None:
    """``raw`` as ``(number, number format)`` displaying exactly ``raw`` in Excel
    (``1,200.50`` → ``(1200.5, "#,##0.00")``, ``25%`` → ``(0.25, "0%")``), or
    ``None`` when no number shows as ``raw`` (``-``, ``007``, words, 16+ digits)."""
    from decimal import Decimal

    from jixiao.ingest.cell_display import display_text

    percent = bool(_PERCENT.match(raw))
    if not (percent or _AMOUNT.match(raw)):
        return None
    digits = raw.rstrip("%").replace(",", "")
    whole, _, decimals = digits.lstrip("-").partition(".")
    if len(whole) > 1 and whole.startswith("0"):
        return None
    number_format = ("#,##0" if "," in raw else "0") + (
        "." + "0" * len(decimals) if decimals else ""
    )
    if percent:
        value: int | float = float(Decimal(digits) / 100)
        number_format += "%"
    else:
        value = int(digits) if not decimals else float(digits)
    return (value, number_format) if display_text(value, number_format) == raw else None


# --- the import template ---------------------------------------------------------------------

_F = "功能分类科目/科目编码 功能分类科目/科目名称 "
#: The standard budget tables of a blank template: title, header paths (levels
#: joined by ``/``, columns by spaces; 序号 comes first), blank rows or row names.
STANDARD_TABLES: tuple[tuple[str, str, int | tuple[str, ...]], ...] = (
    ("部门预算收支总表", "收入/项目 收入/预算数 支出/项目 支出/预算数", 20),
    (
        "部门预算收入总表",
        _F + "合计 本年收入/小计 本年收入/财政拨款收入 本年收入/财政专户收入 "
        "本年收入/事业收入 本年收入/经营收入 本年收入/上级补助收入 本年收入/附属单位上缴收入 "
        "本年收入/其他收入 上年结转",
        10,
    ),
    (
        "部门预算支出总表",
        _F + "合计 基本支出 项目支出 经营支出 上解上级支出 对附属单位补助支出",
        10,
    ),
    (
        "部门预算财政拨款收支总表",
        "收入/项目 收入/金额 支出/项目 支出/合计 支出/一般公共预算财政拨款 "
        "支出/政府性基金预算财政拨款 支出/国有资本经营预算财政拨款",
        10,
    ),
    ("部门预算一般公共预算财政拨款支出表", _F + "合计 基本支出 项目支出", 10),
    (
        "部门预算一般公共预算财政拨款基本支出表",
        "支出部门经济分类科目/科目编码 支出部门经济分类科目/科目名称 "
        "一般公共预算基本支出/合计 一般公共预算基本支出/人员经费 一般公共预算基本支出/公用经费",
        10,
    ),
    ("部门预算政府性基金预算财政拨款支出表", _F + "合计 基本支出 项目支出", 5),
    ("部门预算国有资本经营预算财政拨款支出表", _F + "合计 基本支出 项目支出", 5),
    (
        "部门预算财政拨款“三公”经费支出表",
        "项目 资金性质/合计 资金性质/一般公共预算财政拨款 资金性质/政府性基金预算拨款 "
        "资金性质/国有资本经营预算财政拨款",
        (
            "合计",
            "“三公”经费小计",
            "一、因公出国（境）费",
            "二、公务用车购置及运维费",
            "其中：公务用车购置费",
            "公务用车运行维护费",
            "三、公务接待费",
        ),
    ),
)
#: 一级 → its 二级 names, the indicator rows of a blank 项目支出绩效目标表.
_INDICATOR_FRAME = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}
_BLANK_PROJECT_TITLE = "1.项目支出绩效目标表"


def blank_disclosure() -> Disclosure:
    """The model of a blank template: the standard budget tables (captions to
    complete, blank rows; the 三公 table with its row names), the goals headings,
    one 项目支出绩效目标表 with its labels, four checkpoints and the 一级/二级
    frame of the indicator rows printed on every row (a row left blank is skipped,
    so no name has to carry over it)."""
    from jixiao.ingest.tables import build_columns, table_kind
    from jixiao.model import (
        BudgetRow,
        BudgetTable,
        DepartmentGoals,
        Indicator,
        Layout,
        LevelName,
        Money,
        MoneyUnit,
        Project,
        Source,
        SpendingCheckpoint,
        TargetKind,
        TargetValue,
        YearEvidence,
        normalise_level1,
        normalise_level2,
    )

    wan = MoneyUnit.WAN_YUAN
    tables = []
    for title, header, rows_or_names in STANDARD_TABLES:
        paths = [("序号",), *(tuple(path.split("/")) for path in header.split())]
        numbers = ["栏次", *(str(n) for n in range(1, len(paths)))]
        names = rows_or_names if isinstance(rows_or_names, tuple) else ("",) * rows_or_names
        rows = tuple(
            BudgetRow(seq=str(n) if name else None, code=None, name=name, values=())
            for n, name in enumerate(names, start=1)
        )
        tables.append(
            BudgetTable(
                title=title,
                kind=table_kind(title),
                money_unit=wan,
                columns=build_columns(paths, numbers),
                rows=rows,
                captions=("", "预算年度：", "单位：万元"),
            )
        )
    project = Project(
        seq=1,
        title=_BLANK_PROJECT_TITLE,
        project_name="",
        project_code="",
        money_unit=wan,
        budget_total=Money(raw="", value=None, unit=wan),
        budget_fiscal=Money(raw="", value=None, unit=wan),
        budget_other=Money(raw="", value=None, unit=wan),
        purpose="",
        spending_plan=tuple(
            SpendingCheckpoint(month=month, raw="", value=None, kind=None)
            for month in (3, 6, 10, 12)
        ),
        goals=(),
        indicators=tuple(
            Indicator(
                index=index,
                level1=LevelName(raw=level1, normalised=normalise_level1(level1)),
                level2=LevelName(raw=level2, normalised=normalise_level2(level2)),
                level3="",
                description=None,
                target=TargetValue(raw="", kind=TargetKind.UNPARSED),
                basis=None,
            )
            for index, (level1, level2) in enumerate(
                ((one, two) for one, twos in _INDICATOR_FRAME.items() for two in twos), start=1
            )
        ),
    )
    return Disclosure(
        unit_code="",
        unit_name="",
        fiscal_year=0,
        fiscal_year_evidence=YearEvidence.PRINTED,
        money_unit=wan,
        source=Source(path="", sha256="", layout=Layout.WORD_EXPORT, encoding="", size_bytes=0),
        budget_tables=tuple(tables),
        department_goals=DepartmentGoals(overall_goal="", sub_goals=(), safeguards=()),
        projects=(project,),
    )


def with_unit_line_slot(block: TableBlock) -> TableBlock:
    """A project table whose first row holds only ``单位：万元`` given a blank cell
    before it for the unit line (``430001某某县…本级``), where the standard table
    prints it; other tables unchanged."""
    from dataclasses import replace

    first = block.rows[0] if block.rows else ()
    header = next((r for r in block.rows if r and r[0].text == "一级指标"), None)
    if block.kind != "project" or len(first) != 1 or header is None or len(header) < 5:
        return block
    split = header[4].start
    cells = (
        Cell("", first[0].start, split),
        Cell(first[0].text, split, first[0].end, align="right"),
    )
    return replace(block, rows=(cells, *block.rows[1:]))


INSTRUCTIONS = (
    "填表说明",
    "1. 本模板按部门预算公开的标准格式排列：每张预算表、每个项目支出绩效目标表各占一个"
    "工作表，部门整体绩效目标在单独的工作表中。请按顺序填写，不要改动标题、表头和"
    "“项目编码”“预算数”“资金支出计划”等标签。",
    "2. 黄色单元格为待填内容。表格第一行的空白格填写单位编码和单位名称，如"
    "“430001某某县机关事务服务中心”；“预算年度：”后补上年份，如“预算年度：2024”。",
    "3. 金额以表头“单位：万元（元）”为准，只填数字，如 1200.50，不要带单位；"
    "科目编码照原样填写，如 2010350；不要使用公式（程序生成的公式没有计算结果，无法读取）。",
    "4. 行数不够时可插入行；用不到的行保持空白即可，读取时自动略过。",
    "5. 项目支出绩效目标表：资金支出计划填写累计比例，如 25%；一级、二级指标已按常用框架"
    "列出，同一二级指标有多个三级指标时，在其下插入行，一级、二级留空或合并单元格即表示同上；"
    "不适用的行留空。",
    "6. 有多个项目时，复制“项目01”工作表并按顺序排列，同时修改表格标题中的序号和项目名称，"
    "如“2.公务用车运行维护经费绩效目标表”。",
    "7. 部门整体绩效目标：在各标题下方的行中逐段填写，每段一行。",
    "8. 填好后保存为 .xlsx，用 jixiao ingest 读取；本工作表（填表说明）不会被读取。",
)


def _instructions(book: _Book) -> None:
    ws = book._sheet(INSTRUCTIONS_SHEET)
    ws.column_dimensions["A"].width = PROSE_WIDTH
    for row, text in enumerate(INSTRUCTIONS, start=1):
        style = TextStyle.HEADING if row == 1 else TextStyle.PARAGRAPH
        book._text_row(ws, row, TextBlock(text, style), width=PROSE_WIDTH)
    _page_setup(ws, wide=False, centred=False)
