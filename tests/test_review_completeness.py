"""The completeness family: standard tables, empty-table notes, the 三公 split, the
narrative's required parts and the 政府采购 detail (财预〔2016〕143号)."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_build import department_goals, disclosure, ids_at, narrative, project, table
from review_expected_completeness import EXPECTED

from jixiao.ingest import read_disclosure
from jixiao.model import BudgetTable, Severity, TableKind
from jixiao.review import INTERNAL_ERROR, review
from jixiao.review.completeness import CORE_TABLES, PERFORMANCE_REQUIRED_FROM

DEMO = Path(__file__).parent.parent / "examples" / "demo-999001-2025.txt"

TITLES = {
    TableKind.INCOME_EXPENDITURE_SUMMARY: "部门预算收支总表",
    TableKind.INCOME_SUMMARY: "部门预算收入总表",
    TableKind.EXPENDITURE_SUMMARY: "部门预算支出总表",
    TableKind.FISCAL_APPROPRIATION_SUMMARY: "部门预算财政拨款收支总表",
    TableKind.GENERAL_BUDGET_EXPENDITURE: "部门预算一般公共预算财政拨款支出表",
    TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE: "部门预算一般公共预算财政拨款基本支出表",
    TableKind.GOV_FUND_EXPENDITURE: "部门预算政府性基金预算财政拨款支出表",
    TableKind.STATE_CAPITAL_EXPENDITURE: "部门预算国有资本经营预算财政拨款支出表",
    TableKind.THREE_PUBLIC_EXPENSES: "部门预算财政拨款“三公”经费支出表",
}

SPLIT_ROWS = [
    ("合计", "5.00"),
    ("一、因公出国（境）费", ""),
    ("二、公务用车购置及运维费", "4.00"),
    ("其中：公务用车购置费", ""),
    ("公务用车运行维护费", "4.00"),
    ("三、公务接待费", "1.00"),
]


def filled(kind: TableKind, title: str | None = None) -> BudgetTable:
    if kind is TableKind.THREE_PUBLIC_EXPENSES:
        return table(title or TITLES[kind], kind, ["合计"], SPLIT_ROWS, code_column=False)
    return table(title or TITLES[kind], kind, ["合计"], [("", "合计", "10.00")])


def empty(kind: TableKind, note: str | None) -> BudgetTable:
    return table(TITLES[kind], kind, ["合计"], [], note=note)


def all_tables(**replace: BudgetTable) -> list[BudgetTable]:
    return [replace.get(kind.value, filled(kind)) for kind in CORE_TABLES]


SECTIONS = [
    narrative("三、机关运行经费安排情况", "2025年，我部门机关运行经费安排10.00万元。"),
    narrative("四、财政拨款“三公”经费预算情况", "2025年，“三公”经费预算安排5.00万元。"),
    narrative(
        "六、政府采购预算情况",
        "2025年，本部门安排政府采购预算30.00万元，其中：货物类10.00万元，工程类0万元，"
        "服务类20.00万元。预留面向中小企业采购的份额30.00万元。",
    ),
    narrative("七、国有资产信息", "本部门上年末固定资产金额为1000.00万元。"),
    narrative("八、名词解释", "1、基本支出：指为保障机构正常运转……"),
]


def full(tables=None, sections=None, **kwargs):
    return disclosure(
        tables=all_tables() if tables is None else tables,
        narrative_=SECTIONS if sections is None else sections,
        goals=department_goals(),
        projects=[project()],
        **kwargs,
    )


def found(doc, rule: str) -> list:
    return ids_at(review(doc, select=[rule]).findings)


def messages(doc, rule: str) -> list[str]:
    return [f.message for f in review(doc, select=[rule]).findings]


def test_complete_disclosure__no_finding():
    assert found(full(), "completeness") == []


# --- completeness-partial-document ------------------------------------------------------


def test_partial_document__goals_and_projects_only():
    doc = disclosure(goals=department_goals(), projects=[project(1), project(2)])
    assert found(doc, "completeness") == [("completeness-partial-document", None)]
    (finding,) = review(doc, select=["completeness"]).findings
    assert finding.severity is Severity.INFO
    assert "部门整体绩效目标和2张项目绩效目标表" in finding.message


def test_partial_document__a_standard_table_makes_it_full():
    doc = full(tables=[filled(TableKind.EXPENDITURE_SUMMARY)])
    assert ("completeness-partial-document", None) not in found(doc, "completeness")


# --- completeness-table-missing ------------------------------------------------------------


def test_table_missing__names_each_missing_table():
    doc = full(tables=[filled(TableKind.INCOME_EXPENDITURE_SUMMARY)])
    assert found(doc, "completeness-table-missing") == [
        ("completeness-table-missing", name)
        for kind, name in CORE_TABLES.items()
        if kind is not TableKind.INCOME_EXPENDITURE_SUMMARY
    ]
    assert "未公开部门预算收入总表" in messages(doc, "completeness-table-missing")[0]


def test_table_missing__other_tables_do_not_count():
    tables = [*all_tables()[:-1], filled(TableKind.OTHER, "部门机构设置情况")]
    assert found(full(tables=tables), "completeness-table-missing") == [
        ("completeness-table-missing", "财政拨款“三公”经费支出表")
    ]


# --- completeness-empty-table-unnoted --------------------------------------------------------


def test_empty_table__without_its_note():
    tables = all_tables(gov_fund_expenditure=empty(TableKind.GOV_FUND_EXPENDITURE, None))
    assert found(full(tables=tables), "completeness-empty-table-unnoted") == [
        ("completeness-empty-table-unnoted", TITLES[TableKind.GOV_FUND_EXPENDITURE])
    ]


@pytest.mark.parametrize(
    "note",
    ["注：无政府性基金预算财政拨款预算，空表列示。", "本单位无政府性基金预算支出，故本表为空表。"],
)
def test_empty_table__with_its_note(note):
    tables = all_tables(gov_fund_expenditure=empty(TableKind.GOV_FUND_EXPENDITURE, note))
    assert found(full(tables=tables), "completeness") == []


def test_empty_table__a_note_that_says_nothing_of_emptiness():
    kind = TableKind.STATE_CAPITAL_EXPENDITURE
    tables = all_tables(state_capital_expenditure=empty(kind, "注：金额单位为万元。"))
    assert found(full(tables=tables), "completeness-empty-table-unnoted") == [
        ("completeness-empty-table-unnoted", TITLES[kind])
    ]


# --- completeness-note-mismatch --------------------------------------------------------------


def test_note_mismatch__note_copied_from_another_table():
    note = "注：无国有资本经营预算财政拨款预算，空表列示。"
    tables = all_tables(gov_fund_expenditure=empty(TableKind.GOV_FUND_EXPENDITURE, note))
    doc = full(tables=tables)
    assert found(doc, "completeness-note-mismatch") == [
        ("completeness-note-mismatch", TITLES[TableKind.GOV_FUND_EXPENDITURE])
    ]
    assert "国有资本经营预算" in messages(doc, "completeness-note-mismatch")[0]


def test_note_mismatch__a_filled_table_note_is_not_checked():
    kind = TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE
    basic = table(
        TITLES[kind], kind, ["合计"], [("", "合计", "10.00")], note="注：含公务用车运行维护费。"
    )
    doc = full(tables=all_tables(general_budget_basic_expenditure=basic))
    assert found(doc, "completeness-note-mismatch") == []


# --- completeness-three-public-split ------------------------------------------------------------


def test_three_public_split__vehicles_not_split():
    kind = TableKind.THREE_PUBLIC_EXPENSES
    rows = [("合计", "5.00"), ("因公出国（境）费", ""), ("公务用车购置及运行费", "4.00")]
    rows += [("公务接待费", "1.00")]
    unsplit = table(TITLES[kind], kind, ["合计"], rows, code_column=False)
    doc = full(tables=all_tables(three_public_expenses=unsplit))
    assert found(doc, "completeness-three-public-split") == [
        ("completeness-three-public-split", TITLES[kind])
    ]
    assert (
        "公务用车购置费、公务用车运行维护费" in messages(doc, "completeness-three-public-split")[0]
    )


def test_three_public_split__split_rows_present():
    assert found(full(), "completeness-three-public-split") == []


# --- completeness-section-missing and -not-yet-required -------------------------------------


def test_section_missing__no_agency_operating_cost():
    doc = full(sections=SECTIONS[1:])
    assert found(doc, "completeness-section-missing") == [("completeness-section-missing", None)]
    assert "机关运行经费" in messages(doc, "completeness-section-missing")[0]


def test_section_missing__explained_in_another_section_counts():
    merged = narrative("二、部门预算安排的总体情况", "2025年，我部门机关运行经费安排10.00万元。")
    assert found(full(sections=[merged, *SECTIONS[1:]]), "completeness-section-missing") == []


def test_section_missing__performance_and_assets_in_a_recent_year():
    doc = disclosure(
        tables=all_tables(), narrative_=[SECTIONS[0], SECTIONS[1], SECTIONS[2], SECTIONS[4]]
    )
    assert messages(doc, "completeness-section-missing") == [
        "情况说明中未见“国有资产占用情况”部分",
        "情况说明中未见“预算绩效信息”部分",
    ]


def test_section_missing__performance_and_assets_before_they_were_required():
    year = PERFORMANCE_REQUIRED_FROM - 1
    doc = disclosure(
        tables=all_tables(),
        narrative_=[SECTIONS[0], SECTIONS[1], SECTIONS[2], SECTIONS[4]],
        fiscal_year=year,
    )
    assert found(doc, "completeness-section-missing") == []
    assert found(doc, "completeness-section-not-yet-required") == [
        ("completeness-section-not-yet-required", None),
        ("completeness-section-not-yet-required", None),
    ]


# --- completeness-procurement-detail --------------------------------------------------------------


def test_procurement_detail__total_only():
    only_total = narrative(
        "六、政府采购预算情况", "2025年，本部门安排政府采购预算550.00万元。具体内容见下表。"
    )
    doc = full(sections=[*SECTIONS[:2], only_total, *SECTIONS[3:]])
    assert found(doc, "completeness-procurement-detail") == [
        ("completeness-procurement-detail", None)
    ]
    assert (
        "货物、工程、服务各类金额及预留中小企业采购份额"
        in messages(doc, "completeness-procurement-detail")[0]
    )


def test_procurement_detail__one_kind_named_is_a_split():
    text = (
        "2025年，本部门安排政府采购预算550.00万元，全部为服务类采购，预留中小企业份额550.00万元。"
    )
    section = narrative("六、政府采购预算情况", text)
    assert found(full(sections=[*SECTIONS[:2], section, *SECTIONS[3:]]), "completeness") == []


def test_procurement_detail__no_procurement():
    section = narrative("六、政府采购预算情况", "本部门无政府采购预算。")
    doc = full(sections=[*SECTIONS[:2], section, *SECTIONS[3:]])
    assert found(doc, "completeness-procurement-detail") == []


def test_procurement_detail__kinds_named_after_the_word_procurement():
    # Shanghai Putuo 司法局 2026: 政府采购货物预算…、政府采购工程预算…、政府采购服务预算….
    text = (
        "2026年本部门政府采购预算1486.42万元，其中：政府采购货物预算3.66万元、"
        "政府采购工程预算36.44万元、政府采购服务预算1446.32万元。"
        "2026年本部门面向中小企业预留政府采购项目预算金额1486.42万元。"
    )
    section = narrative("三、政府采购预算情况", text)
    doc = full(sections=[*SECTIONS[:2], section, *SECTIONS[3:]])
    assert found(doc, "completeness-procurement-detail") == []


# --- bad input ------------------------------------------------------------------------------------


def test_completeness__bad_input_gives_findings_or_silence():
    odd = table(TITLES[TableKind.THREE_PUBLIC_EXPENSES], TableKind.THREE_PUBLIC_EXPENSES, [], [])
    blank = table("", TableKind.GOV_FUND_EXPENDITURE, ["合计"], [("", "", "")], note="")
    doc = disclosure(
        tables=[odd, blank],
        narrative_=[narrative("", ""), narrative("六、政府采购", "政府采购。")],
        projects=[project(indicators_=[], budget_total=None, plan=None)],
        money_unit=None,
    )
    findings = review(doc, select=["completeness"]).findings
    assert INTERNAL_ERROR not in [f.rule for f in findings]
    assert "completeness-empty-table-unnoted" in [f.rule for f in findings]


# --- seeds ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_completeness__seed_findings(seed_path, key):
    result = review(read_disclosure(seed_path(key)), select=["completeness"])
    assert ids_at(result.findings) == EXPECTED[key]


def test_completeness__demo_findings():
    result = review(read_disclosure(DEMO), select=["completeness"])
    assert ids_at(result.findings) == EXPECTED["demo"]
