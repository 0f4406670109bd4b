"""Monitoring (双监控, 财预〔2019〕136号, RULES.md §7–8): plan interpolation, execution
against plan, indicator progress, findings and unit totals, on hand-made inputs whose
expected values are worked out in each test's docstring."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

import pytest
from review_build import disclosure, indicator, indicators, money, project

from jixiao.evaluate.config import EvaluationConfig
from jixiao.evaluate.monitoring import monitor, plan_curve, planned_share
from jixiao.evaluate.results import MonitoringProject, MonitoringResult, Status
from jixiao.ingest import read_disclosure
from jixiao.ingest.target import parse_target
from jixiao.model import Location, Money, MoneyUnit, PlanKind, Severity
from jixiao.model.actuals import (
    Achievement,
    ActualsKind,
    ActualsReport,
    DeviationCause,
    FundingActual,
    FundingSource,
    IndicatorActual,
    Likelihood,
    ProjectActuals,
)

WAN = MoneyUnit.WAN_YUAN
YUAN = MoneyUnit.YUAN
D = Decimal
PLAN_30 = ("30", "60", "90", "100")
FILLED = "filled.xlsx"


# --- builders -----------------------------------------------------------------------


def total_row(
    *,
    initial: str | None = None,
    adjusted: str | None = None,
    spent: str | None = None,
    projected: str | None = None,
    unit: MoneyUnit = WAN,
) -> FundingActual:
    """The 年度资金总额 row, amounts as the unit typed them."""

    def cell(raw: str | None) -> Money | None:
        return None if raw is None else money(raw, unit)

    return FundingActual(
        source=FundingSource.TOTAL,
        budget_initial=cell(initial),
        budget_adjusted=cell(adjusted),
        spent=cell(spent),
        projected=cell(projected),
        location=Location(file=FILLED, table="项目1", row=5),
    )


def row(
    index: int,
    level3: str,
    actual: str | None = None,
    likelihood: Likelihood | None = Likelihood.CERTAIN,
    *,
    causes: Sequence[DeviationCause] = (),
    note: str | None = None,
    achievement=None,
) -> IndicatorActual:
    """One indicator row of the filled monitoring table."""
    return IndicatorActual(
        indicator_index=index,
        level3=level3,
        actual=None if actual is None else parse_target(actual, fiscal_year=2025),
        likelihood=likelihood,
        deviation_causes=tuple(causes),
        deviation_note=note,
        achievement=achievement,
        location=Location(file=FILLED, table="项目1", row=10 + index),
    )


def filed(
    seq: int = 1,
    *,
    funding: Sequence[FundingActual] = (),
    rows: Sequence[IndicatorActual] = (),
    note: str | None = None,
    unit: MoneyUnit = WAN,
    name: str = "办公设备购置项目",
) -> ProjectActuals:
    return ProjectActuals(
        project_seq=seq,
        project_name=name,
        money_unit=unit,
        funding=tuple(funding),
        indicators=tuple(rows),
        execution_note=note,
        location=Location(file=FILLED, table=f"项目{seq}"),
    )


def report(*projects: ProjectActuals, month: int = 6) -> ActualsReport:
    return ActualsReport(
        unit_code="999001",
        unit_name="示范县机关事务服务中心",
        fiscal_year=2025,
        kind=ActualsKind.MONITORING,
        period_month=month,
        projects=tuple(projects),
    )


def one_indicator(target: str, level3: str = "办公设备采购数量") -> tuple:
    return (indicator(level3, target),)


def run_one(
    *,
    budget: str | None = "100.00",
    plan: Sequence[str] | None = PLAN_30,
    spent: str | None = None,
    month: int = 6,
    note: str | None = None,
    indicators_=(),
    rows: Sequence[IndicatorActual] = (),
    funding: Sequence[FundingActual] | None = None,
    config: EvaluationConfig | None = None,
) -> tuple[MonitoringProject, MonitoringResult]:
    """Monitor one project of budget ``budget`` 万元 that spent ``spent`` 万元."""
    doc = disclosure(projects=[project(budget_total=budget, plan=plan, indicators_=indicators_)])
    if funding is None:
        funding = [total_row(spent=spent)]
    result = monitor(
        doc,
        report(filed(funding=funding, rows=rows, note=note), month=month),
        *(() if config is None else (config,)),
    )
    return result.projects[0], result


def rules(findings) -> list[str]:
    return [f.rule for f in findings]


# --- the spending plan --------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "expected"),
    [(1, "10.00"), (3, "30.00"), (4, "40.00"), (7, "67.50"), (8, "75.00"), (12, "100.00")],
)
def test_planned_share__interpolates_a_30_60_90_100_plan(month: int, expected: str) -> None:
    """Points (0,0) (3,30) (6,60) (10,90) (12,100), linear between:
    1月 = 30 × 1/3 = 10; 3月 = 30 as printed; 4月 = 30 + 30 × 1/3 = 40;
    7月 = 60 + (90 − 60) × 1/4 = 67.5; 8月 = 60 + 30 × 2/4 = 75; 12月 = 100."""
    assert planned_share(project(plan=PLAN_30), month) == D(expected)


def test_plan_curve__points_from_zero() -> None:
    """The chart curve is the printed checkpoints after (0, 0), to 0.01."""
    assert plan_curve(project(plan=PLAN_30)) == (
        (0, D(0)),
        (3, D("30.00")),
        (6, D("60.00")),
        (10, D("90.00")),
        (12, D("100.00")),
    )


def test_planned_share__amount_plan_is_converted_to_percent() -> None:
    """Amounts 10/20/30/40 万元 of a 40 万元 budget are 25/50/75/100 %;
    8月 = 50 + (75 − 50) × 2/4 = 62.5; 1月 = 25 / 3 = 8.333… → 8.33."""
    amounts = project(
        budget_total="40.00", plan=("10", "20", "30", "40"), plan_kind=PlanKind.AMOUNT
    )
    assert planned_share(amounts, 8) == D("62.50")
    assert planned_share(amounts, 1) == D("8.33")
    assert plan_curve(amounts)[1:] == (
        (3, D("25.00")),
        (6, D("50.00")),
        (10, D("75.00")),
        (12, D("100.00")),
    )


def test_planned_share__amount_plan_budget_in_another_unit() -> None:
    """A project in 元 whose budget is printed as 10 万元 = 100,000 元: a 3月底 amount
    of 25,000 元 is 25 %, so 2月 = 25 × 2/3 = 16.666… → 16.67."""
    amounts = project(
        plan=("25000", "50000", "75000", "100000"), plan_kind=PlanKind.AMOUNT, money_unit=YUAN
    )
    amounts = replace(amounts, budget_total=money("10.00", WAN))
    assert planned_share(amounts, 3) == D("25.00")
    assert planned_share(amounts, 2) == D("16.67")


def test_planned_share__blank_checkpoints_are_skipped() -> None:
    """Only 6月底 50 printed: points (0,0) (6,50) (12,100, assumed). 3月 = 25;
    9月 = 50 + 50 × 3/6 = 75. Only 12月底 100 printed (seed 002): an even line,
    7月 = 100 × 7/12 = 58.333… → 58.33."""
    middle = project(plan=("", "50", "", ""))
    assert planned_share(middle, 3) == D("25.00")
    assert planned_share(middle, 9) == D("75.00")
    assert plan_curve(middle) == ((0, D(0)), (6, D("50.00")), (12, D("100.00")))
    assert planned_share(project(plan=("", "", "", "100")), 7) == D("58.33")


def test_planned_share__missing_plan() -> None:
    """No plan row, or amounts with no budget to divide by: no share and no curve."""
    assert planned_share(project(plan=None), 6) is None
    assert plan_curve(project(plan=None)) == ()
    no_budget = project(budget_total=None, plan=("1", "2", "3", "4"), plan_kind=PlanKind.AMOUNT)
    assert planned_share(no_budget, 6) is None


@pytest.mark.parametrize("month", [0, 13])
def test_planned_share__month_outside_the_year(month: int) -> None:
    with pytest.raises(ValueError):
        planned_share(project(), month)


def test_monitor__missing_plan_assumes_an_even_pace() -> None:
    """At 7月 an even pace is 7/12 × 100 = 58.33; spent 50 of 100 → 50.00, 8.33
    points behind → green; an info finding says the pace was assumed."""
    item, _ = run_one(plan=None, spent="50", month=7)
    assert (item.planned_share, item.execution_rate, item.deviation_points) == (
        D("58.33"),
        D("50.00"),
        D("-8.33"),
    )
    assert item.status is Status.GREEN
    assert item.plan_curve == ((0, D(0)), (12, D(100)))
    assert rules(item.findings) == ["monitor-plan-missing"]
    assert item.findings[0].severity is Severity.INFO
    assert "58.33%" in item.findings[0].message


# --- execution ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spent", "deviation", "status"),
    [
        ("70", "10.00", Status.GREEN),  # ahead of plan
        ("50", "-10.00", Status.GREEN),  # exactly 10 behind
        ("49.99", "-10.01", Status.YELLOW),
        ("40", "-20.00", Status.YELLOW),  # exactly 20 behind
        ("39.99", "-20.01", Status.RED),
    ],
)
def test_execution__status_at_the_threshold_edges(spent: str, deviation: str, status) -> None:
    """6月 plan share 60 (30/60/90/100 plan), budget 100 万元, so the rate is the
    amount spent: 50 → −10 points, green (at most 10 behind); 40 → −20, yellow (at
    most 20); one hundredth more behind changes colour."""
    item, _ = run_one(spent=spent, note="政府采购流程尚未完成")
    assert item.execution_rate == D(spent).quantize(D("0.01"))
    assert item.planned_share == D("60.00")
    assert item.deviation_points == D(deviation)
    assert item.status is status
    assert rules(item.findings) == []


def test_execution__configured_thresholds() -> None:
    """With yellow at 5 and red at 8 points, 10 behind is red."""
    config = EvaluationConfig(yellow_points=D(5), red_points=D(8))
    item, _ = run_one(spent="50", note="说明", config=config)
    assert item.status is Status.RED


def test_execution__unexplained_behind_plan() -> None:
    """39.99 spent of 100 at 6月 (plan 60): 20.01 points behind, red, and no
    预算执行偏差原因 → a warning quoting the rate, the plan share and the gap."""
    item, _ = run_one(spent="39.99")
    assert rules(item.findings) == ["monitor-execution-unexplained"]
    found = item.findings[0]
    assert found.severity is Severity.WARNING
    assert found.message == (
        "预算执行率39.99%，低于6月底计划累计支出比例60.00%达20.01个百分点（严重偏差），"
        "未说明预算执行偏差原因"
    )
    assert found.field_value("gap") == "20.01"
    assert found.location == Location(file=FILLED, table="项目1", row=5)
    assert (found.family, found.project_seq, found.project_title) == (
        "monitoring",
        1,
        "办公设备购置项目",
    )


def test_execution__green_or_explained_needs_no_reason() -> None:
    """50 spent (10 behind, green) needs no note; 45 (15 behind, yellow) with a note
    is explained; 45 without one is not."""
    assert rules(run_one(spent="50")[0].findings) == []
    assert rules(run_one(spent="45", note="设备到货延迟")[0].findings) == []
    assert rules(run_one(spent="45", note="  ")[0].findings) == ["monitor-execution-unexplained"]


def test_execution__overspent() -> None:
    """120 spent of a 100 万元 budget: rate 120.00 %, a warning; spending exactly the
    budget is not overspending."""
    item, _ = run_one(spent="120")
    assert item.execution_rate == D("120.00")
    assert rules(item.findings) == ["monitor-overspent"]
    assert item.findings[0].message == "1–6月执行数120万元超过预算数100.00万元（执行率120.00%）"
    assert rules(run_one(spent="100")[0].findings) == []


def test_execution__budget_adjusted_then_initial_then_disclosed() -> None:
    """The 全年预算数 (80) wins over the 年初预算数 (90), which wins over the
    disclosed 100: 40 spent → 50.00, 44.44 (40/90), 40.00."""
    adjusted, _ = run_one(funding=[total_row(initial="90", adjusted="80", spent="40")], note="x")
    initial, _ = run_one(funding=[total_row(initial="90", spent="40")], note="x")
    disclosed, _ = run_one(funding=[total_row(spent="40")], note="x")
    assert (adjusted.budget, adjusted.execution_rate) == (D("80"), D("50.00"))
    assert (initial.budget, initial.execution_rate) == (D("90"), D("44.44"))
    assert (disclosed.budget, disclosed.execution_rate) == (D("100.00"), D("40.00"))


def test_execution__yuan_reported_for_a_wan_yuan_project() -> None:
    """Project in 万元 (budget 100); the unit typed 300,000 元 spent and 800,000 元
    projected → 30 and 80 万元; rate 30.00, printed without an exponent."""
    item, _ = run_one(funding=[total_row(spent="300000", projected="800000", unit=YUAN)], note="x")
    assert (item.spent, item.projected_spent, item.execution_rate) == (D(30), D(80), D("30.00"))
    assert str(item.spent) == "30"
    assert item.money_unit is WAN


def test_execution__wan_yuan_reported_for_a_yuan_project() -> None:
    """Project in 元 with a 1,000,000 元 budget; 25 万元 spent = 250,000 元 → 25.00 %."""
    doc = disclosure(
        projects=[project(budget_total="1000000", money_unit=YUAN, plan=PLAN_30)],
        money_unit=YUAN,
    )
    result = monitor(doc, report(filed(funding=[total_row(spent="25")], unit=WAN, note="x")))
    item = result.projects[0]
    assert (item.spent, item.budget, item.execution_rate) == (D(250000), D(1000000), D("25.00"))
    assert str(item.spent) == "250000"


def test_execution__no_spent_reported() -> None:
    """No 1–6月执行数: no rate, no status, an info finding."""
    item, _ = run_one(funding=[total_row(initial="100")])
    assert (item.execution_rate, item.deviation_points, item.status) == (None, None, None)
    assert rules(item.findings) == ["monitor-spent-missing"]


# --- indicators ---------------------------------------------------------------------


def test_indicator__pro_rata_count() -> None:
    """≥12个, 7 done by 6月: progress 7/12 × 100 = 58.33 against 6/12 × 100 = 50.00
    expected; 确定能 → green."""
    item, _ = run_one(
        spent="60", indicators_=one_indicator("≥12个"), rows=[row(1, "办公设备采购数量", "7个")]
    )
    line = item.indicators[0]
    assert (line.progress, line.expected_progress, line.status) == (
        D("58.33"),
        D("50.00"),
        Status.GREEN,
    )
    assert (line.target_raw, line.actual_raw, line.likelihood) == (
        "≥12个",
        "7个",
        Likelihood.CERTAIN,
    )


def test_indicator__pro_rata_amount_in_another_money_unit() -> None:
    """≥100万元, 300,000 元 done by 7月 = 30 万元: progress 30.00 against 58.33
    expected, 28.33 behind. 确定能 → yellow (sure, but lagging by more than 20);
    with no likelihood → red by the lag alone (and a likelihood-missing warning)."""
    targets = one_indicator("≥100万元", "补助资金发放金额")
    sure, _ = run_one(
        spent="70", month=7, indicators_=targets, rows=[row(1, "补助资金发放金额", "300000元")]
    )
    assert (sure.indicators[0].progress, sure.indicators[0].expected_progress) == (
        D("30.00"),
        D("58.33"),
    )
    assert sure.indicators[0].status is Status.YELLOW
    unsure, _ = run_one(
        spent="70",
        month=7,
        indicators_=targets,
        rows=[row(1, "补助资金发放金额", "300000元", likelihood=None)],
    )
    assert unsure.indicators[0].status is Status.RED
    assert rules(unsure.findings) == ["monitor-likelihood-missing"]


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        ("6个", Status.GREEN),
        ("4.8个", Status.GREEN),
        ("4.79个", Status.YELLOW),
        ("3.5个", Status.RED),
    ],
)
def test_indicator__status_from_progress_alone(actual: str, status: Status) -> None:
    """No likelihood, target ≥12个 at 6月 (expected 50): 4.8 → 40.00, 10 behind,
    green; 4.79 → 39.92, 10.08 behind, yellow; 3.5 → 29.17, 20.83 behind, red."""
    item, _ = run_one(
        spent="60",
        indicators_=one_indicator("≥12个"),
        rows=[row(1, "办公设备采购数量", actual, likelihood=None)],
    )
    assert item.indicators[0].status is status


@pytest.mark.parametrize("target", ["≥95%", "≤10万元", "2025年6月底前", "明显改善", "300元/月/人"])
def test_indicator__no_pro_rata_progress(target: str) -> None:
    """Rates, caps, deadlines, qualitative and per-person standards have no progress;
    确定能 alone makes them green."""
    item, _ = run_one(
        spent="60", indicators_=one_indicator(target), rows=[row(1, "办公设备采购数量", "5")]
    )
    line = item.indicators[0]
    assert (line.progress, line.expected_progress, line.status) == (None, None, Status.GREEN)


@pytest.mark.parametrize(
    ("likelihood", "status"),
    [(Likelihood.IMPOSSIBLE, Status.RED), (Likelihood.POSSIBLE, Status.YELLOW)],
)
def test_indicator__not_certain_needs_a_reason(likelihood: Likelihood, status: Status) -> None:
    """有可能 → yellow, 完全不可能 → red, whatever the progress (9 of ≥12 is ahead);
    without a 偏差原因 a warning; a ticked cause or words are enough."""
    targets = one_indicator("≥12个")
    bare, _ = run_one(
        spent="60", indicators_=targets, rows=[row(1, "办公设备采购数量", "9个", likelihood)]
    )
    assert bare.indicators[0].status is status
    assert rules(bare.findings) == ["monitor-reason-missing"]
    assert bare.findings[0].message == (
        f"指标“办公设备采购数量”完成目标可能性为“{likelihood.label}”，但未说明偏差原因"
    )
    assert bare.findings[0].indicator_index == 1
    assert bare.findings[0].location == Location(file=FILLED, table="项目1", row=11)
    for given in (
        row(1, "办公设备采购数量", "9个", likelihood, causes=[DeviationCause.FUNDING]),
        row(1, "办公设备采购数量", "9个", likelihood, note="资金未到位"),
    ):
        explained, _ = run_one(spent="60", indicators_=targets, rows=[given])
        assert rules(explained.findings) == []


def test_indicator__qualitative_band_without_likelihood() -> None:
    """A qualitative target judged 部分达成, likelihood blank: yellow (RULES.md §8)."""
    item, _ = run_one(
        spent="60",
        indicators_=one_indicator("明显改善"),
        rows=[row(1, "办公设备采购数量", "有所改善", None, achievement=Achievement.PARTLY)],
    )
    assert item.indicators[0].status is Status.YELLOW


def test_indicator__actual_missing() -> None:
    """Indicator 1 filed with a blank 完成情况, indicator 2 not filed at all: an info
    each; a filled row gives none."""
    item, _ = run_one(
        spent="60",
        indicators_=indicators(
            ("产出指标", "数量指标", "办公设备采购数量", "≥12个"),
            ("产出指标", "质量指标", "设备验收合格率", "≥95%"),
            ("产出指标", "时效指标", "采购完成时间", "2025年6月底前"),
        ),
        rows=[row(1, "办公设备采购数量"), row(3, "采购完成时间", "已完成")],
    )
    assert [(f.rule, f.indicator_index, f.severity) for f in item.findings] == [
        ("monitor-actual-missing", 1, Severity.INFO),
        ("monitor-actual-missing", 2, Severity.INFO),
    ]
    assert item.indicators[1].actual_raw is None and item.indicators[1].status is None


def test_indicator__mismatch() -> None:
    """Spaces do not matter (``办公设备 采购数量``); another name is an error and the
    row is not read; a row for indicator 9 of a 1-indicator project is an error."""
    targets = one_indicator("≥12个")
    spaced, _ = run_one(spent="60", indicators_=targets, rows=[row(1, "办公设备 采购数量", "6个")])
    assert rules(spaced.findings) == []
    assert spaced.indicators[0].progress == D("50.00")
    other, _ = run_one(
        spent="60",
        indicators_=targets,
        rows=[row(1, "设备验收合格率", "6个"), row(9, "培训人次", "30人次")],
    )
    assert [(f.rule, f.indicator_index, f.severity) for f in other.findings] == [
        ("monitor-indicator-mismatch", 1, Severity.ERROR),
        ("monitor-indicator-mismatch", None, Severity.ERROR),
    ]
    assert (other.indicators[0].progress, other.indicators[0].status) == (None, None)
    assert other.indicators[0].actual_raw == "6个"
    assert "第9个指标“培训人次”在绩效目标表中不存在（该项目共1个指标）" in other.findings[1].message


# --- projects and the unit ----------------------------------------------------------


def test_monitor__project_missing_and_unknown() -> None:
    """Project 2 was disclosed but not filed (warning, shown with its budget only);
    project 7 was filed but never disclosed (error, not used)."""
    doc = disclosure(
        projects=[project(1, plan=PLAN_30, indicators_=()), project(2, "培训项目", plan=PLAN_30)]
    )
    result = monitor(
        doc,
        report(
            filed(1, funding=[total_row(spent="6")]),
            filed(7, funding=[total_row(spent="1")], name="不存在的项目"),
        ),
    )
    assert [(f.rule, f.project_seq, f.severity) for f in result.findings] == [
        ("monitor-project-missing", 2, Severity.WARNING),
        ("monitor-project-unknown", 7, Severity.ERROR),
    ]
    missing = result.projects[1]
    assert (missing.budget, missing.spent, missing.status) == (D("10.00"), None, None)
    assert len(missing.indicators) == 6 and missing.indicators[0].status is None
    assert [p.project_seq for p in result.projects] == [1, 2]


def test_monitor__unit_totals_are_budget_weighted() -> None:
    """Unit in 万元, 6月:
    - A: 100 万元, spent 50, plan 30/60/90/100 → 60; rate 50, −10 → green.
    - B: 500,000 元 = 50 万元, spent 100,000 元 = 10 万元, plan 25/50/75/100 → 50;
      rate 20, −30 → red (explained).
    - C: 50 万元, not filed: counted in the budget only.
    budget_total = 100 + 50 + 50 = 200; spent_total = 50 + 10 = 60;
    execution_rate = 60 ÷ 150 × 100 = 40.00 (A and B);
    planned_share = (60 × 100 + 50 × 50) ÷ 150 = 8500 ÷ 150 = 56.666… → 56.67."""
    doc = disclosure(
        projects=[
            project(1, "甲项目", budget_total="100", plan=PLAN_30, indicators_=()),
            project(
                2,
                "乙项目",
                budget_total="500000",
                money_unit=YUAN,
                plan=("25", "50", "75", "100"),
                indicators_=(),
            ),
            project(3, "丙项目", budget_total="50", plan=PLAN_30, indicators_=()),
        ]
    )
    result = monitor(
        doc,
        report(
            filed(1, funding=[total_row(spent="50")], name="甲项目"),
            filed(
                2,
                funding=[total_row(spent="100000", unit=YUAN)],
                unit=YUAN,
                name="乙项目",
                note="项目招标延期",
            ),
        ),
    )
    assert result.money_unit is WAN
    assert (result.budget_total, result.spent_total) == (D(200), D(60))
    assert (result.execution_rate, result.planned_share) == (D("40.00"), D("56.67"))
    assert [p.status for p in result.projects] == [Status.GREEN, Status.RED, None]
    assert result.projects[1].execution_rate == D("20.00")
    assert result.status_counts() == {Status.GREEN: 1, Status.YELLOW: 0, Status.RED: 1}
    assert rules(result.findings) == ["monitor-project-missing"]
    assert (result.unit_code, result.fiscal_year, result.period_month) == ("999001", 2025, 6)


def test_monitor__nothing_filed_has_no_rates() -> None:
    """No project filed: totals hold the budgets only, rates are None."""
    result = monitor(disclosure(projects=[project(indicators_=())]), report())
    assert (result.budget_total, result.spent_total) == (D("10.00"), None)
    assert (result.execution_rate, result.planned_share) == (None, None)


def test_monitor__period_outside_the_year() -> None:
    with pytest.raises(ValueError):
        monitor(disclosure(projects=[project()]), report(month=13))


# --- real seeds ---------------------------------------------------------------------


def test_seed_003__amount_plan_at_july(seed_path) -> None:
    """Seed 003's first project prints amounts 5.00/10.00/20.00/35.00 万元 for a
    35.00 万元 budget: 6月底 = 10/35 = 28.57 %, 10月底 = 20/35 = 57.14 %, so 7月底 =
    (10 + (20 − 10) × 1/4) ÷ 35 × 100 = 12.5 ÷ 35 × 100 = 35.714… → 35.71."""
    doc = read_disclosure(seed_path("003"))
    first = doc.projects[0]
    assert first.project_name == "大型设备运行保障经费"
    assert planned_share(first, 7) == D("35.71")
    assert plan_curve(first)[2:4] == ((6, D("28.57")), (10, D("57.14")))


def test_seed_001__no_plan_anywhere(seed_path) -> None:
    """Seed 001 prints no spending plan: every project gets the even pace (7/12 →
    58.33) and one monitor-plan-missing note; nothing filed → project-missing each."""
    doc = read_disclosure(seed_path("001"))
    result = monitor(doc, report(month=7))
    assert {p.planned_share for p in result.projects} == {D("58.33")}
    counts = {rule: rules(result.findings).count(rule) for rule in set(rules(result.findings))}
    assert counts == {"monitor-plan-missing": 18, "monitor-project-missing": 18}
