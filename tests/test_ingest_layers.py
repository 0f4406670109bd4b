"""Each ingest layer alone, on small inputs written in the documents' own notation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.ingest.document import detect_layout, infer_fiscal_year
from jixiao.ingest.goals import TextParagraph, parse_department_goals
from jixiao.ingest.pdf_extraction import _grid, join_wrapped
from jixiao.ingest.projects import project_name_from_title, spending_plan, split_goals
from jixiao.ingest.reader import parse_disclosure
from jixiao.ingest.tables import SourceRow, assemble_rows, build_table, column_paths, table_kind
from jixiao.ingest.text import clean, clean_inline, decode
from jixiao.ingest.word_cells import Paragraph, TableBlock, scan_blocks
from jixiao.model import Layout, Location, MoneyUnit, PlanKind, Side, TableKind, YearEvidence


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("其中：财政    资金", "其中：财政资金"),
        ("9 部", "9部"),
        ("3 月底 6 月底", "3月底6月底"),
        ("5.00 10.00", "5.00 10.00"),
        ("  A02039900  ", "A02039900"),
        ("年度工作 计划", "年度工作计划"),
        ("一般公共预算\u3000\u3000财政拨款", "一般公共预算财政拨款"),
    ],
)
def test_clean__removes_spaces_beside_chinese_only(raw, expected):
    assert clean(raw) == expected


def test_clean_inline__joins_wrapped_lines():
    assert clean_inline("后勤管理经费\n到位率") == "后勤管理经费到位率"
    assert clean("1.甲\n2.乙") == "1.甲\n2.乙"


def test_decode__gb18030_and_bom():
    assert decode("单位：万元".encode("gb18030"), path="x") == ("单位：万元", "gb18030")
    assert decode("\ufeff单位".encode("utf-8"), path="x") == ("单位", "utf-8-sig")


def test_scan_blocks__cells_continuations_bookmarks_and_blank_lines_inside_cells():
    text = (
        "[bookmark: _Toc_1]1.测试绩效目标表\n"
        "\t绩效目标\n\t1.第一句\n2.第二句\n\n"
        "\t产出指标\n\t数量指标\n\t个数\n\n\t个数描述\n\n\t7个\n\t依据\n\n"
        "[bookmark: _GoBack]正文一段。\n"
    )
    blocks = scan_blocks(text)
    assert [type(b) for b in blocks] == [Paragraph, TableBlock, Paragraph]
    assert blocks[0] == Paragraph("1.测试绩效目标表", 1, heading=True)
    table = blocks[1]
    assert [c.text for c in table.cells] == [
        "绩效目标",
        "1.第一句\n2.第二句",
        "产出指标",
        "数量指标",
        "个数",
        "个数描述",
        "7个",
        "依据",
    ]
    assert [len(g) for g in table.groups] == [2, 3, 1, 2]
    assert blocks[2] == Paragraph("正文一段。", 15, heading=False)


def test_assemble_rows__joins_groups_split_by_blank_lines():
    groups = [SourceRow(("a", "b"), 1), SourceRow(("c",), 3), SourceRow(("d", "e", "f"), 5)]
    assert assemble_rows(groups, 3) == [
        SourceRow(("a", "b", "c"), 1),
        SourceRow(("d", "e", "f"), 5),
    ]


def test_column_paths__side_by_side_split_where_first_label_repeats():
    upper = ["序号", "收入", "支出"]
    lower = ["", "项  目", "预算数", "项  目", "预算数"]
    assert column_paths([upper, lower], 5) == [
        ("序号",),
        ("收入", "项目"),
        ("收入", "预算数"),
        ("支出", "项目"),
        ("支出", "预算数"),
    ]


def test_column_paths__code_and_name_columns_split_from_values():
    upper = ["序号", "支出部门经济分类科目", "一般公共预算基本支出"]
    lower = ["", "科目编码", "科目名称", "合计", "人员经费", "公用经费"]
    paths = column_paths([upper, lower], 6)
    assert paths[1:3] == [
        ("支出部门经济分类科目", "科目编码"),
        ("支出部门经济分类科目", "科目名称"),
    ]
    assert paths[3:] == [("一般公共预算基本支出", x) for x in ("合计", "人员经费", "公用经费")]


def test_column_paths__vertically_merged_labels_stay_alone():
    upper = ["序号", "功能分类科目", "合计", "基本支出", "项目支出"]
    lower = ["", "科目编码", "科目名称", "", "", ""]
    assert column_paths([upper, lower], 6) == [
        ("序号",),
        ("功能分类科目", "科目编码"),
        ("功能分类科目", "科目名称"),
        ("合计",),
        ("基本支出",),
        ("项目支出",),
    ]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("部门预算收支总表", TableKind.INCOME_EXPENDITURE_SUMMARY),
        ("部门财务收支预算总表", TableKind.INCOME_EXPENDITURE_SUMMARY),
        ("部门预算财政拨款收支总表", TableKind.FISCAL_APPROPRIATION_SUMMARY),
        ("部门收入预算表", TableKind.INCOME_SUMMARY),
        ("部门预算支出总表", TableKind.EXPENDITURE_SUMMARY),
        ("部门预算一般公共预算财政拨款基本支出表", TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE),
        ("部门预算一般公共预算财政拨款支出表", TableKind.GENERAL_BUDGET_EXPENDITURE),
        ("部门预算政府基金预算财政拨款支出表", TableKind.GOV_FUND_EXPENDITURE),
        ("政府性基金预算财政拨款支出表", TableKind.GOV_FUND_EXPENDITURE),
        ("部门预算国有资本经营预算财政拨款支出表", TableKind.STATE_CAPITAL_EXPENDITURE),
        ("部门预算财政拨款“三公”经费支出表", TableKind.THREE_PUBLIC_EXPENSES),
        ("部门政府采购预算", TableKind.PROCUREMENT_BUDGET),
        ("部门固定资产占用情况表", TableKind.FIXED_ASSETS),
        ("部门机构设置情况", TableKind.OTHER),
    ],
)
def test_table_kind__by_title(title, kind):
    assert table_kind(title) is kind


def test_build_table__empty_table_with_filler_row_and_note():
    rows = [
        SourceRow(("430某单位", "预算年度：2023", "单位：万元"), 1),
        SourceRow(("序号", "功能分类科目", "合计"), 5),
        SourceRow(("", "科目编码", "科目名称", ""), 8),
        SourceRow(("栏次", "1", "2", "3"), 12),
        SourceRow(("", "", "", ""), 17),
    ]
    table = build_table(
        title="部门预算国有资本经营预算财政拨款支出表",
        rows=rows,
        location=Location(file="t.txt"),
        note="注：空表列示。",
    )
    assert table.kind is TableKind.STATE_CAPITAL_EXPENDITURE
    assert table.money_unit is MoneyUnit.WAN_YUAN
    assert table.captions == ("430某单位", "预算年度：2023", "单位：万元")
    assert table.rows == () and table.is_empty and table.note == "注：空表列示。"
    assert [c.column_no for c in table.columns] == ["栏次", "1", "2", "3"]


def test_build_table__side_by_side_rows_split_by_side():
    rows = [
        SourceRow(("序号", "收入", "支出"), 1),
        SourceRow(("", "项目", "预算数", "项目", "预算数"), 2),
        SourceRow(("栏次", "1", "2", "3", "4"), 3),
        SourceRow(("1", "一、一般公共预算拨款收入", "10.00", "一、一般公共服务支出", "8.00"), 4),
        SourceRow(("2", "", "", "二、外交支出", "2.00"), 5),
    ]
    table = build_table(title="部门预算收支总表", rows=rows, location=Location(file="t.txt"))
    assert [(r.seq, r.side, r.name) for r in table.rows] == [
        ("1", Side.INCOME, "一、一般公共预算拨款收入"),
        ("1", Side.EXPENDITURE, "一、一般公共服务支出"),
        ("2", Side.EXPENDITURE, "二、外交支出"),
    ]
    assert table.rows[0].value("收入/预算数") == Decimal("10.00")
    assert table.money_unit is None


def test_infer_fiscal_year__printed_then_codes_then_targets():
    assert infer_fiscal_year("预算年度：2023\n") == (2023, YearEvidence.PRINTED)
    assert infer_fiscal_year("2020年部门预算绩效信息") == (2020, YearEvidence.PRINTED)
    assert infer_fiscal_year("\t13022524P004T4010022X\n\t13022524P004T4010023H") == (
        2024,
        YearEvidence.PROJECT_CODE,
    )
    assert infer_fiscal_year("\t项目完成时限\n\t2024年年底\n") == (2024, YearEvidence.TARGET)
    assert infer_fiscal_year("没有年份") is None


def test_detect_layout__by_content():
    word = "部门预算\n" + "\t单位：万元\n\t绩效目标\n\t一级指标\n" * 5
    pdf = "部门整体绩效目标\n预算\n一级指标 二级指标 三级指标 绩效指标描述 指标值\n"
    assert detect_layout(word) is Layout.WORD_EXPORT
    assert detect_layout(pdf) is Layout.PDF_EXTRACTION
    assert detect_layout("天气晴朗。\n" * 10) is None


def test_spending_plan__percent_amount_and_blanks():
    percent = spending_plan(
        [(3, "25%"), (6, ""), (10, "75%"), (12, "100%")], Decimal("30.00"), None
    )
    assert [(c.value, c.kind) for c in percent] == [
        (Decimal(25), PlanKind.PERCENT),
        (None, None),
        (Decimal(75), PlanKind.PERCENT),
        (Decimal(100), PlanKind.PERCENT),
    ]
    amounts = spending_plan(
        [(3, "5.00"), (6, "10.00"), (10, "20.00"), (12, "35.00")], Decimal("35.00"), None
    )
    assert {c.kind for c in amounts} == {PlanKind.AMOUNT}
    no_sign = spending_plan(
        [(3, "25.00"), (6, "50.00"), (10, "75.00"), (12, "100.00")], Decimal("30.00"), None
    )
    assert {c.kind for c in no_sign} == {PlanKind.PERCENT}


def test_split_goals__numbered_lines_and_wrapped_lines():
    assert split_goals("1.甲乙\n丙丁。\n2.戊") == ("1.甲乙丙丁。", "2.戊")
    assert split_goals("只有一句") == ("只有一句",)


def test_project_name_from_title():
    assert project_name_from_title("1.残疾人保障金绩效目标表") == "残疾人保障金"
    assert project_name_from_title("5、后勤保障经费项目绩效目标表") == "后勤保障经费"


def test_pdf_grid__wrapped_cells_level_names_and_row_ends():
    lines = list(
        enumerate(
            [
                "产出指标",
                "数量指标 电梯数量",
                "机关院内、档案馆、双创",
                "园办公楼电梯数量",
                "9 部 工作计划",
                "质量指标",
                "电梯维修合",
                "格率(%)",
                "全年机关大院内电梯维修",
                "工作合格的比例",
                "≥95% 工作计划",
                "成本指标 成本控制率",
                "实际支出数/预算下达数",
                "*100%",
                "≤100% 年度预算",
                "效益指标",
                "社会效益指",
                "标",
                "保质保量做",
                "好公车维护",
                "建立常态化公车运行机制 ≤100% 计划标准",
            ],
            start=1,
        )
    )
    rows = _grid(lines, "t.txt")
    assert [
        (
            r.fields["level1"],
            r.fields["level2"],
            r.fields["level3"],
            r.fields["description"],
            r.fields["target"],
            r.fields["basis"],
        )
        for r in rows
    ] == [
        (
            "产出指标",
            "数量指标",
            "电梯数量",
            "机关院内、档案馆、双创园办公楼电梯数量",
            "9部",
            "工作计划",
        ),
        (
            "",
            "质量指标",
            "电梯维修合格率(%)",
            "全年机关大院内电梯维修工作合格的比例",
            "≥95%",
            "工作计划",
        ),
        ("", "成本指标", "成本控制率", "实际支出数/预算下达数*100%", "≤100%", "年度预算"),
        (
            "效益指标",
            "社会效益指标",
            "保质保量做好公车维护",
            "建立常态化公车运行机制",
            "≤100%",
            "计划标准",
        ),
    ]


def test_join_wrapped__full_lines_continue_short_lines_end():
    lines = [
        (1, "一、总体绩效目标"),
        (2, "甲" * 31),
        (3, "乙" * 33),
        (4, "丙。"),
        (5, "1、丁" + "戊" * 30),
        (6, "己。"),
    ]
    paragraphs = join_wrapped(lines)
    assert [p.text for p in paragraphs] == [
        "一、总体绩效目标",
        "甲" * 31 + "乙" * 33 + "丙。",
        "1、丁" + "戊" * 30 + "己。",
    ]
    assert [p.line for p in paragraphs] == [1, 2, 5]


def test_department_goals__title_colon_goal_and_inline_safeguards():
    paragraphs = [
        TextParagraph("（一）总体绩效目标：", 1),
        TextParagraph("做好保障。", 2),
        TextParagraph("（二）分项绩效目标：", 3),
        TextParagraph("1.规章制度：组织制定各项规章制度。", 4),
        TextParagraph("2.资产管理：加强国有资产管理", 5),
        TextParagraph("（三）工作保障措施：", 6),
        TextParagraph("1、加强学习。2、规范管理。", 7),
    ]
    goals, extra = parse_department_goals(paragraphs, Location(file="t.txt"))
    assert goals.overall_goal == "做好保障。"
    assert [(s.seq, s.title, s.goal) for s in goals.sub_goals] == [
        ("1", "规章制度", "组织制定各项规章制度。"),
        ("2", "资产管理", "加强国有资产管理"),
    ]
    assert goals.safeguards == ("1、加强学习。", "2、规范管理。")
    assert extra == []


WORD_PROJECT = """\
[bookmark: _Toc_1]1.测试项目绩效目标表
\t999001测试单位本级
\t单位：万元

