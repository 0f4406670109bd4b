"""Monitoring and self-evaluation reports: workbooks, Word forms, HTML pages, JSON, charts.

Inputs are the hand-made results of ``evaluate_build`` (unit 445001, 1—7月 2025, and
its 自评); each expected number is worked out there or in the test's docstring.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from evaluate_build import (
    curve,
    finding,
    indicator_score,
    monitoring_indicator,
    monitoring_project,
    project_score,
    sample_evaluation,
    sample_monitoring,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from jixiao.evaluate.results import EvaluationResult, MonitoringResult, Status
from jixiao.model import Grade, MoneyUnit
from jixiao.model.actuals import FundingActual, FundingSource
from jixiao.publish import evaluate_html
from jixiao.publish.charts import (
    percent_text,
    plan_share_at,
    spending_chart_svg,
    unit_plan_curve,
    write_spending_chart,
)
from jixiao.publish.evaluate_records import funding_rows, level_spans
from jixiao.publish.evaluation_report import write_evaluation_report
from jixiao.publish.monitoring_report import write_monitoring_report
from jixiao.publish.report_sheets import sheet_name

D = Decimal
SCRIPT = "<script>alert(1)</script>项目"
MONEY = "#,##0.00"
RATE = '0.00"%"'


def _monitoring(tmp_path: Path, result: MonitoringResult | None = None, fmt: str = "xlsx") -> Path:
    return write_monitoring_report(result or sample_monitoring(), tmp_path / f"m.{fmt}", fmt)


def _evaluation(tmp_path: Path, result: EvaluationResult | None = None, fmt: str = "xlsx") -> Path:
    return write_evaluation_report(result or sample_evaluation(), tmp_path / f"e.{fmt}", fmt)


def _merges(ws: Any) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def _row(ws: Any, row: int, first: str, last: str) -> list[Any]:
    return [c.value for c in ws[f"{first}{row}:{last}{row}"][0]]


# --- shared records --------------------------------------------------------------------


def test_level_spans__runs_of_equal_levels_and_no_crossing() -> None:
    """Four rows 产出/数量, 产出/数量, 产出/质量, 效益/社会: 一级 产出 spans 3, 二级
    数量 2. A 二级 repeated across a 一级 boundary starts a new run."""
    rows = [("产出", "数量"), ("产出", "数量"), ("产出", "质量"), ("效益", "社会")]
    assert level_spans(rows) == [(3, 2), (0, 0), (0, 1), (1, 1)]
    assert level_spans([("产出", "成本"), ("成本", "成本")]) == [(1, 1), (1, 1)]
    assert level_spans([]) == []


def test_funding_rows__four_rows_in_form_order_with_rates() -> None:
    """Sample project 1: total 100/100/95 (rate the scorer's 95.00), 财政拨款 76 ÷ 80 =
    95.00 %, 上年结转 19 ÷ 20 = 95.00 %, 其他资金 not reported: blank. A row with only a
    年初预算数 is rated against it: 3 ÷ 4 = 75.00 %."""
    rows = funding_rows(project_score())
    assert [r.source for r in rows] == list(FundingSource)
    assert [(r.budget_initial, r.spent, r.rate) for r in rows] == [
        (D("100.00"), D("95.00"), D("95.00")),
        (D("80.00"), D("76.00"), D("95.00")),
        (D("20.00"), D("19.00"), D("95.00")),
        (None, None, None),
    ]
    other = FundingActual(
        source=FundingSource.OTHER,
        budget_initial=replace(project_score().funding[0].budget_initial, value=D(4)),
        spent=replace(project_score().funding[0].spent, value=D(3)),
    )
    assert funding_rows(project_score(funding=(other,)))[3].rate == D("75.00")


# --- monitoring: XLSX ------------------------------------------------------------------


def test_monitoring_xlsx__summary_totals_statuses_and_projects(tmp_path) -> None:
    """汇总 row 4 holds the unit (350.00, 92.00, 26.29 %, 58.21 %, 26.29 − 58.21 = −31.92
    points, one project per status, none undetermined); rows 7–9 the projects with
    their status labels on green / yellow / red fills."""
    wb = load_workbook(_monitoring(tmp_path))
    assert wb.sheetnames == ["汇总", "监控表", "问题"]
    ws = wb["汇总"]
    assert ws["A1"].value == "某某市教育局2025年预算绩效运行监控汇总（1—7月）"
    assert _row(ws, 3, "E", "M") == [
        *("年初预算数", "1—7月执行数", "执行率", "计划进度", "偏差（百分点）"),
        *("正常（绿）", "轻度偏差（黄）", "严重偏差（红）", "未判定"),
    ]
    assert _row(ws, 4, "E", "M") == [350, 92, 26.29, 58.21, -31.92, 1, 1, 1, 0]
    assert [ws[f"{c}4"].number_format for c in "EFGHI"] == [
        *(MONEY, MONEY, RATE, RATE),
        "+0.00;-0.00;0.00",
    ]
    assert ws["A3"].value == "单位合计（万元）" and "A3:D4" in _merges(ws)
    assert _row(ws, 6, "A", "M")[:11] == [
        *("序号", "项目名称", "项目编码", "金额单位", "年初预算数", "1—7月执行数"),
        *("执行率", "计划进度", "偏差（百分点）", "全年预计执行数", "状态"),
    ]
    assert _row(ws, 7, "A", "M") == [
        *(1, "办公设备购置", "445001-01", "万元", 100, 42, 42, 57.5, -15.5, 95),
        *("轻度偏差", 3, 1),
    ]
    assert [ws[f"K{r}"].value for r in (7, 8, 9)] == ["轻度偏差", "正常", "严重偏差"]
    fills = [ws[f"K{r}"].fill.fgColor.rgb[-6:] for r in (7, 8, 9)]
    assert fills == ["FFEB9C", "C6EFCE", "FFC7CE"]
    assert ws["E7"].number_format == MONEY and ws["G7"].number_format == RATE
    assert ws.freeze_panes == "C7"
    assert ws.auto_filter.ref == "A6:M9"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$6:$6"


def test_monitoring_xlsx__table_is_the_136_layout_with_merged_levels(tmp_path) -> None:
    """Project 1's block starts at row 4: title, the amounts (年初预算数 over A:B),
    the indicator header, then three indicators; 一级 产出指标 is merged over the two
    产出 rows (A8:A9), 满意度指标 stands alone."""
    ws = load_workbook(_monitoring(tmp_path))["监控表"]
    assert ws["A4"].value == "项目1：办公设备购置（项目编码：445001-01）"
    assert _row(ws, 5, "A", "H") == [
        *("年初预算数（万元）", None, "1—7月执行数（万元）", "执行率"),
        *("全年预计执行数（万元）", "计划进度", "偏差（百分点）", "状态"),
    ]
    assert _row(ws, 6, "A", "H") == [100, None, 42, 42, 95, 57.5, -15.5, "轻度偏差"]
    assert {"A4:L4", "A5:B5", "A6:B6", "A8:A9"} <= _merges(ws)
    assert not any(r.startswith("B8") for r in _merges(ws))  # 数量 / 质量: no 二级 merge
    assert _row(ws, 7, "A", "L") == [
        *("一级指标", "二级指标", "三级指标", "年度指标值", "1—7月完成情况"),
        *("全年预计完成情况", "偏差原因", "完成目标可能性", "备注", "进度", "应达进度", "状态"),
    ]
    assert _row(ws, 8, "A", "L") == [
        *("产出指标", "数量指标", "采购台数", "≥10台", "4台", "10台"),
        *("经费保障：资金拨付延迟", "有可能", None, 40, 58.33, "轻度偏差"),
    ]
    assert ws["J8"].number_format == RATE
    assert _row(ws, 10, "A", "L") == [
        *("满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%", None, "90%"),
        *(None, "有可能", "年底调查", None, None, None),
    ]
    assert ws["A12"].value == "项目2：业务培训（项目编码：445001-02）"
    assert [b.id for b in ws.row_breaks.brk] == [11, 17]  # each project on its own page
    assert ws["G22"].value == "硬件保障、其他：服务器故障"
    assert ws.freeze_panes == "A3"


def test_monitoring_xlsx__findings_sheet(tmp_path) -> None:
    """Both findings of the sample, each once (project 1's is listed in the project
    and in the result), with a frozen header and an autofilter over them."""
    ws = load_workbook(_monitoring(tmp_path))["问题"]
    assert _row(ws, 1, "A", "E") == ["序号", "严重程度", "规则", "项目序号", "项目名称"]
    assert _row(ws, 2, "A", "G") == [
        *(1, "警告", "monitor-no-reason", 1, "办公设备购置", 3, "使用人员满意度"),
    ]
    assert ws["C3"].value == "monitor-unit-behind" and ws["D3"].value is None
    assert ws.max_row == 3
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:J3"


def test_monitoring_xlsx__unit_text_is_never_a_formula_nor_illegal(tmp_path) -> None:
    name = '=HYPERLINK("http://x")\x07培训'
    result = sample_monitoring(projects=(monitoring_project(project_name=name),))
    ws = load_workbook(_monitoring(tmp_path, result))["汇总"]
    assert ws["B7"].data_type == "s"
    assert ws["B7"].value == '=HYPERLINK("http://x")\ufffd培训'


# --- monitoring: HTML, JSON ------------------------------------------------------------


def test_monitoring_html__escaped_self_contained_with_charts_and_badges(tmp_path) -> None:
    """A project named with a script prints as text everywhere (table, heading, chart);
    the page has the unit's chart and one per project inline, loads nothing, and
    every id on it is unique (each chart's ids are prefixed)."""
    result = sample_monitoring(
        projects=(monitoring_project(project_name=SCRIPT), *sample_monitoring().projects[1:])
    )
    html = _monitoring(tmp_path, result, "html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;项目" in html
    assert html.count("<svg") == 4 and "<?xml" not in html
    assert not re.search(r"\bsrc=|href=\"?https?:|<link\b|@import|url\(http", html)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for label, colour in (("正常", "green"), ("轻度偏差", "yellow"), ("严重偏差", "red")):
        assert f'<span class="badge status-{colour}">{label}</span>' in html
    assert "@media print" in html and "overflow-x: auto" in html
    assert "某某市教育局：计划与实际累计支出进度（1—7月，按预算加权）" in html
    assert "单位执行率落后计划进度 31.92 个百分点" in html
    assert "经费保障：资金拨付延迟" in html


def test_monitoring_html__charts_stop_at_the_limit(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(evaluate_html, "PROJECT_CHART_LIMIT", 1)
    html = _monitoring(tmp_path, fmt="html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2  # the unit's and project 1's
    assert "项目超过 1 个，后面的项目不单独绘图" in html


def test_monitoring_json__values_as_strings(tmp_path) -> None:
    data = json.loads(_monitoring(tmp_path, fmt="json").read_text(encoding="utf-8"))
    assert data["format"] == "jixiao-monitoring" and data["version"] == 1
    assert data["period_label"] == "1—7月" and data["money_unit"] == "wan_yuan"
    assert (data["budget_total"], data["execution_rate"], data["deviation_points"]) == (
        "350.00",
        "26.29",
        "-31.92",
    )
    assert data["status_counts"] == {"green": 1, "yellow": 1, "red": 1, "none": 0}
    p1 = data["projects"][0]
    assert (p1["status"], p1["status_label"], p1["planned_share"]) == (
        "yellow",
        "轻度偏差",
        "57.50",
    )
    assert p1["plan_curve"] == [[0, "0"], [3, "20"], [6, "50"], [10, "80"], [12, "100"]]
    assert p1["indicators"][0]["deviation_causes"] == ["funding"]
    assert p1["indicators"][0]["likelihood_label"] == "有可能"
    assert [f["rule"] for f in p1["findings"]] == ["monitor-no-reason"]
    assert [f["rule"] for f in data["findings"]] == ["monitor-no-reason", "monitor-unit-behind"]


# --- self-evaluation: XLSX -------------------------------------------------------------


def test_evaluation_xlsx__summary_grades_mean_and_links(tmp_path) -> None:
    """Mean (88 + 95) ÷ 2 = 91.50; 优 1, 良 1; each project's 一级 points as columns."""
    wb = load_workbook(_evaluation(tmp_path))
    assert wb.sheetnames == ["汇总", "1 办公设备购置", "2 业务培训", "问题"]
    ws = wb["汇总"]
    assert _row(ws, 3, "D", "I") == ["项目数", "平均分", "优", "良", "中", "差"]
    assert _row(ws, 4, "D", "I") == [2, 91.5, 1, 1, 0, 0]
    assert _row(ws, 6, "A", "L") == [
        *("序号", "项目名称", "项目编码", "预算执行率", "预算执行率得分"),
        *("产出指标得分", "效益指标得分", "满意度指标得分", "总分", "等级", "问题数", "工作表"),
    ]
    assert _row(ws, 7, "A", "K") == [
        *(1, "办公设备购置", "445001-01", 95, 9.5, 47.5, 21, 10, 88, "良", 1),
    ]
    assert _row(ws, 8, "I", "J") == [95, "优"]
    assert ws["D7"].number_format == RATE and ws["I7"].number_format == "0.00"
    assert ws["L7"].hyperlink.location == "'1 办公设备购置'!A1"
    assert ws.freeze_panes == "C7" and ws.auto_filter.ref == "A6:L8"


def test_evaluation_xlsx__form_layout_merges_and_totals(tmp_path) -> None:
    """Project 1's 自评表: funding rows 5–9 (分值 10 and 得分 9.50 on the total row
    only), goals rows 10–11, indicators from row 13 with 一级 产出指标 merged over its
    four rows (B13:B16) and 二级 数量指标 over two (C13:C14); 总分 10 + 12.5 × 4 + 30
    + 10 = 100 points, 88.00 scored; 等级 良."""
    ws = load_workbook(_evaluation(tmp_path))["1 办公设备购置"]
    assert (ws["A1"].value, ws["A2"].value) == ("项目支出绩效自评表", "（2025年度）")
    assert _row(ws, 3, "A", "B") == ["项目名称", "办公设备购置"]
    assert _row(ws, 4, "A", "G") == [
        *("主管部门", "某某市教育局", None, None, None, "实施单位", "某某市教育局"),
    ]
    assert _row(ws, 5, "A", "I") == [
        *("项目资金（万元）", None, None, "年初预算数", "全年预算数", "全年执行数"),
        *("分值", "执行率", "得分"),
    ]
    assert _row(ws, 6, "B", "I") == ["年度资金总额", None, 100, 100, 95, 10, 95, 9.5]
    assert _row(ws, 7, "B", "I") == ["财政拨款", None, 80, 80, 76, "—", 95, "—"]
    assert _row(ws, 9, "B", "I") == ["其他资金", None, None, None, None, "—", None, "—"]
    assert ws["D6"].number_format == MONEY and ws["H6"].number_format == RATE
    assert ws["G6"].number_format == "0.00"
    assert _row(ws, 11, "B", "F") == [
        *("购置办公设备，保障日常办公。", None, None, None, "已购置8台，基本保障日常办公。"),
    ]
    assert _row(ws, 12, "A", "I") == [
        *("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"),
        *("分值", "得分", "偏差原因分析及改进措施"),
    ]
    assert _row(ws, 13, "B", "I") == [
        *("产出指标", "数量指标", "采购台数", "≥10台", "8台", 12.5, 10),
        "供货延迟；改进措施：提前招标",
    ]
    assert ws["J13"].value == "正向指标：实际完成值 8 ÷ 年度指标值 10 × 分值 12.50 = 10.00"
    assert _row(ws, 17, "B", "H") == [
        "效益指标",
        "社会效益指标",
        "办公效率",
        "有效提升",
        "部分提升",
        30,
        21,
    ]
    assert _row(ws, 19, "A", "H") == ["总分", None, None, None, None, None, 100, 88]
    assert (ws["A20"].value, ws["G20"].value) == ("自评等级", "良")
    assert _merges(ws) == {
        *("A1:I1", "A2:I2", "B3:I3", "B4:E4", "G4:I4"),
        *("A5:A9", "B5:C5", "B6:C6", "B7:C7", "B8:C8", "B9:C9"),
        *("A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11"),
        *("A12:A18", "B13:B16", "C13:C14", "A19:F19", "A20:F20", "G20:I20"),
    }
    assert ws.print_area == "'1 办公设备购置'!$A$1:$I$20"
    assert ws.page_setup.orientation == "portrait"


def test_evaluation_xlsx__sheet_names_are_short_legal_and_unique(tmp_path) -> None:
    """Two projects with the same 40-character name holding ``/`` and ``:``: names are
    cut to 31 characters, the second gets ``(2)``, and neither clashes with 汇总."""
    long = "教育/信息化:建设" + "甲" * 31
    result = sample_evaluation(
        projects=(project_score(project_name=long), project_score(project_name=long))
    )
    names = load_workbook(_evaluation(tmp_path, result)).sheetnames
    assert names[0] == "汇总" and names[-1] == "问题"
    assert names[1] == ("1 教育_信息化_建设" + "甲" * 31)[:31]
    assert names[2].endswith("(2)") and len(names[2]) == 31
    assert sheet_name("汇总", {"汇总"}) == "汇总(2)"
    assert sheet_name("'[x]'", set()) == "_x_"


# --- self-evaluation: DOCX -------------------------------------------------------------


def _grid(table: Any) -> list[list[tuple[str, int, str | None]]]:
    """Each row's cells as (text, gridSpan, vMerge) from the XML, so a merged cell is
    seen once with its span instead of repeated."""
    rows = []
    for tr in table._tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            cells.append((text, tc.grid_span, tc.vMerge))
        rows.append(cells)
    return rows


def test_evaluation_docx__summary_then_one_form_per_project(tmp_path) -> None:
    doc = Document(str(_evaluation(tmp_path, fmt="docx")))
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[0] == "某某市教育局2025年度项目支出绩效自评报告"
    assert "平均分：91.50" in texts[1] and "优 1 个、良 1 个、中 0 个、差 0 个" in texts[1]
    assert texts.count("项目支出绩效自评表") == 2
    assert len(doc.tables) == 3
    summary = _grid(doc.tables[0])
    assert [c[0] for c in summary[0]] == [
        "序号",
        "项目名称",
        "预算执行率",
        "执行得分",
        "总分",
        "等级",
    ]
    assert [c[0] for c in summary[1]] == ["1", "办公设备购置", "95.00%", "9.50", "88.00", "良"]
    assert [c[0] for c in summary[2]] == ["2", "业务培训", "100.00%", "10.00", "95.00", "优"]
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "指标「办公效率」未得满分，缺少偏差原因分析" in texts[-1]


def test_evaluation_docx__form_merges_walked_in_the_xml(tmp_path) -> None:
    """Project 1's form: 项目名称 spans 8 columns; 项目资金 is a vertical merge over the
    header and four source rows; 一级 产出指标 restarts a vMerge continued on the next
    three indicator rows, 二级 数量指标 on one; 总分 spans 6 columns."""
    rows = _grid(Document(str(_evaluation(tmp_path, fmt="docx"))).tables[1])
    assert rows[0] == [("项目名称", 1, None), ("办公设备购置", 8, None)]
    assert rows[1] == [
        *(("主管部门", 1, None), ("某某市教育局", 4, None)),
        *(("实施单位", 1, None), ("某某市教育局", 3, None)),
    ]
    assert rows[2][:2] == [("项目资金（万元）", 1, "restart"), ("", 2, None)]
    assert [r[0] for r in rows[3:7]] == [("", 1, "continue")] * 4
    assert rows[3][1:] == [
        *(("年度资金总额", 2, None), ("100.00", 1, None), ("100.00", 1, None)),
        *(("95.00", 1, None), ("10.00", 1, None), ("95.00%", 1, None), ("9.50", 1, None)),
    ]
    assert [c[0] for c in rows[4][1:]] == [
        "财政拨款",
        "80.00",
        "80.00",
        "76.00",
        "—",
        "95.00%",
        "—",
    ]
    assert rows[7] == [
        ("年度总体目标", 1, "restart"),
        ("预期目标", 4, None),
        ("实际完成情况", 4, None),
    ]
    assert rows[9][0] == ("绩效指标", 1, "restart")
    indicator_rows = rows[10:16]
    assert [r[1] for r in indicator_rows] == [
        ("产出指标", 1, "restart"),
        *([("", 1, "continue")] * 3),
        ("效益指标", 1, None),
        ("满意度指标", 1, None),
    ]
    assert [r[2] for r in indicator_rows[:3]] == [
        *(("数量指标", 1, "restart"), ("", 1, "continue"), ("质量指标", 1, None)),
    ]
    assert [c[0] for c in indicator_rows[0][3:]] == [
        *("采购台数", "≥10台", "8台", "12.50", "10.00", "供货延迟；改进措施：提前招标"),
    ]
    assert rows[16] == [("总分", 6, None), ("100.00", 1, None), ("88.00", 1, None), ("", 1, None)]
    assert rows[17] == [("自评等级", 6, None), ("良", 3, None)]
    assert all(len(r) <= 9 and sum(c[1] for c in r) == 9 for r in rows)


def test_evaluation_docx__every_run_names_its_east_asian_font(tmp_path) -> None:
    doc = Document(str(_evaluation(tmp_path, fmt="docx")))
    body = doc.element.body
    runs = list(body.iter(qn("w:r")))
    texts = [r for r in runs if r.find(qn("w:t")) is not None]
    assert len(texts) > 100
    for run in texts:
        fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) in {"宋体", "黑体"}
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:eastAsia"))
    order = ["tcW", "gridSpan", "vMerge", "tcBorders", "shd", "noWrap", "vAlign"]
    for tc_pr in body.iter(qn("w:tcPr")):  # Word rejects cell properties out of order
        names = [child.tag.split("}")[1] for child in tc_pr]
        assert names == sorted(names, key=order.index)
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "宋体"
    assert all(t.style.name == "Table Grid" for t in doc.tables)


# --- self-evaluation: HTML, JSON -------------------------------------------------------


def test_evaluation_html__form_spans_bars_and_escaping(tmp_path) -> None:
    result = sample_evaluation()
    p1 = replace(result.projects[0], project_name=SCRIPT)
    result = replace(result, projects=(p1, *result.projects[1:]))
    html = _evaluation(tmp_path, result, "html").read_text(encoding="utf-8")
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;项目" in html
    assert not re.search(r"\bsrc=|href=\"?https?:|<link\b|@import", html)
    assert '<td class="c" rowspan="4">产出指标</td>' in html
    assert '<td class="c" rowspan="2">数量指标</td>' in html
    assert '<th class="side" rowspan="7">绩效指标</th>' in html  # header + 6 indicators
    assert '<th class="side" rowspan="5">项目资金（万元）</th>' in html
    assert '<span class="fill" style="width: 88.00%"></span>' in html
    assert '<span class="badge grade-good">良</span>' in html
    assert "实际完成值 8 ÷ 年度指标值 10 × 分值 12.50 = 10.00" in html
    assert "@media print" in html and "overflow-x: auto" in html


def test_evaluation_json__values(tmp_path) -> None:
    data = json.loads(_evaluation(tmp_path, fmt="json").read_text(encoding="utf-8"))
    assert data["format"] == "jixiao-evaluation"
    assert (data["project_count"], data["mean_total"]) == (2, "91.50")
    assert data["grade_counts"] == {"excellent": 1, "good": 1, "fair": 0, "poor": 0}
    p1 = data["projects"][0]
    assert (p1["total"], p1["grade"], p1["grade_label"]) == ("88.00", "good", "良")
    assert p1["funding"][1] == {
        "source": "fiscal",
        "source_label": "财政拨款",
        "budget_initial": "80.00",
        "budget_adjusted": "80.00",
        "spent": "76.00",
        "rate": "95.00",
    }
    assert p1["level_scores"][0] == {"level1": "output", "label": "产出指标", "points": "47.50"}
    first = p1["indicators"][0]
    assert (first["weight"], first["score"], first["method"]) == ("12.50", "10.00", "positive")
    assert first["under_scored"] is True
    assert p1["indicators"][4]["achievement"] == "partly"
    assert [f["rule"] for f in data["findings"]] == ["evaluate-no-analysis"]


# --- bad and bare input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("write", "result", "listed"),
    [
        (write_monitoring_report, sample_monitoring(), "xlsx、html、json"),
        (write_evaluation_report, sample_evaluation(), "xlsx、docx、html、json"),
    ],
)
def test_write__unknown_format_raises_in_chinese(tmp_path, write, result, listed) -> None:
    with pytest.raises(ValueError, match=f"未知的.*报告格式：'pdf'（可选：{listed}）"):
        write(result, tmp_path / "x.pdf", "pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_write__empty_and_unknown_values_render(tmp_path) -> None:
    """No projects, and a project with nothing known (no amounts, status, curve, code,
    money unit): every format writes, showing ``—`` or blanks."""
    empty_m = MonitoringResult(
        unit_code="1",
        unit_name="空",
        fiscal_year=2025,
        period_month=1,
        money_unit=None,
        projects=(),
        budget_total=None,
        spent_total=None,
        execution_rate=None,
        planned_share=None,
    )
    bare = monitoring_project(
        money_unit=None,
        budget=None,
        spent=None,
        projected_spent=None,
        execution_rate=None,
        planned_share=None,
        deviation_points=None,
        status=None,
        plan_curve=(),
        indicators=(),
        findings=(),
        project_code=None,
    )
    bare_m = replace(empty_m, projects=(bare,))
    empty_e = EvaluationResult(
        unit_code="1", unit_name="空", fiscal_year=2025, projects=(), mean_total=None
    )
    bare_e = replace(
        empty_e,
        projects=(
            project_score(
                money_unit=None,
                funding=(),
                indicators=(),
                goal=None,
                execution_rate=None,
                level_scores=(),
                grade=Grade.POOR,
                total=D(0),
                execution_score=D(0),
            ),
        ),
    )
    for i, result in enumerate((empty_m, bare_m)):
        for fmt in ("xlsx", "html", "json"):
            write_monitoring_report(result, tmp_path / f"m{i}.{fmt}", fmt)
    for i, result in enumerate((empty_e, bare_e)):
        for fmt in ("xlsx", "docx", "html", "json"):
            write_evaluation_report(result, tmp_path / f"e{i}.{fmt}", fmt)
    html = (tmp_path / "m1.html").read_text(encoding="utf-8")
    assert '<span class="badge status-none">未判定</span>' in html
    ws = load_workbook(tmp_path / "m1.xlsx")["汇总"]
    assert ws["A3"].value == "单位合计" and ws["M4"].value == 1  # one project undetermined
    data = json.loads((tmp_path / "e0.json").read_text(encoding="utf-8"))
    assert data["mean_total"] is None and data["projects"] == []


@settings(max_examples=15, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
@example(r"$\frac{1}{2}$ 'x' \x08")
@example("\x00\x1f[a]:*?/'")
def test_write__any_unit_text_renders_in_every_format(tmp_path_factory, text) -> None:
    """Whatever a unit typed (control characters, ``$…$`` that matplotlib would read as
    math, sheet-name characters, apostrophes), every format is written."""
    out = tmp_path_factory.mktemp("any")
    m = sample_monitoring(
        projects=(
            monitoring_project(
                project_name=text,
                indicators=(monitoring_indicator(level1=text, level3=text, remark=text),),
            ),
        )
    )
    for fmt in ("xlsx", "html", "json"):
        write_monitoring_report(m, out / f"m.{fmt}", fmt)
    e = sample_evaluation()
    p1 = replace(
        e.projects[0],
        project_name=text,
        goal=text,
        indicators=(indicator_score(level2_raw=text, actual_raw=text, improvement=text),),
    )
    for fmt in ("xlsx", "docx", "html", "json"):
        write_evaluation_report(replace(e, projects=(p1,)), out / f"e.{fmt}", fmt)
    assert json.loads((out / "e.json").read_text(encoding="utf-8"))["projects"][0]["goal"] == text


# --- charts ----------------------------------------------------------------------------


def test_plan_share_at__linear_between_points_and_held_after() -> None:
    """Project 1's plan at 7: 50 + (80 − 50) × (7 − 6) ÷ (10 − 6) = 57.5; before the
    first point none; after the last the plan holds."""
    c = curve((3, "20"), (6, "50"), (10, "80"))
    assert plan_share_at(c, 7) == D("57.5")
    assert plan_share_at(c, 6) == D(50)
    assert plan_share_at(c, 12) == D(80)
    assert plan_share_at((), 5) is None
    assert plan_share_at(((3, D(20)),), 1) is None


def test_unit_plan_curve__budget_weighted() -> None:
    """At month 3: (100 × 20 + 50 × 30 + 200 × 25) ÷ 350 = 8500 ÷ 350 = 24.29 %; at 12
    all reach 100. Interpolated to month 7 it gives the unit's planned share 58.21 %.
    A project in 元 counts in 万元: 1,000,000 元 = 100 万元."""
    result = sample_monitoring()
    unit = dict(unit_plan_curve(result))
    assert sorted(unit) == [0, 3, 6, 10, 12]
    assert unit[3].quantize(D("0.01")) == D("24.29") and unit[12] == 100
    at7 = plan_share_at(tuple(sorted(unit.items())), 7)
    assert at7.quantize(D("0.01")) == D("58.21")
    in_yuan = replace(result.projects[0], money_unit=MoneyUnit.YUAN, budget=D(1_000_000))
    mixed = replace(result, projects=(in_yuan, *result.projects[1:]))
    assert dict(unit_plan_curve(mixed))[3] == unit[3]


def test_spending_chart_svg__chinese_text_plan_points_and_actual() -> None:
    """Project 1: text stays text (title, legend), each plan point is labelled (20 %,
    50 %, 80 %, 100 %) and the plan line goes through the five points of its curve;
    the actual 42 % is drawn and labelled. Two renderings are byte-identical."""
    result = sample_monitoring()
    svg = spending_chart_svg(result, 1)
    assert svg.startswith("<svg") and "<?xml" not in svg and "<!DOCTYPE" not in svg
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "办公设备购置" in texts
    assert "计划与实际累计支出进度（1—7月）" in texts
    assert {"计划累计支出进度", "计划进度 57.5%", "实际执行率 42%"} <= set(texts)
    assert [t for t in texts if t in {"20%", "50%", "80%", "100%"}].count("50%") == 1
    assert "Noto Sans CJK SC" in svg
    plan = re.search(r'<g id="plan-curve">\s*<path d="([^"]+)"', svg).group(1)
    assert plan.count("L") == 4 and plan.lstrip().startswith("M")
    assert '<g id="actual">' in svg
    assert svg == spending_chart_svg(result, 1)
    assert "Date" not in svg and "<metadata>" not in svg
    prefixed = spending_chart_svg(result, 1, id_prefix="x-")
    assert '<g id="x-plan-curve">' in prefixed and 'id="plan-curve"' not in prefixed


def test_spending_chart_svg__unit_title_and_unknown_project() -> None:
    svg = spending_chart_svg(sample_monitoring())
    assert "计划与实际累计支出进度（1—7月，按预算加权）" in svg
    assert ">26.29%<" in svg
    with pytest.raises(ValueError, match="没有序号为 9 的项目"):
        spending_chart_svg(sample_monitoring(), 9)


def test_spending_chart_svg__long_name_is_cut_and_script_escaped() -> None:
    result = sample_monitoring(projects=(monitoring_project(project_name=SCRIPT * 3),))
    svg = spending_chart_svg(result, 1)
    assert "<script" not in svg
    assert ">&lt;script&gt;alert(1…</text>" in svg  # 15 characters and …


def test_write_spending_chart__png_and_svg_files(tmp_path) -> None:
    """PNG starts with the PNG signature and draws without a missing-glyph warning
    (Chinese words are left out when no CJK font is installed); SVG keeps its prolog."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = write_spending_chart(sample_monitoring(), tmp_path / "a" / "u.png")
        write_spending_chart(sample_monitoring(), tmp_path / "p.png", project_seq=3)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = write_spending_chart(sample_monitoring(), tmp_path / "u.svg", fmt="svg")
    assert svg.read_text(encoding="utf-8").startswith("<?xml")
    with pytest.raises(ValueError, match="未知的图表格式：'gif'（可选：png、svg）"):
        write_spending_chart(sample_monitoring(), tmp_path / "u.gif", fmt="gif")


def test_percent_text__trims_zeros() -> None:
    assert [percent_text(D(x)) for x in ("57.50", "20", "26.285", "0")] == [
        "57.5%",
        "20%",
        "26.29%",
        "0%",
    ]


def test_finding_and_indicator_builders_are_consistent() -> None:
    """The sample's numbers add up as the builders' docstrings say (guards the fixtures)."""
    m = sample_monitoring()
    assert sum(p.budget for p in m.projects) == m.budget_total
    assert sum(p.spent for p in m.projects) == m.spent_total
    for p in m.projects:
        assert p.execution_rate == (p.spent / p.budget * 100).quantize(D("0.01"))
        assert p.deviation_points == p.execution_rate - p.planned_share
        assert plan_share_at(p.plan_curve, 7) == p.planned_share
    e = sample_evaluation()
    for p in e.projects:
        assert p.total == p.execution_score + sum(i.score for i in p.indicators)
        assert p.execution_weight + sum(i.weight for i in p.indicators) == 100
    assert e.mean_total == sum(p.total for p in e.projects) / 2
    assert monitoring_indicator().status is Status.YELLOW
    assert indicator_score().is_under_scored
    assert finding().project_seq == 1
