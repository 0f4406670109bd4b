"""Bytes → text: decoding (UTF-8, UTF-8 with BOM, GB18030) and whitespace clean-up."""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.ingest.errors import IngestError

# Ideographs, CJK punctuation and full-width forms: Chinese text needs no spaces
# between these, so a space beside one was put there by the extraction or by
# layout padding in the source, never by the author's wording.
_CJK = r"\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"
_SPACE_BESIDE_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_NEEDS_CLEANING = re.compile(r"[ \t\u3000\u00a0\n]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode(data: bytes, *, path: str) -> tuple[str, str]:
    """Decode a document's bytes; returns ``(text, encoding)``.

    Tries UTF-8 (with or without BOM), then GB18030 (which covers GBK and GB2312).
    Raises :class:`IngestError` for an empty file or bytes that are not text.
    """
    if not data.strip():
        raise IngestError("文件为空，没有可读取的内容。", path=path)
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError as error:
                raise IngestError(
                    "无法识别文件编码（应为 UTF-8 或 GB18030 文本）；"
                    "如为 Word/PDF/Excel 原件，请先导出为文本。",
                    path=path,
                ) from error
    if len(_CONTROL.findall(text)) > max(8, len(text) // 200):
        raise IngestError("文件不是文本文件（含大量控制字符），无法读取。", path=path)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def strip_bookmarks(line: str) -> tuple[str, bool]:
    """Remove Word ``[bookmark: …]`` markers; returns the line and whether a
    table-of-contents bookmark (``_Toc…``, a section heading) was among them."""
    if "[bookmark" not in line:
        return line, False
    markers = _BOOKMARK.findall(line)
    if not markers:
        return line, False
    return _BOOKMARK.sub("", line), any("_Toc" in marker for marker in markers)


@lru_cache(maxsize=32768)  # cells repeat: blanks, amounts, labels, level names
def clean(text: str) -> str:
    """Text as printed: spaces beside Chinese characters removed (they come from
    extraction or layout padding: ``财政    资金`` → ``财政资金``, ``9 部`` → ``9部``),
    other runs of spaces collapsed, ends trimmed. Newlines are kept."""
    if not _NEEDS_CLEANING.search(text):
        return text  # most cells: nothing to do, and this runs for every cell
    lines = (_SPACES.sub(" ", _SPACE_BESIDE_CJK.sub("", line)).strip() for line in text.split("\n"))
    return "\n".join(lines).strip("\n")


@lru_cache(maxsize=32768)
def clean_inline(text: str) -> str:
    """Like :func:`clean`, with line breaks removed too: for names, codes, targets
    and other short fields where a break is only where the cell wrapped."""
    cleaned = clean(text)
    return cleaned.replace("\n", "") if "\n" in cleaned else cleaned
