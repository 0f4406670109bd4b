"""Review (审核): rules that find real problems in a disclosure.

Each rule is a small function registered in :mod:`jixiao.review.registry` with an
id, a severity, a Chinese title, its family and the regulation it enforces
(财预〔2015〕88号 完整性/相关性/适当性/可行性, RULES.md). :func:`review` runs them and
grades the result (优/良/中/差, :mod:`jixiao.review.grade`).

Families, one module each except ``narrative`` (its drafting slips are in
``narrative_drafting``, its goal figures in ``narrative_goals``): ``arithmetic``
(表内表间勾稽), ``narrative`` (说明与表格), ``framework`` (指标体系), ``targets`` (指标值),
``basis`` (依据), ``plan`` (资金支出计划), ``relevance`` (相关性), ``completeness`` (公开完整性).
"""

from jixiao.review import (  # noqa: F401 — importing a family registers its rules
    arithmetic,
    basis,
    completeness,
    framework,
    narrative,
    narrative_drafting,
    narrative_goals,
    plan,
    relevance,
    targets,
)
from jixiao.review.grade import GradeResult, GradeScheme, grade_review
from jixiao.review.registry import FAMILIES, RULES, Hit, Rule, RuleSet, hit, rule
from jixiao.review.runner import INTERNAL_ERROR, ReviewResult, review, run_rules

__all__ = [
    "FAMILIES",
    "INTERNAL_ERROR",
    "RULES",
    "GradeResult",
    "GradeScheme",
    "Hit",
    "ReviewResult",
    "Rule",
    "RuleSet",
    "grade_review",
    "hit",
    "review",
    "rule",
    "run_rules",
]
