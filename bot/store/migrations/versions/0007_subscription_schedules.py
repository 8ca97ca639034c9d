"""several subscriptions per chat, each with its days and topic filter

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

`subscriptions` gains `number` (the short id a chat knows a subscription by, unique within the chat),
`days` ('daily', 'weekdays', 'weekends' or 'mon,thu') and `topic_filter` ('fentanyl, migration, -trump';
empty: every story). Existing subscriptions become number 1, daily, no filter. The unique constraint on
(platform, chat_id) gives way to one on (platform, chat_id, number).

On SQLite the table is rebuilt (Alembic batch mode). `Database.migrate` runs migrations with SQLite's
foreign keys off, as SQLite's own procedure for rebuilding a table asks, so dropping the old table does
not cascade to `deliveries`; it checks the foreign keys before committing.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("number", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("days", sa.String(32), nullable=False, server_default="daily"))
        batch.add_column(sa.Column("topic_filter", sa.String(256), nullable=False, server_default=""))
        batch.drop_constraint("uq_subscription_chat", type_="unique")
        batch.create_unique_constraint("uq_subscription_number", ["platform", "chat_id", "number"])


def downgrade() -> None:
    # back to one subscription per chat: keep each chat's first (and only its deliveries)
    others = (
        "SELECT id FROM subscriptions WHERE id NOT IN "
        "(SELECT MIN(id) FROM subscriptions GROUP BY platform, chat_id)"
    )
    op.execute(f"DELETE FROM deliveries WHERE subscription_id IN ({others})")
    op.execute(f"DELETE FROM subscriptions WHERE id IN ({others})")
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_constraint("uq_subscription_number", type_="unique")
        batch.create_unique_constraint("uq_subscription_chat", ["platform", "chat_id"])
        batch.drop_column("topic_filter")
        batch.drop_column("days")
        batch.drop_column("number")
