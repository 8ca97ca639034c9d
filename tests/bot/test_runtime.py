"""Bounded waits (#12, item 5): /healthz from the start and within 2 s whatever the database does, SIGTERM
within 10 s, digests never held by a slow poll, database timeouts, slow-header clients dropped, and a
systemd unit that keeps restarting. The bot runs as a real `briefbot run` process where it matters."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from bot.health import health_routes
from bot.http import HttpServer
from bot.ingest import ingest_specs, make_analyser
from bot.ratelimit import UNLIMITED
from bot.scheduler import DigestScheduler
from bot.settings import load_settings
from bot.store import Database, open_database
from tests.bot.delivery_support import FakeSender, news_articles, store_news, subscribe
from tests.httpserver import LocalHTTPServer, Reply, Request
from tests.pg import (
    pg_server,  # noqa: F401  (fixture)
    pg_url,  # noqa: F401  (fixture)
    running_server,
)
from tests.test_deploy import DEPLOY, DOCKERFILE, dockerfile_instructions, final_stage, systemd_unit

REPO = Path(__file__).resolve().parents[2]
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title><link>http://x/</link>
<item><title>Late news</title><link>http://x/1</link><description>Late.</description></item>
</channel></rss>"""


# -- helpers ---------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SlowFeed:
    """A feed route that holds every request until released (a source that sleeps)."""

    def __init__(self) -> None:
        self.asked, self.release = threading.Event(), threading.Event()

    def __call__(self, _request: Request) -> Reply:
        self.asked.set()
        self.release.wait(30)
        return Reply(body=RSS, content_type="application/rss+xml")


@pytest.fixture
def slow_feed() -> Iterator[tuple[LocalHTTPServer, SlowFeed]]:
    feed = SlowFeed()
    with LocalHTTPServer() as server:
        server.route("/feed.xml", feed)
        try:
            yield server, feed
        finally:
            feed.release.set()


def health(port: int, timeout: float = 5.0) -> tuple[int | None, dict[str, Any], float]:
    """GET /healthz: (status or None when nothing answered, JSON body, seconds taken)."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout) as resp:
            return resp.status, json.loads(resp.read()), time.monotonic() - started
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}"), time.monotonic() - started
    except OSError:
        return None, {}, time.monotonic() - started


def wait_for_health(port: int, proc: subprocess.Popen[bytes], seconds: float) -> tuple[int | None, float]:
    """Poll /healthz until it answers; (status, seconds since the call)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds and proc.poll() is None:
        status, _body, _took = health(port, timeout=2.0)
        if status is not None:
            return status, time.monotonic() - started
        time.sleep(0.1)
    return None, time.monotonic() - started


def briefbot_run(tmp_path: Path, port: int, **env: str) -> subprocess.Popen[bytes]:
    full = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "BRIEFBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'b.sqlite3'}",
        "BRIEFBOT_HTTP_PORT": str(port),
        "BRIEFBOT_HTTP_HOST": "127.0.0.1",
        "BRIEFBOT_LOG_FORMAT": "text",
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=REPO,
        env=full,
        stdin=subprocess.DEVNULL,
        stdout=(tmp_path / "out.txt").open("wb"),
        stderr=(tmp_path / "err.txt").open("wb"),
    )


def sigterm_and_time(proc: subprocess.Popen[bytes]) -> tuple[int | None, float]:
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        code = None
    return code, time.monotonic() - started


def log_of(tmp_path: Path) -> str:
    return (tmp_path / "err.txt").read_text(errors="replace")[-3000:]


