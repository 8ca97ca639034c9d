"""What a headline leaves out: the low-information word classes (possessives, lone adverbs, counts, "a
series of": `low_information`) and modifiers whose words the story never repeats, rarest first (words a
story repeats are its subject, those it says once are detail: `detail`), never below a floor of words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from summarizer.headline.clause import clause_heads, object_complements, said_of_subject
from summarizer.headline.parsing import (
    LIGHT_VERBS,
    PARTICLE_ADVERBS,
    SHARE_WORDS,
    TIME_UNITS,
    after_multiple,
    changes_meaning,
    defining_of,
    has_expletive,
    hyphen_glued,
    joined,
    particle,
)
from summarizer.headline.short_names import part_of_name
from summarizer.lexicon import word_list

SALIENCE_MIN_WORDS = 80  # a story shorter than this has no detail to tell apart


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    return _stemmer()(word.lower())


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from sumy.nlp.stemmers import Stemmer

    return Stemmer("english")


@lru_cache(maxsize=1024)
def mention_counts(body: str) -> Counter[str]:
    """How often the story uses each word stem. Cached, like the stems: stemming is the cost, and a
    benchmark derives several headlines from one story. Callers only read the counts."""
    counts: Counter[str] = Counter()
    for word, n in Counter(w.lower() for w in re.findall(r"[^\W\d_]+", body)).items():
        counts[_stem(word)] += n
    return counts


_MODIFIERS = frozenset(
    {"amod", "compound", "nummod", "advmod", "npadvmod", "prep", "poss", "nmod", "quantmod"}
)


def detail(doc: Any, kept: set[int], verb: Any, counts: Counter[str], mentions: int, floor: int) -> set[int]:
    """Modifiers and phrases none of whose content words the story repeats `mentions` times: "troubled
    insurance broker" → "broker" where the story never speaks of trouble or insurance again; the rarest
    go first and never below `floor` words. Parts of a name stay whole ("Aston Martin");
    the verb, its subject and object heads always stay."""
    if sum(counts.values()) < SALIENCE_MIN_WORDS:
        return set()  # too short a story to tell its subject from its detail
    core = _core(verb)
    candidates: list[tuple[int, int, set[int]]] = []
    for t in doc:
        if t.i not in kept or t.i in core or t.dep_ not in _MODIFIERS:
            continue
        if _never_detail(t):
            continue
        if t.dep_ == "prep" and t.head.i == verb.i and t.i < verb.i:
            continue
        if any(w.text == "-" and not w.whitespace_ for w in t.subtree) or hyphen_glued(t):
            continue  # "five-year high", "hat-trick": a hyphenated compound is one word to the reader
        if joined(t) and not t.is_punct:
            continue  # the "m" of "$515m"
        if defining_of(t):
            continue  # "a letter [of intent]", "a vote [of confidence]": the phrase names the thing
        if _compared(t, kept) or _changed_object(t, verb):
            continue  # "a better job than …" without "better" compares nothing; "face slower growth"
        if t.dep_ in ("amod", "compound") and (
            t.head.lemma_.lower() in _SAID_BY_MODIFIER
            or _light_object(t.head, verb)
            or _predicate_noun(t.head, verb)
        ):
            # "reach shocking levels", "to have a big year", "enjoy a boom time": a level, a year, a time is
            # news by what it is; "can be a dangerous business": what the story says the subject is
            continue
        if any(w.tag_ in ("JJS", "RBS") or w.lower_ in _CURRENCY | _SCANT for w in t.subtree):
            # "falls to its lowest level", "sent a record $16.6bn home", "little chance exports will rise":
            # the record, the sum, the doubt is news
            continue
        words = [w for w in t.subtree if w.i in kept and w.is_alpha and not w.is_stop]
        heard = max((counts[_stem(w.text)] for w in words), default=mentions)
        if heard < mentions:
            candidates.append((heard, -t.i, {w.i for w in t.subtree} & kept))
    drop: set[int] = set()
    left = len(kept)
    for _, minus_i, ids in sorted(candidates, key=lambda c: (c[0], c[1])):
        ids = ids - drop
        if ids and left - len(ids) >= floor and not _strands_verb(doc[-minus_i], kept - drop - ids):
            drop |= ids
            left -= len(ids)
    return drop


def _never_detail(t: Any) -> bool:
    """What `detail` keeps however seldom the story says it: part of a name; what turns the clause
    round ("no longer"); how much ("half", "tens of thousands") or how near ("just [days] away"); what a
    share is of ("a lot [of people]"); a phrasal verb's particle ("is moving [forward]")."""
    return (
        part_of_name(t)
        or particle(t)
        or (t.lower_ == "of" and t.dep_ == "prep" and t.head.lower_ in SHARE_WORDS)
        or changes_meaning(t)
        or t.dep_ == "quantmod"
        or (t.dep_ == "npadvmod" and t.head.lower_ == "away")
    )


