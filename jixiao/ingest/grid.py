"""Tables as grids of spanning cells → Word-export text, the one form every reader feeds.

Every reader of a binary format (.docx, .xlsx, .html, .pdf) finds paragraphs and
tables in its own way, then prints them as Word's own "save as plain text" would
(LAYOUTS.md), so one parser (``word_export``) reads them all into the same model:

- a paragraph is a line (a heading is marked ``[bookmark: _Toc]``, as Word marks
  TOC headings);
- a table cell is a line led by a tab, its further lines follow without one;
- a cell spanning several columns is printed once;
- a cell continuing a vertical merge from the row above is printed as a blank
  cell (``\\t``), so the 一级/二级 name above carries down;
- a blank line ends each row.

A table reaches this module as rows of :class:`Slot`: what a reader sees in each
row, left to right. :func:`slots_from_cells` builds those rows from anchored
cells with ``rowspan``/``colspan`` (HTML, spreadsheets, PDF), the readers of
WordprocessingML build them directly. A grid column blank in every row (an "extra
blank column" left in by hand) is dropped, as are rows with no slot at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

#: What marks a heading paragraph in Word-export text.
HEADING_MARKER = "[bookmark: _Toc]"


class Slot(NamedTuple):
    """One cell as a row shows it: first grid column, columns spanned, its non-empty
    lines, and whether it only continues a vertical merge from the row above."""

    first: int
    span: int
    lines: tuple[str, ...]
    continued: bool = False


@dataclass(frozen=True, slots=True)
class GridCell:
    """An anchored cell: top-left position (0-based) and its spans; ``text`` may hold
    several lines (``\\n``)."""

    row: int
    column: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A line of prose between tables; ``heading`` prints the heading marker."""

    text: str
    heading: bool = False


Block = Paragraph | Sequence[Sequence[Slot]]


def slots_from_cells(cells: Iterable[GridCell]) -> list[list[Slot]]:
    """Rows of slots from anchored cells (each covered position belongs to at most one
    cell; a later cell overlapping an earlier one is clipped to what is free).

    The rows run from 0 to the last row any cell reaches; a row whose every position
    is empty or covered by nothing comes out empty (and is dropped when printed).
    """
    ordered = sorted(cells, key=lambda c: (c.row, c.column))
    if not ordered:
        return []
    height = max(c.row + max(c.rowspan, 1) for c in ordered)
    rows: list[list[Slot]] = [[] for _ in range(height)]
    taken: set[tuple[int, int]] = set()
    for cell in ordered:
        if (cell.row, cell.column) in taken:
            continue
        span = 1
        while span < max(cell.colspan, 1) and (cell.row, cell.column + span) not in taken:
            span += 1
        depth = 1
        while depth < max(cell.rowspan, 1) and not any(
            (cell.row + depth, cell.column + i) in taken for i in range(span)
        ):
            depth += 1
        for r in range(cell.row, cell.row + depth):
            for c in range(cell.column, cell.column + span):
                taken.add((r, c))
        lines = tuple(line.strip() for line in cell.text.split("\n") if line.strip())
        rows[cell.row].append(Slot(cell.column, span, lines))
        for r in range(cell.row + 1, cell.row + depth):
            rows[r].append(Slot(cell.column, span, (), True))
    for row in rows:
        row.sort(key=lambda s: s.first)
    return rows


def table_lines(rows: Sequence[Sequence[Slot]]) -> list[str]:
    """The table as Word-export lines: one tab-led line per cell, a blank line per row."""
    blank_columns = _blank_columns(rows)
    lines: list[str] = []
    for row in rows:
        if not row:
            continue
        for slot in row:
            if slot.span == 1 and slot.first in blank_columns:
                continue
            if slot.continued or not slot.lines:
                lines.append("\t")
            else:
                lines.append("\t" + slot.lines[0])
                lines.extend(slot.lines[1:])
        lines.append("")
    return lines


def word_text(blocks: Iterable[Block]) -> str:
    """Word-export text of paragraphs and tables in order (see the module docstring)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            for number, line in enumerate(block.text.split("\n")):
                line = line.strip()
                marker = HEADING_MARKER if block.heading and number == 0 and line else ""
                lines.append(marker + line)
        else:
            lines.extend(table_lines(block))
    return "\n".join(lines) + "\n"


def _blank_columns(rows: Sequence[Sequence[Slot]]) -> set[int]:
    """Grid columns that every row leaves blank, each covered by one-column cells only
    (dropping such a column changes no other cell). A table of one column keeps it."""
    covered: dict[int, bool] = {}  # column → still blank everywhere
    for row in rows:
        for slot in row:
            for column in range(slot.first, slot.first + slot.span):
                blank = slot.span == 1 and not slot.lines
                covered[column] = covered.get(column, True) and blank
    blank = {column for column, is_blank in covered.items() if is_blank}
    return blank if len(blank) < len(covered) else set()
