"""Commands after an ingest read only what is new: stored rows, their analyses and the window's topic
index are kept in memory per database, and the answers stay those of the stored data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, event, update

import bot.briefing
from bot.briefing import news_window, prepare_front_page
from bot.commands import ChatContext, Commands
from bot.ingest import make_analyser, store_articles
from bot.render.text import render_text
from bot.settings import load_settings
from bot.store import Database, open_database
from bot.store.models import StoredArticle
from bot.store.repo import add_article, articles_stamp
from summarizer.analysis import Analysis, Topic
from summarizer.article import Article
from summarizer.sources import open_source
from tests.conftest import SHARED_DATA
from tests.pg import any_store, pg_server, pg_url  # noqa: F401  (fixtures; any_store is `db`)

CTX = ChatContext(platform="console", chat_id="rowcache")
REUTERS = SHARED_DATA / "news" / "reuters"
FILES = [REUTERS / "15114.txt", REUTERS / "16094.txt", REUTERS / "6707.txt", REUTERS / "7643.txt"]
_analysed: dict[str, tuple[Article, Analysis]] = {}


def stories() -> list[tuple[Article, Analysis]]:
    """The four Reuters files, analysed once for the module."""
    if not _analysed:
        analyse = make_analyser()
        for path in FILES:
            for article in open_source(str(path)).poll(None).articles:
                _analysed[article.id] = (article, analyse(article))
    return list(_analysed.values())


def body_loads(db: Database) -> list[int]:
    """Records, for every statement that reads stored bodies, how many values it was given (ids)."""
    loads: list[int] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def seen(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "articles.body" in statement:
            loads.append(len(parameters))

    return loads


def store(db: Database, story: tuple[Article, Analysis]) -> None:
    report = store_articles(db, [story[0]], lambda _article, a=story[1]: a)
    assert len(report.new) == 1


def test_after_an_ingest_a_window_loads_only_the_new_story(db: Database) -> None:
    first, *rest = stories()
    for story in rest:
        store(db, story)
    with db.session() as session:
        assert len(news_window(session, datetime.now(UTC)).rows) == 3
    store(db, first)
    loads = body_loads(db)
    with db.session() as session:
        window = news_window(session, datetime.now(UTC))
    assert window.rows[0].id == first[0].id and len(window.rows) == 4
    assert loads == [1]  # one query for the one row not in memory, not the window's four bodies
    with db.session() as session:
        again = news_window(session, datetime.now(UTC))
    assert loads == [1] and [r.id for r in again.rows] == [r.id for r in window.rows]


def test_the_topic_index_is_made_once_per_window(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    for story in stories()[:3]:
        store(db, story)
    made: list[int] = []
    real = bot.briefing.topic_index

    def counted(items):
        made.append(1)
        return real(items)

    monkeypatch.setattr(bot.briefing, "topic_index", counted)
    commands = Commands(db, load_settings({}))
    listing = render_text(commands.handle("/topics", CTX))
    commands.handle("/topics trade", CTX)
    commands.handle("/brief trade", CTX)
    assert len(made) == 1
    store(db, stories()[3])  # a new story: a new window, a new index, with the new story's topics
    after = render_text(commands.handle("/topics", CTX))
    assert len(made) == 2 and after != listing


def test_each_database_answers_from_its_own_rows(tmp_path: Path) -> None:
    """Two stores holding the same story id with different analyses never share cached rows."""
    article = stories()[1][0]
    now = datetime.now(UTC) - timedelta(minutes=5)
    answers = []
    for name, label in (("a", "airships"), ("b", "submarines")):
        db = open_database(f"sqlite:///{tmp_path / name}.sqlite3")
        with db.session() as session:
            add_article(
                session, article, Analysis(summary=("One.",), topics=(Topic(label, 1.0),)), ingested_at=now
            )
        answers.append(render_text(Commands(db, load_settings({})).handle("/topics", CTX)))
        db.dispose()
    assert "airships" in answers[0] and "submarines" not in answers[0]
    assert "submarines" in answers[1] and "airships" not in answers[1]


def test_a_story_swapped_for_an_older_one_changes_the_answers(db: Database) -> None:
    """One story removed and another stored (older, same analysis version) in one transaction leaves
    count, newest ingest time and the sum of versions as they were; the answers must change all the same."""
    first, second, third, _ = stories()
    now = datetime.now(UTC)
    with db.session() as session:
        add_article(session, *first, ingested_at=now - timedelta(hours=2))
        add_article(session, *second, ingested_at=now - timedelta(hours=1))
    commands = Commands(db, load_settings({}), clock=lambda: now)  # the same minute throughout
    before = render_text(commands.handle("/brief", CTX))
    assert first[0].headline in before
    with db.session() as session:
        session.execute(delete(StoredArticle).where(StoredArticle.id == first[0].id))
        add_article(session, *third, ingested_at=now - timedelta(hours=3))
    after = render_text(commands.handle("/brief", CTX))
    assert third[0].headline in after and first[0].headline not in after


def test_the_change_counter_follows_every_write(db: Database) -> None:
    """Migration 0006's triggers: a stored, re-analysed (by hand, in SQL) or deleted story moves it."""
    story = stories()[0]

    def stamp() -> tuple[int | str, ...]:
        with db.reading() as session:
            return articles_stamp(session)

    seen = [stamp()]
    store(db, story)
    seen.append(stamp())
    with db.session() as session:
        session.execute(update(StoredArticle).values(analysis_version=StoredArticle.analysis_version + 1))
    seen.append(stamp())
    with db.session() as session:
        session.execute(delete(StoredArticle))
    seen.append(stamp())
    assert len(set(seen)) == 4


