"""Actuals for the synthetic corpus: what each unit reports against its disclosure, at a
month end (绩效运行监控, 财预〔2019〕136号) and at year end (绩效自评, 财预〔2020〕10号).

:func:`generate_actuals` builds, for every :class:`jixiao.model.Disclosure` of a corpus,
two :class:`jixiao.model.actuals.ActualsReport` records directly (no workbook is read):

- funding: 年度资金总额 and 财政拨款 rows (其他资金 where the project has some), spent on
  plan, behind it (yellow, red), ahead of it, over the budget, or left blank; a 全年预算数
  for the 10 % of projects whose budget was adjusted;
- indicators: an actual written as units write them and read with
  :func:`jixiao.ingest.target.parse_target` (``96.5%``, ``11个``, ``2024年11月20日``,
  ``按时完成``, ``部分达成``): met, exceeded, far exceeded, slightly or far missed, or blank;
  qualitative and deadline indicators with their band (达成 / 部分达成 / 未达成);
  完成目标可能性, 偏差原因 (kinds and words) and 改进措施 present or absent in realistic
  proportions; in 15 % of 自评表 the unit's own 分值 and 得分.

Every case that should (or should not) give a finding is recorded as a
:class:`Situation`; :data:`EXPECTED` says what the engines must do there. Besides the
common cases (drawn at the rates in the code), each report gets one rare case, the kinds
of :data:`RARE` taken in turn across the corpus (document ``n`` gets ``RARE[n % k]``), so
a province of ten units already holds every kind. Deterministic in the seed: a
document's reports come from a ``random.Random`` seeded by the seed, the report kind and
the document's number.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from jixiao.model import (
    Disclosure,
    Level1,
    Location,
    Money,
    MoneyUnit,
    PlanKind,
    Project,
)
from jixiao.model.actuals import (
    ActualsKind,
    ActualsReport,
    FundingActual,
    FundingSource,
    ProjectActuals,
)

from .actual_values import EVALUATE, MONITOR, IndicatorValues


@dataclass(frozen=True)
class Expect:
    """What the engines must do at a situation's place: one finding of ``rules`` there;
    none of ``absent``; for monitoring, the project's ``status`` (green/yellow/red)."""

    rules: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    status: str | None = None


_BEHIND = "monitor-execution-unexplained"
_DEVIATION = "evaluate-deviation-unexplained"
EXPECTED: dict[str, Expect] = {
    # monitoring (136号, RULES.md §8)
    "monitor-behind-yellow": Expect(status="yellow"),
    "monitor-behind-red": Expect(status="red"),
    "monitor-behind-unexplained": Expect(rules=(_BEHIND,)),
    "monitor-behind-explained": Expect(absent=(_BEHIND,)),
    "monitor-ahead": Expect(absent=(_BEHIND,), status="green"),
    "monitor-overspent": Expect(rules=("monitor-overspent",)),
    "monitor-spent-blank": Expect(rules=("monitor-spent-missing",)),
    "monitor-uncertain-unexplained": Expect(rules=("monitor-reason-missing",)),
    "monitor-uncertain-explained": Expect(absent=("monitor-reason-missing",)),
    "monitor-actual-blank": Expect(rules=("monitor-actual-missing",)),
    "monitor-likelihood-blank": Expect(rules=("monitor-likelihood-missing",)),
    "monitor-project-missing": Expect(rules=("monitor-project-missing",)),
    "monitor-project-unknown": Expect(rules=("monitor-project-unknown",)),
    "monitor-row-mismatch": Expect(rules=("monitor-indicator-mismatch",)),
    "monitor-row-unknown": Expect(rules=("monitor-indicator-mismatch",)),
    # self-evaluation (10号, RULES.md §9)
    "evaluate-execution-low-unexplained": Expect(rules=("evaluate-execution-unexplained",)),
    "evaluate-execution-low-explained": Expect(absent=("evaluate-execution-unexplained",)),
    "evaluate-overspent": Expect(absent=("evaluate-execution-unexplained",)),
    "evaluate-spent-blank": Expect(rules=("evaluate-execution-missing",)),
    "evaluate-budget-zero": Expect(rules=("evaluate-execution-no-budget",)),
    "evaluate-missed-unexplained": Expect(rules=(_DEVIATION,)),
    "evaluate-missed-explained": Expect(absent=(_DEVIATION,)),
    "evaluate-far-exceeded": Expect(absent=(_DEVIATION,)),
    "evaluate-zero-target-exceeded": Expect(rules=(_DEVIATION,)),
    "evaluate-actual-blank": Expect(rules=("evaluate-actual-missing",)),
    "evaluate-band-missing": Expect(rules=("evaluate-achievement-missing",)),
    "evaluate-not-comparable": Expect(rules=("evaluate-unscorable",)),
    "evaluate-claim-inflated": Expect(
        rules=("evaluate-claimed-score-differs", "evaluate-claimed-score-outside-band")
    ),
    "evaluate-weights-given": Expect(absent=("evaluate-weights-inconsistent",)),
    "evaluate-weights-inconsistent": Expect(rules=("evaluate-weights-inconsistent",)),
    "evaluate-project-missing": Expect(rules=("evaluate-project-missing",)),
    "evaluate-project-unknown": Expect(rules=("evaluate-project-unknown",)),
    "evaluate-row-mismatch": Expect(rules=("evaluate-indicator-mismatch",)),
    "evaluate-row-unknown": Expect(rules=("evaluate-indicator-unknown",)),
    "evaluate-report-mismatch": Expect(rules=("evaluate-report-mismatch",)),
}
"""Situation kind → what the engines must do there."""

