"""The candidate phrases of a story, which the topic labeller (summarizer/topics.py) chooses its labels
from: `count_phrases` reads the runs of content words in the story's sentences, `label_candidates` keeps
the phrases that could be a label.

A candidate is a run of one to three content words (no stopword, number or punctuation inside), a name of
up to five capitalised words ("United Nations Security Council"), or a noun or name joined to the next run
by "of", "in" or "for" ("Bank of Japan", "airstrikes in Yemen"), that recurs, is the headline's, or joins
words that recur and ends in a noun or is a name. A phrase the story only says as a piece of a longer one
is none: not "United Arab" (of "United Arab Emirates"), "Israeli Prime" (a title runs on) or "Obama
Iranian" (of "Obama's Iranian policy": a possessive before a people's adjective ends a name). A word alone
must name something: not a verb ("decided", "held"), an adverb, a lone modifier ("operating" of
"operating loss"), a generic word ("firm", "houses") or a piece of a longer name ("Inc" of "Acme Inc").
A unit of measure and a news outlet the story only cites are none either. A person's surname reads as the
full name the story gives ("Tony Blair" for "Blair"), and a period as the story says it ("first-quarter
profit" for "quarter profit", which the stop word "first" cut).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from summarizer.article import NEWS_SOURCES, Article, is_known_place
from summarizer.lexicon import (
    CITY_COUNTRY,
    HONORIFICS_DROPPED,
    HONORIFICS_KEPT,
    NAME_PARTICLES,
    NATIONALITY,
    PLACE_WORDS,
    STOPWORDS,
    TITLE_HEADS,
    word_list,
)
from summarizer.names import fold
from summarizer.people import extract_people
from summarizer.topic_words import (
    NOT_TOPIC_WORDS,
    POSSESSIVE,
    WORD,
    grades,
    is_place_word,
    stem_of,
    superlative,
)
from summarizer.word_signals import TAG_FEATURES, commonness

_SPLIT = re.compile(r"[.,;:!?()\"“”‘’\[\]{}|/–—<>]+|\s-\s|\s--\s")

MAX_WORDS = 3
MAX_NAME_WORDS = 5  # a name this long is a label ("United Nations Security Council"); a longer one is none


# Words too general to stand alone as a topic (fine inside a phrase: "trade talks", "peace deal").
_GENERIC = frozenset(
    word_list(
        """
        talks deal deals agreement foreign ministry middle prime progress options option status couple
        tackle regulations diplomats country countries government minister president issue issues points
        point plans plan move moves meeting meetings decision role position statement chief head support
        world state states national international public members member team side leader leaders action
        company companies market markets group industry business service services system change changes
        case cases level levels period terms term view views work deal problem problems question questions
        decade decades year-old number kind sort bit man men woman women thing
        firm firms board home office body list age centre center agency giant top key major
        analysts analyst economists economist investors investor critics parents children efforts users
        dealers dealer traders trader bankers banker officials official sources source spokesman spokeswoman
        spokesmen experts expert observers observer
        stars copies cards labels newspaper newspapers house houses family families life lives class
        details detail address community people person thing things
        place future half form right result results round value information figures measures reporters
        product products page pages name names eye eyes front vice affiliate affiliates
        sign return record way part end lot fact shape success boost notes
        share shares stake stakes price prices sale sales moment moments opinion factor factors principle
        majority
        went held spent took kept left brought began begun thought sought fought led sent built stood
        heard ran lost saw knew grew drew wrote spoke broke chose rose shot felt meant told became
        agreed agree expected expect win won wins winning show shows showed hit hits sold sell selling
        rose rise rises rising fell fall falls falling grew grow growing meet met find found run running
        close closed cut cuts play played announce announced died die pay paid offer offered release
        recently further currently finally already actually really nearly widely largely mainly
        released ahead increase increased troubled killed kill kills corp corporation inc ltd plc llc
        economic fiscal domestic civil black white political financial military social global local
        former senior recent current possible full net strong weak poor rich free open due true real
        clear hard easy total whole main similar different certain entire
        tv cd pc pr dj id ip mp pm ag sa nv bv
        """
    )
)
# Capitalised words that join the next or previous one into a name only through these:
# "Standard & Poor's", "Bank of Japan", "Department of Commerce".
NAME_JOINERS = frozenset(["&", "of", "de", "for", "and"])
# "Bank of Japan", "airstrikes in Yemen", "aid for Kyiv", "Marsh & McLennan"
_PREPOSITIONS = frozenset(["of", "in", "for", "&"])
# what opens no label: a judgement of the thing, not the thing ("important car", "crippling sanctions",
# "ongoing negotiations"); the phrase without it is a candidate of its own ("sanctions")
_EVALUATIVE = frozenset(
    word_list(
        """
        important major minor key main huge massive possible potential significant ongoing powerful
        crippling stable individual serious severe tough various certain similar different entire whole
        """
    )
)
_IDIOM_OPENERS = frozenset(["in", "on", "by"])  # "in favour of burglars" is no "favour of burglars"
# a possessive of these names a kind, not an owner said elsewhere: "women's rights", "children's books"
_CLASSES = frozenset(["women", "men", "children"])
_DEMONYM = re.compile(r"(?:ish|an|ese|i)$")  # "Kurdish", "Iranian", "Chinese", "Israeli"
_NOT_NAME_PARTS = TITLE_HEADS | HONORIFICS_DROPPED | HONORIFICS_KEPT  # "Mr Blair" leaves "Blair" alone
_BOUND_SHARE = 0.75  # a capitalised word this often inside a longer name is not a topic alone ("Inc")


@dataclass
class _Run:
    """A maximal run of content words in a clause, with the tokens either side of it ("" at the clause's
    edge) and, when one preposition alone separates it from the next run, that run ("Bank" of "Japan")."""

    words: list[str]
    before: str = ""
    after: str = ""
    next: _Run | None = None
    # a name runs on through the joiner before it: "Development" of "Conference on Trade and Development"
    joined: bool = False


def _content_word(tok: str) -> str | None:
    """The token's word when it is a content word, else None (a stop word, number, title word...)."""
    words = WORD.findall(tok)
    word = words[0] if len(words) == 1 and len(words[0]) >= len(tok) - 2 else None
    if word and tok.endswith(word + "'") and word.endswith("s"):
        word += "'"  # a plural's possessive: "Brothers'" of "Salomon Brothers' London"
    base = re.split(r"['’]", word)[0].lower() if word else ""
    if word is None or base in NOT_TOPIC_WORDS or word.lower() in TITLE_HEADS:
        return None
    if len(word) < 3 and not (len(word) == 2 and word.isupper() and word[0].isalpha()):
        return None  # a two-letter word is no topic but an acronym: "VW", "GM", "EU", "U2", "G8"
    if word.islower() and superlative(word):
        return None  # "the worst terror attack", "deepest fears": a label names the attack, not its rank
    return word


