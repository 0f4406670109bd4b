"""The JSON interchange format of a disclosure: plain dicts to and from the model.

The dict built here *is* the format: the JSON export and any tool outside jixiao
read it (``docs/format.md``, ``docs/schema/disclosure.schema.json``). The database
stores the same data more compactly (``jixiao.store.packed``) and reads content
stored in this format by earlier versions. Pure functions, no I/O.

Encoding rules: ``Decimal`` → exponent-free string keeping the printed precision
(``Decimal("3000.00")`` → ``"3000.00"``), dates → ISO ``YYYY-MM-DD``, enums → their
value, tuples → lists, ``None`` → ``null``. Every key is always written, so
``disclosure_from_dict(disclosure_to_dict(d)) == d`` holds exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

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
from jixiao.model.finding import Finding, Severity
from jixiao.model.goals import DepartmentGoals, SubGoal
from jixiao.model.indicator import Indicator, Level1, Level2, LevelName
from jixiao.model.location import Layout, Location, Source
from jixiao.model.money import Money, MoneyUnit
from jixiao.model.project import PlanKind, Project, SpendingCheckpoint, TargetScope
from jixiao.model.target import Operator, TargetKind, TargetValue

FORMAT_NAME = "jixiao-disclosure"
FORMAT_VERSION = 1

Json = dict[str, Any]


# --- scalars -------------------------------------------------------------------------


def decimal_to_str(value: Decimal | None) -> str | None:
    """``Decimal`` → exponent-free text with its precision kept; ``None`` stays ``None``.

    ``Decimal("3000.00")`` → ``"3000.00"``, ``Decimal("1E+3")`` → ``"1000"``.
    Raises ``ValueError`` for NaN and infinities, which no document prints.
    """
    if value is None:
        return None
    if not value.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    return format(value, "f")


def decimal_from_str(text: str | None) -> Decimal | None:
    """The inverse of :func:`decimal_to_str`; raises ``ValueError`` for non-numbers."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise ValueError(f"decimal must be a string, got {type(text).__name__}: {text!r}")
    value = Decimal(text)
    if not value.is_finite():
        raise ValueError(f"not a finite decimal: {text!r}")
    return value


def _enum(value: Any) -> str | None:
    return None if value is None else str(value.value)


def _opt(enum_type: Any, value: str | None) -> Any:
    return None if value is None else enum_type(value)


# --- locations, sources, findings -----------------------------------------------------


def _location(loc: Location | None) -> Json | None:
    if loc is None:
        return None
    return {
        "file": loc.file,
        "line": loc.line,
        "page": loc.page,
        "table": loc.table,
        "row": loc.row,
        "column": loc.column,
    }


def _location_from(data: Json | None) -> Location | None:
    if data is None:
        return None
    return Location(
        file=data["file"],
        line=data.get("line"),
        page=data.get("page"),
        table=data.get("table"),
        row=data.get("row"),
        column=data.get("column"),
    )


def _finding(f: Finding) -> Json:
    names = [name for name, _ in f.fields]
    if len(set(names)) != len(names):
        raise ValueError(f"finding {f.rule!r} has duplicate field names: {names}")
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "location": _location(f.location),
        "quote": f.quote,
        "fields": dict(f.fields),
        **{name: getattr(f, name) for name in _FINDING_SUBJECT if getattr(f, name) is not None},
    }


# Optional keys: reader notes seldom have them, review findings usually do.
_FINDING_SUBJECT = (
    "family",
    "project_seq",
    "project_title",
    "indicator_index",
    "indicator_name",
    "code",
)


def _finding_from(data: Json) -> Finding:
    return Finding(
        rule=data["rule"],
        severity=Severity(data["severity"]),
        message=data["message"],
        location=_location_from(data.get("location")),
        quote=data.get("quote"),
        fields=tuple((str(k), str(v)) for k, v in (data.get("fields") or {}).items()),
        **{name: data[name] for name in _FINDING_SUBJECT if data.get(name) is not None},
    )


def finding_to_dict(f: Finding) -> Json:
    """A finding in the interchange format (as in a disclosure's ``notes``).

    Raises ``ValueError`` for a finding with a repeated field name.
    """
    return _finding(f)


