"""The interchange format of an actuals report (执行情况): plain dicts to and from the model.

The dict built here is what the database keeps as a report's ``content`` (compact
JSON, ``jixiao.store.actuals``) and what a JSON export of a report holds, so it is
read back exactly: ``actuals_from_dict(actuals_to_dict(r)) == r`` for every report.
Pure functions, no I/O.

Encoding rules are those of :mod:`jixiao.model.codec` (whose helpers encode the
money, target and location parts): ``Decimal`` → exponent-free string keeping the
printed precision (``Decimal("35.00")`` → ``"35.00"``), dates → ISO ``YYYY-MM-DD``,
datetimes → ISO 8601 with their UTC offset (``2025-07-05T09:30:00+08:00``; a naive
datetime stays naive), enums → their value, tuples → lists, ``None`` → ``null``.
Every key is always written. The dict opens with ``"format": "jixiao-actuals"`` and
``"version": 1`` so that a later layout can read content stored by this one.
"""

from __future__ import annotations

import datetime as dt
from decimal import InvalidOperation
from typing import Any

from jixiao.model.actuals import (
    Achievement,
    ActualsKind,
    ActualsReport,
    DeviationCause,
    FundingActual,
    FundingSource,
    IndicatorActual,
    Likelihood,
    ProjectActuals,
)
from jixiao.model.codec import (
    _enum,
    _location,
    _location_from,
    _money,
    _money_from,
    _opt,
    _target,
    _target_from,
    decimal_from_str,
    decimal_to_str,
)
from jixiao.model.money import MoneyUnit

ACTUALS_FORMAT_NAME = "jixiao-actuals"
ACTUALS_FORMAT_VERSION = 1

Json = dict[str, Any]


def _funding(f: FundingActual) -> Json:
    return {
        "source": f.source.value,
        "budget_initial": _money(f.budget_initial),
        "budget_adjusted": _money(f.budget_adjusted),
        "spent": _money(f.spent),
        "projected": _money(f.projected),
        "location": _location(f.location),
    }


def _funding_from(data: Json) -> FundingActual:
    return FundingActual(
        source=FundingSource(data["source"]),
        budget_initial=_money_from(data.get("budget_initial")),
        budget_adjusted=_money_from(data.get("budget_adjusted")),
        spent=_money_from(data.get("spent")),
        projected=_money_from(data.get("projected")),
        location=_location_from(data.get("location")),
    )


def _indicator(i: IndicatorActual) -> Json:
    return {
        "indicator_index": i.indicator_index,
        "level3": i.level3,
        "actual": None if i.actual is None else _target(i.actual),
        "projected": None if i.projected is None else _target(i.projected),
        "likelihood": _enum(i.likelihood),
        "deviation_causes": [c.value for c in i.deviation_causes],
        "deviation_note": i.deviation_note,
        "improvement": i.improvement,
        "remark": i.remark,
        "achievement": _enum(i.achievement),
        "weight": decimal_to_str(i.weight),
        "claimed_score": decimal_to_str(i.claimed_score),
        "location": _location(i.location),
    }


def _indicator_from(data: Json) -> IndicatorActual:
    actual, projected = data.get("actual"), data.get("projected")
    return IndicatorActual(
        indicator_index=data["indicator_index"],
        level3=data["level3"],
        actual=None if actual is None else _target_from(actual),
        projected=None if projected is None else _target_from(projected),
        likelihood=_opt(Likelihood, data.get("likelihood")),
        deviation_causes=tuple(DeviationCause(c) for c in data.get("deviation_causes") or ()),
        deviation_note=data.get("deviation_note"),
        improvement=data.get("improvement"),
        remark=data.get("remark"),
        achievement=_opt(Achievement, data.get("achievement")),
        weight=decimal_from_str(data.get("weight")),
        claimed_score=decimal_from_str(data.get("claimed_score")),
        location=_location_from(data.get("location")),
    )


