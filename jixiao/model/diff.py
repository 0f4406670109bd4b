"""Field-by-field comparison of two disclosures (``jixiao diff A B``).

Two uses: a unit comparing this year's disclosure with last year's, and the round-trip
oracle (model → DOCX/XLSX/PDF/HTML → read back → compare). Every field of the model is
compared; records in a collection are matched by what they are, not where they sit, so
one inserted row is one addition, not a cascade of changes:

- budget tables by (kind, title); columns and cells by column key; rows by (side, code,
  name); spending-plan checkpoints by month; sub-goals by title; narrative sections by
  heading; reader notes by (rule, message). Equal keys pair off in document order.
- projects by position when both documents print the same seqs and at least half of the
  pairs agree on the name (so a renamed project is a change of 项目名称), else by
  project name (two years: a project of both years is matched, the others are added or
  removed);
- indicators likewise: by position when both tables have the same indices and at least
  half of the 三级指标 names agree, else by (一级, 二级, 三级) names.
- strings in a sequence (绩效目标 sentences, paragraphs, captions) are aligned with
  ``difflib``.

A matched record that moved (its rank among the matched ones differs and no printed
number — seq, index — already says so) is reported as a change of 位置. Decimals are
compared by value (``1.0 == 1.00``), raw text exactly. Locations, the source file,
paragraph line numbers and reader notes are ignored by default: a re-rendered document
has other lines and pages. Pure and standard-library only, like the rest of the model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from enum import Enum, StrEnum
from typing import Any

from jixiao.model.budget import BudgetRow, BudgetTable, CellValue, Side
from jixiao.model.disclosure import Disclosure, NarrativeSection
from jixiao.model.finding import Finding
from jixiao.model.goals import DepartmentGoals, SubGoal
from jixiao.model.indicator import Indicator, LevelName, level_stem
from jixiao.model.location import Location, Source
from jixiao.model.money import Money, MoneyUnit
from jixiao.model.project import Project, SpendingCheckpoint

PathPart = str | int

DEFAULT_IGNORED = frozenset({"location", "source", "notes", "paragraph_lines"})
"""Field names left out by default: where things were printed, not what was printed."""


class DifferenceKind(StrEnum):
    """What happened to a field or a record between the two documents."""

    CHANGED = "changed"
    ADDED = "added"  # only in the second document
    REMOVED = "removed"  # only in the first document

    @property
    def label(self) -> str:
        """The Chinese word: 修改, 新增 or 删除."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    DifferenceKind.CHANGED: "修改",
    DifferenceKind.ADDED: "新增",
    DifferenceKind.REMOVED: "删除",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Difference:
    """One difference between document A (old) and document B (new).

    ``path`` names the field: model field names, with the identity of each record in a
    collection — a project's seq, an indicator's index, a cell's column key, a
    checkpoint's month, otherwise the 1-based position — taken from A, or from B for an
    added record. ``label`` says the same in Chinese (``项目3「办公楼维修」 指标5「维修及时率」
    指标值``); its segments are separated by spaces. ``old`` and ``new`` are the values as
    text (``None`` when absent); for an added or removed record, what it is (its name).
    """

    kind: DifferenceKind
    path: tuple[PathPart, ...]
    label: str
    old: str | None
    new: str | None


def diff_disclosures(
    a: Disclosure, b: Disclosure, *, ignore: frozenset[str] = DEFAULT_IGNORED
) -> tuple[Difference, ...]:
    """The differences from ``a`` to ``b``, in document order.

    ``ignore`` holds field names skipped wherever they occur (``location``, ``source``,
    ``notes``, ``paragraph_lines`` by default; ``frozenset()`` compares everything, and
    then no difference means ``a == b``).
    """
    differ = _Differ(ignore)
    differ.record(a, b, (), ())
    return tuple(differ.found)


# --- labels ---------------------------------------------------------------------------

