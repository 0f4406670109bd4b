"""The relevance rules (相关性, family ``relevance``): indicators from another sector's
template or from another project of the same document, and silence on everything
ordinary; plus the seeds' findings as a person checked them."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_build import (
    STANDARD_ROWS,
    department_goals,
    disclosure,
    ids_at,
    indicator,
    indicators,
    project,
)
from review_expected_relevance import EXPECTED

from jixiao.ingest import read_disclosure
from jixiao.model import Severity
from jixiao.review import INTERNAL_ERROR, RULES, review
from jixiao.review.lexicon import TOPICS, deals_with, markers_in, names

DEMO = Path(__file__).parent.parent / "examples" / "demo-999001-2025.txt"


def rows(*extra: tuple[str, str, str, str, str | None]):
    """The standard sound rows, then ``extra`` rows ``(level1, level2, name, target,
    description)``, indexed from 1."""
    built = list(indicators(*STANDARD_ROWS))
    for l1, l2, name, target, description in extra:
        built.append(
            indicator(
                name, target, level1=l1, level2=l2, description=description, index=len(built) + 1
            )
        )
    return built


SATISFACTION = "满意度指标", "服务对象满意度指标"


def vehicles(seq: int = 1, *extra) -> object:
    return project(
        seq,
        "公务用车制度改革费",
        purpose="用于全区公务用车GPS定位设备租赁费及车辆喷涂的维修维护。",
        goals=("1、建设节约型、廉洁型机关。", "2、车辆管理规范透明。"),
        indicators_=rows(*extra),
    )


def found(*projects, select=("relevance",), **kwargs) -> list[tuple]:
    doc = disclosure(projects=projects, **kwargs)
    return ids_at(review(doc, select=list(select)).findings)


# ---------------------------------------------------------------- the lexicon


def test_lexicon__markers_and_context():
    assert [TOPICS[t].label for t, _ in markers_in("参培住院医师满意度")] == ["医疗卫生"]
    assert markers_in("受益群体满意度") == ()
    assert markers_in(None) == ()
    health = next(i for i, t in enumerate(TOPICS) if t.key == "health")
    assert deals_with(health, "县人民医院") and not deals_with(health, "机关事务中心")
    assert names(health, "患者满意度") and not names(health, "医疗保险缴费")


def test_lexicon__words_that_only_look_like_markers():
    assert markers_in("促进科学生态发展") == ()  # 科学生态, not 学生
    assert markers_in("招商银行代发工资") == ()
    assert markers_in("接待室保洁次数") == ()
    assert markers_in("公用车位数量") == ()
    assert markers_in("国家长期规划") == ()


def test_lexicon__every_term_is_unique_within_its_topic_and_markers_are_words():
    for topic in TOPICS:
        assert len(set(topic.markers)) == len(topic.markers), topic.key
        assert all(len(term) >= 2 for term in topic.markers), topic.key


# ---------------------------------------------------------------- indicator-other-sector


def test_indicator_other_sector__hospital_template_in_a_vehicle_project():
    # Seed 002, 公务用车制度改革费: 参培住院医师满意度.
    doc = vehicles(1, (*SATISFACTION, "参培住院医师满意度", "≥80%", "各部门对公务用车管理满意度。"))
    findings = review(disclosure(projects=[doc]), select=["relevance"]).findings
    assert ids_at(findings) == [("indicator-other-sector", 1, 7)]
    assert findings[0].severity is Severity.WARNING
    assert findings[0].message == (
        "指标「参培住院医师满意度」涉及医疗卫生（“住院”），而项目「公务用车制度改革费」的名称、"
        "用途、目标及单位「示范县机关事务服务中心」均不涉及医疗卫生，可能套用了其他行业的指标模板"
    )
    assert findings[0].quote == "参培住院医师满意度"


def test_indicator_other_sector__school_and_farm_terms_in_an_office_project():
    doc = project(
        indicators_=rows(
            ("产出指标", "数量指标", "资助学生人数", "≥100人", None),
            ("效益指标", "生态效益指标", "耕地保护面积", "≥500亩", None),
        )
    )
    assert found(doc) == [("indicator-other-sector", 1, 7), ("indicator-other-sector", 1, 8)]


def test_indicator_other_sector__copied_rows_do_not_vouch_for_each_other():
    # Two rows of the same hospital template: both are reported.
    doc = vehicles(
        1,
        (*SATISFACTION, "患者满意度", "≥90%", None),
        ("产出指标", "质量指标", "患者治愈率", "≥90%", None),
    )
    assert found(doc) == [("indicator-other-sector", 1, 7), ("indicator-other-sector", 1, 8)]


def test_indicator_other_sector__term_in_the_description_only():
    doc = vehicles(1, ("产出指标", "数量指标", "服务人次", "≥100人次", "门诊接诊患者人次"))
    [finding] = review(disclosure(projects=[doc]), select=["relevance"]).findings
    assert finding.rule == "indicator-other-sector"
    assert finding.quote == "门诊接诊患者人次"


def test_indicator_other_sector__silent_when_the_project_is_about_the_sector():
    doc = project(
        name="住院医师规范化培训补助",
        purpose="用于参培住院医师生活补助。",
        indicators_=rows((*SATISFACTION, "参培住院医师满意度", "≥90%", None)),
    )
    assert found(doc) == []


def test_indicator_other_sector__silent_when_the_unit_is_of_the_sector():
    doc = vehicles(1, (*SATISFACTION, "患者满意度", "≥90%", None))
    assert found(doc, unit_name="示范县人民医院") == []


def test_indicator_other_sector__silent_when_the_department_goal_for_it_says_so():
    # A 分项绩效目标 whose title shares a word with the project's name counts as context.
    doc = vehicles(1, (*SATISFACTION, "患者满意度", "≥90%", None))
    goals = department_goals("保障机关正常运转。", ("公务用车改革", "保障急救转运患者用车。", None))
    assert found(doc, goals=goals) == []
    unrelated = department_goals("保障机关正常运转。", ("机关食堂管理", "保障患者营养餐。", None))
    assert found(doc, goals=unrelated) == [("indicator-other-sector", 1, 7)]


def test_indicator_other_sector__generic_indicators_are_never_reported():
    generic = [
        (*SATISFACTION, name, "≥90%", "调查中满意和较满意的人数占全部调查人数的比率")
        for name in ("服务对象满意度", "受益群体满意度", "干部职工满意度", "满意率")
    ] + [
        ("产出指标", "质量指标", name, "100%", None)
        for name in ("工作任务完成率", "资金到位率", "验收合格率", "正常运转率", "工作效率")
    ]
    doc = project(indicators_=rows(*generic))
    assert found(doc) == []


# ---------------------------------------------------------------- indicator-other-project


def test_indicator_other_project__vehicle_row_in_a_canteen_project():
    canteen = project(
        1,
        "职工食堂运行经费",
        purpose="用于职工食堂食材采购和运行。",
        goals=("1.保障职工就餐。",),
        indicators_=rows(("产出指标", "数量指标", "公务用车保障次数", "≥100次", None)),
    )
    findings = review(disclosure(projects=[canteen, vehicles(2)]), select=["relevance"]).findings
    assert ids_at(findings) == [("indicator-other-project", 1, 7)]
    assert findings[0].message == (
        "指标「公务用车保障次数」涉及“公务用车”（公务用车），本项目的名称、用途和目标均未涉及，"
        "而本文件项目2「公务用车制度改革费」涉及此内容，指标可能套用了其他项目"
    )


def test_indicator_other_project__activity_survey_in_a_utilities_project():
    # Seed 001: 活动参与者满意度 in 水电暖 while only the 节能 project holds activities.
    utilities = project(
        1,
        "机关集中办公区水电暖费用项目",
        purpose=None,
        goals=("1.保障机关集中办公区自来水供应",),
        indicators_=rows((*SATISFACTION, "活动参与者满意度", "≥95%", None)),
    )
    energy = project(
        2,
        "节能办节能运转费",
        purpose=None,
        goals=("1.加强日常节能宣传，重点办好节能宣传周活动",),
        indicators_=rows((*SATISFACTION, "活动参与者满意度", "≥95%", None)),
    )
    assert found(utilities, energy) == [("indicator-other-project", 1, 7)]


def test_indicator_other_project__silent_without_a_project_about_it():
    # An in-unit subject (公务接待) no project is about: nothing says it is wrong.
    doc = project(indicators_=rows(("产出指标", "数量指标", "公务接待批次", "≥50批", None)))
    assert found(doc, project(2, "物业管理费")) == []


def test_indicator_other_project__silent_when_a_sibling_indicator_shares_the_subject():
    canteen = project(
        1,
        "后勤保障经费",
        purpose=None,
        goals=("1.做好本职工作。",),
        indicators_=rows(
            ("产出指标", "数量指标", "保障食品供应月数", "12月", "每年大小餐厅食品供应月数"),
            ("效益指标", "社会效益指标", "保障职工用餐安全", "100%", None),
        ),
    )
    other = project(2, "职工食堂改造", purpose="用于职工食堂改造。")
    assert found(canteen, other) == []


def test_indicator_other_project__a_broad_neighbour_is_no_source():
    # Seed 001: 群众财产保障度 in 劳务费; the 消防 project deals with safety broadly but
    # never names 群众财产, so the row is reported as another sector's, not as copied.
    wages = project(
        1,
        "劳务费",
        purpose=None,
        goals=("1.确保部门工作正常开展",),
        indicators_=rows(("效益指标", "社会效益指标", "群众财产保障度", "明显提高", None)),
    )
    fire = project(2, "集中办公区消防项目", purpose=None, goals=("1.在突发火灾的情况下及时处理",))
    assert found(wages, fire) == [("indicator-other-sector", 1, 7)]


def test_indicator_other_project__sector_subject_with_a_source():
    reception = project(
        1,
        "接待管理经费",
        purpose="负责上级部门下达的公务接待工作。",
        indicators_=rows(
            ("效益指标", "经济效益指标", "资金增长率", "≥5%", "接待活动签约资金增长率")
        ),
    )
    investment = project(
        2,
        "综合服务管理经费",
        purpose="主要负责招商引资、外出考察的组织协调。",
        indicators_=rows(("效益指标", "经济效益指标", "签约项目资金增长率", "≥5%", None)),
    )
    assert found(reception, investment) == [("indicator-other-project", 1, 7)]
    # Seed 004 sets this figure for its 接待 work in the department goals: deliberate.
    goals = department_goals(
        "做好接待服务。", ("接待管理活动", "", "接待活动签约项目金额增长10%以上。")
    )
    assert found(reception, investment, goals=goals) == []


def test_indicator_other_project__cultivated_land_in_land_administration_projects():
    # Nanjiang 自然资源和规划局 2025: 耕地 rows in its 卫片执法 (土地违法), 田长制 (巡田)
    # and 增减挂钩 projects are its duty, not copied from the 国土变更调查 project.
    survey = project(
        36,
        "南江县国土变更调查及动态监测项目",
        purpose=None,
        goals=("更新国土调查数据库，并做好耕地资源分区分类评价更新工作。",),
        indicators_=rows(("产出指标", "数量指标", "耕地资源评价图斑", "≥100个", None)),
    )
    fields = project(
        38,
        "“田长制”工作经费",
        purpose=None,
        goals=("开展2025年巡田工作支出",),
        indicators_=rows(("效益指标", "可持续影响指标", "树立保护耕地的意识", "提高", None)),
    )
    office = project(
        1,
        "办公设备购置项目",
        purpose=None,
        goals=("保障办公设备正常运转。",),
        indicators_=rows(("效益指标", "社会效益指标", "全面加强耕地保护工作", "好", None)),
    )
    assert found(survey, fields, office) == [("indicator-other-project", 1, 7)]
    # In a land administration unit every project may speak of 耕地.
    assert found(survey, fields, office, unit_name="南江县自然资源和规划局") == []


# ---------------------------------------------------------------- bad input


def test_relevance__never_crashes_on_odd_projects():
    odd_rows = [
        indicator("", "", description=None, index=1),
        indicator("患者满意度", "≥90%", description="", index=2),
        indicator("学生人数", "abc", description=None, index=3),
    ]
    odd = [
        project(1, "", purpose=None, goals=(), indicators_=odd_rows),
        project(2, "公务用车", purpose="", goals=("",), indicators_=[]),
    ]
    doc = disclosure(projects=odd, unit_name="", goals=department_goals("", ("", "", None)))
    findings = review(doc, select=["relevance"]).findings
    assert INTERNAL_ERROR not in [f.rule for f in findings]
    assert ids_at(findings) == [("indicator-other-sector", 1, 2), ("indicator-other-sector", 1, 3)]
    assert review(disclosure(), select=["relevance"]).findings == ()


def test_relevance__every_rule_has_a_docstring_and_an_example_message():
    rules = [r for r in RULES if r.family == "relevance"]
    assert {r.id for r in rules} == {"indicator-other-sector", "indicator-other-project"}
    for r in rules:
        assert r.doc, r.id
        assert r.render(r.example)


# ---------------------------------------------------------------- seeds


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_relevance__seed_findings_are_the_checked_ones(seed_path, key):
    result = review(read_disclosure(seed_path(key)), select=["relevance"])
    assert ids_at(result.findings) == EXPECTED[key]


def test_relevance__demo_findings_are_the_checked_ones():
    result = review(read_disclosure(DEMO), select=["relevance"])
    assert ids_at(result.findings) == EXPECTED["demo"]
