"""Excel workbook (.xlsx, legacy .xls) → Word-export text, so a workbook is read by
the Word-export parser like a .docx (``grid``).

A unit's workbook holds the disclosure's tables one or more to a sheet, with
titles, captions and notes in rows of their own. Each visible sheet is read in
workbook order, row by row, and each row is classed by what it holds:

- a **table row** has two or more texts (a merged range counts once), or a cell
  with a border, or lies under a range merged down from a table row above;
- a **line** has one text and no border: a paragraph (a title, a heading, prose,
  a table's note);
- a **blank row** has neither; it ends a table.

Contiguous table rows are one table; a line between two table rows belongs to the
table (a row with only a name filled in) unless it is bold or merged across
columns (a title between two tables). Caption lines (``单位：元``,
``预算年度：2024``, a unit line) right above a table are its first rows, as Word
prints them inside the table. A bordered first row with one text that is not a
caption is the table's title; a bordered last row with one text opening with 注
is its note. A line directly above a table (its title), a bold line and a
numbered heading (``一、…``, ``第一部分…``) are marked as headings. Merged ranges
become cells with row and column spans; a grid column blank in every row (an
"extra blank column") and rows with nothing in them are dropped.

Cells read as Excel displays them (:func:`display_text`): a number through its
number format (``#,##0.00`` → ``1,200.50``, ``0%`` → ``85%``, ``General`` without
float noise), a date through its date format, text as stored (numbers stored as
text included). A formula is read by the value Excel saved with it; a formula
saved without one (a file written by a program and never opened in Excel) is
refused, naming sheet and cell — reading it as blank would silently lose a total.

Sheets: a hidden or ``veryHidden`` sheet is skipped — it holds a program's or a
person's helper data (lookup lists, source figures), not what the unit publishes;
LibreOffice saves a ``veryHidden`` sheet as merely hidden, so the two are treated
alike. Hidden rows and columns of a visible sheet are read: they are data of the
table they sit in (its printed totals count them). A sheet named 填表说明 or
填报说明 holds instructions (the import template's) and is skipped. A jixiao 填报模板
(monitoring, self-evaluation) is refused with a pointer to ``jixiao actuals
import``. Line numbers of a workbook's locations refer to the text
:func:`xlsx_text` returns.
"""

from __future__ import annotations

import io
import posixpath
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from jixiao.ingest.cell_display import display_text
from jixiao.ingest.errors import IngestError
from jixiao.ingest.grid import GridCell, Paragraph, Slot, slots_from_cells, word_text
from jixiao.ingest.sniff import DEFAULT_MAX_UNPACKED_BYTES, open_zip
from jixiao.ingest.tables import is_caption_row

#: Sheets holding instructions for whoever fills the workbook, not its content.
INSTRUCTION_SHEETS = frozenset({"填表说明", "填报说明"})
_ACTUALS_META_SHEET = "_jixiao"  # jixiao.ingest.actuals_layout.META_SHEET
_NUMBERED_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)"
)


