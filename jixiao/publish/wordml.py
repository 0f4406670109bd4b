"""WordprocessingML pieces written as XML text: runs, paragraphs, bordered tables.

Building the XML as text and parsing it once is many times faster than python-docx's
object API for tables of thousands of cells, and it gives full control of what Word
needs to show merges: a table's grid is the union of every cell edge of every row,
so each cell spans the grid columns between its edges (``w:gridSpan``), and
vertically merged cells carry ``w:vMerge``. Every run names its fonts, East Asian
included (``w:eastAsia``), so Chinese text never falls back to a Latin font.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from jixiao.publish.layout import Cell

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
A4_MM = (210, 297)
MARGIN_MM = 20
TIGHT = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'  # table cells
PROSE = '<w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="auto"/>'  # 1.5 lines

_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- runs and paragraphs -----------------------------------------------------------------


def xml_text(text: str) -> str:
    """``text`` escaped for XML, without the control characters XML 1.0 forbids."""
    return escape(_INVALID_XML.sub("", text))


def run(text: str, *, bold: bool = False, size: int | None = None, font: str = BODY_FONT) -> str:
    """One run with its fonts set explicitly (``w:eastAsia`` for the Chinese text)."""
    props = (
        f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{font}" '
        f'w:hint="eastAsia"/>'
    )
    if bold:
        props += "<w:b/>"
    if size:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    pieces = text.split("\t")
    inner = "<w:tab/>".join(f'<w:t xml:space="preserve">{xml_text(p)}</w:t>' for p in pieces)
    return f"<w:r><w:rPr>{props}</w:rPr>{inner}</w:r>"


@dataclass
class Bookmarks:
    """TOC bookmarks (``_Toc…``) on headings and titles, as Word sets them."""

    count: int = 0

    def wrap(self, runs: str) -> str:
        self.count += 1
        n = self.count
        return (
            f'<w:bookmarkStart w:id="{n}" w:name="_Toc{n:09d}"/>{runs}<w:bookmarkEnd w:id="{n}"/>'
        )


def paragraph(
    text: str,
    *,
    style: str | None = None,
    align: str | None = None,
    bold: bool = False,
    size: int | None = None,
    font: str = BODY_FONT,
    indent: bool = False,
    bookmarks: Bookmarks | None = None,
    spacing: str = "",
    keep_next: bool = False,
) -> str:
    """A ``w:p`` of one run (none when ``text`` is empty); ``spacing`` is a ``w:spacing``
    element, ``keep_next`` keeps it on the page of what follows (titles, headings)."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        props += "<w:keepNext/>"
    if spacing:
        props += spacing
    if indent:
        props += '<w:ind w:firstLineChars="200" w:firstLine="480"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    runs = run(text, bold=bold, size=size, font=font) if text else ""
    if bookmarks is not None:
        runs = bookmarks.wrap(runs)
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


# --- tables ---------------------------------------------------------------------------------


def table_xml(rows: Sequence[Sequence[Cell]], *, width_twips: int, header_rows: int = 0) -> str:
    """A bordered table: the grid is every cell edge of every row, so a cell spans
    the grid columns between its edges (``w:gridSpan``)."""
    twips = {
        edge: round(edge * width_twips)
        for edge in {edge for row in rows for cell in row for edge in (cell.start, cell.end)}
    }
    edges = sorted(set(twips.values()))
    position = {edge: i for i, edge in enumerate(edges)}
    grid = "".join(f'<w:gridCol w:w="{b - a}"/>' for a, b in itertools.pairwise(edges))
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    out = [
        '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>'
        f"<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/>"
        f"<w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>",
        f"<w:tblGrid>{grid}</w:tblGrid>",
    ]
    for number, row in enumerate(rows):
        header = "<w:tblHeader/>" if number < header_rows else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        for cell in row:
            start, end = twips[cell.start], twips[cell.end]
            span = position[end] - position[start]
            props = f'<w:tcW w:w="{end - start}" w:type="dxa"/>'
            if span > 1:
                props += f'<w:gridSpan w:val="{span}"/>'
            if cell.merge == "restart":
                props += '<w:vMerge w:val="restart"/>'
            elif cell.merge == "continue":
                props += "<w:vMerge/>"
            props += '<w:vAlign w:val="center"/>'
            lines = [] if cell.merge == "continue" else cell.text.split("\n")
            paragraphs = "".join(
                paragraph(line, align=cell.align, bold=cell.bold, size=9, spacing=TIGHT)
                for line in lines
            ) or paragraph("", spacing=TIGHT)
            out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def page_width_twips(landscape: bool) -> int:
    """The width between the margins of an A4 page, in twips (1/1440 inch)."""
    width = (A4_MM[1] if landscape else A4_MM[0]) - 2 * MARGIN_MM
    return round(width * 1440 / 25.4)


def section_break(landscape: bool) -> str:
    """A paragraph ending a section set ``landscape`` or portrait (A4)."""
    w, h = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    twips = [round(mm * 1440 / 25.4) for mm in (w, h, MARGIN_MM)]
    orient = ' w:orient="landscape"' if landscape else ""
    return (
        f'<w:p><w:pPr><w:sectPr><w:pgSz w:w="{twips[0]}" w:h="{twips[1]}"{orient}/>'
        f'<w:pgMar w:top="{twips[2]}" w:right="{twips[2]}" w:bottom="{twips[2]}" '
        f'w:left="{twips[2]}" w:header="851" w:footer="992" w:gutter="0"/>'
        "</w:sectPr></w:pPr></w:p>"
    )
