"""Actuals (执行情况): filed monitoring and self-evaluation reports, versioned.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _cascade(columns: list[str], parent: str, parent_columns: list[str]) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        columns, [f"{parent}.{c}" for c in parent_columns], ondelete="CASCADE"
    )


def _amount(part: str) -> list[sa.Column]:
    return [sa.Column(part, sa.Numeric), sa.Column(f"{part}_raw", sa.Text)]


def upgrade() -> None:
    op.create_table(
        "actuals_reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("unit_code", sa.String(64), nullable=False),
        sa.Column("unit_name", sa.Text, nullable=False),
        sa.Column("fiscal_year", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("period_month", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("entered_by", sa.Text),
        sa.Column("entered_at", sa.DateTime(timezone=True)),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_path", sa.Text),
        sa.Column("sha256", sa.String(64)),
        sa.Column("disclosure_sha256", sa.String(64)),
        sa.Column("document_id", sa.Integer),
        sa.Column("content", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="SET NULL"),
    )
    op.create_index(
        "ix_actuals_reports_key",
        "actuals_reports",
        ["unit_code", "fiscal_year", "kind", "period_month", "version"],
        unique=True,
    )
    op.create_index(
        "uq_actuals_reports_current",
        "actuals_reports",
        ["unit_code", "fiscal_year", "kind", "period_month"],
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    )
    op.create_index("ix_actuals_reports_document_id", "actuals_reports", ["document_id"])
    op.create_table(
        "actual_projects",
        sa.Column("report_id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("project_seq", sa.Integer, nullable=False),
        sa.Column("project_name", sa.Text, nullable=False),
        sa.Column("project_code", sa.String(64)),
        sa.Column("money_unit", sa.String(16)),
        *_amount("budget_initial"),
        *_amount("budget_adjusted"),
        *_amount("spent"),
        *_amount("projected"),
        sa.Column("goal_achieved", sa.Text),
        sa.Column("execution_note", sa.Text),
        sa.Column("location", sa.Text),
        _cascade(["report_id"], "actuals_reports", ["id"]),
    )
    op.create_table(
        "actual_indicators",
        sa.Column("report_id", sa.Integer, primary_key=True),
        sa.Column("project_position", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("indicator_index", sa.Integer, nullable=False),
        sa.Column("level3", sa.Text, nullable=False),
        sa.Column("actual_raw", sa.Text),
        sa.Column("actual_value", sa.Numeric),
        sa.Column("projected_raw", sa.Text),
        sa.Column("projected_value", sa.Numeric),
        sa.Column("likelihood", sa.String(16)),
        sa.Column("deviation_causes", sa.Text),
        sa.Column("deviation_note", sa.Text),
        sa.Column("improvement", sa.Text),
        sa.Column("remark", sa.Text),
        sa.Column("achievement", sa.String(16)),
        sa.Column("weight", sa.Numeric),
        sa.Column("claimed_score", sa.Numeric),
        sa.Column("location", sa.Text),
        _cascade(["report_id", "project_position"], "actual_projects", ["report_id", "position"]),
    )


def downgrade() -> None:
    op.drop_table("actual_indicators")
    op.drop_table("actual_projects")
    op.drop_index("ix_actuals_reports_document_id", table_name="actuals_reports")
    op.drop_index("uq_actuals_reports_current", table_name="actuals_reports")
    op.drop_index("ix_actuals_reports_key", table_name="actuals_reports")
    op.drop_table("actuals_reports")
