"""Review rules: figures in the narrative (情况说明) against the tables and each other.

A disclosure explains its tables in prose; reviewers send it back when a figure in the
prose differs from its table (or is off by 万元/元), or when increases and decreases
against last year do not add up or recompute (财预〔2016〕143号 部门预算公开; RULES.md
§6.8 and §11, confidence C). Figures are read from the prose by
:mod:`jixiao.review.figures`, which names an item only when the wording clearly does (a
missed figure is better than a false mismatch), and looked up in the tables by
:mod:`jixiao.review.table_figures`.

The family's other rules live beside this module: drafting slips in the text (template
residue, another year or unit name, self-reference) in
:mod:`jixiao.review.narrative_drafting`, and the performance goals against the tables
and the projects' indicators in :mod:`jixiao.review.narrative_goals`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Disclosure, MoneyUnit, NarrativeSection, Severity
from jixiao.review.figures import (
    AGENCY_OPERATING,
    BASIC,
    BUDGET_TOTAL,
    EXPENDITURE_TOTAL,
    INCOME_TOTAL,
    ITEM_NAMES,
    OPERATING,
    OVERSEAS,
    PROJECT,
    RECEPTION,
    THREE_PUBLIC,
    VEHICLES,
    Figure,
    exponent,
    half_ulp,
    money_figures,
)
from jixiao.review.prose import paragraphs
from jixiao.review.registry import hit, rule
from jixiao.review.table_figures import TableFigure, table_figures

_REF_143 = "财预〔2016〕143号 部门预算公开（情况说明）；RULES.md §6.8、§11（C）"
_UNITS = {"万元": MoneyUnit.WAN_YUAN, "元": MoneyUnit.YUAN}


# --- shared helpers -----------------------------------------------------------------------


def _yuan(amount: Decimal, unit: MoneyUnit) -> Decimal:
    return amount * unit.yuan_per_unit


def _figure_yuan(figure: Figure) -> tuple[Decimal, Decimal]:
    unit = _UNITS[figure.unit]
    number = figure.raw[: -len(figure.unit)].strip()
    return _yuan(figure.amount, unit), half_ulp(exponent(number), unit, figure.amount)


def _agrees(figure: Figure, value: TableFigure, scale: int = 0) -> bool:
    """True when the figure equals the table value × 10^scale within both printings'
    rounding."""
    amount, tolerance = _figure_yuan(figure)
    expected, expected_tolerance = value.yuan()
    factor = Decimal(1).scaleb(scale)
    return abs(amount - expected * factor) <= tolerance + expected_tolerance * factor


def _slip(figure: Figure, value: TableFigure) -> int | None:
    """The power of ten the figure is off by (±1…±4), ``None`` if none fits."""
    if figure.amount == 0 or value.amount == 0:
        return None
    for scale in (4, -4, 1, -1, 2, -2, 3, -3):
        if _agrees(figure, value, scale):
            return scale
    return None


def _current_levels(disclosure: Disclosure) -> Iterator[tuple[NarrativeSection, Figure]]:
    """The prose's money figures of this year's levels (no changes, no other year's)."""
    for section, text in paragraphs(disclosure):
        for figure in money_figures(text):
            if figure.unit == "%" or figure.change or figure.last_year:
                continue
            if figure.year is not None and figure.year != disclosure.fiscal_year:
                continue
            yield section, figure


def _key(figure: Figure) -> str | None:
    return figure.item if figure.item is not None else "class:" + figure.label


def _compared(disclosure: Disclosure):
    """(section, figure, expected table value, slip) for each prose figure that no table
    value of its item agrees with; 机关运行经费 is left to its own rule."""
    values = table_figures(disclosure)
    if not values:
        return
    for section, figure in _current_levels(disclosure):
        key = _key(figure)
        if key == AGENCY_OPERATING or key not in values:
            continue
        candidates = values[key]
        if any(_agrees(figure, value) for value in candidates):
            continue
        expected = candidates[0]
        yield section, figure, expected, _slip(figure, expected)


def _item_name(figure: Figure) -> str:
    return ITEM_NAMES.get(figure.item or "", f"「{figure.label}」")


# --- figures against tables -------------------------------------------------------------


@rule(
    "narrative-figure-mismatch",
    Severity.ERROR,
    "说明中的数字应与表格一致",
    tags=("narrative",),
    reference=_REF_143,
    message="说明中{item}为 {actual}，与{source}的 {expected} 不一致",
    example={
        "item": "基本支出",
        "actual": "233.54万元",
        "source": "部门预算支出总表「合计」行「基本支出」列",
        "expected": "233.45万元",
    },
)
def narrative_figure_mismatch(disclosure: Disclosure):
    """A figure quoted in the prose (收支总计, 基本/项目支出, 人员/公用经费, 三公 and its
    parts, 政府采购 and its goods/works/services split, 上年末固定资产, a 类 amount)
    differs from the table that prints the same item, beyond the rounding of both
    printings (RULES.md §6.8, §11; 财预〔2016〕143号 说明与表格一致)."""
    for section, figure, expected, slip in _compared(disclosure):
        if slip is None:
            yield hit(
                location=section.location,
                quote=figure.sentence,
                code=expected.code,
                item=_item_name(figure),
                actual=figure.raw,
                source=expected.source,
                expected=expected.text,
            )


_SLIP_WORDS = {4: "10000倍", 3: "1000倍", 2: "100倍", 1: "10倍"}


@rule(
    "narrative-figure-unit-slip",
    Severity.ERROR,
    "说明中的数字疑为单位或小数点错写",
    tags=("narrative",),
    reference=_REF_143,
    message=(
        "说明中{item}为 {actual}，是{source} {expected} 的{factor}，疑为“万元”“元”混写或小数点错位"
    ),
    example={
        "item": "“三公”经费",
        "actual": "161550.00万元",
        "source": "部门预算财政拨款“三公”经费支出表「合计」行「合计」列",
        "expected": "161.55万元",
        "factor": "1000倍",
    },
)
def narrative_figure_unit_slip(disclosure: Disclosure):
    """A prose figure equals its table value times a power of ten (10 … 10,000): 万元
    written where 元 was meant, or a misplaced decimal point (RULES.md §11)."""
    for section, figure, expected, slip in _compared(disclosure):
        if slip is not None:
            factor = _SLIP_WORDS[slip] if slip > 0 else "1/" + _SLIP_WORDS[-slip][:-1]
            yield hit(
                location=section.location,
                quote=figure.sentence,
                code=expected.code,
                item=_item_name(figure),
                actual=figure.raw,
                source=expected.source,
                expected=expected.text,
                factor=factor,
            )


@rule(
    "narrative-agency-cost-differs",
    Severity.WARNING,
    "机关运行经费通常等于基本支出表的公用经费",
    tags=("narrative",),
    reference="财预〔2016〕143号 机关运行经费说明；RULES.md §11（C）",
    message=(
        "说明中机关运行经费为 {actual}，与{source}的 {expected} 不同，多数单位二者相等，请核对口径"
    ),
    example={
        "actual": "15.00万元",
        "source": "部门预算一般公共预算财政拨款基本支出表「合计」行「公用经费」列",
        "expected": "14.46万元",
    },
)
def narrative_agency_cost_differs(disclosure: Disclosure):
    """机关运行经费 in the prose differs from the 公用经费 of the 一般公共预算基本支出表.
    In the seeds (and in most units) the two are equal; a unit may define it otherwise,
    hence advice, not an error (RULES.md §11, C)."""
    values = table_figures(disclosure).get(OPERATING)
    if not values:
        return
    for section, figure in _current_levels(disclosure):
        if figure.item == AGENCY_OPERATING and not any(_agrees(figure, v) for v in values):
            yield hit(
                location=section.location,
                quote=figure.sentence,
                actual=figure.raw,
                source=values[-1].source,
                expected=values[-1].text,
            )


@rule(
    "narrative-figure-conflict",
    Severity.WARNING,
    "同一项目在说明中前后金额应一致",
    tags=("narrative",),
    reference="RULES.md §11（C）",
    message="说明中{item}先写作 {first}，又写作 {second}，前后不一致",
    example={"item": "“三公”经费", "first": "161.55万元", "second": "160.55万元"},
)
def narrative_figure_conflict(disclosure: Disclosure):
    """The same item, in the same words, given two different amounts in the prose. Only
    for items no table prints (those are checked against the table instead)."""
    values = table_figures(disclosure)
    seen: dict[tuple[str, str], Figure] = {}
    for section, figure in _current_levels(disclosure):
        if figure.item is None or figure.item in values:
            continue
        key = (figure.item, re.sub(r"^(我|本)(部门|单位)", "", figure.label))
        first = seen.setdefault(key, figure)
        if first is figure:
            continue
        a, tol_a = _figure_yuan(first)
        b, tol_b = _figure_yuan(figure)
        if abs(a - b) > tol_a + tol_b:
            yield hit(
                location=section.location,
                quote=figure.sentence,
                item=_item_name(figure),
                first=first.raw,
                second=figure.raw,
            )


# --- changes against last year -------------------------------------------------------------

_CHANGE_GROUPS = (
    ((BUDGET_TOTAL, INCOME_TOTAL, EXPENDITURE_TOTAL), (BASIC, PROJECT)),
    ((THREE_PUBLIC,), (OVERSEAS, VEHICLES, RECEPTION)),
)


def _signed(figure: Figure) -> tuple[Decimal, Decimal]:
    amount, tolerance = _figure_yuan(figure)
    return amount * figure.change, tolerance


def _change_text(amount: Decimal) -> str:
    word = "增加" if amount > 0 else "减少" if amount < 0 else "持平"
    return f"{word}{abs(amount) / 10000:,.2f}万元" if amount else word


def _changes(disclosure: Disclosure) -> Iterator[tuple[NarrativeSection, list[Figure]]]:
    for section in disclosure.narrative:
        found = [
            f
            for text in section.paragraphs
            for f in money_figures(text)
            if f.change and f.item is not None
        ]
        if found:
            yield section, found


def _change_sums(disclosure: Disclosure):
    """(section, total, parts, sum of parts) for each total change whose parts are all
    given in the same section."""
    for section, found in _changes(disclosure):
        money = [f for f in found if f.unit != "%"]
        for totals, parts in _CHANGE_GROUPS:
            total = [f for f in money if f.item in totals]
            pieces = [[f for f in money if f.item == item] for item in parts]
            if len(total) != 1 or any(len(p) != 1 for p in pieces):
                continue
            signed = [_signed(p[0]) for p in pieces]
            yield section, total[0], [p[0] for p in pieces], signed


@rule(
    "narrative-change-sum",
    Severity.ERROR,
    "增减额的分项之和应等于总增减额",
    tags=("narrative",),
    reference=_REF_143,
    message="说明称{item}比上年{total}，而{parts}的增减合计为{sum}",
    example={
        "item": "收支预算总额",
        "total": "增加2478.35万元",
        "parts": "基本支出、项目支出",
        "sum": "增加2478.53万元",
    },
)
def narrative_change_sum(disclosure: Disclosure):
    """The change of a total against last year must equal the changes of its parts
    given beside it (收支 = 基本支出 + 项目支出; 三公 = 出国 + 公务用车 + 接待), in
    size; a sign that flips is reported as a direction contradiction instead."""
    for section, total, parts, signed in _change_sums(disclosure):
        amount, tolerance = _signed(total)
        parts_sum = sum(s for s, _ in signed)
        slack = tolerance + sum(t for _, t in signed)
        if abs(amount - parts_sum) > slack and abs(abs(amount) - abs(parts_sum)) > slack:
            yield hit(
                location=section.location,
                quote=total.sentence,
                item=_item_name(total),
                total=_change_text(amount),
                parts="、".join(_item_name(p) for p in parts),
                sum=_change_text(parts_sum),
            )


def _percent_pairs(section_figures: list[Figure]):
    """(money change, percent change) pairs: a percent right after a money change of the
    same item in the same sentence ("减少14.52万元，下降1.87%")."""
    previous: Figure | None = None
    for figure in section_figures:
        if (
            figure.unit == "%"
            and previous is not None
            and previous.item == figure.item
            and previous.sentence == figure.sentence
        ):
            yield previous, figure
        previous = figure if figure.unit != "%" else None


_DIRECTION_WORDS = {1: "增加", -1: "减少"}
_PERCENT_WORDS = {1: "增长", -1: "下降"}


def _percent_places(percent: Figure) -> int:
    return exponent(percent.raw.rstrip("%％ ").strip())


@rule(
    "narrative-change-direction",
    Severity.ERROR,
    "增减方向用词应与数字一致",
    tags=("narrative",),
    reference=_REF_143,
    message="说明中{item}的增减方向自相矛盾：{first}，{second}",
    example={"item": "收支预算总额", "first": "金额为减少14.52万元", "second": "百分比为增长1.87%"},
)
def narrative_change_direction(disclosure: Disclosure):
    """Direction words contradict each other or the numbers: an amount said to decrease
    with a percentage said to grow, or a total said to increase while its parts add up
    to a decrease of the same size (RULES.md §11, C)."""
    for section, found in _changes(disclosure):
        for money, percent in _percent_pairs(found):
            if money.change != percent.change:
                yield hit(
                    location=section.location,
                    quote=money.sentence,
                    item=_item_name(money),
                    first=f"金额为{_DIRECTION_WORDS[money.change]}{money.raw}",
                    second=f"百分比为{_PERCENT_WORDS[percent.change]}{percent.raw}",
                )
    for section, total, parts, signed in _change_sums(disclosure):
        amount, tolerance = _signed(total)
        parts_sum = sum(s for s, _ in signed)
        slack = tolerance + sum(t for _, t in signed)
        if abs(amount - parts_sum) > slack and abs(abs(amount) - abs(parts_sum)) <= slack:
            yield hit(
                location=section.location,
                quote=total.sentence,
                item=_item_name(total),
                first=f"总额{_change_text(amount)}",
                second="而"
                + "、".join(_item_name(p) for p in parts)
                + f"合计{_change_text(parts_sum)}",
            )


@rule(
    "narrative-change-percent",
    Severity.ERROR,
    "增减百分比应能由金额复算",
    tags=("narrative",),
    reference=_REF_143,
    message="说明称{item}比上年{change}、变动{actual}，按本年 {current} 复算应为 {expected}",
    example={
        "item": "收支预算总额",
        "change": "减少14.52万元",
        "actual": "1.78%",
        "current": "763.18万元",
        "expected": "1.87%",
    },
)
def narrative_change_percent(disclosure: Disclosure):
    """A percentage change must recompute from the change amount and this year's level:
    last year = this year − change, rate = change ÷ last year, within the rounding of
    the printed figures. This year's level is taken from the same sentence, else from
    the tables (RULES.md §11)."""
    values = table_figures(disclosure)
    for section, found in _changes(disclosure):
        for money, percent in _percent_pairs(found):
            level = _level_in(money.sentence, money.item)
            if level is not None:
                current, current_tol, current_text = *_figure_yuan(level), level.raw
            elif values.get(money.item or ""):
                value = values[money.item][0]
                current, current_tol, current_text = *value.yuan(), value.text
            else:
                continue
            change, change_tol = _figure_yuan(money)
            last = current - money.change * change
            slack = current_tol + change_tol
            if last - slack <= 0:
                continue
            low = max(change - change_tol, Decimal(0)) / (last + slack) * 100
            high = (change + change_tol) / (last - slack) * 100
            pct_tol = Decimal(1).scaleb(_percent_places(percent)) / 2
            if not low - pct_tol <= percent.amount <= high + pct_tol:
                expected = change / last * 100
                places = max(-_percent_places(percent), 0)
                yield hit(
                    location=section.location,
                    quote=money.sentence,
                    item=_item_name(money),
                    change=f"{_DIRECTION_WORDS[money.change]}{money.raw}",
                    actual=percent.raw,
                    current=current_text,
                    expected=f"{expected:.{places}f}%",
                )


def _level_in(sentence: str, item: str | None) -> Figure | None:
    for figure in money_figures(sentence):
        if figure.item == item and not (figure.change or figure.last_year or figure.unit == "%"):
            return figure
    return None
