"""One typed settings object: the packaged defaults (bot/config/default.toml, linked from config/), then
an optional BRIEFBOT_CONFIG file, then the environment. Every setting is read here and passed down;
nothing else reads the environment.

pydantic-settings does the reading, typing and rejecting of unknown keys; `load_settings` turns its
errors into one line each, naming the setting (and, for a misspelt key, the closest valid one)."""

from __future__ import annotations

import difflib
import os
import tomllib
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import unquote

from pydantic import ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings.sources.utils import parse_env_vars

from bot.platforms.registry import PLATFORMS
from summarizer.algorithms import ALGORITHMS as _ALGORITHMS

# Every default is written once, in this file (shipped inside the package, so an installed briefbot finds
# it from any folder); the model below repeats none of them. Settings without a default are None.
DEFAULT_CONFIG: Traversable = files("bot").joinpath("config", "default.toml")
ENV_PREFIX = "BRIEFBOT_"

# Each platform's settings are its package's section (bot/platforms/<name>/): its fields, their own
# environment names (e.g. TELEGRAM_BOT_TOKEN, read as well as BRIEFBOT_<NAME>; when both are set, the
# platform's name wins) and which of them are secrets.
_SECTIONS = [p.settings for p in PLATFORMS.values() if p.settings is not None]
PLATFORM_ENV: dict[str, str] = {name: var for p in PLATFORMS.values() for name, var in p.env.items()}
SECRET_FIELDS: frozenset[str] = frozenset().union(*(p.secrets for p in PLATFORMS.values()))


class SettingsError(ValueError):
    """A setting has a value briefbot cannot use; the message names it."""


class _CoreSettings(BaseSettings):
    """The settings of briefbot itself; `Settings` adds every platform's section."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, extra="forbid", frozen=True, coerce_numbers_to_str=True
    )

    database_url: str
    database_connect_timeout_seconds: int
    database_statement_timeout_seconds: int
    sources: Annotated[tuple[str, ...], NoDecode]  # environment: comma-separated, not JSON
    poll_interval_seconds: int
    timezone: str
    default_delivery_time: str
    empty_digest: str
    summary_algorithm: str
    summary_sentences: int
    ner_model: bool
    analysis_workers: int
    story_retention_days: int
    digest_max_items: int
    digest_max_chars: int
    chat_sources_max: int
    http_port: int | None = None
    http_host: str
    http_header_timeout_seconds: int
    log_level: str
    log_format: str

    @model_validator(mode="before")
    @classmethod
    def _blank_means_unset(cls, data: Any) -> Any:
        """`BRIEFBOT_HTTP_PORT=` or `telegram_webhook_url = ""` leave an optional setting unset."""
        if not isinstance(data, dict):
            return data
        optional = {name for name, f in cls.model_fields.items() if not f.is_required()}
        return {
            key: None if key in optional and isinstance(value, str) and not value.strip() else value
            for key, value in data.items()
        }

    @field_validator("sources", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(s.strip() for s in value.split(",") if s.strip())
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Highest first: keyword values, environment, BRIEFBOT_CONFIG file, packaged defaults."""
        environ, config_file = _LOADING.get()
        sources: list[PydanticBaseSettingsSource] = [init_settings, _Environment(settings_cls, environ)]
        if config_file is not None:
            sources.append(_TomlFile(settings_cls, config_file))
        sources.append(_TomlFile(settings_cls, DEFAULT_CONFIG))
        return tuple(sources)

    def enabled(self, platform: str) -> bool:
        """Whether `briefbot run` serves this registered platform."""
        return PLATFORMS[platform].enabled(self)

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
        core = list(_CoreSettings.model_fields)
        for name in [*core, *(n for section in _SECTIONS for n in section.model_fields if n not in core)]:
            value = getattr(self, name)
            if name in SECRET_FIELDS and value:
                value = "****" + (value[-4:] if len(value) >= 16 else "")
            elif name == "database_url" and isinstance(value, str):
                value = mask_url_password(value)
            out[name] = list(value) if isinstance(value, tuple) else value
        return out


if TYPE_CHECKING:
    # Platform code reads its own section, typed (`TelegramSettings.of(settings)`); to the type checker
    # Settings is the core alone, so a platform's field read anywhere else is an error.
    Settings = _CoreSettings
else:
    _clashes = [
        n
        for n, count in Counter(n for m in (_CoreSettings, *_SECTIONS) for n in m.model_fields).items()
        if count > 1
    ]
    if _clashes:  # a platform's section would silently take over another's (or briefbot's) setting
        raise RuntimeError(f"settings defined twice by the registered platforms: {', '.join(_clashes)}")

    class Settings(_CoreSettings, *_SECTIONS):
        """Every setting briefbot reads: its own and each registered platform's section. Built directly
        (`Settings(x=...)`), it takes the packaged defaults and the given values only; `load_settings`
        adds the BRIEFBOT_CONFIG file and the environment."""


# What `load_settings` hands to `settings_customise_sources`: the environment and the BRIEFBOT_CONFIG file.
# A plain `Settings(...)` sees neither, as before settings were read by a library.
_LOADING: ContextVar[tuple[Mapping[str, str], Path | None]] = ContextVar("_LOADING", default=({}, None))


