from __future__ import annotations

from bot.briefing import source_label
from bot.store.models import StoredArticle
from tests.conftest import SHARED_DATA


def row(source: str, url: str | None = None) -> StoredArticle:
    return StoredArticle(
        id="x", source=source, url=url, headline="h", body="b", analysis={}, analysis_version=1
    )


def test_a_story_is_credited_to_its_site_or_to_its_folder_and_file() -> None:
    assert source_label(row(str(SHARED_DATA / "news/reuters/7643.txt"))) == "reuters/7643.txt"
    assert source_label(row(r"C:\news\bbc\politics-267.txt")) == "bbc/politics-267.txt"
    assert source_label(row("7643.txt")) == "7643.txt"
    feed = row("https://feeds.example.org/rss", url="https://www.reuters.com/world/story-1")
    assert source_label(feed) == "reuters.com"
    assert source_label(row("x", url="http://user@news.example.com:8080/a")) == "news.example.com"


def test_the_front_page_is_made_at_ingest_not_while_the_first_reader_waits(tmp_path, monkeypatch) -> None:
    import bot.briefing
    from bot.app import ingest_configured
    from bot.commands import ChatContext, Commands
    from bot.render.text import render_text
    from bot.settings import load_settings
    from bot.store import open_database
    from tests.conftest import SEED

    settings = load_settings({}, database_url=f"sqlite:///{tmp_path / 'b.sqlite3'}", sources=(str(SEED),))
    db = open_database(settings.database_url)
    assert len(ingest_configured(db, settings).new) == 1

    def no_building(*args, **kwargs):
        raise AssertionError("the digest was built again for /brief")

    monkeypatch.setattr(bot.briefing, "build_digest", no_building)
    page = render_text(Commands(db, settings).handle("/brief", ChatContext("console", "c")))
    assert "President Biden is sending a top White House official" in page
