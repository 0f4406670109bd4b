"""A small vocabulary of subjects: which words say an indicator is about what.

Used by :mod:`jixiao.review.relevance` to tell when an indicator's subject matter
belongs to another sector (a 住院医师 in a 公务用车 project) or to another project
of the same document (an 招商签约 figure in a 公务接待 project).

Each :class:`Topic` has *markers* — terms distinctive enough that an indicator
naming one is about the topic (``住院``, ``耕地``, ``活动参与者``) — and *context*
terms, which show that a project, or the unit, deals with the topic at all
(``医``, ``卫生健康``, ``宣传周``). Markers are always context too. Context terms
are broad on purpose: a broad context can only make the relevance rules quieter.

A topic is a ``sector`` when it lies outside a unit's own running (医疗, 教育,
农业 …): an indicator about it needs the project or the unit to be about it. The
other topics are subjects within any unit's own running (公务用车, 食堂, 会议 …):
they are flagged only when another project of the same document is about them.

Terms are plain strings (context terms may be one character), matched by one
regular expression per vocabulary written as a trie, compiled at import. Every
term was checked against the five seed documents and the demo: none of their
ordinary indicators is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True, kw_only=True)
class Topic:
    """A subject an indicator can be about.

    ``label`` is the Chinese name used in messages; ``sector`` is True for a
    sector outside the unit's own running; ``markers`` name the topic in an
    indicator; ``context`` (with the markers) show a project or unit deals with it.
    """

    key: str
    label: str
    sector: bool
    markers: tuple[str, ...]
    context: tuple[str, ...] = ()


TOPICS: tuple[Topic, ...] = (
    # --- sectors outside a unit's own running -------------------------------------
    # Left out on purpose, each for a real use inside a 机关: 诊断 (故障诊断), 公共卫生
    # (公共卫生间), 疫情 (offices' 疫情防控), 种植/农药/化肥 (绿化养护), 水资源 (节约水资源),
    # 防洪 (院内排水), 空气质量 (室内空气检测), 排污/危险废物 (管网, 公共机构废弃物),
    # 残疾人 (残疾人就业保障金 every employer pays), 生命财产 (any safety row), 旅客
    # (招待所), 培训 and 会议 (every project holds some).
    Topic(
        key="health",
        label="医疗卫生",
        sector=True,
        markers=(
            "患者", "病人", "病患", "住院", "门诊", "诊疗", "医师", "医生", "护士", "医护",
            "病床", "床位使用", "医院", "疾病", "疫苗", "接种", "处方", "手术", "传染病",
            "孕产妇", "新生儿", "规培", "救治", "慢性病", "医疗服务", "医疗机构", "医疗卫生",
            "疾控",
        ),
        context=(
            "医", "卫生健康", "卫健", "卫生院", "卫生室", "卫生服务", "健康", "疾", "疫",
            "病", "药", "诊", "护理", "隔离", "妇幼", "计生",
        ),
    ),
    Topic(
        key="education",
        label="教育",
        sector=True,
        markers=(
            "学生", "在校生", "教师", "教学", "课堂", "课程", "学校", "校园", "招生", "毕业生",
            "升学", "辍学", "幼儿", "学前教育", "义务教育", "生均公用", "学籍", "班主任",
            "家长",
        ),
        context=(
            "教育", "学校", "学院", "大学", "中学", "小学", "幼儿园", "校", "教学", "教师",
            "学生", "课程", "招生", "师资", "职教",
        ),
    ),
    Topic(
        key="agriculture",
        label="农业农村",
        sector=True,
        markers=(
            "耕地", "农田", "粮食产量", "亩产", "农作物", "农机", "畜禽", "生猪", "养殖",
            "农户", "农民", "合作社", "秸秆", "良种", "动物防疫", "粮食生产", "农产品",
        ),
        context=(
            "农", "粮", "畜", "牧", "渔", "林", "种植", "养殖", "乡村振兴", "秸秆", "耕地",
            "扶贫", "脱贫",
            # 耕地保护 is a duty of land administration (自然资源, 国土, 土地 projects,
            # the 田长制 and its 巡田): Nanjiang 自然资源和规划局 2025.
            "土地", "国土", "自然资源", "田长", "巡田",
        ),
    ),
    Topic(
        key="water",
        label="水利",
        sector=True,
        markers=(
            "河道", "河湖", "河长", "水库", "堤防", "堤坝", "灌区", "水土保持", "水土流失",
            "流域", "取水许可", "节水灌溉", "农村饮水", "水文",
        ),
        context=(
            "水利", "河道", "河湖", "河流", "河长", "河渠", "湖泊", "水库", "堤", "灌",
            "防洪", "防汛", "汛", "水资源", "水土", "流域", "排涝", "饮水", "水务",
        ),
    ),
    Topic(
        key="environment",
        label="生态环境",
        sector=True,
        markers=(
            "空气质量优良", "优良天数", "PM2.5", "PM10", "污染物排放", "土壤污染", "水质达标",
            "森林覆盖率", "造林", "碳汇", "环境执法",
        ),
        context=(
            "环境", "环保", "生态", "污染", "大气", "水质", "林", "绿化", "排污", "污水",
            "减排", "碳",
        ),
    ),
    Topic(
        key="civil",
        label="民政社会救助",
        sector=True,
        markers=(
            "低保", "特困", "救助对象", "困难群众", "养老院", "敬老院", "孤儿", "优抚对象",
            "殡葬", "婚姻登记", "留守儿童", "流浪乞讨",
        ),
        context=(
            "民政", "救助", "低保", "特困", "养老", "残疾", "残联", "优抚", "退役", "殡葬",
            "福利", "慈善", "困难", "儿童", "老年",
        ),
    ),
    Topic(
        key="security",
        label="公共安全与政法",
        sector=True,
        markers=(
            "群众财产", "治安案件", "刑事", "案件", "破案", "发案", "犯罪", "警情", "出警",
            "罪犯", "服刑", "戒毒", "社区矫正", "诉讼", "审判", "涉案",
        ),
        context=(
            "公安", "治安", "警", "派出所", "司法", "法院", "检察", "政法", "安保", "保安",
            "安全保卫", "消防", "火灾", "应急", "防灾", "减灾", "安全生产", "监控", "信访",
            "纪检", "监察", "法律", "案件",
        ),
    ),
    Topic(
        key="transport",
        label="交通运输",
        sector=True,
        markers=(
            "公路", "道路里程", "客运", "货运", "公交", "航道", "港口", "乘客", "车流量",
            "路网",
        ),
        context=("交通", "公路", "道路", "运输", "客运", "货运", "公交", "港", "航"),
    ),
    Topic(
        key="culture",
        label="文化旅游体育",
        sector=True,
        markers=(
            "游客", "景区", "文物", "非遗", "图书馆", "博物馆", "演出场次", "观众", "运动员",
            "赛事", "全民健身", "体育场", "旅游收入",
        ),
        context=(
            "文化", "旅游", "文旅", "景区", "风景", "夜景", "文物", "博物", "图书", "体育",
            "剧院", "演出", "艺术", "健身", "赛", "文体", "运动会",
        ),
    ),
    Topic(
        key="housing",
        label="住房城建",
        sector=True,
        markers=("棚户区", "保障性住房", "公租房", "老旧小区", "农村危房", "棚改"),
        context=("住房", "住建", "城建", "房", "小区", "棚改", "城市", "市政"),
    ),
    Topic(
        key="commerce",
        label="招商引资",
        sector=True,
        markers=(
            "招商", "引资", "签约项目", "签约资金", "签约额", "签约金额", "外资", "进出口",
            "外贸", "落地项目",
        ),
        context=("商务", "经贸", "投资", "经济合作", "开发区", "签约"),
    ),
    # --- subjects within any unit's own running (flagged only with a source) -------
    Topic(
        key="vehicles",
        label="公务用车",
        sector=False,
        markers=("公务用车", "公车", "用车", "派车", "出车次数", "出车服务"),
        context=("车",),
    ),
    Topic(
        key="canteen",
        label="食堂餐饮",
        sector=False,
        markers=("食堂", "餐厅", "就餐", "用餐", "餐饮", "伙食", "饭菜", "膳食"),
        # A reception (招待所, 公务接待) serves meals too.
        context=("食", "餐", "饭", "厨", "接待", "招待"),
    ),
    Topic(
        key="events",
        label="活动",
        sector=False,
        markers=("活动参与者", "活动参与", "参加活动", "参与活动", "活动场次"),
        context=(
            "宣传周", "活动周", "宣传活动", "主题活动", "文体活动", "文化活动", "体育活动",
            "庆祝活动", "纪念活动", "志愿活动", "公益活动", "竞赛活动", "创建活动",
            "实践活动", "培训活动", "教育活动", "开展活动", "组织活动", "举办活动",
            "系列活动", "比赛", "竞赛", "演出", "赛事",
        ),
    ),
    Topic(
        key="reception",
        label="公务接待",
        sector=False,
        markers=("公务接待", "接待", "招待"),
        context=("来访", "考察", "客人"),
    ),
)  # fmt: skip
"""The topics, sectors first."""

NOT_TERMS: tuple[str, ...] = (
    "科学",  # 科学生态 is not 学生
    "国家长",  # 国家长期规划 is not 家长
    "专家长",
    "招商银行",  # a bank, not 招商引资
    "公用车位",  # parking, not 公务用车
    "接待室",  # a room any building has
    "接待大厅",
    "接待窗口",
)  # fmt: skip
"""Words that contain or straddle a marker and mean something else: the scanner
reads them as words of their own, so the marker inside is not seen."""


def _trie_pattern(terms: Iterable[str]) -> str:
    """One regular expression matching any of ``terms``, longest first, written as a
    trie (``住(?:院|房)``) so that the engine tests each position against one set of
    first characters instead of trying every term in turn."""
    trie: dict[str, dict] = {}
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a term ends here: the longer ones are optional
            return f"(?:{body})?"
        return body

    return build(trie)


def _vocabulary(
    pairs: Iterable[tuple[str, int]],
) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """The pattern finding the terms of ``pairs`` and each term's topics."""
    topics: dict[str, tuple[int, ...]] = {}
    for term, topic in pairs:
        if not term:
            raise ValueError("empty lexicon term")
        if topic not in topics.get(term, ()):
            topics[term] = (*topics.get(term, ()), topic)
    return re.compile(_trie_pattern(topics)), topics


