"""The XLSX templates a unit fills (136号 monitoring table, 10号 自评表) and reading them
back: layout, protection and validations of the written file; values entered by a
unit read back exactly; every bad entry a clear error naming its sheet and cell."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from actuals_fill import Percent, fill
from openpyxl import Workbook, load_workbook
from review_build import STANDARD_ROWS, disclosure, indicators, project

from jixiao.ingest import read_disclosure
from jixiao.ingest.actuals_layout import META_SHEET, parse_meta_rows
from jixiao.ingest.actuals_xlsx import (
    ActualsFileError,
    check_against_disclosure,
    read_actuals_workbook,
)
from jixiao.model import TargetKind
from jixiao.model.actuals import (
    Achievement,
    ActualsKind,
    DeviationCause,
    FundingSource,
    Likelihood,
)
from jixiao.publish.actuals_template import write_template

MON, SELF = ActualsKind.MONITORING, ActualsKind.SELF_EVALUATION


def small_disclosure(**changes):
    """Unit 999001 (示范县机关事务服务中心), 2025, two projects in 万元: project 1 with the
    six STANDARD_ROWS indicators (产出 数量 ≥10台 / 质量 ≥95% / 时效 2025年6月底前 /
    成本 ≤10万元, 效益 明显改善, 满意度 ≥90%) and budget 10.00; project 2 with one
    indicator and budget 5.00 of which 财政拨款 4.00 and 其他 1.00."""
    return disclosure(
        projects=[
            project(1, "办公设备购置项目"),
            project(
                2,
                "档案数字化项目",
                indicators_=indicators(("产出指标", "数量指标", "档案数字化卷数", "≥2000卷")),
                budget_total="5.00",
                budget_fiscal="4.00",
                budget_other="1.00",
            ),
        ],
        **changes,
    )


@pytest.fixture
def monitoring_template(tmp_path: Path) -> Path:
    return write_template(small_disclosure(), MON, tmp_path / "monitor.xlsx", period_month=7)


@pytest.fixture
def self_template(tmp_path: Path) -> Path:
    return write_template(small_disclosure(), SELF, tmp_path / "self.xlsx", period_month=12)


def cells_of(result) -> list[tuple[str, str | None]]:
    return [(error.sheet, error.cell) for error in result.errors]


# --- the written template ------------------------------------------------------------


def test_template__monitoring_layout(monitoring_template: Path) -> None:
    """The 136号 table of project 1 at period 7: title, header block, the money block
    (年初预算数 10 pre-filled and locked from the disclosure; 全年预算数 an entry cell),
    the indicator header on row 14 and the six indicators from row 15, 一级 产出 merged
    over its four rows A15:A18."""
    workbook = load_workbook(monitoring_template)
    assert workbook.sheetnames == ["填报说明", "项目01", "项目02", META_SHEET]
    ws = workbook["项目01"]
    assert ws["A1"].value == "2025年度项目支出绩效运行监控表（1—7月）"
    assert (ws["A3"].value, ws["B3"].value) == ("项目名称", "办公设备购置项目")
    assert (ws["A4"].value, ws["B4"].value) == ("主管部门", "示范县机关事务服务中心")
    assert ws["I2"].value == "单位：万元"
    assert [ws.cell(6, c).value for c in range(1, 9)] == [
        "预算执行情况", "资金来源", None, "年初预算数", "全年预算数", "1—7月执行数", "执行率",
        "全年预计执行数",
    ]  # fmt: skip
    assert [ws[f"B{r}"].value for r in range(7, 12)] == [
        "年度资金总额", "财政拨款", "上年结转", "其他资金", "预算执行偏差原因",
    ]  # fmt: skip
    assert ws["D7"].value == 10
    assert [ws.cell(14, c).value for c in range(1, 12)] == [
        "一级指标", "二级指标", "三级指标", "年度指标值", "1—7月完成情况", "全年预计完成情况",
        "完成目标可能性", "偏差原因类型", "偏差原因说明", "改进措施", "备注",
    ]  # fmt: skip
    assert [ws[f"C{r}"].value for r in range(15, 21)] == [row[2] for row in STANDARD_ROWS]
    assert [ws[f"D{r}"].value for r in range(15, 21)] == [row[3] for row in STANDARD_ROWS]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:K1", "B3:K3", "A6:A11", "D11:K11", "A15:A18", "G13:K13"} <= merged
    assert ws.freeze_panes == "A15"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_template__protection_and_entry_cells(monitoring_template: Path) -> None:
    """Sheets are protected without a password; pre-filled cells (title, 三级指标,
    年度指标值, the pre-filled 年初预算数 D7) are locked, entry cells (E7 全年预算数,
    the blank 上年结转 年初预算数 D9, E15 完成情况, G13 实际完成情况) unlocked and
    light yellow; the metadata sheet is very hidden and the structure locked."""
    workbook = load_workbook(monitoring_template)
    ws = workbook["项目01"]
    assert ws.protection.sheet and not ws.protection.password
    for ref in ("A1", "C15", "D15", "D7", "B3"):
        assert ws[ref].protection.locked, ref
    for ref in ("E7", "D9", "F7", "H7", "E15", "K20", "G13", "D11"):
        assert not ws[ref].protection.locked, ref
        assert ws[ref].fill.fgColor.rgb.endswith("FFF2CC"), ref
    assert workbook[META_SHEET].sheet_state == "veryHidden"
    assert workbook.security.lockStructure
    assert not workbook["填报说明"]["B7"].protection.locked  # 填报人


def test_template__validations(monitoring_template: Path, self_template: Path) -> None:
    """Lists for 完成目标可能性 (stop), 偏差原因类型 (warning: several kinds may be
    joined with 、) and 达成程度 (stop, only on qualitative rows: 效益 明显改善 is row 19);
    decimal ≥ 0 on the money entry cells."""
    ws = load_workbook(monitoring_template)["项目01"]
    rules = {dv.formula1: dv for dv in ws.data_validations.dataValidation}
    likelihood = rules['"确定能,有可能,完全不可能"']
    assert likelihood.errorStyle in (None, "stop")
    assert "G15" in likelihood.sqref and "G20" in likelihood.sqref
    causes = rules['"经费保障,制度保障,人员保障,硬件保障,其他"']
    assert causes.errorStyle == "warning" and "H15" in causes.sqref
    money = rules["0"]
    assert (money.type, money.operator) == ("decimal", "greaterThanOrEqual")
    assert {"D9", "E7", "F7", "H7"} <= {str(c) for c in money.sqref.ranges}
    assert "D7" not in money.sqref  # pre-filled from the disclosure
    ws = load_workbook(self_template)["项目01"]
    rules = {dv.formula1: dv for dv in ws.data_validations.dataValidation}
    assert {str(c) for c in rules['"达成,部分达成,未达成"'].sqref.ranges} == {"F19"}
    assert ws["F15"].value == "—"


def test_template__self_evaluation_points(self_template: Path) -> None:
    """自评表 of project 1: 预算执行率 分值 10 (G7); 产出 50 over four indicators = 12.5
    each; 效益 30 and 满意度 10 to their single indicators; 总分 row 21 says 100."""
    ws = load_workbook(self_template)["项目01"]
    assert ws["A1"].value == "2025年度项目支出绩效自评表"
    assert [ws.cell(14, c).value for c in range(1, 12)] == [
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "达成程度", "分值",
        "得分", "偏差原因类型", "偏差原因分析", "改进措施",
    ]  # fmt: skip
    assert ws["G7"].value == 10
    assert [ws[f"G{r}"].value for r in range(15, 21)] == [12.5, 12.5, 12.5, 12.5, 30, 10]
    assert (ws["A21"].value, ws["G21"].value) == ("总分", 100)
    assert [ws[f"G{r}"].value for r in (8, 9, 10)] == ["—", "—", "—"]
    assert ws["B13"].value == "1.完成办公设备采购，保障机关正常运转。"


def test_template__metadata(monitoring_template: Path) -> None:
    """``_jixiao`` records the unit, year, period and kind, the disclosure's sha256 and
    per sheet the project, its indicator rows and a fingerprint of the pre-filled cells."""
    rows = load_workbook(monitoring_template)[META_SHEET].iter_rows(values_only=True)
    meta = parse_meta_rows(rows)
    assert (meta.unit_code, meta.fiscal_year, meta.period_month, meta.kind) == (
        "999001", 2025, 7, MON,
    )  # fmt: skip
    assert meta.disclosure_sha256 == "0" * 64
    assert [(s.sheet, s.project_seq, len(s.indicator_rows)) for s in meta.sheets] == [
        ("项目01", 1, 6),
        ("项目02", 2, 1),
    ]
    assert meta.sheets[0].indicator_rows[0] == (15, 1)
    assert meta.sheets[0].cells["D15"] == "≥10台"
    assert len(meta.sheets[0].fingerprint) == 64


def test_template__period_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="1—12 月"):
        write_template(small_disclosure(), MON, tmp_path / "x.xlsx", period_month=13)
    with pytest.raises(ValueError, match="全年"):
        write_template(small_disclosure(), SELF, tmp_path / "x.xlsx", period_month=7)


@pytest.mark.seeds
def test_template__seed_001(seed_path, tmp_path: Path) -> None:
    """Seed 001 (平乡县机关后勤服务中心, 2023, 18 projects in 万元): one sheet per project;
    project 2's 自评表 shares 产出 50 over 7 indicators as 7.15, 7.15 and five 7.14
    (50.00 = 7 × 7.14 + 0.02, the two cents to the first two), 效益 30 as 10 × 3 and
    满意度 10 as 5 × 2; read back unfilled, nothing is wrong and it matches the seed."""
    seed = read_disclosure(seed_path("001"))
    path = write_template(seed, SELF, tmp_path / "seed.xlsx", period_month=12)
    workbook = load_workbook(path)
    assert workbook.sheetnames[1:-1] == [f"项目{n:02d}" for n in range(1, 19)]
    ws = workbook["项目02"]
    assert ws["B3"].value == "第三行政办公区中央空调维保费及电梯维保费项目（运转项目）"
    points = [ws[f"G{r}"].value for r in range(15, 27)]
    assert points == [7.15, 7.15, 7.14, 7.14, 7.14, 7.14, 7.14, 10, 10, 10, 5, 5]
    assert ws["G27"].value == 100
    result = read_actuals_workbook(path)
    assert result.errors == ()
    report = result.report
    assert (report.unit_code, report.fiscal_year, report.period_month) == ("430", 2023, 12)
    assert report.disclosure_sha256 == seed.source.sha256
    assert [len(p.indicators) for p in report.projects] == [
        len(p.indicators) for p in seed.projects
    ]
    assert check_against_disclosure(report, seed) == ()


# --- reading a filled template back ---------------------------------------------------


def test_read__monitoring_values(monitoring_template: Path, tmp_path: Path) -> None:
    """Numbers, numbers typed as text, a percentage, a date and the enumerations come
    back as entered: 全年预算数 12, 1—7月执行数 "6.50" (text), 全年预计 11.5, 上年结转
    年初预算数 "2万元" (text with the sheet's unit) = 2, project 2's 全年预算数 "1,234.50"
    (text with a thousands separator) = 1234.50; indicator 1 actual "6台",
    projected "10台", 有可能, causes 经费保障、人员保障; indicator 2 actual 0.96 shown as
    96% → 96 %; indicator 3 a date → deadline 2025-06-20."""
    path = fill(
        monitoring_template,
        tmp_path / "filled.xlsx",
        {
            "项目01": {
                "E7": 12, "F7": "6.50", "H7": 11.5, "D9": "2万元",
                "D11": "采购合同7月才签订", "G13": "已完成招标",
                "E15": "6台", "F15": "10台", "G15": "有可能", "H15": "经费保障、人员保障",
                "I15": "资金下达较晚", "J15": "加快验收", "K15": "无",
                "E16": Percent(0.96), "G16": "确定能",
                "E17": dt.datetime(2025, 6, 20),
            },
            "项目02": {"E7": "1,234.50"},
            "填报说明": {"B7": "张三", "B8": "0319-1234567", "B9": dt.datetime(2025, 8, 5)},
        },
    )  # fmt: skip
    result = read_actuals_workbook(path)
    assert result.errors == ()
    report = result.report
    assert (report.unit_code, report.kind, report.period_month) == ("999001", MON, 7)
    assert report.entered_by == "张三（0319-1234567）"
    assert report.entered_at == dt.datetime(2025, 8, 5)
    assert report.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    first = report.project(1)
    assert (first.execution_note, first.goal_achieved) == ("采购合同7月才签订", "已完成招标")
    total = first.funding_for(FundingSource.TOTAL)
    assert total.budget_initial.value == Decimal("10")
    assert (total.budget_adjusted.value, total.spent.value, total.projected.value) == (
        Decimal("12"), Decimal("6.50"), Decimal("11.5"),
    )  # fmt: skip
    assert total.spent.raw == "6.50" and total.spent.unit.label == "万元"
    carried = first.funding_for(FundingSource.CARRIED_OVER)
    assert (carried.budget_initial.raw, carried.budget_initial.value) == ("2万元", Decimal("2"))
    assert first.funding_for(FundingSource.FISCAL) is None  # nothing entered nor pre-filled
    one, two, three = first.indicators[:3]
    assert (one.indicator_index, one.level3) == (1, "办公设备采购数量")
    assert (one.actual.value, one.actual.unit, one.projected.value) == (
        Decimal("6"), "台", Decimal("10"),
    )  # fmt: skip
    assert one.likelihood is Likelihood.POSSIBLE
    assert one.deviation_causes == (DeviationCause.FUNDING, DeviationCause.STAFFING)
    assert (one.deviation_note, one.improvement, one.remark) == ("资金下达较晚", "加快验收", "无")
    assert (one.location.table, one.location.row, one.location.column) == (
        "项目01", 15, "1—7月完成情况",
    )  # fmt: skip
    assert (two.actual.raw, two.actual.value, two.actual.unit) == ("96%", Decimal("96"), "%")
    assert two.likelihood is Likelihood.CERTAIN
    assert three.actual.kind is TargetKind.DEADLINE
    assert three.actual.deadline == dt.date(2025, 6, 20)
    assert first.indicators[5].actual is None
    second = report.project(2).funding_for(FundingSource.TOTAL)
    assert (second.budget_adjusted.raw, second.budget_adjusted.value) == (
        "1,234.50", Decimal("1234.50"),
    )  # fmt: skip
    assert check_against_disclosure(report, small_disclosure()) == ()


def test_read__self_evaluation_values(self_template: Path, tmp_path: Path) -> None:
    """自评表: 全年执行数 9.5, 实际完成值, 达成程度 部分达成 on the qualitative row 19,
    the unit's own 得分 12 (within 分值 12.5), causes and 分析; the 分值 stay jixiao's
    (weight None) and 达成程度 "—" of a quantitative row reads as blank."""
    path = fill(
        self_template,
        tmp_path / "filled.xlsx",
        {
            "项目01": {
                "F7": 9.5, "E15": "9台", "H15": 12, "I15": "其他", "J15": "供货延迟",
                "K15": "提前采购", "E19": "有所改善", "F19": "部分达成",
            },
        },
    )  # fmt: skip
    result = read_actuals_workbook(path)
    assert result.errors == ()
    first = result.report.project(1)
    assert first.funding_for(FundingSource.TOTAL).spent.value == Decimal("9.5")
    one = first.indicator(1)
    assert (one.actual.value, one.claimed_score, one.weight) == (Decimal("9"), Decimal("12"), None)
    assert one.achievement is None
    assert one.deviation_causes == (DeviationCause.OTHER,)
    assert (one.deviation_note, one.improvement) == ("供货延迟", "提前采购")
    assert one.location.column == "实际完成值"
    five = first.indicator(5)
    assert (five.actual.raw, five.achievement) == ("有所改善", Achievement.PARTLY)
    assert result.report.period_month == 12


def test_read__formula_without_cached_value_is_blank(
    monitoring_template: Path, tmp_path: Path
) -> None:
    """A formula written by a program (never calculated, so no cached value) reads as
    blank — never as its text: E7 "=5+7" gives no 全年预算数 and no error."""
    path = fill(monitoring_template, tmp_path / "f.xlsx", {"项目01": {"E7": "=5+7", "E15": "=1"}})
    result = read_actuals_workbook(path)
    assert result.errors == ()
    total = result.report.project(1).funding_for(FundingSource.TOTAL)
    assert total.budget_adjusted is None
    assert result.report.project(1).indicator(1).actual is None


def test_read__xlsx_named_txt_read_by_content(monitoring_template: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "actuals.txt"
    renamed.write_bytes(monitoring_template.read_bytes())
    result = read_actuals_workbook(renamed)
    assert result.errors == () and result.report.unit_code == "999001"


# --- bad entries: cell errors -----------------------------------------------------------


def test_read__bad_cells_all_reported(monitoring_template: Path, tmp_path: Path) -> None:
    """Every bad cell is reported, in sheet order, and the value left blank: text in
    the money cell F7, a negative E7, 完成目标可能性 "大概能" (G15), an unknown cause
    "经费不足" beside a good one (H16: 人员保障 kept), a bad 填报日期."""
    path = fill(
        monitoring_template,
        tmp_path / "bad.xlsx",
        {
            "项目01": {"E7": -3, "F7": "七万元", "G15": "大概能", "H16": "人员保障、经费不足"},
            "填报说明": {"B9": "八月初"},
        },
    )
    result = read_actuals_workbook(path)
    assert cells_of(result) == [
        ("项目01", "E7"), ("项目01", "F7"), ("项目01", "G15"), ("项目01", "H16"),
        ("填报说明", "B9"),
    ]  # fmt: skip
    messages = [str(error) for error in result.errors]
    assert messages[0] == "项目01!E7：金额不能为负数：-3。"
    assert messages[1] == "项目01!F7：应填数字（金额（万元）），「七万元」不是数字。"
    assert "完成目标可能性只能填 确定能、有可能、完全不可能" in messages[2]
    assert "「经费不足」不在可选范围内" in messages[3]
    assert result.errors[1].value == "七万元"
    first = result.report.project(1)
    total = first.funding_for(FundingSource.TOTAL)
    assert (total.budget_adjusted, total.spent) == (None, None)
    assert first.indicator(1).likelihood is None
    assert first.indicator(2).deviation_causes == (DeviationCause.STAFFING,)


def test_read__self_evaluation_bad_cells(self_template: Path, tmp_path: Path) -> None:
    """达成程度 "基本达成" is not a band; a 得分 of 13 is over the 分值 12.5; text "满分"
    in the 得分 cell is not a number."""
    path = fill(
        self_template,
        tmp_path / "bad.xlsx",
        {"项目01": {"F19": "基本达成", "H15": 13, "H16": "满分"}},
    )
    result = read_actuals_workbook(path)
    assert cells_of(result) == [("项目01", "H15"), ("项目01", "H16"), ("项目01", "F19")]
    assert "应为 0 到分值 12.5" in result.errors[0].message
    assert "「满分」不是数字" in result.errors[1].message
    assert "达成程度只能填 达成、部分达成、未达成" in result.errors[2].message


def test_read__tampered_prefilled_cells(monitoring_template: Path, tmp_path: Path) -> None:
    """A changed target (D15 ≥10台 → ≥5台) and a changed title are found through the
    sheet's fingerprint and named cell by cell with the old and new text."""
    path = fill(
        monitoring_template,
        tmp_path / "tampered.xlsx",
        {"项目01": {"D15": "≥5台", "A1": "监控表"}},
    )
    result = read_actuals_workbook(path)
    assert cells_of(result) == [("项目01", "A1"), ("项目01", "D15")]
    assert "原为「≥10台」，现为「≥5台」" in str(result.errors[1])


def test_read__sheet_duplicated_missing_added(monitoring_template: Path, tmp_path: Path) -> None:
    """A copy of 项目01 (the same project filled twice), a deleted 项目02 and an added
    sheet are each an error on that sheet."""

    def edit(workbook) -> None:
        workbook.copy_worksheet(workbook["项目01"])
        del workbook["项目02"]
        workbook.create_sheet("备注")

    path = fill(monitoring_template, tmp_path / "twice.xlsx", {}, edit=edit)
    result = read_actuals_workbook(path)
    assert cells_of(result) == [("项目02", None), ("项目01 Copy", None), ("备注", None)]
    assert "缺少项目 2「档案数字化项目」" in result.errors[0].message
    assert "与工作表 项目01 是同一项目" in result.errors[1].message
    assert "同一项目只能填报一次" in result.errors[1].message
    assert "多出的工作表" in result.errors[2].message
    assert [p.project_seq for p in result.report.projects] == [1]


def test_check__another_unit_or_year(monitoring_template: Path) -> None:
    """The template of unit 999001 for 2025 against the 2024 disclosure, then against
    unit 888001: one error saying whose the template is."""
    report = read_actuals_workbook(monitoring_template).report
    (error,) = check_against_disclosure(report, small_disclosure(fiscal_year=2024))
    assert error.message == (
        "模板属于 单位999001（示范县机关事务服务中心）2025年度，"
        "而数据库中的是 单位999001（示范县机关事务服务中心）2024年度。"
    )
    other = dataclasses.replace(small_disclosure(), unit_code="888001")
    (error,) = check_against_disclosure(report, other)
    assert "而数据库中的是 单位888001" in str(error)


def test_check__project_and_indicator_mismatch(monitoring_template: Path) -> None:
    """Against a disclosure whose project 2 was renamed and whose project 1 lost its
    last indicator and renamed its first: errors at B3 of 项目02, C15 and C20 of 项目01."""
    report = read_actuals_workbook(monitoring_template).report
    base = small_disclosure()
    first, second = base.projects
    changed = dataclasses.replace(
        base,
        projects=(
            dataclasses.replace(
                first,
                indicators=(
                    dataclasses.replace(first.indicators[0], level3="电脑采购数量"),
                    *first.indicators[1:5],
                ),
            ),
            dataclasses.replace(second, project_name="档案管理项目"),
        ),
    )
    errors = check_against_disclosure(report, changed)
    assert [(e.sheet, e.cell) for e in errors] == [
        ("项目01", "C15"), ("项目01", "C20"), ("项目02", "B3"),
    ]  # fmt: skip
    assert errors[0].message == "第 1 个指标「办公设备采购数量」在公开文件中是「电脑采购数量」。"
    assert errors[1].message == "第 6 个指标「干部职工满意度」在公开文件中不存在。"
    assert "与公开文件中第 2 个项目「档案管理项目」不符" in errors[2].message


# --- bad files ------------------------------------------------------------------------------


def test_file__text_named_xlsx_refused(tmp_path: Path) -> None:
    path = tmp_path / "actuals.xlsx"
    path.write_text("项目名称,执行数\n办公设备,6.5\n", encoding="utf-8")
    with pytest.raises(ActualsFileError, match="不是 Excel 工作簿") as caught:
        read_actuals_workbook(path)
    assert str(path) in str(caught.value)


def test_file__corrupt_zip(monitoring_template: Path, tmp_path: Path) -> None:
    """A zip cut in half (the central directory lost) is a corrupt file."""
    data = monitoring_template.read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ActualsFileError, match="文件已损坏"):
        read_actuals_workbook(path)


