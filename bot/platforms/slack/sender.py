"""Slack's digest sender: chat.postMessage of rendered Block Kit, each error typed for the outbox
(bot/senders.py). A digest of several messages is one message in the channel, the front page, and the
rest in its thread (`thread_ts` of the first, which the outbox records with the delivery, so a retry
after a restart still finds the thread)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.platforms.slack.render import render_slack
from bot.platforms.slack.settings import SlackSettings
from bot.reply import Reply
from bot.senders import ChatGone, InDoubt, RetryLater, SendError, Transient
from bot.settings import Settings

SEND_TIMEOUT = 15.0  # seconds for one chat.postMessage from the sender
CONNECT_TIMEOUT = 5.0  # of those, for the connection: a connect timeout means "not sent", not "in doubt"
# chat.postMessage errors meaning "this chat is no longer reachable": the outbox drops the subscription.
GONE_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "account_inactive",
        "invalid_auth",
        "token_revoked",
        "team_access_not_granted",
        "user_not_found",
        "cannot_dm_bot",
        "team_not_found",
    }
)
# Slack's own "try again" answers (HTTP 200 with ok=false).
TRANSIENT_ERRORS = frozenset({"internal_error", "fatal_error", "service_unavailable", "request_timeout"})


def error_code(exc: SlackApiError) -> tuple[str | None, int | None, Mapping[str, str]]:
    """(Slack error code, HTTP status, headers) of a failed call; the response may be a raw aiohttp one."""
    resp = exc.response
    status = getattr(resp, "status_code", None) or getattr(resp, "status", None)
    headers = getattr(resp, "headers", None) or {}
    data = getattr(resp, "data", None)
    code = data.get("error") if isinstance(data, dict) else None
    return code, status, headers


def _retry_after(headers: Mapping[str, str]) -> float:
    try:
        return max(1.0, float(headers.get("Retry-After", "1")))
    except (TypeError, ValueError):
        return 1.0


def map_slack_error(exc: SlackApiError) -> SendError:
    """A SlackApiError as the outbox's typed error (no token in the message)."""
    code, status, headers = error_code(exc)
    if status == 429 or code == "ratelimited":
        return RetryLater(_retry_after(headers), "slack ratelimited")
    if code in GONE_ERRORS:
        return ChatGone(code or "gone")
    if (status is not None and status >= 500) or code in TRANSIENT_ERRORS:
        return Transient(f"slack {code or 'HTTP ' + str(status)}")
    return SendError(f"slack chat.postMessage failed: {code or 'HTTP ' + str(status)}")


class SlackSender:
    """chat.postMessage for each part of a rendered reply; no retries here (the outbox retries)."""

    platform = "slack"

    def __init__(
        self, token: str | None, base_url: str = "https://slack.com/api/", *, timeout: float = SEND_TIMEOUT
    ) -> None:
        self._token = token
        self.base_url = base_url
        self.timeout = timeout
        self._client: AsyncWebClient | None = None
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @classmethod
    def from_settings(cls, settings: Settings, *, timeout: float = SEND_TIMEOUT) -> SlackSender:
        section = SlackSettings.of(settings)
        return cls(section.slack_bot_token, section.slack_api_base_url, timeout=timeout)

    def _web_client(self) -> AsyncWebClient:
        """One client and connection pool per event loop (the sender may outlive a loop in tests)."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop or self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(
                    total=self.timeout, sock_connect=min(CONNECT_TIMEOUT, self.timeout)
                )
            )
            self._client = AsyncWebClient(
                token=self._token,
                base_url=self.base_url,
                session=self._session,
                timeout=int(max(1, self.timeout)),
                retry_handlers=[],
            )
            self._loop = loop
        return self._client

    async def send(self, chat_id: str, reply: Reply, *, thread: str | None = None) -> list[str]:
        sent: list[str] = []
        for part in render_slack(reply):
            try:
                sent.append(await self.send_rendered(chat_id, part, thread=thread, earlier=sent))
            except SendError as exc:
                raise _with_sent(exc, sent) from None
        return sent

    def render(self, reply: Reply) -> list[dict[str, Any]]:
        return render_slack(reply)

    async def send_rendered(
        self,
        chat_id: str,
        message: dict[str, Any],
        *,
        thread: str | None = None,
        earlier: Sequence[str] = (),
    ) -> str:
        """One chat.postMessage: into the thread `thread` (a thread's ts) when given, else, after the
        first message of a digest (`earlier`), into that message's thread. A failure to connect is
        `Transient`, a failure after the request was written (no answer in time, connection dropped)
        is `InDoubt`."""
        client = self._web_client()
        thread_ts = thread or next((ts for ts in earlier[:1] if ts), None)
        try:
            resp = await client.chat_postMessage(
                channel=chat_id,
                text=message.get("text", ""),
                blocks=message.get("blocks"),
                thread_ts=thread_ts,
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            raise map_slack_error(exc) from None
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
            raise Transient(f"slack connection failed: {type(exc).__name__}") from None
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise InDoubt(f"slack: no answer after sending: {type(exc).__name__}") from None
        return str(resp.get("ts", ""))

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = self._client = None


def _with_sent(exc: SendError, sent: list[str]) -> SendError:
    exc.sent_ids = list(sent)  # type: ignore[attr-defined]
    return exc
