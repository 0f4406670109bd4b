"""The command line: exit codes, Chinese messages, what ends up in the database.

Most tests replace ``jixiao.cli.read_disclosure`` with a function returning
hand-built disclosures, so they test the command, not the parser; the seed tests
at the end run the real reader.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from strategies import sample_disclosure
from typer.testing import CliRunner, Result

import jixiao
import jixiao.cli as cli
import jixiao.store.documents as documents_module
from jixiao.ingest import IngestError
from jixiao.model import Disclosure
from jixiao.model.codec import documents_from_json
from jixiao.store import connect, list_documents
from jixiao.store.bulk import insert_rows
from jixiao.store.schema import metadata

COMMANDS = ("ingest", "list", "show", "export", "demo")
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(*args: str) -> Result:
    """Invoke ``jixiao`` with a wide terminal, so tables do not fold."""
    return CliRunner().invoke(cli.app, list(args), env={"COLUMNS": "240"})


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def stored(db: str, *, current_only: bool = True) -> list[tuple[str, int, int]]:
    engine = connect(db if "://" in db else f"sqlite:///{db}")
    try:
        docs = list_documents(engine, current_only=current_only)
    finally:
        engine.dispose()
    return [(s.unit_code, s.fiscal_year, s.version) for s in docs]


def row_counts(db: str) -> dict[str, int]:
    engine = connect(f"sqlite:///{db}")
    try:
        with engine.connect() as connection:
            return {
                name: connection.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for name, t in metadata.tables.items()
            }
    finally:
        engine.dispose()


def fake_reader(
    monkeypatch: pytest.MonkeyPatch, by_name: dict[str, Disclosure | Exception]
) -> Callable[[Path], Disclosure]:
    """Make ``read_disclosure`` return (or raise) what ``by_name`` says for a file name."""

    def read(path: str | Path) -> Disclosure:
        outcome = by_name[Path(path).name]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    monkeypatch.setattr(cli, "read_disclosure", read)
    return read


def files(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("（文件内容由替换的读取函数给出）", encoding="utf-8")
    return folder


def test_version__prints_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"jixiao {jixiao.__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_help__every_command_has_chinese_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert CJK.search(cli.app.registered_commands[COMMANDS.index(command)].callback.__doc__)
    assert CJK.search(result.output)


def test_ingest__failed_file_reported_others_stored(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = files(tmp_path / "docs", "a.txt", "bad.txt", "c.txt", "crash.txt")
    fake_reader(
        monkeypatch,
        {
            "a.txt": sample_disclosure(unit_code="445001"),
            "bad.txt": IngestError(
                "不是预算公开文件：找不到单位名称", path=str(folder / "bad.txt"), line=3
            ),
            "c.txt": sample_disclosure(unit_code="507001", fiscal_year=2024),
            "crash.txt": UnicodeDecodeError("gb18030", b"\xff", 0, 1, "illegal"),
        },
    )
    result = run("ingest", str(folder), "--db", db)
    assert result.exit_code == 1
    assert f"文件 {folder / 'bad.txt'} 第 3 行：不是预算公开文件：找不到单位名称" in result.output
    assert "crash.txt" in result.output and "UnicodeDecodeError" in result.output
    assert re.search(r"a\.txt\s.*445001.*新增", result.output)
    assert re.search(r"bad\.txt\s.*失败", result.output)
    assert "共 4 个文件：新增 2，新版本 0，未变化 0，失败 2。" in result.output
    assert stored(db) == [("445001", 2025, 1), ("507001", 2024, 1)]


def test_ingest__failed_save_leaves_nothing_of_that_file(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = files(tmp_path / "docs", "a.txt", "b.txt")
    good, broken = sample_disclosure(unit_code="445001"), sample_disclosure(unit_code="507001")
    fake_reader(monkeypatch, {"a.txt": good, "b.txt": broken})

    def failing(connection: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
        if table.name == "indicators" and rows[0]["document_id"] == 2:
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))
        insert_rows(connection, table, rows)

    monkeypatch.setattr(documents_module, "insert_rows", failing)
    result = run("ingest", str(folder), "--db", db)
    assert result.exit_code == 1
    assert f"文件 {folder / 'b.txt'}：存入数据库失败" in result.output
    assert stored(db) == [("445001", 2025, 1)]
    counts = row_counts(db)
    assert counts["documents"] == 1 and counts["indicators"] == 3 and counts["projects"] == 1


def test_ingest__again_unchanged_then_new_version(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = files(tmp_path / "docs", "a.txt")
    fake_reader(monkeypatch, {"a.txt": sample_disclosure(content="v1")})
    assert run("ingest", str(folder / "a.txt"), "--db", db).exit_code == 0
    again = run("ingest", str(folder / "a.txt"), "--db", db)
    assert again.exit_code == 0 and "未变化" in again.output
    fake_reader(monkeypatch, {"a.txt": sample_disclosure(content="v2")})
    changed = run("ingest", str(folder / "a.txt"), "--db", db)
    assert changed.exit_code == 0 and "新版本" in changed.output
    assert stored(db, current_only=False) == [("445001", 2025, 1), ("445001", 2025, 2)]


def test_ingest__no_documents_found(tmp_path: Path, db: str) -> None:
    result = run("ingest", str(files(tmp_path / "empty")), "--db", db)
    assert result.exit_code == 1
    assert "没有找到可读取的文件" in result.output


def test_ingest__unreachable_database(tmp_path: Path) -> None:
    folder = files(tmp_path / "docs", "a.txt")
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/none"
    result = run("ingest", str(folder), "--db", url)
    assert result.exit_code == 1
    assert "无法打开数据库" in result.output and "secret" not in result.output


def test_usage_error__exit_2(db: str) -> None:
    assert run("export", "--format", "yaml", "--out", "x", "--db", db).exit_code == 2
    assert run("ingest").exit_code == 2
    assert run("frobnicate").exit_code == 2


@pytest.fixture
def filled(tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch) -> list[Disclosure]:
    """A database holding two units, one of them in two versions."""
    docs = {
        "a.txt": sample_disclosure(content="v1"),
        "b.txt": dataclasses.replace(
            sample_disclosure(unit_code="507001", fiscal_year=2024), unit_name="乐亭县机关事务中心"
        ),
    }
    fake_reader(monkeypatch, docs)
    assert run("ingest", str(files(tmp_path / "docs", *docs)), "--db", db).exit_code == 0
    v2 = dataclasses.replace(sample_disclosure(content="v2"), unit_name="玉田县机关事务服务中心")
    fake_reader(monkeypatch, {"a2.txt": v2})
    assert run("ingest", str(files(tmp_path / "v2", "a2.txt")), "--db", db).exit_code == 0
    return [v2, docs["b.txt"]]


def test_list__current_and_all(filled: list[Disclosure], db: str) -> None:
    current = run("list", "--db", db)
    assert current.exit_code == 0
    assert "玉田县机关事务服务中心" in current.output and "507001" in current.output
    assert "（历史）" not in current.output and "玉田县机关事务中心" not in current.output
    everything = run("list", "--all", "--db", db)
    assert "玉田县机关事务中心" in everything.output  # version 1 keeps its name
    assert "1（历史）" in everything.output


def test_show__document_and_project(filled: list[Disclosure], db: str) -> None:
    overview = run("show", "445001", "--db", db)
    assert overview.exit_code == 0
    assert "玉田县机关事务服务中心（445001） 2025 年度" in overview.output
    assert "部门预算支出总表" in overview.output and "公务用车运维" in overview.output
    assert "指标值未能解析：较上年有所改善" in overview.output
    project = run("show", "445001", "--year", "2025", "--project", "1", "--db", db)
    assert project.exit_code == 0
    assert "预算数：35000.00 元" in project.output
    assert "公务用车督导检查次数" in project.output and "定量 ≥6次" in project.output
    assert "12月底" in project.output and "累计百分比" in project.output
    assert "未解析" in project.output


def test_show__not_found_exit_1(filled: list[Disclosure], db: str) -> None:
    missing = run("show", "999999", "--db", db)
    assert missing.exit_code == 1 and "数据库中没有单位 999999 的文件" in missing.output
    no_project = run("show", "445001", "--project", "7", "--db", db)
    assert no_project.exit_code == 1 and "没有序号为 7 的项目（现有序号：1）" in no_project.output


def test_export__json_csv_xlsx(filled: list[Disclosure], db: str, tmp_path: Path) -> None:
    result = run("export", "--format", "json", "--out", str(tmp_path / "o.json"), "--db", db)
    assert result.exit_code == 0 and "已导出 2 个文件" in result.output
    data = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert documents_from_json(data) == filled
    everything = run(
        "export", "--format", "json", "--all", "--out", str(tmp_path / "all.json"), "--db", db
    )
    assert everything.exit_code == 0 and "已导出 3 个文件" in everything.output
    all_docs = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["documents"]
    assert len(all_docs) == 3

    assert (
        run("export", "--format", "csv", "--out", str(tmp_path / "csv"), "--db", db).exit_code == 0
    )
    indicators = (tmp_path / "csv" / "indicators.csv").read_text(encoding="utf-8-sig")
    assert "公务用车督导检查次数" in indicators
    assert (
        run("export", "--format", "xlsx", "--out", str(tmp_path / "o.xlsx"), "--db", db).exit_code
        == 0
    )
    assert (tmp_path / "o.xlsx").stat().st_size > 0


def test_demo__ingests_examples_into_new_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    examples = files(tmp_path / "examples", "demo-1.txt", "demo-2.txt")
    monkeypatch.setattr(cli, "examples_dir", lambda: examples)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    fake_reader(
        monkeypatch,
        {"demo-1.txt": sample_disclosure(), "demo-2.txt": sample_disclosure(unit_code="507001")},
    )
    result = run("demo")
    assert result.exit_code == 0, result.output
    (database,) = (tmp_path / "tmp").glob("jixiao-demo-*/jixiao.db")
    assert f"示例数据库：{database}" in result.output
    assert "共 2 个文件：新增 2" in result.output
    assert stored(str(database)) == [("445001", 2025, 1), ("507001", 2025, 1)]


def test_demo__no_examples_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "examples_dir", lambda: None)
    result = run("demo")
    assert result.exit_code == 1 and "找不到示例文件" in result.output


def _reader_works(path: Path) -> bool:
    try:
        jixiao.ingest.read_disclosure(path)
    except NotImplementedError:
        return False
    return True


@pytest.mark.seeds
def test_ingest__real_seeds(seeds_dir: Path, db: str) -> None:
    if not _reader_works(next(iter(sorted(seeds_dir.glob("*.txt"))))):
        pytest.skip("the reader is not written yet")
    result = run("ingest", str(seeds_dir), "--db", db)
    assert result.exit_code == 0, result.output
    assert {unit for unit, _, _ in stored(db)} == {"445001", "430", "430002", "430001", "507001"}
    again = run("ingest", str(seeds_dir), "--db", db)
    assert "未变化 5" in again.output


def test_demo__real_examples(tmp_path: Path) -> None:
    folder = cli.examples_dir()
    if folder is None or not any(folder.glob("*.txt")):
        pytest.skip("no examples/ folder")
    if not _reader_works(next(iter(sorted(folder.glob("*.txt"))))):
        pytest.skip("the reader is not written yet")
    result = run("demo", "--db", str(tmp_path / "demo.db"))
    assert result.exit_code == 0, result.output
    assert "失败 0" in result.output
