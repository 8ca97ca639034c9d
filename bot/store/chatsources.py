"""Queries about the chats' own sources (/sources): the feeds chats added, which chat has which, and the
stories only a chat's feeds brought. `visible_to` is the one rule for which stories a chat is shown:
the operator's (no row in chat_feed_articles) plus those of the chat's own feeds."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, delete, exists, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from bot.store.models import ArticleChanges, ChatFeed, ChatFeedArticle, ChatSource, StoredArticle
from bot.store.rowcache import row_cache

CHUNK = 500  # ids per IN list
COUNTED_DIALECTS = frozenset({"sqlite", "postgresql"})  # where migration 0006 keeps the change counter

Feeds = tuple[int, ...]  # a chat's own feeds, sorted: what its answers and digests depend on


@dataclass(frozen=True)
class ChatSourceRow:
    """One of a chat's sources as /sources lists it."""

    id: int
    feed_id: int
    url: str
    title: str
    last_fetched_at: datetime | None
    last_result: str | None
    last_ok: bool


@dataclass(frozen=True)
class PolledFeed:
    id: int
    url: str


def visible_to(feeds: Sequence[int]) -> ColumnElement[bool]:
    """The stories a chat whose own feeds are `feeds` may be shown: those no chat's feed brought alone
    (the operator's sources), and those one of `feeds` brought. Never another chat's own."""
    link = ChatFeedArticle.__table__.c
    private = exists().where(link.article_id == StoredArticle.id)
    if not feeds:
        return ~private
    mine = exists().where(link.article_id == StoredArticle.id, link.feed_id.in_(list(feeds)))
    return ~private | mine


def chat_feed_ids(session: Session, platform: str, chat_id: str) -> Feeds:
    rows = session.scalars(
        select(ChatSource.feed_id)
        .where(ChatSource.platform == platform, ChatSource.chat_id == chat_id)
        .order_by(ChatSource.feed_id)
    )
    return tuple(rows)


def chat_feeds_at(session: Session, stamp: Hashable, platform: str, chat_id: str) -> Feeds:
    """chat_feed_ids, from a map of every chat's feeds read once per store change stamp (`stamp`:
    repo.articles_stamp, which adding or removing a source moves) and kept in the row cache: so a
    command reads nothing more than the stamp once the map is made (prepare_front_page makes it after
    an ingest). Where the stamp is not the counter (other backends), read for each command."""
    if session.get_bind().dialect.name not in COUNTED_DIALECTS:
        return chat_feed_ids(session, platform, chat_id)
    return every_chat_feeds(session, stamp).get((platform, chat_id), ())


def every_chat_feeds(session: Session, stamp: Hashable) -> dict[tuple[str, str], Feeds]:
    """(platform, chat id) -> its own feeds, for every chat that has any; made once per `stamp`."""
    cache = row_cache(session)
    key = ("chat feeds", stamp)
    made = cache.derived(key)
    if made is None:
        found: dict[tuple[str, str], list[int]] = {}
        stmt = select(ChatSource.platform, ChatSource.chat_id, ChatSource.feed_id).order_by(
            ChatSource.feed_id
        )
        for platform, chat_id, feed_id in session.execute(stmt):
            found.setdefault((platform, chat_id), []).append(feed_id)
        made = {chat: tuple(feeds) for chat, feeds in found.items()}
        cache.keep(key, made)
    return made


def _rows(session: Session, *where: ColumnElement[bool]) -> list[ChatSourceRow]:
    stmt = (
        select(
            ChatSource.id,
            ChatFeed.id,
            ChatFeed.url,
            ChatFeed.title,
            ChatFeed.last_fetched_at,
            ChatFeed.last_result,
            ChatFeed.last_ok,
        )
        .join(ChatFeed, ChatFeed.id == ChatSource.feed_id)
        .where(*where)
        .order_by(ChatSource.id)
    )
    return [ChatSourceRow(*row) for row in session.execute(stmt)]


