"""Word-export text → paragraphs and tables of cells (the layout's first layer).

In text saved from Word (LAYOUTS.md): a table cell is a line starting with a tab;
a cell's further paragraphs follow on lines without a tab; a blank line usually
ends a row, but Word also writes blank lines for empty paragraphs inside a cell,
so blank lines are only *hints* — rows are rebuilt later from the column count.
``[bookmark: _Toc…]`` markers precede section headings and are not content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from jixiao.ingest.text import clean_inline, strip_bookmarks


# Cells and paragraphs are named tuples, not dataclasses: tens of thousands are
# made per document and a tuple is the cheapest immutable record Python has.
class Cell(NamedTuple):
    """A table cell: its text (paragraphs joined by newlines), its first line, and
    ``key``, the text cleaned to one line — what labels are matched against."""

    text: str
    line: int
    key: str = ""


class Paragraph(NamedTuple):
    """A line of prose outside tables; ``heading`` when a TOC bookmark marked it."""

    text: str
    line: int
    heading: bool = False


@dataclass(frozen=True, slots=True)
class TableBlock:
    """A run of cells, split into groups at blank lines (row hints)."""

    groups: tuple[tuple[Cell, ...], ...]
    first_line: int
    last_line: int

    @property
    def cells(self) -> tuple[Cell, ...]:
        """All cells in document order."""
        return tuple(cell for group in self.groups for cell in group)


Block = Paragraph | TableBlock


def scan_blocks(text: str) -> list[Block]:
    """Split Word-export text into paragraphs and table blocks, in order.

    Line numbers are 1-based. Blank paragraphs are dropped; every other line ends
    up in exactly one block, so nothing is lost at this layer.
    """
    blocks: list[Block] = []
    groups: list[tuple[Cell, ...]] = []
    group: list[list] = []  # [text, line] pairs until the group closes
    table_start = 0
    last_was_cell_text = False  # the previous line belonged to a cell (no blank between)

    def close_group() -> None:
        if group:
            groups.append(tuple([Cell(text, line, clean_inline(text)) for text, line in group]))
            group.clear()

    def close_table(end_line: int) -> None:
        close_group()
        if groups:
            blocks.append(TableBlock(tuple(groups), table_start, end_line))
            groups.clear()

    for number, raw_line in enumerate(text.split("\n"), start=1):
        line, heading = strip_bookmarks(raw_line) if "[" in raw_line else (raw_line, False)
        if line[:1] == "\t" and not heading:
            if not groups and not group:
                table_start = number
            group.append([line[1:], number])
            last_was_cell_text = True
        elif not line.strip():
            close_group()
            last_was_cell_text = False
        elif last_was_cell_text and not heading:
            group[-1][0] += "\n" + line
        else:
            close_table(number - 1)
            blocks.append(Paragraph(line.strip(), number, heading))
            last_was_cell_text = False
    close_table(number)
    return _captions_into_tables([part for block in blocks for part in _split_titled(block)])


# A caption printed as a line of its own above a table (PDF and HTML pages):
# 编制部门：上海市普陀区司法局 单位：元, 部门名称：江苏省高级人民法院 单位:万元.
_CAPTION_LINE = re.compile(
    r"^(?:编制部门|预算主管部门|部门名称|单位名称|编制单位|部门|单位|金额单位|金额)\s*[:：]"
)


def _captions_into_tables(blocks: list[Block]) -> list[Block]:
    """Caption lines printed between a table's title and the table, and a table
    label (``公开01表``) printed above its title, moved into the table as its first
    (caption) rows, so the title stays next to its table and the caption's money
    unit is read with it."""
    out: list[Block] = []
    for block in blocks:
        if not isinstance(block, TableBlock):
            out.append(block)
            continue
        moved: list[Paragraph] = []
        while (
            out
            and isinstance(out[-1], Paragraph)
            and len(out[-1].text) <= 80
            and (_CAPTION_LINE.match(out[-1].text) or TABLE_LABEL.match(clean_inline(out[-1].text)))
        ):
            moved.insert(0, out.pop())
        if (
            len(out) >= 2
            and isinstance(out[-1], Paragraph)
            and isinstance(out[-2], Paragraph)
            and TABLE_LABEL.match(clean_inline(out[-2].text))
        ):
            moved.insert(0, out.pop(-2))
        if moved:
            groups = tuple((Cell(p.text, p.line, clean_inline(p.text)),) for p in moved)
            block = TableBlock(groups + block.groups, moved[0].line, block.last_line)
        out.append(block)
    return out


# A table's number as printed beside its title: 表1, 表 3-1, 部门公开表 1-2, 公开 01表.
TABLE_LABEL = re.compile(r"^(?:部门公开表|公开|表)\s*\d{1,2}(?:\s*[-－]\s*\d{1,2})?\s*表?$")
# A title printed inside a cell: short, ends in 表 (or 表（…）), no colon, not a note.
_CELL_TITLE = re.compile(r"^(?!注|空表|取数|说明)[^：:。；;]{2,48}表(?:[（(][^）)]{1,20}[）)])?$")
# Captions printed beside a cell title: 部门：…, 金额单位：万元, 单位：元, 万元.
_CELL_CAPTION = re.compile(
    r"^(?:(?:金额)?单位|金额|部门|编制部门|部门名称|单位名称)\s*[:：]|^万?元$"
)


def _pieces(group: tuple[Cell, ...]) -> list[str]:
    return [clean_inline(p) for cell in group for p in cell.text.split("\n") if p.strip()]


def _title_row(group: tuple[Cell, ...]) -> str | None:
    """The title of a row printed above a table inside its first cells (a label
    and/or a title with captions, nothing else), ``""`` for a label-only row,
    ``None`` for any other row."""
    pieces = _pieces(group)
    if pieces and TABLE_LABEL.match(pieces[0]):
        # a label opening a cell: a table starts here, whatever the cell holds after
        # its title (a nested table Word flattened into the cell)
        following = pieces[1] if len(pieces) > 1 else ""
        return following if _CELL_TITLE.match(following) else ""
    if not pieces or len(pieces) > 5:
        return None
    titles = [p for p in pieces if _CELL_TITLE.match(p) and not TABLE_LABEL.match(p)]
    labels = [p for p in pieces if TABLE_LABEL.match(p)]
    if len(titles) > 1 or not (titles or labels):
        return None
    if any(not (TABLE_LABEL.match(p) or _CELL_CAPTION.match(p) or p in titles) for p in pieces):
        return None
    return titles[0] if titles else ""


def _split_titled(block: Block) -> list[Block]:
    """A table block holding several tables whose labels and titles are printed
    inside cells (a workbook's sheets, Sichuan's Word tables) → for each table a
    title paragraph (when printed) and a block; the label and caption cells of
    the title row stay in the table as its first (caption) row."""
    if not isinstance(block, TableBlock):
        return [block]
    parts: list[Block] = []
    groups: list[tuple[Cell, ...]] = []
    has_data = False

    def close() -> None:
        nonlocal has_data
        while groups and not any(cell.key for cell in groups[0]):
            groups.pop(0)  # blank filler cells between two tables
        if groups:
            parts.append(TableBlock(tuple(groups), groups[0][0].line, groups[-1][-1].line))
        groups.clear()
        has_data = False

    for group in block.groups:
        title = _title_row(group)
        if title is None:
            has_data = has_data or any(cell.key for cell in group)
            groups.append(group)
            continue
        if has_data:
            close()
        rest = tuple(
            Cell(text, cell.line, clean_inline(text))
            for cell in group
            for text in ["\n".join(p for p in cell.text.split("\n") if clean_inline(p) != title)]
            if clean_inline(text)
        )
        if title:
            parts.append(Paragraph(title, group[0].line))
        if rest:
            groups.append(rest)
            has_data = any(
                not (TABLE_LABEL.match(p) or _CELL_CAPTION.match(p)) for p in _pieces(rest)
            )
    close()
    if len(parts) == 1 and isinstance(parts[0], TableBlock) and parts[0].groups == block.groups:
        return [block]
    return parts or [block]
