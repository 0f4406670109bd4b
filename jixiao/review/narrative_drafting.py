"""Review rules: drafting slips in the narrative and goals (family ``narrative``).

Text carried over from a template, from last year's document or from another unit's
shows in its wording: placeholders left unfilled ("增加（减少）", "XX", "（）万元"),
self-evaluation wording in budget goals (完成情况分析), another year or another unit's
name where the document names its own, and a unit that calls itself both 部门 and 单位
(RULES.md §11, confidence C). The figures of the same texts are checked in
:mod:`jixiao.review.narrative`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from jixiao.model import Disclosure, Location, Project, Severity
from jixiao.review.prose import goal_texts, paragraphs, prose_texts
from jixiao.review.registry import hit, rule

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
    texts = list(prose_texts(disclosure))
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
    for location, _title, text in goal_texts(disclosure):
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


_SENTENCE_END = re.compile(r"[。；;！!？?：:\n]\s*$")


def _sentence_years(text: str, fiscal_year: int, before: str = "") -> Iterator[int]:
    """Years a text claims as its own ("2022年部门预算…", "2022年，我部门…"), sentence by
    sentence; a sentence that also names the fiscal year compares years and claims none.

    ``before`` is the unfinished sentence a previous paragraph broke off (a PDF line
    ending in "…，与" whose next line starts "2025年预算持平"): it is read as the start of
    ``text``'s first sentence, so that the comparison word before the year is seen.
    """
    own = f"{fiscal_year}年"
    for index, sentence in enumerate(re.split(r"[。；;\n]", text)):
        if index == 0 and before:
            sentence = before + sentence
        if own in sentence:
            continue
        for match in _YEAR_CLAIMS.finditer(sentence):
            if index == 0 and match.start() < len(before):
                continue  # in the previous paragraph, which reported it
            yield int(match.group(1) or match.group(6))


def _unfinished(text: str) -> str:
    """The last sentence of ``text`` when it breaks off without an end mark, else ""."""
    if not text or _SENTENCE_END.search(text):
        return ""
    return re.split(r"[。；;\n]", text)[-1]


def _claimed_years(
    disclosure: Disclosure,
) -> Iterator[tuple[Location | None, Project | None, str, int, str]]:
    fiscal_year = disclosure.fiscal_year
    heading, previous = None, ""  # the section read, and its paragraph before this one
    for section, text in paragraphs(disclosure):
        if section.heading != heading:  # a new section: its heading is no sentence start
            heading, previous = section.heading, ""
            if text == heading:
                for year in _sentence_years(text, fiscal_year):
                    yield section.location, None, "说明", year, text
                continue
        before, previous = _unfinished(previous), text
        for year in _sentence_years(text, fiscal_year, before):
            yield section.location, None, "说明", year, text
    for location, _title, text in goal_texts(disclosure):
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
_LEAD_WORDS = re.compile(r"^.*?(现将|将|对|按照|根据)|^第[一二三四五六七八九十]+部分")


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
    for section, text in paragraphs(disclosure):
        for match in _OWN_NAME.finditer(text):
            places.append((section.location, None, "说明", match.group("name"), text))
    for location, _title, text in goal_texts(disclosure):
        for match in _OWN_NAME.finditer(text):
            places.append((location, None, "绩效目标", match.group("name"), text))
    for table in disclosure.budget_tables:
        for caption in table.captions:
            match = _CAPTION_NAME.match(caption.strip())
            if match:
                where = f"{table.title}的表头"
                places.append((table.location, None, where, match.group("name"), caption))
    code = disclosure.unit_code or ""
    listed = _units_in_tables(disclosure)
    # A document of a 主管部门 as a whole (Sichuan names it 平昌县公安局部门 on every
    # 自评表) gathers the tables of its 实施单位: each names its own unit by design.
    whole_department = unit.endswith("部门")
    for project in disclosure.projects if not whole_department else ():
        other = project.unit_code or code
        # A subordinate unit of the department (445002 under 445001) has its own name,
        # and so has one the budget tables list among the department's (a row of
        # Bazhou's 经济分类 table names 巴中市巴州区航务海事发展中心 under its code 163002).
        if project.unit_name and "".join(project.unit_name.split()) in listed:
            continue
        if project.unit_name and (other == code or other[:3] != code[:3]):
            name = project.unit_name
            places.append((project.location, project, "项目表", name, name))
    for location, project, where, name, text in places:
        if not _same_unit(name, unit):
            clean = _LEAD_WORDS.sub("", name)
            yield hit(
                location=location, project=project, quote=text, where=where, name=clean, unit=unit
            )


def _units_in_tables(disclosure: Disclosure) -> set[str]:
    """Names the budget tables print as rows of their own (the department's units,
    each with its lines below it), without spaces."""
    return {
        "".join(row.name.split())
        for table in disclosure.budget_tables
        for row in table.rows
        if _UNIT_ROW.fullmatch("".join(row.name.split()))
    }


_UNIT_ROW = re.compile(_ORG)


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
    texts = [(s.location, t) for s, t in paragraphs(disclosure)]
    texts += [(loc, t) for loc, _title, t in goal_texts(disclosure)]
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
