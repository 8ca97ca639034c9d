"""Story retention (bot/retention.py): stories past `story_retention_days` leave the store and every
answer, and do not come back from the source that brought them; a chat feed nobody has any more goes a
day after its last fetch, with the stories only it brought."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from bot import retention
from bot.app import ingest_configured
from bot.chat_sources import ChatSources, feed_state_key
from bot.commands import ChatContext, Commands
from bot.ingest import ingest_specs
from bot.render.text import render_text
from bot.retention import prune_stories
from bot.settings import load_settings
from bot.store import Database
from bot.store.models import ChatFeed, StoredArticle
from bot.store.repo import load_source_state, search_articles
from tests.bot.chat_sources_support import LOCAL_SITE, rss
from tests.bot.delivery_support import NEWS, light_analysis, news_articles, store_news
from tests.conftest import SEED
from tests.httpserver import LocalHTTPServer, Reply
from tests.pg import any_store, pg_server, pg_url  # noqa: F401  (fixtures; any_store is `db`)

CHAT_A, CHAT_B = ChatContext("telegram", "-100A"), ChatContext("telegram", "-100B")
FEED_A = news_articles(2, "reuters")
FEED_B = news_articles(2, "bbc", skip=10)
NOW = datetime.now(UTC)


def stored(db: Database) -> set[str]:
    with db.session() as session:
        return set(session.scalars(select(StoredArticle.headline)))


def age(db: Database, headline: str, days: int) -> None:
    """As if the story had been ingested `days` ago."""
    with db.session() as session:
        session.execute(
            update(StoredArticle)
            .where(StoredArticle.headline == headline)
            .values(ingested_at=NOW - timedelta(days=days))
        )


def ask(db: Database, text: str, ctx: ChatContext = CHAT_A) -> str:
    return render_text(Commands(db, load_settings({}), fetch_policy=LOCAL_SITE).handle(text, ctx))


def test_stories_past_retention_leave_the_store_and_the_search_and_stay_gone(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    files = sorted((NEWS / "bbc").glob("*.txt"))[:3]
    for f in files:
        shutil.copy(f, folder / f.name)
    assert len(ingest_specs(db, [str(folder)], light_analysis).new) == 3
    headlines = sorted(stored(db))
    old, recent = headlines[:2], headlines[2]
    age(db, old[0], 181)
    age(db, old[1], 400)

    pruned = prune_stories(db, retention_days=180, now=NOW)

    assert (pruned.old, pruned.abandoned) == (2, 0)
    assert stored(db) == {recent}
    word = max(old[0].split(), key=len)  # a word of the deleted story's headline
    with db.session() as session:
        assert [r.headline for r in search_articles(session, "text", word, window=100)] == []
    assert recent in ask(db, "/brief")
    # the folder's files are still there: the next poll does not bring the deleted stories back as new
    assert ingest_specs(db, [str(folder)], light_analysis).new == []
    assert stored(db) == {recent}


def test_zero_keeps_every_story(db: Database) -> None:
    store_news(db, FEED_A, NOW - timedelta(days=3650))
    assert prune_stories(db, retention_days=0, now=NOW).old == 0
    assert stored(db) == {a.headline for a in FEED_A}


def test_a_large_backlog_goes_in_batches(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retention, "BATCH", 2)
    store_news(db, news_articles(5, "cnn"), NOW - timedelta(days=200))
    store_news(db, FEED_B, NOW - timedelta(days=10))
    assert prune_stories(db, retention_days=30, now=NOW).old == 5
    assert stored(db) == {a.headline for a in FEED_B}


def test_the_bots_poll_prunes(db: Database, tmp_path: Path) -> None:
    store_news(db, FEED_A, NOW - timedelta(days=90))
    store_news(db, FEED_B, NOW - timedelta(days=10))
    empty = tmp_path / "empty"
    empty.mkdir()
    ingest_configured(db, load_settings({}, sources=[str(empty)], story_retention_days=30))
    assert stored(db) == {a.headline for a in FEED_B}


@pytest.fixture
def site() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as server:
        server.route("/a.xml", Reply(body=rss("Feed A", FEED_A), content_type="application/rss+xml"))
        server.route("/b.xml", Reply(body=rss("Feed B", FEED_B), content_type="application/rss+xml"))
        yield server


def feeds(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(ChatFeed)) or 0)


def test_a_feed_no_chat_has_goes_a_day_later_with_its_stories(db: Database, site: LocalHTTPServer) -> None:
    chats = ChatSources(db, max_per_chat=20, policy=LOCAL_SITE)
    ask(db, f"/sources add {site.url('/a.xml')}", CHAT_A)
    ask(db, f"/sources add {site.url('/b.xml')}", CHAT_B)
    chats.poll(light_analysis)
    assert stored(db) == {a.headline for a in FEED_A + FEED_B}
    assert ask(db, "/sources remove 1", CHAT_A).startswith("Removed source 1")

    assert prune_stories(db, retention_days=180, now=datetime.now(UTC) + timedelta(hours=20)).feeds == 0
    assert stored(db) == {a.headline for a in FEED_A + FEED_B}  # a chat may still add it back

    pruned = prune_stories(db, retention_days=180, now=datetime.now(UTC) + timedelta(days=2))
    assert (pruned.feeds, pruned.abandoned, pruned.old) == (1, 2, 0)
    assert stored(db) == {a.headline for a in FEED_B}  # chat B's feed stays, and its stories
    assert feeds(db) == 1
    with db.session() as session:
        assert load_source_state(session, feed_state_key(site.url("/a.xml"))) is None

    # added again, the feed is read afresh: the chat sees its stories again
    ask(db, f"/sources add {site.url('/a.xml')}", CHAT_A)
    chats.poll(light_analysis)
    brief = ask(db, "/brief", CHAT_A)
    assert all(a.headline in brief for a in FEED_A)


def test_a_story_another_chats_feed_also_brought_stays(db: Database, site: LocalHTTPServer) -> None:
    site.route("/ab.xml", Reply(body=rss("Feed AB", FEED_A + FEED_B), content_type="application/rss+xml"))
    chats = ChatSources(db, max_per_chat=20, policy=LOCAL_SITE)
    ask(db, f"/sources add {site.url('/a.xml')}", CHAT_A)
    ask(db, f"/sources add {site.url('/ab.xml')}", CHAT_B)
    chats.poll(light_analysis)
    ask(db, "/sources remove 1", CHAT_A)
    pruned = prune_stories(db, retention_days=180, now=datetime.now(UTC) + timedelta(days=2))
    assert (pruned.feeds, pruned.abandoned) == (1, 0)
    brief = ask(db, "/brief", CHAT_B)
    assert all(a.headline in brief for a in FEED_A + FEED_B)


def test_a_prune_that_fails_is_logged_and_the_poll_keeps_its_stories(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("DELETE FROM articles", {}, Exception("database is locked"))

    monkeypatch.setattr("bot.app.prune_stories", locked)
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    report = ingest_configured(db, load_settings({}, sources=[str(folder)]))
    assert len(report.new) == 1
    assert "retention: deleting old stories failed; the next poll tries again" in caplog.text
    assert "President Biden sends top White House official to Mexico" in ask(db, "/brief")
