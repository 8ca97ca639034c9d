"""Cleanup never loses a story's subject: datelines are cut only where they are datelines."""

from __future__ import annotations

import re

import pytest

from summarizer.article import parse_text, split_dateline
from summarizer.summarize import clean_text, summarize
from summarizer.text import split_sentences
from tests.conftest import SHARED_DATA

REUTERS = SHARED_DATA / "news/reuters"


@pytest.mark.parametrize(
    ("name", "dateline", "opening"),
    [
        ("7643.txt", "GENEVA, March 20", "The European Community (EC) and Soviet-led Comecon ended talks"),
        ("12405.txt", "MANILA, April 2", "The Asian Development Bank (ADB) will open an office in Jakarta"),
        ("16988.txt", "LONDON, April 21", "The London Metal Exchange (LME) said it has applied"),
        ("17475.txt", "TOKYO, June 1", "British Airport Services Ltd (BAS) has concluded"),
        ("1579.txt", "WASHINGTON, March 4", "Failure of talks on re-establishing International Coffee"),
    ],
)
def test_reuters_summaries_start_with_the_subject(name: str, dateline: str, opening: str) -> None:
    article = parse_text((REUTERS / name).read_text())
    assert article.dateline == dateline
    first = summarize(article.body)[0]
    assert first.startswith(opening), first
    assert dateline not in first


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("Lausanne, Switzerland (CNN) -- Talks went on.", "Lausanne, Switzerland (CNN)"),
        ("(The Hollywood Reporter) A film opened.", "(The Hollywood Reporter)"),
        ("Omaha, Nebraska (the Heartland Project) Farmers met.", "Omaha, Nebraska (the Heartland Project)"),
        ("The European Community (EC) and Comecon ended talks.", None),
        ("Leisure group Rank (RNK) could unveil plans.", None),
    ],
)
def test_place_source_dateline_needs_known_source_or_place(lead: str, dateline: str | None) -> None:
    assert split_dateline(lead)[0] == dateline
    assert clean_text(lead) == (lead[len(dateline) :].lstrip(" -") if dateline else lead)


def test_text_without_sentence_punctuation_is_split_at_line_breaks() -> None:
    """A BBC story whose sentences lost their full stops, three lines to a block: one bullet a line."""
    raw = (SHARED_DATA / "news/bbc/business-015.txt").read_text()
    headline, _, body = raw.partition("\n\n")
    lines = [re.sub(r"[.!?]+(?=[\"'”’)]*$)", "", s) for s in split_sentences(body)[:12]]
    text = headline + "\n\n" + "\n\n".join("\n".join(lines[i : i + 3]) for i in range(0, 12, 3))
    article = parse_text(text)
    assert article.headline == "Air passengers win new EU rights"
    bullets = summarize(article.body)
    assert len(bullets) == 3
    assert all(b in lines for b in bullets), bullets


def test_a_wire_round_up_loses_its_routing_codes_and_item_datelines() -> None:
    """Reuters' commodities round-up: each item opens with its own dateline and ends in a desk code glued
    to the full stop ("… Oil World said.(XYGP 1330)"), which hid the sentence end from the splitter."""
    article = parse_text((REUTERS / "14230.txt").read_text())
    assert article.paragraphs[0].endswith("the Hamburg-based newsletter Oil World said.")
    assert article.paragraphs[1].startswith("Comex silver futures soared 15 to 18 cents")
    assert article.paragraphs[3].startswith("A Brazilian seamen's strike")  # "SAO PAULO - ", a listed city
    assert not any(re.search(r"\([A-Z]{4}(?: \d{4})?\)", p) for p in article.paragraphs)
    bullets = summarize(article.body)
    assert bullets[0].endswith("Oil World said."), bullets
    assert all(" - " not in b[:20] for b in bullets), bullets


def test_a_capitalised_row_label_before_a_dash_is_no_item_dateline() -> None:
    article = parse_text((REUTERS / "18405.txt").read_text())
    assert any(p.startswith("OIL SMALL TRADERS - long 31.8") for p in article.paragraphs)


def test_a_bracket_that_is_no_routing_code_stays() -> None:
    text = "Kingdom Ltd said profits rose. (NATO) It added more.\n\nShares rose (ABCD 12)."
    article = parse_text(text)
    assert "(NATO)" in article.body and "(ABCD 12)" in article.body


def test_a_wire_and_after_an_initialism_does_not_end_the_sentence() -> None:
    """Reuters capitalises "and" after "U.S.": "Already strained relations between the U.S. And the European
    Community (EC) are likely to get worse …" was split at "U.S.", and the summary's bullet started "And
    the European Community …", without the relations it is about; others ended on "between U.S."."""
    article = parse_text((REUTERS / "5954.txt").read_text())
    first = summarize(article.body)[0]
    assert first.startswith("Already strained relations between the U.S. And the European Community"), first
    for name in ("18532.txt", "1911.txt"):
        bullets = summarize(parse_text((REUTERS / name).read_text()).body)
        assert not any(b.endswith(" U.S.") for b in bullets), bullets
    # a sentence after an initialism still starts with an opener; a plain "And" after a word still does
    assert split_sentences("Sales rose in the U.S. The euro fell.") == [
        "Sales rose in the U.S.",
        "The euro fell.",
    ]
    assert split_sentences("He left early. And then he came back.") == [
        "He left early.",
        "And then he came back.",
    ]
