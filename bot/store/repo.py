"""Queries: the only place that knows the tables' shape. Callers pass a Session from Database.session()."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.store.models import SourceState, StoredArticle, Subscription, utcnow
from summarizer.analysis import Analysis
from summarizer.article import Article


def has_article(session: Session, article_id: str) -> bool:
    return session.get(StoredArticle, article_id) is not None


def add_article(
    session: Session, article: Article, analysis: Analysis, *, ingested_at: datetime | None = None
) -> StoredArticle:
    row = StoredArticle(
        id=article.id,
        source=article.source,
        url=article.url,
        headline=article.headline,
        headline_derived=article.headline_derived,
        author=article.author,
        dateline=article.dateline,
        published=article.published,
        ingested_at=ingested_at or utcnow(),
        body=article.body,
        analysis=analysis.to_json(),
        analysis_version=analysis.version,
    )
    session.add(row)
    return row


def count_articles(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(StoredArticle)) or 0)


def recent_articles(
    session: Session, *, since: datetime | None = None, limit: int | None = None
) -> Sequence[StoredArticle]:
    """Articles ingested after `since` (all when None), newest first."""
    stmt = select(StoredArticle).order_by(StoredArticle.ingested_at.desc(), StoredArticle.id)
    if since is not None:
        stmt = stmt.where(StoredArticle.ingested_at > since)
    if limit is not None:
        stmt = stmt.limit(limit)
    return session.scalars(stmt).all()


def last_ingest_time(session: Session) -> datetime | None:
    return session.scalar(select(func.max(StoredArticle.ingested_at)))


def load_source_state(session: Session, key: str) -> dict[str, Any] | None:
    row = session.get(SourceState, key)
    return dict(row.state) if row is not None else None


def save_source_state(session: Session, key: str, state: dict[str, Any]) -> None:
    row = session.get(SourceState, key)
    if row is None:
        session.add(SourceState(key=key, state=state))
    else:
        row.state = state


def stored_analysis(row: StoredArticle) -> Analysis:
    return Analysis.from_json(row.analysis)


def get_subscription(session: Session, platform: str, chat_id: str) -> Subscription | None:
    return session.scalar(
        select(Subscription).where(Subscription.platform == platform, Subscription.chat_id == chat_id)
    )


def upsert_subscription(
    session: Session, platform: str, chat_id: str, delivery_time: str, timezone: str
) -> Subscription:
    sub = get_subscription(session, platform, chat_id)
    if sub is None:
        sub = Subscription(
            platform=platform, chat_id=chat_id, delivery_time=delivery_time, timezone=timezone, active=True
        )
        session.add(sub)
    else:
        sub.delivery_time = delivery_time
        sub.timezone = timezone
        sub.active = True
        sub.deactivated_reason = None
    session.flush()
    return sub


def deactivate_subscription(session: Session, platform: str, chat_id: str, reason: str) -> bool:
    sub = get_subscription(session, platform, chat_id)
    if sub is None or not sub.active:
        return False
    sub.active = False
    sub.deactivated_reason = reason[:256]
    return True


def active_subscriptions(session: Session) -> Sequence[Subscription]:
    return session.scalars(select(Subscription).where(Subscription.active.is_(True))).all()
