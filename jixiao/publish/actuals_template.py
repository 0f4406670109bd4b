"""The workbook a unit fills with its actuals: the 136号 monitoring table or the 10号
自评表 of every project, pre-filled from its disclosure.

The layout (rows, columns, the hidden ``_jixiao`` sheet) lives in
:mod:`jixiao.ingest.actuals_layout`, which :mod:`jixiao.ingest.actuals_xlsx` reads back.
Pre-filled cells (titles, headers, indicator names, targets, 分值) are locked and the
sheets protected without a password, so the layout cannot be changed by accident; the
cells to fill have a light yellow fill, data validation lists for the enumerations of
RULES.md §8–9 and a "decimal ≥ 0" rule for amounts. Every pre-filled value is recorded in
``_jixiao`` with a SHA-256 fingerprint per sheet, so a changed header is found on import.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.evaluate.config import DEFAULT_CONFIG, EvaluationConfig
from jixiao.evaluate.weights import plan_weights
from jixiao.ingest.actuals_layout import (
    ACHIEVEMENT_LABELS,
    AUTHORITY_ROW,
    CAUSE_LABELS,
    CODE_ROW,
    DASH,
    EXECUTION_NOTE_ROW,
    FIRST_INDICATOR_ROW,
    FORMAT_VERSION,
    FUNDING_HEADER_ROW,
    FUNDING_ROWS,
    GOAL_HEADER_ROW,
    GOAL_ROW,
    INDICATOR_HEADER_ROW,
    INSTRUCTIONS_SHEET,
    LIKELIHOOD_LABELS,
    META_SHEET,
    NAME_ROW,
    TITLE_ROW,
    UNIT_ROW,
    Field,
    SheetMeta,
    TemplateMeta,
    fingerprint,
    funding_block_label,
    funding_columns,
    indicator_columns,
    meta_rows,
    period_label,
    project_sheet_name,
    sheet_title,
)
from jixiao.model import Disclosure, MoneyUnit, Project, TargetKind
from jixiao.model.actuals import ActualsKind, FundingSource
from jixiao.publish.actuals_form import Form, append_text_rows, estimate_height, protect
from jixiao.publish.actuals_instructions import write_instructions

WIDTHS = {"A": 10, "B": 12, "C": 24, "D": 16, "E": 16, "F": 14, "G": 12, "H": 14}
WIDTHS |= {"I": 22, "J": 22, "K": 16}
"""Column widths (characters) of a project sheet: landscape A4 at fit-to-width."""

MONEY_FORMAT = "#,##0.00####"
POINTS_FORMAT = "0.00"
RATE_FORMAT = "0.00%"


def write_template(
    disclosure: Disclosure,
    kind: ActualsKind,
    path: Path,
    *,
    period_month: int,
    config: EvaluationConfig = DEFAULT_CONFIG,
) -> Path:
    """Write the template of ``disclosure``'s unit for ``kind`` to ``path`` (.xlsx).

    ``period_month`` is the month whose end the monitoring runs to (1–12; 136号 practice
    is 7); a self-evaluation (10号) is for the whole year and must give 12. The 分值 of a
    自评表 come from :func:`jixiao.evaluate.weights.plan_weights` under ``config``.
    Raises ``ValueError`` (Chinese message) for a period out of range.
    """
    if not 1 <= period_month <= 12:
        raise ValueError(f"填报期间应为 1—12 月，实为 {period_month}。")
    if kind is ActualsKind.SELF_EVALUATION and period_month != 12:
        raise ValueError(f"绩效自评按全年填报，期间应为 12 月，实为 {period_month}。")
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    workbook = Workbook()
    instructions = workbook.active
    instructions.title = INSTRUCTIONS_SHEET
    sheets: list[SheetMeta] = []
    for project in disclosure.projects:
        name = project_sheet_name(project.seq, (s.sheet for s in sheets))
        ws = workbook.create_sheet(name)
        sheets.append(_project_sheet(ws, disclosure, project, kind, period_month, config))
    write_instructions(instructions, disclosure, kind, period_month, sheets, config)
    meta = TemplateMeta(
        format_version=FORMAT_VERSION,
        kind=kind,
        unit_code=disclosure.unit_code,
        unit_name=disclosure.unit_name,
        fiscal_year=disclosure.fiscal_year,
        period_month=period_month,
        disclosure_sha256=disclosure.source.sha256,
        generated_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        sheets=tuple(sheets),
    )
    hidden = workbook.create_sheet(META_SHEET)
    append_text_rows(hidden, meta_rows(meta))
    hidden.sheet_state = "veryHidden"
    workbook.active = 0
    # No sheet may be added, copied, renamed or deleted by accident (no password).
    workbook.security = WorkbookProtection(lockStructure=True)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _project_sheet(
    ws: Any,
    disclosure: Disclosure,
    project: Project,
    kind: ActualsKind,
    period: int,
    config: EvaluationConfig,
) -> SheetMeta:
    """Fill one project's sheet and return what ``_jixiao`` records of it."""
    unit = project.money_unit or disclosure.money_unit or MoneyUnit.WAN_YUAN
    form = Form(ws)
    title = sheet_title(kind, disclosure.fiscal_year, period)
    form.put(f"A{TITLE_ROW}", title, to=f"K{TITLE_ROW}", role="title")
    form.put(f"A{UNIT_ROW}", f"项目序号：{project.seq}", to=f"H{UNIT_ROW}", role="hint")
    form.put(f"I{UNIT_ROW}", f"单位：{unit.label}", to=f"K{UNIT_ROW}", role="number")
    form.put(f"A{NAME_ROW}", "项目名称", role="label")
    form.put(f"B{NAME_ROW}", project.project_name, to=f"K{NAME_ROW}")
    form.put(f"A{AUTHORITY_ROW}", "主管部门", role="label")
    form.put(f"B{AUTHORITY_ROW}", disclosure.unit_name, to=f"E{AUTHORITY_ROW}")
    form.put(f"F{AUTHORITY_ROW}", "实施单位", role="label")
    form.put(f"G{AUTHORITY_ROW}", disclosure.unit_name, to=f"K{AUTHORITY_ROW}")
    form.put(f"A{CODE_ROW}", "项目编码", role="label")
    form.put(
        f"B{CODE_ROW}", project.project_code, to=f"E{CODE_ROW}", entry=not project.project_code
    )
    form.put(f"F{CODE_ROW}", "填报期间", role="label")
    year_period = f"{disclosure.fiscal_year}年{period_label(kind, period)}"
    form.put(f"G{CODE_ROW}", year_period, to=f"K{CODE_ROW}")
    points, weights = None, {}
    if kind is ActualsKind.SELF_EVALUATION:
        plan = plan_weights(project, None, config, unit_code=disclosure.unit_code)
        points, weights = plan.execution_weight, dict(plan.weights)
    _funding_block(form, project, kind, period, unit, points)
    _goal_block(form, project, kind, period)
    _indicator_table(form, project, kind, period, weights)
    if points is not None:
        _total_row(form, len(project.indicators), points + sum(weights.values(), Decimal(0)))
    _finish_sheet(form, kind, len(project.indicators))
    return SheetMeta(
        sheet=ws.title,
        project_seq=project.seq,
        project_name=project.project_name,
        project_code=project.project_code,
        money_unit=unit,
        indicator_rows=tuple(
            (FIRST_INDICATOR_ROW + i, indicator.index)
            for i, indicator in enumerate(project.indicators)
        ),
        cells=dict(form.cells),
        fingerprint=fingerprint(form.cells),
    )


