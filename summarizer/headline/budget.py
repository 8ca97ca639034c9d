"""The headline fitted to its word budget: only the first phrases after the verb and its object
(`first_phrases`), then prepositional phrases pruned from the right until it has at most `max_words`
words (`fit`), never leaving a word without its complement ("in the wake [of …]"); and the kept tokens
as the headline's text (`join`).
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.headline.clause import clause_heads, defines_rank, object_complements, said_of_subject
from summarizer.headline.parsing import LIGHT_VERBS, NOMINAL, defining_of

# Dependents dropped from the right, innermost first, until the headline fits.
_PRUNABLE = frozenset(
    {"prep", "acl", "relcl", "advcl", "conj", "appos", "npadvmod", "ccomp", "xcomp", "agent", "dative"}
)


# What a headline never opens or closes on: `join` strips it from the ends
END_MARKS = " ,;:-–—"


def join(doc: Any, words: list[int], rewrite: dict[int, str]) -> str:
    """The kept tokens with the story's own spacing between neighbours ("five-year", "$16.6bn"); a comma
    the story puts between two kept words stays ("Guinea, Liberia and Sierra Leone", "Madison,
    Wisconsin"), and a contraction parted from its word is spelled out ("Levi Pettit is sorry" of "He's
    sorry", not "Levi Pettit 's sorry"; "voice not heard" of "voice isn't heard")."""
    parted = {i for k, i in enumerate(words) if k and words[k - 1] != i - 1 and _contraction(doc[i])}
    # an auxiliary goes where the tense rewrote its verb, as it would uncontracted: "Iraqi forces capture"
    # of "We've captured", "I dress up" of "I've dressed up"
    words = [
        i for i in words if not (_contraction(doc[i]) and doc[i].dep_ == "aux" and doc[i].head.i in rewrite)
    ]
    out: list[str] = []
    for k, i in enumerate(words):
        word = rewrite.get(i, doc[i].text)
        if k and doc[i].dep_ == "cc" and word in ("And", "Or"):
            word = word.lower()  # the wire's "between the U.S. And the European Community"
        elif k and doc[i].tag_ == "PRP" and word in _OPENING_PRONOUNS:
            word = word.lower()  # a pronoun that opened a clause after a colon: "plea deal: He would …"
        if i in parted and i not in rewrite:
            word = _spelled_out(doc[i])
        elif doc[i].lower_ in ("n't", "n’t") and (not k or words[k - 1] != i - 1):
            word = "not"  # "voice [is]n't heard" once the tense dropped "is": "voice not heard"
        if "(" in word and ")" not in word and not doc[i].whitespace_ and doc[i + 1 : i + 2].text == ")":
            word += ")"  # "a hard(ish) day", which the tokenizer splits at the closing bracket
        out.append(word)
        if k + 1 < len(words):
            after = words[k + 1]
            glued = (after == i + 1 and not doc[i].whitespace_) or doc[after].tag_ == "POS"
            listed = after > i + 1 and doc[i + 1].text == "," and _comma_between(doc[i], doc[after])
            out.append("" if glued else ", " if listed else " ")
    text = "".join(out)
    return re.sub(r"\s+([,.;:!?%])", r"\1", text).strip(END_MARKS)


_OPENING_PRONOUNS = frozenset({"He", "She", "It", "We", "They", "You"})
_GAP = frozenset({"det", "poss", "compound"})


def _comma_between(first: Any, second: Any) -> bool:
    """Whether the comma after `first` belongs in the headline before `second`: it parts items of a
    list ("Guinea, Liberia and Sierra Leone", "a maid, a hit man and a shoe expert"), a name and what it
    is ("Madison, Wisconsin", "the Izumo, the largest Japanese military vessel") or two adjectives before
    one noun ("a long, troubled history"); not where a cut aside leaves it between a subject and its
    verb."""
    doc = first.doc
    head = second  # the phrase `second` opens: "hit" of "a hit man"
    while head.dep_ in ("compound", "amod", "nummod", "poss") and head.head.i > head.i:
        head = head.head
    # only the article, possessive or first name of that phrase went between the comma and `second`:
    # "Spike Lee, [Burt] Reynolds and …" is two people, not "Lee Reynolds"
    gap = range(first.i + 2, second.i)
    if any(doc[g].dep_ not in _GAP or doc[g].head.i not in (second.i, head.i) for g in gap):
        return False
    return (
        head.dep_ == "conj"
        # a list the parser reads as two objects or subjects of one verb: "gave their time, their money"
        or (head.dep_ == first.dep_ in ("dobj", "nsubj") and head.head.i == first.head.i)
        or (
            head.dep_ == "appos"
            and head.head.i == first.i
            and first.pos_ == "PROPN"
            and not any(c.dep_ == "conj" for c in head.children)  # "societies[,] Halifax and Nationwide"
        )
        or (first.dep_ == "amod" and first.head.i > second.i)
        # the same, parsed as a second object of the verb: "takes delivery of the Izumo, the largest …"
        or (head.dep_ == "dobj" and first.pos_ == "PROPN" and head.head.i < first.i and first.dep_ != "dobj")
    )


_CONTRACTED = {"'s": "is", "'re": "are", "'ve": "have", "'m": "am", "'ll": "will", "'d": "would"}


def _contraction(t: Any) -> bool:
    return t.tag_ != "POS" and t.pos_ in ("AUX", "VERB") and t.lower_.replace("’", "'") in _CONTRACTED


def _spelled_out(t: Any) -> str:
    """A contracted verb parted from the word it was written against, in full: "Levi Pettit is sorry"
    of "He's sorry"."""
    low = t.lower_.replace("’", "'")
    if t.lemma_.lower() == "have" or (low == "'d" and t.head.tag_ == "VBN"):
        return {"'s": "has", "'d": "had"}.get(low, "have")
    return _CONTRACTED[low]


def fit(doc: Any, kept: set[int], verb: Any, rewrite: dict[int, str], max_words: int) -> set[int]:
    """Drop the innermost phrase holding the last word, again and again, until the headline has at
    most `max_words` words; as a last resort cut at `max_words`."""

    def count(ids: set[int]) -> int:
        return len(join(doc, [i for i in sorted(ids) if rewrite.get(i, doc[i].text)], rewrite).split())

    core = clause_heads(verb) | {c.i for c in object_complements(verb)}  # their own phrases may go
    # "Offering of … shares is [under way]": a copula's first phrase is what the headline says of it
    said_of = said_of_subject(verb)
    predicate = said_of[0] if said_of and not any(c.dep_ in ("attr", "acomp") for c in verb.children) else -1
    while count(kept) > max_words:
        last = max(kept)
        chain = [doc[last], *(t for t in doc[last].ancestors if t.i in kept)]
        candidates = [
            t
            for t in chain
            if t.dep_ in _PRUNABLE
            and t.i not in core
            and t.i > verb.i
            and not (t.head.i == verb.i and t.dep_ in ("ccomp", "xcomp"))
            and not defining_of(t)  # "expressions [of interest]": a subject's detail goes first
            and not _named_agent(t)  # "to be digitised [by Google]": who does it is the news
            and t.i != predicate
        ]
        if not candidates:
            break
        trimmed = _trim_comparison(kept, candidates[0])
        kept = trimmed if trimmed != kept else _cut(kept, candidates[0], verb)
    while count(kept) > max_words and (before := _subject_phrases(doc, kept, verb)):
        kept -= {t.i for t in before[-1].subtree}  # the verb stays: "First state visit [of …] delayed"
    if count(kept) > max_words:
        ordered = [i for i in sorted(kept) if rewrite.get(i, doc[i].text)]
        while ordered and count(set(ordered)) > max_words:
            ordered.pop()
        kept = set(ordered)
    return kept


def _trim_comparison(kept: set[int], phrase: Any) -> set[int]:
    """A comparison's "than" phrase loses a modifier before it goes whole: "are more than a [chromosomal]
    abnormality"; without it the comparative would be left hanging, and with it the clause."""
    if not (phrase.lower_ == "than" and phrase.head.tag_ in ("JJR", "RBR")):
        return kept
    modifiers = [
        t for t in phrase.subtree if t.i in kept and t.dep_ in ("amod", "compound") and t.i != phrase.i
    ]
    return kept - {t.i for t in modifiers[-1].subtree} if modifiers else kept


def _subject_phrases(doc: Any, kept: set[int], verb: Any) -> list[Any]:
    """The phrases qualifying a noun before the verb, as `fit` may drop them (left to right)."""
    return [
        t
        for t in doc[: verb.i]
        if t.i in kept and t.dep_ in ("prep", "acl", "relcl", "appos") and t.head.pos_ in NOMINAL
    ]


def first_phrases(kept: set[int], verb: Any, limit: int) -> set[int]:
    """Only the first `limit` phrases after the verb and its object: "Crude prices surge above $47 [on
    Thursday] [after a watchdog raised its forecasts]"; a lone particle ("squeezes through") is none."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "xcomp", "oprd"))]
    heads += [g for h in heads[1:] if h.dep_ == "xcomp" for g in h.children if g.dep_ in ("dobj", "attr")]
    completing = object_complements(verb)  # "puts him [at odds]" first, and always
    trailing = sorted(
        (
            c
            for h in heads
            for c in h.children
            if c.dep_ in _TRAILING
            and c.i > verb.i
            and c.i in kept
            and c.n_rights + c.n_lefts > 0
            and not defining_of(c)  # "signs letter [of intent] with Security Pacific": part of the object
            and not _named_agent(c)  # "Tarsk beaten 3-1 [by Velmora]": who did it is no extra phrase
            and not _after_score(c)  # "lost 3-0 [to Tarsk]": the score goes with whom it was against
        ),
        key=lambda t: (t not in completing, not defines_rank(t), t.i),
    )
    for extra in trailing[limit:]:
        if extra not in completing:
            kept = kept - {t.i for t in extra.subtree}
    return kept


def _named_agent(phrase: Any) -> bool:
    """A passive verb's doer, by name: "beaten [by Velmora]"."""
    return (
        phrase.dep_ == "agent"
        and phrase.head.tag_ == "VBN"
        and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in phrase.children)
    )


