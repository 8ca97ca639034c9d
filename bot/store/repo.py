"""Queries: the only place that knows the tables' shape. Callers pass a Session from Database.session()."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal, cast

from sqlalchemy import ColumnElement, and_, column, delete, func, literal_column, or_, select, table, update
from sqlalchemy.dialects.postgresql import Insert as PostgresqlInsert
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.orm import Session

from bot.store.chatsources import Feeds, visible_to
from bot.store.fulltext import WordMatcher, query_words
from bot.store.models import (
    ArticleChanges,
    Delivery,
    DeliveryContent,
    DeliveryStatus,
    DeliveryWorker,
    SourceState,
    StoredArticle,
    Subscription,
    utcnow,
)
from bot.store.rowcache import RowKey, row_cache
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


def stored_article(row: StoredArticle) -> Article:
    """The article `add_article` stored, as the analysis reads it (re-analysis after an upgrade)."""
    return Article(
        id=row.id,
        headline=row.headline,
        body=row.body,
        paragraphs=tuple(row.body.split("\n\n")),
        headline_derived=row.headline_derived,
        author=row.author,
        dateline=row.dateline,
        source=row.source,
        url=row.url,
        published=row.published,
    )


def count_articles(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(StoredArticle)) or 0)


def recent_articles(
    session: Session, *, since: datetime | None = None, limit: int | None = None, feeds: Feeds = ()
) -> Sequence[StoredArticle]:
    """Articles ingested after `since` (all when None), newest first: the operator's and those of the
    chat feeds `feeds` (a chat's own sources: bot/store/chatsources.py)."""
    stmt = (
        select(StoredArticle)
        .where(visible_to(feeds))
        .order_by(StoredArticle.ingested_at.desc(), StoredArticle.id)
    )
    if since is not None:
        stmt = stmt.where(StoredArticle.ingested_at > since)
    if limit is not None:
        stmt = stmt.limit(limit)
    return session.scalars(stmt).all()


def recent_keys(
    session: Session, *, since: datetime | None = None, limit: int | None = None, feeds: Feeds = ()
) -> list[RowKey]:
    """(id, analysis_version) of the articles recent_articles would give, in its order: from the index
    ix_articles_window (and the chat feeds' primary key), read as plain rows (no ORM objects: 1,000 of
    them cost ~3 ms)."""
    table = StoredArticle.__table__
    stmt = (
        select(table.c.id, table.c.analysis_version)
        .where(visible_to(feeds))
        .order_by(table.c.ingested_at.desc(), table.c.id)
    )
    if since is not None:
        stmt = stmt.where(table.c.ingested_at > since)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [(i, v) for i, v in session.connection().execute(stmt).all()]


def recent_rows(
    session: Session, *, since: datetime | None = None, limit: int | None = None, feeds: Feeds = ()
) -> list[StoredArticle]:
    """recent_articles through the row cache: the keys from the index, rows not in memory loaded.
    The rows are shared and detached: read them, never change them."""
    return row_cache(session).rows(session, recent_keys(session, since=since, limit=limit, feeds=feeds))


# -- full-text search (the index: migration 0003) ---------------------------------------------------

SearchField = Literal["text", "people", "topics"]
INDEXED_DIALECTS = frozenset({"sqlite", "postgresql"})  # where migration 0003 builds the index
COUNTED_DIALECTS = INDEXED_DIALECTS  # where migration 0006's triggers count changes to articles
# text: what /brief WORDS looks in (headline, summary, topic labels); people: names; topics: labels
_FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("headline", "summary", "topics"),
    "people": ("people",),
    "topics": ("topics",),
}
_PG_COLUMNS: dict[str, str] = {"text": "search_text", "people": "search_people", "topics": "search_topics"}
_FTS = table("article_search", column("rowid"))
_FTS_KEYS = table("article_search_keys", column("rowid"), column("article_id"))


