"""``jixiao actuals import-self-evaluation``: a unit's own 自评表 workbook imported, stored
(document + self-evaluation report) and shown re-scored beside the printed 总分.

The real file is 平昌县公安局's 2023 自评 export (../shared/realworld; skipped when
absent): its counts and the three re-scored 看守所 projects are the person-verified
values of tests/realworld_expected.py (see tests/test_realworld_self_evaluation.py for
how they were computed). A two-form workbook built here (two 实施单位 under one 主管部门)
runs without ../shared; its scores are computed by hand in the docstrings.
"""

from __future__ import annotations

import csv
import io
import json
import os
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from realworld_expected import EXPECTED
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.model.actuals import ActualsKind
from jixiao.store import connect, list_actuals, list_documents, load_disclosure

REPO_ROOT = Path(__file__).resolve().parent.parent
REALWORLD_DIR = Path(
    os.environ.get("JIXIAO_REALWORLD_DIR", REPO_ROOT.parent / "shared" / "realworld")
)
PINGCHANG = "pingchang-gonganju-2023-self-evaluation.xlsx"
COMMAND = ("actuals", "import-self-evaluation")


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "240"})


def stored(db: str) -> tuple[list, list]:
    """(documents, actuals reports) stored in ``db``, current versions."""
    engine = connect(f"sqlite:///{db}")
    try:
        return list_documents(engine), list_actuals(engine)
    finally:
        engine.dispose()


def xlsx_rows(path: Path) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(path, read_only=True).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]


# --- a small workbook built here ---------------------------------------------------------

HEADER_ROWS = {
    1: {"A": "项目支出绩效自评表"},
    2: {"A": "（2024年度）"},
    5: {"A": "项目资金（万元）", "C": "年初预算数", "D": "全年预算数", "E": "全年执行数",
        "F": "分值", "G": "执行率", "H": "得分"},
    10: {"A": "年度总体目标", "B": "预期目标", "F": "实际完成情况"},
    12: {"A": "绩效指标", "B": "一级指标", "C": "二级指标", "D": "三级指标",
         "E": "年度指标值", "F": "实际完成值", "G": "分值", "H": "得分",
         "I": "偏差原因分析及改进措施"},
    13: {"I": "原因分析", "J": "改进措施"},
}  # fmt: skip

# 养护中心: execution 225 ÷ 250 = 90 % → 9.00; 110 ÷ 120 × 30 = 27.50; 85 % ≥ 80 % → 20;
# 明显改善 达成, claimed 28 inside its band 24–30 → 28; 92 % ≥ 90 % → 10. Total 94.50 =
# the printed 94.5 → difference 0, 优.
ROAD = {
    3: {"A": "项目名称", "C": "农村公路养护"},
    4: {"A": "主管部门", "C": "某县交通运输局", "F": "实施单位", "H": "某县公路养护中心"},
    6: {"B": "年度资金总额", "C": 200, "D": 250, "E": 225, "F": 10, "G": 0.9, "H": 9},
    7: {"B": "其中：当年财政拨款", "C": 200, "D": 250, "E": 225, "F": "—", "H": "—"},
    11: {"B": "养护农村公路120公里", "F": "养护农村公路110公里"},
    14: {"B": "产出指标", "C": "数量指标", "D": "养护里程", "E": "≥120公里",
         "F": "110公里", "G": 30, "H": 27.5, "I": "雨季停工", "J": "提前排期"},
    15: {"C": "质量指标", "D": "优良路率", "E": "≥80%", "F": "85%", "G": 20, "H": 20},
    16: {"B": "效益指标", "C": "社会效益指标", "D": "群众出行条件", "E": "明显改善",
         "F": "达成", "G": 30, "H": 28},
    17: {"B": "满意度指标", "C": "服务对象满意度指标", "D": "群众满意度", "E": "≥90%",
         "F": "92%", "G": 10, "H": 10},
    18: {"A": "总分", "G": 100, "H": 94.5},
}  # fmt: skip

