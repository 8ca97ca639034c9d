"""The command core: /brief /who /topics /subscribe /unsubscribe /settings /sources /help -> Reply.

Platform-neutral: front ends parse their events into (text, ChatContext), call `Commands.handle`, and
render the Reply. Nothing here imports a platform library. Everything is read from the store; nothing
expensive runs per command.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import cached_property
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.briefing import (
    DIGEST_TITLE,
    TOPICS_LISTED,
    NewsWindow,
    current_window,
    digest_reply,
    fmt_when,
    make_digest,
    source_label,
    topic_title,
)
from bot.chat_sources import ChatSources, SourceRefused
from bot.localtime import TimeInputError, next_delivery, parse_hhmm, parse_zone
from bot.metrics import COMMAND_LATENCY, COMMANDS_SERVED
from bot.reply import Bullets, Heading, Paragraph, Reply, Span
from bot.settings import Settings
from bot.store.chatsources import ChatSourceRow, Feeds, chat_feeds_at
from bot.store.db import Database
from bot.store.fulltext import WordMatcher, word_matcher
from bot.store.models import StoredArticle, Subscription
from bot.store.repo import (
    SearchField,
    add_subscription,
    articles_stamp,
    chat_subscriptions,
    deactivate_subscription,
    recent_rows,
    search_articles,
)
from bot.store.rowcache import analysis_of
from bot.subscriptions import days_of, describe_days, read_subscribe, stored_days, stored_filter
from bot.who_lookup import look_up
from summarizer.analysis import Analysis
from summarizer.sources.fetch_policy import FetchPolicy
from summarizer.text import split_sentences


class Command(StrEnum):
    """A command briefbot answers, in the order /help and the platforms' command menus list them."""

    BRIEF = "brief"
    WHO = "who"
    TOPICS = "topics"
    SUBSCRIBE = "subscribe"
    UNSUBSCRIBE = "unsubscribe"
    SETTINGS = "settings"
    SOURCES = "sources"
    HELP = "help"


ALIASES: dict[str, Command] = {"start": Command.HELP}  # Telegram's "Start" button sends /start

log = logging.getLogger(__name__)

RECENT_LIMIT = 200  # articles /who looks at (the digest, /brief and /topics read bot.briefing.current_window)
SEARCH_LIMIT = 1000  # articles /who NAME searches: a day of many feeds
WHO_MAX_DELEGATIONS = 6
CACHED = frozenset({Command.BRIEF, Command.WHO, Command.TOPICS, Command.HELP})  # depend only on the articles
CACHE_SIZE = 256
MAX_SUBSCRIPTIONS = 10  # active subscriptions one chat may hold


@dataclass
class _Reading:
    """The read-only session of the command this thread (or task) is answering: see Commands._reading."""

    db: Database
    session: Session
    stamp: tuple[int | str, ...] | None = None  # the store's change stamp, once read
    feeds: Feeds | None = None  # the asking chat's own feeds, once read


_READING: ContextVar[_Reading | None] = ContextVar("briefbot_reading", default=None)

_COMMAND = re.compile(r"^/?(?P<name>[A-Za-z_]+)(?:@\S+)?(?:\s+(?P<args>.*))?$", re.DOTALL)


# a link as chat apps send it: <https://…> or <https://…|label>
_LINKED_URL = re.compile(r"<([a-z][a-z0-9+.-]*://[^|<>\s]+)(?:\|[^<>]*)?>", re.IGNORECASE)

# change a subscription or the chat's sources: managers only
MANAGE_COMMANDS = frozenset({Command.SUBSCRIBE, Command.UNSUBSCRIBE, Command.SOURCES})


@dataclass(frozen=True)
class ChatContext:
    """Who is asking, where. `can_manage`: may change this chat's subscription (for MANAGE_COMMANDS; the
    front end decides with the platform's own data). `managers`: who may, as the refusal names them.
    `unverified`: the platform could not be asked, so the answer is no until it can. `thread`: the
    thread or forum topic the command was sent in (the platform's own id, opaque here; None: the main
    chat); a /subscribe sent there delivers there. `thread_kind`: what the platform calls it."""

    platform: str
    chat_id: str
    user_id: str | None = None
    chat_type: str = "private"
    can_manage: bool = True
    managers: str = "chat administrators"
    unverified: bool = False
    thread: str | None = None
    thread_kind: str = "thread"


