"""The store, on SQLite and on PostgreSQL: round trip, versions, atomicity, migrations.

Each PostgreSQL test works in its own freshly created schema (``search_path`` in
the URL) and drops it afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from hypothesis import HealthCheck, given, settings
from sqlalchemy.engine import Engine
from strategies import disclosures, sample_disclosure

import jixiao.store.documents as documents_module
from jixiao.model import CellValue, Disclosure, Finding, Location, Severity
from jixiao.model.codec import disclosure_to_dict
from jixiao.store import (
    DocumentNotFoundError,
    SaveResult,
    connect,
    document_history,
    find_documents,
    list_documents,
    load_disclosure,
    load_disclosures,
    resolve_database_url,
    save_disclosure,
)
from jixiao.store.bulk import core_execute, core_insert_rows, insert_rows
from jixiao.store.database import migrations_config
from jixiao.store.packed import pack_disclosure, unpack_disclosure
from jixiao.store.records import COLUMNS, Rows, table_records, table_rows
from jixiao.store.schema import CHILD_TABLES, documents, metadata

ALL_TABLES = ("documents", *(t.name for t in CHILD_TABLES))


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for name, table in metadata.tables.items()
        }


def with_bytes(d: Disclosure, content: str) -> Disclosure:
    """``d`` as if read from a file with other bytes (another SHA-256)."""
    sha = hashlib.sha256(content.encode()).hexdigest()
    return dataclasses.replace(d, source=dataclasses.replace(d.source, sha256=sha))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(d=disclosures)
def test_save_disclosure__load_gives_back_what_was_saved(engine: Engine, d: Disclosure) -> None:
    d = with_bytes(d, uuid.uuid4().hex)  # each example is a new file for the shared database
    result = save_disclosure(engine, d)
    assert result.status in ("inserted", "new_version")
    assert load_disclosure(engine, result.document_id) == d


def test_save_disclosure__derived_rows_hold_the_values(engine: Engine) -> None:
    d = sample_disclosure()
    doc_id = save_disclosure(engine, d).document_id
    with engine.connect() as connection:
        cells = connection.execute(
            sa.text(
                "SELECT column_key, raw, value FROM budget_values "
                "WHERE document_id = :id ORDER BY row_position, position"
            ),
            {"id": doc_id},
        ).all()
        indicator = connection.execute(
            sa.text(
                "SELECT level1, level2_raw, level3, target_raw, target_kind, target_operator,"
                " target_value, target_unit FROM indicators"
                " WHERE document_id = :id AND position = 0"
            ),
            {"id": doc_id},
        ).one()
        deadline = connection.execute(
            sa.select(sa.column("target_deadline", sa.Date))
            .select_from(sa.table("indicators"))
            .where(sa.column("position") == 1)
        ).scalar_one()
        project = connection.execute(
            sa.text("SELECT project_name, budget_total, budget_total_unit FROM projects")
        ).one()
    # The blank 基本支出 cell of 行政运行 is only in the content.
    assert [(k, r, Decimal(str(v))) for k, r, v in cells] == [
        ("合计", "4131.67", Decimal("4131.67")),
        ("基本支出", "3000.00", Decimal("3000")),
        ("合计", "1131.67", Decimal("1131.67")),
    ]
    assert tuple(indicator[:6]) == (
        "output",
        "数量指标",
        "公务用车督导检查次数",
        "≥6次",
        "quantitative",
        "≥",
    )
    assert Decimal(str(indicator[6])) == 6 and indicator[7] == "次"
    assert deadline == dt.date(2025, 12, 31)
    assert project[0] == "公务用车运维" and Decimal(str(project[1])) == Decimal("35000")
    assert project[2] == "yuan"


def test_save_disclosure__same_bytes_unchanged(engine: Engine) -> None:
    first = save_disclosure(engine, sample_disclosure())
    before = counts(engine)
    again = save_disclosure(engine, sample_disclosure())
    assert first.status == "inserted" and first.version == 1
    assert again.status == "unchanged"
    assert (again.document_id, again.version) == (first.document_id, 1)
    assert counts(engine) == before
    assert before["documents"] == 1 and before["indicators"] == 3


def test_save_disclosure__new_bytes_new_version_history_kept(engine: Engine) -> None:
    v1 = sample_disclosure(content="v1")
    v2 = dataclasses.replace(sample_disclosure(content="v2"), unit_name="玉田县机关事务服务中心")
    other = sample_disclosure(unit_code="507001", fiscal_year=2024)
    r1 = save_disclosure(engine, v1)
    save_disclosure(engine, other)
    r2 = save_disclosure(engine, v2)
    assert (r2.status, r2.version) == ("new_version", 2)
    history = document_history(engine, "445001", 2025)
    assert [(h.id, h.version, h.is_current) for h in history] == [
        (r1.document_id, 1, False),
        (r2.document_id, 2, True),
    ]
    assert load_disclosure(engine, r1.document_id) == v1
    assert load_disclosure(engine, r2.document_id) == v2
    current = list_documents(engine)
    assert [(s.unit_code, s.version, s.unit_name) for s in current] == [
        ("445001", 2, "玉田县机关事务服务中心"),
        ("507001", 1, "玉田县机关事务中心"),
    ]
    assert len(list_documents(engine, current_only=False)) == 3
    assert counts(engine)["indicators"] == 9  # both versions keep their rows
    assert load_disclosures(engine) == [v2, other]


def test_list_documents__counts_and_lookups(engine: Engine) -> None:
    result = save_disclosure(engine, sample_disclosure())
    save_disclosure(engine, sample_disclosure(fiscal_year=2024))
    (summary, _) = find_documents(engine, "445001")
    assert summary.fiscal_year == 2024  # ordered by year
    (summary,) = find_documents(engine, "445001", 2025)
    assert summary.id == result.document_id
    assert (summary.budget_tables, summary.projects, summary.indicators) == (1, 1, 3)
    assert summary.unparsed_targets == 1
    assert summary.is_current is True
    assert summary.ingested_at.tzinfo is not None
    assert summary.source_path == "445001_2025.txt"
    assert find_documents(engine, "999999") == []


def test_load_disclosure__unknown_id(engine: Engine) -> None:
    with pytest.raises(DocumentNotFoundError, match="42"):
        load_disclosure(engine, 42)


def test_save_disclosure__failure_mid_write_leaves_nothing(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    v1 = sample_disclosure(content="v1")
    save_disclosure(engine, v1)
    before = counts(engine)

    def failing(connection: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
        if table.name == "indicators":  # after budget rows and projects were written
            raise RuntimeError("disk full")
        insert_rows(connection, table, rows)

    monkeypatch.setattr(documents_module, "insert_rows", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        save_disclosure(engine, sample_disclosure(content="v2"))
    with pytest.raises(RuntimeError, match="disk full"):
        save_disclosure(engine, sample_disclosure(unit_code="507001"))
    assert counts(engine) == before
    (current,) = list_documents(engine)
    assert (current.version, current.is_current) == (1, True)


def derived_rows(engine: Engine, document_id: int) -> dict[str, list[tuple]]:
    """Every derived row of a document, without its id, in key order."""
    out = {}
    with engine.connect() as connection:
        for table in CHILD_TABLES:
            columns = [c for c in table.columns if c.name != "document_id"]
            query = sa.select(*columns).where(table.c.document_id == document_id)
            out[table.name] = [tuple(r) for r in connection.execute(query.order_by(*columns[:3]))]
    return out


def test_save_disclosure__driver_fast_path_writes_what_core_writes(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = save_disclosure(engine, sample_disclosure()).document_id
    with monkeypatch.context() as patch:
        patch.setattr(documents_module, "insert_rows", core_insert_rows)
        core = save_disclosure(engine, with_bytes(sample_disclosure(), "core")).document_id
    rows = derived_rows(engine, fast)
    assert all(rows.values())
    assert rows == derived_rows(engine, core)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(d=disclosures)
def test_save_disclosure__fast_path_equals_core_for_any_document(
    engine: Engine, d: Disclosure
) -> None:
    fast = save_disclosure(engine, with_bytes(d, uuid.uuid4().hex)).document_id
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(documents_module, "insert_rows", core_insert_rows)
        core = save_disclosure(engine, with_bytes(d, uuid.uuid4().hex)).document_id
    assert derived_rows(engine, fast) == derived_rows(engine, core)


def test_save_disclosure__retries_after_a_concurrent_writer(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unique-key clash (another process took the version number) is read again."""
    save_disclosure(engine, sample_disclosure(content="v1"))
    real_save = documents_module._save
    calls = []

    def racing(connection: sa.Connection, d: Disclosure, content: str) -> SaveResult:
        calls.append(d.source.sha256)
        if len(calls) == 1:  # the other writer commits v2 first; our insert then clashes
            v2 = sample_disclosure(content="v2")
            with engine.begin() as other:
                real_save(other, v2, pack_disclosure(v2))
            raise sa.exc.IntegrityError("INSERT INTO documents", {}, Exception("unique"))
        return real_save(connection, d, content)

    monkeypatch.setattr(documents_module, "_save", racing)
    result = save_disclosure(engine, sample_disclosure(content="v3"))
    assert (result.status, result.version) == ("new_version", 3)
    assert len(calls) == 2
    assert [h.version for h in document_history(engine, "445001", 2025)] == [1, 2, 3]