def test_file__zip_bomb(tmp_path: Path) -> None:
    """A ~10 KB file whose one entry inflates to 5 MB of zeros is refused before
    openpyxl opens it when the limit is 1 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 5_000_000)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 20_000
    with pytest.raises(ActualsFileError, match="疑为压缩炸弹"):
        read_actuals_workbook(path, max_inflated_bytes=1_000_000)


def test_file__other_workbooks(tmp_path: Path) -> None:
    """A workbook jixiao did not make, an old .xls (OLE) file and a Word document
    (a zip without a workbook) are each refused with their own reason."""
    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    with pytest.raises(ActualsFileError, match="不是 jixiao 生成的填报模板"):
        read_actuals_workbook(plain)
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(ActualsFileError, match="旧版 Excel"):
        read_actuals_workbook(old)
    word = tmp_path / "word.xlsx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    with pytest.raises(ActualsFileError, match="压缩包中没有工作簿内容"):
        read_actuals_workbook(word)


def test_file__unknown_format_version(monitoring_template: Path, tmp_path: Path) -> None:
    def edit(workbook) -> None:
        ws = workbook[META_SHEET]
        assert (ws["A1"].value, ws["B1"].value) == ("meta", "format_version")
        ws["C1"] = "99"

    path = fill(monitoring_template, tmp_path / "v99.xlsx", {}, edit=edit)
    with pytest.raises(ActualsFileError, match="模板格式版本「99」"):
        read_actuals_workbook(path)