def _opens_name(token: str, following: str) -> bool:
    """A capitalised word that is no topic alone opens a name when a capitalised word follows it in
    mid-sentence: "New" of "New Zealand", "Great" of "Great Britain" (not a function word, "The", nor a
    title or honorific, "Sir", "Mrs")."""
    return following[:1].isupper() and _name_goes_on(token)


def _opens_place(token: str, following: str) -> bool:
    """ "New" of "New Zealand's total foreign debt" opening a sentence: with the next word it names a known
    place."""
    return _name_goes_on(token) and is_known_place(f"{token} {POSSESSIVE.sub('', following)}")


def _name_goes_on(token: str) -> bool:
    """A capitalised word that is no topic alone but can be part of a name: "New" of "New Zealand",
    "Third" of "Third World", "Group" of "Davis Cup World Group" (the name before it is a piece, "Davis
    Cup World", not a label); not a function word ("The"), a title or an honorific ("Sir Edward Heath" is
    "Edward Heath")."""
    return (
        token.isalpha()
        and token.istitle()
        and len(token) >= 3
        and token.lower() in NOT_TOPIC_WORDS
        and (token.lower() not in STOPWORDS or token.lower() in _ORDINALS)
        and token.lower() not in _NOT_NAME_PARTS
    )


# ordinals that are stop words but open names: "Third World", "First Amendment", "Second Division"
_ORDINALS = frozenset(["first", "second", "third"])


def _ends_name(word: str, following: str) -> bool:
    """A possessive ends a name when a people's or place adjective or a place follows: "Obama's Iranian
    policy", "Turkey's Kurdish minority", "Salomon Brothers' London operations" are two names side by side
    ("Seattle Children's Hospital" is one)."""
    if not (POSSESSIVE.search(word) and following[:1].isupper()):
        return False
    folded = fold(following).lower()
    return folded in NATIONALITY or folded in PLACE_WORDS or bool(_DEMONYM.search(following))


def _runs(sentence: str, firms: frozenset[str] = frozenset()) -> list[_Run]:
    """Maximal runs of content words in a sentence, with what stands either side of each. `firms`: the
    stems of names that are no person's (the model's tags): a title word before one opens the name
    ("General Motors", "Star Wars"), where before a person's it is a title ("General Petraeus")."""
    out: list[_Run] = []
    for c, chunk in enumerate(_SPLIT.split(sentence)):
        tokens = chunk.split()
        words = [_content_word(t) for t in tokens]
        for i in range(len(tokens) - 1):
            following = words[i + 1]
            if words[i] is not None or not following:
                continue
            # a sentence opens capitalised: its first word opens a name only where the two name a place
            opening = i == 0 and c == 0
            opens = (_opens_place if opening else _opens_name)(tokens[i], tokens[i + 1])
            if opens or _titles_a_firm(tokens[i], following, firms):
                words[i] = tokens[i]
        previous: tuple[_Run, int] | None = None  # the last run and the index of the token after it
        start = 0
        for i in range(len(tokens) + 1):
            word = words[i] if i < len(tokens) else None
            split = word is not None and i > start and _ends_name(tokens[i - 1], word)
            if word is not None and not split:
                continue
            if i > start:
                run = _Run(
                    [w for w in words[start:i] if w],
                    "" if start == 0 or words[start - 1] else tokens[start - 1],
                    tokens[i] if i < len(tokens) and word is None else "",
                    joined=start >= 2 and tokens[start - 1] in NAME_JOINERS and _capital(tokens[start - 2]),
                )
                if previous and previous[1] == start - 1 and tokens[start - 1].lower() in _PREPOSITIONS:
                    previous[0].next = run
                previous = (run, i)
                out.append(run)
            start = i + 1 if word is None else i
    return out


def phrases(sentence: str, firms: frozenset[str] = frozenset()) -> list[list[str]]:
    """Maximal runs of content words in a sentence."""
    return [run.words for run in _runs(sentence, firms)]


def _titles_a_firm(token: str, following: str, firms: frozenset[str]) -> bool:
    """A capitalised title word before a name that is no person's: "General" of "General Motors"."""
    return _title_word(token) and following[:1].isupper() and stem_of(following) in firms


def _capital(token: str) -> bool:
    """A capitalised token that can continue a name: not a stop word ("The")."""
    return token[:1].isupper() and token.lower() not in NOT_TOPIC_WORDS


def _in_name(token: str) -> bool:
    """A token that can carry a name on: a capitalised content word ("Zealand") or a capitalised word that
    only goes on in a name ("New", "Third")."""
    return _capital(token) or _name_goes_on(token)


def _starts_whole(run: _Run, start: int) -> bool:
    """False when the phrase starting here is the tail of a longer name: "Arab Emirates", "World
    countries" of "Third World countries"."""
    if not run.words[start][:1].isupper():
        return True
    prev = run.words[start - 1] if start > 0 else run.before
    if start > 0 and prev.lower() in TITLE_HEADS:
        return False  # a title is in a run only before a firm's name: "Motors Corp" of "General Motors Corp"
    # "New" of "New York Times": "York Times" is a piece
    return not (_in_name(prev) and not POSSESSIVE.search(prev) and prev.lower() not in _NOT_NAME_PARTS)


# Officials whose brief the words before them name ("sports minister", "trade official"); not a sport's
# titles: "cross country" of "cross country champion" is a topic
_OFFICES = frozenset(
    word_list("minister ministers secretary spokesman spokeswoman official officials adviser chief boss")
)


def _ends_whole(run: _Run, start: int, end: int) -> bool:
    """False when the phrase ending here goes on: into a longer phrase of the run ("Iran nuclear" of "Iran
    nuclear program", not "Grand Slam final" of "Grand Slam final thrashing", too long to be a label), or
    as a name, past a title word too ("Israeli Prime" of "Israeli Prime Minister"), or into a title
    ("Belgian sports" of "Belgian sports minister")."""
    words = run.words
    owns = any(POSSESSIVE.search(w) for w in words[start : end - 1])  # a possessive before its last word
    if end == len(words):
        if words[-1][:1].isupper() and _in_name(run.after):
            return False
        named_of = run.after == "of" and run.next is not None and run.next.words[0][:1].isupper()
        if owns and words[-1][:1].isupper() and named_of:
            return False  # "Myanmar's Ministry" of "Myanmar's Ministry of Information"
        if words[-1].islower() and run.after in _OFFICES:
            return False  # what kind of official: "Belgian sports" of "Belgian sports minister"
        # what a possessive owns goes on past a stop noun: "Saudi Arabia's state" of "Saudi Arabia's state
        # news agency"
        return not (owns and run.after.isalpha() and run.after.islower() and run.after not in STOPWORDS)
    following = words[end]
    if words[end - 1][:1].isupper() and following[:1].isupper():
        return False  # "United Nations Security" of "United Nations Security Council"
    if words[end - 1][:1].isupper():
        return True  # a name ends before a common word ("Saudi Arabia" of "Saudi Arabia state")
    # a verb follows: "uranium stockpile" of "the uranium stockpile shipped abroad"
    if _past_tense(following) or following.endswith("ly"):
        return True
    # a longest phrase is whole unless it cuts what a possessive owns: not "Mexico sovereign debt" of
    # "Mexico's sovereign debt rating"
    return end - start >= MAX_WORDS and not owns


