"""PDF-extraction layout: text pulled from a PDF (seed 003) → typed records.

There are no tabs: a row's cells share a line when they fit, and a long cell wraps
onto lines of its own at its column's width (``电梯维修合`` / ``格率(%)``). The
indicator grid is rebuilt from what the columns hold: 一级/二级 names are a known
vocabulary (rejoined across breaks), a row ends on the line that carries its
target and basis (``≥95% 工作计划``), and a 三级 cell's lines are no wider than
its column while a description's are wider.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from jixiao.ingest.document import DocumentParts
from jixiao.ingest.errors import IngestError
from jixiao.ingest.goals import TextParagraph, numbering, parse_department_goals
from jixiao.ingest.projects import (
    PROJECT_TITLE,
    GridRow,
    build_indicators,
    grid_field,
    money,
    project_name_from_title,
    spending_plan,
    split_goals,
)
from jixiao.ingest.tables import money_unit_in, split_unit_line
from jixiao.ingest.text import clean, clean_inline
from jixiao.model import (
    LEVEL2_NAMES,
    Level1,
    Level2,
    Location,
    MoneyUnit,
    NarrativeSection,
    Project,
    normalise_level1,
    normalise_level2,
)

Line = tuple[int, str]  # (1-based line number, text without surrounding spaces)

_LEVEL2_FORMS = tuple(form for stem in LEVEL2_NAMES for form in (stem + "指标", stem))
# East Asian Wide and Fullwidth ranges that occur in these documents.
_WIDE = re.compile(
    r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”‘’]"
)
_NUMBER = re.compile(r"^[≥≤<>=＞＜＝]?\d[\d.,]*%?$")
_MONTHS = re.compile(r"(\d{1,2})\s*月底")
_GOALS_START = re.compile(r"^部门整体(绩效)?目标$")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分$")
_PROJECTS_START = re.compile(r"(预算)?项目(支出)?绩效目标$")


def display_width(text: str) -> int:
    """Columns the text takes when printed: 2 for a Chinese character or a
    full-width form (East Asian width W or F, plus curly quotes, which Chinese
    fonts print wide), 1 otherwise."""
    return len(text) + len(_WIDE.findall(text))


def join_wrapped(lines: Sequence[Line]) -> list[TextParagraph]:
    """Prose lines rejoined into paragraphs: a line about as wide as the page's
    usual line continues into the next (a paragraph's first line is indented by
    two characters, hence the slack); a shorter one ends its paragraph, and a
    numbered line always opens one."""
    widths = [display_width(text) for _, text in lines]
    wide = Counter(w for w in widths if w >= max(widths, default=0) // 2)
    full = (wide.most_common(1)[0][0] if wide else 0) - 8
    paragraphs: list[TextParagraph] = []
    ended = True
    for number, text in lines:
        if ended or numbering(text):
            paragraphs.append(TextParagraph(text, number))
        else:
            paragraphs[-1] = TextParagraph(paragraphs[-1].text + text, paragraphs[-1].line)
        ended = display_width(text) < full
    return [TextParagraph(clean(p.text), p.line) for p in paragraphs]


def _level2_prefix(text: str) -> bool:
    return any(form.startswith(text) for form in _LEVEL2_FORMS)


def _is_level1(tokens: Sequence[str], following: str) -> bool:
    """A 一级 name opens the line. 成本指标 is a 一级 only in the 101号 tree, where it
    stands alone above a 经济/社会/生态环境成本 二级; elsewhere it is the 二级 of 产出."""
    level1 = normalise_level1(tokens[0])
    if level1 is None:
        return False
    if level1 is not Level1.COST:
        return True
    next_level2 = normalise_level2(following.split()[0]) if following.split() else None
    return len(tokens) == 1 and next_level2 in (
        Level2.ECONOMIC_COST,
        Level2.SOCIAL_COST,
        Level2.ECOLOGICAL_COST,
    )


def _split_row_end(tokens: list[str]) -> tuple[list[str], str, str]:
    """``[描述尾…] 指标值 依据`` → (description tail, target, basis); a target may be
    printed as number and unit apart (``9 部``)."""
    basis = tokens[-1]
    rest = tokens[:-1]
    if (
        len(rest) >= 2
        and _NUMBER.match(rest[-2])
        and not re.search(r"\d", rest[-1])
        and len(rest[-1]) <= 4
    ):
        return rest[:-2], rest[-2] + rest[-1], basis
    return rest[:-1], rest[-1], basis


class _Row:
    """An indicator row being rebuilt line by line."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.level1 = ""
        self.level2 = ""
        self.level3: list[str] = []
        self.description: list[str] = []
        self.level3_closed = False

    def fields(self, target: str, basis: str) -> GridRow:
        return GridRow(
            {
                "level1": self.level1,
                "level2": self.level2,
                "level3": "".join(self.level3),
                "description": "".join(self.description),
                "target": target,
                "basis": basis,
            },
            self.line,
        )


