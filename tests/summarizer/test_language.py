"""Articles not in English: detected, summarized with their own stemmer and stop words, and left out of
people and topics (the digest says "not analysed: German") instead of yielding stop words as topics."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.briefing import item_blocks
from bot.commands import ChatContext, Commands
from bot.ingest import ingest_specs, make_analyser
from bot.render.text import render_text
from bot.settings import load_settings
from bot.store import open_database
from summarizer.analysis import Analysis, Topic
from summarizer.article import parse_text
from summarizer.digest import DigestItem
from summarizer.language import detect_language, language_name, sumy_language
from summarizer.pipeline import analyse_article
from summarizer.summarize import summarize
from summarizer.topics import article_topics
from tests.conftest import SEED

# Written for these tests.
GERMAN = """Bundesregierung beschließt neues Klimapaket

Die Bundesregierung hat am Mittwoch in Berlin ein neues Klimapaket beschlossen. Der Plan sieht vor, \
dass der Ausstoß von Kohlendioxid bis zum Jahr 2030 deutlich sinkt.

Die Ministerin für Umwelt sagte, die Maßnahmen seien ein wichtiger Schritt für die Zukunft des Landes. \
Kritiker aus der Opposition halten den Plan für zu schwach und fordern mehr Geld für den Ausbau der Bahn.

Die Industrie warnte vor höheren Kosten für die Unternehmen. Die Verbände der Wirtschaft wollen den \
Entwurf in den nächsten Wochen genau prüfen.

Der Bundestag soll im Herbst über das Gesetz abstimmen. Die Länder müssen dem Paket ebenfalls zustimmen."""

FRENCH = """Le gouvernement présente sa réforme des retraites

Le gouvernement français a présenté mardi à Paris un projet de réforme des retraites. Le texte prévoit \
de relever l'âge légal de départ de deux ans d'ici à la fin de la décennie.

Les syndicats ont appelé à une grève nationale la semaine prochaine. Selon eux, la réforme pèsera \
surtout sur les salariés les plus modestes et sur les femmes.

Le Premier ministre a défendu un texte juste et nécessaire pour l'équilibre des comptes publics. \
L'opposition demande le retrait du projet et un débat au Parlement.

Le projet de loi sera examiné par les députés au printemps."""

CTX = ChatContext(platform="console", chat_id="c1")


@pytest.mark.parametrize(
    ("text", "code"),
    [(GERMAN, "de"), (FRENCH, "fr"), (SEED.read_text(encoding="utf-8"), "en")],
)
def test_the_language_of_an_article_is_detected(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_too_little_text_to_judge_stays_english() -> None:
    assert detect_language("Taiwan tariff cuts") == "en"
    assert detect_language("") == "en"


def test_sumy_has_german_and_french_and_a_reader_sees_the_name() -> None:
    assert sumy_language("de") == "german" and sumy_language("fr") == "french"
    assert sumy_language("zz") is None
    assert language_name("de") == "German" and language_name("fr") == "French"


@pytest.mark.parametrize(("text", "code", "name"), [(GERMAN, "de", "German"), (FRENCH, "fr", "French")])
def test_a_foreign_article_gets_a_summary_but_no_stop_words_as_topics(
    text: str, code: str, name: str
) -> None:
    article = parse_text(text)
    analysis = analyse_article(article)
    assert analysis.language == code and not analysis.analysed
    assert analysis.topics == () and analysis.people == () and analysis.delegations == ()
    assert len(analysis.summary) == 3 and all(s in article.body for s in analysis.summary)
    # the topic rules themselves refuse a story that is not in English
    assert article_topics(article) == ()


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "german"), (FRENCH, "french")])
def test_summary_counts_words_with_that_languages_stop_words(text: str, language: str) -> None:
    """SumBasic ranks by word frequency: with English stop words "der", "die", "les", "des" count as
    content and it picks other sentences than with the language's own list."""
    body = parse_text(text).body
    own = summarize(body, "sumbasic", 2, language=language)
    assert len(own) == 2 and all(s in body for s in own)
    assert own != summarize(body, "sumbasic", 2)


def test_english_analysis_is_unchanged_by_the_language_step(seed_text: str) -> None:
    analysis = analyse_article(parse_text(seed_text))
    assert analysis.language == "en" and analysis.analysed
    assert analysis.topics and analysis.delegations
    assert list(analysis.summary) == summarize(parse_text(seed_text).body)


def test_stored_analyses_without_a_language_read_as_english() -> None:
    old = {"summary": ["s"], "people": [], "delegations": [], "topics": [{"label": "trade", "score": 1.0}]}
    assert Analysis.from_json({**old, "version": 3}).language == "en"
    again = Analysis.from_json(Analysis(summary=("s",), language="de").to_json())
    assert again.language == "de" and not again.analysed


def test_the_digest_says_which_stories_were_not_analysed() -> None:
    when = datetime(2026, 11, 27, tzinfo=UTC)
    german = DigestItem("1", "Klimapaket", ("Satz.",), "de.txt", None, when, language="de")
    english = DigestItem("2", "Tariffs", ("Sentence.",), "en.txt", None, when, (Topic("trade", 1.0),))
    assert "not analysed: German" in str(item_blocks(german))
    assert "not analysed" not in str(item_blocks(english))


def test_ingested_german_article_is_marked_in_the_digest(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "klima.txt").write_text(GERMAN, encoding="utf-8")
    db = open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    assert len(ingest_specs(db, [str(folder)], make_analyser()).new) == 2
    commands = Commands(db, load_settings({}))
    brief = render_text(commands.handle("/brief", CTX))
    assert "Bundesregierung beschließt neues Klimapaket" in brief
    assert "not analysed: German" in brief
    topics = render_text(commands.handle("/topics", CTX)).lower()
    assert not any(f"{w} " in topics or f"{w}," in topics for w in ("der", "die", "den", "des"))
