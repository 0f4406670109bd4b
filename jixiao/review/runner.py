"""Running the rules over a disclosure: findings, sorted, with the review grade."""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from dataclasses import dataclass, replace

from jixiao.model import Disclosure, Finding, Severity
from jixiao.review.grade import GradeResult, GradeScheme, grade_review
from jixiao.review.registry import RULES, Rule, RuleSet

INTERNAL_ERROR = "review-internal-error"


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewResult:
    """The review of one disclosure.

    ``findings`` are the reader's notes (family ``ingest``) and every selected
    rule's findings, in document order. ``grade`` is the disclosure's,
    ``project_grades`` one per project in document order. ``ruleset_version``
    identifies the rules that ran (:attr:`RuleSet.version`).
    """

    disclosure: Disclosure
    findings: tuple[Finding, ...]
    grade: GradeResult
    project_grades: tuple[GradeResult, ...]
    ruleset_version: str

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return sum(1 for f in self.findings if f.severity is severity)


def run_rules(disclosure: Disclosure, rules: Iterable[Rule]) -> list[Finding]:
    """Every finding of ``rules`` on ``disclosure``, in rule order.

    A rule that raises is a bug in jixiao, not in the document: its exception
    becomes one ``review-internal-error`` finding naming the rule, and the other
    rules still run, so one bad rule never hides the rest of a review.
    """
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings.extend(rule.findings(disclosure))
        except Exception as exc:  # reported as a finding, see docstring
            where = traceback.extract_tb(exc.__traceback__)[-1]
            findings.append(
                Finding(
                    rule=INTERNAL_ERROR,
                    severity=Severity.ERROR,
                    message=f"规则 {rule.id} 运行出错（jixiao 的缺陷，请报告）：{exc!r}",
                    fields=(
                        ("rule", rule.id),
                        ("error", repr(exc)),
                        ("at", f"{where.filename}:{where.lineno}"),
                    ),
                    family=rule.family,
                )
            )
    return findings


def _order(finding: Finding) -> tuple[int, int, int]:
    loc = finding.location
    line = loc.line if loc is not None and loc.line is not None else 0
    page = loc.page if loc is not None and loc.page is not None else 0
    return (page, line, finding.indicator_index or 0)


def review(
    disclosure: Disclosure,
    *,
    rules: RuleSet | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    scheme: GradeScheme | None = None,
) -> ReviewResult:
    """Review ``disclosure`` with the rules of ``rules`` (default: all registered).

    ``select``/``ignore`` take rule ids or tags (families); the reader's notes
    count as family ``ingest``. Raises ``ValueError`` for a selector that names
    no rule. Findings are sorted by page and line (stable, so a rule's own order
    is kept within a line).
    """
    ruleset = rules or RULES
    select, ignore = tuple(select), tuple(ignore)
    chosen = ruleset.select(select, ignore)
    notes = []
    if (not select or "ingest" in select) and "ingest" not in ignore:
        notes = [replace(n, family=n.family or "ingest") for n in disclosure.notes]
    findings = sorted([*notes, *run_rules(disclosure, chosen)], key=_order)
    grade, project_grades = grade_review(
        findings, [(p.seq, p.title) for p in disclosure.projects], scheme
    )
    return ReviewResult(
        disclosure=disclosure,
        findings=tuple(findings),
        grade=grade,
        project_grades=project_grades,
        ruleset_version=ruleset.version,
    )
