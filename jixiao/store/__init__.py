"""Store: disclosures in a SQL database (SQLite by default, PostgreSQL for a team).

Each saved document keeps its full content (compact JSON, ``store.packed``,
read back exactly by :func:`load_disclosure`) and derived tables for SQL
analytics; versions of a unit's year are kept as history, and so are the
reviews of each document (findings, grades, the rule set's version). The schema is migrated
with Alembic when opened.
"""

from jixiao.store.database import connect, create_engine, resolve_database_url, upgrade
from jixiao.store.documents import (
    DocumentNotFoundError,
    DocumentSummary,
    SaveResult,
    document_history,
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
    "DocumentNotFoundError",
    "DocumentSummary",
    "ProjectGrade",
    "ReviewNotFoundError",
    "SaveResult",
    "StoredReview",
    "connect",
    "create_engine",
    "document_history",
    "find_documents",
    "list_documents",
    "list_reviews",
    "load_disclosure",
    "load_disclosures",
    "load_review",
    "previous_review",
    "resolve_database_url",
    "save_disclosure",
    "save_review",
    "upgrade",
]