# Chinese label of each field, by (record type, field). "" means the field is the
# record's own value (a raw text): the record's label stands for it.
FIELD_LABELS: dict[tuple[str, str], str] = {
    ("Disclosure", "unit_code"): "单位编码",
    ("Disclosure", "unit_name"): "单位名称",
    ("Disclosure", "fiscal_year"): "预算年度",
    ("Disclosure", "fiscal_year_evidence"): "年度依据",
    ("Disclosure", "money_unit"): "金额单位",
    ("Disclosure", "source"): "来源文件",
    ("Disclosure", "budget_tables"): "预算表",
    ("Disclosure", "department_goals"): "部门整体绩效目标",
    ("Disclosure", "projects"): "项目",
    ("Disclosure", "narrative"): "说明",
    ("Disclosure", "notes"): "读取提示",
    ("Source", "path"): "路径",
    ("Source", "sha256"): "SHA-256",
    ("Source", "layout"): "版式",
    ("Source", "encoding"): "编码",
    ("Source", "size_bytes"): "字节数",
    ("Location", "file"): "文件",
    ("Location", "line"): "行号",
    ("Location", "page"): "页码",
    ("Location", "table"): "表",
    ("Location", "row"): "行",
    ("Location", "column"): "列",
    ("BudgetTable", "title"): "标题",
    ("BudgetTable", "kind"): "表类别",
    ("BudgetTable", "money_unit"): "金额单位",
    ("BudgetTable", "columns"): "列",
    ("BudgetTable", "rows"): "行",
    ("BudgetTable", "captions"): "表头说明",
    ("BudgetTable", "note"): "表注",
    ("BudgetTable", "location"): "位置",
    ("BudgetColumn", "key"): "列名",
    ("BudgetColumn", "header"): "表头",
    ("BudgetColumn", "role"): "列类别",
    ("BudgetColumn", "side"): "收支方",
    ("BudgetColumn", "column_no"): "栏次",
    ("BudgetRow", "seq"): "序号",
    ("BudgetRow", "code"): "科目编码",
    ("BudgetRow", "name"): "科目名称",
    ("BudgetRow", "values"): "单元格",
    ("BudgetRow", "side"): "收支方",
    ("BudgetRow", "location"): "位置",
    ("CellValue", "column"): "列名",
    ("CellValue", "raw"): "",
    ("CellValue", "value"): "数值",
    ("DepartmentGoals", "overall_goal"): "总体绩效目标",
    ("DepartmentGoals", "sub_goals"): "分项绩效目标",
    ("DepartmentGoals", "safeguards"): "工作保障措施",
    ("DepartmentGoals", "location"): "位置",
    ("SubGoal", "seq"): "序号",
    ("SubGoal", "title"): "标题",
    ("SubGoal", "goal"): "绩效目标",
    ("SubGoal", "indicators_text"): "绩效指标",
    ("SubGoal", "location"): "位置",
    ("Project", "seq"): "序号",
    ("Project", "title"): "标题",
    ("Project", "project_name"): "项目名称",
    ("Project", "project_code"): "项目编码",
    ("Project", "money_unit"): "金额单位",
    ("Project", "budget_total"): "预算数",
    ("Project", "budget_fiscal"): "财政资金",
    ("Project", "budget_other"): "其他资金",
    ("Project", "purpose"): "资金用途",
    ("Project", "spending_plan"): "资金支出计划",
    ("Project", "goals"): "绩效目标",
    ("Project", "indicators"): "指标",
    ("Project", "unit_code"): "单位编码",
    ("Project", "unit_name"): "单位名称",
    ("Project", "scope"): "目标层级（项目/部门整体）",
    ("Project", "location"): "位置",
    ("Money", "raw"): "",
    ("Money", "value"): "数值",
    ("Money", "unit"): "单位",
    ("Money", "location"): "位置",
    ("SpendingCheckpoint", "month"): "月份",
    ("SpendingCheckpoint", "raw"): "",
    ("SpendingCheckpoint", "value"): "数值",
    ("SpendingCheckpoint", "kind"): "类型",
    ("SpendingCheckpoint", "location"): "位置",
    ("Indicator", "index"): "序号",
    ("Indicator", "level1"): "一级指标",
    ("Indicator", "level2"): "二级指标",
    ("Indicator", "level3"): "三级指标",
    ("Indicator", "description"): "指标解释",
    ("Indicator", "target"): "指标值",
    ("Indicator", "basis"): "指标值确定依据",
    ("Indicator", "weight"): "权重",
    ("Indicator", "direction"): "指标方向",
    ("Indicator", "location"): "位置",
    ("LevelName", "raw"): "",
    ("LevelName", "normalised"): "归类",
    ("LevelName", "carried"): "合并单元格",
    ("TargetValue", "raw"): "",
    ("TargetValue", "kind"): "类型",
    ("TargetValue", "operator"): "比较符",
    ("TargetValue", "value"): "数值",
    ("TargetValue", "unit"): "计量单位",
    ("TargetValue", "wording"): "文字",
    ("TargetValue", "direction"): "方向",
    ("TargetValue", "deadline"): "期限",
    ("NarrativeSection", "heading"): "标题",
    ("NarrativeSection", "paragraphs"): "段落",
    ("NarrativeSection", "location"): "位置",
    ("NarrativeSection", "paragraph_lines"): "段落行号",
    ("Finding", "rule"): "规则",
    ("Finding", "severity"): "级别",
    ("Finding", "message"): "内容",
    ("Finding", "location"): "位置",
    ("Finding", "quote"): "引文",
    ("Finding", "fields"): "字段",
    ("Finding", "family"): "类别",
    ("Finding", "project_seq"): "项目序号",
    ("Finding", "project_title"): "项目标题",
    ("Finding", "indicator_index"): "指标序号",
    ("Finding", "indicator_name"): "指标名称",
    ("Finding", "code"): "编码",
}

