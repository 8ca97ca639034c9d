"""The key sentence's dependency parse (`parse`: spaCy's small English model, which summarizer/ner.py
loads once) and what it says of a token: the root and the subject, whether a word is a verb, a particle
or written against the one before, time words and phrases, and a token's phrase without relative
clauses, appositives, asides and time phrases (`phrase_of`). The word lists the other modules read the
parse by (verbs of saying, pronouns, light verbs, articles) are here too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from summarizer import ner
from summarizer.lexicon import DAYS, MONTHS, word_list

# Verbs of saying: "X said Y" is headlined as Y.
SPEECH_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "report",
        "state",
        "claim",
        "insist",
        "warn",
        "announce",
        "confirm",
        "reveal",
        "believe",
        "think",
        "write",
        "explain",
        "argue",
        "note",
        "suggest",
        "admit",
        "predict",
        "hear",
        "show",
        "learn",
        "find",
        "quote",
    }
)
_TIME_WORDS = (
    DAYS
    | MONTHS
    | frozenset(
        word_list(
            """
            yesterday today day tonight tomorrow week weekend month year morning afternoon evening night
            earlier later recently here there
            """
        )
    )
)


# Inside a kept phrase, these subtrees go.
_PHRASE_DROP = frozenset(
    {
        "relcl",
        "appos",
        "punct",
        "advcl",
        "parataxis",
        "cc",
        "conj",
        "mark",
        "meta",
        "intj",
        "dep",
        "preconj",
        "predet",
    }
)
ARTICLES = frozenset({"a", "an", "the"})
# The tags of a verb or auxiliary with a tense of its own: "was", "has", "leak", "said"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# "a few", "a little", "a bit", "a lot": the article is part of how much ("few" alone is hardly any)
QUANTITY_AFTER_A = frozenset({"few", "little", "bit", "lot"})


# Words that say how much of what their "of" phrase names: "some [of the brothers]", "a lot [of people]"
SHARE_WORDS = frozenset(word_list("some many most all both several few lot lots number couple bit half"))


def quantity_article(t: Any) -> bool:
    """The "a" of "a few protesters", "a little scary", which no headline drops: "few protesters" and
    "little money" say the opposite."""
    return t.lower_ in ("a", "an") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in QUANTITY_AFTER_A


PARTICLE_ADVERBS = frozenset(
    {
        "away",
        "back",
        "up",
        "down",
        "out",
        "off",
        "in",
        "on",
        "over",
        "not",
        "never",
        "again",
        "apart",
        "ahead",
        "home",
        "abroad",
        # where the verb takes its subject, which the verb alone does not say: "ran aground", "fell
        # overboard", "step aside" ("step" would say the opposite), "press forward", "came ashore"
        "aground",
        "ashore",
        "overboard",
        "aside",
        "forward",
        "adrift",
        "astray",
    }
)


DEICTIC = frozenset({"it", "they", "he", "she", "this", "that", "these", "those", "there"})


PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})


@lru_cache(maxsize=1024)
def parse(sentence: str) -> tuple[Any, tuple[tuple[int, int], ...]] | None:
    """The dependency parse of `sentence` and its PERSON spans; None without the model. Cached: a
    benchmark derives several headlines from one sentence."""
    nlp = ner.get_parser()
    if nlp is None:
        return None
    spans = ner.person_spans([sentence]) or [[]]
    return nlp(sentence), tuple(spans[0])


def reduplicated(t: Any) -> bool:
    """A preposition between a word and itself, one expression with the word before it: "face [to face]",
    "side [by side]", "one [by one]"."""
    return t.dep_ == "prep" and any(c.dep_ == "pobj" and c.lower_ == t.head.lower_ for c in t.children)


def defining_of(t: Any) -> bool:
    """An "of" with a bare singular noun that makes one name with the noun before it: "letter of intent",
    "state of emergency", "vote of confidence" (not "the sale of the unit", "shares of stock")."""
    objects = [c for c in t.children if c.dep_ == "pobj"]
    return (
        t.lower_ == "of"
        and t.head.pos_ == "NOUN"
        and len(objects) == 1
        and objects[0].tag_ == "NN"
        and not list(objects[0].children)
    )


# Verbs that say little without what follows them
LIGHT_VERBS = frozenset(
    {
        "be",
        "get",
        "go",
        "come",
        "put",
        "set",
        "take",
        "make",
        "keep",
        "turn",
        "become",
        "seem",
        "look",
        "remain",
        "stay",
    }
)


def hyphen_glued(t: Any) -> bool:
    doc = t.doc
    after = t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_
    before = t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_
    return after or before


# Nouns that say nothing without the clause that defines them: "the way his wife has taken on …"
LIGHT_NOUNS = frozenset({"way", "manner", "fact", "extent", "degree", "idea", "thing", "reason", "means"})
TIME_UNITS = frozenset(word_list("second minute hour day week month year decade century"))
# what a relative clause defines rather than describes: "something [any girl might make]"
INDEFINITES = frozenset(
    word_list("something anything everything nothing someone anyone everyone somebody anybody nobody")
)


def particle(t: Any) -> bool:
    """A verb's particle, which ends a headline as it ends the phrasal verb: "should step in", "gives up",
    "turns himself in" (not a preposition whose object was cut: "for")."""
    between = t.doc[t.head.i + 1 : t.i]
    return (
        t.dep_ in ("prt", "advmod")
        and not list(t.children)
        and t.lower_ in PARTICLE_ADVERBS
        and t.head.pos_ == "VERB"
        and (
            t.head.i == t.i - 1
            # past a pronoun object: "turns himself in", "blows himself up", "calls it off"
            or (
                t.dep_ == "prt"
                and len(between) == 1
                and between[0].dep_ == "dobj"
                and between[0].pos_ == "PRON"
            )
        )
    )


NEGATIONS = frozenset({"not", "n't", "never", "no"})


def negating(t: Any) -> bool:
    """A modifier that turns its clause round: "not", "never", and an adverb holding one ("no longer",
    "not yet"). A headline that dropped it would say the opposite: "Firm makes cars" of "The firm no
    longer makes cars"."""
    return (
        t.dep_ == "neg"
        or any(w.dep_ == "neg" or w.lower_ in NEGATIONS for w in t.subtree)
        or (t.lower_ == "yet" and _yet_to(t.head))  # "has yet to decide" is "has not decided"
    )


