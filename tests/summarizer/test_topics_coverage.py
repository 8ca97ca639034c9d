"""Topic labels chosen for coverage: measured on the second labelled set, and what a phrase said once
must be to become a label."""

from __future__ import annotations

import json

import pytest

from summarizer.article import parse_text
from summarizer.topics import article_topics, label_key
from tests.shared_data import SHARED_DATA

DATA = SHARED_DATA
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data not present")


@needs_data
def test_topic_hit_rate_on_the_second_labelled_set() -> None:
    """39 articles labelled by the guide (33 CNN, 6 Reuters): a labelled topic is hit when a label shares a
    stemmed word with it. Choosing labels for likely new words took this from 0.62 to 0.66 (bench/topics.py
    prints the cross-validated figure, the one to judge by); whole names instead of truncated ones ("United
    Arab") left the cross-validated mean as it was and this in-sample figure at 0.63."""
    hits = total = 0
    for line in (DATA / "topics-dev-2.jsonl").read_text().splitlines():
        row = json.loads(line)
        article = parse_text((DATA.parent / row["path"]).read_text(encoding="utf-8"))
        got = {w for t in article_topics(article) for w in label_key(t.label)}
        for label in row["topics"]:
            total += 1
            hits += bool(label_key(label) & got)
    assert hits / total >= 0.62, (hits, total)


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
