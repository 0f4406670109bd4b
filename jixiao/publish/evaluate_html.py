"""The monitoring and self-evaluation reports as self-contained HTML pages.

One page each (templates ``monitoring.html.j2`` and ``evaluation.html.j2``): inline
CSS, no script, nothing loaded from the network; tables scroll sideways on a phone
and print on A4. Every text from the unit (project names, targets, reasons) is
escaped by Jinja2's autoescape; the only markup passed through unescaped is the
charts' SVG, which matplotlib writes with its text escaped.

Monitoring embeds the unit's chart and, for up to :data:`PROJECT_CHART_LIMIT`
projects, one chart per project (each chart takes ~0.1 s to draw).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import jixiao
from jixiao.evaluate.results import EvaluationResult, MonitoringResult, Status
from jixiao.model import Finding, Grade, Level1
from jixiao.publish.evaluate_records import (
    LEVEL1_LABELS,
    all_findings,
    analysis_text,
    deviation_text,
    difference,
    findings_of_project,
    funding_rows,
    level_spans,
    money_unit_label,
    period_label,
    rounded,
)

if TYPE_CHECKING:
    from jinja2 import Environment

PROJECT_CHART_LIMIT = 50
"""Projects beyond this many get no chart of their own (the page stays quick to make)."""


def money(value: Decimal | None) -> str:
    """``1,234.50``; ``—`` when unknown."""
    return "—" if value is None else f"{rounded(value):,.2f}"


def percent(value: Decimal | None) -> str:
    """``87.50%``; ``—`` when unknown."""
    return "—" if value is None else f"{rounded(value)}%"


def points(value: Decimal | None) -> str:
    """``9.50``; ``—`` when unknown."""
    return "—" if value is None else f"{rounded(value)}"


def signed(value: Decimal | None) -> str:
    """``+12.50`` / ``-15.50`` percentage points; ``—`` when unknown."""
    return "—" if value is None else f"{rounded(value):+}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of both pages: autoescape on, undefined names an error."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("jixiao.publish", "templates"),
        autoescape=True,  # every text from a unit is untrusted
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(money=money, percent=percent, points=points, signed=signed)
    return env


def _finding_view(finding: Finding) -> dict[str, Any]:
    subject = None
    if finding.indicator_index is not None or finding.indicator_name:
        subject = "指标" + (f" {finding.indicator_index}" if finding.indicator_index else "")
        subject += f"「{finding.indicator_name}」" if finding.indicator_name else ""
    return {
        "severity": finding.severity.value,
        "severity_label": finding.severity.label,
        "rule": finding.rule,
        "message": finding.message,
        "subject": subject,
        "project_seq": finding.project_seq,
        "project_title": finding.project_title,
        "location": str(finding.location) if finding.location else None,
        "quote": finding.quote,
    }


def render_monitoring_html(result: MonitoringResult) -> str:
    """The monitoring page (136号 table per project, charts, findings) as a string."""
    from markupsafe import Markup

    from jixiao.publish.charts import spending_chart_svg

    findings = all_findings(result)
    projects = []
    for i, project in enumerate(result.projects):
        spans = level_spans([(x.level1, x.level2) for x in project.indicators])
        chart = None
        if i < PROJECT_CHART_LIMIT:
            svg = spending_chart_svg(result, project.project_seq, id_prefix=f"c{i + 1}-")
            chart = Markup(svg)
        projects.append(
            {
                "p": project,
                "anchor": f"p{i + 1}",
                "unit": money_unit_label(project.money_unit),
                "chart": chart,
                "rows": [
                    {"i": x, "span1": s1, "span2": s2, "deviation": deviation_text(x)}
                    for x, (s1, s2) in zip(project.indicators, spans, strict=True)
                ],
                "findings": [
                    _finding_view(f) for f in findings_of_project(findings, project.project_seq)
                ],
            }
        )
    counts = result.status_counts()
    unit_findings = [_finding_view(f) for f in findings_of_project(findings, None)]
    known = {p.project_seq for p in result.projects}
    orphans = [_finding_view(f) for f in findings if f.project_seq not in known | {None}]
    return (
        environment()
        .get_template("monitoring.html.j2")
        .render(
            r=result,
            period=period_label(result.period_month),
            unit=money_unit_label(result.money_unit),
            deviation=difference(result.execution_rate, result.planned_share),
            statuses=[{"key": s.value, "label": s.label, "count": counts[s]} for s in Status],
            unknown=len(result.projects) - sum(counts.values()),
            chart=Markup(spending_chart_svg(result, id_prefix="c0-")),
            projects=projects,
            unit_findings=unit_findings + orphans,
            finding_count=len(findings),
            chart_limit=PROJECT_CHART_LIMIT,
            jixiao_version=jixiao.__version__,
        )
    )


def render_evaluation_html(result: EvaluationResult) -> str:
    """The self-evaluation page (summary, score bars, one 自评表 per project) as a string."""
    findings = all_findings(result)
    present = {level for p in result.projects for level, _ in p.level_scores}
    levels = [level for level in Level1 if level in present]
    projects = []
    for i, project in enumerate(result.projects):
        spans = level_spans([(x.level1_raw, x.level2_raw) for x in project.indicators])
        weights = sum((x.weight for x in project.indicators), project.execution_weight)
        projects.append(
            {
                "p": project,
                "anchor": f"p{i + 1}",
                "unit": money_unit_label(project.money_unit),
                "funding": funding_rows(project),
                "level_scores": dict(project.level_scores),
                "bar": min(max(project.total, Decimal(0)), Decimal(100)),
                "weights": weights,
                "rows": [
                    {"i": x, "span1": s1, "span2": s2, "analysis": analysis_text(x)}
                    for x, (s1, s2) in zip(project.indicators, spans, strict=True)
                ],
                "findings": [
                    _finding_view(f) for f in findings_of_project(findings, project.project_seq)
                ],
            }
        )
    counts = result.grade_counts()
    known = {p.project_seq for p in result.projects}
    return (
        environment()
        .get_template("evaluation.html.j2")
        .render(
            r=result,
            levels=[{"key": level, "label": LEVEL1_LABELS[level]} for level in levels],
            grades=[{"key": g.value, "label": g.label, "count": counts[g]} for g in Grade],
            projects=projects,
            unit_findings=[_finding_view(f) for f in findings if f.project_seq not in known],
            finding_count=len(findings),
            jixiao_version=jixiao.__version__,
        )
    )