def search_articles(
    session: Session,
    field: SearchField,
    query: str,
    *,
    window: int,
    since: datetime | None = None,
    feeds: Feeds = (),
) -> Sequence[StoredArticle]:
    """Among the newest `window` articles (ingested after `since`, when given), those whose `field` holds
    every searchable word of `query` as a stemmed whole word ("trade" finds "trading", not "traders"),
    newest first; only the operator's and those of the chat feeds `feeds`. The database's full-text
    index answers; a query of stop words only finds nothing."""
    words = query_words(query)
    if not words:
        return []
    if session.get_bind().dialect.name not in INDEXED_DIALECTS:
        return search_in_python(session, field, query, window=window, since=since, feeds=feeds)
    # the window's oldest ingest time, read from the ingested_at index alone (None: fewer stories)
    cutoff = (
        select(StoredArticle.ingested_at)
        .where(visible_to(feeds))  # the window this chat reads, not counting other chats' stories
        .order_by(StoredArticle.ingested_at.desc())
        .offset(window - 1)
        .limit(1)
        .scalar_subquery()
    )
    stmt = (
        select(StoredArticle.id, StoredArticle.analysis_version)
        .where(or_(cutoff.is_(None), StoredArticle.ingested_at >= cutoff))
        .where(_holds_words(session, field, query, words))
        .where(visible_to(feeds))
        .order_by(StoredArticle.ingested_at.desc(), StoredArticle.id)
    )
    if since is not None:
        stmt = stmt.where(StoredArticle.ingested_at > since)
    keys = [(i, v) for i, v in session.execute(stmt)]
    return row_cache(session).rows(session, keys)  # the rows from memory, the index gave their keys


def search_in_python(
    session: Session,
    field: SearchField,
    query: str,
    *,
    window: int,
    since: datetime | None = None,
    feeds: Feeds = (),
) -> list[StoredArticle]:
    """search_articles without an index (a backend migration 0003 builds none for): the same window
    matched in Python by the same rules (Porter stems)."""
    matcher = WordMatcher(session.get_bind().dialect.name)
    rows = recent_articles(session, since=since, limit=window, feeds=feeds)
    return [r for r in rows if matcher.matches(_field_text(r, field), query)]


def _field_text(row: StoredArticle, field: SearchField) -> str:
    """What the index holds for one field of a row (the text migration 0003 indexes)."""
    analysis = row.analysis or {}
    labels = " ; ".join(t.get("label", "") for t in analysis.get("topics", ()))
    if field == "topics":
        return labels
    if field == "people":
        return " ; ".join(p.get("name", "") for p in analysis.get("people", ()))
    return " ".join((row.headline, " ".join(analysis.get("summary", ())), labels))


def _holds_words(
    session: Session, field: SearchField, query: str, words: Sequence[str]
) -> ColumnElement[bool]:
    if session.get_bind().dialect.name == "postgresql":
        # PostgreSQL's parser reads the query as it read the documents: "U.S." stays 'u.s', "COVID-19"
        # is 'covid' and '-19', "5.5" one number (split into words first, they would find nothing)
        tsquery = func.plainto_tsquery(literal_column("'english'::regconfig"), query)
        return literal_column(f"articles.{_PG_COLUMNS[field]}").bool_op("@@")(tsquery)
    # FTS5 query syntax: every word a quoted string (so no word is read as an operator), each limited to
    # the field's columns; the tokenizer stems them as it stemmed the documents
    columns = "{" + " ".join(_FTS_COLUMNS[field]) + "}"
    fts_query = " AND ".join(f'{columns} : "{w.replace(chr(34), chr(34) * 2)}"' for w in words)
    matching = select(_FTS.c.rowid).where(literal_column("article_search").op("MATCH")(fts_query))
    keys = select(_FTS_KEYS.c.article_id).where(_FTS_KEYS.c.rowid.in_(matching.scalar_subquery()))
    return StoredArticle.id.in_(keys.scalar_subquery())


