"""A delivery process for the crash tests: one delivery pass with the real TelegramSender, then exit.

    python -m tests.bot.delivery_child DB_URL TELEGRAM_API_BASE_URL [--clock-offset S] [--concurrency N]

Prints the pass report as one JSON line. `--clock-offset` runs the process's clock ahead (a restart that
comes after the crashed process's leases ran out, without waiting for them in real time). The overall
rate limit is lifted (the fake API enforces none here) so 1,000 digests take seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

from bot.platforms.telegram.sender import TelegramSender
from bot.ratelimit import Limits
from bot.scheduler import DigestScheduler
from bot.settings import load_settings
from bot.store import open_database

TOKEN = "7000000001:AAHfakeTokenForTests_abcdefghijkLMNO"


async def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("db_url")
    p.add_argument("api_base_url")
    p.add_argument("--clock-offset", type=float, default=0.0)
    p.add_argument("--concurrency", type=int, default=32)
    p.add_argument("--lease", type=float, default=120.0)
    args = p.parse_args(argv)
    offset = timedelta(seconds=args.clock_offset)
    settings = load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=args.api_base_url)
    sender = TelegramSender.from_settings(settings)
    db = open_database(args.db_url)
    bot = DigestScheduler(
        db,
        settings,
        {"telegram": sender},
        clock=lambda: datetime.now(UTC) + offset,
        concurrency=args.concurrency,
        lease_seconds=args.lease,
        limits={"telegram": Limits(per_second=None, chat_interval=0.0)},
    )
    print("ready", flush=True)
    report = await bot.tick()
    await bot.stop()
    await sender.close()
    db.dispose()
    print(json.dumps(asdict(report)), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
