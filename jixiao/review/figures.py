"""Figures quoted in prose: what a sentence says an item amounts to.

A disclosure explains its tables in words ("其中基本支出233.45万元，包括人员经费218.99万元和
日常公用经费14.46万元"). :func:`money_figures` reads such text into :class:`Figure` records
(item, amount, unit, whether it is a change against last year); :func:`quantity_figures`
reads the numbers of goal sentences ("维修面积1万平米", "车辆完好率达到90%以上") into
:class:`Quantity` records. Both are pure, memoised per string, and deliberately narrow: a
figure is given an item only when its wording clearly names that item, because a false
mismatch is worse than a missed one (RULES.md §11).

The item constants here are shared with :mod:`jixiao.review.table_figures`, which finds
the amounts the tables print for the same items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao.model import MoneyUnit

# --- items --------------------------------------------------------------------------

INCOME_TOTAL = "income_total"
EXPENDITURE_TOTAL = "expenditure_total"
BUDGET_TOTAL = "budget_total"  # 收支预算安排: income or expenditure total
GENERAL_BUDGET_INCOME = "general_budget_income"
GOV_FUND_INCOME = "gov_fund_income"
STATE_CAPITAL_INCOME = "state_capital_income"
SPECIAL_ACCOUNT_INCOME = "special_account_income"
SERVICE_INCOME = "service_income"
OTHER_INCOME = "other_income"
CARRY_OVER = "carry_over"
BASIC = "basic"
PROJECT = "project"
PERSONNEL = "personnel"
OPERATING = "operating"
AGENCY_OPERATING = "agency_operating"
THREE_PUBLIC = "three_public"
OVERSEAS = "overseas"
VEHICLES = "vehicles"
VEHICLE_PURCHASE = "vehicle_purchase"
VEHICLE_OPERATION = "vehicle_operation"
RECEPTION = "reception"
PROCUREMENT = "procurement"
PROCUREMENT_GOODS = "procurement_goods"
PROCUREMENT_WORKS = "procurement_works"
PROCUREMENT_SERVICES = "procurement_services"
PROCUREMENT_SME = "procurement_sme"
FIXED_ASSETS = "fixed_assets"

ITEM_NAMES: dict[str, str] = {
    INCOME_TOTAL: "收入预算总额",
    EXPENDITURE_TOTAL: "支出预算总额",
    BUDGET_TOTAL: "收支预算总额",
    GENERAL_BUDGET_INCOME: "一般公共预算拨款收入",
    GOV_FUND_INCOME: "政府性基金预算拨款收入",
    STATE_CAPITAL_INCOME: "国有资本经营预算拨款收入",
    SPECIAL_ACCOUNT_INCOME: "财政专户管理资金收入",
    SERVICE_INCOME: "事业收入",
    OTHER_INCOME: "其他收入",
    CARRY_OVER: "上年结转",
    BASIC: "基本支出",
    PROJECT: "项目支出",
    PERSONNEL: "人员经费",
    OPERATING: "公用经费",
    AGENCY_OPERATING: "机关运行经费",
    THREE_PUBLIC: "“三公”经费",
    OVERSEAS: "因公出国（境）费",
    VEHICLES: "公务用车购置及运行维护费",
    VEHICLE_PURCHASE: "公务用车购置费",
    VEHICLE_OPERATION: "公务用车运行维护费",
    RECEPTION: "公务接待费",
    PROCUREMENT: "政府采购预算",
    PROCUREMENT_GOODS: "政府采购货物类",
    PROCUREMENT_WORKS: "政府采购工程类",
    PROCUREMENT_SERVICES: "政府采购服务类",
    PROCUREMENT_SME: "预留中小企业份额",
    FIXED_ASSETS: "上年末固定资产总额",
}
"""Chinese names of the items, for messages."""

# Ordered; each pattern is anchored at the end of the label, because the item's name
# stands right before its amount ("…其中基本支出233.45万元"). What stands before the
# name must be harmless (below), else the figure is of a part ("政府性基金预算项目支出",
# "本级基本支出") and names no table item.
_END = r"(预算|预算数)?(总额|合计|总计)?$"
_ITEM_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), item)
    for pattern, item in (
        (r"因公出国[（(]?境[)）]?费" + _END, OVERSEAS),
        (r"公务用车购置(及|和|与)运(行|维)(维护|维修)?费" + _END, VEHICLES),
        (r"(公务用车|车辆)购置费" + _END, VEHICLE_PURCHASE),
        (r"(公务用车|车辆)运(行|维)(维护|维修|保障)?费" + _END, VEHICLE_OPERATION),
        (r"公务接待费" + _END, RECEPTION),
        (r"三公[”\"’']?经费" + _END, THREE_PUBLIC),
        (r"机关运行(经)?费" + _END, AGENCY_OPERATING),
        (r"政府采购(预算|资金|金额)?(总额|合计)?$", PROCUREMENT),
        (r"人员经费(支出)?$", PERSONNEL),
        (r"公用经费(支出)?$", OPERATING),
        (r"基本支出" + _END, BASIC),
        (r"项目支出" + _END, PROJECT),
        (r"一般公共预算(财政)?(拨款)?收入$|一般公共预算拨款$", GENERAL_BUDGET_INCOME),
        (r"政府性基金(预算)?(财政)?(拨款)?收入$|^基金预算(拨款)?收入$", GOV_FUND_INCOME),
        (r"国有资本经营预算(财政)?(拨款)?收入$", STATE_CAPITAL_INCOME),
        (r"财政专户(管理资金|核拨)?(收入)?$", SPECIAL_ACCOUNT_INCOME),
        (r"^事业收入$", SERVICE_INCOME),
        (r"^其他收入$", OTHER_INCOME),
        (r"^上年结转(结余)?(资金)?$", CARRY_OVER),
        (r"收支(预算)?(总额|总计|安排|合计)?$|预算收支(总额|总计|合计)?$", BUDGET_TOTAL),
        (r"收入总计$|收入(预算)?(总额|合计)$|预算收入(总额|合计)?$|收入预算(总额)?$", INCOME_TOTAL),
        (
            r"支出总计$|支出(预算)?(总额|合计)$|预算支出(总额|合计)?$|支出预算(总额)?$",
            EXPENDITURE_TOTAL,
        ),
    )
)
# Words that may stand before an item's name without narrowing it.
_HARMLESS = re.compile(
    r"(我|本)(部门|单位|局|中心)|部门|单位|财政拨款|日常|一般公共预算(财政)?(拨款)?|全年|年度|本年"
    r"|当年|共|合计|安排|用于|[\u4e00-\u9fa5]{2,24}?(中心|局|办公室|委员会|站|所|院|馆|处|队|小学|中学|大学|学校|幼儿园)"
)

# Goods, works and services are named by one word, so only inside a 政府采购 sentence.
_PROCUREMENT_KINDS = {
    "货物": PROCUREMENT_GOODS,
    "工程": PROCUREMENT_WORKS,
    "服务": PROCUREMENT_SERVICES,
}
_PROCUREMENT_KIND = re.compile(r"^(政府采购)?(货物|工程|服务)(类)?(采购)?(预算)?(资金|金额)?$")
_SME = re.compile(r"中小(微)?企业")
_FIXED_ASSETS = re.compile(r"固定资产(金额|总额|原值|总值|价值|账面原值)?$")
_NOT_STOCK = re.compile(r"购置|新增|购买|采购|处置|出租|本年")

_INCREASE = ("增加", "增长", "上升", "提高")
_DECREASE = ("减少", "下降", "降低", "压减", "缩减")
_CHANGE = re.compile(r"(增加|增长|上升|提高|减少|下降|降低|压减|缩减)(了)?(约)?$")
_COMPARED = re.compile(r"(较|比|同比|与)(上年|上一年|去年|20\d\d年(度)?)|上年同期")
_LAST_YEAR = re.compile(r"上年(?!结转|末)|上一年|去年")
_YEAR = re.compile(r"(20\d\d)年(度)?")

# A money amount: digits (with thousands separators) followed directly by 万元 or 元;
# 亿元, 千元 and 元/吨 are not money totals of a disclosure.
_MONEY = re.compile(
    r"(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万元|元)(?![/每])"
)
_PERCENT = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[%％])")
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE_SPLIT = re.compile(r"[，,、：:]")
_LEADING = re.compile(r"^[（(）)“”\"\s]*(其中|包括|另外|此外|以及|和|及|与|共|合计|总计)?[：:]?")
_TRAILING = re.compile(r"(共计|合计|总计|总额为|总额|预计|共|为|是|计|约|达|达到|安排)+$")


@dataclass(frozen=True, slots=True)
class Figure:
    """A money amount or a percentage quoted in a sentence.

    ``item`` is one of the item constants when the wording clearly names it, else
    ``None``; ``label`` is the wording before the amount, trimmed ("日常公用经费",
    "一般公共服务支出"). ``unit`` is ``万元``, ``元`` or ``%``. ``change`` is 0 for a
    level, +1 for an increase and -1 for a decrease against last year (比上年增加 …).
    ``year`` is a year printed in the label (2023年预算收入 → 2023); ``last_year`` is
    True when the label speaks of last year's level (上年预算为 …).
    """

    item: str | None
    label: str
    amount: Decimal
    unit: str
    raw: str
    change: int
    year: int | None
    last_year: bool
    sentence: str


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _direction(word: str) -> int:
    if word.startswith(_INCREASE):
        return 1
    if word.startswith(_DECREASE):
        return -1
    return 0


def classify(label: str, *, procurement_sentence: bool = False) -> str | None:
    """The item a trimmed label names, ``None`` when it names none clearly.

    >>> classify("日常公用经费")
    'operating'
    >>> classify("货物类", procurement_sentence=True)
    'procurement_goods'
    >>> classify("政府性基金预算项目支出") is None
    True
    """
    if procurement_sentence:
        kind = _PROCUREMENT_KIND.match(label)
        if kind:
            return _PROCUREMENT_KINDS[kind.group(2)]
        if _SME.search(label) and "预留" in label:
            return PROCUREMENT_SME
        # The unit's own name (…机关事务服务中心) is not a part: look past it.
        unnamed = _HARMLESS.sub("", label)
        if any(word in unnamed for word in _PROCUREMENT_KINDS):
            return None  # "政府采购货物预算" and the like: a part, worded otherwise
    if _FIXED_ASSETS.search(label):
        return None if _NOT_STOCK.search(label) else FIXED_ASSETS
    for pattern, item in _ITEM_PATTERNS:
        match = pattern.search(label)
        if match:
            prefix = _HARMLESS.sub("", label[: match.start()])
            return None if re.search(r"[\u4e00-\u9fa5]", prefix) else item
    return None


def _trim(label: str) -> str:
    label = _LEADING.sub("", label.strip())
    return label.strip("（(）)“” ")


def _read_label(label: str) -> tuple[str, int, bool]:
    """(stem, change, compared) of a trimmed label: "“三公”经费比上年增加" →
    ("三公”经费", +1, True); "较2022年增加" → ("", +1, True)."""
    change = 0
    word = _CHANGE.search(label)
    if word:
        change = _direction(word.group(1))
        label = label[: word.start()]
    compared = _COMPARED.search(label)
    if compared:
        label = label[: compared.start()]
    stem = _TRAILING.sub("", _trim(_YEAR.sub("", label)))
    return stem, change, compared is not None


@lru_cache(maxsize=4096)
def money_figures(text: str) -> tuple[Figure, ...]:
    """Every money amount and percentage of ``text``, sentence by sentence, with the
    item its wording names.

    A change whose clause names no item ("较2022年增加2478.35万元", "下降1.87%") takes
    the item of the level figure before it in the same sentence, so "收支安排4131.67万元，
    较2022年增加2478.35万元" gives a level and a change of the budget total.
    """
    found: list[Figure] = []
    for sentence_match in _SENTENCE.finditer(text):
        sentence = sentence_match.group().strip()
        if not any(ch.isdigit() for ch in sentence):
            continue
        procurement = "政府采购" in sentence
        matches = sorted(
            [*_MONEY.finditer(sentence), *_PERCENT.finditer(sentence)], key=lambda m: m.start()
        )
        previous_end = 0
        subject: str | None = None
        for match in matches:
            region = sentence[previous_end : match.start()]
            previous_end = match.end()
            amount = _decimal(match.group("num"))
            if amount is None:
                continue
            label = _trim(_CLAUSE_SPLIT.split(region)[-1])
            stem, change, compared = _read_label(label)
            item = classify(stem, procurement_sentence=procurement) if stem else None
            if item is None and change and subject is not None:
                item = subject
            unit = "%" if match.group("unit") in "%％" else match.group("unit")
            if change == 0 and item is not None and unit != "%":
                subject = item
            year = _YEAR.search(label)
            found.append(
                Figure(
                    item=item,
                    label=stem,
                    amount=amount,
                    unit=unit,
                    raw=match.group(),
                    change=change,
                    year=int(year.group(1)) if year else None,
                    last_year=change == 0 and (compared or bool(_LAST_YEAR.search(label))),
                    sentence=sentence,
                )
            )
    return tuple(found)


def exponent(raw_number: str) -> int:
    """The exponent of the last printed digit: "233.45" → -2, "110" → 0."""
    number = raw_number.replace(",", "")
    if "." in number:
        return -len(number.split(".", 1)[1])
    return 0


def half_ulp(exp: int, unit: MoneyUnit, amount: Decimal) -> Decimal:
    """Half a unit of the last printed digit (``exp``, see :func:`exponent`) of an amount
    in ``unit``, in 元: how far the printed amount may lie from the amount it rounds."""
    # A zero printed without decimals ("0万元") means exactly zero.
    if amount == 0 and exp >= 0:
        return Decimal(0)
    return Decimal(1).scaleb(exp) * unit.yuan_per_unit / 2


# --- quantities in goal sentences ------------------------------------------------------

# Longest first, so 平方米 wins over 米 and 批次 over 批.
_UNITS = tuple(
    re.split(
        r"\s+",
        "万千瓦时 千瓦时 平方米 立方米 万元 平米 公里 千米 批次 场次 人次 小时 分钟 % ％ "
        "米 吨 件 个 次 批 场 辆 台 套 人 户 份 家 座 处 项 条 部 层 天 元",
    )
)
_UNIT_ALIASES = {"平米": "平方米", "％": "%", "批次": "批", "场次": "场", "千米": "公里"}
_QUANTITY = re.compile(
    r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*(?P<wan>万)?(?:以上|以下|以内)?\s*(?P<unit>"
    + "|".join(re.escape(u) for u in _UNITS)
    + r")"
)
_SENTENCE_END = re.compile(r"[；;。\n]")
_CLAUSE_END = re.compile(r"[，,；;。\n]")
_DATE_AFTER = re.compile(r"^\s*(年|月|日|号|时)")
_GOAL_CLAUSE_SPLIT = re.compile(r"[，,；;。：:！!？?\n（(]")
_BOILERPLATE = re.compile(
    r"(年度指标值|指标值|目标值|年度目标|全年|年均|累计)?"
    r"(应|要|须|需|将|力争|确保|保证|保持)?"
    r"(达到|达|超过|高于|低于|不低于|不少于|不高于|不超过|不多于|大于等于|小于等于|大于|小于|"
    r"控制在|在|为|是|≥|≤|>|<|＞|＜|=|＝)*\s*$"
)
_SATISFACTION = re.compile(r"满意(程度|率)")
_LEVEL_LABEL = re.compile(
    r"^(（?\d+）|\d+[.、．])?\s*(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|"
    r"满意度|服务对象满意度|产出|效益|效果)(指标)?$"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit in a goal sentence.

    ``name`` is the wording it quantifies ("物业服务覆盖建筑面积", "车辆完好率"),
    ``""`` when the clause names nothing ("年度指标值90批次"). ``value`` and ``unit``
    are normalised: 万 folded into the value (1万平米 → 10000 平方米), aliases merged
    (平米 → 平方米, 批次 → 批). ``raw`` is the figure as printed, ``clause`` its clause.
    """

    name: str
    value: Decimal
    unit: str
    raw: str
    clause: str


