"""Actuals (执行情况): what a unit reports against its plan and targets during the year
(绩效运行监控, "双监控", 财预〔2019〕136号) and at year end (绩效自评, 财预〔2020〕10号).

One :class:`ActualsReport` is what a unit filed for one fiscal year and one period: its
projects' spending to the period's end, by source of funds, and for each indicator the
value reached, the projected year-end value, the likelihood of meeting the target and
the reasons for any deviation. Raw text is kept beside every parsed value, as in the
rest of the model; the enumerations are those of RULES.md §8 and §9.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from jixiao.model.location import Location
from jixiao.model.money import Money, MoneyUnit
from jixiao.model.target import TargetValue


class ActualsKind(StrEnum):
    """What a report is for."""

    MONITORING = "monitoring"  # 绩效运行监控 at a month end (136号)
    SELF_EVALUATION = "self_evaluation"  # 绩效自评 at year end (10号)

    @property
    def label(self) -> str:
        """The Chinese name: 绩效运行监控 or 绩效自评."""
        return "绩效运行监控" if self is ActualsKind.MONITORING else "绩效自评"


class Likelihood(StrEnum):
    """完成目标可能性 (136号 monitoring table; RULES.md §8)."""

    CERTAIN = "certain"  # 确定能
    POSSIBLE = "possible"  # 有可能
    IMPOSSIBLE = "impossible"  # 完全不可能

    @property
    def label(self) -> str:
        """The Chinese label printed in the monitoring table."""
        return _LIKELIHOOD_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> Likelihood | None:
        """The likelihood printed as ``text`` (label or value); ``None`` when not one."""
        return _enum_from_label(cls, _LIKELIHOOD_LABELS, text)


class DeviationCause(StrEnum):
    """偏差原因 kinds (RULES.md §8)."""

    FUNDING = "funding"  # 经费保障
    INSTITUTIONAL = "institutional"  # 制度保障
    STAFFING = "staffing"  # 人员保障
    HARDWARE = "hardware"  # 硬件保障
    OTHER = "other"  # 其他

    @property
    def label(self) -> str:
        """The Chinese label printed in the monitoring table."""
        return _CAUSE_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> DeviationCause | None:
        """The cause printed as ``text`` (label or value); ``None`` when not one."""
        return _enum_from_label(cls, _CAUSE_LABELS, text)


class Achievement(StrEnum):
    """The band a qualitative indicator is judged in (10号 practice; RULES.md §9):
    达成 80–100 % of its points, 部分达成 60–80 %, 未达成 0–60 %."""

    ACHIEVED = "achieved"  # 达成年度指标
    PARTLY = "partly"  # 部分达成并具有一定效果
    NOT_ACHIEVED = "not_achieved"  # 未达成且效果较差

    @property
    def label(self) -> str:
        """The short Chinese label: 达成, 部分达成 or 未达成."""
        return _ACHIEVEMENT_LABELS[self]

    @property
    def long_label(self) -> str:
        """The wording of the 10号 band (达成年度指标 …)."""
        return _ACHIEVEMENT_LONG_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> Achievement | None:
        """The band printed as ``text`` (short or long label, or value)."""
        found = _enum_from_label(cls, _ACHIEVEMENT_LONG_LABELS, text)
        return found or _enum_from_label(cls, _ACHIEVEMENT_LABELS, text)


class FundingSource(StrEnum):
    """The rows of the 项目资金 block of the 自评表 (RULES.md §9)."""

    TOTAL = "total"  # 年度资金总额
    FISCAL = "fiscal"  # 财政拨款
    CARRIED_OVER = "carried_over"  # 上年结转
    OTHER = "other"  # 其他资金

    @property
    def label(self) -> str:
        """The Chinese row label."""
        return _SOURCE_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> FundingSource | None:
        """The source printed as ``text`` (label or value); ``None`` when not one."""
        return _enum_from_label(cls, _SOURCE_LABELS, text)


_E = TypeVar("_E", bound=StrEnum)

_LIKELIHOOD_LABELS = {
    Likelihood.CERTAIN: "确定能",
    Likelihood.POSSIBLE: "有可能",
    Likelihood.IMPOSSIBLE: "完全不可能",
}
_CAUSE_LABELS = {
    DeviationCause.FUNDING: "经费保障",
    DeviationCause.INSTITUTIONAL: "制度保障",
    DeviationCause.STAFFING: "人员保障",
    DeviationCause.HARDWARE: "硬件保障",
    DeviationCause.OTHER: "其他",
}
_ACHIEVEMENT_LABELS = {
    Achievement.ACHIEVED: "达成",
    Achievement.PARTLY: "部分达成",
    Achievement.NOT_ACHIEVED: "未达成",
}
_ACHIEVEMENT_LONG_LABELS = {
    Achievement.ACHIEVED: "达成年度指标",
    Achievement.PARTLY: "部分达成并具有一定效果",
    Achievement.NOT_ACHIEVED: "未达成且效果较差",
}
_SOURCE_LABELS = {
    FundingSource.TOTAL: "年度资金总额",
    FundingSource.FISCAL: "财政拨款",
    FundingSource.CARRIED_OVER: "上年结转",
    FundingSource.OTHER: "其他资金",
}


def _enum_from_label(cls: type[_E], labels: dict[_E, str], text: str) -> _E | None:
    compact = "".join(text.split())
    for member, label in labels.items():
        if compact in (label, member.value):
            return member
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class FundingActual:
    """One row of the 项目资金 block: a source of funds, its budget and what was spent.

    Amounts are :class:`Money` in the project's money unit (元 or 万元), raw text kept.
    ``budget_initial`` is the 年初预算数, ``budget_adjusted`` the 全年预算数 after
    in-year adjustments, ``spent`` the cumulative 执行数 to the period's end (1–N月执行数
    when monitoring, 全年执行数 at year end) and ``projected`` the 全年预计执行数
    (monitoring only). Any may be ``None`` when the unit left the cell blank.
    """

    source: FundingSource
    budget_initial: Money | None = None
    budget_adjusted: Money | None = None
    spent: Money | None = None
    projected: Money | None = None
    location: Location | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorActual:
    """What a unit reports for one indicator of a project.

    - ``indicator_index`` is the indicator's 1-based index in its project's target table
      (``Indicator.index``); ``level3`` its 三级指标 name as the template printed it, to
      check the row still belongs to that indicator.
    - ``actual``: 1–N月完成情况 (monitoring) or 实际完成值 (self-evaluation), read like a
      target (raw kept, ``TargetValue``); ``None`` when left blank.
    - ``projected``: 全年预计完成情况 (monitoring).
    - ``likelihood``: 完成目标可能性; ``deviation_causes`` the ticked 偏差原因 kinds and
      ``deviation_note`` the free text (偏差原因 / 偏差原因分析); ``improvement`` the
      改进措施; ``remark`` the 备注.
    - ``achievement``: for a qualitative indicator, the band the unit judged it in.
    - ``weight``: the 分值 (points) the unit set for it, when it set one;
      ``claimed_score``: the 得分 the unit entered or printed itself (kept to compare
      with jixiao's score, never trusted in its place).
    """

    indicator_index: int
    level3: str
    actual: TargetValue | None = None
    projected: TargetValue | None = None
    likelihood: Likelihood | None = None
    deviation_causes: tuple[DeviationCause, ...] = ()
    deviation_note: str | None = None
    improvement: str | None = None
    remark: str | None = None
    achievement: Achievement | None = None
    weight: Decimal | None = None
    claimed_score: Decimal | None = None
    location: Location | None = None

    @property
    def has_deviation_reason(self) -> bool:
        """True when any reason for a deviation was given (a kind or words)."""
        return bool(self.deviation_causes) or bool(
            self.deviation_note and self.deviation_note.strip()
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectActuals:
    """What a unit reports for one project (项目支出).

    ``project_seq`` and ``project_name`` identify the project of the disclosure
    (``Project.seq``, ``Project.project_name``); ``money_unit`` is the unit of every
    amount in ``funding``. ``goal_achieved`` is the 实际完成情况 written against the
    年度总体目标; ``execution_note`` the reason given for spending behind plan
    (预算执行偏差原因).
    """

    project_seq: int
    project_name: str
    money_unit: MoneyUnit | None
    funding: tuple[FundingActual, ...] = ()
    indicators: tuple[IndicatorActual, ...] = ()
    project_code: str | None = None
    goal_achieved: str | None = None
    execution_note: str | None = None
    location: Location | None = None

    def funding_for(self, source: FundingSource) -> FundingActual | None:
        """The funding row of ``source``, if the unit reported one."""
        for row in self.funding:
            if row.source is source:
                return row
        return None

    def indicator(self, index: int) -> IndicatorActual | None:
        """The actual reported for indicator ``index`` (1-based), if any."""
        for actual in self.indicators:
            if actual.indicator_index == index:
                return actual
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActualsReport:
    """Everything a unit filed for one fiscal year and period.

    ``period_month`` is the month whose end the figures run to (1–12; a
    self-evaluation is at 12). ``entered_by`` and ``entered_at`` say who filed it and
    when; ``source_path`` and ``sha256`` the file it was read from, when it came from
    one; ``disclosure_sha256`` the disclosure the template was made from.
    """

    unit_code: str
    unit_name: str
    fiscal_year: int
    kind: ActualsKind
    period_month: int
    projects: tuple[ProjectActuals, ...]
    entered_by: str | None = None
    entered_at: dt.datetime | None = None
    source_path: str | None = None
    sha256: str | None = None
    disclosure_sha256: str | None = None

    def project(self, seq: int) -> ProjectActuals | None:
        """The actuals of project ``seq``, if reported."""
        for project in self.projects:
            if project.project_seq == seq:
                return project
        return None
