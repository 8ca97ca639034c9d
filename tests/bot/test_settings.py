from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings, validate_settings

REPO = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


def test_defaults_come_from_config_default_toml() -> None:
    s = load_settings({})
    assert s.database_url == "sqlite:///data/briefbot.sqlite3"
    assert s.sources == ("seeds",)
    assert s.timezone == "UTC"
    assert s.http_port is None
    assert validate_settings(s) == []


def test_environment_overrides_file_and_platform_names_work() -> None:
    s = load_settings(
        {
            "BRIEFBOT_TIMEZONE": "Europe/Berlin",
            "BRIEFBOT_HTTP_PORT": "9090",
            "BRIEFBOT_SOURCES": "seeds, https://example.org/feed.xml",
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "SLACK_API_BASE_URL": "http://127.0.0.1:9/api/",
        }
    )
    assert s.timezone == "Europe/Berlin"
    assert s.http_port == 9090
    assert s.sources == ("seeds", "https://example.org/feed.xml")
    assert s.telegram_bot_token == TOKEN and s.telegram_enabled
    assert s.slack_api_base_url == "http://127.0.0.1:9/api/"


def test_own_config_file_overrides_defaults(tmp_path: Path) -> None:
    f = tmp_path / "b.toml"
    f.write_text('timezone = "Asia/Tokyo"\nsummary_sentences = 2\n')
    s = load_settings({"BRIEFBOT_CONFIG": str(f)})
    assert (s.timezone, s.summary_sentences) == ("Asia/Tokyo", 2)


def test_non_numeric_port_is_a_clear_error() -> None:
    with pytest.raises(SettingsError, match="http_port must be a whole number"):
        load_settings({"BRIEFBOT_HTTP_PORT": "eighty"})


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"BRIEFBOT_TIMEZONE": "Mars/Olympus"}, "timezone: Unknown time zone “Mars/Olympus”"),
        ({"BRIEFBOT_TIMEZONE": "Europe/Berln"}, "Did you mean Europe/Berlin"),
        ({"BRIEFBOT_TIMEZONE": "CET"}, "“CET” is an abbreviation, not a place"),
        (
            {"TELEGRAM_WEBHOOK_URL": "https://h/telegram/webhook", "TELEGRAM_WEBHOOK_SECRET": "x" * 15},
            "telegram_webhook_secret (TELEGRAM_WEBHOOK_SECRET): too short (15 characters)",
        ),
        ({"BRIEFBOT_DATABASE_URL": "not a url"}, "database_url: malformed URL"),
        ({"TELEGRAM_BOT_TOKEN": "12345"}, "TELEGRAM_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxp-123", "SLACK_SIGNING_SECRET": "s"}, "starts with xoxb-"),
        ({"BRIEFBOT_EMPTY_DIGEST": "loud"}, "empty_digest"),
        ({"BRIEFBOT_HTTP_PORT": "70000"}, "not a TCP port"),
    ],
)
def test_bad_values_are_named(env: dict[str, str], needle: str) -> None:
    problems = validate_settings(load_settings(env))
    assert any(needle in p for p in problems), problems


def test_masked_hides_secrets_and_database_password() -> None:
    s = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": "8f742231b10e8888abcd99yyyzzz85a5",
            "BRIEFBOT_DATABASE_URL": "postgresql+psycopg://bot:hunter2secret@db:5432/briefbot",
        }
    )
    shown = json.dumps(s.masked())
    assert TOKEN not in shown and TOKEN[:20] not in shown
    assert "8f742231b10e8888abcd99yyyzzz85a5" not in shown
    assert "hunter2secret" not in shown and "bot:****@db:5432/briefbot" in shown


def _config_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "config", "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **env},
        timeout=60,
    )


def test_config_check_good_and_bad_settings() -> None:
    ok = _config_check({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert ok.returncode == 0, ok.stderr
    assert "timezone" in ok.stdout and "Configuration OK" in ok.stderr
    assert TOKEN not in ok.stdout + ok.stderr
    bad = _config_check({"BRIEFBOT_TIMEZONE": "Nowhere/Town", "TELEGRAM_BOT_TOKEN": "oops-" + TOKEN})
    assert bad.returncode == 2
    assert "Unknown time zone “Nowhere/Town”" in bad.stderr
    assert TOKEN not in bad.stdout + bad.stderr


def test_zone_names_in_any_letter_case_and_webhook_secrets_of_16_pass() -> None:
    env = {
        "BRIEFBOT_TIMEZONE": "europe/berlin",
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_URL": "https://h/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET": "x" * 16,
    }
    assert validate_settings(load_settings(env)) == []
