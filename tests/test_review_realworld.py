"""Review of the real files of other regions: false positives found there stay fixed.

Each case names a finding that was wrong on an original (checked against the file:
pdftotext -layout, openpyxl, python-docx) and asserts it is gone, beside a true finding
of the same file that must stay. Skips when /work/shared/realworld is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jixiao.ingest import read_disclosure
from jixiao.model import Finding
from jixiao.review import review

REALWORLD_DIR = Path(os.environ.get("JIXIAO_REALWORLD_DIR", "/work/shared/realworld"))

_FINDINGS: dict[str, tuple[Finding, ...]] = {}


def _findings(name: str) -> tuple[Finding, ...]:
    path = REALWORLD_DIR / name
    if not path.is_file():
        pytest.skip(f"real-world originals not found at {REALWORLD_DIR}")
    if name not in _FINDINGS:
        _FINDINGS[name] = tuple(review(read_disclosure(path)).findings)
    return _FINDINGS[name]


def _messages(name: str, rule: str) -> list[str]:
    return [f.message for f in _findings(name) if f.rule == rule]


BAZHOU = "bazhou-jiaotongju-2024-budget.docx"
SHANGHAI = "shanghai-putuo-sifaju-2026-budget.pdf"
ZIRANG = "nanjiang-zirangyuanju-2025-targets.xlsx"
RENHE = "nanjiang-renhezhen-2025-budget.xlsx"
JIANGSU = "jiangsu-gaoyuan-2019-budget.pdf"


def test_bazhou__cost_target_is_the_budget_rounded_to_wan_yuan():
    # 整体支出表: budget 52,888,160.02元, 财政预算控制数 ≤ 5288.82 万元.
    assert _messages(BAZHOU, "target-cost-over-budget") == []
    # 12 km is a unit.
    assert not any("12 km" in m for m in _messages(BAZHOU, "target-count-no-unit"))


def test_shanghai__summary_sub_items_procurement_split_and_comparison_year():
    # 收入总计 96,282,213.44 = 一、财政拨款收入; 1. 一般公共预算 is its part.
    assert _messages(SHANGHAI, "sum-mismatch") == []
    # 政府采购货物预算3.66万元、…工程…、…服务…; 面向中小企业预留….
    assert _messages(SHANGHAI, "completeness-procurement-detail") == []
    # "…，与\n2025年预算持平" is a comparison broken across lines.
    assert _messages(SHANGHAI, "narrative-year-mismatch") == []


def test_zirang__qualitative_targets_and_land_duties():
    # 定性 | / : an empty target, not an unreadable one; 定性 | a phrase: words.
    assert _messages(ZIRANG, "target-unparsed") == []
    assert sorted(_messages(ZIRANG, "target-empty")) == [
        "指标「原址恢复1200元/亩」没有填写指标值",
        "指标「异地恢复800元/亩」没有填写指标值",
    ]
    # 耕地 is the duty of a 自然资源和规划局's projects.
    assert _messages(ZIRANG, "indicator-other-project") == []
    assert not any("平方千米" in m for m in _messages(ZIRANG, "target-count-no-unit"))
    # True and kept: 2024年12月20日前 in a 2025 table.
    assert len(_messages(ZIRANG, "target-deadline-before-year")) == 2


def test_renhe__blank_department_table_is_not_a_project():
    assert _messages(RENHE, "framework-no-indicators") == []
    # True and kept: 服务对象满意度 ＝ 1000 %; 1,404.90 ≠ 1,401.90 + 0.
    assert len(_messages(RENHE, "target-percent-over-100")) == 1
    assert len(_messages(RENHE, "project-budget-split-mismatch")) == 1


def test_jiangsu__year_subtotal_and_sub_items():
    # 当年收入小计 = 一、二、三; 1./2. are parts of 一、财政拨款; 收入合计 = 小计 + 结转.
    assert _messages(JIANGSU, "sum-mismatch") == []
    # 拟采购货物支出…工程…服务: the split is there.
    assert not any("货物" in m for m in _messages(JIANGSU, "completeness-procurement-detail"))
