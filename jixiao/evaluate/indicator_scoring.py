"""Scoring one indicator of the 自评表 (财预〔2020〕10号, RULES.md §9).

The 实际完成值 (``IndicatorActual.actual``, read like a target) is compared with the
年度指标值 (``Indicator.target``); ``p`` is the indicator's 分值, ``a`` the actual and ``t``
the target, both numbers in the target's unit. Scores are points rounded to 0.01
(ROUND_HALF_UP), never below 0 nor above ``p``.

- **Positive** (≥, >, or a number with no operator; 正向): ``a ≥ t`` → ``p``; else
  ``a ÷ t × p`` (10号). A zero target (``≥0``) is met by any ``a ≥ 0``; a negative
  target that is missed scores 0 (our choice: the ratio means nothing there). ``>`` is
  read as ``≥``: at ``a = t`` the ratio gives ``p`` anyway. A bare zero with no operator
  (``0次``, ``0处``: 安全责任事故次数, 投诉次数) is read as negative, "none allowed" (our
  choice: nobody sets "at least zero" as a target).
- **Target set too low** (10号 "可酌情扣分", only with ``config.overshoot_deduction``):
  a met positive target whose completion rate ``r = a ÷ t × 100`` exceeds both 100 and
  ``overshoot_threshold`` (150) loses ``p × min(overshoot_max_share, (r − threshold) ÷
  100)``: 200 % of the target on 10 points loses 10 × min(0.5, 0.5) = 5.
- **Negative** (≤, <; 反向): ``a ≤ t`` → ``p``; else by ``config.negative_formula``:
  ``linear`` ``max(0, 1 − (a − t) ÷ t) × p`` (0 at twice the target; one vendor's
  reading, the default) or ``ratio`` ``t ÷ a × p``. A zero (or negative) target that
  is exceeded scores 0: no share of nothing can be allowed (our choice).
- **Equality** (=): ``|a − t| ÷ |t| ≤ equality_tolerance`` → ``p``; else
  ``max(0, 1 − |a − t| ÷ |t|) × p``. A zero target is met only by 0 (else 0 points).
- **Units**: a unit on only one side is taken to be the other's (the template prints
  the target's unit beside the cell); 万 and 亿 prefixes convert (9.8万元 against
  ≤10万元, 98000元 against ≤10万元), ``个月``/``月`` and ``日``/``天`` are the same;
  any other difference is **unscorable**: 0 points and a warning.
- **Deadline**: an actual date not after the target's → ``p``; an actual that says it was
  on time (按时, 如期, 提前, 按期, 准时, 已完成, 全部完成, with none of 未, 没, 延期,
  推迟, 滞后, 逾期, 超期, 无法, 不能) → ``p`` (our reading of the wording); otherwise by
  the band the unit judged, else 0.
- **Qualitative** (words, or a target that could not be parsed; also a number target
  whose actual is words): by the unit's band (10号): 达成 80–100 %, 部分达成 60–80 %,
  未达成 0–60 % of ``p``. The unit's own 得分 (``claimed_score``) is kept when inside
  the band and moved to its nearer edge when outside; with none, ``band_shares`` of
  ``p`` (达成 100 %, 部分达成 70 %, 未达成 30 %). No band → 0.
- **Missing**: no actual and no band → 0.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache

from jixiao.evaluate.config import EvaluationConfig, NegativeFormula
from jixiao.evaluate.results import IndicatorScore, ScoringMethod
from jixiao.evaluate.weights import CENT
from jixiao.model import Indicator, Level1, Operator, TargetKind
from jixiao.model.actuals import Achievement, IndicatorActual

__all__ = ["Note", "score_with_note", "unit_factor"]

_ZERO = Decimal(0)
_ONE = Decimal(1)
_HUNDRED = Decimal(100)
_NIL = Decimal("0.00")  # zero points as printed
_ON_TIME = ("按时", "如期", "提前", "按期", "准时", "已完成", "全部完成")
_LATE = ("未", "没", "延期", "延迟", "推迟", "滞后", "逾期", "超期", "无法", "不能")
_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_SYNONYMS = {"日": "天", "千米": "公里", "千克": "公斤", "平米": "平方米"}


class Note(StrEnum):
    """Why an indicator scored as it did, when a finding should say so."""

    ACTUAL_MISSING = "actual_missing"
    ACHIEVEMENT_MISSING = "achievement_missing"
    DEADLINE_UNJUDGED = "deadline_unjudged"
    UNITS_INCOMPATIBLE = "units_incompatible"
    NOT_A_NUMBER = "not_a_number"
    CLAIMED_CLAMPED = "claimed_clamped"

    @property
    def label(self) -> str:
        """What the unit should do, in Chinese, as a finding says it."""
        return _NOTE_LABELS[self]


_NOTE_LABELS = {
    Note.ACTUAL_MISSING: "请填写实际完成值",
    Note.ACHIEVEMENT_MISSING: "请判定达成等级（达成/部分达成/未达成）",
    Note.DEADLINE_UNJUDGED: "请填写实际完成时间，或判定达成等级",
    Note.UNITS_INCOMPATIBLE: "请按年度指标值的计量单位填写实际完成值",
    Note.NOT_A_NUMBER: "请填写数值，或判定达成等级",
    Note.CLAIMED_CLAMPED: "自评得分应在所评等级的得分区间内",
}


def _q(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)  # positional rounding: measurably faster


def _num(value: Decimal) -> str:
    """A number as a person writes it: ``95``, ``0.3``, ``80`` (never ``8E+1``)."""
    text = str(value)
    return text if "E" not in text else format(value, "f")


@lru_cache(maxsize=4096)
def unit_factor(actual_unit: str | None, target_unit: str | None) -> Decimal | None:
    """What an actual in ``actual_unit`` is multiplied by to be in ``target_unit``.

    1 when either is missing or both are the same; 10,000 for 万元 → 元; ``None``
    when the units cannot be compared (% against 个). See the module docstring.
    """
    if actual_unit is None or target_unit is None or actual_unit == target_unit:
        return _ONE
    actual_mult, actual_base = _split_unit(actual_unit)
    target_mult, target_base = _split_unit(target_unit)
    if actual_base != target_base and actual_base and target_base:
        return None
    return actual_mult / target_mult


def _split_unit(unit: str) -> tuple[Decimal, str]:
    multiplier = _ONE
    if unit[:1] in _MULTIPLIERS:
        multiplier, unit = _MULTIPLIERS[unit[:1]], unit[1:]
    if unit.startswith("个") and len(unit) > 1:
        unit = unit[1:]
    return multiplier, _SYNONYMS.get(unit, unit)


def score_with_note(
    indicator: Indicator,
    actual: IndicatorActual | None,
    weight: Decimal,
    config: EvaluationConfig,
) -> tuple[IndicatorScore, Note | None]:
    """The :class:`IndicatorScore` of ``indicator`` for ``weight`` points (already to
    0.01), and the note a finding should be raised for (``None`` when none)."""
    value = actual.actual if actual is not None else None
    if value is None or not value.raw.strip():
        if actual is None or actual.achievement is None:
            text = "未填报实际完成值，得 0 分"
            return _result(
                indicator, actual, weight, ScoringMethod.MISSING, _NIL, text
            ), Note.ACTUAL_MISSING
        return _band(indicator, actual, weight, config, ScoringMethod.QUALITATIVE)
    assert actual is not None
    target = indicator.target
    kind = target.kind
    if kind is TargetKind.QUANTITATIVE and target.value is not None:
        return _quantitative(indicator, actual, weight, config)
    if kind is TargetKind.DEADLINE:
        return _deadline(indicator, actual, weight, config)
    return _band(indicator, actual, weight, config, ScoringMethod.QUALITATIVE)


def _quantitative(
    indicator: Indicator, actual: IndicatorActual, p: Decimal, config: EvaluationConfig
) -> tuple[IndicatorScore, Note | None]:
    target = indicator.target
    value = actual.actual
    assert value is not None and target.value is not None
    a = value.value
    if a is None or value.kind is not TargetKind.QUANTITATIVE:
        if actual.achievement is not None:
            return _band(indicator, actual, p, config, ScoringMethod.QUALITATIVE)
        text = f"实际完成值“{value.raw}”不是数值，无法与年度指标值“{target.raw}”比较，得 0 分"
        return _result(
            indicator, actual, p, ScoringMethod.UNSCORABLE, _NIL, text
        ), Note.NOT_A_NUMBER
    unit = target.unit
    if value.unit is not None and unit is not None and value.unit != unit:
        factor = unit_factor(value.unit, unit)
        if factor is None:
            text = (
                f"实际完成值“{value.raw}”与年度指标值“{target.raw}”计量单位不同，无法计分，得 0 分"
            )
            return _result(
                indicator, actual, p, ScoringMethod.UNSCORABLE, _NIL, text
            ), Note.UNITS_INCOMPATIBLE
        a = (a * factor).normalize()
    t = target.value
    unit = unit or value.unit or ""
    shown_a, shown_t = _num(a) + unit, _num(t) + unit
    ratio = a / t if t else None
    rate = None if ratio is None else (ratio * _HUNDRED).quantize(CENT, ROUND_HALF_UP)
    operator = target.operator
    if operator is Operator.GE or operator is Operator.GT or (operator is None and t):
        if a < t:
            if t <= 0 or ratio is None or ratio <= 0:
                text = f"实际完成值 {shown_a} 低于年度指标值 {shown_t}，得 0 分"
                return _result(
                    indicator, actual, p, ScoringMethod.POSITIVE, _NIL, text, rate=rate
                ), None
            score = (ratio * p).quantize(CENT, ROUND_HALF_UP)
            text = f"实际完成值 {shown_a} ÷ 年度指标值 {shown_t} × 分值 {p!s} = {score!s}"
            return _result(
                indicator, actual, p, ScoringMethod.POSITIVE, score, text, rate=rate
            ), None
        text = f"实际完成值 {shown_a} ≥ 年度指标值 {shown_t}，得满分 {p!s}"
        if config.overshoot_deduction and ratio is not None and ratio > _ONE:
            return _overshoot(indicator, actual, p, config, ratio, rate, text), None
        return _result(indicator, actual, p, ScoringMethod.POSITIVE, p, text, rate=rate), None
    if operator is Operator.EQ:
        method = ScoringMethod.EQUALITY
        score, text = _equality(a, t, p, config, shown_a, shown_t)
    else:  # ≤, <, or a bare zero
        method = ScoringMethod.NEGATIVE
        score, text = _negative(a, t, p, config, shown_a, shown_t)
    return _result(indicator, actual, p, method, score, text, rate=rate), None


def _overshoot(
    indicator: Indicator,
    actual: IndicatorActual,
    p: Decimal,
    config: EvaluationConfig,
    ratio: Decimal,
    rate: Decimal | None,
    text: str,
) -> IndicatorScore:
    """A met positive target, cut when exceeded beyond the threshold (目标设定偏低)."""
    exact_rate = ratio * _HUNDRED
    threshold = config.overshoot_threshold
    deduction = _ZERO
    if exact_rate > threshold:
        share = min(config.overshoot_max_share, (exact_rate - threshold) / _HUNDRED)
        deduction = min(_q(p * share), p)
        text += (
            f"；完成率 {rate!s}% 超过 {_num(threshold)}%，目标设定偏低，"
            f"扣 {deduction!s} 分，得 {p - deduction!s}"
        )
    return _result(
        indicator, actual, p, ScoringMethod.POSITIVE, p - deduction, text, rate=rate,
        deduction=deduction,
    )  # fmt: skip


def _negative(
    a: Decimal, t: Decimal, p: Decimal, config: EvaluationConfig, sa: str, st: str
) -> tuple[Decimal, str]:
    if a <= t:
        return p, f"实际完成值 {sa} ≤ 年度指标值 {st}，得满分 {p!s}"
    if t <= 0:
        return _NIL, f"年度指标值为 {st}，实际完成值 {sa} 超过它，得 0 分"
    if config.negative_formula is NegativeFormula.RATIO:
        score = _q(t / a * p)
        return score, f"年度指标值 {st} ÷ 实际完成值 {sa} × 分值 {p!s} = {score!s}"
    score = _q(max(_ONE - (a - t) / t, _ZERO) * p)
    return score, f"（1 − (实际完成值 {sa} − 年度指标值 {st}) ÷ {st}）× 分值 {p!s} = {score!s}"


def _equality(
    a: Decimal, t: Decimal, p: Decimal, config: EvaluationConfig, sa: str, st: str
) -> tuple[Decimal, str]:
    if a == t or (t and abs(a - t) / abs(t) <= config.equality_tolerance):
        return p, f"实际完成值 {sa} 与年度指标值 {st} 相符，得满分 {p!s}"
    if not t:
        return _NIL, f"年度指标值为 0，实际完成值 {sa} 不为 0，得 0 分"
    score = _q(max(_ONE - abs(a - t) / abs(t), _ZERO) * p)
    return score, f"（1 − |实际完成值 {sa} − 年度指标值 {st}| ÷ {st}）× 分值 {p!s} = {score!s}"


def _deadline(
    indicator: Indicator, actual: IndicatorActual, p: Decimal, config: EvaluationConfig
) -> tuple[IndicatorScore, Note | None]:
    target = indicator.target
    value = actual.actual
    assert value is not None
    method = ScoringMethod.DEADLINE
    late = ""
    if value.deadline is not None and target.deadline is not None:
        if value.deadline <= target.deadline:
            text = (
                f"实际完成时间 {_date(value.deadline)} 不晚于年度指标值 {_date(target.deadline)}，"
                f"得满分 {p!s}"
            )
            return _result(indicator, actual, p, method, p, text), None
        late = f"实际完成时间 {_date(value.deadline)} 晚于年度指标值 {_date(target.deadline)}"
    elif says_on_time(value.raw):
        text = f"实际完成情况“{value.raw}”表明按期完成，得满分 {p!s}"
        return _result(indicator, actual, p, method, p, text), None
    if actual.achievement is not None:
        return _band(indicator, actual, p, config, method)
    late = late or f"实际完成情况“{value.raw}”不能确认按期完成"
    text = f"{late}，且未判定达成等级，得 0 分"
    return _result(indicator, actual, p, method, _NIL, text), Note.DEADLINE_UNJUDGED


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def says_on_time(text: str) -> bool:
    """True when ``text`` says a deadline was met (按时完成, 如期, 提前 … and no 未)."""
    compact = "".join(text.split())
    return any(word in compact for word in _ON_TIME) and not any(word in compact for word in _LATE)


def _band(
    indicator: Indicator,
    actual: IndicatorActual,
    p: Decimal,
    config: EvaluationConfig,
    method: ScoringMethod,
) -> tuple[IndicatorScore, Note | None]:
    band = actual.achievement
    if band is None:
        text = "未判定达成等级（达成/部分达成/未达成），得 0 分"
        return _result(indicator, actual, p, method, _NIL, text), Note.ACHIEVEMENT_MISSING
    low, high = config.band_ranges[band]
    lowest, highest = _q(low * p), _q(high * p)
    claimed = actual.claimed_score
    note = None
    if claimed is not None:
        score = _q(min(max(claimed, lowest), highest))
        text = f"评为“{band.label}”，得分区间 {lowest!s}–{highest!s}，单位自评得分 {_num(claimed)}"
        if lowest <= claimed <= highest:
            text += "，在区间内"
        else:
            note = Note.CLAIMED_CLAMPED
            text += f"，超出区间，按 {score!s} 计"
    else:
        score, text = _band_share(band, p, config.band_shares[band])
    return _result(indicator, actual, p, method, score, text, achievement=band), note


@lru_cache(maxsize=1024)
def _band_share(band: Achievement, p: Decimal, share: Decimal) -> tuple[Decimal, str]:
    """(score, explanation) of a band judged with no claimed score."""
    score = _q(share * p)
    return score, f"评为“{band.label}”，按分值 {p!s} × {_num(share * _HUNDRED)}% = {score!s}"


def _result(
    indicator: Indicator,
    actual: IndicatorActual | None,
    weight: Decimal,
    method: ScoringMethod,
    score: Decimal,
    explanation: str,
    *,
    rate: Decimal | None = None,
    deduction: Decimal = _ZERO,
    achievement: Achievement | None = None,
) -> IndicatorScore:
    note = improvement = claimed = raw = None
    if actual is not None:
        value = actual.actual
        raw = value.raw if value is not None else None
        note = actual.deviation_note
        if actual.deviation_causes and not (note and note.strip()):
            note = "、".join([cause.label for cause in actual.deviation_causes])
        improvement = actual.improvement
        claimed = actual.claimed_score
    level = indicator.level1.normalised
    return IndicatorScore(
        indicator_index=indicator.index,
        level1=level if isinstance(level, Level1) else None,
        level1_raw=indicator.level1.raw,
        level2_raw=indicator.level2.raw,
        level3=indicator.level3,
        target_raw=indicator.target.raw,
        actual_raw=raw,
        weight=weight,
        score=score,
        method=method,
        explanation=explanation,
        completion_rate=rate,
        deduction=deduction,
        achievement=achievement,
        deviation_note=note,
        improvement=improvement,
        claimed_score=claimed,
    )
