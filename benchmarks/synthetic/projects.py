"""The projects of a synthetic document: which kinds of project a unit runs and their
budgets, the 项目绩效目标表 with its indicators (6–25, ≈15 on average, on the 88号 or the
101号 tree), targets read by :func:`jixiao.ingest.target.parse_target`, bases and the
spending plan."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.ingest.target import parse_number, parse_target
from jixiao.model import (
    Indicator,
    LevelName,
    Location,
    Money,
    MoneyUnit,
    PlanKind,
    Project,
    SpendingCheckpoint,
    normalise_level1,
    normalise_level2,
)

from .tables import _fmt
from .vocabulary import _BY_SECTOR, _GENERIC_POOLS, _POOLS, _RANGE, ARCHETYPES, BASES, Archetype


@dataclass
class _Spec:
    arch: Archetype
    arch_no: int
    name: str
    leaf: str
    budget: int  # hundredths of 万元
    other: int  # of which 其他资金
    fund: bool  # paid from the 政府性基金 budget


class Projects:
    """The projects of :class:`~synthetic.corpus.DocumentBuilder` (a mixin)."""

    def plan_projects(self) -> None:
        r = self.rng
        pool = _BY_SECTOR[self.sector]
        run_leaf = self.leaves()
        for seq in range(1, self.n_projects + 1):
            arch_no = r.choice(pool)
            arch = ARCHETYPES[arch_no]
            name = r.choice(arch.names)
            if any(s.name == name for s in self.specs):
                name = f"{name}（{seq}）"
            budget = round(r.uniform(*arch.budget) * 10) * 10  # whole 0.1万元
            fund = arch.fund and r.random() < 0.6
            other = 0
            if not fund and self.nature == "事业" and r.random() < 0.1:
                other = round(budget * r.uniform(0.1, 0.4) / 10) * 10
            leaf = run_leaf["school"] if arch.leaf == "school" else arch.leaf
            if leaf == "2121301" and not fund:
                leaf = "2010303"
            elif leaf == "2010303" and r.random() < 0.25:
                leaf = "2010302"
            self.specs.append(_Spec(arch, arch_no, name, leaf, budget, other, fund))

    def build_projects(self) -> None:
        for seq, spec in enumerate(self.specs, start=1):
            project = self.project(seq, spec)
            self.clean.append(project)  # the goals quote the projects as meant, not the slips
            if self.rng.random() < self.rate:
                project = self.plant_project(project, spec)
            self.projects.append(project)

    def project(self, seq: int, spec: _Spec) -> Project:
        r = self.rng
        yuan = not self.in_wan or r.random() < 0.05  # a table in 元 in a 万元 document
        unit = MoneyUnit.YUAN if yuan else MoneyUnit.WAN_YUAN
        scale = 10_000 if yuan else 1
        title = f"{seq}.{spec.name}绩效目标表"
        loc = self.at(3, table=title)

        def money(cents: int) -> Money:
            raw = _fmt(cents) if cents else ""
            return Money(raw=raw, value=parse_number(raw) if raw else None, unit=unit, location=loc)

        code = (
            f"13{self.county}{self.year % 100:02d}P00"
            f"{''.join(r.choices('ABCDEFGHJKLMNPQRSTWXYZ', k=3))}{r.randrange(10**6):06d}"
            f"{r.choice('0123456789ABCDEFGHJK')}"
        )
        total = spec.budget * scale
        return Project(
            seq=seq,
            title=title,
            project_name=spec.name,
            project_code=code,
            money_unit=unit,
            budget_total=money(total),
            budget_fiscal=money((spec.budget - spec.other) * scale),
            budget_other=money(spec.other * scale),
            purpose=spec.arch.purpose,
            spending_plan=self.plan(total, loc.at(line=loc.line + 12)),
            goals=tuple(f"{i}.{g}" for i, g in enumerate(spec.arch.goals, start=1)),
            indicators=self.indicators(spec.arch_no, total, unit),
            unit_code=self.unit_code,
            unit_name=f"{self.unit_name}本级",
            location=loc,
        )

    def plan(
        self,
        total: int,
        loc: Location,
        values: tuple[int, ...] | None = None,
        style: str | None = None,
    ) -> tuple[SpendingCheckpoint, ...]:
        """The 3/6/10/12月底 row: cumulative percentages (``25%`` or ``25.00``), cumulative
        amounts ending at the budget (seed 003), or blanks before the first payment."""
        r = self.rng
        if values is None:
            q1 = r.choice((0, 10, 15, 20, 25, 25, 30))
            q2 = min(q1 + r.choice((15, 20, 25, 25, 30)), 70)
            q3 = min(q2 + r.choice((15, 20, 25, 30)), 95)
            values = (q1, q2, q3, 100)
        style = style or self.plan_style
        out = []
        for month, pct in zip((3, 6, 10, 12), values, strict=True):
            if style == "amount":
                raw = _fmt(total if pct == 100 else total * pct // 100)
                kind = PlanKind.AMOUNT
            elif style == "blanks" and month != 12 and pct < 50:
                raw, kind = "", None
            else:
                raw, kind = (f"{pct}%" if style == "pct%" else f"{pct}.00"), PlanKind.PERCENT
            value = parse_number(raw.rstrip("%")) if raw else None
            out.append(
                SpendingCheckpoint(month=month, raw=raw, value=value, kind=kind, location=loc)
            )
        return tuple(out)

    def indicators(self, arch_no: int, total: int, unit: MoneyUnit) -> tuple[Indicator, ...]:
        """6–25 indicators (≈15): every 一级, the 产出 二级 of the unit's tree, names drawn
        from the project's kind first, then from the generic pools."""
        r = self.rng
        pools = _POOLS[arch_no]

        def draw(level2: str, k: int) -> list[tuple[str, str, str]]:
            own = list(pools.get(level2, ()))
            picked = r.sample(own, min(k, len(own)))
            if len(picked) < k:
                generic = [t for t in _GENERIC_POOLS.get(level2, ()) if t not in own]
                picked += r.sample(generic, min(k - len(picked), len(generic)))
            return picked

        n = max(6, min(25, round(r.gauss(16, 4.5))))
        effects = ("经济效益", "社会效益", "生态效益", "可持续影响")
        counts = dict.fromkeys(("数量", "质量", "时效", "成本", "社会效益", "满意度"), 1)
        counts.update(dict.fromkeys(("经济效益", "生态效益", "可持续影响"), 0))
        weights = (
            "数量",
            "数量",
            "数量",
            "质量",
            "质量",
            "时效",
            "成本",
            *effects,
            "社会效益",
            "满意度",
        )
        for _ in range(n - sum(counts.values())):
            counts[r.choice(weights)] += 1
        output = [("产出指标", f"{k}指标", draw(k, counts[k])) for k in ("数量", "质量", "时效")]
        cost = []
        if self.tree101:  # 财预〔2021〕101号: 成本 is a 一级 of its own
            cost = [("成本指标", "经济成本指标", draw("成本", counts["成本"]))]
            if r.random() < 0.3:
                cost.append(("成本指标", "社会成本指标", draw("社会成本", 1)))
            if r.random() < 0.2:
                cost.append(("成本指标", "生态环境成本指标", draw("生态环境成本", 1)))
        else:
            output.append(("产出指标", "成本指标", draw("成本", counts["成本"])))
        outcome = [(self.outcome_name, f"{k}指标", draw(k, counts[k])) for k in effects]
        satisfaction = [("满意度指标", "服务对象满意度指标", draw("满意度", counts["满意度"]))]
        if self.tree101 and self.cost_first:
            groups = cost + output + outcome + satisfaction
        else:
            groups = output + cost + outcome + satisfaction
        rows: list[Indicator] = []
        seen: set[str] = set()
        last1 = last2 = None
        for level1, level2, templates in groups:
            for name, kind, arg in templates:
                if name in seen:
                    continue
                seen.add(name)
                target, basis_kind = self.target(kind, arg, total, unit)
                description = None
                if self.describe:
                    description = name if r.random() < 0.5 else f"反映{name}情况"
                rows.append(
                    Indicator(
                        index=len(rows) + 1,
                        level1=LevelName(
                            raw=level1, normalised=normalise_level1(level1), carried=level1 == last1
                        ),
                        level2=LevelName(
                            raw=level2,
                            normalised=normalise_level2(level2),
                            carried=level2 == last2 and level1 == last1,
                        ),
                        level3=name,
                        description=description,
                        target=parse_target(target, fiscal_year=self.year),
                        basis=self.basis_all or r.choice(BASES[basis_kind]),
                        location=self.at(7),
                    )
                )
                last1, last2 = level1, level2
        return tuple(rows)

    def target(self, kind: str, arg: str, total: int, unit: MoneyUnit) -> tuple[str, str]:
        """The printed target for a template, and the kind of basis that suits it."""
        r, y = self.rng, self.year
        if kind == "rate":
            return r.choice(("≥95%", "≥90%", "≥98%", "100%", "≥85%", "≥99%")), "rate"
        if kind == "rate100":
            return "100%", "rate"
        if kind == "sat":
            return r.choice(("≥90%", "≥95%", "≥85%", "≥98%", "≥95%")), "sat"
        if kind == "date":
            month = r.randint(6, 12)
            return r.choice((f"{y}年{month}月底前", f"{month}月底前", f"{y}年12月31日前")), "date"
        if kind == "dateq":
            return "每季度末前支付", "date"
        if kind == "total":
            return f"≤{_fmt(total)}{unit.label}", "cost"
        if kind == "qual":
            return r.choice(arg.split("/")), "qual"
        if kind == "zero":
            return f"0{arg}", "count"
        match = _RANGE.match(arg)
        assert match, arg
        lo, hi, measure = match["lo"], match["hi"], match["unit"] or ""
        if kind == "pct":
            return f"≥{r.randint(int(lo), int(hi))}%", "rate"
        if "." in lo:
            number = f"{r.uniform(float(lo), float(hi)):.2f}"
        else:
            number = str(r.randint(int(lo), int(hi)))
        if kind == "unit":
            return f"≤{number}{measure}", "cost"
        prefix = {"count": "", "ge": "≥", "le": "≤"}[kind]
        return f"{prefix}{number}{measure}", ("cost" if measure == "%" else "count")
