"""Nothing read is lost: every piece of text on every line of a seed is found in the
model, unless it is a structural label the model holds as structure (the 项目编码
label, the grid header, numbering, ``绩效目标：`` prefixes …)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from jixiao.ingest import read_disclosure
from jixiao.ingest.text import strip_bookmarks

pytestmark = pytest.mark.seeds

STRUCTURAL = {
    "项目编码", "项目名称", "预算规模及资金用途", "预算规模及", "资金用途", "预算数", "其中：财政资金",
    "其中：财政", "资金", "其他资金", "资金支出计划（%）", "资金支出计", "划（%）", "月底", "一级指标",
    "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", "指标值确定", "依据", "绩效目标",
    "单位：元", "单位：万元", "栏次", "第一部分", "第二部分", "部门整体绩效目标", "预算项目绩效目标",
}  # fmt: skip
SUBSECTION = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?(总体绩效目标|分项绩效目标|工作保障措施)[:：]?$"
)
NUMBERING = re.compile(r"^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[、.．])")
LABEL = re.compile(
    r"^(?:绩效目标|绩效指标)[:：]|^[^:：。，]{1,20}[:：]"
)  # a label, or a sub-goal's title


def _strings(value, found: list[str]) -> list[str]:
    if isinstance(value, str):
        found.append(value)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            _strings(getattr(value, field.name), found)
    elif isinstance(value, tuple):
        for item in value:
            _strings(item, found)
    return found


def _missing(path) -> list[tuple[int, str]]:
    """(line, text) of every piece of text on the document's lines not in the model."""
    corpus = re.sub(r"\s", "", "\n".join(_strings(read_disclosure(path), [])))
    missing = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        text = strip_bookmarks(line)[0].strip()
        if not text or SUBSECTION.match(re.sub(r"\s", "", text)):
            continue
        for piece in text.split():
            if piece in STRUCTURAL or re.fullmatch(r"\d+月底", piece):
                continue
            bare = NUMBERING.sub("", piece)
            if not bare or bare in corpus or LABEL.sub("", bare) in corpus:
                continue
            missing.append((number, piece))
    return missing


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_seed__every_line_is_in_the_model(seed_path, key):
    assert _missing(seed_path(key)) == []


def test_example__every_line_is_in_the_model():
    from conftest import EXAMPLES_DIR

    examples = sorted(EXAMPLES_DIR.glob("*.txt"))
    assert examples
    for path in examples:
        assert _missing(path) == [], path.name
