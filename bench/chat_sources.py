"""What a chat's own sources cost the rest: the window query every digest and /brief runs, with the rule
that keeps a chat's own stories to it (bot/store/chatsources.py `visible_to`), on SQLite and PostgreSQL;
and how many fetches one poll makes when many chats share a few feeds.

The store: 10,000 stories ingested over the last 20 hours, 1,000 of them brought by 20 chat feeds
(private to the chats that have them). Timed: the newest 1,000 stories of the last day, as
`recent_keys` reads them — without the rule (the query before #14), for a chat with no sources of its own,
and for a chat with 3 feeds; median and p90 of 200 runs each, one connection. Then 200 chats add 10 feeds
served on 127.0.0.1 (20 chats each), and one poll runs: fetches counted by the server.

Run: .venv/bin/python bench/chat_sources.py [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot.chat_sources import ChatSources
from bot.store import Database, open_database
from bot.store.chatsources import add_chat_source
from bot.store.models import ChatFeedArticle, StoredArticle
from bot.store.repo import recent_keys
from tests.bot.chat_sources_support import LOCAL_SITE, rss
from tests.bot.delivery_support import light_analysis, news_articles
from tests.httpserver import LocalHTTPServer, Reply

STORIES, PRIVATE, FEEDS, RUNS = 10_000, 1_000, 20, 200


@contextmanager
def database(backend: str) -> Iterator[Database]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            db = open_database(f"sqlite:///{folder}/bench.sqlite3")
            yield db
            db.dispose()
        return
    from tests.pg import running_server

    with running_server() as (server, _folder):
        db = open_database(server.create_database("bench"))
        yield db
        db.dispose()


def fill(db: Database, now: datetime) -> None:
    """STORIES stories over 20 hours; every tenth brought by one of FEEDS chat feeds."""
    with db.session() as session:
        for f in range(FEEDS):
            add_chat_source(
                session, "telegram", f"chat{f}", f"https://feeds.example.org/{f}.xml", f"F{f}", now=now
            )
    rows = [
        {
            "id": f"{i:016x}",
            "source": "bench",
            "url": None,
            "headline": f"Story {i}",
            "headline_derived": False,
            "author": None,
            "dateline": None,
            "published": None,
            "ingested_at": now - timedelta(seconds=7.2 * i),
            "body": "Text.",
            "analysis": {},
            "analysis_version": 1,
        }
        for i in range(STORIES)
    ]
    links = [{"article_id": f"{i:016x}", "feed_id": 1 + (i // 10) % FEEDS} for i in range(0, STORIES, 10)]
    with db.engine.begin() as conn:
        conn.execute(StoredArticle.__table__.insert(), rows)
        conn.execute(ChatFeedArticle.__table__.insert(), links[:PRIVATE])
        conn.execute(text("ANALYZE"))


def timed(db: Database, query: Callable[[Session], Any]) -> tuple[float, float]:
    times: list[float] = []
    with db.session() as session:
        query(session)  # warm: statement cache, pages
        for _ in range(RUNS):
            started = time.perf_counter()
            query(session)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(RUNS * 0.9) - 1]


def window_queries(backend: str) -> None:
    now = datetime.now(UTC)
    since = now - timedelta(hours=24)
    table = StoredArticle.__table__

    def unfiltered(session: Session) -> list[Any]:  # the window query as it was before #14
        stmt = (
            select(table.c.id, table.c.analysis_version)
            .where(table.c.ingested_at > since)
            .order_by(table.c.ingested_at.desc(), table.c.id)
            .limit(1000)
        )
        return list(session.connection().execute(stmt).all())

    with database(backend) as db:
        fill(db, now)
        print(
            f"== {backend}: the newest 1,000 of {STORIES:,} stories "
            f"({PRIVATE:,} private to {FEEDS} chat feeds)"
        )
        cases: list[tuple[str, Callable[[Session], Any]]] = [
            ("no rule (before #14)", unfiltered),
            ("chat without own sources", lambda s: recent_keys(s, since=since, limit=1000)),
            ("chat with 3 own feeds", lambda s: recent_keys(s, since=since, limit=1000, feeds=(1, 2, 3))),
        ]
        for name, query in cases:
            median, p90 = timed(db, query)
            print(f"  {name:28} median {median:6.2f} ms   p90 {p90:6.2f} ms")


def shared_poll() -> None:
    feeds, chats_per_feed = 10, 20
    with tempfile.TemporaryDirectory() as folder, LocalHTTPServer() as site:
        db = open_database(f"sqlite:///{folder}/poll.sqlite3")
        articles = news_articles(feeds * 2, "bbc")
        now = datetime.now(UTC)
        for f in range(feeds):
            body = rss(f"Feed {f}", articles[2 * f : 2 * f + 2])
            site.route(f"/{f}.xml", Reply(body=body, content_type="application/rss+xml"))
            with db.session() as session:
                for c in range(chats_per_feed):
                    add_chat_source(
                        session, "slack", f"C{f}x{c}", site.url(f"/{f}.xml"), f"Feed {f}", now=now
                    )
        started = time.perf_counter()
        report = ChatSources(db, max_per_chat=20, policy=LOCAL_SITE).poll(light_analysis)
        took = time.perf_counter() - started
        print(
            f"== one poll, {feeds * chats_per_feed} chats sharing {feeds} feeds: "
            f"{len(site.requests)} fetches, {len(report.new)} stories stored, {took:.2f} s"
        )
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    for backend in args.backends.split(","):
        window_queries(backend.strip())
    shared_poll()


if __name__ == "__main__":
    main()
