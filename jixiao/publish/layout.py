"""A disclosure laid out once, as blocks every renderer prints (DOCX, XLSX, HTML).

:func:`disclosure_blocks` turns a :class:`~jixiao.model.Disclosure` into what the
standard document shows, in the source document's order: headings, prose
paragraphs, table titles, budget tables and 项目支出绩效目标表 as rows of
:class:`Cell` (placed by their edges as fractions of the table width, merged down
where the standard table merges; see ``standard_tables``), table notes. Every
text is a raw string of the model, so each format's reader reads the same values
back — the round trip the tests hold.

:func:`placed_cells` turns a table's rows into a grid of anchored cells with row
and column spans, what spreadsheets and HTML need; WordprocessingML takes the
edges directly (``wordml.table_xml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from jixiao.ingest.goals import numbering
from jixiao.model import (
    DepartmentGoals,
    Disclosure,
    NarrativeSection,
    SubGoal,
)

#: Budget tables with this many columns or more are printed landscape.
WIDE_TABLE_COLUMNS = 9

_GOALS_HEADING = re.compile(r"部门整体(绩效)?目标")
_SUBSECTION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．])?\s*"
    r"(总体绩效目标|分项绩效目标|(?:工作)?保障措施)[:：]?$"
)
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_LABELLED = re.compile(r"^(绩效目标|绩效指标)[:：]")
_TITLED = re.compile(r"^([^:：。，]{1,20})[:：]\s*(.*)$", re.S)


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell from ``start`` to ``end`` of the table width (fractions of it).

    ``merge`` is ``"restart"`` / ``"continue"`` for vertically merged cells (a
    continuing cell prints nothing); ``align`` is ``left``, ``center`` or ``right``.
    """

    text: str
    start: Fraction
    end: Fraction
    merge: str | None = None
    bold: bool = False
    align: str = "left"


def spread(texts: Sequence[str], start: Fraction, end: Fraction, **style) -> list[Cell]:
    """Cells of equal width filling ``start``–``end``."""
    step = (end - start) / len(texts)
    return [
        Cell(text, start + i * step, start + (i + 1) * step, **style)
        for i, text in enumerate(texts)
    ]


