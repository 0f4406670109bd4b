"""Charts of monitoring (双监控, 财预〔2019〕136号): planned against actual cumulative spending.

One chart per project, or for the whole unit: the spending plan as a cumulative
percentage of the budget by month end (``MonitoringProject.plan_curve``, a line
through the checkpoints, each labelled with its %), the plan's share at the period
(a hollow dot) and the actual execution rate at the period (a diamond, in the
project's status colour or grey for the unit, labelled with its %), joined by a
dotted line: the deviation. The unit's plan is the budget-weighted mean of its
projects' plans at each checkpoint month (each project's curve interpolated linearly
between its points and held at its last point); budgets in other money units are
converted to the unit's. The unit's point is the result's own budget-weighted
``execution_rate`` against its ``planned_share``.

matplotlib is imported lazily and driven through :class:`matplotlib.figure.Figure`
only (no pyplot state); rcParams are set inside a lock for the duration of one
drawing. Output is deterministic (fixed ``svg.hashsalt``, no date), so tests can
compare it.

Fonts: SVG keeps text as text (``svg.fonttype = "none"``) with a CSS font list that
puts CJK fonts first, so the browser draws the Chinese. A PNG is drawn with the
first installed font of :data:`CJK_FONTS`; when none is installed, the PNG leaves
out every Chinese word (title, axis titles, legend) rather than print empty boxes,
and keeps what reads without words: the month ticks 0–12, the % ticks and the %
labels of the plan points and the actual rate.
"""

from __future__ import annotations

import io
import re
import threading
import warnings
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.evaluate.results import MonitoringProject, MonitoringResult, Status
from jixiao.model import convert

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = ("png", "svg")
"""The image formats :func:`write_spending_chart` writes."""

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "SimHei",
    "Microsoft YaHei",
)
"""Fonts tried, in order, to draw Chinese in a PNG."""

SVG_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "DejaVu Sans",
)
"""The CSS font list written into SVG text (the browser picks the first it has)."""

STATUS_COLOURS = {Status.GREEN: "#1b7a3a", Status.YELLOW: "#b7791f", Status.RED: "#a4161a"}
PLAN_COLOUR = "#1f5f8b"
NEUTRAL_COLOUR = "#5b6670"
SVG_SALT = "jixiao"

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The first of :data:`CJK_FONTS` that matplotlib finds installed, else ``None``."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def plan_share_at(curve: tuple[tuple[int, Decimal], ...], month: int) -> Decimal | None:
    """The plan's cumulative % at ``month``'s end, linear between the curve's points and
    held at its last point; ``None`` for an empty curve or a month before its first."""
    if not curve or month < curve[0][0]:
        return None
    for (m0, s0), (m1, s1) in pairwise(curve):
        if m0 <= month <= m1:
            return s0 if m1 == m0 else s0 + (s1 - s0) * (month - m0) / (m1 - m0)
    return curve[-1][1]


def unit_plan_curve(result: MonitoringResult) -> tuple[tuple[int, Decimal], ...]:
    """The unit's plan: at each month any project's curve has a point, the mean of the
    projects' plan shares weighted by budget (projects without a curve or a positive
    budget left out). Budgets are converted to ``result.money_unit`` when both units
    are known."""
    weighted = [(p.plan_curve, _budget_in(p, result)) for p in result.projects]
    weighted = [(c, w) for c, w in weighted if c and w is not None and w > 0]
    months = sorted({m for c, _ in weighted for m, _ in c})
    out = []
    for month in months:
        shares = [(plan_share_at(c, month), w) for c, w in weighted]
        known = [(s, w) for s, w in shares if s is not None]
        total = sum((w for _, w in known), Decimal(0))
        if total:
            out.append((month, sum((s * w for s, w in known), Decimal(0)) / total))
    return tuple(out)


def _budget_in(project: MonitoringProject, result: MonitoringResult) -> Decimal | None:
    budget = project.budget
    if budget is None or project.money_unit is None or result.money_unit is None:
        return budget
    return convert(budget, project.money_unit, result.money_unit)


