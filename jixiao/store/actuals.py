"""Saving and loading actuals reports (执行情况): what units filed for monitoring
(绩效运行监控, 财预〔2019〕136号) and self-evaluation (绩效自评, 财预〔2020〕10号).

A report is keyed by unit, fiscal year, kind and period month (RULES.md §8–9).
Each save adds a version of its key and makes it the current one; earlier versions
stay as history, with who entered each (``entered_by``, ``entered_at``) and when it
was imported. A file (by the SHA-256 of its bytes) is imported once per key: the
same file again is refused with :class:`DuplicateActualsError`, nothing written.

The whole report is kept as ``content`` (compact JSON of
:func:`~jixiao.model.actuals_codec.actuals_to_dict`), which :func:`load_actuals`
returns exactly; a project and an indicator row per reported item go to
``actual_projects`` and ``actual_indicators`` for SQL, in bulk (``store.bulk``) and
in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from jixiao.model.actuals import ActualsKind, ActualsReport, FundingSource, ProjectActuals
from jixiao.model.actuals_codec import actuals_from_dict, actuals_to_dict
from jixiao.model.disclosure import Disclosure
from jixiao.model.money import Money
from jixiao.store.bulk import batch, insert_rows, write_retrying
from jixiao.store.documents import DocumentNotFoundError, SaveResult, save_disclosure_in
from jixiao.store.records import Record
from jixiao.store.schema import (
    ACTUALS_CHILD_TABLES,
    actual_indicators,
    actual_projects,
    actuals_reports,
    documents,
)

_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class ActualsNotFoundError(LookupError):
    """No stored actuals report has the requested id; the message is Chinese."""

    def __init__(self, report_id: int) -> None:
        self.report_id = report_id
        super().__init__(f"数据库中没有编号为 {report_id} 的执行情况记录")


class DuplicateActualsError(Exception):
    """The same file (SHA-256 of its bytes) is already stored for this unit, year,
    kind and period; the message is Chinese and names the version it became."""

    def __init__(
        self, report: ActualsReport, *, report_id: int, version: int, imported_at: dt.datetime
    ) -> None:
        self.report_id = report_id
        self.version = version
        self.imported_at = imported_at
        self.sha256 = report.sha256
        super().__init__(
            f"该文件已于 {imported_at:%Y-%m-%d %H:%M}（UTC）导入为第 {version} 版"
            f"（{report.unit_code} {report.fiscal_year}年{report.kind.label}"
            f" {report.period_month}月，记录编号 {report_id}），不再重复导入"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ActualsSaveResult:
    """What :func:`save_actuals` stored: the new row's id and version, and the
    version it replaced as current (``None`` for the first of its key)."""

    report_id: int
    version: int
    replaced_version: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActualsSummary:
    """One stored report version, with counts of what it holds.

    ``entered_at`` (may be ``None``) and ``imported_at`` are timezone-aware (UTC).
    ``document_id`` is the stored disclosure it was filed against, when known.
    """

    id: int
    unit_code: str
    unit_name: str
    fiscal_year: int
    kind: ActualsKind
    period_month: int
    version: int
    is_current: bool
    entered_by: str | None
    entered_at: dt.datetime | None
    imported_at: dt.datetime
    source_path: str | None
    sha256: str | None
    document_id: int | None
    project_count: int
    indicator_count: int


def save_actuals(
    engine: Engine, report: ActualsReport, *, document_id: int | None = None
) -> ActualsSaveResult:
    """Store ``report`` as the new current version of its unit, year, kind and period.

    One transaction: the report and all its derived rows, or on any error nothing.
    ``document_id`` links the stored disclosure the report was filed against; when
    not given, the stored disclosure whose SHA-256 is ``report.disclosure_sha256``
    (same unit and year) is linked if there is one. Amounts are stored as reported,
    in each project's money unit (元/万元). The ``entered_at`` column is UTC; a naive
    ``entered_at`` (a date typed in a workbook) is read as Beijing time (UTC+8), the
    zone of every unit these forms come from, while ``content`` keeps it as given.

    Raises :class:`DuplicateActualsError` when a report from the same file
    (``report.sha256``) is stored for the same key, :class:`DocumentNotFoundError`
    for an unknown ``document_id``, ``ValueError`` for a period outside 1–12 or a
    document of another unit or year, and
    SQLAlchemy errors when the database fails.
    """
    _check(report)
    content = _json(actuals_to_dict(report))
    return write_retrying(
        engine, lambda connection: _save(connection, report, content, document_id)
    )


def save_with_disclosure(
    engine: Engine, disclosure: Disclosure, report: ActualsReport
) -> tuple[SaveResult, ActualsSaveResult | None]:
    """Store ``disclosure`` and ``report`` (filed against it: a unit's own 自评表
    workbook holds both) in one transaction: both, or on any error neither.

    Returns the disclosure's :class:`SaveResult` and the report's
    :class:`ActualsSaveResult`, ``None`` when the same file's report is stored
    already (the disclosure is then ``unchanged`` too). Raises as
    :func:`~jixiao.store.save_disclosure` and :func:`save_actuals` do, except
    :class:`DuplicateActualsError`.
    """
    _check(report)
    content = _json(actuals_to_dict(report))

    def work(connection: Connection) -> tuple[SaveResult, ActualsSaveResult | None]:
        saved = save_disclosure_in(connection, disclosure)
        try:
            stored = _save(connection, report, content, saved.document_id)
        except DuplicateActualsError:
            stored = None
        return saved, stored

    return write_retrying(engine, work)


def _check(report: ActualsReport) -> None:
    if not 1 <= report.period_month <= 12:
        raise ValueError(f"执行情况的截止月份应为 1–12 月，实为 {report.period_month}")


# The zone of a naive entered_at: every unit filing these forms is in China.
_BEIJING = dt.timezone(dt.timedelta(hours=8), "北京时间")


def _entered_at_utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.utcoffset() is None:
        value = value.replace(tzinfo=_BEIJING)
    return value.astimezone(dt.UTC)


_r = actuals_reports.c


def _key(report: ActualsReport) -> list[Any]:
    return [
        _r.unit_code == report.unit_code,
        _r.fiscal_year == report.fiscal_year,
        _r.kind == report.kind.value,
        _r.period_month == report.period_month,
    ]


def _save(
    connection: Connection, report: ActualsReport, content: str, document_id: int | None
) -> ActualsSaveResult:
    document_id = _document(connection, report, document_id)
    key = _key(report)
    if report.sha256 is not None:
        stored = connection.execute(
            sa.select(_r.id, _r.version, _r.imported_at)
            .where(*key, _r.sha256 == report.sha256)
            .order_by(_r.version)
            .limit(1)
        ).first()
        if stored is not None:
            raise DuplicateActualsError(
                report,
                report_id=stored.id,
                version=stored.version,
                imported_at=_utc(stored.imported_at),
            )
    latest, current = connection.execute(
        sa.select(
            sa.func.max(_r.version),
            sa.func.max(sa.case((_r.is_current, _r.version))),
        ).where(*key)
    ).one()
    if current is not None:
        connection.execute(
            sa.update(actuals_reports).where(*key, _r.is_current).values(is_current=False)
        )
    version = (latest or 0) + 1
    report_id = connection.execute(
        sa.insert(actuals_reports).returning(_r.id),
        {
            "unit_code": report.unit_code,
            "unit_name": report.unit_name,
            "fiscal_year": report.fiscal_year,
            "kind": report.kind.value,
            "period_month": report.period_month,
            "version": version,
            "is_current": True,
            "entered_by": report.entered_by,
            "entered_at": _entered_at_utc(report.entered_at),
            "imported_at": dt.datetime.now(dt.UTC),
            "source_path": report.source_path,
            "sha256": report.sha256,
            "disclosure_sha256": report.disclosure_sha256,
            "document_id": document_id,
            "content": content,
        },
    ).scalar_one()
    rows = actuals_rows(report, report_id)
    with batch(connection):
        for table in ACTUALS_CHILD_TABLES:
            insert_rows(connection, table, rows[table.name])
    return ActualsSaveResult(report_id=report_id, version=version, replaced_version=current)


def _document(connection: Connection, report: ActualsReport, document_id: int | None) -> int | None:
    """The id of the stored disclosure to link: the one given (checked), else the one
    with the report's ``disclosure_sha256`` for the same unit and year, else ``None``."""
    d = documents.c
    if document_id is not None:
        row = connection.execute(
            sa.select(d.unit_code, d.fiscal_year).where(d.id == document_id)
        ).first()
        if row is None:
            raise DocumentNotFoundError(document_id)
        if (row.unit_code, row.fiscal_year) != (report.unit_code, report.fiscal_year):
            raise ValueError(
                f"文件 {document_id} 是 {row.unit_code} {row.fiscal_year}年的公开文件，"
                f"与执行情况（{report.unit_code} {report.fiscal_year}年）不符"
            )
        return document_id
    if report.disclosure_sha256 is None:
        return None
    return connection.execute(
        sa.select(d.id).where(
            d.sha256 == report.disclosure_sha256,
            d.unit_code == report.unit_code,
            d.fiscal_year == report.fiscal_year,
        )
    ).scalar()


