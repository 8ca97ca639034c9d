"""Fixtures for the Slack tests: a seeded database and the running Slack harness (slack_support.py).

Loaded for every test module by `pytest_plugins` in tests/conftest.py.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.ingest import ingest_specs, make_analyser
from bot.store import open_database
from tests.bot.slack_support import Slack, slack_harness
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article ingested once into a SQLite file; each test works on a copy."""
    path = tmp_path_factory.mktemp("slack-db") / "seed.sqlite3"
    db = open_database(f"sqlite:///{path}")
    try:
        report = ingest_specs(db, [str(SEED)], make_analyser())
        assert len(report.new) == 1
    finally:
        db.dispose()
    return path


@pytest.fixture
async def slack(seeded_db: Path, tmp_path: Path) -> AsyncIterator[Slack]:
    db_path = tmp_path / "briefbot.sqlite3"
    shutil.copy(seeded_db, db_path)
    async for running in slack_harness(db_path):
        yield running
