"""The bot process's clock: poll the sources on an interval and, every minute, send the digests now due.

APScheduler 3 (`AsyncIOScheduler`, in the bot's event loop) only fires two jobs; it keeps no state. Which
digests are owed, and who sends them, is decided by the database (`bot/delivery.py`), because APScheduler
3 cannot share a job store between processes and forgets everything on restart.

Downtime is handled at both levels: the jobs coalesce missed runs into one and run however late they are
(`coalesce=True`, `misfire_grace_time=None`), and a subscription owes one digest per local day — the
latest whose delivery time has passed — so a process that was down for three days sends each
subscription one digest covering everything since its last one, not three, and not one per minute.

A poll never holds a digest back. Polls run in a thread of their own (a slow source or a long analysis
takes none of the threads delivery uses), and a delivery pass that wants fresh sources waits for the poll
at most `fresh_ingest_wait` seconds, then sends what is stored; the poll carries on and its stories go
into the next digest. `stop()` asks a running poll to stop between articles and does not wait for it
longer than `stop_timeout`.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.delivery import Clock, DeliveryReport, Outbox, utc_now
from bot.senders import Sender
from bot.settings import Settings
from bot.store.db import Database

log = logging.getLogger(__name__)

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
FRESH_INGEST_SECONDS = 60.0  # a due digest triggers an ingest first when the last one is older
FRESH_INGEST_WAIT = 5.0  # ... and waits for it at most this long before sending what is stored


class DigestScheduler:
    """Polls sources and delivers due digests. `tick()` is one delivery pass, callable directly."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        senders: Mapping[str, Sender],
        *,
        clock: Clock = utc_now,
        ingest: Callable[[], Any] | None = None,
        tick_seconds: float = 60.0,
        stop_timeout: float = 10.0,
        fresh_ingest_wait: float = FRESH_INGEST_WAIT,
        **outbox_options: Any,
    ) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.ingest = ingest
        self.tick_seconds = tick_seconds
        self.stop_timeout = stop_timeout
        self.fresh_ingest_wait = fresh_ingest_wait
        self.outbox = Outbox(db, settings, senders, clock=clock, **outbox_options)
        self.last_report: DeliveryReport | None = None
        self.job_runs = 0  # delivery job firings (a coalesced catch-up counts once)
        self._scheduler: AsyncIOScheduler | None = None
        self._pass_lock = asyncio.Lock()
        self._ingest_lock = asyncio.Lock()
        self._last_ingest = float("-inf")
        self._pass_task: asyncio.Task[None] | None = None
        self._poll_task: asyncio.Task[None] | None = None
        self._ingest_executor: ThreadPoolExecutor | None = None
        self.first_poll_done = asyncio.Event()  # set when a poll has ended (however it ended)
        self.stop_requested = threading.Event()  # read by the ingest thread between articles
        self._again = False
        self._stopping = False

    # -- lifecycle ---------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """True while the jobs are scheduled (what /healthz reports)."""
        return self._scheduler is not None and self._scheduler.running

    async def start(self) -> None:
        """Start the jobs: a delivery pass now and every `tick_seconds`, a poll every poll interval."""
        self._stopping = False
        self.stop_requested.clear()
        scheduler = AsyncIOScheduler(timezone=UTC, job_defaults=dict(JOB_DEFAULTS))
        scheduler.add_job(
            self._delivery_job,
            IntervalTrigger(seconds=self.tick_seconds, timezone=UTC),
            id="deliver",
            name="deliver due digests",
            next_run_time=datetime.now(UTC),
        )
        if self.ingest is not None:
            scheduler.add_job(
                self._poll_job,
                IntervalTrigger(seconds=self.settings.poll_interval_seconds, timezone=UTC),
                id="poll",
                name="poll sources",
            )
        scheduler.start()
        self._scheduler = scheduler
        log.info(
            "scheduler started",
            extra={"worker": self.outbox.worker_id, "platforms": sorted(self.outbox.senders)},
        )

    async def stop(self) -> None:
        """Stop the jobs, let sends in flight finish and a running poll reach its next article (together
        up to `stop_timeout`), hand back unsent claims. A poll stuck in a fetch or on the database is
        left to its thread: the process does not wait for it."""
        self._stopping = True
        self.stop_requested.set()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
        self.outbox.stop_claiming()
        deadline = time.monotonic() + self.stop_timeout
        for task in (self._pass_task, self._poll_task):
            if task is not None and not task.done():
                try:
                    await asyncio.wait_for(asyncio.shield(task), max(0.0, deadline - time.monotonic()))
                except (TimeoutError, asyncio.CancelledError):
                    task.cancel()
                    with contextlib.suppress(BaseException):
                        await task
        if self._ingest_executor is not None:
            self._ingest_executor.shutdown(wait=False, cancel_futures=True)
            self._ingest_executor = None
        try:  # handing back claims is one short write: it gets a second even when sends took the rest
            await asyncio.wait_for(self.outbox.close(), max(1.0, deadline - time.monotonic()))
        except TimeoutError:
            log.warning("unsent claims not handed back in time: they return when their lease expires")
        log.info("scheduler stopped")

    # -- jobs --------------------------------------------------------------------------------------
    async def _delivery_job(self) -> None:
        """Fire-and-return: a long fan-out must not make APScheduler skip (and warn about) later runs."""
        self.job_runs += 1
        if self._pass_task is not None and not self._pass_task.done():
            self._again = True  # run once more when the current pass ends
            return
        self._pass_task = asyncio.create_task(self._passes())

    async def _passes(self) -> None:
        while not self._stopping:
            self._again = False
            try:
                await self.tick()
            except Exception:  # logged; the next minute tries again
                log.exception("delivery pass failed")
            if not self._again:
                return

    async def poll(self) -> None:
        """Run the ingest callable (sync ones in the ingest thread); errors are logged, never raised."""
        if self.ingest is None:
            return
        async with self._ingest_lock:
            try:
                if self._stopping:
                    return
                if inspect.iscoroutinefunction(self.ingest):
                    result = self.ingest()
                else:
                    if self._ingest_executor is None:
                        self._ingest_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
                    result = await asyncio.get_running_loop().run_in_executor(
                        self._ingest_executor, self.ingest
                    )
                if inspect.isawaitable(result):
                    await result
            except Exception:
                log.exception("polling sources failed")
            finally:
                self._last_ingest = time.monotonic()
                self.first_poll_done.set()

    def _start_poll(self) -> asyncio.Task[None]:
        """The poll running now, else a new one: the interval job and delivery passes share it."""
        if self._poll_task is None or self._poll_task.done():
            self._poll_task = asyncio.create_task(self.poll())
        return self._poll_task

    def poll_in_background(self) -> asyncio.Task[None]:
        """Start a poll (or join the running one) without waiting for it: the process's first ingest,
        run while the HTTP server, the front ends and the delivery passes already serve."""
        return self._start_poll()

    async def _poll_job(self) -> None:
        await asyncio.shield(self._start_poll())  # the job being cancelled on stop leaves the poll be

    async def _fresh_sources(self) -> None:
        """Poll before a delivery, waiting for the poll (this one or one already running) at most
        `fresh_ingest_wait` seconds; it goes on in the background after that."""
        try:
            await asyncio.wait_for(asyncio.shield(self._start_poll()), self.fresh_ingest_wait)
        except TimeoutError:
            log.info("sources still polling after %.0f s: sending what is stored", self.fresh_ingest_wait)

    # -- one pass ----------------------------------------------------------------------------------
    async def tick(self, now: datetime | None = None) -> DeliveryReport:
        """Create the rows due at `now` (default: the clock), then send every claimable one.

        Leases, retries and "retry after" always follow the clock; `now` only says what is due.
        """
        async with self._pass_lock:
            now = now or self.clock()
            missing = await asyncio.to_thread(self.outbox.missing_due, now)
            if (
                missing
                and self.ingest is not None
                and time.monotonic() - self._last_ingest > FRESH_INGEST_SECONDS
            ):
                await self._fresh_sources()  # the digest should carry what the sources hold now
                now = max(now, self.clock())
            created = await asyncio.to_thread(self.outbox.insert_due, missing, now)
            report = await self.outbox.drain()
            report.created = created
            self.last_report = report
            if created or report.claimed:
                log.info("delivery pass: %s", report.line())
            return report
