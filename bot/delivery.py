"""The outbox: daily digests created when due, claimed, sent, retried and recorded exactly once.

One `deliveries` row per (subscription, period) under a unique constraint: a period is the local day
whose delivery time has passed most recently, so after any downtime a subscription owes one digest, not
one per missed minute or day. Rows are claimed for a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, the
write lock on SQLite), so several processes share the work and each row goes to one of them; a crashed
process's rows become claimable again when its lease runs out (`lease_seconds`).

Content: the articles ingested after the subscription's previous closed digest (first digest: the last
24 hours) up to `window_end`, fixed when the row is created, so a retried digest is the same digest.
A digest is sent as single-message parts (split at block boundaries with the platform's renderer), each
recorded as it is accepted, so a failure or crash after part 1 resumes at part 2.

Exactly once, and its one gap: a message is recorded right after the platform accepts it, in one UPDATE
on a dedicated thread. A crash after the platform's answer and before that commit leaves the row
pending, and the next claimant sends that part again. At most one part per in-flight send can be
doubled this way, i.e. at most `concurrency` messages per crashed process. Everything else — restarts,
several processes, retries, lapsed leases — cannot double a digest: a row is only sent by the worker
holding its lease, and a lease is renewed (fenced by worker id) before a send when it is less than half
left, so a send never starts on a lease another worker may have taken.

Platform answers: "retry after N s" (Telegram 429, Slack ratelimited) holds back that chat (and the whole
platform when several chats are told so) and retries; it never counts as a failure. 5xx, timeouts and
network errors retry with exponential backoff and jitter, then give up loudly — logged, counted in
`briefbot_digests_failed_total`, and retried at a later tick. Blocked, kicked, chat not found, archived
channel: the subscription is deactivated with a log line. Other errors fail that one digest, recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.briefing import digest_reply, make_digest
from bot.localtime import local_instant, parse_hhmm, parse_zone, period_key
from bot.metrics import DIGESTS_DELIVERED, DIGESTS_FAILED, RATE_LIMITED, SEND_LATENCY
from bot.ratelimit import Limits, Pacers
from bot.reply import Reply
from bot.senders import ChatGone, RetryLater, Sender, SendError, Transient
from bot.settings import Settings
from bot.store.db import Database
from bot.store.repo import (
    ClaimedDelivery,
    ScheduledSubscription,
    articles_in_window,
    claim_deliveries,
    deactivate_subscription_id,
    existing_deliveries,
    finish_delivery,
    get_subscription_by_id,
    insert_deliveries,
    newer_delivery_exists,
    previous_window_end,
    record_parts,
    release_delivery,
    release_worker_claims,
    remove_worker,
    renew_lease,
    scheduled_subscriptions,
    worker_heartbeat,
)

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
FIRST_WINDOW = timedelta(hours=24)
DIGEST_TITLE = "Your daily briefing"
WINDOW_ARTICLES = 200  # newest articles of a window considered for one digest


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_worker_id() -> str:
    return f"{socket.gethostname()[:32]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


# -- when is a digest due ---------------------------------------------------------------------------
def due_period(
    delivery_time: str, timezone: str, active_since: datetime, now: datetime
) -> tuple[date, datetime] | None:
    """The period a subscription owes a digest for at `now` and its due instant (UTC), or None.

    The period is the local day whose delivery time passed most recently (DST-correct through
    `bot.localtime`); it is owed only if that instant came after the subscription was last (re)made —
    subscribing at 09:00 for 08:00 means tomorrow, as /subscribe tells the user.
    """
    at = parse_hhmm(delivery_time)
    zone = parse_zone(timezone)
    if at is None or zone is None:
        return None
    period = period_key(now, at, zone)
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
        due = due_period(sub.delivery_time, sub.timezone, sub.active_since, now)
        if due is None:
            continue
        period, due_at = due
        out.append({"subscription_id": sub.id, "period": period, "platform": sub.platform,
                    "chat_id": sub.chat_id, "due_at": due_at, "window_end": now})
    return out


# -- what a digest says -----------------------------------------------------------------------------
def nothing_new_reply(since: datetime, zone: ZoneInfo) -> Reply:
    local = since.astimezone(zone)
    return Reply.text(f"Nothing new since {local.strftime('%a %d %b %H:%M %Z')}.")


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


def platform_renderer(platform: str) -> Callable[[Reply], Sequence[Any]] | None:
    """The renderer a platform's Sender uses, to split digests into single-message parts."""
    try:
        if platform == "telegram":
            from bot.render.telegram import render_telegram

            return render_telegram
        if platform == "slack":
            from bot.render.slack import render_slack

            return render_slack
    except ImportError:
        log.warning("no renderer for %s: digests go out unsplit", platform)
    return None


