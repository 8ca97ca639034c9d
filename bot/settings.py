"""One typed settings object: config/default.toml, then an optional BRIEFBOT_CONFIG file, then the
environment. Every setting is read here and passed down; nothing else reads the environment."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from summarizer.algorithms import ALGORITHMS as _ALGORITHMS

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config" / "default.toml"

# Settings read from the platforms' conventional variable names as well as BRIEFBOT_<NAME>.
PLATFORM_ENV = {
    "telegram_bot_token": "TELEGRAM_BOT_TOKEN",
    "telegram_api_base_url": "TELEGRAM_API_BASE_URL",
    "telegram_webhook_url": "TELEGRAM_WEBHOOK_URL",
    "telegram_webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
    "slack_bot_token": "SLACK_BOT_TOKEN",
    "slack_app_token": "SLACK_APP_TOKEN",
    "slack_signing_secret": "SLACK_SIGNING_SECRET",
    "slack_api_base_url": "SLACK_API_BASE_URL",
}
SECRET_FIELDS = frozenset(
    {"telegram_bot_token", "telegram_webhook_secret", "slack_bot_token", "slack_app_token",
     "slack_signing_secret"}
)


class SettingsError(ValueError):
    """A setting has a value briefbot cannot use; the message names it."""


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///data/briefbot.sqlite3"
    database_connect_timeout_seconds: int = 5
    database_statement_timeout_seconds: int = 30
    sources: tuple[str, ...] = ("seeds",)
    poll_interval_seconds: int = 300
    timezone: str = "UTC"
    default_delivery_time: str = "08:00"
    empty_digest: str = "notice"
    summary_algorithm: str = "default"
    summary_sentences: int = 3
    digest_max_items: int = 12
    digest_max_chars: int = 6000
    http_port: int | None = None
    http_host: str = "0.0.0.0"
    http_header_timeout_seconds: int = 10
    log_level: str = "INFO"
    log_format: str = "auto"
    telegram_bot_token: str | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = None
    slack_bot_token: str | None = None
    slack_app_token: str | None = None
    slack_signing_secret: str | None = None
    slack_api_base_url: str = "https://slack.com/api/"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_bot_token)

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token)

    def secrets(self) -> list[str]:
        """Values that must never be printed or logged (tokens, signing secrets, database password)."""
        values = [getattr(self, name) for name in SECRET_FIELDS]
        _scheme, sep, rest = self.database_url.partition("://")
        if sep and "@" in rest:
            creds = rest.rpartition("@")[0]
            if ":" in creds:
                password = creds.split(":", 1)[1]
                values += [password, unquote(password)]  # as written in the URL, and as a driver shows it
        return list(dict.fromkeys(v for v in values if v))

    def masked(self) -> dict[str, Any]:
        """Every setting, secrets shown as `****` plus their last 4 characters at most."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            if f.name in SECRET_FIELDS and value:
                value = "****" + (value[-4:] if len(value) >= 16 else "")
            elif f.name == "database_url" and isinstance(value, str):
                value = mask_url_password(value)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


def mask_url_password(url: str) -> str:
    """postgresql://user:secret@host/db -> postgresql://user:****@host/db"""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, _at, host = rest.rpartition("@")
    if ":" in creds:
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:****@{host}"
    return url


def _coerce(name: str, raw: Any) -> Any:
    target = {f.name: f for f in fields(Settings)}[name]
    kind = str(target.type)
    if raw is None:
        return None
    if "tuple" in kind:
        if isinstance(raw, str):
            return tuple(s.strip() for s in raw.split(",") if s.strip())
        return tuple(str(s) for s in raw)
    if "int" in kind:
        if isinstance(raw, str) and raw.strip() == "" and "None" in kind:
            return None
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if isinstance(raw, str) and raw.strip() == "" and "None" in kind:
        return None
    return str(raw)