async def trickle_until_closed(port: int, seconds: float) -> float | None:
    """Send a request line, then one header byte every 0.2 s; seconds until the server hung up."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    try:
        while time.monotonic() - started < seconds:
            writer.write(b"a")
            await writer.drain()
            try:
                if await asyncio.wait_for(reader.read(1024), 0.2) == b"":
                    return time.monotonic() - started
            except TimeoutError:
                continue
    except (ConnectionResetError, BrokenPipeError):
        return time.monotonic() - started
    finally:
        writer.close()
    return None


def start_period(docker: list[tuple[str, str]]) -> float:
    args = [a for k, a in final_stage(docker) if k == "HEALTHCHECK"][-1]
    match = re.search(r"--start-period=(\d+)s", args)
    assert match, args
    return float(match.group(1))


# -- the process: start-up and SIGTERM ---------------------------------------------------------------
def test_healthz_answers_while_the_first_ingest_runs_and_sigterm_ends_it(
    tmp_path: Path, slow_feed: tuple[LocalHTTPServer, SlowFeed]
) -> None:
    """The first ingest holds on a slow feed: /healthz answers anyway, within the image's start period;
    a trickling client is dropped at the configured header timeout; SIGTERM mid-ingest exits 0 in 10 s."""
    server, feed = slow_feed
    port = _free_port()
    proc = briefbot_run(
        tmp_path,
        port,
        BRIEFBOT_SOURCES=f"seeds,{server.url('/feed.xml')}",
        BRIEFBOT_HTTP_HEADER_TIMEOUT_SECONDS="2",
    )
    try:
        status, first_answer = wait_for_health(port, proc, 60)
        assert status == 200, log_of(tmp_path)
        assert first_answer < start_period(dockerfile_instructions(DOCKERFILE.read_text(encoding="utf-8")))
        assert feed.asked.wait(60), log_of(tmp_path)  # the first ingest has reached the slow feed
        status, body, took = health(port)
        assert status == 200 and body["scheduler"] == "running" and took < 2.0
        assert "bot.app: ingest:" not in log_of(tmp_path)  # the first ingest has not ended: no counts yet

        dropped = asyncio.run(trickle_until_closed(port, 8.0))
        assert dropped is not None and dropped < 2.0 + 1.5

        code, took = sigterm_and_time(proc)
        assert code == 0, log_of(tmp_path)
        assert took < 10.0
    finally:
        feed.release.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _server_processes(data: Path) -> list[int]:
    """The postmaster (postmaster.pid's first line) and its children (/proc)."""
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    pids = [postmaster]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == postmaster:
            pids.append(int(stat.parent.name))
    return pids


@pytest.fixture
def own_pg() -> Iterator[tuple[str, Path]]:
    """A PostgreSQL server of this test alone (it gets frozen): (database URL, data folder)."""
    with running_server("briefbot-pg-frozen-") as (server, root):
        try:
            yield server.create_database("frozen"), root / "data"
        finally:  # thawed, so that it can be stopped
            for pid in _server_processes(root / "data"):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)


def test_frozen_postgresql_healthz_503_within_2s_and_sigterm_exits_within_10s(
    tmp_path: Path, own_pg: tuple[str, Path]
) -> None:
    url, data = own_pg
    (tmp_path / "sources").mkdir()
    port = _free_port()
    proc = briefbot_run(tmp_path, port, BRIEFBOT_DATABASE_URL=url, BRIEFBOT_SOURCES=str(tmp_path / "sources"))
    try:
        status, _ = wait_for_health(port, proc, 60)
        assert status == 200, log_of(tmp_path)
        frozen = _server_processes(data)
        for pid in frozen:
            os.kill(pid, signal.SIGSTOP)
        for _ in range(2):  # the first probe, and one while that probe's thread is still stuck
            status, body, took = health(port, timeout=10.0)
            assert status == 503 and took < 2.0, (status, took, log_of(tmp_path))
            assert body["database"] == "unreachable" and "did not answer" in body["reason"]

        code, took = sigterm_and_time(proc)
        assert code == 0, log_of(tmp_path)
        assert took < 10.0, log_of(tmp_path)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# -- in process: the HTTP server, the health probe, the scheduler -------------------------------------
def _silent_server() -> tuple[socket.socket, int]:
    """A TCP port that accepts connections and never says a word (a frozen database, seen from a client)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock, int(sock.getsockname()[1])


async def test_a_client_trickling_its_headers_is_disconnected(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    server = HttpServer(health_routes(db), "127.0.0.1", 0, header_timeout=1.0)
    await server.start()
    try:
        dropped = await trickle_until_closed(server.port, 6.0)
        assert dropped is not None and 0.8 < dropped < 1.0 + 1.5
        status, _body, _took = await asyncio.to_thread(health, server.port)
        assert status == 200  # a client that sends its request at once is served as before
    finally:
        await server.stop()
        db.dispose()


async def test_healthz_answers_503_within_2s_when_the_database_never_answers() -> None:
    sock, port = _silent_server()
    db = Database(f"postgresql+psycopg://nobody@127.0.0.1:{port}/none", connect_timeout=30)
    server = HttpServer(health_routes(db), "127.0.0.1", 0)
    await server.start()
    try:
        answers = await asyncio.gather(*(asyncio.to_thread(health, server.port, 10.0) for _ in range(5)))
        for status, body, took in answers:
            assert status == 503 and took < 2.0 and "did not answer" in body["reason"]
        # five probes at once wait on one check: a frozen database holds one thread, not one per probe
        assert sum(t.name == "health-db" for t in threading.enumerate()) == 1
    finally:
        await server.stop()
        sock.close()  # the stuck check fails now and its thread ends
        db.dispose()


async def test_a_slow_poll_does_not_hold_a_due_digest(
    tmp_path: Path, slow_feed: tuple[LocalHTTPServer, SlowFeed]
) -> None:
    server, feed = slow_feed
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    now = datetime.now(UTC)
    subscribe(db, "100", "00:00", "UTC", when=now - timedelta(days=2))
    stored = news_articles(2, folder="reuters")
    store_news(db, stored, now - timedelta(hours=1))
    analyse = make_analyser()
    sender = FakeSender()
    bot = DigestScheduler(
        db,
        load_settings({}),
        {"telegram": sender},
        limits={"telegram": UNLIMITED},
        ingest=lambda: ingest_specs(db, [server.url("/feed.xml")], analyse),
    )
    polling = asyncio.create_task(bot.poll())  # the interval's poll, held by a slow source
    try:
        assert await asyncio.to_thread(feed.asked.wait, 10)
        started = time.monotonic()
        report = await asyncio.wait_for(bot.tick(), 60)
        took = time.monotonic() - started
        assert report.delivered == 1 and stored[0].headline in sender.sent[0].text
        # the feed is held for 30 s and each fetch only gives up at its 10 s deadline: a digest that
        # waited for the poll would take 10-20 s
        assert took < 8.0
        assert not polling.done()
    finally:
        feed.release.set()
        await asyncio.wait_for(polling, 30)
        await bot.stop()
        db.dispose()


# -- database timeouts --------------------------------------------------------------------------------
def _within(seconds: float, work: Callable[[], Any]) -> tuple[bool, Any, float]:
    """Run `work` in a daemon thread: (finished in time, its result or exception, seconds taken)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["out"] = work()
        except Exception as exc:
            box["out"] = exc

    started = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    return not thread.is_alive(), box.get("out"), time.monotonic() - started


