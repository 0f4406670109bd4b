"""Facts about the whole document read from its raw text: fiscal year, layout."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from jixiao.model import (
    BudgetTable,
    DepartmentGoals,
    Finding,
    Layout,
    NarrativeSection,
    Project,
    YearEvidence,
)


@dataclass
class DocumentParts:
    """What a layout reader found, before the disclosure is assembled."""

    budget_tables: list[BudgetTable] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    goals: DepartmentGoals | None = None
    narrative: list[NarrativeSection] = field(default_factory=list)
    unit_lines: list[str] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)


_PRINTED_YEAR = (
    re.compile(r"预算年度[:：]\s*(20\d{2})"),
    re.compile(r"(20\d{2})\s*年度?\s*(?:部门|单位)(?:预算|整体|总体)"),
    re.compile(r"(20\d{2})\s*年度?\s*(?:部门|单位)?\s*预算(?:信息)?公开"),
    # Sichuan and Shanghai covers: 2025年南江县本级部门预算表, 上海市普陀区2026年区级部门预算
    re.compile(r"(?<!\d)(20\d{2})\s*年[\u4e00-\u9fff]{0,10}?(?:部门|单位)预算"),
    # a form's year caption: 部门项目支出绩效目标表（2025年度）
    re.compile(r"[（(]\s*(20\d{2})\s*年度\s*[）)]"),
)
# Hebei project codes: 6-digit area code, 2-digit year, then P (13022524P004T4010022X).
_CODE_YEAR = re.compile(r"(?<![0-9A-Za-z])\d{6}(\d{2})P[0-9A-Z]")
_TARGET_YEAR = re.compile(r"(20\d{2})\s*年\s*(?:年底|年末|底|末|\d{1,2}\s*月)")


def infer_fiscal_year(text: str) -> tuple[int, YearEvidence] | None:
    """The fiscal year and where it was read: a printed year first (预算年度：2023,
    ``2020年部门预算…``), else the year inside project codes, else the year of
    deadline targets (``2024年年底``). The most frequent candidate wins."""
    for pattern in _PRINTED_YEAR:
        years = Counter(int(y) for y in pattern.findall(text))
        if years:
            return years.most_common(1)[0][0], YearEvidence.PRINTED
    code_years = Counter(2000 + int(y) for y in _CODE_YEAR.findall(text))
    if code_years:
        return code_years.most_common(1)[0][0], YearEvidence.PROJECT_CODE
    target_years = Counter(int(y) for y in _TARGET_YEAR.findall(text))
    if target_years:
        return target_years.most_common(1)[0][0], YearEvidence.TARGET
    return None


_MARKERS = ("绩效目标", "预算", "一级指标", "收支总表", "支出", "单位")


def detect_layout(text: str) -> Layout | None:
    """Word export when table cells are tab-led lines; PDF extraction when a
    performance grid's header is printed on one line; ``None`` when the text does
    not look like a budget disclosure at all."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines or sum(marker in text for marker in _MARKERS) < 3:
        return None
    tab_led = sum(1 for line in lines if line.startswith("\t"))
    if tab_led >= 10 and tab_led >= len(lines) // 10:
        return Layout.WORD_EXPORT
    if re.search(r"一级指标\s+二级指标", text) or re.search(r"\d+\s*月底\s+\d+\s*月底", text):
        return Layout.PDF_EXTRACTION
    return None


# A unit's code joined to its name in one cell: 249001-南江县仁和镇人民政府.
_CODE_NAME_CELL = re.compile(r"^\t(\d{6})\s*[-－—]\s*([\u4e00-\u9fff][^\t]{1,40})$", re.M)
# A code alone in a cell with the name in the next cell (a 单位代码 | 单位名称 table).
_CODE_THEN_NAME = re.compile(r"^\t(\d{6})\n\t\s*([\u4e00-\u9fff][^\t\n]{1,40})$", re.M)
_UNIT_SUFFIX = r"(?:局|院|委员会|委|办公室|办|政府|中心|厅|部|所|队|站|会|处|馆|校|学|社|署)"
# Captions naming the unit without a code: 部门：…, 编制部门：…, 预算主管部门：…
_UNIT_CAPTION = re.compile(
    r"(?:预算主管部门|编制部门|编制单位|部门名称|单位名称|部门|单位)\s*[:：]\s*"
    r"([\u4e00-\u9fff（）()]{2,40}?" + _UNIT_SUFFIX + r")(?![\u4e00-\u9fff])"
)
# A cover: 巴中市巴州区交通运输局 above (or before) 2024年部门预算, the title alone on
# its line (a sentence such as 反映…2019年度总体收入预算情况。 is not a cover); Word
# prints a heading's bookmark before it.
_COVER_NAME = re.compile(
    r"^(?:\[bookmark:[^\]\n]*\])*\s*([\u4e00-\u9fff]{3,40}" + _UNIT_SUFFIX + r")"
    r"\s*\n?\s*20\d{2}\s*年度?[\u4e00-\u9fff]{0,10}?(?:部门|单位)?预算"
    r"(?:信息)?(?:公开|表|草案|报告)?\s*$",
    re.M,
)


def printed_unit(text: str) -> tuple[str | None, str] | None:
    """The unit as printed when no 单位编码+名称 line exists: ``(code, name)`` from
    a code-name cell (``249001-南江县仁和镇人民政府``) or a 单位代码 | 单位名称 pair
    (the most frequent wins), else ``(None, name)`` from a cover title
    (``巴中市巴州区交通运输局`` over ``2024年部门预算``) or a caption (``部门：…``,
    ``编制部门：…``), the longest name among the most frequent; ``None`` when the
    text names no unit."""
    coded = Counter(
        (code, name.strip())
        for pattern in (_CODE_NAME_CELL, _CODE_THEN_NAME)
        for code, name in pattern.findall(text)
        if not name.strip().startswith(("合", "小计"))
    )
    names = Counter(name for name in _COVER_NAME.findall(text))
    names.update(name for name in _UNIT_CAPTION.findall(text))
    if coded:
        (code, name), _ = coded.most_common(1)[0]
        full = [n for n in names if n.endswith(name) or name in n]
        return code, max(full, key=len) if full and len(max(full, key=len)) > len(name) else name
    if not names:
        return None
    cover = Counter(_COVER_NAME.findall(text))
    if cover:
        return None, cover.most_common(1)[0][0]
    return None, max(names, key=lambda n: (names[n], len(n)))
