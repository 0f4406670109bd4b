"""The ``jixiao publish`` command and ``jixiao template xlsx``: a disclosure out as a public
document (DOCX, XLSX, HTML, PDF) or as open data (a Frictionless Data Package).

``jixiao publish 445001 --format docx`` writes the unit's latest stored disclosure as the
document a unit puts on its website; ``--all`` publishes every stored current disclosure
(one file each, or one data package for all — what a finance bureau puts on its
open-data portal). The disclosure may also be a file (``jixiao publish 文件.pdf --format
docx`` converts it), ``单位编码/年度`` or ``@编号``, as in ``jixiao diff``. The writers
are imported inside the commands: python-docx, openpyxl, jinja2 and pyarrow are slow to
import and only the chosen one is needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from jixiao.cli_evaluate import template_app
from jixiao.cli_support import (
    STORED_ID,
    STORED_UNIT_YEAR,
    DbOption,
    errors_console,
    fail,
    open_database,
    resolve_disclosure,
)
from jixiao.ingest.reader import DOCUMENT_SUFFIXES
from jixiao.model import Disclosure
from jixiao.publish.errors import PublishError
from jixiao.store import find_documents, load_disclosure, load_disclosures

DOCUMENT_NAME = "部门预算公开"
DATA_NAME = "部门预算公开数据"
TEMPLATE_NAME = "部门预算公开模板"


class PublishFormat(StrEnum):
    """Formats of ``jixiao publish --format``."""

    DOCX = "docx"
    XLSX = "xlsx"
    HTML = "html"
    PDF = "pdf"
    DATAPACKAGE = "datapackage"


FORMAT_LABELS = {
    PublishFormat.DOCX: " Word 文档",
    PublishFormat.XLSX: " Excel 工作簿",
    PublishFormat.HTML: "网页",
    PublishFormat.PDF: " PDF 文件",
    PublishFormat.DATAPACKAGE: "数据包",
}  # a space before Latin words: "已生成 Word 文档", "已生成网页"

ReferenceArgument = Annotated[
    str | None,
    typer.Argument(
        help="单位编码（如 445001，取库中当前版本）、单位编码/年度、@编号，"
        "或一个预算公开文件的路径。",
        show_default=False,
        metavar="单位编码或文件",
    ),
]
YearOption = Annotated[
    int | None, typer.Option("--year", "-y", help="预算年度；默认取该单位最新的年度。")
]

Writer = Callable[[Disclosure, Path], object]


def register(app: typer.Typer) -> None:
    """Add ``publish`` to ``app`` and ``xlsx`` to its ``template`` group."""
    app.command("publish")(publish_command)
    template_app.command("xlsx")(template_xlsx)


# --- which disclosures ------------------------------------------------------------------


def _stored(unit_code: str, year: int | None, db: str | None) -> Disclosure:
    """The current stored disclosure of ``unit_code`` for ``year`` (latest when None)."""
    engine = open_database(db)
    try:
        summaries = find_documents(engine, unit_code)
        if not summaries:
            raise fail(f"数据库中没有单位 {unit_code} 的预算公开文件；请先用 jixiao ingest 读入。")
        years = sorted({s.fiscal_year for s in summaries})
        chosen = [s for s in summaries if year is None or s.fiscal_year == year]
        if not chosen:
            stored = "、".join(map(str, years))
            raise fail(f"数据库中没有单位 {unit_code} {year} 年度的文件（已有年度：{stored}）。")
        latest = max(chosen, key=lambda s: (s.fiscal_year, s.version))
        return load_disclosure(engine, latest.id)
    finally:
        engine.dispose()


def _disclosure(reference: str, year: int | None, db: str | None) -> Disclosure:
    """The disclosure ``reference`` names: a file, ``UNIT/YEAR``, ``@ID`` or a unit code."""
    path = Path(reference)
    if path.exists() or STORED_ID.match(reference) or STORED_UNIT_YEAR.match(reference):
        disclosure = resolve_disclosure(reference, db)
        if year is not None and disclosure.fiscal_year != year:
            raise fail(f"{reference} 是 {disclosure.fiscal_year} 年度的文件，而非 {year} 年度。")
        return disclosure
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        raise fail(f"找不到文件 {reference}")
    return _stored(reference, year, db)


def _all_stored(year: int | None, db: str | None) -> list[Disclosure]:
    engine = open_database(db)
    try:
        disclosures = load_disclosures(engine)
    finally:
        engine.dispose()
    chosen = [d for d in disclosures if year is None or d.fiscal_year == year]
    if not chosen:
        when = f" {year} 年度" if year is not None else ""
        raise fail(f"数据库中没有{when}的预算公开文件；请先用 jixiao ingest 读入。")
    return chosen


def _name(*parts: object) -> str:
    """A file name of ``parts`` joined by ``-``, anything but letters, digits, ``.``
    and ``-`` replaced (a unit code read from a file could hold ``/``)."""
    return re.sub(r"[^\w.-]+", "-", "-".join(map(str, parts)))


def default_out(fmt: PublishFormat, disclosure: Disclosure) -> Path:
    """``445001-2025-部门预算公开.docx``; for a data package, the folder
    ``445001-2025-部门预算公开数据``."""
    if fmt is PublishFormat.DATAPACKAGE:
        return Path(_name(disclosure.unit_code, disclosure.fiscal_year, DATA_NAME))
    stem = _name(disclosure.unit_code, disclosure.fiscal_year, DOCUMENT_NAME)
    return Path(f"{stem}.{fmt.value}")


# --- writing ----------------------------------------------------------------------------


def _writer(fmt: PublishFormat, timeout_s: float) -> Writer:
    """The writer of a document format, imported now (each pulls in its library)."""
    if fmt is PublishFormat.DOCX:
        from jixiao.publish.disclosure_docx import write_disclosure_docx

        return write_disclosure_docx
    if fmt is PublishFormat.XLSX:
        from jixiao.publish.disclosure_xlsx import write_disclosure_xlsx

        return write_disclosure_xlsx
    if fmt is PublishFormat.HTML:
        from jixiao.publish.disclosure_html import write_disclosure_html

        return write_disclosure_html
    from jixiao.publish.disclosure_pdf import find_soffice, write_disclosure_pdf

    if find_soffice() is None:  # say it once, not once per unit
        raise fail("未找到 LibreOffice（soffice），无法生成 PDF；请先安装 LibreOffice。")
    return lambda disclosure, path: write_disclosure_pdf(disclosure, path, timeout_s=timeout_s)


def _write(writer: Writer, disclosure: Disclosure, path: Path) -> str | None:
    """Write one document; the Chinese reason when it could not be written."""
    try:
        writer(disclosure, path)
    except PublishError as error:
        return str(error)
    except OSError as error:
        return f"无法写入 {path}：{error.strerror or error}"
    return None


def _describe(d: Disclosure) -> str:
    return f"{d.unit_name}（{d.unit_code}）{d.fiscal_year} 年度，{len(d.projects)} 个项目"


def _publish_package(disclosures: list[Disclosure], folder: Path, console: Console) -> None:
    from jixiao.publish.datapackage import PARQUET_FOLDER, write_datapackage

    try:
        descriptor = write_datapackage(disclosures, folder)
    except PublishError as error:
        raise fail(str(error)) from error
    units = _describe(disclosures[0]) if len(disclosures) == 1 else f"{len(disclosures)} 份文件"
    console.print(
        f"已生成数据包：{escape(str(descriptor))}（{escape(units)}；"
        f"CSV 在同一文件夹，Parquet 在 {PARQUET_FOLDER}/ 下）。"
    )


def _publish_many(
    disclosures: list[Disclosure], fmt: PublishFormat, folder: Path, writer: Writer
) -> int:
    """Write each disclosure into ``folder``; a failed one does not stop the rest.
    Returns how many failed (each printed, with its reason, above the bar)."""
    errors = errors_console()
    failed = 0
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), transient=True) as progress:
        task = progress.add_task("发布", total=len(disclosures))
        for d in disclosures:
            progress.update(task, description=f"发布 {escape(d.unit_name)} {d.fiscal_year}")
            reason = _write(writer, d, folder / default_out(fmt, d).name)
            if reason is not None:
                failed += 1
                errors.print(f"[bold red]失败[/] {escape(_describe(d))}：{escape(reason)}")
            progress.advance(task)
    return failed


def publish_command(
    reference: ReferenceArgument = None,
    fmt: Annotated[
        PublishFormat, typer.Option("--format", "-f", help="输出格式。")
    ] = PublishFormat.DOCX,
    year: YearOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="输出路径：文件；datapackage 和 --all 时为文件夹。"
            "默认为当前目录下的“单位编码-年度-部门预算公开.格式”。",
        ),
    ] = None,
    all_units: Annotated[
        bool,
        typer.Option("--all", help="发布数据库中全部当前版本（可用 --year 只取一个年度）。"),
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=1, help="PDF：LibreOffice 转换的时限（秒）。")
    ] = 180,
    db: DbOption = None,
) -> None:
    """生成部门预算公开文件（Word、Excel、网页、PDF）或开放数据包。

    DOCX/XLSX/HTML/PDF 为单位公开用的文本：标准表格和项目支出绩效目标表，数值与原文一致；
    datapackage 为开放数据（Frictionless Data Package：CSV 与 Parquet，含字段说明和主外键）。
    --all 发布库中全部当前版本：文档格式每个单位一个文件，datapackage 合为一个数据包。
    有文件未能生成时退出码为 1。
    """
    if all_units and reference is not None:
        raise typer.BadParameter("--all 与单位编码不能同时使用。", param_hint="REFERENCE")
    if not all_units and reference is None:
        raise typer.BadParameter("请给出单位编码或文件，或用 --all 发布全部。")
    console = Console()
    if not all_units:
        assert reference is not None
        disclosure = _disclosure(reference, year, db)
        path = out or default_out(fmt, disclosure)
        if fmt is PublishFormat.DATAPACKAGE:
            _publish_package([disclosure], path, console)
            return
        reason = _write(_writer(fmt, timeout), disclosure, path)
        if reason is not None:
            raise fail(reason)
        console.print(
            f"已生成{FORMAT_LABELS[fmt]}：{escape(str(path))}（{escape(_describe(disclosure))}）。"
        )
        return
    disclosures = _all_stored(year, db)
    if fmt is PublishFormat.DATAPACKAGE:
        folder = out or Path(_name(*([year] if year else []), DATA_NAME))
        _publish_package(disclosures, folder, console)
        return
    folder = out or Path(_name(*([year] if year else []), DOCUMENT_NAME))
    writer = _writer(fmt, timeout)
    failed = _publish_many(disclosures, fmt, folder, writer)
    console.print(
        f"已生成 {len(disclosures) - failed} 个{FORMAT_LABELS[fmt]}，在 {escape(str(folder))}"
        + (f"；失败 {failed} 个。" if failed else "。")
    )
    if failed:
        raise typer.Exit(1)


# --- template xlsx ----------------------------------------------------------------------


def template_xlsx(
    reference: Annotated[
        str | None,
        typer.Argument(
            help="单位编码（预填库中该单位的公开内容）、单位编码/年度、@编号或文件；"
            "省略时生成空白模板。",
            show_default=False,
            metavar="单位编码",
        ),
    ] = None,
    year: YearOption = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="输出文件路径。")] = None,
    db: DbOption = None,
) -> None:
    """生成部门预算公开 Excel 填报模板（标准表格和项目支出绩效目标表）。

    给出单位时预填该单位库中的内容，否则为空白模板；填好后可用 jixiao ingest 读入。
    """
    from jixiao.publish.disclosure_xlsx import write_xlsx_template

    if reference is None and year is not None:
        raise typer.BadParameter("--year 须与单位编码一起使用。", param_hint="--year")
    disclosure = None if reference is None else _disclosure(reference, year, db)
    if out is not None:
        path = out
    elif disclosure is None:
        path = Path(f"{TEMPLATE_NAME}.xlsx")
    else:
        path = Path(_name(disclosure.unit_code, disclosure.fiscal_year, TEMPLATE_NAME) + ".xlsx")
    try:
        write_xlsx_template(path, disclosure)
    except PublishError as error:
        raise fail(str(error)) from error
    except OSError as error:
        raise fail(f"无法写入 {path}：{error.strerror or error}") from error
    filled = "空白模板" if disclosure is None else f"已预填 {_describe(disclosure)}"
    Console().print(
        f"已生成部门预算公开 Excel 模板：{escape(str(path))}（{escape(filled)}）。"
        "填好后可用 jixiao ingest 读入。"
    )
