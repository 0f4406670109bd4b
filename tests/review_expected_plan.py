"""The spending-plan findings on the seeds and the demo, each checked by hand against
the document (line numbers are the seed files'). See tests/test_review_plan.py."""

EXPECTED: dict[str, list[tuple]] = {
    "000": [
        # 292–302: 3.行政中心电梯大修保养 prints 资金支出计划（%） 3月底 "100%", then three
        # blank cells (6月底, 10月底, 12月底): the plan stops at 3月底 (plan-blank-checkpoint).
        ("plan-blank-checkpoint", 3, None),
    ],
    "001": [
        # 1711: the first of 18 项目绩效目标表 (1、2023年度机关用房租赁费用…); this layout prints
        # only 绩效目标 and the indicator grid — no 预算数, no 资金支出计划 in any table.
        ("plan-not-printed", None),
    ],
    "002": [],  # 9 plans such as 25.00 50.00 75.00 100.00, or only 12月底 100.00: all sound
    "003": [
        # Every table prints 资金支出计划（%） with cumulative 万元 amounts ending at 预算数:
        # 160 预算数 35.00, 174 "5.00 10.00 20.00 35.00" (1.大型设备运行保障经费)
        ("plan-amount-under-percent-header", 1, None),
        # 274 预算数 17.00, 288 "2.00 5.00 8.00 17.00" (2.公务用车服务平台运行)
        ("plan-amount-under-percent-header", 2, None),
        # 397 预算数 85.00, 413 "5.00 30.00 60.00 85.00" (3.机关院内后勤运行保障)
        ("plan-amount-under-percent-header", 3, None),
        # 520 预算数 245.00, 534 "50.00 100.00 150.00 245.00" (4.机关运行保障经费)
        ("plan-amount-under-percent-header", 4, None),
        # 643 预算数 20.00, 659 "2.00 5.00 10.00 20.00" (5.双创园办公楼运行保障)
        ("plan-amount-under-percent-header", 5, None),
        # 769 预算数 70.00, 783 "5.00 20.00 40.00 70.00" (6.物业管理事务)
        ("plan-amount-under-percent-header", 6, None),
        # 889 预算数 323.00, 903 "79.00 158.00 237.00 323.00" (7.运转保障经费（劳务费）)
        ("plan-amount-under-percent-header", 7, None),
        # 1010 预算数 92.00, 1026 "10.00 30.00 50.00 92.00" (8.招待所运行费)
        ("plan-amount-under-percent-header", 8, None),
        # 1133 预算数 119.00, 1149 "15.00 50.00 80.00 119.00" (9.综合事务管理运行)
        ("plan-amount-under-percent-header", 9, None),
        # 1258 预算数 53.4857, 1272 "10.00 20.00 30.00 53.4857" (10.城市夜景品质提升项目)
        ("plan-amount-under-percent-header", 10, None),
        # 1370 预算数 40.5682, 1384 "10.00 20.00 30.00 40.5682" (11.疫情防控隔离点餐费)
        ("plan-amount-under-percent-header", 11, None),
    ],
    "004": [],  # 4 plans 25% 50% 80% 100%: sound
    "demo": [],  # 6 plans such as 0% 30% 80% 100%, all cumulative and ending at 100%
}
