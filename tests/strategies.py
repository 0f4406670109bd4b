"""Hypothesis strategies for valid disclosures, and one hand-built disclosure.

Strings are drawn from the documents' own vocabulary (unit names, table titles,
indicator names, targets) plus free Chinese text, so generated documents look like
the seeds; every optional field is sometimes ``None``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from hypothesis import strategies as st

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
    TargetValue,
    YearEvidence,
)

WORDS = (
    "机关事务",
    "后勤服务",
    "公务用车",
    "办公用房",
    "节能",
    "绿化保洁",
    "安全保卫",
    "食堂",
    "维修维护",
    "物业管理",
    "资金",
    "保障",
    "提升",
    "完成率",
    "满意度",
    "到位",
    "基本工资",
    "一般公共预算",
    "政府采购",
)
CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PUNCTUATION = "，。；：、（）“”《》%≥≤ -/"

text = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map("".join),
    st.text(
        alphabet=st.one_of(CHINESE, st.sampled_from(PUNCTUATION), st.sampled_from("0123456789")),
        min_size=1,
        max_size=30,
    ),
)
short = st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map("".join)
maybe_text = st.none() | text
decimals = st.decimals(
    min_value=Decimal("-99999999.99"),
    max_value=Decimal("99999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
some_decimals = st.one_of(
    decimals,
    st.sampled_from([Decimal("0"), Decimal("3000.00"), Decimal("4131.67"), Decimal("95")]),
    st.decimals(places=6, min_value=0, max_value=1000, allow_nan=False, allow_infinity=False),
)
maybe_decimal = st.none() | some_decimals
file_names = st.sampled_from(["001_f15a093580d40dad.txt", "示例单位.txt", "docs/003.txt"])

locations = st.builds(
    Location,
    file=file_names,
    line=st.none() | st.integers(1, 5000),
    page=st.none() | st.integers(1, 80),
    table=st.none() | st.sampled_from(["部门预算支出总表", "1.公务用车运维绩效目标表"]),
    row=st.none() | st.integers(1, 300),
    column=st.none() | st.sampled_from(["合计", "指标值", "本年收入/财政拨款收入"]),
)
maybe_location = st.none() | locations


@st.composite
def budget_tables(draw: st.DrawFn) -> BudgetTable:
    """A table with unique column keys; rows hold a cell for some of the columns."""
    keys = draw(st.lists(short | text, min_size=1, max_size=6, unique=True))
    columns = tuple(
        BudgetColumn(
            key=key,
            header=tuple(draw(st.lists(text, min_size=1, max_size=2))),
            role=draw(st.sampled_from(ColumnRole)),
            side=draw(st.none() | st.sampled_from(Side)),
            column_no=draw(st.none() | st.integers(1, 20).map(str)),
        )
        for key in keys
    )
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        used = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
        cells = []
        for key in used:
            value = draw(maybe_decimal)
            raw = format(value, "f") if value is not None else draw(st.sampled_from(["", "-"]))
            cells.append(CellValue(column=key, raw=raw, value=value))
        rows.append(
            BudgetRow(
                seq=draw(st.none() | st.integers(1, 99).map(str)),
                code=draw(st.none() | st.sampled_from(["201", "20103", "2010301", "30101"])),
                name=draw(text),
                values=tuple(cells),
                side=draw(st.none() | st.sampled_from(Side)),
                location=draw(maybe_location),
            )
        )
    return BudgetTable(
        title=draw(st.sampled_from(["部门预算收支总表", "部门预算支出总表", "政府采购预算表"])),
        kind=draw(st.sampled_from(TableKind)),
        money_unit=draw(st.none() | st.sampled_from(MoneyUnit)),
        columns=columns,
        rows=tuple(rows),
        captions=tuple(draw(st.lists(text, max_size=3))),
        note=draw(maybe_text),
        location=draw(maybe_location),
    )


targets = st.builds(
    TargetValue,
    raw=st.sampled_from(["≥95%", "100%", "≤18万元/辆", "12个", "提升", "2024年年底", "见附件"]),
    kind=st.sampled_from(TargetKind),
    operator=st.none() | st.sampled_from(Operator),
    value=maybe_decimal,
    unit=st.none() | st.sampled_from(["%", "个", "万元", "元/月/人"]),
    wording=maybe_text,
    direction=st.none() | st.sampled_from(["提升", "下降", "保障"]),
    deadline=st.none() | st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)),
)


def level_names(enum: type[Level1] | type[Level2]) -> st.SearchStrategy[LevelName]:
    """A printed level name with its enumeration (or ``None`` for an odd name)."""
    return st.builds(
        LevelName,
        raw=st.sampled_from(["产出指标", "效益指标", "效果指标", "数量指标", "质量", "满意度"]),
        normalised=st.none() | st.sampled_from(enum),
        carried=st.booleans(),
    )


@st.composite
def indicator_lists(draw: st.DrawFn) -> tuple[Indicator, ...]:
    """Indicators indexed 1, 2, 3 … in order."""
    count = draw(st.integers(0, 6))
    return tuple(
        Indicator(
            index=index,
            level1=draw(level_names(Level1)),
            level2=draw(level_names(Level2)),
            level3=draw(text),
            description=draw(maybe_text),
            target=draw(targets),
            basis=draw(st.none() | st.sampled_from(["计划标准", "行业标准", "历史标准", "合同"])),
            weight=draw(st.none() | st.integers(0, 30).map(Decimal)),
            direction=draw(st.none() | st.sampled_from(["正向", "反向"])),
            location=draw(maybe_location),
        )
        for index in range(1, count + 1)
    )


moneys = st.builds(
    Money,
    raw=st.sampled_from(["35.00", "4131.67", "", "3,000.00"]),
    value=maybe_decimal,
    unit=st.none() | st.sampled_from(MoneyUnit),
    location=maybe_location,
)
checkpoints = st.builds(
    SpendingCheckpoint,
    month=st.sampled_from([3, 6, 10, 12]),
    raw=st.sampled_from(["25%", "50", "", "100%"]),
    value=maybe_decimal,
    kind=st.none() | st.sampled_from(PlanKind),
    location=maybe_location,
)
projects = st.builds(
    Project,
    seq=st.integers(1, 30),
    title=text.map(lambda t: f"{t}绩效目标表"),
    project_name=text,
    project_code=st.none() | st.sampled_from(["13022524P000001", "13053524P00000210281P"]),
    money_unit=st.none() | st.sampled_from(MoneyUnit),
    budget_total=st.none() | moneys,
    budget_fiscal=st.none() | moneys,
    budget_other=st.none() | moneys,
    purpose=maybe_text,
    spending_plan=st.lists(checkpoints, max_size=4).map(tuple),
    goals=st.lists(text, max_size=3).map(tuple),
    indicators=indicator_lists(),
    unit_code=st.none() | st.sampled_from(["445001", "430002"]),
    unit_name=st.none() | st.sampled_from(["玉田县机关事务中心", "本级"]),
    location=maybe_location,
)
department_goals = st.builds(
    DepartmentGoals,
    overall_goal=text,
    sub_goals=st.lists(
        st.builds(
            SubGoal,
            seq=st.none() | st.integers(1, 9).map(str),
            title=st.just("") | text,
            goal=maybe_text,
            indicators_text=maybe_text,
            location=maybe_location,
        ),
        max_size=3,
    ).map(tuple),
    safeguards=st.lists(text, max_size=3).map(tuple),
    location=maybe_location,
)
findings = st.builds(
    Finding,
    rule=st.sampled_from(["unplaced-text", "year-guessed", "target-unparsed"]),
    severity=st.sampled_from(Severity),
    message=text,
    location=maybe_location,
    quote=maybe_text,
    fields=st.dictionaries(st.sampled_from(["expected", "actual", "text"]), text, max_size=3).map(
        lambda d: tuple(d.items())
    ),
)
sources = st.builds(
    Source,
    path=file_names,
    sha256=st.binary(min_size=8, max_size=8).map(lambda b: hashlib.sha256(b).hexdigest()),
    layout=st.sampled_from(Layout),
    encoding=st.sampled_from(["utf-8", "gb18030"]),
    size_bytes=st.integers(0, 10_000_000),
)

disclosures = st.builds(
    Disclosure,
    unit_code=st.sampled_from(["445001", "430", "430001", "430002", "507001"]),
    unit_name=st.sampled_from(
        ["玉田县机关事务中心", "平乡县机关后勤服务中心", "乐亭县机关事务中心"]
    ),
    fiscal_year=st.integers(2015, 2030),
    fiscal_year_evidence=st.sampled_from(YearEvidence),
    money_unit=st.none() | st.sampled_from(MoneyUnit),
    source=sources,
    budget_tables=st.lists(budget_tables(), max_size=3).map(tuple),
    department_goals=st.none() | department_goals,
    projects=st.lists(projects, max_size=3).map(tuple),
    narrative=st.lists(
        st.builds(
            NarrativeSection,
            heading=text,
            paragraphs=st.lists(text, max_size=3).map(tuple),
            location=maybe_location,
        ),
        max_size=2,
    ).map(tuple),
    notes=st.lists(findings, max_size=2).map(tuple),
)


def sample_disclosure(
    *, unit_code: str = "445001", fiscal_year: int = 2025, content: str = "v1"
) -> Disclosure:
    """A small, realistic disclosure built by hand (seed 000's shape).

    ``content`` stands for the file's bytes: different ``content`` gives a different
    SHA-256, so a test can make a new version of the same unit and year.
    """
    path = f"{unit_code}_{fiscal_year}.txt"
    loc = Location(file=path, line=10, table="部门预算支出总表")
    table = BudgetTable(
        title="部门预算支出总表",
        kind=TableKind.EXPENDITURE_SUMMARY,
        money_unit=MoneyUnit.WAN_YUAN,
        columns=(
            BudgetColumn(key="科目编码", header=("科目编码",), role=ColumnRole.CODE),
            BudgetColumn(key="科目名称", header=("科目名称",), role=ColumnRole.NAME),
            BudgetColumn(key="合计", header=("合计",), role=ColumnRole.VALUE, column_no="1"),
            BudgetColumn(
                key="基本支出", header=("基本支出",), role=ColumnRole.VALUE, column_no="2"
            ),
        ),
        rows=(
            BudgetRow(
                seq=None,
                code="201",
                name="一般公共服务支出",
                values=(
                    CellValue(column="合计", raw="4131.67", value=Decimal("4131.67")),
                    CellValue(column="基本支出", raw="3000.00", value=Decimal("3000.00")),
                ),
                location=loc.at(line=12, row=1),
            ),
            BudgetRow(
                seq=None,
                code="2010301",
                name="行政运行",
                values=(
                    CellValue(column="合计", raw="1131.67", value=Decimal("1131.67")),
                    CellValue(column="基本支出", raw="", value=None),
                ),
                location=loc.at(line=13, row=2),
            ),
        ),
        captions=("单位：万元",),
        note=None,
        location=loc,
    )
    indicators = (
        Indicator(
            index=1,
            level1=LevelName(raw="产出指标", normalised=Level1.OUTPUT),
            level2=LevelName(raw="数量指标", normalised=Level2.QUANTITY),
            level3="公务用车督导检查次数",
            description=None,
            target=TargetValue(
                raw="≥6次",
                kind=TargetKind.QUANTITATIVE,
                operator=Operator.GE,
                value=Decimal("6"),
                unit="次",
            ),
            basis="计划标准",
            location=Location(file=path, line=40),
        ),
        Indicator(
            index=2,
            level1=LevelName(raw="产出指标", normalised=Level1.OUTPUT, carried=True),
            level2=LevelName(raw="时效指标", normalised=Level2.TIMELINESS),
            level3="完成时间",
            description="年底前完成",
            target=TargetValue(
                raw="2025年年底", kind=TargetKind.DEADLINE, deadline=dt.date(2025, 12, 31)
            ),
            basis=None,
            location=Location(file=path, line=41),
        ),
        Indicator(
            index=3,
            level1=LevelName(raw="满意度指标", normalised=Level1.SATISFACTION),
            level2=LevelName(raw="服务对象满意度", normalised=Level2.BENEFICIARY_SATISFACTION),
            level3="干部职工满意度",
            description=None,
            target=TargetValue(raw="较上年有所改善", kind=TargetKind.UNPARSED),
            basis="历史标准",
            location=Location(file=path, line=42),
        ),
    )
    project = Project(
        seq=1,
        title="1.公务用车运维绩效目标表",
        project_name="公务用车运维",
        project_code=f"13022{fiscal_year % 100}P000001",
        money_unit=MoneyUnit.YUAN,
        budget_total=Money(raw="35000.00", value=Decimal("35000.00"), unit=MoneyUnit.YUAN),
        budget_fiscal=Money(raw="35000.00", value=Decimal("35000.00"), unit=MoneyUnit.YUAN),
        budget_other=None,
        purpose="保障公务用车正常运行",
        spending_plan=tuple(
            SpendingCheckpoint(
                month=month, raw=f"{share}%", value=Decimal(share), kind=PlanKind.PERCENT
            )
            for month, share in ((3, 25), (6, 50), (10, 80), (12, 100))
        ),
        goals=("1.保障公务用车安全运行。",),
        indicators=indicators,
        location=Location(file=path, line=35),
    )
    return Disclosure(
        unit_code=unit_code,
        unit_name="玉田县机关事务中心",
        fiscal_year=fiscal_year,
        fiscal_year_evidence=YearEvidence.PRINTED,
        money_unit=MoneyUnit.WAN_YUAN,
        source=Source(
            path=path,
            sha256=hashlib.sha256(f"{unit_code}/{fiscal_year}/{content}".encode()).hexdigest(),
            layout=Layout.WORD_EXPORT,
            encoding="utf-8",
            size_bytes=12248,
        ),
        budget_tables=(table,),
        department_goals=DepartmentGoals(
            overall_goal="坚持以人为本，切实提高后勤保障能力。",
            sub_goals=(
                SubGoal(
                    seq="1",
                    title="公车监督管理工作顺畅运行",
                    goal="严格执行公车“三定点”制度。",
                    indicators_text="车辆完好率达到90%以上。",
                ),
            ),
            safeguards=("加强组织领导。",),
        ),
        projects=(project,),
        narrative=(NarrativeSection(heading="情况说明", paragraphs=("本单位无政府性基金预算。",)),),
        notes=(
            Finding(
                rule="target-unparsed",
                severity=Severity.INFO,
                message="指标值未能解析：较上年有所改善",
                quote="较上年有所改善",
                fields=(("text", "较上年有所改善"),),
            ),
        ),
    )
