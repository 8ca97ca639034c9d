"""Telegram's digest sender: sendMessage of rendered HTML, previews off, each error typed for the outbox
(bot/senders.py); and the guard that keeps the bot token out of every log line."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import warnings
from collections.abc import Callable, Sequence
from datetime import timedelta

import httpx
from telegram import Bot as PtbBot
from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.platforms.telegram.render import render_telegram
from bot.platforms.telegram.settings import TelegramSettings
from bot.reply import Reply
from bot.senders import ChatGone, InDoubt, RetryLater, SendError, ThreadGone, Transient
from bot.settings import Settings, SettingsError

POOL_SIZE = 100  # concurrent HTTP connections of one Bot: digest fan-out sends in parallel
POOL_TIMEOUT = 10.0  # a send waits this long for a free connection before TimedOut
SEND_TIMEOUT = 15.0
# BadRequest descriptions meaning the chat is no longer reachable.
GONE_BAD_REQUESTS = ("chat not found", "group chat was deactivated", "peer_id_invalid", "user not found")
# BadRequest descriptions meaning the forum topic a message went to is deleted or closed (the chat is there).
GONE_TOPIC_REQUESTS = ("message thread not found", "topic_closed", "topic_deleted", "topic was deleted")
# httpx errors raised before a request is written: the message surely did not reach Telegram. Any other
# transport error under PTB's TimedOut / NetworkError (read or write timeout, connection dropped mid-
# request) leaves it in doubt; a NetworkError from an HTTP answer (5xx) means not delivered.
NOT_SENT_ERRORS = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
    httpx.InvalidURL,
)
# PTB loggers that print the Bot API URL (which carries the token) and httpx, which logs request URLs.
_URL_LOGGERS = ("telegram.Bot", "telegram.ext.ExtBot", "httpx", "httpcore")


# -- the token never reaches a log -------------------------------------------------------------------
class _TokenFilter(logging.Filter):
    """Replaces the bot token in a record logged straight on a guarded logger."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "[REDACTED]"), None
        return True


def guard_token(token: str) -> None:
    """httpx/httpcore log each request URL at INFO/DEBUG, and Telegram's URLs carry the token: keep
    them at WARNING or above whatever the root level, and scrub the token from PTB's URL debug lines."""
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.WARNING:
            logger.setLevel(logging.WARNING)
    for name in _URL_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _TokenFilter) and f.token == token for f in logger.filters):
            logger.addFilter(_TokenFilter(token))


def file_base_url(base_url: str) -> str:
    """https://api.telegram.org/bot -> https://api.telegram.org/file/bot (PTB's base_file_url)."""
    root, sep, _ = base_url.rstrip("/").rpartition("/bot")
    return f"{root}/file/bot" if sep else base_url.rstrip("/") + "/file/bot"


# -- sending -----------------------------------------------------------------------------------------
def chat_ref(chat_id: str | int) -> int | str:
    s = str(chat_id).strip()
    return int(s) if re.fullmatch(r"-?\d+", s) else s


def topic_id(thread: str | None) -> int | None:
    """A forum topic's message_thread_id from the opaque `thread` the core carries (None: main chat)."""
    return int(thread) if thread is not None and re.fullmatch(r"\d+", thread.strip()) else None


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def map_telegram_error(exc: TelegramError, token: str | None = None) -> SendError:
    """A PTB error as the outbox's typed error; the message never carries the token."""
    text = str(exc)
    if token:
        text = text.replace(token, "[REDACTED]")
    if isinstance(exc, RetryAfter):
        with warnings.catch_warnings():  # PTB 22 warns that retry_after becomes a timedelta
            warnings.simplefilter("ignore", PTBDeprecationWarning)
            return RetryLater(_seconds(exc.retry_after), "telegram rate limit")
    if isinstance(exc, ChatMigrated):
        return ChatGone(f"telegram: group became supergroup {exc.new_chat_id}")
    if isinstance(exc, Forbidden):
        return ChatGone(f"telegram: {text}")
    if isinstance(exc, BadRequest):  # a NetworkError subclass in PTB: test it first
        if any(s in text.casefold() for s in GONE_TOPIC_REQUESTS):
            return ThreadGone(f"telegram: forum topic gone: {text}")
        if any(s in text.casefold() for s in GONE_BAD_REQUESTS):
            return ChatGone(f"telegram: {text}")
        return SendError(f"telegram sendMessage refused: {text}")
    if isinstance(exc, TimedOut | NetworkError):
        cause = exc.__cause__
        if isinstance(cause, httpx.TransportError) and not isinstance(cause, NOT_SENT_ERRORS):
            return InDoubt(f"telegram: {type(exc).__name__} ({type(cause).__name__}) after sending: {text}")
        return Transient(f"telegram: {type(exc).__name__}: {text}")
    return SendError(f"telegram: {type(exc).__name__}: {text}")


