"""Writes at the speed of the database driver: bulk inserts and single statements.

A document brings ~200 derived rows on average (up to ~750: budget cells, budget
rows, indicators …). SQLAlchemy Core ``executemany`` spends ~6 µs of Python per row
building parameters, and psycopg's pipelined ``executemany`` ~35 µs more, which
held ingest at 33 documents/s on SQLite and 16 on PostgreSQL. So for the two
drivers jixiao ships with, rows go straight to the driver on the transaction's own
connection, and any other database gets the Core statement. All three write the
same values; a test compares them.

- SQLite: ``executemany`` with the tuples.
- PostgreSQL (psycopg): one ``INSERT … SELECT … FROM jsonb_array_elements(%s)`` per
  table, the rows as one JSON text, so that the JSON encoder (C) and the server do
  the per-value work; inside :func:`batch` all tables go in one round trip (a
  pipeline). ``COPY`` cost two round trips per table, half of a save's time.

Likewise :func:`driver_execute` runs a Core statement on the driver, compiled once: a
Core ``execute`` costs ~100 µs of Python on the 2-core reference machine, more
than SQLite takes to run the statement, and a save runs three.

The driver raises its own exceptions here (``sqlite3.IntegrityError`` …); the
caller's transaction (:func:`write_retrying`) turns them into SQLAlchemy's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from operator import itemgetter
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import Executable

from jixiao.store.records import Record, Rows

# The drivers with a fast path here; any other gets SQLAlchemy Core.
_FAST_DRIVERS = frozenset({("sqlite", "pysqlite"), ("postgresql", "psycopg")})


def insert_rows(connection: Connection, table: sa.Table, rows: Sequence[Record]) -> None:
    """Insert ``rows`` (records keyed by every column name of ``table``) in one batch.

    :class:`~jixiao.store.records.Rows` in the table's column order go to the
    driver as they are. Runs inside the caller's transaction, so a failure rolls
    back with it.
    """
    if not rows:
        return
    driver = (connection.dialect.name, connection.dialect.driver)
    if driver == ("sqlite", "pysqlite"):
        _sqlite_executemany(connection, table, _tuples(table, rows))
    elif driver == ("postgresql", "psycopg"):
        _postgres_insert(connection, table, _tuples(table, rows))
    else:
        core_insert_rows(connection, table, rows)


@contextmanager
def batch(connection: Connection) -> Iterator[None]:
    """Send the :func:`insert_rows` made inside together, where the driver can.

    With psycopg this is a pipeline: the inserts go in one round trip and their
    errors are raised when the block ends. Elsewhere it changes nothing.
    """
    if (connection.dialect.name, connection.dialect.driver) != ("postgresql", "psycopg"):
        yield
        return
    with connection.connection.driver_connection.pipeline():  # type: ignore[union-attr]
        yield


def core_insert_rows(connection: Connection, table: sa.Table, rows: Sequence[Record]) -> None:
    """The portable path: one Core ``insert(table)`` executed with the list of dicts."""
    if rows:
        connection.execute(sa.insert(table), list(rows))


@cache
def _column_names(table: sa.Table) -> tuple[str, ...]:
    return tuple(column.name for column in table.columns)


def _tuples(table: sa.Table, rows: Sequence[Record]) -> Sequence[Sequence[Any]]:
    names = _column_names(table)
    if isinstance(rows, Rows) and rows.columns == names:
        return rows.tuples
    get: Callable[[Record], Any] = itemgetter(*names)
    if len(names) == 1:
        return [(get(row),) for row in rows]
    return [get(row) for row in rows]


# SQL built once per table and dialect. The caches here are bounded (lru_cache):
# every engine has its own dialect object.
@lru_cache(maxsize=256)
def _sqlite_insert(table: sa.Table, quote: Callable[[str], str]) -> tuple[str, tuple[int, ...]]:
    """The INSERT of ``table`` for sqlite3, and the indexes of its NUMERIC and DATE columns."""
    columns = list(table.columns)
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(table.name),
        ", ".join(quote(c.name) for c in columns),
        ", ".join("?" for _ in columns),
    )
    convert = tuple(i for i, c in enumerate(columns) if isinstance(c.type, sa.Numeric | sa.Date))
    return sql, convert


def _to_sqlite(value: Any) -> Any:
    # What SQLAlchemy's Numeric and Date types bind on SQLite: the NUMERIC column
    # turns the decimal text into INTEGER or REAL; dates are ISO text.
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _sqlite_executemany(
    connection: Connection, table: sa.Table, data: Sequence[Sequence[Any]]
) -> None:
    sql, convert = _sqlite_insert(table, connection.dialect.identifier_preparer.quote)
    if convert:
        converted = []
        for values in data:
            values = list(values)
            for i in convert:
                if values[i] is not None:
                    values[i] = _to_sqlite(values[i])
            converted.append(values)
        data = converted
    connection.connection.driver_connection.executemany(sql, data)  # type: ignore[union-attr]


# Decimals and dates (the only values JSON has no type for) as their text, which
# the casts below read exactly: NUMERIC from ``4131.67`` or ``1E+3``, DATE from ISO.
_json_rows = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), check_circular=False, default=str
).encode


@lru_cache(maxsize=256)
def _postgres_insert_sql(table: sa.Table, dialect: Dialect) -> str:
    quote = dialect.identifier_preparer.quote
    values = []
    for i, column in enumerate(table.columns):
        # ->> gives text. Text goes into (VAR)CHAR columns as it is, so that a value
        # too long fails as it would in any INSERT; a cast to VARCHAR(n) would cut it.
        value = f"r->>{i}"
        if not isinstance(column.type, sa.String):
            value = f"({value})::{column.type.compile(dialect=dialect)}"
        values.append(value)
    return "INSERT INTO {} ({}) SELECT {} FROM jsonb_array_elements(%s::jsonb) AS r".format(
        quote(table.name),
        ", ".join(quote(c.name) for c in table.columns),
        ", ".join(values),
    )


def _postgres_insert(
    connection: Connection, table: sa.Table, data: Sequence[Sequence[Any]]
) -> None:
    sql = _postgres_insert_sql(table, connection.dialect)
    connection.connection.driver_connection.execute(sql, [_json_rows(data)])  # type: ignore[union-attr]


# --- single statements ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _DriverStatement:
    """A Core statement compiled for one dialect, ready for the driver's ``execute``."""

    sql: str
    positions: tuple[str, ...] | None  # bind names in placeholder order; None: by name
    fixed: Mapping[str, Any]  # values the statement binds itself (``SET is_current=?``)
    processors: tuple[tuple[str, Callable[[Any], Any]], ...]  # the types' bind processors


