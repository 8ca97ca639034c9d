"""The headline's tense (`headline_tense`): the verb in the present ("shied away" → "shies away", "has won"
→ "wins"), the passive without its auxiliary ("was arrested" → "arrested"), the future an infinitive
("will open" and "is going to open" → "to open"); a past that the present would misreport stays.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.headline.parsing import (
    FINITE_TAGS,
    SHARE_WORDS,
    auxiliaries,
    has_expletive,
    infinitive,
    negating,
    one_name,
)


def _takes_to_infinitive(verb: Any) -> bool:
    """The verb governs a to-infinitive: "is [to buy]", "is going [to cut]"."""
    return any(c.dep_ == "xcomp" and infinitive(c) for c in verb.children)


def _is_to_infinitive(verb: Any, auxes: list[Any]) -> bool:
    """A bare "be" with a to-infinitive: "X is to buy Y" (not "X wasn't the first critic to turn up",
    where the infinitive is the critic's)."""
    infinitives = [c.i for c in verb.children if c.dep_ == "xcomp"]
    return (
        verb.lemma_.lower() == "be"
        and _takes_to_infinitive(verb)
        and not auxes
        and not any(c.dep_ in ("attr", "acomp") and c.i < max(infinitives, default=0) for c in verb.children)
    )


def _going_to(verb: Any, auxes: list[Any]) -> bool:
    """ "X is going to cut Y": the future, which a headline writes "X to cut Y" (not "X goes to cut Y")."""
    be = any(a.lemma_.lower() == "be" for a in auxes)
    return verb.lower_ == "going" and be and _takes_to_infinitive(verb)


def _future_as_infinitive(verb: Any, auxes: list[Any]) -> dict[int, str]:
    """The future as an infinitive: "will open" → "to open"; "will be opening" → "to open"; "will be
    sold" → "to be sold"."""
    rewrite: dict[int, str] = {}
    for a in auxes:
        if a.lemma_.lower() in ("will", "shall"):
            rewrite[a.i] = "to"
        elif a.dep_ == "aux" and a.lemma_.lower() == "be" and verb.tag_ == "VBG":
            rewrite[a.i] = ""
            rewrite[verb.i] = _verb_lemma(verb)
    return rewrite


def headline_tense(verb: Any, subject: Any | None = None) -> dict[int, str]:
    """Rewrites of the verb group: past and perfect to present, passive without its auxiliary, "will" to
    "to"; an empty string drops the word. `subject`: who the headline names as the subject where that is
    not the parse's ("Kerry" for the "we" of "Kerry said we need to …"): the verb agrees with it."""
    said = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or said is None or said.lower_ not in _PLURAL_PRONOUNS:
        return _tense(verb, _plural_subject(verb))  # "it", "he", "she" agree as the speaker does
    # "X, based in Little Rock, and Y jointly said": two subjects of one verb
    plural = _plural_noun(subject) or any(
        c.dep_ == subject.dep_ and c.i != subject.i for c in subject.head.children
    )
    rewrite = _tense(verb, plural)
    if verb.tag_ == "VBP" and not plural and verb.i not in rewrite:
        rewrite[verb.i] = present(verb, plural)  # "Kerry said we need" → "Kerry needs"
    return {i: "is" if w == "am" else w for i, w in rewrite.items()}  # "Lark said I am …": Lark is


def _tense(verb: Any, plural: bool) -> dict[int, str]:
    rewrite: dict[int, str] = {}
    auxes = auxiliaries(verb)
    lemmas = [a.lemma_.lower() for a in auxes]
    negated = any(negating(c) for c in verb.children if c.dep_ in ("neg", "advmod"))
    if _past_for_good(verb, lemmas):
        return rewrite
    if _is_to_infinitive(verb, auxes):
        rewrite[verb.i] = ""  # "X is to buy Y" → "X to buy Y"
    elif _going_to(verb, auxes) and not negated:
        rewrite.update({a.i: "" for a in auxes} | {verb.i: ""})  # "is going to cut jobs" → "to cut jobs"
    elif ("will" in lemmas or "shall" in lemmas) and not negated and not has_expletive(verb):
        rewrite.update(_future_as_infinitive(verb, auxes))  # not "there to be no changes"
    elif "will" in lemmas or "shall" in lemmas:
        pass
    elif any(a.tag_ == "MD" for a in auxes):
        pass  # may, could, would, should: the hedge is news
    elif any(a.dep_ == "auxpass" for a in auxes):
        for a in auxes:  # "was arrested" → "arrested"; "has been charged" → "charged"
            rewrite[a.i] = ""
    elif auxes and not negated:
        rewrite.update(_aspect_dropped(verb, auxes, plural))
    elif auxes and negated:
        for a in auxes:
            if a.lemma_.lower() in ("do", "have", "be") and a.tag_ in FINITE_TAGS:
                rewrite[a.i] = present(a, plural)
    elif verb.tag_ in ("VBD", "VBN") or (verb.lemma_.lower() == "be" and verb.tag_ != "VB"):
        rewrite[verb.i] = present(verb, plural)
    return rewrite


def _aspect_dropped(verb: Any, auxes: list[Any], plural: bool) -> dict[int, str]:
    """ "has won", "is visiting" → "wins", "visits"; but "is missing" → "missing", a state."""
    rewrite = {a.i: "" for a in auxes}
    if verb.lower_ not in _STATES_IN_ING or auxes[-1].lemma_.lower() != "be":
        rewrite[verb.i] = present(verb, plural)
    return rewrite


# "-ing" words that after "is" say a state, not an action: "is missing" is no "misses", "is dying" no "dies"
_STATES_IN_ING = frozenset({"missing", "dying"})

_PLURAL_PRONOUNS = frozenset({"we", "they", "you", "i", "these", "those"})  # "i" takes "have", as "we"


def _plural_subject(verb: Any) -> bool:
    # the writer's singular, where the tense shows it: "Marks and Spencer has" (a plural verb may be a
    # British collective, "UKIP have", which a headline makes singular)
    if any(t.tag_ == "VBZ" and t.lower_ not in ("'s", "’s") for t in [*auxiliaries(verb), verb]):
        return False
    for child in verb.children:
        if child.dep_ == "csubj" and child.tag_ == "VBG" and _participle_before_plural(child, verb):
            return True
        if child.dep_ in ("nsubj", "nsubjpass"):
            # "Buddy Holly and I had had", which the small model reads as two subjects
            return _plural_noun(child) or any(_and_another_subject(c, verb) for c in child.children)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _plural_subject(verb.head)  # "Prices rose and [fell]": the first verb's subject is its own
    return False


def _plural_noun(noun: Any) -> bool:
    """Whether a subject takes a plural verb: "officials", "we" (and "I", which takes "have"), "India and
    Russia" (not "Johnson & Johnson"), "some of the brothers"."""
    return (
        noun.tag_ in ("NNS", "NNPS")
        or noun.lower_ in _PLURAL_PRONOUNS
        or any(c.dep_ == "conj" and not one_name(noun, c) for c in noun.children)
        or _some_of_many(noun)
    )


def _some_of_many(subject: Any) -> bool:
    """ "Some of the fraternity brothers receive threats", "A lot of voters stay at home": a share of a
    plural is plural (but "the number of voters is")."""
    the_number = subject.lower_ == "number" and not any(c.lower_ in ("a", "an") for c in subject.children)
    return (
        subject.lower_ in SHARE_WORDS
        and not the_number
        and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(o.tag_ in ("NNS", "NNPS") for o in p.children)
            for p in subject.children
        )
    )


