"""Target progress in monitoring (绩效运行监控, 财预〔2019〕136号, RULES.md §8): each
indicator's reported 1–N月完成情况 and 完成目标可能性 read against its target.

- **Progress** (our choice, C): for a count or an amount to reach — a quantitative
  target with ≥, >, = or no operator, a value above zero and a unit that is neither a
  rate (%, ‰) nor per-something (``元/月/人``) — ``progress = actual ÷ target × 100``,
  compared with the even pro-rata pace ``expected_progress = month ÷ 12 × 100``
  (7月底 → 58.33). The actual is read in the target's unit (元 ↔ 万元 converted; a bare
  number is taken to be in the target's unit). Rates, negative (≤ <) targets, deadlines
  and qualitative targets have no progress: a share of a rate or of a cap means nothing.
- **Status**: 完全不可能 → red; 有可能 → yellow; 确定能 → green, unless the progress lags
  the pace by more than ``red_points`` (then yellow: the unit is sure, the numbers lag;
  C). With no likelihood: from the lag alone by the execution thresholds (green ≤
  ``yellow_points`` behind, yellow ≤ ``red_points``, red beyond); else from the
  qualitative band (达成 green / 部分达成 yellow / 未达成 red, RULES.md §8); else none.

Findings (family ``monitoring``): ``monitor-reason-missing`` (warning; a target judged
有可能 or 完全不可能 without a 偏差原因, RULES.md §8), ``monitor-likelihood-missing``
(warning), ``monitor-actual-missing`` (info), ``monitor-indicator-mismatch`` (error: a
row whose 三级指标, spaces removed, is not the indicator's, or whose index the project
lacks; the row is shown but its values are not used, C).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jixiao.evaluate.config import EvaluationConfig
from jixiao.evaluate.plan import CENT, HUNDRED, even_share
from jixiao.evaluate.results import MonitoringIndicator, Status
from jixiao.model import (
    Finding,
    Indicator,
    Location,
    MoneyUnit,
    Operator,
    Project,
    Severity,
    TargetKind,
    TargetValue,
    convert,
)
from jixiao.model.actuals import Achievement, IndicatorActual, Likelihood, ProjectActuals
from jixiao.review.findings import field_text

FAMILY = "monitoring"
_MONEY_UNITS = {unit.label: unit for unit in MoneyUnit}
_RATE_UNITS = frozenset({"%", "％", "‰"})
_PRO_RATA_OPERATORS = frozenset({None, Operator.GE, Operator.GT, Operator.EQ})
_ACHIEVEMENT_STATUS = {
    Achievement.ACHIEVED: Status.GREEN,
    Achievement.PARTLY: Status.YELLOW,
    Achievement.NOT_ACHIEVED: Status.RED,
}


def span(month: int) -> str:
    """``1–7月`` (``1月`` for January): the period a cumulative figure covers."""
    return "1月" if month == 1 else f"1–{month}月"


@dataclass(frozen=True, slots=True)
class Period:
    """The month monitored and what every row needs of it, computed once per report:
    ``span`` (``1–7月``) and ``expected`` (the even pro-rata pace, ``month ÷ 12 × 100``
    to 0.01). Build with :meth:`of`, which raises ``ValueError`` outside 1–12."""

    month: int
    config: EvaluationConfig
    span: str
    expected: Decimal

    @classmethod
    def of(cls, month: int, config: EvaluationConfig) -> Period:
        return cls(month, config, span(month), even_share(month))


def lag_status(lag: Decimal, config: EvaluationConfig) -> Status:
    """The traffic light for ``lag`` percentage points behind (negative: ahead):
    green up to ``yellow_points`` (10), yellow up to ``red_points`` (20), red beyond.
    Exactly 10 behind is green, exactly 20 yellow."""
    if lag <= config.yellow_points:
        return Status.GREEN
    if lag <= config.red_points:
        return Status.YELLOW
    return Status.RED


def finding(
    rule: str,
    severity: Severity,
    message: str,
    project: Project,
    *,
    location: Location | None,
    indicator: Indicator | None = None,
    quote: str | None = None,
    **fields: object,
) -> Finding:
    """A monitoring finding about ``project`` (and ``indicator``); ``fields`` are the
    message's values, shown as :func:`field_text` shows them."""
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        location=location,
        quote=quote,
        fields=tuple((name, field_text(value)) for name, value in fields.items()),
        family=FAMILY,
        project_seq=project.seq,
        project_title=project.project_name,
        indicator_index=None if indicator is None else indicator.index,
        indicator_name=None if indicator is None else indicator.level3,
    )


def is_pro_rata(target: TargetValue) -> bool:
    """True for a count or an amount to reach, where pro-rata progress makes sense."""
    unit = target.unit
    return (
        target.kind is TargetKind.QUANTITATIVE
        and target.operator in _PRO_RATA_OPERATORS
        and target.value is not None
        and target.value > 0
        and unit is not None
        and unit not in _RATE_UNITS
        and "/" not in unit
    )


def progress_of(target: TargetValue, actual: TargetValue | None) -> Decimal | None:
    """``actual ÷ target × 100`` to 0.01 for a pro-rata target; ``None`` when the
    actual is blank, not a number, or in a unit that cannot be converted."""
    if actual is None or actual.value is None or not actual.value.is_finite():
        return None
    if target.value is None:
        return None
    value = actual.value
    if actual.unit is not None and actual.unit != target.unit:
        source, wanted = _MONEY_UNITS.get(actual.unit), _MONEY_UNITS.get(target.unit or "")
        if source is None or wanted is None:
            return None
        value = convert(value, source, wanted)
    return (value * HUNDRED / target.value).quantize(CENT, rounding=ROUND_HALF_UP)


