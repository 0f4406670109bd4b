"""A whole 自评表 of a real seed project, scored by hand (财预〔2020〕10号, RULES.md §9).

Seed 004 (乐亭县机关事务中心, unit 507001, 2024, 万元), project 1 公务用车监督管理平台经费:
nine indicators — four 产出, four 效益, one 满意度 — with invented year-end actuals.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.evaluate.results import ScoringMethod
from jixiao.evaluate.scoring import evaluate
from jixiao.ingest import read_disclosure
from jixiao.ingest.target import parse_target
from jixiao.model import Grade, Level1, Money, MoneyUnit
from jixiao.model.actuals import (
    Achievement,
    ActualsKind,
    ActualsReport,
    FundingActual,
    FundingSource,
    IndicatorActual,
    ProjectActuals,
)

pytestmark = pytest.mark.seeds

D = Decimal

# (index, 三级指标 as printed, 实际完成值, band, claimed 得分, 偏差原因)
ACTUALS = (
    (1, "公车数量", "315辆", None, None, "6辆车报废"),
    (2, "项目完成率", "100%", None, None, None),
    (3, "项目完成时限", "2024年12月20日", None, None, None),
    (4, "预算资金完成率", "94%", None, None, None),
    (5, "节约公务用车运行费用", "6.5%", None, None, "油价上涨"),
    (6, "项目实施效果", "有一定推动作用", Achievement.PARTLY, "5.5", "宣传不足"),
    (7, "保障社会发展", "效果不明显", Achievement.NOT_ACHIEVED, None, None),
    (8, "可持续影响力", "92%", None, None, None),
    (9, "服务对象满意度", "88%", None, None, None),
)


def _wan(text: str) -> Money:
    return Money(raw=text, value=D(text), unit=MoneyUnit.WAN_YUAN)


def _report() -> ActualsReport:
    rows = tuple(
        IndicatorActual(
            indicator_index=index,
            level3=name,
            actual=parse_target(value, fiscal_year=2024),
            achievement=band,
            claimed_score=None if claimed is None else D(claimed),
            deviation_note=reason,
        )
        for index, name, value, band, claimed, reason in ACTUALS
    )
    total = FundingActual(
        source=FundingSource.TOTAL,
        budget_initial=_wan("20.00"),
        budget_adjusted=_wan("18.00"),
        spent=_wan("14.40"),
    )
    project = ProjectActuals(
        project_seq=1,
        project_name="公务用车监督管理平台经费",
        money_unit=MoneyUnit.WAN_YUAN,
        funding=(total,),
        indicators=rows,
        goal_achieved="基本完成预期效果",
    )
    return ActualsReport(
        unit_code="507001",
        unit_name="乐亭县机关事务中心",
        fiscal_year=2024,
        kind=ActualsKind.SELF_EVALUATION,
        period_month=12,
        projects=(project,),
    )


def test_seed_004_project_1__whole_self_evaluation(seed_path):
    """Weights (default 10 / 50 / 30 / 10, split equally):
    产出 4 rows → 50 ÷ 4 = 12.50 each; 效益 4 rows → 30 ÷ 4 = 7.50 each; 满意度 1 row → 10.

    预算执行率: 全年预算 18.00 (adjusted from 20.00), 执行 14.40 → 14.40 ÷ 18.00 = 80.00 %
    → 80 × 10 ÷ 100 = 8.00 (below 90 %, no reason → warning).

    | # | 指标 | 年度指标值 | 实际 | 分值 | 得分 |
    |1| 公车数量 | 321辆 | 315辆 | 12.50 | 315 ÷ 321 × 12.5 = 12.2664 → 12.27 |
    |2| 项目完成率 | 100% | 100% | 12.50 | met → 12.50 |
    |3| 项目完成时限 | 2024年年底 | 2024-12-20 | 12.50 | on time → 12.50 |
    |4| 预算资金完成率 | ≥95% | 94% | 12.50 | 94 ÷ 95 × 12.5 = 12.3684 → 12.37 |
    |5| 节约运行费用 | ≥8% | 6.5% | 7.50 | 6.5 ÷ 8 × 7.5 = 6.09375 → 6.09 |
    |6| 项目实施效果 | words | 部分达成, claimed 5.5 | 7.50 | band 4.50–6.00, kept 5.50 |
    |7| 保障社会发展 | words | 未达成, no claim | 7.50 | 0.3 × 7.5 = 2.25 |
    |8| 可持续影响力 | ≥90% | 92% | 7.50 | met → 7.50 |
    |9| 服务对象满意度 | ≥98% | 88% | 10.00 | 88 ÷ 98 × 10 = 8.9796 → 8.98 |

    产出 12.27 + 12.50 + 12.50 + 12.37 = 49.64; 效益 6.09 + 5.50 + 2.25 + 7.50 = 21.34;
    满意度 8.98. Total 8.00 + 49.64 + 21.34 + 8.98 = 87.96 → 良 (80 ≤ 87.96 < 90).

    Findings: execution unexplained; deviation unexplained for rows 4, 7 and 9 (rows 1,
    5 and 6 gave reasons); none for rows met. Projects 2–4 had no actuals: 0.00, 差.
    """
    disclosure = read_disclosure(seed_path("004"))
    result = evaluate(disclosure, _report())
    first = result.projects[0]
    assert [(s.indicator_index, s.weight, s.score) for s in first.indicators] == [
        (1, D("12.50"), D("12.27")),
        (2, D("12.50"), D("12.50")),
        (3, D("12.50"), D("12.50")),
        (4, D("12.50"), D("12.37")),
        (5, D("7.50"), D("6.09")),
        (6, D("7.50"), D("5.50")),
        (7, D("7.50"), D("2.25")),
        (8, D("7.50"), D("7.50")),
        (9, D("10.00"), D("8.98")),
    ]
    assert [s.method for s in first.indicators][2:7] == [
        ScoringMethod.DEADLINE,
        ScoringMethod.POSITIVE,
        ScoringMethod.POSITIVE,
        ScoringMethod.QUALITATIVE,
        ScoringMethod.QUALITATIVE,
    ]
    assert (first.execution_rate, first.execution_score) == (D("80.00"), D("8.00"))
    assert dict(first.level_scores) == {
        Level1.OUTPUT: D("49.64"),
        Level1.OUTCOME: D("21.34"),
        Level1.SATISFACTION: D("8.98"),
    }
    assert (first.total, first.grade) == (D("87.96"), Grade.GOOD)
    assert [(f.rule, f.indicator_index) for f in first.findings] == [
        ("evaluate-execution-unexplained", None),
        ("evaluate-deviation-unexplained", 4),
        ("evaluate-deviation-unexplained", 7),
        ("evaluate-deviation-unexplained", 9),
    ]
    assert [(p.project_seq, p.total, p.grade) for p in result.projects[1:]] == [
        (2, D("0.00"), Grade.POOR),
        (3, D("0.00"), Grade.POOR),
        (4, D("0.00"), Grade.POOR),
    ]
    assert result.mean_total == D("21.99")  # 87.96 ÷ 4 = 21.99
