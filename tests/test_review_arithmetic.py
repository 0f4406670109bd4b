"""The arithmetic family: sums within and across budget tables, codes, project budgets."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_build import disclosure, ids_at, money, project, table
from review_expected_arithmetic import EXPECTED

from jixiao.ingest import read_disclosure
from jixiao.model import ColumnRole, MoneyUnit, Severity, Side, TableKind
from jixiao.review import INTERNAL_ERROR, RULES, review

FAMILY = ["arithmetic"]
SPENDING = "部门预算支出总表"
SUMMARY = "部门预算收支总表"
FISCAL = "部门预算财政拨款收支总表"
GENERAL = "部门预算一般公共预算财政拨款支出表"
BASIC = "部门预算一般公共预算财政拨款基本支出表"
FUND = "部门预算政府性基金预算财政拨款支出表"
INCOME = "部门预算收入总表"
THREE = "部门预算财政拨款“三公”经费支出表"
ASSETS = "部门固定资产占用情况表"
PROCUREMENT = "部门政府采购预算"
DEMO = Path(__file__).parent.parent / "examples" / "demo-999001-2025.txt"


def found(doc, *rules: str) -> list[tuple]:
    return ids_at(review(doc, select=list(rules) or FAMILY).findings)


def spending(rows, *, title=SPENDING, kind=TableKind.EXPENDITURE_SUMMARY, **kwargs):
    """A 支出总表-shaped table: 合计 | 基本支出 | 项目支出 by function code."""
    return table(title, kind, ["合计", "基本支出", "项目支出"], rows, **kwargs)


CONSISTENT = [
    ("", "合计", "130.00", "100.00", "30.00"),
    ("201", "一般公共服务支出", "110.00", "80.00", "30.00"),
    ("20103", "政府办公厅（室）及相关机构事务", "110.00", "80.00", "30.00"),
    ("2010301", "行政运行", "80.00", "80.00", ""),
    ("2010303", "机关服务", "30.00", "", "30.00"),
    ("221", "住房保障支出", "20.00", "20.00", ""),
    ("22102", "住房改革支出", "20.00", "20.00", ""),
    ("2210201", "住房公积金", "20.00", "20.00", ""),
]


def with_cell(rows, code_or_name, index, raw):
    """``rows`` with the cell ``index`` (0 = code) of the row ``code_or_name`` replaced."""
    out = []
    for row in rows:
        if code_or_name in (row[0], row[1]):
            row = (*row[:index], raw, *row[index + 1 :])
        out.append(row)
    return out


def summary_table(income, expenditure, *, title=SUMMARY, kind=TableKind.INCOME_EXPENDITURE_SUMMARY,
                  expenditure_columns=("支出/预算数",), money_unit=MoneyUnit.WAN_YUAN):  # fmt: skip
    """A side-by-side 收支总表: ``income`` rows are (name, amount), ``expenditure`` rows
    (name, amount, …) — one amount per expenditure column."""
    columns = [("收入/预算数", ColumnRole.VALUE, Side.INCOME)] + [
        (key, ColumnRole.VALUE, Side.EXPENDITURE) for key in expenditure_columns
    ]
    blank_out = [""] * len(expenditure_columns)
    rows = [(name, amount, *blank_out) for name, amount in income]
    rows += [(name, "", *amounts) for name, *amounts in expenditure]
    sides = [Side.INCOME] * len(income) + [Side.EXPENDITURE] * len(expenditure)
    return table(title, kind, columns, rows, code_column=False, sides=sides,
                 money_unit=money_unit)  # fmt: skip


SUMMARY_INCOME = [
    ("一、一般公共预算拨款收入", "130.00"),
    ("二、政府性基金预算拨款收入", ""),
    ("本年收入合计", "130.00"),
    ("上年结转结余", ""),
    ("收入总计", "130.00"),
]
SUMMARY_SPENDING = [
    ("一、一般公共服务支出", "110.00"),
    ("二十、住房保障支出", "20.00"),
    ("本年支出合计", "130.00"),
    ("年终结转结余", ""),
    ("支出总计", "130.00"),
]


# -- sum-mismatch: trees by code -----------------------------------------------------------


def test_sum_mismatch__consistent_tree_is_silent():
    assert found(disclosure(tables=[spending(CONSISTENT)])) == []


def test_sum_mismatch__wrong_subtotal_is_reported_once():
    rows = with_cell(CONSISTENT, "20103", 2, "101.10")
    doc = disclosure(tables=[spending(rows)])
    # 201 and 合计 still add up from the leaves; 20103's row total is a cell already reported.
    assert found(doc) == [("sum-mismatch", "20103")]
    finding = review(doc, select=FAMILY).findings[0]
    assert finding.severity is Severity.ERROR
    assert finding.field_value("expected") == "110.00万元"
    assert finding.field_value("actual") == "101.10万元"
    assert finding.field_value("difference") == "-8.90万元"
    assert finding.field_value("column") == "合计"
    assert finding.quote == "101.10"
    assert finding.location.column == "合计"
    assert "2010301、2010303" in finding.message


def test_sum_mismatch__wrong_leaf_shows_in_every_ancestor_and_its_row_total():
    rows = with_cell(CONSISTENT, "2010303", 4, "33.00")
    doc = disclosure(tables=[spending(rows)])
    assert found(doc) == [
        ("sum-mismatch", SPENDING),
        ("sum-mismatch", "201"),
        ("sum-mismatch", "20103"),
        ("row-total-mismatch", "2010303"),
    ]


def test_sum_mismatch__blank_parent_over_printed_children():
    rows = with_cell(CONSISTENT, "22102", 2, "")
    assert found(disclosure(tables=[spending(rows)])) == [("sum-mismatch", "22102")]


def test_sum_mismatch__total_row_against_top_level_rows():
    rows = with_cell(CONSISTENT, "合计", 2, "131.00")
    assert found(disclosure(tables=[spending(rows)])) == [("sum-mismatch", SPENDING)]


def test_sum_mismatch__rounding_within_printed_precision_is_silent():
    # 0.333 + 0.333 + 0.334 = 1.000 printed as 0.33 + 0.33 + 0.33 = 0.99 against 1.00:
    # off by 0.01, within (3 + 1) × 0.005.
    rows = [
        ("", "合计", "1.00"),
        ("201", "一般公共服务支出", "1.00"),
        ("20101", "人大事务", "0.33"),
        ("20102", "政协事务", "0.33"),
        ("20103", "政府办公厅（室）及相关机构事务", "0.33"),
    ]
    doc = disclosure(tables=[table(SPENDING, TableKind.EXPENDITURE_SUMMARY, ["合计"], rows)])
    assert found(doc) == []


def test_sum_mismatch__beyond_rounding_is_reported():
    rows = [
        ("", "合计", "1.03"),
        ("201", "一般公共服务支出", "1.03"),
        ("20101", "人大事务", "0.33"),
        ("20102", "政协事务", "0.33"),
        ("20103", "政府办公厅（室）及相关机构事务", "0.33"),
    ]
    doc = disclosure(tables=[table(SPENDING, TableKind.EXPENDITURE_SUMMARY, ["合计"], rows)])
    assert found(doc) == [("sum-mismatch", SPENDING), ("sum-mismatch", "201")]


def test_sum_mismatch__a_single_addend_allows_no_rounding():
    # 201 over one 款 over one 项: all three round the same amount, so 0.01 is a slip.
    rows = [
        ("201", "一般公共服务支出", "618.53"),
        ("20103", "政府办公厅（室）及相关机构事务", "618.53"),
        ("2010303", "机关服务", "618.54"),
    ]
    doc = disclosure(tables=[table(SPENDING, TableKind.EXPENDITURE_SUMMARY, ["合计"], rows)])
    assert found(doc) == [("sum-mismatch", "201"), ("sum-mismatch", "20103")]


def test_cross_table_mismatch__one_cent_between_two_printings_of_a_figure():
    spending_side = [*SUMMARY_SPENDING]
    spending_side[0] = ("一、一般公共服务支出", "110.01")
    spending_side[2] = ("本年支出合计", "130.01")
    spending_side[4] = ("支出总计", "130.01")
    income = [(n, "130.01" if v == "130.00" else v) for n, v in SUMMARY_INCOME]
    doc = disclosure(tables=[summary_table(income, spending_side), spending(CONSISTENT)])
    assert found(doc) == [("cross-table-mismatch", SPENDING), ("cross-table-mismatch", "201")]


def test_sum_mismatch__tolerance_follows_the_printed_decimals():
    # Whole 元 printed without decimals: each may hide 0.5 元, so 3 is fine against 2 + 2 = 4
    # only within 1.5; 1 元 off with three addends is within rounding.
    rows = [
        ("201", "一般公共服务支出", "5"),
        ("20101", "人大事务", "2"),
        ("20102", "政协事务", "2"),
    ]
    doc = disclosure(
        tables=[table(SPENDING, TableKind.EXPENDITURE_SUMMARY, ["合计"], rows,
                      money_unit=MoneyUnit.YUAN)]
    )  # fmt: skip
    assert found(doc) == []
    rows[0] = ("201", "一般公共服务支出", "6")
    doc = disclosure(
        tables=[table(SPENDING, TableKind.EXPENDITURE_SUMMARY, ["合计"], rows,
                      money_unit=MoneyUnit.YUAN)]
    )  # fmt: skip
    assert found(doc) == [("sum-mismatch", "201")]
    assert review(doc, select=FAMILY).findings[0].field_value("expected") == "4元"


def test_sum_mismatch__dash_is_a_printed_zero():
    rows = with_cell(CONSISTENT, "2010301", 4, "—")
    rows = with_cell(rows, "2010303", 3, "-")
    assert found(disclosure(tables=[spending(rows)])) == []


def test_sum_mismatch__orphan_counts_in_the_nearest_printed_ancestor():
    rows = [
        ("", "合计", "30.00"),
        ("201", "一般公共服务支出", "30.00"),
        ("2010303", "机关服务", "30.00"),
    ]
    doc = disclosure(tables=[table(SPENDING, TableKind.EXPENDITURE_SUMMARY, ["合计"], rows)])
    assert found(doc, "sum-mismatch") == []


# -- sum-mismatch: side-by-side summaries -------------------------------------------------


def test_sum_mismatch__summary_consistent_is_silent():
    assert found(disclosure(tables=[summary_table(SUMMARY_INCOME, SUMMARY_SPENDING)])) == []


def test_sum_mismatch__summary_lines_against_this_year_total():
    spending_side = [*SUMMARY_SPENDING]
    spending_side[1] = ("二十、住房保障支出", "25.00")
    doc = disclosure(tables=[summary_table(SUMMARY_INCOME, spending_side)])
    # A wrong line shows in both totals above it, as a wrong leaf does in a code tree.
    findings = review(doc, select=FAMILY).findings
    assert [(f.rule, f.field_value("row"), f.field_value("expected")) for f in findings] == [
        ("sum-mismatch", "本年支出合计", "135.00万元"),
        ("sum-mismatch", "支出总计", "135.00万元"),
    ]


def test_sum_mismatch__grand_total_is_this_year_plus_carry_over():
    income = [*SUMMARY_INCOME]
    income[3] = ("上年结转结余", "5.00")
    doc = disclosure(tables=[summary_table(income, SUMMARY_SPENDING)])
    assert found(doc) == [("sum-mismatch", SUMMARY)]
    finding = review(doc, select=FAMILY).findings[0]
    assert finding.field_value("row") == "收入总计"
    assert finding.field_value("parts") == "本年收入合计、上年结转结余"


def test_sum_mismatch__carry_over_split_by_source():
    income = [
        ("一、一般公共预算拨款", "100.00"),
        ("本年收入合计", "100.00"),
        ("年初财政拨款结转和结余", "10.00"),
        ("一、一般公共预算拨款", "8.00"),
        ("收入总计", "110.00"),
    ]
    spending_side = [
        ("一、一般公共服务支出", "110.00", "110.00"),
        ("本年支出合计", "110.00", "110.00"),
        ("支出总计", "110.00", "110.00"),
    ]
    doc = disclosure(
        tables=[summary_table(income, spending_side, title=FISCAL,
                              kind=TableKind.FISCAL_APPROPRIATION_SUMMARY,
                              expenditure_columns=("支出/合计", "支出/一般公共预算财政拨款"))]
    )  # fmt: skip
    rows = [f.field_value("row") for f in review(doc, select=["sum-mismatch"]).findings]
    # 10.00 against its split 8.00; 收入总计 recomputed from the split (108.00) shows it too.
    assert rows == ["年初财政拨款结转和结余", "收入总计"]


SICHUAN_INCOME = [
    ("一、本年收入", "130.00"),
    ("一般公共预算拨款收入", "130.00"),
    ("政府性基金预算拨款收入", ""),
    ("二、上年结转结余", "15.00"),
    ("一般公共预算", "10.00"),
    ("政府性基金预算", "5.00"),
    ("收入总计", "145.00"),
]
SICHUAN_SPENDING = [
    ("一、本年支出", "145.00"),
    ("一般公共服务支出", "110.00"),
    ("住房保障支出", "35.00"),
    ("二、年终结转结余", ""),
    ("支出总计", "145.00"),
]
SICHUAN_CLASSES = [
    ("", "合计", "145.00", "100.00", "45.00"),
    ("201", "一般公共服务支出", "110.00", "80.00", "30.00"),
    ("221", "住房保障支出", "35.00", "20.00", "15.00"),
]


def test_sum_mismatch__summary_with_totals_before_their_lines_is_silent():
    # Sichuan prints 一、本年收入 above its lines and 二、上年结转结余 above its split.
    doc = disclosure(tables=[summary_table(SICHUAN_INCOME, SICHUAN_SPENDING),
                             spending(SICHUAN_CLASSES, line=100)])  # fmt: skip
    assert found(doc) == []


def test_sum_mismatch__summary_with_totals_before_their_lines():
    income = [*SICHUAN_INCOME]
    income[5] = ("政府性基金预算", "6.00")
    findings = review(disclosure(tables=[summary_table(income, SICHUAN_SPENDING)]),
                      select=FAMILY).findings  # fmt: skip
    assert [(f.rule, f.field_value("row"), f.field_value("expected")) for f in findings] == [
        ("sum-mismatch", "二、上年结转结余", "16.00万元"),
        ("sum-mismatch", "收入总计", "146.00万元"),
    ]
    classes = [*SICHUAN_CLASSES]
    classes[0] = ("", "合计", "155.00", "110.00", "45.00")
    classes[1] = ("201", "一般公共服务支出", "120.00", "90.00", "30.00")
    doc = disclosure(tables=[summary_table(SICHUAN_INCOME, SICHUAN_SPENDING),
                             spending(classes, line=100)])  # fmt: skip
    assert found(doc) == [("cross-table-mismatch", SPENDING), ("cross-table-mismatch", "201")]


# Shanghai Putuo 司法局 2026 收支总表 (元): no 本年收入合计 row; 1./2./3. lines under
# 一、财政拨款收入 are its parts, not further addends of 收入总计.
SHANGHAI_INCOME = [
    ("一、财政拨款收入", "96,282,213.44"),
    ("1. 一般公共预算", "96,282,213.44"),
    ("2. 政府性基金预算", "0.00"),
    ("3. 国有资本经营预算", "0.00"),
    ("二、事业收入", "0.00"),
    ("四、其他收入", "0.00"),
    ("收入总计", "96,282,213.44"),
]
SHANGHAI_SPENDING = [
    ("一、公共安全支出", "87,267,272.44"),
    ("二、社会保障和就业支出", "3,343,704.00"),
    ("三、卫生健康支出", "1,149,678.00"),
    ("四、住房保障支出", "4,521,559.00"),
    ("支出总计", "96,282,213.44"),
]


def test_sum_mismatch__summary_without_year_total_nests_numbered_sub_items():
    doc = disclosure(
        tables=[summary_table(SHANGHAI_INCOME, SHANGHAI_SPENDING, money_unit=MoneyUnit.YUAN)]
    )
    assert found(doc) == []
    # The sub-items still add up to their line (a wrong leaf shows in every ancestor).
    income = [*SHANGHAI_INCOME]
    income[2] = ("2. 政府性基金预算", "1,000.00")
    findings = review(
        disclosure(tables=[summary_table(income, SHANGHAI_SPENDING, money_unit=MoneyUnit.YUAN)]),
        select=FAMILY,
    ).findings
    assert [(f.rule, f.field_value("row")) for f in findings] == [
        ("sum-mismatch", "一、财政拨款收入"),
        ("sum-mismatch", "收入总计"),
    ]


# -- sum-mismatch: 三公, fixed assets, procurement ---------------------------------------

THREE_COLUMNS = ["资金性质/合计", "资金性质/一般公共预算财政拨款"]
THREE_ROWS = [
    ("合计", "41.20", "41.20"),
    ("“三公”经费小计", "41.20", "41.20"),
    ("一、因公出国（境）费", "", ""),
    ("其中：教学科研人员因公出国（境）费", "", ""),
    ("其他因公出国（境）费", "", ""),
    ("二、公务用车购置及运维费", "40.00", "40.00"),
    ("其中：公务用车购置费", "", ""),
    ("公务用车运行维护费", "40.00", "40.00"),
    ("三、公务接待费", "1.20", "1.20"),
]


def three_public(rows):
    return table(THREE, TableKind.THREE_PUBLIC_EXPENSES, THREE_COLUMNS, rows, code_column=False)


def test_sum_mismatch__three_public_consistent_is_silent():
    assert found(disclosure(tables=[three_public(THREE_ROWS)])) == []


def test_sum_mismatch__three_public_blank_vehicle_line_is_reported_once():
    # Seed 001 prints 二、公务用车购置及运维费 blank over 110.00 + 51.55; the 小计 still
    # adds up through the recomputed line, so only the blank line is reported.
    rows = [*THREE_ROWS]
    rows[5] = ("二、公务用车购置及运维费", "", "")
    assert found(disclosure(tables=[three_public(rows)])) == [
        ("sum-mismatch", THREE),
        ("sum-mismatch", THREE),
    ]
    findings = review(disclosure(tables=[three_public(rows)]), select=FAMILY).findings
    assert {f.field_value("row") for f in findings} == {"二、公务用车购置及运维费"}
    assert findings[0].field_value("actual") == "空白"


def test_sum_mismatch__three_public_total_against_its_parts():
    rows = [*THREE_ROWS]
    rows[1] = ("“三公”经费小计", "42.20", "41.20")
    findings = review(disclosure(tables=[three_public(rows)]), select=FAMILY).findings
    assert [(f.rule, f.field_value("row"), f.field_value("column")) for f in findings] == [
        ("sum-mismatch", "“三公”经费小计", "资金性质/合计"),
    ]


ASSET_COLUMNS = ["数量", "价值（金额单位：万元）"]
ASSET_ROWS = [
    ("资产总额", "", "2943.87"),
    ("1、房屋（平方米）", "46850", "2316.40"),
    ("其中：办公用房（平方米）", "38620", "1908.75"),
    ("2、车辆（台、辆）", "15", "186.30"),
    ("3、单价在20万元以上的设备", "3", "98.60"),
    ("4、其他固定资产", "1284", "342.57"),
]


def assets(rows):
    return table(ASSETS, TableKind.FIXED_ASSETS, ASSET_COLUMNS, rows, code_column=False)


def test_sum_mismatch__fixed_assets_consistent_is_silent():
    # 数量 mixes 平方米, 辆 and 台: never summed into 资产总额.
    assert found(disclosure(tables=[assets(ASSET_ROWS)])) == []


def test_sum_mismatch__fixed_assets_total():
    rows = [*ASSET_ROWS]
    rows[0] = ("资产总额", "", "2934.87")
    finding = review(disclosure(tables=[assets(rows)]), select=FAMILY).findings[0]
    assert (finding.rule, finding.field_value("expected")) == ("sum-mismatch", "2943.87万元")


def test_subitem_exceeds_item__office_space_above_buildings():
    rows = [*ASSET_ROWS]
    rows[2] = ("其中：办公用房（平方米）", "48620", "1908.75")
    findings = review(disclosure(tables=[assets(rows)]), select=FAMILY).findings
    assert [(f.rule, f.field_value("column")) for f in findings] == [
        ("subitem-exceeds-item", "数量")
    ]
    assert findings[0].field_value("expected") == "46850"  # a count: no money unit


def test_subitem_exceeds_item__part_within_item_is_silent():
    assert found(disclosure(tables=[assets(ASSET_ROWS)]), "subitem-exceeds-item") == []


PROCUREMENT_COLUMNS = [
    "政府采购项目来源/预算资金",
    ("采购物品名称", ColumnRole.TEXT),
    "数量",
    "单价",
    "政府采购金额（当年部门预算安排资金）/合计",
    "政府采购金额（当年部门预算安排资金）/一般公共预算拨款",
    "政府采购金额（当年部门预算安排资金）/基金预算拨款",
    "2025年预留中小微企业份额",
]
PROCUREMENT_ROWS = [
    ("合计", "", "", "", "", "234.90", "189.90", "45.00", "234.90"),
    ("示范县机关事务服务中心本级小计", "", "", "", "", "234.90", "189.90", "45.00", "234.90"),
    (
        "行政中心物业管理服务项目",
        "186.00",
        "物业管理服务",
        "1",
        "186.00",
        "186.00",
        "186.00",
        "",
        "186.00",
    ),
    ("办公区日常维修维护项目", "68.00", "空调机", "6", "0.65", "3.90", "3.90", "", "3.90"),
    (
        "行政中心院内雨污管网改造项目",
        "45.00",
        "修缮工程",
        "1",
        "45.00",
        "45.00",
        "",
        "45.00",
        "45.00",
    ),
]


def procurement(rows):
    return table(PROCUREMENT, TableKind.PROCUREMENT_BUDGET, PROCUREMENT_COLUMNS, rows,
                 code_column=False)  # fmt: skip


def test_sum_mismatch__procurement_consistent_is_silent():
    # 预算资金 (the source project's budget) is not a column the 合计 row adds up.
    assert found(disclosure(tables=[procurement(PROCUREMENT_ROWS)])) == []


def test_sum_mismatch__procurement_subtotal_against_items():
    rows = [*PROCUREMENT_ROWS]
    rows[1] = (
        "示范县机关事务服务中心本级小计",
        "",
        "",
        "",
        "",
        "243.90",
        "198.90",
        "45.00",
        "234.90",
    )
    findings = review(disclosure(tables=[procurement(rows)]), select=FAMILY).findings
    assert [(f.rule, f.field_value("row"), f.field_value("column")) for f in findings] == [
        ("sum-mismatch", "示范县机关事务服务中心本级小计", "政府采购金额（当年部门预算安排资金）/合计"),
        ("sum-mismatch", "示范县机关事务服务中心本级小计",
         "政府采购金额（当年部门预算安排资金）/一般公共预算拨款"),
    ]  # fmt: skip


def test_procurement_price_mismatch__quantity_times_price():
    rows = [*PROCUREMENT_ROWS]
    rows[3] = ("办公区日常维修维护项目", "68.00", "空调机", "6", "0.75", "3.90", "3.90", "", "3.90")
    findings = review(disclosure(tables=[procurement(rows)]), select=FAMILY).findings
    assert [(f.rule, f.severity) for f in findings] == [
        ("procurement-price-mismatch", Severity.WARNING)
    ]
    assert findings[0].field_value("expected") == "4.50万元"
    assert findings[0].field_value("actual") == "3.90万元"


def test_procurement_price_mismatch__rounded_price_is_silent():
    # 3 × 0.33 = 0.99 against 1.00: the printed price may hide 0.005 per piece.
    rows = [
        ("合计", "", "", "", "", "1.00", "1.00", "", "1.00"),
        ("办公用品", "1.00", "文件柜", "3", "0.33", "1.00", "1.00", "", "1.00"),
    ]
    assert found(disclosure(tables=[procurement(rows)])) == []


# -- row-total-mismatch --------------------------------------------------------------------


def test_row_total_mismatch__total_column_against_its_parts():
    rows = [("201", "一般公共服务支出", "110.00", "80.00", "20.00")]
    findings = review(disclosure(tables=[spending(rows)]), select=FAMILY).findings
    assert ids_at(findings) == [("row-total-mismatch", "201")]
    assert findings[0].field_value("parts") == "基本支出、项目支出"
    assert findings[0].field_value("expected") == "100.00万元"
    assert findings[0].field_value("column") == "合计"
    assert findings[0].location.column == "合计"


def test_row_total_mismatch__consistent_rows_are_silent():
    assert found(disclosure(tables=[spending(CONSISTENT)]), "row-total-mismatch") == []


INCOME_COLUMNS = ["合计", "本年收入/小计", "本年收入/财政拨款收入", "本年收入/事业收入", "上年结转"]


def income_table(rows):
    return table(INCOME, TableKind.INCOME_SUMMARY, INCOME_COLUMNS, rows)


def test_row_total_mismatch__header_group_counts_through_its_subtotal():
    rows = [
        ("", "合计", "135.00", "130.00", "120.00", "10.00", "5.00"),
        ("201", "一般公共服务支出", "135.00", "130.00", "120.00", "10.00", "5.00"),
    ]
    assert found(disclosure(tables=[income_table(rows)])) == []
    # A wrong 小计 is reported once per row: 合计 = 小计 + 上年结转 is then not checked.
    rows = [
        ("", "合计", "135.00", "131.00", "120.00", "10.00", "5.00"),
        ("201", "一般公共服务支出", "135.00", "131.00", "120.00", "10.00", "5.00"),
    ]
    findings = review(disclosure(tables=[income_table(rows)]), select=FAMILY).findings
    assert [(f.rule, f.code, f.field_value("column")) for f in findings] == [
        ("row-total-mismatch", None, "本年收入/小计"),
        ("row-total-mismatch", "201", "本年收入/小计"),
    ]


def test_row_total_mismatch__a_column_group_of_among_lines_is_not_added():
    # 支出总表 (Sichuan): 合计 | 基本支出 | 项目支出 | 其中：事业单位经营支出 | 上缴上级支出.
    columns = ["合计", "基本支出", "项目支出", "其中：/事业单位经营支出", "其中：/上缴上级支出"]
    rows = [("201", "一般公共服务支出", "110.00", "80.00", "30.00", "5.00", "")]
    doc = disclosure(tables=[table(SPENDING, TableKind.EXPENDITURE_SUMMARY, columns, rows)])
    assert found(doc) == []


def test_row_total_mismatch__three_public_by_columns():
    # A 三公 table printed by columns, one row per unit (Sichuan).
    columns = ["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费/小计",
               "公务用车购置及运行费/公务用车购置费", "公务用车购置及运行费/公务用车运行维护费",
               "公务接待费"]  # fmt: skip
    rows = [("合计", "12.00", "", "10.00", "", "10.00", "2.00"),
            ("南江县仁和镇人民政府", "12.00", "", "10.00", "", "10.00", "2.00")]  # fmt: skip
    doc = disclosure(tables=[table(THREE, TableKind.THREE_PUBLIC_EXPENSES, columns, rows,
                                   code_column=False)])  # fmt: skip
    assert found(doc) == []
    rows[1] = ("南江县仁和镇人民政府", "12.00", "", "9.00", "", "10.00", "2.00")
    doc = disclosure(tables=[table(THREE, TableKind.THREE_PUBLIC_EXPENSES, columns, rows,
                                   code_column=False)])  # fmt: skip
    findings = review(doc, select=FAMILY).findings
    assert [(f.rule, f.field_value("row"), f.field_value("column")) for f in findings] == [
        ("sum-mismatch", "合计", "公务用车购置及运行费/小计"),
        ("row-total-mismatch", "南江县仁和镇人民政府", "公务用车购置及运行费/小计"),
    ]


# -- balance-mismatch ----------------------------------------------------------------------


def test_balance_mismatch__income_and_expenditure_totals_differ():
    income = [
        ("一、一般公共预算拨款收入", "140.00"),
        ("本年收入合计", "140.00"),
        ("上年结转结余", ""),
        ("收入总计", "140.00"),
    ]
    doc = disclosure(tables=[summary_table(income, SUMMARY_SPENDING)])
    assert found(doc) == [("balance-mismatch", SUMMARY)]
    finding = review(doc, select=FAMILY).findings[0]
    assert (finding.field_value("row"), finding.field_value("expected")) == (
        "支出总计",
        "140.00万元",
    )


def test_balance_mismatch__balanced_summary_is_silent():
    doc = disclosure(tables=[summary_table(SUMMARY_INCOME, SUMMARY_SPENDING)])
    assert found(doc, "balance-mismatch") == []


FISCAL_COLUMNS = ("支出/合计", "支出/一般公共预算财政拨款", "支出/政府性基金预算财政拨款")


def fiscal_table(general="718.18", fund="45.00", spent_general="718.18", spent_fund="45.00"):
    total = Decimal(spent_general) + Decimal(fund if spent_fund is None else spent_fund)
    income = [
        ("一、一般公共预算拨款", general),
        ("二、政府性基金预算拨款", fund),
        ("本年收入合计", f"{Decimal(general) + Decimal(fund):.2f}"),
        ("收入总计", f"{Decimal(general) + Decimal(fund):.2f}"),
    ]
    spent = [
        ("一、一般公共服务支出", spent_general, spent_general, ""),
        ("十二、城乡社区支出", spent_fund, "", spent_fund),
        ("本年支出合计", f"{total:.2f}", spent_general, spent_fund),
        ("支出总计", f"{total:.2f}", spent_general, spent_fund),
    ]
    return summary_table(income, spent, title=FISCAL, kind=TableKind.FISCAL_APPROPRIATION_SUMMARY,
                         expenditure_columns=FISCAL_COLUMNS)  # fmt: skip


def test_balance_mismatch__fiscal_sources_balance():
    assert found(disclosure(tables=[fiscal_table()])) == []


def test_balance_mismatch__fiscal_source_spent_in_another_column():
    # Totals agree (763.18 both sides) but 一般公共预算 income 708.18 ≠ its column's 718.18.
    doc = disclosure(tables=[fiscal_table(general="708.18", fund="55.00")])
    findings = review(doc, select=FAMILY).findings
    assert [(f.rule, f.field_value("column")) for f in findings] == [
        ("balance-mismatch", "支出/一般公共预算财政拨款"),
        ("balance-mismatch", "支出/政府性基金预算财政拨款"),
    ]
    assert findings[0].field_value("parts") == "收入「一、一般公共预算拨款」"
    assert findings[0].message == (
        "部门预算财政拨款收支总表「支出总计」「支出/一般公共预算财政拨款」为 718.18万元，"
        "与收入「一、一般公共预算拨款」 708.18万元 不相等，相差 +10.00万元"
    )


# -- cross-table-mismatch ------------------------------------------------------------------


def test_cross_table_mismatch__expenditure_summary_against_summary():
    spending_side = [*SUMMARY_SPENDING]
    spending_side[0] = ("一、一般公共服务支出", "100.00")
    spending_side[1] = ("二十、住房保障支出", "30.00")
    doc = disclosure(tables=[summary_table(SUMMARY_INCOME, spending_side), spending(CONSISTENT)])
    # Totals agree; the 类 lines do not.
    assert found(doc) == [("cross-table-mismatch", "201"), ("cross-table-mismatch", "221")]
    finding = review(doc, select=FAMILY).findings[0]
    assert finding.field_value("parts") == "部门预算收支总表「一、一般公共服务支出」「支出/预算数」"
    assert finding.field_value("expected") == "100.00万元"


def test_cross_table_mismatch__consistent_tables_are_silent():
    doc = disclosure(tables=[summary_table(SUMMARY_INCOME, SUMMARY_SPENDING), spending(CONSISTENT)])
    assert found(doc) == []


def test_cross_table_mismatch__converts_yuan_and_wan_yuan():
    yuan_rows = [
        ("", "合计", "1300000.00", "1000000.00", "300000.00"),
        ("201", "一般公共服务支出", "1100000.00", "800000.00", "300000.00"),
        ("20103", "政府办公厅（室）及相关机构事务", "1100000.00", "800000.00", "300000.00"),
        ("2010301", "行政运行", "800000.00", "800000.00", ""),
        ("2010303", "机关服务", "300000.00", "", "300000.00"),
        ("221", "住房保障支出", "200000.00", "200000.00", ""),
        ("22102", "住房改革支出", "200000.00", "200000.00", ""),
        ("2210201", "住房公积金", "200000.00", "200000.00", ""),
    ]
    summary = summary_table(SUMMARY_INCOME, SUMMARY_SPENDING)
    doc = disclosure(tables=[summary, spending(yuan_rows, money_unit=MoneyUnit.YUAN)])
    assert found(doc) == []
    off = with_cell(yuan_rows, "221", 2, "210000.00")
    off = with_cell(off, "22102", 2, "210000.00")
    off = with_cell(off, "2210201", 2, "210000.00")
    off = with_cell(off, "2210201", 3, "210000.00")
    off = with_cell(off, "22102", 3, "210000.00")
    off = with_cell(off, "221", 3, "210000.00")
    off = with_cell(off, "合计", 2, "1310000.00")
    off = with_cell(off, "合计", 3, "1010000.00")
    doc = disclosure(tables=[summary, spending(off, money_unit=MoneyUnit.YUAN)])
    findings = review(doc, select=FAMILY).findings
    assert [(f.rule, f.code or f.location.table) for f in findings] == [
        ("cross-table-mismatch", SPENDING),
        ("cross-table-mismatch", "221"),
    ]
    assert findings[1].field_value("expected") == "200000.00元"
    assert findings[1].field_value("difference") == "+10000.00元"


def test_cross_table_mismatch__income_summary_against_summary():
    income = [
        ("一、一般公共预算拨款收入", "120.00"),
        ("五、事业收入", "10.00"),
        ("本年收入合计", "130.00"),
        ("上年结转结余", "5.00"),
        ("收入总计", "135.00"),
    ]
    spent = [("一、一般公共服务支出", "135.00"), ("本年支出合计", "135.00"),
             ("年终结转结余", ""), ("支出总计", "135.00")]  # fmt: skip
    rows = [
        ("", "合计", "135.00", "130.00", "120.00", "10.00", "5.00"),
        ("201", "一般公共服务支出", "135.00", "130.00", "120.00", "10.00", "5.00"),
    ]
    doc = disclosure(tables=[summary_table(income, spent), income_table(rows)])
    assert found(doc) == []
    rows = [
        ("", "合计", "135.00", "130.00", "125.00", "5.00", "5.00"),
        ("201", "一般公共服务支出", "135.00", "130.00", "125.00", "5.00", "5.00"),
    ]
    findings = review(disclosure(tables=[summary_table(income, spent), income_table(rows)]),
                      select=FAMILY).findings  # fmt: skip
    assert [(f.rule, f.field_value("column")) for f in findings] == [
        ("cross-table-mismatch", "本年收入/财政拨款收入"),
        ("cross-table-mismatch", "本年收入/事业收入"),
    ]


def general_table(rows=None, *, title=GENERAL, kind=TableKind.GENERAL_BUDGET_EXPENDITURE, line=10):
    rows = rows or [
        ("", "合计", "718.18", "272.68", "445.50"),
        ("201", "一般公共服务支出", "718.18", "272.68", "445.50"),
        ("20103", "政府办公厅（室）及相关机构事务", "718.18", "272.68", "445.50"),
        ("2010301", "行政运行", "272.68", "272.68", ""),
        ("2010303", "机关服务", "445.50", "", "445.50"),
    ]
    return spending(rows, title=title, kind=kind, line=line)


def fund_table(rows):
    return spending(rows, title=FUND, kind=TableKind.GOV_FUND_EXPENDITURE)


FUND_ROWS = [
    ("", "合计", "45.00", "", "45.00"),
    ("212", "城乡社区支出", "45.00", "", "45.00"),
    ("21213", "城市基础设施配套费安排的支出", "45.00", "", "45.00"),
    ("2121301", "城市公共设施", "45.00", "", "45.00"),
]


def test_cross_table_mismatch__fund_tables_against_fiscal_summary():
    doc = disclosure(tables=[fiscal_table(), general_table(), fund_table(FUND_ROWS)])
    assert found(doc) == []


def test_cross_table_mismatch__empty_fund_table_while_the_summary_has_the_fund():
    doc = disclosure(tables=[fiscal_table(), general_table(), fund_table([])])
    findings = review(doc, select=FAMILY).findings
    assert ids_at(findings) == [("cross-table-mismatch", FUND)]
    assert findings[0].field_value("row") == "（空表）"
    assert findings[0].field_value("expected") == "45.00万元"


def test_cross_table_mismatch__general_budget_class_against_fiscal_summary():
    fiscal = fiscal_table(general="708.18", spent_general="708.18")
    doc = disclosure(tables=[fiscal, general_table(line=100), fund_table(FUND_ROWS)])
    assert found(doc) == [("cross-table-mismatch", GENERAL), ("cross-table-mismatch", "201")]


def basic_table(total="272.68"):
    rows = [
        ("", "合计", total, "244.98", "27.70"),
        ("301", "工资福利支出", "244.98", "244.98", ""),
        ("30101", "基本工资", "244.98", "244.98", ""),
        ("302", "商品和服务支出", "27.70", "", "27.70"),
        ("30201", "办公费", "27.70", "", "27.70"),
    ]
    columns = ["一般公共预算基本支出/合计", "一般公共预算基本支出/人员经费",
               "一般公共预算基本支出/公用经费"]  # fmt: skip
    return table(BASIC, TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE, columns, rows)


def test_cross_table_mismatch__basic_table_against_general_budget_basic_column():
    assert found(disclosure(tables=[general_table(), basic_table()])) == []
    doc = disclosure(tables=[general_table(), basic_table("262.68")])
    # The 基本支出表 合计 is first wrong against its own rows: reported there, once.
    assert found(doc) == [("sum-mismatch", BASIC)]


def test_cross_table_mismatch__basic_table_consistent_but_different():
    rows = [
        ("", "合计", "718.18", "262.68", "455.50"),
        ("201", "一般公共服务支出", "718.18", "262.68", "455.50"),
        ("20103", "政府办公厅（室）及相关机构事务", "718.18", "262.68", "455.50"),
        ("2010301", "行政运行", "262.68", "262.68", ""),
        ("2010303", "机关服务", "455.50", "", "455.50"),
    ]
    rows = [(c, n, t, b, p) for c, n, t, b, p in rows]
    rows[3] = ("2010301", "行政运行", "272.68", "262.68", "10.00")
    rows[4] = ("2010303", "机关服务", "445.50", "", "445.50")
    doc = disclosure(tables=[general_table(rows), basic_table()])
    assert ("cross-table-mismatch", BASIC) in found(doc)


# -- value-not-number ----------------------------------------------------------------------


def test_value_not_number__text_in_an_amount_cell_is_reported_and_not_summed():
    rows = with_cell(CONSISTENT, "2010303", 2, "见说明")
    findings = review(disclosure(tables=[spending(rows)]), select=FAMILY).findings
    assert ids_at(findings) == [("value-not-number", "2010303")]
    assert findings[0].quote == "见说明"
    assert findings[0].severity is Severity.ERROR


def test_value_not_number__dash_and_percentage_are_accepted():
    rows = with_cell(CONSISTENT, "2010303", 3, "－")
    doc = disclosure(tables=[spending(rows)])
    assert found(doc, "value-not-number") == []
    rate = table(SPENDING, TableKind.EXPENDITURE_SUMMARY, ["合计", "增长率"],
                 [("201", "一般公共服务支出", "1.00", "5.2%")])  # fmt: skip
    assert found(disclosure(tables=[rate]), "value-not-number") == []


# -- codes ---------------------------------------------------------------------------------


def test_code_malformed__letters_and_wrong_lengths():
    rows = [
        ("", "合计", "30.00", "", "30.00"),
        ("201", "一般公共服务支出", "30.00", "", "30.00"),
        ("2O103", "政府办公厅（室）及相关机构事务", "30.00", "", "30.00"),
        ("201033", "机关服务", "30.00", "", "30.00"),
    ]
    findings = review(disclosure(tables=[spending(rows)]), select=["code-malformed"]).findings
    assert ids_at(findings) == [("code-malformed", "2O103"), ("code-malformed", "201033")]
    assert "3、5或7位数字" in findings[0].message


def test_code_malformed__economic_codes_have_three_or_five_digits():
    rows = [
        ("301", "工资福利支出", "1.00", "1.00", ""),
        ("3010101", "基本工资", "1.00", "1.00", ""),
    ]
    columns = ["一般公共预算基本支出/合计", "一般公共预算基本支出/人员经费",
               "一般公共预算基本支出/公用经费"]  # fmt: skip
    basic = table(BASIC, TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE, columns, rows)
    findings = review(disclosure(tables=[basic]), select=["code-malformed"]).findings
    assert ids_at(findings) == [("code-malformed", "3010101")]
    assert "经济分类" in findings[0].message


def test_code_malformed__well_formed_codes_are_silent():
    assert found(disclosure(tables=[spending(CONSISTENT)]), "code-malformed") == []


def test_code_malformed__unit_codes_are_not_classification_codes():
    # 收入总表 by unit (Sichuan): 部门（单位）代码 249 / 249001 are not 科目编码.
    rows = [("", "合    计", "10.00", "10.00", "10.00", "", ""),
            ("249", "仁和镇人民政府", "10.00", "10.00", "10.00", "", ""),
            ("249001", "南江县仁和镇人民政府", "10.00", "10.00", "10.00", "", "")]  # fmt: skip
    income = income_table(rows)
    code = replace(income.columns[0], key="部门（单位）代码", header=("部门（单位）代码",))
    income = replace(income, columns=(code, *income.columns[1:]))
    assert found(disclosure(tables=[income])) == []
    # The spaced 合    计 row is still the table's total: 9.00 against 249's 10.00.
    rows[0] = ("", "合    计", "9.00", "9.00", "9.00", "", "")
    income = replace(income_table(rows), columns=(code, *income.columns[1:]))
    findings = review(disclosure(tables=[income]), select=FAMILY).findings
    assert [f.field_value("column") for f in findings] == [
        "合计",
        "本年收入/小计",
        "本年收入/财政拨款收入",
    ]


def test_code_parent_missing__a_level_skipped():
    rows = [
        ("", "合计", "50.00", "20.00", "30.00"),
        ("201", "一般公共服务支出", "30.00", "", "30.00"),
        ("2010303", "机关服务", "30.00", "", "30.00"),
        ("221", "住房保障支出", "20.00", "20.00", ""),
        ("22102", "住房改革支出", "20.00", "20.00", ""),
        ("2210201", "住房公积金", "20.00", "20.00", ""),
    ]
    findings = review(disclosure(tables=[spending(rows)]), select=FAMILY).findings
    assert ids_at(findings) == [("code-parent-missing", "2010303")]
    assert findings[0].field_value("parent") == "20103"
    assert findings[0].severity is Severity.WARNING


def test_code_parent_missing__complete_tree_is_silent():
    assert found(disclosure(tables=[spending(CONSISTENT)]), "code-parent-missing") == []


def test_code_misplaced__row_under_another_parent():
    rows = [
        ("", "合计", "130.00", "100.00", "30.00"),
        ("201", "一般公共服务支出", "110.00", "80.00", "30.00"),
        ("20103", "政府办公厅（室）及相关机构事务", "110.00", "80.00", "30.00"),
        ("2010301", "行政运行", "80.00", "80.00", ""),
        ("221", "住房保障支出", "20.00", "20.00", ""),
        ("22102", "住房改革支出", "20.00", "20.00", ""),
        ("2210201", "住房公积金", "20.00", "20.00", ""),
        ("2010303", "机关服务", "30.00", "", "30.00"),
    ]
    findings = review(disclosure(tables=[spending(rows)]), select=FAMILY).findings
    assert ids_at(findings) == [("code-misplaced", "2010303")]
    assert findings[0].field_value("above") == "22102"


def test_code_misplaced__ordered_and_bottom_up_tables_are_silent():
    assert found(disclosure(tables=[spending(CONSISTENT)]), "code-misplaced") == []
    bottom_up = [CONSISTENT[3], CONSISTENT[4], CONSISTENT[2], CONSISTENT[1]]
    assert found(disclosure(tables=[spending(bottom_up)]), "code-misplaced") == []


def test_code_duplicate__same_code_twice():
    rows = [*CONSISTENT, ("2210201", "住房公积金", "20.00", "20.00", "")]
    doc = disclosure(tables=[spending(rows)])
    assert ("code-duplicate", "2210201") in found(doc)
    assert found(disclosure(tables=[spending(CONSISTENT)]), "code-duplicate") == []


def test_code_malformed__nothing_in_an_empty_table_is_no_code():
    """Shanghai's empty 政府性基金 table prints 无 in its code column above 合计."""
    empty = table("部门政府性基金预算支出功能分类预算表", TableKind.GOV_FUND_EXPENDITURE, ["金额"],
                  [("无", "", ""), ("合计", "", "")])  # fmt: skip
    assert found(disclosure(tables=[empty]), "code-malformed") == []
    wrong = table("部门政府性基金预算支出功能分类预算表", TableKind.GOV_FUND_EXPENDITURE, ["金额"],
                  [("无码", "", ""), ("合计", "", "")])  # fmt: skip
    findings = review(disclosure(tables=[wrong]), select=["code-malformed"]).findings
    assert [f.field_value("row_code") for f in findings] == ["无码"]


