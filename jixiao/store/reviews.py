"""Saving and loading reviews (审核): findings and grades of a stored document.

Each review run is kept (never overwritten) with the rule set's version, so a
later review can be compared with an earlier one. A review is written in one
transaction: the review row, its project grades and its findings, or nothing.
Findings are stored whole (``content``, the interchange form of
``model.codec``) beside flat columns for SQL (``rule``, ``severity``, ``line`` …).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from jixiao import __version__
from jixiao.model import Finding, Grade, Severity
from jixiao.model.codec import finding_from_dict, finding_to_dict
from jixiao.store.documents import DocumentNotFoundError
from jixiao.store.schema import documents, findings, review_grades, reviews


class ReviewNotFoundError(LookupError):
    """No stored review has the requested id; the message is Chinese."""

    def __init__(self, review_id: int) -> None:
        self.review_id = review_id
        super().__init__(f"数据库中没有编号为 {review_id} 的审核记录")


@dataclass(frozen=True, slots=True, kw_only=True)
class ProjectGrade:
    """A project's review score (points, 0–100) and grade."""

    project_seq: int
    project_title: str
    score: Decimal
    grade: Grade


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredReview:
    """One stored review run of a document.

    ``findings`` and ``project_grades`` are empty in the summaries of
    :func:`list_reviews`; :func:`load_review` fills them.
    """

    id: int
    document_id: int
    ruleset_version: str
    jixiao_version: str
    reviewed_at: dt.datetime
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    score: Decimal
    grade: Grade
    errors: int
    warnings: int
    infos: int
    findings: tuple[Finding, ...] = ()
    project_grades: tuple[ProjectGrade, ...] = ()


def save_review(
    engine: Engine,
    *,
    document_id: int,
    findings_: Sequence[Finding],
    score: Decimal,
    grade: Grade,
    project_grades: Sequence[ProjectGrade],
    ruleset_version: str,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    reviewed_at: dt.datetime | None = None,
) -> int:
    """Store one review of the stored document ``document_id``; return its id.

    All or nothing: one transaction. Raises :class:`DocumentNotFoundError` when
    no document has that id, ``ValueError`` for a finding the interchange format
    cannot hold (a repeated field name).
    """
    contents = [json.dumps(finding_to_dict(f), ensure_ascii=False) for f in findings_]
    counts = {s: sum(1 for f in findings_ if f.severity is s) for s in Severity}
    with engine.begin() as connection:
        exists = connection.execute(
            sa.select(documents.c.id).where(documents.c.id == document_id)
        ).first()
        if exists is None:
            raise DocumentNotFoundError(document_id)
        review_id = connection.execute(
            sa.insert(reviews).returning(reviews.c.id),
            {
                "document_id": document_id,
                "ruleset_version": ruleset_version,
                "jixiao_version": __version__,
                "reviewed_at": reviewed_at or dt.datetime.now(dt.UTC),
                "selection": json.dumps(
                    {"select": list(select), "ignore": list(ignore)}, ensure_ascii=False
                ),
                "score": score,
                "grade": grade.value,
                "errors": counts[Severity.ERROR],
                "warnings": counts[Severity.WARNING],
                "infos": counts[Severity.INFO],
            },
        ).scalar_one()
        if project_grades:
            connection.execute(
                sa.insert(review_grades),
                [
                    {
                        "review_id": review_id,
                        "position": position,
                        "project_seq": g.project_seq,
                        "project_title": g.project_title,
                        "score": g.score,
                        "grade": g.grade.value,
                    }
                    for position, g in enumerate(project_grades)
                ],
            )
        if findings_:
            connection.execute(
                sa.insert(findings),
                [
                    _finding_row(review_id, position, f, content)
                    for position, (f, content) in enumerate(zip(findings_, contents, strict=True))
                ],
            )
    return review_id


