"""Weights (分值) of a project's 自评表: how the 100 points are shared out (财预〔2020〕10号,
RULES.md §9).

The 预算执行率 row and each 一级 get the points of the configuration
(:meth:`EvaluationConfig.weights_for`: 10 / 产出 50 / 效益 30 / 满意度 10 by default,
overridden per unit or per project). Inside a 一级 the points go to its indicators:

- a 分值 the unit entered itself (``IndicatorActual.weight``) is kept as given, rounded
  to 0.01;
- the rest of the 一级's points are split equally among the other indicators (0 each
  when the given 分值 already use up the 一级's points or more);
- given 分值 that exceed their 一级's points, or that cover every indicator of the 一级
  without adding up to its points, give a warning ``evaluate-weights-inconsistent``
  (they are still used as given, so such a project may total more or less than 100);
- the 分值 printed in a disclosure's own 权重 column (``Indicator.weight``) is not used:
  its scale (points or percent of the project) is not known;
- every split is to 0.01 point by the largest-remainder method, so the printed 分值 of a
  一级 add up exactly to its points: 50 over 3 indicators is 16.67 + 16.67 + 16.66
  (each gets 16.66, the two cents left go to the first two, whose remainders tie);
- a 成本 一级 (财预〔2021〕101号 tree) shares the 产出 points unless the configuration
  gives 成本 points of its own (our choice: the 10号 sheet has no 成本 row);
- an indicator whose 一级 is not a standard name gets 0 points and a warning;
- a 一级 with no indicator in the project (no 满意度 indicators, say) gives its points to
  the 一级 present, in proportion to their points, when
  ``config.redistribute_missing_levels`` (the default): with 产出 50 and 效益 30 present
  and 满意度 10 missing, 产出 gets 50 + 10 × 50/80 = 56.25 and 效益 30 + 10 × 30/80 =
  33.75, so the project can still reach 100. Otherwise the missing points are lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

from jixiao.evaluate.config import DEFAULT_CONFIG, EvaluationConfig
from jixiao.model import Finding, Indicator, Level1, Project, Severity
from jixiao.model.actuals import ProjectActuals

__all__ = [
    "LEVEL_ORDER",
    "WeightPlan",
    "allocate_weights",
    "indicator_level",
    "level_label",
    "plan_weights",
    "split_points",
]

CENT = Decimal("0.01")
_ZERO = Decimal(0)
_ONE = Decimal(1)
# 一级 in the order the 自评表 prints them.
LEVEL_ORDER = (Level1.OUTPUT, Level1.COST, Level1.OUTCOME, Level1.SATISFACTION)


@dataclass(frozen=True, slots=True, kw_only=True)
class WeightPlan:
    """The 分值 of one project's 自评表.

    ``execution_weight`` is the points of the 预算执行率 row; ``level_weights`` the points
    of each 一级 pool actually used (after overrides and redistribution; a missing 一级
    whose points were lost keeps them here, so execution + levels = the configured
    total); ``weights`` maps indicator index → 分值 (0.01 point). ``ordered`` are the same
    分值 in the project's indicator order and ``slots`` the position in
    ``level_weights`` of each indicator's pool (``None``: unrecognised 一级, 0 points).
    ``findings`` are the warnings met (unrecognised 一级, inconsistent given 分值).
    """

    execution_weight: Decimal
    level_weights: tuple[tuple[Level1, Decimal], ...]
    weights: Mapping[int, Decimal]
    ordered: tuple[Decimal, ...]
    slots: tuple[int | None, ...]
    findings: tuple[Finding, ...] = ()


def split_points(total: Decimal, shares: Sequence[Decimal]) -> list[Decimal]:
    """Split ``total`` points in proportion to ``shares``, to 0.01, summing exactly to it.

    Largest-remainder method: each part is rounded down to 0.01, then the cents left
    go one each to the parts with the largest remainders (ties: the earlier part).
    ``split_points(Decimal(50), [1, 1, 1])`` → ``[16.67, 16.67, 16.66]``. All-zero
    shares (or none) split nothing: every part is 0.
    """
    whole = sum(shares, _ZERO)
    if not shares or whole <= 0 or total <= 0:
        return [_ZERO.quantize(CENT)] * len(shares)
    total = total.quantize(CENT)
    exact = [total * share / whole for share in shares]
    parts = [value.quantize(CENT, rounding=ROUND_DOWN) for value in exact]
    cents = int((total - sum(parts, _ZERO)) / CENT)
    order = sorted(range(len(parts)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:cents]:
        parts[i] += CENT
    return parts


def indicator_level(indicator: Indicator) -> Level1 | None:
    """The indicator's 一级 as normalised by the reader; ``None`` when not standard."""
    level = indicator.level1.normalised
    return level if isinstance(level, Level1) else None