def _grams(run: _Run) -> Iterable[tuple[int, list[str], list[str], bool]]:
    """Each phrase of a run: where in the run it starts, its words as written, its content words, and
    whether it is whole here (not a truncated piece of a longer phrase or name). Besides runs of one to
    `MAX_WORDS` words: a name up to `MAX_NAME_WORDS` long ("United Nations Security Council"), and a word
    joined by "of", "in" or "for" to the next run ("Bank of Japan", "airstrikes in Yemen")."""
    words = run.words
    for n in range(1, MAX_WORDS + 1):
        for j in range(len(words) - n + 1):
            gram = words[j : j + n]
            # a longer name's tail with what follows the whole is no phrase: not "Development meeting" of
            # "the Conference on Trade and Development meeting", "France talks" of "Britain and France talks"
            piece = j == 0 and run.joined and gram[0][:1].isupper() and not gram[-1][:1].isupper()
            whole = not piece and _starts_whole(run, j) and _ends_whole(run, j, j + n)
            yield j, gram, gram, n == 1 or whole
    j = 0
    while j < len(words):  # spans of capitalised words too long for the loop above
        end = j
        while end < len(words) and words[end][:1].isupper():
            end += 1
        if MAX_WORDS < end - j <= MAX_NAME_WORDS:
            gram = words[j:end]
            yield j, gram, gram, _starts_whole(run, j) and _ends_whole(run, j, end)
        j = end + 1
    nxt = run.next
    if nxt is None:
        return
    head = words[-1]
    if _past_tense(head) or head.endswith("ly") or not _starts_whole(run, len(words) - 1):
        return
    if fold(head).lower() in PLACE_WORDS:
        return  # "Syria of ...": a place is not the head of "X of Y"
    if len(words) == 1 and head.islower() and run.before.lower() in _IDIOM_OPENERS:
        return  # a preposition of two words and more: "in favour of", "on behalf of", "by way of"
    for m in range(1, min(2, len(nxt.words)) + 1):
        tail = nxt.words[:m]
        if m > 1 and not all(w[:1].isupper() and fold(w).lower() not in NATIONALITY for w in tail):
            break  # two words after "of" only as a name: "Department of Homeland Security"
        yield len(words) - 1, [head, run.after.lower(), *tail], [head, *tail], _ends_whole(nxt, -1, m)


_OWNED_ENDING = re.compile(r"([A-Z][\w-]*['’]s)([,.;:!?\"”]*)")
# what follows a name whose "'s" is its own, where a possessive would need the thing it owns
_AFTER_A_NAME = frozenset(word_list("and or in at on to for with is was has had said says will would"))


def _owned_names(sentences: Sequence[str], surface: Counter[str]) -> frozenset[str]:
    """Names whose "'s" is their own ("McDonald's", "Standard & Poor's", "Simpson's in the Strand"): the
    story never writes them without it, and at least once a mark, the sentence's end or a word no owned
    thing is ("McDonald's for", "Joske's and") follows, not what a possessive owns ("Marsh's fees")."""
    found: set[str] = set()
    for sentence in sentences:
        tokens = sentence.split()
        for i, token in enumerate(tokens):
            m = _OWNED_ENDING.fullmatch(token)
            if not m:
                continue
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if m.group(2) or not following or following[:1] == "(" or following.lower() in _AFTER_A_NAME:
                found.add(m.group(1))
    return frozenset(w for w in found if not surface[POSSESSIVE.sub("", w)])


class _Casing:
    """How the story writes each word: its most used form, and which words are common words that a
    sentence start capitalises (a word seen only there is one where the model tags it a common noun)."""

    def __init__(
        self, surface: Counter[str], owned: frozenset[str] = frozenset(), nouns: frozenset[str] = frozenset()
    ) -> None:
        self.owned = owned  # names whose "'s" is their own ("McDonald's"): `_owned_names`
        self.nouns = nouns  # stems the model tags as common nouns more than as names
        self.best: dict[str, str] = {}
        lower: Counter[str] = Counter()
        upper: Counter[str] = Counter()
        plain: Counter[str] = Counter()  # a plural's possessive is the plural: "economists'", "economists"
        for form, n in surface.items():
            plain[form.removesuffix("'")] += n
        for form, n in plain.most_common():
            self.best.setdefault(form.lower(), form)
            (upper if form[:1].isupper() else lower)[form.lower()] += n
        self.common = {w for w in upper if lower[w] >= upper[w]}

    def display(self, words: Sequence[str], mid_sentence: bool = True) -> str:
        """The label as the story writes it, a possessive kept inside it ("Seattle Children's Hospital",
        "Tunisia's economy"); `mid_sentence`: that form is not only seen opening one."""
        words = [*words[:-1], words[-1] if words[-1] in self.owned else POSSESSIVE.sub("", words[-1])]
        named = [w for w in words if w not in _PREPOSITIONS]
        if len(named) > 1 and all(w[:1].isupper() for w in named) and (mid_sentence or named == words):
            # a name as the story writes it: "Screen Actors Guild", "South Asia", "Bank of Japan"
            return " ".join(words)
        # two capitalised words side by side in mid-sentence are a name inside the phrase ("World Cup" of
        # "overall World Cup"), whatever the story writes "world" as elsewhere
        first = 0 if mid_sentence else 1
        in_name = {
            j
            for i in range(first, len(words) - 1)
            if words[i][:1].isupper() and words[i + 1][:1].isupper()
            for j in (i, i + 1)
        }
        out = []
        for i, w in enumerate(words):
            if (mid_sentence and w[:1].islower()) or i in in_name:
                out.append(w)  # as this phrase writes it: "Russian world", whatever "World Cup" elsewhere
                continue
            w, apostrophe = (w[:-1], "'") if w.endswith("'") else (w, "")
            # keep the capitals of names ("Davis Cup", "Iran"), lower everything else
            form = self.best.get(w.lower())
            if form is None:  # said only opening a sentence: the model tags a common noun ("Shares in")
                form = w.lower() if stem_of(w) in self.nouns else w
            inner_capital = any(c.isupper() for c in form[1:])  # "al-Husseini", "McCain", "iPhone"
            name = (form[:1].isupper() or inner_capital) and form.lower() not in self.common
            out.append((form if name else form.lower()) + apostrophe)
        return " ".join(out)


