"""/healthz and /metrics on the shared HTTP server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

from aiohttp import web

from bot.metrics import LAST_INGEST, render_metrics
from bot.store.db import Database
from bot.store.repo import last_ingest_time


def health_routes(db: Database, scheduler_running: Callable[[], bool] | None = None, *,
                  front_ends_stalled: Callable[[], list[str]] | None = None) -> list[web.RouteDef]:
    """`scheduler_running` is None where this process runs no scheduler (then it is not checked).
    `front_ends_stalled`: why each stalled chat front end is not receiving (none: all fine)."""

    async def healthz(_request: web.Request) -> web.Response:
        db_ok = await asyncio.to_thread(db.ping)
        last_article = None
        if db_ok:
            last_article = await asyncio.to_thread(_last_article, db)
        sched_ok = scheduler_running() if scheduler_running is not None else None
        polled = LAST_INGEST._value.get()
        stalled = front_ends_stalled() if front_ends_stalled is not None else []
        body = {
            "status": "ok" if db_ok and sched_ok is not False and not stalled else "unhealthy",
            "database": "ok" if db_ok else "unreachable",
            "scheduler": {None: "not running in this process", True: "running", False: "stopped"}[sched_ok],
            "last_ingest": datetime.fromtimestamp(polled, UTC).isoformat() if polled else None,
            "last_article_ingested_at": last_article.isoformat() if last_article else None,
            "front_ends": stalled or "ok",
        }
        return web.json_response(body, status=200 if body["status"] == "ok" else 503)

    async def metrics(_request: web.Request) -> web.Response:
        payload, content_type = render_metrics()
        return web.Response(body=payload, headers={"Content-Type": content_type})

    return [web.get("/healthz", healthz), web.get("/metrics", metrics)]


def _last_article(db: Database) -> datetime | None:
    with db.session() as session:
        return last_ingest_time(session)
