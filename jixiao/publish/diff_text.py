"""The differences between two disclosures, for people (Chinese lines) and programs (JSON).

``jixiao diff A B`` prints :func:`format_diff`; ``--json`` writes :func:`diff_record`.
The differences themselves come from :func:`jixiao.model.diff.diff_disclosures`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from jixiao.model.diff import Difference, DifferenceKind

FORMAT = "jixiao-diff"
VERSION = 1

_KINDS = (DifferenceKind.CHANGED, DifferenceKind.ADDED, DifferenceKind.REMOVED)
_MARKS = {DifferenceKind.CHANGED: "~", DifferenceKind.ADDED: "+", DifferenceKind.REMOVED: "-"}
_EMPTY = "（空）"


def format_diff(differences: Sequence[Difference], *, a_name: str, b_name: str) -> str:
    """A header line with the counts by kind, then one line per difference::

        ~ 项目3「办公楼维修」 指标5「维修及时率」 指标值：≥95% → ≥90%
        + 新增项目5「公务接待」
        - 项目1「残疾人保障金」 删除指标4「资金到位率」

    ``a_name`` and ``b_name`` name the two documents (file names, or unit and year).
    Ends with a newline.
    """
    if not differences:
        return f"{a_name} 与 {b_name} 无差异\n"
    counts = Counter(d.kind for d in differences)
    parts = "，".join(f"{kind.label} {counts[kind]}" for kind in _KINDS)
    lines = [f"{a_name} → {b_name}：{len(differences)} 处差异（{parts}）"]
    lines.extend(_line(d) for d in differences)
    return "\n".join(lines) + "\n"


def _line(difference: Difference) -> str:
    mark = _MARKS[difference.kind]
    if difference.kind is DifferenceKind.CHANGED:
        old, new = _shown(difference.old), _shown(difference.new)
        return f"{mark} {difference.label}：{old} → {new}"
    value = difference.new if difference.kind is DifferenceKind.ADDED else difference.old
    text = _with_verb(difference.label, difference.kind.label)
    if value and f"「{value}」" not in difference.label:
        text += f"：{_shown(value)}"
    return f"{mark} {text}"


def _shown(value: str | None) -> str:
    if value is None or value == "":
        return _EMPTY
    return " ".join(value.splitlines())


def _with_verb(label: str, verb: str) -> str:
    """``项目1「X」 指标4「Y」`` → ``项目1「X」 删除指标4「Y」``: the verb before the last
    segment (segments are separated by spaces outside 「」)."""
    depth = 0
    last = -1
    for i, char in enumerate(label):
        if char == "「":
            depth += 1
        elif char == "」":
            depth = max(0, depth - 1)
        elif char == " " and depth == 0:
            last = i
    return f"{label[: last + 1]}{verb}{label[last + 1 :]}"


def diff_record(differences: Sequence[Difference]) -> dict[str, Any]:
    """The differences as a JSON-able dict: format, version, counts by kind (zeros
    included) and one record per difference (kind, path as a list, label, old, new)."""
    counts = Counter(d.kind for d in differences)
    return {
        "format": FORMAT,
        "version": VERSION,
        "total": len(differences),
        "counts": {kind.value: counts[kind] for kind in _KINDS},
        "differences": [
            {
                "kind": d.kind.value,
                "path": list(d.path),
                "label": d.label,
                "old": d.old,
                "new": d.new,
            }
            for d in differences
        ],
    }
