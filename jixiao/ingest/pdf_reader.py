"""PDF → Word-export text, so a born-digital PDF is read by the Word-export parser.

A PDF printed from Word or Excel keeps every character with its position and
draws table borders as lines; this reader rebuilds the document from those, as
Word's "save as plain text" would print it (``grid.word_text``):

- each page is decoded by PDFium (``pdf_page``): glyphs with boxes, rulings;
- rulings that cross make tables, merged cells spanning grid columns and rows
  (``pdf_tables``); a cell's wrapped lines are one paragraph, its paragraphs its
  lines (``pdf_layout``);
- text outside tables becomes paragraphs: lines are joined where the text wrapped,
  a first-line indent or a change of font starts a new paragraph; a paragraph in
  bold or in a larger font than the body text is a heading (``[bookmark: _Toc]``,
  as Word marks TOC headings), which is what starts sections and names tables;
- page furniture is dropped: page numbers (``1``, ``- 2 -``, ``第 3 页``) in the
  top or bottom band of a page, lines printed at the same place in those bands on
  at least half the pages (running headers and footers), a box framing the page;
- a table running over several pages is one table: a part that starts a page
  right after a part of the same width at the end of the page before continues
  it, and the header rows the continuation repeats (Word's "repeat header rows")
  are dropped.

Refused, with a Chinese message (:class:`IngestError`): a PDF that needs a
password to open, a scanned PDF (images and no text layer — no OCR here), a
truncated or broken file.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from jixiao.ingest.errors import IngestError
from jixiao.ingest.grid import GridCell, Paragraph, slots_from_cells, word_text
from jixiao.ingest.pdf_layout import Line, continues, group_lines, join_lines
from jixiao.ingest.pdf_page import PageContent
from jixiao.ingest.pdf_tables import SNAP, Table, TableCell, find_tables
from jixiao.ingest.sniff import DEFAULT_MAX_UNPACKED_BYTES

#: Rule id of the reader note saying that lines are those of the generated text.
PDF_NOTE_RULE = "ingest-pdf-lines"

_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(第\s*)?[0-9０-９]+\s*(页)?(\s*[/／]\s*[0-9]+)?(\s*共\s*[0-9]+\s*页)?[-—–－\s]*$"
)
_FURNITURE_BAND = 0.09  # of the page height, at its top and bottom
_HEADING_SCALE = 1.15  # a paragraph this much larger than the body text is a heading
_MARGIN_SLACK = 0.03  # of the page width: how far a page's text edge may fall short of the file's


def pdf_text(
    data: bytes, *, path: str, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> str:
    """The Word-export text of the PDF in ``data`` (see the module docstring).

    ``max_unpacked_bytes`` is accepted for the common reader signature; PDFium
    decodes a PDF's streams itself, page by page. Raises :class:`IngestError` for
    an encrypted PDF, a scanned one without a text layer, or a broken file.
    """
    pages = list(read_pages(data, path=path))
    if not any(page.glyphs for page in pages):
        if any(page.has_images for page in pages):
            raise IngestError(
                "PDF 是扫描件，没有文字层，暂不支持 OCR；"
                "请使用原始 Word/Excel 文件，或由原件导出的 PDF。",
                path=path,
            )
        return ""
    return word_text(_blocks(pages))


def read_pages(data: bytes, *, path: str) -> Iterator[PageContent]:
    """The pages of a PDF, decoded (``pdf_page.read_page``); raises :class:`IngestError`
    when the file is truncated, broken or needs a password."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from jixiao.ingest.pdf_page import read_page

    if b"%%EOF" not in data[-4096:]:
        raise IngestError(
            "PDF 文件不完整：缺少文件结尾标记（%%EOF），可能下载或复制时被截断；请重新获取原文件。",
            path=path,
        )
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code == raw.FPDF_ERR_PASSWORD:
            raise IngestError(
                "PDF 已加密，需要密码才能打开；"
                "请在 PDF 阅读器中输入密码后另存为不加密的 PDF 再读取。",
                path=path,
            ) from error
        if error.err_code == raw.FPDF_ERR_SECURITY:
            raise IngestError(
                "PDF 已加密，且使用了不支持的加密方式；请另存为不加密的 PDF 再读取。", path=path
            ) from error
        raise IngestError(f"PDF 文件已损坏，无法打开（{error}）。", path=path) from error
    try:
        for index in range(len(document)):
            try:
                yield read_page(document, index)
            except pdfium.PdfiumError as error:
                raise IngestError(
                    f"PDF 第 {index + 1} 页已损坏，无法读取（{error}）。", path=path
                ) from error
    finally:
        document.close()


