"""Short rows of converted documents: merged cells put back where they were printed
(jixiao.ingest.row_spans), and the tables built from them (tables.build_table with
rows_whole). The rows are the shapes of Jiangsu's 收支预算总表 and 收入预算总表."""

from __future__ import annotations

from decimal import Decimal

from jixiao.ingest.row_spans import column_kinds, place_cells, spread
from jixiao.ingest.tables import SourceRow, build_table
from jixiao.model import Location, Side

FULL = [
    ("一、财政拨款", "100.00", "一、一般公共服务支出", "", "一、基本支出", "60.00"),
    ("", "", "四、公共安全支出", "100.00", "二、项目支出", "40.00"),
]
HALVES = [True, True, False, False, False, False]  # 收入 | 支出 (two groups)


def test_column_kinds__numbers_labels_and_blank_columns():
    rows = [("合计", "1.00", ""), ("一", "2.00", ""), ("short",)]
    assert column_kinds(rows, 3) == ["text", "number", None]


def test_place_cells__merged_label_spans_to_its_amount():
    kinds = column_kinds(FULL, 6)
    cells = ("当年收入小计", "100.00", "当年支出小计", "100.00")
    starts = place_cells(cells, 6, kinds, HALVES)
    assert starts == [0, 1, 2, 5]  # 当年支出小计 over columns 2–4
    assert spread(cells, starts, 6) == (
        ("当年收入小计", "100.00", "当年支出小计", "", "", "100.00"),
        frozenset({3, 4}),
    )


def test_place_cells__no_span_across_income_and_expenditure():
    kinds = column_kinds(FULL, 6)
    # without halves the blank cells could sit anywhere; with them the income
    # label stays in the income half
    starts = place_cells(("上年结转资金", "", "结转下年资金", ""), 6, kinds, HALVES)
    assert starts == [0, 1, 2, 5]


def test_place_cells__header_labels_by_their_kind():
    kinds = column_kinds([("一般公共预算资金", "小计", "1.00"), ("", "公共财政拨款", "1.00")], 3)
    starts = place_cells(("项目名称", "金额"), 3, kinds, cell_kinds=["text", "number"])
    assert starts == [0, 2]
    assert spread(("项目名称", "金额"), starts, 3, repeat=True)[0] == (
        "项目名称",
        "项目名称",
        "金额",
    )


def test_place_cells__refuses_rows_it_cannot_place():
    assert place_cells(("a", "b", "c"), 2, ["text", "text"]) is None
    assert place_cells((), 3, ["text"] * 3) is None
    # every placement would carry the income label into the expenditure half
    assert place_cells(("合计",), 6, column_kinds(FULL, 6), HALVES) is None


def _rows(*cells: tuple[str, ...]) -> list[SourceRow]:
    return [SourceRow(tuple(c), line) for line, c in enumerate(cells, start=1)]


def test_build_table__three_groups_and_merged_total_rows():
    table = build_table(
        title="收支预算总表",
        rows=_rows(
            ("收入", "支出"),
            ("项目名称", "金额", "功能分类", "支出用途"),
            ("", "", "功能科目名称", "金额", "项目名称", "金额"),
            *FULL,
            ("收入合计", "100.00", "支出合计", "100.00"),
        ),
        location=Location(file="t.pdf"),
        rows_whole=True,
    )
    assert [c.key for c in table.columns] == [
        "收入/项目名称",
        "收入/金额",
        "支出/功能分类/功能科目名称",
        "支出/功能分类/金额",
        "支出/支出用途/项目名称",
        "支出/支出用途/金额",
    ]
    last = [r for r in table.rows if r.location.row == 3]
    assert [(r.side, r.name) for r in last] == [
        (Side.INCOME, "收入合计"),
        (Side.EXPENDITURE_BY_USE, "支出合计"),
    ]
    assert last[1].value("支出/支出用途/金额") == Decimal("100.00")


def test_build_table__header_label_over_two_name_columns():
    table = build_table(
        title="收入预算总表",
        rows=_rows(
            ("项目名称", "金额"),
            ("收入总计", "1.00"),
            ("一般公共预算资金", "小计", "1.00"),
            ("", "公共财政拨款（补助）资金", "1.00"),
        ),
        location=Location(file="t.pdf"),
        rows_whole=True,
    )
    assert [c.key for c in table.columns] == ["项目名称", "项目名称#", "金额"]
    assert [r.name for r in table.rows] == ["收入总计", "小计", "公共财政拨款（补助）资金"]
    # the parent printed to the left of 小计 is kept, as text
    assert table.rows[1].raw("项目名称") == "一般公共预算资金"
    assert [r.value("金额") for r in table.rows] == [Decimal("1.00")] * 3
