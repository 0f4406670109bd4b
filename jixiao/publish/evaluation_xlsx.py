"""The self-evaluation report as a workbook (绩效自评, 财预〔2020〕10号; RULES.md §9).

- **汇总**: the unit (number of projects, mean total, projects per grade), then one
  row per project (预算执行率 and its points, points per 一级, 总分, 等级, a link to
  its sheet). Header frozen, autofilter over the project rows.
- **one sheet per project**: the 项目支出绩效自评表 as the 10号 form lays it out
  (columns A–I): 项目名称, 主管部门 / 实施单位; the 项目资金 block (年度资金总额,
  财政拨款, 上年结转, 其他资金 × 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
  得分, 分值 and 得分 on the total row only); 年度总体目标 (预期目标 | 实际完成情况);
  the indicators (一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 |
  偏差原因分析及改进措施, 一级 and 二级 merged over their rows); 总分 and 自评等级.
  Column J, outside the printed form, says how each score was reached.
- **问题**: every finding.

The result carries no 主管部门 or 实施单位 of its own: both print the unit's name.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.evaluate.results import EvaluationResult, ProjectScore
from jixiao.model import Grade, Level1
from jixiao.publish.evaluate_records import (
    LEVEL1_LABELS,
    all_findings,
    analysis_text,
    findings_of_project,
    funding_rows,
    level_spans,
    money_unit_label,
)
from jixiao.publish.report_sheets import (
    FINDINGS_SHEET,
    MONEY_FORMAT,
    POINTS_FORMAT,
    RATE_FORMAT,
    findings_sheet,
    header,
    merge,
    print_setup,
    put,
    sheet_name,
    title,
    widths,
)

SUMMARY_SHEET = "汇总"
SUMMARY_HEADER_ROW = 6
"""Row of the project table's header on 汇总; projects follow from the next row."""

FORM_WIDTHS = (11, 11, 13, 22, 14, 14, 9, 9, 30, 40)
FORM_TITLE = "项目支出绩效自评表"
FUNDING_FIRST_ROW = 5
"""Row of the 项目资金 header on a project sheet; the four sources follow."""
GOAL_ROW = 10
INDICATOR_HEADER_ROW = 12
INDICATOR_COLUMNS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)

GRADE_FILLS = {
    Grade.EXCELLENT: ("C6EFCE", "006100"),
    Grade.GOOD: ("DDEBF7", "1F4E79"),
    Grade.FAIR: ("FFEB9C", "9C5700"),
    Grade.POOR: ("FFC7CE", "9C0006"),
}


def summary_levels(result: EvaluationResult) -> list[Level1]:
    """The 一级 with points in any project, in :class:`Level1` order: the 汇总 columns."""
    present = {level for p in result.projects for level, _ in p.level_scores}
    return [level for level in Level1 if level in present]


def project_sheet_names(result: EvaluationResult) -> list[str]:
    """Each project's sheet name, ``序号 项目名称`` cut to 31 characters, unique."""
    used = {SUMMARY_SHEET.casefold(), FINDINGS_SHEET.casefold()}
    return [sheet_name(f"{p.project_seq} {p.project_name}", used) for p in result.projects]


def write_evaluation_xlsx(result: EvaluationResult, path: Path) -> Path:
    """Write the workbook (汇总, one 自评表 per project, 问题) to ``path`` and return it."""
    # Imported here: openpyxl takes ~0.15 s to import and only this report needs it.
    from openpyxl import Workbook

    workbook = Workbook()
    names = project_sheet_names(result)
    _summary(workbook.active, result, names)
    for project, name in zip(result.projects, names, strict=True):
        project_form(workbook.create_sheet(name), project, result)
    findings_sheet(workbook.create_sheet(FINDINGS_SHEET), all_findings(result))
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _put_grade(ws: Any, row: int, column: int, grade: Grade) -> None:
    from openpyxl.styles import Font, PatternFill

    cell = put(ws, row, column, grade.label, centre=True)
    fill, font = GRADE_FILLS[grade]
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(color=font, bold=True)