# --- pages → blocks -------------------------------------------------------------------------


class _Column(NamedTuple):
    """The text column of a page: left and right edges (points)."""

    left: float
    right: float


class _TextLine(NamedTuple):
    line: Line
    page: int
    column: _Column


def _blocks(pages: Sequence[PageContent]) -> list[Paragraph | list]:
    """Paragraphs and tables of the whole document, in reading order."""
    items: list[_TextLine | Table] = []
    found = []
    for page in pages:
        tables, loose = find_tables(page)
        # A ruled grid with no text in any cell is drawing, not a table: a chart's
        # frame or its legend swatches (Jiangsu's 支出预算图).
        tables = [t for t in tables if any(cell.text.strip() for cell in t.cells)]
        found.append((page, tables, group_lines(loose)))
    furniture = _repeated_furniture(found)
    kept = []
    text_right: dict[int, float] = {}  # page width → where text lines end, over the file
    for page, tables, lines in found:
        lines = [line for line in lines if not _is_furniture(line, page, furniture)]
        kept.append((page, tables, lines))
        if lines:
            key = round(page.width)
            text_right[key] = max(text_right.get(key, 0.0), max(line.x1 for line in lines))
    for page, tables, lines in kept:
        edges = [line.x0 for line in lines] + [t.x0 for t in tables]
        left = min(edges, default=0.0)
        right = _right_margin(page, lines, tables, text_right.get(round(page.width)), left)
        column = _Column(left, right)
        placed: list[tuple[float, int, _TextLine | Table]] = [
            (line.top, 1, _TextLine(line, page.number, column)) for line in lines
        ]
        placed.extend((table.top, 0, table) for table in tables)
        placed.sort(key=lambda item: (item[0], item[1]))
        items.extend(item for _, _, item in placed)
    body = _body_size(items)
    blocks: list[Paragraph | list] = []
    pending: list[_TextLine] = []
    previous_table: Table | None = None
    parts: list[Table] = []
    for item in items:
        if isinstance(item, Table):
            if pending:
                blocks.extend(_paragraphs(pending, body))
                pending = []
            elif previous_table is not None and _continues_table(previous_table, item):
                parts.append(item)
                previous_table = item
                continue
            if parts:
                blocks.append(_slot_rows(parts))
            parts = [item]
            previous_table = item
        else:
            if parts:
                blocks.append(_slot_rows(parts))
                parts = []
            previous_table = None
            pending.append(item)
    if parts:
        blocks.append(_slot_rows(parts))
    blocks.extend(_paragraphs(pending, body))
    return blocks


def _right_margin(
    page: PageContent,
    lines: Sequence[Line],
    tables: Sequence[Table],
    file_right: float | None,
    left: float,
) -> float:
    """Where the text of ``page`` ends on the right. Where three or more of its lines
    end together (full lines of justified paragraphs) near where text ends on the
    file's pages of this width (``file_right``), there: margins need not mirror each
    other — Shanghai's landscape page 22 ends its text at 776 of 842 pt, not at the
    mirror of its left margin, 786, and with 786 a line ending 与 before 2025年…
    would not read as wrapped. Otherwise (a cover, a contents page's dot leaders, a
    page of short lines) the farthest line or table, or the mirror of the left margin."""
    ends = sorted((line.x1 for line in lines), reverse=True)
    if (
        file_right is not None
        and len(ends) >= 3
        and ends[0] - ends[2] <= lines[0].size
        and file_right - ends[0] <= page.width * _MARGIN_SLACK
    ):
        return ends[0]
    return max([*ends[:1], *(t.x1 for t in tables), page.width - left])


def _is_furniture(line: Line, page: PageContent, repeated: set[tuple]) -> bool:
    """A page number or a running header/footer line in the page's top or bottom band."""
    if not _in_band(line, page):
        return False
    return bool(_PAGE_NUMBER.match(line.text)) or _furniture_key(line) in repeated


def _in_band(line: Line, page: PageContent) -> bool:
    band = page.height * _FURNITURE_BAND
    return line.bottom < band or line.top > page.height - band


def _furniture_key(line: Line) -> tuple:
    """What a running header or footer keeps from page to page: its text (digits as
    ``#``) and its place, to the point."""
    return re.sub(r"[0-9０-９]+", "#", line.text.replace(" ", "")), round(line.x0), round(line.top)


