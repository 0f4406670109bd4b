"""Entry points: read a file (or bytes) into a :class:`~jixiao.model.Disclosure`.

The format (text, .docx, .xlsx, legacy .xls, HTML, PDF) and the layout are detected
from the content, never from the file name (``sniff``). A binary document is turned
into the Word-export text Word itself would save (``docx_reader``, ``xlsx_reader``,
``html_reader``, ``pdf_reader``, all through ``grid``) and read by the same parser.
The fiscal year is read from the raw text first because some targets need it
(``11月底前`` is a date only once the year is known).
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from jixiao.ingest.document import detect_layout, infer_fiscal_year, printed_unit
from jixiao.ingest.docx_reader import DOCX_NOTE_RULE
from jixiao.ingest.errors import IngestError
from jixiao.ingest.pdf_extraction import read_pdf_extraction
from jixiao.ingest.sniff import DEFAULT_MAX_UNPACKED_BYTES, FileFormat, refusal, sniff_format
from jixiao.ingest.tables import split_unit_line
from jixiao.ingest.text import decode
from jixiao.ingest.word_export import read_word_export
from jixiao.model import (
    BudgetTable,
    Disclosure,
    Finding,
    Layout,
    Location,
    MoneyUnit,
    Severity,
    Source,
    TableKind,
)

DOCUMENT_SUFFIXES = (".txt", ".docx", ".xlsx", ".xls", ".html", ".htm", ".pdf")


def read_disclosure(
    path: str | Path, *, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> Disclosure:
    """Read the disclosure in ``path`` (text or .docx, told apart by content).

    ``max_unpacked_bytes`` bounds what a .docx may inflate to (default 200 MB).
    Raises :class:`~jixiao.ingest.IngestError` (Chinese message, file and line)
    when the file cannot be read or is not a readable disclosure.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"无法打开文件（{error.strerror or error}）。", path=str(path)) from error
    return parse_disclosure(data, path=str(path), max_unpacked_bytes=max_unpacked_bytes)


