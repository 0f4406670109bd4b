"""The *framework* family (指标体系): each rule on a small inline table, then the seeds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from review_build import (
    STANDARD_ROWS,
    disclosure,
    ids_at,
    indicator,
    indicators,
    project,
)
from review_expected_framework import EXPECTED
from strategies import disclosures

from jixiao.ingest import read_disclosure
from jixiao.model import Indicator, LevelName, TargetKind, TargetValue
from jixiao.review import RULES, review

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "demo-999001-2025.txt"


def found(*projects_, select: str = "framework") -> list[tuple]:
    return ids_at(review(disclosure(projects=projects_), select=[select]).findings)


def with_rows(*rows: tuple[str, str, str, str], seq: int = 1, name: str = "办公设备购置项目"):
    """A project with ``rows`` (level1, level2, level3, target)."""
    return project(seq, name, indicators_=indicators(*rows))


def replaced(index: int, row: tuple[str, str, str, str]) -> tuple[tuple[str, str, str, str], ...]:
    """STANDARD_ROWS with row ``index`` (1-based) replaced."""
    return tuple(row if i == index else r for i, r in enumerate(STANDARD_ROWS, start=1))


def test_standard_rows__raise_nothing() -> None:
    assert found(with_rows(*STANDARD_ROWS)) == []


def test_every_rule__has_a_docstring_and_a_reference() -> None:
    for r in RULES.select(["framework"]):
        assert r.doc and r.reference, r.id


# -- framework-no-indicators / framework-too-few-indicators --------------------------------


def test_no_indicators__project_without_rows() -> None:
    assert found(project(indicators_=())) == [("framework-no-indicators", 1, None)]


def test_no_indicators__blank_table_is_not_a_project() -> None:
    # Nanjiang 仁和镇 2025 表20 部门绩效表: title and header, nothing under them.
    blank = replace(
        project(indicators_=(), budget_total=None, goals=(), purpose=None, plan=None),
        title="部门绩效表",
        project_name="部门绩效表",
    )
    assert found(blank, select="framework-no-indicators") == []
    # With its own name (or a budget), an empty table is a project without indicators.
    named = replace(blank, project_name="离职村社生活补助")
    assert found(named, select="framework-no-indicators") == [("framework-no-indicators", 1, None)]


def test_no_indicators__quiet_with_rows() -> None:
    assert "framework-no-indicators" not in {f[0] for f in found(with_rows(*STANDARD_ROWS))}


def test_too_few_indicators__two_rows() -> None:
    rows = (STANDARD_ROWS[0], STANDARD_ROWS[5])
    assert ("framework-too-few-indicators", 1, None) in found(with_rows(*rows))


def test_too_few_indicators__three_rows_are_enough() -> None:
    rows = (STANDARD_ROWS[0], STANDARD_ROWS[4], STANDARD_ROWS[5])
    assert "framework-too-few-indicators" not in {f[0] for f in found(with_rows(*rows))}


# -- framework-level1-missing ---------------------------------------------------------------


def test_level1_missing__no_satisfaction() -> None:
    result = review(disclosure(projects=[with_rows(*STANDARD_ROWS[:5])]), select=["framework"])
    assert ids_at(result.findings) == [("framework-level1-missing", 1, None)]
    assert result.findings[0].field_value("missing") == "满意度指标"


def test_level1_missing__101_cost_level1_does_not_replace_outcome() -> None:
    rows = (
        *STANDARD_ROWS[:3],
        ("成本指标", "经济成本指标", "采购成本", "≤10万元"),
        STANDARD_ROWS[5],
    )
    result = review(disclosure(projects=[with_rows(*rows)]), select=["framework-level1-missing"])
    assert [f.field_value("missing") for f in result.findings] == ["效益指标"]


def test_level1_missing__effect_variant_counts_as_outcome() -> None:
    rows = replaced(5, ("效果指标", "社会效益指标", "办公条件改善程度", "明显改善"))
    assert found(with_rows(*rows), select="framework-level1-missing") == []


# -- framework-output-level2-missing ----------------------------------------------------------


def test_output_level2_missing__only_timeliness_as_in_seed_002() -> None:
    rows = (
        ("产出指标", "时效指标", "维修及时率", "≥95%"),
        STANDARD_ROWS[4],
        STANDARD_ROWS[5],
    )
    result = review(disclosure(projects=[with_rows(*rows)]), select=["framework"])
    assert ids_at(result.findings) == [("framework-output-level2-missing", 1, None)]
    assert result.findings[0].field_value("missing") == "数量指标、质量指标、成本指标"


def test_output_level2_missing__101_cost_level1_counts_for_cost() -> None:
    rows = (
        *STANDARD_ROWS[:3],
        ("成本指标", "经济成本指标", "采购成本", "≤10万元"),
        *STANDARD_ROWS[4:],
    )
    assert found(with_rows(*rows)) == []


def test_output_level2_missing__quiet_without_any_output() -> None:
    rows = (STANDARD_ROWS[4], STANDARD_ROWS[5], ("满意度指标", "满意度指标", "群众满意度", "≥90%"))
    assert "framework-output-level2-missing" not in {f[0] for f in found(with_rows(*rows))}


# -- framework-level2-misplaced ---------------------------------------------------------------


def test_level2_misplaced__quantity_under_outcome() -> None:
    rows = (*STANDARD_ROWS, ("效益指标", "数量指标", "受益人数", "≥100人"))
    result = review(disclosure(projects=[with_rows(*rows)]), select=["framework-level2-misplaced"])
    assert ids_at(result.findings) == [("framework-level2-misplaced", 1, 7)]
    assert "经济效益指标" in result.findings[0].field_value("allowed")


def test_level2_misplaced__reported_once_for_a_merged_cell() -> None:
    rows = (
        *STANDARD_ROWS,
        ("满意度指标", "社会效益指标", "群众满意度", "≥90%"),
        ("满意度指标", "社会效益指标", "职工满意度", "≥90%"),
    )
    assert found(with_rows(*rows), select="framework-level2-misplaced") == [
        ("framework-level2-misplaced", 1, 7)
    ]


def test_level2_misplaced__101_tree_is_accepted() -> None:
    rows = (
        *STANDARD_ROWS,
        ("成本指标", "经济成本指标", "单位成本", "≤2万元"),
        ("成本指标", "社会成本指标", "社会成本", "无"),
        ("成本指标", "生态环境成本指标", "环境成本", "无"),
    )
    assert found(with_rows(*rows), select="framework-level2-misplaced") == []


def test_level2_misplaced__satisfaction_under_outcome_is_tolerated() -> None:
    rows = (*STANDARD_ROWS[:5], ("效果指标", "服务对象满意度指标", "干部职工满意度", "≥90%"))
    assert found(with_rows(*rows)) == [
        ("framework-level1-missing", 1, None),
        ("framework-level-name-variant", 1, 6),
    ]


# -- framework-level-name-variant / framework-level-name-unknown -------------------------------


def test_level_name_variant__effect_for_outcome_as_in_seed_002() -> None:
    rows = replaced(5, ("效果指标", "社会效益指标", "办公条件改善程度", "明显改善"))
    result = review(disclosure(projects=[with_rows(*rows)]), select=["framework"])
    assert ids_at(result.findings) == [("framework-level-name-variant", 1, 5)]
    assert result.findings[0].message == "一级指标「效果指标」不是规范名称，按「效益指标」理解"
    assert result.findings[0].severity == "info"


def test_level_name_variant__once_per_project_and_name() -> None:
    rows = (
        *STANDARD_ROWS,
        ("效益指标", "可持续发展指标", "长期使用年限", "≥8年"),
        ("效益指标", "可持续发展指标", "设施完好率", "≥95%"),
    )
    assert found(with_rows(*rows), select="framework-level-name-variant") == [
        ("framework-level-name-variant", 1, 7)
    ]


def test_level_name_variant__short_standard_names_are_not_variants() -> None:
    rows = (
        ("产出", "数量", "办公设备采购数量", "≥10台"),
        ("产出", "质量", "设备验收合格率", "≥95%"),
        ("产出", "时效", "采购完成时间", "2025年6月底前"),
        ("产出", "成本", "采购成本控制", "≤10万元"),
        ("效益", "社会效益", "办公条件改善程度", "明显改善"),
        ("满意度", "服务对象满意度", "干部职工满意度", "≥90%"),
    )
    assert found(with_rows(*rows)) == []


def test_level_name_unknown__management_level2() -> None:
    rows = (*STANDARD_ROWS, ("产出指标", "管理指标", "制度健全性", "健全"))
    result = review(disclosure(projects=[with_rows(*rows)]), select=["framework"])
    assert ids_at(result.findings) == [("framework-level-name-unknown", 1, 7)]
    assert result.findings[0].field_value("printed") == "管理指标"


def test_level_name_unknown__blank_level1() -> None:
    rows = (*STANDARD_ROWS, ("", "社会效益指标", "群众知晓率", "≥90%"))
    assert found(with_rows(*rows), select="framework-level-name-unknown") == [
        ("framework-level-name-unknown", 1, 7)
    ]


# -- framework-input-as-output ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "资金到位率",
        "预算执行率",
        "资金使用合规率",
        "资金拨付及时率",
        "预算资金完成率",
        "保险资金到位率",
    ],
)
def test_input_as_output__money_indicators_under_output(name: str) -> None:
    rows = (*STANDARD_ROWS, ("产出指标", "质量指标", name, "100%"))
    assert found(with_rows(*rows)) == [("framework-input-as-output", 1, 7)]


@pytest.mark.parametrize("name", ["设备到位率", "租金拨付率", "费用缴纳及时率", "工资发放率"])
def test_input_as_output__payments_for_the_service_are_outputs(name: str) -> None:
    rows = (*STANDARD_ROWS, ("产出指标", "时效指标", name, "100%"))
    assert found(with_rows(*rows)) == []


def test_input_as_output__quiet_under_outcome() -> None:
    rows = (*STANDARD_ROWS, ("效益指标", "经济效益指标", "资金使用合规率", "100%"))
    assert found(with_rows(*rows)) == []


# -- framework-duplicate-indicator ---------------------------------------------------------------


def test_duplicate_indicator__same_name_as_in_seed_001() -> None:
    rows = (
        *STANDARD_ROWS,
        ("效益指标", "社会效益指标", "正常工作保障率", "≥95%"),
        ("效益指标", "社会效益指标", "正常工作保障率", "≥95%"),
    )
    result = review(disclosure(projects=[with_rows(*rows)]), select=["framework"])
    assert ids_at(result.findings) == [("framework-duplicate-indicator", 1, 8)]
    assert result.findings[0].field_value("first") == "7"


def test_duplicate_indicator__unit_in_brackets_does_not_tell_them_apart() -> None:
    rows = (*STANDARD_ROWS, ("满意度指标", "服务对象满意度指标", "干部职工满意度（%）", "≥95%"))
    assert found(with_rows(*rows)) == [("framework-duplicate-indicator", 1, 7)]


def test_duplicate_indicator__different_names() -> None:
    rows = (*STANDARD_ROWS, ("满意度指标", "服务对象满意度指标", "受益群体满意度", "≥95%"))
    assert found(with_rows(*rows)) == []


# -- framework-duplicate-project ------------------------------------------------------------------


def test_duplicate_project__copied_set_as_in_seed_003() -> None:
    first = with_rows(*STANDARD_ROWS, seq=1, name="机关院内后勤运行保障")
    second = with_rows(*STANDARD_ROWS, seq=2, name="双创园办公楼运行保障")
    result = review(disclosure(projects=[first, second]), select=["framework"])
    assert ids_at(result.findings) == [("framework-duplicate-project", 2, None)]
    assert result.findings[0].field_value("other") == "机关院内后勤运行保障"


def test_duplicate_project__order_of_rows_does_not_matter() -> None:
    first = with_rows(*STANDARD_ROWS, seq=1)
    second = with_rows(*reversed(STANDARD_ROWS), seq=2)
    assert found(first, second) == [("framework-duplicate-project", 2, None)]


def test_duplicate_project__one_target_differs_as_in_seed_001() -> None:
    first = with_rows(*STANDARD_ROWS, seq=1)
    second = with_rows(*replaced(1, ("产出指标", "数量指标", "办公设备采购数量", "≥12台")), seq=2)
    assert found(first, second) == []


def test_duplicate_project__two_tiny_sets_may_agree_by_chance() -> None:
    rows = (STANDARD_ROWS[0], STANDARD_ROWS[5])
    found_ids = found(with_rows(*rows, seq=1), with_rows(*rows, seq=2))
    assert "framework-duplicate-project" not in {f[0] for f in found_ids}


# -- robustness and seeds ----------------------------------------------------------------------


def test_framework__odd_input_never_crashes() -> None:
    odd = Indicator(
        index=2,
        level1=LevelName(raw="", normalised=None),
        level2=LevelName(raw="  ", normalised=None),
        level3="",
        description=None,
        target=TargetValue(raw="", kind=TargetKind.UNPARSED),
        basis=None,
    )
    doc = disclosure(
        projects=[
            project(1, indicators_=()),
            project(2, indicators_=(indicator(level1="", level2=""), odd), budget_total=None),
            project(3, "", indicators_=(odd,), plan=None, purpose=None, goals=()),
            project(4, "", indicators_=(odd,), plan=None, purpose=None, goals=()),
        ]
    )
    result = review(doc, select=["framework"])
    assert [f for f in result.findings if f.rule == "review-internal-error"] == []
    assert ("framework-no-indicators", 1, None) in ids_at(result.findings)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(disclosures)
def test_framework__generated_disclosures_never_crash(doc) -> None:
    result = review(doc, select=["framework"])
    assert [f for f in result.findings if f.rule == "review-internal-error"] == []
    assert all("{" not in f.message for f in result.findings)


@pytest.mark.seeds
@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004", "demo"])
def test_framework__seeds_find_exactly_the_checked_findings(key: str, seed_path) -> None:
    path = EXAMPLE if key == "demo" else seed_path(key)
    result = review(read_disclosure(path), select=["framework"])
    assert ids_at(result.findings) == EXPECTED[key]
