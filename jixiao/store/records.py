"""A disclosure flattened into plain records, one list per derived table.

The same records feed the database's derived tables (``store.schema``) and the
CSV/XLSX exports (``publish.export``), so the two never disagree about what a
column means. Pure: no I/O. Money values keep the unit of their table or project
(元 or 万元), as printed; nothing is converted here.

Records are built as tuples in the tables' column order (:class:`Rows`): a document
has ~200 of them per save, and tuples go to the database driver as they are, where
a dict per record cost more to build than the insert itself. Each still reads as a
dict (``rows[0]["document_id"]``) for the exports and for any caller that wants one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

from jixiao.model import Disclosure, Money, TargetKind

Record = dict[str, Any]
_json_list = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

# The columns of each derived table after the document keys, in the order of the
# database's columns (``store.schema``; a test checks that they agree). Parents
# come before children: the order rows are inserted in.
COLUMNS: dict[str, tuple[str, ...]] = {
    "budget_tables": ("position", "title", "kind", "money_unit", "captions", "note", "location"),
    "budget_columns": (
        "table_position",
        "position",
        "key",
        "header",
        "role",
        "side",
        "column_no",
    ),
    "budget_rows": ("table_position", "position", "seq", "code", "name", "side", "location"),
    "budget_values": ("table_position", "row_position", "position", "column_key", "raw", "value"),
    "projects": (
        "position",
        "seq",
        "title",
        "project_name",
        "project_code",
        "project_unit_code",
        "project_unit_name",
        "scope",
        "money_unit",
        *(
            f"budget_{part}{suffix}"
            for part in ("total", "fiscal", "other")
            for suffix in ("", "_raw", "_unit")
        ),
        "purpose",
        "goals",
        "location",
    ),
    "indicators": (
        "project_position",
        "position",
        "index_no",
        "level1_raw",
        "level1",
        "level1_carried",
        "level2_raw",
        "level2",
        "level2_carried",
        "level3",
        "description",
        "target_raw",
        "target_kind",
        "target_operator",
        "target_value",
        "target_unit",
        "target_wording",
        "target_direction",
        "target_deadline",
        "basis",
        "weight",
        "direction",
        "location",
    ),
    "spending_plan": (
        "project_position",
        "position",
        "month",
        "raw",
        "value",
        "kind",
        "location",
    ),
}


class Rows(Sequence[Record]):
    """The rows of one table: ``tuples`` in the order of ``columns``.

    Indexing and iteration give each row as a record (a new dict keyed by column).
    """

    __slots__ = ("columns", "tuples")

    def __init__(self, columns: tuple[str, ...], tuples: list[tuple[Any, ...]]) -> None:
        self.columns = columns
        self.tuples = tuples

    def __len__(self) -> int:
        return len(self.tuples)

    @overload
    def __getitem__(self, index: int) -> Record: ...
    @overload
    def __getitem__(self, index: slice) -> list[Record]: ...
    def __getitem__(self, index: int | slice) -> Record | list[Record]:
        if isinstance(index, slice):
            return [dict(zip(self.columns, row, strict=True)) for row in self.tuples[index]]
        return dict(zip(self.columns, self.tuples[index], strict=True))

    def __iter__(self) -> Iterator[Record]:
        columns = self.columns
        return (dict(zip(columns, row, strict=True)) for row in self.tuples)


def _money(money: Money | None) -> tuple[Any, Any, Any]:
    if money is None:
        return (None, None, None)
    unit = money.unit
    return (money.value, money.raw, None if unit is None else unit._value_)


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
        "money_unit": None if d.money_unit is None else d.money_unit.value,
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
    return {name: list(rows) for name, rows in table_rows(d, keys).items()}


def table_rows(d: Disclosure, keys: Mapping[str, Any]) -> dict[str, Rows]:
    """The records of :func:`table_records`, as :class:`Rows` of tuples.

    Each tuple holds the values of ``keys`` and then those of ``COLUMNS[name]``.
    """
    # Enums are StrEnums: ``_value_`` is their plain string, without the cost of
    # the ``value`` property (~130 enums per document).
    k = tuple(keys.values())
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in COLUMNS}
    tables, columns, rows, values = (
        out["budget_tables"],
        out["budget_columns"],
        out["budget_rows"],
        out["budget_values"],
    )
    for t_pos, table in enumerate(d.budget_tables):
        unit, loc = table.money_unit, table.location
        tables.append(
            (
                *k,
                t_pos,
                table.title,
                table.kind._value_,
                None if unit is None else unit._value_,
                _json_list(table.captions),
                table.note,
                None if loc is None else str(loc),
            )
        )
        for c_pos, column in enumerate(table.columns):
            side = column.side
            columns.append(
                (
                    *k,
                    t_pos,
                    c_pos,
                    column.key,
                    _json_list(column.header),
                    column.role._value_,
                    None if side is None else side._value_,
                    column.column_no,
                )
            )
        for r_pos, row in enumerate(table.rows):
            side, loc = row.side, row.location
            rows.append(
                (
                    *k,
                    t_pos,
                    r_pos,
                    row.seq,
                    row.code,
                    row.name,
                    None if side is None else side._value_,
                    None if loc is None else str(loc),
                )
            )
            values.extend(
                (*k, t_pos, r_pos, v_pos, cell.column, cell.raw, cell.value)
                for v_pos, cell in enumerate(row.values)
                if cell.value is not None or cell.raw.strip()
            )
    projects, indicators, plan = out["projects"], out["indicators"], out["spending_plan"]
    for p_pos, project in enumerate(d.projects):
        unit, loc = project.money_unit, project.location
        projects.append(
            (
                *k,
                p_pos,
                project.seq,
                project.title,
                project.project_name,
                project.project_code,
                project.unit_code,
                project.unit_name,
                project.scope._value_,
                None if unit is None else unit._value_,
                *_money(project.budget_total),
                *_money(project.budget_fiscal),
                *_money(project.budget_other),
                project.purpose,
                _json_list(project.goals),
                None if loc is None else str(loc),
            )
        )
        for i_pos, ind in enumerate(project.indicators):
            level1, level2, target, loc = ind.level1, ind.level2, ind.target, ind.location
            indicators.append(
                (
                    *k,
                    p_pos,
                    i_pos,
                    ind.index,
                    level1.raw,
                    None if level1.normalised is None else level1.normalised._value_,
                    level1.carried,
                    level2.raw,
                    None if level2.normalised is None else level2.normalised._value_,
                    level2.carried,
                    ind.level3,
                    ind.description,
                    target.raw,
                    target.kind._value_,
                    None if target.operator is None else target.operator._value_,
                    target.value,
                    target.unit,
                    target.wording,
                    target.direction,
                    target.deadline,
                    ind.basis,
                    ind.weight,
                    ind.direction,
                    None if loc is None else str(loc),
                )
            )
        for c_pos, checkpoint in enumerate(project.spending_plan):
            kind, loc = checkpoint.kind, checkpoint.location
            plan.append(
                (
                    *k,
                    p_pos,
                    c_pos,
                    checkpoint.month,
                    checkpoint.raw,
                    checkpoint.value,
                    None if kind is None else kind._value_,
                    None if loc is None else str(loc),
                )
            )
    names = tuple(keys)
    return {name: Rows(names + COLUMNS[name], data) for name, data in out.items()}
