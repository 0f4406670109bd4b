"""The ``jixiao diff`` command: what differs between two disclosures, field by field.

Each side is a file (read as ``jixiao ingest`` would, not stored), a stored unit and
year (``445001/2025``: its current version) or a stored document id (``@12``). Useful to
check a re-rendered document against its source, and to compare a unit's two years.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli_support import DbOption, fail, open_database
from jixiao.ingest import IngestError, read_disclosure
from jixiao.model import Disclosure
from jixiao.model.diff import DEFAULT_IGNORED, diff_disclosures
from jixiao.publish.diff_text import diff_record, format_diff
from jixiao.store import DocumentNotFoundError, find_documents, load_disclosure

_STORED_UNIT_YEAR = re.compile(r"^(?P<unit>[^/@\s]+)/(?P<year>\d{4})$")
_STORED_ID = re.compile(r"^@(?P<id>\d+)$")


class DiffFormat(StrEnum):
    """Formats of ``jixiao diff --format``."""

    TEXT = "text"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add ``diff`` to ``app``."""
    app.command("diff")(diff_command)


def _resolve(reference: str, db: str | None) -> Disclosure:
    """The disclosure ``reference`` names: a file, ``UNIT/YEAR`` or ``@ID`` (stored)."""
    path = Path(reference)
    if path.exists():
        try:
            return read_disclosure(path)
        except IngestError as error:
            raise fail(str(error)) from error
    if match := _STORED_ID.match(reference):
        engine = open_database(db)
        try:
            return load_disclosure(engine, int(match["id"]))
        except DocumentNotFoundError as error:
            raise fail(f"数据库中没有编号为 {match['id']} 的文件") from error
    if match := _STORED_UNIT_YEAR.match(reference):
        engine = open_database(db)
        summaries = find_documents(engine, match["unit"], int(match["year"]))
        if not summaries:
            raise fail(f"数据库中没有单位 {match['unit']} {match['year']} 年度的文件")
        return load_disclosure(engine, summaries[0].id)
    raise fail(f"找不到 {reference}：既不是文件，也不是“单位编码/年度”或“@编号”形式的库中文件")


def diff_command(
    a: Annotated[
        str, typer.Argument(help="原文件：文件路径、单位编码/年度（如 445001/2025）或 @编号。")
    ],
    b: Annotated[str, typer.Argument(help="新文件：同上。")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="输出格式。")] = DiffFormat.TEXT,
    with_locations: Annotated[
        bool,
        typer.Option("--with-locations", help="同时比较位置（行号、页码）和来源文件信息。"),
    ] = False,
    db: DbOption = None,
) -> None:
    """逐项比较两份预算公开文件：单位、预算表的每一行每一格、每个项目的每个字段和每个指标。

    项目按序号和名称对应（不同年度按项目名称对应），指标按序号和三级指标名称对应。
    无差异时退出码为 0，有差异时为 1（与 diff 命令相同）。
    """
    left = _resolve(a, db)
    right = _resolve(b, db)
    ignore = frozenset() if with_locations else DEFAULT_IGNORED
    differences = diff_disclosures(left, right, ignore=ignore)
    if fmt is DiffFormat.JSON:
        typer.echo(json.dumps(diff_record(differences), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_diff(differences, a_name=a, b_name=b), nl=False)
    if differences:
        raise typer.Exit(1)
