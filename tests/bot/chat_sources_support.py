"""Helpers for the tests of a chat's own sources: RSS feeds of real news served by the local HTTP server,
and the fetch policy that lets a chat-added URL reach that server (the production policy refuses
127.0.0.1: it is passed to Commands and ChatSources explicitly, never through a setting)."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from summarizer.article import Article
from summarizer.sources import FetchPolicy

LOCAL_SITE = FetchPolicy.allowing("127.0.0.1/32")  # tests only: the local HTTP server is on loopback


def rss(title: str, articles: Sequence[Article]) -> str:
    """An RSS 2.0 feed whose entries carry the articles' whole text (no linked page is fetched)."""
    items = "".join(
        f"<item><title>{escape(a.headline)}</title><guid isPermaLink='false'>{a.id}</guid>"
        f"<description>{escape(a.body)}</description></item>"
        for a in articles
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(title)}</title>"
        f"<link>https://example.org/</link><description>test feed</description>{items}</channel></rss>"
    )
