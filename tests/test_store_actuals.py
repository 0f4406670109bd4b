"""Actuals reports in the store, on SQLite and on PostgreSQL: exact round trip,
versions and the current flag, duplicate files, atomicity, derived rows, lookups and
the 0003 migration."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from hypothesis import HealthCheck, given, settings
from sqlalchemy.engine import Engine
from strategies import sample_disclosure
from test_actuals_codec import actuals_reports, sample_report

import jixiao.store.actuals as actuals_module
from jixiao.model.actuals import ActualsKind, ActualsReport
from jixiao.model.actuals_codec import actuals_to_dict
from jixiao.store import (
    ActualsNotFoundError,
    ActualsSaveResult,
    DocumentNotFoundError,
    DuplicateActualsError,
    actuals_history,
    connect,
    current_actuals,
    list_actuals,
    load_actuals,
    load_disclosure,
    save_actuals,
    save_disclosure,
)
from jixiao.store.bulk import core_insert_rows, insert_rows
from jixiao.store.database import create_engine, migrations_config
from jixiao.store.schema import ACTUALS_CHILD_TABLES, metadata

ACTUALS_TABLES = ("actuals_reports", "actual_projects", "actual_indicators")
MONITORING, SELF_EVALUATION = ActualsKind.MONITORING, ActualsKind.SELF_EVALUATION


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for name, table in metadata.tables.items()
        }


def versions(engine: Engine, kind: ActualsKind = MONITORING, period: int = 7) -> list[tuple]:
    """(version, is_current, project_count) of each stored version of 445001/2025."""
    history = actuals_history(engine, "445001", 2025, kind, period)
    return [(h.version, h.is_current, h.project_count) for h in history]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(report=actuals_reports(aware=False))
def test_save_actuals__load_gives_back_what_was_saved(
    engine: Engine, report: ActualsReport
) -> None:
    """Every generated report (all optional fields sometimes None, entered_at naive
    or with any offset) loads back equal, and keeps entered_at's own UTC offset."""
    if report.sha256 is not None:  # each example is a new file for the shared database
        report = dataclasses.replace(report, sha256=uuid.uuid4().hex * 2)
    result = save_actuals(engine, report)
    back = load_actuals(engine, result.report_id)
    assert back == report
    if report.entered_at is not None:
        assert back.entered_at is not None
        assert back.entered_at.utcoffset() == report.entered_at.utcoffset()
    (summary,) = actuals_history(
        engine, report.unit_code, report.fiscal_year, report.kind, report.period_month
    )[-1:]
    assert summary.id == result.report_id and summary.is_current


def test_save_actuals__derived_rows_hold_the_values(engine: Engine) -> None:
    """sample_report(): project 1 reports its 年度资金总额 row (35000.00 budget,
    21,000.00 spent, 35000.00 projected, 元); project 2 has only a 财政拨款 row, so its
    total columns are NULL. Indicator 1: actual 4次 of projected ≥6次, 有可能, causes
    人员保障 and 其他, 10.0 points, 7.5 claimed; indicator 2 a deadline, 达成."""
    report_id = save_actuals(engine, sample_report()).report_id
    with engine.connect() as connection:
        projects = connection.execute(
            sa.text(
                "SELECT position, project_seq, project_name, project_code, money_unit,"
                " budget_initial, budget_adjusted, spent, spent_raw, projected, projected_raw,"
                " goal_achieved, execution_note, location"
                " FROM actual_projects WHERE report_id = :id ORDER BY position"
            ),
            {"id": report_id},
        ).all()
        indicators = connection.execute(
            sa.text(
                "SELECT project_position, position, indicator_index, level3, actual_raw,"
                " actual_value, projected_raw, projected_value, likelihood, deviation_causes,"
                " deviation_note, improvement, remark, achievement, weight, claimed_score, location"
                " FROM actual_indicators WHERE report_id = :id ORDER BY position"
            ),
            {"id": report_id},
        ).all()
        spent_total = connection.execute(
            sa.text("SELECT SUM(spent) FROM actual_projects WHERE money_unit = 'yuan'")
        ).scalar_one()

    def number(value: object) -> Decimal | None:
        return None if value is None else Decimal(str(value))

    first, second = projects
    assert tuple(first[:5]) == (0, 1, "公务用车运维", "1302225P000001", "yuan")
    assert [number(v) for v in first[5:8]] == [Decimal(35000), Decimal(35000), Decimal(21000)]
    assert (first[8], number(first[9]), first[10]) == ("21,000.00", Decimal(35000), "35000.00")
    assert tuple(first[11:]) == (
        "公务用车运行平稳",
        None,
        "445001_2025_monitoring_7.xlsx 项目1",
    )
    assert tuple(second) == (
        1,
        2,
        "办公用房维修",
        None,
        "wan_yuan",
        *([None] * 6),
        None,
        "维修项目招标未完成",
        None,
    )
    count, deadline = indicators
    assert tuple(count[:5]) == (0, 0, 1, "公务用车督导检查次数", "4次")
    assert (number(count[5]), count[6], number(count[7])) == (Decimal(4), "≥6次", Decimal(6))
    assert tuple(count[8:14]) == (
        "possible",
        "staffing,other",
        "上半年人员调整，检查推迟",
        "下半年每月检查一次",
        None,
        None,
    )
    assert (number(count[14]), number(count[15])) == (Decimal("10"), Decimal("7.5"))
    assert count[16] == "445001_2025_monitoring_7.xlsx 项目1 第12行 1-7月完成情况"
    assert tuple(deadline[2:10]) == (
        2,
        "完成时间",
        "2025年11月底",
        None,
        None,
        None,
        "certain",
        None,
    )
    assert (deadline[12], deadline[13], deadline[14]) == ("按计划推进", "achieved", None)
    assert number(spent_total) == Decimal(21000)


