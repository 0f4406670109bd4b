"""Self-evaluation scoring (财预〔2020〕10号, RULES.md §9) on worked examples.

Every expected number is computed by hand in the test's docstring. Indicators and
projects are built inline in the document's notation (``"≥95%"``, ``"产出指标"``); the
actuals are read with jixiao's target parser, as the workbook reader does.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType

from review_build import disclosure, indicator, indicators, money, project

from jixiao.evaluate.config import EvaluationConfig, NegativeFormula
from jixiao.evaluate.results import ScoringMethod
from jixiao.evaluate.scoring import allocate_weights, evaluate, score_indicator, score_project
from jixiao.ingest.target import parse_target
from jixiao.model import Grade, Indicator, Level1, MoneyUnit, Project, Severity
from jixiao.model.actuals import (
    Achievement,
    ActualsKind,
    ActualsReport,
    DeviationCause,
    FundingActual,
    FundingSource,
    IndicatorActual,
    ProjectActuals,
)

D = Decimal
CONFIG = EvaluationConfig()
UNIT = "999001"


def reported(
    ind: Indicator,
    value: str | None = None,
    *,
    band: Achievement | None = None,
    claimed: str | None = None,
    weight: str | None = None,
    reason: str | None = None,
    level3: str | None = None,
) -> IndicatorActual:
    """What a unit reported for ``ind``: 实际完成值 as typed, band, 得分, 分值, 偏差原因."""
    return IndicatorActual(
        indicator_index=ind.index,
        level3=ind.level3 if level3 is None else level3,
        actual=None if value is None else parse_target(value, fiscal_year=2025),
        achievement=band,
        claimed_score=None if claimed is None else D(claimed),
        weight=None if weight is None else D(weight),
        deviation_note=reason,
    )


def score(target: str, value: str | None, weight: str = "10", config=CONFIG, **kwargs):
    """Score one 产出 indicator of ``target`` against ``value`` for ``weight`` points."""
    ind = indicator("测试指标", target)
    return score_indicator(ind, reported(ind, value, **kwargs), D(weight), config)


def total_row(spent: str | None, initial: str | None = "10.00", adjusted: str | None = None):
    """The 年度资金总额 row in 万元."""
    return FundingActual(
        source=FundingSource.TOTAL,
        budget_initial=None if initial is None else money(initial),
        budget_adjusted=None if adjusted is None else money(adjusted),
        spent=None if spent is None else money(spent),
    )


def actuals_of(
    proj: Project,
    *rows: IndicatorActual,
    funding: tuple[FundingActual, ...] | None = None,
    note: str | None = None,
) -> ProjectActuals:
    """The actuals of ``proj``: its indicators' rows and 年度资金总额 spent in full."""
    return ProjectActuals(
        project_seq=proj.seq,
        project_name=proj.project_name,
        money_unit=MoneyUnit.WAN_YUAN,
        funding=(total_row("10.00"),) if funding is None else funding,
        indicators=rows,
        execution_note=note,
    )


def rules(findings) -> list[str]:
    return [f.rule for f in findings]


# --- positive (≥) -------------------------------------------------------------------


def test_positive__met_gets_full_points():
    """≥95%, actual 96%: met → 10.00; completion 96 ÷ 95 × 100 = 101.0526… → 101.05."""
    result = score("≥95%", "96%")
    assert (result.method, result.score, result.completion_rate) == (
        ScoringMethod.POSITIVE,
        D("10.00"),
        D("101.05"),
    )


def test_positive__unmet_is_pro_rata_with_explanation():
    """Target 100, actual 80, 分值 5: 80 ÷ 100 × 5 = 4.00."""
    result = score("100", "80", "5")
    assert result.score == D("4.00")
    assert result.explanation == "实际完成值 80 ÷ 年度指标值 100 × 分值 5.00 = 4.00"
    assert result.completion_rate == D("80.00")


def test_positive__no_operator_and_rounding():
    """9部, actual 7部, 分值 12.5: 7 ÷ 9 × 12.5 = 9.7222… → 9.72."""
    assert score("9部", "7部", "12.5").score == D("9.72")


