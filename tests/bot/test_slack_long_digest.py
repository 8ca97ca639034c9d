"""A digest with more stories than its front page: on Slack the front page is one message in the
channel and the stories it leaves out (headline, source, link; most important first, capped) follow in
its thread; Telegram keeps one message that says how many are not shown. Through the real senders and
the outbox against the fake Slack Web API and fake Bot API, with real news from the shared corpus."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.briefing import THREAD_STORIES, make_digest
from bot.delivery import FIRST_WINDOW, WINDOW_ARTICLES, digest_title
from bot.platforms.slack.render import escape, shown_chars
from bot.platforms.slack.sender import SlackSender
from bot.platforms.telegram.sender import TelegramSender
from bot.scheduler import DigestScheduler
from bot.senders import Sender
from bot.settings import Settings, load_settings
from bot.store import Database, open_database
from bot.store.repo import articles_in_window
from bot.subscriptions import NO_FILTER
from summarizer.article import Article
from summarizer.digest import Digest
from tests.bot.delivery_support import deliveries, news_articles, store_news, subscribe
from tests.fakes.slack_api import FakeSlackApi, Post
from tests.fakes.telegram_api import FakeTelegramApi

NOW = datetime.now(UTC).replace(microsecond=0)
FAST = {"backoff_base": 0.01, "backoff_cap": 0.05}
TG_TOKEN = "7000000001:AAHfakeTokenForTests_abcdefghijkLMNO"
FRONT_PAGE = 5  # stories on the front page (digest_max_items), so that most of a window is left out


def with_urls(articles: list[Article]) -> list[Article]:
    """The corpus files as a site would serve them: each with its own page URL (as long as a news site's;
    on Slack a link's URL counts in the text a message holds)."""
    path = "https://news.example/2015/03/09/world/{}-story-as-published/index.html"
    return [a.with_source(a.source, url=path.format(Path(a.source).stem)) for a in articles]


def open_db(tmp_path: Path, stories: int) -> Database:
    db = open_database(f"sqlite:///{tmp_path / 'long.sqlite3'}")
    subscribe(db, "C1", "00:00", "UTC", when=NOW - timedelta(days=2), platform="slack")
    subscribe(db, "1", "00:00", "UTC", when=NOW - timedelta(days=2), platform="telegram")
    store_news(db, with_urls(news_articles(stories, folder="cnn")), NOW - timedelta(hours=3))
    return db


@pytest.fixture
def long_db(tmp_path: Path) -> Iterator[Database]:
    db = open_db(tmp_path, 20)
    yield db
    db.dispose()


def settings(**overrides: object) -> Settings:
    return load_settings({}, digest_max_items=FRONT_PAGE, **overrides)


async def tick(db: Database, platform: str, sender: Sender, config: Settings, now: datetime = NOW) -> None:
    """One delivery pass at `now` by a fresh process: its own scheduler and sender (nothing kept)."""
    bot = DigestScheduler(db, config, {platform: sender}, clock=lambda: now, **FAST)
    try:
        await bot.tick(now=now)
    finally:
        await bot.stop()
        await sender.close()


async def slack_posts(db: Database) -> list[Post]:
    async with FakeSlackApi(token="xoxb-test") as fake:
        await tick(db, "slack", SlackSender("xoxb-test", fake.base_url, timeout=5), settings())
    return fake.posts_to("C1")


def expected_digest(db: Database) -> Digest:
    """The digest the outbox builds for that window (the same stories, in the same order)."""
    with db.session() as session:
        rows = list(articles_in_window(session, NOW - FIRST_WINDOW, NOW, limit=WINDOW_ARTICLES))
    title = digest_title(NO_FILTER)
    return make_digest(rows, max_items=FRONT_PAGE, max_chars=settings().digest_max_chars, title=title)


async def test_stories_beyond_the_front_page_go_into_its_thread_in_importance_order(
    long_db: Database,
) -> None:
    posts = await slack_posts(long_db)
    first, *thread = posts
    assert first.thread_ts is None and thread  # one message in the channel …
    assert all(p.thread_ts == first.ts for p in thread)  # … and the rest in its thread
    digest = expected_digest(long_db)
    assert len(digest.items) <= FRONT_PAGE and len(digest.rest) == 20 - len(digest.items)
    front = first.all_text()
    assert f"{digest.omitted} more in the thread" in front and "not shown" not in front
    replies = "\n".join(p.all_text() for p in thread)
    positions = []
    for item in digest.rest:  # every story left out: headline linked to its page, and its source
        link = f"<{item.url}|{escape(item.headline)}>"
        assert link in replies and link not in front
        assert f"{link} — news.example" in replies
        positions.append(replies.index(link))
    assert positions == sorted(positions)  # most important first
    for item in digest.items:  # the front page's stories are not repeated in the thread
        assert item.url not in replies
    (row,) = [r for r in deliveries(long_db) if r.platform == "slack"]
    assert row.status == "delivered" and list(row.message_ids) == [p.ts for p in posts]
    assert shown_chars({"blocks": first.blocks}) <= settings().digest_max_chars


async def test_the_thread_is_capped_and_the_front_page_says_how_many_it_holds(tmp_path: Path) -> None:
    db = open_db(tmp_path, THREAD_STORIES + FRONT_PAGE + 8)
    try:
        posts = await slack_posts(db)
        digest = expected_digest(db)
    finally:
        db.dispose()
    first, *thread = posts
    assert len(digest.rest) > THREAD_STORIES
    assert f"{digest.omitted} more, the {THREAD_STORIES} most important in the thread" in first.all_text()
    replies = "\n".join(p.all_text() for p in thread)
    assert all(p.thread_ts == first.ts for p in thread)
    listed = [item for item in digest.rest if f"<{item.url}|" in replies]
    assert listed == list(digest.rest[:THREAD_STORIES])  # the most important ones, no more


async def test_a_retry_after_the_first_reply_failed_finishes_the_thread_once(long_db: Database) -> None:
    async with FakeSlackApi(token="xoxb-test") as fake:
        fake.fail("C1", None, status=503, times=None, after=1)  # the front page passes, its replies 5xx
        await tick(long_db, "slack", SlackSender("xoxb-test", fake.base_url, timeout=5), settings())
        assert len(fake.posts_to("C1")) == 1
        fake.clear_failures()
        later = NOW + timedelta(minutes=5)  # another process, after the retry delay
        await tick(long_db, "slack", SlackSender("xoxb-test", fake.base_url, timeout=5), settings(), later)
    first, *thread = fake.posts_to("C1")
    assert thread and all(p.thread_ts == first.ts for p in thread)  # the page was not posted again
    replies = "\n".join(p.all_text() for p in thread)
    for item in expected_digest(long_db).rest:
        assert replies.count(f"<{item.url}|") == 1  # every story left out, once
    (row,) = [r for r in deliveries(long_db) if r.platform == "slack"]
    assert row.status == "delivered" and list(row.message_ids) == [first.ts, *(p.ts for p in thread)]


async def test_a_digest_that_fits_its_front_page_is_one_message_without_a_thread(tmp_path: Path) -> None:
    db = open_db(tmp_path, 3)
    try:
        posts = await slack_posts(db)
    finally:
        db.dispose()
    (post,) = posts
    assert post.thread_ts is None and "3 stories" in post.all_text()
    assert "in the thread" not in post.all_text() and "not shown" not in post.all_text()


async def test_telegram_keeps_one_message_that_says_how_many_are_not_shown(long_db: Database) -> None:
    async with FakeTelegramApi(token=TG_TOKEN) as tg:
        config = settings(telegram_bot_token=TG_TOKEN, telegram_api_base_url=tg.base_url)
        await tick(long_db, "telegram", TelegramSender.from_settings(config), config)
    (message,) = tg.sent_to(1)
    digest = expected_digest(long_db)
    assert f"{digest.omitted} more not shown" in message.plain and "thread" not in message.plain
