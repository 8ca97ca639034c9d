"""Whose claim a headline credits: "X said Y" is headlined as Y, with the speaker in front only when the
claim names no one or says what ought to happen ("The government should change the law, the TUC said" →
"TUC says government should change law"); the speaker's own verb where a headline keeps it ("Volcker
warns"), else "says".
"""

from __future__ import annotations

from typing import Any

from summarizer.headline.parsing import LIGHT_VERBS, PRONOUNS, SPEECH_LEMMAS, expletive
from summarizer.headline.short_names import COMPANY_SUFFIXES, firm_name_start
from summarizer.headline.tense import present
from summarizer.lexicon import is_place_name


def _name_and_predicate(doc: Any, words: list[int]) -> bool:
    """Two words that make a headline: a name and what it does or is, "Ongpin optimistic", "Kerry resigns"
    (not "Ongpin says", "Prices rise" short of what)."""
    if len(words) != 2:
        return False
    name, predicate = doc[words[0]], doc[words[1]]
    return (
        name.pos_ == "PROPN"
        and predicate.pos_ in ("VERB", "ADJ")
        and predicate.lemma_.lower() not in SPEECH_LEMMAS | LIGHT_VERBS
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in predicate.children)
    )


def credited(doc: Any, words: list[int], text: str, credit: str) -> str:
    """The headline with its speaker's credit in front ("TUC says government should …"); "" when it is
    too short to stand without one."""
    if not text or (len(text.split()) < 3 and not credit and not _name_and_predicate(doc, words)):
        return ""
    if credit:
        first = doc[words[0]]
        # a name keeps its capital, and so does a place's or people's word the small model does not tag:
        # "Ministry says Turkish officials …"
        if not (
            first.pos_ == "PROPN" or first.text.isupper() or first.ent_type_ or is_place_name(first.lower_)
        ):
            text = text[:1].lower() + text[1:]
        text = f"{credit} {text}"
    return text[:1].upper() + text[1:]


# Verbs of saying whose own word a headline keeps ("Volcker warns …"); the others read "says".
_CREDIT_VERBS = frozenset(
    {"warn", "claim", "insist", "admit", "predict", "argue", "suggest", "reveal", "confirm"}
)


def _named(phrase: Any) -> bool:
    """Whether a name (a person, place, organisation) is part of `phrase`."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in phrase.subtree)


def credit_of(
    doc: Any, root: Any, speaker: Any | None, persons: tuple[tuple[int, int], ...], kind: str
) -> str:
    """Who said it, as a headline credits a claim: "Volcker warns", "TUC says"; "" when the headline
    states the claim alone (`kind`: "none", "names" for named speakers only, "all")."""
    if speaker is None or kind == "none" or root.lemma_.lower() not in SPEECH_LEMMAS:
        return ""
    if speaker.lower_ in ("he", "she"):
        named = _antecedent(doc, speaker, persons)  # "she said" credited by the name the sentence gives
        return f"{named} {_said(root, plural=False)}" if named else ""
    if speaker.lower_ in PRONOUNS or speaker.pos_ not in ("PROPN", "NOUN"):
        return ""
    if speaker.pos_ == "NOUN" and kind != "all":
        return ""
    start, end = speaker.i, speaker.i + 1
    while speaker.pos_ == "NOUN" and start > 0 and doc[start - 1].dep_ in ("amod", "compound", "nmod"):
        start -= 1  # "West German private banks say"
    if doc[start].text[:1].islower():  # "[high level] U.S. trade officials": the description starts at a name
        start = next((k for k in range(start, speaker.i) if doc[k].text[:1].isupper()), start)
    if speaker.pos_ == "PROPN" and not any(s <= speaker.idx < e for s, e in persons):
        while start > 0 and (
            (doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i >= start)
            or (doc[start - 1].text in ("-", "&") and not doc[start - 1].whitespace_ and start > 1)
        ):
            start -= 1
        if speaker.lower_ in COMPANY_SUFFIXES:  # "Harper and Row Publishers Inc": the suffix heads the name
            start = min(start, firm_name_start(speaker))
        while end - start > 1 and doc[end - 1].lower_ in COMPANY_SUFFIXES:
            end -= 1
    name = doc[start:end].text
    return f"{name[:1].upper()}{name[1:]} {_said(root, plural=speaker.tag_ in ('NNS', 'NNPS'))}"


def _said(root: Any, plural: bool) -> str:
    """The credit's verb: the speaker's own when a headline keeps it ("warns"), else "says"/"say"."""
    said = present(root, plural) if root.lemma_.lower() in _CREDIT_VERBS else ("say" if plural else "says")
    return said.lower()


def _antecedent(doc: Any, pronoun: Any, persons: tuple[tuple[int, int], ...]) -> str:
    """The surname a "he"/"she" speaker stands for: the one person the sentence names before it ("As
    pressure mounted on … Margaret Thatcher to call an election, she said …" → "Thatcher"); "" when it
    names none or several."""
    before = [(s, e) for s, e in persons if e <= pronoun.idx]
    if len(before) != 1:
        return ""
    span = doc.char_span(*before[0], alignment_mode="expand")
    return span[-1].text if span is not None and span[-1].pos_ == "PROPN" else ""


def unnamed(subject: Any, verb: Any) -> bool:
    """Whether a claim's subject names no one, so that the headline credits its speaker: "analysts",
    "it would be foolish …" (not "Absa", nor a pronoun standing for the speaker)."""
    return expletive(subject, verb) or (subject.lower_ not in PRONOUNS and not _named(subject))


def urged(verb: Any) -> bool:
    """Whether the claim says what ought to happen ("the U.S. Justice Department should step in"): an
    opinion, which a headline gives as its speaker's, even when its subject is named."""
    return any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in verb.children)


def refers_back(subject: Any, speaker: Any) -> bool:
    """Whether the claim's subject is its speaker again: a pronoun ("Absa said it is in talks") or the
    speaker's own noun ("The Church of Jesus Christ … says the church has measures in place")."""
    return subject.lower_ in PRONOUNS or (
        subject.pos_ == "NOUN" and subject.lemma_.lower() == speaker.lemma_.lower()
    )


def stands_for(subject: Any, speaker: Any, persons: tuple[tuple[int, int], ...]) -> bool:
    """Whether a claim's subject can be its speaker: not "he", "she" or "it" for "officials" ("officials
    said he was arrested"), nor "it" for a person ("Dana Lark said it will take years")."""
    pronoun = subject.lower_
    if pronoun == "it" and any(s <= speaker.idx < e for s, e in persons):
        return False
    return pronoun not in ("he", "she", "it", "i") or not _common_plural(speaker)


def _common_plural(noun: Any) -> bool:
    """ "officials", "marine experts": a plural noun whose lemma is its singular (not "Absa", a name the
    tagger reads as a plural, nor "fiancée")."""
    common = noun.text.islower() or noun.is_sent_start
    singular = noun.lemma_.lower() != noun.lower_ or noun.lower_ == "police"
    return noun.tag_ == "NNS" and common and singular and not any(c.dep_ == "conj" for c in noun.children)