# 交通运输局机关: execution 80 ÷ 100 = 80 % → 8.00 (the unit printed 10); 40 ÷ 50 × 50 =
# 40.00 (printed 50); ≤2 % missed with 3 %: max(0, 1 − (3 − 2) ÷ 2) × 30 = 15.00
# (printed 30); 95 % ≥ 90 % → 10. Total 73.00 against the printed 100 → −27.00, 中.
SAFETY = {
    3: {"A": "项目名称", "C": "5119002401-公路安全生命防护工程"},
    4: {"A": "主管部门", "C": "某县交通运输局", "F": "实施单位", "H": "某县交通运输局机关"},
    6: {"B": "年度资金总额", "C": 100, "D": 100, "E": 80, "F": 10, "G": 0.8, "H": 10},
    7: {"B": "其中：当年财政拨款", "C": 100, "D": 100, "E": 80, "F": "—", "H": "—"},
    11: {"B": "安装护栏50公里", "F": "安装护栏40公里"},
    14: {"B": "产出指标", "C": "数量指标", "D": "安装护栏", "E": "≥50公里",
         "F": "40公里", "G": 50, "H": 50},
    15: {"B": "效益指标", "C": "社会效益指标", "D": "事故率", "E": "≤2%", "F": "3%",
         "G": 30, "H": 30},
    16: {"B": "满意度指标", "C": "服务对象满意度指标", "D": "群众满意度", "E": "≥90%",
         "F": "95%", "G": 10, "H": 10},
    18: {"A": "总分", "G": 100, "H": 100},
}  # fmt: skip


