"""A unit's own self-evaluation workbook (项目支出绩效自评表) read and re-scored.

The real file is 平昌县公安局's 2023 自评 export (../shared/realworld): 91 forms stacked
in one sheet. The counts and values asserted here are those a person verified by
opening the original with openpyxl (tests/realworld_expected.py, /tmp/h survey), not
jixiao's output. Two projects are re-scored with jixiao's engine and compared with a
hand computation of the 10号 formulas made here from the printed cells, and with the
printed 得分, the difference explained. Small hand-made workbooks cover the 10号 labels
(项目资金/全年预算数/实际完成值/分值/总分/自评等级) and the errors.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from realworld_expected import EXPECTED

from jixiao.evaluate.config import EvaluationConfig, NegativeFormula
from jixiao.evaluate.scoring import evaluate
from jixiao.ingest.errors import IngestError
from jixiao.ingest.self_evaluation_xlsx import (
    SelfEvaluationWorkbook,
    read_self_evaluation_workbook,
)
from jixiao.model import Grade, Level1, MoneyUnit, Operator, TargetKind
from jixiao.model.actuals import Achievement, ActualsKind, FundingSource
from jixiao.model.actuals_codec import actuals_from_dict, actuals_to_dict
from jixiao.model.codec import disclosure_from_dict, disclosure_to_dict

REPO_ROOT = Path(__file__).resolve().parent.parent
REALWORLD_DIR = Path(
    os.environ.get("JIXIAO_REALWORLD_DIR", REPO_ROOT.parent / "shared" / "realworld")
)
FILE = "pingchang-gonganju-2023-self-evaluation.xlsx"
FACTS = EXPECTED[FILE]
CENT = Decimal("0.01")

# The expected indicator columns (realworld_expected) → the fields of PrintedIndicator.
COLUMN_FIELDS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "指标性质": "nature",
    "指标值": "target",
    "度量单位": "unit",
    "完成值": "actual",
    "权重": "weight",
    "得分": "score",
    "未完成原因分析": "reason",
}
FUNDING_FIELDS = {
    "年初预算": "initial",
    "调整后预算数": "adjusted",
    "预算执行数": "spent",
    "预算执行率": "rate",
    "权重": "weight",
    "得分": "score",
}


@pytest.fixture(scope="module")
def pingchang() -> SelfEvaluationWorkbook:
    """The real workbook, read once; skipped when ../shared/realworld is absent."""
    path = REALWORLD_DIR / FILE
    if not path.is_file():
        message = f"real files not found at {REALWORLD_DIR} (../shared/realworld beside the repo)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " — CI=true requires them")
        pytest.skip(message)
    return read_self_evaluation_workbook(path)


def _compact(text: str) -> str:
    return "".join(text.split())


def _seq(workbook: SelfEvaluationWorkbook, name: str, unit: str) -> int:
    (seq,) = [
        p.seq
        for p in workbook.disclosure.projects
        if p.project_name == name and p.unit_name == unit
    ]
    return seq


# --- the real workbook: what a person counted -----------------------------------------------


@pytest.mark.seeds
def test_realworld_self_evaluation__every_form_is_read(pingchang: SelfEvaluationWorkbook) -> None:
    forms = pingchang.forms
    disclosure, report = pingchang.disclosure, pingchang.report
    assert len(forms) == FACTS["evaluation_count"] == 91
    assert {f.sheet for f in forms} == {"自评表"}
    assert [f.title for f in forms] == [FACTS["tables"][0]["title"]] * 91
    assert disclosure.fiscal_year == report.fiscal_year == FACTS["fiscal_year"]
    assert disclosure.money_unit is MoneyUnit.WAN_YUAN  # '年度预算数（万元）'
    # No unit code is printed: the 主管部门 stands in for it, as a note says.
    assert {f.department for f in forms} == {FACTS["department"]}
    assert disclosure.unit_code == disclosure.unit_name == FACTS["department"]
    assert report.unit_code == disclosure.unit_code
    assert report.kind is ActualsKind.SELF_EVALUATION and report.period_month == 12
    by_unit: dict[str, int] = {}
    for project in disclosure.projects:
        by_unit[project.unit_name or ""] = by_unit.get(project.unit_name or "", 0) + 1
    assert by_unit == {name: count for name, (_, count) in FACTS["units"].items()}
    assert [p.seq for p in disclosure.projects] == list(range(1, 92))
    assert [p.project_seq for p in report.projects] == list(range(1, 92))
    # Indicators: 256 in all; 12 forms print a header, one blank row and 合计 only.
    assert disclosure.indicator_count == FACTS["indicator_total"] == 256
    assert sum(len(p.indicators) for p in report.projects) == 256
    without = [p for p in disclosure.projects if not p.indicators]
    assert len(without) == FACTS["projects_without_indicators"] == 12
    notes = [n for n in pingchang.notes if n.rule == "ingest-self-evaluation-no-indicators"]
    assert sorted(n.project_seq for n in notes) == sorted(p.seq for p in without)
    assert all(n.message.startswith("自评表!A") for n in notes)  # sheet!cell
    # Only 平昌县看守所 filled in 完成值 and 得分; the other 73 forms leave them blank.
    pairs = list(zip(disclosure.projects, report.projects, strict=True))
    filled = {p.unit_name for p, a in pairs if any(i.actual for i in a.indicators)}
    scored = {p.unit_name for p, a in pairs if any(i.claimed_score for i in a.indicators)}
    assert filled == scored == {"平昌县看守所"}
    # 评价结论 states '项目自评总分100分' in 85 forms; no form prints a 自评等级.
    totals = [f.conclusion_total for f in forms if f.conclusion_total is not None]
    assert len(totals) == FACTS["conclusions_with_total"] == 85
    assert set(totals) == {Decimal(100)}
    assert {f.grade for f in forms} == {None}
    # Nothing inside a form is left unexplained; 报表编号 and the export's four note
    # lines lie outside every form and are kept.
    assert [f.unplaced for f in forms] == [()] * 91
    assert [c.ref for c in pingchang.outside] == [
        "自评表!A1", "自评表!A1999", "自评表!A2000", "自评表!A2001", "自评表!A2002",
    ]  # fmt: skip
    assert pingchang.outside[0].text == FACTS["cells"]["自评表!A1"]
    assert any("纵向" in n.message for n in pingchang.notes)  # the sheet with no form


@pytest.mark.seeds
def test_realworld_self_evaluation__cells_as_stored(pingchang: SelfEvaluationWorkbook) -> None:
    cells = FACTS["cells"]
    first = pingchang.forms[0]
    assert first.title_row == 2 and first.title == cells["自评表!A2"]
    total = first.funding_row(FundingSource.TOTAL)
    assert total is not None and total.row == 9
    assert total.initial is not None and total.initial.value == cells["自评表!C9"]
    assert total.rate is not None and total.rate.value == cells["自评表!H9"]
    assert first.header("reason") == cells["自评表!K14"]
    assert first.totals_row == 17
    assert first.total_weight == str(cells["自评表!I17"]) and first.total_score == ""
    project = pingchang.disclosure.projects[0]
    assert project.budget_total is not None
    # The money keeps the stored digits (3517.0845), raw as displayed (3,517.08).
    assert project.budget_total.raw == "3,517.08"
    assert project.budget_total.value == Decimal("3517.0845")
    assert project.budget_total.unit is MoneyUnit.WAN_YUAN
    funding = pingchang.report.projects[0].funding_for(FundingSource.TOTAL)
    assert funding is not None and funding.budget_initial is not None
    assert funding.budget_initial.value == Decimal(str(cells["自评表!C9"]))


@pytest.mark.seeds
def test_realworld_self_evaluation__storable(pingchang: SelfEvaluationWorkbook) -> None:
    """Disclosure and report survive the JSON codecs the store uses, unchanged."""
    disclosure, report = pingchang.disclosure, pingchang.report
    assert disclosure_from_dict(disclosure_to_dict(disclosure)) == disclosure
    assert actuals_from_dict(actuals_to_dict(report)) == report


@pytest.mark.seeds
def test_realworld_self_evaluation__unit_sums_match_the_summary_sheet(
    pingchang: SelfEvaluationWorkbook,
) -> None:
    """Sheet 纵向 prints each unit's 年初预算数 and 调整后预算数: the sums of its forms'
    总额 rows, exactly (the stored amounts carry up to six decimals)."""
    initial = adjusted = Decimal(0)
    for actuals, project in zip(
        pingchang.report.projects, pingchang.disclosure.projects, strict=True
    ):
        if project.unit_name != FACTS["unit_name"]:
            continue
        row = actuals.funding_for(FundingSource.TOTAL)
        assert row is not None and row.budget_initial and row.budget_adjusted
        initial += row.budget_initial.value or 0
        adjusted += row.budget_adjusted.value or 0
    assert initial == Decimal(str(FACTS["cells"]["纵向!E4"]))
    assert adjusted == Decimal(str(FACTS["cells"]["纵向!F4"]))


@pytest.mark.seeds
@pytest.mark.parametrize(
    "facts", FACTS["evaluations"], ids=[e["name"] for e in FACTS["evaluations"]]
)
def test_realworld_self_evaluation__forms_as_printed(
    pingchang: SelfEvaluationWorkbook, facts: dict
) -> None:
    (form,) = [f for f in pingchang.forms if f.title_row == facts["title_row"]]
    seq = pingchang.forms.index(form) + 1
    project = pingchang.disclosure.projects[seq - 1]
    actuals = pingchang.report.projects[seq - 1]
    assert form.project is not None
    assert form.project.text == f"{facts['code']}-{facts['name']}"
    assert (project.project_code, project.project_name) == (facts["code"], facts["name"])
    assert (actuals.project_code, actuals.project_name) == (facts["code"], facts["name"])
    assert form.unit_name == project.unit_name == facts["unit"]
    total = form.funding_row(FundingSource.TOTAL)
    assert total is not None
    for label, expected in facts["funding"].items():
        cell = getattr(total, FUNDING_FIELDS[label])
        assert (cell.text if cell else "") == expected, label
    assert len(form.indicators) == len(project.indicators) == facts["indicators"]
    assert [_compact(form.header(f) or "") for f in COLUMN_FIELDS.values()] == [
        _compact(c) for c in FACTS["evaluation_layout"]["indicator_columns"]
    ]
    for index, columns in facts["checks"]:
        printed = form.indicators[index - 1]
        read = tuple(getattr(printed, COLUMN_FIELDS[c]) for c in COLUMN_FIELDS)
        assert read == columns, index
        # The model: target from 指标性质 + 指标值 + 度量单位; actual, 权重, 得分 as printed.
        indicator, actual = project.indicators[index - 1], actuals.indicators[index - 1]
        nature, value, unit = columns[3], columns[4], columns[5]
        if nature == "定性":
            assert indicator.target.raw == value
        else:
            assert indicator.target.raw == nature + value + unit
            assert indicator.target.kind is TargetKind.QUANTITATIVE
            assert indicator.target.value == Decimal(value)
            assert indicator.target.unit == unit
        assert (indicator.level1.raw, indicator.level2.raw, indicator.level3) == columns[:3]
        assert actual.level3 == indicator.level3 and actual.indicator_index == index
        assert (actual.actual.raw if actual.actual else "") == columns[6]
        assert actual.weight == Decimal(columns[7])
        assert actual.claimed_score == (Decimal(columns[8]) if columns[8] else None)
    assert form.total_weight == facts["total_weight"]
    assert form.total_score == facts["total_score"]
    assert form.conclusion_total == Decimal(facts["conclusion_total"])
    assert form.grade == facts["grade"]


@pytest.mark.seeds
def test_realworld_self_evaluation__merged_levels_are_carried(
    pingchang: SelfEvaluationWorkbook,
) -> None:
    """公务交通补贴 (看守所): B1814:B1815 and B1816:B1817 are merged, so rows 1815 and
    1817 print no 一级; the reader carries it down and says so."""
    project = pingchang.disclosure.projects[_seq(pingchang, "公务交通补贴", "平昌县看守所") - 1]
    levels = [(i.level1.raw, i.level1.carried, i.level1.normalised) for i in project.indicators]
    assert levels == [
        ("产出指标", False, Level1.OUTPUT),
        ("产出指标", True, Level1.OUTPUT),
        ("效益指标", False, Level1.OUTCOME),
        ("效益指标", True, Level1.OUTCOME),
    ]


@pytest.mark.seeds
def test_realworld_self_evaluation__reasons_kept_as_printed(
    pingchang: SelfEvaluationWorkbook,
) -> None:
    """The 原因 of the money block is the execution note, template instructions pasted
    into it (37 forms) included; 未完成原因分析 is blank in all 256 rows."""
    notes = [p.execution_note for p in pingchang.report.projects if p.execution_note]
    assert len(notes) == 41
    pasted = [n for n in notes if n.startswith("1.预算执行率=预算执行数/调整后预算数")]
    assert len(pasted) == 37
    assert pingchang.report.projects[0].execution_note == "行政人员工资补差，财政追加预算"
    reasons = [i.deviation_note for p in pingchang.report.projects for i in p.indicators]
    assert reasons == [None] * 256


@pytest.mark.seeds
def test_realworld_self_evaluation__claimed_scores_add_up_to_the_printed_total(
    pingchang: SelfEvaluationWorkbook,
) -> None:
    """17 forms (all 平昌县看守所) print a 合计 得分. The 得分 read back — 预算执行 plus
    every indicator — add up to it, except in the two forms the survey found printed
    inconsistently: 监墙报警装置经费 prints 10 + 50 under a 合计 of 100, and
    工资性支出（行政） prints no 预算执行 得分 (90 of indicators) under a 合计 of 100."""
    printed = [f for f in pingchang.forms if f.total_score.strip()]
    assert len(printed) == 17
    assert {f.unit_name for f in printed} == {"平昌县看守所"}
    differing = {}
    for form in printed:
        claimed = sum(form.claimed_scores, Decimal(0))
        if claimed != Decimal(form.total_score):
            assert form.project is not None
            differing[form.project.text.split("-", 1)[1]] = (claimed, form.total_score)
    assert differing == {
        "监墙报警装置经费": (Decimal(60), "100"),
        "工资性支出（行政）": (Decimal(90), "100"),
    }
    notes = [n for n in pingchang.notes if n.rule == "ingest-self-evaluation-total-differs"]
    assert {n.project_title for n in notes if n.field_value("sum") in ("60", "90")} == {
        "监墙报警装置经费",
        "工资性支出（行政）",
    }


# --- re-scoring two projects -----------------------------------------------------------------

# The two projects as printed (自评表 rows 1808–1818 and 1959–1973), read off the
# original: 指标性质, 指标值, 度量单位, 完成值, 权重, 得分 per indicator, and the 总额 row's
# 调整后预算数, 预算执行数, 权重 and 得分 (万元).
PRINTED = {
    "公务交通补贴": {
        "execution": ("15.816", "15.816", "10", "10"),
        "rows": (
            ("≤", "5", "次", "100", "20", "20"),
            ("≤", "5", "%", "100", "30", "30"),
            ("≤", "100", "%", "100", "20", "20"),
            ("＝", "100", "%", "100", "20", "20"),
        ),
        "total": "100",
    },
    "犯罪人员给养经费": {
        "execution": ("100", "100", "10", "10"),
        "rows": (
            ("≥", "250", "元", "100", "10", "10"),
            ("≥", "125", "人", "100", "15", "15"),
            ("＝", "100", "%", "100", "10", "10"),
            ("定性", "按时支付", "", "100", "10", "10"),
            ("定性", "有效保障", "", "100", "10", "10"),
            ("定性", "有效保障", "", "100", "10", "10"),
            ("≥", "94", "%", "100", "10", "10"),
            ("≤", "167.78", "万元", "100", "15", "15"),
        ),
        "total": "100",
    },
}


def _by_hand(nature: str, target: str, actual: str, points: str, *, ratio: bool = False) -> Decimal:
    """The 10号 score of one indicator (RULES.md §9, docs/evaluate.md defaults), the
    完成值 read as a value in the indicator's unit — the only reading the formulas
    allow. A 定性 row needs a 达成/部分达成/未达成 band; the form prints none → 0."""
    p = Decimal(points)
    if nature == "定性":
        return Decimal("0.00")
    t, a = Decimal(target), Decimal(actual)
    if nature == "≥":
        score = p if a >= t else a / t * p
    elif nature == "≤":
        missed = (t / a) if ratio else max(Decimal(0), 1 - (a - t) / t)
        score = p if a <= t else missed * p
    else:  # ＝
        score = p if a == t else max(Decimal(0), 1 - abs(a - t) / t) * p
    return score.quantize(CENT, ROUND_HALF_UP)


def _execution_by_hand(budget: str, spent: str, points: str) -> Decimal:
    rate = Decimal(spent) / Decimal(budget) * 100
    return min(rate * Decimal(points) / 100, Decimal(points)).quantize(CENT, ROUND_HALF_UP)


@pytest.mark.seeds
@pytest.mark.parametrize("name", list(PRINTED))
def test_realworld_self_evaluation__rescored_by_hand_and_by_jixiao(
    pingchang: SelfEvaluationWorkbook, name: str
) -> None:
    """jixiao's score equals the hand computation, and both differ from the printed
    100: the 看守所 wrote 完成值 100 on every row meaning "100 % done", not a value in
    the indicator's unit (100 次 of adjustments against ≤5 次, 100 元 against ≥250 元),
    and gave every 定性 row full points without stating a band."""
    printed = PRINTED[name]
    seq = _seq(pingchang, name, "平昌县看守所")
    form = pingchang.forms[seq - 1]
    # jixiao read exactly the printed cells the hand computation starts from.
    read = tuple((i.nature, i.target, i.unit, i.actual, i.weight, i.score) for i in form.indicators)
    assert read == printed["rows"]
    total_row = form.funding_row(FundingSource.TOTAL)
    assert total_row and total_row.adjusted and total_row.spent
    assert total_row.weight and total_row.score
    budget, spent, points, claimed = printed["execution"]
    assert Decimal(repr(total_row.adjusted.value)) == Decimal(budget)
    assert Decimal(repr(total_row.spent.value)) == Decimal(spent)
    assert (total_row.weight.text, total_row.score.text) == (points, claimed)
    assert form.total_score == printed["total"]

    execution = _execution_by_hand(budget, spent, points)
    rows = [_by_hand(n, t, a, p) for n, t, _, a, p, _ in printed["rows"]]
    total = execution + sum(rows, Decimal(0))
    hand = FACTS["hand_scores"][f"{name}@平昌县看守所"]  # the survey's own computation
    assert (str(execution), tuple(str(r) for r in rows), str(total)) == (
        hand["execution"],
        hand["indicators"],
        hand["total"],
    )

    result = evaluate(pingchang.disclosure, pingchang.report)
    (score,) = [p for p in result.projects if p.project_seq == seq]
    assert score.execution_score == execution
    assert [i.score for i in score.indicators] == rows
    assert [i.weight for i in score.indicators] == [Decimal(r[4]) for r in printed["rows"]]
    assert score.total == total
    assert score.grade.label == hand["grade"]
    # The printed 得分 (every 得分 = 权重, 合计 100) and where the difference lies: the
    # rows whose 完成值 100 cannot be read in the indicator's unit, and the 定性 rows.
    claimed_total = Decimal(claimed) + sum((Decimal(r[5]) for r in printed["rows"]), Decimal(0))
    assert claimed_total == Decimal(printed["total"]) == 100
    lost = {
        i.indicator_index: i.claimed_score - i.score
        for i in score.indicators
        if i.claimed_score != i.score
    }
    assert sum(lost.values(), Decimal(0)) == claimed_total - score.total
    if name == "公务交通补贴":
        assert lost == {1: Decimal(20), 2: Decimal(30)}  # ≤5次, ≤5%: 100 is twice 5 and more
    else:
        assert lost == {1: Decimal(6), 2: Decimal(3), 4: 10, 5: 10, 6: 10}
    rules = {(f.rule, f.indicator_index) for f in score.findings}
    assert {i for r, i in rules if r == "evaluate-claimed-score-differs"} == set(lost)
    qualitative = {k for k, row in enumerate(printed["rows"], start=1) if row[0] == "定性"}
    assert {i for r, i in rules if r == "evaluate-achievement-missing"} == qualitative


@pytest.mark.seeds
def test_realworld_self_evaluation__rescoring_variants(pingchang: SelfEvaluationWorkbook) -> None:
    """The survey's two other readings: the ratio formula for missed ≤ targets (公务交通
    补贴 52.50), and the three 定性 rows of 犯罪人员给养经费 judged 达成 with the claimed
    10 (91.00); and the third 看守所 project it computed, 监墙报警装置经费 (60.00)."""
    traffic = _seq(pingchang, "公务交通补贴", "平昌县看守所")
    rows = PRINTED["公务交通补贴"]["rows"]
    by_hand = _execution_by_hand("15.816", "15.816", "10") + sum(
        (_by_hand(n, t, a, p, ratio=True) for n, t, _, a, p, _ in rows), Decimal(0)
    )
    ratio = EvaluationConfig(negative_formula=NegativeFormula.RATIO)
    (score,) = [
        p
        for p in evaluate(pingchang.disclosure, pingchang.report, ratio).projects
        if p.project_seq == traffic
    ]
    hand = FACTS["hand_scores"]["公务交通补贴@平昌县看守所"]
    assert score.total == by_hand == Decimal(hand["total_ratio_formula"])

    food = _seq(pingchang, "犯罪人员给养经费", "平昌县看守所")
    project = pingchang.report.projects[food - 1]
    judged = replace(
        project,
        indicators=tuple(
            replace(i, achievement=Achievement.ACHIEVED) if i.indicator_index in (4, 5, 6) else i
            for i in project.indicators
        ),
    )
    report = replace(
        pingchang.report,
        projects=tuple(judged if p is project else p for p in pingchang.report.projects),
    )
    (score,) = [p for p in evaluate(pingchang.disclosure, report).projects if p.project_seq == food]
    hand = FACTS["hand_scores"]["犯罪人员给养经费@平昌县看守所"]
    assert score.total == Decimal(hand["total_if_qualitative_achieved"])
    assert score.grade is Grade.EXCELLENT

    wall = _seq(pingchang, "监墙报警装置经费", "平昌县看守所")
    (score,) = [
        p
        for p in evaluate(pingchang.disclosure, pingchang.report).projects
        if p.project_seq == wall
    ]
    hand = FACTS["hand_scores"]["监墙报警装置经费@平昌县看守所"]
    assert str(score.total) == hand["total"] and score.grade.label == hand["grade"]


# --- hand-made workbooks: the 10号 labels and the errors ------------------------------------


def _ten_hao(**changes: object) -> bytes:
    """A workbook with one 10号 项目支出绩效自评表 (财预〔2020〕10号 附件 labels): title in
    two rows, 项目资金（万元）, 年度总体目标, 年度指标值/实际完成值/分值/得分 and a
    偏差原因分析及改进措施 head over 原因分析 | 改进措施, 总分, 自评等级."""
    rows = {
        1: {"A": "项目支出绩效自评表"},
        2: {"A": "（2024年度）"},
        3: {"A": "项目名称", "C": "农村公路养护"},
        4: {"A": "主管部门", "C": "某县交通运输局", "F": "实施单位", "H": "某县公路养护中心"},
        5: {"A": "项目资金（万元）", "C": "年初预算数", "D": "全年预算数", "E": "全年执行数",
            "F": "分值", "G": "执行率", "H": "得分"},
        6: {"B": "年度资金总额", "C": 200, "D": 250, "E": 225, "F": 10, "G": 0.9, "H": 9},
        7: {"B": "其中：当年财政拨款", "C": 200, "D": 240, "E": 220, "F": "—", "H": "—"},
        8: {"B": "上年结转资金", "D": 10, "E": 5, "F": "—", "H": "—"},
        9: {"B": "其他资金", "F": "—", "H": "—"},
        10: {"A": "年度总体目标", "B": "预期目标", "F": "实际完成情况"},
        11: {"B": "养护农村公路120公里", "F": "养护农村公路110公里"},
        12: {"A": "绩效指标", "B": "一级指标", "C": "二级指标", "D": "三级指标",
             "E": "年度指标值", "F": "实际完成值", "G": "分值", "H": "得分",
             "I": "偏差原因分析及改进措施"},
        13: {"I": "原因分析", "J": "改进措施"},
        14: {"B": "产出指标", "C": "数量指标", "D": "养护里程", "E": "≥120公里",
             "F": "110公里", "G": 30, "H": 27.5, "I": "雨季停工", "J": "提前排期"},
        15: {"C": "质量指标", "D": "优良路率", "E": "≥80%", "F": "85%", "G": 20, "H": 20},
        16: {"B": "效益指标", "C": "社会效益指标", "D": "群众出行条件", "E": "明显改善",
             "F": "达成", "G": 30, "H": 28},
        17: {"B": "满意度指标", "C": "服务对象满意度指标", "D": "群众满意度", "E": "≥90%",
             "F": "92%", "G": 10, "H": 10},
        18: {"A": "总分", "G": 100, "H": 94.5},
        19: {"A": "自评等级", "B": "优"},
    }  # fmt: skip
    for row, cells in changes.items():
        rows[int(row.lstrip("r"))] = cells
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目1"
    for row, cells in rows.items():
        for column, value in cells.items():
            sheet[f"{column}{row}"] = value
    sheet["G6"].number_format = "0.00%"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_self_evaluation_xlsx__ten_hao_labels() -> None:
    workbook = read_self_evaluation_workbook(_ten_hao(), path="自评.xlsx")
    (form,) = workbook.forms
    assert form.title == "项目支出绩效自评表\n（2024年度）" and form.title_row == 1
    assert (form.department, form.unit_name) == ("某县交通运输局", "某县公路养护中心")
    assert form.money_unit_label == "万元"
    assert [(r.label, r.source) for r in form.funding] == [
        ("年度资金总额", FundingSource.TOTAL),
        ("其中：当年财政拨款", FundingSource.FISCAL),
        ("上年结转资金", FundingSource.CARRIED_OVER),
        ("其他资金", FundingSource.OTHER),
    ]
    assert (form.goal, form.goal_achieved) == ("养护农村公路120公里", "养护农村公路110公里")
    assert (form.total_weight, form.total_score, form.grade) == ("100", "94.5", "优")
    assert form.unplaced == ()
    (project,) = workbook.disclosure.projects
    assert (project.project_code, project.project_name) == (None, "农村公路养护")
    assert project.goals == ("养护农村公路120公里",)
    assert project.budget_total and project.budget_total.value == 250  # 全年预算数
    assert project.budget_fiscal and project.budget_fiscal.value == 240
    first = project.indicators[0]
    assert first.target.raw == "≥120公里" and first.target.operator is Operator.GE
    assert project.indicators[1].level1.raw == "产出指标" and project.indicators[1].level1.carried
    (actuals,) = workbook.report.projects
    assert actuals.funding_for(FundingSource.CARRIED_OVER) is not None
    one = actuals.indicators[0]
    assert one.actual and one.actual.raw == "110公里"
    assert (one.weight, one.claimed_score) == (30, Decimal("27.5"))
    assert (one.deviation_note, one.improvement) == ("雨季停工", "提前排期")
    assert actuals.indicators[2].achievement is Achievement.ACHIEVED
    assert actuals.goal_achieved == "养护农村公路110公里"
    assert workbook.disclosure.fiscal_year == 2024
    # Re-scored: execution 225 ÷ 250 = 90 % → 9.00; 110 ÷ 120 × 30 = 27.50; 20; 达成
    # with the claimed 28 (inside 24–30) → 28; 10 → 94.50, as the unit printed.
    (score,) = evaluate(workbook.disclosure, workbook.report).projects
    assert score.execution_score == Decimal("9.00")
    assert [i.score for i in score.indicators] == [Decimal("27.50"), 20, 28, 10]
    assert score.total == Decimal("94.50") == Decimal(form.total_score)
    assert sum(form.claimed_scores, Decimal(0)) == Decimal(form.total_score)


def test_self_evaluation_xlsx__a_form_without_indicators_is_kept() -> None:
    blank = {f"r{r}": {} for r in range(14, 18)}
    workbook = read_self_evaluation_workbook(_ten_hao(**blank, r18={"A": "总分", "G": 100}))
    (project,) = workbook.disclosure.projects
    assert project.indicators == () and workbook.report.projects[0].indicators == ()
    (note,) = [n for n in workbook.notes if n.rule == "ingest-self-evaluation-no-indicators"]
    assert note.message.startswith("项目1!A12：")


def test_self_evaluation_xlsx__text_in_a_number_cell_is_a_note() -> None:
    row = {"B": "产出指标", "C": "数量指标", "D": "养护里程", "E": "≥120公里", "F": "110公里",
           "G": "三十", "H": 27.5}  # fmt: skip
    workbook = read_self_evaluation_workbook(_ten_hao(r14=row))
    (note,) = [n for n in workbook.notes if n.rule == "ingest-self-evaluation-not-a-number"]
    assert note.message == "项目1!G14：分值“三十”不是数字，按空白处理。"
    assert workbook.report.projects[0].indicators[0].weight is None


def test_self_evaluation_xlsx__blank_project_name_is_an_error() -> None:
    with pytest.raises(IngestError, match=r"项目1!A3：第 1 张自评表的“项目名称”为空"):
        read_self_evaluation_workbook(_ten_hao(r3={"A": "项目名称"}), path="x.xlsx")


def test_self_evaluation_xlsx__refused_files() -> None:
    with pytest.raises(IngestError, match="自评表应为 Excel 工作簿"):
        read_self_evaluation_workbook(b"%PDF-1.7 not a workbook", path="x.xlsx")
    with pytest.raises(IngestError, match="压缩炸弹"):
        read_self_evaluation_workbook(_ten_hao(), path="x.xlsx", max_unpacked_bytes=1000)
    with pytest.raises(IngestError, match="没有找到项目支出绩效自评表"):
        read_self_evaluation_workbook(_ten_hao(r3={"A": "项目"}), path="x.xlsx")
    with pytest.raises(IngestError, match="自评表标题中没有年度"):
        read_self_evaluation_workbook(_ten_hao(r2={}), path="x.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(_ten_hao()))
    book.create_sheet("_jixiao")
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(IngestError, match="jixiao actuals import"):
        read_self_evaluation_workbook(buffer.getvalue(), path="x.xlsx")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not xml")
    with pytest.raises(IngestError, match="工作簿已损坏"):
        read_self_evaluation_workbook(broken.getvalue(), path="x.xlsx")


def test_read_disclosure__a_self_evaluation_workbook_gives_its_targets(pingchang, tmp_path):
    """Dropped on ``jixiao ingest``/``review`` the workbook is read as what it is (not
    refused as a 绩效目标表 cut off mid-row): its 91 forms' projects and 256 targets,
    with a note naming the command that imports its actuals and scores."""
    from typer.testing import CliRunner

    from jixiao.cli import app
    from jixiao.ingest import read_disclosure

    disclosure = read_disclosure(REALWORLD_DIR / FILE)
    assert len(disclosure.projects) == 91
    assert disclosure.indicator_count == 256
    assert disclosure.projects == pingchang.disclosure.projects
    notes = [n for n in disclosure.notes if n.rule == "ingest-self-evaluation-workbook"]
    assert len(notes) == 1 and "import-self-evaluation" in notes[0].message
    result = CliRunner().invoke(
        app, ["review", str(REALWORLD_DIR / FILE), "--db", str(tmp_path / "j.db")]
    )
    assert result.exit_code in (0, 1), result.output
    assert "读取失败" not in result.output
