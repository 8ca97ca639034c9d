"""Seed and news in, stored once, answered by the command core and the console."""

from __future__ import annotations

import asyncio
import io
import logging
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.commands import ChatContext, Commands
from bot.ingest import ingest_specs, make_analyser
from bot.platforms.console.front_end import ConsoleFrontEnd
from bot.render.text import render_text
from bot.settings import load_settings
from bot.store import open_database
from bot.store.repo import count_articles
from tests.conftest import SEED, SHARED_DATA

CTX = ChatContext(platform="console", chat_id="c1")
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Commands:
    tmp = tmp_path_factory.mktemp("seeded")
    folder = tmp / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    db = open_database(f"sqlite:///{tmp / 'b.sqlite3'}")
    report = ingest_specs(db, [str(folder)], make_analyser())
    assert len(report.new) == 1
    return Commands(db, load_settings({}))


def say(commands: Commands, text: str) -> str:
    return render_text(commands.handle(text, CTX))


def test_second_ingest_of_an_unchanged_folder_stores_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    analyse = make_analyser()
    assert len(ingest_specs(db, [str(folder)], analyse).new) == 1
    again = ingest_specs(db, [str(folder)], analyse)
    assert again.new == []
    # the same story under another name is the same article
    shutil.copy(SEED, folder / "copy-of-a.txt")
    third = ingest_specs(db, [str(folder)], analyse)
    assert third.new == [] and third.duplicates == 1
    with db.session() as s:
        assert count_articles(s) == 1


def test_broken_files_are_skipped_and_nothing_stored_is_lost(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    ingest_specs(db, [str(folder)], make_analyser())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "news.txt").write_text((SHARED_DATA / "news/reuters/16094.txt").read_text())
    with caplog.at_level(logging.WARNING):
        report = ingest_specs(db, [str(folder)], make_analyser())
    assert len(report.new) == 1
    assert {Path(s.location).name for s in report.skipped} == {"empty.txt", "binary.txt"}
    assert "empty.txt" in caplog.text and "binary.txt" in caplog.text
    with db.session() as s:
        assert count_articles(s) == 2


def test_brief_shows_the_seed_with_summary_and_topic(seeded: Commands) -> None:
    out = say(seeded, "/brief")
    assert "President Biden is sending a top White House official to Mexico" in out
    assert "fentanyl" in out.lower()
    assert "Source: seeds/000_5c41b8c896ed471e.txt" in out  # folder and file, as a reader knows it
    assert "Tom Howell" not in out and "comment policy" not in out


def test_brief_about_a_topic_and_about_nothing(seeded: Commands) -> None:
    assert "Mexico" in say(seeded, "/brief fentanyl")
    assert "Nothing in the current digest about “curling”" in say(seeded, "/brief curling")
    assert "Mexico" in say(seeded, "/brief migrations")  # another form of a word finds it (stemmed)
    assert "Nothing in the current digest about “migra”" in say(seeded, "/brief migra")  # a word's start
    assert "Nothing in the current digest about “ation”" in say(seeded, "/brief ation")  # or middle: not


def test_who_names_the_delegation_of_the_seed(seeded: Commands) -> None:
    out = say(seeded, "/who")
    assert "led by Liz Sherwood-Randall" in out
    for name in ("Rich Verma", "Lisa Monaco", "Kristie Canegallo", "Kemp Chester"):
        assert name in out
    assert "Deputy Attorney General" in out
    assert "Tom Howell" not in out


def test_who_with_a_name(seeded: Commands) -> None:
    out = say(seeded, "/who Monaco")
    assert "Lisa Monaco" in out and "Deputy Attorney General" in out
    assert "No one called “Smith”" in say(seeded, "/who Smith")


def test_topics_list_and_one_topic(seeded: Commands) -> None:
    out = say(seeded, "/topics")
    assert "fentanyl" in out.lower()
    one = say(seeded, "/topics fentanyl")
    assert "President Biden sends" in one
    assert "No topic matching" in say(seeded, "/topics knitting")