def parse_disclosure(
    data: bytes, *, path: str, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> Disclosure:
    """Parse the bytes of a document; ``path`` names it in locations and errors.

    A workbook of 项目支出绩效自评表 gives its projects and targets
    (``self_evaluation_xlsx``; its actuals are read by that module).

    Raises :class:`IngestError` for empty or binary input, a format not read
    (legacy .doc, RTF, an encrypted Office file), a broken .docx or one inflating past
    ``max_unpacked_bytes``, text of another genre, a document without unit code or
    fiscal year, or a table cut off mid-row.
    """
    fmt = sniff_format(data)
    notes: list[Finding] = []
    if fmt in _CONVERTERS:
        text = _converted_text(fmt, data, path=path, max_unpacked_bytes=max_unpacked_bytes)
        if fmt is FileFormat.XLSX and _is_self_evaluation(text):
            return _self_evaluation_targets(data, path, max_unpacked_bytes)
        layout, encoding = Layout.WORD_EXPORT, "utf-8"
        notes.append(_converted_note(fmt, path))
    else:
        message = refusal(fmt)
        if message is not None:
            raise IngestError(message, path=path)
        text, encoding = decode(data, path=path)
        detected = detect_layout(text)
        if detected is None:
            raise IngestError(
                "不是可识别的部门预算公开文档：未找到预算表格或绩效目标表"
                "（支持 Word 导出文本和 PDF 提取文本两种版式）。",
                path=path,
            )
        layout = detected
    year = infer_fiscal_year(text)
    fiscal_year = year[0] if year else None
    if layout is Layout.WORD_EXPORT:
        found = read_word_export(
            text, path=path, fiscal_year=fiscal_year, rows_whole=fmt in _CONVERTERS
        )
    else:
        found = read_pdf_extraction(text, path=path, fiscal_year=fiscal_year)
    if not found.budget_tables and not found.projects:
        raise IngestError("文档中没有找到任何预算表或项目绩效目标表。", path=path)
    if year is None:
        raise IngestError(
            "未能确定预算年度：文中没有“预算年度”、年份标题、项目编码中的年份或年份指标值。",
            path=path,
        )
    unit = _unit(found.unit_lines, [(p.unit_code, p.unit_name) for p in found.projects])
    if unit is None:
        unit, note = _unit_as_printed(text, path)
        notes.append(note)
    # the budget tables' unit when they print one (project forms of Sichuan print
    # 元 beside 万元 tables), else the projects'
    units = Counter(t.money_unit for t in found.budget_tables if t.money_unit) or Counter(
        p.money_unit for p in found.projects if p.money_unit
    )
    return Disclosure(
        unit_code=unit[0],
        unit_name=unit[1],
        fiscal_year=year[0],
        fiscal_year_evidence=year[1],
        money_unit=_most_common(units),
        source=Source(
            path=path,
            sha256=hashlib.sha256(data).hexdigest(),
            layout=layout,
            encoding=encoding,
            size_bytes=len(data),
        ),
        budget_tables=tuple(found.budget_tables),
        department_goals=found.goals,
        projects=tuple(found.projects),
        narrative=tuple(found.narrative),
        notes=(*notes, *found.notes, *_unrecognised_notes(found.budget_tables, path)),
    )


# Descriptive tables that hold no budget figures, read as ``other`` without a note:
# by title, or, untitled, a list of units (序号 | 预算单位名称, Bazhou's 单位构成).
_DESCRIPTIVE_TABLE = re.compile(r"机构设置|单位构成")
_UNIT_LIST_HEADER = re.compile(r"单位名称|机构名称")


def _is_descriptive(table: BudgetTable) -> bool:
    if _DESCRIPTIVE_TABLE.search(table.title):
        return True
    figures = any(cell.value is not None for row in table.rows for cell in row.values)
    named = any(_UNIT_LIST_HEADER.search("".join(c.header)) for c in table.columns)
    return named and not figures and not table.title


def _unrecognised_notes(tables: Iterable[BudgetTable], path: str) -> list[Finding]:
    """One note per table of kind ``other`` naming it as printed: it is kept with
    all its cells, but no check reads it as one of the standard tables."""
    notes = []
    for table in tables:
        if table.kind is not TableKind.OTHER or _is_descriptive(table):
            continue
        line = table.location.line if table.location else None
        where = f"第 {line} 行" if line else "位置不详"
        named = f"“{table.title}”" if table.title else "（无标题）"
        notes.append(
            Finding(
                rule="ingest-table-unrecognised",
                severity=Severity.INFO if table.title else Severity.WARNING,
                message=(
                    f"未识别的表格：{named}（{where}，{len(table.rows)} 行），"
                    "不是标准公开表之一，已按“其他”保存全部单元格，不参与标准表的审核。"
                ),
                location=Location(file=path, line=line, table=table.title or None),
            )
        )
    return notes


_DISCLOSURE_WORDS = ("一级指标", "绩效目标表", "预算数", "预算年度")


class _Converter(NamedTuple):
    """A reader that turns a binary format into Word-export text."""

    module: str  # imported when such a file is read, so the CLI starts light
    function: str  # (data, *, path, max_unpacked_bytes) -> str
    name: str  # the format as users call it
    rule: str  # rule id of the note on what line numbers mean


_CONVERTERS = {
    FileFormat.DOCX: _Converter(
        "jixiao.ingest.docx_reader", "docx_text", "Word（.docx）文档", DOCX_NOTE_RULE
    ),
    FileFormat.XLSX: _Converter(
        "jixiao.ingest.xlsx_reader", "xlsx_text", "Excel（.xlsx）工作簿", "ingest-xlsx-lines"
    ),
    FileFormat.XLS: _Converter(
        "jixiao.ingest.xlsx_reader", "xls_text", "旧版 Excel（.xls）工作簿", "ingest-xls-lines"
    ),
    FileFormat.HTML: _Converter(
        "jixiao.ingest.html_reader", "html_text", "网页（HTML）", "ingest-html-lines"
    ),
    FileFormat.PDF: _Converter(
        "jixiao.ingest.pdf_reader", "pdf_text", "PDF 文件", "ingest-pdf-lines"
    ),
}


def _converted_text(fmt: FileFormat, data: bytes, *, path: str, max_unpacked_bytes: int) -> str:
    """The Word-export text of a binary document; raises :class:`IngestError` when it
    is empty or not a disclosure. Its layout is Word export by construction, so a
    document with few tables passes when it has one and a disclosure's words."""
    converter = _CONVERTERS[fmt]
    function = getattr(importlib.import_module(converter.module), converter.function)
    text = function(data, path=path, max_unpacked_bytes=max_unpacked_bytes)
    if not text.strip():
        raise IngestError(f"{converter.name}为空，没有可读取的内容。", path=path)
    has_table = text.startswith("\t") or "\n\t" in text
    if detect_layout(text) is None and not (
        has_table and any(word in text for word in _DISCLOSURE_WORDS)
    ):
        raise IngestError(
            f"{converter.name}中没有可识别的部门预算公开内容：未找到预算表格或绩效目标表。",
            path=path,
        )
    return text


def _is_self_evaluation(text: str) -> bool:
    """A workbook of 项目支出绩效自评表 (财预〔2020〕10号 template, or Sichuan's 指标值 |
    完成值 | 权重 | 得分): a 自评表 title and 完成值 and 得分 columns (headers often
    wrapped inside their cells), not a 绩效目标表."""
    compact = "".join(text.split())
    return all(word in compact for word in ("自评表", "完成值", "得分"))


def _self_evaluation_targets(data: bytes, path: str, max_unpacked_bytes: int) -> Disclosure:
    """The projects and targets of a self-evaluation workbook (``self_evaluation_xlsx``),
    with a note that its actuals and scores are imported by another command."""
    from jixiao.ingest.self_evaluation_xlsx import read_self_evaluation_workbook

    workbook = read_self_evaluation_workbook(data, path=path, max_unpacked_bytes=max_unpacked_bytes)
    note = Finding(
        rule="ingest-self-evaluation-workbook",
        severity=Severity.INFO,
        message=(
            f"这是项目支出绩效自评表（财预〔2020〕10号格式，{len(workbook.forms)} 张表）："
            "此处只读取项目、预算和年度指标值；实际完成值、分值和得分请用 jixiao actuals "
            "import-self-evaluation 导入并重新评分。"
        ),
        location=Location(file=path),
    )
    disclosure = workbook.disclosure
    return replace(disclosure, notes=(note, *disclosure.notes))


def _converted_note(fmt: FileFormat, path: str) -> Finding:
    """The reader note saying what the line numbers of a converted document refer to."""
    converter = _CONVERTERS[fmt]
    return Finding(
        rule=converter.rule,
        severity=Severity.INFO,
        message=(
            f"从{converter.name}读取：行号指按 Word“纯文本”导出规则生成的文本行"
            f"（{converter.module}.{converter.function} 可重现）；表名和表内行序号与文档一致。"
        ),
        location=Location(file=path),
    )


def _most_common(counter: Counter[MoneyUnit]) -> MoneyUnit | None:
    return counter.most_common(1)[0][0] if counter else None


def _unit(
    unit_lines: Iterable[str], project_units: Iterable[tuple[str | None, str | None]]
) -> tuple[str, str] | None:
    """The most frequent unit code and its name, ``本级`` (the unit itself) dropped."""
    found = Counter(split_unit_line(line) for line in unit_lines)
    found.update((code, name) for code, name in project_units if code and name)
    found.pop(None, None)
    if not found:
        return None
    code, name = found.most_common(1)[0][0]
    return code, name.removesuffix("本级") or name


def _unit_as_printed(text: str, path: str) -> tuple[tuple[str, str], Finding]:
    """The unit when no 单位编码+名称 line exists (:func:`printed_unit`), with the
    note saying where it was read; the name stands in for a code never printed.

    Raises :class:`IngestError` when the document names no unit at all.
    """
    printed = printed_unit(text)
    if printed is None:
        raise IngestError(
            "未能确定单位：表头中没有“单位编码+单位名称”一行，封面、表题和“部门：”说明中"
            "也没有单位名称。",
            path=path,
        )
    code, name = printed
    if code is None:
        return (name, name), Finding(
            rule="ingest-unit-code-missing",
            severity=Severity.WARNING,
            message=(
                f"文档未印单位编码：以单位名称“{name}”（取自封面或表头说明）代替单位编码；"
                "同一单位的不同文档请核对名称是否一致。"
            ),
            location=Location(file=path),
        )
    return (code, name), Finding(
        rule="ingest-unit-code-cell",
        severity=Severity.INFO,
        message=(
            f"文档没有“单位编码+单位名称”一行：单位编码 {code}、名称“{name}”"
            "取自表格中的单位代码单元格。"
        ),
        location=Location(file=path),
    )


def iter_document_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named in ``paths``, with folders expanded to their documents, sorted."""
    for item in paths:
        item = Path(item)
        if item.is_dir():
            yield from sorted(
                p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
        else:
            yield item
