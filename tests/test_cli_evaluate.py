"""A full year of one real unit through the CLI: template → filled → import → monitoring
at period 7 → self-evaluation → outputs (issue 5's walk-through).

The unit is seed 000, 玉田县机关事务中心 (445001), 2025, money in 元, three projects:

1. 残疾人保障金, budget 3,000.00, plan 25/50/75/100 % at 3/6/10/12月;
2. 公务用车平台办公室经费, budget 400,000.00, the same plan;
3. 行政中心电梯大修保养, budget 152,170.00, plan 100 % at 3月 (later checkpoints blank).

The test fills the forms as a unit would (openpyxl, ``tests/actuals_fill.py``) and checks
the numbers against values computed by hand below.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from actuals_fill import fill, funding_ref, indicator_ref
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.ingest.actuals_layout import EXECUTION_NOTE_CELL, GOAL_ACHIEVED_CELL, Field
from jixiao.model.actuals import ActualsKind, FundingSource

pytestmark = pytest.mark.seeds

MONITORING = ActualsKind.MONITORING
SELF_EVALUATION = ActualsKind.SELF_EVALUATION
TOTAL = FundingSource.TOTAL


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def m_cell(field: Field, indicator: int) -> str:
    return indicator_ref(MONITORING, field, indicator, period=7)


def e_cell(field: Field, indicator: int) -> str:
    return indicator_ref(SELF_EVALUATION, field, indicator)


@pytest.fixture
def unit(tmp_path: Path, seed_path) -> tuple[Path, str]:
    db = str(tmp_path / "year.db")
    result = run("ingest", str(seed_path("000")), "--db", db)
    assert result.exit_code == 0, result.output
    return tmp_path, db


def test_year__template_fill_import_monitor_evaluate(unit: tuple[Path, str]) -> None:
    """Monitoring at 7月 (plans interpolated linearly from (0, 0)):

    - project 1: plan at 7月 = 50 + (75 − 50) × (7 − 6)/(10 − 6) = 56.25 %; spent 1,000.00 of
      3,000.00 = 33.33 %; 22.92 points behind → red (> 20), no reason given → a finding;
    - project 2: plan 56.25 %; 250,000 / 400,000 = 62.50 % → ahead → green;
    - project 3: plan 100 % from 3月 on; 100,000 / 152,170 = 65.72 % → 34.28 behind → red,
      but the unit explains it (执行偏差原因) → no unexplained-execution finding;
    - unit: spent 351,000 / budget 555,170 = 63.22 %; plan weighted by budget
      (3,000 × 56.25 + 400,000 × 56.25 + 152,170 × 100) / 555,170 = 37,885,750 / 555,170
      = 68.24 %.
    """
    folder, db = unit
    template = folder / "m7.xlsx"
    result = run(
        "template", "monitoring", "445001", "--period", "7", "--out", str(template), "--db", db
    )
    assert result.exit_code == 0, result.output
    assert "3 个项目" in result.output and "27 个指标" in result.output

    filled = fill(
        template,
        folder / "m7-filled.xlsx",
        {
            "项目01": {
                funding_ref(MONITORING, Field.SPENT, TOTAL, period=7): 1000,
                m_cell(Field.LIKELIHOOD, 9): "有可能",  # 受助人员满意度, no reason → finding
            },
            "项目02": {
                funding_ref(MONITORING, Field.SPENT, TOTAL, period=7): "250,000.00",
                m_cell(Field.ACTUAL, 3): "96%",
                m_cell(Field.LIKELIHOOD, 3): "确定能",
            },
            "项目03": {
                funding_ref(MONITORING, Field.SPENT, TOTAL, period=7): 100000,
                EXECUTION_NOTE_CELL: "大修合同尾款待验收后支付",
                m_cell(Field.LIKELIHOOD, 2): "完全不可能",
                m_cell(Field.CAUSES, 2): "硬件保障",
                m_cell(Field.NOTE, 2): "一台电梯主板停产，待更换",
            },
        },
    )
    result = run("actuals", "import", str(filled), "--by", "王会计", "--db", db)
    assert result.exit_code == 0, result.output
    assert "第 1 版" in result.output

    again = run("actuals", "import", str(filled), "--db", db)  # the same file twice
    assert again.exit_code == 1
    assert "不再重复导入" in again.stderr

    out = folder / "monitor.json"
    result = run(
        "monitor", "445001", "--period", "7", "--format", "json", "--out", str(out), "--db", db
    )
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    projects = {p["project_seq"]: p for p in record["projects"]}
    assert Decimal(projects[1]["planned_share"]) == Decimal("56.25")
    assert Decimal(projects[1]["execution_rate"]) == Decimal("33.33")
    assert projects[1]["status"] == "red"
    assert projects[2]["status"] == "green" and Decimal(projects[2]["execution_rate"]) == Decimal(
        "62.5"
    )
    assert Decimal(projects[3]["planned_share"]) == Decimal(100)
    assert projects[3]["status"] == "red"
    assert Decimal(record["execution_rate"]).quantize(Decimal("0.01")) == Decimal("63.22")
    assert Decimal(record["planned_share"]).quantize(Decimal("0.01")) == Decimal("68.24")
    rules = {
        (f["rule"], f.get("project_seq"), f.get("indicator_index")) for f in record["findings"]
    }
    assert ("monitor-execution-unexplained", 1, None) in rules
    assert not any(r == "monitor-execution-unexplained" and s == 3 for r, s, _ in rules)
    assert ("monitor-reason-missing", 1, 9) in rules
    assert not any(r == "monitor-reason-missing" and s == 3 for r, s, _ in rules)
    [lift] = [i for i in projects[3]["indicators"] if i["indicator_index"] == 2]
    assert lift["status"] == "red" and lift["deviation_note"] == "一台电梯主板停产，待更换"

    chart = folder / "unit.svg"
    result = run(
        "monitor", "445001", "-p", "7", "--chart", str(chart), "--project", "3", "--db", db
    )
    assert result.exit_code == 0, result.output
    assert "<svg" in chart.read_text(encoding="utf-8")
    png = folder / "unit.png"
    assert run("monitor", "445001", "-p", "7", "--chart", str(png), "--db", db).exit_code == 0
    assert png.read_bytes().startswith(b"\x89PNG")

    text = run("monitor", "445001", "--period", "7", "--db", db)
    assert text.exit_code == 0 and "严重偏差" in text.output and "63.2%" in text.output
    for fmt in ("xlsx", "html"):
        path = folder / f"monitor.{fmt}"
        assert (
            run(
                "monitor", "445001", "--period", "7", "-f", fmt, "-o", str(path), "--db", db
            ).exit_code
            == 0
        )
        assert path.stat().st_size > 0
    html = (folder / "monitor.html").read_text(encoding="utf-8")
    assert "<svg" in html and "行政中心电梯大修保养" in html
    sheets = load_workbook(folder / "monitor.xlsx").sheetnames
    assert len(sheets) >= 2

    _self_evaluation(folder, db)


def _self_evaluation(folder: Path, db: str) -> None:
    """Year end, project 3 (电梯大修保养) scored by hand with the 10号 default weights:

    - 预算执行率: 140,000 / 152,170 = 92.00 % → 10 × 0.9200 = 9.20;
    - 产出 50 over its 4 indicators = 12.50 each; 效益 30 over 4 = 7.50 each; 满意度 10 over 1;
    - 1 设备检修维护次数 (定性) 达成 → 12.50;
    - 2 正常使用率 100 %, actual 98 % → 98 / 100 × 12.50 = 12.25 (reason given);
    - 3 如期完成 (定性) 部分达成 → 0.7 × 12.50 = 8.75, no reason → a finding;
    - 4 运行保障成本 (定性) 达成 → 12.50;
    - 5–7 (定性) 达成 → 7.50 × 3 = 22.50;
    - 8 长期实用性 (定性) 未达成, the unit claims 5 points, but the band allows at most
      60 % × 7.50 = 4.50 → 4.50 (reason given);
    - 9 服务对象满意度 ≥95 %, actual 96 % → 10.00.

    Total 9.20 + 12.50 + 12.25 + 8.75 + 12.50 + 22.50 + 4.50 + 10.00 = 92.20 → 优 (≥ 90).
    """
    template = folder / "self.xlsx"
    result = run("template", "self-evaluation", "445001", "--out", str(template), "--db", db)
    assert result.exit_code == 0, result.output
    points = load_workbook(template)["项目03"][e_cell(Field.POINTS, 1)].value
    assert Decimal(str(points)) == Decimal("12.5")  # 分值 pre-filled

    values = {
        funding_ref(SELF_EVALUATION, Field.SPENT, TOTAL): 140000,
        GOAL_ACHIEVED_CELL: "完成4部电梯大修保养，1部待更换主板",
        e_cell(Field.ACHIEVEMENT, 1): "达成",
        e_cell(Field.ACTUAL, 2): "98%",
        e_cell(Field.CAUSES, 2): "硬件保障",
        e_cell(Field.NOTE, 2): "一台电梯停用更换主板",
        e_cell(Field.ACHIEVEMENT, 3): "部分达成",
        e_cell(Field.ACHIEVEMENT, 4): "达成",
        e_cell(Field.ACHIEVEMENT, 5): "达成",
        e_cell(Field.ACHIEVEMENT, 6): "达成",
        e_cell(Field.ACHIEVEMENT, 7): "达成",
        e_cell(Field.ACHIEVEMENT, 8): "未达成",
        e_cell(Field.SCORE, 8): 5,
        e_cell(Field.NOTE, 8): "主板停产影响使用寿命评估",
        e_cell(Field.ACTUAL, 9): "96%",
    }
    filled = fill(template, folder / "self-filled.xlsx", {"项目03": values})
    result = run("actuals", "import", str(filled), "--db", db)
    assert result.exit_code == 0, result.output

    out = folder / "evaluate.json"
    result = run("evaluate", "445001", "--format", "json", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    [lift] = [p for p in record["projects"] if p["project_seq"] == 3]
    assert Decimal(lift["execution_score"]) == Decimal("9.20")
    scores = {i["indicator_index"]: Decimal(i["score"]) for i in lift["indicators"]}
    assert scores == {
        1: Decimal("12.50"),
        2: Decimal("12.25"),
        3: Decimal("8.75"),
        4: Decimal("12.50"),
        5: Decimal("7.50"),
        6: Decimal("7.50"),
        7: Decimal("7.50"),
        8: Decimal("4.50"),
        9: Decimal("10.00"),
    }
    assert Decimal(lift["total"]) == Decimal("92.20") and lift["grade_label"] == "优"
    rules = {(f["rule"], f.get("indicator_index")) for f in lift["findings"]}
    assert ("evaluate-deviation-unexplained", 3) in rules
    assert ("evaluate-deviation-unexplained", 2) not in rules
    assert ("evaluate-deviation-unexplained", 8) not in rules
    # Projects 1 and 2 were left blank: each indicator is reported missing.
    missing = [f for f in record["findings"] if f["rule"] == "evaluate-actual-missing"]
    assert {f["project_seq"] for f in missing} == {1, 2}

    text = run("evaluate", "445001", "--db", db)
    assert text.exit_code == 0 and "92.20" in text.output and "优" in text.output
    for fmt in ("xlsx", "docx", "html"):
        path = folder / f"evaluate.{fmt}"
        assert run("evaluate", "445001", "-f", fmt, "-o", str(path), "--db", db).exit_code == 0
    document = Document(str(folder / "evaluate.docx"))
    assert any(
        "92.20" in cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
    )
    html = (folder / "evaluate.html").read_text(encoding="utf-8")
    assert "行政中心电梯大修保养" in html and "92.20" in html


def test_import__errors_are_cell_level_and_nothing_is_stored(unit: tuple[Path, str]) -> None:
    """Text in a number cell and a value outside an enumeration: both cells named, nothing
    stored, exit 1; with --partial the rest is stored."""
    folder, db = unit
    template = folder / "m.xlsx"
    assert (
        run(
            "template", "monitoring", "445001", "-p", "7", "-o", str(template), "--db", db
        ).exit_code
        == 0
    )
    spent = funding_ref(MONITORING, Field.SPENT, TOTAL, period=7)
    likelihood = m_cell(Field.LIKELIHOOD, 1)
    bad = fill(template, folder / "bad.xlsx", {"项目01": {spent: "一千元", likelihood: "大概能"}})
    result = run("actuals", "import", str(bad), "--db", db)
    assert result.exit_code == 1
    assert f"项目01!{spent}" in result.stderr and f"项目01!{likelihood}" in result.stderr
    assert "未写入任何数据" in result.stderr
    listed = run("actuals", "list", "--db", db)
    assert "还没有导入" in listed.output

    result = run("actuals", "import", str(bad), "--partial", "--db", db)
    assert result.exit_code == 0, result.output
    assert "445001" in run("actuals", "list", "--db", db).output


def test_import__template_of_another_unit_or_year_is_refused(unit: tuple[Path, str]) -> None:
    folder, db = unit
    template = folder / "m.xlsx"
    assert (
        run(
            "template", "monitoring", "445001", "-p", "7", "-o", str(template), "--db", db
        ).exit_code
        == 0
    )
    result = run("actuals", "import", str(template), "--unit", "430", "--db", db)
    assert result.exit_code == 1 and "模板属于单位 445001" in result.stderr
    result = run("actuals", "import", str(template), "--year", "2024", "--db", db)
    assert result.exit_code == 1 and "模板属于 2025 年度" in result.stderr


def test_monitor__without_actuals_says_what_to_do(unit: tuple[Path, str]) -> None:
    _, db = unit
    result = run("monitor", "445001", "--period", "7", "--db", db)
    assert result.exit_code == 1
    assert "jixiao template monitoring 445001" in result.stderr
    result = run("evaluate", "999999", "--db", db)
    assert result.exit_code == 1 and "请先用 jixiao ingest 读入" in result.stderr


def test_evaluate__bad_config_is_a_clear_error(unit: tuple[Path, str], tmp_path: Path) -> None:
    _, db = unit
    config = tmp_path / "bad.toml"
    config.write_text("[weights]\nouput = 50\n", encoding="utf-8")
    result = run("evaluate", "445001", "--config", str(config), "--db", db)
    assert result.exit_code == 1 and "weights.ouput 不认识" in result.stderr
