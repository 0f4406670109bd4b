"""Reviews (审核): one row per review run, its findings and its grades.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _cascade(columns: list[str], parent: str, parent_columns: list[str]) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        columns, [f"{parent}.{c}" for c in parent_columns], ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("ruleset_version", sa.String(64), nullable=False),
        sa.Column("jixiao_version", sa.String(32), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("selection", sa.Text, nullable=False),
        sa.Column("score", sa.Numeric, nullable=False),
        sa.Column("grade", sa.String(16), nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Integer, nullable=False),
        sa.Column("infos", sa.Integer, nullable=False),
        _cascade(["document_id"], "documents", ["id"]),
    )
    op.create_index("ix_reviews_document_id", "reviews", ["document_id"])
    op.create_table(
        "review_grades",
        sa.Column("review_id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("project_seq", sa.Integer, nullable=False),
        sa.Column("project_title", sa.Text, nullable=False),
        sa.Column("score", sa.Numeric, nullable=False),
        sa.Column("grade", sa.String(16), nullable=False),
        _cascade(["review_id"], "reviews", ["id"]),
    )
    op.create_table(
        "findings",
        sa.Column("review_id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("family", sa.String(32)),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("project_seq", sa.Integer),
        sa.Column("indicator_index", sa.Integer),
        sa.Column("code", sa.String(64)),
        sa.Column("table_title", sa.Text),
        sa.Column("line", sa.Integer),
        sa.Column("page", sa.Integer),
        sa.Column("quote", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("content", sa.Text, nullable=False),
        _cascade(["review_id"], "reviews", ["id"]),
    )
    op.create_index("ix_findings_rule", "findings", ["rule"])


def downgrade() -> None:
    op.drop_table("findings")
    op.drop_table("review_grades")
    op.drop_index("ix_reviews_document_id", table_name="reviews")
    op.drop_table("reviews")
