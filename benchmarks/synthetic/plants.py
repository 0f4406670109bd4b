"""Faults planted on purpose, and the check that the review finds them: the plant kinds
and the rules expected to find each, the planting of project faults (targets, framework,
bases, spending plans, sector relevance) and of document faults (a missing table, a leaf
that breaks its sums, a narrative figure that differs from its table), and the matching
of findings to plants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from jixiao.ingest.target import parse_target
from jixiao.model import (
    Disclosure,
    Finding,
    LevelName,
    PlanKind,
    Project,
    TableKind,
    normalise_level2,
)

from .tables import _cell, _fmt
from .vocabulary import OTHER_SECTOR

if TYPE_CHECKING:
    from .corpus import Corpus
    from .projects import _Spec


@dataclass(frozen=True)
class Plant:
    """A fault put into the corpus on purpose, and where its finding must be.

    ``project_seq``/``indicator_index`` for project faults (index ``None``: the finding
    is about the project); ``table``/``codes`` for table faults (a finding on one of the
    codes, or on the table without a code); ``line`` for narrative faults (a finding at
    the section's line); a missing table only needs a finding of the document.
    """

    kind: str
    document: int
    project_seq: int | None = None
    indicator_index: int | None = None
    table: str | None = None
    codes: tuple[str, ...] = ()
    line: int | None = None
    detail: str = ""


PLANT_RULES: dict[str, tuple[str, ...]] = {
    "arithmetic-leaf": ("sum-mismatch", "row-total-mismatch", "cross-table-mismatch"),
    "target-run-together": ("target-run-together",),
    "target-unparsed": ("target-unparsed",),
    "framework-misplaced-level2": ("framework-level2-misplaced",),
    "framework-no-satisfaction": ("framework-level1-missing",),
    "basis-empty": ("basis-empty",),
    "plan-not-cumulative": ("plan-not-cumulative",),
    "plan-not-100": ("plan-incomplete",),
    "relevance-other-sector": ("indicator-other-sector",),
    "narrative-figure": ("narrative-figure-mismatch", "narrative-figure-unit-slip"),
    "narrative-procurement-figure": ("narrative-figure-mismatch", "narrative-figure-unit-slip"),
    "completeness-missing-table": ("completeness-table-missing",),
}
"""Plant kind → the rule ids of which one must find it (ids not registered are ignored)."""

DOCUMENT_KINDS = (
    "completeness-missing-table",
    "arithmetic-leaf",
    "narrative-figure",
    "narrative-procurement-figure",
)
PROJECT_KINDS = tuple(k for k in PLANT_RULES if k not in DOCUMENT_KINDS)
_REMOVABLE = (
    TableKind.THREE_PUBLIC_EXPENSES,
    TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE,
    TableKind.INCOME_SUMMARY,
    TableKind.GOV_FUND_EXPENDITURE,
    TableKind.STATE_CAPITAL_EXPENDITURE,
)
_TREE_TABLES = (
    TableKind.EXPENDITURE_SUMMARY,
    TableKind.GENERAL_BUDGET_EXPENDITURE,
    TableKind.INCOME_SUMMARY,
)
_PERCENT = re.compile(r"≥([0-9]+)%")
_RATE = re.compile(r"≥[89][0-9]%")  # ≥9090%及以上 is read back only from two-digit rates


class Planting:
    """The fault planting of :class:`~synthetic.corpus.DocumentBuilder` (a mixin)."""

    def next_kind(self, kinds: tuple[str, ...], usable) -> str | None:
        """The next kind in the corpus-wide rotation that ``usable`` accepts."""
        for _ in range(len(kinds)):
            kind = kinds[self.cycle[kinds] % len(kinds)]
            self.cycle[kinds] += 1
            if usable(kind):
                return kind
        return None

    def plant_project(self, project: Project, spec: _Spec) -> Project:
        r, inds = self.rng, list(project.indicators)
        percent_plan = project.spending_plan and all(
            c.kind is PlanKind.PERCENT for c in project.spending_plan
        )

        def usable(kind: str) -> bool:
            if kind.startswith("plan-"):
                return bool(percent_plan)
            if kind == "relevance-other-sector":
                return self.sector == "admin"
            return True

        kind = self.next_kind(PROJECT_KINDS, usable)
        seq, index, detail = project.seq, None, ""
        if kind == "target-run-together":
            ind = r.choice([i for i in inds if _RATE.fullmatch(i.target.raw)])
            value = ind.target.raw[1:-1]
            detail = f"≥{value}{value}%及以上"
            inds[ind.index - 1] = replace(ind, target=parse_target(detail, fiscal_year=self.year))
            index = ind.index
        elif kind == "target-unparsed":
            ind = r.choice([i for i in inds if _PERCENT.fullmatch(i.target.raw)])
            detail = f"{ind.level3[-3:]}{ind.target.raw}"  # a label before the operator
            target = parse_target(detail, fiscal_year=self.year)
            if target.kind.value != "unparsed":
                detail = "95%-100%"
                target = parse_target(detail, fiscal_year=self.year)
            inds[ind.index - 1] = replace(ind, target=target)
            index = ind.index
        elif kind == "framework-misplaced-level2":
            if r.random() < 0.5:
                ind = r.choice([i for i in inds if i.level1.raw == "产出指标"])
                wrong = "社会效益指标"
            else:
                ind = r.choice([i for i in inds if i.level1.raw == self.outcome_name])
                wrong = "数量指标"
            detail = f"{ind.level1.raw}/{wrong}"
            level2 = LevelName(raw=wrong, normalised=normalise_level2(wrong))
            inds[ind.index - 1] = replace(ind, level2=level2)
            index = ind.index
        elif kind == "framework-no-satisfaction":
            kept = [i for i in inds if i.level1.raw != "满意度指标"]
            inds = [replace(i, index=n) for n, i in enumerate(kept, start=1)]
            detail = "满意度指标 removed"
        elif kind == "basis-empty":
            ind = r.choice(inds)
            inds[ind.index - 1] = replace(ind, basis=None)
            index = ind.index
        elif kind == "plan-not-cumulative":
            first = r.choice((30, 40, 50))
            values = (first, first - r.choice((10, 20)), r.choice((75, 80, 90)), 100)
            detail = "/".join(map(str, values))
            project = replace(
                project,
                spending_plan=self.plan(
                    0,
                    project.spending_plan[0].location,
                    values,
                    "pct%" if project.spending_plan[-1].raw.endswith("%") else "pct",
                ),
            )
        elif kind == "plan-not-100":
            last = r.choice((80, 90, 95))
            values = (25, 50, min(75, last - 5), last)
            detail = "/".join(map(str, values))
            project = replace(
                project,
                spending_plan=self.plan(
                    0,
                    project.spending_plan[0].location,
                    values,
                    "pct%" if project.spending_plan[-1].raw.endswith("%") else "pct",
                ),
            )
        elif kind == "relevance-other-sector":
            ind = r.choice(
                [i for i in inds if i.level1.raw == "满意度指标"]
                + [i for i in inds if i.level2.raw in ("数量指标", "质量指标")]
            )
            group = ind.level2.raw[:2] if ind.level1.raw != "满意度指标" else "满意度"
            name = r.choice(OTHER_SECTOR[group])
            target = ind.target
            if group == "数量":
                target = parse_target(f"{r.randint(20, 500)}人", fiscal_year=self.year)
            elif group == "质量":
                target = parse_target("≥95%", fiscal_year=self.year)
            inds[ind.index - 1] = replace(ind, level3=name, description=None, target=target)
            index, detail = ind.index, name
        if kind is None:
            return project
        self.plants.append(Plant(kind, self.number, seq, index, detail=detail))
        return replace(project, indicators=tuple(inds))

    def plant_document(self, doc: Disclosure) -> Disclosure:
        """Faults in the tables and the narrative: each budget table draws one at the
        fault rate; kinds rotate over the corpus and a document takes a kind once."""
        r = self.rng
        draws = sum(1 for _ in range(9) if r.random() < self.rate)
        kinds: list[str] = []

        def usable(kind: str) -> bool:
            return kind not in kinds and (
                kind != "narrative-procurement-figure" or self.procurement > 0
            )

        for _ in range(draws):
            kind = self.next_kind(DOCUMENT_KINDS, usable)
            if kind:
                kinds.append(kind)
        for kind in DOCUMENT_KINDS:  # removing a table first: the sums avoid what is gone
            if kind in kinds:
                doc = getattr(self, "plant_" + kind.split("-")[0])(doc, kind)
        return doc

    def plant_completeness(self, doc: Disclosure, kind: str) -> Disclosure:
        table = doc.table(self.rng.choice(_REMOVABLE))
        assert table is not None
        self.plants.append(
            Plant("completeness-missing-table", self.number, table=table.title, detail=table.title)
        )
        return replace(doc, budget_tables=tuple(t for t in doc.budget_tables if t is not table))

    def plant_arithmetic(self, doc: Disclosure, kind: str) -> Disclosure:
        r = self.rng
        table = r.choice([t for t in doc.budget_tables if t.kind in _TREE_TABLES])
        rows = list(table.rows)
        leaves = [i for i, row in enumerate(rows) if row.code and len(row.code) == 7]
        i = r.choice(leaves)
        row = rows[i]
        cell = row.values[0]  # 合计
        assert cell.column == "合计" and cell.value is not None
        delta = r.randint(100, 5_000) * self.per_wan  # 1–50万元: far beyond rounding
        raw = _fmt(int(cell.value * 100) + delta)
        rows[i] = replace(row, values=(_cell("合计", raw), *row.values[1:]))
        code = row.code or ""
        self.plants.append(
            Plant(
                "arithmetic-leaf",
                self.number,
                table=table.title,
                codes=(code, code[:5], code[:3]),
                detail=f"{code} 合计 {cell.raw} → {raw}",
            )
        )
        new = replace(table, rows=tuple(rows))
        return replace(
            doc, budget_tables=tuple(new if t is table else t for t in doc.budget_tables)
        )

    def plant_narrative(self, doc: Disclosure, kind: str) -> Disclosure:
        """A figure of the prose changed by 1–50万元 (far beyond rounding): 基本支出,
        项目支出, 三公 or 上年末固定资产 (``narrative-figure``), or the 政府采购 total
        (``narrative-procurement-figure``). 机关运行经费 is left alone: it is no table
        figure (it only *usually* equals 公用经费) and has a rule of its own."""
        r = self.rng
        delta = r.randint(100, 5_000)  # 0.01万元
        present = {t.kind for t in doc.budget_tables}  # a removed table has no figure to differ
        choices = [
            (
                "二、部门预算安排的总体情况",
                "其中基本支出",
                self.m(self.basic_total),
                self.m(self.basic_total + delta * self.per_wan),
            ),
            (
                "二、部门预算安排的总体情况",
                "项目支出",
                self.m(self.project_total),
                self.m(self.project_total + delta * self.per_wan),
            ),
            (
                "七、国有资产信息",
                "固定资产金额为",
                f"{_fmt(self.assets)}万元",
                f"{_fmt(self.assets + delta)}万元",
            ),
        ]
        if TableKind.EXPENDITURE_SUMMARY not in present:
            choices = choices[2:]
        if sum(self.three) and TableKind.THREE_PUBLIC_EXPENSES in present:
            choices.append(
                (
                    "四、财政拨款“三公”经费预算情况及增减变化原因",
                    "经费预算安排",
                    self.m(sum(self.three)),
                    self.m(sum(self.three) + delta * self.per_wan),
                )
            )
        if kind == "narrative-procurement-figure":
            choices = [
                (
                    "六、政府采购预算情况",
                    "政府采购预算",
                    self.m(self.procurement),
                    self.m(self.procurement + delta * self.per_wan),
                )
            ]
        heading, words, before, after = r.choice(choices)
        old, new = words + before, words + after
        sections = list(doc.narrative)
        for k, section in enumerate(sections):
            if section.heading == heading:
                paragraphs = tuple(p.replace(old, new, 1) for p in section.paragraphs)
                assert paragraphs != section.paragraphs, (old, section.paragraphs)
                sections[k] = replace(section, paragraphs=paragraphs)
                assert section.location is not None
                self.plants.append(
                    Plant(kind, self.number, line=section.location.line, detail=f"{old} → {new}")
                )
        return replace(doc, narrative=tuple(sections))


def rules_for(kind: str) -> tuple[str, ...]:
    """The registered rules of ``kind`` (none while its family has not landed)."""
    from jixiao.review import RULES

    return tuple(rule_id for rule_id in PLANT_RULES[kind] if rule_id in RULES)


def found(plant: Plant, findings: list[Finding], rules: tuple[str, ...]) -> bool:
    """True when one of ``findings`` is a finding of ``rules`` at the plant's place."""
    for f in findings:
        if f.rule not in rules:
            continue
        if plant.project_seq is not None:
            if f.project_seq == plant.project_seq and (
                plant.indicator_index is None or f.indicator_index == plant.indicator_index
            ):
                return True
        elif plant.codes:
            table = f.location.table if f.location else None
            if f.code in plant.codes or (f.code is None and table == plant.table):
                return True
        elif plant.line is not None:
            if f.location is not None and f.location.line == plant.line:
                return True
        elif plant.table is not None:  # a missing table: its standard name is in the title
            table = f.location.table if f.location else None
            if f.project_seq is None and table and table in plant.table:
                return True
    return False


@dataclass
class KindResult:
    kind: str
    rules: tuple[str, ...]
    planted: int = 0
    found: int = 0
    missed: list[Plant] = field(default_factory=list)

    @property
    def status(self) -> str:
        if not self.rules:
            return "no rule yet"
        return "ok" if self.found == self.planted else "MISSED"


def check_plants(corpus: Corpus, findings: list[list[Finding]]) -> list[KindResult]:
    """Per plant kind: how many were planted and how many found (``findings[i]`` are the
    findings of ``corpus.documents[i]``)."""
    results = {kind: KindResult(kind, rules_for(kind)) for kind in PLANT_RULES}
    for plant in corpus.plants:
        result = results[plant.kind]
        result.planted += 1
        if result.rules and found(plant, findings[plant.document], result.rules):
            result.found += 1
        elif result.rules:
            result.missed.append(plant)
    return list(results.values())
