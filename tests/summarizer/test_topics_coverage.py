"""Topic labels chosen for coverage: measured on the second labelled set, and what a phrase said once
must be to become a label."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from summarizer.article import parse_text
from summarizer.topic_words import label_key
from summarizer.topics import DEFAULT_SETTINGS, article_topics
from tests.shared_data import SHARED_DATA

DATA = SHARED_DATA
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data not present")


@needs_data
def test_topic_hit_rate_on_the_second_labelled_set() -> None:
    """39 articles labelled by the guide (33 CNN, 6 Reuters): a labelled topic is hit when a label shares a
    stemmed word with it. Choosing labels for likely new words took this from 0.62 to 0.64, the model's
    part-of-speech and entity tags in the word model to 0.68, weighing words said beside labelled ones
    less to 0.69 (bench/topics.py prints the cross-validated figure)."""
    hits = total = 0
    for line in (DATA / "topics-dev-2.jsonl").read_text().splitlines():
        row = json.loads(line)
        article = parse_text((DATA.parent / row["path"]).read_text(encoding="utf-8"))
        got = {w for t in article_topics(article) for w in label_key(t.label)}
        for label in row["topics"]:
            total += 1
            hits += bool(label_key(label) & got)
    assert hits / total >= 0.68, (hits, total)


def test_a_phrase_said_once_joins_words_that_recur_and_saves_a_slot() -> None:
    """ "uranium stockpile" is said once, but both words recur: one label says both, and neither word
    takes a slot of its own. A fragment said once ("Acme Corp expects") stays out: see test_topics.py."""
    text = (
        "Reactor deal delayed\n\nNegotiators in Vienna failed on Tuesday to settle how much enriched "
        "uranium Iran may keep. Western envoys want the uranium stockpile shipped abroad. Iran says it "
        "needs the stockpile for medical isotopes, and the uranium stays. The envoys will meet again in "
        "Vienna next week. Israel says the size of the stockpile worries it, envoys said."
    )
    got = [t.label for t in article_topics(parse_text(text))]
    assert "uranium stockpile" in got, got
    assert not {"uranium", "stockpile"} & set(got), got


def test_the_other_half_of_a_labelled_name_waits_for_new_subjects() -> None:
    """Once "Saudi warplanes" is a label, "Saudi Arabia" only adds "Arabia", which the story says only
    beside "Saudi": five labels name the rebels and Yemen instead."""
    from tests.summarizer.test_topics_names import SAUDI_STORY

    article = parse_text(SAUDI_STORY)
    got = [t.label for t in article_topics(article, k=5)]
    assert "Saudi warplanes" in got and "Saudi Arabia" not in got, got
    words = {w for label in got for w in label_key(label)}
    assert {"houthi", "yemen"} <= words, got
    # valued at its full probability, "Arabia" would take the fifth place
    undiscounted = replace(DEFAULT_SETTINGS, said_with_discount=0.0)
    assert "Saudi Arabia" in [t.label for t in article_topics(article, k=5, settings=undiscounted)]
