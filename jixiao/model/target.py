"""Target values (指标值): raw text always kept, plus what could be parsed from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Operator(StrEnum):
    """Comparison of a quantitative target, printed ≥ ＞ ＝ ＜ ≤ (full-width accepted).

    Direction (RULES.md §2): ≥ ＞ positive (正向), ≤ ＜ negative (反向), ＝ exact.
    """

    GE = "≥"
    GT = ">"
    EQ = "="
    LT = "<"
    LE = "≤"

    @property
    def is_positive(self) -> bool:
        """≥ and > targets: more is better (正向指标)."""
        return self in (Operator.GE, Operator.GT)

    @property
    def is_negative(self) -> bool:
        """≤ and < targets: less is better (反向指标)."""
        return self in (Operator.LE, Operator.LT)


class TargetKind(StrEnum):
    """What a target's text turned out to be."""

    QUANTITATIVE = "quantitative"  # a number, maybe an operator and a unit: ≥95%, 12个
    DEADLINE = "deadline"  # a date or time limit: 2024年年底, 11月底前, 每月25日前发放到位
    QUALITATIVE = "qualitative"  # words only: 提升, 长效提升, 控制在预算内
    UNPARSED = "unparsed"  # anything else, kept raw, never dropped


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetValue:
    """A target (指标值) as printed and as understood.

    - ``raw``: the text exactly as read (after extraction whitespace was removed).
    - ``operator``: the comparison; ``None`` when none was printed or implied.
    - ``value``: the number (``Decimal``); for ``%`` targets, in percent (95, not 0.95).
    - ``unit``: ``%``, ``元``, ``万元``, ``个``, ``元/月/人`` … as printed, or inferred
      from the wording (``100资金百分百到位`` → ``%``).
    - ``wording``: words printed after the number (``≥9090%及以上`` → ``90%及以上``).
    - ``direction``: for qualitative targets, the direction word (提升, 下降, 保障 …).
    - ``deadline``: for deadline targets, the date when it can be determined.
    """

    raw: str
    kind: TargetKind
    operator: Operator | None = None
    value: Decimal | None = None
    unit: str | None = None
    wording: str | None = None
    direction: str | None = None
    deadline: dt.date | None = None

    @property
    def is_percent(self) -> bool:
        """True when the unit is a percentage."""
        return self.unit == "%"