def load_settings(
    env: Mapping[str, str] | None = None, config_file: Path | None = None, **overrides: Any
) -> Settings:
    """Defaults < config/default.toml < BRIEFBOT_CONFIG file < environment < keyword overrides."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    known = {f.name for f in fields(Settings)} - {"extra"}
    files = [DEFAULT_CONFIG]
    custom = config_file or (Path(env["BRIEFBOT_CONFIG"]) if env.get("BRIEFBOT_CONFIG") else None)
    if custom is not None:
        if not custom.is_file():
            raise SettingsError(f"config file {custom} does not exist")
        files.append(custom)
    extra: dict[str, Any] = {}
    for path in files:
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: {exc}") from None
        for key, raw in data.items():
            if key in known:
                values[key] = _coerce(key, raw)
            else:
                extra[key] = raw
    for name in known:
        for var in (f"BRIEFBOT_{name.upper()}", PLATFORM_ENV.get(name)):
            if var and var in env:
                values[name] = _coerce(name, env[var])
    for name, raw in overrides.items():
        if name not in known:
            raise TypeError(f"unknown setting {name}")
        values[name] = raw if not isinstance(raw, list) else tuple(raw)
    settings = Settings(**values)
    return replace(settings, extra=extra)


WEBHOOK_SECRET_MIN = 16  # Telegram accepts 1-256 characters; a short one can be guessed
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]+")


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


_TELEGRAM_TOKEN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,64}$")


def validate_settings(settings: Settings) -> list[str]:
    """Every problem with the settings, one clear sentence each (empty when all is well).

    Secrets are never quoted back: a bad token is described, not shown.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from bot.localtime import TimeInputError, parse_hhmm, read_zone

    problems: list[str] = []
    try:
        read_zone(settings.timezone)
    except TimeInputError as exc:  # names the closest zones, or explains "CET" and "UTC+2"
        problems.append(f"timezone: {exc}")
    try:
        url = make_url(settings.database_url)
        if url.get_backend_name() not in {"sqlite", "postgresql", "mysql", "mariadb"}:
            problems.append(f"database_url: unsupported database {url.get_backend_name()!r}")
    except ArgumentError:
        problems.append(f"database_url: malformed URL {mask_url_password(settings.database_url)!r} "
                        "(expected e.g. sqlite:///data/briefbot.sqlite3 or postgresql+psycopg://u:p@host/db)")
    if parse_hhmm(settings.default_delivery_time) is None:
        problems.append(f"default_delivery_time: {settings.default_delivery_time!r} is not HH:MM")
    if settings.empty_digest not in {"notice", "silent"}:
        problems.append(f"empty_digest: {settings.empty_digest!r} is neither 'notice' nor 'silent'")
    if settings.summary_algorithm not in _ALGORITHMS:
        problems.append(f"summary_algorithm: unknown {settings.summary_algorithm!r}; "
                        f"choose one of {', '.join(_ALGORITHMS)}")
    if not 1 <= settings.summary_sentences <= 10:
        problems.append("summary_sentences: must be between 1 and 10")
    if settings.digest_max_items < 1 or settings.digest_max_chars < 200:
        problems.append("digest_max_items must be ≥ 1 and digest_max_chars ≥ 200")
    if settings.http_port is not None and not 0 <= settings.http_port <= 65535:
        problems.append(f"http_port: {settings.http_port} is not a TCP port (0-65535)")
    for name in ("database_connect_timeout_seconds", "database_statement_timeout_seconds",
                 "http_header_timeout_seconds"):
        if getattr(settings, name) < 1:
            problems.append(f"{name}: must be at least 1")
    if settings.poll_interval_seconds < 10:
        problems.append("poll_interval_seconds: must be at least 10")
    if settings.log_level.upper() not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        problems.append(f"log_level: {settings.log_level!r} is not a logging level")
    if settings.log_format not in {"auto", "json", "text"}:
        problems.append(f"log_format: {settings.log_format!r} is not auto, json or text")
    if not settings.sources:
        problems.append("sources: no sources configured")
    if settings.telegram_bot_token and not _TELEGRAM_TOKEN.match(settings.telegram_bot_token):
        problems.append("telegram_bot_token (TELEGRAM_BOT_TOKEN): not of the shape 123456789:AA… "
                        "that @BotFather issues")
    if settings.telegram_webhook_url:
        if not settings.telegram_webhook_url.startswith("https://"):
            problems.append("telegram_webhook_url: Telegram only delivers webhooks to https:// URLs")
        problem = webhook_secret_problem(settings.telegram_webhook_secret)
        if problem:
            problems.append(f"telegram_webhook_secret (TELEGRAM_WEBHOOK_SECRET): {problem}")
    if settings.slack_bot_token and not settings.slack_bot_token.startswith("xoxb-"):
        problems.append("slack_bot_token (SLACK_BOT_TOKEN): a bot token starts with xoxb-")
    if settings.slack_app_token and not settings.slack_app_token.startswith("xapp-"):
        problems.append("slack_app_token (SLACK_APP_TOKEN): an app-level token starts with xapp-")
    if settings.slack_bot_token and not settings.slack_app_token and not settings.slack_signing_secret:
        problems.append("slack_signing_secret (SLACK_SIGNING_SECRET): required for Slack over HTTP "
                        "(or set SLACK_APP_TOKEN for Socket Mode)")
    for name in ("telegram_api_base_url", "slack_api_base_url"):
        if not getattr(settings, name).startswith(("http://", "https://")):
            problems.append(f"{name}: must be an http(s) URL")
    return problems
