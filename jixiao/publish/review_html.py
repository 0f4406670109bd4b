"""The review report as one self-contained HTML page (Chinese, phone-readable, printable).

Per document: a header (unit, year, file, grade, score, counts by severity and
family), the findings about the unit as a whole grouped by family, then each
project with its grade and its findings. Checkboxes filter findings by severity
and family (a few lines of inline JS; without JS everything shows). The page
loads nothing from the network, and every text taken from a document is escaped
by Jinja2's autoescape, so a quoted ``<script>`` prints as text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import jixiao
from jixiao.model import Finding, Severity
from jixiao.publish.review_json import (
    SEVERITIES,
    common_ruleset_version,
    document_record,
    family_label,
    family_of,
    family_order,
    finding_record,
    findings_by_project,
    severity_counts,
)
from jixiao.review import ReviewResult

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATE = "review.html.j2"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Built on first use, not at import: jinja2 is only needed for this report.
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("jixiao.publish", "templates"),
        autoescape=True,  # every document text is untrusted
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _subject(record: dict[str, Any]) -> str | None:
    """What the finding is about, beyond its place: the indicator or the row's code."""
    if record["indicator_index"] is not None or record["indicator_name"]:
        number = record["indicator_index"]
        name = record["indicator_name"]
        text = "指标" + (f" {number}" if number is not None else "")
        return text + (f"「{name}」" if name else "")
    if record["code"]:
        return f"科目编码 {record['code']}"
    return None


def _finding_view(result: ReviewResult, finding: Finding) -> dict[str, Any]:
    record = finding_record(result, finding)
    severity = Severity(record["severity"])
    return {
        **record,
        "severity_label": severity.label,
        "family_key": record["family"] or "other",
        "family_label": family_label(record["family"]),
        "subject": _subject(record),
    }


def _groups(result: ReviewResult, findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """``findings`` grouped by family, in report order, each group in document order."""
    by_family: dict[str | None, list[Finding]] = {}
    for finding in findings:
        by_family.setdefault(family_of(finding), []).append(finding)
    return [
        {
            "key": family or "other",
            "label": family_label(family),
            "findings": [_finding_view(result, f) for f in by_family[family]],
        }
        for family in family_order(by_family)
    ]


def _document_view(index: int, result: ReviewResult) -> dict[str, Any]:
    record = document_record(result)
    by_project = findings_by_project(result)
    projects = []
    for project in record["projects"]:
        found = by_project.pop(project["seq"], [])
        projects.append({**project, "findings": [_finding_view(result, f) for f in found]})
    document_level = by_project.pop(None, [])
    # Findings naming a project the disclosure lacks (a hand-made result): still shown.
    for seq, found in by_project.items():
        projects.append(
            {
                "seq": seq,
                "title": found[0].project_title,
                "score": None,
                "grade": None,
                "counts": severity_counts(found),
                "findings": [_finding_view(result, f) for f in found],
            }
        )
    return {
        "id": f"doc-{index}",
        **record,
        "family_labels": {
            key: family_label(None if key == "other" else key) for key in record["family_counts"]
        },
        "groups": _groups(result, document_level),
        "document_level_count": len(document_level),
        "project_list": projects,
    }


def render_review_html(results: Sequence[ReviewResult]) -> str:
    """The whole report page as a string."""
    severity_totals = Counter(Severity(f.severity) for r in results for f in r.findings)
    family_totals = Counter(family_of(f) for r in results for f in r.findings)
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            documents=[_document_view(i, r) for i, r in enumerate(results, start=1)],
            severities=[
                {"key": s.value, "label": s.label, "count": severity_totals[s]} for s in SEVERITIES
            ],
            families=[
                {"key": f or "other", "label": family_label(f), "count": family_totals[f]}
                for f in family_order(family_totals)
            ],
            total=sum(severity_totals.values()),
            jixiao_version=jixiao.__version__,
            ruleset_version=common_ruleset_version(results),
        )
    )