@lru_cache(maxsize=256)
def _driver_statement(
    statement: Executable, dialect: Dialect, keys: tuple[str, ...]
) -> _DriverStatement:
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    binds = {name: bind for bind, name in compiled.bind_names.items()}  # type: ignore[attr-defined]
    processors = []
    for name, bind in binds.items():
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((name, process))
    return _DriverStatement(
        sql=compiled.string,
        positions=tuple(compiled.positiontup) if compiled.positional else None,  # type: ignore[attr-defined]
        fixed={name: bind.value for name, bind in binds.items() if not bind.required},
        processors=tuple(processors),
    )


def driver_execute(
    connection: Connection, statement: Executable, params: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """Run ``statement`` with ``params`` (bind names → values) and return its rows.

    The same SQL and bound values as ``connection.execute(statement, params)`` —
    compiled by SQLAlchemy once per dialect and set of names, values through the
    column types' bind processors — but sent through the driver's own cursor for
    SQLite and psycopg. An INSERT writes the columns named in ``params``. Rows come
    as the driver returns them, without result processing: for the integers and
    strings of ``store.documents``, the same values.
    """
    dialect = connection.dialect
    if (dialect.name, dialect.driver) not in _FAST_DRIVERS:
        return core_execute(connection, statement, params)
    compiled = _driver_statement(statement, dialect, tuple(params))
    values = {**compiled.fixed, **params}
    for name, process in compiled.processors:
        values[name] = process(values[name])
    bound: Any = values if compiled.positions is None else [values[n] for n in compiled.positions]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(compiled.sql, bound)
        return cursor.fetchall() if cursor.description is not None else []
    finally:
        cursor.close()


def core_execute(
    connection: Connection, statement: Executable, params: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """The portable path of :func:`driver_execute`: ``connection.execute`` (Core)."""
    result = connection.execute(statement, dict(params))
    return [tuple(row) for row in result] if result.returns_rows else []


T = TypeVar("T")
WRITE_ATTEMPTS = 3  # a concurrent writer can take the version number we chose


def write_retrying(engine: Engine, work: Callable[[Connection], T]) -> T:
    """``work(connection)`` in one transaction: all of it or, on any error, nothing.

    When an insert loses a race (``IntegrityError``: another writer stored the same
    bytes or took the version number ``work`` chose between its read and its insert)
    the whole of ``work`` runs again in a new transaction, reading again and deciding
    again, up to :data:`WRITE_ATTEMPTS` times; the last ``IntegrityError`` is raised.
    The driver's own exceptions from the fast paths come out as SQLAlchemy's, as from
    Core. Any other error is raised after the rollback.
    """
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with engine.begin() as connection:
                driver_error = connection.dialect.loaded_dbapi.Error
                try:
                    return work(connection)
                except driver_error as error:
                    raise sa.exc.DBAPIError.instance(
                        None, None, error, driver_error, dialect=connection.dialect
                    ) from error
        except IntegrityError:
            if attempt == WRITE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")
