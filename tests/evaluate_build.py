"""Hand-made monitoring and self-evaluation results for report tests.

The engines (``jixiao.evaluate.monitoring`` / ``scoring``) are tested on their own;
report tests build their input here so each number a report prints is known:

- :func:`sample_monitoring` — unit 445001, 2025, period 7 (1—7月), 万元, three
  projects, one per status, with the plan curves and rates worked out below.
- :func:`sample_evaluation` — the same unit's 自评: project 1 scores 88.00 (良),
  project 2 95.00 (优), mean 91.50.

Every builder takes keyword overrides, so a test changes only what it is about.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from jixiao.evaluate.results import (
    EvaluationResult,
    IndicatorScore,
    MonitoringIndicator,
    MonitoringProject,
    MonitoringResult,
    ProjectScore,
    ScoringMethod,
    Status,
)
from jixiao.model import Finding, Grade, Level1, Location, Money, MoneyUnit, Severity
from jixiao.model.actuals import (
    Achievement,
    DeviationCause,
    FundingActual,
    FundingSource,
    Likelihood,
)

D = Decimal
WAN = MoneyUnit.WAN_YUAN


def curve(*points: tuple[int, str]) -> tuple[tuple[int, Decimal], ...]:
    """A plan curve from (0, 0) through ``(month, "percent")`` points."""
    return ((0, D(0)), *((m, D(p)) for m, p in points))


def finding(
    rule: str = "monitor-no-reason",
    message: str = "指标「使用人员满意度」完成目标可能性为“有可能”，未说明偏差原因",
    *,
    family: str = "monitoring",
    project_seq: int | None = 1,
    project_title: str | None = "办公设备购置",
    indicator_index: int | None = 3,
    indicator_name: str | None = "使用人员满意度",
    quote: str | None = None,
) -> Finding:
    """A warning as the engines make them (not through the review registry)."""
    return Finding(
        rule=rule,
        severity=Severity.WARNING,
        message=message,
        location=Location(file="445001-2025-07.xlsx", table="项目1", row=3),
        family=family,
        project_seq=project_seq,
        project_title=project_title,
        indicator_index=indicator_index,
        indicator_name=indicator_name,
        quote=quote,
        fields=(("likelihood", "有可能"),) if rule == "monitor-no-reason" else (),
    )


def monitoring_indicator(**overrides: Any) -> MonitoringIndicator:
    """产出指标 / 数量指标 / 采购台数 ≥10台, 4台 by July (40 % of the target against
    7/12 = 58.33 % of the year): yellow, 有可能, reason 经费保障 + words."""
    values: dict[str, Any] = {
        "indicator_index": 1,
        "level1": "产出指标",
        "level2": "数量指标",
        "level3": "采购台数",
        "target_raw": "≥10台",
        "actual_raw": "4台",
        "projected_raw": "10台",
        "likelihood": Likelihood.POSSIBLE,
        "deviation_causes": (DeviationCause.FUNDING,),
        "deviation_note": "资金拨付延迟",
        "remark": None,
        "progress": D("40.00"),
        "expected_progress": D("58.33"),
        "status": Status.YELLOW,
    }
    return MonitoringIndicator(**(values | overrides))


def monitoring_project(**overrides: Any) -> MonitoringProject:
    """Project 1 办公设备购置: budget 100.00 万元, spent 42.00 by July → 42.00 %;
    plan (3, 20) (6, 50) (10, 80) (12, 100) → at 7: 50 + (80 − 50) × 1/4 = 57.50 %;
    deviation 42.00 − 57.50 = −15.50 points → yellow (10 < 15.5 ≤ 20)."""
    values: dict[str, Any] = {
        "project_seq": 1,
        "project_name": "办公设备购置",
        "project_code": "445001-01",
        "money_unit": WAN,
        "budget": D("100.00"),
        "spent": D("42.00"),
        "projected_spent": D("95.00"),
        "execution_rate": D("42.00"),
        "planned_share": D("57.50"),
        "deviation_points": D("-15.50"),
        "status": Status.YELLOW,
        "plan_curve": curve((3, "20"), (6, "50"), (10, "80"), (12, "100")),
        "indicators": (
            monitoring_indicator(),
            monitoring_indicator(
                indicator_index=2,
                level2="质量指标",
                level3="验收合格率",
                target_raw="≥95%",
                actual_raw="100%",
                projected_raw="100%",
                likelihood=Likelihood.CERTAIN,
                deviation_causes=(),
                deviation_note=None,
                progress=None,
                expected_progress=None,
                status=Status.GREEN,
            ),
            monitoring_indicator(
                indicator_index=3,
                level1="满意度指标",
                level2="服务对象满意度指标",
                level3="使用人员满意度",
                target_raw="≥90%",
                actual_raw=None,
                projected_raw="90%",
                deviation_causes=(),
                deviation_note=None,
                remark="年底调查",
                progress=None,
                expected_progress=None,
                status=None,
            ),
        ),
        "findings": (finding(),),
    }
    return MonitoringProject(**(values | overrides))


def sample_monitoring(**overrides: Any) -> MonitoringResult:
    """Unit 445001 at 1—7月 2025, 万元.

    - project 1 (yellow): 100.00 budget, 42.00 spent, plan 57.50 % (see
      :func:`monitoring_project`);
    - project 2 业务培训 (green): 50.00, 40.00 → 80.00 %; plan (3, 30) (6, 60) (10, 90)
      (12, 100) → at 7: 60 + 30/4 = 67.50 %; deviation +12.50;
    - project 3 信息化运维 (red): 200.00, 10.00 → 5.00 %; plan (3, 25) (6, 50) (10, 75)
      (12, 100) → 56.25 %; deviation −51.25.

    Unit: budget 350.00, spent 92.00, rate 92 ÷ 350 = 26.29 %; planned share weighted
    by budget (100 × 57.5 + 50 × 67.5 + 200 × 56.25) ÷ 350 = 20375 ÷ 350 = 58.21 %.
    """
    p1 = monitoring_project()
    p2 = monitoring_project(
        project_seq=2,
        project_name="业务培训",
        project_code="445001-02",
        budget=D("50.00"),
        spent=D("40.00"),
        projected_spent=D("50.00"),
        execution_rate=D("80.00"),
        planned_share=D("67.50"),
        deviation_points=D("12.50"),
        status=Status.GREEN,
        plan_curve=curve((3, "30"), (6, "60"), (10, "90"), (12, "100")),
        indicators=(
            monitoring_indicator(
                level3="培训人次",
                target_raw="≥200人次",
                actual_raw="150人次",
                projected_raw="200人次",
                likelihood=Likelihood.CERTAIN,
                deviation_causes=(),
                deviation_note=None,
                progress=D("75.00"),
                status=Status.GREEN,
            ),
        ),
        findings=(),
    )
    p3 = monitoring_project(
        project_seq=3,
        project_name="信息化运维",
        project_code=None,
        budget=D("200.00"),
        spent=D("10.00"),
        projected_spent=D("150.00"),
        execution_rate=D("5.00"),
        planned_share=D("56.25"),
        deviation_points=D("-51.25"),
        status=Status.RED,
        plan_curve=curve((3, "25"), (6, "50"), (10, "75"), (12, "100")),
        indicators=(
            monitoring_indicator(
                level3="系统运行时间",
                target_raw="≥360天",
                actual_raw="200天",
                projected_raw="300天",
                likelihood=Likelihood.IMPOSSIBLE,
                deviation_causes=(DeviationCause.HARDWARE, DeviationCause.OTHER),
                deviation_note="服务器故障",
                progress=D("55.56"),
                status=Status.RED,
            ),
        ),
        findings=(),
    )
    values: dict[str, Any] = {
        "unit_code": "445001",
        "unit_name": "某某市教育局",
        "fiscal_year": 2025,
        "period_month": 7,
        "money_unit": WAN,
        "projects": (p1, p2, p3),
        "budget_total": D("350.00"),
        "spent_total": D("92.00"),
        "execution_rate": D("26.29"),
        "planned_share": D("58.21"),
        "findings": (
            *p1.findings,
            finding(
                rule="monitor-unit-behind",
                message="单位执行率落后计划进度 31.92 个百分点",
                project_seq=None,
                project_title=None,
                indicator_index=None,
                indicator_name=None,
            ),
        ),
    }
    return MonitoringResult(**(values | overrides))


def money(text: str | None) -> Money | None:
    """An amount in 万元 as printed."""
    return None if text is None else Money(raw=text, value=D(text.replace(",", "")), unit=WAN)


def funding(source: FundingSource, initial: str, adjusted: str, spent: str) -> FundingActual:
    """One 项目资金 row."""
    return FundingActual(
        source=source,
        budget_initial=money(initial),
        budget_adjusted=money(adjusted),
        spent=money(spent),
    )


def indicator_score(**overrides: Any) -> IndicatorScore:
    """产出指标 / 数量指标 / 采购台数 ≥10台, actual 8台: 8 ÷ 10 × 12.50 = 10.00."""
    values: dict[str, Any] = {
        "indicator_index": 1,
        "level1": Level1.OUTPUT,
        "level1_raw": "产出指标",
        "level2_raw": "数量指标",
        "level3": "采购台数",
        "target_raw": "≥10台",
        "actual_raw": "8台",
        "weight": D("12.50"),
        "score": D("10.00"),
        "method": ScoringMethod.POSITIVE,
        "explanation": "实际完成值 8 ÷ 年度指标值 10 × 分值 12.50 = 10.00",
        "completion_rate": D("80.00"),
        "deviation_note": "供货延迟",
        "improvement": "提前招标",
    }
    return IndicatorScore(**(values | overrides))


def _full(
    index: int,
    level1: Level1,
    level2: str,
    level3: str,
    target: str,
    actual: str,
    weight: str,
    method: ScoringMethod = ScoringMethod.POSITIVE,
) -> IndicatorScore:
    """An indicator that met its target: full points."""
    return indicator_score(
        indicator_index=index,
        level1=level1,
        level1_raw={
            Level1.OUTPUT: "产出指标",
            Level1.OUTCOME: "效益指标",
            Level1.SATISFACTION: "满意度指标",
        }[level1],
        level2_raw=level2,
        level3=level3,
        target_raw=target,
        actual_raw=actual,
        weight=D(weight),
        score=D(weight),
        method=method,
        explanation=f"已完成年度指标，得满分 {weight}",
        completion_rate=None,
        deviation_note=None,
        improvement=None,
    )


def project_score(**overrides: Any) -> ProjectScore:
    """Project 1 办公设备购置, 万元: funding 100.00 / 100.00 / 95.00 → 95.00 %, 预算执行率
    9.50 of 10. Indicators (分值 → 得分): 采购台数 12.50 → 10.00, 培训人次 12.50 → 12.50,
    验收合格率 12.50 → 12.50, 完成时间 12.50 → 12.50, 办公效率 30.00 → 21.00 (部分达成,
    0.7 × 30), 满意度 10.00 → 10.00. Total 9.50 + 10 + 12.5 × 3 + 21 + 10 = 88.00 → 良."""
    values: dict[str, Any] = {
        "project_seq": 1,
        "project_name": "办公设备购置",
        "project_code": "445001-01",
        "money_unit": WAN,
        "funding": (
            funding(FundingSource.TOTAL, "100.00", "100.00", "95.00"),
            funding(FundingSource.FISCAL, "80.00", "80.00", "76.00"),
            funding(FundingSource.CARRIED_OVER, "20.00", "20.00", "19.00"),
        ),
        "goal": "购置办公设备，保障日常办公。",
        "goal_achieved": "已购置8台，基本保障日常办公。",
        "execution_rate": D("95.00"),
        "execution_weight": D(10),
        "execution_score": D("9.50"),
        "level_weights": (
            (Level1.OUTPUT, D(50)),
            (Level1.OUTCOME, D(30)),
            (Level1.SATISFACTION, D(10)),
        ),
        "level_scores": (
            (Level1.OUTPUT, D("47.50")),
            (Level1.OUTCOME, D("21.00")),
            (Level1.SATISFACTION, D("10.00")),
        ),
        "indicators": (
            indicator_score(),
            _full(2, Level1.OUTPUT, "数量指标", "培训人次", "≥200人次", "200人次", "12.50"),
            _full(3, Level1.OUTPUT, "质量指标", "验收合格率", "≥95%", "100%", "12.50"),
            _full(
                4,
                Level1.OUTPUT,
                "时效指标",
                "完成时间",
                "2025年11月底前",
                "2025年10月",
                "12.50",
                ScoringMethod.DEADLINE,
            ),
            indicator_score(
                indicator_index=5,
                level1=Level1.OUTCOME,
                level1_raw="效益指标",
                level2_raw="社会效益指标",
                level3="办公效率",
                target_raw="有效提升",
                actual_raw="部分提升",
                weight=D("30.00"),
                score=D("21.00"),
                method=ScoringMethod.QUALITATIVE,
                explanation="部分达成并具有一定效果：0.7 × 分值 30.00 = 21.00",
                completion_rate=None,
                achievement=Achievement.PARTLY,
                deviation_note=None,
                improvement=None,
            ),
            _full(
                6,
                Level1.SATISFACTION,
                "服务对象满意度指标",
                "使用人员满意度",
                "≥90%",
                "92%",
                "10.00",
            ),
        ),
        "total": D("88.00"),
        "grade": Grade.GOOD,
        "findings": (),
    }
    return ProjectScore(**(values | overrides))


def sample_evaluation(**overrides: Any) -> EvaluationResult:
    """Unit 445001, 2025: project 1 88.00 (良, :func:`project_score`); project 2 业务培训
    95.00 (优: 预算执行率 10 + 产出 50 + 效益 25 of 30 + 满意度 10). Mean
    (88 + 95) ÷ 2 = 91.50; grades 优 1, 良 1, 中 0, 差 0."""
    p1 = project_score()
    p2 = project_score(
        project_seq=2,
        project_name="业务培训",
        project_code=None,
        funding=(funding(FundingSource.TOTAL, "50.00", "50.00", "50.00"),),
        goal="开展业务培训。",
        goal_achieved="已完成。",
        execution_rate=D("100.00"),
        execution_score=D("10.00"),
        level_scores=(
            (Level1.OUTPUT, D("50.00")),
            (Level1.OUTCOME, D("25.00")),
            (Level1.SATISFACTION, D("10.00")),
        ),
        indicators=(
            _full(1, Level1.OUTPUT, "数量指标", "培训人次", "≥200人次", "210人次", "50.00"),
            replace(
                _full(
                    2,
                    Level1.OUTCOME,
                    "社会效益指标",
                    "业务能力",
                    "明显提升",
                    "提升",
                    "30.00",
                    ScoringMethod.QUALITATIVE,
                ),
                score=D("25.00"),
                achievement=Achievement.ACHIEVED,
                explanation="达成年度指标：分值 30.00 × 0.8333 = 25.00",
            ),
            _full(
                3, Level1.SATISFACTION, "服务对象满意度指标", "学员满意度", "≥90%", "95%", "10.00"
            ),
        ),
        total=D("95.00"),
        grade=Grade.EXCELLENT,
    )
    under = finding(
        rule="evaluate-no-analysis",
        message="指标「办公效率」未得满分，缺少偏差原因分析",
        family="evaluation",
        indicator_index=5,
        indicator_name="办公效率",
    )
    values: dict[str, Any] = {
        "unit_code": "445001",
        "unit_name": "某某市教育局",
        "fiscal_year": 2025,
        "projects": (replace(p1, findings=(under,)), p2),
        "mean_total": D("91.50"),
        "findings": (under,),
    }
    return EvaluationResult(**(values | overrides))
