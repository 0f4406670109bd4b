"""The ``jixiao`` command line: ingest, review, rules, list, show, export, a demo, and the
monitoring and self-evaluation commands (template, actuals, monitor, evaluate).

Each command parses its arguments, calls the library, prints with rich and exits
0 (ok), 1 (failed files or nothing to do) or 2 (usage, Typer's own). Everything
users read is Chinese; the database is chosen by ``--db``, ``$JIXIAO_DATABASE_URL``
or ``./jixiao.db`` (``jixiao.store.resolve_database_url``).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

import jixiao
from jixiao import cli_diff, cli_evaluate, cli_publish, cli_review, cli_self_evaluation
from jixiao.cli_support import DbOption
from jixiao.cli_support import errors_console as _errors
from jixiao.cli_support import fail as _fail
from jixiao.cli_support import open_database as _open_database
from jixiao.cli_support import rich_table as _table
from jixiao.ingest import IngestError, iter_document_paths, read_disclosure
from jixiao.model import Disclosure, Money, PlanKind, Project, TargetKind, TargetValue
from jixiao.store import (
    DocumentSummary,
    find_documents,
    list_documents,
    load_disclosure,
    load_disclosures,
    save_disclosure,
)
from jixiao.store.records import unparsed_target_count

app = typer.Typer(
    name="jixiao",
    help="绩效（jixiao）：读取、审核、存储、查看和导出部门预算公开文件。",
    no_args_is_help=True,
    add_completion=False,
)

cli_review.register(app)
cli_evaluate.register(app)
cli_self_evaluation.register(cli_evaluate.actuals_app)
cli_diff.register(app)
cli_publish.register(app)

STATUS_LABELS = {
    "inserted": "[green]新增[/]",
    "new_version": "[cyan]新版本[/]",
    "unchanged": "[dim]未变化[/]",
    "failed": "[bold red]失败[/]",
}
TARGET_KINDS = {
    TargetKind.QUANTITATIVE: "定量",
    TargetKind.DEADLINE: "时限",
    TargetKind.QUALITATIVE: "定性",
    TargetKind.UNPARSED: "[red]未解析[/]",
}

PLAN_KINDS = {PlanKind.PERCENT: "累计百分比", PlanKind.AMOUNT: "累计金额（项目金额单位）"}


class ExportFormat(StrEnum):
    """Formats of ``jixiao export``."""

    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one file of an ingest run."""

    path: Path
    status: str  # a SaveResult status, or "failed"
    disclosure: Disclosure | None = None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jixiao {jixiao.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出。"),
    ] = False,
) -> None:
    """绩效（jixiao）：读取、审核、存储、查看和导出部门预算公开文件。"""


# --- ingest ---------------------------------------------------------------------------


def _ingest_files(engine: sa.Engine, paths: list[Path], console: Console) -> list[Outcome]:
    """Read and save each file in its own transaction; a failed file does not stop the rest.

    Failures are printed (in Chinese, naming the file) as they happen, above the bar.
    """
    errors = _errors()
    outcomes = []
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("读取文件", total=len(paths))
        for path in paths:
            progress.update(task, description=f"读取 {escape(path.name)}")
            outcomes.append(_ingest_one(engine, path, errors))
            progress.advance(task)
    return outcomes


def _ingest_one(engine: sa.Engine, path: Path, errors: Console) -> Outcome:
    try:
        disclosure = read_disclosure(path)
    except IngestError as error:
        errors.print(f"[bold red]读取失败[/]：{escape(str(error))}")
        return Outcome(path, "failed")
    except Exception as error:  # a bug or an unreadable file: report it, go on with the rest
        message = f"文件 {path}：读取时出错（{type(error).__name__}: {error}）"
        errors.print(f"[bold red]读取失败[/]：{escape(message)}")
        return Outcome(path, "failed")
    try:
        result = save_disclosure(engine, disclosure)
    except Exception as error:  # the transaction was rolled back: nothing of it is stored
        message = f"文件 {path}：存入数据库失败（{type(error).__name__}: {error}）"
        errors.print(f"[bold red]入库失败[/]：{escape(message)}")
        return Outcome(path, "failed", disclosure)
    return Outcome(path, result.status, disclosure)


