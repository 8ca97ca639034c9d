"""Members -> parties: grouped by the side they represent, each with its lead, destination and purpose;
and the roles of the people around them (hosts they meet, principals who sent them).

Grouping: people an evidence rule ties together ("X will join Y", "X and Y arrived in …") share a party;
so do members of one nationality. The lead is whoever a cue says leads, else the most senior title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from summarizer.article import is_known_place
from summarizer.delegation.evidence import Evidence, PartyTrip, country_of
from summarizer.delegation.features import PersonFacts, rank

_PLACE_RULES = (
    "leads_party",
    "travels_to",
    "visit_noun",
    "at_event",
    "represents",
    "joins_party",
    "meets",
    "met",
)


@dataclass
class Party:
    lead: int | None = None
    members: list[int] = field(default_factory=list)
    destination: str | None = None
    purpose: str | None = None
    label: str | None = None


class _Groups:
    def __init__(self, items: Iterable[int]) -> None:
        self.parent = {i: i for i in items}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        if a in self.parent and b in self.parent:
            self.parent[self.find(a)] = self.find(b)


def group_parties(
    members: Sequence[int],
    evidence: Sequence[Evidence],
    facts: dict[int, PersonFacts],
    *,
    dateline_place: str | None,
    trips: Sequence[PartyTrip] = (),
) -> list[Party]:
    parties = []
    cued = {e.pid for e in evidence if e.rule in _CUES}
    for pids in _clusters(members, evidence, facts):
        party = _party(pids, evidence, facts, None if trips else dateline_place)
        if trips and any(p in cued for p in pids):  # the party's own trip, told without names
            first = min(e.sentence for e in evidence if e.pid in pids and e.rule in _CUES)
            trip = min(trips, key=lambda t: abs(t.sentence - first))
            party.destination = party.destination or trip.place
            party.purpose = party.purpose or trip.purpose
        if party.destination is None and dateline_place:
            party.destination = _party(pids, evidence, facts, dateline_place).destination
        parties.append(party)
    parties.sort(key=lambda p: facts[p.lead].first_sentence if p.lead is not None else 0)
    return parties


_CUES = ("leads_party", "joins_party")
_SHARED_TRIP = ("travels_to", "leads_party", "represents", "at_event")


def _clusters(
    members: Sequence[int], evidence: Sequence[Evidence], facts: dict[int, PersonFacts]
) -> list[list[int]]:
    """Members tied by a rule, named together in one cue, or of one nationality."""
    groups = _Groups(members)
    together: dict[tuple[int, str, str | None], list[int]] = {}
    for e in evidence:
        if e.pid not in groups.parent:
            continue
        if e.rule == "joins_party" and e.other is not None:
            groups.union(e.pid, e.other)
        if e.rule == "joins_party" or (e.rule in _SHARED_TRIP and e.place):
            # "X and Y arrived in Lausanne"; "The group includes A and B"
            key = (e.sentence, e.rule, None if e.rule == "joins_party" else e.place)
            together.setdefault(key, []).append(e.pid)
    for pids in together.values():
        for a in pids[1:]:
            groups.union(pids[0], a)
    first_of: dict[str, int] = {}
    for pid in members:
        nat = facts[pid].nationality
        if nat:
            groups.union(pid, first_of.setdefault(nat, pid))
    clusters: dict[int, list[int]] = {}
    for pid in members:
        clusters.setdefault(groups.find(pid), []).append(pid)
    return list(clusters.values())


def _party(
    pids: list[int], evidence: Sequence[Evidence], facts: dict[int, PersonFacts], dateline_place: str | None
) -> Party:
    mine = [e for e in evidence if e.pid in pids]
    cued = [e.pid for e in mine if e.rule == "leads_party"]
    joined = {e.other for e in mine if e.rule == "joins_party" and e.other is not None and e.other in pids}
    lead = (
        cued[0]
        if cued
        else next(iter(joined))
        if joined
        else max(pids, key=lambda p: (rank(facts[p].title), -facts[p].first_sentence))
    )
    ordered = [lead, *sorted((p for p in pids if p != lead), key=lambda p: facts[p].first_sentence)]
    party = Party(lead=lead, members=ordered)
    named = {w for f in facts.values() for w in f.name.split()}
    for rule in _PLACE_RULES:
        for e in sorted(mine, key=lambda e: (e.pid != lead, e.sentence)):
            if e.rule == rule:
                party.destination = party.destination or _place_not_person(e.place, named)
                party.purpose = party.purpose or e.purpose
                party.label = party.label or e.label
    if party.destination is None and dateline_place:
        home = facts[lead].nationality
        if home is None or country_of(dateline_place) != home:
            party.destination = dateline_place
    return party


def _place_not_person(place: str | None, named: set[str]) -> str | None:
    """The place, unless it is someone the story names and no place: "visited Valentina on Saturday"
    (Valentina Maureira, a girl in hospital); "Washington" stays a place beside Denzel Washington."""
    if place is None or is_known_place(place) or not set(place.split()) <= named:
        return place
    return None


def settle_roles(
    parties: Sequence[Party], evidence: Sequence[Evidence], facts: dict[int, PersonFacts]
) -> dict[int, str]:
    """host: received or met by a member, or an official of the country visited; principal: sent them."""
    if not parties:
        return {}
    in_party = {pid for p in parties for pid in p.members}
    met_by_member = {(x.sentence) for x in evidence if x.rule == "met" and x.pid in in_party}
    roles: dict[int, str] = {}
    for e in evidence:
        outsider = e.other if e.other is not None and e.other not in in_party else None
        if e.rule == "visiting_title" and e.pid in in_party and outsider is not None:
            roles.setdefault(outsider, "host")  # "after a meeting in Israel with visiting X": he received X
        if e.pid in in_party:
            continue
        if e.rule == "sends":
            roles[e.pid] = "principal"
        elif (
            e.rule == "hosts"
            or (e.rule == "met" and e.other in in_party)
            or (e.rule == "meets" and e.sentence in met_by_member)
        ):
            roles.setdefault(e.pid, "host")
    visited = {country_of(p.destination) for p in parties} - {None}
    for f in facts.values():
        if f.pid not in in_party and f.nationality in visited and f.title and f.eligible:
            roles.setdefault(f.pid, "host")
    return roles


def dateline_place(dateline: str | None) -> str | None:
    """ "GUANAJUATO, Mexico, June 1" -> "Guanajuato"; "Lausanne, Switzerland (CNN)" -> "Lausanne"."""
    if not dateline:
        return None
    place = re.split(r"[,(]", dateline)[0].strip()
    return place.title() if place.isupper() else place or None


def dateline_country(dateline: str | None) -> str | None:
    if not dateline:
        return None
    return country_of(re.sub(r"\(.*?\)", " ", dateline))
