"""Initial schema: documents with their content, and the derived analytics tables.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _cascade(columns: list[str], parent: str, parent_columns: list[str]) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        columns, [f"{parent}.{c}" for c in parent_columns], ondelete="CASCADE"
    )


def _budget(part: str) -> list[sa.Column]:
    return [
        sa.Column(f"budget_{part}", sa.Numeric),
        sa.Column(f"budget_{part}_raw", sa.Text),
        sa.Column(f"budget_{part}_unit", sa.String(16)),
    ]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("unit_code", sa.String(64), nullable=False),
        sa.Column("unit_name", sa.Text, nullable=False),
        sa.Column("fiscal_year", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source_path", sa.Text, nullable=False),
        sa.Column("layout", sa.String(32), nullable=False),
        sa.Column("encoding", sa.String(32), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("money_unit", sa.String(16)),
        sa.Column("content", sa.Text, nullable=False),
    )
    op.create_index(
        "ix_documents_unit_code_fiscal_year",
        "documents",
        ["unit_code", "fiscal_year", "version"],
        unique=True,
    )
    op.create_index(
        "uq_documents_current",
        "documents",
        ["unit_code", "fiscal_year"],
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    )
    op.create_table(
        "budget_tables",
        sa.Column("document_id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("money_unit", sa.String(16)),
        sa.Column("captions", sa.Text, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("location", sa.Text),
        _cascade(["document_id"], "documents", ["id"]),
    )
    op.create_table(
        "budget_columns",
        sa.Column("document_id", sa.Integer, primary_key=True),
        sa.Column("table_position", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("header", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("side", sa.String(16)),
        sa.Column("column_no", sa.String(16)),
        _cascade(["document_id", "table_position"], "budget_tables", ["document_id", "position"]),
    )
    op.create_table(
        "budget_rows",
        sa.Column("document_id", sa.Integer, primary_key=True),
        sa.Column("table_position", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Text),
        sa.Column("code", sa.String(64)),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("side", sa.String(16)),
        sa.Column("location", sa.Text),
        _cascade(["document_id", "table_position"], "budget_tables", ["document_id", "position"]),
    )
    op.create_table(
        "budget_values",
        sa.Column("document_id", sa.Integer, primary_key=True),
        sa.Column("table_position", sa.Integer, primary_key=True),
        sa.Column("row_position", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("column_key", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("value", sa.Numeric),
        _cascade(
            ["document_id", "table_position", "row_position"],
            "budget_rows",
            ["document_id", "table_position", "position"],
        ),
    )
    op.create_table(
        "projects",
        sa.Column("document_id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("project_name", sa.Text, nullable=False),
        sa.Column("project_code", sa.String(64)),
        # The unit printed on the project's table (a sub-unit of a department).
        sa.Column("project_unit_code", sa.String(64)),
        sa.Column("project_unit_name", sa.Text),
        sa.Column("money_unit", sa.String(16)),
        *_budget("total"),
        *_budget("fiscal"),
        *_budget("other"),
        sa.Column("purpose", sa.Text),
        sa.Column("goals", sa.Text, nullable=False),
        sa.Column("location", sa.Text),
        _cascade(["document_id"], "documents", ["id"]),
    )
    op.create_table(
        "indicators",
        sa.Column("document_id", sa.Integer, primary_key=True),
        sa.Column("project_position", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("index_no", sa.Integer, nullable=False),
        sa.Column("level1_raw", sa.Text, nullable=False),
        sa.Column("level1", sa.String(32)),
        sa.Column("level1_carried", sa.Boolean, nullable=False),
        sa.Column("level2_raw", sa.Text, nullable=False),
        sa.Column("level2", sa.String(32)),
        sa.Column("level2_carried", sa.Boolean, nullable=False),
        sa.Column("level3", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("target_raw", sa.Text, nullable=False),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("target_operator", sa.String(4)),
        sa.Column("target_value", sa.Numeric),
        sa.Column("target_unit", sa.Text),
        sa.Column("target_wording", sa.Text),
        sa.Column("target_direction", sa.Text),
        sa.Column("target_deadline", sa.Date),
        sa.Column("basis", sa.Text),
        sa.Column("weight", sa.Numeric),
        sa.Column("direction", sa.Text),
        sa.Column("location", sa.Text),
        _cascade(["document_id", "project_position"], "projects", ["document_id", "position"]),
    )
    op.create_table(
        "spending_plan",
        sa.Column("document_id", sa.Integer, primary_key=True),
        sa.Column("project_position", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("month", sa.Integer, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("value", sa.Numeric),
        sa.Column("kind", sa.String(16)),
        sa.Column("location", sa.Text),
        _cascade(["document_id", "project_position"], "projects", ["document_id", "position"]),
    )


def downgrade() -> None:
    for table in (
        "spending_plan",
        "indicators",
        "projects",
        "budget_values",
        "budget_rows",
        "budget_columns",
        "budget_tables",
    ):
        op.drop_table(table)
    op.drop_index("uq_documents_current", table_name="documents")
    op.drop_index("ix_documents_unit_code_fiscal_year", table_name="documents")
    op.drop_table("documents")
