"""Alembic environment: runs on the connection :func:`jixiao.store.database.upgrade` passes.

Online only; there is no offline (SQL script) mode and no ``alembic.ini``.
"""

from __future__ import annotations

from alembic import context

from jixiao.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("jixiao migrations run through jixiao.store.connect(url)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
