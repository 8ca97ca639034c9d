"""Replicas started together on one PostgreSQL: one migrates while the others wait, and the same
articles ingested twice at once are stored once, without a crash."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bot.ingest import ingest_specs
from bot.store import open_database
from bot.store.repo import count_articles
from summarizer.analysis import Analysis
from summarizer.article import Article
from tests.conftest import SHARED_DATA
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

FILES = [str(p) for p in sorted((SHARED_DATA / "news" / "reuters").glob("*.txt"))[:60]]


def light(article: Article) -> Analysis:
    return Analysis(summary=(article.paragraphs[0],))


def test_replicas_starting_together_migrate_once(pg_url: str) -> None:  # noqa: F811
    with ThreadPoolExecutor(4) as pool:
        dbs = list(pool.map(lambda _: open_database(pg_url), range(4)))
    for db in dbs:
        assert db.ping()
        db.dispose()


def test_replicas_ingesting_the_same_files_store_each_once(pg_url: str) -> None:  # noqa: F811
    dbs = [open_database(pg_url) for _ in range(3)]
    with ThreadPoolExecutor(3) as pool:
        reports = list(pool.map(lambda db: ingest_specs(db, FILES, light), dbs))
    with dbs[0].session() as session:
        stored = count_articles(session)
    assert stored == len({a for r in reports for a in r.new})
    assert sum(len(r.new) for r in reports) == stored  # nobody claims an article another stored
    assert stored >= 55  # a few files of the corpus are the same story twice
    for db in dbs:
        db.dispose()
