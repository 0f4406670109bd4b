"""The *target* family (指标值): each rule on a small inline table, then the seeds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from review_build import STANDARD_ROWS, disclosure, ids_at, indicator, project
from review_expected_target import EXPECTED
from strategies import disclosures

from jixiao.ingest import read_disclosure
from jixiao.ingest.projects import split_target
from jixiao.model import Indicator, LevelName, MoneyUnit, TargetKind, TargetValue
from jixiao.review import RULES, review

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "demo-999001-2025.txt"


def review_rows(*rows: tuple[str, str, str, str], fiscal_year: int = 2025, **project_kwargs):
    """Review STANDARD_ROWS plus ``rows`` with the target family; the findings."""
    built = tuple(
        indicator(name, target, level1=l1, level2=l2, index=i, fiscal_year=fiscal_year)
        for i, (l1, l2, name, target) in enumerate((*STANDARD_ROWS, *rows), start=1)
    )
    doc = disclosure(
        projects=[project(indicators_=built, **project_kwargs)], fiscal_year=fiscal_year
    )
    return review(doc, select=["target"]).findings


def found(*rows: tuple[str, str, str, str], **kwargs) -> list[tuple]:
    return ids_at(review_rows(*rows, **kwargs))


def test_standard_rows__raise_nothing() -> None:
    assert found() == []


def test_every_rule__has_a_docstring_and_a_reference() -> None:
    for r in RULES.select(["target"]):
        assert r.doc and r.reference, r.id


# -- target-empty / target-unparsed ---------------------------------------------------------


@pytest.mark.parametrize("target", ["", " ", "/", "—"])
def test_empty__blank_target(target: str) -> None:
    assert found(("产出指标", "数量指标", "维修次数", target)) == [("target-empty", 1, 7)]


def test_unparsed__range() -> None:
    findings = review_rows(("产出指标", "数量指标", "维修次数", "2-3次"))
    assert ids_at(findings) == [("target-unparsed", 1, 7)]
    assert findings[0].severity == "error"
    assert findings[0].quote == "2-3次"


def test_unparsed__a_number_with_a_unit_is_read() -> None:
    assert found(("产出指标", "数量指标", "维修次数", "≥3次")) == []


def split_rows(*rows: tuple[str, str, str, tuple[str, str, str]]) -> list[tuple]:
    """Review STANDARD_ROWS plus ``rows`` whose target is split 指标性质 | 指标值 | 度量单位
    (the Sichuan layout) with the target family; (rule, project, indicator) found."""
    built = [
        indicator(name, target, level1=l1, level2=l2, index=i)
        for i, (l1, l2, name, target) in enumerate(STANDARD_ROWS, start=1)
    ]
    for i, (l1, l2, name, cells) in enumerate(rows, start=len(built) + 1):
        made = indicator(name, level1=l1, level2=l2, index=i)
        built.append(replace(made, target=split_target(*cells, fiscal_year=2025)))
    doc = disclosure(projects=[project(indicators_=tuple(built))])
    return ids_at(review(doc, select=["target"]).findings)


def test_unparsed__qualitative_slash_is_an_empty_target() -> None:
    # Nanjiang 自然资源和规划局 2025: 异地恢复800元/亩 | 定性 | / | (blank).
    rows = (("产出指标", "成本指标", "异地恢复800元/亩", ("定性", "/", "")),)
    assert split_rows(*rows) == [("target-empty", 1, 7)]


def test_unparsed__qualitative_phrase_with_a_number_is_words() -> None:
    # Nanjiang 自然资源和规划局 2025: 解决就业人员 | 定性 | 该矿投产后，…超200人 | 人.
    phrase = "该矿投产后，预计可解决当地就业人员超200人"
    rows = (("效益指标", "社会效益指标", "解决就业人员", ("定性", phrase, "人")),)
    assert split_rows(*rows) == []
    # Without the 定性 mark, or with a label instead of a phrase, it is still unreadable.
    rows = (("产出指标", "数量指标", "维修次数", ("", "2-3次", "")),)
    assert split_rows(*rows) == [("target-unparsed", 1, 7)]
    rows = (("产出指标", "数量指标", "维修次数", ("定性", "2-3", "次")),)
    assert split_rows(*rows) == [("target-unparsed", 1, 7)]


# -- target-run-together -------------------------------------------------------------------


def test_run_together__doubled_number_as_in_seed_002() -> None:
    findings = review_rows(("产出指标", "时效指标", "费用缴纳及时率", "≥9090%及以上"))
    assert ids_at(findings) == [("target-run-together", 1, 7)]
    assert findings[0].field_value("suggested") == "≥90%"


def test_run_together__number_glued_to_words_as_in_seed_000() -> None:
    findings = review_rows(
        ("产出指标", "质量指标", "电梯正常使用率", "100电梯正常使用率达到百分之百")
    )
    assert ids_at(findings) == [("target-run-together", 1, 7)]
    assert findings[0].field_value("suggested") == "100%"


def test_run_together__a_plain_suffix_is_fine() -> None:
    assert found(("产出指标", "质量指标", "维修合格率", "≥95%以上")) == []


# -- target-qualitative-measurable / restates-name / weak-wording ---------------------------


def test_qualitative_measurable__count_in_words_as_in_seed_000() -> None:
    findings = review_rows(("效益指标", "社会效益指标", "残疾人就业人数", "增加"))
    assert ids_at(findings) == [("target-qualitative-measurable", 1, 7)]
    assert findings[0].field_value("reason") == "名称含「人数」"


def test_qualitative_measurable__rate_with_weak_words_is_reported_once() -> None:
    rows = (("产出指标", "质量指标", "困难残疾人保障率", "长效提升"),)
    assert found(*rows) == [("target-qualitative-measurable", 1, 7)]


def test_qualitative_measurable__timeliness_in_words() -> None:
    rows = (("产出指标", "时效指标", "如期完成", "电梯大修保养项目如期完成"),)
    assert found(*rows) == [("target-qualitative-measurable", 1, 7)]


def test_qualitative_measurable__efficiency_is_not_a_share() -> None:
    assert found(("效益指标", "经济效益指标", "资金的使用效率", "资金使用效率最大化")) == []


def test_restates_name__same_words_as_in_seed_001() -> None:
    rows = (("效益指标", "社会效益指标", "解决异地干部住房问题", "解决异地干部住房问题"),)
    assert found(*rows) == [("target-restates-name", 1, 7)]


def test_restates_name__nearly_the_same_words() -> None:
    rows = (("效益指标", "社会效益指标", "保障机关单位正常运转", "保障单位正常运转"),)
    assert found(*rows) == [("target-restates-name", 1, 7)]


def test_restates_name__name_plus_an_action_is_not_a_restatement() -> None:
    rows = (("效益指标", "生态效益指标", "环保节能", "公车出行加大环保节能宣传"),)
    assert found(*rows) == []


@pytest.mark.parametrize("target", ["提升", "长效提升", "较上年提升", "下降", "服务提升", "明显"])
def test_weak_wording__direction_alone(target: str) -> None:
    rows = (("效益指标", "可持续影响指标", "公共服务水平提升情况", target),)
    assert found(*rows) == [("target-weak-wording", 1, 7)]


@pytest.mark.parametrize("target", ["明显改善", "有所提高", "环境卫生有所提高", "保障正常运转"])
def test_weak_wording__graded_or_concrete_words_are_fine(target: str) -> None:
    assert found(("效益指标", "社会效益指标", "办公环境", target)) == []


# -- target-percent-over-100 ---------------------------------------------------------------


def test_percent_over_100__share() -> None:
    assert found(("产出指标", "质量指标", "验收合格率", "≥110%")) == [
        ("target-percent-over-100", 1, 7)
    ]


@pytest.mark.parametrize(
    ("name", "target"), [("签约资金增长率", "≥150%"), ("成本控制率", "≤110%"), ("合格率", "100%")]
)
def test_percent_over_100__growth_upper_bound_and_100_are_fine(name: str, target: str) -> None:
    assert "target-percent-over-100" not in {
        f[0] for f in found(("产出指标", "质量指标", name, target))
    }


# -- cost rules ---------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["≤100%", "控制在预算内", "降低", "2025年12月底前"])
def test_cost_no_money_unit__not_an_amount(target: str) -> None:
    assert found(("产出指标", "成本指标", "运行成本", target)) == [
        ("target-cost-no-money-unit", 1, 7)
    ]


def test_cost_no_money_unit__101_cost_level1() -> None:
    assert found(("成本指标", "经济成本指标", "运行成本", "≤100%")) == [
        ("target-cost-no-money-unit", 1, 7)
    ]


def test_cost_no_money_unit__social_cost_may_be_words() -> None:
    assert found(("成本指标", "社会成本指标", "对周边居民的影响", "无不良影响")) == []


def test_cost_no_money_unit__input_rate_is_left_to_the_framework_family() -> None:
    assert found(("产出指标", "成本指标", "预算资金完成率", "≥95%")) == []


def test_cost_lower_bound__at_least_as_in_seed_001() -> None:
    findings = review_rows(("产出指标", "成本指标", "人均工资标准", "≥3780元/月/人"))
    assert ids_at(findings) == [("target-cost-lower-bound", 1, 7)]


def test_cost_lower_bound__ceiling_is_fine() -> None:
    assert found(("产出指标", "成本指标", "人均工资标准", "≤2300元/月/人")) == []


def test_cost_over_budget__converts_wan_yuan_to_yuan() -> None:
    rows = (("产出指标", "成本指标", "运维费", "≤150000元"),)
    findings = review_rows(*rows, budget_total="10.00", money_unit=MoneyUnit.WAN_YUAN)
    assert ids_at(findings) == [("target-cost-over-budget", 1, 7)]
    assert findings[0].field_value("budget") == "10.00万元"


def test_cost_over_budget__within_budget_and_unit_prices_are_fine() -> None:
    rows = (
        ("产出指标", "成本指标", "运维费", "≤60000元"),
        ("产出指标", "成本指标", "单价", "≤18万元/辆"),
    )
    assert found(*rows, budget_total="126000.00", money_unit=MoneyUnit.YUAN) == []


def test_cost_over_budget__no_budget_no_finding() -> None:
    assert found(("产出指标", "成本指标", "运维费", "≤150000元"), budget_total=None) == []


def test_cost_over_budget__budget_rounded_to_the_printed_wan_yuan_is_not_over() -> None:
    # Bazhou 2024 整体支出表: budget 52,888,160.02元, cost target ≤5288.82万元 (the budget
    # rounded half-up to 0.01万元); one more hundredth is over.
    rows = (("产出指标", "成本指标", "财政预算控制数", "≤ 5288.82 万元"),)
    assert found(*rows, budget_total="52888160.02", money_unit=MoneyUnit.YUAN) == []
    rows = (("产出指标", "成本指标", "财政预算控制数", "≤5288.83万元"),)
    assert found(*rows, budget_total="52888160.02", money_unit=MoneyUnit.YUAN) == [
        ("target-cost-over-budget", 1, 7)
    ]


# -- target-satisfaction-not-percent -----------------------------------------------------------


def test_satisfaction_not_percent__words() -> None:
    assert found(("满意度指标", "服务对象满意度指标", "群众满意度", "满意")) == [
        ("target-satisfaction-not-percent", 1, 7)
    ]


def test_satisfaction_not_percent__run_together_percent_is_a_percent() -> None:
    rows = (("满意度指标", "服务对象满意度指标", "受助人员满意度", "≥95受助人员满意度大于等于95%"),)
    assert found(*rows) == [("target-run-together", 1, 7)]


# -- target-unit-mismatch -----------------------------------------------------------------


def test_unit_mismatch__yuan_in_name_wan_yuan_in_value_as_in_seed_001() -> None:
    findings = review_rows(("产出指标", "成本指标", "平均每月支付物业费（元/月）", "≤33.16万元/月"))
    assert ids_at(findings) == [("target-unit-mismatch", 1, 7)]
    assert findings[0].field_value("unit") == "万元/月"


def test_unit_mismatch__count_in_percent_as_in_seed_002() -> None:
    assert found(("产出指标", "数量指标", "支持全区公务用车数量", "≥90%")) == [
        ("target-unit-mismatch", 1, 7)
    ]


def test_unit_mismatch__rate_in_a_count_unit() -> None:
    assert found(("产出指标", "时效指标", "维修及时率", "≤3天")) == [("target-unit-mismatch", 1, 7)]


def test_unit_mismatch__vehicles_named_in_brackets() -> None:
    assert found(("产出指标", "数量指标", "车辆数（辆）", "9个")) == [
        ("target-unit-mismatch", 1, 7)
    ]


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("平均每月支出保障经费（元/月）", "≤4500元"),
        ("用电总度数（万度）", "≤500万度"),
        ("公车数量", "321辆"),
        ("检查频率", "≥2次/月"),
        ("室内消火栓个数（套）", "≥80套"),
    ],
)
def test_unit_mismatch__agreeing_or_omitted_units_are_fine(name: str, target: str) -> None:
    assert found(("产出指标", "数量指标", name, target)) == []


# -- target-count-no-unit -----------------------------------------------------------------


def test_count_no_unit__bare_number() -> None:
    assert found(("产出指标", "数量指标", "保障办公区个数", "4")) == [
        ("target-count-no-unit", 1, 7)
    ]


def test_count_no_unit__unit_in_the_name_is_enough() -> None:
    assert found(("产出指标", "数量指标", "保障办公区个数（个）", "4")) == []


# -- deadlines ----------------------------------------------------------------------------


def test_deadline_before_year__last_years_date() -> None:
    findings = review_rows(("产出指标", "时效指标", "项目完成时限", "2024年年底"))
    assert ids_at(findings) == [("target-deadline-before-year", 1, 7)]
    assert findings[0].severity == "error"


def test_deadline_after_year__next_years_date() -> None:
    assert found(("产出指标", "时效指标", "工程完工时间", "2026年6月底前")) == [
        ("target-deadline-after-year", 1, 7)
    ]


def test_deadline__within_the_year_and_recurring_are_fine() -> None:
    rows = (
        ("产出指标", "时效指标", "拨付时间", "11月底前"),
        ("产出指标", "时效指标", "工资发放时间", "每月25日前发放到位"),
        ("产出指标", "时效指标", "项目完成时限", "2025年年底"),
    )
    assert found(*rows) == []


# -- robustness and seeds ------------------------------------------------------------------


def test_targets__odd_input_never_crashes() -> None:
    odd = Indicator(
        index=1,
        level1=LevelName(raw="成本指标", normalised=None),
        level2=LevelName(raw="", normalised=None),
        level3="",
        description=None,
        target=TargetValue(raw="  ", kind=TargetKind.QUANTITATIVE, unit="元"),
        basis=None,
    )
    weird = Indicator(
        index=2,
        level1=LevelName(raw="产出指标", normalised=None),
        level2=LevelName(raw="成本指标", normalised=None),
        level3="成本（元）",
        description=None,
        target=TargetValue(raw="abc", kind=TargetKind.DEADLINE, deadline=None),
        basis="",
    )
    doc = disclosure(
        projects=[
            project(1, indicators_=(odd, weird), budget_total=None),
            project(2, indicators_=(odd,), budget_total="不详"),
            project(3, indicators_=()),
        ]
    )
    result = review(doc, select=["target"])
    assert [f for f in result.findings if f.rule == "review-internal-error"] == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(disclosures)
def test_target__generated_disclosures_never_crash(doc) -> None:
    result = review(doc, select=["target"])
    assert [f for f in result.findings if f.rule == "review-internal-error"] == []
    assert all("{" not in f.message for f in result.findings)


@pytest.mark.seeds
@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004", "demo"])
def test_targets__seeds_find_exactly_the_checked_findings(key: str, seed_path) -> None:
    path = EXAMPLE if key == "demo" else seed_path(key)
    result = review(read_disclosure(path), select=["target"])
    assert ids_at(result.findings) == EXPECTED[key]
