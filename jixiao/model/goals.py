"""The unit-wide goals section (部门整体绩效目标)."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.model.location import Location


@dataclass(frozen=True, slots=True, kw_only=True)
class SubGoal:
    """One 分项绩效目标: its title, its 绩效目标 text and its 绩效指标 text.

    Documents print these three ways: ``标题`` / ``绩效目标：…`` / ``绩效指标：…`` lines;
    ``1.标题：目标`` on one line; or a numbered sentence with no title (``title`` is
    then empty and the sentence is the ``goal``).
    """

    seq: str | None
    title: str
    goal: str | None
    indicators_text: str | None
    location: Location | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DepartmentGoals:
    """总体绩效目标, 分项绩效目标 and 工作保障措施 of a disclosure."""

    overall_goal: str
    sub_goals: tuple[SubGoal, ...]
    safeguards: tuple[str, ...]
    location: Location | None = None