RARE: dict[ActualsKind, tuple[str, ...]] = {
    MONITOR: (
        "project-missing", "project-unknown", "row-mismatch", "row-unknown",
        "overspent", "spent-blank",
    ),
    EVALUATE: (
        "project-missing", "project-unknown", "row-mismatch", "row-unknown", "spent-blank",
        "budget-zero", "weights-inconsistent", "not-comparable", "band-missing",
        "report-mismatch",
    ),
}  # fmt: skip
"""The rare cases (kind without its ``monitor-``/``evaluate-`` prefix), one a report."""


_EXECUTION_NOTES = (
    "部分合同尚未到结算期，资金按合同进度支付",
    "项目采购节约资金，实际支出低于预算",
    "工程尚未验收，尾款未支付",
)
_ENTERED_AT = dt.datetime(2025, 1, 15, 9, 30)
_LEVEL_POINTS = {Level1.OUTPUT: 50, Level1.OUTCOME: 30, Level1.SATISFACTION: 10}
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Situation:
    """A case put into the actuals: its kind (a key of :data:`EXPECTED`), the report,
    the document's number in the corpus, the project (``None``: the report as a whole)
    and, for indicator cases, the indicator's index."""

    kind: str
    report: ActualsKind
    document: int
    project_seq: int | None
    indicator_index: int | None = None


@dataclass
class Actuals:
    """The reports of a corpus, one of each kind per document (in the documents'
    order), and the situations in them."""

    monitoring: list[ActualsReport]
    evaluation: list[ActualsReport]
    situations: list[Situation] = field(default_factory=list)
    seconds: float = 0.0


def planned_share(project: Project, month: int) -> float | None:
    """The plan's cumulative percent at ``month``'s end: linear between (0, 0) and the
    printed checkpoints, blanks skipped, 12月底 100 when blank (RULES.md §7, as
    ``jixiao.evaluate.plan`` reads it); ``None`` with no usable checkpoint."""
    budget = project.budget_total.value if project.budget_total else None
    points = {}
    for checkpoint in project.spending_plan:
        if checkpoint.value is None:
            continue
        if checkpoint.kind is PlanKind.AMOUNT:
            if budget:
                points[checkpoint.month] = float(checkpoint.value / budget * 100)
        else:
            points[checkpoint.month] = float(checkpoint.value)
    if not points:
        return None
    points.setdefault(12, 100.0)
    m0, p0 = 0, 0.0
    for m1, p1 in sorted(points.items()):
        if month <= m1:
            return p0 + (p1 - p0) * (month - m0) / (m1 - m0)
        m0, p0 = m1, p1
    return p0


def _money(value: float | Decimal | None, unit: MoneyUnit | None, loc: Location) -> Money | None:
    if value is None:
        return None
    amount = Decimal(str(value)).quantize(_CENT, ROUND_HALF_UP)
    return Money(raw=f"{amount}", value=amount, unit=unit, location=loc)


