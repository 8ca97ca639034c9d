"""Fixtures for the Telegram tests: the fake Bot API, databases, running front ends.

Loaded for every test module by `pytest_plugins` in tests/conftest.py.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.commands import Commands
from bot.ingest import ingest_specs, make_analyser
from bot.platforms.telegram.front_end import TelegramFrontEnd
from bot.settings import Settings, load_settings
from bot.store import Database, open_database
from tests.conftest import SEED
from tests.fakes.telegram_api import FakeTelegramApi

# Shaped like a real token (digits:35 characters).
TOKEN = "7000000001:AAHfakeTokenForTests_abcdefghijkLMNO"
POLL_TIMEOUT = 0.5  # seconds; keeps start/stop quick

SettingsFactory = Callable[..., Settings]
FrontEndFactory = Callable[..., Awaitable[TelegramFrontEnd]]


def _ingested(path: Path, sources: tuple[Path, ...]) -> Database:
    db = open_database(f"sqlite:///{path}")
    ingest_specs(db, [str(s) for s in sources], make_analyser())
    return db


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegramApi]:
    """The fake Bot API; it accepts only TOKEN (`tg.token`)."""
    async with FakeTelegramApi(token=TOKEN) as fake:
        yield fake


@pytest.fixture
def telegram_settings(tg: FakeTelegramApi) -> SettingsFactory:
    """Settings pointing at the fake, with keyword overrides."""

    def make(**overrides: Any) -> Settings:
        return load_settings({}, telegram_bot_token=TOKEN, telegram_api_base_url=tg.base_url, **overrides)

    return make


@pytest.fixture
def telegram_ingest(tmp_path: Path) -> Iterator[Callable[..., Database]]:
    """telegram_ingest(*files_or_folders) -> a fresh SQLite database holding them, analysed as at ingest."""
    opened: list[Database] = []

    def make(*sources: Path) -> Database:
        db = _ingested(tmp_path / f"tg-{len(opened)}.sqlite3", sources)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.dispose()


@pytest.fixture(scope="module")
def telegram_seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed ingested once per module; each test gets its own copy (subscriptions are written)."""
    path = tmp_path_factory.mktemp("tg-seed") / "seed.sqlite3"
    _ingested(path, (SEED,)).dispose()
    return path


@pytest.fixture
def telegram_seed_db(telegram_seed_file: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "seed.sqlite3"
    shutil.copy(telegram_seed_file, copy)
    db = open_database(f"sqlite:///{copy}")
    yield db
    db.dispose()


@pytest.fixture
async def start_front_end(telegram_settings: SettingsFactory) -> AsyncIterator[FrontEndFactory]:
    """await start_front_end(db, **setting_overrides) -> a started TelegramFrontEnd (stopped after);
    `front` passes keyword arguments to TelegramFrontEnd (e.g. backoffs)."""
    started: list[TelegramFrontEnd] = []

    async def start(
        db: Database,
        commands: Commands | None = None,
        *,
        front: dict[str, Any] | None = None,
        **overrides: Any,
    ) -> TelegramFrontEnd:
        settings = telegram_settings(**overrides)
        options = {"poll_timeout": POLL_TIMEOUT, **(front or {})}
        front_end = TelegramFrontEnd(settings, commands or Commands(db, settings), **options)
        started.append(front_end)  # stopped after the test even when start() fails
        await front_end.start()
        return front_end

    yield start
    for front_end in reversed(started):
        await front_end.stop()


@pytest.fixture
async def polling_bot(start_front_end: FrontEndFactory, telegram_seed_db: Database) -> TelegramFrontEnd:
    """The real PTB Application long-polling the fake, answering from the seed database."""
    return await start_front_end(telegram_seed_db)
