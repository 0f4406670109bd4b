"""The arithmetic family's findings on each seed and on the demo, checked by hand.

Each entry is ``ids_at`` of one finding, in review order, with what the document shows
there. Seeds 000, 002, 003 and 004 print no budget tables (performance targets only), and
their projects print 预算数 = 财政资金 with 其他资金 blank, which adds up.

Seed 001 (12 tables), checked by hand:
- 收支总表 (l.1–220): income 4131.67 (一般公共预算拨款收入) = 本年收入合计 = 收入总计;
  expenditure 618.53 + 3446.45 + 36.69 + 13.00 + 17.00 = 4131.67 = 本年支出合计 = 支出总计.
- 收入总表 (l.225–530) and 支出总表 (l.546–770): every 类 = Σ 款 = Σ 项 (e.g. 208: 28.79
  + 7.90 = 36.69; 20805: 18.40 + 10.39 = 28.79); 合计 4131.67 = Σ 类; 支出总表 合计 =
  基本 233.45 + 项目 3898.22 on every row; 收入总表 合计 = 小计 = 财政拨款收入.
- 财政拨款收支总表 (l.782–1133): 4131.67 both sides, all in 一般公共预算.
- 一般公共预算财政拨款支出表 (l.1144–1302) = the 支出总表's rows; its 基本支出 233.45 =
  基本支出表 合计 (l.1334) = 人员 218.99 + 公用 14.46; 301 201.99 + 302 14.46 + 303 17.00
  = 233.45.
- 三公 (l.1544–1623): 合计 161.55 = 小计 161.55 = 购置 110.00 + 运维 51.55, but the line
  二、公务用车购置及运维费 between them is printed blank — the two findings below.
- 政府采购 (l.3313–3394): 110.00 + 440.00 = 550.00 = 小计 = 合计; 8 × 13.75 = 110.00,
  1 × 440.00 = 440.00.
- 固定资产 (l.3416–3444): 329.32 + 300.27 + 111.91 + 495.38 = 1236.88 against 1236.89
  printed: 0.01, within rounding ((4 + 1) × 0.005 = 0.025).

The demo's 12 tables add up everywhere (same checks; 收支总表 635.73 + 47.28 + 16.33 +
45.00 + 18.84 = 763.18; 政府性基金 45.00 in its own table and column; 资产总额 2316.40 +
186.30 + 98.60 + 342.57 = 2943.87).
"""

EXPECTED: dict[str, list[tuple]] = {
    "000": [],
    "001": [
        # l.1602–1607: 6 | 二、公务用车购置及运维费 | (blank) | (blank) — its 其中 lines
        # l.1609 公务用车购置费 110.00 and l.1616 公务用车运行维护费 51.55 make 161.55, which
        # the 合计 and 小计 rows (l.1567, 1574) and the narrative (l.1667 "公务用车购置及运维费
        # 161.55万元") confirm: column 资金性质/合计 ...
        ("sum-mismatch", "部门预算财政拨款“三公”经费支出表"),
        # ... and column 资金性质/一般公共预算财政拨款, same row, same 110.00 + 51.55.
        ("sum-mismatch", "部门预算财政拨款“三公”经费支出表"),
    ],
    "002": [],
    "003": [],
    "004": [],
    "demo": [],
}