def test_positive__zero_target_met_by_zero():
    """≥0起, actual 0起: a zero target is met by any actual ≥ 0 → 6.00."""
    result = score("≥0起", "0起", "6")
    assert (result.score, result.completion_rate) == (D("6.00"), None)


def test_positive__unit_conversion_wan_yuan():
    """≥10万元, actual 80000元 = 8万元: 8 ÷ 10 × 10 = 8.00."""
    assert score("≥10万元", "80000元").score == D("8.00")


def test_positive__incompatible_units_are_unscorable():
    """≥95%, actual 12个: % against 个 cannot be compared → 0.00, UNSCORABLE."""
    result = score("≥95%", "12个")
    assert (result.method, result.score) == (ScoringMethod.UNSCORABLE, D("0.00"))


def test_positive__words_against_a_number_use_the_band():
    """≥95%, actual 已完成 judged 达成: words against a number → by the band, 1.0 × 10."""
    result = score("≥95%", "已完成", band=Achievement.ACHIEVED)
    assert (result.method, result.score) == (ScoringMethod.QUALITATIVE, D("10.00"))


# --- overshoot deduction (目标设定偏低) ---------------------------------------------------


def test_overshoot__off_by_default():
    """≥100, actual 200, deduction off: met → 10.00, nothing cut."""
    result = score("≥100", "200")
    assert (result.score, result.deduction) == (D("10.00"), D(0))


def test_overshoot__deduction_beyond_threshold():
    """Deduction on (threshold 150 %, max share 0.5), 分值 10:
    actual 170 → rate 170, cut 10 × min(0.5, (170 − 150) ÷ 100) = 10 × 0.2 = 2 → 8.00;
    actual 300 → rate 300, cut 10 × min(0.5, 1.5) = 5 → 5.00."""
    config = EvaluationConfig(overshoot_deduction=True)
    at_170 = score("≥100", "170", config=config)
    at_300 = score("≥100", "300", config=config)
    assert (at_170.score, at_170.deduction) == (D("8.00"), D("2.00"))
    assert (at_300.score, at_300.deduction) == (D("5.00"), D("5.00"))
    assert "目标设定偏低" in at_170.explanation


def test_overshoot__not_below_threshold():
    """Deduction on, actual 140 of 100: rate 140 ≤ 150 → no cut, 10.00."""
    config = EvaluationConfig(overshoot_deduction=True)
    assert score("≥100", "140", config=config).score == D("10.00")


# --- negative (≤) -------------------------------------------------------------------


def test_negative__met_gets_full_points():
    """≤100%, actual 98%: met → 10.00."""
    result = score("≤100%", "98%")
    assert (result.method, result.score) == (ScoringMethod.NEGATIVE, D("10.00"))


def test_negative__linear_formula():
    """≤10万元, 分值 10, linear: actual 12 → (1 − (12 − 10) ÷ 10) × 10 = 8.00;
    actual 20 (twice the target) → 0.00; actual 25 → 1 − 1.5 < 0 → floored 0.00."""
    assert score("≤10万元", "12万元").score == D("8.00")
    assert score("≤10万元", "20万元").score == D("0.00")
    assert score("≤10万元", "25万元").score == D("0.00")


def test_negative__linear_with_unit_conversion():
    """≤10万元, actual 110000元 = 11万元: (1 − 1 ÷ 10) × 10 = 9.00."""
    assert score("≤10万元", "110000元").score == D("9.00")


def test_negative__ratio_formula():
    """≤10万元, actual 12万元, ratio: 10 ÷ 12 × 10 = 8.333… → 8.33."""
    config = EvaluationConfig(negative_formula=NegativeFormula.RATIO)
    result = score("≤10万元", "12万元", config=config)
    assert result.score == D("8.33")
    assert result.explanation == "年度指标值 10万元 ÷ 实际完成值 12万元 × 分值 10.00 = 8.33"


def test_negative__zero_target():
    """≤0起 (no accidents), 分值 5: actual 0 → met, 5.00; actual 1 → 0.00 (nothing
    above a zero target can be allowed)."""
    assert score("≤0起", "0起", "5").score == D("5.00")
    assert score("≤0起", "1起", "5").score == D("0.00")


