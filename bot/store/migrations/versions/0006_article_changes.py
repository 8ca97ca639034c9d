"""a change counter for the stored articles, kept by the database: what commands check before reusing
an answer, read in one row instead of aggregated over every article

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Commands reuse an answer while the stored articles are unchanged (bot/commands.py). The stamp they
compared was (count, newest ingest time, sum of analysis versions) over the whole table: at 10,000 stories
PostgreSQL answered it with a sequential scan, 6–19 ms before every command. Now triggers add one to
`article_changes.changes` whenever articles are inserted, updated or deleted (PostgreSQL: once per
statement, truncation included; SQLite: once per row), and the stamp is that one row. The index that
served the old aggregate, ix_articles_stamp, goes (ix_articles_window covers what else reads it).

As with migration 0003's triggers: a later migration that rebuilds `articles` on SQLite (Alembic batch
mode) drops these triggers and must run `create_sqlite_triggers()` again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_BUMP = "UPDATE article_changes SET changes = changes + 1 WHERE id = 1"


def create_sqlite_triggers() -> None:
    for event in ("INSERT", "UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER article_changes_{event.lower()} AFTER {event} ON articles BEGIN {_BUMP}; END"
        )


def upgrade() -> None:
    op.create_table(
        "article_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("changes", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO article_changes (id, changes) VALUES (1, 0)")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        create_sqlite_triggers()
    elif dialect == "postgresql":
        op.execute(f"""
            CREATE FUNCTION count_article_changes() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN {_BUMP}; RETURN NULL; END $$""")
        op.execute(
            "CREATE TRIGGER article_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON articles FOR EACH STATEMENT EXECUTE FUNCTION count_article_changes()"
        )
    op.drop_index("ix_articles_stamp", "articles")


def downgrade() -> None:
    op.create_index("ix_articles_stamp", "articles", ["ingested_at", "analysis_version"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS article_changes_{event}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS article_changes ON articles")
        op.execute("DROP FUNCTION IF EXISTS count_article_changes()")
    op.drop_table("article_changes")
