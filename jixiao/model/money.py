"""Money: ``Decimal`` amounts that always carry their unit (元 or 万元)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.model.location import Location


class MoneyUnit(StrEnum):
    """The money unit printed on a table (``单位：元`` / ``单位：万元``)."""

    YUAN = "yuan"
    WAN_YUAN = "wan_yuan"

    @property
    def label(self) -> str:
        """The Chinese label, ``元`` or ``万元``."""
        return "元" if self is MoneyUnit.YUAN else "万元"

    @property
    def yuan_per_unit(self) -> Decimal:
        """How many 元 one unit is worth: 1 for 元, 10,000 for 万元."""
        return Decimal(1) if self is MoneyUnit.YUAN else Decimal(10000)


def convert(amount: Decimal, from_unit: MoneyUnit, to_unit: MoneyUnit) -> Decimal:
    """Convert ``amount`` between 元 and 万元 exactly (no rounding).

    >>> convert(Decimal("3000.00"), MoneyUnit.YUAN, MoneyUnit.WAN_YUAN)
    Decimal('0.3')
    """
    if from_unit is to_unit:
        return amount
    return (amount * from_unit.yuan_per_unit / to_unit.yuan_per_unit).normalize()


@dataclass(frozen=True, slots=True, kw_only=True)
class Money:
    """An amount read from a document: the raw text as printed, its ``Decimal``
    value (``None`` when the cell is blank or not a number) and its unit.

    ``unit`` is ``None`` only when the document never says which unit it uses.
    """

    raw: str
    value: Decimal | None
    unit: MoneyUnit | None
    location: Location | None = None

    def in_unit(self, unit: MoneyUnit) -> Decimal | None:
        """The value converted to ``unit``; ``None`` when blank or unit unknown."""
        if self.value is None or self.unit is None:
            return None
        return convert(self.value, self.unit, unit)
