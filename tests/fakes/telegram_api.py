"""A fake Telegram Bot API on 127.0.0.1 for tests and benchmarks: real HTTP, recorded calls, injected
failures, optional rate limits.

    async with FakeTelegramApi(token=TOKEN) as tg:
        settings = load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=tg.base_url)
        tg.push_text("/who", chat_id=42)          # a user writes to the bot (served by getUpdates)
        sent = await tg.wait_for_sent(1)
        assert "Sherwood-Randall" in sent[0].plain

    with FakeTelegramApi().running_in_thread() as tg:   # for sync code and benchmarks
        ...

What it serves (`/bot<token>/<method>`, parameters as query, form or JSON body, like Telegram):
- `getMe`; `getUpdates` (long polling with `timeout`, `offset` confirming earlier updates, 409 while a
  webhook is set); `sendMessage` (validated like Telegram: text 1-4096 characters after entity parsing,
  `parse_mode=HTML` restricted to Telegram's tags, every `<`, `>` and `&` outside a tag written as an
  entity - see `parse_telegram_html`; 400 `can't parse entities` / `message is too long` otherwise);
  `setMyCommands` / `getMyCommands`; `getChatMember` (statuses set with `set_member`); `getChat` (the
  type by Telegram's id conventions, or as set with `set_chat_type`); `setWebhook` /
  `deleteWebhook` / `getWebhookInfo`; any other method answers 404 `Not Found` like Telegram and is
  recorded in `.unknown_methods`.
- Failures programmed per chat and method with `fail(...)`: 429 with `parameters.retry_after`, 500 (JSON),
  502 (an HTML page, like a failing proxy), 403 blocked/kicked, 400 chat not found, group migrated,
  any other 400, a delay (to provoke client timeouts), or `accept_then_timeout`: the message is
  delivered (recorded in `.sent`) and the answer comes only after `delay` seconds, past the client's
  timeout. `share` applies a failure to that fraction of matching calls (seeded: reproducible).
- Forum topics: a message with `message_thread_id` (`push_text(..., message_thread_id=7)`) is a topic
  message; `delete_topic(chat, 7)` / `close_topic(chat, 7)` make sendMessage into it answer 400
  "message thread not found" / "TOPIC_CLOSED", as Telegram does. Each accepted message records its
  `message_thread_id`.
- `on_accept(message)`, when set, runs as each message is accepted, before the answer goes out.
- Telegram unreachable: `refuse_connections()` stops listening (connections to the port are refused),
  `accept_connections()` listens on the same port again.
- Optional rate limits (`rate_limits=RateLimits()`): ≤ 30 messages/s overall, ≤ 1/s per chat, ≤ 20/min
  per group (chat id < 0); a message over a limit gets 429 + `retry_after` and is not delivered.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import random
import re
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qsl

from aiohttp import web

from tests.fakes.server import FakeServer
from tests.fakes.telegram_html import ParsedHtml, TelegramHtmlError, parse_telegram_html, utf16_len

MAX_MESSAGE_LENGTH = 4096  # UTF-16 code units of the text after entity parsing
BOT_ID = 7000000001
BOT_USERNAME = "briefbot_test_bot"

FailureKind = Literal[
    "rate_limited",
    "server_error",
    "bad_gateway",
    "blocked",
    "kicked",
    "chat_not_found",
    "migrated",
    "bad_request",
    "delay",
    "accept_then_timeout",
]
MemberStatus = Literal["creator", "administrator", "member", "restricted", "left", "kicked"]

# Parameters Telegram takes as JSON-serialised objects when they arrive as form fields.
_JSON_PARAMS = frozenset(
    {
        "commands",
        "scope",
        "link_preview_options",
        "reply_markup",
        "allowed_updates",
        "entities",
        "reply_parameters",
    }
)
_INT_PARAMS = frozenset({"chat_id", "user_id", "offset", "limit", "message_thread_id", "max_connections"})
_FLOAT_PARAMS = frozenset({"timeout"})
_BOOL_PARAMS = frozenset(
    {
        "drop_pending_updates",
        "disable_web_page_preview",
        "disable_notification",
        "protect_content",
    }
)


# -- records -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SentMessage:
    """One accepted sendMessage."""

    chat_id: int | str
    text: str  # as sent (HTML source when parse_mode is HTML)
    plain: str  # what the reader sees
    parse_mode: str | None
    message_id: int
    link_preview_disabled: bool
    links: tuple[str, ...]
    message_thread_id: int | None
    params: dict[str, Any]
    at: float  # time.monotonic() when accepted


@dataclass(frozen=True)
class Call:
    """Any API call as received (failed ones too)."""

    method: str
    params: dict[str, Any]
    token: str
    at: float


@dataclass
class Failure:
    kind: FailureKind
    times: int | None = 1  # None: until clear_failures()
    retry_after: int = 1
    delay: float = 0.0
    description: str | None = None
    migrate_to_chat_id: int | None = None
    after: int = 0  # matching calls that pass before this failure applies
    share: float = 1.0  # the fraction of matching calls it applies to (the others pass)


@dataclass(frozen=True)
class RateLimits:
    """Telegram's documented broadcast limits; a message over any of them gets 429 + retry_after."""

    global_per_second: int = 30
    per_chat_per_second: int = 1
    group_per_minute: int = 20