\t项目编码
\t99900125P0000000001A
\t项目名称
\t测试项目

\t预算规模及资金用途
\t预算数
\t10.00
\t其中：财政资金
\t10.00
\t其他资金
\t

\t
\t用于测试

\t资金支出计划（%）
\t3月底
\t6月底
\t10月底
\t12月底

\t
\t25%
\t50%
\t75%
\t100%

\t绩效目标
\t1.完成测试。

\t一级指标
\t二级指标
\t三级指标
\t绩效指标描述
\t指标值
\t指标值确定依据

\t产出指标
\t数量指标
\t测试次数
\t测试次数
\t≥12次
\t计划标准

\t质量指标
\t合格率
\t合格率
\t100%
\t计划标准

\t达标率
\t达标率
\t≥95%
\t行业标准

\t满意度指标
\t服务对象满意度指标
\t满意度
\t满意度
\t≥90%
\t计划标准
"""


def test_word_project__merged_cells_not_printed_at_all_are_carried_down():
    doc = parse_disclosure(WORD_PROJECT.encode("utf-8"), path="t.txt")
    assert (doc.unit_code, doc.unit_name, doc.fiscal_year) == ("999001", "测试单位", 2025)
    rows = [
        (i.level1.raw, i.level1.carried, i.level2.raw, i.level2.carried, i.level3, i.target.raw)
        for i in doc.projects[0].indicators
    ]
    assert rows == [
        ("产出指标", False, "数量指标", False, "测试次数", "≥12次"),
        ("产出指标", True, "质量指标", False, "合格率", "100%"),
        ("产出指标", True, "质量指标", True, "达标率", "≥95%"),
        ("满意度指标", False, "服务对象满意度指标", False, "满意度", "≥90%"),
    ]
    project = doc.projects[0]
    assert (project.purpose, project.budget_other.value, project.goals) == (
        "用于测试",
        None,
        ("1.完成测试。",),
    )
