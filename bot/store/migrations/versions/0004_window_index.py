"""an index that answers "which stories are in the window, in which analysis version" by itself

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Commands read the news window as keys first (id, analysis_version, newest ingested first) and take the
rows themselves from memory (bot/store/rowcache.py). Without this index each key costs a visit to the
table row, and on SQLite `analysis_version`, stored after the body and the analysis, a walk through the
row's overflow pages: a few milliseconds for a window of 1,000. With it the keys come from the index.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_window", "articles", ["ingested_at", "id", "analysis_version"])


def downgrade() -> None:
    op.drop_index("ix_articles_window", "articles")
