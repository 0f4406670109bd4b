"""Saving and loading disclosures: one transaction per document, versions kept.

A document is identified by the SHA-256 of its file's bytes. Saving the same bytes
again changes nothing; saving other bytes for a unit and year that is already
stored adds version n+1 and makes it the current one, and earlier versions stay
(history is never overwritten).

A save is kept to ~4 ms on the 2-core reference machine (SQLite), so that reading
and storing together reach 100 documents/s: the document is stored in its compact
form (``store.packed``), the derived rows are built as tuples (``store.records``)
and written in bulk, and the three statements on ``documents`` go to the driver
without SQLAlchemy's per-call work (``store.bulk``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from jixiao.model import Disclosure
from jixiao.store.bulk import batch, driver_execute, insert_rows, write_retrying
from jixiao.store.packed import pack_disclosure, unpack_disclosure
from jixiao.store.records import table_rows
from jixiao.store.schema import CHILD_TABLES, budget_tables, documents, indicators, projects

SaveStatus = Literal["inserted", "unchanged", "new_version"]


class DocumentNotFoundError(LookupError):
    """No stored document has the requested id; the message is Chinese."""

    def __init__(self, document_id: int) -> None:
        self.document_id = document_id
        super().__init__(f"数据库中没有编号为 {document_id} 的文件")


@dataclass(frozen=True, slots=True, kw_only=True)
class SaveResult:
    """What :func:`save_disclosure` did: the stored row's id, status and version.

    ``status``: ``inserted`` (first version of its unit and year), ``unchanged``
    (these bytes were stored before; nothing written) or ``new_version``.
    """

    document_id: int
    status: SaveStatus
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentSummary:
    """One stored document version, with counts of what was read from it.

    ``unparsed_targets`` counts indicators whose target kind is ``unparsed``.
    ``ingested_at`` is timezone-aware (UTC).
    """

    id: int
    unit_code: str
    unit_name: str
    fiscal_year: int
    version: int
    is_current: bool
    projects: int
    indicators: int
    budget_tables: int
    unparsed_targets: int
    ingested_at: dt.datetime
    source_path: str
    sha256: str


def save_disclosure(engine: Engine, d: Disclosure) -> SaveResult:
    """Store ``d`` in one transaction: all of it or, on any error, nothing.

    Money values are stored as read, in their table's or project's unit (元/万元).
    Raises ``ValueError`` when ``d`` cannot be encoded (see
    :func:`~jixiao.model.codec.disclosure_to_dict`) and SQLAlchemy errors when the
    database fails; the transaction is then rolled back.
    """
    content = pack_disclosure(d)
    return write_retrying(engine, lambda connection: _save(connection, d, content))


# Built once and run on the driver (store.bulk.driver_execute): building a statement
# and running it through Core cost more than SQLite takes to execute it.
_c = documents.c
# (Bound names differ from column names: UPDATE reserves those for its SET clause.)
_same_unit_year = (_c.unit_code == sa.bindparam("unit")) & (_c.fiscal_year == sa.bindparam("year"))
# One round trip: the row holding these bytes, if any, and the latest version of
# the unit and year (both through an index: sha256 is unique, the other leads
# ix_documents_unit_code_fiscal_year).
_LOOKUP = sa.select(
    sa.select(_c.id).where(_c.sha256 == sa.bindparam("sha")).scalar_subquery(),
    sa.select(_c.version).where(_c.sha256 == sa.bindparam("sha")).scalar_subquery(),
    sa.select(sa.func.max(_c.version)).where(_same_unit_year).scalar_subquery(),
)
_RETIRE = sa.update(documents).where(_same_unit_year & _c.is_current).values(is_current=False)
_INSERT = sa.insert(documents).returning(_c.id)


def save_disclosure_in(connection: Connection, d: Disclosure) -> SaveResult:
    """Store ``d`` inside the caller's transaction (``connection``), for a write that
    stores more beside it all-or-nothing (``store.actuals.save_with_disclosure``).
    Raises as :func:`save_disclosure` does, leaving the rollback to the caller."""
    return _save(connection, d, pack_disclosure(d))


def _save(connection: Connection, d: Disclosure, content: str) -> SaveResult:
    s = d.source
    unit_year = {"unit": d.unit_code, "year": d.fiscal_year}
    [(stored_id, stored_version, latest)] = driver_execute(
        connection, _LOOKUP, {"sha": s.sha256, **unit_year}
    )
    if stored_id is not None:
        return SaveResult(document_id=stored_id, status="unchanged", version=stored_version)
    if latest is not None:
        driver_execute(connection, _RETIRE, unit_year)
    version = (latest or 0) + 1
    [(document_id,)] = driver_execute(
        connection,
        _INSERT,
        {
            "unit_code": d.unit_code,
            "unit_name": d.unit_name,
            "fiscal_year": d.fiscal_year,
            "sha256": s.sha256,
            "source_path": s.path,
            "layout": s.layout.value,
            "encoding": s.encoding,
            "size_bytes": s.size_bytes,
            "version": version,
            "is_current": True,
            "ingested_at": dt.datetime.now(dt.UTC),
            "money_unit": None if d.money_unit is None else d.money_unit.value,
            "content": content,
        },
    )
    rows = table_rows(d, {"document_id": document_id})
    with batch(connection):
        for table in CHILD_TABLES:
            insert_rows(connection, table, rows[table.name])
    status: SaveStatus = "inserted" if latest is None else "new_version"
    return SaveResult(document_id=document_id, status=status, version=version)


def load_disclosure(engine: Engine, document_id: int) -> Disclosure:
    """The disclosure stored under ``document_id``, exactly as it was saved.

    Raises :class:`DocumentNotFoundError` when there is no such document.
    """
    with engine.connect() as connection:
        content = connection.execute(
            sa.select(documents.c.content).where(documents.c.id == document_id)
        ).scalar()
    if content is None:
        raise DocumentNotFoundError(document_id)
    return unpack_disclosure(content)


def load_disclosures(engine: Engine, *, current_only: bool = True) -> list[Disclosure]:
    """All stored disclosures (current versions only by default), by unit, year, version."""
    query = sa.select(documents.c.content).order_by(
        documents.c.unit_code, documents.c.fiscal_year, documents.c.version
    )
    if current_only:
        query = query.where(documents.c.is_current)
    with engine.connect() as connection:
        return [unpack_disclosure(c) for c in connection.execute(query).scalars()]


def _count(table: sa.Table, *conditions: Any) -> sa.ScalarSelect[int]:
    return (
        sa.select(sa.func.count())
        .select_from(table)
        .where(table.c.document_id == documents.c.id, *conditions)
        .scalar_subquery()
    )


def _summaries(engine: Engine, *conditions: Any) -> list[DocumentSummary]:
    d = documents.c
    query = (
        sa.select(
            d.id,
            d.unit_code,
            d.unit_name,
            d.fiscal_year,
            d.version,
            d.is_current,
            _count(projects).label("projects"),
            _count(indicators).label("indicators"),
            _count(budget_tables).label("budget_tables"),
            _count(indicators, indicators.c.target_kind == "unparsed").label("unparsed_targets"),
            d.ingested_at,
            d.source_path,
            d.sha256,
        )
        .where(*conditions)
        .order_by(d.unit_code, d.fiscal_year, d.version)
    )
    with engine.connect() as connection:
        rows: Sequence[sa.Row[Any]] = connection.execute(query).all()
    return [_summary(row._mapping) for row in rows]


def _summary(row: Any) -> DocumentSummary:
    values = dict(row)
    ingested_at = values["ingested_at"]
    if ingested_at.tzinfo is None:  # SQLite keeps no zone; we always write UTC
        values["ingested_at"] = ingested_at.replace(tzinfo=dt.UTC)
    values["is_current"] = bool(values["is_current"])
    return DocumentSummary(**values)


def list_documents(engine: Engine, *, current_only: bool = True) -> list[DocumentSummary]:
    """Stored documents by unit code, year and version; only current versions by default."""
    return _summaries(engine, *([documents.c.is_current] if current_only else []))


def find_documents(
    engine: Engine, unit_code: str, fiscal_year: int | None = None, current_only: bool = True
) -> list[DocumentSummary]:
    """Documents of ``unit_code`` (and ``fiscal_year`` when given), by year and version."""
    conditions: list[Any] = [documents.c.unit_code == unit_code]
    if fiscal_year is not None:
        conditions.append(documents.c.fiscal_year == fiscal_year)
    if current_only:
        conditions.append(documents.c.is_current)
    return _summaries(engine, *conditions)


def find_document_by_sha256(engine: Engine, sha256: str) -> DocumentSummary | None:
    """The stored document read from the file with this SHA-256 (hex), if any: a
    file is stored once, under one unit code."""
    found = _summaries(engine, documents.c.sha256 == sha256)
    return found[0] if found else None


def document_history(engine: Engine, unit_code: str, fiscal_year: int) -> list[DocumentSummary]:
    """Every version stored for a unit and year, oldest first; the last is current."""
    return find_documents(engine, unit_code, fiscal_year, current_only=False)