def _print_ingest_summary(console: Console, outcomes: list[Outcome]) -> None:
    table = _table(
        "读取结果",
        "文件 单位编码 单位名称 年度 预算表 项目 指标 未解析指标值 状态",
        numeric="年度 预算表 项目 指标 未解析指标值",
    )
    for outcome in outcomes:
        d = outcome.disclosure
        cells = (
            ["", "", "", "", "", "", ""]
            if d is None
            else [
                d.unit_code,
                d.unit_name,
                str(d.fiscal_year),
                str(len(d.budget_tables)),
                str(len(d.projects)),
                str(d.indicator_count),
                str(unparsed_target_count(d)),
            ]
        )
        table.add_row(escape(outcome.path.name), *map(escape, cells), STATUS_LABELS[outcome.status])
    console.print(table)
    _print_unrecognised(console, outcomes)
    counts = {status: 0 for status in STATUS_LABELS}
    for outcome in outcomes:
        counts[outcome.status] += 1
    console.print(
        f"共 {len(outcomes)} 个文件：新增 {counts['inserted']}，新版本 {counts['new_version']}，"
        f"未变化 {counts['unchanged']}，失败 {counts['failed']}。"
    )


def _print_unrecognised(console: Console, outcomes: list[Outcome]) -> None:
    """Per file, the tables the reader did not recognise, by their titles: a document
    of another region is rarely read whole, and the user must know what was not."""
    for outcome in outcomes:
        d = outcome.disclosure
        if d is None:
            continue
        titles = [
            (n.location.table if n.location else None) or "（无标题）"
            for n in d.notes
            if n.rule == "ingest-table-unrecognised"
        ]
        if titles:
            listed = "、".join(f"“{t}”" for t in titles)
            console.print(
                f"[yellow]{escape(outcome.path.name)}[/]：{len(titles)} 张表未识别为标准公开表，"
                f"已按“其他”保存全部单元格，不参与标准表审核：{escape(listed)}"
            )


def _run_ingest(engine: sa.Engine, paths: list[Path], console: Console) -> None:
    try:
        outcomes = _ingest_files(engine, paths, console)
    finally:
        engine.dispose()
    _print_ingest_summary(console, outcomes)
    if any(outcome.status == "failed" for outcome in outcomes):
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="预算公开文件或包含这些文件的文件夹。")],
    db: DbOption = None,
) -> None:
    """读取预算公开文件（文件或文件夹）并存入数据库。

    每个文件单独入库，全部成功或全部不写；某个文件失败时显示原因并继续处理其余文件，
    最后有失败文件时退出码为 1。同一文件再次读入不做改动；同一单位同一年度的新文件
    成为新版本，旧版本保留为历史。
    """
    console = Console()
    files = list(iter_document_paths(paths))
    if not files:
        raise _fail("没有找到可读取的文件（.txt）：" + "、".join(map(str, paths)))
    engine = _open_database(db)
    _run_ingest(engine, files, console)


def examples_dir() -> Path | None:
    """The repository's ``examples/`` folder (beside the package), else ``./examples``."""
    for folder in (Path(jixiao.__file__).resolve().parent.parent / "examples", Path("examples")):
        if folder.is_dir():
            return folder
    return None


@app.command()
def demo(db: DbOption = None) -> None:
    """演示：把 examples/ 中的示例文件读入一个新的数据库并显示读取结果。

    默认新建一个临时 SQLite 文件（路径会显示出来），也可用 --db 指定。
    """
    console = Console()
    folder = examples_dir()
    files = sorted(folder.glob("*.txt")) if folder else []
    if not files:
        raise _fail("找不到示例文件：examples/ 文件夹不存在或其中没有 .txt 文件")
    if db is None:
        db = str(Path(tempfile.mkdtemp(prefix="jixiao-demo-")) / "jixiao.db")
    console.print(f"示例数据库：{escape(db)}")
    engine = _open_database(db)
    _run_ingest(engine, files, console)
    console.print(f"可以继续查看：jixiao list --db {escape(db)}")


