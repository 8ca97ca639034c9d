"""/who NAME: which person a name means (issue #10: '/who Brown', '/who Kerry')."""

from __future__ import annotations

from bot.who_lookup import EXACT, PART, SURNAME, look_up, match_kind
from summarizer.analysis import Person


def stories(*names: str) -> list[tuple[str, list[Person]]]:
    return [(f"story-{i}", [Person(name=n)]) for i, n in enumerate(names)]


def test_match_kinds_and_no_match_inside_a_word() -> None:
    assert match_kind("Gordon Brown", "gordon brown") == EXACT
    assert match_kind("Gordon Brown", "Brown") == SURNAME
    assert match_kind("Kerry Brown", "Kerry") == PART
    assert match_kind("Andrew Brownsword", "Brown") is None
    assert match_kind("José López", "lopez") == SURNAME


def test_brown_is_headed_by_the_most_reported_brown_and_the_rest_are_apart() -> None:
    found = look_up(
        "Brown",
        stories(
            "Gordon Brown",
            "Michael Brown",
            "Gordon Brown",
            "Andrew Brownsword",
            "Scott Brown",
            "Gordon Brown",
            "Kerry Brown",
        ),
    )
    assert found is not None
    assert found.name == "Gordon Brown"
    assert [m.article for m in found.main] == ["story-0", "story-2", "story-5"]
    assert [m.person.name for m in found.others] == ["Michael Brown", "Scott Brown", "Kerry Brown"]


def test_kerry_means_the_surname_before_a_first_name() -> None:
    found = look_up("Kerry", stories("Kerry Brown", "John Kerry", "Kerry", "John Kerry"))
    assert found is not None
    assert found.name == "John Kerry"
    assert {m.article for m in found.main} == {"story-1", "story-2", "story-3"}  # "Kerry" alone is him
    assert [m.person.name for m in found.others] == ["Kerry Brown"]


def test_an_exact_full_name_wins_over_more_frequent_surname_matches() -> None:
    found = look_up("Kerry Brown", stories("Kerry Brown", "John Kerry", "John Kerry"))
    assert found is not None and found.name == "Kerry Brown" and found.others == []


def test_nobody_matching() -> None:
    assert look_up("Nobody", stories("Gordon Brown")) is None


def test_a_title_names_its_organisation_once() -> None:
    p = Person(
        name="Mitch McConnell", title="U.S. Senate Majority Leader", organization="U.S. Senate Majority"
    )
    assert p.described == "U.S. Senate Majority Leader"
    q = Person(name="Kristie Canegallo", title="acting deputy secretary", organization="Homeland Security")
    assert q.described == "acting deputy secretary, Homeland Security"
