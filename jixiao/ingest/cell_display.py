"""Spreadsheet cells as Excel displays them: numbers through their number format,
dates through their date format (:func:`display_text`).

What a person reads in a cell is what a disclosure printed, so the readers of
workbooks (``xlsx_reader``, ``self_evaluation_xlsx``) and the XLSX writer, which
stores an amount as a number only where its format displays the raw text exactly,
share this one implementation of Excel's formatting rules (ECMA-376 Part 1,
§18.8.31 numFmt).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal


def display_text(value: object, number_format: str | None = "General") -> str:
    """``value`` as Excel displays it under ``number_format``.

    Numbers: decimals, thousands separators, percent, literals (``0.00"万元"``) and
    the negative section of the format; ``General`` prints at most 15 significant
    digits (so ``0.1 + 0.2`` reads ``0.3``). Dates and times through their date
    format (the built-in short date as ``2024/3/31``). Text as it is; ``None`` → ``""``.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _date_text(value, number_format or "General")
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return _number_text(value, number_format or "General")
    return str(value)


def _sections(number_format: str) -> list[str]:
    """The ``;``-separated sections of a format, quotes and escapes respected."""
    sections, current, quoted, escaped = [], [], False, False
    for char in number_format:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append("".join(current))
            current = []
            continue
        current.append(char)
    sections.append("".join(current))
    return sections


_BRACKET = re.compile(r"\[([^\]]*)\]")


def _strip_brackets(section: str) -> str:
    """Colours and conditions dropped; a currency ``[$¥-804]`` kept as its symbol."""

    def keep(match: re.Match[str]) -> str:
        inner = match.group(1)
        return '"' + inner[1:].split("-")[0] + '"' if inner.startswith("$") else ""

    return _BRACKET.sub(keep, section)


def _number_text(value: int | float | Decimal, number_format: str) -> str:
    sections = _sections(number_format)
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        return str(value)
    section, signed = sections[0], True
    if number < 0 and len(sections) >= 2:
        section, signed = sections[1], False  # the section prints its own sign
    elif number == 0 and len(sections) >= 3:
        section = sections[2]
    section = _strip_brackets(section)
    if not section.strip() and len(sections) > 1:
        return ""  # an empty section hides the value
    if section.strip().lower() in ("general", "") or "@" in section or "E" in section.upper():
        return _general(value)
    prefix, pattern, suffix = _split_literals(section)
    if not pattern:
        return prefix + suffix
    text = _apply_pattern(abs(number), pattern, percent=section.count("%"))
    negative = number < 0 and signed and text.strip("0.,") != ""
    return ("-" if negative else "") + prefix + text + suffix


def _general(value: int | float | Decimal) -> str:
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.15g}"
    return text.upper() if "e" in text else text


def _split_literals(section: str) -> tuple[str, str, str]:
    """A format section as (literal before, digit pattern, literal after)."""
    before: list[str] = []
    pattern: list[str] = []
    after: list[str] = []
    index = 0
    while index < len(section):
        char = section[index]
        target = after if pattern else before
        if char == '"':
            end = section.find('"', index + 1)
            end = len(section) if end < 0 else end
            target.append(section[index + 1 : end])
            index = end + 1
            continue
        if char == "\\" and index + 1 < len(section):
            target.append(section[index + 1])
            index += 2
            continue
        if char in "_*" and index + 1 < len(section):  # padding and fill: no text
            index += 2
            continue
        if char in "0#?" or (char in ".," and (pattern or section[index + 1 : index + 2] in "0#?")):
            if after:  # digits after a literal: keep the literal inside the pattern
                pattern.append("".join(f"\\{c}" for c in "".join(after)))
                after.clear()
            pattern.append(char)
        else:
            target.append(char)
        index += 1
    return "".join(before), "".join(pattern), "".join(after)


def _apply_pattern(number: Decimal, pattern: str, *, percent: int) -> str:
    """``number`` (not negative) through a digit pattern such as ``#,##0.00``."""
    digits = re.sub(r"\\.", "", pattern)
    while digits.endswith(","):  # a trailing comma scales by a thousand
        digits = digits[:-1]
        number /= 1000
    number *= Decimal(100) ** percent
    whole, _, fraction = digits.partition(".")
    places = sum(c in "0#?" for c in fraction)
    kept = fraction.count("0") + fraction.count("?")
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    integer, _, decimals = f"{rounded:f}".partition(".")
    minimum = whole.count("0") + whole.count("?")
    integer = integer.lstrip("0").rjust(minimum, "0")
    if "," in whole and integer:
        integer = f"{int(integer):,}"
    decimals = decimals[:places]
    while len(decimals) > kept and decimals.endswith("0"):
        decimals = decimals[:-1]
    return integer + ("." + decimals if "." in digits else "")


# Date format tokens; "m" is a month unless it follows an hour or precedes seconds.
_DATE_TOKEN = re.compile(r'"[^"]*"|\\.|AM/PM|上午/下午|y+|m+|d+|h+|s+|.', re.IGNORECASE)


def _date_text(value: dt.datetime | dt.date | dt.time, number_format: str) -> str:
    """A date or time through its format's tokens, as a zh-CN Excel shows it."""
    section = _strip_brackets(_sections(number_format)[0]).strip()
    if section.lower() in ("general", "mm-dd-yy", ""):  # built-in 14: the locale's short date
        if isinstance(value, dt.time):
            return value.strftime("%H:%M:%S")
        text = f"{value.year}/{value.month}/{value.day}"
        if isinstance(value, dt.datetime) and (value.hour or value.minute or value.second):
            text += f" {value.hour}:{value.minute:02d}"
        return text
    tokens = _DATE_TOKEN.findall(section)
    hour = getattr(value, "hour", 0)
    twelve = any(t.upper() in ("AM/PM", "上午/下午") for t in tokens)
    out: list[str] = []
    for index, token in enumerate(tokens):
        kind = token[0].lower()
        if token[0] in '"\\':
            out.append(token[1:-1] if token[0] == '"' else token[1:])
        elif token.upper() in ("AM/PM", "上午/下午"):
            out.append(token.split("/")[0 if hour < 12 else 1])
        elif kind == "d" and len(token) >= 3 and isinstance(value, dt.date):  # zh-CN names
            out.append(("星期" if len(token) > 3 else "周") + "一二三四五六日"[value.weekday()])
        elif kind == "m" and len(token) >= 3 and isinstance(value, dt.date):
            out.append(f"{value.month}月")
        elif kind in "ymdhs" and token.lower() == kind * len(token):
            minute = kind == "m" and _is_minute(tokens, index)
            number = {
                "y": getattr(value, "year", 1900) % (100 if len(token) <= 2 else 10_000),
                "m": getattr(value, "minute" if minute else "month", 0),
                "d": getattr(value, "day", 0),
                "h": (hour % 12 or 12) if twelve else hour,
                "s": getattr(value, "second", 0),
            }[kind]
            out.append(f"{number:0{min(len(token), 4)}d}")
        else:
            out.append(token)
    return "".join(out)


def _is_minute(tokens: list[str], index: int) -> bool:
    parts = [(i, t[0].lower()) for i, t in enumerate(tokens) if t[0].lower() in "ymdhs"]
    before = [kind for i, kind in parts if i < index]
    after = [kind for i, kind in parts if i > index]
    return (bool(before) and before[-1] == "h") or (bool(after) and after[0] == "s")