def test_negative__bare_zero_target_means_none_allowed():
    """0次 with no operator (安全责任事故次数) reads as ≤ 0: actual 0次 → 4.00; actual 2次
    → 0.00, NEGATIVE — and, with no 偏差原因, a deviation warning."""
    assert score("0次", "0次", "4").score == D("4.00")
    result = score("0次", "2次", "4")
    assert (result.method, result.score) == (ScoringMethod.NEGATIVE, D("0.00"))
    proj = project(indicators_=indicators(("产出指标", "质量指标", "安全责任事故次数", "0次")))
    act = actuals_of(proj, reported(proj.indicators[0], "2次"))
    found = score_project(proj, act, CONFIG, unit_code=UNIT).findings
    assert rules(found) == ["evaluate-deviation-unexplained"]


# --- equality (=) -------------------------------------------------------------------


def test_equality__met_and_missed():
    """=12个, 分值 8: actual 12 → 8.00; actual 9 → (1 − |9 − 12| ÷ 12) × 8 = 0.75 × 8
    = 6.00; actual 30 → 1 − 1.5 < 0 → 0.00."""
    assert score("=12个", "12个", "8").score == D("8.00")
    assert score("=12个", "9个", "8").score == D("6.00")
    result = score("=12个", "30个", "8")
    assert (result.method, result.score) == (ScoringMethod.EQUALITY, D("0.00"))


def test_equality__tolerance():
    """=12个, tolerance 0.1: actual 11 is |11 − 12| ÷ 12 = 0.083 ≤ 0.1 off → 8.00;
    actual 10 is 0.167 off → (1 − 0.1666…) × 8 = 6.666… → 6.67."""
    config = EvaluationConfig(equality_tolerance=D("0.1"))
    assert score("=12个", "11个", "8", config=config).score == D("8.00")
    assert score("=12个", "10个", "8", config=config).score == D("6.67")


# --- deadline -----------------------------------------------------------------------


def test_deadline__date_met_and_missed():
    """Target 2025年11月底 (30 Nov): actual 2025年10月底 → 10.00; actual 2025年12月底
    with no band → 0.00; the same judged 部分达成 → 0.7 × 10 = 7.00."""
    assert score("2025年11月底", "2025年10月底").score == D("10.00")
    late = score("2025年11月底", "2025年12月底")
    assert (late.method, late.score) == (ScoringMethod.DEADLINE, D("0.00"))
    judged = score("2025年11月底", "2025年12月底", band=Achievement.PARTLY)
    assert (judged.score, judged.achievement) == (D("7.00"), Achievement.PARTLY)


def test_deadline__wording():
    """Target 2025年11月底: 按时完成 and 提前完成 say met → 10.00; 未按时完成 does not,
    and with no band → 0.00."""
    assert score("2025年11月底", "按时完成").score == D("10.00")
    assert score("2025年11月底", "提前完成").score == D("10.00")
    assert score("2025年11月底", "未按时完成").score == D("0.00")


# --- qualitative bands --------------------------------------------------------------


def test_qualitative__band_shares():
    """明显改善, 分值 10, no claimed score: 达成 1.0 → 10.00; 部分达成 0.7 → 7.00;
    未达成 0.3 → 3.00."""
    got = [
        score("明显改善", "有所改善", band=band).score
        for band in (Achievement.ACHIEVED, Achievement.PARTLY, Achievement.NOT_ACHIEVED)
    ]
    assert got == [D("10.00"), D("7.00"), D("3.00")]


def test_qualitative__claimed_score_inside_band_is_kept():
    """达成 allows 80–100 % of 10 = 8.00–10.00: the unit's 9 is kept → 9.00."""
    result = score("明显改善", "明显改善", band=Achievement.ACHIEVED, claimed="9")
    assert (result.method, result.score) == (ScoringMethod.QUALITATIVE, D("9.00"))


def test_qualitative__claimed_score_clamped_into_band():
    """部分达成 allows 60–80 % of 10 = 6.00–8.00: a claimed 9 is cut to 8.00, a claimed 1
    raised to 6.00."""
    high = score("明显改善", "有所改善", band=Achievement.PARTLY, claimed="9")
    low = score("明显改善", "有所改善", band=Achievement.PARTLY, claimed="1")
    assert (high.score, low.score) == (D("8.00"), D("6.00"))


