"""Subscriptions with days and topic filters, through the outbox with time under control: weekday and
named-day schedules across a change of summer time, filters and exclusions (on SQLite and PostgreSQL,
whose full-text indexes decide), one digest built per distinct filter, empty filtered digests, and a
chat that is gone losing every subscription."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.ratelimit import Pacers
from bot.scheduler import DigestScheduler
from bot.senders import ChatGone
from bot.settings import load_settings
from bot.store import Database, open_database
from summarizer.article import parse_text
from tests.bot.delivery_support import (
    FakeClock,
    FakeSender,
    at_utc,
    deliveries,
    news_articles,
    store_news,
    subscribe,
    subscription,
)
from tests.conftest import SEED
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

SEED_HEADLINE = "President Biden sends top White House official to Mexico"
# business-015 "Air passengers win new EU rights", -017 "Parmalat boasts doubled profits",
# -018 "India's rupee hits five-year high", -019 "India widens access to telecoms"
BBC = news_articles(5, folder="bbc")
HEADLINES = [a.headline for a in BBC]


def scheduler(
    db: Database, sender: FakeSender, clock: FakeClock, *, empty: str = "notice"
) -> DigestScheduler:
    sender.clock = clock
    return DigestScheduler(
        db,
        load_settings({}, empty_digest=empty),
        {sender.platform: sender},
        clock=clock,
        sleep=clock.backoff_sleep,
        pacers=Pacers(monotonic=clock.monotonic, sleep=clock.sleep),
    )


async def sends_over(
    bot: DigestScheduler, sender: FakeSender, clock: FakeClock, until: datetime, step: timedelta
) -> list[datetime]:
    """Tick every `step` until `until`; the instants at which a digest went out."""
    out: list[datetime] = []
    while clock() <= until:
        before = len(sender.sent)
        await bot.tick()
        out.extend([clock()] * (len(sender.sent) - before))
        clock.advance(seconds=step.total_seconds())
    return out


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'schedules.sqlite3'}")
    yield database
    database.dispose()


async def test_weekdays_skip_the_weekend_and_follow_the_end_of_summer_time(sqlite_db: Database) -> None:
    # Europe/Berlin leaves summer time on Sunday 25 October 2026: 08:00 is 06:00 UTC on Friday the
    # 23rd (CEST) and 07:00 UTC from Monday the 26th (CET)
    start = at_utc(2026, 10, 22, 12, 0)  # Thursday
    clock, sender = FakeClock(start), FakeSender()
    store_news(sqlite_db, BBC[:2], start - timedelta(hours=1))
    subscribe(sqlite_db, "100", "08:00", "Europe/Berlin", when=start, days="weekdays")
    bot = scheduler(sqlite_db, sender, clock)

    sent = await sends_over(bot, sender, clock, at_utc(2026, 10, 27, 12, 0), timedelta(minutes=30))

    assert sent == [at_utc(2026, 10, 23, 6, 0), at_utc(2026, 10, 26, 7, 0), at_utc(2026, 10, 27, 7, 0)]
    assert [str(r.period) for r in deliveries(sqlite_db)] == ["2026-10-23", "2026-10-26", "2026-10-27"]


async def test_named_days_keep_local_time_when_summer_time_starts(sqlite_db: Database) -> None:
    # America/New_York starts summer time on Sunday 8 March 2026: Thursday the 5th 08:00 EST is
    # 13:00 UTC, Monday the 9th and Thursday the 12th 08:00 EDT are 12:00 UTC
    start = at_utc(2026, 3, 4, 0, 0)  # Wednesday
    clock, sender = FakeClock(start), FakeSender()
    store_news(sqlite_db, BBC[:2], start - timedelta(hours=1))
    subscribe(sqlite_db, "200", "08:00", "America/New_York", when=start, days="mon,thu")
    bot = scheduler(sqlite_db, sender, clock)

    sent = await sends_over(bot, sender, clock, at_utc(2026, 3, 13, 0, 0), timedelta(minutes=30))

    assert sent == [at_utc(2026, 3, 5, 13, 0), at_utc(2026, 3, 9, 12, 0), at_utc(2026, 3, 12, 12, 0)]


async def test_after_downtime_a_named_day_schedule_owes_one_digest(sqlite_db: Database) -> None:
    start = at_utc(2026, 3, 2, 0, 0)  # Monday
    clock, sender = FakeClock(start), FakeSender()
    store_news(sqlite_db, BBC[:2], start - timedelta(hours=1))
    subscribe(sqlite_db, "300", "08:00", "UTC", when=start, days="tue,thu")
    bot = scheduler(sqlite_db, sender, clock)
    clock.set(at_utc(2026, 3, 6, 9, 0))  # down from Monday to Friday: Tuesday's and Thursday's missed
    await bot.tick()
    await bot.tick()
    assert len(sender.sent) == 1
    assert [str(r.period) for r in deliveries(sqlite_db)] == ["2026-03-05"]  # the latest slot only


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    url = (
        f"sqlite:///{tmp_path / 'filters.sqlite3'}"
        if request.param == "sqlite"
        else str(request.getfixturevalue("pg_url"))
    )
    database = open_database(url)
    yield database
    database.dispose()


START = at_utc(2026, 12, 1, 6, 0)
DUE = at_utc(2026, 12, 1, 7, 0)


def store_seed_and_news(db: Database) -> None:
    seed = parse_text(SEED.read_text(encoding="utf-8"), source=str(SEED))
    store_news(db, [seed, *BBC[:4]], START - timedelta(hours=2))


async def test_filters_keep_matching_stories_and_exclusions_drop_them(db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    store_seed_and_news(db)
    for chat, topic_filter in (
        ("1", "fentanyl"),
        ("2", "Fentanyl"),  # the same filter in another case: the same digest
        ("3", "fentanyl, rupee"),  # either term
        ("4", "india -telecoms"),  # India's rupee, not India's telecoms
        ("5", "air passengers"),  # every word of a term: stemmed ("passenger" would match too)
        ("6", ""),
    ):
        subscribe(db, chat, "07:00", "UTC", when=START, topic_filter=topic_filter)
    bot = scheduler(db, sender, clock)
    clock.set(DUE)
    await bot.tick()

    def shown(chat: str) -> set[str]:
        (message,) = sender.to(chat)
        return {h for h in [SEED_HEADLINE, *HEADLINES[:4]] if h in message.text}

    assert shown("1") == shown("2") == {SEED_HEADLINE}
    assert sender.to("1")[0].text.startswith("Your daily briefing — fentanyl\n")
    assert sender.to("2")[0].text == sender.to("1")[0].text
    assert shown("3") == {SEED_HEADLINE, "India's rupee hits five-year high"}
    assert sender.to("3")[0].text.startswith("Your daily briefing — fentanyl, rupee\n")
    assert shown("4") == {"India's rupee hits five-year high"}
    assert sender.to("4")[0].text.startswith("Your daily briefing — india, -telecoms\n")
    assert shown("5") == {"Air passengers win new EU rights"}
    assert shown("6") == {SEED_HEADLINE, *HEADLINES[:4]}
    assert sender.to("6")[0].text.startswith("Your daily briefing\n")
    assert bot.outbox.digests_built == 5  # one per distinct filter, not one per chat


@pytest.mark.parametrize("empty", ["notice", "silent"])
async def test_a_filter_that_matches_nothing_follows_the_empty_digest_choice(
    sqlite_db: Database, empty: str
) -> None:
    clock, sender = FakeClock(START), FakeSender()
    store_seed_and_news(sqlite_db)
    subscribe(sqlite_db, "1", "07:00", "UTC", when=START, topic_filter="volcano")
    bot = scheduler(sqlite_db, sender, clock, empty=empty)
    clock.set(DUE)
    report = await bot.tick()
    if empty == "silent":
        assert sender.sent == [] and report.skipped == 1
    else:
        (message,) = sender.to("1")
        assert message.text.startswith("Nothing new about volcano since Mon 30 Nov")
    assert [r.status for r in deliveries(sqlite_db)] == ["skipped" if empty == "silent" else "delivered"]


async def test_a_chat_that_is_gone_loses_every_subscription(sqlite_db: Database) -> None:
    clock, sender = FakeClock(START), FakeSender()
    store_seed_and_news(sqlite_db)
    first = subscribe(sqlite_db, "1", "07:00", "UTC", when=START)
    second = subscribe(sqlite_db, "1", "19:00", "UTC", when=START, topic_filter="fentanyl")
    sender.fail_always["1"] = ChatGone("Forbidden: bot was blocked by the user")
    bot = scheduler(sqlite_db, sender, clock)
    clock.set(DUE)
    await bot.tick()
    assert not subscription(sqlite_db, first).active
    assert not subscription(sqlite_db, second).active  # its 19:00 digest would only fail again
    clock.set(DUE + timedelta(hours=13))
    await bot.tick()
    assert [r.status for r in deliveries(sqlite_db)] == ["gone"]
