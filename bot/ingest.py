"""Ingest: poll sources, analyse each new article once, store it with its analysis."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError

from bot.metrics import ARTICLES_INGESTED, ARTICLES_SKIPPED, LAST_INGEST
from bot.progress import NullProgress, ProgressSink
from bot.store.chatsources import publish_articles, share_private_articles, tag_new_articles
from bot.store.db import Database
from bot.store.repo import (
    add_article,
    has_article,
    load_source_state,
    save_source_state,
    stale_articles,
)
from bot.store.rowcache import analysis_of
from summarizer.analysis import ANALYSIS_VERSION, Analysis
from summarizer.article import Article
from summarizer.pipeline import analyse_article
from summarizer.published import with_publication_time
from summarizer.sources import Skipped, Source, open_source

log = logging.getLogger(__name__)

Analyser = Callable[[Article], Analysis]
BATCH = 50


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)  # ids of newly stored articles
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    failed: int = 0
    stopped: bool = False  # asked to stop before every article was stored

    def merge(self, other: IngestReport) -> None:
        self.new += other.new
        self.duplicates += other.duplicates
        self.skipped += other.skipped
        self.failed += other.failed
        self.stopped = self.stopped or other.stopped

    def line(self) -> str:
        return (
            f"{len(self.new)} new, {self.duplicates} already stored, "
            f"{len(self.skipped) + self.failed} skipped"
        )


def make_analyser(algorithm: str = "default", sentences: int = 3) -> Analyser:
    return lambda article: analyse_article(article, algorithm=algorithm, sentences=sentences)


def store_articles(
    db: Database,
    articles: Iterable[Article],
    analyse: Analyser,
    progress: ProgressSink | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    *,
    feed_id: int | None = None,
) -> IngestReport:
    """Analyse and store articles not stored yet; commits every BATCH articles so a crash loses little.
    `should_stop` is asked before each article (the process is shutting down): what is analysed is
    stored, the rest left for the next poll.

    `feed_id`: the articles come from a chat's own feed (bot/chat_sources.py), so the new ones are shown
    only to the chats that have it; without it they are the operator's, shown to every chat, and a story
    stored earlier from a chat's feed becomes everyone's too."""
    progress = progress or NullProgress()
    report = IngestReport()
    pending: list[tuple[Article, Analysis]] = []
    seen: set[str] = set()
    stored_before: list[str] = []  # duplicates of stories already in the store

    def flush() -> None:
        if not pending:
            return
        try:
            _store(pending, report)
        except IntegrityError:
            # another replica stored one of these meanwhile: store one by one, skipping theirs
            for one in pending:
                try:
                    _store([one], report)
                except IntegrityError:
                    report.duplicates += 1
        pending.clear()

    def _store(batch: list[tuple[Article, Analysis]], report: IngestReport) -> None:
        added: list[str] = []
        duplicates = 0
        with db.session() as session:
            for article, analysis in batch:
                if has_article(session, article.id):
                    duplicates += 1
                    continue
                add_article(session, article, analysis)
                added.append(article.id)
            tag_new_articles(session, feed_id, added)
        report.new += added
        report.duplicates += duplicates
        ARTICLES_INGESTED.inc(len(added))

    for article in articles:
        if should_stop():
            report.stopped = True
            break
        progress.advance()
        article = with_publication_time(article)  # a dateline's date where the source gave none
        if article.id in seen:
            report.duplicates += 1
            continue
        seen.add(article.id)
        with db.session() as session:
            if has_article(session, article.id):
                report.duplicates += 1
                stored_before.append(article.id)
                continue
        try:
            analysis = analyse(article)
        except Exception:  # one bad article must not stop the batch; the traceback is logged
            log.exception("analysis failed, article skipped: %s", article.source)
            report.failed += 1
            continue
        pending.append((article, analysis))
        if len(pending) >= BATCH:
            flush()
    flush()
    _stored_again(db, stored_before, feed_id)
    return report


def _stored_again(db: Database, article_ids: list[str], feed_id: int | None) -> None:
    """Stories a source brought that were stored already: from the operator, they are every chat's now;
    from a chat's feed, those private to other feeds are shown to this feed's chats too."""
    if not article_ids:
        return
    with db.session() as session:
        if feed_id is None:
            publish_articles(session, article_ids)
        else:
            share_private_articles(session, feed_id, article_ids)


def ingest_source(
    db: Database,
    source: Source,
    analyse: Analyser,
    progress: ProgressSink | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    *,
    feed_id: int | None = None,
) -> IngestReport:
    """Poll one source from its saved state, store what is new, then save the new state (not when
    stopped part-way: the next poll must see the articles not stored yet again). `feed_id`: see
    store_articles."""
    with db.session() as session:
        state = load_source_state(session, source.key)
    batch = source.poll(state)
    if progress is not None:
        progress.add_total(len(batch.articles))
    report = store_articles(db, batch.articles, analyse, progress, should_stop, feed_id=feed_id)
    report.skipped += batch.skipped
    if not report.stopped:
        with db.session() as session:
            save_source_state(session, source.key, batch.state)
    return report


def ingest_specs(
    db: Database,
    specs: Sequence[str],
    analyse: Analyser,
    *,
    timeout: float = 10.0,
    progress: ProgressSink | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> IngestReport:
    """Ingest folders, files and URLs by their spec; a source that cannot be opened is logged and skipped.
    `should_stop` is asked between sources and articles (see `store_articles`)."""
    report = IngestReport()
    for spec in specs:
        if should_stop():
            report.stopped = True
            break
        try:
            source = open_source(spec, timeout=timeout)
        except (OSError, ValueError) as exc:
            log.warning("source skipped: %s: %s", spec, exc)
            report.skipped.append(Skipped(spec, str(exc)))
            continue
        report.merge(ingest_source(db, source, analyse, progress, should_stop))
    ARTICLES_SKIPPED.inc(sum(not s.repeated for s in report.skipped) + report.failed)  # each bad file once
    LAST_INGEST.set_to_current_time()
    return report


def reanalyse_stale(db: Database, analyse: Analyser, *, batch: int = BATCH) -> int:
    """Re-run the analysis of articles stored by an older analyser (ANALYSIS_VERSION bumped).

    Answers are read from the stored analysis, so without this an upgrade would keep serving the old
    extraction for every article already in the store.
    """
    done = 0
    while True:
        with db.session() as session:
            rows = stale_articles(session, ANALYSIS_VERSION, limit=batch)
            if not rows:
                return done
            for row in rows:
                article = Article(
                    id=row.id,
                    headline=row.headline,
                    body=row.body,
                    paragraphs=tuple(row.body.split("\n\n")),
                    headline_derived=row.headline_derived,
                    author=row.author,
                    dateline=row.dateline,
                    source=row.source,
                    url=row.url,
                    published=row.published,
                )
                try:
                    analysis = analyse(article)
                except Exception:  # keep the old analysis rather than lose the article
                    log.exception("re-analysis failed, old analysis kept: %s", row.source)
                    analysis = analysis_of(row)
                    analysis = Analysis(
                        analysis.summary,
                        analysis.people,
                        analysis.delegations,
                        analysis.topics,
                        version=ANALYSIS_VERSION,
                    )
                row.analysis = analysis.to_json()
                row.analysis_version = analysis.version
                done += 1
        log.info("re-analysed %d stored articles", done)