def _funding_block(
    form: Form,
    project: Project,
    kind: ActualsKind,
    period: int,
    unit: MoneyUnit,
    points: Decimal | None,
) -> None:
    """Rows 6–11: amounts by source and the reason for any execution deviation;
    ``points`` is the 自评表's 分值 of 预算执行率 (``None`` when monitoring)."""
    top, note = FUNDING_HEADER_ROW, EXECUTION_NOTE_ROW
    form.put(f"A{top}", funding_block_label(kind), to=f"A{note}", role="header")
    form.put(f"B{top}", "资金来源", to=f"C{top}", role="header")
    columns = funding_columns(kind, period)
    for column in columns:
        form.put(f"{column.letter}{top}", column.header, role="header")
    hint_from = chr(ord(columns[-1].letter) + 1)
    hint = (
        f"金额单位：{unit.label}。执行率 = 执行数 ÷ 全年预算数（未填全年预算数时按年初预算数），"
        "自动计算，不必填写。"
    )
    form.put(f"{hint_from}{top}", hint, to=f"K{note - 1}", role="hint")
    known = {
        FundingSource.TOTAL: project.budget_total,
        FundingSource.FISCAL: project.budget_fiscal,
        FundingSource.OTHER: project.budget_other,
    }
    by_field = {column.field: column.letter for column in columns}
    for source, row in FUNDING_ROWS.items():
        form.put(f"B{row}", source.label, to=f"C{row}", role="label")
        initial = known.get(source)
        amount = None
        if initial is not None:
            amount = initial.value if initial.unit is None else initial.in_unit(unit)
        for column in columns:
            ref = f"{column.letter}{row}"
            if column.field is Field.BUDGET_INITIAL and amount is not None:
                form.put(ref, amount, role="number", number_format=MONEY_FORMAT)
            elif column.entry:
                form.put(ref, role="number", entry=True, number_format=MONEY_FORMAT, check="money")
            elif kind is ActualsKind.SELF_EVALUATION and source is not FundingSource.TOTAL:
                form.put(ref, DASH, role="label")  # 10号: 分值/执行率/得分 only on the total row
            elif column.field is Field.POINTS:
                form.put(ref, points, role="number", number_format=POINTS_FORMAT)
            elif column.field is Field.RATE:
                b, a, s = (
                    by_field[Field.BUDGET_INITIAL],
                    by_field[Field.BUDGET_ADJUSTED],
                    by_field[Field.SPENT],
                )
                rate = (
                    f'=IF(N({a}{row})>0,{s}{row}/{a}{row},IF(N({b}{row})>0,{s}{row}/{b}{row},""))'
                )
                form.put(ref, rate, role="formula", number_format=RATE_FORMAT)
            elif column.field is Field.SCORE:
                r, p = by_field[Field.RATE], by_field[Field.POINTS]
                form.put(ref, f'=IF({r}{row}="","",MIN({r}{row},1)*{p}{row})', role="formula",
                         number_format=POINTS_FORMAT)  # fmt: skip
    form.put(f"B{note}", "预算执行偏差原因", to=f"C{note}", role="label")
    form.put(f"D{note}", to=f"K{note}", entry=True)


