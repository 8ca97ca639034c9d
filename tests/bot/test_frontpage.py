"""The corpus front page (issue #11): `briefbot ingest <shared>/news <seeds>` then `briefbot digest`.

One ingest of the 649 files into a temporary SQLite database serves every test here: about 40 s in two worker
processes on a 2-core machine (75 s in one; mostly spaCy for topics); a slower CI machine gets ten minutes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.commands import ChatContext, Commands
from bot.platforms.slack.render import render_slack
from bot.platforms.telegram.render import render_telegram
from bot.render.text import render_text
from bot.settings import load_settings
from bot.store import open_database
from tests.bot.cli_support import briefbot
from tests.conftest import SEED, SHARED_DATA

NEWS = SHARED_DATA / "news"
CORPORA = ("bbc", "reuters", "cnn", "usenet")
pytestmark = pytest.mark.skipif(not NEWS.is_dir(), reason="shared/data/news is missing")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("frontpage")
    r = briefbot("ingest", str(NEWS), str(SEED.parent), tmp=tmp, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "Ingested: 648 new" in r.stdout
    return tmp


@pytest.fixture(scope="module")
def commands(corpus: Path) -> Commands:
    settings = load_settings(env={"BRIEFBOT_DATABASE_URL": f"sqlite:///{corpus / 'b.sqlite3'}"})
    return Commands(open_database(settings.database_url), settings)


def _sections(text: str) -> dict[str, int]:
    """Section heading -> stories under it, read from the text digest (headings are underlined)."""
    lines = text.splitlines()
    counts: dict[str, int] = {}
    current = None
    for n, line in enumerate(lines):
        if n + 1 < len(lines) and lines[n + 1] and set(lines[n + 1]) == {"-"}:
            current = line
            counts[current] = 0
        elif current and line.startswith("Source: "):
            counts[current] += 1
    return counts


def test_corpus_digest_is_a_front_page_within_budget(corpus: Path) -> None:
    r = briefbot("digest", tmp=corpus)
    assert r.returncode == 0, r.stderr
    text = r.stdout
    assert len(text) <= 6000
    sources = re.findall(r"^Source: (\w+)/", text, re.MULTILINE)
    assert len(set(sources) & set(CORPORA)) >= 3, sources
    sections = _sections(text)
    items = sum(sections.values())
    assert items >= 8, sections
    assert all(n * 2 <= items for n in sections.values()), sections
    # the CLI and chat tell the same story count
    shown = re.search(r"(\d+) stories since .*?, (\d+) more not shown", text)
    assert shown and int(shown.group(1)) == items, text
    assert int(shown.group(1)) + int(shown.group(2)) == 648


def test_chat_digest_is_the_cli_digest_and_one_message_everywhere(corpus: Path, commands: Commands) -> None:
    cli = briefbot("digest", tmp=corpus).stdout
    reply = commands.handle("/brief", ChatContext("telegram", "1"))
    # the same counts; "since" is a day before each one's own clock, which may have passed a minute between
    counts = re.compile(r"(\d+) stories since .*?, (\d+) more not shown")
    assert counts.search(cli).groups() == counts.search(render_text(reply)).groups()
    assert len(render_telegram(reply)) == 1
    assert len(render_slack(reply)) == 1
    assert len(render_text(reply)) <= 6000


def test_topics_list_and_topic_answers_agree(commands: Commands) -> None:
    ctx = ChatContext("slack", "C1")
    listing = render_text(commands.handle("/topics", ctx))
    listed = re.findall(r"^• (.+) — (\d+)$", listing, re.MULTILINE)
    assert len(listed) >= 10
    for label, n in listed:
        answer = render_text(commands.handle(f"/topics {label}", ctx))
        assert f"{label} ({n})" in answer.splitlines()[0], (label, n, answer[:200])
        brief = render_text(commands.handle(f"/brief {label}", ctx))
        m = re.search(r"(\d+) stor(?:y|ies) since .*?(?:, (\d+) more not shown)?$", brief, re.MULTILINE)
        assert m, brief[:300]
        shown = int(m.group(1)) + int(m.group(2) or 0)
        repeats = len(re.findall(r"\(also: ", brief))  # near-duplicates shown with a story count too
        assert int(n) == shown or (int(n) > shown and repeats), (label, n, m.group(0))
