"""Shared fixtures: the real seed documents and the PostgreSQL test database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao.store import connect

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = Path(os.environ.get("JIXIAO_SEEDS_DIR", REPO_ROOT.parent / "shared" / "seeds"))
EXAMPLES_DIR = REPO_ROOT / "examples"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

SEED_FILES = {
    "000": "000_9848016da31706ff.txt",
    "001": "001_f15a093580d40dad.txt",
    "002": "002_8fe8d81b6e5c8740.txt",
    "003": "003_9834a3c1aef08209.txt",
    "004": "004_cd6aa045fd0140d4.txt",
}


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of real seed documents; skips when absent, fails under CI=true."""
    if not SEEDS_DIR.is_dir():
        message = f"seed documents not found at {SEEDS_DIR} (../shared/seeds beside the repo)"
        if _in_ci():
            pytest.fail(message + " — CI=true requires them")
        pytest.skip(message)
    return SEEDS_DIR


@pytest.fixture(scope="session")
def seed_path(seeds_dir: Path):
    """A function giving the path of seed ``"000"`` … ``"004"``."""

    def path(key: str) -> Path:
        return seeds_dir / SEED_FILES[key]

    return path


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """URL of the PostgreSQL test database; skips when unreachable, fails under CI=true."""
    url = os.environ.get("JIXIAO_TEST_POSTGRES_URL", DEFAULT_PG_URL)
    try:
        import sqlalchemy

        engine = sqlalchemy.create_engine(url)
        with engine.connect() as connection:
            connection.execute(sqlalchemy.text("select 1"))
        engine.dispose()
    except Exception as error:  # any failure to connect means: no PostgreSQL here
        message = f"PostgreSQL not reachable at {url}: {error}"
        if _in_ci():
            pytest.fail(message + " — CI=true requires it")
        pytest.skip(message)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    base = request.getfixturevalue("postgres_url")
    schema = f"jixiao_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.engine.make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = connect(database_url)
    yield engine
    engine.dispose()