def finding_from_dict(data: Json) -> Finding:
    """The finding :func:`finding_to_dict` wrote."""
    return _finding_from(data)


# --- budget tables --------------------------------------------------------------------


def _column(c: BudgetColumn) -> Json:
    return {
        "key": c.key,
        "header": list(c.header),
        "role": c.role.value,
        "side": _enum(c.side),
        "column_no": c.column_no,
    }


def _column_from(data: Json) -> BudgetColumn:
    return BudgetColumn(
        key=data["key"],
        header=tuple(data["header"]),
        role=ColumnRole(data["role"]),
        side=_opt(Side, data.get("side")),
        column_no=data.get("column_no"),
    )


def _row(r: BudgetRow) -> Json:
    values: Json = {}
    raw: Json = {}
    for cell in r.values:
        if cell.column in raw:
            raise ValueError(f"budget row {r.name!r} has two cells in column {cell.column!r}")
        values[cell.column] = decimal_to_str(cell.value)
        raw[cell.column] = cell.raw
    return {
        "seq": r.seq,
        "code": r.code,
        "name": r.name,
        "side": _enum(r.side),
        "values": values,
        "raw": raw,
        "location": _location(r.location),
    }


def _row_from(data: Json) -> BudgetRow:
    values = data["values"]
    raw = data["raw"]
    if list(values) != list(raw):
        raise ValueError(f"budget row {data.get('name')!r}: 'values' and 'raw' keys differ")
    cells = tuple(
        CellValue(column=key, raw=raw[key], value=decimal_from_str(values[key])) for key in raw
    )
    return BudgetRow(
        seq=data.get("seq"),
        code=data.get("code"),
        name=data["name"],
        values=cells,
        side=_opt(Side, data.get("side")),
        location=_location_from(data.get("location")),
    )


def _table(t: BudgetTable) -> Json:
    return {
        "title": t.title,
        "kind": t.kind.value,
        "money_unit": _enum(t.money_unit),
        "captions": list(t.captions),
        "note": t.note,
        "columns": [_column(c) for c in t.columns],
        "rows": [_row(r) for r in t.rows],
        "location": _location(t.location),
    }


def _table_from(data: Json) -> BudgetTable:
    return BudgetTable(
        title=data["title"],
        kind=TableKind(data["kind"]),
        money_unit=_opt(MoneyUnit, data.get("money_unit")),
        columns=tuple(_column_from(c) for c in data["columns"]),
        rows=tuple(_row_from(r) for r in data["rows"]),
        captions=tuple(data.get("captions") or ()),
        note=data.get("note"),
        location=_location_from(data.get("location")),
    )


# --- goals, narrative -------------------------------------------------------------------


def _goals(g: DepartmentGoals | None) -> Json | None:
    if g is None:
        return None
    return {
        "overall_goal": g.overall_goal,
        "sub_goals": [
            {
                "seq": s.seq,
                "title": s.title,
                "goal": s.goal,
                "indicators_text": s.indicators_text,
                "location": _location(s.location),
            }
            for s in g.sub_goals
        ],
        "safeguards": list(g.safeguards),
        "location": _location(g.location),
    }


def _goals_from(data: Json | None) -> DepartmentGoals | None:
    if data is None:
        return None
    return DepartmentGoals(
        overall_goal=data["overall_goal"],
        sub_goals=tuple(
            SubGoal(
                seq=s.get("seq"),
                title=s["title"],
                goal=s.get("goal"),
                indicators_text=s.get("indicators_text"),
                location=_location_from(s.get("location")),
            )
            for s in data["sub_goals"]
        ),
        safeguards=tuple(data["safeguards"]),
        location=_location_from(data.get("location")),
    )


def _narrative(n: NarrativeSection) -> Json:
    return {
        "heading": n.heading,
        "paragraphs": list(n.paragraphs),
        "location": _location(n.location),
        **({"paragraph_lines": list(n.paragraph_lines)} if n.paragraph_lines else {}),
    }