def test_subscribe_settings_unsubscribe(seeded: Commands) -> None:
    seeded.clock = lambda: NOW
    ctx = ChatContext(platform="console", chat_id="sub-test")
    out = render_text(seeded.handle("/subscribe 07:30 Europe/Berlin", ctx))
    assert "07:30 Europe/Berlin" in out
    assert "Sat 28 Nov 2026 07:30 CET (06:30 UTC)" in out
    assert "07:30 Europe/Berlin" in render_text(seeded.handle("/settings", ctx))
    assert "/unsubscribe all to confirm" in render_text(seeded.handle("/unsubscribe", ctx))
    assert "Unsubscribed" in render_text(seeded.handle("/unsubscribe all", ctx))
    assert "no subscription" in render_text(seeded.handle("/unsubscribe", ctx))
    assert "No subscription" in render_text(seeded.handle("/settings", ctx))


def test_subscribe_defaults_to_configured_time_and_zone(seeded: Commands) -> None:
    seeded.clock = lambda: NOW
    out = render_text(seeded.handle("/subscribe", ChatContext(platform="console", chat_id="d")))
    assert "08:00 UTC" in out and "Sat 28 Nov 2026 08:00" in out


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("/subscribe 25:00", "Usage: /subscribe [days] [HH:MM] [Area/City] [filter]"),
        ("/subscribe 07:30 Mars/Olympus", "Unknown time zone “Mars/Olympus”"),
        ("/subscribe mon,someday", "“someday” is not a day"),
        ("/unsubscribe now", "Usage: /unsubscribe"),
        ("/frobnicate", "Unknown command /frobnicate. Try /help"),
        ("", "Send a command"),
    ],
)
def test_bad_input_gets_one_line_of_help(seeded: Commands, text: str, hint: str) -> None:
    assert hint in say(seeded, text)


def test_group_members_who_are_not_admins_cannot_subscribe(seeded: Commands) -> None:
    ctx = ChatContext(platform="telegram", chat_id="-100", chat_type="group", can_manage=False)
    assert "Only chat administrators" in render_text(seeded.handle("/subscribe", ctx))


def test_help_lists_every_command_with_an_example(seeded: Commands) -> None:
    out = say(seeded, "/help")
    for cmd in ("/brief", "/who", "/topics", "/subscribe", "/unsubscribe", "/settings", "/help"):
        assert cmd in out
    assert "/subscribe weekdays 07:30 Europe/Paris" in out and "/unsubscribe 2" in out
    assert say(seeded, "/start") == out


def test_console_greets_with_counts_then_answers_until_eof(seeded: Commands) -> None:
    stdin = io.StringIO("/who\n\n/topics\n")
    stdout = io.StringIO()
    code = asyncio.run(ConsoleFrontEnd(seeded, stdin=stdin, stdout=stdout).run())
    out = stdout.getvalue()
    assert code == 0
    assert out.startswith("briefbot: 1 story in ") and "President Biden is sending" not in out
    assert out.index("/brief shows the digest") < out.index("led by Liz Sherwood-Randall")
    assert "Topics in recent news" in out
    assert "briefbot>" not in out  # no prompt when stdin is not a terminal


def test_answers_follow_new_articles_at_once(tmp_path: Path) -> None:
    """Read-only answers are reused between ingests, never after one."""
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    ingest_specs(db, [str(folder)], make_analyser())
    commands = Commands(db, load_settings({}))
    first = render_text(commands.handle("/brief", CTX))
    assert render_text(commands.handle("/brief", CTX)) == first
    assert "Taiwan" not in first
    (folder / "taiwan.txt").write_text((SHARED_DATA / "news/reuters/16094.txt").read_text())
    ingest_specs(db, [str(folder)], make_analyser())
    assert "Taiwan Announces New Round of Import Tariff Cuts" in render_text(commands.handle("/brief", CTX))
    assert "Taiwan" in render_text(commands.handle("/topics", CTX))


def test_articles_analysed_by_an_older_version_are_reanalysed(tmp_path: Path) -> None:
    from bot.ingest import reanalyse_stale
    from bot.store.models import StoredArticle
    from bot.store.repo import add_article
    from summarizer.analysis import ANALYSIS_VERSION, Analysis
    from summarizer.article import parse_text

    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    article = parse_text(SEED.read_text(), source=str(SEED))
    with db.session() as s:
        add_article(s, article, Analysis(summary=("old summary",), version=ANALYSIS_VERSION - 1))
    commands = Commands(db, load_settings({}))
    assert "No delegations" in render_text(commands.handle("/who", CTX))
    assert reanalyse_stale(db, make_analyser()) == 1
    assert reanalyse_stale(db, make_analyser()) == 0
    with db.session() as s:
        row = s.get(StoredArticle, article.id)
        assert row is not None and row.analysis_version == ANALYSIS_VERSION
    assert "led by Liz Sherwood-Randall" in render_text(commands.handle("/who", CTX))


