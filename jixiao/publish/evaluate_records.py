"""The records behind the monitoring and self-evaluation reports, and their JSON.

Every format (XLSX, DOCX, HTML, JSON) of :mod:`~jixiao.publish.monitoring_report`
and :mod:`~jixiao.publish.evaluation_report` is built from the same helpers here, so
a number means the same thing everywhere. The JSON is a plain dict for the API:

- ``format`` (``jixiao-monitoring`` / ``jixiao-evaluation``), ``version`` (1),
  ``jixiao_version``; then the unit: ``unit_code``, ``unit_name``, ``fiscal_year``.
- Decimals are exact strings (``"87.50"``), ``null`` when unknown. Percentages are
  in percent (``"87.50"`` is 87.5 %), money in the ``money_unit`` beside it
  (``yuan`` 元 / ``wan_yuan`` 万元), points (分值, 得分) out of 100.
- Enumerations are their values (``"green"``, ``"certain"``, ``"excellent"``) with
  the Chinese label beside them under ``…_label``.
- ``findings`` are :func:`jixiao.model.codec.finding_to_dict` records (the
  interchange format): every finding of the result, the projects' included once.

See :func:`monitoring_record` and :func:`evaluation_record` for the keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import jixiao
from jixiao.evaluate.results import (
    EvaluationResult,
    IndicatorScore,
    MonitoringIndicator,
    MonitoringProject,
    MonitoringResult,
    ProjectScore,
)
from jixiao.model import Finding, Grade, Level1, MoneyUnit
from jixiao.model.actuals import FundingActual, FundingSource
from jixiao.model.codec import decimal_to_str, finding_to_dict

MONITORING_FORMAT = "jixiao-monitoring"
EVALUATION_FORMAT = "jixiao-evaluation"
VERSION = 1

Record = dict[str, Any]

LEVEL1_LABELS: dict[Level1, str] = {
    Level1.OUTPUT: "产出指标",
    Level1.OUTCOME: "效益指标",
    Level1.SATISFACTION: "满意度指标",
    Level1.COST: "成本指标",
}
"""The printed 一级 names (财预〔2015〕88号 / 财预〔2021〕101号)."""

FUNDING_ORDER: tuple[FundingSource, ...] = (
    FundingSource.TOTAL,
    FundingSource.FISCAL,
    FundingSource.CARRIED_OVER,
    FundingSource.OTHER,
)
"""The rows of the 自评表's 项目资金 block, top to bottom (财预〔2020〕10号; RULES.md §9)."""

_CENT = Decimal("0.01")


def period_label(month: int) -> str:
    """The monitoring period as printed: ``1—7月`` (``1月`` for January)."""
    return "1月" if month == 1 else f"1—{month}月"


def money_unit_label(unit: MoneyUnit | None) -> str:
    """``元`` / ``万元``; empty when the document never said."""
    return unit.label if unit is not None else ""


def rounded(value: Decimal | None) -> Decimal | None:
    """``value`` to 0.01, ROUND_HALF_UP, as the reports print rates and money."""
    return None if value is None else value.quantize(_CENT, rounding=ROUND_HALF_UP)


