"""Performance tables of the real 四川 files (issue 6): project lists and 部门整体 forms.

Facts from tests/realworld_expected.py (counted by a person on the originals). The
tables are read at the layer that owns them (``project_list.read_performance_table`` on
the Word-export text the format readers print), so these tests do not depend on how the
budget tables of the same files are read. Skips when ../shared/realworld is absent.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest.project_list import read_performance_table
from jixiao.ingest.target import parse_target
from jixiao.ingest.word_cells import Paragraph, TableBlock, scan_blocks
from jixiao.model import MoneyUnit, Operator, Project, TargetKind, TargetScope
from tests.realworld_expected import EXPECTED

REALWORLD_DIR = Path(
    os.environ.get(
        "JIXIAO_REALWORLD_DIR", Path(__file__).resolve().parent.parent.parent / "shared/realworld"
    )
)
FILES = {
    "nanjiang-renhezhen-2025-budget.xlsx": 2025,
    "nanjiang-zirangyuanju-2025-targets.xlsx": 2025,
    "bazhou-jiaotongju-2024-budget.docx": 2024,
}
_UNITS = {"元": MoneyUnit.YUAN, "万元": MoneyUnit.WAN_YUAN}
_OPERATORS = {
    "＝": Operator.EQ,
    "=": Operator.EQ,
    "等于": Operator.EQ,
    "≥": Operator.GE,
    "≤": Operator.LE,
    "≦": Operator.LE,
    "＞": Operator.GT,
}

_cache: dict[str, tuple[list[Project], list]] = {}


def _compact(text: str) -> str:
    return "".join(text.split())


def _read(name: str) -> tuple[list[Project], list]:
    """Every Project read from the file's performance tables, and the notes."""
    if name not in _cache:
        path = REALWORLD_DIR / name
        if not path.is_file():
            pytest.skip(f"real files not found at {REALWORLD_DIR}")
        data = path.read_bytes()
        if name.endswith(".xlsx"):
            from jixiao.ingest.xlsx_reader import xlsx_text

            text = xlsx_text(data, path=name, max_unpacked_bytes=200 << 20)
        else:
            from jixiao.ingest.docx_reader import docx_text

            text = docx_text(data, path=name)
        blocks = scan_blocks(text)
        projects: list[Project] = []
        notes: list = []
        for index, block in enumerate(blocks):
            if isinstance(block, TableBlock) and any(c.key == "一级指标" for c in block.cells):
                before = [b for b in blocks[max(0, index - 3) : index] if isinstance(b, Paragraph)]
                found = read_performance_table(
                    block, before, doc_unit=None, path=name, fiscal_year=FILES[name], notes=notes
                )
                projects.extend(found or [])
        _cache[name] = (projects, notes)
    return _cache[name]


def _listed(name: str) -> list[Project]:
    return [p for p in _read(name)[0] if p.seq > 0]


@pytest.mark.parametrize("name", list(FILES))
def test_project_and_indicator_counts(name: str) -> None:
    table = EXPECTED[name]["project_table"]
    projects = _listed(name)
    assert len(projects) == table["count"]
    assert [len(p.indicators) for p in projects] == list(table["indicator_counts"])
    assert sum(len(p.indicators) for p in projects) == table["indicator_total"]
    assert [p.seq for p in projects] == list(range(1, len(projects) + 1))
    unit = _UNITS[table["money_unit"]]
    assert {p.money_unit for p in projects} == {unit}
    for project in projects:
        assert project.spending_plan == ()
        assert all(i.description is None and i.basis is None for i in project.indicators)
        assert all(i.weight is not None for i in project.indicators)


