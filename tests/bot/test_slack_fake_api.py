"""The fake Slack Web API behaves like Slack where our code and others' tests depend on it."""

from __future__ import annotations

import time

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from tests.fakes.slack_api import FakeSlackApi

TOKEN = "xoxb-fake-test-token"


def _client(fake: FakeSlackApi, token: str = TOKEN) -> AsyncWebClient:
    return AsyncWebClient(token=token, base_url=fake.base_url, retry_handlers=[])


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


async def test_post_message_is_recorded_with_its_blocks_and_thread() -> None:
    async with FakeSlackApi(token=TOKEN) as fake:
        assert fake.base_url.startswith("http://127.0.0.1:") and fake.base_url.endswith("/api/")
        client = _client(fake)
        auth = await client.auth_test()
        assert auth["user_id"] == "UBOT"
        resp = await client.chat_postMessage(
            channel="C1", text="hi", blocks=[_section("*hi*")], thread_ts="1.2"
        )
        second = await client.chat_postMessage(channel="C1", text="again")
        assert resp["ts"] != second["ts"]
        post = fake.posts[0]
        assert (post.channel, post.text, post.thread_ts, post.ts) == ("C1", "hi", "1.2", resp["ts"])
        assert post.blocks == [_section("*hi*")]
        assert "*hi*" in post.all_text()
        assert fake.counters["chat.postMessage"] == 2 and fake.counters["auth.test"] == 1


async def test_wrong_token_is_refused() -> None:
    async with FakeSlackApi(token=TOKEN) as fake:
        with pytest.raises(SlackApiError) as info:
            await _client(fake, "xoxb-someone-else").chat_postMessage(channel="C1", text="x")
        assert info.value.response["error"] == "invalid_auth"
        assert fake.posts == []


@pytest.mark.parametrize(
    ("blocks", "text"),
    [
        ([_section("x")] * 51, "x"),
        ([_section("y" * 3001)], "y"),
        ([{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}], "h"),
        ([{"type": "no_such_block"}], "z"),
    ],
)
async def test_blocks_over_slack_limits_are_rejected(blocks: list, text: str) -> None:
    async with FakeSlackApi() as fake:
        with pytest.raises(SlackApiError) as info:
            await _client(fake).chat_postMessage(channel="C1", text=text, blocks=blocks)
        assert info.value.response["error"] == "invalid_blocks"
        assert fake.posts == []


async def test_limits_themselves_are_accepted() -> None:
    async with FakeSlackApi() as fake:
        await _client(fake).chat_postMessage(channel="C1", text="ok", blocks=[_section("y" * 3000)] * 50)
        assert len(fake.posts) == 1


async def test_programmed_failures_hit_only_their_channel_and_run_out() -> None:
    async with FakeSlackApi() as fake:
        fake.fail("C_RL", "ratelimited", retry_after=7)
        fake.fail("C_GONE", "is_archived", times=None)
        fake.fail("C_5XX", None, status=503)
        client = _client(fake)
        with pytest.raises(SlackApiError) as info:
            await client.chat_postMessage(channel="C_RL", text="a")
        assert info.value.response.status_code == 429
        assert info.value.response.headers["Retry-After"] == "7"
        await client.chat_postMessage(channel="C_RL", text="b")  # the failure was used up
        for _ in range(2):
            with pytest.raises(SlackApiError) as info:
                await client.chat_postMessage(channel="C_GONE", text="c")
            assert info.value.response["error"] == "is_archived"
        with pytest.raises(SlackApiError) as info:
            await client.chat_postMessage(channel="C_5XX", text="d")
        assert info.value.response.status_code == 503
        await client.chat_postMessage(channel="C_OTHER", text="e")
        assert [p.text for p in fake.posts] == ["b", "e"]
        assert fake.counters["ratelimited"] == 1 and fake.counters["5xx"] == 1


async def test_per_channel_rate_limit_is_enforced() -> None:
    async with FakeSlackApi(rate_limit_per_channel=1.0) as fake:
        client = _client(fake)
        await client.chat_postMessage(channel="C1", text="1")
        await client.chat_postMessage(channel="C2", text="other channel, own budget")
        with pytest.raises(SlackApiError) as info:
            await client.chat_postMessage(channel="C1", text="too soon")
        assert info.value.response["error"] == "ratelimited"
        assert int(info.value.response.headers["Retry-After"]) >= 1
        assert len(fake.posts) == 2 and fake.counters["ratelimited"] == 1


async def test_response_url_posts_are_recorded() -> None:
    async with FakeSlackApi() as fake, aiohttp.ClientSession() as http:
        async with http.post(
            fake.response_url("abc"), json={"text": "answer", "response_type": "in_channel"}
        ) as resp:
            assert resp.status == 200
        assert fake.responses[0].key == "abc"
        assert fake.responses[0].payload["text"] == "answer"


def test_thread_variant_serves_sync_callers() -> None:
    from slack_sdk import WebClient

    fake = FakeSlackApi(token=TOKEN)
    with fake.running_in_thread():
        client = WebClient(token=TOKEN, base_url=fake.base_url)
        started = time.monotonic()
        client.chat_postMessage(channel="C9", text="from a thread")
        assert time.monotonic() - started < 5
        assert fake.wait_for_sync(lambda: len(fake.posts) == 1)
        assert fake.posts_to("C9")[0].text == "from a thread"
