"""Findings of the *target* family (指标值) on the seeds and the demo, checked by hand.

Each entry is ``ids_at`` of one finding, in the order ``review()`` returns them, with the
line of the target cell in the seed file, what it prints, and why it is a real problem.
"""

EXPECTED: dict[str, list[tuple]] = {
    "000": [
        # L100 「困难残疾人和重度残疾人保障率」 target「长效提升」: words where a number is possible (名称为比率).
        ("target-qualitative-measurable", 1, 1),
        # L107 「按时拨付资金」 target「按时拨付」: words where a number is possible (时效指标应为完成时限或及时率).
        ("target-qualitative-measurable", 1, 2),
        # L114 「资金到位率」 target「100资金百分百到位」: number run into words repeating it, i.e. 100%.
        ("target-run-together", 1, 3),
        # L121 「项目预算控制数」 target「控制在预算金额内」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 1, 4),
        # L135 「残疾人就业人数」 target「增加」: words where a number is possible (名称含「人数」).
        ("target-qualitative-measurable", 1, 6),
        # L142 「老残人员经费保障覆盖率」 target「长效提升」: words where a number is possible (名称为比率).
        ("target-qualitative-measurable", 1, 7),
        # L149 「增强影响力」 target「增强社会影响力」: the target only repeats the name.
        ("target-restates-name", 1, 8),
        # L156 「受助人员满意度」 target「≥95受助人员满意度大于等于95%」: number run into words repeating it, i.e. ≥95%.
        ("target-run-together", 1, 9),
        # L210 「举报线索处置率(%)」 target「100举报线索处置率达到百分百」: number run into words repeating it, i.e. 100%.
        ("target-run-together", 2, 1),
        # L217 「资金使用合规率」 target「100资金使用合格率达到百分百」: number run into words repeating it, i.e. 100%.
        ("target-run-together", 2, 2),
        # L224 「工作任务完成及时率」 target「≥95工作任务及时完成率达到百分之九十五以上」: number run into words repeating it, i.e. ≥95%.
        ("target-run-together", 2, 3),
        # L231 「运行保障成本」 target「平台运行保障成本不高于实际需求」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 2, 4),
        # L266 「服务对象满意度」 target「≥95平台服务对象满意度达到百分之九十五以上」: number run into words repeating it, i.e. ≥95%.
        ("target-run-together", 2, 9),
        # L320 「设备检修维护次数」 target「设备检修维护次数保质保量完成」: words where a number is possible (名称含「次数」).
        ("target-qualitative-measurable", 3, 1),
        # L327 「正常使用率」 target「100电梯正常使用率达到百分之百」: number run into words repeating it, i.e. 100%.
        ("target-run-together", 3, 2),
        # L334 「如期完成」 target「电梯大修保养项目如期完成」: words where a number is possible (时效指标应为完成时限或及时率).
        ("target-qualitative-measurable", 3, 3),
        # L341 「运行保障成本」 target「大修保养后电梯运行保障成本降低」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 3, 4),
        # L348 「事故财产损失下降率（%）」 target「大修后事故财产损失减少」: words where a number is possible (名称为比率).
        ("target-qualitative-measurable", 3, 5),
        # L376 「服务对象满意度」 target「≥95服务对象满意度达到百分之九十五以上」: number run into words repeating it, i.e. ≥95%.
        ("target-run-together", 3, 9),
    ],
    "001": [
        # L1789 「公共服务水平提升情况」 target「较上年提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 1, 7),
        # L1885 「故障发生下降情况」 target「下降」: a bare direction word, cannot be graded.
        ("target-weak-wording", 2, 9),
        # L1970 「业务保障能力持续提升」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 3, 7),
        # L2051 「业务保障能力持续提升」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 4, 7),
        # L2389 「平均每月支付物业费（元/月）」 target「≤33.16万元/月」: the unit contradicts the name (名称注明单位为「元/月」 vs 万元/月):
        # 331,600 元 a month where the name promises 元/月.
        ("target-unit-mismatch", 8, 4),
        # L2489 「公共服务水平提升情况」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 9, 6),
        # L2734 「节能办年度办公资金（元）」 target「控制在预算内」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 12, 4),
        # L2741 「促进生态文明建设，绿色发展」 target「促进生态文明建设，绿色发展」: the target only repeats the name.
        ("target-restates-name", 12, 5),
        # L2748 「公共机构节能意识有明显提高」 target「节能意识有明显提高」: the target only repeats the name.
        ("target-restates-name", 12, 6),
        # L2755 「节能观念逐步增强」 target「节能意识逐步增强」: a bare direction word, cannot be graded.
        ("target-weak-wording", 12, 7),
        # L2820 「保障机关单位正常运转」 target「保障单位正常运转」: the target only repeats the name.
        ("target-restates-name", 13, 5),
        # L2972 「人均工资标准」 target「≥3780元/月/人」: a cost target as a lower bound; the same
        # indicator of project 14 (L2893) reads ≤2300元/月/人.
        ("target-cost-lower-bound", 15, 4),
        # L3143 「解决异地干部住房问题」 target「解决异地干部住房问题」: the target only repeats the name.
        ("target-restates-name", 17, 6),
        # L3150 「公共服务水平提升情况」 target「服务提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 17, 7),
    ],
    "002": [
        # Every target cell of 002 prints its number twice: ≥9090%及以上 is ≥90% (Word export).
        # L66 「“创意之家”租赁费到位率」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 1, 1),
        # L73 「长期使用性」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 1, 2),
        # L80 「租赁方满意度」 target「≥8080%及以上」: number run into words repeating it, i.e. ≥80%.
        ("target-run-together", 1, 3),
        # L133 「支持全区公务用车数量」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 2, 1),
        # L133 「支持全区公务用车数量」 target「≥9090%及以上」: the unit contradicts the name (名称含「数量」（应为计数） vs %):
        # a number of vehicles targeted as a percentage.
        ("target-unit-mismatch", 2, 1),
        # L140 「监督全区公务用车使用规范透明」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 2, 2),
        # L147 「参培住院医师满意度」 target「≥8080%及以上」: number run into words repeating it, i.e. ≥80%.
        ("target-run-together", 2, 3),
        # L199 「后勤保障经费到位率」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 3, 1),
        # L206 「长期使用性」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 3, 2),
        # L213 「服务对象满意度」 target「≥8080%及以上」: number run into words repeating it, i.e. ≥80%.
        ("target-run-together", 3, 3),
        # L266 「后勤管理经费到位率」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 4, 1),
        # L273 「长期使用性」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 4, 2),
        # L280 「劳务派遣公司满意度」 target「≥8080%及以上」: number run into words repeating it, i.e. ≥80%.
        ("target-run-together", 4, 3),
        # L332 「视频会议室网络租金到位率」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 5, 1),
        # L339 「视频会议室网络使用效果」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 5, 2),
        # L346 「服务对象满意度」 target「≥8080%及以上」: number run into words repeating it, i.e. ≥80%.
        ("target-run-together", 5, 3),
        # L398 「完成率」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 6, 1),
        # L405 「确保办公环境正常运行」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 6, 2),
        # L412 「服务对象满意度」 target「≥8080%及以上」: number run into words repeating it, i.e. ≥80%.
        ("target-run-together", 6, 3),
        # L464 「完成率」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 7, 1),
        # L471 「物业服务水平」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 7, 2),
        # L478 「服务对象满意度」 target「≥8080%及以上」: number run into words repeating it, i.e. ≥80%.
        ("target-run-together", 7, 3),
        # L530 「保险资金到位率」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 8, 1),
        # L537 「长期使用性」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 8, 2),
        # L544 「保险公司满意度」 target「≥8080%及以上」: number run into words repeating it, i.e. ≥80%.
        ("target-run-together", 8, 3),
        # L596 「完成率」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 9, 1),
        # L603 「长期使用性」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 9, 2),
        # L610 「服务对象满意度」 target「≥8080%及以上」: number run into words repeating it, i.e. ≥80%.
        ("target-run-together", 9, 3),
    ],
    "003": [
        # Every project of 003 prints 成本控制率 ≤100%, described as 实际支出数/预算下达数*100%:
        # a spending ratio, not the cost of anything; and its 效益 targets are 提升 / 提高 alone.
        # L218 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 1, 4),
        # L233 「提升人员职业技能水平」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 1, 5),
        # L246 「长期使用性」 target「提高」: a bare direction word, cannot be graded.
        ("target-weak-wording", 1, 6),
        # L342 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 2, 4),
        # L357 「长期使用性」 target「提高」: a bare direction word, cannot be graded.
        ("target-weak-wording", 2, 5),
        # L464 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 3, 4),
        # L479 「提升人员职业技能水平」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 3, 5),
        # L492 「长期使用性」 target「提高」: a bare direction word, cannot be graded.
        ("target-weak-wording", 3, 6),
        # L584 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 4, 4),
        # L599 「保障项目顺利完成」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 4, 5),
        # L615 「提高工作人员综合素质」 target「提高」: a bare direction word, cannot be graded.
        ("target-weak-wording", 4, 6),
        # L710 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 5, 4),
        # L725 「提升人员职业技能水平」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 5, 5),
        # L738 「长期使用性」 target「提高」: a bare direction word, cannot be graded.
        ("target-weak-wording", 5, 6),
        # L833 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 6, 4),
        # L848 「保障机关单位正常运转」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 6, 5),
        # L861 「长期使用性」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 6, 6),
        # L951 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 7, 4),
        # L966 「保障项目顺利完成」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 7, 5),
        # L982 「提高工作人员综合素质」 target「提高」: a bare direction word, cannot be graded.
        ("target-weak-wording", 7, 6),
        # L1077 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 8, 4),
        # L1092 「提升人员职业技能水平」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 8, 5),
        # L1105 「长期使用性」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 8, 6),
        # L1202 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 9, 4),
        # L1217 「长期使用性」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 9, 5),
        # L1230 「保障机关单位正常运转」 target「提高」: a bare direction word, cannot be graded.
        ("target-weak-wording", 9, 6),
        # L1317 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 10, 4),
        # L1332 「提升城市夜景品质」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 10, 5),
        # L1345 「长期使用性」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 10, 6),
        # L1431 「成本控制率」 target「≤100%」: a cost target that is no amount of money.
        ("target-cost-no-money-unit", 11, 4),
        # L1446 「提升人员素质」 target「提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 11, 5),
        # L1461 「保障隔离点餐饮供应顺畅」 target「提高」: a bare direction word, cannot be graded.
        ("target-weak-wording", 11, 6),
    ],
    # 004's targets are numbers, deadlines or concrete words; its 预算资金完成率 rows are the
    # framework family's (framework-input-as-output).
    "004": [],
    "demo": [
        # The demo keeps a ≥9090%及以上 on purpose (examples/README.md); the two bare direction
        # words below are real too (长效提升 is RULES.md §2's own example of a weak target).
        # L2003 「费用缴纳及时率」 target「≥9090%及以上」: number run into words repeating it, i.e. ≥90%.
        ("target-run-together", 2, 6),
        # L2163 「设施设备使用寿命」 target「延长」: a bare direction word, cannot be graded.
        ("target-weak-wording", 3, 9),
        # L2288 「公务用车规范管理水平」 target「长效提升」: a bare direction word, cannot be graded.
        ("target-weak-wording", 4, 10),
    ],
}
