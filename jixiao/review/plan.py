"""Review rules: the spending plan (资金支出计划, RULES.md §7).

A 项目支出绩效目标表 of the Hebei layouts prints a row ``资金支出计划（%）`` with four
checkpoints, 3月底 / 6月底 / 10月底 / 12月底. No published rule defines the row;
jixiao reads it as the cumulative share of the project's budget spent by each
checkpoint (RULES.md §7, confidence C): every value in 0–100, never decreasing,
100 at 12月底. Some units print cumulative amounts under the % header instead
(seed 003: ``5.00 10.00 20.00 35.00`` for a 35.00万元 budget); the reader marks
those :attr:`PlanKind.AMOUNT`, and the same checks then run against the budget.

A blank checkpoint before the first printed value reads as "nothing planned yet"
(seed 002 prints only ``12月底 100.00`` for small yearly payments) and is not a
finding; a blank after a printed value, or a blank 12月底, leaves the plan open.
One layout (seed 001) prints no plan at all: that is a note about the document,
not a fault of each project.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from jixiao.model import (
    Disclosure,
    Location,
    PlanKind,
    Project,
    Severity,
    SpendingCheckpoint,
)
from jixiao.review.precision import half_unit
from jixiao.review.registry import Hit, hit, rule

_HALF_ONE = Decimal("0.5")  # no printed value: a whole unit's rounding

_REFERENCE = "RULES.md §7（jixiao practice）"
_HUNDRED = Decimal(100)
_PERCENT_TOLERANCE = Decimal("0.5")  # percent plans print whole numbers or two decimals
_BLANKS = frozenset({"", "-", "—", "－", "/", "／", "--", "——", "无"})
"""Cell texts that mean "nothing here": a blank cell or a dash."""


def _label(month: int) -> str:
    return f"{month}月底"


def _has_value(checkpoint: SpendingCheckpoint) -> bool:
    return checkpoint.value is not None and checkpoint.value.is_finite()


def _is_blank(checkpoint: SpendingCheckpoint) -> bool:
    return not _has_value(checkpoint) and checkpoint.raw.strip() in _BLANKS


def _checkpoints(project: Project) -> list[SpendingCheckpoint]:
    """The plan's checkpoints in month order."""
    return sorted(project.spending_plan, key=lambda c: c.month)


def _valued(project: Project) -> list[SpendingCheckpoint]:
    return [c for c in _checkpoints(project) if _has_value(c)]


def _kind(valued: Sequence[SpendingCheckpoint]) -> PlanKind:
    """The plan's kind (the reader gives one kind to a whole row)."""
    for checkpoint in valued:
        if checkpoint.kind is not None:
            return checkpoint.kind
    return PlanKind.PERCENT


def _shown(checkpoint: SpendingCheckpoint) -> str:
    """``3月底 25%`` — the checkpoint with its value as printed."""
    return f"{_label(checkpoint.month)} {checkpoint.raw.strip()}"


def _listing(checkpoints: Sequence[SpendingCheckpoint]) -> str:
    return "、".join(_shown(c) for c in checkpoints)


def _location(project: Project, checkpoints: Sequence[SpendingCheckpoint]) -> Location | None:
    for checkpoint in checkpoints:
        if checkpoint.location is not None:
            return checkpoint.location
    return project.location


def _quote(project: Project) -> str:
    """The plan row as printed: ``25% 50% 75% 100%`` (blanks as ``（空）``)."""
    return " ".join(c.raw.strip() or "（空）" for c in _checkpoints(project))


def _unit_label(project: Project) -> str:
    if project.money_unit is not None:
        return project.money_unit.label
    if project.budget_total is not None and project.budget_total.unit is not None:
        return project.budget_total.unit.label
    return ""


