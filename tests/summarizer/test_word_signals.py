"""The signals the topic word model reads beside the rules: commonness in English, centrality in the
story, and how the spaCy model tags each word."""

from __future__ import annotations

import pytest

from summarizer.article import parse_text
from summarizer.topic_words import stem_of
from summarizer.topics import (
    _MODEL_WEIGHTS,
    _RULES_WEIGHTS,
    DEFAULT_SETTINGS,
    TAG_FEATURES,
    WORD_FEATURES,
    article_topics,
    story_words,
)
from summarizer.word_signals import centrality, commonness, tag_shares

STORY = (
    "Saudi jets strike Houthi rebels in Yemen\n\n"
    "Saudi Arabia and its allies struck Houthi rebels in Yemen on Thursday, a Saudi adviser said. "
    "The Houthi rebels, Shiite Muslims, have taken over Yemen's capital, Sanaa. "
    "Kelly Adams, a spokeswoman in Riyadh, said the strikes on the rebels would go on. "
    "The Houthis say Saudi Arabia began the war; Yemen's president fled Sanaa on Wednesday."
)


def test_common_words_are_common_and_names_are_rare() -> None:
    assert commonness("the") > commonness("man") > commonness("sanctions") > commonness("Houthi") > 0
    assert commonness("Zxqvbnt") == 0.0


def test_the_word_the_story_keeps_returning_to_is_most_central() -> None:
    sentences = [["yemen", "rebel", "strike"], ["yemen", "capital"], ["yemen", "war", "president"], ["man"]]
    rank = centrality(sentences)
    assert rank["yemen"] == 1.0
    assert rank["man"] < rank["capital"] < rank["yemen"]
    assert centrality([]) == {}


def test_the_model_tells_people_from_places_and_nouns_from_verbs() -> None:
    shares = tag_shares(STORY, stem_of)
    if shares is None:
        pytest.skip("no spaCy model installed")
    feature = dict(enumerate(TAG_FEATURES))
    by_name = {stem: dict(zip(feature.values(), values, strict=True)) for stem, values in shares.items()}
    assert by_name["yemen"]["place_entity"] > 0.5
    assert by_name["kelly"]["person"] > 0.5
    assert by_name["rebel"]["noun"] > 0.5
    assert by_name["struck"]["verb"] > 0.5


def test_a_hyphenated_word_is_tagged_as_one_word_by_its_head() -> None:
    """The model's tokenizer splits "two-state" into "two", "-", "state"; the topic rules read one word,
    which had no tags at all (as if it were neither noun nor name) and so was rarely a label."""
    shares = tag_shares(
        "Abbas backs a two-state solution. The US-Israel rift widened over the two-state plan.", stem_of
    )
    if shares is None:
        pytest.skip("no spaCy model installed")
    by_name = {stem: dict(zip(TAG_FEATURES, values, strict=True)) for stem, values in shares.items()}
    assert by_name["two-state"]["noun"] == 1.0 and by_name["two-state"]["number_entity"] == 0.0
    assert by_name["us-israel"]["place_entity"] == 1.0
    assert "two" not in by_name and "-" not in by_name


@pytest.mark.usefixtures("rules_only")
def test_without_the_model_the_rules_weights_rank_the_words() -> None:
    """`ner_model = false`: the tag features are zero and the weights fitted without them are used, so
    the story still gets its topics."""
    words = story_words(parse_text(STORY))
    assert all(w.features[-len(TAG_FEATURES) :] == (0.0,) * len(TAG_FEATURES) for w in words.values())
    labels = " ".join(t.label for t in article_topics(parse_text(STORY), language="en")).lower()
    assert "yemen" in labels and "houthi" in labels


def test_weights_name_every_feature_in_order() -> None:
    assert list(_MODEL_WEIGHTS) == ["intercept", *WORD_FEATURES]
    assert list(_RULES_WEIGHTS) == ["intercept", *WORD_FEATURES[: len(WORD_FEATURES) - len(TAG_FEATURES)]]
    assert (
        len(DEFAULT_SETTINGS.word_weights)
        == len(DEFAULT_SETTINGS.rules_word_weights)
        == 1 + len(WORD_FEATURES)
    )
