"""Review rules of the *basis* family (指标值确定依据): does each target say where it comes from?

Vendor guidance and 财预〔2021〕101号 name the kinds of basis: 计划标准 (plans), 历史标准
(last year's actual, the last three years' mean), 行业标准 (published norms),
预算支出标准 (for costs) and 其他 (RULES.md §3). Published tables mostly print free
text instead: a document (《…》, …合同, …方案, …规定), a plan, a survey. These rules
report a blank basis (once per project when the whole column is blank), text that
names no kind and no recognisable source, and text that looks like a slip — a
person's or unit's name, the indicator's own name, a number, a formula.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from jixiao.ingest.target import parse_target
from jixiao.model import Disclosure, Indicator, Project, Severity, TargetKind
from jixiao.review.framework import name_key
from jixiao.review.registry import Hit, hit, rule

STANDARD_KINDS: tuple[str, ...] = ("计划标准", "历史标准", "行业标准", "预算支出标准", "其他")
"""The standard kinds of basis (RULES.md §3; A in vendor guidance, B for 101号's list)."""

# A basis is recognised when it names a standard kind, a common variant of one, or a
# source a reader can look up: a document, a plan, a contract, a survey, records.
_SOURCE = re.compile(
    r"《|计划|标准|历史|上年|往年|以前年度|近三年|历年|行业|预算|其[他它]"
    r"|文件|方案|通知|办法|规定|合同|协议|批复|要求|制度|规范|规划|意见|条例|细则|法|指南|指引"
    r"|纪要|决定|决议|政策|部署|安排|任务|职责|职能|编制|定额|名录|目录|清单|台账"
    r"|中标|招标|投标|报告|总结|设计|评审|测算|统计|调查|问卷|反馈|考核|勘查|勘察|约定"
    r"|单据|凭证|发票|保险单|收费|价格|询价|报价|市场|记录|登记|检测|测量|公示|公告"
)
_LEAD = re.compile(r"^(?:根据|依据|按照|参照|依照|参考|基于|来源于|按|据)")
_NOT_TEXT = re.compile(r"[\s，,、。．.；;：:“”\"'‘’《》（）()!！?？—\-/／]+")
_FORMULA = re.compile(r"比率|比例|除以|÷|×|[=＝*]")
_ORGANISATION = re.compile(
    r"(?:^(?:本|我)(?:单位|部门|局|中心)$)"
    r"|(?:局|中心|委员会|办公室|政府|公司|集团|医院|学校|大学|研究所|事务所|管理处|服务站"
    r"|大队|支队|[县市省区]委|党委)$"
)

# A person's name opening the text: a common surname and a character common in given
# names but rare at the start of a word (耿娟办公区取暖面积, seed 001).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤耿常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍喻祁蒲"
    "房滕屈饶解牟艾尤穆卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬"
    "边卞姬仇栾隋商刁沙巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆冀郁胥栗燕楚鄢谌奚"
)
_GIVEN = frozenset(
    "娟丽敏静秀芳霞燕玲娜婷伟强磊勇杰涛超辉刚鹏斌浩宇峰艳梅莉琳萍颖倩雪慧淑英兰凤洁琴珍桂丹"
    "晶岩彬坤琦瑶璐瑜璇妍怡悦欣婧媛蕾薇菲萱楠琪晓晖昊昕旭晨鑫淼焱森娇娥娴婉翠莲菊蓉芬芝"
)

_PROBLEMS = {
    "person": "像是人名，不是取值依据",
    "organisation": "只是一个单位名称，没有说明依据",
    "name": "重复了指标名称，没有说明依据",
    "description": "重复了指标解释，没有说明依据",
    "target": "像是指标值，不是取值依据",
    "formula": "像是指标的计算方法（应写在指标解释中），不是取值依据",
}


@lru_cache(maxsize=16384)
def _plain(text: str) -> str:
    return _NOT_TEXT.sub("", text or "")


@lru_cache(maxsize=16384)
def _subject(basis: str) -> str:
    """The basis without spaces, punctuation and its leading 根据/依据/按照."""
    return _LEAD.sub("", _plain(basis))


_PLACEHOLDERS = frozenset({"", "无", "暂无", "空", "不适用"})


def _basis_text(ind: Indicator) -> str:
    """The basis as printed, or ``""`` when blank or a placeholder (—, /, 无)."""
    basis = (ind.basis or "").strip()
    return "" if _plain(basis) in _PLACEHOLDERS else basis


# Words that start like a name but are words (用电高峰, 高强度).
_NAME_LIKE_WORDS = frozenset({"高峰", "高强", "安静", "宁静", "文静", "冷静"})


@lru_cache(maxsize=16384)
def _looks_like_person(text: str) -> bool:
    return (
        len(text) >= 2
        and text[0] in _SURNAMES
        and text[1] in _GIVEN
        and text[:2] not in _NAME_LIKE_WORDS
    )


@lru_cache(maxsize=16384)
def _text_slip(basis: str, unit_name: str) -> str | None:
    """The slip a basis makes on its own (without the indicator), if any."""
    subject = _subject(basis)
    if not subject:
        return None
    if _looks_like_person(subject):
        return "person"
    if _FORMULA.search(basis):
        return "formula"
    if subject == _plain(unit_name) or (
        _ORGANISATION.search(subject) and not _SOURCE.search(subject)
    ):
        return "organisation"
    target = parse_target(subject)
    if target.kind is TargetKind.QUANTITATIVE or (
        target.kind is TargetKind.DEADLINE and target.wording is None
    ):
        return "target"
    return None


@lru_cache(maxsize=16384)
def _repeats(basis: str, text: str) -> bool:
    subject, other = _subject(basis), _plain(text)
    if not subject or not other:
        return False
    return subject == other or SequenceMatcher(None, subject, other).ratio() >= 0.8


