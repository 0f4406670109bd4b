"""Open data: disclosures as a Frictionless Data Package (https://specs.frictionlessdata.io/).

What a finance bureau puts on its open-data portal: the tables of ``jixiao export``
(``publish.export.SHEETS``: documents, budget_rows, projects, indicators,
spending_plan) described by a ``datapackage.json`` (Data Package v1 with Table
Schema: field types, Chinese titles, Chinese and English descriptions, primary
and foreign keys), so any Frictionless tool can validate and load them.

Layout of the folder written::

    datapackage.json          tabular-data-package, CSV resources (UTF-8, no BOM)
    documents.csv …           one file per table
    parquet/datapackage.json  the same package over the Parquet copies
    parquet/documents.parquet …

CSV is plain UTF-8 (declared ``"encoding": "utf-8"``): Frictionless readers, pandas
and databases want it; Excel users have ``jixiao export --format xlsx`` (or CSV with a
BOM). The Parquet copies are a second package rather than more resources of the first
because reading Parquet is an optional Frictionless plugin: the main package validates
with a plain ``frictionless`` install. Money stays exact: CSV holds the ``Decimal``
text (type ``number``), Parquet a ``decimal128`` per column (numeric for DuckDB,
pandas, Spark; the scale is the column's largest, the printed text is in the ``*raw``
columns). Every money value sits beside its ``money_unit`` (``yuan`` 元 /
``wan_yuan`` 万元); nothing is converted.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import jixiao
from jixiao.model import (
    Disclosure,
    Layout,
    Level1,
    Level2,
    MoneyUnit,
    Operator,
    PlanKind,
    Side,
    TableKind,
    TargetKind,
    TargetScope,
    YearEvidence,
)
from jixiao.publish.errors import PublishError
from jixiao.publish.export import SHEETS, Sheet, csv_text, export_rows
from jixiao.store.records import Record

PACKAGE_NAME = "jixiao-budget-disclosures"
PARQUET_FOLDER = "parquet"
DESCRIPTOR = "datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"

# Columns the package adds to the export's (``publish.export.SHEETS``), each after the
# column named: budget_rows' cell number, because a key needs non-null columns and a
# row printing no value (``二、政府性基金预算拨款收入`` left blank) has no column_key;
# the unit of each project amount, so no amount is ever without its unit; the
# checkpoint's position, the spending plan's key whatever months a table prints.
EXTRA_COLUMNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "budget_rows": (("row_position", "cell_no", "格序号（该行有内容的格，从0起）"),),
    "projects": tuple(
        (f"budget_{part}_raw", f"budget_{part}_unit", f"{name}金额单位")
        for part, name in (("total", "预算数"), ("fiscal", "财政资金"), ("other", "其他资金"))
    ),
    "spending_plan": (("project_name", "position", "检查点位置（从0起）"),),
}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one column is described: Table Schema ``type``, English description,
    Chinese explanation beyond the column's Chinese title, allowed values."""

    type: str
    english: str
    chinese: str = ""
    enum: type[StrEnum] | None = None


_STRING = "string"


def _money(what: str, english: str, unit: str) -> FieldSpec:
    return FieldSpec(
        "number",
        f"{english}, exact as printed, in {unit} (yuan or wan_yuan).",
        f"{what}，按原文的精确值，单位见 {unit}（元或万元），未换算。",
    )


def _money_unit(english: str) -> FieldSpec:
    return FieldSpec(
        _STRING,
        f"Money unit of {english}: yuan (元) or wan_yuan (万元); normally the project's "
        "money_unit.",
        "yuan 为元，wan_yuan 为万元；通常与本行 money_unit 相同。",
        MoneyUnit,
    )


def _raw(what: str) -> FieldSpec:
    return FieldSpec("string", f"The {what} exactly as printed.", "原文照录。")


