"""The prose of a synthetic document: the 情况说明's sections quoting the tables, the
部门整体绩效目标, and the 政府采购 and 国有资产 parts (their figures, sections and tables)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from jixiao.model import (
    BudgetTable,
    ColumnRole,
    DepartmentGoals,
    MoneyUnit,
    NarrativeSection,
    SubGoal,
    TableKind,
)

from .tables import _amount, _fmt
from .vocabulary import CODE_NAMES, SAFEGUARDS


class Prose:
    """The narrative, goals, procurement and assets of
    :class:`~synthetic.corpus.DocumentBuilder` (a mixin)."""

    def procure(self) -> None:
        """政府采购 lines: (spec, item, catalogue no., measure, count, unit price)."""
        self.purchases = []
        self.procured = {"A": 0, "B": 0, "C": 0}  # goods, works, services
        for spec in self.specs:
            if spec.arch.procurement is None or spec.other:
                continue
            item, catalogue, measure = spec.arch.procurement
            budget = spec.budget * self.per_wan
            count, price = 1, budget
            if catalogue.startswith("A"):  # goods: a count at a unit price, part of the budget
                count = self.rng.randint(2, 12)
                price = max(1, budget // count // 2)
            self.purchases.append((spec, item, catalogue, measure, count, price))
            self.procured[catalogue[0]] += count * price
        self.procurement = sum(self.procured.values())

    def procurement_table(self) -> BudgetTable:
        head = "政府采购金额（当年部门预算安排资金）/"
        keys = (
            "政府采购项目来源/预算资金",
            "采购物品名称",
            "政府采购目录序号",
            "计量单位",
            "数量",
            "单价",
            head + "合计",
            head + "一般公共预算拨款",
            head + "基金预算拨款",
            head + "国有资本经营预算拨款",
            head + "财政专户核拨",
            head + "单位资金",
            head + "财政拨款结转",
            head + "非财政拨款结转结余",
            f"{self.year}年预留中小微企业份额",
        )
        text = {"采购物品名称", "政府采购目录序号", "计量单位"}
        cols = self.columns(
            (
                ("政府采购项目来源/项目名称", ColumnRole.NAME, None),
                *((k, ColumnRole.TEXT if k in text else ColumnRole.VALUE, None) for k in keys),
            ),
            numbered=False,
        )
        items = []
        fund = 0
        for spec, item, catalogue, measure, count, price in self.purchases:
            cents = count * price
            fund += cents if spec.fund else 0
            items.append(
                (
                    None,
                    None,
                    spec.name,
                    None,
                    {
                        keys[0]: _fmt(spec.budget * self.per_wan),
                        keys[1]: item,
                        keys[2]: catalogue,
                        keys[3]: measure,
                        keys[4]: str(count),
                        keys[5]: _fmt(price),
                        keys[6]: _fmt(cents),
                        keys[7]: _amount(0 if spec.fund else cents),
                        keys[8]: _amount(cents if spec.fund else 0),
                        keys[14]: _fmt(cents),
                    },
                )
            )
        total = self.procurement
        sums = {
            keys[6]: _amount(total),
            keys[7]: _amount(total - fund),
            keys[8]: _amount(fund),
            keys[14]: _amount(total),
        }
        rows = [
            (None, None, "合计", None, sums),
            (None, None, f"{self.unit_name}本级小计", None, sums),
            *items,
        ]
        note = "注：同一采购目录序号的物品，其单价会因配置规格不同而变动，均符合资产配置标准。"
        if not items:  # published empty, with the reason (143号)
            rows, note = [], "注：本单位无政府采购预算，故本表为空表。"
        return self.table(
            "部门政府采购预算",
            TableKind.PROCUREMENT_BUDGET,
            cols,
            rows,
            captions=(f"{self.unit_code}{self.unit_name}", f"单位：{self.unit.label}"),
            note=note,
        )

    def draw_assets(self) -> None:
        r = self.rng
        area = r.randint(2_000, 60_000)
        parts = [r.randint(1_000, 400_000) for _ in range(4)]  # hundredths of 万元
        self.assets = sum(parts)
        self.asset_rows = (
            ("资产总额", "", self.assets),
            ("1、房屋（平方米）", str(area), parts[0]),
            ("其中：办公用房（平方米）", str(area * 8 // 10), parts[0] * r.randint(60, 95) // 100),
            ("2、车辆（台、辆）", str(r.randint(1, 30)), parts[1]),
            ("3、单价在20万元以上的设备", str(r.randint(1, 10)), parts[2]),
            ("4、其他固定资产", str(r.randint(100, 3000)), parts[3]),
        )

    def assets_table(self) -> BudgetTable:
        value = "价值（金额单位：万元）"
        cols = self.columns(
            (
                ("项目", ColumnRole.NAME, None),
                ("数量", ColumnRole.VALUE, None),
                (value, ColumnRole.VALUE, None),
            ),
            numbered=False,
        )
        rows = [(None, None, n, None, {"数量": q, value: _fmt(v)}) for n, q, v in self.asset_rows]
        return self.table(
            "部门固定资产占用情况表",
            TableKind.FIXED_ASSETS,
            cols,
            rows,
            unit=MoneyUnit.WAN_YUAN,
            captions=(f"{self.unit_code}{self.unit_name}", f"截止时间：{self.year - 1}-12-31"),
        )

    def section(self, heading: str, *paragraphs: str) -> NarrativeSection:
        loc = self.at(2)
        self.line += len(paragraphs)
        return NarrativeSection(heading=heading, paragraphs=paragraphs, location=loc)

    def narrative_head(self) -> list[NarrativeSection]:
        r, u, y, m = self.rng, self.unit_name, self.year, self.m
        up = r.random() < 0.5
        change = self.draw(1.0, max(2.0, self.total / self.per_wan / 1000))
        last = self.total - change if up else self.total + change
        delta = abs(self.total - last)
        pct = (Decimal(delta) * 100 / Decimal(last)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        names = "、".join(dict.fromkeys(s.name for s in self.specs[:5]))
        classes = "，".join(
            f"{CODE_NAMES[c]}{m(v)}" for c, v in self.class_totals((0, 1, 2, 3)).items() if v
        )
        three_up = r.random() < 0.5
        return [
            self.section(
                f"第一部分{u}{y}年部门预算信息公开情况说明",
                f"{u}{y}年部门预算信息公开情况说明",
                f"根据《中华人民共和国预算法》《地方预决算公开操作规程》等有关规定，"
                f"现将{u}{y}年部门预算情况公开说明如下：",
            ),
            self.section(
                "一、部门职责及机构设置情况",
                "部门职责：",
                f"1、负责{self.specs[0].arch.theme}等工作。",
                "2、承办上级交办的其他事项。",
                "机构设置：",
                f"{u}为{self.nature}单位，无下属预算单位。",
            ),
            self.section(
                "二、部门预算安排的总体情况",
                f"按照综合预算的原则，{u}所有收入和支出均纳入部门预算管理。",
                "1、收入说明",
                f"{y}年预算收入{m(self.total)}，其中：一般公共预算拨款收入{m(self.general)}，"
                f"政府性基金预算拨款收入{m(self.fund)}，事业收入{m(self.other)}，"
                f"上年结转{m(0)}。",
                "2、支出说明",
                f"{y}年部门支出预算为{m(self.total)}，其中基本支出{m(self.basic_total)}，"
                f"包括人员经费{m(self.personnel)}和日常公用经费{m(self.operating)}；"
                f"项目支出{m(self.project_total)}，主要用于{names}等。"
                f"按支出功能分类，{classes}。",
                "3、比上年增减情况",
                f"{y}年部门预算收支安排{m(self.total)}，较{y - 1}年"
                f"{'增加' if up else '减少'}{m(delta)}，{'增长' if up else '下降'}{pct}%。"
                f"主要原因是{'新增项目支出' if up else '上年一次性项目本年不再安排'}。",
            ),
            self.section(
                "三、机关运行经费安排情况",
                f"{y}年，我部门机关运行经费安排{m(self.operating)}，主要用于办公费、印刷费、"
                f"邮电费、差旅费、维修（护）费、工会经费、福利费等保障机关正常运转的支出。",
            ),
            self.section(
                "四、财政拨款“三公”经费预算情况及增减变化原因",
                f"{y}年，我部门财政拨款“三公”经费预算安排{m(sum(self.three))}，其中："
                f"因公出国（境）费{m(self.three[0])}；公务用车购置及运维费"
                f"{m(self.three[1] + self.three[2])}（其中：公务用车购置费{m(self.three[1])}，"
                f"公务用车运行维护费{m(self.three[2])}）；公务接待费{m(self.three[3])}。"
                f"“三公”经费比上年{'增加' if three_up else '减少'}{m(self.draw(0.1, 3.0))}，"
                f"主要原因是{'公务用车服务保障任务增加' if three_up else '严格落实过紧日子要求'}。",
            ),
            self.section("五、预算绩效信息"),
        ]

    def goals(self) -> DepartmentGoals:
        loc = self.at(2)
        subs, seen = [], set()
        for project, spec in zip(self.clean, self.specs, strict=True):
            if spec.arch_no in seen or len(subs) >= 8:
                continue
            seen.add(spec.arch_no)
            shown = [i for i in project.indicators if i.target.kind.value == "quantitative"][:3]
            text = "，".join(f"{i.level3}{i.target.raw}" for i in shown)
            subs.append(
                SubGoal(
                    seq=str(len(subs) + 1),
                    title=spec.name,
                    goal=spec.arch.goals[0],
                    indicators_text=text + "。" if text else None,
                    location=self.at(3),
                )
            )
        overall = (
            f"{self.year}年，{self.unit_name}围绕部门职能，全面完成各项工作任务，"
            f"持续提升{self.specs[0].arch.theme}水平。"
        )
        return DepartmentGoals(
            overall_goal=overall, sub_goals=tuple(subs), safeguards=SAFEGUARDS, location=loc
        )

    def narrative_tail(self, part: str) -> NarrativeSection:
        m, u, y = self.m, self.unit_name, self.year
        if part == "procurement":
            goods, works, services = self.procured.values()
            text = (
                f"{y}年，{u}安排政府采购预算{m(self.procurement)}，其中：货物类{m(goods)}，"
                f"工程类{m(works)}，服务类{m(services)}。按规定预留面向中小企业采购的份额"
                f"{m(self.procurement)}，占政府采购预算的100%。具体内容见下表。"
            )
            if not self.procurement:
                text = f"{y}年，{u}无政府采购预算。"
            return self.section("六、政府采购预算情况", text)
        return self.section(
            "七、国有资产信息",
            f"{u}上年末固定资产金额为{_fmt(self.assets)}万元（详见下表）。本年度拟购置固定资产"
            f"总额为{m(self.procured['A'])}，已按要求列入政府采购预算，详见政府采购预算表。",
        )