def allocate_weights(
    project: Project,
    actuals: ProjectActuals | None,
    config: EvaluationConfig = DEFAULT_CONFIG,
    *,
    unit_code: str,
) -> dict[int, Decimal]:
    """Indicator index (1-based) → 分值 in points (0.01) for ``project`` of ``unit_code``.

    See the module docstring for the rules (10号, RULES.md §9); the warnings met on the
    way are in :func:`plan_weights`'s ``findings``.
    """
    return dict(plan_weights(project, actuals, config, unit_code=unit_code).weights)


def plan_weights(
    project: Project,
    actuals: ProjectActuals | None,
    config: EvaluationConfig = DEFAULT_CONFIG,
    *,
    unit_code: str,
) -> WeightPlan:
    """The whole :class:`WeightPlan` of ``project`` (see the module docstring).

    The allocation depends only on the indicators' 一级, the configured points and the
    given 分值, so it is computed once per such shape and reused (a province's
    projects share a handful of shapes).
    """
    execution, configured = config.weights_for(
        unit_code, (f"{unit_code}:{project.seq}", project.project_code or "")
    )
    indicators = project.indicators
    levels = tuple(
        [lv if isinstance(lv := ind.level1.normalised, Level1) else None for ind in indicators]
    )
    given_key = None
    if actuals is not None:
        given = {a.indicator_index: a.weight for a in actuals.indicators if a.weight is not None}
        if given:
            given_key = tuple([given.get(ind.index) for ind in indicators])
    ordered, slots, used, inconsistent = _allocate(
        levels, tuple(configured.items()), config.redistribute_missing_levels, given_key
    )
    findings = []
    if None in levels:
        findings = [
            _unrecognised(project, ind)
            for ind, level in zip(indicators, levels, strict=True)
            if level is None
        ]
    if inconsistent:
        findings += [_inconsistent(project, *args) for args in inconsistent]
    return WeightPlan(
        execution_weight=execution.quantize(CENT),
        level_weights=used,
        weights=dict(zip([ind.index for ind in indicators], ordered, strict=True)),
        ordered=ordered,
        slots=slots,
        findings=tuple(findings),
    )


@lru_cache(maxsize=4096)
def _allocate(
    levels: tuple[Level1 | None, ...],
    configured: tuple[tuple[Level1, Decimal], ...],
    redistribute: bool,
    given: tuple[Decimal | None, ...] | None,
) -> tuple[
    tuple[Decimal, ...],
    tuple[int | None, ...],
    tuple[tuple[Level1, Decimal], ...],
    tuple[tuple[Level1, Decimal, Decimal, int], ...],
]:
    """(分值 in order, pool slot in order, 一级 points used, inconsistent given 分值 as
    (level, points, given sum, count)) for indicators of ``levels``."""
    points_of = dict(configured)
    pools = tuple(
        Level1.OUTPUT if level is Level1.COST and Level1.COST not in points_of else level
        for level in levels
    )
    members: dict[Level1, list[int]] = {}
    for position, pool in enumerate(pools):
        if pool is not None:
            members.setdefault(pool, []).append(position)
    pooled = {level: points for level, points in configured if points > 0}
    level_points = _level_points(pooled, members, redistribute)
    ordered = [_ZERO.quantize(CENT)] * len(levels)
    inconsistent = []
    for level, positions in members.items():
        points = level_points.get(level, _ZERO)
        shares, given_sum, count = _split_level(points, positions, given)
        for position, share in zip(positions, shares, strict=True):
            ordered[position] = share
        if count and (given_sum > points or (count == len(positions) and given_sum != points)):
            inconsistent.append((level, points, given_sum, count))
    used = tuple((level, level_points[level]) for level in LEVEL_ORDER if level in level_points)
    slot_of = {level: slot for slot, (level, _) in enumerate(used)}
    slots = tuple(None if pool is None else slot_of.get(pool) for pool in pools)
    return tuple(ordered), slots, used, tuple(inconsistent)