def articles_stamp(session: Session) -> tuple[int | str, ...]:
    """What changes whenever a stored article is added, removed or re-analysed: the counter migration
    0006's triggers keep, one row. Where it builds no triggers: (count, newest ingest time, sum of
    analysis versions), aggregated over the table."""
    if session.get_bind().dialect.name in COUNTED_DIALECTS:
        return (int(session.scalar(select(ArticleChanges.changes).where(ArticleChanges.id == 1)) or 0),)
    count, newest, versions = session.execute(
        select(
            func.count(),
            func.max(StoredArticle.ingested_at),
            func.coalesce(func.sum(StoredArticle.analysis_version), 0),
        ).select_from(StoredArticle)
    ).one()
    return int(count), str(newest), int(versions)


def stale_articles(session: Session, version: int, *, limit: int) -> Sequence[StoredArticle]:
    """Articles whose cached analysis is older than `version`."""
    stmt = select(StoredArticle).where(StoredArticle.analysis_version < version).limit(limit)
    return session.scalars(stmt).all()


def last_ingest_time(session: Session) -> datetime | None:
    return session.scalar(select(func.max(StoredArticle.ingested_at)))


def load_source_state(session: Session, key: str) -> dict[str, Any] | None:
    row = session.get(SourceState, key)
    return dict(row.state) if row is not None else None


def delete_source_state(session: Session, key: str) -> None:
    """Forget what a source saw: its next poll reads it afresh."""
    session.execute(delete(SourceState).where(SourceState.key == key))


def delete_old_articles(session: Session, ingested_before: datetime, limit: int) -> int:
    """Delete up to `limit` of the stories ingested before `ingested_before`, oldest first (the window
    index); their search rows (triggers) and feed tags (cascade) go with them. Returns how many went."""
    oldest = (
        select(StoredArticle.id)
        .where(StoredArticle.ingested_at < ingested_before)
        .order_by(StoredArticle.ingested_at, StoredArticle.id)
        .limit(limit)
    )
    result = session.execute(
        delete(StoredArticle)
        .where(StoredArticle.id.in_(oldest.scalar_subquery()))
        .execution_options(synchronize_session=False)
    )
    return int(_rowcount(result) or 0)


def save_source_state(session: Session, key: str, state: dict[str, Any]) -> None:
    """Insert or replace, atomically: replicas polling the same source must not collide."""
    dialect = session.get_bind().dialect.name
    if dialect in {"postgresql", "sqlite"}:
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        stmt = insert(SourceState).values(key=key, state=state, updated_at=utcnow())
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=[SourceState.key], set_={"state": state, "updated_at": utcnow()}
            )
        )
        return
    row = session.get(SourceState, key)
    if row is None:
        session.add(SourceState(key=key, state=state))
    else:
        row.state = state


def chat_subscriptions(
    session: Session, platform: str, chat_id: str, *, active_only: bool = False
) -> list[Subscription]:
    """A chat's subscriptions in the order of their numbers (its short ids)."""
    stmt = select(Subscription).where(Subscription.platform == platform, Subscription.chat_id == chat_id)
    if active_only:
        stmt = stmt.where(Subscription.active.is_(True))
    return list(session.scalars(stmt.order_by(Subscription.number)))


def get_subscription(session: Session, platform: str, chat_id: str) -> Subscription | None:
    """The chat's first subscription (lowest number), active or not."""
    subs = chat_subscriptions(session, platform, chat_id)
    return subs[0] if subs else None


def add_subscription(
    session: Session,
    platform: str,
    chat_id: str,
    *,
    days: str,
    delivery_time: str,
    timezone: str,
    topic_filter: str = "",
    thread: str | None = None,
    same: Callable[[Subscription], bool] | None = None,
) -> tuple[Subscription, bool]:
    """A subscription of this chat with these terms, and whether it is new: one `same` says asks for the
    same thing (default: equal fields) is returned as it is when active, made active again when not;
    else a new one gets the chat's next number. Two concurrent adds to one chat may collide on the
    number (IntegrityError): the caller tries again. `thread`: where in the chat it lands (None: the
    main chat); one asked for in another thread is another subscription."""
    same_terms = same or (
        lambda s: (
            (s.days, s.delivery_time, s.timezone, s.topic_filter)
            == (days, delivery_time, timezone, topic_filter)
        )
    )
    existing = chat_subscriptions(session, platform, chat_id)
    for sub in existing:
        if sub.thread == thread and same_terms(sub):
            if sub.active:
                return sub, False
            sub.active, sub.deactivated_reason = True, None
            sub.updated_at = utcnow()  # the periods before now are not owed
            session.flush()
            return sub, True
    sub = Subscription(
        platform=platform,
        chat_id=chat_id,
        number=max((s.number for s in existing), default=0) + 1,
        days=days,
        delivery_time=delivery_time,
        timezone=timezone,
        topic_filter=topic_filter,
        thread=thread,
        active=True,
    )
    session.add(sub)
    session.flush()
    return sub, True


