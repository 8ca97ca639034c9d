"""The `briefbot` command as a user runs it: a real process, a temporary database, the seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bot.cli_support import briefbot
from tests.conftest import REPO, SEED, SHARED_DATA


def test_run_without_tokens_prints_the_seed_digest_on_brief_and_exits_at_eof(tmp_path: Path) -> None:
    r = briefbot("run", tmp=tmp_path, stdin="/brief\n")
    assert r.returncode == 0, r.stderr
    assert "President Biden is sending a top White House official to Mexico" in r.stdout
    assert "Sherwood-Randall" in r.stdout  # the summary names the delegation's lead
    assert "fentanyl" in r.stdout.lower() and "migration" in r.stdout.lower()


def test_chat_answers_commands_typed_on_stdin(tmp_path: Path) -> None:
    r = briefbot("chat", tmp=tmp_path, stdin="/who\n/help\n")
    assert r.returncode == 0, r.stderr
    assert "led by Liz Sherwood-Randall" in r.stdout
    assert "/subscribe" in r.stdout


def test_ingest_then_digest_as_json(tmp_path: Path) -> None:
    news = [SHARED_DATA / "news/reuters/16094.txt", SHARED_DATA / "news/bbc/sport-386.txt"]
    r = briefbot("ingest", str(SEED), *map(str, news), tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Ingested: 3 new" in r.stdout
    again = briefbot("ingest", str(SEED), tmp=tmp_path)
    assert again.returncode == 0 and "Ingested: 0 new" in again.stdout
    d = briefbot("digest", "--format", "json", tmp=tmp_path)
    assert d.returncode == 0, d.stderr
    digest = json.loads(d.stdout)
    headlines = [i["headline"] for s in digest["sections"] for i in s["items"]]
    assert len(headlines) == 3
    assert "Taiwan Announces New Round of Import Tariff Cuts" in headlines
    assert all(i["summary"] for s in digest["sections"] for i in s["items"])


def test_digest_since_rejects_nonsense(tmp_path: Path) -> None:
    r = briefbot("digest", "--since", "yesterday-ish", tmp=tmp_path)
    assert r.returncode == 2 and "cannot read 'yesterday-ish' as a time" in r.stderr


def test_summarize_file_and_stdin_and_unknown_algorithm(tmp_path: Path) -> None:
    r = briefbot("summarize", "--json", "--sentences", "2", str(SEED), tmp=tmp_path)
    out = json.loads(r.stdout)
    assert len(out["summary"]) == 2 and all(s in SEED.read_text() for s in out["summary"])
    lead = briefbot("summarize", "-a", "lead", "-n", "1", "-", tmp=tmp_path, stdin=SEED.read_text())
    assert "President Biden is sending a top White House official" in lead.stdout
    bad = briefbot("summarize", "-a", "magic", str(SEED), tmp=tmp_path)
    assert bad.returncode == 2 and "unknown algorithm 'magic'" in bad.stderr and "lexrank" in bad.stderr


def test_summarize_jsonl_keeps_order_and_ids(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in (SHARED_DATA / "cnndm-250.jsonl").read_text().splitlines()[:3]]
    infile = tmp_path / "in.jsonl"
    infile.write_text("".join(json.dumps({"id": r["id"], "article": r["article"]}) + "\n" for r in rows))
    r = briefbot("summarize", "--jsonl", str(infile), tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out] == [row["id"] for row in rows]
    assert all(len(o["summary"]) == 3 for o in out)
    assert all(set(o) == {"id", "headline", "summary"} for o in out)
    for o in out:  # a headline of its own, not the first bullet's opening again
        assert 3 <= len(o["headline"].split()) <= 12, o["headline"]
        assert not o["summary"][0].startswith(o["headline"]), o


@pytest.mark.parametrize("flag", ["--json", None])
def test_who_contract(tmp_path: Path, flag: str | None) -> None:
    args = ["who", *([flag] if flag else []), "seeds/000_5c41b8c896ed471e.txt"]
    r = briefbot(*args, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    if flag:
        (entry,) = json.loads(r.stdout)
        assert entry["path"] == "seeds/000_5c41b8c896ed471e.txt"
        (delegation,) = entry["delegations"]
        assert delegation["lead"] == "Liz Sherwood-Randall"
        assert set(delegation) >= {"lead", "destination", "purpose", "members"}
        assert all(set(m) >= {"name", "title", "organization", "lead"} for m in delegation["members"])
        assert all(set(p) >= {"name", "title", "organization", "role"} for p in entry["people"])
    else:
        assert "led by Liz Sherwood-Randall" in r.stdout


def test_topics_contract(tmp_path: Path) -> None:
    r = briefbot("topics", "--json", "seeds/000_5c41b8c896ed471e.txt", tmp=tmp_path)
    (entry,) = json.loads(r.stdout)
    assert entry["path"] == "seeds/000_5c41b8c896ed471e.txt"
    assert 3 <= len(entry["topics"]) <= 6
    assert all(set(t) == {"label", "score"} for t in entry["topics"])


def test_unreadable_file_is_reported_not_crashed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    r = briefbot("who", "--json", str(bad), tmp=tmp_path)
    assert r.returncode == 1
    assert json.loads(r.stdout)[0]["people"] == []
    assert "bad.txt" in r.stderr and "Traceback" not in r.stderr


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_service_without_tokens_keeps_serving_health_after_input_ends(tmp_path: Path) -> None:
    """In a container or under systemd (no tty, no chat token), `run` serves /healthz until SIGTERM."""
    import signal
    import threading
    import time
    import urllib.request

    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "BRIEFBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'b.sqlite3'}",
        "BRIEFBOT_HTTP_PORT": str(port),
        "BRIEFBOT_HTTP_HOST": "127.0.0.1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    assert proc.stdout is not None
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout or ()), daemon=True)
    reader.start()
    try:
        body = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
                    body = resp.read().decode()
                # the first ingest is done and the console has shown the seed's story
                if json.loads(body)["last_article_ingested_at"] is not None and "Source: " in "".join(lines):
                    break
            except OSError:
                pass
            time.sleep(0.3)
        health = json.loads(body)
        assert health["status"] == "ok" and health["scheduler"] == "running"
        assert health["last_article_ingested_at"] is not None
        assert proc.poll() is None  # still serving although stdin is closed
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        reader.join(timeout=5)
        err = proc.stderr.read() if proc.stderr else ""
        assert proc.returncode == 0, err
        out = "".join(lines)
        assert out.startswith("briefbot: 1 story in ")
        # input ended before any command: the seed is shown summarized, headline and bullets
        assert "Your briefing" in out and "• " in out and "fentanyl" in out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_a_token_the_platform_rejects_is_a_clear_error_without_the_token(tmp_path: Path) -> None:
    from tests.fakes.telegram_api import FakeTelegramApi

    rejected = "7000000002:AAHrejectedTokenForTests_abcdefghijkL"
    with FakeTelegramApi(token="7000000001:AAHfakeTokenForTests_abcdefghijkLMNO").running_in_thread() as tg:
        r = briefbot(
            "run", tmp=tmp_path, env={"TELEGRAM_BOT_TOKEN": rejected, "TELEGRAM_API_BASE_URL": tg.base_url}
        )
    assert r.returncode == 2, r.stderr[-2000:]
    assert "configuration error" in r.stderr and "Traceback" not in r.stderr
    assert rejected not in r.stdout + r.stderr
