"""The plain-text form of findings: one printer for reader notes and rule findings."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.model import Finding, Severity
from jixiao.review.runner import ReviewResult


def subject(finding: Finding) -> str:
    """What a finding is about, in Chinese: ``项目3 第5项指标「…」 科目2010350``."""
    parts = []
    if finding.project_seq is not None:
        parts.append(f"项目{finding.project_seq}")
    if finding.indicator_index is not None:
        name = f"「{finding.indicator_name}」" if finding.indicator_name else ""
        parts.append(f"第{finding.indicator_index}项指标{name}")
    if finding.code:
        parts.append(f"科目{finding.code}")
    return " ".join(parts)


def format_finding(finding: Finding) -> str:
    """One finding as text: where, severity, rule, what it is about, the message,
    and the quoted text on a second line::

        001.txt:412 部门预算支出总表 第3行  错误 [sum-mismatch] 科目201 上级科目…
            原文：「4,131.67」
    """
    where = str(finding.location) if finding.location is not None else "（全文）"
    about = subject(finding)
    head = f"{where}  {finding.severity.label} [{finding.rule}] "
    head += f"{about}：{finding.message}" if about else finding.message
    if finding.quote:
        head += f"\n    原文：「{finding.quote}」"
    return head


def format_review(result: ReviewResult, findings: Iterable[Finding] | None = None) -> str:
    """A review as text: the document line, its grade, then every finding."""
    d = result.disclosure
    lines = [
        f"{d.source.path}：{d.unit_code} {d.unit_name} {d.fiscal_year}年 — "
        f"审核结果 {result.grade.grade.label}（{result.grade.score}分），"
        + "，".join(f"{s.label} {result.count(s)}" for s in _SEVERITIES),
    ]
    lines.extend(format_finding(f) for f in (result.findings if findings is None else findings))
    return "\n".join(lines)


_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
