"""The ``jixiao review`` and ``jixiao rules`` commands (审核)."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer
from rich.console import Console
from rich.markup import escape

from jixiao.cli_support import DbOption, errors_console, fail, open_database, rich_table
from jixiao.ingest import IngestError, iter_document_paths, read_disclosure
from jixiao.model import Disclosure, Severity
from jixiao.review import FAMILIES, RULES, GradeScheme, ReviewResult, review
from jixiao.review.catalogue import rules_markdown
from jixiao.review.compare import ReviewComparison
from jixiao.review.stored import store_review
from jixiao.review.text import format_finding, format_review
from jixiao.store import list_documents, load_disclosure, save_disclosure


class ReportFormat(StrEnum):
    """Formats of ``jixiao review --format``."""

    TEXT = "text"
    JSON = "json"
    HTML = "html"
    XLSX = "xlsx"


class FailOn(StrEnum):
    """``--fail-on``: the least severity that makes the exit status 1."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Reviewed:
    """One reviewed document: its result and, when stored, how it compares with
    the previous review of its unit and year."""

    result: ReviewResult
    comparison: ReviewComparison | None = None


SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _selectors(values: list[str] | None) -> tuple[str, ...]:
    """``--select a,b --select c`` → ``("a", "b", "c")``."""
    return tuple(
        part.strip() for value in values or () for part in value.split(",") if part.strip()
    )


def _read(path: Path) -> Disclosure | None:
    try:
        return read_disclosure(path)
    except IngestError as error:
        errors_console().print(f"[bold red]读取失败[/]：{escape(str(error))}")
    except Exception as error:  # a bug or an unreadable file: report it, go on with the rest
        message = f"文件 {path}：读取时出错（{type(error).__name__}: {error}）"
        errors_console().print(f"[bold red]读取失败[/]：{escape(message)}")
    return None


def _review_one(
    engine: sa.Engine | None,
    disclosure: Disclosure,
    document_id: int | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    scheme: GradeScheme,
) -> Reviewed:
    result = review(disclosure, select=select, ignore=ignore, scheme=scheme)
    if engine is None:
        return Reviewed(result)
    if document_id is None:
        document_id = save_disclosure(engine, disclosure).document_id
    _, comparison = store_review(engine, document_id, result, select=select, ignore=ignore)
    return Reviewed(result, comparison)


def _print_summary(console: Console, reviewed: list[Reviewed], failed: int) -> None:
    table = rich_table(
        "审核结果",
        "文件 单位编码 单位名称 年度 项目 错误 警告 提示 得分 结果",
        numeric="年度 项目 错误 警告 提示 得分",
    )
    for item in reviewed:
        r, d = item.result, item.result.disclosure
        table.add_row(
            escape(Path(d.source.path).name),
            escape(d.unit_code),
            escape(d.unit_name),
            str(d.fiscal_year),
            str(len(d.projects)),
            *(f"[{SEVERITY_STYLES[s]}]{r.count(s)}[/]" for s in Severity),
            str(r.grade.score),
            r.grade.grade.label,
        )
    console.print(table)
    by_family = rich_table("按类别统计", "文件 类别 错误 警告 提示", numeric="错误 警告 提示")
    for item in reviewed:
        name = escape(Path(item.result.disclosure.source.path).name)
        rows = []
        for family, label in FAMILIES.items():
            found = [f for f in item.result.findings if f.family == family]
            if found:
                counts = [sum(1 for f in found if f.severity is s) for s in Severity]
                rows.append((f"{label}（{family}）", *map(str, counts)))
        for position, row in enumerate(rows):
            last = position == len(rows) - 1
            by_family.add_row(name if position == 0 else "", *row, end_section=last)
    if by_family.row_count:
        console.print(by_family)
    for item in reviewed:
        if item.comparison is not None:
            c = item.comparison
            console.print(
                f"{escape(Path(item.result.disclosure.source.path).name)}：与上次审核相比，"
                f"新增 {len(c.added)} 条，已解决 {len(c.resolved)} 条，仍存在 {c.kept} 条。"
            )
    total = sum(len(i.result.findings) for i in reviewed)
    console.print(
        f"共审核 {len(reviewed)} 个文件，发现问题 {total} 条"
        + (f"；{failed} 个文件读取失败。" if failed else "。")
    )


def _print_findings(console: Console, reviewed: list[Reviewed]) -> None:
    for item in reviewed:
        console.rule(escape(Path(item.result.disclosure.source.path).name))
        for finding in item.result.findings:
            style = SEVERITY_STYLES[finding.severity]
            console.print(f"[{style}]●[/] " + escape(format_finding(finding)), soft_wrap=True)


