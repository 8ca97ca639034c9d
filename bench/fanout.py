"""Fan-out benchmark: 10,000 subscriptions due at once, sent by the outbox through the real TelegramSender
to a local fake Bot API (its own process) that enforces Telegram's limits — ≤ 30 messages/s overall and
≤ 1/s per chat — answering 429 + retry_after when a message exceeds them.

    .venv/bin/python bench/fanout.py                      # 10,000 subscriptions, SQLite (≈ 6 minutes)
    .venv/bin/python bench/fanout.py -n 1000 --db postgresql+psycopg://…
    .venv/bin/python bench/fanout.py --accept-timeouts 0.02   # 2 % accepted, then answered too late
    .venv/bin/python bench/fanout.py --filters 50             # spread over 50 different topic filters

Prints achieved messages/s as a share of the 30/s limit, the 429s received, duplicates, losses (digests
not delivered) and the peak RSS of the sending process. Goal: ≥ 90 %, 0 losses, 0 duplicates, ≤ 200 MB.
With `--accept-timeouts SHARE` that share of sendMessage calls is delivered by the fake but answered only
after the sender's timeout (`--send-timeout`, 2 s in that run): each such send is in doubt and resent
(at least once), so the goal becomes 0 losses and duplicates ≤ the in-doubt count.
With `--filters N` the subscriptions are spread over N different topic filters (words of the stored
stories, pairs of them, and exclusions): each distinct filter's digest must be built once, not once per
chat, and the figures above must hold.

The database is prepared (10,000 subscriptions, the stories parsed and stored) in a child process, so
the peak RSS printed is the sending process's own: preparing in the same process cost ~110 MB of it
(parsing the stories loads the summarizer's models; 10,000 ORM objects in one session).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TOKEN = "7000000001:AAHfakeTokenForTests_abcdefghijkLMNO"
LIMIT = 30.0


def serve_fake(accept_timeouts: float, late_by: float) -> None:
    """Child mode: run the fake Bot API with rate limits (and, with `accept_timeouts`, that share of
    sends accepted but answered `late_by` seconds late); print its URL; on stdin EOF print the record."""
    from tests.fakes.telegram_api import FakeTelegramApi, RateLimits

    with FakeTelegramApi(token=TOKEN, rate_limits=RateLimits()).running_in_thread() as tg:
        if accept_timeouts > 0:
            tg.fail(None, "accept_then_timeout", times=None, share=accept_timeouts, delay=late_by)
        print(tg.base_url, flush=True)
        sys.stdin.read()
        record = {
            "sent": [[str(m.chat_id), m.at] for m in tg.sent],
            "count_429": tg.count_429,
            "rate_limited": tg.count_rate_limited,
            "late": len(tg.accepted_then_timed_out),
        }
    print(json.dumps(record), flush=True)


def bench_filters(texts: list[str], count: int) -> list[str]:
    """`count` different filters from the words of the stories: single words, pairs ("a, b") and
    exclusions ("a -b"), deterministic; "" (every story) when `count` is 0."""
    from bot.store.fulltext import query_words

    if count <= 0:
        return [""]
    words = sorted({w for text in texts for w in query_words(text) if w.isalpha() and len(w) > 3})
    out: list[str] = []
    for i, word in enumerate(words):
        other = words[(i * 7 + 3) % len(words)]
        for candidate in (word, f"{word}, {other}", f"{word} -{other}"):
            if len(out) < count and candidate not in out:
                out.append(candidate)
    return out[::3] + out[1::3] + out[2::3]  # each kind spread over the chats


def prepare(db_url: str, n: int, filters: int) -> list[str]:
    from bot.store import open_database
    from tests.bot.delivery_support import news_articles, past_hhmm, store_news, subscribe_many

    now = datetime.now(UTC)
    db = open_database(db_url)
    articles = news_articles(4, folder="cnn")  # one-message digests
    chosen = bench_filters([a.headline + " " + a.body[:400] for a in articles], filters)
    subscribe_many(db, n, past_hhmm(now), "UTC", when=now - timedelta(days=2), filters=chosen)
    store_news(db, articles, now - timedelta(hours=2))
    db.dispose()
    return chosen


async def fan_out(db_url: str, api: str, send_timeout: float) -> tuple[object, float]:
    from bot.platforms.telegram.sender import TelegramSender
    from bot.scheduler import DigestScheduler
    from bot.settings import load_settings
    from bot.store import open_database

    settings = load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=api)
    sender = TelegramSender.from_settings(settings, timeout=send_timeout)
    db = open_database(db_url)
    bot = DigestScheduler(db, settings, {"telegram": sender})
    started = time.perf_counter()
    report = await bot.tick()
    elapsed = time.perf_counter() - started
    report.digests_built = bot.outbox.digests_built  # type: ignore[attr-defined]
    await bot.stop()
    await sender.close()
    db.dispose()
    return report, elapsed


def delivered_rows(db_url: str) -> dict[str, tuple[str, list[str]]]:
    from bot.store import open_database
    from tests.bot.delivery_support import deliveries

    db = open_database(db_url, migrate=False)
    try:
        return {r.chat_id: (r.status, list(r.message_ids)) for r in deliveries(db)}
    finally:
        db.dispose()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-n", "--subscriptions", type=int, default=10_000)
    p.add_argument("--db", help="database URL (default: a new SQLite file)")
    p.add_argument(
        "--accept-timeouts",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="share of sends the fake accepts but answers after the sender's timeout (e.g. 0.02)",
    )
    p.add_argument(
        "--send-timeout",
        type=float,
        help="the sender's timeout in seconds (default 15; 2 with --accept-timeouts)",
    )
    p.add_argument("--filters", type=int, default=0, metavar="N", help="spread over N topic filters")
    p.add_argument("--prepare", metavar="URL", help=argparse.SUPPRESS)
    p.add_argument("--serve-fake", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--late-by", type=float, default=0.0, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.serve_fake:
        serve_fake(args.accept_timeouts, args.late_by)
        return
    if args.prepare:
        print(json.dumps(prepare(args.prepare, args.subscriptions, args.filters)), flush=True)
        return
    from bot.platforms.telegram.sender import SEND_TIMEOUT

    send_timeout = args.send_timeout or (2.0 if args.accept_timeouts else SEND_TIMEOUT)

    import logging

    logging.basicConfig(level=logging.WARNING)
    tmp = Path(tempfile.mkdtemp(prefix="fanout-"))
    db_url = args.db or f"sqlite:///{tmp / 'fanout.sqlite3'}"
    how = ["-n", str(args.subscriptions), "--filters", str(args.filters)]
    prepared = subprocess.run(
        [sys.executable, __file__, "--prepare", db_url, *how],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    filters = json.loads(prepared.stdout.strip().splitlines()[-1])
    fake = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve-fake",
            "--accept-timeouts",
            str(args.accept_timeouts),
            "--late-by",
            str(send_timeout + 1.0),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert fake.stdin is not None and fake.stdout is not None
    api = fake.stdout.readline().strip()
    late = (
        f", {100 * args.accept_timeouts:g} % of sends answered after the {send_timeout:g} s timeout"
        if args.accept_timeouts
        else ""
    )
    spread = f", {len(filters)} different filters" if args.filters else ""
    backend = db_url.split(":")[0]
    print(f"fan-out of {args.subscriptions} digests to {api} ({backend}{late}{spread}) …", flush=True)
    report, elapsed = asyncio.run(fan_out(db_url, api, send_timeout))
    fake.stdin.close()
    record = json.loads(fake.stdout.read().strip().splitlines()[-1])
    fake.wait(30)

    sent = record["sent"]
    times = sorted(t for _, t in sent)
    per_chat = Counter(chat for chat, _ in sent)
    rows = delivered_rows(db_url)
    lost = sum(1 for status, _ in rows.values() if status != "delivered") + (args.subscriptions - len(rows))
    lost += sum(1 for chat in rows if per_chat[chat] == 0)
    duplicates = len(sent) - sum(len(ids) for _, ids in rows.values())
    span = times[-1] - times[0] if len(times) > 1 else float("nan")
    rate = (len(times) - 1) / span if len(times) > 1 else 0.0
    lo, hi = times[len(times) // 10], times[(9 * len(times)) // 10]
    steady = ((9 * len(times)) // 10 - len(times) // 10) / (hi - lo) if hi > lo else rate
    windows = Counter(int(t - times[0]) for t in times)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"messages accepted:    {len(sent)} in {span:.1f} s (pass took {elapsed:.1f} s)")
    print(
        f"achieved rate:        {rate:.2f} messages/s = {100 * rate / LIMIT:.1f} % of {LIMIT:g}/s "
        f"(middle 80 %: {steady:.2f}/s = {100 * steady / LIMIT:.1f} %)"
    )
    print(f"busiest second:       {max(windows.values())} messages")
    print(
        f"429s received:        {record['count_429']} (by the fake's limits: {record['rate_limited']}; "
        f"outbox saw {getattr(report, 'rate_limited', '?')})"
    )
    in_doubt = getattr(report, "in_doubt", 0)
    print(f"accepted, answered late: {record['late']} (by the fake); in doubt (outbox): {in_doubt}")
    print(
        f"duplicates:           {duplicates} ({'≤' if duplicates <= in_doubt else '>'} in-doubt count "
        f"{in_doubt})"
    )
    print(f"losses:               {lost}")
    print(f"peak RSS (sender):    {peak_rss:.0f} MB")
    built = getattr(report, "digests_built", "?")
    print(f"digests built:        {built} for {len(filters)} distinct filter(s)")
    print(f"outbox report:        {report.line()}")  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