class TextStyle(StrEnum):
    """What a line of text is in the document."""

    PART = "part"  # 第一部分 …: heading level 1
    HEADING = "heading"  # 一、… : level 2
    SUBHEADING = "subheading"  # （一）…: level 3
    TITLE = "title"  # a table's title, centred and bold
    PARAGRAPH = "paragraph"  # prose, first line indented
    NOTE = "note"  # a table's note, small


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One paragraph of text (may hold ``\n`` only inside goals' own lines)."""

    text: str
    style: TextStyle

    @property
    def is_heading(self) -> bool:
        """Headings and titles: what a reader marks as a section start."""
        return self.style in (
            TextStyle.PART,
            TextStyle.HEADING,
            TextStyle.SUBHEADING,
            TextStyle.TITLE,
        )


@dataclass(frozen=True, slots=True)
class TableBlock:
    """A table: rows of cells, the first ``header_rows`` repeated on each page;
    ``wide`` tables are printed landscape; ``kind`` is ``budget`` or ``project``."""

    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int
    wide: bool
    kind: str


Block = TextBlock | TableBlock


@dataclass(frozen=True, slots=True)
class PlacedCell:
    """A cell on the grid of its table: top-left ``row``/``column`` (0-based) and spans."""

    text: str
    row: int
    column: int
    rowspan: int
    colspan: int
    bold: bool
    align: str


def placed_cells(rows: Sequence[Sequence[Cell]]) -> tuple[list[PlacedCell], int]:
    """The anchored cells of a table and its number of grid columns.

    The grid's columns are every cell edge of every row, so a cell spans the
    columns between its edges; a cell merged down (``restart``) spans the rows its
    ``continue`` cells below cover, and those are not returned.
    """
    edges = sorted({edge for row in rows for cell in row for edge in (cell.start, cell.end)})
    column_of = {edge: i for i, edge in enumerate(edges)}
    placed: list[PlacedCell] = []
    open_merges: dict[Fraction, int] = {}  # start edge → index in placed
    for number, row in enumerate(rows):
        for cell in row:
            column = column_of[cell.start]
            colspan = column_of[cell.end] - column
            if cell.merge == "continue" and cell.start in open_merges:
                index = open_merges[cell.start]
                anchor = placed[index]
                if anchor.row + anchor.rowspan == number:
                    placed[index] = PlacedCell(
                        anchor.text,
                        anchor.row,
                        anchor.column,
                        anchor.rowspan + 1,
                        anchor.colspan,
                        anchor.bold,
                        anchor.align,
                    )
                    continue
            placed.append(PlacedCell(cell.text, number, column, 1, colspan, cell.bold, cell.align))
            if cell.merge == "restart":
                open_merges[cell.start] = len(placed) - 1
            else:
                open_merges.pop(cell.start, None)
    return placed, max(len(edges) - 1, 0)


def disclosure_blocks(disclosure: Disclosure) -> list[Block]:
    """The document's blocks in order (see the module docstring)."""
    from jixiao.publish.standard_tables import budget_rows, project_rows

    blocks: list[Block] = []
    for kind, item in _ordered_parts(disclosure):
        if kind == "heading":
            blocks.append(TextBlock(item, _heading_style(item)))
        elif kind == "paragraph":
            blocks.append(TextBlock(item, TextStyle.PARAGRAPH))
        elif kind == "table":
            if item.title:
                blocks.append(TextBlock(item.title, TextStyle.TITLE))
            rows, header_rows = budget_rows(item)
            blocks.append(
                TableBlock(
                    tuple(tuple(r) for r in rows),
                    header_rows,
                    len(item.columns) >= WIDE_TABLE_COLUMNS,
                    "budget",
                )
            )
            if item.note:
                blocks.append(TextBlock(item.note, TextStyle.NOTE))
        elif kind == "goals":
            blocks.extend(_goals_blocks(*item))
        else:
            if item.title:
                blocks.append(TextBlock(item.title, TextStyle.TITLE))
            rows = project_rows(item)
            blocks.append(TableBlock(tuple(tuple(r) for r in rows), 0, False, "project"))
    return blocks


def _heading_style(text: str) -> TextStyle:
    if _PART.match(text):
        return TextStyle.PART
    return TextStyle.SUBHEADING if text.startswith("（") else TextStyle.HEADING


def _goals_blocks(
    goals: DepartmentGoals,
    heading: str | None,
    leftover: NarrativeSection | None,
    intro: NarrativeSection | None,
) -> list[Block]:
    """The 部门整体绩效目标 section: its heading, what the goals reader set aside, the
    总体 goal, the 分项 goals and the 保障措施, each heading as the reader expects."""
    out: list[Block] = []

    def prose(text: str) -> None:
        out.append(TextBlock(text, TextStyle.PARAGRAPH))

    if heading is not None:
        out.append(TextBlock(heading, _heading_style(heading)))
    for text in leftover.paragraphs if leftover else ():
        prose(text)
    out.append(TextBlock("一、总体绩效目标", TextStyle.HEADING))
    for line in goals.overall_goal.split("\n") if goals.overall_goal else ():
        prose(line)
    intro_heading = intro.heading if intro else "二、分项绩效目标"
    out.append(TextBlock(intro_heading, _heading_style(intro_heading)))
    for text in intro.paragraphs if intro else ():
        prose(text)
    for line in _sub_goal_lines(goals.sub_goals):
        prose(line)
    out.append(TextBlock("三、工作保障措施", TextStyle.HEADING))
    for item in goals.safeguards:
        for line in item.split("\n"):
            prose(line)
    return out


def _ordered_parts(disclosure: Disclosure) -> list[tuple[str, object]]:
    """The parts to print as ``(kind, item)`` in document order.

    Kinds: ``heading`` and ``paragraph`` (narrative text), ``table`` (a budget
    table), ``goals`` (the goals section with its heading and the narrative the
    goals reader set aside: text before the first sub-heading, the 分项 intro),
    ``project``. Sorted by source line where every part has one.
    """
    narrative = list(disclosure.narrative)
    goals = disclosure.department_goals
    goals_part: tuple[int | None, object] | None = None
    anchor: NarrativeSection | None = None  # the heading the goals section follows
    if goals is not None:
        index = next(
            (
                i
                for i, n in enumerate(narrative)
                if _GOALS_HEADING.search(n.heading) and len(n.heading) <= 30 and not n.paragraphs
            ),
            None,
        )
        leftover = intro = None
        if index is not None:
            anchor = narrative[index]
            rest = narrative[index + 1 :]
            if rest and rest[0].heading == "":
                leftover = rest.pop(0)
            if rest and (match := _SUBSECTION.match(rest[0].heading)) and "分项" in match.group(1):
                intro = rest.pop(0)
            taken = {id(s) for s in (leftover, intro) if s is not None}
            narrative = [n for n in narrative if id(n) not in taken]
        line = _line(anchor.location if anchor is not None else goals.location)
        heading = None if anchor is not None else "部门整体绩效目标"
        goals_part = (line, (goals, heading, leftover, intro))

    keyed: list[tuple[int | None, int, str, object]] = []
    rank = 0

    def add(line: int | None, kind: str, item: object) -> None:
        nonlocal rank
        keyed.append((line, rank, kind, item))
        rank += 1

    for table in disclosure.budget_tables:
        add(_line(table.location), "table", table)
    for section in narrative:
        line = _line(section.location)
        if section.heading:
            add(line, "heading", section.heading)
        lines = section.paragraph_lines
        for number, text in enumerate(section.paragraphs):
            add(lines[number] if len(lines) == len(section.paragraphs) else line, "paragraph", text)
        if section is anchor and goals_part is not None:
            add(goals_part[0], "goals", goals_part[1])
    if goals_part is not None and anchor is None:
        add(goals_part[0], "goals", goals_part[1])
    for project in disclosure.projects:
        add(_line(project.location), "project", project)
    if all(line is not None for line, *_ in keyed):
        keyed.sort(key=lambda k: (k[0], k[1]))
    return [(kind, item) for _, _, kind, item in keyed]


def _line(location) -> int | None:
    return location.line if location is not None else None


# --- department goals -----------------------------------------------------------------------

_MARKERS = {"arabic": "{}、", "paren_arabic": "（{}）", "cn": "{}、", "paren_cn": "（{}）"}


def _sub_goal_lines(sub_goals: Sequence[SubGoal]) -> list[str]:
    """The 分项绩效目标 as paragraphs that read back into the same sub-goals.

    Every sub-goal opens with its number in one style, chosen so that no other
    paragraph of the section opens with a number in that style (the reader starts
    a new sub-goal at each). A titled sub-goal prints ``标题`` then ``绩效目标：…``
    and ``绩效指标：…`` lines (or ``标题：目标`` where the title alone would not
    read back as a title); an untitled one prints its goal after the number.
    """
    bodies = [_sub_goal_body(s) for s in sub_goals]
    continuation = [line for body in bodies for line in body[1:]]
    digits = all((s.seq or "").isdigit() for s in sub_goals)
    styles = ("arabic", "paren_arabic") if digits else ("cn", "paren_cn")
    style = next(
        (
            s
            for s in styles
            if not any((found := numbering(line)) and found[0] == s for line in continuation)
        ),
        styles[0],
    )
    marker = _MARKERS[style]
    lines: list[str] = []
    for sub, body in zip(sub_goals, bodies, strict=True):
        lines.append((marker.format(sub.seq) if sub.seq else "") + body[0])
        lines.extend(body[1:])
    return lines


def _sub_goal_body(sub: SubGoal) -> list[str]:
    """A sub-goal's paragraphs, its number left off the first."""
    goal = sub.goal.split("\n") if sub.goal is not None else []
    indicators = sub.indicators_text.split("\n") if sub.indicators_text is not None else []
    labelled_indicators = [f"绩效指标：{indicators[0]}", *indicators[1:]] if indicators else []
    if not sub.title:
        return [*(goal or [""]), *labelled_indicators]
    reads_as_title = (
        not (_TITLED.match(sub.title) and not _LABELLED.match(sub.title))
        and len(sub.title) <= 20
        and not sub.title.endswith("。")
    )
    if not goal:  # lines after the title are 绩效指标 unless labelled otherwise
        return [sub.title if reads_as_title else f"{sub.title}：", *indicators]
    if reads_as_title:
        return [sub.title, f"绩效目标：{goal[0]}", *goal[1:], *labelled_indicators]
    return [f"{sub.title}：{goal[0]}", *goal[1:], *labelled_indicators]
