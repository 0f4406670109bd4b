"""HTML out and in: the round trip on the five seeds, hand-made county pages, bad input.

The oracle (``tests/roundtrip.py``): seed → model → ``write_disclosure_html`` →
``read_disclosure`` gives the same model, compared as interchange dicts with what
names a place in a file taken out (locations, line numbers, source, reader notes).
The hand-made pages (``tests/html_fixtures.py``) are markup as county sites,
Word and Excel write it; each test asserts values a person can check by reading
the fixture.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from html_fixtures import (
    attachment_page,
    county_page,
    excel_sheet,
    image_page,
    word_page,
)
from lxml import etree
from lxml import html as lxml_html
from roundtrip import SEEDS, assert_same, comparable, expected_back, without_places

from jixiao.ingest import IngestError, html_reader, parse_disclosure, read_disclosure
from jixiao.ingest.html_reader import html_text
from jixiao.ingest.sniff import FileFormat, sniff_format
from jixiao.model import ColumnRole, Layout, MoneyUnit, PlanKind, TableKind
from jixiao.model.codec import disclosure_from_dict, disclosure_to_dict
from jixiao.publish.disclosure_html import disclosure_html, write_disclosure_html
from jixiao.publish.layout import WIDE_TABLE_COLUMNS

HTML_NOTE_RULE = "ingest-html-lines"

# --- the round trip on the seeds ---------------------------------------------------------


@pytest.mark.seeds
@pytest.mark.parametrize("seed", SEEDS)
def test_html_roundtrip__seed_reads_back_as_the_same_model(seed, seed_path, tmp_path):
    original = read_disclosure(seed_path(seed))
    written = write_disclosure_html(original, tmp_path / f"{seed}.html")
    back = read_disclosure(written)

    assert sniff_format(written.read_bytes()) is FileFormat.HTML
    assert back.source.path == str(written)
    assert back.source.layout is Layout.WORD_EXPORT
    assert [n.rule for n in back.notes][:1] == [HTML_NOTE_RULE]
    expected = expected_back(disclosure_to_dict(original), seed)
    assert_same(expected, comparable(disclosure_to_dict(back)))


@pytest.mark.seeds
def test_html_roundtrip__written_again_reads_the_same(seed_path, tmp_path):
    once = read_disclosure(
        write_disclosure_html(read_disclosure(seed_path("004")), tmp_path / "a.html")
    )
    twice = read_disclosure(write_disclosure_html(once, tmp_path / "b.html"))
    assert_same(comparable(disclosure_to_dict(once)), comparable(disclosure_to_dict(twice)))


@pytest.mark.seeds
def test_html_roundtrip__model_without_locations_in_the_standard_order(seed_path, tmp_path):
    read = read_disclosure(seed_path("001"))
    bare = disclosure_from_dict(without_places(disclosure_to_dict(read)))
    path = write_disclosure_html(bare, tmp_path / "bare.html")
    back = read_disclosure(path)
    assert_same(comparable(disclosure_to_dict(bare)), comparable(disclosure_to_dict(back)))
    first_caption = lxml_html.parse(str(path)).find(".//main").find(".//caption")
    assert first_caption.text_content() == read.budget_tables[0].title  # tables come first


@pytest.mark.seeds
def test_html_roundtrip__markup_in_a_text_is_printed_as_text(seed_path, tmp_path):
    doc = read_disclosure(seed_path("004"))
    purpose = '用于<script>alert("x")</script>维修&保养<br>'
    doc = replace(doc, projects=(replace(doc.projects[0], purpose=purpose), *doc.projects[1:]))
    page = disclosure_html(doc)
    assert "<script" not in page
    assert "用于&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;维修&amp;保养&lt;br&gt;" in page
    back = read_disclosure(write_disclosure_html(doc, tmp_path / "escaped.html"))
    assert back.projects[0].purpose == purpose


@pytest.mark.seeds
def test_html_roundtrip__locations_name_the_page_and_its_tables(seed_path, tmp_path):
    original = read_disclosure(seed_path("001"))
    path = write_disclosure_html(original, tmp_path / "001.html")
    back = read_disclosure(path)
    row = back.budget_tables[0].rows[2]
    assert str(row.location).startswith(str(path) + ":")
    assert row.location.row == original.budget_tables[0].rows[2].location.row
    text = html_text(path.read_bytes(), path="001.html").split("\n")
    assert back.projects[4].title in text[back.projects[4].location.line - 1]


# --- what the page looks like ----------------------------------------------------------------


def _level1_runs(project) -> list[tuple[str, int]]:
    """(一级 name, rows it heads) in order: a name and the carried rows below it."""
    runs: list[tuple[str, int]] = []
    for indicator in project.indicators:
        if indicator.level1.carried and runs:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((indicator.level1.raw, 1))
    return runs


@pytest.mark.seeds
def test_html_writer__level1_names_span_the_rows_they_head(seed_path):
    doc = read_disclosure(seed_path("004"))
    tree = lxml_html.document_fromstring(disclosure_html(doc))
    tables = [t for t in tree.iter("table") if "一级指标" in t.text_content()]
    assert len(tables) == len(doc.projects) == 4
    for table, project in zip(tables, doc.projects, strict=True):
        rows = table.findall(".//tr")
        header = next(i for i, tr in enumerate(rows) if tr[0].text_content() == "一级指标")
        spans = [
            (tr[0].text_content(), int(tr[0].get("rowspan", "1")))
            for tr in rows[header + 1 :]
            if len(tr) and tr[0].text_content() in {raw for raw, _ in _level1_runs(project)}
        ]
        assert spans == _level1_runs(project)
    # the first project of 004: 产出指标 heads its first rows, merged, not repeated
    assert _level1_runs(doc.projects[0])[0][0] == "产出指标"
    assert _level1_runs(doc.projects[0])[0][1] > 1


@pytest.mark.seeds
def test_html_writer__one_page_valid_and_self_contained(seed_path, tmp_path):
    doc = read_disclosure(seed_path("001"))
    path = write_disclosure_html(doc, tmp_path / "001.html")
    data = path.read_bytes()
    parser = etree.HTMLParser(recover=True)
    root = etree.fromstring(data, parser)
    assert [str(e) for e in parser.error_log] == []  # no mismatched or stray tags
    assert root.get("lang") == "zh-CN"
    (title,) = root.findall(".//title")
    assert title.text == "平乡县机关后勤服务中心2023年部门预算公开"
    assert root.find(".//meta[@charset]").get("charset") == "utf-8"
    assert root.find(".//meta[@name='viewport']") is not None
    # nothing to fetch: no scripts, links, images, frames or URLs in the CSS
    assert root.xpath("//script | //link | //img | //iframe | //*[@src]") == []
    style = root.find(".//style").text
    assert "url(" not in style and "@import" not in style
    assert "SimSun" in style and "Noto Serif CJK SC" in style and "@page" in style
    header = root.find(".//header").xpath("string()")
    assert "平乡县机关后勤服务中心" in header and "430" in header and "2023" in header
    assert "由 jixiao" in header
    # every budget table: its title as caption, its header in <thead>, its note after
    budget = [t for t in root.iter("table") if t.find("thead") is not None]
    assert [t.find("caption").xpath("string()") for t in budget] == [
        t.title for t in doc.budget_tables
    ]
    wide = [t.getparent().getparent().get("class").endswith(" wide") for t in budget]
    assert wide == [len(t.columns) >= WIDE_TABLE_COLUMNS for t in doc.budget_tables]
    assert any(wide) and not all(wide)
    assert ".table-block.wide { page: wide; }" in style
    assert "@page wide { size: A4 landscape;" in style


@pytest.mark.seeds
def test_html_writer__header_rows_and_spans_from_placed_cells(seed_path):
    doc = read_disclosure(seed_path("001"))
    table = doc.budget_tables[0]
    tree = lxml_html.document_fromstring(disclosure_html(doc))
    first = tree.find(".//main").find(".//table")
    head = first.find("thead").findall("tr")
    # captions row, the header's levels, the 栏次 row: all repeated on each printed page
    depth = max(len(c.header) for c in table.columns)
    assert len(head) == 1 + depth + 1
    assert head[-1][0].text_content() == "栏次"
    assert [c.text_content() for c in head[0]] == list(table.captions)
    assert len(first.find("tbody").findall("tr")) == len({r.location.row for r in table.rows})


# --- hand-made pages -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def county():
    return parse_disclosure(county_page(), path="county.html")


def test_html_reader__gbk_page_with_two_level_header(county):
    table = county.budget_tables[0]
    assert (table.title, table.kind, table.money_unit) == (
        "部门预算收入总表",
        TableKind.INCOME_SUMMARY,
        MoneyUnit.WAN_YUAN,
    )
    assert [(c.key, c.role, c.column_no) for c in table.columns] == [
        ("序号", ColumnRole.SEQ, "栏次"),
        ("功能分类科目/科目编码", ColumnRole.CODE, "1"),
        ("功能分类科目/科目名称", ColumnRole.NAME, "2"),
        ("合计", ColumnRole.VALUE, "3"),  # 合&nbsp;&nbsp;计
        ("本年收入/小计", ColumnRole.VALUE, "4"),
        ("本年收入/财政拨款收入", ColumnRole.VALUE, "5"),  # 财政拨款<br>收入
        ("本年收入/事业收入", ColumnRole.VALUE, "6"),
        ("上年结转", ColumnRole.VALUE, "7"),  # 上年<br />结转
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
    assert table.captions == ("430001某某县机关事务服务中心", "预算年度：2024", "单位：万元")
    # the <tfoot> is written before <tbody> but shows, and reads, below it
    assert table.note == "注：本表反映部门本年度收入预算。"
    assert (county.unit_code, county.unit_name, county.fiscal_year) == (
        "430001",
        "某某县机关事务服务中心",
        2024,
    )


def test_html_reader__caption_title_yuan_beside_wan_yuan_and_extra_column(county):
    three = county.budget_tables[1]  # nested two layout tables deep
    assert three.title == "部门预算财政拨款“三公”经费支出表"  # its <caption>
    assert three.kind is TableKind.THREE_PUBLIC_EXPENSES
    assert three.money_unit is MoneyUnit.YUAN
    assert county.budget_tables[0].money_unit is MoneyUnit.WAN_YUAN
    assert [c.key for c in three.columns] == [
        "项目",
        "合计",
        "因公出国（境）费",
        "公务用车购置及运维费",
        "公务接待费",
    ]  # the empty sixth column is gone
    (row,) = three.rows
    assert row.name == "“三公”经费"
    assert [v.value for v in row.values] == [
        Decimal("12000.00"),
        Decimal("0.00"),
        Decimal("8000.00"),
        Decimal("4000.00"),
    ]


def test_html_reader__project_with_rowspans_and_bad_span_values(county):
    (project,) = county.projects
    assert (project.seq, project.title, project.project_code, project.project_name) == (
        1,
        "1.公务用车运行维护经费绩效目标表",  # the table's first row, lifted out as its title
        "13052424P0000021001",  # after colspan="0" (read as 1)
        "公务用车运行维护经费",
    )
    assert (project.unit_code, project.unit_name, project.money_unit) == (
        "430001",
        "某某县机关事务服务中心本级",
        MoneyUnit.WAN_YUAN,  # from a cell with colspan="9999"
    )
    assert project.budget_total.value == Decimal("20.00")  # label 预算<br>数
    assert project.budget_fiscal.value == Decimal("20.00")  # 其中：财政&nbsp;…资金
    assert (project.budget_other.raw, project.budget_other.value) == ("", None)
    assert project.purpose == "用于公务用车的燃油、维修、保险等运行维护支出"
    assert [(c.month, c.value, c.kind) for c in project.spending_plan] == [
        (3, Decimal("25"), PlanKind.PERCENT),  # 3月底 has rowspan="abc" (read as 1)
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
        # rowspan="999" on the last row: it stops at the end of the table
        ("满意度指标", False, "服务对象满意度指标", False, "用车单位满意度", "≥90%"),
    ]
    assert project.indicators[4].target.value == Decimal("1.8")
    assert [i.basis for i in project.indicators][:3] == ["计划标准", "行业标准", "历史标准"]


def test_html_reader__goals_and_text_in_layout_cells(county):
    goals = county.department_goals
    assert goals.overall_goal == "保障机关高效运转，降低行政运行成本。"  # a source line break
    ((seq, title, goal, indicators),) = [
        (s.seq, s.title, s.goal, s.indicators_text) for s in goals.sub_goals
    ]
    assert (seq, title, goal, indicators) == (
        "1",
        "公务用车保障",
        "保障公务出行。",
        "车辆完好率≥95%。",
    )
    assert goals.safeguards == ("1、完善制度建设。", "2、加强支出管理。")  # split by <br />
    assert [(n.heading, n.paragraphs) for n in county.narrative] == [
        (
            "",
            (
                "当前位置：首页>预决算公开",
                "某某县机关事务服务中心2024年部门预算公开",  # layout cells, in order
                "发布时间：2024-02-05来源：某某县机关事务服务中心",
            ),
        ),
        ("一、部门预算公开表格", ()),
        ("第一部分部门整体绩效目标", ()),
        ("第二部分预算项目绩效目标", ()),  # 【打印本页】【关闭窗口】 are controls, not text
    ]


def test_html_reader__chrome_scripts_and_styles_are_skipped():
    text = html_text(county_page(), path="county.html")
    for skipped in ("不是内容", "统计代码", "首页\n", "政务公开", "1999", "备案号", "打印本页"):
        assert skipped not in text
    assert "font-size" not in text


def test_html_reader__encodings(county):
    utf8 = county_page().decode("gbk").encode("utf-8")  # charset=gb2312 kept: a moved page
    assert b"charset=gb2312" in utf8
    assert comparable(disclosure_to_dict(parse_disclosure(utf8, path="county.html"))) == (
        comparable(disclosure_to_dict(county))
    )
    bom = b"\xef\xbb\xbf" + utf8.replace(b"charset=gb2312", b"charset=gbk")
    assert parse_disclosure(bom, path="bom.html").projects[0].project_name == "公务用车运行维护经费"
    latin = county_page().replace(b"charset=gb2312", b"charset=iso-8859-1")  # a CMS default
    assert html_text(latin, path="latin.html") == html_text(county_page(), path="gbk.html")
    # no declaration at all: UTF-8, else GB18030
    word = word_page()
    assert b"charset" not in word
    gbk = word.decode("utf-8").encode("gbk")
    assert html_text(gbk, path="gbk.html") == html_text(word, path="word.html")


def test_html_reader__county_page_round_trips_through_the_writer(county, tmp_path):
    back = read_disclosure(write_disclosure_html(county, tmp_path / "again.html"))
    assert_same(comparable(disclosure_to_dict(county)), comparable(disclosure_to_dict(back)))


def test_html_reader__excel_sheet_title_row_and_hidden_column():
    doc = parse_disclosure(excel_sheet(), path="sheet.html")
    (table,) = doc.budget_tables
    assert (table.title, table.kind, table.money_unit) == (
        "2024年部门预算支出总表",  # the sheet's first row, lifted out as the title
        TableKind.EXPENDITURE_SUMMARY,
        MoneyUnit.YUAN,
    )
    assert [c.key for c in table.columns] == [
        "科目编码",
        "科目名称",
        "合计",
        "基本支出",
        "项目支出",
    ]
    assert [(r.code, r.name, [v.value for v in r.values]) for r in table.rows] == [
        (
            "201",
            "一般公共服务支出",
            [Decimal("1580000.00"), Decimal("1200000.00"), Decimal("380000.00")],
        ),
        ("2010301", "行政运行", [Decimal("1200000.00"), Decimal("1200000.00"), Decimal("0.00")]),
    ]  # the hidden column (旧数, 1.00) is not read
    assert (doc.unit_code, doc.fiscal_year) == ("430001", 2024)


def test_html_reader__word_page_toc_anchor_heading_and_note():
    doc = parse_disclosure(word_page(), path="word.html")
    (table,) = doc.budget_tables
    assert (table.title, table.money_unit) == (
        "部门预算财政拨款“三公”经费支出表",
        MoneyUnit.WAN_YUAN,
    )
    assert table.note == "注：2024年“三公”经费预算比上年减少0.10万元。"
    assert [v.value for v in table.rows[0].values] == [
        Decimal("1.20"),
        Decimal("0.00"),
        Decimal("0.80"),
        Decimal("0.40"),
    ]
    text = html_text(word_page(), path="word.html")
    assert "[bookmark: _Toc]一、部门预算公开表格\n" in text  # the _Toc anchor marks it
    assert [n.heading for n in doc.narrative] == ["", "一、部门预算公开表格"]


# --- bad input -------------------------------------------------------------------------------


def test_html_reader__page_without_tables_names_its_attachments():
    with pytest.raises(IngestError) as error:
        parse_disclosure(attachment_page(), path="notice.html")
    message = error.value.message
    assert "网页（HTML）中没有找到数据表格" in message
    assert "部门预算公开表.xlsx、项目支出.pdf" in message  # the link's name, URL-decoded
    assert error.value.path == "notice.html"


def test_html_reader__page_of_pictures_says_so():
    with pytest.raises(IngestError, match="有 2 张图片，表格可能是图片"):
        parse_disclosure(image_page(), path="pictures.html")


def test_html_reader__page_over_the_size_limit():
    data = county_page()
    with pytest.raises(IngestError, match="超过上限"):
        parse_disclosure(data, path="big.html", max_unpacked_bytes=len(data) - 1)
    assert parse_disclosure(data, path="big.html", max_unpacked_bytes=len(data)).projects


def test_html_reader__bytes_in_no_encoding():
    data = b"<html><body><table><tr><td>" + bytes([0x80, 0xFF]) * 200 + b"</td></tr></table>"
    with pytest.raises(IngestError, match="无法识别文件编码"):
        parse_disclosure(data, path="binary.html")


def test_html_reader__huge_spans_are_clamped():
    page = (
        "<table><tr><td colspan='100000' rowspan='100000'>单位：万元</td><td>b</td></tr>"
        "<tr><td rowspan='0'>c</td><td colspan='-3'>d</td></tr>"
        "<tr><td>e</td></tr></table>"
    )
    text = html_text(page.encode(), path="spans.html")
    # rowspan stops at the table's end; colspan 100000 is 1000 columns, printed once
    assert text == "\t单位：万元\n\tb\n\n\t\n\tc\n\td\n\n\t\n\t\n\te\n\n"


def test_html_reader__table_too_large_to_place(monkeypatch):
    page = "<table>" + "<tr><td>1</td><td>2</td></tr>" * 20 + "</table>"
    assert html_text(page.encode(), path="t.html").count("\t1\n") == 20
    monkeypatch.setattr(html_reader, "MAX_TABLE_POSITIONS", 39)
    with pytest.raises(IngestError, match="表格过大"):
        html_text(page.encode(), path="t.html")


def test_html_reader__one_column_table_is_page_layout():
    page = """<table><tr><td><p>一、部门职责</p><p>负责机关后勤保障。</p></td></tr>
    <tr><td><table><tr><td>项目</td><td>合计</td></tr><tr><td>小计</td><td>1.00</td></tr>
    </table></td></tr></table>"""
    text = html_text(page.encode(), path="layout.html")
    assert text == "一、部门职责\n负责机关后勤保障。\n\t项目\n\t合计\n\n\t小计\n\t1.00\n\n"
