"""The words the topic labeller (summarizer/topics.py, its candidate phrases summarizer/topic_candidates.py)
and the topic index (summarizer/topic_index.py) share: which words are no topic, how a word is stemmed,
and what makes two labels one topic."""

from __future__ import annotations

import functools
import re

from summarizer.lexicon import DAYS, MONTHS, NATIONALITY, PLACE_WORDS, STOPWORDS, word_list
from summarizer.names import fold
from summarizer.word_signals import commonness

# Words that are no topic of their own: English stop words, months and days, and the words news uses
# of everything ("said", "official", "year", "million")
NOT_TOPIC_WORDS = (
    frozenset(
        word_list(
            """
        basis hoc year years time times day days week weeks month months today yesterday tomorrow people way
        ways thing things lot lots part parts number numbers percent pct per cent end side sides
        group groups report reports statement comment comments news story stories official officials
        spokesman spokeswoman source sources thursday mr mrs ms dr sir told say says said saying
        according added says also just well much many several including include includes included
        however although though would could should might must may can will shall get got go going
        gone make made take taken come came give given set put see seen know known think thought
        want wanted use used need needed look looks looked able likely early earlier late later last
        next first second third new old big small large high low long short good bad best better
        great little own other others same another every each few most more less least one two three
        four five six seven eight nine ten mln bln billion million dlrs dlr us u.s. cts vs march
        april june don didn doesn isn wasn aren weren won couldn wouldn shouldn haven hasn hadn
        itself himself herself themselves ourselves yourself yourselves myself oneself something
        anything nothing everything someone anyone everyone somebody anybody everybody nobody whatever
        ago former
        """
        )
    )
    | STOPWORDS
    | MONTHS
    | DAYS
)
# a word: a letter, then letters, digits, apostrophes or hyphens ("Iran's", "pre-tax", "G8")
WORD = re.compile(r"[^\W\d_][\w'’\-]*[\w]|[^\W\d_]")
POSSESSIVE = re.compile(r"['’]s$|(?<=s)'$")  # "Iran's", and a plural's: "Salomon Brothers'"


def stem_of(word: str) -> str:
    """A plural and possessive folder: "talks" = "talk", "taxes" = "tax", "houses" = "house",
    "Israelis" = "Israeli" (not "crisis" or "Paris"), "programmes" = "program" (British and American
    spellings are one label)."""
    w = fold(word).replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    if w.endswith("ies") and len(w) >= 6:
        w = w[:-3] + "y"
    elif (w.endswith("es") and len(w) >= 5 and w[-3] in "xz") or w.endswith(("ches", "shes", "sses")):
        w = w[:-2]
    elif w.endswith(("oes", "ses")) and len(w) >= 5 and commonness(w[:-2]) > commonness(w[:-1]):
        w = w[:-2]  # "superheroes", "vetoes", "viruses", "buses" (not "shoes", "houses", "cases")
    elif (
        w.endswith("s") and len(w) >= 4 and not w.endswith(("ss", "us")) and (w[-2] != "i" or _plural_in_i(w))
    ):
        w = w[:-1]
    if w.endswith("mme"):
        w = w[:-2]
    return w


@functools.lru_cache(maxsize=4096)
def _plural_in_i(word: str) -> bool:
    """ "houthis", "israelis", "taxis" are plurals; "crisis", "Paris", "tennis" are not: English at large
    uses the form without the "s" at least as often."""
    return commonness(word[:-1]) >= commonness(word)


@functools.lru_cache(maxsize=4096)
def superlative(word: str) -> bool:
    """ "deadliest", "biggest", "latest": a lower-case word that is an adjective's "-est" form (the
    adjective is a word at least as common); not "forest", "interest", "protest"."""
    if word == "worst":
        return True
    if not _SUPERLATIVE.fullmatch(word):
        return False
    bases = [word[:-4] + "y"] if word.endswith("iest") else []
    if word[-4] == word[-5]:
        bases.append(word[:-4])  # "biggest"
    bases += [word[:-3], word[:-2]]  # "deepest", "latest"
    return any(len(b) >= 3 and b not in STOPWORDS and commonness(b) >= commonness(word) for b in bases)


_SUPERLATIVE = re.compile(r"[a-z]{2,}est")


def is_place_word(token: str) -> bool:
    """A country, a people's adjective or a listed place: "Saudi", "Mexico's"."""
    folded = fold(POSSESSIVE.sub("", token)).lower()
    return folded in NATIONALITY or folded in PLACE_WORDS


# Words that grade a thing without making it another kind: "higher taxes" are taxes, "proposed tax" is a
# tax; "interest rates" and "exchange rates" are two topics, not "rates".
_GRADING = frozenset(
    word_list(
        """
        new big large small huge massive major minor possible potential important average overall total
        further latest recent current record key main top full original special initial annual quarterly
        net gross pre-tax year-end full-year half-year short-term long-term surprise shock sharp strong
        weak heavy steep modest slight significant higher lower bigger larger smaller greater stronger
        weaker longer shorter older newer wider deeper cheaper earlier later better worse
        """
    )
)


def grades(word: str) -> bool:
    """ "higher", "biggest", "proposed", "average": a word before a noun that grades it."""
    w = word.lower()
    return w in _GRADING or superlative(w) or (len(w) >= 6 and w.endswith("ed") and word.islower())


def content_words(label: str) -> list[str]:
    """A label's words that are not `NOT_TOPIC_WORDS`."""
    return [w for w in WORD.findall(label) if w.lower() not in NOT_TOPIC_WORDS]


def label_key(label: str) -> frozenset[str]:
    """Labels with the same stemmed content words are the same topic ("Migrants" == "migrant")."""
    return frozenset([stem_of(w) for w in content_words(label)] or [fold(label)])
