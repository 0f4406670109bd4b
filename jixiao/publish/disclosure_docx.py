"""A disclosure as a Word document (DOCX) in the standard layout of the 公开 tables.

What the seeds print, regenerated from the model: section headings and narrative
paragraphs; each budget table with its title, its caption row (unit line,
预算年度, 单位：万元), its header with merged cells where the header has two
levels, its 栏次 row, its rows and its note; the 部门整体绩效目标; and one
项目支出绩效目标表 per project, merged where the standard table merges (unit line
and 单位, 预算规模及资金用途 over the budget and purpose rows, 资金支出计划 over its
two rows, 一级/二级 names over the indicator rows they head).

Every cell and paragraph prints a raw string of the model, nothing else, so
reading the file back (``jixiao.ingest``) gives the same raw strings and the same
parsed values — the round trip the tests hold. Parts are printed in the order
their locations give (the source document's order); a model without locations
gets budget tables, narrative, goals, projects. Fonts are set on every run
(宋体 for Chinese, 黑体 for headings), the page is A4, wide budget tables get a
landscape section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from jixiao.ingest.goals import numbering
from jixiao.model import (
    BudgetTable,
    DepartmentGoals,
    Disclosure,
    NarrativeSection,
    Project,
    SubGoal,
)
from jixiao.publish.docx_tables import budget_rows, project_rows
from jixiao.publish.wordml import (
    A4_MM,
    BODY_FONT,
    HEADING_FONT,
    LATIN_FONT,
    MARGIN_MM,
    PROSE,
    W_NS,
    Bookmarks,
    page_width_twips,
    paragraph,
    section_break,
    table_xml,
)

_WIDE_TABLE = 9  # columns from which a budget table is set landscape

_GOALS_HEADING = re.compile(r"部门整体(绩效)?目标")
_SUBSECTION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．])?\s*"
    r"(总体绩效目标|分项绩效目标|(?:工作)?保障措施)[:：]?$"
)
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_LABELLED = re.compile(r"^(绩效目标|绩效指标)[:：]")
_TITLED = re.compile(r"^([^:：。，]{1,20})[:：]\s*(.*)$", re.S)


def write_disclosure_docx(disclosure: Disclosure, path: str | Path) -> Path:
    """Write ``disclosure`` as a .docx at ``path`` (parents created); returns the path."""
    import docx  # python-docx: the package, styles and page set-up
    from docx.oxml import parse_xml

    path = Path(path)
    document = docx.Document()
    _set_up(document, disclosure)
    body = document.element.body
    writer = _Writer(disclosure)
    fragments = "".join(writer.fragments())
    new_body = parse_xml(f'<w:body xmlns:w="{W_NS}">{fragments}</w:body>')
    new_body.append(body[-1])  # the body's own sectPr (page set-up) stays last
    document.element.replace(body, new_body)
    if writer.landscape:  # the document ends with a wide table: its last section turns
        from docx.enum.section import WD_ORIENT

        last = document.sections[-1]
        last.orientation = WD_ORIENT.LANDSCAPE
        last.page_width, last.page_height = last.page_height, last.page_width
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _set_up(document, disclosure: Disclosure) -> None:
    """A4 portrait, margins, fonts of the styles, the title in the file's properties."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    footer = section.footer.paragraphs[0]
    footer.alignment = 1  # centred page number
    footer._p.append(
        parse_xml(
            f'<w:fldSimple xmlns:w="{W_NS}" w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    for name, font, size in (
        ("Normal", BODY_FONT, 12),
        ("Title", HEADING_FONT, 18),
        ("Heading 1", HEADING_FONT, 16),
        ("Heading 2", HEADING_FONT, 14),
        ("Heading 3", HEADING_FONT, 12),
    ):
        style = document.styles[name]
        style.font.name = LATIN_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
    properties = document.core_properties
    properties.title = f"{disclosure.unit_name}{disclosure.fiscal_year}年部门预算公开"
    properties.author = "jixiao"


# --- the document, part by part -------------------------------------------------------------


class _Writer:
    """Turns a disclosure into body XML fragments, part by part in document order."""

    def __init__(self, disclosure: Disclosure) -> None:
        self.disclosure = disclosure
        self.bookmarks = Bookmarks()
        self.landscape = False

    def fragments(self) -> Iterator[str]:
        for kind, item in _ordered_parts(self.disclosure):
            wide = kind == "table" and len(item.columns) >= _WIDE_TABLE
            if wide != self.landscape:
                yield section_break(self.landscape)
                self.landscape = wide
            if kind == "heading":
                yield self.heading(item)
            elif kind == "paragraph":
                yield paragraph(item, indent=True, spacing=PROSE)
            elif kind == "table":
                yield from self.budget_table(item)
            elif kind == "goals":
                yield from self.goals(*item)
            else:
                yield from self.project(item)

    def heading(self, text: str) -> str:
        level = 1 if _PART.match(text) else 2 if not text.startswith("（") else 3
        return paragraph(
            text,
            style=f"Heading{level}",
            font=HEADING_FONT,
            bookmarks=self.bookmarks,
            keep_next=True,
        )

    def title(self, text: str) -> str:
        return paragraph(
            text,
            align="center",
            bold=True,
            size=14,
            font=HEADING_FONT,
            bookmarks=self.bookmarks,
            keep_next=True,
        )

    # budget tables

    def budget_table(self, table: BudgetTable) -> Iterator[str]:
        if table.title:
            yield self.title(table.title)
        rows, header_rows = budget_rows(table)
        width = page_width_twips(self.landscape)
        yield table_xml(rows, width_twips=width, header_rows=header_rows)
        if table.note:
            yield paragraph(table.note, size=10, spacing=PROSE)

    # department goals

    def goals(
        self,
        goals: DepartmentGoals,
        heading: str | None,
        leftover: NarrativeSection | None,
        intro: NarrativeSection | None,
    ) -> Iterator[str]:
        if heading is not None:
            yield self.heading(heading)
        for text in leftover.paragraphs if leftover else ():
            yield paragraph(text, indent=True, spacing=PROSE)
        yield self.heading("一、总体绩效目标")
        for line in goals.overall_goal.split("\n") if goals.overall_goal else ():
            yield paragraph(line, indent=True, spacing=PROSE)
        yield self.heading(intro.heading if intro else "二、分项绩效目标")
        for text in intro.paragraphs if intro else ():
            yield paragraph(text, indent=True, spacing=PROSE)
        for line in _sub_goal_lines(goals.sub_goals):
            yield paragraph(line, indent=True, spacing=PROSE)
        yield self.heading("三、工作保障措施")
        for item in goals.safeguards:
            for line in item.split("\n"):
                yield paragraph(line, indent=True, spacing=PROSE)

    # projects

    def project(self, project: Project) -> Iterator[str]:
        if project.title:
            yield self.title(project.title)
        yield table_xml(project_rows(project), width_twips=page_width_twips(self.landscape))


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
