"""A chat's own sources (/sources, `briefbot sources import/export`): adding one after a first fetch,
listing, removing, and polling every chat's feeds once per poll however many chats share them.

A chat-added URL is content, not configuration: it is held to the outbound fetch policy like a feed
entry's link (public addresses only; summarizer/sources/fetch_policy.py), on the first fetch and on every
poll. The policy is a constructor argument, never a setting: production uses the default (public only);
tests pass `FetchPolicy.allowing("127.0.0.1/32")` for their local HTTP server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from bot.ingest import Analyser, IngestReport, ingest_source
from bot.opml import OpmlFeed
from bot.store.chatsources import (
    ChatSourceRow,
    add_chat_source,
    count_chat_sources,
    feeds_to_poll,
    find_chat_source,
    list_chat_sources,
    record_feed_result,
    remove_chat_source,
)
from bot.store.db import Database
from summarizer.sources.fetch_policy import FetchPolicy
from summarizer.sources.http import FetchError, normalise_url
from summarizer.sources.web import Probe, UrlSource

log = logging.getLogger(__name__)

FETCH_TIMEOUT = 10.0  # seconds for the first fetch of /sources add, and each fetch of a poll


class SourceRefused(Exception):
    """A URL not accepted as a chat's source; the message is the reason, as the chat is told."""


@dataclass(frozen=True)
class Added:
    source: ChatSourceRow
    probe: Probe


@dataclass
class ImportReport:
    added: list[ChatSourceRow] = field(default_factory=list)
    already: int = 0


def operator_urls(specs: Iterable[str]) -> frozenset[str]:
    """The operator's http(s) sources, normalised: a chat feed among them is polled as theirs."""
    urls = set()
    for spec in specs:
        try:
            urls.add(normalise_url(spec))
        except ValueError:
            continue  # a folder or a file
    return frozenset(urls)


def feed_state_key(url: str) -> str:
    """The key of a chat-added feed's fetch state: its own, apart from an operator source at the URL."""
    return f"chat-feed:{url}"


class ChatSources:
    """The chats' own sources in `db`: at most `max_per_chat` per chat, fetched under `policy`."""

    def __init__(
        self,
        db: Database,
        *,
        max_per_chat: int,
        policy: FetchPolicy | None = None,
        timeout: float = FETCH_TIMEOUT,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.db = db
        self.max_per_chat = max_per_chat
        self.policy = policy or FetchPolicy()
        self.timeout = timeout
        self.clock = clock

    def source(self, url: str) -> UrlSource:
        """The source polled for a chat-added URL: held to the fetch policy itself (not trusted), with
        a state of its own (an operator source at the same URL keeps its own)."""
        source = UrlSource(url, timeout=self.timeout, policy=self.policy, trusted=False)
        source.key = feed_state_key(url)
        return source

    def list(self, platform: str, chat_id: str) -> list[ChatSourceRow]:
        with self.db.session() as session:
            return list_chat_sources(session, platform, chat_id)

    def add(self, platform: str, chat_id: str, url: str) -> Added:
        """Check `url` and add it as the chat's source. Raises SourceRefused, with the reason and with
        nothing stored, for a URL that is not http(s), is the chat's already, would pass the cap, or
        fails its first fetch (HTTP status, refused address, timeout, not a feed or article page)."""
        try:
            url = normalise_url(url)
        except ValueError as exc:
            raise SourceRefused(str(exc)) from None
        with self.db.session() as session:
            existing = find_chat_source(session, platform, chat_id, url)
            if existing is not None:
                raise SourceRefused(f"already this chat's source {existing.id}")
            if count_chat_sources(session, platform, chat_id) >= self.max_per_chat:
                raise SourceRefused(self._cap_reason())
        try:
            probe = self.source(url).probe()
        except FetchError as exc:
            where = {"platform": platform, "chat_id": chat_id}
            log.info("chat source refused: %s: %s", url, exc, extra=where)
            raise SourceRefused(f"the first fetch failed: {exc}") from None
        for attempt in (1, 2):  # a second try when another chat added the same new feed meanwhile
            try:
                with self.db.session() as session:
                    if count_chat_sources(session, platform, chat_id) >= self.max_per_chat:
                        raise SourceRefused(self._cap_reason())  # added meanwhile
                    row = add_chat_source(
                        session,
                        platform,
                        chat_id,
                        url,
                        probe.title,
                        now=self.clock(),
                        result=probe.describe(),
                    )
                break
            except IntegrityError:
                if attempt == 2:
                    raise
        log.info("chat source added: %s", url, extra={"platform": platform, "chat_id": chat_id})
        return Added(row, probe)

    def _cap_reason(self) -> str:
        return (
            f"this chat has {self.max_per_chat} sources, the most allowed (setting chat_sources_max); "
            "remove one first with /sources remove ID"
        )

    def remove(self, platform: str, chat_id: str, source_id: int) -> ChatSourceRow | None:
        with self.db.session() as session:
            return remove_chat_source(session, platform, chat_id, source_id)

    def import_feeds(self, platform: str, chat_id: str, feeds: Sequence[OpmlFeed]) -> ImportReport:
        """Add `feeds` (an operator's OPML list, not fetched now: each poll reports on them) to the chat,
        all or none: SourceRefused when they would take the chat past the cap."""
        report = ImportReport()
        with self.db.session() as session:
            new = [f for f in feeds if find_chat_source(session, platform, chat_id, f.url) is None]
            report.already = len(feeds) - len(new)
            have = count_chat_sources(session, platform, chat_id)
            if have + len(new) > self.max_per_chat:
                raise SourceRefused(
                    f"{len(new)} new feeds would give the chat {have + len(new)} sources, more than "
                    f"chat_sources_max ({self.max_per_chat}); nothing imported"
                )
            now = self.clock()
            report.added = [add_chat_source(session, platform, chat_id, f.url, f.title, now=now) for f in new]
        return report

    def poll(
        self,
        analyse: Analyser,
        *,
        skip_urls: frozenset[str] = frozenset(),
        should_stop: Callable[[], bool] = lambda: False,
    ) -> IngestReport:
        """Fetch every feed some chat has, once each, and store what is new, tagged with the feed so
        that only its chats see it. Feeds among `skip_urls` (the operator's own sources) are not
        fetched: the operator's poll brings their stories, for every chat."""
        with self.db.session() as session:
            feeds = feeds_to_poll(session)
        report = IngestReport()
        for feed in feeds:
            if should_stop():
                report.stopped = True
                break
            if feed.url in skip_urls:
                self._record(feed.id, "polled as one of the operator's sources", ok=True)
                continue
            source = self.source(feed.url)
            got = ingest_source(self.db, source, analyse, should_stop=should_stop, feed_id=feed.id)
            failed = [s.reason for s in got.skipped if s.location == feed.url]
            new = len(got.new)
            result = failed[0] if failed else f"{new} new {'story' if new == 1 else 'stories'}"
            self._record(feed.id, result, ok=not failed)
            report.merge(got)
        return report

    def _record(self, feed_id: int, result: str, *, ok: bool) -> None:
        with self.db.session() as session:
            record_feed_result(session, feed_id, result, ok=ok, now=self.clock())
