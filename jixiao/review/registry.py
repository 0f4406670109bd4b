"""The rule registry: every review rule, its id, severity, title, family and source.

A rule is a plain function ``(disclosure) -> Iterable[Hit]`` registered with
:meth:`RuleSet.rule`. The rule says *what* it found (a :class:`Hit`: where, the
quoted text and the named values); the registry turns hits into
:class:`~jixiao.model.Finding`\\ s with the rule's id, severity and Chinese message
template, so every finding of a rule reads the same and reports can use the
fields without parsing text.
"""

from __future__ import annotations

import hashlib
import inspect
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from jixiao.model import Disclosure, Finding, Indicator, Location, Project, Severity
from jixiao.review.findings import field_text, finding_from_hit

FAMILIES: dict[str, str] = {
    "arithmetic": "表内表间勾稽",
    "narrative": "说明与表格一致性",
    "framework": "指标体系",
    "target": "指标值",
    "basis": "指标值确定依据",
    "plan": "资金支出计划",
    "relevance": "指标相关性",
    "completeness": "公开完整性",
    "ingest": "读取",
}
"""Rule families (a rule's first tag) and their Chinese names, in report order."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """What a rule found, before the registry makes it a finding.

    ``fields`` fill the rule's message template; values are shown with ``str()``,
    so a rule formats its numbers (and names their unit) itself. ``location`` is
    the place in the file; ``project``, ``indicator`` and ``code`` say what the
    finding is about. When ``location`` is ``None`` the indicator's, else the
    project's location is used.
    """

    fields: Mapping[str, Any] = field(default_factory=dict)
    location: Location | None = None
    quote: str | None = None
    project: Project | None = None
    indicator: Indicator | None = None
    code: str | None = None


def hit(
    *,
    location: Location | None = None,
    quote: str | None = None,
    project: Project | None = None,
    indicator: Indicator | None = None,
    code: str | None = None,
    **fields: Any,
) -> Hit:
    """Shorthand for :class:`Hit`: ``hit(location=row.location, expected=…, actual=…)``."""
    return Hit(
        fields=fields,
        location=location,
        quote=quote,
        project=project,
        indicator=indicator,
        code=code,
    )


RuleFunction = Callable[[Disclosure], Iterable[Hit]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A registered review rule.

    - ``id``: stable kebab-case slug (``sum-mismatch``), never reused;
    - ``severity``: the default severity of its findings;
    - ``title``: a short Chinese title (``上级科目应等于下级科目之和``);
    - ``tags``: the family first (a key of :data:`FAMILIES`), then any others;
    - ``reference``: the document and article it enforces (``财预〔2015〕88号 第十四条``),
      or ``jixiao practice`` for our own advice;
    - ``message``: a ``str.format`` template over the hit's fields;
    - ``example``: fields for one example message (documentation and tests);
    - ``check``: the function.
    """

    id: str
    severity: Severity
    title: str
    tags: tuple[str, ...]
    reference: str
    message: str
    example: Mapping[str, Any]
    check: RuleFunction

    @property
    def family(self) -> str:
        """The rule's family: its first tag."""
        return self.tags[0]

    @property
    def doc(self) -> str:
        """The rule's docstring, cleaned (empty when it has none)."""
        return inspect.getdoc(self.check) or ""

    @property
    def fields(self) -> tuple[str, ...]:
        """The field names its message template uses."""
        return tuple(name for _, name, _, _ in string.Formatter().parse(self.message) if name)

    def render(self, fields: Mapping[str, Any]) -> str:
        """The message with ``fields`` filled in.

        Raises ``KeyError`` when a template field is missing (a bug in the rule).
        """
        return self.message.format_map({k: field_text(v) for k, v in fields.items()})

    def findings(
        self, disclosure: Disclosure, severity: Severity | None = None
    ) -> Iterator[Finding]:
        """Run the rule on ``disclosure``; yield its findings, with ``severity``
        instead of the rule's own when given."""
        for found in self.check(disclosure):
            yield finding_from_hit(self, found, severity or self.severity)


_KEBAB = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


class RuleSet:
    """An ordered collection of rules with unique ids.

    The default set, :data:`RULES`, is filled by the family modules' decorators
    when :mod:`jixiao.review` is imported. Tests build their own ``RuleSet`` to
    check the registry without touching the default one.
    """

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def rule(
        self,
        id: str,
        severity: Severity,
        title: str,
        *,
        tags: tuple[str, ...],
        reference: str,
        message: str,
        example: Mapping[str, Any],
    ) -> Callable[[RuleFunction], RuleFunction]:
        """Decorator registering a rule function under ``id``.

        Raises ``ValueError`` for a duplicate or malformed id, an unknown family
        (the first tag) or an example that lacks a template field.
        """

        def register(check: RuleFunction) -> RuleFunction:
            self.add(
                Rule(
                    id=id,
                    severity=severity,
                    title=title,
                    tags=tags,
                    reference=reference,
                    message=message,
                    example=example,
                    check=check,
                )
            )
            return check

        return register

    def add(self, rule: Rule) -> None:
        """Add ``rule``; ``ValueError`` as for :meth:`rule`."""
        if rule.id in self._rules:
            raise ValueError(f"duplicate rule id {rule.id!r}")
        if not rule.id or not set(rule.id) <= _KEBAB or rule.id.strip("-") != rule.id:
            raise ValueError(f"rule id {rule.id!r} is not a kebab-case slug")
        if not rule.tags or rule.tags[0] not in FAMILIES:
            raise ValueError(f"rule {rule.id!r}: first tag must be a family, one of {FAMILIES}")
        missing = [name for name in rule.fields if name not in rule.example]
        if missing:
            raise ValueError(f"rule {rule.id!r}: example lacks fields {missing}")
        self._rules[rule.id] = rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def get(self, rule_id: str) -> Rule:
        """The rule with ``rule_id``; ``KeyError`` if none."""
        return self._rules[rule_id]

    def select(self, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
        """The rules matching ``select`` (ids or tags; all when empty) and not ``ignore``.

        Raises ``ValueError`` naming any selector that matches no rule (a typo
        should not silently review nothing).
        """
        select, ignore = tuple(select), tuple(ignore)
        known = set(self._rules) | {tag for r in self for tag in r.tags} | {"ingest"}
        unknown = [name for name in (*select, *ignore) if name not in known]
        if unknown:
            raise ValueError(f"未知的规则或类别：{'、'.join(unknown)}")

        def matches(rule: Rule, names: tuple[str, ...]) -> bool:
            return rule.id in names or any(tag in names for tag in rule.tags)

        return [r for r in self if (not select or matches(r, select)) and not matches(r, ignore)]

    @property
    def version(self) -> str:
        """A digest of every rule's id, severity and message template: two reviews
        with the same version ran the same rules the same way."""
        digest = hashlib.sha256()
        for r in self:
            digest.update(f"{r.id}\0{r.severity}\0{r.message}\n".encode())
        return digest.hexdigest()[:12]


RULES = RuleSet()
"""The default rule set (filled when :mod:`jixiao.review` is imported)."""

rule = RULES.rule
"""Register a rule in the default set: ``@rule("sum-mismatch", Severity.ERROR, …)``."""