def _narrative_from(data: Json) -> NarrativeSection:
    return NarrativeSection(
        heading=data["heading"],
        paragraphs=tuple(data["paragraphs"]),
        location=_location_from(data.get("location")),
        paragraph_lines=tuple(data.get("paragraph_lines") or ()),
    )


# --- projects and indicators ------------------------------------------------------------


def _money(m: Money | None) -> Json | None:
    if m is None:
        return None
    return {
        "raw": m.raw,
        "value": decimal_to_str(m.value),
        "unit": _enum(m.unit),
        "location": _location(m.location),
    }


def _money_from(data: Json | None) -> Money | None:
    if data is None:
        return None
    return Money(
        raw=data["raw"],
        value=decimal_from_str(data.get("value")),
        unit=_opt(MoneyUnit, data.get("unit")),
        location=_location_from(data.get("location")),
    )


def _level(name: LevelName) -> Json:
    return {"raw": name.raw, "normalised": _enum(name.normalised), "carried": name.carried}


def _level_from(data: Json, enum_type: type[Level1] | type[Level2]) -> LevelName:
    value = data.get("normalised")
    normalised: Level1 | Level2 | None = None
    if value is not None:
        try:
            normalised = enum_type(value)
        except ValueError:
            # The model allows either enum at either level; try the other one.
            normalised = (Level2 if enum_type is Level1 else Level1)(value)
    return LevelName(raw=data["raw"], normalised=normalised, carried=bool(data.get("carried")))


def _target(t: TargetValue) -> Json:
    return {
        "raw": t.raw,
        "kind": t.kind.value,
        "operator": _enum(t.operator),
        "value": decimal_to_str(t.value),
        "unit": t.unit,
        "wording": t.wording,
        "direction": t.direction,
        "deadline": None if t.deadline is None else t.deadline.isoformat(),
    }


def _target_from(data: Json) -> TargetValue:
    deadline = data.get("deadline")
    return TargetValue(
        raw=data["raw"],
        kind=TargetKind(data["kind"]),
        operator=_opt(Operator, data.get("operator")),
        value=decimal_from_str(data.get("value")),
        unit=data.get("unit"),
        wording=data.get("wording"),
        direction=data.get("direction"),
        deadline=None if deadline is None else dt.date.fromisoformat(deadline),
    )


def _indicator(i: Indicator) -> Json:
    return {
        "index": i.index,
        "level1": _level(i.level1),
        "level2": _level(i.level2),
        "level3": i.level3,
        "description": i.description,
        "target": _target(i.target),
        "basis": i.basis,
        "weight": decimal_to_str(i.weight),
        "direction": i.direction,
        "location": _location(i.location),
    }


def _indicator_from(data: Json) -> Indicator:
    return Indicator(
        index=data["index"],
        level1=_level_from(data["level1"], Level1),
        level2=_level_from(data["level2"], Level2),
        level3=data["level3"],
        description=data.get("description"),
        target=_target_from(data["target"]),
        basis=data.get("basis"),
        weight=decimal_from_str(data.get("weight")),
        direction=data.get("direction"),
        location=_location_from(data.get("location")),
    )


def _checkpoint(c: SpendingCheckpoint) -> Json:
    return {
        "month": c.month,
        "raw": c.raw,
        "value": decimal_to_str(c.value),
        "kind": _enum(c.kind),
        "location": _location(c.location),
    }


def _checkpoint_from(data: Json) -> SpendingCheckpoint:
    return SpendingCheckpoint(
        month=data["month"],
        raw=data["raw"],
        value=decimal_from_str(data.get("value")),
        kind=_opt(PlanKind, data.get("kind")),
        location=_location_from(data.get("location")),
    )


def _project(p: Project) -> Json:
    return {
        "seq": p.seq,
        "title": p.title,
        "project_name": p.project_name,
        "project_code": p.project_code,
        "unit_code": p.unit_code,
        "unit_name": p.unit_name,
        "money_unit": _enum(p.money_unit),
        "budget_total": _money(p.budget_total),
        "budget_fiscal": _money(p.budget_fiscal),
        "budget_other": _money(p.budget_other),
        "purpose": p.purpose,
        "spending_plan": [_checkpoint(c) for c in p.spending_plan],
        "goals": list(p.goals),
        "indicators": [_indicator(i) for i in p.indicators],
        "scope": p.scope.value,
        "location": _location(p.location),
    }


