"""Review rules of the *target* family (指标值): can each target be read, measured, graded?

A target is kept as printed and parsed into a :class:`~jixiao.model.TargetValue`
(:func:`jixiao.ingest.target.parse_target`). These rules look at one indicator at a
time: targets that cannot be read, numbers run together with words, words where a
number belongs, weak wording, percentages over 100, cost targets without money or
above the budget, satisfaction not in %, units that disagree with the indicator's own
name, deadlines outside the fiscal year (RULES.md §2).

One target gets at most one finding about being *words instead of a number*: the rules
for cost, satisfaction, measurable names, restated names and weak wording are tried in
that order and the first that applies reports it (:func:`_wording_issue`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from difflib import SequenceMatcher
from functools import lru_cache

from jixiao.ingest.projects import QUALITATIVE_MARK
from jixiao.model import (
    Disclosure,
    Indicator,
    Level1,
    Level2,
    MoneyUnit,
    Operator,
    Project,
    Severity,
    TargetKind,
    TargetValue,
)
from jixiao.review.framework import is_input_as_output, name_key
from jixiao.review.registry import Hit, hit, rule

_PERCENT_UNITS = frozenset({"%", "‰", "个百分点", "百分点"})
_MONEY_SCALE = re.compile(r"^(亿|万|千|百)?元")
_UNIT_IN_NAME = re.compile(r"[（(]\s*([^（）()]{1,10}?)\s*[)）]\s*$")
_UNIT_WORDS = re.compile(
    r"^(?:%|％|‰|(?:万|亿)?(?:元|个|人|次|人次|套|辆|台|部|层|件|条|项|场|批|户|家|所|名|篇|"
    r"份|张|本|册|座|栋|间|块|吨|度|千瓦时|立方米|平方米|平米|米|公里|亩|天|日|月|个月|年|"
    r"小时|分钟|周|季度))(?:/(?:万|亿)?[\u4e00-\u9fff]{1,4})*$"
)
_RATE_NAME = re.compile(r"(?<![效频功])率$")  # 效率, 频率 (次/月) and 功率 are not shares
_COUNT_NAME = re.compile(
    r"(?:数量|个数|人数|人次|户数|件数|台数|辆数|套数|部数|次数|场次|批次|天数|月数|份数|册数|"
    r"频次|频率|面积|长度|里程|吨数|度数)$"
)
_GROWTH_NAME = re.compile(r"增长|增幅|增速|增加率|提高率|提升率|上升率|同比|环比|倍")
_DIGIT = re.compile(r"[0-9０-９]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PHRASE_MIN = 4  # Han characters that make a phrase, not a unit (人, 万元) or a label

# Weak qualitative targets (RULES.md §2, B: qualitative targets must be gradable,
# 分级分档): a direction word alone, perhaps after a short subject and a word that says
# nothing about how much (长效, 逐步, 较上年 …). A degree word (明显, 有所 …) grades it.
_WEAK = re.compile(
    r"^[\u4e00-\u9fff]{0,4}?"
    r"(?:长效|持续|不断|进一步|逐步|稳步|逐年|较上年|较往年|比上年|同比|得到)?"
    r"(?:提升|提高|增加|增强|增长|改善|优化|下降|降低|减少|延长|加强|扩大|缩短)$"
)
# A degree with nothing it qualifies is as weak; 良好, 较好 are grades and stay.
_DEGREE_ALONE = frozenset({"明显", "显著", "较大"})
_DEGREE_WORDS = re.compile(r"明显|显著|有所|大幅|较大|较好|良好|稍有|略有|一定")
_FILLER = re.compile(
    r"保质保量|按时|如期|顺利|全面|圆满|完成|实现|达到|达标|到位|做好|有效|明显|显著|进一步|持续"
    r"|不断|长效|得到|有所|逐步|稳步|提升|提高|增强|加强|改善"
)
_NOT_TEXT = re.compile(r"[\s，,、。．.；;：:“”\"'‘’《》（）()!！?？—\-/／]+")

_LOWER_BOUNDS = (Operator.GE, Operator.GT)

COUNT = "count"
"""An announced unit meaning: any unit but a percentage (see :func:`_announced_unit`)."""

_OPERATOR_TEXT = {
    Operator.GE: "≥",
    Operator.GT: ">",
    Operator.EQ: "=",
    Operator.LT: "<",
    Operator.LE: "≤",
}


# -- shared predicates ---------------------------------------------------------------------


def _is_money_cost(ind: Indicator) -> bool:
    """A cost whose target is money: 二级 成本 or 经济成本, or a 成本 一级 without a
    readable 二级 (财预〔2021〕101号: 社会成本 and 生态环境成本 may be described otherwise)."""
    # Identity tests only: this runs for every indicator in several rules.
    level2 = ind.level2.normalised
    if level2 is Level2.COST or level2 is Level2.ECONOMIC_COST:
        return True
    return level2 is None and ind.level1.normalised is Level1.COST


def _is_satisfaction(ind: Indicator) -> bool:
    return (
        ind.level1.normalised is Level1.SATISFACTION
        or ind.level2.normalised is Level2.BENEFICIARY_SATISFACTION
        or "满意" in ind.level3
    )


def _has_money_unit(target: TargetValue) -> bool:
    return target.unit is not None and "元" in target.unit


def _is_blank(target: TargetValue) -> bool:
    """Nothing printed, or only a dash or slash standing for nothing — also after the
    指标性质 word 定性 that a split table prints before the value (``定性 /``)."""
    return not _plain(_without_mark(target.raw))


def _without_mark(raw: str) -> str:
    """``raw`` without a leading 指标性质 word 定性 (kept in raw by the split-table reader,
    :func:`jixiao.ingest.projects.split_target`)."""
    text = (raw or "").strip()
    return text[len(QUALITATIVE_MARK) :] if text.startswith(QUALITATIVE_MARK) else text


def _declared_words(target: TargetValue) -> bool:
    """A target its table declares qualitative (指标性质 定性) and prints as a phrase
    (``定性 该矿投产后，预计可解决当地就业人员超200人 人``): words that happen to hold a
    number, readable as a qualitative target rather than an unreadable one."""
    text = _without_mark(target.raw)
    return text != (target.raw or "").strip() and len(_CJK.findall(text)) >= _PHRASE_MIN


@lru_cache(maxsize=16384)
def _plain(text: str) -> str:
    return _NOT_TEXT.sub("", text or "")


@lru_cache(maxsize=16384)
def _measurable_because(name: str, level2: Level2 | None) -> str | None:
    """Why a target of this indicator could be a number, or ``None``."""
    key = name_key(name)
    if _RATE_NAME.search(key):
        return "名称为比率"
    if match := _COUNT_NAME.search(key):
        return f"名称含「{match.group()}」"
    if _unit_in_name(name) is not None:
        return "名称已注明计量单位"
    if level2 is Level2.QUANTITY:
        return "数量指标应为数值"
    if level2 is Level2.TIMELINESS:
        return "时效指标应为完成时限或及时率"
    return None


@lru_cache(maxsize=16384)
def _restates(name: str, raw: str) -> bool:
    """True when the words of the target only repeat the indicator's name."""
    name_text, target_text = _plain(name_key(name)), _plain(raw)
    if not name_text or not target_text:
        return False
    if name_text == target_text:
        return True
    if len(name_text) >= 4 and name_text in target_text:
        # The name plus filler (保质保量完成) restates it; plus other words (加大宣传) does not.
        return not _FILLER.sub("", target_text.replace(name_text, "", 1))
    return SequenceMatcher(None, name_text, target_text).ratio() >= 0.8


