"""The rule catalogue, ``docs/rules.md``, generated from the registry.

Regenerate after changing a rule: ``jixiao rules --markdown > docs/rules.md``
(a test fails when the file is out of date or a rule lacks a docstring or an
example).
"""

from __future__ import annotations

from itertools import groupby

from jixiao.review.registry import FAMILIES, Rule, RuleSet

_HEADER = """\
# 审核规则目录（Review rules）

本文件由规则注册表生成（`jixiao rules --markdown > docs/rules.md`），请勿手工编辑。
Generated from the registry; do not edit by hand.

每条规则：编号（id，稳定不变）、严重程度（错误 error / 警告 warning / 提示 info）、
标题、依据（文件号与条款，或 jixiao practice 表示本项目的建议做法）、说明（规则的
docstring）和一条示例意见。`--select` / `--ignore` 可用编号或类别（family）选择规则。

规则集版本（ruleset version）：`{version}`，共 {count} 条规则。
"""


def rules_markdown(ruleset: RuleSet) -> str:
    """``docs/rules.md``: every rule of ``ruleset`` grouped by family, in the
    order of :data:`FAMILIES`, then by id."""
    parts = [_HEADER.format(version=ruleset.version, count=len(ruleset))]
    order = {family: i for i, family in enumerate(FAMILIES)}
    rules = sorted(ruleset, key=lambda r: (order[r.family], r.id))
    for family, members in groupby(rules, key=lambda r: r.family):
        parts.append(f"## {FAMILIES[family]}（`{family}`）\n")
        parts.extend(_rule_section(rule) for rule in members)
    return "\n".join(parts).rstrip() + "\n"


def _rule_section(rule: Rule) -> str:
    tags = "、".join(f"`{t}`" for t in rule.tags)
    return (
        f"### `{rule.id}` — {rule.title}\n\n"
        f"- 严重程度：{rule.severity.label}（`{rule.severity.value}`）\n"
        f"- 类别：{tags}\n"
        f"- 依据：{rule.reference}\n"
        f"- 示例：{rule.render(rule.example)}\n\n"
        f"{rule.doc}\n"
    )
