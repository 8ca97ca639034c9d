"""The parse of a key sentence compressed to a headline (`compress`): the clause, the names, the credit,
the pruning and the tense of the other modules in order, then the finishing: a bare copula left out,
no closing phrase that only repeats where the headline is, never ending on a function word nor on a verb
whose object was cut, never opening on an article or a subordinating conjunction.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from summarizer.headline.budget import END_MARKS, first_phrases, fit, join
from summarizer.headline.clause import (
    LOOSE_ADVERBS,
    attribution_alone,
    content_clause,
    event_clause,
    main_clause,
)
from summarizer.headline.credit import credit_of, credited, refers_back, stands_for, unnamed, urged
from summarizer.headline.parsing import (
    ARTICLES,
    LIGHT_NOUNS,
    NEGATIONS,
    PARTICLE_ADVERBS,
    PRONOUNS,
    SPEECH_LEMMAS,
    expletive,
    hyphen_glued,
    joined,
    particle,
    phrase_of,
    quantity_article,
    reduplicated,
    root_of,
    subject_of,
    verbal,
)
from summarizer.headline.pruning import detail, low_information
from summarizer.headline.short_names import appositive_name, name_padding, objects_by_name, short_subject
from summarizer.headline.tense import headline_tense
from summarizer.headline.text_rules import DANGLING
from summarizer.lexicon import word_list

# ... but an object pronoun ends a headline as it ends a clause: "police officer shoots him"
_PERSONAL_OBJECTS = frozenset({"him", "her", "them", "us", "me"})


def compress(
    doc: Any,
    persons: tuple[tuple[int, int], ...],
    max_words: int,
    drop: frozenset[str],
    phrases: int | None,
    counts: Counter[str] | None,
    mentions: int,
    floor: int,
    speakers: str,
    quoted: bool,
) -> str:
    """The headline for a parsed key sentence and its PERSON spans, with derive_headline's settings
    (see the package doc); "" when the parse gives none."""
    root = root_of(doc)
    if root is None:
        return ""
    verb = content_clause(root)
    subject = subject_of(verb)
    # "will not be re-drafted" parsed with "re" for the verb: the rules do better; "X outspent Y, new
    # figures show" with "outspent" read as a noun would be headlined "New figures show"
    if not verbal(verb) or not subject or hyphen_glued(verb) or (verb is root and attribution_alone(root)):
        return ""
    verb, kept = main_clause(verb, subject)
    kept |= _glued(doc, kept)
    speaker = subject_of(root) if verb is not root else None
    said = root.lemma_.lower() in SPEECH_LEMMAS
    back = speaker is not None and not expletive(subject, verb) and refers_back(subject, speaker)
    # a pronoun that cannot stand for who said it is someone the headline cannot name: the claim is given
    # as the speaker's ("Police officials say he was arrested", not "Police officials arrested")
    other = back and said and not stands_for(subject, speaker, persons)
    back = back and not other
    # the speaker named where the clause has a pronoun for them, which the verb then agrees with
    renamed = speaker if speaker is not None and back and speaker.lower_ not in PRONOUNS else None
    if renamed is not None:
        # "Absa said it is in talks" → "Absa is in talks"; "X said it and Y signed" → "X and Y sign"
        partners = {t.i for c in subject.children if c.dep_ in ("cc", "conj") for t in c.subtree}
        kept -= {t.i for t in subject.subtree} - partners
        kept |= phrase_of(speaker)
        renamed = None if partners else renamed  # "X and Y sign": the parse's plural stands
    # what ought to happen is its speaker's opinion, named or not: "Committee says … should be set up"
    # and so is what it says of a person in quoted words: "Netanyahu is trying to create 'an atmosphere of
    # hysteria,' the Iranian foreign minister said" is the minister's charge, not the news
    opinion = urged(verb) or (quoted and any(s <= subject.idx < e for s, e in persons))
    kind = "all" if (opinion or other) and speakers != "none" else speakers
    claimed = opinion or other or unnamed(subject, verb)
    credit = credit_of(doc, root, speaker, persons, kind) if not back and claimed else ""
    subject = speaker if back else subject_of(verb)
    if subject is not None:
        kept -= short_subject(subject)
        name = appositive_name(subject)
        if name is not None:  # "Channel Tunnel operator Eurotunnel has seen" → "Eurotunnel sees"
            kept = (kept - {t.i for t in subject.subtree}) | phrase_of(name)
    kept = objects_by_name(kept, verb)
    kept -= name_padding(doc, persons)
    kept -= low_information(doc, verb, drop)
    if counts is not None:
        kept -= detail(doc, kept, verb, counts, mentions, floor)
    if phrases is not None:
        kept = first_phrases(kept, verb, phrases)
    # the claim of a pronoun the headline keeps reads as said: "Lark says it will take years" (not "it to
    # take years"), "Police say he was arrested"
    tenses = {} if other else headline_tense(verb, renamed)
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i in kept and verbal(c)):
        if subject_of(conj) is None and conj.tag_ == "VBD":  # a past, not "were tried and convicted"
            tenses |= headline_tense(conj)  # "candidates embraced and promised" → "embrace and promise"
    cause = event_clause(verb)
    if cause is not None and cause.i in kept:
        tenses |= headline_tense(cause)  # "when a train collided" → "when train collides"
    rewrite = {i: w for i, w in tenses.items() if not doc[i].text.startswith(("'", "’"))}
    if "copulas" in drop and not other and _bare_copula(verb) and not verb.text.startswith(("'", "’")):
        rewrite[verb.i] = ""  # "Absa is in talks" → "Absa in talks"
    kept = fit(doc, kept, verb, rewrite, max_words - len(credit.split()))
    kept -= _emptied_phrases(doc, kept) | _word_fragments(doc, kept)
    order, how = _statement_order(verb, kept)
    kept -= how
    words = sorted((i for i in kept if rewrite.get(i, doc[i].text)), key=lambda i: order.get(i, i))
    words = _without_echo(doc, words)
    # a word the story doubled by mistake, or that cuts left twice: "Mexican wrestling wrestling"
    words = [i for k, i in enumerate(words) if not (k and _twice(doc[words[k - 1]], doc[i]))]
    while words and (
        _dangles(doc[words[-1]]) or _STRIPPED.fullmatch(doc[words[-1]].text) or _lost_object(doc, words, verb)
    ):
        words.pop()  # "calls for creation of:" ends on "of" once `join` strips the colon
    while words and (
        doc[words[0]].is_punct
        or (doc[words[0]].lower_ in ARTICLES and not quantity_article(doc[words[0]]))
        or _subordinator(doc[words[0]])
    ):
        words.pop(0)
    text = join(doc, words, rewrite)
    if len(text.split()) < 3 and not credit and not back:
        credit = credit_of(doc, root, speaker, persons, "all")  # "holdings fall" needs whose word it is
    return credited(doc, words, text, credit)


_STRIPPED = re.compile(f"[{re.escape(END_MARKS.strip())}]+")  # what `join` strips from a headline's ends
_SUBORDINATORS = frozenset(
    word_list("when while as after before if because although though since once until")
)


def _subordinator(t: Any) -> bool:
    """ "When" of "When prosecuting attorneys began their closing arguments, they spoke of blood": the
    clause kept is the headline's statement, no condition ("As many as 13" keeps its "As")."""
    return t.lower_ in _SUBORDINATORS and t.dep_ in ("advmod", "mark") and t.head.pos_ in ("VERB", "AUX")