# --- list and show ----------------------------------------------------------------------


@app.command("list")
def list_command(
    all_versions: Annotated[bool, typer.Option("--all", help="同时列出历史版本。")] = False,
    db: DbOption = None,
) -> None:
    """列出数据库中的文件（默认只列当前版本）。"""
    console = Console()
    engine = _open_database(db)
    try:
        summaries = list_documents(engine, current_only=not all_versions)
    finally:
        engine.dispose()
    if not summaries:
        console.print("数据库中还没有文件。可用 jixiao ingest 读取。")
        return
    table = _table(
        "数据库中的文件" + ("（含历史版本）" if all_versions else ""),
        "编号 单位编码 单位名称 年度 版本 预算表 项目 指标 未解析指标值 入库时间 文件",
        numeric="编号 年度 预算表 项目 指标 未解析指标值",
    )
    for s in summaries:
        version = str(s.version) + ("" if s.is_current else "（历史）")
        table.add_row(
            str(s.id),
            escape(s.unit_code),
            escape(s.unit_name),
            str(s.fiscal_year),
            version,
            str(s.budget_tables),
            str(s.projects),
            str(s.indicators),
            str(s.unparsed_targets),
            s.ingested_at.strftime("%Y-%m-%d %H:%M"),
            escape(Path(s.source_path).name),
        )
    console.print(table)


def _money(money: Money | None) -> str:
    if money is None:
        return "—"
    unit = f" {money.unit.label}" if money.unit else ""
    return f"{money.raw}{unit}" if money.raw else "（空）"


def _show_document(console: Console, summary: DocumentSummary, d: Disclosure) -> None:
    unit = d.money_unit.label if d.money_unit else "未注明"
    state = "当前版本" if summary.is_current else "历史版本"
    console.print(f"[bold]{escape(d.unit_name)}[/]（{escape(d.unit_code)}） {d.fiscal_year} 年度")
    console.print(
        f"版本 {summary.version}（{state}），文件 {escape(d.source.path)}，金额单位：{unit}"
    )
    if d.budget_tables:
        tables = _table("预算表", "序号 表名 金额单位 行数", numeric="序号 行数")
        for i, t in enumerate(d.budget_tables, start=1):
            rows = "空表" if t.is_empty else str(len(t.rows))
            label = t.money_unit.label if t.money_unit else "—"
            tables.add_row(str(i), escape(t.title), label, rows)
        console.print(tables)
    if d.department_goals:
        goals = d.department_goals
        console.print(f"[bold]部门整体绩效目标[/]：{escape(goals.overall_goal[:120])}")
        console.print(
            f"分项绩效目标 {len(goals.sub_goals)} 项，保障措施 {len(goals.safeguards)} 条"
        )
    if d.projects:
        projects = _table(
            "项目支出绩效目标表（用 --project 序号 查看）",
            "序号 项目名称 项目编码 预算数 指标 未解析指标值",
            numeric="序号 指标 未解析指标值",
        )
        for p in d.projects:
            unparsed = sum(1 for i in p.indicators if i.target.kind is TargetKind.UNPARSED)
            projects.add_row(
                str(p.seq),
                escape(p.project_name),
                escape(p.project_code or "—"),
                escape(_money(p.budget_total)),
                str(len(p.indicators)),
                str(unparsed),
            )
        console.print(projects)
    for note in d.notes:
        where = f"（{escape(str(note.location))}）" if note.location else ""
        console.print(f"[yellow]提示[/]：{escape(note.message)}{where}")


def _target_parsed(target: TargetValue) -> str:
    """How a target was understood: its kind, then operator, value, unit, words, date."""
    number = f"{target.operator or ''}{'' if target.value is None else target.value}"
    parts = [number + (target.unit or ""), target.direction or "", str(target.deadline or "")]
    return " ".join([TARGET_KINDS[target.kind], *(escape(part) for part in parts if part)])


