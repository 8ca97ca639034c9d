"""Evidence rules: small, named patterns over *masked* sentences that speak for or against a person
being in an official party.

Every person mention (with its title and apposition) is masked as `@<id>`, so "Homeland Security
Adviser Liz Sherwood-Randall will lead a delegation to Mexico City" reads "@1 will lead a delegation to
Mexico City". A rule reads one sentence at a time and emits `Evidence` for the people in its slots; it
never decides membership. The scorer (summarizer/delegation/scorer.py) weighs the evidence with
weights fitted on labelled articles, and summarizer/delegation/parties.py groups the members.

Each rule has a docstring with an example from real news; tests/summarizer/test_evidence.py holds one
test per rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from summarizer.lexicon import CITY_COUNTRY, NATIONALITY

P = r"@(\d+)"
_SEP = r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:his|her|their|@\d+['’]s)\s+\w+\s*,?\s*)?"
PL = rf"@\d+(?:{_SEP}@\d+)*"
PARTY_NOUNS = r"(?:delegation|mission|team|party|entourage|contingent|group)"
# a place's name: "Geneva", "the Gulf of Mexico", "Rio de Janeiro", "Sharm el-Sheikh"
_PLACE = (
    r"((?:the\s+)?(?:[A-Z][\w.’'\-]*)"
    r"(?:\s+(?:(?:of|de|del|da|do|dos|la|le)\s+|(?:el|al|ad|as|ash)-)?[A-Z][\w.’'\-]*){0,3})"
)
_NOT_PLACES = re.compile(
    r"^(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|Congress|Parliament|House|Senate|Capitol|White House)\b"
)
_NEGATION = re.compile(
    r"\b(?:never|not|no longer|cannot|refused to|declined to|pulled out|withdr[ae]w\w*|cancel+ed|"
    r"called off|postponed)\b|n['’]t\b"
)
_TRAVEL_OR_TALKS = re.compile(
    r"\b(?:visit\w*|trip|travel\w*|arriv\w*|fly|flew|flying|tour\w*|talks|negotiat\w*|meet\w*|met|"
    r"summit|conference|consultations)\b|\bto\s+(?:the\s+)?[A-Z]",
)


@dataclass(frozen=True)
class Evidence:
    """One rule's finding about one person."""

    rule: str
    pid: int
    sentence: int
    place: str | None = None
    other: int | None = None  # the person whose party this one joins, or who is met/hosted
    label: str | None = None  # "EC delegation"
    purpose: str | None = None


@dataclass
class Sentences:
    """The masked sentences of one article and what the rules may look up."""

    masked: Sequence[str]
    titles: dict[int, str] = field(default_factory=dict)  # people with a title
    headline: str = ""

    @property
    def titled(self) -> frozenset[int]:
        return frozenset(self.titles)

    def with_people(self) -> list[tuple[int, str]]:
        """The sentences that name someone: the only ones a rule can say anything about."""
        return self._with_people

    @cached_property
    def _with_people(self) -> list[tuple[int, str]]:
        return [(i, text) for i, text in enumerate(self.masked) if "@" in text]

    @cached_property
    def heads(self) -> list[int | None]:
        """party_heads of these sentences, found once for the rules that need them."""
        return party_heads(self)


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b(?!\s*@)")


def resolve_pronouns(masked: Sequence[str]) -> list[str]:
    """ "@0 arrived in Riyadh, where he met …" -> "… where @0 met …"; "his visit" -> "@0's visit".

    A deliberately small rule: a third-person pronoun stands for the first person named earlier in its
    sentence, else for the first person of the sentence before (the usual subject of news prose).
    """
    out: list[str] = []
    previous: str | None = None
    for text in masked:
        out.append(_with_antecedents(text, previous))
        subject = _SUBJECT.match(text)
        previous = subject.group(1) if subject else None
    return out


_SUBJECT = re.compile(
    r"^[\"“‘]?\s*(?:(?:[A-Z]\w*|[Oo]n|[Ii]n|[Aa]t|[Ll]ast|[Ee]arlier)\b[^@,]{0,30},\s*)?"
    r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w.\-]*\s+){1,3})?(@\d+)"
)


def _with_antecedents(text: str, previous: str | None) -> str:
    return _PRONOUN.sub(lambda m: _antecedent(m, text, previous), text)


