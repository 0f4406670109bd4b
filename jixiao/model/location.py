"""Where a value came from: the file, the line or page, the table, the row."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """A place in a source document a person can find again.

    ``line`` is 1-based in the decoded text (text layouts); ``page`` is 1-based
    (PDF and paged formats). ``table`` is the table's printed title, ``row`` the
    1-based row index among the table's data rows, ``column`` the column header.
    Prints like ``001_f15a.txt:412 部门预算支出总表 第3行 合计``.
    """

    file: str
    line: int | None = None
    page: int | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.page is not None:
            where += f" 第{self.page}页"
        parts = [where]
        if self.table:
            parts.append(self.table)
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(self.column)
        return " ".join(parts)

    def at(
        self,
        *,
        line: int | None = None,
        page: int | None = None,
        table: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> Location:
        """A copy with the given fields set (``loc.at(line=12, row=3)``); fields not
        given, or given as ``None``, keep their value."""
        return Location(
            file=self.file,
            line=self.line if line is None else line,
            page=self.page if page is None else page,
            table=self.table if table is None else table,
            row=self.row if row is None else row,
            column=self.column if column is None else column,
        )


class Layout(StrEnum):
    """The shape of the source a disclosure was read from."""

    WORD_EXPORT = "word_export"  # text saved from Word: a cell is a line starting with a tab
    PDF_EXTRACTION = "pdf_extraction"  # text extracted from a PDF: no tabs, wrapped cells


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """The file a disclosure was read from: path as given, SHA-256 of its bytes,
    the detected layout, the text encoding and the size in bytes."""

    path: str
    sha256: str
    layout: Layout
    encoding: str
    size_bytes: int
