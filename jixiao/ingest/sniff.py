"""What a file is, from its first bytes and (for ZIP containers) its entry names.

A file's name can lie (``报告.txt`` that is really a Word document, ``表.docx`` that is
a PDF), so the reader decides by content: ``%PDF`` is a PDF, an OLE2 compound file
is a legacy .doc/.xls (or an encrypted Office file, which Office stores the same
way), a ZIP holding ``word/document.xml`` is a .docx, one holding ``xl/workbook.xml``
an .xlsx; text with HTML tags (``<html``, ``<table`` …) is a web page. Anything
else is handed to the text reader.

:func:`open_zip` is the one way ingest opens a ZIP container: it refuses a broken
archive and an archive that would inflate past a limit (a "zip bomb") before a
single entry is decompressed.
"""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum

from jixiao.ingest.errors import IngestError

#: Default limit on the inflated size of all entries of a .docx/.xlsx: 200 MB.
DEFAULT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# HTML tags are ASCII in every encoding a Chinese site uses (UTF-8, GBK, GB18030);
# a UTF-16 page is not looked for. Text exports never hold these tags.
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<table[\s>]|<body[\s>]", re.IGNORECASE)


class FileFormat(StrEnum):
    """What the bytes of a document are."""

    TEXT = "text"  # anything not recognised below: the text reader decides
    DOCX = "docx"  # Office Open XML word-processing document
    XLSX = "xlsx"  # Office Open XML spreadsheet
    PPTX = "pptx"  # Office Open XML presentation
    ZIP = "zip"  # another ZIP archive
    BROKEN_ZIP = "broken_zip"  # ZIP signature, but the archive cannot be opened
    PDF = "pdf"
    OLE = "ole"  # legacy .doc/.xls/.ppt, or an encrypted Office document
    RTF = "rtf"
    HTML = "html"  # a web page (many county sites publish their tables as HTML)


def sniff_format(data: bytes) -> FileFormat:
    """The format of ``data`` by its content; never raises.

    Only the ZIP central directory is read (entry names), nothing is inflated.
    """
    head = data[:8]
    if head.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            return FileFormat.BROKEN_ZIP
        if "word/document.xml" in names or any(n.startswith("word/") for n in names):
            return FileFormat.DOCX
        if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
            return FileFormat.XLSX
        if any(n.startswith("ppt/") for n in names):
            return FileFormat.PPTX
        return FileFormat.ZIP
    if head.startswith(_OLE_MAGIC):
        return FileFormat.OLE
    if b"%PDF-" in data[:1024]:
        return FileFormat.PDF
    if data.lstrip()[:5] == b"{\\rtf":
        return FileFormat.RTF
    if _HTML_START.search(data[:4096]):
        return FileFormat.HTML
    return FileFormat.TEXT


def open_zip(
    data: bytes, *, path: str, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> zipfile.ZipFile:
    """Open a ZIP container (.docx, .xlsx) after checking it is safe to inflate.

    ``max_unpacked_bytes`` bounds the sum of the entries' inflated sizes as the
    archive declares them; :mod:`zipfile` never inflates an entry past its declared
    size (it fails the CRC check instead), so the bound holds for what is read.
    Raises :class:`IngestError` for a broken archive or one over the limit.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise IngestError(
            "文件已损坏：它以 ZIP（Office 文档）签名开头，但压缩结构无法打开"
            f"（{error}）；请用 Word/Excel 重新保存后再试。",
            path=path,
        ) from error
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > max_unpacked_bytes:
        archive.close()
        raise IngestError(
            f"文件解压后共 {unpacked / 1024 / 1024:.0f} MB，超过上限 "
            f"{max_unpacked_bytes / 1024 / 1024:.0f} MB，疑为压缩炸弹，已拒绝读取。",
            path=path,
        )
    return archive


def refusal(fmt: FileFormat) -> str | None:
    """The Chinese message for a format ingest cannot read (yet), ``None`` otherwise."""
    return _REFUSALS.get(fmt)


_REFUSALS = {
    FileFormat.PPTX: "这是 PowerPoint 演示文稿，不是部门预算公开文档。",
    FileFormat.ZIP: "这是 ZIP 压缩包，不是 Word 文档；请解压后分别读取其中的文件。",
    FileFormat.BROKEN_ZIP: (
        "文件已损坏：它以 ZIP（Office 文档）签名开头，但压缩结构无法打开；"
        "请用 Word/Excel 重新保存后再试。"
    ),
    FileFormat.OLE: (
        "这是旧版 Office 文件（.doc/.xls）或加密的 Office 文档，暂不支持；"
        "请取消密码后另存为 .docx，或导出为文本。"
    ),
    FileFormat.RTF: "这是 RTF 文件，暂不支持；请用 Word 另存为 .docx 或纯文本。",
}