def _antecedent(m: re.Match[str], text: str, previous: str | None) -> str:
    """The subject of this sentence if it is a person and comes first, else the previous one's; a
    pronoun after another person in mid-sentence is left alone (it may be either)."""
    subject = _SUBJECT.match(text)
    if subject and subject.end() <= m.start():
        who: str | None = subject.group(1)
    elif re.search(r"@\d+", text[: m.start()]):
        return m.group()
    else:
        who = previous
    if who is None:
        return m.group()
    return who + "'s" if m.group().lower() in {"his", "her"} else who


Rule = Callable[[Sentences], Iterator[Evidence]]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES[name] = fn
        return fn

    return register


def negated(text: str) -> bool:
    """ "X has never visited China", "Y will not join": no evidence from this cue."""
    return _NEGATION.search(text) is not None


def ids(text: str) -> list[int]:
    return [int(x) for x in re.findall(r"@(\d+)", text)]


def is_adjective(place: str) -> bool:
    """ "Pakistani" in "visit the Pakistani community": a nationality, not a place."""
    low = re.sub(r"^the\s+", "", place.strip(), flags=re.IGNORECASE).lower()
    return low in NATIONALITY and NATIONALITY[low] != low and low not in {"u.s.", "us", "uk", "gb", "usa"}


def clean_place(place: str) -> str:
    place = re.sub(r"^the\s+", "", place.strip()).rstrip(",;:")
    return place if re.search(r"(?:^|[\s.])[A-Z]\.$", place) else place.rstrip(".")


def place_after(text: str) -> str | None:
    """The first "to/in/for <Place>" in text ("… to Mexico City for talks" -> "Mexico City"); a people's
    adjective names the place after it ("in the Australian city of Brisbane" -> "Brisbane") or none."""
    for m in re.finditer(rf"\b(?:to|in|for|from)\s+{_PLACE}", text):
        place = m.group(1)
        if is_adjective(place):
            named = _NAMED_PLACE.match(text, m.end())
            place = named.group(1) if named else "@"
        if "@" not in place and not _NOT_PLACES.match(place):
            return clean_place(place)
    return None


# after a people's adjective: "the Australian city of Brisbane", "the Swiss resort of Davos"
_NAMED_PLACE = re.compile(
    rf"\s+(?:city|town|capital|village|port|island|resort|region|province|state)\s+of\s+{_PLACE}"
)


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


def purpose_in(text: str) -> str | None:
    """ "for talks with Mexican and Canadian counterparts on Monday" -> "talks with Mexican and …"."""
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