@lru_cache(maxsize=16384)
def _is_weak(raw: str) -> bool:
    text = _plain(raw)
    if text in _DEGREE_ALONE:
        return True
    return _DEGREE_WORDS.search(text) is None and _WEAK.match(text) is not None


def _wording_issue(ind: Indicator) -> str | None:
    """The one *words instead of a number* problem of this indicator's target, if any:
    ``cost``, ``satisfaction``, ``measurable``, ``restates`` or ``weak``."""
    target = ind.target
    kind = target.kind
    if kind is TargetKind.UNPARSED:
        return None
    if _is_money_cost(ind):
        if _has_money_unit(target) or is_input_as_output(ind):
            return None
        return "cost"
    if target.unit == "%":
        return None  # a percentage answers every question below
    if _is_satisfaction(ind):
        return None if is_input_as_output(ind) else "satisfaction"
    if kind is not TargetKind.QUALITATIVE:
        return None
    level2 = ind.level2.normalised
    issue = _qualitative_issue(
        ind.level3, target.raw, level2 if isinstance(level2, Level2) else None
    )
    if issue is not None and is_input_as_output(ind):
        return None
    return issue


@lru_cache(maxsize=16384)
def _qualitative_issue(name: str, raw: str, level2: Level2 | None) -> str | None:
    if _measurable_because(name, level2) is not None:
        return "measurable"
    if _restates(name, raw):
        return "restates"
    if _is_weak(raw):
        return "weak"
    return None


