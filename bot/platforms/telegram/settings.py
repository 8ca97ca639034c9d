"""Telegram's settings: the bot token, the Bot API server, webhook mode; and what is wrong with them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import Field

from bot.platforms.base import PlatformSettings

if TYPE_CHECKING:
    from bot.settings import Settings

ENV = {
    "telegram_bot_token": "TELEGRAM_BOT_TOKEN",
    "telegram_api_base_url": "TELEGRAM_API_BASE_URL",
    "telegram_webhook_url": "TELEGRAM_WEBHOOK_URL",
    "telegram_webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
}
SECRETS = frozenset({"telegram_bot_token", "telegram_webhook_secret"})
TOKEN_SHAPE = r"\d{3,20}:[A-Za-z0-9_-]{30,64}"  # what @BotFather issues
_TOKEN = re.compile(f"^{TOKEN_SHAPE}$")
WEBHOOK_SECRET_MIN = 16  # Telegram accepts 1-256 characters; a short one can be guessed
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]+")


class TelegramSettings(PlatformSettings):
    telegram_bot_token: str | None = Field(default=None, repr=False)
    telegram_api_base_url: str
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = Field(default=None, repr=False)


def enabled(settings: Settings) -> bool:
    return bool(TelegramSettings.of(settings).telegram_bot_token)


def webhook_secret_problem(secret: str | None) -> str | None:
    """Why `secret` cannot guard the Telegram webhook, or None when it can. Never quotes the secret."""
    if not secret:
        return "required in webhook mode"
    if not _WEBHOOK_SECRET.fullmatch(secret) or len(secret) > 256:
        return "only A-Z, a-z, 0-9, _ and - are allowed, at most 256 characters"
    if len(secret) < WEBHOOK_SECRET_MIN:
        return (
            f"too short ({len(secret)} characters): use at least {WEBHOOK_SECRET_MIN}, e.g. the output "
            "of `python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`"
        )
    return None


def problems(settings: Settings) -> list[str]:
    """What is wrong with the Telegram settings, one sentence each; secrets are described, never shown."""
    s = TelegramSettings.of(settings)
    found: list[str] = []
    if s.telegram_bot_token and not _TOKEN.match(s.telegram_bot_token):
        found.append(
            "telegram_bot_token (TELEGRAM_BOT_TOKEN): not of the shape 123456789:AA… that @BotFather issues"
        )
    if s.telegram_webhook_url:
        if not s.telegram_webhook_url.startswith("https://"):
            found.append("telegram_webhook_url: Telegram only delivers webhooks to https:// URLs")
        problem = webhook_secret_problem(s.telegram_webhook_secret)
        if problem:
            found.append(f"telegram_webhook_secret (TELEGRAM_WEBHOOK_SECRET): {problem}")
    if not s.telegram_api_base_url.startswith(("http://", "https://")):
        found.append("telegram_api_base_url: must be an http(s) URL")
    return found
