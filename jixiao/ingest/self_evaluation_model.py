"""Turn 自评表 forms read as printed (:mod:`jixiao.ingest.self_evaluation_form`) into
the domain model: one :class:`~jixiao.model.Project` and one
:class:`~jixiao.model.actuals.ProjectActuals` per form, in one
:class:`~jixiao.model.Disclosure` and one :class:`~jixiao.model.actuals.ActualsReport`,
plus the reader's notes. The rules (unit code placeholder, split target columns,
budgets) are in :mod:`jixiao.ingest.self_evaluation_xlsx`'s docstring.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from jixiao.ingest.errors import IngestError
from jixiao.ingest.self_evaluation_form import fiscal_year_of, label_of
from jixiao.ingest.self_evaluation_records import (
    GridCell,
    PrintedFunding,
    PrintedIndicator,
    SelfEvaluationForm,
    is_not_applicable,
)
from jixiao.ingest.target import parse_number, parse_target
from jixiao.model import (
    Disclosure,
    Finding,
    Indicator,
    Layout,
    LevelName,
    Location,
    Money,
    MoneyUnit,
    Project,
    Severity,
    Source,
    TargetKind,
    TargetValue,
    YearEvidence,
    normalise_level1,
    normalise_level2,
)
from jixiao.model.actuals import (
    Achievement,
    ActualsKind,
    ActualsReport,
    FundingActual,
    FundingSource,
    IndicatorActual,
    ProjectActuals,
)

__all__ = ["build_model", "note"]

_CODE_NAME = re.compile(r"^\s*([0-9A-Za-z]{6,})\s*[-－—_]\s*(.+?)\s*$", re.DOTALL)
_QUALITATIVE_NATURE = "定性"
_MONEY_UNITS = {"万元": MoneyUnit.WAN_YUAN, "元": MoneyUnit.YUAN}


@dataclass(slots=True)
class _Builder:
    path: str
    fiscal_year: int
    notes: list[Finding]

    def location(self, form: SelfEvaluationForm, row: int, column: str | None = None) -> Location:
        return Location(file=self.path, table=form.sheet, row=row, column=column)

    def number(
        self, form: SelfEvaluationForm, printed: PrintedIndicator, field: str, what: str
    ) -> Decimal | None:
        """The number in field ``field`` (``weight``, ``score``) of an indicator row;
        blank and ``/`` give ``None``, other text ``None`` and a note."""
        text = getattr(printed, field).strip()
        if not text or is_not_applicable(text):
            return None
        number = parse_number(text)
        if number is None:
            self.notes.append(
                note(
                    "not-a-number",
                    Severity.WARNING,
                    f"{form.indicator_ref(printed, field)}：{what}“{text}”不是数字，按空白处理。",
                    location=self.location(form, printed.row, form.header(field)),
                    quote=text,
                )
            )
        return number

    def money(
        self, cell: GridCell | None, unit: MoneyUnit | None, form: SelfEvaluationForm, what: str
    ) -> Money | None:
        """An amount: the stored number (exact), raw as displayed; ``None`` when blank."""
        if cell is None:
            return None
        value = cell.value
        if isinstance(value, bool):
            number = None
        elif isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, int | Decimal):
            number = Decimal(value)
        else:
            number = parse_number(cell.text.strip())
        if number is None and not is_not_applicable(cell.text):
            self.notes.append(
                note(
                    "not-a-number",
                    Severity.WARNING,
                    f"{cell.ref}：{what}“{cell.text}”不是金额，按空白处理。",
                    location=self.location(form, cell.row, what),
                    quote=cell.text,
                )
            )
        return Money(
            raw=cell.text, value=number, unit=unit, location=self.location(form, cell.row, what)
        )

    def target(self, printed: PrintedIndicator) -> TargetValue:
        """The 年度指标值 (see the module docstring for the split columns)."""
        nature, value, unit = printed.nature.strip(), printed.target.strip(), printed.unit.strip()
        text = value
        compact_unit = "".join(unit.split())
        qualitative = label_of(nature) == _QUALITATIVE_NATURE
        if compact_unit and not qualitative and not "".join(value.split()).endswith(compact_unit):
            text += unit
        if nature and _is_operator(nature):
            text = nature + text
        parsed = parse_target(text, fiscal_year=self.fiscal_year)
        if parsed.kind is TargetKind.QUANTITATIVE and compact_unit and parsed.unit != compact_unit:
            after = (parsed.unit or "") + (parsed.wording or "")
            if after.startswith(compact_unit):
                parsed = replace(
                    parsed, unit=compact_unit, wording=after[len(compact_unit) :] or None
                )
        return parsed

    def project(self, form: SelfEvaluationForm, seq: int) -> tuple[Project, ProjectActuals]:
        assert form.project is not None
        code, name = _code_and_name(form.project.text)
        unit = _MONEY_UNITS.get(form.money_unit_label or "")
        amounts = {row.row: self.amounts(form, row, unit) for row in form.funding}
        first_of = {row.source: row for row in reversed(form.funding) if row.source is not None}
        funding = tuple(
            FundingActual(
                source=row.source,
                budget_initial=amounts[row.row][0],
                budget_adjusted=amounts[row.row][1],
                spent=amounts[row.row][2],
                location=self.location(form, row.row, row.label),
            )
            for row in form.funding
            if row.source is not None and first_of[row.source] is row
            if any(a is not None and a.value is not None for a in amounts[row.row])
        )

        def budget(source: FundingSource) -> Money | None:
            """The 全年预算数 (else 年初预算数) of the first row of ``source``."""
            row = first_of.get(source)
            if row is None:
                return None
            initial, adjusted, _ = amounts[row.row]
            return adjusted or initial

        indicators, actuals = [], []
        header3, header_actual = form.header("level3"), form.header("actual")
        for index, printed in enumerate(form.indicators, start=1):
            weight = self.number(form, printed, "weight", "分值")
            score = self.number(form, printed, "score", "得分")
            level3 = printed.level3.strip()
            indicators.append(
                Indicator(
                    index=index,
                    level1=LevelName(
                        raw=printed.level1,
                        normalised=normalise_level1(printed.level1),
                        carried=printed.level1_carried,
                    ),
                    level2=LevelName(
                        raw=printed.level2,
                        normalised=normalise_level2(printed.level2),
                        carried=printed.level2_carried,
                    ),
                    level3=level3,
                    description=None,
                    target=self.target(printed),
                    basis=None,
                    weight=weight,
                    direction=printed.direction.strip() or None,
                    location=self.location(form, printed.row, header3),
                )
            )
            raw_actual = printed.actual
            actuals.append(
                IndicatorActual(
                    indicator_index=index,
                    level3=level3,
                    actual=(
                        parse_target(raw_actual, fiscal_year=self.fiscal_year)
                        if raw_actual.strip()
                        else None
                    ),
                    deviation_note=printed.reason if printed.reason.strip() else None,
                    improvement=printed.improvement if printed.improvement.strip() else None,
                    achievement=Achievement.from_label(raw_actual) if raw_actual.strip() else None,
                    weight=weight,
                    claimed_score=score,
                    location=self.location(form, printed.row, header_actual),
                )
            )
        reasons = [
            row.reason.text for row in form.funding if row.reason and row.reason.text.strip()
        ]
        location = self.location(form, form.title_row)
        project = Project(
            seq=seq,
            title=form.title,
            project_name=name,
            project_code=code,
            money_unit=unit,
            budget_total=budget(FundingSource.TOTAL),
            budget_fiscal=budget(FundingSource.FISCAL),
            budget_other=budget(FundingSource.OTHER),
            purpose=None,
            spending_plan=(),
            goals=(form.goal,) if form.goal else (),
            indicators=tuple(indicators),
            unit_code=None,
            unit_name=form.unit_name,
            location=location,
        )
        project_actuals = ProjectActuals(
            project_seq=seq,
            project_name=name,
            money_unit=unit,
            funding=funding,
            indicators=tuple(actuals),
            project_code=code,
            goal_achieved=form.goal_achieved,
            execution_note="\n".join(reasons) or None,
            location=location,
        )
        return project, project_actuals

    def amounts(
        self, form: SelfEvaluationForm, row: PrintedFunding, unit: MoneyUnit | None
    ) -> tuple[Money | None, Money | None, Money | None]:
        """(年初预算数, 全年预算数, 执行数) of a money row, each ``None`` when blank."""
        return (
            self.money(row.initial, unit, form, "年初预算数"),
            self.money(row.adjusted, unit, form, "全年预算数"),
            self.money(row.spent, unit, form, "执行数"),
        )


def build_model(
    data: bytes, path: str, forms: list[SelfEvaluationForm], notes: list[Finding]
) -> tuple[Disclosure, ActualsReport]:
    """The disclosure (projects, targets, notes) and the self-evaluation report of the
    ``forms`` read from the file ``data`` named ``path`` (see
    :mod:`jixiao.ingest.self_evaluation_xlsx` for what goes where); ``notes`` are the
    notes met so far, extended with the forms' own.

    Raises :class:`IngestError` for a form whose 项目名称 is blank and for forms whose
    titles print no year.
    """
    for seq, form in enumerate(forms, start=1):
        if form.project is None or not form.project.text.strip():
            raise IngestError(
                f"{form.name_label.ref}：第 {seq} 张自评表的“项目名称”为空。", path=path
            )
    years = Counter(y for form in forms if (y := fiscal_year_of(form.title)) is not None)
    if not years:
        first = forms[0]
        raise IngestError(
            f"{first.sheet}!A{first.title_row}：自评表标题中没有年度（如“（2023年度）”），"
            "无法确定自评年度。",
            path=path,
        )
    fiscal_year = years.most_common(1)[0][0]
    if len(years) > 1:
        others = "、".join(str(y) for y in sorted(years) if y != fiscal_year)
        notes.append(
            note(
                "year-differs",
                Severity.WARNING,
                f"自评表标题的年度不一致：多数为 {fiscal_year} 年，另有 {others} 年；"
                f"按 {fiscal_year} 年读取。",
            )
        )
    builder = _Builder(path=path, fiscal_year=fiscal_year, notes=notes)
    projects, reports = [], []
    for seq, form in enumerate(forms, start=1):
        project, actuals = builder.project(form, seq)
        projects.append(project)
        reports.append(actuals)
        notes.extend(_form_notes(form, project, path))
    departments = Counter(f.department for f in forms if f.department)
    units = Counter(f.unit_name for f in forms if f.unit_name)
    owner = (departments or units or Counter({Path(path).stem: 1})).most_common(1)[0][0]
    notes.extend(_unit_notes(owner, units, forms))
    money_units = Counter(p.money_unit for p in projects if p.money_unit is not None)
    disclosure = Disclosure(
        unit_code=owner,
        unit_name=owner,
        fiscal_year=fiscal_year,
        fiscal_year_evidence=YearEvidence.PRINTED,
        money_unit=money_units.most_common(1)[0][0] if money_units else None,
        # Layout has no spreadsheet member; binary formats are recorded as WORD_EXPORT,
        # as jixiao.ingest.reader does for the .xlsx it converts.
        source=Source(
            path=path,
            sha256=hashlib.sha256(data).hexdigest(),
            layout=Layout.WORD_EXPORT,
            encoding="utf-8",
            size_bytes=len(data),
        ),
        budget_tables=(),
        department_goals=None,
        projects=tuple(projects),
        notes=tuple(notes),
    )
    report = ActualsReport(
        unit_code=owner,
        unit_name=owner,
        fiscal_year=fiscal_year,
        kind=ActualsKind.SELF_EVALUATION,
        period_month=12,
        projects=tuple(reports),
        source_path=path,
        sha256=disclosure.source.sha256,
    )
    return disclosure, report


def _unit_notes(owner: str, units: Counter[str], forms: list[SelfEvaluationForm]) -> list[Finding]:
    notes = [
        note(
            "unit-code",
            Severity.INFO,
            f"自评表未印单位编码，以“{owner}”同时作为单位编码和单位名称（占位）；"
            "各项目的实施单位见项目的单位名称。",
            fields=(("unit_code", owner),),
        )
    ]
    if len(units) > 1:
        listed = "、".join(f"{name}（{count} 张）" for name, count in units.most_common())
        notes.append(
            note(
                "units",
                Severity.INFO,
                f"工作簿含 {len(units)} 个实施单位的 {len(forms)} 张自评表：{listed}。",
            )
        )
    unmapped = Counter(row.label for f in forms for row in f.funding if row.source is None)
    if unmapped:
        listed = "、".join(f"“{label}”（{count} 行）" for label, count in unmapped.items())
        notes.append(
            note(
                "funding-source",
                Severity.INFO,
                f"资金来源{listed}在模型中没有对应的来源，只保留在原表记录中，不参与计分。",
            )
        )
    return notes


def _form_notes(form: SelfEvaluationForm, project: Project, path: str) -> Iterable[Finding]:
    where = f"{form.sheet}!A{form.title_row}"
    location = Location(file=path, table=form.sheet, row=form.title_row)
    about = {"project_seq": project.seq, "project_title": project.project_name}
    if form.funding_header_row is None:
        yield note(
            "no-funding",
            Severity.WARNING,
            f"{where}：项目“{project.project_name}”的自评表没有预算执行（项目资金）表头，"
            "执行数未读取。",
            location=location,
            **about,
        )
    if form.funding_header_row is not None and form.money_unit_label is None:
        yield note(
            "no-money-unit",
            Severity.WARNING,
            f"{form.sheet}!A{form.funding_header_row}：项目“{project.project_name}”的预算执行表头"
            "未印金额单位（万元/元），金额单位未知。",
            location=location.at(row=form.funding_header_row),
            **about,
        )
    if form.indicator_header_row is None:
        yield note(
            "no-indicator-header",
            Severity.WARNING,
            f"{where}：项目“{project.project_name}”的自评表没有绩效指标表头"
            "（一级指标/二级指标/三级指标），按无指标读取。",
            location=location,
            **about,
        )
    elif not form.indicators:
        yield note(
            "no-indicators",
            Severity.WARNING,
            f"{form.sheet}!A{form.indicator_header_row}：项目“{project.project_name}”的自评表"
            "没有绩效指标行（表头下为空行），项目照常保留，指标部分无从计分。",
            location=location.at(row=form.indicator_header_row),
            **about,
        )
    if form.skipped_rows:
        rows = "、".join(str(r) for r in form.skipped_rows)
        yield note(
            "level-only-rows",
            Severity.INFO,
            f"{form.sheet} 第 {rows} 行只印了一级/二级指标名称，没有三级指标和指标值，"
            "不作为指标读取。",
            location=location.at(row=form.skipped_rows[0]),
            **about,
        )
    yield from _total_notes(form, project, location, about)
    if form.unplaced:
        refs = "、".join(f"{c.ref}“{c.text.strip()[:20]}”" for c in form.unplaced[:5])
        yield note(
            "unplaced",
            Severity.INFO,
            f"项目“{project.project_name}”的自评表中有 {len(form.unplaced)} 个单元格未识别，"
            f"原样保留：{refs}",
            location=location,
            **about,
        )


def _total_notes(
    form: SelfEvaluationForm, project: Project, location: Location, about: dict
) -> Iterable[Finding]:
    """A printed 总分/合计 that is not the sum of the rows above it (分值 or 得分)."""
    if form.totals_row is None:
        return
    total_row = form.funding_row(FundingSource.TOTAL)
    for what, printed, texts in (
        ("分值", form.total_weight, [i.weight for i in form.indicators]),
        ("得分", form.total_score, [i.score for i in form.indicators]),
    ):
        total = parse_number(printed.strip())
        cell = total_row and (total_row.weight if what == "分值" else total_row.score)
        texts = [cell.text if cell else "", *texts]
        numbers = [n for t in texts if (n := parse_number(t.strip())) is not None]
        if total is None or not numbers or sum(numbers) == total:
            continue
        yield note(
            "total-differs",
            Severity.WARNING,
            f"{form.sheet} 第 {form.totals_row} 行：项目“{project.project_name}”合计{what}印为 "
            f"{printed.strip()}，而预算执行和各指标的{what}相加为 {sum(numbers)}。",
            location=location.at(row=form.totals_row),
            fields=(("printed", printed.strip()), ("sum", str(sum(numbers)))),
            **about,
        )


def _is_operator(nature: str) -> bool:
    """True when a 指标性质 cell is a comparison (≥, ＝, 不低于 …) rather than 定性/定量:
    asked of the target parser, which knows every operator form."""
    parsed = parse_target(nature.strip() + "1")
    return (
        parsed.kind is TargetKind.QUANTITATIVE
        and parsed.operator is not None
        and not parsed.wording
    )


def _code_and_name(text: str) -> tuple[str | None, str]:
    """``51192321R000000028221-工资性支出（行政）`` → (code, name); (None, text) when the
    name carries no code."""
    match = _CODE_NAME.match(text)
    if match:
        return match.group(1), match.group(2)
    return None, text.strip()


def note(
    rule: str,
    severity: Severity,
    message: str,
    *,
    location: Location | None = None,
    quote: str | None = None,
    fields: tuple[tuple[str, str], ...] = (),
    project_seq: int | None = None,
    project_title: str | None = None,
) -> Finding:
    """A reader's note: rule ``ingest-self-evaluation-RULE``, family ``ingest``."""
    return Finding(
        rule=f"ingest-self-evaluation-{rule}",
        severity=severity,
        message=message,
        location=location,
        quote=quote,
        fields=fields,
        family="ingest",
        project_seq=project_seq,
        project_title=project_title,
    )