# What an owner has that is no topic of its own: kin and company ("Robinson's mother", "Thorpe's
# colleagues"), and a stance or a step ("Citicorp's decision", "Italy's response", "Kelly's life")
_LIGHT_HEADS = frozenset(
    stem_of(w)
    for w in word_list(
        """
        mother father wife husband son daughter brother sister parents family widow friend friends colleague
        colleagues life decision response position commitment action strategy appearance comments remarks
        statement announcement view views stance move role points reaction words
        """
    )
)
# A body's parts and people, which say no more than its name: "Disney directors", "Yukos unit"
_PARTS_AND_PEOPLE = _LIGHT_HEADS | frozenset(
    stem_of(w)
    for w in word_list(
        """
        directors board team unit division subsidiary arm users fans supporters researchers officials
        executives staff members spokesman spokeswoman employees investors analysts bosses chief chiefs
        shareholders customers players
        """
    )
)
_GENERIC_STEMS = frozenset(stem_of(w) for w in _GENERIC) | _LIGHT_HEADS  # alone, a light head is generic
_COUNTRY_WORDS: dict[str, frozenset[tuple[str, ...]]] = {  # how a story names a country: ("mexican",)
    country: frozenset(tuple(stem_of(p) for p in w.split()) for w, c in NATIONALITY.items() if c == country)
    for country in set(NATIONALITY.values())
}


def _past_tense(word: str) -> bool:
    """ "decided", "ended": a verb, not a subject ("speed", "Mercedes", "United" are not caught)."""
    return word.islower() and len(word) >= 5 and word.endswith("ed") and not word.endswith("eed")


def _title_word(token: str) -> bool:
    """A capitalised title: "President", "Prince", "Minister"."""
    return token.istitle() and token.lower() in TITLE_HEADS


def _bound_names(sentences: Sequence[str], firms: frozenset[str] = frozenset()) -> set[str]:
    """Stems of capitalised words that mostly occur inside a longer name ("Inc", "Cup", "Poor" of
    "Standard & Poor's", "United" of "Manchester United", "General" of "General Motors") or a title
    ("Vice" of "Vice President", "Crown" of "Crown Prince", "Finance" of "Finance Minister"; not "Saudi"
    of "Saudi Crown Prince"): shown alone they name nothing. `firms` as `_runs` takes them."""
    alone: Counter[str] = Counter()
    bound: Counter[str] = Counter()
    titled: Counter[str] = Counter()  # before a title ("Vice President")
    lower: Counter[str] = Counter()  # words written in lower case
    split = [[t.strip("\"'“”‘’(),.;:!?") for t in sentence.split()] for sentence in sentences]
    # words the story capitalises inside a sentence: opening one, such a word still binds the next
    named = {stem_of(t) for tokens in split for t in tokens[1:] if _capital(t)}
    # two capitalised words the story writes inside a sentence: opening one they are still a name ("US
    # Airways is in Chapter 11" where it says "at US Airways"; not "The" of "The Aviator")
    pairs = {
        (a, b)
        for tokens in split
        for a, b in pairwise(tokens[1:])
        if (_capital(a) or a.isupper() or _name_goes_on(a)) and b[:1].isupper()
    }
    for raw, tokens in zip((sentence.split() for sentence in sentences), split, strict=True):
        caps = [
            t[:1].isupper()
            and (
                t.lower() not in _NOT_NAME_PARTS
                or _titles_a_firm(t, tokens[i + 1] if i + 1 < len(tokens) else "", firms)
            )
            for i, t in enumerate(tokens)
        ]
        opens_name = bool(tokens) and (
            (_capital(tokens[0]) and stem_of(tokens[0]) in named) or tuple(tokens[:2]) in pairs
        )
        for i, tok in enumerate(tokens):
            if not caps[i]:
                lower[tok] += tok.islower()
                continue
            before = i > 0 and (caps[i - 1] or (tokens[i - 1] in NAME_JOINERS and i > 1 and caps[i - 2]))
            after = i + 1 < len(tokens) and (
                caps[i + 1] or (tokens[i + 1] in NAME_JOINERS and i + 2 < len(tokens) and caps[i + 2])
            )
            # a sentence's first word is capitalised anyway: it binds the next only when a name
            # ("Saudi Arabia said", not "Yesterday Arabia")
            if (before and (i > 1 or opens_name)) or after:
                bound[stem_of(tok)] += 1
            elif (
                i + 1 < len(tokens)
                and _title_word(tokens[i + 1])
                and raw[i][-1:].isalnum()
                and not is_place_word(tok)
            ):
                titled[stem_of(tok)] += 1
            else:
                alone[stem_of(tok)] += 1
    # a title's word is one also where the story writes it in lower case: "environment" of "Environment
    # Minister Tom McMillan" is a topic where the story says "the environment"
    lower_stems: Counter[str] = Counter()
    for word, n in lower.items():
        stem = stem_of(word)
        if stem in titled:
            lower_stems[stem] += n
    return {w for w, n in (bound + titled).items() if n >= _BOUND_SHARE * (n + alone[w] + lower_stems[w])}


_BEFORE_NOUN = (
    r"\b(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|no|any|some|each|every|of|in|on|"
    r"for|with|from|by|about|against|over|into|between|after|before|under)\s+"
)
# a head noun: after a determiner or preposition (and at most one modifier), before punctuation or a
# function word: "of fentanyl in", "the loss of", "on migration."
_HEAD_NOUN = re.compile(
    _BEFORE_NOUN + r"(?:[\w'’-]+\s+)?([a-z][\w'’-]*)(?=\s*[.,;:!?)\"'”’]|\s*$|\s+(?:of|in|on|at|to|for|"
    r"and|or|but|with|from|by|as|is|was|are|were|has|have|had|will|would|could|that|which|who|over|after|"
    r"against|between)\b)"
)


_ADJ, _NOUN, _PROPN, _VERB = (TAG_FEATURES.index(t) for t in ("adjective", "noun", "proper_noun", "verb"))
_ADJECTIVAL = re.compile(r"(?:ing|ly|ful|ous|ive|able|ible|ic|al|ary|less|ish)$")


def _head_nouns(text: str) -> set[str]:
    """Stems of lower-case words the text uses as a noun at least once ("the loss of", "its profit."):
    a lone common word must be one ("operating" of "from operating activities", "held" are not)."""
    return {stem_of(m.group(1)) for m in _HEAD_NOUN.finditer(text)}