def party_label(phrase: str | None, noun: str) -> str | None:
    if phrase is None:
        return None
    phrase = re.sub(r"^(?:a|an|the|his|her|its|their)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    label = f"{phrase} {noun}".strip() if phrase else noun
    return label if label != noun else None


def _around(s: Sentences, i: int) -> str:
    return " ".join(s.masked[max(0, i - 1) : i + 2])


def _about_the_subject(
    s: Sentences, name: str, pattern: re.Pattern[str], *, skip_negated: bool = False
) -> Iterator[Evidence]:
    """Evidence `name` for the person in the first filled group of each match of `pattern`."""
    for i, text in s.with_people():
        for m in pattern.finditer(text):
            if not (skip_negated and negated(m.group(0))):
                yield Evidence(name, int(next(g for g in m.groups() if g)), i)


# -- leading a party --------------------------------------------------------------------------------
# the words between an article and a party's noun ("the U.S. delegation")
_QUALIFIER = r"((?:(?!\b(?:at|in|on|of|with|for|to|from)\b)[\w\-’' ]|(?<=[A-Z])\.){0,50}?)"


@rule("leads_party")
def leads_party(s: Sentences) -> Iterator[Evidence]:
    """ "Homeland Security Adviser Liz Sherwood-Randall will lead a delegation to Mexico City" (seed);
    "a delegation led by X"; "X, who heads the EC delegation". A team, mission or party counts only with
    travel or talks around it ("a team led by X announced …" is a research team)."""
    for i, text in s.with_people():
        found: list[tuple[int, str | None, str, str, str]] = []
        for m in re.finditer(
            rf"{P},?(?:\s*,[^,@]*,)?\s+(?:will|would|is to|is set to|is due to|is expected to|to|"
            rf"has been \w+ to|was \w+ to)?\s*(?:also\s+)?(?:lead|head|leads|heads|led|headed|leading|"
            rf"heading)\s+(an?|the|his|her|their)\s+{_QUALIFIER}"
            rf"\b(delegation|mission|team|party|contingent)\b",
            text,
        ):
            found.append((int(m.group(1)), m.group(3), m.group(4), text[m.end() :], m.group(0)))
        for m in re.finditer(
            rf"((?:\b(?:an?|the)\s+){_QUALIFIER[1:-1]})?\b(delegation|mission|team|party|contingent)\b"
            rf"(?:(?!\b(?:delegation|mission|team|party|contingent)\b)[^.@]){{0,60}}?"
            rf"\b(?:led|headed|chaired)\s+by\s+{P}",
            text,
        ):
            found.append((int(m.group(3)), m.group(1), m.group(2), text[m.end() :], m.group(0)))
        for m in re.finditer(  # "@0, Deputy Secretary of Agriculture will head the U.S. delegation"
            rf"{P},[^,@.;]{{1,60}}?\s+(?:will|would|is to|is set to|is due to|is expected to)\s+(?:also\s+)?"
            rf"(?:lead|head)\s+(an?|the|his|her|their)\s+{_QUALIFIER}\b(delegation|mission|team|party|contingent)\b",
            text,
        ):
            found.append((int(m.group(1)), m.group(3), m.group(4), text[m.end() :], m.group(0)))
        for m in re.finditer(
            rf"{P}\s*,?\s*who\s+(?:heads|leads|headed|led|will head|will lead)\s+(the|a|an)\s+"
            rf"([\w\-’' ]{{0,40}}?)\b(delegation|mission|team)\b",
            text,
        ):
            found.append((int(m.group(1)), m.group(3), m.group(4), text[m.end() :], m.group(0)))
        for pid, phrase, noun, rest, matched in found:
            if negated(matched):
                continue
            if noun != "delegation" and not _TRAVEL_OR_TALKS.search(_around(s, i)):
                continue
            yield Evidence(
                "leads_party",
                pid,
                i,
                place=place_after(rest),
                label=party_label(phrase, noun),
                purpose=purpose_in(rest),
            )


@rule("title_heads_party")
def title_heads_party(s: Sentences) -> Iterator[Evidence]:
    """A title that makes someone a lead: "John Maslen, head of the EC delegation" (reuters/7643);
    "The delegation's leader, Vincent Siew" (reuters/16094); or a member ("another member of the 20-man
    Chinese delegation", reuters/17429)."""
    for pid, title in s.titles.items():
        t = title.lower()
        m = re.search(
            r"\b(?:head|leader|chief|chairman)\s+of\s+(?:the|an?|its|[\w.]+['’]s)\s+"
            r"((?:(?!\b(?:at|in|on|with|for|to)\b)[\w\-’' ]){0,40}?)\b(delegation|mission)\b",
            t,
        )
        if m or re.search(r"\b(?:delegation|mission)['’]s\s+(?:leader|head|chief)\b", t):
            label = party_label(m.group(1), m.group(2)) if m else None
            yield Evidence("leads_party", pid, _first_said(s, pid), label=label)
        elif re.search(
            r"\bmember\s+of\s+(?:the|an?|its|[\w.]+['’]s)\s+(?:[\w\-’' ]{0,40}?)\bdelegation\b", t
        ):
            # "Xianglin Hou, another member of the 20-man Chinese delegation at the Houston meeting"
            yield Evidence("joins_party", pid, _first_said(s, pid))


def _first_said(s: Sentences, pid: int) -> int:
    """The first sentence that names person `pid` (0 when none does)."""
    tag = re.compile(rf"@{pid}\b")
    return next((i for i, text in s.with_people() if tag.search(text)), 0)


_JOIN_VERB = (
    r"(?:join|joined|joins|joining|accompany|accompanied|accompanies|accompanying|travel with|"
    r"travelled with|traveled with)"
)
_HEAD_CUE = re.compile(
    rf"\b(?:led|headed|chaired)\s+by\s+{P}|{P}\s*,?\s*(?:who\s+)?(?:will\s+)?(?:lead|head)s?\b"
    rf"|{P}(?:[^@.;]{{0,60}}?,)?\s*,?\s*(?:who\s+)?(?:was\s+|is\s+|will be\s+|were\s+)?accompanied\s+by\b"
    rf"|\b{_JOIN_VERB}\s+(?:the\s+)?{P}"
)


def party_heads(s: Sentences) -> list[int | None]:
    """For each sentence, the person last said to lead, head or be joined by a party (or None)."""
    heads: list[int | None] = []
    last: int | None = None
    for text in s.masked:
        for m in _HEAD_CUE.finditer(text):
            last = int(next(g for g in m.groups() if g))
        heads.append(last)
    return heads


@rule("joins_party")
def joins_party(s: Sentences) -> Iterator[Evidence]:
    """ "Rich Verma …; Lisa Monaco …; and Kemp Chester … will join Ms. Sherwood-Randall in Mexico City"
    (seed); "Prince Edward will also join the UK delegation in Poland" (bbc/politics-018)."""
    heads = s.heads
    for i, text in s.with_people():
        for m in re.finditer(
            rf"({PL})\s*,?\s+(?:will|would|are to|is to|to|have|has|had|are|is|also)?\s*(?:also\s+)?"
            rf"{_JOIN_VERB}\s+(?:the\s+)?(?:{P}|(?:[\w\-]+\s+){{0,3}}(delegation))",
            text,
        ):
            rest = text[m.end() :]
            if re.match(r"\s+as\b|['’]s\b", rest) or negated(m.group(0)):
                continue  # "X joined Y as senior vice president"; "X has joined his (@0's) first squad"
            if m.group(2) and int(m.group(2)) not in s.titled:
                continue  # joining someone with no title is company, not a party
            other = int(m.group(2)) if m.group(2) else (heads[i - 1] if i else None)
            for pid in ids(m.group(1)):
                yield Evidence("joins_party", pid, i, other=other, place=place_after(rest))


@rule("accompanied_by")
def accompanied_by(s: Sentences) -> Iterator[Evidence]:
    """ "Prime Minister Li Qiang, accompanied by Commerce Minister Wang Wentao and Foreign Minister Wang
    Yi, …": they join his party."""
    for i, text in s.with_people():
        for m in re.finditer(
            rf"{P}(?:[^@.;]{{0,60}}?,)?\s*,?\s*(?:who\s+)?(?:was\s+|is\s+|will be\s+|were\s+)?"
            rf"accompanied\s+by\s+({PL})",
            text,
        ):
            if not negated(m.group(0)):
                for pid in ids(m.group(2)):
                    yield Evidence("joins_party", pid, i, other=int(m.group(1)))


@rule("party_includes")
def party_includes(s: Sentences) -> Iterator[Evidence]:
    """ "A delegation of 16 Russian space experts arrived … The group includes Y. M. Koptev …"
    (usenet/61293): members of the party named before; "a group including X" alone is no party."""
    heads = s.heads
    for i, text in s.with_people():
        for m in re.finditer(
            rf"\b({PARTY_NOUNS})\b(?:[^.@]|@\d+){{0,80}}?\b(?:includes?|included|including|comprises?|"
            rf"comprising|consists? of|is made up of|members are|members include)\s+(?:[^@.]{{0,40}}?)({PL})",
            text,
        ):
            told = re.search(
                r"\b(?:delegation|mission|entourage|contingent)\b", " ".join(s.masked[max(0, i - 2) : i])
            )
            if heads[i] is None and not told and m.group(1) in ("group", "party", "team"):
                continue  # a shareholder group, a research team
            for pid in ids(m.group(2)):
                yield Evidence("joins_party", pid, i, other=heads[i])


_PARTY_TRAVELLING = re.compile(
    rf"{P}(?:[^@.;]{{0,60}}?,)?\s*,?\s*(?:who\s+)?(?:was\s+|is\s+|will be\s+|were\s+)?"
    rf"accompanied\s+by\s+(?:an?|the|his|her|several|senior|top|[\w\-]+)\s+(?:[\w\-]+\s+){{0,5}}?"
    rf"(?:advisers|advisors|aides|officials|experts|ministers|delegation|staff|entourage|team|"
    rf"negotiators|diplomats|officers)"
    rf"|{P}\s+and\s+(?:his|her|their)\s+(?:[\w\-]+\s+)?(?:delegation|entourage|negotiating team)"
)


@rule("party_travelling")
def party_travelling(s: Sentences) -> Iterator[Evidence]:
    """ "X, accompanied by a panoply of senior advisers" (reuters/16550); "X and his delegation"."""
    yield from _about_the_subject(s, "party_travelling", _PARTY_TRAVELLING, skip_negated=True)


# -- travel ------------------------------------------------------------------------------------------
_WHEN = (
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|"
    r"yesterday|later|earlier|this\s+week|next\s+week|last\s+week))?"
)
_TRAVEL_VERB = (
    rf"(?:arriv\w*{_WHEN}\s+(?:back\s+)?(?:in|at|from)|visit(?:s|ed|ing)?|spend\s+[^@.;]{{0,30}}?\s+in|"
    r"(?:travel\w*|fl(?:y|ew|ies|ying)|head(?:s|ed|ing)?|went|go(?:es|ing)?|jet\w*|return\w*)"
    r"\s+(?:back\s+)?to|"
    r"(?:left|leaves?|leaving|depart\w*)"
    r"(?:\s+(?:on\s+)?(?:an?|his|her|their)\s+[\w\-\s]{0,25}?(?:visit|trip|tour))?\s+(?:for|to)|"
    r"(?:made|makes|make|paid|pays|pay|began|begins)\s+"
    r"(?:an?|his|her|their)\s+[\w\-\s]{0,25}?(?:visit|trip|tour)\s+to|"
    r"(?:returned|returns|arrived back|is back|just returned)\s+from|is\s+in|was\s+in|were\s+in|are\s+in|"
    r"will\s+be\s+in)"
)


@rule("travels_to")
def travels_to(s: Sentences) -> Iterator[Evidence]:
    """ "West German Economics Minister Martin Bangemann will fly to Washington" (reuters/17119);
    "X arrived in Lausanne"; "X has just returned from Washington"; "X is in Riyadh"."""
    for i, text in s.with_people():
        for m in re.finditer(
            rf"({PL})\s*(?:,\s*[^@.;,]{{0,60}},\s*|\s+\w+ly\s+|\s+(?:on|last|next|this)\s+\w+\s+|\s*,?\s+)"
            rf"(?:who\s+)?(?:(?:has|have|had|will|would|is to|are to|is due to|are due to|is set to|"
            rf"are set to|"
            rf"was|were|is|are|plans to|planned to|is expected to|was expected to)\s+)?"
            rf"(?:also\s+|just\s+|already\s+)?(?:been\s+)?{_TRAVEL_VERB}\s+{_PLACE}",
            text,
        ):
            place = m.group(2)
            if "@" in place or _NOT_PLACES.match(place) or is_adjective(place) or negated(m.group(0)):
                continue
            for pid in ids(m.group(1)):
                yield Evidence(
                    "travels_to", pid, i, place=clean_place(place), purpose=purpose_in(text[m.end() :])
                )


# a trip the story tells as over: "X's successful / previous trip", "his visit to Hong Kong in 1997" (not
# "last" or "recent": that may be the trip the story is about)
_PAST_TRIP_BEFORE = re.compile(r"['’]s\s+(?:[\w\-]+\s+)*?(?:successful|previous|earlier|past|former)\s")
_PAST_TRIP_AFTER = re.compile(r"\s+(?:in|during)\s+(?:\w+\s+)?((?:1[89]|20)\d\d)\b|\s+\w+\s+years?\s+ago\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _told_as_over(trip: str, after: str, latest_year: int) -> bool:
    """ "X's successful trip", "X's trip ... two years ago", "X's visit ... in 1997" in a story whose news is
    of a later year (a trip in the latest year the story names may be the one it reports)."""
    if _PAST_TRIP_BEFORE.search(trip):
        return True
    m = _PAST_TRIP_AFTER.match(after)
    if m is None:
        return False
    return m.group(1) is None or int(m.group(1)) < latest_year


@rule("visit_noun")
def visit_noun(s: Sentences) -> Iterator[Evidence]:
    """ "Blair's Middle East peace mission"; "X's visit to Washington"; "X's trip to Beijing"."""
    latest_year = max((int(y) for t in s.masked for y in _YEAR.findall(t)), default=0)
    for i, text in s.with_people():
        for m in re.finditer(
            rf"{P}['’]s\s+(?:[\w\-]+\s+){{0,3}}?(visit|trip|tour|mission|journey|arrival|stay)\b"
            rf"(?:\s+(?:to|of|in)\s+{_PLACE})?",
            text,
        ):
            place = m.group(3)
            if m.group(2) in ("mission", "journey", "stay") and not place:
                continue  # "… is Parry's mission": a goal, not a trip
            if _told_as_over(m.group(0), text[m.end() :], latest_year):
                continue  # a trip that is over: "Thatcher's successful trip to Moscow"
            ok = place and "@" not in place and not _NOT_PLACES.match(place)
            yield Evidence("visit_noun", int(m.group(1)), i, place=clean_place(place) if ok else None)


@rule("visiting_title")
def visiting_title(s: Sentences) -> Iterator[Evidence]:
    """ "talks with visiting Soviet Foreign Minister Eduard Shevardnadze"; "the visiting X"."""
    for i, text in s.with_people():
        for m in re.finditer(rf"\bvisiting\s+{P}(?!['’]s)", text):
            yield Evidence(
                "visiting_title", int(m.group(1)), i, other=next(iter(ids(text[: m.start()])), None)
            )


@rule("represents")
def represents(s: Sentences) -> Iterator[Evidence]:
    """ "Amstutz will represent the United States at the meeting in Geneva" (reuters/20335)."""
    for i, text in s.with_people():
        for m in re.finditer(
            rf"({PL})\s*,?\s*(?:[^@.;]{{0,30}}?\s)?(?:will|would|to|is to|was to|who)?\s*"
            rf"(?:represent\w*\s+(?:[^@.;]{{0,30}}?\s)?at|be the \w+ representative)\b",
            text,
        ):
            if not negated(m.group(0)):
                for pid in ids(m.group(1)):
                    yield Evidence("represents", pid, i, place=place_after(text[m.end() :]))
        for m in re.finditer(
            rf"\b(?:be|been|is|was|were|are)\s+represented\b[^@.;]{{0,60}}?\bby\s+({PL})", text
        ):
            for pid in ids(m.group(1)):
                yield Evidence("represents", pid, i, place=place_after(m.group(0)))


_EVENT = (
    r"(?<!news )(?<!press )(?<!party )(?<!spring )(?<!autumn )(?<!annual )"
    r"(?:summit|conference|talks|negotiations|forum|round|funeral|inauguration|commemoration|G\d+)"
)


@rule("at_event")
def at_event(s: Sentences) -> Iterator[Evidence]:
    """ "Vanuatu President Baldwin Lonsdale, at a U.N. conference in Japan, …"; "X attended the
    summit"; "X, attending the Arab League summit"; "X joined the talks"."""
    for i, text in s.with_people():
        for m in re.finditer(
            rf"({PL})\s*,?\s*(?:[^@.;]{{0,40}}?\s)?(?:(?:who\s+)?(?:is|was|were|are|will be)\s+)?"
            rf"(?:at|attend\w*|join\w*|took part in|take part in|taking part in|participat\w* in|"
            rf"address\w*|speaking at|spoke at|speak at)\s+(?:an?\s+|the\s+|this\s+|next\s+)?"
            rf"(?:[\w\-.’']+\s+){{0,5}}?{_EVENT}\b",
            text,
        ):
            if not negated(m.group(0)):
                for pid in ids(m.group(1)):
                    yield Evidence("at_event", pid, i, place=place_after(text[m.end() :]))


# -- talks ---------------------------------------------------------------------------------------------
@rule("negotiates")
def negotiates(s: Sentences) -> Iterator[Evidence]:
    """ "Iran's Foreign Minister Javad Zarif, the lead negotiator"; "X said the negotiators …";
    "X negotiated with …"; "X's negotiating team"."""
    for i, text in s.with_people():
        for m in re.finditer(
            rf"({PL})\s*,?\s*(?:[^@.;]{{0,30}}?\s)?(?:(?:negotiat|bargain)(?:e|es|ed|ing)\s+"
            rf"(?:with|for|on|over|in)\b|held talks|hold talks|"
            rf"holding talks|in talks|at the talks|at the negotiating table)\b"
            rf"|{P}['’]s\s+(?:[\w\-]+\s+)?(?:negotiating team|negotiators|delegation)",
            text,
        ):
            if negated(m.group(0)):
                continue
            for pid in ids(m.group(1) or "") or [int(m.group(2))]:
                yield Evidence("negotiates", pid, i)


@rule("meets")
def meets(s: Sentences) -> Iterator[Evidence]:
    """ "Shultz held talks with Shevardnadze"; "X met Y"; "talks between X and Y": the subject
    `meets`, the object is `met`."""
    for i, text in s.with_people():
        for m in re.finditer(
            rf"{P}\s+(?:[^@.;]{{0,30}}?\s)?"
            rf"(?:held|holds|holding|hold|had|has had|will have|having|is having|was having)\s+"
            rf"(?:[\w\-]+\s+){{0,4}}?(?:talks|meetings?|discussions)\s+with\s+(?:the\s+)?({PL})"
            rf"|{P}\s+(?:[^@.;]{{0,20}}?\s)?(?:met|meets|will meet|is meeting|was meeting|to meet|"
            rf"is to meet|sat down)\s+(?:with\s+)?(?:the\s+)?({PL})",
            text,
        ):
            if negated(m.group(0)):
                continue
            subject = int(m.group(1) or m.group(3))
            place = place_after(text[m.end() :])
            yield Evidence("meets", subject, i, place=place)
            for o in ids(m.group(2) or m.group(4)):
                if o != subject:
                    yield Evidence("met", o, i, other=subject, place=place)
        for m in re.finditer(
            rf"(?:talks|meeting|meetings|negotiations)\s+(?:with|between)\s+(?:the\s+)?({PL})", text
        ):
            before = ids(text[: m.start()])
            if before:
                yield Evidence("meets", before[0], i)
            for o in ids(m.group(1)):
                if not before or o != before[0]:
                    yield Evidence("met", o, i, other=before[0] if before else None)


# -- against membership ---------------------------------------------------------------------------------
@rule("hosts")
def hosts(s: Sentences) -> Iterator[Evidence]:
    """ "Turkish President Recep Tayyip Erdogan welcomed both delegations"; "X hosted Y"; "Trade minister
    Mike Moore told his colleagues at a welcoming ceremony" (reuters/8080)."""
    for i, text in s.with_people():
        for m in re.finditer(
            rf"{P}\s+(?:[^@.;]{{0,20}}?\s)?(?:welcomed|welcomes|received|receives|hosted|hosts|will host|"
            rf"greeted|will receive|will welcome|invited)\s+(?:({PL})|(?:the|both|all|a|his|her)\s+"
            rf"(?:[\w\-]+\s+){{0,3}}?(?:delegations?|teams?|visitors|guests|party|envoys?|counterparts?))"
            # not someone's people: "welcomed by her (@6's) subjects"
            rf"|(?:at\s+(?:the\s+)?invitation\s+of|hosted\s+by|invited\s+by|welcomed\s+by)\s+{P}(?!['’]s)",
            text,
        ):
            host = int(m.group(1) or m.group(3))
            yield Evidence("hosts", host, i)
            for guest in ids(m.group(2) or ""):
                yield Evidence("visiting_title", guest, i, other=host)
        for m in re.finditer(
            rf"{P}(?:[^@.;]|@\d+['’]s){{0,60}}?\bat\s+an?\s+(?:official\s+)?welcoming\s+\w+", text
        ):
            yield Evidence("hosts", int(m.group(1)), i)


_SENDS = re.compile(
    rf"{P}\s+(?:is|was|has|had|will|would)?\s*(?:been\s+)?(?:sending|sent|sends|send|dispatch\w*)\b"
    rf"|{P}['’]s\s+(?:special\s+|personal\s+)?(?:envoy|emissary|representative)\b"
)


@rule("sends")
def sends(s: Sentences) -> Iterator[Evidence]:
    """ "President Biden is sending a top White House official to Mexico" (seed); "X's envoy"."""
    yield from _about_the_subject(s, "sends", _SENDS)


_SAID_HERE = re.compile(
    rf"{P}\s*,?\s*(?:[^@.;]{{0,30}}?\s)?(?:said|says|told\s+(?:reporters|journalists|a\s+news\s+"
    rf"conference)|speaking)\s+(?:here|in\s+an?\s+(?:speech|address)\s+here)\b"
)


@rule("said_here")
def said_here(s: Sentences) -> Iterator[Evidence]:
    """ "… but Marcano said here there were no plans to renegotiate terms" (a wire story's dateline
    place: the speaker is there)."""
    yield from _about_the_subject(s, "said_here", _SAID_HERE)


_FOREIGN_BODY = (
    r"(?:Congress|Parliament|"
    r"the\s+(?:U\.N\.|United Nations|General Assembly|European Parliament|Knesset|Bundestag|Duma))"
)


_ADDRESSES_BODY = re.compile(
    rf"{P}(?:['’]s)?\s+(?:[^@.;]{{0,20}}?\s)?"
    rf"(?:address\w*|spoke|speaks|speech|will speak|to speak)\s+"
    rf"(?:[^@.;]{{0,25}}?\s)?(?:to|before|in)\s+(?:an?\s+|the\s+)?"
    rf"(?:joint\s+(?:session|meeting)\s+of\s+)?"
    rf"(?:the\s+)?(?:U\.S\.\s+|British\s+|European\s+)?{_FOREIGN_BODY}"
    rf"|\b(?:address|speech)\s+(?:to|before)\s+(?:the\s+)?(?:U\.S\.\s+)?{_FOREIGN_BODY}"
    rf"[^@.;]{{0,30}}?,\s*{P}"
)


@rule("addresses_body")
def addresses_body(s: Sentences) -> Iterator[Evidence]:
    """ "Heading into Netanyahu's address on Tuesday to a joint session of Congress"; "X spoke to
    Congress on March 3 at the invitation of Republican leaders"; "In an address before the U.S.
    Congress, X claimed …"."""
    yield from _about_the_subject(s, "addresses_body", _ADDRESSES_BODY)


_INVITED = re.compile(
    rf"{P}[^@.;]{{0,80}}?\b(?:at\s+(?:the\s+)?invitation\s+of|(?:was|were|had been|has been)\s+"
    rf"invited\s+(?:by|to))\b"
)


@rule("invited")
def invited(s: Sentences) -> Iterator[Evidence]:
    """ "X spoke to Congress at the invitation of Republican leaders"; "X, who was invited by Y"."""
    yield from _about_the_subject(s, "invited", _INVITED)


@rule("phoned")
def phoned(s: Sentences) -> Iterator[Evidence]:
    """ "Kerry also spoke Friday by phone with Lavrov and Wang Yi": they were not at the table."""
    for i, text in s.with_people():
        for rx in (
            rf"\b(?:by\s+(?:tele)?phone|phoned|telephoned|in\s+a\s+(?:tele)?phone\s+call)"
            rf"\s+(?:with\s+)?({PL})",
            rf"({PL})\s+(?:[^@.;]{{0,20}}?\s)?(?:by\s+(?:tele)?phone|phoned|telephoned)\b",
        ):
            for m in re.finditer(rx, text):
                for pid in ids(m.group(1)):
                    yield Evidence("phoned", pid, i)


@rule("stays_away")
def stays_away(s: Sentences) -> Iterator[Evidence]:
    """ "French Foreign Trade Minister Michel Noir had pulled out of the informal GATT talks"
    (reuters/8080); "X cancelled his visit"; "X will not attend"."""
    for i, text in s.with_people():
        for m in re.finditer(
            rf"{P}\s+(?:[^@.;]{{0,30}}?\s)?(?:pulled out of|withdr[ae]w\w* from|"
            rf"(?:cancel+ed|called off|postponed)\s+(?:his|her|their|the|a|@\d+['’]s)\s+(?:[\w\-]+\s+)?"
            rf"(?:visit|trip|tour|attendance|participation)|"
            rf"(?:will|would|did|does)\s+not\s+(?:attend|travel|go|join|visit))\b",
            text,
        ):
            if not re.search(r"\b(?:would|could|might) have\b", m.group(0)):  # not what did not happen
                yield Evidence("stays_away", int(m.group(1)), i)


@dataclass(frozen=True)
class PartyTrip:
    sentence: int
    place: str
    purpose: str | None


def unnamed_party_trips(masked: Sequence[str]) -> list[PartyTrip]:
    """Where a party goes when its sentence names nobody: "A delegation of 12 Brazilian health experts
    arrived in Lisbon"; "The delegation will travel to Beijing next week for talks on export controls"."""
    out = []
    for i, text in enumerate(masked):
        m = re.search(
            rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w\-]+\s+){{0,3}}?{PARTY_NOUNS}\b(?:\s+of\s+[^@.;]{{3,60}}?)?\s+"
            rf"(?:will|would|is to|is due to|is expected to|has|had)?\s*(?:also\s+)?"
            rf"{_TRAVEL_VERB}\s+{_PLACE}",
            text,
        )
        if m and "@" not in m.group(0) and not negated(m.group(0)):
            out.append(PartyTrip(i, clean_place(m.group(1)), purpose_in(text[m.end() :])))
    return out


def find_evidence(s: Sentences) -> list[Evidence]:
    return [e for fn in RULES.values() for e in fn(s)]


_SAME_COUNTRY = {"soviet union": "russia", "ussr": "russia", "czechoslovakia": "czech republic", "ec": "eu"}


def same_country(a: str | None, b: str | None) -> bool:
    """Both known and the same, counting historical names ("Soviet" in Moscow is at home)."""
    if not a or not b:
        return False
    return _SAME_COUNTRY.get(a, a) == _SAME_COUNTRY.get(b, b)


def country_of(place: str | None) -> str | None:
    """The country a place names or lies in ("Mexico City" -> "mexico", "Lausanne" -> "switzerland")."""
    if not place:
        return None
    words = re.sub(r"[,()]", " ", place).lower().split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n])
            nat = NATIONALITY.get(key) or CITY_COUNTRY.get(key)
            if nat:
                return nat
    return None
