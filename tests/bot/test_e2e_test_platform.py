"""End to end through the in-process `test` platform, made by the registry as `briefbot run` makes every
front end: a chat subscribes, its digest is delivered by the scheduler's outbox at its local time, the
commands answer from the same stories, and after /unsubscribe nothing more arrives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import chat_front_ends
from bot.commands import Commands
from bot.platforms.test.front_end import InProcessFrontEnd
from bot.ratelimit import Pacers
from bot.scheduler import DigestScheduler
from bot.settings import Settings, load_settings
from bot.store import Database
from tests.bot.delivery_support import FakeClock

SEED_SOURCE = "000_5c41b8c896ed471e"  # the seed article's file name, shown as a digest item's source
CHAT = "chat-1"


def test_platform_is_off_unless_enabled(telegram_seed_db: Database) -> None:
    off = load_settings({})
    assert chat_front_ends(off, Commands(telegram_seed_db, off)) == []
    on = load_settings({"BRIEFBOT_TEST_PLATFORM": "true"})
    assert [fe.name for fe in chat_front_ends(on, Commands(telegram_seed_db, on))] == ["test"]


async def _started(db: Database, settings: Settings, clock: FakeClock) -> InProcessFrontEnd:
    [front_end] = chat_front_ends(settings, Commands(db, settings, clock=clock))
    assert isinstance(front_end, InProcessFrontEnd)
    await front_end.start()
    return front_end


def _scheduler(db: Database, settings: Settings, fe: InProcessFrontEnd, clock: FakeClock) -> DigestScheduler:
    return DigestScheduler(
        db,
        settings,
        {fe.name: fe.sender},
        clock=clock,
        sleep=clock.sleep,
        pacers=Pacers(monotonic=clock.monotonic, sleep=clock.sleep),
    )


async def test_subscribe_digest_commands_unsubscribe(telegram_seed_db: Database) -> None:
    settings = load_settings({}, test_platform=True)
    clock = FakeClock(datetime.now(UTC).replace(second=0, microsecond=0))  # the seed was stored just now
    fe = await _started(telegram_seed_db, settings, clock)
    scheduler = _scheduler(telegram_seed_db, settings, fe, clock)
    at = clock() + timedelta(hours=1)

    subscribed = await fe.say(CHAT, f"/subscribe {at:%H:%M} UTC")
    assert f"Subscribed: a daily digest at {at:%H:%M} UTC" in subscribed
    assert f"id 1: Daily digest at {at:%H:%M} UTC." in await fe.say(CHAT, "/settings")

    answered = len(fe.sender.messages(CHAT))
    await scheduler.tick(clock.advance(minutes=30))  # not due yet
    assert len(fe.sender.messages(CHAT)) == answered
    await scheduler.tick(clock.advance(minutes=31))
    digest = fe.sender.messages(CHAT)[-1]
    assert digest.startswith("Your daily briefing") and SEED_SOURCE in digest
    assert "Sherwood-Randall" in digest or "fentanyl" in digest  # a summary sentence of the seed
    await scheduler.tick(clock.advance(minutes=5))
    assert fe.sender.messages(CHAT)[-1] == digest  # once a day, not once a pass

    brief = await fe.say(CHAT, "/brief")
    assert brief.startswith("Your briefing") and SEED_SOURCE in brief
    who = await fe.say(CHAT, "/who")
    assert "led by Liz Sherwood-Randall" in who and "Lisa Monaco" in who
    topics = await fe.say(CHAT, "/topics")
    assert "Topics in recent news" in topics
    label = topics.split("\n• ", 1)[1].split(" — ", 1)[0]
    one_topic = await fe.say(CHAT, f"/topics {label}")
    assert "President Biden sends top White House official to Mexico" in one_topic

    assert "/unsubscribe all" in await fe.say(CHAT, "/unsubscribe")  # asks first
    assert "Unsubscribed" in await fe.say(CHAT, "/unsubscribe all")
    sent = len(fe.sender.sent)
    await scheduler.tick(clock.advance(days=1))
    assert len(fe.sender.sent) == sent  # no digest after /unsubscribe
    await fe.stop()


async def test_only_a_manager_may_subscribe_a_group(telegram_seed_db: Database) -> None:
    settings = load_settings({}, test_platform=True)
    fe = await _started(telegram_seed_db, settings, FakeClock(datetime.now(UTC)))
    refused = await fe.say("group-1", "/subscribe 08:00", chat_type="group", can_manage=False)
    assert "chat administrators" in refused
    assert "No subscription in this chat" in await fe.say("group-1", "/settings", chat_type="group")
    assert "Subscribed" in await fe.say("group-1", "/subscribe 08:00", chat_type="group", user_id="admin")


async def test_a_front_end_not_started_refuses_commands(telegram_seed_db: Database) -> None:
    settings = load_settings({}, test_platform=True)
    [fe] = chat_front_ends(settings, Commands(telegram_seed_db, settings))
    assert isinstance(fe, InProcessFrontEnd)
    with pytest.raises(RuntimeError, match="not started"):
        await fe.say(CHAT, "/help")