@dataclass(frozen=True)
class Candidate:
    """A phrase that could be a label: its stemmed words, as the story writes it, how often."""

    key: tuple[str, ...]  # stemmed words
    label: str  # as the story writes it
    freq: int
    recurs: bool  # it recurs, or is the headline's, or (a phrase) all its words recur


# what a figure does, which says nothing of the figure: "rise in unemployment", "a further rise", "gain"
_CHANGES = frozenset(
    word_list("rise rises fall falls gain gains drop drops increase increases decline declines surge slump")
)


def _candidates(
    freq: Counter[tuple[str, ...]],
    forms: dict[tuple[str, ...], Counter[tuple[str, ...]]],
    casing: _Casing,
    bound: set[str],
    parts_of_speech: tuple[set[str], set[str], set[str], set[str]],
    head_stems: set[str],
    word_freq: Counter[str],
    uses: tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]], Counter[str]],
    lede: set[tuple[str, ...]],
) -> list[Candidate]:
    """The phrases (stem tuples, with their counts) that could be a topic, each labelled in its
    most common form and casing. A phrase the story only says as a piece of a longer one ("United Arab"
    of "United Arab Emirates", "Israeli Prime" of "Israeli Prime Minister") is none. `parts_of_speech`:
    the stems used as a noun, those the model tags as adjectives, as verbs, and as adverbs; `lede`: the
    phrases the story's opening sentence says."""
    nouns, adjectives, verbs, adverbs = parts_of_speech
    # uses not inside a longer phrase; forms' uses opening a sentence; words' uses ending a run
    whole, opened, run_final = uses
    out: list[Candidate] = []
    for key, f in freq.items():
        if len(key) > 1 and not whole[key]:
            continue
        form, n = forms[key].most_common(1)[0]
        if not _could_be_topic(key, form, bound):
            continue
        label = casing.display(form, n > opened[form])
        if len(form) == 2 and label[:1].isupper() and form[1].islower() and key[1] in _PARTS_AND_PEOPLE:
            continue  # "Disney directors", "Yukos unit", "Skype users": the name is the topic
        if _is_lone_modifier(key, label, nouns, adjectives, run_final):
            continue
        if form[0].lower() in _CHANGES and (len(form) > len(key) or all(grades(w) for w in form[1:])):
            continue  # "rise in unemployment" is news of unemployment; "further rise", "gain" of nothing
        if len(form) == 2 and grades(form[0]) and form[1].lower() in _CHANGES:
            continue
        if _is_clause(key, form, verbs):
            continue
        if f < 2 and len(key) == 1 and form[0].islower() and not commonness(form[0]):
            continue  # a lower-case word English does not know, said once: a typo ("the lasp lap")
        if form[0].islower() and key[0] in adverbs:
            # "enough", "inside", "back"; "cautiously optimistic", "highly vulnerable": what is said of a
            # topic, not one
            continue
        if len(key) > 1 and form[-1].islower() and key[-1] in adverbs:
            continue  # "business anymore", "points ahead": a clause's words, not a topic's
        if len(form) > len(key) and not (form[0][:1].isupper() or key[0] in nouns):
            continue  # "X of Y" joins a noun or a name to the rest: not "consisting of Obama"
        recurs = f >= 2 or set(key) <= head_stems
        if len(key) > 1 and not recurs:
            # a name opening the sentence may have its descriptor joined on ("Film-maker Spike Lee")
            in_lede = key in lede and not opened[form]
            if not _once_said_phrase_holds(key, label, word_freq, nouns, in_lede):
                continue
            recurs = True
        out.append(Candidate(key, label, f, recurs))
    keys = {c.key for c in out}
    return [c for c in out if _country_key(c.key) not in keys and not _city_of_named_country(c.label, freq)]


# a quantity and what it counts: "65 Canadian cents", "200 mln dinars", "1,500 tonnes", "12 pct stake"
_COUNTED = re.compile(
    r"\d(?:[\d.,]*\d)?(?:\s*(?:mln|bln|million|billion|trillion|pct|per\s*cent|percent|%))?"
    r"\s+(?:[A-Z][a-z]+\s+)?([a-z][a-z-]*)"
)
# what a price or a rate is counted per: "1.50 dlrs a share", "$50 a barrel", "20 cts per share"
_PER = re.compile(
    r"(?:\d|\b(?:once|twice|dlrs?|cts|cents|pence|dollars?|euros?|pounds?|yen))\S*"
    r"\s+(?:per|a|an)\s+([a-z][a-z-]*)\b"
)


def _measures(text: str, word_freq: Counter[str]) -> set[str]:
    """Stems the story says mostly right after a number, or as what a price is per: units and currencies
    ("dinars", "tonnes", "bpd"; "dlrs a share", "$48 a barrel"), which measure the news and are no topic
    of it."""
    after = Counter(stem_of(m.group(1)) for pattern in (_COUNTED, _PER) for m in pattern.finditer(text))
    return {s for s, n in after.items() if n >= 2 and 4 * n >= 3 * word_freq[s]}


def _is_measure(candidate: Candidate, measures: set[str]) -> bool:
    """A unit alone or after a people's adjective ("tonnes", "Canadian dollars"), or before what it
    measures ("ounces of silver" is silver's label)."""
    *before, last = candidate.key
    if candidate.key[0] in measures and " of " in candidate.label:
        return True
    return last in measures and all(NATIONALITY.get(w, w) != w for w in before)


def _city_of_named_country(label: str, freq: Counter[tuple[str, ...]]) -> bool:
    """A city whose country the story names ("Mexico City" where it says "Mexico" or "Mexican") is where
    the news happened, a dateline's place, not what it is about. `freq`: the story's phrases."""
    country = CITY_COUNTRY.get(fold(label).lower())
    return country is not None and any(k in freq for k in _COUNTRY_WORDS.get(country, ()))


def _country_key(key: tuple[str, ...]) -> tuple[str, ...] | None:
    """The country phrase a people's adjective phrase names: ("south", "korean") -> ("south", "korea");
    None when the phrase does not end in one ("South Korean" is no label where the story says "South
    Korea")."""
    country = NATIONALITY.get(key[-1], key[-1])
    if country == key[-1] or " " in country:
        return None
    return (*key[:-1], country)


