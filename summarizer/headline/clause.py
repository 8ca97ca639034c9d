"""The clause a headline reports and the words kept of it: "X said Y" gives Y (`content_clause`); the main
clause only, a leading "As talks neared the endgame," and a trailing ", officials said" left out, and
relative clauses, appositives and time phrases with them (`main_clause`); where the clause says little
alone, the event behind it ("21 people were injured [when a train collided with a car]").
"""

from __future__ import annotations

from typing import Any

from summarizer.headline.parsing import (
    DEICTIC,
    FINITE_TAGS,
    PRONOUNS,
    SPEECH_LEMMAS,
    auxiliaries,
    changes_meaning,
    expletive,
    infinitive,
    is_time_phrase,
    is_time_word,
    named_date,
    particle,
    phrase_of,
    subject_of,
    verbal,
)
from summarizer.lexicon import word_list

# Dependents that a headline keeps of its clause's verb; everything else is dropped.
_CLAUSE_KEEP = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "aux",
        "auxpass",
        "neg",
        "prt",
        "dobj",
        "dative",
        "attr",
        "acomp",
        "oprd",
        "xcomp",
        "ccomp",
        "prep",
        "agent",
        "expl",
        "advmod",
        "compound",
        "pcomp",
        "pobj",
        "npadvmod",
    }
)


LOOSE_ADVERBS = frozenset(
    {
        "now",
        "also",
        "still",
        "already",
        "just",
        "yet",
        "ever",
        "even",
        "currently",
        "recently",
        "today",
        "here",
        "there",
        "then",
        "so",
        "too",
        "meanwhile",
        "however",
    }
)


def content_clause(root: Any) -> Any:
    """The clause a headline reports: "X said Y" → Y's verb; "Y, X said" → Y's verb."""
    if root.pos_ not in ("VERB", "AUX"):  # a misparse with a noun at the root: the first verb with a subject
        for token in root.doc:
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux" and subject_of(token) is not None:
                root = token
                break
    if root.lemma_.lower() in SPEECH_LEMMAS and predicate_after_gerund(root) is None:
        for child in root.children:
            if (
                (child.dep_ == "ccomp" or (child.dep_ in ("dep", "parataxis") and child.i < root.i))
                and verbal(child)
                and subject_of(child) is not None
            ):
                return child  # "X outspent Y, new figures show": a misparse hangs X's clause on "dep"
        for token in root.subtree:
            if (
                token.i > root.i
                and token.dep_ == "ccomp"
                and token.head.lemma_.lower() not in SPEECH_LEMMAS
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
                and verbal(token)
                and subject_of(token) is not None
            ):
                # "told thousands who gathered to commemorate the anniversary that our march is not
                # finished": the parser hangs what was told on a verb that tells nothing
                return token
    return _but_clause(root) or _fronted_claim(root) or _scene_setting(root) or root


def _scene_setting(root: Any) -> Any | None:
    """The news inside a scene-setting "that is …": "That's the message out of Indonesia, where the rescue
    chief announced that the search operation ended" reports the search's end."""
    subject = subject_of(root)
    if root.lemma_.lower() != "be" or subject is None or subject.lower_ not in ("that", "this", "it"):
        return None
    for token in root.subtree:
        # a "where"/"when" clause, not one saying which thing is meant: "the question [we must answer]"
        where = any(c.lower_ in ("where", "when") for c in token.children)
        if (token.dep_ == "advcl" or (token.dep_ == "relcl" and where)) and verbal(token):
            inner = subject_of(token)
            if inner is not None and inner.pos_ in ("PROPN", "NOUN") and inner.lower_ not in DEICTIC:
                clause = content_clause(token)
                return clause if subject_of(clause) is not None else None
    return None


def _fronted_claim(root: Any) -> Any | None:
    """A clause with its own subject put before the verb's, as an attribution does: "Authorities identified
    the suspects, but …, investigators questioned if …" reports the identification."""
    subject = subject_of(root)
    for child in root.children:
        if (
            child.dep_ == "ccomp"
            and subject is not None
            and child.i < subject.i
            and verbal(child)
            and subject_of(child) is not None
        ):
            return child
    return None


