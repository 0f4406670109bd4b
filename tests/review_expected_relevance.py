"""The relevance findings on the seeds and the demo, each checked by hand against the
document (line numbers are the seed files'). See tests/test_review_relevance.py."""

# Seed 001 (平乡县机关后勤服务中心) copies a 活动参与者满意度 row into most of its tables.
# Only 12.节能办节能运转费 holds activities (2698: "重点办好节能宣传周活动，保障节能示范
# 单位创建活动", 2760: its own 活动参与者满意度, not reported); the others below are
# utilities, maintenance, vehicles, supplies, meeting rooms, housing: no activity, no
# 参与者 to survey. Its 劳务费 and 退役人员待遇 tables carry 群众财产保障度, a
# public-security row (the public's property), in a table paying 24 and 1 people's wages.
_SEED_001 = [
    # 1897: 2.第三行政办公区中央空调维保费及电梯维保费 — 活动参与者满意度（%)
    ("indicator-other-project", 2, 11),
    # 1982: 3.公车购置及运行CG — 活动参与者满意度
    ("indicator-other-project", 3, 9),
    # 2214: 6.机关办公区日常维修维护费用 — 活动参与者满意度
    ("indicator-other-project", 6, 10),
    # 2336: 7.机关集中办公区水电暖费用 — 活动参与者满意度
    ("indicator-other-project", 7, 15),
    # 2429: 8.机关集中办公区物业费 — 活动参与者满意度
    ("indicator-other-project", 8, 10),
    # 2501: 9.机关日常运行经费 — 活动参与者满意度（%) (goal "保障机关办公活动的正常运转"
    # is office work, not an activity with participants)
    ("indicator-other-project", 9, 8),
    # 2688: 11.集中办公区消防项目CG — 活动参与者满意度
    ("indicator-other-project", 11, 9),
    # 2839: 13.劳保用品及清洁用品 — 活动参与者满意度
    ("indicator-other-project", 13, 8),
    # 2919: 14.劳务费 — 群众财产保障度 / 群众财产保障度 (社会效益)
    ("indicator-other-sector", 14, 8),
    # 2998: 15.落实重新安置军队退役人员待遇 — 群众财产保障度 (same template as 14)
    ("indicator-other-sector", 15, 8),
    # 3076: 16.视频会议室直播保障费用 — 活动参与者满意度（%)
    ("indicator-other-project", 16, 8),
    # 3169: 17.县级周转房租赁费及物业费 — 活动参与者满意度
    ("indicator-other-project", 17, 10),
    # 3297: 18.综合事务管理 — 活动参与者满意度
    ("indicator-other-project", 18, 16),
]

EXPECTED: dict[str, list[tuple]] = {
    # 000: 残疾人保障金's 残疾人 rows sit under a project named for them; nothing else.
    "000": [],
    "001": _SEED_001,
    "002": [
        # 145: 2.公务用车制度改革费 — 参培住院医师满意度 (resident doctors in training),
        # described as "各部门对公务用车规范透明管理满意度": a hospital template's name.
        ("indicator-other-sector", 2, 3),
    ],
    # 003: 9.综合事务管理运行's 三干会议参加人员数 names a meeting no project is about.
    "003": [],
    # 004: 3.接待管理经费's 资金增长率 ("接待活动签约资金增长率", 357) matches 4.综合服务管理
    # 经费's 招商, but the department goals set it for 接待 (15: "接待活动签约项目金额增长
    # 10%以上"): deliberate, not reported.
    "004": [],
    "demo": [],
}
