"""Exports: the JSON validates against the published schema; CSV and XLSX read back."""

from __future__ import annotations

import copy
import csv
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook
from strategies import disclosures, sample_disclosure

from jixiao.model import Disclosure
from jixiao.model.codec import documents_from_json
from jixiao.publish import SHEETS, export_csv, export_json, export_xlsx

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "schema" / "disclosure.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def exported(tmp_path: Path, docs: list[Disclosure]) -> dict[str, Any]:
    path = export_json(docs, tmp_path / "out" / "export.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_export_json__validates_and_reads_back(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    docs = [sample_disclosure(), sample_disclosure(unit_code="507001", fiscal_year=2024)]
    data = exported(tmp_path, docs)
    validator.validate(data)
    assert documents_from_json(data) == docs
    assert "玉田县" in (tmp_path / "out" / "export.json").read_text(encoding="utf-8")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(d=disclosures)
def test_export_json__every_generated_document_validates(
    tmp_path: Path, validator: jsonschema.Draft202012Validator, d: Disclosure
) -> None:
    validator.validate(exported(tmp_path, [d]))


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _delete(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


ROW = ["documents", 0, "budget_tables", 0, "rows", 0]
INDICATOR = ["documents", 0, "projects", 0, "indicators", 0]


@pytest.mark.parametrize(
    "mutate",
    [
        _set([*ROW, "values", "合计"], 4131.67),  # a float, not a decimal string
        _set([*ROW, "values", "合计"], "1E+3"),  # exponent
        _set([*ROW, "values", "合计"], "4,131.67"),  # thousands separator
        _set(["documents", 0, "projects", 0, "budget_total", "value"], 35000),
        _set([*INDICATOR, "target", "kind"], "maybe"),
        _set([*INDICATOR, "target", "operator"], ">="),
        _set([*INDICATOR, "target", "deadline"], "2025年年底"),
        _set([*INDICATOR, "level1", "normalised"], "产出"),
        _set(["documents", 0, "money_unit"], "元"),
        _set(["documents", 0, "fiscal_year"], "2025"),
        _set(["documents", 0, "source", "sha256"], "abc"),
        _set(["documents", 0, "unexpected"], 1),
        _set(["format"], "other"),
        _set(["version"], 2),
        _delete(["documents", 0, "unit_code"]),
        _delete([*INDICATOR, "target", "raw"]),
        _delete([*ROW, "raw"]),
        _delete(["documents", 0, "projects", 0, "spending_plan", 0, "month"]),
    ],
)
def test_export_json__schema_rejects_mistakes(
    tmp_path: Path, validator: jsonschema.Draft202012Validator, mutate: Callable
) -> None:
    data = exported(tmp_path, [sample_disclosure()])
    validator.validate(data)
    broken = copy.deepcopy(data)
    mutate(broken)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(broken)


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_csv__files_hold_the_values(tmp_path: Path) -> None:
    docs = [sample_disclosure(), sample_disclosure(unit_code="507001", fiscal_year=2024)]
    paths = export_csv(docs, tmp_path / "csv")
    assert [p.name for p in paths] == [f"{s.name}.csv" for s in SHEETS]

    documents = read_csv(tmp_path / "csv" / "documents.csv")
    assert [(r["unit_code"], r["fiscal_year"], r["unparsed_targets"]) for r in documents] == [
        ("445001", "2025", "1"),
        ("507001", "2024", "1"),
    ]
    cells = read_csv(tmp_path / "csv" / "budget_rows.csv")
    first = [(r["code"], r["name"], r["column_key"], r["value"]) for r in cells[:3]]
    assert first == [
        ("201", "一般公共服务支出", "合计", "4131.67"),
        ("201", "一般公共服务支出", "基本支出", "3000.00"),
        ("2010301", "行政运行", "合计", "1131.67"),
    ]
    assert cells[0]["money_unit"] == "wan_yuan" and cells[0]["table_kind"] == "expenditure_summary"
    assert len(cells) == 6
    indicators = read_csv(tmp_path / "csv" / "indicators.csv")
    assert len(indicators) == 6
    assert indicators[0]["project_name"] == "公务用车运维"
    assert (indicators[0]["target_operator"], indicators[0]["target_value"]) == ("≥", "6")
    assert indicators[1]["target_deadline"] == "2025-12-31"
    assert indicators[2]["target_kind"] == "unparsed" and indicators[2]["target_value"] == ""
    projects = read_csv(tmp_path / "csv" / "projects.csv")
    assert projects[0]["budget_total"] == "35000.00" and projects[0]["money_unit"] == "yuan"
    assert json.loads(projects[0]["goals"]) == ["1.保障公务用车安全运行。"]
    plan = read_csv(tmp_path / "csv" / "spending_plan.csv")
    assert [(p["month"], p["value"], p["kind"]) for p in plan[:4]] == [
        ("3", "25", "percent"),
        ("6", "50", "percent"),
        ("10", "80", "percent"),
        ("12", "100", "percent"),
    ]


def test_export_xlsx__sheets_headers_and_numbers(tmp_path: Path) -> None:
    path = export_xlsx([sample_disclosure()], tmp_path / "out.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == [s.title for s in SHEETS]
    ws = workbook["预算表数据"]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:O{2 + 3}"
    header = [c.value for c in ws[1]]
    keys = [c.value for c in ws[2]]
    assert header[:2] == ["单位编码", "预算年度"] and keys[:2] == ["unit_code", "fiscal_year"]
    row = dict(zip(keys, (c for c in ws[3]), strict=True))
    assert row["value"].value == pytest.approx(4131.67)
    assert row["value"].number_format == "#,##0.00"
    assert isinstance(row["value"].value, float)
    assert row["fiscal_year"].value == 2025 and row["fiscal_year"].number_format == "General"
    assert row["name"].value == "一般公共服务支出"

    indicators = workbook["绩效指标"]
    keys = [c.value for c in indicators[2]]
    deadline = indicators.cell(row=4, column=keys.index("target_deadline") + 1).value
    assert deadline == dt.datetime(2025, 12, 31)
    projects = workbook["项目"]
    keys = [c.value for c in projects[2]]
    assert projects.cell(row=3, column=keys.index("budget_total") + 1).value == 35000


def test_format_doc__documents_every_schema_key() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    doc = (SCHEMA_PATH.parent.parent / "format.md").read_text(encoding="utf-8")
    assert len(names) > 50
    assert sorted(n for n in names if f"`{n}`" not in doc) == []


def test_format_doc__lists_every_export_column() -> None:
    doc = (SCHEMA_PATH.parent.parent / "format.md").read_text(encoding="utf-8")
    for sheet in SHEETS:
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{sheet.name}.csv`"))
        assert [key for key, _ in sheet.columns] == re.findall(
            r"\b([a-z][a-z0-9_]*)\b", row.split("|")[3]
        )


def test_export_xlsx__document_text_is_never_a_formula_nor_breaks_the_file(
    tmp_path: Path,
) -> None:
    original = sample_disclosure()
    project = original.projects[0]
    odd = dataclasses.replace(project, purpose="=SUM(A1:A9)", project_name="办公\x07设备")
    path = export_xlsx(
        [dataclasses.replace(original, projects=(odd, *original.projects[1:]))],
        tmp_path / "odd.xlsx",
    )
    projects = load_workbook(path)["项目"]
    keys = [c.value for c in projects[2]]
    purpose = projects.cell(row=3, column=keys.index("purpose") + 1)
    assert (purpose.value, purpose.data_type) == ("=SUM(A1:A9)", "s")
    assert projects.cell(row=3, column=keys.index("project_name") + 1).value == "办公\ufffd设备"