def _yet_to(verb: Any) -> bool:
    return verb.lemma_.lower() in ("have", "be") and any(c.dep_ == "xcomp" for c in verb.children)


# How much of a thing, which a headline cannot leave out: "cut half its workforce" is not "cut its
# workforce", "twice as many people" not "as many people"
MULTIPLES = frozenset({"half", "twice", "thrice", "double", "triple"})


# Adverbs without which a headline states something else: what did not quite happen ("nearly died",
# "almost certainly faces"), what seldom happens ("rarely wins"), what was done in error ("wrongly
# accused", "mistakenly shot") and what is only said or thought to have happened ("allegedly bribed",
# "reportedly plans"), which a headline must not state as fact
QUALIFIERS = frozenset(
    word_list(
        """
        nearly almost barely hardly scarcely rarely seldom
        wrongly falsely mistakenly wrongfully erroneously accidentally
        allegedly reportedly supposedly purportedly apparently possibly probably seemingly
        """
    )
)


def changes_meaning(t: Any) -> bool:
    """A modifier no headline drops, however loose or seldom said, because without it the headline says
    something else: a negation (`negating`: "no longer"), how much (`MULTIPLES`: "half", "twice"), a
    qualifier (`QUALIFIERS`: "climber nearly died" is no "climber dies", "allegedly bribed" no
    "bribes"), "too" ("too expensive to build"), a comparison ("grew more slowly than expected") and a
    superlative ("most populous")."""
    return (
        negating(t)
        or t.lower_ in MULTIPLES | QUALIFIERS
        or any(c.dep_ == "advmod" and c.lower_ in QUALIFIERS for c in t.children)
        or (t.lower_ == "too" and t.head.pos_ in ("ADJ", "ADV"))  # "too close to call" is no "close to call"
        or (t.pos_ in ("ADJ", "ADV") and any(c.lower_ == "too" and c.dep_ == "advmod" for c in t.children))
        or _compared_adverb(t)
    )


_DEGREE = frozenset({"more", "less", "most", "least"})


def _compared_adverb(t: Any) -> bool:
    """How the verb went against what was expected: "grew [more slowly] than expected", "grew [faster]";
    and a superlative: "Africa's [most] populous nation" is no "Africa's populous nation"."""
    return (
        t.pos_ == "ADV"
        and (t.head.pos_ == "ADJ" or (t.head.pos_ in ("VERB", "AUX") and t.i > t.head.i))
        and t.lower_ not in ("earlier", "later")  # when, not how: "[earlier] reported a loss"
        and (t.tag_ in ("RBR", "RBS") or any(c.lower_ in _DEGREE for c in t.children))
    )


def after_multiple(t: Any) -> bool:
    """A word that a kept multiple needs after it: "half [a] point", "half [its] workforce"."""
    return t.i > 0 and t.doc[t.i - 1].lower_ in MULTIPLES and t.doc[t.i - 1].head.i == t.head.i