class TelegramSender:
    """sendMessage (HTML, previews off) for each part of a rendered reply; no retries here (the outbox
    retries). Built on the front end's Bot, or standalone via `from_settings` with its own Bot."""

    platform = "telegram"

    def __init__(self, bot: PtbBot | Callable[[], PtbBot]) -> None:
        """`bot`: a Bot, or a factory called once per event loop (an HTTP pool is bound to its loop)."""
        self._bot = bot if isinstance(bot, PtbBot) else None
        self._factory = None if isinstance(bot, PtbBot) else bot
        self._own: PtbBot | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._token = self._bot.token if self._bot is not None else None

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        pool_size: int = POOL_SIZE,
        timeout: float = SEND_TIMEOUT,
        pool_timeout: float = POOL_TIMEOUT,
    ) -> TelegramSender:
        section = TelegramSettings.of(settings)
        token = section.telegram_bot_token
        if not token:
            raise SettingsError("telegram_bot_token (TELEGRAM_BOT_TOKEN) is not set")
        guard_token(token)
        base_url = section.telegram_api_base_url

        def make() -> PtbBot:
            request = HTTPXRequest(
                connection_pool_size=pool_size,
                read_timeout=timeout,
                write_timeout=timeout,
                connect_timeout=timeout,
                pool_timeout=pool_timeout,
            )
            return PtbBot(
                token,
                base_url=base_url,
                base_file_url=file_base_url(base_url),
                request=request,
            )

        sender = cls(make)
        sender._token = token
        return sender

    @property
    def bot(self) -> PtbBot:
        if self._bot is not None:
            return self._bot
        loop = asyncio.get_running_loop()
        if self._own is None or self._loop is not loop:
            assert self._factory is not None
            self._own, self._loop = self._factory(), loop
        return self._own

    async def send(self, chat_id: str, reply: Reply, *, thread: str | None = None) -> list[str]:
        return await self.send_html(chat_id, render_telegram(reply), thread=thread)

    def render(self, reply: Reply) -> list[str]:
        return render_telegram(reply)

    async def send_rendered(
        self, chat_id: str, message: str, *, thread: str | None = None, earlier: Sequence[str] = ()
    ) -> str:
        """One sendMessage of rendered HTML, into the forum topic `thread` (its message_thread_id) when
        given; the error says whether the request may have arrived. Every part of a digest goes to the
        same place (`earlier` is not needed here)."""
        try:
            sent = await self.bot.send_message(
                chat_ref(chat_id),
                message,
                parse_mode=ParseMode.HTML,
                message_thread_id=topic_id(thread),
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except TelegramError as exc:
            raise map_telegram_error(exc, self._token) from None
        return str(sent.message_id)

    async def send_html(self, chat_id: str, parts: list[str], *, thread: str | None = None) -> list[str]:
        """Send already-rendered HTML messages in order; on failure the error carries `sent_ids`."""
        sent: list[str] = []
        for part in parts:
            try:
                sent.append(await self.send_rendered(chat_id, part, thread=thread))
            except SendError as err:
                err.sent_ids = list(sent)  # type: ignore[attr-defined]
                raise
        return sent

    async def close(self) -> None:
        """Close a standalone sender's HTTP pool (the front end's Bot is closed by the Application)."""
        if self._own is not None and self._loop is asyncio.get_running_loop():
            with contextlib.suppress(Exception):
                await self._own.shutdown()
        self._own = self._loop = None