def attribution_alone(root: Any) -> bool:
    """A verb of saying with nothing said: what it reports stands before it, in a piece the parse could
    not read as a clause ("… in the European elections, new figures show")."""
    return (
        root.lemma_.lower() in SPEECH_LEMMAS
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "acomp") for c in root.children)
        and any(c.dep_ in ("dep", "parataxis", "nsubj") and c.i < root.i for c in root.children)
        and any(c.dep_ == "punct" and c.text == "," and c.i < root.i for c in root.children)
    )


def _but_clause(root: Any) -> Any | None:
    """ "He doesn't wear a uniform, but Hadi Al-Amari is a powerful military leader": a denial or a
    pronoun's clause sets up the one after "but", which is the news; None when the sentence has no such."""
    subject = subject_of(root)
    setup = any(c.dep_ == "neg" for c in root.children) or (
        subject is not None and subject.lower_ in PRONOUNS
    )
    buts = [c.i for c in root.children if c.dep_ == "cc" and c.lower_ in ("but", "yet")]
    if not (setup and buts):
        return None
    return next(
        (
            c
            for c in root.children
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > buts[0] and subject_of(c) is not None
        ),
        None,
    )


def _with_mark(clause: Any) -> set[int]:
    """A subordinate clause with the conjunction that opens it: "when a train collided", "for Japan to …"."""
    return phrase_of(clause) | {c.i for c in clause.children if c.dep_ == "mark"}


def main_clause(verb: Any, subject: Any) -> tuple[Any, set[int]]:
    """The headline's verb and the words of its clause."""
    predicate = _predicate_after_appositive(verb, subject) or _predicate_after_participle(verb, subject)
    if predicate is None and expletive(subject, verb):
        # "it would be foolish [for Japan to retaliate]": the clause "it" stands for is what is said
        return verb, _clause_tokens(verb) | {
            k for c in verb.children if c.dep_ == "advcl" for k in _with_mark(c)
        }
    if predicate is None:
        return verb, _clause_tokens(verb)
    # "Barnard, a pastor wanted for 59 counts, was arrested": Barnard was arrested
    return predicate, phrase_of(subject) | _clause_tokens(predicate)


def _predicate_after_participle(verb: Any, subject: Any) -> Any | None:
    """The verb that is the sentence's predicate where the parser took a participle describing the
    subject for it: in "The bodies of four tourists slain in an attack three days ago arrived back in
    Italy" the small model makes "slain" the verb, "bodies" its subject, and "arrived" a conjunct joined
    by no "and". None for a sentence parsed as written."""
    finite = predicate_after_gerund(verb) if subject.dep_ == "nsubj" else None
    if finite is not None:
        return finite
    if verb.tag_ in ("VBD", "VBN") and subject.dep_ == "nsubj" and not _has_object_or_aux(verb):
        # "Two police officers shot and wounded while standing guard … were deliberately targeted": the
        # passive after the participle, parsed as what "shot" says, is the predicate
        conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.tag_ in ("VBD", "VBN")]
        passive = next(
            (
                c
                for v in (verb, *conjuncts)  # "shot and wounded … were targeted": on either participle
                for c in v.children
                if c.dep_ == "ccomp"
                and c.i > verb.i
                and subject_of(c) is None
                and any(a.dep_ == "auxpass" and a.tag_ in FINITE_TAGS for a in auxiliaries(c))
            ),
            None,
        )
        if passive is not None:
            return passive
    if (
        verb.tag_ != "VBN"
        or subject.dep_ != "nsubj"
        or any(c.dep_ in ("aux", "auxpass", "cc") for c in verb.children)
    ):
        return None
    return next(
        (c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBD" and subject_of(c) is None),
        None,
    )


def predicate_after_gerund(verb: Any) -> Any | None:
    """The finite verb after an "-ing" verb with no auxiliary, which the parser took for the sentence's
    verb: in "Jolie's essay in the Times revealing that she had her ovaries removed provoked an outpouring
    of support" the participle describes the essay, and "provoked" is what the sentence says of it."""
    if verb.tag_ != "VBG" or auxiliaries(verb):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("advcl", "conj", "ccomp")
            and c.i > verb.i
            and c.tag_ in FINITE_TAGS
            and subject_of(c) is None
        ),
        None,
    )