def _could_be_topic(key: tuple[str, ...], form: tuple[str, ...], bound: set[str]) -> bool:
    """False for a phrase that repeats a word (but a firm's "Johnson & Johnson"), ends as a verb or adverb,
    or is one generic word."""
    if len(set(key)) < len(key) and "&" not in form:
        return False
    if any(_past_tense(w) for w in form[1:] or form) or form[-1].endswith("ly"):
        return False  # "decided", "delegation decided", "countries continued airstrikes": a clause
    if len(form) > 1 and form[0].islower() and POSSESSIVE.search(form[0]) and key[0] not in _CLASSES:
        return False  # "the party's campaign posters": the owner is a name said elsewhere; "campaign posters"
    if len(form) == 2 and POSSESSIVE.search(form[0]) and key[1] in _LIGHT_HEADS:
        return False  # "Kelly's life", "Citicorp's decision": the owner is the topic, not what it has
    # "talks", "Mexican", "Inc", "der" (of "van der Vijver"): not a topic on its own
    return not (
        len(key) == 1
        and (
            key[0] in _GENERIC_STEMS
            or NATIONALITY.get(key[0], key[0]) != key[0]
            or key[0] in bound
            or (form[0].islower() and key[0] in NAME_PARTICLES)
        )
    )


def _common_nouns(tags: dict[str, tuple[float, ...]] | None) -> frozenset[str]:
    """The stems the model tags as a common noun more often than as a name."""
    return frozenset(s for s, shares in (tags or {}).items() if shares[_NOUN] > shares[_PROPN])


def _tagged_classes(tags: dict[str, tuple[float, ...]] | None) -> tuple[set[str], set[str], set[str]]:
    """The stems the model tags mostly as an adjective ("vulnerable", "final"), and mostly as a verb
    ("compete", "refinance"; not a gerund, which can head a label: "sports betting"), rarely as a noun;
    and the words it tags as none of noun, name, adjective or verb: adverbs and the like ("cautiously",
    "ahead", "anymore", "past" of "shot past Meldrum")."""
    tagged = (tags or {}).items()
    return (
        {s for s, shares in tagged if shares[_ADJ] >= 0.5 and shares[_NOUN] < 0.25},
        {
            s
            for s, shares in tagged
            if shares[_VERB] >= 0.5 and shares[_NOUN] < 0.25 and not s.endswith("ing")
        },
        {s for s, shares in tagged if max(shares[_ADJ], shares[_NOUN], shares[_PROPN], shares[_VERB]) < 0.25},
    )


def _is_clause(key: tuple[str, ...], form: tuple[str, ...], verbs: set[str]) -> bool:
    """A phrase ending in a verb ("compete", "firms compete", "M-3 rose"), or opened by one ("buy rival",
    "dissolve Parliament", "believe in letting"; a participle modifies: "proposed tax"), is a clause, not a
    label; a name keeps its capitals ("Compete Inc")."""
    if form[-1].islower() and key[-1] in verbs:
        return True
    joined = len(form) > len(key)  # "X of Y": "accused of fraud" is a clause too
    return (
        len(form) > 1
        and form[0].islower()
        and key[0] in verbs
        and (joined or not key[0].endswith(("ed", "en")))
    )


def _is_lone_modifier(
    key: tuple[str, ...], label: str, nouns: set[str], adjectives: set[str], run_final: Counter[str]
) -> bool:
    """A lone modifier is not a subject: "operating", "preserving", "dangerous", what the model tags
    as an adjective ("vulnerable", "final"), and a compound the story says only before a noun
    ("six-kilometre race", "a thrill-a-minute kind of film", "one-billion-dlr debt offering")."""
    if len(key) != 1 or not label.islower():
        return False
    if "-" in label and not run_final[key[0]]:
        return True
    return key[0] in adjectives or (key[0] not in nouns and bool(_ADJECTIVAL.search(key[0])))


def _once_said_phrase_holds(
    key: tuple[str, ...], label: str, word_freq: Counter[str], nouns: set[str], in_lede: bool
) -> bool:
    """A phrase said once joins words that recur, and ends in a noun or is a name: "Iran sanctions",
    not "Acme Corp expects"; or it is a name the opening sentence gives in full, which the story then
    shortens ("the country's Bardo National Museum", "the museum" after)."""
    named = all(w[:1].isupper() for w in label.split() if w not in _PREPOSITIONS)
    return (named and in_lede) or (all(word_freq[w] >= 2 for w in key) and (named or key[-1] in nouns))


_ADJECTIVE_COMPOUND = re.compile(r"-[a-z]+$")  # "Hong Kong-based", "Saudi-led", "Janet Jackson-style"


def _lede_names(opening: str, firms: frozenset[str] = frozenset()) -> set[tuple[str, ...]]:
    """The phrases of the story's opening sentence that could be names it gives in full: not the tail
    of a name joined by "and" ("Drug Administration" of "Food and Drug Administration"), nor a compound
    adjective ("Hong Kong-based")."""
    out: set[tuple[str, ...]] = set()
    for run in _runs(opening, firms):
        for j, gram, content, _ in _grams(run):
            if (j == 0 and run.before.lower() in {"and", "&"}) or _ADJECTIVE_COMPOUND.search(gram[-1]):
                continue
            out.add(tuple(stem_of(w) for w in content))
    return out


_CITING_BEFORE = r"(?:told|tells|telling|to|on|with|for|by|according to)\s+(?:the\s+)?"
_CITING_AFTER = (
    r"(?:['’]s\s+\w+(?:\s+\w+)?\s+programme"
    r"|\s+(?:interview|understands|reports|reported|learned|has learned))"
)


_OWN_VOICE = re.compile(r"\bour\b")
_QUOTATION = re.compile(r"[\"“”]")


# what the story calls a news agency, a paper or a network's local station: "the official news agency PAP",
# "Tanjug news agency", "Ukrinform, the state-run news agency", "CNN affiliate KJRH"
_OUTLET_WORDS = r"(?:news\s+agency|newspaper|daily|weekly|radio|television|broadcaster|affiliate)"
_OUTLET_NAME = r"[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}"
_NAMED_OUTLET = re.compile(
    rf"\b{_OUTLET_WORDS}\s+(?:the\s+)?({_OUTLET_NAME})|({_OUTLET_NAME})\s+(?:news\s+agency|newspaper)\b"
    # in apposition: "according to Ukrinform, the state-run news agency"
    rf"|({_OUTLET_NAME}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}(?:news\s+agency|newspaper|broadcaster)\b"
)
# an agency's report: "PAP quoted Baka as saying", "Tanjug said"
_REPORTING_AFTER = r"\s+(?:said|says|quoted|quotes|reported|reports|carried|added)\b"


def _named_outlets(body: str) -> frozenset[str]:
    """The names the story calls a news agency or a paper ("PAP" of "the official news agency PAP")."""
    return frozenset(n for m in _NAMED_OUTLET.finditer(body) for n in m.groups() if n)


def _own_outlet(dateline: str | None) -> str | None:
    """The outlet that wrote the story, from its dateline ("Tunis, Tunisia (CNN)" -> "cnn"), case-folded: it
    is the story's reporter ("told CNN", "obtained by CNN", "CNN's Jane Doe contributed"), never its
    topic."""
    m = re.search(r"\(([^()]+)\)\s*$", dateline or "")
    source = m.group(1).strip().casefold() if m else ""
    return source if source in NEWS_SOURCES else None


