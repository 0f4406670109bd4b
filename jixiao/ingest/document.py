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