# How one element of a sequence of strings is named (第2条 …), by (type, field).
_ITEM_WORDS = {
    ("Project", "goals"): "条",
    ("DepartmentGoals", "safeguards"): "条",
    ("NarrativeSection", "paragraphs"): "段",
}

# Tuples compared as one value rather than element by element.
_WHOLE = {("BudgetColumn", "header"), ("Finding", "fields")}


def _field_label(owner: object, name: str) -> str:
    return FIELD_LABELS.get((type(owner).__name__, name), name)


def _text(value: object) -> str | None:
    """A value as people read it: 万元 not ``wan_yuan``, ``3000.00`` not ``3E+3``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, MoneyUnit):
        return value.label
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "/".join(
            "=".join(str(_text(part)) for part in item) if isinstance(item, tuple) else str(item)
            for item in value
        )
    if isinstance(value, Location):
        return str(value)
    return str(value)


def _summary(record: object) -> str:
    """What a record is, for an added or removed one."""
    match record:
        case Project():
            return record.project_name
        case Indicator():
            return record.level3
        case BudgetTable():
            return record.title
        case BudgetRow():
            return _row_name(record)
        case CellValue() | Money() | SpendingCheckpoint():
            return record.raw
        case SubGoal():
            return record.title or record.goal or ""
        case NarrativeSection():
            return record.heading
        case DepartmentGoals():
            return record.overall_goal
        case Source():
            return record.path
        case Finding():
            return record.message
        case _:
            return str(_text(record))


def _row_name(row: BudgetRow) -> str:
    return " ".join(part for part in (row.code, row.name) if part)


# --- collections ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Collection:
    """How the records of one collection field are identified, named and matched."""

    key: Callable[[Any], Hashable]  # what pairs records off (equal keys in order)
    ident: Callable[[Any, int], PathPart]  # the path part of a record at a 0-based position
    label: Callable[[Any, int], str]  # the label segment of a record
    number: str | None = None  # a printed-number field that already shows a move


def _position(_record: object, pos: int) -> int:
    return pos + 1


def _side_word(side: Side | None) -> str:
    if side is None:
        return ""
    return "收入" if side is Side.INCOME else "支出"


def _level_key(level: LevelName) -> str:
    return level.normalised.value if level.normalised is not None else level_stem(level.raw)


_COLLECTIONS: dict[tuple[str, str], _Collection] = {
    ("Disclosure", "budget_tables"): _Collection(
        key=lambda t: (t.kind, t.title), ident=_position, label=lambda t, _: f"表「{t.title}」"
    ),
    ("Disclosure", "projects"): _Collection(
        key=lambda p: p.project_name,
        ident=lambda p, _: p.seq,
        label=lambda p, _: f"项目{p.seq}「{p.project_name}」",
        number="seq",
    ),
    ("Disclosure", "narrative"): _Collection(
        key=lambda s: s.heading, ident=_position, label=lambda s, _: f"说明「{s.heading}」"
    ),
    ("Disclosure", "notes"): _Collection(
        key=lambda f: (f.rule, f.message),
        ident=_position,
        label=lambda f, pos: f"读取提示{pos + 1}「{f.rule}」",
    ),
    ("BudgetTable", "columns"): _Collection(
        key=lambda c: c.key, ident=lambda c, _: c.key, label=lambda c, _: f"列「{c.key}」"
    ),
    ("BudgetTable", "rows"): _Collection(
        key=lambda r: (r.side, r.code, r.name),
        ident=_position,
        label=lambda r, _: f"{_side_word(r.side)}行「{_row_name(r)}」",
    ),
    ("BudgetRow", "values"): _Collection(
        key=lambda c: c.column, ident=lambda c, _: c.column, label=lambda c, _: f"列「{c.column}」"
    ),
    ("DepartmentGoals", "sub_goals"): _Collection(
        key=lambda g: g.title,
        ident=_position,
        label=lambda g, pos: f"分项绩效目标{pos + 1}" + (f"「{g.title}」" if g.title else ""),
    ),
    ("Project", "spending_plan"): _Collection(
        key=lambda c: c.month,
        ident=lambda c, _: c.month,
        label=lambda c, _: f"资金支出计划「{c.month}月底」",
    ),
    ("Project", "indicators"): _Collection(
        key=lambda i: (_level_key(i.level1), _level_key(i.level2), i.level3),
        ident=lambda i, _: i.index,
        label=lambda i, _: f"指标{i.index}「{i.level3}」",
        number="index",
    ),
}

Pair = tuple[int | None, int | None]


def _pair_by_key(a: Sequence[Any], b: Sequence[Any], key: Callable[[Any], Hashable]) -> list[Pair]:
    """Pairs of positions (A, B), the k-th record of a key in A with the k-th in B,
    ordered as B with A's unmatched records before the next match, removed before added."""
    waiting: defaultdict[Hashable, deque[int]] = defaultdict(deque)
    for bi, item in enumerate(b):
        waiting[key(item)].append(bi)
    b_to_a: dict[int, int] = {}
    for ai, item in enumerate(a):
        queue = waiting.get(key(item))
        if queue:
            b_to_a[queue.popleft()] = ai
    matched_a = set(b_to_a.values())
    pairs: list[Pair] = []
    added: list[Pair] = []
    next_a = 0

    def flush(upto: int) -> None:
        nonlocal next_a
        pairs.extend((ai, None) for ai in range(next_a, upto) if ai not in matched_a)
        next_a = max(next_a, upto)
        pairs.extend(added)
        added.clear()

    for bi in range(len(b)):
        ai = b_to_a.get(bi)
        if ai is None:
            added.append((None, bi))
            continue
        flush(ai)
        pairs.append((ai, bi))
        next_a = max(next_a, ai + 1)
    flush(len(a))
    return pairs


