"""Read one project sheet of a filled actuals template into :class:`ProjectActuals`.

Cell by cell, per the layout of :mod:`jixiao.ingest.actuals_layout`: amounts (numbers,
or text holding one, never negative), completion values read like targets
(:func:`~jixiao.ingest.target.parse_target`), the enumerations of RULES.md §8–9 by their
Chinese labels. Every bad cell becomes a :class:`CellError`; the value is then left
blank in the result, so the rest of the sheet is still read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jixiao.ingest.actuals_layout import (
    ACHIEVEMENT_LABELS,
    CAUSE_LABELS,
    CODE_CELL,
    DASH,
    EXECUTION_NOTE_CELL,
    FUNDING_ROWS,
    GOAL_ACHIEVED_CELL,
    LIKELIHOOD_LABELS,
    Column,
    Field,
    SheetMeta,
    TemplateMeta,
    canonical,
    column_for,
    funding_columns,
    indicator_columns,
)
from jixiao.ingest.target import parse_number, parse_target
from jixiao.model import Location, Money, TargetValue
from jixiao.model.actuals import (
    Achievement,
    DeviationCause,
    FundingActual,
    FundingSource,
    IndicatorActual,
    Likelihood,
    ProjectActuals,
)

_AMOUNTS = (Field.BUDGET_INITIAL, Field.BUDGET_ADJUSTED, Field.SPENT, Field.SPENDING_PROJECTED)
_CAUSE_SPLIT = re.compile(r"[、，,；;/／\s]+")


@dataclass(frozen=True, slots=True)
class CellError:
    """One bad entry: the sheet, the cell (``"F12"``; ``None`` for a whole sheet), a
    Chinese message and the value found (as text; ``None`` when blank)."""

    sheet: str
    cell: str | None
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"{where}：{self.message}"


@dataclass(frozen=True, slots=True)
class SheetCells:
    """The non-blank cells of one sheet by reference (``"F12"``): values (cached
    values for formulas) and number formats. Read once, in openpyxl's read-only mode,
    so a template of many projects opens in a fraction of a second."""

    title: str
    values: Mapping[str, Any]
    formats: Mapping[str, str]

    def value(self, ref: str) -> Any:
        """The value at ``ref``; ``None`` when blank."""
        return self.values.get(ref)

    def text(self, ref: str) -> str | None:
        """The value at ``ref`` as text (:func:`cell_text`)."""
        return cell_text(self.values.get(ref))


def sheet_cells(ws: Any) -> SheetCells:
    """Collect the non-blank cells of the openpyxl sheet ``ws``."""
    from openpyxl.utils import get_column_letter

    values: dict[str, Any] = {}
    formats: dict[str, str] = {}
    for row in ws.iter_rows():
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None:
                continue
            ref = f"{get_column_letter(cell.column)}{cell.row}"
            values[ref] = value
            formats[ref] = cell.number_format or "General"
    return SheetCells(ws.title, values, formats)


def read_project_sheet(
    cells: SheetCells, meta: TemplateMeta, sheet: SheetMeta, *, file: str, errors: list[CellError]
) -> ProjectActuals:
    """The actuals on one project sheet; each bad cell is appended to ``errors``.
    ``file`` names the workbook in locations."""
    return _SheetReader(cells=cells, meta=meta, sheet=sheet, file=file, errors=errors).project()


@dataclass(frozen=True, slots=True, kw_only=True)
class _SheetReader:
    """Reads one project sheet, adding each bad cell to ``errors``."""

    cells: SheetCells
    meta: TemplateMeta
    sheet: SheetMeta
    file: str
    errors: list[CellError]

    def project(self) -> ProjectActuals:
        cells, sheet = self.cells, self.sheet
        funding = tuple(self._funding(source, row) for source, row in FUNDING_ROWS.items())
        indicators = tuple(self._indicator(row, index) for row, index in sheet.indicator_rows)
        return ProjectActuals(
            project_seq=sheet.project_seq,
            project_name=sheet.project_name,
            money_unit=sheet.money_unit,
            funding=tuple(row for row in funding if row is not None),
            indicators=indicators,
            project_code=sheet.project_code or cells.text(CODE_CELL),
            goal_achieved=cells.text(GOAL_ACHIEVED_CELL),
            execution_note=cells.text(EXECUTION_NOTE_CELL),
            location=Location(file=self.file, table=sheet.sheet),
        )

    def _funding(self, source: FundingSource, row: int) -> FundingActual | None:
        """One row of the money block; ``None`` when all its amounts are blank."""
        columns = funding_columns(self.meta.kind, self.meta.period_month)
        fields = (
            Field.BUDGET_INITIAL,
            Field.BUDGET_ADJUSTED,
            Field.SPENT,
            Field.SPENDING_PROJECTED,
        )
        amounts = {field: self._money(column_for(columns, field), row) for field in fields}
        if all(amount is None for amount in amounts.values()):
            return None
        return FundingActual(
            source=source,
            budget_initial=amounts[Field.BUDGET_INITIAL],
            budget_adjusted=amounts[Field.BUDGET_ADJUSTED],
            spent=amounts[Field.SPENT],
            projected=amounts[Field.SPENDING_PROJECTED],
            location=Location(file=self.file, table=self.sheet.sheet, row=row),
        )

    def _money(self, column: Column | None, row: int) -> Money | None:
        """An amount in the sheet's money unit: a number, or text holding one
        (``1,234.50``, the unit label allowed after it); never negative."""
        if column is None:
            return None
        ref = f"{column.letter}{row}"
        unit = self.sheet.money_unit.label
        number, raw = self._number(ref, f"金额（{unit}）", suffix=unit)
        if number is None:
            return None
        if number < 0:
            self._error(ref, f"金额不能为负数：{raw}。", raw)
            return None
        location = Location(file=self.file, table=self.sheet.sheet, row=row, column=column.header)
        return Money(raw=raw, value=number, unit=self.sheet.money_unit, location=location)

    def _number(self, ref: str, what: str, *, suffix: str = "") -> tuple[Decimal | None, str]:
        """The number in ``ref`` and its raw text; an error when it holds anything else.
        A number stored as text (``"1,234.50"``, full-width digits, ``suffix`` after it)
        counts; a date or TRUE/FALSE does not."""
        value = self.cells.value(ref)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Decimal(str(value)), str(value)
        text = cell_text(value)
        if text is None:
            return None, ""
        bare = text.removesuffix(suffix).strip() if suffix else text
        number = None if isinstance(value, dt.date | bool) else parse_number(bare)
        if number is None:
            self._error(ref, f"应填数字（{what}），「{text}」不是数字。", text)
        return number, text

    def _indicator(self, row: int, index: int) -> IndicatorActual:
        columns = indicator_columns(self.meta.kind, self.meta.period_month)
        refs = {column.field: f"{column.letter}{row}" for column in columns}
        year = self.meta.fiscal_year

        def text(field: Field) -> str | None:
            return self.cells.text(refs[field]) if field in refs else None

        def target(field: Field) -> TargetValue | None:
            raw = self._value_text(refs[field]) if field in refs else None
            return None if raw is None else parse_target(raw, fiscal_year=year)

        actual = column_for(columns, Field.ACTUAL)
        return IndicatorActual(
            indicator_index=index,
            level3=self.sheet.cells.get(refs[Field.LEVEL3]) or "",
            actual=target(Field.ACTUAL),
            projected=target(Field.PROJECTED),
            likelihood=self._choice(refs.get(Field.LIKELIHOOD), Likelihood.from_label),
            deviation_causes=self._causes(refs[Field.CAUSES]),
            deviation_note=text(Field.NOTE),
            improvement=text(Field.IMPROVEMENT),
            remark=text(Field.REMARK),
            achievement=self._choice(refs.get(Field.ACHIEVEMENT), Achievement.from_label),
            claimed_score=self._score(refs),
            location=Location(
                file=self.file,
                table=self.sheet.sheet,
                row=row,
                column=actual.header if actual else None,
            ),
        )

    def _value_text(self, ref: str) -> str | None:
        """A completion value as text, read like a target: a number formatted as a
        percentage (0.95 shown as 95%) comes back as ``95%``."""
        value = self.cells.value(ref)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and "%" in self.cells.formats.get(ref, ""):
            return f"{canonical(Decimal(str(value)) * 100)}%"
        return cell_text(value)

    def _choice(self, ref: str | None, parse: Callable[[str], Any]) -> Any:
        """A value of an enumeration (Likelihood, Achievement) by its Chinese label."""
        text = self.cells.text(ref) if ref else None
        if text is None or text == DASH:
            return None
        found = parse(text)
        if found is None:
            what, labels = (
                ("完成目标可能性", LIKELIHOOD_LABELS)
                if parse == Likelihood.from_label
                else ("达成程度", ACHIEVEMENT_LABELS)
            )
            self._error(ref, f"{what}只能填 {'、'.join(labels)}，不能填「{text}」。", text)
        return found

    def _causes(self, ref: str) -> tuple[DeviationCause, ...]:
        """偏差原因类型: one or several kinds separated by 、 (or ，,；;/ and spaces)."""
        text = self.cells.text(ref)
        if text is None:
            return ()
        found, unknown = [], []
        for part in filter(None, _CAUSE_SPLIT.split(text)):
            cause = DeviationCause.from_label(part)
            if cause is None:
                unknown.append(part)
            elif cause not in found:
                found.append(cause)
        if unknown:
            message = (
                f"偏差原因类型「{'、'.join(unknown)}」不在可选范围内"
                f"（{'、'.join(CAUSE_LABELS)}），多项用顿号“、”分隔。"
            )
            self._error(ref, message, text)
        return tuple(found)

    def _score(self, refs: Mapping[Field, str]) -> Decimal | None:
        """The 得分 the unit claimed (自评表): 0 to the indicator's 分值."""
        if Field.SCORE not in refs:
            return None
        score, raw = self._number(refs[Field.SCORE], "得分")
        if score is None:
            return None
        points = parse_number(self.sheet.cells.get(refs[Field.POINTS], ""))
        if score < 0 or (points is not None and score > points):
            limit = f"0 到分值 {canonical(points)}" if points is not None else "不小于 0"
            self._error(refs[Field.SCORE], f"得分 {raw} 超出范围，应为 {limit}。", raw)
            return None
        return score

    def _error(self, ref: str, message: str, value: str | None) -> None:
        error = CellError(sheet=self.sheet.sheet, cell=ref, message=message, value=value)
        self.errors.append(error)


def cell_text(value: object) -> str | None:
    """A text cell: stripped, ``None`` when blank; numbers as :func:`canonical` prints
    them and dates as ``2024年11月30日`` (so a date entered as a completion value reads
    like a deadline target)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        text = f"{value.year}年{value.month}月{value.day}日"
    elif isinstance(value, int | float) and not isinstance(value, bool):
        text = canonical(value)
    else:
        text = str(value).strip()
    return text or None
