"""Tests and benchmarks find ../shared/data from a clone made anywhere."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.shared_data import find_shared_data


def _git(*args: str) -> None:
    subprocess.run(["git", *args], check=True, capture_output=True)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A checkout with shared/data beside it, as on the development machine and in CI."""
    (tmp_path / "work" / "shared" / "data").mkdir(parents=True)
    main = tmp_path / "work" / "main"
    main.mkdir()
    _git("-C", str(main), "init", "-q")
    who = ("-c", "user.name=t", "-c", "user.email=t@t")
    _git("-C", str(main), *who, "commit", "-q", "--allow-empty", "-m", "x")
    return main


def test_data_beside_the_checkout(checkout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFBOT_SHARED_DATA", raising=False)
    assert find_shared_data(checkout) == checkout.parent / "shared" / "data"


def test_a_clone_elsewhere_finds_the_data_beside_its_origin(
    checkout: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFBOT_SHARED_DATA", raising=False)
    clone = tmp_path / "elsewhere" / "b"
    _git("clone", "-q", str(checkout), str(clone))
    again = tmp_path / "further" / "c"
    _git("clone", "-q", str(clone), str(again))
    assert find_shared_data(clone) == (checkout.parent / "shared" / "data").resolve()
    assert find_shared_data(again) == (checkout.parent / "shared" / "data").resolve()


def test_the_environment_names_it_outright_and_a_miss_names_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lone = tmp_path / "lone" / "repo"
    lone.mkdir(parents=True)
    monkeypatch.delenv("BRIEFBOT_SHARED_DATA", raising=False)
    assert find_shared_data(lone) == lone.parent / "shared" / "data"
    monkeypatch.setenv("BRIEFBOT_SHARED_DATA", str(tmp_path / "data"))
    assert find_shared_data(lone) == (tmp_path / "data").resolve()
