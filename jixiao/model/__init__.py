"""The domain model: pure, frozen, typed records of a budget disclosure. No I/O.

Names follow ``shared/domain/GLOSSARY.md``. Money is ``Decimal`` with its unit;
every value read from a document keeps its raw text and its :class:`Location`.
"""

from jixiao.model.budget import (
    BudgetColumn,
    BudgetRow,
    BudgetTable,
    CellValue,
    ColumnRole,
    Side,
    TableKind,
)
from jixiao.model.disclosure import Disclosure, NarrativeSection, YearEvidence
from jixiao.model.finding import Finding, Grade, Severity
from jixiao.model.goals import DepartmentGoals, SubGoal
from jixiao.model.indicator import (
    LEVEL1_NAMES,
    LEVEL2_NAMES,
    Indicator,
    Level1,
    Level2,
    LevelName,
    normalise_level1,
    normalise_level2,
)
from jixiao.model.location import Layout, Location, Source
from jixiao.model.money import Money, MoneyUnit, convert
from jixiao.model.project import (
    CHECKPOINT_MONTHS,
    PlanKind,
    Project,
    SpendingCheckpoint,
    TargetScope,
)
from jixiao.model.target import Operator, TargetKind, TargetValue

__all__ = [
    "CHECKPOINT_MONTHS",
    "LEVEL1_NAMES",
    "LEVEL2_NAMES",
    "BudgetColumn",
    "BudgetRow",
    "BudgetTable",
    "CellValue",
    "ColumnRole",
    "DepartmentGoals",
    "Disclosure",
    "Finding",
    "Grade",
    "Indicator",
    "Layout",
    "Level1",
    "Level2",
    "LevelName",
    "Location",
    "Money",
    "MoneyUnit",
    "NarrativeSection",
    "Operator",
    "PlanKind",
    "Project",
    "Severity",
    "Side",
    "Source",
    "SpendingCheckpoint",
    "SubGoal",
    "TableKind",
    "TargetKind",
    "TargetScope",
    "TargetValue",
    "YearEvidence",
    "convert",
    "normalise_level1",
    "normalise_level2",
]
