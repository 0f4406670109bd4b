"""The monitoring report as a workbook (绩效运行监控, 财预〔2019〕136号; RULES.md §8).

- **汇总**: the unit's totals (年初预算数, 1—N月执行数, 执行率, 计划进度, 偏差, and
  the number of projects per status), then one row per project with its status on
  its colour. Header frozen, autofilter over the project rows.
- **监控表**: the 136号 monitoring table, one block per project (each printed on its
  own page): 年初预算数 | 1—N月执行数 | 执行率 | 全年预计执行数, with jixiao's
  计划进度 | 偏差 | 状态; then per indicator 一级 | 二级 | 三级 | 年度指标值 |
  1—N月完成情况 | 全年预计完成情况 | 偏差原因 | 完成目标可能性 | 备注, with jixiao's
  进度 | 应达进度 | 状态. 一级 and 二级 cells are merged over their rows as the form
  prints them; blocks leave no room for an autofilter.
- **问题**: every finding, one per row, frozen header and autofilter.

Formats and styles: :mod:`jixiao.publish.report_sheets`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.evaluate.results import MonitoringProject, MonitoringResult, Status
from jixiao.model import Finding
from jixiao.publish.evaluate_records import (
    all_findings,
    deviation_text,
    difference,
    findings_of_project,
    level_spans,
    money_unit_label,
    period_label,
)
from jixiao.publish.report_sheets import (
    BLOCK_FILL,
    DEVIATION_FORMAT,
    FINDINGS_SHEET,
    MONEY_FORMAT,
    RATE_FORMAT,
    findings_sheet,
    header,
    merge,
    print_setup,
    put,
    put_status,
    title,
    widths,
)

SUMMARY_SHEET = "汇总"
TABLE_SHEET = "监控表"

SUMMARY_TOTALS_ROW = 4
"""Row of the unit's totals on 汇总 (their header is the row above)."""
SUMMARY_HEADER_ROW = 6
"""Row of the project table's header on 汇总; projects follow from the next row."""


def summary_columns(period: str) -> tuple[tuple[str, float], ...]:
    """(header, width) of the project table of 汇总."""
    return (
        ("序号", 6),
        ("项目名称", 30),
        ("项目编码", 14),
        ("金额单位", 8),
        ("年初预算数", 14),
        (f"{period}执行数", 14),
        ("执行率", 10),
        ("计划进度", 10),
        ("偏差（百分点）", 11),
        ("全年预计执行数", 14),
        ("状态", 10),
        ("指标数", 8),
        ("问题数", 8),
    )


def indicator_columns(period: str) -> tuple[str, ...]:
    """The indicator header of the 监控表 (136号 columns, then jixiao's)."""
    return (
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        f"{period}完成情况",
        "全年预计完成情况",
        "偏差原因",
        "完成目标可能性",
        "备注",
        "进度",
        "应达进度",
        "状态",
    )


TABLE_WIDTHS = (10, 14, 24, 14, 16, 16, 24, 12, 16, 9, 9, 10)


def write_monitoring_xlsx(result: MonitoringResult, path: Path) -> Path:
    """Write the workbook (汇总, 监控表, 问题) to ``path`` and return it."""
    # Imported here: openpyxl takes ~0.15 s to import and only this report needs it.
    from openpyxl import Workbook

    workbook = Workbook()
    findings = all_findings(result)
    _summary(workbook.active, result, findings)
    _table(workbook.create_sheet(TABLE_SHEET), result)
    findings_sheet(workbook.create_sheet(FINDINGS_SHEET), findings)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _summary(ws: Any, result: MonitoringResult, findings: list[Finding]) -> None:
    from openpyxl.utils import get_column_letter

    ws.title = SUMMARY_SHEET
    period = period_label(result.period_month)
    columns = summary_columns(period)
    widths(ws, [w for _, w in columns])
    title(ws, 1, f"{result.unit_name}{result.fiscal_year}年预算绩效运行监控汇总（{period}）", 13)
    unit = money_unit_label(result.money_unit)
    info = f"单位：{result.unit_name}（{result.unit_code}）　预算年度：{result.fiscal_year}　"
    info += f"监控期间：{period}　金额单位：{unit or '未注明'}"
    put(ws, 2, 1, info, border=False)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=13)

    counts = result.status_counts()
    unknown = len(result.projects) - sum(counts.values())
    row = SUMMARY_TOTALS_ROW
    put(ws, row - 1, 1, f"单位合计（{unit}）" if unit else "单位合计", bold=True, centre=True)
    merge(ws, row - 1, 1, row, 4)
    totals = (
        ("年初预算数", result.budget_total, MONEY_FORMAT),
        (f"{period}执行数", result.spent_total, MONEY_FORMAT),
        ("执行率", result.execution_rate, RATE_FORMAT),
        ("计划进度", result.planned_share, RATE_FORMAT),
        (
            "偏差（百分点）",
            difference(result.execution_rate, result.planned_share),
            DEVIATION_FORMAT,
        ),
        *((f"{s.label}（{s.colour}）", counts[s], None) for s in Status),
        ("未判定", unknown, None),
    )
    header(ws, row - 1, [label for label, _, _ in totals], first_column=5)
    for i, (_, value, number_format) in enumerate(totals, start=5):
        put(ws, row, i, value, number_format=number_format, bold=True)
    for i, status in enumerate(Status, start=10):
        put_status(ws, row - 1, i, status, text=f"{status.label}（{status.colour}）")

    header(ws, SUMMARY_HEADER_ROW, [t for t, _ in columns])
    row = SUMMARY_HEADER_ROW
    for row, project in enumerate(result.projects, start=SUMMARY_HEADER_ROW + 1):
        values = (
            project.project_seq,
            project.project_name,
            project.project_code,
            money_unit_label(project.money_unit) or None,
            project.budget,
            project.spent,
            project.execution_rate,
            project.planned_share,
            project.deviation_points,
        )
        formats = (None, None, None, None, MONEY_FORMAT, MONEY_FORMAT, RATE_FORMAT, RATE_FORMAT)
        for column, (value, number_format) in enumerate(
            zip(values, (*formats, DEVIATION_FORMAT), strict=True), start=1
        ):
            put(ws, row, column, value, number_format=number_format, wrap=column == 2)
        put(ws, row, 10, project.projected_spent, number_format=MONEY_FORMAT)
        put_status(ws, row, 11, project.status)
        put(ws, row, 12, len(project.indicators))
        put(ws, row, 13, len(findings_of_project(findings, project.project_seq)))
    ws.freeze_panes = ws.cell(row=SUMMARY_HEADER_ROW + 1, column=3)
    ws.auto_filter.ref = f"A{SUMMARY_HEADER_ROW}:{get_column_letter(len(columns))}{row}"
    print_setup(ws, repeat_rows=f"{SUMMARY_HEADER_ROW}:{SUMMARY_HEADER_ROW}")