def _check_indicator(indicator, values: tuple[str, ...]) -> None:
    level1, level2, level3, operator, value, unit, weight = values[:7]
    assert indicator.level1.raw == level1
    assert indicator.level2.raw == level2
    assert _compact(indicator.level3) == _compact(level3)
    assert indicator.target.raw == " ".join(p for p in (operator, value, unit) if p)
    assert indicator.weight == Decimal(weight.rstrip("%"))
    if len(values) > 7:
        assert indicator.direction == (values[7] or None)
    if operator in _OPERATORS:
        assert indicator.target.kind is TargetKind.QUANTITATIVE
        assert indicator.target.operator is _OPERATORS[operator]
        assert indicator.target.value == Decimal(value.replace(",", ""))
        assert indicator.target.unit == unit.replace("％", "%")


@pytest.mark.parametrize("name", list(FILES))
def test_projects_as_printed(name: str) -> None:
    unit = _UNITS[EXPECTED[name]["project_table"]["money_unit"]]
    projects = _listed(name)
    for expected in EXPECTED[name]["projects"]:
        project = next(
            p
            for p in projects
            if p.project_name == expected["name"]
            and ("unit" not in expected or p.unit_name == expected["unit"])
        )
        assert project.project_code == expected["code"]
        assert len(project.indicators) == expected["indicators"]
        assert project.budget_total.raw == expected["budget"]
        assert project.budget_total.value == Decimal(expected["budget"].replace(",", ""))
        assert project.budget_total.unit is unit
        if "goal" in expected:
            assert project.goals == ((expected["goal"],) if expected["goal"] else ())
        for index, values in expected["checks"]:
            _check_indicator(project.indicators[index - 1], values)


def test_renhe_unit_from_code_name_cell() -> None:
    first = _listed("nanjiang-renhezhen-2025-budget.xlsx")[0]
    assert (first.unit_code, first.unit_name) == ("249001", "南江县仁和镇人民政府")


def test_bazhou_unit_carried_over_merged_projects() -> None:
    projects = _listed("bazhou-jiaotongju-2024-budget.docx")
    assert projects[1].project_name == "人员经费"
    assert projects[1].unit_name == "巴中市巴州区交通运输局"


@pytest.mark.parametrize(
    ("name", "total"),
    [
        ("nanjiang-zirangyuanju-2025-targets.xlsx", "10,708.42"),
        ("bazhou-jiaotongju-2024-budget.docx", "1,680,000.00"),
    ],
)
def test_subtotal_row_reported_not_dropped(name: str, total: str) -> None:
    notes = _read(name)[1]
    assert any(total in n.message and n.rule == "ingest-project-list-total-row" for n in notes)


@pytest.mark.parametrize(
    "name", ["nanjiang-renhezhen-2025-budget.xlsx", "bazhou-jiaotongju-2024-budget.docx"]
)
def test_department_form(name: str) -> None:
    expected = EXPECTED[name]["department_goals"]
    forms = [p for p in _read(name)[0] if p.seq == 0 and "整体" in p.title]
    assert len(forms) == 1
    form = forms[0]
    assert form.title == expected["title"]
    assert form.project_name == expected["unit_name"]
    unit = _UNITS[expected["money_unit"]]
    assert form.money_unit is unit
    assert form.budget_total.raw == expected["budget_total"]
    assert form.budget_total.value == Decimal(expected["budget_total"].replace(",", ""))
    assert form.budget_total.unit is unit
    assert form.budget_fiscal.raw == expected["budget_fiscal"]
    assert form.budget_other.raw == expected["budget_other"]
    assert len(form.purpose.split("\n")) == expected["tasks"]
    assert len(form.indicators) == expected["indicators"]
    for index, values in expected["checks"]:
        _check_indicator(form.indicators[index - 1], values)


@pytest.mark.parametrize(
    ("raw", "kind", "operator", "value"),
    [
        ("≦ 4 万元", TargetKind.QUANTITATIVE, Operator.LE, Decimal(4)),
        ("等于 100 %", TargetKind.QUANTITATIVE, Operator.EQ, Decimal(100)),
        ("＞ 90 %", TargetKind.QUANTITATIVE, Operator.GT, Decimal(90)),
        ("不低于95%", TargetKind.QUANTITATIVE, Operator.GE, Decimal(95)),
        ("2023.12", TargetKind.QUANTITATIVE, None, Decimal("2023.12")),
    ],
)
def test_split_target_operators(raw, kind, operator, value) -> None:
    target = parse_target(raw)
    assert (target.kind, target.operator, target.value) == (kind, operator, value)


