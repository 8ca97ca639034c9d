"""The fake Bot API itself (other tests and the fan-out benchmark rely on it): Telegram's HTML rules,
long polling, rate limits, unknown methods, tokens. Driven over HTTP with aiohttp and with PTB's Bot."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp
import pytest
from telegram import Bot
from telegram.error import BadRequest

from bot.platforms.telegram.render import render_telegram
from bot.reply import Bullets, Heading, Paragraph, Reply, Span
from tests.fakes.telegram_api import FakeTelegramApi, RateLimits
from tests.fakes.telegram_html import TelegramHtmlError, parse_telegram_html

TOKEN = "7000000002:AAHanotherFakeTokenForTests_abcdefgh"


@pytest.mark.parametrize(
    "html",
    [
        "<b>bold</b> <i>it</i> <u>u</u> <s>s</s> <code>x</code> <pre>p</pre>",
        '<a href="https://example.com/?a=1&amp;b=2">link</a> &lt;tag&gt; &amp; &quot; &#169; &#x1F600;',
        '<tg-spoiler>s</tg-spoiler> <span class="tg-spoiler">s</span> <blockquote expandable>q</blockquote>',
        "<b>nested <i>fine</i></b>",
    ],
)
def test_telegram_html_accepted(html: str) -> None:
    parse_telegram_html(html)


@pytest.mark.parametrize(
    "html",
    [
        "<script>x</script>",  # not a Telegram tag
        "a < b",  # unescaped <
        "a > b",  # unescaped >
        "Tom & Jerry",  # bare &
        "&nbsp;",  # named entity Telegram does not know
        "<b>unclosed",
        "<b><i>crossed</b></i>",
        "</b>",
        "<br/>",
        '<a title="x" href="https://e.com">x</a>',  # unknown attribute
        "<a>no href</a>",
        '<span class="other">x</span>',
    ],
)
def test_telegram_html_refused(html: str) -> None:
    with pytest.raises(TelegramHtmlError):
        parse_telegram_html(html)


def test_telegram_html_plain_text_and_links() -> None:
    parsed = parse_telegram_html('<b>A &amp; B</b> <a href="https://x.test/?q=1&amp;r=2">go</a>')
    assert parsed.text == "A & B go"
    assert parsed.links == ("https://x.test/?q=1&r=2",)
    assert parsed.tags == ("b", "a")


def test_renderer_output_passes_for_hostile_text() -> None:
    hostile = '<script>alert(1)</script> & "quotes" <b>not bold</b> &amp; >_<'
    reply = Reply(
        (
            Heading(hostile),
            Paragraph((Span(hostile, bold=True, link="https://e.test/?a=<b>&c"),)),
            Bullets(((Span(hostile, code=True),),)),
        )
    )
    for message in render_telegram(reply):
        assert hostile in parse_telegram_html(message).text


async def _call(fake: FakeTelegramApi, method: str, token: str = TOKEN, **params: Any) -> tuple[int, dict]:
    url = f"{fake.base_url}{token}/{method}"
    async with aiohttp.ClientSession() as http, http.post(url, json=params) as r:
        return r.status, await r.json()


async def test_send_message_validates_like_telegram() -> None:
    async with FakeTelegramApi(token=TOKEN) as fake:
        status, body = await _call(fake, "sendMessage", chat_id=5, text="<b>x", parse_mode="HTML")
        assert status == 400 and "can't parse entities" in body["description"]
        # 4096 visible characters pass however long the markup; 4097 do not
        ok = "<b>" + "x" * 4096 + "</b>"
        assert (await _call(fake, "sendMessage", chat_id=5, text=ok, parse_mode="HTML"))[0] == 200
        status, body = await _call(fake, "sendMessage", chat_id=5, text="x" * 4097)
        assert status == 400 and body["description"] == "Bad Request: message is too long"
        # astral characters count twice, as in Telegram's UTF-16 counting
        assert (await _call(fake, "sendMessage", chat_id=5, text="😀" * 2049))[0] == 400
        assert (await _call(fake, "sendMessage", chat_id=5, text="<b> </b>", parse_mode="HTML"))[0] == 400
        assert len(fake.sent) == 1 and len(fake.rejected) == 4 and fake.count_400 == 4


async def test_tokens_and_unknown_methods() -> None:
    async with FakeTelegramApi(token=TOKEN) as fake:
        status, body = await _call(fake, "getMe", token="1:wrong")
        assert status == 401 and body["description"] == "Unauthorized"
        status, _ = await _call(fake, "sendSticker", chat_id=5)
        assert status == 404 and fake.unknown_methods == ["sendSticker"]
        bot = Bot(TOKEN, base_url=fake.base_url)
        async with bot:
            assert bot.username == fake.bot_username
            with pytest.raises(BadRequest, match=r"(?i)chat not found"):
                fake.fail(9, "chat_not_found")
                await bot.send_message(9, "x")


async def test_get_updates_long_polls_and_confirms_with_offset() -> None:
    async with FakeTelegramApi(token=TOKEN) as fake:
        started = time.monotonic()
        status, body = await _call(fake, "getUpdates", timeout=0.3)
        assert status == 200 and body["result"] == [] and time.monotonic() - started >= 0.25

        async def push_later() -> None:
            await asyncio.sleep(0.1)
            fake.push_text("/help", chat_id=77)

        pusher = asyncio.create_task(push_later())
        started = time.monotonic()
        _, body = await _call(fake, "getUpdates", timeout=5)
        await pusher
        assert time.monotonic() - started < 2  # woken by the push, not by the timeout
        [update] = body["result"]
        assert update["message"]["text"] == "/help" and update["message"]["chat"]["type"] == "private"
        assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 5}]
        # not confirmed yet: served again; confirmed by offset: gone
        assert (await _call(fake, "getUpdates"))[1]["result"] == [update]
        assert (await _call(fake, "getUpdates", offset=update["update_id"] + 1))[1]["result"] == []
        # a webhook excludes polling, as in Telegram
        await _call(fake, "setWebhook", url="https://x.test/hook", secret_token="s")
        assert (await _call(fake, "getUpdates"))[0] == 409


async def test_rate_limits_per_chat_group_and_overall() -> None:
    now = [1000.0]
    async with FakeTelegramApi(token=TOKEN, rate_limits=RateLimits(), clock=lambda: now[0]) as fake:

        async def send(chat: int) -> int:
            return (await _call(fake, "sendMessage", chat_id=chat, text="hi"))[0]

        assert await send(1) == 200
        status, body = await _call(fake, "sendMessage", chat_id=1, text="again")
        assert status == 429 and body["parameters"]["retry_after"] == 1
        now[0] += 1.0
        assert await send(1) == 200

        # a group: one a second, twenty a minute
        for i in range(20):
            now[0] += 1.0
            assert await send(-42) == 200, i
        now[0] += 1.0
        status, body = await _call(fake, "sendMessage", chat_id=-42, text="21st")
        assert status == 429 and body["parameters"]["retry_after"] >= 40

        # thirty a second overall
        now[0] += 100
        statuses = [await send(100 + i) for i in range(31)]
        assert statuses[:30] == [200] * 30 and statuses[30] == 429
        assert fake.count_rate_limited == 3 == fake.count_429


def test_thread_mode_serves_sync_callers() -> None:
    with FakeTelegramApi(token=TOKEN).running_in_thread() as fake:
        fake.set_member(-5, 9, "administrator")

        async def member() -> str:
            async with Bot(TOKEN, base_url=fake.base_url) as bot:
                return (await bot.get_chat_member(-5, 9)).status

        assert asyncio.run(member()) == "administrator"
        assert fake.wait_for_sync(lambda: len(fake.calls_to("getChatMember")) == 1, 1)
