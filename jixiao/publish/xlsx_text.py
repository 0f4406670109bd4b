"""Text in a workbook cell, made safe once for every XLSX writer of jixiao.

XLSX forbids most control characters, and a spreadsheet runs text that starts with
``=`` as a formula. A document's or a unit's text is never a formula, and a character
dropped silently would hide that something was there.
"""

from __future__ import annotations

import re

# The characters the XLSX format cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE, copied
# so a writer need not import openpyxl, ~0.15 s, only to clean a string).
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def clean_text(text: str) -> str:
    """``text`` with each character XLSX forbids replaced by U+FFFD (�)."""
    return _ILLEGAL.sub("\ufffd", text)


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would run ``text`` as a formula (it starts with ``=``);
    the writer must then store the cell as text (``cell.data_type = "s"``)."""
    return text.startswith("=")