def _and_another_subject(cc: Any, verb: Any) -> bool:
    """An "and" followed by another subject of the same verb."""
    nxt = cc.doc[cc.i + 1] if cc.i + 1 < len(cc.doc) else None
    return (
        cc.dep_ == "cc"
        and cc.lower_ == "and"
        and nxt is not None
        and nxt.dep_ == "nsubj"
        and nxt.head == verb
    )


def _participle_before_plural(gerund: Any, verb: Any) -> bool:
    """ "prosecuting attorneys began", which the small model reads as a gerund and its object: a plural
    noun between the "-ing" word and the verb is who acts, the "-ing" word describes them."""
    return any(
        c.dep_ == "dobj" and c.tag_ in ("NNS", "NNPS") and c.i == gerund.i + 1 == verb.i - 1
        for c in gerund.children
    )


_IRREGULAR_PRESENT = {
    "be": ("is", "are"),
    "have": ("has", "have"),
    "do": ("does", "do"),
    "go": ("goes", "go"),
}


def _past_for_good(verb: Any, aux_lemmas: list[str]) -> bool:
    """A past that a present tense would misreport: a habit that ended ("Specter used to call"), an intention
    overtaken ("Velmora had hoped to win the bid" is no "Velmora hopes to win bid"), and what has happened
    before ("Buhari has ruled Nigeria before" is no "Buhari rules Nigeria before")."""
    if verb.lemma_.lower() == "use" and verb.tag_ == "VBD" and _takes_to_infinitive(verb):
        return True
    if _verb_lemma(verb) in _INTENTIONS and any(
        a.lower_ in ("had", "'d") for a in verb.children if a.dep_ == "aux"
    ):
        return _takes_to_infinitive(verb)
    return "have" in aux_lemmas and any(
        c.dep_ == "advmod" and c.lower_ in ("before", "previously", "once") for c in verb.children
    )


_INTENTIONS = frozenset({"hope", "plan", "intend", "expect", "want", "mean", "aim", "wish"})


def _verb_lemma(verb: Any) -> str:
    """The verb's lemma, mended where the small model strips a silent "e": it lemmatises "coped",
    "hoped", "scraped" as "cop", "hop", "scrap", whose own pasts double the consonant ("copped")."""
    lemma: str = verb.lemma_.lower()
    word = verb.lower_
    if word in (lemma + "ed", lemma + "ing") and _SHORT_CLOSED_SYLLABLE.search(lemma):
        return lemma + "e"
    return lemma


# one vowel then one consonant ending the only syllable: "cop", "scrap", "din" (not "visit", "open", "wait")
_SHORT_CLOSED_SYLLABLE = re.compile(r"^[^aeiouy]*[aeiou][^aeiouwxy]$")


def present(verb: Any, plural: bool) -> str:
    lemma = _verb_lemma(verb)
    if not lemma.isalpha():
        return verb.text
    if lemma == "be" and _first_person_singular(verb):
        word = "am"  # "I was a teacher" -> "I am teacher", not "I are"
    elif lemma in _IRREGULAR_PRESENT:
        word = _IRREGULAR_PRESENT[lemma][1 if plural else 0]
    elif plural:
        word = lemma
    elif re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        word = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        word = lemma[:-1] + "ies"
    else:
        word = lemma + "s"
    return word.capitalize() if verb.text[:1].isupper() else word


def _first_person_singular(verb: Any) -> bool:
    """Whether "I" is the subject of the verb, or of the verb an auxiliary serves ("I was not told")."""
    head = verb.head if verb.dep_ in ("aux", "auxpass") else verb
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "i" for c in head.children)
