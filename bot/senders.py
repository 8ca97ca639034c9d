"""How the outbox talks to a platform: one `Sender` per platform, typed errors the outbox acts on.

Platform modules implement `Sender`; `bot/delivery.py` decides what to do with each error:
- `RetryLater`  - the platform asked us to wait (Telegram 429 `retry_after`, Slack `ratelimited`).
- `Transient`   - 5xx, connection refused, connect timeouts: the message surely did not arrive; retry
                  with exponential backoff and jitter.
- `InDoubt`     - a `Transient` whose request had left when the answer failed to come (read timeout,
                  connection dropped after the request was written): the platform may have delivered
                  it. The outbox counts it and resends it (at least once; see bot/delivery.py).
- `ChatGone`    - blocked, kicked, chat not found, channel archived: deactivate the chat's subscriptions.
- `ThreadGone`  - the thread or forum topic a subscription lands in was deleted or closed: deactivate
                  that subscription only (the chat's others stay).
- any other `SendError` - a permanent failure of this one message: record it, do not retry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from bot.reply import Reply


class SendError(Exception):
    """A message could not be sent; `str(exc)` is safe to log (no tokens)."""


class RetryLater(SendError):
    def __init__(self, retry_after: float, message: str = "rate limited") -> None:
        super().__init__(f"{message} (retry after {retry_after:g}s)")
        self.retry_after = retry_after


class Transient(SendError):
    pass


class InDoubt(Transient):
    """The request left and no answer came: the message may or may not have been delivered."""


class ChatGone(SendError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ThreadGone(ChatGone):
    """The chat is there, but the thread or topic the message was sent into is not (deleted, closed)."""


class Sender(Protocol):
    platform: str

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        """Render and send `reply` to `chat_id` (several messages when it is long); return message ids.

        Raises RetryLater / Transient / ChatGone / SendError. A reply split into several messages is
        sent in order; on failure part-way the exception carries `sent_ids` (ids already sent).
        """
        ...

    def render(self, reply: Reply) -> list[Any]:
        """`reply` as the platform's messages, each JSON-serialisable (the outbox stores them so that a
        retry sends exactly the messages of the first attempt)."""
        ...

    async def send_rendered(
        self, chat_id: str, message: Any, *, thread: str | None = None, earlier: Sequence[str] = ()
    ) -> str:
        """Send one message from `render`; return its id. Raises like `send`; never sends twice.

        `thread`: where in the chat it goes (the platform's own id of a thread or topic, as its front end
        put it in ChatContext.thread; None: the main chat). `earlier`: the ids of the messages of the same
        digest sent before this one, first one first (a platform may thread the rest under the first)."""
        ...