def difference(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    """``a − b``; ``None`` when either is unknown."""
    return None if a is None or b is None else a - b


def all_findings(result: MonitoringResult | EvaluationResult) -> list[Finding]:
    """The result's findings, then its projects' findings not already among them,
    in order and each once (engines may list a project's findings in both places)."""
    out = list(dict.fromkeys(result.findings))
    seen = set(out)
    for project in result.projects:
        for finding in project.findings:
            if finding not in seen:
                seen.add(finding)
                out.append(finding)
    return out


def findings_of_project(findings: Iterable[Finding], seq: int | None) -> list[Finding]:
    """The findings about project ``seq`` (``None``: about no project)."""
    return [f for f in findings if f.project_seq == seq]


def level_spans(levels: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """Row spans of the merged 一级 and 二级 cells, as the official forms merge them.

    ``levels`` are each row's (一级, 二级) text. Returns ``(span1, span2)`` per row: the
    number of rows the cell starting at that row covers, ``0`` for a row covered by
    the cell above. A 二级 run never crosses a 一级 boundary.

    >>> level_spans([("产出", "数量"), ("产出", "数量"), ("产出", "质量"), ("效益", "社会")])
    [(3, 2), (0, 0), (0, 1), (1, 1)]
    """
    spans = [[0, 0] for _ in levels]
    start1 = start2 = 0
    for i in range(1, len(levels) + 1):
        end = i == len(levels)
        new1 = end or levels[i][0] != levels[start1][0]
        if new1 or levels[i][1] != levels[start2][1]:
            spans[start2][1] = i - start2
            start2 = i
        if new1:
            spans[start1][0] = i - start1
            start1 = i
    return [(a, b) for a, b in spans]


def deviation_text(indicator: MonitoringIndicator) -> str:
    """偏差原因 as printed: the kinds, then the words (``经费保障、其他：资金未到位``)."""
    kinds = "、".join(cause.label for cause in indicator.deviation_causes)
    note = (indicator.deviation_note or "").strip()
    return f"{kinds}：{note}" if kinds and note else kinds or note


def analysis_text(indicator: IndicatorScore) -> str:
    """偏差原因分析及改进措施 as printed: the analysis, then ``改进措施：…``."""
    parts = [(indicator.deviation_note or "").strip()]
    improvement = (indicator.improvement or "").strip()
    if improvement:
        parts.append(f"改进措施：{improvement}")
    return "；".join(p for p in parts if p)


@dataclass(frozen=True, slots=True, kw_only=True)
class FundingRow:
    """One printed row of the 项目资金 block (amounts in the project's money unit).

    ``rate`` = spent ÷ 全年预算数 (the 年初预算数 when none) × 100, to 0.01; the total
    row uses the scorer's ``execution_rate`` instead, so it matches the 得分.
    """

    source: FundingSource
    budget_initial: Decimal | None
    budget_adjusted: Decimal | None
    spent: Decimal | None
    rate: Decimal | None


def funding_rows(project: ProjectScore) -> list[FundingRow]:
    """The four 项目资金 rows in the form's order; blank amounts where not reported."""
    by_source: dict[FundingSource, FundingActual] = {}
    for row in project.funding:
        by_source.setdefault(row.source, row)
    out = []
    for source in FUNDING_ORDER:
        row = by_source.get(source)
        initial = _value(row.budget_initial) if row else None
        adjusted = _value(row.budget_adjusted) if row else None
        spent = _value(row.spent) if row else None
        if source is FundingSource.TOTAL:
            rate = rounded(project.execution_rate)
        else:
            base = adjusted if adjusted is not None else initial
            rate = rounded(spent / base * 100) if spent is not None and base else None
        out.append(
            FundingRow(
                source=source,
                budget_initial=initial,
                budget_adjusted=adjusted,
                spent=spent,
                rate=rate,
            )
        )
    return out


def _value(money: Any) -> Decimal | None:
    return None if money is None else money.value


def _d(value: Decimal | None) -> str | None:
    return decimal_to_str(value)


def _enum(value: Any) -> tuple[str | None, str | None]:
    return (None, None) if value is None else (value.value, value.label)


# --- monitoring ------------------------------------------------------------------------


def _monitoring_indicator(indicator: MonitoringIndicator) -> Record:
    likelihood, likelihood_label = _enum(indicator.likelihood)
    status, status_label = _enum(indicator.status)
    return {
        "indicator_index": indicator.indicator_index,
        "level1": indicator.level1,
        "level2": indicator.level2,
        "level3": indicator.level3,
        "target_raw": indicator.target_raw,
        "actual_raw": indicator.actual_raw,
        "projected_raw": indicator.projected_raw,
        "likelihood": likelihood,
        "likelihood_label": likelihood_label,
        "deviation_causes": [c.value for c in indicator.deviation_causes],
        "deviation_cause_labels": [c.label for c in indicator.deviation_causes],
        "deviation_note": indicator.deviation_note,
        "remark": indicator.remark,
        "progress": _d(indicator.progress),
        "expected_progress": _d(indicator.expected_progress),
        "status": status,
        "status_label": status_label,
    }


def _monitoring_project(project: MonitoringProject, findings: Sequence[Finding]) -> Record:
    status, status_label = _enum(project.status)
    return {
        "project_seq": project.project_seq,
        "project_name": project.project_name,
        "project_code": project.project_code,
        "money_unit": project.money_unit.value if project.money_unit else None,
        "budget": _d(project.budget),
        "spent": _d(project.spent),
        "projected_spent": _d(project.projected_spent),
        "execution_rate": _d(project.execution_rate),
        "planned_share": _d(project.planned_share),
        "deviation_points": _d(project.deviation_points),
        "status": status,
        "status_label": status_label,
        "plan_curve": [[month, _d(share)] for month, share in project.plan_curve],
        "indicators": [_monitoring_indicator(i) for i in project.indicators],
        "findings": [finding_to_dict(f) for f in findings],
    }


def monitoring_record(result: MonitoringResult) -> Record:
    """The monitoring result as a JSON-ready dict (format ``jixiao-monitoring`` v1).

    Unit keys: ``period_month`` (1–12) and ``period_label`` (``1—7月``),
    ``money_unit``, ``budget_total``, ``spent_total``, ``execution_rate``,
    ``planned_share``, ``deviation_points`` (execution rate − planned share, in
    percentage points), ``status_counts`` (``green``/``yellow``/``red``, and
    ``none`` for projects without a status). ``projects``: one record per project
    with the same amounts and rates, ``status``/``status_label``, ``plan_curve`` as
    ``[month, percent]`` pairs, ``indicators`` (the 136号 columns: ``target_raw``,
    ``actual_raw``, ``projected_raw``, ``likelihood``, ``deviation_causes``,
    ``deviation_note``, ``remark``, and jixiao's ``progress``,
    ``expected_progress``, ``status``) and the project's ``findings``.
    ``findings`` at the top lists every finding once.
    """
    findings = all_findings(result)
    counts = result.status_counts()
    return {
        "format": MONITORING_FORMAT,
        "version": VERSION,
        "jixiao_version": jixiao.__version__,
        "unit_code": result.unit_code,
        "unit_name": result.unit_name,
        "fiscal_year": result.fiscal_year,
        "period_month": result.period_month,
        "period_label": period_label(result.period_month),
        "money_unit": result.money_unit.value if result.money_unit else None,
        "budget_total": _d(result.budget_total),
        "spent_total": _d(result.spent_total),
        "execution_rate": _d(result.execution_rate),
        "planned_share": _d(result.planned_share),
        "deviation_points": _d(difference(result.execution_rate, result.planned_share)),
        "status_counts": {
            **{status.value: n for status, n in counts.items()},
            "none": len(result.projects) - sum(counts.values()),
        },
        "projects": [
            _monitoring_project(p, findings_of_project(findings, p.project_seq))
            for p in result.projects
        ],
        "findings": [finding_to_dict(f) for f in findings],
    }


# --- self-evaluation -------------------------------------------------------------------


def _indicator_score(indicator: IndicatorScore) -> Record:
    achievement, achievement_label = _enum(indicator.achievement)
    return {
        "indicator_index": indicator.indicator_index,
        "level1": indicator.level1.value if indicator.level1 else None,
        "level1_raw": indicator.level1_raw,
        "level2_raw": indicator.level2_raw,
        "level3": indicator.level3,
        "target_raw": indicator.target_raw,
        "actual_raw": indicator.actual_raw,
        "weight": _d(indicator.weight),
        "score": _d(indicator.score),
        "deduction": _d(indicator.deduction),
        "method": indicator.method.value,
        "method_label": indicator.method.label,
        "explanation": indicator.explanation,
        "completion_rate": _d(indicator.completion_rate),
        "achievement": achievement,
        "achievement_label": achievement_label,
        "deviation_note": indicator.deviation_note,
        "improvement": indicator.improvement,
        "claimed_score": _d(indicator.claimed_score),
        "under_scored": indicator.is_under_scored,
    }


def _levels(pairs: Sequence[tuple[Level1, Decimal]]) -> list[Record]:
    return [
        {"level1": level.value, "label": LEVEL1_LABELS[level], "points": _d(points)}
        for level, points in pairs
    ]


def _project_score(project: ProjectScore, findings: Sequence[Finding]) -> Record:
    return {
        "project_seq": project.project_seq,
        "project_name": project.project_name,
        "project_code": project.project_code,
        "money_unit": project.money_unit.value if project.money_unit else None,
        "funding": [
            {
                "source": row.source.value,
                "source_label": row.source.label,
                "budget_initial": _d(row.budget_initial),
                "budget_adjusted": _d(row.budget_adjusted),
                "spent": _d(row.spent),
                "rate": _d(row.rate),
            }
            for row in funding_rows(project)
        ],
        "goal": project.goal,
        "goal_achieved": project.goal_achieved,
        "execution_rate": _d(project.execution_rate),
        "execution_weight": _d(project.execution_weight),
        "execution_score": _d(project.execution_score),
        "level_weights": _levels(project.level_weights),
        "level_scores": _levels(project.level_scores),
        "indicators": [_indicator_score(i) for i in project.indicators],
        "total": _d(project.total),
        "grade": project.grade.value,
        "grade_label": project.grade.label,
        "findings": [finding_to_dict(f) for f in findings],
    }


def evaluation_record(result: EvaluationResult) -> Record:
    """The self-evaluation result as a JSON-ready dict (format ``jixiao-evaluation`` v1).

    Unit keys: ``project_count``, ``mean_total`` (points), ``grade_counts`` (``excellent``
    优 / ``good`` 良 / ``fair`` 中 / ``poor`` 差). ``projects``: one 自评表 each —
    ``funding`` (the four rows 年度资金总额/财政拨款/上年结转/其他资金 with
    ``budget_initial`` 年初预算数, ``budget_adjusted`` 全年预算数, ``spent`` 全年执行数
    and ``rate`` 执行率 %), ``goal``/``goal_achieved``, ``execution_rate``,
    ``execution_weight``/``execution_score`` (分值/得分 of 预算执行率),
    ``level_weights``/``level_scores`` per 一级, ``indicators`` (分值 ``weight``, 得分
    ``score``, ``method``, ``explanation`` …), ``total``, ``grade``/``grade_label`` and
    the project's ``findings``. ``findings`` at the top lists every finding once.
    """
    findings = all_findings(result)
    return {
        "format": EVALUATION_FORMAT,
        "version": VERSION,
        "jixiao_version": jixiao.__version__,
        "unit_code": result.unit_code,
        "unit_name": result.unit_name,
        "fiscal_year": result.fiscal_year,
        "project_count": len(result.projects),
        "mean_total": _d(result.mean_total),
        "grade_counts": {grade.value: n for grade, n in result.grade_counts().items()},
        "projects": [
            _project_score(p, findings_of_project(findings, p.project_seq)) for p in result.projects
        ],
        "findings": [finding_to_dict(f) for f in findings],
    }


def grade_summary(result: EvaluationResult) -> str:
    """``优 1 个、良 1 个、中 0 个、差 0 个`` for the unit summary."""
    counts = result.grade_counts()
    return "、".join(f"{grade.label} {counts[grade]} 个" for grade in Grade)