def _amount(money: Money | None) -> tuple[Any, Any]:
    return (None, None) if money is None else (money.value, money.raw)


def _project_row(report_id: int, position: int, p: ProjectActuals) -> Record:
    total = p.funding_for(FundingSource.TOTAL)
    row: Record = {
        "report_id": report_id,
        "position": position,
        "project_seq": p.project_seq,
        "project_name": p.project_name,
        "project_code": p.project_code,
        "money_unit": None if p.money_unit is None else p.money_unit.value,
    }
    for part in ("budget_initial", "budget_adjusted", "spent", "projected"):
        row[part], row[f"{part}_raw"] = _amount(None if total is None else getattr(total, part))
    row["goal_achieved"] = p.goal_achieved
    row["execution_note"] = p.execution_note
    row["location"] = None if p.location is None else str(p.location)
    return row


def actuals_rows(report: ActualsReport, report_id: int) -> dict[str, list[Record]]:
    """The derived rows of ``report``, by table name (``actual_projects``,
    ``actual_indicators``), keyed by ``report_id`` and 0-based positions.

    A project row carries its 年度资金总额 (total) funding row's amounts in the
    project's money unit, raw text beside; an indicator row its actual and projected
    values (raw text and parsed number), enumerations as their values and the
    deviation causes joined by ``,`` (``funding,staffing``).
    """
    projects: list[Record] = []
    indicators: list[Record] = []
    for p_pos, p in enumerate(report.projects):
        projects.append(_project_row(report_id, p_pos, p))
        for i_pos, a in enumerate(p.indicators):
            indicators.append(
                {
                    "report_id": report_id,
                    "project_position": p_pos,
                    "position": i_pos,
                    "indicator_index": a.indicator_index,
                    "level3": a.level3,
                    "actual_raw": None if a.actual is None else a.actual.raw,
                    "actual_value": None if a.actual is None else a.actual.value,
                    "projected_raw": None if a.projected is None else a.projected.raw,
                    "projected_value": None if a.projected is None else a.projected.value,
                    "likelihood": None if a.likelihood is None else a.likelihood.value,
                    "deviation_causes": ",".join(c.value for c in a.deviation_causes) or None,
                    "deviation_note": a.deviation_note,
                    "improvement": a.improvement,
                    "remark": a.remark,
                    "achievement": None if a.achievement is None else a.achievement.value,
                    "weight": a.weight,
                    "claimed_score": a.claimed_score,
                    "location": None if a.location is None else str(a.location),
                }
            )
    return {actual_projects.name: projects, actual_indicators.name: indicators}