# By column key; _SHEET_FIELDS overrides where a key means something else in a table.
FIELDS: dict[str, FieldSpec] = {
    "unit_code": FieldSpec(_STRING, "Code of the unit (单位编码) as printed."),
    "fiscal_year": FieldSpec("year", "Budget (fiscal) year of the disclosure."),
    "unit_name": FieldSpec(_STRING, "Name of the unit as printed."),
    "fiscal_year_evidence": FieldSpec(
        _STRING,
        "Where the fiscal year was read: printed, project_code or target.",
        "printed 为文件所印，project_code 为由项目编码推断，target 为由指标值推断。",
        YearEvidence,
    ),
    "money_unit": FieldSpec(
        _STRING,
        "Money unit of the amounts on this row: yuan (元) or wan_yuan (万元 = 10,000 yuan); "
        "empty when the document prints none. Amounts are never converted.",
        "yuan 为元，wan_yuan 为万元；空表示文件未印单位。金额一律按原单位，不做换算。",
        MoneyUnit,
    ),
    "source_path": FieldSpec(_STRING, "Path of the file the disclosure was read from."),
    "sha256": FieldSpec(_STRING, "SHA-256 of the source file (hex)."),
    "layout": FieldSpec(_STRING, "Shape of the source the text was read from.", "", Layout),
    "encoding": FieldSpec(_STRING, "Text encoding of the source file."),
    "size_bytes": FieldSpec("integer", "Size of the source file in bytes."),
    "budget_tables": FieldSpec("integer", "Number of budget tables read."),
    "projects": FieldSpec("integer", "Number of project performance-target tables."),
    "indicators": FieldSpec("integer", "Number of indicator rows over all projects."),
    "unparsed_targets": FieldSpec(
        "integer", "Indicators whose target value could not be parsed (kept as printed)."
    ),
    "table_position": FieldSpec(
        "integer", "Position of the table in the document (0-based).", "从0起。"
    ),
    "table_title": FieldSpec(_STRING, "Title of the table as printed."),
    "table_kind": FieldSpec(_STRING, "Kind of table (the glossary's names).", "", TableKind),
    "row_position": FieldSpec(
        "integer",
        "Position of the row in its table (0-based); a side-by-side printed row "
        "(收支总表) gives one row per side.",
        "从0起；收支总表的一行按收入、支出两侧各算一行。",
    ),
    "cell_no": FieldSpec(
        "integer",
        "Number of the cell among the row's printed cells (0-based); a row that prints "
        "no value has one record with cell_no 0 and an empty column_key.",
        "该行中有内容的格依次编号；整行无数值时只有一条记录，cell_no 为 0，column_key 为空。",
    ),
    "seq": FieldSpec(_STRING, "序号 / 栏次 printed at the start of the row."),
    "code": FieldSpec(_STRING, "Classification code (科目编码: functional or economic)."),
    "name": FieldSpec(_STRING, "Row label: classification name or item."),
    "side": FieldSpec(
        _STRING, "Half of a side-by-side table: income or expenditure.", "收入或支出侧。", Side
    ),
    "column_key": FieldSpec(
        _STRING,
        "The cell's column: its header levels joined with '/' (本年收入/财政拨款收入).",
        "表头各级以“/”连接。",
    ),
    "raw": _raw("cell text"),
    "value": FieldSpec(
        "number",
        "The cell's number when its text is one: money in money_unit (yuan or wan_yuan), "
        "exact as printed; some tables (fixed assets) hold counts.",
        "原文为数字时的数值；金额单位见本行 money_unit（元或万元），按原文的精确值。",
    ),
    "location": FieldSpec(
        _STRING, "Where it was read: source file:line, table, row.", "源文件:行号 表名 行。"
    ),
    "position": FieldSpec(
        "integer",
        "Position of the project in the document (0-based); project_position elsewhere.",
        "从0起；indicators 与 spending_plan 的 project_position 指向它。",
    ),
    "title": FieldSpec(_STRING, "Title of the project's performance-target table as printed."),
    "project_name": FieldSpec(_STRING, "Name of the project (项目名称)."),
    "project_code": FieldSpec(_STRING, "Code of the project (项目编码) as printed."),
    "project_unit_code": FieldSpec(_STRING, "Code of the unit the project table names."),
    "project_unit_name": FieldSpec(_STRING, "Name of the unit the project table names."),
    "scope": FieldSpec(
        _STRING,
        "Whose targets the table sets: a project's, or the whole department's (部门整体).",
        "project 项目支出绩效目标表；department 部门整体支出绩效目标表（seq 为 0）。",
        TargetScope,
    ),
    "budget_total": _money("预算数", "Budget of the project (预算数)", "budget_total_unit"),
    "budget_total_raw": _raw("budget"),
    "budget_fiscal": _money(
        "其中财政资金", "Of which fiscal funds (财政资金)", "budget_fiscal_unit"
    ),
    "budget_fiscal_raw": _raw("fiscal funds"),
    "budget_other": _money("其他资金", "Other funds (其他资金)", "budget_other_unit"),
    "budget_other_raw": _raw("other funds"),
    "budget_total_unit": _money_unit("budget_total"),
    "budget_fiscal_unit": _money_unit("budget_fiscal"),
    "budget_other_unit": _money_unit("budget_other"),
    "purpose": FieldSpec(_STRING, "Use of the funds (资金用途)."),
    "goals": FieldSpec(
        "array", "The numbered goal sentences (绩效目标), a JSON array of strings.", "JSON 数组。"
    ),
    "project_position": FieldSpec(
        "integer", "Position of the project (projects.position).", "对应 projects.position。"
    ),
    "index_no": FieldSpec(
        "integer", "Number of the indicator in its project's table (1-based).", "从1起。"
    ),
    "level1_raw": _raw("level-1 indicator name"),
    "level1": FieldSpec(_STRING, "Level-1 indicator, normalised.", "规范名称。", Level1),
    "level2_raw": _raw("level-2 indicator name"),
    "level2": FieldSpec(_STRING, "Level-2 indicator, normalised.", "规范名称。", Level2),
    "level3": FieldSpec(_STRING, "Level-3 (concrete) indicator name."),
    "description": FieldSpec(_STRING, "Explanation of the indicator (指标解释)."),
    "target_raw": _raw("target value (指标值)"),
    "target_kind": FieldSpec(
        _STRING,
        "What the target is: quantitative, deadline, qualitative or unparsed.",
        "定量、时限、定性或未解析。",
        TargetKind,
    ),
    "target_operator": FieldSpec(_STRING, "Comparison of a quantitative target.", "", Operator),
    "target_value": FieldSpec(
        "number", "Number of a quantitative target; percent targets in percent (95 = 95%)."
    ),
    "target_unit": FieldSpec(_STRING, "Unit of the target value as printed (%, 个, 万元 …)."),
    "target_wording": FieldSpec(_STRING, "Words printed after the number."),
    "target_direction": FieldSpec(_STRING, "Direction word of a qualitative target (提升 …)."),
    "target_deadline": FieldSpec("date", "Date of a deadline target, when it can be determined."),
    "basis": FieldSpec(_STRING, "Basis of the target (指标值确定依据)."),
    "weight": FieldSpec("number", "Weight of the indicator, where the table prints one."),
    "direction": FieldSpec(_STRING, "Direction of the indicator, where the table prints one."),
    "month": FieldSpec("integer", "Month the cumulative checkpoint ends (3, 6, 10, 12)."),
    "kind": FieldSpec(
        _STRING,
        "percent: cumulative share of the budget in percent; amount: cumulative amount in "
        "the project's money_unit.",
        "percent 为累计百分比，amount 为累计金额（单位见 money_unit）。",
        PlanKind,
    ),
}

