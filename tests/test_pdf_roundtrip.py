"""PDF out and in: the round trip on the five seeds, a hand-made PDF, bad input.

The oracle (``roundtrip``): seed → model → ``write_disclosure_pdf`` (DOCX converted
by LibreOffice) → ``read_disclosure`` gives the same model, compared as
interchange dicts with what names a place in a file taken out. Stronger still,
the PDF reader prints exactly the Word-export text the DOCX reader prints for the
DOCX the PDF was made from: same paragraphs, headings, cells, merges, tables
joined over pages. The seeds are rendered once per session (LibreOffice takes
seconds); those tests skip when LibreOffice is not installed (and fail under
CI=true, which requires it).

The hand-made PDF (``pdf_fixtures.county_project``) is drawn byte by byte as
another PDF printer would, so the reader is also tested on what it did not write
— and those tests need no LibreOffice.
"""

from __future__ import annotations

import os
import stat
import time
from decimal import Decimal
from pathlib import Path

import pdf_fixtures
import pypdfium2 as pdfium
import pytest
from roundtrip import SEEDS, assert_same, comparable, expected_back

from jixiao.ingest import IngestError, parse_disclosure, read_disclosure
from jixiao.ingest.docx_reader import docx_text
from jixiao.ingest.pdf_reader import PDF_NOTE_RULE, pdf_text
from jixiao.model import ColumnRole, Layout, MoneyUnit, PlanKind, TableKind
from jixiao.model.codec import disclosure_to_dict
from jixiao.publish.disclosure_docx import write_disclosure_docx
from jixiao.publish.disclosure_pdf import find_soffice, write_disclosure_pdf, write_disclosure_pdfs
from jixiao.publish.errors import PublishError

# --- the seeds, rendered once -------------------------------------------------------------


@pytest.fixture(scope="session")
def seed_pdfs(seed_path, tmp_path_factory) -> dict[str, tuple[object, Path]]:
    """Each seed's model and its PDF, all converted by one run of LibreOffice."""
    if find_soffice() is None:
        message = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " — CI=true requires it")
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("pdf")
    models = {seed: read_disclosure(seed_path(seed)) for seed in SEEDS}
    paths = write_disclosure_pdfs([(models[seed], folder / f"{seed}.pdf") for seed in SEEDS])
    return {seed: (models[seed], path) for seed, path in zip(SEEDS, paths, strict=True)}


@pytest.mark.seeds
@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_roundtrip__seed_reads_back_as_the_same_model(seed, seed_pdfs):
    original, path = seed_pdfs[seed]
    back = read_disclosure(path)

    assert back.source.path == str(path)
    assert back.source.layout is Layout.WORD_EXPORT
    assert [n.rule for n in back.notes][:1] == [PDF_NOTE_RULE]
    expected = expected_back(disclosure_to_dict(original), seed)
    assert_same(expected, comparable(disclosure_to_dict(back)))


@pytest.mark.seeds
@pytest.mark.parametrize("seed", SEEDS)
def test_pdf_reader__prints_the_text_of_the_docx_it_was_made_from(seed, seed_pdfs, tmp_path):
    original, path = seed_pdfs[seed]
    docx = write_disclosure_docx(original, tmp_path / f"{seed}.docx")
    expected = docx_text(docx.read_bytes(), path=str(docx))
    read = pdf_text(path.read_bytes(), path=str(path))
    # The DOCX has empty paragraphs where a section (page orientation) changes,
    # which print nothing on paper; every other line must be the same.
    assert [line for line in read.split("\n") if line] == [
        line for line in expected.split("\n") if line
    ]


def _page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


@pytest.mark.seeds
def test_pdf_reader__table_over_two_pages_is_one_table(seed_pdfs):
    original, path = seed_pdfs["001"]
    table = next(
        t for t in original.budget_tables if t.kind is TableKind.FISCAL_APPROPRIATION_SUMMARY
    )
    pages = _page_texts(path)
    start = next(n for n, text in enumerate(pages) if table.title in text)
    end = next(n for n in range(start, len(pages)) if "收入总计" in pages[n])
    # 部门预算财政拨款收支总表 runs onto the next page, where LibreOffice repeats its
    # header rows (unit line, two header rows, 栏次) at the top.
    assert end == start + 1
    assert all("栏次" in pages[n] and "预算年度：2023" in pages[n] for n in (start, end))
    assert pages[end].index("栏次") < pages[end].index("收入总计")
    back = read_disclosure(path)
    again = next(t for t in back.budget_tables if t.kind is TableKind.FISCAL_APPROPRIATION_SUMMARY)
    assert [(r.seq, r.name, [v.raw for v in r.values]) for r in again.rows] == [
        (r.seq, r.name, [v.raw for v in r.values]) for r in table.rows
    ]
    assert {"收入总计", "支出总计"} <= {r.name for r in again.rows[-2:]}  # page 2
    text = pdf_text(path.read_bytes(), path=str(path))
    with_column_numbers = [
        t for t in original.budget_tables if any(c.column_no == "栏次" for c in t.columns)
    ]
    assert text.count("\t栏次\n") == len(with_column_numbers)  # each header once


