"""The spending plan as a curve: cumulative percent of the budget by month end.

A 项目支出绩效目标表 prints its 资金支出计划 at four checkpoints, 3月底 / 6月底 / 10月底
/ 12月底 (``CHECKPOINT_MONTHS``). No published rule says how to read it between them
(RULES.md §7, confidence C); monitoring (财预〔2019〕136号, RULES.md §8) needs the share
planned at any month end, so jixiao reads the plan as a piecewise-linear curve (our
choice, C):

- it starts at (0, 0): nothing is planned before the year begins;
- each printed checkpoint is a point (month, cumulative %); a blank checkpoint is skipped,
  so the line runs straight from the checkpoint before it to the one after it;
- a :attr:`PlanKind.AMOUNT` checkpoint (cumulative amounts in the project's money unit,
  seed 003) becomes ``amount ÷ budget_total × 100`` with the budget in the same unit;
- 12月底 is 100 % when not printed (the year's budget is spent by year end); a printed
  12月底 is kept as printed, even when it is not 100;
- between two points the share grows linearly by month:
  ``v0 + (v1 − v0) × (month − m0) ÷ (m1 − m0)``; with a 30/60/90/100 plan, 7月底 is
  ``60 + (90 − 60) × 1/4 = 67.5``.

A plan with no usable checkpoint (none printed, or amounts with no budget to divide by)
gives no curve; :mod:`jixiao.evaluate.monitoring` then assumes an even pace
(:func:`even_share`). Values are not clamped or reordered: a plan that decreases or
passes 100 is a review finding (``jixiao.review.plan``), and monitoring compares
with what the unit printed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from jixiao.model import PlanKind, Project

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
EVEN_CURVE: tuple[tuple[int, Decimal], ...] = ((0, Decimal("0.00")), (12, Decimal("100.00")))
"""The curve assumed when a project prints no usable plan: an even pace over the year."""

_TWELVE = Decimal(12)


def percent(value: Decimal) -> Decimal:
    """``value`` rounded to 0.01 (ROUND_HALF_UP), as monitoring prints percentages."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1–12, got {month}")


def _budget_in_plan_unit(project: Project) -> Decimal | None:
    """``project.budget_total`` in the project's money unit (the unit of amount plans)."""
    total = project.budget_total
    if total is None or total.value is None or not total.value.is_finite():
        return None
    if project.money_unit is None:
        return total.value
    return total.in_unit(project.money_unit) if total.unit is not None else total.value


def plan_points(project: Project) -> tuple[tuple[int, Decimal], ...]:
    """The plan as exact (month, cumulative %) points from (0, 0) to (12, …).

    Blank checkpoints are skipped; amounts become percent of ``budget_total``; 12月底
    is 100 when not printed. Empty when the plan has no usable checkpoint. Values are
    not rounded (``Decimal`` division to 28 digits).
    """
    budget: Decimal | None = None
    budget_known = False
    by_month: dict[int, Decimal] = {}
    for checkpoint in project.spending_plan:
        value = checkpoint.value
        if value is None or not value.is_finite() or not 1 <= checkpoint.month <= 12:
            continue
        if checkpoint.kind is PlanKind.AMOUNT:
            if not budget_known:
                budget, budget_known = _budget_in_plan_unit(project), True
            if budget is None or budget <= 0:
                continue
            value = value * HUNDRED / budget
        by_month[checkpoint.month] = value
    if not by_month:
        return ()
    by_month.setdefault(12, HUNDRED)
    return ((0, Decimal(0)), *sorted(by_month.items()))


def share_at(points: tuple[tuple[int, Decimal], ...], month: int) -> Decimal:
    """The cumulative % at the end of ``month`` on a curve from :func:`plan_points`,
    interpolated linearly between its points (exact, not rounded)."""
    previous_month, previous_value = points[0]
    for point_month, point_value in points[1:]:
        if month <= point_month:
            if point_month == month:
                return point_value
            step = (point_value - previous_value) * (month - previous_month)
            return previous_value + step / (point_month - previous_month)
        previous_month, previous_value = point_month, point_value
    return previous_value


def even_share(month: int) -> Decimal:
    """The share an even pace gives at the end of ``month``: ``month ÷ 12 × 100``, to
    0.01 (7月底 → 58.33)."""
    _check_month(month)
    return percent(month * HUNDRED / _TWELVE)


def planned_share(project: Project, month: int) -> Decimal | None:
    """The plan's cumulative share (%) of the budget at the end of ``month`` (1–12).

    Interpolated linearly between (0, 0) and the printed checkpoints (see the module
    docstring; RULES.md §7, C) and rounded to 0.01: a 30/60/90/100 plan gives 10.00 at
    1月底, 40.00 at 4月底, 67.50 at 7月底. ``None`` when the project prints no usable
    plan (monitoring then assumes :func:`even_share`). Raises ``ValueError`` for a
    month outside 1–12.
    """
    _check_month(month)
    points = plan_points(project)
    if not points:
        return None
    return percent(share_at(points, month))


def plan_curve(project: Project) -> tuple[tuple[int, Decimal], ...]:
    """The plan as (month, cumulative %) points from (0, 0), for charts.

    The points of :func:`plan_points` with values rounded to 0.01; empty when the
    project prints no usable plan.
    """
    return tuple((month, percent(value)) for month, value in plan_points(project))