_SHEET_FIELDS: dict[tuple[str, str], FieldSpec] = {
    ("projects", "seq"): FieldSpec("integer", "Number printed before the project table's title."),
    ("spending_plan", "position"): FieldSpec(
        "integer", "Position of the checkpoint in the project's plan (0-based).", "从0起。"
    ),
    ("spending_plan", "raw"): _raw("plan cell"),
    ("spending_plan", "value"): FieldSpec(
        "number",
        "Cumulative plan to the end of month: percent of the budget when kind is percent "
        "(25 = 25%), an amount in money_unit when kind is amount; exact as printed.",
        "kind 为 percent 时是预算的累计百分比（25 即 25%），为 amount 时是累计金额"
        "（单位见 money_unit）；按原文的精确值。",
    ),
}

RESOURCES: dict[str, tuple[str, str]] = {
    "documents": (
        "每份公开文件一行：单位、年度、金额单位、源文件及其 SHA-256、各部分数量。",
        "One row per disclosure: unit, year, money unit, source file and its SHA-256, counts.",
    ),
    "budget_rows": (
        "预算表的长表：每个有内容的单元格一行（表、行、栏目、原文、数值、金额单位）；"
        "整行无数值的行保留一条。",
        "The budget tables in long form: one row per printed cell (table, row, column, raw "
        "text, value, money unit); a row printing no value keeps one record.",
    ),
    "projects": (
        "每个项目支出绩效目标表一行：项目名称、编码、预算数及其原文、资金用途、绩效目标。",
        "One row per project performance-target table: name, code, budget amounts with their "
        "printed text, use of funds, goals.",
    ),
    "indicators": (
        "每个绩效指标一行：一、二、三级指标，指标值原文及解析结果（比较符、数值、单位），指标值确定依据。",
        "One row per indicator: level 1/2/3 names, the target as printed and as parsed "
        "(operator, number, unit), its basis.",
    ),
    "spending_plan": (
        "资金支出计划：每个项目每个截至月份一行（累计百分比或累计金额）。",
        "Spending plans: one row per project and checkpoint month (cumulative percent or amount).",
    ),
}

