"""/healthz and /metrics over real HTTP on the shared server."""

from __future__ import annotations

from pathlib import Path

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bot.commands import ChatContext, Commands
from bot.health import health_routes
from bot.http import HttpServer
from bot.settings import load_settings
from bot.store import Database, open_database


async def _get(server: HttpServer, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{server.port}{path}") as resp:
        return resp.status, await resp.text()


async def test_healthz_healthy_then_unhealthy_when_scheduler_stops(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    running = {"value": True}
    server = HttpServer(health_routes(db, lambda: running["value"]), "127.0.0.1", 0)
    await server.start()
    try:
        status, body = await _get(server, "/healthz")
        assert status == 200 and '"status": "ok"' in body and '"scheduler": "running"' in body
        running["value"] = False
        status, body = await _get(server, "/healthz")
        assert status == 503 and '"scheduler": "stopped"' in body
    finally:
        await server.stop()


async def test_healthz_reports_the_last_ingest_and_the_server_its_chosen_port(tmp_path: Path) -> None:
    """last_ingest comes from the metrics registry (no private gauge attribute); a server asked for
    port 0 reports the one the system chose (aiohttp's public runner.addresses)."""
    import json
    from datetime import UTC, datetime

    from bot.ingest import ingest_specs, make_analyser
    from tests.conftest import SEED

    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    server = HttpServer(health_routes(db), "127.0.0.1", 0)
    await server.start()
    try:
        assert server.port != 0
        before = datetime.now(UTC)
        ingest_specs(db, [str(SEED)], make_analyser())
        status, body = await _get(server, "/healthz")
        last = datetime.fromisoformat(json.loads(body)["last_ingest"])
        assert status == 200 and before.replace(microsecond=0) <= last <= datetime.now(UTC)
    finally:
        await server.stop()


async def test_healthz_unhealthy_when_database_unreachable() -> None:
    db = Database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    server = HttpServer(health_routes(db), "127.0.0.1", 0)
    await server.start()
    try:
        status, body = await _get(server, "/healthz")
        assert status == 503 and '"database": "unreachable"' in body
    finally:
        await server.stop()


def _sample(text: str, name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return sample.value
    return 0.0


async def test_metrics_count_commands_served(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    commands = Commands(db, load_settings({}))
    server = HttpServer(health_routes(db), "127.0.0.1", 0)
    await server.start()
    try:
        _, before = await _get(server, "/metrics")
        commands.handle("/help", ChatContext("slack", "C1"))
        commands.handle("/topics", ChatContext("slack", "C1"))
        status, after = await _get(server, "/metrics")
        assert status == 200
        served = "briefbot_commands_total"
        key = {"platform": "slack", "command": "help"}
        assert _sample(after, served, **key) == _sample(before, served, **key) + 1
        assert "briefbot_command_latency_seconds_bucket" in after
        assert "briefbot_digests_delivered_total" in after and "briefbot_rate_limited_total" in after
    finally:
        await server.stop()


async def test_metrics_count_digests_delivered_and_send_latency(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.ratelimit import Pacers
    from bot.scheduler import DigestScheduler
    from tests.bot.delivery_support import FakeClock, FakeSender, news_articles, store_news, subscribe

    start = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
    clock, sender = FakeClock(start), FakeSender(platform="slack")
    sender.clock = clock
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    store_news(db, news_articles(2), start - timedelta(hours=1))
    subscribe(db, "C42", "08:00", "UTC", when=start, platform="slack")
    scheduler = DigestScheduler(
        db,
        load_settings({}),
        {"slack": sender},
        clock=clock,
        sleep=clock.backoff_sleep,
        pacers=Pacers(monotonic=clock.monotonic, sleep=clock.sleep),
    )
    server = HttpServer(health_routes(db, lambda: True), "127.0.0.1", 0)
    await server.start()
    try:
        _, before = await _get(server, "/metrics")
        clock.set(start + timedelta(hours=2, minutes=1))
        await scheduler.tick()
        _, after = await _get(server, "/metrics")
    finally:
        await scheduler.stop()
        await server.stop()
    assert len(sender.to("C42")) >= 1
    delivered = "briefbot_digests_delivered_total"
    assert _sample(after, delivered, platform="slack") == _sample(before, delivered, platform="slack") + 1
    latency = "briefbot_send_latency_seconds_count"
    assert _sample(after, latency, platform="slack") > _sample(before, latency, platform="slack")