def test_qualitative__no_band_scores_zero():
    """明显改善 with words but no band: 0.00."""
    result = score("明显改善", "有所改善")
    assert (result.method, result.score) == (ScoringMethod.QUALITATIVE, D("0.00"))


def test_missing_actual__scores_zero():
    """No 实际完成值 and no band: MISSING, 0.00; no actual row at all: the same."""
    result = score("≥95%", None)
    assert (result.method, result.score) == (ScoringMethod.MISSING, D("0.00"))
    ind = indicator("测试指标", "≥95%")
    assert score_indicator(ind, None, D(10), CONFIG).score == D("0.00")


# --- execution (预算执行率) -----------------------------------------------------------


def _execution(funding: tuple[FundingActual, ...], note: str | None = None, **kwargs):
    proj = project(indicators_=indicators(("产出指标", "数量指标", "台数", "≥10台")), **kwargs)
    ind = proj.indicators[0]
    return score_project(
        proj, actuals_of(proj, reported(ind, "10台"), funding=funding, note=note), CONFIG,
        unit_code=UNIT,
    )  # fmt: skip


def test_execution__capped_at_weight():
    """Budget 10.00, spent 12.00: rate 120 %, 120 × 10 ÷ 100 = 12 → capped at 10.00."""
    result = _execution((total_row("12.00"),))
    assert (result.execution_rate, result.execution_score) == (D("120.00"), D("10.00"))


def test_execution__below_ninety_needs_a_reason():
    """Budget 10.00, spent 8.50: rate 85 %, score 8.50; below 90 % without a reason →
    warning; with 执行偏差原因 given → none."""
    result = _execution((total_row("8.50"),))
    assert (result.execution_rate, result.execution_score) == (D("85.00"), D("8.50"))
    assert "evaluate-execution-unexplained" in rules(result.findings)
    explained = _execution((total_row("8.50"),), note="年底采购未结算")
    assert "evaluate-execution-unexplained" not in rules(explained.findings)


def test_execution__adjusted_budget_wins():
    """年初 10.00, 全年 (adjusted) 8.00, spent 8.00: 8 ÷ 8 = 100 % → 10.00."""
    result = _execution((total_row("8.00", initial="10.00", adjusted="8.00"),))
    assert (result.execution_rate, result.execution_score) == (D("100.00"), D("10.00"))


def test_execution__falls_back_to_disclosed_budget_in_its_unit():
    """No budget reported; disclosed budget 10.00 万元; spent 90,000.00 元 = 9 万元:
    rate 90 %, 9.00 (not below 90: no warning)."""
    spent = FundingActual(source=FundingSource.TOTAL, spent=money("90000.00", MoneyUnit.YUAN))
    result = _execution((spent,))
    assert (result.execution_rate, result.execution_score) == (D("90.00"), D("9.00"))
    assert "evaluate-execution-unexplained" not in rules(result.findings)


def test_execution__missing_spent_scores_zero():
    """No 全年执行数: 0.00 and a warning."""
    result = _execution((total_row(None),))
    assert (result.execution_rate, result.execution_score) == (None, D("0.00"))
    assert "evaluate-execution-missing" in rules(result.findings)


# --- weights ------------------------------------------------------------------------


ROWS_50_30_10 = (
    ("产出指标", "数量指标", "台数", "≥10台"),
    ("产出指标", "质量指标", "合格率", "≥95%"),
    ("产出指标", "时效指标", "完成时间", "2025年11月底"),
    ("效益指标", "社会效益指标", "办公条件", "明显改善"),
    ("满意度指标", "服务对象满意度指标", "满意度", "≥90%"),
)


def test_weights__uneven_split_by_largest_remainder():
    """产出 50 over 3 = 16.666…: floors 16.66 × 3 = 49.98, the 2 cents left go to the first
    two → 16.67, 16.67, 16.66 (sum 50.00); 效益 30 and 满意度 10 to their single rows."""
    proj = project(indicators_=indicators(*ROWS_50_30_10))
    weights = allocate_weights(proj, None, CONFIG, unit_code=UNIT)
    assert weights == {1: D("16.67"), 2: D("16.67"), 3: D("16.66"), 4: D(30), 5: D(10)}
    assert sum(weights.values()) == D(90)


