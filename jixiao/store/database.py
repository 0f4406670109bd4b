"""Where the database is and how to open it: URL resolution, engine, migrations.

The schema is brought to head by Alembic every time :func:`connect` opens a
database, with the Alembic config built in code (no ``alembic.ini`` at runtime),
so a user never runs a separate migration step and an empty database just works.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

ENV_DATABASE_URL = "JIXIAO_DATABASE_URL"
DEFAULT_SQLITE_NAME = "jixiao.db"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any fixed number: serialises concurrent migrations on one PostgreSQL database.
_PG_MIGRATION_LOCK = 0x6A69_7869_616F


def resolve_database_url(cli_value: str | None) -> str:
    """The database URL to use: ``--db``, else ``$JIXIAO_DATABASE_URL``, else a file.

    The default is ``sqlite:///<cwd>/jixiao.db``. A value without ``://`` is a
    filesystem path of a SQLite file (``data/jixiao.db`` → ``sqlite:////abs/data/jixiao.db``).
    """
    value = cli_value or os.environ.get(ENV_DATABASE_URL) or ""
    if not value.strip():
        return f"sqlite:///{Path.cwd() / DEFAULT_SQLITE_NAME}"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    # Safe with WAL: a crash may lose the last commits, never corrupt the file.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_engine(url: str) -> Engine:
    """An engine for ``url`` without touching the schema (SQLite: foreign keys on, WAL).

    A SQLite file's folder is created when missing.
    """
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def migrations_config() -> Config:
    """The Alembic configuration of jixiao's migrations, built in code."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema of ``engine``'s database to head; a no-op when it is there.

    On PostgreSQL an advisory lock keeps two processes from migrating at once.
    """
    config = migrations_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_MIGRATION_LOCK)))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def connect(url: str) -> Engine:
    """Open the database at ``url`` and migrate it to head; returns the engine.

    Raises ``sqlalchemy.exc.ArgumentError`` for a malformed URL and
    ``sqlalchemy.exc.OperationalError`` when the database cannot be reached.
    """
    engine = create_engine(url)
    try:
        upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine
