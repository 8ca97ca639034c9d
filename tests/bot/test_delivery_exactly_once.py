"""Exactly once beyond crashes (issue #12, item 4), over real HTTP against the fake Bot API and Slack API:
each message of a digest is sent and recorded on its own, a retry sends only what is not recorded, the
messages never change between tries, a record survives a short database outage, and a send whose outcome
is unknown (accepted, then the answer came too late) is counted as in doubt and resent once."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, update

from bot.metrics import REGISTRY, render_metrics
from bot.platforms.slack.sender import SlackSender
from bot.platforms.telegram.render import render_telegram
from bot.platforms.telegram.sender import TelegramSender
from bot.ratelimit import Pacers
from bot.reply import Reply
from bot.scheduler import DigestScheduler
from bot.senders import InDoubt, Transient
from bot.settings import load_settings
from bot.store import Database, open_database
from bot.store.models import DeliveryContent, StoredArticle
from tests.bot.delivery_support import (
    FakeClock,
    FakeSender,
    deliveries,
    news_articles,
    past_hhmm,
    store_news,
    subscribe,
)
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.telegram_api import FakeTelegramApi, SentMessage

TOKEN = "7000000001:AAHfakeTokenForTests_abcdefghijkLMNO"
CHAT = 4242
FAST = {"backoff_base": 0.05, "backoff_cap": 0.2, "record_backoff_base": 0.1}  # real sleeps: keep short
SMALL = 700  # a digest rendered with this limit goes out as several messages


def small_telegram(reply: Reply) -> list[str]:
    return render_telegram(reply, limit=SMALL)


def in_doubt_count(platform: str) -> float:
    return REGISTRY.get_sample_value("briefbot_deliveries_in_doubt_total", {"platform": platform}) or 0.0


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "once.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{db_path}")
    now = datetime.now(UTC)
    subscribe(database, str(CHAT), past_hhmm(now), "UTC", when=now - timedelta(days=2))
    store_news(database, news_articles(6, folder="cnn"), now - timedelta(hours=2))
    yield database
    database.dispose()


def telegram_bot(
    db: Database, tg: FakeTelegramApi, *, timeout: float = 2.0, clock: Callable[[], datetime] | None = None
) -> tuple[DigestScheduler, TelegramSender]:
    settings = load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=tg.base_url)
    sender = TelegramSender.from_settings(settings, timeout=timeout)
    options: dict[str, Any] = {**FAST, "renderers": {"telegram": small_telegram}}
    if clock is not None:
        options["clock"] = clock
    return DigestScheduler(db, settings, {"telegram": sender}, **options), sender


def stored_messages(db: Database) -> list[str]:
    """The digest's messages as stored before the first send (the row names them by hash)."""
    row = deliveries(db)[0]
    with db.session() as session:
        content = session.get(DeliveryContent, row.content_hash)
        assert content is not None
        return list(content.messages)


async def test_accepted_then_timed_out_is_in_doubt_counted_and_resent_once(db: Database) -> None:
    before = in_doubt_count("telegram")
    async with FakeTelegramApi(token=TOKEN) as tg:
        tg.fail(CHAT, "accept_then_timeout", delay=3.0)  # the header is delivered, the answer is late
        bot, sender = telegram_bot(db, tg, timeout=0.5)
        report = await bot.tick()
        await sender.close()

    messages = stored_messages(db)
    got = [m.text for m in tg.sent_to(CHAT)]
    assert len(messages) >= 3 and len(tg.accepted_then_timed_out) == 1
    # at least once: the message in doubt was sent again, every other message exactly once, in order
    assert got == [messages[0], *messages]
    row = deliveries(db)[0]
    assert row.status == "delivered" and row.parts_sent == len(messages) and row.in_doubt == 1
    assert row.message_ids == [str(m.message_id) for m in tg.sent_to(CHAT)[1:]]
    duplicates = len(got) - len(row.message_ids)
    assert report.in_doubt == 1 and duplicates == 1 <= report.in_doubt
    assert in_doubt_count("telegram") == before + 1
    assert b"briefbot_deliveries_in_doubt_total" in render_metrics()[0]


