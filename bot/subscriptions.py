"""What a subscription asks for: the days, the local time and zone, and the topic filter.

`/subscribe [days] [time] [Area/City] [filter]` — days, time and zone in any order first, then the
filter, which is everything from the first word that is none of them:

    /subscribe                                   daily at the default time, everything
    /subscribe weekdays 07:30 Europe/Paris       Monday to Friday
    /subscribe mon,thu 08:00 UTC fentanyl, migration -trump

Days: `daily` (the default), `weekdays`, `weekends`, or day names and ranges (`mon,thu`, `mon-fri`,
`saturday`). Filter: terms separated by commas; a story is kept when its headline, summary or topic labels
hold every word of one term (stemmed as `/brief WORDS` matches: bot/store/fulltext.py) and none of the
`-words`. A filter word that is also a city ("Paris") is read as the zone unless a zone came before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.localtime import ALL_DAYS, TimeInputError, looks_like_time, names_zone, read_time, read_zone
from bot.store.fulltext import query_words

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS = frozenset(range(5))
WEEKENDS = frozenset({5, 6})
_NAMED_SETS = {"daily": ALL_DAYS, "everyday": ALL_DAYS, "weekdays": WEEKDAYS, "weekends": WEEKENDS}
_DAY_WORDS = {
    word: i
    for i, words in enumerate(
        (
            ("mon", "monday", "mondays"),
            ("tue", "tues", "tuesday", "tuesdays"),
            ("wed", "weds", "wednesday", "wednesdays"),
            ("thu", "thur", "thurs", "thursday", "thursdays"),
            ("fri", "friday", "fridays"),
            ("sat", "saturday", "saturdays"),
            ("sun", "sunday", "sundays"),
        )
    )
    for word in words
}
_DAY_WORD = "|".join(sorted(_DAY_WORDS, key=len, reverse=True))
# "mon, thu" is one list: drop the space after a comma between two day names
_DAY_LIST_GAP = re.compile(rf"(?i)\b({_DAY_WORD})\s*,\s*(?=(?:{_DAY_WORD})\b)")
MAX_FILTER_CHARS = 200
MAX_FILTER_TERMS = 10


class SubscriptionInputError(TimeInputError):
    """What follows /subscribe cannot be read; the message says exactly why, for the person who typed it."""


# -- days ------------------------------------------------------------------------------------------
def read_days(word: str) -> frozenset[int] | None:
    """The weekdays (0 = Monday) a word names — 'daily', 'weekdays', 'weekends', 'mon,thu', 'mon-fri',
    'friday' — or None when it is no day word. A list that starts with a day and then names something
    else is an error that says which part."""
    folded = word.casefold().strip(",")
    if folded in _NAMED_SETS:
        return _NAMED_SETS[folded]
    pieces = folded.split(",")
    if pieces[0].split("-")[0] not in _DAY_WORDS:
        return None
    days: set[int] = set()
    for piece in pieces:
        ends = piece.split("-")
        if len(ends) > 2 or any(e not in _DAY_WORDS for e in ends):
            raise SubscriptionInputError(
                f"“{piece[:20]}” is not a day: use mon, tue, wed, thu, fri, sat, sun, a range such as "
                "mon-fri, or daily, weekdays or weekends."
            )
        first, last = (_DAY_WORDS[e] for e in (ends[0], ends[-1]))
        days.update(i % 7 for i in range(first, last + 1 if last >= first else last + 8))
    return frozenset(days)


def stored_days(days: frozenset[int]) -> str:
    """The form kept in the database and shown: 'daily', 'weekdays', 'weekends' or 'mon,thu'."""
    for name in ("daily", "weekdays", "weekends"):
        if days == _NAMED_SETS[name]:
            return name
    return ",".join(DAY_NAMES[d].lower() for d in sorted(days))


def days_of(stored: str) -> frozenset[int]:
    """The weekdays of a stored schedule (an unreadable one counts as daily: nothing is missed)."""
    try:
        return read_days(stored) or ALL_DAYS
    except SubscriptionInputError:
        return ALL_DAYS


def describe_days(stored: str) -> str:
    """'daily', 'on weekdays', 'on Mon, Thu'."""
    days = days_of(stored)
    if days == ALL_DAYS:
        return "daily"
    if days in (WEEKDAYS, WEEKENDS):
        return f"on {stored_days(days)}"
    return "on " + ", ".join(DAY_NAMES[d] for d in sorted(days))


# -- the topic filter ------------------------------------------------------------------------------
@dataclass(frozen=True)
class TopicFilter:
    """Terms a story must match one of (every word of the term; none: every story) and words it must not
    hold. `text` is how it is stored and shown ("fentanyl, migration, -trump"); `key` is the same filter
    whatever the order and letter case, so one digest serves every subscription that asks the same."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return ", ".join((*self.include, *(f"-{w}" for w in self.exclude)))

    @property
    def key(self) -> str:
        include = sorted({t.casefold() for t in self.include})
        exclude = sorted({w.casefold() for w in self.exclude})
        return ", ".join((*include, *(f"-{w}" for w in exclude)))

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)