def _only_cited(
    label: str, body: str, sentences: Sequence[str], outlets: frozenset[str], writer: str | None = None
) -> bool:
    """A news outlet the story only cites ("told BBC One's Breakfast", "a BBC interview", "BBC Sport
    understands", "a poll for CNN", "told the official news agency PAP", "PAP quoted Baka as saying"), or
    that speaks in the story as "our" ("BBC Sport reflects on ... after our exclusive interview"), is
    where the facts came from, not what the story is about; "the BBC dropped Clarkson" is. `outlets`:
    the story's `_named_outlets`; `writer`: the outlet that wrote it (`_own_outlet`), which every mention
    cites ("CNN", "CNN's Sara Sidner", "CNN aviation")."""
    if writer and re.match(rf"{re.escape(writer)}(?:$|\s|['’]s\b)", label.casefold()):
        return True
    named = re.sub(r"^(?:[a-z][\w'’-]*\s+)+(?=[A-Z])", "", label)  # "affiliate KVLM": the station's name
    if named != label and named in outlets:
        label = named
    agency = label in outlets
    if not agency and label.split()[0].casefold() not in NEWS_SOURCES:
        return False
    name = re.escape(label)
    uses = len(re.findall(rf"\b{name}\b", body))
    after = f"{_CITING_AFTER}|{_REPORTING_AFTER}" if agency else _CITING_AFTER
    cited = len(re.findall(rf"\b(?:{_CITING_BEFORE}{name}\b|{name}(?={after}))", body))
    if agency:  # "the state news agency Tanjug", "MTI news agency": naming it cites it
        cited += len(re.findall(rf"{_OUTLET_WORDS}\s+(?:the\s+)?{name}\b|\b{name}\s+{_OUTLET_WORDS}", body))
    # the outlet's own voice: "BBC Sport reflects on ... after our exclusive interview"
    own = sum(
        len(re.findall(rf"\b{name}\b", s))
        for s in sentences
        if _OWN_VOICE.search(s) and not _QUOTATION.search(s)
    )
    return uses > 0 and cited + own >= uses


_PERSON = TAG_FEATURES.index("person")
UNTAGGED = (0.0,) * len(TAG_FEATURES)  # a word the model's tags do not cover


def _people_names(
    article: Article, people: Sequence[str] | None, tags: dict[str, tuple[float, ...]] | None
) -> Sequence[str]:
    """The names `/who` gives the story's people (found here when the caller has none); none without
    the model, as `_full_names` then gives no full name."""
    if tags is None:
        return ()
    if people is None:
        people = [p.name for p in extract_people(article).people]
    return people


def _full_names(
    freq: Counter[tuple[str, ...]],
    forms: dict[tuple[str, ...], Counter[tuple[str, ...]]],
    tags: dict[str, tuple[float, ...]] | None,
    people: Sequence[str] = (),
) -> dict[str, str]:
    """A surname's label, by stem, as the person's full name the story gives ("Blair" -> "Tony Blair"):
    a reader of `/topics` knows who it is, and the stories that say "Blair" and those that say "Tony Blair"
    list under one topic. Only for a word the model tags as a person (a place or a firm's "Madrid" of "Real
    Madrid" keeps its name), and a given name the model tags so too; or the one name `people` (`/who`'s)
    gives that surname ("Paul Tellier, who was also Bombardier's president"), or that given name ("Venus"
    of Venus Williams). Not where another name holds the word (`_names_another`); none without the
    model."""
    if tags is None:
        return {}
    by_surname: dict[str, set[str]] = defaultdict(set)
    by_given: dict[str, set[str]] = defaultdict(set)
    for name in people:
        words = name.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            by_surname[stem_of(words[-1])].add(name)
        if len(words) >= 2 and words[0][:1].isupper():
            by_given[stem_of(words[0])].add(name)
    best: dict[str, tuple[int, str]] = {}  # surname stem -> (uses, full name) of its most used full name
    for key, n in freq.items():
        if len(key) != 2 or any(tags.get(w, UNTAGGED)[_PERSON] < 0.5 for w in key):
            continue
        form = forms[key].most_common(1)[0][0]
        first = fold(form[0]).lower()
        if len(form) != 2 or not all(w[:1].isupper() for w in form) or POSSESSIVE.search(form[0]):
            continue
        if (
            first in _NOT_NAME_PARTS
            or first in NATIONALITY
            or first in PLACE_WORDS
            or first in NOT_TOPIC_WORDS
        ):
            continue
        if n > best.get(key[1], (0, ""))[0]:
            best[key[1]] = (n, " ".join([form[0], POSSESSIVE.sub("", form[1])]))
    for stem, names in by_surname.items():
        if stem not in best and len(names) == 1:
            best[stem] = (0, names.pop())
    # a given name the story calls its one person by ("Venus" of Venus Williams, "Phil" of Phil McGraw)
    for stem, names in by_given.items():
        person = tags.get(stem, UNTAGGED)[_PERSON] >= 0.5
        if stem not in best and stem not in by_surname and len(names) == 1 and person:
            best[stem] = (0, names.pop())
    return {stem: name for stem, (_, name) in best.items() if not _names_another(stem, name, freq, forms)}


def _names_another(
    stem: str,
    name: str,
    freq: Counter[tuple[str, ...]],
    forms: dict[tuple[str, ...], Counter[tuple[str, ...]]],
) -> bool:
    """Whether a name other than the person's holds their surname: a firm or a place named after them
    ("Ford Motor Co" where the story names Bill Ford, "Walt Disney" where it names Roy Disney), which the
    surname alone may name as well. The person's own "Brown's Britain" does not count."""
    own = {stem_of(w) for w in name.split()}
    for key in freq:
        if len(key) < 2 or stem not in key or set(key) <= own or own <= set(key):
            continue  # the person's name, or it with a word before ("Fly-half Jonny Wilkinson")
        form = forms[key].most_common(1)[0][0]
        if all(w[:1].isupper() for w in form) and not any(
            stem_of(w) == stem and POSSESSIVE.search(w) for w in form
        ):
            return True
    return False


_CURLY_APOSTROPHE = re.compile(r"(?<=[^\W\d_])’(?=[^\W\d_])|(?<=s)’(?=\s|$)")


def straight_apostrophes(text: str) -> str:
    """A curly apostrophe as a straight one ("McDonald’s", "Houthis’ advance"): `_SPLIT` cuts at a
    curly quote, which would split the word; a source's choice of quote marks should not change a
    label."""
    return _CURLY_APOSTROPHE.sub("'", text)


