"""What a file is, from its first bytes and (for ZIP containers) its entry names.

A file's name can lie (``报告.txt`` that is really a Word document, ``表.docx`` that is
a PDF), so the reader decides by content: ``%PDF`` is a PDF, an OLE2 compound file
is a legacy .xls when its directory holds a ``Workbook`` (or BIFF5 ``Book``) stream,
else a legacy .doc/.ppt or an encrypted Office file (Office stores those the same
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
_HTML_START = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<table[\s>]|<body[\s>]", re.IGNORECASE
)


class FileFormat(StrEnum):
    """What the bytes of a document are."""

    TEXT = "text"  # anything not recognised below: the text reader decides
    DOCX = "docx"  # Office Open XML word-processing document
    XLSX = "xlsx"  # Office Open XML spreadsheet
    PPTX = "pptx"  # Office Open XML presentation
    ZIP = "zip"  # another ZIP archive
    BROKEN_ZIP = "broken_zip"  # ZIP signature, but the archive cannot be opened
    PDF = "pdf"
    OLE = "ole"  # legacy .doc/.ppt, or an encrypted Office document
    XLS = "xls"  # legacy Excel workbook (BIFF in an OLE2 compound file)
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
        names = _ole_entry_names(data)
        workbook = "Workbook" in names or "Book" in names
        if workbook and not names & {"WordDocument", "PowerPoint Document", "EncryptedPackage"}:
            return FileFormat.XLS
        return FileFormat.OLE
    if b"%PDF-" in data[:1024]:
        return FileFormat.PDF
    if data.lstrip()[:5] == b"{\\rtf":
        return FileFormat.RTF
    if _HTML_START.search(data[:65536]):  # past a long banner comment or <head> script
        return FileFormat.HTML
    return FileFormat.TEXT


def _ole_entry_names(data: bytes) -> set[str]:
    """Names in the directory of an OLE2 compound file (streams and storages at every
    level: the directory is one flat array); empty when it cannot be walked.

    The directory's sectors are chained through the FAT, whose first 109 sectors the
    header lists; a directory reached only through further FAT sectors (a file of
    more than ~7 MB) is read as far as those go.
    """
    size = 1 << int.from_bytes(data[30:32], "little")
    if size not in (512, 4096):
        return set()
    fat = [int.from_bytes(data[76 + 4 * i : 80 + 4 * i], "little") for i in range(109)]
    per_sector = size // 4

    def sector(number: int) -> bytes:
        return data[(number + 1) * size : (number + 2) * size]

    names: set[str] = set()
    number, seen = int.from_bytes(data[48:52], "little"), set()
    while number < 0xFFFFFFFA and number not in seen and len(seen) < 1024:
        seen.add(number)
        chunk = sector(number)
        for offset in range(0, len(chunk) - 127, 128):
            length = int.from_bytes(chunk[offset + 64 : offset + 66], "little")
            if 2 <= length <= 64 and length % 2 == 0:
                names.add(chunk[offset : offset + length - 2].decode("utf-16-le", "replace"))
        index = number // per_sector
        if index >= len(fat) or fat[index] >= 0xFFFFFFFA:
            break
        entry = sector(fat[index])[(number % per_sector) * 4 :][:4]
        number = int.from_bytes(entry, "little") if len(entry) == 4 else 0xFFFFFFFE
    return names


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
        "这是旧版 Office 文件（.doc/.ppt）或加密的 Office 文档，暂不支持；"
        "请取消密码后另存为 .docx，或导出为文本。"
    ),
    FileFormat.RTF: "这是 RTF 文件，暂不支持；请用 Word 另存为 .docx 或纯文本。",
}
