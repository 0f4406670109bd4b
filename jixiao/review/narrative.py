"""Review rules: the narrative (情况说明, 部门整体绩效目标) against the tables and itself.

A disclosure explains its tables in prose; reviewers send it back when a figure in the
prose differs from its table (or is off by 万元/元), when increases and decreases do not
add up or recompute, when template text was left in, when the year or the unit's name
is not its own, and when the unit-wide goals restate a project indicator with another
number (财预〔2016〕143号 部门预算公开; RULES.md §6.8 and §11, confidence C). Figures are
read from the prose by :mod:`jixiao.review.figures`, which names an item only when the
wording clearly does: a missed figure is better than a false mismatch.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate

from jixiao.model import (
    Disclosure,
    Indicator,
    Location,
    MoneyUnit,
    NarrativeSection,
    Project,
    Severity,
    TargetKind,
)
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
    TableFigure,
    exponent,
    money_figures,
    normalise_name,
    normalise_unit,
    quantity_figures,
    table_figures,
)
from jixiao.review.registry import hit, rule

_REF_143 = "财预〔2016〕143号 部门预算公开（情况说明）；RULES.md §6.8、§11（C）"
_UNITS = {"万元": MoneyUnit.WAN_YUAN, "元": MoneyUnit.YUAN}


# --- shared helpers -----------------------------------------------------------------------


def _paragraphs(disclosure: Disclosure) -> Iterator[tuple[NarrativeSection, str]]:
    for section in disclosure.narrative:
        if section.heading:
            yield section, section.heading
        for paragraph in section.paragraphs:
            yield section, paragraph


def _goal_texts(disclosure: Disclosure) -> Iterator[tuple[Location | None, str, str]]:
    """(location, title, text) of the overall goal and each sub-goal's goal and indicators."""
    goals = disclosure.department_goals
    if goals is None:
        return
    if goals.overall_goal:
        yield goals.location, "", goals.overall_goal
    for sub in goals.sub_goals:
        for text in (sub.goal, sub.indicators_text):
            if text:
                yield sub.location or goals.location, sub.title or "", text


def _yuan(amount: Decimal, unit: MoneyUnit) -> Decimal:
    return amount * unit.yuan_per_unit


def _half_ulp(exp: int, unit: MoneyUnit, amount: Decimal) -> Decimal:
    # A zero printed without decimals ("0万元") means exactly zero.
    if amount == 0 and exp >= 0:
        return Decimal(0)
    return Decimal(1).scaleb(exp) * unit.yuan_per_unit / 2


def _figure_yuan(figure: Figure) -> tuple[Decimal, Decimal]:
    unit = _UNITS[figure.unit]
    number = figure.raw[: -len(figure.unit)].strip()
    return _yuan(figure.amount, unit), _half_ulp(exponent(number), unit, figure.amount)


def _table_yuan(value: TableFigure) -> tuple[Decimal, Decimal]:
    return _yuan(value.amount, value.unit), _half_ulp(value.exponent, value.unit, value.amount)


def _agrees(figure: Figure, value: TableFigure, scale: int = 0) -> bool:
    """True when the figure equals the table value × 10^scale within both printings'
    rounding."""
    amount, tolerance = _figure_yuan(figure)
    expected, expected_tolerance = _table_yuan(value)
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
    for section, text in _paragraphs(disclosure):
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
                current, current_tol, current_text = *_table_yuan(value), value.text
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


# --- wording ------------------------------------------------------------------------------

_RESIDUE = re.compile(
    r"(增加|增长|减少|下降)\s*[（(]\s*(减少|下降|增加|增长)\s*[）)]"
    r"|(?<![A-Za-z])[XxＸｘ×]{2,}(?![A-Za-z])"
    r"|_{2,}|＿{2,}"
    r"|[（(]\s*[）)]\s*(万元|元|%|％|个|人|辆|次)"
    r"|原因(主要)?(是|为)[：:]?\s*(?=[。；;]|$)"
)
# Substrings one of which every residue contains; plain ``in`` tests skip most texts
# far faster than the pattern (project goals run to tens of thousands).
_RESIDUE_HINTS = ("（）", "()", "（ ", "( ", "（减", "（增", "（下", "(减", "(增", "(下", "原因")
_RESIDUE_HINTS += ("XX", "xx", "Xx", "xX", "××", "ＸＸ", "ｘｘ", "__", "＿＿")


