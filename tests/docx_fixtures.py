"""Hand-made .docx files that look like what units really produce, built with
python-docx's own table API (``cell.merge``), not with jixiao's writer — so they
test the reader against merges as Word stores them.

Each builder writes one file and returns its path; the tests assert what each
reads as. Run as a script to write them all into a folder and open them in Word::

    .venv/bin/python tests/docx_fixtures.py /tmp/fixtures

What they hold, and why:

- ``unit_disclosure``: a county unit's file — headings in Word's heading styles
  (no TOC bookmarks), a 收入总表 in 万元 whose header has two levels (序号, 合计
  and 上年结转 merged down over two rows; 功能分类科目 and 本年收入 merged across),
  a 栏次 row, numbers with thousands separators, a note under the table; a 三公
  table in 元 with an extra blank column at its right edge; the goals section;
  a 项目支出绩效目标表 whose 一级 cell 产出指标 is merged down over 5 rows (and
  数量指标 over 2), a 10月底 cell merged across two grid columns, cell text split
  over several runs, an empty paragraph inside a cell.
- ``split_project``: a project table continued after a page break as a second
  Word table without a header (a table broken across two pages).
- ``zip_bomb``: a .docx-shaped ZIP whose media entry inflates past 200 MB.
- ``poem``: a valid .docx with no disclosure in it; ``empty``: no text at all.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Mm

UNIT_LINE = "430001某某县机关事务服务中心"
YEAR_CAPTION = "预算年度：2024"


def _document() -> docx.document.Document:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    return document


def _fill(cell, text: str | Sequence[str]) -> None:
    """Put ``text`` in a cell: a list is one paragraph per item; a string with
    ``|`` is split over several runs, as Word splits a line it has edited."""
    paragraphs = [text] if isinstance(text, str) else list(text)
    first = cell.paragraphs[0]
    for index, line in enumerate(paragraphs):
        paragraph = first if index == 0 else cell.add_paragraph()
        for piece in line.split("|"):
            paragraph.add_run(piece)


def _merge(table, top: int, left: int, bottom: int, right: int, text: str | Sequence[str] = ""):
    """Merge the cells from (top, left) to (bottom, right) and fill the result."""
    cell = table.cell(top, left).merge(table.cell(bottom, right))
    for paragraph in cell.paragraphs:  # merging joins the cells' empty paragraphs
        for run in paragraph.runs:
            run.text = ""
    extra = cell.paragraphs[1:]
    for paragraph in extra:
        paragraph._p.getparent().remove(paragraph._p)
    _fill(cell, text)
    return cell


def _income_table(document) -> None:
    """部门预算收入总表, 万元, two-level header with merges both ways, 栏次, a note."""
    document.add_paragraph("部门预算收入总表")
    data = [
        ["1", "201", "一般公共服务支出", "1,200.50", "1,200.50", "1,000.50", "200.00", ""],
        [
            "2",
            "20103",
            "政府办公厅（室）及相关机构事务",
            "1,200.50",
            "1,200.50",
            "1,000.50",
            "200.00",
            "",
        ],
        ["3", "2010350", "事业运行", "800.00", "800.00", "800.00", "", ""],
    ]
    table = document.add_table(rows=4 + len(data), cols=8)
    table.style = "Table Grid"
    _merge(table, 0, 0, 0, 3, UNIT_LINE)
    _merge(table, 0, 4, 0, 5, YEAR_CAPTION)
    _merge(table, 0, 6, 0, 7, "单位：万元")
    _merge(table, 1, 0, 2, 0, "序号")
    _merge(table, 1, 1, 1, 2, "功能分类科目")
    _merge(table, 1, 3, 2, 3, "合|计")
    _merge(table, 1, 4, 1, 6, "本年收入")
    _merge(table, 1, 7, 2, 7, "上年结转")
    for column, label in zip(
        (1, 2, 4, 5, 6), ("科目编码", "科目名称", "小计", "财政拨款收入", "事业收入"), strict=True
    ):
        _fill(table.cell(2, column), label)
    for column, label in enumerate(["栏次", "1", "2", "3", "4", "5", "6", "7"]):
        _fill(table.cell(3, column), label)
    for row, values in enumerate(data, start=4):
        for column, value in enumerate(values):
            _fill(table.cell(row, column), value)
    document.add_paragraph("注：本表反映部门本年度收入预算。")


def _three_public_table(document) -> None:
    """三公 table in 元 with an extra blank column at its right edge."""
    document.add_paragraph("部门预算财政拨款“三公”经费支出表")
    table = document.add_table(rows=3, cols=6)
    table.style = "Table Grid"
    _merge(table, 0, 0, 0, 2, UNIT_LINE)
    _merge(table, 0, 3, 0, 4, "单位：元")  # the blank sixth column is left as it is
    for column, label in enumerate(
        ["项目", "合计", "因公出国（境）费", "公务用车购置及运维费", "公务接待费"]
    ):
        _fill(table.cell(1, column), label)
    for column, value in enumerate(["“三公”经费", "12000.00", "0.00", "8000.00", "4000.00"]):
        _fill(table.cell(2, column), value)


_INDICATORS = [
    # 一级, 二级, 三级, 描述, 指标值, 依据 — "" in 一级/二级 is merged with the row above
    ("产出指标", "数量指标", "保障公务用车数量", "保障公务用车正常运行的数量", "≥25辆", "计划标准"),
    ("", "", "车辆年检率", "按期年检车辆占比", "100%", "行业标准"),
    ("", "质量指标", "车辆完好率", "车辆完好的比例", "≥95%", "历史标准"),
    ("", "时效指标", "维修及时率", "报修后及时维修的比例", "≥90%", "计划标准"),
    ("", "成本指标", "单车运行维护费", "每辆车的年运行维护费用", "≤1.8万元/辆", "计划标准"),
    ("效益指标", "社会效益指标", "公务出行保障", "保障公务出行", "有效保障", "计划标准"),
    ("", "可持续影响指标", "车辆使用年限", "延长车辆使用年限", "长效提升", "计划标准"),
    (
        "满意度指标",
        "服务对象满意度指标",
        "用车单位满意度",
        "用车单位对保障的满意程度",
        "≥90%",
        "计划标准",
    ),
]


def _project_table(document, *, split_after: int | None = None) -> None:
    """A 项目支出绩效目标表 on a 7-column grid (the budget row has 7 cells).

    产出指标 is merged down over its 5 rows, 数量指标 over 2; 10月底 and 75% span two
    grid columns; 指标值确定依据 spans the last two. With ``split_after`` the
    indicator rows after that many continue in a second table after a page break.
    """
    document.add_paragraph("1.公务用车运行维护经费绩效目标表")
    first = _INDICATORS if split_after is None else _INDICATORS[:split_after]
    table = document.add_table(rows=8 + len(first), cols=7)
    table.style = "Table Grid"
    _merge(table, 0, 0, 0, 4, "430001某某县机关事务服务中心本级")
    _merge(table, 0, 5, 0, 6, "单位：万元")
    _fill(table.cell(1, 0), "项目编码")
    _merge(table, 1, 1, 1, 2, "13052424P0000021001")
    _fill(table.cell(1, 3), "项目名称")
    _merge(table, 1, 4, 1, 6, "公务用车运行维护经费")
    _merge(table, 2, 0, 3, 0, "预算规模及资金用途")
    for column, text in enumerate(
        ["预算|数", "20.00", "其中：财政    资金", "20.00", "其他资金", " "], 1
    ):
        _fill(table.cell(2, column), text)
    _merge(table, 3, 1, 3, 6, ["用于公务用车的燃油、维修、保险等运行维护支出", ""])
    _merge(table, 4, 0, 5, 0, "资金支出计划（%）")
    _fill(table.cell(4, 1), "3月底")
    _fill(table.cell(4, 2), "6月底")
    _merge(table, 4, 3, 4, 4, "10月底")
    _merge(table, 4, 5, 4, 6, "12月底")
    _fill(table.cell(5, 1), "25%")
    _fill(table.cell(5, 2), "50%")
    _merge(table, 5, 3, 5, 4, "75%")
    _merge(table, 5, 5, 5, 6, "100%")
    _fill(table.cell(6, 0), "绩效目标")
    _merge(table, 6, 1, 6, 6, ["1.保障公务用车安全正常运行。", "2.控制运行维护成本。"])
    for column, label in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"]):
        _fill(table.cell(7, column), label)
    _merge(table, 7, 5, 7, 6, "指标值确定依据")
    _indicator_rows(table, first, start=8)
    if split_after is not None:
        paragraph = document.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        rest = _INDICATORS[split_after:]
        second = document.add_table(rows=len(rest), cols=7)
        second.style = "Table Grid"
        _indicator_rows(second, rest, start=0)


def _indicator_rows(table, rows, *, start: int) -> None:
    """Fill indicator rows from ``start``; a blank 一级/二级 merges with the one above."""
    for offset, row in enumerate(rows):
        number = start + offset
        for column, text in enumerate(row[:5]):
            if column < 2 and not text:
                continue
            _fill(table.cell(number, column), text)
        _merge(table, number, 5, number, 6, row[5])
    for column in (0, 1):  # merge each printed name down over the blank rows below it
        number = start
        while number < start + len(rows):
            end = number + 1
            while end < start + len(rows) and not rows[end - start][column]:
                end += 1
            if end - number > 1 and rows[number - start][column]:
                _merge(table, number, column, end - 1, column, rows[number - start][column])
            number = end


def _goals(document) -> None:
    document.add_heading("第一部分 部门整体绩效目标", level=1)
    document.add_paragraph("一、总体绩效目标")
    document.add_paragraph("保障机关高效运转，降低行政运行成本。")
    document.add_paragraph("二、分项绩效目标")
    document.add_paragraph("1、公务用车保障")
    document.add_paragraph("绩效目标：保障公务出行。")
    document.add_paragraph("绩效指标：车辆完好率≥95%。")
    document.add_paragraph("三、工作保障措施")
    document.add_paragraph("1、完善制度建设。")
    document.add_paragraph("2、加强支出管理。")
    document.add_heading("第二部分 预算项目绩效目标", level=1)


def unit_disclosure(path: Path) -> Path:
    """A unit's disclosure as it might arrive from a county (see the module docstring)."""
    document = _document()
    document.add_heading("一、部门预算公开表格", level=2)
    _income_table(document)
    _three_public_table(document)
    _goals(document)
    _project_table(document)
    document.save(str(path))
    return path


def split_project(path: Path) -> Path:
    """The project table broken after its third indicator row by a page break."""
    document = _document()
    _goals(document)
    _project_table(document, split_after=3)
    document.save(str(path))
    return path


def poem(path: Path) -> Path:
    """A valid Word document that is not a disclosure."""
    document = _document()
    for line in ("床前明月光，疑是地上霜。", "举头望明月，低头思故乡。") * 20:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def empty(path: Path) -> Path:
    """A valid Word document without any text."""
    _document().save(str(path))
    return path


def zip_bomb(path: Path, inflated_bytes: int = 210 * 1024 * 1024) -> Path:
    """A .docx (a real one, from ``poem``) plus an entry of zeros that inflates to
    ``inflated_bytes``; written in chunks so building it needs little memory."""
    poem(path)
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/media/image1.bin", "w", force_zip64=True) as entry,
    ):
        written = 0
        while written < inflated_bytes:
            size = min(len(chunk), inflated_bytes - written)
            entry.write(chunk[:size])
            written += size
    return path


BUILDERS = {
    "unit_disclosure.docx": unit_disclosure,
    "split_project.docx": split_project,
    "poem.docx": poem,
    "empty.docx": empty,
}


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docx_fixtures")
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        print(build(folder / name))
