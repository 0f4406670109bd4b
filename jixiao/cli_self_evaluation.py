"""``jixiao actuals import-self-evaluation``: import a unit's own past 自评表 workbook
(项目支出绩效自评表, 财预〔2020〕10号, as units fill it) and show it re-scored beside the
scores the unit printed.

Each file is read (:func:`~jixiao.ingest.self_evaluation_xlsx.read_self_evaluation_workbook`),
its disclosure and its self-evaluation report (linked to that document) stored together,
in one transaction (:func:`~jixiao.store.save_with_disclosure`), so that
``jixiao evaluate UNIT --year YEAR`` works on it afterwards. Then every form is scored by
:func:`~jixiao.evaluate.scoring.evaluate` and printed beside the 总分 the form prints.

**Unit code.** A 自评表 prints none. The workbook is stored as *one* document under the
主管部门 printed on its forms (``平昌县公安局部门``, the reader's placeholder), or under
``--unit CODE`` when given; each project keeps its 实施单位. A workbook holding the forms
of several 实施单位 (Pingchang: 3) is not split: the store keys a document by the SHA-256
of its file (unique), so one file can be only one document. The report is keyed by the
same unit code, so ``evaluate`` finds the pair.

**Printed 总分**: the 得分 of the form's 总分/合计 row; when that is blank, the total its
评价结论 states (``项目自评总分100分``), marked as such.

**Writes**: the document and the report in one transaction (all or nothing). The same
file imported again is 未变化 and only compared, not a failure.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer
from rich.console import Console
from rich.markup import escape

from jixiao.cli_evaluate import ConfigOption, evaluation_config
from jixiao.cli_support import DbOption, errors_console, fail, open_database, rich_table
from jixiao.evaluate.config import DEFAULT_CONFIG, EvaluationConfig
from jixiao.evaluate.results import ProjectScore
from jixiao.evaluate.scoring import evaluate
from jixiao.ingest.errors import IngestError
from jixiao.ingest.self_evaluation_model import note
from jixiao.ingest.self_evaluation_records import SelfEvaluationForm
from jixiao.ingest.self_evaluation_xlsx import (
    SelfEvaluationWorkbook,
    read_self_evaluation_workbook,
)
from jixiao.ingest.target import parse_number
from jixiao.model import Level1, Severity
from jixiao.store import find_document_by_sha256, find_documents, save_with_disclosure

__all__ = ["FormComparison", "ImportedWorkbook", "import_self_evaluation", "register"]

CENT = Decimal("0.01")
MAX_WARNINGS_SHOWN = 10
OUT_SUFFIXES = (".xlsx", ".csv")
DOCUMENT_STATUS = {"inserted": "新增", "new_version": "新版本", "unchanged": "未变化"}
LEVELS = ((Level1.OUTPUT, "产出"), (Level1.OUTCOME, "效益"), (Level1.SATISFACTION, "满意度"))
FROM_TOTAL_ROW = "总分行"
FROM_CONCLUSION = "评价结论"


@dataclass(frozen=True, slots=True, kw_only=True)
class FormComparison:
    """One 自评表: what the unit printed and what jixiao scores it.

    ``printed_total`` is the printed 总分 (``printed_text`` as printed, ``printed_from``
    :data:`FROM_TOTAL_ROW` or :data:`FROM_CONCLUSION`; all ``None``/``""`` when the form
    prints none); ``claimed_sum`` the 得分 printed in its rows added up (预算执行 plus
    indicators; ``None`` when none is printed); ``score`` jixiao's scoring (points, 100
    in all). ``filled`` is whether any 完成值 was filled in.
    """

    form: SelfEvaluationForm
    seq: int
    unit_name: str
    project_code: str | None
    project_name: str
    indicators: int
    printed_text: str
    printed_total: Decimal | None
    printed_from: str
    claimed_sum: Decimal | None
    filled: bool
    score: ProjectScore

    @property
    def difference(self) -> Decimal | None:
        """jixiao's total − the printed 总分 (points); ``None`` with no printed 总分."""
        if self.printed_total is None:
            return None
        return (self.score.total - self.printed_total).quantize(CENT, ROUND_HALF_UP)

    @property
    def differs(self) -> bool:
        """True when a 总分 is printed and jixiao's differs from it by 0.01 or more."""
        return self.difference is not None and self.difference != 0

    @property
    def location(self) -> str:
        """Where the form starts in the workbook: ``自评表!A1808``."""
        return f"{self.form.sheet}!A{self.form.title_row}"

    @property
    def remarks(self) -> tuple[str, ...]:
        """Short Chinese remarks explaining a difference (no 总分, 总分 from the
        评价结论, rows not adding up, nothing filled in)."""
        out = []
        if self.printed_total is None:
            out.append("未印总分")
        elif self.printed_from == FROM_CONCLUSION:
            out.append("总分取自评价结论")
        printed, claimed = self.printed_total, self.claimed_sum
        if claimed is not None and printed is not None and claimed != printed:
            out.append(f"各项得分合计 {claimed}")
        if not self.indicators:
            out.append("无绩效指标")
        elif not self.filled:
            out.append("未填完成值")
        return tuple(out)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedWorkbook:
    """One workbook imported: where it was stored and every form compared.

    ``document_status`` is ``inserted``, ``new_version`` or ``unchanged`` (see
    :class:`~jixiao.store.SaveResult`); ``actuals_version`` the stored report's version,
    ``None`` when the same file's report was stored before (nothing written).
    ``replaced_version`` is the unit's year's document version that this one replaced
    as current (``None`` when there was none).
    """

    path: Path
    workbook: SelfEvaluationWorkbook
    unit_code: str
    unit_name: str
    fiscal_year: int
    document_id: int
    document_status: str
    document_version: int
    replaced_version: int | None
    actuals_version: int | None
    forms: tuple[FormComparison, ...]

    @property
    def indicator_count(self) -> int:
        """Indicators over all forms."""
        return sum(f.indicators for f in self.forms)


