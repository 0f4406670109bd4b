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

    @property
    def label(self) -> str:
        """The Chinese label users read: 错误 / 警告 / 提示."""
        return _SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info (for ``--fail-on`` comparisons)."""
        return _SEVERITY_RANKS[self]


_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_SEVERITY_RANKS = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


class Grade(StrEnum):
    """A review or evaluation grade (优/良/中/差), 财预〔2015〕88号 (审核结果) and
    财预〔2020〕10号 (评价等级)."""

    EXCELLENT = "excellent"  # 优
    GOOD = "good"  # 良
    FAIR = "fair"  # 中
    POOR = "poor"  # 差

    @property
    def label(self) -> str:
        """The Chinese grade: 优, 良, 中 or 差."""
        return _GRADE_LABELS[self]


_GRADE_LABELS = {Grade.EXCELLENT: "优", Grade.GOOD: "良", Grade.FAIR: "中", Grade.POOR: "差"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One problem found, located and explained in Chinese.

    ``message`` is already rendered; ``fields`` keep the named values it was
    rendered from (expected, actual …) so reports need not parse text. ``quote``
    is the raw text the finding is about. ``family`` is the rule's family tag
    (``arithmetic``, ``target`` … ``ingest`` for reader notes).

    Besides the place in the file (``location``), a finding names what it is
    about: the project (``project_seq`` as printed before its title, and
    ``project_title``), the indicator (``indicator_index``, 1-based in its
    project's table, and ``indicator_name``, the 三级指标) and the row's
    classification ``code`` (``2010350``) where one applies.
    """

    rule: str
    severity: Severity
    message: str
    location: Location | None = None
    quote: str | None = None
    fields: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    family: str | None = None
    project_seq: int | None = None
    project_title: str | None = None
    indicator_index: int | None = None
    indicator_name: str | None = None
    code: str | None = None

    def field_value(self, name: str) -> str | None:
        """The value of the named field, ``None`` when the finding has none."""
        for key, value in self.fields:
            if key == name:
                return value
        return None