@pytest.mark.seeds
def test_pdf_writer__chinese_fonts_embedded(seed_pdfs):
    _, path = seed_pdfs["000"]
    fonts = set()
    document = pdfium.PdfDocument(path)
    try:
        for page in document:
            for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_TEXT]):
                font = pdfium.raw.FPDFTextObj_GetFont(obj.raw)
                buffer = bytes(128)
                pdfium.raw.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
                name = buffer.split(b"\0")[0].decode("latin-1")
                fonts.add((name.split("+")[-1], bool(pdfium.raw.FPDFFont_GetIsEmbedded(font))))
    finally:
        document.close()
    # 宋体 → Noto Serif CJK (body), 黑体 → Noto Sans CJK (headings), all embedded
    assert {embedded for _, embedded in fonts} == {True}
    assert any(name.startswith("NotoSerifCJK") for name, _ in fonts)
    assert any(name.startswith("NotoSansCJK") for name, _ in fonts)


@pytest.mark.seeds
def test_sniff__pdf_under_another_name_is_read_by_content(seed_pdfs, tmp_path):
    original, path = seed_pdfs["004"]
    for name in ("really_pdf.docx", "really_pdf.txt"):
        disguised = tmp_path / name
        disguised.write_bytes(path.read_bytes())
        back = read_disclosure(disguised)
        assert back.notes[0].rule == PDF_NOTE_RULE
        assert (
            comparable(disclosure_to_dict(back))["projects"]
            == comparable(disclosure_to_dict(original))["projects"]
        )


# --- a hand-made PDF ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def county_pdf(tmp_path_factory) -> Path:
    return pdf_fixtures.county_project(tmp_path_factory.mktemp("pdf") / "county.pdf")


def test_pdf_reader__project_table_broken_by_the_page_end(county_pdf):
    doc = read_disclosure(county_pdf)
    assert (doc.unit_code, doc.unit_name, doc.fiscal_year) == (
        "430001",
        "某某县机关事务服务中心",
        2024,
    )
    (project,) = doc.projects
    assert (project.seq, project.title, project.project_code, project.project_name) == (
        1,
        "1.公务用车运行维护经费绩效目标表",
        "13052424P0000021001",
        "公务用车运行维护经费",
    )
    assert project.money_unit is MoneyUnit.WAN_YUAN
    assert project.budget_total.value == Decimal("20.00")
    assert project.budget_fiscal.value == Decimal("20.00")
    assert (project.budget_other.raw, project.budget_other.value) == ("", None)
    assert project.purpose == pdf_fixtures.PURPOSE  # wrapped over two lines in its cell
    assert project.goals == pdf_fixtures.GOALS  # the first wraps, the second is a paragraph
    assert [(c.month, c.value, c.kind) for c in project.spending_plan] == [
        (3, Decimal("25"), PlanKind.PERCENT),
        (6, Decimal("50"), PlanKind.PERCENT),
        (10, Decimal("75"), PlanKind.PERCENT),  # 10月底 and 75% span two grid columns
        (12, Decimal("100"), PlanKind.PERCENT),
    ]
    rows = [
        (i.level1.raw, i.level1.carried, i.level2.raw, i.level2.carried, i.level3, i.target.raw)
        for i in project.indicators
    ]
    assert rows == [
        ("产出指标", False, "数量指标", False, "保障公务用车数量", "≥25辆"),
        ("产出指标", True, "数量指标", True, "车辆年检率", "100%"),
        ("产出指标", True, "质量指标", False, "车辆完好率", "≥95%"),
        # page 2: 产出指标 goes on as an empty cell merged over two rows
        ("产出指标", True, "时效指标", False, "维修及时率", "≥90%"),
        ("产出指标", True, "成本指标", False, "单车运行维护费", "≤1.8万元/辆"),
        ("效益指标", False, "社会效益指标", False, "公务出行保障", "有效保障"),
        ("效益指标", True, "可持续影响指标", False, "车辆使用年限", "长效提升"),
        ("满意度指标", False, "服务对象满意度指标", False, "用车单位满意度", "≥90%"),
    ]
    assert [i.basis for i in project.indicators] == [row[5] for row in pdf_fixtures.INDICATORS]