def deactivate_subscription(session: Session, which: int | tuple[str, str], reason: str) -> bool:
    """Stop the subscription `which` (its id), or every subscription of a chat ((platform, chat id));
    False if none was active."""
    subs = (
        [s for s in (session.get(Subscription, which),) if s is not None]
        if isinstance(which, int)
        else chat_subscriptions(session, *which, active_only=True)
    )
    changed = False
    for sub in subs:
        if sub.active:
            sub.active = False
            sub.deactivated_reason = reason[:256]
            changed = True
    return changed


# -- the outbox (deliveries) ------------------------------------------------------------------------
# Times are passed in by the caller (the scheduler's clock), never read here, so tests control them.

DELIVERY_PENDING = DeliveryStatus.PENDING
DELIVERY_DONE = frozenset({DeliveryStatus.DELIVERED, DeliveryStatus.SKIPPED})  # closed a digest window


@dataclass(frozen=True)
class ScheduledSubscription:
    id: int
    platform: str
    chat_id: str
    delivery_time: str
    timezone: str
    active_since: datetime  # the last (re)subscription or change: periods due before it are not owed
    days: str = "daily"  # 'daily', 'weekdays', 'weekends' or 'mon,thu' (bot.subscriptions)


@dataclass(frozen=True)
class ClaimedDelivery:
    id: int
    subscription_id: int
    period: date
    platform: str
    chat_id: str
    window_end: datetime
    parts_sent: int
    message_ids: tuple[str, ...]
    attempts: int
    failures: int
    lease_until: datetime
    content_hash: str | None = None  # the rendered messages pinned by an earlier try
    in_doubt: int = 0


def scheduled_subscriptions(session: Session) -> list[ScheduledSubscription]:
    rows = session.execute(
        select(
            Subscription.id,
            Subscription.platform,
            Subscription.chat_id,
            Subscription.delivery_time,
            Subscription.timezone,
            Subscription.updated_at,
            Subscription.days,
        ).where(Subscription.active.is_(True))
    ).all()
    return [ScheduledSubscription(*row) for row in rows]


def existing_deliveries(session: Session, periods: Iterable[date]) -> set[tuple[int, date]]:
    """(subscription id, period) of the rows that exist for these periods, whatever their status."""
    periods = list(set(periods))
    if not periods:
        return set()
    rows = session.execute(
        select(Delivery.subscription_id, Delivery.period).where(Delivery.period.in_(periods))
    ).all()
    return {(sid, period) for sid, period in rows}


