"""When a story was published, where its source does not say: the date in its dateline, else a fallback.

Wire copy carries its date in the dateline ("NEW YORK, March 26 - …", "April 7 - …") without a year;
the year is the one that puts the date most recently at or before a reference time (the file's
modification time, else now). A dateline with a year ("March 10, 2015 . …") is taken as it stands.
Precedence (issue #11): the source's own date (feed entry, page metadata, front matter), then the
dateline's date, then the file's modification time, then the ingest time (left to the caller).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time

from summarizer.article import Article

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))\.?"
)
_DATE = _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
# A place of capitalised words (with an optional region: "BEVERLY HILLS, Calif.,"), then the date.
_PLACE = r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4},\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,\s+)?)?"
_DATELINE_FIELD = re.compile(rf"^\s*{_PLACE}{_DATE}\s*$")
_DATELINE_LEAD = re.compile(rf"^\s*{_PLACE}{_DATE}\s*(?:[-–—]{{1,2}}|\.\s)")


def dateline_date(text: str | None, reference: datetime) -> datetime | None:
    """The date a dateline names, at midnight UTC; None when `text` does not open with a dated dateline.

    `text` is either the dateline alone ("WASHINGTON, March 5") or a story's opening ("GENEVA, March 20 -
    The European Community …"). Without a year, the latest date not after `reference` is chosen.
    """
    if not text:
        return None
    head = text.strip()[:120]
    m = _DATELINE_FIELD.match(head) or _DATELINE_LEAD.match(head)
    if not m:
        return None
    month = _MONTHS[m.group("month")[:3].lower()]
    day = int(m.group("day"))
    if m.group("year"):
        found = _valid_date(int(m.group("year")), month, day)
        return _midnight(found) if found else None
    ref = reference.astimezone(UTC).date()
    for year in range(ref.year, ref.year - 9, -1):  # Feb 29 may need a few years back
        found = _valid_date(year, month, day)
        if found and found <= ref:
            return _midnight(found)
    return None


def with_publication_time(
    article: Article, *, file_mtime: datetime | None = None, now: datetime | None = None
) -> Article:
    """`article` with `published` filled from its dateline or the file's modification time when its
    source gave none; unchanged when nothing is known (the ingest time then stands in)."""
    if article.published is not None:
        return article
    reference = file_mtime or now or datetime.now(UTC)
    opening = article.paragraphs[0] if article.paragraphs else article.body
    published = dateline_date(article.dateline, reference) or dateline_date(opening, reference)
    published = published or file_mtime
    return replace(article, published=published) if published else article


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)
