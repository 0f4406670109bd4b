"""The stored form of a disclosure (``documents.content``): compact JSON arrays.

The interchange dict of ``jixiao.model.codec`` names every field of every record and
repeats a full location object, file path included, on every row and indicator: 268
KB of JSON for seed 001, and building and encoding it was a fifth of a save. The
database needs no names: each record is stored as a JSON array of its fields in a
fixed order, so the text is 40 % as long (107 KB for seed 001) and takes a third of
the time to write, and a shorter row is cheaper to write for SQLite too. It is still
JSON (``json_extract(content, '$[2]')`` is the unit name), lossless and exact:
:func:`unpack_disclosure` gives back a disclosure equal to the one packed.

(Compressing the text as well, with zlib at its fastest level, was measured: it
costs about what the smaller row saves, and the content would no longer be text.)

Layout (``docs/format.md`` §9 lists it for SQL users), version 1::

    [1, unit_code, unit_name, fiscal_year, fiscal_year_evidence, money_unit,
     [path, sha256, layout, encoding, size_bytes],
     [table…], department_goals | null, [project…], [narrative…], [note…],
     [table title…]]

    table      [title, kind, money_unit, [caption…], note, [column…], [row…], loc]
    column     [key, [header…], role, side, column_no]
    row        [seq, code, name, side, [column, raw, value, column, raw, value …], loc]
    goals      [overall_goal, [[seq, title, goal, indicators_text, loc]…], [safeguard…], loc]
    project    [seq, title, project_name, project_code, unit_code, unit_name, money_unit,
                money, money, money, purpose, [checkpoint…], [goal…], [indicator…], loc
                (, scope — only when not "project": a 部门整体 form, "department")]
    money      [raw, value, unit, loc] | null
    checkpoint [month, raw, value, kind, loc]
    indicator  [index, level1_raw, level1, level1_carried, level2_raw, level2,
                level2_carried, level3, description, target_raw, target_kind,
                target_operator, target_value, target_unit, target_wording,
                target_direction, target_deadline, basis, weight, direction, loc]
    narrative  [heading, [paragraph…], loc, [paragraph line…]]
    note       [rule, severity, message, loc, quote, [name, value, name, value …]
               (, [family, project_seq, project_title, indicator_index, indicator_name, code])]
    loc        [line, page, table, row, column] (+ file, only when it is not the
               source path) | null; ``table`` is an index into the last list, the
               titles of the document's tables (a location names its table's or
               project's title, once per row or indicator: 16 % of the text)

Values are encoded as in the interchange format: decimals as exponent-free strings,
dates ISO, enums by value. A cell's column is the index of the table's column with
that key (or the key itself when the table has no such column). What the interchange
format cannot hold is refused here too (``ValueError``), so whatever is stored can
be exported. Content stored before this encoding (the interchange dict, a JSON
object) is still read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from jixiao.model import (
    BudgetColumn,
    BudgetRow,
    BudgetTable,
    CellValue,
    ColumnRole,
    DepartmentGoals,
    Disclosure,
    Finding,
    Indicator,
    Layout,
    Level1,
    Level2,
    LevelName,
    Location,
    Money,
    MoneyUnit,
    NarrativeSection,
    Operator,
    PlanKind,
    Project,
    Severity,
    Side,
    Source,
    SpendingCheckpoint,
    SubGoal,
    TableKind,
    TargetKind,
    TargetScope,
    TargetValue,
    YearEvidence,
)
from jixiao.model.codec import decimal_to_str, disclosure_from_dict

PACKED_VERSION = 1

Packed = list[Any]
# Enum members go into the arrays as they are: they are ``str`` subclasses, and the
# JSON encoder writes their value. No circular check: the arrays are built here.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def pack_disclosure(d: Disclosure) -> str:
    """``d`` as the JSON text stored in ``documents.content``.

    Raises ``ValueError`` where :func:`~jixiao.model.codec.disclosure_to_dict` does: a
    non-finite Decimal, a budget row with two cells in one column, a finding with a
    repeated field name.
    """
    packer = _Packer(d.source.path)
    packed = packer.disclosure(d)
    packed.append(list(packer.titles))  # filled in while packing
    return _encode(packed)


def unpack_disclosure(text: str | bytes) -> Disclosure:
    """The disclosure stored as ``text`` by :func:`pack_disclosure`, or by jixiao
    before it (the interchange dict of ``jixiao.model.codec``)."""
    data = json.loads(text)
    if isinstance(data, dict):
        return disclosure_from_dict(data)
    if data[0] != PACKED_VERSION:
        raise ValueError(f"unknown stored content version: {data[0]!r}")
    return _Unpacker(data[6][0], data[12]).disclosure(data)


# --- packing --------------------------------------------------------------------------


def _decimal(value: Decimal | None) -> str | None:
    # Inlined decimal_to_str for the hot path (every budget cell): same text, same error.
    if value is None:
        return None
    if value.is_finite():
        return format(value, "f")
    return decimal_to_str(value)  # raises ValueError


class _Packer:
    """Packs one disclosure; locations in its own file leave the path out and name
    their table by its index in ``titles``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.titles: dict[str, int] = {}  # in order of first use

    def loc(self, loc: Location | None) -> Packed | None:
        if loc is None:
            return None
        table = loc.table
        if table is not None:
            table = self.titles.setdefault(table, len(self.titles))
        packed = [loc.line, loc.page, table, loc.row, loc.column]
        if loc.file != self.path:
            packed.append(loc.file)
        return packed

    def disclosure(self, d: Disclosure) -> Packed:
        s = d.source
        g = d.department_goals
        loc = self.loc
        return [
            PACKED_VERSION,
            d.unit_code,
            d.unit_name,
            d.fiscal_year,
            d.fiscal_year_evidence,
            d.money_unit,
            [s.path, s.sha256, s.layout, s.encoding, s.size_bytes],
            [self.table(t) for t in d.budget_tables],
            None
            if g is None
            else [
                g.overall_goal,
                [
                    [sub.seq, sub.title, sub.goal, sub.indicators_text, loc(sub.location)]
                    for sub in g.sub_goals
                ],
                list(g.safeguards),
                loc(g.location),
            ],
            [self.project(p) for p in d.projects],
            [
                [n.heading, list(n.paragraphs), loc(n.location), list(n.paragraph_lines)]
                for n in d.narrative
            ],
            [self.finding(f) for f in d.notes],
        ]

    def table(self, t: BudgetTable) -> Packed:
        index = {c.key: i for i, c in enumerate(t.columns)}
        return [
            t.title,
            t.kind,
            t.money_unit,
            list(t.captions),
            t.note,
            [[c.key, list(c.header), c.role, c.side, c.column_no] for c in t.columns],
            [self.row(r, index) for r in t.rows],
            self.loc(t.location),
        ]

    def row(self, r: BudgetRow, index: dict[str, int]) -> Packed:
        cells: Packed = []
        for cell in r.values:
            value = cell.value  # mostly None: most cells of a budget table are blank
            cells += (
                index.get(cell.column, cell.column),
                cell.raw,
                None if value is None else _decimal(value),
            )
        if len({cell.column for cell in r.values}) != len(r.values):
            raise ValueError(f"budget row {r.name!r} has two cells in one column")
        return [r.seq, r.code, r.name, r.side, cells, self.loc(r.location)]

    def money(self, m: Money | None) -> Packed | None:
        if m is None:
            return None
        return [m.raw, _decimal(m.value), m.unit, self.loc(m.location)]

    def project(self, p: Project) -> Packed:
        loc = self.loc
        return [
            p.seq,
            p.title,
            p.project_name,
            p.project_code,
            p.unit_code,
            p.unit_name,
            p.money_unit,
            self.money(p.budget_total),
            self.money(p.budget_fiscal),
            self.money(p.budget_other),
            p.purpose,
            [[c.month, c.raw, _decimal(c.value), c.kind, loc(c.location)] for c in p.spending_plan],
            list(p.goals),
            [self.indicator(i) for i in p.indicators],
            loc(p.location),
            *([p.scope.value] if p.scope is not TargetScope.PROJECT else []),
        ]

    def indicator(self, i: Indicator) -> Packed:
        t = i.target
        return [
            i.index,
            i.level1.raw,
            i.level1.normalised,
            i.level1.carried,
            i.level2.raw,
            i.level2.normalised,
            i.level2.carried,
            i.level3,
            i.description,
            t.raw,
            t.kind,
            t.operator,
            _decimal(t.value),
            t.unit,
            t.wording,
            t.direction,
            None if t.deadline is None else t.deadline.isoformat(),
            i.basis,
            _decimal(i.weight),
            i.direction,
            self.loc(i.location),
        ]

    def finding(self, f: Finding) -> Packed:
        names = [name for name, _ in f.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"finding {f.rule!r} has duplicate field names: {names}")
        fields = [item for pair in f.fields for item in pair]
        packed = [f.rule, f.severity, f.message, self.loc(f.location), f.quote, fields]
        subject = [
            f.family,
            f.project_seq,
            f.project_title,
            f.indicator_index,
            f.indicator_name,
            f.code,
        ]
        if any(value is not None for value in subject):
            packed.append(subject)
        return packed


