"""Review rules of the *framework* family (指标体系): is the indicator tree sound?

The tree is the 88号 one (一级 产出/效益/满意度; 产出 → 数量/质量/时效/成本; 效益 →
经济效益/社会效益/生态效益/可持续影响; 满意度 → 服务对象满意度) or the 101号 one, which
lifts 成本 to a fourth 一级 with 经济成本/社会成本/生态环境成本 under it (RULES.md §1).
Both are accepted. The rules here look at the shape of each project's indicator set:
levels present and in their place, level names, inputs passed off as outputs,
duplicates within a project and copied indicator sets across projects.

The small name helpers at the end are shared with :mod:`jixiao.review.targets` and
:mod:`jixiao.review.basis` (both import this module, never the other way round).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from jixiao.model import Disclosure, Indicator, Level1, Level2, LevelName, Project, Severity
from jixiao.model.indicator import level_stem, normalise_level1, normalise_level2
from jixiao.review.registry import Hit, hit, rule

# The canonical printed names; a name whose stem differs but still normalises (效果指标,
# 可持续发展指标, 满意度) is a variant, reported with the name it is read as.
LEVEL1_CANONICAL: dict[Level1, str] = {
    Level1.OUTPUT: "产出指标",
    Level1.OUTCOME: "效益指标",
    Level1.SATISFACTION: "满意度指标",
    Level1.COST: "成本指标",
}
LEVEL2_CANONICAL: dict[Level2, str] = {
    Level2.QUANTITY: "数量指标",
    Level2.QUALITY: "质量指标",
    Level2.TIMELINESS: "时效指标",
    Level2.COST: "成本指标",
    Level2.ECONOMIC: "经济效益指标",
    Level2.SOCIAL: "社会效益指标",
    Level2.ECOLOGICAL: "生态效益指标",
    Level2.SUSTAINABILITY: "可持续影响指标",
    Level2.BENEFICIARY_SATISFACTION: "服务对象满意度指标",
    Level2.ECONOMIC_COST: "经济成本指标",
    Level2.SOCIAL_COST: "社会成本指标",
    Level2.ECOLOGICAL_COST: "生态环境成本指标",
}

# Which 二级 each 一级 allows. Two placements outside the two trees are tolerated rather
# than called wrong: 成本 under a 成本 一级 says the same thing twice, and 服务对象满意度
# under 效益/效果 is how the older 共性指标框架 (the source of 效果指标) filed satisfaction —
# ``framework-level1-missing`` still asks for 满意度 as its own 一级 there.
ALLOWED_LEVEL2: dict[Level1, frozenset[Level2]] = {
    Level1.OUTPUT: frozenset({Level2.QUANTITY, Level2.QUALITY, Level2.TIMELINESS, Level2.COST}),
    Level1.OUTCOME: frozenset(
        {
            Level2.ECONOMIC,
            Level2.SOCIAL,
            Level2.ECOLOGICAL,
            Level2.SUSTAINABILITY,
            Level2.BENEFICIARY_SATISFACTION,
        }
    ),
    Level1.SATISFACTION: frozenset({Level2.BENEFICIARY_SATISFACTION}),
    Level1.COST: frozenset(
        {Level2.ECONOMIC_COST, Level2.SOCIAL_COST, Level2.ECOLOGICAL_COST, Level2.COST}
    ),
}

_TOLERATED: dict[Level1, frozenset[Level2]] = {
    Level1.OUTPUT: frozenset(),
    Level1.OUTCOME: frozenset({Level2.BENEFICIARY_SATISFACTION}),
    Level1.SATISFACTION: frozenset(),
    Level1.COST: frozenset({Level2.COST}),
}

REQUIRED_LEVEL1: tuple[Level1, ...] = (Level1.OUTPUT, Level1.OUTCOME, Level1.SATISFACTION)
"""一级 every project should have (RULES.md §1, C). 成本 as a 一级 is optional."""

REQUIRED_OUTPUT_LEVEL2: tuple[Level2, ...] = (
    Level2.QUANTITY,
    Level2.QUALITY,
    Level2.TIMELINESS,
    Level2.COST,
)
"""产出 二级 every project should have (财预〔2015〕88号 产出指标; RULES.md §1, C)."""

MIN_INDICATORS = 3
"""At least 3 indicators in all (a local rule, RULES.md §1, A)."""

# Inputs (money arriving, being spent or handled correctly) measured as if they were what
# the project delivers (RULES.md §1, B). Payment of a bought service (租金拨付率,
# 费用缴纳及时率) or of wages is not matched: there paying is what the project does.
_INPUT_NAME = re.compile(
    r"(?:资金|经费|费|金|款|预算).*到位率"
    r"|预算(?:资金)?(?:执行|完成|支出)率"
    r"|(?:项目|专项)?资金(?:执行|完成|支出|使用)率"
    r"|资金(?:使用)?(?:合规|合格)(?:使用)?率|合规使用率"
    r"|资金(?:拨付|下达|支付)(?:及时)?率"
)

_BRACKETED_TAIL = re.compile(r"[（(][^（）()]{0,12}[)）]\s*$")
_NOT_NAME = re.compile(r"[\s，,、。．.；;：:“”\"'‘’《》〈〉【】\[\]（）()—\-]+")


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """An indicator name for comparisons: a trailing unit in brackets, spaces and
    punctuation removed (``活动参与者满意度（%)`` → ``活动参与者满意度``)."""
    return _NOT_NAME.sub("", _BRACKETED_TAIL.sub("", name or ""))


@lru_cache(maxsize=16384)
def is_input_name(name: str) -> bool:
    """True when the name measures money coming in or being spent (资金到位率,
    预算执行率, 资金使用合规率, 资金拨付及时率 …), not an output."""
    return _INPUT_NAME.search(name_key(name)) is not None


def is_input_as_output(indicator: Indicator) -> bool:
    """An input indicator placed under 产出 (or a 101号 成本 一级)."""
    level1 = indicator.level1.normalised
    return (
        (level1 is Level1.OUTPUT or level1 is Level1.COST)
        and "率" in indicator.level3  # every input name is a rate; a cheap first test
        and is_input_name(indicator.level3)
    )


def _level_label(level: LevelName) -> str:
    return level.raw.strip() or "（未填写）"


# -- rules ---------------------------------------------------------------------------------


@rule(
    "framework-no-indicators",
    Severity.ERROR,
    "项目绩效目标表没有绩效指标",
    tags=("framework",),
    reference="财预〔2015〕88号 绩效目标审核（完整性）",
    message="项目「{name}」的绩效目标表没有任何绩效指标",
    example={"name": "办公设备购置项目"},
)
def no_indicators(disclosure: Disclosure) -> Iterator[Hit]:
    """A project table without a single indicator row (财预〔2015〕88号 绩效目标审核（完整性）:
    a target must be broken down into indicators). A table with nothing printed under its
    header — no project name of its own, code, budget, purpose or goal (Nanjiang 仁和镇
    2025 prints an empty 部门绩效表 beside its filled 部门整体支出绩效目标表) — is a blank
    template, not a project: not reported."""
    for project in disclosure.projects:
        if not project.indicators and not _blank_table(project):
            yield hit(project=project, name=project.project_name)


def _blank_table(project: Project) -> bool:
    """True when a project table printed only its title and header."""
    return (
        project.project_name in ("", project.title)
        and project.project_code is None
        and project.budget_total is None
        and project.budget_fiscal is None
        and not project.purpose
        and not project.goals
    )


@rule(
    "framework-too-few-indicators",
    Severity.WARNING,
    "绩效指标少于3个",
    tags=("framework",),
    reference="RULES.md §1（地方规定，至少3个指标）",
    message="项目「{name}」只有{count}个绩效指标，少于{minimum}个",
    example={"name": "办公设备购置项目", "count": 2, "minimum": 3},
)
def too_few_indicators(disclosure: Disclosure) -> Iterator[Hit]:
    """Fewer than 3 indicators in a project (a local rule read in a published source,
    RULES.md §1, A for the count). A project with none is reported by
    ``framework-no-indicators`` instead."""
    for project in disclosure.projects:
        if 0 < len(project.indicators) < MIN_INDICATORS:
            yield hit(
                project=project,
                name=project.project_name,
                count=len(project.indicators),
                minimum=MIN_INDICATORS,
            )


@rule(
    "framework-level1-missing",
    Severity.WARNING,
    "缺少一级指标",
    tags=("framework",),
    reference="财预〔2015〕88号 绩效指标（产出、效益、满意度）；RULES.md §1（C）",
    message="项目「{name}」没有{missing}",
    example={"name": "办公设备购置项目", "missing": "满意度指标"},
)
def level1_missing(disclosure: Disclosure) -> Iterator[Hit]:
    """A project without any 产出, 效益 or 满意度 indicator (财预〔2015〕88号 lists the three
    一级; that each must be present is RULES.md §1, C, hence a warning). 成本 as a 101号
    一级 is optional. Indicators whose 一级 is unreadable count for none."""
    for project in disclosure.projects:
        if not project.indicators:
            continue
        present = {ind.level1.normalised for ind in project.indicators}
        missing = [LEVEL1_CANONICAL[level] for level in REQUIRED_LEVEL1 if level not in present]
        if missing:
            yield hit(project=project, name=project.project_name, missing="、".join(missing))


@rule(
    "framework-output-level2-missing",
    Severity.WARNING,
    "产出指标缺少数量、质量、时效或成本指标",
    tags=("framework",),
    reference="财预〔2015〕88号 产出指标（数量、质量、时效、成本）；RULES.md §1（C）",
    message="项目「{name}」的产出指标缺少{missing}",
    example={"name": "办公设备购置项目", "missing": "质量指标、成本指标"},
)
def output_level2_missing(disclosure: Disclosure) -> Iterator[Hit]:
    """A project with 产出 indicators but without one of 数量/质量/时效/成本 under them
    (财预〔2015〕88号 产出指标; each required: RULES.md §1, C). A 101号 成本 一级 counts
    for 成本. Projects without any 产出 are reported by ``framework-level1-missing``."""
    for project in disclosure.projects:
        present: set[Level2 | Level1 | None] = set()
        has_output = False
        for ind in project.indicators:
            level1 = ind.level1.normalised
            if level1 is Level1.OUTPUT:
                has_output = True
                present.add(ind.level2.normalised)
            elif level1 is Level1.COST:
                present.add(Level2.COST)
        if not has_output:
            continue
        missing = [
            LEVEL2_CANONICAL[level] for level in REQUIRED_OUTPUT_LEVEL2 if level not in present
        ]
        if missing:
            yield hit(project=project, name=project.project_name, missing="、".join(missing))


@rule(
    "framework-level2-misplaced",
    Severity.ERROR,
    "二级指标不属于所在的一级指标",
    tags=("framework",),
    reference="财预〔2015〕88号 绩效指标体系；财预〔2021〕101号 成本指标",
    message="二级指标「{level2}」不属于一级指标「{level1}」（{level1}下应为{allowed}）",
    example={"level2": "数量指标", "level1": "效益指标", "allowed": "经济效益指标、社会效益指标"},
)
def level2_misplaced(disclosure: Disclosure) -> Iterator[Hit]:
    """A 二级 under a 一级 that neither tree allows, e.g. 数量指标 under 效益指标
    (财预〔2015〕88号 tree; 财预〔2021〕101号 for 成本 as 一级). Wrong in both trees, so an
    error; the two tolerated placements are listed at ``ALLOWED_LEVEL2``. Reported once
    per project and placement: rows carried down from a merged cell repeat it."""
    for project in disclosure.projects:
        seen: set[tuple[Level1, Level2]] = set()
        for ind in project.indicators:
            level1, level2 = ind.level1.normalised, ind.level2.normalised
            if not isinstance(level1, Level1) or not isinstance(level2, Level2):
                continue
            allowed = ALLOWED_LEVEL2[level1]
            if level2 in allowed or (level1, level2) in seen:
                continue
            seen.add((level1, level2))
            names = [
                LEVEL2_CANONICAL[level]
                for level in Level2
                if level in allowed and level not in _TOLERATED[level1]
            ]
            yield hit(
                project=project,
                indicator=ind,
                quote=ind.level2.raw,
                level2=_level_label(ind.level2),
                level1=_level_label(ind.level1),
                allowed="、".join(names),
            )


@rule(
    "framework-level-name-variant",
    Severity.INFO,
    "指标层级名称不规范",
    tags=("framework",),
    reference="财预〔2015〕88号 绩效指标体系；RULES.md §1",
    message="{level}「{printed}」不是规范名称，按「{standard}」理解",
    example={"level": "一级指标", "printed": "效果指标", "standard": "效益指标"},
)
def level_name_variant(disclosure: Disclosure) -> Iterator[Hit]:
    """A level name that is a known variant of a standard one: 效果指标 for 效益指标
    (seed 002), 可持续发展 for 可持续影响, 满意度 for 服务对象满意度 (财预〔2015〕88号
    names; RULES.md §1, A that units print them). Read as the standard name; reported
    once per project and name, at its first row."""
    for project in disclosure.projects:
        seen: set[tuple[str, str]] = set()
        for ind in project.indicators:
            for label, level, standard in (
                ("一级指标", ind.level1, _level1_variant(ind.level1.raw)),
                ("二级指标", ind.level2, _level2_variant(ind.level2.raw)),
            ):
                if standard is None or (label, level.raw) in seen:
                    continue
                seen.add((label, level.raw))
                yield hit(
                    project=project,
                    indicator=ind,
                    quote=level.raw,
                    level=label,
                    printed=level.raw.strip(),
                    standard=standard,
                )


@lru_cache(maxsize=1024)
def _level1_variant(raw: str) -> str | None:
    """The standard 一级 name when ``raw`` is a variant of it (效果指标 → 效益指标)."""
    level = normalise_level1(raw)
    standard = None if level is None else LEVEL1_CANONICAL[level]
    return standard if standard and level_stem(raw) != level_stem(standard) else None


@lru_cache(maxsize=1024)
def _level2_variant(raw: str) -> str | None:
    """The standard 二级 name when ``raw`` is a variant of it (满意度 → 服务对象满意度指标)."""
    level = normalise_level2(raw)
    standard = None if level is None else LEVEL2_CANONICAL[level]
    return standard if standard and level_stem(raw) != level_stem(standard) else None


@rule(
    "framework-level-name-unknown",
    Severity.WARNING,
    "指标层级名称无法识别",
    tags=("framework",),
    reference="财预〔2015〕88号 绩效指标体系；财预〔2021〕101号",
    message="{level}「{printed}」不是88号或101号指标体系中的名称，无法判断其归属",
    example={"level": "二级指标", "printed": "管理指标"},
)
def level_name_unknown(disclosure: Disclosure) -> Iterator[Hit]:
    """A 一级 or 二级 name that is neither standard nor a known variant, or is blank
    (财预〔2015〕88号 and 财预〔2021〕101号 trees). The row cannot be placed in the tree, so
    level checks skip it. Reported once per project and name, at its first row."""
    for project in disclosure.projects:
        seen: set[tuple[str, str]] = set()
        for ind in project.indicators:
            for label, level in (("一级指标", ind.level1), ("二级指标", ind.level2)):
                if level.normalised is not None or (label, level.raw) in seen:
                    continue
                seen.add((label, level.raw))
                yield hit(
                    project=project,
                    indicator=ind,
                    quote=level.raw,
                    level=label,
                    printed=_level_label(level),
                )


@rule(
    "framework-input-as-output",
    Severity.WARNING,
    "以资金投入或执行类指标作为产出指标",
    tags=("framework",),
    reference="财预〔2021〕101号 产出指标；RULES.md §1（B）",
    message="「{name}」反映的是资金到位、执行或使用情况（投入），不是项目产出，不宜作为{level}",
    example={"name": "资金到位率", "level": "产出指标"},
)
def input_as_output(disclosure: Disclosure) -> Iterator[Hit]:
    """资金到位率, 预算执行率, 资金使用合规率, 资金拨付及时率 and the like under 产出 (or a
    101号 成本 一级): they measure money in, not what the project delivers — a known
    weakness in applying 财预〔2021〕101号 (RULES.md §1, B)."""
    for project in disclosure.projects:
        for ind in project.indicators:
            if is_input_as_output(ind):
                yield hit(
                    project=project,
                    indicator=ind,
                    quote=ind.level3,
                    name=ind.level3,
                    level=_level_label(ind.level1),
                )


@rule(
    "framework-duplicate-indicator",
    Severity.WARNING,
    "同一项目内三级指标重复",
    tags=("framework",),
    reference="财预〔2015〕88号 绩效目标审核（相关性：指标细化）；jixiao practice",
    message="三级指标「{name}」与本项目第{first}个指标重复",
    example={"name": "集中办公区各单位正常工作保障率", "first": 11},
)
def duplicate_indicator(disclosure: Disclosure) -> Iterator[Hit]:
    """The same 三级 name twice in one project (compared without spaces, punctuation
    and a trailing unit in brackets): either a copy slip or two indicators that the
    name fails to tell apart (88号 asks for refined indicators; jixiao practice).
    Reported on the later row, naming the first."""
    for project in disclosure.projects:
        first: dict[str, int] = {}
        for ind in project.indicators:
            key = name_key(ind.level3)
            if not key:
                continue
            if key in first:
                yield hit(project=project, indicator=ind, name=ind.level3, first=first[key])
            else:
                first[key] = ind.index


@rule(
    "framework-duplicate-project",
    Severity.WARNING,
    "两个项目的绩效指标完全相同",
    tags=("framework",),
    reference="财预〔2015〕88号 绩效目标审核（相关性）；jixiao practice",
    message="项目「{name}」的{count}个指标（名称和指标值）与项目「{other}」完全相同",
    example={"name": "双创园办公楼运行保障", "count": 7, "other": "机关院内后勤运行保障"},
)
def duplicate_project(disclosure: Disclosure) -> Iterator[Hit]:
    """Two projects whose indicator sets (三级 names with their targets, at least 3) are
    identical: the later one's targets were copied rather than set for it (88号 相关性:
    targets must fit the project; jixiao practice). Reported on the later project."""
    first: dict[tuple[tuple[str, str], ...], Project] = {}
    for project in disclosure.projects:
        if len(project.indicators) < MIN_INDICATORS:
            continue  # two tiny sets can agree by chance
        key = tuple(
            sorted(
                (name_key(ind.level3), _target_key(ind.target.raw)) for ind in project.indicators
            )
        )
        earlier = first.get(key)
        if earlier is None:
            first[key] = project
            continue
        yield hit(
            project=project,
            name=project.project_name,
            count=len(project.indicators),
            other=earlier.project_name,
        )


@lru_cache(maxsize=16384)
def _target_key(raw: str) -> str:
    return re.sub(r"\s+", "", raw or "")
