"""Entry points: read a file (or bytes) into a :class:`~jixiao.model.Disclosure`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from jixiao.model import Disclosure

DOCUMENT_SUFFIXES = (".txt",)


def read_disclosure(path: str | Path) -> Disclosure:
    """Read the disclosure in ``path``.

    Raises :class:`~jixiao.ingest.IngestError` (Chinese message, file and line)
    when the file is not a readable disclosure.
    """
    path = Path(path)
    return parse_disclosure(path.read_bytes(), path=str(path))


def parse_disclosure(data: bytes, *, path: str) -> Disclosure:
    """Parse the bytes of a document named ``path`` (used in locations and errors)."""
    raise NotImplementedError  # being written: layout detection and the two text readers


def iter_document_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named in ``paths``, with folders expanded to their documents, sorted."""
    for item in paths:
        item = Path(item)
        if item.is_dir():
            yield from sorted(p for p in item.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES)
        else:
            yield item