def test_code_duplicate__same_code_under_two_units_is_by_design():
    """Bazhou's 经济分类 table lists each unit's codes under its 单位代码: 30101 under
    163001 and again under 163002 is not a duplicate; twice under 163001 is."""
    rows = [
        ("30101", "基本工资", "163001", "144.80"),
        ("30102", "津贴补贴", "163001", "68.26"),
        ("30101", "基本工资", "163002", "22.51"),
    ]
    columns = [("项目/单位代码", ColumnRole.TEXT), "总计"]
    by_unit = table("财政拨款支出预算表（部门经济分类科目）", TableKind.OTHER, columns, rows)
    assert found(disclosure(tables=[by_unit]), "code-duplicate") == []
    twice = [*rows, ("30102", "津贴补贴", "163001", "1.00")]
    again = table("财政拨款支出预算表（部门经济分类科目）", TableKind.OTHER, columns, twice)
    assert found(disclosure(tables=[again]), "code-duplicate") == [("code-duplicate", "30102")]


# -- project-budget-split-mismatch -----------------------------------------------------------


def test_project_budget_split_mismatch__total_differs_from_its_parts():
    doc = disclosure(projects=[project(budget_total="12.00", budget_fiscal="10.00",
                                       budget_other="")])  # fmt: skip
    findings = review(doc, select=FAMILY).findings
    assert ids_at(findings) == [("project-budget-split-mismatch", 1, None)]
    assert findings[0].field_value("difference") == "+2.00万元"
    assert findings[0].field_value("other") == "空白"