def test_weights__missing_level_redistributed():
    """No 满意度 indicator: its 10 go to 产出 and 效益 by 50 : 30 → 产出 50 + 10 × 50/80 =
    56.25, 效益 30 + 10 × 30/80 = 33.75; without redistribution 50 / 30 (10 lost)."""
    proj = project(indicators_=indicators(*ROWS_50_30_10[:1], ROWS_50_30_10[3]))
    assert allocate_weights(proj, None, CONFIG, unit_code=UNIT) == {1: D("56.25"), 2: D("33.75")}
    keep = EvaluationConfig(redistribute_missing_levels=False)
    assert allocate_weights(proj, None, keep, unit_code=UNIT) == {1: D(50), 2: D(30)}
    scored = score_project(proj, None, keep, unit_code=UNIT)
    assert dict(scored.level_weights) == {
        Level1.OUTPUT: D(50),
        Level1.OUTCOME: D(30),
        Level1.SATISFACTION: D(10),
    }


def test_weights__given_weights_kept_rest_split():
    """The unit set 台数 to 20 of 产出's 50: 合格率 and 完成时间 share 30 → 15.00 each."""
    proj = project(indicators_=indicators(*ROWS_50_30_10))
    act = actuals_of(proj, reported(proj.indicators[0], "10台", weight="20"))
    weights = allocate_weights(proj, act, CONFIG, unit_code=UNIT)
    assert [weights[i] for i in (1, 2, 3)] == [D(20), D(15), D(15)]
    assert "evaluate-weights-inconsistent" not in rules(
        score_project(proj, act, CONFIG, unit_code=UNIT).findings
    )


def test_weights__given_weights_inconsistent():
    """All three 产出 rows given 15 each = 45 ≠ 50 → kept as given, warning."""
    proj = project(indicators_=indicators(*ROWS_50_30_10))
    rows = [reported(ind, None, weight="15") for ind in proj.indicators[:3]]
    act = actuals_of(proj, *rows)
    weights = allocate_weights(proj, act, CONFIG, unit_code=UNIT)
    assert [weights[i] for i in (1, 2, 3)] == [D(15)] * 3
    found = score_project(proj, act, CONFIG, unit_code=UNIT).findings
    inconsistent = [f for f in found if f.rule == "evaluate-weights-inconsistent"]
    assert [(f.field_value("expected"), f.field_value("actual")) for f in inconsistent] == [
        ("50.00", "45.00")
    ]


def test_weights__unit_and_project_overrides():
    """Unit 999001: 效益 35, 满意度 5; project 999001:1: execution 20, 产出 40 (the project
    wins over the unit) → 预算执行率 20, 产出 40 / 3 = 13.34, 13.33, 13.33, 效益 35,
    满意度 5; project 2 keeps the unit's: 10, 16.67 …, 35, 5."""
    config = EvaluationConfig(
        unit_weights=MappingProxyType(
            {UNIT: MappingProxyType({Level1.OUTCOME: D(35), Level1.SATISFACTION: D(5)})}
        ),
        project_weights=MappingProxyType(
            {f"{UNIT}:1": MappingProxyType({None: D(20), Level1.OUTPUT: D(40)})}
        ),
    )
    first = project(indicators_=indicators(*ROWS_50_30_10))
    second = replace(first, seq=2)
    assert allocate_weights(first, None, config, unit_code=UNIT) == {
        1: D("13.34"), 2: D("13.33"), 3: D("13.33"), 4: D(35), 5: D(5),
    }  # fmt: skip
    assert score_project(first, None, config, unit_code=UNIT).execution_weight == D(20)
    assert allocate_weights(second, None, config, unit_code=UNIT)[4] == D(35)
    assert score_project(second, None, config, unit_code=UNIT).execution_weight == D(10)


