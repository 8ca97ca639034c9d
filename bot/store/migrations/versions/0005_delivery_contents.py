"""a delivery's rendered messages stored with its first attempt; sends whose outcome is unknown counted

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

A retried delivery sends the messages its first attempt rendered (`delivery_contents`, named by
`deliveries.content_hash`) from `parts_sent` on, so the parts never change between tries;
`deliveries.in_doubt` counts sends that timed out after the request left (resent: at least once).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delivery_contents",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("messages", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("content_hash", sa.String(64)))
        batch.add_column(sa.Column("in_doubt", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("in_doubt")
        batch.drop_column("content_hash")
    op.drop_table("delivery_contents")
