"""Facts about the six real files of other regions in /work/shared/realworld, as a person
verified them by opening the originals with raw tools — openpyxl (cells, merged ranges),
lxml on word/document.xml (gridSpan, vMerge, nested tables) and pdfplumber (page text and
extract_tables, page by page) — not with jixiao. Data only, no tests.

The files are public documents used as test inputs; only what a test must check is quoted
here (titles, a few names and values), never whole tables. See /tmp/h/realworld_survey.md
(the survey written with this module) for the quirks behind each fact.

Conventions
- ``title``: the table title exactly as printed (leading spaces kept; ``“”`` kept).
- ``kind``: a ``TableKind`` value (``jixiao.model.budget``) judged by a person from the
  glossary, or ``project_targets`` / ``department_targets`` / ``self_evaluation`` for the
  performance sheets. It is what the table *is*, not what jixiao's title patterns say today.
- ``money_unit``: the label printed for the table, ``"元"`` or ``"万元"``; ``None`` when the
  table prints none.
- ``rows``: printed data rows below the header that carry any label or value, total rows
  (合计/总计) included; header rows, blank filler rows and notes excluded. A side-by-side
  table (收支总表) counts printed rows, not sides. An empty table that prints only its
  合计 row counts 1.
- ``checks``: ``(row label, column header path, raw as printed)``. The row label is the
  row's code when it has a unique one, else its name, as printed (``"合    计"``, with
  padding); the column is the header path joined with ``/``, each level as printed.
  Compare labels and headers with all whitespace removed (``"".join(s.split())``, which
  also drops ``\\xa0`` and ``\\u3000``); compare raw values exactly (``"5，299.21"`` has a
  full-width comma in the original). For an xlsx numeric cell the raw value is its display
  under the cell's number format (``#,##0.00``), and ``cells`` gives the stored value.
- ``cells`` (xlsx): ``"sheet!A1"`` → the value openpyxl returns (str, int or float).
- Indicator checks: ``(index, (column values …))`` with ``index`` 1-based in the project
  in printed order and the values in the order of ``indicator_columns``; an 一级/二级 name
  that is blank because its cell is merged with the row above is given filled in (what a
  reader must carry down); ``""`` is a printed blank.
"""

