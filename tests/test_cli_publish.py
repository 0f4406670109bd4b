"""``jixiao publish`` and ``jixiao template xlsx`` through the command line: stored seeds out
as DOCX, XLSX, HTML, PDF and a data package, one unit or all; errors and exit codes.

The database holds seed 000 (玉田县机关事务中心, 445001, 2025, 3 projects, 元) and seed
003 (临西县机关后勤服务中心, 430001, 2024, 11 projects, 万元).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from frictionless import validate
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from jixiao.cli import app
from jixiao.publish.errors import PublishError

pytestmark = pytest.mark.seeds

YUTIAN = ("445001", "玉田县机关事务中心", "公务用车平台办公室经费")
LINXI = ("430001", "临西县机关后勤服务中心", "城市夜景品质提升项目-临西大剧院")


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def db(seed_path, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("publish") / "publish.db")
    result = run("ingest", str(seed_path("000")), str(seed_path("003")), "--db", path)
    assert result.exit_code == 0, result.output
    return path


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def xlsx_text(path: Path) -> str:
    book = load_workbook(path, read_only=True)
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def test_publish__docx_default_name(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("publish", "445001", "--db", db)
    assert result.exit_code == 0, result.output
    path = tmp_path / "445001-2025-部门预算公开.docx"
    assert "已生成 Word 文档" in result.output and "3 个项目" in result.output
    text = docx_text(path)
    assert YUTIAN[1] in text and YUTIAN[2] in text
    assert "400000.00" in text  # its budget, as printed


def test_publish__xlsx(db: str, tmp_path: Path) -> None:
    out = tmp_path / "临西.xlsx"
    result = run("publish", "430001", "--format", "xlsx", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    text = xlsx_text(out)
    assert LINXI[1] in text and LINXI[2] in text


def test_publish__html_with_year(db: str, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = run("publish", "445001", "-y", "2025", "-f", "html", "-o", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert YUTIAN[1] in html and YUTIAN[2] in html


def test_publish__pdf(db: str, tmp_path: Path) -> None:
    from jixiao.publish.disclosure_pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "yutian.pdf"
    result = run("publish", "445001", "--format", "pdf", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert YUTIAN[2] in text.replace(" ", "").replace("\n", "")


def test_publish__pdf_without_libreoffice_exit_1(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jixiao.publish.disclosure_pdf as pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    result = run("publish", "445001", "-f", "pdf", "-o", str(tmp_path / "x.pdf"), "--db", db)
    assert result.exit_code == 1
    assert "LibreOffice" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_publish__datapackage_one_unit(db: str, tmp_path: Path) -> None:
    out = tmp_path / "linxi"
    result = run("publish", "430001", "--format", "datapackage", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    report = validate(out / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    rows = {t.name: t.stats.get("rows", 0) for t in report.tasks}
    assert (rows["documents"], rows["projects"]) == (1, 11)
    assert (out / "parquet" / "projects.parquet").is_file()


def test_publish__all_as_one_datapackage(db: str, tmp_path: Path) -> None:
    out = tmp_path / "open-data"
    result = run("publish", "--all", "--format", "datapackage", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    assert "2 份文件" in result.output
    documents = (out / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert sorted(line.split(",")[0] for line in documents[1:]) == ["430001", "445001"]


def test_publish__all_documents_one_per_unit(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("publish", "--all", "--format", "docx", "--db", db)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "部门预算公开"
    assert sorted(p.name for p in folder.iterdir()) == [
        "430001-2024-部门预算公开.docx",
        "445001-2025-部门预算公开.docx",
    ]
    assert LINXI[2] in docx_text(folder / "430001-2024-部门预算公开.docx")
    assert "已生成 2 个 Word 文档" in result.output


def test_publish__all_goes_on_after_a_failure(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jixiao.publish.disclosure_docx as docx_module

    real = docx_module.write_disclosure_docx

    def write(disclosure, path):
        if disclosure.unit_code == "430001":
            raise PublishError("表格无法排版（测试）")
        return real(disclosure, path)

    monkeypatch.setattr(docx_module, "write_disclosure_docx", write)
    result = run("publish", "--all", "--out", str(tmp_path), "--db", db)
    assert result.exit_code == 1
    assert "表格无法排版（测试）" in result.output and "失败 1 个" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["445001-2025-部门预算公开.docx"]


def test_publish__writer_error_exit_1(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jixiao.publish.disclosure_docx as docx_module

    def fail(disclosure, path):
        raise PublishError("无法写入（测试）")

    monkeypatch.setattr(docx_module, "write_disclosure_docx", fail)
    result = run("publish", "445001", "--out", str(tmp_path / "x.docx"), "--db", db)
    assert result.exit_code == 1
    assert "无法写入（测试）" in result.output


def test_publish__a_file_instead_of_a_unit(seed_path, tmp_path: Path) -> None:
    """A file is read as ``jixiao ingest`` would and published without a database."""
    out = tmp_path / "beidaihe.html"
    result = run("publish", str(seed_path("002")), "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "秦皇岛市北戴河区机关事务管理局" in out.read_text(encoding="utf-8")
    assert not (tmp_path / "jixiao.db").exists()


def test_publish__stored_unit_year_reference(db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    result = run("publish", "430001/2024", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    assert LINXI[1] in docx_text(out)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("999",), 1, "数据库中没有单位 999 的预算公开文件"),
        (("445001", "--year", "2020"), 1, "没有单位 445001 2020 年度的文件（已有年度：2025）"),
        (("不存在的文件.txt",), 1, "找不到文件 不存在的文件.txt"),
        ((), 2, "请给出单位编码或文件"),
        (("445001", "--all"), 2, "--all 与单位编码不能同时使用"),
        (("445001", "--format", "odt"), 2, "odt"),
    ],
)
def test_publish__errors(
    db: str, tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    result = run("publish", *args, "--out", str(tmp_path / "out"), "--db", db)
    assert result.exit_code == code
    assert message in result.output
    assert not (tmp_path / "out").exists()


def test_publish__all_with_no_stored_year(db: str, tmp_path: Path) -> None:
    result = run("publish", "--all", "--year", "2019", "-f", "datapackage", "--db", db)
    assert result.exit_code == 1
    assert "数据库中没有 2019 年度的预算公开文件" in result.output


def test_template_xlsx__blank_and_prefilled(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    blank = run("template", "xlsx")
    assert blank.exit_code == 0, blank.output
    assert "空白模板" in blank.output
    assert LINXI[2] not in xlsx_text(tmp_path / "部门预算公开模板.xlsx")

    filled = run("template", "xlsx", "430001", "--db", db)
    assert filled.exit_code == 0, filled.output
    text = xlsx_text(tmp_path / "430001-2024-部门预算公开模板.xlsx")
    assert LINXI[1] in text and LINXI[2] in text


def test_help__chinese() -> None:
    for command in (("publish",), ("template", "xlsx")):
        result = run(*command, "--help")
        assert result.exit_code == 0
        assert "部门预算公开" in result.output
    listed = run("--help").output
    assert "publish" in listed
    assert "xlsx" in run("template", "--help").output
