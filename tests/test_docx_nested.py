"""Tables nested in a table's cell (``w:tbl`` inside ``w:tc``) read as tables of their own.

Sichuan's Word disclosures wrap a budget table in a 1×2 layout table (Bazhou's
财政拨款收支预算总表); flattened into the frame's cell, the whole table was one
cell and none of its rows were read. The small files here are built with
python-docx's ``cell.add_table`` (Word's own nesting: the inner ``w:tbl`` in the
cell, an empty paragraph after it); the Bazhou original is checked against what a
person counted in it (tests/realworld_expected.py).
"""

from __future__ import annotations

import os
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from lxml import etree
from realworld_expected import EXPECTED

from jixiao.ingest import read_disclosure
from jixiao.ingest.docx_reader import docx_text
from jixiao.ingest.target import parse_number
from jixiao.ingest.word_cells import Paragraph, TableBlock, scan_blocks
from jixiao.model import MoneyUnit, TableKind

REALWORLD_DIR = Path(
    os.environ.get(
        "JIXIAO_REALWORLD_DIR", Path(__file__).resolve().parents[2] / "shared" / "realworld"
    )
)
BAZHOU = "bazhou-jiaotongju-2024-budget.docx"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _fill(cell, rows) -> None:
    """A table of ``len(rows)`` rows nested in ``cell``, filled row by row."""
    table = cell.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).paragraphs[0].add_run(text)
    return table


def _framed_budget(path: Path) -> Path:
    """A 财政拨款收支预算总表 nested in the left cell of a 1×2 layout frame, as Bazhou
    prints it: title and caption above the table and a note under it in the same
    cell, a remark in the right cell, a paragraph after the frame."""
    document = docx.Document()
    document.add_paragraph("某某县机关事务服务中心2024年部门预算")
    frame = document.add_table(rows=1, cols=2)
    left, right = frame.cell(0, 0), frame.cell(0, 1)
    left.paragraphs[0].add_run("财政拨款收支预算总表")
    left.add_paragraph("部门：某某县机关事务服务中心    单位：万元")
    table = _fill(
        left,
        [
            ["收入", "", "支出", ""],
            ["项目", "预算数", "项目", "预算数"],
            ["一般公共预算拨款收入", "120.50", "一般公共服务支出", "100.00"],
            ["", "", "教育支出", "20.50"],
            ["收入总计", "120.50", "支出总计", "120.50"],
        ],
    )
    for first in (0, 2):  # 收入 and 支出 span two columns each
        merged = table.cell(0, first).merge(table.cell(0, first + 1))
        for paragraph in merged.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
    left.add_paragraph("注：本表无上年结转。")
    right.paragraphs[0].add_run("右栏附注")
    document.add_paragraph("后文段落")
    document.save(path)
    return path


def _printed_chars(path: Path) -> str:
    """Every printed character of the document body (``w:t``), in order, no spaces."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{_W}body")
    return "".join("".join((t.text or "").split()) for t in body.iter(f"{_W}t"))


def _text(path: Path) -> str:
    return docx_text(path.read_bytes(), path=str(path))


def test_docx_nested__frame_unwrapped_in_reading_order(tmp_path):
    path = _framed_budget(tmp_path / "framed.docx")
    assert _text(path).split("\n") == [
        "某某县机关事务服务中心2024年部门预算",
        "财政拨款收支预算总表",  # the frame cell's paragraphs print as paragraphs
        "部门：某某县机关事务服务中心    单位：万元",
        "\t收入",  # the nested table: one tab-led line per cell, a blank line per row
        "\t支出",
        "",
        "\t项目",
        "\t预算数",
        "\t项目",
        "\t预算数",
        "",
        "\t一般公共预算拨款收入",
        "\t120.50",
        "\t一般公共服务支出",
        "\t100.00",
        "",
        "\t",
        "\t",
        "\t教育支出",
        "\t20.50",
        "",
        "\t收入总计",
        "\t120.50",
        "\t支出总计",
        "\t120.50",
        "",
        "注：本表无上年结转。",  # after the table, still in the left cell
        "右栏附注",  # the frame's right cell
        "后文段落",
        "",
    ]


def test_docx_nested__frame_table_read_with_its_rows(tmp_path):
    disclosure = read_disclosure(_framed_budget(tmp_path / "framed.docx"))
    (table,) = disclosure.budget_tables
    assert table.title == "财政拨款收支预算总表"
    assert table.kind is TableKind.FISCAL_APPROPRIATION_SUMMARY
    assert table.money_unit is MoneyUnit.WAN_YUAN
    assert [c.header for c in table.columns] == [
        ("收入", "项目"),
        ("收入", "预算数"),
        ("支出", "项目"),
        ("支出", "预算数"),
    ]
    assert [r.name for r in table.rows] == [
        "一般公共预算拨款收入",
        "一般公共服务支出",
        "教育支出",
        "收入总计",
        "支出总计",
    ]
    assert len({r.location.row for r in table.rows}) == 3  # printed rows, side by side
    education = next(r for r in table.rows if r.name == "教育支出")
    assert [v.raw for v in education.values] == ["20.50"]
    assert education.values[0].value == Decimal("20.50")


def test_docx_nested__table_in_a_data_cell_printed_after_its_table(tmp_path):
    """A nested table in a table that is no frame (2×2): the outer table keeps the
    cell's own text, before and after the nested table; the nested table follows."""
    document = docx.Document()
    outer = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "项目", (0, 1): "说明", (1, 0): "办公费"}.items():
        outer.cell(r, c).paragraphs[0].add_run(text)
    cell = outer.cell(1, 1)
    cell.paragraphs[0].add_run("明细如下：")
    _fill(cell, [["纸张", "1.20"], ["墨盒", "0.80"]])
    cell.add_paragraph("合计 2.00")
    document.add_paragraph("后文段落")
    path = tmp_path / "inner.docx"
    document.save(path)

    text = _text(path)
    assert text.split("\n") == [
        "\t项目",
        "\t说明",
        "",
        "\t办公费",
        "\t明细如下：",
        "合计 2.00",  # the cell's text after its table stays in the cell
        "",
        "\t纸张",
        "\t1.20",
        "",
        "\t墨盒",
        "\t0.80",
        "",
        "后文段落",
        "",
    ]
    blocks = scan_blocks(text)
    (table,) = [b for b in blocks if isinstance(b, TableBlock)]
    assert [[cell.text for cell in group] for group in table.groups] == [
        ["项目", "说明"],
        ["办公费", "明细如下：\n合计 2.00"],
        ["纸张", "1.20"],
        ["墨盒", "0.80"],
    ]
    assert blocks[-1] == Paragraph("后文段落", 14)


