"""Every platform briefbot knows, by name. The app, the outbox's pacing, the settings, the log redactor,
the digest budget and the CLI read platforms only from here; adding a platform is its package under
bot/platforms/ and one line below. Importing this loads no chat library (see `Platform`)."""

from __future__ import annotations

from bot.platforms import console, slack, telegram, test
from bot.platforms.base import Platform

PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        telegram.PLATFORM,
        slack.PLATFORM,
        console.PLATFORM,
        test.PLATFORM,
    )
}