def _write_report(
    reviewed: list[Reviewed], fmt: ReportFormat, out: Path | None, console: Console
) -> None:
    results = [item.result for item in reviewed]
    if fmt is ReportFormat.TEXT:
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text("\n\n".join(format_review(r) for r in results) + "\n", encoding="utf-8")
            console.print(f"审核报告已写入：{escape(str(out))}")
        return
    from jixiao.publish.review_report import review_report_json, write_review_report

    if fmt is ReportFormat.JSON and out is None:
        typer.echo(json.dumps(review_report_json(results), ensure_ascii=False, indent=2))
        return
    target = out or Path(f"jixiao-review.{fmt.value}")
    write_review_report(results, target, fmt.value)
    console.print(f"审核报告已写入：{escape(str(target))}")


def review_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="要审核的预算公开文件或文件夹；不给时审核数据库中的当前版本。"),
    ] = None,
    db: DbOption = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="报告格式：text（终端）、json、html、xlsx。"),
    ] = ReportFormat.TEXT,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="报告文件路径。", show_default=False)
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="只运行这些规则或类别（可逗号分隔、可重复）。"),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="不运行这些规则或类别（可逗号分隔、可重复）。"),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="有此级别及以上的问题时退出码为 1。")
    ] = FailOn.ERROR,
    grade_config: Annotated[
        Path | None,
        typer.Option("--grade-config", help="审核评级方案（TOML，见 docs/review.md）。"),
    ] = None,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="只审核，不把文件和审核结果存入数据库。")
    ] = False,
) -> None:
    """审核预算公开文件：找出表内表间勾稽、指标体系、指标值、依据、资金支出计划、相关性和
    公开完整性等问题，逐条说明位置、原文和依据，并给出审核结果（优/良/中/差）。

    给出文件时先读取并存入数据库（--no-store 则不存），再审核；只给 --db 时审核数据库中
    各单位各年度的当前版本。审核结果同时存入数据库，并与同一单位同一年度的上次审核比较。
    退出码：0 无问题；1 有 --fail-on 级别及以上的问题或文件读取失败；2 用法错误。
    """
    # JSON on standard output must stay parseable: the summary then goes to stderr.
    console = errors_console() if fmt is ReportFormat.JSON and out is None else Console()
    selected, ignored = _selectors(select), _selectors(ignore)
    try:
        RULES.select(selected, ignored)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--select/--ignore") from error
    try:
        scheme = GradeScheme.from_toml(grade_config) if grade_config else GradeScheme()
    except (OSError, ValueError, tomllib.TOMLDecodeError) as error:
        raise typer.BadParameter(f"{grade_config}：{error}", param_hint="--grade-config") from error

    reviewed: list[Reviewed] = []
    failed = 0
    engine = None if no_store and paths else open_database(db)
    try:
        if paths:
            files = list(iter_document_paths(paths))
            if not files:
                raise fail("没有找到可读取的文件（.txt）：" + "、".join(map(str, paths)))
            for path in files:
                disclosure = _read(path)
                if disclosure is None:
                    failed += 1
                    continue
                reviewed.append(_review_one(engine, disclosure, None, selected, ignored, scheme))
        else:
            assert engine is not None
            summaries = list_documents(engine)
            if not summaries:
                raise fail("数据库中还没有文件。可给出文件路径，或先用 jixiao ingest 读取。")
            for summary in summaries:
                disclosure = load_disclosure(engine, summary.id)
                reviewed.append(
                    _review_one(engine, disclosure, summary.id, selected, ignored, scheme)
                )
    finally:
        if engine is not None:
            engine.dispose()

    if fmt is ReportFormat.TEXT:
        _print_findings(console, reviewed)
    _print_summary(console, reviewed, failed)
    _write_report(reviewed, fmt, out, console)
    least = Severity.ERROR if fail_on is FailOn.ERROR else Severity.WARNING
    worst = max((f.severity.rank for i in reviewed for f in i.result.findings), default=-1)
    if failed or worst >= least.rank:
        raise typer.Exit(1)


def rules_command(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="输出 Markdown（即 docs/rules.md 的内容）。")
    ] = False,
) -> None:
    """列出全部审核规则：编号、严重程度、类别、标题和依据。"""
    if markdown:
        typer.echo(rules_markdown(RULES), nl=False)
        return
    table = rich_table(f"审核规则（共 {len(RULES)} 条）", "编号 严重程度 类别 标题 依据")
    for rule in sorted(RULES, key=lambda r: (list(FAMILIES).index(r.family), r.id)):
        table.add_row(
            rule.id,
            f"[{SEVERITY_STYLES[rule.severity]}]{rule.severity.label}[/]",
            FAMILIES[rule.family],
            escape(rule.title),
            escape(rule.reference),
        )
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``review`` and ``rules`` to the ``jixiao`` app."""
    app.command("review")(review_command)
    app.command("rules")(rules_command)