@dataclass
class Prepared:
    """What to do with a claimed row: send `parts`, or close it with `status` and no send."""

    parts: list[Reply]
    status: str | None = None
    reason: str = ""


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
        self._rng = rng
        self._renderers = {p: platform_renderer(p) for p in self.senders} | dict(renderers or {})
        self._digests: dict[tuple[str, datetime, datetime], list[Reply] | None] = {}
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
                _done, tasks = await asyncio.wait(tasks, timeout=self.heartbeat_seconds,
                                                  return_when=asyncio.FIRST_COMPLETED)
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
                return worker_heartbeat(session, self.worker_id, self.clock(),
                                        live_within=3 * self.heartbeat_seconds)

        try:
            workers = await self._run(beat)
        except Exception as exc:  # the database hiccupped: keep the last share
            log.warning("worker heartbeat failed: %s", exc)
            return
        self.pacers.share_with(workers)

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
        now = self.clock()
        with self.db.session() as session:
            sub = get_subscription_by_id(session, c.subscription_id)
            if sub is None or not sub.active:
                finish_delivery(session, c.id, "cancelled", now=now)
                return Prepared([], "cancelled", "subscription no longer active")
            if newer_delivery_exists(session, c.subscription_id, c.period):
                finish_delivery(session, c.id, "superseded", now=now)
                return Prepared([], "superseded", "a newer digest is due")
            start = previous_window_end(session, c.subscription_id, c.period) or c.window_end - FIRST_WINDOW
            zone = parse_zone(sub.timezone) or ZoneInfo("UTC")
        parts = self._digest_parts(c.platform, start, c.window_end)
        if parts is not None:
            return Prepared(parts)
        if self.settings.empty_digest == "silent":
            with self.db.session() as session:
                finish_delivery(session, c.id, "skipped", now=now)
            return Prepared([], "skipped", "nothing new")
        return Prepared(split_reply(nothing_new_reply(start, zone), self._renderers.get(c.platform)))

    def _digest_parts(self, platform: str, start: datetime, end: datetime) -> list[Reply] | None:
        """The digest of the window as single-message parts (None when empty); built once per window."""
        key = (platform, start, end)
        with self._digest_lock:
            if key in self._digests:
                return self._digests[key]
            with self.db.session() as session:
                rows = list(articles_in_window(session, start, end, limit=WINDOW_ARTICLES))
            parts: list[Reply] | None = None
            if rows:
                digest = make_digest(rows, max_items=self.settings.digest_max_items,
                                     max_chars=self.settings.digest_max_chars, since=start,
                                     title=DIGEST_TITLE)
                parts = split_reply(digest_reply(digest, title=DIGEST_TITLE), self._renderers.get(platform))
            if len(self._digests) >= 64:
                self._digests.pop(next(iter(self._digests)))
            self._digests[key] = parts
            return parts

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
            setattr(report, prepared.status, getattr(report, prepared.status) + 1)
            log.info("digest not sent: %s", prepared.reason,
                     extra={"platform": c.platform, "chat_id": c.chat_id, "period": str(c.period)})
            return
        parts = prepared.parts
        ids = list(c.message_ids)
        part, attempts = c.parts_sent, c.attempts
        transient = limited = 0
        while part < len(parts):
            if not await self._hold_lease(c):
                report.lost_leases += 1
                log.warning("lease lost, another worker has this digest",
                            extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id})
                return
            await pacer.acquire(c.chat_id)
            attempts += 1
            started = time.perf_counter()
            try:
                sent = await sender.send(c.chat_id, parts[part])
            except RetryLater as exc:
                RATE_LIMITED.labels(c.platform).inc()
                report.rate_limited += 1
                limited += 1
                pacer.penalize(c.chat_id, exc.retry_after)
                ids += _partial(exc)
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
                DIGESTS_FAILED.labels(c.platform, "transient").inc()
                ids += _partial(exc)
                if transient >= self.transient_tries:
                    log.error("digest send gave up after %d tries, retried at a later tick: %s",
                              transient, exc,
                              extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id})
                    DIGESTS_FAILED.labels(c.platform, "gave_up").inc()
                    await self._release(c, attempts, self._later(c.failures + 1), str(exc), failed=True)
                    report.gave_up += 1
                    return
                await self._sleep(self._backoff(transient))
                continue
            except SendError as exc:
                DIGESTS_FAILED.labels(c.platform, "error").inc()
                log.error("digest could not be sent: %s", exc,
                          extra={"platform": c.platform, "chat_id": c.chat_id, "delivery": c.id})
                await self._run(self._finish, c.id, "failed", attempts, str(exc))
                report.failed += 1
                return
            SEND_LATENCY.labels(c.platform).observe(time.perf_counter() - started)
            part += 1
            ids += [str(i) for i in sent]
            done = part == len(parts)
            await self._run(self._record, c.id, part, tuple(ids), attempts, done, pool="record")
            report.messages += len(sent)
            if done:
                DIGESTS_DELIVERED.labels(c.platform).inc()
                report.delivered += 1

    def _record(self, delivery_id: int, part: int, ids: tuple[str, ...], attempts: int, done: bool) -> None:
        with self.db.session() as session:
            record_parts(session, delivery_id, part, ids, attempts=attempts, done=done, now=self.clock())

    def _finish(self, delivery_id: int, status: str, attempts: int, error: str) -> None:
        with self.db.session() as session:
            finish_delivery(session, delivery_id, status, now=self.clock(), attempts=attempts, error=error)

    async def _release(
        self, c: ClaimedDelivery, attempts: int, wait: timedelta, error: str, *, failed: bool = False
    ) -> None:
        def release() -> None:
            with self.db.session() as session:
                release_delivery(session, c.id, self.worker_id, next_attempt_at=self.clock() + wait,
                                 attempts=attempts, error=error, failed_pass=failed)

        await self._run(release)

    async def _gone(self, c: ClaimedDelivery, attempts: int, exc: ChatGone) -> None:
        DIGESTS_FAILED.labels(c.platform, "gone").inc()
        log.warning("chat gone, subscription deactivated: %s", exc.reason,
                    extra={"platform": c.platform, "chat_id": c.chat_id})

        def gone() -> None:
            with self.db.session() as session:
                deactivate_subscription_id(session, c.subscription_id, exc.reason)
                finish_delivery(session, c.id, "gone", now=self.clock(), attempts=attempts, error=exc.reason)

        await self._run(gone)


def _partial(exc: Exception) -> list[str]:
    """Ids of messages a multi-message send got out before failing (recorded for the record)."""
    return [str(i) for i in getattr(exc, "sent_ids", None) or ()]


__all__ = [
    "DeliveryReport",
    "Outbox",
    "due_period",
    "due_rows",
    "nothing_new_reply",
    "split_reply",
    "utc_now",
]
