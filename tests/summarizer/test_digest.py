from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from summarizer.analysis import Topic
from summarizer.digest import OTHER_SECTION, DigestItem, build_digest, merge_near_duplicates
from tests.conftest import SHARED_DATA

T0 = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


def item(i: int, body: str, topics: tuple[str, ...] = (), hours: int = 0, source: str = "") -> DigestItem:
    return DigestItem(
        id=f"id{i}",
        headline=f"Story {i}",
        summary=(body.split(".")[0] + ".",),
        source=source or f"s{i}",
        url=None,
        when=T0 - timedelta(hours=hours),
        topics=tuple(Topic(t, 1.0) for t in topics),
        body=body,
    )


def _news(name: str) -> str:
    return (SHARED_DATA / "news" / name).read_text()


def test_near_duplicate_reposts_are_merged_into_the_newest() -> None:
    body = _news("reuters/16094.txt")
    repost = body.replace("Taiwan announced", "Taiwan has announced") + "\n\nThis story was updated."
    other = _news("bbc/sport-386.txt")
    items = [
        item(1, body, hours=3, source="wire"),
        item(2, repost, hours=1, source="site"),
        item(3, other, hours=2),
    ]
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


def _told(i: int, story: str, topics: tuple[str, ...], hours: int = 0, source: str = "") -> DigestItem:
    """A story whose headline and summary are `story`: stories told alike are related."""
    return DigestItem(
        id=f"id{i}",
        headline=story,
        summary=(f"{story} Reported at {i}.",),
        source=source or f"site{i}/{i}",
        url=None,
        when=T0 - timedelta(hours=hours),
        topics=tuple(Topic(t, 1.0) for t in topics),
        body="",
    )


def _filler(n: int, start: int = 100) -> list[DigestItem]:
    words = [
        "apple",
        "bread",
        "cedar",
        "delta",
        "ember",
        "fjord",
        "grape",
        "hazel",
        "indigo",
        "jasper",
        "koala",
        "lemon",
        "mango",
        "nectar",
        "olive",
    ]
    return [
        _told(start + k, f"{words[k % 15]} {words[(k * 7 + 3) % 15]} item {k}", (f"lone{k}",), hours=1)
        for k in range(n)
    ]


def test_a_story_many_sources_tell_leads_a_newer_lone_story() -> None:
    covered = [
        _told(i, "Kerry meets Zarif in Lausanne on nuclear sanctions relief", ("Iran",), hours=20)
        for i in range(4)
    ]
    lone = _told(9, "Quiet village fete raises money for roof", ("fete",), hours=0)
    digest = build_digest([*covered, lone, *_filler(30)], max_items=3)
    assert digest.items[0].headline.startswith("Kerry meets Zarif")
    # the other tellings of the same story do not take the page's other places
    assert sum(i.headline.startswith("Kerry") for i in digest.items) == 1


def test_one_topic_cannot_fill_the_page_and_other_news_is_never_more_than_half() -> None:
    trade = [_told(i, f"Tariff story {i} of many", ("trade",), hours=0, source=f"s{i}/x") for i in range(10)]
    lone = [
        _told(20 + k, f"Unrelated {w} report", (f"solo {w}",), hours=2, source=f"o{k}/x")
        for k, w in enumerate(["zebra", "yacht", "xylophone", "walrus", "vulture", "umbrella"])
    ]
    digest = build_digest([*trade, *lone], max_items=12)
    sizes = {s.label: len(s.items) for s in digest.sections}
    assert sizes["trade"] <= 3  # a quarter of a 12-story page
    assert sizes.get(OTHER_SECTION, 0) * 2 <= len(digest.items)
    assert len(digest.items) >= 8