def test_a_command_uses_one_connection_and_reads_no_aggregate(db: Database) -> None:
    """After an ingest each command checks out one connection (on PostgreSQL: one ping, no BEGIN or
    COMMIT of its own) and learns whether anything changed from one row, not a pass over the articles."""
    for story in stories():
        store(db, story)
    commands = Commands(db, load_settings({}))
    checkouts: list[int] = []
    statements: list[str] = []
    event.listen(db.engine, "checkout", lambda *_args: checkouts.append(1))
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    for command_text in ("/brief", "/brief trade", "/topics", "/topics trade", "/who", "/who Kerry", "/help"):
        checkouts.clear()
        commands.handle(command_text, CTX)
        assert len(checkouts) == 1, command_text
    assert statements and not any("count(" in s.lower() or "sum(" in s.lower() for s in statements)


def test_topics_label_after_an_ingest_stems_no_label(db: Database) -> None:
    """The window's labels are indexed by stem once after the ingest (prepare_front_page), so the first
    /topics LABEL that follows stems only its query, and finds what comparing every label finds."""
    for story in stories():
        store(db, story)
    prepare_front_page(db, max_items=12, max_chars=6000, now=datetime.now(UTC))
    commands = Commands(db, load_settings({}))
    made = commands.words._short_stems.cache_info().misses
    assert "trade" in render_text(commands.handle("/topics trade", CTX))
    assert commands.words._short_stems.cache_info().misses == made
    with db.session() as session:
        window = news_window(session, datetime.now(UTC))
    for label, _ids in window.topics:
        for query in [label, *label.split()]:
            q, stems = query.casefold(), commands.words.query_stems(query)
            wanted = [t for t in window.topics if t[0].casefold() == q]
            wanted += [
                t
                for t in window.topics
                if t[0].casefold() != q and stems and stems <= commands.words.stems(t[0])
            ]
            assert window.matching_topics(query, commands.words) == wanted, query


def test_after_an_ingest_a_command_reads_only_the_change_stamp(db: Database) -> None:
    """The window prepared after the ingest serves the commands of that minute: each reads one row (has
    anything changed?) and answers from memory; the next minute reads the window again, as it moved."""
    for story in stories()[:3]:
        store(db, story)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    prepare_front_page(db, max_items=12, max_chars=6000, now=now)
    clock = [now + timedelta(seconds=30)]
    commands = Commands(db, load_settings({}), clock=lambda: clock[0])
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    first = render_text(commands.handle("/brief", CTX))
    render_text(commands.handle("/topics trade", CTX))
    assert len(statements) == 2 and all("article_changes" in s for s in statements)
    clock[0] = datetime.now(UTC) + timedelta(hours=24, minutes=1)  # the stories have left the last day
    later = render_text(commands.handle("/brief", CTX))
    assert len(statements) > 3
    assert later.count("Source: ") == first.count("Source: ") == 3  # the latest stories, whatever their age
    assert "since" in first and "since" not in later
