"""Tables on a PDF page, rebuilt from ruling lines and glyph positions.

A table's borders are what make it a table: horizontal and vertical rulings that
cross each other (``pdf_page.Rule``). Rulings that touch form one table; its grid
is every distinct x of its verticals and every distinct y of its horizontals —
the same grid Word builds from every cell edge of every row. Each grid cell is
then joined to its neighbour wherever no ruling separates them, so a merged cell
(a rectangle over several grid columns or rows) comes out as one
:class:`TableCell` with its column and row spans. Glyphs go to the cell their
middle falls in; a cell's lines and paragraphs are rebuilt by ``pdf_layout``, its
paragraphs joined by ``\\n`` (Word-export text prints them as the cell's lines).

A region left open to the outside of the table (an open-sided table, a row
shorter than the others) is kept only when it holds text.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import NamedTuple

from jixiao.ingest.pdf_layout import group_lines, paragraphs_in_box
from jixiao.ingest.pdf_page import Glyph, PageContent, Rule

#: Rulings this close (points) are the same line; ends this close meet.
SNAP = 2.0
#: Assumed distance (points) between a cell's border and its text when no cell
#: shows a smaller one: Word's default cell margin (0.19 cm ≈ 5.4 pt) and less.
MAX_PADDING = 6.0


class TableCell(NamedTuple):
    """A cell on its table's grid: top-left row/column (0-based), spans, its box
    (points from the page's top-left) and its text (paragraphs joined by ``\\n``)."""

    row: int
    column: int
    rowspan: int
    colspan: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str


class Table(NamedTuple):
    """A table on one page: its box, its grid's rows (count) and cells, row by row."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: int
    cells: tuple[TableCell, ...]


def find_tables(content: PageContent) -> tuple[list[Table], list[Glyph]]:
    """The tables the rulings draw on a page, top to bottom, and the glyphs outside them.

    A single box is a table cell (a one-row table part at the foot of a page) unless
    it frames other tables or most of the page: then it is a border, not a table.
    """
    rules, glyphs = content.rules, content.glyphs
    horizontal = _merge([r for r in rules if r.horizontal])
    vertical = _merge([r for r in rules if not r.horizontal])
    if len(horizontal) < 2 or len(vertical) < 2:
        return [], list(glyphs)
    grids = [g for g in (_grid(h, v) for h, v in _components(horizontal, vertical)) if g]
    grids = [g for g in grids if not _frame(g, grids, content)]
    if not grids:
        return [], list(glyphs)
    # A glyph inside two grids (a table drawn inside a box) belongs to the inner one.
    grids.sort(key=lambda g: (g.xs[-1] - g.xs[0]) * (g.ys[-1] - g.ys[0]))
    owned: list[list[list[Glyph]]] = [[[] for _ in g.regions] for g in grids]
    outside: list[Glyph] = []
    boxes = [
        (g.xs[0], g.ys[0], g.xs[-1], g.ys[-1], g.xs, g.ys, len(g.xs) - 2, len(g.ys) - 2, g.index, o)
        for g, o in zip(grids, owned, strict=True)
    ]
    right = bisect.bisect_right
    for glyph in glyphs:  # once per character: kept lean
        x = (glyph[1] + glyph[3]) / 2
        y = (glyph[2] + glyph[4]) / 2
        for left, top, x1, bottom, xs, ys, last_column, last_row, index, regions in boxes:
            if left <= x <= x1 and top <= y <= bottom:
                column = min(right(xs, x) - 1, last_column)
                row = min(right(ys, y) - 1, last_row)
                regions[index[row][column]].append(glyph)
                break
        else:
            outside.append(glyph)
    tables = []
    for grid, contents in zip(grids, owned, strict=True):
        table = grid.table(content.number, contents)
        if table is not None:
            tables.append(table)
    tables.sort(key=lambda t: t.top)
    return tables, outside


# --- rulings → grids ----------------------------------------------------------------------


def _merge(rules: list[Rule]) -> list[Rule]:
    """Collinear rulings joined: the same ``at`` within :data:`SNAP`, extents touching."""
    if not rules:
        return []
    rules.sort(key=lambda r: (r.at, r.start))
    bands: list[list[Rule]] = [[rules[0]]]
    for rule in rules[1:]:
        if rule.at - bands[-1][0].at <= SNAP / 2:
            bands[-1].append(rule)
        else:
            bands.append([rule])
    merged: list[Rule] = []
    for band in bands:
        at = sum(r.at for r in band) / len(band)
        band.sort(key=lambda r: r.start)
        start, end = band[0].start, band[0].end
        for rule in band[1:]:
            if rule.start <= end + SNAP:
                end = max(end, rule.end)
            else:
                merged.append(Rule(band[0].horizontal, at, start, end))
                start, end = rule.start, rule.end
        merged.append(Rule(band[0].horizontal, at, start, end))
    return merged


def _components(horizontal: list[Rule], vertical: list[Rule]):
    """Groups of rulings that touch (a horizontal and a vertical cross or meet)."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ats = [h.at for h in horizontal]  # sorted by _merge
    for j, v in enumerate(vertical, start=len(horizontal)):
        low = bisect.bisect_left(ats, v.start - SNAP)
        high = bisect.bisect_right(ats, v.end + SNAP)
        for i in range(low, high):
            h = horizontal[i]
            if h.start - SNAP <= v.at <= h.end + SNAP:
                a, b = find(i), find(j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical, start=len(horizontal)):
        groups.setdefault(find(j), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _positions(values: list[float]) -> list[float]:
    """Distinct positions: values within :data:`SNAP` of each other are one."""
    values = sorted(values)
    out = [values[0]]
    for value in values[1:]:
        if value - out[-1] > SNAP:
            out.append(value)
    return out


def _covers(segments: list[tuple[float, float]], point: float) -> bool:
    return any(start - SNAP <= point <= end + SNAP for start, end in segments)


class _Grid:
    """A table's grid: column edges ``xs``, row edges ``ys``, and the regions (merged
    grid cells) each grid cell belongs to."""

    def __init__(self, xs, ys, regions, index, open_regions):
        self.xs = xs
        self.ys = ys
        self.regions = regions  # region → (row0, col0, row1, col1), inclusive
        self.index = index  # row → column → region
        self.open = open_regions

    def table(self, page: int, contents: list[list[Glyph]]) -> Table | None:
        """The table with its cells' text (``contents``: the glyphs of each region);
        ``None`` when no region is left (every one open and empty)."""
        placed = []
        lines_of = []
        outside = self._outside({n for n in self.open if not contents[n]})
        for number, (r0, c0, r1, c1) in enumerate(self.regions):
            glyphs = contents[number]
            if number in outside:
                continue
            box = (self.xs[c0], self.ys[r0], self.xs[c1 + 1], self.ys[r1 + 1])
            placed.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1, box))
            lines_of.append(group_lines(glyphs))
        if not placed:
            return None
        padding = _padding(placed, lines_of)
        cells = []
        for (row, column, rowspan, colspan, box), lines in zip(placed, lines_of, strict=True):
            x0, top, x1, bottom = box
            texts = paragraphs_in_box(lines, x0 + padding, x1 - padding)
            cells.append(
                TableCell(row, column, rowspan, colspan, x0, top, x1, bottom, "\n".join(texts))
            )
        cells.sort(key=lambda c: (c.row, c.column))
        table = Table(
            page, self.xs[0], self.ys[0], self.xs[-1], self.ys[-1], len(self.ys) - 1, tuple(cells)
        )
        return table

    def _outside(self, phantoms: set[int]) -> set[int]:
        """The empty open regions that lie outside the table: those in a grid row or
        column made only of such regions (rulings reaching past the first vertical,
        a band above the first ruling). An empty open region beside closed cells is a
        cell whose ruling is elsewhere — a cell merged down from the page before, at
        the top of a continued table — and is kept, empty, so its row stays whole."""
        if not phantoms:
            return phantoms
        rows = [set(row) for row in self.index]
        columns = [set(column) for column in zip(*self.index, strict=True)]
        return {
            number
            for number in phantoms
            if any(number in line and line <= phantoms for line in (*rows, *columns))
        }


