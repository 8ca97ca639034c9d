"""Tables. Every change to them ships as an Alembic migration in bot/store/migrations/versions/."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class StoredArticle(Base):
    """A stored story and its analysis. Migration 0003 adds the full-text index beside it (SQLite: the
    article_search tables and triggers; PostgreSQL: generated tsvector columns); the model does not map
    them, bot/store/repo.py queries them."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_window", "ingested_at", "id", "analysis_version"),  # migration 0004
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(String(2048))
    url: Mapped[str | None] = mapped_column(String(2048))
    headline: Mapped[str] = mapped_column(Text)
    headline_derived: Mapped[bool] = mapped_column(Boolean, default=False)
    author: Mapped[str | None] = mapped_column(String(512))
    dateline: Mapped[str | None] = mapped_column(String(512))
    published: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    body: Mapped[str] = mapped_column(Text)
    analysis: Mapped[dict[str, Any]] = mapped_column(JSON)
    analysis_version: Mapped[int] = mapped_column(Integer)


class ArticleChanges(Base):
    """One row (id 1): how many times the stored articles changed. Migration 0006's triggers add one on
    every insert, update or delete of articles, so a reader learns whether anything changed from one row."""

    __tablename__ = "article_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    changes: Mapped[int] = mapped_column(BigInteger)


class SourceState(Base):
    """What a source saw last time (folder mtimes, feed ETag, seen entry ids): opaque JSON."""

    __tablename__ = "source_states"

    key: Mapped[str] = mapped_column(String(2048), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Subscription(Base):
    """One digest a chat asked for: platform + chat id, which days (`days`: 'daily', 'weekdays',
    'weekends' or 'mon,thu'), local delivery time and time zone, and the topic filter (`topic_filter`:
    'fentanyl, migration, -trump'; empty: every story). A chat may have several; `number` is the short
    id the chat knows it by (/settings, /unsubscribe ID), unique within the chat. Migration 0007 adds
    `number`, `days` and `topic_filter` (existing rows: 1, daily, no filter). `thread`: where in the chat
    it lands, opaque to the core (a Telegram forum topic's id, a Slack thread's ts; None: the main chat);
    migration 0009 adds it."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("platform", "chat_id", "number", name="uq_subscription_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(32))
    chat_id: Mapped[str] = mapped_column(String(128))
    number: Mapped[int] = mapped_column(Integer, default=1)
    days: Mapped[str] = mapped_column(String(32), default="daily", server_default="daily")
    delivery_time: Mapped[str] = mapped_column(String(5))
    timezone: Mapped[str] = mapped_column(String(64))
    topic_filter: Mapped[str] = mapped_column(String(256), default="", server_default="")
    thread: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    deactivated_reason: Mapped[str | None] = mapped_column(String(256))


class ChatFeed(Base):
    """A feed or page that chats added as their own source (migration 0008): one row per normalised URL
    (summarizer.sources.http.normalise_url), polled once per poll however many chats have it, with what
    its last fetch gave."""

    __tablename__ = "chat_feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    title: Mapped[str] = mapped_column(Text)
    last_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_result: Mapped[str | None] = mapped_column(String(512))
    last_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChatSource(Base):
    """One chat's own source: the chat (platform + chat id) and the feed it added (migration 0008)."""

    __tablename__ = "chat_sources"
    __table_args__ = (
        UniqueConstraint("platform", "chat_id", "feed_id", name="uq_chat_source"),
        {"sqlite_autoincrement": True},  # an id /sources remove names is never given to another source
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(32))
    chat_id: Mapped[str] = mapped_column(String(128))
    feed_id: Mapped[int] = mapped_column(ForeignKey("chat_feeds.id", ondelete="CASCADE"), index=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChatFeedArticle(Base):
    """A story a chat's feed brought and no operator source has (migration 0008): only the chats that
    have one of its feeds see it. A story without a row here is the operator's: every chat sees it."""

    __tablename__ = "chat_feed_articles"

    article_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    feed_id: Mapped[int] = mapped_column(ForeignKey("chat_feeds.id", ondelete="CASCADE"), primary_key=True)


class DeliveryStatus(StrEnum):
    """What became of a delivery row (see Delivery); stored as its value."""

    PENDING = "pending"  # due, not yet closed: claimable
    DELIVERED = "delivered"
    SKIPPED = "skipped"  # nothing new and empty_digest = "silent"
    SUPERSEDED = "superseded"  # a newer period came due first
    CANCELLED = "cancelled"  # unsubscribed
    GONE = "gone"  # chat blocked or deleted: subscription deactivated
    FAILED = "failed"  # permanent error


class Delivery(Base):
    """The outbox: one row per (subscription, period) — the local day whose digest it carries.

    The unique constraint makes "at most one digest a day" a property of the database, whoever creates
    the row. `status`: pending → delivered | skipped (empty, silent) | superseded (a newer period came
    due first) | cancelled (unsubscribed) | gone (chat blocked or deleted) | failed (permanent error).
    A pending row is claimed by a worker for a lease (`claimed_by`, `lease_until`; a delivered row keeps
    `claimed_by`: who delivered it); `next_attempt_at` holds back retries. `platform`/`chat_id` are
    copied from the subscription so claims need no join. `content_hash` names the rendered messages
    (`delivery_contents`) a retry must send from `parts_sent` on; `in_doubt` counts sends whose outcome
    was unknown (resent, so the chat may have that message twice). Migration 0005 adds both.
    """

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "period", name="uq_delivery_period"),
        Index("ix_deliveries_claim", "status", "next_attempt_at"),
        Index("ix_deliveries_subscription", "subscription_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"))
    period: Mapped[date] = mapped_column(Date)
    platform: Mapped[str] = mapped_column(String(32))
    chat_id: Mapped[str] = mapped_column(String(128))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    window_end: Mapped[datetime] = mapped_column(UTCDateTime)  # articles ingested up to here
    status: Mapped[str] = mapped_column(String(16), default=DeliveryStatus.PENDING.value)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # send attempts
    failures: Mapped[int] = mapped_column(Integer, default=0)  # passes that gave up on transient errors
    parts_sent: Mapped[int] = mapped_column(Integer, default=0)  # messages of a multi-part digest sent
    message_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    last_error: Mapped[str | None] = mapped_column(String(512))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    in_doubt: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class DeliveryContent(Base):
    """A digest's rendered messages, stored before they are sent so that every try of a delivery sends
    the same messages; keyed by their SHA-256, shared by every delivery of the same digest."""

    __tablename__ = "delivery_contents"

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    messages: Mapped[list[Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeliveryWorker(Base):
    """A process that delivers digests; live workers (recent heartbeat) share the platforms' overall
    rate limits, so several replicas on one database stay under them together."""

    __tablename__ = "delivery_workers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