def insert_deliveries(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    """Insert pending deliveries; a (subscription, period) that exists already is left alone, so two
    processes creating the same row race harmlessly. Returns how many rows were new."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    dialect_insert: Callable[[type[Delivery]], PostgresqlInsert | SqliteInsert]
    if dialect == "postgresql":
        dialect_insert = postgresql_insert
    elif dialect == "sqlite":
        dialect_insert = sqlite_insert
    else:  # pragma: no cover - other backends: one by one, relying on the unique constraint
        return _insert_one_by_one(session, rows)
    values = [
        {
            "status": DELIVERY_PENDING,
            "attempts": 0,
            "failures": 0,
            "parts_sent": 0,
            "message_ids": [],
            "next_attempt_at": row["due_at"],
            "created_at": row["window_end"],
            **row,
        }
        for row in rows
    ]
    created = 0
    for start in range(0, len(values), 500):
        stmt = (
            dialect_insert(Delivery)
            .values(values[start : start + 500])
            .on_conflict_do_nothing(index_elements=["subscription_id", "period"])
            .returning(Delivery.id)
        )
        created += len(session.execute(stmt).all())
    return created


def _insert_one_by_one(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    from sqlalchemy.exc import IntegrityError

    created = 0
    for row in rows:
        try:
            with session.begin_nested():
                session.add(
                    Delivery(
                        status=DELIVERY_PENDING,
                        attempts=0,
                        failures=0,
                        parts_sent=0,
                        message_ids=[],
                        next_attempt_at=row["due_at"],
                        created_at=row["window_end"],
                        **row,
                    )
                )
            created += 1
        except IntegrityError:
            pass
    return created


def claim_deliveries(
    session: Session,
    worker: str,
    platforms: Iterable[str],
    now: datetime,
    lease_until: datetime,
    limit: int,
) -> list[ClaimedDelivery]:
    """Claim up to `limit` due pending deliveries for `worker` until `lease_until`, oldest first.

    One statement: UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED). On PostgreSQL concurrent
    claimers skip each other's locked rows and re-check the condition on rows committed meanwhile; on
    SQLite the UPDATE takes the database's single write lock, so claims are serialized. Either way a row
    is handed to one worker per lease. Expired leases (a crashed worker) are claimable again.
    """
    platforms = list(platforms)
    if not platforms or limit <= 0:
        return []
    claimable = (
        select(Delivery.id)
        .where(
            Delivery.status == DELIVERY_PENDING,
            Delivery.platform.in_(platforms),
            Delivery.next_attempt_at <= now,
            or_(Delivery.lease_until.is_(None), Delivery.lease_until <= now),
        )
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    stmt = (
        update(Delivery)
        .where(Delivery.id.in_(claimable.scalar_subquery()))
        .values(claimed_by=worker, lease_until=lease_until)
        .returning(
            Delivery.id,
            Delivery.subscription_id,
            Delivery.period,
            Delivery.platform,
            Delivery.chat_id,
            Delivery.window_end,
            Delivery.parts_sent,
            Delivery.message_ids,
            Delivery.attempts,
            Delivery.failures,
            Delivery.lease_until,
            Delivery.content_hash,
            Delivery.in_doubt,
        )
        .execution_options(synchronize_session=False)
    )
    rows = session.execute(stmt).all()
    claimed = [
        ClaimedDelivery(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            tuple(r[7] or ()),
            r[8],
            r[9],
            r[10],
            r[11],
            int(r[12] or 0),
        )
        for r in rows
    ]
    return sorted(claimed, key=lambda c: c.id)


def _owned(delivery_id: int, worker: str) -> Any:
    return and_(
        Delivery.id == delivery_id, Delivery.claimed_by == worker, Delivery.status == DELIVERY_PENDING
    )


def renew_lease(session: Session, delivery_id: int, worker: str, lease_until: datetime) -> bool:
    """Extend this worker's lease; False when the row is no longer this worker's pending claim."""
    result = session.execute(
        update(Delivery)
        .where(_owned(delivery_id, worker))
        .values(lease_until=lease_until)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result) == 1


def record_parts(
    session: Session,
    delivery_id: int,
    parts_sent: int,
    message_ids: Sequence[str],
    *,
    attempts: int,
    done: bool,
    now: datetime,
    content_hash: str | None = None,
) -> bool:
    """Record messages the platform accepted (and, when given, the content they came from). With `done`
    the row becomes delivered (`claimed_by` then names the worker that delivered it).

    Deliberately not fenced by `claimed_by`: the messages are out, so recording them wins even if this
    worker's lease lapsed; a worker that claimed the row meanwhile then sees it delivered and stops.
    """
    values: dict[str, Any] = {
        "parts_sent": parts_sent,
        "message_ids": list(message_ids),
        "attempts": attempts,
    }
    if content_hash is not None:
        values["content_hash"] = content_hash
    if done:
        values |= {
            "status": DeliveryStatus.DELIVERED,
            "delivered_at": now,
            "lease_until": None,
            "last_error": None,
        }
    result = session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == DELIVERY_PENDING)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result) == 1


def save_content(
    session: Session, content_hash: str, platform: str, messages: Sequence[Any], *, now: datetime
) -> None:
    """Store a digest's rendered messages under their hash (kept when the hash is there already)."""
    if session.get(DeliveryContent, content_hash) is None:
        dialect = session.get_bind().dialect.name
        if dialect in {"postgresql", "sqlite"}:  # two workers storing the same digest race harmlessly
            insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
            session.execute(
                insert(DeliveryContent)
                .values(
                    hash=content_hash,
                    platform=platform,
                    messages=list(messages),
                    created_at=now,
                )
                .on_conflict_do_nothing(index_elements=[DeliveryContent.hash])
            )
        else:  # pragma: no cover - other backends
            session.add(
                DeliveryContent(hash=content_hash, platform=platform, messages=list(messages), created_at=now)
            )


