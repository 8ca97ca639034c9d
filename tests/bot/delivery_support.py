"""Helpers for the outbox and scheduler tests: a settable clock, an in-process Sender with scripted
answers, real news articles stored with chosen ingest times, and subscriptions made at a chosen time."""

from __future__ import annotations

import asyncio
import html
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.render.text import render_text
from bot.reply import Reply
from bot.store.db import Database
from bot.store.models import Delivery, Subscription
from bot.store.repo import add_article, add_subscription
from summarizer.analysis import Analysis
from summarizer.article import Article, parse_text
from summarizer.text import split_sentences
from tests.shared_data import SHARED_DATA

NEWS = SHARED_DATA / "news"


class FakeClock:
    """Virtual time: a UTC clock, a monotonic clock and a sleep that moves both instead of waiting.

    Pass `clock`, `sleep=clock.sleep` and `Pacers(monotonic=clock.monotonic, sleep=clock.sleep)`: back-
    offs and rate-limit waits then take no real time but still show on the clock (and in `sleeps`).
    """

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.t = 0.0
        self.sleeps: list[float] = []
        self.backoffs: list[float] = []  # sleeps through `backoff_sleep` (the outbox's own waits)

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=self.t)

    def monotonic(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += max(0.0, seconds)
        await asyncio.sleep(0)

    async def backoff_sleep(self, seconds: float) -> None:
        self.backoffs.append(seconds)
        await self.sleep(seconds)

    def advance(self, **delta: float) -> datetime:
        self.t += timedelta(**delta).total_seconds()
        return self()

    def set(self, when: datetime) -> None:
        self.t = (when - self.start).total_seconds()


@dataclass
class Sent:
    chat_id: str
    message: Any  # one rendered message: {"text": …} (FakeSender.render), or Telegram HTML (a renderer)
    message_id: str
    at: float  # the FakeClock's monotonic time (0 without a clock)
    thread: str | None = None  # where in the chat it went (the sender's `thread`)

    @property
    def text(self) -> str:
        if isinstance(self.message, dict):
            return str(self.message["text"])
        return html.unescape(re.sub(r"<[^>]+>", "", str(self.message)))


@dataclass
class FakeSender:
    """A Sender recording what it sends (a reply renders to one text message); `script[chat_id]` holds
    exceptions (or None: success) to answer with, in order, before it accepts messages for that chat;
    `fail_always[chat_id]` answers every time."""

    platform: str = "telegram"
    sent: list[Sent] = field(default_factory=list)
    script: dict[str, list[Exception | None]] = field(default_factory=dict)
    fail_always: dict[str, Exception] = field(default_factory=dict)
    calls: int = 0
    delay: float = 0.0  # real seconds each send takes
    clock: FakeClock | None = None
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def render(self, reply: Reply) -> list[Any]:
        return [{"text": render_text(reply)}]

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        return [await self.send_rendered(chat_id, message) for message in self.render(reply)]

    async def send_rendered(
        self, chat_id: str, message: Any, *, thread: str | None = None, earlier: Sequence[str] = ()
    ) -> str:
        self.calls += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if chat_id in self.fail_always:
            raise self.fail_always[chat_id]
        queue = self.script.get(chat_id)
        if queue:
            answer = queue.pop(0)
            if answer is not None:
                raise answer
        message_id = str(next(self._ids))
        self.sent.append(Sent(chat_id, message, message_id, self.clock.t if self.clock else 0.0, thread))
        return message_id

    def to(self, chat_id: str) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]


def news_articles(count: int, folder: str = "bbc", *, skip: int = 0) -> list[Article]:
    """Real articles from the shared news corpus (sorted by file name)."""
    files = sorted((NEWS / folder).glob("*.txt"))[skip : skip + count]
    assert len(files) == count, f"shared news corpus missing under {NEWS / folder}"
    return [parse_text(f.read_text(encoding="utf-8"), source=str(f)) for f in files]


def light_analysis(article: Article) -> Analysis:
    """Lead-2 summary: enough for digests without running the summarizers."""
    return Analysis(summary=tuple(split_sentences(article.body)[:2]))


def store_news(db: Database, articles: Iterable[Article], ingested_at: datetime) -> list[str]:
    ids: list[str] = []
    with db.session() as session:
        for offset, article in enumerate(articles):
            add_article(
                session, article, light_analysis(article), ingested_at=ingested_at + timedelta(seconds=offset)
            )
            ids.append(article.id)
    return ids


def subscribe(
    db: Database,
    chat_id: str,
    at: str,
    zone: str,
    *,
    when: datetime,
    platform: str = "telegram",
    days: str = "daily",
    topic_filter: str = "",
) -> int:
    """A subscription as /subscribe makes it, made at `when` (the clock of the test)."""
    with db.session() as session:
        sub, _new = add_subscription(
            session, platform, chat_id, days=days, delivery_time=at, timezone=zone, topic_filter=topic_filter
        )
        sub.created_at = sub.updated_at = when
        session.flush()
        return sub.id


def subscribe_many(
    db: Database,
    n: int,
    at: str,
    zone: str,
    *,
    when: datetime,
    platform: str = "telegram",
    prefix: str = "",
    filters: Sequence[str] = ("",),
) -> None:
    """`n` chats subscribed at once; chat i gets filters[i % len(filters)] ("": every story)."""
    with db.session() as session:
        session.add_all(
            [
                Subscription(
                    platform=platform,
                    chat_id=f"{prefix}{i}",
                    delivery_time=at,
                    timezone=zone,
                    topic_filter=filters[i % len(filters)],
                    active=True,
                    created_at=when,
                    updated_at=when,
                )
                for i in range(1, n + 1)
            ]
        )


def deliveries(db: Database) -> list[Delivery]:
    from sqlalchemy import select

    with db.session() as session:
        return list(session.scalars(select(Delivery).order_by(Delivery.id)))


def subscription(db: Database, sub_id: int) -> Subscription:
    with db.session() as session:
        sub = session.get(Subscription, sub_id)
        assert sub is not None
        return sub


def at_utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def past_hhmm(now: datetime, hours: int = 1) -> str:
    """A delivery time that passed `hours` ago: due now, and still the same period for the next hours
    (tests on the real clock then never straddle a period boundary, whatever the time of day)."""
    return (now - timedelta(hours=hours)).astimezone(UTC).strftime("%H:%M")
