"""Bad input: each failure is an IngestError with a Chinese message naming the file
(and the line where it applies); nothing is half-read."""

from __future__ import annotations

import os
import random

import pytest

from jixiao.ingest import IngestError, parse_disclosure, read_disclosure


def test_ingest__empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError) as error:
        read_disclosure(path)
    assert "文件为空" in str(error.value) and str(path) in str(error.value)


def test_ingest__whitespace_only_file_is_empty():
    with pytest.raises(IngestError, match="文件为空"):
        parse_disclosure(b"\n\n  \t\n", path="blank.txt")


def test_ingest__random_bytes():
    data = random.Random(7).randbytes(4096)
    with pytest.raises(IngestError) as error:
        parse_disclosure(data, path="noise.bin")
    assert error.value.path == "noise.bin"
    assert "编码" in error.value.message or "不是文本文件" in error.value.message


def test_ingest__binary_with_valid_utf8_is_not_text():
    data = os.urandom(0) + bytes(range(0, 32)) * 64
    with pytest.raises(IngestError, match="不是文本文件"):
        parse_disclosure(data, path="control.bin")


def test_ingest__missing_file(tmp_path):
    with pytest.raises(IngestError, match="无法打开文件"):
        read_disclosure(tmp_path / "nope.txt")


def test_ingest__text_of_another_genre():
    text = "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n" * 40
    with pytest.raises(IngestError, match="不是可识别的部门预算公开文档"):
        parse_disclosure(text.encode("utf-8"), path="poem.txt")


def test_ingest__gb18030_copy_reads_like_the_original(seed_path):
    original = seed_path("001").read_bytes()
    from_utf8 = parse_disclosure(original, path="001.txt")
    from_gb = parse_disclosure(original.decode("utf-8").encode("gb18030"), path="001.txt")
    assert from_gb.source.encoding == "gb18030"
    assert from_gb.projects == from_utf8.projects
    assert from_gb.budget_tables == from_utf8.budget_tables
    assert from_gb.department_goals == from_utf8.department_goals


def test_ingest__utf8_with_bom(seed_path):
    original = seed_path("000").read_bytes()
    doc = parse_disclosure(b"\xef\xbb\xbf" + original, path="000.txt")
    assert doc.source.encoding == "utf-8-sig"
    assert doc.projects == parse_disclosure(original, path="000.txt").projects


def test_ingest__crlf_line_endings(seed_path):
    original = seed_path("004").read_bytes()
    doc = parse_disclosure(original.replace(b"\n", b"\r\n"), path="004.txt")
    assert doc.projects == parse_disclosure(original, path="004.txt").projects


def _cut_inside_a_row(text: str, marker: str) -> str:
    """The text up to just after ``marker``, which sits inside a table row."""
    return text[: text.index(marker) + len(marker)] + "\n"


def test_ingest__word_export_truncated_mid_indicator_row(seed_path):
    text = seed_path("001").read_text(encoding="utf-8")
    cut = _cut_inside_a_row(text, "\t平均每区每年成本费用\n\t平均每区每年成本费用")
    with pytest.raises(IngestError) as error:
        parse_disclosure(cut.encode("utf-8"), path="001-cut.txt")
    assert "不完整" in error.value.message and "截断" in error.value.message
    assert error.value.line == text[: text.index("\t平均每区每年成本费用")].count("\n") - 1


def test_ingest__word_export_truncated_mid_budget_table(seed_path):
    text = seed_path("001").read_text(encoding="utf-8")
    cut = _cut_inside_a_row(text, "\t2080505\n\t机关事业单位基本养老保险缴费支出\n\t18.40")
    with pytest.raises(IngestError) as error:
        parse_disclosure(cut.encode("utf-8"), path="001-cut.txt")
    assert "部门预算收入总表" in error.value.message and "截断" in error.value.message
    assert error.value.line is not None


def test_ingest__pdf_extraction_truncated_mid_grid(seed_path):
    text = seed_path("003").read_text(encoding="utf-8")
    cut = text[: text.index("机关院内、档案馆、双创")] + "机关院内、档案馆、双创\n"
    with pytest.raises(IngestError, match="截断"):
        parse_disclosure(cut.encode("utf-8"), path="003-cut.txt")


def test_ingest__error_names_file_and_line():
    error = IngestError("表格不完整", path="a/b.txt", line=12)
    assert str(error) == "文件 a/b.txt 第 12 行：表格不完整"
