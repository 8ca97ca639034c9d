"""Pacing outgoing messages under the platforms' limits, by design rather than by reacting to 429s.

Each platform's package states its `Limits` (messages a second overall, seconds between two messages to
one chat, and to one group chat) and which chats are groups. `Pacer.acquire(chat_id)` waits for a send
slot for one message. The overall rate is kept as a minimum spacing between actual grants (waiters queue
at a FIFO gate, so there is no thundering herd and no catch-up burst after a stall); the per-chat and
per-group limits are minimum spacings too, stricter than any sliding window needs. A `margin` keeps the
overall rate a little under the published figure so network and scheduling jitter cannot push it over.

When a platform answers "retry after N s" anyway, `penalize` holds that chat back for N s and, when
several chats are told to wait within a second (a bot-wide flood limit), every chat of the platform.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.platforms.base import Platform


@dataclass(frozen=True)
class Limits:
    per_second: float | None  # messages a second over all chats (None: unlimited)
    chat_interval: float  # seconds between two messages to one chat
    group_interval: float = 0.0  # seconds between two messages to one group chat
    margin: float = 0.94  # share of `per_second` used: 30 slots span 1.064 s, so 64 ms of jitter is safe

    def scaled(self, per_second: float | None) -> Limits:
        return Limits(per_second, self.chat_interval, self.group_interval, self.margin)


UNLIMITED = Limits(per_second=None, chat_interval=0.0)

FLOOD_WINDOW = 1.0  # s: 429s for two different chats within this window count as a bot-wide limit


def _platform(name: str) -> Platform:
    """The registered platform `name`; one without limits or groups when none is (tests' fakes)."""
    # imported late: the platforms' packages import Limits from here
    from bot.platforms.base import Platform
    from bot.platforms.registry import PLATFORMS

    return PLATFORMS.get(name) or Platform(name)


class _Gate:
    """A lock passed on in order of (priority, arrival): an urgent waiter (an answer to a person) enters
    before every waiting digest message, and waiters of one kind keep their order."""

    def __init__(self) -> None:
        self._held = False
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._arrivals = itertools.count()

    @contextlib.asynccontextmanager
    async def entered(self, *, urgent: bool) -> AsyncIterator[None]:
        if self._held or self._waiting:
            turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            entry = (0 if urgent else 1, next(self._arrivals), turn)
            heapq.heappush(self._waiting, entry)
            try:
                await turn
            except asyncio.CancelledError:
                if turn.done() and not turn.cancelled():
                    self._pass_on()  # handed the gate as it was cancelled: hand it on
                else:
                    self._waiting.remove(entry)
                    heapq.heapify(self._waiting)
                raise
        self._held = True
        try:
            yield
        finally:
            self._pass_on()

    def _pass_on(self) -> None:
        while self._waiting:
            turn = heapq.heappop(self._waiting)[2]
            if not turn.done():
                turn.set_result(None)  # the gate stays held: it passes straight to that waiter
                return
        self._held = False


class Pacer:
    """Send slots for one platform. Single event loop; not thread-safe (no need: asyncio)."""

    def __init__(
        self,
        platform: str,
        limits: Limits,
        *,
        is_group: Callable[[str], bool] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.platform = platform
        self.limits = limits
        self.is_group = is_group or _platform(platform).is_group
        self._now = monotonic
        self._sleep = sleep
        self._share = 1  # live workers sharing the overall rate
        self._last_grant = float("-inf")
        self._gate = _Gate()
        self._chat_ready: dict[str, float] = {}
        self._pause_until = 0.0
        self._last_429: tuple[float, str] | None = None
        self.granted = 0

    @property
    def interval(self) -> float:
        """Seconds between two slots of this process (0: no overall limit)."""
        if not self.limits.per_second:
            return 0.0
        return self._share / (self.limits.per_second * self.limits.margin)

    def share_with(self, workers: int) -> None:
        """Split the overall rate between `workers` processes sending for the same bot."""
        self._share = max(1, workers)

    def _chat_interval(self, chat_id: str) -> float:
        interval = self.limits.chat_interval
        if self.is_group(chat_id):
            interval = max(interval, self.limits.group_interval)
        return interval * (1.02 if interval else 1.0)

    async def acquire(self, chat_id: str, *, urgent: bool = False) -> None:
        """Wait until one message may go to `chat_id`; the slot is taken when this returns.

        Waiters pass a gate one at a time, each at least `interval` after the previous one really
        passed: a stalled event loop delays sends but never lets them catch up in a burst. `urgent`
        (an answer to a command) passes before every waiting non-urgent one (digest messages), which
        get the slots in between; within each kind, first come first served.
        """
        while True:
            now = self._now()
            ready = max(self._pause_until, self._chat_ready.get(chat_id, 0.0))
            if ready > now:
                await self._sleep(ready - now)
                continue
            async with self._gate.entered(urgent=urgent):
                target = self._last_grant + self.interval
                if target > self._now():
                    await self._sleep(target - self._now())
                now = self._now()
                if max(self._pause_until, self._chat_ready.get(chat_id, 0.0)) > now:
                    continue  # told to wait (or this chat was served) while queued: back to waiting
                # a wake-up a little late keeps the schedule (no drift); a stall restarts it from now
                self._last_grant = target if target <= now <= target + self.interval / 4 else now
                self._chat_ready[chat_id] = now + self._chat_interval(chat_id)
                self.granted += 1
                if len(self._chat_ready) > 50_000:
                    self._forget(now)
                return

    def penalize(self, chat_id: str, retry_after: float) -> None:
        """The platform said "retry after `retry_after` s" for this chat."""
        now = self._now()
        until = now + max(0.0, retry_after)
        self._chat_ready[chat_id] = max(self._chat_ready.get(chat_id, 0.0), until)
        last = self._last_429
        if last is not None and last[1] != chat_id and now - last[0] <= FLOOD_WINDOW:
            self._pause_until = max(self._pause_until, until)
        self._last_429 = (now, chat_id)

    def _forget(self, now: float) -> None:
        self._chat_ready = {c: t for c, t in self._chat_ready.items() if t > now}


class Pacers:
    """One Pacer per platform, created on first use with the platform's limits (bot/platforms/registry.py;
    `limits` overrides them by platform name)."""

    def __init__(
        self,
        limits: dict[str, Limits] | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._limits = dict(limits or {})
        self._monotonic = monotonic
        self._sleep = sleep
        self._pacers: dict[str, Pacer] = {}
        self._workers = 1

    def __getitem__(self, platform: str) -> Pacer:
        pacer = self._pacers.get(platform)
        if pacer is None:
            limits = self._limits.get(platform) or _platform(platform).limits
            pacer = Pacer(platform, limits, monotonic=self._monotonic, sleep=self._sleep)
            pacer.share_with(self._workers)
            self._pacers[platform] = pacer
        return pacer

    def share_with(self, workers: int) -> None:
        for pacer in self._pacers.values():
            pacer.share_with(workers)
        self._workers = workers

    def __iter__(self) -> Iterator[Pacer]:
        return iter(list(self._pacers.values()))
