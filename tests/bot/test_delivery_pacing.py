"""Send pacing: the overall rate, one chat's spacing, group spacing and "retry after", in real time with
the limits scaled up so the tests take a fraction of a second."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable

from bot.platforms.registry import PLATFORMS
from bot.ratelimit import Limits, Pacer


class VirtualTime:
    """A clock that moves only when the pacer sleeps: pacing checked without the machine's load in it.
    Valid where the pacer's sleeps do not overlap (the overall gate lets one waiter sleep at a time)."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


async def grant_times(
    pacer: Pacer, chats: list[str], now: Callable[[], float] = time.monotonic
) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []

    async def one(chat: str) -> None:
        await pacer.acquire(chat)
        out.append((chat, now()))

    await asyncio.gather(*(one(c) for c in chats))
    return sorted(out, key=lambda x: x[1])


def max_in_window(times: list[float], window: float) -> int:
    best, j = 0, 0
    for i, t in enumerate(times):
        while times[j] < t - window + 1e-9:
            j += 1
        best = max(best, i - j + 1)
    return best


async def test_overall_rate_is_kept_and_nearly_used() -> None:
    rate = 100.0  # Telegram's 30/s, scaled: same code path, a third of the time
    clock = VirtualTime()
    pacer = Pacer(
        "telegram", Limits(per_second=rate, chat_interval=0.0), monotonic=clock.monotonic, sleep=clock.sleep
    )
    started = clock.monotonic()
    grants = await grant_times(pacer, [str(i) for i in range(1, 81)], clock.monotonic)
    elapsed = grants[-1][1] - started
    times = [t for _, t in grants]
    assert max_in_window(times, 0.2) <= rate * 0.2 + 1  # never more than the rate in any window
    assert elapsed >= 79 / rate
    assert 79 / elapsed >= 0.9 * rate  # and the limit is used, not wasted


async def test_one_chat_waits_its_interval_other_chats_do_not() -> None:
    pacer = Pacer("slack", Limits(per_second=None, chat_interval=0.15))
    started = time.monotonic()
    grants = await grant_times(pacer, ["C1", "C1", "C1", *[f"C{i}" for i in range(2, 40)]])
    own = [t for c, t in grants if c == "C1"]
    assert all(b - a >= 0.15 for a, b in itertools.pairwise(own))
    others = [t for c, t in grants if c != "C1"]
    assert max(others) - started < 0.1  # not held up by C1's spacing


async def test_telegram_groups_are_spaced_for_twenty_a_minute() -> None:
    telegram, slack = PLATFORMS["telegram"], PLATFORMS["slack"]
    assert telegram.is_group("-1001234") and not telegram.is_group("42")
    assert not slack.is_group("-1")
    assert telegram.limits.group_interval * 20 >= 60 and telegram.limits.chat_interval >= 1.0
    scaled = Limits(per_second=None, chat_interval=0.01, group_interval=0.2)
    pacer = Pacer("telegram", scaled)
    grants = await grant_times(pacer, ["-5", "-5", "5", "5"])
    group = [t for c, t in grants if c == "-5"]
    private = [t for c, t in grants if c == "5"]
    assert group[1] - group[0] >= 0.2
    assert private[1] - private[0] < 0.1


async def test_retry_after_holds_the_chat_and_a_flood_holds_everyone() -> None:
    pacer = Pacer("telegram", Limits(per_second=None, chat_interval=0.0))
    pacer.penalize("1", 0.3)
    started = time.monotonic()
    other = asyncio.create_task(grant_times(pacer, ["2"]))
    await pacer.acquire("1")
    assert time.monotonic() - started >= 0.3
    assert (await other)[0][1] - started < 0.1  # one chat's "retry after": only that chat waits

    pacer.penalize("1", 0.3)
    pacer.penalize("2", 0.3)  # two chats told to wait within a second: a bot-wide flood limit
    started = time.monotonic()
    await pacer.acquire("3")
    assert time.monotonic() - started >= 0.3


async def test_workers_sharing_a_bot_split_the_overall_rate() -> None:
    pacer = Pacer("telegram", Limits(per_second=100.0, chat_interval=0.0))
    pacer.share_with(2)
    started = time.monotonic()
    await grant_times(pacer, [str(i) for i in range(21)])
    assert time.monotonic() - started >= 20 / 50  # 100/s shared by two workers: 50/s here


async def test_an_urgent_slot_passes_every_queued_one_and_a_cancelled_waiter_holds_no_one() -> None:
    pacer = Pacer("slack", Limits(per_second=50.0, chat_interval=0.0))
    order: list[str] = []

    async def take(name: str, urgent: bool = False) -> None:
        await pacer.acquire(name, urgent=urgent)
        order.append(name)

    queued = [asyncio.create_task(take(f"digest-{i}")) for i in range(6)]
    await asyncio.sleep(0)  # the first passes, the second waits its spacing at the gate, the rest queue
    gone = asyncio.create_task(take("gone", urgent=True))
    answer = asyncio.create_task(take("answer", urgent=True))
    await asyncio.sleep(0)
    gone.cancel()
    await asyncio.gather(*queued, answer)
    assert order[:3] == ["digest-0", "digest-1", "answer"]
    assert order[3:] == [f"digest-{i}" for i in range(2, 6)]  # digests keep their order