def _repeated_furniture(found) -> set[tuple]:
    """Lines printed at the same place in the top or bottom band of at least half the
    pages of a document of three pages or more (digits aside): running headers and
    footers."""
    if len(found) < 3:
        return set()
    seen: Counter[tuple] = Counter()
    for page, _, lines in found:
        seen.update({_furniture_key(line) for line in lines if _in_band(line, page)})
    return {key for key, count in seen.items() if count * 2 >= len(found) and key[0]}


def _body_size(items: Iterable[_TextLine | Table]) -> float:
    """The font size most characters outside tables are printed in."""
    sizes: Counter[float] = Counter()
    for item in items:
        if isinstance(item, _TextLine):
            sizes[round(item.line.size, 1)] += len(item.line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _paragraphs(lines: Sequence[_TextLine], body: float) -> list[Paragraph]:
    """Consecutive lines outside tables as paragraphs (see the module docstring)."""
    groups: list[list[_TextLine]] = []
    for item in lines:
        if groups and _same_paragraph(groups[-1][-1], item):
            groups[-1].append(item)
        else:
            groups.append([item])
    return [
        Paragraph(
            join_lines([item.line.text for item in group]),
            heading=_is_heading([item.line for item in group], body),
        )
        for group in groups
    ]


def _same_paragraph(before: _TextLine, after: _TextLine) -> bool:
    a, b = before.line, after.line
    if a.bold != b.bold or abs(a.size - b.size) > 0.5:
        return False
    left, right = before.column
    available = right - left if _centred(a, before.column) else right - a.x0
    if not continues(a, b, available):
        return False
    left = after.column.left
    indented = b.x0 - left > b.size * 0.8
    return not indented or _centred(b, after.column)


def _centred(line: Line, column: _Column) -> bool:
    """A line with as much room on its left as on its right, more than a first-line
    indent (two characters)."""
    before, after = line.x0 - column.left, column.right - line.x1
    return before > line.size * 2.5 and abs(before - after) < line.size * 0.6


def _is_heading(lines: Sequence[Line], body: float) -> bool:
    return all(line.bold for line in lines) or (
        body > 0 and all(line.size >= body * _HEADING_SCALE for line in lines)
    )


# --- tables over several pages ----------------------------------------------------------------


def _continues_table(before: Table, after: Table) -> bool:
    """Whether ``after`` (first on its page) continues ``before`` (last on the page
    before): the next page, the same left and right edges."""
    return (
        after.page == before.page + 1
        and abs(after.x0 - before.x0) <= SNAP * 1.5
        and abs(after.x1 - before.x1) <= SNAP * 1.5
    )


def _row_signature(table: Table, row: int) -> tuple:
    return tuple(
        (round(c.x0 - table.x0), round(c.x1 - table.x0), c.rowspan, c.text)
        for c in table.cells
        if c.row == row
    )


def _repeated_header(first: Table, part: Table) -> int:
    """How many leading rows of ``part`` repeat the leading rows of ``first``."""
    count = 0
    while count < min(first.rows, part.rows - 1):
        signature = _row_signature(part, count)
        if not signature or signature != _row_signature(first, count):
            break
        count += 1
    return count


def _slot_rows(parts: Sequence[Table]) -> list:
    """One table from its parts on consecutive pages, as rows of ``grid.Slot``."""
    edges = sorted({x for part in parts for c in part.cells for x in (c.x0, c.x1)})
    xs = [edges[0]]
    for x in edges[1:]:
        if x - xs[-1] > SNAP:
            xs.append(x)

    def column(x: float) -> int:  # the nearest grid edge
        i = bisect.bisect_left(xs, x)
        return i - 1 if i == len(xs) or (i > 0 and x - xs[i - 1] < xs[i] - x) else i

    cells: list[GridCell] = []
    offset = 0
    for number, part in enumerate(parts):
        skip = _repeated_header(parts[0], part) if number else 0
        for cell in part.cells:
            if cell.row < skip:
                continue
            cells.append(_grid_cell(cell, offset - skip, column))
        offset += part.rows - skip
    return slots_from_cells(cells)


def _grid_cell(cell: TableCell, offset: int, column) -> GridCell:
    first = column(cell.x0)
    return GridCell(
        cell.row + offset, first, cell.text, cell.rowspan, max(column(cell.x1) - first, 1)
    )
