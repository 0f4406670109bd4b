"""XLSX out and in: the round trip on the five seeds, hand-made workbooks, templates,
bad input.

The oracle is the DOCX one (``roundtrip.py``): seed → model →
``write_disclosure_xlsx`` → ``read_disclosure`` gives the same model, compared as
interchange dicts with what names a place in a file taken out. The hand-made
workbooks (``xlsx_fixtures``) are built with openpyxl directly, as a unit would
make them in Excel; their expected values are written out here.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx_fixtures import unit_disclosure
from roundtrip import SEEDS, assert_same, comparable, expected_back, without_places
from xlsx_fixtures import (
    phone_list,
    poem_workbook,
    split_project,
    uncalculated_formula,
    unit_workbook,
    zip_bomb,
)

from jixiao.ingest import IngestError, iter_document_paths, parse_disclosure, read_disclosure
from jixiao.ingest.cell_display import display_text
from jixiao.ingest.docx_reader import DOCX_NOTE_RULE
from jixiao.ingest.sniff import FileFormat, sniff_format
from jixiao.ingest.xlsx_reader import xlsx_text
from jixiao.model import ColumnRole, Layout, MoneyUnit, PlanKind, TableKind
from jixiao.model.codec import disclosure_from_dict, disclosure_to_dict
from jixiao.publish.disclosure_xlsx import as_number, write_disclosure_xlsx, write_xlsx_template

XLSX_NOTE_RULE = "ingest-xlsx-lines"

# --- the round trip on the seeds ---------------------------------------------------------


@pytest.mark.seeds
@pytest.mark.parametrize("seed", SEEDS)
def test_xlsx_roundtrip__seed_reads_back_as_the_same_model(seed, seed_path, tmp_path):
    original = read_disclosure(seed_path(seed))
    written = write_disclosure_xlsx(original, tmp_path / f"{seed}.xlsx")
    back = read_disclosure(written)

    assert sniff_format(written.read_bytes()) is FileFormat.XLSX
    assert back.source.path == str(written)
    assert back.source.layout is Layout.WORD_EXPORT
    assert [n.rule for n in back.notes][:1] == [XLSX_NOTE_RULE]
    expected = expected_back(disclosure_to_dict(original), seed)
    assert_same(expected, comparable(disclosure_to_dict(back)))


@pytest.mark.seeds
def test_xlsx_roundtrip__written_again_reads_the_same(seed_path, tmp_path):
    once = read_disclosure(
        write_disclosure_xlsx(read_disclosure(seed_path("001")), tmp_path / "a.xlsx")
    )
    twice = read_disclosure(write_disclosure_xlsx(once, tmp_path / "b.xlsx"))
    assert_same(comparable(disclosure_to_dict(once)), comparable(disclosure_to_dict(twice)))


@pytest.mark.seeds
def test_xlsx_roundtrip__model_without_locations_in_the_standard_order(seed_path, tmp_path):
    read = read_disclosure(seed_path("001"))
    bare = disclosure_from_dict(without_places(disclosure_to_dict(read)))
    path = write_disclosure_xlsx(bare, tmp_path / "bare.xlsx")
    back = read_disclosure(path)
    assert_same(comparable(disclosure_to_dict(bare)), comparable(disclosure_to_dict(back)))
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert names[0] == "部门预算收支总表"  # tables come first, projects last
    assert names[-1].startswith("项目18 ")


# --- what the workbook looks like ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_001_workbook(seed_path, tmp_path_factory):
    """Seed 001 written as .xlsx once, and opened with openpyxl."""
    path = write_disclosure_xlsx(
        read_disclosure(seed_path("001")), tmp_path_factory.mktemp("x") / "001.xlsx"
    )
    return openpyxl.load_workbook(path)


@pytest.mark.seeds
def test_xlsx_writer__sheets_in_document_order(seed_001_workbook):
    names = seed_001_workbook.sheetnames
    assert names[:3] == ["部门预算收支总表", "部门预算收入总表", "部门预算支出总表"]
    assert names[9].startswith("第一部分平乡县机关后勤服务中心2023年")  # the narrative
    assert len(names[9]) == 31
    assert names[10] == "部门机构设置情况"  # a table inside the narrative: its own sheet
    assert "项目01 2023年度机关用房租赁费用项目" in names
    assert names[-2:] == ["部门固定资产占用情况表", "八、名词解释"]
    assert len(set(names)) == len(names)
    assert not any(set(name) & set("[]:*?/\\") for name in names)


@pytest.mark.seeds
def test_xlsx_writer__amounts_are_numbers_in_the_format_of_their_raw_text(seed_001_workbook):
    ws = seed_001_workbook["部门预算收支总表"]
    assert ws["A1"].value == "部门预算收支总表" and ws["A1"].font.b
    assert ws.freeze_panes == "A6"  # title, captions, two header rows, 栏次
    assert ws.print_title_rows == "$2:$5"  # repeated on each printed page
    row = next(r for r in ws.iter_rows(min_row=6) if r[1].value == "一、一般公共预算拨款收入")
    amount = next(c for c in row[2:] if c.value is not None)
    assert (amount.data_type, amount.value, amount.number_format) == ("n", 4131.67, "0.00")
    assert (row[0].data_type, row[0].value) == ("s", "1")  # 序号 stays text
    income = seed_001_workbook["部门预算收入总表"]
    codes = [c.value for c in income["B"] if c.value and str(c.value).startswith("201")]
    assert codes[:2] == ["201", "20103"]  # codes stay text
    assert income.page_setup.orientation == "landscape"  # 13 columns
    assert int(income.page_setup.paperSize) == 9  # A4
    assets = seed_001_workbook["部门固定资产占用情况表"]
    row = _cell(assets, "1、房屋（平方米）").row
    count = assets.cell(row, _cell(assets, "数量").column)
    assert (count.value, count.number_format) == (2293, "0")


@pytest.mark.seeds
def test_xlsx_writer__project_sheet_merges_and_numbers(seed_path, tmp_path):
    path = write_disclosure_xlsx(read_disclosure(seed_path("000")), tmp_path / "000.xlsx")
    ws = openpyxl.load_workbook(path)["项目01 残疾人保障金"]
    assert ws["A1"].value == "1.残疾人保障金绩效目标表"
    ranges = {str(r) for r in ws.merged_cells.ranges}
    (output,) = [c for c in ws["A"] if c.value == "产出指标"]
    # the 一级 name 产出指标 is one cell merged down over its four rows
    assert f"A{output.row}:A{output.row + 3}" in ranges
    assert ws.cell(output.row + 1, 1).value is None
    budget = next(r for r in ws.iter_rows() if r[1].value == "预算数")
    amount = next(c for c in budget[2:] if c.value is not None)
    assert (amount.value, amount.number_format) == (3000, "0.00")
    plan = ws[budget[0].row + 3]  # 资金用途, then the months, then the plan
    assert [(c.value, c.number_format) for c in plan if c.value is not None] == [
        (0.25, "0%"),
        (0.5, "0%"),
        (0.75, "0%"),
        (1, "0%"),
    ]
    assert ws.page_setup.orientation == "portrait"


@pytest.mark.seeds
def test_xlsx_writer__text_like_a_formula_stays_text(seed_path, tmp_path):
    doc = read_disclosure(seed_path("004"))
    first = replace(doc.projects[0], purpose="=SUM(A1)用于平台运行")
    doc = replace(doc, projects=(first, *doc.projects[1:]))
    path = write_disclosure_xlsx(doc, tmp_path / "formula.xlsx")
    ws = openpyxl.load_workbook(path).worksheets[1]
    (cell,) = [c for row in ws.iter_rows() for c in row if c.value == "=SUM(A1)用于平台运行"]
    assert cell.data_type == "s"
    assert read_disclosure(path).projects[0].purpose == "=SUM(A1)用于平台运行"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1,200.50", (1200.5, "#,##0.00")),
        ("4131.67", (4131.67, "0.00")),
        ("3000", (3000, "0")),
        ("-12.50", (-12.5, "0.00")),
        ("0.00", (0.0, "0.00")),
        ("25%", (0.25, "0%")),
        ("12.5%", (0.125, "0.0%")),
        ("-", None),
        ("007", None),
        ("1,2345", None),
        ("12345678901234567.5", None),  # more digits than a double holds
        ("≥95%", None),
        ("20万元", None),
    ],
)
def test_xlsx_writer__amount_as_number_only_when_it_shows_the_same(raw, expected):
    assert as_number(raw) == expected


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (1200.5, "#,##0.00", "1,200.50"),
        (0.1 + 0.2, "General", "0.3"),
        (2010350, "General", "2010350"),
        (3.0, "General", "3"),
        (0.85, "0%", "85%"),
        (0.07, "0%", "7%"),
        (0.125, "0.0%", "12.5%"),
        (-12.5, "#,##0.00_);(#,##0.00)", "(12.50)"),
        (1200.5, "#,##0.00####", "1,200.50"),
        (20, '0.00"万元"', "20.00万元"),
        (1234567, "#,##0,", "1,235"),
        (0, '0.00;-0.00;"-"', "-"),
        (0, "0.00;-0.00;", ""),  # an empty section hides zeros
        (-3, "0.00;[Red]0.00", "3.00"),  # the negative section prints no sign
        (1234.5, "[Red]#,##0.00", "1,234.50"),
        (dt.datetime(2022, 12, 31), "yyyy-mm-dd", "2022-12-31"),
        (dt.datetime(2022, 12, 31), "mm-dd-yy", "2022/12/31"),  # built-in 14, zh-CN
        (dt.datetime(2022, 12, 31), 'yyyy"年"m"月"d"日"', "2022年12月31日"),
        (dt.datetime(2024, 3, 5, 13, 5), "yyyy/m/d h:mm", "2024/3/5 13:05"),
        ("1,200.50", "General", "1,200.50"),
        (None, "0.00", ""),
    ],
)
def test_display_text__as_excel_shows_it(value, number_format, shown):
    assert display_text(value, number_format) == shown


# --- hand-made workbooks -----------------------------------------------------------------


@pytest.fixture(scope="module")
def unit_xlsx(tmp_path_factory) -> Path:
    """The hand-made county workbook (``xlsx_fixtures.unit_workbook``), built once."""
    return unit_workbook(tmp_path_factory.mktemp("xlsx") / "unit.xlsx")


def test_xlsx_reader__two_level_header_numbers_as_text_and_a_formula(unit_xlsx):
    doc = read_disclosure(unit_xlsx)
    table = doc.budget_tables[0]
    assert (table.title, table.kind, table.money_unit) == (
        "部门预算收入总表",
        TableKind.INCOME_SUMMARY,
        MoneyUnit.WAN_YUAN,
    )
    assert table.captions == (
        "430001某某县机关事务服务中心",
        "预算年度：2024",
        "单位：万元",
    )
    assert [(c.key, c.role, c.column_no) for c in table.columns] == [
        ("序号", ColumnRole.SEQ, "栏次"),
        ("功能分类科目/科目编码", ColumnRole.CODE, "1"),
        ("功能分类科目/科目名称", ColumnRole.NAME, "2"),
        ("合计", ColumnRole.VALUE, "3"),
        ("本年收入/小计", ColumnRole.VALUE, "4"),
        ("本年收入/财政拨款收入", ColumnRole.VALUE, "5"),
        ("本年收入/事业收入", ColumnRole.VALUE, "6"),
        ("上年结转", ColumnRole.VALUE, "7"),
    ]  # the blank column I is gone
    assert [(r.seq, r.code, r.name) for r in table.rows] == [
        ("1", "201", "一般公共服务支出"),
        ("2", "20103", "政府办公厅（室）及相关机构事务"),
        ("3", "2010350", "事业运行"),
    ]
    typed, as_text, formula = table.rows
    assert typed.raw("合计") == "1,200.50" and typed.value("合计") == Decimal("1200.50")
    assert as_text.raw("合计") == "1,200.50" and as_text.value("合计") == Decimal("1200.50")
    assert typed.raw("本年收入/事业收入") == "200.00"  # the number 200 in #,##0.00
    assert formula.raw("合计") == "800.00"  # =E8+H8, the value Excel saved
    assert formula.value("本年收入/事业收入") is None
    assert table.note == "注：本表反映部门本年度收入预算。"
    assert (doc.unit_code, doc.unit_name, doc.fiscal_year) == (
        "430001",
        "某某县机关事务服务中心",
        2024,
    )


def test_xlsx_reader__two_tables_on_one_sheet_in_yuan_beside_wan_yuan(unit_xlsx):
    doc = read_disclosure(unit_xlsx)
    three, units = doc.budget_tables[1:]
    assert three.title == "部门预算财政拨款“三公”经费支出表"
    assert three.kind is TableKind.THREE_PUBLIC_EXPENSES
    assert three.money_unit is MoneyUnit.YUAN  # 单位：元 on its own line above the header
    assert doc.budget_tables[0].money_unit is MoneyUnit.WAN_YUAN
    (row,) = three.rows
    assert row.name == "“三公”经费"
    assert [v.value for v in row.values] == [
        Decimal("12000.00"),
        Decimal("0.00"),
        Decimal("8000.00"),
        Decimal("4000.00"),
    ]
    assert units.title == "部门机构设置情况"
    assert [(r.name, [v.raw for v in r.values]) for r in units.rows] == [
        ("某某县机关事务服务中心本级", ["事业", "正科级", "财政拨款"])
    ]
    assert len(doc.budget_tables) == 3  # the hidden lookup sheet is not read


def test_xlsx_reader__level1_merged_over_five_rows(unit_xlsx):
    doc = read_disclosure(unit_xlsx)
    (project,) = doc.projects
    assert (project.seq, project.project_code, project.project_name) == (
        1,
        "13052424P0000021001",
        "公务用车运行维护经费",
    )
    assert (project.unit_code, project.unit_name, project.money_unit) == (
        "430001",
        "某某县机关事务服务中心本级",
        MoneyUnit.WAN_YUAN,
    )
    assert project.budget_total.value == Decimal("20.00")
    assert project.budget_fiscal.raw == "20.00"
    assert (project.budget_other.raw, project.budget_other.value) == ("", None)
    assert project.purpose == "用于公务用车的燃油、维修、保险等运行维护支出"
    assert [(c.month, c.raw, c.value, c.kind) for c in project.spending_plan] == [
        (3, "25%", Decimal("25"), PlanKind.PERCENT),
        (6, "50%", Decimal("50"), PlanKind.PERCENT),
        (10, "75%", Decimal("75"), PlanKind.PERCENT),
        (12, "100%", Decimal("100"), PlanKind.PERCENT),
    ]
    assert project.goals == ("1.保障公务用车安全正常运行。", "2.控制运行维护成本。")
    rows = [
        (i.level1.raw, i.level1.carried, i.level2.raw, i.level2.carried, i.level3, i.target.raw)
        for i in project.indicators
    ]
    assert rows == [
        ("产出指标", False, "数量指标", False, "保障公务用车数量", "≥25辆"),
        ("产出指标", True, "数量指标", True, "车辆年检率", "100%"),  # the number 1 in 0%
        ("产出指标", True, "质量指标", False, "车辆完好率", "≥95%"),
        ("产出指标", True, "时效指标", False, "维修及时率", "≥90%"),
        ("产出指标", True, "成本指标", False, "单车运行维护费", "≤1.8万元/辆"),
        ("效益指标", False, "社会效益指标", False, "公务出行保障", "有效保障"),
        ("效益指标", True, "可持续影响指标", False, "车辆使用年限", "长效提升"),
        ("满意度指标", False, "服务对象满意度指标", False, "用车单位满意度", "≥90%"),
    ]
    assert project.indicators[4].target.value == Decimal("1.8")
    assert all(i.basis for i in project.indicators)  # 指标值确定依据 spans two columns


def test_xlsx_reader__goals_as_lines_of_text(unit_xlsx):
    goals = read_disclosure(unit_xlsx).department_goals
    assert goals.overall_goal == "保障机关高效运转，降低行政运行成本。"
    assert [(s.seq, s.title, s.goal, s.indicators_text) for s in goals.sub_goals] == [
        ("1", "公务用车保障", "保障公务出行。", "车辆完好率≥95%。")
    ]
    assert goals.safeguards == ("1、完善制度建设。", "2、加强支出管理。")


@pytest.mark.parametrize("on_next_sheet", [False, True], ids=["same sheet", "next sheet"])
def test_xlsx_reader__table_in_two_parts(unit_xlsx, tmp_path, on_next_sheet):
    whole = read_disclosure(unit_xlsx).projects[0]
    split = read_disclosure(
        split_project(tmp_path / "split.xlsx", on_next_sheet=on_next_sheet)
    ).projects[0]
    assert [(i.level1.raw, i.level2.raw, i.level3, i.target.raw) for i in split.indicators] == [
        (i.level1.raw, i.level2.raw, i.level3, i.target.raw) for i in whole.indicators
    ]


def test_xlsx_reader__borderless_tables_stacked_under_their_titles(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    rows = [
        ["部门预算财政拨款“三公”经费支出表"],
        ["430001某某县机关事务服务中心", None, "预算年度：2024", "单位：元"],
        ["项目", "合计", "因公出国（境）费", "公务接待费"],
        ["“三公”经费", 1200, 0, 1200],
        ["其中："],  # a row with only its name between two rows: the table's
        ["公务接待", 1200, 0, 1200],
        ["部门机构设置情况"],  # bold: the next table's title
        ["单位名称", "单位性质", "单位规格", "经费保障形式"],
        ["某某县机关事务服务中心本级", "事业", "正科级", "财政拨款"],
    ]
    for row in rows:
        ws.append(row)
    ws["A7"].font = openpyxl.styles.Font(bold=True)
    wb.save(tmp_path / "plain.xlsx")
    three, units = read_disclosure(tmp_path / "plain.xlsx").budget_tables
    assert (three.title, three.money_unit) == ("部门预算财政拨款“三公”经费支出表", MoneyUnit.YUAN)
    assert [(r.name, [v.raw for v in r.values]) for r in three.rows] == [
        ("“三公”经费", ["1200", "0", "1200"]),
        ("其中：", ["", "", ""]),
        ("公务接待", ["1200", "0", "1200"]),
    ]
    assert units.title == "部门机构设置情况"
    assert [r.name for r in units.rows] == ["某某县机关事务服务中心本级"]


def test_xlsx_reader__fixture_round_trips_through_the_writer(unit_xlsx, tmp_path):
    original = read_disclosure(unit_xlsx)
    back = read_disclosure(write_disclosure_xlsx(original, tmp_path / "again.xlsx"))
    assert_same(comparable(disclosure_to_dict(original)), comparable(disclosure_to_dict(back)))


def test_xlsx_text__merged_cells_print_once(unit_xlsx):
    lines = xlsx_text(unit_xlsx.read_bytes(), path="unit.xlsx").split("\n")
    assert lines.count("\t产出指标") == 1  # merged over five rows, printed once
    assert lines.count("\t10月底") == 1  # spans two columns
    header = lines.index("\t科目编码")
    assert lines[header - 1] == "\t"  # 序号 merged down: a blank continuation cell
    assert "[bookmark: _Toc]部门预算收入总表" in lines  # the title row: a heading
    assert "\t1,200.50" in lines and "\t800.00" in lines


# --- templates ---------------------------------------------------------------------------


def _cell(ws, text: str):
    """The one cell of ``ws`` holding ``text``."""
    (found,) = [c for row in ws.iter_rows() for c in row if c.value == text]
    return found


def _right_of(ws, cell, steps: int = 1):
    """The cell ``steps`` cells right of ``cell``, a merged range counting once."""
    row, column = cell.row, cell.column
    for _ in range(steps):
        merged = next(
            (r for r in ws.merged_cells.ranges if (r.min_row, r.min_col) == (row, column)), None
        )
        column = (merged.max_col if merged else column) + 1
    return ws.cell(row, column)


def test_xlsx_template__blank_has_the_standard_layout(tmp_path):
    path = write_xlsx_template(tmp_path / "blank.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "填表说明"
    assert wb.sheetnames[1:10] == [
        "部门预算收支总表",
        "部门预算收入总表",
        "部门预算支出总表",
        "部门预算财政拨款收支总表",
        "部门预算一般公共预算财政拨款支出表",
        "部门预算一般公共预算财政拨款基本支出表",
        "部门预算政府性基金预算财政拨款支出表",
        "部门预算国有资本经营预算财政拨款支出表",
        "部门预算财政拨款“三公”经费支出表",
    ]
    assert wb.sheetnames[10:] == ["部门整体绩效目标", "项目01"]
    assert "填好后保存为 .xlsx" in "".join(c.value or "" for c in wb["填表说明"]["A"])
    project = wb["项目01"]
    assert [c.value for c in project["B"][9:18]] == [
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    ]
    three = wb["部门预算财政拨款“三公”经费支出表"]
    assert _cell(three, "二、公务用车购置及运维费").row == 9
    assert three.freeze_panes == "A6"
    with pytest.raises(IngestError, match="预算年度"):  # nothing filled in yet
        read_disclosure(path)


def test_xlsx_template__blank_filled_by_hand_reads_back(tmp_path):
    path = write_xlsx_template(tmp_path / "blank.xlsx")
    wb = openpyxl.load_workbook(path)
    income = wb["部门预算收入总表"]
    income["A2"] = "430001某某县机关事务服务中心"
    _cell(income, "预算年度：").value = "预算年度：2024"
    row = _cell(income, "栏次").row + 1  # the first blank row
    for label, value in {
        "序号": "1",
        "科目编码": "201",
        "科目名称": "一般公共服务支出",
        "合计": 120.5,
        "小计": 120.5,
        "财政拨款收入": 120.5,
    }.items():
        income.cell(row, _cell(income, label).column).value = value
    assert income.cell(row, _cell(income, "合计").column).number_format == "#,##0.00"
    project = wb["项目01"]
    project["A1"] = "1.公务用车运行维护经费绩效目标表"
    project["A2"] = "430001某某县机关事务服务中心本级"
    _right_of(project, _cell(project, "项目编码")).value = "13052424P0000021001"
    _right_of(project, _cell(project, "项目名称")).value = "公务用车运行维护经费"
    budget = _cell(project, "预算数")
    _right_of(project, budget).value = 20
    _right_of(project, budget, 3).value = 20
    project.cell(budget.row + 1, 2).value = "用于公务用车的燃油、维修等支出"
    plan = _cell(project, "3月底")
    for steps, share in enumerate((0.25, 0.5, 0.75, 1)):
        _right_of(project, project.cell(plan.row + 1, 1), steps + 1).value = share
    _right_of(project, _cell(project, "绩效目标")).value = "1.保障公务用车正常运行。"
    for level2, values in (
        ("数量指标", {"三级指标": "车辆数量", "绩效指标描述": "保障车辆数量", "指标值": "≥25辆"}),
        ("服务对象满意度指标", {"三级指标": "用车单位满意度", "指标值": "≥90%"}),
    ):
        row = _cell(project, level2).row
        for label, value in {**values, "指标值确定依据": "计划标准"}.items():
            project.cell(row, _cell(project, label).column).value = value
    goals = wb["部门整体绩效目标"]
    overall = _cell(goals, "一、总体绩效目标")
    goals.cell(overall.row + 1, 1).value = "保障机关高效运转。"
    wb.save(tmp_path / "filled.xlsx")

    doc = read_disclosure(tmp_path / "filled.xlsx")
    assert (doc.unit_code, doc.unit_name, doc.fiscal_year) == (
        "430001",
        "某某县机关事务服务中心",
        2024,
    )
    table = doc.table("income_summary")
    assert [(r.seq, r.code, r.name, r.raw("合计"), r.value("合计")) for r in table.rows] == [
        ("1", "201", "一般公共服务支出", "120.50", Decimal("120.50"))
    ]
    three = doc.table("three_public_expenses")
    assert [r.name for r in three.rows][:2] == ["合计", "“三公”经费小计"]
    (p,) = doc.projects
    assert (p.seq, p.project_code, p.project_name, p.budget_total.value) == (
        1,
        "13052424P0000021001",
        "公务用车运行维护经费",
        Decimal("20.00"),
    )
    assert p.purpose == "用于公务用车的燃油、维修等支出"
    assert [(c.month, c.raw) for c in p.spending_plan] == [
        (3, "25%"),
        (6, "50%"),
        (10, "75%"),
        (12, "100%"),
    ]
    assert p.goals == ("1.保障公务用车正常运行。",)
    assert [(i.level1.raw, i.level2.raw, i.level3, i.target.raw) for i in p.indicators] == [
        ("产出指标", "数量指标", "车辆数量", "≥25辆"),
        ("满意度指标", "服务对象满意度指标", "用车单位满意度", "≥90%"),
    ]  # the rows left blank are skipped
    assert doc.department_goals.overall_goal == "保障机关高效运转。"


@pytest.mark.seeds
def test_xlsx_template__prefilled_reads_back_as_the_disclosure(seed_path, tmp_path):
    original = read_disclosure(seed_path("004"))
    path = write_xlsx_template(tmp_path / "004.xlsx", original)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "填表说明"
    assert_same(
        comparable(disclosure_to_dict(original)),
        comparable(disclosure_to_dict(read_disclosure(path))),
    )


# --- format by content, and bad input ----------------------------------------------------


def test_ingest__xlsx_and_docx_with_extensions_that_lie(unit_xlsx, tmp_path):
    xlsx_as_docx = tmp_path / "really_excel.docx"
    xlsx_as_docx.write_bytes(unit_xlsx.read_bytes())
    from_xlsx = read_disclosure(xlsx_as_docx)
    assert from_xlsx.notes[0].rule == XLSX_NOTE_RULE
    assert from_xlsx.projects[0].project_name == "公务用车运行维护经费"

    docx_as_xlsx = unit_disclosure(tmp_path / "really_word.xlsx")
    from_docx = read_disclosure(docx_as_xlsx)
    assert from_docx.notes[0].rule == DOCX_NOTE_RULE
    assert from_docx.projects[0].project_name == "公务用车运行维护经费"


def test_ingest__formula_saved_without_its_value(tmp_path):
    with pytest.raises(IngestError, match="没有保存它的计算结果") as error:
        read_disclosure(uncalculated_formula(tmp_path / "f.xlsx"))
    assert "工作表“三公”的单元格 B3 是公式（=C3+D3+E3）" in error.value.message


def test_ingest__truncated_xlsx_is_a_broken_zip(unit_xlsx):
    data = unit_xlsx.read_bytes()
    with pytest.raises(IngestError, match="文件已损坏") as error:
        parse_disclosure(data[: len(data) // 2], path="半截.xlsx")
    assert error.value.path == "半截.xlsx"


def test_ingest__xlsx_with_a_corrupt_sheet(unit_xlsx):
    with zipfile.ZipFile(unit_xlsx) as archive:
        info = archive.getinfo("xl/worksheets/sheet4.xml")
        offset = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data = bytearray(unit_xlsx.read_bytes())
    data[offset + 20 : offset + 60] = bytes(40)  # zero out compressed bytes
    with pytest.raises(IngestError, match="Excel 工作簿已损坏") as error:
        parse_disclosure(bytes(data), path="坏.xlsx")
    assert "坏.xlsx" in str(error.value)


def test_ingest__xlsx_zip_bomb_over_the_default_limit(tmp_path):
    path = zip_bomb(tmp_path / "bomb.xlsx")  # 210 MB of zeros inside
    assert sniff_format(path.read_bytes()) is FileFormat.XLSX
    with pytest.raises(IngestError, match="压缩炸弹") as error:
        read_disclosure(path)
    assert "200 MB" in error.value.message and error.value.path == str(path)


def test_ingest__xlsx_without_a_table(tmp_path):
    with pytest.raises(IngestError, match="没有可识别的预算表或绩效目标表"):
        read_disclosure(poem_workbook(tmp_path / "poem.xlsx"))
    with pytest.raises(IngestError, match="没有可识别的部门预算公开内容"):
        read_disclosure(phone_list(tmp_path / "phones.xlsx"))
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    with pytest.raises(IngestError, match=r"Excel（.xlsx）工作簿为空"):
        read_disclosure(tmp_path / "empty.xlsx")


@pytest.mark.seeds
def test_ingest__monitoring_template_is_not_a_disclosure(seed_path, tmp_path):
    from jixiao.model.actuals import ActualsKind
    from jixiao.publish.actuals_template import write_template

    disclosure = read_disclosure(seed_path("004"))
    path = write_template(disclosure, ActualsKind.MONITORING, tmp_path / "m7.xlsx", period_month=7)
    with pytest.raises(IngestError, match="填报模板") as error:
        read_disclosure(path)
    assert "jixiao actuals import" in error.value.message


# --- legacy .xls -------------------------------------------------------------------------


def _ole(names: list[str]) -> bytes:
    """A minimal OLE2 compound file whose directory holds entries named ``names``
    (no stream data): enough for sniffing, not a readable workbook."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[30:32] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[44:48] = (1).to_bytes(4, "little")  # one FAT sector
    header[48:52] = (1).to_bytes(4, "little")  # the directory at sector 1
    header[76:80] = (0).to_bytes(4, "little")  # the FAT at sector 0
    fat = bytearray(b"\xff" * 512)
    fat[0:4] = (0xFFFFFFFD).to_bytes(4, "little")  # the FAT's own sector
    fat[4:8] = (0xFFFFFFFE).to_bytes(4, "little")  # end of the directory chain
    directory = bytearray(512)
    for index, name in enumerate(["Root Entry", *names][:4]):
        encoded = (name + "\0").encode("utf-16-le")
        entry = index * 128
        directory[entry : entry + len(encoded)] = encoded
        directory[entry + 64 : entry + 66] = len(encoded).to_bytes(2, "little")
    return bytes(header + fat + directory)