def test_project_budget_split_mismatch__consistent_or_unsplit_is_silent():
    doc = disclosure(
        projects=[
            project(budget_total="12.00", budget_fiscal="10.00", budget_other="2.00"),
            project(seq=2, budget_total="3000.00", budget_fiscal="3000.00", budget_other="",
                    money_unit=MoneyUnit.YUAN),
            project(seq=3, budget_total="10.00"),
            project(seq=4, budget_total=None, budget_fiscal="5.00"),
        ]
    )  # fmt: skip
    assert found(doc) == []


def test_project_budget_split_mismatch__converts_units():
    p = project(budget_total="1.20", budget_fiscal="1.00")
    p = replace(p, budget_other=money("2000.00", MoneyUnit.YUAN))
    assert found(disclosure(projects=[p])) == []
    p = replace(p, budget_other=money("2500.00", MoneyUnit.YUAN))
    assert found(disclosure(projects=[p])) == [("project-budget-split-mismatch", 1, None)]


# -- robustness ----------------------------------------------------------------------------


def test_arithmetic__odd_input_never_crashes():
    junk = [
        ("", "", "", "", ""),
        ("合计", "", "abc", "1,2,3", "—"),
        ("201", "一般公共服务支出", "", "", ""),
        ("x", "?", "1e5", "（1.00）", "N/A"),
    ]
    tables = [
        spending(junk),
        spending([], title=GENERAL, kind=TableKind.GENERAL_BUDGET_EXPENDITURE),
        spending(CONSISTENT, money_unit=None),
        table(SUMMARY, TableKind.INCOME_EXPENDITURE_SUMMARY, ["收入/预算数"], [("收入总计", "x")],
              code_column=False),
        table(FISCAL, TableKind.FISCAL_APPROPRIATION_SUMMARY, [], [], code_column=False),
        table(THREE, TableKind.THREE_PUBLIC_EXPENSES, ["合计"], [("合计", "?")], code_column=False),
        table(ASSETS, TableKind.FIXED_ASSETS, ["价值"], [("其中：办公用房", "1")], code_column=False),
        table(PROCUREMENT, TableKind.PROCUREMENT_BUDGET, ["数量", "单价", "金额/合计"],
              [("小计", "", "", "1"), ("x", "y", "z", "w")], code_column=False),
        table("部门机构设置情况", TableKind.OTHER, [("单位性质", ColumnRole.TEXT)], [("本级", "行政")],
              code_column=False),
    ]  # fmt: skip
    projects = [
        project(budget_total="abc", budget_fiscal="1.00"),
        project(seq=2, budget_total="1.00", budget_fiscal="x", indicators_=()),
        project(seq=3, budget_total=None, budget_fiscal=None, plan=None),
    ]
    doc = disclosure(tables=tables, projects=projects, money_unit=None)
    result = review(doc, select=FAMILY)
    assert INTERNAL_ERROR not in [f.rule for f in result.findings]
    assert "1e5" in [f.quote for f in result.findings if f.rule == "value-not-number"]
    assert review(disclosure(), select=FAMILY).findings == ()