def _project_from(data: Json) -> Project:
    return Project(
        seq=data["seq"],
        title=data["title"],
        project_name=data["project_name"],
        project_code=data.get("project_code"),
        unit_code=data.get("unit_code"),
        unit_name=data.get("unit_name"),
        money_unit=_opt(MoneyUnit, data.get("money_unit")),
        budget_total=_money_from(data.get("budget_total")),
        budget_fiscal=_money_from(data.get("budget_fiscal")),
        budget_other=_money_from(data.get("budget_other")),
        purpose=data.get("purpose"),
        spending_plan=tuple(_checkpoint_from(c) for c in data["spending_plan"]),
        goals=tuple(data["goals"]),
        scope=TargetScope(data.get("scope", TargetScope.PROJECT.value)),
        indicators=tuple(_indicator_from(i) for i in data["indicators"]),
        location=_location_from(data.get("location")),
    )


# --- the document ---------------------------------------------------------------------


def disclosure_to_dict(d: Disclosure) -> Json:
    """Encode a disclosure as the interchange dict (JSON-ready: str, int, bool, None).

    Money strings are in the table's or project's ``money_unit`` (元 or 万元), as
    printed. Raises ``ValueError`` for a non-finite Decimal, a budget row with two
    cells in one column, or a finding with a repeated field name (none of which a
    reader produces).
    """
    s = d.source
    return {
        "unit_code": d.unit_code,
        "unit_name": d.unit_name,
        "fiscal_year": d.fiscal_year,
        "fiscal_year_evidence": d.fiscal_year_evidence.value,
        "money_unit": _enum(d.money_unit),
        "source": {
            "path": s.path,
            "sha256": s.sha256,
            "layout": s.layout.value,
            "encoding": s.encoding,
            "size_bytes": s.size_bytes,
        },
        "budget_tables": [_table(t) for t in d.budget_tables],
        "department_goals": _goals(d.department_goals),
        "projects": [_project(p) for p in d.projects],
        "narrative": [_narrative(n) for n in d.narrative],
        "notes": [_finding(f) for f in d.notes],
    }


def disclosure_from_dict(data: Json) -> Disclosure:
    """Decode the interchange dict back into a :class:`Disclosure`.

    Raises ``KeyError`` for a missing required key and ``ValueError`` for an
    unknown enum value, a malformed decimal or date.
    """
    s = data["source"]
    return Disclosure(
        unit_code=data["unit_code"],
        unit_name=data["unit_name"],
        fiscal_year=data["fiscal_year"],
        fiscal_year_evidence=YearEvidence(data["fiscal_year_evidence"]),
        money_unit=_opt(MoneyUnit, data.get("money_unit")),
        source=Source(
            path=s["path"],
            sha256=s["sha256"],
            layout=Layout(s["layout"]),
            encoding=s["encoding"],
            size_bytes=s["size_bytes"],
        ),
        budget_tables=tuple(_table_from(t) for t in data["budget_tables"]),
        department_goals=_goals_from(data.get("department_goals")),
        projects=tuple(_project_from(p) for p in data["projects"]),
        narrative=tuple(_narrative_from(n) for n in data.get("narrative") or ()),
        notes=tuple(_finding_from(f) for f in data.get("notes") or ()),
    )


def documents_to_json(disclosures: Iterable[Disclosure]) -> Json:
    """The export envelope of many documents.

    Shape: ``{"format": "jixiao-disclosure", "version": 1, "documents": [<dict>, ...]}``.
    """
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "documents": [disclosure_to_dict(d) for d in disclosures],
    }


def documents_from_json(data: Json) -> list[Disclosure]:
    """Read an export envelope back; raises ``ValueError`` for another format or version."""
    if data.get("format") != FORMAT_NAME or data.get("version") != FORMAT_VERSION:
        raise ValueError(
            f"not a {FORMAT_NAME} v{FORMAT_VERSION} document: "
            f"format={data.get('format')!r} version={data.get('version')!r}"
        )
    return [disclosure_from_dict(item) for item in data["documents"]]