def _grid(lines: Sequence[Line], path: str) -> list[GridRow]:
    """Indicator rows from the grid's lines (see the module docstring)."""
    short = Counter(
        display_width(t) for _, t in lines if " " not in t and 6 <= display_width(t) <= 14
    )
    level3_width = short.most_common(1)[0][0] if short else 10
    rows: list[GridRow] = []
    row: _Row | None = None
    for position, (number, text) in enumerate(lines):
        tokens = text.split()
        if row is None:
            row = _Row(number)
        following = lines[position + 1][1] if position + 1 < len(lines) else ""
        if not (row.level1 or row.level2 or row.level3) and _is_level1(tokens, following):
            row.level1 = tokens.pop(0)
        if not row.level3 and not row.description:
            while tokens and _level2_prefix(row.level2 + tokens[0]):
                row.level2 += tokens.pop(0)
                if len(tokens) == 1:
                    row.level3, row.level3_closed = [tokens.pop(0)], True
        if not tokens:
            continue
        if len(tokens) >= 2:
            tail, target, basis = _split_row_end(tokens)
            if tail:
                (row.description if row.level3 else row.level3).extend(tail)
            rows.append(row.fields(target, basis))
            row = None
            continue
        piece = tokens[0]
        fits = display_width(piece) <= level3_width
        previous_full = bool(row.level3) and display_width(row.level3[-1]) >= level3_width - 1
        if not row.level3 or (
            not row.level3_closed and not row.description and fits and previous_full
        ):
            row.level3.append(piece)
        else:
            row.level3_closed = True
            row.description.append(piece)
    if row is not None and (row.level3 or row.description):
        raise IngestError(
            "绩效指标表的最后一行没有指标值和确定依据，文件可能被截断。", path=path, line=row.line
        )
    return rows


