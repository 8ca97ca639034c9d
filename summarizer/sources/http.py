"""HTTP GET for feeds and pages: a briefbot User-Agent, redirects followed, conditional requests, a size
cap and an overall deadline (a server that trickles bytes cannot hold a poll for longer than `timeout`)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from summarizer.sources.base import MAX_BYTES, megabytes

USER_AGENT = "briefbot/0.1 (news briefing bot)"
ACCEPT_ANY = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.8, text/plain;q=0.5, */*;q=0.1"
)


class FetchError(Exception):
    """The URL gave nothing usable; the message is the reason (\"HTTP 404 Not Found\", \"timed out …\")."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    def validators(self) -> dict[str, str]:
        """ETag / Last-Modified to keep in state for the next conditional GET."""
        out = {}
        if self.headers.get("etag"):
            out["etag"] = self.headers["etag"]
        if self.headers.get("last-modified"):
            out["last_modified"] = self.headers["last-modified"]
        return out


def make_client(timeout: float) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=10,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT_ANY},
    )


def fetch(
    client: httpx.Client,
    url: str,
    *,
    timeout: float,
    state: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    """GET `url`; with `state` holding etag/last_modified the request is conditional (304 → not_modified).

    Raises FetchError for HTTP errors, timeouts, connection failures and bodies over `max_bytes`.
    """
    headers = {}
    if state and state.get("etag"):
        headers["If-None-Match"] = str(state["etag"])
    if state and state.get("last_modified"):
        headers["If-Modified-Since"] = str(state["last_modified"])
    deadline = time.monotonic() + timeout
    try:
        with client.stream("GET", url, headers=headers) as resp:
            if resp.status_code == 304:
                return Fetched(str(resp.url), 304, b"", dict(resp.headers))
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"response too large: {megabytes(int(declared))} > {megabytes(max_bytes)}")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"response too large: over {megabytes(max_bytes)}")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {timeout:g} s (body still arriving)")
                chunks.append(chunk)
            return Fetched(str(resp.url), resp.status_code, b"".join(chunks), dict(resp.headers))
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchError("too many redirects") from None
    except httpx.UnsupportedProtocol as exc:
        raise FetchError(f"unsupported URL: {exc}") from None
    except httpx.HTTPError as exc:  # connection refused, DNS failure, broken transfer
        raise FetchError(f"cannot fetch: {exc or type(exc).__name__}") from None
