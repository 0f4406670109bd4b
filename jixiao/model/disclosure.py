"""A unit's budget disclosure (部门预算公开) for one fiscal year: the root record."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jixiao.model.budget import BudgetTable
from jixiao.model.finding import Finding
from jixiao.model.goals import DepartmentGoals
from jixiao.model.location import Location, Source
from jixiao.model.money import MoneyUnit
from jixiao.model.project import Project


class YearEvidence(StrEnum):
    """Where the fiscal year was read from."""

    PRINTED = "printed"  # 预算年度：2023, 2020年部门预算…, a heading
    PROJECT_CODE = "project_code"  # only inside project codes (13022524P… → 2024)
    TARGET = "target"  # only inside targets (2024年年底)


@dataclass(frozen=True, slots=True, kw_only=True)
class NarrativeSection:
    """A heading and the paragraphs under it, as printed (情况说明, 名词解释 …).

    ``paragraph_lines`` gives the 1-based line each paragraph starts on, one per
    paragraph, so a finding about one sentence can point at its line; it is
    empty when the source gives no lines.
    """

    heading: str
    paragraphs: tuple[str, ...]
    location: Location | None = None
    paragraph_lines: tuple[int, ...] = ()

    def paragraph_location(self, index: int) -> Location | None:
        """Where paragraph ``index`` (0-based) starts; the section's location
        when its line is unknown."""
        if self.location is not None and index < len(self.paragraph_lines):
            return self.location.at(line=self.paragraph_lines[index])
        return self.location


@dataclass(frozen=True, slots=True, kw_only=True)
class Disclosure:
    """Everything read from one disclosure document.

    ``money_unit`` is the unit most of the document's tables print; each table and
    project carries its own too. ``narrative`` holds the prose outside the goals
    section and the tables, so nothing read is lost; ``notes`` are problems the
    reader met (text it could not place, guesses it made), as findings.
    """

    unit_code: str
    unit_name: str
    fiscal_year: int
    fiscal_year_evidence: YearEvidence
    money_unit: MoneyUnit | None
    source: Source
    budget_tables: tuple[BudgetTable, ...]
    department_goals: DepartmentGoals | None
    projects: tuple[Project, ...]
    narrative: tuple[NarrativeSection, ...] = ()
    notes: tuple[Finding, ...] = ()

    @property
    def indicator_count(self) -> int:
        """The number of indicator rows over all projects."""
        return sum(len(project.indicators) for project in self.projects)

    def table(self, kind: str) -> BudgetTable | None:
        """The first budget table of ``kind`` (a :class:`TableKind` value), if any."""
        for table in self.budget_tables:
            if table.kind == kind:
                return table
        return None