def _table(ws: Any, result: MonitoringResult) -> None:
    from openpyxl.worksheet.pagebreak import Break

    period = period_label(result.period_month)
    widths(ws, TABLE_WIDTHS)
    title(ws, 1, f"{result.unit_name}{result.fiscal_year}年项目支出绩效运行监控表（{period}）", 12)
    put(ws, 2, 1, f"单位：{result.unit_name}（{result.unit_code}）", border=False)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=12)
    ws.freeze_panes = "A3"
    row = 3
    for i, project in enumerate(result.projects):
        if i:
            ws.row_breaks.append(Break(id=row))  # each project on its own page
        row = _project_block(ws, row + 1, project, period) + 1
    print_setup(ws, repeat_rows="1:2")


def _project_block(ws: Any, row: int, project: MonitoringProject, period: str) -> int:
    """Write one project's block from ``row``; return its last row."""
    name = f"项目{project.project_seq}：{project.project_name}"
    if project.project_code:
        name += f"（项目编码：{project.project_code}）"
    put(ws, row, 1, name, bold=True, fill=BLOCK_FILL)
    merge(ws, row, 1, row, 12)

    unit = money_unit_label(project.money_unit)
    money = f"（{unit}）" if unit else ""
    funding = (
        (f"年初预算数{money}", project.budget, MONEY_FORMAT),
        (f"{period}执行数{money}", project.spent, MONEY_FORMAT),
        ("执行率", project.execution_rate, RATE_FORMAT),
        (f"全年预计执行数{money}", project.projected_spent, MONEY_FORMAT),
        ("计划进度", project.planned_share, RATE_FORMAT),
        ("偏差（百分点）", project.deviation_points, DEVIATION_FORMAT),
    )
    # The first amount spans A:B so the money columns line up under wider cells.
    header(ws, row + 1, [funding[0][0], "", *(label for label, _, _ in funding[1:]), "状态"])
    merge(ws, row + 1, 1, row + 1, 2)
    put(ws, row + 2, 1, funding[0][1], number_format=MONEY_FORMAT)
    merge(ws, row + 2, 1, row + 2, 2)
    for column, (_, value, number_format) in enumerate(funding[1:], start=3):
        put(ws, row + 2, column, value, number_format=number_format)
    put_status(ws, row + 2, 8, project.status)

    header(ws, row + 3, indicator_columns(period))
    first = row + 4
    spans = level_spans([(i.level1, i.level2) for i in project.indicators])
    for offset, (indicator, (span1, span2)) in enumerate(
        zip(project.indicators, spans, strict=True)
    ):
        r = first + offset
        values = (
            indicator.level1,
            indicator.level2,
            indicator.level3,
            indicator.target_raw,
            indicator.actual_raw,
            indicator.projected_raw,
            deviation_text(indicator) or None,
            indicator.likelihood.label if indicator.likelihood else None,
            indicator.remark,
        )
        for column, value in enumerate(values, start=1):
            if (column == 1 and not span1) or (column == 2 and not span2):
                continue  # covered by the merged cell above
            put(ws, r, column, value, wrap=True, centre=column <= 2)
        put(ws, r, 10, indicator.progress, number_format=RATE_FORMAT)
        put(ws, r, 11, indicator.expected_progress, number_format=RATE_FORMAT)
        put_status(ws, r, 12, indicator.status)
        if span1 > 1:
            merge(ws, r, 1, r + span1 - 1, 1)
        if span2 > 1:
            merge(ws, r, 2, r + span2 - 1, 2)
    return first + len(project.indicators) - 1 if project.indicators else row + 3
