"""Filling an actuals template the way a unit would, with openpyxl, for the tests.

``fill(template, out, {"项目01": {"F7": "6.50", "G15": "有可能"}})`` writes the values
into a copy of the template (openpyxl ignores sheet protection, as a unit who unprotects
a sheet would). A value given as ``Percent(0.96)`` is stored as the number 0.96 shown
as ``96%``, the way Excel stores a typed ``96%``. ``edit`` runs any other change (copy,
delete or add a sheet) on the loaded workbook before saving.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from jixiao.ingest.actuals_layout import (
    FIRST_INDICATOR_ROW,
    FUNDING_ROWS,
    Field,
    column_for,
    funding_columns,
    indicator_columns,
)
from jixiao.model.actuals import ActualsKind, FundingSource


@dataclass(frozen=True)
class Percent:
    """A number typed as a percentage in Excel (stored 0.96, format ``0%``)."""

    value: float


def fill(
    template: Path,
    out: Path,
    values: Mapping[str, Mapping[str, Any]],
    *,
    edit: Callable[[Any], None] | None = None,
) -> Path:
    """Copy ``template`` to ``out`` with ``values`` (sheet → cell → value) entered."""
    workbook = load_workbook(template)
    for sheet, cells in values.items():
        ws = workbook[sheet]
        for ref, value in cells.items():
            cell = ws[ref]
            if isinstance(value, Percent):
                cell.value = value.value
                cell.number_format = "0%"
            else:
                cell.value = value
    if edit is not None:
        edit(workbook)
    workbook.save(out)
    return out


def indicator_ref(kind: ActualsKind, field: Field, indicator: int, *, period: int = 12) -> str:
    """The cell of ``field`` for the ``indicator``-th row (1-based) of a project sheet."""
    column = column_for(indicator_columns(kind, period), field)
    assert column is not None, field
    return f"{column.letter}{FIRST_INDICATOR_ROW + indicator - 1}"


def funding_ref(kind: ActualsKind, field: Field, source: FundingSource, *, period: int = 12) -> str:
    """The cell of amount ``field`` in the row of ``source`` of the money block."""
    column = column_for(funding_columns(kind, period), field)
    assert column is not None, field
    return f"{column.letter}{FUNDING_ROWS[source]}"