def _texts(disclosure: Disclosure) -> Iterator[tuple[Location | None, Project | None, str]]:
    """Every prose text: narrative, goals, safeguards, project goals and purposes."""
    for section, text in _paragraphs(disclosure):
        yield section.location, None, text
    for location, _title, text in _goal_texts(disclosure):
        yield location, None, text
    goals = disclosure.department_goals
    for text in goals.safeguards if goals is not None else ():
        yield goals.location, None, text
    for project in disclosure.projects:
        for text in (*project.goals, project.purpose or ""):
            if text:
                yield None, project, text


@rule(
    "narrative-template-residue",
    Severity.ERROR,
    "文中不应留有模板占位内容",
    tags=("narrative",),
    reference="RULES.md §11（C）",
    message="文中留有模板内容「{residue}」，未按实际情况填写",
    example={"residue": "增加（减少）"},
)
def narrative_template_residue(disclosure: Disclosure):
    """Template text left unfilled: "增加（减少）", "XX"/"××", blanks "＿＿" or "（）万元",
    "主要原因是。" with no reason (RULES.md §11, C)."""
    texts = list(_texts(disclosure))
    joined = "\n".join(text for _, _, text in texts)
    starts = list(accumulate((len(text) + 1 for _, _, text in texts), initial=0))
    hinted: set[int] = set()
    for hint in _RESIDUE_HINTS:
        at = joined.find(hint)
        while at != -1:
            hinted.add(bisect_right(starts, at) - 1)
            at = joined.find(hint, at + 1)
    for position in sorted(hinted):
        location, project, text = texts[position]
        match = _RESIDUE.search(text)
        if match:
            yield hit(location=location, project=project, quote=text, residue=match.group())


_EVALUATION = re.compile(r"完成情况分析|完成值|实际完成情况")


@rule(
    "narrative-evaluation-wording",
    Severity.WARNING,
    "预算绩效目标不应使用自评用语",
    tags=("narrative",),
    reference="财预〔2015〕88号 绩效目标（预期目标）；RULES.md §11（C）",
    message="绩效目标中出现自评报告用语「{wording}」，预算阶段应写预期目标值而非完成情况",
    example={"wording": "完成情况分析"},
)
def narrative_evaluation_wording(disclosure: Disclosure):
    """A budget's goals state expected targets; wording of a year-end self-evaluation
    (完成情况分析, 完成值) in the goals section shows text copied from a 自评 report
    (财预〔2015〕88号: a 绩效目标 is the expected output and effect; RULES.md §9)."""
    for location, _title, text in _goal_texts(disclosure):
        match = _EVALUATION.search(text)
        if match:
            line = next(part for part in text.splitlines() if match.group() in part)
            yield hit(location=location, quote=line.strip(), wording=match.group())


_YEAR_CLAIMS = re.compile(
    r"(?<![较比与同至到从自止\d])(20\d\d)年(度)?(部门|单位)?(支出|收入|收支)?"
    r"(预算|总体绩效|整体绩效|绩效目标)"
    r"|^\s*(20\d\d)年[，,]"
)
_TITLE_YEAR = re.compile(r"^\s*\d*\s*[、.．]?\s*(20\d\d)年度?")
_CAPTION_YEAR = re.compile(r"预算年度[：:]\s*(20\d\d)")
_COLUMN_YEAR = re.compile(r"(20\d\d)年\s*预留")


def _sentence_years(text: str, fiscal_year: int) -> Iterator[int]:
    """Years a text claims as its own ("2022年部门预算…", "2022年，我部门…"), sentence by
    sentence; a sentence that also names the fiscal year compares years and claims none."""
    own = f"{fiscal_year}年"
    for sentence in re.split(r"[。；;\n]", text):
        if own in sentence:
            continue
        for match in _YEAR_CLAIMS.finditer(sentence):
            yield int(match.group(1) or match.group(6))


