"""The in-process `test` platform: no network and no library; a test speaks as a user of a chat and reads
what briefbot sent there (answers and digests), through the same registry, commands, outbox and
renderer path as Telegram and Slack. Off unless `test_platform = true` (BRIEFBOT_TEST_PLATFORM=true).
It was added as CONTRIBUTING.md's "add a platform" recipe says: this package and one registry line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.platforms.base import FrontEnd, Platform, PlatformSettings

if TYPE_CHECKING:
    from bot.commands import Commands
    from bot.settings import Settings


class InProcessSettings(PlatformSettings):
    test_platform: bool  # default in bot/config/default.toml: false


def enabled(settings: Settings) -> bool:
    return InProcessSettings.of(settings).test_platform


def make_front_end(config: Settings, commands: Commands) -> FrontEnd:
    from bot.platforms.test.front_end import InProcessFrontEnd

    return InProcessFrontEnd(config, commands)


PLATFORM = Platform(
    name="test",
    settings=InProcessSettings,
    enabled=enabled,
    front_end=make_front_end,
)
