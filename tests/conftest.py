"""Shared fixtures: paths to the seed and the shared news data, a temporary database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared_data import REPO, SHARED_DATA

__all__ = ["REPO", "SEED", "SHARED_DATA"]

# The Telegram and Slack fixtures (pytest reads pytest_plugins only in the root conftest).
pytest_plugins = ["tests.bot.conftest_telegram", "tests.bot.conftest_slack"]

SEED = REPO / "seeds" / "000_5c41b8c896ed471e.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'briefbot.sqlite3'}"
