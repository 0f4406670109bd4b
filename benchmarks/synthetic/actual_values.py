"""Indicator actuals of the synthetic reports (a mixin of the filler in
:mod:`.actuals`): the value a unit writes for each indicator, met, exceeded, missed or
blank, as text read by :func:`jixiao.ingest.target.parse_target`; the achievement band;
完成目标可能性; 偏差原因 and 改进措施; the unit's own 分值 and 得分."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from jixiao.ingest.target import parse_target
from jixiao.model import Indicator, Location, Operator, Project, TargetKind, TargetValue
from jixiao.model.actuals import (
    Achievement,
    ActualsKind,
    DeviationCause,
    IndicatorActual,
    Likelihood,
)

MONITOR = ActualsKind.MONITORING
EVALUATE = ActualsKind.SELF_EVALUATION

_CAUSE_NOTES = {
    DeviationCause.FUNDING: ("资金下达较晚，支付进度滞后", "部分资金尚未拨付到位"),
    DeviationCause.INSTITUTIONAL: ("采购程序调整，合同签订推迟", "审批流程较长，项目启动延后"),
    DeviationCause.STAFFING: ("项目负责人员调整，工作衔接滞后", "专业技术人员不足"),
    DeviationCause.HARDWARE: ("设备到货延迟，安装调试未完成", "场地条件不具备，施工推迟"),
    DeviationCause.OTHER: ("受天气影响，施工进度放缓", "服务需求较预期减少"),
}
_IMPROVEMENTS = (
    "加快项目实施进度，确保年底前完成",
    "加强与财政、采购部门沟通，加快资金支付",
    "完善内部管理制度，压实责任",
    "调整实施计划，统筹推进后续工作",
)
_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_DURATIONS = ("年", "月", "个月", "天", "日", "工作日", "个工作日", "小时", "分钟")
"""Units of a duration: a count of them does not accrue month by month."""


def _number(value: float, like: Decimal) -> str:
    """``value`` printed with the decimal places of ``like`` (the target's number), one
    place where a whole-number target meets a value that is not whole (``96.5%``)."""
    exponent = like.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places == 0 and abs(value - round(value)) >= 0.05:
        places = 1
    return f"{value:.{places}f}"


class IndicatorValues:
    """The indicator rows of :class:`~synthetic.actuals._Filler` (a mixin: it uses the
    filler's ``rng``, ``kind``, ``period``, ``year``, ``plant`` and ``rare_here``)."""

    def indicator(
        self, project: Project, ind: Indicator, loc: Location, weights: dict[int, Decimal]
    ) -> IndicatorActual:
        target, seq, at = ind.target, project.seq, loc.at(row=8 + ind.index)
        if target.kind is TargetKind.QUANTITATIVE and target.value is not None:
            outcome, actual, projected, band = self.quantity(target)
        elif target.kind is TargetKind.DEADLINE:
            outcome, actual, projected, band = self.deadline(target)
        else:
            outcome, actual, projected, band = self.quality(target)
        qualitative = target.kind is TargetKind.QUALITATIVE
        if self.kind is EVALUATE and self.rare_here("band-missing", seq) and band and qualitative:
            outcome, band = "missed", None  # the unit wrote words and chose no band
            self.plant("band-missing", seq, ind.index)
            self.rare_seq = None
        if self.kind is EVALUATE and self.rare_here("not-comparable", seq) and target.unit:
            other = "台次" if target.unit != "台次" else "项"  # a slip of the unit
            actual = "已完成" if target.unit == "%" else f"{target.value}{other}"
            outcome, band = "missed", None
            self.plant("not-comparable", seq, ind.index)
            self.rare_seq = None
        if self.kind is MONITOR:
            return self.monitored(seq, ind, at, outcome, actual, projected, band)
        return self.evaluated(seq, ind, at, outcome, actual, band, weights.get(ind.index))

    def outcome(self) -> str:
        """on-track / behind / blank (monitoring) or met / exceeded / far-exceeded /
        missed / far-missed / blank (year end)."""
        x = self.rng.random()
        if self.kind is MONITOR:
            return "on-track" if x < 0.82 else "behind" if x < 0.97 else "blank"
        for bound, name in ((0.72, "met"), (0.80, "exceeded"), (0.82, "far-exceeded"),
                            (0.91, "missed"), (0.96, "far-missed")):  # fmt: skip
            if x < bound:
                return name
        return "blank"

    def quantity(self, t: TargetValue) -> tuple[str, str | None, str | None, None]:
        r, v, unit = self.rng, float(t.value or 0), t.unit or ""
        percent = unit == "%"
        negative = t.operator in (Operator.LE, Operator.LT) or (v == 0 and t.operator is None)
        outcome = self.outcome()
        if outcome == "blank":
            return outcome, None, None, None
        if self.kind is MONITOR:  # counts and amounts accrue by month; rates and caps do not
            pro_rata = not percent and "/" not in unit and unit not in _DURATIONS and v > 0
            share = self.period / 12 if pro_rata else 1.0
            on_track = outcome == "on-track"
            if negative:
                factor = r.uniform(0.85, 1.0) if on_track else r.uniform(1.1, 1.4)
                year_end = v if on_track else v * 1.15
            else:
                factor = r.uniform(0.95, 1.15) if on_track else r.uniform(0.4, 0.7)
                year_end = v if on_track else v * 0.85
            value = v * share * factor
            if percent:
                value, year_end = min(value, 100.0), min(year_end, 100.0)
            if v == 0:
                value = year_end = 0.0 if on_track else 1.0
            return outcome, self.text(value, t), self.text(year_end, t), None
        if outcome == "far-exceeded" and (percent or negative or v == 0):
            outcome = "exceeded"  # a rate cannot pass 100 %; a ≤ target is met by less
        if negative:
            value = {
                "met": v * r.choice((1.0, r.uniform(0.8, 1.0))),
                "exceeded": v * r.uniform(0.6, 0.9),
                "missed": max(v * r.uniform(1.1, 1.3), v + 0.01),
                "far-missed": v * r.uniform(1.6, 2.6),
            }[outcome]
            if v == 0:
                value = 0.0 if outcome in ("met", "exceeded") else float(r.randint(1, 3))
        elif percent:
            value = {
                "met": min(100.0, v + r.choice((0.0, 0.0, r.uniform(0, 4)))),
                "exceeded": min(100.0, v + r.uniform(0.5, 5)),
                "missed": v - r.uniform(1, 6) if v > 20 else v * r.uniform(0.5, 0.8),
                "far-missed": v * r.uniform(0.3, 0.6),
            }[outcome]
        else:
            value = {
                "met": v,
                "exceeded": v * r.uniform(1.05, 1.3),
                "far-exceeded": v * r.uniform(1.7, 2.5),
                "missed": v * r.uniform(0.8, 0.95),
                "far-missed": v * r.uniform(0.3, 0.6),
            }[outcome]
        if t.operator is Operator.GT and outcome in ("met", "exceeded"):
            value = max(value, v + (1 if not percent else min(0.5, (100 - v) / 2)))
        if t.operator is Operator.LT and outcome in ("met", "exceeded"):
            value = min(value, v * 0.9)
        text = self.text(value, t)
        short = outcome in ("missed", "far-missed")
        printed = self.parse(text).value
        if (
            short
            and printed is not None
            and (printed <= t.value if negative else printed >= t.value)
        ):
            outcome = "met"  # rounding to the target's places reached the target
        return outcome, text, None, None

    def text(self, value: float, t: TargetValue) -> str:
        """The target's text with ``value`` for its number and without its operator, as
        units write an actual: ``≤8元/人/餐`` → ``7.5元/人/餐``, ``≥95%`` → ``96.5%``."""
        assert t.value is not None
        match = _NUMBER.search(t.raw)
        if match is None:
            return f"{_number(value, t.value)}{t.unit or ''}"
        if t.unit != "%" and "." not in match[0]:
            number = str(round(value))
        else:
            number = _number(value, t.value)
        prefix = t.raw[: match.start()].lstrip("≥≤<>=＞＜＝")
        return f"{prefix}{number}{t.raw[match.end() :]}"

    def deadline(self, t: TargetValue) -> tuple[str, str | None, str | None, Achievement | None]:
        r, when = self.rng, t.deadline
        outcome = self.outcome()
        if outcome == "blank":
            return outcome, None, None, None
        if self.kind is MONITOR:
            on_track = outcome == "on-track"
            if when is not None and when.month <= self.period and when.year == self.year:
                done = when - dt.timedelta(days=r.randint(0, 20))
                text = f"{done.year}年{done.month}月{done.day}日完成"
            else:
                text = "按计划推进" if on_track else "进度滞后"
            band = Achievement.ACHIEVED if on_track else Achievement.PARTLY
            return outcome, text, "按时完成" if on_track else "预计延期完成", band
        if outcome in ("met", "exceeded", "far-exceeded"):
            if when is None or r.random() < 0.5:
                return "met", "按时完成", None, Achievement.ACHIEVED
            done = when - dt.timedelta(days=r.randint(0, 25))
            return "met", f"{done.year}年{done.month}月{done.day}日", None, Achievement.ACHIEVED
        band = Achievement.PARTLY if outcome == "missed" else Achievement.NOT_ACHIEVED
        if when is None:
            return outcome, "部分延迟完成", None, band
        late = when + dt.timedelta(days=r.randint(15, 60) if outcome == "missed" else 120)
        return outcome, f"{late.year}年{late.month}月{late.day}日", None, band

    def quality(self, t: TargetValue) -> tuple[str, str | None, str | None, Achievement | None]:
        r = self.rng
        outcome = self.outcome()
        if outcome == "blank":
            return outcome, None, None, None
        if self.kind is MONITOR:
            if outcome == "on-track":
                return outcome, "按计划推进", t.raw, Achievement.ACHIEVED
            return outcome, "进度滞后", "部分达成", Achievement.PARTLY
        if outcome in ("met", "exceeded", "far-exceeded"):
            text = r.choice((t.raw, "达成年度指标", f"已{t.raw}"))
            return "met", text, None, Achievement.ACHIEVED
        if outcome == "missed":
            return outcome, "部分达成", None, Achievement.PARTLY
        return outcome, "未达成", None, Achievement.NOT_ACHIEVED

    def reason(self) -> tuple[tuple[DeviationCause, ...], str | None, str]:
        """Deviation causes, note and improvement as units give them: a kind and words
        (50 %), words only (30 %), a kind only (20 %)."""
        r = self.rng
        causes = tuple(r.sample(list(DeviationCause), r.choice((1, 1, 1, 2))))
        x = r.random()
        note = r.choice(_CAUSE_NOTES[causes[0]]) if x < 0.8 else None
        return (causes if x < 0.5 or x >= 0.8 else ()), note, r.choice(_IMPROVEMENTS)

    def parse(self, raw: str) -> TargetValue:
        return parse_target(raw, fiscal_year=self.year)

    def monitored(
        self,
        seq: int,
        ind: Indicator,
        at: Location,
        outcome: str,
        actual: str | None,
        projected: str | None,
        band: Achievement | None,
    ) -> IndicatorActual:
        """The 136号 row: 1–N月完成情况, 全年预计, 完成目标可能性 (确定能 95 % of the rows
        on track, 有可能/完全不可能 otherwise, blank in 2 %), 偏差原因 for 55 % of the
        rows not judged certain."""
        r = self.rng
        if outcome == "blank":
            self.plant("actual-blank", seq, ind.index)
            likelihood = r.choice((Likelihood.CERTAIN, Likelihood.POSSIBLE))
        elif outcome == "on-track":
            likelihood = Likelihood.CERTAIN if r.random() < 0.95 else Likelihood.POSSIBLE
        else:
            likelihood = Likelihood.POSSIBLE if r.random() < 0.7 else Likelihood.IMPOSSIBLE
        if r.random() < 0.02:
            likelihood = None
            self.plant("likelihood-blank", seq, ind.index)
        causes, note, improvement = (), None, None
        if likelihood is not None and likelihood is not Likelihood.CERTAIN:
            explained = r.random() < 0.55
            self.plant(f"uncertain-{'explained' if explained else 'unexplained'}", seq, ind.index)
            if explained:
                causes, note, improvement = self.reason()
        return IndicatorActual(
            indicator_index=ind.index,
            level3=ind.level3,
            actual=self.parse(actual) if actual else None,
            projected=self.parse(projected) if projected else None,
            likelihood=likelihood,
            deviation_causes=causes,
            deviation_note=note,
            improvement=improvement,
            achievement=band,
            location=at,
        )

    def evaluated(
        self,
        seq: int,
        ind: Indicator,
        at: Location,
        outcome: str,
        actual: str | None,
        band: Achievement | None,
        weight: Decimal | None,
    ) -> IndicatorActual:
        """The 自评表 row: 实际完成值, band, 偏差原因分析及改进措施 for 55 % of the missed
        targets (30 % of the blank ones), and, where the unit gave 分值, its 得分: full
        marks when met, and full marks claimed for every missed one judged in a band and
        half the others."""
        r, target = self.rng, ind.target
        zero = target.value == 0 and target.operator is None  # a count of incidents
        causes, note, improvement, remark, claimed = (), None, None, None, None
        if outcome == "blank":
            self.plant("actual-blank", seq, ind.index)
            if r.random() < 0.3:
                causes, note, improvement = self.reason()
        elif outcome in ("missed", "far-missed"):
            explained = r.random() < 0.55
            kind = f"missed-{'explained' if explained else 'unexplained'}"
            if zero and not explained:  # 安全事故次数 0次 with 2次 reported
                kind = "zero-target-exceeded"
            self.plant(kind, seq, ind.index)
            if explained:
                causes, note, improvement = self.reason()
        elif outcome == "far-exceeded":
            self.plant("far-exceeded", seq, ind.index)
            remark = "目标设定偏低" if r.random() < 0.3 else None
        if weight is not None and actual is not None and not zero:  # the unit's own 得分
            if outcome == "met" or outcome.endswith("exceeded"):
                claimed = weight
            elif band is not None or r.random() < 0.5:
                claimed = weight  # full marks claimed for a missed target
                self.plant("claim-inflated", seq, ind.index)
        return IndicatorActual(
            indicator_index=ind.index,
            level3=ind.level3,
            actual=self.parse(actual) if actual else None,
            deviation_causes=causes,
            deviation_note=note,
            improvement=improvement,
            remark=remark,
            achievement=band,
            weight=weight,
            claimed_score=claimed,
            location=at,
        )