def _show_project(console: Console, p: Project) -> None:
    console.print(f"[bold]{escape(p.title)}[/]")
    console.print(f"项目名称：{escape(p.project_name)}  项目编码：{escape(p.project_code or '—')}")
    console.print(
        f"预算数：{escape(_money(p.budget_total))}  其中财政资金：{escape(_money(p.budget_fiscal))}"
        f"  其他资金：{escape(_money(p.budget_other))}"
    )
    if p.purpose:
        console.print(f"资金用途：{escape(p.purpose)}")
    if p.spending_plan:
        plan = _table("资金支出计划", "截至 原文 类型")
        for c in p.spending_plan:
            kind = PLAN_KINDS[c.kind] if c.kind else "—"
            plan.add_row(f"{c.month}月底", escape(c.raw), kind)
        console.print(plan)
    for goal in p.goals:
        console.print(f"绩效目标：{escape(goal)}")
    grid = _table("绩效指标", "序号 一级指标 二级指标 三级指标 指标值 解析 指标值确定依据", "序号")
    for ind in p.indicators:
        grid.add_row(
            str(ind.index),
            escape(ind.level1.raw),
            escape(ind.level2.raw),
            escape(ind.level3),
            escape(ind.target.raw),
            _target_parsed(ind.target),
            escape(ind.basis or ""),
        )
    console.print(grid)


@app.command()
def show(
    unit_code: Annotated[str, typer.Argument(help="单位编码，如 445001。")],
    year: Annotated[int | None, typer.Option("--year", help="预算年度；默认最近一年。")] = None,
    project: Annotated[
        int | None, typer.Option("--project", help="项目序号：显示该项目的预算、计划和指标表。")
    ] = None,
    db: DbOption = None,
) -> None:
    """查看一个单位的文件概况，或其中一个项目。

    默认显示最近一年的当前版本：预算表、部门整体绩效目标、项目列表和读取提示；
    加 --project 序号 显示该项目的预算数、资金支出计划、绩效目标和指标表。
    """
    console = Console()
    engine = _open_database(db)
    try:
        summaries = find_documents(engine, unit_code, year)
        if not summaries:
            when = f" {year} 年度" if year is not None else ""
            raise _fail(f"数据库中没有单位 {unit_code}{when} 的文件")
        summary = summaries[-1]
        disclosure = load_disclosure(engine, summary.id)
    finally:
        engine.dispose()
    others = sorted({s.fiscal_year for s in summaries} - {summary.fiscal_year})
    if others:
        years = "、".join(map(str, others))
        console.print(f"[dim]该单位还有 {years} 年度的文件，可用 --year 指定。[/]")
    if project is None:
        _show_document(console, summary, disclosure)
        return
    chosen = next((p for p in disclosure.projects if p.seq == project), None)
    if chosen is None:
        seqs = "、".join(str(p.seq) for p in disclosure.projects) or "无"
        raise _fail(f"该文件没有序号为 {project} 的项目（现有序号：{seqs}）")
    _show_project(console, chosen)


# --- export -----------------------------------------------------------------------------


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="导出格式。")],
    out: Annotated[Path, typer.Option("--out", help="输出路径：json/xlsx 为文件，csv 为文件夹。")],
    all_versions: Annotated[bool, typer.Option("--all", help="同时导出历史版本。")] = False,
    db: DbOption = None,
) -> None:
    """导出数据库中的文件（默认只导出当前版本）。

    JSON 为交换格式（见 docs/format.md）；CSV 每张表一个文件（UTF-8 带 BOM）；
    XLSX 每张表一个工作表。金额保持原表的单位（元或万元）。
    """
    from jixiao.publish import export_csv, export_json, export_xlsx  # openpyxl is slow to import

    console = Console()
    engine = _open_database(db)
    try:
        disclosures = load_disclosures(engine, current_only=not all_versions)
    finally:
        engine.dispose()
    if format is ExportFormat.JSON:
        written = [export_json(disclosures, out)]
    elif format is ExportFormat.CSV:
        written = export_csv(disclosures, out)
    else:
        written = [export_xlsx(disclosures, out)]
    if not disclosures:
        console.print("[yellow]提示[/]：数据库中没有文件，导出内容为空。")
    console.print(f"已导出 {len(disclosures)} 个文件的数据：")
    for path in written:
        console.print(f"  {escape(str(path))}")