def _core(verb: Any) -> set[int]:
    """What `detail` never drops: the verb, its subject and object heads, what "is" says of the subject
    ("Clark is [in hospital]") and what completes the object ("puts Liverpool [on comeback trail]")."""
    return (
        clause_heads(verb)
        | set(said_of_subject(verb))
        | {t.i for c in object_complements(verb) for t in c.subtree}
    )


def _changed_object(t: Any, verb: Any) -> bool:
    """A comparative on the verb's object: "face [slower] growth", "report [better] profits"."""
    return t.tag_ == "JJR" and t.dep_ == "amod" and t.head.dep_ == "dobj" and t.head.head.i == verb.i


def _light_object(noun: Any, verb: Any) -> bool:
    """The object of the headline's verb when that verb is light: it says what happened by its adjective,
    "made a gruesome discovery", "makes a winning return"."""
    return (
        noun.dep_ == "dobj"
        and noun.head.i == verb.i
        and verb.lemma_.lower() in LIGHT_VERBS | {"have", "give"}
    )


def _predicate_noun(noun: Any, verb: Any) -> bool:
    """The noun "is" says the subject is: "business" of "Writing a Word document can be a dangerous
    business" (not what "there is": "there is a good chance …" says the chance, not how good)."""
    return (
        noun.dep_ == "attr"
        and noun.head.i == verb.i
        and verb.lemma_.lower() == "be"
        and not has_expletive(verb)
    )


# Quantities that deny what their noun says: without them a headline says the opposite
_SCANT = frozenset(word_list("little few scant slim"))


# Nouns that say nothing without their adjective: "shocking levels", "a record high", "at a brisk pace"
_SCALE_NOUNS = frozenset(word_list("level high low pace rate proportion proportions scale"))


def _compared(t: Any, kept: set[int]) -> bool:
    """Whether `t` is a comparative that a kept "than" completes: "done a better job than the leaders"."""
    return t.tag_ in ("JJR", "RBR") and any(
        c.lower_ == "than" and c.i in kept for c in (*t.children, *t.head.children)
    )


def _strands_verb(t: Any, rest: set[int]) -> bool:
    """Whether dropping `t` leaves the verb or predicate adjective it follows with nothing after it:
    "Londoners get [around the city]", "Asimo gets [faster]", "the hopeful did [better than expected]", "a
    genetic marker linked [to PTSD]", "Kluft is full [of admiration]"."""
    head = t.head
    return (
        (
            head.lemma_.lower() in LIGHT_VERBS | {"do"}
            or (head.dep_ == "acl" and head.tag_ in ("VBN", "VBG"))
            # "is full [of admiration]", "is close [to a deal]"
            or (head.dep_ in ("acomp", "xcomp") and head.tag_ == "JJ" and t.dep_ == "prep")
        )
        and t.i > head.i
        and not any(c.i in rest for c in head.children if c.i > head.i and not c.is_punct)
    )


# Units a number belongs to: "$11bn", "8 pct", "2.5 mln dlrs" are sums, not counts.
_CURRENCY = frozenset(
    {"$", "£", "€", "¥", "%", "pct", "percent", "per", "mln", "bln", "billion", "million", "bn", "m", "dlrs"}
    | {"dollars", "cents", "pounds", "euros", "yen", "marks", "francs", "tonnes", "tons", "barrels", "points"}
)