def _split(points: int, count: int) -> list[Decimal]:
    """``points`` shared by ``count`` as a unit fills its 分值: whole points where they
    go round (50 over 7: six 7s and an 8), else cents; the rest to the last."""
    if count <= points:
        step = Decimal(points // count)
    else:
        step = (Decimal(points) / count).quantize(_CENT, rounding=ROUND_DOWN)
    parts = [step] * count
    parts[-1] += Decimal(points) - step * count
    return parts


class _Filler(IndicatorValues):
    """The report of one document (a monitoring one or a self-evaluation)."""

    def __init__(self, doc: Disclosure, number: int, kind: ActualsKind, period: int, seed: int):
        self.doc, self.number, self.kind, self.period = doc, number, kind, period
        self.rng = random.Random(f"{seed}:{kind.value}:{number}")
        self.year = doc.fiscal_year
        self.prefix = "monitor" if kind is MONITOR else "evaluate"
        self.file = f"synthetic/actuals/{number:05d}_{doc.unit_code}_{kind.value}.xlsx"
        self.situations: list[Situation] = []
        rare = RARE[kind]
        self.rare = rare[number % len(rare)]
        self.rare_seq = self.rng.choice(doc.projects).seq if doc.projects else None

    def plant(self, kind: str, seq: int | None, index: int | None = None) -> None:
        self.situations.append(
            Situation(f"{self.prefix}-{kind}", self.kind, self.number, seq, index)
        )

    def rare_here(self, kind: str, seq: int) -> bool:
        return self.rare == kind and seq == self.rare_seq

    def report(self) -> ActualsReport:
        projects = []
        for project in self.doc.projects:
            if self.rare_here("project-missing", project.seq):
                self.plant("project-missing", project.seq)
            else:
                projects.append(self.project(project))
        if self.rare == "project-unknown" and projects:
            seq = max(p.seq for p in self.doc.projects) + 1
            extra = replace(projects[0], project_seq=seq, project_name=f"{seq}.新增项目")
            projects.append(extra)
            self.plant("project-unknown", seq)
        year = self.year
        if self.rare == "report-mismatch":  # the unit filled last year's template
            year -= 1
            self.plant("report-mismatch", None)
        return ActualsReport(
            unit_code=self.doc.unit_code,
            unit_name=self.doc.unit_name,
            fiscal_year=year,
            kind=self.kind,
            period_month=self.period,
            projects=tuple(projects),
            entered_by="synthetic",
            entered_at=_ENTERED_AT,
            source_path=self.file,
            disclosure_sha256=self.doc.source.sha256 if self.doc.source else None,
        )

    def project(self, project: Project) -> ProjectActuals:
        r, seq = self.rng, project.seq
        loc = Location(file=self.file, table=f"项目{seq}")
        funding, note = self.funding(project, loc)
        weights = self.weights(project)
        rows = [self.indicator(project, ind, loc, weights) for ind in project.indicators]
        if self.rare_here("row-mismatch", seq) and len(rows) > 1:  # a row shifted
            rows[0] = replace(rows[0], level3=project.indicators[1].level3)
            # the engines set the row aside: what was planted in it is moot
            self.situations = [
                s for s in self.situations if (s.project_seq, s.indicator_index) != (seq, 1)
            ]
            self.plant("row-mismatch", seq, 1)
        if self.rare_here("row-unknown", seq):
            index = len(rows) + 1
            rows.append(replace(rows[-1], indicator_index=index, level3="新增指标"))
            self.plant("row-unknown", seq, index if self.kind is EVALUATE else None)
        achieved = None
        if self.kind is EVALUATE:
            achieved = r.choice(("已完成年度目标", "基本完成年度目标", "各项目标均已达成"))
        return ProjectActuals(
            project_seq=seq,
            project_name=project.project_name,
            money_unit=project.money_unit,
            funding=funding,
            indicators=tuple(rows),
            project_code=project.project_code,
            goal_achieved=achieved,
            execution_note=note,
            location=loc,
        )

    # ---------------------------------------------------------------- funding
    def funding(
        self, project: Project, loc: Location
    ) -> tuple[tuple[FundingActual, ...], str | None]:
        """The funding rows and the 预算执行偏差原因. The rate is against the 全年预算数
        when one is given, else the 年初预算数, as the engines read it."""
        r, seq, unit = self.rng, project.seq, project.money_unit
        total = project.budget_total.value if project.budget_total else None
        if not total:
            return (), None
        adjusted = float(total) * r.choice((0.9, 0.95, 1.05, 1.1)) if r.random() < 0.1 else None
        base = adjusted if adjusted is not None else float(total)
        rate, projected, behind = self.rate(project, seq)
        initial = total
        if self.rare_here("budget-zero", seq):  # 年初预算数 entered as 0: no rate
            initial, adjusted, behind = Decimal(0), None, ""
            self.plant("budget-zero", seq)
        note = None
        if behind:
            explained = r.random() < 0.5
            self.plant(f"{behind}-{'explained' if explained else 'unexplained'}", seq)
            note = r.choice(_EXECUTION_NOTES) if explained else None
        spent = None if rate is None else base * rate / 100
        at = loc.at(row=4)
        rows = [
            FundingActual(
                source=FundingSource.TOTAL,
                budget_initial=_money(initial, unit, at),
                budget_adjusted=_money(adjusted, unit, at),
                spent=_money(spent, unit, at),
                projected=_money(base * projected / 100 if projected else None, unit, at),
                location=at,
            )
        ]
        for source, money, row in (
            (FundingSource.FISCAL, project.budget_fiscal, 5),
            (FundingSource.OTHER, project.budget_other, 7),
        ):
            if money is None or not money.value:
                continue
            share, at = float(money.value / total), loc.at(row=row)
            rows.append(
                FundingActual(
                    source=source,
                    budget_initial=_money(money.value, unit, at),
                    budget_adjusted=_money(
                        None if adjusted is None else adjusted * share, unit, at
                    ),
                    spent=_money(None if spent is None else spent * share, unit, at),
                    location=at,
                )
            )
        return tuple(rows), note

    def rate(self, project: Project, seq: int) -> tuple[float | None, float | None, str]:
        """The execution rate (spent ÷ budget × 100), the projected year-end rate, and
        the kind of a rate that wants a reason (``""`` when none does)."""
        r, x = self.rng, self.rng.random()
        if self.rare_here("spent-blank", seq):
            self.plant("spent-blank", seq)
            return None, None, ""
        if self.rare_here("overspent", seq):
            self.plant("overspent", seq)
            return r.uniform(101, 108), r.uniform(101, 108), ""
        if self.kind is EVALUATE:
            if x < 0.72:
                return r.uniform(95, 100), None, ""
            if x < 0.84:
                return r.uniform(90.5, 95), None, ""
            if x < 0.93:  # below 90 %: a reason is expected (one province's rule)
                return r.uniform(75, 88), None, "execution-low"
            if x < 0.97:
                return 100.0, None, ""
            self.plant("overspent", seq)
            return r.uniform(101, 110), None, ""
        share = planned_share(project, self.period)
        if share is None:
            share = self.period / 12 * 100
        if x < 0.13 and share >= 20:
            self.plant("behind-yellow", seq)
            return share + r.uniform(-17, -13), r.uniform(85, 95), "behind"
        if x < 0.22 and share >= 35:
            self.plant("behind-red", seq)
            return share + r.uniform(-40, -25), r.uniform(70, 90), "behind"
        if x < 0.32 and share <= 85:
            self.plant("ahead", seq)
            return share + r.uniform(5, 15), 100.0, ""
        return max(share + r.uniform(-4, 4), 0.0), r.uniform(95, 100), ""

    def weights(self, project: Project) -> dict[int, Decimal]:
        """The 分值 the unit entered (15 % of 自评表): the default 一级 points (产出 50 with
        成本, 效益 30, 满意度 10) shared as units share them; none when a 一级 is absent."""
        if self.kind is not EVALUATE:
            return {}
        inconsistent = self.rare_here("weights-inconsistent", project.seq)
        if not inconsistent and self.rng.random() >= 0.15:
            return {}
        levels: dict[Level1, list[int]] = {level: [] for level in _LEVEL_POINTS}
        for ind in project.indicators:
            level = ind.level1.normalised
            level = Level1.OUTPUT if level is Level1.COST else level
            if level not in levels:
                return {}
            levels[level].append(ind.index)  # type: ignore[index]
        if not all(levels.values()):
            return {}
        weights = {}
        for level, indices in levels.items():
            weights.update(zip(indices, _split(_LEVEL_POINTS[level], len(indices)), strict=True))
        if inconsistent:
            weights[levels[Level1.OUTPUT][0]] += 2
        self.plant("weights-inconsistent" if inconsistent else "weights-given", project.seq)
        return weights

    # ---------------------------------------------------------------- indicators


def actuals_for(
    doc: Disclosure, number: int, kind: ActualsKind, *, period: int = 7, seed: int = 1
) -> tuple[ActualsReport, list[Situation]]:
    """One document's report of ``kind`` (a self-evaluation is at period 12) and its
    situations; ``number`` is the document's place in its corpus."""
    month = 12 if kind is EVALUATE else period
    filler = _Filler(doc, number, kind, month, seed)
    return filler.report(), filler.situations


def generate_actuals(documents: list[Disclosure], *, period: int = 7, seed: int = 1) -> Actuals:
    """A monitoring report at ``period`` and a self-evaluation for every document."""
    start = time.perf_counter()
    out = Actuals([], [])
    for number, doc in enumerate(documents):
        for kind, reports in ((MONITOR, out.monitoring), (EVALUATE, out.evaluation)):
            report, situations = actuals_for(doc, number, kind, period=period, seed=seed)
            reports.append(report)
            out.situations += situations
    out.seconds = time.perf_counter() - start
    return out