def _of_chat(platform: str, chat_id: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return ChatSource.platform == platform, ChatSource.chat_id == chat_id


def list_chat_sources(session: Session, platform: str, chat_id: str) -> list[ChatSourceRow]:
    """The chat's own sources, oldest first."""
    return _rows(session, *_of_chat(platform, chat_id))


def count_chat_sources(session: Session, platform: str, chat_id: str) -> int:
    stmt = select(func.count()).select_from(ChatSource).where(*_of_chat(platform, chat_id))
    return int(session.scalar(stmt) or 0)


def find_chat_source(session: Session, platform: str, chat_id: str, url: str) -> ChatSourceRow | None:
    """The chat's source at this (normalised) URL, if it has one."""
    found = _rows(session, *_of_chat(platform, chat_id), ChatFeed.url == url)
    return found[0] if found else None


def add_chat_source(
    session: Session,
    platform: str,
    chat_id: str,
    url: str,
    title: str,
    *,
    now: datetime,
    result: str | None = None,
) -> ChatSourceRow:
    """Give the chat the feed at `url` (normalised), creating the feed once for every chat that adds it.
    `result`: what a fetch just found (kept as the feed's last result)."""
    feed = session.scalar(select(ChatFeed).where(ChatFeed.url == url))
    if feed is None:
        feed = ChatFeed(url=url, title=title[:500] or url, created_at=now, last_ok=True)
        session.add(feed)
    elif title:
        feed.title = title[:500]
    if result is not None:
        feed.last_fetched_at, feed.last_result, feed.last_ok = now, result[:512], True
    session.flush()
    existing = find_chat_source(session, platform, chat_id, url)
    if existing is not None:
        return existing
    session.add(ChatSource(platform=platform, chat_id=chat_id, feed_id=feed.id, added_at=now))
    session.flush()
    _bump(session)  # the chat's answers change when the feed's stories were stored already
    found = find_chat_source(session, platform, chat_id, url)
    assert found is not None
    return found


def remove_chat_source(session: Session, platform: str, chat_id: str, source_id: int) -> ChatSourceRow | None:
    """Take the source `source_id` from the chat (only its own); None when the chat has no such source.
    The feed stays (unpolled when no chat has it), so its stories stay private to the chats that have it,
    until bot/retention.py deletes it a day after its last fetch."""
    found = _rows(session, *_of_chat(platform, chat_id), ChatSource.id == source_id)
    if not found:
        return None
    session.execute(delete(ChatSource).where(ChatSource.id == source_id))
    _bump(session)
    return found[0]


def feeds_to_poll(session: Session) -> list[PolledFeed]:
    """Every feed at least one chat has, once each."""
    has_chat = exists().where(ChatSource.feed_id == ChatFeed.id)
    rows = session.execute(select(ChatFeed.id, ChatFeed.url).where(has_chat).order_by(ChatFeed.id))
    return [PolledFeed(i, u) for i, u in rows]


def abandoned_feeds(session: Session, before: datetime) -> list[PolledFeed]:
    """The feeds no chat has any more, unfetched since `before` (a feed is fetched while a chat has it)."""
    has_chat = exists().where(ChatSource.feed_id == ChatFeed.id)
    unfetched = ChatFeed.last_fetched_at.is_(None) | (ChatFeed.last_fetched_at < before)
    rows = session.execute(
        select(ChatFeed.id, ChatFeed.url).where(~has_chat, unfetched).order_by(ChatFeed.id)
    )
    return [PolledFeed(i, u) for i, u in rows]


def delete_abandoned_feed(session: Session, feed_id: int) -> int | None:
    """Delete a feed no chat has, with the stories only it brought (no other feed has them and the
    operator's sources did not bring them: nobody sees them); how many stories went. None, and nothing
    deleted, when a chat has the feed again."""
    if session.scalar(select(exists().where(ChatSource.feed_id == feed_id))):
        return None
    link = ChatFeedArticle.__table__.c
    theirs = select(link.article_id).where(link.feed_id == feed_id)
    elsewhere = select(link.article_id).where(link.feed_id != feed_id)
    result = session.execute(
        delete(StoredArticle)
        .where(StoredArticle.id.in_(theirs), StoredArticle.id.not_in(elsewhere))
        .execution_options(synchronize_session=False)
    )
    session.execute(delete(ChatFeed).where(ChatFeed.id == feed_id))
    return int(cast(CursorResult[Any], result).rowcount or 0)


def record_feed_result(session: Session, feed_id: int, result: str, *, ok: bool, now: datetime) -> None:
    session.execute(
        update(ChatFeed)
        .where(ChatFeed.id == feed_id)
        .values(last_fetched_at=now, last_result=result[:512], last_ok=ok)
    )


def tag_new_articles(session: Session, feed_id: int | None, article_ids: Iterable[str]) -> None:
    """Mark stories the feed just brought (and no operator source has): private to its chats. Nothing
    for the operator's sources (`feed_id` None): their stories are every chat's."""
    if feed_id is None:
        return
    session.flush()  # the stories first: the tags refer to them
    session.add_all(ChatFeedArticle(article_id=a, feed_id=feed_id) for a in article_ids)


def share_private_articles(session: Session, feed_id: int, article_ids: Sequence[str]) -> int:
    """The feed brought stories stored already: those private to other feeds become visible to this
    feed's chats too (operator stories are visible to all already). Returns how many were shared."""
    link = ChatFeedArticle.__table__.c
    shared = 0
    for start in range(0, len(article_ids), CHUNK):
        ids = list(article_ids[start : start + CHUNK])
        private = set(session.scalars(select(link.article_id).where(link.article_id.in_(ids)).distinct()))
        mine = set(
            session.scalars(select(link.article_id).where(link.article_id.in_(ids), link.feed_id == feed_id))
        )
        tag_new_articles(session, feed_id, sorted(private - mine))
        shared += len(private - mine)
    if shared:
        _bump(session)
    return shared


def publish_articles(session: Session, article_ids: Sequence[str]) -> int:
    """An operator source brought these stories too: every chat sees them now. Returns how many were
    private before."""
    link = ChatFeedArticle.__table__.c
    published = 0
    for start in range(0, len(article_ids), CHUNK):
        ids = list(article_ids[start : start + CHUNK])
        private = set(session.scalars(select(link.article_id).where(link.article_id.in_(ids)).distinct()))
        if private:
            session.execute(delete(ChatFeedArticle).where(link.article_id.in_(sorted(private))))
            published += len(private)
    if published:
        _bump(session)
    return published


def _bump(session: Session) -> None:
    """Tell readers the stories a chat sees changed (repo.articles_stamp reads this counter where
    migration 0006 keeps it; elsewhere the stamp cannot see it, and the chat's feeds in the cache keys
    still change with /sources add and remove)."""
    bump = update(ArticleChanges).where(ArticleChanges.id == 1)
    session.execute(bump.values(changes=ArticleChanges.changes + 1))
