"""Telegram polling that cannot stall (#12 item 6) and who may manage a chat's subscription (item 3), over
real HTTP: the real PTB Application long-polls the fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from itertools import pairwise
from pathlib import Path

import aiohttp
import pytest

from bot.health import health_routes
from bot.http import HttpServer
from bot.platforms.base import stalled_front_ends
from bot.platforms.telegram.front_end import TelegramFrontEnd
from bot.platforms.telegram.polling import MAX_UPDATE_TRIES, capped_backoff
from bot.store import Database
from bot.store.repo import get_subscription
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fakes.telegram_api import plain_text as plain

FrontEndFactory = Callable[..., Awaitable[TelegramFrontEnd]]
GROUP = -1001234567890
BODY = "PRIVATE-BODY-7f3a: my bank PIN is 0000"  # text of the bad update: must never reach a log
FAST = {"update_backoff": 0.05, "connect_backoff": 0.05}


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured line as a handler would write it, tracebacks included."""
    formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
    return "\n".join(formatter.format(r) for r in caplog.records)


def bad_update(tg: FakeTelegramApi, chat_id: int = 4242) -> dict:
    """A message update PTB cannot parse (no `date`), carrying private text."""
    good = tg.make_text_update(BODY, chat_id=chat_id)
    del good["message"]["date"]
    return tg.push_update(good)


