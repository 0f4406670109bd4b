"""Expected findings of the narrative family on the seeds and the demo, checked by hand.

Each entry is in ``ids_at`` form, in the order ``review()`` returns them, with what the
document shows there (line number and text). Lines are those of the files in
``../shared/seeds`` and ``examples/``.
"""

EXPECTED: dict[str, list[tuple]] = {
    "000": [
        # :8 "现将我单位预算编制情况…" and :22 "本年度我单位…", but :51 (safeguards)
        # "提高本部门职工业务素质": the text calls the unit both 单位 and 部门 (info).
        ("narrative-self-reference-mixed", None),
    ],
    "001": [
        # :1658 "反映本部门当年全部收入", :1665 "我部门机关运行经费", but :1708 "我局牢固
        # 树立…" in a unit named 平乡县机关后勤服务中心 (a 中心, not a 局): the unit was
        # once the 机关事务管理局 and old text stayed (info).
        ("narrative-self-reference-mixed", None),
        # :1671 overall goal "保障视频会议室的工作正常开展，故障排除率达到95%以上" vs
        # project 10 (机关事务管理专项会议信号等资金项目) :2544 "故障排除率(％) … 100%":
        # the same quantity of the same video-conference work, 95% vs 100%.
        ("narrative-goal-figure-mismatch", 10, 3),
    ],
    # 002 (2020): goals without numbers, no narrative figures, one self-reference (本局
    # in a 管理局) plus 本单位/我单位 — 局 matches the unit's name and 部门 is never used.
    "002": [],
    # 003 (2024, PDF): goals without numbers; "我单位" only.
    "003": [],
    "004": [
        # :16 "2.效益指标完成情况分析。" under sub-goal （一）接待管理活动 (:11): the
        # department goals were written as a self-evaluation (完成情况分析).
        ("narrative-evaluation-wording", None),
        # :13 "（1）数量指标：年度指标值90批次。" vs project 3 接待管理经费 :329
        # "接待活动批次 ≥45批" — the only count of 批 in the sub-goal's project.
        ("narrative-goal-figure-mismatch", 3, 1),
        # :23 "1.产出指标完成情况分析。" under （二）综合服务 (:22).
        ("narrative-evaluation-wording", None),
        # :28 "…签约项目资金增长率不低于10%。" vs project 4 综合服务管理经费 :467
        # "签约项目资金增长率 ≥5%" (same name, 10% vs 5%).
        ("narrative-goal-figure-mismatch", 4, 5),
        # :34 "1.产出指标完成情况分析。" (and :36 "完成值100%") under （三）:33.
        ("narrative-evaluation-wording", None),
        # :35 "（1）数量指标：为保留的公务用车实现信息化管理，年度指标值325辆" vs project 1
        # 公务用车监督管理平台经费 :109 "公车数量 321辆".
        ("narrative-goal-figure-mismatch", 1, 1),
        # :42 "服务对象满意程度：年度指标值不低于95%。" vs project 1 :165
        # "服务对象满意度 ≥98%" (the sub-goal's own project).
        ("narrative-goal-figure-mismatch", 1, 9),
        # :44 "1.产出指标完成情况分析。" under （四）机关运行及大院维护。:43.
        ("narrative-evaluation-wording", None),
        # :45 "（1）数量指标：改造维护维修面积1万平米。" vs project 2 机关运行及大院维护经费
        # :219 "维护、维修面积 ≥12000平方米" (10,000 vs 12,000 平方米).
        ("narrative-goal-figure-mismatch", 2, 1),
    ],
    # The demo's narrative, tables and goals agree (README: all cross-checks hold); its
    # 本单位 (:1967) stands in an indicator description, which is not prose.
    "demo": [],
}
