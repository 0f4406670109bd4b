"""Review reports: the JSON validates against its schema; HTML escapes and filters; XLSX reads back."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from review_build import at, disclosure, indicator, project
from strategies import disclosures
from strategies import findings as generated_findings

import jixiao
from jixiao.model import Disclosure, Finding, Severity
from jixiao.publish.review_html import render_review_html
from jixiao.publish.review_report import FORMATS, review_report_json, write_review_report
from jixiao.review import INTERNAL_ERROR, RULES, ReviewResult, Rule, grade_review, review

REPO = Path(__file__).resolve().parent.parent
SCHEMA_PATH = REPO / "docs" / "schema" / "review.schema.json"
DEMO = REPO / "examples" / "demo-999001-2025.txt"

KNOWN = "report-test-known-rule"

FINDING_KEYS = [
    "rule",
    "rule_title",
    "severity",
    "family",
    "message",
    "file",
    "unit_code",
    "fiscal_year",
    "project_seq",
    "project_title",
    "indicator_index",
    "indicator_name",
    "table",
    "code",
    "line",
    "page",
    "row",
    "column",
    "location",
    "quote",
    "fields",
    "reference",
]

XLSX_HEADER = [
    "文件",
    "单位编码",
    "单位名称",
    "年度",
    "严重程度",
    "类别",
    "规则",
    "规则名称",
    "项目序号",
    "项目名称",
    "指标序号",
    "指标名称",
    "表格",
    "科目编码",
    "行号",
    "说明",
    "原文",
    "依据",
]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def known_rule(monkeypatch: pytest.MonkeyPatch) -> Iterator[Rule]:
    """A rule registered for this test only, so titles and references are known
    whatever rules the families register."""
    added = Rule(
        id=KNOWN,
        severity=Severity.WARNING,
        title="比率类指标值不应超过100%",
        tags=("target",),
        reference="RULES.md §2（jixiao practice）",
        message="指标「{name}」为比率，指标值 {target} 超过100%",
        example={"name": "资金到位率", "target": "≥110%"},
        check=lambda d: iter(()),
    )
    monkeypatch.setitem(RULES._rules, KNOWN, added)
    yield added


def result_of(
    doc: Disclosure, findings: tuple[Finding, ...] = (), version: str = "test0001"
) -> ReviewResult:
    """A review result of ``findings`` on ``doc``, graded as the runner grades."""
    grade, project_grades = grade_review(findings, [(p.seq, p.title) for p in doc.projects])
    return ReviewResult(
        disclosure=doc,
        findings=findings,
        grade=grade,
        project_grades=project_grades,
        ruleset_version=version,
    )


SCRIPT_QUOTE = '<script>alert("x")</script> & 合计'


def sample() -> ReviewResult:
    """Two projects; one finding about a budget row, one about an indicator, a
    reader's note and a runner error."""
    doc = disclosure(
        projects=[
            project(1, indicators_=[indicator("资金到位率", "≥110%", index=2)]),
            project(2, "培训项目"),
        ]
    )
    findings = (
        Finding(
            rule="sum-mismatch-test",
            severity=Severity.ERROR,
            message="「一般公共服务支出」合计 12.00万元，下级之和 11.00万元",
            location=at(12, table="部门预算支出总表", row=3, column="合计"),
            quote=SCRIPT_QUOTE,
            fields=(("expected", "11.00万元"), ("actual", "12.00万元")),
            family="arithmetic",
            code="201",
        ),
        Finding(
            rule=KNOWN,
            severity=Severity.WARNING,
            message="指标「资金到位率」为比率，指标值 ≥110% 超过100%",
            location=at(102, table="1.办公设备购置项目绩效目标表", row=2),
            quote="≥110%",
            fields=(("name", "资金到位率"), ("target", "≥110%")),
            family="target",
            project_seq=1,
            project_title="1.办公设备购置项目绩效目标表",
            indicator_index=2,
            indicator_name="资金到位率",
        ),
        Finding(
            rule="ingest-trailing-cells-missing",
            severity=Severity.INFO,
            message="文件末尾的最后一行缺少 1 个空白单元格，已按空白读取。",
            location=at(606),
            family="ingest",
        ),
        Finding(
            rule=INTERNAL_ERROR,
            severity=Severity.ERROR,
            message="规则 x 运行出错（jixiao 的缺陷，请报告）：KeyError('a')",
            fields=(("rule", "x"),),
            family="plan",
        ),
    )
    return result_of(doc, findings)


