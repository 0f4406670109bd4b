"""Invariants of self-evaluation scoring (财预〔2020〕10号, RULES.md §9), by Hypothesis.

- The total of any project is within 0–100 whatever the unit reported (execution any
  ratio, indicators of every kind, bands, claimed scores, missing values), under the
  default weights with any of the scoring options.
- Improving one actual toward its target never lowers the total: a larger actual up to
  a positive (≥) target, a smaller one down to a negative (≤) target — with the
  overshoot deduction off and on.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_build import indicators, money, project

from jixiao.evaluate.config import EvaluationConfig, NegativeFormula
from jixiao.evaluate.scoring import score_project
from jixiao.ingest.target import parse_target
from jixiao.model import MoneyUnit, Project
from jixiao.model.actuals import (
    Achievement,
    FundingActual,
    FundingSource,
    IndicatorActual,
    ProjectActuals,
)

D = Decimal
UNIT = "999001"

LEVELS = (
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("成本指标", "经济成本指标"),
    ("效益指标", "社会效益指标"),
    ("满意度指标", "服务对象满意度指标"),
)
TARGETS = ("≥{n}%", "{n}个", ">{n}台", "≤{n}万元", "<{n}天", "={n}次", "{n}")
WORDS = ("明显改善", "长效提升", "按时完成", "2025年11月底", "2025年6月底前", "提高")
ACTUAL_WORDS = ("按时完成", "未按时完成", "有所改善", "2025年12月底", "2025年5月底", "")


def _num(value: Decimal) -> str:
    return format(value, "f")


numbers = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False)


@st.composite
def rows(draw) -> tuple[tuple[str, str, str, str], str, Achievement | None, Decimal | None]:
    """One indicator row (一级, 二级, 三级, target) and what was reported for it."""
    level1, level2 = draw(st.sampled_from(LEVELS))
    if draw(st.booleans()):
        shape = draw(st.sampled_from(TARGETS))
        target = shape.format(n=_num(draw(numbers)))
        unit = shape.format(n="").lstrip("≥≤<>=")
        actual = draw(st.one_of(st.just(""), numbers.map(lambda n: _num(n) + unit)))
    else:
        target = draw(st.sampled_from(WORDS))
        actual = draw(st.sampled_from(ACTUAL_WORDS))
    band = draw(st.none() | st.sampled_from(Achievement))
    claimed = draw(st.none() | st.decimals(min_value=-5, max_value=120, places=2))
    return (level1, level2, f"指标{draw(st.integers(0, 999))}", target), actual, band, claimed


def _actuals(proj: Project, reported, spent: Decimal | None) -> ProjectActuals:
    rows_ = tuple(
        IndicatorActual(
            indicator_index=ind.index,
            level3=ind.level3,
            actual=parse_target(actual, fiscal_year=2025) if actual else None,
            achievement=band,
            claimed_score=claimed,
        )
        for ind, (actual, band, claimed) in zip(proj.indicators, reported, strict=True)
    )
    total = FundingActual(
        source=FundingSource.TOTAL,
        budget_initial=money("10.00"),
        spent=None if spent is None else money(_num(spent)),
    )
    return ProjectActuals(
        project_seq=proj.seq,
        project_name=proj.project_name,
        money_unit=MoneyUnit.WAN_YUAN,
        funding=(total,),
        indicators=rows_,
    )


def configs(overshoot: bool | None = None) -> st.SearchStrategy[EvaluationConfig]:
    """Settings with any scoring option; the overshoot deduction as asked, else either."""
    return st.builds(
        EvaluationConfig,
        negative_formula=st.sampled_from(NegativeFormula),
        overshoot_deduction=st.booleans() if overshoot is None else st.just(overshoot),
        overshoot_threshold=st.sampled_from([D(0), D(100), D(150)]),
        overshoot_max_share=st.sampled_from([D("0.5"), D(1), D(2)]),
        equality_tolerance=st.sampled_from([D(0), D("0.1")]),
        redistribute_missing_levels=st.booleans(),
    )


@settings(max_examples=150, deadline=None)
@given(
    drawn=st.lists(rows(), min_size=0, max_size=12),
    spent=st.none() | st.decimals(min_value=-5, max_value=50, places=2),
    config=configs(),
)
def test_total__always_between_0_and_100(drawn, spent, config):
    """Any actuals, any options: 0 ≤ total ≤ 100, and the total is the sum of the
    printed execution and indicator scores."""
    proj = project(indicators_=indicators(*(row for row, *_ in drawn)))
    reported = [(actual, band, claimed) for _, actual, band, claimed in drawn]
    result = score_project(proj, _actuals(proj, reported, spent), config, unit_code=UNIT)
    assert D(0) <= result.total <= D(100)
    assert result.total == result.execution_score + sum(s.score for s in result.indicators)
    assert all(D(0) <= s.score <= s.weight for s in result.indicators)


@st.composite
def improvements(draw) -> tuple[str, str, str]:
    """(target, worse actual, better actual) of one positive or negative indicator,
    the better one no further from the target than the worse and not past it."""
    target = draw(st.decimals(min_value=0, max_value=10_000, places=2))
    a, b = draw(numbers), draw(numbers)
    unit = draw(st.sampled_from(["%", "个", "万元"]))
    if draw(st.booleans()):
        worse, better = sorted((min(a, target), min(b, target)))
        shape = draw(st.sampled_from(["≥{n}", ">{n}", "{n}"]))
    else:
        better, worse = sorted((max(a, target), max(b, target)))
        shape = draw(st.sampled_from(["≤{n}", "<{n}"]))
    return (
        shape.format(n=_num(target)) + unit,
        _num(worse) + unit,
        _num(better) + unit,
    )


@pytest.mark.parametrize("overshoot", [False, True], ids=["deduction-off", "deduction-on"])
@settings(max_examples=100, deadline=None)
@given(
    change=improvements(),
    others=st.lists(rows(), min_size=0, max_size=6),
    position=st.integers(0, 6),
    data=st.data(),
)
def test_total__never_decreases_when_an_actual_improves(overshoot, change, others, position, data):
    """One indicator's actual moves toward its target (the rest fixed): total(better) ≥
    total(worse), with the deduction off and on, either negative formula."""
    config = data.draw(configs(overshoot))
    target, worse, better = change
    position = min(position, len(others))
    rows_ = [row for row, *_ in others]
    rows_.insert(position, ("产出指标", "数量指标", "被改进的指标", target))
    proj = project(indicators_=indicators(*rows_))
    fixed = [(actual, band, claimed) for _, actual, band, claimed in others]

    def total(value: str) -> Decimal:
        reported = [*fixed]
        reported.insert(position, (value, None, None))
        actuals = _actuals(proj, reported, D("9.00"))
        return score_project(proj, actuals, config, unit_code=UNIT).total

    assert total(better) >= total(worse)
