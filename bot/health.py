"""/healthz and /metrics on the shared HTTP server.

/healthz answers within `check_timeout` (+ a little) whatever the database does: the check runs in a
thread of its own, at most one at a time (a frozen database holds one thread, not one per probe), and a
check that has not answered in time is a 503 saying so.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime

from aiohttp import web

from bot.metrics import last_ingest_timestamp, render_metrics
from bot.store.db import Database
from bot.store.repo import last_ingest_time

log = logging.getLogger(__name__)
CHECK_TIMEOUT = 1.5  # seconds: /healthz must answer within 2 s


@dataclass(frozen=True)
class DatabaseCheck:
    ok: bool
    last_article: datetime | None = None
    reason: str | None = None


class DatabaseProbe:
    """Pings the database off the event loop with a bounded wait; concurrent probes share one check."""

    def __init__(self, db: Database, timeout: float = CHECK_TIMEOUT) -> None:
        self.db, self.timeout = db, timeout
        self._lock = threading.Lock()
        self._inflight: Future[DatabaseCheck] | None = None

    async def check(self) -> DatabaseCheck:
        with self._lock:
            if self._inflight is None or self._inflight.done():
                self._inflight = Future()
                # a daemon thread: one stuck on a frozen database never holds the process at exit
                threading.Thread(
                    target=self._run, args=(self._inflight,), name="health-db", daemon=True
                ).start()
            inflight = self._inflight
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(inflight)), self.timeout)
        except TimeoutError:
            log.warning("database did not answer the health check within %.1f s", self.timeout)
            return DatabaseCheck(False, reason=f"database did not answer within {self.timeout:g} s")

    def _run(self, result: Future[DatabaseCheck]) -> None:
        try:
            result.set_result(self._check())
        except BaseException as exc:  # pragma: no cover - _check catches what the driver raises
            result.set_exception(exc)

    def _check(self) -> DatabaseCheck:
        if not self.db.ping():
            return DatabaseCheck(False, reason="database unreachable")
        try:
            return DatabaseCheck(True, _last_article(self.db))
        except Exception as exc:  # the ping passed but the query did not: report, do not raise
            log.warning("health check query failed: %s", exc)
            return DatabaseCheck(False, reason="database query failed")


def health_routes(
    db: Database,
    scheduler_running: Callable[[], bool] | None = None,
    *,
    check_timeout: float = CHECK_TIMEOUT,
    front_ends_stalled: Callable[[], list[str]] | None = None,
) -> list[web.RouteDef]:
    """`scheduler_running` is None where this process runs no scheduler (then it is not checked).
    `front_ends_stalled`: why each stalled chat front end is not receiving (none: all fine)."""
    probe = DatabaseProbe(db, check_timeout)

    async def healthz(_request: web.Request) -> web.Response:
        checked = await probe.check()
        sched_ok = scheduler_running() if scheduler_running is not None else None
        polled = last_ingest_timestamp()
        stalled = front_ends_stalled() if front_ends_stalled is not None else []
        body = {
            "status": "ok" if checked.ok and sched_ok is not False and not stalled else "unhealthy",
            "database": "ok" if checked.ok else "unreachable",
            "scheduler": {None: "not running in this process", True: "running", False: "stopped"}[sched_ok],
            "last_ingest": datetime.fromtimestamp(polled, UTC).isoformat() if polled else None,
            "last_article_ingested_at": checked.last_article.isoformat() if checked.last_article else None,
            "front_ends": stalled or "ok",
        }
        if checked.reason:
            body["reason"] = checked.reason
        return web.json_response(body, status=200 if body["status"] == "ok" else 503)

    async def metrics(_request: web.Request) -> web.Response:
        payload, content_type = render_metrics()
        return web.Response(body=payload, headers={"Content-Type": content_type})

    return [web.get("/healthz", healthz), web.get("/metrics", metrics)]


def _last_article(db: Database) -> datetime | None:
    with db.session() as session:
        return last_ingest_time(session)
