"""Review speed on a synthetic corpus of disclosures, with planted faults that must be found.

Usage (from the repository root)::

    python benchmarks/review.py [--projects 10000] [--seed 1] [--fault-rate 0.02]
                                [--json FILE] [--check] [--profile] [--no-families]

The generator builds :class:`jixiao.model.Disclosure` records directly (no text is
parsed while timing): units of three sectors (机关事务, 教育, 卫生健康) with varied codes,
names, years (2020–2025) and money units (元 / 万元); 5–30 projects a document and 6–25
indicators a project (≈15 on average) on the 88号 or the 101号 tree, with names, targets
(read by :func:`jixiao.ingest.target.parse_target`) and bases in the seeds' vocabulary;
spending plans; the standard budget tables, consistent to the cent (类/款/项 trees with
合计 rows, 合计 = 基本支出 + 项目支出, 人员经费 + 公用经费, the 三公 split, the project
budgets adding up to 项目支出); department goals and a narrative quoting the tables.

Faults are planted at ``--fault-rate`` (per project, and per budget table for the
document-level kinds), one kind after another, and recorded (document, project seq,
indicator index or row code, the rule ids expected to find it). After the review every
plant must be found: a finding of one of its rules at its place. A kind whose rules are
not registered (yet) is reported as such, never counted as found.

Timing: every document is reviewed with all rules (:func:`jixiao.review.review`), timed
with ``time.perf_counter``; generating is timed apart and not counted. A second pass
reviews the corpus once per family (``select=[family]``) for each family's share.
Target (docs/benchmarks.md): 10,000 projects in ≤ 10 s on the 2-core reference machine;
``--check`` exits 1 when the target is missed or a plant is not found.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import platform
import pstats
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO_ROOT))

from jixiao.ingest.target import parse_number, parse_target  # noqa: E402
from jixiao.model import (  # noqa: E402
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
    LevelName,
    Location,
    Money,
    MoneyUnit,
    NarrativeSection,
    PlanKind,
    Project,
    Side,
    Source,
    SpendingCheckpoint,
    SubGoal,
    TableKind,
    YearEvidence,
    normalise_level1,
    normalise_level2,
)

TARGET_SECONDS = 10.0  # for 10,000 projects
TARGET_PROJECTS = 10_000

# ================================================================== vocabulary
# Indicator templates: "name|kind|argument". Kinds: count / ge / le ("unit:lo-hi"),
# zero ("unit"), rate, rate100, sat, pct ("lo-hi"), date, dateq, unit ("unit:lo-hi",
# a unit cost), total (the project's budget), qual ("phrase/phrase").

_GENERIC = {
    "质量": (
        "工作任务完成率|rate100|",
        "服务质量考核达标率|rate|",
        "项目验收合格率|rate|",
        "制度执行到位率|rate|",
        "资金使用合规率|rate100|",
    ),
    "时效": (
        "工作任务完成及时率|rate|",
        "资金支付及时率|rate|",
        "项目完成时间|date|",
    ),
    "成本": ("项目总成本|total|", "成本控制率|le|%:100-100"),
    "经济效益": (
        "运行成本节约率|pct|2-8",
        "节约财政资金情况|qual|有效节约财政资金/支出控制在预算范围内",
    ),
    "社会效益": (
        "机关正常运转保障情况|qual|保障机关正常运转/保障各项工作正常开展",
        "公共服务水平|qual|明显提升/较上年有所提高",
        "办公环境改善情况|qual|明显改善/持续改善",
        "服务保障能力|qual|有效提升/进一步增强",
    ),
    "生态效益": (
        "节能减排效果|qual|能耗较上年有所下降/单位能耗持续下降",
        "对周边环境的影响|qual|无不良影响/符合环保要求",
    ),
    "可持续影响": (
        "长效管理机制建立情况|qual|建立并持续执行/制度健全并持续执行",
        "设施设备使用年限|ge|年:5-15",
        "服务标准化管理水平|qual|持续提升/逐年提高",
    ),
    "满意度": (
        "干部职工满意度|sat|",
        "服务对象满意度|sat|",
        "受益群体满意度|sat|",
    ),
    "社会成本": ("对周边群众生活的影响|qual|无明显影响/影响控制在最小范围",),
    "生态环境成本": ("施工扬尘及噪声污染|qual|符合环保要求/达到文明施工标准",),
}


@dataclass(frozen=True)
class Archetype:
    """A kind of project: its names, purpose, goals, indicators and budget leaf."""

    sector: str
    names: tuple[str, ...]
    theme: str  # the 分项绩效目标 title
    purpose: str
    goals: tuple[str, ...]
    leaf: str  # function code (项) the project's money is classified under
    pools: dict[str, tuple[str, ...]]
    procurement: tuple[str, str, str] | None = None  # item, catalogue no., measure
    fund: bool = False  # may be paid from the 政府性基金 budget
    vehicles: bool = False  # counts in 三公 公务用车运行维护费
    budget: tuple[float, float] = (5.0, 200.0)  # 万元


def _a(sector, names, theme, purpose, goals, leaf, pools, **kw) -> Archetype:
    return Archetype(sector, tuple(names), theme, purpose, tuple(goals), leaf, pools, **kw)


ARCHETYPES: tuple[Archetype, ...] = (
    _a(
        "admin",
        ("物业管理服务项目", "行政中心物业管理服务项目", "集中办公区物业服务费"),
        "物业管理服务保障",
        "用于办公楼及院区的保洁、秩序维护、会议服务和绿化养护等物业管理服务。",
        (
            "通过政府采购确定物业服务企业，保障办公区域保洁、秩序维护、会议服务等物业服务正常开展。",
            "落实物业服务月度考核，报修响应及时，全年不发生安全责任事故。",
        ),
        "2010303",
        {
            "数量": (
                "物业服务覆盖建筑面积|count|平方米:8000-60000",
                "公共区域日保洁频次|ge|次/日:2-3",
                "秩序维护值守岗位数|count|个:3-12",
                "会议服务保障场次|ge|场:80-400",
                "绿化养护面积|count|平方米:2000-20000",
            ),
            "质量": (
                "物业服务考核合格率|rate|",
                "安全责任事故次数|zero|次",
                "绿化植被成活率|rate|",
            ),
            "时效": ("报修响应及时率|rate|", "物业服务费支付时间|dateq|"),
            "成本": ("物业服务单价|unit|元/平方米/月:2.00-5.00",),
            "满意度": ("入驻单位满意度|sat|",),
        },
        procurement=("物业管理服务", "C21040000", "年"),
        budget=(60.0, 400.0),
    ),
    _a(
        "admin",
        ("集中办公区水电暖运行保障项目", "机关水电暖费", "综合办公楼水电费"),
        "水电暖运行保障",
        "用于集中办公区的水费、电费和冬季供暖费支出。",
        (
            "保障集中办公区全年供水、供电和采暖季供暖，不发生因欠费造成的停水、停电、停暖。",
            "加强用能计量和节能管理，单位建筑面积能耗较上年有所下降。",
        ),
        "2010303",
        {
            "数量": (
                "保障集中办公区个数|count|个:1-5",
                "年用电量|le|万千瓦时:20-150",
                "供暖面积|count|平方米:8000-50000",
                "年用水量|le|吨:5000-40000",
            ),
            "质量": ("水电暖供应保障率|rate100|",),
            "时效": ("费用缴纳及时率|rate|", "供暖开始时间|date|"),
            "成本": (
                "电费单价|unit|元/千瓦时:0.50-0.80",
                "水费单价|unit|元/吨:3.00-7.00",
                "供暖费标准|unit|元/平方米:18-30",
            ),
            "生态效益": ("单位建筑面积能耗下降率|pct|1-3",),
        },
        budget=(40.0, 300.0),
    ),
    _a(
        "admin",
        ("办公区日常维修维护项目", "办公用房维修改造经费", "机关院内零星维修"),
        "办公用房及设施维修维护",
        "用于办公用房及给排水、供电照明、门窗等附属设施的零星维修。",
        ("及时完成办公区房屋及附属设施零星维修，保障设施设备安全运行。",),
        "2010303",
        {
            "数量": (
                "维修维护办公区个数|count|个:1-6",
                "零星维修任务完成件数|ge|件:100-600",
                "维修维护面积|ge|平方米:2000-20000",
                "更换空调机台数|count|台:2-12",
            ),
            "质量": ("维修验收合格率|rate|",),
            "时效": ("报修处理及时率|rate|", "维修任务完成时间|date|"),
            "成本": ("平均每件零星维修成本|unit|万元/件:0.05-0.50",),
        },
        procurement=("空调机", "A02061804", "台"),
        budget=(10.0, 120.0),
    ),
    _a(
        "admin",
        ("公务用车服务平台运行维护项目", "公务用车平台办公室经费", "公车运行维护费"),
        "公务用车服务平台管理",
        "用于公务用车服务平台保障车辆的燃油、保险、维修保养和年检等支出。",
        (
            "保障公务用车服务平台车辆正常运行，满足机关公务出行需要。",
            "严格执行定点保险、定点加油、定点维修制度。",
        ),
        "2010303",
        {
            "数量": ("平台保障车辆数|count|辆:5-40", "年度出车服务次数|ge|次:500-5000"),
            "质量": ("车辆完好率|rate|", "安全行车事故次数|zero|次"),
            "时效": ("派车响应时间|le|分钟:15-60", "保险年检办理及时率|rate100|"),
            "成本": ("单车年均运行维护费|unit|万元/辆:1.50-3.50",),
            "经济效益": ("运行费用节约率|pct|3-12",),
            "满意度": ("用车单位满意度|sat|",),
        },
        vehicles=True,
        budget=(5.0, 80.0),
    ),
    _a(
        "admin",
        ("公共机构节能宣传及能耗监测项目", "公共机构节能管理经费"),
        "公共机构节能管理",
        "用于节能宣传周活动、宣传资料印制和公共机构能耗监测平台运行维护。",
        (
            "组织开展节能宣传周、低碳日等宣传活动，提高干部职工节能意识。",
            "完成公共机构能耗统计，保障能耗监测平台正常运行。",
        ),
        "2010302",
        {
            "数量": (
                "节能宣传活动场次|ge|场:2-8",
                "宣传资料印制份数|ge|份:1000-8000",
                "纳入能耗统计的公共机构数|count|个:20-150",
            ),
            "质量": ("能耗统计数据报送准确率|rate100|",),
            "时效": ("年度能耗统计报告完成时间|date|",),
            "成本": ("宣传资料印制单价|unit|元/份:1.0-5.0",),
            "社会效益": ("干部职工节能知晓率|rate|",),
            "生态效益": ("公共机构人均综合能耗下降率|pct|1-3",),
        },
        budget=(3.0, 30.0),
    ),
    _a(
        "admin",
        ("机关食堂运行保障经费", "机关食堂管理项目"),
        "机关食堂管理",
        "用于机关食堂食材采购、从业人员劳务及设施维护等支出。",
        ("严格规范食品卫生管理，保障干部职工就餐。",),
        "2010303",
        {
            "数量": ("日均就餐人数|count|人:100-800", "食堂从业人员数|count|人:5-30"),
            "质量": ("食品安全抽检合格率|rate100|", "食品安全事故次数|zero|起"),
            "时效": ("供餐准时率|rate|",),
            "成本": ("人均每餐伙食成本|unit|元/人/餐:8-20",),
            "满意度": ("就餐人员满意度|sat|",),
        },
        budget=(20.0, 200.0),
    ),
    _a(
        "admin",
        ("机关用房租赁费用项目", "办公用房租赁费"),
        "办公用房管理",
        "用于租赁机关办公用房的租金支出。",
        ("保障机关单位正常办公，按合同约定及时拨付租金。",),
        "2010302",
        {
            "数量": ("租赁办公用房面积|count|平方米:1000-30000", "保障办公区个数|count|个:1-7"),
            "质量": ("租金拨付率|rate100|",),
            "时效": ("租金拨付时间|date|",),
            "成本": ("租赁单价|unit|元/平方米/年:100-500",),
        },
        budget=(20.0, 300.0),
    ),
    _a(
        "admin",
        ("机关安全保卫经费", "行政中心安保服务项目"),
        "安全保卫工作",
        "用于行政中心安保人员劳务、监控设备维护和值班巡查支出。",
        ("坚持人防、物防、技防相结合，确保大院安全稳定。",),
        "2010303",
        {
            "数量": (
                "保安人员数量|count|人:5-40",
                "监控设备数量|count|台:20-300",
                "每日巡查次数|ge|次:2-6",
            ),
            "质量": ("突发事件处置率|rate100|", "治安案件发生次数|zero|次"),
            "时效": ("突发事件响应时间|le|分钟:5-15",),
            "成本": ("保安服务单价|unit|元/人/月:2500-4500",),
        },
        procurement=("安全服务", "C21190000", "年"),
        budget=(20.0, 150.0),
    ),
    _a(
        "admin",
        ("电梯及中央空调维保项目", "大型设备运行保障经费"),
        "设施设备运行保障",
        "用于办公楼电梯、中央空调等设备的定期维护保养和年检。",
        ("对设备进行定期维护保养，保障电梯和空调安全正常运行。",),
        "2010303",
        {
            "数量": (
                "维保电梯数量|count|部:2-12",
                "中央空调机组数量|count|台:2-20",
                "每年检查设备次数|ge|次:12-24",
            ),
            "质量": ("设备正常运行率|rate|", "维保验收合格率|rate|"),
            "时效": ("故障报修响应及时率|rate|",),
            "成本": ("单部电梯年维保费|unit|万元/部:0.50-2.00",),
        },
        budget=(5.0, 60.0),
    ),
    _a(
        "admin",
        ("行政中心院内雨污管网改造项目", "办公区基础设施改造项目"),
        "基础设施改造",
        "对院内老化破损的雨污合流管网实施分流改造，新建检查井并恢复路面。",
        ("完成院内雨污管网分流改造，工程一次验收合格。", "按期完工，消除汛期院内积水点。"),
        "2121301",
        {
            "数量": ("改造管网长度|count|米:300-3000", "新建检查井数量|count|座:10-80"),
            "质量": ("工程验收合格率|rate100|",),
            "时效": ("工程完工时间|date|",),
            "成本": ("管网改造综合造价|unit|元/米:200-600",),
            "社会效益": ("汛期院内积水点数量|zero|处",),
            "生态效益": ("雨污分流率|rate100|",),
            "可持续影响": ("管网设计使用年限|ge|年:20-50",),
        },
        procurement=("修缮工程", "B08000000", "项"),
        fund=True,
        budget=(20.0, 150.0),
    ),
    _a(
        "edu",
        ("家庭经济困难学生资助项目", "学生资助补助经费"),
        "学生资助",
        "用于家庭经济困难学生的国家助学金和生活补助。",
        ("落实学生资助政策，确保家庭经济困难学生应助尽助。",),
        "school",
        {
            "数量": ("资助学生人数|count|人:50-800", "资助学期数|count|个:2-2"),
            "质量": ("资助资金发放准确率|rate100|", "资助对象认定准确率|rate100|"),
            "时效": ("资助资金发放时间|date|",),
            "成本": ("生均资助标准|unit|元/人/年:1000-2500",),
            "社会效益": ("因贫辍学学生人数|zero|人",),
            "满意度": ("受助学生满意度|sat|",),
        },
        budget=(10.0, 150.0),
    ),
    _a(
        "edu",
        ("教学设备购置项目", "实验室仪器设备更新"),
        "教学条件改善",
        "用于购置更新教学仪器设备和多媒体教学设施。",
        ("更新教学仪器设备，改善学校教学条件。",),
        "school",
        {
            "数量": ("购置教学设备台套数|count|台套:20-300", "受益班级数|count|个:10-60"),
            "质量": ("设备验收合格率|rate100|",),
            "时效": ("设备采购完成时间|date|",),
            "成本": ("设备购置单价|unit|万元/台套:0.20-2.00",),
            "社会效益": ("教学条件改善情况|qual|明显改善/显著改善",),
            "满意度": ("师生满意度|sat|",),
        },
        procurement=("教学设备", "A02100000", "台套"),
        budget=(10.0, 200.0),
    ),
    _a(
        "edu",
        ("教师培训项目", "中小学教师继续教育经费"),
        "教师队伍建设",
        "用于组织教师参加各级各类业务培训。",
        ("提升教师教学能力和专业素养。",),
        "2050803",
        {
            "数量": ("参训教师人数|ge|人:50-400", "培训场次|ge|场:3-20"),
            "质量": ("培训考核合格率|rate|",),
            "时效": ("培训完成时间|date|",),
            "成本": ("人均培训成本|unit|元/人:300-1500",),
            "可持续影响": ("教师教学能力|qual|持续提升/稳步提高",),
            "满意度": ("参训教师满意度|sat|",),
        },
        budget=(3.0, 40.0),
    ),
    _a(
        "health",
        ("基本公共卫生服务项目", "基本公共卫生服务补助资金"),
        "基本公共卫生服务",
        "用于辖区居民健康档案管理、健康教育和重点人群健康管理。",
        ("为辖区居民提供基本公共卫生服务，提高居民健康水平。",),
        "2100408",
        {
            "数量": ("服务常住人口数|count|万人:20-80", "健康教育讲座次数|ge|次:12-60"),
            "质量": ("居民电子健康档案建档率|rate|", "高血压患者规范管理率|rate|"),
            "时效": ("补助资金拨付及时率|rate|",),
            "成本": ("人均基本公共卫生服务补助标准|unit|元/人:84-94",),
            "社会效益": ("居民健康素养水平|qual|持续提升/稳步提高",),
            "满意度": ("居民满意度|sat|",),
        },
        budget=(50.0, 400.0),
    ),
    _a(
        "health",
        ("重大传染病防控项目", "免疫规划及疾病防控经费"),
        "重大疾病防控",
        "用于免疫规划、结核病和艾滋病等重大传染病防控工作。",
        ("做好重大传染病监测和防控，降低传染病发病率。",),
        "2100409",
        {
            "数量": ("传染病监测哨点数|count|个:5-30", "艾滋病检测人次|ge|人次:1000-20000"),
            "质量": ("适龄儿童免疫规划疫苗接种率|rate|", "肺结核患者规范管理率|rate|"),
            "时效": ("疫情报告及时率|rate100|",),
            "成本": ("单人次检测成本|unit|元/人次:20-80",),
            "社会效益": ("重大传染病疫情|qual|不发生暴发流行/有效控制",),
            "满意度": ("患者满意度|sat|",),
        },
        procurement=("检测试剂", "A02320000", "批"),
        budget=(10.0, 150.0),
    ),
)

SECTOR_UNITS = {  # (name suffix, nature 行政/事业, grade)
    "admin": (
        ("机关事务服务中心", "事业"),
        ("机关事务中心", "事业"),
        ("机关后勤服务中心", "事业"),
        ("机关事务管理局", "行政"),
    ),
    "edu": (("第一中学", "事业"), ("第二中学", "事业"), ("实验小学", "事业"), ("教育局", "行政")),
    "health": (("疾病预防控制中心", "事业"), ("卫生健康局", "行政")),
}
PLACES = (
    "玉田县", "平乡县", "临西县", "乐亭县", "北戴河区", "滦南县", "迁安市", "遵化市", "丰润区",
    "昌黎县", "卢龙县", "宁晋县", "威县", "清河县", "南宫市", "沙河市", "内丘县", "柏乡县",
    "隆尧县", "广宗县", "巨鹿县", "新河县", "涉县", "磁县", "邱县", "鸡泽县", "广平县",
    "馆陶县", "魏县", "曲周县", "武安市", "正定县", "井陉县", "行唐县", "灵寿县", "高邑县",
    "深泽县", "赞皇县", "无极县", "平山县", "元氏县", "赵县", "辛集市", "晋州市", "新乐市",
)  # fmt: skip

# Sector relevance plants: terms of schools and hospitals in a 机关事务 project.
OTHER_SECTOR = {
    "满意度": ("患者满意度", "学生满意度", "参培住院医师满意度", "家长满意度"),
    "数量": ("资助学生人数", "接诊患者人次", "开设教学班级数"),
    "质量": ("教学设备完好率", "患者治愈率", "学生体质健康达标率"),
}

CODE_NAMES = {
    "201": "一般公共服务支出", "20103": "政府办公厅（室）及相关机构事务", "2010301": "行政运行",
    "2010302": "一般行政管理事务", "2010303": "机关服务", "2010350": "事业运行",
    "205": "教育支出", "20501": "教育管理事务", "2050101": "行政运行",
    "2050199": "其他教育管理事务支出", "20502": "普通教育", "2050202": "小学教育",
    "2050203": "初中教育", "2050204": "高中教育", "2050299": "其他普通教育支出",
    "20508": "进修及培训", "2050803": "培训支出",
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出", "2080501": "行政单位离退休",
    "2080502": "事业单位离退休", "2080505": "机关事业单位基本养老保险缴费支出",
    "2080506": "机关事业单位职业年金缴费支出",
    "210": "卫生健康支出", "21001": "卫生健康管理事务", "2100101": "行政运行",
    "21004": "公共卫生", "2100401": "疾病预防控制机构", "2100408": "基本公共卫生服务",
    "2100409": "重大公共卫生服务", "21011": "行政事业单位医疗", "2101101": "行政单位医疗",
    "2101102": "事业单位医疗", "2101103": "公务员医疗补助",
    "212": "城乡社区支出", "21213": "城市基础设施配套费安排的支出", "2121301": "城市公共设施",
    "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金",
    "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金",
    "30107": "绩效工资", "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费",
    "30110": "职工基本医疗保险缴费", "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费",
    "30113": "住房公积金", "30199": "其他工资福利支出",
    "302": "商品和服务支出", "30201": "办公费", "30202": "印刷费", "30207": "邮电费",
    "30211": "差旅费", "30213": "维修（护）费", "30216": "培训费", "30217": "公务接待费",
    "30228": "工会经费", "30229": "福利费", "30231": "公务用车运行维护费", "30239": "其他交通费用",
    "30299": "其他商品和服务支出",
    "303": "对个人和家庭的补助", "30302": "退休费", "30305": "生活补助",
}  # fmt: skip

CLASS_LINES = (  # the 收支总表's expenditure lines, with the 类 code each stands for
    ("一、一般公共服务支出", "201"), ("二、外交支出", "202"), ("三、国防支出", "203"),
    ("四、公共安全支出", "204"), ("五、教育支出", "205"), ("六、科学技术支出", "206"),
    ("七、文化旅游体育与传媒支出", "207"), ("八、社会保障和就业支出", "208"),
    ("九、社会保险基金支出", "209"), ("十、卫生健康支出", "210"), ("十一、节能环保支出", "211"),
    ("十二、城乡社区支出", "212"), ("十三、农林水支出", "213"), ("十四、交通运输支出", "214"),
    ("十五、资源勘探工业信息等支出", "215"), ("十六、商业服务业等支出", "216"),
    ("十七、金融支出", "217"), ("十八、援助其他地区支出", "219"),
    ("十九、自然资源海洋气象等支出", "220"), ("二十、住房保障支出", "221"),
    ("二十一、粮油物资储备支出", "222"), ("二十二、国有资本经营预算支出", "223"),
    ("二十三、灾害防治及应急管理支出", "224"), ("二十四、预备费", "227"),
    ("二十五、其他支出", "229"), ("二十六、转移性支出", "230"), ("二十七、债务还本支出", "231"),
    ("二十八、债务付息支出", "232"), ("二十九、债务发行费用支出", "233"),
    ("三十、抗疫特别国债安排的支出", "234"), ("三十一、人行科目", "235"),
)  # fmt: skip
INCOME_LINES = (
    "一、一般公共预算拨款收入", "二、政府性基金预算拨款收入", "三、国有资本经营预算拨款收入",
    "四、财政专户管理资金收入", "五、事业收入", "六、事业单位经营收入", "七、上级补助收入",
    "八、附属单位上缴收入", "九、其他收入",
)  # fmt: skip
BASES = {
    "rate": ("计划标准", "行业标准", "历史标准", "年度工作计划"),
    "count": ("计划标准", "历史标准", "合同约定", "年度工作计划"),
    "date": ("计划标准", "年度工作计划", "合同约定"),
    "cost": ("预算支出标准", "市场询价", "合同约定", "历史标准"),
    "qual": ("计划标准", "年度工作计划", "历史标准"),
    "sat": ("满意度调查", "问卷调查", "计划标准"),
}
UNIT_BASES = ("依据单位考核指标", "县委、县政府工作安排", "年度工作计划")  # one for all rows
GLOSSARY = (
    "1、一般公共预算拨款收入：指县级财政当年从一般公共预算中拨付本部门的资金。",
    "2、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费支出。",
    "3、项目支出：指在基本支出之外为完成特定行政工作任务和事业发展目标所发生的支出。",
    "4、机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。",
    "5、“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    "6、政府采购预算：指部门使用财政性资金采购集中采购目录以内的或者采购限额标准以上的货物、工程和服务的预算。",
)  # fmt: skip
SAFEGUARDS = (
    "1、完善制度建设。修订完善内部管理制度，明确工作标准和责任分工。",
    "2、加强支出管理。细化预算编制，严格执行支出标准和审批程序，确保资金按计划支出。",
    "3、加强绩效运行监控。对预算执行进度和绩效目标实现程度实行“双监控”，发现问题及时纠正。",
    "4、做好绩效自评。年度终了开展绩效自评，评价结果作为下年度预算安排的重要依据。",
)

_RANGE = re.compile(r"^(?:(?P<unit>[^:]*):)?(?P<lo>[0-9.]+)-(?P<hi>[0-9.]+)$")


def _parse_templates(lines: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    return tuple(tuple(line.split("|", 2)) for line in lines)  # type: ignore[misc]


_POOLS = [
    {level2: _parse_templates(lines) for level2, lines in archetype.pools.items()}
    for archetype in ARCHETYPES
]
_GENERIC_POOLS = {level2: _parse_templates(lines) for level2, lines in _GENERIC.items()}
_BY_SECTOR = {
    sector: [i for i, a in enumerate(ARCHETYPES) if a.sector == sector] for sector in SECTOR_UNITS
}

# ================================================================== money


def _fmt(cents: int) -> str:
    """Hundredths of a unit as printed: ``12345`` → ``123.45``."""
    return f"{cents // 100}.{cents % 100:02d}"


def _cell(key: str, raw: str) -> CellValue:
    return CellValue(column=key, raw=raw, value=parse_number(raw) if raw else None)


def _amount(cents: int) -> str:
    return _fmt(cents) if cents else ""


# ================================================================== plants


@dataclass(frozen=True)
class Plant:
    """A fault put into the corpus on purpose, and where its finding must be.

    ``project_seq``/``indicator_index`` for project faults (index ``None``: the finding
    is about the project); ``table``/``codes`` for table faults (a finding on one of the
    codes, or on the table without a code); ``line`` for narrative faults (a finding at
    the section's line); a missing table only needs a finding of the document.
    """

    kind: str
    document: int
    project_seq: int | None = None
    indicator_index: int | None = None
    table: str | None = None
    codes: tuple[str, ...] = ()
    line: int | None = None
    detail: str = ""


PLANT_RULES: dict[str, tuple[str, ...]] = {
    "arithmetic-leaf": ("sum-mismatch", "row-total-mismatch", "cross-table-mismatch"),
    "target-run-together": ("target-run-together",),
    "target-unparsed": ("target-unparsed",),
    "framework-misplaced-level2": ("framework-level2-misplaced",),
    "framework-no-satisfaction": ("framework-level1-missing",),
    "basis-empty": ("basis-empty",),
    "plan-not-cumulative": ("plan-not-cumulative",),
    "plan-not-100": ("plan-incomplete",),
    "relevance-other-sector": ("indicator-other-sector",),
    "narrative-figure": ("narrative-figure-mismatch", "narrative-figure-unit-slip"),
    "narrative-procurement-figure": ("narrative-figure-mismatch", "narrative-figure-unit-slip"),
    "completeness-missing-table": ("completeness-table-missing",),
}
"""Plant kind → the rule ids of which one must find it (ids not registered are ignored)."""

DOCUMENT_KINDS = (
    "completeness-missing-table",
    "arithmetic-leaf",
    "narrative-figure",
    "narrative-procurement-figure",
)
PROJECT_KINDS = tuple(k for k in PLANT_RULES if k not in DOCUMENT_KINDS)
_REMOVABLE = (
    TableKind.THREE_PUBLIC_EXPENSES,
    TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE,
    TableKind.INCOME_SUMMARY,
    TableKind.GOV_FUND_EXPENDITURE,
    TableKind.STATE_CAPITAL_EXPENDITURE,
)
_TREE_TABLES = (
    TableKind.EXPENDITURE_SUMMARY,
    TableKind.GENERAL_BUDGET_EXPENDITURE,
    TableKind.INCOME_SUMMARY,
)
_PERCENT = re.compile(r"≥([0-9]+)%")
_RATE = re.compile(r"≥[89][0-9]%")  # ≥9090%及以上 is read back only from two-digit rates


@dataclass
class Corpus:
    """Generated documents and the faults planted in them."""

    documents: list[Disclosure]
    plants: list[Plant]
    seconds: float = 0.0  # generation time

    @property
    def projects(self) -> int:
        return sum(len(d.projects) for d in self.documents)

    @property
    def indicators(self) -> int:
        return sum(d.indicator_count for d in self.documents)


# ================================================================== the generator


@dataclass
class _Spec:
    arch: Archetype
    arch_no: int
    name: str
    leaf: str
    budget: int  # hundredths of 万元
    other: int  # of which 其他资金
    fund: bool  # paid from the 政府性基金 budget


class _Doc:
    """Builds one disclosure. Amounts are integers in hundredths of the document's unit
    (0.01万元 or 1分), so every sum is exact; project budgets are whole 0.01万元 (100元)."""

    def __init__(
        self, rng: random.Random, number: int, n_projects: int, rate: float, cycle: Counter
    ) -> None:
        r = self.rng = rng
        self.number, self.n_projects, self.rate, self.cycle = number, n_projects, rate, cycle
        self.sector = r.choices(("admin", "edu", "health"), (75, 15, 10))[0]
        suffix, self.nature = r.choice(SECTOR_UNITS[self.sector])
        self.unit_name = r.choice(PLACES) + suffix
        self.unit_code = f"{r.randint(100, 999)}{r.randint(1, 9):03d}"
        self.county = f"{r.randint(200, 899):04d}"
        self.year = r.randint(2020, 2025)
        self.in_wan = r.random() < 0.8  # tables in 万元, else in 元
        self.unit = MoneyUnit.WAN_YUAN if self.in_wan else MoneyUnit.YUAN
        self.per_wan = 1 if self.in_wan else 10_000  # hundredths of the unit in 0.01万元
        self.narrate_wan = self.in_wan or r.random() < 0.5  # 元 documents often narrate in 万元
        self.tree101 = r.random() < 0.2
        self.cost_first = r.random() < 0.5
        self.outcome_name = "效果指标" if r.random() < 0.1 else "效益指标"
        self.plan_style = r.choices(("pct%", "pct", "amount", "blanks"), (70, 18, 6, 6))[0]
        self.basis_all = r.choice(UNIT_BASES) if r.random() < 0.2 else None
        self.describe = r.random() < 0.6  # prints 绩效指标描述
        self.path = f"synthetic/{number:05d}_{self.unit_code}_{self.year}.txt"
        self.line = 1
        self.specs: list[_Spec] = []
        self.projects: list[Project] = []
        self.clean: list[Project] = []
        self.plants: list[Plant] = []

    # ---------------------------------------------------------------- helpers
    def at(self, step: int = 1, **kwargs) -> Location:
        self.line += step
        return Location(file=self.path, line=self.line, **kwargs)

    def draw(self, lo: float, hi: float) -> int:
        """A random amount of ``lo``–``hi`` 万元 in the document's hundredths."""
        cents = round(self.rng.uniform(lo, hi) * 100) * self.per_wan
        if not self.in_wan and self.rng.random() < 0.7:
            cents += self.rng.randrange(0, 10_000)  # 元 tables print odd yuan and fen
        return cents

    def m(self, cents: int) -> str:
        """An amount as the narrative prints it, with its unit."""
        if not cents:
            return "0万元" if self.narrate_wan else "0元"
        if self.in_wan:
            return f"{_fmt(cents)}万元"
        if not self.narrate_wan:
            return f"{_fmt(cents)}元"
        return f"{(Decimal(cents) / 1_000_000).quantize(Decimal('0.01'), ROUND_HALF_UP)}万元"

    # ---------------------------------------------------------------- projects
    def plan_projects(self) -> None:
        r = self.rng
        pool = _BY_SECTOR[self.sector]
        run_leaf = self.leaves()
        for seq in range(1, self.n_projects + 1):
            arch_no = r.choice(pool)
            arch = ARCHETYPES[arch_no]
            name = r.choice(arch.names)
            if any(s.name == name for s in self.specs):
                name = f"{name}（{seq}）"
            budget = round(r.uniform(*arch.budget) * 10) * 10  # whole 0.1万元
            fund = arch.fund and r.random() < 0.6
            other = 0
            if not fund and self.nature == "事业" and r.random() < 0.1:
                other = round(budget * r.uniform(0.1, 0.4) / 10) * 10
            leaf = run_leaf["school"] if arch.leaf == "school" else arch.leaf
            if leaf == "2121301" and not fund:
                leaf = "2010303"
            elif leaf == "2010303" and r.random() < 0.25:
                leaf = "2010302"
            self.specs.append(_Spec(arch, arch_no, name, leaf, budget, other, fund))

    def build_projects(self) -> None:
        for seq, spec in enumerate(self.specs, start=1):
            project = self.project(seq, spec)
            self.clean.append(project)  # the goals quote the projects as meant, not the slips
            if self.rng.random() < self.rate:
                project = self.plant_project(project, spec)
            self.projects.append(project)

    def project(self, seq: int, spec: _Spec) -> Project:
        r = self.rng
        yuan = not self.in_wan or r.random() < 0.05  # a table in 元 in a 万元 document
        unit = MoneyUnit.YUAN if yuan else MoneyUnit.WAN_YUAN
        scale = 10_000 if yuan else 1
        title = f"{seq}.{spec.name}绩效目标表"
        loc = self.at(3, table=title)

        def money(cents: int) -> Money:
            raw = _fmt(cents) if cents else ""
            return Money(raw=raw, value=parse_number(raw) if raw else None, unit=unit, location=loc)

        code = (
            f"13{self.county}{self.year % 100:02d}P00"
            f"{''.join(r.choices('ABCDEFGHJKLMNPQRSTWXYZ', k=3))}{r.randrange(10**6):06d}"
            f"{r.choice('0123456789ABCDEFGHJK')}"
        )
        total = spec.budget * scale
        return Project(
            seq=seq,
            title=title,
            project_name=spec.name,
            project_code=code,
            money_unit=unit,
            budget_total=money(total),
            budget_fiscal=money((spec.budget - spec.other) * scale),
            budget_other=money(spec.other * scale),
            purpose=spec.arch.purpose,
            spending_plan=self.plan(total, loc.at(line=loc.line + 12)),
            goals=tuple(f"{i}.{g}" for i, g in enumerate(spec.arch.goals, start=1)),
            indicators=self.indicators(spec.arch_no, total, unit),
            unit_code=self.unit_code,
            unit_name=f"{self.unit_name}本级",
            location=loc,
        )

    def plan(
        self,
        total: int,
        loc: Location,
        values: tuple[int, ...] | None = None,
        style: str | None = None,
    ) -> tuple[SpendingCheckpoint, ...]:
        """The 3/6/10/12月底 row: cumulative percentages (``25%`` or ``25.00``), cumulative
        amounts ending at the budget (seed 003), or blanks before the first payment."""
        r = self.rng
        if values is None:
            q1 = r.choice((0, 10, 15, 20, 25, 25, 30))
            q2 = min(q1 + r.choice((15, 20, 25, 25, 30)), 70)
            q3 = min(q2 + r.choice((15, 20, 25, 30)), 95)
            values = (q1, q2, q3, 100)
        style = style or self.plan_style
        out = []
        for month, pct in zip((3, 6, 10, 12), values, strict=True):
            if style == "amount":
                raw = _fmt(total if pct == 100 else total * pct // 100)
                kind = PlanKind.AMOUNT
            elif style == "blanks" and month != 12 and pct < 50:
                raw, kind = "", None
            else:
                raw, kind = (f"{pct}%" if style == "pct%" else f"{pct}.00"), PlanKind.PERCENT
            value = parse_number(raw.rstrip("%")) if raw else None
            out.append(
                SpendingCheckpoint(month=month, raw=raw, value=value, kind=kind, location=loc)
            )
        return tuple(out)

    def indicators(self, arch_no: int, total: int, unit: MoneyUnit) -> tuple[Indicator, ...]:
        """6–25 indicators (≈15): every 一级, the 产出 二级 of the unit's tree, names drawn
        from the project's kind first, then from the generic pools."""
        r = self.rng
        pools = _POOLS[arch_no]

        def draw(level2: str, k: int) -> list[tuple[str, str, str]]:
            own = list(pools.get(level2, ()))
            picked = r.sample(own, min(k, len(own)))
            if len(picked) < k:
                generic = [t for t in _GENERIC_POOLS.get(level2, ()) if t not in own]
                picked += r.sample(generic, min(k - len(picked), len(generic)))
            return picked

        n = max(6, min(25, round(r.gauss(16, 4.5))))
        effects = ("经济效益", "社会效益", "生态效益", "可持续影响")
        counts = dict.fromkeys(("数量", "质量", "时效", "成本", "社会效益", "满意度"), 1)
        counts.update(dict.fromkeys(("经济效益", "生态效益", "可持续影响"), 0))
        weights = (
            "数量",
            "数量",
            "数量",
            "质量",
            "质量",
            "时效",
            "成本",
            *effects,
            "社会效益",
            "满意度",
        )
        for _ in range(n - sum(counts.values())):
            counts[r.choice(weights)] += 1
        output = [("产出指标", f"{k}指标", draw(k, counts[k])) for k in ("数量", "质量", "时效")]
        cost = []
        if self.tree101:  # 财预〔2021〕101号: 成本 is a 一级 of its own
            cost = [("成本指标", "经济成本指标", draw("成本", counts["成本"]))]
            if r.random() < 0.3:
                cost.append(("成本指标", "社会成本指标", draw("社会成本", 1)))
            if r.random() < 0.2:
                cost.append(("成本指标", "生态环境成本指标", draw("生态环境成本", 1)))
        else:
            output.append(("产出指标", "成本指标", draw("成本", counts["成本"])))
        outcome = [(self.outcome_name, f"{k}指标", draw(k, counts[k])) for k in effects]
        satisfaction = [("满意度指标", "服务对象满意度指标", draw("满意度", counts["满意度"]))]
        if self.tree101 and self.cost_first:
            groups = cost + output + outcome + satisfaction
        else:
            groups = output + cost + outcome + satisfaction
        rows: list[Indicator] = []
        seen: set[str] = set()
        last1 = last2 = None
        for level1, level2, templates in groups:
            for name, kind, arg in templates:
                if name in seen:
                    continue
                seen.add(name)
                target, basis_kind = self.target(kind, arg, total, unit)
                description = None
                if self.describe:
                    description = name if r.random() < 0.5 else f"反映{name}情况"
                rows.append(
                    Indicator(
                        index=len(rows) + 1,
                        level1=LevelName(
                            raw=level1, normalised=normalise_level1(level1), carried=level1 == last1
                        ),
                        level2=LevelName(
                            raw=level2,
                            normalised=normalise_level2(level2),
                            carried=level2 == last2 and level1 == last1,
                        ),
                        level3=name,
                        description=description,
                        target=parse_target(target, fiscal_year=self.year),
                        basis=self.basis_all or r.choice(BASES[basis_kind]),
                        location=self.at(7),
                    )
                )
                last1, last2 = level1, level2
        return tuple(rows)

    def target(self, kind: str, arg: str, total: int, unit: MoneyUnit) -> tuple[str, str]:
        """The printed target for a template, and the kind of basis that suits it."""
        r, y = self.rng, self.year
        if kind == "rate":
            return r.choice(("≥95%", "≥90%", "≥98%", "100%", "≥85%", "≥99%")), "rate"
        if kind == "rate100":
            return "100%", "rate"
        if kind == "sat":
            return r.choice(("≥90%", "≥95%", "≥85%", "≥98%", "≥95%")), "sat"
        if kind == "date":
            month = r.randint(6, 12)
            return r.choice((f"{y}年{month}月底前", f"{month}月底前", f"{y}年12月31日前")), "date"
        if kind == "dateq":
            return "每季度末前支付", "date"
        if kind == "total":
            return f"≤{_fmt(total)}{unit.label}", "cost"
        if kind == "qual":
            return r.choice(arg.split("/")), "qual"
        if kind == "zero":
            return f"0{arg}", "count"
        match = _RANGE.match(arg)
        assert match, arg
        lo, hi, measure = match["lo"], match["hi"], match["unit"] or ""
        if kind == "pct":
            return f"≥{r.randint(int(lo), int(hi))}%", "rate"
        if "." in lo:
            number = f"{r.uniform(float(lo), float(hi)):.2f}"
        else:
            number = str(r.randint(int(lo), int(hi)))
        if kind == "unit":
            return f"≤{number}{measure}", "cost"
        prefix = {"count": "", "ge": "≥", "le": "≤"}[kind]
        return f"{prefix}{number}{measure}", ("cost" if measure == "%" else "count")

    # ---------------------------------------------------------------- project plants
    def next_kind(self, kinds: tuple[str, ...], usable) -> str | None:
        """The next kind in the corpus-wide rotation that ``usable`` accepts."""
        for _ in range(len(kinds)):
            kind = kinds[self.cycle[kinds] % len(kinds)]
            self.cycle[kinds] += 1
            if usable(kind):
                return kind
        return None

    def plant_project(self, project: Project, spec: _Spec) -> Project:
        r, inds = self.rng, list(project.indicators)
        percent_plan = project.spending_plan and all(
            c.kind is PlanKind.PERCENT for c in project.spending_plan
        )

        def usable(kind: str) -> bool:
            if kind.startswith("plan-"):
                return bool(percent_plan)
            if kind == "relevance-other-sector":
                return self.sector == "admin"
            return True

        kind = self.next_kind(PROJECT_KINDS, usable)
        seq, index, detail = project.seq, None, ""
        if kind == "target-run-together":
            ind = r.choice([i for i in inds if _RATE.fullmatch(i.target.raw)])
            value = ind.target.raw[1:-1]
            detail = f"≥{value}{value}%及以上"
            inds[ind.index - 1] = replace(ind, target=parse_target(detail, fiscal_year=self.year))
            index = ind.index
        elif kind == "target-unparsed":
            ind = r.choice([i for i in inds if _PERCENT.fullmatch(i.target.raw)])
            detail = f"{ind.level3[-3:]}{ind.target.raw}"  # a label before the operator
            target = parse_target(detail, fiscal_year=self.year)
            if target.kind.value != "unparsed":
                detail = "95%-100%"
                target = parse_target(detail, fiscal_year=self.year)
            inds[ind.index - 1] = replace(ind, target=target)
            index = ind.index
        elif kind == "framework-misplaced-level2":
            if r.random() < 0.5:
                ind = r.choice([i for i in inds if i.level1.raw == "产出指标"])
                wrong = "社会效益指标"
            else:
                ind = r.choice([i for i in inds if i.level1.raw == self.outcome_name])
                wrong = "数量指标"
            detail = f"{ind.level1.raw}/{wrong}"
            level2 = LevelName(raw=wrong, normalised=normalise_level2(wrong))
            inds[ind.index - 1] = replace(ind, level2=level2)
            index = ind.index
        elif kind == "framework-no-satisfaction":
            kept = [i for i in inds if i.level1.raw != "满意度指标"]
            inds = [replace(i, index=n) for n, i in enumerate(kept, start=1)]
            detail = "满意度指标 removed"
        elif kind == "basis-empty":
            ind = r.choice(inds)
            inds[ind.index - 1] = replace(ind, basis=None)
            index = ind.index
        elif kind == "plan-not-cumulative":
            first = r.choice((30, 40, 50))
            values = (first, first - r.choice((10, 20)), r.choice((75, 80, 90)), 100)
            detail = "/".join(map(str, values))
            project = replace(
                project,
                spending_plan=self.plan(
                    0,
                    project.spending_plan[0].location,
                    values,
                    "pct%" if project.spending_plan[-1].raw.endswith("%") else "pct",
                ),
            )
        elif kind == "plan-not-100":
            last = r.choice((80, 90, 95))
            values = (25, 50, min(75, last - 5), last)
            detail = "/".join(map(str, values))
            project = replace(
                project,
                spending_plan=self.plan(
                    0,
                    project.spending_plan[0].location,
                    values,
                    "pct%" if project.spending_plan[-1].raw.endswith("%") else "pct",
                ),
            )
        elif kind == "relevance-other-sector":
            ind = r.choice(
                [i for i in inds if i.level1.raw == "满意度指标"]
                + [i for i in inds if i.level2.raw in ("数量指标", "质量指标")]
            )
            group = ind.level2.raw[:2] if ind.level1.raw != "满意度指标" else "满意度"
            name = r.choice(OTHER_SECTOR[group])
            target = ind.target
            if group == "数量":
                target = parse_target(f"{r.randint(20, 500)}人", fiscal_year=self.year)
            elif group == "质量":
                target = parse_target("≥95%", fiscal_year=self.year)
            inds[ind.index - 1] = replace(ind, level3=name, description=None, target=target)
            index, detail = ind.index, name
        if kind is None:
            return project
        self.plants.append(Plant(kind, self.number, seq, index, detail=detail))
        return replace(project, indicators=tuple(inds))

    # ---------------------------------------------------------------- tables
    def leaves(self) -> dict[str, str]:
        """Function codes (项) of the unit's running costs and of its own projects."""
        admin = self.nature == "行政"
        if self.sector == "admin":
            run = "2010301" if admin else "2010350"
        elif self.sector == "edu":
            run = "2050101" if admin else ("2050202" if "小学" in self.unit_name else "2050203")
        else:
            run = "2100101" if admin else "2100401"
        return {"run": run, "school": "2050299" if run == "2050101" else run}

    def basic_items(self) -> dict[str, int]:
        """基本支出 by economic 款: salaries scale with the staff, social insurance with
        the salaries."""
        r, d = self.rng, self.draw
        staff = r.randint(5, 80)
        pay = d(2.0 * staff, 3.5 * staff)
        allowance = d(0.8 * staff, 2.0 * staff)
        base = pay + allowance
        items = {
            "30101": pay,
            "30102": allowance,
            "30103": d(0.1 * staff, 0.5 * staff),
            "30108": base * 16 // 100,
            "30109": base * 8 // 100,
            "30110": base * 9 // 100,
            "30112": base // 100,
            "30113": base * 12 // 100,
            "30199": d(0.0, 0.2 * staff),
            "30201": d(0.1 * staff, 0.3 * staff),
            "30202": d(0.2, 2.0),
            "30207": d(0.3, 3.0),
            "30211": d(0.5, 4.0),
            "30213": d(0.5, 5.0),
            "30216": d(0.2, 2.0),
            "30217": d(0.3, 3.0),
            "30228": base * 2 // 100,
            "30229": d(0.5, 3.0),
            "30239": d(0.4 * staff, 1.0 * staff),
            "30299": d(0.0, 2.0),
        }
        if self.nature == "行政":
            items["30111"] = base * 2 // 100
        else:
            items["30107"] = d(1.0 * staff, 2.0 * staff)
        if r.random() < 0.5:
            items["30231"] = d(1.0, 8.0)
        retirees = r.randint(0, 20)
        if retirees:
            items["30302"] = d(3.0 * retirees, 6.0 * retirees)
        if r.random() < 0.2:
            items["30305"] = d(0.5, 5.0)
        return {code: cents for code, cents in sorted(items.items()) if cents}

    def compute(self) -> None:
        """Every total the tables and the narrative print."""
        self.basic = basic = self.basic_items()
        admin = self.nature == "行政"
        run = self.leaves()["run"]
        leaf: dict[str, list[int]] = {}  # 项 → [basic, project general, fund, other]

        def add(code: str, slot: int, cents: int) -> None:
            if cents:
                leaf.setdefault(code, [0, 0, 0, 0])[slot] += cents

        social = {
            "30108": "2080505",
            "30109": "2080506",
            "30113": "2210201",
            "30110": "2101101" if admin else "2101102",
            "30111": "2101103",
            "30302": "2080501" if admin else "2080502",
        }
        for code, cents in basic.items():
            add(social.get(code, run), 0, cents)
        vehicles = 0
        for spec in self.specs:
            fiscal = (spec.budget - spec.other) * self.per_wan
            add(spec.leaf, 2 if spec.fund else 1, fiscal)
            add(spec.leaf, 3, spec.other * self.per_wan)
            if spec.arch.vehicles and not spec.fund:
                vehicles += fiscal
        self.leaf = dict(sorted(leaf.items()))
        self.basic_total = sum(basic.values())
        self.operating = sum(v for k, v in basic.items() if k.startswith("302"))
        self.personnel = self.basic_total - self.operating
        self.general = sum(v[0] + v[1] for v in leaf.values())
        self.fund = sum(v[2] for v in leaf.values())
        self.other = sum(v[3] for v in leaf.values())
        self.project_total = sum(v[1] + v[2] + v[3] for v in leaf.values())
        self.total = self.general + self.fund + self.other
        # 三公: 出国, 购置, 运行维护 (basic 30231 and the 公务用车 projects), 接待 (30217)
        self.three = (0, 0, basic.get("30231", 0) + vehicles, basic.get("30217", 0))

    def build_tables(self) -> list[BudgetTable]:
        return [
            self.summary_table(),
            self.income_table(),
            self.expenditure_table(),
            self.fiscal_table(),
            self.tree_table(
                TableKind.GENERAL_BUDGET_EXPENDITURE, "部门预算一般公共预算财政拨款支出表", (0, 1)
            ),
            self.basic_table(),
            self.tree_table(
                TableKind.GOV_FUND_EXPENDITURE,
                "部门预算政府性基金预算财政拨款支出表",
                (2,),
                "注：无政府性基金预算财政拨款预算，空表列示。",
            ),
            self.tree_table(
                TableKind.STATE_CAPITAL_EXPENDITURE,
                "部门预算国有资本经营预算财政拨款支出表",
                (),
                "注：无国有资本经营预算财政拨款预算，空表列示。",
            ),
            self.three_table(),
        ]

    def columns(self, specs, *, numbered: bool = True) -> tuple[BudgetColumn, ...]:
        out = []
        if numbered:
            out.append(
                BudgetColumn(key="序号", header=("序号",), role=ColumnRole.SEQ, column_no="栏次")
            )
        for number, (key, role, side) in enumerate(specs, start=1):
            out.append(
                BudgetColumn(
                    key=key,
                    header=tuple(key.split("/")),
                    role=role,
                    side=side,
                    column_no=str(number) if numbered else None,
                )
            )
        return tuple(out)

    def table(
        self, title, kind, columns, rows, note=None, unit: object = "doc", captions=None
    ) -> BudgetTable:
        """``rows``: (seq, code, name, side, {column: raw}); the two sides of a printed
        row share its seq, row number and location."""
        loc = self.at(3, table=title)
        self.line += 3 * len(columns)
        value_columns = [c for c in columns if c.role in (ColumnRole.VALUE, ColumnRole.TEXT)]
        built = []
        row_no, last_seq, row_loc = 0, None, loc
        for seq, code, name, side, cells in rows:
            if seq is None or seq != last_seq:
                row_no += 1
                row_loc = self.at(len(columns) + 1, table=title, row=row_no)
            last_seq = seq
            values = tuple(
                _cell(c.key, cells.get(c.key, "")) for c in value_columns if c.side in (None, side)
            )
            built.append(
                BudgetRow(seq=seq, code=code, name=name, side=side, values=values, location=row_loc)
            )
        if captions is None:
            captions = (
                f"{self.unit_code}{self.unit_name}",
                f"预算年度：{self.year}",
                f"单位：{self.unit.label}",
            )
        return BudgetTable(
            title=title,
            kind=kind,
            money_unit=self.unit if unit == "doc" else unit,
            columns=columns,
            rows=tuple(built),
            captions=captions,
            note=note,
            location=loc,
        )

    def tree(self, slots: tuple[int, ...]) -> list[tuple[str, list[int]]]:
        """(code, [basic, project]) for every 类, 款 and 项 with money in ``slots``."""
        sums: dict[str, list[int]] = {}
        for code, parts in self.leaf.items():
            basic = parts[0] if 0 in slots else 0
            project = sum(parts[i] for i in slots if i != 0)
            if basic or project:
                for prefix in (code[:3], code[:5], code):
                    node = sums.setdefault(prefix, [0, 0])
                    node[0] += basic
                    node[1] += project
        return sorted(sums.items())

    def tree_rows(self, nodes) -> list[tuple]:
        top = [v for c, v in nodes if len(c) == 3]
        total = (None, [sum(v[0] for v in top), sum(v[1] for v in top)])
        return [
            (
                str(i),
                code,
                CODE_NAMES[code] if code else "合计",
                None,
                {"合计": _amount(b + p), "基本支出": _amount(b), "项目支出": _amount(p)},
            )
            for i, (code, (b, p)) in enumerate([total, *nodes], start=1)
        ]

    def tree_table(self, kind, title, slots, note=None) -> BudgetTable:
        cols = self.columns(
            (
                ("功能分类科目/科目编码", ColumnRole.CODE, None),
                ("功能分类科目/科目名称", ColumnRole.NAME, None),
                *((k, ColumnRole.VALUE, None) for k in ("合计", "基本支出", "项目支出")),
            )
        )
        nodes = self.tree(slots) if slots else []
        if not nodes:
            return self.table(title, kind, cols, [], note=note)
        return self.table(title, kind, cols, self.tree_rows(nodes))

    def expenditure_table(self) -> BudgetTable:
        keys = ("合计", "基本支出", "项目支出", "经营支出", "上解上级支出", "对附属单位补助支出")
        cols = self.columns(
            (
                ("功能分类科目/科目编码", ColumnRole.CODE, None),
                ("功能分类科目/科目名称", ColumnRole.NAME, None),
                *((k, ColumnRole.VALUE, None) for k in keys),
            )
        )
        rows = self.tree_rows(self.tree((0, 1, 2, 3)))
        return self.table("部门预算支出总表", TableKind.EXPENDITURE_SUMMARY, cols, rows)

    def income_table(self) -> BudgetTable:
        keys = (
            "合计",
            "本年收入/小计",
            "本年收入/财政拨款收入",
            "本年收入/财政专户收入",
            "本年收入/事业收入",
            "本年收入/经营收入",
            "本年收入/上级补助收入",
            "本年收入/附属单位上缴收入",
            "本年收入/其他收入",
            "上年结转",
        )
        cols = self.columns(
            (
                ("功能分类科目/科目编码", ColumnRole.CODE, None),
                ("功能分类科目/科目名称", ColumnRole.NAME, None),
                *((k, ColumnRole.VALUE, None) for k in keys),
            )
        )
        sums: dict[str, list[int]] = {}
        for code, parts in self.leaf.items():
            for prefix in (code[:3], code[:5], code):
                node = sums.setdefault(prefix, [0, 0])
                node[0] += parts[0] + parts[1] + parts[2]
                node[1] += parts[3]
        rows = []
        totals = (None, [self.general + self.fund, self.other])
        for i, (code, (fiscal, other)) in enumerate([totals, *sorted(sums.items())], start=1):
            cells = {
                "合计": _amount(fiscal + other),
                "本年收入/小计": _amount(fiscal + other),
                "本年收入/财政拨款收入": _amount(fiscal),
                "本年收入/事业收入": _amount(other),
            }
            rows.append((str(i), code, CODE_NAMES[code] if code else "合计", None, cells))
        return self.table("部门预算收入总表", TableKind.INCOME_SUMMARY, cols, rows)

    def class_totals(self, slots: tuple[int, ...]) -> dict[str, int]:
        out: dict[str, int] = {}
        for code, parts in self.leaf.items():
            out[code[:3]] = out.get(code[:3], 0) + sum(parts[i] for i in slots)
        return out

    def summary_table(self) -> BudgetTable:
        cols = self.columns(
            (
                ("收入/项目", ColumnRole.NAME, Side.INCOME),
                ("收入/预算数", ColumnRole.VALUE, Side.INCOME),
                ("支出/项目", ColumnRole.NAME, Side.EXPENDITURE),
                ("支出/预算数", ColumnRole.VALUE, Side.EXPENDITURE),
            )
        )
        income = {0: self.general, 1: self.fund, 4: self.other}
        by_class = self.class_totals((0, 1, 2, 3))
        rows = []
        for i, (name, code) in enumerate(CLASS_LINES):
            if i < len(INCOME_LINES):
                rows.append(
                    (
                        str(i + 1),
                        None,
                        INCOME_LINES[i],
                        Side.INCOME,
                        {"收入/预算数": _amount(income.get(i, 0))},
                    )
                )
            rows.append(
                (
                    str(i + 1),
                    None,
                    name,
                    Side.EXPENDITURE,
                    {"支出/预算数": _amount(by_class.get(code, 0))},
                )
            )
        closing = (
            ("本年收入合计", "本年支出合计", self.total),
            ("上年结转结余", "年终结转结余", 0),
            ("收入总计", "支出总计", self.total),
        )
        for k, (left, right, value) in enumerate(closing, start=len(CLASS_LINES) + 1):
            rows.append((str(k), None, left, Side.INCOME, {"收入/预算数": _amount(value)}))
            rows.append((str(k), None, right, Side.EXPENDITURE, {"支出/预算数": _amount(value)}))
        return self.table("部门预算收支总表", TableKind.INCOME_EXPENDITURE_SUMMARY, cols, rows)

    def fiscal_table(self) -> BudgetTable:
        exp = Side.EXPENDITURE
        cols = self.columns(
            (
                ("收入/项目", ColumnRole.NAME, Side.INCOME),
                ("收入/金额", ColumnRole.VALUE, Side.INCOME),
                ("支出/项目", ColumnRole.NAME, exp),
                ("支出/合计", ColumnRole.VALUE, exp),
                ("支出/一般公共预算财政拨款", ColumnRole.VALUE, exp),
                ("支出/政府性基金预算财政拨款", ColumnRole.VALUE, exp),
                ("支出/国有资本经营预算财政拨款", ColumnRole.VALUE, exp),
            )
        )
        general, fund = self.class_totals((0, 1)), self.class_totals((2,))
        income = ("一、一般公共预算拨款", "二、政府性基金预算拨款", "三、国有资本经营预算拨款")
        values = (self.general, self.fund, 0)

        def spend(g: int, f: int) -> dict[str, str]:
            return {
                "支出/合计": _amount(g + f),
                "支出/一般公共预算财政拨款": _amount(g),
                "支出/政府性基金预算财政拨款": _amount(f),
            }

        rows = []
        for i, (name, code) in enumerate(CLASS_LINES):
            if i < 3:
                rows.append(
                    (str(i + 1), None, income[i], Side.INCOME, {"收入/金额": _amount(values[i])})
                )
            rows.append(
                (str(i + 1), None, name, exp, spend(general.get(code, 0), fund.get(code, 0)))
            )
        n, both = len(CLASS_LINES), self.general + self.fund
        rows += [
            (str(n + 1), None, "本年收入合计", Side.INCOME, {"收入/金额": _amount(both)}),
            (str(n + 1), None, "本年支出合计", exp, spend(self.general, self.fund)),
            (str(n + 2), None, "年初财政拨款结转和结余", Side.INCOME, {}),
            (str(n + 2), None, "年末财政拨款结转和结余", exp, {}),
            (str(n + 3), None, income[0], Side.INCOME, {}),
            (str(n + 4), None, income[1], Side.INCOME, {}),
            (str(n + 5), None, income[2], Side.INCOME, {}),
            (str(n + 6), None, "收入总计", Side.INCOME, {"收入/金额": _amount(both)}),
            (str(n + 6), None, "支出总计", exp, spend(self.general, self.fund)),
        ]
        return self.table(
            "部门预算财政拨款收支总表", TableKind.FISCAL_APPROPRIATION_SUMMARY, cols, rows
        )

    def basic_table(self) -> BudgetTable:
        head = "一般公共预算基本支出/"
        cols = self.columns(
            (
                ("支出部门经济分类科目/科目编码", ColumnRole.CODE, None),
                ("支出部门经济分类科目/科目名称", ColumnRole.NAME, None),
                *((head + k, ColumnRole.VALUE, None) for k in ("合计", "人员经费", "公用经费")),
            )
        )

        def cells(total: int, personnel: int, operating: int) -> dict[str, str]:
            return {
                head + "合计": _amount(total),
                head + "人员经费": _amount(personnel),
                head + "公用经费": _amount(operating),
            }

        rows = [("1", None, "合计", None, cells(self.basic_total, self.personnel, self.operating))]
        for group in ("301", "302", "303"):
            items = {k: v for k, v in self.basic.items() if k.startswith(group)}
            if not items:
                continue
            operating = group == "302"
            for code, cents in ((group, sum(items.values())), *items.items()):
                rows.append(
                    (
                        str(len(rows) + 1),
                        code,
                        CODE_NAMES[code],
                        None,
                        cells(cents, 0 if operating else cents, cents if operating else 0),
                    )
                )
        return self.table(
            "部门预算一般公共预算财政拨款基本支出表",
            TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE,
            cols,
            rows,
        )

    def three_table(self) -> BudgetTable:
        keys = (
            "资金性质/合计",
            "资金性质/一般公共预算财政拨款",
            "资金性质/政府性基金预算拨款",
            "资金性质/国有资本经营预算财政拨款",
        )
        cols = self.columns(
            (("项目", ColumnRole.NAME, None), *((k, ColumnRole.VALUE, None) for k in keys))
        )
        abroad, purchase, running, reception = self.three
        total = sum(self.three)

        def c(cents: int) -> dict[str, str]:
            return {keys[0]: _amount(cents), keys[1]: _amount(cents)}

        lines = (
            ("合计", total),
            ("“三公”经费小计", total),
            ("一、因公出国（境）费", abroad),
            ("其中：教学科研人员因公出国（境）费", 0),
            ("其他因公出国（境）费", abroad),
            ("二、公务用车购置及运维费", purchase + running),
            ("其中：公务用车购置费", purchase),
            ("公务用车运行维护费", running),
            ("三、公务接待费", reception),
        )
        rows = [(str(i), None, name, None, c(v)) for i, (name, v) in enumerate(lines, start=1)]
        return self.table(
            "部门预算财政拨款“三公”经费支出表", TableKind.THREE_PUBLIC_EXPENSES, cols, rows
        )

    def organisation_table(self) -> BudgetTable:
        cols = self.columns(
            (
                ("单位名称", ColumnRole.NAME, None),
                ("单位性质", ColumnRole.TEXT, None),
                ("单位规格", ColumnRole.TEXT, None),
                ("经费保障形式", ColumnRole.TEXT, None),
            ),
            numbered=False,
        )
        row = (
            None,
            None,
            f"{self.unit_name}本级",
            None,
            {
                "单位性质": self.nature,
                "单位规格": self.rng.choice(("正科级", "副科级")),
                "经费保障形式": "财政拨款" if self.nature == "行政" else "财政补助",
            },
        )
        return self.table("部门机构设置情况", TableKind.OTHER, cols, [row], unit=None, captions=())

    def procure(self) -> None:
        """政府采购 lines: (spec, item, catalogue no., measure, count, unit price)."""
        self.purchases = []
        self.procured = {"A": 0, "B": 0, "C": 0}  # goods, works, services
        for spec in self.specs:
            if spec.arch.procurement is None or spec.other:
                continue
            item, catalogue, measure = spec.arch.procurement
            budget = spec.budget * self.per_wan
            count, price = 1, budget
            if catalogue.startswith("A"):  # goods: a count at a unit price, part of the budget
                count = self.rng.randint(2, 12)
                price = max(1, budget // count // 2)
            self.purchases.append((spec, item, catalogue, measure, count, price))
            self.procured[catalogue[0]] += count * price
        self.procurement = sum(self.procured.values())

    def procurement_table(self) -> BudgetTable:
        head = "政府采购金额（当年部门预算安排资金）/"
        keys = (
            "政府采购项目来源/预算资金",
            "采购物品名称",
            "政府采购目录序号",
            "计量单位",
            "数量",
            "单价",
            head + "合计",
            head + "一般公共预算拨款",
            head + "基金预算拨款",
            head + "国有资本经营预算拨款",
            head + "财政专户核拨",
            head + "单位资金",
            head + "财政拨款结转",
            head + "非财政拨款结转结余",
            f"{self.year}年预留中小微企业份额",
        )
        text = {"采购物品名称", "政府采购目录序号", "计量单位"}
        cols = self.columns(
            (
                ("政府采购项目来源/项目名称", ColumnRole.NAME, None),
                *((k, ColumnRole.TEXT if k in text else ColumnRole.VALUE, None) for k in keys),
            ),
            numbered=False,
        )
        items = []
        fund = 0
        for spec, item, catalogue, measure, count, price in self.purchases:
            cents = count * price
            fund += cents if spec.fund else 0
            items.append(
                (
                    None,
                    None,
                    spec.name,
                    None,
                    {
                        keys[0]: _fmt(spec.budget * self.per_wan),
                        keys[1]: item,
                        keys[2]: catalogue,
                        keys[3]: measure,
                        keys[4]: str(count),
                        keys[5]: _fmt(price),
                        keys[6]: _fmt(cents),
                        keys[7]: _amount(0 if spec.fund else cents),
                        keys[8]: _amount(cents if spec.fund else 0),
                        keys[14]: _fmt(cents),
                    },
                )
            )
        total = self.procurement
        sums = {
            keys[6]: _amount(total),
            keys[7]: _amount(total - fund),
            keys[8]: _amount(fund),
            keys[14]: _amount(total),
        }
        rows = [
            (None, None, "合计", None, sums),
            (None, None, f"{self.unit_name}本级小计", None, sums),
            *items,
        ]
        note = "注：同一采购目录序号的物品，其单价会因配置规格不同而变动，均符合资产配置标准。"
        if not items:  # published empty, with the reason (143号)
            rows, note = [], "注：本单位无政府采购预算，故本表为空表。"
        return self.table(
            "部门政府采购预算",
            TableKind.PROCUREMENT_BUDGET,
            cols,
            rows,
            captions=(f"{self.unit_code}{self.unit_name}", f"单位：{self.unit.label}"),
            note=note,
        )

    def draw_assets(self) -> None:
        r = self.rng
        area = r.randint(2_000, 60_000)
        parts = [r.randint(1_000, 400_000) for _ in range(4)]  # hundredths of 万元
        self.assets = sum(parts)
        self.asset_rows = (
            ("资产总额", "", self.assets),
            ("1、房屋（平方米）", str(area), parts[0]),
            ("其中：办公用房（平方米）", str(area * 8 // 10), parts[0] * r.randint(60, 95) // 100),
            ("2、车辆（台、辆）", str(r.randint(1, 30)), parts[1]),
            ("3、单价在20万元以上的设备", str(r.randint(1, 10)), parts[2]),
            ("4、其他固定资产", str(r.randint(100, 3000)), parts[3]),
        )

    def assets_table(self) -> BudgetTable:
        value = "价值（金额单位：万元）"
        cols = self.columns(
            (
                ("项目", ColumnRole.NAME, None),
                ("数量", ColumnRole.VALUE, None),
                (value, ColumnRole.VALUE, None),
            ),
            numbered=False,
        )
        rows = [(None, None, n, None, {"数量": q, value: _fmt(v)}) for n, q, v in self.asset_rows]
        return self.table(
            "部门固定资产占用情况表",
            TableKind.FIXED_ASSETS,
            cols,
            rows,
            unit=MoneyUnit.WAN_YUAN,
            captions=(f"{self.unit_code}{self.unit_name}", f"截止时间：{self.year - 1}-12-31"),
        )

    # ---------------------------------------------------------------- prose
    def section(self, heading: str, *paragraphs: str) -> NarrativeSection:
        loc = self.at(2)
        self.line += len(paragraphs)
        return NarrativeSection(heading=heading, paragraphs=paragraphs, location=loc)

    def narrative_head(self) -> list[NarrativeSection]:
        r, u, y, m = self.rng, self.unit_name, self.year, self.m
        up = r.random() < 0.5
        change = self.draw(1.0, max(2.0, self.total / self.per_wan / 1000))
        last = self.total - change if up else self.total + change
        delta = abs(self.total - last)
        pct = (Decimal(delta) * 100 / Decimal(last)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        names = "、".join(dict.fromkeys(s.name for s in self.specs[:5]))
        classes = "，".join(
            f"{CODE_NAMES[c]}{m(v)}" for c, v in self.class_totals((0, 1, 2, 3)).items() if v
        )
        three_up = r.random() < 0.5
        return [
            self.section(
                f"第一部分{u}{y}年部门预算信息公开情况说明",
                f"{u}{y}年部门预算信息公开情况说明",
                f"根据《中华人民共和国预算法》《地方预决算公开操作规程》等有关规定，"
                f"现将{u}{y}年部门预算情况公开说明如下：",
            ),
            self.section(
                "一、部门职责及机构设置情况",
                "部门职责：",
                f"1、负责{self.specs[0].arch.theme}等工作。",
                "2、承办上级交办的其他事项。",
                "机构设置：",
                f"{u}为{self.nature}单位，无下属预算单位。",
            ),
            self.section(
                "二、部门预算安排的总体情况",
                f"按照综合预算的原则，{u}所有收入和支出均纳入部门预算管理。",
                "1、收入说明",
                f"{y}年预算收入{m(self.total)}，其中：一般公共预算拨款收入{m(self.general)}，"
                f"政府性基金预算拨款收入{m(self.fund)}，事业收入{m(self.other)}，"
                f"上年结转{m(0)}。",
                "2、支出说明",
                f"{y}年部门支出预算为{m(self.total)}，其中基本支出{m(self.basic_total)}，"
                f"包括人员经费{m(self.personnel)}和日常公用经费{m(self.operating)}；"
                f"项目支出{m(self.project_total)}，主要用于{names}等。"
                f"按支出功能分类，{classes}。",
                "3、比上年增减情况",
                f"{y}年部门预算收支安排{m(self.total)}，较{y - 1}年"
                f"{'增加' if up else '减少'}{m(delta)}，{'增长' if up else '下降'}{pct}%。"
                f"主要原因是{'新增项目支出' if up else '上年一次性项目本年不再安排'}。",
            ),
            self.section(
                "三、机关运行经费安排情况",
                f"{y}年，我部门机关运行经费安排{m(self.operating)}，主要用于办公费、印刷费、"
                f"邮电费、差旅费、维修（护）费、工会经费、福利费等保障机关正常运转的支出。",
            ),
            self.section(
                "四、财政拨款“三公”经费预算情况及增减变化原因",
                f"{y}年，我部门财政拨款“三公”经费预算安排{m(sum(self.three))}，其中："
                f"因公出国（境）费{m(self.three[0])}；公务用车购置及运维费"
                f"{m(self.three[1] + self.three[2])}（其中：公务用车购置费{m(self.three[1])}，"
                f"公务用车运行维护费{m(self.three[2])}）；公务接待费{m(self.three[3])}。"
                f"“三公”经费比上年{'增加' if three_up else '减少'}{m(self.draw(0.1, 3.0))}，"
                f"主要原因是{'公务用车服务保障任务增加' if three_up else '严格落实过紧日子要求'}。",
            ),
            self.section("五、预算绩效信息"),
        ]

    def goals(self) -> DepartmentGoals:
        loc = self.at(2)
        subs, seen = [], set()
        for project, spec in zip(self.clean, self.specs, strict=True):
            if spec.arch_no in seen or len(subs) >= 8:
                continue
            seen.add(spec.arch_no)
            shown = [i for i in project.indicators if i.target.kind.value == "quantitative"][:3]
            text = "，".join(f"{i.level3}{i.target.raw}" for i in shown)
            subs.append(
                SubGoal(
                    seq=str(len(subs) + 1),
                    title=spec.name,
                    goal=spec.arch.goals[0],
                    indicators_text=text + "。" if text else None,
                    location=self.at(3),
                )
            )
        overall = (
            f"{self.year}年，{self.unit_name}围绕部门职能，全面完成各项工作任务，"
            f"持续提升{self.specs[0].arch.theme}水平。"
        )
        return DepartmentGoals(
            overall_goal=overall, sub_goals=tuple(subs), safeguards=SAFEGUARDS, location=loc
        )

    def narrative_tail(self, part: str) -> NarrativeSection:
        m, u, y = self.m, self.unit_name, self.year
        if part == "procurement":
            goods, works, services = self.procured.values()
            text = (
                f"{y}年，{u}安排政府采购预算{m(self.procurement)}，其中：货物类{m(goods)}，"
                f"工程类{m(works)}，服务类{m(services)}。按规定预留面向中小企业采购的份额"
                f"{m(self.procurement)}，占政府采购预算的100%。具体内容见下表。"
            )
            if not self.procurement:
                text = f"{y}年，{u}无政府采购预算。"
            return self.section("六、政府采购预算情况", text)
        return self.section(
            "七、国有资产信息",
            f"{u}上年末固定资产金额为{_fmt(self.assets)}万元（详见下表）。本年度拟购置固定资产"
            f"总额为{m(self.procured['A'])}，已按要求列入政府采购预算，详见政府采购预算表。",
        )

    # ---------------------------------------------------------------- the document
    def build(self) -> Disclosure:
        """The document in print order: 情况说明 with the 机构 table, the budget tables,
        部门整体绩效目标, the project tables, then 政府采购, 国有资产, 名词解释."""
        self.plan_projects()
        self.compute()
        self.procure()
        self.draw_assets()
        self.line = 10
        head = self.narrative_head()
        organisation = self.organisation_table()
        tables = self.build_tables()
        performance = [self.section("第一部分部门整体绩效目标")]
        goals_line = self.line
        self.line += 10 + 30 * len(self.specs)  # room for the goals, built after the projects
        performance.append(self.section("第二部分预算项目绩效目标"))
        self.build_projects()
        end, self.line = self.line, goals_line
        goals = self.goals()
        self.line = end
        tail = [self.narrative_tail("procurement")]
        procurement = self.procurement_table()
        tail.append(self.narrative_tail("assets"))
        assets = self.assets_table()
        tail.append(self.section("八、名词解释", *GLOSSARY))
        tail.append(self.section("九、其他需要说明的事项", "本部门无其他需要说明的事项。"))
        disclosure = Disclosure(
            unit_code=self.unit_code,
            unit_name=self.unit_name,
            fiscal_year=self.year,
            fiscal_year_evidence=YearEvidence.PRINTED,
            money_unit=self.unit,
            source=Source(
                path=self.path,
                sha256=hashlib.sha256(self.path.encode()).hexdigest(),
                layout=Layout.WORD_EXPORT,
                encoding="utf-8",
                size_bytes=0,
            ),
            budget_tables=(organisation, *tables, procurement, assets),
            department_goals=goals,
            projects=tuple(self.projects),
            narrative=(*head, *performance, *tail),
        )
        return self.plant_document(disclosure)

    # ---------------------------------------------------------------- document plants
    def plant_document(self, doc: Disclosure) -> Disclosure:
        """Faults in the tables and the narrative: each budget table draws one at the
        fault rate; kinds rotate over the corpus and a document takes a kind once."""
        r = self.rng
        draws = sum(1 for _ in range(9) if r.random() < self.rate)
        kinds: list[str] = []

        def usable(kind: str) -> bool:
            return kind not in kinds and (
                kind != "narrative-procurement-figure" or self.procurement > 0
            )

        for _ in range(draws):
            kind = self.next_kind(DOCUMENT_KINDS, usable)
            if kind:
                kinds.append(kind)
        for kind in DOCUMENT_KINDS:  # removing a table first: the sums avoid what is gone
            if kind in kinds:
                doc = getattr(self, "plant_" + kind.split("-")[0])(doc, kind)
        return doc

    def plant_completeness(self, doc: Disclosure, kind: str) -> Disclosure:
        table = doc.table(self.rng.choice(_REMOVABLE))
        assert table is not None
        self.plants.append(
            Plant("completeness-missing-table", self.number, table=table.title, detail=table.title)
        )
        return replace(doc, budget_tables=tuple(t for t in doc.budget_tables if t is not table))

    def plant_arithmetic(self, doc: Disclosure, kind: str) -> Disclosure:
        r = self.rng
        table = r.choice([t for t in doc.budget_tables if t.kind in _TREE_TABLES])
        rows = list(table.rows)
        leaves = [i for i, row in enumerate(rows) if row.code and len(row.code) == 7]
        i = r.choice(leaves)
        row = rows[i]
        cell = row.values[0]  # 合计
        assert cell.column == "合计" and cell.value is not None
        delta = r.randint(100, 5_000) * self.per_wan  # 1–50万元: far beyond rounding
        raw = _fmt(int(cell.value * 100) + delta)
        rows[i] = replace(row, values=(_cell("合计", raw), *row.values[1:]))
        code = row.code or ""
        self.plants.append(
            Plant(
                "arithmetic-leaf",
                self.number,
                table=table.title,
                codes=(code, code[:5], code[:3]),
                detail=f"{code} 合计 {cell.raw} → {raw}",
            )
        )
        new = replace(table, rows=tuple(rows))
        return replace(
            doc, budget_tables=tuple(new if t is table else t for t in doc.budget_tables)
        )

    def plant_narrative(self, doc: Disclosure, kind: str) -> Disclosure:
        """A figure of the prose changed by 1–50万元 (far beyond rounding): 基本支出,
        项目支出, 三公 or 上年末固定资产 (``narrative-figure``), or the 政府采购 total
        (``narrative-procurement-figure``). 机关运行经费 is left alone: it is no table
        figure (it only *usually* equals 公用经费) and has a rule of its own."""
        r = self.rng
        delta = r.randint(100, 5_000)  # 0.01万元
        present = {t.kind for t in doc.budget_tables}  # a removed table has no figure to differ
        choices = [
            (
                "二、部门预算安排的总体情况",
                "其中基本支出",
                self.m(self.basic_total),
                self.m(self.basic_total + delta * self.per_wan),
            ),
            (
                "二、部门预算安排的总体情况",
                "项目支出",
                self.m(self.project_total),
                self.m(self.project_total + delta * self.per_wan),
            ),
            (
                "七、国有资产信息",
                "固定资产金额为",
                f"{_fmt(self.assets)}万元",
                f"{_fmt(self.assets + delta)}万元",
            ),
        ]
        if TableKind.EXPENDITURE_SUMMARY not in present:
            choices = choices[2:]
        if sum(self.three) and TableKind.THREE_PUBLIC_EXPENSES in present:
            choices.append(
                (
                    "四、财政拨款“三公”经费预算情况及增减变化原因",
                    "经费预算安排",
                    self.m(sum(self.three)),
                    self.m(sum(self.three) + delta * self.per_wan),
                )
            )
        if kind == "narrative-procurement-figure":
            choices = [
                (
                    "六、政府采购预算情况",
                    "政府采购预算",
                    self.m(self.procurement),
                    self.m(self.procurement + delta * self.per_wan),
                )
            ]
        heading, words, before, after = r.choice(choices)
        old, new = words + before, words + after
        sections = list(doc.narrative)
        for k, section in enumerate(sections):
            if section.heading == heading:
                paragraphs = tuple(p.replace(old, new, 1) for p in section.paragraphs)
                assert paragraphs != section.paragraphs, (old, section.paragraphs)
                sections[k] = replace(section, paragraphs=paragraphs)
                assert section.location is not None
                self.plants.append(
                    Plant(kind, self.number, line=section.location.line, detail=f"{old} → {new}")
                )
        return replace(doc, narrative=tuple(sections))


def generate_corpus(
    projects: int = TARGET_PROJECTS, *, seed: int = 1, fault_rate: float = 0.02
) -> Corpus:
    """Documents holding ``projects`` projects in all (5–30 a document), deterministic in
    ``seed``; faults planted at ``fault_rate`` (0 for a clean corpus)."""
    start = time.perf_counter()
    rng = random.Random(seed)
    cycle: Counter = Counter()
    documents: list[Disclosure] = []
    plants: list[Plant] = []
    left = projects
    while left > 0:
        n = min(left, rng.randint(5, 30))
        if 0 < left - n < 5:  # no document of fewer than 5 projects at the end
            n = left - 5 if left - 5 >= 5 else left
        builder = _Doc(rng, len(documents), n, fault_rate, cycle)
        documents.append(builder.build())
        plants += builder.plants
        left -= n
    return Corpus(documents, plants, time.perf_counter() - start)


# ================================================================== reviewing


def _review():
    from jixiao.review import review  # imported late: the families register on import

    return review


def rules_for(kind: str) -> tuple[str, ...]:
    """The registered rules of ``kind`` (none while its family has not landed)."""
    from jixiao.review import RULES

    return tuple(rule_id for rule_id in PLANT_RULES[kind] if rule_id in RULES)


def found(plant: Plant, findings: list[Finding], rules: tuple[str, ...]) -> bool:
    """True when one of ``findings`` is a finding of ``rules`` at the plant's place."""
    for f in findings:
        if f.rule not in rules:
            continue
        if plant.project_seq is not None:
            if f.project_seq == plant.project_seq and (
                plant.indicator_index is None or f.indicator_index == plant.indicator_index
            ):
                return True
        elif plant.codes:
            table = f.location.table if f.location else None
            if f.code in plant.codes or (f.code is None and table == plant.table):
                return True
        elif plant.line is not None:
            if f.location is not None and f.location.line == plant.line:
                return True
        elif plant.table is not None:  # a missing table: its standard name is in the title
            table = f.location.table if f.location else None
            if f.project_seq is None and table and table in plant.table:
                return True
    return False


@dataclass
class KindResult:
    kind: str
    rules: tuple[str, ...]
    planted: int = 0
    found: int = 0
    missed: list[Plant] = field(default_factory=list)

    @property
    def status(self) -> str:
        if not self.rules:
            return "no rule yet"
        return "ok" if self.found == self.planted else "MISSED"


def check_plants(corpus: Corpus, findings: list[list[Finding]]) -> list[KindResult]:
    """Per plant kind: how many were planted and how many found (``findings[i]`` are the
    findings of ``corpus.documents[i]``)."""
    results = {kind: KindResult(kind, rules_for(kind)) for kind in PLANT_RULES}
    for plant in corpus.plants:
        result = results[plant.kind]
        result.planted += 1
        if result.rules and found(plant, findings[plant.document], result.rules):
            result.found += 1
        elif result.rules:
            result.missed.append(plant)
    return list(results.values())


def time_review(documents: list[Disclosure], select: tuple[str, ...] = ()):
    """Seconds to review every document, and the findings of each."""
    review = _review()
    findings = []
    start = time.perf_counter()
    for doc in documents:
        findings.append(review(doc, select=select).findings)
    return time.perf_counter() - start, findings


def family_times(documents: list[Disclosure]) -> list[tuple[str, int, float]]:
    """(family, rules, seconds) for every family with rules, reviewed alone."""
    from jixiao.review import FAMILIES, RULES

    out = []
    for family in FAMILIES:
        count = sum(1 for r in RULES if r.family == family)
        if count:
            seconds, _ = time_review(documents, (family,))
            out.append((family, count, seconds))
    return out


def profile_review(documents: list[Disclosure], top: int = 30) -> str:
    """cProfile of one review pass: the top functions by cumulative time."""
    review = _review()
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in documents:
        review(doc)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# ================================================================== reporting


def machine_info() -> dict[str, str]:
    processor = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                processor = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "processor": processor or platform.processor() or platform.machine() or "unknown",
        "cpu_count": str(os.cpu_count()),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
    }


def run(
    projects: int, seed: int, fault_rate: float, *, families: bool = True, profile: bool = False
) -> dict:
    """Generate, review, check the plants; everything the report prints, as a dict."""
    from jixiao.review import RULES

    corpus = generate_corpus(projects, seed=seed, fault_rate=fault_rate)
    _review()(corpus.documents[0])  # warm-up: imports, compiled patterns, caches
    seconds, findings = time_review(corpus.documents)
    kinds = check_plants(corpus, findings)
    by_severity = Counter(f.severity.value for fs in findings for f in fs)
    by_rule = Counter((f.rule, f.severity.value) for fs in findings for f in fs)
    scaled = seconds * TARGET_PROJECTS / corpus.projects
    report = {
        "machine": machine_info(),
        "options": {"projects": projects, "seed": seed, "fault_rate": fault_rate},
        "corpus": {
            "documents": len(corpus.documents),
            "projects": corpus.projects,
            "indicators": corpus.indicators,
            "plants": len(corpus.plants),
            "generation_seconds": round(corpus.seconds, 3),
        },
        "rules": len(RULES),
        "review": {
            "seconds": round(seconds, 3),
            "projects_per_s": round(corpus.projects / seconds, 1),
            "indicators_per_s": round(corpus.indicators / seconds, 1),
            "seconds_per_10000_projects": round(scaled, 3),
            "target_seconds": TARGET_SECONDS,
            "met": scaled <= TARGET_SECONDS,
        },
        "findings": {
            "by_severity": dict(by_severity),
            "by_rule": [
                {"rule": r, "severity": s, "count": n} for (r, s), n in by_rule.most_common()
            ],
        },
        "plants": [
            {
                "kind": k.kind,
                "rules": list(k.rules),
                "planted": k.planted,
                "found": k.found,
                "status": k.status,
                "missed": [vars(p) for p in k.missed[:20]],
            }
            for k in kinds
        ],
    }
    if families:
        rows = family_times(corpus.documents)
        total = sum(s for _, _, s in rows) or 1.0
        report["families"] = [
            {
                "family": f,
                "rules": n,
                "seconds": round(s, 3),
                "share": round(s / total, 3),
                "us_per_indicator": round(s / corpus.indicators * 1e6, 2),
            }
            for f, n, s in rows
        ]
    if profile:
        report["profile"] = profile_review(corpus.documents)
    return report


def print_report(report: dict) -> None:
    m, c, r = report["machine"], report["corpus"], report["review"]
    print(f"machine: {m['processor']}, {m['cpu_count']} CPUs, {m['python']}")
    print(
        f"corpus: {c['documents']} documents, {c['projects']} projects, {c['indicators']} "
        f"indicators, {c['plants']} plants (generated in {c['generation_seconds']:.2f} s, "
        f"not counted)"
    )
    verdict = "met" if r["met"] else "MISSED"
    print(
        f"review, all {report['rules']} rules: {r['seconds']:.2f} s — "
        f"{r['projects_per_s']:,.0f} projects/s, {r['indicators_per_s']:,.0f} indicators/s; "
        f"{r['seconds_per_10000_projects']:.2f} s per 10,000 projects "
        f"(target ≤ {r['target_seconds']:.0f} s: {verdict})"
    )
    sev = report["findings"]["by_severity"]
    print("findings: " + ", ".join(f"{k} {sev.get(k, 0)}" for k in ("error", "warning", "info")))
    print()
    print(f"{'plant kind':32} {'planted':>7} {'found':>6}  rules / status")
    for k in report["plants"]:
        rules = ", ".join(k["rules"]) or "—"
        print(
            f"{k['kind']:32} {k['planted']:>7} {k['found'] if k['rules'] else '—':>6}  "
            f"{rules} [{k['status']}]"
        )
        for plant in k["missed"][:3]:
            print(f"    missed: {plant}")
    if "families" in report:
        print()
        print(
            f"{'family (select=[family])':26} {'rules':>5} {'seconds':>8} {'share':>6} "
            f"{'µs/indicator':>12}"
        )
        for f in report["families"]:
            print(
                f"{f['family']:26} {f['rules']:>5} {f['seconds']:>8.2f} {f['share']:>6.0%} "
                f"{f['us_per_indicator']:>12.2f}"
            )
    if "profile" in report:
        print()
        print(report["profile"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=TARGET_PROJECTS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--fault-rate",
        type=float,
        default=0.02,
        help="share of projects and of budget tables given a fault",
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when over the time target or a plant is not found",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print the top functions by cumulative time (cProfile)",
    )
    parser.add_argument(
        "--no-families", action="store_true", help="skip the per-family second pass"
    )
    args = parser.parse_args(argv)
    if args.projects < 1 or not 0 <= args.fault_rate <= 1:
        parser.error("--projects must be ≥ 1 and --fault-rate within 0–1")
    report = run(
        args.projects,
        args.seed,
        args.fault_rate,
        families=not args.no_families,
        profile=args.profile,
    )
    print_report(report)
    if args.json:
        args.json.write_text(
            json.dumps(
                {k: v for k, v in report.items() if k != "profile"}, ensure_ascii=False, indent=2
            )
            + "\n",
            encoding="utf-8",
        )
    missed = [k["kind"] for k in report["plants"] if k["status"] == "MISSED"]
    if args.check and (missed or not report["review"]["met"]):
        if missed:
            print(f"check failed: plants not found: {', '.join(missed)}", file=sys.stderr)
        if not report["review"]["met"]:
            print("check failed: over the time target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
