"""A fake Slack Web API on 127.0.0.1 for tests and benchmarks: real HTTP, recorded calls, injected failures.

    async with FakeSlackApi(token="xoxb-test") as slack:
        client = AsyncWebClient(token="xoxb-test", base_url=slack.base_url)
        ...
        assert slack.posts[0].channel == "C1"

    with FakeSlackApi().running_in_thread() as slack:   # for sync code and benchmarks
        ...

What it serves:
- `auth.test`, `users.info` and `conversations.info` (who is an admin or owner and who created a channel:
  `set_user`, `set_channel`; by default a user is a plain member and a channel has no known creator),
  `chat.postMessage` (validated like Slack: ≤ 50 blocks, section text ≤ 3000 characters,
  header text ≤ 150, message text ≤ 40 000; `invalid_blocks` / `msg_too_long` / `no_text` otherwise),
  `apps.connections.open` plus a Socket Mode websocket (`send_envelope` pushes events to the app),
  `response_url` endpoints (`response_url()` gives one; posts land in `.responses`), and a catch-all
  answering `{"ok": true}` for any other method (recorded in `.calls`).
- Failures programmed per channel with `fail(...)`: `ratelimited` (HTTP 429 + Retry-After), 5xx,
  `channel_not_found`, `not_in_channel`, `is_archived`, ... or a delay (to provoke client timeouts);
  for chat.postMessage by default, for another method with `method=` (users.info: keyed by user id).
- Optional per-channel rate limit (`rate_limit_per_channel=1.0` = one message a second), answered
  with 429 `ratelimited` like Slack's chat.postMessage limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

from tests.fakes.server import FakeServer

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_FIELD_TEXT = 2000
MAX_MESSAGE_TEXT = 40000
BLOCK_TYPES = frozenset(
    {
        "section",
        "header",
        "divider",
        "context",
        "image",
        "actions",
        "rich_text",
        "input",
        "file",
        "video",
        "markdown",
    }
)


@dataclass(frozen=True)
class Post:
    """One accepted chat.postMessage."""

    channel: str
    text: str | None
    blocks: list[dict[str, Any]] | None
    thread_ts: str | None
    ts: str
    params: dict[str, Any]
    at: float  # time.monotonic() when accepted

    def all_text(self) -> str:
        """`text` plus every string inside `blocks`: what a reader could see (for content asserts)."""
        out = [self.text or ""]
        _collect_strings(self.blocks or [], out)
        return "\n".join(out)


@dataclass(frozen=True)
class ResponsePost:
    """One message posted to a response_url."""

    key: str
    payload: dict[str, Any]
    at: float

    def all_text(self) -> str:
        out: list[str] = []
        _collect_strings(self.payload, out)
        return "\n".join(out)


@dataclass(frozen=True)
class Call:
    """Any API call as received (failed ones too). `params` merges the query, form and JSON body."""

    method: str
    params: dict[str, Any]
    authorization: str | None
    at: float


@dataclass
class Failure:
    """What the next matching call(s) get instead of success. `times=None`: until `clear_failures`."""

    error: str | None = None  # Slack error code, e.g. "channel_not_found"; None with status 200 = delay only
    status: int = 200
    retry_after: float | None = None
    delay: float = 0.0
    times: int | None = 1
    after: int = 0  # let this many matching calls succeed first
    accept: bool = False  # post the message, then answer after `delay` (a client timeout after delivery)


@dataclass
class _SocketConn:
    ws: web.WebSocketResponse
    acks: dict[str, dict[str, Any]] = field(default_factory=dict)


class FakeSlackApi(FakeServer):
    thread_name = "fake-slack-api"

    def __init__(
        self,
        *,
        token: str | None = None,
        bot_user_id: str = "UBOT",
        bot_id: str = "BBOT",
        team_id: str = "T0FAKE",
        rate_limit_per_channel: float | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        """`token`: when set, calls without `Authorization: Bearer <token>` get `invalid_auth`."""
        self.token = token
        self.bot_user_id, self.bot_id, self.team_id = bot_user_id, bot_id, team_id
        self.rate_limit_per_channel = rate_limit_per_channel
        self.host = host
        self.port = 0
        self.posts: list[Post] = []
        self.responses: list[ResponsePost] = []
        self.calls: list[Call] = []
        self.counters: Counter[str] = Counter()  # per method, plus "ratelimited", "errors", "5xx"
        self.socket_acks: dict[str, dict[str, Any]] = {}  # envelope_id -> the app's ack message
        self._failures: dict[tuple[str, str | None], deque[Failure]] = {}
        self._users: dict[str, dict[str, Any]] = {}
        self._channels: dict[str, dict[str, Any]] = {}
        self._last_post: dict[str, float] = {}
        self._ts = itertools.count(1)
        self._envelopes = itertools.count(1)
        self._lock = threading.Lock()
        self._sockets: list[web.WebSocketResponse] = []

    # -- addresses ---------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """For `AsyncWebClient(base_url=...)` / SLACK_API_BASE_URL: ends in `/api/`."""
        return f"{self.root_url}/api/"

    def response_url(self, key: str = "r1") -> str:
        """A response_url as Slack puts in slash command payloads; posts to it land in `.responses`."""
        return f"{self.root_url}/response/{key}"

    # -- programming failures ----------------------------------------------------------------------
    def fail(
        self,
        channel: str | None,
        error: str | None = "channel_not_found",
        *,
        status: int | None = None,
        retry_after: float | None = None,
        delay: float = 0.0,
        times: int | None = 1,
        after: int = 0,
        method: str = "chat.postMessage",
        accept: bool = False,
    ) -> None:
        """Queue a failure for `method` calls to `channel` (None: any channel; for users.info the user id).

        `accept=True` (with `error=None`): the message is posted, and the answer comes only after
        `delay` seconds — past the client's timeout, the sender cannot know it was delivered.

        `ratelimited` defaults to HTTP 429 with Retry-After (default 1 s); `status>=500` answers an
        HTML error page like a failing proxy; `after=n` lets n calls through first (to fail part-way
        through a multi-message reply). Failures queued for one channel are used in order."""
        if status is None:
            status = 429 if error == "ratelimited" else 200
        if error == "ratelimited" and retry_after is None:
            retry_after = 1
        with self._lock:
            self._failures.setdefault((method, channel), deque()).append(
                Failure(
                    error=error,
                    status=status,
                    retry_after=retry_after,
                    delay=delay,
                    times=times,
                    after=after,
                    accept=accept,
                )
            )

    def clear_failures(self) -> None:
        with self._lock:
            self._failures.clear()

    def set_user(
        self, user_id: str, *, is_admin: bool = False, is_owner: bool = False, is_primary_owner: bool = False
    ) -> None:
        """What users.info says of this user's workspace role (default: a plain member)."""
        self._users[user_id] = {
            "is_admin": is_admin,
            "is_owner": is_owner,
            "is_primary_owner": is_primary_owner,
        }

    def set_channel(self, channel_id: str, *, creator: str | None = None, is_im: bool = False) -> None:
        """What conversations.info says of this channel: who created it, whether it is a DM."""
        self._channels[channel_id] = {"creator": creator, "is_im": is_im}

    def _take_failure(self, channel: str, method: str = "chat.postMessage") -> Failure | None:
        with self._lock:
            for key in ((method, channel), (method, None)):
                queue = self._failures.get(key)
                if not queue:
                    continue
                failure = queue[0]
                if failure.after > 0:
                    failure.after -= 1
                    return None
                if failure.times is not None:
                    failure.times -= 1
                    if failure.times <= 0:
                        queue.popleft()
                return failure
        return None

    # -- reading what happened ---------------------------------------------------------------------
    def posts_to(self, channel: str) -> list[Post]:
        return [p for p in self.posts if p.channel == channel]

    async def wait_for_posts(self, count: int = 1, timeout: float = 5.0) -> list[Post]:
        """Wait until at least `count` posts (chat.postMessage) arrived; returns all posts so far."""
        await self.wait_for(lambda: len(self.posts) >= count, timeout)
        return list(self.posts)

    # -- lifecycle ---------------------------------------------------------------------------------
    async def start(self) -> FakeSlackApi:
        app = web.Application()
        app.router.add_post("/response/{key}", self._response_url)
        app.router.add_get("/socket-mode", self._socket_mode)
        app.router.add_route("*", "/api/{method}", self._api)
        await self._listen(app)
        return self

    async def stop(self) -> None:
        for ws in list(self._sockets):
            with contextlib.suppress(Exception):
                await ws.close()
        await self._unlisten()

    # -- Socket Mode -------------------------------------------------------------------------------
    async def send_envelope(
        self, kind: str, payload: dict[str, Any], *, accepts_response_payload: bool = False
    ) -> str:
        """Push a Socket Mode envelope (`slash_commands`, `events_api`, ...) to every connected app;
        returns its envelope_id (the app's ack shows up in `.socket_acks[envelope_id]`)."""
        envelope_id = f"env-{next(self._envelopes)}"
        message = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
            "retry_attempt": 0,
            "retry_reason": "",
        }
        for ws in list(self._sockets):
            await ws.send_str(json.dumps(message))
        return envelope_id

    @property
    def socket_connections(self) -> int:
        return len(self._sockets)

    async def _socket_mode(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(
            json.dumps(
                {
                    "type": "hello",
                    "num_connections": len(self._sockets),
                    "connection_info": {"app_id": "AFAKE"},
                }
            )
        )
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    with contextlib.suppress(ValueError):
                        data = json.loads(msg.data)
                        if isinstance(data, dict) and "envelope_id" in data:
                            self.socket_acks[data["envelope_id"]] = data
        finally:
            self._sockets.remove(ws)
        return ws

    # -- HTTP handlers -----------------------------------------------------------------------------
    async def _response_url(self, request: web.Request) -> web.Response:
        payload = await request.json()
        self.responses.append(ResponsePost(request.match_info["key"], payload, time.monotonic()))
        self.counters["response_url"] += 1
        return web.Response(text="ok")

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await _params(request)
        auth = request.headers.get("Authorization")
        self.calls.append(Call(method, params, auth, time.monotonic()))
        self.counters[method] += 1
        if method == "apps.connections.open":
            return _ok({"url": f"ws://{self.host}:{self.port}/socket-mode"})
        if self.token is not None and auth != f"Bearer {self.token}":
            return self._error("not_authed" if not auth else "invalid_auth")
        if method == "auth.test":
            return _ok(
                {
                    "url": "https://fake.slack.test/",
                    "team": "Fake",
                    "user": "briefbot",
                    "team_id": self.team_id,
                    "user_id": self.bot_user_id,
                    "bot_id": self.bot_id,
                }
            )
        if method == "chat.postMessage":
            return await self._post_message(params)
        if method in ("users.info", "conversations.info"):
            key = str(params.get("user" if method == "users.info" else "channel") or "")
            failed = await self._failed(self._take_failure(key, method))
            if failed is not None:
                return failed
            return self._user_info(key) if method == "users.info" else self._conversation_info(key)
        return _ok({})

    def _user_info(self, user_id: str) -> web.Response:
        if not user_id:
            return self._error("user_not_found")
        role = self._users.get(user_id, {"is_admin": False, "is_owner": False, "is_primary_owner": False})
        return _ok(
            {
                "user": {
                    "id": user_id,
                    "team_id": self.team_id,
                    "name": user_id.lower(),
                    "deleted": False,
                    "is_bot": False,
                    **role,
                }
            }
        )

    def _conversation_info(self, channel_id: str) -> web.Response:
        if not channel_id:
            return self._error("channel_not_found")
        known = self._channels.get(channel_id, {})
        is_im = bool(known.get("is_im")) or channel_id.startswith("D")
        channel: dict[str, Any] = {
            "id": channel_id,
            "is_im": is_im,
            "is_channel": not is_im,
            "is_private": False,
            "is_archived": False,
        }
        if not is_im:
            channel.update({"name": channel_id.lower(), "creator": known.get("creator") or "UCREATOR0"})
        return _ok({"channel": channel})

    async def _failed(self, failure: Failure | None) -> web.Response | None:
        """The answer a programmed failure gives instead of success (None: no failure, or a delay only)."""
        if failure is None:
            return None
        if failure.delay:
            await asyncio.sleep(failure.delay)
        if failure.status >= 500:
            self.counters["5xx"] += 1
            return web.Response(
                status=failure.status,
                text="<html><body>upstream error</body></html>",
                content_type="text/html",
            )
        if failure.error is None:
            return None
        headers = {}
        if failure.retry_after is not None:
            headers["Retry-After"] = str(math.ceil(failure.retry_after))
        if failure.error == "ratelimited":
            self.counters["ratelimited"] += 1
        return self._error(failure.error, status=failure.status, headers=headers)

    async def _post_message(self, params: dict[str, Any]) -> web.Response:
        channel = str(params.get("channel") or "")
        if not channel:
            return self._error("channel_not_found")
        failure = self._take_failure(channel)
        late = failure is not None and failure.accept
        if not late:
            failed = await self._failed(failure)
            if failed is not None:
                return failed
        if self.rate_limit_per_channel:
            now = time.monotonic()
            gap = 1.0 / self.rate_limit_per_channel
            last = self._last_post.get(channel)
            if last is not None and now - last < gap:
                self.counters["ratelimited"] += 1
                wait = max(1, math.ceil(gap - (now - last)))
                return self._error("ratelimited", status=429, headers={"Retry-After": str(wait)})
            self._last_post[channel] = now
        text = params.get("text")
        blocks = params.get("blocks")
        if isinstance(blocks, str):
            try:
                blocks = json.loads(blocks)
            except ValueError:
                return self._error("invalid_blocks_format")
        if blocks is not None and not isinstance(blocks, list):
            return self._error("invalid_blocks_format")
        if not text and not blocks:
            return self._error("no_text")
        if text and len(str(text)) > MAX_MESSAGE_TEXT:
            return self._error("msg_too_long")
        problems = validate_blocks(blocks or [])
        if problems:
            return self._error("invalid_blocks", extra={"errors": problems})
        ts = f"{1_700_000_000 + next(self._ts)}.000100"
        thread_ts = params.get("thread_ts")
        self.posts.append(
            Post(channel, text, blocks, str(thread_ts) if thread_ts else None, ts, params, time.monotonic())
        )
        if late:  # posted; the answer comes after the client gave up
            assert failure is not None
            await asyncio.sleep(failure.delay)
        return _ok(
            {
                "channel": channel,
                "ts": ts,
                "message": {"type": "message", "text": text, "bot_id": self.bot_id, "ts": ts},
            }
        )

    def _error(
        self,
        error: str,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> web.Response:
        self.counters["errors"] += 1
        return web.json_response(
            {"ok": False, "error": error, **(extra or {})}, status=status, headers=headers
        )


def validate_blocks(blocks: list[Any]) -> list[str]:
    """Slack's Block Kit limits that a renderer can break; one message per problem (empty = valid)."""
    problems: list[str] = []
    if len(blocks) > MAX_BLOCKS:
        problems.append(f"no more than {MAX_BLOCKS} items allowed [json-pointer:/blocks]")
    for i, block in enumerate(blocks):
        where = f"[json-pointer:/blocks/{i}]"
        if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
            problems.append(f"unknown block type {where}")
            continue
        kind = block["type"]
        text = block.get("text")
        if kind == "section":
            fields = block.get("fields") or []
            if not text and not fields:
                problems.append(f"section needs text or fields {where}")
            if isinstance(text, dict) and len(str(text.get("text", ""))) > MAX_SECTION_TEXT:
                problems.append(f"must be less than {MAX_SECTION_TEXT + 1} characters {where}/text")
            if len(fields) > 10:
                problems.append(f"no more than 10 fields {where}/fields")
            for j, f in enumerate(fields):
                if isinstance(f, dict) and len(str(f.get("text", ""))) > MAX_FIELD_TEXT:
                    problems.append(f"must be less than {MAX_FIELD_TEXT + 1} characters {where}/fields/{j}")
        elif kind == "header":
            if not isinstance(text, dict) or text.get("type") != "plain_text":
                problems.append(f"header text must be plain_text {where}/text")
            elif len(str(text.get("text", ""))) > MAX_HEADER_TEXT:
                problems.append(f"must be less than {MAX_HEADER_TEXT + 1} characters {where}/text")
        elif kind == "context":
            elements = block.get("elements") or []
            if not elements or len(elements) > 10:
                problems.append(f"context needs 1 to 10 elements {where}/elements")
        if isinstance(text, dict) and text.get("type") not in ("mrkdwn", "plain_text"):
            problems.append(f"text object type must be mrkdwn or plain_text {where}/text")
    return problems


async def _params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        raw = await request.read()
        ctype = request.content_type
        if ctype == "application/json":
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {}
            if isinstance(body, dict):
                params.update(body)
        elif ctype == "application/x-www-form-urlencoded":
            params.update(parse_qsl(raw.decode("utf-8")))
    return params


def _ok(data: dict[str, Any]) -> web.Response:
    return web.json_response({"ok": True, **data})


def _collect_strings(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in ("type", "block_id", "action_id", "style"):
                _collect_strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _collect_strings(v, out)


__all__ = ["Call", "Failure", "FakeSlackApi", "Post", "ResponsePost", "validate_blocks"]
