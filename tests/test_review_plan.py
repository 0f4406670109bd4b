"""The spending-plan rules (资金支出计划, family ``plan``): one small table per rule,
in the document's own notation, plus the seeds' findings as a person checked them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from review_build import disclosure, ids_at, project
from review_expected_plan import EXPECTED

from jixiao.ingest import read_disclosure
from jixiao.model import Money, MoneyUnit, PlanKind, Severity, SpendingCheckpoint
from jixiao.review import INTERNAL_ERROR, RULES, review

DEMO = Path(__file__).parent.parent / "examples" / "demo-999001-2025.txt"


def found(*projects, select=("plan",)) -> list[tuple]:
    return ids_at(review(disclosure(projects=projects), select=list(select)).findings)


def only(rule: str, *projects):
    """The findings of ``rule`` alone on a document of ``projects``."""
    return review(disclosure(projects=projects), select=[rule]).findings


# ---------------------------------------------------------------- sound plans


def test_plan__sound_percent_plan_is_silent():
    assert found(project(plan=("25%", "50%", "75%", "100%"))) == []


def test_plan__bare_numbers_and_blanks_before_the_first_value_are_silent():
    # Seed 002 prints 25.00 … 100.00 without %, and only 12月底 for yearly payments.
    assert found(project(plan=("25.00", "50.00", "100.00", "100.00"))) == []
    assert found(project(plan=("", "", "", "100.00"))) == []
    assert found(project(plan=("", "100.00", "100.00", "100.00"))) == []


def test_plan__amount_plan_ending_at_the_budget_gets_only_the_header_note():
    doc = project(
        budget_total="35.00", plan=("5.00", "10.00", "20.00", "35.00"), plan_kind=PlanKind.AMOUNT
    )
    assert found(doc) == [("plan-amount-under-percent-header", 1, None)]


# ---------------------------------------------------------------- plan-not-printed


def test_plan_not_printed__no_project_prints_a_plan():
    findings = review(
        disclosure(projects=[project(1, plan=None), project(2, plan=None)]), select=["plan"]
    ).findings
    assert ids_at(findings) == [("plan-not-printed", None)]
    assert findings[0].severity is Severity.INFO
    assert "2个项目" in findings[0].message


def test_plan_not_printed__silent_when_one_project_has_a_plan():
    assert found(project(1), project(2, plan=None), select=["plan-not-printed"]) == []


def test_plan_not_printed__silent_without_projects():
    assert found(select=["plan-not-printed"]) == []


# ---------------------------------------------------------------- plan-missing


def test_plan_missing__one_project_without_plan_among_others():
    assert found(project(1), project(2, plan=("", "", "", ""))) == [("plan-missing", 2, None)]


def test_plan_missing__silent_when_every_project_has_one():
    assert found(project(1), project(2), select=["plan-missing"]) == []


# ---------------------------------------------------------------- plan-blank-checkpoint


def test_plan_blank_checkpoint__blanks_after_a_value():
    # Seed 000, 行政中心电梯大修保养: 100% at 3月底, nothing after.
    [finding] = only("plan-blank-checkpoint", project(plan=("100%", "", "", "")))
    assert finding.message == (
        "资金支出计划6月底、10月底、12月底未填（已填：3月底 100%），累计计划应逐期填至12月底"
    )
    assert finding.quote == "100% （空） （空） （空）"


def test_plan_blank_checkpoint__blank_twelve_and_gap():
    assert found(project(plan=("25%", "", "75%", "100%")), select=["plan-blank-checkpoint"]) == [
        ("plan-blank-checkpoint", 1, None)
    ]
    assert found(project(plan=("25%", "50%", "75%", "")), select=["plan-blank-checkpoint"]) == [
        ("plan-blank-checkpoint", 1, None)
    ]


def test_plan_blank_checkpoint__dash_counts_as_blank():
    [finding] = only("plan-blank-checkpoint", project(plan=("100%", "—", "—", "—")))
    assert "6月底、10月底、12月底" in finding.message


def test_plan_blank_checkpoint__silent_on_blanks_before_the_first_value():
    assert found(project(plan=("", "", "50%", "100%")), select=["plan-blank-checkpoint"]) == []


# ---------------------------------------------------------------- plan-value-unreadable


def test_plan_value_unreadable__text_in_a_checkpoint():
    [finding] = only("plan-value-unreadable", project(plan=("25%", "按进度", "75%", "100%")))
    assert finding.message == "资金支出计划6月底填列「按进度」，不是数值"


def test_plan_value_unreadable__silent_on_numbers_and_dashes():
    assert found(project(plan=("25%", "/", "75%", "100%")), select=["plan-value-unreadable"]) == []


# ---------------------------------------------------------------- plan-value-out-of-range


def test_plan_value_out_of_range__percent_above_100_and_below_0():
    [finding] = only("plan-value-out-of-range", project(plan=("-5%", "50%", "75%", "120%")))
    assert finding.severity is Severity.ERROR
    assert finding.message == "资金支出计划3月底 -5%、12月底 120%超出范围，累计支出应在0～100%之间"


def test_plan_value_out_of_range__amount_above_the_budget():
    doc = project(
        budget_total="35.00", plan=("5.00", "40.00", "30.00", "35.00"), plan_kind=PlanKind.AMOUNT
    )
    [finding] = only("plan-value-out-of-range", doc)
    assert finding.message == (
        "资金支出计划6月底 40.00超出范围，累计支出应在0～预算数35.00万元之间"
    )


def test_plan_value_out_of_range__silent_on_0_and_100():
    assert (
        found(project(plan=("0%", "30%", "80%", "100%")), select=["plan-value-out-of-range"]) == []
    )


# ---------------------------------------------------------------- plan-not-cumulative


def test_plan_not_cumulative__a_value_below_an_earlier_one():
    [finding] = only("plan-not-cumulative", project(plan=("25%", "50%", "40%", "100%")))
    assert finding.severity is Severity.ERROR
    assert finding.message == "资金支出计划应为逐期累计数，但10月底 40% 低于 6月底 50%"


def test_plan_not_cumulative__amount_plan():
    doc = project(
        budget_total="35.00", plan=("5.00", "20.00", "10.00", "35.00"), plan_kind=PlanKind.AMOUNT
    )
    assert found(doc, select=["plan-not-cumulative"]) == [("plan-not-cumulative", 1, None)]


def test_plan_not_cumulative__silent_on_equal_values_and_per_period_plans():
    assert found(project(plan=("50%", "50%", "100%", "100%")), select=["plan-not-cumulative"]) == []
    assert found(project(plan=("40%", "30%", "20%", "10%")), select=["plan-not-cumulative"]) == []


# ---------------------------------------------------------------- plan-per-period


def test_plan_per_period__shares_adding_up_to_100():
    doc = project(plan=("25%", "25%", "25%", "25%"))
    assert found(doc) == [("plan-per-period", 1, None)]
    [finding] = only("plan-per-period", doc)
    assert finding.message == (
        "资金支出计划各期之和等于100%而12月底仅为25%，似按当期数而非累计数填列；"
        "按累计理解为25%、50%、75%、100%"
    )


def test_plan_per_period__bare_amounts_adding_up_to_the_budget():
    # The reader calls bare numbers that do not end at the budget percent.
    doc = project(budget_total="80.00", plan=("20.00", "20.00", "20.00", "20.00"))
    [finding] = only("plan-per-period", doc)
    assert dict(finding.fields)["cumulative"] == "20.00万元、40.00万元、60.00万元、80.00万元"
    assert dict(finding.fields)["limit"] == "预算数80.00万元"


def test_plan_per_period__silent_when_the_printed_reading_is_sound():
    # 20 30 50 100 is a sound cumulative percent plan even though it adds up to a 200 budget.
    doc = project(budget_total="200.00", plan=("20", "30", "50", "100"))
    assert found(doc) == []


# ---------------------------------------------------------------- plan-incomplete


def test_plan_incomplete__twelve_below_100():
    [finding] = only("plan-incomplete", project(plan=("25%", "50%", "75%", "90%")))
    assert finding.severity is Severity.ERROR
    assert finding.message == "资金支出计划12月底累计为90%，未达到100%，与本表预算数不符"


def test_plan_incomplete__silent_at_100_above_100_and_blank():
    for plan in (
        ("25%", "50%", "75%", "100%"),
        ("25%", "50%", "75%", "120%"),
        ("100%", "", "", ""),
    ):
        assert found(project(plan=plan), select=["plan-incomplete"]) == []


# ---------------------------------------------------------------- plan-amount-under-percent-header


def test_plan_amount_under_percent_header__interprets_the_amounts():
    # Seed 003, 大型设备运行保障经费: 5.00 10.00 20.00 35.00 for a 35.00万元 budget.
    doc = project(
        budget_total="35.00", plan=("5.00", "10.00", "20.00", "35.00"), plan_kind=PlanKind.AMOUNT
    )
    [finding] = only("plan-amount-under-percent-header", doc)
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "资金支出计划表头为百分比（%），填列的却是累计金额（3月底 5.00、6月底 10.00、10月底 20.00、"
        "12月底 35.00）；按预算数35.00万元折算，累计支出比例为14.3%、28.6%、57.1%、100%"
    )


def test_plan_amount_under_percent_header__without_a_budget():
    doc = project(
        budget_total=None, plan=("5.00", "10.00", "20.00", "135.00"), plan_kind=PlanKind.AMOUNT
    )
    [finding] = only("plan-amount-under-percent-header", doc)
    assert "无法折算（未列预算数）" in finding.message


def test_plan_amount_under_percent_header__silent_on_percent_plans():
    assert found(project(), select=["plan-amount-under-percent-header"]) == []


# ---------------------------------------------------------------- plan-amount-not-at-budget


def test_plan_amount_not_at_budget__last_amount_differs():
    doc = project(
        budget_total="245.00",
        plan=("50.00", "100.00", "150.00", "240.00"),
        plan_kind=PlanKind.AMOUNT,
    )
    [finding] = only("plan-amount-not-at-budget", doc)
    assert finding.severity is Severity.ERROR
    assert finding.message == "资金支出计划按金额填列，12月底累计240.00万元，与预算数245.00万元不符"


def test_plan_amount_not_at_budget__tolerance_of_the_coarser_printing():
    # 53.4857 printed as 53.49 is rounding; 53.50 is not.
    def doc(last: str):
        return project(
            budget_total="53.4857",
            plan=("10.00", "20.00", "30.00", last),
            plan_kind=PlanKind.AMOUNT,
        )

    assert found(doc("53.49"), select=["plan-amount-not-at-budget"]) == []
    assert found(doc("53.50"), select=["plan-amount-not-at-budget"]) == [
        ("plan-amount-not-at-budget", 1, None)
    ]


def test_plan_amount_not_at_budget__budget_in_another_unit():
    # Plan amounts in the project's 万元, the budget printed in 元.
    base = project(plan=("5.00", "10.00", "20.00", "35.00"), plan_kind=PlanKind.AMOUNT)

    def doc(budget: str):
        total = Money(raw=budget, value=Decimal(budget), unit=MoneyUnit.YUAN)
        return replace(base, budget_total=total)

    assert found(doc("350000.00"), select=["plan-amount-not-at-budget"]) == []
    [finding] = only("plan-amount-not-at-budget", doc("360000.00"))
    assert finding.message == (
        "资金支出计划按金额填列，12月底累计35.00万元，与预算数360000.00元不符"
    )


# ---------------------------------------------------------------- bad input


def test_plan__never_crashes_on_odd_projects():
    odd = [
        project(1, plan=None, budget_total=None, indicators_=[]),
        project(2, plan=("", "", "", ""), budget_total=""),
        project(3, plan=("abc", "", "-", "100%"), budget_total="abc"),
        project(4, plan=("5", "10", "x", "35"), plan_kind=PlanKind.AMOUNT, budget_total=None),
        project(5, plan=("0", "0", "0", "0"), budget_total="0.00"),
        project(6, plan=("0.00", "0.00", "0.00", "0.00"), plan_kind=PlanKind.AMOUNT),
        replace(
            project(7),
            spending_plan=(
                SpendingCheckpoint(month=12, raw="NaN", value=Decimal("NaN"), kind=None),
                SpendingCheckpoint(month=3, raw="25", value=Decimal(25), kind=None),
            ),
            budget_total=Money(raw="x", value=Decimal("Infinity"), unit=None),
            money_unit=None,
        ),
    ]
    findings = review(disclosure(projects=odd), select=["plan"]).findings
    assert INTERNAL_ERROR not in [f.rule for f in findings]
    assert all(f.family == "plan" for f in findings)


def test_plan__every_rule_has_a_docstring_and_an_example_message():
    rules = [r for r in RULES if r.family == "plan"]
    assert len(rules) == 10
    for r in rules:
        assert r.doc, r.id
        assert r.render(r.example)


# ---------------------------------------------------------------- seeds


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_plan__seed_findings_are_the_checked_ones(seed_path, key):
    result = review(read_disclosure(seed_path(key)), select=["plan"])
    assert ids_at(result.findings) == EXPECTED[key]


def test_plan__demo_findings_are_the_checked_ones():
    result = review(read_disclosure(DEMO), select=["plan"])
    assert ids_at(result.findings) == EXPECTED["demo"]