def percent_text(value: Decimal) -> str:
    """``57.5%``, ``20%``: a percentage to 0.01 without trailing zeros."""
    text = format(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


@dataclass(frozen=True, slots=True)
class _Chart:
    name: str  # the unit or project, shown left above the plot
    subtitle: str  # what is shown, right above the plot
    curve: tuple[tuple[int, Decimal], ...]
    period: int
    planned: Decimal | None
    actual: Decimal | None
    status: Status | None

    @property
    def title(self) -> str:
        """The whole title, for the SVG's ``<title>``."""
        return f"{self.name}：{self.subtitle}"


NAME_CHARS = 16
"""Longer names are cut (…) above the plot so the two titles fit side by side."""


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


def _chart(result: MonitoringResult, project_seq: int | None) -> _Chart:
    period = f"1—{result.period_month}月" if result.period_month > 1 else "1月"
    if project_seq is None:
        return _Chart(
            name=result.unit_name,
            subtitle=f"计划与实际累计支出进度（{period}，按预算加权）",
            curve=unit_plan_curve(result),
            period=result.period_month,
            planned=result.planned_share,
            actual=result.execution_rate,
            status=None,  # the unit has no status of its own: a neutral point
        )
    for project in result.projects:
        if project.project_seq == project_seq:
            return _Chart(
                name=project.project_name,
                subtitle=f"计划与实际累计支出进度（{period}）",
                curve=project.plan_curve,
                period=result.period_month,
                planned=project.planned_share,
                actual=project.execution_rate,
                status=project.status,
            )
    raise ValueError(f"监控结果中没有序号为 {project_seq} 的项目")


def _draw(chart: _Chart, *, chinese: bool) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    # Fixed margins, not a layout engine: half the drawing time, and every label
    # (tick %, month numbers, a one-line title) fits in them.
    fig = Figure(figsize=(6.4, 3.6))
    fig.subplots_adjust(left=0.11, right=0.97, bottom=0.14, top=0.88 if chinese else 0.95)
    ax = fig.add_subplot()
    colour = STATUS_COLOURS.get(chart.status, NEUTRAL_COLOUR)
    if chart.curve:
        months = [m for m, _ in chart.curve]
        shares = [float(s) for _, s in chart.curve]
        ax.plot(
            months,
            shares,
            marker="o",
            ms=4,
            lw=2,
            color=PLAN_COLOUR,
            label="计划累计支出进度",
            gid="plan-curve",
        )
        for month, share in chart.curve:
            if month:
                ax.annotate(
                    percent_text(share),
                    (month, float(share)),
                    textcoords="offset points",
                    xytext=(0, 6),
                    ha="center",
                    fontsize=8,
                    color=PLAN_COLOUR,
                )
    ax.axvline(chart.period, color=NEUTRAL_COLOUR, lw=0.8, ls="--")
    if chart.planned is not None:
        ax.plot(
            [chart.period],
            [float(chart.planned)],
            marker="o",
            ms=7,
            mfc="white",
            color=PLAN_COLOUR,
            ls="none",
            label=f"计划进度 {percent_text(chart.planned)}",
        )
    if chart.actual is not None:
        if chart.planned is not None:
            low, high = sorted((float(chart.actual), float(chart.planned)))
            ax.vlines(chart.period, low, high, colors=colour, linestyles=":", lw=2)
        ax.plot(
            [chart.period],
            [float(chart.actual)],
            marker="D",
            ms=8,
            color=colour,
            ls="none",
            label=f"实际执行率 {percent_text(chart.actual)}",
            gid="actual",
        )
        ax.annotate(
            percent_text(chart.actual),
            (chart.period, float(chart.actual)),
            textcoords="offset points",
            xytext=(8, -4),
            fontsize=9,
            color=colour,
            fontweight="bold",
        )
    top = max([105.0, *(float(v) + 10 for v in (chart.actual, chart.planned) if v is not None)])
    ax.set_xlim(0, 12.5)
    ax.set_ylim(0, top)
    ax.set_xticks(range(13))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:.0f}%"))
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    if chinese:
        # parse_math off: a name holding "$" is text, not mathtext.
        ax.set_title(
            _short(chart.name), fontsize=11, loc="left", fontweight="bold", parse_math=False
        )
        ax.set_title(chart.subtitle, fontsize=9, loc="right", color=NEUTRAL_COLOUR)
        ax.set_xlabel("月份（月末）", fontsize=9)
        ax.set_ylabel("累计支出占预算", fontsize=9)
        if chart.curve or chart.actual is not None or chart.planned is not None:
            ax.legend(loc="upper left", fontsize=8, frameon=False)
    return fig


def _rc(families: tuple[str, ...]) -> dict[str, object]:
    return {
        "svg.hashsalt": SVG_SALT,
        "svg.fonttype": "none",
        "font.family": ["sans-serif"],
        "font.sans-serif": list(families),
    }


def _render(chart: _Chart, fmt: str) -> bytes:
    import matplotlib

    if fmt == "svg":
        families, chinese = SVG_FONTS, True
    else:
        font = cjk_font()
        families, chinese = ((font, "DejaVu Sans") if font else ("DejaVu Sans",)), bool(font)
    buffer = io.BytesIO()
    with _LOCK, matplotlib.rc_context(_rc(families)), warnings.catch_warnings():
        # Measuring Chinese with a font that lacks it warns once per glyph; the SVG
        # is drawn by the browser with the CSS font list, so the warning is moot.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        fig = _draw(chart, chinese=chinese)
        metadata: dict[str, str | None]
        if fmt == "svg":
            metadata = {"Title": chart.title, "Date": None, "Creator": None}
            metadata |= {"Format": None, "Type": None}
        else:
            metadata = {"Software": None}
        fig.savefig(buffer, format=fmt, dpi=150, metadata=metadata)
    return buffer.getvalue()


_ID_RE = re.compile(r'(\bid="|url\(#|href="#)')
_METADATA_RE = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)


def spending_chart_svg(
    result: MonitoringResult, project_seq: int | None = None, *, id_prefix: str = ""
) -> str:
    """The chart of project ``project_seq`` (the unit's when ``None``) as SVG text for
    inline embedding: no XML prolog, text as text, the plan line ``id="plan-curve"``
    and the actual point ``id="actual"``. ``id_prefix`` is put before every id (and
    reference to one) so several charts can share a page.

    Raises ``ValueError`` for a ``project_seq`` the result does not have.
    """
    text = _render(_chart(result, project_seq), "svg").decode("utf-8")
    text = text[text.index("<svg") :]
    text = _METADATA_RE.sub("", text, count=1)  # Dublin Core block: the <title> says it
    if id_prefix:
        text = _ID_RE.sub(lambda m: m.group(1) + id_prefix, text)
    return text


def write_spending_chart(
    result: MonitoringResult, path: Path, *, project_seq: int | None = None, fmt: str = "png"
) -> Path:
    """Write the chart of project ``project_seq`` (the unit's when ``None``) to ``path``
    as ``png`` (150 dpi, 960 × 540 px) or ``svg`` (a standalone file, prolog kept).

    The folder of ``path`` is created when missing. Raises ``ValueError`` for another
    format (before anything is written) or an unknown ``project_seq``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"未知的图表格式：{fmt!r}（可选：{'、'.join(FORMATS)}）")
    data = _render(_chart(result, project_seq), fmt)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