def test_docx_nested__deep_nesting_flattened_past_the_limit(tmp_path):
    """Twelve one-cell tables, each in the one before: frames unwrapped down to the
    nesting limit, the rest flattened into the last cell's lines; every word kept."""
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for level in range(1, 13):
        cell.paragraphs[0].add_run(f"第{level}层")
        if level < 12:
            cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    path = tmp_path / "deep.docx"
    document.save(path)

    lines = _text(path).split("\n")
    unwrapped = [f"第{n}层" for n in range(1, 9)]
    flattened = ["\t第9层", "第10层", "第11层", "第12层"]  # one cell, four lines
    assert lines == [*unwrapped, *flattened, "", ""]


@pytest.mark.parametrize("builder", ["framed", "inner"])
def test_docx_nested__every_printed_character_kept_in_order(tmp_path, builder):
    if builder == "framed":
        path = _framed_budget(tmp_path / "framed.docx")
    else:
        document = docx.Document()
        frame = document.add_table(rows=2, cols=1)  # a one-column frame: title row, table row
        frame.cell(0, 0).paragraphs[0].add_run("表一 收支表")
        _fill(frame.cell(1, 0), [["收入", "10"], ["支出", "9"]])
        frame.cell(1, 0).add_paragraph("注：无")
        path = tmp_path / "inner.docx"
        document.save(path)
    assert "".join(_text(path).split()) == _printed_chars(path)


# --- the real file ----------------------------------------------------------------------


def _bazhou() -> Path:
    path = REALWORLD_DIR / BAZHOU
    if not path.is_file():
        pytest.skip(f"real-world originals not found at {REALWORLD_DIR}")
    return path


def _compact(text: str | None) -> str:
    return "".join((text or "").split())


def test_docx_nested__bazhou_fiscal_summary_read_from_its_frame():
    expected = next(t for t in EXPECTED[BAZHOU]["tables"] if t["title"] == "财政拨款收支预算总表")
    assert expected["nested"]
    disclosure = read_disclosure(_bazhou())
    (table,) = [t for t in disclosure.budget_tables if _compact(t.title) == "财政拨款收支预算总表"]
    assert table.kind.value == expected["kind"] == "fiscal_appropriation_summary"
    assert table.money_unit is MoneyUnit.WAN_YUAN and expected["money_unit"] == "万元"
    assert len({r.location.row for r in table.rows}) == expected["rows"] == 7
    for label, column, raw in expected["checks"]:
        key = next(c.key for c in table.columns if _compact("/".join(c.header)) == _compact(column))
        row = next(
            r
            for r in table.rows
            if _compact(label) in (_compact(r.name), _compact(r.code)) and r.raw(key)
        )
        assert row.raw(key) == raw, (label, column)
        assert row.value(key) == parse_number(raw)
        assert isinstance(row.value(key), Decimal)


def test_docx_nested__bazhou_every_printed_character_kept_in_order():
    path = _bazhou()
    text = _text(path).replace("[bookmark: _Toc]", "")
    assert "".join(text.split()) == _printed_chars(path)