def test_documents__delete_cascades_to_derived_rows(engine: Engine) -> None:
    doc_id = save_disclosure(engine, sample_disclosure()).document_id
    with engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM documents WHERE id = :id"), {"id": doc_id})
    assert set(counts(engine).values()) == {0}


def test_connect__migrates_empty_database_then_no_op(database_url: str) -> None:
    head = ScriptDirectory.from_config(migrations_config()).get_current_head()
    engine = connect(database_url)
    try:
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == head
            assert set(ALL_TABLES) <= set(sa.inspect(connection).get_table_names())
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
        save_disclosure(engine, sample_disclosure())
    finally:
        engine.dispose()
    again = connect(database_url)
    try:
        with again.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == head
        assert [s.unit_code for s in list_documents(again)] == ["445001"]
    finally:
        again.dispose()


def test_resolve_database_url__precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JIXIAO_DATABASE_URL", raising=False)
    assert resolve_database_url(None) == f"sqlite:///{tmp_path / 'jixiao.db'}"
    monkeypatch.setenv("JIXIAO_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert resolve_database_url(None) == "postgresql+psycopg://u@h/db"
    assert resolve_database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert resolve_database_url("data/my.db") == f"sqlite:///{tmp_path / 'data' / 'my.db'}"


def test_connect__plain_path_creates_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "jixiao.db"
    engine = connect(resolve_database_url(str(path)))
    try:
        save_disclosure(engine, sample_disclosure())
    finally:
        engine.dispose()
    assert path.is_file()


# --- the stored form (store.packed) ---------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(d=disclosures)
def test_pack_disclosure__round_trip_is_exact(d: Disclosure) -> None:
    text = pack_disclosure(d)
    assert unpack_disclosure(text) == d
    assert pack_disclosure(unpack_disclosure(text)) == text
    assert isinstance(json.loads(text), list)  # JSON, readable by any tool


def test_pack_disclosure__compact_layout_of_sample() -> None:
    d = sample_disclosure()
    packed = json.loads(pack_disclosure(d))
    assert packed[:4] == [1, "445001", "玉田县机关事务中心", 2025]
    titles = packed[12]
    (table,) = packed[7]
    row = table[6][1]  # 行政运行: the blank 基本支出 cell is kept, by column index
    assert row[:3] == [None, "2010301", "行政运行"]
    assert row[4] == [2, "1131.67", "1131.67", 3, "", None]
    # Location without the source path; the table by its index in the titles.
    assert row[5] == [13, None, titles.index("部门预算支出总表"), 2, None]
    interchange = json.dumps(disclosure_to_dict(d), ensure_ascii=False, separators=(",", ":"))
    assert len(pack_disclosure(d)) < 0.6 * len(interchange)


def test_pack_disclosure__keeps_other_files_and_unknown_columns() -> None:
    d = with_first_row_cells(
        sample_disclosure(),
        CellValue(column="合计", raw="4131.67", value=Decimal("4131.67")),
        CellValue(column="备注", raw="注1", value=None),  # no such column in the table
    )
    (table,) = d.budget_tables
    row = dataclasses.replace(
        table.rows[0], location=Location(file="附件.txt", line=3, table="附表", column="合计")
    )
    d = dataclasses.replace(
        d, budget_tables=(dataclasses.replace(table, rows=(row, *table.rows[1:])),)
    )
    assert unpack_disclosure(pack_disclosure(d)) == d


def with_first_row_cells(d: Disclosure, *cells: CellValue) -> Disclosure:
    """``d`` with the cells of its first budget row replaced by ``cells``."""
    (table,) = d.budget_tables
    row = dataclasses.replace(table.rows[0], values=cells)
    table = dataclasses.replace(table, rows=(row, *table.rows[1:]))
    return dataclasses.replace(d, budget_tables=(table,))


@pytest.mark.parametrize(
    "broken",
    [
        with_first_row_cells(
            sample_disclosure(), CellValue(column="合计", raw="?", value=Decimal("NaN"))
        ),
        with_first_row_cells(
            sample_disclosure(),
            CellValue(column="合计", raw="1", value=Decimal(1)),
            CellValue(column="合计", raw="2", value=Decimal(2)),
        ),
        dataclasses.replace(
            sample_disclosure(),
            notes=(
                Finding(rule="r", severity=Severity.INFO, message="m", fields=(("a", "1"),) * 2),
            ),
        ),
    ],
    ids=["nan", "two-cells-one-column", "repeated-finding-field"],
)
def test_pack_disclosure__refuses_what_the_interchange_format_cannot_hold(
    broken: Disclosure,
) -> None:
    """What could be stored could not be exported: a save refuses it, as before."""
    with pytest.raises(ValueError):
        disclosure_to_dict(broken)
    with pytest.raises(ValueError):
        pack_disclosure(broken)


def test_unpack_disclosure__reads_interchange_content_and_refuses_unknown_versions() -> None:
    d = sample_disclosure()
    assert unpack_disclosure(json.dumps(disclosure_to_dict(d), ensure_ascii=False)) == d
    packed = json.loads(pack_disclosure(d))
    packed[0] = 99
    with pytest.raises(ValueError, match="99"):
        unpack_disclosure(json.dumps(packed))


def test_load_disclosure__reads_content_stored_before_the_packed_form(engine: Engine) -> None:
    """Databases written by earlier jixiao hold the interchange JSON in ``content``."""
    d = sample_disclosure()
    doc_id = save_disclosure(engine, d).document_id
    legacy = json.dumps(disclosure_to_dict(d), ensure_ascii=False, separators=(",", ":"))
    with engine.begin() as connection:
        connection.execute(
            sa.update(documents).where(documents.c.id == doc_id).values(content=legacy)
        )
    assert load_disclosure(engine, doc_id) == d
    assert load_disclosures(engine) == [d]


# --- derived rows and the driver paths ------------------------------------------------


def test_records__columns_are_the_tables_columns_in_order() -> None:
    assert list(COLUMNS) == [t.name for t in CHILD_TABLES]
    for table in CHILD_TABLES:
        assert ("document_id", *COLUMNS[table.name]) == tuple(c.name for c in table.columns)


def test_table_rows__read_as_the_records_of_table_records() -> None:
    d = sample_disclosure()
    keys = {"unit_code": "445001", "fiscal_year": 2025}
    rows, records = table_rows(d, keys), table_records(d, keys)
    assert list(rows) == list(records)
    for name, table in rows.items():
        assert isinstance(table, Rows)
        assert list(table) == records[name]
        assert [table[i] for i in range(len(table))] == records[name]
        assert table[1:] == records[name][1:]
    assert records["indicators"][1]["target_deadline"] == dt.date(2025, 12, 31)
    assert records["indicators"][0]["level1"] == "output"
    assert type(records["indicators"][0]["level1"]) is str  # the enum's value, not the enum


def document_row(engine: Engine, document_id: int) -> dict:
    """The documents row of ``document_id`` without what differs between two saves."""
    with engine.connect() as connection:
        row = connection.execute(sa.select(documents).where(documents.c.id == document_id)).one()
    values = dict(row._mapping)
    assert values.pop("ingested_at") is not None
    for key in ("id", "sha256", "content"):
        del values[key]
    return values


def test_save_disclosure__driver_statements_write_what_core_writes(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``documents`` written through the driver (store.bulk.driver_execute) as by Core."""
    fast_v1 = save_disclosure(engine, sample_disclosure(content="v1"))
    fast_v2 = save_disclosure(engine, sample_disclosure(content="v2"))
    with monkeypatch.context() as patch:
        patch.setattr(documents_module, "driver_execute", core_execute)
        core_v1 = save_disclosure(engine, sample_disclosure(unit_code="507001", content="v1"))
        core_v2 = save_disclosure(engine, sample_disclosure(unit_code="507001", content="v2"))
        again = save_disclosure(engine, sample_disclosure(unit_code="507001", content="v2"))
    assert [r.status for r in (fast_v1, fast_v2, core_v1, core_v2, again)] == [
        "inserted",
        "new_version",
        "inserted",
        "new_version",
        "unchanged",
    ]
    for fast, core in ((fast_v1, core_v1), (fast_v2, core_v2)):
        fast_row, core_row = (
            document_row(engine, fast.document_id),
            document_row(engine, core.document_id),
        )
        assert fast_row.pop("unit_code") == "445001" and core_row.pop("unit_code") == "507001"
        assert fast_row.pop("source_path") == "445001_2025.txt"
        assert core_row.pop("source_path") == "507001_2025.txt"
        assert fast_row == core_row
    assert [s.is_current for s in list_documents(engine, current_only=False)] == [
        False,
        True,
        False,
        True,
    ]
    summary = find_documents(engine, "445001")[0]
    assert summary.ingested_at.tzinfo is not None
    with engine.connect() as connection:
        times = connection.execute(sa.select(documents.c.ingested_at)).scalars().all()
    assert len({type(t) for t in times}) == 1  # read back alike, whichever path wrote them


def test_save_disclosure__driver_errors_are_sqlalchemy_errors_and_roll_back(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A constraint the database enforces on a fast path fails as a SQLAlchemy error."""
    save_disclosure(engine, sample_disclosure(content="v1"))
    before = counts(engine)

    def orphan_indicators(connection: sa.Connection, table: sa.Table, rows: Rows) -> None:
        if table.name == "indicators":  # point them at a project that does not exist
            position = table.columns.keys().index("project_position")
            rows = Rows(
                rows.columns, [(*r[:position], 99, *r[position + 1 :]) for r in rows.tuples]
            )
        insert_rows(connection, table, rows)

    monkeypatch.setattr(documents_module, "insert_rows", orphan_indicators)
    with pytest.raises(sa.exc.IntegrityError):
        save_disclosure(engine, sample_disclosure(content="v2"))
    assert counts(engine) == before
    (current,) = list_documents(engine)
    assert (current.version, current.is_current) == (1, True)