_DOC_KEY = ["unit_code", "fiscal_year"]
PRIMARY_KEYS: dict[str, list[str]] = {
    "documents": _DOC_KEY,
    "budget_rows": [*_DOC_KEY, "table_position", "row_position", "cell_no"],
    "projects": [*_DOC_KEY, "position"],
    "indicators": [*_DOC_KEY, "project_position", "index_no"],
    "spending_plan": [*_DOC_KEY, "project_position", "position"],
}
_TO_DOCUMENT = {"fields": _DOC_KEY, "reference": {"resource": "documents", "fields": _DOC_KEY}}
_TO_PROJECT = {
    "fields": [*_DOC_KEY, "project_position"],
    "reference": {"resource": "projects", "fields": [*_DOC_KEY, "position"]},
}
FOREIGN_KEYS: dict[str, list[dict[str, Any]]] = {
    "documents": [],
    "budget_rows": [_TO_DOCUMENT],
    "projects": [_TO_DOCUMENT],
    "indicators": [_TO_PROJECT],
    "spending_plan": [_TO_PROJECT],
}


def package_columns(sheet: Sheet) -> tuple[tuple[str, str], ...]:
    """The ``(key, 中文表头)`` columns of ``sheet`` in the package: the export's, with
    :data:`EXTRA_COLUMNS` inserted."""
    columns = list(sheet.columns)
    for after, key, title in EXTRA_COLUMNS.get(sheet.name, ()):
        at = [k for k, _ in columns].index(after) + 1
        columns.insert(at, (key, title))
    return tuple(columns)


def field_spec(sheet: str, key: str) -> FieldSpec:
    """The description of column ``key`` of table ``sheet``."""
    return _SHEET_FIELDS.get((sheet, key)) or FIELDS[key]


