"""Local delivery times: parsing "HH:MM" and time zones, and the next delivery instant, DST-correct.

`read_time` and `read_zone` read what a person types after /subscribe ("9am", "21:00", "europe/berlin")
and say exactly what is wrong otherwise: an hour out of range, a zone misspelt (with the closest names),
an abbreviation or a fixed offset (with places that use it now).
"""

from __future__ import annotations

import difflib
import re
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

ALL_DAYS = frozenset(range(7))  # weekdays, 0 = Monday as date.weekday() counts them
_HHMM = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


def parse_hhmm(value: str) -> time | None:
    m = _HHMM.match(value.strip())
    return time(int(m.group(1)), int(m.group(2))) if m else None


def parse_zone(name: str) -> ZoneInfo | None:
    """The IANA zone `name`, in any letter case ("europe/berlin"), or None."""
    name = name.strip()
    if not name or name.startswith(("/", ".")) or ".." in name:
        return None
    name = _zone_names().get(name.casefold(), name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, IsADirectoryError):
        return None


class TimeInputError(ValueError):
    """What a person typed is not a time or a time zone; the message says exactly why, for them."""


_TIME = re.compile(r"(?P<h>\d{1,2})(?:[:.h](?P<m>\d{1,2}))?\s*(?P<ampm>[ap])?(?:\.?m\.?)?", re.IGNORECASE)
_HHMM4 = re.compile(r"(?P<h>\d{2})(?P<m>\d{2})")
_OFFSET = re.compile(r"(?:UTC|GMT|Z)?\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", re.IGNORECASE)
_FIXED = frozenset({"utc", "gmt", "z", "zulu", "universal", "uct", "greenwich"})
_SHOWN = 3  # example zones named in an answer
_EXAMPLES = "07:30, 21:00, 9am or 9:30pm"


def looks_like_time(text: str) -> bool:
    """A word that is meant as a time of day (it starts with a digit)."""
    return text[:1].isdigit()


def read_time(text: str) -> time:
    """'21:00', '9:30', '0730', '9', '9am', '9:30pm', '12am' (midnight) → a time; else TimeInputError."""
    raw = text.strip()
    shown = raw[:20]
    m = _TIME.fullmatch(raw) or _HHMM4.fullmatch(raw)
    if not m:
        raise TimeInputError(f"“{shown}” is not a time of day: use {_EXAMPLES}.")
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    ampm = (m.groupdict().get("ampm") or "").lower()
    if m.group("m") is not None and len(m.group("m")) != 2:
        raise TimeInputError(f"“{shown}”: write the minutes with two digits, e.g. 9:05.")
    if minute > 59:
        raise TimeInputError(f"“{shown}”: minutes go from 00 to 59.")
    if ampm:
        if not 1 <= hour <= 12:
            raise TimeInputError(f"“{shown}”: with am/pm the hour goes from 1 to 12 (or write 21:00).")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    elif hour == 24:
        raise TimeInputError(f"“{shown}”: the day has no hour 24; use 00:00 for midnight.")
    elif hour > 23:
        raise TimeInputError(f"“{shown}”: hour {hour} is out of range; hours go from 00 to 23.")
    return time(hour, minute)


def read_zone(text: str, now: datetime | None = None) -> ZoneInfo:
    """An IANA zone name in any letter case, or a city that names one zone ('Berlin'); else a
    TimeInputError that names the closest zones, or explains an abbreviation ('CET') or an offset
    ('UTC+2') with places that use it at `now`."""
    raw = text.strip()
    shown = raw[:64]
    now = now or datetime.now(UTC)
    folded = raw.casefold().replace(" ", "_")
    names = _zone_names()
    if folded in names and not _is_abbreviation(names[folded]):
        return ZoneInfo(names[folded])
    if raw.upper() in _abbreviations(now) or (folded in names and _is_abbreviation(names[folded])):
        places = _zones_named(raw.upper(), now)
        example = f"e.g. {_or(places)}" if places else "e.g. Europe/Berlin or America/New_York"
        raise TimeInputError(
            f"“{shown}” is an abbreviation, not a place: places that use it change to summer time on "
            f"different dates, or not at all. Send your Area/City instead, {example}."
        )
    offset = _OFFSET.fullmatch(raw)
    if offset:
        minutes = int(offset.group("h")) * 60 + int(offset.group("m") or 0)
        minutes = -minutes if offset.group("sign") == "-" else minutes
        places = _zones_at_offset(minutes, now)
        hint = (
            f"e.g. one of the places at {_fmt_offset(minutes)} now: {_or(places)}"
            if places
            else "e.g. Europe/Berlin"
        )
        raise TimeInputError(
            f"“{shown}” is a fixed offset: a digest set by it would move by an hour when summer time "
            f"starts or ends. Send your Area/City instead, {hint}."
        )
    cities = _cities().get(folded, [])
    if len(cities) == 1 or (cities and _same_clock(cities, now.year)):
        return ZoneInfo(max(cities, key=lambda z: (z.count("/"), z)))  # one zone under several names
    if cities:
        raise TimeInputError(f"“{shown}” could be {_or(cities)}: send the full name.")
    close = _closest(folded)
    if close:
        raise TimeInputError(f"Unknown time zone “{shown}”. Did you mean {_or(close)}?")
    if "/" not in raw:
        raise TimeInputError(
            f"“{shown}” is neither a time ({_EXAMPLES}) nor a time zone (Area/City, "
            "e.g. Europe/Berlin or America/New_York)."
        )
    raise TimeInputError(
        f"Unknown time zone “{shown}”. Use an Area/City name such as Europe/Berlin or America/New_York."
    )


