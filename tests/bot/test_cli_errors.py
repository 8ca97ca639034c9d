"""What a person at the terminal meets when something is wrong: one clear line and exit status 2, never a
traceback; article text that cannot drive the terminal; help with a description and an example."""

from __future__ import annotations

import json
import shutil
import socket
import stat
from pathlib import Path

import pytest

from tests.bot.cli_support import briefbot
from tests.conftest import SEED, SHARED_DATA

# Terminal hazards: OSC title change (ESC ] … BEL), clear screen, a C1 CSI, a right-to-left override.
HOSTILE = "\x1b]0;owned\x07", "\x1b[2J", "\x9b31m", "\u202e"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket is: connections are refused


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def _hostile_article(folder: Path) -> Path:
    """The seed article with terminal escapes in its first sentence."""
    text = SEED.read_text(encoding="utf-8")
    text = HOSTILE[0] + text.replace("is sending", f"is {HOSTILE[1]}sending{HOSTILE[2]}", 1).replace(
        "the region.", f"the region.{HOSTILE[3]}", 1
    )
    evil = folder / "evil.txt"
    evil.write_text(text, encoding="utf-8")
    return evil


# -- 7: terminal output of article text ----------------------------------------------------------------
def test_summarize_never_prints_escape_sequences_or_bidi_overrides(tmp_path: Path) -> None:
    evil = _hostile_article(tmp_path)
    text = briefbot("summarize", "-a", "lead", str(evil), tmp=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "President Biden is" in text.stdout and "White House official to Mexico" in text.stdout
    for hazard in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert hazard not in text.stdout, repr(text.stdout)
    # JSON keeps the text exactly, with what a terminal would act on written as \uXXXX escapes
    as_json = briefbot("summarize", "--json", "-a", "lead", str(evil), tmp=tmp_path)
    assert all(h not in as_json.stdout for h in ("\x1b", "\x9b", "\u202e"))
    out = json.loads(as_json.stdout)
    assert "\x9b" in out["summary"][0] and "\u202e" in out["summary"][0]  # nothing lost


def test_who_and_topics_print_paths_and_names_without_escapes(tmp_path: Path) -> None:
    evil = tmp_path / "\x1b[31mred\u202e.txt"
    shutil.copyfile(SEED, evil)
    for command in ("who", "topics"):
        r = briefbot(command, str(evil), tmp=tmp_path)
        assert r.returncode == 0, r.stderr
        assert "red" in r.stdout and "\x1b" not in r.stdout and "\u202e" not in r.stdout, repr(r.stdout)


def test_digest_json_escapes_terminal_controls_and_the_sqlite_file_is_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    _hostile_article(folder)
    state = tmp_path / "state" / "db"  # a folder briefbot creates
    env = {"BRIEFBOT_DATABASE_URL": f"sqlite:///{state / 'b.sqlite3'}"}
    assert briefbot("ingest", str(folder), tmp=tmp_path, env=env).returncode == 0
    r = briefbot("digest", "--format", "json", tmp=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "\u202e" not in r.stdout and "\x9b" not in r.stdout
    text = briefbot("digest", tmp=tmp_path, env=env)
    assert "\u202e" not in text.stdout and "\x1b" not in text.stdout and "Sherwood-Randall" in text.stdout

    # the store: its new folder 0700, the database and its WAL/shared-memory files 0600
    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    created = [p for p in state.iterdir() if p.name.startswith("b.sqlite3")]
    assert state / "b.sqlite3" in created
    for path in created:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, (path, oct(path.stat().st_mode))


# -- 8: database and network failures ----------------------------------------------------------------
@pytest.mark.parametrize(
    "command", [["digest"], ["ingest", str(SEED)], ["chat"], ["run"], ["config", "check"]]
)
def test_an_unreachable_database_is_one_line_and_exit_2(tmp_path: Path, command: list[str]) -> None:
    url = f"postgresql+psycopg://bot:hunter2pw@127.0.0.1:{_closed_port()}/briefbot"
    r = briefbot(*command, tmp=tmp_path, env={"BRIEFBOT_DATABASE_URL": url})
    assert r.returncode == 2, r.stderr[-3000:]
    line = _one_error_line(r.stderr)
    assert "127.0.0.1" in line and ("database" in line or "database_url" in line), line
    assert "hunter2pw" not in r.stdout + r.stderr
    assert "Configuration OK" not in r.stderr


def test_config_check_opens_the_database_and_says_ok(tmp_path: Path) -> None:
    ok = briefbot("config", "check", tmp=tmp_path)
    assert ok.returncode == 0 and "the database answers" in ok.stderr
    assert not (tmp_path / "b.sqlite3").exists()  # checking creates nothing
    broken = tmp_path / "b.sqlite3"
    broken.write_bytes(b"this is not a database file at all" * 100)
    bad = briefbot("config", "check", tmp=tmp_path)
    assert bad.returncode == 2 and "database_url: cannot open" in bad.stderr


def test_a_sqlite_path_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    r = briefbot(
        "digest", tmp=tmp_path, env={"BRIEFBOT_DATABASE_URL": f"sqlite:///{tmp_path}/file/b.sqlite3"}
    )
    assert r.returncode == 2
    assert "cannot create the SQLite file" in _one_error_line(r.stderr)


def test_ingest_of_an_unreachable_feed_is_exit_2(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/feed.xml"
    r = briefbot("ingest", url, tmp=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert f"briefbot ingest: {url}:" in r.stderr and "Traceback" not in r.stderr


def test_ingest_of_a_missing_path_is_an_error_and_ingests_nothing(tmp_path: Path) -> None:
    r = briefbot("ingest", str(SEED), "/no/such/path", tmp=tmp_path)
    assert r.returncode == 2
    assert "briefbot ingest: no such folder or file: /no/such/path" in r.stderr
    assert "nothing ingested" in r.stderr and "Ingested:" not in r.stdout


def test_skipped_files_are_reported_on_every_run(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copyfile(SHARED_DATA / "news/reuters/16094.txt", folder / "taiwan.txt")
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 40)
    first = briefbot("ingest", str(folder), tmp=tmp_path)
    again = briefbot("ingest", str(folder), tmp=tmp_path)
    for r, new in ((first, 1), (again, 0)):  # the second run reads nothing: every file is unchanged
        assert r.returncode == 0, r.stderr
        assert f"Ingested: {new} new, 0 already stored, 2 skipped." in r.stdout, r.stdout
        assert "skipped " + str((folder / "empty.txt").resolve()) + ": empty file" in r.stdout
        assert "binary.txt: binary file" in r.stdout


# -- 8: arguments ------------------------------------------------------------------------------------
@pytest.mark.parametrize("n", ["0", "-1"])
def test_summarize_zero_sentences_is_an_error(tmp_path: Path, n: str) -> None:
    r = briefbot("summarize", "-n", n, str(SEED), tmp=tmp_path)
    assert r.returncode == 2 and r.stdout == ""
    assert "--sentences" in r.stderr and "must be at least 1" in r.stderr


@pytest.mark.parametrize(
    ("command", "example"),
    [
        (["run"], "briefbot run"),
        (["chat"], "briefbot chat"),
        (["ingest"], "briefbot ingest seeds/"),
        (["digest"], "briefbot digest --since 7d"),
        (["summarize"], "briefbot summarize --jsonl"),
        (["who"], "briefbot who --json"),
        (["topics"], "briefbot topics --json"),
        (["config"], "briefbot config check"),
        (["config", "check"], "briefbot config check --json"),
    ],
)
def test_every_subcommand_help_has_a_description_and_an_example(
    tmp_path: Path, command: list[str], example: str
) -> None:
    r = briefbot(*command, "--help", tmp=tmp_path)
    assert r.returncode == 0
    usage, _, rest = r.stdout.partition("\n\n")
    description = rest.split("\n\n")[0]
    assert usage.startswith("usage: briefbot") and len(description.split()) >= 8, r.stdout
    assert not description.lstrip().startswith(("positional arguments", "options")), r.stdout
    assert "examples:\n" in r.stdout and example in r.stdout


# -- 7: webhook secret ------------------------------------------------------------------------------
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


@pytest.mark.parametrize("command", [["config", "check"], ["run"]])
def test_a_short_webhook_secret_is_refused_by_config_check_and_at_start(
    tmp_path: Path, command: list[str]
) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET": "Abc123_-xyz9876",
    }  # 15 characters
    r = briefbot(*command, tmp=tmp_path, env=env)
    assert r.returncode == 2
    assert (
        "telegram_webhook_secret (TELEGRAM_WEBHOOK_SECRET): too short (15 characters): use at least 16"
        in r.stderr
    )
    assert "Abc123_-xyz9876" not in r.stdout + r.stderr


def test_a_16_character_webhook_secret_passes_config_check(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET": "Abc123_-xyz98765",
    }
    r = briefbot("config", "check", tmp=tmp_path, env=env)
    assert r.returncode == 0, r.stderr


# -- 8: the console ----------------------------------------------------------------------------------
def test_chat_greets_with_counts_and_shows_the_digest_only_on_brief(tmp_path: Path) -> None:
    r = briefbot("chat", tmp=tmp_path, stdin="/brief\n")
    assert r.returncode == 0, r.stderr
    first = r.stdout.strip().splitlines()[0]
    assert first.startswith("briefbot: 1 story in ") and " topics" in first and "/brief" in first, first
    assert r.stdout.count("Your briefing") == 1  # once, for /brief
    assert "President Biden is sending" in r.stdout.split("Your briefing")[1]