@lru_cache(maxsize=4096)
def _unit_in_name(name: str) -> str | None:
    """The unit printed in brackets at the end of a name (``（元/月）`` → ``元/月``)."""
    match = _UNIT_IN_NAME.search(name or "")
    if match is None:
        return None
    unit = match.group(1).replace("％", "%").replace(" ", "")
    return unit if _UNIT_WORDS.match(unit) else None


def _suggested(target: TargetValue) -> str:
    value = target.value if target.value is not None else ""
    operator = _OPERATOR_TEXT.get(target.operator, "") if target.operator else ""
    return f"{operator}{value}{target.unit or ''}"


_MONEY_SCALES = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def _exceeds(value: Decimal, unit: str, budget_yuan: Decimal) -> bool:
    """True when ``value`` of a bare money unit (元, 万元, 亿元) is above ``budget_yuan``
    even after the budget is rounded as the target is printed: a budget of
    52,888,160.02元 printed as a target is ``≤5288.82万元`` (half-up at the target's
    decimals), which is not above it. Per-unit amounts (元/辆) are never compared."""
    scale = _MONEY_SCALES.get(unit)
    if scale is None:
        return False
    exponent = value.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    budget = (budget_yuan / scale).quantize(places, rounding=ROUND_HALF_UP)
    return value > budget


@lru_cache(maxsize=4096)
def _units_disagree(expected: str, printed: str) -> bool:
    """True when a target's unit contradicts the unit its indicator's name announces.

    Percent needs percent; money needs money at the same scale (元 vs 万元); other
    units need the same head unit. A per-part (``/月``) missing on one side is an
    omission, not a contradiction; present on both, it must agree.
    """
    if expected in _PERCENT_UNITS:
        return printed not in _PERCENT_UNITS
    if printed in _PERCENT_UNITS:
        return True
    if expected == COUNT:
        return False
    head_e, *per_e = expected.split("/")
    head_p, *per_p = printed.split("/")
    if "元" in head_e or "元" in head_p:
        scale_e, scale_p = _MONEY_SCALE.match(head_e), _MONEY_SCALE.match(head_p)
        if scale_e is None or scale_p is None or scale_e.group(1) != scale_p.group(1):
            return True
    elif head_e != head_p:
        return True
    return bool(per_e and per_p and per_e != per_p)


def _target_hit(project: Project, ind: Indicator, **fields: object) -> Hit:
    """A hit on ``ind``'s target, quoting it, with the ``name`` and ``target`` fields."""
    raw = ind.target.raw
    return hit(project=project, indicator=ind, quote=raw, name=ind.level3, target=raw, **fields)


