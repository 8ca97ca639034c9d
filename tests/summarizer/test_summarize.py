"""summarize(): every algorithm by name, the NewsRank default, cleaning, and degenerate input."""

from __future__ import annotations

import pytest

from summarizer.article import parse_text
from summarizer.summarize import ALGORITHMS, clean_text, summarize
from summarizer.text import closed_quotes, split_sentences
from tests.conftest import SHARED_DATA

SUMY_NAMES = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction")
CNN = sorted((SHARED_DATA / "news" / "cnn").glob("*.txt"))[:3]
BBC = sorted((SHARED_DATA / "news" / "bbc").glob("*.txt"))[:2]


def test_every_sumy_algorithm_plus_lead_and_default_is_offered() -> None:
    assert set(ALGORITHMS) == {*SUMY_NAMES, "lead", "default"}
    assert len(ALGORITHMS) == len(set(ALGORITHMS))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("path", CNN + BBC, ids=lambda p: p.name)
def test_sentences_come_from_the_text_in_document_order(algorithm: str, path) -> None:
    body = parse_text(path.read_text(encoding="utf-8")).body
    sentences = [closed_quotes(s) for s in split_sentences(clean_text(body))]  # a quote's marks closed
    assert len(sentences) > 6
    for n in (1, 3, 5):
        summary = summarize(body, algorithm, n)
        assert len(summary) == n
        positions = [sentences.index(s) for s in summary]  # ValueError if a sentence is not the text's
        assert positions == sorted(set(positions))


def test_unknown_algorithm_names_the_choices() -> None:
    with pytest.raises(ValueError, match="unknown algorithm 'bert'") as caught:
        summarize("Some text. More text.", "bert")
    for name in ALGORITHMS:
        assert name in str(caught.value)


def test_default_on_the_seed_reports_the_delegation_and_fentanyl(seed_text: str) -> None:
    summary = summarize(parse_text(seed_text).body)
    assert len(summary) == 3
    assert summary[0].startswith("President Biden is sending a top White House official to Mexico")
    assert any("will lead a delegation to Mexico City" in s for s in summary)
    assert sum("fentanyl" in s.lower() or "delegation" in s for s in summary) >= 2
    assert not any(s.startswith("“") for s in summary)  # reports, does not quote


def test_default_skips_a_sentence_that_repeats_one_already_chosen() -> None:
    lead = "The city council approved a new budget for the public library system on Monday night."
    text = (
        f"{lead} The city council approved the new budget for the public library system on Monday. "
        "Library hours will be extended on weekends across all twelve branches from next month. "
        "The mayor said the budget would also fund new books and computers for children."
    )
    summary = summarize(text, "default", 2)
    assert summary[0] == lead
    assert "The city council approved the new budget" not in " ".join(summary)


def test_lead_is_the_first_sentences_after_cleaning() -> None:
    text = "London (CNN)The match was abandoned. Fans were sent home. Tickets will be refunded. More later."
    assert summarize(text, "lead", 2) == ["The match was abandoned.", "Fans were sent home."]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_empty_and_short_texts_never_crash(algorithm: str) -> None:
    assert summarize("", algorithm) == []
    assert summarize("  \n\n ", algorithm) == []
    assert summarize("Only one sentence here.", algorithm) == ["Only one sentence here."]
    assert summarize("First one. Second one.", algorithm, 3) == ["First one.", "Second one."]
    assert len(summarize("12 34. 56 78. 90 12. 34 56.", algorithm, 2)) == 2  # no words at all
    assert summarize("Anything at all.", algorithm, 0) == []


def test_site_furniture_is_removed_before_ranking() -> None:
    raw = (
        "Lausanne, Switzerland (CNN)Iran and six world powers agreed on a framework deal on Thursday. "
        "Diplomats said talks would resume in June. Scroll down for video "
        "READ MORE: Five key issues in the talks . Sanctions relief will come in stages."
    )
    cleaned = clean_text(raw)
    assert cleaned.startswith("Iran and six world powers agreed")
    assert "Scroll down" not in cleaned and "READ MORE" not in cleaned and "(CNN)" not in cleaned
    assert split_sentences(cleaned)[-1] == "Sanctions relief will come in stages."
    mail = (
        "By . Daily Mail Reporter . PUBLISHED: . 12:01 EST, 3 March 2014 . | . UPDATED: . "
        "14:22 EST, 3 March 2014 . A man was arrested after a chase. Police said he was unhurt."
    )
    assert clean_text(mail) == "A man was arrested after a chase. Police said he was unhurt."
    for algorithm in ALGORITHMS:
        assert not any("PUBLISHED" in s or "By ." in s for s in summarize(mail, algorithm, 1))


