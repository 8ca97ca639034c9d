"""Platforms are plug-ins: outside its package under bot/platforms/ and the registry, no code names a
platform (its name as a value, its settings, its modules), so adding one is a package and one registry
line. Documentation (docstrings, comments, help text) may still mention them."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.platforms.registry import PLATFORMS
from bot.settings import PLATFORM_ENV, SECRET_FIELDS, Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "bot" / "platforms" / "registry.py"
# "test" and "console" are words of their own: the platforms named below are the ones with a library
NAMED = [name for name in PLATFORMS if name not in {"test", "console"}]


def _code_names(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Identifiers, imported module names and short string values (a docstring or help text is longer
    than a word: those are documentation)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            yield node.lineno, node.id
        elif isinstance(node, ast.Attribute):
            yield node.lineno, node.attr
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.keyword) and node.arg:
            yield node.lineno, node.arg
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and " " not in node.value:
            yield node.lineno, node.value


def _outside_their_packages() -> Iterator[Path]:
    for path in sorted([*(ROOT / "bot").rglob("*.py"), *(ROOT / "summarizer").rglob("*.py")]):
        inside = path.relative_to(ROOT / "bot").parts[:2] if path.is_relative_to(ROOT / "bot") else ()
        if path == REGISTRY or (len(inside) == 2 and inside[0] == "platforms" and inside[1] in PLATFORMS):
            continue
        yield path


@pytest.mark.parametrize("name", NAMED)
def test_no_code_outside_its_package_names_a_platform(name: str) -> None:
    pattern = re.compile(rf"\b{name}\b|\b{name}_|\.{name}\b", re.IGNORECASE)
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in _outside_their_packages()
        for line, text in _code_names(ast.parse(path.read_text(encoding="utf-8")))
        if pattern.search(text)
    ]
    assert found == []


def test_each_platform_brings_its_settings_env_names_and_secrets() -> None:
    for platform in PLATFORMS.values():
        section = platform.settings
        fields = set(section.model_fields) if section else set()
        assert fields <= set(Settings.model_fields)
        assert set(platform.env) <= fields and platform.secrets <= fields
        assert all(field.startswith(f"{platform.name}_") for field in fields)
    assert PLATFORM_ENV["telegram_bot_token"] == "TELEGRAM_BOT_TOKEN" and "slack_app_token" in SECRET_FIELDS
    settings = load_settings({"SLACK_BOT_TOKEN": "xoxb-1", "BRIEFBOT_TEST_PLATFORM": "1"})
    assert [name for name in PLATFORMS if settings.enabled(name)] == ["slack", "test"]