NO_FILTER = TopicFilter()


@lru_cache(maxsize=1024)
def read_filter(text: str) -> TopicFilter:
    """'fentanyl, migration -trump' → include ('fentanyl', 'migration'), exclude ('trump'); a term or an
    excluded word without a searchable word (only stop words, only punctuation) is an error."""
    text = " ".join(text.split())
    if len(text) > MAX_FILTER_CHARS:
        raise SubscriptionInputError(f"The filter is too long: at most {MAX_FILTER_CHARS} characters.")
    include: list[str] = []
    exclude: list[str] = []
    for piece in text.split(","):
        words = piece.split()
        for word in (w[1:] for w in words if w.startswith("-")):
            if not query_words(word):
                raise SubscriptionInputError(
                    f"“-{word[:30]}” excludes nothing: put a word after the minus, e.g. -sport."
                )
            exclude.append(word)
        term = " ".join(w for w in words if not w.startswith("-"))
        if term:
            if not query_words(term):
                raise SubscriptionInputError(
                    f"“{term[:30]}” has no word to look for (words such as “the” and “of” are ignored)."
                )
            include.append(term)
    if len(include) + len(exclude) > MAX_FILTER_TERMS:
        raise SubscriptionInputError(f"Too many filter terms: at most {MAX_FILTER_TERMS}.")
    return TopicFilter(tuple(include), tuple(exclude))


def stored_filter(text: str | None) -> TopicFilter:
    """The filter of a stored subscription (an unreadable one keeps everything: nothing is hidden)."""
    try:
        return read_filter(text or "")
    except SubscriptionInputError:
        return NO_FILTER


# -- /subscribe ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SubscriptionRequest:
    days: frozenset[int]
    at: time
    zone: ZoneInfo
    topic_filter: TopicFilter

    @property
    def hhmm(self) -> str:
        return self.at.strftime("%H:%M")


def read_subscribe(
    args: str, default_time: str, default_zone: str, now: datetime | None = None
) -> SubscriptionRequest:
    """The request of `/subscribe ARGS`, the defaults for what is left out; SubscriptionInputError (or
    TimeInputError for the time and zone) says exactly what is wrong."""
    text = re.sub(r"(?i)(\d)\s+([ap]\.?m\.?)(?=\s|,|$)", r"\1\2", args.strip())  # "9 pm" is one time
    words = _DAY_LIST_GAP.sub(r"\1,", text).split()
    days: frozenset[int] | None = None
    at: time | None = None
    zone: ZoneInfo | None = None
    used = 0
    for word in words:
        if (named := read_days(word)) is not None:
            if days is not None:
                raise SubscriptionInputError("Give the days once, e.g. mon,thu or weekdays.")
            days = named
        elif looks_like_time(word):
            if at is not None:
                raise TimeInputError("Give one time, e.g. 07:30.")
            at = read_time(word.rstrip(","))
        elif zone is None and names_zone(word.rstrip(","), now):
            zone = read_zone(word.rstrip(","), now)
        else:
            break
        used += 1
    return SubscriptionRequest(
        days if days is not None else ALL_DAYS,
        at if at is not None else read_time(default_time),
        zone if zone is not None else read_zone(default_zone),
        read_filter(" ".join(words[used:])),
    )
