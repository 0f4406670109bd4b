"""Sharing work between the rules of one review: results memoised per document.

Several rules of a family need the same derived view of a disclosure (the
arithmetic audit of its tables, the figures its tables give). Computing it once
per document instead of once per rule is most of a review's time on documents
with tables. ``functools.lru_cache`` keyed on the disclosure would hash the whole
frozen tree on every call — as costly as the work saved — so the memo is keyed
on the object's identity instead, and holds the object itself so its id cannot be
reused while the entry lives.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_KEEP = 4  # documents remembered per function: a review asks for one at a time


def per_document(compute: Callable[[T], R]) -> Callable[[T], R]:
    """Memoise ``compute(document)`` on the document's identity (the last few
    documents). The result is shared between callers: treat it as read-only."""
    cache: OrderedDict[int, tuple[T, R]] = OrderedDict()

    @wraps(compute)
    def memoised(document: T) -> R:
        key = id(document)
        entry = cache.get(key)
        if entry is not None and entry[0] is document:
            cache.move_to_end(key)
            return entry[1]
        result = compute(document)
        cache[key] = (document, result)
        if len(cache) > _KEEP:
            cache.popitem(last=False)
        return result

    return memoised
