"""A chat's own sources (#14 item 4): /sources add, list and remove; the first fetch and the fetch policy
deciding what is accepted; the cap; one fetch per feed and poll however many chats have it; and a chat's
own stories in its digests and answers only, beside the operator's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, inspect, select

from bot.chat_sources import ChatSources
from bot.commands import ChatContext, Commands
from bot.ingest import ingest_specs
from bot.ratelimit import Pacers
from bot.render.text import render_text
from bot.scheduler import DigestScheduler
from bot.settings import load_settings
from bot.store import Database, open_database
from bot.store.db import MIGRATIONS
from bot.store.models import ChatFeed, ChatSource
from tests.bot.chat_sources_support import LOCAL_SITE, rss
from tests.bot.delivery_support import (
    FakeClock,
    FakeSender,
    light_analysis,
    news_articles,
    past_hhmm,
    store_news,
    subscribe,
)
from tests.conftest import SEED
from tests.httpserver import LocalHTTPServer, Reply
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

FEED_A = news_articles(2, "reuters")
FEED_B = news_articles(2, "bbc", skip=10)
OPERATOR = news_articles(1, "cnn")
CHAT_A, CHAT_B, CHAT_C = (ChatContext("telegram", c) for c in ("-100A", "-100B", "-100C"))


@pytest.fixture
def site() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as server:
        server.route("/a.xml", Reply(body=rss("Feed A", FEED_A), content_type="application/rss+xml"))
        server.route("/b.xml", Reply(body=rss("Feed B", FEED_B), content_type="application/rss+xml"))
        server.route("/logo.png", Reply(body=b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png"))
        server.route("/slow.xml", Reply(body=rss("Slow", FEED_A), delay=3.0))
        yield server


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """SQLite, unless a test asks for both stores (BOTH_STORES): the visibility rule is SQL."""
    if getattr(request, "param", "sqlite") == "sqlite":
        return f"sqlite:///{tmp_path / 'b.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    store_news(database, OPERATOR, datetime.now(UTC) - timedelta(hours=1))  # the operator's story
    yield database
    database.dispose()


def commands_for(db: Database, **settings: object) -> Commands:
    return Commands(db, load_settings({}, **settings), fetch_policy=LOCAL_SITE)


def ask(commands: Commands, text: str, ctx: ChatContext = CHAT_A) -> str:
    return render_text(commands.handle(text, ctx))


def poll(db: Database) -> None:
    ChatSources(db, max_per_chat=20, policy=LOCAL_SITE).poll(light_analysis)


def stored_sources(db: Database) -> tuple[int, int]:
    with db.session() as session:
        feeds = session.scalar(select(func.count()).select_from(ChatFeed))
        sources = session.scalar(select(func.count()).select_from(ChatSource))
        return int(feeds or 0), int(sources or 0)


def test_add_list_and_remove(db: Database, site: LocalHTTPServer) -> None:
    commands = commands_for(db)
    assert ask(commands, "/sources").startswith(
        "This chat has no sources of its own. The operator's 1 source is included too."
    )
    added = ask(commands, f"/sources add {site.url('/a.xml')}")
    assert added.startswith("Added source 1: Feed A (RSS/Atom feed, 2 entries).")
    listed = ask(commands, "/sources")
    assert "1 of at most 20" in listed and "The operator's 1 source is included too." in listed
    assert f"1 Feed A — {site.url('/a.xml')} — last fetch " in listed
    assert "RSS/Atom feed, 2 entries" in listed
    assert (
        ask(commands, "/sources remove 1") == "Removed source 1: Feed A. Its stories no longer appear here."
    )
    assert ask(commands, "/sources").startswith("This chat has no sources of its own.")
    assert ask(commands, "/sources remove 1") == "This chat has no source 1. Send /sources for the list."
    assert ask(commands, "/sources delete everything").startswith("Usage: /sources [add URL | remove ID]")


def test_a_link_as_slack_sends_it_is_read_as_its_url(db: Database, site: LocalHTTPServer) -> None:
    commands = commands_for(db)
    url = site.url("/a.xml")
    assert ask(commands, f"/sources add <{url}|{url[7:]}>").startswith("Added source 1: Feed A")
    assert ask(commands, f"/sources add <{url}>").endswith(
        "already this chat's source 1. Nothing was stored."
    )


def test_a_chat_cannot_remove_another_chats_source(db: Database, site: LocalHTTPServer) -> None:
    commands = commands_for(db)
    ask(commands, f"/sources add {site.url('/a.xml')}", CHAT_A)
    assert ask(commands, "/sources remove 1", CHAT_B).startswith("This chat has no source 1.")
    assert "Feed A" in ask(commands, "/sources", CHAT_A)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing.xml", "the first fetch failed: HTTP 404 Not Found"),
        ("/logo.png", "the first fetch failed: not an RSS/Atom feed or a web page: content type image/png"),
        ("/slow.xml", "the first fetch failed: timed out after 0.5 s"),
    ],
)
def test_a_url_failing_its_first_fetch_is_refused_with_the_reason(
    db: Database, site: LocalHTTPServer, path: str, reason: str
) -> None:
    commands = commands_for(db)
    commands.chat_sources.timeout = 0.5
    url = site.url(path)
    assert ask(commands, f"/sources add {url}") == f"Not added: {url}: {reason}. Nothing was stored."
    assert stored_sources(db) == (0, 0)


def test_not_a_web_address_is_refused_before_any_fetch(db: Database) -> None:
    out = ask(commands_for(db), "/sources add ftp://example.org/feed.xml")
    assert out.startswith("Not added: ftp://example.org/feed.xml: not an http(s) URL")
    assert stored_sources(db) == (0, 0)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("{site}/a.xml", "loopback address"),
        ("http://10.1.2.3/feed.xml", "10.1.2.3: private address"),
        ("http://169.254.169.254/latest/meta-data/", "link-local address"),
        ("http://[::ffff:127.0.0.1]:{port}/a.xml", "loopback address"),
    ],
)
def test_an_internal_address_is_refused(db: Database, site: LocalHTTPServer, url: str, problem: str) -> None:
    """The production policy (Commands without fetch_policy): a chat cannot make briefbot fetch inside."""
    commands = Commands(db, load_settings({}))
    url = url.format(site=site.base_url, port=site.base_url.rsplit(":", 1)[1])
    out = ask(commands, f"/sources add {url}")
    assert out.startswith(f"Not added: {url}: the first fetch failed: refused: ") and problem in out
    assert site.requests == [] and stored_sources(db) == (0, 0)


def test_the_cap_per_chat(db: Database, site: LocalHTTPServer) -> None:
    commands = commands_for(db, chat_sources_max=1)
    assert ask(commands, f"/sources add {site.url('/a.xml')}").startswith("Added source 1")
    again = ask(commands, f"/sources add {site.url('/a.xml')}#top")  # the same feed, spelt otherwise
    assert again.endswith("already this chat's source 1. Nothing was stored.")
    full = ask(commands, f"/sources add {site.url('/b.xml')}")
    assert "this chat has 1 sources, the most allowed (setting chat_sources_max)" in full
    assert "remove one first with /sources remove ID" in full
    assert len(site.requests_to("/b.xml")) == 0  # refused before fetching
    assert ask(commands, f"/sources add {site.url('/b.xml')}", CHAT_B).startswith("Added")  # per chat
    ask(commands, "/sources remove 1")
    assert ask(commands, f"/sources add {site.url('/b.xml')}").startswith("Added source 3")


def test_two_chats_with_the_same_feed_share_one_fetch_per_poll(db: Database, site: LocalHTTPServer) -> None:
    commands = commands_for(db)
    ask(commands, f"/sources add {site.url('/a.xml')}", CHAT_A)
    host, port = site.base_url.removeprefix("http://").split(":")
    ask(commands, f"/sources add HTTP://{host}:{port}/a.xml", CHAT_B)  # normalised: the same feed
    assert stored_sources(db) == (1, 2)
    before = len(site.requests_to("/a.xml"))
    poll(db)
    assert len(site.requests_to("/a.xml")) == before + 1
    for chat in (CHAT_A, CHAT_B):
        brief = ask(commands, "/brief", chat)
        assert all(a.headline in brief for a in FEED_A), chat
    poll(db)
    assert len(site.requests_to("/a.xml")) == before + 2
    assert "2 new stories" not in ask(commands, "/sources", CHAT_B)  # the second poll: nothing new
    assert "0 new stories" in ask(commands, "/sources", CHAT_B)


async def deliver_due(db: Database, clock: FakeClock, sender: FakeSender) -> None:
    """One delivery pass of the bot's scheduler with the test's clock, sending through `sender`."""
    sender.clock = clock
    scheduler = DigestScheduler(
        db,
        load_settings({}),
        {"telegram": sender},
        clock=clock,
        sleep=clock.backoff_sleep,
        pacers=Pacers(monotonic=clock.monotonic, sleep=clock.sleep),
    )
    await scheduler.tick()


BOTH_STORES = pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)


@BOTH_STORES
def test_a_chats_own_stories_never_reach_another_chat(db: Database, site: LocalHTTPServer) -> None:
    commands = commands_for(db)
    ask(commands, f"/sources add {site.url('/a.xml')}", CHAT_A)
    ask(commands, f"/sources add {site.url('/b.xml')}", CHAT_B)
    poll(db)
    wanted = {CHAT_A: FEED_A, CHAT_B: FEED_B, CHAT_C: []}
    for chat, own in wanted.items():
        others = [a for a in FEED_A + FEED_B if a not in own]
        brief = ask(commands, "/brief", chat)
        assert OPERATOR[0].headline in brief, chat
        assert all(a.headline in brief for a in own), chat
        assert not any(a.headline in brief for a in others), chat
        topics = ask(commands, "/topics", chat)
        searched = ask(commands, f"/brief {others[0].headline.split()[-1]}", chat)
        assert others[0].headline not in searched and others[0].headline not in topics


@BOTH_STORES
async def test_a_chats_digest_holds_the_operators_stories_and_its_own_only(
    db: Database, site: LocalHTTPServer
) -> None:
    commands = commands_for(db)
    ask(commands, f"/sources add {site.url('/a.xml')}", CHAT_A)
    ask(commands, f"/sources add {site.url('/b.xml')}", CHAT_B)
    poll(db)
    clock, sender = FakeClock(datetime.now(UTC) + timedelta(seconds=1)), FakeSender()
    for chat in (CHAT_A, CHAT_B, CHAT_C):
        subscribe(db, chat.chat_id, past_hhmm(clock()), "UTC", when=clock() - timedelta(hours=2))
    await deliver_due(db, clock, sender)
    digests = {chat: " ".join(s.text for s in sender.to(chat.chat_id)) for chat in (CHAT_A, CHAT_B, CHAT_C)}
    for chat, own in {CHAT_A: FEED_A, CHAT_B: FEED_B, CHAT_C: []}.items():
        text = digests[chat]
        assert OPERATOR[0].headline in text, chat
        assert all(a.headline in text for a in own), chat
        assert not any(a.headline in text for a in FEED_A + FEED_B if a not in own), chat


@BOTH_STORES
def test_a_story_the_operator_also_brings_is_every_chats(db: Database, site: LocalHTTPServer) -> None:
    """Stored first from chat A's feed (private), then met in an operator source: every chat sees it."""
    commands = commands_for(db)
    ask(commands, f"/sources add {site.url('/a.xml')}", CHAT_A)
    poll(db)
    assert FEED_A[0].headline not in ask(commands, "/brief", CHAT_C)
    report = ingest_specs(db, [site.url("/a.xml")], light_analysis)  # the operator adds the same feed
    assert report.duplicates == 2 and not report.new
    brief = ask(commands, "/brief", CHAT_C)
    assert all(a.headline in brief for a in FEED_A)