def _goal_block(form: Form, project: Project, kind: ActualsKind, period: int) -> None:
    """Rows 12–13: 年度总体目标, 预期目标 (pre-filled) and 实际完成情况 (to fill)."""
    head, row = GOAL_HEADER_ROW, GOAL_ROW
    achieved = "实际完成情况"
    if kind is ActualsKind.MONITORING:
        achieved = f"{period_label(kind, period)}实际完成情况"
    form.put(f"A{head}", "年度总体目标", to=f"A{row}", role="header")
    form.put(f"B{head}", "预期目标", to=f"F{head}", role="header")
    form.put(f"G{head}", achieved, to=f"K{head}", role="header")
    goals = "\n".join(project.goals) if project.goals else (project.purpose or "")
    form.put(f"B{row}", goals, to=f"F{row}")
    form.put(f"G{row}", to=f"K{row}", entry=True)
    form.ws.row_dimensions[row].height = min(90, max(30, estimate_height(goals, 70)))


def _indicator_table(
    form: Form,
    project: Project,
    kind: ActualsKind,
    period: int,
    weights: dict[int, Decimal],
) -> None:
    """Row 14 (header) and one row per indicator from row 15, with their 分值 (自评表)."""
    columns = indicator_columns(kind, period)
    for column in columns:
        form.put(f"{column.letter}{INDICATOR_HEADER_ROW}", column.header, role="header")
    checks = {
        Field.LIKELIHOOD: "likelihood",
        Field.CAUSES: "causes",
        Field.ACHIEVEMENT: "achievement",
        Field.SCORE: "points",
    }
    for offset, indicator in enumerate(project.indicators):
        row = FIRST_INDICATOR_ROW + offset
        qualitative = indicator.target.kind in (TargetKind.QUALITATIVE, TargetKind.UNPARSED)
        for column in columns:
            ref = f"{column.letter}{row}"
            if column.field is Field.LEVEL1:
                form.put(ref, indicator.level1.raw)
            elif column.field is Field.LEVEL2:
                form.put(ref, indicator.level2.raw)
            elif column.field is Field.LEVEL3:
                form.put(ref, indicator.level3)
            elif column.field is Field.TARGET:
                form.put(ref, indicator.target.raw)
            elif column.field is Field.POINTS:
                form.put(
                    ref, weights.get(indicator.index), role="number", number_format=POINTS_FORMAT
                )
            elif column.field is Field.ACHIEVEMENT and not qualitative:
                form.put(ref, DASH, role="label")  # bands are for qualitative indicators
            else:
                number = column.field is Field.SCORE
                form.put(ref, role="number" if number else "text", entry=True,
                         number_format=POINTS_FORMAT if number else None,
                         check=checks.get(column.field))  # fmt: skip
        texts = (indicator.level3, indicator.target.raw, indicator.level2.raw)
        form.ws.row_dimensions[row].height = max(
            estimate_height(text, width) for text, width in zip(texts, (24, 16, 12), strict=True)
        )
    _merge_levels(form, project)


