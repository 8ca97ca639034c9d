"""Offline sentence and word splitting on real news text (the seed and ../shared/data/news)."""

from __future__ import annotations

import time

import pytest
from sumy.parsers.plaintext import PlaintextParser

from summarizer.article import parse_text
from summarizer.text import OfflineTokenizer, split_sentences, split_words
from tests.conftest import SHARED_DATA

NEWS = SHARED_DATA / "news"


def sentences_of(relative: str) -> list[str]:
    return split_sentences((NEWS / relative).read_text(encoding="utf-8"))


def sentence_with(sentences: list[str], phrase: str) -> str:
    found = [s for s in sentences if phrase in s]
    assert len(found) == 1, f"{phrase!r} in {len(found)} sentences"
    return found[0]


def test_seed_sentences(seed_text: str) -> None:
    body = parse_text(seed_text).body
    sentences = split_sentences(body)
    # "U.S." ends a sentence at a paragraph end but not before "is"; "Mr." and "Ms." never end one.
    assert sentence_with(sentences, "unsuspecting users").endswith("unsuspecting users in the U.S.")
    assert sentence_with(sentences, "The U.S. is pressuring").endswith("supply chain at times.")
    assert sentence_with(sentences, "Mr. Biden").startswith("While some Republicans press")
    assert sentence_with(sentences, "will join Ms. Sherwood-Randall").endswith("in Mexico City.")
    # A quotation closed with a comma, its attribution, then a new quotation: two sentences.
    first = sentence_with(sentences, "This meeting will enhance coordination")
    assert first.endswith("illicit finance,” the State Department said.")
    assert sentence_with(sentences, "Deputy Secretary Verma").startswith("“Deputy Secretary Verma will")
    assert len(sentences) == 17
    assert all(s[0].isupper() or s[0] in '“"' for s in sentences)


def test_quotes_with_attribution_between() -> None:
    s = sentences_of("reuters/10078.txt")
    assert sentence_with(s, "totally wrong").startswith('"I think that (an increase) would be totally wrong.')
    said = sentence_with(s, "much to early to speculate")
    assert said.startswith("I think the price is very fair") and said.endswith('," he said.')
    assert sentence_with(s, "Let's wait and see") == '"Let\'s wait and see how the offer runs."'


def test_question_inside_quote_does_not_end_before_attribution() -> None:
    s = sentences_of("bbc/tech-022.txt")
    asked = sentence_with(s, "buck an hour")
    assert asked.startswith('"Why build your own grid')
    assert asked.endswith("Network Computing event in California.")


def test_company_abbreviation_ends_a_sentence_before_an_opener() -> None:
    s = sentences_of("reuters/13021.txt")
    assert sentence_with(s, "made a bid for").endswith("Safeway Stores Inc.")
    assert sentence_with(s, "The Hafts lost").startswith("The Hafts lost, but walked away")


def test_initials_times_numbers_and_decimals_stay_inside() -> None:
    windom = sentence_with(sentences_of("reuters/7753.txt"), "Robert E. Windom")
    assert "said Dr Robert E. Windom, assistant secretary for health" in windom
    hiking = sentence_with(sentences_of("cnn/6318a9d74e09.txt"), "hiking about")
    assert "6:30 p.m. Saturday" in hiking and not hiking.endswith("p.m.")
    landing = sentence_with(sentences_of("cnn/8fe1a04ba71c.txt"), "first tried landing")
    assert "7 a.m. Wednesday (8:30 p.m. ET Tuesday), getting very close" in landing
    golf = sentence_with(sentences_of("cnn/bd88d236ea4e.txt"), "scuba diver")
    assert "world No. 1 McIlroy had thought" in golf
    decimal = sentence_with(sentences_of("reuters/18425.txt"), "14.4 pct")
    assert "rose 14.4 pct in the half-year" in decimal
    assert split_sentences("It grew 3.5 percent. Prices fell.") == ["It grew 3.5 percent.", "Prices fell."]


def test_wire_dateline_stays_with_its_lead() -> None:
    first = sentences_of("reuters/10078.txt")[1]
    assert first.startswith("NEW YORK, March 26 - British Petroleum Co Plc does not intend")
    assert first.endswith("BP Managing Director David Simon said.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John F. Kennedy was shot in Dallas. He died.", ["John F. Kennedy was shot in Dallas.", "He died."]),
        ("Sammy Davis Jr. sang. He danced.", ["Sammy Davis Jr. sang.", "He danced."]),
        ("It was made by Tom Howell Jr. He wrote it.", ["It was made by Tom Howell Jr.", "He wrote it."]),
        ("The vote is on Jan. 5 in the U.S. Senate.", ["The vote is on Jan. 5 in the U.S. Senate."]),
        ("'We won,' he said. 'Next year too.'", ["'We won,' he said.", "'Next year too.'"]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("Why? Nobody knows! Gen. Smith agreed.", ["Why?", "Nobody knows!", "Gen. Smith agreed."]),
        ("By . Daily Mail Reporter . A man was held.", ["By .", "Daily Mail Reporter .", "A man was held."]),
        ("Headline, no stop\n\nBody one. Body two.", ["Headline, no stop", "Body one.", "Body two."]),
        ("Headline, no stop\nBody one.", ["Headline, no stop", "Body one."]),
        ("A hard-wrapped line that\ngoes on. Done.", ["A hard-wrapped line that goes on.", "Done."]),
        ("Wrapped in a block that\ngoes on.\n\nNext.", ["Wrapped in a block that goes on.", "Next."]),
        ("", []),
    ],
)
def test_edge_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_words() -> None:
    assert split_words("The U.S. economy grew 3.5% in Sherwood-Randall's term, didn't it?") == [
        "The",
        "U.S",
        "economy",
        "grew",
        "3.5",
        "in",
        "Sherwood-Randall's",
        "term",
        "didn't",
        "it",
    ]
    # sumy's contract: words only, no bare numbers or punctuation.
    assert OfflineTokenizer("english").to_words("In 2014, F-16 jets flew 3.5 miles!") == (
        "In",
        "F-16",
        "jets",
        "flew",
        "miles",
    )


def test_sumy_parser_accepts_the_tokenizer(seed_text: str) -> None:
    tokenizer = OfflineTokenizer("english")
    assert tokenizer.language == "english"
    document = PlaintextParser.from_string(parse_text(seed_text).body, tokenizer).document
    sentences = [str(s) for s in document.sentences]
    assert sentences == split_sentences(parse_text(seed_text).body)
    assert document.sentences[0].words[:3] == ("President", "Biden", "is")


def test_splitting_the_news_corpus_is_fast() -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(NEWS.rglob("*.txt"))]
    assert len(texts) > 600
    t0 = time.perf_counter()
    count = sum(len(split_sentences(t)) for t in texts)
    seconds = time.perf_counter() - t0
    assert count > 10_000
    assert seconds < 2.0, f"{count} sentences took {seconds:.2f}s"  # ~0.1s on a shared 2-core machine