def test_save_actuals__new_versions_current_flag_and_history(engine: Engine) -> None:
    """Three filings of July (v1, v2, then one not from a file) make versions 1–3, each
    replacing the one before as current; June and the self-evaluation are other keys
    and keep their own version 1."""
    r1 = save_actuals(engine, sample_report(content="v1"))
    june = save_actuals(engine, sample_report(period_month=6))
    r2 = save_actuals(engine, sample_report(content="v2", spent="28000.00"))
    r3 = save_actuals(engine, sample_report(content=None))
    year_end = save_actuals(engine, sample_report(kind=SELF_EVALUATION, period_month=12))
    assert r1 == ActualsSaveResult(report_id=r1.report_id, version=1, replaced_version=None)
    assert (r2.version, r2.replaced_version, r3.version, r3.replaced_version) == (2, 1, 3, 2)
    assert (june.version, june.replaced_version, year_end.version) == (1, None, 1)
    assert versions(engine) == [(1, False, 2), (2, False, 2), (3, True, 2)]
    assert [h.id for h in actuals_history(engine, "445001", 2025, "monitoring", 7)] == [
        r1.report_id,
        r2.report_id,
        r3.report_id,
    ]
    assert load_actuals(engine, r1.report_id) == sample_report(content="v1")
    assert load_actuals(engine, r2.report_id) == sample_report(content="v2", spent="28000.00")
    assert counts(engine)["actual_indicators"] == 5 * 2  # every version keeps its rows


def test_save_actuals__same_file_refused_nothing_written(engine: Engine) -> None:
    """The v1 workbook imported again after v2 is refused, naming version 1 and its
    import time; nothing changes, v2 stays current. The same bytes under another
    period are another key and are stored."""
    first = save_actuals(engine, sample_report(content="v1"))
    save_actuals(engine, sample_report(content="v2"))
    before = counts(engine)
    (stored_v1, _) = actuals_history(engine, "445001", 2025, MONITORING, 7)
    with pytest.raises(DuplicateActualsError, match="导入为第 1 版") as raised:
        save_actuals(engine, sample_report(content="v1"))
    when = stored_v1.imported_at.astimezone(dt.UTC)
    assert f"该文件已于 {when:%Y-%m-%d %H:%M}（UTC）导入为第 1 版" in str(raised.value)
    assert (raised.value.report_id, raised.value.version) == (first.report_id, 1)
    assert counts(engine) == before
    assert versions(engine) == [(1, False, 2), (2, True, 2)]
    moved = dataclasses.replace(sample_report(period_month=8), sha256=sample_report().sha256)
    assert save_actuals(engine, moved).version == 1