def _has_object_or_aux(verb: Any) -> bool:
    return any(c.dep_ in ("aux", "auxpass", "dobj", "dative") for c in verb.children)


def _predicate_after_appositive(verb: Any, subject: Any) -> Any | None:
    """The verb that is the sentence's predicate where the parser took a participle describing the
    subject's appositive for it: in "Victor Barnard, an American pastor wanted for 59 counts of assault,
    was arrested by Brazilian police" the small model makes "wanted" the verb and "was arrested" its
    conjunct. None for a sentence parsed as written."""
    appositives = [c for c in subject.children if c.dep_ == "appos"]
    if (
        verb.tag_ not in ("VBD", "VBN")
        or auxiliaries(verb)
        or not any(a.right_edge.i + 1 == verb.i for a in appositives)
    ):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and subject_of(c) is None
            and auxiliaries(c)
            and c.doc[c.left_edge.i - 1].text == ","
        ),
        None,
    )


def _clause_tokens(verb: Any) -> set[int]:
    kept = {verb.i}
    for child in verb.children:
        dep = child.dep_
        if dep == "advcl" and (defines_rank(child) or _purpose(child, verb)):
            # "becomes the first station to offer radio", "given a year to meet rules"
            kept |= phrase_of(child)
            continue
        if dep not in _CLAUSE_KEEP:
            continue
        if (
            dep == "advmod"
            and not changes_meaning(child)  # "[no longer] makes cars", "[Twice] as many people voted"
            and (child.i < verb.i or child.lower_ in LOOSE_ADVERBS or child.lower_.endswith("ly"))
        ):
            continue
        if dep == "prep" and (is_time_phrase(child) or child.i < verb.i or child.lower_ == "according"):
            continue
        if dep == "npadvmod" and (child.i < verb.i or (is_time_word(child) and not named_date(child))):
            continue
        if dep == "npadvmod" and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ",":
            continue  # "…, a move it hopes will stoke competition": a comment on the clause, not in it
        if dep == "ccomp" and child.i > verb.i and _attribution(child):
            continue  # "…, research suggests"
        kept |= phrase_of(child)
    if not any(c.dep_ in _COMPLEMENTS and c.i in kept for c in verb.children):
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            # "will explore and develop gold properties": the object is the second verb's
            if (
                _same_form(conj, verb)
                and not subject_of(conj)
                and any(g.dep_ in _COMPLEMENTS for g in conj.children)
            ):
                kept |= {c.i for c in verb.children if c.dep_ == "cc"} | _clause_tokens(conj)
            break
    if sum(i > verb.i for i in kept) <= 1:  # nothing after the verb, or one word: "is underway"
        cause = event_clause(verb)
        if cause is not None:  # "21 people were injured [when a commuter train collided with a car]"
            kept |= _with_mark(cause)
    return kept


def _same_form(conj: Any, verb: Any) -> bool:
    """Whether a conjunct verb shares the first verb's tense: the same tag, or a past the tagger read as
    a simple past after the first verb's "have" ("have shot and killed", "killed" tagged VBD)."""
    return conj.tag_ == verb.tag_ or ({conj.tag_, verb.tag_} == {"VBD", "VBN"} and not auxiliaries(conj))


# Conjunctions whose clause says what happened, when the main clause alone says little: "… were injured
# when a train collided with a car", "… died after a cliff collapsed"
_EVENT_MARKS = frozenset({"when", "after", "as", "because", "before"})