def test_sniff__ole_file_by_its_directory():
    assert sniff_format(_ole(["Workbook", "\x05SummaryInformation"])) is FileFormat.XLS
    assert sniff_format(_ole(["WordDocument", "1Table"])) is FileFormat.OLE
    assert sniff_format(_ole(["EncryptionInfo", "EncryptedPackage"])) is FileFormat.OLE
    assert sniff_format(_ole(["WordDocument", "Workbook"])) is FileFormat.OLE  # embedded


def test_ingest__xls_that_xlrd_cannot_open(tmp_path):
    path = tmp_path / "broken.xls"
    path.write_bytes(_ole(["Workbook"]))
    with pytest.raises(IngestError, match=r"旧版 Excel（.xls）工作簿无法读取"):
        read_disclosure(path)
    doc = tmp_path / "old.doc"
    doc.write_bytes(_ole(["WordDocument", "1Table"]))
    with pytest.raises(IngestError, match=r"旧版 Office 文件（.doc/.ppt）"):
        read_disclosure(doc)


def _soffice_xls(source: Path, folder: Path) -> Path:
    """``source`` converted to .xls by LibreOffice Calc; skips the test without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: no way to make an .xls")
    profile = (folder / "lo-profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless"]
    subprocess.run(
        [*command, "--convert-to", "xls", "--outdir", str(folder), str(source)],
        capture_output=True,
        timeout=240,
        check=False,
    )
    target = folder / (source.stem + ".xls")
    if not target.exists():
        pytest.skip("LibreOffice Calc could not convert to .xls (libreoffice-calc missing?)")
    return target


def test_ingest__legacy_xls_reads_as_its_xlsx(unit_xlsx, tmp_path):
    xls = _soffice_xls(unit_xlsx, tmp_path)
    assert sniff_format(xls.read_bytes()) is FileFormat.XLS
    from_xls = read_disclosure(xls)
    assert from_xls.notes[0].rule == "ingest-xls-lines"
    assert_same(
        comparable(disclosure_to_dict(read_disclosure(unit_xlsx))),
        comparable(disclosure_to_dict(from_xls)),
    )
    assert [p.name for p in iter_document_paths([tmp_path])] == ["unit.xls"]


def test_ingest__xlsx_unpacked_limit_is_a_keyword(unit_xlsx):
    with pytest.raises(IngestError, match="超过上限"):
        read_disclosure(unit_xlsx, max_unpacked_bytes=10_000)
    assert read_disclosure(unit_xlsx, max_unpacked_bytes=50_000_000).projects