def test_arithmetic__rules_are_documented_and_in_the_family():
    rules = [r for r in RULES if r.family == "arithmetic"]
    assert len(rules) >= 10
    for r in rules:
        assert r.doc, r.id
        assert r.render(r.example)


# -- seeds ---------------------------------------------------------------------------------


@pytest.mark.seeds
@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_arithmetic__seed_findings(seed_path, key):
    result = review(read_disclosure(seed_path(key)), select=FAMILY)
    assert ids_at(result.findings) == EXPECTED[key]


def test_arithmetic__demo_findings():
    result = review(read_disclosure(DEMO), select=FAMILY)
    assert ids_at(result.findings) == EXPECTED["demo"]


# -- property: a consistent tree is silent, a perturbed leaf flags exactly its ancestors ----

CENT = Decimal("0.01")


def _printed(value: Decimal) -> str:
    return "" if value == 0 else str(value.quantize(CENT, rounding=ROUND_HALF_UP))


@st.composite
def budget_trees(draw):
    """A 支出总表 with true amounts at 3 decimals, every cell printed rounded to 2."""
    parts = draw(st.sampled_from([["合计"], ["合计", "基本支出", "项目支出"]]))
    amount = st.one_of(st.just(Decimal(0)),
                       st.integers(1, 5_000_000).map(lambda n: Decimal(n).scaleb(-3)))  # fmt: skip
    leaves: dict[str, list[Decimal]] = {}
    tree: list[str] = []
    classes = draw(st.lists(st.sampled_from(["201", "208", "210", "221"]), min_size=1,
                            max_size=3, unique=True))  # fmt: skip
    for cls in sorted(classes):
        tree.append(cls)
        for k in sorted(draw(st.sets(st.integers(1, 99), min_size=1, max_size=3))):
            kuan = f"{cls}{k:02d}"
            tree.append(kuan)
            xiang = sorted(draw(st.sets(st.integers(1, 99), max_size=3)))
            if not xiang:
                leaves[kuan] = [draw(amount) for _ in parts[1:] or parts]
            for x in xiang:
                code = f"{kuan}{x:02d}"
                tree.append(code)
                leaves[code] = [draw(amount) for _ in parts[1:] or parts]

    def true(code: str | None) -> list[Decimal]:
        under = [v for c, v in leaves.items() if code is None or c.startswith(code)]
        return [sum((v[i] for v in under), Decimal(0)) for i in range(len(under[0]))]

    def row(code: str | None) -> tuple[str, ...]:
        values = true(code)
        if len(parts) > 1:
            values = [sum(values, Decimal(0)), *values]
        return (code or "", code or "合计", *(_printed(v) for v in values))

    rows = [row(None)] + [row(code) for code in tree]
    leaf = draw(st.sampled_from(sorted(leaves)))
    column = draw(st.integers(0, len(parts) - 1))
    delta = Decimal(draw(st.integers(100, 99_999))).scaleb(-2) * draw(st.sampled_from([1, -1]))
    return parts, rows, tree, leaf, column, delta


