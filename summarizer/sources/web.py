"""An http(s) URL whose kind is decided by what it serves: a feed (RSS/Atom) or one page (one article).

Each poll fetches the URL (conditionally, with the ETag/Last-Modified of the last success), then looks at
the content type and the first bytes: an RSS/Atom body is handled as a feed (see feed.py), HTML as one
article through trafilatura, plain text through `parse_text`. A page is returned again only when its
article text changed. State: {"kind": "feed"|"page", "etag", "last_modified", "seen" | "article_id"}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import feedparser
import httpx

from summarizer.article import Article, ArticleError, parse_text
from summarizer.sources.base import SourceBatch
from summarizer.sources.feed import FeedError, parse_feed
from summarizer.sources.files import check_not_binary, decode_text
from summarizer.sources.htmltext import extract_html, html_to_text
from summarizer.sources.http import Fetched, FetchError, fetch, make_client
from summarizer.sources.http_source import HttpSource

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "application/feed+xml",
        "application/xml",
        "text/xml",
    }
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]")


def sniff(content_type: str, body: bytes) -> str | None:
    """ "feed", "html", "text" or None (unsupported), from the content type and the first bytes."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if _FEED_ROOT.search(head) or content_type in FEED_TYPES:
        return "feed"
    if content_type in HTML_TYPES or _HTML_ROOT.search(head):
        return "html"
    if content_type.startswith("text/") or not content_type:
        return "text"
    return None


def read_served(fetched: Fetched) -> tuple[str | None, feedparser.FeedParserDict | None]:
    """What a fetched URL serves: ("feed", the parsed feed), or ("html" / "text", None) for a page, or
    (None, None) when unsupported. XHTML served as XML is a page; a feed that does not parse and is not
    XHTML raises FeedError."""
    kind = sniff(fetched.content_type, fetched.body)
    if kind != "feed":
        return kind, None
    try:
        return kind, parse_feed(fetched.body, fetched.headers.get("content-type", ""))
    except FeedError:
        if not _HTML_ROOT.search(fetched.body[:2048].lower()):
            raise
        return "html", None


@dataclass(frozen=True)
class Probe:
    """What one fetch of a URL found: a feed (its title and entry count) or a page with an article."""

    kind: str  # "feed" or "page"
    title: str
    entries: int

    def describe(self) -> str:
        if self.kind == "feed":
            return f"RSS/Atom feed, {self.entries} {'entry' if self.entries == 1 else 'entries'}"
        return "web page with an article"


class UrlSource(HttpSource):
    """A feed or a web page at `url`; `open_source` returns this for http(s) specs."""

    def probe(self) -> Probe:
        """Fetch the URL once (nothing it links to) and say what it serves. Raises FetchError whose
        message is the reason it is not a source: the HTTP status, a refused address, a timeout, not a
        feed and no article on the page."""
        with make_client(self.timeout, self.policy) as client:
            fetched = fetch(client, self.url, timeout=self.timeout, trusted=self.trusted)
        try:
            kind, parsed = read_served(fetched)
        except FeedError as exc:
            raise FetchError(str(exc)) from None
        if parsed is not None:
            title = html_to_text(str(parsed.feed.get("title") or "")).strip()
            return Probe("feed", title or self.url, len(parsed.entries))
        if kind is None:
            raise FetchError(f"not an RSS/Atom feed or a web page: content type {fetched.content_type}")
        try:
            article = self._page_article(fetched, kind)
        except ArticleError as exc:
            raise FetchError(f"not an RSS/Atom feed, and no article on the page: {exc}") from None
        return Probe("page", article.headline, 1)

    def _batch(self, client: httpx.Client, fetched: Fetched, state: dict[str, Any]) -> SourceBatch:
        try:
            kind, parsed = read_served(fetched)
        except FeedError as exc:
            return self._skipped(exc, state)
        if parsed is not None:
            return self._feed_batch(client, fetched, parsed, state)
        if kind is None:
            return self._skipped(f"unsupported content type {fetched.content_type}", state)
        try:
            article = self._page_article(fetched, kind)
        except ArticleError as exc:
            return self._skipped(exc, state)
        new_state = {k: v for k, v in state.items() if k not in ("etag", "last_modified", "seen")}
        new_state.update(fetched.validators(), kind="page", article_id=article.id)
        if state.get("article_id") == article.id:
            return SourceBatch([], [], new_state)
        return SourceBatch([article], [], new_state)

    def _page_article(self, fetched: Fetched, kind: str) -> Article:
        if kind == "html":
            return extract_html(fetched.body, source=self.url, url=fetched.url)
        check_not_binary(fetched.body)
        charset = re.search(r"charset=([\w.:-]+)", fetched.headers.get("content-type", ""))
        text = decode_text(fetched.body, declared=charset.group(1) if charset else None)
        return parse_text(text, source=self.url, url=fetched.url)
