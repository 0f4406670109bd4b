"""The database tables, as SQLAlchemy Core ``Table`` objects (the schema at head).

``documents.content`` holds the whole disclosure as compact JSON text
(``store.packed``; documents stored before it hold the interchange dict of
``jixiao.model.codec``): it is the record of what was read and what
:func:`load_disclosure` returns. The other tables are derived from it for SQL
analytics and are written in the same transaction. Child tables are keyed by the
document and 0-based positions (``table_position``, ``row_position`` …), so a bulk
insert needs no generated ids, and every foreign key cascades on delete.

Budget cells go to a long ``budget_values`` table (one row per cell, with its
column key) rather than a JSON column: columns differ from table to table, and plain
SQL (``SUM(value) … GROUP BY column_key``) works the same on SQLite and PostgreSQL,
where JSON functions do not. (One JSON text per budget row instead was measured for
speed: encoding it costs nearly what inserting the cell rows does, a net 1 % of a
save on the seed mix, so the long table stays.)
Decimals are ``NUMERIC``: exact on PostgreSQL, stored as floating point by SQLite;
the exact printed text is always in ``raw``.

Keep in step with ``migrations/versions``; a test compares the two.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()


def _location() -> sa.Column:
    # The printed form of a Location (``001.txt:412 表6 第3行 合计``); exact one in content.
    return sa.Column("location", sa.Text)


documents = sa.Table(
    "documents",
    metadata,
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
    # Leading (unit_code, fiscal_year): the lookup index, and one row per version.
    sa.Index(
        "ix_documents_unit_code_fiscal_year", "unit_code", "fiscal_year", "version", unique=True
    ),
    # At most one current version per unit and year.
    sa.Index(
        "uq_documents_current",
        "unit_code",
        "fiscal_year",
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    ),
)


def _cascade(columns: list[str], parent: str, parent_columns: list[str]) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        columns, [f"{parent}.{c}" for c in parent_columns], ondelete="CASCADE"
    )


budget_tables = sa.Table(
    "budget_tables",
    metadata,
    sa.Column("document_id", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("kind", sa.String(64), nullable=False),
    sa.Column("money_unit", sa.String(16)),
    sa.Column("captions", sa.Text, nullable=False),  # JSON list of strings
    sa.Column("note", sa.Text),
    _location(),
    _cascade(["document_id"], "documents", ["id"]),
)

budget_columns = sa.Table(
    "budget_columns",
    metadata,
    sa.Column("document_id", sa.Integer, primary_key=True),
    sa.Column("table_position", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("header", sa.Text, nullable=False),  # JSON list of header levels
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("side", sa.String(16)),
    sa.Column("column_no", sa.String(16)),
    _cascade(["document_id", "table_position"], "budget_tables", ["document_id", "position"]),
)

budget_rows = sa.Table(
    "budget_rows",
    metadata,
    sa.Column("document_id", sa.Integer, primary_key=True),
    sa.Column("table_position", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("seq", sa.Text),
    sa.Column("code", sa.String(64)),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("side", sa.String(16)),
    _location(),
    _cascade(["document_id", "table_position"], "budget_tables", ["document_id", "position"]),
)

budget_values = sa.Table(
    "budget_values",
    metadata,
    sa.Column("document_id", sa.Integer, primary_key=True),
    sa.Column("table_position", sa.Integer, primary_key=True),
    sa.Column("row_position", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("column_key", sa.Text, nullable=False),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("value", sa.Numeric),  # in the table's money_unit for money columns
    _cascade(
        ["document_id", "table_position", "row_position"],
        "budget_rows",
        ["document_id", "table_position", "position"],
    ),
)

projects = sa.Table(
    "projects",
    metadata,
    sa.Column("document_id", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("project_name", sa.Text, nullable=False),
    sa.Column("project_code", sa.String(64)),
    # The unit printed on the project's table (a sub-unit of a department).
    sa.Column("project_unit_code", sa.String(64)),
    sa.Column("project_unit_name", sa.Text),
    # project: 项目支出绩效目标表; department: 部门整体 form (migration 0004)
    sa.Column("scope", sa.String(16), nullable=False, server_default="project"),
    sa.Column("money_unit", sa.String(16)),
    *(
        column
        for part in ("total", "fiscal", "other")
        for column in (
            sa.Column(f"budget_{part}", sa.Numeric),
            sa.Column(f"budget_{part}_raw", sa.Text),
            sa.Column(f"budget_{part}_unit", sa.String(16)),
        )
    ),
    sa.Column("purpose", sa.Text),
    sa.Column("goals", sa.Text, nullable=False),  # JSON list of goal sentences
    _location(),
    _cascade(["document_id"], "documents", ["id"]),
)

indicators = sa.Table(
    "indicators",
    metadata,
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
    _location(),
    _cascade(["document_id", "project_position"], "projects", ["document_id", "position"]),
)

spending_plan = sa.Table(
    "spending_plan",
    metadata,
    sa.Column("document_id", sa.Integer, primary_key=True),
    sa.Column("project_position", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("month", sa.Integer, nullable=False),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("value", sa.Numeric),  # percent, or an amount in the project's money_unit
    sa.Column("kind", sa.String(16)),
    _location(),
    _cascade(["document_id", "project_position"], "projects", ["document_id", "position"]),
)

# --- reviews (审核) -------------------------------------------------------------------
# One row per review run of a stored document; its findings and grades hang off it.
# ``ruleset_version`` (RuleSet.version) tells whether two reviews ran the same rules.

reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.Integer, nullable=False),
    sa.Column("ruleset_version", sa.String(64), nullable=False),
    sa.Column("jixiao_version", sa.String(32), nullable=False),
    sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("selection", sa.Text, nullable=False),  # JSON {"select": [...], "ignore": [...]}
    sa.Column("score", sa.Numeric, nullable=False),
    sa.Column("grade", sa.String(16), nullable=False),
    sa.Column("errors", sa.Integer, nullable=False),
    sa.Column("warnings", sa.Integer, nullable=False),
    sa.Column("infos", sa.Integer, nullable=False),
    sa.Index("ix_reviews_document_id", "document_id"),
    _cascade(["document_id"], "documents", ["id"]),
)

review_grades = sa.Table(
    "review_grades",
    metadata,
    sa.Column("review_id", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("project_seq", sa.Integer, nullable=False),
    sa.Column("project_title", sa.Text, nullable=False),
    sa.Column("score", sa.Numeric, nullable=False),
    sa.Column("grade", sa.String(16), nullable=False),
    _cascade(["review_id"], "reviews", ["id"]),
)

findings = sa.Table(
    "findings",
    metadata,
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
    _location(),
    # The finding in the interchange format (model.codec.finding_to_dict), read back exactly.
    sa.Column("content", sa.Text, nullable=False),
    sa.Index("ix_findings_rule", "rule"),
    _cascade(["review_id"], "reviews", ["id"]),
)

# Parents before children: the order rows are inserted in.
CHILD_TABLES: tuple[sa.Table, ...] = (
    budget_tables,
    budget_columns,
    budget_rows,
    budget_values,
    projects,
    indicators,
    spending_plan,
)

# --- actuals (执行情况: 绩效运行监控 and 绩效自评) ---------------------------------------
# One row per filed report version of a unit, year, kind and period; ``content`` holds
# the whole report (``model.actuals_codec``, compact JSON) and is what load_actuals
# returns. The derived rows below are for SQL and written in the same transaction.

actuals_reports = sa.Table(
    "actuals_reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("unit_code", sa.String(64), nullable=False),
    sa.Column("unit_name", sa.Text, nullable=False),
    sa.Column("fiscal_year", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),  # ActualsKind value
    sa.Column("period_month", sa.Integer, nullable=False),  # 1–12; a self-evaluation: 12
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("is_current", sa.Boolean, nullable=False),
    sa.Column("entered_by", sa.Text),
    sa.Column("entered_at", sa.DateTime(timezone=True)),  # UTC
    sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),  # UTC
    sa.Column("source_path", sa.Text),
    sa.Column("sha256", sa.String(64)),  # of the filed workbook, when read from one
    sa.Column("disclosure_sha256", sa.String(64)),  # the disclosure the template came from
    sa.Column("document_id", sa.Integer),
    sa.Column("content", sa.Text, nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="SET NULL"),
    # One row per version of a unit, year, kind and period (and the lookup index).
    sa.Index(
        "ix_actuals_reports_key",
        "unit_code",
        "fiscal_year",
        "kind",
        "period_month",
        "version",
        unique=True,
    ),
    # At most one current version per unit, year, kind and period.
    sa.Index(
        "uq_actuals_reports_current",
        "unit_code",
        "fiscal_year",
        "kind",
        "period_month",
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    ),
    sa.Index("ix_actuals_reports_document_id", "document_id"),
)

actual_projects = sa.Table(
    "actual_projects",
    metadata,
    sa.Column("report_id", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("project_seq", sa.Integer, nullable=False),
    sa.Column("project_name", sa.Text, nullable=False),
    sa.Column("project_code", sa.String(64)),
    sa.Column("money_unit", sa.String(16)),
    # The 年度资金总额 (total) funding row, in money_unit (元 or 万元), raw text beside.
    *(
        column
        for part in ("budget_initial", "budget_adjusted", "spent", "projected")
        for column in (sa.Column(part, sa.Numeric), sa.Column(f"{part}_raw", sa.Text))
    ),
    sa.Column("goal_achieved", sa.Text),
    sa.Column("execution_note", sa.Text),
    _location(),
    _cascade(["report_id"], "actuals_reports", ["id"]),
)

actual_indicators = sa.Table(
    "actual_indicators",
    metadata,
    sa.Column("report_id", sa.Integer, primary_key=True),
    sa.Column("project_position", sa.Integer, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("indicator_index", sa.Integer, nullable=False),
    sa.Column("level3", sa.Text, nullable=False),
    sa.Column("actual_raw", sa.Text),
    sa.Column("actual_value", sa.Numeric),
    sa.Column("projected_raw", sa.Text),
    sa.Column("projected_value", sa.Numeric),
    sa.Column("likelihood", sa.String(16)),  # Likelihood value
    sa.Column("deviation_causes", sa.Text),  # DeviationCause values joined by ","
    sa.Column("deviation_note", sa.Text),
    sa.Column("improvement", sa.Text),
    sa.Column("remark", sa.Text),
    sa.Column("achievement", sa.String(16)),  # Achievement value
    sa.Column("weight", sa.Numeric),  # points (分值)
    sa.Column("claimed_score", sa.Numeric),  # points the unit claimed (得分)
    _location(),
    _cascade(["report_id", "project_position"], "actual_projects", ["report_id", "position"]),
)

# Parents before children: the order an actuals report's rows are inserted in.
ACTUALS_CHILD_TABLES: tuple[sa.Table, ...] = (actual_projects, actual_indicators)