class ImportFailed(Exception):
    """A file that could not be imported; the message is Chinese and names the file."""


def register(actuals_app: typer.Typer) -> None:
    """Add ``import-self-evaluation`` to the ``actuals`` command group."""
    actuals_app.command("import-self-evaluation")(import_self_evaluation_command)


# --- the work --------------------------------------------------------------------------


def _printed_total(form: SelfEvaluationForm) -> tuple[str, Decimal | None, str]:
    """(text, number, where from) of the form's printed 总分 (see the module docstring)."""
    text = form.total_score.strip()
    number = parse_number(text) if text else None
    if number is not None:
        return text, number, FROM_TOTAL_ROW
    if form.conclusion_total is not None:
        return str(form.conclusion_total), form.conclusion_total, FROM_CONCLUSION
    return text, None, ""


def compare_forms(
    workbook: SelfEvaluationWorkbook, config: EvaluationConfig = DEFAULT_CONFIG
) -> tuple[FormComparison, ...]:
    """Every form of ``workbook`` scored by jixiao (``config``) beside its printed 总分,
    in the order printed (project ``seq`` = position + 1)."""
    result = evaluate(workbook.disclosure, workbook.report, config)
    scores = {p.project_seq: p for p in result.projects}
    out = []
    pairs = zip(workbook.forms, workbook.disclosure.projects, workbook.report.projects, strict=True)
    for form, project, actuals in pairs:
        text, total, source = _printed_total(form)
        claimed = form.claimed_scores
        out.append(
            FormComparison(
                form=form,
                seq=project.seq,
                unit_name=project.unit_name or "",
                project_code=project.project_code,
                project_name=project.project_name,
                indicators=len(project.indicators),
                printed_text=text,
                printed_total=total,
                printed_from=source,
                claimed_sum=sum(claimed, Decimal(0)) if claimed else None,
                filled=any(i.actual is not None for i in actuals.indicators),
                score=scores[project.seq],
            )
        )
    return tuple(out)


