"""The self-evaluation report as a Word document (绩效自评, 财预〔2020〕10号; RULES.md §9).

A4 portrait. First the unit: a title, a line of figures (projects, mean total,
projects per grade) and a summary table (one row per project: 预算执行率, its
points, 总分, 等级). Then one 项目支出绩效自评表 per project, each on its own page,
laid out as the 10号 form and as the XLSX (:mod:`jixiao.publish.evaluation_xlsx`):
the same nine columns, the same merges (``cell.merge``: 一级 and 二级 over their
rows, the block labels over their blocks). Last, the findings, if any.

Every run names its font for Latin and East-Asian text alike (``w:ascii``,
``w:hAnsi`` and ``w:eastAsia``: 宋体 for text, 黑体 for titles), so Word shows the
Chinese in the intended face on any system; tables use the built-in ``Table Grid``
style (single borders).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.evaluate.results import EvaluationResult, ProjectScore
from jixiao.publish.evaluate_records import (
    all_findings,
    analysis_text,
    funding_rows,
    grade_summary,
    level_spans,
    money_unit_label,
    rounded,
)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 forbids: a unit's text holding one shows U+FFFD instead."""

_AFTER_SHD = (
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
    "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip
"""Children of ``w:tcPr`` that follow ``w:shd`` (ECMA-376 CT_TcPr)."""

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
TABLE_PT = 9
HEADER_SHADE = "DDEBF7"

FORM_WIDTHS_MM = (16, 15, 17, 26, 20, 20, 13, 13, 30)
"""Column widths of the 自评表 (170 mm: A4 less 20 mm margins)."""
SUMMARY_COLUMNS = (
    ("序号", 12),
    ("项目名称", 68),
    ("预算执行率", 24),
    ("执行得分", 20),
    ("总分", 24),
    ("等级", 22),
)


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"{rounded(value):,.2f}"


def _rate(value: Decimal | None) -> str:
    return "" if value is None else f"{rounded(value)}%"


def _points(value: Decimal | None) -> str:
    return "" if value is None else f"{rounded(value)}"


def set_fonts(run: Any, name: str) -> None:
    """Name ``name`` as the run's Latin and East-Asian font (``w:rFonts``)."""
    from docx.oxml.ns import qn

    run.font.name = name
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _write(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    size: float | None = None,
    font: str = BODY_FONT,
) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(_XML_ILLEGAL.sub("\ufffd", text))
    set_fonts(run, font)
    run.bold = bold or None
    if size is not None:
        run.font.size = Pt(size)
    return run


def _cell(
    cell: Any, text: str | None, *, bold: bool = False, centre: bool = False, shade: bool = False
) -> None:
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = cell.paragraphs[0]
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    if text:
        _write(paragraph, text, bold=bold, size=TABLE_PT)
    if shade:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_SHADE)
        # Schema order: w:shd comes before w:vAlign, or Word may call the file corrupt.
        cell._tc.get_or_add_tcPr().insert_element_before(shading, *_AFTER_SHD)


