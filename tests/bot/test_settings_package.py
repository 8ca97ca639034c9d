"""The built package carries its default settings: installed alone (not editable) and run from an empty
folder, briefbot reads config/default.toml from inside itself, not from a source tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "bot", "summarizer", "config")
# The copy that is built gets a default nobody else uses, so the installed package can only know it from
# the file it carries.
MARKED = ('timezone = "UTC"', 'timezone = "Pacific/Chatham"')


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the project's files (so the worktree gets no build/ or egg-info), its
    default time zone changed in config/default.toml."""
    root = tmp_path_factory.mktemp("wheel")
    src = root / "src"
    for name in SOURCES:
        if (REPO / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
            shutil.copytree(REPO / name, src / name, symlinks=True, ignore=ignore)
        else:
            src.mkdir(exist_ok=True)
            shutil.copy2(REPO / name, src / name)
    defaults = src / "config" / "default.toml"
    text = defaults.read_text(encoding="utf-8")
    assert MARKED[0] in text
    defaults.write_text(text.replace(*MARKED), encoding="utf-8")
    out = root / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out)]
    subprocess.run([*build, str(src)], check=True, capture_output=True, timeout=300)
    (found,) = out.glob("briefbot-*.whl")
    return found


def test_wheel_ships_the_default_settings(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as whl:
        shipped = whl.read("bot/config/default.toml").decode("utf-8")
    assert shipped == (REPO / "config" / "default.toml").read_text(encoding="utf-8").replace(*MARKED)


def test_installed_package_reads_its_defaults_from_an_empty_folder(wheel: Path, tmp_path: Path) -> None:
    target, empty = tmp_path / "site", tmp_path / "empty"
    empty.mkdir()
    install = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target"]
    subprocess.run([*install, str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    code = (
        "import bot.settings as s; from bot.settings import load_settings; "
        "print(s.__file__); c = load_settings(); print(c.timezone, c.database_url, c.sources)"
    )
    # Only the installed copy is importable: no PYTHONPATH to the repository, and not run from it.
    ran = subprocess.run(
        [sys.executable, "-c", code],
        cwd=empty,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    where, values = ran.stdout.splitlines()
    assert Path(where).is_relative_to(target)
    assert values == "Pacific/Chatham sqlite:///data/briefbot.sqlite3 ('seeds',)"
