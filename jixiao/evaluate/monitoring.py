"""Monitoring (绩效运行监控, "双监控"): budget execution and target progress watched
together at a month end (财预〔2019〕136号, 中发〔2018〕34号; RULES.md §8).

:func:`monitor` reads a unit's :class:`ActualsReport` against its disclosure:

- **Execution** per project: ``execution_rate = spent ÷ budget × 100`` against the
  spending plan's cumulative share at the period's end (:func:`planned_share`, RULES.md
  §7); ``deviation_points = execution_rate − planned_share`` (negative: behind). The
  budget is the 项目资金 年度资金总额 row's 全年预算数, else its 年初预算数, else the
  disclosure's ``budget_total``; spent is that row's 1–N月执行数. Amounts are converted
  to the project's money unit (元 ↔ 万元). Status (thresholds of
  :class:`EvaluationConfig`, (B)): green when behind the plan by at most
  ``yellow_points`` (10) percentage points, yellow up to ``red_points`` (20), red
  beyond; ahead of plan is green. Both percentages are rounded to 0.01 first, so the
  status agrees with the printed figures. With no usable plan an even pace is assumed
  (``month ÷ 12 × 100``; C).
- **Indicators**: progress and status per :mod:`jixiao.evaluate.progress`.
- **Unit totals** in the disclosure's money unit; the unit's execution rate and planned
  share are weighted by budget (see :func:`monitor`).

Project findings (family ``monitoring``; indicator findings in
:mod:`jixiao.evaluate.progress`):

- ``monitor-plan-missing`` (info): no usable plan; an even pace is assumed (C).
- ``monitor-spent-missing`` (info): no 1–N月执行数, so no execution rate.
- ``monitor-overspent`` (warning): spent above the budget.
- ``monitor-execution-unexplained`` (warning): yellow or red execution without a
  预算执行偏差原因 (``ProjectActuals.execution_note``; C after RULES.md §8).
- ``monitor-project-missing`` (warning): a disclosed project with no actuals.
- ``monitor-project-unknown`` (error): actuals for a project (by ``project_seq``) the
  disclosure does not have; not used.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.evaluate.config import DEFAULT_CONFIG, EvaluationConfig
from jixiao.evaluate.plan import (
    EVEN_CURVE,
    HUNDRED,
    percent,
    plan_curve,
    plan_points,
    planned_share,
    share_at,
)
from jixiao.evaluate.progress import (
    FAMILY,
    Period,
    finding,
    lag_status,
    monitor_indicator,
    unknown_indicators,
    unreported_row,
)
from jixiao.evaluate.results import MonitoringProject, MonitoringResult, Status
from jixiao.model import Disclosure, Finding, Money, MoneyUnit, Project, Severity, convert
from jixiao.model.actuals import ActualsReport, FundingSource, ProjectActuals
from jixiao.review.findings import field_text

__all__ = ["monitor", "plan_curve", "planned_share"]


def _plain(value: Decimal) -> Decimal:
    """``3E+5`` → ``300000``: a converted amount printed without an exponent."""
    exponent = value.as_tuple().exponent
    return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def _in_unit(
    value: Decimal | None, source: MoneyUnit | None, unit: MoneyUnit | None
) -> Decimal | None:
    """``value`` converted from ``source`` to ``unit`` (as is when either is unknown)."""
    if value is None or source is None or unit is None or source is unit:
        return value
    return _plain(convert(value, source, unit))


def _amount(
    money: Money | None, unit: MoneyUnit | None, fallback: MoneyUnit | None
) -> Decimal | None:
    """``money`` in ``unit`` (read in its own unit, else ``fallback``); ``None`` blank."""
    if money is None or money.value is None or not money.value.is_finite():
        return None
    return _in_unit(money.value, money.unit or fallback, unit)


@dataclass(frozen=True, slots=True)
class _Execution:
    budget: Decimal | None
    spent: Decimal | None = None
    projected: Decimal | None = None
    rate: Decimal | None = None
    deviation: Decimal | None = None
    status: Status | None = None


def _execution(
    project: Project,
    actuals: ProjectActuals,
    unit: MoneyUnit | None,
    planned: Decimal,
    period: Period,
    findings: list[Finding],
) -> _Execution:
    """Budget, spent, rate, deviation and status of one project (see the module)."""
    budget = _amount(project.budget_total, unit, unit)
    total = actuals.funding_for(FundingSource.TOTAL)
    spent = projected = None
    if total is not None:
        reported = _amount(total.budget_adjusted, unit, actuals.money_unit)
        if reported is None:
            reported = _amount(total.budget_initial, unit, actuals.money_unit)
        budget = budget if reported is None else reported
        spent = _amount(total.spent, unit, actuals.money_unit)
        projected = _amount(total.projected, unit, actuals.money_unit)
    location = (total.location if total is not None else None) or actuals.location
    if spent is None:
        findings.append(
            finding(
                "monitor-spent-missing",
                Severity.INFO,
                f"未填写{period.span}执行数，无法计算预算执行率",
                project,
                location=location,
                month=period.month,
            )
        )
        return _Execution(budget=budget, projected=projected)
    rate = deviation = status = None
    if budget is not None and budget > 0:
        rate = percent(spent * HUNDRED / budget)
        deviation = rate - planned
        status = lag_status(-deviation, period.config)
    money = unit.label if unit is not None else ""
    if budget is not None and spent > budget:
        shown_rate = "" if rate is None else f"（执行率{field_text(rate)}%）"
        findings.append(
            finding(
                "monitor-overspent",
                Severity.WARNING,
                f"{period.span}执行数{field_text(spent)}{money}超过预算数"
                f"{field_text(budget)}{money}{shown_rate}",
                project,
                location=location,
                spent=spent,
                budget=budget,
                rate="" if rate is None else rate,
            )
        )
    note = actuals.execution_note
    if status is not None and status is not Status.GREEN and not (note and note.strip()):
        gap = -deviation  # type: ignore[operator]
        findings.append(
            finding(
                "monitor-execution-unexplained",
                Severity.WARNING,
                f"预算执行率{field_text(rate)}%，低于{period.month}月底计划累计支出比例"
                f"{field_text(planned)}%达{field_text(gap)}个百分点（{status.label}），"
                "未说明预算执行偏差原因",
                project,
                location=location,
                rate=rate,
                planned=planned,
                gap=gap,
                status=status.label,
            )
        )
    return _Execution(budget, spent, projected, rate, deviation, status)


def _monitor_project(
    project: Project,
    actuals: ProjectActuals | None,
    period: Period,
    document_unit: MoneyUnit | None,
) -> MonitoringProject:
    """One project's execution against its plan, and its indicators."""
    findings: list[Finding] = []
    month = period.month
    unit = project.money_unit or document_unit or (actuals.money_unit if actuals else None)
    points = plan_points(project)
    if points:
        planned = percent(share_at(points, month))
        curve = tuple((point_month, percent(value)) for point_month, value in points)
    else:
        planned, curve = period.expected, EVEN_CURVE
        findings.append(
            finding(
                "monitor-plan-missing",
                Severity.INFO,
                f"项目未列资金支出计划，按全年均衡支出估算{month}月底计划累计支出"
                f"{field_text(planned)}%",
                project,
                location=project.location,
                month=month,
                planned=planned,
            )
        )
    if actuals is None:
        findings.append(
            finding(
                "monitor-project-missing",
                Severity.WARNING,
                f"项目“{project.project_name}”未填报{period.span}执行情况",
                project,
                location=project.location,
                month=month,
            )
        )
        execution = _Execution(budget=_amount(project.budget_total, unit, unit))
        rows = tuple(unreported_row(indicator) for indicator in project.indicators)
    else:
        execution = _execution(project, actuals, unit, planned, period, findings)
        by_index = {actual.indicator_index: actual for actual in actuals.indicators}
        rows = tuple(
            monitor_indicator(
                indicator, by_index.get(indicator.index), project, actuals, period, findings
            )
            for indicator in project.indicators
        )
        unknown_indicators(project, actuals, findings)
    return MonitoringProject(
        project_seq=project.seq,
        project_name=project.project_name,
        project_code=project.project_code,
        money_unit=unit,
        budget=execution.budget,
        spent=execution.spent,
        projected_spent=execution.projected,
        execution_rate=execution.rate,
        planned_share=planned,
        deviation_points=execution.deviation,
        status=execution.status,
        plan_curve=curve,
        indicators=rows,
        findings=tuple(findings),
    )