def _with_unit(workbook: SelfEvaluationWorkbook, unit_code: str) -> SelfEvaluationWorkbook:
    """``workbook`` with ``unit_code`` in place of the 主管部门 placeholder, the
    reader's placeholder note replaced by one saying where the code came from."""
    placeholder = "ingest-self-evaluation-unit-code"
    name = workbook.disclosure.unit_name
    kept = [n for n in workbook.disclosure.notes if n.rule != placeholder]
    message = (
        f"自评表未印单位编码，按导入时指定的 --unit 以“{unit_code}”作为单位编码，"
        f"单位名称取主管部门“{name}”；各项目的实施单位见项目的单位名称。"
    )
    fields = (("unit_code", unit_code),)
    notes = (*kept, note("unit-code", Severity.INFO, message, fields=fields))
    disclosure = replace(workbook.disclosure, unit_code=unit_code, notes=notes)
    report = replace(workbook.report, unit_code=unit_code)
    return replace(workbook, disclosure=disclosure, report=report)


def import_self_evaluation(
    engine: sa.Engine,
    path: Path,
    *,
    unit_code: str | None = None,
    year: int | None = None,
    entered_by: str | None = None,
    config: EvaluationConfig = DEFAULT_CONFIG,
) -> ImportedWorkbook:
    """Read the 自评表 workbook at ``path``, store its disclosure and its self-evaluation
    report (under ``unit_code``, else the 主管部门 printed) and compare every form.

    Raises :class:`ImportFailed` (Chinese message naming the file) when the file cannot
    be read, is of another year than ``year``, was stored before under another unit
    code, or the database refuses it.
    """
    try:
        workbook = read_self_evaluation_workbook(path)
    except IngestError as error:
        raise ImportFailed(str(error)) from error
    except Exception as error:  # a bug or an unreadable file: report it, go on with the rest
        raise ImportFailed(f"文件 {path}：读取时出错（{type(error).__name__}: {error}）") from error
    if unit_code is not None:
        workbook = _with_unit(workbook, unit_code)
    disclosure, report = workbook.disclosure, workbook.report
    if year is not None and disclosure.fiscal_year != year:
        raise ImportFailed(
            f"文件 {path}：自评表为 {disclosure.fiscal_year} 年度，而非 --year 指定的 {year} 年度，"
            "未写入任何数据。"
        )
    if entered_by:
        report = replace(report, entered_by=entered_by)
    before = find_documents(engine, disclosure.unit_code, disclosure.fiscal_year)
    stored = find_document_by_sha256(engine, disclosure.source.sha256)
    if stored is not None and stored.unit_code != disclosure.unit_code:
        raise ImportFailed(
            f"文件 {path}：该文件此前已以单位编码“{stored.unit_code}”导入（文件编号 "
            f"{stored.id}），同一文件只能以一个单位编码保存；请用 --unit {stored.unit_code} "
            "或不指定 --unit 再试。未写入任何数据。"
        )
    try:
        saved, actuals = save_with_disclosure(engine, disclosure, report)
    except Exception as error:  # one transaction, rolled back: nothing of it is stored
        raise ImportFailed(
            f"文件 {path}：存入数据库失败（{type(error).__name__}: {error}），未写入任何数据。"
        ) from error
    # None: imported before, the comparison is still shown
    actuals_version = actuals.version if actuals is not None else None
    replaced = max((s.version for s in before), default=None)
    return ImportedWorkbook(
        path=path,
        workbook=workbook,
        unit_code=disclosure.unit_code,
        unit_name=disclosure.unit_name,
        fiscal_year=disclosure.fiscal_year,
        document_id=saved.document_id,
        document_status=saved.status,
        document_version=saved.version,
        replaced_version=None if saved.status == "unchanged" else replaced,
        actuals_version=actuals_version,
        forms=compare_forms(workbook, config),
    )


# --- the command -----------------------------------------------------------------------


def _expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder gives the .xlsx files under it (Excel's ~$ lock files
    left out), sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = path.rglob("*.xlsx")
            files.extend(sorted(p for p in found if p.is_file() and not p.name.startswith("~$")))
        else:
            files.append(path)
    return files


