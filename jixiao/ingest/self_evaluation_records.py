"""The cells of a sheet and the 自评表 forms found in them, as printed (no parsing into
the domain model): what :mod:`jixiao.ingest.self_evaluation_form` finds and
:mod:`jixiao.ingest.self_evaluation_model` turns into projects and actuals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.ingest.target import parse_number
from jixiao.model.actuals import FundingSource

__all__ = [
    "NOT_APPLICABLE",
    "GridCell",
    "PrintedFunding",
    "PrintedIndicator",
    "SelfEvaluationForm",
    "SheetGrid",
    "column_letter",
    "is_not_applicable",
]

# Marks a template prints where a cell does not apply (the 分值/得分 of sub-rows).
NOT_APPLICABLE = frozenset({"/", "／", "—", "--", "-", "－", "——", "\\", "无"})


def column_letter(column: int) -> str:
    """``1`` → ``A``, ``27`` → ``AA``."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, slots=True, kw_only=True)
class GridCell:
    """One non-blank cell: 1-based ``row`` and ``column``, the ``text`` as the
    spreadsheet displays it and the ``value`` as stored (str, int, float, date …)."""

    sheet: str
    row: int
    column: int
    text: str
    value: object

    @property
    def ref(self) -> str:
        """``自评表!C9``."""
        return f"{self.sheet}!{column_letter(self.column)}{self.row}"


@dataclass(frozen=True, slots=True)
class SheetGrid:
    """The non-blank cells of one sheet, by position and by row (left to right)."""

    name: str
    cells: Mapping[tuple[int, int], GridCell]
    rows: Mapping[int, tuple[GridCell, ...]]

    @classmethod
    def of(cls, name: str, cells: Iterable[GridCell]) -> SheetGrid:
        """The grid of ``cells``; cells whose text is blank are left out."""
        kept = {(c.row, c.column): c for c in cells if c.text.strip()}
        rows: dict[int, list[GridCell]] = {}
        for cell in kept.values():
            rows.setdefault(cell.row, []).append(cell)
        ordered = {r: tuple(sorted(cs, key=lambda c: c.column)) for r, cs in sorted(rows.items())}
        return cls(name, kept, ordered)

    def at(self, row: int, column: int) -> GridCell | None:
        """The cell at ``row``, ``column``; ``None`` when blank."""
        return self.cells.get((row, column))

    @property
    def last_row(self) -> int:
        """The last row holding anything (0 for an empty sheet)."""
        return max(self.rows, default=0)


@dataclass(frozen=True, slots=True, kw_only=True)
class PrintedFunding:
    """One row of the money block as printed; ``source`` is ``None`` for a row the
    model has no source for (财政专户管理资金, 单位资金) or an unknown label."""

    row: int
    label: str
    source: FundingSource | None
    initial: GridCell | None = None
    adjusted: GridCell | None = None
    spent: GridCell | None = None
    rate: GridCell | None = None
    weight: GridCell | None = None
    score: GridCell | None = None
    reason: GridCell | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PrintedIndicator:
    """One indicator row as printed (texts as displayed, ``""`` when blank).

    ``level1``/``level2`` are filled in from the row above when blank there (a merged
    cell); ``level1_carried``/``level2_carried`` say so. ``nature`` is 指标性质
    (``≥``, ``＝``, ``定性`` …), ``target`` the 年度指标值 or 指标值 cell and ``unit`` the
    度量单位, each as printed (a 10号 form prints the whole target in ``target``).
    """

    row: int
    level1: str
    level2: str
    level3: str
    nature: str = ""
    target: str = ""
    unit: str = ""
    actual: str = ""
    weight: str = ""
    score: str = ""
    reason: str = ""
    improvement: str = ""
    direction: str = ""
    level1_carried: bool = False
    level2_carried: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class SelfEvaluationForm:
    """One 自评表 as printed: where it is, its texts and its cells.

    ``title_row`` is its first row (the title, or 项目名称 when it has none) and
    ``last_row`` its last. ``name_label`` is the 项目名称 label cell and ``project``
    the cell printing the name (code and name together; ``None`` when blank).
    ``money_unit_label`` is ``万元`` or ``元`` as printed in the money block's header,
    else ``None``. ``indicator_columns`` are (field of :class:`PrintedIndicator`,
    column, header as printed), left to right. ``total_weight`` and
    ``total_score`` are the 总分/合计 row's 分值 and 得分 as printed (``""`` blank);
    ``conclusion_total`` the total a 评价结论 states (``项目自评总分100分``).
    ``unplaced`` are the cells of the form nothing above explains.
    """

    sheet: str
    title_row: int
    last_row: int
    title: str
    name_label: GridCell
    project: GridCell | None
    department: str | None = None
    unit_name: str | None = None
    money_unit_label: str | None = None
    funding_header_row: int | None = None
    funding: tuple[PrintedFunding, ...] = ()
    goal: str | None = None
    goal_achieved: str | None = None
    process_summary: str | None = None
    indicator_header_row: int | None = None
    indicator_columns: tuple[tuple[str, int, str], ...] = ()
    indicators: tuple[PrintedIndicator, ...] = ()
    skipped_rows: tuple[int, ...] = ()
    totals_row: int | None = None
    total_weight: str = ""
    total_score: str = ""
    conclusion: str | None = None
    conclusion_total: Decimal | None = None
    problems: str | None = None
    improvement: str | None = None
    grade: str | None = None
    signatures: tuple[str, ...] = ()
    unplaced: tuple[GridCell, ...] = field(default_factory=tuple)

    def funding_row(self, source: FundingSource) -> PrintedFunding | None:
        """The first money row of ``source``."""
        return next((row for row in self.funding if row.source is source), None)

    def indicator_ref(self, indicator: PrintedIndicator, name: str) -> str:
        """``sheet!cell`` of field ``name`` (``"actual"`` …) of ``indicator``'s row."""
        for field_name, column, _ in self.indicator_columns:
            if field_name == name:
                return f"{self.sheet}!{column_letter(column)}{indicator.row}"
        return f"{self.sheet}!{indicator.row}"

    def header(self, name: str) -> str | None:
        """The printed header of indicator field ``name`` (``完成值``), if printed."""
        return next((text for key, _, text in self.indicator_columns if key == name), None)

    @property
    def claimed_scores(self) -> tuple[Decimal, ...]:
        """Every 得分 the unit printed: the 预算执行 得分 of the total row, then each
        indicator's, numbers only (blank and ``/`` left out)."""
        total = self.funding_row(FundingSource.TOTAL)
        texts = [total.score.text if total and total.score else ""]
        texts += [indicator.score for indicator in self.indicators]
        return tuple(n for t in texts if (n := parse_number(t.strip())) is not None)


def is_not_applicable(text: str) -> bool:
    """True for the marks a template prints in cells that do not apply (``/``, ``—``)."""
    return "".join(text.split()) in NOT_APPLICABLE