def field_description(title: str, spec: FieldSpec) -> str:
    """Chinese first (the title, then any explanation), then English."""
    chinese = title if title.endswith("。") else f"{title}。"
    return f"{chinese}{spec.chinese} {spec.english}"


def table_schema(sheet: Sheet) -> dict[str, Any]:
    """The Table Schema of ``sheet``: fields (type, Chinese title, Chinese and English
    description, allowed values), ``missingValues`` (the empty string), keys."""
    primary = PRIMARY_KEYS[sheet.name]
    fields = []
    for key, title in package_columns(sheet):
        spec = field_spec(sheet.name, key)
        field: dict[str, Any] = {
            "name": key,
            "type": spec.type,
            "title": title,
            "description": field_description(title, spec),
        }
        constraints: dict[str, Any] = {}
        if key in primary:
            constraints["required"] = True
        if spec.enum is not None:
            constraints["enum"] = [member.value for member in spec.enum]
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""], "primaryKey": primary}
    if FOREIGN_KEYS[sheet.name]:
        schema["foreignKeys"] = FOREIGN_KEYS[sheet.name]
    return schema


def package_rows(disclosures: Sequence[Disclosure]) -> dict[str, list[Record]]:
    """The rows of each table, by table name: ``export_rows`` (its records already hold
    the projects' amount units and the checkpoints' positions) plus ``cell_no``.

    Raises :class:`PublishError` when two disclosures share a unit and year (the
    package's key: publish current versions only).
    """
    seen: set[tuple[str, int]] = set()
    for d in disclosures:
        key = (d.unit_code, d.fiscal_year)
        if key in seen:
            raise PublishError(
                f"单位 {d.unit_code} {d.fiscal_year} 年度出现两次；"
                "数据包每个单位每年只收一份（当前版本）。"
            )
        seen.add(key)
    rows = export_rows(disclosures)
    previous, number = None, 0
    for record in rows["budget_rows"]:
        row_key = tuple(record[k] for k in PRIMARY_KEYS["budget_rows"][:-1])
        number = number + 1 if row_key == previous else 0
        record["cell_no"] = number
        previous = row_key
    return rows


def _descriptor(
    sheets: Sequence[Sheet], files: dict[str, Path], fmt: str, rows: dict[str, list[Record]]
) -> dict[str, Any]:
    units = len(rows["documents"])
    resources = []
    for sheet in sheets:
        zh, en = RESOURCES[sheet.name]
        path = files[sheet.name]
        data = path.read_bytes()
        resource: dict[str, Any] = {
            "profile": "tabular-data-resource",
            "name": sheet.name,
            "path": path.name,
            "title": sheet.title,
            "description": f"{zh} {en} 共 {len(rows[sheet.name])} 行。",
            "format": fmt,
        }
        if fmt == "csv":
            resource |= {"mediatype": "text/csv", "encoding": "utf-8"}
        else:
            resource["mediatype"] = PARQUET_MEDIATYPE
        resource |= {
            "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "schema": table_schema(sheet),
        }
        resources.append(resource)
    other = (
        f"同一数据的 Parquet 副本见 {PARQUET_FOLDER}/{DESCRIPTOR}。"
        if fmt == "csv"
        else f"CSV 版本见上一级的 {DESCRIPTOR}。"
    )
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME + ("" if fmt == "csv" else "-parquet"),
        "title": "部门预算公开数据 Budget disclosures of public-sector units",
        "description": (
            f"{units} 份部门预算公开文件的数据："
            "预算表、项目支出绩效目标表、绩效指标和资金支出计划。"
            "金额保持原文件的单位（元或万元，见各行 money_unit），不做换算。"
            f"{other} Data of {units} budget disclosures (部门预算公开): budget tables, project "
            "performance targets, indicators and spending plans. Amounts stay in the unit "
            "printed (yuan or wan_yuan, see money_unit on every row); nothing is converted."
        ),
        "keywords": ["部门预算公开", "绩效目标", "budget disclosure", "performance targets"],
        "jixiao": {"version": jixiao.__version__, "disclosures": units},
        "resources": resources,
    }


