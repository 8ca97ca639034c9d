"""articles, source states and subscriptions

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source", sa.String(2048), nullable=False),
        sa.Column("url", sa.String(2048)),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("headline_derived", sa.Boolean, nullable=False),
        sa.Column("author", sa.String(512)),
        sa.Column("dateline", sa.String(512)),
        sa.Column("published", sa.DateTime(timezone=True)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("analysis", sa.JSON, nullable=False),
        sa.Column("analysis_version", sa.Integer, nullable=False),
    )
    op.create_index("ix_articles_ingested_at", "articles", ["ingested_at"])
    op.create_table(
        "source_states",
        sa.Column("key", sa.String(2048), primary_key=True),
        sa.Column("state", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("delivery_time", sa.String(5), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deactivated_reason", sa.String(256)),
        sa.UniqueConstraint("platform", "chat_id", name="uq_subscription_chat"),
    )


def downgrade() -> None:
    op.drop_table("subscriptions")
    op.drop_table("source_states")
    op.drop_index("ix_articles_ingested_at", "articles")
    op.drop_table("articles")
