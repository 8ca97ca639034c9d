"""Names the small spaCy model reads as no one's that the story shows to be people's: a full name listed
with a person's ("Will Smith, Kevin Spacey and Keanu Reeves") or said right after where its bearer is from
("Frenchman Arnaud Clement", "Italian Dominik Paris"), or described in apposition as someone ("X, a U.S.
citizen", "X, 66;", "a witness, X, told"). The model calls many people "ORG"; these cues, and
what the name is not (a place, a building, a work, a firm, an event), decide instead. Used by
summarizer/people.py once the model has read the undecided names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from summarizer.lexicon import (
    DAYS,
    DEMONYM_NOUNS,
    DEMONYMS,
    NAME_PARTICLES,
    ORG_WORDS,
    is_place_name,
    word_list,
)
from summarizer.names import Mention, mentions_by_sentence
from summarizer.word_signals import commonness

_LIST_BETWEEN = re.compile(r"\s*(?:,|,?\s+and|,?\s+&)\s+")


def people_listed_with_people(sentences: Sequence[str], mentions: list[Mention]) -> None:
    """A full name in a list with a person's full name is a person's, where only the model said no: "Will
    Smith, Kevin Spacey and Keanu Reeves", "goals from Quinton Fortune and Cristiano Ronaldo"."""
    for i, ms in mentions_by_sentence(mentions).items():
        lists: list[list[Mention]] = [[ms[0]]]
        joined: list[bool] = [False]  # an "and" joins the list: "A, B" alone may be a name and its gloss
        for a, b in pairwise(ms):
            between = sentences[i][a.end : b.start]
            if _LIST_BETWEEN.fullmatch(between):
                lists[-1].append(b)
                joined[-1] = joined[-1] or bool(re.search(r"\band\b|&", between))
            else:
                lists.append([b])
                joined.append(False)
        for names, coordinated in zip(lists, joined, strict=True):
            if coordinated and any(m.person and len(m.tokens) >= 2 for m in names):
                for m in names:
                    if _could_be_named_person(m, origin=False):
                        m.person = True


# a people's word right before a name: "Italian Dominik Paris", "American Robby Ginepri", "South Korean …"
_ORIGIN_BEFORE = re.compile(r"(?:^|\s)((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s+$")


def _origin_word(words: str) -> bool:
    """ "Italian", "South Korean", "Frenchman", "Dane": a people's adjective or noun."""
    low = words.lower()
    for part in (low, low.split()[-1]):
        if part in DEMONYMS or part in DEMONYM_NOUNS:
            return True
        if part.endswith(("man", "woman")) and part.removesuffix("woman").removesuffix("man") in DEMONYMS:
            return True
    return False


def people_described_by_origin(sentences: Sequence[str], mentions: list[Mention]) -> None:
    """A full name said right after where its bearer is from is a person's, where only the model said no:
    "Frenchman Arnaud Clement", "over Italian Dominik Paris", "went to Argentine Chango Spasiuk"."""
    for m in mentions:
        if len(m.tokens) >= 3 and _origin_word(m.tokens[0]):  # the run held it: "Frenchman Arnaud Clement"
            rest = m.tokens[1:]
            if _could_be_named_person(m, rest) and _first_name_like(rest[0]):
                m.start = sentences[m.sent].index(rest[0], m.start)
                m.tokens = rest
                m.person = True
            continue
        before = _ORIGIN_BEFORE.search(sentences[m.sent][: m.start])
        if (
            before
            and _origin_word(before.group(1))
            and _could_be_named_person(m)
            and _first_name_like(m.tokens[0])
        ):
            m.person = True


# what only a person is, said in apposition right after the name: ", a U.S. citizen", ", a mother of two",
# ", an eyewitness"
_SOMEONE_AFTER = re.compile(
    r"^,\s+(?:a|an)\s+(?:[\w.'’-]+\s+){0,3}?(?:citizen|resident|native|man|woman|boy|girl|mother|father|son|"
    r"daughter|wife|husband|widow|grandmother|grandfather|student|pupil|witness|eyewitness|survivor|"
    r"passenger|tourist|volunteer|veteran|activist|neighbou?r|friend|teenager|retiree|pensioner|"
    r"missionary|pastor|priest|nurse|teacher|worker|employee)\b"
    # not the kind of a body the word describes: ", a volunteer group", ", a student union"
    r"(?!\s+(?:group|organi[sz]ation|company|firm|network|charity|agency|association|movement|program|"
    r"programme|project|club|union|service|scheme|team|body)\b)"
)


