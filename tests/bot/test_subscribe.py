"""/subscribe as a person types it: what is accepted, and an answer that says exactly what is wrong."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.commands import ChatContext, Commands
from bot.render.text import render_text
from bot.settings import load_settings
from bot.store import open_database
from bot.store.repo import get_subscription

WINTER = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)  # Europe/Berlin at UTC+01:00, Europe/Athens at +02:00


@pytest.fixture
def commands(tmp_path: Path) -> Commands:
    return Commands(
        open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}"), load_settings({}), clock=lambda: WINTER
    )


def subscribe(commands: Commands, args: str, chat: str = "c1") -> str:
    return render_text(commands.handle(f"/subscribe {args}", ChatContext("telegram", chat)))


def stored(commands: Commands, chat: str = "c1") -> tuple[str, str] | None:
    with commands.db.session() as session:
        sub = get_subscription(session, "telegram", chat)
        return (sub.delivery_time, sub.timezone) if sub is not None and sub.active else None


@pytest.mark.parametrize(
    ("args", "time", "zone"),
    [
        ("9am", "09:00", "UTC"),
        ("9:30pm", "21:30", "UTC"),
        ("21:00", "21:00", "UTC"),
        ("12am", "00:00", "UTC"),
        ("12pm", "12:00", "UTC"),
        ("9 pm Europe/Berlin", "21:00", "Europe/Berlin"),
        ("07:30 europe/berlin", "07:30", "Europe/Berlin"),  # zone names in any letter case
        ("AMERICA/NEW_YORK 6:45am", "06:45", "America/New_York"),
        ("Berlin 8am", "08:00", "Europe/Berlin"),  # a city that names one zone
        ("utc", "08:00", "UTC"),
    ],
)
def test_times_and_zones_people_type_are_accepted(
    commands: Commands, args: str, time: str, zone: str
) -> None:
    out = subscribe(commands, args)
    assert out.startswith(f"Subscribed: a daily digest at {time} {zone}."), out
    assert stored(commands) == (time, zone)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ("25:00", "hour 25 is out of range; hours go from 00 to 23"),
        ("24:00", "the day has no hour 24; use 00:00 for midnight"),
        ("13pm", "with am/pm the hour goes from 1 to 12"),
        ("9:75", "minutes go from 00 to 59"),
        ("Europe/Berln", "Unknown time zone “Europe/Berln”. Did you mean Europe/Berlin"),
        ("america/new_yrok", "Did you mean America/New_York"),
        ("CET", "“CET” is an abbreviation, not a place"),
        ("UTC+2", "“UTC+2” is a fixed offset"),
        ("9am 10am", "Give one time"),
        ("mon,xyz 08:00", "“xyz” is not a day: use mon, tue"),
        ("weekdays 08:00 mon,thu", "Give the days once"),
        ("08:00 the", "“the” has no word to look for"),
        ("08:00 UTC fentanyl, -", "“-” excludes nothing"),
        ("08:00 UTC " + "word " * 50, "The filter is too long"),
    ],
)
def test_each_mistake_gets_its_own_explanation_and_nothing_is_stored(
    commands: Commands, args: str, says: str
) -> None:
    out = subscribe(commands, args)
    assert says in out, out
    assert "Usage: /subscribe [days] [HH:MM] [Area/City] [filter] (e.g. /subscribe mon,thu" in out
    assert stored(commands) is None


def test_an_abbreviation_or_an_offset_is_answered_with_places_that_use_it() -> None:
    from bot.localtime import TimeInputError, read_zone

    with pytest.raises(TimeInputError) as cet:
        read_zone("CET", WINTER)
    places = str(cet.value).split("e.g. ")[1].rstrip(".").replace(" or ", ", ").split(", ")
    assert len(places) == 3 and all(p.startswith("Europe/") for p in places)
    for place in places:  # each one really is on CET in winter
        assert WINTER.astimezone(read_zone(place)).tzname() == "CET"
    with pytest.raises(TimeInputError) as plus2:
        read_zone("UTC+2", WINTER)
    assert "places at UTC+02:00 now" in str(plus2.value)
    named = str(plus2.value).split("now: ")[1].rstrip(".").replace(" or ", ", ").split(", ")
    assert named and all(WINTER.astimezone(read_zone(z)).utcoffset().total_seconds() == 7200 for z in named)


def test_a_city_is_read_as_its_zone_unless_it_names_places_on_different_clocks() -> None:
    from bot.localtime import TimeInputError, read_zone

    assert read_zone("kolkata").key == "Asia/Kolkata"
    # two names of one zone: either keeps the same time
    assert read_zone("buenos_aires").key == "America/Argentina/Buenos_Aires"
    with pytest.raises(TimeInputError, match="“west” is an abbreviation"):
        read_zone("west")  # Western European Summer Time before it is Australia/West or Brazil/West


def test_read_time_and_defaults() -> None:
    from bot.localtime import read_time
    from bot.subscriptions import read_subscribe

    assert read_time("0730").strftime("%H:%M") == "07:30"
    assert read_time("9 a.m.".replace(" ", "")).strftime("%H:%M") == "09:00"
    req = read_subscribe("", "08:00", "Europe/Berlin")
    assert (req.hhmm, req.zone.key, len(req.days), bool(req.topic_filter)) == (
        "08:00",
        "Europe/Berlin",
        7,
        False,
    )


@pytest.mark.parametrize(
    ("args", "days", "time", "zone", "topic_filter"),
    [
        ("weekdays 07:30 Europe/Paris", "weekdays", "07:30", "Europe/Paris", ""),
        ("mon, thu 08:00", "mon,thu", "08:00", "UTC", ""),
        ("08:00 Mon,Thursday", "mon,thu", "08:00", "UTC", ""),
        ("fri-mon 9pm", "mon,fri,sat,sun", "21:00", "UTC", ""),
        ("saturday 10:00 UTC", "sat", "10:00", "UTC", ""),
        ("07:30 Europe/Paris fentanyl, migration", "daily", "07:30", "Europe/Paris", "fentanyl, migration"),
        ("07:30 fentanyl, migration -trump", "daily", "07:30", "UTC", "fentanyl, migration, -trump"),
        ("iran", "daily", "08:00", "UTC", "iran"),  # a country-named legacy zone is a news word here
        ("07:30 UTC paris", "daily", "07:30", "UTC", "paris"),  # a city after the zone is a filter word
        ("tomorrow", "daily", "08:00", "UTC", "tomorrow"),
    ],
)
def test_days_and_filters_people_type_are_read_and_stored(
    commands: Commands, args: str, days: str, time: str, zone: str, topic_filter: str
) -> None:
    subscribe(commands, args)
    with commands.db.session() as session:
        sub = get_subscription(session, "telegram", "c1")
        assert sub is not None
        assert (sub.days, sub.delivery_time, sub.timezone, sub.topic_filter) == (
            days,
            time,
            zone,
            topic_filter,
        )


def test_the_same_subscription_twice_is_one_and_a_different_one_is_added(commands: Commands) -> None:
    first = subscribe(commands, "07:30 UTC Fentanyl, migration")
    assert first.startswith("Subscribed: a daily digest at 07:30 UTC. Filter: Fentanyl, migration.")
    assert "Id 1: /unsubscribe 1 stops it" in first
    again = subscribe(commands, "07:30 UTC migration, fentanyl")  # the same filter, in another order
    assert again.startswith("Already subscribed: a daily digest at 07:30 UTC.") and "Id 1" in again
    other = subscribe(commands, "weekdays 07:30 UTC migration")
    assert other.startswith("Subscribed: a digest on weekdays at 07:30 UTC. Filter: migration.")
    assert "Id 2" in other
    for n in range(8):
        subscribe(commands, f"{n + 10}:00 UTC")
    refused = subscribe(commands, "23:00 UTC")
    assert refused.startswith("This chat has 10 subscriptions, the most it may have.")
