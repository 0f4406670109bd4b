"""A disclosure as one self-contained web page: printable on A4, readable on a phone.

The page prints the blocks of :func:`jixiao.publish.layout.disclosure_blocks` —
what the DOCX prints, in the same order: headings as ``h1``–``h3`` (第一部分 /
一、 / （一）), prose paragraphs, each table with its title as its ``<caption>``,
its header rows in ``<thead>`` (repeated on every printed page), cells merged
exactly as :func:`~jixiao.publish.layout.placed_cells` places them (``rowspan``
over the 一级/二级 names, ``colspan`` over a parent header), and its note below.
A line break inside a cell or paragraph is a ``<br>``.

Every text is a raw string of the model, escaped by Jinja2's autoescape and
nothing else, so reading the page back (``jixiao.ingest.html_reader``) gives the
same model — the round trip the tests hold. The small header naming the unit,
its code and the year sits in ``<header>``, which the reader skips as page
chrome.

The page loads nothing: CSS is inline, fonts are the reader's own (宋体 for text,
黑体 for headings, Noto CJK where those are missing). Print: A4 portrait, wide
tables (``layout.WIDE_TABLE_COLUMNS`` columns or more) on landscape pages through a
named page (``@page wide``; browsers without named pages print them portrait),
no row split across pages. Phone: tables scroll sideways inside their wrapper.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jixiao
from jixiao.model import Disclosure
from jixiao.publish.errors import PublishError
from jixiao.publish.layout import (
    Block,
    TableBlock,
    TextBlock,
    TextStyle,
    disclosure_blocks,
    placed_cells,
)
from jixiao.publish.xlsx_text import clean_text

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATE = "disclosure.html.j2"

_HEADING_LEVEL = {TextStyle.PART: 1, TextStyle.HEADING: 2, TextStyle.SUBHEADING: 3}
_ALIGN = {"left": "l", "center": "c", "right": "r"}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Built on first use, not at import: jinja2 is only needed for this page.
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("jixiao.publish", "templates"),
        autoescape=True,  # every text of a unit's document is untrusted
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def disclosure_html(disclosure: Disclosure) -> str:
    """The disclosure as one HTML page (a ``str``, UTF-8 declared); see the module
    docstring for what it holds. Amounts print as their raw text, in the unit each
    table states (元 or 万元)."""
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            title=_page_title(disclosure),
            unit_name=disclosure.unit_name,
            unit_code=disclosure.unit_code,
            fiscal_year=disclosure.fiscal_year,
            blocks=_views(disclosure_blocks(disclosure)),
            jixiao_version=jixiao.__version__,
        )
    )


def write_disclosure_html(disclosure: Disclosure, path: str | Path) -> Path:
    """Write :func:`disclosure_html` to ``path`` in UTF-8 (parents created); returns
    the path. Raises :class:`PublishError` when the file cannot be written."""
    path = Path(path)
    page = disclosure_html(disclosure)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8", newline="\n")
    except OSError as error:
        raise PublishError(f"无法写入网页文件 {path}（{error.strerror or error}）。") from error
    return path


def _page_title(disclosure: Disclosure) -> str:
    return f"{disclosure.unit_name}{disclosure.fiscal_year}年部门预算公开"


def _lines(text: str) -> list[str]:
    """A text's lines, each printed with a ``<br>`` between (control characters that
    HTML cannot hold shown as U+FFFD)."""
    return clean_text(text).split("\n")


def _views(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    """Template views of the blocks: a table takes the title before it (as its
    caption) and the note after it, so they print and turn the page together."""
    views: list[dict[str, Any]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            isinstance(block, TextBlock)
            and block.style is TextStyle.TITLE
            and isinstance(following, TableBlock)
        ):
            views.append(_table_view(following, title=block.text))
            index += 2
        elif isinstance(block, TableBlock):
            views.append(_table_view(block, title=None))
            index += 1
        elif block.style in _HEADING_LEVEL:
            views.append(
                {
                    "kind": "heading",
                    "level": _HEADING_LEVEL[block.style],
                    "lines": _lines(block.text),
                }
            )
            index += 1
        else:
            views.append({"kind": block.style.value, "lines": _lines(block.text)})
            index += 1
        if (
            views[-1]["kind"] == "table"
            and index < len(blocks)
            and isinstance(note := blocks[index], TextBlock)
            and note.style is TextStyle.NOTE
        ):
            views[-1]["note"] = _lines(note.text)
            index += 1
    return views


def _table_view(block: TableBlock, *, title: str | None) -> dict[str, Any]:
    """A table as rows of cells with spans; ``head`` holds the header rows that no
    merged cell crosses out of (a ``<thead>`` cannot span into the body)."""
    cells, _ = placed_cells(block.rows)
    rows: list[list[dict[str, Any]]] = [[] for _ in block.rows]
    for cell in cells:
        rows[cell.row].append(
            {
                "lines": _lines(cell.text),
                "rowspan": cell.rowspan,
                "colspan": cell.colspan,
                "classes": " ".join(
                    c for c in (_ALIGN.get(cell.align, "l"), "b" if cell.bold else "") if c
                ),
            }
        )
    edges = sorted({edge for row in block.rows for cell in row for edge in (cell.start, cell.end)})
    widths = [f"{float(b - a) * 100:.2f}%" for a, b in pairwise(edges)]
    head = block.header_rows
    while head and any(c.row < head < c.row + c.rowspan for c in cells):
        head -= 1
    return {
        "kind": "table",
        "title": _lines(title) if title is not None else None,
        "note": None,
        "wide": block.wide,
        "table_kind": block.kind,
        "widths": widths,
        "head": rows[:head],
        "body": rows[head:],
    }
