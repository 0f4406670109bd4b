"""The review machinery: registry, runner, grade, comparison, catalogue, store.

The rule families have their own test files (``test_review_<family>.py``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from review_build import (
    at,
    disclosure,
    indicator,
    project,
    table,
)

from jixiao.model import (
    BudgetColumn,
    BudgetRow,
    BudgetTable,
    CellValue,
    ColumnRole,
    Finding,
    Grade,
    Severity,
    TableKind,
)
from jixiao.review import (
    FAMILIES,
    INTERNAL_ERROR,
    RULES,
    GradeScheme,
    RuleSet,
    grade_review,
    hit,
    review,
)
from jixiao.review.catalogue import rules_markdown
from jixiao.review.compare import compare_findings
from jixiao.review.stored import store_review
from jixiao.review.text import format_finding
from jixiao.store import connect, list_reviews, load_review, save_disclosure

REPO = Path(__file__).resolve().parent.parent


def _ruleset() -> RuleSet:
    rules = RuleSet()

    @rules.rule(
        "demo-budget-missing",
        Severity.ERROR,
        "项目应填写预算数",
        tags=("completeness", "demo"),
        reference="jixiao practice",
        message="项目「{name}」未填写预算数",
        example={"name": "办公设备购置项目"},
    )
    def budget_missing(d):
        """Test rule."""
        for p in d.projects:
            if p.budget_total is None:
                yield hit(project=p, name=p.project_name)

    @rules.rule(
        "demo-crash",
        Severity.WARNING,
        "总是出错",
        tags=("target",),
        reference="jixiao practice",
        message="不会出现",
        example={},
    )
    def crash(d):
        """Test rule that has a bug."""
        raise ZeroDivisionError("boom")
        yield  # pragma: no cover

    return rules


# --- registry -----------------------------------------------------------------------


def test_registry__rejects_duplicate_id() -> None:
    rules = _ruleset()
    with pytest.raises(ValueError, match="duplicate rule id 'demo-crash'"):
        rules.rule(
            "demo-crash",
            Severity.INFO,
            "重复",
            tags=("target",),
            reference="x",
            message="m",
            example={},
        )(lambda d: ())


@pytest.mark.parametrize("bad_id", ["Sum_Mismatch", "sum mismatch", "-sum", "求和", ""])
def test_registry__rejects_id_not_kebab_case(bad_id: str) -> None:
    with pytest.raises(ValueError, match="kebab-case"):
        RuleSet().rule(
            bad_id, Severity.INFO, "t", tags=("target",), reference="x", message="m", example={}
        )(lambda d: ())


def test_registry__rejects_unknown_family_and_incomplete_example() -> None:
    with pytest.raises(ValueError, match="family"):
        RuleSet().rule(
            "a-rule", Severity.INFO, "t", tags=("misc",), reference="x", message="m", example={}
        )(lambda d: ())
    with pytest.raises(ValueError, match=r"example lacks fields \['actual'\]"):
        RuleSet().rule(
            "a-rule",
            Severity.INFO,
            "t",
            tags=("target",),
            reference="x",
            message="{expected} {actual}",
            example={"expected": "1"},
        )(lambda d: ())


def test_registry__select_by_id_and_tag_and_refuses_unknown() -> None:
    rules = _ruleset()
    assert [r.id for r in rules.select(["demo"])] == ["demo-budget-missing"]
    assert [r.id for r in rules.select(["target"])] == ["demo-crash"]
    assert [r.id for r in rules.select(ignore=["demo-crash"])] == ["demo-budget-missing"]
    with pytest.raises(ValueError, match="未知的规则或类别：nosuch"):
        rules.select(["nosuch"])


def test_registry__version_changes_with_a_rule() -> None:
    a, b = _ruleset(), _ruleset()
    assert a.version == b.version
    b.rule("x-new", Severity.INFO, "t", tags=("plan",), reference="x", message="m", example={})(
        lambda d: ()
    )
    assert a.version != b.version


# --- runner -------------------------------------------------------------------------


def test_review__finding_names_its_project_and_renders_message() -> None:
    doc = disclosure(projects=[project(seq=3, budget_total=None)])
    result = review(doc, rules=_ruleset(), select=["demo"])
    [finding] = result.findings
    assert finding.rule == "demo-budget-missing"
    assert finding.severity is Severity.ERROR
    assert finding.family == "completeness"
    assert finding.message == "项目「办公设备购置项目」未填写预算数"
    assert finding.fields == (("name", "办公设备购置项目"),)
    assert (finding.project_seq, finding.project_title) == (3, "3.办公设备购置项目绩效目标表")
    assert finding.location == at(90)  # the project's, since the hit gave none


def test_review__a_crashing_rule_becomes_one_finding_and_others_still_run() -> None:
    doc = disclosure(projects=[project(budget_total=None)])
    result = review(doc, rules=_ruleset())
    assert sorted(f.rule for f in result.findings) == ["demo-budget-missing", INTERNAL_ERROR]
    [crash] = [f for f in result.findings if f.rule == INTERNAL_ERROR]
    assert crash.field_value("rule") == "demo-crash"
    assert "ZeroDivisionError" in crash.message


def test_review__reader_notes_are_findings_of_family_ingest() -> None:
    note = Finding(rule="ingest-x", severity=Severity.INFO, message="读取提示", location=at(7))
    doc = disclosure(notes=[note])
    assert [
        (f.rule, f.family)
        for f in review(doc, rules=_ruleset()).findings
        if f.rule != INTERNAL_ERROR
    ] == [("ingest-x", "ingest")]
    assert review(doc, rules=_ruleset(), ignore=["ingest", "demo-crash"]).findings == ()


def _non_numeric_table() -> BudgetTable:
    columns = (
        BudgetColumn(key="科目编码", header=("科目编码",), role=ColumnRole.CODE),
        BudgetColumn(key="科目名称", header=("科目名称",), role=ColumnRole.NAME),
        BudgetColumn(key="合计", header=("合计",), role=ColumnRole.VALUE),
        BudgetColumn(key="基本支出", header=("基本支出",), role=ColumnRole.VALUE),
    )
    rows = (
        BudgetRow(
            seq=None,
            code=None,
            name="合计",
            values=(
                CellValue(column="合计", raw="见附表", value=None),
                CellValue(column="基本支出", raw="—", value=None),
            ),
            location=at(20),
        ),
        BudgetRow(
            seq=None,
            code="2O1",
            name="一般公共服务支出",
            values=(CellValue(column="合计", raw="1,0.0", value=None),),
            location=at(21),
        ),
    )
    return BudgetTable(
        title="部门预算支出总表",
        kind=TableKind.EXPENDITURE_SUMMARY,
        money_unit=None,
        columns=columns,
        rows=rows,
    )


@pytest.mark.parametrize(
    "doc",
    [
        disclosure(),
        disclosure(
            projects=[project(indicators_=[], plan=None, goals=(), purpose=None, budget_total=None)]
        ),
        disclosure(tables=[_non_numeric_table()]),
        disclosure(
            tables=[table("部门预算支出总表", TableKind.EXPENDITURE_SUMMARY, ["合计"], [])],
            projects=[
                project(
                    indicators_=[indicator(level1="", level2="", level3="", target="", basis=None)],
                    plan=("", "", "", ""),
                    budget_total="",
                )
            ],
        ),
    ],
    ids=["no-tables-no-projects", "project-without-anything", "non-numeric-cells", "blanks"],
)
def test_review__bad_input_gives_findings_not_exceptions(doc) -> None:
    result = review(doc)
    assert [f for f in result.findings if f.rule == INTERNAL_ERROR] == []


# --- grade --------------------------------------------------------------------------


def _f(rule: str, severity: Severity, project_seq: int | None = None) -> Finding:
    return Finding(rule=rule, severity=severity, message="m", project_seq=project_seq)


def test_grade__worked_example() -> None:
    """Default scheme (error 10, warning 3, cap 20 per rule; bands 90/75/60; an
    error caps at 良):

    - project 1: two errors of rule a (10 + 10 = 20, at the cap) and one warning
      (3) → 100 − 23 = 77 → 良;
    - project 2: one warning → 97 → 优;
    - project 3: one error → 90 → 优 by band, capped at 良 by the error;
    - document: one document-level error (10) + the mean project deduction
      ((23 + 3 + 10) / 3 = 12) → 100 − 22 = 78 → 良.
    """
    findings = [
        _f("a", Severity.ERROR, 1),
        _f("a", Severity.ERROR, 1),
        _f("b", Severity.WARNING, 1),
        _f("b", Severity.WARNING, 2),
        _f("c", Severity.ERROR, 3),
        _f("d", Severity.ERROR),
    ]
    document, projects = grade_review(findings, [(1, "一"), (2, "二"), (3, "三")])
    assert [(p.score, p.grade) for p in projects] == [
        (Decimal("77.0"), Grade.GOOD),
        (Decimal("97.0"), Grade.EXCELLENT),
        (Decimal("90.0"), Grade.GOOD),
    ]
    assert (document.score, document.grade) == (Decimal("78.0"), Grade.GOOD)


def test_grade__rule_cap_and_floor_at_zero() -> None:
    """Five errors of one rule deduct 20 (the cap), not 50; twelve capped rules
    (12 × 20 = 240) floor at 0 → 差."""
    document, _ = grade_review([_f("a", Severity.ERROR)] * 5, [])
    assert (document.score, document.grade) == (Decimal("80.0"), Grade.GOOD)
    many = [_f(f"r{i}", Severity.ERROR) for i in range(12) for _ in range(2)]
    document, _ = grade_review(many, [])
    assert (document.score, document.grade) == (Decimal("0.0"), Grade.POOR)


def test_grade__scheme_from_toml(tmp_path: Path) -> None:
    """Warnings cost 10, bands 95/85/70, no error cap: one error and one warning
    → 100 − 20 = 80 → 中."""
    path = tmp_path / "grade.toml"
    path.write_text(
        'error_caps_at = "none"\n[deductions]\nwarning = 10\n'
        "[bands]\nexcellent = 95\ngood = 85\nfair = 70\n",
        encoding="utf-8",
    )
    scheme = GradeScheme.from_toml(path)
    document, _ = grade_review([_f("a", Severity.ERROR), _f("b", Severity.WARNING)], [], scheme)
    assert (document.score, document.grade) == (Decimal("80.0"), Grade.FAIR)
    path.write_text("[deductions]\nfatal = 1\n", encoding="utf-8")
    with pytest.raises(ValueError):
        GradeScheme.from_toml(path)


# --- comparison and printing ------------------------------------------------------------


def test_compare__matches_by_subject_not_line() -> None:
    def f(rule: str, line: int, quote: str) -> Finding:
        return Finding(
            rule=rule,
            severity=Severity.ERROR,
            message="m",
            location=at(line),
            quote=quote,
            project_seq=1,
        )

    earlier = [f("a", 10, "x"), f("b", 11, "y"), f("b", 12, "y")]
    later = [f("a", 14, "x"), f("b", 15, "y"), f("c", 16, "z")]
    comparison = compare_findings(earlier, later)
    assert [x.rule for x in comparison.added] == ["c"]
    assert [(x.rule, x.location.line) for x in comparison.resolved] == [("b", 12)]
    assert comparison.kept == 2


def test_format_finding__location_severity_rule_subject_and_quote() -> None:
    finding = Finding(
        rule="target-unparsed",
        severity=Severity.ERROR,
        message="指标值无法识别",
        location=at(412),
        quote="≥≥",
        project_seq=2,
        indicator_index=5,
        indicator_name="完成率",
    )
    assert format_finding(finding) == (
        "test.txt:412  错误 [target-unparsed] 项目2 第5项指标「完成率」：指标值无法识别\n"
        "    原文：「≥≥」"
    )


# --- the registered rules and their catalogue ---------------------------------------


def test_rules__every_rule_documented_with_example_and_reference() -> None:
    assert len(RULES) > 0
    for rule in RULES:
        assert rule.doc, f"{rule.id} has no docstring"
        assert rule.reference.strip(), f"{rule.id} has no reference"
        assert re.search(r"[\u4e00-\u9fff]", rule.title), f"{rule.id}: title not Chinese"
        rendered = rule.render(rule.example)
        assert "{" not in rendered, f"{rule.id}: example leaves a field unfilled"


def test_rules__every_rule_has_its_own_unit_test() -> None:
    """Each rule id appears in some ``tests/test_review_<family>.py``."""
    tests = "\n".join(
        p.read_text(encoding="utf-8") for p in (REPO / "tests").glob("test_review_*.py")
    )
    untested = [rule.id for rule in RULES if f'"{rule.id}"' not in tests]
    assert untested == []


def test_rules__families_all_have_rules() -> None:
    present = {rule.family for rule in RULES}
    assert set(FAMILIES) - {"ingest"} <= present


def test_docs_rules_md__is_generated_from_the_registry() -> None:
    """``docs/rules.md`` must be regenerated (``jixiao rules --markdown``) when a rule changes."""
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(RULES)


# --- the store -------------------------------------------------------------------------


def test_store_review__round_trip_history_and_comparison(database_url: str) -> None:
    engine = connect(database_url)
    try:
        first = disclosure(projects=[project(seq=1, budget_total=None), project(seq=2)])
        first_id = save_disclosure(engine, first).document_id
        result = review(first, rules=_ruleset(), select=["demo"])
        review_id, comparison = store_review(engine, first_id, result, select=["demo"])
        assert comparison is None
        stored = load_review(engine, review_id)
        assert stored.findings == result.findings
        assert (stored.score, stored.grade) == (result.grade.score, result.grade.grade)
        assert [(g.project_seq, g.score, g.grade) for g in stored.project_grades] == [
            (1, Decimal("90.0"), Grade.GOOD),
            (2, Decimal("100.0"), Grade.EXCELLENT),
        ]
        assert (stored.errors, stored.warnings, stored.infos, stored.select) == (1, 0, 0, ("demo",))
        assert stored.ruleset_version == _ruleset().version

        # The unit corrects project 1 and breaks project 2: a new version, compared.
        from dataclasses import replace

        second = replace(
            disclosure(projects=[project(seq=1), project(seq=2, budget_total=None)]),
            source=replace(first.source, sha256="1" * 64),
        )
        second_id = save_disclosure(engine, second).document_id
        assert second_id != first_id
        _, comparison = store_review(
            engine, second_id, review(second, rules=_ruleset(), select=["demo"])
        )
        assert [f.project_seq for f in comparison.added] == [2]
        assert [f.project_seq for f in comparison.resolved] == [1]
        assert [r.document_id for r in list_reviews(engine)] == [first_id, second_id]
    finally:
        engine.dispose()
