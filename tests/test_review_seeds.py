"""The whole review on the five real seeds and the bundled example.

Each family's expected findings were checked by a person against the document
(``tests/review_expected_<family>.py``, one comment per finding saying what the
document prints there). Here all families run together: the union must be
exactly what ``review()`` reports — every real problem found, and nothing else,
in particular no error that is not a real one.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import review_expected_arithmetic
import review_expected_basis
import review_expected_completeness
import review_expected_framework
import review_expected_narrative
import review_expected_plan
import review_expected_relevance
import review_expected_target
from review_build import ids_at

from jixiao.ingest import read_disclosure
from jixiao.model import Severity
from jixiao.review import INTERNAL_ERROR, review

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "demo-999001-2025.txt"
FAMILY_EXPECTATIONS = (
    review_expected_arithmetic,
    review_expected_narrative,
    review_expected_completeness,
    review_expected_framework,
    review_expected_target,
    review_expected_basis,
    review_expected_plan,
    review_expected_relevance,
)
DOCUMENTS = ("000", "001", "002", "003", "004", "demo")


def _path(key: str, seed_path) -> Path:
    return EXAMPLE if key == "demo" else seed_path(key)


@pytest.fixture(scope="module")
def results(seed_path):
    return {key: review(read_disclosure(_path(key, seed_path))) for key in DOCUMENTS}


@pytest.mark.seeds
@pytest.mark.parametrize("key", DOCUMENTS)
def test_review_seed__finds_exactly_the_person_checked_findings(key: str, results) -> None:
    result = results[key]
    expected = Counter()
    for module in FAMILY_EXPECTATIONS:
        expected.update(module.EXPECTED[key])
    actual = Counter(ids_at(f for f in result.findings if f.family != "ingest"))
    assert actual - expected == Counter(), "reported but not expected"
    assert expected - actual == Counter(), "expected but not reported"


@pytest.mark.seeds
@pytest.mark.parametrize("key", DOCUMENTS)
def test_review_seed__no_rule_crashes_and_every_finding_is_located(key: str, results) -> None:
    result = results[key]
    assert [f for f in result.findings if f.rule == INTERNAL_ERROR] == []
    for finding in result.findings:
        assert finding.location is not None, finding
        assert finding.location.file == result.disclosure.source.path
        assert finding.message and "{" not in finding.message


@pytest.mark.seeds
def test_review_seed__demo_has_no_error_and_its_two_planted_flaws_are_found(results) -> None:
    """The demo is written to be sound except for one ≥9090%及以上 and one blank 依据."""
    demo = results["demo"]
    assert demo.count(Severity.ERROR) == 0
    rules = {f.rule for f in demo.findings}
    assert {"target-run-together", "basis-empty"} <= rules