def _budget(project: Project) -> Decimal | None:
    """The budget in the project's money unit (the unit its plan amounts use).

    Converting between 元 and 万元 shifts the decimal point and keeps the printed
    precision (``35.00`` 万元 → ``3.500E+5`` 元, good to 100 元), so the rounding
    tolerance stays that of the printing.
    """
    total = project.budget_total
    if total is None or total.value is None or not total.value.is_finite():
        return None
    if project.money_unit is None or total.unit is None or total.unit is project.money_unit:
        return total.value
    ratio = total.unit.yuan_per_unit / project.money_unit.yuan_per_unit
    return total.value.scaleb(ratio.adjusted())


def _half_unit(*values: Decimal) -> Decimal:
    """Half a unit of the last printed digit of the coarsest of ``values``
    (``53.49`` against ``53.4857`` → 0.005): the rounding two printings allow."""
    return max((half_unit(v) for v in values), default=_HALF_ONE)


def _limit(kind: PlanKind, budget: Decimal | None) -> Decimal | None:
    """What the plan must end at: 100 for a percent plan, the budget for amounts."""
    return _HUNDRED if kind is PlanKind.PERCENT else budget


def _tolerance(kind: PlanKind, *values: Decimal) -> Decimal:
    if kind is PlanKind.PERCENT:
        return _PERCENT_TOLERANCE
    return _half_unit(*values)


def _per_period(project: Project) -> tuple[PlanKind, list[Decimal]] | None:
    """The cumulative reading of a plan printed per period, when it is one.

    A plan whose values add up to the limit (100 %, or the budget) while its
    12月底 value is not the limit was filled with each period's share, not the
    running total (``25 25 25 25``). Returns the kind and the running totals.
    """
    valued = _valued(project)
    if len(valued) < 2 or valued[-1].month != 12:
        return None
    values = [c.value for c in valued if c.value is not None]
    kind = _kind(valued)
    limit = _HUNDRED if kind is PlanKind.PERCENT else _budget(project)
    if limit is None or abs(values[-1] - limit) <= _tolerance(kind, limit, *values):
        return None  # ends where it should: read as printed
    if abs(sum(values) - limit) > _tolerance(kind, limit, *values):
        bare = not any("%" in c.raw or "％" in c.raw for c in valued)
        budget = _budget(project)
        if not (kind is PlanKind.PERCENT and bare and budget is not None):
            return None
        # Bare numbers: per-period amounts that add up to the budget are read as
        # percent (the reader calls a row amounts only when it ends at the budget).
        kind = PlanKind.AMOUNT
        if abs(sum(values) - budget) > _tolerance(kind, budget, *values):
            return None
    running, total = [], Decimal(0)
    for value in values:
        total += value
        running.append(total)
    return kind, running


def _budget_shown(project: Project) -> str:
    """``预算数35.00万元`` as printed, or ``预算数`` when none is printed."""
    total = project.budget_total
    if total is None or total.value is None:
        return "预算数"
    unit = total.unit.label if total.unit is not None else _unit_label(project)
    return f"预算数{total.raw.strip()}{unit}"


def _number(value: Decimal) -> str:
    return format(value, "f")


@rule(
    "plan-not-printed",
    Severity.INFO,
    "项目支出绩效目标表未列资金支出计划",
    tags=("plan",),
    reference=_REFERENCE,
    message="本文件{count}个项目支出绩效目标表均未列资金支出计划（3月底、6月底、10月底、12月底）",
    example={"count": 18},
)
def plan_not_printed(disclosure: Disclosure) -> Iterator[Hit]:
    """The document's project tables print no spending plan at all (RULES.md §7, C).

    Some layouts (seed 001) have no 资金支出计划 row: that is a note on the
    document, given once, so that monitoring knows it has no plan to compare
    execution with; it needs no action from the unit.
    """
    projects = disclosure.projects
    if not projects or any(_valued(p) for p in projects):
        return
    first = projects[0].location
    location = None
    if first is not None:
        location = Location(file=first.file, line=first.line, page=first.page)
    yield hit(location=location, count=len(projects))


