"""Turning a rule's hits into findings, and the small helpers rules share."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from jixiao.model import Finding, Severity

if TYPE_CHECKING:
    from jixiao.review.registry import Hit, Rule


def finding_from_hit(rule: Rule, found: Hit, severity: Severity) -> Finding:
    """The :class:`Finding` for one hit of ``rule``: message rendered from the
    rule's template, location defaulting to the indicator's, then the project's."""
    location = found.location
    if location is None and found.indicator is not None:
        location = found.indicator.location
    if location is None and found.project is not None:
        location = found.project.location
    return Finding(
        rule=rule.id,
        severity=severity,
        message=rule.render(found.fields),
        location=location,
        quote=found.quote,
        fields=tuple((name, field_text(value)) for name, value in found.fields.items()),
        family=rule.family,
        project_seq=None if found.project is None else found.project.seq,
        project_title=None if found.project is None else found.project.title,
        indicator_index=None if found.indicator is None else found.indicator.index,
        indicator_name=None if found.indicator is None else found.indicator.level3,
        code=found.code,
    )


def field_text(value: object) -> str:
    """How a message field is shown: ``str()``, except decimals without exponent."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
