"""DOCX → Word-export text, so a .docx is read by the Word-export parser.

Word's own "save as plain text" is the layout ``word_cells`` reads (LAYOUTS.md):
a paragraph is a line; a table cell is a line starting with a tab, its further
paragraphs follow without one; a horizontally merged cell (``w:gridSpan``) is
printed once; a vertically merged cell's continuation (``w:vMerge`` without
``restart``) is printed as a blank cell, so the 一级/二级 name above carries down;
a blank line ends each row. :func:`docx_text` walks the document body's XML in
order (paragraphs and tables interleaved, through content controls) and prints
exactly that, so a .docx and its text export read into the same model. The XML
is read with lxml directly, entities off: python-docx's ``row.cells`` repeats a
merged cell's text in every grid column it covers, and its objects cost more than
the walk itself.

A table nested in a cell is printed as a table of its own, never flattened into
the cell's text (a flattened table is one cell to the parser, its rows lost). A
*frame* — a table of one row or one column whose cells hold tables, as Bazhou's
Word file wraps 财政拨款收支预算总表 in a 1×2 layout table — is unwrapped: its
cells' paragraphs and tables are printed in reading order as if they stood in the
body. Any other table holding tables is printed with those cells' own text only,
then each nested table after it, in order. Past :data:`_MAX_NESTING` levels a
nested table's cells are flattened into its cell's lines, so nothing is lost.

Two things are cleaned on the way, because the text export would mislead the
parser: a grid column that is blank in every row (an "extra blank column" left in
by hand) is dropped, and empty paragraphs inside a cell are skipped (Word prints
them as blank lines, which read as row ends). Paragraphs that carry a
``_Toc`` bookmark or a heading style are printed with a ``[bookmark: _Toc]``
marker, as Word prints TOC bookmarks, so they read as section headings.

Line numbers in locations of a .docx refer to this text: ``docx_text`` reproduces
it, and it follows the document's order, so table titles and row numbers stay
those a person sees in Word.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator

from lxml import etree

from jixiao.ingest.errors import IngestError
from jixiao.ingest.grid import Block, Paragraph, Slot, word_text
from jixiao.ingest.sniff import DEFAULT_MAX_UNPACKED_BYTES, open_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    f"{_W}p",
    f"{_W}tbl",
    f"{_W}tr",
    f"{_W}tc",
    f"{_W}sdt",
    f"{_W}sdtContent",
)
_CUSTOM_XML = f"{_W}customXml"
_T, _TAB, _BR, _CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_VAL = f"{_W}val"
# Subtrees that hold no printed text of their own paragraph: properties, deleted
# text, the fallback copy of alternate content, field instructions.
_SKIP = frozenset(
    {
        f"{_W}pPr",
        f"{_W}rPr",
        f"{_W}del",
        f"{_W}moveFrom",
        f"{_W}instrText",
        f"{_W}delText",
        f"{_W}sdtPr",
        f"{_MC}Fallback",
        f"{_W}footnoteReference",
        f"{_W}commentReference",
    }
)
_HEADING_STYLE = re.compile(r"^(heading|标题)\s*\d$", re.IGNORECASE)

#: Rule id of the reader note saying that lines are those of the generated text.
DOCX_NOTE_RULE = "ingest-docx-lines"
# Nested tables deeper than this are flattened into their cell's lines (a guard on
# recursion; real files nest one level, a layout frame around a table).
_MAX_NESTING = 8


def docx_text(
    data: bytes, *, path: str, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> str:
    """The Word-export text of the .docx in ``data`` (see the module docstring).

    Raises :class:`IngestError` for a broken archive, one that would inflate past
    ``max_unpacked_bytes`` (a zip bomb), a ZIP without a Word main document, or
    a document whose XML cannot be read.
    """
    with open_zip(data, path=path, max_unpacked_bytes=max_unpacked_bytes) as archive:
        try:
            main = _main_part(archive)
            body = _parse(archive.read(main)).find(f"{_W}body")
            styles = _related(archive, main, "/styles")
            heading_styles = (  # a missing styles part only means no heading styles
                _heading_style_ids(_parse(archive.read(styles)))
                if styles in archive.namelist()
                else frozenset()
            )
        except KeyError as error:
            raise IngestError(
                f"文件不是有效的 Word（.docx）文档：缺少正文部分（{error}）。", path=path
            ) from error
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as error:
            raise IngestError(
                f"Word 文档已损坏，无法解压其中的内容（{error}）。", path=path
            ) from error
        except RuntimeError as error:  # zipfile: "File is encrypted, password required"
            raise IngestError(
                "Word 文档的压缩包已加密，无法读取；请取消密码后另存。", path=path
            ) from error
        except etree.XMLSyntaxError as error:
            raise IngestError(
                f"Word 文档已损坏：正文 XML 无法解析（{error}）。", path=path
            ) from error
    if body is None:
        raise IngestError("文件不是有效的 Word（.docx）文档：正文部分没有 w:body。", path=path)
    return word_text(_body_blocks(body, heading_styles))


def _body_blocks(body: etree._Element, heading_styles: frozenset[str]) -> Iterator[Block]:
    """The body's paragraphs and tables as ``grid`` blocks, in document order."""
    for block in _blocks(body):
        if block.tag == _P:
            yield Paragraph(_paragraph_text(block), _is_heading(block, heading_styles))
        else:
            yield from _table_blocks(block, heading_styles, 1)