def _claimed_years(
    disclosure: Disclosure,
) -> Iterator[tuple[Location | None, Project | None, str, int, str]]:
    fiscal_year = disclosure.fiscal_year
    for section, text in _paragraphs(disclosure):
        for year in _sentence_years(text, fiscal_year):
            yield section.location, None, "说明", year, text
    for location, _title, text in _goal_texts(disclosure):
        for year in _sentence_years(text, fiscal_year):
            yield location, None, "绩效目标", year, text
    for project in disclosure.projects:
        match = _TITLE_YEAR.match(project.title)
        if match:
            yield project.location, project, "项目表标题", int(match.group(1)), project.title
    for table in disclosure.budget_tables:
        for caption in table.captions:
            match = _CAPTION_YEAR.search(caption)
            if match:
                yield table.location, None, f"{table.title}的表头", int(match.group(1)), caption
        for column in table.columns:
            match = _COLUMN_YEAR.search(column.key)
            if match:
                yield table.location, None, f"{table.title}的栏目", int(match.group(1)), column.key


@rule(
    "narrative-year-mismatch",
    Severity.WARNING,
    "文中年度应与预算年度一致",
    tags=("narrative",),
    reference="RULES.md §11（C）",
    message="{where}写的是{year}年，而本文档的预算年度为{fiscal_year}年",
    example={"where": "说明", "year": 2022, "fiscal_year": 2023},
)
def narrative_year_mismatch(disclosure: Disclosure):
    """A heading, title, caption or this-year statement ("2022年部门预算…",
    "2022年，我部门…安排", 预算年度：2022) naming another year than the disclosure's:
    text left from last year's document. Comparisons (较2022年) are not claims."""
    for location, project, where, year, text in _claimed_years(disclosure):
        if year != disclosure.fiscal_year:
            yield hit(
                location=location,
                project=project,
                quote=text,
                where=where,
                year=year,
                fiscal_year=disclosure.fiscal_year,
            )


_ORG = r"[\u4e00-\u9fa5]{2,30}?(?:中心|局|办公室|委员会|院|所|站|馆|处|队|厅|社)"
_OWN_NAME = re.compile(
    rf"(?P<name>{_ORG})(?:本级)?(?:[（(]含所属单位[）)])?"
    r"(?=20\d\d年(?:度)?部门|安排政府采购|上年末固定资产|所有收入)"
)
_CAPTION_NAME = re.compile(rf"^\d*(?P<name>{_ORG})(?:本级)?$")
_LEAD_WORDS = re.compile(r"^.*?(现将|将|对|按照|根据)")


def _same_unit(name: str, unit: str) -> bool:
    name = _LEAD_WORDS.sub("", name).removesuffix("本级")
    unit = unit.removesuffix("本级")
    return bool(name) and (name in unit or unit in name)


@rule(
    "narrative-unit-name-mismatch",
    Severity.WARNING,
    "文中单位名称应与本单位一致",
    tags=("narrative",),
    reference="RULES.md §11（C）",
    message="{where}写的单位名称为「{name}」，与本单位「{unit}」不一致",
    example={"where": "说明", "name": "某县机关事务管理局", "unit": "某县机关后勤服务中心"},
)
def narrative_unit_name_mismatch(disclosure: Disclosure):
    """Where the unit names itself (title "…2023年部门预算…", "…安排政府采购预算",
    "…上年末固定资产", table captions, project tables) another unit's name stands:
    text copied from another unit's document."""
    unit = disclosure.unit_name
    if not unit:
        return
    places: list[tuple[Location | None, Project | None, str, str, str]] = []
    for section, text in _paragraphs(disclosure):
        for match in _OWN_NAME.finditer(text):
            places.append((section.location, None, "说明", match.group("name"), text))
    for location, _title, text in _goal_texts(disclosure):
        for match in _OWN_NAME.finditer(text):
            places.append((location, None, "绩效目标", match.group("name"), text))
    for table in disclosure.budget_tables:
        for caption in table.captions:
            match = _CAPTION_NAME.match(caption.strip())
            if match:
                where = f"{table.title}的表头"
                places.append((table.location, None, where, match.group("name"), caption))
    code = disclosure.unit_code or ""
    for project in disclosure.projects:
        other = project.unit_code or code
        # A subordinate unit of the department (445002 under 445001) has its own name.
        if project.unit_name and (other == code or other[:3] != code[:3]):
            name = project.unit_name
            places.append((project.location, project, "项目表", name, name))
    for location, project, where, name, text in places:
        if not _same_unit(name, unit):
            clean = _LEAD_WORDS.sub("", name)
            yield hit(
                location=location, project=project, quote=text, where=where, name=clean, unit=unit
            )


_SELF = re.compile(r"(?:我|本)(部门|单位|局|中心)")


