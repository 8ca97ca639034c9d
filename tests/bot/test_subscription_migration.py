"""Migration 0007 on a database made before it: every subscription and its deliveries kept, each
subscription daily with no filter, and a chat may then hold several subscriptions."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from bot.store.db import MIGRATIONS, Database
from bot.store.models import Subscription
from bot.store.repo import chat_subscriptions

WHEN = datetime(2026, 11, 30, 8, 0, tzinfo=UTC).isoformat(" ")


def database_at_0006(path: Path) -> Database:
    db = Database(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
        conn.execute(
            text(
                "INSERT INTO subscriptions (id, platform, chat_id, delivery_time, timezone, active, "
                "created_at, updated_at) VALUES (7, 'telegram', '42', '07:30', 'Europe/Berlin', 1, :w, :w)"
            ),
            {"w": WHEN},
        )
        conn.execute(
            text(
                "INSERT INTO deliveries (subscription_id, period, platform, chat_id, due_at, window_end, "
                "status, next_attempt_at, attempts, failures, parts_sent, message_ids, created_at) VALUES "
                "(7, '2026-11-30', 'telegram', '42', :w, :w, 'delivered', :w, 1, 0, 1, '[\"5\"]', :w)"
            ),
            {"w": WHEN},
        )
    return db


def test_existing_subscriptions_and_deliveries_survive_as_daily_without_filter(tmp_path: Path) -> None:
    db = database_at_0006(tmp_path / "old.sqlite3")
    db.migrate()
    with db.session() as session:
        (sub,) = chat_subscriptions(session, "telegram", "42")
        assert (sub.id, sub.number, sub.days, sub.topic_filter) == (7, 1, "daily", "")
        assert (sub.delivery_time, sub.timezone, sub.active) == ("07:30", "Europe/Berlin", True)
        rows = session.execute(text("SELECT subscription_id, period, status FROM deliveries")).all()
        assert [(r[0], str(r[1]), r[2]) for r in rows] == [(7, str(date(2026, 11, 30)), "delivered")]
        # the chat may now hold a second subscription
        session.add(
            Subscription(platform="telegram", chat_id="42", number=2, delivery_time="18:00", timezone="UTC")
        )
    with db.session() as session:
        assert [s.number for s in chat_subscriptions(session, "telegram", "42")] == [1, 2]
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1  # back on after migrating
    db.dispose()
