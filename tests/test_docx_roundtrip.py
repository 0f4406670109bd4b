"""DOCX out and in: the round trip on the five seeds, hand-made Word files, bad input.

The oracle: seed → model → ``write_disclosure_docx`` → ``read_disclosure`` gives
the same model, compared as interchange dicts (``jixiao.model.codec``) with what
names a place in a file taken out — locations, per-paragraph line numbers, the
source and the reader's notes. Everything else is compared: every project field,
every indicator (raw and parsed target), every budget row (raw and value), the
department goals, the narrative, the document's unit, year and its evidence.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx_fixtures import empty, poem, split_project, unit_disclosure, zip_bomb
from roundtrip import SEEDS, assert_same, comparable, expected_back, without_places

from jixiao.ingest import IngestError, iter_document_paths, parse_disclosure, read_disclosure
from jixiao.ingest.docx_reader import DOCX_NOTE_RULE, docx_text
from jixiao.ingest.sniff import FileFormat, sniff_format
from jixiao.model import ColumnRole, Layout, MoneyUnit, PlanKind, TableKind
from jixiao.model.codec import disclosure_from_dict, disclosure_to_dict
from jixiao.publish.disclosure_docx import write_disclosure_docx

# --- the round trip on the seeds ---------------------------------------------------------


@pytest.mark.seeds
@pytest.mark.parametrize("seed", SEEDS)
def test_docx_roundtrip__seed_reads_back_as_the_same_model(seed, seed_path, tmp_path):
    original = read_disclosure(seed_path(seed))
    written = write_disclosure_docx(original, tmp_path / f"{seed}.docx")
    back = read_disclosure(written)

    assert back.source.path == str(written)
    assert back.source.sha256 != original.source.sha256
    assert back.source.layout is Layout.WORD_EXPORT
    assert [n.rule for n in back.notes][:1] == [DOCX_NOTE_RULE]
    expected = expected_back(disclosure_to_dict(original), seed)
    assert_same(expected, comparable(disclosure_to_dict(back)))


@pytest.mark.seeds
def test_docx_roundtrip__locations_name_the_docx_and_its_tables(seed_path, tmp_path):
    original = read_disclosure(seed_path("001"))
    back = read_disclosure(write_disclosure_docx(original, tmp_path / "001.docx"))
    row = back.budget_tables[0].rows[2]
    assert str(row.location).startswith(str(tmp_path / "001.docx") + ":")
    assert row.location.table == original.budget_tables[0].rows[2].location.table
    assert row.location.row == original.budget_tables[0].rows[2].location.row
    indicator = back.projects[4].indicators[3]
    assert (indicator.location.table, indicator.location.row) == (
        original.projects[4].indicators[3].location.table,
        original.projects[4].indicators[3].location.row,
    )
    text = docx_text((tmp_path / "001.docx").read_bytes(), path="001.docx").split("\n")
    assert back.projects[4].title in text[back.projects[4].location.line - 1]


@pytest.mark.seeds
def test_docx_roundtrip__written_again_reads_the_same(seed_path, tmp_path):
    once = read_disclosure(
        write_disclosure_docx(read_disclosure(seed_path("004")), tmp_path / "a.docx")
    )
    twice = read_disclosure(write_disclosure_docx(once, tmp_path / "b.docx"))
    assert_same(comparable(disclosure_to_dict(once)), comparable(disclosure_to_dict(twice)))


@pytest.mark.seeds
def test_docx_roundtrip__model_without_locations_in_the_standard_order(seed_path, tmp_path):
    read = read_disclosure(seed_path("001"))
    bare = disclosure_from_dict(without_places(disclosure_to_dict(read)))
    back = read_disclosure(write_disclosure_docx(bare, tmp_path / "bare.docx"))
    assert_same(comparable(disclosure_to_dict(bare)), comparable(disclosure_to_dict(back)))
    document = docx.Document(str(tmp_path / "bare.docx"))
    assert document.paragraphs[0].text == read.budget_tables[0].title  # tables come first


@pytest.mark.seeds
def test_docx_writer__carried_name_unlike_the_row_above_keeps_its_text(seed_path, tmp_path):
    # A model not read from a document may mark a name carried that differs from
    # the row above; the reader only carries from the row above, so the writer
    # prints the name: its text comes back, the carried mark does not.
    doc = read_disclosure(seed_path("004"))
    first = doc.projects[0]
    third = first.indicators[2]
    assert third.level2.raw != first.indicators[1].level2.raw
    odd = replace(third, level2=replace(third.level2, carried=True))
    project = replace(first, indicators=(*first.indicators[:2], odd, *first.indicators[3:]))
    doc = replace(doc, projects=(project, *doc.projects[1:]))
    back = read_disclosure(write_disclosure_docx(doc, tmp_path / "odd.docx")).projects[0]
    assert (back.indicators[2].level2.raw, back.indicators[2].level2.carried) == (
        third.level2.raw,
        False,
    )
    assert [(i.level2.raw, i.level3, i.target) for i in back.indicators] == [
        (i.level2.raw, i.level3, i.target) for i in first.indicators
    ]


@pytest.mark.seeds
def test_docx_writer__standard_layout_fonts_and_page(seed_path, tmp_path):
    path = write_disclosure_docx(read_disclosure(seed_path("000")), tmp_path / "000.docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert 'w:eastAsia="宋体"' in xml
    project = document.tables[0]
    # the 一级 name 产出指标 is one cell merged down over the four 产出 rows
    merges = project._tbl.xpath(".//w:tr/w:tc[1]/w:tcPr/w:vMerge")
    assert len(merges) >= 4
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "第一部分部门整体绩效目标"
    assert "1.残疾人保障金绩效目标表" in texts


# --- hand-made Word files ----------------------------------------------------------------


@pytest.fixture(scope="module")
def unit_docx(tmp_path_factory) -> Path:
    """The hand-made county file (``docx_fixtures.unit_disclosure``), built once."""
    return unit_disclosure(tmp_path_factory.mktemp("docx") / "unit.docx")


def test_docx_reader__two_level_header_with_merges_both_ways(unit_docx):
    doc = read_disclosure(unit_docx)
    table = doc.budget_tables[0]
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
        ("1", "201", "一般公共服务支出"),
        ("2", "20103", "政府办公厅（室）及相关机构事务"),
        ("3", "2010350", "事业运行"),
    ]
    first = table.rows[0]
    assert first.raw("合计") == "1,200.50" and first.value("合计") == Decimal("1200.50")
    assert first.value("本年收入/财政拨款收入") == Decimal("1000.50")
    assert table.rows[2].value("本年收入/事业收入") is None
    assert table.note == "注：本表反映部门本年度收入预算。"
    assert (doc.unit_code, doc.unit_name, doc.fiscal_year) == (
        "430001",
        "某某县机关事务服务中心",
        2024,
    )


def test_docx_reader__extra_blank_column_and_yuan_beside_wan_yuan(unit_docx):
    doc = read_disclosure(unit_docx)
    three = doc.budget_tables[1]
    assert three.kind is TableKind.THREE_PUBLIC_EXPENSES
    assert three.money_unit is MoneyUnit.YUAN  # the table before is in 万元
    assert doc.budget_tables[0].money_unit is MoneyUnit.WAN_YUAN
    assert [c.key for c in three.columns] == [
        "项目",
        "合计",
        "因公出国（境）费",
        "公务用车购置及运维费",
        "公务接待费",
    ]  # the blank sixth column is gone
    (row,) = three.rows
    assert row.name == "“三公”经费"
    assert [v.value for v in row.values] == [
        Decimal("12000.00"),
        Decimal("0.00"),
        Decimal("8000.00"),
        Decimal("4000.00"),
    ]


def test_docx_reader__level1_merged_over_five_rows(unit_docx):
    doc = read_disclosure(unit_docx)
    (project,) = doc.projects
    assert (project.seq, project.project_code, project.project_name) == (
        1,
        "13052424P0000021001",
        "公务用车运行维护经费",
    )
    assert (project.unit_code, project.unit_name, project.money_unit) == (
        "430001",
        "某某县机关事务服务中心本级",
        MoneyUnit.WAN_YUAN,
    )
    assert project.budget_total.value == Decimal("20.00")
    assert project.budget_fiscal.value == Decimal("20.00")
    assert (project.budget_other.raw, project.budget_other.value) == ("", None)
    assert project.purpose == "用于公务用车的燃油、维修、保险等运行维护支出"
    assert [(c.month, c.value, c.kind) for c in project.spending_plan] == [
        (3, Decimal("25"), PlanKind.PERCENT),
        (6, Decimal("50"), PlanKind.PERCENT),
        (10, Decimal("75"), PlanKind.PERCENT),
        (12, Decimal("100"), PlanKind.PERCENT),
    ]
    assert project.goals == ("1.保障公务用车安全正常运行。", "2.控制运行维护成本。")
    rows = [
        (i.level1.raw, i.level1.carried, i.level2.raw, i.level2.carried, i.level3, i.target.raw)
        for i in project.indicators
    ]
    assert rows == [
        ("产出指标", False, "数量指标", False, "保障公务用车数量", "≥25辆"),
        ("产出指标", True, "数量指标", True, "车辆年检率", "100%"),
        ("产出指标", True, "质量指标", False, "车辆完好率", "≥95%"),
        ("产出指标", True, "时效指标", False, "维修及时率", "≥90%"),
        ("产出指标", True, "成本指标", False, "单车运行维护费", "≤1.8万元/辆"),
        ("效益指标", False, "社会效益指标", False, "公务出行保障", "有效保障"),
        ("效益指标", True, "可持续影响指标", False, "车辆使用年限", "长效提升"),
        ("满意度指标", False, "服务对象满意度指标", False, "用车单位满意度", "≥90%"),
    ]
    assert project.indicators[4].target.value == Decimal("1.8")
    assert all(i.basis for i in project.indicators)  # 指标值确定依据 spans two grid columns


def test_docx_reader__goals_under_heading_styles(unit_docx):
    doc = read_disclosure(unit_docx)
    goals = doc.department_goals
    assert goals.overall_goal == "保障机关高效运转，降低行政运行成本。"
    ((seq, title, goal, indicators),) = [
        (s.seq, s.title, s.goal, s.indicators_text) for s in goals.sub_goals
    ]
    assert (seq, title, goal, indicators) == (
        "1",
        "公务用车保障",
        "保障公务出行。",
        "车辆完好率≥95%。",
    )
    assert goals.safeguards == ("1、完善制度建设。", "2、加强支出管理。")


def test_docx_reader__table_continued_after_a_page_break(unit_docx, tmp_path):
    whole = read_disclosure(unit_docx).projects[0]
    split = read_disclosure(split_project(tmp_path / "split.docx")).projects[0]
    assert [i.level3 for i in split.indicators] == [i.level3 for i in whole.indicators]
    assert [(i.level1.raw, i.level2.raw) for i in split.indicators] == [
        (i.level1.raw, i.level2.raw) for i in whole.indicators
    ]


def test_docx_reader__fixture_round_trips_through_the_writer(unit_docx, tmp_path):
    original = read_disclosure(unit_docx)
    back = read_disclosure(write_disclosure_docx(original, tmp_path / "again.docx"))
    assert_same(comparable(disclosure_to_dict(original)), comparable(disclosure_to_dict(back)))


# --- format by content, and bad input ----------------------------------------------------


@pytest.mark.seeds
def test_sniff__extension_that_lies_is_read_by_content(seed_path, tmp_path):
    text_as_docx = tmp_path / "really_text.docx"
    text_as_docx.write_bytes(seed_path("000").read_bytes())
    from_text = read_disclosure(text_as_docx)
    assert from_text.source.encoding == "utf-8" and len(from_text.projects) == 3

    docx_as_txt = tmp_path / "really_word.txt"
    write_disclosure_docx(from_text, docx_as_txt)
    from_docx = read_disclosure(docx_as_txt)
    assert from_docx.notes[0].rule == DOCX_NOTE_RULE
    assert (
        comparable(disclosure_to_dict(from_docx))["projects"]
        == comparable(disclosure_to_dict(from_text))["projects"]
    )


def test_sniff__formats_by_magic_bytes(tmp_path):
    assert sniff_format(poem(tmp_path / "p.docx").read_bytes()) is FileFormat.DOCX
    assert sniff_format(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") is FileFormat.PDF
    assert sniff_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)) is FileFormat.OLE
    assert sniff_format("一级指标\t二级指标".encode()) is FileFormat.TEXT
    assert sniff_format(b"PK\x03\x04 truncated") is FileFormat.BROKEN_ZIP


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), ".doc"),
        ("{\\rtf1\\ansi 预算}".encode(), "RTF"),
    ],
)
def test_ingest__formats_not_read_yet_are_refused_in_chinese(data, words, tmp_path):
    path = tmp_path / "disguised.docx"
    path.write_bytes(data)
    with pytest.raises(IngestError) as error:
        read_disclosure(path)
    assert words in error.value.message and error.value.path == str(path)


def test_ingest__plain_zip_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "预算")
    with pytest.raises(IngestError, match="ZIP 压缩包"):
        parse_disclosure(archive.getvalue(), path="包.docx")


def test_ingest__truncated_docx_is_a_broken_zip(unit_docx):
    data = unit_docx.read_bytes()
    with pytest.raises(IngestError, match="文件已损坏") as error:
        parse_disclosure(data[: len(data) // 2], path="半截.docx")
    assert error.value.path == "半截.docx"


def test_ingest__docx_with_a_corrupt_entry(unit_docx):
    with zipfile.ZipFile(unit_docx) as archive:
        info = archive.getinfo("word/document.xml")
        offset = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data = bytearray(unit_docx.read_bytes())
    data[offset + 20 : offset + 60] = bytes(40)  # zero out compressed bytes
    with pytest.raises(IngestError, match="Word 文档已损坏") as error:
        parse_disclosure(bytes(data), path="坏.docx")
    assert "坏.docx" in str(error.value)


def test_ingest__zip_bomb_over_the_default_limit(tmp_path):
    path = zip_bomb(tmp_path / "bomb.docx")  # 210 MB of zeros inside
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(IngestError, match="压缩炸弹") as error:
        read_disclosure(path)
    assert "200 MB" in error.value.message and error.value.path == str(path)


def test_ingest__unpacked_limit_is_a_keyword(unit_docx):
    with pytest.raises(IngestError, match="超过上限"):
        read_disclosure(unit_docx, max_unpacked_bytes=10_000)
    assert read_disclosure(unit_docx, max_unpacked_bytes=50_000_000).projects


def test_ingest__docx_without_a_disclosure(tmp_path):
    with pytest.raises(IngestError, match="没有可识别的部门预算公开内容"):
        read_disclosure(poem(tmp_path / "poem.docx"))
    with pytest.raises(IngestError, match=r"Word（\.docx）文档为空"):
        read_disclosure(empty(tmp_path / "empty.docx"))


def test_ingest__folders_list_docx_files(tmp_path):
    poem(tmp_path / "b.docx")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "d.png").write_bytes(b"\x89PNG")
    assert [p.name for p in iter_document_paths([tmp_path])] == ["a.txt", "b.docx", "c.pdf"]


def test_docx_text__merged_cells_print_once(unit_docx):
    text = docx_text(unit_docx.read_bytes(), path="unit.docx")
    lines = text.split("\n")
    assert lines.count("\t产出指标") == 1  # merged over five rows, printed once
    assert lines.count("\t10月底") == 1  # spans two grid columns
    header = lines.index("\t科目编码")
    assert lines[header - 1] == "\t"  # 序号 merged down: a blank continuation cell
    assert "\t预算数" in lines  # the runs 预算|数 joined