def _with_issue(disclosure: Disclosure, issue: str) -> Iterator[tuple[Project, Indicator]]:
    """The qualitative targets whose *words instead of a number* problem is ``issue``."""
    for project in disclosure.projects:
        for ind in project.indicators:
            if ind.target.kind is TargetKind.QUALITATIVE and _wording_issue(ind) == issue:
                yield project, ind


# -- rules ---------------------------------------------------------------------------------


@rule(
    "target-empty",
    Severity.ERROR,
    "指标值为空",
    tags=("target",),
    reference="财预〔2015〕88号 绩效目标审核（完整性）",
    message="指标「{name}」没有填写指标值",
    example={"name": "设备验收合格率"},
)
def target_empty(disclosure: Disclosure) -> Iterator[Hit]:
    """An indicator without a target, or with only a dash or slash in its place: the
    target is what the indicator commits to (财预〔2015〕88号 绩效目标审核（完整性）)."""
    for project in disclosure.projects:
        for ind in project.indicators:
            if _is_blank(ind.target):
                yield hit(project=project, indicator=ind, name=ind.level3)


@rule(
    "target-unparsed",
    Severity.ERROR,
    "指标值无法识别",
    tags=("target",),
    reference="财预〔2015〕88号 绩效目标（清晰、可衡量）；RULES.md §2",
    message="指标「{name}」的指标值「{target}」既不是数值、时限，也不是文字表述，无法衡量",
    example={"name": "维修次数", "target": "2-3次"},
)
def target_unparsed(disclosure: Disclosure) -> Iterator[Hit]:
    """A target that is neither a number (with operator and unit), a deadline nor words:
    ranges (``2-3次``), labels before the operator (``满意度≥95%``), ordinals. 88号 asks
    for clear, measurable targets (财预〔2015〕88号 绩效目标要求; RULES.md §2). A phrase
    under 指标性质 定性 is words by the table's own account, not reported even when it
    holds a number; 定性 with only ``/`` is ``target-empty``."""
    for project in disclosure.projects:
        for ind in project.indicators:
            target = ind.target
            if target.kind is not TargetKind.UNPARSED or _is_blank(target):
                continue
            if not _declared_words(target):
                yield _target_hit(project, ind)


@rule(
    "target-run-together",
    Severity.WARNING,
    "指标值数字与文字混写",
    tags=("target",),
    reference="RULES.md §2（指标值：运算符、数值、单位）；jixiao practice",
    message="指标值「{target}」把数值和说明文字写在一起，应写作「{suggested}」",
    example={"target": "≥9090%及以上", "suggested": "≥90%"},
)
def target_run_together(disclosure: Disclosure) -> Iterator[Hit]:
    """A numeric target whose cell runs on into words that repeat the number
    (``≥9090%及以上``, ``100资金百分百到位``, ``≥95受助人员满意度大于等于95%``): the
    number cannot be read at a glance and a unit may be missing. A target is operator,
    number and unit (RULES.md §2, A); the fix is suggested from what was parsed."""
    for project in disclosure.projects:
        for ind in project.indicators:
            target = ind.target
            wording = target.wording
            if target.kind is not TargetKind.QUANTITATIVE or not wording:
                continue
            if _DIGIT.search(wording) or "百分" in wording:
                yield hit(
                    project=project,
                    indicator=ind,
                    quote=target.raw,
                    target=target.raw,
                    suggested=_suggested(target),
                )


@rule(
    "target-qualitative-measurable",
    Severity.WARNING,
    "可量化的指标使用了定性指标值",
    tags=("target",),
    reference="财预〔2021〕101号 量化易评；RULES.md §1（B）",
    message="指标「{name}」可以量化（{reason}），指标值「{target}」却只有文字",
    example={"name": "残疾人就业人数", "reason": "名称含「人数」", "target": "增加"},
)
def target_qualitative_measurable(disclosure: Disclosure) -> Iterator[Hit]:
    """Words where a number is possible: the name is a rate or a count (率, 人数, 次数,
    面积 …), carries its unit, or the indicator is a 数量/时效 one, yet the target is
    words (财预〔2021〕101号 量化易评: quantify what can be quantified; RULES.md §1, B)."""
    for project, ind in _with_issue(disclosure, "measurable"):
        level2 = ind.level2.normalised if isinstance(ind.level2.normalised, Level2) else None
        yield _target_hit(project, ind, reason=_measurable_because(ind.level3, level2))


