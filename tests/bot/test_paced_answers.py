"""One paced send path (#13 item 6): answers to commands share the platform's limits with a digest
fan-out and pass before the digest messages still queued; together they never exceed the limits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.commands import Commands
from bot.platforms.telegram.front_end import TelegramFrontEnd
from bot.ratelimit import Pacers
from bot.scheduler import DigestScheduler
from bot.settings import load_settings
from bot.store import Database, open_database
from tests.bot.conftest_telegram import POLL_TIMEOUT, TOKEN
from tests.bot.delivery_support import news_articles, store_news, subscribe_many
from tests.fakes.telegram_api import FakeTelegramApi, RateLimits

NOW = datetime.now(UTC).replace(microsecond=0)
SUBSCRIBERS = 90  # about three seconds of digests at Telegram's 30 messages a second
ASKING = [5001 + i for i in range(10)]  # ten people, each in their own chat, ask at once


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'paced.sqlite3'}")
    subscribe_many(database, SUBSCRIBERS, "00:00", "UTC", when=NOW - timedelta(days=2))
    store_news(database, news_articles(6, folder="cnn"), NOW - timedelta(hours=3))
    yield database
    database.dispose()


async def test_answers_pass_queued_digests_and_the_bot_stays_within_30_a_second(db: Database) -> None:
    async with FakeTelegramApi(token=TOKEN, rate_limits=RateLimits()) as tg:
        settings = load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=tg.base_url)
        front_end = TelegramFrontEnd(settings, Commands(db, settings), poll_timeout=POLL_TIMEOUT)
        pacers = Pacers()  # as bot/app.py wires them: one per platform, for answers and digests
        front_end.pace_with(pacers["telegram"])
        scheduler = DigestScheduler(db, settings, {"telegram": front_end.sender}, pacers=pacers)
        await front_end.start()
        try:
            fan_out = asyncio.create_task(scheduler.tick())
            await tg.wait_for_sent(15, timeout=20)  # the fan-out is under way, most digests queued
            asked = time.monotonic()
            for chat in ASKING:
                tg.push_text("/help", chat_id=chat)
            await tg.wait_for(lambda: all(tg.sent_to(chat) for chat in ASKING), timeout=10)
            answered = max(tg.sent_to(chat)[0].at for chat in ASKING)
            report = await asyncio.wait_for(fan_out, timeout=30)
        finally:
            await front_end.stop()

    assert report.delivered == SUBSCRIBERS
    digests = [m.at for m in tg.sent if m.chat_id not in ASKING]
    # answers first: only the few digest messages already past the gate went out between the
    # questions and the last answer, while most of the fan-out was still to come
    assert sum(1 for t in digests if asked <= t <= answered) <= 6
    assert sum(1 for t in digests if t > answered) >= 30
    # and together within the limit: never more than 30 in any second, no 429 from the fake
    times = sorted(m.at for m in tg.sent)
    assert max(sum(1 for t in times if s <= t < s + 1.0) for s in times) <= 30
    assert tg.count_rate_limited == 0
