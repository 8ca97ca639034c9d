"""Slack's settings: the bot token, Socket Mode's app token or HTTP's signing secret, the Web API URL;
and what is wrong with them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from bot.platforms.base import PlatformSettings

if TYPE_CHECKING:
    from bot.settings import Settings

ENV = {
    "slack_bot_token": "SLACK_BOT_TOKEN",
    "slack_app_token": "SLACK_APP_TOKEN",
    "slack_signing_secret": "SLACK_SIGNING_SECRET",
    "slack_api_base_url": "SLACK_API_BASE_URL",
}
SECRETS = frozenset({"slack_bot_token", "slack_app_token", "slack_signing_secret"})
TOKEN_SHAPES = (
    r"xox[abposr]-[A-Za-z0-9-]{8,}",  # bot and user tokens
    r"xapp-[A-Za-z0-9-]{8,}",  # app-level token
)


class SlackSettings(PlatformSettings):
    slack_bot_token: str | None = Field(default=None, repr=False)
    slack_app_token: str | None = Field(default=None, repr=False)
    slack_signing_secret: str | None = Field(default=None, repr=False)
    slack_api_base_url: str


def enabled(settings: Settings) -> bool:
    return bool(SlackSettings.of(settings).slack_bot_token)


def problems(settings: Settings) -> list[str]:
    """What is wrong with the Slack settings, one sentence each; secrets are described, never shown."""
    s = SlackSettings.of(settings)
    found: list[str] = []
    if s.slack_bot_token and not s.slack_bot_token.startswith("xoxb-"):
        found.append("slack_bot_token (SLACK_BOT_TOKEN): a bot token starts with xoxb-")
    if s.slack_app_token and not s.slack_app_token.startswith("xapp-"):
        found.append("slack_app_token (SLACK_APP_TOKEN): an app-level token starts with xapp-")
    if s.slack_bot_token and not s.slack_app_token and not s.slack_signing_secret:
        found.append(
            "slack_signing_secret (SLACK_SIGNING_SECRET): required for Slack over HTTP "
            "(or set SLACK_APP_TOKEN for Socket Mode)"
        )
    if not s.slack_api_base_url.startswith(("http://", "https://")):
        found.append("slack_api_base_url: must be an http(s) URL")
    return found