def _write_json(path: Path, descriptor: dict[str, Any]) -> None:
    text = json.dumps(descriptor, ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def _write_csv(path: Path, keys: list[str], records: list[Record]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(keys)
        writer.writerows([csv_text(r.get(k)) for k in keys] for r in records)


def _decimal_type(values: list[Any]) -> Any:
    """``decimal128(38, s)`` with ``s`` the column's largest scale (``decimal256`` when
    the digits do not fit in 38): every value stored exactly."""
    import pyarrow as pa

    scale, digits = 0, 1
    for value in values:
        if isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            # Finite: the CSV, written first, refused NaN and infinities (decimal_to_str).
            assert isinstance(exponent, int)
            scale = max(scale, -exponent)
            digits = max(digits, value.adjusted() + 1)
    if digits + scale <= 38:
        return pa.decimal128(38, scale)
    return pa.decimal256(76, scale)


def _write_parquet(path: Path, sheet: Sheet, records: list[Record]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    simple = {"string": pa.string(), "integer": pa.int64(), "year": pa.int64()}
    simple |= {"date": pa.date32(), "boolean": pa.bool_(), "array": pa.list_(pa.string())}
    fields, arrays = [], []
    for key, title in package_columns(sheet):
        spec = field_spec(sheet.name, key)
        values = [record.get(key) for record in records]
        arrow_type = _decimal_type(values) if spec.type == "number" else simple[spec.type]
        if spec.type == "array":
            values = [None if v is None else json.loads(v) for v in values]
        metadata = {"title": title, "description": field_description(title, spec)}
        fields.append(pa.field(key, arrow_type, metadata=metadata))
        arrays.append(pa.array(values, type=arrow_type))
    zh, en = RESOURCES[sheet.name]
    schema = pa.schema(fields, metadata={"title": sheet.title, "description": f"{zh} {en}"})
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path)


def write_datapackage(disclosures: Sequence[Disclosure], folder: str | Path) -> Path:
    """Write ``disclosures`` as a Data Package into ``folder``; returns its ``datapackage.json``.

    ``folder`` (created when missing) gets ``datapackage.json`` with one CSV per table
    (documents, budget_rows, projects, indicators, spending_plan; UTF-8, no BOM) and
    ``parquet/datapackage.json`` with the same tables as Parquet. Files of an earlier
    package there are overwritten. Money is exact (``Decimal`` text in CSV,
    ``decimal128`` in Parquet) in each row's ``money_unit`` (元 ``yuan`` / 万元
    ``wan_yuan``). Pass current versions only: raises :class:`PublishError` when two
    disclosures share a unit and year, or when the folder cannot be written.
    """
    folder = Path(folder)
    rows = package_rows(disclosures)
    try:
        (folder / PARQUET_FOLDER).mkdir(parents=True, exist_ok=True)
        csv_files, parquet_files = {}, {}
        for sheet in SHEETS:
            keys = [key for key, _ in package_columns(sheet)]
            csv_files[sheet.name] = folder / f"{sheet.name}.csv"
            _write_csv(csv_files[sheet.name], keys, rows[sheet.name])
            parquet_files[sheet.name] = folder / PARQUET_FOLDER / f"{sheet.name}.parquet"
            _write_parquet(parquet_files[sheet.name], sheet, rows[sheet.name])
        _write_json(
            folder / PARQUET_FOLDER / DESCRIPTOR,
            _descriptor(SHEETS, parquet_files, "parquet", rows),
        )
        path = folder / DESCRIPTOR
        _write_json(path, _descriptor(SHEETS, csv_files, "csv", rows))
    except OSError as error:
        raise PublishError(f"无法写入数据包 {folder}：{error.strerror or error}") from error
    return path