def _summary(ws: Any, result: EvaluationResult, names: list[str]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    ws.title = SUMMARY_SHEET
    levels = summary_levels(result)
    columns = [
        ("序号", 6),
        ("项目名称", 30),
        ("项目编码", 14),
        ("预算执行率", 11),
        ("预算执行率得分", 10),
        *((f"{LEVEL1_LABELS[level]}得分", 10) for level in levels),
        ("总分", 9),
        ("等级", 7),
        ("问题数", 8),
        ("工作表", 24),
    ]
    count = len(columns)
    widths(ws, [w for _, w in columns])
    title(ws, 1, f"{result.unit_name}{result.fiscal_year}年度项目支出绩效自评汇总", count)
    put(ws, 2, 1, f"单位：{result.unit_name}（{result.unit_code}）　预算年度：{result.fiscal_year}")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=count)

    put(ws, 3, 1, "单位汇总", bold=True, centre=True)
    merge(ws, 3, 1, 4, 3)
    header(ws, 3, ["项目数", "平均分", *(g.label for g in Grade)], first_column=4)
    counts = result.grade_counts()
    put(ws, 4, 4, len(result.projects), bold=True)
    put(ws, 4, 5, result.mean_total, number_format=POINTS_FORMAT, bold=True)
    for i, grade in enumerate(Grade, start=6):
        put(ws, 4, i, counts[grade], bold=True)

    findings = all_findings(result)
    header(ws, SUMMARY_HEADER_ROW, [t for t, _ in columns])
    row = SUMMARY_HEADER_ROW
    for row, (project, name) in enumerate(
        zip(result.projects, names, strict=True), start=SUMMARY_HEADER_ROW + 1
    ):
        scores = dict(project.level_scores)
        values = [
            (project.project_seq, None),
            (project.project_name, None),
            (project.project_code, None),
            (project.execution_rate, RATE_FORMAT),
            (project.execution_score, POINTS_FORMAT),
            *((scores.get(level), POINTS_FORMAT) for level in levels),
            (project.total, POINTS_FORMAT),
        ]
        for column, (value, number_format) in enumerate(values, start=1):
            put(ws, row, column, value, number_format=number_format, wrap=column == 2)
        _put_grade(ws, row, len(values) + 1, project.grade)
        put(ws, row, len(values) + 2, len(findings_of_project(findings, project.project_seq)))
        link = put(ws, row, len(values) + 3, name)
        quoted = name.replace("'", "''")  # an apostrophe doubles inside a reference
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!A1")
        link.font = Font(color="0563C1", underline="single")
    ws.freeze_panes = ws.cell(row=SUMMARY_HEADER_ROW + 1, column=3)
    ws.auto_filter.ref = f"A{SUMMARY_HEADER_ROW}:{get_column_letter(count)}{row}"
    print_setup(ws, repeat_rows=f"{SUMMARY_HEADER_ROW}:{SUMMARY_HEADER_ROW}")