@rule(
    "target-restates-name",
    Severity.WARNING,
    "指标值只是重复指标名称",
    tags=("target",),
    reference="RULES.md §2（C）",
    message="指标「{name}」的指标值「{target}」只是重复了指标名称，没有给出可衡量的目标",
    example={"name": "解决异地干部住房问题", "target": "解决异地干部住房问题"},
)
def target_restates_name(disclosure: Disclosure) -> Iterator[Hit]:
    """A qualitative target that says what the indicator's name says (the same words,
    the name inside it, or nearly the same): nothing to measure it by (RULES.md §2, C)."""
    for project, ind in _with_issue(disclosure, "restates"):
        yield _target_hit(project, ind)


@rule(
    "target-weak-wording",
    Severity.WARNING,
    "定性指标值无法分级",
    tags=("target",),
    reference="RULES.md §2（定性指标应分级分档，B）",
    message="指标「{name}」的指标值「{target}」只有方向词，无法分级评判，宜写明程度或标准",
    example={"name": "公共服务水平提升情况", "target": "提升"},
)
def target_weak_wording(disclosure: Disclosure) -> Iterator[Hit]:
    """A qualitative target that is a direction word alone (提升, 长效提升, 增加, 较上年提升,
    延长) or a degree word alone (明显): it cannot be graded (分级分档, RULES.md §2, B).
    A degree (明显改善, 有所提高) grades it and is not reported."""
    for project, ind in _with_issue(disclosure, "weak"):
        yield _target_hit(project, ind)


@rule(
    "target-percent-over-100",
    Severity.WARNING,
    "比率类指标值超过100%",
    tags=("target",),
    reference="RULES.md §2（C）",
    message="指标「{name}」为比率，指标值「{target}」超过100%",
    example={"name": "设备验收合格率", "target": "≥110%"},
)
def target_percent_over_100(disclosure: Disclosure) -> Iterator[Hit]:
    """A share (合格率, 完成率, 满意度 …) cannot pass 100 %: a target above it cannot be
    reached (RULES.md §2, C). Growth rates (增长率, 提高率, 同比 …) may pass it, and an
    upper bound (≤120%) is not a target to reach; neither is reported."""
    for project in disclosure.projects:
        for ind in project.indicators:
            target = ind.target
            if target.unit != "%" or target.value is None or target.value <= 100:
                continue
            if target.operator in (Operator.LE, Operator.LT):
                continue
            if _GROWTH_NAME.search(ind.level3):
                continue
            yield _target_hit(project, ind)


@rule(
    "target-cost-no-money-unit",
    Severity.WARNING,
    "成本指标没有金额",
    tags=("target",),
    reference="财预〔2021〕101号 成本指标；RULES.md §2（C）",
    message="成本指标「{name}」的指标值「{target}」不是金额，应写明成本上限（如≤X万元）",
    example={"name": "成本控制率", "target": "≤100%"},
)
def target_cost_no_money_unit(disclosure: Disclosure) -> Iterator[Hit]:
    """A cost indicator (二级 成本/经济成本, or a 101号 成本 一级) whose target is not an
    amount of money: 控制在预算内, ≤100%, 降低 (财预〔2021〕101号 成本指标: the cost of
    the outputs, in money; RULES.md §2, C). Input indicators in the cost row
    (预算资金完成率) are reported by ``framework-input-as-output`` instead."""
    for project in disclosure.projects:
        for ind in project.indicators:
            if _is_money_cost(ind) and _wording_issue(ind) == "cost":
                yield _target_hit(project, ind)


