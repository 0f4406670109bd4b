"""Self-evaluation reports (绩效自评, 财预〔2020〕10号): a unit's 自评表 in XLSX, DOCX, HTML, JSON.

The CLI and the web call :func:`write_evaluation_report`; each format lives in its
own module: :mod:`~jixiao.publish.evaluation_xlsx` (汇总, one 自评表 sheet per
project, 问题), :mod:`~jixiao.publish.evaluation_docx` (the same forms in Word),
:mod:`~jixiao.publish.evaluate_html` (one self-contained page) and
:mod:`~jixiao.publish.evaluate_records` (the JSON, documented there).
"""

from __future__ import annotations

import json
from pathlib import Path

from jixiao.evaluate.results import EvaluationResult
from jixiao.publish.evaluate_records import evaluation_record

FORMATS = ("xlsx", "docx", "html", "json")
"""The formats :func:`write_evaluation_report` writes."""

__all__ = ["FORMATS", "evaluation_record", "write_evaluation_report"]


def write_evaluation_report(result: EvaluationResult, path: Path, fmt: str) -> Path:
    """Write the self-evaluation report of ``result`` to ``path`` as ``xlsx``, ``docx``,
    ``html`` or ``json``.

    HTML and JSON are UTF-8 text; the folder of ``path`` is created when missing.
    Returns ``path``. Raises ``ValueError`` (Chinese message listing the formats)
    for another format, before anything is written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"未知的自评报告格式：{fmt!r}（可选：{'、'.join(FORMATS)}）")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        text = json.dumps(evaluation_record(result), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
    elif fmt == "html":
        from jixiao.publish.evaluate_html import render_evaluation_html

        path.write_text(render_evaluation_html(result), encoding="utf-8")
    elif fmt == "docx":
        from jixiao.publish.evaluation_docx import write_evaluation_docx

        write_evaluation_docx(result, path)
    else:
        from jixiao.publish.evaluation_xlsx import write_evaluation_xlsx

        write_evaluation_xlsx(result, path)
    return path
