"""The review report as JSON (``jixiao-review`` v1), and the records the other formats share.

One JSON document holds every reviewed disclosure (its grade, score, counts and
projects) and every finding as a flat record naming its rule, family, place and
subject. ``docs/schema/review.schema.json`` is its contract and
``docs/review-report.md`` explains each field; keys come in a fixed order so two
runs over the same input give the same bytes. The HTML and XLSX reports are
built from the same records, so a field means the same thing everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import jixiao
from jixiao.model import Finding, Severity
from jixiao.review import FAMILIES, INTERNAL_ERROR, RULES, ReviewResult
from jixiao.review.grade import GradeResult

FORMAT = "jixiao-review"
VERSION = 1

SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)
"""Severities from the most serious down: the order of counts and filters."""

_FALLBACK_TITLES = {INTERNAL_ERROR: "规则运行出错（jixiao 的缺陷）"}
"""Titles of findings that no registered rule makes (the runner's own)."""

Record = dict[str, Any]


def rule_title(rule_id: str) -> str | None:
    """The Chinese title of rule ``rule_id``; ``None`` for a finding no rule made
    (a reader's note such as ``ingest-trailing-cells-missing``)."""
    if rule_id in RULES:
        return RULES.get(rule_id).title
    return _FALLBACK_TITLES.get(rule_id)


def rule_reference(rule_id: str) -> str | None:
    """The document and article rule ``rule_id`` enforces; ``None`` when unknown."""
    return RULES.get(rule_id).reference if rule_id in RULES else None


def family_of(finding: Finding) -> str | None:
    """The finding's family: its own, else its rule's; ``None`` when neither says."""
    if finding.family:
        return finding.family
    if finding.rule in RULES:
        return RULES.get(finding.rule).family
    return None


def family_label(family: str | None) -> str:
    """The Chinese name of ``family`` (``指标值``); the key itself when unknown."""
    if family is None:
        return "其他"
    return FAMILIES.get(family, family)


def family_order(families: Iterable[str | None]) -> list[str | None]:
    """``families`` without repeats, in report order: :data:`FAMILIES` first, then
    unknown ones by name, then ``None``."""
    present = set(families)
    known = [f for f in FAMILIES if f in present]
    unknown = sorted(f for f in present if f is not None and f not in FAMILIES)
    return [*known, *unknown, *([None] if None in present else [])]


def score_number(score: Decimal) -> int | float:
    """A score (0–100, one decimal) as a JSON number: ``100`` or ``97.5``."""
    return int(score) if score == score.to_integral_value() else float(score)


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """``{"error": n, "warning": n, "info": n}``: every severity, zeros included."""
    counts = Counter(Severity(f.severity) for f in findings)
    return {s.value: counts[s] for s in SEVERITIES}


def family_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per family key, in report order, families with findings only
    (a finding of no family counts under ``"other"``)."""
    counts = Counter(family_of(f) for f in findings)
    return {(f or "other"): counts[f] for f in family_order(counts)}


def findings_by_project(result: ReviewResult) -> dict[int | None, list[Finding]]:
    """The result's findings by ``project_seq`` (``None``: about no project), in order."""
    out: dict[int | None, list[Finding]] = {}
    for finding in result.findings:
        out.setdefault(finding.project_seq, []).append(finding)
    return out


def project_grades(result: ReviewResult) -> list[GradeResult]:
    """The result's project grades, first one per ``project_seq``: a repeated number
    (a document that prints it twice) would otherwise show the same findings twice."""
    seen: set[int | None] = set()
    out = []
    for grade in result.project_grades:
        if grade.project_seq not in seen:
            seen.add(grade.project_seq)
            out.append(grade)
    return out


def _grade(result: GradeResult) -> Record:
    return {"value": result.grade.value, "label": result.grade.label}


def document_record(result: ReviewResult) -> Record:
    """One reviewed disclosure: its file, unit, year, grade, counts and projects."""
    d = result.disclosure
    by_project = findings_by_project(result)
    return {
        "file": d.source.path,
        "sha256": d.source.sha256,
        "unit_code": d.unit_code,
        "unit_name": d.unit_name,
        "fiscal_year": d.fiscal_year,
        "ruleset_version": result.ruleset_version,
        "score": score_number(result.grade.score),
        "grade": _grade(result.grade),
        "counts": severity_counts(result.findings),
        "family_counts": family_counts(result.findings),
        "projects": [
            {
                "seq": g.project_seq,
                "title": g.project_title,
                "score": score_number(g.score),
                "grade": _grade(g),
                "counts": severity_counts(by_project.get(g.project_seq, ())),
            }
            for g in project_grades(result)
        ],
    }


def finding_record(result: ReviewResult, finding: Finding) -> Record:
    """One finding as a flat record: rule, severity, family, message, the document,
    the subject (project, indicator, table, code), the place and the rule's source."""
    d = result.disclosure
    loc = finding.location
    return {
        "rule": finding.rule,
        "rule_title": rule_title(finding.rule),
        "severity": Severity(finding.severity).value,
        "family": family_of(finding),
        "message": finding.message,
        "file": loc.file if loc is not None else d.source.path,
        "unit_code": d.unit_code,
        "fiscal_year": d.fiscal_year,
        "project_seq": finding.project_seq,
        "project_title": finding.project_title,
        "indicator_index": finding.indicator_index,
        "indicator_name": finding.indicator_name,
        "table": loc.table if loc is not None else None,
        "code": finding.code,
        "line": loc.line if loc is not None else None,
        "page": loc.page if loc is not None else None,
        "row": loc.row if loc is not None else None,
        "column": loc.column if loc is not None else None,
        "location": str(loc) if loc is not None else None,
        "quote": finding.quote,
        "fields": {str(name): str(value) for name, value in finding.fields},
        "reference": rule_reference(finding.rule),
    }


def common_ruleset_version(results: Sequence[ReviewResult]) -> str | None:
    """The rule-set version every result shares; ``None`` for none or a mix."""
    versions = {r.ruleset_version for r in results}
    return versions.pop() if len(versions) == 1 else None


def review_report_json(results: Sequence[ReviewResult]) -> Record:
    """The review report as a JSON-ready dict (``docs/schema/review.schema.json``).

    ``documents`` has one record per result, ``findings`` every finding of every
    result, in the order given. ``ruleset_version`` is ``None`` when the results
    were made by different rule sets (each document names its own).
    """
    return {
        "format": FORMAT,
        "version": VERSION,
        "jixiao_version": jixiao.__version__,
        "ruleset_version": common_ruleset_version(results),
        "documents": [document_record(r) for r in results],
        "findings": [finding_record(r, f) for r in results for f in r.findings],
    }
