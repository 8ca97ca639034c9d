"""`kill -9` in the middle of a fan-out to 1,000 subscriptions, then a restart: every subscription gets its
digest, and the only doubles are messages the platform accepted but the dead process had not recorded —
at most one per send in flight. On SQLite and on PostgreSQL; real TelegramSender, fake Bot API."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.store import open_database
from tests.bot.delivery_support import deliveries, news_articles, past_hhmm, store_news, subscribe_many
from tests.fakes.telegram_api import FakeTelegramApi
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

REPO = Path(__file__).resolve().parents[2]
SUBSCRIPTIONS = 1000
CONCURRENCY = 32
LEASE = 120.0


@pytest.fixture(params=["sqlite", "postgresql"])
def crash_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


def child(db_url: str, api: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.bot.delivery_child",
            db_url,
            api,
            "--concurrency",
            str(CONCURRENCY),
            "--lease",
            str(LEASE),
            *extra,
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "BRIEFBOT_LOG_LEVEL": "WARNING"},
    )


def recorded_ids(db_url: str) -> dict[str, list[str]]:
    db = open_database(db_url, migrate=False)
    try:
        return {r.chat_id: list(r.message_ids) for r in deliveries(db)}
    finally:
        db.dispose()


def test_kill_9_during_fan_out_then_restart(crash_db_url: str) -> None:
    now = datetime.now(UTC)
    db = open_database(crash_db_url)
    subscribe_many(db, SUBSCRIPTIONS, past_hhmm(now), "UTC", when=now - timedelta(days=2))
    store_news(db, news_articles(4, folder="cnn"), now - timedelta(hours=2))  # one message a digest
    db.dispose()

    with FakeTelegramApi().running_in_thread() as tg:
        first = child(crash_db_url, tg.base_url)
        started = tg.wait_for_sync(lambda: len(tg.sent) >= 400, timeout=60)
        assert started, first.stderr.read() if first.poll() is not None else "no fan-out"
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        time.sleep(0.5)  # requests already on the wire still reach the API
        accepted_at_kill = len(tg.sent)
        recorded_at_kill = sum(len(ids) for ids in recorded_ids(crash_db_url).values())
        in_flight = accepted_at_kill - recorded_at_kill  # accepted by the API, not recorded
        assert accepted_at_kill < SUBSCRIPTIONS, "the kill came after the fan-out had finished"

        second = child(crash_db_url, tg.base_url, "--clock-offset", str(LEASE + 5))
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, err[-3000:]
        report = json.loads(out.strip().splitlines()[-1])

    final = open_database(crash_db_url, migrate=False)
    rows = deliveries(final)
    final.dispose()
    assert len(rows) == SUBSCRIPTIONS and {r.status for r in rows} == {"delivered"}
    per_chat = Counter(str(m.chat_id) for m in tg.sent)
    for row in rows:  # every part of every digest arrived; the record names what arrived
        assert per_chat[row.chat_id] >= row.parts_sent == len(row.message_ids)
    duplicates = len(tg.sent) - sum(len(r.message_ids) for r in rows)
    print(
        f"\nkill -9 [{crash_db_url.split(':')[0]}]: {accepted_at_kill} messages accepted before the kill, "
        f"{in_flight} accepted but unrecorded (in flight), {duplicates} duplicates after the restart, "
        f"restart delivered {report['delivered']} digests"
    )
    assert 0 <= duplicates <= in_flight <= CONCURRENCY