def xlsx_text(
    data: bytes, *, path: str, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> str:
    """The Word-export text of the .xlsx workbook in ``data`` (see the module docstring).

    Raises :class:`IngestError` for a broken archive, one inflating past
    ``max_unpacked_bytes`` (a zip bomb), a workbook openpyxl cannot read, a
    formula without a saved value, a jixiao 填报模板, or a workbook with content
    but no table. An empty workbook gives an empty string.
    """
    with open_zip(data, path=path, max_unpacked_bytes=max_unpacked_bytes) as archive:
        merges = _scan_worksheets(archive, path)
    import openpyxl

    # Read-only mode streams the cells; the merged ranges come from the scan above
    # (openpyxl's full mode redraws every merged range's borders while loading,
    # which takes most of its time on a disclosure's hundreds of merges).
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unsupported extensions: data validation …
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _OPENPYXL_ERRORS as error:
        raise _broken(error, path) from error
    try:
        if _ACTUALS_META_SHEET in workbook.sheetnames:
            raise _actuals_refusal(path)
        sheets = [
            _openpyxl_sheet(ws, merges.get(ws.title, []))
            for ws in workbook.worksheets
            if ws.sheet_state == "visible" and ws.title.strip() not in INSTRUCTION_SHEETS
        ]
    except _SHEET_ERRORS as error:  # cells are parsed here, as they stream
        raise _broken(error, path) from error
    finally:
        workbook.close()
    return _workbook_text(sheets, path)


def xls_text(
    data: bytes, *, path: str, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> str:
    """The Word-export text of a legacy .xls workbook (BIFF, read with xlrd), read as
    :func:`xlsx_text` reads an .xlsx. ``max_unpacked_bytes`` is accepted for the
    common signature: an .xls is not compressed, so it holds no more than its bytes.

    Raises :class:`IngestError` when xlrd cannot open ``data`` as a workbook (an
    encrypted or damaged file), or the workbook has content but no table.
    """
    del max_unpacked_bytes
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, *_OPENPYXL_ERRORS) as error:
        raise IngestError(
            f"旧版 Excel（.xls）工作簿无法读取（{error}）；如已加密请取消密码，"
            "或用 Excel/WPS 另存为 .xlsx 再试。",
            path=path,
        ) from error
    sheets = []
    for sheet in book.sheets():
        if sheet.name == _ACTUALS_META_SHEET:
            raise _actuals_refusal(path)
        if sheet.visibility != 0 or sheet.name.strip() in INSTRUCTION_SHEETS:
            continue  # 1: hidden, 2: very hidden
        sheets.append(_xlrd_sheet(book, sheet))
    return _workbook_text(sheets, path)


# What a damaged archive, worksheet part or workbook raises in zipfile, openpyxl
# (while its cells stream: bad XML, a shared string index out of range, an
# unreadable number) and xlrd: errors of a bad file, not of our code.
_ARCHIVE_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError)
_SHEET_ERRORS = (SyntaxError, ValueError, KeyError, IndexError, *_ARCHIVE_ERRORS)
_OPENPYXL_ERRORS = (*_SHEET_ERRORS, TypeError, AttributeError, AssertionError)


def _broken(error: BaseException, path: str) -> IngestError:
    return IngestError(
        f"Excel 工作簿已损坏，无法读取（{type(error).__name__}: {error}）；"
        "请用 Excel 或 WPS 打开后另存为 .xlsx 再试。",
        path=path,
    )


def _actuals_refusal(path: str) -> IngestError:
    return IngestError(
        "这是 jixiao 生成的绩效监控/自评填报模板，不是部门预算公开文档；"
        "请用 jixiao actuals import 导入。",
        path=path,
    )


# --- a sheet as positioned texts, borders and merges --------------------------------------


@dataclass(slots=True)
class _Sheet:
    """What the reader needs of a sheet, 0-based: texts, bordered and bold cells,
    merged ranges ``(top, left, bottom, right)`` inclusive."""

    name: str
    texts: dict[tuple[int, int], str] = field(default_factory=dict)
    bordered: set[tuple[int, int]] = field(default_factory=set)
    bold: set[tuple[int, int]] = field(default_factory=set)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def _openpyxl_sheet(ws, merges: list[tuple[int, int, int, int]]) -> _Sheet:
    """A read-only openpyxl worksheet's cells (only those the file defines: the
    dimensions a file declares are not trusted)."""
    sheet = _Sheet(ws.title, merges=merges)
    borders: dict[int, bool] = {}
    from openpyxl.cell.read_only import EMPTY_CELL

    ws.reset_dimensions()
    for cells in ws.iter_rows():
        for cell in cells:
            if cell is EMPTY_CELL or (cell.value is None and not cell.has_style):
                continue
            position = (cell.row - 1, cell.column - 1)
            if cell.value is not None:
                text = display_text(cell.value, cell.number_format)
                if text.strip():
                    sheet.texts[position] = text.replace("\r\n", "\n").replace("\r", "\n")
                    if cell.font is not None and cell.font.b:
                        sheet.bold.add(position)
            if cell.has_style:
                border_id = cell.style_array.borderId
                if border_id not in borders:
                    border = cell.border
                    borders[border_id] = any(
                        side is not None and side.style
                        for side in (border.left, border.right, border.top, border.bottom)
                    )
                if borders[border_id]:
                    sheet.bordered.add(position)
    return sheet