@dataclass(frozen=True)
class CommandSpec:
    name: Command
    usage: str
    summary: str
    example: str


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        Command.BRIEF,
        "/brief [topic or words]",
        "the current digest, or the part about a topic",
        "/brief fentanyl",
    ),
    CommandSpec(
        Command.WHO,
        "/who [name]",
        "delegations in recent news: who leads, members and titles; "
        "with a name, what the articles say about that person",
        "/who Sherwood-Randall",
    ),
    CommandSpec(
        Command.TOPICS,
        "/topics [label]",
        "topics covered with article counts; with a label, those articles",
        "/topics migration",
    ),
    CommandSpec(
        Command.SUBSCRIBE,
        "/subscribe [days] [HH:MM] [Area/City] [filter]",
        "a digest for this chat at that local time (07:30, 21:00, 9am or 9:30pm): daily, weekdays or "
        "named days (mon,thu); a filter keeps stories matching one of its comma-separated terms, "
        "-word leaves out stories with that word; several per chat",
        "/subscribe mon,thu 07:30 Europe/Paris fentanyl, migration -trump",
    ),
    CommandSpec(
        Command.UNSUBSCRIBE,
        "/unsubscribe [ID|all]",
        "stop the subscription with that id (/settings lists them), or all of them",
        "/unsubscribe 2",
    ),
    CommandSpec(
        Command.SETTINGS,
        "/settings",
        "this chat's subscriptions: id, days, time, zone, filter and next delivery",
        "/settings",
    ),
    CommandSpec(
        Command.SOURCES,
        "/sources [add URL | remove ID]",
        "this chat's own feeds, which its digests and /brief hold besides the operator's: list them, "
        "add an RSS/Atom feed or page (checked with a first fetch), or remove one (administrators)",
        "/sources add https://example.com/feed.xml",
    ),
    CommandSpec(Command.HELP, "/help", "what briefbot does and every command", "/help"),
)
SPEC = {c.name: c for c in COMMANDS}


_SUBSCRIPTION_EXAMPLES = (
    ("/subscribe", "a daily digest of every story at the default time"),
    ("/subscribe weekdays 07:30 Europe/Paris", "Monday to Friday at 07:30 Paris time"),
    (
        "/subscribe mon,thu 18:00 UTC fentanyl, migration",
        "Mondays and Thursdays, only stories about "
        "fentanyl or migration (the digest's title names the filter)",
    ),
    ("/subscribe 08:00 UTC trade -tariffs", "stories about trade, none mentioning tariffs"),
    ("/settings", "each subscription's id, days, time, zone, filter and next delivery"),
    ("/unsubscribe 2", "stop subscription 2; /unsubscribe all stops every one"),
    (
        "/subscribe 07:30 UTC trade",
        "sent inside a forum topic or a thread: the digest lands there, and /settings says where each lands",
    ),
)


def parse_command(text: str) -> tuple[str, str] | None:
    """("who", "Monaco") from "/who@briefbot Monaco" or "who Monaco"; None for empty text."""
    m = _COMMAND.match(text.strip())
    if not m:
        return None
    return m.group("name").lower(), (m.group("args") or "").strip()


def usage(name: Command) -> Reply:
    return Reply.text(_usage_line(name))


