"""One feature vector per person: which evidence rules fired for them, what their title says, where they
stand to the dateline, and what kind of story the article is.

The names in FEATURES are the contract with the fitted weights (summarizer/delegation/weights.json):
change a feature and refit (`python bench/who.py --fit`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.delegation.evidence import Evidence, country_of, same_country
from summarizer.lexicon import DIPLOMATIC_TITLES, MEDIA_TITLES

EVIDENCE_FEATURES = (
    "leads_party",
    "joins_party",
    "party_travelling",
    "travels_to",
    "travel_home",
    "travel_abroad",
    "visit_noun",
    "visiting_title",
    "represents",
    "at_event",
    "negotiates",
    "meets",
    "met",
    "hosts",
    "sends",
    "said_here",
    "addresses_body",
    "invited",
    "stays_away",
    "phoned",
)
PERSON_FEATURES = (
    "official",
    "senior",
    "head_of_government",
    "diplomat",
    "spokesperson",
    "no_title",
    "former",
    "weak",
    "mentions",
    "early",
    "foreign_to_dateline",
    "home_to_dateline",
    "only_past",
)
DOCUMENT_FEATURES = ("doc_delegation", "doc_talks", "doc_trip", "doc_sports", "doc_crime")
INTERACTIONS = ("diplomat_in_talks", "official_abroad", "official_on_trip")
TRIP_RULES = frozenset(
    {
        "leads_party",
        "joins_party",
        "travels_to",
        "travel_abroad",
        "visit_noun",
        "visiting_title",
        "represents",
        "at_event",
        "said_here",
        "addresses_body",
        "invited",
    }
)
FEATURES = EVIDENCE_FEATURES + PERSON_FEATURES + DOCUMENT_FEATURES + INTERACTIONS

_OFFICIAL = re.compile(
    r"\b(?:president|premier|chancellor|minister|secretary|ambassador|envoy|negotiator|diplomat|delegate|"
    r"governor|senator|sen|congressman|congresswoman|mayor|adviser|advisor|official|director|"
    r"director-general|commissioner|chairman|chairwoman|king|queen|prince|princess|duke|duchess|emperor|"
    r"sheikh|emir|sultan|leader|speaker|representative|undersecretary|under-secretary|deputy|head|chief|"
    r"governor|mp|lawmaker|general|admiral)\b"
)
_HEAD_OF_GOVERNMENT = re.compile(
    r"\b(?:president|prime minister|premier|chancellor|king|queen|emperor|prince|emir|sultan)\b"
)
_MINISTER = re.compile(
    r"\b(?:minister|secretary of state|foreign secretary|secretary-general|secretary|chief negotiator|"
    r"majority leader|envoy)\b"
)
_JUNIOR = re.compile(r"\b(?:deputy|vice|assistant|under|junior|spokes\w+)\b")
_SPOKES = re.compile(r"\bspokes(?:man|woman|person)\b|\bpress secretary\b")
_DOC = {
    "doc_delegation": re.compile(r"\bdelegations?\b|\bdelegates\b|\bstate visit\b|\benvoys?\b"),
    "doc_talks": re.compile(r"\btalks\b|\bnegotiat\w+|\bsummit\b"),
    "doc_trip": re.compile(r"\b(?:visit\w*|trip|arriv\w+|fl(?:ew|y|ies) to|travel\w* to)\b"),
    "doc_sports": re.compile(
        r"\b(?:squad|match|tournament|coach|goal|season|league|championship|cup|olympic\w*)\b"
    ),
    "doc_crime": re.compile(
        r"\b(?:police|court|trial|judge|charged|arrest\w*|prosecutor\w*|sentenced|accused|indict\w*)\b"
    ),
}


@dataclass
class PersonFacts:
    """What the delegation stage knows about one person."""

    pid: int
    name: str
    title: str = ""
    nationality: str | None = None
    weak: bool = False  # a lone surname no rule vouched for
    role: str | None = None  # "author" is fixed before parties are built
    mentions: int = 1
    first_sentence: int = 0
    in_headline: bool = False
    only_past: bool = False  # every sentence naming them tells of a past event ("Back in 1983, X …")

    @property
    def media(self) -> bool:
        t = self.title.lower()
        return any(re.search(rf"\b{w}\b", t) for w in MEDIA_TITLES)

    @property
    def eligible(self) -> bool:
        """Bylines, contributors and journalists are never delegates."""
        return self.role != "author" and not self.media


def rank(title: str) -> int:
    """Seniority for choosing a party's lead: 3 head of state or government, 2 minister, 1 other, 0 none."""
    t = title.lower()
    if not t:
        return 0
    junior = _JUNIOR.search(t) is not None
    if _HEAD_OF_GOVERNMENT.search(t) and not junior and "former" not in t:
        return 3
    if _MINISTER.search(t) and not junior:
        return 2
    return 1


