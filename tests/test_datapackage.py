"""The open-data package: valid for Frictionless, the model's counts, values a person can
find in the seeds, Parquet equal to CSV, keys that catch a broken reference.

Values checked by hand in the seed text:

- seed 003 (临西县机关后勤服务中心, 430001, 2024, 单位：万元), line 1258: project 10
  城市夜景品质提升项目-临西大剧院, 预算数 53.4857; line 1272, its spending plan
  ``10.00 20.00 30.00 53.4857`` (cumulative amounts, no % printed);
- seed 000 (玉田县机关事务中心, 445001, 2025, 元): project 2 公务用车平台办公室经费,
  预算数 400000.00 元;
- seed 001 (平乡县机关后勤服务中心, 430, 2023, 万元), line 22: 部门预算收支总表,
  一、一般公共预算拨款收入 4131.67; its 二、政府性基金预算拨款收入 prints no amount.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from frictionless import Package, validate
from hypothesis import HealthCheck, given, settings
from strategies import disclosures, sample_disclosure

from jixiao.ingest import read_disclosure
from jixiao.model import Disclosure
from jixiao.publish.datapackage import write_datapackage
from jixiao.publish.errors import PublishError

SEED_KEYS = ("000", "001", "002", "003", "004")
TABLES = ("documents", "budget_rows", "projects", "indicators", "spending_plan")


@pytest.fixture(scope="module")
def seeds(seed_path) -> list[Disclosure]:
    return [read_disclosure(seed_path(key)) for key in SEED_KEYS]


@pytest.fixture(scope="module")
def package(seeds: list[Disclosure], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_datapackage(seeds, tmp_path_factory.mktemp("package") / "out")


def rows(descriptor: Path, name: str) -> list[dict[str, Any]]:
    """The typed rows of resource ``name``, as Frictionless reads them from the CSV."""
    return [row.to_dict() for row in Package(descriptor).get_resource(name).read_rows()]


def errors(descriptor: Path) -> list[list[str]]:
    return validate(descriptor).flatten(["type", "note"])


def checked(descriptor: Path) -> tuple[list[list[str]], dict[str, int]]:
    """Frictionless' errors and the rows it read from each resource."""
    report = validate(descriptor)
    return report.flatten(["type", "note"]), {t.name: t.stats.get("rows", 0) for t in report.tasks}


def model_counts(docs: list[Disclosure]) -> dict[str, int]:
    """Rows each table should have, counted from the model: a budget row gives one
    record per cell that prints something, or one record when it prints nothing."""

    def printed(row: Any) -> int:
        return sum(1 for cell in row.values if cell.raw.strip() or cell.value is not None)

    return {
        "documents": len(docs),
        "budget_rows": sum(
            max(1, printed(row)) for d in docs for t in d.budget_tables for row in t.rows
        ),
        "projects": sum(len(d.projects) for d in docs),
        "indicators": sum(len(p.indicators) for d in docs for p in d.projects),
        "spending_plan": sum(len(p.spending_plan) for d in docs for p in d.projects),
    }


@pytest.mark.seeds
def test_datapackage__seeds_valid_with_model_counts(seeds: list[Disclosure], package: Path) -> None:
    assert package.name == "datapackage.json"
    assert errors(package) == []
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    assert [r["name"] for r in descriptor["resources"]] == list(TABLES)
    counts = model_counts(seeds)
    assert {name: len(rows(package, name)) for name in TABLES} == counts
    assert counts["indicators"] == 27 + 184 + 27 + 77 + 36  # the five seeds' grids


@pytest.mark.seeds
def test_datapackage__values_in_the_seeds(package: Path) -> None:
    projects = {(p["unit_code"], p["project_name"]): p for p in rows(package, "projects")}
    lights = projects["430001", "城市夜景品质提升项目-临西大剧院"]
    assert (lights["budget_total"], lights["budget_total_raw"]) == (Decimal("53.4857"), "53.4857")
    assert lights["money_unit"] == lights["budget_total_unit"] == "wan_yuan"
    cars = projects["445001", "公务用车平台办公室经费"]
    assert (cars["budget_total"], cars["money_unit"]) == (Decimal("400000.00"), "yuan")

    plan = [
        (c["month"], c["value"], c["kind"])
        for c in rows(package, "spending_plan")
        if (c["unit_code"], c["project_position"]) == ("430001", lights["position"])
    ]
    assert plan == [
        (3, Decimal("10.00"), "amount"),
        (6, Decimal("20.00"), "amount"),
        (10, Decimal("30.00"), "amount"),
        (12, Decimal("53.4857"), "amount"),
    ]

    summary = [
        r
        for r in rows(package, "budget_rows")
        if (r["unit_code"], r["table_title"]) == ("430", "部门预算收支总表")
    ]
    by_name = {r["name"]: r for r in summary}
    income = by_name["一、一般公共预算拨款收入"]
    assert (income["column_key"], income["value"], income["money_unit"]) == (
        "收入/预算数",
        Decimal("4131.67"),
        "wan_yuan",
    )
    blank = by_name["二、政府性基金预算拨款收入"]
    assert (blank["cell_no"], blank["column_key"], blank["value"]) == (0, None, None)


