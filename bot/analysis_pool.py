"""Analysis in worker processes, for a bulk `briefbot ingest`.

spaCy's tagger, parser and entity recogniser (topics and /who) take about 0.1 s of one core an article,
so a folder of 649 news files took 80 s in one process. The workers start with "spawn" (no forked copy of
the caller's threads or open database connections), each loads the model once, and articles go out in
order: results come back in the order given. Only the CLI ingest uses it; the bot's polls bring a few
articles at a time and stay in one process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import traceback
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from summarizer import ner
from summarizer.analysis import Analysis
from summarizer.article import Article

log = logging.getLogger(__name__)

Analyser = Callable[[Article], Analysis]
MAX_AUTO_WORKERS = 4  # each worker holds its own copy of the model (~200 MB)

_worker_analyse: Analyser | None = None


def default_workers() -> int:
    """One worker per core the process may use, at most MAX_AUTO_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_WORKERS))


def _start_worker(analyse: Analyser, use_model: bool, log_setup: Callable[[], object] | None) -> None:
    global _worker_analyse
    if log_setup is not None:
        log_setup()
    _worker_analyse = analyse
    ner.use_model(use_model)


def analysis_or_traceback(analyse: Analyser, article: Article) -> Analysis | str:
    """The analysis, or the traceback text of its failure (the caller logs it and skips the article)."""
    try:
        return analyse(article)
    except Exception:
        return traceback.format_exc()


def _analyse_in_worker(article: Article) -> Analysis | str:
    assert _worker_analyse is not None
    return analysis_or_traceback(_worker_analyse, article)


class AnalysisPool:
    """`workers` processes running `analyse` (picklable: a module-level function or a partial of one).
    Started on first use; `close()` (or `with`) ends them, dropping work not yet started. `use_model`:
    the `ner_model` setting; `log_setup`: called first in each worker, so that its log lines ("German
    article: summary only") come out as the caller's do (picklable too)."""

    def __init__(
        self,
        analyse: Analyser,
        workers: int,
        *,
        use_model: bool = True,
        log_setup: Callable[[], object] | None = None,
    ) -> None:
        self.analyse = analyse
        self.workers = workers
        self.use_model = use_model
        self.log_setup = log_setup
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def started(self) -> bool:
        return self._executor is not None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def map(self, articles: Sequence[Article]) -> Generator[Analysis | str]:
        """Each article's analysis (or its failure's traceback), in order, as each is ready."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.analyse, self.use_model, self.log_setup),
            )
            log.debug("analysing in %d worker processes", self.workers)
        futures: list[Future[Analysis | str]] = [
            self._executor.submit(_analyse_in_worker, a) for a in articles
        ]
        try:
            for future in futures:
                yield future.result()
        finally:  # the caller stopped early: what has not started is not needed
            for future in futures:
                future.cancel()
