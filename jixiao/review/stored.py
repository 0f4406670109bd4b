"""Keeping a review in the database and comparing it with the previous one."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.engine import Engine

from jixiao.review.compare import ReviewComparison, compare_findings
from jixiao.review.runner import ReviewResult
from jixiao.store import ProjectGrade, previous_review, save_review


def store_review(
    engine: Engine,
    document_id: int,
    result: ReviewResult,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> tuple[int, ReviewComparison | None]:
    """Save ``result`` as a review of stored document ``document_id`` (one
    transaction) and compare it with the previous review of the same unit and
    year, if any. Returns the new review's id and the comparison (``None`` for a
    first review). Errors as :func:`jixiao.store.save_review`.
    """
    review_id = save_review(
        engine,
        document_id=document_id,
        findings_=result.findings,
        score=result.grade.score,
        grade=result.grade.grade,
        project_grades=[
            ProjectGrade(
                project_seq=g.project_seq or 0,
                project_title=g.project_title or "",
                score=g.score,
                grade=g.grade,
            )
            for g in result.project_grades
        ],
        ruleset_version=result.ruleset_version,
        select=select,
        ignore=ignore,
    )
    earlier = previous_review(engine, review_id)
    if earlier is None:
        return review_id, None
    return review_id, compare_findings(earlier.findings, result.findings)
