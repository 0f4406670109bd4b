"""The round-trip oracle shared by the format tests (DOCX, XLSX, HTML, PDF).

Two disclosures are compared as interchange dicts (``jixiao.model.codec``) with
what names a place in a file taken out — locations, per-paragraph line numbers,
the source and the reader's notes. Everything else is compared: every project
field, every indicator (raw and parsed target), every budget row (raw and value),
the department goals, the narrative, the document's unit, year and its evidence.
"""

from __future__ import annotations

SEEDS = ("000", "001", "002", "003", "004")
_PLACE_KEYS = {"location", "paragraph_lines", "source", "notes"}


def comparable(value):
    """A codec dict without the keys that name places in a file (see module docstring)."""
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items() if k not in _PLACE_KEYS}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    return value


def differences(a, b, path: str = "") -> list[str]:
    """Paths where ``a`` and ``b`` differ, in document order, with both values."""
    if isinstance(a, dict) and isinstance(b, dict):
        found = []
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a or key not in b:
                found.append(f"{path}.{key}: only in {'A' if key in a else 'B'}")
            else:
                found.extend(differences(a[key], b[key], f"{path}.{key}"))
        return found
    if isinstance(a, list) and isinstance(b, list):
        found = [f"{path}: {len(a)} items vs {len(b)}"] if len(a) != len(b) else []
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            found.extend(differences(x, y, f"{path}[{index}]"))
        return found
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def assert_same(original: dict, back: dict) -> None:
    found = differences(original, back)
    assert not found, "round trip differs (first 15):\n" + "\n".join(found[:15])


def expected_back(original: dict, seed: str) -> dict:
    """What a seed's comparable dict should read back as after any written format.

    003 is PDF-extracted text: its reader treats the 部门整体绩效目标 heading as
    structure and keeps no narrative section for it, while the Word-export reader
    (which every written format is read through) keeps every heading as a (here
    empty) section. A written document needs that heading to open the goals
    section, so reading it back adds exactly that one section — nothing else may
    differ.
    """
    expected = comparable(original)
    if seed == "003":
        assert expected["narrative"] == []
        expected["narrative"] = [{"heading": "部门整体绩效目标", "paragraphs": []}]
    return expected


def without_places(value):
    """A codec dict with every location emptied (a model built by hand or by a tool)."""
    if isinstance(value, dict):
        return {
            k: None if k == "location" else [] if k == "paragraph_lines" else without_places(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [without_places(v) for v in value]
    return value
