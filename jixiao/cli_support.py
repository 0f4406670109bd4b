"""What the CLI's commands share: the database option, errors, tables and opening the database."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jixiao.store import connect, resolve_database_url

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
