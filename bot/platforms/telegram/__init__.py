"""Telegram (python-telegram-bot): its settings, limits and renderer, registered in
bot/platforms/registry.py. The library loads only when the front end is made (`front_end.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.platforms.base import FrontEnd, Platform
from bot.platforms.telegram import settings
from bot.platforms.telegram.render import LIMIT, render_telegram
from bot.ratelimit import Limits
from bot.render.common import visible_chars

if TYPE_CHECKING:
    from bot.commands import Commands
    from bot.reply import Reply
    from bot.settings import Settings

# ≤ 30 messages/s per bot overall, ≤ 1/s per chat, ≤ 20/min per group
LIMITS = Limits(per_second=30.0, chat_interval=1.0, group_interval=60.0 / 20)


def is_group(chat_id: str) -> bool:
    """Group and channel ids are negative."""
    return chat_id.startswith("-")


def fits(reply: Reply, max_chars: int) -> bool:
    """One message of Telegram HTML, within `max_chars` (and Telegram's own limit)."""
    if visible_chars(reply) > LIMIT:
        return False  # its HTML is at least this long: no need to render
    messages = render_telegram(reply, limit=LIMIT)
    return len(messages) == 1 and len(messages[0]) <= max_chars


def make_front_end(config: Settings, commands: Commands) -> FrontEnd:
    from bot.platforms.telegram.front_end import TelegramFrontEnd

    return TelegramFrontEnd(config, commands)


PLATFORM = Platform(
    name="telegram",
    settings=settings.TelegramSettings,
    env=settings.ENV,
    secrets=settings.SECRETS,
    token_shapes=(settings.TOKEN_SHAPE,),
    limits=LIMITS,
    is_group=is_group,
    enabled=settings.enabled,
    problems=settings.problems,
    front_end=make_front_end,
    fits=fits,
    network_errors=(("telegram.error", "NetworkError"),),
)