def import_self_evaluation_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="单位自己填报的项目支出绩效自评表（.xlsx），或包含它们的文件夹。"),
    ],
    unit_code: Annotated[
        str | None,
        typer.Option(
            "--unit",
            help="存入的单位编码（自评表不印单位编码）；默认取表中的主管部门名称。",
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="只接受该年度的自评表（核对用）。")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="另存对照表：.xlsx（Excel）或 .csv（UTF-8 带 BOM）。"),
    ] = None,
    entered_by: Annotated[str | None, typer.Option("--by", help="填报人（记入自评数据）。")] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """导入单位自己填的自评表（10号格式），重新评分并与表中总分对照。

    读取单位按财预〔2020〕10号格式填报的项目支出绩效自评表（.xlsx），按规则重新评分。

    每个文件单独处理：自评表中的项目和指标存为一份文件（同 jixiao ingest），完成值和
    得分存为自评数据（同 jixiao actuals import），之后可用 jixiao evaluate 单位编码
    --year 年度 查看评分明细。自评表不印单位编码，默认以主管部门名称作单位编码，可用
    --unit 指定。某个文件失败时显示原因并继续处理其余文件，有文件失败时退出码为 1。
    同一文件再次导入不重复写入，只显示对照。
    """
    if out is not None and out.suffix.lower() not in OUT_SUFFIXES:
        raise fail(f"--out 应以 .xlsx 或 .csv 结尾：{out}")
    settings = evaluation_config(config)
    files = _expand(paths)
    if not files:
        raise fail("没有找到自评表文件（.xlsx）：" + "、".join(map(str, paths)))
    console, errors = Console(), errors_console()
    engine = open_database(db)
    imported: list[ImportedWorkbook] = []
    failed: list[tuple[Path, str]] = []
    try:
        for path in files:
            try:
                result = import_self_evaluation(
                    engine,
                    path,
                    unit_code=unit_code,
                    year=year,
                    entered_by=entered_by,
                    config=settings,
                )
            except ImportFailed as error:
                errors.print(f"[bold red]失败[/] {escape(str(error))}")
                failed.append((path, str(error)))
                continue
            imported.append(result)
            _print_workbook(console, result)
    finally:
        engine.dispose()
    if len(files) > 1:
        console.print(f"共 {len(files)} 个文件：成功 {len(imported)} 个，失败 {len(failed)} 个。")
    if out is not None:
        if imported:
            _write_out(out, imported)
            console.print(f"对照表已写入 {escape(str(out))}")
        else:
            errors.print("[yellow]提示[/]：没有导入成功的文件，未写对照表。")
    if failed:
        raise typer.Exit(1)


# --- printing --------------------------------------------------------------------------


