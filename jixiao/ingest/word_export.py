"""Word-export layout: paragraphs and cell blocks (``word_cells``) → typed records.

Project tables are read by their labels (项目编码, 预算数, 资金支出计划 …), not by
fixed positions, so a missing block (seed 001 prints none) or a shorter row does
not shift anything. The indicator grid is rebuilt from its header's width.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.ingest.document import DocumentParts
from jixiao.ingest.errors import IngestError
from jixiao.ingest.goals import TextParagraph, parse_department_goals
from jixiao.ingest.project_list import read_performance_table
from jixiao.ingest.projects import (
    PROJECT_TITLE,
    GridRow,
    build_indicators,
    checkpoint_month,
    grid_field,
    money,
    project_name_from_title,
    spending_plan,
    split_goals,
    target_scope,
)
from jixiao.ingest.tables import SourceRow, build_table, money_unit_in, split_unit_line
from jixiao.ingest.text import clean, clean_inline
from jixiao.ingest.word_cells import Cell, Paragraph, TableBlock, scan_blocks
from jixiao.model import (
    Finding,
    Location,
    MoneyUnit,
    NarrativeSection,
    Project,
    Severity,
    normalise_level1,
    normalise_level2,
)

_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)"
)
_PART_ONLY = re.compile(r"^第[一二三四五六七八九十]+部分$")
_GOALS_START = re.compile(r"部门整体(绩效)?目标")
_PROJECTS_START = re.compile(r"(预算)?项目(支出)?绩效目标$")


def _label_value(cells: Sequence[Cell], label: str) -> str | None:
    """The cell after the one whose text is ``label``."""
    for index, cell in enumerate(cells):
        if cell.key == label and index + 1 < len(cells):
            return cells[index + 1].text
    return None


def _expected_width(group: Sequence[Cell], width: int) -> int:
    """How many cells the row opening with ``group`` has: all of them, unless the
    merged 一级 (and 二级) cells were not printed at all (LAYOUTS.md)."""
    first = group[0].key
    if not first or normalise_level1(first) or len(group) >= width:
        return width
    return width - 1 if normalise_level2(first) else width - 2


def _grid_rows(
    groups: Sequence[tuple[Cell, ...]], fields: Sequence[str | None], path: str, *, at_end: bool
) -> tuple[list[GridRow], Finding | None]:
    """Indicator rows rebuilt from blank-line groups and the header's width.

    A last row short of cells means a cut-off file — except at the very end of the
    document when the missing cells are trailing ones that are blank in every
    other row: a saved text loses trailing blank cells with its trailing
    whitespace (seed 002), so those are read as blank and a note says so.
    """
    width = len(fields)
    rows: list[GridRow] = []
    pending: list[Cell] = []
    expected = width
    for group in groups:
        if not pending:
            expected = _expected_width(group, width)
        pending.extend(group)
        while len(pending) >= expected:
            cells, pending = pending[:expected], pending[expected:]
            mine = fields[width - expected :]
            rows.append(
                GridRow({f: c.text for f, c in zip(mine, cells, strict=False) if f}, cells[0].line)
            )
            if pending:
                expected = _expected_width(pending, width)
    if not pending or not any(c.key for c in pending):
        return rows, None
    present = fields[width - expected : width - expected + len(pending)]
    missing = [f for f in fields[width - expected + len(pending) :] if f]
    if (
        at_end
        and rows
        and not any(clean_inline(r.fields.get(f, "")) for r in rows for f in missing)
    ):
        read = {f: c.text for f, c in zip(present, pending, strict=False) if f}
        rows.append(GridRow({**dict.fromkeys(missing, ""), **read}, pending[0].line))
        note = Finding(
            rule="ingest-trailing-cells-missing",
            severity=Severity.INFO,
            message=(
                f"文件末尾的最后一行缺少 {len(missing)} 个空白单元格"
                "（保存文本时末尾空白被删去），已按空白读取。"
            ),
            location=Location(file=path, line=pending[0].line),
        )
        return rows, note
    raise IngestError(
        f"绩效指标表的最后一行不完整（应有 {expected} 个单元格，"
        f"只读到 {len(pending)} 个），文件可能被截断。",
        path=path,
        line=pending[0].line,
    )


def _project(
    title: Paragraph | None,
    block: TableBlock,
    doc_unit: MoneyUnit | None,
    path: str,
    year: int | None,
    notes: list[Finding],
    *,
    at_end: bool,
) -> Project:
    location = Location(file=path, line=title.line if title else block.first_line)
    groups = block.groups
    header_index = next(i for i, g in enumerate(groups) if any(c.key == "一级指标" for c in g))
    top = [cell for group in groups[:header_index] for cell in group]
    header = groups[header_index]
    fields = [grid_field(cell.text) for cell in header]
    title_text = clean_inline(title.text) if title else ""
    match = PROJECT_TITLE.match(title_text)
    seq = int(match.group(1)) if match else 0
    table_location = location.at(table=title_text or None)
    unit = money_unit_in([c.text for c in top]) or doc_unit
    unit_line = next((split_unit_line(c.text) for c in top if split_unit_line(c.text)), None)

    budget_total = _label_value(top, "预算数")
    total = money(budget_total, unit, table_location) if budget_total is not None else None
    fiscal = _label_value(top, "其中：财政资金")
    other = _label_value(top, "其他资金")

    purpose = None
    plan = ()
    budget_group = next(
        (i for i, g in enumerate(groups[:header_index]) if any(c.key == "预算数" for c in g)), None
    )
    plan_group = next(
        (
            i
            for i, g in enumerate(groups[:header_index])
            if any(c.key.startswith("资金支出计划") for c in g)
        ),
        None,
    )
    if budget_group is not None:
        end = plan_group if plan_group is not None else header_index
        texts = [clean(c.text) for g in groups[budget_group + 1 : end] for c in g if clean(c.text)]
        texts = [t for t in texts if not clean_inline(t).startswith("绩效目标")]
        purpose = "\n".join(texts) or None
    if plan_group is not None:
        months = [m for m in (checkpoint_month(c.text) for c in groups[plan_group]) if m]
        values = groups[plan_group + 1] if plan_group + 1 < header_index else ()
        raws = [c.text for c in values][-len(months) :] if months else []
        raws = [""] * (len(months) - len(raws)) + raws
        plan = spending_plan(
            list(zip(months, raws, strict=False)),
            total.value if total else None,
            table_location.at(line=groups[plan_group][0].line),
        )
    goals_text = _label_value(top, "绩效目标")
    name = _label_value(top, "项目名称")
    code = _label_value(top, "项目编码")
    rows, note = _grid_rows(groups[header_index + 1 :], fields, path, at_end=at_end)
    if note:
        notes.append(note)
    return Project(
        seq=seq,
        title=title_text,
        project_name=clean_inline(name) if name else project_name_from_title(title_text),
        project_code=clean_inline(code) or None if code is not None else None,
        money_unit=unit,
        budget_total=total,
        budget_fiscal=money(fiscal, unit, table_location) if fiscal is not None else None,
        budget_other=money(other, unit, table_location) if other is not None else None,
        purpose=purpose,
        spending_plan=plan,
        goals=split_goals(goals_text) if goals_text else (),
        indicators=build_indicators(rows, table_location, year),
        unit_code=unit_line[0] if unit_line else None,
        unit_name=unit_line[1] if unit_line else None,
        scope=target_scope(title_text),
        location=table_location,
    )


def _is_title(paragraph: Paragraph) -> bool:
    text = clean_inline(paragraph.text)
    return len(text) <= 60 and not text.endswith(("。", "：", ":", "；"))


def read_word_export(
    text: str, *, path: str, fiscal_year: int | None, rows_whole: bool = False
) -> DocumentParts:
    """Read Word-export text into tables, projects, goals and narrative.

    ``rows_whole``: the text was printed by jixiao from a .docx/.xlsx/.pdf, so each
    blank-line group of a table is one whole row (see ``tables.build_table``).
    Raises :class:`IngestError` when a table is cut off (a truncated file).
    """
    blocks = scan_blocks(text)
    doc = DocumentParts()
    section: tuple[str, int] | None = None
    paragraphs: list[TextParagraph] = []
    goal_paragraphs: list[TextParagraph] | None = None
    goals_line = 0

    def flush_section() -> None:
        nonlocal paragraphs
        if section is not None or paragraphs:
            heading, line = section or ("", paragraphs[0].line)
            doc.narrative.append(
                NarrativeSection(
                    heading=heading,
                    paragraphs=tuple(p.text for p in paragraphs),
                    location=Location(file=path, line=line),
                    paragraph_lines=tuple(p.line for p in paragraphs),
                )
            )
        paragraphs = []

    def finish_goals() -> None:
        nonlocal goal_paragraphs
        if goal_paragraphs is not None:
            goals, extra = parse_department_goals(
                goal_paragraphs, Location(file=path, line=goals_line)
            )
            doc.goals = doc.goals or goals
            doc.narrative.extend(extra)
            goal_paragraphs = None

    doc_unit = money_unit_in(
        [c.text for b in blocks if isinstance(b, TableBlock) for c in b.groups[0]]
    )
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Paragraph):
            text = clean(block.text)
            if (
                _PART_ONLY.match(text)
                and isinstance(following, Paragraph)
                and len(following.text) <= 30
            ):
                text = f"{text}{clean(following.text)}"
                index += 1
            if (
                isinstance(following, TableBlock)
                and _is_title(block)
                and not _GOALS_START.search(text)
            ):
                index += 1  # the title is read with its table below
                continue
            if _GOALS_START.search(text) and len(text) <= 30:
                finish_goals()
                flush_section()
                section = (text, block.line)
                flush_section()
                section = None
                goal_paragraphs, goals_line = [], block.line
            elif _PROJECTS_START.search(text) and len(text) <= 30:
                finish_goals()
                flush_section()
                section = (text, block.line)
            elif goal_paragraphs is not None:
                goal_paragraphs.append(TextParagraph(text, block.line))
            elif (block.heading or _HEADING.match(text)) and len(text) <= 40:
                flush_section()
                section = (text, block.line)
            else:
                paragraphs.append(TextParagraph(text, block.line))
        else:
            previous = blocks[index - 1] if index > 0 else None
            title = previous if isinstance(previous, Paragraph) and _is_title(previous) else None
            doc.unit_lines.extend(c.text for c in block.groups[0] if split_unit_line(c.text))
            listed = (
                read_performance_table(
                    block,
                    [b for b in blocks[max(0, index - 3) : index] if isinstance(b, Paragraph)],
                    doc_unit=doc_unit,
                    path=path,
                    fiscal_year=fiscal_year,
                    notes=doc.notes,
                )
                if any(c.key == "一级指标" for c in block.cells)
                else None
            )
            if listed is not None:
                doc.projects.extend(listed)
            elif any(c.key == "一级指标" for c in block.cells):
                doc.projects.append(
                    _project(
                        title,
                        block,
                        doc_unit,
                        path,
                        fiscal_year,
                        doc.notes,
                        at_end=following is None,
                    )
                )
            else:
                note = None
                if isinstance(following, Paragraph) and clean(following.text).startswith("注"):
                    note = clean(following.text)
                    index += 1
                rows = [SourceRow(tuple(c.text for c in g), g[0].line) for g in block.groups]
                table = build_table(
                    title=title.text if title else "",
                    rows=rows,
                    location=Location(file=path, line=title.line if title else block.first_line),
                    note=note,
                    default_unit=None,
                    rows_whole=rows_whole,
                )
                doc.budget_tables.append(table)
        index += 1
    finish_goals()
    flush_section()
    return doc