@rule(
    "narrative-self-reference-mixed",
    Severity.INFO,
    "文中自称宜统一",
    tags=("narrative",),
    reference="RULES.md §11（C）",
    message="文中自称不统一：{forms}（本单位为「{unit}」）",
    example={"forms": "我部门、我局", "unit": "平乡县机关后勤服务中心"},
)
def narrative_self_reference_mixed(disclosure: Disclosure):
    """The text calls the unit both 部门 and 单位, or 局/中心 when its name is not one:
    a note for editing, reported once (RULES.md §11: 部门 vs 单位 wording)."""
    forms: dict[str, tuple[str, Location | None, str]] = {}
    texts = [(s.location, t) for s, t in _paragraphs(disclosure)]
    texts += [(loc, t) for loc, _title, t in _goal_texts(disclosure)]
    goals = disclosure.department_goals
    texts += [(goals.location, t) for t in (goals.safeguards if goals else ())]
    for location, text in texts:
        for match in _SELF.finditer(text):
            forms.setdefault(match.group(1), (match.group(), location, text))
    unit = disclosure.unit_name or ""
    odd = [k for k in ("局", "中心") if k in forms and not unit.endswith(k)]
    if ("部门" in forms and "单位" in forms) or odd:
        first = min(forms.values(), key=lambda v: (v[1].line or 0) if v[1] else 0)
        yield hit(
            location=first[1],
            quote=first[2],
            forms="、".join(word for word, _, _ in forms.values()),
            unit=unit,
        )


# --- the performance-target section against the tables ---------------------------------------


@rule(
    "narrative-project-total-mismatch",
    Severity.WARNING,
    "项目绩效目标表的预算数合计应与项目支出一致",
    tags=("narrative",),
    reference="RULES.md §11（C）",
    message="{count}张项目绩效目标表的预算数合计 {actual}，与{source}的 {expected} 不一致",
    example={
        "count": 6,
        "actual": "480.50万元",
        "source": "部门预算支出总表「合计」行「项目支出」列",
        "expected": "490.50万元",
    },
)
def narrative_project_total_mismatch(disclosure: Disclosure):
    """The budgets of the project tables (项目支出绩效目标表) should add up to 项目支出 of
    the tables, after converting 元 and 万元, within the rounding of the coarsest
    printing (budgets are exact amounts, so roundings do not add up). Checked only
    when every project prints its budget."""
    values = table_figures(disclosure).get(PROJECT)
    projects = disclosure.projects
    if not values or not projects:
        return
    sums: dict[MoneyUnit, Decimal] = {}
    tolerance = Decimal(0)
    for project in projects:
        money = project.budget_total
        if money is None or money.value is None or money.unit is None:
            return
        sums[money.unit] = sums.get(money.unit, Decimal(0)) + money.value
        places = money.value.as_tuple().exponent
        if isinstance(places, int):
            tolerance = max(tolerance, _half_ulp(places, money.unit, Decimal(1)))
    total = sum((_yuan(amount, unit) for unit, amount in sums.items()), Decimal(0))
    for value in values:
        expected, expected_tol = _table_yuan(value)
        if abs(total - expected) <= tolerance + expected_tol:
            return
    value = values[0]
    shown = total / value.unit.yuan_per_unit
    yield hit(
        location=value.location,
        quote=None,
        count=len(projects),
        actual=f"{shown:,.2f}{value.unit.label}",
        source=value.source,
        expected=value.text,
    )


@lru_cache(maxsize=8192)
def _indicator_key(level3: str) -> str:
    return normalise_name(level3)


def _quantitative(indicator: Indicator) -> tuple[Decimal, str] | None:
    target = indicator.target
    if target.kind is not TargetKind.QUANTITATIVE or target.value is None or not target.unit:
        return None
    return normalise_unit(target.value, target.unit)


@lru_cache(maxsize=4096)
def _longest_common(title: str, name: str) -> int:
    """The length of the longest run of characters ``title`` and ``name`` share, if it
    is at least 4; else 0."""
    for size in range(min(len(title), len(name)), 3, -1):
        if any(title[i : i + size] in name for i in range(len(title) - size + 1)):
            return size
    return 0


def _grams(text: str) -> set[str]:
    return {text[i : i + 4] for i in range(len(text) - 3)}


