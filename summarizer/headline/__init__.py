"""Headlines for stories published without one: the key sentence compressed to headline style.

`derive_headline(body)` picks the story's key sentence (the first sentence of the cleaned body that
reads as a statement: not a quote nor inside one, not a question, long enough; after an opening
quotation it may lie up to six sentences in) and compresses it the way a sub-editor would: the main
clause only (a leading "As talks neared the endgame," and a trailing ", officials
said" go), attribution dropped ("X said Y" gives Y) unless the claim names no one and X is named ("The
government should change the law, the TUC said" → "TUC says government should change law"),
appositives, relative clauses and time phrases dropped (a common-noun subject goes by the name it is
given in apposition: "operator Eurotunnel" → "Eurotunnel"), articles dropped, "United States" written
short as the story writes it elsewhere ("U.S." or "US"), the verb in the headline present ("shied
away" → "shies away", "has won" → "wins", "was arrested" → "arrested", "will open" and "is going to
open" → "to open"),
low-information words left out (possessives, lone adverbs, a bare "is", counts, "a series of") but
never one that changes what is said (a negation: "no longer", "has yet to"; how much: "half", "twice",
"at least", "tens of thousands"; a question's "whether" or "if"; where the verb takes its subject: "ran
aground", "step aside"),
names the story abbreviates written as their initials ("General Motors (GM)" → "GM"), modifiers whose
words the story never repeats dropped (rarest first: words a story repeats are its subject, those it
says once are detail), then prepositional phrases pruned from the right until it has at most
`max_words` words, never ending on a function word nor on a verb whose object or clause was cut ("sees
[sales fall]"). The budget, the word classes, the mentions and floor of that pruning, the phrases kept
and whether a speaker is credited are chosen by cross-validation in bench/headlines.py.

The parse comes from spaCy's small English model (summarizer/ner.py loads it once); without the model
rules do a plainer job: the lead sentence's main clause, cut at a phrase boundary.

The package, in the order a headline is made: sentence_choice.py (the key sentence), text_rules.py
(what the parser reads of it, and the rule without the model), parsing.py (the parse and what it says
of a token), clause.py (the clause reported and its words), short_names.py (names as headlines write
them), credit.py (whose claim is credited), pruning.py (low-information words and unrepeated detail),
budget.py (pruning to the word budget), tense.py (the present tense), compression.py (those steps in
order, and the headline's text).
"""

from __future__ import annotations

import re

from summarizer.headline.compression import compress
from summarizer.headline.parsing import parse
from summarizer.headline.pruning import SALIENCE_MIN_WORDS, mention_counts
from summarizer.headline.sentence_choice import (
    KEY_SENTENCE_LOOKAHEAD,
    KEY_SENTENCE_MIN_WORDS,
    KEY_SENTENCE_SCAN_CHARS,
    key_sentence,
    key_sentences,
)
from summarizer.headline.short_names import written_short
from summarizer.headline.text_rules import ATTRIBUTION, plain, rule_headline, spelled_as_in

__all__ = [
    "DETAIL_FLOOR_WORDS",
    "DROP_CLASSES",
    "HEADLINE_MAX_WORDS",
    "KEY_SENTENCE_LOOKAHEAD",
    "KEY_SENTENCE_MIN_WORDS",
    "KEY_SENTENCE_SCAN_CHARS",
    "MIN_MENTIONS",
    "SALIENCE_MIN_WORDS",
    "SALIENCE_SCAN_CHARS",
    "SPEAKERS",
    "TRAILING_PHRASES",
    "WORD_CLASSES",
    "derive_headline",
    "key_sentence",
    "key_sentences",
]

