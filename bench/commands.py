"""Command latency with 10,000 stored stories, on SQLite and on PostgreSQL, and on both chat platforms
under concurrent load, over local fakes of their APIs.

The store: the 649 news files (and the seed) are analysed once, then stored as many times as needed to
reach --stories, each copy lightly varied (one paragraph left out, its own id and file name, ingest
times spread over the last 20 hours) so they are distinct stories. PostgreSQL is a server of its own
started with tests/pg.py's helpers (as the postgres user when root).

First query after an ingest: --rounds times, one more story is ingested (the real store path, its
analysis reused, then what the app does after an ingest that brought new stories: the window, its topic
index and the front page made once, `prepare_front_page`; its time is printed apart) and then every
command of the mix is asked once; none of these answers can come from the command cache, which an
ingest empties. Printed per command and over all of them, wall and CPU time. `--cold-pages` also
forgets the prepared window and pages before each round's commands (what a replica that did not run the
ingest sees).

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

Usage: .venv/bin/python bench/commands.py [--stories 10000] [--backends sqlite,postgresql] [--rounds 30]
       [--requests 200] [--articles 649] [--no-platforms]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import gc
import hashlib
import hmac
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402
from sqlalchemy import text  # noqa: E402
from telegram import Update  # noqa: E402

from bot.briefing import forget_pages, prepare_front_page  # noqa: E402
from bot.commands import ChatContext, Commands  # noqa: E402
from bot.http import HttpServer  # noqa: E402
from bot.ingest import make_analyser, store_articles  # noqa: E402
from bot.platforms.slack.front_end import SlackFrontEnd  # noqa: E402
from bot.platforms.telegram.front_end import TelegramFrontEnd  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from bot.store import Database, open_database  # noqa: E402
from bot.store.repo import add_article, count_articles  # noqa: E402
from summarizer.analysis import Analysis  # noqa: E402
from summarizer.article import Article  # noqa: E402
from summarizer.sources import open_source  # noqa: E402
from tests import pg  # noqa: E402
from tests.fakes.slack_api import FakeSlackApi  # noqa: E402
from tests.fakes.telegram_api import FakeTelegramApi  # noqa: E402
from tests.shared_data import SHARED_DATA  # noqa: E402

NEWS = SHARED_DATA / "news"
SEED = REPO / "seeds"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TG_TOKEN = "7000000001:AAHfakeTokenForBench_abcdefghijkLMNO"
MIX = [
    ("/brief", ""),
    ("/who", ""),
    ("/topics", ""),
    ("/brief", "trade"),
    ("/who", "Kerry"),
    ("/topics", "trade"),
    ("/help", ""),
]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def line(label: str, values_s: list[float]) -> str:
    ms = [v * 1000 for v in values_s]
    return (
        f"  {label:<44} n={len(ms):<4} p50 {pct(ms, 50):7.1f} ms   p99 {pct(ms, 99):7.1f} ms   "
        f"max {max(ms):7.1f} ms"
    )


class TimedCommands(Commands):
    """The real command core, recording how long each call takes."""

    durations: list[float]

    def handle(self, text, ctx):
        started = time.perf_counter()
        try:
            return super().handle(text, ctx)
        finally:
            self.durations.append(time.perf_counter() - started)


Story = tuple[Article, Analysis]


def analyse_news(articles: int) -> list[Story]:
    """The seed and the first `articles` news files, each analysed once."""
    analyse = make_analyser()
    started = time.perf_counter()
    stories: dict[str, Story] = {}  # by id: a file whose story another file already told is one story
    for path in [*sorted(SEED.glob("*.txt")), *sorted(NEWS.rglob("*.txt"))[:articles]]:
        for article in open_source(str(path)).poll(None).articles:
            stories.setdefault(article.id, (article, analyse(article)))
    print(f"analysed {len(stories)} stories in {time.perf_counter() - started:.1f} s")
    return list(stories.values())


def variant(story: Story, copy: int) -> Story:
    """Copy `copy` of a story: one paragraph left out (when it has several), its own id and file name."""
    article, analysis = story
    if copy == 0:
        return story
    paragraphs = article.paragraphs
    if len(paragraphs) > 1:
        paragraphs = paragraphs[: copy % len(paragraphs)] + paragraphs[copy % len(paragraphs) + 1 :]
    path = Path(article.source)
    return dataclasses.replace(
        article,
        id=hashlib.sha256(f"{article.id}:{copy}".encode()).hexdigest()[:32],
        body="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        source=str(path.with_name(f"{path.stem}-{copy}{path.suffix}")),
    ), analysis


def fill(db: Database, stories: list[Story], total: int) -> None:
    """Store `total` stories: copy 0 of every story, then copy 1, …; ingest times over the last 20 h."""
    started = time.perf_counter()
    now = datetime.now(UTC)
    step = timedelta(hours=20) / total
    for start in range(0, total, 500):
        with db.session() as session:
            for i in range(start, min(total, start + 500)):
                article, analysis = variant(stories[i % len(stories)], i // len(stories))
                add_article(session, article, analysis, ingested_at=now - (total - i) * step)
    if not db.is_sqlite:
        # what autovacuum does within a minute of a bulk load (fresh planner statistics; the visibility
        # map lets the window's keys be read from their index alone)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE articles"))
    with db.session() as session:
        stored = count_articles(session)
    print(
        f"store: {stored} stories stored in {time.perf_counter() - started:.1f} s "
        f"({len(stories)} analysed stories, {-(-total // len(stories))} copies at most)"
    )


@contextmanager
def open_store(backend: str, tmp: Path) -> Iterator[Database]:
    if backend == "sqlite":
        db = open_database(f"sqlite:///{tmp / 'bench.sqlite3'}")
        try:
            yield db
        finally:
            db.dispose()
        return
    bindir = pg.find_bindir()
    if bindir is None:
        raise SystemExit("PostgreSQL binaries not found (initdb, pg_ctl)")
    root = Path(tempfile.mkdtemp(prefix="briefbot-bench-pg-"))
    server = pg.start_server(root, bindir)
    try:
        db = open_database(server.create_database("bench"))
        try:
            yield db
        finally:
            db.dispose()
    finally:
        pg.stop_server(root, bindir)
        shutil.rmtree(root, ignore_errors=True)


def bench_after_ingest(
    db: Database, stories: list[Story], rounds: int, copy: int, *, cold_pages: bool = False
) -> tuple[list[float], list[float]]:
    """Each round: one new story through the real store path and the app's after-ingest preparation,
    then every command of the mix once. Returns the wall and the CPU times of every command."""
    settings = load_settings({})
    commands = Commands(db, settings)
    ctx = ChatContext("console", "bench")
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    prepared: list[float] = []
    for r in range(rounds):
        story = variant(stories[r % len(stories)], copy + r)
        report = store_articles(db, [story[0]], lambda _article, a=story[1]: a)
        assert len(report.new) == 1
        started = time.perf_counter()
        prepare_front_page(
            db,
            max_items=settings.digest_max_items,
            max_chars=settings.digest_max_chars,
            now=datetime.now(UTC),
        )  # as bot/app.py's ingest_configured does
        prepared.append(time.perf_counter() - started)
        if cold_pages:
            forget_pages()
        for cmd, args in MIX:
            name = f"{cmd} {args}".strip()
            started, started_cpu = time.perf_counter(), time.process_time()
            commands.handle(name, ctx)
            wall.setdefault(name, []).append(time.perf_counter() - started)
            cpu.setdefault(name, []).append(time.process_time() - started_cpu)
    print(
        f"first query after an ingest: {rounds} rounds of (ingest one story, then each command once); "
        f"wall time, then this process's CPU time (the database server's not included)"
        + ("; prepared pages forgotten before the commands" if cold_pages else "")
    )
    print(line("after-ingest preparation (page, topics)", prepared))
    for name in wall:
        print(line(name, wall[name]) + f"   cpu p99 {pct(cpu[name], 99) * 1000:6.1f} ms")
    everything = [v for values in wall.values() for v in values]
    print(
        line("all commands, first after an ingest", everything)
        + f"   cpu p99 {pct([v for vs in cpu.values() for v in vs], 99) * 1000:6.1f} ms"
        + f"   (load average now {os.getloadavg()[0]:.1f})"
    )
    return everything, [v for values in cpu.values() for v in values]


def sign(body: str) -> dict[str, str]:
    stamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": "application/x-www-form-urlencoded",
    }


# -- the child process: fake platforms and the Slack load client -------------------------------------
def platform_process(conn: Connection) -> None:
    """Serve the fakes; on ("slack", url, n, burst) fire n signed requests, answer with timings."""
    with (
        FakeSlackApi().running_in_thread() as slack,
        FakeTelegramApi(token=TG_TOKEN).running_in_thread() as tg,
    ):
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
            body = urlencode(
                {
                    "team_id": fake.team_id,
                    "channel_id": f"C{i:05d}",
                    "user_id": "U0BENCH",
                    "command": cmd,
                    "text": text,
                    "api_app_id": "A0BRIEF",
                    "trigger_id": f"t{i}",
                    "response_url": fake.response_url(f"r{i}"),
                }
            )
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
    settings = load_settings(
        {}, slack_bot_token="xoxb-bench-token", slack_signing_secret=SECRET, slack_api_base_url=slack_url
    )
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

    http = HttpServer(
        [web.route(r.method, r.path, timed(r.handler)) for r in front.http_routes()], "127.0.0.1", 0
    )
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
            print(
                f"Slack: {n} signed slash commands {kind} (HTTP {sorted(set(statuses))}), "
                f"{len(posted)} replies posted"
            )
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
        return {
            "update_id": next(update_ids),
            "message": {
                "message_id": i + 1,
                "date": int(time.time()),
                "text": f"{cmd} {text}".strip(),
                "chat": {"id": 10_000 + i, "type": "private", "first_name": "B"},
                "from": {"id": 10_000 + i, "is_bot": False, "first_name": "B"},
                "entities": [{"type": "bot_command", "offset": 0, "length": len(cmd)}],
            },
        }

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
        print(
            f"Telegram: {n} updates queued at once, processed {app.concurrent_updates} at a time "
            f"as in production; {n / wall:.0f} updates/s"
        )
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
    parser.add_argument("--stories", type=int, default=10_000, help="stories stored before measuring")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--rounds", type=int, default=30, help="ingests each followed by every command")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--articles", type=int, default=649, help="news files the stories are made from")
    parser.add_argument("--no-platforms", action="store_true", help="skip the Slack and Telegram loads")
    parser.add_argument(
        "--cold-pages",
        action="store_true",
        help="forget the window and pages prepared after each ingest (a replica that did not ingest)",
    )
    args = parser.parse_args()
    stories = analyse_news(args.articles)
    # the analysed stories and the language model stay in memory; keep them out of the collector's
    # full passes, as a long-running bot would after loading its models (gc.freeze)
    gc.collect()
    gc.freeze()
    parent, child = multiprocessing.Pipe()
    platforms = multiprocessing.get_context("spawn").Process(target=platform_process, args=(child,))
    platforms.start()
    summary: list[str] = []
    try:
        slack_url, tg_url = parent.recv()
        for backend in args.backends.split(","):
            print(f"\n== {backend} == (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
            with tempfile.TemporaryDirectory() as tmp, open_store(backend, Path(tmp)) as db:
                fill(db, stories, args.stories)
                copy = -(-args.stories // len(stories)) + 1  # copies not stored yet
                load = os.getloadavg()[0]
                cold, cold_cpu = bench_after_ingest(
                    db, stories, args.rounds, copy, cold_pages=args.cold_pages
                )
                load = max(load, os.getloadavg()[0])
                p50, p99 = pct(cold, 50) * 1000, pct(cold, 99) * 1000
                summary.append(
                    f"  {backend:<11} {args.stories} stories: command latency, first query after "
                    f"an ingest: p50 {p50:.1f} ms, p99 {p99:.1f} ms wall, "
                    f"p99 {pct(cold_cpu, 99) * 1000:.1f} ms CPU (load average up to {load:.1f} "
                    f"on {os.cpu_count()} CPUs)"
                )
                if not args.no_platforms:
                    asyncio.run(bench_slack(db, args.requests, parent, slack_url))
                    asyncio.run(bench_telegram(db, args.requests, tg_url))
    finally:
        parent.send(None)
        platforms.join(timeout=10)
    print("\nsummary")
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
