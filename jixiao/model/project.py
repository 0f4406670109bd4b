"""Project performance-target tables (项目支出绩效目标表)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.model.indicator import Indicator
from jixiao.model.location import Location
from jixiao.model.money import Money, MoneyUnit

CHECKPOINT_MONTHS = (3, 6, 10, 12)  # 3月底 / 6月底 / 10月底 / 12月底


class PlanKind(StrEnum):
    """How a spending-plan value is meant (RULES.md §7)."""

    PERCENT = "percent"  # cumulative share of the budget, in %
    AMOUNT = "amount"  # cumulative amount, in the project's money unit


@dataclass(frozen=True, slots=True, kw_only=True)
class SpendingCheckpoint:
    """One checkpoint of the spending plan (资金支出计划).

    ``value`` is ``None`` for a blank cell. ``kind`` says whether the value is a
    cumulative percent or a cumulative amount in the project's money unit (an
    amount plan printed under a % header, as in seed 003); ``None`` when blank.
    """

    month: int
    raw: str
    value: Decimal | None
    kind: PlanKind | None
    location: Location | None = None


class TargetScope(StrEnum):
    """Whose targets a 绩效目标表 sets: one project's, or the whole department's
    (部门整体支出绩效目标表, Sichuan's 部门整体预算绩效表). Targets are set at three levels,
    部门整体, 专项资金 and 预算项目 (《河北省省级部门预算绩效管理办法》, RULES.md); a
    部门整体 form prints the same budget block and indicator tree as a project's, so it
    is read as a :class:`Project` with this scope (its ``seq`` is 0: it is not numbered
    among the projects)."""

    PROJECT = "project"
    DEPARTMENT = "department"


@dataclass(frozen=True, slots=True, kw_only=True)
class Project:
    """A 项目支出绩效目标表.

    ``seq`` is the number printed before the title; ``title`` the title as printed.
    ``project_name`` is the printed 项目名称, or, where the table prints none, the
    title without its number and its ``绩效目标表`` suffix. Budget amounts are in
    ``money_unit`` (the table's ``单位：元/万元``, or the document's when the table
    prints none). ``goals`` are the numbered goal sentences (绩效目标), numbers kept.
    ``scope`` is :attr:`TargetScope.DEPARTMENT` for a 部门整体 form.
    """

    seq: int
    title: str
    project_name: str
    project_code: str | None
    money_unit: MoneyUnit | None
    budget_total: Money | None
    budget_fiscal: Money | None
    budget_other: Money | None
    purpose: str | None
    spending_plan: tuple[SpendingCheckpoint, ...]
    goals: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    unit_code: str | None = None
    unit_name: str | None = None
    scope: TargetScope = TargetScope.PROJECT
    location: Location | None = None
