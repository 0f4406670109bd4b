"""The review report as a workbook: one row per finding, one row per document and project.

Sheet 审核意见 lists every finding with Chinese column headers (frozen, with an
autofilter) so a reviewer can sort and filter by unit, severity, family or rule;
sheet 审核结果 gives each document's and each project's grade, score and counts.
Numbers (years, sequence numbers, line numbers, scores, counts) are numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.model import Finding, Severity
from jixiao.publish.review_json import (
    SEVERITIES,
    family_label,
    finding_record,
    findings_by_project,
    project_grades,
    severity_counts,
)
from jixiao.publish.xlsx_text import clean_text, is_formula_like
from jixiao.review import ReviewResult
from jixiao.review.grade import GradeResult

FINDINGS_SHEET = "审核意见"
RESULTS_SHEET = "审核结果"

# (header, record key, width, wrap): record keys are review_json.finding_record's,
# except unit_name (the document's) and the labels, filled in by _finding_row.
FINDING_COLUMNS: tuple[tuple[str, str, float, bool], ...] = (
    ("文件", "file", 24, False),
    ("单位编码", "unit_code", 10, False),
    ("单位名称", "unit_name", 22, True),
    ("年度", "fiscal_year", 7, False),
    ("严重程度", "severity_label", 9, False),
    ("类别", "family_label", 14, False),
    ("规则", "rule", 26, False),
    ("规则名称", "rule_title", 26, True),
    ("项目序号", "project_seq", 9, False),
    ("项目名称", "project_title", 30, True),
    ("指标序号", "indicator_index", 9, False),
    ("指标名称", "indicator_name", 22, True),
    ("表格", "table", 20, True),
    ("科目编码", "code", 11, False),
    ("行号", "line", 7, False),
    ("说明", "message", 50, True),
    ("原文", "quote", 30, True),
    ("依据", "reference", 30, True),
)

RESULT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("文件", 24),
    ("单位编码", 10),
    ("单位名称", 22),
    ("年度", 7),
    ("层级", 7),
    ("项目序号", 9),
    ("项目名称", 36),
    ("审核结果", 9),
    ("得分", 8),
    *((s.label, 7) for s in SEVERITIES),
    ("合计", 7),
)

SCORE_FORMAT = "0.0"


def _finding_row(result: ReviewResult, finding: Finding) -> dict[str, Any]:
    record = finding_record(result, finding)
    record["unit_name"] = result.disclosure.unit_name
    record["severity_label"] = Severity(record["severity"]).label
    record["family_label"] = family_label(record["family"])
    return record


def _result_rows(result: ReviewResult) -> list[list[Any]]:
    """The document's row, then one row per project: grade, score and counts."""
    d = result.disclosure
    by_project = findings_by_project(result)
    graded: list[tuple[str, int | None, str | None, GradeResult, Sequence[Finding]]] = [
        ("单位", None, None, result.grade, result.findings)
    ]
    for g in project_grades(result):
        graded.append(
            ("项目", g.project_seq, g.project_title, g, by_project.get(g.project_seq, []))
        )
    rows = []
    for level, seq, title, g, findings in graded:
        counts = list(severity_counts(findings).values())
        rows.append(
            [
                *(d.source.path, d.unit_code, d.unit_name, d.fiscal_year),
                *(level, seq, title, g.grade.label, g.score),
                *counts,
                sum(counts),
            ]
        )
    return rows


def write_review_xlsx(results: Sequence[ReviewResult], path: Path) -> None:
    """Write the workbook (sheets 审核意见 and 审核结果) to ``path``."""
    # Imported here: openpyxl takes ~0.15 s to import and only this report needs it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def header(ws: Any, titles: Sequence[str]) -> list[Any]:
        cells = []
        for title in titles:
            cell = WriteOnlyCell(ws, value=title)
            cell.font = bold
            cells.append(cell)
        return cells

    def value(ws: Any, value: Any, *, wraps: bool = False, number_format: str | None = None) -> Any:
        # Plain values are written several times faster than styled cells, so a
        # cell object is made only where a style or a type must be set.
        if isinstance(value, str):
            value = clean_text(value)
            formula_like = is_formula_like(value)
            if not (formula_like or (wraps and value)):
                return value
            cell = WriteOnlyCell(ws, value=value)
            if formula_like:
                cell.data_type = "s"  # a document's text is never a formula
            if wraps:
                cell.alignment = wrap
            return cell
        if number_format is None or value is None:
            return value
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = number_format
        return cell

    workbook = Workbook(write_only=True)

    ws = workbook.create_sheet(FINDINGS_SHEET)
    rows = [_finding_row(r, f) for r in results for f in r.findings]
    _frame(ws, [(title, width) for title, _, width, _ in FINDING_COLUMNS], len(rows))
    ws.append(header(ws, [title for title, *_ in FINDING_COLUMNS]))
    for record in rows:
        ws.append([value(ws, record[key], wraps=wraps) for _, key, _, wraps in FINDING_COLUMNS])

    ws = workbook.create_sheet(RESULTS_SHEET)
    result_rows = [row for r in results for row in _result_rows(r)]
    _frame(ws, RESULT_COLUMNS, len(result_rows))
    ws.append(header(ws, [title for title, _ in RESULT_COLUMNS]))
    for row in result_rows:
        ws.append(
            [
                value(ws, v, number_format=SCORE_FORMAT if isinstance(v, Decimal) else None)
                for v in row
            ]
        )

    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def _frame(ws: Any, columns: Sequence[tuple[str, float]], data_rows: int) -> None:
    """Column widths, the frozen header row and the autofilter over header and data."""
    from openpyxl.utils import get_column_letter

    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{data_rows + 1}"
