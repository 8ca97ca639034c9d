"""where a subscription lands: a thread or forum topic of its chat

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

`subscriptions` gains `thread`: the platform's id of the place in the chat its digests go to (a
Telegram forum topic's message_thread_id, a Slack thread's ts), opaque to the rest of briefbot; NULL,
as for every existing row, is the chat's main timeline. (0008_chat_sources is written in parallel; the
lead relinks down_revision when both are merged.)
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("thread", sa.String(64), nullable=True))


def downgrade() -> None:
    # a subscription into a thread would land in the main chat: stop it rather than move it
    op.execute(
        "UPDATE subscriptions SET active = false, deactivated_reason = 'thread delivery removed' "
        "WHERE thread IS NOT NULL AND active"
    )
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("thread")
