"""Findings of the *framework* family (指标体系) on the seeds and the demo, checked by hand.

Each entry is ``ids_at`` of one finding, in the order ``review()`` returns them, with
what the document prints there (line numbers of the seed file) and why it is real.
"""

EXPECTED: dict[str, list[tuple]] = {
    "000": [
        # L110-114 产出指标/质量指标 row: 三级「资金到位率」, target「100资金百分百到位」 — money
        # arriving is an input, not what 残疾人保障金 delivers.
        ("framework-input-as-output", 1, 3),
        # L213-217 产出指标/质量指标 row: 三级「资金使用合规率」 — compliance of spending, an input.
        ("framework-input-as-output", 2, 2),
    ],
    "001": [
        # L2306 and L2313: 「集中办公区各单位正常工作保障率」 ≥95% twice in project 7 (水电暖);
        # only the descriptions (水费 / 电费) tell them apart, the names do not.
        ("framework-duplicate-indicator", 7, 12),
    ],
    "002": [
        # Every project of 002 prints three indicators: one 产出 (时效 or 数量), one 效果, one 满意度.
        # L19 project 1「“创意之家”租赁费」: 产出 has only 时效指标 (L62).
        ("framework-output-level2-missing", 1, None),
        # L62 产出指标/时效指标「“创意之家”租赁费到位率」, described as 实际到位租赁费占应到位的比例.
        ("framework-input-as-output", 1, 1),
        # L69 一级 printed「效果指标」 (read as 效益指标).
        ("framework-level-name-variant", 1, 2),
        # L86 project 2「公务用车制度改革费」: 产出 has only 数量指标 (L129).
        ("framework-output-level2-missing", 2, None),
        # L136「效果指标」.
        ("framework-level-name-variant", 2, 2),
        # L152 project 3「后勤保障经费」: 产出 has only 时效指标 (L195).
        ("framework-output-level2-missing", 3, None),
        # L195 产出/时效「后勤保障经费到位率」 — funds arriving.
        ("framework-input-as-output", 3, 1),
        # L202「效果指标」.
        ("framework-level-name-variant", 3, 2),
        # L218 project 4「后勤管理经费」: 产出 has only 时效指标 (L261).
        ("framework-output-level2-missing", 4, None),
        # L261 产出/时效「后勤管理经费到位率」 — funds arriving.
        ("framework-input-as-output", 4, 1),
        # L269「效果指标」.
        ("framework-level-name-variant", 4, 2),
        # L285 project 5「视频会议室网络租金」: 产出 has only 时效指标 (L328).
        ("framework-output-level2-missing", 5, None),
        # L328 产出/时效「视频会议室网络租金到位率」 — funds arriving.
        ("framework-input-as-output", 5, 1),
        # L335「效果指标」.
        ("framework-level-name-variant", 5, 2),
        # L351 project 6「维修费」: 产出 has only 时效指标「完成率」 (L394).
        ("framework-output-level2-missing", 6, None),
        # L401「效果指标」.
        ("framework-level-name-variant", 6, 2),
        # L417 project 7「物业管理费」: 产出 has only 时效指标「完成率」 (L460).
        ("framework-output-level2-missing", 7, None),
        # L467「效果指标」.
        ("framework-level-name-variant", 7, 2),
        # L483 project 8「政府大楼保险」: 产出 has only 时效指标 (L526).
        ("framework-output-level2-missing", 8, None),
        # L526 产出/时效「保险资金到位率」 — funds arriving.
        ("framework-input-as-output", 8, 1),
        # L533「效果指标」.
        ("framework-level-name-variant", 8, 2),
        # L549 project 9「综合办公楼水电费」: 产出 has only 时效指标「完成率」 (L592).
        ("framework-output-level2-missing", 9, None),
        # L599「效果指标」.
        ("framework-level-name-variant", 9, 2),
    ],
    "003": [
        # L630 project 5「双创园办公楼运行保障」 (20.00万元) prints the same seven indicators and
        # targets as project 3「机关院内后勤运行保障」 (L384, 85.00万元): ≥13 人 后勤工作人员,
        # 日常维修合格率/及时率 ≥95%, 成本控制率 ≤100%, 提升, 提高, 满意度 ≥95% — copied.
        ("framework-duplicate-project", 5, None),
    ],
    "004": [
        # L130-135 产出/成本指标「预算资金完成率」 ≥95% — the budget execution rate as a cost.
        ("framework-input-as-output", 1, 4),
        # L240 the same row in project 2.
        ("framework-input-as-output", 2, 4),
        # L350 the same row in project 3.
        ("framework-input-as-output", 3, 4),
        # L460-465 产出/成本指标「项目资金完成率」 ≥95% — execution rate again.
        ("framework-input-as-output", 4, 4),
    ],
    # The demo's indicator tree is sound: every 一级, every 产出 二级, no input rate as output.
    "demo": [],
}
