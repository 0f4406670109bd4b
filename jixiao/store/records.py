"""A disclosure flattened into plain records, one list per derived table.

The same records feed the database's derived tables (``store.schema``) and the
CSV/XLSX exports (``publish.export``), so the two never disagree about what a
column means. Pure: no I/O. Money values keep the unit of their table or project
(元 or 万元), as printed; nothing is converted here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from jixiao.model import Disclosure, Location, Money, TargetKind

Record = dict[str, Any]
_json_list = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _where(location: Location | None) -> str | None:
    return None if location is None else str(location)


def _value(enum: Any) -> str | None:
    return None if enum is None else str(enum.value)


def _money(prefix: str, money: Money | None) -> Record:
    if money is None:
        return {prefix: None, f"{prefix}_raw": None, f"{prefix}_unit": None}
    return {prefix: money.value, f"{prefix}_raw": money.raw, f"{prefix}_unit": _value(money.unit)}


def document_record(d: Disclosure) -> Record:
    """The document-level columns read from ``d``, with its counts.

    Keys: unit_code, unit_name, fiscal_year, fiscal_year_evidence, money_unit,
    source_path, sha256, layout, encoding, size_bytes, budget_tables, projects,
    indicators, unparsed_targets (indicators whose target could not be parsed).
    """
    return {
        "unit_code": d.unit_code,
        "unit_name": d.unit_name,
        "fiscal_year": d.fiscal_year,
        "fiscal_year_evidence": d.fiscal_year_evidence.value,
        "money_unit": _value(d.money_unit),
        "source_path": d.source.path,
        "sha256": d.source.sha256,
        "layout": d.source.layout.value,
        "encoding": d.source.encoding,
        "size_bytes": d.source.size_bytes,
        "budget_tables": len(d.budget_tables),
        "projects": len(d.projects),
        "indicators": d.indicator_count,
        "unparsed_targets": unparsed_target_count(d),
    }


def unparsed_target_count(d: Disclosure) -> int:
    """How many indicators have a target of kind ``unparsed`` (未解析指标值)."""
    return sum(1 for p in d.projects for i in p.indicators if i.target.kind is TargetKind.UNPARSED)


def table_records(d: Disclosure, keys: Mapping[str, Any]) -> dict[str, list[Record]]:
    """Records for each derived table, by table name, parents before children.

    ``keys`` (``{"document_id": 7}`` for the database, ``{"unit_code": …,
    "fiscal_year": …}`` for exports) open every record. Positions are 0-based
    indexes in the model's tuples; Decimals stay ``Decimal``; lists are JSON text.
    ``budget_values`` has one record per cell that prints something: blank cells
    (most of a 收入总表) are kept only in the document's content.
    """
    out: dict[str, list[Record]] = {
        name: []
        for name in (
            "budget_tables",
            "budget_columns",
            "budget_rows",
            "budget_values",
            "projects",
            "indicators",
            "spending_plan",
        )
    }
    for t_pos, table in enumerate(d.budget_tables):
        out["budget_tables"].append(
            {
                **keys,
                "position": t_pos,
                "title": table.title,
                "kind": table.kind.value,
                "money_unit": _value(table.money_unit),
                "captions": _json_list(table.captions),
                "note": table.note,
                "location": _where(table.location),
            }
        )
        out["budget_columns"].extend(
            {
                **keys,
                "table_position": t_pos,
                "position": c_pos,
                "key": column.key,
                "header": _json_list(column.header),
                "role": column.role.value,
                "side": _value(column.side),
                "column_no": column.column_no,
            }
            for c_pos, column in enumerate(table.columns)
        )
        for r_pos, row in enumerate(table.rows):
            out["budget_rows"].append(
                {
                    **keys,
                    "table_position": t_pos,
                    "position": r_pos,
                    "seq": row.seq,
                    "code": row.code,
                    "name": row.name,
                    "side": _value(row.side),
                    "location": _where(row.location),
                }
            )
            out["budget_values"].extend(
                {
                    **keys,
                    "table_position": t_pos,
                    "row_position": r_pos,
                    "position": v_pos,
                    "column_key": cell.column,
                    "raw": cell.raw,
                    "value": cell.value,
                }
                for v_pos, cell in enumerate(row.values)
                if cell.value is not None or cell.raw.strip()
            )
    for p_pos, project in enumerate(d.projects):
        out["projects"].append(
            {
                **keys,
                "position": p_pos,
                "seq": project.seq,
                "title": project.title,
                "project_name": project.project_name,
                "project_code": project.project_code,
                "project_unit_code": project.unit_code,
                "project_unit_name": project.unit_name,
                "money_unit": _value(project.money_unit),
                **_money("budget_total", project.budget_total),
                **_money("budget_fiscal", project.budget_fiscal),
                **_money("budget_other", project.budget_other),
                "purpose": project.purpose,
                "goals": _json_list(project.goals),
                "location": _where(project.location),
            }
        )
        out["indicators"].extend(
            {
                **keys,
                "project_position": p_pos,
                "position": i_pos,
                "index_no": ind.index,
                "level1_raw": ind.level1.raw,
                "level1": _value(ind.level1.normalised),
                "level1_carried": ind.level1.carried,
                "level2_raw": ind.level2.raw,
                "level2": _value(ind.level2.normalised),
                "level2_carried": ind.level2.carried,
                "level3": ind.level3,
                "description": ind.description,
                "target_raw": ind.target.raw,
                "target_kind": ind.target.kind.value,
                "target_operator": _value(ind.target.operator),
                "target_value": ind.target.value,
                "target_unit": ind.target.unit,
                "target_wording": ind.target.wording,
                "target_direction": ind.target.direction,
                "target_deadline": ind.target.deadline,
                "basis": ind.basis,
                "weight": ind.weight,
                "direction": ind.direction,
                "location": _where(ind.location),
            }
            for i_pos, ind in enumerate(project.indicators)
        )
        out["spending_plan"].extend(
            {
                **keys,
                "project_position": p_pos,
                "position": c_pos,
                "month": checkpoint.month,
                "raw": checkpoint.raw,
                "value": checkpoint.value,
                "kind": _value(checkpoint.kind),
                "location": _where(checkpoint.location),
            }
            for c_pos, checkpoint in enumerate(project.spending_plan)
        )
    return out
