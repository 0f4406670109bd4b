"""Word-export text → paragraphs and tables of cells (the layout's first layer).

In text saved from Word (LAYOUTS.md): a table cell is a line starting with a tab;
a cell's further paragraphs follow on lines without a tab; a blank line usually
ends a row, but Word also writes blank lines for empty paragraphs inside a cell,
so blank lines are only *hints* — rows are rebuilt later from the column count.
``[bookmark: _Toc…]`` markers precede section headings and are not content.
"""

from __future__ import annotations

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
    return blocks