def _without_echo(doc: Any, words: list[int]) -> list[int]:
    """The headline without a closing phrase that only says again where it is: "US crude prices soar …
    above $53 [in US]"."""
    if not words or doc[words[-1]].dep_ != "pobj" or doc[words[-1]].head.dep_ != "prep":
        return words
    prep = doc[words[-1]].head
    if reduplicated(prep):
        return words  # "meet recruits face [to face]" says how, not where again
    inside = {t.i for t in prep.subtree}
    tail = [i for i in words if i in inside]
    if tail != words[-len(tail) :] or tail[0] != prep.i:
        return words
    earlier = {doc[i].lower_ for i in words[: -len(tail)]}
    named = [doc[i].lower_ for i in tail[1:] if not doc[i].is_punct and doc[i].pos_ != "DET"]
    return words[: -len(tail)] if named and all(w in earlier for w in named) else words


def _dangles(t: Any) -> bool:
    """Whether a headline cannot end on `t`: a function word, a hyphen, a loose adverb; not a particle
    ("shies away"), the "m" of "$515m", "US" nor an object pronoun ("shoots him", "behind it"); and an
    "each" the model takes for an object once its sum was cut ("raises offer for shares [to 32 dlrs]
    each")."""
    if t.lower_ == "each":
        return t.dep_ == "dobj"
    if t.text.isupper() and len(t.text) > 1:
        return False  # "US", the country, is not "us"
    return (
        t.lower_ in DANGLING | {"-", ",", "'s", "’s"} | LOOSE_ADVERBS
        and not particle(t)
        and not joined(t)
        and not (t.dep_ in ("dobj", "pobj") and t.lower_ in _PERSONAL_OBJECTS | {"it"})  # "behind it"
    )


