"""Entry points: read a file (or bytes) into a :class:`~jixiao.model.Disclosure`.

The layout is detected from the content, never from the file name; the fiscal
year is read from the raw text first because some targets need it
(``11月底前`` is a date only once the year is known).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from jixiao.ingest.document import detect_layout, infer_fiscal_year
from jixiao.ingest.errors import IngestError
from jixiao.ingest.pdf_extraction import read_pdf_extraction
from jixiao.ingest.tables import split_unit_line
from jixiao.ingest.text import decode
from jixiao.ingest.word_export import read_word_export
from jixiao.model import Disclosure, Layout, MoneyUnit, Source

DOCUMENT_SUFFIXES = (".txt",)


def read_disclosure(path: str | Path) -> Disclosure:
    """Read the disclosure in ``path``.

    Raises :class:`~jixiao.ingest.IngestError` (Chinese message, file and line)
    when the file cannot be read or is not a readable disclosure.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"无法打开文件（{error.strerror or error}）。", path=str(path)) from error
    return parse_disclosure(data, path=str(path))


def parse_disclosure(data: bytes, *, path: str) -> Disclosure:
    """Parse the bytes of a document; ``path`` names it in locations and errors.

    Raises :class:`IngestError` for empty or binary input, text of another genre,
    a document without unit code or fiscal year, or a table cut off mid-row.
    """
    text, encoding = decode(data, path=path)
    layout = detect_layout(text)
    if layout is None:
        raise IngestError(
            "不是可识别的部门预算公开文档：未找到预算表格或绩效目标表"
            "（支持 Word 导出文本和 PDF 提取文本两种版式）。",
            path=path,
        )
    year = infer_fiscal_year(text)
    fiscal_year = year[0] if year else None
    if layout is Layout.WORD_EXPORT:
        found = read_word_export(text, path=path, fiscal_year=fiscal_year)
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
        raise IngestError("未能确定单位编码：表头中没有“单位编码+单位名称”一行。", path=path)
    units = Counter(
        u
        for u in [
            *(t.money_unit for t in found.budget_tables),
            *(p.money_unit for p in found.projects),
        ]
        if u
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
        notes=tuple(found.notes),
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
