"""Delegations from cue phrases over *masked* sentences.

Every person mention (with the title before it and a title apposition after it) is replaced by
`@<id>`, so "Rich Verma, deputy secretary of state …; Deputy Attorney General Lisa Monaco; … will join
Ms. Sherwood-Randall in Mexico City" reads "@3; @4; @5; and @6 will join @1 in Mexico City". The cue
patterns below are English news grammar: "X will lead a delegation", "a delegation led by X", "X,
head of the Y delegation", "the group includes X and Y", "X will join Y", "X, accompanied by …",
"visiting X", "X arrived in Z", touring sports parties, and negotiating teams in talks coverage.
A trigger word alone ("talks", "accompanied by fundamental changes") creates nothing: every cue needs
a person in a grammatical slot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer.lexicon import (
    DIPLOMATIC_TITLES,
    MEDIA_TITLES,
    NATIONALITY,
    PLACE_WORDS,
    SPORTS_LEADERS,
    SPORTS_STAFF,
)

P = r"@(\d+)"
# A "team", "mission" or "party" is a visiting party only where its sentence or the ones beside it tell
# of travel or talks (a "delegation" is one by definition).
_TRAVEL_OR_TALKS = re.compile(
    r"\b(?:visit\w*|trip|travel\w*|arriv\w*|fly|flew|flying|tour\w*|talks|negotiat\w*|meet\w*|met|"
    r"summit|conference|consultations)\b|\bto\s+(?:the\s+)?[A-Z]",
)
_SEP = r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:his|her|their)\s+\w+\s*,?\s*)?"
PL = rf"@\d+(?:{_SEP}@\d+)*"
_PARTY = r"(?:delegation|mission|team|party|entourage|contingent|squad|group)"
_PLACE = r"((?:the\s+)?(?:[A-Z][\w.’'\-]*)(?:\s+(?:of\s+)?[A-Z][\w.’'\-]*){0,3})"
_NOT_PLACES = re.compile(
    r"^(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec)\b"
)


@dataclass
class PersonFacts:
    """What the delegation rules need to know about one person."""

    pid: int
    name: str
    title: str = ""
    nationality: str | None = None
    weak: bool = False  # a lone surname no rule vouched for
    role: str | None = None  # "author" is fixed before parties are built


@dataclass
class Party:
    lead: int | None = None
    members: list[int] = field(default_factory=list)
    destination: str | None = None
    purpose: str | None = None
    label: str | None = None
    nationality: str | None = None
    kind: str = ""  # "sports" for a touring team

    def add(self, pid: int) -> None:
        if pid not in self.members:
            self.members.append(pid)


_NEGATION = re.compile(r"\b(?:never|not|no longer|cannot)\b|n['’]t\b")


def negated(text: str) -> bool:
    """ "X has never visited China", "Y will not join": no party from this cue."""
    return _NEGATION.search(text) is not None


def ids(text: str) -> list[int]:
    return [int(x) for x in re.findall(r"@(\d+)", text)]


def clean_place(place: str) -> str:
    place = re.sub(r"^the\s+", "", place.strip()).rstrip(",;:")
    return place if re.search(r"(?:^|[\s.])[A-Z]\.$", place) else place.rstrip(".")


def _place_after(text: str) -> str | None:
    m = re.search(rf"\b(?:to|in|for|from)\s+{_PLACE}", text)
    while m:
        place = m.group(1)
        if "@" not in place and not _NOT_PLACES.match(place):
            return clean_place(place)
        m = re.search(rf"\b(?:to|in|for)\s+{_PLACE}", text[m.end() :])
    return None


_PURPOSE = re.compile(
    r"(?:\bfor|\bon(?=\s+an?\s))\s+((?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,4}?(?:talks|negotiations|meetings|"
    r"discussions|consultations|summit|conference|visit|tour)\b(?:[^.;]|(?<=\b[A-Z])\.)*)"
    r"|\bto\s+((?:discuss|negotiate|attend|sign|seek|promote|hold talks|meet|press|push)\b"
    r"(?:[^.;]|(?<=\b[A-Z])\.)*)"
)
_TIME_TAIL = re.compile(
    r"(?:\s*,)?\s+(?:on|this|next|last|later|earlier)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year|today)\b.*$|\s+(?:today|tomorrow|yesterday)\b.*$",
)


def _purpose_in(text: str) -> str | None:
    m = _PURPOSE.search(text)
    if not m:
        return None
    purpose = (m.group(1) or m.group(2) or "").strip()
    purpose = re.sub(r",\s+(?:the\s+|a\s+)?[\w\s]{0,30}?\b(?:said|says|announced|reported)\b.*$", "", purpose)
    purpose = re.sub(
        r",\s+(?:accompanied|according|where|which|who|while|officials|he|she|they)\b.*$", "", purpose
    )
    purpose = _TIME_TAIL.sub("", purpose).strip(" ,")
    if "@" in purpose:
        purpose = purpose.split("@")[0].rstrip(" ,;(").rsplit(" with", 1)[0]
    words = purpose.split()
    if len(words) > 18:
        purpose = " ".join(words[:18]) + "…"
    return purpose or None


def _label(phrase: str | None, noun: str) -> str | None:
    if phrase is None:
        return None
    phrase = re.sub(r"^(?:a|an|the|his|her|its|their)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    label = f"{phrase} {noun}".strip() if phrase else noun
    return label if label != noun else None


class PartyBuilder:
    """Collects parties from the cue patterns, then settles roles."""

    def __init__(self, facts: dict[int, PersonFacts]) -> None:
        self.facts = facts
        self.parties: list[Party] = []
        self.roles: dict[int, str] = {}
        self.member_titles: dict[int, str] = {}

    def eligible(self, pid: int) -> bool:
        f = self.facts.get(pid)
        if f is None or f.role == "author":
            return False
        title = f.title.lower()
        return not any(re.search(rf"\b{w}\b", title) for w in MEDIA_TITLES)

    def party_of(self, pid: int) -> Party | None:
        for p in self.parties:
            if pid in p.members:
                return p
        return None

    def lead(self, pid: int, **info: str | None) -> Party | None:
        if not self.eligible(pid):
            return None
        party = self.party_of(pid)
        if party is None:
            party = Party()
            self.parties.append(party)
        if party.lead is None:
            party.lead = pid
            if pid in party.members:
                party.members.remove(pid)
            party.members.insert(0, pid)
        for key, value in info.items():
            if value and not getattr(party, key):
                setattr(party, key, value)
        return party

    def join(self, party: Party, pids: Sequence[int]) -> None:
        for pid in pids:
            if self.eligible(pid) and self.party_of(pid) in (None, party):
                party.add(pid)


def _lead_cue(
    b: PartyBuilder, around: str, pid: int, phrase: str | None, noun: str, destination: str | None,
    rest: str,
) -> None:
    """`pid` leads the party a cue names. A team, mission or party counts only with travel or talks
    around it ("a team led by X announced …" is a research team, not a visiting party)."""
    if noun != "delegation" and not _TRAVEL_OR_TALKS.search(around):
        return
    b.lead(pid, label=_label(phrase, noun), destination=destination, purpose=_purpose_in(rest))


def build_parties(
    masked: Sequence[str],
    facts: dict[int, PersonFacts],
    *,
    body: str,
    dateline: str | None,
    headline: str = "",
) -> tuple[list[Party], dict[int, str], dict[int, str]]:
    """Parties, extra roles (host/principal) and titles learnt from cues ("media consultant")."""
    b = PartyBuilder(facts)
    meetings: list[tuple[int, list[int]]] = []  # (subject, counterparts)
    senders: list[int] = []
    hosts_of_all: list[int] = []  # "X welcomed both delegations"
    pending: Party | None = None  # "A delegation of 16 … arrived": members named in a later sentence

    for i, s in enumerate(masked):
        around = " ".join(masked[max(0, i - 1) : i + 2])  # a party's trip is often told next door
        # X will lead a delegation to Z for talks …
        for m in re.finditer(
            rf"{P},?(?:\s*,[^,@]*,)?\s+(?:will|would|is to|is set to|is due to|is expected to|to|"
            rf"has been \w+ to|"
            rf"was \w+ to)?\s*(?:also\s+)?(?:lead|head|leads|heads|led|headed|leading|heading)\s+"
            rf"(an?|the|his|her|their)\s+((?:(?!\b(?:at|in|on|of|with|for|to|from)\b)[\w\-’' ]){{0,50}}?)"
            rf"\b(delegation|mission|team|party|contingent)\b",
            s,
        ):
            rest = s[m.end() :]
            _lead_cue(b, around, int(m.group(1)), m.group(3), m.group(4), _place_after(rest), rest)
        # a delegation led by X
        for m in re.finditer(
            rf"((?:\b(?:an?|the)\s+)(?:(?!\b(?:at|in|on|of|with|for|to|from)\b)[\w\-’' ]){{0,50}}?)?"
            rf"\b(delegation|mission|team|party|contingent)\b"
            rf"(?:(?!\b(?:delegation|mission|team|party|contingent)\b)[^.@]){{0,60}}?"
            rf"\b(?:led|headed|chaired)\s+by\s+{P}",
            s,
        ):
            _lead_cue(b, around, int(m.group(3)), m.group(1), m.group(2), _place_after(s), s[m.end() :])
        # X, who heads the Y delegation / X, head of the Y delegation (title already folded in)
        for m in re.finditer(
            rf"{P}\s*,?\s*who\s+(?:heads|leads|headed|led|will head|will lead)\s+(the|a|an)\s+"
            rf"([\w\-’' ]{{0,40}}?)"
            rf"\b(delegation|mission|team)\b",
            s,
        ):
            b.lead(int(m.group(1)), label=_label(m.group(3), m.group(4)))
        # A delegation of 16 Russian space experts arrived in the U.S.
        m = re.search(
            r"\b[Aa]n?\s+((?:[\w\-]+\s+){0,3}?)(delegation|team|group|party|mission)\s+of\s+([\w\-\s]{3,60}?)\s+"
            r"(?:arrived|arrives|will arrive|is to arrive|is visiting|visited|will visit|travelled|traveled|"
            r"left|leaves|flew|is in)\b",
            s,
        )
        if m and "@" not in m.group(0):
            pending = Party(
                label=f"{m.group(2)} of {m.group(3).strip()}", destination=_place_after(s[m.end() :])
            )
        m = re.search(
            rf"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w\-]+\s+){{0,3}}?)(delegation|team|party)\s+(?:for|to)\s+{_PLACE}"
            rf"[^@.]*?\b(?:talks|negotiations|meetings|visit)\b",
            s,
        )
        if m and "@" not in m.group(0) and pending is None:
            pending = Party(
                label=_label(m.group(1), m.group(2)),
                destination=clean_place(m.group(3)),
                purpose=_purpose_in(s[m.start() :]),
            )
        # The delegation's leader, X (title folded in: "@5" whose title is "delegation's leader")
        # X, Y and Z will join W (in Mexico City)
        for m in re.finditer(
            rf"({PL})\s*,?\s+(?:will|would|are to|is to|to|have|has|had|are|is|also)?\s*(?:also\s+)?"
            rf"(?:join|joined|joins|joining|accompany|accompanied|accompanies|accompanying|travel with|"
            rf"travelled with|"
            rf"traveled with)\s+{P}",
            s,
        ):
            host = facts.get(int(m.group(2)))
            if (
                re.match(r"\s+as\b", s[m.end() :])
                or not host
                or (not host.title and not b.party_of(host.pid))
            ):
                continue  # "X joined Y as senior vice president": a job, not a party
            party = b.lead(int(m.group(2)), destination=_place_after(s[m.end() :]))
            if party is not None:
                b.join(party, ids(m.group(1)))
        # X and Y have been called into the squad as designated hitters for team practice
        for m in re.finditer(
            rf"({PL})\s+(?:have|has|had|were|was|will be|are|is)\s+(?:also\s+)?(?:been\s+)?"
            rf"(?:called|named|brought|drafted|selected|picked|appointed|included|chosen|added)\b[^@.;]{{0,40}}?"
            rf"\bas\s+(?:an?\s+|the\s+)?([\w\-]+(?:\s+(?!but\b|and\b|after\b|while\b)[\w\-]+){{0,5}})",
            s,
        ):
            pids = ids(m.group(1))
            role = m.group(2)
            if len(pids) > 1:
                role = re.sub(r"\b(\w{3,}?)s\b", r"\1", role, count=1)  # "designated hitters" -> "hitter"
            for pid in pids:
                b.member_titles.setdefault(pid, role)
        # X, accompanied by Y and Z / by a panoply of senior advisers
        for m in re.finditer(
            rf"{P}(?:[^@.;]{{0,60}}?,)?\s*,?\s*(?:who\s+)?(?:was\s+|is\s+|will be\s+|were\s+)?"
            rf"accompanied\s+by\s+"
            rf"(?:({PL})|(?:an?|the|his|her|several|senior|top|[\w\-]+)\s+(?:[\w\-]+\s+){{0,5}}?"
            rf"(?:advisers|advisors|aides|officials|experts|ministers|delegation|staff|entourage|team|wife|husband|"
            rf"negotiators|diplomats|officers))",
            s,
        ):
            if negated(m.group(0)):
                continue
            party = b.lead(int(m.group(1)), destination=_place_after(s[m.end() :]))
            if party is not None and m.group(2):
                b.join(party, ids(m.group(2)))
        # visiting X
        for m in re.finditer(rf"\bvisiting\s+{P}(?!['’]s)", s):
            f = facts.get(int(m.group(1)))
            if not (f and f.title and not f.weak):
                continue
            b.lead(int(m.group(1)), destination=_place_after(s))
            before = ids(s[: m.start()])
            if before:
                meetings.append((int(m.group(1)), before[:1]))
        # X (and Y) arrived in / is to spend … in / visited / made a trip to / returned from a mission to Z
        for m in re.finditer(
            rf"(?:^|[.;:]\s+|,\s+(?:and\s+)?|\bwhen\s+|\bafter\s+)({PL})\s*,?\s*(?:[^@.;]{{0,40}}?\s)?"
            rf"(?:(?:has|have|had|will|would|is to|are to|is due to|are due to|is set to|are set to|"
            rf"was|were|is|are)\s+)?"
            rf"(?:also\s+)?(?:arriv\w*\s+(?:back\s+)?(?:in|at|from)|visit(?:s|ed|ing)?|spend\s+[^@.;]{{0,30}}?\s+in|"
            rf"travel\w*\s+to|fl(?:y|ew|ies)\s+to|(?:made|makes|make|paid|pays|pay)\s+(?:an?|his|her|their)\s+"
            rf"[\w\-\s]{{0,25}}?(?:visit|trip|tour)\s+to|(?:returned|returns|arrived back|is back)\s+from\s+"
            rf"(?:an?|his|her|their)\s+[\w\-\s]{{0,25}}?(?:mission|visit|trip|tour)\s+to)\s+{_PLACE}",
            s,
        ):
            place = m.group(2)
            if "@" in place or _NOT_PLACES.match(place) or negated(m.group(0)):
                continue
            pids = [p for p in ids(m.group(1)) if facts.get(p) and facts[p].title and not facts[p].weak]
            if not pids:
                continue
            party = b.lead(pids[0], destination=clean_place(place), purpose=_purpose_in(s[m.end() :]))
            if party is not None:
                b.join(party, pids[1:])
        # X's visit / trip / mission to Z
        for m in re.finditer(
            rf"{P}['’]s\s+(?:[\w\-]+\s+){{0,3}}?(?:visit|trip|tour|mission)\s+(?:to|of)\s+{_PLACE}", s
        ):
            f = facts.get(int(m.group(1)))
            if f and f.title and not f.weak:
                b.lead(int(m.group(1)), destination=clean_place(m.group(2)))
        # X held talks with Y / met Y / a meeting with Y
        for m in re.finditer(
            rf"{P}\s+(?:[^@.;]{{0,30}}?\s)?(?:held|holds|holding|hold|had|has had|will have)\s+"
            rf"(?:[\w\-]+\s+){{0,4}}?"
            rf"(?:talks|meetings?|discussions)\s+with\s+({PL})"
            rf"|{P}\s+(?:[^@.;]{{0,20}}?\s)?(?:met|meets|will meet|is meeting|was meeting|to meet)\s+"
            rf"(?:with\s+)?({PL})"
            rf"|{P}\s+(?:[^@.;]{{0,20}}?\s)?went\s+(?:directly\s+)?into\s+(?:an?\s+)?(?:[\w\-]+\s+){{0,2}}meeting\s+with\s+({PL})",
            s,
        ):
            subject = int(m.group(1) or m.group(3) or m.group(5))
            meetings.append((subject, ids(m.group(2) or m.group(4) or m.group(6))))
        for m in re.finditer(rf"(?:talks|meeting|meetings|negotiations)\s+(?:with|between)\s+({PL})", s):
            subj = ids(s[: m.start()])
            if subj:
                meetings.append((subj[0], [p for p in ids(m.group(1)) if p != subj[0]]))
        # X is sending / sent … (the principal)
        for m in re.finditer(
            rf"{P}\s+(?:is|was|has|had|will|would)?\s*(?:been\s+)?(?:sending|sent|sends|send|dispatch\w*)\b",
            s,
        ):
            senders.append(int(m.group(1)))
        for m in re.finditer(
            rf"{P}['’]s\s+(?:special\s+|personal\s+)?(?:envoy|emissary|representative)\b", s
        ):
            senders.append(int(m.group(1)))
        # The group includes X and Y
        for m in re.finditer(
            rf"\b{_PARTY}\b(?:[^.@]|@\d+){{0,80}}?\b(?:includes?|included|including|comprises?|comprising|"
            rf"consists? of|"
            rf"is made up of|members are|members include)\s+(?:[^@.]{{0,40}}?)({PL})",
            s,
        ):
            pids = ids(m.group(1))
            target = pending or (b.parties[-1] if b.parties else None)
            if target is None and re.search(r"\b(?:group|party|team)\b", m.group(0).split()[0]):
                continue  # "a group including X" is a shareholder group, a party of people needs more
            if target is None:
                target = Party()
            if target not in b.parties:
                b.parties.append(target)
            b.join(target, pids)
            pending = None
        # The delegation will travel to Beijing next week for talks on export controls
        m = re.search(
            rf"\b[Tt]he\s+(?:[\w\-]+\s+){{0,2}}?{_PARTY}\s+(?:will|would|is to|is due to|is expected to)\s+"
            rf"(?:travel|fly|go|head)\s+to\s+{_PLACE}",
            s,
        )
        if m and "@" not in m.group(0) and b.parties:
            target = b.parties[-1]
            target.destination = target.destination or clean_place(m.group(1))
            target.purpose = target.purpose or _purpose_in(s[m.end() :])
        # Y welcomed / received / will host X (or the delegations)
        for m in re.finditer(
            rf"{P}\s+(?:[^@.;]{{0,20}}?\s)?(?:welcomed|welcomes|received|receives|hosted|hosts|will host|"
            rf"greeted|will receive|will welcome)\s+(?:({PL})|(?:the|both|all|a)\s+(?:[\w\-]+\s+){{0,3}}?"
            rf"(?:delegations?|teams?|visitors|guests|party|envoys?))",
            s,
        ):
            guests = ids(m.group(2)) if m.group(2) else []
            meetings.append((int(m.group(1)), guests))
            if not guests:
                hosts_of_all.append(int(m.group(1)))
        # W will act as a media consultant to X's (touring side)
        for m in re.finditer(
            rf"{P}\s+(?:will|would|is to|is set to)?\s*(?:act|serve|work|travel|go)\s+as\s+(?:an?|the)\s+"
            rf"([\w\-\s]{{2,40}}?)\s+(?:to|for|with)\s+{P}",
            s,
        ):
            b.member_titles[int(m.group(1))] = m.group(2).strip()
            party = b.lead(int(m.group(3)))
            if party is not None:
                b.join(party, [int(m.group(1))])

    # titles that make someone a lead ("head of the EC delegation", "delegation's leader")
    for f in facts.values():
        t = f.title.lower()
        m = re.search(
            r"\b(?:head|leader|chief|chairman)\s+of\s+(?:the|an?|its)\s+"
            r"((?:(?!\b(?:at|in|on|with|for|to)\b)[\w\-’' ]){0,40}?)\b(delegation|mission|team)\b",
            t,
        )
        if m or re.search(r"\b(delegation|mission)['’]s\s+(?:leader|head|chief)\b", t):
            label = _label(m.group(1), m.group(2)) if m else None
            party = b.lead(f.pid, label=label)
            if party is not None and pending is not None and party.label is None:
                party.label, party.destination = pending.label, pending.destination
                party.purpose = party.purpose or pending.purpose
                pending = None

    _sports_party(b, masked, facts, body, headline)
    _negotiating_teams(b, facts, body, dateline, meetings)

    # counterparts the party meets, and who sent it
    in_party = {pid for p in b.parties for pid in p.members}
    for subject, others in meetings:
        if subject in in_party:
            for o in others:
                if o not in in_party:
                    b.roles.setdefault(o, "host")
        elif any(o in in_party for o in others) and b.eligible(subject):
            b.roles.setdefault(subject, "host")  # "Lawson told Funaro in talks …": Lawson received the party
    # officials of the country the party visits are its counterparts ("Mexican President …")
    for p in b.parties:
        dest_nat = _country_of(p.destination)
        if dest_nat is None:
            continue
        for f in facts.values():
            if f.pid not in in_party and f.nationality == dest_nat and f.title and b.eligible(f.pid):
                b.roles.setdefault(f.pid, "host")
    for h in hosts_of_all:
        if b.parties and h not in in_party and b.eligible(h):
            b.roles.setdefault(h, "host")
    for s_pid in senders:
        if b.parties and s_pid not in in_party:
            b.roles[s_pid] = "principal"
    if b.parties and dateline:
        for p in b.parties:
            if p.destination is None and len(p.members) > 1:
                p.destination = dateline.split(",")[0].split("(")[0].strip().title()
    parties = [p for p in b.parties if p.members]
    return parties, b.roles, b.member_titles


def _country_of(place: str | None) -> str | None:
    if not place:
        return None
    words = place.lower().split()
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            nat = NATIONALITY.get(" ".join(words[i : i + n]))
            if nat:
                return nat
    return None


def _title_words(title: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z\-]+", title.lower()))


_SPORT_TRAVEL = re.compile(
    r"\b(?:tour|touring|tie|trip|series|test|fixture|qualifier|travel\w*)\b[^.@]{0,40}?\b(?:in|to|of)\s+"
    r"(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)"
)
_EXCLUDED = (
    r"forced\s+{p}\s+out\b",
    r"{p}\s+(?:has been|was|is|had been|have been)\s+(?:ruled|forced|left)\s+out\b",
    r"{p}\s+(?:ruled|pulled|dropped)\s+out\s+of\s+(?:the|this|his|her)?\s*(?:squad|team|tie|tour|match|side)",
    r"{p}['’]s\s+(?:retirement|withdrawal|absence|suspension|exclusion)\b",
    r"{p}\s+(?:has|had)?\s*(?:withdrawn|withdrew|retired|been dropped|been omitted|been suspended)",
    r"\bwithout\s+(?:the\s+injured\s+)?{p}\b",
)
_PAST_EVENT = re.compile(r"\b(?:last|previous|former|in (?:19|20)\d\d)\b")
_PAST_TENSE = re.compile(r"\b(?:was|were|had)\b")
_NOT_PAST = re.compile(r"\b(?:will|is|are|has|have|can|could|would|should|may|might)\b")


def _is_place(name: str) -> bool:
    low = name.lower()
    return (
        (low in NATIONALITY and NATIONALITY[low] == low)
        or low.replace(" ", "-") in PLACE_WORDS
        or (low in PLACE_WORDS and low not in NATIONALITY)
    )


def _sports_party(
    b: PartyBuilder, masked: Sequence[str], facts: dict[int, PersonFacts], body: str, headline: str
) -> None:
    """A touring team: its captain or coach leads; staff and players named go with it.

    Needs a team leader (captain, coach, manager; not a former one) and travel to a named country or
    city ("tour to New Zealand", "tie in Israel") in the headline or the first three sentences; the
    hosts' own people stay out.
    """
    text = " ".join(masked)
    # a touring story says where the team goes up front: in the headline or the opening sentences
    opening = " ".join(masked[:3]) + " " + headline
    destination = next(
        (m.group(1) for m in _SPORT_TRAVEL.finditer(opening) if _is_place(m.group(1))), None
    )
    party = next(
        (
            p
            for p in b.parties
            if p.lead is not None
            and (
                _title_words(facts[p.lead].title) & SPORTS_LEADERS
                or re.search(rf"@{p.lead}['’]s\s+[^.@]{{0,40}}\btour\s+(?:to|of)\b", text)
            )
        ),
        None,
    )
    if destination is None and party is None:
        return
    if not re.search(r"\b(?:squad|team|side|tour|touring|players?)\b", body, re.IGNORECASE):
        return
    dest_nat = NATIONALITY.get(destination.lower()) if destination else None
    if party is None:
        leaders = [
            f
            for f in facts.values()
            if _title_words(f.title) & SPORTS_LEADERS
            and "former" not in f.title.lower()
            and not f.weak
            and b.eligible(f.pid)
            and not (dest_nat and f.nationality == dest_nat)
            and not _only_past(f.pid, masked)
        ]
        if not leaders:
            return
        head = min(leaders, key=lambda f: (not re.search(r"captain|head coach", f.title.lower()), f.pid))
        party = b.lead(head.pid, destination=destination)
        if party is None:
            return
    if party.destination is None and destination:
        party.destination = destination
    party.kind = "sports"
    candidates = []
    everything = text + " " + headline
    for f in sorted(facts.values(), key=lambda f: f.pid):
        if f.pid in party.members or not b.eligible(f.pid) or f.weak:
            continue
        words = _title_words(f.title)
        if (
            f.title
            and not (words & SPORTS_STAFF)
            and not re.search(r"\b(?:player|year-old)\b", f.title.lower())
        ):
            continue  # a politician or official mentioned in passing
        if "former" in f.title.lower() or (dest_nat and f.nationality == dest_nat):
            continue  # a former coach; the opponents
        if any(re.search(rx.format(p=f"@{f.pid}\\b"), everything) for rx in _EXCLUDED):
            continue
        if _only_past(f.pid, masked):
            continue
        candidates.append(f.pid)
    if len(candidates) <= MAX_SQUAD:  # a match report's two line-ups is not a travelling party
        b.join(party, candidates)


MAX_SQUAD = 15


def _only_past(pid: int, masked: Sequence[str]) -> bool:
    """Every sentence naming pid tells of a past event ("the last Lions tour … in 2001, when X was coach")."""
    seen = False
    for i, s in enumerate(masked):
        if not re.search(rf"@{pid}\b", s):
            continue
        seen = True
        prev = masked[i - 1] if i else ""
        past = (
            _PAST_TENSE.search(s)
            and not _NOT_PAST.search(s)
            and (_PAST_EVENT.search(s) or _PAST_EVENT.search(prev))
        )
        if not past:
            return False
    return seen


def _rank(title: str) -> int:
    t = title.lower()
    if re.search(r"\b(?:deputy|vice|assistant|under|junior)\b", t):
        return 1
    return 2 if re.search(r"\b(?:minister|secretary of state|foreign secretary|chief negotiator)\b", t) else 0


def _negotiating_teams(
    b: PartyBuilder,
    facts: dict[int, PersonFacts],
    body: str,
    dateline: str | None,
    meetings: list[tuple[int, list[int]]],
) -> None:
    """In talks coverage, each government's diplomats form one negotiating team."""
    if len(re.findall(r"\btalks\b|\bnegotiat\w*", body, re.IGNORECASE)) < 3:
        return
    counterparts = {o for _, others in meetings for o in others}
    groups: dict[str, list[PersonFacts]] = {}
    for f in facts.values():
        t = f.title.lower()
        if f.weak or f.pid in counterparts or not b.eligible(f.pid):
            continue
        if not any(d in t for d in DIPLOMATIC_TITLES):
            continue
        groups.setdefault(f.nationality or "", []).append(f)
    if len(groups) < 2 and not any(b.party_of(f.pid) for people in groups.values() for f in people):
        return  # one side's diplomat quoted on talks elsewhere is not a negotiating team at the table
    venue = dateline.split(",")[0].split("(")[0].strip().title() if dateline else None
    for nat, people in groups.items():
        people.sort(key=lambda f: (-_rank(f.title), f.pid))
        existing = next((b.party_of(f.pid) for f in people if b.party_of(f.pid)), None)
        if existing is None:
            party = b.lead(people[0].pid, destination=venue)
            if party is None:
                continue
            party.nationality = nat or None
        else:
            party = existing
        b.join(party, [f.pid for f in people])
