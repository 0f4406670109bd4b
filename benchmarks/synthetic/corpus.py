"""The synthetic corpus: :class:`DocumentBuilder` composes one disclosure from the
projects, tables, prose and plants mixins, and :func:`generate_corpus` builds documents
until the corpus holds the asked number of projects, deterministic in its seed."""

from __future__ import annotations

import hashlib
import random
import time
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jixiao.model import (
    Disclosure,
    Layout,
    Location,
    MoneyUnit,
    Project,
    Source,
    YearEvidence,
)

from .plants import Plant, Planting
from .projects import Projects, _Spec
from .prose import Prose
from .tables import BudgetTables, _fmt
from .vocabulary import GLOSSARY, PLACES, SECTOR_UNITS, UNIT_BASES

TARGET_PROJECTS = 10_000  # the benchmark's reference size


@dataclass
class Corpus:
    """Generated documents and the faults planted in them."""

    documents: list[Disclosure]
    plants: list[Plant]
    seconds: float = 0.0  # generation time

    @property
    def projects(self) -> int:
        return sum(len(d.projects) for d in self.documents)

    @property
    def indicators(self) -> int:
        return sum(d.indicator_count for d in self.documents)


class DocumentBuilder(Projects, BudgetTables, Prose, Planting):
    """Builds one disclosure. Amounts are integers in hundredths of the document's unit
    (0.01万元 or 1分), so every sum is exact; project budgets are whole 0.01万元 (100元)."""

    def __init__(
        self, rng: random.Random, number: int, n_projects: int, rate: float, cycle: Counter
    ) -> None:
        r = self.rng = rng
        self.number, self.n_projects, self.rate, self.cycle = number, n_projects, rate, cycle
        self.sector = r.choices(("admin", "edu", "health"), (75, 15, 10))[0]
        suffix, self.nature = r.choice(SECTOR_UNITS[self.sector])
        self.unit_name = r.choice(PLACES) + suffix
        self.unit_code = f"{r.randint(100, 999)}{r.randint(1, 9):03d}"
        self.county = f"{r.randint(200, 899):04d}"
        self.year = r.randint(2020, 2025)
        self.in_wan = r.random() < 0.8  # tables in 万元, else in 元
        self.unit = MoneyUnit.WAN_YUAN if self.in_wan else MoneyUnit.YUAN
        self.per_wan = 1 if self.in_wan else 10_000  # hundredths of the unit in 0.01万元
        self.narrate_wan = self.in_wan or r.random() < 0.5  # 元 documents often narrate in 万元
        self.tree101 = r.random() < 0.2
        self.cost_first = r.random() < 0.5
        self.outcome_name = "效果指标" if r.random() < 0.1 else "效益指标"
        self.plan_style = r.choices(("pct%", "pct", "amount", "blanks"), (70, 18, 6, 6))[0]
        self.basis_all = r.choice(UNIT_BASES) if r.random() < 0.2 else None
        self.describe = r.random() < 0.6  # prints 绩效指标描述
        self.path = f"synthetic/{number:05d}_{self.unit_code}_{self.year}.txt"
        self.line = 1
        self.specs: list[_Spec] = []
        self.projects: list[Project] = []
        self.clean: list[Project] = []
        self.plants: list[Plant] = []

    # ---------------------------------------------------------------- helpers
    def at(self, step: int = 1, **kwargs) -> Location:
        self.line += step
        return Location(file=self.path, line=self.line, **kwargs)

    def draw(self, lo: float, hi: float) -> int:
        """A random amount of ``lo``–``hi`` 万元 in the document's hundredths."""
        cents = round(self.rng.uniform(lo, hi) * 100) * self.per_wan
        if not self.in_wan and self.rng.random() < 0.7:
            cents += self.rng.randrange(0, 10_000)  # 元 tables print odd yuan and fen
        return cents

    def m(self, cents: int) -> str:
        """An amount as the narrative prints it, with its unit."""
        if not cents:
            return "0万元" if self.narrate_wan else "0元"
        if self.in_wan:
            return f"{_fmt(cents)}万元"
        if not self.narrate_wan:
            return f"{_fmt(cents)}元"
        return f"{(Decimal(cents) / 1_000_000).quantize(Decimal('0.01'), ROUND_HALF_UP)}万元"

    # ---------------------------------------------------------------- the document
    def build(self) -> Disclosure:
        """The document in print order: 情况说明 with the 机构 table, the budget tables,
        部门整体绩效目标, the project tables, then 政府采购, 国有资产, 名词解释."""
        self.plan_projects()
        self.compute()
        self.procure()
        self.draw_assets()
        self.line = 10
        head = self.narrative_head()
        organisation = self.organisation_table()
        tables = self.build_tables()
        performance = [self.section("第一部分部门整体绩效目标")]
        goals_line = self.line
        self.line += 10 + 30 * len(self.specs)  # room for the goals, built after the projects
        performance.append(self.section("第二部分预算项目绩效目标"))
        self.build_projects()
        end, self.line = self.line, goals_line
        goals = self.goals()
        self.line = end
        tail = [self.narrative_tail("procurement")]
        procurement = self.procurement_table()
        tail.append(self.narrative_tail("assets"))
        assets = self.assets_table()
        tail.append(self.section("八、名词解释", *GLOSSARY))
        tail.append(self.section("九、其他需要说明的事项", "本部门无其他需要说明的事项。"))
        disclosure = Disclosure(
            unit_code=self.unit_code,
            unit_name=self.unit_name,
            fiscal_year=self.year,
            fiscal_year_evidence=YearEvidence.PRINTED,
            money_unit=self.unit,
            source=Source(
                path=self.path,
                sha256=hashlib.sha256(self.path.encode()).hexdigest(),
                layout=Layout.WORD_EXPORT,
                encoding="utf-8",
                size_bytes=0,
            ),
            budget_tables=(organisation, *tables, procurement, assets),
            department_goals=goals,
            projects=tuple(self.projects),
            narrative=(*head, *performance, *tail),
        )
        return self.plant_document(disclosure)


def generate_corpus(
    projects: int = TARGET_PROJECTS, *, seed: int = 1, fault_rate: float = 0.02
) -> Corpus:
    """Documents holding ``projects`` projects in all (5–30 a document), deterministic in
    ``seed``; faults planted at ``fault_rate`` (0 for a clean corpus)."""
    start = time.perf_counter()
    rng = random.Random(seed)
    cycle: Counter = Counter()
    documents: list[Disclosure] = []
    plants: list[Plant] = []
    left = projects
    while left > 0:
        n = min(left, rng.randint(5, 30))
        if 0 < left - n < 5:  # no document of fewer than 5 projects at the end
            n = left - 5 if left - 5 >= 5 else left
        builder = DocumentBuilder(rng, len(documents), n, fault_rate, cycle)
        documents.append(builder.build())
        plants += builder.plants
        left -= n
    return Corpus(documents, plants, time.perf_counter() - start)


# ================================================================== reviewing
