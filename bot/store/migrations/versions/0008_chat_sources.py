"""a chat's own sources: the feeds chats added (one row per URL, polled once however many chats have it),
which chat has which, and which stories only those feeds brought

Revision ID: 0008
Revises: 0006 (on this branch; 0007 is being added at the same time: relink to it when merging)
Create Date: 2026-12-02

`/sources add URL` stores the feed once in `chat_feeds` (normalised URL, title, last fetch result) and the
chat's claim on it in `chat_sources`. A story a chat's feed brought that no operator source has gets a
row in `chat_feed_articles`: the digests and answers of a chat hold the stories without such a row (the
operator's) plus those of its own feeds, never another chat's (bot/store/repo.py `visible_to`).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_feeds",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.String(2048), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("last_fetched_at", sa.DateTime(timezone=True)),
        sa.Column("last_result", sa.String(512)),
        sa.Column("last_ok", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "chat_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("chat_feeds.id", ondelete="CASCADE"), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("platform", "chat_id", "feed_id", name="uq_chat_source"),
        sqlite_autoincrement=True,  # an id /sources remove names is never given to another source
    )
    op.create_index("ix_chat_sources_feed_id", "chat_sources", ["feed_id"])
    op.create_table(
        "chat_feed_articles",
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "feed_id", sa.Integer, sa.ForeignKey("chat_feeds.id", ondelete="CASCADE"), primary_key=True
        ),
    )


def downgrade() -> None:
    op.drop_table("chat_feed_articles")
    op.drop_index("ix_chat_sources_feed_id", "chat_sources")
    op.drop_table("chat_sources")
    op.drop_table("chat_feeds")
