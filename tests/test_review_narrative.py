"""The narrative family: prose figures against the tables, changes, wording, goals.

Also the figure readers of :mod:`jixiao.review.figures` the rules stand on.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from review_build import (
    department_goals,
    disclosure,
    ids_at,
    indicator,
    narrative,
    project,
    table,
)
from review_expected_narrative import EXPECTED

from jixiao.ingest import read_disclosure
from jixiao.model import (
    BudgetTable,
    ColumnRole,
    Location,
    MoneyUnit,
    Severity,
    Side,
    TableKind,
)
from jixiao.review import INTERNAL_ERROR, review
from jixiao.review.figures import (
    BASIC,
    BUDGET_TOTAL,
    CARRY_OVER,
    FIXED_ASSETS,
    GENERAL_BUDGET_INCOME,
    INCOME_TOTAL,
    OPERATING,
    PROCUREMENT,
    PROCUREMENT_GOODS,
    PROCUREMENT_SERVICES,
    PROCUREMENT_SME,
    THREE_PUBLIC,
    VEHICLE_PURCHASE,
    VEHICLES,
    classify,
    money_figures,
    normalise_name,
    quantity_figures,
)
from jixiao.review.table_figures import table_figures

DEMO = Path(__file__).parent.parent / "examples" / "demo-999001-2025.txt"

# --- builders: a small, consistent set of tables (万元) -----------------------------------


def summary_table(income_total: str = "100.00", carry_over: str = "") -> BudgetTable:
    income = ("收入/预算数", ColumnRole.VALUE, Side.INCOME)
    spending = ("支出/预算数", ColumnRole.VALUE, Side.EXPENDITURE)
    rows = [
        ("一、一般公共预算拨款收入", "100.00", ""),
        ("二、政府性基金预算拨款收入", "", ""),
        ("一、一般公共服务支出", "", "100.00"),
        ("本年收入合计", "100.00", ""),
        ("本年支出合计", "", "100.00"),
        ("上年结转结余", carry_over, ""),
        ("收入总计", income_total, ""),
        ("支出总计", "", "100.00"),
    ]
    sides = [Side.INCOME, Side.INCOME, Side.EXPENDITURE, Side.INCOME, Side.EXPENDITURE]
    sides += [Side.INCOME, Side.INCOME, Side.EXPENDITURE]
    return table(
        "部门预算收支总表",
        TableKind.INCOME_EXPENDITURE_SUMMARY,
        [income, spending],
        rows,
        code_column=False,
        sides=sides,
    )


def expenditure_table() -> BudgetTable:
    return table(
        "部门预算支出总表",
        TableKind.EXPENDITURE_SUMMARY,
        ["合计", "基本支出", "项目支出"],
        [
            ("", "合计", "100.00", "60.00", "40.00"),
            ("201", "一般公共服务支出", "100.00", "60.00", "40.00"),
        ],
        line=20,
    )


def basic_table(unit: MoneyUnit = MoneyUnit.WAN_YUAN, *values: str) -> BudgetTable:
    return table(
        "部门预算一般公共预算财政拨款基本支出表",
        TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE,
        [
            "一般公共预算基本支出/合计",
            "一般公共预算基本支出/人员经费",
            "一般公共预算基本支出/公用经费",
        ],
        [("", "合计", *(values or ("60.00", "50.00", "10.00")))],
        money_unit=unit,
        line=30,
    )


def three_public_table(vehicles: str = "4.00") -> BudgetTable:
    return table(
        "部门预算财政拨款“三公”经费支出表",
        TableKind.THREE_PUBLIC_EXPENSES,
        ["资金性质/合计"],
        [
            ("合计", "5.00"),
            ("一、因公出国（境）费", ""),
            ("二、公务用车购置及运维费", vehicles),
            ("其中：公务用车购置费", ""),
            ("公务用车运行维护费", "4.00"),
            ("三、公务接待费", "1.00"),
        ],
        code_column=False,
        line=40,
    )


def procurement_table() -> BudgetTable:
    return table(
        "部门政府采购预算",
        TableKind.PROCUREMENT_BUDGET,
        [
            ("采购物品名称", ColumnRole.TEXT),
            ("政府采购目录序号", ColumnRole.TEXT),
            "政府采购金额（当年部门预算安排资金）/合计",
            "2025年预留中小微企业份额",
        ],
        [
            ("合计", "", "", "30.00", "30.00"),
            ("物业管理服务项目", "物业管理服务", "C21040000", "20.00", "20.00"),
            ("办公区维修维护项目", "空调机", "A02061804", "10.00", "10.00"),
        ],
        code_column=False,
        line=50,
    )


def fixed_assets_table() -> BudgetTable:
    return table(
        "部门固定资产占用情况表",
        TableKind.FIXED_ASSETS,
        ["数量", "价值（金额单位：万元）"],
        [("资产总额", "", "1000.00")],
        code_column=False,
        line=60,
    )


def tables() -> list[BudgetTable]:
    return [
        summary_table(),
        expenditure_table(),
        basic_table(),
        three_public_table(),
        procurement_table(),
        fixed_assets_table(),
    ]


def prose(*paragraphs: str, tables_=None, **kwargs):
    """A disclosure with the consistent tables and one narrative section."""
    return disclosure(
        tables=tables() if tables_ is None else tables_,
        narrative_=[narrative("二、部门预算安排的总体情况", *paragraphs)],
        **kwargs,
    )


def found(doc, rule: str) -> list:
    return ids_at(review(doc, select=[rule]).findings)


def messages(doc, rule: str) -> list[str]:
    return [f.message for f in review(doc, select=[rule]).findings]


# --- figures: prose ---------------------------------------------------------------------


def test_money_figures__income_sentence_names_each_source():
    text = (
        "2023年预算收入4131.67万元，其中：一般公共预算收入4131.67万元，基金预算收入0万元，"
        "其他来源收入0万元，上年结转0万元。"
    )
    figures = money_figures(text)
    assert [(f.item, f.raw) for f in figures] == [
        (INCOME_TOTAL, "4131.67万元"),
        (GENERAL_BUDGET_INCOME, "4131.67万元"),
        ("gov_fund_income", "0万元"),
        (None, "0万元"),  # 其他来源收入 names no single table row
        (CARRY_OVER, "0万元"),
    ]
    assert figures[0].year == 2023


def test_money_figures__change_takes_the_subject_of_its_sentence():
    text = "2025年部门预算收支安排763.18万元，较2024年减少14.52万元，下降1.87%。"
    figures = money_figures(text)
    assert [(f.item, f.change, f.unit) for f in figures] == [
        (BUDGET_TOTAL, 0, "万元"),
        (BUDGET_TOTAL, -1, "万元"),
        (BUDGET_TOTAL, -1, "%"),
    ]


def test_money_figures__three_public_parts_and_change():
    text = (
        "2023年，我部门财政拨款“三公”经费预算安排161.55万元，其中：因公出国（境）费0万元；"
        "公务用车购置及运维费161.55万元（其中：公务用车购置费110万元，公务用车运行维护费"
        "51.55万元）；公务接待费0万元。“三公”经费比上年增加98.55万元。"
    )
    items = [(f.item, f.change) for f in money_figures(text)]
    assert items == [
        (THREE_PUBLIC, 0),
        ("overseas", 0),
        (VEHICLES, 0),
        (VEHICLE_PURCHASE, 0),
        ("vehicle_operation", 0),
        ("reception", 0),
        (THREE_PUBLIC, 1),
    ]


def test_money_figures__procurement_kinds_only_in_a_procurement_sentence():
    text = (
        "安排政府采购预算234.90万元，其中：货物类3.90万元，工程类45.00万元，服务类186.00万元。"
        "按规定预留面向中小企业采购的份额234.90万元，其中预留给小微企业234.90万元，"
        "占政府采购预算的100%。"
    )
    items = [f.item for f in money_figures(text) if f.unit != "%"]
    assert items[:4] == [PROCUREMENT, PROCUREMENT_GOODS, "procurement_works", PROCUREMENT_SERVICES]
    # the second sentence names 政府采购 only after its amounts: 中小企业 still needs 预留
    assert (
        classify("按规定预留面向中小企业采购的份额", procurement_sentence=True) == PROCUREMENT_SME
    )
    assert classify("服务类") is None  # outside a procurement sentence "服务" names nothing


def test_money_figures__stock_and_purchases_of_assets():
    stock, purchase = money_figures(
        "上年末固定资产金额为1236.89万元（详见下表）。本年度拟购置固定资产总额为110.00万元。"
    )
    assert (stock.item, stock.last_year) == (FIXED_ASSETS, False)
    assert purchase.item is None


def test_money_figures__amounts_that_are_not_totals_are_skipped():
    assert money_figures("单价3.64元/平方米/月，总价1.2亿元") == ()


def test_money_figures__empty_and_odd_text():
    assert money_figures("") == ()
    assert money_figures("。；，，") == ()
    assert money_figures("其中：万元，元") == ()


# --- figures: goal quantities ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("改造维护维修面积1万平米。", [("改造维护维修面积", Decimal(10000), "平方米")]),
        ("（1）数量指标：年度指标值90批次。", [("", Decimal(90), "批")]),
        ("年用电量控制在85万千瓦时以内", [("年用电量", Decimal(850000), "千瓦时")]),
        ("单车年均运行维护费≤2.60万元", [("单车年均运行维护费", Decimal("26000.00"), "元")]),
        ("车辆完好率达到90%以上", [("车辆完好率", Decimal(90), "%")]),
        ("接待工作按时按质完成率：年度指标值100%", [("接待工作按时按质完成率", Decimal(100), "%")]),
        ("服务对象满意程度：年度指标值不低于95%。", [("服务对象满意度", Decimal(95), "%")]),
        ("提高设施利用率10以上%。", [("提高设施利用率", Decimal(10), "%")]),
        ("2025年11月15日前正式供暖", []),
        ("", []),
    ],
)
def test_quantity_figures__name_value_unit(text, expected):
    assert [(q.name, q.value, q.unit) for q in quantity_figures(text)] == expected


def test_normalise_name__brackets_punctuation_counts():
    assert normalise_name("故障排除率(％)") == "故障排除率"
    assert normalise_name("维护、维修面积") == "维护维修面积"
    assert normalise_name("平台保障车辆数") == "平台保障车辆"
    assert normalise_name("室内消火栓个数（套）") == "室内消火栓"


# --- figures: tables --------------------------------------------------------------------


def test_table_figures__items_of_the_standard_tables():
    values = table_figures(disclosure(tables=tables()))
    assert values[BASIC][0].text == "60.00万元"
    assert values[OPERATING][0].text == "10.00万元"
    assert values[CARRY_OVER][0].text == "0万元（空白）"  # a blank leaf counts as 0
    assert values["class:一般公共服务支出"][0].code == "201"
    assert values[PROCUREMENT_GOODS][0].amount == Decimal("10.00")  # catalogue A…
    assert values[PROCUREMENT_SERVICES][0].amount == Decimal("20.00")  # catalogue C…
    assert values[FIXED_ASSETS][0].amount == Decimal("1000.00")


def test_table_figures__blank_vehicle_total_is_its_parts():
    values = table_figures(disclosure(tables=[three_public_table(vehicles="")]))
    assert values[VEHICLES][0].amount == Decimal("4.00")
    assert "两行之和" in values[VEHICLES][0].source


# --- narrative-figure-mismatch ---------------------------------------------------------------


def test_figure_mismatch__basic_expenditure_differs():
    doc = prose("2025年部门支出预算为100.00万元，其中基本支出60.50万元，项目支出40.00万元。")
    assert found(doc, "narrative-figure-mismatch") == [("narrative-figure-mismatch", None)]
    (message,) = messages(doc, "narrative-figure-mismatch")
    assert "基本支出为 60.50万元" in message and "60.00万元" in message


def test_figure_mismatch__consistent_prose_is_silent():
    doc = prose(
        "2025年预算收入100.00万元，其中：一般公共预算拨款收入100.00万元，政府性基金预算拨款收入"
        "0万元，上年结转0万元。2025年部门支出预算为100.00万元，其中基本支出60.00万元，包括人员"
        "经费50.00万元和日常公用经费10.00万元；项目支出40万元。",
        "2025年，我部门财政拨款“三公”经费预算安排5.00万元，其中：因公出国（境）费0万元；"
        "公务用车购置及运维费4.00万元（其中：公务用车购置费0万元，公务用车运行维护费4.00万元）；"
        "公务接待费1.00万元。",
        "2025年，本部门安排政府采购预算30.00万元，其中：货物类10.00万元，服务类20.00万元。",
        "本部门上年末固定资产金额为1000.00万元。按支出功能分类，一般公共服务支出100.00万元。",
    )
    assert found(doc, "narrative") == []


def test_figure_mismatch__a_school_naming_itself_is_still_compared():
    """A unit name ending in 小学/学校/幼儿园 is the speaker, not a narrowing of the item."""
    for name in ("示范县实验小学", "示范县第一中学", "示范县机关幼儿园", "示范县机关事务服务中心"):
        doc = prose(f"2025年，{name}安排政府采购预算31.00万元。")
        assert found(doc, "narrative-figure-mismatch") == [("narrative-figure-mismatch", None)]


def test_figure_mismatch__class_amount_carries_its_code():
    doc = prose("按支出功能分类，一般公共服务支出101.00万元。")
    assert found(doc, "narrative-figure-mismatch") == [("narrative-figure-mismatch", "201")]


def test_figure_mismatch__table_in_yuan_prose_in_wan_yuan():
    yuan_tables = [basic_table(MoneyUnit.YUAN, "600000.00", "500000.00", "100000.00")]
    assert found(prose("其中基本支出60.00万元。", tables_=yuan_tables), "narrative") == []
    doc = prose("其中基本支出61.00万元。", tables_=yuan_tables)
    assert found(doc, "narrative-figure-mismatch") == [("narrative-figure-mismatch", None)]


def test_figure_mismatch__other_years_and_changes_are_not_levels():
    doc = prose(
        "2024年部门预算为90.00万元，2025年部门支出预算为100.00万元，其中基本支出增加5.00万元。"
    )
    assert found(doc, "narrative-figure-mismatch") == []


@pytest.mark.parametrize(
    "text",
    [
        "其中：政府性基金预算项目支出45.00万元。",  # a part of 项目支出, by fund
        "其中：本级基本支出50.00万元，下属单位基本支出10.00万元。",  # parts, by unit
        "2025年，本部门安排政府采购预算30.00万元，其中：政府采购一般公共预算拨款25.00万元。",
        "本年度拟购置固定资产总额为110.00万元。",  # a purchase, not the stock
    ],
)
def test_figure_mismatch__parts_of_an_item_are_not_the_item(text):
    assert found(prose(text), "narrative-figure-mismatch") == []


def test_figure_mismatch__no_tables_no_comparison():
    doc = prose("其中基本支出60.50万元。", tables_=[])
    assert found(doc, "narrative-figure-mismatch") == []


# --- narrative-figure-unit-slip -----------------------------------------------------------------


def test_unit_slip__wan_yuan_written_for_yuan():
    doc = prose("其中基本支出600000.00万元。")
    assert found(doc, "narrative-figure-unit-slip") == [("narrative-figure-unit-slip", None)]
    assert "10000倍" in messages(doc, "narrative-figure-unit-slip")[0]
    assert found(doc, "narrative-figure-mismatch") == []


def test_unit_slip__decimal_point_one_place_off():
    doc = prose("“三公”经费预算安排0.50万元。")
    assert "1/10" in messages(doc, "narrative-figure-unit-slip")[0]


def test_unit_slip__a_plain_mismatch_is_no_slip():
    assert found(prose("其中基本支出61.00万元。"), "narrative-figure-unit-slip") == []


# --- narrative-agency-cost-differs ---------------------------------------------------------------


def test_agency_cost__differs_from_operating_cost():
    doc = prose("2025年，我部门机关运行经费安排12.00万元。")
    assert found(doc, "narrative-agency-cost-differs") == [("narrative-agency-cost-differs", None)]


def test_agency_cost__equal_to_operating_cost():
    assert found(prose("2025年，我部门机关运行经费安排10.00万元。"), "narrative") == []


# --- narrative-figure-conflict ---------------------------------------------------------------


def test_figure_conflict__same_words_two_amounts_without_a_table():
    doc = prose("“三公”经费预算安排5.00万元。", "“三公”经费预算安排6.00万元。", tables_=[])
    assert found(doc, "narrative-figure-conflict") == [("narrative-figure-conflict", None)]


def test_figure_conflict__a_table_decides_instead():
    doc = prose("“三公”经费预算安排5.00万元。", "“三公”经费预算安排6.00万元。")
    assert found(doc, "narrative-figure-conflict") == []
    assert found(doc, "narrative-figure-mismatch") == [("narrative-figure-mismatch", None)]


# --- changes -------------------------------------------------------------------------------

CHANGE = (
    "2025年部门预算收支安排100.00万元，较2024年{total}，其中：基本支出{basic}；项目支出{project}。"
)


def test_change_sum__parts_do_not_add_up():
    text = CHANGE.format(total="增加10.00万元", basic="增加4.00万元", project="增加5.00万元")
    doc = prose(text)
    assert found(doc, "narrative-change-sum") == [("narrative-change-sum", None)]
    assert "增加9.00万元" in messages(doc, "narrative-change-sum")[0]


def test_change_sum__parts_add_up_with_opposite_signs():
    text = CHANGE.format(total="增加10.00万元", basic="减少2.00万元", project="增加12.00万元")
    assert found(prose(text), "narrative") == []


def test_change_direction__parts_say_the_opposite():
    text = CHANGE.format(total="增加10.00万元", basic="减少4.00万元", project="减少6.00万元")
    doc = prose(text)
    assert found(doc, "narrative-change-direction") == [("narrative-change-direction", None)]
    assert found(doc, "narrative-change-sum") == []


def test_change_direction__percent_word_contradicts_amount_word():
    doc = prose("2025年部门预算收支安排100.00万元，较2024年减少10.00万元，增长9.09%。")
    assert found(doc, "narrative-change-direction") == [("narrative-change-direction", None)]


def test_change_percent__does_not_recompute():
    doc = prose("2025年部门预算收支安排100.00万元，较2024年减少10.00万元，下降10.00%。")
    assert found(doc, "narrative-change-percent") == [("narrative-change-percent", None)]
    assert "9.09%" in messages(doc, "narrative-change-percent")[0]


def test_change_percent__recomputes_from_the_sentence_or_the_table():
    assert (
        found(
            prose("2025年部门预算收支安排100.00万元，较2024年减少10.00万元，下降9.09%。"),
            "narrative",
        )
        == []
    )
    # no level in the sentence: this year's 100.00 comes from the tables
    assert found(prose("部门预算收支较上年增加20.00万元，增长25%。"), "narrative") == []


# --- narrative-template-residue ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“三公”经费比上年增加（减少）2.00万元。",
        "“三公”经费比上年减少2.00万元，主要原因是。",
        "本年度安排XX万元用于维修。",
        "机关运行经费安排（ ）万元。",
    ],
)
def test_template_residue__left_in_the_prose(text):
    assert found(prose(text), "narrative-template-residue") == [
        ("narrative-template-residue", None)
    ]


def test_template_residue__in_a_project_goal():
    doc = disclosure(projects=[project(goals=("1.完成××项维修任务。",))])
    assert found(doc, "narrative-template-residue") == [("narrative-template-residue", 1, None)]


def test_template_residue__filled_in_text_is_silent():
    text = "“三公”经费比上年减少2.00万元，主要原因是压减公务接待支出（见表7）。"
    assert found(prose(text), "narrative-template-residue") == []


# --- narrative-evaluation-wording ---------------------------------------------------------


def test_evaluation_wording__goals_copied_from_a_self_evaluation():
    goals = department_goals(
        "做好接待工作。",
        ("接待管理活动", None, "1.产出指标完成情况分析。\n（1）数量指标：90批次。"),
    )
    doc = disclosure(goals=goals)
    assert found(doc, "narrative-evaluation-wording") == [("narrative-evaluation-wording", None)]
    (finding,) = review(doc, select=["narrative-evaluation-wording"]).findings
    assert finding.quote == "1.产出指标完成情况分析。"


def test_evaluation_wording__plain_targets_are_silent():
    goals = department_goals("做好接待工作。", ("接待管理活动", "接待90批次。", None))
    assert found(disclosure(goals=goals), "narrative-evaluation-wording") == []


# --- narrative-year-mismatch -----------------------------------------------------------------


def test_year_mismatch__heading_of_last_year():
    doc = disclosure(
        narrative_=[narrative("示范县机关事务服务中心2024年部门预算信息公开情况说明", "说明如下：")]
    )
    assert found(doc, "narrative-year-mismatch") == [("narrative-year-mismatch", None)]


def test_year_mismatch__this_year_statement_of_last_year():
    doc = prose("2024年，我部门机关运行经费安排10.00万元。")
    assert "2024年" in messages(doc, "narrative-year-mismatch")[0]


def test_year_mismatch__caption_and_project_title():
    caption = BudgetTable(
        title="部门预算收支总表",
        kind=TableKind.INCOME_EXPENDITURE_SUMMARY,
        money_unit=MoneyUnit.WAN_YUAN,
        columns=(),
        rows=(),
        captions=("999001示范县机关事务服务中心", "预算年度：2024", "单位：万元"),
        location=Location(file="test.txt", line=1, table="部门预算收支总表"),
    )
    doc = disclosure(tables=[caption], projects=[project(name="2024年度物业费项目")])
    assert found(doc, "narrative-year-mismatch") == [
        ("narrative-year-mismatch", "部门预算收支总表"),
        ("narrative-year-mismatch", 1, None),
    ]


def test_year_mismatch__comparisons_are_not_claims():
    doc = prose(
        "2025年部门预算收支安排100.00万元，较2024年减少10.00万元。",
        "2024年部门预算为110.00万元，2025年为100.00万元。",
    )
    assert found(doc, "narrative-year-mismatch") == []


def test_year_mismatch__comparison_broken_across_paragraphs_is_not_a_claim():
    # Shanghai Putuo 司法局 2026 (PDF, here a year earlier): the sentence breaks after "与"
    # and the next line, read as its own paragraph, starts "2024年预算持平".
    doc = prose(
        "（二）公务用车购置及运行费9.98万元，与2024年预算持平。其中：公务用车购置费0万元，与",
        "2024年预算持平，主要原因是无公车购置计划。",
    )
    assert found(doc, "narrative-year-mismatch") == []
    # A paragraph that ends its sentence lends no context: a stale claim is still found.
    doc = prose("公务用车购置费0万元。", "2024年预算安排10.00万元。")
    assert found(doc, "narrative-year-mismatch") == [("narrative-year-mismatch", None)]


# --- narrative-unit-name-mismatch --------------------------------------------------------------


def test_unit_name__another_units_name():
    doc = prose("2025年，某县机关事务管理局安排政府采购预算30.00万元。")
    assert found(doc, "narrative-unit-name-mismatch") == [("narrative-unit-name-mismatch", None)]
    assert "某县机关事务管理局" in messages(doc, "narrative-unit-name-mismatch")[0]


def test_unit_name__own_name_and_its_parts():
    doc = prose(
        "现将示范县机关事务服务中心2025年部门预算公开如下：",
        "示范县机关事务服务中心（含所属单位）上年末固定资产金额为1000.00万元。",
    )
    assert found(doc, "narrative-unit-name-mismatch") == []


def test_unit_name__project_table_of_another_unit():
    other = replace(project(2), unit_code="999001", unit_name="某县机关事务管理局本级")
    doc = disclosure(projects=[project(1), other])
    assert found(doc, "narrative-unit-name-mismatch") == [("narrative-unit-name-mismatch", 2, None)]


def test_unit_name__project_table_of_a_subordinate_unit():
    sub = replace(project(2), unit_code="999002", unit_name="示范县公务用车服务站")
    assert found(disclosure(projects=[sub]), "narrative-unit-name-mismatch") == []


def test_unit_name__project_of_a_unit_the_tables_list():
    """Bazhou's project list names 巴中市巴州区航务海事发展中心 without a code; its
    经济分类 table lists that unit as a row of its own: one of the department's units.
    A unit no table lists is still reported."""
    units = table(
        "财政拨款支出预算表（部门经济分类科目）",
        TableKind.OTHER,
        ["总计"],
        [("", "示范县公务用车服务站", "10.00"), ("30101", "基本工资", "10.00")],
    )
    listed = replace(project(2), unit_code=None, unit_name="示范县公务用车服务站")
    doc = disclosure(tables=[units], projects=[listed])
    assert found(doc, "narrative-unit-name-mismatch") == []
    other = replace(project(2), unit_code=None, unit_name="某县公路养护中心")
    doc = disclosure(tables=[units], projects=[other])
    assert found(doc, "narrative-unit-name-mismatch") == [("narrative-unit-name-mismatch", 2, None)]


def test_unit_name__tables_of_a_whole_department_name_its_units():
    """Pingchang's 自评表 workbook belongs to 平昌县公安局部门 (the 主管部门 as printed on
    every form) and each form names its 实施单位, 平昌县看守所 among them."""
    doc = replace(
        disclosure(projects=[replace(project(1), unit_code=None, unit_name="平昌县看守所")]),
        unit_code="平昌县公安局部门",
        unit_name="平昌县公安局部门",
    )
    assert found(doc, "narrative-unit-name-mismatch") == []


def test_unit_name__part_heading_not_in_the_name():
    doc = prose("第二部分  示范县机关服务中心2025年部门预算表")
    assert "「示范县机关服务中心」" in messages(doc, "narrative-unit-name-mismatch")[0]


# --- narrative-self-reference-mixed ------------------------------------------------------------


def test_self_reference__department_and_unit_mixed():
    doc = prose("我部门机关运行经费安排10.00万元。", "本单位无其他需要说明的事项。")
    assert found(doc, "narrative-self-reference-mixed") == [
        ("narrative-self-reference-mixed", None)
    ]
    (finding,) = review(doc, select=["narrative-self-reference-mixed"]).findings
    assert finding.severity is Severity.INFO


def test_self_reference__bureau_in_a_centre():
    doc = prose("我局牢固树立以人为本的理念。")
    assert found(doc, "narrative-self-reference-mixed") == [
        ("narrative-self-reference-mixed", None)
    ]


def test_self_reference__one_form_is_silent():
    assert (
        found(prose("我部门机关运行经费安排10.00万元。", "本部门无其他事项。"), "narrative") == []
    )


# --- narrative-project-total-mismatch -------------------------------------------------------------


def test_project_total__projects_add_up_across_units():
    projects = [
        project(1, budget_total="30.00"),
        project(2, budget_total="100000.00", money_unit=MoneyUnit.YUAN),
    ]
    doc = disclosure(tables=tables(), projects=projects)
    assert found(doc, "narrative-project-total-mismatch") == []


def test_project_total__projects_fall_short():
    doc = disclosure(tables=tables(), projects=[project(1, budget_total="30.00")])
    assert found(doc, "narrative-project-total-mismatch") == [
        ("narrative-project-total-mismatch", "部门预算支出总表")
    ]
    assert "30.00万元" in messages(doc, "narrative-project-total-mismatch")[0]


def test_project_total__a_project_without_budget_is_not_summed():
    doc = disclosure(tables=tables(), projects=[project(1, budget_total=None)])
    assert found(doc, "narrative-project-total-mismatch") == []


# --- narrative-goal-figure-mismatch ---------------------------------------------------------------


def repair_project(target: str = "≥2000平方米", *extra):
    rows = [indicator("维修面积", target, index=1), *extra]
    return project(1, "办公区维修维护项目", indicators_=rows)


def test_goal_figure__sub_goal_restates_an_indicator_by_name():
    goals = department_goals("保障办公。", ("办公区维修维护", "完成维修面积3000平方米。", None))
    doc = disclosure(goals=goals, projects=[repair_project()])
    assert found(doc, "narrative-goal-figure-mismatch") == [
        ("narrative-goal-figure-mismatch", 1, 1)
    ]
    (message,) = messages(doc, "narrative-goal-figure-mismatch")
    assert "维修面积3000平方米" in message and "≥2000平方米" in message


def test_goal_figure__same_value_in_other_words_is_silent():
    goals = department_goals("保障办公。", ("办公区维修维护", "维修面积0.2万平米。", None))
    doc = disclosure(goals=goals, projects=[repair_project()])
    assert found(doc, "narrative-goal-figure-mismatch") == []


def test_goal_figure__unnamed_count_in_the_linked_project():
    goals = department_goals(
        "保障办公。", ("办公区维修维护", None, "（1）数量指标：年度指标值90件。")
    )
    repairs = indicator("零星维修件数", "≥45件", index=2)
    doc = disclosure(goals=goals, projects=[repair_project("≥2000平方米", repairs)])
    assert found(doc, "narrative-goal-figure-mismatch") == [
        ("narrative-goal-figure-mismatch", 1, 2)
    ]


def test_goal_figure__satisfaction_of_an_unlinked_goal_is_not_compared():
    goals = department_goals("保障办公。", ("绿化保洁", "服务对象满意度达到90%以上。", None))
    rows = [indicator("服务对象满意度", "≥95%", level1="满意度指标", level2="服务对象满意度指标")]
    doc = disclosure(goals=goals, projects=[project(1, "电梯大修项目", indicators_=rows)])
    assert found(doc, "narrative-goal-figure-mismatch") == []


def test_goal_figure__overall_goal_against_all_projects():
    goals = department_goals("保障视频会议正常开展，故障排除率达到95%以上。")
    rows = [indicator("故障排除率(％)", "100%", level2="质量指标")]
    doc = disclosure(goals=goals, projects=[project(3, "会议信号项目", indicators_=rows)])
    assert found(doc, "narrative-goal-figure-mismatch") == [
        ("narrative-goal-figure-mismatch", 3, 1)
    ]


# --- bad input never crashes ---------------------------------------------------------------------


def test_narrative__bad_input_gives_findings_or_silence():
    odd = table(
        "部门预算支出总表",
        TableKind.EXPENDITURE_SUMMARY,
        ["合计", "基本支出", "项目支出"],
        [("", "合计", "—", "abc", ""), ("", "", "", "", "")],
    )
    empty = table("部门预算财政拨款“三公”经费支出表", TableKind.THREE_PUBLIC_EXPENSES, ["合计"], [])
    doc = disclosure(
        tables=[odd, empty, table("无名表", TableKind.OTHER, [], [], money_unit=None)],
        projects=[
            project(1, indicators_=[], budget_total=None, plan=None, goals=(), purpose=None),
            project(2, budget_total="abc"),
        ],
        narrative_=[
            narrative("", ""),
            narrative("二、", "基本支出万元，项目支出。增加%，下降。", "较上年增加0万元，下降0%。"),
        ],
        goals=department_goals("", ("", None, None), ("1", "年度指标值万平米", "%")),
        money_unit=None,
        unit_name="",
    )
    findings = review(doc, select=["narrative"]).findings
    assert INTERNAL_ERROR not in [f.rule for f in findings]


# --- seeds ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_narrative__seed_findings(seed_path, key):
    result = review(read_disclosure(seed_path(key)), select=["narrative"])
    assert ids_at(result.findings) == EXPECTED[key]


def test_narrative__demo_findings():
    result = review(read_disclosure(DEMO), select=["narrative"])
    assert ids_at(result.findings) == EXPECTED["demo"]