def _merge_levels(form: Form, project: Project) -> None:
    """Merge runs of equal 一级 (column A) and equal 一级+二级 (column B) names, as the
    printed forms do; only the first cell of a run keeps its value."""
    for letter, key in (
        ("A", lambda i: i.level1.raw),
        ("B", lambda i: (i.level1.raw, i.level2.raw)),
    ):
        start = 0
        rows = project.indicators
        for end in range(1, len(rows) + 1):
            if end < len(rows) and key(rows[end]) == key(rows[start]):
                continue
            first, last = FIRST_INDICATOR_ROW + start, FIRST_INDICATOR_ROW + end - 1
            if last > first:
                form.merge(f"{letter}{first}", f"{letter}{last}")
            start = end


def _total_row(form: Form, count: int, total_points: Decimal) -> None:
    """The 自评表's 总分 row under the indicators: total 分值 and the summed 得分."""
    row = FIRST_INDICATOR_ROW + count
    form.put(f"A{row}", "总分", to=f"F{row}", role="header")
    form.put(f"G{row}", total_points, role="number", number_format=POINTS_FORMAT)
    scores = f"H{FIRST_INDICATOR_ROW}:H{row - 1}," if count else ""
    execution = f"I{FUNDING_ROWS[FundingSource.TOTAL]}"
    formula = f'=IF(COUNT({scores}{execution})=0,"",SUM({scores}{execution}))'
    form.put(f"H{row}", formula, role="formula", number_format=POINTS_FORMAT)
    form.put(f"I{row}", None, to=f"K{row}")


def _finish_sheet(form: Form, kind: ActualsKind, count: int) -> None:
    """Validations, widths, frozen header, print setup and protection."""
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = form.ws
    lists = {
        "likelihood": (LIKELIHOOD_LABELS, "stop", "只能选：" + "、".join(LIKELIHOOD_LABELS)),
        "causes": (
            CAUSE_LABELS,
            "warning",  # several kinds may be given, separated by 、
            f"可选：{'、'.join(CAUSE_LABELS)}；多项用顿号“、”分隔。",
        ),
        "achievement": (ACHIEVEMENT_LABELS, "stop", "只能选：" + "、".join(ACHIEVEMENT_LABELS)),
    }
    numbers = {
        "money": "请填写不小于 0 的金额（单位见表右上角）。",
        "points": "请填写不小于 0、不超过该指标分值的得分。",
    }
    for name, refs in form.validations.items():
        if name in lists:
            choices, style, message = lists[name]
            formula = '"' + ",".join(choices) + '"'
            rule = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle=style)
        else:
            message = numbers[name]
            rule = DataValidation(
                type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True
            )
        rule.error, rule.errorTitle, rule.showErrorMessage = message, "填写有误", True
        rule.prompt, rule.showInputMessage = message, True
        for ref in refs:
            rule.add(ref)
        ws.add_data_validation(rule)
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.row_dimensions[TITLE_ROW].height = 32
    ws.row_dimensions[INDICATOR_HEADER_ROW].height = 30
    ws.freeze_panes = f"A{FIRST_INDICATOR_ROW}"
    ws.print_title_rows = f"{INDICATOR_HEADER_ROW}:{INDICATOR_HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    last = FIRST_INDICATOR_ROW + count - (0 if kind is ActualsKind.SELF_EVALUATION else 1)
    ws.print_area = f"A1:K{max(last, INDICATOR_HEADER_ROW)}"
    protect(ws)
