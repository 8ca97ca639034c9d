"""Wiring: settings -> database -> HTTP server, front ends, scheduler -> first ingest, in one asyncio
process. Every wait is bounded: /healthz answers during the first ingest, and SIGTERM ends the process
within 10 s whatever the database or the sources do."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError

from bot.analysis_pool import pool_for
from bot.briefing import prepare_front_page
from bot.chat_sources import ChatSources, operator_urls
from bot.commands import Commands
from bot.health import health_routes
from bot.http import DEFAULT_PORT, HttpServer
from bot.ingest import IngestReport, ingest_specs, make_analyser, reanalyse_stale
from bot.platforms.base import FrontEnd, PacedAnswers, stalled_front_ends
from bot.platforms.console.front_end import ConsoleFrontEnd
from bot.platforms.registry import PLATFORMS
from bot.ratelimit import Pacers
from bot.retention import prune_stories
from bot.scheduler import DigestScheduler
from bot.settings import Settings
from bot.store import Database, open_database

log = logging.getLogger(__name__)
T = TypeVar("T")
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def resolve_source(spec: str) -> str:
    """URLs as given; relative paths against the working directory, else the installation (seeds/)."""
    if "://" in spec:
        return spec
    path = Path(spec).expanduser()
    if path.is_absolute() or path.exists():
        return str(path)
    bundled = PROJECT_ROOT / spec
    return str(bundled) if bundled.exists() else str(path)


def ingest_configured(
    db: Database, settings: Settings, *, should_stop: Callable[[], bool] = lambda: False
) -> IngestReport:
    """One poll: re-analyse stories stored by an older version, then the operator's sources, then the
    chats' own feeds; then delete the stories past their retention (bot/retention.py). Worker processes
    start only when a batch brings MIN_POOLED stories or more (a big folder on first start, re-analysis
    after an upgrade) and end with the poll; when the bot stops, at once, without the stories they are
    on."""
    analyse = make_analyser(settings.summary_algorithm, settings.summary_sentences)
    pool = pool_for(settings, analyse)
    try:
        reanalyse_stale(db, analyse, pool=pool, should_stop=should_stop)
        report = ingest_specs(
            db, [resolve_source(s) for s in settings.sources], analyse, should_stop=should_stop, pool=pool
        )
    finally:
        if pool is not None:
            pool.close(wait=not should_stop())
    if not should_stop():  # the chats' own feeds, each fetched once however many chats have it
        chats = ChatSources(db, max_per_chat=settings.chat_sources_max)
        report.merge(chats.poll(analyse, skip_urls=operator_urls(settings.sources), should_stop=should_stop))
    log.info("ingest: %s", report.line())
    if not should_stop():
        try:
            prune_stories(
                db,
                retention_days=settings.story_retention_days,
                now=datetime.now(UTC),
                should_stop=should_stop,
            )
        except SQLAlchemyError:  # the new stories are stored: their front page is still prepared
            log.exception("retention: deleting old stories failed; the next poll tries again")
    if report.new and not should_stop():
        prepare_front_page(
            db,
            max_items=settings.digest_max_items,
            max_chars=settings.digest_max_chars,
            now=datetime.now(UTC),
        )
    return report


def chat_front_ends(settings: Settings, commands: Commands) -> list[FrontEnd]:
    """A front end for each registered platform the settings enable (e.g. those whose token is set)."""
    return [
        p.front_end(settings, commands)
        for p in PLATFORMS.values()
        if p.front_end is not None and p.enabled(settings)
    ]


async def serve(settings: Settings, *, console_only: bool = False) -> int:
    """Serve until SIGINT/SIGTERM (or the console's end of input). The HTTP server opens first, then the
    first ingest starts in the background (the scheduler's first poll) while the front ends and the
    scheduler start; the console waits for it, since it opens on the digest. SIGTERM is honoured from
    the start, and stopping takes at most SHUTDOWN_SECONDS."""
    stop = _stop_on_signals()
    opened = await _until(
        stop,
        asyncio.to_thread(
            open_database,
            settings.database_url,
            connect_timeout=settings.database_connect_timeout_seconds,
            statement_timeout=settings.database_statement_timeout_seconds,
        ),
    )
    if not isinstance(opened, Database):
        return 0  # stopped while connecting or migrating
    db = opened
    commands = Commands(db, settings)
    front_ends = [] if console_only else chat_front_ends(settings, commands)
    console = ConsoleFrontEnd(commands) if not front_ends else None
    everyone: list[FrontEnd] = [*front_ends, *([console] if console else [])]

    # one send path per platform: digests and answers to commands share its limits, answers first
    pacers = Pacers()
    for fe in everyone:
        if isinstance(fe, PacedAnswers):
            fe.pace_with(pacers[fe.name])
    # daily digests and source polling for every front end of this process, the console's included
    scheduler: DigestScheduler = DigestScheduler(
        db,
        settings,
        {fe.name: fe.sender for fe in everyone},
        pacers=pacers,
        stop_timeout=SCHEDULER_STOP_SECONDS,
        ingest=lambda: ingest_configured(db, settings, should_stop=scheduler.stop_requested.is_set),
    )
    routes = [r for fe in everyone for r in fe.http_routes()]
    http: HttpServer | None = None
    if routes or settings.http_port is not None:
        http = HttpServer(
            [
                *health_routes(
                    db,
                    lambda: scheduler.running,
                    front_ends_stalled=lambda: stalled_front_ends(everyone),
                ),
                *routes,
            ],
            settings.http_host,
            settings.http_port if settings.http_port is not None else DEFAULT_PORT,
            header_timeout=settings.http_header_timeout_seconds,
        )
    started: list[FrontEnd] = []
    freeze = asyncio.create_task(_freeze_after(scheduler.first_poll_done))
    try:
        if http is not None:
            await http.start()  # /healthz answers from here on, through the first ingest
        scheduler.poll_in_background()  # the first ingest: it waits for no front end, none waits for it
        for fe in everyone:
            if await _until(stop, fe.start()) is _STOPPED:
                return 0
            started.append(fe)
            log.info("front end started", extra={"front_end": fe.name})
        await scheduler.start()
        if console is not None:
            if await _until(stop, scheduler.first_poll_done.wait()) is _STOPPED:
                return 0
            code = await _until(stop, console.run())
            if not isinstance(code, int):
                return 0  # stopped
            if console.interactive or http is None:
                return code
            # a service without chat tokens (container, systemd): input ended but HTTP keeps serving
            log.info("console input ended; serving HTTP until SIGTERM", extra={"port": http.port})
        await stop.wait()
        log.info("stopping")
        return 0
    finally:
        freeze.cancel()
        await _shutdown(scheduler, started, http, db)


SHUTDOWN_SECONDS = 7.0  # SIGTERM to exit within 10 s: this for the parts, the rest for threads and exit
SCHEDULER_STOP_SECONDS = 4.0  # sends in flight and a running poll get this long
FRONT_END_STOP_SECONDS = 2.0
EXIT_GRACE_SECONDS = 1.0  # for worker threads to finish before the process exits without them
_STOPPED = object()


def _stop_on_signals() -> asyncio.Event:
    """An event SIGINT and SIGTERM set, from the very start (also during start-up and the first ingest)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


async def _until(stop: asyncio.Event, awaitable: Awaitable[T]) -> T | object:
    """The awaitable's result, or _STOPPED (the awaitable cancelled) when `stop` is set first."""
    task = asyncio.ensure_future(awaitable)
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if task.done():
        return task.result()
    task.cancel()
    log.info("stopping")
    return _STOPPED


async def _freeze_after(first_poll: asyncio.Event) -> None:
    # the language models and the first stories are loaded for good: keep the collector's full passes
    # from walking them again on every command (45–98 ms pauses seen at 10,000 stories)
    await first_poll.wait()
    gc.freeze()


async def _shutdown(
    scheduler: DigestScheduler,
    started: list[FrontEnd],
    http: HttpServer | None,
    db: Database,
    budget: float = SHUTDOWN_SECONDS,
) -> None:
    """Stop every part, each within its share of `budget`; a part that does not stop in time is left."""
    deadline = time.monotonic() + budget

    def share(cap: float) -> float:
        return max(0.1, min(cap, deadline - time.monotonic()))

    # also when its jobs never started: the first poll may be running
    await _stop_logged("scheduler", scheduler.stop(), share(SCHEDULER_STOP_SECONDS + 1))
    for fe in reversed(started):
        await _stop_logged(fe.name, fe.stop(), share(FRONT_END_STOP_SECONDS))
    if http is not None:
        await _stop_logged("http server", http.stop(), share(http.shutdown_timeout + 1))
    await _stop_logged("database", asyncio.to_thread(db.dispose), share(1.0))


async def _stop_logged(name: str, stopping: Awaitable[None], timeout: float) -> None:
    """Stop one part within `timeout` seconds; a failure or overrun is logged and the others still stop."""
    try:
        await asyncio.wait_for(stopping, timeout)
    except TimeoutError:
        log.warning("stopping %s took longer than %.1f s; not waiting for it", name, timeout)
    except Exception:
        log.exception("stopping %s failed", name)


def run(settings: Settings, *, console_only: bool = False) -> int:
    """`asyncio.run(serve(...))`, except that the process never waits for a worker thread stuck on a
    database or source that stopped answering (asyncio.run joins the default executor's threads)."""
    loop = asyncio.new_event_loop()
    executor = ThreadPoolExecutor(thread_name_prefix="briefbot")
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    try:
        code = loop.run_until_complete(serve(settings, console_only=console_only))
    finally:
        try:
            _cancel_remaining_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            executor.shutdown(wait=False, cancel_futures=True)
            asyncio.set_event_loop(None)
            loop.close()
    _exit_without_stuck_threads(code)
    return code


def _cancel_remaining_tasks(loop: asyncio.AbstractEventLoop) -> None:
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        loop.run_until_complete(asyncio.wait(tasks, timeout=1.0))


def _exit_without_stuck_threads(code: int, grace: float = EXIT_GRACE_SECONDS) -> None:
    """Give worker threads `grace` seconds; if some still wait (on a frozen database, say), log them and
    exit now rather than let the interpreter join them for as long as they wait."""
    deadline = time.monotonic() + grace
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join(max(0.0, deadline - time.monotonic()))
    stuck = [
        t.name
        for t in threading.enumerate()
        if t is not threading.main_thread() and not t.daemon and t.is_alive()
    ]
    if stuck:
        log.warning(
            "exiting while %d worker threads still wait (database or source not answering): %s",
            len(stuck),
            ", ".join(stuck),
        )
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)
