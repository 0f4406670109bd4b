"""Find the 项目支出绩效自评表 forms in a sheet's cells and read each one as printed.

A unit's year-end self-evaluation (绩效自评, 财预〔2020〕10号) is filed as one form per
project: one form per sheet, or many forms stacked in one sheet (a province's system
exports a department's 91 projects one under another). Forms are found by their labels,
never by fixed cells, and the labels are matched by meaning (whitespace, bracketed
notes such as ``（万元）`` or ``（盖章）``, numbering ``1.`` and a trailing colon ignored),
with the variants real forms print:

- 项目名称 (``代码-名称`` kept whole here), 主管部门, 实施单位;
- the money block: 项目资金（万元） or 年度预算数（万元） over 年初预算(数) | 全年预算数 or
  调整后预算数 | 全年执行数 or 预算执行数 | 分值 or 权重 | (预算)执行率 | 得分 | 原因,
  rows 年度资金总额/总额, 其中：当年财政拨款/财政资金, 上年结转(资金), 财政专户管理资金,
  单位资金, 其他资金;
- 年度总体目标 (预期目标 | 实际完成情况) or 项目年度目标 | 年度目标完成情况, values on
  the row below; 项目实施内容及过程概述;
- the indicator grid: 一级 | 二级 | 三级指标 | 年度指标值 or 指标性质/指标值/度量单位 |
  实际完成值 or 完成值 | 分值 or 权重 | 得分 | 偏差原因分析(及改进措施) or 未完成原因分析 |
  改进措施; an 一级/二级 left blank under a merged cell is carried down;
- 总分 or 合计 (分值/权重 and 得分 totals), 评价结论, 存在问题, 改进措施, 自评等级,
  项目负责人/财务负责人 lines.

Every cell inside a form that none of these explains is kept in ``unplaced``; text
between forms (报表编号, the export's notes) is returned apart. Nothing is parsed into
the domain model here: :mod:`jixiao.ingest.self_evaluation_model` does that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

from jixiao.ingest.self_evaluation_records import (
    GridCell,
    PrintedFunding,
    PrintedIndicator,
    SelfEvaluationForm,
    SheetGrid,
    is_not_applicable,
)
from jixiao.ingest.target import parse_number
from jixiao.model.actuals import FundingSource

__all__ = ["find_forms", "fiscal_year_of", "label_of"]

# --- labels ------------------------------------------------------------------------------

_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_NUMBERING = re.compile(
    r"^(?:[0-9]+[.、．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)])"
)
_MONEY_UNIT = re.compile(r"[（(]\s*(万元|元)\s*[）)]|单位\s*[:：]\s*(万元|元)")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
_TITLE_WORDS = re.compile(r"自评|评价表|年度|单位\s*[:：]|填报")
_CONCLUSION_TOTAL = re.compile(r"总分\s*[为是:：]?\s*([0-9]+(?:\.[0-9]+)?)\s*分")


def label_of(text: str) -> str:
    """The label a cell prints, for matching: no whitespace, no bracketed notes, no
    leading numbering, no trailing colon (``实施单位 （盖章）`` → ``实施单位``)."""
    compact = "".join(text.split())
    compact = _NUMBERING.sub("", _BRACKETED.sub("", compact))
    return compact.rstrip("：:")


def _names(*names: str) -> frozenset[str]:
    return frozenset(names)


_PROJECT = _names("项目名称")
_DEPARTMENT = _names("主管部门", "主管单位")
_UNIT = _names("实施单位", "项目实施单位")
_FUNDING_COLUMNS: dict[str, frozenset[str]] = {
    "initial": _names("年初预算数", "年初预算", "年初预算金额"),
    "adjusted": _names("全年预算数", "调整后预算数", "调整后预算", "全年预算", "调整预算数"),
    "spent": _names("全年执行数", "预算执行数", "执行数", "实际执行数", "全年实际执行数"),
    "rate": _names("执行率", "预算执行率"),
    "weight": _names("分值", "权重"),
    "score": _names(
        "得分",
    ),
    "reason": _names("原因", "偏差原因", "执行偏差原因", "原因分析", "偏差原因分析"),
}
_AMOUNT_FIELDS = ("initial", "adjusted", "spent")
_FUNDING_SOURCES: dict[str, FundingSource | None] = {
    "总额": FundingSource.TOTAL,
    "年度资金总额": FundingSource.TOTAL,
    "资金总额": FundingSource.TOTAL,
    "合计": FundingSource.TOTAL,
    "财政资金": FundingSource.FISCAL,
    "财政拨款": FundingSource.FISCAL,
    "当年财政拨款": FundingSource.FISCAL,
    "财政拨款资金": FundingSource.FISCAL,
    "上年结转": FundingSource.CARRIED_OVER,
    "上年结转资金": FundingSource.CARRIED_OVER,
    "结转资金": FundingSource.CARRIED_OVER,
    "其他资金": FundingSource.OTHER,
    "其他": FundingSource.OTHER,
    "财政专户管理资金": None,
    "单位资金": None,
}
_INDICATOR_COLUMNS: dict[str, frozenset[str]] = {
    "level1": _names("一级指标"),
    "level2": _names("二级指标"),
    "level3": _names("三级指标"),
    "nature": _names("指标性质"),
    "target": _names("年度指标值", "指标值", "年度目标值", "目标值", "预期指标值"),
    "unit": _names("度量单位", "计量单位", "单位"),
    "actual": _names("实际完成值", "完成值", "全年实际完成值", "全年完成值", "实际完成情况"),
    "weight": _names("分值", "权重"),
    "score": _names(
        "得分",
    ),
    "reason": _names(
        "偏差原因分析及改进措施",
        "偏差原因分析",
        "未完成原因分析",
        "原因分析",
        "偏差原因",
        "未完成原因",
    ),
    "improvement": _names("改进措施"),
    "direction": _names("指标方向性", "指标方向"),
}
_GOAL = _names("项目年度目标", "预期目标", "年度目标")
_GOAL_ACHIEVED = _names("年度目标完成情况", "实际完成情况", "目标完成情况")
_GOAL_ROW = _names("年度总体目标", "总体目标")
_PROCESS = _names("项目实施内容及过程概述", "实施内容及过程概述", "项目实施内容")
_TOTALS = _names("合计", "总分", "总计")
_CONCLUSION = _names("评价结论", "自评结论", "总体评价", "评价意见")
_PROBLEMS = _names("存在问题", "存在的问题", "存在问题及原因")
_IMPROVEMENT = _names("改进措施", "改进意见", "整改措施")
_GRADE = _names("自评等级", "评价等级")
_SECTIONS = _names(
    "项目基本情况", "项目年度目标完成情况", "预算执行情况", "绩效指标", "项目资金",
    "年度预算数",
)  # fmt: skip
_SIGNATURE = re.compile(r"^\s*(项目负责人|财务负责人|单位负责人|填报人|联系电话|填报日期)")


def _matches(cell: GridCell, names: frozenset[str]) -> str | None:
    """``""`` when ``cell`` is one of the labels ``names``; the text after the colon
    when it prints label and value together (``自评等级：优``); ``None`` otherwise."""
    if label_of(cell.text) in names:
        return ""
    parts = re.split(r"[:：]", cell.text, maxsplit=1)
    if len(parts) == 2 and parts[1].strip() and label_of(parts[0]) in names:
        return parts[1].strip()
    return None


# --- finding forms ------------------------------------------------------------------------


def find_forms(grid: SheetGrid) -> tuple[list[SelfEvaluationForm], list[GridCell]]:
    """Every 自评表 in ``grid``, top to bottom, and the cells outside them.

    A form is anchored on its 项目名称 row; its title is the rows right above it
    (up to three, one or two cells each) that speak of 自评/评价表/年度 or print a
    caption (``单位：万元``, ``填报单位：…``). It ends at the first blank row after its
    last part (总分/合计 row, else indicator header, else money header).
    """
    anchors = [row for row, cells in grid.rows.items() if _matches(cells[0], _PROJECT) is not None]
    starts = []
    floor = 1
    for anchor in anchors:
        start = anchor
        for row in range(anchor - 1, max(floor, anchor - 4) - 1, -1):
            cells = grid.rows.get(row, ())
            if not cells or len(cells) > 2 or not all(_TITLE_WORDS.search(c.text) for c in cells):
                break
            start = row
        starts.append(start)
        floor = anchor + 1
    forms = []
    for i, (start, anchor) in enumerate(zip(starts, anchors, strict=True)):
        limit = (starts[i + 1] - 1) if i + 1 < len(starts) else grid.last_row
        forms.append(_FormReader(grid, start, anchor, limit).read())
    inside = {row for form in forms for row in range(form.title_row, form.last_row + 1)}
    outside = [cell for row, cells in grid.rows.items() if row not in inside for cell in cells]
    return forms, outside


class _FormReader:
    """Reads one form between ``start`` and ``limit`` (inclusive) of ``grid``."""

    def __init__(self, grid: SheetGrid, start: int, anchor: int, limit: int) -> None:
        self.grid = grid
        self.start = start
        self.anchor = anchor
        self.limit = limit
        self.consumed: set[tuple[int, int]] = set()

    def _take(self, cell: GridCell | None) -> str:
        if cell is None:
            return ""
        self.consumed.add((cell.row, cell.column))
        return cell.text

    def _right_of(self, cell: GridCell) -> GridCell | None:
        """The next non-blank cell to the right of ``cell`` on its row."""
        return next((c for c in self.grid.rows[cell.row] if c.column > cell.column), None)

    def _value(self, cell: GridCell, inline: str) -> str | None:
        """The value of label ``cell``: its inline text, else the cell to its right."""
        self.consumed.add((cell.row, cell.column))
        if inline:
            return inline
        text = self._take(self._right_of(cell)).strip()
        return text or None

    def _rows(self, first: int, last: int) -> Iterable[tuple[int, tuple[GridCell, ...]]]:
        for row in range(first, last + 1):
            if row in self.grid.rows:
                yield row, self.grid.rows[row]

    def _find_row(self, first: int, test) -> int | None:
        return next((row for row, cells in self._rows(first, self.limit) if test(cells)), None)

    def read(self) -> SelfEvaluationForm:
        grid = self.grid
        titles = [
            " ".join(self._take(cell).strip() for cell in grid.rows[row])
            for row in range(self.start, self.anchor)
        ]
        name_label = grid.rows[self.anchor][0]
        self._take(name_label)
        inline = _matches(name_label, _PROJECT)
        project = self._right_of(name_label)
        if inline:
            project = GridCell(
                sheet=grid.name,
                row=name_label.row,
                column=name_label.column,
                text=inline,
                value=inline,
            )
        elif project is not None:
            self._take(project)
        funding_header = self._find_row(self.anchor, _is_funding_header)
        indicator_header = self._find_row(self.anchor, _is_indicator_header)
        totals = self._find_row(
            (indicator_header or funding_header or self.anchor) + 1,
            lambda cells: _matches(cells[0], _TOTALS) is not None,
        )
        last_part = max(r for r in (self.anchor, funding_header, indicator_header, totals) if r)
        end = next(
            (row - 1 for row in range(last_part + 1, self.limit + 1) if row not in grid.rows),
            self.limit,
        )
        self.limit = end
        parts: dict[str, object] = {}
        parts.update(self._header_fields())
        if funding_header is not None:
            parts.update(self._funding(funding_header, {indicator_header, totals}))
        if indicator_header is not None:
            parts.update(self._indicators(indicator_header, totals))
        parts.update(self._goal())
        parts.update(self._closing(indicator_header or self.anchor))
        if parts.get("money_unit_label") is None and (
            caption := _MONEY_UNIT.search("".join(titles))
        ):
            parts["money_unit_label"] = caption.group(1) or caption.group(2)
        unplaced = tuple(
            cell
            for row, cells in self._rows(self.start, end)
            for cell in cells
            if (cell.row, cell.column) not in self.consumed
        )
        return SelfEvaluationForm(
            sheet=grid.name,
            title_row=self.start,
            last_row=end,
            title="\n".join(titles),
            name_label=name_label,
            project=project,
            funding_header_row=funding_header,
            indicator_header_row=indicator_header,
            totals_row=totals,
            unplaced=unplaced,
            **parts,
        )

    def _header_fields(self) -> dict[str, object]:
        found: dict[str, object] = {}
        for _, cells in self._rows(self.anchor + 1, self.limit):
            for cell in cells:
                if (cell.row, cell.column) in self.consumed:
                    continue
                for key, names in (("department", _DEPARTMENT), ("unit_name", _UNIT)):
                    inline = _matches(cell, names)
                    if inline is not None and key not in found:
                        found[key] = self._value(cell, inline)
        return found

    def _funding(self, header: int, stops: set[int | None]) -> dict[str, object]:
        columns = _columns(self.grid.rows[header], _FUNDING_COLUMNS)
        unit = None
        for cell in self.grid.rows[header]:
            self._take(cell)
            if unit is None and (match := _MONEY_UNIT.search(cell.text)):
                unit = match.group(1) or match.group(2)
        boundary = min(columns[f][0] for f in _AMOUNT_FIELDS if f in columns)
        rows = []
        for row in range(header + 1, self.limit + 1):
            cells = self.grid.rows.get(row)
            if not cells or row in stops or _is_indicator_header(cells):
                break
            if label_of(cells[0].text) in _SECTIONS | _GOAL_ROW:
                break
            labels = [c for c in cells if c.column < boundary]
            label = labels[-1].text.strip() if labels else ""
            key = re.sub(r"^其中[:：]?", "", label_of(label))
            amounts = {f: self.grid.at(row, columns[f][0]) for f in columns}
            numeric = any(
                (cell := amounts.get(f)) is not None and _is_amount(cell) for f in _AMOUNT_FIELDS
            )
            if key not in _FUNDING_SOURCES and not numeric:
                break
            if labels:
                self._take(labels[-1])
            for cell in amounts.values():
                self._take(cell)
            rows.append(
                PrintedFunding(row=row, label=label, source=_FUNDING_SOURCES.get(key), **amounts)
            )
        return {"funding": tuple(rows), "money_unit_label": unit}

    def _goal(self) -> dict[str, object]:
        found: dict[str, object] = {}
        for row, cells in self._rows(self.anchor + 1, self.limit):
            heads = {
                key: cell
                for cell in cells
                if (cell.row, cell.column) not in self.consumed
                for key, names in (("goal", _GOAL), ("goal_achieved", _GOAL_ACHIEVED))
                if label_of(cell.text) in names
            }
            if heads and "goal" not in found:
                ordered = sorted(heads.items(), key=lambda item: item[1].column)
                for i, (key, head) in enumerate(ordered):
                    self._take(head)
                    right = ordered[i + 1][1].column if i + 1 < len(ordered) else 10**6
                    below = [
                        c
                        for c in self.grid.rows.get(row + 1, ())
                        if head.column <= c.column < right
                    ]
                    found[key] = self._take(below[0]).strip() or None if below else None
                for cell in cells:
                    if label_of(cell.text) in _GOAL_ROW | _SECTIONS:
                        self._take(cell)
            for cell in cells:
                if (cell.row, cell.column) in self.consumed:
                    continue
                if (inline := _matches(cell, _PROCESS)) is not None:
                    found.setdefault("process_summary", self._value(cell, inline))
                elif (inline := _matches(cell, _GOAL_ROW)) is not None and "goal" not in found:
                    found["goal"] = self._value(cell, inline)
                elif label_of(cell.text) in _SECTIONS:
                    self._take(cell)
        return found

    def _indicators(self, header: int, totals: int | None) -> dict[str, object]:
        columns = _columns(self.grid.rows[header], _INDICATOR_COLUMNS)
        for cell in self.grid.rows[header]:
            self._take(cell)
        first = header + 1
        below = self.grid.rows.get(first, ())
        sub = _columns(below, _INDICATOR_COLUMNS)
        if below and len(sub) == len(below) and not {"level1", "level3"} & set(sub):
            columns.update(sub)  # a second header row: 原因分析 | 改进措施 under one head
            for cell in below:
                self._take(cell)
            first += 1
        last = (totals - 1) if totals else self.limit
        indicators, skipped = [], []
        level1 = level2 = ""
        for row, cells in self._rows(first, last):
            if _matches(cells[0], _CONCLUSION | _PROBLEMS | _GRADE) is not None:
                break
            texts = {key: self.grid.at(row, column) for key, (column, _) in columns.items()}
            if not any(texts.values()):
                continue
            values = {key: self._take(cell) for key, cell in texts.items()}
            own1, own2 = values.pop("level1", "").strip(), values.pop("level2", "").strip()
            carried1, carried2 = not own1 and bool(level1), not own2 and bool(level2)
            if own1:
                level1, level2, carried2 = own1, own2, False
            elif own2:
                level2 = own2
            if not any(v.strip() for v in values.values()):
                skipped.append(row)  # a template row printing only level names
                continue
            indicators.append(
                PrintedIndicator(
                    row=row,
                    level1=level1,
                    level2=level2,
                    level1_carried=carried1,
                    level2_carried=carried2,
                    **values,
                )
            )
        ordered = tuple(sorted(((k, c, h) for k, (c, h) in columns.items()), key=lambda x: x[1]))
        found: dict[str, object] = {
            "indicator_columns": ordered,
            "indicators": tuple(indicators),
            "skipped_rows": tuple(skipped),
        }
        if totals is not None:
            self._take(self.grid.rows[totals][0])
            for key in ("weight", "score"):
                if key in columns:
                    cell = self.grid.at(totals, columns[key][0])
                    found[f"total_{key}"] = self._take(cell)
        return found

    def _closing(self, after: int) -> dict[str, object]:
        found: dict[str, object] = {}
        signatures = []
        keys = (
            ("conclusion", _CONCLUSION),
            ("problems", _PROBLEMS),
            ("improvement", _IMPROVEMENT),
        )
        for _, cells in self._rows(after + 1, self.limit):
            first = cells[0]
            for key, names in keys:
                if key in found or (first.row, first.column) in self.consumed:
                    continue
                if (inline := _matches(first, names)) is not None:
                    found[key] = self._value(first, inline)
            for cell in cells:
                if (cell.row, cell.column) in self.consumed:
                    continue
                if (inline := _matches(cell, _GRADE)) is not None:
                    found.setdefault("grade", self._value(cell, inline))
                elif _SIGNATURE.match(cell.text):
                    signatures.append(self._take(cell).strip())
        conclusion = found.get("conclusion")
        if isinstance(conclusion, str) and (match := _CONCLUSION_TOTAL.search(conclusion)):
            found["conclusion_total"] = Decimal(match.group(1))
        found["signatures"] = tuple(signatures)
        return found


def _columns(
    cells: Iterable[GridCell], vocabulary: Mapping[str, frozenset[str]]
) -> dict[str, tuple[int, str]]:
    """Field → (column, header text) for the header ``cells`` (first match wins)."""
    found: dict[str, tuple[int, str]] = {}
    for cell in cells:
        text = label_of(cell.text)
        for key, names in vocabulary.items():
            if text in names and key not in found:
                found[key] = (cell.column, cell.text)
                break
    return found


def _is_amount(cell: GridCell) -> bool:
    """True for a number cell, text holding one, or a not-applicable mark."""
    if isinstance(cell.value, int | float | Decimal) and not isinstance(cell.value, bool):
        return True
    return parse_number(cell.text.strip()) is not None or is_not_applicable(cell.text)


def _is_funding_header(cells: tuple[GridCell, ...]) -> bool:
    found = _columns(cells, {f: _FUNDING_COLUMNS[f] for f in _AMOUNT_FIELDS})
    return len(found) >= 2


def _is_indicator_header(cells: tuple[GridCell, ...]) -> bool:
    found = _columns(cells, _INDICATOR_COLUMNS)
    return "level1" in found and "level3" in found


def fiscal_year_of(title: str) -> int | None:
    """The year a form's title prints (``（2023年度）`` → 2023), else ``None``."""
    match = _YEAR.search(title)
    return int(match.group(1)) if match else None