def load_content(session: Session, content_hash: str) -> list[Any] | None:
    row = session.get(DeliveryContent, content_hash)
    return list(row.messages) if row is not None else None


def pin_content(session: Session, delivery_id: int, content_hash: str) -> str:
    """Fix the content a pending delivery sends (first writer wins); returns the pinned hash."""
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.content_hash.is_(None))
        .values(content_hash=content_hash)
        .execution_options(synchronize_session=False)
    )
    return session.scalar(select(Delivery.content_hash).where(Delivery.id == delivery_id)) or content_hash


def note_in_doubt(session: Session, delivery_id: int) -> None:
    """Count a send of this delivery whose outcome is unknown (the message is resent)."""
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(in_doubt=Delivery.in_doubt + 1)
        .execution_options(synchronize_session=False)
    )


def prune_contents(session: Session, before: datetime) -> int:
    """Delete stored contents older than `before` that no pending delivery still needs."""
    needed = select(Delivery.content_hash).where(
        Delivery.status == DELIVERY_PENDING, Delivery.content_hash.is_not(None)
    )
    result = session.execute(
        delete(DeliveryContent)
        .where(DeliveryContent.created_at < before, DeliveryContent.hash.not_in(needed))
        .execution_options(synchronize_session=False)
    )
    return int(_rowcount(result) or 0)


def release_delivery(
    session: Session,
    delivery_id: int,
    worker: str,
    *,
    next_attempt_at: datetime,
    attempts: int,
    error: str | None = None,
    failed_pass: bool = False,
) -> bool:
    """Give a claimed row back, to be retried at `next_attempt_at` (by any worker)."""
    values: dict[str, Any] = {
        "claimed_by": None,
        "lease_until": None,
        "next_attempt_at": next_attempt_at,
        "attempts": attempts,
    }
    if error is not None:
        values["last_error"] = error[:512]
    if failed_pass:
        values["failures"] = Delivery.failures + 1
    result = session.execute(
        update(Delivery)
        .where(_owned(delivery_id, worker))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result) == 1


def finish_delivery(
    session: Session,
    delivery_id: int,
    status: DeliveryStatus,
    *,
    now: datetime,
    attempts: int | None = None,
    error: str | None = None,
) -> bool:
    """End a pending row without (further) sending: skipped, superseded, cancelled, gone or failed."""
    values: dict[str, Any] = {"status": status, "claimed_by": None, "lease_until": None}
    if status == DeliveryStatus.SKIPPED:
        values["delivered_at"] = now
    if attempts is not None:
        values["attempts"] = attempts
    if error is not None:
        values["last_error"] = error[:512]
    result = session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == DELIVERY_PENDING)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result) == 1