def _table_blocks(
    table: etree._Element, heading_styles: frozenset[str], depth: int
) -> Iterator[Block]:
    """A table (at nesting ``depth``, 1 in the body) as ``grid`` blocks: one block
    of slot rows, or, when its cells hold tables, the blocks described in the module
    docstring (a frame unwrapped; otherwise the table, then its nested tables)."""
    if depth > _MAX_NESTING or not _holds_table(table):
        yield _slot_rows(table)
        return
    if _is_frame(table):
        for tc in _visible_cells(table):
            for block in _blocks(tc):
                if block.tag == _TBL:
                    yield from _table_blocks(block, heading_styles, depth + 1)
                    continue
                text = _paragraph_text(block)
                if text.strip():  # empty paragraphs in a cell are skipped (module docstring)
                    yield Paragraph(text, _is_heading(block, heading_styles))
        return
    nested: list[etree._Element] = []
    yield _slot_rows(table, nested)
    for inner in nested:
        yield from _table_blocks(inner, heading_styles, depth + 1)


def _visible_cells(table: etree._Element) -> Iterator[etree._Element]:
    """The table's cells row by row, less vertical-merge continuations (which print
    nothing of their own)."""
    for tr in _children(table, _TR):
        for tc in _children(tr, _TC):
            v_merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if v_merge is None or v_merge.get(_VAL, "continue") == "restart":
                yield tc


def _holds_table(table: etree._Element) -> bool:
    """Whether a cell of ``table`` (not of a table nested deeper) holds a table."""
    return any(block.tag == _TBL for tc in _visible_cells(table) for block in _blocks(tc))


def _is_frame(table: etree._Element) -> bool:
    """A layout frame: a table of a single row, or of a single cell per row."""
    rows = [list(_children(tr, _TC)) for tr in _children(table, _TR)]
    return len(rows) == 1 or all(len(cells) == 1 for cells in rows)


# No entities, no network, no huge trees: a document's XML is data, never instructions.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml, _PARSER)


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part named by the package relationships (``word/document.xml``
    in files Word writes, but the package decides)."""
    return _related(archive, "", "/officeDocument") or "word/document.xml"


def _related(archive: zipfile.ZipFile, source: str, kind: str) -> str | None:
    """The part ``source`` relates to by a relationship type ending in ``kind``."""
    folder, name = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return None
    for relation in _parse(archive.read(rels)).iter(_RELS):
        if relation.get("Type", "").endswith(kind) and relation.get("TargetMode") != "External":
            target = relation.get("Target", "")
            joined = (
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            )
            return posixpath.normpath(joined)
    return None


def _heading_style_ids(styles: etree._Element) -> frozenset[str]:
    """Style ids of heading paragraphs: built-in "Heading N" (标题 N) names."""
    found = set()
    for style in styles.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        if name is not None and _HEADING_STYLE.match(name.get(_VAL, "")):
            found.add(style.get(f"{_W}styleId"))
    return frozenset(found)


def _is_heading(paragraph: etree._Element, heading_styles: frozenset[str]) -> bool:
    for bookmark in paragraph.iter(f"{_W}bookmarkStart"):
        if bookmark.get(f"{_W}name", "").startswith("_Toc"):
            return True
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style is not None and style.get(_VAL) in heading_styles


def _blocks(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of a body (or cell) in order, through content controls."""
    for child in parent:
        tag = child.tag
        if tag in (_P, _TBL):
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif tag == _CUSTOM_XML:
            yield from _blocks(child)


def _paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's printed text: runs' text, tabs, line breaks (page breaks dropped)."""
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _BR:
            if child.get(f"{_W}type") != "page":
                parts.append("\n")
        elif tag == _CR:
            parts.append("\n")
        elif tag not in _SKIP and isinstance(tag, str):
            _collect(child, parts)


def _cell_lines(cell: etree._Element, nested: list[etree._Element] | None = None) -> list[str]:
    """A cell's non-empty lines: its paragraphs; its tables go to ``nested`` when
    given, else their cells are flattened into the lines."""
    lines: list[str] = []
    for block in _blocks(cell):
        if block.tag == _P:
            texts = _paragraph_text(block).split("\n")
        elif nested is not None:
            nested.append(block)
            continue
        else:
            texts = [line for row in _slot_rows(block) for slot in row for line in slot.lines]
        lines.extend(text.strip() for text in texts if text.strip())
    return lines


def _slot_rows(
    table: etree._Element, nested: list[etree._Element] | None = None
) -> list[list[Slot]]:
    """The table's rows as slots (``grid.Slot``): first grid column, span, the cell's
    lines, whether it continues a vertical merge. Tables in its cells are appended
    to ``nested`` when given, else flattened into their cell's lines.

    Cells of ``w:gridBefore``/``w:gridAfter`` are absent; a legacy ``w:hMerge``
    continuation is folded into the cell before it.
    """
    rows = []
    for tr in _children(table, _TR):
        column = 0
        grid_before = tr.find(f"{_W}trPr/{_W}gridBefore")
        if grid_before is not None:
            column = _int(grid_before.get(_VAL), 0)
        cells: list[Slot] = []
        for tc in _children(tr, _TC):
            props = tc.find(f"{_W}tcPr")
            span, continued = 1, False
            if props is not None:
                grid_span = props.find(f"{_W}gridSpan")
                if grid_span is not None:
                    span = max(1, _int(grid_span.get(_VAL), 1))
                v_merge = props.find(f"{_W}vMerge")
                continued = v_merge is not None and v_merge.get(_VAL, "continue") != "restart"
                h_merge = props.find(f"{_W}hMerge")
                if h_merge is not None and h_merge.get(_VAL, "continue") != "restart" and cells:
                    cells[-1] = cells[-1]._replace(span=cells[-1].span + span)
                    column += span
                    continue
            lines = () if continued else tuple(_cell_lines(tc, nested))
            cells.append(Slot(column, span, lines, continued))
            column += span
        rows.append(cells)
    return rows


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