def _linked_project(title: str, projects: tuple[Project, ...], grams) -> Project | None:
    """The one project whose name shares the longest run (≥4 characters) with a
    sub-goal's title ("接待管理活动" → 接待管理经费); ``None`` on a tie or no match.
    ``grams`` maps each 4-character run of a project name to the projects' positions,
    so only names sharing a run with the title are compared."""
    title = re.sub(r"[\s。.，,、（）()]", "", title)
    candidates = sorted({i for gram in _grams(title) for i in grams.get(gram, ())})
    best, best_size, tie = None, 0, False
    for position in candidates:
        project = projects[position]
        size = _longest_common(title, project.project_name)
        if size > best_size:
            best, best_size, tie = project, size, False
        elif size == best_size:
            tie = True
    return None if tie else best


def _units_match(a: str, b: str, *, loose: bool) -> bool:
    return a == b or (loose and a.split("/")[0] == b.split("/")[0])


def _goal_candidates(quantity, linked: Project | None, index, projects):
    """Indicators a goal quantity restates: by name (the goal's wording ends with the
    indicator's name, ≥4 characters; 满意度 only within the linked project), else, in
    the linked project, the one indicator with the same count unit."""
    name = quantity.name
    named = []
    for size in range(len(name), 3, -1):
        named += index.get(name[-size:], [])
    in_linked = [c for c in named if c[0] is linked]
    if in_linked:
        return in_linked, True
    named = [c for c in named if "满意度" not in c[1].level3 and "满意" not in name]
    if named:
        return named, True
    if linked is None or quantity.unit == "%" or not quantity.unit:
        return [], False
    same_unit = []
    for indicator in linked.indicators:
        value = _quantitative(indicator)
        if value is not None and value[1] == quantity.unit:
            same_unit.append((linked, indicator, *value))
    return (same_unit, False) if len(same_unit) == 1 else ([], False)


@rule(
    "narrative-goal-figure-mismatch",
    Severity.WARNING,
    "部门整体绩效目标中的数字应与项目指标一致",
    tags=("narrative",),
    reference="财预〔2015〕88号 绩效目标审核（完整性、相关性）；RULES.md §11（C）",
    message="部门整体绩效目标写「{stated}」，而项目「{name}」的指标「{measure}」为 {target}",
    example={
        "stated": "维修面积3000平方米",
        "name": "机关运行及大院维护经费",
        "measure": "维修面积",
        "target": "≥2000平方米",
    },
)
def narrative_goal_figure_mismatch(disclosure: Disclosure):
    """A number in the unit-wide goals that restates a project indicator (the same
    quantity: the wording ends with the indicator's name, or the sub-goal's project
    has exactly one indicator in that unit) must equal the indicator's target value.
    Reported only when every indicator it may restate disagrees, alike."""
    projects = disclosure.projects
    texts = [
        (loc, title, text, quantity_figures(text)) for loc, title, text in _goal_texts(disclosure)
    ]
    if not projects or not any(found for *_, found in texts):
        return
    # Index only the indicator names some goal wording ends with.
    wanted = {
        q.name[-size:] for *_, found in texts for q in found for size in range(4, len(q.name) + 1)
    }
    index: dict[str, list[tuple[Project, Indicator, Decimal, str]]] = {}
    for project in projects if wanted else ():
        for indicator in project.indicators:
            key = _indicator_key(indicator.level3)
            if key in wanted:
                value = _quantitative(indicator)
                if value is not None:
                    index.setdefault(key, []).append((project, indicator, *value))
    grams: dict[str, list[int]] = {}
    if any(title and found for _, title, _, found in texts):
        for position, project in enumerate(projects):
            for gram in _grams(project.project_name):
                grams.setdefault(gram, []).append(position)
    for location, title, _text, found in texts:
        linked = _linked_project(title, projects, grams) if title and found else None
        for quantity in found:
            candidates, by_name = _goal_candidates(quantity, linked, index, projects)
            candidates = [c for c in candidates if _units_match(c[3], quantity.unit, loose=by_name)]
            if not candidates or any(c[2] == quantity.value for c in candidates):
                continue
            if len({c[2] for c in candidates}) > 1:
                continue  # the indicators disagree among themselves: no single expectation
            project, indicator, _value, _unit = candidates[0]
            yield hit(
                location=location,
                project=project,
                indicator=indicator,
                quote=quantity.clause,
                stated=quantity.clause,
                name=project.project_name,
                measure=indicator.level3,
                target=indicator.target.raw,
            )
