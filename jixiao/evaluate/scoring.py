"""Self-evaluation scoring (绩效自评, 财预〔2020〕10号, RULES.md §9): a unit's year-end
actuals scored against its disclosure, project by project, into the 自评表.

A project's 100 points (by default) are 预算执行率 10, 产出 50, 效益 30, 满意度 10; the
分值 of each indicator come from :mod:`jixiao.evaluate.weights`. The total is the
execution score plus the indicator scores, every score printed to 0.01 (ROUND_HALF_UP)
and the total the sum of the printed scores; the grade is 优 ≥ 90, 良 ≥ 80, 中 ≥ 60,
差 below (:meth:`EvaluationConfig.grade`).

**预算执行率** (10号): rate = 全年执行数 ÷ 全年预算数 × 100 of the 年度资金总额 row; the
budget is the 全年预算数, else the 年初预算数, else the disclosure's project budget; the
执行数 is converted to the budget's money unit when the two differ. Score = min(rate ×
分值 ÷ 100, 分值): 120 % gives 10 of 10. A rate below ``execution_explain_below`` (90 %,
one province's rule) without a 偏差原因 is a warning.

How each indicator is scored is in :func:`score_indicator`. Findings (family
``evaluation``) are listed in :func:`score_project` and :func:`evaluate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from jixiao.evaluate.config import DEFAULT_CONFIG, EvaluationConfig
from jixiao.evaluate.indicator_scoring import Note, score_with_note
from jixiao.evaluate.results import EvaluationResult, IndicatorScore, ProjectScore
from jixiao.evaluate.weights import CENT, allocate_weights, plan_weights
from jixiao.model import Disclosure, Finding, Indicator, Location, MoneyUnit, Project, Severity
from jixiao.model.actuals import (
    ActualsReport,
    FundingActual,
    FundingSource,
    IndicatorActual,
    ProjectActuals,
)

__all__ = ["allocate_weights", "evaluate", "score_indicator", "score_project"]

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


def score_indicator(
    indicator: Indicator,
    actual: IndicatorActual | None,
    weight: Decimal,
    config: EvaluationConfig = DEFAULT_CONFIG,
) -> IndicatorScore:
    """Score one indicator of ``weight`` points against what the unit reported (10号).

    See :mod:`jixiao.evaluate.indicator_scoring` for every method; the score is in
    points to 0.01, never below 0 nor above ``weight``.
    """
    return score_with_note(indicator, actual, weight.quantize(CENT, ROUND_HALF_UP), config)[0]


def evaluate(
    disclosure: Disclosure,
    report: ActualsReport,
    config: EvaluationConfig = DEFAULT_CONFIG,
) -> EvaluationResult:
    """Score every project of ``disclosure`` against ``report`` (绩效自评, 10号).

    Projects are matched by ``seq``. A disclosure project with no actuals is scored
    with none (execution 0, every indicator missing) and gets a warning
    ``evaluate-project-missing``; actuals of a project the disclosure does not have
    get ``evaluate-project-unknown``; a report of another unit or year gets an error
    ``evaluate-report-mismatch``. ``findings`` of the result hold every finding: the
    projects' in order, then those about the report. ``mean_total`` is the plain mean
    of the project totals, to 0.01.
    """
    by_seq = {actuals.project_seq: actuals for actuals in report.projects}
    scores = []
    findings: list[Finding] = []
    for project in disclosure.projects:
        actuals = by_seq.get(project.seq)
        score = score_project(project, actuals, config, unit_code=disclosure.unit_code)
        if actuals is None:
            missing = _finding(
                "evaluate-project-missing",
                Severity.WARNING,
                f"项目“{project.project_name}”没有填报执行情况，按未填报计分（总分 {score.total}）",
                project,
                location=project.location,
            )
            score = replace(score, findings=(missing, *score.findings))
        scores.append(score)
        findings.extend(score.findings)
    known = {project.seq for project in disclosure.projects}
    for actuals in report.projects:
        if actuals.project_seq not in known:
            findings.append(
                Finding(
                    rule="evaluate-project-unknown",
                    severity=Severity.WARNING,
                    message=(
                        f"填报的项目 {actuals.project_seq}“{actuals.project_name}”"
                        "不在公开的项目支出绩效目标表中，未计分"
                    ),
                    location=actuals.location,
                    family="evaluation",
                    project_seq=actuals.project_seq,
                    project_title=actuals.project_name,
                )
            )
    findings.extend(_report_mismatch(disclosure, report))
    totals = [score.total for score in scores]
    mean = None
    if totals:
        mean = (sum(totals, _ZERO) / len(totals)).quantize(CENT, rounding=ROUND_HALF_UP)
    return EvaluationResult(
        unit_code=disclosure.unit_code,
        unit_name=disclosure.unit_name,
        fiscal_year=disclosure.fiscal_year,
        projects=tuple(scores),
        mean_total=mean,
        findings=tuple(findings),
    )


def score_project(
    project: Project,
    actuals: ProjectActuals | None,
    config: EvaluationConfig = DEFAULT_CONFIG,
    *,
    unit_code: str,
) -> ProjectScore:
    """The 自评表 of one project: execution, every indicator, total and grade (10号).

    Weights come from :func:`jixiao.evaluate.weights.plan_weights`. Findings:

    - ``evaluate-execution-missing`` / ``evaluate-execution-no-budget`` (warning): no
      全年执行数, or no budget to divide by → execution score 0;
    - ``evaluate-execution-unexplained`` (warning): rate below
      ``execution_explain_below`` with no ``execution_note``;
    - per indicator: ``evaluate-actual-missing``, ``evaluate-achievement-missing``,
      ``evaluate-unscorable`` (warnings) when it scored 0 for want of a value, band or
      comparable unit; ``evaluate-claimed-score-outside-band`` (info) when the unit's
      得分 was moved into its band; ``evaluate-claimed-score-differs`` (info) when the
      unit's 得分 differs from jixiao's by more than 0.01;
    - ``evaluate-deviation-unexplained`` (warning): an indicator that lost points
      without 偏差原因分析及改进措施 (10号) — not raised for an indicator with no actual
      at all, which ``evaluate-actual-missing`` already reports (our choice);
    - ``evaluate-indicator-mismatch`` (error): the reported 三级指标 differs from the
      disclosure's (whitespace ignored; a blank name is not compared);
    - ``evaluate-indicator-unknown`` (warning): an actual for an index the project
      does not have; plus the weight findings of :mod:`jixiao.evaluate.weights`.
    """
    plan = plan_weights(project, actuals, config, unit_code=unit_code)
    findings: list[Finding] = list(plan.findings)
    execution_rate, execution_score = _execution(project, actuals, plan.execution_weight, findings)
    explained = actuals is not None and bool((actuals.execution_note or "").strip())
    below = execution_rate is not None and execution_rate < config.execution_explain_below
    if below and not explained:
        findings.append(
            _finding(
                "evaluate-execution-unexplained",
                Severity.WARNING,
                f"预算执行率 {execution_rate}% 低于 {config.execution_explain_below}%，"
                "未说明执行偏差原因",
                project,
                location=actuals.location if actuals else None,
                fields=(("execution_rate", str(execution_rate)),),
            )
        )
    by_index = {a.indicator_index: a for a in actuals.indicators} if actuals else {}
    scores = []
    level_sums = [_ZERO] * len(plan.level_weights)
    for indicator, weight, slot in zip(project.indicators, plan.ordered, plan.slots, strict=True):
        actual = by_index.get(indicator.index)
        # A row filed against another indicator (a shifted row) is reported and not used,
        # as monitoring does: scoring it would score the wrong target.
        used = None if actual is not None and _mismatched(actual, indicator) else actual
        score, note = score_with_note(indicator, used, weight, config)
        scores.append(score)
        if slot is not None:
            level_sums[slot] += score.score
        # Most indicators need no finding; test that cheaply before building any.
        if used is None:
            if note is not None or actual is not None:
                findings.extend(
                    _indicator_findings(
                        project, indicator, actual, score, note, mismatched=actual is not None
                    )
                )
            continue
        claimed = actual.claimed_score
        if (
            note is not None
            or (claimed is not None and abs(claimed - score.score) > CENT)
            or (score.score < weight and not actual.has_deviation_reason)
        ):
            findings.extend(
                _indicator_findings(project, indicator, actual, score, note, mismatched=False)
            )
    for index, actual in by_index.items():
        if index not in plan.weights:
            findings.append(
                _finding(
                    "evaluate-indicator-unknown",
                    Severity.WARNING,
                    f"填报的第 {index} 个指标“{actual.level3}”不在项目的绩效目标表中，未计分",
                    project,
                    location=actual.location,
                    index=index,
                    name=actual.level3,
                )
            )
    total = execution_score + sum([score.score for score in scores], _ZERO)
    return ProjectScore(
        project_seq=project.seq,
        project_name=project.project_name,
        project_code=project.project_code,
        money_unit=(actuals.money_unit if actuals else None) or project.money_unit,
        funding=actuals.funding if actuals else (),
        goal="\n".join(project.goals) or None,
        goal_achieved=actuals.goal_achieved if actuals else None,
        execution_rate=execution_rate,
        execution_weight=plan.execution_weight,
        execution_score=execution_score,
        level_weights=plan.level_weights,
        level_scores=tuple(
            (level, total) for (level, _), total in zip(plan.level_weights, level_sums, strict=True)
        ),
        indicators=tuple(scores),
        total=total,
        grade=config.grade(total),
        findings=tuple(findings),
    )


def _execution(
    project: Project,
    actuals: ProjectActuals | None,
    weight: Decimal,
    findings: list[Finding],
) -> tuple[Decimal | None, Decimal]:
    """(execution rate in %, to 0.01; execution score in points, to 0.01)."""
    row = actuals.funding_for(FundingSource.TOTAL) if actuals else None
    budget, unit = _budget(project, row)
    spent = _spent(row, unit)
    location = (row.location if row else None) or (actuals.location if actuals else None)
    if spent is None:
        findings.append(
            _finding(
                "evaluate-execution-missing",
                Severity.WARNING,
                "未填报年度资金总额的全年执行数，预算执行率按 0 分计",
                project,
                location=location,
            )
        )
        return None, _ZERO.quantize(CENT)
    if budget is None or budget <= 0:
        findings.append(
            _finding(
                "evaluate-execution-no-budget",
                Severity.WARNING,
                "年度资金总额的全年预算数为空或为 0，无法计算预算执行率，按 0 分计",
                project,
                location=location,
            )
        )
        return None, _ZERO.quantize(CENT)
    rate = spent / budget * _HUNDRED
    score = max(min(rate * weight / _HUNDRED, weight), _ZERO)
    return (
        rate.quantize(CENT, rounding=ROUND_HALF_UP),
        score.quantize(CENT, rounding=ROUND_HALF_UP),
    )


def _budget(project: Project, row: FundingActual | None) -> tuple[Decimal | None, MoneyUnit | None]:
    """The 全年预算数 (else 年初预算数, else the disclosure's budget) and its unit."""
    if row is not None:
        for money in (row.budget_adjusted, row.budget_initial):
            if money is not None and money.value is not None:
                return money.value, money.unit
    money = project.budget_total
    if money is None or money.value is None:
        return None, None
    unit = project.money_unit or money.unit
    if unit is not None and money.unit is not None:
        return money.in_unit(unit), unit
    return money.value, unit


def _spent(row: FundingActual | None, unit: MoneyUnit | None) -> Decimal | None:
    """The 全年执行数 in ``unit`` (as printed when either unit is unknown)."""
    if row is None or row.spent is None or row.spent.value is None:
        return None
    if unit is not None and row.spent.unit is not None:
        return row.spent.in_unit(unit)
    return row.spent.value


_NOTE_RULES = {
    Note.ACTUAL_MISSING: "evaluate-actual-missing",
    Note.ACHIEVEMENT_MISSING: "evaluate-achievement-missing",
    Note.DEADLINE_UNJUDGED: "evaluate-achievement-missing",
    Note.UNITS_INCOMPATIBLE: "evaluate-unscorable",
    Note.NOT_A_NUMBER: "evaluate-unscorable",
}


def _mismatched(actual: IndicatorActual, indicator: Indicator) -> bool:
    """True when the row names another 三级指标 (whitespace ignored; blank not compared)."""
    reported = "".join(actual.level3.split())
    return bool(reported) and reported != "".join(indicator.level3.split())


def _indicator_findings(
    project: Project,
    indicator: Indicator,
    actual: IndicatorActual | None,
    score: IndicatorScore,
    note: Note | None,
    *,
    mismatched: bool,
) -> Iterable[Finding]:
    """The findings about one scored indicator (see :func:`score_project`);
    ``mismatched`` when ``actual`` was filed against another 三级指标 and not used."""
    location = (actual.location if actual else None) or indicator.location
    name = indicator.level3
    quote = score.actual_raw

    def make(rule: str, severity: Severity, message: str, *fields: tuple[str, str]) -> Finding:
        return _finding(
            rule, severity, message, project, location=location, index=indicator.index,
            name=name, fields=fields, quote=quote,
        )  # fmt: skip

    if mismatched and actual is not None:
        yield make(
            "evaluate-indicator-mismatch",
            Severity.ERROR,
            f"第 {indicator.index} 个指标填报为“{actual.level3}”，"
            f"公开的绩效目标表为“{name}”，请核对是否错行；该行未计分",
            ("reported", actual.level3),
            ("expected", name),
        )
    if note is not None and note is not Note.CLAIMED_CLAMPED:
        yield make(
            _NOTE_RULES[note],
            Severity.WARNING,
            f"指标“{name}”{score.explanation}；{note.label}",
            ("target", score.target_raw),
        )
    if note is Note.CLAIMED_CLAMPED:
        yield make(
            "evaluate-claimed-score-outside-band",
            Severity.INFO,
            f"指标“{name}”单位自评得分 {actual.claimed_score if actual else ''} "
            f"超出“{score.achievement.label if score.achievement else ''}”的得分区间，"
            f"按 {score.score} 分计",
            ("claimed", str(actual.claimed_score if actual else "")),
            ("score", str(score.score)),
        )
    elif score.claimed_score is not None and abs(score.claimed_score - score.score) > CENT:
        yield make(
            "evaluate-claimed-score-differs",
            Severity.INFO,
            f"指标“{name}”单位自评得分 {score.claimed_score}，按规则计算为 {score.score}",
            ("claimed", str(score.claimed_score)),
            ("score", str(score.score)),
        )
    explained = actual is None or note is Note.ACTUAL_MISSING or actual.has_deviation_reason
    if score.is_under_scored and not explained:
        yield make(
            "evaluate-deviation-unexplained",
            Severity.WARNING,
            f"指标“{name}”分值 {score.weight}，得分 {score.score}，未达到年度指标值"
            f"“{score.target_raw}”，应填写偏差原因分析及改进措施",
            ("weight", str(score.weight)),
            ("score", str(score.score)),
        )


def _finding(
    rule: str,
    severity: Severity,
    message: str,
    project: Project,
    *,
    location: Location | None = None,
    index: int | None = None,
    name: str | None = None,
    fields: tuple[tuple[str, str], ...] = (),
    quote: str | None = None,
) -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        location=location,
        quote=quote,
        fields=fields,
        family="evaluation",
        project_seq=project.seq,
        project_title=project.project_name,
        indicator_index=index,
        indicator_name=name,
    )


def _report_mismatch(disclosure: Disclosure, report: ActualsReport) -> Iterable[Finding]:
    if report.unit_code != disclosure.unit_code or report.fiscal_year != disclosure.fiscal_year:
        yield Finding(
            rule="evaluate-report-mismatch",
            severity=Severity.ERROR,
            message=(
                f"填报的是 {report.unit_code}“{report.unit_name}”{report.fiscal_year} 年的"
                f"执行情况，公开文件是 {disclosure.unit_code}“{disclosure.unit_name}”"
                f"{disclosure.fiscal_year} 年的"
            ),
            family="evaluation",
            fields=(("unit_code", report.unit_code), ("fiscal_year", str(report.fiscal_year))),
        )