def two_forms(*, meta_sheet: bool = False) -> bytes:
    """A workbook of two 10号 forms (sheets 项目1, 项目2) of two 实施单位 under one 主管部门."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "项目1"
    second = book.create_sheet("项目2")
    for sheet, form in ((first, ROAD), (second, SAFETY)):
        for row, cells in {**HEADER_ROWS, **form}.items():
            for column, value in cells.items():
                sheet[f"{column}{row}"] = value
    if meta_sheet:
        book.create_sheet("_jixiao")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "交通局2024自评.xlsx"
    path.write_bytes(two_forms())
    return path


def test_import_self_evaluation__stores_and_compares(tmp_path: Path, workbook: Path) -> None:
    db = str(tmp_path / "j.db")
    out = tmp_path / "对照.xlsx"
    result = run(*COMMAND, str(workbook), "--db", db, "--out", str(out))
    assert result.exit_code == 0, result.output
    # One document and one report, both under the 主管部门 (no unit code is printed).
    (document,), (report,) = stored(db)
    assert (document.unit_code, document.fiscal_year) == ("某县交通运输局", 2024)
    assert (document.projects, document.indicators) == (2, 7)
    assert report.kind is ActualsKind.SELF_EVALUATION and report.period_month == 12
    assert (report.unit_code, report.project_count, report.indicator_count) == (
        "某县交通运输局",
        2,
        7,
    )
    assert report.document_id == document.id
    text = result.stdout
    assert "文件第 1 版（新增），自评数据第 1 版" in text
    assert "共 2 张自评表，指标 7 个；实施单位 2 个" in text
    assert "印有自评总分 2 张，其中 jixiao 评分与之不同 1 张" in text
    assert "jixiao evaluate 某县交通运输局 --year 2024" in text
    rows = xlsx_rows(out)
    assert [(r["序号"], r["实施单位"], r["项目编码"], r["项目名称"]) for r in rows] == [
        (1, "某县公路养护中心", None, "农村公路养护"),
        (2, "某县交通运输局机关", "5119002401", "公路安全生命防护工程"),
    ]
    assert [(r["自评总分"], r["jixiao评分"], r["差额"], r["jixiao等级"]) for r in rows] == [
        (94.5, 94.5, 0, "优"),
        (100, 73, -27, "中"),
    ]
    assert [r["预算执行得分"] for r in rows] == [9, 8]
    assert [r["位置"] for r in rows] == ["项目1!A1", "项目2!A1"]
    # evaluate now works on what was stored, with the same totals.
    scored = tmp_path / "eval.json"
    result = run(
        "evaluate", "某县交通运输局", "--year", "2024", "--format", "json", "--out", str(scored),
        "--db", db,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    totals = [p["total"] for p in json.loads(scored.read_text(encoding="utf-8"))["projects"]]
    assert totals == ["94.50", "73.00"]


def test_import_self_evaluation__again_is_unchanged(tmp_path: Path, workbook: Path) -> None:
    db = str(tmp_path / "j.db")
    assert run(*COMMAND, str(workbook), "--db", db).exit_code == 0
    again = run(*COMMAND, str(workbook), "--db", db)
    assert again.exit_code == 0, again.output
    assert "文件第 1 版（未变化），自评数据此前已导入（未重复写入）" in again.stdout
    assert "-27.00" in again.stdout  # still compared
    documents, reports = stored(db)
    assert len(documents) == len(reports) == 1 and reports[0].version == 1
    # The same file under another unit code is refused: one file is one document.
    other = run(*COMMAND, str(workbook), "--db", db, "--unit", "445099")
    assert other.exit_code == 1
    assert "已以单位编码“某县交通运输局”导入" in other.stderr
    assert stored(db)[1] == reports


def test_import_self_evaluation__unit_and_year_options(tmp_path: Path, workbook: Path) -> None:
    db = str(tmp_path / "j.db")
    wrong = run(*COMMAND, str(workbook), "--db", db, "--year", "2023")
    assert wrong.exit_code == 1
    assert "自评表为 2024 年度，而非 --year 指定的 2023 年度" in wrong.stderr
    assert stored(db) == ([], [])
    csv_out = tmp_path / "对照.csv"
    result = run(
        *COMMAND, str(workbook), "--db", db, "--unit", "445099", "--year", "2024",
        "--by", "张会计", "--out", str(csv_out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (document,), (report,) = stored(db)
    assert document.unit_code == report.unit_code == "445099"
    assert document.unit_name == "某县交通运输局" and report.entered_by == "张会计"
    engine = connect(f"sqlite:///{db}")
    try:
        notes = load_disclosure(engine, document.id).notes
    finally:
        engine.dispose()
    (unit_note,) = [n for n in notes if n.rule == "ingest-self-evaluation-unit-code"]
    assert "--unit 以“445099”作为单位编码" in unit_note.message
    assert run("evaluate", "445099", "--year", "2024", "--db", db).exit_code == 0
    with csv_out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["单位编码"], r["jixiao评分"], r["差额"]) for r in rows] == [
        ("445099", "94.50", "0.00"),
        ("445099", "73.00", "-27.00"),
    ]


def test_import_self_evaluation__bad_files_reported_others_go_on(
    tmp_path: Path, workbook: Path
) -> None:
    db = str(tmp_path / "j.db")
    pdf = tmp_path / "扫描件.xlsx"
    pdf.write_bytes(b"%PDF-1.7 not a workbook")
    template = tmp_path / "模板.xlsx"
    template.write_bytes(two_forms(meta_sheet=True))
    missing = tmp_path / "不存在.xlsx"
    files = [str(pdf), str(workbook), str(template), str(missing)]
    result = run(*COMMAND, *files, "--db", db, "--out", str(tmp_path / "out.xlsx"))
    assert result.exit_code == 1
    errors = result.stderr
    assert f"文件 {pdf}：自评表应为 Excel 工作簿（.xlsx），按文件内容判断这是PDF 文件" in errors
    assert f"文件 {template}：这是 jixiao 生成的填报模板，请用“jixiao actuals import”导入" in errors
    assert f"文件 {missing}：无法打开文件" in errors
    assert "共 4 个文件：成功 1 个，失败 3 个。" in result.stdout
    (document,), (report,) = stored(db)  # the good one only
    assert document.source_path == str(workbook) and report.project_count == 2
    assert len(xlsx_rows(tmp_path / "out.xlsx")) == 2


def test_import_self_evaluation__refuses_a_bad_out_suffix(tmp_path: Path, workbook: Path) -> None:
    result = run(*COMMAND, str(workbook), "--db", str(tmp_path / "j.db"), "--out", "x.pdf")
    assert result.exit_code == 1 and "--out 应以 .xlsx 或 .csv 结尾" in result.stderr


def test_actuals_import__points_to_the_self_evaluation_import(
    tmp_path: Path, workbook: Path
) -> None:
    result = run("actuals", "import", str(workbook), "--db", str(tmp_path / "j.db"))
    assert result.exit_code == 1
    assert "jixiao actuals import-self-evaluation" in result.stderr


# --- the real workbook -------------------------------------------------------------------


@pytest.fixture(scope="module")
def pingchang() -> Path:
    path = REALWORLD_DIR / PINGCHANG
    if not path.is_file():
        message = f"real files not found at {REALWORLD_DIR} (../shared/realworld beside the repo)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " — CI=true requires them")
        pytest.skip(message)
    return path


@pytest.mark.seeds
def test_import_self_evaluation__pingchang(tmp_path: Path, pingchang: Path) -> None:
    """91 forms of 3 实施单位 stored as one document of the 主管部门; the three 看守所
    projects a person re-scored by hand come out at 50.00, 61.00 and 60.00 against the
    printed 100 (tests/test_realworld_self_evaluation.py explains why)."""
    facts = EXPECTED[PINGCHANG]
    db = str(tmp_path / "j.db")
    out = tmp_path / "对照.xlsx"
    result = run(*COMMAND, str(pingchang), "--db", db, "--out", str(out))
    assert result.exit_code == 0, result.output
    (document,), (report,) = stored(db)
    department = facts["department"]
    assert (document.unit_code, document.unit_name, document.fiscal_year) == (
        department,
        department,
        facts["fiscal_year"],
    )
    assert (document.projects, document.indicators) == (91, facts["indicator_total"])
    assert (report.unit_code, report.project_count, report.indicator_count) == (
        department,
        facts["evaluation_count"],
        256,
    )
    assert report.document_id == document.id
    assert "共 91 张自评表，指标 256 个；实施单位 3 个" in result.stdout
    # 85 forms state a 总分 (评价结论 '项目自评总分100分'); the 17 总分 rows printed say
    # the same 100.
    assert f"印有自评总分 {facts['conclusions_with_total']} 张" in result.stdout
    rows = xlsx_rows(out)
    assert len(rows) == 91
    by_unit: dict[str, int] = {}
    for row in rows:
        by_unit[str(row["实施单位"])] = by_unit.get(str(row["实施单位"]), 0) + 1
    assert by_unit == {name: count for name, (_, count) in facts["units"].items()}
    for key, hand in facts["hand_scores"].items():
        name, unit = key.split("@")
        (row,) = [r for r in rows if (r["项目名称"], r["实施单位"]) == (name, unit)]
        assert row["自评总分"] == int(hand["printed_total"]) and row["总分来源"] == "总分行"
        assert Decimal(str(row["jixiao评分"])) == Decimal(hand["total"])
        assert Decimal(str(row["差额"])) == Decimal(hand["total"]) - 100
        assert row["jixiao等级"] == hand["grade"]
        assert Decimal(str(row["预算执行得分"])) == Decimal(hand["execution"])
    (wall,) = [r for r in rows if r["项目名称"] == "监墙报警装置经费"]
    assert "各项得分合计 60" in str(wall["说明"])  # printed 10 + 50 under a 合计 of 100
    # `jixiao evaluate` on the stored pair gives the same totals.
    scored = tmp_path / "eval.json"
    result = run(
        "evaluate", department, "--year", "2023", "--format", "json", "--out", str(scored),
        "--db", db,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    projects = json.loads(scored.read_text(encoding="utf-8"))["projects"]
    assert [p["total"] for p in projects] == [f"{Decimal(str(r['jixiao评分'])):.2f}" for r in rows]


def test_import_self_evaluation__a_folder(tmp_path: Path, workbook: Path) -> None:
    """A folder gives the .xlsx under it; Excel's ~$ lock files are left out."""
    (tmp_path / "~$交通局2024自评.xlsx").write_bytes(b"lock")
    (tmp_path / "说明.txt").write_text("not a workbook", encoding="utf-8")
    result = run(*COMMAND, str(tmp_path), "--db", str(tmp_path / "j.db"))
    assert result.exit_code == 0, result.output
    assert str(workbook) in result.stdout and "~$" not in result.output