def test_pdf_reader__header_rows_repeated_on_the_next_page_are_read_once(county_pdf):
    (table,) = read_disclosure(county_pdf).budget_tables
    assert (table.title, table.kind, table.money_unit) == (
        "部门预算收入总表",
        TableKind.INCOME_SUMMARY,
        MoneyUnit.WAN_YUAN,
    )
    assert [(c.key, c.role, c.column_no) for c in table.columns] == [
        ("序号", ColumnRole.SEQ, "栏次"),
        ("功能分类科目/科目编码", ColumnRole.CODE, "1"),
        ("功能分类科目/科目名称", ColumnRole.NAME, "2"),
        ("合计", ColumnRole.VALUE, "3"),
        ("本年收入/小计", ColumnRole.VALUE, "4"),
        ("本年收入/财政拨款收入", ColumnRole.VALUE, "5"),
        ("本年收入/事业收入", ColumnRole.VALUE, "6"),
        ("上年结转", ColumnRole.VALUE, "7"),
    ]
    assert [(r.seq, r.code, r.name) for r in table.rows] == [
        (row[0], row[1], row[2]) for row in pdf_fixtures.INCOME_ROWS
    ]
    assert table.rows[1].name == "政府办公厅（室）及相关机构事务"  # wrapped in its cell
    assert table.rows[0].value("合计") == Decimal("1200.50")
    assert table.rows[4].value("上年结转") == Decimal("12.00")
    assert table.note == "注：本表反映部门本年度收入预算。"


def test_pdf_reader__headings_paragraphs_and_page_numbers(county_pdf):
    text = pdf_text(county_pdf.read_bytes(), path="county.pdf")
    lines = text.split("\n")
    # fake bold (outline stroked over the fill) marks headings and the tables' titles
    assert [line for line in lines if line.startswith("[bookmark: _Toc]")] == [
        "[bookmark: _Toc]第一部分 部门整体绩效目标",
        "[bookmark: _Toc]一、总体绩效目标",
        "[bookmark: _Toc]二、分项绩效目标",
        "[bookmark: _Toc]三、工作保障措施",
        "[bookmark: _Toc]第二部分 预算项目绩效目标",
        "[bookmark: _Toc]1.公务用车运行维护经费绩效目标表",
        "[bookmark: _Toc]第三部分 部门预算公开表格",
        "[bookmark: _Toc]部门预算收入总表",
    ]
    assert pdf_fixtures.OVERALL in lines  # three printed lines, one paragraph
    assert "1、公务用车保障" in lines and "绩效目标：保障公务出行。" in lines
    assert not any(line.strip(" -").isdigit() for line in lines)  # "- 1 -" … dropped
    goals = read_disclosure(county_pdf).department_goals
    assert goals.overall_goal == pdf_fixtures.OVERALL
    assert goals.safeguards == ("1、完善制度建设。", "2、加强支出管理。")


def test_pdf_reader__hand_made_file_read_through_the_dispatch(county_pdf):
    doc = parse_disclosure(county_pdf.read_bytes(), path="县.pdf")
    assert doc.notes[0].rule == PDF_NOTE_RULE and doc.notes[0].location.file == "县.pdf"
    assert doc.source.size_bytes == county_pdf.stat().st_size
    project = doc.projects[0]
    assert project.location.table == "1.公务用车运行维护经费绩效目标表"
    text = pdf_text(county_pdf.read_bytes(), path="县.pdf").split("\n")
    assert project.title in text[project.location.line - 1]


