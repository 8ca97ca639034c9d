"""HTTP GET for feeds and pages: a briefbot User-Agent, redirects followed hop by hop, conditional
requests, a size cap, and the outbound fetch policy of fetch_policy.py: content may only reach public
addresses, and one deadline covers connect, headers and body (a server that trickles bytes cannot hold a
fetch for longer than `timeout`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from summarizer.sources.base import MAX_BYTES, megabytes
from summarizer.sources.fetch_policy import TRUSTED, BlockedAddress, FetchPolicy, PolicyTransport, deadline

USER_AGENT = "briefbot/0.1 (news briefing bot)"
ACCEPT_ANY = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.8, text/plain;q=0.5, */*;q=0.1"
)
MAX_REDIRECTS = 10


class FetchError(Exception):
    """The URL gave nothing usable; the message is the reason (\"HTTP 404 Not Found\", \"timed out …\")."""


class RefusedURL(FetchError):
    """The fetch policy refused the URL (an internal address): nothing was sent."""


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


def make_client(timeout: float, policy: FetchPolicy | None = None) -> httpx.Client:
    """A client whose every connection goes through the fetch policy (see fetch_policy.py); redirects are
    followed by `fetch` itself, hop by hop, so each hop is checked on its own."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT_ANY},
        transport=PolicyTransport(policy),
    )


def _site(url: httpx.URL) -> tuple[str, int | None]:
    """Host and explicit port: http://x/ and https://x/ are the same site (a scheme upgrade), x:8080 not."""
    return url.host, url.port


def fetch(
    client: httpx.Client,
    url: str,
    *,
    timeout: float,
    state: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_BYTES,
    trusted: bool = False,
) -> Fetched:
    """GET `url`; with `state` holding etag/last_modified the request is conditional (304 → not_modified).

    `timeout` bounds the whole fetch: DNS, connect, every redirect, headers and body together. `trusted`
    is for a URL the operator configured: it and its redirects on the same site may reach any address; every
    other URL (and a trusted URL's redirect elsewhere) must lead to a public address.

    Raises FetchError for HTTP errors, timeouts, refused addresses, connection failures and bodies over
    `max_bytes`.
    """
    headers = {}
    if state and state.get("etag"):
        headers["If-None-Match"] = str(state["etag"])
    if state and state.get("last_modified"):
        headers["If-Modified-Since"] = str(state["last_modified"])
    try:
        with deadline(timeout):
            return _fetch_hops(client, httpx.URL(url), headers, max_bytes=max_bytes, trusted=trusted)
    except BlockedAddress as exc:
        raise RefusedURL(f"refused: {exc}") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    except httpx.UnsupportedProtocol as exc:
        raise FetchError(f"unsupported URL: {exc}") from None
    except httpx.HTTPError as exc:  # connection refused, DNS failure, broken transfer
        raise FetchError(f"cannot fetch: {exc or type(exc).__name__}") from None


def _fetch_hops(
    client: httpx.Client, url: httpx.URL, headers: dict[str, str], *, max_bytes: int, trusted: bool
) -> Fetched:
    trusted_site = _site(url) if trusted else None
    for _hop in range(MAX_REDIRECTS + 1):
        if url.scheme not in ("http", "https"):
            raise FetchError(f"unsupported URL scheme {url.scheme!r}")
        request = client.build_request(
            "GET", url, headers=headers, extensions={TRUSTED: _site(url) == trusted_site}
        )
        resp = client.send(request, stream=True)
        try:
            if resp.next_request is not None:
                url = resp.next_request.url
                continue
            return _read(resp, max_bytes)
        finally:
            resp.close()
    raise FetchError("too many redirects")


def _read(resp: httpx.Response, max_bytes: int) -> Fetched:
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
        chunks.append(chunk)
    return Fetched(str(resp.url), resp.status_code, b"".join(chunks), dict(resp.headers))


def normalise_url(url: str) -> str:
    """One spelling of an http(s) URL, so that one feed is one source however it was typed: scheme and
    host in lower case, no default port, no fragment, "/" for an empty path (the query is kept as
    given). Raises ValueError, with the reason, for anything but an absolute http(s) URL."""
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL as exc:
        raise ValueError(f"not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError("not an http(s) URL: give one like https://example.com/feed.xml")
    return str(parsed.copy_with(fragment=None, path=parsed.path or "/"))