def _emptied_phrases(doc: Any, kept: set[int]) -> set[int]:
    """A prepositional phrase whose noun is a light one that lost its defining clause: "pays tribute to
    the brilliant way his wife has taken on …" ends "pays tribute", not "pays tribute to way"."""
    out: set[int] = set()
    for t in doc:
        if (
            t.i not in kept
            or t.lemma_.lower() not in LIGHT_NOUNS
            or t.dep_ != "pobj"
            or t.head.dep_ != "prep"
        ):
            continue
        clauses = [c for c in t.children if c.dep_ in ("relcl", "acl")]
        if clauses and not any(c.i in kept for c in clauses):
            out |= {k.i for k in t.head.subtree}
    return out


def _statement_order(verb: Any, kept: set[int]) -> tuple[dict[int, float], set[int]]:
    """A "how" clause read as a statement: "(told me) how frustrated her husband was by Amazon Mom" →
    "husband (was) frustrated by Amazon Mom". Where the words of the complement "how" fronts go (after
    the verb), and the "how" left out; nothing for any other clause."""
    subject = subject_of(verb)
    if subject is None:
        return {}, set()
    for c in verb.children:
        how = next((w for w in c.lefts if w.lower_ == "how"), None)
        if how is not None and c.dep_ in ("acomp", "advmod") and c.i < subject.i:
            return {w.i: verb.i + 0.5 + w.i / (2 * len(verb.doc)) for w in c.subtree}, {how.i}
    return {}, set()


def _bare_copula(verb: Any) -> bool:
    """A present "is"/"are" with a place or state after it and nothing hanging on it: headlines drop it."""
    return (
        verb.lemma_.lower() == "be"
        and not any(c.dep_ in ("aux", "auxpass", "neg", "xcomp", "attr") for c in verb.children)
        and any(c.dep_ in ("prep", "acomp") and c.i > verb.i for c in verb.children)
    )


# a negation cut from a hyphenated word: parsing's, and the "non" of "non-binding"
_CUT_NEGATIONS = NEGATIONS | {"non"}


def _word_fragments(doc: Any, kept: set[int]) -> set[int]:
    """What is kept of a written word cut at a hyphen: the "-0" of "beat West Ham 1-0" once the clause with
    the "1" went, the "co-" of "co-pilot" once the title went, the "not" of "not-so-quietly criticised"
    once the adverb went (a negation kept alone says the opposite: "not criticised")."""
    out: set[int] = set()
    start = 0
    for t in doc:
        if t.whitespace_ or t.i == len(doc) - 1:
            word = range(start, t.i + 1)
            part = [i for i in word if i in kept]
            cut = part and len(part) < len(word) and any(doc[i].text in "-–" for i in word)
            if cut and (
                doc[part[0]].text in "-–"
                or doc[part[-1]].text in "-–"
                or _digits(doc, part)
                or all(doc[i].lower_ in _CUT_NEGATIONS for i in part)
            ):
                out |= set(part)
            start = t.i + 1
    return out


def _lost_object(doc: Any, words: list[int], verb: Any) -> bool:
    """Whether the headline ends on a verb inside a phrase whose object was cut, "puts some stamps on
    passport in taking [you to Russia …]", "violence leading [up to it]", or on an adverb whose phrase was
    cut, "something a girl might make ahead [of a trip]" (but "just days away [from execution]" says how
    near, and the headline's verb keeps its particle: "shies away [from …]")."""
    t = doc[words[-1]]
    phrasal = t.head.i == verb.i and t.lower_ in PARTICLE_ADVERBS
    if t.dep_ == "advmod" and not phrasal and not any(c.dep_ == "npadvmod" for c in t.children):
        return any(c.dep_ == "prep" and c.i not in words for c in t.children)
    # a participle describing a noun says nothing without its phrase: "violence leading [up to it]"
    lost = ("dobj", "ccomp", "prt", "prep") if t.dep_ == "acl" and t.tag_ == "VBG" else ("dobj", "ccomp")
    return (
        t.tag_ in ("VBG", "VB")
        and t.dep_ in ("pcomp", "acl", "advcl")
        and any(c.dep_ in lost and c.i not in words for c in t.children)
    )


def _twice(before: Any, t: Any) -> bool:
    """The same word again, which no headline says ("had had" and "that that" can be right)."""
    return t.lower_ == before.lower_ and t.is_alpha and t.pos_ not in ("AUX", "VERB", "SCONJ", "PRON", "DET")


def _digits(doc: Any, part: list[int]) -> bool:
    return all(doc[i].text.isdigit() for i in part)


def _glued(doc: Any, kept: set[int]) -> set[int]:
    """The rest of a written word the tokenizer split and the parse scattered: the "m" of "$515m"."""
    out: set[int] = set()
    for t in doc[1:]:
        if (t.i - 1 in kept or t.i - 1 in out) and joined(t) and t.is_alpha:
            out.add(t.i)
    return out - kept
