"""What monitoring and self-evaluation produce: plain frozen records for reports.

Percentages are ``Decimal`` in percent (87.5, not 0.875); money is ``Decimal`` in the
project's ``money_unit``. Points (分值, 得分) are ``Decimal`` out of 100 rounded to 0.01
(ROUND_HALF_UP) as the 自评表 prints them, and totals are sums of the printed points, so a
printed sheet always adds up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.model import Finding, Grade, Level1, MoneyUnit
from jixiao.model.actuals import (
    Achievement,
    DeviationCause,
    FundingActual,
    Likelihood,
)


class Status(StrEnum):
    """A traffic light (RULES.md §8): green on track, yellow behind, red far behind."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        """The Chinese label: 正常 / 轻度偏差 / 严重偏差."""
        return {"green": "正常", "yellow": "轻度偏差", "red": "严重偏差"}[self.value]

    @property
    def colour(self) -> str:
        """The colour's Chinese name: 绿 / 黄 / 红."""
        return {"green": "绿", "yellow": "黄", "red": "红"}[self.value]


@dataclass(frozen=True, slots=True, kw_only=True)
class MonitoringIndicator:
    """One indicator row of the 136号 monitoring table, with jixiao's reading of it.

    ``progress`` is the actual as a percent of the target, for counts and amounts
    (``None`` where a pro-rata reading makes no sense: percentages, qualitative,
    deadlines); ``expected_progress`` the percent of the target the period's share of
    the year would give (``period / 12 × 100``). ``status`` comes from the progress and
    the likelihood (see :mod:`jixiao.evaluate.monitoring`).
    """

    indicator_index: int
    level1: str
    level2: str
    level3: str
    target_raw: str
    actual_raw: str | None
    projected_raw: str | None
    likelihood: Likelihood | None
    deviation_causes: tuple[DeviationCause, ...]
    deviation_note: str | None
    remark: str | None
    progress: Decimal | None
    expected_progress: Decimal | None
    status: Status | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MonitoringProject:
    """One project's monitoring: execution against the spending plan, and indicators.

    ``budget`` is the 年初预算数 (the 全年预算数 when the unit reported an adjusted
    one), ``spent`` the 1–N月执行数, ``projected_spent`` the 全年预计执行数, all in
    ``money_unit``. ``execution_rate`` = spent ÷ budget × 100; ``planned_share`` the
    plan's cumulative percent at the period's end, interpolated between checkpoints;
    ``deviation_points`` = execution_rate − planned_share (negative: behind).
    ``plan_curve`` is the plan as (month, cumulative %) points from (0, 0), for charts.
    """

    project_seq: int
    project_name: str
    project_code: str | None
    money_unit: MoneyUnit | None
    budget: Decimal | None
    spent: Decimal | None
    projected_spent: Decimal | None
    execution_rate: Decimal | None
    planned_share: Decimal | None
    deviation_points: Decimal | None
    status: Status | None
    plan_curve: tuple[tuple[int, Decimal], ...]
    indicators: tuple[MonitoringIndicator, ...]
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MonitoringResult:
    """A unit's monitoring at one period: its projects and every finding.

    ``budget_total``/``spent_total`` sum the projects in ``money_unit`` (the unit's
    document unit; ``None`` when no project has amounts); ``execution_rate`` and
    ``planned_share`` are budget-weighted over the projects.
    """

    unit_code: str
    unit_name: str
    fiscal_year: int
    period_month: int
    money_unit: MoneyUnit | None
    projects: tuple[MonitoringProject, ...]
    budget_total: Decimal | None
    spent_total: Decimal | None
    execution_rate: Decimal | None
    planned_share: Decimal | None
    findings: tuple[Finding, ...] = ()

    def status_counts(self) -> dict[Status, int]:
        """How many projects are green, yellow and red."""
        counts = dict.fromkeys(Status, 0)
        for project in self.projects:
            if project.status is not None:
                counts[project.status] += 1
        return counts


