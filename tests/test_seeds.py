"""Golden tests on the five real seeds (../shared/seeds).

Expected values were read off the documents by a person (or transcribed from them
by tools that share no code with jixiao, see ``seed_indicators.py`` and
``seed_tables_001.py``), never copied from jixiao's own output.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from seed_indicators import INDICATORS
from seed_tables_001 import TABLES_001

from jixiao.ingest import read_disclosure
from jixiao.model import (
    ColumnRole,
    Layout,
    Level1,
    Level2,
    MoneyUnit,
    Operator,
    PlanKind,
    TableKind,
    TargetKind,
    YearEvidence,
)

pytestmark = pytest.mark.seeds

SEED_FACTS = {
    # key: (unit_code, unit_name, year, year evidence, money unit, layout, projects per file)
    "000": (
        "445001",
        "玉田县机关事务中心",
        2025,
        YearEvidence.PRINTED,
        MoneyUnit.YUAN,
        Layout.WORD_EXPORT,
        3,
    ),
    "001": (
        "430",
        "平乡县机关后勤服务中心",
        2023,
        YearEvidence.PRINTED,
        MoneyUnit.WAN_YUAN,
        Layout.WORD_EXPORT,
        18,
    ),
    "002": (
        "430002",
        "秦皇岛市北戴河区机关事务管理局",
        2020,
        YearEvidence.PRINTED,
        MoneyUnit.WAN_YUAN,
        Layout.WORD_EXPORT,
        9,
    ),
    "003": (
        "430001",
        "临西县机关后勤服务中心",
        2024,
        YearEvidence.PROJECT_CODE,
        MoneyUnit.WAN_YUAN,
        Layout.PDF_EXTRACTION,
        11,
    ),
    "004": (
        "507001",
        "乐亭县机关事务中心",
        2024,
        YearEvidence.PROJECT_CODE,
        MoneyUnit.WAN_YUAN,
        Layout.WORD_EXPORT,
        4,
    ),
}


@pytest.fixture(scope="module")
def seeds(seed_path):
    return {key: read_disclosure(seed_path(key)) for key in SEED_FACTS}


@pytest.mark.parametrize("key", SEED_FACTS)
def test_seed__unit_year_layout(seeds, key):
    code, name, year, evidence, unit, layout, projects = SEED_FACTS[key]
    doc = seeds[key]
    assert (doc.unit_code, doc.unit_name, doc.fiscal_year) == (code, name, year)
    assert doc.fiscal_year_evidence is evidence
    assert doc.money_unit is unit
    assert doc.source.layout is layout
    assert len(doc.projects) == projects
    assert len(doc.source.sha256) == 64


def test_seeds__45_project_tables(seeds):
    assert sum(len(doc.projects) for doc in seeds.values()) == 45


@pytest.mark.parametrize("key", SEED_FACTS)
def test_seed__every_indicator_row_in_order(seeds, key):
    got = [
        (p.title, [(i.level1.raw, i.level2.raw, i.level3, i.target.raw) for i in p.indicators])
        for p in seeds[key].projects
    ]
    assert got == INDICATORS[key]


@pytest.mark.parametrize("key", SEED_FACTS)
def test_seed__indicator_indexes_and_levels_normalised(seeds, key):
    for project in seeds[key].projects:
        assert [i.index for i in project.indicators] == list(range(1, len(project.indicators) + 1))
        for indicator in project.indicators:
            assert indicator.level1.normalised in (
                Level1.OUTPUT,
                Level1.OUTCOME,
                Level1.SATISFACTION,
            )
            assert isinstance(indicator.level2.normalised, Level2)


def _printed(table, row_group):
    """A model row (or the two sides of one printed row) back as printed cells."""
    by_side = {row.side: row for row in row_group}
    cells = []
    for column in table.columns:
        row = by_side.get(column.side) or (row_group[0] if column.side is None else None)
        if row is None:
            cells.append("")
        elif column.role is ColumnRole.SEQ:
            cells.append(row.seq or "")
        elif column.role is ColumnRole.CODE:
            cells.append(row.code or "")
        elif column.role is ColumnRole.NAME:
            cells.append(row.name)
        else:
            cells.append(row.raw(column.key) or "")
    return tuple(cells)


def test_seed_001__every_budget_table_row_and_value(seeds):
    doc = seeds["001"]
    tables = {table.title: table for table in doc.budget_tables}
    for title, expected_rows in TABLES_001.items():
        table = tables[title]
        groups: dict[int, list] = {}
        for row in table.rows:
            groups.setdefault(row.location.line, []).append(row)
        assert [_printed(table, group) for group in groups.values()] == expected_rows, title


def test_seed_001__table_kinds_units_and_empty_tables(seeds):
    doc = seeds["001"]
    kinds = [t.kind for t in doc.budget_tables]
    assert kinds == [
        TableKind.INCOME_EXPENDITURE_SUMMARY,
        TableKind.INCOME_SUMMARY,
        TableKind.EXPENDITURE_SUMMARY,
        TableKind.FISCAL_APPROPRIATION_SUMMARY,
        TableKind.GENERAL_BUDGET_EXPENDITURE,
        TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE,
        TableKind.GOV_FUND_EXPENDITURE,
        TableKind.STATE_CAPITAL_EXPENDITURE,
        TableKind.THREE_PUBLIC_EXPENSES,
        TableKind.OTHER,  # 部门机构设置情况, printed in the narrative
        TableKind.PROCUREMENT_BUDGET,
        TableKind.FIXED_ASSETS,
    ]
    assert all(
        t.money_unit is MoneyUnit.WAN_YUAN
        for t in doc.budget_tables
        if t.kind is not TableKind.OTHER
    )
    fund = doc.table(TableKind.GOV_FUND_EXPENDITURE)
    assert fund.is_empty and fund.rows == ()
    assert fund.note == "注：无政府基金预算财政拨款预算，空表列示。"
    assert (
        doc.table(TableKind.STATE_CAPITAL_EXPENDITURE).note
        == "注：无国有资本经营预算财政拨款预算，空表列示。"
    )
    assert not doc.table(TableKind.THREE_PUBLIC_EXPENSES).is_empty


def test_seed_001__totals(seeds):
    doc = seeds["001"]
    summary = doc.table(TableKind.INCOME_EXPENDITURE_SUMMARY)
    income_total = next(r for r in summary.rows if r.name == "收入总计")
    spend_total = next(r for r in summary.rows if r.name == "支出总计")
    assert (
        income_total.value("收入/预算数") == spend_total.value("支出/预算数") == Decimal("4131.67")
    )
    expenditure = doc.table(TableKind.EXPENDITURE_SUMMARY).rows[0]
    assert (
        expenditure.name,
        expenditure.value("合计"),
        expenditure.value("基本支出"),
        expenditure.value("项目支出"),
    ) == (
        "合计",
        Decimal("4131.67"),
        Decimal("233.45"),
        Decimal("3898.22"),
    )
    basic = doc.table(TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE).rows[0]
    assert basic.value("一般公共预算基本支出/人员经费") == Decimal("218.99")
    assert basic.value("一般公共预算基本支出/公用经费") == Decimal("14.46")
    three = doc.table(TableKind.THREE_PUBLIC_EXPENSES)
    assert three.rows[0].value("资金性质/合计") == Decimal("161.55")
    procurement = doc.table(TableKind.PROCUREMENT_BUDGET).rows[0]
    assert procurement.value("政府采购金额（当年部门预算安排资金）/合计") == Decimal("550.00")
    assets = doc.table(TableKind.FIXED_ASSETS)
    assert assets.rows[0].name == "资产总额" and assets.rows[0].value(
        "价值（金额单位：万元）"
    ) == Decimal("1236.89")
    assert assets.captions == ("430平乡县机关后勤服务中心", "截止时间：2022-12-31")


def test_seed_001__side_by_side_table_keeps_both_sides(seeds):
    summary = seeds["001"].table(TableKind.INCOME_EXPENDITURE_SUMMARY)
    first = [r for r in summary.rows if r.seq == "1"]
    assert [
        (r.side.value, r.name, r.value("收入/预算数") or r.value("支出/预算数")) for r in first
    ] == [
        ("income", "一、一般公共预算拨款收入", Decimal("4131.67")),
        ("expenditure", "一、一般公共服务支出", Decimal("618.53")),
    ]
    assert {c.key: c.column_no for c in summary.columns} == {
        "序号": "栏次",
        "收入/项目": "1",
        "收入/预算数": "2",
        "支出/项目": "3",
        "支出/预算数": "4",
    }


def test_seed_000__project_1_field_by_field(seeds):
    project = seeds["000"].projects[0]
    assert (project.seq, project.title, project.project_name) == (
        1,
        "1.残疾人保障金绩效目标表",
        "残疾人保障金",
    )
    assert project.project_code == "13022925P00JXC419701E"
    assert (project.unit_code, project.unit_name) == ("445001", "玉田县机关事务中心本级")
    assert project.money_unit is MoneyUnit.YUAN
    assert (project.budget_total.raw, project.budget_total.value) == ("3000.00", Decimal("3000.00"))
    assert project.budget_fiscal.value == Decimal("3000.00")
    assert (project.budget_other.raw, project.budget_other.value) == ("", None)
    assert project.purpose == "用于残疾人保障支出"
    assert [(c.month, c.raw, c.value, c.kind) for c in project.spending_plan] == [
        (3, "25%", Decimal(25), PlanKind.PERCENT),
        (6, "50%", Decimal(50), PlanKind.PERCENT),
        (10, "75%", Decimal(75), PlanKind.PERCENT),
        (12, "100%", Decimal(100), PlanKind.PERCENT),
    ]
    assert project.goals == ("1.项目资金及时支出，保障残疾人权益。",)
    first, last = project.indicators[0], project.indicators[-1]
    assert (first.level3, first.description, first.target.raw, first.basis) == (
        "困难残疾人和重度残疾人保障率",
        "困难残疾人和重度残疾人保障率",
        "长效提升",
        "依据单位考核指标",
    )
    assert first.target.kind is TargetKind.QUALITATIVE
    assert project.indicators[1].level1.carried and not project.indicators[1].level2.carried
    assert (last.target.operator, last.target.value, last.target.unit) == (
        Operator.GE,
        Decimal(95),
        "%",
    )
    assert last.target.wording == "受助人员满意度大于等于95%"


def test_seed_001__project_1_field_by_field(seeds):
    project = seeds["001"].projects[0]
    assert (project.seq, project.title) == (1, "1、2023年度机关用房租赁费用项目绩效目标表")
    assert project.project_name == "2023年度机关用房租赁费用"  # no 项目名称 cell: from the title
    assert (
        project.project_code is None
        and project.budget_total is None
        and project.spending_plan == ()
    )
    assert project.goals == (
        "1.保障机关单位的正常办公，与平乡县三和城市建设投资有限公司签订房屋租赁协议",
        "2.根据工作需要，为满足机关办公用房需求，租赁七处办公地点",
    )
    rows = [(i.level3, i.description, i.target.raw, i.basis) for i in project.indicators]
    assert rows == [
        ("保障办公区个数", "保障办公区正常运转个数", "7个", "根据工作职责"),
        ("租赁办公区占地面积", "租赁办公区占地总面积", "57917.17平方米", "根据租赁合同"),
        ("租金拨付率", "实际拨付租金金额占应拨付租金金额的比率（%）", "100%", "根据预算执行情况"),
        ("租金拨付时间", "租金拨付时间", "11月底前", "根据支出进度"),
        ("租赁标准", "按照占地面积，每平米每年租金标准", "≤426元", "根据支付凭证"),
        ("业务保障能力", "保障业务正常运行情况", "保障正常运转", "根据工作执行情况"),
        ("公共服务水平提升情况", "公务服务水平提升情况", "较上年提升", "根据提升情况"),
        ("长期使用性", "能够长期较好的满足机关办公业务的需求", "保障正常办公需求", "根据保障情况"),
        (
            "受益群体满意度",
            "受益群体调查中，满意与较满意的人数占全部调查人数的比率",
            "≥90%",
            "根据反馈意见及建议",
        ),
    ]
    assert project.indicators[3].target.kind is TargetKind.DEADLINE
    assert project.indicators[1].target.value == Decimal("57917.17")
    assert project.indicators[1].target.unit == "平方米"


def test_seed_002__project_4_field_by_field(seeds):
    project = seeds["002"].projects[3]
    assert (project.title, project.project_name, project.project_code) == (
        "4、后勤管理经费绩效目标表",
        "后勤管理经费",
        "430-0502-JBN-Y5UG",
    )
    assert (
        project.budget_total.value,
        project.budget_fiscal.value,
        project.budget_other.value,
    ) == (
        Decimal("104.50"),
        Decimal("104.50"),
        None,
    )
    assert project.purpose == "用于支付2020年劳务派遣临时用工所发生的一切费用。"
    assert [c.value for c in project.spending_plan] == [
        Decimal("20.00"),
        Decimal("40.00"),
        Decimal("70.00"),
        Decimal("100.00"),
    ]
    assert all(c.kind is PlanKind.PERCENT for c in project.spending_plan)
    assert project.goals == (
        "1、资金到位及时，能够按时支付劳务派遣支出。",
        "2、资金使用全部用于劳务派遣支出。",
    )
    first, second, third = project.indicators
    assert first.level3 == "后勤管理经费到位率"  # a cell broken over two lines in the document
    assert (first.target.operator, first.target.value, first.target.unit, first.target.wording) == (
        Operator.GE,
        Decimal(90),
        "%",
        "90%及以上",
    )
    assert (second.level1.raw, second.level1.normalised) == ("效果指标", Level1.OUTCOME)
    assert (third.level3, third.target.value, third.basis) == (
        "劳务派遣公司满意度",
        Decimal(80),
        "",  # the 依据 cell is printed blank ("" — None is kept for a table without the column)
    )


def test_seed_002__blank_trailing_cell_lost_at_end_of_file_is_noted(seeds):
    doc = seeds["002"]
    assert [note.rule for note in doc.notes] == ["ingest-trailing-cells-missing"]
    assert doc.projects[-1].indicators[-1].target.raw == "≥8080%及以上"


def test_seed_003__project_1_field_by_field(seeds):
    project = seeds["003"].projects[0]
    assert (project.seq, project.project_name) == (1, "大型设备运行保障经费")
    assert project.project_code == "13053524P00000210281P"  # broken over two lines in the text
    assert (project.unit_code, project.unit_name) == ("430001", "临西县机关后勤服务中心本级")
    assert project.budget_total.value == project.budget_fiscal.value == Decimal("35.00")
    assert project.budget_other.raw == ""
    assert project.purpose == "本项目资金用于单位管辖范围内机关单位电梯及空调机组的维修维保。"
    # An amount plan printed under a % header, ending at the budget.
    assert [(c.value, c.kind) for c in project.spending_plan] == [
        (Decimal("5.00"), PlanKind.AMOUNT),
        (Decimal("10.00"), PlanKind.AMOUNT),
        (Decimal("20.00"), PlanKind.AMOUNT),
        (Decimal("35.00"), PlanKind.AMOUNT),
    ]
    assert project.goals == ("1.单位管辖范围内机关单位电梯及空调机组的维修维保",)
    rows = [
        (i.level2.raw, i.level3, i.description, i.target.raw, i.basis) for i in project.indicators
    ]
    assert rows == [
        ("数量指标", "电梯数量", "机关院内、档案馆、双创园办公楼电梯数量", "9部", "工作计划"),
        (
            "质量指标",
            "电梯维修合格率(%)",
            "全年机关大院内电梯维修工作合格的比例",
            "≥95%",
            "工作计划",
        ),
        (
            "时效指标",
            "设备维修及时率",
            "机关大院内后勤维修任务及时完成占机关后勤维修的比例",
            "≥95%",
            "工作计划",
        ),
        ("成本指标", "成本控制率", "实际支出数/预算下达数*100%", "≤100%", "年度预算"),
        (
            "社会效益指标",
            "提升人员职业技能水平",
            "提升人员职业技能水平，更好地完成后勤工作",
            "提升",
            "计划标准",
        ),
        (
            "可持续影响指标",
            "长期使用性",
            "提高办公环境的水平，长期较好的满足机关大院干部职工对办公环境的需求",
            "提高",
            "计划标准",
        ),
        (
            "服务对象满意度指标",
            "干部职工满意度",
            "机关大院内干部职工对后勤人员提供的服务满意度",
            "≥95%",
            "意见反馈",
        ),
    ]
    assert (
        project.indicators[0].target.value == Decimal(9)
        and project.indicators[0].target.unit == "部"
    )


def test_seed_003__row_with_description_and_target_on_one_line(seeds):
    indicator = seeds["003"].projects[1].indicators[5]
    assert (indicator.level3, indicator.description, indicator.target.raw, indicator.basis) == (
        "保质保量做好公车维护",
        "建立常态化公车运行机制",
        "≤100%",
        "计划标准",
    )


def test_seed_004__project_3_field_by_field(seeds):
    project = seeds["004"].projects[2]
    assert (project.title, project.project_name, project.project_code) == (
        "3.接待管理经费绩效目标表",
        "接待管理经费",
        "13022524P004T4010021A",
    )
    assert project.budget_total.value == Decimal("100.00")
    assert [c.raw for c in project.spending_plan] == ["25%", "50%", "80%", "100%"]
    assert project.goals == ("1.在规定期限内完成预期效果",)
    assert [(i.level2.raw, i.level3, i.target.raw) for i in project.indicators] == [
        ("数量指标", "接待活动批次", "≥45批"),
        ("质量指标", "项目完成率", "100%"),
        ("时效指标", "项目完成时限", "2024年年底"),
        ("成本指标", "预算资金完成率", "≥95%"),
        ("经济效益指标", "资金增长率", "≥5%"),
        ("社会效益指标", "项目效果", "推动经济社会快速发展"),
        ("生态效益指标", "保障社会发展", "促进生态文明建设"),
        ("可持续影响指标", "可持续影响力", "≥90%"),
        ("服务对象满意度指标", "服务对象满意度", "≥95%"),
    ]
    deadline = project.indicators[2].target
    assert deadline.kind is TargetKind.DEADLINE and str(deadline.deadline) == "2024-12-31"
    assert all(i.basis == "县委、县政府工作安排和工作计划" for i in project.indicators)


GOALS = {
    # key: (overall goal opens with, sub-goal titles, number of safeguards)
    "000": (
        "玉田县机关事务中心",
        [
            "公车监督管理工作顺畅运行",
            "绿化保洁工作进一步加强",
            "进一步推进公共机构节能各项工作",
            "办公用房管理工作持续推",
            "安全保卫工作更加有序",
            "机关食堂管理更加规范",
        ],
        7,
    ),
    "001": (
        "为提高机关事务工作的科学性",
        [
            "在管理体制改革方面",
            "办公用房方面",
            "在公务用车管理方面",
            "公共机构节能方面",
            "公务接待方面",
            "物业服务管理方面",
            "在政府集中采购方面",
        ],
        10,
    ),
    "002": (
        "主要负责区委、区政府机关办公室用房",
        [
            "规章制度",
            "房地产及附属设施管理",
            "资产管理",
            "节能管理",
            "综合业务管理",
            "综合事务管理",
        ],
        5,
    ),
    "003": (
        "紧紧围绕县委、县政府中心工作，以党的二十大为指导，深入开展工作，",
        ["", "", "机关事务管理", "综合服务保障", ""],
        6,
    ),
    "004": (
        "为落实中央、省、市、县工作部署",
        ["接待管理活动", "综合服务", "公务用车监督管理服务平台", "机关运行及大院维护"],
        1,
    ),
}


@pytest.mark.parametrize("key", GOALS)
def test_seed__department_goals(seeds, key):
    opening, titles, safeguards = GOALS[key]
    goals = seeds[key].department_goals
    assert goals.overall_goal.startswith(opening)
    assert [sub.title for sub in goals.sub_goals] == titles
    assert len(goals.safeguards) == safeguards


def test_seed_000__sub_goal_with_target_and_indicator_lines(seeds):
    sub = seeds["000"].department_goals.sub_goals[0]
    assert sub.seq == "1"
    assert sub.goal.startswith("2025年度继续严格执行公车保险、加油、维修“三定点”制度")
    assert sub.indicators_text == "公务用车管理工作更加严谨规范，车辆完好率达到90%以上。"


def test_seed_002__inline_numbered_safeguards_are_split(seeds):
    safeguards = seeds["002"].department_goals.safeguards
    assert (
        safeguards[2]
        == "3、全面摸清本区和个单位公务用车数量及使用情况，科学系统的做好公务用车改革工作。"
    )


def test_seed_004__sub_goal_indicator_lines(seeds):
    sub = seeds["004"].department_goals.sub_goals[0]
    assert sub.indicators_text.split("\n")[:2] == [
        "1.产出指标",
        "（1）数量指标：年度指标值90批次。",
    ]


def test_seed_001__narrative_kept(seeds):
    sections = {s.heading: s for s in seeds["001"].narrative}
    assert sections["三、机关运行经费安排情况"].paragraphs == (
        "2023年，我部门机关运行经费共计安排14.46万元，主要用于保证机关正常运转的办公费、车补、工会经费、福利费等支出。",
    )
    assert len(sections["八、名词解释"].paragraphs) == 10


@pytest.mark.parametrize("key", SEED_FACTS)
def test_seed__every_target_classified(seeds, key):
    targets = [i.target for p in seeds[key].projects for i in p.indicators]
    assert targets and all(t.kind in TargetKind for t in targets)
    assert [t.raw for t in targets if t.kind is TargetKind.UNPARSED] == []
