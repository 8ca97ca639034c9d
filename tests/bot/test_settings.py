from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import bot.settings
from bot.settings import Settings, SettingsError, load_settings, validate_settings

REPO = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


def test_defaults_come_from_config_default_toml() -> None:
    s = load_settings({})
    assert s.database_url == "sqlite:///data/briefbot.sqlite3"
    assert s.sources == ("seeds",)
    assert s.timezone == "UTC"
    assert s.http_port is None
    assert validate_settings(s) == []


def test_defaults_are_read_from_the_packaged_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = tmp_path / "default.toml"
    text = (REPO / "config" / "default.toml").read_text(encoding="utf-8")
    edited.write_text(text.replace('timezone = "UTC"', 'timezone = "Asia/Tokyo"'), encoding="utf-8")
    monkeypatch.setattr(bot.settings, "DEFAULT_CONFIG", edited)
    assert load_settings({}).timezone == "Asia/Tokyo"
    assert Settings().timezone == "Asia/Tokyo"  # built directly, too
    monkeypatch.setattr(bot.settings, "DEFAULT_CONFIG", tmp_path / "deleted.toml")
    missing = r"timezone: no value \(the defaults file .*deleted.toml is missing"
    with pytest.raises(SettingsError, match=missing):
        load_settings({})


def test_config_file_links_to_the_packaged_defaults() -> None:
    assert (REPO / "config" / "default.toml").resolve() == Path(str(bot.settings.DEFAULT_CONFIG)).resolve()


def test_misspelt_key_in_own_file_names_the_valid_one(tmp_path: Path) -> None:
    f = tmp_path / "b.toml"
    f.write_text('timezon = "Europe/Berlin"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_settings({"BRIEFBOT_CONFIG": str(f)})
    assert str(info.value) == f"unknown setting 'timezon' in {f}; did you mean 'timezone'?"
    f.write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"unknown setting 'colour' in .*; the settings are those of "):
        load_settings({"BRIEFBOT_CONFIG": str(f)})
    with pytest.raises(SettingsError, match=r"unknown setting 'time_zone'; did you mean 'timezone'\?"):
        load_settings({}, time_zone="UTC")


def test_broken_toml_and_missing_file_are_named(tmp_path: Path) -> None:
    f = tmp_path / "b.toml"
    f.write_text("timezone = \n", encoding="utf-8")
    with pytest.raises(SettingsError, match=re.escape(f"{f}: Invalid value")):
        load_settings({"BRIEFBOT_CONFIG": str(f)})
    with pytest.raises(SettingsError, match=r"config file .*nope.toml does not exist"):
        load_settings({"BRIEFBOT_CONFIG": str(tmp_path / "nope.toml")})


def test_blank_values_leave_optional_settings_unset_and_platform_names_win(tmp_path: Path) -> None:
    f = tmp_path / "b.toml"
    f.write_text('http_port = 9000\ntelegram_webhook_url = ""\n', encoding="utf-8")
    s = load_settings({"BRIEFBOT_CONFIG": str(f)})
    assert (s.http_port, s.telegram_webhook_url) == (9000, None)
    s = load_settings({"BRIEFBOT_CONFIG": str(f), "BRIEFBOT_HTTP_PORT": "", "SLACK_BOT_TOKEN": " "})
    assert (s.http_port, s.slack_bot_token, s.enabled("slack")) == (None, None, False)
    both = {"BRIEFBOT_TELEGRAM_BOT_TOKEN": "1:" + "b" * 35, "TELEGRAM_BOT_TOKEN": TOKEN}
    assert load_settings(both).telegram_bot_token == TOKEN


def test_a_settings_object_built_directly_reads_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFBOT_TIMEZONE", "Europe/Paris")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    assert (Settings().timezone, Settings().telegram_bot_token) == ("UTC", None)
    assert load_settings().timezone == "Europe/Paris"
    assert load_settings().telegram_bot_token == TOKEN


def test_secrets_stay_out_of_the_settings_repr() -> None:
    secret = "8f742231b10e8888abcd99yyyzzz85a5"
    s = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": secret})
    shown = repr(s) + str(s)
    assert TOKEN not in shown and secret not in shown
    assert "timezone='UTC'" in shown


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
    assert s.telegram_bot_token == TOKEN and s.enabled("telegram")
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
        ({"BRIEFBOT_ANALYSIS_WORKERS": "-1"}, "analysis_workers: must be 0 (one per core) or more"),
        ({"BRIEFBOT_STORY_RETENTION_DAYS": "-1"}, "story_retention_days: must be 0 (keep every story)"),
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


def test_config_check_rejects_a_misspelt_key_and_names_the_right_one(tmp_path: Path) -> None:
    f = tmp_path / "briefbot.toml"
    f.write_text('timezon = "Europe/Berlin"\n', encoding="utf-8")
    bad = _config_check({"BRIEFBOT_CONFIG": str(f)})
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        f"briefbot: configuration error: unknown setting 'timezon' in {f}; did you mean 'timezone'?"
    ]
    assert "Configuration OK" not in bad.stdout + bad.stderr


def test_zone_names_in_any_letter_case_and_webhook_secrets_of_16_pass() -> None:
    env = {
        "BRIEFBOT_TIMEZONE": "europe/berlin",
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_URL": "https://h/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET": "x" * 16,
    }
    assert validate_settings(load_settings(env)) == []


def test_ner_model_false_turns_the_spacy_model_off_for_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The setting is read by the settings module and passed to summarizer/ner.py (which reads no
    environment): BRIEFBOT_NER_MODEL=false means names come from the rules alone."""
    import bot.cli
    from summarizer import ner

    monkeypatch.setattr(bot.cli, "setup_logging", lambda *a, **k: None)  # keep pytest's log capture
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'b.sqlite3'}")
    monkeypatch.setenv("BRIEFBOT_NER_MODEL", "false")
    try:
        assert bot.cli.main(["config", "check"]) == 0
        assert re.search(r"^ner_model +\= false$", capsys.readouterr().out, re.M)
        assert ner.get_model() is None and ner.get_parser() is None
        assert ner.INFO.error == "turned off (ner_model = false)"
    finally:
        ner.use_model(True)
    assert load_settings({}).ner_model is True
