"""The budget tables of four real disclosures of other regions, read as a person counted
them in the originals (tests/realworld_expected.py): tables found by title and kind,
money unit per table, printed row counts, values (raw as printed, Decimal, unit); the
unit and year of each file; ``jixiao review`` on each without a crash.

The originals live in ../shared/realworld beside the repo (JIXIAO_REALWORLD_DIR);
the tests skip when the folder is absent.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.ingest import read_disclosure
from jixiao.ingest.target import parse_number
from jixiao.model import BudgetTable, ColumnRole, Disclosure, MoneyUnit, Severity, Side
from tests.realworld_expected import EXPECTED

REALWORLD_DIR = Path(
    os.environ.get(
        "JIXIAO_REALWORLD_DIR", Path(__file__).resolve().parents[2] / "shared" / "realworld"
    )
)
FILES = (
    "bazhou-jiaotongju-2024-budget.docx",
    "jiangsu-gaoyuan-2019-budget.pdf",
    "nanjiang-renhezhen-2025-budget.xlsx",
    "nanjiang-zirangyuanju-2025-targets.xlsx",
    "shanghai-putuo-sifaju-2026-budget.pdf",
)
_PERFORMANCE = {"project_targets", "department_targets", "self_evaluation"}
_UNITS = {"元": MoneyUnit.YUAN, "万元": MoneyUnit.WAN_YUAN, None: None}


def _compact(text: str | None) -> str:
    return "".join((text or "").split())


def _path(name: str) -> Path:
    path = REALWORLD_DIR / name
    if not path.is_file():
        pytest.skip(f"real-world originals not found at {REALWORLD_DIR}")
    return path


_READ: dict[str, Disclosure] = {}


def _read(name: str) -> Disclosure:
    if name not in _READ:
        _READ[name] = read_disclosure(_path(name))
    return _READ[name]


def _budget_expectations(name: str) -> list[dict]:
    return [
        t
        for t in EXPECTED[name]["tables"]
        if t["kind"] not in _PERFORMANCE and t.get("title") is not None
    ]


def _table(disclosure: Disclosure, title: str) -> BudgetTable:
    found = [t for t in disclosure.budget_tables if _compact(t.title) == _compact(title)]
    assert found, f"table {title!r} not read; read: {[t.title for t in disclosure.budget_tables]}"
    return found[0]


def _printed_rows(table: BudgetTable) -> int:
    """Printed rows: a side-by-side row gives one model row per side."""
    return len({row.location.row if row.location else id(row) for row in table.rows})


@pytest.mark.parametrize("name", FILES)
def test_realworld__unit_and_year(name):
    expected = EXPECTED[name]
    disclosure = _read(name)
    assert disclosure.fiscal_year == expected["fiscal_year"]
    assert disclosure.unit_name == expected["unit_name"]
    if "unit_code" in expected:
        assert disclosure.unit_code == expected["unit_code"]
    else:  # no code printed anywhere: the name stands in, and a warning says so
        assert disclosure.unit_code == expected["unit_name"]
        assert any(
            n.rule == "ingest-unit-code-missing" and n.severity is Severity.WARNING
            for n in disclosure.notes
        )
    if _budget_expectations(name):
        assert disclosure.money_unit is _UNITS[expected["money_unit"]]


@pytest.mark.parametrize("name", FILES)
def test_realworld__tables_kinds_units_and_rows(name):
    disclosure = _read(name)
    for expected in _budget_expectations(name):
        table = _table(disclosure, expected["title"])
        assert table.kind.value == expected["kind"], expected["title"]
        assert table.money_unit is _UNITS[expected["money_unit"]], expected["title"]
        assert _printed_rows(table) == expected["rows"], expected["title"]


@pytest.mark.parametrize("name", FILES)
def test_realworld__values_raw_decimal_and_unit(name):
    disclosure = _read(name)
    checked = 0
    for expected in _budget_expectations(name):
        table = _table(disclosure, expected["title"])
        for label, column, raw in expected.get("checks", ()):
            key = next(
                (c.key for c in table.columns if _compact("/".join(c.header)) == _compact(column)),
                None,
            )
            assert key is not None, (expected["title"], column, [c.key for c in table.columns])
            rows = [
                r
                for r in table.rows
                if _compact(label)
                in (_compact(r.code), _compact(r.name), *(_compact(v.raw) for v in r.values))
                and (r.raw(key) if raw else r.raw(key) is not None)
            ]
            assert rows, (expected["title"], label, column)
            assert rows[0].raw(key) == raw, (expected["title"], label, column)
            assert rows[0].value(key) == parse_number(raw)
            assert isinstance(rows[0].value(key), Decimal) or not raw
            checked += 1
    assert checked >= 3 or not _budget_expectations(name)


def test_realworld__split_codes_joined_and_units_mixed():
    """Bazhou prints 类 | 款 | 项 in three columns and tables in 万元; Shanghai prints
    元 tables and one 万元 table (三公)."""
    bazhou = _read("bazhou-jiaotongju-2024-budget.docx")
    spending = _table(bazhou, "部门支出总表")
    row = next(r for r in spending.rows if r.code == "2080505")
    assert row.name == "机关事业单位基本养老保险缴费支出"
    assert row.value("合计") == Decimal("450.32")
    assert spending.money_unit is MoneyUnit.WAN_YUAN  # 金额单位： | 万元 in two cells
    shanghai = _read("shanghai-putuo-sifaju-2026-budget.pdf")
    units = {t.kind.value: t.money_unit for t in shanghai.budget_tables}
    assert units["three_public_expenses"] is MoneyUnit.WAN_YUAN
    assert units["expenditure_summary"] is MoneyUnit.YUAN


def test_realworld__unrecognised_tables_named_in_notes():
    disclosure = _read("nanjiang-renhezhen-2025-budget.xlsx")
    others = [t for t in disclosure.budget_tables if t.kind.value == "other"]
    messages = [n.message for n in disclosure.notes if n.rule == "ingest-table-unrecognised"]
    assert len(messages) == len(others) >= 10
    assert any("“征收预期表”" in m and "已按“其他”保存全部单元格" in m for m in messages)
    levy = _table(disclosure, "征收预期表")
    assert [_compact(r.name) for r in levy.rows] == ["合计"]  # kept with its cells


@pytest.mark.parametrize("name", FILES)
def test_realworld__review_runs(name, tmp_path):
    path = _path(name)
    result = CliRunner().invoke(
        app, ["review", str(path), "--db", str(tmp_path / "j.db")], env={"COLUMNS": "200"}
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


def test_realworld__jiangsu_three_column_groups_and_merged_labels():
    """Jiangsu's 收支总表 prints 收入 | 支出·功能分类 | 支出·支出用途 (p. 8): the use group
    is a side of its own, and a label merged across the expenditure columns
    (当年支出小计, 支出合计) names the row whose amount it heads, under 支出用途."""
    disclosure = _read("jiangsu-gaoyuan-2019-budget.pdf")
    table = _table(disclosure, "收支预算总表")
    sides = {c.key: c.side for c in table.columns}
    assert sides["支出/功能分类/金额"] is Side.EXPENDITURE
    assert sides["支出/支出用途/金额"] is Side.EXPENDITURE_BY_USE
    uses = [r for r in table.rows if r.side is Side.EXPENDITURE_BY_USE]
    assert [_compact(r.name) for r in uses] == [
        "一、基本支出",
        "二、项目支出",
        "三、单位预留机动经费",
        "当年支出小计",
        "结转下年资金",
        "支出合计",
    ]
    by_use = sum(r.value("支出/支出用途/金额") for r in uses[:3])
    assert by_use == Decimal("37188.34") == uses[-1].value("支出/支出用途/金额")
    functions = [r for r in table.rows if r.side is Side.EXPENDITURE]
    assert len(functions) == 21  # 一、一般公共服务支出 … 二十一、其他支出, no total row
    by_function = sum(r.value("支出/功能分类/金额") or 0 for r in functions)
    assert by_function == Decimal("37188.34")


def test_realworld__jiangsu_page_split_table_and_chart():
    """政府采购支出预算表 runs over pp. 16–17; p. 17's first row has no ruling over its
    first columns (cells merged down from p. 16) and is read whole. The pie chart on
    p. 18 (a ruled legend with no text in its boxes) is not a table."""
    disclosure = _read("jiangsu-gaoyuan-2019-budget.pdf")
    procurement = _table(disclosure, "政府采购支出预算表")
    meeting = [r for r in procurement.rows if r.name == "" and r.raw("经济科目") == "会议费"]
    assert [r.raw("总计") for r in meeting][-1] == "110.05"  # p. 17, first row
    assert procurement.column("采购组织形式").role is ColumnRole.TEXT  # text in every row
    assert [t.title for t in disclosure.budget_tables][-1] == "政府采购支出预算表"
    three = _table(disclosure, "“三公”经费、会议费、培训费支出预算表")
    assert three.money_unit is MoneyUnit.WAN_YUAN  # '单位：万' and '元' on two lines


def test_realworld__ingest_names_the_tables_it_did_not_recognise(tmp_path):
    """``jixiao ingest`` tells the user, in Chinese, which tables of a file it did not
    recognise, by title (Jiangsu: the two 财政拨款 tables by 科目 and 机关运行经费)."""
    path = _path("jiangsu-gaoyuan-2019-budget.pdf")
    result = CliRunner().invoke(
        app, ["ingest", str(path), "--db", str(tmp_path / "j.db")], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "张表未识别为标准公开表" in x)
    assert "3 张表未识别" in line
    for title in (
        "财政拨款支出预算表（功能科目）",
        "财政拨款基本支出预算表（经济科目）",
        "一般公共预算机关运行经费支出预算表",
    ):
        assert f"“{title}”" in line


def test_realworld__untitled_list_of_units_is_descriptive_not_unrecognised():
    """Bazhou prints its 部门预算单位构成 as an untitled 序号 | 预算单位名称 table under a
    heading: kept (kind other, every unit name), not reported as an unknown budget table;
    the three budget tables of no standard kind are."""
    disclosure = _read("bazhou-jiaotongju-2024-budget.docx")
    units = next(t for t in disclosure.budget_tables if not t.title)
    assert [c.key for c in units.columns] == ["序号", "预算单位名称"]
    assert "巴州区航务海事发展中心" in [_compact(r.name) for r in units.rows]
    noted = [n.location.table for n in disclosure.notes if n.rule == "ingest-table-unrecognised"]
    assert noted == [
        "财政拨款支出预算表（部门经济分类科目）",
        "一般公共预算项目支出预算表",
        "政府性基金预算“三公”经费支出预算表",
    ]


def test_realworld__shanghai_wrapped_line_joined_at_its_own_margin():
    """Shanghai's landscape page 22 ends its justified lines at 776 pt, short of the
    mirror of its left margin (786): a line ending 与 wraps, it does not end a paragraph."""
    disclosure = _read("shanghai-putuo-sifaju-2026-budget.pdf")
    paragraphs = [p for section in disclosure.narrative for p in section.paragraphs]
    assert any(
        "公务用车购置费0万元，与2025年预算持平，主要原因是无公车购置计划" in p for p in paragraphs
    )
    assert not any(p.endswith("，与") for p in paragraphs)