def _level_points(
    configured: Mapping[Level1, Decimal],
    members: Mapping[Level1, list[int]],
    redistribute: bool,
) -> dict[Level1, Decimal]:
    """Points per 一级 pool: present levels (and lost missing ones) with their points."""
    present = {level: configured.get(level, _ZERO) for level in LEVEL_ORDER if level in members}
    missing = {level: p for level, p in configured.items() if level not in members}
    if not missing or not redistribute or sum(present.values(), _ZERO) <= 0:
        return {
            level: points.quantize(CENT)
            for level in LEVEL_ORDER
            if (points := present.get(level, missing.get(level))) is not None
        }
    total = sum(present.values(), _ZERO) + sum(missing.values(), _ZERO)
    levels = list(present)
    return dict(zip(levels, split_points(total, [present[lv] for lv in levels]), strict=True))


def _split_level(
    points: Decimal, positions: list[int], given: tuple[Decimal | None, ...] | None
) -> tuple[list[Decimal], Decimal, int]:
    """The 分值 of a 一级's indicators (given ones kept, the rest split equally), the
    sum of the given ones and how many were given."""
    kept = [
        None if given is None or given[p] is None else given[p].quantize(CENT, ROUND_HALF_UP)
        for p in positions
    ]
    given_sum = sum((k for k in kept if k is not None), _ZERO)
    others = sum(1 for k in kept if k is None)
    equal = iter(split_points(max(points - given_sum, _ZERO), [_ONE] * others))
    shares = [next(equal) if k is None else k for k in kept]
    return shares, given_sum, len(kept) - others


def _unrecognised(project: Project, indicator: Indicator) -> Finding:
    return Finding(
        rule="evaluate-level-unrecognised",
        severity=Severity.WARNING,
        message=(
            f"指标“{indicator.level3}”的一级指标“{indicator.level1.raw}”不是产出、效益、"
            "满意度或成本，无法确定分值，按 0 分计"
        ),
        location=indicator.location,
        quote=indicator.level1.raw,
        fields=(("level1", indicator.level1.raw),),
        family="evaluation",
        project_seq=project.seq,
        project_title=project.project_name,
        indicator_index=indicator.index,
        indicator_name=indicator.level3,
    )


_LEVEL_LABELS = {
    Level1.OUTPUT: "产出指标",
    Level1.OUTCOME: "效益指标",
    Level1.SATISFACTION: "满意度指标",
    Level1.COST: "成本指标",
}


def level_label(level: Level1) -> str:
    """The Chinese name of a 一级: 产出指标, 效益指标, 满意度指标 or 成本指标."""
    return _LEVEL_LABELS[level]


def _inconsistent(
    project: Project, level: Level1, points: Decimal, given_sum: Decimal, count: int
) -> Finding:
    """The warning for given 分值 that do not add up to their 一级's points."""
    return Finding(
        rule="evaluate-weights-inconsistent",
        severity=Severity.WARNING,
        message=(
            f"{level_label(level)}共 {points} 分，单位填报的 {count} 个指标分值合计 "
            f"{given_sum} 分，两者不一致"
        ),
        fields=(("level1", level.value), ("expected", str(points)), ("actual", str(given_sum))),
        family="evaluation",
        project_seq=project.seq,
        project_title=project.project_name,
    )
