"""The standard budget tables of a synthetic document, consistent to the cent: 类/款/项
trees with 合计 rows, 合计 = 基本支出 + 项目支出, 人员经费 + 公用经费, the 三公 split,
the project budgets adding up to 项目支出; and the money helpers every part prints with."""

from __future__ import annotations

from jixiao.ingest.target import parse_number
from jixiao.model import (
    BudgetColumn,
    BudgetRow,
    BudgetTable,
    CellValue,
    ColumnRole,
    Side,
    TableKind,
)

from .vocabulary import CLASS_LINES, CODE_NAMES, INCOME_LINES


def _fmt(cents: int) -> str:
    """Hundredths of a unit as printed: ``12345`` → ``123.45``."""
    return f"{cents // 100}.{cents % 100:02d}"


def _cell(key: str, raw: str) -> CellValue:
    return CellValue(column=key, raw=raw, value=parse_number(raw) if raw else None)


def _amount(cents: int) -> str:
    return _fmt(cents) if cents else ""


# ================================================================== plants


class BudgetTables:
    """The budget tables of :class:`~synthetic.corpus.DocumentBuilder` (a mixin: the
    document's state, ``rng``, ``specs`` … is the builder's)."""

    def leaves(self) -> dict[str, str]:
        """Function codes (项) of the unit's running costs and of its own projects."""
        admin = self.nature == "行政"
        if self.sector == "admin":
            run = "2010301" if admin else "2010350"
        elif self.sector == "edu":
            run = "2050101" if admin else ("2050202" if "小学" in self.unit_name else "2050203")
        else:
            run = "2100101" if admin else "2100401"
        return {"run": run, "school": "2050299" if run == "2050101" else run}

    def basic_items(self) -> dict[str, int]:
        """基本支出 by economic 款: salaries scale with the staff, social insurance with
        the salaries."""
        r, d = self.rng, self.draw
        staff = r.randint(5, 80)
        pay = d(2.0 * staff, 3.5 * staff)
        allowance = d(0.8 * staff, 2.0 * staff)
        base = pay + allowance
        items = {
            "30101": pay,
            "30102": allowance,
            "30103": d(0.1 * staff, 0.5 * staff),
            "30108": base * 16 // 100,
            "30109": base * 8 // 100,
            "30110": base * 9 // 100,
            "30112": base // 100,
            "30113": base * 12 // 100,
            "30199": d(0.0, 0.2 * staff),
            "30201": d(0.1 * staff, 0.3 * staff),
            "30202": d(0.2, 2.0),
            "30207": d(0.3, 3.0),
            "30211": d(0.5, 4.0),
            "30213": d(0.5, 5.0),
            "30216": d(0.2, 2.0),
            "30217": d(0.3, 3.0),
            "30228": base * 2 // 100,
            "30229": d(0.5, 3.0),
            "30239": d(0.4 * staff, 1.0 * staff),
            "30299": d(0.0, 2.0),
        }
        if self.nature == "行政":
            items["30111"] = base * 2 // 100
        else:
            items["30107"] = d(1.0 * staff, 2.0 * staff)
        if r.random() < 0.5:
            items["30231"] = d(1.0, 8.0)
        retirees = r.randint(0, 20)
        if retirees:
            items["30302"] = d(3.0 * retirees, 6.0 * retirees)
        if r.random() < 0.2:
            items["30305"] = d(0.5, 5.0)
        return {code: cents for code, cents in sorted(items.items()) if cents}

    def compute(self) -> None:
        """Every total the tables and the narrative print."""
        self.basic = basic = self.basic_items()
        admin = self.nature == "行政"
        run = self.leaves()["run"]
        leaf: dict[str, list[int]] = {}  # 项 → [basic, project general, fund, other]

        def add(code: str, slot: int, cents: int) -> None:
            if cents:
                leaf.setdefault(code, [0, 0, 0, 0])[slot] += cents

        social = {
            "30108": "2080505",
            "30109": "2080506",
            "30113": "2210201",
            "30110": "2101101" if admin else "2101102",
            "30111": "2101103",
            "30302": "2080501" if admin else "2080502",
        }
        for code, cents in basic.items():
            add(social.get(code, run), 0, cents)
        vehicles = 0
        for spec in self.specs:
            fiscal = (spec.budget - spec.other) * self.per_wan
            add(spec.leaf, 2 if spec.fund else 1, fiscal)
            add(spec.leaf, 3, spec.other * self.per_wan)
            if spec.arch.vehicles and not spec.fund:
                vehicles += fiscal
        self.leaf = dict(sorted(leaf.items()))
        self.basic_total = sum(basic.values())
        self.operating = sum(v for k, v in basic.items() if k.startswith("302"))
        self.personnel = self.basic_total - self.operating
        self.general = sum(v[0] + v[1] for v in leaf.values())
        self.fund = sum(v[2] for v in leaf.values())
        self.other = sum(v[3] for v in leaf.values())
        self.project_total = sum(v[1] + v[2] + v[3] for v in leaf.values())
        self.total = self.general + self.fund + self.other
        # 三公: 出国, 购置, 运行维护 (basic 30231 and the 公务用车 projects), 接待 (30217)
        self.three = (0, 0, basic.get("30231", 0) + vehicles, basic.get("30217", 0))

    def build_tables(self) -> list[BudgetTable]:
        return [
            self.summary_table(),
            self.income_table(),
            self.expenditure_table(),
            self.fiscal_table(),
            self.tree_table(
                TableKind.GENERAL_BUDGET_EXPENDITURE, "部门预算一般公共预算财政拨款支出表", (0, 1)
            ),
            self.basic_table(),
            self.tree_table(
                TableKind.GOV_FUND_EXPENDITURE,
                "部门预算政府性基金预算财政拨款支出表",
                (2,),
                "注：无政府性基金预算财政拨款预算，空表列示。",
            ),
            self.tree_table(
                TableKind.STATE_CAPITAL_EXPENDITURE,
                "部门预算国有资本经营预算财政拨款支出表",
                (),
                "注：无国有资本经营预算财政拨款预算，空表列示。",
            ),
            self.three_table(),
        ]

    def columns(self, specs, *, numbered: bool = True) -> tuple[BudgetColumn, ...]:
        out = []
        if numbered:
            out.append(
                BudgetColumn(key="序号", header=("序号",), role=ColumnRole.SEQ, column_no="栏次")
            )
        for number, (key, role, side) in enumerate(specs, start=1):
            out.append(
                BudgetColumn(
                    key=key,
                    header=tuple(key.split("/")),
                    role=role,
                    side=side,
                    column_no=str(number) if numbered else None,
                )
            )
        return tuple(out)

    def table(
        self, title, kind, columns, rows, note=None, unit: object = "doc", captions=None
    ) -> BudgetTable:
        """``rows``: (seq, code, name, side, {column: raw}); the two sides of a printed
        row share its seq, row number and location."""
        loc = self.at(3, table=title)
        self.line += 3 * len(columns)
        value_columns = [c for c in columns if c.role in (ColumnRole.VALUE, ColumnRole.TEXT)]
        built = []
        row_no, last_seq, row_loc = 0, None, loc
        for seq, code, name, side, cells in rows:
            if seq is None or seq != last_seq:
                row_no += 1
                row_loc = self.at(len(columns) + 1, table=title, row=row_no)
            last_seq = seq
            values = tuple(
                _cell(c.key, cells.get(c.key, "")) for c in value_columns if c.side in (None, side)
            )
            built.append(
                BudgetRow(seq=seq, code=code, name=name, side=side, values=values, location=row_loc)
            )
        if captions is None:
            captions = (
                f"{self.unit_code}{self.unit_name}",
                f"预算年度：{self.year}",
                f"单位：{self.unit.label}",
            )
        return BudgetTable(
            title=title,
            kind=kind,
            money_unit=self.unit if unit == "doc" else unit,
            columns=columns,
            rows=tuple(built),
            captions=captions,
            note=note,
            location=loc,
        )

    def tree(self, slots: tuple[int, ...]) -> list[tuple[str, list[int]]]:
        """(code, [basic, project]) for every 类, 款 and 项 with money in ``slots``."""
        sums: dict[str, list[int]] = {}
        for code, parts in self.leaf.items():
            basic = parts[0] if 0 in slots else 0
            project = sum(parts[i] for i in slots if i != 0)
            if basic or project:
                for prefix in (code[:3], code[:5], code):
                    node = sums.setdefault(prefix, [0, 0])
                    node[0] += basic
                    node[1] += project
        return sorted(sums.items())

    def tree_rows(self, nodes) -> list[tuple]:
        top = [v for c, v in nodes if len(c) == 3]
        total = (None, [sum(v[0] for v in top), sum(v[1] for v in top)])
        return [
            (
                str(i),
                code,
                CODE_NAMES[code] if code else "合计",
                None,
                {"合计": _amount(b + p), "基本支出": _amount(b), "项目支出": _amount(p)},
            )
            for i, (code, (b, p)) in enumerate([total, *nodes], start=1)
        ]

    def tree_table(self, kind, title, slots, note=None) -> BudgetTable:
        cols = self.columns(
            (
                ("功能分类科目/科目编码", ColumnRole.CODE, None),
                ("功能分类科目/科目名称", ColumnRole.NAME, None),
                *((k, ColumnRole.VALUE, None) for k in ("合计", "基本支出", "项目支出")),
            )
        )
        nodes = self.tree(slots) if slots else []
        if not nodes:
            return self.table(title, kind, cols, [], note=note)
        return self.table(title, kind, cols, self.tree_rows(nodes))

    def expenditure_table(self) -> BudgetTable:
        keys = ("合计", "基本支出", "项目支出", "经营支出", "上解上级支出", "对附属单位补助支出")
        cols = self.columns(
            (
                ("功能分类科目/科目编码", ColumnRole.CODE, None),
                ("功能分类科目/科目名称", ColumnRole.NAME, None),
                *((k, ColumnRole.VALUE, None) for k in keys),
            )
        )
        rows = self.tree_rows(self.tree((0, 1, 2, 3)))
        return self.table("部门预算支出总表", TableKind.EXPENDITURE_SUMMARY, cols, rows)

    def income_table(self) -> BudgetTable:
        keys = (
            "合计",
            "本年收入/小计",
            "本年收入/财政拨款收入",
            "本年收入/财政专户收入",
            "本年收入/事业收入",
            "本年收入/经营收入",
            "本年收入/上级补助收入",
            "本年收入/附属单位上缴收入",
            "本年收入/其他收入",
            "上年结转",
        )
        cols = self.columns(
            (
                ("功能分类科目/科目编码", ColumnRole.CODE, None),
                ("功能分类科目/科目名称", ColumnRole.NAME, None),
                *((k, ColumnRole.VALUE, None) for k in keys),
            )
        )
        sums: dict[str, list[int]] = {}
        for code, parts in self.leaf.items():
            for prefix in (code[:3], code[:5], code):
                node = sums.setdefault(prefix, [0, 0])
                node[0] += parts[0] + parts[1] + parts[2]
                node[1] += parts[3]
        rows = []
        totals = (None, [self.general + self.fund, self.other])
        for i, (code, (fiscal, other)) in enumerate([totals, *sorted(sums.items())], start=1):
            cells = {
                "合计": _amount(fiscal + other),
                "本年收入/小计": _amount(fiscal + other),
                "本年收入/财政拨款收入": _amount(fiscal),
                "本年收入/事业收入": _amount(other),
            }
            rows.append((str(i), code, CODE_NAMES[code] if code else "合计", None, cells))
        return self.table("部门预算收入总表", TableKind.INCOME_SUMMARY, cols, rows)

    def class_totals(self, slots: tuple[int, ...]) -> dict[str, int]:
        out: dict[str, int] = {}
        for code, parts in self.leaf.items():
            out[code[:3]] = out.get(code[:3], 0) + sum(parts[i] for i in slots)
        return out

    def summary_table(self) -> BudgetTable:
        cols = self.columns(
            (
                ("收入/项目", ColumnRole.NAME, Side.INCOME),
                ("收入/预算数", ColumnRole.VALUE, Side.INCOME),
                ("支出/项目", ColumnRole.NAME, Side.EXPENDITURE),
                ("支出/预算数", ColumnRole.VALUE, Side.EXPENDITURE),
            )
        )
        income = {0: self.general, 1: self.fund, 4: self.other}
        by_class = self.class_totals((0, 1, 2, 3))
        rows = []
        for i, (name, code) in enumerate(CLASS_LINES):
            if i < len(INCOME_LINES):
                rows.append(
                    (
                        str(i + 1),
                        None,
                        INCOME_LINES[i],
                        Side.INCOME,
                        {"收入/预算数": _amount(income.get(i, 0))},
                    )
                )
            rows.append(
                (
                    str(i + 1),
                    None,
                    name,
                    Side.EXPENDITURE,
                    {"支出/预算数": _amount(by_class.get(code, 0))},
                )
            )
        closing = (
            ("本年收入合计", "本年支出合计", self.total),
            ("上年结转结余", "年终结转结余", 0),
            ("收入总计", "支出总计", self.total),
        )
        for k, (left, right, value) in enumerate(closing, start=len(CLASS_LINES) + 1):
            rows.append((str(k), None, left, Side.INCOME, {"收入/预算数": _amount(value)}))
            rows.append((str(k), None, right, Side.EXPENDITURE, {"支出/预算数": _amount(value)}))
        return self.table("部门预算收支总表", TableKind.INCOME_EXPENDITURE_SUMMARY, cols, rows)

    def fiscal_table(self) -> BudgetTable:
        exp = Side.EXPENDITURE
        cols = self.columns(
            (
                ("收入/项目", ColumnRole.NAME, Side.INCOME),
                ("收入/金额", ColumnRole.VALUE, Side.INCOME),
                ("支出/项目", ColumnRole.NAME, exp),
                ("支出/合计", ColumnRole.VALUE, exp),
                ("支出/一般公共预算财政拨款", ColumnRole.VALUE, exp),
                ("支出/政府性基金预算财政拨款", ColumnRole.VALUE, exp),
                ("支出/国有资本经营预算财政拨款", ColumnRole.VALUE, exp),
            )
        )
        general, fund = self.class_totals((0, 1)), self.class_totals((2,))
        income = ("一、一般公共预算拨款", "二、政府性基金预算拨款", "三、国有资本经营预算拨款")
        values = (self.general, self.fund, 0)

        def spend(g: int, f: int) -> dict[str, str]:
            return {
                "支出/合计": _amount(g + f),
                "支出/一般公共预算财政拨款": _amount(g),
                "支出/政府性基金预算财政拨款": _amount(f),
            }

        rows = []
        for i, (name, code) in enumerate(CLASS_LINES):
            if i < 3:
                rows.append(
                    (str(i + 1), None, income[i], Side.INCOME, {"收入/金额": _amount(values[i])})
                )
            rows.append(
                (str(i + 1), None, name, exp, spend(general.get(code, 0), fund.get(code, 0)))
            )
        n, both = len(CLASS_LINES), self.general + self.fund
        rows += [
            (str(n + 1), None, "本年收入合计", Side.INCOME, {"收入/金额": _amount(both)}),
            (str(n + 1), None, "本年支出合计", exp, spend(self.general, self.fund)),
            (str(n + 2), None, "年初财政拨款结转和结余", Side.INCOME, {}),
            (str(n + 2), None, "年末财政拨款结转和结余", exp, {}),
            (str(n + 3), None, income[0], Side.INCOME, {}),
            (str(n + 4), None, income[1], Side.INCOME, {}),
            (str(n + 5), None, income[2], Side.INCOME, {}),
            (str(n + 6), None, "收入总计", Side.INCOME, {"收入/金额": _amount(both)}),
            (str(n + 6), None, "支出总计", exp, spend(self.general, self.fund)),
        ]
        return self.table(
            "部门预算财政拨款收支总表", TableKind.FISCAL_APPROPRIATION_SUMMARY, cols, rows
        )

    def basic_table(self) -> BudgetTable:
        head = "一般公共预算基本支出/"
        cols = self.columns(
            (
                ("支出部门经济分类科目/科目编码", ColumnRole.CODE, None),
                ("支出部门经济分类科目/科目名称", ColumnRole.NAME, None),
                *((head + k, ColumnRole.VALUE, None) for k in ("合计", "人员经费", "公用经费")),
            )
        )

        def cells(total: int, personnel: int, operating: int) -> dict[str, str]:
            return {
                head + "合计": _amount(total),
                head + "人员经费": _amount(personnel),
                head + "公用经费": _amount(operating),
            }

        rows = [("1", None, "合计", None, cells(self.basic_total, self.personnel, self.operating))]
        for group in ("301", "302", "303"):
            items = {k: v for k, v in self.basic.items() if k.startswith(group)}
            if not items:
                continue
            operating = group == "302"
            for code, cents in ((group, sum(items.values())), *items.items()):
                rows.append(
                    (
                        str(len(rows) + 1),
                        code,
                        CODE_NAMES[code],
                        None,
                        cells(cents, 0 if operating else cents, cents if operating else 0),
                    )
                )
        return self.table(
            "部门预算一般公共预算财政拨款基本支出表",
            TableKind.GENERAL_BUDGET_BASIC_EXPENDITURE,
            cols,
            rows,
        )

    def three_table(self) -> BudgetTable:
        keys = (
            "资金性质/合计",
            "资金性质/一般公共预算财政拨款",
            "资金性质/政府性基金预算拨款",
            "资金性质/国有资本经营预算财政拨款",
        )
        cols = self.columns(
            (("项目", ColumnRole.NAME, None), *((k, ColumnRole.VALUE, None) for k in keys))
        )
        abroad, purchase, running, reception = self.three
        total = sum(self.three)

        def c(cents: int) -> dict[str, str]:
            return {keys[0]: _amount(cents), keys[1]: _amount(cents)}

        lines = (
            ("合计", total),
            ("“三公”经费小计", total),
            ("一、因公出国（境）费", abroad),
            ("其中：教学科研人员因公出国（境）费", 0),
            ("其他因公出国（境）费", abroad),
            ("二、公务用车购置及运维费", purchase + running),
            ("其中：公务用车购置费", purchase),
            ("公务用车运行维护费", running),
            ("三、公务接待费", reception),
        )
        rows = [(str(i), None, name, None, c(v)) for i, (name, v) in enumerate(lines, start=1)]
        return self.table(
            "部门预算财政拨款“三公”经费支出表", TableKind.THREE_PUBLIC_EXPENSES, cols, rows
        )

    def organisation_table(self) -> BudgetTable:
        cols = self.columns(
            (
                ("单位名称", ColumnRole.NAME, None),
                ("单位性质", ColumnRole.TEXT, None),
                ("单位规格", ColumnRole.TEXT, None),
                ("经费保障形式", ColumnRole.TEXT, None),
            ),
            numbered=False,
        )
        row = (
            None,
            None,
            f"{self.unit_name}本级",
            None,
            {
                "单位性质": self.nature,
                "单位规格": self.rng.choice(("正科级", "副科级")),
                "经费保障形式": "财政拨款" if self.nature == "行政" else "财政补助",
            },
        )
        return self.table("部门机构设置情况", TableKind.OTHER, cols, [row], unit=None, captions=())
