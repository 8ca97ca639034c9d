"""The layering rules of `make lint` ([tool.importlinter] in pyproject.toml): a copy of the packages
with one new module must fail the check exactly when that module breaks a rule."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_with(tmp_path: Path, module: str, source: str) -> subprocess.CompletedProcess[str]:
    ignore = shutil.ignore_patterns("__pycache__")
    for package in ("bot", "summarizer"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / module).write_text(source + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}  # the copy, not the installed checkout
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("module", "source", "contract"),
    [
        ("summarizer/probe.py", "import bot.settings", "summarizer never imports bot"),
        ("bot/probe.py", "import telegram", "only bot.platforms imports a chat SDK"),
        ("bot/render/probe.py", "from slack_bolt import App", "only bot.platforms imports a chat SDK"),
        ("summarizer/probe.py", "import slack_sdk", "only bot.platforms imports a chat SDK"),
    ],
)
def test_a_forbidden_import_fails_the_check(tmp_path: Path, module: str, source: str, contract: str) -> None:
    result = _lint_with(tmp_path, module, source)
    assert result.returncode != 0, result.stdout
    assert f"{contract} BROKEN" in result.stdout
    assert module.removesuffix(".py").replace("/", ".") in result.stdout


def test_a_platform_module_may_import_its_sdk(tmp_path: Path) -> None:
    result = _lint_with(tmp_path, "bot/platforms/probe.py", "import slack_sdk\nimport telegram")
    assert result.returncode == 0, result.stdout
    assert "Contracts: 2 kept, 0 broken." in result.stdout