def _slip(ind: Indicator, unit_name: str) -> str | None:
    """The slip this indicator's basis makes, if any (a key of ``_PROBLEMS``)."""
    basis = _basis_text(ind)
    if not basis:
        return None
    return _slip_of(basis, ind.level3, ind.description or "", ind.target.raw, unit_name)


@lru_cache(maxsize=16384)
def _slip_of(basis: str, name: str, description: str, target: str, unit_name: str) -> str | None:
    if not basis.strip():
        return None
    if (problem := _text_slip(basis, unit_name)) is not None:
        return problem
    if _repeats(basis, name_key(name)):
        return "name"
    if description and _repeats(basis, description):
        return "description"
    if _plain(basis) == _plain(target):
        return "target"
    return None


@lru_cache(maxsize=16384)
def is_recognised(basis: str) -> bool:
    """True when the basis names a standard kind or a source a reader can look up."""
    return _SOURCE.search(_plain(basis)) is not None


# -- rules ---------------------------------------------------------------------------------


@rule(
    "basis-empty-project",
    Severity.WARNING,
    "项目所有指标均未填写取值依据",
    tags=("basis",),
    reference="RULES.md §3（指标值确定依据：计划标准、历史标准、行业标准、预算支出标准）",
    message="项目「{name}」的{count}个指标都没有填写指标值确定依据",
    example={"name": "物业管理费", "count": 3},
)
def basis_empty_project(disclosure: Disclosure) -> Iterator[Hit]:
    """Every indicator of a project leaves its basis (指标值确定依据) blank: nothing says
    where the targets come from (RULES.md §3). One finding for the project, not one
    per row: the column was left empty, not nine separate slips. A table printed without
    the column (Sichuan's templates: 指标性质 | 指标值 | 度量单位 | 权重, every basis
    ``None``) has nothing to fill in and is not reported."""
    for project in disclosure.projects:
        if all(ind.basis is None for ind in project.indicators):
            continue
        if all(not _basis_text(ind) for ind in project.indicators):
            yield hit(project=project, name=project.project_name, count=len(project.indicators))


@rule(
    "basis-empty",
    Severity.WARNING,
    "指标未填写取值依据",
    tags=("basis",),
    reference="RULES.md §3（指标值确定依据）",
    message="指标「{name}」没有填写指标值确定依据",
    example={"name": "设施设备使用寿命"},
)
def basis_empty(disclosure: Disclosure) -> Iterator[Hit]:
    """One indicator leaves its basis blank while others of its project fill theirs in
    (RULES.md §3). A project whose whole column is blank is ``basis-empty-project``."""
    for project in disclosure.projects:
        empty = [ind for ind in project.indicators if not _basis_text(ind)]
        if not empty or len(empty) == len(project.indicators):
            continue
        for ind in empty:
            yield hit(project=project, indicator=ind, name=ind.level3)


@rule(
    "basis-slip",
    Severity.WARNING,
    "取值依据填写有误",
    tags=("basis",),
    reference="RULES.md §3（指标值确定依据）；jixiao practice",
    message="指标「{name}」的取值依据「{basis}」{problem}",
    example={
        "name": "办公区供暖面积",
        "basis": "耿娟办公区取暖面积",
        "problem": "像是人名，不是取值依据",
    },
)
def basis_slip(disclosure: Disclosure) -> Iterator[Hit]:
    """A basis that cannot be one: a person's name (耿娟…), a unit's name alone, the
    indicator's own name or description repeated, a number or target value, a formula
    (比率, ÷) that belongs in the description. The column should say where the target
    comes from: 计划标准, 历史标准, 行业标准, 预算支出标准 or a document (RULES.md §3)."""
    unit_name = disclosure.unit_name or ""
    for project in disclosure.projects:
        for ind in project.indicators:
            problem = _slip(ind, unit_name)
            if problem is not None:
                yield hit(
                    project=project,
                    indicator=ind,
                    quote=ind.basis,
                    name=ind.level3,
                    basis=_basis_text(ind),
                    problem=_PROBLEMS[problem],
                )


@rule(
    "basis-nonstandard",
    Severity.INFO,
    "取值依据不是标准类型或可查的依据",
    tags=("basis",),
    reference="RULES.md §3（计划标准、历史标准、行业标准、预算支出标准、其他）",
    message="项目「{name}」有{count}个指标的取值依据既不是标准类型（计划标准、历史标准、"
    "行业标准、预算支出标准），也不是可查的文件或资料：{items}",
    example={"name": "后勤保障经费", "count": 1, "items": "第7个「根据提升情况」"},
)
def basis_nonstandard(disclosure: Disclosure) -> Iterator[Hit]:
    """Bases that name no standard kind (计划标准, 历史标准, 行业标准, 预算支出标准, 其他;
    RULES.md §3) and no source one could look up (a document, plan, contract, survey,
    records): "根据提升情况", "根据用水情况" describe a situation, not where the number
    comes from. Advice only; one finding per project listing the rows, at the first."""
    unit_name = disclosure.unit_name or ""
    for project in disclosure.projects:
        rows = [ind for ind in project.indicators if _is_nonstandard(ind, unit_name)]
        if rows:
            yield _nonstandard_hit(project, rows)


def _is_nonstandard(ind: Indicator, unit_name: str) -> bool:
    basis = _basis_text(ind)
    return bool(basis) and not is_recognised(basis) and _slip(ind, unit_name) is None


def _nonstandard_hit(project: Project, rows: list[Indicator]) -> Hit:
    return hit(
        project=project,
        location=rows[0].location,
        quote=rows[0].basis,
        name=project.project_name,
        count=len(rows),
        items="、".join(f"第{ind.index}个「{_basis_text(ind)}」" for ind in rows),
    )