# --- unpacking ------------------------------------------------------------------------


def _number(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _opt(enum_type: Callable[[str], Any], value: str | None) -> Any:
    return None if value is None else enum_type(value)


def _level(raw: str, value: str | None, carried: bool, first: type[Level1 | Level2]) -> LevelName:
    # As the interchange codec reads it: the model allows either enum at either level.
    normalised: Level1 | Level2 | None = None
    if value is not None:
        try:
            normalised = first(value)
        except ValueError:
            normalised = (Level2 if first is Level1 else Level1)(value)
    return LevelName(raw=raw, normalised=normalised, carried=carried)


class _Unpacker:
    """Unpacks one disclosure; a location without a file is in the source file."""

    def __init__(self, path: str, titles: list[str]) -> None:
        self.path = path
        self.titles = titles

    def loc(self, data: Packed | None) -> Location | None:
        if data is None:
            return None
        line, page, table, row, column, *file = data
        return Location(
            file=file[0] if file else self.path,
            line=line,
            page=page,
            table=None if table is None else self.titles[table],
            row=row,
            column=column,
        )

    def disclosure(self, data: Packed) -> Disclosure:
        path, sha256, layout, encoding, size_bytes = data[6]
        return Disclosure(
            unit_code=data[1],
            unit_name=data[2],
            fiscal_year=data[3],
            fiscal_year_evidence=YearEvidence(data[4]),
            money_unit=_opt(MoneyUnit, data[5]),
            source=Source(
                path=path,
                sha256=sha256,
                layout=Layout(layout),
                encoding=encoding,
                size_bytes=size_bytes,
            ),
            budget_tables=tuple(self.table(t) for t in data[7]),
            department_goals=self.goals(data[8]),
            projects=tuple(self.project(p) for p in data[9]),
            narrative=tuple(
                NarrativeSection(
                    heading=n[0],
                    paragraphs=tuple(n[1]),
                    location=self.loc(n[2]),
                    # Older stored content has no paragraph lines.
                    paragraph_lines=tuple(n[3]) if len(n) > 3 else (),
                )
                for n in data[10]
            ),
            notes=tuple(self.finding(f) for f in data[11]),
        )

    def goals(self, data: Packed | None) -> DepartmentGoals | None:
        if data is None:
            return None
        overall, subs, safeguards, loc = data
        return DepartmentGoals(
            overall_goal=overall,
            sub_goals=tuple(
                SubGoal(
                    seq=seq, title=title, goal=goal, indicators_text=text, location=self.loc(at)
                )
                for seq, title, goal, text, at in subs
            ),
            safeguards=tuple(safeguards),
            location=self.loc(loc),
        )

    def table(self, data: Packed) -> BudgetTable:
        title, kind, unit, captions, note, columns, rows, loc = data
        keys = [c[0] for c in columns]
        return BudgetTable(
            title=title,
            kind=TableKind(kind),
            money_unit=_opt(MoneyUnit, unit),
            columns=tuple(
                BudgetColumn(
                    key=key,
                    header=tuple(header),
                    role=ColumnRole(role),
                    side=_opt(Side, side),
                    column_no=column_no,
                )
                for key, header, role, side, column_no in columns
            ),
            rows=tuple(self.row(r, keys) for r in rows),
            captions=tuple(captions),
            note=note,
            location=self.loc(loc),
        )

    def row(self, data: Packed, keys: list[str]) -> BudgetRow:
        seq, code, name, side, cells, loc = data
        return BudgetRow(
            seq=seq,
            code=code,
            name=name,
            values=tuple(
                CellValue(
                    column=keys[column] if isinstance(column, int) else column,
                    raw=raw,
                    value=_number(value),
                )
                for column, raw, value in zip(cells[::3], cells[1::3], cells[2::3], strict=True)
            ),
            side=_opt(Side, side),
            location=self.loc(loc),
        )

    def money(self, data: Packed | None) -> Money | None:
        if data is None:
            return None
        raw, value, unit, loc = data
        return Money(
            raw=raw, value=_number(value), unit=_opt(MoneyUnit, unit), location=self.loc(loc)
        )

    def project(self, data: Packed) -> Project:
        return Project(
            seq=data[0],
            title=data[1],
            project_name=data[2],
            project_code=data[3],
            unit_code=data[4],
            unit_name=data[5],
            money_unit=_opt(MoneyUnit, data[6]),
            budget_total=self.money(data[7]),
            budget_fiscal=self.money(data[8]),
            budget_other=self.money(data[9]),
            purpose=data[10],
            spending_plan=tuple(
                SpendingCheckpoint(
                    month=month,
                    raw=raw,
                    value=_number(value),
                    kind=_opt(PlanKind, kind),
                    location=self.loc(loc),
                )
                for month, raw, value, kind, loc in data[11]
            ),
            goals=tuple(data[12]),
            indicators=tuple(self.indicator(i) for i in data[13]),
            location=self.loc(data[14]),
            scope=TargetScope(data[15]) if len(data) > 15 else TargetScope.PROJECT,
        )

    def indicator(self, data: Packed) -> Indicator:
        deadline = data[16]
        return Indicator(
            index=data[0],
            level1=_level(data[1], data[2], data[3], Level1),
            level2=_level(data[4], data[5], data[6], Level2),
            level3=data[7],
            description=data[8],
            target=TargetValue(
                raw=data[9],
                kind=TargetKind(data[10]),
                operator=_opt(Operator, data[11]),
                value=_number(data[12]),
                unit=data[13],
                wording=data[14],
                direction=data[15],
                deadline=None if deadline is None else dt.date.fromisoformat(deadline),
            ),
            basis=data[17],
            weight=_number(data[18]),
            direction=data[19],
            location=self.loc(data[20]),
        )

    def finding(self, data: Packed) -> Finding:
        rule, severity, message, loc, quote, fields = data[:6]
        family, project_seq, project_title, indicator_index, indicator_name, code = (
            data[6] if len(data) > 6 else (None,) * 6
        )
        return Finding(
            family=family,
            project_seq=project_seq,
            project_title=project_title,
            indicator_index=indicator_index,
            indicator_name=indicator_name,
            code=code,
            rule=rule,
            severity=Severity(severity),
            message=message,
            location=self.loc(loc),
            quote=quote,
            fields=tuple((str(k), str(v)) for k, v in zip(fields[::2], fields[1::2], strict=True)),
        )
