"""The ``jixiao diff`` command: what differs between two disclosures, field by field.

Each side is a file (read as ``jixiao ingest`` would, not stored), a stored unit and
year (``445001/2025``: its current version) or a stored document id (``@12``). Useful to
check a re-rendered document against its source, and to compare a unit's two years.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from jixiao.cli_support import DbOption, resolve_disclosure
from jixiao.model.diff import DEFAULT_IGNORED, diff_disclosures
from jixiao.publish.diff_text import diff_record, format_diff


class DiffFormat(StrEnum):
    """Formats of ``jixiao diff --format``."""

    TEXT = "text"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add ``diff`` to ``app``."""
    app.command("diff")(diff_command)


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
    left = resolve_disclosure(a, db)
    right = resolve_disclosure(b, db)
    ignore = frozenset() if with_locations else DEFAULT_IGNORED
    differences = diff_disclosures(left, right, ignore=ignore)
    if fmt is DiffFormat.JSON:
        typer.echo(json.dumps(diff_record(differences), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_diff(differences, a_name=a, b_name=b), nl=False)
    if differences:
        raise typer.Exit(1)
