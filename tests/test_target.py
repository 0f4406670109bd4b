"""Target values (指标值): the printed forms, every target of the real seeds, invariants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.ingest.target import parse_number, parse_target
from jixiao.model.target import Operator, TargetKind, TargetValue

GE, GT, EQ, LT, LE = Operator.GE, Operator.GT, Operator.EQ, Operator.LT, Operator.LE


def _summary(target: TargetValue) -> str:
    """One line a person can check against the printed cell."""
    if target.kind is TargetKind.QUANTITATIVE:
        operator = target.operator.value if target.operator else ""
        return f"quantitative {operator}{target.value}{target.unit or ''}"
    if target.kind is TargetKind.DEADLINE:
        return f"deadline {target.deadline}"
    if target.kind is TargetKind.QUALITATIVE:
        return f"qualitative {target.direction}"
    return "unparsed"


_TASKS_ON_TIME = "工作任务及时完成率达到百分之九十五以上"
_PLATFORM_SATISFIED = "平台服务对象满意度达到百分之九十五以上"
# (raw, operator, value as printed, unit, wording)
QUANTITATIVE = [
    ("≥95%", GE, "95", "%", None),
    ("100%", None, "100", "%", None),
    ("≤18万元/辆", LE, "18", "万元/辆", None),
    ("12个", None, "12", "个", None),
    ("5.47元", None, "5.47", "元", None),
    ("≤0.60元/吨", LE, "0.60", "元/吨", None),
    ("≤2300元/月/人", LE, "2300", "元/月/人", None),
    ("≤22.5万元/年", LE, "22.5", "万元/年", None),
    ("≤500万度", LE, "500", "万度", None),
    ("≤3元/度", LE, "3", "元/度", None),
    ("≤50元/平方米", LE, "50", "元/平方米", None),
    ("57917.17平方米", None, "57917.17", "平方米", None),
    ("5 ㎡", None, "5", "平方米", None),
    ("1万平米", None, "1", "万平方米", None),
    # Nanjiang 自然资源和规划局 2025 and Bazhou 交通运输局 2024 (split cells joined)
    ("≥ 55.98 平方千米", GE, "55.98", "平方千米", None),
    ("≥3平方公里", GE, "3", "平方公里", None),
    ("≥5公顷", GE, "5", "公顷", None),
    ("= 12 km", EQ, "12", "km", None),
    ("≥8‰", GE, "8", "‰", None),
    ("-5%", None, "-5", "%", None),
    # PDF extraction spaces
    ("9 部", None, "9", "部", None),
    ("≥13 人", GE, "13", "人", None),
    ("≤1 次", LE, "1", "次", None),
    ("≤18 万元/辆", LE, "18", "万元/辆", None),
    # numbers
    ("1,000元", None, "1000", "元", None),
    ("≤1,236.89万元", LE, "1236.89", "万元", None),
    ("１，０００元", None, "1000", "元", None),
    ("≥９５％", GE, "95", "%", None),
    # operator symbols, full-width and ASCII
    ("＞＝95%", GE, "95", "%", None),
    (">=95%", GE, "95", "%", None),
    ("≧95%", GE, "95", "%", None),
    ("<=3次", LE, "3", "次", None),
    ("=< 3次", LE, "3", "次", None),
    ("≦5次", LE, "5", "次", None),
    ("＞90%", GT, "90", "%", None),
    ("＜5%", LT, "5", "%", None),
    ("＝100%", EQ, "100", "%", None),
    ("=100%", EQ, "100", "%", None),
    # operator words
    ("大于等于90%", GE, "90", "%", None),
    ("不低于95%", GE, "95", "%", None),
    ("不少于10人", GE, "10", "人", None),
    ("至少3次", GE, "3", "次", None),
    ("小于等于5次", LE, "5", "次", None),
    ("不高于2万元", LE, "2", "万元", None),
    ("不超过5万元", LE, "5", "万元", None),
    ("不大于3次", LE, "3", "次", None),
    ("控制在5万元以内", LE, "5", "万元", "以内"),
    ("大于5个", GT, "5", "个", None),
    ("高于90%", GT, "90", "%", None),
    ("超过3次", GT, "3", "次", None),
    ("小于2%", LT, "2", "%", None),
    ("低于5%", LT, "5", "%", None),
    ("等于100%", EQ, "100", "%", None),
    # suffix words imply the operator when none was printed
    ("95%以上", GE, "95", "%", "以上"),
    ("90%及以上", GE, "90", "%", "及以上"),
    ("5%以下", LE, "5", "%", "以下"),
    ("3天以内", LE, "3", "天", "以内"),
    ("3个工作日内", LE, "3", "个工作日", "内"),
    ("≤5%以上", LE, "5", "%", "以上"),  # a printed operator wins over the words
    # durations, not deadlines
    ("12月", None, "12", "月", None),
    ("12个月", None, "12", "个月", None),
    ("365天", None, "365", "天", None),
    # Word exports run number and words together
    ("≥9090%及以上", GE, "90", "%", "90%及以上"),
    ("≥8080%及以上", GE, "80", "%", "80%及以上"),
    ("≥9.59.5%以上", GE, "9.5", "%", "9.5%以上"),
    ("≥1010个", GE, "1010", "个", None),  # a count can be 1010: not taken as doubled
    ("55%及以上", GE, "55", "%", "及以上"),  # 55% is a possible rate: not 5 doubled
    ("100资金百分百到位", None, "100", "%", "资金百分百到位"),
    ("≥95受助人员满意度大于等于95%", GE, "95", "%", "受助人员满意度大于等于95%"),
    ("100举报线索处置率达到百分百", None, "100", "%", "举报线索处置率达到百分百"),
    ("≥95" + _TASKS_ON_TIME, GE, "95", "%", _TASKS_ON_TIME),
    ("≥95" + _PLATFORM_SATISFIED, GE, "95", "%", _PLATFORM_SATISFIED),
    ("≥95服务对象满意", GE, "95", None, "服务对象满意"),
    ("10以上%", GE, "10", "%", "以上%"),
    # a unit's character glued to words about percent is the first word, not the unit
    ("100处置率达到百分百", None, "100", "%", "处置率达到百分百"),
    ("≥95家长满意度达到95%", GE, "95", "%", "家长满意度达到95%"),
    ("12个（百分百完成）", None, "12", "个", "（百分百完成）"),
]


@pytest.mark.parametrize(("raw", "operator", "value", "unit", "wording"), QUANTITATIVE)
def test_parse_target__quantitative(raw, operator, value, unit, wording):
    target = parse_target(raw)
    assert target.raw == raw
    assert target.kind is TargetKind.QUANTITATIVE
    assert (target.operator, str(target.value), target.unit, target.wording) == (
        operator,
        value,
        unit,
        wording,
    )
    assert isinstance(target.value, Decimal)
    assert (target.direction, target.deadline) == (None, None)


# (raw, fiscal_year, deadline, wording)
DEADLINES = [
    ("2024年年底", None, dt.date(2024, 12, 31), None),
    ("2024年底", 2020, dt.date(2024, 12, 31), None),
    ("2024年12月31日前", None, dt.date(2024, 12, 31), None),
    ("2024 年 12 月 31 日前", None, dt.date(2024, 12, 31), None),
    ("2024年6月底前", None, dt.date(2024, 6, 30), None),
    ("2024年12月", None, dt.date(2024, 12, 31), None),
    ("11月底前", 2023, dt.date(2023, 11, 30), None),
    ("11月底前", None, None, None),
    ("2月底前", 2024, dt.date(2024, 2, 29), None),
    ("６月３０日前", 2025, dt.date(2025, 6, 30), None),
    ("6月30日前", 2025, dt.date(2025, 6, 30), None),
    ("2月30日前", 2025, None, None),
    ("年底前", 2023, dt.date(2023, 12, 31), None),
    ("年底", None, None, None),
    ("每月25日前发放到位", 2023, None, "发放到位"),
    ("每季度末", 2023, None, None),
    ("月底前", 2023, None, None),
    ("当年完成", 2024, dt.date(2024, 12, 31), "完成"),
    ("年内完成", 2024, dt.date(2024, 12, 31), "完成"),
    ("年内完成", None, None, "完成"),
    ("在2024年底前完成", None, dt.date(2024, 12, 31), "完成"),
]


@pytest.mark.parametrize(("raw", "fiscal_year", "deadline", "wording"), DEADLINES)
def test_parse_target__deadline(raw, fiscal_year, deadline, wording):
    target = parse_target(raw, fiscal_year=fiscal_year)
    assert target.raw == raw
    assert target.kind is TargetKind.DEADLINE
    assert (target.deadline, target.wording) == (deadline, wording)
    assert (target.operator, target.value, target.unit) == (None, None, None)


# (raw, direction)
QUALITATIVE = [
    ("提升", "提升"),
    ("长效提升", "提升"),
    ("增加", "增加"),
    ("按时拨付", "按时"),
    ("控制在预算金额内", "控制"),
    ("控制在预算内", "控制"),
    ("控制在预算以内", "控制"),  # 控制在 is an operator only when a number follows
    ("明显提升", "提升"),
    ("较上年提升", "提升"),
    ("保障正常运转", "保障"),
    ("防范公车私用", "防范"),
    ("全方位保障食品安全", "保障"),
    ("节能意识有明显提高", "提高"),
    ("不超过预算", "不超过"),
    # a word of change beats a word of keeping printed earlier
    ("大修保养后电梯运行保障成本降低", "降低"),
    # within a group, the word printed first
    ("改善办公环境、提高工作效率", "改善"),
    ("提高百分之五", "提高"),  # numbers spelled in Chinese are words
    ("资金使用效率最大化", None),
    ("无", None),
]


@pytest.mark.parametrize(("raw", "direction"), QUALITATIVE)
def test_parse_target__qualitative(raw, direction):
    target = parse_target(raw)
    assert target.raw == raw
    assert target.kind is TargetKind.QUALITATIVE
    assert target.direction == direction
    assert (target.operator, target.value, target.unit, target.deadline) == (None,) * 4


UNPARSED = [
    "",
    "   ",
    "—",
    "2-3次",  # a range: neither bound is "the" target
    "95%-100%",
    "第1季度完成",
    "满意度≥95%",  # a label before the operator belongs to another column
    "95 100",  # two numbers, not 95100
    "2024年年底完成80%",
    "提高2个百分点",
]


@pytest.mark.parametrize("raw", UNPARSED)
def test_parse_target__unparsed(raw):
    target = parse_target(raw, fiscal_year=2024)
    assert target == TargetValue(raw=raw, kind=TargetKind.UNPARSED)


def test_parse_target__raw_is_kept_as_printed():
    assert parse_target(" ≥13 人\n").raw == " ≥13 人\n"
    assert parse_target("≥９５％").raw == "≥９５％"


# Every distinct 指标值 of the five seeds, by seed and its fiscal year. Word exports (000,
# 001, 002, 004): the fifth cell of each indicator row; 003 (PDF): the text before the
# basis word, spaces as extracted. 004 adds the 年度指标值 of its department goals.
SEED_TARGETS = {
    ("000", 2025): [
        ("长效提升", "qualitative 提升"),
        ("按时拨付", "qualitative 按时"),
        ("100资金百分百到位", "quantitative 100%"),
        ("控制在预算金额内", "qualitative 控制"),
        ("促进残疾人创业就业", "qualitative 促进"),
        ("增加", "qualitative 增加"),
        ("增强社会影响力", "qualitative 增强"),
        ("≥95受助人员满意度大于等于95%", "quantitative ≥95%"),
        ("100资金使用合格率达到百分百", "quantitative 100%"),
        ("100举报线索处置率达到百分百", "quantitative 100%"),
        ("≥95工作任务及时完成率达到百分之九十五以上", "quantitative ≥95%"),
        ("≥95平台服务对象满意度达到百分之九十五以上", "quantitative ≥95%"),
        ("保证机关单位公车定位系统正常使用", "qualitative 保证"),
        ("公车出行加大环保节能宣传", "qualitative 加大"),
        ("加强监督管理公务用车", "qualitative 加强"),
        ("平台运行保障成本不高于实际需求", "qualitative 不高于"),
        ("资金使用效率最大化", "qualitative None"),
        ("100电梯正常使用率达到百分之百", "quantitative 100%"),
        ("≥95服务对象满意度达到百分之九十五以上", "quantitative ≥95%"),
        ("公共服务水平显著提高", "qualitative 提高"),
        ("大修保养不影响生态环境", "qualitative None"),
        ("大修保养后电梯运行保障成本降低", "qualitative 降低"),
        ("大修后事故财产损失减少", "qualitative 减少"),
        ("电梯使用寿命延长、使用体验感增强", "qualitative 延长"),
        ("电梯大修保养项目如期完成", "qualitative 完成"),
        ("设备检修维护次数保质保量完成", "qualitative 完成"),
    ],
    ("001", 2023): [
        ("7个", "quantitative 7个"),
        ("57917.17平方米", "quantitative 57917.17平方米"),
        ("100%", "quantitative 100%"),
        ("11月底前", "deadline 2023-11-30"),
        ("≤426元", "quantitative ≤426元"),
        ("保障正常运转", "qualitative 保障"),
        ("较上年提升", "qualitative 提升"),
        ("保障正常办公需求", "qualitative 保障"),
        ("≥90%", "quantitative ≥90%"),
        ("≥12次", "quantitative ≥12次"),
        ("4部", "quantitative 4部"),
        ("6层", "quantitative 6层"),
        ("100000元", "quantitative 100000元"),
        ("20000元", "quantitative 20000元"),
        ("下降", "qualitative 下降"),
        ("保障运转", "qualitative 保障"),
        ("明显提升", "qualitative 提升"),
        ("≥95%", "quantitative ≥95%"),
        ("≤8辆", "quantitative ≤8辆"),
        ("≥8年", "quantitative ≥8年"),
        ("≤18万元/辆", "quantitative ≤18万元/辆"),
        ("提升", "qualitative 提升"),
        ("防范公车私用", "qualitative 防范"),
        ("≥24辆", "quantitative ≥24辆"),
        ("≤500000元", "quantitative ≤500000元"),
        ("12月", "quantitative 12月"),
        ("≤4500元", "quantitative ≤4500元"),
        ("全方位保障食品安全", "qualitative 保障"),
        ("服务水平有所提高", "qualitative 提高"),
        ("4个", "quantitative 4个"),
        ("≤22.5万元/年", "quantitative ≤22.5万元/年"),
        ("5.47元", "quantitative 5.47元"),
        ("≤0.6元", "quantitative ≤0.6元"),
        ("≤20万元", "quantitative ≤20万元"),
        ("≤27元", "quantitative ≤27元"),
        ("≤29630平方米", "quantitative ≤29630平方米"),
        ("≤500万度", "quantitative ≤500万度"),
        ("≤92000吨", "quantitative ≤92000吨"),
        ("保障机关正常运行", "qualitative 保障"),
        ("≤33.16万元/月", "quantitative ≤33.16万元/月"),
        ("≥30%", "quantitative ≥30%"),
        ("环境卫生有所提高", "qualitative 提高"),
        ("≤40000元", "quantitative ≤40000元"),
        ("保障办公运转", "qualitative 保障"),
        ("2人", "quantitative 2人"),
        ("365天", "quantitative 365天"),
        ("94000元", "quantitative 94000元"),
        ("≤100000元", "quantitative ≤100000元"),
        ("≤206000元", "quantitative ≤206000元"),
        ("≥6个", "quantitative ≥6个"),
        ("≤1700元", "quantitative ≤1700元"),
        ("≥80套", "quantitative ≥80套"),
        ("≥100个", "quantitative ≥100个"),
        ("促进生态文明建设，绿色发展", "qualitative 促进"),
        ("控制在预算内", "qualitative 控制"),
        ("节能意识有明显提高", "qualitative 提高"),
        ("节能意识逐步增强", "qualitative 增强"),
        ("≤4200元", "quantitative ≤4200元"),
        ("保障单位正常运转", "qualitative 保障"),
        ("服务水平有所提升", "qualitative 提升"),
        ("环境有所改善", "qualitative 改善"),
        ("24人", "quantitative 24人"),
        ("≤2300元/月/人", "quantitative ≤2300元/月/人"),
        ("明显提高", "qualitative 提高"),
        ("每月25日前发放到位", "deadline None"),
        ("1人", "quantitative 1人"),
        ("≥3780元/月/人", "quantitative ≥3780元/月/人"),
        ("1个", "quantitative 1个"),
        ("49200元", "quantitative 49200元"),
        ("21套", "quantitative 21套"),
        ("5.4万元", "quantitative 5.4万元"),
        ("5万元", "quantitative 5万元"),
        ("服务提升", "qualitative 提升"),
        ("正常保障", "qualitative 保障"),
        ("解决异地干部住房问题", "qualitative 解决"),
        ("≤20000元", "quantitative ≤20000元"),
        ("≤30000元", "quantitative ≤30000元"),
        ("≤30次", "quantitative ≤30次"),
        ("≤50000元", "quantitative ≤50000元"),
        ("≤50件", "quantitative ≤50件"),
        ("≤60000元", "quantitative ≤60000元"),
        ("≥28人", "quantitative ≥28人"),
        ("≥400条", "quantitative ≥400条"),
    ],
    ("002", 2020): [
        ("≥9090%及以上", "quantitative ≥90%"),
        ("≥8080%及以上", "quantitative ≥80%"),
    ],
    ("003", 2024): [
        ("9 部", "quantitative 9部"),
        ("≥95%", "quantitative ≥95%"),
        ("≤100%", "quantitative ≤100%"),
        ("提升", "qualitative 提升"),
        ("提高", "qualitative 提高"),
        ("9 辆", "quantitative 9辆"),
        ("100%", "quantitative 100%"),
        ("≥13 人", "quantitative ≥13人"),
        ("12 个", "quantitative 12个"),
        ("≥13 层", "quantitative ≥13层"),
        ("≤29 人", "quantitative ≤29人"),
        ("≥9 人", "quantitative ≥9人"),
        ("≥550 人", "quantitative ≥550人"),
        ("556 套", "quantitative 556套"),
        ("≥98%", "quantitative ≥98%"),
        ("9 个", "quantitative 9个"),
        ("≤1 次", "quantitative ≤1次"),
    ],
    ("004", 2024): [
        ("≥90%", "quantitative ≥90%"),
        ("≥95%", "quantitative ≥95%"),
        ("100%", "quantitative 100%"),
        ("≥98%", "quantitative ≥98%"),
        ("2024年年底", "deadline 2024-12-31"),
        ("321辆", "quantitative 321辆"),
        ("≥8%", "quantitative ≥8%"),
        ("促进生态文明建设", "qualitative 促进"),
        ("推动经济社会快速发展", "qualitative 推动"),
        ("≥12000平方米", "quantitative ≥12000平方米"),
        ("≥10%", "quantitative ≥10%"),
        ("≥7%", "quantitative ≥7%"),
        ("办公环境明显改善", "qualitative 改善"),
        ("改善办公环境、提高工作效率", "qualitative 改善"),
        ("节能减排改善生态环境", "qualitative 改善"),
        ("≥45批", "quantitative ≥45批"),
        ("≥5%", "quantitative ≥5%"),
        ("105场", "quantitative 105场"),
        ("90批次", "quantitative 90批次"),
        ("208批次", "quantitative 208批次"),
        ("325辆", "quantitative 325辆"),
        ("不低于95%", "quantitative ≥95%"),
        ("不低于100%", "quantitative ≥100%"),
    ],
}
SEED_CASES = [
    pytest.param(raw, year, expected, id=f"{seed}-{raw}")
    for (seed, year), targets in SEED_TARGETS.items()
    for raw, expected in targets
]


@pytest.mark.parametrize(("raw", "fiscal_year", "expected"), SEED_CASES)
def test_parse_target__seed_target(raw, fiscal_year, expected):
    target = parse_target(raw, fiscal_year=fiscal_year)
    assert target.raw == raw
    assert _summary(target) == expected


def _word_export_targets(text: str) -> set[str]:
    """The 指标值 column of each indicator table: rows of six tab cells after the header."""
    lines = text.split("\n")
    targets: set[str] = set()
    for start, line in enumerate(lines):
        if line.strip() != "指标值确定依据":
            continue
        cells: list[str] = []
        for row in lines[start + 1 :]:
            if row.startswith("\t"):
                cells.append(row[1:].strip())
            elif row.strip() and cells:
                break  # the table ends at the next text line outside a cell
        targets.update(cells[4::6])
    return targets


@pytest.mark.seeds
@pytest.mark.parametrize("seed", ["000", "001", "002", "004"])
def test_parse_target__seed_list_is_complete(seed, seed_path):
    listed = {
        raw for (key, _), targets in SEED_TARGETS.items() if key == seed for raw, _ in targets
    }
    found = _word_export_targets(Path(seed_path(seed)).read_text(encoding="utf-8"))
    assert found
    assert found <= listed


@pytest.mark.seeds
def test_parse_target__seed_targets_are_printed_in_their_seed(seed_path):
    for (seed, _), targets in SEED_TARGETS.items():
        text = Path(seed_path(seed)).read_text(encoding="utf-8")
        assert [raw for raw, _ in targets if raw not in text] == [], seed


@given(st.text(), st.one_of(st.none(), st.integers()))
def test_parse_target__never_raises_and_keeps_raw(raw, fiscal_year):
    assert parse_target(raw, fiscal_year=fiscal_year).raw == raw


# Text drawn from the characters targets are made of, to reach every branch.
TARGET_ALPHABET = "0123456789９.,，%％‰-+≥≤<>=＞＜＝年月日号底末前内以上下及每当百分万元个次 　\t\n"


@given(st.text(alphabet=TARGET_ALPHABET, max_size=30), st.one_of(st.none(), st.integers()))
def test_parse_target__never_raises_on_target_like_text(raw, fiscal_year):
    target = parse_target(raw, fiscal_year=fiscal_year)
    assert target.raw == raw
    assert isinstance(target.kind, TargetKind)


PRINTED_OPERATORS = [
    ("", None), ("≥", GE), ("≧", GE), (">=", GE), ("＞＝", GE), ("不低于", GE), ("至少", GE),
    ("≤", LE), ("<=", LE), ("不超过", LE), ("小于等于", LE), (">", GT), ("＞", GT),
    ("大于", GT), ("<", LT), ("低于", LT), ("=", EQ), ("＝", EQ), ("等于", EQ),
]  # fmt: skip
PRINTED_UNITS = [
    ("", None), ("%", "%"), ("％", "%"), ("‰", "‰"), ("元", "元"), ("万元", "万元"),
    ("个", "个"), ("人次", "人次"), ("平方米", "平方米"), ("㎡", "平方米"), ("年", "年"),
    ("月", "月"), ("日", "日"), ("天", "天"), ("元/月/人", "元/月/人"), ("万元/辆", "万元/辆"),
    ("元/吨", "元/吨"), ("万度", "万度"), ("批次", "批次"),
]  # fmt: skip
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


@given(
    st.sampled_from(PRINTED_OPERATORS),
    st.integers(-(10**12), 10**12),
    st.integers(0, 4),
    st.booleans(),
    st.booleans(),
    st.sampled_from(PRINTED_UNITS),
    st.sampled_from(["", " "]),
)
def test_parse_target__generated_quantities(
    operator, digits, places, grouped, full_width, unit, space
):
    value = Decimal(digits).scaleb(-places)
    number = f"{value:,f}" if grouped else f"{value:f}"
    if full_width:
        number = number.translate(FULL_WIDTH_DIGITS)
    raw = f"{operator[0]}{space}{number}{space}{unit[0]}"
    target = parse_target(raw, fiscal_year=2024)
    assert target.raw == raw
    assert target.kind is TargetKind.QUANTITATIVE
    assert target.value == value
    assert str(target.value) == f"{value:f}"
    assert (target.operator, target.unit, target.wording) == (operator[1], unit[1], None)


PARSE_NUMBER = [
    ("4131.67", Decimal("4131.67")),
    ("1,236.89", Decimal("1236.89")),
    ("-5", Decimal("-5")),
    ("０.５", Decimal("0.5")),
    ("１，０００", Decimal("1000")),
    (" 7 ", Decimal("7")),
    ("3000.00", Decimal("3000.00")),
    ("", None),
    ("-", None),
    ("abc", None),
    ("12元", None),
    ("≥5", None),
    ("1,00", None),
    ("1.2.3", None),
    ("1e5", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_NUMBER)
def test_parse_number__printed_forms(text, expected):
    number = parse_number(text)
    assert number == expected
    assert str(number) == str(expected)


@given(st.text())
def test_parse_number__never_raises(text):
    number = parse_number(text)
    assert number is None or isinstance(number, Decimal)


@pytest.mark.parametrize(
    ("raw", "value", "unit"),
    [("0起", "0", "起"), ("≤1宗", "1", "宗"), ("≥3例", "3", "例"), ("≥2种", "2", "种")],
)
def test_parse_target__incident_and_case_units(raw: str, value: str, unit: str) -> None:
    """Safety and case counts (安全事故0起, 投诉≤1宗) carry their unit, not leftover wording."""
    target = parse_target(raw)
    assert (target.value, target.unit, target.wording) == (Decimal(value), unit, None)
