"""A small news taxonomy: general subject labels an editor files stories under, with cue words.

Labels follow broad wire/IPTC-style subjects. An article gets a label when at least two different cue
words occur and the cues occur at least three times in all (headline words count double), its `needs`
cues (the words only that subject's stories say) at least twice ("students" once in a story about
university archaeologists is no education story), and the story is about it: a cue in the headline or
the opening sentences, or cues throughout (`unsupported_hits` in all). "Iraq war" said twice in a story
about the Blair-Brown feud does not make it a war story. Shared labels are what lets the digest group
stories from different sources under one heading.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Subject:
    label: str
    cues: tuple[str, ...]  # lower-case words or phrases; a trailing * matches any ending
    needs: tuple[str, ...] = ()  # at least one of these must be among the cues found
    # where its cues say nothing of the subject: "told BBC News" cites a source, it is no media story
    quiet: re.Pattern[str] | None = None


def _s(label: str, cues: str, needs: str = "", quiet: re.Pattern[str] | None = None) -> Subject:
    return Subject(
        label,
        tuple(c.strip() for c in cues.split(",") if c.strip()),
        tuple(c.strip() for c in needs.split(",") if c.strip()),
        quiet,
    )


# up to five capitalised words: bounded, so that a long run of them costs linear time, not quadratic
_NAME = r"(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*"
# A news outlet or a journalist cited as the source of a story's facts or quotes, or a press event:
# "told BBC One's Breakfast", "according to the Sunday Times", "the Indianapolis Star newspaper reports",
# "Sunday Telegraph journalist Robert Peston", "a BBC interview", "his monthly media conference" (not a
# journalist in the story: "leaking details of his budget to journalist John Carvel").
_ATTRIBUTION = re.compile(
    rf"\b(?:told|tells|telling|said on|said to|speaking to|speaking on|interviews? with|interviewed by|"
    rf"according to|wrote in|writing in|quoted by|quoted in|reported by|reports? in)\s+{_NAME}"
    rf"|{_NAME}(?:\s+(?:newspaper|broadcaster|tabloid|website))?\s+(?:reports|reported|said|says|quoted)\b"
    rf"|{_NAME}\s+(?:journalist|editor|reporter|correspondent|columnist|broadcaster|presenter)s?\s+(?=[A-Z])"
    rf"|{_NAME}\s+interviews?\b"
    r"|\b(?:told|briefed|telling)\s+(?:the\s+)?(?:journalists|reporters|press|media|newspapers?)\b"
    r"|\b(?i:press|news|media|newspaper)\s+(?:conferences?|briefings?|releases?|reports?|offices?)"
    r"|\bsocial media\b"
    # an outlet reporting: "the newspaper said", "local media said", "media outlets reported"
    r"|\b(?i:news\s+agency|newspapers?|broadcasters?|tabloids?|media(?:\s+outlets?)?|outlets?)"
    r"\s+(?:said|says|reported|reports|quoted|cited|wrote|writes)\b"
    # a journalist's employer: "a sportswriter with the newspaper El Mundo"
    r"|\b(?:with|for)\s+the\s+(?:newspaper|broadcaster|tabloid|magazine)\s+(?=[A-Z])"
)


# A sum of money: "15 mln Swiss francs", "$5 billion dollars", "200 billion yen" is what a company paid,
# not news of the currency.
_AMOUNT = re.compile(
    r"\d[\d.,]*\s*(?:mln|bln|million|billion|trillion|pct)?\s*(?:[A-Z][a-z]+\s+)?"
    r"(?:dollars?|dlrs|francs?|yen|sterling|pounds?|marks?|lire|guilders?)\b",
    re.IGNORECASE,
)

# An award's vote or campaign is no election: "Oscar voters", "to promote the film to voters in next year's
# Academy Awards", "campaigning … for success at the Oscars".
_AWARD_VOTE = re.compile(
    r"\b(?:Oscar|Academy|Bafta|Grammy|Emmy|Golden Globe|award)s?\s+(?:voters?|votes?|voting|campaigns?)\b"
    r"|\b(?:voters?|votes?|voting|campaign\w*)\b[^.!?\n]{0,60}?\b(?:Oscars?|Academy Awards?|Baftas?|Grammys?"
    r"|Emmys?|Golden Globes?)\b",
    re.IGNORECASE,
)

# No labour story's cues: a strike that is no walk-out ("drone strikes", "an air strike", "a hunger
# strike", "to strike a deal"), a union that is none of workers
_NOT_LABOUR = re.compile(
    r"\b(?:drone|air|missile|military|rocket|artillery|pre-?emptive|nuclear|retaliatory|precision|surgical|"
    r"lightning|hunger|counter)\s+strikes?\b"
    r"|\bstrikes?\s+(?:on|against)\s+(?:the\s+)?(?:targets?|positions?|militants?|rebels?|bases?)\b"
    r"|\bstrike\s+(?:a|an|back|at|out|down|fear|gold)\b"
    # a union of states or of two people, not of workers: "the Soviet Union", "a civil union"
    r"|\b(?:soviet|european|african|eurasian|customs|monetary|currency|banking|civil)\s+unions?\b"
    r"|\bstate\s+of\s+the\s+union\b",
    re.IGNORECASE,
)

# "Royal" opening an institution's or a firm's name is no royal family's: "Royal Caribbean", "Royal Navy",
# "Royal Bank of Scotland" (but "Royal Family", "Royal Highness", "the Royal couple" are)
_ROYAL_NAMED = re.compile(
    r"\bRoyal\s+(?!(?:Family|Families|Highness|Household|Wedding|Baby|Couple|Palace|Standard)\b)(?=[A-Z])"
)

# A university named, or a school in a life story, says nothing of education: "campaigning at Hebrew
# University", "a University of Miami audience", "graduated from Selma High School", "a former high
# school cornerback", "left after high school". A school named stays a cue: a title-case headline
# ("Teachers Strike Closes Velmora School") writes every word as a name.
_SCHOOL_NAMED = re.compile(
    r"\b(?:(?!(?:Teachers|Students|Pupils|Schools?|Education)\b)[A-Z][\w'’.&-]*\s+){1,4}(?:University|College)\b"
    r"|\b(?:University|College)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*\s*){1,4}"
    r"|\b(?i:graduat\w*|studied|dropped\s+out|attended|alumn\w*|former|enrolled)\s+(?:(?:from|at|of|in)\s+)?"
    r"(?:(?:the|a|an|his|her|their)\s+)?(?:[A-Z][\w'’.&-]*\s+){0,3}"
    r"(?i:(?:high|secondary|primary|boarding|medical|law|business)\s+)?(?i:school|university|college)\b"
    r"|\b(?i:after|since)\s+(?i:high\s+school|college|university)\b"
)

# lions written in lower case are animals ("lions and elephants on safari"); the touring rugby side is "the
# Lions"
_ANIMAL_LIONS = re.compile(r"\blions?\b")

SUBJECTS: tuple[Subject, ...] = (
    _s(
        "drug trafficking",
        "drug, drugs, narcotic*, cartel*, fentanyl, cocaine, heroin, opioid*, trafficking, "
        "traffickers, smuggl*, overdose*",
        # "drugs" alone is as often a doping test or a medicine: the trade itself must be named
        "narcotic*, cartel*, fentanyl, cocaine, heroin, opioid*, trafficking, traffickers, smuggl*",
    ),
    _s(
        "migration",
        "migrant*, migration, asylum, refugee*, immigration, immigrant*, deport*, visa, visas, "
        "border crossings",
    ),
    _s(
        "diplomacy",
        "talks, negotiat*, diplomat*, foreign minister, secretary of state, foreign secretary, summit, "
        "envoy, ambassador, delegation, treaty, embassy, bilateral",
        "diplomat*, foreign minister, secretary of state, foreign secretary, summit, envoy, ambassador, "
        "treaty, embassy, delegation",
    ),
    _s(
        "nuclear programme",
        "nuclear, uranium, enrich*, centrifuge*, fissile, reactor*, atomic, iaea, warhead*",
    ),
    _s("sanctions", "sanctions, embargo*", "sanctions, embargo*"),
    _s(
        "arms control",
        "arms control, missile*, warhead*, disarmament, arms, weapons, nuclear forces",
        "arms control, missile*, disarmament, warhead*",
    ),
    _s(
        "trade",
        "trade, tariff*, import, imports, imported, importer*, importing, export*, protectionis*, "
        "trade surplus, trade deficit, wto, gatt, quota, quotas",
        "trade, tariff*",
    ),
    _s(
        "foreign debt",
        "debt, debts, creditor*, repayment*, reschedul*, moratorium, default, standstill",
        "debt, debts, creditor*",
    ),
    _s(
        "monetary policy",
        "central bank*, interest rate*, inflation, money supply, monetary, rate cut*, "
        "rate rise*, discount rate",
        "central bank*, monetary, money supply, interest rate*",
    ),
    _s(
        "currency markets",
        "dollar, currency, currencies, exchange rate*, foreign exchange, yen, franc, francs, sterling, "
        "intervention, forex",
        "currency, currencies, exchange rate*, foreign exchange, forex",
        _AMOUNT,
    ),
    _s(
        "stock markets",
        "shares, stock market*, stocks, share price*, investors, bourse, index, dow, ftse",
        "stock market*, stocks, bourse, share price*, ftse, dow",
    ),
    _s(
        "company results",
        "profit*, revenue*, earnings, net loss, dividend*, quarter, turnover, sales, "
        "results, cts a share, per share",
        "profit*, earnings, net loss, dividend*, revenue*",
    ),
    _s(
        "mergers and acquisitions",
        "takeover*, merger*, acquisition*, acquire*, stake, bid, bidder, shareholders, tender offer",
        "takeover*, merger*, acquisition*, acquire*, tender offer",
    ),
    _s(
        "oil and energy",
        "oil, crude, opec, barrel*, petroleum, gas, energy, refiner*, pipeline*",
        "oil, crude, opec, barrel*, petroleum",
    ),
    _s(
        "agriculture",
        "wheat, grain*, corn, maize, soybean*, farmer*, crop*, harvest*, sugar, coffee, cocoa, "
        "livestock, cattle, tonnes",
        "wheat, grain*, corn, maize, soybean*, farmer*, crop*, harvest*",
    ),
    _s(
        "public finances",
        # not "deficit" alone (a trade or current account deficit) nor "treasury" (the US Treasury's dollar)
        "budget deficit*, fiscal deficit*, budget*, public spending, government spending, public borrowing, "
        "fiscal, spending cuts, spending plans, tax rise*, tax cut*, taxes, council tax",
        "budget deficit*, fiscal deficit*, public spending, government spending, public borrowing, fiscal, "
        "spending cuts, spending plans",
    ),
    _s(
        "economy",
        "economy, economic growth, gdp, recession, growth, unemployment, economists, gross domestic product",
        "economy, gdp, recession, gross domestic product, economic growth",
    ),
    _s(
        "jobs and labour",
        "jobs, workers, strike, strikes, union*, wage, wages, pay, employees, redundanc*, layoff*",
        "strike, strikes, wage, wages, redundanc*, layoff*, workers",
        _NOT_LABOUR,
    ),
    _s(
        "elections",
        "election*, vote*, voters, voting, poll, polls, polling, pollster*, ballot*, campaign*, candidate*, "
        "electoral",
        "election*, voters, ballot*, electoral",
        _AWARD_VOTE,
    ),
    _s(
        "terrorism",
        "terror*, bomb, bombs, bombed, bombing*, bomber*, militant*, suicide attack*, extremis*, al-qaeda, "
        "hostage*",
        "terror*, bomb, bombs, bombed, bombing*, bomber*, militant*, extremis*",
    ),
    _s(
        "crime and justice",
        "police, court, trial, charged, sentenced, prison, murder*, arrested, judge, "
        "jury, convicted, prosecutor*, lawsuit",
        "court, trial, sentenced, prison, convicted, jury, arrested",
    ),
    _s(
        "war and conflict",
        "troops, military, war, fighting, soldiers, rebel*, insurgen*, army, ceasefire, air strike*, killed",
        "troops, war, fighting, soldiers, rebel*, insurgen*, ceasefire",
    ),
    _s(
        "peace process",
        "peace process, peace talks, peace plan, ceasefire, roadmap, peace deal, truce",
        "peace process, peace talks, peace plan, peace deal, roadmap, truce",
    ),
    _s(
        "health",
        "health, hospital*, patients, disease*, virus, doctors, nhs, medical, cancer, vaccine*, drugs",
        "health, hospital*, patients, disease*, virus, nhs, medical, cancer, vaccine*",
    ),
    _s(
        "education",
        "school*, pupils, teachers, university, universities, students, education, exam, exams, examination*",
        "school*, pupils, teachers, students, education",
        _SCHOOL_NAMED,
    ),
    _s(
        "technology",
        "computer*, software, internet, online, mobile phone*, digital, technology, broadband, "
        "website*, web, gadget*, chip*",
        "computer*, software, internet, broadband, digital, technology",
    ),
    _s(
        "space exploration",
        "space, nasa, space station, shuttle, orbit*, astronaut*, satellite*, "
        "spacecraft, launch*, cosmonaut*",
        "nasa, space station, shuttle, orbit*, astronaut*, spacecraft",
    ),
    _s(
        "music industry",
        "music, musician*, album*, singer*, band, bands, song*, concert, concerts, record label*, chart, "
        "charts, chart-topp*, gig, gigs",
        "music, musician*, album*, singer*, song*",
    ),
    _s(
        "film and television",
        # not "director" alone: "Deputy Director of the Finance Ministry"
        "film*, movie*, actor*, actress*, oscar*, box office, tv, television, "
        "cinema, hollywood, film director*, series, bafta*",
        "film*, movie*, actor*, actress*, oscar*, cinema, television, hollywood",
    ),
    _s(
        "royal family",
        "royal*, prince*, princess, queen, monarch*, duchess, duke, throne, palace, king",
        "royal*, monarch*, throne",
        _ROYAL_NAMED,
    ),
    _s(
        "football",
        "football, striker, goal*, premiership, midfielder, penalty, champions league, fa cup, "
        "defender, goalkeeper",
        "football, striker, premiership, midfielder, champions league, fa cup, goalkeeper",
    ),
    _s(
        "rugby union",
        "rugby, lions, all blacks, six nations, scrum, try, tries, fly-half, test match, wing, prop, lock",
        "rugby, all blacks, six nations, scrum, fly-half, lions",
        _ANIMAL_LIONS,
    ),
    _s(
        "tennis",
        "tennis, davis cup, singles, doubles, wimbledon, grand slam, seed*, atp, wta, "
        "australian open, us open, french open",
        "tennis, davis cup, wimbledon, grand slam, atp, wta",
    ),
    _s(
        "cricket",
        "cricket, wicket*, batsman, batsmen, innings, bowler*, test series, one-day, odi",
        "cricket, wicket*, batsman, batsmen, innings, bowler*",
    ),
    _s(
        "athletics",
        "athletics, sprint*, marathon, iaaf, olympic*, 100m, 200m, hurdles, relay",
        "athletics, sprint*, marathon, iaaf, hurdles",
    ),
    _s(
        "basketball",
        "basketball, nba, ncaa, march madness, final four, point guard, slam dunk, rebounds, three-pointer*",
        "basketball, nba, march madness, final four, point guard",
    ),
    _s(
        "golf",
        "golf*, pga, birdie*, bogey*, fairway*, putt*, masters, ryder cup, under par, over par",
        "golf*, pga, birdie*, bogey*, fairway*, ryder cup",
    ),
    _s(
        "motor racing",
        "formula one, grand prix, f1, nascar, indycar, pole position, pit stop*, qualifying, circuit, lap*, "
        "racing, driver, drivers, daytona, sprint cup",
        "formula one, f1, nascar, indycar, pole position, pit stop*",
    ),
    _s(
        "skiing",
        "skiing, skier*, slalom, downhill, super-g, giant slalom, ski, alpine",
        "skiing, skier*, slalom, super-g",
    ),
    _s(
        "doping",
        "doping, anti-doping, drugs test*, drug test*, tested positive, banned substance*, wada, "
        "steroid*, nandrolone, ephedrine, drugs, drug",
        "doping, anti-doping, drugs test*, drug test*, tested positive, banned substance*, wada",
    ),
    _s(
        "media",
        "media, newspaper*, journalist*, press, broadcaster*, bbc, editor*, tabloid*",
        "media, newspaper*, journalist*, broadcaster*, tabloid*",
        _ATTRIBUTION,
    ),
)

_WORD = re.compile(r"[a-z][a-z0-9'’\-]*")

LEAD_SENTENCES = 2
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


class _Counts:
    """A text's words, counted for cue look-ups: the body, the headline, and the headline with the
    opening sentences (the lead)."""

    def __init__(self, text: str, headline: str) -> None:
        self.body = text.lower()
        self.headline = headline.lower()
        self.lead = (headline + "\n" + " ".join(_SENTENCE_END.split(text.strip())[:LEAD_SENTENCES])).lower()
        self._words = {
            part: Counter(_WORD.findall(getattr(self, part))) for part in ("body", "headline", "lead")
        }
        self._ordered = {part: sorted(words) for part, words in self._words.items()}

    def count(self, cue: str, part: str) -> int:
        return _count(cue, getattr(self, part), self._words[part], self._ordered[part])


def subjects_for(
    text: str, headline: str = "", limit: int = 2, unsupported_hits: int = 4
) -> list[tuple[str, float]]:
    """Taxonomy labels for a text with a strength in (0, 1], strongest first."""
    plain = _Counts(text, headline)
    found: list[tuple[float, str]] = []
    for subj in SUBJECTS:
        strength = _strength(subj, plain, unsupported_hits)
        if strength is not None and subj.quiet is not None:
            # quieting only takes cues away: a subject the whole text does not support is never read again
            quiet = _Counts(subj.quiet.sub(" ", text), subj.quiet.sub(" ", headline))
            strength = _strength(subj, quiet, unsupported_hits)
        if strength is not None:
            found.append((strength, subj.label))
    # the evidence past 1.0 still ranks: "crime and justice" and "terrorism" both full are not tied
    found.sort(key=lambda x: (-x[0], x[1]))
    return [(label, round(min(1.0, s), 3)) for s, label in found[:limit]]


_NEEDED_HITS = 2  # a subject's defining cues, said in all (a headline's count double)


def _strength(subj: Subject, counts: _Counts, unsupported_hits: int) -> float | None:
    """How strongly the counted text is about `subj`, or None when it is not (see the module doc)."""
    hits: dict[str, int] = {}
    for cue in subj.cues:
        n = counts.count(cue, "body") + 2 * counts.count(cue, "headline")
        if n:
            hits[cue] = n
    if len(hits) < 2 or sum(hits.values()) < 3:
        return None
    if subj.needs and sum(hits.get(c, 0) for c in subj.needs) < _NEEDED_HITS:
        return None
    in_lead = any(counts.count(c, "lead") for c in hits)
    if not in_lead and sum(hits.values()) < unsupported_hits:
        return None  # a passing mention: not what the story is about
    return sum(hits.values()) / 12 + len(hits) / 10


def _count(cue: str, text: str, words: Counter[str], ordered: list[str]) -> int:
    if " " in cue:
        return text.count(cue.rstrip("*"))
    if cue.endswith("*"):
        stem = cue[:-1]
        n, i = 0, bisect_left(ordered, stem)
        while i < len(ordered) and ordered[i].startswith(stem):
            n += words[ordered[i]]
            i += 1
        return n
    return words.get(cue, 0)
