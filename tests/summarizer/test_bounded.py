"""Analysis of a very long file reads a bounded prefix (cost), and a news story is read whole."""

from __future__ import annotations

import pytest

import summarizer.pipeline as pipeline
from summarizer.analysis import PeopleResult
from summarizer.article import ANALYSIS_MAX_CHARS, Article, analysis_prefix, parse_text
from tests.conftest import SHARED_DATA

NEWS = sorted((SHARED_DATA / "news").rglob("*.txt"))


def _long_text(min_chars: int) -> str:
    parts: list[str] = []
    size = 0
    for path in NEWS * 20:
        text = path.read_text(errors="replace")
        parts.append(text)
        size += len(text)
        if size >= min_chars:
            break
    return "\n\n".join(parts)


def test_every_news_story_is_analysed_whole() -> None:
    for path in NEWS:
        article = parse_text(path.read_text(errors="replace"))
        assert analysis_prefix(article) is article, path


def test_a_long_file_is_analysed_on_a_prefix_ending_at_a_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    article = parse_text(_long_text(1_000_000))
    assert len(article.body) > 900_000  # the stored story stays whole
    seen: list[Article] = []

    def spy(a: Article):
        seen.append(a)
        return PeopleResult()

    monkeypatch.setattr(pipeline, "extract_people", spy)
    monkeypatch.setattr(pipeline, "article_topics", lambda a, **_: seen.append(a) or [])
    result = pipeline.analyse_article(article)
    assert len(seen) == 2 and all(len(a.body) <= ANALYSIS_MAX_CHARS for a in seen)
    prefix = seen[0]
    assert prefix.paragraphs == article.paragraphs[: len(prefix.paragraphs)]
    assert all(s in prefix.body for s in result.summary)


def test_one_huge_paragraph_is_cut_at_a_sentence_end() -> None:
    body = " ".join(["The talks went on into the night."] * 5_000)
    article = parse_text(body)
    prefix = analysis_prefix(article)
    assert len(prefix.body) <= ANALYSIS_MAX_CHARS and prefix.body.endswith("night.")
