"""TelegramSender against the fake Bot API: what reaches the chat, and how each failure Telegram answers
becomes the outbox's typed error (RetryLater / Transient / ChatGone / SendError)."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import pytest

from bot.platforms.telegram.sender import TelegramSender
from bot.reply import Bullets, Heading, Reply, Span
from bot.senders import ChatGone, RetryLater, SendError, Transient
from bot.settings import load_settings
from tests.fakes.telegram_api import FakeTelegramApi, RateLimits

CHAT = 6006
TOKEN = "7000000001:AAHfakeTokenForTests_abcdefghijkLMNO"


def long_reply(items: int = 120) -> Reply:
    bullets = tuple(
        (Span(f"Item {i}: "), Span("a sentence long enough to fill the message " * 2)) for i in range(items)
    )
    return Reply((Heading("Many"), Bullets(bullets)), fallback="many")


@pytest.fixture
def sender(telegram_settings: Any) -> TelegramSender:
    return TelegramSender.from_settings(telegram_settings(), timeout=2.0)


async def test_send_delivers_html_without_previews_and_returns_ids(
    tg: FakeTelegramApi, sender: TelegramSender
) -> None:
    reply = Reply((Heading("Brief"), Bullets(((Span("Read "), Span("this", link="https://example.com/a")),))))
    ids = await sender.send(str(CHAT), reply)
    sent = tg.sent_to(CHAT)
    assert ids == [str(m.message_id) for m in sent] and len(ids) == 1
    assert sent[0].parse_mode == "HTML" and sent[0].link_preview_disabled
    assert "<b>" in sent[0].text and sent[0].links == ("https://example.com/a",)
    assert "Read this" in sent[0].plain
    await sender.close()


async def test_long_reply_goes_out_in_order_as_several_messages(
    tg: FakeTelegramApi, sender: TelegramSender
) -> None:
    ids = await sender.send(str(CHAT), long_reply())
    sent = tg.sent_to(CHAT)
    assert len(ids) == len(sent) >= 2
    assert ids == sorted(ids, key=int)
    joined = "\n".join(m.plain for m in sent)
    assert joined.index("Item 0:") < joined.index("Item 60:") < joined.index("Item 119:")
    assert not tg.rejected
    await sender.close()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("rate_limited", RetryLater),
        ("server_error", Transient),
        ("bad_gateway", Transient),
        ("blocked", ChatGone),
        ("kicked", ChatGone),
        ("chat_not_found", ChatGone),
        ("migrated", ChatGone),
    ],
)
async def test_failures_map_to_typed_errors(
    tg: FakeTelegramApi, sender: TelegramSender, kind: str, expected: type[SendError]
) -> None:
    tg.fail(CHAT, kind, retry_after=7)  # type: ignore[arg-type]
    with pytest.raises(expected) as info:
        await sender.send(str(CHAT), Reply.text("hello"))
    assert type(info.value) is expected
    assert TOKEN not in str(info.value)
    if expected is RetryLater:
        assert info.value.retry_after == 7  # type: ignore[attr-defined]
    assert not tg.sent
    # the sender does not retry: one call, and the next send goes through
    assert len(tg.calls_to("sendMessage")) == 1
    assert await sender.send(str(CHAT), Reply.text("hello again"))
    await sender.close()


async def test_reasons_say_why_a_chat_is_gone(tg: FakeTelegramApi, sender: TelegramSender) -> None:
    tg.fail(CHAT, "blocked")
    with pytest.raises(ChatGone, match="blocked by the user"):
        await sender.send(str(CHAT), Reply.text("x"))
    tg.fail(CHAT, "migrated", migrate_to_chat_id=-1005550001)
    with pytest.raises(ChatGone, match="-1005550001"):
        await sender.send(str(CHAT), Reply.text("x"))
    await sender.close()


async def test_other_bad_requests_are_permanent_send_errors(
    tg: FakeTelegramApi, sender: TelegramSender
) -> None:
    tg.fail(CHAT, "bad_request", description="Bad Request: message is too long")
    with pytest.raises(SendError, match=r"(?i)message is too long") as info:
        await sender.send(str(CHAT), Reply.text("x"))
    assert not isinstance(info.value, ChatGone | Transient | RetryLater)
    await sender.close()


async def test_failure_part_way_reports_what_was_sent(tg: FakeTelegramApi, sender: TelegramSender) -> None:
    tg.fail(CHAT, "blocked", after=1)  # the first message passes, the second is refused
    with pytest.raises(ChatGone) as info:
        await sender.send(str(CHAT), long_reply())
    sent_ids = info.value.sent_ids  # type: ignore[attr-defined]
    assert sent_ids == [str(m.message_id) for m in tg.sent_to(CHAT)] and len(sent_ids) == 1
    await sender.close()


async def test_timeouts_and_refused_connections_are_transient(
    tg: FakeTelegramApi, telegram_settings: Any
) -> None:
    slow = TelegramSender.from_settings(telegram_settings(), timeout=0.3)
    tg.fail(CHAT, "delay", delay=1.5)
    with pytest.raises(Transient):
        await slow.send(str(CHAT), Reply.text("x"))
    await slow.close()

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    nowhere = TelegramSender.from_settings(
        load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=f"http://127.0.0.1:{port}/bot"),
        timeout=1.0,
    )
    with pytest.raises(Transient):
        await nowhere.send(str(CHAT), Reply.text("x"))
    await nowhere.close()


async def test_rate_limits_of_the_fake_come_back_as_retry_later(telegram_settings: Any) -> None:
    async with FakeTelegramApi(token=TOKEN, rate_limits=RateLimits()) as limited:
        sender = TelegramSender.from_settings(
            load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=limited.base_url)
        )
        await sender.send(str(CHAT), Reply.text("one"))
        with pytest.raises(RetryLater) as info:  # a second message to one chat within a second
            await sender.send(str(CHAT), Reply.text("two"))
        assert info.value.retry_after >= 1
        assert limited.count_rate_limited == 1 and limited.count_429 == 1
        # many chats at once: up to 30 a second pass, the rest are told to wait
        results = await asyncio.gather(
            *(sender.send(str(7000 + i), Reply.text("fan-out")) for i in range(40)), return_exceptions=True
        )
        passed = [r for r in results if isinstance(r, list)]
        waited = [r for r in results if isinstance(r, RetryLater)]
        assert len(passed) + len(waited) == 40
        # at most 30 in a second (29 when "one" above is still inside that second: not on a loaded machine)
        assert len(passed) <= 30 and waited
        await sender.close()


def test_sender_works_from_several_event_loops(telegram_settings: Any) -> None:
    """The delivery engine may call from its own loop; the fake runs in a thread for sync code."""
    with FakeTelegramApi(token=TOKEN).running_in_thread() as fake:
        sender = TelegramSender.from_settings(
            load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=fake.base_url)
        )
        first = asyncio.run(sender.send(str(CHAT), Reply.text("from loop one")))
        second = asyncio.run(sender.send(str(CHAT), Reply.text("from loop two")))
        assert first == ["1"] and second == ["2"]
        assert [m.plain for m in fake.sent_to(CHAT)] == ["from loop one", "from loop two"]
