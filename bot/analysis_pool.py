"""Analysis in worker processes, for a bulk `briefbot ingest`.

spaCy's tagger, parser and entity recogniser (topics and /who) take about 0.1 s of one core an article,
so a folder of 649 news files took 80 s in one process. The workers start with "spawn" (no forked copy of
the caller's threads or open database connections), each loads the model once, and articles go out in
order: results come back in the order given. `briefbot ingest` uses it, and the bot's polls when they
bring many articles at once (a large folder on first start, re-analysis after an upgrade); a poll of a few
articles stays in one process.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from summarizer import ner
from summarizer.analysis import Analysis
from summarizer.article import Article

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)

Analyser = Callable[[Article], Analysis]
MAX_AUTO_WORKERS = 4  # each worker holds its own copy of the model (~200 MB)
PARENT_CHECK_SECONDS = 1.0

_worker_analyse: Analyser | None = None


def default_workers() -> int:
    """One worker per core the process may use, at most MAX_AUTO_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_WORKERS))


def pool_for(settings: Settings, analyse: Analyser, workers: int | None = None) -> AnalysisPool | None:
    """The pool for `workers` processes (else the `analysis_workers` setting; 0: one per core, at most
    MAX_AUTO_WORKERS), with the settings' model choice and logging; None for one process."""
    from bot.logs import setup_logging

    count = workers or settings.analysis_workers or default_workers()
    if count <= 1:
        return None
    log_setup = functools.partial(
        setup_logging, settings.log_level, settings.log_format, secrets=tuple(settings.secrets())
    )
    return AnalysisPool(analyse, count, use_model=settings.ner_model, log_setup=log_setup)


def _exit_with_parent(parent: int, every: float = PARENT_CHECK_SECONDS) -> None:
    """End this worker once the process that started it is gone. A bot that exits without waiting for a
    stuck thread (bot/app.py) never closes its pool, and a worker blocked on its task queue would
    otherwise stay behind, holding its copy of the model, for as long as the machine runs."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(0)


def _start_worker(
    analyse: Analyser, use_model: bool, log_setup: Callable[[], object] | None, parent: int
) -> None:
    global _worker_analyse
    # Ctrl-C in a terminal reaches the whole process group: the parent decides what stops, and when
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), name="parent-watch", daemon=True).start()
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

    def close(self, *, wait: bool = True) -> None:
        """End the workers, dropping work not started. `wait=False` (the process is stopping) returns at
        once and ends the workers without waiting for the articles they are on."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # no public way to end a busy worker; without this the executor's thread waits for them
        busy = [] if wait else list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=wait, cancel_futures=True)
        for process in busy:
            process.terminate()

    def map(self, articles: Sequence[Article]) -> Generator[Analysis | str]:
        """Each article's analysis (or its failure's traceback), in order, as each is ready."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.analyse, self.use_model, self.log_setup, os.getpid()),
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