async def test_an_unparseable_update_is_logged_by_id_skipped_and_later_commands_answered(
    tg: FakeTelegramApi,
    telegram_seed_db: Database,
    start_front_end: FrontEndFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    await start_front_end(telegram_seed_db, front=FAST)
    bad = bad_update(tg)
    answer = await tg.ask("/help", chat_id=4242)
    assert "/subscribe" in plain(answer)  # the good command after it is answered

    text = logged(caplog)
    assert BODY not in text and "PIN" not in text
    assert f"update {bad['update_id']} could not be read (KeyError)" in text
    assert f"update {bad['update_id']} skipped" in text
    lines = [r for r in caplog.records if str(bad["update_id"]) in r.getMessage()]
    assert len(lines) == MAX_UPDATE_TRIES  # one line per read, then none
    gaps = [b.created - a.created for a, b in pairwise(lines)]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1  # read again after 0.05 s, then 0.1 s: backoff, no hot loop
    assert len(text.encode()) < 16 * 1024
    await asyncio.sleep(0.3)
    assert len([r for r in caplog.records if str(bad["update_id"]) in r.getMessage()]) == MAX_UPDATE_TRIES
    assert await tg.wait_for(lambda: tg.pending_updates == 0, 3)  # confirmed to Telegram: never sent again


async def test_updates_before_a_bad_one_are_not_held_by_its_backoff(
    tg: FakeTelegramApi,
    telegram_seed_db: Database,
    start_front_end: FrontEndFactory,
) -> None:
    front = await start_front_end(telegram_seed_db, front={"update_backoff": 30.0})
    tg.push_text("/help", chat_id=11)
    bad_update(tg)
    started = time.monotonic()
    assert await tg.wait_for(lambda: len(tg.sent_to(11)) >= 1, 15)
    assert time.monotonic() - started < 15  # not after the bad update's 30 s backoff
    assert front.stalled() is None  # backing off one update is not a stalled front end


def test_the_backoff_doubles_up_to_a_cap() -> None:
    assert [capped_backoff(n, 1.0, 30.0) for n in range(1, 8)] == [1, 2, 4, 8, 16, 30, 30]


async def test_a_start_with_telegram_unreachable_retries_then_answers(
    tg: FakeTelegramApi,
    telegram_seed_db: Database,
    start_front_end: FrontEndFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    await tg.refuse_connections()
    front = await start_front_end(telegram_seed_db, front=FAST)  # returns instead of raising
    assert await tg.wait_for(lambda: front.connect_attempts >= 4, 10)
    assert await tg.wait_for(lambda: front.stalled() is not None, 5)  # /healthz says why meanwhile
    assert "last error: NetworkError" in (front.stalled() or "")
    await tg.accept_connections()
    assert await tg.wait_for(lambda: bool(tg.calls_to("getUpdates")), 10)
    assert "/subscribe" in plain(await tg.ask("/help", chat_id=77))

    ours = [r for r in caplog.records if r.name.startswith("bot.platforms.telegram.front_end")]
    assert not [r for r in ours if r.exc_info]  # no traceback
    retries = [r.getMessage() for r in ours if "not reachable" in r.getMessage()]
    assert 3 <= len(retries) <= front.connect_attempts
    assert any("connected after" in r.getMessage() for r in ours)
    assert tg.token and tg.token not in logged(caplog)


async def test_healthz_reports_a_stalled_front_end_and_its_recovery(
    tg: FakeTelegramApi,
    telegram_seed_db: Database,
    start_front_end: FrontEndFactory,
    tmp_path: Path,
) -> None:
    front = await start_front_end(telegram_seed_db, front={**FAST, "poll_timeout": 0.3})
    server = HttpServer(
        health_routes(telegram_seed_db, front_ends_stalled=lambda: stalled_front_ends([front])),
        "127.0.0.1",
        0,
    )
    await server.start()

    async def healthz() -> tuple[int, dict]:
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{server.port}/healthz") as resp,
        ):
            return resp.status, await resp.json()

    try:
        status, body = await healthz()
        assert status == 200 and body["front_ends"] == "ok"
        await tg.refuse_connections()  # Telegram goes away while polling
        await asyncio.sleep(3 * 0.3 + 0.5)
        status, body = await healthz()
        assert status == 503 and body["status"] == "unhealthy"
        [reason] = body["front_ends"]
        assert reason.startswith("telegram: no answer to getUpdates for") and "poll timeout" in reason
        await tg.accept_connections()
        assert await tg.wait_for(lambda: front.stalled() is None, 10)
        status, body = await healthz()
        assert status == 200 and body["front_ends"] == "ok"
    finally:
        await server.stop()


# -- who may manage a subscription: the chat type comes from Telegram's data, not the update -------------


def subscribed(db: Database, chat_id: int) -> bool:
    with db.session() as session:
        sub = get_subscription(session, "telegram", str(chat_id))
        return sub is not None and sub.active


async def test_a_forged_private_claim_for_a_group_id_is_refused(
    tg: FakeTelegramApi,
    polling_bot: TelegramFrontEnd,
    telegram_seed_db: Database,
) -> None:
    member, admin = 501, 502
    tg.set_member(GROUP, admin, "administrator")
    forged = await tg.ask(
        "/subscribe 03:00 Pacific/Kiritimati", chat_id=GROUP, chat_type="private", user_id=member
    )
    assert plain(forged) == "Only chat administrators can subscribe this chat."
    assert not subscribed(telegram_seed_db, GROUP)
    asked = tg.calls_to("getChatMember")[-1].params
    assert asked["chat_id"] == GROUP and asked["user_id"] == member
    # the group's administrator, claiming the same, may
    assert "Subscribed" in plain(
        await tg.ask("/subscribe 09:00 UTC", chat_id=GROUP, chat_type="private", user_id=admin)
    )


async def test_a_private_chat_is_managed_only_by_its_own_user(
    tg: FakeTelegramApi,
    polling_bot: TelegramFrontEnd,
    telegram_seed_db: Database,
) -> None:
    other = await tg.ask("/subscribe 07:00 UTC", chat_id=4343, user_id=9999)  # someone else's chat id
    assert plain(other) == "Only chat administrators can subscribe this chat."
    assert not subscribed(telegram_seed_db, 4343)
    assert "Subscribed" in plain(await tg.ask("/subscribe 07:00 UTC", chat_id=4343))
    assert not tg.calls_to("getChatMember") and not tg.calls_to("getChat")  # nothing to ask


async def test_a_forged_channel_claim_for_a_supergroup_is_checked_with_get_chat(
    tg: FakeTelegramApi,
    polling_bot: TelegramFrontEnd,
    telegram_seed_db: Database,
) -> None:
    tg.push_text("/subscribe 05:00 UTC", chat_id=GROUP, chat_type="channel")
    assert await tg.wait_for(lambda: len(tg.sent_to(GROUP)) >= 1, 5)
    assert plain(tg.sent_to(GROUP)) == "Only chat administrators can subscribe this chat."
    assert not subscribed(telegram_seed_db, GROUP)
    assert tg.calls_to("getChat")[-1].params["chat_id"] == GROUP

    channel = -1009876543210
    tg.set_chat_type(channel, "channel")
    text = plain(await tg.ask("/subscribe 06:15 UTC", chat_id=channel))
    assert "Subscribed: a daily digest at 06:15 UTC" in text
    calls = len(tg.calls_to("getChat"))
    await tg.ask("/unsubscribe", chat_id=channel)
    assert len(tg.calls_to("getChat")) == calls  # Telegram's answer is cached
