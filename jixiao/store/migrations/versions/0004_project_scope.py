"""Project scope: a 部门整体 form (department) or a project's 绩效目标表 (project).

Documents stored before keep ``project`` (their stored content has no scope either);
ingesting the file again stores its 部门整体 forms as ``department``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.add_column(
            sa.Column("scope", sa.String(16), nullable=False, server_default="project")
        )


def downgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("scope")
