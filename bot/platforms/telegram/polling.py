"""Long polling that one bad update cannot stall (the start-up retries are in telegram.py).

python-telegram-bot parses a whole getUpdates batch at once (`Bot.get_updates`): when one update cannot
be parsed it logs the entire batch at CRITICAL and the Updater asks for the same batch again at once,
forever (`Updater._start_polling`: the offset only moves past parsed updates, and a failed parse counts
as a success of the network loop, so there is no backoff). `PollingBot` parses each update on its own:
the ones before a bad update are handled at once; the bad one is asked for again with exponential
backoff and, after `max_tries`, skipped (its id confirmed by the next getUpdates offset). Log lines name
the update id and the exception type, never the update's content. Network errors of getUpdates are a
different case, left to PTB's own network retry loop (which backs off up to 30 s). The request itself
is made as PTB 22's `Bot.get_updates` makes it (`Bot._post`); only the parsing differs.

`PollingBot` also records when getUpdates last answered: the front end reports itself stalled when that
is longer ago than a few poll timeouts (`/healthz`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from telegram import Update
from telegram.error import NetworkError
from telegram.ext import ExtBot
from telegram.request import BaseRequest

log = logging.getLogger(__name__)

MAX_UPDATE_TRIES = 3  # reads of one unparseable update before it is skipped
UPDATE_BACKOFF = 1.0  # seconds before the second read of a bad update; doubles each time
UPDATE_BACKOFF_CAP = 30.0


def capped_backoff(attempt: int, base: float, cap: float) -> float:
    """base, 2·base, 4·base, … for attempt 1, 2, 3, …, never more than cap."""
    return min(cap, base * 2 ** max(0, attempt - 1))


class PollingBot(ExtBot[None]):
    """ExtBot whose getUpdates survives updates it cannot parse (see the module docstring)."""

    def __init__(
        self,
        token: str,
        *,
        base_url: str,
        base_file_url: str,
        request: BaseRequest,
        get_updates_request: BaseRequest,
        max_tries: int = MAX_UPDATE_TRIES,
        backoff: float = UPDATE_BACKOFF,
        backoff_cap: float = UPDATE_BACKOFF_CAP,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(
            token,
            base_url=base_url,
            base_file_url=base_file_url,
            request=request,
            get_updates_request=get_updates_request,
        )
        self._updates_request = get_updates_request
        self._guard = _BadUpdates(max_tries, backoff, backoff_cap, clock)
        self._clock = clock
        self._last_polled: float | None = None
        # (PTB's objects are frozen after __init__: only underscored attributes may change later)

    @property
    def last_polled(self) -> float | None:
        """clock() when getUpdates last answered (None: not yet)."""
        return self._last_polled

    async def get_updates(
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: float | dt.timedelta | None = None,
        allowed_updates: Sequence[str] | None = None,
        *,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
        api_kwargs: dict[str, Any] | None = None,
    ) -> tuple[Update, ...]:
        seconds = timeout.total_seconds() if isinstance(timeout, dt.timedelta) else float(timeout or 0)
        if seconds > 0:  # a long poll (not PTB's final confirming call at stop): keep the backoff
            await self._guard.wait()
        offset = self._guard.offset(offset)
        # like Bot.get_updates: a long poll may take `timeout` seconds on top of the read timeout
        read = (
            read_timeout
            if isinstance(read_timeout, int | float)
            else ((self._updates_request.read_timeout or 0) + seconds)
        )
        timeouts = {
            k: v
            for k, v in (
                ("write_timeout", write_timeout),
                ("connect_timeout", connect_timeout),
                ("pool_timeout", pool_timeout),
            )
            if isinstance(v, int | float)
        }
        # Bot._post, as Bot.get_updates calls it (PTB 22): the same request, minus the batch parse
        raw = await self._post(
            "getUpdates",
            {"offset": offset, "limit": limit, "timeout": seconds, "allowed_updates": allowed_updates},
            read_timeout=read,
            api_kwargs=api_kwargs,
            **timeouts,
        )
        if not isinstance(raw, list):
            raise NetworkError("getUpdates did not answer a list of updates")
        updates = self._guard.parse(raw, lambda item: Update.de_json(item, self))
        self._last_polled = self._clock()
        return updates


class _BadUpdates:
    """Tries per unparseable update id, the backoff before the next read, and ids skipped for good."""

    def __init__(self, max_tries: int, backoff: float, cap: float, clock: Callable[[], float]) -> None:
        self.max_tries = max(1, max_tries)
        self.backoff, self.cap, self.clock = backoff, cap, clock
        self.tries: dict[int, int] = {}
        self.skip_below = 0  # the next getUpdates offset is at least this: confirms skipped updates
        self.not_before = 0.0

    async def wait(self) -> None:
        pause = self.not_before - self.clock()
        if pause > 0:
            await asyncio.sleep(pause)

    def offset(self, offset: int | None) -> int | None:
        return max(offset or 0, self.skip_below) or offset

    def parse(self, raw: list[Any], parse_one: Callable[[Any], Update | None]) -> tuple[Update, ...]:
        """The updates of a batch up to the first one that cannot be parsed (it is read again after the
        backoff), or past it once it had its tries (then skipped)."""
        updates: list[Update] = []
        for item in raw:
            update_id = item.get("update_id") if isinstance(item, dict) else None
            if not isinstance(update_id, int):  # nothing to confirm it by: the answer itself is broken
                raise NetworkError("getUpdates answered an update without an update_id")
            try:
                update = parse_one(item)
            except Exception as exc:  # any parse failure; only its type is logged
                if self._retry(update_id, type(exc).__name__):
                    break
                continue
            self.tries.pop(update_id, None)
            if update is not None:
                updates.append(update)
        return tuple(updates)

    def _retry(self, update_id: int, error: str) -> bool:
        """Count a failed read; True: read it again after the backoff, False: skip it for good."""
        tries = self.tries[update_id] = self.tries.get(update_id, 0) + 1
        if tries < self.max_tries:
            pause = capped_backoff(tries, self.backoff, self.cap)
            self.not_before = self.clock() + pause
            log.warning(
                "telegram: update %d could not be read (%s), try %d of %d; next in %.1f s",
                update_id,
                error,
                tries,
                self.max_tries,
                pause,
                extra={"update_id": update_id},
            )
            return True
        del self.tries[update_id]
        self.skip_below = max(self.skip_below, update_id + 1)
        log.error(
            "telegram: update %d skipped: it could not be read in %d tries (%s)",
            update_id,
            tries,
            error,
            extra={"update_id": update_id},
        )
        return False


__all__ = ["MAX_UPDATE_TRIES", "PollingBot", "capped_backoff"]