def chat_type_of(chat_id: int | str) -> str:
    """Telegram's id conventions: users > 0, basic groups < 0, supergroups and channels -100…"""
    s = str(chat_id)
    if s.startswith("@") or s.startswith("-100"):
        return "supergroup"
    return "group" if s.startswith("-") else "private"


# -- the server --------------------------------------------------------------------------------------
class FakeTelegramApi(FakeServer):
    thread_name = "fake-telegram-api"

    def __init__(
        self,
        *,
        token: str | None = None,
        rate_limits: RateLimits | None = None,
        bot_id: int = BOT_ID,
        bot_username: str = BOT_USERNAME,
        host: str = "127.0.0.1",
        clock: Callable[[], float] = time.monotonic,
        seed: int = 12,
    ) -> None:
        """`token`: when set, calls with another token get 401 Unauthorized, like Telegram. `seed`: of
        the draws that apply failures with a `share`."""
        self.token = token
        self.rate_limits = rate_limits
        self.bot_id, self.bot_username = bot_id, bot_username
        self.host = host
        self.port = 0
        self.clock = clock
        self.sent: list[SentMessage] = []
        self.calls: list[Call] = []
        self.unknown_methods: list[str] = []
        self.rejected: list[tuple[Call, str]] = []  # sendMessage calls refused with 400, and why
        self.counters: Counter[str] = Counter()  # per method, and per status: "429", "5xx", "403", "400"
        self.my_commands: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] | None = None  # setWebhook parameters while a webhook is set
        self._members: dict[tuple[int | str, int], MemberStatus] = {}
        self._chat_types: dict[int | str, str] = {}
        self._topics: dict[tuple[int | str, int], str] = {}  # (chat, message_thread_id) -> "deleted"/"closed"
        self._failures: dict[tuple[str, int | str | None], deque[Failure]] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: Counter[int | str] = Counter()
        self._windows: dict[int | str, deque[float]] = {}  # send times per chat (the last minute)
        self._global: deque[float] = deque()  # send times, all chats (the last second)
        self._lock = threading.Lock()
        self._new_update: asyncio.Event | None = None
        self._closing = False
        self._app: web.Application | None = None
        self._random = random.Random(seed)
        self.on_accept: Callable[[SentMessage], None] | None = None
        self.accepted_then_timed_out: list[SentMessage] = []  # delivered, answered too late

    # -- addresses ---------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """TELEGRAM_API_BASE_URL for this fake: ends in `/bot` (the token follows)."""
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.root_url}/file/bot"

    # -- counters ----------------------------------------------------------------------------------
    @property
    def count_429(self) -> int:
        return self.counters["429"]

    @property
    def count_rate_limited(self) -> int:
        """429s given by rate-limit enforcement (not programmed ones)."""
        return self.counters["rate_limited"]

    @property
    def count_5xx(self) -> int:
        return self.counters["5xx"]

    @property
    def count_403(self) -> int:
        return self.counters["403"]

    @property
    def count_400(self) -> int:
        return self.counters["400"]

    # -- programming -------------------------------------------------------------------------------
    def fail(
        self,
        chat_id: int | str | None,
        kind: FailureKind,
        *,
        times: int | None = 1,
        retry_after: int = 1,
        delay: float = 0.0,
        description: str | None = None,
        migrate_to_chat_id: int | None = None,
        after: int = 0,
        method: str = "sendMessage",
        share: float = 1.0,
    ) -> None:
        """Queue a failure for `method` calls to `chat_id` (None: any chat), used in order.

        rate_limited: 429 + parameters.retry_after; server_error: 500 (JSON); bad_gateway: 502 with an
        HTML page; blocked / kicked: 403; chat_not_found: 400; migrated: 400 with
        parameters.migrate_to_chat_id; bad_request: 400 with `description`; delay: `delay` seconds, then
        the call proceeds (any kind may also carry a delay); accept_then_timeout: the message is
        delivered, then the answer waits `delay` seconds (set it past the client's read timeout).
        `after`: let that many matching calls pass first (e.g. after=1 refuses the second part of a
        reply). `share`: apply to that fraction of matching calls, drawn at random (seeded)."""
        key = (method, _norm_chat(chat_id) if chat_id is not None else None)
        with self._lock:
            self._failures.setdefault(key, deque()).append(
                Failure(kind, times, retry_after, delay, description, migrate_to_chat_id, after, share)
            )

    def clear_failures(self) -> None:
        with self._lock:
            self._failures.clear()

    def set_member(self, chat_id: int | str, user_id: int, status: MemberStatus) -> None:
        """What getChatMember answers for this user in this chat (default: member)."""
        with self._lock:
            self._members[(_norm_chat(chat_id), int(user_id))] = status

    def set_chat_type(self, chat_id: int | str, chat_type: str) -> None:
        """Override `chat_type_of` for this chat (e.g. "channel" for a -100… id)."""
        self._chat_types[_norm_chat(chat_id)] = chat_type

    # -- updates -----------------------------------------------------------------------------------
    def delete_topic(self, chat_id: int | str, message_thread_id: int) -> None:
        """The forum topic is deleted: sendMessage into it answers 400 "message thread not found"."""
        with self._lock:
            self._topics[(_norm_chat(chat_id), message_thread_id)] = "deleted"

    def close_topic(self, chat_id: int | str, message_thread_id: int) -> None:
        """The forum topic is closed: sendMessage into it answers 400 "TOPIC_CLOSED"."""
        with self._lock:
            self._topics[(_norm_chat(chat_id), message_thread_id)] = "closed"

    def make_text_update(
        self,
        text: str,
        *,
        chat_id: int = 1001,
        user_id: int | None = None,
        chat_type: str | None = None,
        first_name: str = "Tess",
        username: str | None = "tess",
        title: str = "Test group",
        sender_chat_id: int | None = None,
        message_thread_id: int | None = None,
    ) -> dict[str, Any]:
        """An Update with a text message (or channel post) as Telegram sends it, not queued.

        A leading /command gets its `bot_command` entity. `user_id` defaults to the chat id in private
        chats and to 501 elsewhere; channel posts have no sender."""
        chat_type = chat_type or self._chat_types.get(chat_id) or chat_type_of(chat_id)
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name
            if username:
                chat["username"] = username
        else:
            chat["title"] = title
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "text": text,
        }
        if chat_type != "channel":
            uid = user_id if user_id is not None else (chat_id if chat_type == "private" else 501)
            sender: dict[str, Any] = {"id": uid, "is_bot": False, "first_name": first_name}
            if username:
                sender["username"] = username
            message["from"] = sender
        if sender_chat_id is not None:
            message["sender_chat"] = {"id": sender_chat_id, "type": "supergroup", "title": title}
        if message_thread_id is not None:
            message["message_thread_id"] = message_thread_id
            message["is_topic_message"] = True
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
        kind = "channel_post" if chat_type == "channel" else "message"
        return {"update_id": next(self._update_ids), kind: message}

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates (an `update_id` is assigned when missing)."""
        update.setdefault("update_id", next(self._update_ids))
        with self._lock:
            self._updates.append(update)
        self._wake()
        return update

    def push_text(self, text: str, **kwargs: Any) -> dict[str, Any]:
        """A user writes `text` (keyword arguments as `make_text_update`); served by getUpdates."""
        return self.push_update(self.make_text_update(text, **kwargs))

    @property
    def pending_updates(self) -> int:
        with self._lock:
            return len(self._updates)

    def _wake(self) -> None:
        event, loop = self._new_update, self._loop
        if event is None:
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if loop is not None and running is not loop:
            loop.call_soon_threadsafe(event.set)
        else:
            event.set()

    # -- reading what happened ---------------------------------------------------------------------
    def sent_to(self, chat_id: int | str) -> list[SentMessage]:
        chat = _norm_chat(chat_id)
        return [m for m in self.sent if m.chat_id == chat]

    async def wait_for_sent(self, count: int = 1, timeout: float = 5.0) -> list[SentMessage]:
        """Wait until at least `count` messages were accepted; returns all sent so far."""
        await self.wait_for(lambda: len(self.sent) >= count, timeout)
        return list(self.sent)

    async def replies(
        self, chat_id: int | str, before: int, *, quiet: float = 0.2, timeout: float = 8.0
    ) -> list[SentMessage]:
        """Messages to `chat_id` after its first `before`: waits for one, then until none came for
        `quiet` seconds (a reply may take several messages)."""
        deadline = time.monotonic() + timeout
        await self.wait_for(lambda: len(self.sent_to(chat_id)) > before, timeout)
        seen = len(self.sent_to(chat_id))
        while time.monotonic() < deadline:
            await asyncio.sleep(quiet)
            now = len(self.sent_to(chat_id))
            if now == seen:
                break
            seen = now
        return self.sent_to(chat_id)[before:]

    async def ask(self, text: str, *, chat_id: int = 1001, **kwargs: Any) -> list[SentMessage]:
        """A user sends `text` in `chat_id` (keyword arguments as `make_text_update`); returns the bot's
        answer, all its messages ([] when it does not answer within the timeout)."""
        before = len(self.sent_to(chat_id))
        self.push_text(text, chat_id=chat_id, **kwargs)
        return await self.replies(chat_id, before)

    # -- lifecycle ---------------------------------------------------------------------------------
    async def start(self) -> FakeTelegramApi:
        self._loop = asyncio.get_running_loop()
        self._closing = False
        self._new_update = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        self._app = app
        await self._listen(app, shutdown_timeout=0.1)
        return self

    async def stop(self) -> None:
        self._closing = True
        if self._new_update is not None:
            self._new_update.set()  # release long polls
        await self._unlisten()

    async def refuse_connections(self) -> None:
        """Telegram unreachable: stop listening, so connecting to the port is refused."""
        await self.stop()

    async def accept_connections(self) -> None:
        """Listen again, on the same port, after `refuse_connections`."""
        self._closing = False
        assert self._app is not None and self.port
        await self._listen(self._app, shutdown_timeout=0.1)

    # -- HTTP --------------------------------------------------------------------------------------
    async def _not_found(self, request: web.Request) -> web.Response:
        return _error(404, "Not Found")

    async def _api(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params = await _params(request)
        call = Call(method, params, token, self.clock())
        self.calls.append(call)
        self.counters[method] += 1
        if self.token is not None and token != self.token:
            return self._count(_error(401, "Unauthorized"))
        handler = _METHODS.get(method.lower())
        if handler is None:
            self.unknown_methods.append(method)
            return self._count(_error(404, "Not Found"))
        return self._count(await handler(self, call))

    def _count(self, response: web.Response) -> web.Response:
        status = response.status
        if status >= 500:
            self.counters["5xx"] += 1
        elif status != 200:
            self.counters[str(status)] += 1
        return response

    def _take_failure(self, method: str, chat: int | str) -> Failure | None:
        with self._lock:
            for key in ((method, chat), (method, None)):
                queue = self._failures.get(key)
                if not queue:
                    continue
                failure = queue[0]
                if failure.after > 0:
                    failure.after -= 1
                    continue
                if failure.share < 1.0 and self._random.random() >= failure.share:
                    continue
                if failure.times is not None:
                    failure.times -= 1
                    if failure.times <= 0:
                        queue.popleft()
                return failure
        return None

    async def _apply_failure(self, method: str, chat: int | str) -> web.Response | None:
        failure = self._take_failure(method, chat)
        if failure is None:
            return None
        return await self._answer_failure(failure)

    async def _answer_failure(self, failure: Failure) -> web.Response | None:
        if failure.delay:
            await asyncio.sleep(failure.delay)
        kind = failure.kind
        if kind == "rate_limited":
            return _error(
                429,
                f"Too Many Requests: retry after {failure.retry_after}",
                {"retry_after": failure.retry_after},
            )
        if kind == "server_error":
            return _error(500, "Internal Server Error")
        if kind == "bad_gateway":
            return web.Response(
                status=502,
                content_type="text/html",
                text="<html><head><title>502 Bad Gateway</title></head>"
                "<body><center><h1>502 Bad Gateway</h1></center></body></html>",
            )
        if kind == "blocked":
            return _error(403, failure.description or "Forbidden: bot was blocked by the user")
        if kind == "kicked":
            return _error(403, failure.description or "Forbidden: bot was kicked from the group chat")
        if kind == "chat_not_found":
            return _error(400, "Bad Request: chat not found")
        if kind == "migrated":
            return _error(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": failure.migrate_to_chat_id or -1001000000001},
            )
        if kind == "bad_request":
            return _error(400, failure.description or "Bad Request: something is wrong")
        return None  # a delay only

    # -- methods -----------------------------------------------------------------------------------
    def _bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "briefbot", "username": self.bot_username}

    async def _get_me(self, call: Call) -> web.Response:
        return _ok(
            {
                **self._bot_user(),
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        )

    async def _get_updates(self, call: Call) -> web.Response:
        if self.webhook is not None:
            return _error(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        p = call.params
        offset = int(p.get("offset") or 0)
        limit = max(1, min(100, int(p.get("limit") or 100)))
        timeout = max(0.0, float(p.get("timeout") or 0))
        deadline = time.monotonic() + timeout
        event = self._new_update
        assert event is not None
        while True:
            event.clear()
            with self._lock:
                if offset:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                ready = self._updates[:limit]
            remaining = deadline - time.monotonic()
            if ready or remaining <= 0 or self._closing:
                return _ok(ready)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    async def _send_message(self, call: Call) -> web.Response:
        p = call.params
        if "chat_id" not in p or p["chat_id"] in ("", None):
            return _error(400, "Bad Request: chat_id is empty")
        chat = _norm_chat(p["chat_id"])
        failure = self._take_failure("sendMessage", chat)
        late = failure is not None and failure.kind == "accept_then_timeout"
        if failure is not None and not late:
            failed = await self._answer_failure(failure)
            if failed is not None:
                return failed
        topic = self._topics.get((chat, p["message_thread_id"])) if p.get("message_thread_id") else None
        if topic == "deleted":
            return self._reject(call, "Bad Request: message thread not found")
        if topic == "closed":
            return self._reject(call, "Bad Request: TOPIC_CLOSED")
        text = p.get("text")
        if not isinstance(text, str) or not text:
            return self._reject(call, "Bad Request: message text is empty")
        parse_mode = p.get("parse_mode") or None
        links: tuple[str, ...] = ()
        if parse_mode is None:
            plain = text
        elif str(parse_mode).upper() == "HTML":
            try:
                parsed = parse_telegram_html(text)
            except TelegramHtmlError as exc:
                return self._reject(call, f"Bad Request: can't parse entities: {exc}")
            plain, links = parsed.text, parsed.links
        elif parse_mode in ("Markdown", "MarkdownV2"):
            plain = text  # not validated
        else:
            return self._reject(call, "Bad Request: unsupported parse_mode")
        if not plain.strip():
            return self._reject(call, "Bad Request: message text is empty")
        if utf16_len(plain) > MAX_MESSAGE_LENGTH:
            return self._reject(call, "Bad Request: message is too long")
        limited = self._rate_limit(chat)
        if limited is not None:
            return limited
        preview = p.get("link_preview_options") or {}
        preview_off = bool(
            p.get("disable_web_page_preview") is True
            or (isinstance(preview, dict) and preview.get("is_disabled"))
        )
        thread = p.get("message_thread_id")
        message_id = self._next_message_id(chat)
        accepted = SentMessage(
            chat,
            text,
            plain,
            parse_mode,
            message_id,
            preview_off,
            links,
            int(thread) if thread not in (None, "") else None,
            p,
            self.clock(),
        )
        self.sent.append(accepted)
        if self.on_accept is not None:
            self.on_accept(accepted)
        if late:  # delivered; the answer comes after the client gave up
            assert failure is not None
            self.accepted_then_timed_out.append(accepted)
            await asyncio.sleep(failure.delay)
        chat_type = self._chat_types.get(chat) or chat_type_of(chat)
        chat_obj: dict[str, Any] = {"id": chat, "type": chat_type}
        if chat_type != "private":
            chat_obj["title"] = "Test group"
        else:
            chat_obj["first_name"] = "Tess"
        return _ok(
            {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": chat_obj,
                "from": self._bot_user(),
                "text": plain,
            }
        )

    def _reject(self, call: Call, description: str) -> web.Response:
        self.rejected.append((call, description))
        return _error(400, description)

    def _rate_limit(self, chat: int | str) -> web.Response | None:
        limits = self.rate_limits
        if limits is None:
            return None
        now = self.clock()
        with self._lock:
            window = self._windows.setdefault(chat, deque())
            horizon = 60.0 if _is_group(chat) else 1.0
            while window and window[0] <= now - horizon:
                window.popleft()
            while self._global and self._global[0] <= now - 1.0:
                self._global.popleft()
            waits: list[float] = []
            if len(self._global) >= limits.global_per_second:
                waits.append(self._global[-limits.global_per_second] + 1.0 - now)
            recent = [t for t in window if t > now - 1.0]
            if len(recent) >= limits.per_chat_per_second:
                waits.append(recent[-limits.per_chat_per_second] + 1.0 - now)
            if _is_group(chat) and len(window) >= limits.group_per_minute:
                waits.append(window[-limits.group_per_minute] + 60.0 - now)
            if waits:
                self.counters["rate_limited"] += 1
                retry = max(1, math.ceil(max(waits)))
                return _error(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
            window.append(now)
            self._global.append(now)
        return None

    async def _set_my_commands(self, call: Call) -> web.Response:
        commands = call.params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            return _error(400, "Bad Request: commands must be an array of at most 100 BotCommand")
        for c in commands:
            name = str(c.get("command", "")) if isinstance(c, dict) else ""
            desc = str(c.get("description", "")) if isinstance(c, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                return _error(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(desc) <= 256:
                return _error(400, "Bad Request: command description is invalid")
        self.my_commands = list(commands)
        return _ok(True)

    async def _get_my_commands(self, call: Call) -> web.Response:
        return _ok(self.my_commands)

    async def _get_chat_member(self, call: Call) -> web.Response:
        p = call.params
        if "chat_id" not in p or "user_id" not in p:
            return _error(400, "Bad Request: chat_id and user_id are required")
        chat, user_id = _norm_chat(p["chat_id"]), int(p["user_id"])
        failed = await self._apply_failure("getChatMember", chat)
        if failed is not None:
            return failed
        with self._lock:
            status = self._members.get((chat, user_id), "member")
        user = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
        member: dict[str, Any] = {"status": status, "user": user}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update(
                {
                    "can_be_edited": False,
                    "is_anonymous": False,
                    "can_manage_chat": True,
                    "can_delete_messages": True,
                    "can_manage_video_chats": True,
                    "can_restrict_members": True,
                    "can_promote_members": False,
                    "can_change_info": True,
                    "can_invite_users": True,
                    "can_post_stories": False,
                    "can_edit_stories": False,
                    "can_delete_stories": False,
                }
            )
        elif status == "restricted":
            member.update(
                {
                    "is_member": True,
                    "until_date": 0,
                    **{
                        k: False
                        for k in (
                            "can_send_messages",
                            "can_send_audios",
                            "can_send_documents",
                            "can_send_photos",
                            "can_send_videos",
                            "can_send_video_notes",
                            "can_send_voice_notes",
                            "can_send_polls",
                            "can_send_other_messages",
                            "can_add_web_page_previews",
                            "can_change_info",
                            "can_invite_users",
                            "can_pin_messages",
                            "can_manage_topics",
                        )
                    },
                }
            )
        elif status == "kicked":
            member["until_date"] = 0
        return _ok(member)

    async def _get_chat(self, call: Call) -> web.Response:
        if "chat_id" not in call.params:
            return _error(400, "Bad Request: chat_id is empty")
        chat = _norm_chat(call.params["chat_id"])
        failed = await self._apply_failure("getChat", chat)
        if failed is not None:
            return failed
        chat_type = self._chat_types.get(chat) or chat_type_of(chat)
        info: dict[str, Any] = {
            "id": chat,
            "type": chat_type,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }
        info.update({"first_name": "Tess"} if chat_type == "private" else {"title": "Test group"})
        return _ok(info)

    async def _set_webhook(self, call: Call) -> web.Response:
        url = str(call.params.get("url") or "")
        if not url:
            return await self._delete_webhook(call)
        if not url.startswith("https://"):
            return _error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        secret = call.params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            return _error(400, "Bad Request: secret token contains unallowed characters")
        self.webhook = dict(call.params)
        if call.params.get("drop_pending_updates") is True:
            with self._lock:
                self._updates.clear()
        return _ok(True)

    async def _delete_webhook(self, call: Call) -> web.Response:
        self.webhook = None
        if call.params.get("drop_pending_updates") is True:
            with self._lock:
                self._updates.clear()
        return _ok(True)

    async def _get_webhook_info(self, call: Call) -> web.Response:
        hook = self.webhook or {}
        return _ok(
            {
                "url": hook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": self.pending_updates,
                "max_connections": int(hook.get("max_connections") or 40),
            }
        )

    def _next_message_id(self, chat: int | str) -> int:
        with self._lock:
            self._message_ids[chat] += 1
            return self._message_ids[chat]


_METHODS: dict[str, Callable[[FakeTelegramApi, Call], Any]] = {
    "getme": FakeTelegramApi._get_me,
    "getupdates": FakeTelegramApi._get_updates,
    "sendmessage": FakeTelegramApi._send_message,
    "setmycommands": FakeTelegramApi._set_my_commands,
    "getmycommands": FakeTelegramApi._get_my_commands,
    "getchatmember": FakeTelegramApi._get_chat_member,
    "getchat": FakeTelegramApi._get_chat,
    "setwebhook": FakeTelegramApi._set_webhook,
    "deletewebhook": FakeTelegramApi._delete_webhook,
    "getwebhookinfo": FakeTelegramApi._get_webhook_info,
}


def plain_text(messages: list[SentMessage]) -> str:
    """What the reader sees of `messages`, joined by newlines."""
    return "\n".join(m.plain for m in messages)


def _is_group(chat: int | str) -> bool:
    return isinstance(chat, int) and chat < 0


def _norm_chat(chat_id: Any) -> int | str:
    s = str(chat_id).strip()
    return int(s) if re.fullmatch(r"-?\d+", s) else s


def _decode(name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if name in _JSON_PARAMS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if name in _INT_PARAMS and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    if name in _FLOAT_PARAMS:
        with contextlib.suppress(ValueError):
            return float(value)
    if name in _BOOL_PARAMS and value in ("true", "false"):
        return value == "true"
    return value


async def _params(request: web.Request) -> dict[str, Any]:
    """Query, form and JSON body merged, decoded the way Telegram reads them."""
    raw: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        body = await request.read()
        ctype = request.content_type
        if ctype == "application/json":
            with contextlib.suppress(ValueError):
                data = json.loads(body or b"{}")
                if isinstance(data, dict):
                    raw.update(data)
        elif ctype == "application/x-www-form-urlencoded":
            raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return {k: _decode(k, v) for k, v in raw.items()}


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(code: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=code)


__all__ = [
    "BOT_USERNAME",
    "Call",
    "Failure",
    "FakeTelegramApi",
    "ParsedHtml",
    "RateLimits",
    "SentMessage",
    "TelegramHtmlError",
    "chat_type_of",
    "parse_telegram_html",
    "plain_text",
    "utf16_len",
]