@rule(
    "plan-missing",
    Severity.WARNING,
    "项目未列资金支出计划",
    tags=("plan",),
    reference=_REFERENCE,
    message="本项目未填资金支出计划，而本文件其他{others}个项目填有",
    example={"others": 5},
)
def plan_missing(disclosure: Disclosure) -> Iterator[Hit]:
    """A project prints no spending-plan value while others of the document do
    (RULES.md §7, C): the row was left empty, so monitoring (财预〔2019〕136号)
    has nothing to measure this project's execution against."""
    with_plan = sum(1 for p in disclosure.projects if _valued(p))
    if not with_plan:
        return
    for project in disclosure.projects:
        if not _valued(project):
            yield hit(project=project, quote=_quote(project) or None, others=with_plan)


@rule(
    "plan-blank-checkpoint",
    Severity.WARNING,
    "资金支出计划有空项",
    tags=("plan",),
    reference=_REFERENCE,
    message="资金支出计划{blank}未填（已填：{printed}），累计计划应逐期填至12月底",
    example={"blank": "6月底、10月底、12月底", "printed": "3月底 100%"},
)
def plan_blank_checkpoint(disclosure: Disclosure) -> Iterator[Hit]:
    """A checkpoint left blank after an earlier value, or a blank 12月底
    (RULES.md §7, C).

    A cumulative plan carries its total forward: ``100%`` at 3月底 is still
    ``100%`` at 12月底, and a blank there leaves the year's plan unstated. Blanks
    before the first value read as nothing planned yet and are not reported.
    """
    for project in disclosure.projects:
        checkpoints = _checkpoints(project)
        valued = [c for c in checkpoints if _has_value(c)]
        if not valued:
            continue
        first = valued[0].month
        blank = [_label(c.month) for c in checkpoints if c.month > first and _is_blank(c)]
        if not any(c.month == 12 for c in checkpoints) and "12月底" not in blank:
            blank.append("12月底")
        if blank:
            yield hit(
                project=project,
                location=_location(project, checkpoints),
                quote=_quote(project),
                blank="、".join(blank),
                printed=_listing(valued),
            )


@rule(
    "plan-value-unreadable",
    Severity.WARNING,
    "资金支出计划的值无法识别",
    tags=("plan",),
    reference=_REFERENCE,
    message="资金支出计划{checkpoint}填列「{raw}」，不是数值",
    example={"checkpoint": "6月底", "raw": "按进度"},
)
def plan_value_unreadable(disclosure: Disclosure) -> Iterator[Hit]:
    """A checkpoint printing text that is not a number (RULES.md §7, C): the
    plan cannot be read, so neither monitoring nor the other plan checks can use
    it. Dashes (``—``, ``/``) count as blanks."""
    for project in disclosure.projects:
        for checkpoint in _checkpoints(project):
            if not _has_value(checkpoint) and not _is_blank(checkpoint):
                yield hit(
                    project=project,
                    location=checkpoint.location or project.location,
                    quote=checkpoint.raw,
                    checkpoint=_label(checkpoint.month),
                    raw=checkpoint.raw.strip(),
                )


@rule(
    "plan-value-out-of-range",
    Severity.ERROR,
    "资金支出计划超出0～100%（或预算数）",
    tags=("plan",),
    reference=_REFERENCE,
    message="资金支出计划{where}超出范围，累计支出应在0～{limit}之间",
    example={"where": "12月底 120%", "limit": "100%"},
)
def plan_value_out_of_range(disclosure: Disclosure) -> Iterator[Hit]:
    """A cumulative share below 0 % or above 100 %, or a cumulative amount below
    zero or above the project's budget (RULES.md §7): no plan can spend more
    than the budget or less than nothing. For an amount plan the 12月底 value is
    left to ``plan-amount-not-at-budget``."""
    for project in disclosure.projects:
        valued = _valued(project)
        if not valued:
            continue
        kind = _kind(valued)
        budget = _budget(project)
        limit = _limit(kind, budget)
        outside = [c for c in valued if _outside(c, kind, limit)]
        if outside:
            shown_limit = "100%" if kind is PlanKind.PERCENT else _budget_shown(project)
            yield hit(
                project=project,
                location=_location(project, outside),
                quote=_quote(project),
                where=_listing(outside),
                limit=shown_limit,
            )


