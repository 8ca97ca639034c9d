"""Telegram: commands through python-telegram-bot's Application (digests: `sender.TelegramSender`).

Updates arrive by long polling (getUpdates) unless `telegram_webhook_url` is set; then setWebhook registers
that URL with a secret token and Telegram POSTs updates to /telegram/webhook on the shared HTTP server,
which checks the secret before anything runs. The lifecycle is PTB's manual one (initialize, start,
updater.start_polling; the reverse to stop) because several front ends share one asyncio loop.

Each command runs the platform-neutral core in a worker thread and the reply goes out as Telegram HTML
from `render_telegram`, link previews off. In groups only chat administrators may (un)subscribe.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import re
import time
from datetime import timedelta

from aiohttp import web
from telegram import BotCommand, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import (
    BadRequest,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.commands import COMMANDS, MANAGE_COMMANDS, ChatContext, Commands
from bot.platforms.base import PacedAnswers
from bot.platforms.telegram.polling import UPDATE_BACKOFF, PollingBot, capped_backoff
from bot.platforms.telegram.sender import (
    POOL_SIZE,
    POOL_TIMEOUT,
    TelegramSender,
    chat_ref,
    file_base_url,
    guard_token,
    topic_id,
)
from bot.platforms.telegram.settings import TelegramSettings
from bot.reply import Reply
from bot.senders import ChatGone, RetryLater, SendError
from bot.settings import Settings, SettingsError

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
APOLOGY = "Sorry, something went wrong. Please try again in a moment."
PRIVATE_HINT = "Send a command, e.g. /brief or /help."
POLL_TIMEOUT = 30.0  # seconds a getUpdates long poll may wait
# Updates handled at once. The work is mostly CPU (2 cores here), so more in flight adds latency, not
# throughput: bench/commands.py, 200 queued updates: 8 at a time p99 60 ms at 236/s (busy machine);
# 4 at a time p99 41 ms at 166/s (busy machine), p99 27 ms at 293/s (quiet machine).
CONCURRENT_UPDATES = 4
ALLOWED_UPDATES = [Update.MESSAGE, Update.CHANNEL_POST]
CONNECT_BACKOFF = 1.0  # seconds before the second try to reach Telegram at start; doubles each time
CONNECT_BACKOFF_CAP = 60.0
STALL_POLLS = 3  # /healthz: stalled when getUpdates has not answered for this many poll timeouts
CHAT_TYPE_TTL = 300.0  # seconds getChat's answer about a chat's type is reused
ADMIN_STATUSES = frozenset({ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER})
_COMMAND_WORD = re.compile(r"^/([A-Za-z0-9_]+)(?:@(\S+))?")


# -- the front end -----------------------------------------------------------------------------------
class TelegramFrontEnd(PacedAnswers):
    """Long polling by default; webhook mode (POST /telegram/webhook) when telegram_webhook_url is set."""

    name = "telegram"

    def __init__(
        self,
        settings: Settings,
        commands: Commands,
        *,
        poll_timeout: float = POLL_TIMEOUT,
        connect_backoff: float = CONNECT_BACKOFF,
        update_backoff: float | None = None,
    ) -> None:
        section = TelegramSettings.of(settings)
        token = section.telegram_bot_token
        if not token:
            raise SettingsError("telegram_bot_token (TELEGRAM_BOT_TOKEN) is not set")
        self.webhook_url = section.telegram_webhook_url
        self.webhook_secret = section.telegram_webhook_secret
        if self.webhook_url and not self.webhook_secret:
            raise SettingsError(
                "telegram_webhook_secret (TELEGRAM_WEBHOOK_SECRET) is required in webhook mode"
            )
        guard_token(token)
        self.settings = settings
        self.commands = commands
        self.poll_timeout = poll_timeout
        self.connect_backoff = connect_backoff
        self.bot = PollingBot(
            token,
            base_url=section.telegram_api_base_url,
            base_file_url=file_base_url(section.telegram_api_base_url),
            request=HTTPXRequest(connection_pool_size=POOL_SIZE, pool_timeout=POOL_TIMEOUT),
            get_updates_request=HTTPXRequest(connection_pool_size=1),
            backoff=UPDATE_BACKOFF if update_backoff is None else update_backoff,
        )
        builder = ApplicationBuilder().bot(self.bot).concurrent_updates(CONCURRENT_UPDATES)
        if self.webhook_url:
            builder = builder.updater(None)
        self.application: Application = builder.build()
        self.sender = TelegramSender(self.application.bot)
        self.connect_attempts = 0  # tries to reach Telegram since start()
        self._connecting: asyncio.Task[None] | None = None
        self._started_at: float | None = None
        self._last_error: str | None = None
        self._chat_types: dict[int, tuple[float, str]] = {}  # chat id -> (when asked, type per getChat)
        messages = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST
        for name in [*(c.name for c in COMMANDS), "start"]:
            self.application.add_handler(CommandHandler(name, self._on_command, filters=messages))
        self.application.add_handler(MessageHandler(filters.COMMAND & messages, self._on_command))
        self.application.add_handler(
            MessageHandler(
                filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE,
                self._on_private_text,
            )
        )
        self.application.add_error_handler(self._on_error)

    # -- lifecycle ---------------------------------------------------------------------------------
    def http_routes(self) -> list[web.RouteDef]:
        return [web.post(WEBHOOK_PATH, self.handle_webhook)] if self.webhook_url else []

    async def start(self) -> None:
        """getMe, setMyCommands, then setWebhook or long polling. A rejected token or a refused webhook is
        an error (nothing is left running); Telegram unreachable is not: the front end keeps trying in the
        background with capped exponential backoff, and `stalled()` says so meanwhile."""
        self._started_at = time.monotonic()
        try:
            await self._connect()
        except (NetworkError, RetryAfter) as exc:
            if isinstance(exc, BadRequest):
                raise
            log.warning(
                "telegram: not reachable at start (%s); trying again in the background", self._note_error(exc)
            )
            self._connecting = asyncio.create_task(self._keep_connecting(), name="telegram-connect")

    async def _connect(self) -> None:
        """One try: on any failure the Application is shut down again and the error raised."""
        app = self.application
        self.connect_attempts += 1
        try:
            await app.initialize()
            await self._register_commands()
            if self.webhook_url:
                await app.bot.set_webhook(
                    self.webhook_url, secret_token=self.webhook_secret, allowed_updates=ALLOWED_UPDATES
                )
                await app.start()
                log.info("telegram: webhook set, receiving updates at %s", WEBHOOK_PATH)
            else:
                await app.start()
                assert app.updater is not None
                # PTB types the long poll as int seconds or a timedelta; ours may be fractional (tests)
                await app.updater.start_polling(
                    timeout=timedelta(seconds=self.poll_timeout),
                    allowed_updates=ALLOWED_UPDATES,
                    error_callback=self._on_poll_error,
                )
                log.info("telegram: long polling as @%s", app.bot.username)
            self._last_error = None
        except BaseException as exc:
            with contextlib.suppress(Exception):
                await self._shutdown()
            if isinstance(exc, InvalidToken):  # PTB's message quotes the token: never pass it on
                raise SettingsError(
                    "telegram_bot_token (TELEGRAM_BOT_TOKEN) was rejected by Telegram (401 Unauthorized)"
                ) from None
            raise

    async def _keep_connecting(self) -> None:
        """Try again after 1, 2, 4, … seconds (at most CONNECT_BACKOFF_CAP) until Telegram answers; one
        log line per try. Stops for good on an error that waiting will not cure (token, bad request)."""
        while True:
            pause = capped_backoff(self.connect_attempts, self.connect_backoff, CONNECT_BACKOFF_CAP)
            await asyncio.sleep(pause)
            try:
                await self._connect()
            except (NetworkError, RetryAfter) as exc:
                if isinstance(exc, BadRequest):
                    log.error("telegram: start refused by Telegram, not retrying: %s", self._note_error(exc))
                    return
                log.warning(
                    "telegram: still not reachable after %d tries (%s)",
                    self.connect_attempts,
                    self._note_error(exc),
                )
            except SettingsError as exc:
                self._last_error = str(exc)
                log.error("telegram: %s; not retrying", exc)
                return
            except Exception as exc:
                log.error("telegram: start failed, not retrying: %s", self._note_error(exc))
                return
            else:
                log.info("telegram: connected after %d tries", self.connect_attempts)
                return

    def _note_error(self, exc: BaseException) -> str:
        """`Type: message` without the token, remembered for `stalled()`."""
        text = f"{type(exc).__name__}: {exc}".replace(self.bot.token, "[REDACTED]")[:200]
        self._last_error = text
        return text

    def _on_poll_error(self, exc: TelegramError) -> None:
        """getUpdates failed (PTB retries with its own backoff): one short line, no traceback."""
        log.warning("telegram: polling failed: %s", self._note_error(exc))

    def stalled(self) -> str | None:
        """Why this front end is not receiving updates (None: it is, or it cannot tell). Long polling is
        stalled when getUpdates has not answered for STALL_POLLS poll timeouts (or since start)."""
        if self.webhook_url or self._started_at is None:
            return None
        since = self.bot.last_polled or self._started_at
        silent = time.monotonic() - since
        limit = STALL_POLLS * self.poll_timeout
        if silent <= limit:
            return None
        why = f"; last error: {self._last_error}" if self._last_error else ""
        return (
            f"telegram: no answer to getUpdates for {silent:.0f} s ({STALL_POLLS} × the "
            f"{self.poll_timeout:g} s poll timeout){why}"
        )

    async def _register_commands(self) -> None:
        """The command menu Telegram shows; cosmetic, so a failure is logged, not fatal."""
        try:
            await self.application.bot.set_my_commands(
                [BotCommand(c.name, c.summary[:256]) for c in COMMANDS]
            )
        except TelegramError as exc:
            log.warning("telegram: setMyCommands failed: %s", exc)

    async def stop(self) -> None:
        if self._connecting is not None:
            self._connecting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._connecting
            self._connecting = None
        await self._shutdown()
        self._started_at = None

    async def _shutdown(self) -> None:
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()

    # -- webhook -----------------------------------------------------------------------------------
    async def handle_webhook(self, request: web.Request) -> web.Response:
        """Updates from Telegram: the secret header must match (constant time) before anything runs."""
        given = request.headers.get(SECRET_HEADER, "")
        expected = self.webhook_secret or ""
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            log.warning(
                "telegram webhook: wrong or missing secret token, request refused",
                extra={"remote": request.remote},
            )
            return web.Response(status=403, text="forbidden")
        try:
            data = await request.json()
        except Exception:  # not JSON
            data = None
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int):
            log.warning("telegram webhook: malformed update refused")
            return web.Response(status=400, text="bad update")
        try:
            update = Update.de_json(data, self.application.bot)
        except Exception as exc:  # Telegram would send it again and again: acknowledge it and drop it
            log.error(
                "telegram webhook: update %d skipped: it could not be read (%s)",
                update_id,
                type(exc).__name__,
                extra={"update_id": update_id},
            )
            return web.Response(text="ok")
        await self.application.update_queue.put(update)
        return web.Response(text="ok")

    # -- handlers ----------------------------------------------------------------------------------
    async def _on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        m = _COMMAND_WORD.match(message.text)
        if m is None:
            return
        name, addressee = m.group(1).lower(), m.group(2)
        if addressee and addressee.casefold() != (self.application.bot.username or "").casefold():
            return  # "/help@otherbot" in a group is not for us
        ctx = await self._context(message, name)
        try:
            reply = await asyncio.to_thread(self.commands.handle, message.text, ctx)
        except Exception:
            log.exception("telegram: command failed", extra={"chat_id": ctx.chat_id, "command": name})
            reply = Reply.text(APOLOGY)
        await self._answer(message, reply)

    async def _on_private_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message is not None:
            await self._answer(update.effective_message, Reply.text(PRIVATE_HINT))

    async def _context(self, message: Message, command: str) -> ChatContext:
        chat = message.chat
        user = message.from_user
        chat_type = await self._chat_type(message) if command in MANAGE_COMMANDS else chat.type
        can_manage = True
        if command in MANAGE_COMMANDS:
            if chat_type == ChatType.PRIVATE:  # a private chat's id is its user's id
                can_manage = user is not None and user.id == chat.id
            elif chat_type != ChatType.CHANNEL:  # posting in a channel already takes admin rights
                can_manage = await self._is_admin(message)
        return ChatContext(
            platform="telegram",
            chat_id=str(chat.id),
            user_id=str(user.id) if user else None,
            chat_type=chat_type,
            can_manage=can_manage,
            thread=forum_topic(message),
            thread_kind="topic",
        )

    async def _chat_type(self, message: Message) -> str:
        """The chat's type as Telegram's data for its id says, not as the update claims: users have
        positive ids and every group, supergroup and channel a negative one; whether a negative id is a
        channel is asked with getChat (cached). When getChat fails the chat counts as a group, so its
        administrators are checked."""
        chat = message.chat
        if chat.id > 0:
            return ChatType.PRIVATE
        if chat.type not in (ChatType.CHANNEL, ChatType.PRIVATE):
            return chat.type  # a group or supergroup claim: the administrator check follows anyway
        cached = self._chat_types.get(chat.id)
        if cached is not None and time.monotonic() - cached[0] < CHAT_TYPE_TTL:
            return cached[1]
        try:
            known = (await self.application.bot.get_chat(chat.id)).type
        except TelegramError as exc:
            log.warning(
                "telegram: getChat failed, treating the chat as a group: %s",
                type(exc).__name__,
                extra={"chat_id": str(chat.id)},
            )
            return ChatType.GROUP
        known = ChatType.GROUP if known == ChatType.PRIVATE else known  # never for a negative id
        if len(self._chat_types) >= 10_000:  # keep the cache small: start again
            self._chat_types.clear()
        self._chat_types[chat.id] = (time.monotonic(), known)
        return known

    async def _is_admin(self, message: Message) -> bool:
        """Administrators and the owner may manage; an anonymous admin posts as the group itself.
        Channel posts never get here: posting in a channel already takes admin rights."""
        chat = message.chat
        if message.sender_chat is not None and message.sender_chat.id == chat.id:
            return True
        if message.from_user is None:
            return False
        try:
            member = await chat.get_member(message.from_user.id)
        except TelegramError as exc:
            log.warning(
                "telegram: getChatMember failed, treating sender as non-admin: %s",
                type(exc).__name__,
                extra={"chat_id": str(chat.id)},
            )
            return False
        return member.status in ADMIN_STATUSES

    async def _answer(self, message: Message, reply: Reply) -> None:
        """Each message of the answer in a paced, urgent slot (before queued digest messages)."""
        chat_id = str(message.chat.id)
        thread = forum_topic(message)
        try:
            for part in self.sender.render(reply):
                await self.answer_slot(chat_id)
                await self.sender.send_rendered(chat_id, part, thread=thread)
        except RetryLater as exc:
            self.told_to_wait(chat_id, exc.retry_after)
            log.warning("telegram: reply not delivered: %s", exc, extra={"chat_id": chat_id})
        except ChatGone as exc:
            log.warning("telegram: reply not delivered: %s", exc, extra={"chat_id": chat_id})
        except SendError as exc:
            log.error("telegram: reply not delivered: %s", exc, extra={"chat_id": chat_id})
            await self._apologise(chat_id, thread)

    async def _apologise(self, chat_id: str, thread: str | None = None) -> None:
        try:
            await self.answer_slot(chat_id)
            await self.application.bot.send_message(
                chat_ref(chat_id), APOLOGY, message_thread_id=topic_id(thread)
            )
        except TelegramError as exc:  # best effort; the first failure is already logged
            log.warning("telegram: apology not delivered: %s", type(exc).__name__, extra={"chat_id": chat_id})

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """PTB's error handler: whatever a handler did not catch itself. Logged; the user hears back."""
        chat_id = thread = None
        if isinstance(update, Update) and update.effective_chat is not None:
            chat_id = str(update.effective_chat.id)
            if update.effective_message is not None:
                thread = forum_topic(update.effective_message)
        log.error(
            "telegram: update failed: %s",
            type(context.error).__name__,
            exc_info=context.error,
            extra={"chat_id": chat_id},
        )
        if chat_id is not None:
            await self._apologise(chat_id, thread)


def forum_topic(message: Message) -> str | None:
    """The forum topic a message was sent in (its message_thread_id, as the core's opaque `thread`), or
    None for the main chat: the General topic, and replies in a group that is not a forum, carry no
    topic to answer in."""
    if message.is_topic_message and message.message_thread_id is not None:
        return str(message.message_thread_id)
    return None


__all__ = [
    "APOLOGY",
    "SECRET_HEADER",
    "WEBHOOK_PATH",
    "TelegramFrontEnd",
]