_MARKERS, _MARKER_TOPICS = _vocabulary(
    [
        *((term, i) for i, topic in enumerate(TOPICS) for term in topic.markers),
        *((term, -1) for term in NOT_TERMS),  # -1: a word of no topic
    ]
)
_TOPIC_CONTEXT = tuple(
    re.compile(_trie_pattern((*topic.markers, *topic.context))) for topic in TOPICS
)


@lru_cache(maxsize=65536)  # indicator names and descriptions recur across projects
def markers_in(text: str | None) -> tuple[tuple[int, str], ...]:
    """The topics ``text`` names by a marker: ``(index into TOPICS, term)`` pairs in
    text order, each topic once (``"参培住院医师满意度"`` → 医疗卫生 by ``住院``)."""
    if not text:
        return ()
    found: list[tuple[int, str]] = []
    seen: set[int] = set()
    for term in _MARKERS.findall(text):
        for topic in _MARKER_TOPICS[term]:
            if topic >= 0 and topic not in seen:
                seen.add(topic)
                found.append((topic, term))
    return tuple(found)


def names(topic: int, text: str | None) -> bool:
    """Whether ``text`` names ``TOPICS[topic]`` by one of its markers."""
    return any(t == topic for t, _ in markers_in(text))


@lru_cache(maxsize=65536)
def deals_with(topic: int, text: str | None) -> bool:
    """Whether ``text`` deals with ``TOPICS[topic]``: any of its markers or context
    terms, including single characters such as ``医`` or ``车``."""
    return bool(text) and _TOPIC_CONTEXT[topic].search(text) is not None
