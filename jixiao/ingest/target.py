"""Target values (指标值): classify the text of one target cell into a :class:`TargetValue`.

A performance-target table prints its targets as free text: ``≥95%``, ``≤18万元/辆``,
``9 部``, ``11月底前``, ``长效提升`` and Word-export oddities such as ``≥9090%及以上``.
Review rules need the operator, number and unit (or the qualitative direction), so this
module reads them out while always keeping the printed text (RULES.md §2).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache

from jixiao.model.target import Operator, TargetKind, TargetValue

__all__ = ["parse_number", "parse_target"]

# Full-width and look-alike characters folded before matching; ㎡ is spelled out because
# the unit vocabulary speaks Chinese.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "％": "%", "．": ".", "＞": ">", "＜": "<", "＝": "=", "＋": "+", "－": "-",
        "−": "-", "≧": "≥", "≦": "≤", "㎡": "平方米", "\u200b": None, "\ufeff": None,
    }
)  # fmt: skip
# PDF extraction puts spaces between a number and its unit ("9 部"); a space between two
# digits is kept so that "95 100" stays two numbers instead of becoming 95100.
_SPACE = re.compile(r"(?<![0-9])\s+|\s+(?![0-9])")
_WIDE_THOUSANDS = re.compile(r"(?<=[0-9])，(?=[0-9]{3})")

_NUMBER = r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_PLAIN_NUMBER = re.compile(_NUMBER)

# Printed operator forms: symbols of the standard systems and the wordings 财预〔2021〕101号
# and local guidance use. Longest first so that 大于等于 is not read as 大于.
_OPERATORS: dict[str, Operator] = {
    "≥": Operator.GE, ">=": Operator.GE, "=>": Operator.GE, "≮": Operator.GE,
    "大于等于": Operator.GE, "大于或等于": Operator.GE, "不低于": Operator.GE,
    "不少于": Operator.GE, "不小于": Operator.GE, "至少": Operator.GE,
    "不得低于": Operator.GE, "不得少于": Operator.GE,
    "≤": Operator.LE, "<=": Operator.LE, "=<": Operator.LE, "≯": Operator.LE,
    "小于等于": Operator.LE, "小于或等于": Operator.LE, "不高于": Operator.LE,
    "不超过": Operator.LE, "不大于": Operator.LE, "不多于": Operator.LE, "至多": Operator.LE,
    "最多": Operator.LE, "不得超过": Operator.LE, "不得高于": Operator.LE, "控制在": Operator.LE,
    ">": Operator.GT, "大于": Operator.GT, "高于": Operator.GT, "超过": Operator.GT,
    "多于": Operator.GT,
    "<": Operator.LT, "小于": Operator.LT, "低于": Operator.LT, "少于": Operator.LT,
    "=": Operator.EQ, "==": Operator.EQ, "等于": Operator.EQ,
}  # fmt: skip
# Words that may stand before the number without saying how to compare ("达到95%以上").
_NEUTRAL_PREFIXES = ("达到", "达")

# Units as printed in targets; 万/亿 may stand before any of them and stay part of the unit
# (the value is kept as printed; converting 万元 to 元 is the model's business).
_UNITS = (
    "%", "‰", "个百分点", "百分点", "元", "个", "辆", "辆次", "人", "人次", "次", "天", "日",
    "工作日", "个工作日", "月", "个月", "年", "小时", "分钟", "秒", "周", "季度", "平方米",
    "平米", "立方米", "吨", "度", "千瓦时", "套", "条", "件", "批", "批次", "场", "场次",
    "层", "部", "户", "家", "项", "台", "台次", "处", "所", "名", "篇", "期", "份", "张",
    "本", "册", "公里", "千米", "米", "亩", "座", "栋", "幢", "间", "块", "课时", "学时",
    "床", "只", "头", "株", "棵", "箱", "盒", "组", "辆套", "公斤", "千克", "斤", "升",
    "毫升", "份次", "户次", "所次", "起", "宗", "例", "种", "笔", "万", "亿",
    "平方千米", "平方公里", "公顷", "km",
)  # fmt: skip
_UNIT_WORD = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_UNIT = rf"(?:万|亿)?(?:{_UNIT_WORD})(?:/(?:万|亿)?(?:{_UNIT_WORD}))*"
_UNIT_SPELLING = {"平米": "平方米"}

_OPERATOR_WORD = "|".join(re.escape(o) for o in sorted(_OPERATORS, key=len, reverse=True))
_QUANTITATIVE = re.compile(
    rf"(?P<op>{_OPERATOR_WORD})?(?:{'|'.join(_NEUTRAL_PREFIXES)})?"
    rf"(?P<num>{_NUMBER})(?P<unit>{_UNIT})?(?P<rest>.*)",
    re.DOTALL,
)
# A Word export can print the number twice, the second time as the start of its own
# wording: ≥9090%及以上 is ≥90 followed by "90%及以上".
_DOUBLED = re.compile(
    r"(?P<half>[0-9]+(?:\.[0-9]+)?)(?P=half)(?P<unit>[%‰])(?P<rest>.+)", re.DOTALL
)
_PERCENT_WORDING = re.compile(r"%|百分")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_GE_SUFFIXES = ("及以上", "或以上", "及其以上", "以上")
_LE_SUFFIXES = ("及以下", "或以下", "及其以下", "以下", "以内", "之内", "内")

# A printed date or time limit, possibly recurring (每月…), with words after it.
_DEADLINE = re.compile(
    r"(?:截至|截止到|截止|到|于|在)?(?P<every>每(?:年|月|季度?|周))?"
    r"(?:(?P<y>(?:19|20)[0-9]{2})年)?(?:(?P<m>[0-9]{1,2})月份?)?(?:(?P<d>[0-9]{1,2})[日号])?"
    r"(?P<end>[年月][底末]|[底末])?(?P<before>之前|以前|前|为止|止)?(?P<rest>[^0-9]*)",
    re.DOTALL,
)
# A date printed with dots, dashes or slashes (2023.12.31前, 2024-12-31前, 2024/6前): a
# deadline when it has a day or a before/end marker, so that 2023.12 alone stays a number.
_NUMERIC_DATE = re.compile(
    r"(?:截至|截止到|截止|到|于|在)?(?P<y>(?:19|20)[0-9]{2})(?P<sep>[./-])(?P<m>[0-9]{1,2})"
    r"(?:(?P=sep)(?P<d>[0-9]{1,2})[日号]?)?"
    r"(?P<before>之前|以前|前|为止|止|[底末]前?)?(?P<rest>[^0-9]*)",
    re.DOTALL,
)
_WITHIN_YEAR = re.compile(r"(?:当年度内?|当年|年度内|年内|本年度?内?)(?P<rest>[^0-9]*)", re.DOTALL)

# Direction words of qualitative targets. Words of change win over words of keeping or
# doing, so 保障成本降低 says 降低; within a group the word printed first wins.
_CHANGE_WORDS = (
    "提升", "提高", "增加", "增强", "增长", "扩大", "加大", "加强", "改善", "优化", "延长",
    "促进", "推动", "下降", "降低", "减少", "压缩", "缩短", "节约", "不高于", "不超过", "不低于",
)  # fmt: skip
_KEEP_WORDS = (
    "控制", "保障", "保证", "保持", "稳定", "完成", "达到", "达标", "实现", "规范", "到位",
    "合格", "满意", "有效", "及时", "按时", "防范", "解决",
)  # fmt: skip


@lru_cache(maxsize=16384)  # table cells repeat the same amounts
def parse_number(text: str) -> Decimal | None:
    """The number printed in ``text`` ("4131.67", "1,236.89", "-5", "０.５"), else ``None``.

    Only a whole-cell plain number counts: no unit, no words. The ``Decimal`` keeps the
    printed digits (no float). Never raises.
    """
    folded = _fold(text)
    if not _PLAIN_NUMBER.fullmatch(folded):
        return None
    return _decimal(folded)


@lru_cache(maxsize=8192)  # the same few targets (≥95%, 100%) recur in every table
def parse_target(raw: str, *, fiscal_year: int | None = None) -> TargetValue:
    """Classify a target (指标值) cell into a :class:`TargetValue`; never raises.

    ``raw`` comes back unchanged in ``.raw``; matching runs on a folded copy (full-width
    digits and signs made ASCII, layout spaces removed). The result is one of:

    - quantitative: optional operator (≥ > = < ≤, their full-width and ASCII forms, or the
      wordings of 财预〔2021〕101号 practice: 不低于, 不超过, 控制在…), a ``Decimal`` as printed
      (percent stays in percent: 95, not 0.95), an optional unit (%, 万元, 元/月/人 …, or %
      inferred from wording that says % or 百分), and the trailing ``wording``. A bare
      以上/以下/以内 after the number implies ≥/≤. Words after the number may repeat it
      (``≥95满意度大于等于95%``) but may not hold any other number.
    - deadline: a date or time limit (``2024年年底``, ``11月底前``, ``年内完成``, also
      ``2023.12.31前`` / ``2024-12-31前`` / ``2024.6底``: with dots or dashes a day or a
      marker is needed, ``2023.12`` alone stays a number). Month/day
      without a year use ``fiscal_year``; recurring (每月25日前) or undeterminable limits
      give ``deadline=None``. ``12月`` alone is 12 months, not a deadline.
    - qualitative: words without digits; ``direction`` is the first word of change
      (提升, 降低 …) printed, else the first word of keeping or doing (保障, 完成 …), else None.
    - unparsed: the empty text and anything else with digits: ranges (``2-3次``,
      ``95%-100%``), ordinals (``第1季度``), labels before the operator (``满意度≥95%``).

    Source: RULES.md §2; operator forms from 财预〔2021〕101号.
    """
    text = _fold(raw)
    if not text:
        return TargetValue(raw=raw, kind=TargetKind.UNPARSED)
    if (deadline := _deadline(raw, text, fiscal_year)) is not None:
        return deadline
    if (quantity := _quantity(raw, text)) is not None:
        return quantity
    if not re.search(r"[0-9]", text) and any(c.isalpha() for c in text):
        return TargetValue(raw=raw, kind=TargetKind.QUALITATIVE, direction=_direction(text))
    return TargetValue(raw=raw, kind=TargetKind.UNPARSED)


def _fold(text: str) -> str:
    """The copy that matching runs on: ASCII digits and signs, no layout spaces."""
    return _WIDE_THOUSANDS.sub(",", _SPACE.sub("", text.translate(_FOLD)))


def _quantity(raw: str, text: str) -> TargetValue | None:
    match = _QUANTITATIVE.fullmatch(text)
    if match is None:
        return None
    operator = _OPERATORS.get(match["op"] or "")
    number, unit, wording = match["num"], match["unit"], match["rest"]
    after = wording  # what follows number and unit: may repeat the number, hold no other
    doubled = _DOUBLED.fullmatch(text, match.start("num"))
    # A doubled print is taken only where the single reading is impossible: not one
    # number (9.59.5%) or a percentage over 100 (9090%); ≥1010个 stays 1010.
    if doubled and (number != doubled["half"] * 2 or _decimal(number) > 100):
        number, unit, after = doubled["half"], doubled["unit"], doubled["rest"]
        wording = text[match.start("num") + len(number) :]
    value = _decimal(number)
    if any(_decimal(n) != value for n in _PLAIN_NUMBER.findall(after)):
        return None
    # Run-together words can start with a unit's character (100处置率达到百分百): a unit
    # glued to words that speak of percent was the first word, not the unit.
    if unit and unit not in ("%", "‰") and _PERCENT_WORDING.search(after) and _CJK.match(after):
        unit, wording = None, unit + wording
    if unit is None and _PERCENT_WORDING.search(wording):
        unit = "%"
    elif unit is not None:
        for printed, spelled in _UNIT_SPELLING.items():
            unit = unit.replace(printed, spelled)
    if operator is None and after.startswith(_GE_SUFFIXES):
        operator = Operator.GE
    elif operator is None and after.startswith(_LE_SUFFIXES):
        operator = Operator.LE
    return TargetValue(
        raw=raw,
        kind=TargetKind.QUANTITATIVE,
        operator=operator,
        value=value,
        unit=unit,
        wording=wording or None,
    )


def _deadline(raw: str, text: str, fiscal_year: int | None) -> TargetValue | None:
    if match := _WITHIN_YEAR.fullmatch(text):
        date = _date(fiscal_year, 12, None) if fiscal_year else None
        return TargetValue(
            raw=raw, kind=TargetKind.DEADLINE, deadline=date, wording=match["rest"] or None
        )
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric and (numeric["d"] or numeric["before"]) and 1 <= int(numeric["m"]) <= 12:
        day = int(numeric["d"]) if numeric["d"] else None
        return TargetValue(
            raw=raw,
            kind=TargetKind.DEADLINE,
            deadline=_date(int(numeric["y"]), int(numeric["m"]), day),
            wording=numeric["rest"] or None,
        )
    match = _DEADLINE.fullmatch(text)
    if match is None:
        return None
    year, month, day = match["y"], match["m"], match["d"]
    end, before = match["end"], match["before"]
    printed_parts = sum(part is not None for part in (year, month, day))
    # A marker (底, 前 …) makes any date a limit; without one it takes a printed calendar
    # date (two parts), so that "12月" alone stays a quantity of months.
    anchored = printed_parts or match["every"] or (end is not None and len(end) == 2)
    if not ((end or before) and anchored) and printed_parts < 2:
        return None
    date = None
    if match["every"] is None:
        resolved_year = int(year) if year else fiscal_year
        if month is not None:
            resolved_month: int | None = int(month)
        elif end == "年底" or end == "年末" or (year and day is None):
            resolved_month = 12
        else:
            resolved_month = None  # 月底前, 25日前: which month is not printed
        if resolved_year and resolved_month:
            date = _date(resolved_year, resolved_month, int(day) if day else None)
    return TargetValue(
        raw=raw, kind=TargetKind.DEADLINE, deadline=date, wording=match["rest"] or None
    )


def _date(year: int, month: int, day: int | None) -> dt.date | None:
    """The date, or the month's last day when ``day`` is None; None when impossible."""
    if not (1 <= month <= 12 and dt.MINYEAR <= year <= dt.MAXYEAR):
        return None
    last = calendar.monthrange(year, month)[1]
    if day is not None and not 1 <= day <= last:
        return None
    return dt.date(year, month, day or last)


def _direction(text: str) -> str | None:
    for words in (_CHANGE_WORDS, _KEEP_WORDS):
        found = [(text.find(w), -len(w), w) for w in words if w in text]
        if found:
            return min(found)[2]
    return None


def _decimal(number: str) -> Decimal:
    """``number`` must match ``_NUMBER``, which makes this total."""
    return Decimal(number.replace(",", ""))