def _xlrd_sheet(book, xs) -> _Sheet:
    import xlrd

    sheet = _Sheet(xs.name)
    for row in range(xs.nrows):
        for column in range(xs.ncols):
            cell = xs.cell(row, column)
            xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
            number_format = book.format_map[xf.format_key].format_str if xf else "General"
            if cell.ctype == xlrd.XL_CELL_DATE:
                value = xlrd.xldate_as_datetime(cell.value, book.datemode)
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(cell.value)
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                value = xlrd.error_text_from_code.get(cell.value, "#ERR")
            elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                value = None
            else:
                value = cell.value
            text = display_text(value, number_format)
            if text.strip():
                sheet.texts[row, column] = text.replace("\r\n", "\n").replace("\r", "\n")
                if xf is not None and book.font_list[xf.font_index].bold:
                    sheet.bold.add((row, column))
            if xf is not None:
                sides = ("left", "right", "top", "bottom")
                if any(getattr(xf.border, f"{side}_line_style") for side in sides):
                    sheet.bordered.add((row, column))
    for top, bottom, left, right in xs.merged_cells:  # half-open ranges
        sheet.merges.append((top, left, bottom - 1, right - 1))
    return sheet


_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)\"")


def _scan_worksheets(
    archive: zipfile.ZipFile, path: str
) -> dict[str, list[tuple[int, int, int, int]]]:
    """Each sheet's merged ranges ``(top, left, bottom, right)``, 0-based inclusive, by
    sheet name; raises :class:`IngestError` at a formula saved without its value,
    which openpyxl would read as blank."""
    from openpyxl.utils.cell import range_boundaries

    names = _sheet_names(archive)
    if _ACTUALS_META_SHEET in names.values():
        raise _actuals_refusal(path)
    merges: dict[str, list[tuple[int, int, int, int]]] = {}
    for part, name in names.items():
        try:
            xml = archive.read(part)  # inflated within the limit open_zip checked
        except KeyError:
            continue  # openpyxl reports a missing part
        except (*_ARCHIVE_ERRORS, RuntimeError) as error:  # RuntimeError: encrypted entry
            raise IngestError(
                f"Excel 工作簿已损坏，无法解压工作表“{name}”（{error}）。", path=path
            ) from error
        ranges = []
        for ref in _MERGE_REF.findall(xml):
            left, top, right, bottom = range_boundaries(ref.decode("ascii").upper())
            ranges.append((top - 1, left - 1, bottom - 1, right - 1))
        merges[name] = ranges
        if b"<f" in xml or b":f>" in xml or b":f " in xml:
            _refuse_uncalculated_formulas(xml, name, path)
    return merges


