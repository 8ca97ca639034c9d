"""Ingest: poll sources, analyse each new article once, store it with its analysis."""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError

from bot.analysis_pool import Analyser, AnalysisPool, analysis_or_traceback
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
    stored_article,
)
from bot.store.rowcache import analysis_of
from summarizer.analysis import ANALYSIS_VERSION, Analysis
from summarizer.article import Article, current_headline
from summarizer.pipeline import analyse_article
from summarizer.published import with_publication_time
from summarizer.sources import Skipped, Source, open_source

log = logging.getLogger(__name__)

BATCH = 50
MIN_POOLED = 8  # fewer new articles than this are analysed here: starting the workers costs seconds


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
    """The pipeline's analysis with these summary settings (a partial, so worker processes can take it)."""
    return functools.partial(analyse_article, algorithm=algorithm, sentences=sentences)


def _one_by_one(articles: Sequence[Article], analyse: Analyser) -> Generator[Analysis | str]:
    """Each article's analysis, or the traceback text of its failure, computed as it is asked for."""
    for article in articles:
        yield analysis_or_traceback(analyse, article)


def analyses(
    articles: Sequence[Article], analyse: Analyser, pool: AnalysisPool | None
) -> Generator[Analysis | str]:
    """Each article's analysis (or its failure's traceback), in order, as the caller asks for them: in
    the pool's workers when there are at least MIN_POOLED articles or the workers run already, else
    here. A worker that dies (killed by the system for memory, or by a stop signal sent to every
    process) is logged, and what is left is analysed here; the pool starts afresh on its next use."""
    if pool is None or (len(articles) < MIN_POOLED and not pool.started):
        yield from _one_by_one(articles, analyse)
        return
    done = 0
    try:
        with contextlib.closing(pool.map(articles)) as results:  # closed early: the pool drops the rest
            for result in results:
                yield result
                done += 1
    except BrokenProcessPool as exc:
        log.error("an analysis worker died (%s); %d stories left to analyse here", exc, len(articles) - done)
        pool.close(wait=False)
        yield from _one_by_one(articles[done:], analyse)


def store_articles(
    db: Database,
    articles: Iterable[Article],
    analyse: Analyser,
    progress: ProgressSink | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    *,
    feed_id: int | None = None,
    pool: AnalysisPool | None = None,
) -> IngestReport:
    """Analyse and store articles not stored yet; commits every BATCH articles so a crash loses little.
    `should_stop` is asked before each article (the process is shutting down): what is analysed is
    stored, the rest left for the next poll.

    `feed_id`: the articles come from a chat's own feed (bot/chat_sources.py), so the new ones are shown
    only to the chats that have it; without it they are the operator's, shown to every chat, and a story
    stored earlier from a chat's feed becomes everyone's too.

    `pool`: analyse in its worker processes instead of with `analyse` here (from the first batch of at
    least MIN_POOLED new articles on)."""
    run = _StoreRun(db, analyse, progress or NullProgress(), should_stop, feed_id, pool)
    for article in articles:
        if should_stop():
            run.report.stopped = True
            break
        run.take(with_publication_time(article))  # a dateline's date where the source gave none
        if run.report.stopped:
            break
    if not run.report.stopped:
        run.analyse_waiting()
    run.flush()
    _stored_again(db, run.stored_before, feed_id)
    return run.report


