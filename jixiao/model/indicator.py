"""The three-level indicator tree of a performance-target table (绩效目标表).

Level names follow the 88号 tree (一级 产出/效益/满意度) and the 101号 tree (成本 as a
fourth 一级); see RULES.md §1 and GLOSSARY.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from jixiao.model.location import Location
from jixiao.model.target import TargetValue


class Level1(StrEnum):
    """一级指标."""

    OUTPUT = "output"  # 产出指标
    OUTCOME = "outcome"  # 效益指标 (some documents print 效果指标)
    SATISFACTION = "satisfaction"  # 满意度指标
    COST = "cost"  # 成本指标 as a 一级 (财预〔2021〕101号)


class Level2(StrEnum):
    """二级指标."""

    QUANTITY = "quantity"  # 数量
    QUALITY = "quality"  # 质量
    TIMELINESS = "timeliness"  # 时效
    COST = "cost"  # 成本 (under 产出, 88号 tree)
    ECONOMIC = "economic"  # 经济效益
    SOCIAL = "social"  # 社会效益
    ECOLOGICAL = "ecological"  # 生态效益
    SUSTAINABILITY = "sustainability"  # 可持续影响
    BENEFICIARY_SATISFACTION = "beneficiary_satisfaction"  # 服务对象满意度
    ECONOMIC_COST = "economic_cost"  # 经济成本 (101号)
    SOCIAL_COST = "social_cost"  # 社会成本 (101号)
    ECOLOGICAL_COST = "ecological_cost"  # 生态环境成本 (101号)


LEVEL1_NAMES: dict[str, Level1] = {
    "产出": Level1.OUTPUT,
    "效益": Level1.OUTCOME,
    "效果": Level1.OUTCOME,
    "满意度": Level1.SATISFACTION,
    "成本": Level1.COST,
}

LEVEL2_NAMES: dict[str, Level2] = {
    "数量": Level2.QUANTITY,
    "质量": Level2.QUALITY,
    "时效": Level2.TIMELINESS,
    "成本": Level2.COST,
    "经济效益": Level2.ECONOMIC,
    "社会效益": Level2.SOCIAL,
    "生态效益": Level2.ECOLOGICAL,
    "生态环境效益": Level2.ECOLOGICAL,
    "可持续影响": Level2.SUSTAINABILITY,
    "可持续发展": Level2.SUSTAINABILITY,
    "服务对象满意度": Level2.BENEFICIARY_SATISFACTION,
    "满意度": Level2.BENEFICIARY_SATISFACTION,
    "经济成本": Level2.ECONOMIC_COST,
    "社会成本": Level2.SOCIAL_COST,
    "生态环境成本": Level2.ECOLOGICAL_COST,
}

_LEVEL_SUFFIX = re.compile(r"(指标)?[:：]?$")


def level_stem(text: str) -> str:
    """The level name without spaces and its trailing ``指标`` (``数量指标`` → ``数量``)."""
    compact = re.sub(r"\s+", "", text)
    return _LEVEL_SUFFIX.sub("", compact)


@lru_cache(maxsize=1024)  # a handful of names recur in every table
def normalise_level1(text: str) -> Level1 | None:
    """Map a printed 一级 name to :class:`Level1`; ``None`` when not a standard name.

    ``效果指标`` is read as 效益 (seed 002 prints it; RULES.md §1).
    """
    return LEVEL1_NAMES.get(level_stem(text))


@lru_cache(maxsize=1024)
def normalise_level2(text: str) -> Level2 | None:
    """Map a printed 二级 name to :class:`Level2`; ``None`` when not a standard name."""
    return LEVEL2_NAMES.get(level_stem(text))


@dataclass(frozen=True, slots=True, kw_only=True)
class LevelName:
    """A level name as printed (``raw``) and its normalised enumeration.

    ``carried`` is True when the cell was merged with the row above and the name
    was carried down from it rather than printed on this row.
    """

    raw: str
    normalised: Level1 | Level2 | None
    carried: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Indicator:
    """One row of the indicator grid (a 三级指标 with its target).

    ``index`` is the 1-based position in the project's table, in document order.
    ``weight`` (权重) and ``direction`` (指标方向性) are set only by layouts that
    print them (RULES.md §2, split-column tables).
    """

    index: int
    level1: LevelName
    level2: LevelName
    level3: str
    description: str | None
    target: TargetValue
    basis: str | None
    weight: Decimal | None = None
    direction: str | None = None
    location: Location | None = None

    @property
    def name(self) -> str:
        """The concrete indicator's name (the 三级指标)."""
        return self.level3