def _outside(checkpoint: SpendingCheckpoint, kind: PlanKind, limit: Decimal | None) -> bool:
    value = checkpoint.value
    if value is None:
        return False
    if value < 0:
        return True
    if kind is PlanKind.PERCENT:
        return value > _HUNDRED
    # The 12月底 amount is judged against the budget by plan-amount-not-at-budget.
    return limit is not None and checkpoint.month != 12 and value - limit > _half_unit(value, limit)


@rule(
    "plan-not-cumulative",
    Severity.ERROR,
    "资金支出计划应逐期累计",
    tags=("plan",),
    reference=_REFERENCE,
    message="资金支出计划应为逐期累计数，但{pairs}",
    example={"pairs": "10月底 40% 低于 6月底 50%"},
)
def plan_not_cumulative(disclosure: Disclosure) -> Iterator[Hit]:
    """A checkpoint below an earlier one (RULES.md §7, C): money spent by 10月底
    includes what was spent by 6月底, so a cumulative plan never decreases.
    A plan printed per period (its values add up to 100 %) is reported by
    ``plan-per-period`` instead."""
    for project in disclosure.projects:
        valued = _valued(project)
        if len(valued) < 2:
            continue
        pairs = []
        highest = valued[0]
        for checkpoint in valued[1:]:
            assert checkpoint.value is not None and highest.value is not None
            if checkpoint.value < highest.value:
                pairs.append(f"{_shown(checkpoint)} 低于 {_shown(highest)}")
            else:
                highest = checkpoint
        if pairs and _per_period(project) is None:
            yield hit(
                project=project,
                location=_location(project, valued),
                quote=_quote(project),
                pairs="；".join(pairs),
            )


@rule(
    "plan-per-period",
    Severity.WARNING,
    "资金支出计划按分期数填列",
    tags=("plan",),
    reference=_REFERENCE,
    message=(
        "资金支出计划各期之和等于{limit}而12月底仅为{last}，似按当期数而非累计数填列；"
        "按累计理解为{cumulative}"
    ),
    example={"limit": "100%", "last": "25%", "cumulative": "25%、50%、75%、100%"},
)
def plan_per_period(disclosure: Disclosure) -> Iterator[Hit]:
    """A plan filled with each period's share instead of the running total
    (RULES.md §7, C): ``25 25 25 25`` adds up to 100 % but reads, as printed, as
    25 % spent by the year's end. Reported once, with its cumulative reading;
    ``plan-not-cumulative`` and ``plan-incomplete`` stay silent on it."""
    for project in disclosure.projects:
        reading = _per_period(project)
        if reading is None:
            continue
        kind, running = reading
        valued = _valued(project)
        if kind is PlanKind.PERCENT:
            suffix, limit = "%", "100%"
        else:
            suffix, limit = _unit_label(project), _budget_shown(project)
        yield hit(
            project=project,
            location=_location(project, valued),
            quote=_quote(project),
            limit=limit,
            last=valued[-1].raw.strip(),
            cumulative="、".join(f"{_number(v)}{suffix}" for v in running),
        )


