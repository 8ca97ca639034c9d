"""SlackSender over real HTTP against the fake Slack Web API: what the outbox sees for each answer."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.platforms.slack.sender import SlackSender
from bot.reply import Bullets, Heading, Paragraph, Reply, Span
from bot.senders import ChatGone, RetryLater, SendError, Transient
from bot.settings import Settings
from tests.fakes.slack_api import FakeSlackApi

TOKEN = "xoxb-sender-test-token"


def _settings(fake: FakeSlackApi) -> Settings:
    return Settings(slack_bot_token=TOKEN, slack_api_base_url=fake.base_url)


def _digest(n_items: int = 3) -> Reply:
    items = tuple(
        (Span(f"Story {i}", bold=True), Span(f" — summary sentence number {i}.")) for i in range(n_items)
    )
    return Reply((Heading("Your briefing"), Bullets(items)), fallback=f"{n_items} stories")


def _long(n_paragraphs: int = 120) -> Reply:
    """More paragraphs than one Slack message holds (50 blocks)."""
    return Reply(
        tuple(
            Paragraph((Span(f"Story {i}", bold=True), Span(" — a summary sentence.")))
            for i in range(n_paragraphs)
        ),
        fallback="a long briefing",
    )


async def test_sends_text_and_blocks_without_unfurling_and_returns_ts() -> None:
    async with FakeSlackApi(token=TOKEN) as fake:
        sender = SlackSender.from_settings(_settings(fake))
        try:
            ids = await sender.send("C1", _digest())
        finally:
            await sender.close()
        assert sender.platform == "slack"
        assert ids == [p.ts for p in fake.posts] and len(ids) >= 1
        post = fake.posts[0]
        assert post.channel == "C1" and post.blocks and post.text
        assert "Story 2" in post.all_text()
        assert post.params.get("unfurl_links") is False


async def test_a_long_reply_goes_out_as_several_messages_in_order() -> None:
    async with FakeSlackApi(token=TOKEN) as fake:
        sender = SlackSender.from_settings(_settings(fake))
        try:
            ids = await sender.send("C1", _long())
        finally:
            await sender.close()
        assert len(ids) == len(fake.posts) > 1  # the fake rejects > 50 blocks, so it had to split
        text = "\n".join(p.all_text() for p in fake.posts)
        assert text.index("Story 0") < text.index("Story 60") < text.index("Story 119")


@pytest.mark.parametrize(
    ("error", "status", "expected"),
    [
        ("channel_not_found", None, ChatGone),
        ("not_in_channel", None, ChatGone),
        ("is_archived", None, ChatGone),
        ("account_inactive", None, ChatGone),
        ("invalid_auth", None, ChatGone),
        (None, 500, Transient),
        (None, 503, Transient),
        ("internal_error", None, Transient),
        ("msg_too_long", None, SendError),
    ],
)
async def test_errors_are_mapped_for_the_outbox(
    error: str | None, status: int | None, expected: type
) -> None:
    async with FakeSlackApi(token=TOKEN) as fake:
        fake.fail("C1", error, status=status)
        sender = SlackSender.from_settings(_settings(fake))
        try:
            with pytest.raises(SendError) as info:
                await sender.send("C1", _digest())
        finally:
            await sender.close()
        assert type(info.value) is expected
        if expected is ChatGone:
            assert info.value.reason == error
        assert TOKEN not in str(info.value)
        assert fake.counters["chat.postMessage"] == 1  # no retry inside the sender
        assert fake.posts == []


async def test_ratelimited_becomes_retry_later_with_slacks_delay_and_no_retry() -> None:
    async with FakeSlackApi(token=TOKEN) as fake:
        fake.fail("C1", "ratelimited", retry_after=30)
        sender = SlackSender.from_settings(_settings(fake))
        started = time.monotonic()
        try:
            with pytest.raises(RetryLater) as info:
                await sender.send("C1", _digest())
        finally:
            await sender.close()
        assert info.value.retry_after == 30
        assert time.monotonic() - started < 5  # did not sit out the 30 s itself
        assert fake.counters["chat.postMessage"] == 1


async def test_timeout_and_refused_connection_are_transient() -> None:
    async with FakeSlackApi(token=TOKEN) as fake:
        fake.fail("C1", None, delay=1.5)
        sender = SlackSender(TOKEN, fake.base_url, timeout=0.5)
        try:
            with pytest.raises(Transient):
                await sender.send("C1", _digest())
        finally:
            await sender.close()
        base_url = fake.base_url
    # the fake is gone now: nothing listens on that port any more
    sender = SlackSender(TOKEN, base_url, timeout=2)
    try:
        with pytest.raises(Transient):
            await sender.send("C1", _digest())
    finally:
        await sender.close()


async def test_failure_part_way_reports_the_messages_already_sent() -> None:
    async with FakeSlackApi(token=TOKEN) as fake:
        sender = SlackSender.from_settings(_settings(fake))
        try:
            first = await sender.send("C1", _long())
            fake.posts.clear()
            fake.fail("C1", "is_archived", after=1)  # the second message of the reply fails
            with pytest.raises(ChatGone) as info:
                await sender.send("C1", _long())
        finally:
            await sender.close()
        assert len(first) > 1
        assert info.value.sent_ids == [fake.posts[0].ts]


async def test_concurrent_sends_share_one_sender() -> None:
    async with FakeSlackApi(token=TOKEN) as fake:
        sender = SlackSender.from_settings(_settings(fake))
        try:
            results = await asyncio.gather(*(sender.send(f"C{i}", _digest()) for i in range(20)))
        finally:
            await sender.close()
        assert all(len(r) >= 1 for r in results)
        assert {p.channel for p in fake.posts} == {f"C{i}" for i in range(20)}
