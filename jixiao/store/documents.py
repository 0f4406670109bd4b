"""Saving and loading disclosures: one transaction per document, versions kept.

A document is identified by the SHA-256 of its file's bytes. Saving the same bytes
again changes nothing; saving other bytes for a unit and year that is already
stored adds version n+1 and makes it the current one, and earlier versions stay
(history is never overwritten). Derived rows are written in bulk (``store.bulk``),
never object by object, to keep ingest fast.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from jixiao.model import Disclosure
from jixiao.model.codec import disclosure_from_dict, disclosure_to_dict
from jixiao.store.bulk import insert_rows
from jixiao.store.records import document_record, table_records
from jixiao.store.schema import CHILD_TABLES, budget_tables, documents, indicators, projects

SaveStatus = Literal["inserted", "unchanged", "new_version"]
_SAVE_ATTEMPTS = 3  # a concurrent writer can take the version number we chose


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
    content = json.dumps(disclosure_to_dict(d), ensure_ascii=False, separators=(",", ":"))
    for attempt in range(1, _SAVE_ATTEMPTS + 1):
        try:
            with engine.begin() as connection:
                return _save(connection, d, content)
        except IntegrityError:
            # Another writer stored the same bytes or took our version number
            # between our read and our insert; read again and decide again.
            if attempt == _SAVE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _save(connection: Connection, d: Disclosure, content: str) -> SaveResult:
    stored = connection.execute(
        sa.select(documents.c.id, documents.c.version).where(documents.c.sha256 == d.source.sha256)
    ).first()
    if stored is not None:
        return SaveResult(document_id=stored.id, status="unchanged", version=stored.version)

    same_unit_year = (documents.c.unit_code == d.unit_code) & (
        documents.c.fiscal_year == d.fiscal_year
    )
    latest = connection.execute(
        sa.select(sa.func.max(documents.c.version)).where(same_unit_year)
    ).scalar()
    if latest is not None:
        connection.execute(
            sa.update(documents)
            .where(same_unit_year & documents.c.is_current)
            .values(is_current=False)
        )
    version = (latest or 0) + 1
    read = {k: v for k, v in document_record(d).items() if k in documents.c}
    document_id = connection.execute(
        sa.insert(documents)
        .values(
            **read,
            version=version,
            is_current=True,
            ingested_at=dt.datetime.now(dt.UTC),
            content=content,
        )
        .returning(documents.c.id)
    ).scalar_one()
    records = table_records(d, {"document_id": document_id})
    for table in CHILD_TABLES:
        insert_rows(connection, table, records[table.name])
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
    return disclosure_from_dict(json.loads(content))


def load_disclosures(engine: Engine, *, current_only: bool = True) -> list[Disclosure]:
    """All stored disclosures (current versions only by default), by unit, year, version."""
    query = sa.select(documents.c.content).order_by(
        documents.c.unit_code, documents.c.fiscal_year, documents.c.version
    )
    if current_only:
        query = query.where(documents.c.is_current)
    with engine.connect() as connection:
        return [disclosure_from_dict(json.loads(c)) for c in connection.execute(query).scalars()]


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


def document_history(engine: Engine, unit_code: str, fiscal_year: int) -> list[DocumentSummary]:
    """Every version stored for a unit and year, oldest first; the last is current."""
    return find_documents(engine, unit_code, fiscal_year, current_only=False)
