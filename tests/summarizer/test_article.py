from __future__ import annotations

import pytest

from summarizer.article import ArticleError, content_id, display_headline, parse_text, split_dateline
from tests.conftest import SHARED_DATA


def test_seed_gets_derived_title_author_and_loses_furniture(seed_text: str) -> None:
    a = parse_text(seed_text)
    assert a.headline_derived
    assert a.headline == "President Biden sends top White House official to Mexico"
    assert a.author == "Tom Howell Jr."
    assert "can be reached" not in a.body
    assert "comment policy" not in a.body
    assert a.paragraphs[0].startswith("President Biden is sending")
    assert a.paragraphs[-1].startswith("“This meeting will enhance coordination")


def test_reuters_headline_dateline_and_capitals() -> None:
    a = parse_text((SHARED_DATA / "news/reuters/16094.txt").read_text())
    assert a.headline == "Taiwan Announces New Round of Import Tariff Cuts"
    assert not a.headline_derived
    assert a.dateline == "TAIPEI, April 11"
    assert a.body.startswith("Taiwan announced plans for another round of import tariff cuts")


def test_cnn_dateline_is_split_and_title_is_derived_from_lead() -> None:
    a = parse_text((SHARED_DATA / "news/cnn/f4fd3b5f8e12.txt").read_text())
    assert a.dateline == "Lausanne, Switzerland (CNN)"
    assert a.body.startswith("As nuclear talks with Iran neared the endgame, U.S. Secretary of State")
    assert a.headline_derived
    # the derived headline is the key sentence's main clause, in the present, the name without titles
    assert a.headline == "Kerry shies away from predicting success"


@pytest.mark.parametrize(
    ("lead", "dateline", "rest"),
    [
        ("NEW YORK, March 26 - Stocks rose.", "NEW YORK, March 26", "Stocks rose."),
        ("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON (Reuters)", "The Senate voted."),
        ("(CNN)The fire spread.", "(CNN)", "The fire spread."),
        ("Washington (CNN) -- A vote.", "Washington (CNN)", "A vote."),
        ("The U.S. economy grew.", None, "The U.S. economy grew."),
    ],
)
def test_wire_datelines(lead: str, dateline: str | None, rest: str) -> None:
    assert split_dateline(lead) == (dateline, rest)


def test_blank_line_paragraphs_join_hard_wrapped_lines() -> None:
    a = parse_text("A short headline\n\nFirst line of a paragraph\nthat wraps here.\n\nSecond paragraph.")
    assert a.headline == "A short headline"
    assert a.paragraphs == ("First line of a paragraph that wraps here.", "Second paragraph.")


def test_byline_becomes_author() -> None:
    a = parse_text("Markets rally on rate hopes\n\nBy Jane Q. Public, Reuters\n\nStocks rose on Monday.")
    assert a.author == "Jane Q. Public"
    assert a.body == "Stocks rose on Monday."


def test_same_story_twice_has_one_id(seed_text: str) -> None:
    reflowed = seed_text.replace("\n", "\n\n").replace("  ", " ")
    assert parse_text(seed_text).id == parse_text(reflowed).id
    assert content_id("A b, c.") == content_id("a  B c")
    assert parse_text(seed_text).id != parse_text(seed_text + "\nOne more paragraph here.").id


@pytest.mark.parametrize("text", ["", "   \n\n  ", "a\x00b"])
def test_unreadable_text_raises_a_clear_error(text: str) -> None:
    with pytest.raises(ArticleError):
        parse_text(text)


def test_only_boilerplate_is_not_an_article() -> None:
    with pytest.raises(ArticleError, match="no body"):
        parse_text("Please read our comment policy before commenting.")


@pytest.mark.parametrize(
    ("wire", "shown"),
    [
        ("SHULTZ BEGINS ARMS TALKS WITH SHEVARDNADZE", "Shultz Begins Arms Talks with Shevardnadze"),
        ("U.S. TRADE DEFICIT WIDENS IN JANUARY", "U.S. Trade Deficit Widens in January"),
        ("EC-COMECON TALKS TO RESUME", "EC-Comecon Talks to Resume"),
        ("BP <BP> DOES NOT PLAN TO HIKE BID", "BP Does Not Plan to Hike Bid"),  # the ticker is markup
        ("VARITY<VAT> SEES IMPROVED RESULTS", "Varity Sees Improved Results"),
        ("<ROYAL DUTCH/SHELL GROUP> 4TH QTR NET", "Royal Dutch/Shell Group 4th Qtr Net"),
        ("Campbell to be Lions consultant", "Campbell to be Lions consultant"),
    ],
)
def test_capitalised_wire_headlines_are_shown_in_headline_case(wire: str, shown: str) -> None:
    assert display_headline(wire) == shown


def test_derived_titles_without_a_model_are_the_main_clause_cut_at_a_phrase_boundary() -> None:
    from summarizer.article import derive_title

    lead = "As talks with Iran neared the endgame, U.S. Secretary of State John Kerry shied away from it."
    assert derive_title(lead) == "U.S. Secretary of State John Kerry shied away from it"


def test_a_headline_repeated_under_a_source_line_is_not_the_story_twice() -> None:
    article = parse_text((SHARED_DATA / "news/usenet/76438.txt").read_text())
    assert article.headline == "Peace Talks Resume Today; Israel to Offer Palestinians New Proposals"
    assert article.body.startswith("Israel Radio, KOL YISRAEL, reports")
    assert not article.headline_derived


def test_a_short_first_line_trailing_off_is_a_headline() -> None:
    article = parse_text("Peace talks ...\n\nToday's paper reports that the talks will go ahead in May.")
    assert article.headline == "Peace talks" and not article.headline_derived
    assert article.body.startswith("Today's paper")


def test_wire_headlines_keep_the_capitals_the_story_uses() -> None:
    body = "Australia's largest company, The Broken Hill Pty Co Ltd <BRKN.S> (BHP), is expected to report"
    assert display_headline("BHP NET SEEN AROUND 600 MLN DLRS", body) == "BHP Net Seen Around 600 Mln Dlrs"
    shown = display_headline("VARITY<VAT> SEES IMPROVED RESULTS AFTER 1ST QTR", "Varity Corp said")
    assert shown == "Varity Sees Improved Results After 1st Qtr"  # the ticker is markup
    # a story in capitals says nothing about which words are abbreviations
    assert display_headline("BHP NET SEEN HIGHER", "BHP NET PROFIT IS SEEN HIGHER") == "Bhp Net Seen Higher"


def test_a_story_opening_with_its_headline_and_a_dash_starts_after_it() -> None:
    article = parse_text((SHARED_DATA / "news/usenet/61293.txt").read_text())
    assert article.headline == "Redesign Activities Update"
    assert article.body.startswith("Following is the weekly status on redesign")
    kept = parse_text("Rain in Spain\n\nRain in Spain fell mainly on the plain, forecasters said on Monday.")
    assert kept.body.startswith("Rain in Spain fell")  # a headline that is the sentence's subject stays
