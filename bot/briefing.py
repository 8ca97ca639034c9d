"""From stored articles to digests and to neutral Replies.

One place for what a reader is told: `news_window` is the set of stories every digest, /brief and
/topics answer reads (the CLI and every platform alike), and `make_digest` keeps a digest within
its budget as every platform renders it, so one digest, with the same counts, goes everywhere.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import PurePath
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from bot.platforms.registry import PLATFORMS
from bot.render.common import visible_chars
from bot.render.text import render_text
from bot.reply import Bullets, Heading, Paragraph, Reply, Span
from bot.store.chatsources import Feeds, every_chat_feeds
from bot.store.db import Database
from bot.store.fulltext import WordMatcher, word_matcher
from bot.store.models import StoredArticle
from bot.store.repo import articles_stamp, recent_keys
from bot.store.rowcache import RowCache, RowKey, analysis_of, forget_derived, row_cache
from summarizer.digest import Digest, DigestItem, build_digest
from summarizer.language import language_name
from summarizer.topic_index import topic_index

DIGEST_TITLE = "Your briefing"
WINDOW = timedelta(hours=24)  # a digest covers the stories ingested in the last day …
WINDOW_LIMIT = 1000  # … at most this many (a day of many feeds), newest ingested first
TOPICS_SHOWN = 3  # topics named under a story in a digest (its section names one more)
PAGES_KEPT = 64  # digests kept for reuse (make_digest): the front page, the listed topics' pages, searches
TOPICS_LISTED = 20  # topics /topics lists; their /brief pages are prepared after an ingest
THREAD_STORIES = 30  # stories beyond the front page a threading platform lists in its thread
_PAGES: OrderedDict[tuple, Digest] = OrderedDict()
_PAGES_LOCK = threading.Lock()
_ITEMS: weakref.WeakKeyDictionary[StoredArticle, DigestItem] = weakref.WeakKeyDictionary()
T = TypeVar("T")


@dataclass
class NewsWindow:
    """The stories a reader's answers are drawn from: ingested since `since` (None: the latest stories,
    whatever their age, when nothing is that recent), and the topics they cover with their counts.

    What is derived from the whole window (the topic index, its labels by name and by stem) is made once
    per set of stories (and database) and kept in the row cache: the same window gives the same index."""

    rows: list[StoredArticle]
    since: datetime | None
    keys: tuple[RowKey, ...] | None = None  # the rows' (id, analysis_version), when the query gave them
    _cache: RowCache | None = field(default=None, repr=False)
    _made: dict[str, Any] = field(default_factory=dict, repr=False)

    def _derived(self, name: str, make: Callable[[], T]) -> T:
        if name not in self._made:
            if self.keys is None:
                self.keys = tuple((r.id, r.analysis_version) for r in self.rows)
            key = (name, self.keys)
            kept = self._cache.derived(key) if self._cache is not None else None
            if kept is None:
                kept = make()
                if self._cache is not None:
                    self._cache.keep(key, kept)
            self._made[name] = kept
        return self._made[name]

    @property
    def topics(self) -> list[tuple[str, list[str]]]:
        """Topic label -> ids of the stories under it, largest first: the only source of topic counts."""
        return self._derived("topics", lambda: topic_index((r.id, analysis_of(r).topics) for r in self.rows))

    def topic(self, label: str) -> tuple[str, list[StoredArticle]] | None:
        """The topic named `label` (case-insensitive) and its stories, or None."""
        named = self._by_name().get(label.strip().casefold())
        if not named:
            return None
        name, ids = self.topics[named[0]]
        return name, self.rows_of(ids)

    def rows_of(self, ids: Sequence[str]) -> list[StoredArticle]:
        """The window's rows of these story ids, in that order."""
        by_id = self._derived("by id", lambda: {r.id: r for r in self.rows})
        return [by_id[i] for i in ids if i in by_id]

    def matching_topics(self, query: str, words: WordMatcher) -> list[tuple[str, list[str]]]:
        """The topics named `query` (case-insensitive) first, then those whose label holds every
        searchable word of it as `words` stems them ("trade" finds "trade deficit" and "trading"), each
        group in /topics order. The labels' stems are indexed once per window (`prepare_front_page`)."""
        index = self.topics
        named = self._by_name().get(query.strip().casefold(), [])
        stems = words.query_stems(query)
        found: set[int] = set()
        if stems:
            postings = self.label_stems(words)
            found = set.intersection(*(postings.get(s, set()) for s in stems))
        others = sorted(found.difference(named))
        return [index[i] for i in [*named, *others]]

    def label_stems(self, words: WordMatcher) -> dict[str, set[int]]:
        """Stem -> positions of the topic labels holding it, as `words` stems them."""

        def make() -> dict[str, set[int]]:
            postings: dict[str, set[int]] = {}
            for i, (name, _ids) in enumerate(self.topics):
                for stem in words.stems(name):
                    postings.setdefault(stem, set()).add(i)
            return postings

        return self._derived(f"label stems {words.dialect}", make)

    def _by_name(self) -> dict[str, list[int]]:
        """Casefolded label -> positions in the topic index."""

        def make() -> dict[str, list[int]]:
            out: dict[str, list[int]] = {}
            for i, (name, _ids) in enumerate(self.topics):
                out.setdefault(name.casefold(), []).append(i)
            return out

        return self._derived("by name", make)