def test_reanalysis_writes_stored_headlines_with_todays_rules(tmp_path: Path) -> None:
    """After an upgrade a story stored without a headline of its own gets the one today's rules derive,
    and a wire headline stored with its ticker loses it; a headline the story came with is not replaced."""
    from dataclasses import replace

    from bot.ingest import reanalyse_stale
    from bot.store.repo import add_article
    from summarizer.analysis import ANALYSIS_VERSION, Analysis
    from summarizer.article import parse_text

    cnn = SHARED_DATA / "news/cnn/0c6af856e721.txt"
    derived = parse_text(cnn.read_text(), source=str(cnn))
    wire = SHARED_DATA / "news/reuters/16094.txt"
    given = parse_text(wire.read_text(), source=str(wire))
    assert derived.headline_derived and not given.headline_derived
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    old = Analysis(summary=("old summary",), version=ANALYSIS_VERSION - 1)
    with db.session() as s:
        add_article(s, replace(derived, headline="Netanyahu says"), old)
        add_article(s, replace(given, headline=given.headline.upper() + " <TWN>"), old)
    commands = Commands(db, load_settings({}))
    before = render_text(commands.handle("/brief", CTX))
    assert "Netanyahu says\n" in before and "<TWN>" in before
    assert reanalyse_stale(db, make_analyser()) == 2
    after = render_text(commands.handle("/brief", CTX))
    assert derived.headline == "Netanyahu disavows two-state solution"
    assert derived.headline in after and "Netanyahu says\n" not in after
    assert "Taiwan Announces New Round of Import Tariff Cuts" in after and "TWN" not in after
    # a search shows it under the new headline
    assert "Netanyahu disavows" in render_text(commands.handle("/brief two-state", CTX))


def test_searches_reach_past_the_stories_the_overview_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The digest shows the most important stories of the day's window; /brief WORDS and /topics LABEL
    search that whole window, /who NAME a day's worth of many feeds, so a story not on the page is found."""
    import bot.commands

    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    analyse = make_analyser()
    assert len(ingest_specs(db, [str(SEED)], analyse).new) == 1
    newer = tmp_path / "tennis.txt"
    newer.write_text("Federer wins in Dubai\n\nRoger Federer beat Ivan Ljubicic to win the Dubai title.")
    assert len(ingest_specs(db, [str(newer)], analyse).new) == 1
    monkeypatch.setattr(bot.commands, "RECENT_LIMIT", 1)
    commands = Commands(db, load_settings({}, digest_max_items=1))
    page = say(commands, "/brief")
    assert "Federer" in page and "fentanyl" not in page.lower()  # the newer story only
    assert "1 story since" in page and "1 more not shown" in page
    assert "Mexico" in say(commands, "/brief fentanyl")
    assert "Liz Sherwood-Randall" in say(commands, "/who Sherwood-Randall")
    assert "President Biden" in say(commands, "/topics drug trafficking")


def test_who_heads_the_answer_with_the_person_most_reported_and_names_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Kerry in Geneva\n\nU.S. Secretary of State John Kerry arrived in Geneva on Sunday for talks with "
        "Iran. Kerry said the talks would be hard."
    )
    (folder / "b.txt").write_text(
        "Kerry meets Zarif\n\nU.S. Secretary of State John Kerry met Iranian Foreign Minister Mohammad Javad "
        "Zarif on Monday. Kerry said progress had been made."
    )
    (folder / "c.txt").write_text(
        'Prince in Beijing\n\nPrince William arrived in Beijing on Sunday. "It will tell us something," '
        "said Kerry Brown, a professor of Chinese politics at the University of Sydney."
    )
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    assert len(ingest_specs(db, [str(folder)], make_analyser()).new) == 3
    out = say(Commands(db, load_settings({})), "/who Kerry")
    assert out.splitlines()[0] == "John Kerry"
    assert "Kerry Brown, professor of Chinese politics" in out