def _refuse_uncalculated_formulas(xml: bytes, sheet: str, path: str) -> None:
    from lxml import etree

    try:
        for _, cell in etree.iterparse(
            io.BytesIO(xml), tag=f"{_MAIN}c", resolve_entities=False, no_network=True
        ):
            formula = cell.find(f"{_MAIN}f")
            value = cell.find(f"{_MAIN}v")
            # No value, or an empty one where only text may be empty (openpyxl writes
            # <v></v> for every formula): never calculated.
            if formula is not None and (
                value is None or (not value.text and cell.get("t") not in ("str", "s"))
            ):
                text = f"（={formula.text}）" if formula.text else ""
                raise IngestError(
                    f"工作表“{sheet}”的单元格 {cell.get('r', '?')} 是公式{text}，"
                    "但文件中没有保存它的计算结果（多见于程序生成的表格）；"
                    "请用 Excel 或 WPS 打开后保存，再读取。",
                    path=path,
                )
            cell.clear()
    except etree.XMLSyntaxError as error:
        raise IngestError(
            f"Excel 工作簿已损坏：工作表“{sheet}”的 XML 无法解析（{error}）。", path=path
        ) from error


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → sheet name, from the workbook part the package names and its
    relationships; empty when they cannot be read (openpyxl then reports the file)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)

    def related(source: str) -> list[tuple[str, str, str]]:
        """``(id, type, part)`` of each relationship of part ``source`` (``""``: the
        package's own)."""
        folder, name = posixpath.split(source)
        xml = archive.read(posixpath.join(folder, "_rels", f"{name}.rels"))
        found = []
        for relation in etree.fromstring(xml, parser).iter(_PACKAGE_REL):
            target = relation.get("Target", "")
            if relation.get("TargetMode") == "External":
                continue
            part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found.append((relation.get("Id"), relation.get("Type", ""), posixpath.normpath(part)))
        return found

    try:
        main = next(
            (part for _, kind, part in related("") if kind.endswith("/officeDocument")),
            "xl/workbook.xml",
        )
        targets = {rid: part for rid, _, part in related(main)}
        workbook = etree.fromstring(archive.read(main), parser)
    except (KeyError, etree.XMLSyntaxError, *_ARCHIVE_ERRORS):
        return {}
    return {
        targets[s.get(_REL)]: s.get("name", "")
        for s in workbook.iter(f"{_MAIN}sheet")
        if s.get(_REL) in targets
    }


# --- rows → paragraphs and tables ------------------------------------------------------------


def _workbook_text(sheets: Iterable[_Sheet], path: str) -> str:
    blocks: list[Paragraph | list[list[Slot]]] = []
    for sheet in sheets:
        blocks.extend(_sheet_blocks(sheet))
    if blocks and not any(not isinstance(b, Paragraph) for b in blocks):
        raise IngestError(
            "Excel 工作簿中没有可识别的预算表或绩效目标表：各工作表中没有表格"
            "（带边框或多列的连续行），只有零散的文字。",
            path=path,
        )
    return word_text(blocks) if blocks else ""


def _sheet_blocks(sheet: _Sheet) -> Iterator[Paragraph | list[list[Slot]]]:
    anchors = {(top, left): (top, left, bottom, right) for top, left, bottom, right in sheet.merges}
    covered: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for merge in sheet.merges:
        top, left, bottom, right = merge
        for row in range(top, bottom + 1):
            for column in range(left, right + 1):
                if (row, column) != (top, left):
                    covered[row, column] = merge
    items: dict[int, list[int]] = {}  # row → columns of its texts (a merge counts once)
    for row, column in sheet.texts:
        if (row, column) not in covered:
            items.setdefault(row, []).append(column)
    bordered_rows = {row for row, _ in sheet.bordered}
    merged_from: dict[int, set[int]] = {}  # row → top rows of the ranges merged down over it
    for top, _, bottom, _ in sheet.merges:
        for row in range(top + 1, bottom + 1):
            merged_from.setdefault(row, set()).add(top)
    last = max([*items, *bordered_rows, *(m[2] for m in sheet.merges)], default=-1)
    kinds: list[str] = []
    for row in range(last + 1):
        count = len(items.get(row, ()))
        if count >= 2 or row in bordered_rows:
            kinds.append("table")
        elif count == 1:
            kinds.append("line")
        elif any(kinds[top] == "table" for top in merged_from.get(row, ())):
            kinds.append("table")  # a range merged down from a table row
        else:
            kinds.append("blank")
    for row in range(1, last):  # a line between table rows: a row with one cell filled,
        if kinds[row] == "line" and kinds[row - 1] == kinds[row + 1] == "table":  # not a
            column = items[row][0]  # title between two tables (bold, or merged across)
            merge = anchors.get((row, column))
            if (row, column) not in sheet.bold and (merge is None or merge[1] == merge[3]):
                kinds[row] = "table"
    segments = _segments(kinds, sheet, items)
    for index, (kind, rows) in enumerate(segments):
        if kind == "line":
            row = rows[0]
            column = items[row][0]
            text = sheet.texts[row, column]
            following = segments[index + 1][0] if index + 1 < len(segments) else None
            heading = (
                following == "table"
                or (row, column) in sheet.bold
                or (bool(_NUMBERED_HEADING.match(text.strip())) and len(text.strip()) <= 40)
            )
            yield Paragraph(text, heading)
        else:
            yield from _table_blocks(rows, sheet, items, anchors, covered)


