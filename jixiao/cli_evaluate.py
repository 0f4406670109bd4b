"""The commands of monitoring and self-evaluation: ``template``, ``actuals``, ``monitor``
and ``evaluate`` (双监控, 财预〔2019〕136号; 绩效自评, 财预〔2020〕10号).

A year in the life of a unit: ``jixiao template monitoring 445001 --year 2025 --period 7``
writes the 136号 monitoring form pre-filled with the unit's projects and targets; the unit
fills it; ``jixiao actuals import FILE`` reads it back (cell-level errors, nothing stored
from a file with errors unless ``--partial``); ``jixiao monitor 445001 --year 2025 --period
7`` compares spending with the plan and progress with the targets; at year end the same
with ``template self-evaluation`` and ``jixiao evaluate``, which scores every project by
the 10号 method.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy as sa
import typer
from rich.console import Console
from rich.markup import escape

from jixiao.cli_support import DbOption, errors_console, fail, open_database, rich_table
from jixiao.evaluate.config import DEFAULT_CONFIG, ConfigError, EvaluationConfig, load_config
from jixiao.evaluate.monitoring import monitor
from jixiao.evaluate.results import EvaluationResult, MonitoringResult, Status
from jixiao.evaluate.scoring import evaluate
from jixiao.ingest.actuals_xlsx import (
    ActualsFileError,
    CellError,
    check_against_disclosure,
    read_actuals_workbook,
)
from jixiao.model import Disclosure, Finding, Severity
from jixiao.model.actuals import ActualsKind, ActualsReport
from jixiao.publish.actuals_template import write_template
from jixiao.publish.charts import write_spending_chart
from jixiao.publish.evaluation_report import write_evaluation_report
from jixiao.publish.monitoring_report import write_monitoring_report
from jixiao.store import find_documents, load_disclosure
from jixiao.store.actuals import (
    DuplicateActualsError,
    current_actuals,
    list_actuals,
    save_actuals,
)

MAX_CELL_ERRORS_SHOWN = 50

template_app = typer.Typer(
    help="生成供单位填报的 Excel 模板（绩效运行监控表、绩效自评表、部门预算公开表）。",
    no_args_is_help=True,
)
actuals_app = typer.Typer(help="导入和查看单位填报的执行数据（监控、自评）。", no_args_is_help=True)


class MonitorFormat(StrEnum):
    """Formats of ``jixiao monitor --format``."""

    TEXT = "text"
    XLSX = "xlsx"
    HTML = "html"
    JSON = "json"


class EvaluateFormat(StrEnum):
    """Formats of ``jixiao evaluate --format``."""

    TEXT = "text"
    XLSX = "xlsx"
    DOCX = "docx"
    HTML = "html"
    JSON = "json"


UnitArgument = Annotated[str, typer.Argument(help="单位编码，如 445001。", show_default=False)]
YearOption = Annotated[
    int | None,
    typer.Option("--year", "-y", help="预算年度；默认取数据库中该单位最新的年度。"),
]
PeriodOption = Annotated[
    int,
    typer.Option("--period", "-p", min=1, max=12, help="监控期：截至第几月末（1–12）。"),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="评分与监控参数（TOML），见 docs/evaluate.md。"),
]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="输出文件路径。")]

STATUS_STYLES = {Status.GREEN: "green", Status.YELLOW: "yellow", Status.RED: "bold red"}
SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def register(app: typer.Typer) -> None:
    """Add ``template``, ``actuals``, ``monitor`` and ``evaluate`` to ``app``."""
    app.add_typer(template_app, name="template")
    app.add_typer(actuals_app, name="actuals")
    app.command("monitor")(monitor_command)
    app.command("evaluate")(evaluate_command)


# --- shared -----------------------------------------------------------------------------


def evaluation_config(path: Path | None) -> EvaluationConfig:
    """The scoring settings in the TOML file at ``path`` (defaults when ``None``); a bad
    file ends the command with its Chinese message."""
    if path is None:
        return DEFAULT_CONFIG
    try:
        return load_config(path)
    except ConfigError as error:
        raise fail(str(error)) from error


def _current_disclosure(engine: sa.Engine, unit_code: str, year: int | None) -> Disclosure:
    """The current disclosure of ``unit_code`` for ``year`` (the latest year when None)."""
    summaries = find_documents(engine, unit_code, year)
    if not summaries:
        where = f"单位 {unit_code}" + (f" {year} 年度" if year is not None else "")
        raise fail(f"数据库中没有{where}的预算公开文件；请先用 jixiao ingest 读入。")
    latest = max(summaries, key=lambda s: (s.fiscal_year, s.version))
    return load_disclosure(engine, latest.id)


def _default_out(stem: str, suffix: str) -> Path:
    return Path(re.sub(r"[^\w.-]+", "-", stem) + "." + suffix)


def _write_or_fail(
    writer: Callable[[Any, Path, str], object], result: Any, path: Path, fmt: str
) -> None:
    try:
        writer(result, path, fmt)
    except OSError as error:
        raise fail(f"无法写入 {path}：{error.strerror or error}") from error


def _print_findings(console: Console, findings: tuple[Finding, ...], limit: int = 30) -> None:
    """Counts by rule first (a unit's form can hold hundreds of the same finding), then
    the first ``limit`` findings, errors and warnings before information."""
    if not findings:
        console.print("[green]未发现问题。[/]")
        return
    by_rule = Counter((f.severity, f.rule) for f in findings)
    console.print(f"问题 {len(findings)} 条：")
    for (severity, rule), count in sorted(by_rule.items(), key=lambda kv: (-kv[0][0].rank, -kv[1])):
        console.print(f"  [{SEVERITY_STYLES[severity]}]{severity.label}[/] {rule} × {count}")
    ordered = sorted(findings, key=lambda f: -f.severity.rank)
    if len(ordered) > limit:
        console.print(f"前 {limit} 条（完整清单请用 --format xlsx 或 html 输出）：")
    for finding in ordered[:limit]:
        style = SEVERITY_STYLES[finding.severity]
        where = f"{finding.location}：" if finding.location else ""
        console.print(
            f"  [{style}]{finding.severity.label}[/] {escape(where)}{escape(finding.message)}"
            f" [dim]({finding.rule})[/]"
        )


def _percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def _amount(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


def _points(value: Decimal) -> str:
    return f"{value:.2f}"


# --- template ---------------------------------------------------------------------------


@template_app.command("monitoring")
def template_monitoring(
    unit_code: UnitArgument,
    period: PeriodOption = 7,
    year: YearOption = None,
    out: OutOption = None,
    db: DbOption = None,
) -> None:
    """生成绩效运行监控表（财预〔2019〕136号）填报模板：预填项目、指标和年度指标值。"""
    engine = open_database(db)
    disclosure = _current_disclosure(engine, unit_code, year)
    path = out or _default_out(
        f"{unit_code}-{disclosure.fiscal_year}-绩效运行监控表-1-{period}月", "xlsx"
    )
    _write_template(disclosure, ActualsKind.MONITORING, path, period, DEFAULT_CONFIG)


@template_app.command("self-evaluation")
def template_self_evaluation(
    unit_code: UnitArgument,
    year: YearOption = None,
    out: OutOption = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """生成项目支出绩效自评表（财预〔2020〕10号）填报模板：预填指标、年度指标值和分值。"""
    settings = evaluation_config(config)
    engine = open_database(db)
    disclosure = _current_disclosure(engine, unit_code, year)
    path = out or _default_out(f"{unit_code}-{disclosure.fiscal_year}-绩效自评表", "xlsx")
    _write_template(disclosure, ActualsKind.SELF_EVALUATION, path, 12, settings)


def _write_template(
    disclosure: Disclosure,
    kind: ActualsKind,
    path: Path,
    period: int,
    config: EvaluationConfig,
) -> None:
    try:
        write_template(disclosure, kind, path, period_month=period, config=config)
    except OSError as error:
        raise fail(f"无法写入 {path}：{error.strerror or error}") from error
    Console().print(
        f"已生成{kind.label}模板：{escape(str(path))}"
        f"（{escape(disclosure.unit_name)} {disclosure.fiscal_year} 年度，"
        f"{len(disclosure.projects)} 个项目，{disclosure.indicator_count} 个指标）。"
        f"填好后用 jixiao actuals import 导入。"
    )


# --- actuals ----------------------------------------------------------------------------


@actuals_app.command("import")
def actuals_import(
    paths: Annotated[list[Path], typer.Argument(help="填好的模板文件（.xlsx）。")],
    entered_by: Annotated[
        str | None, typer.Option("--by", help="填报人；默认取模板“填报说明”页中填写的。")
    ] = None,
    partial: Annotated[
        bool,
        typer.Option("--partial", help="有错误的单元格按空白处理，其余照常导入。"),
    ] = False,
    unit_code: Annotated[
        str | None, typer.Option("--unit", help="只接受该单位的模板（核对用）。")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="只接受该年度的模板（核对用）。")
    ] = None,
    db: DbOption = None,
) -> None:
    """导入填好的监控表或自评表模板。

    每个文件单独处理：有错误的文件列出每个出错的单元格（工作表!单元格：原因），
    不写入任何数据（除非 --partial）；同一文件不能重复导入；同一单位、年度和期间的
    新文件成为新版本。有文件失败时退出码为 1。
    """
    console = Console()
    engine = open_database(db)
    failed = 0
    for path in paths:
        if not _import_one(engine, path, entered_by, partial, unit_code, year, console):
            failed += 1
    if len(paths) > 1:
        console.print(f"共 {len(paths)} 个文件：成功 {len(paths) - failed} 个，失败 {failed} 个。")
    if failed:
        raise typer.Exit(1)


def _import_one(
    engine: sa.Engine,
    path: Path,
    entered_by: str | None,
    partial: bool,
    unit_code: str | None,
    year: int | None,
    console: Console,
) -> bool:
    errors = errors_console()
    try:
        result = read_actuals_workbook(path)
    except ActualsFileError as error:
        errors.print(f"[bold red]失败[/] {escape(str(error))}")
        if "不是 jixiao 生成的填报模板" in error.message:
            errors.print(
                "  若这是单位自己按财预〔2020〕10号格式填报的项目支出绩效自评表，"
                "请用 jixiao actuals import-self-evaluation 导入。"
            )
        return False
    report = result.report
    cell_errors = list(result.errors)
    if report is None:
        _print_cell_errors(errors, path, cell_errors)
        return False
    if unit_code is not None and report.unit_code != unit_code:
        cell_errors.append(
            CellError("_jixiao", None, f"模板属于单位 {report.unit_code}，而非 {unit_code}", None)
        )
    if year is not None and report.fiscal_year != year:
        cell_errors.append(
            CellError(
                "_jixiao", None, f"模板属于 {report.fiscal_year} 年度，而非 {year} 年度", None
            )
        )
    summaries = find_documents(engine, report.unit_code, report.fiscal_year)
    if not summaries:
        errors.print(
            f"[bold red]失败[/] {escape(str(path))}：数据库中没有单位 {escape(report.unit_code)} "
            f"{report.fiscal_year} 年度的预算公开文件；请先用 jixiao ingest 读入。"
        )
        return False
    document_id = summaries[0].id
    cell_errors += check_against_disclosure(report, load_disclosure(engine, document_id))
    if cell_errors and not partial:
        _print_cell_errors(errors, path, cell_errors)
        errors.print("  未写入任何数据。改正后重新导入，或用 --partial 导入其余单元格。")
        return False
    if entered_by:
        report = replace(report, entered_by=entered_by)
    try:
        saved = save_actuals(engine, report, document_id=document_id)
    except DuplicateActualsError as error:
        errors.print(f"[bold red]失败[/] {escape(str(path))}：{escape(str(error))}")
        return False
    if cell_errors:
        _print_cell_errors(errors, path, cell_errors, heading="已按空白处理的单元格")
    console.print(_import_summary(path, report, saved.version))
    return True


def _print_cell_errors(
    console: Console, path: Path, cell_errors: list[CellError], heading: str = "错误"
) -> None:
    console.print(f"[bold red]{heading}[/] {escape(str(path))}：{len(cell_errors)} 处")
    for error in cell_errors[:MAX_CELL_ERRORS_SHOWN]:
        console.print(f"  {escape(str(error))}")
    if len(cell_errors) > MAX_CELL_ERRORS_SHOWN:
        console.print(f"  ……另有 {len(cell_errors) - MAX_CELL_ERRORS_SHOWN} 处")


def _import_summary(path: Path, report: ActualsReport, version: int) -> str:
    indicators = sum(len(p.indicators) for p in report.projects)
    filled = sum(
        1 for p in report.projects for i in p.indicators if i.actual is not None or i.achievement
    )
    period = f"1—{report.period_month}月" if report.kind is ActualsKind.MONITORING else "全年"
    return (
        f"[green]已导入[/] {escape(str(path))}：{escape(report.unit_name)} "
        f"{report.fiscal_year} 年度{report.kind.label}（{period}），第 {version} 版；"
        f"{len(report.projects)} 个项目，指标 {indicators} 个，已填完成值 {filled} 个。"
    )


@actuals_app.command("list")
def actuals_list(
    unit_code: Annotated[str | None, typer.Option("--unit", help="只列该单位。")] = None,
    year: Annotated[int | None, typer.Option("--year", help="只列该年度。")] = None,
    all_versions: Annotated[bool, typer.Option("--all", help="同时列出历史版本。")] = False,
    db: DbOption = None,
) -> None:
    """列出已导入的监控和自评数据。"""
    console = Console()
    engine = open_database(db)
    summaries = list_actuals(
        engine, unit_code=unit_code, fiscal_year=year, current_only=not all_versions
    )
    if not summaries:
        console.print("还没有导入的执行数据。可用 jixiao actuals import 导入。")
        return
    table = rich_table(
        "已导入的执行数据",
        "编号 单位编码 单位名称 年度 类型 期间 版本 项目 指标 填报人 导入时间",
        numeric="编号 年度 版本 项目 指标",
    )
    for s in summaries:
        table.add_row(
            str(s.id),
            escape(s.unit_code),
            escape(s.unit_name),
            str(s.fiscal_year),
            ActualsKind(s.kind).label,
            f"1—{s.period_month}月",
            str(s.version) + ("" if s.is_current else "（历史）"),
            str(s.project_count),
            str(s.indicator_count),
            escape(s.entered_by or "—"),
            s.imported_at.strftime("%Y-%m-%d %H:%M"),
        )
    console.print(table)


# --- monitor ----------------------------------------------------------------------------


def monitor_command(
    unit_code: UnitArgument,
    period: PeriodOption = 7,
    year: YearOption = None,
    fmt: Annotated[
        MonitorFormat, typer.Option("--format", "-f", help="输出格式。")
    ] = MonitorFormat.TEXT,
    out: OutOption = None,
    chart: Annotated[
        Path | None,
        typer.Option(
            "--chart",
            help="另存计划与实际累计支出图（.png 或 .svg）；配合 --project 画单个项目。",
        ),
    ] = None,
    project: Annotated[
        int | None, typer.Option("--project", help="--chart 只画该序号的项目。")
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """绩效运行监控（双监控）：预算执行进度对照支出计划，指标完成情况对照年度指标值。"""
    settings = evaluation_config(config)
    engine = open_database(db)
    disclosure = _current_disclosure(engine, unit_code, year)
    report = current_actuals(
        engine, unit_code, disclosure.fiscal_year, ActualsKind.MONITORING, period
    )
    if report is None:
        raise fail(
            f"没有单位 {unit_code} {disclosure.fiscal_year} 年度 1—{period} 月的监控数据；"
            f"先用 jixiao template monitoring {unit_code} --period {period} 生成模板，"
            "填好后用 jixiao actuals import 导入。"
        )
    result = monitor(disclosure, report, settings)
    if chart is not None:
        _write_chart(result, chart, project)
    if fmt is MonitorFormat.TEXT and out is None:
        _print_monitoring(Console(), result)
        return
    path = out or _default_out(
        f"{unit_code}-{disclosure.fiscal_year}-监控-1-{period}月",
        "txt" if fmt is MonitorFormat.TEXT else fmt.value,
    )
    if fmt is MonitorFormat.TEXT:
        console = Console(file=path.open("w", encoding="utf-8"), width=160)
        _print_monitoring(console, result)
        console.file.close()
    else:
        _write_or_fail(write_monitoring_report, result, path, fmt.value)
    Console(stderr=True).print(f"监控结果已写入 {escape(str(path))}")


def _write_chart(result: MonitoringResult, path: Path, project: int | None) -> None:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise fail(f"图表文件应以 .png 或 .svg 结尾：{path}")
    if project is not None and all(p.project_seq != project for p in result.projects):
        raise fail(f"没有序号为 {project} 的项目")
    try:
        write_spending_chart(result, path, project_seq=project, fmt=fmt)
    except OSError as error:
        raise fail(f"无法写入 {path}：{error.strerror or error}") from error
    Console(stderr=True).print(f"图表已写入 {escape(str(path))}")


def _print_monitoring(console: Console, result: MonitoringResult) -> None:
    unit = result.money_unit.label if result.money_unit else "金额"
    console.print(
        f"[bold]{escape(result.unit_name)}[/]（{escape(result.unit_code)}）"
        f"{result.fiscal_year} 年度 1—{result.period_month} 月绩效运行监控"
    )
    table = rich_table(
        f"项目预算执行（{unit}）",
        "序号 项目 预算数 执行数 执行率 计划进度 偏差 状态 指标预警",
        numeric="序号 预算数 执行数 执行率 计划进度 偏差 指标预警",
    )
    for p in result.projects:
        warned = sum(1 for i in p.indicators if i.status in (Status.YELLOW, Status.RED))
        deviation = "—" if p.deviation_points is None else f"{p.deviation_points:+.1f}"
        status = (
            "—"
            if p.status is None
            else f"[{STATUS_STYLES[p.status]}]{p.status.label}（{p.status.colour}）[/]"
        )
        table.add_row(
            str(p.project_seq),
            escape(p.project_name),
            _amount(p.budget),
            _amount(p.spent),
            _percent(p.execution_rate),
            _percent(p.planned_share),
            deviation,
            status,
            str(warned),
        )
    console.print(table)
    counts = result.status_counts()
    console.print(
        f"合计：预算 {_amount(result.budget_total)}，执行 {_amount(result.spent_total)}，"
        f"执行率 {_percent(result.execution_rate)}，计划进度 {_percent(result.planned_share)}；"
        + "，".join(f"{s.label} {counts[s]} 个" for s in Status)
    )
    _print_findings(console, result.findings)


# --- evaluate ---------------------------------------------------------------------------


def evaluate_command(
    unit_code: UnitArgument,
    year: YearOption = None,
    fmt: Annotated[
        EvaluateFormat, typer.Option("--format", "-f", help="输出格式。")
    ] = EvaluateFormat.TEXT,
    out: OutOption = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """绩效自评评分（财预〔2020〕10号）：预算执行率 10 分、产出 50 分、效益 30 分、满意度 10 分。"""
    settings = evaluation_config(config)
    engine = open_database(db)
    disclosure = _current_disclosure(engine, unit_code, year)
    report = current_actuals(engine, unit_code, disclosure.fiscal_year, ActualsKind.SELF_EVALUATION)
    if report is None:
        raise fail(
            f"没有单位 {unit_code} {disclosure.fiscal_year} 年度的自评数据；"
            f"先用 jixiao template self-evaluation {unit_code} 生成模板，"
            "填好后用 jixiao actuals import 导入。"
        )
    result = evaluate(disclosure, report, settings)
    if fmt is EvaluateFormat.TEXT and out is None:
        _print_evaluation(Console(), result)
        return
    path = out or _default_out(
        f"{unit_code}-{disclosure.fiscal_year}-绩效自评",
        "txt" if fmt is EvaluateFormat.TEXT else fmt.value,
    )
    if fmt is EvaluateFormat.TEXT:
        console = Console(file=path.open("w", encoding="utf-8"), width=160)
        _print_evaluation(console, result)
        console.file.close()
    else:
        _write_or_fail(write_evaluation_report, result, path, fmt.value)
    Console(stderr=True).print(f"自评结果已写入 {escape(str(path))}")


def _print_evaluation(console: Console, result: EvaluationResult) -> None:
    console.print(
        f"[bold]{escape(result.unit_name)}[/]（{escape(result.unit_code)}）"
        f"{result.fiscal_year} 年度项目支出绩效自评"
    )
    table = rich_table(
        "项目得分",
        "序号 项目 执行率 执行得分 产出 效益 满意度 总分 等级",
        numeric="序号 执行率 执行得分 产出 效益 满意度 总分",
    )
    for p in result.projects:
        by_level = {level.value: score for level, score in p.level_scores}
        table.add_row(
            str(p.project_seq),
            escape(p.project_name),
            _percent(p.execution_rate),
            _points(p.execution_score),
            *(
                _points(by_level[key]) if key in by_level else "—"
                for key in ("output", "outcome", "satisfaction")
            ),
            f"[bold]{_points(p.total)}[/]",
            p.grade.label,
        )
    console.print(table)
    counts = result.grade_counts()
    mean = "—" if result.mean_total is None else _points(result.mean_total)
    console.print(
        f"平均分 {mean}；" + "，".join(f"{g.label} {n} 个" for g, n in counts.items() if n)
    )
    _print_findings(console, result.findings)
