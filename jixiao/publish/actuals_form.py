"""Cell writing for the actuals templates (填报模板): styles, protection and a recorder
of every pre-filled value, so the template's tamper fingerprint covers exactly what
jixiao wrote (see :mod:`jixiao.ingest.actuals_layout`).

openpyxl is imported only inside the functions: it takes ~0.15 s to import and only
the templates need it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from jixiao.ingest.actuals_layout import canonical
from jixiao.publish.xlsx_text import clean_text, is_formula_like

FONT_NAME = "宋体"
ENTRY_FILL = "FFF2CC"  # light yellow: the cells a unit fills
HEADER_FILL = "DDEBF7"  # light blue: headers


ROLES = ("title", "header", "label", "text", "number", "formula", "hint")
"""How a cell looks: a title, a header (blue), a row label, text, a number or
formula (right-aligned) or a small grey hint."""


def named_style(role: str, *, entry: bool = False, number_format: str | None = None) -> Any:
    """The openpyxl ``NamedStyle`` of a cell ``role``; ``entry`` cells are unlocked and
    light yellow. Named styles are set on a cell without re-hashing fonts and borders,
    which keeps a template of 40 projects well under a second."""
    return _named_style(role, entry, number_format or "General")


@lru_cache(maxsize=64)
def _named_style(role: str, entry: bool, number_format: str) -> Any:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side

    if role not in ROLES:
        raise ValueError(f"unknown cell role {role!r}")
    thin = Side(style="thin", color="808080")
    size, bold, color = {"title": (16, True, None), "hint": (9, False, "595959")}.get(
        role, (10, role in ("header", "label"), None)
    )
    horizontal = {"number": "right", "formula": "right", "text": "left", "hint": "left"}
    fill = ENTRY_FILL if entry else HEADER_FILL if role == "header" else None
    return NamedStyle(
        name=f"jixiao {role}{' entry' if entry else ''} {number_format}",
        font=Font(name=FONT_NAME, size=size, bold=bold, color=color),
        border=Border() if role == "title" else Border(thin, thin, thin, thin),
        alignment=Alignment(
            horizontal=horizontal.get(role, "center"), vertical="center", wrap_text=True
        ),
        fill=PatternFill("solid", fgColor=fill) if fill else PatternFill(),
        number_format=number_format,
        protection=Protection(locked=not entry),
    )


def append_text_rows(ws: Any, rows: Iterable[Iterable[str]]) -> None:
    """Write ``rows`` of text to the empty sheet ``ws``, every value kept as text
    (never a formula)."""
    for number, row in enumerate(rows, start=1):
        values = [clean_text(value) for value in row]
        ws.append(values)
        for column, value in enumerate(values, start=1):
            if is_formula_like(value):
                ws.cell(row=number, column=column).data_type = "s"


class Form:
    """Writes the cells of one sheet, remembering each pre-filled value (by cell
    reference, :func:`canonical` form) for the tamper fingerprint and each entry cell
    by the name of its data validation."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.cells: dict[str, str] = {}
        self.validations: dict[str, list[str]] = {}

    def put(
        self,
        ref: str,
        value: object = None,
        *,
        to: str | None = None,
        role: str = "text",
        entry: bool = False,
        number_format: str | None = None,
        check: str | None = None,
    ) -> None:
        """Write ``value`` at ``ref`` (merged to ``to``) in one of the :data:`ROLES`;
        ``entry`` cells are left unlocked with the entry fill, ``check`` names their data
        validation. A ``formula`` is neither input nor fingerprinted (its cached value
        depends on what the unit enters); any other text starting with ``=`` stays text."""
        cell = self.ws[ref]
        if isinstance(value, str):
            value = clean_text(value)
        cell.value = value
        if isinstance(value, str) and is_formula_like(value) and role != "formula":
            cell.data_type = "s"  # a document's text is never a formula
        cell.style = self._style_name(named_style(role, entry=entry, number_format=number_format))
        if entry:
            if check:
                self.validations.setdefault(check, []).append(ref)
        elif role != "formula":
            self.cells[ref] = canonical(value)
        if to:
            self.merge(ref, to)

    def _style_name(self, style: Any) -> str:
        """Register ``style`` with the workbook once; a cell is then styled by name
        (openpyxl compares a style object with every registered one on each use)."""
        workbook = self.ws.parent
        if style.name not in workbook.named_styles:
            workbook.add_named_style(style)
        return style.name

    def merge(self, ref: str, to: str) -> None:
        """Merge ``ref:to``, giving every cell of the range the style of ``ref`` so the
        borders are drawn; values recorded under the covered cells are dropped.
        ``Worksheet.merge_cells`` does the same but rebuilds each edge border (tens of
        milliseconds per range); this is its body with named styles."""
        from openpyxl.cell.cell import MergedCell
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.merge import MergedCellRange

        style = self.ws[ref].style
        merged = MergedCellRange(self.ws, f"{ref}:{to}")
        self.ws.merged_cells.add(merged)
        cells = merged.cells
        next(cells)  # the top-left cell keeps the value
        for row, column in cells:
            self.cells.pop(f"{get_column_letter(column)}{row}", None)
            cell = MergedCell(self.ws, row, column)
            cell.style = style
            self.ws._cells[row, column] = cell


def protect(ws: Any) -> None:
    """Protect ``ws`` without a password: locked cells cannot be edited, rows and
    columns cannot be inserted or deleted, but they may be resized."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def estimate_height(text: str, width: float) -> float:
    """An estimated row height (points) for ``text`` wrapped in ``width`` characters;
    a CJK character takes two."""
    lines = 0
    for line in (text or "").split("\n"):
        chars = sum(2 if ord(c) > 0x2E80 else 1 for c in line)
        lines += max(1, math.ceil(chars / max(1.0, width - 1)))
    return max(18.0, 14.0 * lines + 4)
