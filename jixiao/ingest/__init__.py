"""Ingest: files → the typed model.

Readers are layered — bytes → text (``decode``) → cells and rows (``word_cells``,
``pdf_lines``) → typed records — and chosen by the content, not the file name.
"""

from jixiao.ingest.docx_reader import docx_text
from jixiao.ingest.errors import IngestError
from jixiao.ingest.reader import iter_document_paths, parse_disclosure, read_disclosure

__all__ = ["IngestError", "docx_text", "iter_document_paths", "parse_disclosure", "read_disclosure"]