def test_save_actuals__failure_mid_write_leaves_nothing(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while writing indicator rows (after the report row, the retirement of
    v1 and the project rows) rolls all of it back: v1 stays the only, current version."""
    save_actuals(engine, sample_report(content="v1"))
    before = counts(engine)

    def failing(connection: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
        if table.name == "actual_indicators":
            raise RuntimeError("disk full")
        insert_rows(connection, table, rows)

    monkeypatch.setattr(actuals_module, "insert_rows", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        save_actuals(engine, sample_report(content="v2"))
    with pytest.raises(RuntimeError, match="disk full"):
        save_actuals(engine, sample_report(unit_code="507001"))
    assert counts(engine) == before
    assert versions(engine) == [(1, True, 2)]


def test_save_actuals__driver_fast_path_writes_what_core_writes(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk path of store.bulk (sqlite3 executemany, psycopg JSON insert) stores the
    same derived values as a plain Core insert."""
    fast = save_actuals(engine, sample_report(content="fast")).report_id
    with monkeypatch.context() as patch:
        patch.setattr(actuals_module, "insert_rows", core_insert_rows)
        core = save_actuals(engine, sample_report(content="core")).report_id

    def rows(report_id: int) -> dict[str, list[tuple]]:
        out = {}
        with engine.connect() as connection:
            for table in ACTUALS_CHILD_TABLES:
                columns = [c for c in table.columns if c.name != "report_id"]
                query = sa.select(*columns).where(table.c.report_id == report_id)
                out[table.name] = [
                    tuple(r) for r in connection.execute(query.order_by(*columns[:2]))
                ]
        return out

    assert [len(v) for v in rows(fast).values()] == [2, 2]
    assert rows(fast) == rows(core)


def test_save_actuals__retries_after_a_concurrent_writer(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unique-key clash (another process stored v2 first) is read again: ours is v3."""
    save_actuals(engine, sample_report(content="v1"))
    real_save = actuals_module._save
    calls = []

    def racing(connection, report, content, document_id):  # type: ignore[no-untyped-def]
        calls.append(report.sha256)
        if len(calls) == 1:
            v2 = sample_report(content="v2")
            with engine.begin() as other:
                real_save(other, v2, actuals_module._json(actuals_to_dict(v2)), None)
            raise sa.exc.IntegrityError("INSERT INTO actuals_reports", {}, Exception("unique"))
        return real_save(connection, report, content, document_id)

    monkeypatch.setattr(actuals_module, "_save", racing)
    result = save_actuals(engine, sample_report(content="v3"))
    assert (result.version, result.replaced_version, len(calls)) == (3, 2, 2)
    assert versions(engine) == [(1, False, 2), (2, False, 2), (3, True, 2)]


def test_current_actuals__by_period_and_latest_period(engine: Engine) -> None:
    """Current versions: June v1, July v2 (v1 retired), year-end self-evaluation v1.
    Without a period the latest monitoring period, July, answers."""
    save_actuals(engine, sample_report(period_month=6))
    save_actuals(engine, sample_report(content="v1"))
    july = sample_report(content="v2", spent="30000.00")
    save_actuals(engine, july)
    year_end = sample_report(kind=SELF_EVALUATION, period_month=12)
    save_actuals(engine, year_end)
    assert current_actuals(engine, "445001", 2025, MONITORING, 7) == july
    assert current_actuals(engine, "445001", 2025, "monitoring") == july
    june = current_actuals(engine, "445001", 2025, MONITORING, 6)
    assert june is not None and june.period_month == 6
    assert current_actuals(engine, "445001", 2025, SELF_EVALUATION) == year_end
    assert current_actuals(engine, "445001", 2025, MONITORING, 9) is None
    assert current_actuals(engine, "445001", 2024, MONITORING) is None
    assert current_actuals(engine, "507001", 2025, MONITORING) is None


def test_list_actuals__filters_order_and_counts(engine: Engine) -> None:
    """Two July versions of 445001/2025, one of 445001/2024 and one of 507001/2025.
    Current ones by unit, year, kind, period; counts are 2 projects, 2 indicators."""
    save_actuals(engine, sample_report(content="v1"))
    latest = save_actuals(engine, sample_report(content="v2"))
    save_actuals(engine, sample_report(unit_code="507001"))
    save_actuals(engine, sample_report(fiscal_year=2024))
    current = list_actuals(engine)
    assert [(s.unit_code, s.fiscal_year, s.version) for s in current] == [
        ("445001", 2024, 1),
        ("445001", 2025, 2),
        ("507001", 2025, 1),
    ]
    assert len(list_actuals(engine, current_only=False)) == 4
    assert [s.fiscal_year for s in list_actuals(engine, unit_code="445001")] == [2024, 2025]
    assert [s.unit_code for s in list_actuals(engine, fiscal_year=2025)] == ["445001", "507001"]
    (summary,) = list_actuals(engine, unit_code="445001", fiscal_year=2025)
    assert summary.id == latest.report_id
    assert (summary.kind, summary.period_month, summary.is_current) == (MONITORING, 7, True)
    assert (summary.project_count, summary.indicator_count) == (2, 2)
    assert (summary.unit_name, summary.entered_by) == ("玉田县机关事务中心", "张会计")
    # 09:30 Beijing time is 01:30 UTC; both times come back timezone-aware.
    assert summary.entered_at == dt.datetime(2025, 8, 5, 1, 30, tzinfo=dt.UTC)
    assert summary.entered_at.utcoffset() is not None
    assert summary.imported_at.utcoffset() is not None
    assert abs(dt.datetime.now(dt.UTC) - summary.imported_at) < dt.timedelta(minutes=5)
    assert summary.source_path == "445001_2025_monitoring_7.xlsx"
    assert summary.sha256 == sample_report(content="v2").sha256
    assert list_actuals(engine, unit_code="999999") == []


def test_load_actuals__unknown_id(engine: Engine) -> None:
    with pytest.raises(ActualsNotFoundError, match="编号为 42 的执行情况"):
        load_actuals(engine, 42)


def test_save_actuals__refuses_a_period_outside_the_year(engine: Engine) -> None:
    with pytest.raises(ValueError, match="1–12"):
        save_actuals(engine, sample_report(period_month=13))
    with pytest.raises(ValueError, match="1–12"):
        save_actuals(engine, sample_report(period_month=0))
    assert counts(engine)["actuals_reports"] == 0


def test_save_actuals__naive_entered_at_is_beijing_time(engine: Engine) -> None:
    """A workbook's 填报日期 comes without a zone: 2025-08-05 09:30 is read as Beijing
    time, 01:30 UTC, in the summary; the stored report keeps the naive value."""
    naive = dataclasses.replace(sample_report(), entered_at=dt.datetime(2025, 8, 5, 9, 30))
    report_id = save_actuals(engine, naive).report_id
    (summary,) = list_actuals(engine)
    assert summary.entered_at == dt.datetime(2025, 8, 5, 1, 30, tzinfo=dt.UTC)
    back = load_actuals(engine, report_id)
    assert back == naive and back.entered_at is not None and back.entered_at.tzinfo is None


def document_link(engine: Engine, report_id: int) -> int | None:
    with engine.connect() as connection:
        return connection.execute(
            sa.text("SELECT document_id FROM actuals_reports WHERE id = :id"), {"id": report_id}
        ).scalar()


def test_save_actuals__links_the_disclosure(engine: Engine) -> None:
    """sample_report's disclosure_sha256 is that of sample_disclosure(): it is linked
    without being named; an explicit id must exist and be of the same unit and year.
    Deleting the disclosure keeps the report (link set to NULL); deleting the report
    removes its derived rows."""
    doc_id = save_disclosure(engine, sample_disclosure()).document_id
    other_id = save_disclosure(engine, sample_disclosure(unit_code="507001")).document_id
    linked = save_actuals(engine, sample_report(content="v1")).report_id
    assert document_link(engine, linked) == doc_id
    named = save_actuals(engine, sample_report(content="v2"), document_id=doc_id).report_id
    assert document_link(engine, named) == doc_id
    before = counts(engine)
    with pytest.raises(DocumentNotFoundError):
        save_actuals(engine, sample_report(content="v3"), document_id=other_id + 100)
    with pytest.raises(ValueError, match="507001 2025年的公开文件"):
        save_actuals(engine, sample_report(content="v3"), document_id=other_id)
    assert counts(engine) == before
    unlinked = dataclasses.replace(sample_report(content="v3"), disclosure_sha256="0" * 64)
    assert document_link(engine, save_actuals(engine, unlinked).report_id) is None

    with engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM documents WHERE id = :id"), {"id": doc_id})
    assert document_link(engine, named) is None
    assert load_actuals(engine, named) == sample_report(content="v2")
    with engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM actuals_reports"))
    after = counts(engine)
    assert [after[name] for name in ACTUALS_TABLES] == [0, 0, 0]


def upgrade_to(engine: Engine, revision: str, *, down: bool = False) -> None:
    config = migrations_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def test_migrations_0003_0004__down_and_up_keep_stored_documents(database_url: str) -> None:
    """A document stored at head survives the database going down to 0002 (no actuals
    tables, no projects.scope) and back up to head: it loads back unchanged, the schema
    matches ``store.schema`` exactly, and an actuals report can be stored against it.
    Down to 0002 again drops only the actuals tables and the scope column."""
    engine = create_engine(database_url)
    try:
        upgrade_to(engine, "head")
        doc_id = save_disclosure(engine, sample_disclosure()).document_id
        upgrade_to(engine, "0002", down=True)
        with engine.connect() as connection:
            inspector = sa.inspect(connection)
            assert not set(ACTUALS_TABLES) & set(inspector.get_table_names())
            assert "scope" not in {c["name"] for c in inspector.get_columns("projects")}
    finally:
        engine.dispose()
    engine = connect(database_url)
    try:
        with engine.connect() as connection:
            head = ScriptDirectory.from_config(migrations_config()).get_current_head()
            assert MigrationContext.configure(connection).get_current_revision() == head
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
        assert load_disclosure(engine, doc_id) == sample_disclosure()
        report_id = save_actuals(engine, sample_report()).report_id
        assert document_link(engine, report_id) == doc_id
        upgrade_to(engine, "0002", down=True)
        with engine.connect() as connection:
            tables = set(sa.inspect(connection).get_table_names())
        assert not set(ACTUALS_TABLES) & tables and "documents" in tables
        assert load_disclosure(engine, doc_id) == sample_disclosure()
    finally:
        engine.dispose()