class _StoreRun:
    """One `store_articles` call: new articles wait in `waiting` (at most BATCH) for analysis, analysed
    ones in `pending` for the next commit."""

    def __init__(
        self,
        db: Database,
        analyse: Analyser,
        progress: ProgressSink,
        should_stop: Callable[[], bool],
        feed_id: int | None,
        pool: AnalysisPool | None,
    ) -> None:
        self.db, self.analyse, self.progress, self.should_stop = db, analyse, progress, should_stop
        self.feed_id, self.pool = feed_id, pool
        self.report = IngestReport()
        self.waiting: list[Article] = []
        self.pending: list[tuple[Article, Analysis]] = []
        self.seen: set[str] = set()
        self.stored_before: list[str] = []  # duplicates of stories already in the store

    def take(self, article: Article) -> None:
        """Count a duplicate, or queue a new article (analysing the queue once it holds BATCH)."""
        if article.id in self.seen:
            self.progress.advance()
            self.report.duplicates += 1
            return
        self.seen.add(article.id)
        with self.db.session() as session:
            if has_article(session, article.id):
                self.progress.advance()
                self.report.duplicates += 1
                self.stored_before.append(article.id)
                return
        self.waiting.append(article)
        if len(self.waiting) >= BATCH:
            self.analyse_waiting()

    def analyse_waiting(self) -> None:
        """Analyse the queued articles, in the pool when there are enough of them, and store them."""
        todo, self.waiting = self.waiting, []
        with contextlib.closing(analyses(todo, self.analyse, self.pool)) as results:
            for article in todo:
                if self.should_stop():
                    self.report.stopped = True
                    break
                result = next(results)
                self.progress.advance()
                if isinstance(result, str):  # one bad article must not stop the rest
                    log.error("analysis failed, article skipped: %s\n%s", article.source, result)
                    self.report.failed += 1
                else:
                    self.pending.append((article, result))
        self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        try:
            self._store(self.pending)
        except IntegrityError:
            # another replica stored one of these meanwhile: store one by one, skipping theirs
            for one in self.pending:
                try:
                    self._store([one])
                except IntegrityError:
                    self.report.duplicates += 1
        self.pending.clear()

    def _store(self, batch: list[tuple[Article, Analysis]]) -> None:
        added: list[str] = []
        duplicates = 0
        with self.db.session() as session:
            for article, analysis in batch:
                if has_article(session, article.id):
                    duplicates += 1
                    continue
                add_article(session, article, analysis)
                added.append(article.id)
            tag_new_articles(session, self.feed_id, added)
        self.report.new += added
        self.report.duplicates += duplicates
        ARTICLES_INGESTED.inc(len(added))


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
    pool: AnalysisPool | None = None,
) -> IngestReport:
    """Poll one source from its saved state, store what is new, then save the new state (not when
    stopped part-way: the next poll must see the articles not stored yet again). `feed_id`: see
    store_articles (`pool` too)."""
    with db.session() as session:
        state = load_source_state(session, source.key)
    batch = source.poll(state)
    if progress is not None:
        progress.add_total(len(batch.articles))
    report = store_articles(db, batch.articles, analyse, progress, should_stop, feed_id=feed_id, pool=pool)
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
    pool: AnalysisPool | None = None,
) -> IngestReport:
    """Ingest folders, files and URLs by their spec; a source that cannot be opened is logged and skipped.
    `should_stop` is asked between sources and articles, `pool` analyses in worker processes (see
    `store_articles`)."""
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
        report.merge(ingest_source(db, source, analyse, progress, should_stop, pool=pool))
    ARTICLES_SKIPPED.inc(sum(not s.repeated for s in report.skipped) + report.failed)  # each bad file once
    LAST_INGEST.set_to_current_time()
    return report


def _refreshed_headline(article: Article) -> str:
    """current_headline, or the stored one when today's rules fail on the story (logged)."""
    try:
        return current_headline(article) or article.headline
    except Exception:
        log.exception("headline not rewritten, the stored one kept: %s", article.source)
        return article.headline


def reanalyse_stale(
    db: Database,
    analyse: Analyser,
    *,
    batch: int = BATCH,
    pool: AnalysisPool | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> int:
    """Re-run the analysis of articles stored by an older analyser (ANALYSIS_VERSION bumped); `pool`
    analyses in worker processes (a batch of at least MIN_POOLED), `should_stop` is asked before each
    article: what is done is saved, the rest is re-analysed on the next poll.

    Answers are read from the stored analysis, so without this an upgrade would keep serving the old
    extraction for every article already in the store; the headline is written again with today's
    rules too (current_headline).
    """
    done = 0
    while not should_stop():
        with db.session() as session:
            rows = stale_articles(session, ANALYSIS_VERSION, limit=batch)
            if not rows:
                break
            articles = [stored_article(row) for row in rows]
            with contextlib.closing(analyses(articles, analyse, pool)) as results:
                for row, article in zip(rows, articles, strict=True):
                    if should_stop():
                        break
                    result = next(results)
                    row.headline = _refreshed_headline(article)
                    if isinstance(result, str):  # keep the old analysis rather than lose the article
                        log.error("re-analysis failed, old analysis kept: %s\n%s", row.source, result)
                        old = analysis_of(row)
                        result = Analysis(
                            old.summary, old.people, old.delegations, old.topics, version=ANALYSIS_VERSION
                        )
                    row.analysis = result.to_json()
                    row.analysis_version = result.version
                    done += 1
        log.info("re-analysed %d stored articles", done)
    return done
