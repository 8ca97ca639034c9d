"""Slack threads: a digest of several messages is one message in the channel (the front page) and the
rest in its thread, exactly once across a failure and a restart; answers asked inside a thread stay in
that thread, and a /subscribe sent in a thread delivers into it. Through the real SlackSender and Bolt
front end against the fake Slack Web API."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.platforms.slack.render import render_slack
from bot.platforms.slack.sender import SlackSender
from bot.scheduler import DigestScheduler
from bot.settings import load_settings
from bot.store import Database, open_database
from bot.store.repo import chat_subscriptions
from tests.bot.delivery_support import deliveries, news_articles, store_news, subscribe_many
from tests.bot.slack_support import CHANNEL, TOKEN, Slack, slack_harness
from tests.fakes.slack_api import FakeSlackApi, Post

NOW = datetime.now(UTC).replace(microsecond=0)
FAST = {"backoff_base": 0.01, "backoff_cap": 0.05}  # real sleeps between transient retries: keep short
# A digest of twelve stories spread over several Slack messages: the page as a narrower client shows it
# (at most 8 blocks a message), so that the threading of the rest is exercised.
SEVERAL_MESSAGES = functools.partial(render_slack, max_blocks=8)
THREAD = "1700000000.000100"  # a thread in CHANNEL the user writes in


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'threads.sqlite3'}")
    subscribe_many(database, 1, "00:00", "UTC", when=NOW - timedelta(days=2), platform="slack", prefix="C")
    store_news(database, news_articles(12, folder="cnn"), NOW - timedelta(hours=3))
    yield database
    database.dispose()


async def tick(db: Database, fake: FakeSlackApi, now: datetime, **options: object) -> None:
    """One delivery pass at `now` by a fresh process: its own scheduler and sender (nothing kept)."""
    sender = SlackSender("xoxb-test", fake.base_url, timeout=5)
    bot = DigestScheduler(
        db,
        load_settings({}),
        {"slack": sender},
        clock=lambda: now,
        renderers={"slack": SEVERAL_MESSAGES},
        **{**FAST, **options},
    )
    try:
        await bot.tick(now=now)
    finally:
        await bot.stop()
        await sender.close()


def threaded_under_the_first(posts: list[Post]) -> None:
    first, *rest = posts
    assert first.thread_ts is None  # the front page, in the channel
    assert rest and all(p.thread_ts == first.ts for p in rest)


async def test_a_long_digest_is_one_message_in_the_channel_and_the_rest_in_its_thread(db: Database) -> None:
    async with FakeSlackApi(token="xoxb-test") as fake:
        await tick(db, fake, NOW)
    posts = fake.posts_to("C1")
    assert len(posts) >= 3
    threaded_under_the_first(posts)
    assert "Your daily briefing" in posts[0].all_text()
    (row,) = deliveries(db)
    assert row.status == "delivered" and list(row.message_ids) == [p.ts for p in posts]


async def test_a_retry_after_the_second_message_failed_posts_into_the_same_thread(db: Database) -> None:
    async with FakeSlackApi(token="xoxb-test") as fake:
        fake.fail("C1", None, status=503, times=None, after=1)  # the front page passes, then 5xx
        await tick(db, fake, NOW)
        assert len(fake.posts_to("C1")) == 1
        (row,) = deliveries(db)
        assert row.status == "pending" and row.parts_sent == 1  # given back, the first recorded
        fake.clear_failures()
        await tick(db, fake, NOW + timedelta(minutes=5))  # another process, after the retry delay
    posts = fake.posts_to("C1")
    threaded_under_the_first(posts)
    assert sum(p.thread_ts is None for p in posts) == 1  # the front page was not posted again
    (row,) = deliveries(db)
    assert row.status == "delivered" and list(row.message_ids) == [p.ts for p in posts]
    assert len({p.all_text() for p in posts}) == len(posts)  # no message twice


async def test_brief_and_who_asked_in_a_thread_are_answered_in_that_thread(slack: Slack) -> None:
    await slack.event(  # a direct message sent inside a thread of the DM
        {
            "type": "message",
            "channel_type": "im",
            "user": "U0ANN",
            "text": "/brief",
            "ts": "1700000000.000300",
            "thread_ts": "1700000000.000200",
            "channel": "D0ANN",
        }
    )
    posts = await slack.fake.wait_for_posts(1)
    assert posts and posts[0].channel == "D0ANN" and posts[0].thread_ts == "1700000000.000200"
    assert "Sherwood-Randall" in posts[0].all_text()
    await slack.event(  # a mention inside a channel's thread
        {
            "type": "app_mention",
            "user": "U0ANN",
            "text": "<@UBOT> /who",
            "ts": "1700000000.000400",
            "thread_ts": THREAD,
            "channel": CHANNEL,
        }
    )
    posts = await slack.fake.wait_for_posts(2)
    assert posts[1].thread_ts == THREAD and "Sherwood-Randall" in posts[1].all_text()


async def test_a_subscribe_in_a_thread_delivers_into_that_thread(slack: Slack) -> None:
    slack.fake.set_user("U0ANN", is_admin=True)
    for n, (text, ts, thread) in enumerate(
        (
            ("<@UBOT> /subscribe 00:00 UTC", "1700000000.000500", THREAD),
            ("<@UBOT> /subscribe 00:00 UTC", "1700000000.000600", None),  # the same, in the channel
            ("<@UBOT> /settings", "1700000000.000700", THREAD),
        ),
        start=1,
    ):
        event = {"type": "app_mention", "user": "U0ANN", "text": text, "ts": ts, "channel": CHANNEL}
        await slack.event({**event, "thread_ts": thread} if thread else event)
        await slack.fake.wait_for_posts(n)
    first, second, listed = slack.fake.posts
    assert "Id 1:" in first.all_text() and "In this thread." in first.all_text()
    assert "Id 2:" in second.all_text()
    assert "In this thread." in listed.all_text() and "In the main chat." in listed.all_text()
    with slack.db.session() as session:
        for sub in chat_subscriptions(session, "slack", CHANNEL):
            sub.updated_at = NOW - timedelta(days=2)  # made before today's slot

    before = len(slack.fake.posts)
    sender = SlackSender(TOKEN, slack.fake.base_url, timeout=5)
    bot = DigestScheduler(slack.db, load_settings({}), {"slack": sender}, **FAST)
    try:
        report = await bot.tick(now=datetime.now(UTC))  # the seed was ingested after NOW
    finally:
        await bot.stop()
        await sender.close()
    assert report.delivered == 2
    digests = slack.fake.posts[before:]
    assert sorted(str(p.thread_ts) for p in digests) == sorted([THREAD, "None"])
    assert all("Your daily briefing" in p.all_text() for p in digests)


async def test_a_long_answer_is_one_message_in_the_channel_and_the_rest_in_its_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer too long for one Slack message (/brief over thirty stories, as a narrower client's
    messages hold it): its first message in the channel, the rest in that message's thread, as a
    digest's are (they were separate messages in the channel)."""
    monkeypatch.setattr("bot.platforms.slack.front_end.render_slack", SEVERAL_MESSAGES)
    path = tmp_path / "long.sqlite3"
    database = open_database(f"sqlite:///{path}")
    store_news(database, news_articles(30, folder="cnn"), NOW - timedelta(hours=3))
    database.dispose()
    async for slack in slack_harness(path):
        status, _, _ = await slack.slash("/brief")
        assert status == 200
        await slack.fake.wait_for_posts(2)
        await asyncio.sleep(0.3)  # let the rest arrive
        first, *rest = slack.fake.posts_to(CHANNEL)
        assert first.thread_ts is None and "Your briefing" in first.all_text()
        assert rest and all(p.thread_ts == first.ts for p in rest)
        # asked inside a thread, every part stays in that thread
        before = len(slack.fake.posts)
        await slack.event(
            {
                "type": "app_mention",
                "user": "U0ANN",
                "text": "<@UBOT> /brief",
                "ts": "1700000000.000800",
                "thread_ts": THREAD,
                "channel": CHANNEL,
            }
        )
        await slack.fake.wait_for_posts(before + 2)
        await asyncio.sleep(0.3)
        answer = slack.fake.posts[before:]
        assert len(answer) >= 2 and all(p.thread_ts == THREAD for p in answer)