def test_weights__cost_level_pooled_with_output():
    """101号 tree: 产出 ×2 and 成本 ×1 share 产出's 50 → 16.67, 16.67, 16.66; with 成本
    given 10 points of its own (产出 40): 产出 20 each, 成本 10."""
    rows = (
        ("产出指标", "数量指标", "台数", "≥10台"),
        ("产出指标", "质量指标", "合格率", "≥95%"),
        ("成本指标", "经济成本指标", "单价", "≤5万元"),
        ROWS_50_30_10[3],
        ROWS_50_30_10[4],
    )
    proj = project(indicators_=indicators(*rows))
    pooled = allocate_weights(proj, None, CONFIG, unit_code=UNIT)
    assert [pooled[i] for i in (1, 2, 3)] == [D("16.67"), D("16.67"), D("16.66")]
    own = EvaluationConfig(
        level_weights=MappingProxyType(
            {Level1.OUTPUT: D(40), Level1.COST: D(10), Level1.OUTCOME: D(30),
             Level1.SATISFACTION: D(10)}
        )
    )  # fmt: skip
    assert [allocate_weights(proj, None, own, unit_code=UNIT)[i] for i in (1, 2, 3)] == [
        D(20), D(20), D(10),
    ]  # fmt: skip


def test_weights__unrecognised_level_gets_nothing():
    """一级 printed 其他指标: 0 points and a warning; 产出's 50 go to the one 产出 row."""
    rows = (("其他指标", "数量指标", "杂项", "≥1项"), *ROWS_50_30_10[:1], *ROWS_50_30_10[3:])
    proj = project(indicators_=indicators(*rows))
    weights = allocate_weights(proj, None, CONFIG, unit_code=UNIT)
    assert (weights[1], weights[2]) == (D(0), D(50))
    assert "evaluate-level-unrecognised" in rules(
        score_project(proj, None, CONFIG, unit_code=UNIT).findings
    )


# --- a small whole project and its findings ----------------------------------------


def test_project__total_grade_and_findings():
    """Budget 10.00 万元, spent 9.50 → 95 % → 9.50.
    台数 ≥10台, 8台: 8 ÷ 10 × 16.67 = 13.336 → 13.34 (reason given: no warning);
    合格率 ≥95%, 96% → 16.67;
    完成时间 2025年11月底, 2025年10月底 → 16.66;
    办公条件 明显改善, 部分达成 → 0.7 × 30 = 21.00, no reason → deviation warning;
    满意度 ≥90%, 85%: 85 ÷ 90 × 10 = 9.444 → 9.44, no reason → deviation warning, and
    the unit claimed 10 → claimed-differs (info).
    Total 9.50 + 13.34 + 16.67 + 16.66 + 21.00 + 9.44 = 86.61 → 良."""
    proj = project(indicators_=indicators(*ROWS_50_30_10))
    i1, i2, i3, i4, i5 = proj.indicators
    act = actuals_of(
        proj,
        reported(i1, "8台", reason="供货延迟"),
        reported(i2, "96%"),
        reported(i3, "2025年10月底"),
        reported(i4, "有所改善", band=Achievement.PARTLY),
        reported(i5, "85%", claimed="10"),
        funding=(total_row("9.50"),),
        note="尾款未付",
    )
    result = score_project(proj, act, CONFIG, unit_code=UNIT)
    assert [s.score for s in result.indicators] == [
        D("13.34"), D("16.67"), D("16.66"), D("21.00"), D("9.44"),
    ]  # fmt: skip
    assert (result.execution_score, result.total, result.grade) == (
        D("9.50"),
        D("86.61"),
        Grade.GOOD,
    )
    assert dict(result.level_scores) == {
        Level1.OUTPUT: D("46.67"),
        Level1.OUTCOME: D("21.00"),
        Level1.SATISFACTION: D("9.44"),
    }
    assert [(f.rule, f.indicator_index) for f in result.findings] == [
        ("evaluate-deviation-unexplained", 4),
        ("evaluate-claimed-score-differs", 5),
        ("evaluate-deviation-unexplained", 5),
    ]
    deviation = result.findings[0]
    assert deviation.severity is Severity.WARNING and deviation.family == "evaluation"
    assert "偏差原因分析及改进措施" in deviation.message and "办公条件" in deviation.message


