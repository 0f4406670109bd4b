"""``diff_disclosures``: field-by-field differences between two disclosures, and their text.

Seeds are compared with themselves and with copies changed by ``dataclasses.replace``;
two seeds of different units and years show projects matched by name; a hypothesis
property checks that, comparing everything, no difference means equal documents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from dataclasses import replace
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import disclosures, sample_disclosure

from jixiao.ingest import read_disclosure
from jixiao.model import Disclosure, Location, MoneyUnit, Project
from jixiao.model.codec import disclosure_from_dict, disclosure_to_dict
from jixiao.model.diff import (
    DEFAULT_IGNORED,
    FIELD_LABELS,
    Difference,
    DifferenceKind,
    diff_disclosures,
)
from jixiao.publish.diff_text import diff_record, format_diff

CHANGED, ADDED, REMOVED = DifferenceKind.CHANGED, DifferenceKind.ADDED, DifferenceKind.REMOVED
SEEDS = ("000", "001", "002", "003", "004")


def _seed(seed_path: Any, key: str) -> Disclosure:
    return read_disclosure(seed_path(key))


def _with_project(doc: Disclosure, seq: int, **changes: Any) -> Disclosure:
    projects = tuple(replace(p, **changes) if p.seq == seq else p for p in doc.projects)
    return replace(doc, projects=projects)


def _project(doc: Disclosure, seq: int) -> Project:
    return next(p for p in doc.projects if p.seq == seq)


def _with_indicator(doc: Disclosure, seq: int, index: int, **changes: Any) -> Disclosure:
    project = _project(doc, seq)
    indicators = tuple(replace(i, **changes) if i.index == index else i for i in project.indicators)
    return _with_project(doc, seq, indicators=indicators)


def _kinds_paths(differences: tuple[Difference, ...]) -> list[tuple[str, tuple[Any, ...]]]:
    return [(d.kind.value, d.path) for d in differences]


# --- a seed against itself -----------------------------------------------------------


@pytest.mark.seeds
@pytest.mark.parametrize("key", SEEDS)
def test_diff__seed_against_itself__no_difference(seed_path: Any, key: str) -> None:
    doc = _seed(seed_path, key)
    again = read_disclosure(seed_path(key))
    assert diff_disclosures(doc, again) == ()
    assert diff_disclosures(doc, again, ignore=frozenset()) == ()


@pytest.mark.seeds
def test_diff__seed_against_its_json_round_trip__no_difference(seed_path: Any) -> None:
    doc = _seed(seed_path, "001")
    copy = disclosure_from_dict(json.loads(json.dumps(disclosure_to_dict(doc))))
    assert diff_disclosures(doc, copy, ignore=frozenset()) == ()


# --- a seed against a changed copy ---------------------------------------------------


@pytest.mark.seeds
def test_diff__target_raw_changed(seed_path: Any) -> None:
    doc = _seed(seed_path, "004")
    target = _project(doc, 3).indicators[3].target
    changed = _with_indicator(doc, 3, 4, target=replace(target, raw="≥90%"))
    assert diff_disclosures(doc, changed) == (
        Difference(
            kind=CHANGED,
            path=("projects", 3, "indicators", 4, "target", "raw"),
            label="项目3「接待管理经费」 指标4「预算资金完成率」 指标值",
            old="≥95%",
            new="≥90%",
        ),
    )


@pytest.mark.seeds
def test_diff__target_raw_and_value_changed__both_reported(seed_path: Any) -> None:
    doc = _seed(seed_path, "004")
    target = _project(doc, 3).indicators[3].target
    changed = _with_indicator(doc, 3, 4, target=replace(target, raw="≥90%", value=Decimal("90")))
    assert [(d.label, d.old, d.new) for d in diff_disclosures(doc, changed)] == [
        ("项目3「接待管理经费」 指标4「预算资金完成率」 指标值", "≥95%", "≥90%"),
        ("项目3「接待管理经费」 指标4「预算资金完成率」 指标值 数值", "95", "90"),
    ]


@pytest.mark.seeds
def test_diff__budget_cell_changed(seed_path: Any) -> None:
    doc = _seed(seed_path, "001")
    position, table = next(
        (n, t) for n, t in enumerate(doc.budget_tables, 1) if t.title == "部门预算支出总表"
    )
    row = table.rows[1]
    cells = tuple(
        replace(c, raw="618.35", value=Decimal("618.35")) if c.column == "合计" else c
        for c in row.values
    )
    rows = (table.rows[0], replace(row, values=cells), *table.rows[2:])
    tables = tuple(replace(t, rows=rows) if t is table else t for t in doc.budget_tables)
    changed = replace(doc, budget_tables=tables)
    cell = ("budget_tables", position, "rows", 2, "values", "合计")
    label = "表「部门预算支出总表」 行「201 一般公共服务支出」 列「合计」"
    assert diff_disclosures(doc, changed) == (
        Difference(kind=CHANGED, path=(*cell, "raw"), label=label, old="618.53", new="618.35"),
        Difference(
            kind=CHANGED, path=(*cell, "value"), label=label + " 数值", old="618.53", new="618.35"
        ),
    )


@pytest.mark.seeds
def test_diff__indicator_removed(seed_path: Any) -> None:
    doc = _seed(seed_path, "004")
    project = _project(doc, 3)
    kept = tuple(i for i in project.indicators if i.index != 6)
    changed = _with_project(doc, 3, indicators=kept)
    assert diff_disclosures(doc, changed) == (
        Difference(
            kind=REMOVED,
            path=("projects", 3, "indicators", 6),
            label="项目3「接待管理经费」 指标6「项目效果」",
            old="项目效果",
            new=None,
        ),
    )


@pytest.mark.seeds
def test_diff__project_added(seed_path: Any) -> None:
    doc = _seed(seed_path, "004")
    new = replace(
        doc.projects[3],
        seq=5,
        title="5.公务接待保障经费绩效目标表",
        project_name="公务接待保障经费",
    )
    changed = replace(doc, projects=(*doc.projects, new))
    assert diff_disclosures(doc, changed) == (
        Difference(
            kind=ADDED,
            path=("projects", 5),
            label="项目5「公务接待保障经费」",
            old=None,
            new="公务接待保障经费",
        ),
    )


@pytest.mark.seeds
def test_diff__project_renamed__a_change_not_a_removal(seed_path: Any) -> None:
    doc = _seed(seed_path, "004")
    changed = _with_project(
        doc, 2, title="2.机关运行维护经费绩效目标表", project_name="机关运行维护经费"
    )
    label = "项目2「机关运行及大院维护经费」"
    assert diff_disclosures(doc, changed) == (
        Difference(
            kind=CHANGED,
            path=("projects", 2, "title"),
            label=f"{label} 标题",
            old="2.机关运行及大院维护经费绩效目标表",
            new="2.机关运行维护经费绩效目标表",
        ),
        Difference(
            kind=CHANGED,
            path=("projects", 2, "project_name"),
            label=f"{label} 项目名称",
            old="机关运行及大院维护经费",
            new="机关运行维护经费",
        ),
    )


@pytest.mark.seeds
def test_diff__money_units_changed(seed_path: Any) -> None:
    doc = _seed(seed_path, "004")
    changed = _with_project(replace(doc, money_unit=MoneyUnit.YUAN), 1, money_unit=MoneyUnit.YUAN)
    assert diff_disclosures(doc, changed) == (
        Difference(kind=CHANGED, path=("money_unit",), label="金额单位", old="万元", new="元"),
        Difference(
            kind=CHANGED,
            path=("projects", 1, "money_unit"),
            label="项目1「公务用车监督管理平台经费」 金额单位",
            old="万元",
            new="元",
        ),
    )


@pytest.mark.seeds
def test_diff__several_changes__in_document_order(seed_path: Any) -> None:
    doc = _seed(seed_path, "004")
    target = _project(doc, 3).indicators[3].target
    changed = _with_indicator(doc, 3, 4, target=replace(target, raw="≥90%"))
    changed = _with_project(changed, 1, purpose="改写的资金用途")
    changed = replace(changed, unit_name="乐亭县机关事务服务中心")
    assert _kinds_paths(diff_disclosures(doc, changed)) == [
        ("changed", ("unit_name",)),
        ("changed", ("projects", 1, "purpose")),
        ("changed", ("projects", 3, "indicators", 4, "target", "raw")),
    ]


@pytest.mark.seeds
def test_diff__ignore_hides_a_field(seed_path: Any) -> None:
    doc = _seed(seed_path, "004")
    changed = _with_project(doc, 1, purpose="改写的资金用途")
    assert diff_disclosures(doc, changed, ignore=DEFAULT_IGNORED | {"purpose"}) == ()


# --- two years, two units ------------------------------------------------------------


@pytest.mark.seeds
def test_diff__two_units__projects_matched_by_name(seed_path: Any) -> None:
    a, b = _seed(seed_path, "001"), _seed(seed_path, "002")
    differences = diff_disclosures(a, b)
    projects = [d for d in differences if d.path[0] == "projects" and len(d.path) == 2]
    names_a = {p.project_name for p in a.projects}
    names_b = {p.project_name for p in b.projects}
    assert names_a & names_b == {"后勤保障经费"}
    assert sorted(d.old for d in projects if d.kind is REMOVED) == sorted(names_a - names_b)
    assert sorted(d.new for d in projects if d.kind is ADDED) == sorted(names_b - names_a)
    assert (
        Difference(
            kind=CHANGED,
            path=("projects", 5, "seq"),
            label="项目5「后勤保障经费」 序号",
            old="5",
            new="3",
        )
        in differences
    )


@pytest.mark.seeds
def test_diff__two_years_without_common_projects__all_added_and_removed(
    seed_path: Any,
) -> None:
    a, b = _seed(seed_path, "003"), _seed(seed_path, "004")
    differences = diff_disclosures(a, b)
    projects = [d for d in differences if d.path[0] == "projects"]
    assert all(len(d.path) == 2 for d in projects)
    assert [d.kind for d in projects] == [REMOVED] * 11 + [ADDED] * 4
    assert differences[:2] == (
        Difference(kind=CHANGED, path=("unit_code",), label="单位编码", old="430001", new="507001"),
        Difference(
            kind=CHANGED,
            path=("unit_name",),
            label="单位名称",
            old="临西县机关后勤服务中心",
            new="乐亭县机关事务中心",
        ),
    )


@pytest.mark.seeds
def test_diff__next_year_renumbered__projects_matched_by_name(seed_path: Any) -> None:
    doc = _seed(seed_path, "004")
    # The next year drops project 2 and prints the others in reverse order.
    kept = [p for p in reversed(doc.projects) if p.seq != 2]
    renumbered = tuple(replace(p, seq=n) for n, p in enumerate(kept, 1))
    next_year = replace(doc, fiscal_year=2025, projects=renumbered)
    assert [(d.kind.value, d.path, d.old, d.new) for d in diff_disclosures(doc, next_year)] == [
        ("changed", ("fiscal_year",), "2024", "2025"),
        ("removed", ("projects", 2), "机关运行及大院维护经费", None),
        ("changed", ("projects", 4, "seq"), "4", "1"),
        ("changed", ("projects", 3, "seq"), "3", "2"),
        ("changed", ("projects", 1, "seq"), "1", "3"),
    ]


# --- values, locations, order --------------------------------------------------------


def test_diff__decimal_precision_with_same_raw__no_difference() -> None:
    doc = sample_disclosure()
    project = doc.projects[0]
    one = tuple(replace(i, weight=Decimal("1.0")) for i in project.indicators)
    one_hundredth = tuple(replace(i, weight=Decimal("1.00")) for i in project.indicators)
    a = replace(doc, projects=(replace(project, indicators=one),))
    b = replace(doc, projects=(replace(project, indicators=one_hundredth),))
    assert diff_disclosures(a, b, ignore=frozenset()) == ()


def test_diff__same_value_other_raw__only_the_raw_differs() -> None:
    doc = sample_disclosure()
    project = doc.projects[0]
    total = replace(project.budget_total, raw="35,000.00", value=Decimal("35000.0"))
    changed = replace(doc, projects=(replace(project, budget_total=total),))
    assert diff_disclosures(doc, changed) == (
        Difference(
            kind=CHANGED,
            path=("projects", 1, "budget_total", "raw"),
            label="项目1「公务用车运维」 预算数",
            old="35000.00",
            new="35,000.00",
        ),
    )


def test_diff__locations_only__ignored_by_default() -> None:
    doc = sample_disclosure()
    project = doc.projects[0]
    moved = tuple(
        replace(i, location=Location(file="rendered.docx", page=3)) for i in project.indicators
    )
    changed = replace(
        doc,
        source=replace(doc.source, path="rendered.docx"),
        projects=(replace(project, indicators=moved, location=None),),
    )
    assert diff_disclosures(doc, changed) == ()
    everything = diff_disclosures(doc, changed, ignore=frozenset())
    assert _kinds_paths(everything) == [
        ("changed", ("source", "path")),
        ("changed", ("projects", 1, "indicators", 1, "location", "file")),
        ("changed", ("projects", 1, "indicators", 1, "location", "line")),
        ("changed", ("projects", 1, "indicators", 1, "location", "page")),
        ("changed", ("projects", 1, "indicators", 2, "location", "file")),
        ("changed", ("projects", 1, "indicators", 2, "location", "line")),
        ("changed", ("projects", 1, "indicators", 2, "location", "page")),
        ("changed", ("projects", 1, "indicators", 3, "location", "file")),
        ("changed", ("projects", 1, "indicators", 3, "location", "line")),
        ("changed", ("projects", 1, "indicators", 3, "location", "page")),
        ("removed", ("projects", 1, "location")),
    ]
    assert everything[1].label == "项目1「公务用车运维」 指标1「公务用车督导检查次数」 位置 文件"


def test_diff__rows_swapped__one_row_moved() -> None:
    doc = sample_disclosure()
    table = doc.budget_tables[0]
    swapped = replace(table, rows=(table.rows[1], table.rows[0]))
    changed = replace(doc, budget_tables=(swapped,))
    assert diff_disclosures(doc, changed) == (
        Difference(
            kind=CHANGED,
            path=("budget_tables", 1, "rows", 2, "position"),
            label="表「部门预算支出总表」 行「2010301 行政运行」 位置",
            old="第2",
            new="第1",
        ),
    )


def test_diff__goal_inserted__one_addition() -> None:
    doc = sample_disclosure()
    project = doc.projects[0]
    goals = ("1.确保资金及时到位。", *project.goals)
    changed = replace(doc, projects=(replace(project, goals=goals),))
    assert diff_disclosures(doc, changed) == (
        Difference(
            kind=ADDED,
            path=("projects", 1, "goals", 1),
            label="项目1「公务用车运维」 绩效目标第1条",
            old=None,
            new="1.确保资金及时到位。",
        ),
    )


def test_diff__department_goals_removed() -> None:
    doc = sample_disclosure()
    changed = replace(doc, department_goals=None)
    assert diff_disclosures(doc, changed) == (
        Difference(
            kind=REMOVED,
            path=("department_goals",),
            label="部门整体绩效目标",
            old=doc.department_goals.overall_goal,
            new=None,
        ),
    )


def test_diff__every_model_field_has_a_label() -> None:
    seen: set[type] = set()
    missing: list[tuple[str, str]] = []

    def walk(hint: Any) -> None:
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            if hint in seen:
                return
            seen.add(hint)
            for name, field_hint in typing.get_type_hints(hint).items():
                if (hint.__name__, name) not in FIELD_LABELS:
                    missing.append((hint.__name__, name))
                walk(field_hint)
        for arg in typing.get_args(hint):
            walk(arg)

    walk(Disclosure)
    assert len(seen) == 17
    assert missing == []


# --- text and JSON -------------------------------------------------------------------


def test_format_diff__lines_by_kind() -> None:
    doc = sample_disclosure()
    project = doc.projects[0]
    target = replace(project.indicators[0].target, raw="≥8次", value=Decimal("8"))
    indicators = (replace(project.indicators[0], target=target), *project.indicators[1:2])
    added = replace(project, seq=2, title="2.公务接待绩效目标表", project_name="公务接待")
    changed = replace(
        doc,
        projects=(replace(project, indicators=indicators, purpose=None), added),
    )
    text = format_diff(diff_disclosures(doc, changed), a_name="2025年", b_name="2026年")
    assert text.splitlines() == [
        "2025年 → 2026年：5 处差异（修改 3，新增 1，删除 1）",
        "~ 项目1「公务用车运维」 资金用途：保障公务用车正常运行 → （空）",
        "~ 项目1「公务用车运维」 指标1「公务用车督导检查次数」 指标值：≥6次 → ≥8次",
        "~ 项目1「公务用车运维」 指标1「公务用车督导检查次数」 指标值 数值：6 → 8",
        "- 项目1「公务用车运维」 删除指标3「干部职工满意度」",
        "+ 新增项目2「公务接待」",
    ]


def test_format_diff__no_difference() -> None:
    assert format_diff((), a_name="A.txt", b_name="B.docx") == "A.txt 与 B.docx 无差异\n"


def test_diff_record__json_able_with_counts() -> None:
    doc = sample_disclosure()
    changed = replace(doc, fiscal_year=2026, department_goals=None)
    record = diff_record(diff_disclosures(doc, changed))
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    assert record["counts"] == {"changed": 1, "added": 0, "removed": 1}
    assert record["total"] == 2
    assert record["differences"][0] == {
        "kind": "changed",
        "path": ["fiscal_year"],
        "label": "预算年度",
        "old": "2025",
        "new": "2026",
    }


# --- property: comparing everything, no difference means equal -----------------------


def _mutate(data: st.DataObject, value: Any) -> Any:
    """``value`` with one leaf changed, or one sequence reordered, shortened or
    lengthened; sometimes changed to an equal value (``1`` → ``1.0``)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = data.draw(st.sampled_from([f.name for f in dataclasses.fields(value)]))
        return replace(value, **{name: _mutate(data, getattr(value, name))})
    if isinstance(value, tuple):
        if not value:
            return value
        i = data.draw(st.integers(0, len(value) - 1))
        how = data.draw(st.sampled_from(["one", "drop", "swap", "repeat"]))
        items = list(value)
        if how == "one":
            items[i] = _mutate(data, items[i])
        elif how == "drop":
            del items[i]
        elif how == "swap":
            j = data.draw(st.integers(0, len(value) - 1))
            items[i], items[j] = items[j], items[i]
        else:
            items.insert(i, items[i])
        return tuple(items)
    if value is None or isinstance(value, bool):
        return None if value is None else not value
    if isinstance(value, Enum):
        return data.draw(st.sampled_from(list(type(value))))
    if isinstance(value, Decimal):
        return data.draw(st.sampled_from([value + 1, value.quantize(Decimal("0.0001"))]))
    if isinstance(value, int):
        return value + 1
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, str):
        return data.draw(st.sampled_from([value + "改", value[:-1], value]))
    raise AssertionError(f"unexpected {type(value).__name__}")


@settings(max_examples=100, deadline=None)
@given(disclosures, st.data())
def test_diff__property__no_difference_iff_equal(doc: Disclosure, data: st.DataObject) -> None:
    changed = _mutate(data, doc)
    assert diff_disclosures(doc, doc, ignore=frozenset()) == ()
    differences = diff_disclosures(doc, changed, ignore=frozenset())
    assert (differences == ()) == (doc == changed)
    assert (diff_disclosures(changed, doc, ignore=frozenset()) == ()) == (doc == changed)
