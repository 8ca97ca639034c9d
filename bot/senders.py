"""How the outbox talks to a platform: one `Sender` per platform, typed errors the outbox acts on.

Platform modules implement `Sender`; `bot/delivery.py` decides what to do with each error:
- `RetryLater`  - the platform asked us to wait (Telegram 429 `retry_after`, Slack `ratelimited`).
- `Transient`   - 5xx, timeouts, network errors: retry with exponential backoff and jitter.
- `ChatGone`    - blocked, kicked, chat not found, channel archived: deactivate the subscription.
- any other `SendError` - a permanent failure of this one message: record it, do not retry.
"""

from __future__ import annotations

from typing import Protocol

from bot.reply import Reply


class SendError(Exception):
    """A message could not be sent; `str(exc)` is safe to log (no tokens)."""


class RetryLater(SendError):
    def __init__(self, retry_after: float, message: str = "rate limited") -> None:
        super().__init__(f"{message} (retry after {retry_after:g}s)")
        self.retry_after = retry_after


class Transient(SendError):
    pass


class ChatGone(SendError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Sender(Protocol):
    platform: str

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        """Render and send `reply` to `chat_id` (several messages when it is long); return message ids.

        Raises RetryLater / Transient / ChatGone / SendError. A reply split into several messages is
        sent in order; on failure part-way the exception carries `sent_ids` (ids already sent).
        """
        ...
