"""Slack (slack-bolt): its settings, limits and renderer, registered in bot/platforms/registry.py. The
library loads only when the front end is made (`front_end.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.platforms.base import FrontEnd, Platform
from bot.platforms.slack import settings
from bot.platforms.slack.render import render_slack, shown_chars
from bot.ratelimit import Limits

if TYPE_CHECKING:
    from bot.commands import Commands
    from bot.reply import Reply
    from bot.settings import Settings

LIMITS = Limits(per_second=None, chat_interval=1.0)  # chat.postMessage: ≤ 1/s per channel


def fits(reply: Reply, max_chars: int) -> bool:
    """One Block Kit message whose shown text is within `max_chars`."""
    messages = render_slack(reply)
    return len(messages) == 1 and shown_chars(messages[0]) <= max_chars


def make_front_end(config: Settings, commands: Commands) -> FrontEnd:
    from bot.platforms.slack.front_end import SlackFrontEnd

    return SlackFrontEnd(config, commands)


PLATFORM = Platform(
    name="slack",
    settings=settings.SlackSettings,
    env=settings.ENV,
    secrets=settings.SECRETS,
    token_shapes=settings.TOKEN_SHAPES,
    limits=LIMITS,
    enabled=settings.enabled,
    problems=settings.problems,
    front_end=make_front_end,
    fits=fits,
    threads_long_digests=True,  # the sender posts every message after the first into its thread
    network_errors=(("slack_sdk.errors", "SlackClientError"),),
)
