from __future__ import annotations

from bot.briefing import source_label
from bot.store.models import StoredArticle
from tests.conftest import SHARED_DATA


def row(source: str, url: str | None = None) -> StoredArticle:
    return StoredArticle(id="x", source=source, url=url, headline="h", body="b", analysis={},
                         analysis_version=1)


def test_a_story_is_credited_to_its_site_or_to_its_folder_and_file() -> None:
    assert source_label(row(str(SHARED_DATA / "news/reuters/7643.txt"))) == "reuters/7643.txt"
    assert source_label(row(r"C:\news\bbc\politics-267.txt")) == "bbc/politics-267.txt"
    assert source_label(row("7643.txt")) == "7643.txt"
    feed = row("https://feeds.example.org/rss", url="https://www.reuters.com/world/story-1")
    assert source_label(feed) == "reuters.com"
    assert source_label(row("x", url="http://user@news.example.com:8080/a")) == "news.example.com"