def _pair_by_position(a: Sequence[Any], b: Sequence[Any]) -> list[Pair]:
    return list(zip(range(len(a)), range(len(b)), strict=True))


def _mostly_same(
    a: Sequence[Any], b: Sequence[Any], number: Callable[[Any], Any], name: Callable[[Any], Any]
) -> bool:
    """True when both print the same numbers in the same order and at least half of
    the records at the same number share their name: then pair them by position."""
    if not a or [number(x) for x in a] != [number(y) for y in b]:
        return False
    agree = sum(name(x) == name(y) for x, y in zip(a, b, strict=True))
    return 2 * agree >= len(a)


def _moved(pairs: list[Pair]) -> set[int]:
    """A positions of matched records outside the longest run kept in order."""
    matched = [(ai, bi) for ai, bi in pairs if ai is not None and bi is not None]
    matched.sort(key=lambda pair: pair[1])
    order = [ai for ai, _ in matched]
    # Longest increasing subsequence (patience sorting), keeping predecessors.
    tails: list[int] = []
    tail_at: list[int] = []
    before: list[int] = [-1] * len(order)
    for i, value in enumerate(order):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < value:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[lo] = value
            tail_at[lo] = i
        before[i] = tail_at[lo - 1] if lo > 0 else -1
    kept: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        kept.add(order[i])
        i = before[i]
    return set(order) - kept


# --- the walk -------------------------------------------------------------------------


