"""Two `briefbot run` processes on one PostgreSQL database, Telegram pointed at the fake Bot API (with its
rate limits on): every digest goes out exactly once, both processes share the work; a process started
afterwards on the same database sends nothing more for the day."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.store import Database, open_database
from bot.store.models import DeliveryWorker
from tests.bot.delivery_support import deliveries, news_articles, past_hhmm, store_news, subscribe_many
from tests.fakes.telegram_api import FakeTelegramApi, RateLimits
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

REPO = Path(__file__).resolve().parents[2]
TOKEN = "7000000001:AAHfakeTokenForTests_abcdefghijkLMNO"
CHATS = 150


def briefbot_run(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`briefbot run` (the console script's entry point) in its own process."""
    return subprocess.Popen(
        [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main(['run']))"],
        cwd=REPO,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )


def workers(db: Database) -> set[str]:
    with db.session() as session:
        return set(session.scalars(select(DeliveryWorker.id)))


def stop(*procs: subprocess.Popen[bytes]) -> list[int | None]:
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    codes = []
    for p in procs:
        try:
            codes.append(p.wait(20))
        except subprocess.TimeoutExpired:
            p.kill()
            codes.append(None)
    return codes


def test_two_processes_send_every_digest_once_then_a_restart_sends_nothing(
    pg_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    now = datetime.now(UTC)
    db = open_database(pg_url)
    subscribe_many(db, CHATS, past_hhmm(now), "UTC", when=now - timedelta(days=2))
    store_news(db, news_articles(4, folder="cnn"), now - timedelta(hours=2))
    (tmp_path / "sources").mkdir()

    with FakeTelegramApi(token=TOKEN, rate_limits=RateLimits()).running_in_thread() as tg:
        env = {
            **os.environ,
            "BRIEFBOT_DATABASE_URL": pg_url,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": tg.base_url,
            "BRIEFBOT_SOURCES": str(tmp_path / "sources"),
            "BRIEFBOT_LOG_LEVEL": "INFO",
            "BRIEFBOT_LOG_FORMAT": "text",
        }
        env.pop("BRIEFBOT_HTTP_PORT", None)
        logs = [tmp_path / "a.log", tmp_path / "b.log"]
        procs = [briefbot_run(env, log) for log in logs]
        try:
            done = tg.wait_for_sync(lambda: len(tg.sent) >= CHATS, timeout=90)
            time.sleep(1.0)  # anything doubled would arrive now
        finally:
            codes = stop(*procs)
        output = "\n".join(log.read_text(errors="replace")[-3000:] for log in logs)
        assert done, output
        assert codes == [0, 0], output

        rows = deliveries(db)
        per_chat = Counter(str(m.chat_id) for m in tg.sent)
        assert sorted(per_chat, key=int) == [str(i) for i in range(1, CHATS + 1)]
        assert set(per_chat.values()) == {1}  # every digest exactly once
        assert {r.status for r in rows} == {"delivered"} and len(rows) == CHATS
        by_worker = Counter(r.claimed_by for r in rows)
        assert len(by_worker) == 2, by_worker  # both processes delivered a share
        print(
            f"\ntwo processes: {dict(by_worker.most_common())} digests each, "
            f"{tg.count_rate_limited} answered 429 by the fake's limits"
        )

        before = len(tg.sent)
        again = briefbot_run(env, tmp_path / "c.log")
        try:  # its first delivery pass runs at start; it registers as a worker when it does
            assert _wait(lambda: len(workers(db)) >= 1, 60), (tmp_path / "c.log").read_text()
            time.sleep(1.5)
        finally:
            stop(again)
        assert len(tg.sent) == before  # a new process on the same database: no second digest
    db.dispose()


def _wait(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
