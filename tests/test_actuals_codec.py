"""The actuals interchange format: exact round trip, its layout, and what it refuses.

Also home of the hand-built :func:`sample_report` and the hypothesis strategy
:func:`actuals_reports`, which ``test_store_actuals`` uses too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import maybe_decimal, maybe_location, maybe_text, moneys, targets, text

from jixiao.model import Location, Money, MoneyUnit, Operator, TargetKind, TargetValue
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
from jixiao.model.actuals_codec import actuals_from_dict, actuals_to_dict

BEIJING = dt.timezone(dt.timedelta(hours=8))


def yuan(text_: str) -> Money:
    return Money(raw=text_, value=Decimal(text_.replace(",", "")), unit=MoneyUnit.YUAN)


def sample_report(
    *,
    unit_code: str = "445001",
    fiscal_year: int = 2025,
    kind: ActualsKind = ActualsKind.MONITORING,
    period_month: int = 7,
    content: str | None = "v1",
    spent: str = "21,000.00",
) -> ActualsReport:
    """A small monitoring report of seed 000's shape, built by hand.

    Project 1 (公务用车运维, 元): total budget 35,000.00, spent ``spent`` to the end of
    July, projected 35,000.00; two indicators (检查次数 4次 of ≥6次, 完成时间 by the
    deadline). Project 2 (万元) reports funding without a total row and no
    indicators. ``content`` stands for the workbook's bytes (``None``: not from a
    file): another ``content`` gives another SHA-256.
    """
    path = f"{unit_code}_{fiscal_year}_{kind.value}_{period_month}.xlsx"
    sheet = Location(file=path, table="项目1")
    first = ProjectActuals(
        project_seq=1,
        project_name="公务用车运维",
        project_code=f"13022{fiscal_year % 100}P000001",
        money_unit=MoneyUnit.YUAN,
        funding=(
            FundingActual(
                source=FundingSource.TOTAL,
                budget_initial=yuan("35000.00"),
                budget_adjusted=yuan("35000.00"),
                spent=yuan(spent),
                projected=yuan("35000.00"),
                location=sheet.at(row=6),
            ),
            FundingActual(
                source=FundingSource.FISCAL,
                budget_initial=yuan("35000.00"),
                budget_adjusted=yuan("35000.00"),
                spent=yuan(spent),
                projected=None,
                location=sheet.at(row=7),
            ),
        ),
        indicators=(
            IndicatorActual(
                indicator_index=1,
                level3="公务用车督导检查次数",
                actual=TargetValue(
                    raw="4次", kind=TargetKind.QUANTITATIVE, value=Decimal("4"), unit="次"
                ),
                projected=TargetValue(
                    raw="≥6次",
                    kind=TargetKind.QUANTITATIVE,
                    operator=Operator.GE,
                    value=Decimal("6"),
                    unit="次",
                ),
                likelihood=Likelihood.POSSIBLE,
                deviation_causes=(DeviationCause.STAFFING, DeviationCause.OTHER),
                deviation_note="上半年人员调整，检查推迟",
                improvement="下半年每月检查一次",
                weight=Decimal("10.0"),
                claimed_score=Decimal("7.5"),
                location=sheet.at(row=12, column="1-7月完成情况"),
            ),
            IndicatorActual(
                indicator_index=2,
                level3="完成时间",
                actual=TargetValue(
                    raw="2025年11月底",
                    kind=TargetKind.DEADLINE,
                    deadline=dt.date(fiscal_year, 11, 30),
                ),
                likelihood=Likelihood.CERTAIN,
                achievement=Achievement.ACHIEVED,
                remark="按计划推进",
                location=sheet.at(row=13, column="1-7月完成情况"),
            ),
        ),
        goal_achieved="公务用车运行平稳",
        execution_note=None,
        location=sheet,
    )
    second = ProjectActuals(
        project_seq=2,
        project_name="办公用房维修",
        money_unit=MoneyUnit.WAN_YUAN,
        funding=(
            FundingActual(
                source=FundingSource.FISCAL,
                budget_initial=Money(raw="12.50", value=Decimal("12.50"), unit=MoneyUnit.WAN_YUAN),
                spent=Money(raw="", value=None, unit=MoneyUnit.WAN_YUAN),
            ),
        ),
        execution_note="维修项目招标未完成",
    )
    sha = None
    if content is not None:
        key = f"{unit_code}/{fiscal_year}/{kind.value}/{period_month}/{content}"
        sha = hashlib.sha256(key.encode()).hexdigest()
    return ActualsReport(
        unit_code=unit_code,
        unit_name="玉田县机关事务中心",
        fiscal_year=fiscal_year,
        kind=kind,
        period_month=period_month,
        projects=(first, second),
        entered_by="张会计",
        entered_at=dt.datetime(fiscal_year, 8, 5, 9, 30, tzinfo=BEIJING),
        source_path=path,
        sha256=sha,
        disclosure_sha256=hashlib.sha256(f"{unit_code}/{fiscal_year}/v1".encode()).hexdigest(),
    )


# --- strategies ------------------------------------------------------------------------

maybe_money = st.none() | moneys
maybe_target = st.none() | targets
offsets = st.sampled_from([dt.UTC, BEIJING, dt.timezone(dt.timedelta(hours=-5, minutes=-30))])

funding_actuals = st.builds(
    FundingActual,
    source=st.sampled_from(FundingSource),
    budget_initial=maybe_money,
    budget_adjusted=maybe_money,
    spent=maybe_money,
    projected=maybe_money,
    location=maybe_location,
)
indicator_actuals = st.builds(
    IndicatorActual,
    indicator_index=st.integers(1, 40),
    level3=text,
    actual=maybe_target,
    projected=maybe_target,
    likelihood=st.none() | st.sampled_from(Likelihood),
    deviation_causes=st.lists(st.sampled_from(DeviationCause), unique=True, max_size=3).map(tuple),
    deviation_note=maybe_text,
    improvement=maybe_text,
    remark=maybe_text,
    achievement=st.none() | st.sampled_from(Achievement),
    weight=maybe_decimal,
    claimed_score=maybe_decimal,
    location=maybe_location,
)
project_actuals = st.builds(
    ProjectActuals,
    project_seq=st.integers(1, 30),
    project_name=text,
    money_unit=st.none() | st.sampled_from(MoneyUnit),
    funding=st.lists(funding_actuals, max_size=4).map(tuple),
    indicators=st.lists(indicator_actuals, max_size=5).map(tuple),
    project_code=st.none() | st.sampled_from(["13022524P000001", "13053524P00000210281P"]),
    goal_achieved=maybe_text,
    execution_note=maybe_text,
    location=maybe_location,
)


def actuals_reports(*, aware: bool = True) -> st.SearchStrategy[ActualsReport]:
    """Reports with every optional field sometimes ``None``; ``entered_at`` carries a
    UTC offset unless ``aware`` is false (then it may be naive too)."""
    times = st.datetimes(
        min_value=dt.datetime(2015, 1, 1), max_value=dt.datetime(2031, 12, 31), timezones=offsets
    )
    if not aware:
        times = times | st.datetimes(min_value=dt.datetime(2015, 1, 1))
    return st.builds(
        ActualsReport,
        unit_code=st.sampled_from(["445001", "430002", "507001"]),
        unit_name=st.sampled_from(["玉田县机关事务中心", "平乡县机关后勤服务中心"]),
        fiscal_year=st.integers(2015, 2030),
        kind=st.sampled_from(ActualsKind),
        period_month=st.integers(1, 12),
        projects=st.lists(project_actuals, max_size=3).map(tuple),
        entered_by=st.none() | st.sampled_from(["张会计", "admin", "李 明"]),
        entered_at=st.none() | times,
        source_path=st.none() | st.sampled_from(["监控表.xlsx", "data/445001_自评.xlsx"]),
        sha256=st.none()
        | st.binary(min_size=8, max_size=8).map(lambda b: hashlib.sha256(b).hexdigest()),
        disclosure_sha256=st.none()
        | st.binary(min_size=8, max_size=8).map(lambda b: hashlib.sha256(b).hexdigest()),
    )


# --- tests -----------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(report=actuals_reports(aware=False))
def test_actuals_to_dict__round_trip_through_json_is_exact(report: ActualsReport) -> None:
    """Every field comes back equal after a trip through JSON text, and Decimals keep
    their printed precision (``Decimal("10.0")`` stays ``"10.0"``, not ``"10"``)."""
    data = json.loads(json.dumps(actuals_to_dict(report), ensure_ascii=False))
    back = actuals_from_dict(data)
    assert back == report
    assert actuals_to_dict(back) == actuals_to_dict(report)


def test_actuals_to_dict__layout_of_sample() -> None:
    """The sample's second indicator and second project as the format writes them:
    strings for Decimals with their places, enum values, lists, and null."""
    data = actuals_to_dict(sample_report())
    assert (data["format"], data["version"], data["kind"], data["period_month"]) == (
        "jixiao-actuals",
        1,
        "monitoring",
        7,
    )
    assert data["entered_at"] == "2025-08-05T09:30:00+08:00"
    first = data["projects"][0]
    assert first["money_unit"] == "yuan"
    assert first["funding"][0]["source"] == "total"
    assert first["funding"][0]["spent"] == {
        "raw": "21,000.00",
        "value": "21000.00",
        "unit": "yuan",
        "location": None,
    }
    assert first["funding"][1]["projected"] is None
    indicator = first["indicators"][0]
    assert indicator["likelihood"] == "possible"
    assert indicator["deviation_causes"] == ["staffing", "other"]
    assert (indicator["weight"], indicator["claimed_score"]) == ("10.0", "7.5")
    assert indicator["actual"]["value"] == "4" and indicator["actual"]["unit"] == "次"
    assert indicator["location"]["table"] == "项目1" and indicator["location"]["row"] == 12
    deadline = first["indicators"][1]
    assert deadline["actual"]["deadline"] == "2025-11-30"
    assert deadline["projected"] is None and deadline["deviation_causes"] == []
    assert deadline["achievement"] == "achieved"
    second = data["projects"][1]
    assert second["indicators"] == [] and second["project_code"] is None
    assert second["funding"][0]["spent"]["value"] is None


def test_actuals_from_dict__keeps_the_utc_offset_and_naive_stays_naive() -> None:
    """``==`` on aware datetimes compares instants only; the offset itself (+08:00)
    must come back too, and a naive time must not gain one."""
    report = sample_report()
    back = actuals_from_dict(actuals_to_dict(report))
    assert back.entered_at is not None
    assert back.entered_at.utcoffset() == dt.timedelta(hours=8)
    assert (back.entered_at.hour, back.entered_at.minute) == (9, 30)
    naive = dataclasses.replace(report, entered_at=dt.datetime(2025, 8, 5, 9, 30, 0, 120))
    again = actuals_from_dict(actuals_to_dict(naive)).entered_at
    assert again == dt.datetime(2025, 8, 5, 9, 30, 0, 120) and again.tzinfo is None


def test_actuals_from_dict__decimals_keep_their_places() -> None:
    """``Decimal("10.0") == Decimal("10")``, so equality alone would not notice lost
    places: compare the decimals' text."""
    back = actuals_from_dict(actuals_to_dict(sample_report()))
    (indicator, _) = back.projects[0].indicators
    assert str(indicator.weight) == "10.0"
    total = back.projects[0].funding_for(FundingSource.TOTAL)
    assert total is not None and total.budget_initial is not None
    assert str(total.budget_initial.value) == "35000.00"


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"format": "jixiao-disclosure"}, "jixiao-actuals"),
        ({"version": 2}, "jixiao-actuals"),
        ({"kind": "quarterly"}, "quarterly"),
        ({"entered_at": "2025-13-01T00:00:00"}, "month"),
        ({"entered_at": 20250801}, "ISO"),
    ],
)
def test_actuals_from_dict__refuses_malformed_content(change: dict, error: str) -> None:
    data = {**actuals_to_dict(sample_report()), **change}
    with pytest.raises(ValueError, match=error):
        actuals_from_dict(data)


def test_actuals_from_dict__refuses_unknown_cause_and_bad_decimal() -> None:
    data = actuals_to_dict(sample_report())
    data["projects"][0]["indicators"][0]["deviation_causes"] = ["weather"]
    with pytest.raises(ValueError, match="weather"):
        actuals_from_dict(data)
    data = actuals_to_dict(sample_report())
    data["projects"][0]["indicators"][0]["weight"] = "十分"
    with pytest.raises(ValueError, match="decimal"):
        actuals_from_dict(data)
    data = actuals_to_dict(sample_report())
    del data["projects"][0]["project_name"]
    with pytest.raises(KeyError, match="project_name"):
        actuals_from_dict(data)


def test_actuals_to_dict__refuses_a_non_finite_decimal() -> None:
    report = sample_report()
    project = dataclasses.replace(
        report.projects[0],
        indicators=(dataclasses.replace(report.projects[0].indicators[0], weight=Decimal("NaN")),),
    )
    with pytest.raises(ValueError, match="finite"):
        actuals_to_dict(dataclasses.replace(report, projects=(project,)))
