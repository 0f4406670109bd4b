"""Performance tables that are not one project per table (四川 templates).

Two shapes, both printed as one table in the Word-export text:

- a **project list** (项目支出绩效表 / 部门项目支出绩效目标表 / 部门预算项目绩效目标申报表):
  one header row ``[单位名称 |] 项目名称 | [单位名称 |] 预算数 | 年度目标 | 一级指标 | 二级指标 |
  三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 [| 指标方向性]`` and one row per indicator; the
  project cells are merged down (printed blank on the rows below), so a non-blank 项目名称
  opens the next project. A row with a budget but no project name and no indicator is a
  subtotal (``208-自然资源和规划局 | 10,708.42``) and becomes an INFO finding;
- a **部门整体 form** (部门整体支出绩效目标表 / 整体支出绩效目标申报表): 部门名称, a
  资金总额 | 财政拨款 | 其他资金 row with its amounts on the next row, 年度总体目标,
  年度主要任务 and an indicator grid. It is read as a :class:`Project` with scope
  :attr:`~jixiao.model.TargetScope.DEPARTMENT` and ``seq`` 0, the
  form's title, the 部门名称 as ``project_name``, the tasks (``任务名称：主要内容`` lines) as
  ``purpose`` and the goal cell split at ``;``/``；`` as ``goals``.

Split target cells are joined by :func:`jixiao.ingest.projects.split_target`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.ingest.projects import GridRow, build_indicators, grid_field, money, split_goals
from jixiao.ingest.text import clean, clean_inline
from jixiao.ingest.word_cells import Cell, Paragraph, TableBlock
from jixiao.model import Finding, Location, MoneyUnit, Project, Severity, TargetScope

__all__ = ["read_performance_table"]

_UNIT_CAPTION = re.compile(r"(?:单位|金额)\s*[:：]\s*(万元|元)")
_CODE_NAME = re.compile(r"^([0-9A-Z]{6,})\s*[-－—]\s*(.+)$", re.S)
_TITLE = re.compile(r"绩效.*表")
_GOAL_SEPARATOR = re.compile(r"[;；]")

#: Header words of the project columns of a list → field.
_PROJECT_FIELDS = {
    "项目名称": "name",
    "单位名称": "unit",
    "预算数": "budget",
    "预算金额": "budget",
    "年度目标": "goal",
    "年度绩效目标": "goal",
}


def _money_unit(texts: Sequence[str]) -> MoneyUnit | None:
    """The last 元/万元 caption in ``texts`` (``单位：某局  单位：元`` → 元)."""
    found = None
    for text in texts:
        for match in _UNIT_CAPTION.finditer(clean_inline(text)):
            found = match.group(1)
    if found is None:
        return None
    return MoneyUnit.WAN_YUAN if found == "万元" else MoneyUnit.YUAN


def _title(before: Sequence[Paragraph], top: Sequence[Cell]) -> str:
    """The table's title: a cell above the header, else the nearest paragraph before the
    table, that names a 绩效…表."""
    for cell in top:
        if _TITLE.search(cell.key):
            return cell.key
    for paragraph in reversed(before):
        if _TITLE.search(clean_inline(paragraph.text)):
            return clean_inline(paragraph.text)
    return ""


def _code_name(text: str) -> tuple[str | None, str]:
    """``51192222T000005325546-高光才护理费`` → code and name; no code → ``(None, text)``."""
    match = _CODE_NAME.match(text)
    return (match.group(1), clean_inline(match.group(2))) if match else (None, text)


def _header_index(groups: Sequence[Sequence[Cell]]) -> int | None:
    return next(
        (i for i, g in enumerate(groups) if any(c.key == "一级指标" for c in g)),
        None,
    )


def read_performance_table(
    block: TableBlock,
    before: Sequence[Paragraph],
    *,
    doc_unit: MoneyUnit | None,
    path: str,
    fiscal_year: int | None,
    notes: list[Finding],
) -> list[Project] | None:
    """Projects of a project-list table or the one project of a 部门整体 form.

    ``before`` are the paragraphs just above the table (titles and captions printed
    outside it). Returns ``None`` when the table is neither shape (the caller then reads
    it as a one-project table). Budgets are :class:`Money` in the table's unit (its
    ``单位：``/``金额：`` caption, else ``doc_unit``), raw text kept. Subtotal rows are
    reported in ``notes`` (INFO), not dropped silently. Never raises.
    """
    groups = block.groups
    header_index = _header_index(groups)
    if header_index is None:
        return None
    header = [c.key for c in groups[header_index]]
    top = [cell for group in groups[:header_index] for cell in group]
    unit = _money_unit([c.text for c in top] + [p.text for p in before[-3:]]) or doc_unit
    title = _title(before, top)
    location = Location(file=path, line=block.first_line, table=title or None)
    if "项目名称" in header:
        return _project_list(
            block, header_index, header, unit, title, location, path, notes, fiscal_year
        )
    if any(c.key == "资金总额" for c in top):
        return [_department_form(block, header_index, header, unit, title, location, fiscal_year)]
    return None


def _rows(block: TableBlock, header_index: int, width: int) -> list[tuple[Cell, ...]]:
    """Rows below the header, rebuilt from the header's width (every row prints every
    cell, merged ones blank)."""
    cells = [cell for group in block.groups[header_index + 1 :] for cell in group]
    return [tuple(cells[i : i + width]) for i in range(0, len(cells) - width + 1, width)]


def _project_list(
    block: TableBlock,
    header_index: int,
    header: list[str],
    unit: MoneyUnit | None,
    title: str,
    location: Location,
    path: str,
    notes: list[Finding],
    fiscal_year: int | None,
) -> list[Project]:
    width = len(header)
    project_fields = [_PROJECT_FIELDS.get(h) for h in header]
    grid_fields = [None if _PROJECT_FIELDS.get(h) else grid_field(h) for h in header]
    opened: list[tuple[dict[str, str], int, list[GridRow]]] = []
    for row in _rows(block, header_index, width):
        own = {f: c.text for f, c in zip(project_fields, row, strict=False) if f}
        grid = {f: c.text for f, c in zip(grid_fields, row, strict=False) if f}
        has_indicator = any(clean_inline(grid.get(f, "")) for f in ("level3", "target"))
        if clean_inline(own.get("name", "")):
            opened.append((own, row[0].line, []))
        elif not has_indicator:
            if any(c.key for c in row):
                notes.append(
                    Finding(
                        rule="ingest-project-list-total-row",
                        severity=Severity.INFO,
                        message=(
                            f"项目绩效表「{title}」中有一行没有项目名称，也没有指标"
                            f"（{' | '.join(c.key for c in row if c.key)}），"
                            "按合计行处理，未计入项目。"
                        ),
                        location=Location(file=path, line=row[0].line, table=title or None),
                    )
                )
            continue
        if not opened:  # indicators before any project name: keep them in a nameless one
            opened.append(({}, row[0].line, []))
        opened[-1][2].append(GridRow(grid, row[0].line))
    projects: list[Project] = []
    unit_text = ""  # a 单位名称 cell merged over several projects is carried down
    for seq, (own, line, rows) in enumerate(opened, start=1):
        code, name = _code_name(clean_inline(own.get("name", "")))
        unit_text = clean_inline(own.get("unit", "")) or unit_text
        unit_code, unit_name = _code_name(unit_text)
        here = location.at(line=line)
        budget = own.get("budget")
        goal = clean(own.get("goal", ""))
        projects.append(
            Project(
                seq=seq,
                title=title,
                project_name=name,
                project_code=code,
                money_unit=unit,
                budget_total=money(budget, unit, here) if budget is not None else None,
                budget_fiscal=None,
                budget_other=None,
                purpose=None,
                spending_plan=(),
                goals=split_goals(goal) if goal else (),
                indicators=build_indicators(rows, here, fiscal_year),
                unit_code=unit_code,
                unit_name=unit_name or None,
                location=here,
            )
        )
    return projects


def _department_form(
    block: TableBlock,
    header_index: int,
    header: list[str],
    unit: MoneyUnit | None,
    title: str,
    location: Location,
    fiscal_year: int | None,
) -> Project:
    groups = block.groups
    top_groups = groups[:header_index]

    def after(label: str) -> str | None:
        for group in top_groups:
            for index, cell in enumerate(group[:-1]):
                if cell.key == label:
                    return group[index + 1].text
        return None

    amounts: dict[str, str] = {}
    for index, group in enumerate(top_groups[:-1]):
        keys = [c.key for c in group]
        if "资金总额" in keys:
            values = top_groups[index + 1]
            offset = len(values) - len(keys)
            for position, key in enumerate(keys):
                if 0 <= position + offset < len(values):
                    amounts[key] = values[position + offset].text
    tasks: list[str] = []
    task_start = next(
        (i for i, g in enumerate(top_groups) if g and g[0].key == "年度主要任务"), None
    )
    if task_start is not None:
        for group in top_groups[task_start + 1 :]:
            keys = [c.key for c in group]
            if not keys or keys[0] not in ("",) or len(keys) < 3:
                break
            tasks.append(f"{keys[1]}：{keys[2]}" if keys[2] else keys[1])
    goal_text = clean_inline(after("年度总体目标") or "")
    goals = tuple(g.strip() for g in _GOAL_SEPARATOR.split(goal_text) if g.strip())
    grid_fields = [grid_field(h) for h in header]
    rows = [
        GridRow({f: c.text for f, c in zip(grid_fields, row, strict=False) if f}, row[0].line)
        for row in _rows(block, header_index, len(header))
    ]
    name = clean_inline(after("部门名称") or "")

    def amount(key: str):
        return money(amounts[key], unit, location) if key in amounts else None

    return Project(
        seq=0,
        title=title,
        project_name=name,
        project_code=None,
        money_unit=unit,
        budget_total=amount("资金总额"),
        budget_fiscal=amount("财政拨款"),
        budget_other=amount("其他资金"),
        purpose="\n".join(tasks) or None,
        spending_plan=(),
        goals=goals,
        indicators=build_indicators(rows, location, fiscal_year),
        unit_code=None,
        unit_name=name or None,
        scope=TargetScope.DEPARTMENT,
        location=location,
    )
