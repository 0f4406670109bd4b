"""Hand-made .xlsx files that look like what units really produce, built with openpyxl
directly (merged ranges, borders, number formats as a person sets them in Excel),
not with jixiao's writer — so they test the reader against workbooks it did not make.

Each builder writes one file and returns its path; the tests assert what each
reads as. Run as a script to write them all into a folder and open them in Excel::

    .venv/bin/python tests/xlsx_fixtures.py /tmp/fixtures

What they hold, and why:

- ``unit_workbook``: a county unit's workbook, one sheet per part —
  收入总表 in 万元 with a merged title row above the table, a caption row without
  borders (unit line, 预算年度, 单位：万元), a two-level header (序号, 合计 and
  上年结转 merged down; 功能分类科目 and 本年收入 merged across), a 栏次 row, an
  extra blank column at the right edge, amounts as numbers in ``#,##0.00`` on one
  row and as text (``1,200.50``) on the next, codes typed as numbers (20103), a
  formula (``=E8+H8``) with the value Excel saved, a note under the table;
  a sheet holding two tables: the 三公 table in 元 (its ``单位：元`` alone on a line
  above the header) and 部门机构设置情况 below it after a blank row; the goals
  section as lines of text, some bold; a 项目支出绩效目标表 whose 一级 cell
  产出指标 is merged down over 5 rows (and 数量指标 over 2), 10月底 merged across
  two columns, the plan as percentages (0.25 in ``0%``), a target typed as the
  number 1 in ``0%``, goals in one cell with a line break; and a ``veryHidden``
  sheet with a lookup list (helper data, never shown: not read).
- ``split_project``: the project table broken after its third indicator row,
  continued after two blank rows or on the next sheet (a table in two parts).
- ``uncalculated_formula``: a budget table whose 合计 is a formula saved without a
  value (what a program writing formulas produces).
- ``poem_workbook``: text only, no table; ``phone_list``: a table, but no
  disclosure; ``zip_bomb``: an .xlsx whose extra entry inflates past 200 MB.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

UNIT_LINE = "430001某某县机关事务服务中心"
_THIN = Side(style="thin")
_BOX = Border(_THIN, _THIN, _THIN, _THIN)


def _box(ws, cells: str) -> None:
    """Thin borders on every cell of the range ``cells`` (``A3:I8``)."""
    for row in ws[cells]:
        for cell in row:
            cell.border = _BOX


def _put(ws, ref: str, value, *, merge: str | None = None, number_format: str | None = None):
    """Write ``value`` at ``ref``, merged to ``merge`` (``"C3"`` → ``ref:C3``)."""
    cell = ws[ref]
    cell.value = value
    if number_format:
        cell.number_format = number_format
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    if merge:
        ws.merge_cells(f"{ref}:{merge}")
    return cell


def _title(ws, ref: str, text: str, merge: str) -> None:
    cell = _put(ws, ref, text, merge=merge)
    cell.font = Font(bold=True, size=14)
    cell.alignment = Alignment(horizontal="center")


def _income_sheet(wb: Workbook) -> None:
    ws = wb.active
    ws.title = "收入总表"
    _title(ws, "A1", "部门预算收入总表", "I1")
    _put(ws, "A2", UNIT_LINE, merge="D2")
    _put(ws, "F2", "预算年度：2024")
    _put(ws, "H2", "单位：万元")
    _put(ws, "A3", "序号", merge="A4")
    _put(ws, "B3", "功能分类科目", merge="C3")
    _put(ws, "D3", "合计", merge="D4")
    _put(ws, "E3", "本年收入", merge="G3")
    _put(ws, "H3", "上年结转", merge="H4")
    for ref, label in zip(
        ("B4", "C4", "E4", "F4", "G4"),
        ("科目编码", "科目名称", "小计", "财政拨款收入", "事业收入"),
        strict=True,
    ):
        _put(ws, ref, label)
    for column, label in zip("ABCDEFGH", ["栏次", "1", "2", "3", "4", "5", "6", "7"], strict=True):
        _put(ws, f"{column}5", label)
    money = "#,##0.00"
    # row 6: numbers as numbers; row 7: the same numbers stored as text; row 8: a
    # formula whose value Excel saved (added by _set_cached_values)
    for column, value in zip(
        "ABCDEFG", [1, "201", "一般公共服务支出", 1200.5, 1200.5, 1000.5, 200], strict=True
    ):
        _put(ws, f"{column}6", value, number_format=money if isinstance(value, float) else None)
    ws["G6"].number_format = money
    for column, value in zip(
        "ABCDEFG",
        [2, 20103, "政府办公厅（室）及相关机构事务", "1,200.50", "1,200.50", "1,000.50", "200.00"],
        strict=True,
    ):
        _put(ws, f"{column}7", value)
    _put(ws, "A8", 3)
    _put(ws, "B8", 2010350)
    _put(ws, "C8", "事业运行")
    _put(ws, "D8", "=E8+H8", number_format=money)
    _put(ws, "E8", 800, number_format=money)
    _put(ws, "F8", 800, number_format=money)
    _box(ws, "A3:I8")  # column I: an extra blank column left in by hand
    _put(ws, "A9", "注：本表反映部门本年度收入预算。", merge="I9")
    for column, width in zip("ABCDEFGHI", (6, 10, 28, 12, 12, 14, 12, 12, 4), strict=True):
        ws.column_dimensions[column].width = width


def _two_tables_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet("三公经费及机构")
    _title(ws, "A1", "部门预算财政拨款“三公”经费支出表", "E1")
    _put(ws, "E2", "单位：元").alignment = Alignment(horizontal="right")
    for column, label in zip(
        "ABCDE",
        ["项目", "合计", "因公出国（境）费", "公务用车购置及运维费", "公务接待费"],
        strict=True,
    ):
        _put(ws, f"{column}3", label)
    for column, value in zip("ABCDE", ["“三公”经费", 12000, 0, 8000, 4000], strict=True):
        _put(ws, f"{column}4", value, number_format=None if column == "A" else "0.00")
    _box(ws, "A3:E4")
    _title(ws, "A6", "部门机构设置情况", "D6")
    for column, label in zip(
        "ABCD", ["单位名称", "单位性质", "单位规格", "经费保障形式"], strict=True
    ):
        _put(ws, f"{column}7", label)
    for column, value in zip(
        "ABCD", ["某某县机关事务服务中心本级", "事业", "正科级", "财政拨款"], strict=True
    ):
        _put(ws, f"{column}8", value)
    _box(ws, "A7:D8")


_GOALS = (
    ("第一部分 部门整体绩效目标", True),
    ("一、总体绩效目标", True),
    ("保障机关高效运转，降低行政运行成本。", False),
    ("二、分项绩效目标", False),
    ("1、公务用车保障", False),
    ("绩效目标：保障公务出行。", False),
    ("绩效指标：车辆完好率≥95%。", False),
    ("三、工作保障措施", False),
    ("1、完善制度建设。", False),
    ("2、加强支出管理。", False),
    ("第二部分 预算项目绩效目标", True),
)


def _goals_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet("部门整体绩效目标")
    ws.column_dimensions["A"].width = 80
    for row, (text, bold) in enumerate(_GOALS, start=1):
        _put(ws, f"A{row}", text).font = Font(bold=bold)


_INDICATORS = [
    # 一级, 二级, 三级, 描述, 指标值, 依据 — "" in 一级/二级: merged with the row above
    ("产出指标", "数量指标", "保障公务用车数量", "保障公务用车正常运行的数量", "≥25辆", "计划标准"),
    ("", "", "车辆年检率", "按期年检车辆占比", 1, "行业标准"),  # 1 in 0% reads 100%
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


def _project_head(ws) -> None:
    """Title and the rows above the indicator grid, on a 7-column grid (A–G)."""
    _title(ws, "A1", "1.公务用车运行维护经费绩效目标表", "G1")
    _put(ws, "A2", "430001某某县机关事务服务中心本级", merge="E2")
    _put(ws, "F2", "单位：万元", merge="G2")
    _put(ws, "A3", "项目编码")
    _put(ws, "B3", "13052424P0000021001", merge="C3")
    _put(ws, "D3", "项目名称")
    _put(ws, "E3", "公务用车运行维护经费", merge="G3")
    _put(ws, "A4", "预算规模及资金用途", merge="A5")
    for column, value in zip(
        "BCDEF", ["预算数", 20, "其中：财政资金", 20, "其他资金"], strict=True
    ):
        _put(ws, f"{column}4", value, number_format="0.00" if isinstance(value, int) else None)
    _put(ws, "B5", "用于公务用车的燃油、维修、保险等运行维护支出", merge="G5")
    _put(ws, "A6", "资金支出计划（%）", merge="A7")
    _put(ws, "B6", "3月底")
    _put(ws, "C6", "6月底")
    _put(ws, "D6", "10月底", merge="E6")
    _put(ws, "F6", "12月底", merge="G6")
    _put(ws, "B7", 0.25, number_format="0%")
    _put(ws, "C7", 0.5, number_format="0%")
    _put(ws, "D7", 0.75, number_format="0%", merge="E7")
    _put(ws, "F7", 1, number_format="0%", merge="G7")
    _put(ws, "A8", "绩效目标")
    _put(ws, "B8", "1.保障公务用车安全正常运行。\n2.控制运行维护成本。", merge="G8")
    for column, label in zip(
        "ABCDE", ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"], strict=True
    ):
        _put(ws, f"{column}9", label)
    _put(ws, "F9", "指标值确定依据", merge="G9")
    _box(ws, "A2:G9")


def _indicator_rows(ws, rows, start: int) -> None:
    """Indicator rows from sheet row ``start``; a blank 一级/二级 is merged with the
    name above it (within these rows), as a person merges them in Excel."""
    for offset, row in enumerate(rows):
        number = start + offset
        for column, value in zip("ABCDE", row[:5], strict=True):
            if value != "":
                _put(ws, f"{column}{number}", value, number_format="0%" if value == 1 else None)
        _put(ws, f"F{number}", row[5], merge=f"G{number}")
    for column, index in (("A", 0), ("B", 1)):
        number = 0
        while number < len(rows):
            end = number + 1
            while end < len(rows) and rows[end][index] == "":
                end += 1
            if end - number > 1 and rows[number][index]:
                ws.merge_cells(f"{column}{start + number}:{column}{start + end - 1}")
            number = end
    _box(ws, f"A{start}:G{start + len(rows) - 1}")


def _project_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet("项目1")
    _project_head(ws)
    _indicator_rows(ws, _INDICATORS, 10)
    for column, width in zip("ABCDEFG", (12, 14, 18, 22, 12, 8, 8), strict=True):
        ws.column_dimensions[column].width = width


def _hidden_lookup(wb: Workbook) -> None:
    ws = wb.create_sheet("数据源")
    for row, (name, code) in enumerate([("名称", "代码"), ("事业", "1"), ("行政", "2")], 1):
        _put(ws, f"A{row}", name)
        _put(ws, f"B{row}", code)
    _box(ws, "A1:B3")
    ws.sheet_state = "veryHidden"


def _set_cached_values(path: Path, values: dict[tuple[str, str], str]) -> None:
    """Store the value Excel would have saved with each formula (openpyxl writes
    formulas without one): ``{(worksheet part, cell): value}``."""
    source = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            for (part, ref), value in values.items():
                if info.filename == part:
                    data, count = re.subn(
                        rb'(<c r="' + ref.encode() + rb'"[^>]*>)(<f>.*?</f>)<v\s*(?:/>|></v>)',
                        rb"\1\2<v>" + value.encode() + rb"</v>",
                        data,
                    )
                    assert count == 1, (part, ref)
            target.writestr(info, data)
    source.close()
    path.write_bytes(out.getvalue())


def unit_workbook(path: Path) -> Path:
    """A unit's disclosure as it might arrive from a county (see the module docstring)."""
    wb = Workbook()
    _income_sheet(wb)
    _two_tables_sheet(wb)
    _goals_sheet(wb)
    _project_sheet(wb)
    _hidden_lookup(wb)
    wb.save(path)
    _set_cached_values(path, {("xl/worksheets/sheet1.xml", "D8"): "800"})
    return path