@rule(
    "target-cost-lower-bound",
    Severity.WARNING,
    "成本指标使用了≥或＞",
    tags=("target",),
    reference="财预〔2021〕101号 成本指标（反向指标）；RULES.md §2（C）",
    message="成本指标「{name}」的指标值「{target}」是下限，成本指标应为上限（≤）",
    example={"name": "人均工资标准", "target": "≥3780元/月/人"},
)
def target_cost_lower_bound(disclosure: Disclosure) -> Iterator[Hit]:
    """A cost target with ≥ or >: a cost is to be kept under a ceiling, so its target
    is ≤ (财预〔2021〕101号 成本指标 as 反向指标; RULES.md §2, C)."""
    for project in disclosure.projects:
        for ind in project.indicators:
            target = ind.target
            if _is_money_cost(ind) and target.operator in _LOWER_BOUNDS and _has_money_unit(target):
                yield _target_hit(project, ind)


@rule(
    "target-cost-over-budget",
    Severity.WARNING,
    "成本指标金额超过项目预算",
    tags=("target",),
    reference="RULES.md §2（C）；财预〔2015〕88号 绩效目标审核（适当性）",
    message="成本指标「{name}」的指标值「{target}」超过项目预算数{budget}",
    example={"name": "设备购置总成本", "target": "≤50万元", "budget": "30.00万元"},
)
def target_cost_over_budget(disclosure: Disclosure) -> Iterator[Hit]:
    """A cost amount (元, 万元, 亿元; not a unit price such as 元/辆) above the project's
    budget, compared in the target's unit at the target's printed decimals (a budget in
    元 restated in 万元 rounds up by up to half a unit of the last printed digit, which is
    not an excess): the project cannot spend it (88号 适当性: money fits the
    targets; RULES.md §2, C)."""
    for project in disclosure.projects:
        budget = project.budget_total
        if budget is None or budget.value is None or budget.unit is None:
            continue
        budget_yuan = budget.in_unit(MoneyUnit.YUAN)
        if budget_yuan is None or budget_yuan <= 0:
            continue
        for ind in project.indicators:
            target = ind.target
            if target.value is None or target.unit is None or not _is_money_cost(ind):
                continue
            if _exceeds(target.value, target.unit, budget_yuan):
                yield _target_hit(project, ind, budget=f"{budget.raw}{budget.unit.label}")


@rule(
    "target-satisfaction-not-percent",
    Severity.WARNING,
    "满意度指标值不是百分比",
    tags=("target",),
    reference="RULES.md §2（C）；财预〔2021〕101号 满意度指标",
    message="满意度指标「{name}」的指标值「{target}」不是百分比（如≥90%）",
    example={"name": "服务对象满意度", "target": "满意"},
)
def target_satisfaction_not_percent(disclosure: Disclosure) -> Iterator[Hit]:
    """A satisfaction indicator (满意度 一级/二级, or 满意 in the name) whose target is not
    a percentage: satisfaction is measured as the share of satisfied respondents
    (RULES.md §2, C)."""
    for project in disclosure.projects:
        for ind in project.indicators:
            if (
                ind.target.unit != "%"
                and _is_satisfaction(ind)
                and _wording_issue(ind) == "satisfaction"
            ):
                yield _target_hit(project, ind)


@rule(
    "target-unit-mismatch",
    Severity.WARNING,
    "指标值单位与指标名称不一致",
    tags=("target",),
    reference="RULES.md §2（C）",
    message="指标「{name}」{announces}，指标值「{target}」的单位却是「{unit}」",
    example={
        "name": "平均每月支付物业费（元/月）",
        "announces": "名称注明单位为「元/月」",
        "target": "≤33.16万元/月",
        "unit": "万元/月",
    },
)
def target_unit_mismatch(disclosure: Disclosure) -> Iterator[Hit]:
    """A target whose unit contradicts the indicator's name: the unit printed in the
    name's brackets (元/月 in the name, 万元/月 in the value), a rate (率) measured in a
    count unit, or a count (数量, 人数 …) measured in % (RULES.md §2, C)."""
    for project in disclosure.projects:
        for ind in project.indicators:
            target = ind.target
            if target.kind is not TargetKind.QUANTITATIVE or target.unit is None:
                continue
            announces = _announced_unit(ind.level3)
            if announces is None:
                continue
            text, expected = announces
            if _units_disagree(expected, target.unit):
                yield _target_hit(project, ind, announces=text, unit=target.unit)


