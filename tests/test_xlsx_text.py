"""The one rule every XLSX writer uses for text: forbidden characters and formulas."""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from jixiao.publish.xlsx_text import clean_text, is_formula_like


def test_clean_text__replaces_exactly_what_openpyxl_refuses() -> None:
    for code in range(0x80):
        char = chr(code)
        refused = ILLEGAL_CHARACTERS_RE.search(char) is not None
        assert clean_text(f"a{char}b") == ("a\ufffdb" if refused else f"a{char}b"), hex(code)


def test_is_formula_like__only_a_leading_equals_sign() -> None:
    assert is_formula_like("=SUM(A1:A3)")
    assert not is_formula_like("≥=95%") and not is_formula_like(" =1") and not is_formula_like("")