class _Differ:
    """Walks two records of the same type side by side and collects differences."""

    def __init__(self, ignore: frozenset[str]) -> None:
        self.ignore = ignore
        self.found: list[Difference] = []

    def emit(
        self,
        kind: DifferenceKind,
        path: tuple[PathPart, ...],
        labels: tuple[str, ...],
        old: str | None,
        new: str | None,
    ) -> None:
        label = " ".join(segment for segment in labels if segment)
        self.found.append(Difference(kind=kind, path=path, label=label, old=old, new=new))

    def record(self, a: Any, b: Any, path: tuple[PathPart, ...], labels: tuple[str, ...]) -> None:
        owner = type(a).__name__
        for field in dataclasses.fields(a):
            name = field.name
            if name in self.ignore:
                continue
            left, right = getattr(a, name), getattr(b, name)
            spec = _COLLECTIONS.get((owner, name))
            if spec is not None:
                self.collection(owner, name, spec, left, right, (*path, name), labels)
            elif isinstance(left, tuple) and (owner, name) not in _WHOLE:
                word = _ITEM_WORDS.get((owner, name), "项")
                self.strings(left, right, (*path, name), labels, _field_label(a, name), word)
            else:
                self.value(left, right, (*path, name), (*labels, _field_label(a, name)))

    def value(self, a: Any, b: Any, path: tuple[PathPart, ...], labels: tuple[str, ...]) -> None:
        if a is None and b is None:
            return
        if dataclasses.is_dataclass(a) or dataclasses.is_dataclass(b):
            if a is None:
                self.emit(DifferenceKind.ADDED, path, labels, None, _summary(b))
            elif b is None:
                self.emit(DifferenceKind.REMOVED, path, labels, _summary(a), None)
            else:
                self.record(a, b, path, labels)
            return
        if type(a) is not type(b) or a != b:
            self.emit(DifferenceKind.CHANGED, path, labels, _text(a), _text(b))

    def strings(
        self,
        a: tuple[Any, ...],
        b: tuple[Any, ...],
        path: tuple[PathPart, ...],
        labels: tuple[str, ...],
        name: str,
        word: str,
    ) -> None:
        """Sequences of plain values (sentences, paragraphs), aligned with difflib."""
        if a == b:
            return
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            common = min(a2 - a1, b2 - b1)
            for k in range(common):
                item = (*labels, f"{name}第{a1 + k + 1}{word}")
                self.value(a[a1 + k], b[b1 + k], (*path, a1 + k + 1), item)
            for ai in range(a1 + common, a2):
                item = (*labels, f"{name}第{ai + 1}{word}")
                self.emit(DifferenceKind.REMOVED, (*path, ai + 1), item, _text(a[ai]), None)
            for bi in range(b1 + common, b2):
                item = (*labels, f"{name}第{bi + 1}{word}")
                self.emit(DifferenceKind.ADDED, (*path, bi + 1), item, None, _text(b[bi]))

    def collection(
        self,
        owner: str,
        name: str,
        spec: _Collection,
        a: tuple[Any, ...],
        b: tuple[Any, ...],
        path: tuple[PathPart, ...],
        labels: tuple[str, ...],
    ) -> None:
        if owner == "Disclosure" and name == "projects":
            by_position = _mostly_same(a, b, lambda p: p.seq, lambda p: p.project_name)
        elif owner == "Project" and name == "indicators":
            by_position = _mostly_same(a, b, lambda i: i.index, lambda i: i.level3)
        else:
            by_position = False
        pairs = _pair_by_position(a, b) if by_position else _pair_by_key(a, b, spec.key)
        moved = set() if by_position else _moved(pairs)
        for ai, bi in pairs:
            if ai is None:
                assert bi is not None
                item = b[bi]
                self.emit(
                    DifferenceKind.ADDED,
                    (*path, spec.ident(item, bi)),
                    (*labels, spec.label(item, bi)),
                    None,
                    _summary(item),
                )
                continue
            old = a[ai]
            item_path = (*path, spec.ident(old, ai))
            item_labels = (*labels, spec.label(old, ai))
            if bi is None:
                self.emit(DifferenceKind.REMOVED, item_path, item_labels, _summary(old), None)
                continue
            new = b[bi]
            shown = spec.number is not None and getattr(old, spec.number) != getattr(
                new, spec.number
            )
            if ai in moved and not shown:
                self.emit(
                    DifferenceKind.CHANGED,
                    (*item_path, "position"),
                    (*item_labels, "位置"),
                    f"第{ai + 1}",
                    f"第{bi + 1}",
                )
            self.record(old, new, item_path, item_labels)