# What opens a clause that asks rather than states: "decide [whether] the plant should close", "wait to
# see [if] the bank raises rates"; without it the headline would state what the story only asks.
_ASKING_MARKS = frozenset({"whether", "if"})


def root_of(doc: Any) -> Any | None:
    """The parse's first root (a sentence the parser split has more than one)."""
    return next((t for t in doc if t.dep_ == "ROOT"), None)


def auxiliaries(verb: Any) -> list[Any]:
    """The verb's auxiliaries, passive ones too: "has [been] charged", "[will] [be] named"; and one the
    small model hangs on another ("might" on the "be" of "you might be mistaken")."""
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    hung = [g for a in own for g in a.children if g.dep_ == "aux" and g.i < a.i]
    return sorted([*own, *hung], key=lambda t: t.i)


def subject_of(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
            return child
    for aux in auxiliaries(verb):
        for child in aux.children:  # a misparse: "access/nsubj → is/aux → encouraging"
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def verbal(token: Any) -> bool:
    """A verb, or a participle the model tags as an adjective that has its auxiliary: "was not armed"."""
    return token.pos_ in ("VERB", "AUX") or (
        token.pos_ == "ADJ" and any(c.dep_ == "auxpass" for c in token.children)
    )


def has_expletive(verb: Any) -> bool:
    """ "There will be no changes": the clause's subject is an empty "there"."""
    return any(c.dep_ == "expl" for c in verb.children)


def expletive(subject: Any, verb: Any) -> bool:
    """An "it" that stands for the clause after the verb: "it would be foolish for Japan to retaliate"."""
    return (
        subject.lower_ == "it"
        and verb.lemma_.lower() == "be"
        and any(c.dep_ in ("acomp", "attr") for c in verb.children)
        and any(
            c.dep_ in ("advcl", "ccomp")
            and c.i > subject.i
            and any(g.dep_ == "mark" and g.lower_ in ("for", "that", "whether") for g in c.children)
            for c in verb.children
        )
    )


def joined(t: Any) -> bool:
    """Whether `t` is written against the token before it, one word with it: the "m" of "$515m"."""
    return t.i > 0 and not t.doc[t.i - 1].whitespace_


def phrase_of(token: Any) -> set[int]:
    """`token`'s subtree without relative clauses, appositives, asides and time phrases."""
    out = {token.i}
    conjs = [c for c in token.children if c.dep_ == "conj"]
    coordinated = [c for c in conjs if _joins(token, c)]
    for child in token.children:
        dep = child.dep_
        if dep == "cc":
            continue  # below, with what it joins: never "train and giant"
        if child in coordinated:
            out |= phrase_of(child)  # "India and Russia", "Johnson & Johnson", "train and plane-making"
            continue
        named = child.left_edge.i == token.i + 1 and child.pos_ == "PROPN" and token.pos_ == "NOUN"
        if dep == "appos" and named:
            out |= phrase_of(child)  # "phone company MCI", "singer Ray Charles": the name, not an aside
            continue
        if dep == "punct" and child.text in ("-", "&", "/") and not child.whitespace_:
            out.add(child.i)  # "five-year", "AT&T"
            continue
        if _said_by_clause(token, child):
            out |= phrase_of(child)
            continue
        if dep in ("predet", "advmod") and child.lower_ in MULTIPLES:
            out.add(child.i)  # "cut [half] its workforce", "by [half] a point"
            continue
        if dep == "mark" and child.lower_ in _ASKING_MARKS and token.dep_ == "ccomp":
            out.add(child.i)
            continue
        if dep in _PHRASE_DROP or _in_aside(token, child):
            continue
        if dep == "prep" and (is_time_phrase(child) or child.lower_ == "according"):
            continue
        if (
            dep == "npadvmod"
            and is_time_word(child)
            and not hyphen_glued(child)
            and not named_date(child)
            and not _measure(child)
        ):
            continue  # "[this week]", but "13-year-old" is one word and "a year old" says how old
        if (
            dep == "det"
            and child.lower_ in ARTICLES
            and not after_multiple(child)
            and not _measure(token)
            and not quantity_article(child)
        ):
            continue
        if dep == "acl" and child.tag_ == "VBN" and child.i > token.i + 1:
            continue  # "…, convicted of conspiring": a reduced relative clause
        out |= phrase_of(child)
    if not conjs or any(c.i in out for c in conjs):  # no conj: the parse joined the words elsewhere
        out |= {c.i for c in token.children if c.dep_ == "cc"}
    return out


def _said_by_clause(token: Any, clause: Any) -> bool:
    """Whether the clause says what `token` is, and stays with it: "criticises the way [Blair's government
    operates]", "looks like something [a girl might make]"."""
    light = token.lemma_.lower() in LIGHT_NOUNS | INDEFINITES
    return clause.dep_ in ("relcl", "acl") and light and clause.i > token.i


def _measure(token: Any) -> bool:
    """A noun that says how much of an adjective: "[a year] old", "[a day] late"; its "a" is "one"."""
    return token.dep_ == "npadvmod" and token.head.pos_ == "ADJ" and token.lemma_.lower() in TIME_UNITS


def _in_aside(token: Any, child: Any) -> bool:
    """Whether `child` is an aside: a phrase between commas, or one that only goes on an appositive between
    commas that the parse hung elsewhere: in "The fury of Tropical Cyclone Pam, one of the most powerful
    storms ever to make landfall, has moved on" it hangs "to make landfall" on "fury"; it goes with the
    aside ("Fury of Cyclone Pam to make landfall moves on" was the headline)."""
    doc = token.doc
    if child.i < token.i:
        return False
    if child.dep_ == "prep" and _between_commas(child):
        return True  # "Music downloading[, for those that have rejected free services,] can be costly"
    for a in token.subtree:
        if a.dep_ != "appos" or a.i >= child.i or a.left_edge.i == 0 or doc[a.left_edge.i - 1].text != ",":
            continue
        end = next((t.i for t in doc[a.right_edge.i + 1 :] if t.text == ","), None)
        if end is not None and a.right_edge.i < child.left_edge.i and child.right_edge.i < end:
            return True
    return False


def _between_commas(phrase: Any) -> bool:
    """Whether a comma stands right before and right after the phrase."""
    doc = phrase.doc
    start, end = phrase.left_edge.i, phrase.right_edge.i
    return start > 0 and doc[start - 1].text == "," and end + 1 < len(doc) and doc[end + 1].text == ","


NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def _joins(token: Any, conj: Any) -> bool:
    """Whether `conj` is coordinated with `token` as one phrase: names, nouns, pronouns ("India and Russia"),
    or a hyphenated word in a list of modifiers ("train and plane-making giant"), or two verbs sharing the
    second's object ("to develop and market new medicines", not "to develop")."""
    if _shared_object(token, conj):
        return True
    if token.pos_ in NOMINAL and conj.pos_ in NOMINAL:
        # "she and sister Venus are", not "she are"; but "hers and hers alone" is emphasis, not a list
        repeated = conj.lower_ == token.lower_ and not one_name(token, conj)  # "Johnson & Johnson" is a name
        return not repeated and (token.pos_ != "PRON" or token.dep_ in ("nsubj", "nsubjpass"))
    return any(hyphen_glued(t) for t in conj.subtree) and conj.i < token.head.i


def _shared_object(verb: Any, conj: Any) -> bool:
    """ "develop and market new medicines": the first verb has no object of its own, the second, right
    after "and", holds both verbs' object."""
    return (
        verb.pos_ == "VERB"
        and conj.pos_ == "VERB"
        and verb.dep_ != "pcomp"  # "charges of spying and aiding rebels": spying has no object to share
        and conj.i == verb.i + 2
        and not any(c.dep_ in ("dobj", "nsubj") for c in verb.children if c.i > verb.i)
        and any(c.dep_ == "dobj" for c in conj.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
    )


def is_time_word(token: Any) -> bool:
    return token.lower_ in _TIME_WORDS or any(t.lower_ in _TIME_WORDS for t in token.subtree)


def named_date(time: Any) -> bool:
    """A date a verb names, which the parser takes for when it happens: "to name [5 May] as election
    day" (the verb has no object, and an "as" phrase says what the date is)."""
    verb = time.head
    return (
        verb.pos_ == "VERB"
        and time.i > verb.i
        and not any(c.dep_ == "dobj" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > time.i for c in verb.children)
    )


def is_time_phrase(prep: Any) -> bool:
    if prep.lower_ not in (
        "on",
        "in",
        "at",
        "during",
        "since",
        "until",
        "by",
        "from",
        "for",
        "over",
        "within",
    ):
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.lower_ in _TIME_WORDS or (o.like_num and len(o.text) == 4) or o.ent_type_ in ("DATE", "TIME")
        for o in objects
    )


def infinitive(clause: Any) -> bool:
    """A clause whose verb has "to": "to meet new rules"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def one_name(first: Any, conj: Any) -> bool:
    """ "Johnson & Johnson", "AT&T": one firm's name, not two subjects."""
    return any(t.text == "&" for t in first.doc[first.i + 1 : conj.i])
