"""A batch of real files, bad ones among good ones, through ``jixiao ingest``."""

from __future__ import annotations

import random

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.store import connect, list_documents

pytestmark = pytest.mark.seeds


def test_ingest__bad_files_fail_alone_good_files_stored(seed_path, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    good = seed_path("000").read_bytes()
    (folder / "a_good.txt").write_bytes(good)
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_noise.txt").write_bytes(random.Random(3).randbytes(2048))
    text = seed_path("001").read_text(encoding="utf-8")
    cut = text[: text.index("\t平均每区每年成本费用") + 20]
    (folder / "d_truncated.txt").write_text(cut, encoding="utf-8")
    (folder / "e_poem.txt").write_text("床前明月光，疑是地上霜。\n" * 30, encoding="utf-8")
    (folder / "f_gb18030.txt").write_bytes(
        seed_path("004").read_text(encoding="utf-8").encode("gb18030")
    )
    url = f"sqlite:///{tmp_path / 'batch.db'}"

    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", url], env={"COLUMNS": "300"})

    assert result.exit_code == 1
    output = result.output
    for name in ("b_empty.txt", "c_noise.txt", "d_truncated.txt", "e_poem.txt"):
        assert name in output
    assert "文件为空" in output and "截断" in output and "不是可识别的部门预算公开文档" in output
    stored = list_documents(connect(url))
    assert sorted((d.unit_code, d.fiscal_year, d.projects) for d in stored) == [
        ("445001", 2025, 3),
        ("507001", 2024, 4),
    ]
