"""Store: disclosures in a SQL database (SQLite by default, PostgreSQL for a team).

Each saved document keeps its full content (compact JSON, ``store.packed``,
read back exactly by :func:`load_disclosure`) and derived tables for SQL
analytics; versions of a unit's year are kept as history, and so are the
reviews of each document (findings, grades, the rule set's version). The actuals
reports units file for monitoring and self-evaluation are versioned the same way,
with who entered them and when. The schema is migrated with Alembic when opened.
"""

from jixiao.store.actuals import (
    ActualsNotFoundError,
    ActualsSaveResult,
    ActualsSummary,
    DuplicateActualsError,
    actuals_history,
    current_actuals,
    list_actuals,
    load_actuals,
    save_actuals,
    save_with_disclosure,
)
from jixiao.store.database import connect, create_engine, resolve_database_url, upgrade
from jixiao.store.documents import (
    DocumentNotFoundError,
    DocumentSummary,
    SaveResult,
    document_history,
    find_document_by_sha256,
    find_documents,
    list_documents,
    load_disclosure,
    load_disclosures,
    save_disclosure,
)
from jixiao.store.reviews import (
    ProjectGrade,
    ReviewNotFoundError,
    StoredReview,
    list_reviews,
    load_review,
    previous_review,
    save_review,
)

__all__ = [
    "ActualsNotFoundError",
    "ActualsSaveResult",
    "ActualsSummary",
    "DocumentNotFoundError",
    "DocumentSummary",
    "DuplicateActualsError",
    "ProjectGrade",
    "ReviewNotFoundError",
    "SaveResult",
    "StoredReview",
    "actuals_history",
    "connect",
    "create_engine",
    "current_actuals",
    "document_history",
    "find_document_by_sha256",
    "find_documents",
    "list_actuals",
    "list_documents",
    "list_reviews",
    "load_actuals",
    "load_disclosure",
    "load_disclosures",
    "load_review",
    "previous_review",
    "resolve_database_url",
    "save_actuals",
    "save_disclosure",
    "save_review",
    "save_with_disclosure",
    "upgrade",
]
