"""Commands after an ingest read only what is new: stored rows, their analyses and the window's topic
index are kept in memory per database, and the answers stay those of the stored data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

import bot.briefing
from bot.briefing import news_window
from bot.commands import ChatContext, Commands
from bot.ingest import make_analyser, store_articles
from bot.render.text import render_text
from bot.settings import load_settings
from bot.store import Database, open_database
from bot.store.repo import add_article
from summarizer.analysis import Analysis, Topic
from summarizer.article import Article
from summarizer.sources import open_source
from tests.conftest import SHARED_DATA
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

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


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    url = (
        f"sqlite:///{tmp_path / 'cache.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_url")
    )
    database = open_database(url)
    yield database
    database.dispose()


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