@settings(max_examples=60, deadline=None)
@given(budget_trees())
def test_arithmetic__consistent_tree_is_silent_and_a_leaf_flags_its_ancestors(case):
    parts, rows, tree, leaf, column, delta = case
    doc = disclosure(tables=[table(SPENDING, TableKind.EXPENDITURE_SUMMARY, parts, rows)])
    assert review(doc, select=FAMILY).findings == ()

    index = 2 + column
    perturbed = []
    for r in rows:
        if r[0] == leaf:
            old = Decimal(r[index] or "0")
            r = (*r[:index], str(old + delta), *r[index + 1 :])
        perturbed.append(r)
    doc = disclosure(tables=[table(SPENDING, TableKind.EXPENDITURE_SUMMARY, parts, perturbed)])
    findings = review(doc, select=FAMILY).findings
    got = [(f.rule, f.code or f.location.table, f.location.column) for f in findings]
    key = parts[column]
    ancestors = [c for c in tree if leaf.startswith(c) and c != leaf]
    expected = {("sum-mismatch", c, key) for c in ancestors} | {("sum-mismatch", SPENDING, key)}
    if len(parts) > 1:
        expected.add(("row-total-mismatch", leaf, "合计"))
    assert len(got) == len(set(got))
    assert set(got) == expected