def project_form(ws: Any, project: ProjectScore, result: EvaluationResult) -> int:
    """Write one project's 自评表 on ``ws`` (layout in the module docstring); return
    the last row (the 自评等级 row)."""
    widths(ws, FORM_WIDTHS)
    title(ws, 1, FORM_TITLE, 9, size=16)
    title(ws, 2, f"（{result.fiscal_year}年度）", 9, size=11)

    put(ws, 3, 1, "项目名称", bold=True, centre=True)
    put(ws, 3, 2, project.project_name, wrap=True)
    merge(ws, 3, 2, 3, 9)
    put(ws, 4, 1, "主管部门", bold=True, centre=True)
    put(ws, 4, 2, result.unit_name, wrap=True)
    merge(ws, 4, 2, 4, 5)
    put(ws, 4, 6, "实施单位", bold=True, centre=True)
    put(ws, 4, 7, result.unit_name, wrap=True)
    merge(ws, 4, 7, 4, 9)

    row = FUNDING_FIRST_ROW
    unit = money_unit_label(project.money_unit)
    put(
        ws, row, 1, f"项目资金（{unit}）" if unit else "项目资金", bold=True, centre=True, wrap=True
    )
    merge(ws, row, 1, row + 4, 1)
    header(
        ws,
        row,
        ["", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        first_column=2,
    )
    merge(ws, row, 2, row, 3)
    for r, funding in enumerate(funding_rows(project), start=row + 1):
        put(ws, r, 2, funding.source.label, centre=True)
        merge(ws, r, 2, r, 3)
        put(ws, r, 4, funding.budget_initial, number_format=MONEY_FORMAT)
        put(ws, r, 5, funding.budget_adjusted, number_format=MONEY_FORMAT)
        put(ws, r, 6, funding.spent, number_format=MONEY_FORMAT)
        total = r == row + 1
        put(
            ws,
            r,
            7,
            project.execution_weight if total else "—",
            number_format=POINTS_FORMAT,
            centre=not total,
        )
        put(ws, r, 8, funding.rate, number_format=RATE_FORMAT)
        put(
            ws,
            r,
            9,
            project.execution_score if total else "—",
            number_format=POINTS_FORMAT,
            centre=not total,
        )

    put(ws, GOAL_ROW, 1, "年度总体目标", bold=True, centre=True, wrap=True)
    merge(ws, GOAL_ROW, 1, GOAL_ROW + 1, 1)
    header(ws, GOAL_ROW, ["预期目标", "", "", "", "实际完成情况", "", "", ""], first_column=2)
    merge(ws, GOAL_ROW, 2, GOAL_ROW, 5)
    merge(ws, GOAL_ROW, 6, GOAL_ROW, 9)
    put(ws, GOAL_ROW + 1, 2, project.goal, wrap=True)
    merge(ws, GOAL_ROW + 1, 2, GOAL_ROW + 1, 5)
    put(ws, GOAL_ROW + 1, 6, project.goal_achieved, wrap=True)
    merge(ws, GOAL_ROW + 1, 6, GOAL_ROW + 1, 9)
    longest = max(len(project.goal or ""), len(project.goal_achieved or ""))
    ws.row_dimensions[GOAL_ROW + 1].height = max(30, 15 * (longest // 28 + 1))

    row = INDICATOR_HEADER_ROW
    put(ws, row, 1, "绩效指标", bold=True, centre=True, wrap=True)
    merge(ws, row, 1, row + len(project.indicators), 1)
    header(ws, row, INDICATOR_COLUMNS, first_column=2)
    header(ws, row, ["计分说明"], first_column=10)
    spans = level_spans([(i.level1_raw, i.level2_raw) for i in project.indicators])
    for r, (indicator, (span1, span2)) in enumerate(
        zip(project.indicators, spans, strict=True), start=row + 1
    ):
        if span1:
            put(ws, r, 2, indicator.level1_raw, centre=True, wrap=True)
            merge(ws, r, 2, r + span1 - 1, 2)
        if span2:
            put(ws, r, 3, indicator.level2_raw, centre=True, wrap=True)
            merge(ws, r, 3, r + span2 - 1, 3)
        put(ws, r, 4, indicator.level3, wrap=True)
        put(ws, r, 5, indicator.target_raw, wrap=True)
        put(ws, r, 6, indicator.actual_raw, wrap=True)
        put(ws, r, 7, indicator.weight, number_format=POINTS_FORMAT)
        put(ws, r, 8, indicator.score, number_format=POINTS_FORMAT)
        put(ws, r, 9, analysis_text(indicator) or None, wrap=True)
        put(ws, r, 10, f"{indicator.method.label}：{indicator.explanation}", wrap=True)

    row += len(project.indicators) + 1
    put(ws, row, 1, "总分", bold=True, centre=True)
    merge(ws, row, 1, row, 6)
    weights = project.execution_weight + sum((i.weight for i in project.indicators), Decimal(0))
    put(ws, row, 7, weights, number_format=POINTS_FORMAT, bold=True)
    put(ws, row, 8, project.total, number_format=POINTS_FORMAT, bold=True)
    put(ws, row, 9, None)
    put(ws, row + 1, 1, "自评等级", bold=True, centre=True)
    merge(ws, row + 1, 1, row + 1, 6)
    _put_grade(ws, row + 1, 7, project.grade)
    merge(ws, row + 1, 7, row + 1, 9)
    ws.print_area = f"A1:I{row + 1}"
    print_setup(ws, landscape=False)
    return row + 1