@pytest.mark.parametrize(
    ("raw", "date"),
    [("2023.12.31前", "2023-12-31"), ("2024-12-31前", "2024-12-31"), ("2024.6底", "2024-06-30")],
)
def test_numeric_dates_are_deadlines(raw: str, date: str) -> None:
    target = parse_target(raw)
    assert target.kind is TargetKind.DEADLINE
    assert target.deadline.isoformat() == date
    assert target.value is None


def test_qualitative_mark_kept_in_raw_not_in_parse() -> None:
    projects = _listed("nanjiang-zirangyuanju-2025-targets.xlsx")
    project = next(p for p in projects if p.project_name == "卫片执法经费")
    deadline = project.indicators[3].target
    assert deadline.raw == "定性 2025年底"
    assert deadline.kind is TargetKind.DEADLINE
    assert deadline.deadline.isoformat() == "2025-12-31"
    assert project.indicators[2].target.kind is TargetKind.QUALITATIVE


# Department forms per file, as printed: Bazhou's 整体支出绩效目标申报表; Renhe's
# 部门整体支出绩效目标表 and its 部门绩效表 sheet (部门绩效20, printed without indicators);
# Zirang's 部门整体目标绩效表 sheet is blank.
_DEPARTMENT_FORMS = {
    "nanjiang-zirangyuanju-2025-targets.xlsx": [],
    "bazhou-jiaotongju-2024-budget.docx": [("整体支出绩效目标申报表", 9)],
    "nanjiang-renhezhen-2025-budget.xlsx": [("部门绩效表", 0), ("部门整体支出绩效目标表", 5)],
}


@pytest.mark.parametrize("name", list(_DEPARTMENT_FORMS))
def test_read_disclosure_projects_and_department_forms(name: str) -> None:
    from jixiao.ingest import read_disclosure

    path = REALWORLD_DIR / name
    if not path.is_file():
        pytest.skip(f"real files not found at {REALWORLD_DIR}")
    disclosure = read_disclosure(path)
    table = EXPECTED[name]["project_table"]
    listed = [p for p in disclosure.projects if p.scope is TargetScope.PROJECT]
    assert [len(p.indicators) for p in listed] == list(table["indicator_counts"])
    assert {p.money_unit for p in listed} == {_UNITS[table["money_unit"]]}
    assert [p.seq for p in listed] == list(range(1, len(listed) + 1))
    forms = [p for p in disclosure.projects if p.scope is TargetScope.DEPARTMENT]
    assert [(p.title, len(p.indicators)) for p in forms] == _DEPARTMENT_FORMS[name]
    assert all(p.seq == 0 for p in forms)


def test_department_forms_stored_with_their_scope(tmp_path) -> None:
    """SQL users and the open-data export tell the 部门整体 forms from projects:
    ``projects.scope`` is ``department`` for Renhe's two forms, ``project`` for its 36
    projects, and the document loads back with the scopes it was read with."""
    import sqlalchemy as sa

    from jixiao.ingest import read_disclosure
    from jixiao.store import connect, load_disclosure, save_disclosure

    path = REALWORLD_DIR / "nanjiang-renhezhen-2025-budget.xlsx"
    if not path.is_file():
        pytest.skip(f"real files not found at {REALWORLD_DIR}")
    disclosure = read_disclosure(path)
    engine = connect(f"sqlite:///{tmp_path / 'j.db'}")
    try:
        document_id = save_disclosure(engine, disclosure).document_id
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT scope, count(*) FROM projects GROUP BY scope ORDER BY scope")
            ).all()
        assert [tuple(r) for r in rows] == [("department", 2), ("project", 36)]
        assert load_disclosure(engine, document_id).projects == disclosure.projects
    finally:
        engine.dispose()
