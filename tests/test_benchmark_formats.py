"""The formats benchmark's measure of cells read right, and one short run of it."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

from jixiao.ingest import read_disclosure
from jixiao.ingest.docx_reader import docx_text
from jixiao.publish.disclosure_docx import write_disclosure_docx
from jixiao.publish.disclosure_pdf import find_soffice

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "formats.py"


def _load():
    spec = importlib.util.spec_from_file_location("benchmark_formats", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load()


@pytest.mark.seeds
def test_benchmark_formats__expected_rows_are_the_printed_data_rows(seed_path):
    doc = read_disclosure(seed_path("004"))
    rows = bench.expected_rows(doc)
    indicators = sum(len(p.indicators) for p in doc.projects)
    budget = sum(len(t.rows) for t in doc.budget_tables)
    assert indicators + budget >= len(rows) >= indicators  # 收支总表 sides share a row
    first = doc.projects[0].indicators[0]
    assert [first.level1.raw, first.level2.raw, first.level3] == rows[-indicators][:3]
    assert "" not in (cell for row in rows for cell in row)


@pytest.mark.seeds
def test_benchmark_formats__docx_reader_gets_every_cell_and_a_lost_one_counts(seed_path, tmp_path):
    doc = read_disclosure(seed_path("004"))
    path = write_disclosure_docx(doc, tmp_path / "004.docx")
    found = bench.word_text_rows(docx_text(path.read_bytes(), path=str(path)))
    expected = bench.expected_rows(doc)
    matched, total = bench.cells_right(expected, found)
    assert matched == total == sum(len(row) for row in expected) > 100
    target = expected[-1][-2]  # the last indicator's 指标值 (or its 依据)
    damaged = [[cell for cell in row if cell != target] for row in found]
    assert bench.cells_right(expected, damaged) == (
        total - sum(r.count(target) for r in expected),
        total,
    )


@pytest.mark.seeds
def test_benchmark_formats__short_run_on_one_seed(seed_path, tmp_path):
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(seed_path("004"), seeds / seed_path("004").name)
    out = tmp_path / "formats.json"
    code = bench.main(["--seeds", str(seeds), "--rounds", "1", "--json", str(out)])
    assert code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    by_reader = {r["reader"]: r for r in report["results"]}
    assert set(by_reader) == {"pdf", "docx", "pdfplumber", "pdf_text only"}
    assert report["documents"][0]["pages"] == by_reader["pdf"]["pages"] >= 3
    assert by_reader["pdf"]["cells_right"] == 1.0 and by_reader["docx"]["cells_right"] == 1.0
    assert by_reader["pdf"]["cells_expected"] == by_reader["pdfplumber"]["cells_expected"] > 100
