"""Review rules: is everything published that must be (公开完整性)?

财预〔2016〕143号《地方预决算公开操作规程》 says what a department's budget disclosure
publishes: the standard tables (an empty one still published, with a note saying why),
三公 with 公务用车 split into 购置费 and 运行费, and a narrative that explains 机关运行经费
and 政府采购 (total; goods, works and services; the share reserved for small firms),
adds 国有资产占用 and performance information, and explains its terms (名词解释) —
RULES.md §5. Many real files hold only part of a disclosure (the performance-target
section alone): such a document is reported once, as partial, not as nine missing tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.model import Disclosure, Location, Severity, TableKind
from jixiao.review.figures import money_figures, row_name
from jixiao.review.registry import hit, rule

_REF = "财预〔2016〕143号《地方预决算公开操作规程》；RULES.md §5"

CORE_TABLES: dict[TableKind, str] = {
    TableKind.INCOME_EXPENDITURE_SUMMARY: "部门预算收支总表",
    TableKind.INCOME_SUMMARY: "部门预算收入总表",
    TableKind.EXPENDITURE_SUMMARY: "部门预算支出总表",
    TableKind.FISCAL_APPROPRIATION_SUMMARY: "财政拨款收支总表",
    TableKind.GENERAL_BUDGET_EXPENDITURE: "一般公共预算财政拨款支出表",
    TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE: "一般公共预算财政拨款基本支出表",
    TableKind.GOV_FUND_EXPENDITURE: "政府性基金预算财政拨款支出表",
    TableKind.STATE_CAPITAL_EXPENDITURE: "国有资本经营预算财政拨款支出表",
    TableKind.THREE_PUBLIC_EXPENSES: "财政拨款“三公”经费支出表",
}
"""The nine core tables of a budget disclosure (GLOSSARY.md) and their Chinese names."""

PERFORMANCE_REQUIRED_FROM = 2020
"""From this fiscal year on a missing 国有资产占用 or 绩效目标 section is a warning, before
it only a note: both were "added over time" (RULES.md §5), and every seed from 2020 on
publishes its performance targets."""


def _is_partial(disclosure: Disclosure) -> bool:
    """No standard table at all: a part of a disclosure (the performance section alone)."""
    return not any(t.kind in CORE_TABLES for t in disclosure.budget_tables)


def _where(disclosure: Disclosure, table: str | None = None) -> Location:
    return Location(file=disclosure.source.path, table=table)


@rule(
    "completeness-partial-document",
    Severity.INFO,
    "文档不含预算公开表格",
    tags=("completeness",),
    reference=_REF,
    message="本文档不含部门预算公开表格（{content}），按部分公开内容审核，未检查表格与说明的完整性",
    example={"content": "仅有部门整体绩效目标和3张项目绩效目标表"},
)
def completeness_partial_document(disclosure: Disclosure):
    """A document without any of the nine standard tables is a part of a disclosure
    (often the performance-target section published on its own): said once, instead of
    reporting every table and narrative section as missing (143号 部门预算公开内容)."""
    if not _is_partial(disclosure):
        return
    parts = []
    if disclosure.department_goals is not None:
        parts.append("部门整体绩效目标")
    if disclosure.projects:
        parts.append(f"{len(disclosure.projects)}张项目绩效目标表")
    content = "仅有" + "和".join(parts) if parts else "无表格和绩效目标"
    yield hit(location=_where(disclosure), content=content)


@rule(
    "completeness-table-missing",
    Severity.ERROR,
    "应公开的预算表不全",
    tags=("completeness",),
    reference=_REF + "（部门预算公开表格，无数据的表格也应公开并说明）",
    message="未公开{name}；无数据时也应公开空表并注明原因",
    example={"name": "政府性基金预算财政拨款支出表"},
)
def completeness_table_missing(disclosure: Disclosure):
    """Each of the nine core tables must be published, an empty one with its note
    (143号; GLOSSARY.md's standard set). Tables are recognised by title; a document
    with none of them is partial and left to ``completeness-partial-document``."""
    if _is_partial(disclosure):
        return
    present = {t.kind for t in disclosure.budget_tables}
    for kind, name in CORE_TABLES.items():
        if kind not in present:
            yield hit(location=_where(disclosure, name), name=name)


_EMPTY_NOTE = re.compile(r"空表|无[^，。；]{0,30}(预算|支出|收入|经费|数据|资金|安排)|未安排|没有")


@rule(
    "completeness-empty-table-unnoted",
    Severity.WARNING,
    "空表应注明原因",
    tags=("completeness",),
    reference=_REF + "（空表列示并说明）",
    message="{table}为空表，但未注明原因（如“本单位无…，故本表为空表”）",
    example={"table": "部门预算政府性基金预算财政拨款支出表"},
)
def completeness_empty_table_unnoted(disclosure: Disclosure):
    """A table without data is still published, with a note saying why it is empty
    ("注：无政府性基金预算财政拨款预算，空表列示。"); an empty table without such a
    note leaves the reader guessing (143号)."""
    for table in disclosure.budget_tables:
        if table.kind is TableKind.OTHER or not table.is_empty:
            continue
        if not (table.note and _EMPTY_NOTE.search(table.note)):
            yield hit(location=table.location, quote=table.note, table=table.title or "表")


# What each table is about, as the note of an empty table names it; a note naming
# another table's subject and not its own was copied from that table.
_SUBJECTS: dict[TableKind, re.Pattern[str]] = {
    TableKind.GENERAL_BUDGET_EXPENDITURE: re.compile(r"一般公共预算"),
    TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE: re.compile(r"基本支出"),
    TableKind.GOV_FUND_EXPENDITURE: re.compile(r"政府性?基金"),
    TableKind.STATE_CAPITAL_EXPENDITURE: re.compile(r"国有资本"),
    TableKind.THREE_PUBLIC_EXPENSES: re.compile(r"三公|因公出国|公务用车|公务接待"),
    TableKind.PROCUREMENT_BUDGET: re.compile(r"政府采购"),
    TableKind.FIXED_ASSETS: re.compile(r"固定资产|国有资产"),
}
_SUBJECT_NAMES = {
    TableKind.GENERAL_BUDGET_EXPENDITURE: "一般公共预算",
    TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE: "基本支出",
    TableKind.GOV_FUND_EXPENDITURE: "政府性基金预算",
    TableKind.STATE_CAPITAL_EXPENDITURE: "国有资本经营预算",
    TableKind.THREE_PUBLIC_EXPENSES: "“三公”经费",
    TableKind.PROCUREMENT_BUDGET: "政府采购",
    TableKind.FIXED_ASSETS: "固定资产",
}


@rule(
    "completeness-note-mismatch",
    Severity.WARNING,
    "空表的说明应与本表内容对应",
    tags=("completeness",),
    reference=_REF + "（空表说明）",
    message="{table}的空表说明讲的是{subject}（“{note}”），疑为从其他表复制",
    example={
        "table": "部门预算政府性基金预算财政拨款支出表",
        "subject": "国有资本经营预算",
        "note": "注：无国有资本经营预算财政拨款预算，空表列示。",
    },
)
def completeness_note_mismatch(disclosure: Disclosure):
    """The note under an empty table names another table's subject and not its own
    ("无国有资本经营预算…" under the 政府性基金 table): a note copied with the wrong
    table (RULES.md §11, C)."""
    for table in disclosure.budget_tables:
        own = _SUBJECTS.get(table.kind)
        if own is None or not table.is_empty or not table.note or own.search(table.note):
            continue
        for kind, pattern in _SUBJECTS.items():
            if kind is not table.kind and pattern.search(table.note):
                yield hit(
                    location=table.location,
                    quote=table.note,
                    table=table.title or "表",
                    subject=_SUBJECT_NAMES[kind],
                    note=table.note,
                )
                break


_PURCHASE = re.compile(r"购置费$")
_OPERATION = re.compile(r"运(行|维)(维护|维修)?费$")
_VEHICLES = re.compile(r"公务用车")


@rule(
    "completeness-three-public-split",
    Severity.ERROR,
    "“三公”经费表应将公务用车费分列购置费和运行费",
    tags=("completeness",),
    reference=_REF + "（“三公”经费公务用车购置及运行费分列购置费和运行费）",
    message="{table}未分列{missing}",
    example={
        "table": "部门预算财政拨款“三公”经费支出表",
        "missing": "公务用车购置费、公务用车运行维护费",
    },
)
def completeness_three_public_split(disclosure: Disclosure):
    """The 三公 table must split 公务用车购置及运行费 into 购置费 and 运行费 (143号)."""
    for table in disclosure.budget_tables:
        if table.kind is not TableKind.THREE_PUBLIC_EXPENSES or not table.rows:
            continue
        names = [row_name(row.name) for row in table.rows]
        missing = []
        if not any(_PURCHASE.search(n) and "及" not in n for n in names):
            missing.append("公务用车购置费")
        if not any(_OPERATION.search(n) and "购置" not in n for n in names):
            missing.append("公务用车运行维护费")
        if missing and any(_VEHICLES.search(n) for n in names):
            yield hit(location=table.location, table=table.title, missing="、".join(missing))


# Required narrative sections: name, heading pattern, whether a paragraph that
# mentions the subject with an amount also counts, and whether the requirement is one
# "added over time" (RULES.md §5).
_SECTIONS: tuple[tuple[str, re.Pattern[str], bool, bool], ...] = (
    ("机关运行经费", re.compile(r"机关运行(经)?费"), True, False),
    ("“三公”经费", re.compile(r"三公"), True, False),
    ("政府采购", re.compile(r"政府采购"), True, False),
    ("国有资产占用情况", re.compile(r"国有资产|固定资产|资产占用"), True, True),
    ("预算绩效信息", re.compile(r"绩效"), False, True),
    ("名词解释", re.compile(r"名词解释|名词说明|术语"), False, False),
)


def _mentions(disclosure: Disclosure, pattern: re.Pattern[str]) -> bool:
    for section in disclosure.narrative:
        for paragraph in section.paragraphs:
            if pattern.search(paragraph) and any(f.unit != "%" for f in money_figures(paragraph)):
                return True
    return False


def _missing_sections(disclosure: Disclosure) -> Iterator[tuple[str, bool]]:
    headings = [s.heading for s in disclosure.narrative]
    for name, pattern, in_text, later in _SECTIONS:
        if any(pattern.search(h) for h in headings):
            continue
        if name == "预算绩效信息" and (disclosure.department_goals or disclosure.projects):
            continue
        if in_text and _mentions(disclosure, pattern):
            continue
        yield name, later


@rule(
    "completeness-section-missing",
    Severity.WARNING,
    "情况说明应包含规定的部分",
    tags=("completeness",),
    reference=_REF + "（机关运行经费、政府采购、国有资产占用、绩效信息、名词解释）",
    message="情况说明中未见“{section}”部分",
    example={"section": "机关运行经费"},
)
def completeness_section_missing(disclosure: Disclosure):
    """The narrative explains 机关运行经费, 三公, 政府采购, 国有资产占用 and the
    performance information, and explains its terms (143号; RULES.md §5). For years
    before :data:`PERFORMANCE_REQUIRED_FROM` a missing 国有资产 or 绩效 part is left to
    ``completeness-section-not-yet-required``. Partial documents are not checked."""
    if _is_partial(disclosure):
        return
    for name, later in _missing_sections(disclosure):
        if not later or disclosure.fiscal_year >= PERFORMANCE_REQUIRED_FROM:
            yield hit(location=_where(disclosure), section=name)


@rule(
    "completeness-section-not-yet-required",
    Severity.INFO,
    "早期年度可不含国有资产、绩效信息部分",
    tags=("completeness",),
    reference=_REF + "（国有资产占用、绩效信息逐步纳入公开）",
    message="情况说明中未见“{section}”部分（{year}年度时可能尚未要求公开）",
    example={"section": "预算绩效信息", "year": 2018},
)
def completeness_section_not_yet_required(disclosure: Disclosure):
    """国有资产占用 and performance information were added to the disclosure over time;
    for fiscal years before :data:`PERFORMANCE_REQUIRED_FROM` their absence is a note."""
    if _is_partial(disclosure) or disclosure.fiscal_year >= PERFORMANCE_REQUIRED_FROM:
        return
    for name, later in _missing_sections(disclosure):
        if later:
            yield hit(location=_where(disclosure), section=name, year=disclosure.fiscal_year)


# A kind named as a kind of procurement: 货物类, 服务采购, 工程项目, 货物预算, or after the
# word 采购 (政府采购货物预算3.66万元, Shanghai's wording).
_KINDS = re.compile(r"(货物|工程|服务)(类|采购|项目|预算)|采购(货物|工程|服务)")
_SME = re.compile(r"中小(微)?企业")
_NONE = re.compile(r"无政府采购|未安排政府采购|不涉及政府采购|政府采购预算(为)?0(\.0+)?万?元")


@rule(
    "completeness-procurement-detail",
    Severity.WARNING,
    "政府采购说明应分列货物、工程、服务并说明预留中小企业份额",
    tags=("completeness",),
    reference=_REF + "（政府采购预算总额、货物工程服务构成、预留中小企业份额）",
    message="政府采购说明未写明{missing}",
    example={"missing": "货物、工程、服务各类金额及预留中小企业采购份额"},
)
def completeness_procurement_detail(disclosure: Disclosure):
    """The 政府采购 explanation gives the total, its goods / works / services split and
    the share reserved for small and medium firms (143号 and the 政府采购 policy on
    reserved shares). Not checked when the unit has no procurement."""
    if _is_partial(disclosure):
        return
    texts = [
        (section, paragraph)
        for section in disclosure.narrative
        for paragraph in section.paragraphs
        if "政府采购" in section.heading or "政府采购" in paragraph
    ]
    if not texts or any(_NONE.search(p) for _, p in texts):
        return
    table = disclosure.table(TableKind.PROCUREMENT_BUDGET)
    if table is not None and table.is_empty:
        return
    words = "".join(p for _, p in texts)
    missing = []
    # One kind named is enough: "全部为服务类" gives the split too.
    if not _KINDS.search(words):
        missing.append("货物、工程、服务各类金额")
    if not _SME.search(words):
        missing.append("预留中小企业采购份额")
    if missing:
        section, paragraph = texts[0]
        yield hit(location=section.location, quote=paragraph, missing="及".join(missing))