# an age in apposition: "Machiyo Narisawa, 66;", "X, 45, said"
_AGE_AFTER = re.compile(r"^,\s+\d{1,3}(?=\s*[,;.)]|\s+and\b|\s*$)")
# what only a person is, said in apposition right before the name: "a witness, Jang Yoon Seok, told"
_SOMEONE_BEFORE = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w.'’-]+\s+){0,2}(?:witness|eyewitness|survivor|passenger|resident|student|"
    r"neighbou?r|friend|victim|tourist|volunteer|mother|father|widow)\s*,\s*$"
)


# whose kin a first name said alone is: "his wife Robyn", "their daughters Saoirse", "his son, Wil", "a man
# named Sohaib"
_KIN_BEFORE = re.compile(
    r"(?:\b(?:his|her|their|my|our|whose)\s+(?:\w+\s+)?(?:wife|husband|son|sons|daughter|daughters|children|"
    r"brother|brothers|sister|sisters|mother|father|partner|fianc[ée]e?|girlfriend|boyfriend|widow|grandson|"
    r"granddaughter|nephew|niece|cousin)|\b(?:a|an)\s+(?:man|woman|boy|girl)\s+(?:named|called))"
    r"\s*(?:,|--|—|:)?\s*$"
)


# between two first names of one list of kin: "Saoirse, 6, and Orlaith", "Robyn and Sejun"
_KIN_LIST = re.compile(r"(?:,\s*\d{1,3})?\s*(?:,|,?\s+and|,?\s+&)\s+")


def people_described_as_someone(sentences: Sequence[str], mentions: list[Mention]) -> None:
    """A full name with what only a person is, or their age, in apposition, is a person's, where only the
    model said no: "Aijalon Mahli Gomes, a U.S. citizen sentenced to eight years", "X, a mother of two",
    "Machiyo Narisawa, 66;", "a witness, Jang Yoon Seok, told"."""
    kin: Mention | None = None  # the last first name said as kin: the names listed after it are kin too
    for m in sorted(mentions, key=lambda m: (m.sent, m.start)):
        sentence = sentences[m.sent]
        after, before = sentence[m.end :], sentence[: m.start]
        listed = kin is not None and kin.sent == m.sent and _KIN_LIST.fullmatch(sentence[kin.end : m.start])
        if _kin_named(m, before, bool(listed)):
            m.person, m.extra["kin"] = True, "1"  # vouched for: kept when said once
            kin = m
            continue
        # two words need a first name, not a word opening the sentence ("Married Adeli, 32, arranged")
        named = len(m.tokens) >= 3 or _first_name_like(m.tokens[0])
        if (
            named
            and _could_be_named_person(m, origin=False)
            and (_SOMEONE_AFTER.match(after) or _AGE_AFTER.match(after) or _SOMEONE_BEFORE.search(before))
        ):
            m.person = True


def _kin_named(m: Mention, before: str, listed: bool) -> bool:
    """A first name said alone right after whose kin it is ("his wife Robyn"), or `listed` after such a
    name ("their daughters Saoirse, 6, and Orlaith, 9"); not a day ("a voice mail from his daughter
    Wednesday"), a people's word ("his girlfriend, Ukrainian model …") or a place."""
    if len(m.tokens) != 1 or m.person is not False or m.tokens[0].isupper():
        return False
    low = m.tokens[0].lower()
    if low in DAYS or _origin_word(low) or is_place_name(low):
        return False
    return listed or bool(_KIN_BEFORE.search(before))


def _first_name_like(word: str) -> bool:
    """Not a common English word ("Chamber Orchestra", "Daily Mail", "Royal Family", "Monetary System"
    after "British", "European"): a rare word, or a hyphenated first name ("Jan-Michael")."""
    return "-" in word or commonness(word) < 3.7


_EVENT_WORDS = frozenset(
    word_list("prix open cup championship championships league games olympics trophy classic")
)


def _could_be_named_person(m: Mention, words: tuple[str, ...] | None = None, origin: bool = True) -> bool:
    """A name the model read as no one's, or as a body's (the small model calls many people "ORG"),
    that reads as a first name and a surname: not a place, a building or a work ("Miami Heat", "the
    Spotless Mind"), nor led by a place or an article ("Belfast Harlequins", "La Traviata")."""
    words = words or m.tokens
    last = words[-1].lower()
    return (
        m.person is False
        # after a people's word the model may read the name as theirs ("NORP")
        and m.extra.get("model") in ({"none", "ORG", "NORP"} if origin else {"none", "ORG"})
        and 2 <= len(words) <= 3
        and not is_place_name(words[0].lower())
        and words[0].lower() not in NAME_PARTICLES
        and not re.fullmatch(r"[DRI]-[A-Z][a-z]+", words[0])  # "Cory Booker, D-New Jersey, and …"
        and last not in ORG_WORDS
        and last.removesuffix("s") not in ORG_WORDS  # "Koryo Tours, Young Pioneers Tours and …"
        and last not in _EVENT_WORDS  # "the Spanish Grand Prix", "the American Cup"
    )
