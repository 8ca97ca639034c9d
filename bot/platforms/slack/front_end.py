"""Slack: slash commands and @-mentions through slack-bolt's async App; digests through `SlackSender`.

Slash commands are acknowledged at once (Slack wants an answer within 3 s) and answered after the ack
by a bolt lazy listener: the command core runs in a worker thread, the reply is rendered by
`render_slack` and posted with chat.postMessage, or through the command's response_url when the bot
cannot post in that channel. Events arrive over Socket Mode when an app token is configured, otherwise
over HTTP at POST /slack/events on the shared server.

Over HTTP nothing is parsed, logged or acted on before Slack's signature is verified: a request with a
missing, malformed or stale timestamp, a missing or wrong signature, a body over MAX_EVENT_BYTES or one
Bolt cannot parse gets 401 and one short log line, never its body. slack-bolt logs bodies of badly
signed and unhandled requests itself; `_NoRequestBodies` keeps them out of its log lines.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bot.commands import MANAGE_COMMANDS, ChatContext, Command, Commands, parse_command
from bot.platforms.base import PacedAnswers
from bot.platforms.slack.managers import MANAGERS, SlackManagers, Verdict
from bot.platforms.slack.render import render_slack
from bot.platforms.slack.sender import SlackSender, error_code
from bot.platforms.slack.settings import SlackSettings
from bot.reply import Reply
from bot.settings import Settings, SettingsError

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
SLASH_COMMANDS: tuple[Command, ...] = tuple(Command)  # as deploy/slack-manifest.yaml declares them
MAX_EVENT_BYTES = 1024 * 1024  # Slack's payloads are a few KiB; a body over this is refused unread
MAX_CLOCK_SKEW = 5 * 60  # seconds: Slack's own limit for a request timestamp
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")

# Errors on which an interactive answer goes through the slash command's response_url instead.
NOT_POSTABLE_ERRORS = frozenset({"not_in_channel", "channel_not_found", "is_archived"})

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
APOLOGY = "Sorry, something went wrong while answering that. Please try again in a moment."


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """The command in a mention: "<@UBOT> who Monaco" -> "who Monaco". Takes what follows the bot's
    mention (the first mention when the bot's id is unknown), or what precedes it when nothing follows."""
    pattern = re.compile(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>") if bot_user_id else _MENTION
    m = pattern.search(text)
    if m is None:
        return text.strip()
    after = text[m.end() :].strip().lstrip(":,").strip()
    return after or text[: m.start()].strip()


def slack_unescape(text: str) -> str:
    """Slack sends `&`, `<` and `>` typed by users as entities; the command core wants the text as typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _chat_type(channel_id: str, channel_name: str | None = None, channel_type: str | None = None) -> str:
    if channel_type in ("im", "mpim", "group", "channel"):
        return channel_type
    if channel_name == "directmessage" or channel_id.startswith("D"):
        return "im"
    if channel_name == "mpdm":
        return "mpim"
    return "channel"


async def _is_direct_message(event: dict[str, Any]) -> bool:
    return event.get("channel_type") == "im"


Responder = Callable[..., Awaitable[Any]]


class _NoRequestBodies(logging.Filter):
    """slack-bolt writes request bodies into some log lines (every badly signed request's at INFO, an
    unhandled one's at WARNING): keep the line's start, drop the body, cap the length."""

    LIMIT = 200

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        lower = message.lower()
        if "body" in lower or message.startswith("Unhandled request"):
            cuts = [i for i in (message.find("("), lower.find("body")) if i >= 0]
            head = message[: min(cuts)].rstrip(" :(") if cuts else message[: self.LIMIT]
            record.msg, record.args = head + " (request body not logged)", ()
        elif len(message) > self.LIMIT:
            record.msg, record.args = message[: self.LIMIT] + "…", ()
        return True


def _bolt_logger() -> logging.Logger:
    """The logger handed to Bolt; Bolt copies its filters to the loggers of its middleware when the App
    is built, so the filter is in place first."""
    logger = logging.getLogger("bot.platforms.slack.bolt")
    if not any(isinstance(f, _NoRequestBodies) for f in logger.filters):
        logger.addFilter(_NoRequestBodies())
    return logger


def unverifiable_headers(headers: Mapping[str, str], now: float | None = None) -> str | None:
    """Why a request's timestamp/signature headers cannot be verified (None: they are well formed and the
    timestamp is fresh). Checked before the body is read."""
    stamp = headers.get("X-Slack-Request-Timestamp")
    signature = headers.get("X-Slack-Signature")
    if not stamp:
        return "no timestamp"
    if not _TIMESTAMP.fullmatch(stamp):
        return "malformed timestamp"
    if abs((time.time() if now is None else now) - int(stamp)) > MAX_CLOCK_SKEW:
        return "stale timestamp"
    if not signature:
        return "no signature"
    if not _SIGNATURE.fullmatch(signature):
        return "malformed signature"
    return None


async def _read_capped(request: web.Request, limit: int) -> bytes | None:
    """The request body, or None when it is (or says it is) longer than `limit` bytes."""
    if request.content_length is not None and request.content_length > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while chunk := await request.content.read(64 * 1024):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


class SlackFrontEnd(PacedAnswers):
    """Slack over Socket Mode (app token set) or HTTP (POST /slack/events, signed requests only)."""

    name = "slack"

    def __init__(self, settings: Settings, commands: Commands) -> None:
        self.settings = settings
        self.commands = commands
        section = self.section = SlackSettings.of(settings)
        self.socket_mode = bool(section.slack_app_token)
        if not self.socket_mode and not section.slack_signing_secret:
            raise SettingsError(
                "Slack over HTTP needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)"
            )
        self.client = AsyncWebClient(token=section.slack_bot_token, base_url=section.slack_api_base_url)
        self.app = AsyncApp(
            name="briefbot",
            client=self.client,
            signing_secret=section.slack_signing_secret or "",
            logger=_bolt_logger(),
            # Ack inline and run the work as lazy listeners: without this, Bolt polls for the ack every
            # 10 ms, which puts a 10 ms floor under every answer to Slack.
            process_before_response=True,
            # briefbot answers through its own client, not Bolt's `say`: without this, Bolt attaches its
            # AI-assistant helpers (bound methods) to a direct message sent in a thread, and copying that
            # request for the lazy listener fails, so such a message was never answered.
            attaching_conversation_kwargs_enabled=False,
        )
        self.sender = SlackSender.from_settings(settings)
        self.managers = SlackManagers(self.client)
        self._verifier = (
            SignatureVerifier(section.slack_signing_secret) if section.slack_signing_secret else None
        )
        self._socket: AsyncSocketModeHandler | None = None
        for name in SLASH_COMMANDS:
            self.app.command(f"/{name}")(ack=self._ack, lazy=[self._run_command])
        self.app.event("app_mention")(ack=self._ack, lazy=[self._on_mention])
        self.app.event("message", matchers=[_is_direct_message])(
            ack=self._ack, lazy=[self._on_direct_message]
        )
        self.app.error(self._on_error)

    # -- transport ---------------------------------------------------------------------------------
    def http_routes(self) -> list[web.RouteDef]:
        return [] if self.socket_mode else [web.post(EVENTS_PATH, self.handle_http)]

    async def handle_http(self, request: web.Request) -> web.Response:
        """Verify Slack's signature, then hand the request to Bolt, which acks it.

        Headers are checked before the body is read, the signature before the body is parsed; whatever
        cannot be verified is a 401 (see the module docstring). Slack re-sends an event it thinks timed
        out (`X-Slack-Retry-Reason: http_timeout`); once verified, such a retry is acknowledged and
        dropped (the first delivery is being answered). Retries for other reasons (our 5xx) are processed.
        """
        problem = unverifiable_headers(request.headers)
        body = None if problem else await _read_capped(request, MAX_EVENT_BYTES)
        if body is None:
            return _refuse(request, problem or "body too large")
        if self._verifier is None:  # unreachable: HTTP mode needs the signing secret (__init__)
            return _refuse(request, "no signing secret configured")
        stamp = request.headers["X-Slack-Request-Timestamp"]
        if not self._verifier.is_valid(body, stamp, request.headers["X-Slack-Signature"]):
            return _refuse(request, "bad signature")
        try:
            bolt_request = AsyncBoltRequest(
                body=body.decode("utf-8"),
                query=request.query_string,
                headers=request.headers,  # type: ignore[arg-type]  # Bolt reads it as a mapping
            )
        except Exception as exc:  # Bolt parses the body here: JSON that is not an object, bad UTF-8, ...
            return _refuse(request, f"unparseable body ({type(exc).__name__})")
        if (
            request.headers.get("X-Slack-Retry-Num")
            and request.headers.get("X-Slack-Retry-Reason") == "http_timeout"
        ):
            log.info(
                "slack: timeout retry acknowledged, not answered twice",
                extra={"retry": request.headers.get("X-Slack-Retry-Num")},
            )
            return web.Response(status=200, headers={"X-Slack-No-Retry": "1"})
        bolt_response = await self.app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    async def start(self) -> None:
        if self.socket_mode:
            self._socket = AsyncSocketModeHandler(self.app, self.section.slack_app_token)
            await self._socket.connect_async()
            log.info("slack: connected over Socket Mode")
        else:
            log.info("slack: receiving events at %s", EVENTS_PATH)

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        await self.sender.close()

    # -- slash commands ----------------------------------------------------------------------------
    async def _ack(self, ack: Callable[..., Awaitable[None]]) -> None:
        await ack()

    async def _run_command(self, command: dict[str, Any], respond: Responder) -> None:
        channel = str(command.get("channel_id", ""))
        name = str(command.get("command", "/help")).lstrip("/")
        try:
            ctx = await self._context(
                name, channel, command.get("user_id"), _chat_type(channel, command.get("channel_name")), None
            )
            text = f"/{name} {slack_unescape(str(command.get('text') or ''))}"
            reply = await asyncio.to_thread(self.commands.handle, text, ctx)
            await self._post(reply, channel, respond=respond)
        except Exception:
            log.exception("slack command failed", extra={"channel_id": channel, "command": name})
            await self._apologise(channel, respond=respond)

    async def _context(
        self, command: str, channel: str, user: Any, chat_type: str, slack_channel_type: str | None
    ) -> ChatContext:
        """Who is asking; for a command that changes the subscription, whether Slack says they may.
        `slack_channel_type` is an event's own channel_type; a slash command's channel_name is not used
        (anyone may name a channel "directmessage")."""
        user_id = str(user) if user else None
        verdict = Verdict.ALLOWED
        if command in MANAGE_COMMANDS:
            verdict = await self.managers.verdict(channel, user_id, channel_type=slack_channel_type)
        return ChatContext(
            platform="slack",
            chat_id=channel,
            user_id=user_id,
            chat_type=chat_type,
            can_manage=verdict is Verdict.ALLOWED,
            managers=MANAGERS,
            unverified=verdict is Verdict.UNVERIFIED,
        )

    # -- mentions and direct messages --------------------------------------------------------------
    async def _on_mention(self, event: dict[str, Any], context: dict[str, Any]) -> None:
        await self._answer_message(event, context, thread=True)

    async def _on_direct_message(self, event: dict[str, Any], context: dict[str, Any]) -> None:
        if event.get("subtype") or event.get("bot_id"):
            return  # edits, joins, other bots
        await self._answer_message(event, context, thread=False)

    async def _answer_message(
        self, event: dict[str, Any], context: Mapping[str, Any], *, thread: bool
    ) -> None:
        """Answer a mention (`thread=True`: in its thread, a new one under it when it is not in one) or
        a direct message (in the thread it was sent in, else in the conversation)."""
        channel = str(event.get("channel", ""))
        text = strip_mention(str(event.get("text", "")), context.get("bot_user_id"))
        text = slack_unescape(text) or "/help"
        asked_in = event.get("thread_ts") or None  # the thread the message was sent in, if any
        thread_ts = (asked_in or event.get("ts")) if thread else asked_in
        try:
            parsed = parse_command(text)
            ctx = await self._context(
                parsed[0] if parsed else "",
                channel,
                event.get("user"),
                _chat_type(channel, channel_type=event.get("channel_type")),
                event.get("channel_type"),
            )
            ctx = replace(ctx, thread=str(asked_in) if asked_in else None)
            reply = await asyncio.to_thread(self.commands.handle, text, ctx)
            await self._post(reply, channel, thread_ts=thread_ts)
        except Exception:
            log.exception("slack mention failed", extra={"channel_id": channel})
            await self._apologise(channel, thread_ts=thread_ts)

    # -- answering ---------------------------------------------------------------------------------
    async def _post(
        self, reply: Reply, channel: str, *, respond: Responder | None = None, thread_ts: str | None = None
    ) -> None:
        """Post an answer: its first message where it was asked (`thread_ts`: in that thread), the rest
        of a long one (a /brief's stories beyond its front page) in the same thread, else in the first
        message's thread, as a digest's are: the channel gets one message per answer."""
        parts = render_slack(reply)
        for i, part in enumerate(parts):
            await self.answer_slot(channel)  # before queued digest messages, within Slack's limits
            try:
                posted = await self.client.chat_postMessage(
                    channel=channel,
                    text=part.get("text", ""),
                    blocks=part.get("blocks"),
                    thread_ts=thread_ts,
                    unfurl_links=False,
                    unfurl_media=False,
                )
            except SlackApiError as exc:
                code, _status, _headers = error_code(exc)
                if respond is None or code not in NOT_POSTABLE_ERRORS:
                    raise
                log.info(
                    "slack: cannot post in channel (%s), answering via response_url",
                    code,
                    extra={"channel_id": channel},
                )
                for rest in parts[i:]:
                    await _respond(respond, rest, response_type="in_channel")
                return
            if thread_ts is None:
                thread_ts = posted.get("ts")

    async def _apologise(
        self, channel: str, *, respond: Responder | None = None, thread_ts: str | None = None
    ) -> None:
        try:
            if respond is not None:
                await _respond(respond, {"text": APOLOGY}, response_type="ephemeral")
            else:
                await self.answer_slot(channel)
                await self.client.chat_postMessage(channel=channel, text=APOLOGY, thread_ts=thread_ts)
        except Exception as exc:  # the apology is best effort; the first failure is already logged
            log.warning("slack: apology not delivered: %s", type(exc).__name__, extra={"channel_id": channel})

    async def _on_error(self, error: Exception, body: dict[str, Any]) -> None:
        """Bolt's global error handler: anything our listeners did not catch themselves."""
        channel = (
            body.get("channel_id") or (body.get("event") or {}).get("channel")
            if isinstance(body, dict)
            else None
        )
        log.error(
            "slack listener error: %s", type(error).__name__, exc_info=error, extra={"channel_id": channel}
        )


def _refuse(request: web.Request, reason: str) -> web.Response:
    """401 with one short log line: the reason and the peer, never the body."""
    log.warning("slack: request refused: %s", reason, extra={"remote": request.remote})
    return web.Response(status=401, text="invalid request")


async def _respond(respond: Responder, part: Mapping[str, Any], *, response_type: str) -> None:
    result = await respond(
        text=part.get("text", ""),
        blocks=part.get("blocks"),
        response_type=response_type,
        replace_original=False,
        unfurl_links=False,
        unfurl_media=False,
    )
    status = getattr(result, "status_code", 200)
    if status != 200:
        raise RuntimeError(f"response_url answered HTTP {status}")


__all__ = [
    "EVENTS_PATH",
    "SlackFrontEnd",
    "slack_unescape",
    "strip_mention",
]
