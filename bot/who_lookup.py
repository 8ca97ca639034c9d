"""/who NAME: which people a name means, best match first.

An exact full name beats a surname, a surname beats another word of a name, and nothing matches inside a
word ("Brown" is not "Brownsword"). The person most reported under the best kind of match heads the
answer; everyone else who merely shares the name is listed apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from summarizer.analysis import Person
from summarizer.names import fold

T = TypeVar("T")
EXACT, SURNAME, PART = 0, 1, 2


def _words(text: str) -> list[str]:
    plain = fold(text)
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)?", plain)


def match_kind(name: str, query: str) -> int | None:
    """EXACT, SURNAME or PART for a match of `query` against a person's `name`, None for no match."""
    q, n = _words(query), _words(name)
    if not q or not n:
        return None
    if q == n:
        return EXACT
    if len(q) <= len(n) and n[-len(q) :] == q:
        return SURNAME
    if all(w in n for w in q):
        return PART
    return None


@dataclass(frozen=True)
class Match(Generic[T]):
    article: T
    person: Person
    kind: int


@dataclass(frozen=True)
class Lookup(Generic[T]):
    name: str  # who heads the answer
    main: list[Match[T]]  # that person's articles
    others: list[Match[T]]  # other people matching the query, one per name


def look_up(query: str, articles: Iterable[tuple[T, Sequence[Person]]]) -> Lookup[T] | None:
    matches: list[Match[T]] = []
    for article, people in articles:
        best = None
        for person in people:
            kind = match_kind(person.name, query)
            if kind is not None and (best is None or kind < best.kind):
                best = Match(article, person, kind)
        if best is not None:
            matches.append(best)
    if not matches:
        return None
    top = min(m.kind for m in matches)
    counts = Counter(m.person.name for m in matches if m.kind == top)
    name = max(counts, key=lambda n: (counts[n], len(n)))
    fuller = Counter(m.person.name for m in matches if _same_person(name, m.person.name))
    if fuller:  # "Kerry" alone in one story is the "John Kerry" of the others
        name = max(fuller, key=lambda n: (fuller[n], len(n)))
    main = [m for m in matches if m.person.name == name or _same_person(m.person.name, name)]
    seen: set[str] = set()
    others = []
    for m in sorted((m for m in matches if m not in main), key=lambda m: m.kind):
        if m.person.name not in seen:
            seen.add(m.person.name)
            others.append(m)
    return Lookup(name, main, others)


def _same_person(short: str, full: str) -> bool:
    """ "Kerry" in one story and "John Kerry" in another are taken as one person; "Kerry Brown" is not."""
    s, f = _words(short), _words(full)
    return len(s) < len(f) and f[-len(s) :] == s