def _finding_row(review_id: int, position: int, f: Finding, content: str) -> dict:
    loc = f.location
    return {
        "review_id": review_id,
        "position": position,
        "rule": f.rule,
        "severity": f.severity.value,
        "family": f.family,
        "message": f.message,
        "project_seq": f.project_seq,
        "indicator_index": f.indicator_index,
        "code": f.code,
        "table_title": None if loc is None else loc.table,
        "line": None if loc is None else loc.line,
        "page": None if loc is None else loc.page,
        "quote": f.quote,
        "location": None if loc is None else str(loc),
        "content": content,
    }


def _stored(row: sa.Row) -> StoredReview:
    selection = json.loads(row.selection)
    reviewed_at = row.reviewed_at
    if reviewed_at.tzinfo is None:  # SQLite keeps no zone; we always write UTC
        reviewed_at = reviewed_at.replace(tzinfo=dt.UTC)
    return StoredReview(
        id=row.id,
        document_id=row.document_id,
        ruleset_version=row.ruleset_version,
        jixiao_version=row.jixiao_version,
        reviewed_at=reviewed_at,
        select=tuple(selection.get("select", ())),
        ignore=tuple(selection.get("ignore", ())),
        score=Decimal(str(row.score)).quantize(Decimal("0.1")),
        grade=Grade(row.grade),
        errors=row.errors,
        warnings=row.warnings,
        infos=row.infos,
    )


def list_reviews(engine: Engine, document_id: int | None = None) -> list[StoredReview]:
    """Summaries of stored reviews (all, or of one document), oldest first."""
    query = sa.select(reviews).order_by(reviews.c.id)
    if document_id is not None:
        query = query.where(reviews.c.document_id == document_id)
    with engine.connect() as connection:
        return [_stored(row) for row in connection.execute(query)]


def load_review(engine: Engine, review_id: int) -> StoredReview:
    """A stored review with its findings and project grades, exactly as saved.

    Raises :class:`ReviewNotFoundError` when there is no such review.
    """
    with engine.connect() as connection:
        row = connection.execute(sa.select(reviews).where(reviews.c.id == review_id)).first()
        if row is None:
            raise ReviewNotFoundError(review_id)
        finding_rows = connection.execute(
            sa.select(findings.c.content)
            .where(findings.c.review_id == review_id)
            .order_by(findings.c.position)
        )
        stored_findings = tuple(finding_from_dict(json.loads(r.content)) for r in finding_rows)
        grade_rows = connection.execute(
            sa.select(review_grades)
            .where(review_grades.c.review_id == review_id)
            .order_by(review_grades.c.position)
        )
        grades = tuple(
            ProjectGrade(
                project_seq=g.project_seq,
                project_title=g.project_title,
                score=Decimal(str(g.score)).quantize(Decimal("0.1")),
                grade=Grade(g.grade),
            )
            for g in grade_rows
        )
    summary = _stored(row)
    return StoredReview(
        **{
            name: getattr(summary, name)
            for name in StoredReview.__dataclass_fields__
            if name not in ("findings", "project_grades")
        },
        findings=stored_findings,
        project_grades=grades,
    )


def previous_review(engine: Engine, review_id: int) -> StoredReview | None:
    """The latest review before ``review_id`` of any stored version of the same
    unit and year (a corrected document is a new version), with its findings;
    ``None`` when there is none. Raises :class:`ReviewNotFoundError` when
    ``review_id`` itself does not exist."""
    this_document = documents.alias("this_document")
    with engine.connect() as connection:
        unit_year = connection.execute(
            sa.select(this_document.c.unit_code, this_document.c.fiscal_year)
            .join(reviews, reviews.c.document_id == this_document.c.id)
            .where(reviews.c.id == review_id)
        ).first()
        if unit_year is None:
            raise ReviewNotFoundError(review_id)
        earlier = connection.execute(
            sa.select(sa.func.max(reviews.c.id))
            .join(documents, reviews.c.document_id == documents.c.id)
            .where(
                documents.c.unit_code == unit_year.unit_code,
                documents.c.fiscal_year == unit_year.fiscal_year,
                reviews.c.id < review_id,
            )
        ).scalar()
    return None if earlier is None else load_review(engine, earlier)