@cache
def _zone_names() -> dict[str, str]:
    """Every IANA zone name, folded to lower case → as spelt."""
    return {z.casefold(): z for z in available_timezones() if z not in {"localtime", "Factory", "posixrules"}}


@cache
def _places() -> tuple[str, ...]:
    """Zones named after a place (Area/City), the ones an answer suggests."""
    return tuple(
        sorted(z for z in _zone_names().values() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
    )


@cache
def _cities() -> dict[str, list[str]]:
    """The last part of each Area/City zone, folded ('berlin', 'new_york') → the zones ending in it."""
    out: dict[str, list[str]] = {}
    for zone in _places():
        out.setdefault(zone.rsplit("/", 1)[1].casefold(), []).append(zone)
    return out


def _same_clock(zones: list[str], year: int) -> bool:
    """The zones keep the same time all year (old and new names of one zone, such as
    America/Buenos_Aires and America/Argentina/Buenos_Aires)."""
    instants = [datetime(year, month, 1, tzinfo=UTC) for month in range(1, 13)]
    return len({tuple(i.astimezone(ZoneInfo(z)).utcoffset() for i in instants) for z in zones}) == 1


def _is_abbreviation(zone: str) -> bool:
    """Legacy zones named like abbreviations (CET, EST5EDT), not the fixed UTC/GMT."""
    return "/" not in zone and zone.casefold() not in _FIXED and zone[:1].isupper() and zone[:3].isupper()


def _abbreviations(now: datetime) -> set[str]:
    return set(_abbreviation_zones(now.year)) - {"UTC", "GMT"}


@cache
def _abbreviation_zones(year: int) -> dict[str, list[str]]:
    """Abbreviations ('CET', 'EST', 'IST') → the Area/City zones using them in January or July."""
    out: dict[str, list[str]] = {}
    for zone in _places():
        info = ZoneInfo(zone)
        for month in (1, 7):
            name = datetime(year, month, 15, 12, tzinfo=info).tzname() or ""
            if name[:1].isalpha() and zone not in out.get(name, []):
                out.setdefault(name, []).append(zone)
    return out


def _zones_named(abbreviation: str, now: datetime) -> list[str]:
    zones = _abbreviation_zones(now.year).get(abbreviation, [])
    if not zones and abbreviation in {n.upper() for n in _zone_names().values()}:
        legacy = _zone_names()[abbreviation.casefold()]
        offset = now.astimezone(ZoneInfo(legacy)).utcoffset() or timedelta()
        return _zones_at_offset(int(offset.total_seconds() // 60), now)
    return _prefer_big(zones)


def _zones_at_offset(minutes: int, now: datetime) -> list[str]:
    wanted = timedelta(minutes=minutes)
    return _prefer_big([z for z in _places() if now.astimezone(ZoneInfo(z)).utcoffset() == wanted])


def _prefer_big(zones: list[str]) -> list[str]:
    """A few zones to name, Europe, America, Asia, Africa and Australia first, in alphabetical order."""
    order = ("Europe/", "America/", "Asia/", "Africa/", "Australia/")
    rank = {z: next((i for i, area in enumerate(order) if z.startswith(area)), len(order)) for z in zones}
    return sorted(zones, key=lambda z: (rank[z], z))[:_SHOWN]


def _closest(folded: str) -> list[str]:
    names = _zone_names()
    whole = difflib.get_close_matches(folded, list(names), n=_SHOWN, cutoff=0.75)
    cities = difflib.get_close_matches(folded, list(_cities()), n=_SHOWN, cutoff=0.75)
    found = [names[n] for n in whole] + [z for c in cities for z in _cities()[c]]
    return list(dict.fromkeys(found))[:_SHOWN]


def _fmt_offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def names_zone(word: str, now: datetime | None = None) -> bool:
    """Whether /subscribe reads `word` as a time zone rather than a filter word: an Area/City name (it
    has a slash, so a misspelt one is explained), a city that names a zone ("Berlin"), UTC or GMT, or
    what read_zone explains instead of accepting (an abbreviation typed in capitals, a fixed offset).
    Country-named legacy zones ("Iran", "Japan") are not read as zones: they are news words."""
    raw = word.strip()
    folded = raw.casefold()
    if "/" in raw or folded in {"utc", "gmt"} or folded in _cities() or _OFFSET.fullmatch(raw):
        return True
    return raw.isupper() and raw in _abbreviations(now or datetime.now(UTC))


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` in `zone` as an aware UTC datetime.

    A wall time that occurs twice (fall-back overlap) means its first occurrence; one that does not exist
    (spring-forward gap, 02:30) is shifted forward by the length of the gap (03:30), as cron does.
    """
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def period_key(now: datetime, at: time, zone: ZoneInfo, days: frozenset[int] = ALL_DAYS) -> date | None:
    """The local day whose delivery is the latest one due at `now` (today's if its time has come), among
    the weekdays `days` (0 = Monday); None when `days` is empty."""
    local_today = now.astimezone(zone).date()
    for back in range(8):
        day = local_today - timedelta(days=back)
        if day.weekday() in days and local_instant(day, at, zone) <= now:
            return day
    return None


def next_delivery(now: datetime, at: time, zone: ZoneInfo, days: frozenset[int] = ALL_DAYS) -> datetime:
    """The first delivery instant strictly after `now` on one of the weekdays `days`, as an aware UTC
    datetime."""
    local_today = now.astimezone(zone).date()
    for offset in range(9):
        day = local_today + timedelta(days=offset)
        if day.weekday() in days and (candidate := local_instant(day, at, zone)) > now:
            return candidate
    raise ValueError("no delivery day: a schedule names at least one weekday")
