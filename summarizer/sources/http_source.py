"""Sources at an http(s) URL: `HttpSource` (conditional GET, a failed fetch skipped, the subclass reads
what came back) and `FeedSource`, an RSS or Atom feed (read by feed.py). web.py's `UrlSource` decides by
what the URL serves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from summarizer.sources.base import SourceBatch, skip
from summarizer.sources.feed import POLL_TIMEOUTS, SEEN_LIMIT, TEASER_WORDS, FeedError, feed_batch, parse_feed
from summarizer.sources.fetch_policy import FetchPolicy, deadline
from summarizer.sources.http import Fetched, FetchError, fetch, make_client


class HttpSource:
    """A source at an http(s) URL; `key` (its identity) is the URL. `poll` fetches it with the stored
    validators (ETag/Last-Modified); a failed fetch is skipped, an unchanged one gives nothing, and the
    subclass's `_batch` reads what came back.

    The URL itself is the operator's and is fetched as given; links found in it are held to `policy`
    (public addresses only, unless it allows more). `trusted=False` is for a URL a chat added: then the
    URL itself is held to `policy` as well. The whole poll ends within `poll_timeout` (default:
    POLL_TIMEOUTS fetch timeouts); entries whose pages it leaves unfetched keep their teasers."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 10.0,
        seen_limit: int = SEEN_LIMIT,
        teaser_words: int = TEASER_WORDS,
        poll_timeout: float | None = None,
        policy: FetchPolicy | None = None,
        trusted: bool = True,
    ) -> None:
        self.url = url
        self.trusted = trusted
        self.poll_timeout = poll_timeout if poll_timeout is not None else POLL_TIMEOUTS * timeout
        self.policy = policy or FetchPolicy()
        self.key = url
        self.timeout = timeout
        self.seen_limit = seen_limit
        self.teaser_words = teaser_words

    def poll(self, state: Mapping[str, Any] | None = None) -> SourceBatch:
        state = dict(state or {})
        with make_client(self.timeout, self.policy) as client, deadline(self.poll_timeout):
            try:
                fetched = fetch(client, self.url, timeout=self.timeout, state=state, trusted=self.trusted)
            except FetchError as exc:
                return self._skipped(exc, state)
            if fetched.not_modified:
                return SourceBatch([], [], state)
            return self._batch(client, fetched, state)

    def _batch(self, client: httpx.Client, fetched: Fetched, state: dict[str, Any]) -> SourceBatch:
        raise NotImplementedError

    def _skipped(self, reason: Exception | str, state: dict[str, Any]) -> SourceBatch:
        return SourceBatch([], [skip(self.url, str(reason))], state)

    def _feed_batch(
        self, client: httpx.Client, fetched: Fetched, parsed: Any, state: dict[str, Any]
    ) -> SourceBatch:
        return feed_batch(
            client,
            self.url,
            fetched,
            parsed,
            state,
            timeout=self.timeout,
            seen_limit=self.seen_limit,
            teaser_words=self.teaser_words,
        )


class FeedSource(HttpSource):
    """An RSS or Atom feed at `url`."""

    def _batch(self, client: httpx.Client, fetched: Fetched, state: dict[str, Any]) -> SourceBatch:
        try:
            parsed = parse_feed(fetched.body, fetched.headers.get("content-type", ""))
        except FeedError as exc:
            return self._skipped(exc, state)
        return self._feed_batch(client, fetched, parsed, state)
