"""Names as headlines write them: a name the story abbreviates by its initials ("General Motors (GM)" →
"GM"), "United States" short as the story writes it ("U.S." or "US"), a common-noun subject by the name
it is given in apposition ("operator Eurotunnel" → "Eurotunnel"), an object by the name that closes its
phrase, a person without first names and titles, a company without its legal suffix.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.headline.parsing import joined
from summarizer.lexicon import NAME_PARTICLES, NAME_SUFFIXES, word_list
from summarizer.text import without_wire_markup


def written_short(sentence: str, scan: str) -> str:
    """The sentence with the story's abbreviations, and the United States as the story writes it short."""
    sentence = _abbreviate(sentence, scan)
    return _UNITED_STATES.sub("U.S." if "U.S." in scan else "US", sentence)


# Headlines write the country short, as the story does elsewhere ("U.S." on the wire, "US" at the BBC);
# "the United States' attack" → "U.S. attack"
_UNITED_STATES = re.compile(
    r"\b(?:[Tt]he\s+)?United\s+States\b(?!\s+(?:of|Steel|Trust|Air|Postal|Senate|Congress))(?:['’](?!\w))?"
)

# "the Securities and Exchange Commission (SEC)": the name, then its initials in brackets
_DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+(?:(?:and|of|for|the|&)\s+)*){2,8})\(([A-Z][A-Za-z&]{1,5})\)"
)
_NAME_LINKS = frozenset({"and", "of", "for", "the", "&"})


def _abbreviate(sentence: str, body: str) -> str:
    """Names the story abbreviates go by their initials, as headlines write them: "Fiat and General
    Motors (GM) have until midnight" → "Fiat and GM have until midnight"; "The Broken Hill Pty Co Ltd
    <BRKN.S> (BHP)" → "BHP" (a wire's ticker and the company's suffixes are no part of the initials)."""
    for m in _DEFINED_ACRONYM.finditer(without_wire_markup(body)):
        acronym = m.group(2)
        words = m.group(1).split()
        while len(words) > 2 and words[-1].lower().strip(".,") in COMPANY_SUFFIXES:
            words.pop()  # "Pty Co Ltd": the initials end before "Co Ltd", the name replaced holds them
        suffix = m.group(1).split()[len(words) :]
        initials = [w[0] for w in words if w.lower() not in _NAME_LINKS]
        letters = [c for c in acronym if c.isupper()]
        if len(letters) < 2 or len(letters) > len(initials):
            continue
        if "".join(initials[-len(letters) :]) != "".join(letters):
            continue
        # the tail of the capitalised run whose initials spell the acronym, links between its words included
        start, seen = len(words), 0
        while seen < len(letters):
            start -= 1
            seen += words[start].lower() not in _NAME_LINKS
        name = " ".join(words[start:] + suffix)
        sentence = re.sub(
            rf"(?:\b[Tt]he\s+)?(?<!\w){re.escape(name)}(?!\w)(?:\s*\({re.escape(acronym)}\))?",
            acronym,
            sentence,
        )
    return sentence


COMPANY_SUFFIXES = frozenset(
    {
        "inc",
        "co",
        "corp",
        "ltd",
        "plc",
        "ag",
        "sa",
        "nv",
        "llc",
        "cos",
        "bhd",
        "spa",
        "gmbh",
        "inc.",
        "co.",
        "corp.",
        "ltd.",
        "n.v.",
        "s.a.",
    }
)


def part_of_name(t: Any) -> bool:
    """A word of a longer name, "Aston" of "Aston Martin", "Harper" of "Harper and Row Publishers Inc"."""
    if t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN":
        return True
    return t.head.lower_ in COMPANY_SUFFIXES and firm_name_start(t.head) <= t.i < t.head.i


_NAME_LINK_WORDS = frozenset({"and", "&", "'s", "’s", "-", "of"})


def firm_name_start(suffix: Any) -> int:
    """Where the name a legal suffix closes begins: the capitalised words (and the links between them)
    just before it that the parser hangs on it, "[Harper and Row Publishers] Inc", "Media group [John
    Fairfax] Ltd"; the suffix's own index when there are none."""
    doc, start = suffix.doc, suffix.i
    inside = {t.i for t in suffix.subtree}
    while start > 0 and start - 1 in inside:
        word = doc[start - 1]
        if word.text[:1].isupper() or (
            word.lower_ in _NAME_LINK_WORDS and start > 1 and doc[start - 2].text[:1].isupper()
        ):
            start -= 1
        else:
            break
    while start < suffix.i and doc[start].lower_ in _NAME_LINK_WORDS:
        start += 1
    return start


# Titles a headline keeps, as it names these people by them: "Prince William", "Pope Francis"
_STYLED_TITLES = frozenset(
    {"prince", "princess", "king", "queen", "duke", "duchess", "pope", "emperor", "empress"}
)