def news_window(
    session: Session,
    now: datetime,
    *,
    since: datetime | None = None,
    limit: int = WINDOW_LIMIT,
    feeds: Feeds = (),
) -> NewsWindow:
    """Stories ingested after `since` (default: the last WINDOW); when there are none and no `since`
    was asked for, the latest stories whatever their age. The operator's stories, plus those of the chat
    feeds `feeds` (a chat's own sources)."""
    start: datetime | None = since or now - WINDOW
    cache = row_cache(session)
    keys = recent_keys(session, since=start, limit=limit, feeds=feeds)
    if not keys and since is None:
        start, keys = None, recent_keys(session, limit=limit, feeds=feeds)
    rows, keys_of_rows = cache.load(session, keys)
    return NewsWindow(rows, start, keys_of_rows, _cache=cache)


def current_window(session: Session, now: datetime, stamp: Hashable, feeds: Feeds = ()) -> NewsWindow:
    """news_window(session, now, feeds=feeds), made once for the store at change stamp `stamp`
    (repo.articles_stamp, read before this) in the minute of `now`, then shared: by the page prepared
    after an ingest and by every answer given in that minute (to every chat with the same own feeds).
    So a window's start is up to a minute old, as the answers kept for reuse (bot/commands.py) are."""
    cache = row_cache(session)
    key = ("window", stamp, int(now.timestamp() // 60), feeds)
    window = cache.derived(key)
    if window is None:
        window = news_window(session, now, feeds=feeds)
        cache.keep(key, window)
    return window


def digest_item(row: StoredArticle) -> DigestItem:
    """The story as a digest needs it; made once per row object (the row cache shares rows)."""
    item = _ITEMS.get(row)
    if item is None:
        item = _ITEMS[row] = _digest_item(row)
    return item


def _digest_item(row: StoredArticle) -> DigestItem:
    analysis = analysis_of(row)
    return DigestItem(
        id=row.id,
        headline=row.headline,
        summary=analysis.summary,
        source=source_label(row),
        url=row.url,
        when=row.published or row.ingested_at,  # publication time; the ingest time when unknown
        topics=analysis.topics,
        body=row.body,
        language=analysis.language,
    )


def source_label(row: StoredArticle) -> str:
    """Where a story came from as a reader knows it: the site for URLs ("reuters.com"), the folder and
    file for files ("reuters/7643.txt")."""
    if row.url:
        host = row.url.split("://", 1)[-1].split("/", 1)[0].split("@")[-1].split(":")[0]
        return host.removeprefix("www.") or row.url
    parts = PurePath(row.source.replace("\\", "/")).parts
    return "/".join(p for p in parts[-2:] if p not in ("/", "")) or row.source


def make_digest(
    rows: Sequence[StoredArticle],
    *,
    max_items: int,
    max_chars: int,
    since: datetime | None = None,
    title: str = DIGEST_TITLE,
    diverse: bool = True,
    keys: Sequence[RowKey] | None = None,
) -> Digest:
    """The digest of `rows` that `digest_reply(…, title=title)` renders within `max_chars` on every
    platform, and as one message on Telegram and Slack. `diverse=False` for a briefing on one topic.

    The same stories (same analyses) make the same page, so it is built once and reused with the new
    `since` (a fixed-width date) until a story arrives, leaves the window or is re-analysed. `keys`:
    the rows' (id, analysis_version) when the caller has them (a window's), else read from the rows."""
    stories = tuple(keys) if keys is not None else tuple((r.id, r.analysis_version) for r in rows)
    key = (stories, max_items, max_chars, title, diverse, since is None)
    with _PAGES_LOCK:
        page = _PAGES.get(key)
    if page is None:
        page = build_digest(
            (digest_item(r) for r in rows),
            max_items=max_items,
            max_chars=max_chars,
            since=since,
            fits=rendered_fit(max_chars, title),
            diverse=diverse,
        )
        with _PAGES_LOCK:
            _PAGES[key] = page
            while len(_PAGES) > PAGES_KEPT:
                _PAGES.popitem(last=False)
    return replace(page, since=since)


def forget_pages() -> None:
    """Drop the digests, windows and topic indexes kept for reuse (benchmarks time a cold build)."""
    with _PAGES_LOCK:
        _PAGES.clear()
    forget_derived()


def prepare_front_page(db: Database, *, max_items: int, max_chars: int, now: datetime) -> None:
    """Build the current digest, the window's topic index and the pages of the topics /topics lists
    once after an ingest (in the ingest's thread), so the first /brief, /topics or /brief LABEL that
    follows reads them made instead of making them while the chat waits."""
    with db.reading() as session:
        stamp = articles_stamp(session)  # the stamp first, then the rows
        window = current_window(session, now, stamp)
        every_chat_feeds(session, stamp)  # which chats have sources of their own: read once, not per command
    make_digest(window.rows, max_items=max_items, max_chars=max_chars, since=window.since, keys=window.keys)
    window.label_stems(word_matcher(db.engine.dialect.name))  # what /topics LABEL looks labels up by
    # the pages /brief LABEL answers for the topics /topics lists; a topic the ingest left unchanged
    # has its page kept already (make_digest builds only what is new)
    for label, _ids in window.topics[:TOPICS_LISTED]:
        topic = window.topic(label)
        if topic is not None:
            make_digest(
                topic[1],
                max_items=max_items,
                max_chars=max_chars,
                since=window.since,
                title=topic_title(topic[0]),
                diverse=False,
            )


def topic_title(label: str) -> str:
    """The title of a briefing on one topic or query (/brief LABEL, /brief WORDS)."""
    return f"Briefing: {label[:60]}"


def rendered_fit(max_chars: int, title: str = DIGEST_TITLE) -> Callable[[Digest], bool]:
    """Whether a digest, rendered as text and for every registered platform, stays within `max_chars`
    everywhere and is one message on each chat platform."""
    platform_fits = [(p.fits, p.threads_long_digests) for p in PLATFORMS.values() if p.fits is not None]

    def fits(digest: Digest) -> bool:
        reply = digest_reply(digest, title=title)
        if visible_chars(reply) > max_chars:
            return False  # every rendering is at least this long: no need to render
        # the page as each platform shows it (a threading one says where the rest is)
        threaded = reply
        if digest.omitted and not digest.empty:  # the same page, its count line as a thread's says it
            threaded = Reply((reply.blocks[0], count_line(digest, True), *reply.blocks[2:]), reply.fallback)
        # the platforms first: each can refuse before rendering (Telegram: past its message limit)
        return (
            all(fit(threaded if in_thread else reply, max_chars) for fit, in_thread in platform_fits)
            and len(render_text(reply)) <= max_chars
        )

    return fits


def fmt_when(when: datetime) -> str:
    return when.strftime("%d %b %Y %H:%M UTC")


def digest_reply(digest: Digest, *, title: str = DIGEST_TITLE, rest_in_thread: bool = False) -> Reply:
    """A digest as sections of items: headline (linked when there is a URL), summary, source.
    `rest_in_thread`: the stories not shown follow in the page's thread (`thread_reply`), and the
    page says so instead of "not shown"."""
    if digest.empty:
        return Reply.text("No stories yet. Add articles to the sources folder or run `briefbot ingest`.")
    count = len(digest.items)
    blocks: list = [Heading(title, level=1), count_line(digest, rest_in_thread)]
    for section in digest.sections:
        blocks.append(Heading(section.label, level=2))
        for item in section.items:
            blocks.extend(item_blocks(item))
    fallback = f"{title}: {count} {'story' if count == 1 else 'stories'}: " + "; ".join(
        i.headline for i in digest.items[:3]
    )
    return Reply(tuple(blocks), fallback=fallback[:300])


def count_line(digest: Digest, rest_in_thread: bool = False) -> Paragraph:
    """The page's second line: how many stories, since when, and how many more (where they are)."""
    count = len(digest.items)
    line = f"{count} {'story' if count == 1 else 'stories'}"
    if digest.since is not None:
        line += f" since {fmt_when(digest.since)}"
    if digest.omitted and rest_in_thread:
        left_out = digest.total - count  # stories (near-duplicates folded) as `rest` holds them; the
        listed = min(left_out, THREAD_STORIES)  # pages tried while building have no `rest` yet
        capped = f", the {listed} most important" if listed < left_out else ""
        line += f", {digest.omitted} more{capped} in the thread"
    elif digest.omitted:
        line += f", {digest.omitted} more not shown"
    return Paragraph((Span(line, italic=True),))


def thread_reply(digest: Digest, *, title: str = DIGEST_TITLE, limit: int = THREAD_STORIES) -> Reply | None:
    """The stories a digest's front page leaves out, most important first and at most `limit`: each
    its headline (linked when there is a URL) and source, for the page's thread. None when none."""
    listed = digest.rest[:limit]
    if not listed:
        return None
    note = "Stories not on the front page, most important first"
    if len(listed) < len(digest.rest):
        note += f" (the first {len(listed)} of {len(digest.rest)})"
    items = tuple(
        (
            Span(item.headline, link=item.url if _is_http(item.url) else None),
            Span(f" — {item.source}" + (f" (also: {', '.join(item.also)})" if item.also else "")),
        )
        for item in listed
    )
    blocks = (
        Heading(f"{title}: more stories", level=2),
        Paragraph((Span(note, italic=True),)),
        Bullets(items),
    )
    fallback = f"{title}: {len(listed)} more {'story' if len(listed) == 1 else 'stories'}"
    return Reply(blocks, fallback=fallback[:300])


def item_blocks(item: DigestItem) -> list:
    headline = Span(item.headline, bold=True, link=item.url if _is_http(item.url) else None)
    source = item.source + (f" (also: {', '.join(item.also)})" if item.also else "")
    blocks: list = [Paragraph((headline,))]
    if item.summary:
        blocks.append(Bullets(tuple((Span(s),) for s in item.summary)))
    meta = f"Source: {source}"
    if item.topics:
        meta += " · Topics: " + ", ".join(t.label for t in item.topics[:TOPICS_SHOWN])
    if item.language != "en":
        meta += f" · not analysed: {language_name(item.language)}"
    blocks.append(Paragraph((Span(meta, italic=True),)))
    return blocks


def _is_http(url: str | None) -> bool:
    return bool(url and url.lower().startswith(("http://", "https://")))
