"""The outbox: daily digests created when due, claimed, sent, retried and recorded exactly once.

One `deliveries` row per (subscription, period) under a unique constraint: a period is the local day
whose delivery time has passed most recently, so after any downtime a subscription owes one digest, not
one per missed minute or day. Rows are claimed for a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, the
write lock on SQLite), so several processes share the work and each row goes to one of them; a crashed
process's rows become claimable again when its lease runs out (`lease_seconds`).

Content: the articles ingested after the subscription's previous closed digest (first digest: the last
24 hours) up to `window_end`, fixed when the row is created. The digest is rendered into the platform's
messages (split at block boundaries, then by the renderer), and those messages are stored under their
hash (`delivery_contents`) before the first is sent; a retry — in this process or another, after a
restart, after the articles were re-analysed — sends the stored messages, so the parts never change
between tries. Each message is sent and recorded on its own (`parts_sent`, `message_ids`): a retry sends
only the messages not yet recorded.

Recording an accepted message is retried in the process while the database is away (backoff up to
`record_backoff_cap`, for as long as the lease has more than a tenth left), so a short outage does not
let the lease lapse and another worker resend the message. Past that budget the message stays unrecorded
(`briefbot_delivery_records_failed_total`) and is resent once the lease lapses.

In doubt, and why it resolves at least once: a send whose request left but whose answer never came (a
read timeout, a connection dropped after the request was written) may or may not have been delivered;
neither Telegram's sendMessage nor Slack's chat.postMessage takes an idempotency key or lets a bot look
the message up. Such a send is counted (`briefbot_deliveries_in_doubt_total`, `deliveries.in_doubt`, a
WARNING line with the delivery id) and resent like any transient error: the chat may see that message
twice, but never misses a part. A skipped digest is silent and a duplicate is visible, so losing one is
the worse failure. Errors raised before the request was written (connection refused, connect and pool
timeouts) and HTTP error answers are not in doubt: the message did not arrive, and it is simply resent.
Duplicates are therefore bounded by the in-doubt count plus the messages in flight when a process dies
(accepted by the platform, not yet recorded: at most `concurrency` per crashed process). Everything else
— restarts, several processes, retries, lapsed leases — cannot double a message: a row is only sent by
the worker holding its lease, and a lease is renewed (fenced by worker id) before a send when it is less
than half left, so a send never starts on a lease another worker may have taken.

Platform answers: "retry after N s" (Telegram 429, Slack ratelimited) holds back that chat (and the whole
platform when several chats are told so) and retries; it never counts as a failure. 5xx, timeouts and
network errors retry with exponential backoff and jitter, then give up loudly — logged, counted in
`briefbot_digests_failed_total`, and retried at a later tick. Blocked, kicked, chat not found, archived
channel: the subscription is deactivated with a log line. Other errors fail that one digest, recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import random
import socket
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from bot.briefing import digest_reply, make_digest, thread_reply
from bot.localtime import local_instant, parse_hhmm, parse_zone, period_key
from bot.metrics import (
    DELIVERIES_IN_DOUBT,
    DELIVERY_RECORD_RETRIES,
    DELIVERY_RECORDS_FAILED,
    DIGESTS_DELIVERED,
    DIGESTS_FAILED,
    RATE_LIMITED,
    SEND_LATENCY,
)
from bot.platforms.registry import PLATFORMS
from bot.ratelimit import Limits, Pacers
from bot.reply import Reply
from bot.senders import ChatGone, InDoubt, RetryLater, Sender, SendError, ThreadGone, Transient
from bot.settings import Settings
from bot.store.chatsources import Feeds, chat_feed_ids
from bot.store.db import Database
from bot.store.models import DeliveryStatus
from bot.store.repo import (
    ClaimedDelivery,
    ScheduledSubscription,
    claim_deliveries,
    deactivate_subscription,
    existing_deliveries,
    finish_delivery,
    get_subscription_by_id,
    insert_deliveries,
    load_content,
    matching_in_window,
    newer_delivery_exists,
    note_in_doubt,
    pin_content,
    previous_window_end,
    prune_contents,
    record_parts,
    release_delivery,
    release_worker_claims,
    remove_worker,
    renew_lease,
    save_content,
    scheduled_subscriptions,
    worker_heartbeat,
)
from bot.subscriptions import NO_FILTER, TopicFilter, days_of, stored_filter
from summarizer.digest import Digest

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
FIRST_WINDOW = timedelta(hours=24)
DIGEST_TITLE = "Your daily briefing"
WINDOW_ARTICLES = 200  # newest articles of a window considered for one digest
DIGESTS_KEPT = 256  # built digests kept per process (least recently used go): filters × windows
CONTENT_KEPT = timedelta(days=3)  # stored digest messages no pending delivery needs are pruned after this
# The database did not answer (down, restarting, locked, pool exhausted): worth retrying a record.
DATABASE_AWAY = (OperationalError, InterfaceError, DisconnectionError, PoolTimeoutError)


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_worker_id() -> str:
    return f"{socket.gethostname()[:32]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


# -- when is a digest due ---------------------------------------------------------------------------
def due_period(
    delivery_time: str, timezone: str, active_since: datetime, now: datetime, days: str = "daily"
) -> tuple[date, datetime] | None:
    """The period a subscription owes a digest for at `now` and its due instant (UTC), or None.

    The period is the local day among the subscription's `days` whose delivery time passed most recently
    (DST-correct through `bot.localtime`); it is owed only if that instant came after the subscription
    was last (re)made — subscribing at 09:00 for 08:00 means the next delivery day, as /subscribe tells
    the user.
    """
    at = parse_hhmm(delivery_time)
    zone = parse_zone(timezone)
    if at is None or zone is None:
        return None
    period = period_key(now, at, zone, days_of(days))
    if period is None:
        return None
    due_at = local_instant(period, at, zone)
    if due_at <= active_since:
        return None
    return period, due_at


def due_rows(
    subs: Sequence[ScheduledSubscription], now: datetime, platforms: set[str]
) -> list[dict[str, Any]]:
    """Delivery rows (as insert values) owed at `now` by subscriptions on these platforms."""
    out: list[dict[str, Any]] = []
    for sub in subs:
        if sub.platform not in platforms:
            continue
        due = due_period(sub.delivery_time, sub.timezone, sub.active_since, now, sub.days)
        if due is None:
            continue
        period, due_at = due
        out.append(
            {
                "subscription_id": sub.id,
                "period": period,
                "platform": sub.platform,
                "chat_id": sub.chat_id,
                "due_at": due_at,
                "window_end": now,
            }
        )
    return out


# -- what a digest says -----------------------------------------------------------------------------
def nothing_new_reply(since: datetime, zone: ZoneInfo, topic_filter: TopicFilter = NO_FILTER) -> Reply:
    local = since.astimezone(zone)
    about = f" about {topic_filter.text}" if topic_filter else ""
    return Reply.text(f"Nothing new{about} since {local.strftime('%a %d %b %H:%M %Z')}.")


def digest_title(topic_filter: TopicFilter) -> str:
    """The title of a digest: with a filter, the filter as its key writes it ("Your daily briefing —
    fentanyl, migration": lower case, terms sorted), so every chat asking the same gets the same digest,
    whichever asked first."""
    return f"{DIGEST_TITLE} — {topic_filter.key}" if topic_filter else DIGEST_TITLE


def split_reply(reply: Reply, render: Callable[[Reply], Sequence[Any]] | None) -> list[Reply]:
    """`reply` as consecutive replies that each render to one message (block boundaries only).

    A single block too long for one message stays one part (the renderer splits it; its messages then
    go out together). Without a renderer the reply is one part.
    """
    if render is None or len(reply.blocks) <= 1 or len(render(reply)) <= 1:
        return [reply]
    groups: list[list[Any]] = []
    current: list[Any] = []
    for block in reply.blocks:
        if current and len(render(Reply((*current, block)))) > 1:
            groups.append(current)
            current = [block]
        else:
            current.append(block)
    if current:
        groups.append(current)
    n = len(groups)
    return [
        Reply(tuple(g), fallback=reply.fallback if i == 0 else f"{reply.fallback} ({i + 1}/{n})"[:300])
        for i, g in enumerate(groups)
    ]


def render_messages(reply: Reply, render: Callable[[Reply], Sequence[Any]]) -> list[Any]:
    """`reply` as the platform's messages: split at block boundaries first, then by the renderer."""
    return [message for part in split_reply(reply, render) for message in render(part)]


def content_hash(platform: str, messages: Sequence[Any]) -> str:
    """SHA-256 of a digest's rendered messages (canonical JSON): the name they are stored under."""
    canonical = json.dumps(
        [platform, list(messages)], sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass
class Prepared:
    """What to do with a claimed row: send `parts` (rendered messages stored under `content_hash`), or
    close it with `status` and no send."""

    parts: list[Any]
    status: DeliveryStatus | None = None
    reason: str = ""
    content_hash: str | None = None
    thread: str | None = None  # where in the chat the subscription lands (None: the main chat)


class Unrecorded(Exception):
    """An accepted message could not be recorded within the lease: the database stayed away."""


# -- the report of one pass -------------------------------------------------------------------------
@dataclass
class DeliveryReport:
    created: int = 0  # rows that came due this pass
    claimed: int = 0
    delivered: int = 0  # digests completed
    messages: int = 0  # messages the platforms accepted
    skipped: int = 0  # empty digests under empty_digest = "silent"
    superseded: int = 0
    cancelled: int = 0
    gone: int = 0  # chats gone: subscriptions deactivated
    failed: int = 0  # permanent errors
    rate_limited: int = 0  # "retry after" answers
    transient_errors: int = 0
    gave_up: int = 0  # rows given back after repeated transient errors, retried at a later tick
    deferred: int = 0  # rows given back to wait out a long "retry after"
    lost_leases: int = 0
    in_doubt: int = 0  # sends whose outcome was unknown (request left, no answer): resent
    record_retries: int = 0  # records of accepted messages retried while the database was away
    unrecorded: int = 0  # accepted messages left unrecorded (database away past the lease budget)

    def count_closed(self, status: DeliveryStatus) -> None:
        """Count a row closed without a send."""
        match status:
            case DeliveryStatus.SKIPPED:
                self.skipped += 1
            case DeliveryStatus.SUPERSEDED:
                self.superseded += 1
            case DeliveryStatus.CANCELLED:
                self.cancelled += 1
            case _:
                raise ValueError(f"a delivery is not closed unsent as {status!r}")

    def merge(self, other: DeliveryReport) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def line(self) -> str:
        parts = [f"{f.name}={getattr(self, f.name)}" for f in fields(self) if getattr(self, f.name)]
        return " ".join(parts) or "nothing to do"


# -- the outbox -------------------------------------------------------------------------------------
class Outbox:
    """Creates due rows and drains them through the senders. One instance per process."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        senders: Mapping[str, Sender],
        *,
        clock: Clock = utc_now,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        pacers: Pacers | None = None,
        limits: dict[str, Limits] | None = None,
        worker_id: str | None = None,
        concurrency: int = 32,
        lease_seconds: float = 120.0,
        transient_tries: int = 4,
        backoff_base: float = 1.0,
        backoff_cap: float = 30.0,
        max_inline_retry_after: float = 60.0,
        rate_limited_tries: int = 8,
        heartbeat_seconds: float = 2.0,
        record_backoff_base: float = 0.25,
        record_backoff_cap: float = 8.0,
        rng: Callable[[], float] = random.random,
        renderers: Mapping[str, Callable[[Reply], Sequence[Any]] | None] | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.senders = dict(senders)
        self.clock = clock
        self._sleep = sleep
        self.pacers = pacers or Pacers(limits, sleep=sleep)
        self.worker_id = worker_id or new_worker_id()
        self.concurrency = max(1, concurrency)
        self.lease = timedelta(seconds=lease_seconds)
        self.transient_tries = transient_tries
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.max_inline_retry_after = max_inline_retry_after
        self.rate_limited_tries = rate_limited_tries
        self.heartbeat_seconds = heartbeat_seconds
        self.record_backoff_base = record_backoff_base
        self.record_backoff_cap = record_backoff_cap
        self._rng = rng
        self._renderers: dict[str, Callable[[Reply], Sequence[Any]]] = {
            p: s.render for p, s in self.senders.items()
        } | {p: r for p, r in (renderers or {}).items() if r}
        # digests built, by (platform, filter key, window, the chat's own feeds): one per distinct filter
        self._digests: OrderedDict[tuple[str, str, datetime, datetime, Feeds], tuple[list[Any], str] | None]
        self._digests = OrderedDict()
        self.digests_built = 0
        self._contents: dict[str, list[Any]] = {}  # stored contents this process has seen, by hash
        self._last_prune = float("-inf")
        self._digest_lock = threading.Lock()
        self._leases: dict[int, datetime] = {}
        self._stopping = False
        self._last_heartbeat = float("-inf")
        self._pools: dict[str, ThreadPoolExecutor] = {}

    # -- creating rows -----------------------------------------------------------------------------
    def create_due(self, now: datetime | None = None) -> int:
        """Insert the rows owed at `now` (default: the clock); returns how many are new. Blocking."""
        now = now or self.clock()
        return self.insert_due(self.missing_due(now), now)

    def missing_due(self, now: datetime) -> list[dict[str, Any]]:
        """Rows owed at `now` that do not exist yet (for platforms this process can send to)."""
        with self.db.session() as session:
            wanted = due_rows(scheduled_subscriptions(session), now, set(self.senders))
            if not wanted:
                return []
            have = existing_deliveries(session, {row["period"] for row in wanted})
        return [r for r in wanted if (r["subscription_id"], r["period"]) not in have]

    def insert_due(self, rows: Sequence[dict[str, Any]], window_end: datetime) -> int:
        """Insert `rows` with their content window ending at `window_end`; existing ones are kept."""
        if not rows:
            return 0
        with self.db.session() as session:
            created = insert_deliveries(session, [{**r, "window_end": window_end} for r in rows])
        if created:
            log.info("digests due", extra={"count": created})
        return created

    # -- draining ----------------------------------------------------------------------------------
    async def drain(self) -> DeliveryReport:
        """Claim and send every claimable row until none is left; returns what happened."""
        report = DeliveryReport()
        if not self.senders:
            return report
        self._stopping = False
        await self._heartbeat(force=True)
        await self._prune_contents()
        sem = asyncio.Semaphore(self.concurrency)
        prefetch = 2 * self.concurrency
        tasks: set[asyncio.Task[None]] = set()
        exhausted = False
        try:
            while True:
                if not exhausted and not self._stopping and len(tasks) <= prefetch // 2:
                    want = prefetch - len(tasks)
                    claimed = await self._run(self._claim, want)
                    report.claimed += len(claimed)
                    exhausted = len(claimed) < want
                    for c in claimed:
                        tasks.add(asyncio.create_task(self._deliver_guarded(c, sem, report)))
                if not tasks:
                    break
                _done, tasks = await asyncio.wait(
                    tasks, timeout=self.heartbeat_seconds, return_when=asyncio.FIRST_COMPLETED
                )
                await self._heartbeat()
        finally:
            if tasks:  # cancelled: stop what is in flight, hand its rows back
                for t in tasks:
                    t.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
        return report

    def stop_claiming(self) -> None:
        """Finish what is claimed, claim nothing more (a clean shutdown)."""
        self._stopping = True

    async def close(self) -> None:
        """Give back this worker's unsent claims and leave the worker list."""

        def release() -> int:
            with self.db.session() as session:
                n = release_worker_claims(session, self.worker_id)
                remove_worker(session, self.worker_id)
                return n

        with contextlib.suppress(Exception):
            n = await self._run(release)
            if n:
                log.info("released unsent claims", extra={"count": n})
        pools, self._pools = self._pools, {}
        for pool in pools.values():
            pool.shutdown(wait=False)

    # -- internals ---------------------------------------------------------------------------------
    def _pool(self, name: str) -> ThreadPoolExecutor:
        """Blocking database work runs on threads; recording accepted messages has its own two, so it
        never queues behind digest building — that queue would widen the double-send window."""
        pool = self._pools.get(name)
        if pool is None:
            pool = ThreadPoolExecutor(2 if name == "record" else 4, thread_name_prefix=f"outbox-{name}")
            self._pools[name] = pool
        return pool

    async def _run(self, fn: Callable[..., Any], *args: Any, pool: str = "work") -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool(pool), lambda: fn(*args))

    async def _heartbeat(self, *, force: bool = False) -> None:
        mono = time.monotonic()
        if not force and mono - self._last_heartbeat < self.heartbeat_seconds:
            return
        self._last_heartbeat = mono

        def beat() -> int:
            with self.db.session() as session:
                return worker_heartbeat(
                    session, self.worker_id, self.clock(), live_within=3 * self.heartbeat_seconds
                )

        try:
            workers = await self._run(beat)
        except Exception as exc:  # the database hiccupped: keep the last share
            log.warning("worker heartbeat failed: %s", exc)
            return
        self.pacers.share_with(workers)

    async def _prune_contents(self) -> None:
        """Drop stored digest messages no pending delivery needs (at most once an hour)."""
        mono = time.monotonic()
        if mono - self._last_prune < 3600:
            return
        self._last_prune = mono

        def prune() -> int:
            with self.db.session() as session:
                return prune_contents(session, self.clock() - CONTENT_KEPT)

        try:
            await self._run(prune)
        except Exception as exc:  # housekeeping only
            log.warning("pruning stored digest contents failed: %s", exc)

    def _claim(self, limit: int) -> list[ClaimedDelivery]:
        now = self.clock()
        with self.db.session() as session:
            claimed = claim_deliveries(session, self.worker_id, self.senders, now, now + self.lease, limit)
        for c in claimed:
            self._leases[c.id] = c.lease_until
        return claimed

    async def _deliver_guarded(
        self, c: ClaimedDelivery, sem: asyncio.Semaphore, report: DeliveryReport
    ) -> None:
        try:
            async with sem:
                await self._deliver(c, report)
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug must not stop the pass; the row is retried after its lease
            log.exception("delivery %s crashed", c.id)
            report.gave_up += 1
        finally:
            self._leases.pop(c.id, None)

    def _prepare(self, c: ClaimedDelivery) -> Prepared:
        """What the claimed row sends (and where in the chat), or why it closes unsent."""
        now = self.clock()
        with self.db.session() as session:
            sub = get_subscription_by_id(session, c.subscription_id)
            if sub is None or not sub.active:
                finish_delivery(session, c.id, DeliveryStatus.CANCELLED, now=now)
                return Prepared([], DeliveryStatus.CANCELLED, "subscription no longer active")
            if newer_delivery_exists(session, c.subscription_id, c.period):
                finish_delivery(session, c.id, DeliveryStatus.SUPERSEDED, now=now)
                return Prepared([], DeliveryStatus.SUPERSEDED, "a newer digest is due")
            start = previous_window_end(session, c.subscription_id, c.period) or c.window_end - FIRST_WINDOW
            zone = parse_zone(sub.timezone) or ZoneInfo("UTC")
            topic_filter = stored_filter(sub.topic_filter)
            feeds = chat_feed_ids(session, c.platform, c.chat_id)  # the chat's own sources join its digest
            thread = sub.thread
        if c.content_hash is not None:  # an earlier try fixed what this delivery sends
            stored = self._stored_content(c.content_hash)
            if stored is not None:
                return Prepared(stored, content_hash=c.content_hash, thread=thread)
            log.warning(
                "stored digest content missing, rendering it again",
                extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id},
            )
        content = self._digest_content(c.platform, topic_filter, start, c.window_end, feeds)
        if content is None:
            if self.settings.empty_digest == "silent":
                with self.db.session() as session:
                    finish_delivery(session, c.id, DeliveryStatus.SKIPPED, now=now)
                return Prepared([], DeliveryStatus.SKIPPED, "nothing new")
            empty = nothing_new_reply(start, zone, topic_filter)
            content = self._store(c.platform, render_messages(empty, self._renderers[c.platform]))
        messages, digest_hash = content
        if c.content_hash is None and len(messages) > 1:  # pin it before the first part goes out
            with self.db.session() as session:
                pinned = pin_content(session, c.id, digest_hash)
            if pinned != digest_hash and (stored := self._stored_content(pinned)) is not None:
                return Prepared(stored, content_hash=pinned, thread=thread)
        return Prepared(messages, content_hash=digest_hash, thread=thread)

    def _digest_content(
        self, platform: str, topic_filter: TopicFilter, start: datetime, end: datetime, feeds: Feeds = ()
    ) -> tuple[list[Any], str] | None:
        """The digest of the window's stories that pass `topic_filter`, as rendered messages and their
        stored hash (None when empty); built and stored once per (filter, window, set of the chat's own
        feeds — most chats: none) and process, however many subscriptions ask for it."""
        key = (platform, topic_filter.key, start, end, feeds)
        with self._digest_lock:
            if key in self._digests:
                self._digests.move_to_end(key)
                return self._digests[key]
            with self.db.session() as session:
                rows = list(
                    matching_in_window(
                        session,
                        start,
                        end,
                        topic_filter.include,
                        topic_filter.exclude,
                        limit=WINDOW_ARTICLES,
                        feeds=feeds,
                    )
                )
            content: tuple[list[Any], str] | None = None
            self.digests_built += 1
            if rows:
                title = digest_title(topic_filter)
                digest = make_digest(
                    rows,
                    max_items=self.settings.digest_max_items,
                    max_chars=self.settings.digest_max_chars,
                    since=start,
                    title=title,
                    diverse=not topic_filter,  # as /brief WORDS: every matching story may lead
                )
                content = self._store(platform, self._digest_messages(platform, digest, title))
            if len(self._digests) >= DIGESTS_KEPT:
                self._digests.popitem(last=False)
            self._digests[key] = content
            return content

    def _digest_messages(self, platform: str, digest: Digest, title: str) -> list[Any]:
        """The digest's rendered messages: its front page, then, on a platform that threads long
        digests, the stories the page leaves out (the sender posts them into the page's thread)."""
        render = self._renderers[platform]
        descriptor = PLATFORMS.get(platform)
        threads = descriptor is not None and descriptor.threads_long_digests
        messages = render_messages(digest_reply(digest, title=title, rest_in_thread=threads), render)
        rest = thread_reply(digest, title=title) if threads else None
        return messages + (render_messages(rest, render) if rest is not None else [])

    def _store(self, platform: str, messages: list[Any]) -> tuple[list[Any], str]:
        """Store rendered messages under their hash (once per process) and return both."""
        digest_hash = content_hash(platform, messages)
        if digest_hash not in self._contents:
            with self.db.session() as session:
                save_content(session, digest_hash, platform, messages, now=self.clock())
            self._remember(digest_hash, messages)
        return messages, digest_hash

    def _stored_content(self, digest_hash: str) -> list[Any] | None:
        if digest_hash in self._contents:
            return self._contents[digest_hash]
        with self.db.session() as session:
            messages = load_content(session, digest_hash)
        if messages is not None:
            self._remember(digest_hash, messages)
        return messages

    def _remember(self, digest_hash: str, messages: list[Any]) -> None:
        if len(self._contents) >= 256:
            self._contents.pop(next(iter(self._contents)))
        self._contents[digest_hash] = messages

    async def _hold_lease(self, c: ClaimedDelivery) -> bool:
        """True when this worker holds the row for at least half a lease more (renewing if needed)."""
        now = self.clock()
        until = self._leases.get(c.id, c.lease_until)
        if until - now >= self.lease / 2:
            return True
        new_until = now + self.lease

        def renew() -> bool:
            with self.db.session() as session:
                return renew_lease(session, c.id, self.worker_id, new_until)

        if await self._run(renew, pool="record"):
            self._leases[c.id] = new_until
            return True
        return False

    def _backoff(self, tries: int) -> float:
        """Exponential backoff with jitter: base·2^(n-1), capped, times a factor in [0.5, 1.5)."""
        return min(self.backoff_cap, self.backoff_base * 2 ** (tries - 1)) * (0.5 + self._rng())

    def _later(self, failures: int) -> timedelta:
        """When a row given up on transient errors is tried again: the next tick, then 2, 4, … min."""
        return timedelta(seconds=min(3600, 60 * 2 ** max(0, failures - 1)))

    async def _deliver(self, c: ClaimedDelivery, report: DeliveryReport) -> None:
        sender = self.senders[c.platform]
        pacer = self.pacers[c.platform]
        prepared = await self._run(self._prepare, c)
        if prepared.status is not None:
            report.count_closed(prepared.status)
            log.info(
                "digest not sent: %s",
                prepared.reason,
                extra={"platform": c.platform, "chat_id": c.chat_id, "period": str(c.period)},
            )
            return
        parts = prepared.parts
        ids = list(c.message_ids)
        part, attempts = c.parts_sent, c.attempts
        transient = limited = 0
        while part < len(parts):
            if not await self._hold_lease(c):
                report.lost_leases += 1
                log.warning(
                    "lease lost, another worker has this digest",
                    extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id},
                )
                return
            await pacer.acquire(c.chat_id)
            attempts += 1
            started = time.perf_counter()
            try:
                sent = await sender.send_rendered(
                    c.chat_id, parts[part], thread=prepared.thread, earlier=tuple(ids)
                )
            except RetryLater as exc:
                RATE_LIMITED.labels(c.platform).inc()
                report.rate_limited += 1
                limited += 1
                pacer.penalize(c.chat_id, exc.retry_after)
                if exc.retry_after > self.max_inline_retry_after or limited >= self.rate_limited_tries:
                    await self._release(c, attempts, timedelta(seconds=exc.retry_after), str(exc))
                    report.deferred += 1
                    return
                continue
            except ChatGone as exc:
                await self._gone(c, attempts, exc)
                report.gone += 1
                return
            except Transient as exc:
                transient += 1
                report.transient_errors += 1
                if isinstance(exc, InDoubt):
                    await self._in_doubt(c, part, len(parts), exc, report)
                else:
                    DIGESTS_FAILED.labels(c.platform, "transient").inc()
                if transient >= self.transient_tries:
                    log.error(
                        "digest send gave up after %d tries, retried at a later tick: %s",
                        transient,
                        exc,
                        extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id},
                    )
                    DIGESTS_FAILED.labels(c.platform, "gave_up").inc()
                    await self._release(c, attempts, self._later(c.failures + 1), str(exc), failed=True)
                    report.gave_up += 1
                    return
                await self._sleep(self._backoff(transient))
                continue
            except SendError as exc:
                DIGESTS_FAILED.labels(c.platform, "error").inc()
                log.error(
                    "digest could not be sent: %s",
                    exc,
                    extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id},
                )
                await self._run(self._finish, c.id, DeliveryStatus.FAILED, attempts, str(exc))
                report.failed += 1
                return
            SEND_LATENCY.labels(c.platform).observe(time.perf_counter() - started)
            part += 1
            ids.append(str(sent))
            done = part == len(parts)
            report.messages += 1
            try:
                await self._record_durably(c, part, tuple(ids), attempts, done, prepared.content_hash, report)
            except Unrecorded as exc:
                report.unrecorded += 1
                DELIVERY_RECORDS_FAILED.labels(c.platform).inc()
                log.error(
                    "message %d of %d accepted but not recorded (%s); it is sent again when the lease lapses",
                    part,
                    len(parts),
                    exc,
                    extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id},
                )
                return
            if done:
                DIGESTS_DELIVERED.labels(c.platform).inc()
                report.delivered += 1

    async def _in_doubt(
        self, c: ClaimedDelivery, part: int, total: int, exc: InDoubt, report: DeliveryReport
    ) -> None:
        """Count a send of unknown outcome; it is resent (at least once), so the chat may see it twice."""
        report.in_doubt += 1
        DELIVERIES_IN_DOUBT.labels(c.platform).inc()
        log.warning(
            "message %d of %d in doubt, sending it again (the chat may see it twice): %s",
            part + 1,
            total,
            exc,
            extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id},
        )

        def note() -> None:
            with self.db.session() as session:
                note_in_doubt(session, c.id)

        try:
            await self._run(note, pool="record")
        except Exception as err:  # the count on the row is for the record only
            log.warning("could not count the in-doubt send on delivery %s: %s", c.id, err)

    async def _record_durably(
        self,
        c: ClaimedDelivery,
        part: int,
        ids: tuple[str, ...],
        attempts: int,
        done: bool,
        digest_hash: str | None,
        report: DeliveryReport,
    ) -> None:
        """Record an accepted message; while the database is away, retry with backoff for as long as
        this worker's lease has more than a tenth left (a lapsed lease would let the message be resent).
        Raises Unrecorded when the budget runs out."""
        deadline = self._leases.get(c.id, c.lease_until) - self.lease / 10
        tries = 0
        while True:
            try:
                await self._run(self._record, c.id, part, ids, attempts, done, digest_hash, pool="record")
                if tries:
                    log.info(
                        "message recorded after %d retries",
                        tries,
                        extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id},
                    )
                return
            except DATABASE_AWAY as exc:
                tries += 1
                wait = min(self.record_backoff_cap, self.record_backoff_base * 2 ** (tries - 1))
                wait *= 0.75 + self._rng() / 2
                if self.clock() + timedelta(seconds=wait) >= deadline:
                    raise Unrecorded(f"database away after {tries} tries: {type(exc).__name__}") from exc
                report.record_retries += 1
                DELIVERY_RECORD_RETRIES.labels(c.platform).inc()
                log.warning(
                    "recording a sent message failed (database away), retrying in %.1f s: %s",
                    wait,
                    type(exc).__name__,
                    extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id},
                )
                await self._sleep(wait)

    def _record(
        self,
        delivery_id: int,
        part: int,
        ids: tuple[str, ...],
        attempts: int,
        done: bool,
        digest_hash: str | None,
    ) -> None:
        with self.db.session() as session:
            record_parts(
                session,
                delivery_id,
                part,
                ids,
                attempts=attempts,
                done=done,
                now=self.clock(),
                content_hash=digest_hash,
            )

    def _finish(self, delivery_id: int, status: DeliveryStatus, attempts: int, error: str) -> None:
        with self.db.session() as session:
            finish_delivery(session, delivery_id, status, now=self.clock(), attempts=attempts, error=error)

    async def _release(
        self, c: ClaimedDelivery, attempts: int, wait: timedelta, error: str, *, failed: bool = False
    ) -> None:
        def release() -> None:
            with self.db.session() as session:
                release_delivery(
                    session,
                    c.id,
                    self.worker_id,
                    next_attempt_at=self.clock() + wait,
                    attempts=attempts,
                    error=error,
                    failed_pass=failed,
                )

        await self._run(release)

    async def _gone(self, c: ClaimedDelivery, attempts: int, exc: ChatGone) -> None:
        DIGESTS_FAILED.labels(c.platform, "gone").inc()
        # the chat is gone: every subscription of it stops; only its thread: that subscription stops
        which: int | tuple[str, str] = (
            c.subscription_id if isinstance(exc, ThreadGone) else (c.platform, c.chat_id)
        )
        log.warning(
            "%s gone, subscription deactivated: %s",
            "thread" if isinstance(exc, ThreadGone) else "chat",
            exc.reason,
            extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id},
        )

        def gone() -> None:
            with self.db.session() as session:
                deactivate_subscription(session, which, exc.reason)
                finish_delivery(
                    session, c.id, DeliveryStatus.GONE, now=self.clock(), attempts=attempts, error=exc.reason
                )

        await self._run(gone)


__all__ = [
    "DeliveryReport",
    "Outbox",
    "content_hash",
    "digest_title",
    "due_period",
    "due_rows",
    "nothing_new_reply",
    "render_messages",
    "split_reply",
    "utc_now",
]
