"""Bounded waits of a real `briefbot run` process (#12 item 5), the way the review measured them:

1. start-up with a feed source that holds its answer for 60 s: when /healthz first answers, and when the
   first ingest ends (the feed's fetch deadline ends it);
2. N clients trickling their request headers one byte a second: how long the server holds them;
3. SIGTERM: seconds to exit;
4. PostgreSQL frozen (SIGSTOP, server started with tests/pg.py's helpers): /healthz status and time, then
   seconds from SIGTERM to exit;
5. a due digest while a poll is held by the slow feed: how late it goes out (in process).

    .venv/bin/python bench/bounded_waits.py [--connections 300] [--no-postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.ingest import ingest_specs, make_analyser  # noqa: E402
from bot.ratelimit import UNLIMITED  # noqa: E402
from bot.scheduler import DigestScheduler  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.store import open_database  # noqa: E402
from tests import pg  # noqa: E402
from tests.bot.delivery_support import FakeSender, news_articles, store_news, subscribe  # noqa: E402
from tests.httpserver import LocalHTTPServer, Reply, Request  # noqa: E402

HELD = 60.0  # seconds the slow feed holds each request
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title><link>http://x/</link>
<item><title>Late news</title><link>http://x/1</link><description>Late.</description></item></channel></rss>"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def healthz(port: int, timeout: float = 15.0) -> tuple[int | None, float, str]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout) as resp:
            return resp.status, time.monotonic() - started, ""
    except urllib.error.HTTPError as exc:
        return exc.code, time.monotonic() - started, json.loads(exc.read() or b"{}").get("reason", "")
    except OSError as exc:
        return None, time.monotonic() - started, type(exc).__name__


def spawn(tmp: Path, port: int, **env: str) -> subprocess.Popen[bytes]:
    full = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "BRIEFBOT_HTTP_PORT": str(port),
        "BRIEFBOT_HTTP_HOST": "127.0.0.1",
        "BRIEFBOT_LOG_FORMAT": "text",
        "BRIEFBOT_DATABASE_URL": f"sqlite:///{tmp / 'b.sqlite3'}",
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=REPO,
        env=full,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "log.txt").open("wb"),
    )


def until_healthy(port: int, proc: subprocess.Popen[bytes], seconds: float = 120) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < seconds and proc.poll() is None:
        if healthz(port, 2.0)[0] is not None:
            return time.monotonic() - started
        time.sleep(0.1)
    return None


def sigterm(proc: subprocess.Popen[bytes]) -> tuple[int | None, float]:
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        code = None
    return code, time.monotonic() - started


async def trickle(port: int, count: int, limit: float) -> list[float]:
    """`count` clients each sending a request line and then one header byte a second; seconds held."""

    async def one() -> float:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        started = time.monotonic()
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        try:
            while time.monotonic() - started < limit:
                writer.write(b"a")
                await writer.drain()
                with contextlib.suppress(TimeoutError):
                    if await asyncio.wait_for(reader.read(1024), 1.0) == b"":
                        break
        except (ConnectionResetError, BrokenPipeError):
            pass
        finally:
            writer.close()
        return time.monotonic() - started

    return list(await asyncio.gather(*(one() for _ in range(count))))


def held_feed() -> tuple[LocalHTTPServer, threading.Event]:
    release = threading.Event()

    def answer(_request: Request) -> Reply:
        release.wait(HELD)
        return Reply(body=RSS, content_type="application/rss+xml")

    server = LocalHTTPServer().start()
    server.route("/feed.xml", answer)
    return server, release


def startup_and_trickle(connections: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="briefbot-bench-waits-"))
    server, release = held_feed()
    port = free_port()
    started = time.monotonic()
    proc = spawn(tmp, port, BRIEFBOT_SOURCES=f"seeds,{server.url('/feed.xml')}")
    try:
        first = until_healthy(port, proc)
        ingest_done = None
        while time.monotonic() - started < 120 and proc.poll() is None:
            if "bot.app: ingest:" in (tmp / "log.txt").read_text(errors="replace"):
                ingest_done = time.monotonic() - started
                break
            time.sleep(0.1)
        print(
            f"start-up, feed held {HELD:.0f} s: /healthz first answered {first:.1f} s after start; "
            f"first ingest ended {ingest_done:.1f} s after start"
            if first and ingest_done
            else f"start-up: /healthz {first}, ingest {ingest_done}"
        )
        held = asyncio.run(trickle(port, connections, 150.0))
        print(
            f"{connections} clients trickling headers 1 byte/s: held {min(held):.1f}-{max(held):.1f} s "
            f"(median {sorted(held)[len(held) // 2]:.1f} s; header timeout 10 s)"
        )
        code, took = sigterm(proc)
        print(f"SIGTERM: exit {code} after {took:.2f} s")
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def frozen_postgres() -> None:
    bindir = pg.find_bindir()
    if bindir is None:
        print("PostgreSQL frozen: skipped (no initdb/pg_ctl)")
        return
    root = Path(tempfile.mkdtemp(prefix="briefbot-bench-pg-"))
    tmp = Path(tempfile.mkdtemp(prefix="briefbot-bench-waits-"))
    (tmp / "sources").mkdir()
    server = pg.start_server(root, bindir)
    pids: list[int] = []
    proc = None
    try:
        port = free_port()
        proc = spawn(
            tmp,
            port,
            BRIEFBOT_DATABASE_URL=server.create_database("bench"),
            BRIEFBOT_SOURCES=str(tmp / "sources"),
        )
        until_healthy(port, proc)
        postmaster = int((root / "data" / "postmaster.pid").read_text().split()[0])
        pids = [postmaster] + [
            int(p.parent.name) for p in Path("/proc").glob("[0-9]*/stat") if _ppid(p) == postmaster
        ]
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        probes = [healthz(port) for _ in range(3)]
        shown = ", ".join(f"{s} in {t:.2f} s" for s, t, _ in probes)
        print(f"PostgreSQL frozen: /healthz {shown} ({probes[0][2]})")
        code, took = sigterm(proc)
        print(f"PostgreSQL frozen: SIGTERM exit {code} after {took:.2f} s")
    finally:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        if proc is not None and proc.poll() is None:
            proc.kill()
        pg.stop_server(root, bindir)
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)


def _ppid(stat: Path) -> int:
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


async def digest_during_slow_poll() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="briefbot-bench-waits-"))
    server, release = held_feed()
    db = open_database(f"sqlite:///{tmp / 'b.sqlite3'}")
    now = datetime.now(UTC)
    subscribe(db, "100", "00:00", "UTC", when=now - timedelta(days=2))
    store_news(db, news_articles(2, folder="reuters"), now - timedelta(hours=1))
    analyse = make_analyser()
    bot = DigestScheduler(
        db,
        load_settings({}),
        {"telegram": FakeSender()},
        limits={"telegram": UNLIMITED},
        ingest=lambda: ingest_specs(db, [server.url("/feed.xml")], analyse),
    )
    polling = asyncio.create_task(bot.poll())
    await asyncio.sleep(0.5)
    started = time.monotonic()
    report = await bot.tick()
    took = time.monotonic() - started
    print(
        f"digest due while a poll is held: sent {report.delivered} after {took:.2f} s "
        f"(poll still running: {not polling.done()})"
    )
    release.set()
    await polling
    await bot.stop()
    db.dispose()
    server.stop()
    shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=300)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    startup_and_trickle(args.connections)
    if not args.no_postgres:
        frozen_postgres()
    asyncio.run(digest_during_slow_poll())


if __name__ == "__main__":
    main()
