"""Command latency on both chat platforms under concurrent load, over local fakes of their APIs.

Slack: N signed slash-command requests sent at once over HTTP to the real Bolt app on the shared aiohttp
server (its WebClient pointed at a local fake Slack Web API). Telegram: N updates fed at once into the
real python-telegram-bot Application in-process (`process_update`), replies sent to a local fake Bot API.

The fake platforms and the Slack load client run in a child process, so the bot process's event loop
and CPU are its own (as they would be in production). Two loads: a burst of N at once, and N one after
another (unloaded latency).

Printed, p50/p99 in milliseconds:
- server-side: Slack, from the request reaching the handler to the ack leaving it; Telegram, from the
  update entering the Application to its reply being accepted by the (fake) Bot API;
- the command core alone (`Commands.handle`, the part that reads the store and builds the answer);
- client-observed Slack round trips, and when each reply reached the fake platform (with queueing).

Usage: .venv/bin/python bench/commands.py [--requests 200] [--articles 649]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import multiprocessing
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402
from telegram import Update  # noqa: E402

from bot.commands import Commands  # noqa: E402
from bot.http import HttpServer  # noqa: E402
from bot.ingest import ingest_specs, make_analyser  # noqa: E402
from bot.platforms.slack import SlackFrontEnd  # noqa: E402
from bot.platforms.telegram import TelegramFrontEnd  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.store import Database, open_database  # noqa: E402
from tests.fakes.slack_api import FakeSlackApi  # noqa: E402
from tests.fakes.telegram_api import FakeTelegramApi  # noqa: E402
from tests.shared_data import SHARED_DATA  # noqa: E402

NEWS = SHARED_DATA / "news"
SEED = REPO / "seeds"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TG_TOKEN = "7000000001:AAHfakeTokenForBench_abcdefghijkLMNO"
MIX = [("/brief", ""), ("/who", ""), ("/topics", ""), ("/brief", "trade"), ("/who", "Kerry"),
       ("/topics", "trade"), ("/help", "")]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def line(label: str, values_s: list[float]) -> str:
    ms = [v * 1000 for v in values_s]
    return (f"  {label:<44} n={len(ms):<4} p50 {pct(ms, 50):7.1f} ms   p99 {pct(ms, 99):7.1f} ms   "
            f"max {max(ms):7.1f} ms")


class TimedCommands(Commands):
    """The real command core, recording how long each call takes."""

    durations: list[float]

    def handle(self, text, ctx):
        started = time.perf_counter()
        try:
            return super().handle(text, ctx)
        finally:
            self.durations.append(time.perf_counter() - started)


def build_db(tmp: Path, articles: int) -> Database:
    db = open_database(f"sqlite:///{tmp / 'bench.sqlite3'}")
    files = sorted(NEWS.rglob("*.txt"))[:articles]
    started = time.perf_counter()
    report = ingest_specs(db, [str(SEED), *map(str, files)], make_analyser())
    print(f"store: {len(report.new)} articles ingested in {time.perf_counter() - started:.1f} s")
    return db


def sign(body: str) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}",
            "Content-Type": "application/x-www-form-urlencoded"}


# -- the child process: fake platforms and the Slack load client -------------------------------------
def platform_process(conn: Connection) -> None:
    """Serve the fakes; on ("slack", url, n, burst) fire n signed requests, answer with timings."""
    with FakeSlackApi().running_in_thread() as slack, \
            FakeTelegramApi(token=TG_TOKEN).running_in_thread() as tg:
        conn.send((slack.base_url, tg.base_url))
        while True:
            msg = conn.recv()
            if msg is None:
                return
            _, url, n, burst = msg
            before = len(slack.posts)
            t0 = time.monotonic()
            rtts, statuses = asyncio.run(_fire_slack(slack, url, n, burst))
            deadline = time.monotonic() + 120
            while len(slack.posts) < before + n and time.monotonic() < deadline:
                time.sleep(0.02)
            posted = [p.at - t0 for p in slack.posts[before:]]
            conn.send((rtts, statuses, posted))


async def _fire_slack(fake: FakeSlackApi, url: str, n: int, burst: bool) -> tuple[list[float], list[int]]:
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=max(n, 1))) as client:
        async def one(i: int) -> tuple[float, int]:
            cmd, text = MIX[i % len(MIX)]
            body = urlencode({
                "team_id": fake.team_id, "channel_id": f"C{i:05d}", "user_id": "U0BENCH",
                "command": cmd, "text": text, "api_app_id": "A0BRIEF", "trigger_id": f"t{i}",
                "response_url": fake.response_url(f"r{i}"),
            })
            started = time.perf_counter()
            async with client.post(url, data=body.encode(), headers=sign(body)) as resp:
                await resp.read()
                return time.perf_counter() - started, resp.status

        if burst:
            results = await asyncio.gather(*(one(i) for i in range(n)))
        else:
            results = [await one(i) for i in range(n)]
    return [r for r, _ in results], [s for _, s in results]


# -- the bot process ----------------------------------------------------------------------------------
async def bench_slack(db: Database, n: int, conn: Connection, slack_url: str) -> None:
    server_side: list[float] = []
    settings = load_settings({}, slack_bot_token="xoxb-bench-token", slack_signing_secret=SECRET,
                             slack_api_base_url=slack_url)
    commands = TimedCommands(db, settings)
    commands.durations = []
    front = SlackFrontEnd(settings, commands)

    def timed(handler):
        async def wrapper(request: web.Request) -> web.StreamResponse:
            started = time.perf_counter()
            try:
                return await handler(request)
            finally:
                server_side.append(time.perf_counter() - started)
        return wrapper

    http = HttpServer([web.route(r.method, r.path, timed(r.handler)) for r in front.http_routes()],
                      "127.0.0.1", 0)
    await http.start()
    await front.start()
    url = f"http://127.0.0.1:{http.port}/slack/events"
    try:
        for burst in (False, True):
            await _ask(conn, ("slack", url, len(MIX), True))  # warm-up, not measured
            server_side.clear()
            commands.durations.clear()
            rtts, statuses, posted = await _ask(conn, ("slack", url, n, burst))
            kind = "at once" if burst else "one after another"
            print(f"Slack: {n} signed slash commands {kind} (HTTP {sorted(set(statuses))}), "
                  f"{len(posted)} replies posted")
            print(line("server-side: request -> ack", server_side))
            print(line("command core (Commands.handle)", commands.durations))
            print(line("client round trip (incl. queueing)", rtts))
            print(line("reply posted, from load start", posted))
    finally:
        await front.stop()
        await http.stop()


async def _ask(conn: Connection, msg: tuple) -> tuple:
    conn.send(msg)
    return await asyncio.to_thread(conn.recv)


async def bench_telegram(db: Database, n: int, tg_url: str) -> None:
    latencies: list[float] = []
    settings = load_settings({}, telegram_bot_token=TG_TOKEN, telegram_api_base_url=tg_url)
    commands = TimedCommands(db, settings)
    commands.durations = []
    app = TelegramFrontEnd(settings, commands).application
    await app.initialize()
    update_ids = iter(range(1, 10**9))

    async def one(i: int) -> None:
        update = Update.de_json(raw_update(i), app.bot)
        started = time.perf_counter()
        await app.process_update(update)
        latencies.append(time.perf_counter() - started)

    def raw_update(i: int) -> dict:
        cmd, text = MIX[i % len(MIX)]
        return {"update_id": next(update_ids), "message": {
            "message_id": i + 1, "date": int(time.time()), "text": f"{cmd} {text}".strip(),
            "chat": {"id": 10_000 + i, "type": "private", "first_name": "B"},
            "from": {"id": 10_000 + i, "is_bot": False, "first_name": "B"},
            "entities": [{"type": "bot_command", "offset": 0, "length": len(cmd)}]}}

    try:
        # As in production: updates land on the Application's queue and it processes them
        # `concurrent_updates` at a time; server-side latency runs from dequeue to the reply's acceptance.
        queued: list[float] = []
        plain_process = app.process_update

        async def timed_process(update: object) -> None:
            started = time.perf_counter()
            await plain_process(update)
            queued.append(time.perf_counter() - started)

        app.process_update = timed_process  # type: ignore[method-assign]
        await app.start()
        for i in range(len(MIX)):  # warm-up
            await app.update_queue.put(Update.de_json(raw_update(i), app.bot))
        while len(queued) < len(MIX):
            await asyncio.sleep(0.01)
        queued.clear()
        commands.durations.clear()
        t0 = time.perf_counter()
        for i in range(n):
            await app.update_queue.put(Update.de_json(raw_update(i), app.bot))
        while len(queued) < n:
            await asyncio.sleep(0.005)
        wall = time.perf_counter() - t0
        await app.stop()
        app.process_update = plain_process  # type: ignore[method-assign]
        print(f"Telegram: {n} updates queued at once, processed {app.concurrent_updates} at a time "
              f"as in production; {n / wall:.0f} updates/s")
        print(line("server-side: dequeue -> reply accepted by API", queued))
        print(line("command core (Commands.handle)", commands.durations))
        print(line("whole burst (queueing included)", [wall]))

        for burst in (False, True):
            await asyncio.gather(*(one(i) for i in range(len(MIX))))  # warm-up
            latencies.clear()
            commands.durations.clear()
            t0 = time.perf_counter()
            if burst:
                await asyncio.gather(*(one(i) for i in range(n)))
            else:
                for i in range(n):
                    await one(i)
            wall = time.perf_counter() - t0
            kind = "at once" if burst else "one after another"
            print(f"Telegram: {n} updates {kind}, in-process; {n / wall:.0f} updates/s")
            print(line("server-side: update -> reply accepted by API", latencies))
            print(line("command core (Commands.handle)", commands.durations))
    finally:
        await app.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--articles", type=int, default=649, help="news files to ingest first")
    args = parser.parse_args()
    parent, child = multiprocessing.Pipe()
    platforms = multiprocessing.get_context("spawn").Process(target=platform_process, args=(child,))
    platforms.start()
    try:
        slack_url, tg_url = parent.recv()
        with tempfile.TemporaryDirectory() as tmp:
            db = build_db(Path(tmp), args.articles)
            asyncio.run(bench_slack(db, args.requests, parent, slack_url))
            asyncio.run(bench_telegram(db, args.requests, tg_url))
            db.dispose()
    finally:
        parent.send(None)
        platforms.join(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
