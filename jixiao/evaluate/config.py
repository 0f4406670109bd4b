"""Settings of monitoring and self-evaluation: weights, formulas, thresholds.

Every number here is a default a province or a unit may change (RULES.md §8–9 mark
them (B) or (C)): pass an :class:`EvaluationConfig`, or load one from TOML with
:func:`load_config`::

    [weights]                  # 财预〔2020〕10号 practice: 10 / 50 / 30 / 10
    execution = 10
    output = 50
    outcome = 30
    satisfaction = 10

    [scoring]
    negative_formula = "linear"    # or "ratio"
    overshoot_deduction = true
    overshoot_threshold = 150      # % of the target
    overshoot_max_share = 0.5

    [qualitative]                  # the point inside each band used when the unit gives none
    achieved = 1.0
    partly = 0.7
    not_achieved = 0.3

    [grades]
    excellent = 90
    good = 80
    fair = 60

    [monitoring]
    yellow_points = 10
    red_points = 20

    [units."445001".weights]       # one unit's own weights
    outcome = 35
    satisfaction = 5

    [projects."445001:2".weights]  # one project (unit code : project seq, or project code)
    output = 60
    outcome = 20
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jixiao.model import Grade, Level1
from jixiao.model.actuals import Achievement


class ConfigError(ValueError):
    """A settings file that cannot be used; the message is Chinese and names the key."""


class NegativeFormula(StrEnum):
    """How a negative (≤) indicator that missed its target is scored (RULES.md §9).

    - ``linear``: ``(1 − (actual − target) / target) × points``, zero at twice the
      target and below — the widely used reading (one vendor's system); the default.
    - ``ratio``: ``target / actual × points``, the mirror of the positive formula.
    """

    LINEAR = "linear"
    RATIO = "ratio"


def _weights(**values: int) -> Mapping[Level1, Decimal]:
    return MappingProxyType({Level1(k): Decimal(v) for k, v in values.items()})


DEFAULT_LEVEL_WEIGHTS = _weights(output=50, outcome=30, satisfaction=10)
"""Points per 一级 (10号 practice, RULES.md §9): 产出 50, 效益 30, 满意度 10. A 成本 一级
(101号 tree) shares the 产出 points unless given its own."""

DEFAULT_BAND_RANGES: Mapping[Achievement, tuple[Decimal, Decimal]] = MappingProxyType(
    {
        Achievement.ACHIEVED: (Decimal("0.8"), Decimal("1")),
        Achievement.PARTLY: (Decimal("0.6"), Decimal("0.8")),
        Achievement.NOT_ACHIEVED: (Decimal("0"), Decimal("0.6")),
    }
)
"""Share of the points each qualitative band allows (10号 practice, RULES.md §9)."""

DEFAULT_BAND_SHARES: Mapping[Achievement, Decimal] = MappingProxyType(
    {
        Achievement.ACHIEVED: Decimal("1"),
        Achievement.PARTLY: Decimal("0.7"),
        Achievement.NOT_ACHIEVED: Decimal("0.3"),
    }
)
"""The share used inside a band when the unit chose no score: full marks for 达成 (as a
met quantitative target gets), the middle of the band otherwise (our choice, (C))."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluationConfig:
    """All settings of :mod:`jixiao.evaluate`.

    Weights are points out of 100 (``Decimal``). ``level_weights`` map 一级 to points;
    a 一级 with no indicators in a project gives its points to the others in proportion
    (``redistribute_missing_levels``), so a project can still reach 100.
    ``unit_weights`` and ``project_weights`` override ``level_weights`` (and
    ``execution_weight`` under the key ``None``) for a unit code or a project key
    (``"UNIT:SEQ"`` or the project code).

    Scoring (10号, RULES.md §9): ``negative_formula`` for missed ≤ targets;
    ``overshoot_deduction`` cuts the points of a target exceeded beyond
    ``overshoot_threshold`` % of it by ``min(overshoot_max_share, (rate − threshold) /
    100)`` of the points (a target set too low); ``equality_tolerance`` is the share of
    the target an ``=`` actual may differ by and still count as met.
    ``band_ranges``/``band_shares`` place qualitative indicators (see the constants).
    ``grade_floors`` are the lowest totals of 优, 良 and 中 (差 below).
    ``execution_explain_below`` is the execution rate (%) under which a reason is
    expected (one province's rule).

    Monitoring (136号, RULES.md §8): a project whose execution rate is behind the
    plan's cumulative share by more than ``yellow_points`` percentage points is yellow,
    by more than ``red_points`` red.
    """

    execution_weight: Decimal = Decimal(10)
    level_weights: Mapping[Level1, Decimal] = field(default_factory=lambda: DEFAULT_LEVEL_WEIGHTS)
    redistribute_missing_levels: bool = True
    unit_weights: Mapping[str, Mapping[Level1 | None, Decimal]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    project_weights: Mapping[str, Mapping[Level1 | None, Decimal]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    negative_formula: NegativeFormula = NegativeFormula.LINEAR
    overshoot_deduction: bool = False
    overshoot_threshold: Decimal = Decimal(150)
    overshoot_max_share: Decimal = Decimal("0.5")
    equality_tolerance: Decimal = Decimal(0)
    band_ranges: Mapping[Achievement, tuple[Decimal, Decimal]] = field(
        default_factory=lambda: DEFAULT_BAND_RANGES
    )
    band_shares: Mapping[Achievement, Decimal] = field(default_factory=lambda: DEFAULT_BAND_SHARES)
    grade_floors: Mapping[Grade, Decimal] = field(
        default_factory=lambda: MappingProxyType(
            {Grade.EXCELLENT: Decimal(90), Grade.GOOD: Decimal(80), Grade.FAIR: Decimal(60)}
        )
    )
    execution_explain_below: Decimal = Decimal(90)
    yellow_points: Decimal = Decimal(10)
    red_points: Decimal = Decimal(20)

    def grade(self, total: Decimal) -> Grade:
        """The 10号 grade of a total score: 优 ≥90, 良 ≥80, 中 ≥60, else 差 (by default)."""
        for grade in (Grade.EXCELLENT, Grade.GOOD, Grade.FAIR):
            if total >= self.grade_floors[grade]:
                return grade
        return Grade.POOR

    def weights_for(
        self, unit_code: str, project_keys: tuple[str, ...] = ()
    ) -> tuple[Decimal, Mapping[Level1, Decimal]]:
        """The execution points and 一级 points for a project.

        ``project_keys`` are the keys the project may be configured under
        (``"445001:2"``, its project code); a project setting wins over a unit
        setting, which wins over the defaults. Levels not overridden keep the
        default points.
        """
        execution = self.execution_weight
        levels = dict(self.level_weights)
        overrides = [self.unit_weights.get(unit_code)]
        overrides += [self.project_weights.get(key) for key in project_keys]
        for override in overrides:
            if not override:
                continue
            for level, points in override.items():
                if level is None:
                    execution = points
                else:
                    levels[level] = points
        return execution, MappingProxyType(levels)


DEFAULT_CONFIG = EvaluationConfig()


_LEVEL_KEYS = {
    "output": Level1.OUTPUT,
    "outcome": Level1.OUTCOME,
    "satisfaction": Level1.SATISFACTION,
    "cost": Level1.COST,
    "execution": None,
}


def _decimal(value: Any, key: str) -> Decimal:
    if isinstance(value, bool):
        raise ConfigError(f"配置项 {key} 应为数字，实为 {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ConfigError(f"配置项 {key} 应为数字，实为 {value!r}") from None
    if not number.is_finite() or number < 0:
        raise ConfigError(f"配置项 {key} 应为非负数，实为 {value!r}")
    return number


def _weight_table(table: Any, key: str) -> dict[Level1 | None, Decimal]:
    if not isinstance(table, dict):
        raise ConfigError(f"配置项 {key} 应为表（[{key}]）")
    weights: dict[Level1 | None, Decimal] = {}
    for name, value in table.items():
        if name not in _LEVEL_KEYS:
            known = "、".join(_LEVEL_KEYS)
            raise ConfigError(f"配置项 {key}.{name} 不认识；可用：{known}")
        weights[_LEVEL_KEYS[name]] = _decimal(value, f"{key}.{name}")
    return weights


def _scoped_weights(table: Any, key: str) -> Mapping[str, Mapping[Level1 | None, Decimal]]:
    if not isinstance(table, dict):
        raise ConfigError(f"配置项 {key} 应为表")
    scoped = {}
    for scope, body in table.items():
        if not isinstance(body, dict) or set(body) - {"weights"}:
            raise ConfigError(f"配置项 {key}.{scope} 只能含 weights 表")
        scoped[str(scope)] = MappingProxyType(
            _weight_table(body.get("weights", {}), f'{key}."{scope}".weights')
        )
    return MappingProxyType(scoped)


def config_from_mapping(
    data: Mapping[str, Any], base: EvaluationConfig = DEFAULT_CONFIG
) -> EvaluationConfig:
    """An :class:`EvaluationConfig` from parsed TOML (see the module docstring).

    Raises :class:`ConfigError` naming the first unknown or malformed key.
    """
    known = {"weights", "scoring", "qualitative", "grades", "monitoring", "units", "projects"}
    if unknown := set(data) - known:
        raise ConfigError(f"配置文件含不认识的表：{'、'.join(sorted(unknown))}")
    changes: dict[str, Any] = {}
    if "weights" in data:
        weights = _weight_table(data["weights"], "weights")
        if None in weights:
            changes["execution_weight"] = weights.pop(None)
        changes["level_weights"] = MappingProxyType(
            {**base.level_weights, **{k: v for k, v in weights.items() if k is not None}}
        )
    scoring = data.get("scoring", {})
    for name, value in scoring.items():
        if name == "negative_formula":
            try:
                changes[name] = NegativeFormula(value)
            except ValueError:
                raise ConfigError(
                    f"配置项 scoring.negative_formula 应为 linear 或 ratio，实为 {value!r}"
                ) from None
        elif name in ("overshoot_deduction", "redistribute_missing_levels"):
            if not isinstance(value, bool):
                raise ConfigError(f"配置项 scoring.{name} 应为 true 或 false")
            changes[name] = value
        elif name in (
            "overshoot_threshold",
            "overshoot_max_share",
            "equality_tolerance",
            "execution_explain_below",
        ):
            changes[name] = _decimal(value, f"scoring.{name}")
        else:
            raise ConfigError(f"配置项 scoring.{name} 不认识")
    if "qualitative" in data:
        shares = dict(base.band_shares)
        for name, value in data["qualitative"].items():
            try:
                band = Achievement(name)
            except ValueError:
                raise ConfigError(
                    f"配置项 qualitative.{name} 不认识；可用：achieved、partly、not_achieved"
                ) from None
            share = _decimal(value, f"qualitative.{name}")
            low, high = base.band_ranges[band]
            if not low <= share <= high:
                raise ConfigError(f"配置项 qualitative.{name} 应在 {low}–{high} 之间，实为 {share}")
            shares[band] = share
        changes["band_shares"] = MappingProxyType(shares)
    if "grades" in data:
        floors = dict(base.grade_floors)
        for name, value in data["grades"].items():
            try:
                grade = Grade(name)
            except ValueError:
                raise ConfigError(
                    f"配置项 grades.{name} 不认识；可用：excellent、good、fair"
                ) from None
            floors[grade] = _decimal(value, f"grades.{name}")
        changes["grade_floors"] = MappingProxyType(floors)
    for name, value in data.get("monitoring", {}).items():
        if name not in ("yellow_points", "red_points"):
            raise ConfigError(f"配置项 monitoring.{name} 不认识；可用：yellow_points、red_points")
        changes[name] = _decimal(value, f"monitoring.{name}")
    if "units" in data:
        changes["unit_weights"] = _scoped_weights(data["units"], "units")
    if "projects" in data:
        changes["project_weights"] = _scoped_weights(data["projects"], "projects")
    config = replace(base, **changes)
    if config.red_points < config.yellow_points:
        raise ConfigError("配置项 monitoring.red_points 不能小于 yellow_points")
    return config


def load_config(path: Path) -> EvaluationConfig:
    """Read an :class:`EvaluationConfig` from a TOML file.

    Raises :class:`ConfigError` (Chinese message with the path) when the file cannot
    be read, is not TOML, or holds an unknown or malformed key.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"读不了配置文件 {path}：{error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"配置文件 {path} 不是有效的 TOML：{error}") from None
    try:
        return config_from_mapping(data)
    except ConfigError as error:
        raise ConfigError(f"{path}：{error}") from None
