"""HTML → Word-export text, so a web page is read by the Word-export parser.

Many county sites publish their 部门预算公开 as a web page: tables typed into a
CMS, a Word or Excel file "saved as web page", or jixiao's own page
(``jixiao.publish.disclosure_html``). :func:`html_text` decodes the page, parses
it with lxml's HTML parser (no network; the parser knows only HTML's own
character references, no DTD entities), walks ``<body>`` in document order and
prints what it sees through ``grid.word_text``:

- ``h1``–``h6``, a table's ``<caption>``, a paragraph holding a Word ``_Toc``
  anchor, and a title row at the top of a table (one cell, short, naming a 表)
  are heading paragraphs (a title row is lifted out in front of its table);
- the text of other block elements (``p``, ``div``, ``li`` …) are paragraphs,
  ``<br>`` breaks a line; runs of white space (``&nbsp;`` too) are one space;
- a data table's cells are placed on a grid as browsers place them
  (``rowspan``/``colspan``, ``thead``, ``tbody`` and ``tfoot`` in display order,
  ``th`` like ``td``) and printed as ``grid.slots_from_cells`` says; a note row
  (``注：…``) at its foot is lifted out after it;
- a layout table — one whose cells hold tables, or one with a single column —
  is not data: its cells are read as the page around them, in order;
- ``script``, ``style``, form controls, script links (【打印本页】),
  ``header``/``nav``/``aside``/``footer`` (site chrome, and the header of
  jixiao's own page) and hidden elements are skipped.

Span values follow HTML's rules, so bad ones cannot break the grid: ``"abc"`` or
``"0"`` is a column span of 1, ``rowspan="0"`` runs to the end of the row group,
a span past the row group stops there, a column span over 1000 is 1000 (and the
grid then keeps only the columns that some cell starts or ends at).

Line numbers in locations of an HTML page refer to this text: ``html_text``
reproduces it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from jixiao.ingest.errors import IngestError
from jixiao.ingest.grid import GridCell, Paragraph, Slot, slots_from_cells, word_text
from jixiao.ingest.sniff import DEFAULT_MAX_UNPACKED_BYTES
from jixiao.ingest.tables import is_caption_row
from jixiao.ingest.text import decode

#: Grid positions one table may cover (rows × columns, merged cells counted in full):
#: a real disclosure table covers a few thousand; this bounds what a hostile page
#: can make the reader hold.
MAX_TABLE_POSITIONS = 1_000_000
#: HTML's own upper bound of ``colspan``.
MAX_COLSPAN = 1000

_SKIP = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "map",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "header",
        "nav",
        "aside",
        "footer",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset(
    {
        "html",
        "body",
        "p",
        "div",
        "section",
        "article",
        "main",
        "center",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "legend",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "hr",
        "details",
        "summary",
        "hgroup",
        "caption",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
    }
)
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPAN = re.compile(r"^\s*\+?(\d+)")
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""")
_GB = frozenset({"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "windows-936", "gb18030"})
_LATIN = frozenset({"ascii", "iso8859-1", "cp1252"})
_ATTACHMENT = re.compile(r"\.(docx?|xlsx?|pdf|wps|et|zip|rar)$", re.IGNORECASE)
_TITLE_ROW = re.compile(r"表")


def html_text(
    data: bytes, *, path: str, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> str:
    """The Word-export text of the web page in ``data`` (see the module docstring).

    ``max_unpacked_bytes`` bounds the page's size in bytes (a page is not packed:
    its size is what the parser holds). Raises :class:`IngestError` for a page
    over that size, bytes that decode in no encoding the page or Chinese sites
    use, a page without any content, a page without a data table (the message
    names attachment links or images when the tables may be there), or a table
    too large to place.
    """
    if len(data) > max_unpacked_bytes:
        raise IngestError(
            f"网页文件共 {len(data) / 1024 / 1024:.1f} MB，超过上限 "
            f"{max_unpacked_bytes / 1024 / 1024:.0f} MB，已拒绝读取。",
            path=path,
        )
    root = _parse(_decode(data, path=path), path=path)
    reader = _Reader(path)
    body = root.find("body")
    reader.walk(body if body is not None else root)
    reader.flush()
    if not any(not isinstance(block, Paragraph) for block in reader.blocks):
        raise IngestError(_no_table_message(root), path=path)
    return word_text(reader.blocks)


# --- bytes → tree ----------------------------------------------------------------------------


def _declared_encoding(data: bytes) -> str | None:
    """The encoding the page declares (``<meta charset>``, ``http-equiv``, or an XML
    declaration), as a Python codec name; ``None`` when none, unknown or Latin."""
    import codecs

    head = data[:16384]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in _GB:
        return "gb18030"  # GB18030 covers GBK and GB2312; pages say GB2312 but use GBK
    if name.startswith("utf-16"):
        return "utf-8"  # an ASCII-compatible page cannot be UTF-16: HTML reads it as UTF-8
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A CMS default (ISO-8859-1, Windows-1252) on a Chinese page is never true, and a
    # single-byte codec decodes any bytes: it is as good as no declaration.
    return None if codec in _LATIN else codec


def _decode(data: bytes, *, path: str) -> str:
    """The page's text: a byte-order mark decides; else valid UTF-8 with non-ASCII
    text is UTF-8 whatever the page declares (a page moved to a new system keeps its
    old ``charset=gb2312`` line); else the declared encoding; else UTF-8 or GB18030
    (``text.decode``, which raises :class:`IngestError` for bytes that are neither).
    """
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise IngestError(
                    f"网页文件以 {codec.upper()} 标记开头，但内容不是有效的该编码文本。",
                    path=path,
                ) from error
    declared = _declared_encoding(data)
    if declared is not None and declared != "utf-8":
        try:
            text = data.decode("utf-8")
            if not text.isascii():
                return text
        except UnicodeDecodeError:
            pass
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration lies: try what Chinese sites use
    return decode(data, path=path)[0]


def _parse(text: str, *, path: str):
    """The page's element tree (lxml's HTML parser, plain elements: ``lxml.html``'s
    element classes cost a lookup per element): recovering from broken markup,
    comments and processing instructions dropped, nothing fetched, no deeper than
    libxml2's default limit (256 levels)."""
    from lxml import etree

    parser = etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        root = etree.fromstring(_XML_DECLARATION.sub("", text, count=1), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        root = None
        reason = f"（{error}）"
    else:
        reason = ""
    if root is None:
        raise IngestError(f"网页无法解析，没有可读取的内容{reason}。", path=path)
    return root


# --- tree → paragraphs and tables -----------------------------------------------------------


def _tag(element) -> str | None:
    """The element's lower-case tag; ``None`` for comments and the like."""
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else None


def _hidden(element) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN.search(element.get("style", "")))


def _is_control(element, tag: str) -> bool:
    """A link that runs script (【打印本页】, 【关闭窗口】): page controls, not content."""
    return tag == "a" and (element.get("href") or "").strip().lower().startswith("javascript:")


def _squash(line: str) -> str:
    return _SPACE.sub(" ", line).strip()


@dataclass
class _Reader:
    """Walks a page, collecting ``grid`` blocks: paragraphs and tables (slot rows)."""

    path: str
    blocks: list = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # finished lines of the open paragraph
    pieces: list[str] = field(default_factory=list)  # text of the open line
    heading: bool = False

    def text(self, text: str | None) -> None:
        if text:
            self.pieces.append(text)

    def line_break(self) -> None:
        self.lines.append("".join(self.pieces))
        self.pieces = []

    def flush(self) -> None:
        """End the open paragraph (a block boundary)."""
        self.line_break()
        lines = [line for line in map(_squash, self.lines) if line]
        if lines:
            self.blocks.append(Paragraph("\n".join(lines), self.heading))
        self.lines = []
        self.heading = False

    def walk(self, element) -> None:
        """Read ``element``'s text and children in order (its tail is the caller's)."""
        self.text(element.text)
        for child in element:
            tag = _tag(child)
            if tag is None or tag in _SKIP or _hidden(child) or _is_control(child, tag):
                pass
            elif tag == "br":
                self.line_break()
            elif tag == "table":
                self.flush()
                self.table(child)
            elif tag in _HEADINGS:
                self.flush()
                self.heading = True
                self.walk(child)
                self.flush()
            elif tag in _BLOCKS:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                if tag == "a" and (child.get("name") or child.get("id") or "").startswith("_Toc"):
                    self.heading = True  # Word's TOC bookmark, as in a .docx
                self.walk(child)
            self.text(child.tail)

    def cell_text(self, cell) -> str:
        """A cell's lines (``<br>`` and block elements break them), ``\\n``-joined."""
        if not len(cell):  # most cells: text alone
            return _squash(cell.text or "")
        inner = _Reader(self.path)
        inner.walk(cell)
        inner.flush()
        return "\n".join(b.text for b in inner.blocks if isinstance(b, Paragraph))

    def table(self, table) -> None:
        caption = next((c for c in table if _tag(c) == "caption"), None)
        if caption is not None and not _hidden(caption):
            self.heading = True
            self.walk(caption)
            self.flush()
        groups = list(_row_groups(table))
        if _is_layout(groups):
            for rows in groups:
                for tr in rows:
                    for cell in _cells(tr):
                        self.flush()
                        self.walk(cell)
                        self.flush()
            return
        cells = _placed(
            [[(cell, self.cell_text(cell)) for cell in _cells(tr)] for tr in rows]
            for rows in groups
        )
        cells, title, note = _lift_title_and_note(cells)
        if title is not None:
            self.blocks.append(Paragraph(title, heading=True))
        slots = _slot_rows(cells, path=self.path)
        if any(row for row in slots):
            self.blocks.append(slots)
        if note is not None:
            self.blocks.append(Paragraph(note))


def _row_groups(table) -> Iterator[list]:
    """The table's row groups in display order: ``thead``, then ``tbody`` groups and
    bare rows as they come, then ``tfoot`` (HTML 4 put it before the body)."""
    head, body, foot = [], [], []
    bare: list = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            bare.append(child)
            continue
        if bare:
            body.append(bare)
            bare = []
        if tag in ("thead", "tbody", "tfoot"):
            rows = [tr for tr in child if _tag(tr) == "tr"]
            {"thead": head, "tbody": body, "tfoot": foot}[tag].append(rows)
    if bare:
        body.append(bare)
    for rows in (*head, *body, *foot):
        visible = [tr for tr in rows if not _hidden(tr)]
        if visible:
            yield visible


def _cells(tr) -> list:
    return [c for c in tr if _tag(c) in ("td", "th") and not _hidden(c)]


def _is_layout(groups: list[list]) -> bool:
    """A table that lays out a page: its cells hold tables, or it has one column."""
    rows = [_cells(tr) for rows in groups for tr in rows]
    if any(next(cell.iter("table"), None) is not None for cells in rows for cell in cells):
        return True
    return all(len(cells) <= 1 for cells in rows)


def _span(value: str | None, default: int = 1) -> int:
    """A span attribute by HTML's rules: leading digits, else ``default``."""
    if value is None:
        return default
    match = _SPAN.match(value)
    return int(match.group(1)) if match else default


class _Placed(NamedTuple):
    """A cell where the browser puts it (a tuple: thousands are made per page)."""

    row: int
    column: int
    text: str
    rowspan: int
    colspan: int


def _placed(groups) -> list[_Placed]:
    """Anchored cells of rows of ``(element, text)``, placed as browsers place them:
    each cell at the first column free of cells spanning down from above."""
    placed: list[_Placed] = []
    row = 0
    for rows in groups:
        end = row + len(rows)
        covered: dict[int, list[tuple[int, int]]] = {}  # row → column intervals taken
        for cells in rows:
            taken = covered.pop(row, [])
            column = 0
            for element, text in cells:
                moved = True
                while moved:
                    moved = False
                    for start, stop in taken:
                        if start <= column < stop:
                            column, moved = stop, True
                colspan = min(max(_span(element.get("colspan")), 1), MAX_COLSPAN)
                rowspan = _span(element.get("rowspan"))
                rowspan = end - row if rowspan == 0 else min(rowspan, end - row)
                placed.append(_Placed(row, column, text, rowspan, colspan))
                for below in range(row + 1, row + rowspan):
                    covered.setdefault(below, []).append((column, column + colspan))
                column += colspan
            row += 1
    return placed


def _lift_title_and_note(
    cells: list[_Placed],
) -> tuple[list[_Placed], str | None, str | None]:
    """Take a title row off the top (its one cell names a 表, short, no caption) and a
    note row (``注…``) off the foot of a table; rows renumbered, spans into the note
    row shortened."""
    by_row: dict[int, list[_Placed]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell)
    if not by_row:
        return cells, None, None

    def lone_text(row: int) -> str | None:
        filled = [c for c in by_row.get(row, []) if c.text.strip()]
        if len(filled) != 1 or filled[0].rowspan > 1:
            return None
        return filled[0].text

    first, last = min(by_row), max(by_row)
    title = lone_text(first)
    if not (
        title
        and _TITLE_ROW.search(title)
        and len(_squash(title)) <= 60
        and not _squash(title).endswith(("。", "：", ":"))
        and not is_caption_row([title])
        and last > first
    ):
        title = None
    note = lone_text(last)
    if not (note and _squash(note).startswith("注") and last > first + (title is not None)):
        note = None
    if title is None and note is None:
        return cells, None, None
    shift = 1 if title is not None else 0
    keep = [
        c._replace(
            row=c.row - shift,
            rowspan=c.rowspan - 1 if note is not None and c.row + c.rowspan > last else c.rowspan,
        )
        for c in cells
        if not (title is not None and c.row == first) and not (note is not None and c.row == last)
    ]
    return keep, title, note


def _slot_rows(cells: list[_Placed], *, path: str) -> list[list[Slot]]:
    """Slot rows of a table, its grid narrowed to the columns some cell starts or
    ends at (a huge ``colspan`` adds one column, not a thousand)."""
    edges = sorted({edge for c in cells for edge in (c.column, c.column + c.colspan)})
    index = {edge: i for i, edge in enumerate(edges)}
    narrowed = [
        GridCell(
            c.row, index[c.column], c.text, c.rowspan, index[c.column + c.colspan] - index[c.column]
        )
        for c in cells
    ]
    area = sum(c.rowspan * c.colspan for c in narrowed)
    if area > MAX_TABLE_POSITIONS:
        raise IngestError(
            f"网页中的表格过大（合并单元格共覆盖 {area} 个位置，上限 {MAX_TABLE_POSITIONS}），"
            "无法读取。",
            path=path,
        )
    return slots_from_cells(narrowed)


def _file_name(href: str) -> str:
    """``/uploads/%E8%A1%A8.xlsx?v=2`` → ``表.xlsx``."""
    from urllib.parse import unquote, urlsplit

    return unquote(urlsplit(href).path).rsplit("/", 1)[-1] or href


def _no_table_message(root) -> str:
    """Why a page without a data table cannot be read, with what it holds instead."""
    message = (
        "网页（HTML）中没有找到数据表格：部门预算公开的预算表和绩效目标表应以表格（<table>）发布。"
    )
    links = [
        href
        for a in root.iter("a")
        if (href := (a.get("href") or "").strip()) and _ATTACHMENT.search(_file_name(href))
    ]
    images = sum(1 for _ in root.iter("img"))
    if links:
        names = "、".join(_file_name(link) for link in links[:3])
        more = f"等 {len(links)} 个" if len(links) > 3 else ""
        message += f"网页中有附件链接（{names}{more}），表格可能在附件中，请下载附件后读取。"
    elif images:
        message += f"网页中有 {images} 张图片，表格可能是图片，无法读取其中的文字。"
    return message