def _table(document: Any, rows: int, widths_mm: tuple[float, ...]) -> tuple[Any, list[list[Any]]]:
    """A bordered table and its cells by (row, column), read once: ``table.cell`` walks
    the whole grid on every call, which makes a long form quadratic."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm

    table = document.add_table(rows=rows, cols=len(widths_mm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    flat = table._cells  # one walk of the grid (no public equivalent)
    columns = len(widths_mm)
    grid = [flat[r * columns : (r + 1) * columns] for r in range(rows)]
    for row in grid:
        for cell, width in zip(row, widths_mm, strict=True):
            cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    return table, grid


def _merge(grid: list[list[Any]], r1: int, c1: int, r2: int, c2: int) -> Any:
    """Merge the block (r1, c1)–(r2, c2) of a grid read before any merge; valid while
    merged blocks do not overlap, as in these forms."""
    cell = grid[r1][c1]
    return cell if (r1, c1) == (r2, c2) else cell.merge(grid[r2][c2])


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _paragraph(
    document: Any,
    text: str,
    *,
    size: float,
    font: str = BODY_FONT,
    bold: bool = False,
    centre: bool = False,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph()
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _write(paragraph, text, size=size, font=font, bold=bold)
    return paragraph


def write_evaluation_docx(result: EvaluationResult, path: Path) -> Path:
    """Write the document (summary, one 自评表 per project, findings) to ``path``."""
    # Imported here: python-docx is only needed for this report.
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(25)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)

    title = f"{result.unit_name}{result.fiscal_year}年度项目支出绩效自评报告"
    _paragraph(document, title, size=18, font=TITLE_FONT, centre=True)
    figures = f"单位编码：{result.unit_code}　项目数：{len(result.projects)}　"
    figures += f"平均分：{_points(result.mean_total) or '—'}　等级分布：{grade_summary(result)}"
    _paragraph(document, figures, size=10.5)
    _summary_table(document, result)

    for project in result.projects:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        project_form(document, project, result)

    findings = all_findings(result)
    if findings:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _paragraph(document, f"需要说明的问题（{len(findings)}）", size=14, font=TITLE_FONT)
        for i, finding in enumerate(findings, start=1):
            where = f"项目{finding.project_seq}" if finding.project_seq is not None else "单位"
            _paragraph(document, f"{i}. [{where}] {finding.message}", size=10.5)

    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _summary_table(document: Any, result: EvaluationResult) -> None:
    table, grid = _table(document, len(result.projects) + 1, tuple(w for _, w in SUMMARY_COLUMNS))
    for cell, (label, _) in zip(grid[0], SUMMARY_COLUMNS, strict=True):
        _cell(cell, label, bold=True, centre=True, shade=True)
    _repeat_header(table.rows[0])
    for row, project in zip(grid[1:], result.projects, strict=True):
        values = (
            str(project.project_seq),
            project.project_name,
            _rate(project.execution_rate),
            _points(project.execution_score),
            _points(project.total),
            project.grade.label,
        )
        for i, (cell, value) in enumerate(zip(row, values, strict=True)):
            _cell(cell, value, centre=i != 1)


def project_form(document: Any, project: ProjectScore, result: EvaluationResult) -> Any:
    """Add one project's 自评表 (title, year, the form's table) and return the table."""
    _paragraph(document, "项目支出绩效自评表", size=16, font=TITLE_FONT, centre=True)
    _paragraph(document, f"（{result.fiscal_year}年度）", size=12, centre=True)
    n = len(project.indicators)
    table, grid = _table(document, 12 + n, FORM_WIDTHS_MM)
    put = _Filler(grid)

    put(0, 0, "项目名称", bold=True)
    put(0, 1, project.project_name, to=(0, 8), centre=False)
    put(1, 0, "主管部门", bold=True)
    put(1, 1, result.unit_name, to=(1, 4), centre=False)
    put(1, 5, "实施单位", bold=True)
    put(1, 6, result.unit_name, to=(1, 8), centre=False)

    unit = money_unit_label(project.money_unit)
    put(2, 0, f"项目资金（{unit}）" if unit else "项目资金", bold=True, to=(6, 0))
    put(2, 1, "", to=(2, 2), shade=True)
    for c, label in enumerate(
        ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), 3
    ):
        put(2, c, label, bold=True, shade=True)
    for r, funding in enumerate(funding_rows(project), start=3):
        total = r == 3
        put(r, 1, funding.source.label, to=(r, 2))
        put(r, 3, _money(funding.budget_initial))
        put(r, 4, _money(funding.budget_adjusted))
        put(r, 5, _money(funding.spent))
        put(r, 6, _points(project.execution_weight) if total else "—")
        put(r, 7, _rate(funding.rate))
        put(r, 8, _points(project.execution_score) if total else "—")

    put(7, 0, "年度总体目标", bold=True, to=(8, 0))
    put(7, 1, "预期目标", bold=True, to=(7, 4), shade=True)
    put(7, 5, "实际完成情况", bold=True, to=(7, 8), shade=True)
    put(8, 1, project.goal or "", to=(8, 4), centre=False)
    put(8, 5, project.goal_achieved or "", to=(8, 8), centre=False)

    put(9, 0, "绩效指标", bold=True, to=(9 + n, 0))
    headers = (
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    )
    for c, label in enumerate(headers, start=1):
        put(9, c, label, bold=True, shade=True)
    spans = level_spans([(i.level1_raw, i.level2_raw) for i in project.indicators])
    for r, (indicator, (span1, span2)) in enumerate(
        zip(project.indicators, spans, strict=True), start=10
    ):
        if span1:
            put(r, 1, indicator.level1_raw, to=(r + span1 - 1, 1))
        if span2:
            put(r, 2, indicator.level2_raw, to=(r + span2 - 1, 2))
        put(r, 3, indicator.level3, centre=False)
        put(r, 4, indicator.target_raw)
        put(r, 5, indicator.actual_raw or "")
        put(r, 6, _points(indicator.weight))
        put(r, 7, _points(indicator.score))
        put(r, 8, analysis_text(indicator), centre=False)

    last = 10 + n
    weights = project.execution_weight + sum((i.weight for i in project.indicators), Decimal(0))
    put(last, 0, "总分", bold=True, to=(last, 5))
    put(last, 6, _points(weights), bold=True)
    put(last, 7, _points(project.total), bold=True)
    put(last, 8, "")
    put(last + 1, 0, "自评等级", bold=True, to=(last + 1, 5))
    put(last + 1, 6, project.grade.label, bold=True, to=(last + 1, 8))
    return table


class _Filler:
    """Writes a cell, merging it first over ``to`` (inclusive) when given."""

    def __init__(self, grid: list[list[Any]]) -> None:
        self.grid = grid

    def __call__(
        self,
        row: int,
        column: int,
        text: str,
        *,
        to: tuple[int, int] | None = None,
        bold: bool = False,
        centre: bool = True,
        shade: bool = False,
    ) -> None:
        cell = _merge(self.grid, row, column, *(to or (row, column)))
        _cell(cell, text, bold=bold, centre=centre, shade=shade)