@lru_cache(maxsize=16384)
def _announced_unit(name: str) -> tuple[str, str] | None:
    """What unit the name announces, as (Chinese explanation, unit); the unit is
    ``COUNT`` when any unit but a percentage will do (数量, 人数 …)."""
    unit = _unit_in_name(name)
    if unit is not None:
        return f"名称注明单位为「{unit}」", unit
    key = name_key(name)
    if _RATE_NAME.search(key):
        return "为比率（应为%）", "%"
    if match := _COUNT_NAME.search(key):
        return f"名称含「{match.group()}」（应为计数）", COUNT
    return None


@rule(
    "target-count-no-unit",
    Severity.WARNING,
    "数值指标值没有计量单位",
    tags=("target",),
    reference="RULES.md §2（C）",
    message="指标「{name}」的指标值「{target}」没有计量单位",
    example={"name": "保障办公区个数", "target": "4"},
)
def target_count_no_unit(disclosure: Disclosure) -> Iterator[Hit]:
    """A number without a unit (``12``, ``≥300``): 12 what? (RULES.md §2, C). Not
    reported when the name carries its unit in brackets (``办公区个数（个）``), nor for
    cost and satisfaction indicators, whose own rules say what is missing."""
    for project in disclosure.projects:
        for ind in project.indicators:
            target = ind.target
            if target.kind is not TargetKind.QUANTITATIVE or target.unit is not None:
                continue
            if _is_money_cost(ind) or _is_satisfaction(ind) or is_input_as_output(ind):
                continue
            if _unit_in_name(ind.level3) is not None:
                continue
            yield _target_hit(project, ind)


@rule(
    "target-deadline-before-year",
    Severity.ERROR,
    "完成时限早于预算年度",
    tags=("target",),
    reference="财预〔2015〕88号 年度绩效目标；RULES.md §2",
    message="指标「{name}」的时限「{target}」在{year}年预算年度开始之前，无法作为本年度目标",
    example={"name": "项目完成时限", "target": "2023年年底", "year": 2024},
)
def target_deadline_before_year(disclosure: Disclosure) -> Iterator[Hit]:
    """A deadline before the fiscal year starts: an annual target (年度绩效目标,
    财预〔2015〕88号) cannot fall in a year already over; usually last year's table copied."""
    year = disclosure.fiscal_year
    for project in disclosure.projects:
        for ind in project.indicators:
            deadline = ind.target.deadline
            if ind.target.kind is TargetKind.DEADLINE and deadline and deadline.year < year:
                yield _target_hit(project, ind, year=year)


@rule(
    "target-deadline-after-year",
    Severity.WARNING,
    "完成时限晚于预算年度",
    tags=("target",),
    reference="财预〔2015〕88号 年度绩效目标；RULES.md §2（C）",
    message="指标「{name}」的时限「{target}」在{year}年预算年度之后，年度目标应在本年度内完成",
    example={"name": "工程完工时间", "target": "2026年6月底前", "year": 2025},
)
def target_deadline_after_year(disclosure: Disclosure) -> Iterator[Hit]:
    """A deadline after the fiscal year: the table states the year's target
    (年度指标值, 财预〔2015〕88号); a multi-year project states this year's share (C)."""
    year = disclosure.fiscal_year
    for project in disclosure.projects:
        for ind in project.indicators:
            deadline = ind.target.deadline
            if ind.target.kind is TargetKind.DEADLINE and deadline and deadline.year > year:
                yield _target_hit(project, ind, year=year)