async def test_slack_post_answered_too_late_is_in_doubt_and_resent_once(db: Database) -> None:
    now = datetime.now(UTC)
    subscribe(db, "C42", past_hhmm(now), "UTC", when=now - timedelta(days=2), platform="slack")
    before = in_doubt_count("slack")
    async with FakeSlackApi(token="xoxb-test") as slack:
        slack.fail("C42", None, delay=3.0, accept=True)  # posted; the answer comes after the timeout
        sender = SlackSender("xoxb-test", slack.base_url, timeout=0.5)
        report = await DigestScheduler(db, load_settings({}), {"slack": sender}, **FAST).tick()
        await sender.close()

    posts = slack.posts_to("C42")
    row = next(r for r in deliveries(db) if r.platform == "slack")
    assert report.in_doubt == 1 and in_doubt_count("slack") == before + 1
    assert len(posts) == 2 and posts[0].blocks == posts[1].blocks  # the one message, twice
    assert row.status == "delivered" and row.in_doubt == 1 and row.message_ids == [posts[1].ts]


async def test_a_500_on_the_second_message_resends_only_that_message(db: Database) -> None:
    async with FakeTelegramApi(token=TOKEN) as tg:
        tg.fail(CHAT, "server_error", after=1)  # the first message passes, the second gets a 500
        bot, sender = telegram_bot(db, tg)
        report = await bot.tick()
        await sender.close()

    messages = stored_messages(db)
    got = [m.text for m in tg.sent_to(CHAT)]
    assert len(messages) >= 3 and tg.count_5xx == 1
    assert got == messages  # the first once, the second after the 500, the rest once
    assert report.transient_errors == 1 and report.in_doubt == 0
    row = deliveries(db)[0]
    assert row.status == "delivered" and row.in_doubt == 0
    assert row.message_ids == [str(m.message_id) for m in tg.sent_to(CHAT)]


async def test_a_database_outage_right_after_a_send_resends_nothing(db: Database, db_path: Path) -> None:
    """The database refuses writes for 1.5 s from the moment the first message is accepted: the record
    is retried in the process, and a later pass (past the 120 s lease) has nothing left to send."""
    event.listen(db.engine, "connect", lambda conn, _record: conn.execute("PRAGMA busy_timeout=50"))
    db.engine.dispose()  # new connections: writes fail fast while the file is locked
    locked, released = threading.Event(), threading.Event()

    def hold_lock() -> None:
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        locked.set()
        threading.Event().wait(1.5)
        blocker.execute("COMMIT")
        blocker.close()
        released.set()

    def outage(message: SentMessage) -> None:
        if not locked.is_set():
            threading.Thread(target=hold_lock, daemon=True).start()
            assert locked.wait(5)

    offset = timedelta(0)

    def clock() -> datetime:
        return datetime.now(UTC) + offset

    async with FakeTelegramApi(token=TOKEN) as tg:
        tg.on_accept = outage
        bot, sender = telegram_bot(db, tg, clock=clock)
        first = await bot.tick()
        assert await asyncio.to_thread(released.wait, 5)  # the database is back
        offset = timedelta(seconds=125)  # any lease taken in the first pass has lapsed
        second = await bot.tick()
        await sender.close()

    messages = stored_messages(db)
    got = [m.text for m in tg.sent_to(CHAT)]
    assert locked.is_set() and first.record_retries >= 1 and first.unrecorded == 0
    assert got == messages  # each once
    assert first.delivered == 1 and second.messages == 0
    row = deliveries(db)[0]
    assert row.status == "delivered" and row.message_ids == [str(m.message_id) for m in tg.sent_to(CHAT)]


