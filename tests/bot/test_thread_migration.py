"""Migration 0009 (where a subscription lands): existing subscriptions keep landing in the main chat;
going back stops the ones that landed in a thread rather than moving them into the main chat."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from bot.store.db import MIGRATIONS, Database
from bot.store.repo import chat_subscriptions

WHEN = datetime(2026, 11, 30, 8, 0, tzinfo=UTC).isoformat(" ")


def alembic(db: Database, verb: str, revision: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        getattr(command, verb)(cfg, revision)


def test_subscriptions_land_in_the_main_chat_and_threaded_ones_stop_on_downgrade(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    alembic(db, "upgrade", "0007")
    with db.engine.begin() as conn:
        for number in (1, 2):
            conn.execute(
                text(
                    "INSERT INTO subscriptions (platform, chat_id, number, days, delivery_time, timezone, "
                    "topic_filter, active, created_at, updated_at) "
                    "VALUES ('telegram', '-10042', :n, 'daily', '07:30', 'UTC', '', 1, :w, :w)"
                ),
                {"n": number, "w": WHEN},
            )
    db.migrate()
    with db.session() as session:
        subs = chat_subscriptions(session, "telegram", "-10042")
        assert [(s.number, s.thread, s.active) for s in subs] == [(1, None, True), (2, None, True)]
        subs[1].thread = "7"  # then one is moved into a forum topic

    alembic(db, "downgrade", "0007")
    with db.engine.begin() as conn:
        rows = conn.execute(
            text("SELECT number, active, deactivated_reason FROM subscriptions ORDER BY number")
        ).all()
    assert [(r[0], bool(r[1])) for r in rows] == [(1, True), (2, False)]
    assert rows[1][2] == "thread delivery removed"
    db.dispose()