# --- reading ---------------------------------------------------------------------------


def _report(content: str) -> ActualsReport:
    return actuals_from_dict(json.loads(content))


def load_actuals(engine: Engine, report_id: int) -> ActualsReport:
    """The report stored under ``report_id``, exactly as it was saved.

    Raises :class:`ActualsNotFoundError` when there is no such report.
    """
    with engine.connect() as connection:
        content = connection.execute(sa.select(_r.content).where(_r.id == report_id)).scalar()
    if content is None:
        raise ActualsNotFoundError(report_id)
    return _report(content)


def current_actuals(
    engine: Engine,
    unit_code: str,
    fiscal_year: int,
    kind: ActualsKind | str,
    period_month: int | None = None,
) -> ActualsReport | None:
    """The current version of a unit's report for ``kind`` and ``period_month``;
    with no period, that of the latest period reported. ``None`` when there is none."""
    query = (
        sa.select(_r.content)
        .where(
            _r.unit_code == unit_code,
            _r.fiscal_year == fiscal_year,
            _r.kind == ActualsKind(kind).value,
            _r.is_current,
        )
        .order_by(_r.period_month.desc())
        .limit(1)
    )
    if period_month is not None:
        query = query.where(_r.period_month == period_month)
    with engine.connect() as connection:
        content = connection.execute(query).scalar()
    return None if content is None else _report(content)