def test_one_outlet_cannot_fill_the_page_while_others_have_stories() -> None:
    wire = [
        _told(i, w, (w,), hours=0, source=f"reuters/{i}.txt")
        for i, w in enumerate(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"])
    ]
    others = [
        _told(50 + k, w, (w,), hours=3, source=f"bbc/{k}.txt")
        for k, w in enumerate(["lambda", "mu", "nu", "xi", "omicron"])
    ]
    digest = build_digest([*wire, *others], max_items=6)  # the wire's stories are newer
    outlets = [i.source.split("/")[0] for i in digest.items]
    assert outlets.count("reuters") == 3 and outlets.count("bbc") == 3
    alone = build_digest(wire, max_items=8)  # one outlet only: the page is still filled
    assert len(alone.items) == 8


def test_near_duplicates_of_a_story_shown_count_as_shown() -> None:
    body = _news("reuters/16094.txt")
    repost = body.replace("Taiwan announced", "Taiwan has announced")
    items = [
        item(1, body, hours=1, source="wire"),
        item(2, repost, hours=0, source="site"),
        *[
            item(10 + k, _news(name), hours=5)
            for k, name in enumerate(("bbc/sport-386.txt", "reuters/17395.txt", "bbc/politics-267.txt"))
        ],
    ]
    digest = build_digest(items, max_items=1)
    assert digest.merged == 1 and len(digest.items) == 1
    assert digest.omitted == 3  # 5 stories: one shown, its repost folded into it, 3 not shown


def test_unrelated_stories_fill_other_news_to_half_and_head_sections_of_their_own_beyond() -> None:
    names = ["ant", "bee", "cat", "dog", "eel"]
    stories = [_told(k, w, (f"{w} topic",), hours=k) for k, w in enumerate(names)]
    digest = build_digest(stories, max_items=5)
    sizes = {s.label: len(s.items) for s in digest.sections}
    assert len(digest.items) == 5
    assert sizes[OTHER_SECTION] == 2 and sizes["ant topic"] == 1  # the most important head sections
    untagged = build_digest([_told(k, w, (), hours=k) for k, w in enumerate(["fox", "gnu"])])
    assert [s.label for s in untagged.sections] == [OTHER_SECTION]  # nothing else to name them by


def test_a_table_of_results_does_not_lead_a_story_told_in_sentences() -> None:
    """Results tables look alike, so each seems widely covered; the page still leads with prose."""
    tables = [
        DigestItem(
            id=f"t{i}",
            headline=f"Company {i} 1986 Year",
            summary=(f"Shr {i}.5p vs {i}.6p.",),
            source=f"wire/{i}",
            url=None,
            when=T0,
            topics=(Topic("company results", 1.0),),
            body=f"Shr {i}.5p vs {i}.6p\nNet {i}.1 mln vs {i}.2 mln\nRevs {i}00 mln vs {i}10 mln\n",
        )
        for i in range(6)
    ]
    story = "Dollar opens at a record Tokyo low despite central bank intervention"
    prose = _told(9, story, ("dollar",), hours=2)
    digest = build_digest([*tables, prose, *_filler(10)], max_items=3)
    assert digest.items[0].headline.startswith("Dollar opens")


def test_the_stories_left_out_are_kept_most_important_first() -> None:
    """`rest` (what a Slack thread lists after the page): every story not shown, once, in the page's
    order of importance (told in sentences before figures, then newest first here), a near-duplicate
    folded into its story and counted in `omitted`."""
    body = _news("reuters/17395.txt")
    figures = ("Shr 28.5p vs 26.6p.",)  # a table of results: after every story told in sentences
    items = [
        *[
            item(i, f"Story number {i} tells readers about the many things that happened.", hours=i)
            for i in range(8)
        ],
        replace(item(20, body, hours=1, source="wire"), summary=figures),
        replace(item(21, body.replace("the", "a", 1), hours=2, source="site"), summary=figures),
    ]
    digest = build_digest(items, max_items=3)
    assert [i.id for i in digest.items] == ["id0", "id1", "id2"]
    assert [i.id for i in digest.rest] == ["id3", "id4", "id5", "id6", "id7", "id20"]
    assert digest.rest[-1].also == ("site",)
    assert len(digest.rest) == digest.total - len(digest.items)  # what the page's count line tells
    assert digest.omitted == sum(1 + i.repeats for i in digest.rest) == 7
    assert not build_digest(items[:2], max_items=5).rest  # all on the page: nothing left out


def test_a_section_is_a_topic_of_its_stories_leading_labels() -> None:
    """A budget story and a currency story both end their labels with "record": the page does not file
    them together under "record", a word neither story is about."""
    budget = ("trade", "budget deficit", "military operations", "costs", "CBO", "record")
    dollar = ("currency markets", "Japan intervention", "dollar", "yen", "dealers", "record")
    digest = build_digest([item(1, "Deficit.", budget, hours=1), item(2, "Dollar.", dollar, hours=2)])
    assert "record" not in [s.label for s in digest.sections], digest.sections
    assert dict(digest.topic_counts)["record"] == 2  # /topics still lists both under it
    near = build_digest([item(1, "Deficit.", (*budget[:3], "record")), item(2, "Dollar.", ("record",))])
    assert [s.label for s in near.sections] == ["record"]  # a fourth label still files a story
