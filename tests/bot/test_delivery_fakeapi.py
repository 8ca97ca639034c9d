"""The outbox through the real senders against the fake Bot API and fake Slack Web API: 429 storms,
5xx and 403 answers, limits kept by design — nothing lost, nothing doubled, blocked chats deactivated."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.platforms.slack.sender import SlackSender
from bot.platforms.telegram.sender import TelegramSender
from bot.scheduler import DigestScheduler
from bot.senders import Sender
from bot.settings import load_settings
from bot.store import Database, open_database
from tests.bot.delivery_support import deliveries, news_articles, store_news, subscribe_many, subscription
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.telegram_api import FakeTelegramApi, RateLimits

TOKEN = "7000000001:AAHfakeTokenForTests_abcdefghijkLMNO"
NOW = datetime.now(UTC).replace(microsecond=0)
FAST = {"backoff_base": 0.05, "backoff_cap": 0.2}  # real sleeps in these tests: keep backoffs short


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'fakeapi.sqlite3'}")
    subscribe_many(database, 30, "00:00", "UTC", when=NOW - timedelta(days=2))
    store_news(database, news_articles(12, folder="cnn"), NOW - timedelta(hours=3))
    yield database
    database.dispose()


def bot_for(db: Database, platform: str, sender: Sender, **options: object) -> DigestScheduler:
    return DigestScheduler(db, load_settings({}), {platform: sender}, **{**FAST, **options})


def per_chat(db: Database) -> dict[str, list[str]]:
    return {r.chat_id: list(r.message_ids) for r in deliveries(db) if r.status == "delivered"}


async def test_telegram_storm_errors_and_blocked_chats(db: Database) -> None:
    async with FakeTelegramApi(token=TOKEN) as tg:
        sender = TelegramSender.from_settings(
            load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=tg.base_url)
        )
        tg.fail(None, "rate_limited", times=5, retry_after=1)  # a 429 storm over all chats
        tg.fail(3, "server_error", times=2)
        tg.fail(4, "bad_gateway", times=3)
        tg.fail(5, "blocked")
        tg.fail(6, "chat_not_found")
        tg.fail(7, "kicked")
        bot = bot_for(db, "telegram", sender)
        report = await bot.tick()
        await sender.close()

    delivered = per_chat(db)
    assert sorted(delivered, key=int) == [str(i) for i in range(1, 31) if i not in (5, 6, 7)]
    for chat, ids in delivered.items():  # every message the API accepted is recorded, none twice
        assert sorted(str(m.message_id) for m in tg.sent_to(int(chat))) == sorted(ids)
    assert tg.count_429 == 5 and report.rate_limited == 5
    assert tg.count_5xx == 5 and report.transient_errors == 5
    for chat, reason in ((5, "blocked"), (6, "chat not found"), (7, "kicked")):
        sub = subscription(db, chat)
        assert not sub.active and reason in (sub.deactivated_reason or "").lower()
    assert report.gone == 3 and report.gave_up == 0


async def test_telegram_limits_are_kept_by_design(db: Database) -> None:
    subscribe_many(db, 6, "00:00", "UTC", when=NOW - timedelta(days=2), prefix="-100")  # groups
    async with FakeTelegramApi(token=TOKEN, rate_limits=RateLimits()) as tg:
        sender = TelegramSender.from_settings(
            load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=tg.base_url)
        )
        report = await bot_for(db, "telegram", sender).tick()
        await sender.close()
    assert report.delivered == 36 and len(per_chat(db)) == 36
    assert report.messages == 36  # a digest is fitted to one message (bot.briefing.make_digest)
    assert tg.count_rate_limited == 0 and report.rate_limited == 0
    times = sorted(m.at for m in tg.sent)
    busiest = max(sum(1 for t in times if s <= t < s + 1.0) for s in times)
    assert busiest <= 30


async def test_slack_ratelimited_errors_and_gone_channels(db: Database) -> None:
    with db.session() as session:  # the same 30 subscriptions, as Slack channels
        from bot.store.models import Subscription

        for sub in session.query(Subscription):
            sub.platform, sub.chat_id = "slack", f"C{sub.chat_id}"
            sub.updated_at = NOW - timedelta(days=3)  # (a changed value: else onupdate stamps now)
    async with FakeSlackApi(token="xoxb-test", rate_limit_per_channel=1.0) as slack:
        sender = SlackSender("xoxb-test", slack.base_url, timeout=5)
        slack.fail(None, "ratelimited", retry_after=1, times=10)
        slack.fail("C3", None, status=503, times=2)
        slack.fail("C5", "channel_not_found")
        slack.fail("C6", "not_in_channel")
        slack.fail("C7", "is_archived")
        slack.fail("C8", "ratelimited", retry_after=2, times=2)  # one channel told to wait, twice
        report = await bot_for(db, "slack", sender).tick()
        await sender.close()

    delivered = per_chat(db)
    assert sorted(delivered) == sorted(f"C{i}" for i in range(1, 31) if i not in (5, 6, 7))
    for channel, ids in delivered.items():
        assert sorted(p.ts for p in slack.posts_to(channel)) == sorted(ids)  # nothing posted twice
    for n, reason in ((5, "channel_not_found"), (6, "not_in_channel"), (7, "is_archived")):
        sub = subscription(db, n)
        assert not sub.active and reason in (sub.deactivated_reason or "").lower()
    assert report.rate_limited == 12 and report.transient_errors == 2 and report.gone == 3