def _segments(
    kinds: list[str], sheet: _Sheet, items: dict[int, list[int]]
) -> list[tuple[str, list[int]]]:
    """Rows grouped: ``("table", rows)`` for contiguous table rows, ``("line", [row])``;
    caption lines (and caption-only tables) right above a table join it."""
    segments: list[tuple[str, list[int]]] = []
    for row, kind in enumerate(kinds):
        if kind == "blank":
            continue
        if (
            kind == "table"
            and segments
            and segments[-1][0] == "table"
            and segments[-1][1][-1] == row - 1
        ):
            segments[-1][1].append(row)
            continue
        segments.append((kind, [row]))

    def texts(rows: list[int]) -> list[str]:
        return [sheet.texts[r, c] for r in rows for c in sorted(items.get(r, ()))]

    merged: list[tuple[str, list[int]]] = []
    for kind, rows in reversed(segments):
        if (
            merged
            and merged[-1][0] == "table"
            and texts(rows)
            and all(is_caption_row([t]) for t in texts(rows))
        ):
            merged[-1] = ("table", rows + merged[-1][1])
        else:
            merged.append((kind, rows))
    return list(reversed(merged))


def _table_blocks(
    rows: list[int],
    sheet: _Sheet,
    items: dict[int, list[int]],
    anchors: dict[tuple[int, int], tuple[int, int, int, int]],
    covered: dict[tuple[int, int], tuple[int, int, int, int]],
) -> Iterator[Paragraph | list[list[Slot]]]:
    """A table region as its title paragraph (a bordered one-text first row), the
    table, and its note (a bordered one-text last row opening with 注)."""
    members = set(rows)
    columns = [c for r in rows for c in items.get(r, ())]
    columns += [c for r, c in sheet.bordered if r in members]
    columns += [c for m in sheet.merges if m[0] in members for c in (m[1], m[3])]
    left, right = min(columns), max(columns)
    note = None
    if len(rows) > 1 and len(items.get(rows[0], ())) == 1:
        text = sheet.texts[rows[0], items[rows[0]][0]]
        if not is_caption_row([text]) and _spans_most(rows[0], items, anchors, left, right):
            yield Paragraph(text, heading=True)
            rows = rows[1:]
    if len(rows) > 1 and len(items.get(rows[-1], ())) == 1:
        text = sheet.texts[rows[-1], items[rows[-1]][0]]
        if text.strip().startswith("注") and _spans_most(rows[-1], items, anchors, left, right):
            note, rows = Paragraph(text), rows[:-1]
    index = {row: number for number, row in enumerate(rows)}
    cells: list[GridCell] = []
    for row in rows:
        for column in range(left, right + 1):
            merge = anchors.get((row, column)) or covered.get((row, column))
            if merge is None:
                text = sheet.texts.get((row, column), "")
                cells.append(GridCell(index[row], column - left, text))
                continue
            top, start, bottom, end = merge
            inside = [r for r in rows if top <= r <= bottom]  # the range's rows in this table
            if (row, column) != (inside[0], max(start, left)):
                continue  # printed once, at the range's first position in the table
            text = sheet.texts.get((top, start), "")
            colspan = min(end, right) - column + 1
            cells.append(GridCell(index[row], column - left, text, len(inside), colspan))
    slots = slots_from_cells(cells)
    yield [row for row in slots if any(slot.lines for slot in row)]
    if note is not None:
        yield note


def _spans_most(
    row: int,
    items: dict[int, list[int]],
    anchors: dict[tuple[int, int], tuple[int, int, int, int]],
    left: int,
    right: int,
) -> bool:
    """Whether the one text of ``row`` is merged over at least half the table's width."""
    column = items[row][0]
    merge = anchors.get((row, column))
    width = (merge[3] - merge[1] + 1) if merge else 1
    return width * 2 >= right - left + 1
