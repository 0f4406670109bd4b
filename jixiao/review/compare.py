"""Comparing two reviews of a unit's year: which findings are new, which were resolved.

Line numbers move when a unit corrects its document, so findings are matched by
what they are about — rule, project, indicator, row code, table and quoted text —
not by where they were printed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from jixiao.model import Finding

FindingKey = tuple[str, int | None, str | None, int | None, str | None, str | None, str | None]


def finding_key(finding: Finding) -> FindingKey:
    """What identifies a finding across versions of a document."""
    table = finding.location.table if finding.location is not None else None
    return (
        finding.rule,
        finding.project_seq,
        finding.indicator_name,
        finding.indicator_index,
        finding.code,
        table,
        finding.quote,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewComparison:
    """Findings of a later review against an earlier one: ``added`` (only in the
    later), ``resolved`` (only in the earlier) and the number ``kept`` (in both)."""

    added: tuple[Finding, ...]
    resolved: tuple[Finding, ...]
    kept: int


def compare_findings(earlier: Iterable[Finding], later: Iterable[Finding]) -> ReviewComparison:
    """Match ``later`` findings against ``earlier`` ones by :func:`finding_key`;
    repeated keys are matched one for one."""
    earlier, later = list(earlier), list(later)
    remaining = Counter(finding_key(f) for f in earlier)
    added = []
    kept = 0
    for finding in later:
        key = finding_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            kept += 1
        else:
            added.append(finding)
    resolved = []
    for finding in reversed(earlier):
        key = finding_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            resolved.append(finding)
    return ReviewComparison(added=tuple(added), resolved=tuple(reversed(resolved)), kept=kept)