EXPECTED = {
    # Verified with openpyxl: 26 sheets, one table per sheet, titles in B2 (表N label in B1),
    # the unit in the caption cell of row 3 (金额单位：元), data from the row under the header.
    # Column A is a 1.5-wide spacer with vestigial merged ranges (A8:A17 …) holding nothing.
    # Money cells are text ('12,531,390.00'); only 收支总表1!C24 is a number.
    "nanjiang-renhezhen-2025-budget.xlsx": {
        "format": "xlsx",
        "unit_name": "南江县仁和镇人民政府",
        "unit_code": "249001",
        "department": "249-仁和镇人民政府",
        "fiscal_year": 2025,  # 封面!A1 '2025年南江县本级部门预算表'; 部门整体 sheet '（2025年度）'
        "money_unit": "元",
        "sheets": (
            "封面",
            "收支总表1",
            "收入总表2",
            "征收预期3",
            "支出总表4",
            "财拨总表5",
            "一般预算支出6",
            "基本支出7",
            "三公8",
            "基金9",
            "国资10",
            "支出功能11",
            "支出经济分类12",
            "上级资金安排13",
            "项目支出14",
            "项目明细15",
            "购买服务16",
            "采购需求表17",
            "资产18",
            "项目绩效19",
            "部门绩效20",
            "政府采购项目预算表21",
            "三年计划总表22",
            "三年计划明细表23",
            "人员24",
            " 部门整体预算绩效表",  # the name starts with a space
        ),
        "cells": {
            "封面!A1": "2025年南江县本级部门预算表",
            "收支总表1!B2": "收支预算总表",
            "收支总表1!J3": "金额单位：元",
            "收支总表1!C7": "12,531,390.00",
            "收支总表1!C24": 14019268.87,  # the one money cell stored as a number
            "收支总表1!E24": "14,019,268.87",
            "支出经济分类12!B2": "  支出经济分类预算表",
            "项目绩效19!I26": "＝",  # full-width equals
            "项目绩效19!J26": "1000",  # 服务对象满意度 ＝1000 %, a typo kept as printed
            " 部门整体预算绩效表!C7": 1404.9,
            " 部门整体预算绩效表!E7": 1401.9,
            " 部门整体预算绩效表!G19": 14019268.87,
        },
        "tables": [
            {
                "sheet": "收支总表1",
                "title": "收支预算总表",
                "kind": "income_expenditure_summary",
                "money_unit": "元",
                "header_rows": (4, 6),
                "data_rows": (7, 24),
                "rows": 18,
                "checks": [
                    ("一、本年收入", "收    入/预算数", "12,531,390.00"),
                    ("二、上年结转结余", "收    入/预算数", "1,487,878.87"),
                    ("收入总计", "收    入/预算数", "14,019,268.87"),
                    ("一般公共服务支出", "支    出/预算数/合计", "6,189,843.80"),
                    ("其他支出", "支    出/预算数/政府性基金预算", "50,000.00"),
                    ("支出总计", "支    出/预算数/合计", "14,019,268.87"),
                    ("支出总计", "支    出/预算数/一般公共预算", "13,965,268.87"),
                ],
                "note_starts": "取数说明：",  # B26, then 12 numbered lines B27:B38
            },
            {
                "sheet": "收入总表2",
                "title": "收入预算总表",
                "kind": "income_summary",
                "money_unit": "元",
                "header_rows": (4, 5),
                "data_rows": (6, 8),
                "rows": 3,
                "checks": [
                    ("合    计", "合计", "14,019,268.87"),
                    ("249001", "本年收入/一般公共预算资金", "12,531,390.00"),
                    ("249001", "上年结转结余/政府性基金预算资金", "54,000.00"),
                ],
            },
            {
                "sheet": "征收预期3",
                "title": "征收预期表",
                "kind": "other",
                "money_unit": "元",
                "header_rows": (4, 6),
                "rows": 1,  # 合    计 only, no values
                "empty": True,
            },
            {
                "sheet": "支出总表4",
                "title": "支出预算总表",
                "kind": "expenditure_summary",
                "money_unit": "元",
                "header_rows": (4, 6),
                "data_rows": (7, 82),
                "rows": 76,
                "checks": [
                    ("合    计", "合计", "14,019,268.87"),
                    ("合    计", "基本支出", "11,490,950.20"),
                    ("合    计", "项目支出", "2,528,318.67"),
                    ("2130705", "项目支出", "1,656,500.00"),
                    ("2010101", "合计", "489,000.00"),
                ],
            },
            {
                "sheet": "财拨总表5",
                "title": "财政拨款预算总表",
                "kind": "fiscal_appropriation_summary",
                "money_unit": "元",
                "header_rows": (4, 6),
                "data_rows": (7, 22),
                "rows": 16,
                "checks": [
                    ("收入总计", "收    入/预算数/合计", "14,019,268.87"),
                    ("收入总计", "收    入/预算数/上级财政", "2,329,100.00"),
                    ("支出总计", "支    出/预算数/本级财政", "11,690,168.87"),
                    ("城乡社区支出", "支    出/预算数/上级财政", "293,500.00"),
                ],
            },
            {
                "sheet": "一般预算支出6",
                "title": "一般公共预算支出表",
                "kind": "general_budget_expenditure",
                "money_unit": "元",
                "header_rows": (4, 5),
                "data_rows": (6, 76),
                "rows": 71,
                "checks": [
                    ("合    计", "合计", "13,965,268.87"),
                    ("合    计", "基本支出/人员经费", "9,874,583.20"),
                    ("合    计", "基本支出/公用经费", "1,616,367.00"),
                    ("合    计", "项目支出", "2,474,318.67"),
                    ("2130599", "基本支出/公用经费", "78,900.00"),
                ],
            },
            {
                "sheet": "基本支出7",
                "title": "一般公共预算基本支出表",
                "kind": "general_budget_basic_expenditure",
                "money_unit": "元",
                "header_rows": (4, 5),
                "data_rows": (6, 34),
                "rows": 29,  # no 合计 row: the three 类 rows sum to 11,490,950.20
                "checks": [
                    ("301", "一般公共预算基本支出/合计", "6,696,779.80"),
                    ("302", "一般公共预算基本支出/公用经费", "1,616,367.00"),
                    ("30309", "一般公共预算基本支出/人员经费", "60.00"),
                ],
            },
            {
                "sheet": "三公8",
                "title": "一般公共预算“三公”经费支出预算表",
                "kind": "three_public_expenses",
                "money_unit": "元",
                "header_rows": (4, 5),
                "rows": 1,
                "empty": True,
                "note_starts": "取数说明：取数口径不包含指标类型31、32",
            },
            {
                "sheet": "基金9",
                "title": "政府性基金预算支出表",
                "kind": "gov_fund_expenditure",
                "money_unit": "元",
                "header_rows": (4, 4),
                "data_rows": (5, 11),
                "rows": 7,
                "checks": [
                    ("合    计", "合计", "54,000.00"),
                    ("2296002", "项目支出", "50,000.00"),
                ],
            },
            {
                "sheet": "国资10",
                "title": "国有资本经营预算支出表",
                "kind": "state_capital_expenditure",
                "money_unit": "元",
                "header_rows": (4, 4),
                "rows": 1,
                "empty": True,
            },
            {
                "sheet": "支出功能11",
                "title": "支出功能分类预算表",
                "kind": "other",
                "money_unit": "元",
                "header_rows": (4, 5),
                "data_rows": (6, 46),
                "rows": 41,  # code and name joined: '2010101-行政运行'
                "checks": [
                    ("合    计", "合计", "14,019,268.87"),
                    ("2121499-其他污水处理费安排的支出", "财政拨款/政府性基金预算", "4,000.00"),
                ],
            },
            {
                "sheet": "支出经济分类12",
                "title": "  支出经济分类预算表",
                "kind": "other",
                "money_unit": "元",
                "header_rows": (4, 5),
                "data_rows": (6, 41),
                "rows": 36,
                "checks": [("合    计", "合计", "14,019,268.87")],
            },
            {
                "sheet": "上级资金安排13",
                "title": "上级资金安排情况表",
                "kind": "other",
                "money_unit": "元",
                "header_rows": (4, 4),
                "data_rows": (5, 9),
                "rows": 5,
                "checks": [("合    计", "预算数", "1,945,000.00")],
            },
            {
                "sheet": "项目支出14",
                "title": "项目支出表",
                "kind": "other",
                "money_unit": "元",
                "header_rows": (4, 5),
                "data_rows": (6, 17),
                "rows": 12,
                "checks": [
                    ("合    计", "合计", "2,528,318.67"),
                    ("51192225Y000013076866-村级公共服务经费补助资金", "合计", "1,910,000.00"),
                    ("51192222T000005325546-高光才护理费", "合计", "70,000.00"),
                ],
            },
            {
                "sheet": "项目明细15",
                "title": "项目支出预算明细表",
                "kind": "other",
                "money_unit": "元",
                "header_rows": (4, 5),
                "data_rows": (6, 20),
                "rows": 15,
                "checks": [("合 计", "预算数/合计", "2,528,318.67")],
            },
            {
                "sheet": "购买服务16",
                "title": "政府购买服务预算表",
                "kind": "other",
                "money_unit": "元",
                "rows": 1,
                "empty": True,
            },
            {
                "sheet": "采购需求表17",
                "title": "采购需求表",
                "kind": "other",
                "money_unit": "元",
                "rows": 1,
                "empty": True,
            },
            {
                "sheet": "资产18",
                "title": "国有资产配置预算表",
                "kind": "other",
                "money_unit": "元",  # yet column F4 reads '配置资产金额\n（万元）'
                "rows": 1,
                "empty": True,
            },
            {
                "sheet": "项目绩效19",
                "title": "项目支出绩效表",
                "kind": "project_targets",
                "money_unit": "元",
                "header_rows": (4, 4),
                "data_rows": (5, 109),
                "rows": 105,
                "note_starts": "取数说明： 此表只取当年预算及绩效",
            },
            {
                "sheet": "部门绩效20",
                "title": "部门绩效表",
                "kind": "department_targets",
                "money_unit": "元",
                "header_rows": (4, 4),
                "rows": 0,
                "empty": True,
            },
            {
                "sheet": "政府采购项目预算表21",
                "title": "年初政府采购项目预算表",
                "kind": "procurement_budget",
                "money_unit": "元",  # yet H4 reads '采购预算金额（万元）'
                "header_rows": (4, 4),
                "rows": 1,  # row 6 prints only 序号 1
                "empty": True,
            },
            {
                "sheet": "三年计划总表22",
                "title": "2025-2027年支出计划总表",
                "kind": "other",
                "money_unit": "元",
                "header_rows": (4, 5),
                "data_rows": (6, 8),
                "rows": 3,
                "checks": [("合    计", "合计", "38,045,696.64")],
            },
            {
                "sheet": "三年计划明细表23",
                "title": "2025-2027年支出计划明细表",
                "kind": "other",
                "money_unit": "元",
                "header_rows": (4, 5),
                "data_rows": (6, 51),
                "rows": 46,
                "checks": [("合    计", "2025-2027年合计", "14,019,268.87")],
            },
            {
                "sheet": "人员24",
                "title": "人员和车辆基本情况表",
                "kind": "other",
                "money_unit": None,  # AJ3 '单位：人、辆'
                "header_rows": (4, 6),
                "data_rows": (7, 8),
                "rows": 2,
                "checks": [("合    计", "编   制   人   数/合计", "25")],
            },
        ],
        "project_table": {
            "sheet": "项目绩效19",
            "money_unit": "元",
            "columns": (
                "项目名称",
                "单位名称",
                "预算数",
                "年度目标",
                "一级指标",
                "二级指标",
                "三级指标",
                "指标性质",
                "指标值",
                "度量单位",
                "权重",
            ),  # no 指标方向性 column, no spending plan
            "count": 36,
            "indicator_total": 105,
            # B:E merged per project (B5:B6 …); 一级/二级 printed on every row, not merged
            "indicator_counts": (
                2,
                2,
                2,
                2,
                2,
                4,
                4,
                5,
                4,
                4,
                4,
                4,
                4,
                4,
                5,
                4,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                5,
                4,
                6,
            ),
        },
        "indicator_columns": (
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "权重",
        ),
        "projects": [
            {
                "row": 5,
                "code": "51192221R000000029729",
                "name": "长赡人员经费支出",
                "budget": "137,640.00",
                "indicators": 2,
                "checks": [
                    (1, ("产出指标", "数量指标", "发放（缴纳）覆盖率", "＝", "100", "%", "60")),
                    (
                        2,
                        (
                            "效益指标",
                            "社会效益指标",
                            "足额保障率（参保率）",
                            "＝",
                            "100",
                            "%",
                            "30",
                        ),
                    ),
                ],
            },
            {
                "row": 23,
                "code": "51192222T000005325546",
                "name": "高光才护理费",
                "budget": "35,000.00",  # 70,000.00 in 项目支出14: 表19 leaves out carry-over
                "indicators": 5,
                "checks": [
                    (
                        1,
                        (
                            "效益指标",
                            "社会效益指标",
                            "护理工作顺利完成保障率",
                            "≥",
                            "95",
                            "%",
                            "20",
                        ),
                    ),
                    (
                        2,
                        (
                            "成本指标",
                            "经济成本指标",
                            "护理工作保障金额",
                            "≤",
                            "36500",
                            "元/年",
                            "20",
                        ),
                    ),
                    (
                        4,
                        (
                            "满意度指标",
                            "服务对象满意度指标",
                            "服务对象满意度",
                            "＝",
                            "1000",
                            "%",
                            "10",
                        ),
                    ),
                    (5, ("产出指标", "数量指标", "保障残疾退休职工人数", "＝", "1", "人", "20")),
                ],
            },
            {
                "row": 52,
                "code": "51192222Y000000345281",
                "name": "乡村振兴与脱贫攻坚衔接驻村经费",
                "budget": "120,000.00",
                "indicators": 5,
                "checks": [
                    (1, ("满意度指标", "帮扶对象满意度指标", "群众满意度", "≥", "95", "%", "10")),
                    (2, ("产出指标", "时效指标", "驻村工作完成时间", "≤", "1", "年", "20")),
                    (
                        5,
                        (
                            "成本指标",
                            "经济成本指标",
                            "驻村工作保障金额",
                            "≤",
                            "120000",
                            "元/年",
                            "20",
                        ),
                    ),
                ],
            },
            {
                "row": 104,
                "code": "51192225Y000013076866",
                "name": "村级公共服务经费补助资金",
                "budget": "1,910,000.00",
                "indicators": 6,
                "checks": [
                    (1, ("产出指标", "时效指标", "重大工作任务完成及时率", "≥", "20", "%", "20")),
                    (4, ("满意度指标", "满意度指标", "群众满意度", "≥", "10", "%", "10")),
                    (5, ("成本指标", "经济成本指标", "预算支出成本", "≤", "20", "元", "20")),
                    (6, ("产出指标", "数量指标", "补助基层组织个数", "＝", "15", "个", "10")),
                ],
            },
        ],
        "department_goals": {
            "sheet": " 部门整体预算绩效表",
            "title": "部门整体支出绩效目标表",
            "year_caption": "（2025年度）",
            "money_unit": "万元",  # B4 '单位：万元'; yet G19 is 14019268.87 with 度量单位 元
            "unit_name": "仁和镇人民政府",
            "budget_total": "1,404.90",  # stored 1404.9; 财政拨款 1,401.90 + 其他资金 0.00
            "budget_fiscal": "1,401.90",
            "budget_other": "0.00",
            "tasks": 4,
            "indicators": 5,
            "indicator_columns": (
                "一级指标",
                "二级指标",
                "三级指标",
                "绩效指标性质",
                "绩效指标值",
                "绩效度量单位",
                "权重",
            ),
            "checks": [
                (1, ("产出指标", "数量指标", "建设项目计划完成率", "＝", "100", "%", "20")),
                (2, ("产出指标", "时效指标", "预算执行完成时间", "＝", "12", "月", "20")),
                (
                    5,
                    (
                        "成本指标",
                        "经济成本指标",
                        "部门预算支出总额",
                        "≤",
                        "14,019,268.87",
                        "元",
                        "20",
                    ),
                ),
            ],
        },
    },
    # Verified with openpyxl: sheet '部门整体目标绩效表' is empty (dimension A1:A1, no cells);
    # everything is on '部门项目目标绩效表': A1 报表编号, A2 title, L3 '金额：万元', header row 4,
    # row 5 the department total, rows 6–169 indicators, notes A171:A174. A6:A169 merged
    # (unit), B:D merged per project, E (一级) and F (二级) merged where they repeat.
    # Budgets are numbers with up to 6 decimals shown '#,##0.00'; targets and weights are text.
    "nanjiang-zirangyuanju-2025-targets.xlsx": {
        "format": "xlsx",
        "unit_name": "南江县自然资源和规划局",
        "unit_code": "208001",
        "department": "208-自然资源和规划局",
        "fiscal_year": 2025,  # A2 '部门项目支出绩效目标表（2025年度）'
        "money_unit": "万元",
        "sheets": ("部门整体目标绩效表", "部门项目目标绩效表"),
        "empty_sheets": ("部门整体目标绩效表",),
        "cells": {
            "部门项目目标绩效表!A1": "报表编号：510000_0013lastmb",
            "部门项目目标绩效表!A2": "部门项目支出绩效目标表（2025年度）",
            "部门项目目标绩效表!L3": "金额：万元",  # not '单位：万元'
            "部门项目目标绩效表!A5": "208-自然资源和规划局",
            "部门项目目标绩效表!C5": 10708.424098,  # shown 10,708.42; = Σ project budgets
            "部门项目目标绩效表!A6": "208001-南江县自然资源和规划局",
            "部门项目目标绩效表!C6": 0.9,  # shown 0.90
            "部门项目目标绩效表!H100": "＞",  # full-width greater-than
        },
        "tables": [
            {
                "sheet": "部门项目目标绩效表",
                "title": "部门项目支出绩效目标表（2025年度）",
                "kind": "project_targets",
                "money_unit": "万元",
                "header_rows": (4, 4),
                "data_rows": (5, 169),
                "rows": 165,  # the department total row 5 + 164 indicator rows
                "note_starts": "1、报表说明:该报表统计项目绩效目标信息",
            },
        ],
        "project_table": {
            "sheet": "部门项目目标绩效表",
            "money_unit": "万元",
            "columns": (
                "单位名称",
                "项目名称",
                "预算数",
                "年度目标",
                "一级指标",
                "二级指标",
                "三级指标",
                "指标性质",
                "指标值",
                "度量单位",
                "权重",
                "指标方向性",
            ),
            "count": 40,
            "indicator_total": 164,
            "budget_total": "10,708.42",
            "indicator_counts": (
                2,
                7,
                4,
                4,
                2,
                6,
                5,
                4,
                5,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                2,
                5,
                5,
                6,
                7,
                8,
                5,
                5,
                9,
                4,
                8,
                7,
                9,
                5,
                6,
                4,
            ),
        },
        "indicator_columns": (
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "权重",
            "指标方向性",
        ),
        "projects": [
            {
                "row": 6,
                "code": "51192221R000000029729",
                "name": "长赡人员经费支出",
                "budget": "0.90",
                "indicators": 2,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "数量指标",
                            "发放（缴纳）覆盖率",
                            "＝",
                            "100",
                            "%",
                            "60",
                            "正向指标",
                        ),
                    ),
                ],
            },
            {
                "row": 8,
                "code": "51192221T000000073574",
                "name": "卫片执法经费",
                "budget": "60.00",
                "indicators": 7,
                "checks": [
                    (1, ("产出指标", "数量指标", "卫片图斑", "≥", "2600", "个", "10", "正向指标")),
                    (2, ("产出指标", "数量指标", "自主监测图斑", "≥", "2400", "个", "10", "")),
                    (
                        3,
                        (
                            "产出指标",
                            "质量指标",
                            "通过部、省、市检查",
                            "定性",
                            "通过",
                            "",
                            "10",
                            "",
                        ),
                    ),
                    (
                        4,
                        (
                            "产出指标",
                            "时效指标",
                            "完成图斑核查及上传工作",
                            "定性",
                            "2025年底",
                            "",
                            "10",
                            "",
                        ),
                    ),
                    (6, ("满意度指标", "满意度指标", "实施区域内", "≥", "90", "%", "10", "")),
                ],
            },
            {
                "row": 87,
                "code": "51192223T000008938160",
                "name": "规划编制",
                "budget": "460.00",
                "indicators": 6,
                "checks": [
                    (
                        6,
                        (
                            "成本指标",
                            "经济成本指标",
                            "规划编制测绘工作经费等成本指标",
                            "≤",
                            "2500",
                            "万元",
                            "10",
                            "反向指标",
                        ),
                    ),
                ],
            },
            {
                "row": 100,
                "code": "51192223T000009371662",
                "name": "2023年中央地质灾害防治补助资金",
                "budget": "164.60",
                "indicators": 8,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "数量指标",
                            "地质灾害隐患点培训演练覆盖率",
                            "＞",
                            "90",
                            "%",
                            "15",
                            "",
                        ),
                    ),
                    (2, ("产出指标", "数量指标", "重点隐患整治任务", "＝", "5", "处", "15", "")),
                ],
            },
            {
                "row": 131,
                "code": "51192225T000012507709",
                "name": "南江县红庙子河霞石矿开发项目",
                "budget": "1,300.00",
                "indicators": 8,
                "goal": None,  # D131 blank
                "checks": [
                    (
                        3,
                        (
                            "产出指标",
                            "时效指标",
                            "市局组织专家评审通过",
                            "定性",
                            "2024年12月20日前",
                            "日",
                            "10",
                            "",
                        ),
                    ),
                    (
                        5,
                        (
                            "效益指标",
                            "经济效益指标",
                            "矿业权出让收益",
                            "≥",
                            "7000",
                            "万元",
                            "20",
                            "",
                        ),
                    ),
                ],
            },
            {
                "row": 166,
                "code": "51192225T000013646503",
                "name": "2024年地质灾害综合防治体系建设677（万）",
                "budget": "677.00",
                "indicators": 4,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "数量指标",
                            "开展地质灾害隐患点综合治理",
                            "＝",
                            "11",
                            "处",
                            "30",
                            "",
                        ),
                    ),
                ],
            },
        ],
    },
    # Verified with openpyxl: sheet '自评表' A1:K2002 holds 91 blocks of the same form, one
    # per project, each starting at a title row '部门预算项目支出绩效自评表（2023年度）'
    # (the first at row 2 under A1 报表编号), 19–27 rows each, one blank row between; notes
    # A1999:A2002. Sheet '纵向' (no title) lists the three units' 一般公共预算 totals.
    # No 自评等级 is printed anywhere; 偏差原因 column is headed 未完成原因分析, blank in all
    # 256 indicator rows; 完成值/得分 are filled only for 平昌县看守所 (18 projects).
    "pingchang-gonganju-2023-self-evaluation.xlsx": {
        "format": "xlsx",
        "unit_name": "平昌县公安局",
        "department": "平昌县公安局部门",  # 主管部门, every block
        "department_code": "113",  # 纵向!A4
        "units": {  # 实施单位 （盖章） → projects; codes from 纵向!C4:C6
            "平昌县公安局": ("113001", 49),
            "平昌县看守所": ("113002", 18),
            "平昌县公安局交通管理大队": ("113003", 24),
        },
        "fiscal_year": 2023,
        "money_unit": "万元",  # only in the header cell '年度预算数（万元）'
        "sheets": ("自评表", "纵向"),
        "cells": {
            "自评表!A1": "报表编号：510000_0013zp",
            "自评表!A2": "部门预算项目支出绩效自评表（2023年度）",
            "自评表!B8": "年度预算数（万元）",
            "自评表!A8": "预算执行情况（10分）",
            "自评表!A14": "绩效指标（90分）",
            "自评表!K14": "未完成原因分析",
            "自评表!C9": 3480.1257,  # shown 3,480.13
            "自评表!H9": 1,  # shown 100.00% (format #0.00%)
            "自评表!I17": 100,  # 合计 权重
            "自评表!J17": None,  # 合计 得分 blank (公安局 blocks)
            "纵向!E4": 7891.1039,  # = Σ 年初预算 of 平昌县公安局's 49 blocks
            "纵向!F4": 11939.478662,  # = Σ 调整后预算数 of the same blocks
        },
        "tables": [
            {
                "sheet": "自评表",
                "title": "部门预算项目支出绩效自评表（2023年度）",
                "kind": "self_evaluation",
                "money_unit": "万元",
                "blocks": 91,
            },
            {
                "sheet": "纵向",
                "title": None,
                "kind": "other",
                "money_unit": None,
                "header_rows": (2, 3),
                "data_rows": (4, 6),
                "rows": 3,
                "checks": [
                    ("113002", "一般公共预算/年初预算数", "567.40"),
                    ("113003", "一般公共预算/调整后预算数", "1,751.78"),
                ],
            },
        ],
        "evaluation_layout": {
            # offsets from the block's title row
            "funding_header": 6,  # 预算执行情况（10分） | 年度预算数（万元） | 年初预算 | 调整后预算数 |
            # 预算执行数 (E:G merged) | 预算执行率 | 权重 | 得分 | 原因 (K merged over 5 rows)
            "funding_rows": ("总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"),
            "indicator_header": 12,
            "indicator_columns": (
                "一级指标",
                "二级指标",
                "三级指标",
                "指标性质",
                "指标值",
                "度量单位",
                "完成值",
                "权重",
                "得分",
                "未完成原因分析",
            ),
            "after_indicators": ("合计", "评价结论", "存在问题", "改进措施"),
        },
        "evaluation_count": 91,
        "indicator_total": 256,
        "projects_without_indicators": 12,  # a header then one blank row, 合计 权重 still 100
        "conclusions_with_total": 85,  # '项目自评总分100分…' in 评价结论; 6 大队 blocks say none
        "evaluations": [
            {
                "title_row": 2,
                "code": "51192321R000000028221",
                "name": "工资性支出（行政）",
                "unit": "平昌县公安局",
                "funding": {
                    "年初预算": "3,480.13",
                    "调整后预算数": "3,517.08",
                    "预算执行数": "3,517.08",
                    "预算执行率": "100.00%",
                    "权重": "10",
                    "得分": "",
                },
                "indicators": 2,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "数量指标",
                            "发放（缴纳）覆盖率",
                            "＝",
                            "100",
                            "%",
                            "",
                            "60",
                            "",
                            "",
                        ),
                    ),
                ],
                "total_weight": "100",
                "total_score": "",
                "conclusion_total": "100",
                "grade": None,
            },
            {
                "title_row": 1801,
                "code": "51192321Y000000033528",
                "name": "公务交通补贴",
                "unit": "平昌县看守所",
                "funding": {
                    "年初预算": "15.82",
                    "调整后预算数": "15.82",
                    "预算执行数": "15.82",
                    "预算执行率": "100.00%",
                    "权重": "10",
                    "得分": "10",
                },
                "indicators": 4,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "数量指标",
                            "科目调整次数",
                            "≤",
                            "5",
                            "次",
                            "100",
                            "20",
                            "20",
                            "",
                        ),
                    ),
                    (
                        2,
                        (
                            "产出指标",
                            "质量指标",
                            "预算编制准确率（计算方法为：∣（执行数-预算数）/预算数∣）",
                            "≤",
                            "5",
                            "%",
                            "100",
                            "30",
                            "30",
                            "",
                        ),
                    ),
                    (
                        4,
                        (
                            "效益指标",
                            "社会效益指标",
                            "运转保障率",
                            "＝",
                            "100",
                            "%",
                            "100",
                            "20",
                            "20",
                            "",
                        ),
                    ),
                ],
                "total_weight": "100",
                "total_score": "100",
                "conclusion_total": "100",
                "grade": None,
            },
            {
                "title_row": 1952,
                "code": "51192323T000008740450",
                "name": "犯罪人员给养经费",
                "unit": "平昌县看守所",
                "funding": {
                    "年初预算": "100.00",
                    "调整后预算数": "100.00",
                    "预算执行数": "100.00",
                    "预算执行率": "100.00%",
                    "权重": "10",
                    "得分": "10",
                },
                "indicators": 8,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "数量指标",
                            "保障在押人员最低生活标准",
                            "≥",
                            "250",
                            "元",
                            "100",
                            "10",
                            "10",
                            "",
                        ),
                    ),
                    (
                        2,
                        (
                            "产出指标",
                            "数量指标",
                            "完成投送监狱人次",
                            "≥",
                            "125",
                            "人",
                            "100",
                            "15",
                            "15",
                            "",
                        ),
                    ),
                    (
                        4,
                        (
                            "产出指标",
                            "时效指标",
                            "资金支付进度",
                            "定性",
                            "按时支付",
                            "",
                            "100",
                            "10",
                            "10",
                            "",
                        ),
                    ),
                    (
                        8,
                        (
                            "成本指标",
                            "经济成本指标",
                            "成本控制数",
                            "≤",
                            "167.78",
                            "万元",
                            "100",
                            "15",
                            "15",
                            "",
                        ),
                    ),
                ],
                "total_weight": "100",
                "total_score": "100",
                "conclusion_total": "100",
                "grade": None,
            },
            {
                "title_row": 1979,
                "code": "51192323T000009466961",
                "name": "监墙报警装置经费",
                "unit": "平昌县看守所",
                "funding": {
                    "年初预算": "0.00",
                    "调整后预算数": "4.00",
                    "预算执行数": "4.00",
                    "预算执行率": "100.00%",
                    "权重": "10",
                    "得分": "10",
                },
                "indicators": 1,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "质量指标",
                            "任务完成率",
                            "＝",
                            "100",
                            "%",
                            "100",
                            "50",
                            "50",
                            "",
                        ),
                    ),
                ],
                "total_weight": "100",  # printed, though 10 + 50 = 60
                "total_score": "100",  # printed, though 10 + 50 = 60
                "conclusion_total": "100",
                "grade": None,
            },
        ],
        # Re-computed by hand with the defaults of docs/evaluate.md (10号: execution 10 points,
        # the unit's own 权重 kept, linear negative formula, qualitative needs a band) and
        # cross-checked with jixiao.evaluate.score_indicator on hand-built indicators.
        "hand_scores": {
            "公务交通补贴@平昌县看守所": {
                "printed_total": "100",
                "execution": "10.00",
                "indicators": ("0.00", "0.00", "20.00", "20.00"),  # ≤5次 and ≤5% against 100
                "total": "50.00",
                "grade": "差",
                "total_ratio_formula": "52.50",  # negative_formula = "ratio": 1.00 + 1.50
            },
            "犯罪人员给养经费@平昌县看守所": {
                "printed_total": "100",
                "execution": "10.00",
                "indicators": ("4.00", "12.00", "10.00", "0.00", "0.00", "0.00", "10.00", "15.00"),
                "total": "61.00",  # the three 定性 rows have no 达成 band → 0
                "grade": "中",
                "total_if_qualitative_achieved": "91.00",  # 达成 + claimed 10 each
            },
            "监墙报警装置经费@平昌县看守所": {
                "printed_total": "100",
                "execution": "10.00",
                "indicators": ("50.00",),
                "total": "60.00",
                "grade": "中",
            },
        },
    },
    # Verified with lxml on word/document.xml: 15 top-level tables (w:tbl children of w:body),
    # titles inside the tables' first rows, 'N 部门公开表' labels beside them; table 5 (index 4)
    # is a 1×2 shell whose first cell holds a nested 15-row table (财政拨款收支预算总表). No
    # images. 17 sections, portrait except the two landscape ones holding tables 5 and 13.
    "bazhou-jiaotongju-2024-budget.docx": {
        "format": "docx",
        "unit_name": "巴中市巴州区交通运输局",
        "unit_code": "163001",
        "department_code": "163",
        "fiscal_year": 2024,  # cover '2024年部门预算'
        "money_unit": "万元",
        "top_level_tables": 15,
        "tables": [
            {
                "table_index": 0,
                "title": None,  # the list of 9 subordinate units under '二、部门预算单位构成'
                "kind": "other",
                "money_unit": None,
                "rows": 9,
            },
            {
                "table_index": 1,
                "label": "部门公开表 1",
                "title": "部门收支总表",
                "kind": "income_expenditure_summary",
                "money_unit": "万元",
                "rows": 8,
                "checks": [
                    ("一、一般公共预算拨款收入", "收    入/预算数", "5298.82"),
                    ("二、交通运输支出", "支    出/预算数", "4219.42"),
                    ("本 年 收 入 合 计", "收    入/预算数", "5298.82"),
                    ("本 年 支 出 合 计", "支    出/预算数", "5299.21"),
                    ("二、上年结转", "收    入/预算数", "0.4"),
                    ("收  入  总  计", "收    入/预算数", "5299.21"),
                    ("支  出  总  计", "支    出/预算数", "5299.21"),
                ],
            },
            {
                "table_index": 2,
                "label": "部门公开表 1-1",
                "title": "部门收入总表",
                "kind": "income_summary",
                "money_unit": "万元",
                "rows": 11,
                "checks": [
                    ("合    计", "合计", "5289.21"),  # the 9 units add to 5299.21
                    ("合    计", "上年结转", "0.40"),
                    ("合    计", "一般公共预 算拨款收入", "5288.82"),
                    ("163004", "合计", "2223.89"),
                ],
            },
            {
                "table_index": 3,
                "label": "部门公开表 1-2",
                "title": "部门支出总表",
                "kind": "expenditure_summary",
                "money_unit": "万元",  # split over two cells: '金额单位：' | '万元'
                "rows": 19,
                "checks": [
                    ("合    计", "合计", "5,299.21"),
                    ("合    计", "基本支出", "5,121.07"),
                    ("合    计", "项目支出", "178.14"),
                    ("公路养护", "合计", "2,876.63"),
                ],
            },
            {
                "table_index": 4,
                "nested": True,  # the table inside cell (0, 0) of the top-level table
                "label": "部门公开表 2",
                "title": "财政拨款收支预算总表",
                "kind": "fiscal_appropriation_summary",
                "money_unit": "万元",
                "rows": 7,  # no 收入总计/支出总计 row
                "checks": [
                    ("一、本年收入", "收    入/预算数", "5,298.82"),
                    ("二、上年结转", "收    入/预算数", "0.40"),
                    ("一、本年支出", "支    出/合计", "5,299.21"),
                    ("交通运输支出", "支    出/一般公共预 算", "4,219.42"),
                ],
            },
            {
                "table_index": 5,
                "label": "部门公开表2-1",
                "title": "财政拨款支出预算表（部门经济分类科目）",
                "kind": "other",
                "money_unit": None,  # row 1 prints '部门：' and nothing else
                "rows": 219,
                "checks": [
                    ("合    计", "总计", "5,299.21"),
                    ("合    计", "省级当年财政拨款安排/合计", "5,298.82"),
                    ("合    计", "省级当年财政拨款安排/一般公共预算拨款/基本支出", "5,120.82"),
                    ("合    计", "上年结转安排/一般公共预算拨款/项目支出", "0.14"),
                    (" 巴中市巴州区交通运输局", "总计", "733.29"),
                ],
            },
            {
                "table_index": 6,
                "label": "部门公开表 3",
                "title": "一般公共预算支出预算表",
                "kind": "general_budget_expenditure",
                "money_unit": "万元",
                "rows": 11,
                "checks": [
                    ("合    计", "合计", "5，299.21"),  # full-width comma U+FF0C
                    ("合    计", "当年财政拨款安排", "5，298.82"),
                    ("行政运行", "合计", "1，295.78"),
                    ("公路养护", "上年结转安排", "0.26"),
                ],
            },
            {
                "table_index": 7,
                "label": "表 3-1",
                "title": "一般公共预算基本支出预算表",
                "kind": "general_budget_basic_expenditure",
                "money_unit": "万元",  # '金额单位： 万元'
                "rows": 35,
                "checks": [
                    ("合    计", "基本支出/合计", "5,121.07"),
                    ("合    计", "基本支出/人员经费", "4,671.79"),
                    ("合    计", "基本支出/公用经费", "449.29"),
                    ("30102", "基本支出/合计", "218.091"),
                    ("302", "基本支出/公用经费", "449.3"),
                ],
            },
            {
                "table_index": 8,
                "label": "部门公开表 3-2",
                "title": "一般公共预算项目支出预算表",
                "kind": "other",
                "money_unit": "万元",
                "rows": 14,
                "checks": [
                    ("合    计", "金额", "178.14"),
                    ("机关运行经费", "金额", "49.00"),
                ],
            },
            {
                "table_index": 9,
                "label": "部门公开表 3-3",
                "title": "一般公共预算“三公”经费支出预算表",
                "kind": "three_public_expenses",
                "money_unit": "万元",
                "rows": 2,
                "checks": [
                    ("合    计", "当年财政拨款预算安排/合计", "1.5"),
                    (
                        "163001",
                        "当年财政拨款预算安排/公务用车购置及运行费/公务用车 运行费",
                        "1.5",
                    ),
                ],
            },
            {
                "table_index": 10,
                "label": "部门公开表 4",
                "title": "政府性基金预算支出表",
                "kind": "gov_fund_expenditure",
                "money_unit": "万元",
                "rows": 1,
                "empty": True,
                "note": "空表说明：无此项内容",  # inside the table, last row
            },
            {
                "table_index": 11,
                "label": "部门公开表 4-1",
                "title": "政府性基金预算“三公”经费支出预算表",
                "kind": "other",  # a 三公 table of gov-fund money; not the 一般公共预算 one
                "money_unit": "万元",
                "rows": 1,
                "empty": True,
                "note": "空表说明：无此项内容",  # paragraph after the table
            },
            {
                "table_index": 12,
                "label": "部门公开表 5",
                "title": "国有资本经营预算支出表",
                "kind": "state_capital_expenditure",
                "money_unit": "万元",
                "rows": 1,
                "empty": True,
                "note": "空表说明：无此项内容",
            },
            {
                "table_index": 13,
                "title": "部门预算项目绩效目标申报表（2024年度）",
                "kind": "project_targets",
                "money_unit": "元",  # '单位：元'
                "rows": 90,  # 1 total row (1,680,000.00) + 89 indicator rows
            },
            {
                "table_index": 14,
                "label": "部门公开表 7",  # a paragraph before the table
                "title": "整体支出绩效目标申报表",
                "kind": "department_targets",
                "money_unit": "元",
            },
        ],
        "project_table": {
            "table_index": 13,
            "money_unit": "元",
            "columns": (
                "单位名称",
                "项目名称",
                "预算数",
                "年度目标",
                "一级指标",
                "二级指标",
                "三级指标",
                "指标性质",
                "指标值",
                "度量单位",
                "权重",
                "指标方向性",
            ),
            "count": 13,
            "indicator_total": 89,
            "total_row": ("巴州区交通运输局", "1,680,000.00"),  # = Σ of projects 3–13
            "indicator_counts": (4, 4, 6, 6, 9, 9, 7, 6, 9, 6, 9, 8, 6),
        },
        "indicator_columns": (
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "权重",
            "指标方向性",
        ),
        "projects": [
            {
                "unit": "巴中市巴州区交通运输局",
                "name": "行政人员公用经费",
                "code": None,
                "budget": "1,136,325.68",
                "indicators": 4,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "质量指标",
                            "预算编制准确率（计算方法为：∣（执行数-预算数）/预算数∣）",
                            "＝",
                            "100",
                            "％",  # full-width percent
                            "20",
                            "反向指标",
                        ),
                    ),
                    (3, ("产出指标", "数量指标", "科目调整指标", "≤", "7", "次", "20", "反向指标")),
                ],
            },
            {
                "unit": "巴中市巴州区航务海事发展中心",
                "name": "项目推进工作经费",
                "code": None,
                "budget": "50,000.00",
                "indicators": 6,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "成本指标",
                            "严格控制项目建设成本",
                            "≤",
                            "5",
                            "万元",
                            "20%",
                            "反向指标",
                        ),
                    ),
                    (2, ("产出指标", "质量指标", "验收合格率", "=", "100", "%", "10%", "反向指标")),
                    (4, ("产出指标", "时效指标", "本年度完成", "≤", "10", "月", "20%", "正向指标")),
                ],
            },
            {
                "unit": "巴中市巴州区公路运输发展中心",
                "name": "客货运行业安全监督管理",
                "code": None,
                "budget": "200,000.00",
                "indicators": 7,
                "checks": [
                    (
                        1,
                        (
                            "成本指标",
                            "经济成本指标",
                            "本年度运行经费控制在20万元以内",
                            "＝",
                            "200000",
                            "元",
                            "20",
                            "正向指标",
                        ),
                    ),
                ],
            },
            {
                "unit": "巴中巴州区交通建设工程质量监督局",  # sic, without 市
                "name": "交通质量监督",
                "code": None,
                "budget": "40,000.00",
                "goal": "100%",
                "indicators": 8,
                "checks": [
                    (
                        1,
                        (
                            "产出指标",
                            "成本指标",
                            "运行经费控制在4万元内",
                            "≦",
                            "4",
                            "万元",
                            "10",
                            "正向指标",
                        ),
                    ),
                    (
                        3,
                        (
                            "产出指标",
                            "质量指标",
                            "在建农村工程项目安全生产事故。",
                            "等于",
                            "100",
                            "%",
                            "10",
                            "正向指标",
                        ),
                    ),
                ],
            },
        ],
        "department_goals": {
            "table_index": 14,
            "title": "整体支出绩效目标申报表",
            "money_unit": "元",
            "unit_name": "交通局",
            "budget_total": "52,888,160.02",
            "budget_fiscal": "52,888,160.02",
            "budget_other": "",
            "tasks": 3,
            "indicators": 9,
            "indicator_columns": (
                "一级指标",
                "二级指标",
                "三级指标",
                "绩效指标性质",
                "绩效指标值",
                "绩效度量单位",
                "权重",
            ),
            "checks": [
                (1, ("产出指标", "数量指标", "交通项目建设", "≥", "20", "个", "10")),
                (4, ("产出指标", "数量指标", "年度争取无偿资金", "≥", "2", "亿", "10")),
                (9, ("成本指标", "经济成本指标", "财政预算控制数", "≤", "5288.82", "万元", "10")),
            ],
        },
    },
    # Verified with pdfplumber, page by page (23 landscape pages 842×595, rotation 0, no
    # rule lines, cells drawn as rects): p1 cover, p2 contents, p3 blank grid, p4–p5 the same
    # 职能 text twice, p6–p9 prose, p10–p21 nine tables, p22–p23 prose. No performance tables.
    "shanghai-putuo-sifaju-2026-budget.pdf": {
        "format": "pdf",
        "unit_name": "上海市普陀区司法局",
        "fiscal_year": 2026,  # p1 '上海市普陀区2026年区级部门预算'
        "money_unit": "元",
        "pages": 23,
        "tables": [
            {
                "pages": (10,),
                "title": "2026年部门财务收支预算总表",
                "kind": "income_expenditure_summary",
                "money_unit": "元",
                "rows": 8,
                "checks": [
                    ("一、财政拨款收入", "本年收入/预算数", "96,282,213.44"),
                    ("一、公共安全支出", "本年支出/预算数", "87,267,272.44"),
                    ("收入总计", "本年收入/预算数", "96,282,213.44"),
                    ("支出总计", "本年支出/预算数", "96,282,213.44"),
                ],
            },
            {
                "pages": (11,),
                "title": "2026年部门收入预算总表",
                "kind": "income_summary",
                "money_unit": "元",
                "rows": 22,
                "checks": [
                    ("行政运行", "收入预算/合计", "16726725.44"),
                    ("合计", "收入预算/合计", "96282213.44"),
                    ("合计", "收入预算/事业收入", "0.00"),
                ],
            },
            {
                "pages": (12, 13),  # p13 continues with no title and no header
                "title": "2026年部门支出预算总表",
                "kind": "expenditure_summary",
                "money_unit": "元",
                "rows": 22,
                "checks": [
                    ("合计", "支出预算/合计", "96282213.44"),
                    ("合计", "支出预算/基本支出", "25741666.44"),
                    ("合计", "支出预算/项目支出", "70540547.00"),
                    ("其他司法支出", "支出预算/项目支出", "38454900.00"),
                ],
            },
            {
                "pages": (14,),
                "title": "2026年部门财政拨款收支预算总表",
                "kind": "fiscal_appropriation_summary",
                "money_unit": "元",
                "rows": 5,
                "checks": [
                    ("收入总计", "财政拨款收入/预算数", "96,282,213.44"),
                    ("支出总计", "财政拨款支出/一般公共预算", "96,282,213.44"),
                    ("四、住房保障支出", "财政拨款支出/合计", "4,521,559.00"),
                ],
            },
            {
                "pages": (15, 16),  # p16 repeats the header, not the title
                "title": "2026年部门一般公共预算支出功能分类预算表",
                "kind": "general_budget_expenditure",
                "money_unit": "元",
                "rows": 22,
                "checks": [
                    ("合计", "一般公共预算支出/合计", "96282213.44"),
                    ("合计", "一般公共预算支出/基本支出", "25741666.44"),
                    ("购房补贴", "一般公共预算支出/合计", "2433600.00"),
                ],
            },
            {
                "pages": (17,),
                "title": "2026年部门政府性基金预算支出功能分类预算表",
                "kind": "gov_fund_expenditure",
                "money_unit": "元",
                "rows": 2,  # '无' and 合计, no amounts
                "empty": True,
                "note": "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。",
            },
            {
                "pages": (18,),
                "title": "2026年部门国有资本经营预算支出功能分类预算表",
                "kind": "state_capital_expenditure",
                "money_unit": "元",
                "rows": 2,
                "empty": True,
                "note": "注:本部门2026年无国有资本经营预算财政拨款安排的预算，故本表为空表。",
            },
            {
                "pages": (19, 20),  # p20 continues with no title and no header
                "title": "2026年部门一般公共预算基本支出部门预算经济分类预算表",
                "kind": "general_budget_basic_expenditure",
                "money_unit": "元",
                "rows": 30,
                "checks": [
                    ("合计", "一般公共预算基本支出/合计", "25741666.44"),
                    ("合计", "一般公共预算基本支出/人员经费", "23563342.00"),
                    ("合计", "一般公共预算基本支出/公用经费", "2178324.44"),
                    ("公务接待费", "一般公共预算基本支出/合计", "8265.00"),
                ],
            },
            {
                "pages": (21,),
                "title": "2026年部门“三公”经费和机关运行经费预算表",
                "kind": "three_public_expenses",
                "money_unit": "万元",  # '单位:万元' (half-width colon), the only 万元 table
                "rows": 1,
                "checks": [
                    ("", "“三公”经费预算数/合计", "10.81"),
                    ("", "“三公”经费预算数/公务接待费", "0.83"),
                    ("", "“三公”经费预算数/公务用车购置及运行费/运行费", "9.98"),
                    ("", "机关运行经费预算数", "217.83"),
                ],
            },
        ],
        "projects": [],  # p22: '编报绩效目标的项目20个，涉及项目预算资金7054.05万元' — no tables
    },
    # Verified with pdfplumber, page by page (26 portrait pages 595×842, rotation 0; PDF
    # metadata Title '离婚协议书' from a reused Word template): p1 cover, p2 contents, p3–p7
    # 部门概况, p8–p17 twelve tables (公开01表 … 公开12表), p17–p25 说明, p25–p26 名词解释. Page
    # numbers printed as a last line; cells drawn as hundreds of thin rects.
    "jiangsu-gaoyuan-2019-budget.pdf": {
        "format": "pdf",
        "unit_name": "江苏省高级人民法院",
        "fiscal_year": 2019,  # p1 '2019 年度部门预算公开'
        "money_unit": "万元",
        "pages": 26,
        "tables": [
            {
                "pages": (8,),
                "label": "公开 01表",
                "title": "收支预算总表",
                "kind": "income_expenditure_summary",
                "money_unit": "万元",  # '单位:万元'
                "rows": 24,  # 21 function lines, 当年收入小计, 上年结转资金, 收入合计
                "checks": [
                    ("一、财政拨款", "收入/金额", "37,188.34"),
                    ("四、公共安全支出", "支出/功能分类/金额", "27,488.23"),
                    ("一、基本支出", "支出/支出用途/金额", "21,968.00"),
                    ("三、单位预留机动经费", "支出/支出用途/金额", "5,011.40"),
                    ("收入合计", "收入/金额", "37,188.34"),
                    ("支出合计", "支出/支出用途/金额", "37,188.34"),
                ],
            },
            {
                "pages": (9,),
                "label": "公开 02表",
                "title": "收入预算总表",
                "kind": "income_summary",
                "money_unit": "万元",
                "rows": 15,
                "checks": [
                    ("收入总计", "金额", "37,188.34"),
                    ("公共财政拨款（补助）资金", "金额", "37,188.34"),
                ],
            },
            {
                "pages": (9,),
                "label": "公开 03表",
                "title": "支出预算总表",
                "kind": "expenditure_summary",
                "money_unit": "万元",
                "rows": 1,
                "checks": [
                    ("", "合计", "37,188.34"),
                    ("", "单位预留机动经费", "5,011.40"),
                    ("", "结转下年资金", ""),
                ],
            },
            {
                "pages": (10,),
                "label": "公开 04表",
                "title": "财政拨款收支预算总表",
                "kind": "fiscal_appropriation_summary",
                "money_unit": "万元",
                "rows": 4,
                "checks": [
                    ("一、一般公共预算", "收入/金额", "37,188.34"),
                    ("三、单位预留机动经费", "支出/支出用途/金额", "5,011.40"),
                    ("支出合计", "支出/支出用途/金额", "37,188.34"),
                ],
            },
            {
                "pages": (10,),
                "label": "公开05表",
                "title": "财政拨款支出预算表（功能科目）",
                "kind": "other",
                "money_unit": "万元",
                "rows": 18,  # 合计 + 17 code rows (类/款/项 joined, 3/5/7 digits)
                "checks": [
                    ("合计", "金 额", "37,188.34"),
                    ("2040501", "金 额", "17,279.29"),
                    ("2080505", "金 额", "1,384.70"),  # its name wraps: '…缴费支' / '出'
                ],
            },
            {
                "pages": (11,),
                "label": "公开06表",
                "title": "财政拨款基本支出预算表（经济科目）",
                "kind": "other",
                "money_unit": "万元",
                "rows": 34,
                "checks": [
                    ("合计", "金额", "21,968.00"),
                    ("30101", "金额", "2,827.41"),
                ],
            },
            {
                "pages": (12,),
                "label": "公开07表",
                "title": "一般公共预算支出预算表（功能科目）",
                "kind": "general_budget_expenditure",
                "money_unit": "万元",
                "rows": 18,
                "checks": [
                    ("合计", "金 额", "37,188.34"),
                    ("2210202", "金 额", "5,465.10"),
                ],
            },
            {
                "pages": (13,),
                "label": "公开08表",
                "title": "一般公共预算基本支出预算表（经济科目）",
                "kind": "general_budget_basic_expenditure",
                "money_unit": "万元",
                "rows": 34,
                "checks": [
                    ("合计", "基本支出", "21,968.00"),
                    ("303", "基本支出", "2,063.88"),
                ],
            },
            {
                "pages": (14,),
                "label": "公开 09表",
                "title": "“三公”经费、会议费、培训费支出预算表",
                "kind": "three_public_expenses",
                "money_unit": "万元",  # printed '单位：万' and '元' on two lines
                "rows": 1,  # 8 numbers for 9 columns: 公务用车购置费 is blank
                "checks": [
                    ("", "合计", "2,382.02"),
                    ("", "“三公”经费/小计", "513.75"),
                    ("", "“三公”经费/因公出国（境）费", "160.00"),
                    ("", "“三公”经费/公务用车购置及运行维护费/公务用车购置费", ""),
                    ("", "“三公”经费/公务用车购置及运行维护费/公务用车运行维护费", "266.80"),
                    ("", "“三公”经费/公务接待费", "86.95"),
                    ("", "会议费", "271.02"),
                    ("", "培训费", "1,597.25"),
                ],
            },
            {
                "pages": (14,),
                "label": "公开10表",
                "title": "政府性基金预算财政拨款支出预算表",
                "kind": "gov_fund_expenditure",
                "money_unit": "万元",
                "rows": 1,
                "empty": True,
                "checks": [("合 计", "金 额", "0")],
            },
            {
                "pages": (15,),
                "label": "公开11表",
                "title": "一般公共预算机关运行经费支出预算表",
                "kind": "other",
                "money_unit": "万元",
                "rows": 17,
                "checks": [("合计", "机关运行经费支出", "3,580.05")],
            },
            {
                "pages": (16, 17),  # p17 continues with no title and no header
                "label": "公开12表",
                "title": "政府采购支出预算表",
                "kind": "procurement_budget",
                "money_unit": "万元",
                "rows": 61,  # 42 on p16, 19 on p17; one amount per row
                "checks": [
                    ("合计", "总计", "5,227.59"),
                    ("一、货物A", "总计", "1,637.72"),
                    ("二、工程B", "总计", "530.00"),
                    ("三、服务C", "总计", "3,059.87"),
                ],
            },
        ],
        "projects": [],  # p25: '实行整体支出绩效目标管理，涉及财政性资金合计 37188.34 万元'
    },
}