class Commands:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        clock: Callable[[], datetime] | None = None,
        fetch_policy: FetchPolicy | None = None,
    ) -> None:
        """`fetch_policy`: where /sources add may fetch (default: public addresses only). Not a setting,
        so no chat can reach it: tests pass one allowing their server on 127.0.0.1."""
        self.db = db
        self.settings = settings
        self.clock = clock or (lambda: datetime.now(UTC))
        self.chat_sources = ChatSources(
            db, max_per_chat=settings.chat_sources_max, policy=fetch_policy, clock=self.clock
        )
        # Answers to read-only commands, reused until an article is stored or the minute changes.
        self._cache: OrderedDict[tuple[str, str, tuple[tuple[int | str, ...], int], Feeds], Reply] = (
            OrderedDict()
        )
        self._cache_lock = threading.Lock()

    @cached_property
    def words(self) -> WordMatcher:
        """What the database's full-text index counts as the same word, for matching names and labels."""
        return word_matcher(self.db.engine.dialect.name)

    # -- entry point -------------------------------------------------------------------------------
    def handle(self, text: str, ctx: ChatContext) -> Reply:
        started = time.perf_counter()
        reply, name = self._dispatch(text, ctx)
        COMMANDS_SERVED.labels(ctx.platform, name).inc()
        COMMAND_LATENCY.labels(ctx.platform).observe(time.perf_counter() - started)
        return reply

    def _dispatch(self, text: str, ctx: ChatContext) -> tuple[Reply, str]:
        parsed = parse_command(text)
        if parsed is None:
            return Reply.text("Send a command, e.g. /brief or /help."), "empty"
        name, args = parsed
        name = ALIASES.get(name, name)
        handler = getattr(self, f"cmd_{name}", None)
        if handler is None or name not in SPEC:
            return Reply.text(f"Unknown command /{name[:40]}. Try /help for the list."), "unknown"
        if name not in CACHED:
            return handler(args, ctx), name
        with self._reading():  # one connection for the whole answer: the stamp, then what it reads
            # chats with the same own feeds (most have none) share answers; others never see them
            key = (name, " ".join(args.split()).casefold(), self._data_stamp(), self._feeds(ctx))
            with self._cache_lock:
                reply = self._cache.get(key)
                if reply is not None:
                    self._cache.move_to_end(key)
                    return reply, name
            reply = handler(args, ctx)
        with self._cache_lock:
            self._cache[key] = reply
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return reply, name

    def _data_stamp(self) -> tuple[tuple[int | str, ...], int]:
        """What read-only answers depend on: the stored articles (a new one, or a re-analysed one) and
        the minute (for "the last 24 hours")."""
        return self._stamp(), int(self.clock().timestamp() // 60)

    def _stamp(self) -> tuple[int | str, ...]:
        """The store's change stamp, read once per command."""
        with self._reading():
            reading = _READING.get()
            assert reading is not None
            if reading.stamp is None:
                reading.stamp = articles_stamp(reading.session)
            return reading.stamp

    def _feeds(self, ctx: ChatContext) -> Feeds:
        """The asking chat's own feeds, read once per command: its answers hold the operator's stories
        and theirs (bot/store/chatsources.py `visible_to`)."""
        with self._reading() as session:
            reading = _READING.get()
            assert reading is not None
            if reading.feeds is None:
                reading.feeds = chat_feeds_at(session, self._stamp(), ctx.platform, ctx.chat_id)
            return reading.feeds

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """The read-only session of the command being answered (one per command: a connection checked
        out, pinged and returned once), else a new one."""
        open_ = _READING.get()
        if open_ is not None and open_.db is self.db:
            yield open_.session
            return
        with self.db.reading() as session:
            token = _READING.set(_Reading(self.db, session))
            try:
                yield session
            finally:
                _READING.reset(token)

    # -- /help -------------------------------------------------------------------------------------
    def cmd_help(self, args: str, ctx: ChatContext) -> Reply:
        items = tuple(
            (Span(c.usage, code=True), Span(f" — {c.summary}. Example: "), Span(c.example, code=True))
            for c in COMMANDS
        )
        return Reply(
            (
                Heading("briefbot"),
                Paragraph(
                    (
                        Span(
                            "I read the news sources I am given and brief you: extractive summaries, "
                            "who is in the delegations, and what the news covers."
                        ),
                    )
                ),
                Bullets(items),
                Heading("Subscriptions", level=2),
                Bullets(
                    tuple(
                        (Span(example, code=True), Span(f" — {what}"))
                        for example, what in _SUBSCRIPTION_EXAMPLES
                    )
                ),
            ),
            fallback="briefbot: " + " ".join(f"/{c}" for c in Command),
        )

    # -- /brief ------------------------------------------------------------------------------------
    def cmd_brief(self, args: str, ctx: ChatContext) -> Reply:
        window = self._window(ctx)
        rows = window.rows
        title = DIGEST_TITLE
        if args:
            topic = window.topic(args)
            if topic is not None:  # a topic /topics lists: the same stories, so the same count
                label, rows = topic
                title = topic_title(label)
            else:
                if not re.search(r"[^\W_]", args):
                    return usage(Command.BRIEF)
                rows = self._search_window("text", args, window, self._feeds(ctx))
                title = topic_title(args)
            if not rows:
                return Reply.text(f"Nothing in the current digest about “{args[:60]}”. Try /topics.")
        digest = make_digest(
            rows,
            max_items=self.settings.digest_max_items,
            max_chars=self.settings.digest_max_chars,
            since=window.since,
            title=title,
            diverse=not args,
            keys=None if args else window.keys,
        )
        return digest_reply(digest, title=title)

    def current_digest_reply(self) -> Reply:  # the console's chat: no sources of its own unless added
        return self.cmd_brief("", ChatContext("console", "console"))

    def _window(self, ctx: ChatContext) -> NewsWindow:
        """The stories /brief and /topics answer from in this chat: the same as its digest and (for a
        chat without sources of its own) `briefbot digest` read."""
        with self._reading() as session:
            return current_window(session, self.clock(), self._stamp(), self._feeds(ctx))

    def _search_window(
        self, field: SearchField, query: str, window: NewsWindow, feeds: Feeds
    ) -> list[StoredArticle]:
        """The stories of `window` whose `field` holds every word of `query`, stemmed ("trade" finds
        "trading", not "traders"), found by the database's full-text index."""
        with self._reading() as session:
            return list(
                search_articles(
                    session, field, query, window=max(1, len(window.rows)), since=window.since, feeds=feeds
                )
            )

    def _recent(self, feeds: Feeds, limit: int = RECENT_LIMIT) -> list[StoredArticle]:
        with self._reading() as session:
            return recent_rows(session, limit=limit, feeds=feeds)

    def _search(self, field: SearchField, query: str, feeds: Feeds) -> list[StoredArticle]:
        """The newest SEARCH_LIMIT stories whose `field` holds every word of `query`, by the index."""
        with self._reading() as session:
            return list(search_articles(session, field, query, window=SEARCH_LIMIT, feeds=feeds))

    # -- /who --------------------------------------------------------------------------------------
    def cmd_who(self, args: str, ctx: ChatContext) -> Reply:
        if args:
            return self._who_person(args, self._search("people", args, self._feeds(ctx)))
        rows = self._recent(self._feeds(ctx), RECENT_LIMIT)
        blocks: list = [Heading("Delegations in recent news")]
        shown = 0
        for row in rows:
            analysis = analysis_of(row)
            for d in analysis.delegations:
                if shown >= WHO_MAX_DELEGATIONS:
                    break
                shown += 1
                blocks.extend(_delegation_blocks(row, d, analysis))
        if not shown:
            return Reply.text("No delegations in recent articles. Try /who NAME for a person.")
        return Reply(tuple(blocks), fallback=f"{shown} delegation(s) in recent news")

    def _who_person(self, query: str, rows: Sequence[StoredArticle]) -> Reply:
        found = look_up(query, ((row, analysis_of(row).people) for row in rows))
        if found is None:
            return Reply.text(f"No one called “{query[:60]}” in recent articles.")
        blocks: list = [Heading(found.name)]
        for match in found.main[:8]:
            row, person = match.article, match.person
            role = _ROLE_TEXT.get(person.role, person.role)
            if person.role == "delegate" and person.lead:
                role = "leads the delegation"
            line = (
                Span(row.headline, bold=True, link=row.url if row.url else None),
                Span(f" ({source_label(row)})"),
            )
            blocks.append(Paragraph(line))
            detail = "; ".join(x for x in (person.described, role) if x)
            quotes = _sentences_about(row.body, person.name)[:2]
            blocks.append(Bullets(tuple((Span(t),) for t in ([detail] if detail else []) + quotes)))
        if found.others:
            blocks.append(Heading(f"Others named “{query[:60]}”", level=2))
            blocks.append(
                Bullets(
                    tuple(
                        (
                            Span(m.person.name, bold=True),
                            Span(f", {m.person.described}" if m.person.described else ""),
                            Span(f" — {m.article.headline} ({source_label(m.article)})"),
                        )
                        for m in found.others[:8]
                    )
                )
            )
        return Reply(tuple(blocks), fallback=f"{found.name}: {len(found.main)} article(s)")

    # -- /topics -----------------------------------------------------------------------------------
    def cmd_topics(self, args: str, ctx: ChatContext) -> Reply:
        window = self._window(ctx)
        index = window.topics
        if not index:
            return Reply.text("No topics yet: no articles have been ingested.")
        if not args:
            listed = index[:TOPICS_LISTED]
            items = tuple((Span(label, bold=True), Span(f" — {len(ids)}")) for label, ids in listed)
            return Reply(
                (Heading("Topics in recent news"), Bullets(items)),
                fallback=", ".join(f"{label} ({len(ids)})" for label, ids in index[:10]),
            )
        # the topic of that name first, with the count /topics gives it; then labels holding the words
        wanted = window.matching_topics(args, self.words)
        if not wanted:
            return Reply.text(f"No topic matching “{args[:60]}”. Send /topics for the list.")
        blocks: list = []
        for label, ids in wanted[:5]:
            blocks.append(Heading(f"{label} ({len(ids)})", level=2))
            blocks.append(
                Bullets(
                    tuple(
                        (Span(row.headline, link=row.url), Span(f" — {source_label(row)}"))
                        for row in window.rows_of(ids[:10])
                    )
                )
            )
        return Reply(tuple(blocks), fallback=f"Topic {wanted[0][0]}: {len(wanted[0][1])} article(s)")

    # -- subscriptions -----------------------------------------------------------------------------
    def cmd_subscribe(self, args: str, ctx: ChatContext) -> Reply:
        if not ctx.can_manage:
            return _refusal(ctx, "subscribe this chat")
        now = self.clock()
        try:
            req = read_subscribe(args, self.settings.default_delivery_time, self.settings.timezone, now)
        except TimeInputError as exc:  # says exactly what is wrong with the days, time, zone or filter
            return Reply.text(str(exc), _usage_line(Command.SUBSCRIBE))
        days = stored_days(req.days)

        def same(sub: Subscription) -> bool:
            return (sub.days, sub.delivery_time, sub.timezone, sub.thread) == (
                days,
                req.hhmm,
                req.zone.key,
                ctx.thread,
            ) and stored_filter(sub.topic_filter).key == req.topic_filter.key

        for attempt in range(3):  # two managers adding to one chat at once may take the same number
            try:
                with self.db.session() as session:
                    active = chat_subscriptions(session, ctx.platform, ctx.chat_id, active_only=True)
                    if len(active) >= MAX_SUBSCRIPTIONS and not any(same(s) for s in active):
                        return Reply.text(
                            f"This chat has {len(active)} subscriptions, the most it may have. "
                            "Send /settings to see them and /unsubscribe ID to stop one first."
                        )
                    sub, new = add_subscription(
                        session,
                        ctx.platform,
                        ctx.chat_id,
                        days=days,
                        delivery_time=req.hhmm,
                        timezone=req.zone.key,
                        topic_filter=req.topic_filter.text,
                        thread=ctx.thread,
                        same=same,
                    )
                    line = _describe(sub)
                    if sub.thread is not None:
                        line += f" {_landing(sub, ctx).capitalize()}."
                    number = sub.number
                break
            except IntegrityError:
                if attempt == 2:
                    raise
        nxt = next_delivery(now, req.at, req.zone, req.days)
        log.info("subscribed", extra={"platform": ctx.platform, "chat_id": ctx.chat_id})
        head = "Subscribed" if new else "Already subscribed"
        return Reply.text(
            f"{head}: a {line[0].lower()}{line[1:]}",
            f"Id {number}: /unsubscribe {number} stops it. Next delivery: {_fmt_local(nxt, req.zone)}.",
        )

    def cmd_unsubscribe(self, args: str, ctx: ChatContext) -> Reply:
        which = args.strip().casefold().removeprefix("id").strip().lstrip("#")
        if which and which != "all" and not which.isdigit():
            return usage(Command.UNSUBSCRIBE)
        if not ctx.can_manage:
            return _refusal(ctx, "unsubscribe this chat")
        with self.db.session() as session:
            active = chat_subscriptions(session, ctx.platform, ctx.chat_id, active_only=True)
            if not active:
                return Reply.text("This chat has no subscription. Send /subscribe to start one.")
            if not which:  # every subscription goes only when the chat says so
                ids = ", ".join(str(s.number) for s in active)
                return Reply.text(
                    f"This would stop every subscription of this chat (id {ids}). "
                    "Send /unsubscribe all to confirm, or /unsubscribe ID to stop one (/settings lists them)."
                )
            if which == "all":
                deactivate_subscription(session, (ctx.platform, ctx.chat_id), "unsubscribed by user")
                return Reply.text("Unsubscribed: no more digests here.")
            sub = next((s for s in active if s.number == int(which)), None)
            if sub is None:
                ids = ", ".join(str(s.number) for s in active)
                return Reply.text(f"This chat has no subscription with id {which[:12]} (its ids: {ids}).")
            line = _describe(sub)
            deactivate_subscription(session, sub.id, "unsubscribed by user")
            left = len(active) - 1
        return Reply.text(
            f"Unsubscribed id {sub.number}: the {line[0].lower()}{line[1:]}",
            f"{left} other subscription{'s' if left != 1 else ''} still run here."
            if left
            else "No more digests here.",
        )

    def cmd_settings(self, args: str, ctx: ChatContext) -> Reply:
        now = self.clock()
        with self.db.session() as session:
            active = chat_subscriptions(session, ctx.platform, ctx.chat_id, active_only=True)
            if not active:
                return Reply.text(
                    "No subscription in this chat. Send /subscribe [days] [HH:MM] [Area/City] [filter]."
                )
            # where each lands, once a thread is involved (asked in one, or one delivers into one)
            places = ctx.thread is not None or any(sub.thread is not None for sub in active)
            items = tuple(
                (
                    Span(f"id {sub.number}", bold=True),
                    Span(
                        f": {_describe(sub)} "
                        + (f"{_landing(sub, ctx).capitalize()}. " if places else "")
                        + _next_line(sub, now)
                    ),
                )
                for sub in active
            )
        return Reply(
            (
                Heading("Subscriptions in this chat"),
                Bullets(items),
                Paragraph((Span("/unsubscribe ID stops one, /unsubscribe all stops every one."),)),
            ),
            fallback=f"{len(items)} subscription(s) in this chat",
        )

    # -- the chat's own sources --------------------------------------------------------------------
    def cmd_sources(self, args: str, ctx: ChatContext) -> Reply:
        if not ctx.can_manage:
            return _refusal(ctx, "manage the sources of this chat")
        action, _, rest = args.partition(" ")
        action, rest = action.casefold(), rest.strip()
        if not action:
            return self._list_sources(ctx)
        if action == "add" and rest and len(rest.split()) == 1:
            linked = _LINKED_URL.fullmatch(rest)  # Slack sends a link typed in a message as <url|text>
            return self._add_source(ctx, linked.group(1) if linked else rest)
        if action == "remove" and rest.isdigit() and len(rest) < 10:
            return self._remove_source(ctx, int(rest))
        return usage(Command.SOURCES)

    def _operator_note(self) -> str:
        n = len(self.settings.sources)
        return f"The operator's {n} {'source is' if n == 1 else 'sources are'} included too."

    def _list_sources(self, ctx: ChatContext) -> Reply:
        rows = self.chat_sources.list(ctx.platform, ctx.chat_id)
        cap = self.settings.chat_sources_max
        if not rows:
            return Reply.text(
                f"This chat has no sources of its own. {self._operator_note()}",
                f"Add one (at most {cap}): {SPEC[Command.SOURCES].example}",
            )
        return Reply(
            (
                Heading("This chat's sources"),
                Paragraph(
                    (
                        Span(
                            f"{len(rows)} of at most {cap}; digests and /brief here hold them. "
                            f"{self._operator_note()} Remove one with /sources remove ID."
                        ),
                    )
                ),
                Bullets(tuple(_source_line(row) for row in rows)),
            ),
            fallback=f"This chat's sources: {len(rows)}",
        )

    def _add_source(self, ctx: ChatContext, url: str) -> Reply:
        try:
            added = self.chat_sources.add(ctx.platform, ctx.chat_id, url)
        except SourceRefused as exc:
            return Reply.text(f"Not added: {url[:200]}: {exc}. Nothing was stored.")
        row = added.source
        return Reply.text(
            f"Added source {row.id}: {row.title[:200]} ({added.probe.describe()}).",
            f"Its stories join this chat's digests and /brief from the next poll "
            f"(every {_duration(self.settings.poll_interval_seconds)}).",
        )

    def _remove_source(self, ctx: ChatContext, source_id: int) -> Reply:
        removed = self.chat_sources.remove(ctx.platform, ctx.chat_id, source_id)
        if removed is None:
            return Reply.text(f"This chat has no source {source_id}. Send /sources for the list.")
        return Reply.text(
            f"Removed source {source_id}: {removed.title[:200]}. Its stories no longer appear here."
        )


def _describe(sub: Subscription) -> str:
    """'Daily digest at 07:30 Europe/Berlin. Every story.', 'Digest on Mon, Thu at 08:00 UTC. Filter:
    fentanyl, -trump.'"""
    days = describe_days(sub.days)
    when = "Daily digest" if days == "daily" else f"Digest {days}"
    topic_filter = stored_filter(sub.topic_filter)
    about = f"Filter: {topic_filter.text}." if topic_filter else "Every story."
    return f"{when} at {sub.delivery_time} {sub.timezone}. {about}"


def _landing(sub: Subscription, ctx: ChatContext) -> str:
    """Where the subscription's digests land, as seen from where `ctx` asks: 'in this topic', 'in the
    main chat', 'in another topic'."""
    if sub.thread is None:
        return "in the main chat"
    return f"in this {ctx.thread_kind}" if sub.thread == ctx.thread else f"in another {ctx.thread_kind}"


def _next_line(sub: Subscription, now: datetime) -> str:
    zone = parse_zone(sub.timezone)
    at = parse_hhmm(sub.delivery_time)
    if zone is None or at is None:
        return ""
    return f"Next delivery: {_fmt_local(next_delivery(now, at, zone, days_of(sub.days)), zone)}."


def _usage_line(name: Command) -> str:
    spec = SPEC[name]
    return f"Usage: {spec.usage} (e.g. {spec.example})"


def _source_line(row: ChatSourceRow) -> tuple[Span, ...]:
    if row.last_fetched_at is None:
        fetched = "not fetched yet"
    else:
        fetched = f"last fetch {fmt_when(row.last_fetched_at)}: {row.last_result or 'done'}"
        if not row.last_ok:
            fetched = "failed, " + fetched
    return (
        Span(str(row.id), code=True),
        Span(" "),
        Span(row.title[:200], bold=True),
        Span(" — "),
        Span(row.url, link=row.url),
        Span(f" — {fetched}", italic=True),
    )


def _duration(seconds: int) -> str:
    if seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} s"


