"""Forum topics end to end through the fake Bot API: a /subscribe sent inside a topic delivers into that
topic, every answer goes to the topic it was asked in, two subscriptions of one chat land in two topics,
and a deleted or closed topic stops only the subscription that lands there."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from bot.commands import Commands
from bot.delivery import DeliveryReport
from bot.platforms.telegram.front_end import TelegramFrontEnd
from bot.platforms.telegram.sender import TelegramSender
from bot.scheduler import DigestScheduler
from bot.settings import Settings
from bot.store import Database
from bot.store.repo import chat_subscriptions
from tests.conftest import SEED, SHARED_DATA
from tests.fakes.telegram_api import FakeTelegramApi, SentMessage
from tests.fakes.telegram_api import plain_text as plain

FORUM = -1009001  # a supergroup with topics
ADMIN = 501  # the fake's default sender in groups
TRADE, SPORT = 7, 9  # two topics' message_thread_id
SEED_HEADLINE = "President Biden sends top White House official to Mexico"
UNRELATED = [SHARED_DATA / "news" / "bbc" / f"business-0{n}.txt" for n in (15, 17)]
FrontEndFactory = Callable[..., Awaitable[TelegramFrontEnd]]


async def deliver(db: Database, settings: Settings, now: datetime) -> DeliveryReport:
    """One delivery pass with the clock at `now`, through the real sender."""
    sender = TelegramSender.from_settings(settings)
    bot = DigestScheduler(db, settings, {"telegram": sender}, clock=lambda: now)
    try:
        return await bot.tick(now=now)
    finally:
        await bot.stop()
        await sender.close()


async def ask(tg: FakeTelegramApi, text: str, topic: int | None = None) -> list[SentMessage]:
    return await tg.ask(text, chat_id=FORUM, message_thread_id=topic)


async def forum(
    tg: FakeTelegramApi,
    telegram_settings: Callable[..., Settings],
    telegram_ingest: Callable[..., Database],
    start_front_end: FrontEndFactory,
) -> tuple[Database, Settings, datetime, str]:
    """The seed and two unrelated stories; the front end started; a forum whose sender is an admin."""
    tg.set_chat_type(FORUM, "supergroup")
    tg.set_member(FORUM, ADMIN, "administrator")
    db = telegram_ingest(SEED, *UNRELATED)
    now = datetime.now(UTC)
    due = now.replace(second=0, microsecond=0) + timedelta(minutes=2)
    settings = telegram_settings()
    await start_front_end(db, Commands(db, settings, clock=lambda: now))
    return db, settings, due, due.strftime("%H:%M")


async def test_a_subscribe_in_a_topic_delivers_there_and_answers_stay_in_their_topic(
    tg: FakeTelegramApi,
    telegram_settings: Callable[..., Settings],
    telegram_ingest: Callable[..., Database],
    start_front_end: FrontEndFactory,
) -> None:
    db, settings, due, hhmm = await forum(tg, telegram_settings, telegram_ingest, start_front_end)

    answer = await ask(tg, f"/subscribe {hhmm} UTC", TRADE)
    assert [m.message_thread_id for m in answer] == [TRADE]
    assert "In this topic." in plain(answer)
    answer = await ask(tg, f"/subscribe {hhmm} UTC fentanyl", SPORT)
    assert [m.message_thread_id for m in answer] == [SPORT] and "Id 2:" in plain(answer)
    answer = await ask(tg, f"/subscribe {hhmm} UTC")  # the same terms in the main chat: another one
    assert [m.message_thread_id for m in answer] == [None] and "Id 3:" in plain(answer)
    again = await ask(tg, f"/subscribe {hhmm} UTC", TRADE)  # the same terms in the same topic: the same
    assert plain(again).startswith("Already subscribed") and "Id 1:" in plain(again)

    listed = await ask(tg, "/settings", TRADE)
    assert [m.message_thread_id for m in listed] == [TRADE]
    lines = [line for line in plain(listed).splitlines() if line.startswith("• id ")]
    assert "In this topic." in lines[0] and "Every story." in lines[0]
    assert "In another topic." in lines[1] and "Filter: fentanyl." in lines[1]
    assert "In the main chat." in lines[2]
    seen_from_main = plain(await ask(tg, "/settings"))
    assert seen_from_main.count("In another topic.") == 2 and "In this topic." not in seen_from_main

    brief = await ask(tg, "/brief fentanyl", SPORT)
    assert brief and {m.message_thread_id for m in brief} == {SPORT} and SEED_HEADLINE in plain(brief)

    before = len(tg.sent_to(FORUM))
    report = await deliver(db, settings, due + timedelta(seconds=1))
    assert report.delivered == 3
    digests = {m.message_thread_id: m.plain for m in tg.sent_to(FORUM)[before:]}
    assert sorted(digests, key=str) == sorted([TRADE, SPORT, None], key=str)
    assert digests[SPORT].startswith("Your daily briefing — fentanyl")
    assert digests[TRADE].startswith("Your daily briefing") and "fentanyl" not in digests[TRADE][:40]
    assert digests[None] == digests[TRADE]  # the same digest, in the main chat too


async def test_a_deleted_or_closed_topic_stops_only_its_subscription(
    tg: FakeTelegramApi,
    telegram_settings: Callable[..., Settings],
    telegram_ingest: Callable[..., Database],
    start_front_end: FrontEndFactory,
) -> None:
    db, settings, due, hhmm = await forum(tg, telegram_settings, telegram_ingest, start_front_end)
    await ask(tg, f"/subscribe {hhmm} UTC", TRADE)
    await ask(tg, f"/subscribe {hhmm} UTC fentanyl", SPORT)
    await ask(tg, f"/subscribe {hhmm} UTC")
    tg.delete_topic(FORUM, TRADE)
    tg.close_topic(FORUM, SPORT)

    before = len(tg.sent_to(FORUM))
    report = await deliver(db, settings, due + timedelta(seconds=1))
    assert report.gone == 2 and report.delivered == 1
    assert [m.message_thread_id for m in tg.sent_to(FORUM)[before:]] == [None]
    with db.session() as session:
        subs = {
            s.number: (s.active, s.deactivated_reason or "")
            for s in chat_subscriptions(session, "telegram", str(FORUM))
        }
    assert subs[1][0] is False and "message thread not found" in subs[1][1].casefold()
    assert subs[2][0] is False and "topic_closed" in subs[2][1].casefold()
    assert subs[3] == (True, "")  # the chat is there: its main-chat subscription goes on
    listed = plain(await ask(tg, "/settings"))
    assert "id 3" in listed and "id 1" not in listed and "id 2" not in listed
