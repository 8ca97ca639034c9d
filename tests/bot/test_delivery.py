"""The outbox with time under control: one digest per subscription and day, on SQLite and PostgreSQL —
across ticks, restarts, downtime, rate limits, server errors and blocked chats."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.delivery import Outbox
from bot.metrics import REGISTRY
from bot.platforms.telegram.render import render_telegram
from bot.ratelimit import UNLIMITED, Pacers
from bot.scheduler import DigestScheduler
from bot.senders import ChatGone, RetryLater, SendError, Transient
from bot.settings import load_settings
from bot.store import Database, open_database
from bot.store.repo import deactivate_subscription
from tests.bot.delivery_support import (
    FakeClock,
    FakeSender,
    at_utc,
    deliveries,
    news_articles,
    store_news,
    subscribe,
    subscribe_many,
    subscription,
)
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

START = at_utc(2026, 12, 1, 6, 0)  # 07:00 in Berlin (CET, UTC+1)
BERLIN_8 = at_utc(2026, 12, 1, 7, 0)  # 08:00 in Berlin


def _metric(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'outbox.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


def scheduler(
    db: Database, sender: FakeSender, clock: FakeClock, *, empty: str = "notice", **options: object
) -> DigestScheduler:
    sender.clock = clock
    settings = load_settings({}, empty_digest=empty)
    pacers = Pacers(monotonic=clock.monotonic, sleep=clock.sleep)
    return DigestScheduler(
        db,
        settings,
        {sender.platform: sender},
        clock=clock,
        sleep=clock.backoff_sleep,
        pacers=pacers,
        **options,
    )


async def test_one_digest_a_day_with_what_is_new(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    old = store_news(db, news_articles(2, skip=0), START - timedelta(hours=40))
    first = store_news(db, news_articles(4, skip=2), START - timedelta(hours=10))
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    bot = scheduler(db, sender, clock)

    clock.set(BERLIN_8 - timedelta(minutes=1))
    await bot.tick()
    assert sender.sent == []  # 07:59 in Berlin: not yet

    clock.set(BERLIN_8 + timedelta(minutes=1))
    for _ in range(5):  # every minute after: still one
        await bot.tick()
        clock.advance(minutes=1)
    assert len(sender.to("100")) == 1
    text = sender.sent[0].text
    for article in news_articles(4, skip=2):
        assert article.headline in text
    for article in news_articles(2, skip=0):  # ingested 40 h ago: not in the first day's digest
        assert article.headline not in text

    store_news(db, news_articles(2, skip=6), START + timedelta(hours=8))
    clock.set(BERLIN_8 + timedelta(days=1) - timedelta(minutes=1))
    await bot.tick()
    assert len(sender.sent) == 1
    clock.advance(minutes=2)
    await bot.tick()
    await bot.tick()
    assert len(sender.to("100")) == 2
    second = sender.sent[1].text
    for article in news_articles(2, skip=6):
        assert article.headline in second
    for article in news_articles(4, skip=2):  # already in yesterday's digest
        assert article.headline not in second
    rows = deliveries(db)
    assert [r.status for r in rows] == ["delivered", "delivered"]
    assert [r.message_ids for r in rows] == [[sender.sent[0].message_id], [sender.sent[1].message_id]]
    assert len(old) == 2 and len(first) == 4


async def test_restart_on_the_same_database_sends_no_second_digest(db_url: str) -> None:
    clock = FakeClock(START)
    db = open_database(db_url)
    store_news(db, news_articles(3), START - timedelta(hours=2))
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    first_sender = FakeSender()
    first = scheduler(db, first_sender, clock)
    clock.set(BERLIN_8 + timedelta(minutes=1))
    await first.tick()
    await first.stop()
    db.dispose()
    assert len(first_sender.sent) == 1

    again = open_database(db_url)  # a new process: new engine, new worker, nothing in memory
    second_sender = FakeSender()
    second = scheduler(again, second_sender, clock)
    for later in (timedelta(minutes=5), timedelta(hours=3), timedelta(hours=15)):
        clock.set(BERLIN_8 + later)
        await second.tick()
    assert second_sender.sent == []
    clock.set(BERLIN_8 + timedelta(days=1, minutes=1))
    await second.tick()
    assert len(second_sender.sent) == 1
    await second.stop()
    again.dispose()


async def test_downtime_sends_one_digest_covering_everything_missed(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    store_news(db, news_articles(1), START - timedelta(hours=1))
    bot = scheduler(db, sender, clock)
    clock.set(BERLIN_8 + timedelta(minutes=1))
    await bot.tick()
    assert len(sender.sent) == 1

    missed = []  # down for three days while news kept coming
    for day in range(1, 4):
        batch = news_articles(2, skip=10 + 2 * day)
        store_news(db, batch, BERLIN_8 + timedelta(days=day, hours=-3))
        missed += batch
    clock.set(BERLIN_8 + timedelta(days=3, hours=2))
    for _ in range(10):
        await bot.tick()
        clock.advance(minutes=1)
    assert len(sender.sent) == 2
    text = sender.sent[1].text
    for article in missed:
        assert article.headline in text
    assert len(deliveries(db)) == 2


async def test_nothing_new_notice_or_silence(db: Database) -> None:
    clock = FakeClock(START)
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    clock.set(BERLIN_8 + timedelta(minutes=3))
    notice = FakeSender()
    await scheduler(db, notice, clock).tick()
    assert len(notice.sent) == 1
    assert notice.sent[0].text.startswith("Nothing new since")
    assert "Nov" in notice.sent[0].text  # the last 24 hours, in the subscriber's zone

    subscribe(db, "200", "08:00", "Europe/Berlin", when=START)
    silent = FakeSender()
    clock.advance(days=1)
    report = await scheduler(db, silent, clock, empty="silent").tick()
    assert silent.sent == []
    assert report.skipped == 2
    assert {r.status for r in deliveries(db)[-2:]} == {"skipped"}


async def test_rate_limits_are_waited_out_and_never_lose_a_digest(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    store_news(db, news_articles(2), START - timedelta(hours=1))
    sender.script["100"] = [RetryLater(7), RetryLater(7), None]
    before = _metric("briefbot_rate_limited_total", platform="telegram")
    bot = scheduler(db, sender, clock)
    clock.set(BERLIN_8)
    t0 = clock.t
    report = await bot.tick()
    assert len(sender.to("100")) == 1 and sender.calls == 3
    assert sender.sent[0].at - t0 >= 14  # both "retry after 7 s" honoured
    assert report.rate_limited == 2 and report.delivered == 1 and report.gave_up == 0
    assert _metric("briefbot_rate_limited_total", platform="telegram") - before == 2


async def test_long_retry_after_hands_the_row_back_until_then(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    sender.script["100"] = [RetryLater(300)]
    bot = scheduler(db, sender, clock)
    clock.set(BERLIN_8)
    report = await bot.tick()
    assert report.deferred == 1 and sender.sent == []
    clock.advance(seconds=240)
    await bot.tick()
    assert sender.sent == []
    clock.advance(seconds=61)
    await bot.tick()
    assert len(sender.sent) == 1


async def test_server_errors_back_off_with_jitter_then_succeed(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    sender.script["100"] = [Transient("502 Bad Gateway"), Transient("timed out"), None]
    bot = scheduler(db, sender, clock)
    clock.set(BERLIN_8)
    report = await bot.tick()
    assert len(sender.sent) == 1 and report.transient_errors == 2
    backoffs = clock.backoffs  # base·2^(n-1) × [0.5, 1.5)
    assert len(backoffs) == 2 and 0.5 <= backoffs[0] < 1.5 and 1.0 <= backoffs[1] < 3.0


async def test_server_errors_give_up_loudly_and_retry_next_tick(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    clock, sender = FakeClock(START), FakeSender()
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    subscribe(db, "200", "08:00", "Europe/Berlin", when=clock())
    sender.fail_always["100"] = Transient("500 Internal Server Error")
    failed_before = _metric("briefbot_digests_failed_total", platform="telegram", reason="transient")
    bot = scheduler(db, sender, clock)
    clock.set(BERLIN_8)
    with caplog.at_level(logging.ERROR, logger="bot.delivery"):
        report = await bot.tick()
    assert report.gave_up == 1 and report.delivered == 1  # chat 200 is not held up
    assert any("gave up" in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)
    failed = _metric("briefbot_digests_failed_total", platform="telegram", reason="transient")
    assert failed - failed_before == 4
    row = next(r for r in deliveries(db) if r.chat_id == "100")
    assert row.status == "pending" and row.failures == 1 and "500" in (row.last_error or "")

    del sender.fail_always["100"]
    clock.advance(seconds=30)
    await bot.tick()
    assert sender.to("100") == []  # not before the next tick's retry time
    clock.advance(seconds=31)
    await bot.tick()
    await bot.tick()
    assert len(sender.to("100")) == 1 and len(sender.to("200")) == 1


async def test_blocked_chat_deactivates_its_subscription_only(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    clock, sender = FakeClock(START), FakeSender()
    blocked = subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    subscribe(db, "200", "08:00", "Europe/Berlin", when=clock())
    sender.fail_always["100"] = ChatGone("Forbidden: bot was blocked by the user")
    bot = scheduler(db, sender, clock)
    clock.set(BERLIN_8)
    with caplog.at_level(logging.WARNING, logger="bot.delivery"):
        await bot.tick()
    sub = subscription(db, blocked)
    assert not sub.active and "blocked" in (sub.deactivated_reason or "")
    assert any("deactivated" in r.getMessage() for r in caplog.records)
    assert len(sender.to("200")) == 1 and sender.to("100") == []
    calls = sender.calls
    clock.advance(days=1)
    await bot.tick()
    assert sender.calls == calls + 1  # only chat 200: nothing is tried for the blocked chat
    assert [r.status for r in deliveries(db) if r.chat_id == "100"] == ["gone"]


async def test_a_permanent_error_fails_that_digest_once(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    sender.script["100"] = [SendError("Bad Request: can't parse entities")]
    bot = scheduler(db, sender, clock)
    clock.set(BERLIN_8)
    report = await bot.tick()
    clock.advance(minutes=5)
    await bot.tick()
    assert report.failed == 1 and sender.calls == 1
    assert deliveries(db)[0].status == "failed"


async def test_multipart_digest_resumes_after_the_last_part_sent(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    store_news(db, news_articles(6), START - timedelta(hours=1))
    small = {"telegram": lambda reply: render_telegram(reply, limit=700)}
    sender.script["100"] = [None] + [Transient("502")] * 4  # part 1 goes out, then the API fails
    bot = scheduler(db, sender, clock, renderers=small)
    clock.set(BERLIN_8)
    report = await bot.tick()
    assert report.gave_up == 1 and len(sender.sent) == 1
    assert deliveries(db)[0].parts_sent == 1
    clock.advance(minutes=2)
    await bot.tick()
    parts = [s.text for s in sender.to("100")]
    assert len(parts) >= 3 and len(set(parts)) == len(parts)  # no part twice
    assert parts[0].startswith("Your daily briefing")
    for article in news_articles(6):
        assert sum(article.headline in p for p in parts) == 1
    gaps = [b.at - a.at for a, b in zip(sender.sent[1:], sender.sent[2:], strict=False)]
    assert all(gap >= 1.0 for gap in gaps)  # ≤ 1 message a second in one chat
    row = deliveries(db)[0]
    assert row.status == "delivered" and row.message_ids == [s.message_id for s in sender.sent]


async def test_unsubscribing_after_the_digest_came_due_cancels_it(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    bot = scheduler(db, sender, clock)
    clock.set(BERLIN_8)
    assert bot.outbox.create_due() == 1
    with db.session() as session:
        deactivate_subscription(session, ("telegram", "100"), "unsubscribed by user")
    report = await bot.tick()
    assert sender.sent == [] and report.cancelled == 1


async def test_a_crashed_workers_claims_wait_for_its_lease(db: Database) -> None:
    clock = FakeClock(START)
    subscribe_many(db, 20, "08:00", "Europe/Berlin", when=clock())
    settings = load_settings({})
    crashed = Outbox(db, settings, {"telegram": FakeSender()}, clock=clock, lease_seconds=120)
    clock.set(BERLIN_8)
    crashed.create_due()
    assert len(crashed._claim(8)) == 8  # claimed, then the process died without sending

    sender = FakeSender()
    survivor = scheduler(db, sender, clock, lease_seconds=120)
    await survivor.tick()
    assert len(sender.sent) == 12
    clock.advance(seconds=121)
    await survivor.tick()
    assert sorted(int(s.chat_id) for s in sender.sent) == list(range(1, 21))


async def test_two_workers_on_one_database_send_each_digest_once(db_url: str) -> None:
    clock = FakeClock(START)
    setup = open_database(db_url)
    subscribe_many(setup, 150, "08:00", "Europe/Berlin", when=clock())
    store_news(setup, news_articles(2), START - timedelta(hours=1))
    clock.set(BERLIN_8)
    settings = load_settings({})
    senders = [FakeSender(delay=0.002), FakeSender(delay=0.002)]
    dbs = [open_database(db_url, migrate=False) for _ in senders]
    workers = [
        DigestScheduler(
            d, settings, {"telegram": s}, clock=clock, concurrency=8, limits={"telegram": UNLIMITED}
        )
        for d, s in zip(dbs, senders, strict=True)
    ]
    reports = await asyncio.gather(*(w.tick() for w in workers))
    chats = [s.chat_id for sender in senders for s in sender.sent]
    assert sorted(chats, key=int) == [str(i) for i in range(1, 151)]  # every chat exactly once
    assert sum(r.created for r in reports) == 150
    assert all(r.delivered > 0 for r in reports)  # both did part of the work
    for d in (*dbs, setup):
        d.dispose()


async def test_a_digest_still_failing_when_the_next_day_comes_is_folded_into_it(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    bot = scheduler(db, sender, clock)
    clock.set(BERLIN_8)
    await bot.tick()  # day 0 delivered
    day1 = news_articles(2, skip=20)
    store_news(db, day1, BERLIN_8 + timedelta(hours=12))
    sender.fail_always["100"] = Transient("503 Service Unavailable")
    clock.set(BERLIN_8 + timedelta(days=1))
    for _ in range(8):  # day 1 keeps failing all day
        await bot.tick()
        clock.advance(hours=2)
    day2 = news_articles(2, skip=22)
    store_news(db, day2, BERLIN_8 + timedelta(days=1, hours=12))
    del sender.fail_always["100"]
    clock.set(BERLIN_8 + timedelta(days=2, minutes=1))
    report = await bot.tick()
    assert report.superseded == 1 and report.delivered == 1
    assert len(sender.sent) == 2
    text = sender.sent[1].text
    for article in (*day1, *day2):  # nothing of day 1 is lost
        assert article.headline in text
    assert [r.status for r in deliveries(db)] == ["delivered", "superseded", "delivered"]


async def test_a_worker_whose_lease_lapsed_does_not_send(db: Database) -> None:
    from bot.delivery import DeliveryReport

    clock = FakeClock(START)
    subscribe(db, "100", "08:00", "Europe/Berlin", when=clock())
    settings = load_settings({})
    slow_sender, other_sender = FakeSender(), FakeSender()
    slow = Outbox(
        db,
        settings,
        {"telegram": slow_sender},
        clock=clock,
        lease_seconds=120,
        pacers=Pacers(monotonic=clock.monotonic, sleep=clock.sleep),
    )
    clock.set(BERLIN_8)
    slow.create_due()
    [claim] = slow._claim(1)
    clock.advance(seconds=121)  # the worker stalled past its lease; another one took over
    await scheduler(db, other_sender, clock).tick()
    report = DeliveryReport()
    await slow._deliver(claim, report)  # the stalled worker wakes up
    assert report.lost_leases == 1 and slow_sender.sent == []
    assert len(other_sender.sent) == 1


async def test_subscribe_command_then_the_clock_passes_the_time(db: Database) -> None:
    """Through /subscribe itself (real time of subscribing, then the clock runs ahead)."""
    from datetime import UTC, datetime

    from bot.commands import ChatContext, Commands
    from bot.render.text import render_text

    now = datetime.now(UTC).replace(second=0, microsecond=0)
    clock, sender = FakeClock(now), FakeSender()
    store_news(db, news_articles(3, skip=30), now - timedelta(hours=1))
    at = (now + timedelta(hours=2)).astimezone(ZoneInfo("Asia/Tokyo")).strftime("%H:%M")  # no DST
    commands = Commands(db, load_settings({}), clock=clock)
    answer = render_text(commands.handle(f"/subscribe {at} Asia/Tokyo", ChatContext("telegram", "77")))
    assert answer.startswith(f"Subscribed: a daily digest at {at} Asia/Tokyo")
    bot = scheduler(db, sender, clock)
    clock.advance(hours=1, minutes=59)
    await bot.tick()
    assert sender.sent == []
    clock.advance(minutes=2)
    await bot.tick()
    await bot.tick()
    assert len(sender.to("77")) == 1
    for article in news_articles(3, skip=30):
        assert article.headline in sender.sent[0].text
    clock.advance(days=1)
    await bot.tick()
    assert len(sender.to("77")) == 2 and sender.sent[1].text.startswith("Nothing new since")
