"""RSS and Atom feeds read (the sources at a URL are in http_source.py): entries seen before are not
returned again, teasers are completed from the linked page (a link is content: it is fetched only where
the fetch policy allows, see fetch_policy.py; a refused link keeps its teaser).

State: {"etag", "last_modified" (when the server sent them), "seen": [entry keys, oldest first, bounded]}.
A feed that fails (HTTP error, timeout, garbage) is reported once per poll and its state is left as it was.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import feedparser
import httpx

from summarizer.article import Article, ArticleError, parse_text
from summarizer.sources.base import Skipped, SourceBatch, skip
from summarizer.sources.fetch_policy import remaining
from summarizer.sources.htmltext import extract_html, html_to_text
from summarizer.sources.http import Fetched, FetchError, RefusedURL, fetch

log = logging.getLogger("summarizer.sources")

SEEN_LIMIT = 1000  # entry keys remembered per feed (at least twice the feed's length is kept)
TEASER_WORDS = 150  # entry text shorter than this is a teaser: fetch the linked page
PAGE_FAILURES_MAX = 3  # after this many unreachable pages in one poll, use the teasers as they are
POLL_TIMEOUTS = 3  # one poll (the feed and the pages its teasers link to) ends within 3 fetch timeouts


class FeedError(ValueError):
    """The body is not an RSS or Atom feed."""


def parse_feed(body: bytes, content_type: str = "") -> feedparser.FeedParserDict:
    """Parse feed bytes (never a URL or path: feedparser would open those itself)."""
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        raise FeedError(f"not a valid RSS/Atom feed{detail}")
    return parsed


def entry_key(entry: Mapping[str, Any]) -> str:
    """The entry's id, else its link, else a hash of its title and summary."""
    for name in ("id", "link"):
        value = entry.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    raw = f"{entry.get('title', '')}\n{entry.get('summary', '')}".encode()
    return "sha256:" + hashlib.sha256(raw).hexdigest()[:32]


def entry_published(entry: Mapping[str, Any]) -> datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(name)
        if t:
            year, month, day, hour, minute, second = t[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    return None


def _detail_text(value: str, detail: Mapping[str, Any] | None) -> str:
    kind = (detail or {}).get("type", "text/html")
    return value.strip() if kind == "text/plain" else html_to_text(value)


def entry_texts(entry: Mapping[str, Any]) -> tuple[str, str]:
    """(full content as text, summary as text); either may be empty."""
    contents = [_detail_text(c.get("value", ""), c) for c in entry.get("content") or [] if c.get("value")]
    content = max(contents, key=len, default="")
    summary = _detail_text(entry.get("summary", ""), entry.get("summary_detail"))
    return content, summary


def feed_batch(
    client: httpx.Client,
    feed_url: str,
    fetched: Fetched,
    parsed: feedparser.FeedParserDict,
    state: Mapping[str, Any],
    *,
    timeout: float,
    seen_limit: int = SEEN_LIMIT,
    teaser_words: int = TEASER_WORDS,
) -> SourceBatch:
    """Articles for the entries of `parsed` not in state["seen"], and the state to keep."""
    seen_list = [str(k) for k in state.get("seen") or []]
    seen = set(seen_list)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    pages = LinkedPages(client, timeout)
    for entry in parsed.entries:
        key = entry_key(entry)
        if key in seen:
            continue
        seen.add(key)
        seen_list.append(key)
        where = entry.get("link") or f"{feed_url} entry {key}"
        try:
            articles.append(entry_article(pages, feed_url, entry, teaser_words=teaser_words))
        except ArticleError as exc:
            skipped.append(skip(where, str(exc)))
        except Exception as exc:  # one odd entry must not cost the rest of the feed
            skipped.append(skip(where, f"unreadable entry: {type(exc).__name__}: {exc}"))
    limit = max(seen_limit, 2 * len(parsed.entries))
    new_state = {k: v for k, v in state.items() if k not in ("etag", "last_modified", "seen")}
    new_state.update(fetched.validators(), kind="feed", seen=seen_list[-limit:])
    return SourceBatch(articles, skipped, new_state)


class LinkedPages:
    """Fetches the pages entries link to, for one poll; stops trying once the site looks down."""

    def __init__(self, client: httpx.Client, timeout: float) -> None:
        self.client = client
        self.timeout = timeout
        self.failures = 0

    def article(self, link: str, **meta: Any) -> Article:
        """The page at `link` (content: only a public address is fetched) as an Article."""
        if self.failures >= PAGE_FAILURES_MAX:
            raise FetchError(f"not fetched, {self.failures} linked pages already failed in this poll")
        left = remaining()
        if left is not None and left <= 0:
            raise FetchError("not fetched, the poll's deadline has passed")
        try:
            page = fetch(self.client, link, timeout=self.timeout)
        except RefusedURL:
            raise  # says nothing about whether the site is up
        except FetchError:
            self.failures += 1
            raise
        return extract_html(page.body, **meta)


def entry_article(
    pages: LinkedPages, feed_url: str, entry: Mapping[str, Any], *, teaser_words: int = TEASER_WORDS
) -> Article:
    """One entry as an Article: its full content; when that is only a teaser, the linked page; when the
    page fails, the teaser (logged)."""
    title = _detail_text(entry.get("title", ""), entry.get("title_detail")) or None
    author = (entry.get("author") or "").strip() or None
    link = (entry.get("link") or "").strip() or None
    published = entry_published(entry)
    content, summary = entry_texts(entry)
    meta: dict[str, Any] = {
        "source": feed_url,
        "title": title,
        "author": author,
        "url": link,
        "published": published,
    }
    text = content or summary
    if link and len(text.split()) < teaser_words:
        try:
            page_article = pages.article(link, **meta)
        except (FetchError, ArticleError) as exc:
            if not text:
                raise ArticleError(f"entry has no text and its page failed: {exc}") from None
            log.warning("linked page failed, using the feed's teaser: %s: %s", link, exc)
        else:
            if len(page_article.body) >= len(text):
                return page_article
    if not text:
        raise ArticleError("entry has no text")
    return parse_text(text, **meta)