def split_project(path: Path, *, on_next_sheet: bool = False) -> Path:
    """The project table broken after its third indicator row: the rest continues
    after two blank rows, or at the top of the next sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "项目1"
    _project_head(ws)
    _indicator_rows(ws, _INDICATORS[:3], 10)
    if on_next_sheet:
        _indicator_rows(wb.create_sheet("项目1（续）"), _INDICATORS[3:], 1)
    else:
        _indicator_rows(ws, _INDICATORS[3:], 15)
    wb.save(path)
    return path


def uncalculated_formula(path: Path) -> Path:
    """A 三公 table whose 合计 is ``=C3+D3+E3``, saved without a value."""
    wb = Workbook()
    ws = wb.active
    ws.title = "三公"
    _title(ws, "A1", "部门预算财政拨款“三公”经费支出表", "E1")
    for column, label in zip(
        "ABCDE", ["项目", "合计", "因公出国（境）费", "公务用车", "公务接待费"], strict=True
    ):
        _put(ws, f"{column}2", label)
    for column, value in zip("ABCDE", ["“三公”经费", "=C3+D3+E3", 0, 8000, 4000], strict=True):
        _put(ws, f"{column}3", value)
    _box(ws, "A2:E3")
    wb.save(path)
    return path


def poem_workbook(path: Path) -> Path:
    """A valid workbook of text lines, no table."""
    wb = Workbook()
    for row, line in enumerate(("床前明月光，疑是地上霜。", "举头望明月，低头思故乡。") * 5, 1):
        wb.active[f"A{row}"] = line
    wb.save(path)
    return path


def phone_list(path: Path) -> Path:
    """A valid workbook with a bordered table that is not a disclosure."""
    wb = Workbook()
    ws = wb.active
    for row, values in enumerate([("姓名", "电话"), ("张三", "13800000000"), ("李四", "139")], 1):
        _put(ws, f"A{row}", values[0])
        _put(ws, f"B{row}", values[1])
    _box(ws, "A1:B3")
    wb.save(path)
    return path


def zip_bomb(path: Path, inflated_bytes: int = 210 * 1024 * 1024) -> Path:
    """A real .xlsx (``poem_workbook``) plus an entry of zeros inflating to
    ``inflated_bytes``, written in chunks so building it needs little memory."""
    poem_workbook(path)
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/media/image1.bin", "w", force_zip64=True) as entry,
    ):
        written = 0
        while written < inflated_bytes:
            size = min(len(chunk), inflated_bytes - written)
            entry.write(chunk[:size])
            written += size
    return path


BUILDERS = {
    "unit_workbook.xlsx": unit_workbook,
    "split_project.xlsx": split_project,
    "uncalculated_formula.xlsx": uncalculated_formula,
    "poem_workbook.xlsx": poem_workbook,
    "phone_list.xlsx": phone_list,
}


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "xlsx_fixtures")
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        print(build(folder / name))
