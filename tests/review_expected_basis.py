"""Findings of the *basis* family (指标值确定依据) on the seeds and the demo, checked by hand.

Each entry is ``ids_at`` of one finding, in the order ``review()`` returns them, with the
line of the basis cell in the seed file and what it prints. ``basis-nonstandard`` is one
note per project listing its rows; those bases describe a situation (根据…情况) rather than
a kind (计划标准, 历史标准, 行业标准, 预算支出标准) or a document one could look up.
"""

EXPECTED: dict[str, list[tuple]] = {
    # 000 prints 依据单位考核指标 in every row: one blanket basis, but a source (the unit's
    # 考核指标) — recognised, so nothing is reported.
    "000": [],
    "001": [
        # project 1「2023年度机关用房租赁费用」: L1759「根据支出进度」 (租金拨付时间); L1780「根据工作执行情况」 (业务保障能力); L1791「根据提升情况」 (公共服务水平提升情况); L1799「根据保障情况」 (长期使用性).
        ("basis-nonstandard", 1, None),
        # L1886 「故障发生下降情况」 (target 下降) basis「根据故障排除情况与故障发生次数的比率」: 像是指标的计算方法（应写在指标解释中），不是取值依据.
        ("basis-slip", 2, 9),
        # project 2「第三行政办公区中央空调维保费及电梯维保费项目（运转项目）」: L1893「根据工作保障情况」 (保障集中办公区的办公环境).
        ("basis-nonstandard", 2, None),
        # project 3「公车购置及运行CG」: L1957「根据日常使用情况」 (规范公务用车使用); L1971「根据工作保障情况」 (业务保障能力持续提升).
        ("basis-nonstandard", 3, None),
        # project 4「公车平台专项CG（运转项目）」: L2009「根据公车平台车辆数量」 (保障公务用车数量); L2038「根据日常使用情况」 (规范公务用车使用); L2052「根据工作保障情况」 (业务保障能力持续提升).
        ("basis-nonstandard", 4, None),
        # project 5「后勤保障经费」: L2124「根据提升情况」 (公共服务水平提升情况).
        ("basis-nonstandard", 5, None),
        # project 6「机关办公区日常维修维护费用项目（运转项目）」: L2154「根据检查情况」 (保障正常办公的办公区个数); L2161「根据工程验收情况」 (验收合格率); L2168「根据完成时效检查」 (维修及时率); L2196「根据工作保障情况」 (保障单位正常办公); L2203「根据工作保障情况」 (公共服务水平提升情况).
        ("basis-nonstandard", 6, None),
        # project 7「机关集中办公区水电暖费用项目（运转项目）」: L2241「根据用水情况」 (集中办公区用水吨数); L2248「根据用电情况」 (用电总度数（万度）); L2255「根据集中办公区数量」 (保障办公的办公区个数); L2269「根据供应情况」 (保障工作需要情况); L2318「根据工作保障情况」 (集中办公区各单位正常工作保障率).
        ("basis-nonstandard", 7, None),
        # L2262 「办公区供暖面积」 (≤29630平方米) basis「耿娟办公区取暖面积」: 像是人名，不是取值依据.
        ("basis-slip", 7, 4),
        # L2325 「基本公共服务水平」 (≥95%) basis「根据公共服务水平」: 重复了指标名称，没有说明依据.
        ("basis-slip", 7, 13),
        # project 8「机关集中办公区物业费项目CG（运转项目）」: L2383「根据处理情况」 (业务处理及时率); L2404「根据相关部门的评价依据」 (公共服务水平提升情况).
        ("basis-nonstandard", 8, None),
        # project 9「机关日常运行经费项目（运转项目）」: L2455「根据办公区个数」 (所购办公设备保障办公区个数（个）); L2483「根据日常使用情况」 (维护机关良好办公秩序); L2490「根据相关部门的评价依据」 (公共服务水平提升情况); L2497「根据工作保障情况」 (保障四个办公区正常办公).
        ("basis-nonstandard", 9, None),
        # project 10「机关事务管理专项会议信号等资金项目（运转项目）」: L2549「根据处理情况」 (故障排除率(％)); L2584「根据日常使用情况」 (保障会议室设备正常使用率); L2598「根据工作保障情况」 (保障视频会议室工作正常运转).
        ("basis-nonstandard", 10, None),
        # project 11「集中办公区消防项目CG」: L2649「根据工程验收情况」 (工程按期完成率); L2663「根据日常使用情况」 (综合利用率); L2670「根据相关部门的评价依据」 (公共服务水平提升情况); L2677「根据工作保障情况」 (保障功能实现率).
        ("basis-nonstandard", 11, None),
        # project 12「节能办节能运转费」: L2749「根据相关部门的评价依据」 (公共机构节能意识有明显提高).
        ("basis-nonstandard", 12, None),
        # project 13「劳保用品及清洁用品」: L2821「根据日常保障情况」 (保障机关单位正常运转); L2828「根据相关部门的评价依据」 (公共服务水平提升情况); L2835「根据工作保障情况」 (环境得到改善).
        ("basis-nonstandard", 13, None),
        # project 16「视频会议室直播保障费用」: L3058「根据日常使用情况」 (保障会议室设备正常使用); L3072「根据工作保障情况」 (保障视频会议室工作正常运转).
        ("basis-nonstandard", 16, None),
        # project 17「县级周转房租赁费及物业费」: L3144「根据日常使用情况」 (解决异地干部住房问题); L3151「根据相关部门的评价依据」 (公共服务水平提升情况); L3158「根据工作保障情况」 (完成周转房租赁及维护).
        ("basis-nonstandard", 17, None),
        # project 18「综合事务管理」: L3195「根据工作执行情况」 (印刷条幅); L3202「根据工作执行情况」 (差旅费保障人数); L3209「根据工作执行情况」 (设备购置件数); L3216「根据工作执行情况」 (审计项目次数); L3223「根据工作执行情况」 (保障办公的办公区个数); L3230「根据购置情况」 (购置设备合格率); L3237「根据完成时效检查」 (按时完成率); L3279「根据工作的开展情况」 (保障正常办公); L3286「根据工作的开展情况」 (各项工作正常开展); L3293「根据工作的开展情况」 (长期使用性).
        ("basis-nonstandard", 18, None),
    ],
    "002": [
        # L19「1、“创意之家”租赁费绩效目标表」: all 3 bases blank (L67 …).
        ("basis-empty-project", 1, None),
        # L86「2、公务用车制度改革费绩效目标表」: all 3 bases blank (L134 …).
        ("basis-empty-project", 2, None),
        # L152「3、后勤保障经费绩效目标表」: all 3 bases blank (L200 …).
        ("basis-empty-project", 3, None),
        # L218「4、后勤管理经费绩效目标表」: all 3 bases blank (L267 …).
        ("basis-empty-project", 4, None),
        # L285「5、视频会议室网络租金绩效目标表」: all 3 bases blank (L333 …).
        ("basis-empty-project", 5, None),
        # L351「6、维修费绩效目标表」: all 3 bases blank (L399 …).
        ("basis-empty-project", 6, None),
        # L417「7、物业管理费绩效目标表」: all 3 bases blank (L465 …).
        ("basis-empty-project", 7, None),
        # L483「8、政府大楼保险绩效目标表」: all 3 bases blank (L531 …).
        ("basis-empty-project", 8, None),
        # L549「9、综合办公楼水电费绩效目标表」: all 3 bases blank (L597 …).
        ("basis-empty-project", 9, None),
    ],
    # 003: 工作计划, 年度预算, 计划标准, 意见反馈, 保安合同, 评审报告, 三定方案 — all recognised.
    "003": [],
    # 004: 按省、市公车平台建设文件及县委、县政府工作安排 and 县委、县政府工作安排(和工作计划).
    "004": [],
    "demo": [
        # L2164 「设施设备使用寿命」 basis cell blank — kept on purpose (examples/README.md).
        ("basis-empty", 3, 9),
    ],
}
