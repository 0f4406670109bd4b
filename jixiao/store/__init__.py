"""Store: disclosures in a SQL database (SQLite by default, PostgreSQL for a team).

Each saved document keeps its full content (compact JSON, ``store.packed``,
read back exactly by :func:`load_disclosure`) and derived tables for SQL
analytics; versions of a unit's year are kept as history. The schema is migrated
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

__all__ = [
    "DocumentNotFoundError",
    "DocumentSummary",
    "SaveResult",
    "connect",
    "create_engine",
    "document_history",
    "find_documents",
    "list_documents",
    "load_disclosure",
    "load_disclosures",
    "resolve_database_url",
    "save_disclosure",
    "upgrade",
]