def test_pdf_reader__pages_stored_landscape_and_shown_turned_read_as_upright(county_pdf, tmp_path):
    turned = pdf_fixtures.county_project(tmp_path / "turned.pdf", turned=True)
    document = pdfium.PdfDocument(turned)
    page = document[0]  # stored landscape, shown portrait
    assert (page.get_rotation(), page.get_mediabox(), page.get_size()) == (
        90,
        (0.0, 0.0, 842.0, 595.0),
        (595.0, 842.0),
    )
    document.close()
    upright = pdf_text(county_pdf.read_bytes(), path="county.pdf")
    assert pdf_text(turned.read_bytes(), path="county.pdf") == upright


def test_pdf_reader__page_frame_and_running_header_are_not_content(county_pdf, tmp_path):
    framed = pdf_fixtures.county_project(tmp_path / "framed.pdf", bordered=True)
    assert all("2024年部门预算" in text for text in _page_texts(framed))
    upright = pdf_text(county_pdf.read_bytes(), path="county.pdf")
    assert pdf_text(framed.read_bytes(), path="county.pdf") == upright


# --- bad input ------------------------------------------------------------------------------


def test_ingest__encrypted_pdf_is_refused(tmp_path):
    path = pdf_fixtures.encrypted(tmp_path / "密.pdf")
    document = pdfium.PdfDocument(path, password="secret")  # a real encrypted file
    assert "部门预算绩效目标表" in document[0].get_textpage().get_text_range()
    document.close()
    with pytest.raises(IngestError, match="PDF 已加密") as error:
        read_disclosure(path)
    assert error.value.path == str(path)


def test_ingest__pdf_with_only_an_owner_password_is_read(tmp_path):
    # Restricted copying or printing, no password to open: the text is there to read.
    path = pdf_fixtures.encrypted(tmp_path / "限制.pdf", user_password="")
    assert pdf_text(path.read_bytes(), path=str(path)) == "部门预算绩效目标表\n"


def test_ingest__scanned_pdf_is_refused(tmp_path):
    path = pdf_fixtures.scanned(tmp_path / "扫描.pdf")
    with pytest.raises(IngestError, match="扫描件，没有文字层，暂不支持 OCR"):
        read_disclosure(path)


def test_ingest__truncated_pdf_is_refused(county_pdf):
    data = county_pdf.read_bytes()
    with pytest.raises(IngestError, match="PDF 文件不完整") as error:
        parse_disclosure(data[: len(data) // 2], path="半截.pdf")
    assert error.value.path == "半截.pdf"


def test_ingest__broken_pdf_is_refused():
    data = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
    with pytest.raises(IngestError, match="PDF 文件已损坏"):
        parse_disclosure(data, path="坏.pdf")


def test_ingest__pdf_without_text_or_disclosure(tmp_path):
    with pytest.raises(IngestError, match="PDF 文件为空"):
        read_disclosure(pdf_fixtures.blank(tmp_path / "空.pdf"))
    with pytest.raises(IngestError, match="没有可识别的部门预算公开内容"):
        read_disclosure(pdf_fixtures.encrypted(tmp_path / "短.pdf", user_password=""))


# --- the writer without LibreOffice ---------------------------------------------------------


def _fake_soffice(folder: Path, script: str) -> None:
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)


@pytest.mark.seeds
def test_pdf_writer__soffice_missing_fails_in_chinese(seed_path, tmp_path, monkeypatch):
    doc = read_disclosure(seed_path("000"))
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_soffice() is None
    with pytest.raises(PublishError, match=r"未找到 LibreOffice（soffice）.*libreoffice-writer"):
        write_disclosure_pdf(doc, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.seeds
def test_pdf_writer__soffice_failing_or_hanging(seed_path, tmp_path, monkeypatch):
    doc = read_disclosure(seed_path("000"))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    _fake_soffice(bin_dir, "echo 'Error: source file could not be loaded' >&2\nexit 1")
    with pytest.raises(PublishError, match=r"退出码 1.*source file could not be loaded"):
        write_disclosure_pdf(doc, tmp_path / "out.pdf")
    _fake_soffice(bin_dir, "exit 0")  # says it worked, writes nothing
    with pytest.raises(PublishError, match="未能把文档转换为 PDF"):
        write_disclosure_pdf(doc, tmp_path / "out.pdf")
    _fake_soffice(bin_dir, "sleep 30 &\nwait")  # a launcher waiting on its child, as soffice
    started = time.monotonic()
    with pytest.raises(PublishError, match="超时（超过 1 秒）"):
        write_disclosure_pdf(doc, tmp_path / "out.pdf", timeout_s=1)
    assert time.monotonic() - started < 10  # the child was stopped too, not waited for