def _points(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _signed(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def _print_workbook(console: Console, result: ImportedWorkbook) -> None:
    workbook = result.workbook
    stored = (
        f"文件第 {result.document_version} 版（{DOCUMENT_STATUS[result.document_status]}），"
        + (
            f"自评数据第 {result.actuals_version} 版"
            if result.actuals_version is not None
            else "自评数据此前已导入（未重复写入）"
        )
    )
    console.print(
        f"[bold]{escape(str(result.path))}[/]：{escape(result.unit_name)}"
        f"（单位编码 {escape(result.unit_code)}）{result.fiscal_year} 年度；{stored}。"
    )
    if result.replaced_version is not None:
        console.print(
            f"[yellow]提示[/]：该单位编码 {result.fiscal_year} 年度原有第 {result.replaced_version}"
            " 版文件，现以本自评表为当前版本（原文件保留为历史版本）。"
        )
    table = rich_table(
        "自评表对照（差额 = jixiao评分 − 自评总分）",
        "序号 实施单位 项目 指标 自评总分 jixiao评分 差额 等级 说明",
        numeric="序号 指标 自评总分 jixiao评分 差额",
    )
    for f in result.forms:
        difference = _signed(f.difference)
        if f.differs:
            difference = f"[bold red]{difference}[/]"
        table.add_row(
            str(f.seq),
            escape(f.unit_name),
            escape(f.project_name),
            str(f.indicators),
            escape(f.printed_text) if f.printed_total is not None else "—",
            _points(f.score.total),
            difference,
            f.score.grade.label,
            escape("；".join(f.remarks)),
        )
    console.print(table)
    console.print(
        "[dim]自评总分：表中总分（合计）行的得分，未填时取评价结论所述总分；jixiao评分：按"
        "财预〔2020〕10号规则由表中完成值重新计算（默认参数见 docs/evaluate.md）；"
        "未填完成值的表只得预算执行分。[/]"
    )
    console.print(_summary(result))
    warnings = [n for n in workbook.notes if n.severity.rank >= Severity.WARNING.rank]
    if warnings:
        console.print(f"读取提示中有 {len(warnings)} 条警告：")
        for finding in warnings[:MAX_WARNINGS_SHOWN]:
            console.print(f"  [yellow]警告[/] {escape(finding.message)}")
        if len(warnings) > MAX_WARNINGS_SHOWN:
            console.print(f"  ……另有 {len(warnings) - MAX_WARNINGS_SHOWN} 条")
    console.print(
        f"全部读取提示：jixiao show {escape(result.unit_code)} --year {result.fiscal_year}；"
        f"评分明细：jixiao evaluate {escape(result.unit_code)} --year {result.fiscal_year}"
    )


def _summary(result: ImportedWorkbook) -> str:
    forms = result.forms
    units = Counter(f.unit_name for f in forms if f.unit_name)
    printed = [f for f in forms if f.printed_total is not None]
    differs = [f for f in forms if f.differs]
    unfilled = sum(1 for f in forms if f.indicators and not f.filled)
    by_unit = "、".join(f"{escape(name)} {count} 张" for name, count in units.most_common())
    line = (
        f"共 {len(forms)} 张自评表，指标 {result.indicator_count} 个"
        + (f"；实施单位 {len(units)} 个：{by_unit}" if units else "")
        + f"。印有自评总分 {len(printed)} 张，其中 jixiao 评分与之不同 {len(differs)} 张"
    )
    unfilled_differs = sum(1 for f in differs if not f.filled)
    if unfilled_differs:
        line += f"（{unfilled_differs} 张未填完成值或无指标）"
    if unfilled:
        line += f"；未填完成值 {unfilled} 张（只得预算执行分）"
    return line + "。"


# --- the comparison file ---------------------------------------------------------------

HEADERS = (
    "文件",
    "单位编码",
    "年度",
    "序号",
    "位置",
    "实施单位",
    "项目编码",
    "项目名称",
    "指标数",
    "自评总分",
    "总分来源",
    "表内各项得分合计",
    "jixiao评分",
    "差额",
    "jixiao等级",
    "预算执行得分",
    *(label + "得分" for _, label in LEVELS),
    "说明",
)
NUMBER_COLUMNS = frozenset(
    {"自评总分", "表内各项得分合计", "jixiao评分", "差额", "预算执行得分"}
    | {label + "得分" for _, label in LEVELS}
)


def _rows(imported: list[ImportedWorkbook]) -> list[list[object]]:
    rows: list[list[object]] = []
    for result in imported:
        for f in result.forms:
            levels = dict(f.score.level_scores)
            rows.append(
                [
                    result.path.name,
                    result.unit_code,
                    result.fiscal_year,
                    f.seq,
                    f.location,
                    f.unit_name,
                    f.project_code or "",
                    f.project_name,
                    f.indicators,
                    f.printed_total,
                    f.printed_from,
                    f.claimed_sum,
                    f.score.total,
                    f.difference,
                    f.score.grade.label,
                    f.score.execution_score,
                    *(levels.get(level) for level, _ in LEVELS),
                    "；".join(f.remarks),
                ]
            )
    return rows


def _write_out(path: Path, imported: list[ImportedWorkbook]) -> None:
    """The comparison of every imported form: one row per form, all files together."""
    rows = _rows(imported)
    try:
        if path.suffix.lower() == ".csv":
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(HEADERS)
                writer.writerows([["" if v is None else v for v in row] for row in rows])
        else:
            _write_xlsx(path, rows)
    except OSError as error:
        raise fail(f"无法写入 {path}：{error.strerror or error}") from error


def _write_xlsx(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook  # slow to import; only --out .xlsx needs it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "自评对照"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for index, header in enumerate(HEADERS, start=1):
        column = sheet.cell(row=1, column=index).column_letter
        if header in NUMBER_COLUMNS:
            for cell in sheet[column][1:]:
                cell.number_format = "0.00"
        width = {"项目名称": 36, "说明": 40, "文件": 28, "实施单位": 20, "项目编码": 24}
        sheet.column_dimensions[column].width = width.get(header, max(8, len(header) * 2 + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(path)