def test_save_with_disclosure__one_transaction(tmp_path, monkeypatch):
    """The document and the report are written together: when the report's insert
    fails, the document is not left behind."""
    import jixiao.store.actuals as store_actuals
    from jixiao.ingest.self_evaluation_xlsx import read_self_evaluation_workbook
    from jixiao.store import save_with_disclosure

    workbook = read_self_evaluation_workbook(two_forms(), path="两表.xlsx")
    engine = connect(f"sqlite:///{tmp_path / 'j.db'}")

    def broken(*args, **kwargs):
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(store_actuals, "_save", broken)
    with pytest.raises(RuntimeError):
        save_with_disclosure(engine, workbook.disclosure, workbook.report)
    assert list_documents(engine) == []
    monkeypatch.undo()
    saved, stored = save_with_disclosure(engine, workbook.disclosure, workbook.report)
    assert saved.status == "inserted" and stored is not None
    assert [d.id for d in list_documents(engine)] == [saved.document_id]
    again, none = save_with_disclosure(engine, workbook.disclosure, workbook.report)
    assert (again.status, none) == ("unchanged", None)


def test_parse_disclosure__reads_a_self_evaluation_workbook_as_its_targets():
    """A unit's 自评表 workbook given to the disclosure reader (``jixiao ingest``,
    ``jixiao review``) gives its projects and targets and says how to import the rest."""
    from jixiao.ingest import parse_disclosure

    disclosure = parse_disclosure(two_forms(), path="两表.xlsx")
    assert [p.project_name for p in disclosure.projects] == [
        "农村公路养护",
        "公路安全生命防护工程",
    ]
    assert [i.target.raw for i in disclosure.projects[0].indicators][:2] == ["≥120公里", "≥80%"]
    assert any(n.rule == "ingest-self-evaluation-workbook" for n in disclosure.notes)
