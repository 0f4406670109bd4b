"""What the CLI's commands share: the database option, errors, tables and opening the database."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jixiao.ingest import IngestError, read_disclosure
from jixiao.model import Disclosure
from jixiao.store import (
    DocumentNotFoundError,
    connect,
    find_documents,
    load_disclosure,
    resolve_database_url,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="数据库：SQLAlchemy URL 或 SQLite 文件路径；默认取环境变量 "
        "JIXIAO_DATABASE_URL，否则为当前目录下的 jixiao.db。",
        show_default=False,
    ),
]


def rich_table(title: str, headers: str, numeric: str = "") -> Table:
    """A table of space-separated ``headers``; ``numeric`` ones are right-aligned.

    Text folds rather than being cut, so nothing is hidden on a narrow terminal.
    """
    table = Table(title=title)
    for header in headers.split():
        right = header in numeric.split()
        table.add_column(header, justify="right" if right else "left", overflow="fold")
    return table


def errors_console() -> Console:
    """Where errors go: standard error, so standard output stays the report."""
    return Console(stderr=True)


def fail(message: str) -> typer.Exit:
    """Print ``message`` as an error and give the exit (status 1) to raise."""
    errors_console().print(f"[bold red]错误[/]：{escape(message)}")
    return typer.Exit(1)


def open_database(db: str | None) -> sa.Engine:
    """The engine for ``--db`` (see :data:`DbOption`), migrated to the current schema.

    A malformed URL or a database that cannot be opened prints a Chinese error
    and raises ``typer.Exit(1)``.
    """
    url = resolve_database_url(db)
    try:
        shown = sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception as error:  # a malformed URL
        raise fail(f"数据库地址无效：{url}（{error}）") from error
    try:
        return connect(url)
    except Exception as error:  # any failure to open is the user's to fix, not a crash
        raise fail(f"无法打开数据库 {shown}：{error}") from error


STORED_UNIT_YEAR = re.compile(r"^(?P<unit>[^/@\s]+)/(?P<year>\d{4})$")
STORED_ID = re.compile(r"^@(?P<id>\d+)$")


def resolve_disclosure(reference: str, db: str | None) -> Disclosure:
    """The disclosure ``reference`` names: a file (read, not stored), ``UNIT/YEAR`` (its
    current stored version) or ``@ID`` (a stored document). Exits with a Chinese
    message (``typer.Exit``) when it names nothing readable."""
    path = Path(reference)
    if path.exists():
        try:
            return read_disclosure(path)
        except IngestError as error:
            raise fail(str(error)) from error
    if match := STORED_ID.match(reference):
        engine = open_database(db)
        try:
            return load_disclosure(engine, int(match["id"]))
        except DocumentNotFoundError as error:
            raise fail(f"数据库中没有编号为 {match['id']} 的文件") from error
    if match := STORED_UNIT_YEAR.match(reference):
        engine = open_database(db)
        summaries = find_documents(engine, match["unit"], int(match["year"]))
        if not summaries:
            raise fail(f"数据库中没有单位 {match['unit']} {match['year']} 年度的文件")
        return load_disclosure(engine, summaries[0].id)
    raise fail(f"找不到 {reference}：既不是文件，也不是“单位编码/年度”或“@编号”形式的库中文件")