async def test_a_retry_sends_the_stored_messages_even_after_the_stories_were_reanalysed(
    db: Database,
) -> None:
    """Part 1 goes out, then the platform fails until the pass gives up; the stories are re-analysed (new
    headlines) before a new process retries: it sends parts 2… of the digest part 1 began."""
    clock = FakeClock(datetime.now(UTC))
    sender = FakeSender(clock=clock)
    sender.script[str(CHAT)] = [None] + [Transient("502")] * 4

    def bot() -> DigestScheduler:
        return DigestScheduler(
            db,
            load_settings({}),
            {"telegram": sender},
            clock=clock,
            sleep=clock.sleep,
            pacers=Pacers(monotonic=clock.monotonic, sleep=clock.sleep),
            renderers={"telegram": small_telegram},
        )

    first = await bot().tick()
    assert first.gave_up == 1 and len(sender.sent) == 1
    with db.session() as session:
        for article in session.scalars(select(StoredArticle)):
            session.execute(
                update(StoredArticle)
                .where(StoredArticle.id == article.id)
                .values(headline=f"REVISED {article.headline}", analysis_version=article.analysis_version + 1)
            )
    clock.advance(minutes=2)
    await bot().tick()  # a new process: nothing in memory

    messages = stored_messages(db)
    assert [s.message for s in sender.to(str(CHAT))] == messages
    assert not any("REVISED" in s.text for s in sender.sent)
    assert deliveries(db)[0].status == "delivered"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_telegram_sender_tells_in_doubt_from_not_sent() -> None:
    async with FakeTelegramApi(token=TOKEN) as tg:
        settings = load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=tg.base_url)
        sender = TelegramSender.from_settings(settings, timeout=0.5)
        tg.fail(CHAT, "accept_then_timeout", delay=2.0)
        with pytest.raises(InDoubt):  # the request left; Telegram has the message
            await sender.send_rendered(str(CHAT), "hello")
        assert [m.text for m in tg.sent_to(CHAT)] == ["hello"]
        await sender.close()
    nowhere = load_settings(
        {}, telegram_bot_token=TOKEN, telegram_api_base_url=f"http://127.0.0.1:{closed_port()}/bot"
    )
    sender = TelegramSender.from_settings(nowhere, timeout=0.5)
    with pytest.raises(Transient) as refused:  # connection refused: surely not sent
        await sender.send_rendered(str(CHAT), "hello")
    assert not isinstance(refused.value, InDoubt)
    await sender.close()


async def test_slack_sender_tells_in_doubt_from_not_sent() -> None:
    message = {"text": "hello", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}]}
    async with FakeSlackApi(token="xoxb-test") as slack:
        sender = SlackSender("xoxb-test", slack.base_url, timeout=0.5)
        slack.fail("C1", None, delay=2.0, accept=True)
        with pytest.raises(InDoubt):
            await sender.send_rendered("C1", message)
        assert [p.text for p in slack.posts_to("C1")] == ["hello"]
        await sender.close()
    sender = SlackSender("xoxb-test", f"http://127.0.0.1:{closed_port()}/api/", timeout=0.5)
    with pytest.raises(Transient) as refused:
        await sender.send_rendered("C1", message)
    assert not isinstance(refused.value, InDoubt)
    await sender.close()


def test_stored_contents_are_pruned_once_no_pending_delivery_needs_them(db: Database) -> None:
    from bot.store.repo import pin_content, prune_contents, save_content

    now = datetime.now(UTC)
    old = now - timedelta(days=4)
    with db.session() as session:
        save_content(session, "a" * 64, "telegram", ["pinned by the pending row"], now=old)
        save_content(session, "b" * 64, "telegram", ["needed by nobody"], now=old)
        save_content(session, "c" * 64, "telegram", ["recent"], now=now)
    db_row = pending_row(db, now)
    with db.session() as session:
        assert pin_content(session, db_row, "a" * 64) == "a" * 64
        assert pin_content(session, db_row, "d" * 64) == "a" * 64  # the first pin stays
        assert prune_contents(session, now - timedelta(days=3)) == 1
        left = set(session.scalars(select(DeliveryContent.hash)))
    assert left == {"a" * 64, "c" * 64}


def pending_row(db: Database, now: datetime) -> int:
    """Create the pending delivery the subscription owes now; its id."""
    from bot.delivery import Outbox

    Outbox(db, load_settings({}), {"telegram": FakeSender()}).create_due(now)
    return deliveries(db)[0].id