def test_a_feed_that_fails_a_poll_says_so_in_the_list(db: Database, site: LocalHTTPServer) -> None:
    commands = commands_for(db)
    ask(commands, f"/sources add {site.url('/a.xml')}")
    site.route("/a.xml", Reply(503, "down for maintenance"))
    poll(db)
    listed = ask(commands, "/sources")
    assert "failed, last fetch " in listed and "HTTP 503 Service Unavailable" in listed
    assert not any(a.headline in ask(commands, "/brief") for a in FEED_A)


@BOTH_STORES
def test_migration_keeps_stories_stored_before_it_every_chats_and_goes_back(db_url: str) -> None:
    old_store = Database(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with old_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")  # the schema before chats had sources
    store_news(old_store, OPERATOR, datetime.now(UTC) - timedelta(hours=1))
    old_store.migrate()
    assert OPERATOR[0].headline in ask(commands_for(old_store), "/brief", CHAT_B)
    with old_store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
        assert not {"chat_feeds", "chat_sources", "chat_feed_articles"} & set(inspect(conn).get_table_names())
    old_store.dispose()


def test_the_bots_poll_fetches_chat_feeds_under_the_production_policy(
    db: Database, site: LocalHTTPServer
) -> None:
    """The scheduler's poll (app.ingest_configured) polls the chats' feeds after the operator's sources,
    each held to the fetch policy on every poll: a feed that now leads inside is refused, not fetched."""
    from bot.app import ingest_configured
    from bot.store.chatsources import add_chat_source

    with db.session() as session:  # as if its address had been public when it was added
        add_chat_source(
            session, "telegram", CHAT_A.chat_id, site.url("/a.xml"), "Feed A", now=datetime.now(UTC)
        )
    ingest_configured(db, load_settings({}, sources=[str(SEED)]))
    listed = ask(commands_for(db), "/sources")
    assert "failed, last fetch " in listed and "refused: 127.0.0.1: loopback address" in listed
    assert site.requests == []


@BOTH_STORES
async def test_a_filtered_digest_holds_the_chats_own_matching_stories_and_no_other_chats(
    db: Database, site: LocalHTTPServer
) -> None:
    """One filter in two chats: each digest is the filter over the operator's stories and that chat's own."""
    commands = commands_for(db)
    ask(commands, f"/sources add {site.url('/a.xml')}", CHAT_A)
    poll(db)
    clock, sender = FakeClock(datetime.now(UTC) + timedelta(seconds=1)), FakeSender()
    for chat in (CHAT_A, CHAT_C):
        subscribe(
            db,
            chat.chat_id,
            past_hhmm(clock()),
            "UTC",
            when=clock() - timedelta(hours=2),
            topic_filter="petroleum, death",
        )
    await deliver_due(db, clock, sender)
    bp, gdp = FEED_A  # BP's bid (matches "petroleum") and Italy's GDP (matches neither term)
    chat_a = " ".join(s.text for s in sender.to(CHAT_A.chat_id))
    chat_c = " ".join(s.text for s in sender.to(CHAT_C.chat_id))
    assert "petroleum" in bp.body.casefold() and "petroleum" not in gdp.body.casefold()
    assert OPERATOR[0].headline in chat_a and OPERATOR[0].headline in chat_c  # "death row"
    assert bp.headline in chat_a and gdp.headline not in chat_a
    assert bp.headline not in chat_c