def _project(p: ProjectActuals) -> Json:
    return {
        "project_seq": p.project_seq,
        "project_name": p.project_name,
        "project_code": p.project_code,
        "money_unit": _enum(p.money_unit),
        "goal_achieved": p.goal_achieved,
        "execution_note": p.execution_note,
        "funding": [_funding(f) for f in p.funding],
        "indicators": [_indicator(i) for i in p.indicators],
        "location": _location(p.location),
    }


def _project_from(data: Json) -> ProjectActuals:
    return ProjectActuals(
        project_seq=data["project_seq"],
        project_name=data["project_name"],
        project_code=data.get("project_code"),
        money_unit=_opt(MoneyUnit, data.get("money_unit")),
        goal_achieved=data.get("goal_achieved"),
        execution_note=data.get("execution_note"),
        funding=tuple(_funding_from(f) for f in data.get("funding") or ()),
        indicators=tuple(_indicator_from(i) for i in data.get("indicators") or ()),
        location=_location_from(data.get("location")),
    )


def _datetime(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _datetime_from(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise ValueError(f"datetime must be an ISO string, got {type(text).__name__}: {text!r}")
    return dt.datetime.fromisoformat(text)


def actuals_to_dict(report: ActualsReport) -> Json:
    """Encode ``report`` as the interchange dict (JSON-ready: str, int, None, lists, dicts).

    Shape: ``{"format": "jixiao-actuals", "version": 1, "unit_code", "unit_name",
    "fiscal_year", "kind", "period_month", "entered_by", "entered_at", "source_path",
    "sha256", "disclosure_sha256", "projects": [{…, "funding": […], "indicators": […]}]}``.
    Amounts are strings in the project's ``money_unit`` (元 or 万元), as printed;
    ``weight`` and ``claimed_score`` are points. Raises ``ValueError`` for a
    non-finite Decimal, which no template holds.
    """
    return {
        "format": ACTUALS_FORMAT_NAME,
        "version": ACTUALS_FORMAT_VERSION,
        "unit_code": report.unit_code,
        "unit_name": report.unit_name,
        "fiscal_year": report.fiscal_year,
        "kind": report.kind.value,
        "period_month": report.period_month,
        "entered_by": report.entered_by,
        "entered_at": _datetime(report.entered_at),
        "source_path": report.source_path,
        "sha256": report.sha256,
        "disclosure_sha256": report.disclosure_sha256,
        "projects": [_project(p) for p in report.projects],
    }


def actuals_from_dict(data: Json) -> ActualsReport:
    """Decode the dict of :func:`actuals_to_dict` back into an :class:`ActualsReport`.

    Raises ``ValueError`` for another format or version, an unknown enum value or a
    malformed decimal, date or datetime, and ``KeyError`` for a missing required key.
    """
    if data.get("format") != ACTUALS_FORMAT_NAME or data.get("version") != ACTUALS_FORMAT_VERSION:
        raise ValueError(
            f"not a {ACTUALS_FORMAT_NAME} v{ACTUALS_FORMAT_VERSION} report: "
            f"format={data.get('format')!r} version={data.get('version')!r}"
        )
    try:
        return _report_from(data)
    except InvalidOperation as error:  # codec.decimal_from_str lets Decimal's own through
        raise ValueError(f"malformed decimal in actuals report: {error!r}") from error


def _report_from(data: Json) -> ActualsReport:
    return ActualsReport(
        unit_code=data["unit_code"],
        unit_name=data["unit_name"],
        fiscal_year=data["fiscal_year"],
        kind=ActualsKind(data["kind"]),
        period_month=data["period_month"],
        projects=tuple(_project_from(p) for p in data["projects"]),
        entered_by=data.get("entered_by"),
        entered_at=_datetime_from(data.get("entered_at")),
        source_path=data.get("source_path"),
        sha256=data.get("sha256"),
        disclosure_sha256=data.get("disclosure_sha256"),
    )
