"""Findings: problems in the input, review results and scoring remarks share one type."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from jixiao.model.location import Location


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One problem found, located and explained in Chinese.

    ``message`` is already rendered; ``fields`` keep the named values it was
    rendered from (expected, actual …) so reports need not parse text. ``quote``
    is the raw text the finding is about.
    """

    rule: str
    severity: Severity
    message: str
    location: Location | None = None
    quote: str | None = None
    fields: tuple[tuple[str, str], ...] = field(default_factory=tuple)
