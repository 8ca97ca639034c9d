"""Subscriptions with filters and schedules end to end through the fake Bot API: the real PTB front end
answers /subscribe, /settings and /unsubscribe, and the outbox sends the digests through the real
TelegramSender; time is driven with scheduler.tick(now=…), never slept."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.commands import Commands
from bot.platforms.telegram.front_end import TelegramFrontEnd
from bot.platforms.telegram.sender import TelegramSender
from bot.scheduler import DigestScheduler
from bot.settings import Settings
from bot.store import Database
from summarizer.article import parse_text
from tests.conftest import SEED, SHARED_DATA
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fakes.telegram_api import plain_text as plain

SEED_HEADLINE = "President Biden sends top White House official to Mexico"
UNRELATED = [SHARED_DATA / "news" / "bbc" / f"business-0{n}.txt" for n in (15, 17, 18)]
FrontEndFactory = Callable[..., Awaitable[TelegramFrontEnd]]


def headline(path: Path) -> str:
    return parse_text(path.read_text(encoding="utf-8"), source=str(path)).headline


async def deliver(db: Database, settings: Settings, now: datetime) -> int:
    """One delivery pass with the clock at `now`, through the real sender; how many digests went out."""
    sender = TelegramSender.from_settings(settings)
    bot = DigestScheduler(db, settings, {"telegram": sender}, clock=lambda: now)
    try:
        return (await bot.tick(now=now)).delivered
    finally:
        await bot.stop()
        await sender.close()


async def test_a_fentanyl_only_subscription_two_minutes_ahead_gets_the_seed_alone(
    tg: FakeTelegramApi,
    telegram_settings: Callable[..., Settings],
    telegram_ingest: Callable[..., Database],
    start_front_end: FrontEndFactory,
) -> None:
    db = telegram_ingest(SEED, *UNRELATED)  # the seed and three stories about other things
    now = datetime.now(UTC)
    due = now.replace(second=0, microsecond=0) + timedelta(minutes=2)
    settings = telegram_settings()
    await start_front_end(db, Commands(db, settings, clock=lambda: now))
    chat, hhmm = 4242, due.strftime("%H:%M")

    answer = plain(await tg.ask(f"/subscribe {hhmm} UTC fentanyl", chat_id=chat))
    assert answer.startswith(f"Subscribed: a daily digest at {hhmm} UTC. Filter: fentanyl.")
    listed = plain(await tg.ask("/settings", chat_id=chat))
    assert f"id 1: Daily digest at {hhmm} UTC. Filter: fentanyl. Next delivery: " in listed
    assert f"{due.strftime('%a %d %b %Y %H:%M')} UTC" in listed

    before = len(tg.sent_to(chat))
    assert await deliver(db, settings, due - timedelta(seconds=30)) == 0  # not yet
    assert await deliver(db, settings, due + timedelta(seconds=1)) == 1
    (digest,) = tg.sent_to(chat)[before:]
    assert digest.plain.startswith("Your daily briefing — fentanyl")
    assert SEED_HEADLINE in digest.plain
    for path in UNRELATED:
        assert headline(path) not in digest.plain
    assert await deliver(db, settings, due + timedelta(minutes=1)) == 0  # once per slot


async def test_several_subscriptions_in_one_chat_and_unsubscribe_by_id(
    tg: FakeTelegramApi,
    telegram_settings: Callable[..., Settings],
    telegram_ingest: Callable[..., Database],
    start_front_end: FrontEndFactory,
) -> None:
    db = telegram_ingest(SEED, *UNRELATED)
    now = datetime.now(UTC)
    due = now.replace(second=0, microsecond=0) + timedelta(minutes=2)
    settings = telegram_settings()
    await start_front_end(db, Commands(db, settings, clock=lambda: now))
    chat, hhmm = 4343, due.strftime("%H:%M")
    rupee = headline(UNRELATED[2])  # "India's rupee hits five-year high"

    assert "Id 1:" in plain(await tg.ask(f"/subscribe {hhmm} UTC fentanyl", chat_id=chat))
    assert "Id 2:" in plain(await tg.ask(f"/subscribe {hhmm} Europe/London rupee", chat_id=chat))
    third = plain(await tg.ask(f"/subscribe weekdays {hhmm} UTC -fentanyl", chat_id=chat))
    assert third.startswith(f"Subscribed: a digest on weekdays at {hhmm} UTC. Filter: -fentanyl.")
    listed = plain(await tg.ask("/settings", chat_id=chat))
    assert [line.split(":")[0] for line in listed.splitlines() if line.startswith("• id ")] == [
        "• id 1",
        "• id 2",
        "• id 3",
    ]
    assert "Filter: rupee." in listed and "Digest on weekdays at" in listed

    gone = plain(await tg.ask("/unsubscribe 3", chat_id=chat))
    assert gone.startswith(f"Unsubscribed id 3: the digest on weekdays at {hhmm} UTC.")
    assert "2 other subscriptions still run here." in gone
    assert "no subscription with id 3" in plain(await tg.ask("/unsubscribe 3", chat_id=chat))
    asked = plain(await tg.ask("/unsubscribe", chat_id=chat))
    assert "Send /unsubscribe all to confirm" in asked and "(id 1, 2)" in asked
    assert "id 3" not in plain(await tg.ask("/settings", chat_id=chat))

    before = len(tg.sent_to(chat))
    assert await deliver(db, settings, due + timedelta(seconds=1)) == 2  # ids 1 and 2, not 3
    texts = sorted(m.plain for m in tg.sent_to(chat)[before:])
    assert texts[0].startswith("Your daily briefing — fentanyl") and rupee not in texts[0]
    assert texts[1].startswith("Your daily briefing — rupee") and SEED_HEADLINE not in texts[1]
    assert rupee in texts[1]

    assert "Unsubscribed: no more digests here." in plain(await tg.ask("/unsubscribe all", chat_id=chat))
    assert "No subscription in this chat" in plain(await tg.ask("/settings", chat_id=chat))


async def test_a_malformed_subscribe_names_what_is_wrong(
    tg: FakeTelegramApi, polling_bot: TelegramFrontEnd
) -> None:
    for args, says in (
        ("mon,funday 08:00", "“funday” is not a day"),
        ("08:00 Europe/Pariss fentanyl", "Unknown time zone “Europe/Pariss”. Did you mean Europe/Paris"),
        ("08:00 UTC fentanyl, of the", "“of the” has no word to look for"),
    ):
        answer = plain(await tg.ask(f"/subscribe {args}", chat_id=4444))
        assert says in answer and "Usage: /subscribe [days] [HH:MM] [Area/City] [filter]" in answer
    assert "No subscription in this chat" in plain(await tg.ask("/settings", chat_id=4444))
