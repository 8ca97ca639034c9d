"""Shared fixtures: paths to the seed and the shared news data, a temporary database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared_data import REPO, SHARED_DATA

__all__ = ["REPO", "SEED", "SHARED_DATA"]

SEED = REPO / "seeds" / "000_5c41b8c896ed471e.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'briefbot.sqlite3'}"