def _unknown_project(actuals: ProjectActuals, known: int) -> Finding:
    return Finding(
        rule="monitor-project-unknown",
        severity=Severity.ERROR,
        message=f"填报的项目“{actuals.project_name}”（序号{actuals.project_seq}）"
        f"不在预算公开的{known}个项目中，未采用",
        location=actuals.location,
        quote=actuals.project_name,
        fields=(("seq", str(actuals.project_seq)), ("name", actuals.project_name)),
        family=FAMILY,
        project_seq=actuals.project_seq,
        project_title=actuals.project_name,
    )


def monitor(
    disclosure: Disclosure, report: ActualsReport, config: EvaluationConfig = DEFAULT_CONFIG
) -> MonitoringResult:
    """Monitor a unit's actuals at the end of ``report.period_month`` (136号, RULES.md §8).

    Projects are matched by ``project_seq`` and listed in the disclosure's order; a
    project's findings are on its :class:`MonitoringProject`, and all findings (with the
    ``monitor-project-unknown`` errors last) on the result.

    Unit totals, in the disclosure's money unit (the first project's when the document
    names none): ``budget_total`` sums every project's budget and ``spent_total`` every
    reported 执行数. ``execution_rate`` = Σspent ÷ Σbudget × 100 and ``planned_share`` =
    Σ(planned share × budget) ÷ Σbudget, both over the projects that have an execution
    rate, so the two compare like with like (our choice, C); ``None`` when none has one.
    Percentages to 0.01. Raises ``ValueError`` when the period is not 1–12.
    """
    month = report.period_month
    period = Period.of(month, config)  # raises ValueError outside 1–12
    by_seq = {actuals.project_seq: actuals for actuals in report.projects}
    projects = tuple(
        _monitor_project(project, by_seq.get(project.seq), period, disclosure.money_unit)
        for project in disclosure.projects
    )
    known = {project.seq for project in disclosure.projects}
    unknown = [
        _unknown_project(actuals, len(known))
        for actuals in report.projects
        if actuals.project_seq not in known
    ]
    unit = disclosure.money_unit or next(
        (project.money_unit for project in projects if project.money_unit is not None), None
    )
    budget_total = spent_total = None
    rated_budget = rated_spent = weighted_plan = Decimal(0)
    for project in projects:
        budget = _in_unit(project.budget, project.money_unit, unit)
        spent = _in_unit(project.spent, project.money_unit, unit)
        if budget is not None:
            budget_total = budget if budget_total is None else budget_total + budget
        if spent is not None:
            spent_total = spent if spent_total is None else spent_total + spent
        if project.execution_rate is not None and budget is not None and spent is not None:
            rated_budget += budget
            rated_spent += spent
            weighted_plan += project.planned_share * budget  # type: ignore[operator]
    rate = planned = None
    if rated_budget > 0:
        rate = percent(rated_spent * HUNDRED / rated_budget)
        planned = percent(weighted_plan / rated_budget)
    findings = [found for project in projects for found in project.findings]
    return MonitoringResult(
        unit_code=disclosure.unit_code,
        unit_name=disclosure.unit_name,
        fiscal_year=disclosure.fiscal_year,
        period_month=month,
        money_unit=unit,
        projects=projects,
        budget_total=budget_total,
        spent_total=spent_total,
        execution_rate=rate,
        planned_share=planned,
        findings=(*findings, *unknown),
    )
