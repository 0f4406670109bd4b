"""The review benchmark's synthetic corpus: every planted fault is found, a corpus
without plants is free of errors, and the corpus depends on nothing but the seed."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from jixiao.model import Severity, TableKind
from jixiao.review import RULES, review

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "review.py"


def _load():
    spec = importlib.util.spec_from_file_location("benchmark_review", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


bench = _load()


@pytest.fixture(scope="module")
def planted():
    """200 projects with a fault in a quarter of the projects and of the tables."""
    corpus = bench.generate_corpus(200, seed=7, fault_rate=0.25)
    findings = [review(doc).findings for doc in corpus.documents]
    return corpus, findings


KNOWN_GAPS: dict[str, str] = {}
"""Plant kinds a rule misses today: strict xfail, so a fix shows up as a failure here."""


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(kind, marks=pytest.mark.xfail(reason=KNOWN_GAPS[kind], strict=True))
        if kind in KNOWN_GAPS
        else kind
        for kind in bench.PLANT_RULES
    ],
)
def test_benchmark_corpus__every_plant_is_found(planted, kind):
    corpus, findings = planted
    (result,) = [r for r in bench.check_plants(corpus, findings) if r.kind == kind]
    assert result.planted, "every kind is planted at least once"
    assert result.rules, "its rules are registered"
    assert result.found == result.planted, result.missed


def test_benchmark_corpus__every_kind_has_a_registered_rule():
    for kind, rule_ids in bench.PLANT_RULES.items():
        assert rule_ids, kind
        assert all(rule_id in RULES for rule_id in rule_ids), (kind, rule_ids)


def test_benchmark_corpus__clean_corpus_has_no_errors():
    corpus = bench.generate_corpus(200, seed=11, fault_rate=0.0)
    assert not corpus.plants
    errors = [
        (doc.source.path, f.rule, f.project_seq, f.indicator_index, f.code, f.message)
        for doc in corpus.documents
        for f in review(doc).findings
        if f.severity is Severity.ERROR
    ]
    assert errors == []


def test_benchmark_corpus__sizes_and_variety():
    corpus = bench.generate_corpus(300, seed=3, fault_rate=0.0)
    assert corpus.projects == 300
    assert all(5 <= len(doc.projects) <= 30 for doc in corpus.documents)
    counts = [len(p.indicators) for doc in corpus.documents for p in doc.projects]
    assert min(counts) >= 6 and max(counts) <= 25
    assert 12 <= sum(counts) / len(counts) <= 18
    assert len({doc.money_unit for doc in corpus.documents}) == 2
    level1 = Counter(i.level1.raw for doc in corpus.documents for p in doc.projects
                     for i in p.indicators)  # fmt: skip
    assert level1["成本指标"] and level1["产出指标"]  # both the 101号 and the 88号 tree
    assert all(doc.table(TableKind.THREE_PUBLIC_EXPENSES) for doc in corpus.documents)


def test_benchmark_corpus__deterministic_in_its_seed():
    def digest(corpus) -> list:
        return [
            (d.unit_code, d.fiscal_year, tuple((p.project_name, tuple(i.target.raw for i in
             p.indicators)) for p in d.projects), tuple(t.rows for t in d.budget_tables))
            for d in corpus.documents
        ]  # fmt: skip

    first = bench.generate_corpus(60, seed=5, fault_rate=0.2)
    second = bench.generate_corpus(60, seed=5, fault_rate=0.2)
    assert digest(first) == digest(second) and first.plants == second.plants
    assert digest(bench.generate_corpus(60, seed=6, fault_rate=0.2)) != digest(first)