def release_worker_claims(session: Session, worker: str) -> int:
    """Hand back every pending row this worker holds (on a clean shutdown), claimable at once."""
    result = session.execute(
        update(Delivery)
        .where(Delivery.claimed_by == worker, Delivery.status == DELIVERY_PENDING)
        .values(claimed_by=None, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(_rowcount(result) or 0)


def previous_window_end(session: Session, subscription_id: int, period: date) -> datetime | None:
    """Where the last closed digest of this subscription before `period` stopped (None: never)."""
    return session.scalar(
        select(func.max(Delivery.window_end)).where(
            Delivery.subscription_id == subscription_id,
            Delivery.period < period,
            Delivery.status.in_(DELIVERY_DONE),
        )
    )


def newer_delivery_exists(session: Session, subscription_id: int, period: date) -> bool:
    return (
        session.scalar(
            select(func.count())
            .select_from(Delivery)
            .where(Delivery.subscription_id == subscription_id, Delivery.period > period)
        )
        or 0
    ) > 0


def articles_in_window(
    session: Session, start: datetime, end: datetime, *, limit: int = 200, feeds: Feeds = ()
) -> Sequence[StoredArticle]:
    """Articles ingested in (start, end], newest first: the operator's and those of the chat feeds
    `feeds` (the digest of a chat with those own sources)."""
    return session.scalars(
        select(StoredArticle)
        .where(StoredArticle.ingested_at > start, StoredArticle.ingested_at <= end)
        .where(visible_to(feeds))
        .order_by(StoredArticle.ingested_at.desc(), StoredArticle.id)
        .limit(limit)
    ).all()


def matching_in_window(
    session: Session,
    start: datetime,
    end: datetime,
    include: Sequence[str],
    exclude: Sequence[str],
    *,
    limit: int = 200,
    feeds: Feeds = (),
) -> Sequence[StoredArticle]:
    """Articles ingested in (start, end], newest first, whose text (headline, summary, topic labels)
    holds every word of one of the `include` terms (any article when there are none) and none of the
    `exclude` words: the database's full-text index decides, as it does for /brief WORDS. Like
    `articles_in_window`, the operator's stories and those of the chat feeds `feeds`."""
    if not include and not exclude:  # no filter: the window as it is
        return articles_in_window(session, start, end, limit=limit, feeds=feeds)
    window = and_(StoredArticle.ingested_at > start, StoredArticle.ingested_at <= end, visible_to(feeds))
    if session.get_bind().dialect.name not in INDEXED_DIALECTS:
        matcher = WordMatcher(session.get_bind().dialect.name)
        rows = session.scalars(
            select(StoredArticle).where(window).order_by(StoredArticle.ingested_at.desc(), StoredArticle.id)
        ).all()
        return [
            r
            for r in rows
            if (not include or any(matcher.matches(_field_text(r, "text"), t) for t in include))
            and not any(matcher.matches(_field_text(r, "text"), w) for w in exclude)
        ][:limit]
    stmt = select(StoredArticle).where(window)
    wanted = [_holds_words(session, "text", t, query_words(t)) for t in include if query_words(t)]
    if include:
        stmt = stmt.where(or_(*wanted) if wanted else literal_column("0") == 1)
    for word in exclude:
        if query_words(word):
            stmt = stmt.where(~_holds_words(session, "text", word, query_words(word)))
    return session.scalars(
        stmt.order_by(StoredArticle.ingested_at.desc(), StoredArticle.id).limit(limit)
    ).all()


def get_subscription_by_id(session: Session, subscription_id: int) -> Subscription | None:
    return session.get(Subscription, subscription_id)


def worker_heartbeat(session: Session, worker: str, now: datetime, *, live_within: float) -> int:
    """Record that `worker` is alive; return how many workers are (heartbeat within `live_within` s)."""
    row = session.get(DeliveryWorker, worker)
    if row is None:
        session.add(DeliveryWorker(id=worker, heartbeat_at=now, started_at=now))
    else:
        row.heartbeat_at = now
    session.flush()
    cutoff = now - timedelta(seconds=live_within)
    session.execute(delete(DeliveryWorker).where(DeliveryWorker.heartbeat_at < cutoff - timedelta(days=1)))
    return int(
        session.scalar(
            select(func.count()).select_from(DeliveryWorker).where(DeliveryWorker.heartbeat_at >= cutoff)
        )
        or 1
    )


def remove_worker(session: Session, worker: str) -> None:
    session.execute(delete(DeliveryWorker).where(DeliveryWorker.id == worker))


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE matched: `Session.execute` is typed as returning a Result, and for such a
    statement it returns a CursorResult, which counts them."""
    return cast(CursorResult[Any], result).rowcount
