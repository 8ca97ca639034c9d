"""Telegram webhook mode over real HTTP: setWebhook with the secret at start-up, updates POSTed to
/telegram/webhook on the shared server, answered only when the secret header matches."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest

from bot.commands import ChatContext, Commands
from bot.http import HttpServer
from bot.platforms.telegram.front_end import SECRET_HEADER, WEBHOOK_PATH, TelegramFrontEnd
from bot.reply import Reply
from bot.settings import SettingsError
from bot.store import Database
from tests.fakes.telegram_api import FakeTelegramApi
from tests.fakes.telegram_api import plain_text as plain

HOOK_URL = "https://briefbot.example.test/telegram/webhook"
SECRET = "hook-Secret_0123456789abcdef"


class CountingCommands(Commands):
    """The real command core, counting the commands it is asked to run."""

    handled = 0

    def handle(self, text: str, ctx: ChatContext) -> Reply:
        self.handled += 1
        return super().handle(text, ctx)


@dataclass
class Hook:
    fake: FakeTelegramApi
    front: TelegramFrontEnd
    commands: CountingCommands
    url: str
    http: aiohttp.ClientSession

    async def post(self, update: Any, secret: str | None = SECRET) -> int:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        body = update if isinstance(update, str) else json.dumps(update)
        async with self.http.post(
            self.url, data=body, headers={**headers, "Content-Type": "application/json"}
        ) as resp:
            return resp.status


@pytest.fixture
async def hook(
    tg: FakeTelegramApi, telegram_settings: Any, telegram_seed_db: Database
) -> AsyncIterator[Hook]:
    settings = telegram_settings(telegram_webhook_url=HOOK_URL, telegram_webhook_secret=SECRET)
    commands = CountingCommands(telegram_seed_db, settings)
    front = TelegramFrontEnd(settings, commands)
    server = HttpServer(front.http_routes(), "127.0.0.1", 0)
    await server.start()
    await front.start()
    try:
        async with aiohttp.ClientSession() as http:
            yield Hook(tg, front, commands, f"http://127.0.0.1:{server.port}{WEBHOOK_PATH}", http)
    finally:
        await front.stop()
        await server.stop()


async def test_start_sets_the_webhook_with_the_secret(hook: Hook) -> None:
    tg = hook.fake
    assert tg.webhook is not None
    assert tg.webhook["url"] == HOOK_URL
    assert tg.webhook["secret_token"] == SECRET
    assert set(tg.webhook["allowed_updates"]) == {"message", "channel_post"}
    assert tg.my_commands  # commands registered in webhook mode too
    await asyncio.sleep(0.3)
    assert not tg.calls_to("getUpdates")  # no polling while a webhook is set


async def test_update_with_the_right_secret_is_answered(hook: Hook) -> None:
    tg = hook.fake
    assert await hook.post(tg.make_text_update("/subscribe 07:30 Europe/Berlin", chat_id=4004)) == 200
    answer = await tg.replies(4004, 0)
    assert "Subscribed: a daily digest at 07:30 Europe/Berlin" in plain(answer)
    assert answer[0].parse_mode == "HTML" and answer[0].link_preview_disabled


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET[:-1], SECRET + "x"])
async def test_wrong_or_missing_secret_is_refused_and_nothing_runs(hook: Hook, secret: str | None) -> None:
    tg = hook.fake
    assert await hook.post(tg.make_text_update("/help", chat_id=4005), secret=secret) == 403
    await asyncio.sleep(0.3)
    assert hook.commands.handled == 0
    assert not tg.sent and not tg.calls_to("sendMessage")


async def test_malformed_update_is_refused(hook: Hook) -> None:
    assert await hook.post("{not json") == 400
    assert await hook.post("[1, 2]") == 400
    await asyncio.sleep(0.2)
    assert hook.commands.handled == 0
    # the app still serves the next good update
    assert await hook.post(hook.fake.make_text_update("/help", chat_id=4006)) == 200
    assert "/subscribe" in plain(await hook.fake.replies(4006, 0))


async def test_webhook_mode_requires_a_secret(telegram_settings: Any, telegram_seed_db: Database) -> None:
    settings = telegram_settings(telegram_webhook_url=HOOK_URL, telegram_webhook_secret=None)
    with pytest.raises(SettingsError, match="telegram_webhook_secret"):
        TelegramFrontEnd(settings, Commands(telegram_seed_db, settings))


async def test_polling_mode_serves_no_routes(polling_bot: TelegramFrontEnd) -> None:
    assert polling_bot.http_routes() == []


async def test_a_signed_update_that_cannot_be_read_is_acknowledged_once_and_logged_by_id(
    hook: Hook, caplog: pytest.LogCaptureFixture
) -> None:
    bad = hook.fake.make_text_update("PRIVATE-BODY-webhook", chat_id=4007)
    del bad["message"]["date"]
    with caplog.at_level(logging.INFO):
        assert await hook.post(bad) == 200  # a 4xx/5xx would make Telegram send it again and again
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"update {bad['update_id']} skipped" in logged and "PRIVATE-BODY" not in logged
    assert hook.commands.handled == 0
    assert await hook.post(hook.fake.make_text_update("/help", chat_id=4007)) == 200
    assert "/subscribe" in plain(await hook.fake.replies(4007, 0))
