"""Where the cells of a short row sit: merged cells printed once, put back in place.

A converted document (.docx, .xlsx, .pdf) prints each table row whole, but a cell
merged across columns is printed once, as Word's "save as text" does: Jiangsu's
``当年支出小计`` spans 功能科目名称 | 金额 | 项目名称 and its row prints 4 cells for 6
columns. The row's cells are placed by what the table's full rows show each column
holds: a number lands on a column of numbers and a label on a column of labels;
labels may span, numbers and blanks rarely do, and nothing spans from the 收入 half
of a side-by-side table into the 支出 half.

Plain functions over cell texts; :func:`place_cells` is the entry point.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from math import comb
from typing import Literal

from jixiao.ingest.target import parse_number
from jixiao.ingest.text import clean_inline

ColumnKind = Literal["number", "text"] | None
# Past this many ways to place a row, it is not placed (a row missing many cells is
# not a merged row but something else: the caller falls back).
_MAX_PLACEMENTS = 5_000


def is_number(text: str) -> bool:
    """Whether a cell's text reads as a number (``37,188.34``, ``-``, ``0``)."""
    return parse_number(clean_inline(text)) is not None


def column_kinds(rows: Sequence[Sequence[str]], width: int) -> list[ColumnKind]:
    """Per column, what the full rows (``width`` cells) hold there: ``"number"``
    when numbers outnumber labels, ``"text"`` when labels do, ``None`` when the
    column is blank in every full row."""
    numbers = [0] * width
    texts = [0] * width
    for row in rows:
        if len(row) != width:
            continue
        for index, cell in enumerate(row):
            if not cell.strip():
                continue
            if is_number(cell):
                numbers[index] += 1
            else:
                texts[index] += 1
    return [
        "number" if n > t else "text" if t else None for n, t in zip(numbers, texts, strict=True)
    ]


def place_cells(
    cells: Sequence[str],
    width: int,
    kinds: Sequence[ColumnKind],
    halves: Sequence[object] | None = None,
    cell_kinds: Sequence[ColumnKind] | None = None,
) -> list[int] | None:
    """The first column of each of ``cells`` in a row of ``width`` columns; ``None``
    when the row cannot be placed (more cells than columns, too many ways to place
    them, or none that keeps every cell within its half).

    The first cell starts at column 0 and the last ends at ``width - 1``; a cell
    spans up to the next one's start. ``kinds`` come from :func:`column_kinds` (or
    the header's roles); ``halves`` name each column's half of a side-by-side
    table, and no cell may span two halves. Score: +1 for each filled cell on a
    column of its kind, -1 on a column of the other kind; -1 per extra column a
    number spans, -0.5 per extra column a blank spans (a label spanning costs
    nothing: that is what merged labels do). ``cell_kinds`` give the cells' kinds
    where their text does not (a header's labels: 金额 heads numbers). Ties go to
    the placement whose cells start leftmost.
    """
    count = len(cells)
    if count == 0 or count > width:
        return None
    if count == width:
        return list(range(width))
    if comb(width - 1, count - 1) > _MAX_PLACEMENTS:
        return None
    best: tuple[float, list[int]] | None = None
    for starts_after in combinations(range(1, width), count - 1):
        starts = [0, *starts_after]
        score = _score(cells, starts, width, kinds, halves, cell_kinds)
        if score is not None and (best is None or score > best[0]):
            best = (score, starts)
    return None if best is None else best[1]


def _score(
    cells: Sequence[str],
    starts: Sequence[int],
    width: int,
    kinds: Sequence[ColumnKind],
    halves: Sequence[object] | None,
    cell_kinds: Sequence[ColumnKind] | None,
) -> float | None:
    score = 0.0
    for index, cell in enumerate(cells):
        start = starts[index]
        end = starts[index + 1] - 1 if index + 1 < len(starts) else width - 1
        if halves is not None and halves[start] != halves[end]:
            return None
        extra = end - start
        if not cell.strip():
            score -= 0.5 * extra
            continue
        kind = cell_kinds[index] if cell_kinds else "number" if is_number(cell) else "text"
        if kinds[start] is not None:
            score += 1 if kinds[start] == kind else -1
        if kind == "number":
            score -= extra
    return score


def spread(
    cells: Sequence[str], starts: Sequence[int], width: int, *, repeat: bool = False
) -> tuple[tuple[str, ...], frozenset[int]]:
    """The row at full width: each cell at its start, blanks where a cell spans
    (its text again with ``repeat``: a header label heads every column it spans),
    and the set of those spanned columns."""
    full = [""] * width
    spanned: set[int] = set()
    for index, cell in enumerate(cells):
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else width
        for column in range(start, end):
            full[column] = cell if column == start or repeat else ""
        spanned.update(range(start + 1, end))
    return tuple(full), frozenset(spanned)
