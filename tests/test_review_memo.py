"""The per-document memo shares a result between rules without hashing the document."""

from __future__ import annotations

from review_build import disclosure

from jixiao.review.memo import per_document


def test_per_document__computes_once_per_document_and_not_for_an_equal_one() -> None:
    calls = []

    @per_document
    def count(doc):
        calls.append(doc)
        return len(calls)

    a, b = disclosure(), disclosure()
    assert a == b and a is not b
    assert [count(a), count(a), count(b), count(a)] == [1, 1, 2, 1]
    assert len(calls) == 2


def test_per_document__forgets_old_documents_but_never_confuses_them() -> None:
    @per_document
    def identity(doc):
        return doc

    docs = [disclosure(fiscal_year=2000 + i) for i in range(10)]
    for doc in docs:
        assert identity(doc) is doc
    assert identity(docs[0]) is docs[0]  # recomputed after eviction, still right