def _same_name(a: str, b: str) -> bool:
    return a == b or "".join(a.split()) == "".join(b.split())


def _row(
    indicator: Indicator,
    actual: IndicatorActual | None,
    progress: Decimal | None = None,
    expected: Decimal | None = None,
    status: Status | None = None,
) -> MonitoringIndicator:
    return MonitoringIndicator(
        indicator_index=indicator.index,
        level1=indicator.level1.raw,
        level2=indicator.level2.raw,
        level3=indicator.level3,
        target_raw=indicator.target.raw,
        actual_raw=None if actual is None or actual.actual is None else actual.actual.raw,
        projected_raw=None if actual is None or actual.projected is None else actual.projected.raw,
        likelihood=None if actual is None else actual.likelihood,
        deviation_causes=() if actual is None else actual.deviation_causes,
        deviation_note=None if actual is None else actual.deviation_note,
        remark=None if actual is None else actual.remark,
        progress=progress,
        expected_progress=expected,
        status=status,
    )


def unreported_row(indicator: Indicator) -> MonitoringIndicator:
    """The row of an indicator of a project with no actuals at all."""
    return _row(indicator, None)


def _status(
    actual: IndicatorActual,
    progress: Decimal | None,
    expected: Decimal | None,
    config: EvaluationConfig,
) -> Status | None:
    likelihood = actual.likelihood
    if likelihood is Likelihood.IMPOSSIBLE:
        return Status.RED
    if likelihood is Likelihood.POSSIBLE:
        return Status.YELLOW
    lag = None if progress is None or expected is None else expected - progress
    if likelihood is Likelihood.CERTAIN:
        return Status.YELLOW if lag is not None and lag > config.red_points else Status.GREEN
    if lag is not None:
        return lag_status(lag, config)
    return None if actual.achievement is None else _ACHIEVEMENT_STATUS[actual.achievement]


def monitor_indicator(
    indicator: Indicator,
    actual: IndicatorActual | None,
    project: Project,
    actuals: ProjectActuals,
    period: Period,
    findings: list[Finding],
) -> MonitoringIndicator:
    """One indicator row at the end of the period: progress, status, and its findings
    (appended to ``findings``). ``actual`` is the row the unit filed for it, if any."""
    name = indicator.level3
    if actual is None or not _same_name(actual.level3, name):
        if actual is None:
            message = f"指标“{name}”未填报{period.span}完成情况"
            findings.append(
                finding(
                    "monitor-actual-missing",
                    Severity.INFO,
                    message,
                    project,
                    location=actuals.location,
                    indicator=indicator,
                    month=period.month,
                )
            )
        else:
            message = (
                f"第{indicator.index}个指标填报为“{actual.level3}”，与绩效目标表的三级指标"
                f"“{name}”不一致，该行未采用"
            )
            findings.append(
                finding(
                    "monitor-indicator-mismatch",
                    Severity.ERROR,
                    message,
                    project,
                    location=actual.location,
                    indicator=indicator,
                    quote=actual.level3,
                    expected=name,
                    actual=actual.level3,
                )
            )
        return _row(indicator, actual)
    location = actual.location
    if actual.actual is None:
        findings.append(
            finding(
                "monitor-actual-missing",
                Severity.INFO,
                f"指标“{name}”未填写{period.span}完成情况",
                project,
                location=location,
                indicator=indicator,
                month=period.month,
            )
        )
    progress = expected = None
    if is_pro_rata(indicator.target):
        progress = progress_of(indicator.target, actual.actual)
        if progress is not None:
            expected = period.expected
    likelihood = actual.likelihood
    if likelihood is None:
        findings.append(
            finding(
                "monitor-likelihood-missing",
                Severity.WARNING,
                f"指标“{name}”未填写完成目标可能性（确定能/有可能/完全不可能）",
                project,
                location=location,
                indicator=indicator,
            )
        )
    elif likelihood is not Likelihood.CERTAIN and not actual.has_deviation_reason:
        findings.append(
            finding(
                "monitor-reason-missing",
                Severity.WARNING,
                f"指标“{name}”完成目标可能性为“{likelihood.label}”，但未说明偏差原因",
                project,
                location=location,
                indicator=indicator,
                quote=likelihood.label,
                likelihood=likelihood.label,
            )
        )
    return _row(
        indicator, actual, progress, expected, _status(actual, progress, expected, period.config)
    )


def unknown_indicators(project: Project, actuals: ProjectActuals, findings: list[Finding]) -> None:
    """Append a ``monitor-indicator-mismatch`` error for each filed row whose index the
    project's target table does not have."""
    indices = {indicator.index for indicator in project.indicators}
    for actual in actuals.indicators:
        if actual.indicator_index in indices:
            continue
        findings.append(
            finding(
                "monitor-indicator-mismatch",
                Severity.ERROR,
                f"填报的第{actual.indicator_index}个指标“{actual.level3}”在绩效目标表中不存在"
                f"（该项目共{len(indices)}个指标），该行未采用",
                project,
                location=actual.location,
                quote=actual.level3,
                index=actual.indicator_index,
                count=len(indices),
            )
        )
