"""Members -> parties: grouped by the side they represent, each with its lead, destination and purpose;
and the roles of the people around them (hosts they meet, principals who sent them).

Grouping: people an evidence rule ties together ("X will join Y", "X and Y arrived in …") share a party;
so do members of one nationality. The lead is whoever a cue says leads, else the most senior title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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
    groups = _Groups(members)
    by_sentence_rule: dict[tuple[int, str, str | None], list[int]] = {}
    for e in evidence:
        if e.pid not in groups.parent:
            continue
        if e.rule == "joins_party" and e.other is not None:
            groups.union(e.pid, e.other)
        if e.rule in ("travels_to", "leads_party", "represents", "at_event") and e.place:
            by_sentence_rule.setdefault((e.sentence, e.rule, e.place), []).append(e.pid)
        if e.rule == "joins_party":  # "The group includes A and B"
            by_sentence_rule.setdefault((e.sentence, e.rule, None), []).append(e.pid)
    for pids in by_sentence_rule.values():  # "X and Y arrived in Lausanne"
        for a in pids[1:]:
            groups.union(pids[0], a)
    by_nationality: dict[str, int] = {}
    for pid in members:
        nat = facts[pid].nationality
        if nat:
            if nat in by_nationality:
                groups.union(pid, by_nationality[nat])
            else:
                by_nationality[nat] = pid
    clusters: dict[int, list[int]] = {}
    for pid in members:
        clusters.setdefault(groups.find(pid), []).append(pid)
    parties = []
    cued = {e.pid for e in evidence if e.rule in ("leads_party", "joins_party")}
    for pids in clusters.values():
        party = _party(pids, evidence, facts, None if trips else dateline_place)
        if trips and any(p in cued for p in pids):  # the party's own trip, told without names
            first = min(
                e.sentence for e in evidence if e.pid in pids and e.rule in ("leads_party", "joins_party")
            )
            trip = min(trips, key=lambda t: abs(t.sentence - first))
            party.destination = party.destination or trip.place
            party.purpose = party.purpose or trip.purpose
        if party.destination is None and dateline_place:
            party.destination = _party(pids, evidence, facts, dateline_place).destination
        parties.append(party)
    parties.sort(key=lambda p: facts[p.lead].first_sentence if p.lead is not None else 0)
    return parties


def _party(
    pids: list[int], evidence: Sequence[Evidence], facts: dict[int, PersonFacts], dateline_place: str | None
) -> Party:
    mine = [e for e in evidence if e.pid in pids]
    cued = [e.pid for e in mine if e.rule == "leads_party"]
    joined = {e.other for e in mine if e.rule == "joins_party" and e.other in pids}
    lead = (
        cued[0]
        if cued
        else next(iter(joined), None)
        if joined
        else max(pids, key=lambda p: (rank(facts[p].title), -facts[p].first_sentence))
    )
    ordered = [lead, *sorted((p for p in pids if p != lead), key=lambda p: facts[p].first_sentence)]
    party = Party(lead=lead, members=ordered)
    for rule in _PLACE_RULES:
        for e in sorted(mine, key=lambda e: (e.pid != lead, e.sentence)):
            if e.rule == rule:
                party.destination = party.destination or e.place
                party.purpose = party.purpose or e.purpose
                party.label = party.label or e.label
    if party.destination is None and dateline_place:
        home = facts[lead].nationality
        if home is None or country_of(dateline_place) != home:
            party.destination = dateline_place
    return party


def settle_roles(
    parties: Sequence[Party], evidence: Sequence[Evidence], facts: dict[int, PersonFacts]
) -> dict[int, str]:
    """host: received or met by a member, or an official of the country visited; principal: sent them."""
    if not parties:
        return {}
    in_party = {pid for p in parties for pid in p.members}
    roles: dict[int, str] = {}
    for e in evidence:
        if (
            e.rule == "visiting_title"
            and e.pid in in_party
            and e.other is not None
            and e.other not in in_party
        ):
            roles.setdefault(e.other, "host")  # "after a meeting in Israel with visiting X": he received X
        if e.pid in in_party:
            continue
        if (
            e.rule == "hosts"
            or (e.rule == "met" and e.other in in_party)
            or (
                e.rule == "meets"
                and any(x.rule == "met" and x.pid in in_party and x.sentence == e.sentence for x in evidence)
            )
        ):
            roles.setdefault(e.pid, "host")
        elif e.rule == "sends":
            roles[e.pid] = "principal"
    for p in parties:
        visited = country_of(p.destination)
        if visited is None:
            continue
        for f in facts.values():
            if f.pid not in in_party and f.nationality == visited and f.title and f.eligible:
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