class ScoringMethod(StrEnum):
    """How an indicator was scored (10号, RULES.md §9)."""

    POSITIVE = "positive"  # ≥ / >: met → full, else actual ÷ target × points
    NEGATIVE = "negative"  # ≤ / <: met → full, else the configured formula
    EQUALITY = "equality"  # =: met (within tolerance) → full, else by the distance
    DEADLINE = "deadline"  # a date: met → full, else by the band judged
    QUALITATIVE = "qualitative"  # words: by the band judged (达成/部分达成/未达成)
    MISSING = "missing"  # no actual reported: 0 points
    UNSCORABLE = "unscorable"  # an actual that cannot be compared with its target

    @property
    def label(self) -> str:
        """The Chinese label."""
        return {
            "positive": "正向指标",
            "negative": "反向指标",
            "equality": "等于型指标",
            "deadline": "时限指标",
            "qualitative": "定性指标",
            "missing": "未填报",
            "unscorable": "无法计分",
        }[self.value]


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorScore:
    """One indicator row of the 自评表 and how it was scored.

    ``weight`` is the 分值 and ``score`` the 得分 (points, to 0.01); ``deduction`` the
    points cut for a target set too low (already taken off ``score``).
    ``completion_rate`` is actual ÷ target × 100 where both are numbers.
    ``explanation`` says in Chinese how the score was reached
    (``实际完成值 80 ÷ 年度指标值 100 × 分值 5 = 4.00``). ``achievement`` is the band
    used for qualitative and deadline indicators. ``claimed_score`` is the unit's own
    得分, when it gave one.
    """

    indicator_index: int
    level1: Level1 | None
    level1_raw: str
    level2_raw: str
    level3: str
    target_raw: str
    actual_raw: str | None
    weight: Decimal
    score: Decimal
    method: ScoringMethod
    explanation: str
    completion_rate: Decimal | None = None
    deduction: Decimal = Decimal(0)
    achievement: Achievement | None = None
    deviation_note: str | None = None
    improvement: str | None = None
    claimed_score: Decimal | None = None

    @property
    def is_under_scored(self) -> bool:
        """True when the indicator lost points (score below its weight)."""
        return self.score < self.weight


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectScore:
    """A project's 自评表 and total.

    ``funding`` are the 项目资金 rows as reported (年初预算数, 全年预算数, 全年执行数);
    ``execution_rate`` = 全年执行数 ÷ 全年预算数 × 100 of the total row (the 年初预算数
    when no 全年预算数 was given); ``execution_score`` = min(rate × weight ÷ 100,
    weight). ``level_weights`` are the 一级 points actually used (after redistribution
    of missing levels, and overrides), ``level_scores`` the points earned per 一级.
    ``total`` = execution score + indicator scores; ``grade`` by the configured floors.
    """

    project_seq: int
    project_name: str
    project_code: str | None
    money_unit: MoneyUnit | None
    funding: tuple[FundingActual, ...]
    goal: str | None
    goal_achieved: str | None
    execution_rate: Decimal | None
    execution_weight: Decimal
    execution_score: Decimal
    level_weights: tuple[tuple[Level1, Decimal], ...]
    level_scores: tuple[tuple[Level1, Decimal], ...]
    indicators: tuple[IndicatorScore, ...]
    total: Decimal
    grade: Grade
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluationResult:
    """A unit's self-evaluation: every project scored, and every finding.

    ``mean_total`` is the plain mean of the project totals (``None`` with no project).
    """

    unit_code: str
    unit_name: str
    fiscal_year: int
    projects: tuple[ProjectScore, ...]
    mean_total: Decimal | None
    findings: tuple[Finding, ...] = ()

    def grade_counts(self) -> dict[Grade, int]:
        """How many projects got each grade."""
        counts = dict.fromkeys(Grade, 0)
        for project in self.projects:
            counts[project.grade] += 1
        return counts