def firm_stems(tags: dict[str, tuple[float, ...]] | None) -> frozenset[str]:
    """The stems of names the model tags as no person's, and that are no title themselves ("Deputy
    Secretary"): the `firms` that `_runs` and `_bound_names` take."""
    return frozenset(
        s
        for s, shares in (tags or {}).items()
        if shares[_PROPN] >= 0.5 and not shares[_PERSON] and s not in _NOT_NAME_PARTS
    )


@dataclass(frozen=True)
class PhraseCounts:
    """What the runs of content words in a story's sentences say (`count_phrases`): each phrase (its
    stems) and each content word (its stem), how often, where and as the story writes it."""

    sentences: Sequence[str]
    firms: frozenset[str]  # the `firms` the runs were cut with
    surface: Counter[str]  # each word as written, where the sentence does not open with it
    freq: Counter[tuple[str, ...]]
    whole: Counter[tuple[str, ...]]  # uses where the phrase is not a piece of a longer one
    opened: Counter[tuple[str, ...]]  # forms seen opening a sentence (capitalised anyway)
    first_pos: dict[tuple[str, ...], int]  # the first sentence that says the phrase
    forms: defaultdict[tuple[str, ...], Counter[tuple[str, ...]]]
    word_freq: Counter[str]
    word_spread: Counter[str]  # how many sentences say the word
    word_runs: defaultdict[str, set[int]]  # the runs that say the word
    run_final: Counter[str]  # uses as the last word of a run: a head, not only a modifier
    in_order: list[list[str]]  # each sentence's content-word stems, for their centrality
    capitalised: Counter[str]  # uses with a capital where the sentence does not open
    lower_case: Counter[str]


def count_phrases(sentences: Sequence[str], firms: frozenset[str] = frozenset()) -> PhraseCounts:
    """Every phrase of the sentences' runs (`_grams`) and every content word, counted. `firms` as `_runs`
    takes them."""
    surface: Counter[str] = Counter()
    freq: Counter[tuple[str, ...]] = Counter()
    whole: Counter[tuple[str, ...]] = Counter()
    opened: Counter[tuple[str, ...]] = Counter()
    first_pos: dict[tuple[str, ...], int] = {}
    forms: defaultdict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    word_freq: Counter[str] = Counter()
    word_spread: Counter[str] = Counter()
    run_id = 0
    word_runs: defaultdict[str, set[int]] = defaultdict(set)
    in_order: list[list[str]] = []
    capitalised: Counter[str] = Counter()
    lower_case: Counter[str] = Counter()
    run_final: Counter[str] = Counter()
    for i, sentence in enumerate(sentences):
        opening = sentence.lstrip(" \"'“‘([")
        seen: set[str] = set()
        in_order.append([])
        for r, run in enumerate(_runs(sentence, firms)):
            run_id += 1
            for j, w in enumerate(run.words):
                stem = stem_of(w)
                word_runs[stem].add(run_id)
                in_order[-1].append(stem)
                # a sentence's first word is capitalised whatever it is: its case says nothing
                if not (r == 0 and j == 0 and opening.startswith(w)):
                    surface[w] += 1
                    (capitalised if w[:1].isupper() else lower_case)[stem] += 1
                word_freq[stem] += 1
                run_final[stem] += j == len(run.words) - 1
                seen.add(stem)
            for j, gram, content, is_whole in _grams(run):
                key = tuple(stem_of(w) for w in content)
                freq[key] += 1
                whole[key] += is_whole
                first_pos.setdefault(key, i)
                forms[key][tuple(gram)] += 1
                if r == 0 and j == 0 and opening.startswith(gram[0]):
                    opened[tuple(gram)] += 1
        word_spread.update(seen)
    return PhraseCounts(
        sentences=sentences,
        firms=firms,
        surface=surface,
        freq=freq,
        whole=whole,
        opened=opened,
        first_pos=first_pos,
        forms=forms,
        word_freq=word_freq,
        word_spread=word_spread,
        word_runs=word_runs,
        run_final=run_final,
        in_order=in_order,
        capitalised=capitalised,
        lower_case=lower_case,
    )


def label_candidates(
    article: Article,
    headline: str,
    body: str,
    counts: PhraseCounts,
    tags: dict[str, tuple[float, ...]] | None,
    head_stems: set[str],
    people: Sequence[str] | None = None,
) -> list[Candidate]:
    """The phrases of a story that could be a label (`_candidates`), less the units it measures in and
    the news outlets it only cites, a surname labelled as its person's full name. `headline` and `body`
    as the labeller reads them, `counts` their phrases, `tags` the model's (None without it),
    `head_stems` the headline's content words; `people`: the names `/who` found in the story (found here
    when not given)."""
    sentences, firms = counts.sentences, counts.firms
    freq, forms = counts.freq, counts.forms
    nouns = _head_nouns(body + "\n" + headline)
    bound = _bound_names(sentences, firms)
    out = _candidates(
        freq,
        forms,
        _Casing(counts.surface, _owned_names(sentences, counts.surface), _common_nouns(tags)),
        bound,
        (nouns, *_tagged_classes(tags)),
        head_stems,
        counts.word_freq,
        (counts.whole, counts.opened, counts.run_final),
        _lede_names(sentences[0], firms),
    )
    measures = _measures(f"{headline}\n{body}", counts.word_freq)
    outlets = _named_outlets(body)
    writer = _own_outlet(article.dateline)
    out = [
        c
        for c in out
        if not _only_cited(c.label, body, sentences, outlets, writer)
        and not _is_measure(c, measures)
        and c.label.split()[0] not in _EVALUATIVE
    ]
    full = _full_names(freq, forms, tags, _people_names(article, people, tags))
    return [
        replace(c, label=full[c.key[0]])
        if len(c.key) == 1 and c.key[0] in full and c.label[:1].isupper() and not c.label.isupper()
        else _with_period(c, body)
        for c in out
    ]


# a period the stop word "first" cut off its phrase: "first quarter profit", "second-half results"
_PERIOD_WORDS = frozenset(["quarter", "half"])
_PERIOD_ORDINAL = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"


def _with_period(candidate: Candidate, body: str) -> Candidate:
    """ "quarter profit" as the story says it, "first-quarter profit", where it gives the period one ordinal
    only ("third quarter net" and "fourth quarter net" leave "quarter net")."""
    words = candidate.label.split()
    if len(words) < 2 or words[0] not in _PERIOD_WORDS:
        return candidate
    said = {
        m.group(1).lower()
        for m in re.finditer(rf"\b({_PERIOD_ORDINAL})[\s-]+{re.escape(candidate.label)}\b", body)
    }
    if len(said) != 1:
        return candidate
    (ordinal,) = said
    return replace(candidate, label=f"{ordinal}-{candidate.label}")
