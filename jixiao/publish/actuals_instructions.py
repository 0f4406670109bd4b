"""Sheet 填报说明 of the actuals templates: what the template is for, who filled it and
when (填报人 / 联系电话 / 填报日期, read back on import), the rules of filling it
(财预〔2019〕136号 monitoring, 财预〔2020〕10号 self-evaluation; RULES.md §8–9) and the
list of project sheets with their money units.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.evaluate.config import EvaluationConfig
from jixiao.ingest.actuals_layout import (
    CAUSE_LABELS,
    ENTERED_AT_CELL,
    ENTERED_BY_CELL,
    PHONE_CELL,
    SheetMeta,
    period_label,
    project_sheet_name,
)
from jixiao.model import Disclosure
from jixiao.model.actuals import ActualsKind
from jixiao.publish.actuals_form import Form, estimate_height, protect


def write_instructions(
    ws: Any,
    disclosure: Disclosure,
    kind: ActualsKind,
    period: int,
    sheets: list[SheetMeta],
    config: EvaluationConfig,
) -> None:
    """Fill sheet 填报说明 of a template: the facts, the cells for 填报人 / 联系电话 /
    填报日期, the rules and the project list."""
    form = Form(ws)
    title = f"{disclosure.unit_name}{disclosure.fiscal_year}年度项目支出{kind.label}填报模板"
    if kind is ActualsKind.MONITORING:
        title += f"（{period_label(kind, period)}）"
    form.put("A1", title, to="D1", role="title")
    facts = (
        ("填报单位", disclosure.unit_name),
        ("单位编码", disclosure.unit_code),
        ("预算年度", f"{disclosure.fiscal_year}年"),
        ("填报期间", period_label(kind, period)),
    )
    for row, (label, value) in enumerate(facts, start=3):
        form.put(f"A{row}", label, role="label")
        form.put(f"B{row}", value, to=f"D{row}")
    for ref, label in (
        (ENTERED_BY_CELL, "填报人"),
        (PHONE_CELL, "联系电话"),
        (ENTERED_AT_CELL, "填报日期"),
    ):
        row = int(ref[1:])
        form.put(f"A{row}", label, role="label")
        date = ref == ENTERED_AT_CELL
        form.put(ref, to=f"D{row}", entry=True, number_format="yyyy-mm-dd" if date else None)
    row = int(ENTERED_AT_CELL[1:]) + 2
    form.put(f"A{row}", "填报要求", to=f"D{row}", role="header")
    for number, text in enumerate(_instruction_lines(disclosure, kind, period, config), start=1):
        row += 1
        form.put(f"A{row}", f"{number}. {text}", to=f"D{row}")
        ws.row_dimensions[row].height = estimate_height(text, 76)
    row += 2
    form.put(f"A{row}", "项目清单", to=f"D{row}", role="header")
    row += 1
    for letter, header in zip("ABCD", ("工作表", "项目名称", "金额单位", "指标个数"), strict=True):
        form.put(f"{letter}{row}", header, role="header")
    for sheet in sheets:
        row += 1
        form.put(f"A{row}", sheet.sheet, role="label")
        form.put(f"B{row}", sheet.project_name)
        form.put(f"C{row}", sheet.money_unit.label, role="label")
        form.put(f"D{row}", len(sheet.indicator_rows), role="number")
    for letter, width in zip("ABCD", (14, 44, 12, 12), strict=True):
        ws.column_dimensions[letter].width = width
    ws.row_dimensions[1].height = 40
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    protect(ws)


def _instruction_lines(
    disclosure: Disclosure, kind: ActualsKind, period: int, config: EvaluationConfig
) -> list[str]:
    """The numbered rules printed on 填报说明 (136号 / 10号, RULES.md §8–9)."""
    n, label = len(disclosure.projects), period_label(kind, period)
    first = project_sheet_name(disclosure.projects[0].seq) if n else ""
    source = (
        f"本模板由 jixiao 根据{disclosure.unit_name}{disclosure.fiscal_year}年度"
        f"部门预算公开文件生成，每个项目一张工作表（{first}起，共 {n} 个项目，见下方项目清单）。"
    )
    locked = (
        "只填写浅黄色单元格。标题、表头、指标名称、年度指标值等预填内容已锁定，请勿修改；"
        "不要插入或删除行列，也不要复制、新增、删除或重命名工作表，否则导入时会报错。"
    )
    money = "金额按各表右上角的单位（元或万元）填写数字，可带千分位逗号，不得为负数；"
    causes = (
        f"偏差原因类型可选：{'、'.join(CAUSE_LABELS)}；多项用顿号“、”分隔（如“经费保障、人员保障”）"
    )
    values = (
        "完成值与年度指标值的写法相同：数量、比率类指标填数值和计量单位（如“96%”“12个”），"
        "时效指标填日期（如“2024年11月30日”），定性指标填文字说明。"
    )
    save = (
        "填写本页的填报人、联系电话和填报日期后，保存为 .xlsx 文件提交（不要另存为 .xls 或 .csv）。"
    )
    if kind is ActualsKind.MONITORING:
        return [
            f"{source}按财预〔2019〕136号“双监控”要求，填报{label}的预算执行情况和绩效目标完成情况。",
            locked,
            f"{money}{label}执行数为 1 月 1 日至 {period} 月底的累计支出数。"
            "执行率自动计算，不必填写。",
            values,
            "完成目标可能性只能选：确定能、有可能、完全不可能；选“有可能”或“完全不可能”的，"
            "必须填写偏差原因类型和偏差原因说明。",
            f"{causes}，并在偏差原因说明中具体说明，在改进措施中写明纠偏措施。",
            "预算执行进度明显滞后于资金支出计划的，在“预算执行偏差原因”一行说明原因。",
            save,
        ]
    execution, levels = config.weights_for(disclosure.unit_code)
    names = {"output": "产出", "outcome": "效益", "satisfaction": "满意度", "cost": "成本"}
    shares = "、".join(
        f"{names[level.value]}指标 {points:g} 分" for level, points in levels.items()
    )
    bands = "、".join(
        f"{a.label}（{a.long_label}，得分为分值的 {_percent(low)}—{_percent(high)}）"
        for a, (low, high) in config.band_ranges.items()
    )
    return [
        f"{source}按财预〔2020〕10号要求开展项目支出绩效自评，"
        "填报全年预算执行情况和绩效目标实际完成情况。",
        locked,
        f"{money}全年执行数为全年累计支出数。执行率 = 全年执行数 ÷ 全年预算数，"
        "预算执行率得分 = 执行率 × 分值（最高为分值），自动计算。"
        f"执行率低于 {config.execution_explain_below:g}% 的，在“预算执行偏差原因”一行说明原因。",
        f"分值已预填：预算执行率 {execution:g} 分，{shares}，同一级指标内平均分配"
        "（个别项目另有规定的以表内分值为准）。",
        values,
        f"达成程度只对定性指标填写：{bands}。",
        "得分由 jixiao 按财预〔2020〕10号规则计算；“得分”列可填本单位的自评得分，供比对，"
        "不超过该指标的分值。",
        f"未完成目标或偏差较大的指标，须填写偏差原因类型、偏差原因分析和改进措施。{causes}。",
        save,
    ]


def _percent(share: Decimal) -> str:
    """``0.8`` → ``80%``."""
    return f"{(share * 100).normalize():f}%"