def written(tmp_path: Path, results: list[ReviewResult], fmt: str) -> Path:
    path = tmp_path / "nested" / "out" / f"report.{fmt}"
    write_review_report(results, path, fmt)
    assert path.is_file()
    return path


# --- JSON ------------------------------------------------------------------------------


def test_json__validates_against_schema(validator, known_rule) -> None:
    data = review_report_json([sample(), result_of(disclosure(unit_name="另一单位"))])
    validator.validate(data)
    assert data["format"] == "jixiao-review"
    assert data["version"] == 1
    assert data["jixiao_version"] == jixiao.__version__
    assert data["ruleset_version"] == "test0001"


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _drop(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


@pytest.mark.parametrize(
    "mutate",
    [
        _set(["format"], "jixiao-disclosure"),
        _set(["version"], 2),
        _drop(["findings"]),
        _set(["findings", 0, "severity"], "fatal"),
        _set(["findings", 0, "line"], "12"),
        _set(["findings", 0, "fields", "expected"], 11),
        _set(["findings", 0, "surprise"], 1),
        _drop(["findings", 0, "quote"]),
        _set(["documents", 0, "grade", "label"], "A"),
        _set(["documents", 0, "score"], 101),
        _set(["documents", 0, "counts", "error"], -1),
        _drop(["documents", 0, "projects", 0, "grade"]),
    ],
    ids=[
        "format",
        "version",
        "no-findings",
        "severity",
        "line-as-text",
        "field-as-number",
        "extra-key",
        "missing-quote",
        "grade-label",
        "score-over-100",
        "negative-count",
        "project-without-grade",
    ],
)
def test_json__broken_document_fails_schema(validator, known_rule, mutate) -> None:
    data = copy.deepcopy(review_report_json([sample()]))
    mutate(data)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_json__finding_fields_are_the_findings(known_rule) -> None:
    data = review_report_json([sample()])
    row, indicator_row, note, internal = data["findings"]
    assert list(row) == FINDING_KEYS
    assert row == {
        "rule": "sum-mismatch-test",
        "rule_title": None,
        "severity": "error",
        "family": "arithmetic",
        "message": "「一般公共服务支出」合计 12.00万元，下级之和 11.00万元",
        "file": "test.txt",
        "unit_code": "999001",
        "fiscal_year": 2025,
        "project_seq": None,
        "project_title": None,
        "indicator_index": None,
        "indicator_name": None,
        "table": "部门预算支出总表",
        "code": "201",
        "line": 12,
        "page": None,
        "row": 3,
        "column": "合计",
        "location": "test.txt:12 部门预算支出总表 第3行 合计",
        "quote": SCRIPT_QUOTE,
        "fields": {"expected": "11.00万元", "actual": "12.00万元"},
        "reference": None,
    }
    assert indicator_row["rule_title"] == "比率类指标值不应超过100%"
    assert indicator_row["reference"] == "RULES.md §2（jixiao practice）"
    assert (
        indicator_row["project_seq"],
        indicator_row["project_title"],
        indicator_row["indicator_index"],
        indicator_row["indicator_name"],
    ) == (1, "1.办公设备购置项目绩效目标表", 2, "资金到位率")
    assert indicator_row["fields"] == {"name": "资金到位率", "target": "≥110%"}
    assert (note["rule"], note["family"], note["severity"], note["line"]) == (
        "ingest-trailing-cells-missing",
        "ingest",
        "info",
        606,
    )
    assert note["rule_title"] is None
    # A finding without a location still names the document's file.
    assert internal["rule_title"] == "规则运行出错（jixiao 的缺陷）"
    assert (internal["file"], internal["line"], internal["location"]) == ("test.txt", None, None)


def test_json__family_falls_back_to_the_rules(known_rule) -> None:
    doc = disclosure()
    found = (
        Finding(rule=KNOWN, severity=Severity.WARNING, message="m"),
        Finding(rule="not-registered", severity=Severity.INFO, message="n"),
    )
    data = review_report_json([result_of(doc, found)])
    assert [f["family"] for f in data["findings"]] == ["target", None]
    assert data["documents"][0]["family_counts"] == {"target": 1, "other": 1}


def test_json__document_grade_counts_and_projects(known_rule) -> None:
    result = sample()
    (document,) = review_report_json([result])["documents"]
    assert list(document) == [
        "file",
        "sha256",
        "unit_code",
        "unit_name",
        "fiscal_year",
        "ruleset_version",
        "score",
        "grade",
        "counts",
        "family_counts",
        "projects",
    ]
    assert document["unit_name"] == "示范县机关事务服务中心"
    assert document["score"] == float(result.grade.score)
    assert document["grade"] == {
        "value": result.grade.grade.value,
        "label": result.grade.grade.label,
    }
    assert document["counts"] == {"error": 2, "warning": 1, "info": 1}
    assert document["family_counts"] == {"arithmetic": 1, "target": 1, "plan": 1, "ingest": 1}
    assert document["projects"] == [
        {
            "seq": 1,
            "title": "1.办公设备购置项目绩效目标表",
            "score": 97,
            "grade": {"value": "excellent", "label": "优"},
            "counts": {"error": 0, "warning": 1, "info": 0},
        },
        {
            "seq": 2,
            "title": "2.培训项目绩效目标表",
            "score": 100,
            "grade": {"value": "excellent", "label": "优"},
            "counts": {"error": 0, "warning": 0, "info": 0},
        },
    ]


def test_json__ruleset_version__none_when_mixed_or_empty() -> None:
    doc = disclosure()
    assert (
        review_report_json([result_of(doc, version="a"), result_of(doc, version="b")])[
            "ruleset_version"
        ]
        is None
    )
    assert review_report_json([])["ruleset_version"] is None


def test_json__file_is_the_same_document(tmp_path, known_rule) -> None:
    results = [sample()]
    path = written(tmp_path, results, "json")
    text = path.read_text(encoding="utf-8")
    assert "示范县" in text  # Chinese unescaped
    assert json.loads(text) == review_report_json(results)


# --- HTML ------------------------------------------------------------------------------


def test_html__escapes_a_quote_with_a_script(known_rule) -> None:
    page = render_review_html([sample()])
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; 合计" in page
    assert page.count("<script") == 1  # only the filter script


def test_html__escapes_every_document_text() -> None:
    doc = disclosure(
        unit_name="<b>单位</b>",
        projects=[project(1, "<img src=x onerror=alert(1)>")],
    )
    found = (
        Finding(
            rule="r-test",
            severity=Severity.WARNING,
            message="<i>说明</i>",
            location=at(3, table='表"<x>'),
            project_seq=1,
            project_title="1.<img src=x onerror=alert(1)>绩效目标表",
            indicator_index=1,
            indicator_name="<u>指标</u>",
            family='fam"ily',
        ),
    )
    page = render_review_html([result_of(doc, found)])
    for raw in ("<b>单位", "<img", "<i>说明", "<u>指标", 'fam"ily', '表"<x>'):
        assert raw not in page
    assert "&lt;i&gt;说明&lt;/i&gt;" in page
    assert 'data-family="fam&#34;ily"' in page


def test_html__contains_each_message_and_the_filter_controls(known_rule) -> None:
    result = sample()
    page = render_review_html([result])
    for finding in result.findings:
        assert finding.message.replace("'", "&#39;") in page
    for severity in ("error", "warning", "info"):
        assert f'name="severity" value="{severity}"' in page
    for family in ("arithmetic", "target", "plan", "ingest"):
        assert f'name="family" value="{family}"' in page
    assert page.count('type="checkbox"') == 3 + 4
    assert page.count('class="finding ') == 4


def test_html__document_header_groups_and_projects(known_rule) -> None:
    page = render_review_html([sample()])
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page
    assert "示范县机关事务服务中心" in page and "2025年" in page
    assert "test.txt" in page
    # document-level findings grouped by family, in family order
    body = page[page.index("单位层面审核意见") : page.index("项目审核意见")]
    headings = re.findall(r"<h4>(.+?)（(\d+)）</h4>", body)
    assert headings == [("表内表间勾稽", "1"), ("资金支出计划", "1"), ("读取", "1")]
    # projects with their grade; the indicator is named on its finding
    projects = page[page.index("项目审核意见") :]
    assert "1.办公设备购置项目绩效目标表" in projects
    assert "2.培训项目绩效目标表" in projects and "无审核意见" in projects
    assert "指标 2「资金到位率」" in projects
    assert "test.txt:102 1.办公设备购置项目绩效目标表 第2行" in projects
    # rule id, title and reference
    assert "<code>report-test-known-rule</code> 比率类指标值不应超过100%" in page
    assert "依据：RULES.md §2（jixiao practice）" in page


def test_html__self_contained_and_printable(known_rule) -> None:
    page = render_review_html([sample(), result_of(disclosure(unit_name="另一单位"))])
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    assert "@media print" in page and "break-before: page" in page
    assert 'name="viewport"' in page
    # two documents: a summary table linking to each
    assert 'href="#doc-1"' in page and 'href="#doc-2"' in page


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_html__filter_script_is_valid_javascript(tmp_path, known_rule) -> None:
    page = render_review_html([sample()])
    (script,) = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    path = tmp_path / "filter.js"
    path.write_text(script, encoding="utf-8")
    subprocess.run(["node", "--check", str(path)], check=True, capture_output=True)


# --- XLSX ------------------------------------------------------------------------------


def test_xlsx__one_row_per_finding_frozen_header_and_filter(tmp_path, known_rule) -> None:
    result = sample()
    book = load_workbook(written(tmp_path, [result], "xlsx"))
    assert book.sheetnames == ["审核意见", "审核结果"]
    sheet = book["审核意见"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == XLSX_HEADER
    assert len(rows) == 1 + len(result.findings)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:R{1 + len(result.findings)}"
    assert rows[1] == (
        "test.txt",
        "999001",
        "示范县机关事务服务中心",
        2025,
        "错误",
        "表内表间勾稽",
        "sum-mismatch-test",
        None,
        None,
        None,
        None,
        None,
        "部门预算支出总表",
        "201",
        12,
        "「一般公共服务支出」合计 12.00万元，下级之和 11.00万元",
        SCRIPT_QUOTE,
        None,
    )
    second = dict(zip(XLSX_HEADER, rows[2], strict=True))
    assert second["项目序号"] == 1 and second["指标序号"] == 2
    assert second["规则名称"] == "比率类指标值不应超过100%"
    assert second["依据"] == "RULES.md §2（jixiao practice）"
    assert sheet["P2"].alignment.wrap_text  # 说明 wraps
    assert sheet.column_dimensions["P"].width >= 40


def test_xlsx__results_sheet_has_document_and_projects(tmp_path, known_rule) -> None:
    result = sample()
    sheet = load_workbook(written(tmp_path, [result], "xlsx"))["审核结果"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:9] == (
        "文件",
        "单位编码",
        "单位名称",
        "年度",
        "层级",
        "项目序号",
        "项目名称",
        "审核结果",
        "得分",
    )
    assert rows[0][9:] == ("错误", "警告", "提示", "合计")
    assert len(rows) == 1 + 1 + 2
    assert rows[1][4:] == (
        "单位",
        None,
        None,
        result.grade.grade.label,
        float(result.grade.score),
        2,
        1,
        1,
        4,
    )
    assert rows[2][4:] == ("项目", 1, "1.办公设备购置项目绩效目标表", "优", 97, 0, 1, 0, 1)
    assert isinstance(rows[1][3], int) and isinstance(rows[1][8], int | float)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:M4"


def test_xlsx__document_text_is_never_a_formula_nor_illegal(tmp_path) -> None:
    found = (
        Finding(
            rule="r-test",
            severity=Severity.INFO,
            message='=HYPERLINK("http://x")',
            quote="a\x0bb\x00c",
            location=at(1),
        ),
    )
    rows = list(
        load_workbook(written(tmp_path, [result_of(disclosure(), found)], "xlsx"))[
            "审核意见"
        ].iter_rows(values_only=True)
    )
    assert rows[1][15] == '=HYPERLINK("http://x")'
    assert rows[1][16] == "a\ufffdb\ufffdc"


# --- all formats ------------------------------------------------------------------------


def test_write__unknown_format_raises_value_error(tmp_path) -> None:
    path = tmp_path / "out" / "report.pdf"
    with pytest.raises(ValueError, match="pdf"):
        write_review_report([], path, "pdf")
    assert not path.exists()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("how", ["no-results", "no-findings"])
def test_write__empty_review_renders(tmp_path, validator, fmt, how) -> None:
    results = [] if how == "no-results" else [review(disclosure(), select=["ingest"])]
    path = written(tmp_path, results, fmt)
    if fmt == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        validator.validate(data)
        assert data["findings"] == []
        assert len(data["documents"]) == len(results)
    elif fmt == "html":
        page = path.read_text(encoding="utf-8")
        assert 'name="severity" value="error"' in page
        assert 'class="finding ' not in page
    else:
        book = load_workbook(path)
        rows = list(book["审核意见"].iter_rows(values_only=True))
        assert rows == [tuple(XLSX_HEADER)]
        assert book["审核意见"].auto_filter.ref == "A1:R1"


def test_write__bare_input_never_crashes(tmp_path, validator) -> None:
    # A project with nothing in it, a finding with nothing but its rule.
    bare = project(1, "", indicators_=[], budget_total=None, plan=None, goals=(), purpose=None)
    found = (Finding(rule="r", severity=Severity.INFO, message="", project_seq=7),)
    results = [result_of(disclosure(projects=[bare], money_unit=None), found)]
    for fmt in FORMATS:
        written(tmp_path, results, fmt)
    validator.validate(review_report_json(results))
    page = render_review_html(results)
    assert "项目 7" in page  # a finding naming a project the document lacks is still shown


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(d=disclosures, extra=st.lists(generated_findings, max_size=4))
def test_write__every_generated_review_validates_and_renders(
    tmp_path, validator, d: Disclosure, extra: list[Finding]
) -> None:
    result = review(d)
    result = result_of(d, (*result.findings, *extra), result.ruleset_version)
    validator.validate(review_report_json([result]))
    render_review_html([result])
    write_review_report([result], tmp_path / "g.xlsx", "xlsx")


@pytest.mark.seeds
@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004", "demo"])
def test_seeds__reports_hold_every_finding(tmp_path, validator, request, key) -> None:
    from jixiao.ingest import read_disclosure

    # The demo ships with jixiao; only the seeds may be absent (the fixture skips then).
    path = DEMO if key == "demo" else request.getfixturevalue("seed_path")(key)
    result = review(read_disclosure(path))
    data = review_report_json([result])
    validator.validate(data)
    assert len(data["findings"]) == len(result.findings)
    assert [p["seq"] for p in data["documents"][0]["projects"]] == [
        p.seq for p in result.disclosure.projects
    ]
    page = render_review_html([result])
    assert page.count('class="finding ') == len(result.findings)
    sheet = load_workbook(written(tmp_path, [result], "xlsx"))["审核意见"]
    assert sheet.max_row == 1 + len(result.findings)


def test_docs__json_example_validates(validator) -> None:
    text = (REPO / "docs" / "review-report.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```json\n(.*?)```", text, flags=re.S)
    validator.validate(json.loads(example))