def low_information(doc: Any, verb: Any, drop: frozenset[str]) -> set[int]:
    """Tokens of the word classes in `drop` that a sub-editor leaves out:
    possessives "cut its prices" → "cut prices"; adverbs "sharply rises" → "rises";
    counts "adds 337,000 jobs" → "adds jobs" (never a sum: "$11bn", "8%" stay);
    of-phrases "a series of energy deals" → "energy deals" (a quantity word's complement takes its place).
    Copulas go in `compression.compress` ("is in talks" → "in talks")."""
    out: set[int] = set()
    for t in doc:
        if (
            "possessives" in drop
            and t.dep_ == "poss"
            and t.tag_ == "PRP$"
            and not after_multiple(t)
            and t.head.lower_ != "own"  # "some heat of [their] own"
        ) or ("adverbs" in drop and _loose_adverb(t)):
            out.add(t.i)
        elif (
            "counts" in drop
            and t.dep_ == "nummod"
            and t.head.pos_ == "NOUN"
            and t.head.tag_ == "NNS"  # a count counts things: "the 2400 level" names one
            and t.head.is_alpha
            and t.head.lower_ not in _CURRENCY
            and t.head.i > t.i
            and t.head.dep_ != "nsubjpass"  # "21 people were injured": who it happened to, and how many
            and t.head.lemma_.lower() not in _COUNTED_PEOPLE  # "a jet carrying 224 people"
            and not any(doc[k].text == "-" or doc[k].lower_ in _CURRENCY for k in range(t.i, t.head.i))
            and not any(c.lower_ in _CURRENCY for c in t.subtree)
            and t.head.lemma_.lower() not in TIME_UNITS  # "in three years" is no "in years"
            and not (t.head.dep_ == "dobj" and t.head.head.lemma_.lower() in _MILESTONE_VERBS)
            and not (t.i + 1 < len(doc) and joined(doc[t.i + 1]))  # "3G" is one word
        ):
            out |= {k.i for k in t.subtree}
        elif (
            "of-phrases" in drop
            and t.lower_ == "of"
            and t.dep_ == "prep"
            and t.head.pos_ == "NOUN"
            and t.head.i == t.i - 1
            and t.head.i > verb.i
            and t.head.lower_ in _QUANTITY_NOUNS
            and (t.head.lower_ in _BARE_QUANTITIES or any(c.dep_ == "det" for c in t.head.children))
        ):
            # "a series of energy deals" → "energy deals": the quantity word and "of" go
            out |= {t.i, t.head.i} | {c.i for c in t.head.children if c.i < t.head.i}
    return out


# Verbs whose object's count is the news: "Ronaldo reaches [30] La Liga goals", "passes [1,000] games"
_MILESTONE_VERBS = frozenset(word_list("reach hit pass top surpass exceed cross"))
# Nouns whose modifier is the news ("shocking levels", "a big year", "a boom time"): `detail` keeps it
_SAID_BY_MODIFIER = _SCALE_NOUNS | TIME_UNITS | frozenset({"time"})


# People a story counts: how many is the news ("a jet carrying 224 people", "killed 12 civilians")
_COUNTED_PEOPLE = frozenset(
    word_list(
        """
        people person passenger child student worker employee soldier civilian resident migrant refugee
        prisoner hostage victim tourist
        """
    )
)


def _loose_adverb(t: Any) -> bool:
    """A lone adverb on a verb or adjective ("sharply", "widely"), not a negation or particle."""
    return (
        t.pos_ == "ADV"
        and t.dep_ == "advmod"
        and not list(t.children)
        and t.lower_ not in PARTICLE_ADVERBS
        and not changes_meaning(t)
        and t.head.pos_ in ("VERB", "AUX", "ADJ")
        and t.head.tag_ not in ("JJS", "RBS")  # the "At" of "At least six people"
        and not hyphen_glued(t)  # "So-called" is one word
    )


# Quantity words that need no article ("part of the deal"); the others do: "a host of problems" is a
# quantity, "host of Top Gear" is not
_BARE_QUANTITIES = frozenset({"part", "kind", "sort", "type", "plenty"})
_QUANTITY_NOUNS = frozenset(
    {
        "series",
        "total",
        "number",
        "lot",
        "range",
        "set",
        "couple",
        "pair",
        "group",
        "host",
        "raft",
        "string",
        "wave",
        "batch",
        "round",
        "package",
        "part",
        "kind",
        "sort",
        "type",
        "variety",
        "amount",
        "sum",
        "majority",
        "millions",
        "thousands",
        "hundreds",
        "billions",
        "dozens",
        "tens",
        "rest",
    }
)