def test_handles_dotless_bylines_and_picture_pointers_are_furniture() -> None:
    raw = (
        "By Sam Webb for MailOnline . Follow @@SamWebbDM . "
        "John Smith, 45, (pictured) was jailed for six years on Friday. "
        "The pair (left and right) met at a bar in 2010. Follow @@MailOnline . "
        "Fans who follow @arsenal online were told the news (above). Mr Smith (pictured with his wife) wept."
    )
    cleaned = clean_text(raw)
    assert split_sentences(cleaned) == [
        "John Smith, 45, was jailed for six years on Friday.",
        "The pair met at a bar in 2010.",
        "Fans who follow @arsenal online were told the news.",  # prose, not a by-line handle
        "Mr Smith wept.",
    ]
    assert summarize(raw, "lead", 1) == ["John Smith, 45, was jailed for six years on Friday."]
    # a bracketed aside that is not about a picture stays
    assert clean_text("The Labour (centre-left) party won.") == "The Labour (centre-left) party won."


def test_default_keeps_a_long_lead_sentence_that_carries_the_story() -> None:
    # The second sentence is long, but it is the story; short later lines are no reason to drop it.
    text = (
        "A retired firefighter has been given a bravery award by the mayor of London. "
        "Tom Reid, 67, ran into a burning flat on the fourth floor of a tower block in Hackney on Sunday "
        "night and carried three children down the stairs one by one, before going back in to rescue the "
        "family's dog as the fire spread through the kitchen. "
        "The children's mother had gone to a shop nearby when the smoke alarm went off. "
        "Neighbours called the fire brigade. Six fire engines were sent to the tower block. "
        "The children were treated in hospital for smoke inhalation. The mayor praised the firefighter at "
        "City Hall. Police said the fire was not suspicious. The council will rehouse the family."
    )
    summary = summarize(text, "default", 3)
    assert summary[0].startswith("A retired firefighter")
    assert summary[1].startswith("Tom Reid, 67, ran into a burning flat")


def test_default_leaves_the_lead_for_a_reported_line_over_a_quotation_or_question() -> None:
    text = (
        "The city council approved a new budget for the public library system on Monday night. "
        "\u201cThis is the best day for readers in this city for thirty years,\u201d one librarian said. "
        "Who will pay for the longer opening hours? "
        "Library hours will be extended on weekends across all twelve branches of the library system. "
        "The budget will also pay for new books and computers in every branch of the library system. "
        "The vote was nine to two."
    )
    summary = summarize(text, "default", 3)
    assert summary[0].startswith("The city council approved")
    assert not any(s.startswith("\u201c") or s.endswith("?") for s in summary)


def test_wire_tickers_and_company_brackets_do_not_reach_the_summary() -> None:
    text = (
        "Lead underwriters <Donaldson, Lufkin and Jenrette> and Salomon Inc <SB> said an offering of three "
        "mln shares is under way. H.J. Heinz <HNZ.N> chairman Tony O'Reilly would be interested in "
        "buying Guinness PLC <GUIN.L>'s brewery division. The Broken Hill Pty Co Ltd <BRKN.S> (BHP) gained."
    )
    got = " ".join(summarize(text, "lead", 3))
    assert "<" not in got and ">" not in got
    assert "Donaldson, Lufkin and Jenrette and Salomon Inc said" in got
    assert "Guinness PLC's brewery" in got and "Ltd (BHP) gained" in got


def test_a_sentence_cut_from_a_quotation_that_runs_on_reads_as_a_quote() -> None:
    """bbc/politics-253's digest bullet was 'Mr Blair said: "I've dealt with this six months ago.', the
    quotation left open: its next sentences carry on inside it."""
    body = parse_text((SHARED_DATA / "news" / "bbc" / "politics-253.txt").read_text(encoding="utf-8")).body
    assert 'Mr Blair said: "I\'ve dealt with this six months ago."' in summarize(body)
    lead = summarize(
        'The minister said: "We will not move. I said so then and I say it again." '
        "Talks resume on Monday in Geneva. Both sides say a deal is close.",
        "lead",
        2,
    )
    assert lead == ['The minister said: "We will not move."', '"I said so then and I say it again."']
    balanced = 'He called it "a fair deal" and said he was 6\'2" tall, that Japan"s offer stood.'
    assert summarize(balanced + " Talks went on. Both sides met.", "lead", 1) == [balanced]
