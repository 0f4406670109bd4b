"""Monitoring reports (绩效运行监控, 财预〔2019〕136号): a unit's monitoring as XLSX, HTML or JSON.

The CLI and the web call :func:`write_monitoring_report`; each format lives in its
own module: :mod:`~jixiao.publish.monitoring_xlsx` (汇总, the 136号 监控表, 问题),
:mod:`~jixiao.publish.evaluate_html` (one self-contained page with charts) and
:mod:`~jixiao.publish.evaluate_records` (the JSON, documented there).
"""

from __future__ import annotations

import json
from pathlib import Path

from jixiao.evaluate.results import MonitoringResult
from jixiao.publish.evaluate_records import monitoring_record

FORMATS = ("xlsx", "html", "json")
"""The formats :func:`write_monitoring_report` writes."""

__all__ = ["FORMATS", "monitoring_record", "write_monitoring_report"]


def write_monitoring_report(result: MonitoringResult, path: Path, fmt: str) -> Path:
    """Write the monitoring report of ``result`` to ``path`` as ``xlsx``, ``html`` or ``json``.

    HTML and JSON are UTF-8 text; the folder of ``path`` is created when missing.
    Returns ``path``. Raises ``ValueError`` (Chinese message listing the formats)
    for another format, before anything is written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"未知的监控报告格式：{fmt!r}（可选：{'、'.join(FORMATS)}）")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        text = json.dumps(monitoring_record(result), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
    elif fmt == "html":
        from jixiao.publish.evaluate_html import render_monitoring_html

        path.write_text(render_monitoring_html(result), encoding="utf-8")
    else:
        from jixiao.publish.monitoring_xlsx import write_monitoring_xlsx

        write_monitoring_xlsx(result, path)
    return path
