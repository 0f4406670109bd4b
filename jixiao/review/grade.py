"""The review grade (审核结果 优/良/中/差) of a project and of a disclosure.

财预〔2015〕88号 第十七条 names four outcomes of a target review — 优 (proceeds),
良 (refined with the unit, then proceeds), 中 (returned for revision), 差 (may not
enter the budget) — but no formula. jixiao's scheme (``docs/review.md``) starts
from 100 points and deducts per finding by severity, with a cap per rule so that
one systematic slip (an empty 依据 column) does not outweigh everything else:

- project: 100 − Σ deductions of the findings about that project;
- disclosure: 100 − Σ deductions of the findings about no project − the mean
  deduction of its projects (a document with many projects is not punished for
  its size).

Scores fall into bands (≥ 90 优, ≥ 75 良, ≥ 60 中, else 差); any error finding
caps a project at 良 by default, since 88号 lets only sound targets proceed
unchanged. Every number here is a setting of :class:`GradeScheme`.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jixiao.model import Finding, Grade, Severity


def _default_deductions() -> Mapping[Severity, Decimal]:
    return {Severity.ERROR: Decimal(10), Severity.WARNING: Decimal(3), Severity.INFO: Decimal(0)}


def _default_bands() -> tuple[tuple[Decimal, Grade], ...]:
    return ((Decimal(90), Grade.EXCELLENT), (Decimal(75), Grade.GOOD), (Decimal(60), Grade.FAIR))


@dataclass(frozen=True, slots=True, kw_only=True)
class GradeScheme:
    """How findings become a score (0–100 points) and a grade.

    - ``deductions``: points deducted per finding, by severity;
    - ``rule_cap``: at most this many points deducted for one rule in one
      project (or at document level);
    - ``bands``: (lowest score, grade) from the best grade down; below the last
      band the grade is 差;
    - ``error_caps_at``: the best grade a project or document with an error
      finding can get (``None``: no cap).
    """

    deductions: Mapping[Severity, Decimal] = field(default_factory=_default_deductions)
    rule_cap: Decimal = Decimal(20)
    bands: tuple[tuple[Decimal, Grade], ...] = field(default_factory=_default_bands)
    error_caps_at: Grade | None = Grade.GOOD

    @classmethod
    def from_toml(cls, path: Path) -> GradeScheme:
        """Read a scheme from a TOML file (keys as in ``docs/review.md``)::

            [deductions]
            error = 10
            warning = 3
            info = 0
            rule_cap = 20
            error_caps_at = "good"
            [bands]
            excellent = 90
            good = 75
            fair = 60

        Missing keys keep their defaults. Raises ``ValueError`` for unknown
        severities or grades, ``tomllib.TOMLDecodeError`` for a malformed file.
        """
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        default = cls()
        deductions = dict(default.deductions)
        for name, points in (data.get("deductions") or {}).items():
            deductions[Severity(name)] = Decimal(str(points))
        bands = default.bands
        if "bands" in data:
            bands = tuple(
                sorted(
                    ((Decimal(str(low)), Grade(name)) for name, low in data["bands"].items()),
                    reverse=True,
                )
            )
        cap = data.get("error_caps_at", default.error_caps_at)
        return cls(
            deductions=deductions,
            rule_cap=Decimal(str(data.get("rule_cap", default.rule_cap))),
            bands=bands,
            error_caps_at=None if cap in (None, "", "none") else Grade(cap),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class GradeResult:
    """A score in points (0–100) and its grade; ``project_seq`` is ``None`` for
    the disclosure as a whole."""

    score: Decimal
    grade: Grade
    project_seq: int | None = None
    project_title: str | None = None


_GRADE_ORDER = (Grade.EXCELLENT, Grade.GOOD, Grade.FAIR, Grade.POOR)


def deduction(findings: Iterable[Finding], scheme: GradeScheme) -> Decimal:
    """Points deducted for ``findings``: per-severity points, capped per rule."""
    per_rule: dict[str, Decimal] = defaultdict(Decimal)
    for finding in findings:
        per_rule[finding.rule] += scheme.deductions.get(finding.severity, Decimal(0))
    return sum((min(points, scheme.rule_cap) for points in per_rule.values()), Decimal(0))


def grade_for(score: Decimal, has_error: bool, scheme: GradeScheme) -> Grade:
    """The grade of ``score`` under ``scheme``'s bands and error cap."""
    grade = Grade.POOR
    for low, band in scheme.bands:
        if score >= low:
            grade = band
            break
    if has_error and scheme.error_caps_at is not None:
        grade = max(grade, scheme.error_caps_at, key=_GRADE_ORDER.index)
    return grade


def _result(lost: Decimal, has_error: bool, scheme: GradeScheme, **subject: object) -> GradeResult:
    score = max(Decimal(0), Decimal(100) - lost).quantize(Decimal("0.1"))
    return GradeResult(score=score, grade=grade_for(score, has_error, scheme), **subject)


def grade_review(
    findings: Iterable[Finding],
    projects: Iterable[tuple[int, str]],
    scheme: GradeScheme | None = None,
) -> tuple[GradeResult, tuple[GradeResult, ...]]:
    """Grade a disclosure and each of its projects from its findings.

    ``projects`` are ``(seq, title)`` of every project in the disclosure (a
    project without findings scores 100). Returns the disclosure's result and
    one result per project, in the order given.
    """
    scheme = scheme or GradeScheme()
    by_project: dict[int | None, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_project[finding.project_seq].append(finding)
    project_results = []
    for seq, title in projects:
        found = by_project.get(seq, [])
        has_error = any(f.severity is Severity.ERROR for f in found)
        project_results.append(
            _result(
                deduction(found, scheme), has_error, scheme, project_seq=seq, project_title=title
            )
        )
    document_level = by_project.get(None, [])
    lost = deduction(document_level, scheme)
    if project_results:
        lost += sum(Decimal(100) - r.score for r in project_results) / len(project_results)
    has_error = any(f.severity is Severity.ERROR for fs in by_project.values() for f in fs)
    return _result(lost, has_error, scheme), tuple(project_results)
