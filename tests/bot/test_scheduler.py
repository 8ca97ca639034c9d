"""The scheduler: digests at the subscriber's local time across DST changes, missed runs coalesced,
fresh sources before a digest, a clean stop that hands unsent work back."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.delivery import due_period
from bot.ratelimit import UNLIMITED, Pacers
from bot.scheduler import DigestScheduler
from bot.settings import load_settings
from bot.store import Database, open_database
from tests.bot.delivery_support import (
    FakeClock,
    FakeSender,
    at_utc,
    deliveries,
    news_articles,
    store_news,
    subscribe,
    subscribe_many,
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'sched.sqlite3'}")
    yield database
    database.dispose()


def virtual(db: Database, sender: FakeSender, clock: FakeClock, **options: object) -> DigestScheduler:
    sender.clock = clock
    return DigestScheduler(
        db,
        load_settings({}),
        {sender.platform: sender},
        clock=clock,
        sleep=clock.sleep,
        pacers=Pacers(monotonic=clock.monotonic, sleep=clock.sleep),
        **options,
    )


# Expected instants are written out from the zones' known offsets, not computed by the code under test.
DST_CASES = [
    pytest.param(
        "Europe/Berlin",
        "08:00",
        at_utc(2027, 3, 26, 12),
        [at_utc(2027, 3, 27, 7), at_utc(2027, 3, 28, 6), at_utc(2027, 3, 29, 6)],
        id="berlin-spring-forward",
    ),
    pytest.param(
        "Europe/Berlin",
        "02:30",
        at_utc(2027, 3, 26, 12),  # 02:30 does not exist on the 28th
        [at_utc(2027, 3, 27, 1, 30), at_utc(2027, 3, 28, 1, 30), at_utc(2027, 3, 29, 0, 30)],
        id="berlin-gap-time",
    ),
    pytest.param(
        "Europe/Berlin",
        "02:30",
        at_utc(2027, 10, 29, 12),  # 02:30 happens twice on the 31st
        [at_utc(2027, 10, 30, 0, 30), at_utc(2027, 10, 31, 0, 30), at_utc(2027, 11, 1, 1, 30)],
        id="berlin-fall-back-twice-time",
    ),
    pytest.param(
        "America/New_York",
        "08:00",
        at_utc(2027, 3, 12, 18),
        [at_utc(2027, 3, 13, 13), at_utc(2027, 3, 14, 12), at_utc(2027, 3, 15, 12)],
        id="new-york-spring-forward",
    ),
    pytest.param(
        "Australia/Sydney",
        "07:00",
        at_utc(2027, 4, 2, 0),  # DST ends 03:00 on 4 April 2027
        [at_utc(2027, 4, 2, 20), at_utc(2027, 4, 3, 21), at_utc(2027, 4, 4, 21)],
        id="sydney-fall-back",
    ),
]


@pytest.mark.parametrize(("zone", "at", "start", "expected"), DST_CASES)
async def test_digests_follow_local_time_across_dst(
    db: Database, zone: str, at: str, start: datetime, expected: list[datetime]
) -> None:
    clock, sender = FakeClock(start), FakeSender()
    subscribe(db, "100", at, zone, when=start)
    bot = virtual(db, sender, clock)
    sent_at: list[datetime] = []
    while clock() < start + timedelta(days=3):  # a tick every 30 minutes for three days
        before = len(sender.sent)
        await bot.tick(clock())
        sent_at += [clock()] * (len(sender.sent) - before)
        clock.advance(minutes=30)
    assert sent_at == expected


def test_subscribing_after_todays_time_starts_tomorrow() -> None:
    made = at_utc(2026, 12, 1, 9, 0)  # 10:00 in Berlin, after the 08:00 delivery
    assert due_period("08:00", "Europe/Berlin", made, made + timedelta(hours=3)) is None
    period, due_at = due_period("08:00", "Europe/Berlin", made, made + timedelta(days=1))  # type: ignore[misc]
    assert str(period) == "2026-12-02" and due_at == at_utc(2026, 12, 2, 7, 0)
    assert due_period("08:00", "Not/AZone", made, made + timedelta(days=1)) is None


async def test_missed_runs_after_a_stall_are_coalesced_into_one(db: Database) -> None:
    """The loop stalls (suspended VM, blocked loop) past two runs, each missed by > 1 s: exactly one
    catch-up run follows at once — not two (coalesce), not none (misfire grace)."""
    sender = FakeSender()
    subscribe(db, "100", "00:00", "UTC", when=datetime.now(UTC) - timedelta(days=2))
    bot = DigestScheduler(db, load_settings({}), {"telegram": sender}, tick_seconds=2.0)
    runs: list[float] = []
    job = bot._delivery_job

    async def counted() -> None:
        runs.append(time.monotonic())
        await job()

    bot._delivery_job = counted  # type: ignore[method-assign]
    await bot.start()
    try:
        await asyncio.sleep(0.1)
        assert len(runs) == 1  # the first run is immediate
        time.sleep(5.1)  # the loop is blocked over the runs at 2 s and 4 s, each then late by > 1 s
        unblocked = time.monotonic()
        await asyncio.sleep(0.4)
        catch_up = [t for t in runs if t >= unblocked]
        assert len(catch_up) == 1
    finally:
        await bot.stop()
    assert len(sender.sent) == 1  # and the digest itself went out once


async def test_sources_are_polled_on_the_interval_and_before_a_due_digest(db: Database) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    clock = FakeClock(now)
    sender = FakeSender()
    subscribe(db, "100", "00:00", "UTC", when=now - timedelta(days=2))
    fresh = news_articles(1, folder="reuters")
    polls: list[datetime] = []

    def ingest() -> None:  # a new article has just appeared in the sources
        polls.append(clock())
        if len(polls) == 1:
            store_news(db, fresh, clock() - timedelta(seconds=1))

    settings = load_settings({}, poll_interval_seconds=1)
    bot = DigestScheduler(
        db, settings, {"telegram": sender}, clock=clock, ingest=ingest, limits={"telegram": UNLIMITED}
    )
    report = await bot.tick()
    assert report.delivered == 1 and len(polls) == 1  # polled first, then sent
    assert fresh[0].headline in sender.sent[0].text

    await bot.start()
    await asyncio.sleep(2.3)
    await bot.stop()
    assert 2 <= len(polls) <= 4  # about one a second
    stopped = len(polls)
    await asyncio.sleep(1.2)
    assert len(polls) == stopped


async def test_stop_finishes_sends_in_flight_and_hands_back_the_rest(db: Database) -> None:
    start = datetime.now(UTC) - timedelta(days=2)
    subscribe_many(db, 40, "00:00", "UTC", when=start)
    slow = FakeSender(delay=0.05)
    bot = DigestScheduler(
        db, load_settings({}), {"telegram": slow}, concurrency=2, limits={"telegram": UNLIMITED}
    )
    await bot.start()
    await asyncio.sleep(0.3)
    await bot.stop()
    first = len(slow.sent)
    assert 0 < first < 40
    rows = deliveries(db)
    assert all(r.claimed_by is None for r in rows if r.status == "pending")  # nothing left locked

    rest = FakeSender()
    again = DigestScheduler(db, load_settings({}), {"telegram": rest}, limits={"telegram": UNLIMITED})
    await again.tick()
    chats = [s.chat_id for s in slow.sent + rest.sent]
    assert sorted(chats, key=int) == [str(i) for i in range(1, 41)]