HEADLINE_MAX_WORDS = 12
# Low-information word classes a headline leaves out (see `pruning.low_information`); chosen by
# cross-validation in bench/headlines.py.
WORD_CLASSES = ("possessives", "adverbs", "copulas", "counts", "of-phrases")
DROP_CLASSES: frozenset[str] = frozenset(WORD_CLASSES)
# A modifier or phrase stays only if one of its content words recurs in the story at least this often (1:
# all stay): words a story repeats are its subject, those it says once are detail. Chosen by cross-validation.
MIN_MENTIONS = 2
SALIENCE_SCAN_CHARS = 20_000
DETAIL_FLOOR_WORDS = 5
# Phrases kept after the verb and its object (None: as many as fit); chosen by cross-validation.
TRAILING_PHRASES: int | None = 1
# Whose claim a headline credits ("Volcker warns …"): "none", "names" (named speakers) or "all";
# chosen by cross-validation.
SPEAKERS = "names"


def derive_headline(
    body: str,
    max_words: int = HEADLINE_MAX_WORDS,
    *,
    drop: frozenset[str] = DROP_CLASSES,
    phrases: int | None = TRAILING_PHRASES,
    mentions: int = MIN_MENTIONS,
    floor: int = DETAIL_FLOOR_WORDS,
    speakers: str = SPEAKERS,
) -> str:
    """A headline of at most `max_words` words for a story that has none (see the module doc). The key
    sentence is compressed; when the parse gives nothing and a feature lead's opening was passed over for
    it, that opening is tried; else the rule cuts the key sentence."""
    candidates = [re.sub(r"\s+", " ", s).strip() for s in key_sentences(body)]
    if not candidates or not candidates[0]:
        return ""
    scan = body[:KEY_SENTENCE_SCAN_CHARS]
    counts = mention_counts(body[:SALIENCE_SCAN_CHARS]) if mentions > 1 else None
    # each candidate as it reads with its asides cut, then with a comma in their place, then without a
    # closing attribution the parse could not read past: in order, once; with whether the sentence quotes
    # someone's words, which a reading no longer marks
    readings: dict[str, bool] = {}
    for s in candidates:
        quoted = bool(_QUOTED_WORDS.search(s))
        for reading in (plain(s, scan), plain(s, scan, ","), ATTRIBUTION.sub(".", plain(s, scan))):
            readings.setdefault(reading, quoted)
    for reading, quoted in readings.items():
        parsed = parse(reading)
        if parsed is None:
            break  # no model: the rule
        doc, persons = parsed
        persons = _said_by_surname(reading, persons, scan)
        headline = compress(doc, persons, max_words, drop, phrases, counts, mentions, floor, speakers, quoted)
        if headline and not _CLITIC.match(headline):
            return spelled_as_in(scan, headline)
    return rule_headline(written_short(candidates[0], scan), max_words)


def _said_by_surname(
    sentence: str, persons: tuple[tuple[int, int], ...], scan: str
) -> tuple[tuple[int, int], ...]:
    """The PERSON spans of a name the story also calls by its last word alone, as it does a person's
    ("Jack Straw" … "Mr Straw"); not a name it always writes whole ("Boko Haram" twice, never "Haram"),
    which the small model reads as a person and a headline would cut to its last word."""
    kept = []
    for start, end in persons:
        name = sentence[start:end]
        words = name.split()
        if len(words) > 1:
            whole = len(re.findall(rf"\b{re.escape(name)}\b", scan))
            alone = len(re.findall(rf"\b{re.escape(words[-1])}\b", scan)) - whole
            if whole >= 2 and alone <= 0:
                continue
        kept.append((start, end))
    return tuple(kept)


# a contraction's tail left where its word was cut ("'s bold pledge some" of "It's a bold pledge, some might
# say"): no headline opens so
_CLITIC = re.compile(r"(?:['’](?:s|re|ll|ve|d|m)|n['’]t)\b", re.IGNORECASE)


# words a sentence quotes inside it, two or more and not only a name's ("Top Gear"): the speaker's own
_QUOTED_WORDS = re.compile(r"(?<=\w)[,:]?\s+[\"“](?=[^\"“”]*\s)(?=[^\"“”]*\b[a-z])[^\"“”]*[\"”]")  # linear