def name_padding(doc: Any, persons: tuple[tuple[int, int], ...]) -> set[int]:
    """Words a headline leaves off a name: a person's first names and the titles before them ("Foreign
    Secretary Jack Straw" → "Straw"), a company's legal suffix ("Magma Copper Co" → "Magma Copper",
    "Mitsui and Co" → "Mitsui")."""
    drop: set[int] = set()
    for k, t in enumerate(doc):
        if t.lower_ in COMPANY_SUFFIXES and k > 0 and doc[k - 1].pos_ == "PROPN" and t.pos_ == "PROPN":
            drop.add(t.i)
        elif t.lower_ in COMPANY_SUFFIXES and k > 1 and doc[k - 1].lower_ in ("and", "&") and k - 2 in drop:
            drop |= {t.i, t.i - 1}  # "Unilever Plc and NV" → "Unilever"
        elif (
            t.lower_ in ("co", "co.")
            and k > 1
            and doc[k - 1].lower_ in ("and", "&")
            and doc[k - 2].pos_ == "PROPN"
        ):
            drop |= {t.i, t.i - 1}  # "Goldman Sachs and Co" → "Goldman Sachs"
    for start_char, end_char in persons:
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or len(span) < 2 or any(t.pos_ == "ADJ" for t in span):
            continue  # "Top Gear", which the small model takes for a person, keeps its "Top"
        surname = span[-1] if span[-1].pos_ == "PROPN" else None
        if surname is None:
            continue
        # the title runs up to the name from the last comma or bracket before it: "…-based approach, [Federal
        # Resources and Energy Minister Gareth] Evans told": what the parser hangs on the name before that
        # comma is no title of it
        glued = surname.i  # "Jay-Z" is one word: no part of it is a first name
        while joined(doc[glued]):
            glued -= 1
        title = [t for t in surname.subtree if t.i < glued]
        start = max((t.i + 1 for t in title if t.text in _BREAKS), default=surname.left_edge.i)
        padding = {
            t.i
            for t in title
            if t.i >= start
            and t.dep_ not in ("poss", "case", "cc", "conj")
            and not any(c.dep_ == "case" for c in t.children)
            and t.lower_ not in _STYLED_TITLES
            and not (t.text in NAME_PARTICLES and t.i == surname.i - 1)  # "von Bargen", not "Ben Stiller"
            and not any(a.dep_ == "poss" and a.i < surname.i for a in t.ancestors)  # "Saudi Arabia's"
        }
        # "Securities and Exchange Commission John Shad": the title's "and Exchange" goes with it
        padding |= {t.i for t in title if t.dep_ in ("cc", "conj") and t.head.i in padding}
        if surname.lower_ in NAME_SUFFIXES:
            padding.discard(surname.i - 1)  # "Richard III", "Jones III": the numeral is no surname alone
        if span.start > 0 and span.start - 1 in padding and _names_a_thing(doc[span.start - 1]):
            padding -= set(range(span.start, span.end))  # "budget airline Virgin Blue": a firm's name stays
        drop |= padding
    return drop


_BREAKS = frozenset({",", ";", ":", "(", ")", "--", "—", "–"})


def _names_a_thing(t: Any) -> bool:
    """A common noun before a name that says it is a firm's or a product's: "airline" in "budget airline
    Virgin Blue" (which the small model tags a person)."""
    return t.pos_ == "NOUN" and t.text.islower() and t.lemma_.lower() in _THINGS_NAMED


# What a name after these is: a business, a brand or a product, never a person
_THINGS_NAMED = frozenset(
    word_list(
        """
        airline carrier firm company group maker manufacturer carmaker automaker bank lender broker insurer
        retailer chain supermarket brand network channel station label studio band website site magazine
        newspaper agency giant conglomerate operator provider supplier distributor developer publisher
        console device product model car drug game software
        """
    )
)


def appositive_name(subject: Any) -> Any | None:
    """The name a common-noun subject is given in apposition: "operator [Eurotunnel]"."""
    if subject.pos_ != "NOUN":
        return None
    for child in subject.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and len(list(child.subtree)) <= 4
            and all(t.is_punct for t in subject.doc[subject.i + 1 : child.left_edge.i])
        ):
            return child  # right after the noun it names, not "a shareholder in US phone firm MCI"
    return None


def objects_by_name(kept: set[int], verb: Any) -> set[int]:
    """An object after the verb goes by the name the story gives it at its end: "was televised on one
    of the biggest sports networks in the world, ESPN" → "televised on ESPN"."""
    # the verb's own objects, not a noun inside one: "the top diplomat of its closest ally, John Kerry"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    for t in objects:
        if t.i not in kept or t.i < verb.i or t.pos_ not in ("NOUN", "NUM"):
            continue
        name = _closing_name(t)
        if name is not None:
            return (kept - {w.i for w in t.subtree}) | {w.i for w in name.subtree if not w.is_punct}
    return kept


def _closing_name(noun: Any) -> Any | None:
    """A short name set off by a comma at the very end of the noun's phrase: "one of …, ESPN"."""
    for child in noun.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and child.right_edge.i == noun.right_edge.i
            and len(list(child.subtree)) <= 4
            and child.left_edge.i > 0
            and noun.doc[child.left_edge.i - 1].text == ","
        ):
            return child
    return None


def short_subject(subject: Any) -> set[int]:
    """A name stands for itself: "US phone company SBC Communications" → "SBC Communications"; titles
    ("Secretary of State John Kerry") stay, being names too."""
    if subject.pos_ != "PROPN":
        return set()
    run = subject.i
    while (
        run > 0
        and (subject.doc[run - 1].pos_ == "PROPN" or joined(subject.doc[run]))  # "Jay-Z"
        and subject.doc[run - 1].head.i in range(run, subject.i + 1)
    ):
        run -= 1
    prefix = [t for t in subject.subtree if t.i < run]
    if prefix and any(t.tag_ in ("NN", "NNS", "JJ", "JJS") for t in prefix):
        return {t.i for t in prefix}
    return set()