def _count(table: sa.Table) -> sa.ScalarSelect[int]:
    return (
        sa.select(sa.func.count())
        .select_from(table)
        .where(table.c.report_id == _r.id)
        .scalar_subquery()
    )


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite keeps no zone; we always write UTC.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def _summaries(engine: Engine, *conditions: Any) -> list[ActualsSummary]:
    query = (
        sa.select(
            _r.id,
            _r.unit_code,
            _r.unit_name,
            _r.fiscal_year,
            _r.kind,
            _r.period_month,
            _r.version,
            _r.is_current,
            _r.entered_by,
            _r.entered_at,
            _r.imported_at,
            _r.source_path,
            _r.sha256,
            _r.document_id,
            _count(actual_projects).label("project_count"),
            _count(actual_indicators).label("indicator_count"),
        )
        .where(*conditions)
        .order_by(_r.unit_code, _r.fiscal_year, _r.kind, _r.period_month, _r.version)
    )
    with engine.connect() as connection:
        rows: Sequence[sa.Row[Any]] = connection.execute(query).all()
    out = []
    for row in rows:
        values = dict(row._mapping)
        values["kind"] = ActualsKind(values["kind"])
        values["is_current"] = bool(values["is_current"])
        values["imported_at"] = _utc(values["imported_at"])
        if values["entered_at"] is not None:
            values["entered_at"] = _utc(values["entered_at"])
        out.append(ActualsSummary(**values))
    return out


def list_actuals(
    engine: Engine,
    *,
    unit_code: str | None = None,
    fiscal_year: int | None = None,
    current_only: bool = True,
) -> list[ActualsSummary]:
    """Stored reports (current versions only by default), optionally of one unit and
    year, by unit, year, kind, period and version."""
    conditions: list[Any] = []
    if unit_code is not None:
        conditions.append(_r.unit_code == unit_code)
    if fiscal_year is not None:
        conditions.append(_r.fiscal_year == fiscal_year)
    if current_only:
        conditions.append(_r.is_current)
    return _summaries(engine, *conditions)


def actuals_history(
    engine: Engine, unit_code: str, fiscal_year: int, kind: ActualsKind | str, period_month: int
) -> list[ActualsSummary]:
    """Every version stored for a unit, year, kind and period, oldest first; the
    last is current."""
    return _summaries(
        engine,
        _r.unit_code == unit_code,
        _r.fiscal_year == fiscal_year,
        _r.kind == ActualsKind(kind).value,
        _r.period_month == period_month,
    )
