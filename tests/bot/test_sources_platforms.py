"""/sources over the fake platform servers: only those who may manage a group or channel may list, add or
remove its sources (Telegram: group administrators; Slack: workspace admins and owners or the channel's
creator), and what a refused URL gets back says why."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

import pytest

from bot.commands import Commands
from bot.platforms.telegram.front_end import TelegramFrontEnd
from bot.settings import load_settings
from bot.store import Database
from tests.bot.chat_sources_support import LOCAL_SITE, rss
from tests.bot.delivery_support import news_articles
from tests.bot.slack_support import CHANNEL, Slack
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fakes.telegram_api import plain_text as plain
from tests.httpserver import LocalHTTPServer, Reply

GROUP = -1001234567890
MEMBER, ADMIN = 501, 502


@pytest.fixture
def site() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as server:
        body = rss("Reuters sample", news_articles(2, "reuters"))
        server.route("/feed.xml", Reply(body=body, content_type="application/rss+xml"))
        yield server


async def test_telegram_only_group_admins_manage_sources(
    tg: FakeTelegramApi,
    start_front_end: Callable[..., Awaitable[TelegramFrontEnd]],
    telegram_seed_db: Database,
    site: LocalHTTPServer,
) -> None:
    commands = Commands(telegram_seed_db, load_settings({}), fetch_policy=LOCAL_SITE)
    await start_front_end(telegram_seed_db, commands)
    tg.set_member(GROUP, ADMIN, "administrator")
    url = site.url("/feed.xml")
    for text in ("/sources", f"/sources add {url}", "/sources remove 1"):
        refused = plain(await tg.ask(text, chat_id=GROUP, user_id=MEMBER))
        assert refused == "Only chat administrators can manage the sources of this chat.", text
    assert site.requests == []  # nothing fetched for a member

    added = plain(await tg.ask(f"/sources add {url}", chat_id=GROUP, user_id=ADMIN))
    assert added.startswith("Added source 1: Reuters sample (RSS/Atom feed, 2 entries).")
    listed = plain(await tg.ask("/sources", chat_id=GROUP, user_id=ADMIN))
    assert "Reuters sample" in listed and url in listed
    assert "Only chat administrators" in plain(
        await tg.ask("/sources remove 1", chat_id=GROUP, user_id=MEMBER)
    )
    assert "Removed source 1" in plain(await tg.ask("/sources remove 1", chat_id=GROUP, user_id=ADMIN))
    # in a private chat the user manages it
    assert "Added source 2" in plain(await tg.ask(f"/sources add {url}", chat_id=MEMBER, user_id=MEMBER))


async def test_slack_only_admins_or_the_channel_creator_manage_sources(slack: Slack) -> None:
    slack.fake.set_channel(CHANNEL, creator="U0CREATOR")
    post = await slack.command("/sources", "add https://example.org/feed.xml", user_id="U0MEMBER")
    assert (
        post.text
        == "Only workspace admins and owners or the channel's creator can manage the sources of this chat."
    )
    post = await slack.command("/sources", user_id="U0MEMBER")
    assert "can manage the sources of this chat" in post.all_text()
    # the creator may, and an internal address is refused with the reason (the production policy)
    post = await slack.command("/sources", "add http://127.0.0.1:9/feed.xml", user_id="U0CREATOR")
    text = post.all_text()
    assert "Not added: http://127.0.0.1:9/feed.xml: the first fetch failed: refused: " in text
    assert "loopback address" in text
    assert "no sources of its own" in (await slack.command("/sources", user_id="U0CREATOR")).all_text()