def test_findings__deviation_reason_by_cause_kind_suffices():
    """满意度 85% of ≥90% with 偏差原因 ticked 其他 (no words): no deviation warning."""
    proj = project(indicators_=indicators(ROWS_50_30_10[4]))
    row = replace(reported(proj.indicators[0], "85%"), deviation_causes=(DeviationCause.OTHER,))
    found = rules(score_project(proj, actuals_of(proj, row), CONFIG, unit_code=UNIT).findings)
    assert "evaluate-deviation-unexplained" not in found


def test_findings__indicator_mismatch_missing_unscorable_band():
    """Row 1 reported as 采购台数 (the table says 台数) → error, and the row is not used
    (scored as missing: 0 points, as monitoring ignores such a row); row 2 blank → actual
    missing (and no deviation warning for it); row 3 words with no band (deadline
    unjudged) → achievement missing; row 4 claimed 9 under 部分达成 → clamped (info,
    no claimed-differs); row 5 12个 against ≥90% → unscorable."""
    proj = project(indicators_=indicators(*ROWS_50_30_10))
    i1, i2, i3, i4, i5 = proj.indicators
    act = actuals_of(
        proj,
        reported(i1, "10台", level3="采购 台数"),
        reported(i2, None),
        reported(i3, "基本完成", reason="天气"),
        reported(i4, "有所改善", band=Achievement.PARTLY, claimed="25", reason="x"),
        reported(i5, "12个", reason="x"),
    )
    scored = score_project(proj, act, CONFIG, unit_code=UNIT)
    assert scored.indicators[0].score == 0
    found = scored.findings
    assert [(f.rule, f.severity, f.indicator_index) for f in found] == [
        ("evaluate-indicator-mismatch", Severity.ERROR, 1),
        ("evaluate-actual-missing", Severity.WARNING, 1),
        ("evaluate-actual-missing", Severity.WARNING, 2),
        ("evaluate-achievement-missing", Severity.WARNING, 3),
        ("evaluate-claimed-score-outside-band", Severity.INFO, 4),
        ("evaluate-unscorable", Severity.WARNING, 5),
    ]


def test_findings__none_when_all_met():
    """Every target met, budget spent in full: total 100.00, 优, no finding."""
    proj = project(indicators_=indicators(*ROWS_50_30_10))
    i1, i2, i3, i4, i5 = proj.indicators
    act = actuals_of(
        proj,
        reported(i1, "10台"),
        reported(i2, "95%"),
        reported(i3, "按时完成"),
        reported(i4, "明显改善", band=Achievement.ACHIEVED),
        reported(i5, "92%"),
    )
    result = score_project(proj, act, CONFIG, unit_code=UNIT)
    assert (result.total, result.grade, result.findings) == (D("100.00"), Grade.EXCELLENT, ())


def test_evaluate__projects_matched_and_unmatched():
    """Disclosure projects 1 and 2; actuals for 1 and 3. Project 1 all met → 100.00;
    project 2 scored with nothing → 0.00 (差) and project-missing; project 3's actuals
    → project-unknown. Mean (100 + 0) ÷ 2 = 50.00."""
    one = project(indicators_=indicators(*ROWS_50_30_10))
    two = project(seq=2, name="业务培训", indicators_=indicators(ROWS_50_30_10[0]))
    i1, i2, i3, i4, i5 = one.indicators
    act = actuals_of(
        one,
        reported(i1, "12台"),
        reported(i2, "100%"),
        reported(i3, "2025年6月底"),
        reported(i4, "明显改善", band=Achievement.ACHIEVED),
        reported(i5, "90%"),
    )
    stray = ProjectActuals(project_seq=3, project_name="信息化运维", money_unit=None)
    report = ActualsReport(
        unit_code=UNIT,
        unit_name="示范县机关事务服务中心",
        fiscal_year=2025,
        kind=ActualsKind.SELF_EVALUATION,
        period_month=12,
        projects=(act, stray),
    )
    result = evaluate(disclosure(projects=[one, two]), report)
    assert [(p.project_seq, p.total, p.grade) for p in result.projects] == [
        (1, D("100.00"), Grade.EXCELLENT),
        (2, D("0.00"), Grade.POOR),
    ]
    assert result.mean_total == D("50.00")
    assert rules(result.projects[1].findings)[0] == "evaluate-project-missing"
    assert rules(result.findings)[-1] == "evaluate-project-unknown"
    assert result.findings[-1].project_seq == 3