_ROLE_TEXT = {
    "delegate": "member of the delegation",
    "host": "meets the delegation",
    "principal": "sent the delegation",
    "author": "author of the article",
    "mentioned": "",
}


def _refusal(ctx: ChatContext, action: str) -> Reply:
    if ctx.unverified:
        return Reply.text(
            f"Could not verify that you may {action}: {ctx.platform.capitalize()} did "
            "not answer. Nothing was changed; please try again in a moment."
        )
    return Reply.text(f"Only {ctx.managers} can {action}.")


def _fmt_local(when: datetime, zone: ZoneInfo) -> str:
    local = when.astimezone(zone)
    return f"{local.strftime('%a %d %b %Y %H:%M %Z')} ({when.astimezone(UTC).strftime('%H:%M')} UTC)"


def _delegation_blocks(row: StoredArticle, d, analysis: Analysis) -> list:
    lead = next((m for m in d.members if m.lead), None)
    head = "Delegation" + (f" to {d.destination}" if d.destination else "")
    if d.lead:
        head += f", led by {d.lead}"
        if lead and lead.title:
            head += f" ({lead.title})"
    members = tuple(
        (
            Span(m.name, bold=True),
            Span(f" — {m.title}" if m.title else ""),
            Span(" (leads)" if m.lead else ""),
        )
        for m in d.members
    )
    blocks: list = [Heading(head, level=2)]
    if members:
        blocks.append(Bullets(members))
    if d.purpose:
        blocks.append(Paragraph((Span("Purpose: ", bold=True), Span(d.purpose))))
    blocks.append(Paragraph((Span("From: ", italic=True), Span(row.headline, italic=True, link=row.url))))
    return blocks


def _sentences_about(body: str, name: str) -> list[str]:
    surname = name.split()[-1]
    return [s for s in split_sentences(body) if surname in s][:3]


__all__ = [
    "ALIASES",
    "COMMANDS",
    "MANAGE_COMMANDS",
    "ChatContext",
    "Command",
    "Commands",
    "fmt_when",
    "parse_command",
    "usage",
]