def _frame(grid: _Grid, grids: list[_Grid], content: PageContent) -> bool:
    """Whether ``grid`` is a single box around other tables or around most of the page."""
    if len(grid.xs) != 2 or len(grid.ys) != 2:
        return False
    (x0, x1), (top, bottom) = grid.xs, grid.ys
    if x1 - x0 > content.width * 0.7 and bottom - top > content.height * 0.5:
        return True
    return any(
        other is not grid
        and x0 <= other.xs[0]
        and other.xs[-1] <= x1
        and top <= other.ys[0]
        and other.ys[-1] <= bottom
        for other in grids
    )


def _padding(placed, lines_of) -> float:
    """The distance between cell borders and text: the one most lines show on their
    nearer side (left-aligned text shows it on the left, numbers on the right),
    at most :data:`MAX_PADDING`."""
    seen: Counter[float] = Counter()
    for (_, _, _, _, (x0, _, x1, _)), lines in zip(placed, lines_of, strict=True):
        for line in lines:
            seen[round(min(line.x0 - x0, x1 - line.x1) * 4) / 4] += 1
    if not seen:
        return 0.0
    return min(max(seen.most_common(1)[0][0], 0.0), MAX_PADDING)


def _grid(horizontal: list[Rule], vertical: list[Rule]) -> _Grid | None:
    """The grid of one group of rulings, its grid cells joined into regions."""
    xs = _positions([v.at for v in vertical])
    ys = _positions([h.at for h in horizontal])
    left, right = min(h.start for h in horizontal), max(h.end for h in horizontal)
    top, bottom = min(v.start for v in vertical), max(v.end for v in vertical)
    if left < xs[0] - SNAP:
        xs.insert(0, left)  # an open side: rows reach past the first vertical
    if right > xs[-1] + SNAP:
        xs.append(right)
    if top < ys[0] - SNAP:
        ys.insert(0, top)
    if bottom > ys[-1] + SNAP:
        ys.append(bottom)
    if len(xs) < 2 or len(ys) < 2:
        return None
    columns, rows = len(xs) - 1, len(ys) - 1
    verticals = _by_position(xs, vertical)
    horizontals = _by_position(ys, horizontal)
    parent = list(range(rows * columns))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        a, b = find(a), find(b)
        if a != b:
            parent[max(a, b)] = min(a, b)

    open_cells = set()
    middles_y = [(ys[r] + ys[r + 1]) / 2 for r in range(rows)]
    middles_x = [(xs[c] + xs[c + 1]) / 2 for c in range(columns)]
    for r in range(rows):
        for c in range(columns):
            cell = r * columns + c
            if not _covers(verticals[c + 1], middles_y[r]):
                if c + 1 < columns:
                    union(cell, cell + 1)
                else:
                    open_cells.add(cell)
            if c == 0 and not _covers(verticals[0], middles_y[r]):
                open_cells.add(cell)
            if not _covers(horizontals[r + 1], middles_x[c]):
                if r + 1 < rows:
                    union(cell, cell + columns)
                else:
                    open_cells.add(cell)
            if r == 0 and not _covers(horizontals[0], middles_x[c]):
                open_cells.add(cell)
    spans: dict[int, list[int]] = {}  # root → [row0, col0, row1, col1]
    for r in range(rows):
        for c in range(columns):
            root = find(r * columns + c)
            span = spans.get(root)
            if span is None:
                spans[root] = [r, c, r, c]
            else:
                span[0], span[1] = min(span[0], r), min(span[1], c)
                span[2], span[3] = max(span[2], r), max(span[3], c)
    number_of = {root: number for number, root in enumerate(spans)}
    index = [[number_of[find(r * columns + c)] for c in range(columns)] for r in range(rows)]
    open_regions = {number_of[find(cell)] for cell in open_cells}
    return _Grid(xs, ys, [tuple(s) for s in spans.values()], index, open_regions)


def _by_position(positions: list[float], rules: list[Rule]) -> list[list[tuple[float, float]]]:
    """For each grid edge, the extents of the rulings drawn along it."""
    out: list[list[tuple[float, float]]] = [[] for _ in positions]
    for rule in rules:
        at = bisect.bisect_left(positions, rule.at - SNAP)
        for i in range(at, len(positions)):
            if positions[i] > rule.at + SNAP:
                break
            out[i].append((rule.start, rule.end))
    return out
