"""Delegations in three stages, each readable and changeable on its own.

1. *Evidence* (evidence.py): small named rules over masked sentences ("@3 will lead a delegation to
   …") that say something for or against one person being in an official party.
2. *Scorer* (features.py, scorer.py): each person's evidence, title, place relative to the dateline and
   the kind of story become one feature vector; a logistic model fitted on the labelled dev sets
   (weights.json) decides membership.
3. *Parties* (parties.py): members grouped by the side they represent, each with a lead, destination
   and purpose; hosts and principals around them.

The candidates (people, titles, nationalities) come from summarizer/people.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.delegation.evidence import (
    Evidence,
    PartyTrip,
    Sentences,
    country_of,
    find_evidence,
    resolve_pronouns,
    same_country,
    unnamed_party_trips,
)
from summarizer.delegation.features import TRIP_RULES, PersonFacts, only_past, person_vectors
from summarizer.delegation.parties import (
    Party,
    dateline_country,
    dateline_place,
    group_parties,
    settle_roles,
)
from summarizer.delegation.scorer import Scorer, shipped


@dataclass
class Candidates:
    """Everything the scorer needs about one article's people (kept apart so it can be refitted)."""

    facts: dict[int, PersonFacts]
    evidence: list[Evidence]
    vectors: dict[int, list[float]]
    dateline_place: str | None
    masked: Sequence[str] = ()
    trips: Sequence[PartyTrip] = ()
    dateline_country: str | None = None


@dataclass
class Findings:
    parties: list[Party]
    roles: dict[int, str]


def gather(
    masked: Sequence[str],
    facts: dict[int, PersonFacts],
    *,
    body: str,
    dateline: str | None,
    headline: str = "",
) -> Candidates:
    titles = {pid: f.title for pid, f in facts.items() if f.title}
    for f in facts.values():
        f.only_past = only_past(f.pid, masked)
    evidence = find_evidence(Sentences(masked=resolve_pronouns(masked), titles=titles, headline=headline))
    vectors = person_vectors(facts, evidence, body=body, dateline_country=dateline_country(dateline))
    trips = unnamed_party_trips(masked)
    home = dateline_country(dateline)
    return Candidates(facts, evidence, vectors, dateline_place(dateline), masked, trips, home)


VETO_RULES = frozenset({"stays_away", "hosts"})
REMOTE_RULES = frozenset({"phoned"})
CUE_RULES = frozenset({"leads_party", "joins_party"})


def vetoes(evidence: Sequence[Evidence]) -> set[int]:
    """People whom the article shows receiving a party or staying away, and never leading or joining one.

    A hard rule rather than a weight: the dev sets hold too few hosts and withdrawals to fit one. In the
    same way an explicit cue ("X will lead a delegation", "Y will join X") makes a member by definition.
    """
    against = {e.pid for e in evidence if e.rule in VETO_RULES}
    cued = {e.pid for e in evidence if e.rule in CUE_RULES}
    tripped = {e.pid for e in evidence if e.rule in TRIP_RULES}
    remote = {e.pid for e in evidence if e.rule in REMOTE_RULES} - tripped  # only ever on the phone
    return (against | remote) - cued


def decide(c: Candidates, scorer: Scorer | None = None) -> Findings:
    scorer = scorer or shipped()
    vetoed = vetoes(c.evidence)
    cued = {e.pid for e in c.evidence if e.rule in CUE_RULES}
    members = [
        pid
        for pid, x in sorted(c.vectors.items())
        if (pid in cued or scorer.is_member(x)) and pid not in vetoed
    ]
    parties = group_parties(members, c.evidence, c.facts, dateline_place=c.dateline_place, trips=c.trips)
    hosts = _hosts_of_cued_parties(parties, cued, c.facts) | _met_at_home(c, members, cued)
    if hosts:  # "Wekesa will lead a delegation to Berlin … to meet German Economy Minister Klaus Hartmann"
        members = [pid for pid in members if pid not in hosts]
        parties = group_parties(members, c.evidence, c.facts, dateline_place=c.dateline_place, trips=c.trips)
    return Findings(parties, settle_roles(parties, c.evidence, c.facts))


def _met_at_home(c: Candidates, members: Sequence[int], cued: set[int]) -> set[int]:
    """ "Shultz … went directly into a meeting with Shevardnadze" under a MOSCOW dateline: the Soviet
    minister receives him at home."""
    return {
        e.pid
        for e in c.evidence
        if e.rule == "met"
        and e.other in members
        and e.pid not in cued
        and same_country(c.facts[e.pid].nationality, c.dateline_country)
    }


def _hosts_of_cued_parties(
    parties: Sequence[Party], cued: set[int], facts: dict[int, PersonFacts]
) -> set[int]:
    """People of the country a named party travels to are its hosts, unless a cue puts them in a party."""
    visited = {
        country_of(p.destination) for p in parties if p.destination and any(pid in cued for pid in p.members)
    }
    visited.discard(None)
    return {
        pid
        for p in parties
        for pid in p.members
        if pid not in cued and facts[pid].nationality is not None and facts[pid].nationality in visited
    }


__all__ = ["Candidates", "Findings", "Party", "PersonFacts", "decide", "gather"]
