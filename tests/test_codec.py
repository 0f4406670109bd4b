"""The interchange dict: exact round trip and the encoding rules of docs/format.md."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from strategies import disclosures, sample_disclosure

from jixiao.model import CellValue, Disclosure, Finding, Severity
from jixiao.model.codec import (
    decimal_from_str,
    decimal_to_str,
    disclosure_from_dict,
    disclosure_to_dict,
    documents_from_json,
    documents_to_json,
)


@settings(max_examples=150, deadline=None)
@given(disclosures)
def test_codec__round_trip_is_exact(d: Disclosure) -> None:
    data = disclosure_to_dict(d)
    through_json = json.loads(json.dumps(data, ensure_ascii=False))
    assert disclosure_from_dict(through_json) == d
    assert disclosure_to_dict(disclosure_from_dict(through_json)) == data


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("3000.00"), "3000.00"),
        (Decimal("4131.67"), "4131.67"),
        (Decimal("1E+3"), "1000"),
        (Decimal("1.5E-7"), "0.00000015"),
        (Decimal("-0.50"), "-0.50"),
        (Decimal("0"), "0"),
    ],
)
def test_decimal_to_str__exponent_free_precision_kept(value: Decimal, text: str) -> None:
    assert decimal_to_str(value) == text
    assert decimal_from_str(text) == value


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_decimal_to_str__non_finite_rejected(bad: Decimal) -> None:
    with pytest.raises(ValueError):
        decimal_to_str(bad)


def test_decimal_from_str__float_rejected() -> None:
    with pytest.raises(ValueError):
        decimal_from_str(12.5)  # type: ignore[arg-type]


def test_disclosure_to_dict__shape_of_sample() -> None:
    data = disclosure_to_dict(sample_disclosure())
    assert data["unit_code"] == "445001"
    assert data["money_unit"] == "wan_yuan"
    assert data["source"]["layout"] == "word_export"
    row = data["budget_tables"][0]["rows"][0]
    assert row["values"] == {"合计": "4131.67", "基本支出": "3000.00"}
    assert row["raw"] == {"合计": "4131.67", "基本支出": "3000.00"}
    blank = data["budget_tables"][0]["rows"][1]
    assert blank["values"] == {"合计": "1131.67", "基本支出": None}
    assert blank["raw"]["基本支出"] == ""
    assert blank["location"] == {
        "file": "445001_2025.txt",
        "line": 13,
        "page": None,
        "table": "部门预算支出总表",
        "row": 2,
        "column": None,
    }
    project = data["projects"][0]
    assert project["budget_total"] == {
        "raw": "35000.00",
        "value": "35000.00",
        "unit": "yuan",
        "location": None,
    }
    assert project["spending_plan"][0] == {
        "month": 3,
        "raw": "25%",
        "value": "25",
        "kind": "percent",
        "location": None,
    }
    first, second, third = project["indicators"]
    assert first["target"]["operator"] == "≥"
    assert first["level1"] == {"raw": "产出指标", "normalised": "output", "carried": False}
    assert second["target"]["deadline"] == "2025-12-31"
    assert second["level1"]["carried"] is True
    assert third["target"]["kind"] == "unparsed"
    assert data["notes"][0]["fields"] == {"text": "较上年有所改善"}


def test_disclosure_from_dict__cell_order_follows_dict_order() -> None:
    d = sample_disclosure()
    table = d.budget_tables[0]
    row = table.rows[0]
    swapped_row = dataclasses.replace(row, values=(row.values[1], row.values[0]))
    swapped = dataclasses.replace(
        d, budget_tables=(dataclasses.replace(table, rows=(swapped_row, *table.rows[1:])),)
    )
    data = disclosure_to_dict(swapped)
    assert list(data["budget_tables"][0]["rows"][0]["values"]) == ["基本支出", "合计"]
    assert disclosure_from_dict(data).budget_tables[0].rows[0].values == swapped_row.values


def test_disclosure_to_dict__duplicate_cell_column_rejected() -> None:
    d = sample_disclosure()
    table = d.budget_tables[0]
    row = table.rows[0]
    twice = dataclasses.replace(
        row, values=(*row.values, CellValue(column="合计", raw="1", value=Decimal(1)))
    )
    bad = dataclasses.replace(d, budget_tables=(dataclasses.replace(table, rows=(twice,)),))
    with pytest.raises(ValueError, match="合计"):
        disclosure_to_dict(bad)


def test_disclosure_to_dict__duplicate_finding_field_rejected() -> None:
    finding = Finding(
        rule="x", severity=Severity.INFO, message="m", fields=(("a", "1"), ("a", "2"))
    )
    with pytest.raises(ValueError, match="duplicate"):
        disclosure_to_dict(dataclasses.replace(sample_disclosure(), notes=(finding,)))


def test_disclosure_from_dict__values_raw_mismatch_rejected() -> None:
    data = disclosure_to_dict(sample_disclosure())
    del data["budget_tables"][0]["rows"][0]["raw"]["合计"]
    with pytest.raises(ValueError, match="differ"):
        disclosure_from_dict(data)


def test_disclosure_from_dict__unknown_enum_rejected() -> None:
    data = disclosure_to_dict(sample_disclosure())
    data["projects"][0]["indicators"][0]["target"]["kind"] = "maybe"
    with pytest.raises(ValueError):
        disclosure_from_dict(data)


def test_documents_to_json__envelope_round_trip() -> None:
    docs = [sample_disclosure(), sample_disclosure(unit_code="507001", fiscal_year=2024)]
    envelope = documents_to_json(docs)
    assert envelope["format"] == "jixiao-disclosure"
    assert envelope["version"] == 1
    assert [item["unit_code"] for item in envelope["documents"]] == ["445001", "507001"]
    assert documents_from_json(json.loads(json.dumps(envelope))) == docs


def test_documents_from_json__other_format_rejected() -> None:
    with pytest.raises(ValueError, match="jixiao-disclosure"):
        documents_from_json({"format": "other", "version": 1, "documents": []})
