"""Printed numbers and the rounding they may hide: the tolerance of every table check.

The arithmetic of the budget tables (:mod:`jixiao.review.budget_tree`,
:mod:`jixiao.review.budget_cross`) and the cell rules of :mod:`jixiao.review.arithmetic`
read a cell as a :class:`Num` — its value, the raw text and how precisely it is printed —
and compare sums within :func:`bound`. Kept apart because what a printed number is, and how
far a printed total may be from its addends, is one question that every check asks the same
way.

**Tolerance.** A printed number is rounded to its last printed digit, so it is off by at most
half a unit of that digit (``h`` = 0.005 for two decimals, 0.5 for none; a blank or a dash is
an exact zero, ``h`` = 0). A printed total compared with the sum of n ≥ 2 printed addends may
therefore differ by ``Σ hᵢ + h_total`` ≤ (n + 1) × h of the coarsest printed digit; only a
larger difference is reported. With a single printed addend (a 类 over one 款, the same figure
in two tables, a 合计 over one non-blank column) both cells round one true value, so they may
differ only by the coarser printing's ``h``: not at all at equal precision, and by less than
half a 万元 unit between 元 and 万元 (compared after :func:`jixiao.model.convert`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.ingest.target import parse_number
from jixiao.model import CellValue

ZERO = Decimal(0)
_HALF = Decimal("0.5")
_DASH = re.compile(r"[-‐‑‒–—―－─━]+")  # a cell of dashes is a printed zero
_PERCENT = re.compile(r"[-+]?[0-9０-９.,．]+\s*[%％]")


@dataclass(frozen=True, slots=True)
class Num:
    """A printed number: its value, half a unit of its last printed digit (the most its
    rounding can hide; 0 for a blank, an exact zero), the raw text and its decimals."""

    value: Decimal
    half: Decimal
    raw: str
    decimals: int


BLANK = Num(ZERO, ZERO, "", 0)


@lru_cache(maxsize=4096)
def is_dash(raw: str) -> bool:
    """True when ``raw`` is a dash standing for zero ("—", "-", "－")."""
    return bool(_DASH.fullmatch(raw.strip()))


@lru_cache(maxsize=4096)
def is_percent(raw: str) -> bool:
    """True when ``raw`` is a percentage ("5.2%"), readable but not an amount."""
    return bool(_PERCENT.fullmatch(raw.strip()))


@lru_cache(maxsize=4096)
def _printed(raw: str) -> Num | None:
    if not raw.strip() or is_dash(raw):
        return Num(ZERO, ZERO, raw, 0)
    value = parse_number(raw.strip())
    return None if value is None else _from_value(value, raw)


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of ``value``'s last digit as it is held (``53.49`` → 0.005,
    ``1.234E+5`` → 50): the most rounding to that digit can hide."""
    exponent = value.as_tuple().exponent
    return _HALF.scaleb(exponent) if isinstance(exponent, int) else ZERO


def _from_value(value: Decimal, raw: str) -> Num:
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Num(value, _HALF.scaleb(-decimals), raw, decimals)


@lru_cache(maxsize=8192)  # the same amounts recur down and across tables
def number(raw: str, value: Decimal | None) -> Num | None:
    """A printed amount from its raw text and parsed value: a blank or a dash is an exact
    zero; ``None`` when the text is not a number."""
    return _printed(raw) if value is None else _from_value(value, raw)


def cell_number(cell: CellValue | None) -> Num | None:
    """The number in ``cell`` (an absent cell is a blank), as :func:`number`."""
    return BLANK if cell is None else number(cell.raw, cell.value)


def bound(total: Num, halves: Decimal, count: int) -> Decimal:
    """How far a printed ``total`` may be from ``count`` printed addends whose halves of a
    last unit sum to ``halves``: ``Σ hᵢ + h_total``, or, for one addend, the larger ``h``."""
    return total.half + halves if count > 1 else max(total.half, halves)
