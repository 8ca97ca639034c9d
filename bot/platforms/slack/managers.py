"""Who may change a Slack channel's subscription: a workspace admin or owner, or the channel's creator.

Slack's own data decides, never the request: `users.info` (is_admin, is_owner, is_primary_owner) and
`conversations.info` (creator, is_im). A direct message with the bot is the user's own chat and always
allowed. When Slack cannot be asked (an API error, a timeout, a missing scope) the answer is "could not
verify", which refuses: never allow on error. Answers are cached for `ttl` seconds (Slack rate-limits
both methods at tier 3-4); errors are not cached.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections.abc import Callable
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)

CACHE_TTL = 300.0  # seconds an answer from Slack is reused
CACHE_LIMIT = 10_000  # entries per cache before expired ones are dropped
CHECK_TIMEOUT = 5.0  # seconds for one users.info / conversations.info call
MANAGERS = "workspace admins and owners or the channel's creator"


class Verdict(enum.Enum):
    ALLOWED = "allowed"
    REFUSED = "refused"
    UNVERIFIED = "unverified"  # Slack could not be asked: refused, with a "could not verify" message


class _Unverifiable(Exception):
    """Slack did not give an answer; the message names the method and the reason, never a token."""


def is_direct_message(channel_id: str, channel_type: str | None = None) -> bool:
    """Slack's DM ids start with "D"; events also say channel_type "im"."""
    return channel_type == "im" or channel_id.startswith("D")


class SlackManagers:
    def __init__(
        self,
        client: AsyncWebClient,
        *,
        ttl: float = CACHE_TTL,
        timeout: float = CHECK_TIMEOUT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.ttl = ttl
        self.timeout = timeout
        self.clock = clock
        self._users: dict[str, tuple[float, bool]] = {}  # user id -> (when asked, is admin or owner)
        self._channels: dict[str, tuple[float, str | None, bool]] = {}  # id -> (when, creator, is_im)

    async def verdict(
        self, channel_id: str, user_id: str | None, *, channel_type: str | None = None
    ) -> Verdict:
        if is_direct_message(channel_id, channel_type):
            return Verdict.ALLOWED
        if not user_id or not channel_id:
            return Verdict.REFUSED
        try:
            if await self._is_admin(user_id):
                return Verdict.ALLOWED
            creator, is_im = await self._channel(channel_id)
        except _Unverifiable as exc:
            log.warning(
                "slack: could not verify who may manage the channel: %s",
                exc,
                extra={"channel_id": channel_id, "user_id": user_id},
            )
            return Verdict.UNVERIFIED
        return Verdict.ALLOWED if is_im or creator == user_id else Verdict.REFUSED

    async def _is_admin(self, user_id: str) -> bool:
        cached = self._users.get(user_id)
        if cached is not None and self.clock() - cached[0] < self.ttl:
            return cached[1]
        user = (await self._call("users.info", self.client.users_info, user=user_id)).get("user") or {}
        admin = any(bool(user.get(k)) for k in ("is_admin", "is_owner", "is_primary_owner"))
        _forget_expired(self._users, self.clock() - self.ttl)
        self._users[user_id] = (self.clock(), admin)
        return admin

    async def _channel(self, channel_id: str) -> tuple[str | None, bool]:
        cached = self._channels.get(channel_id)
        if cached is not None and self.clock() - cached[0] < self.ttl:
            return cached[1], cached[2]
        info = await self._call("conversations.info", self.client.conversations_info, channel=channel_id)
        channel = info.get("channel") or {}
        creator = channel.get("creator")
        answer = (str(creator) if creator else None, bool(channel.get("is_im")))
        _forget_expired(self._channels, self.clock() - self.ttl)
        self._channels[channel_id] = (self.clock(), *answer)
        return answer

    async def _call(self, method: str, call: Callable[..., Any], **kwargs: str) -> dict[str, Any]:
        try:
            async with asyncio.timeout(self.timeout):
                response = await call(**kwargs)
        except SlackApiError as exc:
            data = getattr(exc.response, "data", None)
            code = data.get("error") if isinstance(data, dict) else None
            status = getattr(exc.response, "status_code", None)
            raise _Unverifiable(f"{method} failed: {code or f'HTTP {status}'}") from None
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise _Unverifiable(f"{method} failed: {type(exc).__name__}") from None
        data = getattr(response, "data", response)
        if not isinstance(data, dict):
            raise _Unverifiable(f"{method} gave no object")
        return data


def _forget_expired(cache: dict[str, Any], asked_before: float) -> None:
    """Keep a cache small: past CACHE_LIMIT entries, drop those asked before `asked_before`."""
    if len(cache) >= CACHE_LIMIT:
        for key in [k for k, v in cache.items() if v[0] < asked_before]:
            del cache[key]


__all__ = ["MANAGERS", "SlackManagers", "Verdict", "is_direct_message"]
