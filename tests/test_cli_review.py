"""``jixiao review`` and ``jixiao rules`` through the CLI, on the bundled example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.review import RULES
from jixiao.store import connect, list_reviews

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "demo-999001-2025.txt"


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The example with its 一般公共预算拨款收入 raised by 0.01 万元 in the 收支总表
    (718.18 → 718.19): income no longer equals expenditure."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count("\t718.18\n") >= 1
    path = tmp_path / "broken.txt"
    path.write_text(text.replace("\t718.18\n", "\t718.19\n", 1), encoding="utf-8")
    return path


def test_review__example_is_clean_of_errors_and_stored(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    result = run("review", str(EXAMPLE.parent), "--db", db)  # the README's main job
    assert result.exit_code == 0, result.output
    assert "审核结果" in result.output and "999001" in result.output
    engine = connect(f"sqlite:///{db}")
    try:
        [stored] = list_reviews(engine)
        assert stored.errors == 0
        assert stored.ruleset_version == RULES.version
    finally:
        engine.dispose()


def test_review__error_exits_1_and_json_names_it(tmp_path: Path, broken: Path) -> None:
    out = tmp_path / "r.json"
    result = run("review", str(broken), "--no-store", "--format", "json", "--out", str(out))
    assert result.exit_code == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert errors and {f["family"] for f in errors} == {"arithmetic"}
    assert all(f["file"] == str(broken) for f in errors)
    assert any("718.19" in (f["quote"] or "") or "718.19" in f["message"] for f in errors)


def test_review__select_and_ignore_filter_families(broken: Path) -> None:
    assert run("review", str(broken), "--no-store", "--ignore", "arithmetic").exit_code == 0
    assert run("review", str(broken), "--no-store", "--select", "plan,target").exit_code == 0
    assert run("review", str(broken), "--no-store", "--select", "arithmetic").exit_code == 1


def test_review__unknown_selector_is_a_usage_error(broken: Path) -> None:
    result = run("review", str(broken), "--no-store", "--select", "nosuch-rule")
    assert result.exit_code == 2
    assert "nosuch-rule" in result.output


def test_review__fail_on_warning(tmp_path: Path) -> None:
    """The example prints one blank 依据 and one ≥9090%及以上 on purpose: warnings."""
    result = run("review", str(EXAMPLE), "--no-store", "--fail-on", "warning")
    assert result.exit_code == 1


def test_review__database_alone_reviews_current_versions_and_compares(
    tmp_path: Path, broken: Path
) -> None:
    db = str(tmp_path / "r.db")
    assert run("ingest", str(EXAMPLE), "--db", db).exit_code == 0
    first = run("review", "--db", db)
    assert first.exit_code == 0, first.output
    second = run("review", "--db", db)
    assert "与上次审核相比，新增 0 条，已解决 0 条" in second.output
    engine = connect(f"sqlite:///{db}")
    try:
        assert len(list_reviews(engine)) == 2
    finally:
        engine.dispose()


def test_review__empty_database_and_missing_files_fail_clearly(tmp_path: Path) -> None:
    result = run("review", "--db", str(tmp_path / "empty.db"))
    assert result.exit_code == 1
    assert "数据库中还没有文件" in result.output
    result = run("review", str(tmp_path / "nothing-here"), "--no-store")
    assert result.exit_code == 1


def test_review__html_and_xlsx_reports_written(tmp_path: Path, broken: Path) -> None:
    for fmt in ("html", "xlsx", "text"):
        out = tmp_path / f"report.{fmt}"
        result = run("review", str(broken), "--no-store", "--format", fmt, "--out", str(out))
        assert result.exit_code == 1
        assert out.stat().st_size > 0
    assert "718.19" in (tmp_path / "report.text").read_text(encoding="utf-8")


def test_rules__lists_every_rule_and_prints_markdown() -> None:
    result = run("rules")
    assert result.exit_code == 0
    for rule in RULES:
        assert rule.id in result.output
    markdown = run("rules", "--markdown")
    assert markdown.output.startswith("# 审核规则目录")


def test_review__json_on_stdout_is_parseable(broken: Path) -> None:
    result = CliRunner().invoke(
        app, ["review", str(broken), "--no-store", "--format", "json"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["documents"][0]["unit_code"] == "999001"
    assert "审核结果" in result.stderr