def _project(title: Line, body: Sequence[Line], path: str, fiscal_year: int | None) -> Project:
    number = PROJECT_TITLE.match(title[1])
    seq = int(number.group(1)) if number else 0
    title_text = clean_inline(title[1])
    location = Location(file=path, line=title[0], table=title_text)
    unit: MoneyUnit | None = None
    unit_line = None
    code_parts: list[str] = []
    name = total = fiscal = other = None
    purpose: list[str] = []
    months: list[int] = []
    plan_raw: list[str] = []
    goals: list[str] = []
    header: list[str] = []
    grid: list[Line] = []
    state = "start"
    for line_number, text in body:
        if state == "start" and "单位" in text and money_unit_in([text]):
            unit = money_unit_in([text])
            unit_line = split_unit_line(re.split(r"单位[:：]", text)[0])
            continue
        if state == "grid":
            grid.append((line_number, text))
        elif text == "项目编码":
            state = "code"
        elif text.startswith("项目名称"):
            name, state = text.removeprefix("项目名称").strip(), "name"
        elif state == "code":
            code_parts.append(text)
        elif text.startswith("预算数"):
            total, state = text.removeprefix("预算数").strip(), "fiscal"
        elif state == "fiscal" and "其他资金" in text:
            before, _, after = text.partition("其他资金")
            fiscal, other, state = before.strip(), after.strip(), "purpose"
        elif text.startswith("资金支出计") or text.startswith("划（"):
            state = "plan"
        elif state == "plan" and _MONTHS.search(text):
            months = [int(m) for m in _MONTHS.findall(text)]
        elif state == "plan" and months and not plan_raw:
            plan_raw = text.split()
        elif text.startswith("绩效目标"):
            rest = text.removeprefix("绩效目标").strip()
            goals, state = [rest] if rest else [], "goals"
        elif text.startswith("一级指标"):
            header, state = text.split(), "header"
        elif state == "header" and not normalise_level1(text.split()[0]):
            header[-1:] = (
                [header[-1] + text] if header[-1].startswith("指标值确定") else [header[-1], text]
            )
        elif state == "header":
            state = "grid"
            grid.append((line_number, text))
        elif state == "purpose":
            purpose.append(text)
        elif state == "goals":
            goals.append(text)
    if not header:
        raise IngestError(
            f"项目绩效目标表“{title_text}”缺少指标表头（一级指标…），文件可能被截断。",
            path=path,
            line=title[0],
        )
    total_money = money(total, unit, location) if total is not None else None
    plan_cells = list(zip(months, [""] * (len(months) - len(plan_raw)) + plan_raw, strict=False))
    fields = {grid_field(h) for h in header}
    rows = _grid(grid, path)
    if "description" not in fields:
        rows = [
            GridRow({k: v for k, v in r.fields.items() if k != "description"}, r.line) for r in rows
        ]
    return Project(
        seq=seq,
        title=title_text,
        project_name=clean_inline(name) if name else project_name_from_title(title_text),
        project_code=clean_inline("".join(code_parts)) or None,
        money_unit=unit,
        budget_total=total_money,
        budget_fiscal=money(fiscal, unit, location) if fiscal is not None else None,
        budget_other=money(other, unit, location) if other is not None else None,
        purpose=clean_inline("".join(purpose)) or None,
        spending_plan=spending_plan(
            plan_cells, total_money.value if total_money else None, location
        ),
        goals=split_goals("\n".join(goals)),
        indicators=build_indicators(rows, location, fiscal_year),
        unit_code=unit_line[0] if unit_line else None,
        unit_name=unit_line[1] if unit_line else None,
        location=location,
    )


def read_pdf_extraction(text: str, *, path: str, fiscal_year: int | None) -> DocumentParts:
    """Read PDF-extracted text: department goals, then one project per
    ``N.名称绩效目标表`` title. Raises :class:`IngestError` for a cut-off table."""
    lines: list[Line] = [
        (n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()
    ]
    titles = [i for i, (_, line) in enumerate(lines) if PROJECT_TITLE.match(line)]
    parts = DocumentParts()
    prose = lines[: titles[0]] if titles else lines
    goals_at = next(
        (i for i, (_, t) in enumerate(prose) if _GOALS_START.match(clean_inline(t))), None
    )
    projects_at = next(
        (
            i
            for i, (_, t) in enumerate(prose)
            if _PROJECTS_START.search(clean_inline(t)) and i > (goals_at or -1)
        ),
        len(prose),
    )
    goals_end = (
        projects_at - 1
        if projects_at > 0 and _PART.match(prose[projects_at - 1][1])
        else projects_at
    )
    if goals_at is not None:
        parts.goals, extra = parse_department_goals(
            join_wrapped(prose[goals_at + 1 : goals_end]),
            Location(file=path, line=prose[goals_at][0]),
        )
        parts.narrative.extend(extra)
    # Part markers and the two section headings are structure the model already
    # holds; any other prose outside the goals section is kept as narrative.
    structural = {goals_at, projects_at, goals_end}
    leftover = [
        line
        for i, line in [
            *enumerate(prose[: goals_at if goals_at is not None else projects_at]),
            *list(enumerate(prose))[projects_at:],
        ]
        if i not in structural and not _PART.match(line[1])
    ]
    if leftover:
        joined = join_wrapped(leftover)
        parts.narrative.append(
            NarrativeSection(
                heading="",
                paragraphs=tuple(p.text for p in joined),
                location=Location(file=path, line=leftover[0][0]),
                paragraph_lines=tuple(p.line for p in joined),
            )
        )
    for position, start in enumerate(titles):
        end = titles[position + 1] if position + 1 < len(titles) else len(lines)
        project = _project(lines[start], lines[start + 1 : end], path, fiscal_year)
        parts.projects.append(project)
        if project.unit_code and project.unit_name:
            parts.unit_lines.append(f"{project.unit_code}{project.unit_name}")
    return parts