def normalise_unit(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """Fold a leading 万 into the value and merge unit aliases: (85, 万千瓦时) →
    (850000, 千瓦时); (2.6, 万元/辆) → (26000, 元/辆)."""
    unit = unit.strip()
    if unit.startswith("万") and len(unit) > 1:
        value, unit = value * 10000, unit[1:]
    head, sep, tail = unit.partition("/")
    head = _UNIT_ALIASES.get(head, head)
    return value, head + sep + tail


def normalise_name(name: str) -> str:
    """An indicator or goal name without spaces, punctuation, printed units in
    brackets and the trailing 数/个数/次数/长度 of a count; 满意程度/满意率 → 满意度."""
    name = re.sub(r"[（(][^）)]*[）)]", "", name)
    name = re.sub(r"[\s、，,．.·“”\"'’‘%％]", "", name)
    name = _SATISFACTION.sub("满意度", name)
    return re.sub(r"(个数|次数|数量|长度|面积数|数)$", "", name)


@lru_cache(maxsize=4096)
def quantity_figures(text: str) -> tuple[Quantity, ...]:
    """The quantities of a goal text, each with the name of what it counts.

    Years and dates are not quantities ("2025年11月15日前"); a number followed by
    年/月/日 is skipped.
    """
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        if _DATE_AFTER.match(text[match.end("num") :]):
            continue
        value = _decimal(match.group("num"))
        if value is None:
            continue
        unit = match.group("unit")
        # A unit continued by a per-unit part (元/辆, 万元/台) keeps it.
        rest = re.match(r"/[\u4e00-\u9fa5]{1,3}", text[match.end() :])
        if rest:
            unit += rest.group()
        if match.group("wan"):
            unit = "万" + unit
        value, unit = normalise_unit(value, unit)
        before = text[: match.start()]
        clause_start = max(
            (m.end() for m in _GOAL_CLAUSE_SPLIT.finditer(before)),
            default=0,
        )
        clause = before[clause_start:]
        name = _BOILERPLATE.sub("", clause).strip()
        if not name and clause_start > 0:
            # "接待工作按时按质完成率：年度指标值100%": the name is before the colon.
            head = text[:clause_start].rstrip("：: ")
            if text[clause_start - 1] in "：:":
                previous = max(
                    (m.end() for m in _GOAL_CLAUSE_SPLIT.finditer(head)),
                    default=0,
                )
                name = head[previous:].strip()
        if _LEVEL_LABEL.match(name):
            name = ""
        # The quoted clause runs from the sentence's start (so a "（1）数量指标：" label
        # stays with its number) to the end of the figure's clause.
        start = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
        end = _CLAUSE_END.search(text, match.end())
        clause_text = text[start : end.start() if end else len(text)]
        found.append(
            Quantity(
                name=normalise_name(name),
                value=value,
                unit=unit,
                raw=text[match.start() : match.end() + (len(rest.group()) if rest else 0)],
                clause=clause_text.strip(),
            )
        )
    return tuple(found)


# --- names of table rows -------------------------------------------------------------------

# Shared by the table lookups (jixiao.review.table_figures) and the completeness rules.
_NUMBERING = re.compile(r"^\s*([一二三四五六七八九十]+[、.．]|\d+[、.．]|其中[：:]?|\s)+")


def row_name(name: str) -> str:
    """A row name without its numbering, 其中 and spaces: "二、公务用车购置及运维费" →
    "公务用车购置及运维费"."""
    return re.sub(r"\s+", "", _NUMBERING.sub("", name or ""))