@rule(
    "plan-incomplete",
    Severity.ERROR,
    "资金支出计划12月底应达到100%",
    tags=("plan",),
    reference=_REFERENCE,
    message="资金支出计划12月底累计为{last}，未达到100%，与本表预算数不符",
    example={"last": "80%"},
)
def plan_incomplete(disclosure: Disclosure) -> Iterator[Hit]:
    """A percent plan whose 12月底 value is below 100 % (RULES.md §7, C): the
    table budgets the whole year's money, so the plan must place all of it by
    the year's end; a plan that leaves part of it unplaced contradicts the
    budget printed beside it. (Above 100 % is ``plan-value-out-of-range``; a
    blank 12月底 is ``plan-blank-checkpoint``; amounts are checked by
    ``plan-amount-not-at-budget``.)"""
    for project in disclosure.projects:
        valued = _valued(project)
        if not valued or valued[-1].month != 12 or _kind(valued) is not PlanKind.PERCENT:
            continue
        last = valued[-1].value
        assert last is not None
        if 0 <= last < _HUNDRED - _PERCENT_TOLERANCE and _per_period(project) is None:
            yield hit(
                project=project,
                location=_location(project, valued),
                quote=_quote(project),
                last=valued[-1].raw.strip(),
            )


@rule(
    "plan-amount-under-percent-header",
    Severity.WARNING,
    "资金支出计划以金额填列在百分比表头下",
    tags=("plan",),
    reference=_REFERENCE,
    message=(
        "资金支出计划表头为百分比（%），填列的却是累计金额（{printed}）；"
        "按{budget}折算，累计支出比例为{percents}"
    ),
    example={
        "printed": "3月底 5.00、6月底 10.00、10月底 20.00、12月底 35.00",
        "budget": "预算数35.00万元",
        "percents": "14.3%、28.6%、57.1%、100%",
    },
)
def plan_amount_under_percent_header(disclosure: Disclosure) -> Iterator[Hit]:
    """Cumulative amounts printed in the ``资金支出计划（%）`` row (RULES.md §7,
    seed 003): a reader takes ``35.00`` for 35 %. jixiao reads the row as
    amounts in the project's money unit and gives the shares they mean."""
    for project in disclosure.projects:
        valued = _valued(project)
        if not valued or _kind(valued) is not PlanKind.AMOUNT:
            continue
        budget = _budget(project)
        if budget is None or budget <= 0:
            percents = "无法折算（未列预算数）"
        else:
            percents = "、".join(_percent(c.value, budget) for c in valued if c.value is not None)
        yield hit(
            project=project,
            location=_location(project, valued),
            quote=_quote(project),
            printed=_listing(valued),
            budget=_budget_shown(project),
            percents=percents,
        )


def _percent(value: Decimal, budget: Decimal) -> str:
    share = (value * _HUNDRED / budget).quantize(Decimal("0.1"))
    text = format(share, "f")
    return (text[:-2] if text.endswith(".0") else text) + "%"


@rule(
    "plan-amount-not-at-budget",
    Severity.ERROR,
    "按金额填列的资金支出计划12月底应等于预算数",
    tags=("plan",),
    reference=_REFERENCE,
    message="资金支出计划按金额填列，12月底累计{last}{unit}，与{budget}不符",
    example={"last": "30.00", "budget": "预算数35.00万元", "unit": "万元"},
)
def plan_amount_not_at_budget(disclosure: Disclosure) -> Iterator[Hit]:
    """An amount plan whose 12月底 total differs from the project's budget by
    more than the printed rounding (RULES.md §7): the plan places a different sum
    of money than the table budgets. A plan printed per period is reported by
    ``plan-per-period``."""
    for project in disclosure.projects:
        valued = _valued(project)
        if not valued or valued[-1].month != 12 or _kind(valued) is not PlanKind.AMOUNT:
            continue
        budget = _budget(project)
        last = valued[-1].value
        if budget is None or last is None:
            continue
        if abs(last - budget) > _half_unit(last, budget) and _per_period(project) is None:
            yield hit(
                project=project,
                location=_location(project, valued),
                quote=_quote(project),
                last=valued[-1].raw.strip(),
                budget=_budget_shown(project),
                unit=_unit_label(project),
            )
