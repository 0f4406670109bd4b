"""Exports of stored disclosures as open data: JSON, CSV and XLSX.

JSON is the interchange format itself (``jixiao.model.codec``; ``docs/format.md``).
CSV and XLSX are flat tables for spreadsheets, one row per record, each opening
with the document keys ``unit_code`` and ``fiscal_year``. They share their records
with the database's derived tables (``jixiao.store.records``), so a column means
the same everywhere. Money is never converted: each row carries its ``money_unit``
(``yuan`` 元 / ``wan_yuan`` 万元).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.model import Disclosure
from jixiao.model.codec import decimal_to_str, documents_to_json
from jixiao.publish.xlsx_text import clean_text, is_formula_like
from jixiao.store.records import Record, document_record, table_records

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True, slots=True)
class Sheet:
    """One flat table of the export: its file stem, Chinese title and columns.

    ``columns`` are ``(key, 中文表头)`` pairs; keys are the CSV header and the
    second header row of the XLSX sheet.
    """

    name: str
    title: str
    columns: tuple[tuple[str, str], ...]


_DOC_KEYS = (("unit_code", "单位编码"), ("fiscal_year", "预算年度"))

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "documents",
        "文件",
        (
            *_DOC_KEYS,
            ("unit_name", "单位名称"),
            ("fiscal_year_evidence", "年度依据"),
            ("money_unit", "金额单位"),
            ("source_path", "源文件"),
            ("sha256", "文件SHA-256"),
            ("layout", "版式"),
            ("encoding", "编码"),
            ("size_bytes", "文件字节数"),
            ("budget_tables", "预算表数"),
            ("projects", "项目数"),
            ("indicators", "指标数"),
            ("unparsed_targets", "未解析指标值数"),
        ),
    ),
    Sheet(
        "budget_rows",
        "预算表数据",
        (
            *_DOC_KEYS,
            ("table_position", "表位置（从0起）"),
            ("table_title", "表名"),
            ("table_kind", "表类别"),
            ("money_unit", "金额单位"),
            ("row_position", "行位置（从0起）"),
            ("seq", "序号"),
            ("code", "科目编码"),
            ("name", "科目名称/项目"),
            ("side", "收支侧"),
            ("column_key", "栏目"),
            ("raw", "原文"),
            ("value", "数值"),
            ("location", "位置"),
        ),
    ),
    Sheet(
        "projects",
        "项目",
        (
            *_DOC_KEYS,
            ("position", "项目位置（从0起）"),
            ("seq", "序号"),
            ("title", "表名"),
            ("project_name", "项目名称"),
            ("project_code", "项目编码"),
            ("project_unit_code", "项目单位编码"),
            ("project_unit_name", "项目单位名称"),
            ("scope", "目标层级（project 项目 / department 部门整体）"),
            ("money_unit", "金额单位"),
            ("budget_total", "预算数"),
            ("budget_total_raw", "预算数原文"),
            ("budget_fiscal", "财政资金"),
            ("budget_fiscal_raw", "财政资金原文"),
            ("budget_other", "其他资金"),
            ("budget_other_raw", "其他资金原文"),
            ("purpose", "资金用途"),
            ("goals", "绩效目标"),
            ("location", "位置"),
        ),
    ),
    Sheet(
        "indicators",
        "绩效指标",
        (
            *_DOC_KEYS,
            ("project_position", "项目位置（从0起）"),
            ("project_name", "项目名称"),
            ("index_no", "指标序号"),
            ("level1_raw", "一级指标"),
            ("level1", "一级指标（规范）"),
            ("level2_raw", "二级指标"),
            ("level2", "二级指标（规范）"),
            ("level3", "三级指标"),
            ("description", "指标解释"),
            ("target_raw", "指标值"),
            ("target_kind", "指标值类型"),
            ("target_operator", "比较符"),
            ("target_value", "目标数值"),
            ("target_unit", "计量单位"),
            ("target_wording", "附加文字"),
            ("target_direction", "方向词"),
            ("target_deadline", "完成期限"),
            ("basis", "指标值确定依据"),
            ("weight", "权重"),
            ("direction", "指标方向"),
            ("location", "位置"),
        ),
    ),
    Sheet(
        "spending_plan",
        "资金支出计划",
        (
            *_DOC_KEYS,
            ("project_position", "项目位置（从0起）"),
            ("project_name", "项目名称"),
            ("money_unit", "金额单位"),
            ("month", "截至月份"),
            ("raw", "原文"),
            ("value", "数值"),
            ("kind", "类型"),
            ("location", "位置"),
        ),
    ),
)


def export_rows(disclosures: Iterable[Disclosure]) -> dict[str, list[Record]]:
    """The flat rows of every sheet, by sheet name (``documents``, ``budget_rows`` …).

    ``budget_rows`` has one row per budget cell that prints something, with its
    table and row; a row without such cells appears once with empty cell fields.
    Values keep their Python types (``Decimal``, ``int``, ``date``, ``bool``).
    """
    out: dict[str, list[Record]] = {sheet.name: [] for sheet in SHEETS}
    for d in disclosures:
        keys = {"unit_code": d.unit_code, "fiscal_year": d.fiscal_year}
        out["documents"].append(document_record(d))
        records = table_records(d, keys)
        _add_budget_rows(out["budget_rows"], records)
        out["projects"].extend(records["projects"])
        projects = {p["position"]: p for p in records["projects"]}
        for name in ("indicators", "spending_plan"):
            for record in records[name]:
                project = projects[record["project_position"]]
                out[name].append(
                    {
                        **record,
                        "project_name": project["project_name"],
                        "money_unit": project["money_unit"],
                    }
                )
    return out


def _add_budget_rows(out: list[Record], records: dict[str, list[Record]]) -> None:
    tables = {t["position"]: t for t in records["budget_tables"]}
    cells: dict[tuple[int, int], list[Record]] = {}
    for cell in records["budget_values"]:
        cells.setdefault((cell["table_position"], cell["row_position"]), []).append(cell)
    empty = {"column_key": None, "raw": None, "value": None}
    for row in records["budget_rows"]:
        table = tables[row["table_position"]]
        base = {
            **row,
            "table_title": table["title"],
            "table_kind": table["kind"],
            "money_unit": table["money_unit"],
            "row_position": row["position"],
        }
        for cell in cells.get((row["table_position"], row["position"]), [empty]):
            out.append({**base, **{k: cell[k] for k in ("column_key", "raw", "value")}})


def export_json(disclosures: Iterable[Disclosure], out: Path) -> Path:
    """Write the interchange JSON (``{"format": "jixiao-disclosure", "version": 1, …}``).

    UTF-8, Chinese unescaped. Returns ``out``; its folder is created when missing.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        json.dump(documents_to_json(disclosures), handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return out


def csv_text(value: Any) -> Any:
    """A value as CSV prints it: ``None`` empty, booleans ``true``/``false``, decimals
    exactly (no exponent), dates ISO 8601, the rest as is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_to_str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def export_csv(disclosures: Iterable[Disclosure], out_dir: Path) -> list[Path]:
    """Write ``documents.csv``, ``budget_rows.csv``, ``projects.csv``, ``indicators.csv``
    and ``spending_plan.csv`` into ``out_dir`` (created when missing).

    UTF-8 with BOM so Excel shows Chinese; the header row holds the English keys
    (``docs/format.md`` lists their Chinese names). Decimals as exact text, empty
    for ``None``. Returns the paths written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = export_rows(disclosures)
    paths = []
    for sheet in SHEETS:
        path = out_dir / f"{sheet.name}.csv"
        keys = [key for key, _ in sheet.columns]
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(keys)
            writer.writerows([csv_text(r.get(k)) for k in keys] for r in rows[sheet.name])
        paths.append(path)
    return paths


def export_xlsx(disclosures: Iterable[Disclosure], out: Path) -> Path:
    """Write one workbook with a sheet per table (文件, 预算表数据, 项目, 绩效指标, 资金支出计划).

    Row 1 holds the Chinese headers, row 2 the English keys; both are frozen and
    row 2 carries the autofilter. Money and other decimals are numbers formatted
    ``#,##0.00`` (in the row's ``money_unit``), dates are dates. Returns ``out``.
    """
    # Imported here: openpyxl takes ~0.15 s to import and only this export needs it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold, grey = Font(bold=True), Font(italic=True, color="808080")

    def cell(ws: Any, value: Any, *, font: Font | None = None) -> Any:
        if isinstance(value, str):
            value = clean_text(value)
            if is_formula_like(value) and font is None:
                text = WriteOnlyCell(ws, value=value)
                text.data_type = "s"  # a document's text is never a formula
                return text
        if font is None and not isinstance(value, Decimal | dt.date):
            return value  # plain values need no cell object
        result = WriteOnlyCell(ws, value=value)
        if font is not None:
            result.font = font
        elif isinstance(value, Decimal):
            result.number_format = MONEY_FORMAT
        else:
            result.number_format = DATE_FORMAT
        return result

    rows = export_rows(disclosures)
    workbook = Workbook(write_only=True)
    for sheet in SHEETS:
        ws = workbook.create_sheet(sheet.title)
        keys = [key for key, _ in sheet.columns]
        data = rows[sheet.name]
        ws.freeze_panes = "A3"
        ws.auto_filter.ref = f"A2:{get_column_letter(len(keys))}{len(data) + 2}"
        for i, (key, title) in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = _width(key, title)
        ws.append([cell(ws, title, font=bold) for _, title in sheet.columns])
        ws.append([cell(ws, key, font=grey) for key in keys])
        for record in data:
            ws.append([cell(ws, record.get(key)) for key in keys])
    out.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(out)
    return out


def _width(key: str, title: str) -> float:
    if key in {"name", "title", "project_name", "level3", "table_title", "purpose", "goals"}:
        return 36
    if key in {"location", "source_path", "description", "target_raw", "sha256"}:
        return 28
    return max(10, min(24, 2.2 * len(title)))
