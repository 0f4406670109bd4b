"""Cells of the monitoring and self-evaluation workbooks: values, formats, styles, print.

One place for the conventions both workbooks share:

- numbers are numbers: money ``#,##0.00`` (in the money unit the header names),
  rates in percent as numbers with a literal % sign ``0.00"%"`` (87.5 is stored as
  87.5, as the results and the JSON hold it, and shows ``87.50%``), percentage
  points ``+0.00;-0.00;0.00``, points (分值, 得分) ``0.00``;
- a text starting with ``=`` is stored as text, never as a formula (as in
  :mod:`jixiao.publish.export`), and characters XLSX forbids show as U+FFFD;
- status cells carry the label (正常 / 轻度偏差 / 严重偏差) on Excel's own
  good / neutral / bad fills, so the colour is never the only sign;
- A4 landscape, fitted to the page width, with the header rows repeated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from jixiao.evaluate.results import Status
from jixiao.model import Finding
from jixiao.publish.export import MONEY_FORMAT as MONEY_FORMAT
from jixiao.publish.xlsx_text import clean_text, is_formula_like

RATE_FORMAT = '0.00"%"'
POINTS_FORMAT = "0.00"
DEVIATION_FORMAT = "+0.00;-0.00;0.00"

STATUS_FILLS = {
    Status.GREEN: ("C6EFCE", "006100"),
    Status.YELLOW: ("FFEB9C", "9C5700"),
    Status.RED: ("FFC7CE", "9C0006"),
}
"""(fill, font) colours of each status: Excel's 好 / 适中 / 差 cell styles."""

FINDINGS_SHEET = "问题"

FINDING_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("严重程度", 9),
    ("规则", 24),
    ("项目序号", 9),
    ("项目名称", 26),
    ("指标序号", 9),
    ("指标名称", 20),
    ("说明", 50),
    ("原文", 30),
    ("位置", 30),
)


HEADER_FILL = "DDEBF7"
BLOCK_FILL = "F2F2F2"

_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f\ufffe\uffff]")


def put(
    ws: Any,
    row: int,
    column: int,
    value: Any,
    *,
    number_format: str | None = None,
    bold: bool = False,
    wrap: bool = False,
    centre: bool = False,
    fill: str | None = None,
    border: bool = True,
) -> Any:
    """Write ``value`` to the cell at (``row``, ``column``) with the given style.

    A ``str`` is cleaned of characters XLSX forbids and kept as text even when it
    starts with ``=``; a ``Decimal`` is written as a number. Returns the cell.
    """
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        value = clean_text(value)
        cell.value = value
        if is_formula_like(value):
            cell.data_type = "s"  # a unit's text is never a formula
    else:
        cell.value = value
    if number_format is not None and isinstance(value, int | float | Decimal):
        cell.number_format = number_format
    if bold:
        cell.font = Font(bold=True)
    if wrap or centre:
        cell.alignment = Alignment(
            wrap_text=wrap,
            vertical="center" if centre else "top",
            horizontal="center" if centre else None,
        )
    if fill is not None:
        cell.fill = PatternFill("solid", fgColor=fill)
    if border:
        thin = Side(style="thin", color="808080")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    return cell


def put_status(
    ws: Any, row: int, column: int, status: Status | None, *, text: str | None = None
) -> Any:
    """The status label (or ``text``) on the status's colour, bold; an empty bordered
    cell for no status."""
    from openpyxl.styles import Font, PatternFill

    label = text if text is not None else status.label if status else None
    cell = put(ws, row, column, label, centre=True, wrap=True)
    if status is not None:
        fill, font = STATUS_FILLS[status]
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=font, bold=True)
    return cell


def header(ws: Any, row: int, titles: Sequence[str], *, first_column: int = 1) -> None:
    """A bold, centred, wrapped and shaded header row."""
    for i, title in enumerate(titles):
        put(ws, row, first_column + i, title, bold=True, centre=True, wrap=True, fill=HEADER_FILL)


def merge(ws: Any, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
    """Merge the range when it covers more than one cell, keeping the borders of the
    covered cells (openpyxl draws a merged range's border from them)."""
    if (first_row, first_column) == (last_row, last_column):
        return
    for r in range(first_row, last_row + 1):
        for c in range(first_column, last_column + 1):
            if (r, c) != (first_row, first_column):
                put(ws, r, c, None)
    ws.merge_cells(
        start_row=first_row, start_column=first_column, end_row=last_row, end_column=last_column
    )


def title(ws: Any, row: int, text: str, columns: int, *, size: int = 14) -> None:
    """A centred title across ``columns`` columns, merged, no border."""
    from openpyxl.styles import Alignment, Font

    cell = put(ws, row, 1, text, border=False)
    cell.font = Font(bold=True, size=size)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    if columns > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)


def widths(ws: Any, values: Sequence[float]) -> None:
    """Column widths, from column A."""
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(values, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def print_setup(ws: Any, *, repeat_rows: str | None = None, landscape: bool = True) -> None:
    """A4, fitted to one page wide, centred, narrow margins; ``repeat_rows`` like
    ``"1:3"`` print on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if repeat_rows:
        ws.print_title_rows = repeat_rows


def sheet_name(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts (≤ 31 characters, none of ``[]:*?/\\`` nor control
    characters, no edge apostrophe), unique in ``used`` (case-insensitive); it is
    added to ``used``."""
    base = _SHEET_NAME_BAD.sub("_", name).strip("'").strip() or "Sheet"
    candidate, n = base[:31], 1
    while candidate.casefold() in used:
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate.casefold())
    return candidate


def findings_sheet(ws: Any, findings: Sequence[Finding]) -> None:
    """The 问题 sheet: one finding per row (severity, rule, project, indicator,
    message, quote, place), frozen header, autofilter."""
    from openpyxl.utils import get_column_letter

    widths(ws, [w for _, w in FINDING_COLUMNS])
    header(ws, 1, [t for t, _ in FINDING_COLUMNS])
    for row, finding in enumerate(findings, start=2):
        values = (
            row - 1,
            finding.severity.label,
            finding.rule,
            finding.project_seq,
            finding.project_title,
            finding.indicator_index,
            finding.indicator_name,
            finding.message,
            finding.quote,
            str(finding.location) if finding.location else None,
        )
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value, wrap=column in (5, 7, 8, 9, 10))
    ws.freeze_panes = "A2"
    last = get_column_letter(len(FINDING_COLUMNS))
    ws.auto_filter.ref = f"A1:{last}{len(findings) + 1}"
    print_setup(ws, repeat_rows="1:1")