def _after_score(phrase: Any) -> bool:
    """Whom a result written in numbers was against: "lost 3-0 [to Tarsk]", "won 2-1 [against Brel]"."""
    doc, start = phrase.doc, phrase.i
    if phrase.lower_ not in ("to", "against", "over", "by") or start == 0:
        return False
    score = doc[start - 1]
    while score.dep_ != "npadvmod" and score.head.i != score.i and score.head.i < start:
        score = score.head  # the "0" of "3-0" hangs on the "3"
    return (
        score.dep_ == "npadvmod"
        and score.head.i == phrase.head.i
        and all(t.text.isdigit() or t.text in "-–" for t in score.subtree)
    )


_TRAILING = frozenset({"prep", "agent", "dative", "advcl", "npadvmod", "acl", "relcl"})


def _cut(kept: set[int], phrase: Any, verb: Any) -> set[int]:
    """`kept` without `phrase`; a word left last without its complement goes too: "in the wake [of …]",
    "a report showing [that …]"."""
    kept = kept - {t.i for t in phrase.subtree}
    head = phrase.head
    if phrase.dep_ == "conj":  # a list cut to its first item, which stands: "by Welsh[, Carson and Stowe]"
        while head.dep_ == "conj":
            head = head.head
        return kept - {t.i for c in head.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    while kept and head.i == max(kept) and head.i > verb.i:
        unit = head.head if head.dep_ in ("pobj", "pcomp") else head  # "after [being put] …"
        if unit.dep_ not in _PRUNABLE or unit.i <= verb.i or _verb_complement(unit, verb):
            break
        if (
            unit.pos_ == "VERB"
            and unit.dep_ == "advcl"
            and any(c.dep_ == "aux" for c in unit.children)
            and not (unit.i == phrase.head.i and phrase.dep_ in ("xcomp", "ccomp", "dobj"))
        ):
            break  # "for Japan to retaliate [against …]" stands without its phrase; "to try [to …]" does not
        stands = unit.pos_ == "VERB" and unit.lemma_.lower() not in LIGHT_VERBS
        if stands and unit.i == phrase.head.i and phrase.dep_ == "prep":
            break  # a verb stands without its place: "after cliff collapses [on Pacific Coast]", "to vote"
        kept = kept - {t.i for t in unit.subtree}
        head = unit.head
    return kept


def _verb_complement(token: Any, verb: Any) -> bool:
    """The clause or object a headline's verb needs, or what completes that object: "sees [sales fall]",
    "seems [to understand]", "puts him [at odds]"."""
    return token.head.i == verb.i and (
        token.dep_ in ("ccomp", "xcomp", "dobj", "attr", "acomp", "oprd") or token in object_complements(verb)
    )
