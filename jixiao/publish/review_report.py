"""Review reports (审核意见): the findings of one or more reviews as JSON, HTML or XLSX.

The CLI and the web call these two functions; each format lives in its own
module (:mod:`~jixiao.publish.review_json`, :mod:`~jixiao.publish.review_html`,
:mod:`~jixiao.publish.review_xlsx`). ``docs/review-report.md`` describes what
each format holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from jixiao.publish.review_json import review_report_json
from jixiao.review import ReviewResult

FORMATS = ("json", "html", "xlsx")
"""The report formats :func:`write_review_report` writes."""

__all__ = ["FORMATS", "review_report_json", "write_review_report"]


def write_review_report(results: Sequence[ReviewResult], path: Path, fmt: str) -> None:
    """Write the report of ``results`` to ``path`` in format ``fmt`` (json, html or xlsx).

    JSON and HTML are UTF-8 text; the folder of ``path`` is created when missing.
    Raises ``ValueError`` for another format (before anything is written).
    """
    if fmt not in FORMATS:
        raise ValueError(f"未知的审核报告格式：{fmt!r}（可选：{'、'.join(FORMATS)}）")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        text = json.dumps(review_report_json(results), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
    elif fmt == "html":
        from jixiao.publish.review_html import render_review_html

        path.write_text(render_review_html(results), encoding="utf-8")
    else:
        from jixiao.publish.review_xlsx import write_review_xlsx

        write_review_xlsx(results, path)