class _Environment(EnvSettingsSource):
    """BRIEFBOT_<NAME> from a given mapping (os.environ by default), the platforms' names included."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        merged = dict(self._environ)
        for name, var in PLATFORM_ENV.items():
            if var in self._environ:
                merged[f"{ENV_PREFIX}{name.upper()}"] = self._environ[var]
        return parse_env_vars(merged, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)


class _TomlFile(TomlConfigSettingsSource):
    """One TOML file; a syntax error names the file."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path | Traversable) -> None:
        super().__init__(settings_cls, toml_file=path)

    def _read_file(self, file_path: Path | Traversable) -> dict[str, Any]:
        try:
            return super()._read_file(file_path)
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{file_path}: {exc}") from None


@contextmanager
def _reading(environ: Mapping[str, str], config_file: Path | None) -> Iterator[None]:
    token = _LOADING.set((environ, config_file))
    try:
        yield
    finally:
        _LOADING.reset(token)


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


def load_settings(
    env: Mapping[str, str] | None = None, config_file: Path | None = None, **overrides: Any
) -> Settings:
    """Packaged default.toml < BRIEFBOT_CONFIG file < environment < keyword overrides.

    Raises SettingsError, one line per problem: an unknown key (with the closest valid name), a value
    of the wrong type, a config file that is missing or not TOML.
    """
    env = os.environ if env is None else env
    custom = config_file or (Path(env["BRIEFBOT_CONFIG"]) if env.get("BRIEFBOT_CONFIG") else None)
    if custom is not None and not custom.is_file():
        raise SettingsError(f"config file {custom} does not exist")
    try:
        with _reading(env, custom):
            return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsError("; ".join(_describe(error, custom) for error in exc.errors())) from None


def _describe(error: Any, custom: Path | None) -> str:
    """One pydantic error as a sentence naming the setting; never quotes a secret's value."""
    name = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        where = _file_defining(name, custom)
        close = difflib.get_close_matches(name, list(Settings.model_fields), n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"the settings are those of {DEFAULT_CONFIG}"
        return f"unknown setting {name!r}{f' in {where}' if where else ''}; {hint}"
    if kind == "missing":
        return f"{name}: no value (the defaults file {DEFAULT_CONFIG} is missing or lacks it)"
    if kind in {"int_parsing", "int_from_float"} and name not in SECRET_FIELDS:
        return f"{name} must be a whole number, got {error['input']!r}"
    return f"{name}: {error['msg']}"


def _file_defining(key: str, custom: Path | None) -> Path | Traversable | None:
    for path in (custom, DEFAULT_CONFIG):
        if path is not None and path.is_file() and key in tomllib.loads(path.read_text(encoding="utf-8")):
            return path
    return None


def validate_settings(settings: Settings) -> list[str]:
    """Every problem with the settings, one clear sentence each (empty when all is well).

    Secrets are never quoted back: a bad token is described, not shown.
    """
    return [
        *_place_and_storage_problems(settings),
        *_value_problems(settings),
        *(problem for p in PLATFORMS.values() for problem in p.problems(settings)),
    ]


def _place_and_storage_problems(settings: Settings) -> list[str]:
    """The time zone, read as /subscribe reads one, and the database URL."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from bot.localtime import TimeInputError, read_zone

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
        problems.append(
            f"database_url: malformed URL {mask_url_password(settings.database_url)!r} "
            "(expected e.g. sqlite:///data/briefbot.sqlite3 or postgresql+psycopg://u:p@host/db)"
        )
    return problems


def _value_problems(settings: Settings) -> list[str]:
    """Choices and ranges of the plain settings."""
    from bot.localtime import parse_hhmm

    s = settings
    checks: list[tuple[bool, str]] = [
        (
            parse_hhmm(s.default_delivery_time) is None,
            f"default_delivery_time: {s.default_delivery_time!r} is not HH:MM",
        ),
        (
            s.empty_digest not in {"notice", "silent"},
            f"empty_digest: {s.empty_digest!r} is neither 'notice' nor 'silent'",
        ),
        (
            s.summary_algorithm not in _ALGORITHMS,
            f"summary_algorithm: unknown {s.summary_algorithm!r}; choose one of {', '.join(_ALGORITHMS)}",
        ),
        (not 1 <= s.summary_sentences <= 10, "summary_sentences: must be between 1 and 10"),
        (
            s.digest_max_items < 1 or s.digest_max_chars < 200,
            "digest_max_items must be ≥ 1 and digest_max_chars ≥ 200",
        ),
        (
            s.http_port is not None and not 0 <= s.http_port <= 65535,
            f"http_port: {s.http_port} is not a TCP port (0-65535)",
        ),
        *(
            (getattr(s, name) < 1, f"{name}: must be at least 1")
            for name in (
                "database_connect_timeout_seconds",
                "database_statement_timeout_seconds",
                "http_header_timeout_seconds",
            )
        ),
        (s.poll_interval_seconds < 10, "poll_interval_seconds: must be at least 10"),
        (s.chat_sources_max < 0, "chat_sources_max: must be 0 or more"),
        (s.analysis_workers < 0, "analysis_workers: must be 0 (one per core) or more"),
        (s.story_retention_days < 0, "story_retention_days: must be 0 (keep every story) or more"),
        (
            s.log_level.upper() not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"},
            f"log_level: {s.log_level!r} is not a logging level",
        ),
        (
            s.log_format not in {"auto", "json", "text"},
            f"log_format: {s.log_format!r} is not auto, json or text",
        ),
        (not s.sources, "sources: no sources configured"),
    ]
    return [problem for failed, problem in checks if failed]