@pytest.mark.seeds
def test_datapackage__indicator_targets_parsed(package: Path) -> None:
    indicators = rows(package, "indicators")
    first = next(
        i
        for i in indicators
        if (i["unit_code"], i["project_name"], i["level3"])
        == ("445001", "残疾人保障金", "受助人员满意度")
    )
    assert (first["target_raw"], first["target_operator"]) == ("≥95受助人员满意度大于等于95%", "≥")
    assert (first["target_value"], first["target_unit"]) == (Decimal("95"), "%")
    assert first["level1"] == "satisfaction"
    deadline = next(i for i in indicators if i["target_raw"] == "11月底前")
    assert (deadline["unit_code"], deadline["target_deadline"]) == ("430", dt.date(2023, 11, 30))


def _same(value: Any) -> Any:
    """A value as both formats give it: CSV cannot tell an empty string from nothing."""
    return None if value == "" else value


@pytest.mark.seeds
def test_datapackage__parquet_equals_csv(package: Path) -> None:
    parquet = package.parent / "parquet"
    descriptor = json.loads((parquet / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in descriptor["resources"]] == [f"{n}.parquet" for n in TABLES]
    for name in TABLES:
        table = pq.read_table(parquet / f"{name}.parquet")
        from_parquet = [{k: _same(v) for k, v in row.items()} for row in table.to_pylist()]
        assert from_parquet == rows(package, name), name
    projects = pq.read_table(parquet / "projects.parquet")
    assert str(projects.schema.field("budget_total").type) == "decimal128(38, 4)"  # 53.4857
    assert projects.schema.field("budget_total").metadata[b"title"].decode() == "预算数"


def test_datapackage__broken_reference_fails_validation(tmp_path: Path) -> None:
    """The foreign keys are declared: an indicator of a project that is not there fails."""
    package = write_datapackage([sample_disclosure()], tmp_path / "ok")
    assert errors(package) == []
    broken = tmp_path / "broken"
    shutil.copytree(package.parent, broken)
    descriptor = json.loads((broken / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        del resource["hash"], resource["bytes"]  # only the key should fail
    (broken / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    lines = (broken / "indicators.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("445001,2025,0,", "445001,2025,7,", 1)
    (broken / "indicators.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    assert [kind for kind, _ in errors(broken / "datapackage.json")] == ["foreign-key"]


def test_datapackage__csv_is_plain_utf8_with_exact_money(tmp_path: Path) -> None:
    package = write_datapackage([sample_disclosure()], tmp_path)
    text = (tmp_path / "budget_rows.csv").read_bytes()
    assert not text.startswith(b"\xef\xbb\xbf")
    assert "4131.67" in text.decode("utf-8")
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    fields = {
        (r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]
    }
    value = fields["budget_rows", "value"]
    assert value["type"] == "number" and "money_unit" in value["description"]
    assert fields["projects", "money_unit"]["constraints"]["enum"] == ["yuan", "wan_yuan"]


def test_datapackage__same_unit_and_year_twice_is_an_error(tmp_path: Path) -> None:
    first = sample_disclosure(content="v1")
    second = sample_disclosure(content="v2")
    with pytest.raises(PublishError, match="445001 2025 年度出现两次"):
        write_datapackage([first, second], tmp_path)


def test_datapackage__empty_is_valid(tmp_path: Path) -> None:
    package = write_datapackage([], tmp_path)
    assert errors(package) == []
    assert rows(package, "projects") == []


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(d=disclosures)
def test_datapackage__every_generated_document_gives_a_valid_package(
    tmp_path: Path, d: Disclosure
) -> None:
    package = write_datapackage([d], tempfile.mkdtemp(dir=tmp_path))
    assert checked(package) == ([], model_counts([d]))
