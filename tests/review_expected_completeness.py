"""Expected findings of the completeness family on the seeds and the demo, checked by hand.

Each entry is in ``ids_at`` form, in the order ``review()`` returns them, with what the
document shows there. Lines are those of the files in ``../shared/seeds`` and
``examples/``.
"""

EXPECTED: dict[str, list[tuple]] = {
    # :1 "第一部分 部门整体绩效目标", then 3 project tables (:52, :162, :272) and nothing
    # else: the performance-target part of a disclosure, no budget table at all.
    "000": [("completeness-partial-document", None)],
    "001": [
        # :3311 "六、政府采购预算情况" / :3312 "2023年，平乡县机关后勤服务中心安排政府采购
        # 预算550.00万元。具体内容见下表。" — the total only: no goods/works/services split
        # (the table holds 110.00 of goods, A02039900, and 440.00 of services, C21040000)
        # and no word of the reserved small-firm share (the table's column says 550.00).
        ("completeness-procurement-detail", None),
        # Otherwise complete: the nine standard tables (:1 … :1544), the two empty ones
        # with their notes (:1476 政府基金, :1510 国有资本: "注：无…，空表列示。"), 三公
        # split into 购置费/运行维护费 (:1544), and sections 三 机关运行经费 (:1664),
        # 四 三公 (:1666), 五 绩效 (:1668), 六 政府采购, 七 国有资产 (:3414), 八 名词解释 (:3450).
    ],
    # :1 "2020年部门预算绩效信息", goals and 9 project tables only.
    "002": [("completeness-partial-document", None)],
    # :1 "第一部分 部门整体绩效目标" (PDF), goals and 11 project tables only.
    "003": [("completeness-partial-document", None)],
    # :1 "第一部分 部门整体绩效目标", goals and 4 project tables only.
    "004": [("completeness-partial-document", None)],
    # The demo publishes all nine tables, notes its empty 国有资本 table (:1592), splits
    # 三公, and its 政府采购 part (:2529) gives 货物/工程/服务 and the 中小企业 share.
    "demo": [],
}