def test_postgresql_statements_are_cut_at_the_statement_timeout(pg_url: str) -> None:  # noqa: F811
    db = open_database(pg_url, statement_timeout=1)  # migrations ran under it (they are exempt)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "1s"

        def sleep_5s() -> None:
            with db.engine.connect() as conn:
                conn.execute(text("SELECT pg_sleep(5)"))

        done, out, took = _within(10, sleep_5s)
        assert done and isinstance(out, OperationalError) and "statement timeout" in str(out)
        assert took < 3.0
    finally:
        db.dispose()
    default = Database(pg_url)
    own = Database(pg_url + "?options=-c%20statement_timeout%3D2500")  # the URL's own value wins
    try:
        with default.engine.connect() as conn:  # the settings' default
            seconds = load_settings({}).database_statement_timeout_seconds
            assert conn.execute(text("SHOW statement_timeout")).scalar() == f"{seconds}s"
        with own.engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "2500ms"
    finally:
        default.dispose()
        own.dispose()


def test_connecting_to_a_database_that_never_answers_gives_up_at_the_connect_timeout() -> None:
    sock, port = _silent_server()
    db = Database(f"postgresql+psycopg://nobody@127.0.0.1:{port}/none", connect_timeout=2)
    try:
        done, reachable, took = _within(15, db.ping)
        assert done and reachable is False and took < 5.0
    finally:
        sock.close()
        db.dispose()


def test_sqlite_write_waits_for_a_lock_only_as_long_as_the_statement_timeout(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite3"
    db = open_database(f"sqlite:///{path}", statement_timeout=1)
    blocker = sqlite3.connect(path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another process holding the write lock
    try:

        def write() -> None:
            with db.session() as session:
                session.execute(
                    text(
                        "INSERT INTO source_states (key, state, updated_at) VALUES ('k', '{}', '2026-01-01')"
                    )
                )

        done, out, took = _within(20, write)
        assert done and isinstance(out, OperationalError) and "locked" in str(out)
        assert 0.8 < took < 3.0
    finally:
        blocker.rollback()
        blocker.close()
        db.dispose()


# -- deployment ----------------------------------------------------------------------------------------
def test_systemd_keeps_restarting_a_bot_that_fails_at_start() -> None:
    """A bot failing at every start (database down) is restarted every RestartSec for as long as it fails:
    the start limit must be off, or allow more starts per interval than RestartSec lets happen."""
    unit = systemd_unit((DEPLOY / "briefbot.service").read_text(encoding="utf-8"))
    interval = float(unit["Unit"].get("StartLimitIntervalSec", ["10"])[-1].rstrip("s") or 0)
    burst = int(unit["Unit"].get("StartLimitBurst", ["5"])[-1])
    restart_sec = float(unit["Service"]["RestartSec"][-1].rstrip("s"))
    assert unit["Service"]["Restart"] == ["on-failure"]
    starts_per_interval = interval / restart_sec + 1
    assert interval == 0 or burst > starts_per_interval
    # and the stop it waits for (SIGTERM within 10 s) fits the unit's stop timeout
    assert float(unit["Service"]["TimeoutStopSec"][-1].rstrip("s")) > 10