_PAST_EVENT = re.compile(r"\b(?:previous|back in|in (?:19|20)\d\d|(?:19|20)\d\d)\b|\bthe last\b")
_PAST_TENSE = re.compile(r"\b(?:was|were|had|did)\b|\b\w+ed\b")
_NOT_PAST = re.compile(r"\b(?:will|is|are|has|have|can|could|would|should|may|might|now|today)\b")


def only_past(pid: int, masked: Sequence[str]) -> bool:
    """Every sentence naming pid is in the past tense and one of them dates it years back ("The last
    peace talks, moderated by X, broke down in April 2014"; "Back in 1983, X tried …")."""
    dated = False
    tag = re.compile(rf"@{pid}\b")
    for i, s in enumerate(masked):
        if "@" not in s or not tag.search(s):
            continue
        if not _PAST_TENSE.search(s) or _NOT_PAST.search(s):
            return False
        prev = masked[i - 1] if i else ""
        dated = dated or bool(_PAST_EVENT.search(s) or _PAST_EVENT.search(prev))
    return dated


def document_features(body: str) -> dict[str, float]:
    low = body.lower()
    words = max(1, len(low.split()))
    out = {}
    for name, rx in _DOC.items():
        hits = len(rx.findall(low))
        out[name] = min(1.0, hits * 300 / words / 3)  # three hits per 300 words saturates
    return out


def person_vectors(
    facts: dict[int, PersonFacts],
    evidence: Sequence[Evidence],
    *,
    body: str,
    dateline_country: str | None,
) -> dict[int, list[float]]:
    """Feature vectors (in FEATURES order) of every eligible person."""
    by_pid: dict[int, set[str]] = defaultdict(set)
    for e in evidence:
        name = e.rule
        if name == "travels_to":
            f = facts.get(e.pid)
            home = (f.nationality if f else None) or dateline_country  # a London story's prince is British
            if same_country(country_of(e.place), home):
                name = "travel_home"
            elif home and country_of(e.place):
                by_pid[e.pid].add("travel_abroad")
        by_pid[e.pid].add(name)
    doc = document_features(body)
    out: dict[int, list[float]] = {}
    for pid, f in facts.items():
        if not f.eligible:
            continue
        t = f.title.lower()
        r = rank(f.title)
        fired = by_pid.get(pid, set())
        feats: dict[str, float] = {name: float(name in fired) for name in EVIDENCE_FEATURES}
        official = bool(_OFFICIAL.search(t)) and not _SPOKES.search(t)
        diplomat = any(d in t for d in DIPLOMATIC_TITLES)
        foreign = bool(f.nationality and dateline_country) and not same_country(
            f.nationality, dateline_country
        )
        trip = bool(fired & TRIP_RULES)
        feats.update(
            official=float(official),
            senior=float(r >= 2),
            head_of_government=float(r == 3),
            diplomat=float(diplomat),
            spokesperson=float(bool(_SPOKES.search(t))),
            no_title=float(not t),
            former=float(bool(re.search(r"\b(?:former|ex-|late)\b", t))),
            weak=float(f.weak),
            mentions=min(f.mentions, 6) / 6,
            early=float(f.first_sentence < 3 or f.in_headline),
            foreign_to_dateline=float(foreign),
            home_to_dateline=float(same_country(f.nationality, dateline_country)),
            only_past=float(f.only_past),
            official_on_trip=float(official and trip),
            diplomat_in_talks=float(diplomat) * doc["doc_talks"],
            official_abroad=float(official and foreign),
        )
        feats.update(doc)
        out[pid] = [feats[name] for name in FEATURES]
    return out
