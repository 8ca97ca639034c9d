from __future__ import annotations

from datetime import UTC, datetime, timedelta

from summarizer.analysis import Topic
from summarizer.digest import OTHER_SECTION, DigestItem, build_digest, merge_near_duplicates
from tests.conftest import SHARED_DATA

T0 = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


def item(i: int, body: str, topics: tuple[str, ...] = (), hours: int = 0, source: str = "") -> DigestItem:
    return DigestItem(
        id=f"id{i}", headline=f"Story {i}", summary=(body.split(".")[0] + ".",), source=source or f"s{i}",
        url=None, when=T0 - timedelta(hours=hours), topics=tuple(Topic(t, 1.0) for t in topics), body=body,
    )


def _news(name: str) -> str:
    return (SHARED_DATA / "news" / name).read_text()


def test_near_duplicate_reposts_are_merged_into_the_newest() -> None:
    body = _news("reuters/16094.txt")
    repost = body.replace("Taiwan announced", "Taiwan has announced") + "\n\nThis story was updated."
    other = _news("bbc/sport-386.txt")
    items = [item(1, body, hours=3, source="wire"), item(2, repost, hours=1, source="site"),
             item(3, other, hours=2)]
    merged, n = merge_near_duplicates(items)
    assert n == 1
    assert [m.id for m in merged] == ["id2", "id3"]
    assert merged[0].also == ("wire",)


def test_different_stories_on_one_topic_are_not_merged() -> None:
    a = _news("reuters/16094.txt")
    b = _news("reuters/17395.txt")
    merged, n = merge_near_duplicates([item(1, a), item(2, b)])
    assert n == 0 and len(merged) == 2


def test_grouped_by_shared_topic_newest_first_other_news_last() -> None:
    items = [
        item(1, "Alpha one.", ("migration",), hours=5),
        item(2, "Beta two.", ("migration", "cartels"), hours=1),
        item(3, "Gamma three.", ("tennis",), hours=0),
    ]
    digest = build_digest(items)
    labels = [s.label for s in digest.sections]
    assert labels == ["migration", OTHER_SECTION]
    assert [i.id for i in digest.sections[0].items] == ["id2", "id1"]
    assert dict(digest.topic_counts)["migration"] == 2


def test_a_single_story_is_filed_under_its_own_top_topic() -> None:
    digest = build_digest([item(1, "Fentanyl talks.", ("fentanyl trafficking", "migration"))])
    assert [s.label for s in digest.sections] == ["fentanyl trafficking"]


def test_budget_keeps_the_newest_stories_and_counts_the_rest() -> None:
    items = [item(i, f"Story number {i} body text.", hours=i) for i in range(30)]
    digest = build_digest(items, max_items=5)
    assert len(digest.items) == 5
    assert digest.omitted == 25
    assert {i.id for i in digest.items} == {f"id{i}" for i in range(5)}
    small = build_digest(items, max_items=30, max_chars=200)
    assert 1 <= len(small.items) < 30


def test_empty_digest() -> None:
    digest = build_digest([])
    assert digest.empty and digest.total == 0
