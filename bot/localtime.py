"""Local delivery times: parsing "HH:MM" and time zones, and the next delivery instant, DST-correct."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_HHMM = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


def parse_hhmm(value: str) -> time | None:
    m = _HHMM.match(value.strip())
    return time(int(m.group(1)), int(m.group(2))) if m else None


def parse_zone(name: str) -> ZoneInfo | None:
    name = name.strip()
    if not name or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, IsADirectoryError):
        return None


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` in `zone` as an aware UTC datetime.

    A wall time that occurs twice (fall-back overlap) means its first occurrence; one that does not exist
    (spring-forward gap, 02:30) is shifted forward by the length of the gap (03:30), as cron does.
    """
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def period_key(now: datetime, at: time, zone: ZoneInfo) -> date:
    """The local day whose delivery is the latest one due at `now` (today's if its time has come)."""
    local_today = now.astimezone(zone).date()
    if local_instant(local_today, at, zone) <= now:
        return local_today
    return local_today - timedelta(days=1)


def next_delivery(now: datetime, at: time, zone: ZoneInfo) -> datetime:
    """The first delivery instant strictly after `now`, as an aware UTC datetime."""
    local_today = now.astimezone(zone).date()
    for offset in range(3):
        candidate = local_instant(local_today + timedelta(days=offset), at, zone)
        if candidate > now:
            return candidate
    raise AssertionError("unreachable: a delivery exists within three days")
