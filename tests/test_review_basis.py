"""The *basis* family (指标值确定依据): each rule on a small inline table, then the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from review_build import STANDARD_ROWS, disclosure, ids_at, indicator, project
from review_expected_basis import EXPECTED
from strategies import disclosures

from jixiao.ingest import read_disclosure
from jixiao.model import Indicator, LevelName, TargetKind, TargetValue
from jixiao.review import RULES, review

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "demo-999001-2025.txt"


def with_bases(*bases: str | None, descriptions: tuple[str | None, ...] = ()):
    """STANDARD_ROWS with their bases (and descriptions) replaced, in order."""
    return tuple(
        indicator(
            name,
            target,
            level1=l1,
            level2=l2,
            index=i,
            basis=basis,
            description=descriptions[i - 1] if i <= len(descriptions) else None,
        )
        for i, ((l1, l2, name, target), basis) in enumerate(
            zip(STANDARD_ROWS, bases, strict=False), start=1
        )
    )


def review_bases(*bases: str | None, **kwargs):
    doc = disclosure(projects=[project(indicators_=with_bases(*bases, **kwargs))])
    return review(doc, select=["basis"]).findings


def found(*bases: str | None, **kwargs) -> list[tuple]:
    return ids_at(review_bases(*bases, **kwargs))


GOOD = ("计划标准", "行业标准", "工程施工计划", "预算支出标准", "历史标准", "满意度调查")


def test_good_bases__raise_nothing() -> None:
    assert found(*GOOD) == []


def test_every_rule__has_a_docstring_and_a_reference() -> None:
    for r in RULES.select(["basis"]):
        assert r.doc and r.reference, r.id


# -- basis-empty-project / basis-empty --------------------------------------------------


def test_empty_project__whole_column_blank_as_in_seed_002() -> None:
    findings = review_bases(None, "", " ", "—", "/", "无")
    assert ids_at(findings) == [("basis-empty-project", 1, None)]
    assert findings[0].field_value("count") == "6"


def test_empty_project__table_without_the_column_is_quiet() -> None:
    """Sichuan's templates print no 依据 column (指标性质 | 指标值 | 度量单位 | 权重): every
    basis is None, nothing was left blank. One blank cell ("") beside them is a blank
    column again."""
    assert found(None, None, None) == []
    assert ids_at(review_bases(None, "", None)) == [("basis-empty-project", 1, None)]


def test_empty__one_blank_row_as_in_the_demo() -> None:
    assert found(*GOOD[:4], None, GOOD[5]) == [("basis-empty", 1, 5)]


def test_empty__project_without_indicators_is_quiet() -> None:
    doc = disclosure(projects=[project(indicators_=())])
    assert ids_at(review(doc, select=["basis"]).findings) == []


# -- basis-slip ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("basis", "problem"),
    [
        ("耿娟办公区取暖面积", "像是人名"),
        ("县财政局", "只是一个单位名称"),
        ("示范县机关事务服务中心", "只是一个单位名称"),
        ("≥95%", "像是指标值"),
        ("12个", "像是指标值"),
        ("根据故障排除情况与故障发生次数的比率", "像是指标的计算方法"),
        ("根据办公设备采购数量", "重复了指标名称"),
    ],
)
def test_slip__not_a_basis(basis: str, problem: str) -> None:
    findings = review_bases(basis, *GOOD[1:])
    assert ids_at(findings) == [("basis-slip", 1, 1)]
    assert findings[0].field_value("problem").startswith(problem)


def test_slip__description_repeated() -> None:
    findings = review_bases(
        "全年采购的办公设备台数", *GOOD[1:], descriptions=("全年采购的办公设备台数",)
    )
    assert ids_at(findings) == [("basis-slip", 1, 1)]


@pytest.mark.parametrize(
    "basis",
    [
        "平台管理规定",
        "年度预算",
        "县委、县政府工作安排",
        "依据单位考核指标",
        "根据租赁合同",
        "三定方案",
    ],
)
def test_slip__ordinary_bases_are_fine(basis: str) -> None:
    assert found(basis, *GOOD[1:]) == []


# -- basis-nonstandard -------------------------------------------------------------------


def test_nonstandard__situations_listed_once_per_project_as_in_seed_001() -> None:
    findings = review_bases("根据用水情况", GOOD[1], "根据工作保障情况", *GOOD[3:])
    assert ids_at(findings) == [("basis-nonstandard", 1, None)]
    assert findings[0].field_value("count") == "2"
    assert findings[0].field_value("items") == "第1个「根据用水情况」、第3个「根据工作保障情况」"
    assert findings[0].severity == "info"
    assert findings[0].location.line == 101  # at the first row it lists


@pytest.mark.parametrize(
    "basis",
    ["《公共机构节能条例》", "物业服务合同", "历史数据", "上年完成情况", "行业要求", "现场勘查"],
)
def test_nonstandard__documents_and_variants_of_the_kinds_are_recognised(basis: str) -> None:
    assert found(basis, *GOOD[1:]) == []


# -- robustness and seeds ---------------------------------------------------------------


def test_basis__odd_input_never_crashes() -> None:
    odd = Indicator(
        index=1,
        level1=LevelName(raw="", normalised=None),
        level2=LevelName(raw="", normalised=None),
        level3="",
        description="",
        target=TargetValue(raw="", kind=TargetKind.UNPARSED),
        basis="  —— ",
    )
    doc = disclosure(
        projects=[project(1, indicators_=(odd,)), project(2, indicators_=())], unit_name=""
    )
    result = review(doc, select=["basis"])
    assert [f for f in result.findings if f.rule == "review-internal-error"] == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(disclosures)
def test_basis__generated_disclosures_never_crash(doc) -> None:
    result = review(doc, select=["basis"])
    assert [f for f in result.findings if f.rule == "review-internal-error"] == []
    assert all("{" not in f.message for f in result.findings)


@pytest.mark.seeds
@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004", "demo"])
def test_basis__seeds_find_exactly_the_checked_findings(key: str, seed_path) -> None:
    path = EXAMPLE if key == "demo" else seed_path(key)
    result = review(read_disclosure(path), select=["basis"])
    assert ids_at(result.findings) == EXPECTED[key]