def event_clause(verb: Any) -> Any | None:
    """The clause after `verb` that tells the event behind it, opened by one of `_EVENT_MARKS`."""
    conjs = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return next(
        (
            c
            for v in (verb, *conjs)  # "One person died and another was injured [after a cliff collapsed]"
            for c in v.children
            if c.dep_ == "advcl"
            and c.i > verb.i
            and subject_of(c) is not None
            and any(
                g.lower_ in _EVENT_MARKS and g.dep_ in ("mark", "advmod") and g.i < c.i for g in c.children
            )
        ),
        None,
    )


_COMPLEMENTS = frozenset(
    {"dobj", "attr", "acomp", "xcomp", "ccomp", "prep", "prt", "dative", "oprd", "agent"}
)


def _attribution(clause: Any) -> bool:
    """A clause that only credits what precedes it: "research suggests", "figures show"."""
    return clause.lemma_.lower() in SPEECH_LEMMAS and not any(
        c.dep_ in ("ccomp", "dobj", "xcomp") for c in clause.children
    )


_RANKS = frozenset({"first", "last", "only"})


def _purpose(clause: Any, verb: Any) -> bool:
    """An infinitive after the verb saying what it is for: "given a year [to meet new rules]", "warns
    Bath [to improve its offer]" (not "in order" or a clause with its own conjunction)."""
    return clause.i > verb.i and infinitive(clause) and not any(a.dep_ == "mark" for a in clause.children)


def defines_rank(phrase: Any) -> bool:
    """The infinitive that says what a first, last, only or -est thing is: "the first station [in the
    world] to offer radio via 3G" is first at offering radio; without it, first at nothing."""
    if not infinitive(phrase):
        return False
    if phrase.dep_ == "acl":
        ranked = [phrase.head]
    elif phrase.dep_ == "advcl":  # the parser hangs it on the verb: "become the first station … to offer"
        ranked = [c for c in phrase.head.children if c.dep_ in ("attr", "dobj") and c.i < phrase.i]
    else:
        return False
    modifiers = [m for n in ranked for m in n.children if m.dep_ == "amod"]
    return any(m.tag_ == "JJS" or m.lower_ in _RANKS for m in modifiers)


def clause_heads(verb: Any) -> set[int]:
    """The verb and the heads of its subject and object: what neither `pruning.detail` nor `budget.fit`
    drops."""
    return {verb.i} | {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")}


# Verbs that put their object somewhere: the place is what they say ("puts Liverpool on comeback trail")
_PLACING_VERBS = frozenset(word_list("put place set keep lay send"))


def object_complements(verb: Any) -> list[Any]:
    """The phrases after the verb that complete its object, which neither `pruning.detail` nor
    `budget.fit` drops: where a placing verb puts it ("puts Liverpool [on comeback trail]") and what
    follows a pronoun object, which says little alone ("puts him [at odds with lawyers]", "describes
    himself [as pessimist]"; but "police shoot him" and "turns himself in" end there). A verb's to-infinitive
    counts as the verb: "appears to have been put [on hold]"."""
    chained = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i > verb.i]
    return _own_complements(verb) + [c for x in chained for c in object_complements(x)]


def _own_complements(verb: Any) -> list[Any]:
    if any(particle(c) for c in verb.children):
        return []  # "turns himself in [to police]", "lays down marker [at …]": the phrasal verb is whole
    after = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    placing = verb.lemma_.lower() in _PLACING_VERBS
    if obj is None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        # "Manager placed [on paid leave] …", not "Rangers set to loan X [despite …]"
        return after[:1] if placing and passive and after and after[0].i == verb.i + 1 else []
    # the place, not what else the story says: "sends official [to Mexico] for talks"
    return [c for c in after if c.i > obj.i][:1] if placing or obj.tag_ == "PRP" else []


def said_of_subject(verb: Any) -> list[int]:
    """What "is" says of its subject, in order: the phrases after it ("Clark is [in hospital]", "is [under
    way]", "is [ready]"); none for another verb."""
    if verb.lemma_.lower() != "be":
        return []
    return [c.i for c in verb.children if c.dep_ in ("prep", "acomp") and c.i > verb.i]
