"""Finding people's names in sentences: capitalised runs, titles before and after a name, aliases.

A *run* is a stretch of capitalised tokens ("Deputy Attorney General Lisa Monaco"). Rules split it
into a title and a name, and decide whether the name is a person from grammar and journalism
conventions: an honorific or a job title before it, a title apposition after it ("Rich Verma, deputy
secretary of state"), a speech verb, a match with a name already known. Runs the rules cannot decide
are left for the optional spaCy model (see summarizer/ner.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.lexicon import (
    DAYS,
    DEMONYMS,
    HONORIFICS_DROPPED,
    HONORIFICS_KEPT,
    MONTHS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NATIONALITY,
    ORG_WORDS,
    PLURAL_TITLE_ABBREVIATIONS,
    PORTFOLIO_WORDS,
    POST_NOMINALS,
    RELATIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_ABBREVIATIONS,
    TITLE_COMPLEMENTS,
    TITLE_HEADS,
    WORD_SURNAMES,
    is_place_name,
    word_list,
)

# "al-Arabi", "el-Sisi", "d'Estaing" of a name; "ex-Foreign Secretary" of a title
_JOINED_PARTICLE = re.compile(r"(?:al|el|as|ash|ad|ar|at|az|an|bin|ibn|abu|ben|ex)-[^\W\d_]*[A-Z]|d['’][A-Z]")
# words whose full stop is no sentence's end: honorifics, suffixes, "St." and the title abbreviations
_SHORT_FORMS = sorted(
    {"Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Messrs", "Mt", "Ft"}
    | {a.capitalize() for a in TITLE_ABBREVIATIONS | PLURAL_TITLE_ABBREVIATIONS}
)
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., U.N.
    r"|(?:" + "|".join(_SHORT_FORMS) + r")\.(?=\s|$)"
    r"|[^\W\d_]\.(?=\s)"  # initials: "Y. M. Koptev"
    r"|[A-Z]{1,3}&[A-Z]{1,3}\b"  # "R&B", "AT&T"
    r"|[^\W\d_](?:[\w\-]|['’](?=[^\W\d_]))*"
    r"|\d[\w.,:\-]*\w|\d"
    r"|['’]s\b|\S"
)
# Capitalised title heads that are also common given names or surnames: not split off a run.
_AMBIGUOUS_HEADS = frozenset(
    word_list(
        """
        dean host star partner member principal author writer player teacher sister brother father major
        king prince bishop judge justice marshal rich driver rider fellow pilot banker agent warden chef
        anchor buyer
        """
    )
)
# Words that may precede a title head inside a title ("acting deputy secretary").
TITLE_MODIFIERS = frozenset(
    word_list(
        """
        acting deputy senior chief assistant associate vice former interim executive general national
        special principal first permanent joint regional managing top royal political economic foreign
        finance defence defense security homeland trade state then outgoing incoming new designated
        media team tour tournament debt government communications press health interior treasury
        majority minority
        """
    )
)
# Party labels in front of a name describe it ("Tory Dominic Grieve", "Democrat Nancy Pelosi").
PARTY_WORDS = frozenset(
    word_list(
        """
        tory tories labour conservative democrat democratic republican liberal socialist communist green
        nationalist unionist dem dems
        """
    )
)
_VERBISH_HEADS = frozenset(
    word_list(
        "host head chair coach captain star partner counsel judge lead boss champion author whip father"
    )
)
_DETERMINERS = frozenset(
    word_list(
        """
        the a an his her their its our my your this that
        """
    )
)
_LIST_JOIN = frozenset({",", ";", "and", "&"})


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        # "al-Arabi" of "Nabil al-Arabi", "el-Sisi": a particle joined to a capitalised name is one
        return self.text[:1].isupper() or bool(_JOINED_PARTICLE.match(self.text))

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


@dataclass
class Mention:
    """One occurrence of a (possible) person name in a sentence."""

    sent: int
    start: int  # char offsets of the name inside its sentence
    end: int
    tokens: tuple[str, ...]
    title: str | None = None
    title_start: int | None = None  # where a title before the name starts
    appos: str | None = None  # title apposition after the name
    appos_end: int | None = None
    organization: str | None = None
    honorific: bool = False
    person: bool | None = None  # True/False when the rules decided, None when undecided
    forced_role: str | None = None
    pid: int = -1
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def vouched(self) -> bool:
        """A title, an honorific or an apposition says this is someone ("Gov. …", "Mr …", "…, a lawyer")."""
        return self.honorific or has_title_head(self.title) or bool(self.appos)

    @property
    def mask_start(self) -> int:
        return self.title_start if self.title_start is not None else self.start

    @property
    def mask_end(self) -> int:
        return self.appos_end if self.appos_end is not None else self.end


def mentions_by_sentence(mentions: Iterable[Mention]) -> dict[int, list[Mention]]:
    """Mentions by sentence, each sentence's in the order the sentence says them."""
    out: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.sent, m.start)):
        out.setdefault(m.sent, []).append(m)
    return out


def tokenize(sentence: str) -> list[Tok]:
    return list(_tokenize(sentence))


@lru_cache(maxsize=4096)
def _tokenize(sentence: str) -> tuple[Tok, ...]:
    """Tokens of one sentence, cached: the same sentence is read by several steps."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(sentence):
        text, start, end = m.group(), m.start(), m.end()
        if len(text) > 2 and text[-2:].lower() in {"'s", "’s"}:  # "Woodward's" -> "Woodward" "'s"
            out.append(Tok(text[:-2], start, end - 2))
            out.append(Tok(text[-2:], end - 2, end))
        else:
            out.append(Tok(text, start, end))
    return tuple(out)


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Accent- and case-insensitive key ("López" == "lopez")."""
    nfkd = unicodedata.normalize("NFKD", s)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).casefold().strip(".")


def is_all_caps(text: str) -> bool:
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper + lower > 12 and upper > 4 * lower


def recase(sentence: str, lower_vocab: set[str]) -> str:
    """Wire copy in capitals ("SHULTZ BEGINS ARMS TALKS"): lower common words, capitalise the rest."""

    def fix(m: re.Match[str]) -> str:
        w = m.group()
        low = w.lower()
        if (
            low in STOPWORDS
            or low in lower_vocab
            or low in TITLE_HEADS
            or low in TITLE_MODIFIERS
            or low in ORG_WORDS
        ):
            return low
        if re.fullmatch(r"(?:[A-Z]\.){2,}", w):
            return w
        return w[:1] + w[1:].lower()

    return re.sub(r"[^\W\d_][\w'’\-]*", fix, sentence)


def _is_name_token(t: Tok) -> bool:
    return t.is_cap and t.is_word


def find_runs(toks: list[Tok]) -> list[tuple[int, int]]:
    """[i, j) token ranges of capitalised runs; particles and "of"/"for" may join two capitalised parts."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        if not _is_name_token(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = toks[j]
            if _is_name_token(t) or t.low in NAME_SUFFIXES:
                j += 1
            elif (
                (t.low in NAME_PARTICLES or t.low in {"of", "for"})
                and j + 1 < n
                and _is_name_token(toks[j + 1])
            ):
                j += 2
            elif (  # two particles: "Jeroen van der Veer", "Maria de la Cruz"
                t.low in NAME_PARTICLES
                and j + 2 < n
                and toks[j + 1].low in NAME_PARTICLES
                and _is_name_token(toks[j + 2])
            ):
                j += 3
            elif (
                t.low in {"of", "for"}
                and j + 2 < n
                and toks[j + 1].low == "the"
                and _is_name_token(toks[j + 2])
                and _head_word(toks[j - 1], False)
            ):  # "Deputy Governor of the Central Bank Grace Mwangi"
                j += 3
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _nounish(t: Tok) -> bool:
    low = t.low
    if low in TITLE_HEADS or low in TITLE_MODIFIERS:
        return True
    if not t.is_word or low in STOPWORDS or len(low) < 3:
        return False
    return not (low.endswith(("ed", "ing", "ly")) or low in SPEECH_VERBS)


def _head_word(t: Tok, in_run: bool) -> bool:
    low = t.low.rstrip(".")
    if low.startswith("co-") and low[3:] in TITLE_HEADS:  # "co-chairman", "co-host"
        low = low[3:]
    if low not in TITLE_HEADS and low not in ROLE_NOUNS:
        # professions written in lower case: epidemiologist, physician, technician (not "Lindqvist")
        return (
            not in_run
            and t.text[:1].islower()
            and len(low) > 6
            and low.endswith(("ologist", "ist", "ician"))
            and low.isalpha()
        )
    return not (in_run and low in _AMBIGUOUS_HEADS)


def _known_title_word(t: Tok) -> bool:
    return t.low in TITLE_MODIFIERS or _head_word(t, False)


# what a leader's name names after "the": "the Obama administration", "the Reagan presidency"
_LEADERS_BODY = re.compile(r"\s+(?:administration|presidency|government|era|years|cabinet|camp)\b")
_SUBJECT_PRONOUNS = frozenset(word_list("i you he she it we they who"))
_BEFORE_A_VERB = frozenset(word_list("will would could can should may might must shall"))
# words after which "to" marks an infinitive, not a preposition: "are set to loan out-of-favour midfielder X"
_TAKES_TO_INFINITIVE = frozenset(
    word_list(
        "set plan plans planned want wants wanted hope hopes hoped aim aims aimed expected likely going able "
        "due decided agreed try tries tried trying looking ready poised"
    )
)


def _verb_after(toks: list[Tok], j: int) -> bool:
    """Whether token j, no title's word, is a verb by what stands before it: a modal or an adverb ("will
    effectively replace former Rangers midfielder X" gives no title "replace …"), or "to" after a word that
    takes an infinitive ("set to loan out-of-favour midfielder X"; "to" alone may be a preposition: "an
    injury to central defender X")."""
    if j == 0:
        return False
    before = toks[j - 1]
    adverb = before.is_word and not before.is_cap and before.low.endswith("ly")
    infinitive = before.low == "to" and j >= 2 and toks[j - 2].low in _TAKES_TO_INFINITIVE
    # "as they eye captain Steven Gerrard": after a subject pronoun, a verb
    return before.low in _BEFORE_A_VERB or adverb or infinitive or before.low in _SUBJECT_PRONOUNS


# "of State", "for Europe", "of the Conservative Party", "of the Bank of England" ending a title
_OF_COMPLEMENT = re.compile(
    r"\b(?:of|for)\s+(?:the\s+)?[A-Z]\S*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z]\S*){0,4}$|\b(?:of|for)\s+\S+(?:\s+\S+)?$"
)


def _joined_in_title(toks: list[Tok], j: int, start: int, k: int) -> int | None:
    """How many tokens a title ending before token k (and starting at `start` so far) goes back over at a
    joining word toks[j]: "of" or "for" ("Secretary of State", "Bank of England Governor"), "the" after
    one ("Governor of the Bank of England"), "and" or a comma between portfolios ("Trade and Industry
    Secretary", "Culture, Media and Sport Secretary"); 0 when toks[j] joins nothing, None when the title
    ends there."""
    t = toks[j]
    if start >= k or j == 0:
        return 0
    if t.low in {"of", "for"}:
        return 1 if _head_word(toks[j - 1], False) or _names_a_body(toks, j, k) else None
    if (
        t.low in {"and", ",", "&"}
        and toks[j - 1].is_cap
        and toks[j - 1].low in PORTFOLIO_WORDS
        and toks[start].low in PORTFOLIO_WORDS
        and (t.low != "," or any(x.low in {"and", "&"} for x in toks[start:k]))
    ):
        return 1
    if (
        t.low == "the"
        and toks[start].is_cap
        # a body's name ends the title at a comma ("the President of the European Parliament, Josep
        # Borrell"); run on into capitals, it is part of a name ("member of the British Royal Family")
        and (toks[k].text == "," or _head_word(toks[k - 1], False))
        and j > 1
        and toks[j - 1].low in {"of", "for"}
        and _head_word(toks[j - 2], False)
    ):
        return 2
    return 0


def _names_a_body(toks: list[Tok], of: int, k: int) -> bool:
    """Whether the "of" at `of` joins a body's name in a title ending before token k: "Bank of England
    Governor", "Institute of Technology professor"; not "Social Democrats of Prime Minister", "Office of
    Supreme Leader Ayatollah" (a title after it), "United States of Afghan President" (a people's word)."""
    after = toks[of + 1]
    return (
        toks[of - 1].is_cap
        and toks[of - 1].low in ORG_WORDS
        and after.is_cap
        and not _is_demonym(after)
        and not any(_head_word(t, False) for t in toks[of + 1 : k - 1])
        and not (of + 1 == k - 1 and _head_word(after, False))  # "the government of President X"
    )


def _is_demonym(t: Tok) -> bool:
    return t.low in DEMONYMS


def _lower_modifier(toks: list[Tok], j: int, k: int) -> bool:
    """A lower-case word before a lower-case one in a title ("chief debt negotiator") or an acronym that
    heads it ("radio DJ"), and no verb."""
    nxt = toks[j + 1] if j + 1 < k else None
    return (
        nxt is not None
        and (not nxt.is_cap or (nxt.text.isupper() and _head_word(nxt, False)))
        and not _verb_after(toks, j)
    )


def _title_before(toks: list[Tok], k: int, sentence: str) -> tuple[str, int] | None:
    """A title phrase ending right before token k ("chief debt negotiator", "U.S. Secretary of State")."""
    if k == 0:
        return None
    if toks[k - 1].text == ")":  # "(tour manager) Bill Beaumont"
        opening = next((i for i in range(k - 2, max(k - 8, -1), -1) if toks[i].text == "("), None)
        if opening is not None and opening + 1 < k - 1 and _head_word(toks[k - 2], False):
            return sentence[toks[opening + 1].start : toks[k - 2].end], toks[opening].start
        return None
    j = k - 1
    if not (
        _head_word(toks[j], False) or (toks[j].is_cap and toks[j].is_word and toks[j].low not in STOPWORDS)
    ):
        return None
    start = k
    seen_head = False
    while j >= 0 and k - j <= 9:
        t = toks[j]
        if t.low in {"'s", "’s"}:
            if j > 0 and toks[j - 1].is_word and toks[j - 1].low not in STOPWORDS:
                j -= 1
                start = j
                j -= 1
                continue
            break
        step = _joined_in_title(toks, j, start, k)
        if step is None:
            break
        if step:
            j -= step
            continue
        if (
            (
                t.is_cap
                and t.is_word
                and (t.low not in STOPWORDS or t.text.isupper())  # "former US president"
                and t.low.rstrip(".") not in HONORIFICS_DROPPED
            )
            or (_nounish(t) and (_known_title_word(t) or _lower_modifier(toks, j, k)))
            or re.fullmatch(r"(?:[^\W\d_]\.){2,}", t.text)
        ):
            seen_head = seen_head or _head_word(t, False)
        else:
            break
        start = j
        j -= 1
    if start >= k or not seen_head:
        return None
    while start < k and toks[start].low in {"of", "for", "and"}:
        start += 1
    # "will host Li", "to coach Smith", "powerfully head Lampard's corner": a verb, not a title
    if (
        start == k - 1
        and not toks[start].is_cap
        and toks[start].low in _VERBISH_HEADS
        and (start == 0 or toks[start - 1].low in STOPWORDS)
        and (start == 0 or toks[start - 1].low not in _DETERMINERS)
    ) or (start == k - 1 and not toks[start].is_cap and _verb_after(toks, start)):
        return None
    # the word next to the name must itself belong to a title (head, or "of State" complement)
    text = sentence[toks[start].start : toks[k - 1].end]
    last = toks[k - 1]
    if not _head_word(last, False) and not _OF_COMPLEMENT.search(text):
        return None
    return text, toks[start].start


# what ends a title after a name: a mark, a relative, "and" before a clause, or the verb when no comma
# closes it ("Peter Myers, Deputy Secretary of Agriculture will head …", "X, chairman of the board said")
_VERB_AFTER_TITLE = r"\s(?:will|would|said|says|told)\s"
_APPOS_END = re.compile(
    r"[,;)(]|(?<!\b[A-Z])\.|\s(?:who|which|whose|and\s+(?:[A-Z]|is|was|will|has))\b"
    rf"|{_VERB_AFTER_TITLE}|$"
)


_VERB_ENDS_IT = re.compile(_VERB_AFTER_TITLE)
_ABBREVIATED = re.compile(
    r"\b(?:" + "|".join(sorted(TITLE_ABBREVIATIONS | {"dr", "st"})) + r")$", re.IGNORECASE
)


def _apposition(sentence: str, end: int, words: tuple[str, ...]) -> tuple[str, int] | None:
    """The title after the name `words` ending at `end`; none after a thing's name, nor after one word
    that a verb, not a comma, closes it from ("Separately, a Turkish official … said": an adverb)."""
    ap = None if _non_person_tokens(words) else _appos_after(sentence, end)
    if ap is not None and len(words) == 1 and _VERB_ENDS_IT.match(sentence[ap[1] :]):
        return None
    return ap


def _appos_after(sentence: str, pos: int) -> tuple[str, int] | None:
    """A title apposition after a name: ", deputy secretary of state for management and resources;"."""
    m = re.match(r"\s*,\s*", sentence[pos:])
    if not m:
        return None
    body_start = pos + m.end()
    rest = sentence[body_start:]
    end_m = _APPOS_END.search(rest)
    # a title's abbreviation ends no apposition; before a name it opens a second titled name ("Tim
    # Kaine, Maryland Gov. Larry Hogan"), not a title
    while end_m and end_m.group() == "." and _ABBREVIATED.search(rest[: end_m.start()]):
        if re.match(r"\s+[A-Z]", rest[end_m.end() :]):
            return None
        end_m = _APPOS_END.search(rest, end_m.end())
    end = end_m.start() if end_m else len(rest)
    phrase = rest[:end].strip()
    toks = tokenize(phrase)
    if not toks or len(toks) > 18:
        return None
    words = [t for t in toks if t.is_word]
    if not words or (words[0].low in STOPWORDS and words[0].low not in {"a", "an", "the", "also"}):
        return None
    if re.match(r"(?:you|we|they|i|he|she|it)(?:['’]\w+)?$", words[0].low):
        return None  # "Taylor Hackford, you're my director of the year": words to him, no title
    first = 1 if words[0].low in {"a", "an", "the", "also"} else 0
    # "Jim Sciutto, Nimet Kirac": another name, not a title; but "U.S. ambassador" is fine
    if (
        words[first : first + 1]
        and words[first].is_cap
        and not _head_word(words[first], False)
        and words[first].low not in NATIONALITY
        and words[first].low not in {"former", "acting", "deputy"}
        and not any(_head_word(w, False) for w in words[first : first + 4])
    ):
        return None
    # after the title's head an "-ing" word is part of what it heads ("chief of the budget financing
    # division", "head of group marketing"); before it, it opens a clause ("X, speaking in Paris")
    first_head = next((i for i, w in enumerate(words) if _head_word(w, False)), len(words))
    if any(
        w.low in SPEECH_VERBS
        or w.low in {"is", "was", "are", "were", "will", "has", "had", "have"} | _BEFORE_A_VERB
        or (
            not w.is_cap
            and w.low not in TITLE_MODIFIERS
            and (w.low.endswith("ed") or (i < first_head and w.low.endswith("ing")))
        )
        for i, w in enumerate(words)
    ):
        return None
    if not any(_head_word(w, False) for w in words[: first + 4]):
        return None
    # "Russian President Vladimir Putin, China's President Xi Jinping": a second titled name, not a title
    last_head = max(i for i, w in enumerate(words) if _head_word(w, False) or w.low in HONORIFICS_KEPT)
    tail = words[last_head + 1 :]
    # "… Defense Secretary Caspar Weinberger and leaders of …" goes on past the name: still one
    if tail and all(w.is_cap and w.low not in ORG_WORDS and w.low not in NATIONALITY for w in tail[:2]):
        return None
    if words[0].low in {"a", "an"}:
        phrase = phrase[len(words[0].text) :].strip()
    return phrase.rstrip(" ,;"), body_start + end


def _relative_title(sentence: str, pos: int) -> str | None:
    """Title from a relative clause: ", who will be the head coach", ", who heads the X delegation"."""
    rest = sentence[pos:]
    m = re.match(
        r"\s*,?\s*who\s+(?:heads|leads|chairs|will head|will lead)\s+(the\s+[^,;.]{2,60}?)(?=[,;.]|$)", rest
    )
    if m:
        return "head of " + m.group(1)
    m = re.match(
        r"\s*,?\s*who\s+(?:is|was|will be|has been|becomes|became)\s+(?:now\s+|also\s+)?"
        # "who was also Bombardier's president", "who is now Veritas' deputy leader"
        r"(?:the|a|an|(?=[A-Z][\w.&]*(?:['’]s|s['’])\s))\s*([^,;.]{2,50}?)(?=[,;.]|$)",
        rest,
    )
    if m:
        toks = tokenize(m.group(1))
        owned = {"'s", "’s", "'", "’"}  # "Bombardier's president", "Veritas' deputy leader"
        if (
            toks
            and _head_word(toks[-1], False)
            and all(_nounish(t) or t.is_cap or t.low in owned for t in toks)
        ):
            return m.group(1)
    return None


def _org_in(text: str | None) -> str | None:
    """The organisation named in a title ("Department of Homeland Security", "CNN", "State Department")."""
    if not text:
        return None
    toks = tokenize(text)
    best: str | None = None
    for i, j in find_runs(toks):
        part = toks[i:j]
        org_at = max((n for n, t in enumerate(part) if t.low in ORG_WORDS), default=-1)
        complement = any(t.low in {"of", "for"} for t in part[org_at + 1 :]) if org_at >= 0 else False
        # "Russian Space Agency General Director" -> the agency; "Department of Criminal Justice" stays
        while part and not complement and (part[-1].low in TITLE_HEADS or part[-1].low in {"of", "for"}):
            part = part[:-1]
        while part and (part[0].low in TITLE_HEADS or part[0].low in {"of", "for", "the"}):
            part = part[1:]
        if not part or (len(part) == 1 and part[0].low in TITLE_COMPLEMENTS):
            continue
        first_org = next((n for n, t in enumerate(part) if t.low in ORG_WORDS), len(part))
        if any(t.low in TITLE_HEADS for t in part[:first_org]):
            continue  # "U.S. Secretary of State" is a title
        cand = text[part[0].start : part[-1].end]
        is_org = any(t.low in ORG_WORDS for t in part) or (
            len(part) == 1 and re.fullmatch(r"[A-Z]{2,6}", part[0].text) and part[0].low not in NATIONALITY
        )
        if is_org and (best is None or len(cand) > len(best)):
            best = cand
    return best


_DESCRIBING_COMPOUND = re.compile(r"[A-Z][a-z]*(?:-[a-z]+)*-[a-z]{3,}")


_GIVEN_NAME_WORDS = frozenset(["will", "may"])


def _strip_sentence_initial(toks: list[Tok], i: int, j: int, lower_vocab: set[str]) -> int:
    """Drop a capitalised common word starting a sentence ("Negotiators", "Many") from a run, and a
    compound whose tail is lower case ("Oscar-nominated Owen", "Owner-breeder Ann Cole"): a name's
    hyphenated parts are capitalised ("Kilroy-Silk")."""
    while i < j:
        t = toks[i]
        at_start = i == 0 or toks[i - 1].text in {'"', "“", "‘", "'", "(", "-", "—", "–", "•", ":"}
        low = t.low
        # "among them Will Smith": a first name that is also a word, capitalised inside a sentence
        given = not at_start and low in _GIVEN_NAME_WORDS and i + 1 < j
        if (
            (low in STOPWORDS and t.text not in {"Mr", "Ms", "Mrs", "Dr"} and not given)
            or (at_start and low in lower_vocab and low not in TITLE_HEADS and low not in TITLE_MODIFIERS)
            or (i + 1 < j and _DESCRIBING_COMPOUND.fullmatch(t.text))
        ):
            i += 1
        else:
            break
    return i


# a compound that makes a name describe something: "Janet Jackson-style", "Blair-led", "Paris-based"
_DESCRIBING_SUFFIX = re.compile(
    r"-(?:style|led|based|born|backed|owned|era|like|inspired|linked|funded|run|made|controlled|held"
    r"|dominated|sized|esque|type)$"
)


def _non_person_tokens(tokens: Iterable[str]) -> bool:
    toks = [t.lower() for t in tokens]
    if any(t in ORG_WORDS for t in toks):
        return True
    if any(re.search(r"\d", t) for t in toks):
        return True
    if all(is_place_name(t) or t in MONTHS or t in DAYS for t in toks):
        return True
    if toks and toks[-1] in PARTY_WORDS:  # "Indiana Republican", "Democratic": a party, not a name
        return True
    if len(toks) > 1 and toks[0] in {"new", "air"}:  # "New Brunswick", "New Order", "Air Sahara"
        return True
    if len(toks) > 1 and toks[0] in {"st", "st.", "saint"}:  # "St Egwin's", "Saint Mary's": a church
        return True
    if toks and _DESCRIBING_SUFFIX.search(toks[-1]):  # "a Janet Jackson-style stunt", "Saudi-led"
        return True
    return is_place_name(" ".join(toks))


# organisation words that are also common surnames
_SURNAME_ORG_WORDS = frozenset(
    word_list("west east north south day church castle bay deal house lake street")
)


def _surname_like_org_word(bare: Sequence[str], lower_vocab: set[str]) -> bool:
    """Two words, of which only the second is an organisation's word that is also a surname ("West",
    "Day", "Church"), and the first is no word the story writes in lower case, no place, people or
    organisation's word, and no title's."""
    if len(bare) != 2:
        return False
    first, last = bare[0].lower(), bare[1].lower()
    return (
        bare[0][:1].isupper()
        and last in _SURNAME_ORG_WORDS
        and not _non_person_tokens([first])
        and first not in lower_vocab
        and first not in TITLE_HEADS
        and first.isalpha()
    )


def has_title_head(title: str | None) -> bool:
    return bool(title) and any(
        _head_word(t, False) or t.low in HONORIFICS_KEPT for t in tokenize(title or "")
    )


# ambiguous heads (also surnames) that are an office before a first name and surname
_OFFICES_BEFORE_FULL_NAMES = frozenset(["judge", "justice", "bishop", "marshal", "sheriff"])


def _split_title(run: list[Tok]) -> int:
    """Index where the name starts in a run: after the last title head or dropped honorific."""
    split = 0
    for k in range(len(run) - 1):
        low = run[k].low.rstrip(".")
        nxt = run[k + 1].low
        if k > 0 and run[k - 1].low in NAME_PARTICLES:
            continue  # "Zaid bin Sultan": the father's name, not a title
        if (
            low in HONORIFICS_DROPPED
            or low in _PLURAL_TITLES
            or (_head_word(run[k], True) and nxt not in {"of", "for"} | NAME_SUFFIXES)
        ):
            split = k + 1
        elif low in _OFFICES_BEFORE_FULL_NAMES and k + 2 < len(run) and run[k + 1].is_cap:
            split = k + 1  # "Chief Judge Mary Schroeder", "Bishop Jack Moyer": not "Igor Judge"
        elif low == "crown" and nxt in {"prince", "princess"} and k + 2 < len(run):
            split = k + 2  # "Crown Prince Abdullah" is "Prince Abdullah", whom the story calls so later
        elif _head_word(run[k], True) and nxt in {"of", "for"}:
            rest = run[k + 2 :]
            # "Secretary of State John Kerry": the name is the last two tokens ("Louw de Graaf" three);
            # "Governor of the Bank of England" names no one
            if len(rest) >= 3:
                take = 3 if len(rest) >= 4 and re.fullmatch(r"[^\W\d_]\.", rest[-2].text) else 2
                if rest[-take].low in NAME_PARTICLES and len(rest) > take:
                    take += 1
                if all(t.is_cap or t.low in NAME_PARTICLES for t in rest[-take:]) and rest[-take].is_cap:
                    return len(run) - take
            return len(run)
    return split


def _plural_title(in_front: list[Tok], start: int, shared: tuple[int, str] | None) -> str | None:
    """The title in the singular of a name after a plural one ("Princes William and Harry": "Prince"), or
    of the name after "and" that shares it (`shared`: where that name starts, and the title)."""
    plural = next((t.low.rstrip(".") for t in in_front if t.low.rstrip(".") in _PLURAL_TITLES), None)
    if plural is not None:
        return _PLURAL_TITLES[plural]
    return shared[1] if shared is not None and shared[0] == start else None


def _shared_title(sentence: str, end: int, title: str | None) -> tuple[int, str] | None:
    """Where the next name starts when "and" joins it to a name a plural title opened."""
    if title is None:
        return None
    coordinated = re.match(r",?\s+and\s+(?=[A-Z])", sentence[end:])
    return (end + coordinated.end(), title) if coordinated else None


def mentions_in(
    sentence: str,
    sent_index: int,
    lower_vocab: set[str],
    recased: bool = False,
    groups: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Candidate person mentions in one sentence, decided by rules where they can be. `groups`: the
    story's plural names of groups (`group_names`)."""
    toks = tokenize(sentence)
    out: list[Mention] = []
    covered = -1  # end of the last mention's apposition: runs inside it are titles, not people
    shared: tuple[int, str] | None = None  # where the second name of "Princes William and Harry" starts
    for i0, j in find_runs(toks):
        if toks[i0].start < covered:
            continue
        i = _strip_sentence_initial(toks, i0, j, lower_vocab)
        if i >= j:
            continue
        run = toks[i:j]
        split = _split_title(run)
        if split >= len(run):
            continue
        split = _skip_descriptors(run, split)
        name_toks = run[split:]
        honorific = any(t.low.rstrip(".") in HONORIFICS_DROPPED for t in run[:split])
        if split > 0 and run[split - 1].low in HONORIFICS_KEPT:  # "Prince Charles", "Sir Clive Woodward"
            name_toks = run[split - 1 :]
        if name_toks[0].low in HONORIFICS_KEPT:
            if len(name_toks) == 1 or name_toks[1].low in {"of", "for"}:
                continue  # "Prince of Wales" is a title
            honorific = True
        name_toks = name_toks[: _name_end(name_toks, lower_vocab)]
        if not name_toks or all(t.low.rstrip(".") in TITLE_HEADS | TITLE_MODIFIERS for t in name_toks):
            continue
        start, end = name_toks[0].start, name_toks[-1].end  # the mention spans "Ruth Kelly MP" …
        if len(name_toks) > 2 and name_toks[-1].low in POST_NOMINALS:
            name_toks = name_toks[:-1]  # … and names Ruth Kelly
        words = tuple(t.text for t in name_toks)
        plural = _plural_title(run[:split], start, shared)
        if plural is not None and plural.lower() in HONORIFICS_KEPT:
            words, honorific = (plural, *words), True  # "Prince William", "Prince Harry"
        m = Mention(sent=sent_index, start=start, end=end, tokens=words, honorific=honorific)
        _set_title(m, toks, name_toks[0], run[:split], sentence)
        if plural is not None:
            m.title = plural
        shared = _shared_title(sentence, end, plural)
        ap = _apposition(sentence, end, words)
        if ap is not None:
            m.appos, m.appos_end = ap
            covered = ap[1]
        rel = _relative_title(sentence, end if m.appos_end is None else m.appos_end)
        if rel:
            m.extra["relative"] = rel
        m.organization = _org_in(m.appos) or _org_in(m.title) or _org_after(sentence, end)
        _decide_person(m, sentence, lower_vocab, recased=recased, relative=bool(rel), groups=groups)
        _after_the(m, sentence)
        out.append(m)
    return out


def _after_the(m: Mention, sentence: str) -> None:
    """One word after "the" names a thing, no one ("the Bill", "the Mercury"); "the Obama administration"
    still says Obama's name, which counts for his recurring (people._merge)."""
    if len(m.tokens) == 1 and not m.vouched and re.search(r"\b[Tt]he\s+$", sentence[: m.start]):
        m.person = False
        if _LEADERS_BODY.match(sentence[m.end :]):
            m.extra["leader_named"] = "1"


_GROUP_NAME = re.compile(
    r"\b[Tt]he\s+([A-Z][a-z]+s)\b(?!['’])"
    # two words only as a plural subject ("the Lib Dems say"), not "the Serena Williams match"
    r"|\b[Tt]he\s+([A-Z][a-z]+\s+[A-Z][a-z]+s)\s+(?:are|were|have|had|say|said|will|would|want|called|do|did)\b"
)


def group_names(text: str) -> frozenset[str]:
    """Capitalised plurals the story puts "the" before: "the Houthis", "the Beatles", "the Lib Dems say".
    Alone, such a name is a group, not a person ("the Williams sisters" keeps "Serena Williams")."""
    return frozenset(one or two for one, two in _GROUP_NAME.findall(text))


def _set_title(m: Mention, toks: list[Tok], first: Tok, in_front: list[Tok], sentence: str) -> None:
    """The title before the name `first` opens ("Secretary of State John Kerry", "his counterpart,
    Ariel Sharon"); else the words in front of it in its run ("Ms." is masked with the name); else a
    kept honorific ("Prince")."""
    k = toks.index(first)
    tb = _title_before(toks, k, sentence)
    if tb is None and k >= 2 and toks[k - 1].text == ",":
        tb = _title_before_comma(toks, k - 1, sentence)
    if tb is not None:
        m.title, m.title_start = tb
    else:
        prefix = [t for t in in_front if t.low not in DAYS and t.low not in MONTHS and t.start < m.start]
        if prefix:
            m.title_start = prefix[0].start  # mask "Ms." with the name
            if prefix[-1].low.rstrip(".") not in HONORIFICS_DROPPED:
                # "Saudi Crown Prince Abdullah": the kept "Prince" ends the title too
                end = first.end if prefix[-1].low == "crown" else prefix[-1].end
                m.title = sentence[prefix[0].start : end]
    if m.title is None and first.low in HONORIFICS_KEPT and first.low not in {"sir", "dame"}:
        m.title = first.text  # "Prince Charles" is a prince; "Sir Clive Woodward" holds no office by it


def _skip_descriptors(run: list[Tok], split: int) -> int:
    """Where the name starts once the words in front that describe it are skipped."""
    # "On Wednesday Tony Blair": a day or month in front is not part of the name
    while split < len(run) - 1 and (run[split].low in DAYS or run[split].low in MONTHS):
        split += 1
    # "New Zealander Graham Henry", "U.S. Dlrs": a nationality in front describes, it is not the name
    for n in (2, 1):
        lead_words = " ".join(t.low for t in run[split : split + n])
        if split + n < len(run) and (lead_words in NATIONALITY or lead_words in PARTY_WORDS):
            # not the start of a place's name: "Saudi" of "Saudi Arabia's deputy prime minister"
            place = " ".join(t.low for t in run[split : split + n + 1]).removesuffix("'s").removesuffix("’s")
            if is_place_name(place):
                return split
            split += n
            # "Liberal Democrat David Laws", "Scottish Labour MP …": a party's name has more words
            while split < len(run) - 1 and run[split].low in PARTY_WORDS:
                split += 1
            return split
    return split


_PRONOUN = re.compile(r"i|i['’](?:m|ve|ll|d)")


def _name_end(name_toks: list[Tok], lower_vocab: set[str]) -> int:
    """How many tokens the name has: "Dr. Shea Steps Down" stops at an ordinary word, "James Baker
    Monday" at a day, "Greenspan I'm" at a pronoun."""
    return next(
        (
            n
            for n in range(1, len(name_toks))
            if name_toks[n].low in {"of", "for"}
            or name_toks[n].low in DAYS
            or _PRONOUN.fullmatch(name_toks[n].low)
            or (
                name_toks[n].low not in NAME_PARTICLES
                and (name_toks[n].low in STOPWORDS or name_toks[n].low in lower_vocab)
                and not _word_surname(name_toks, n)
            )
        ),
        len(name_toks),
    )


def _word_surname(name_toks: list[Tok], n: int) -> bool:
    """A surname that is also a word, after a first name it ends the run with: "Tom May", "Shay Given",
    "Turi King" (not "Shea Steps Down", "Gordon Brown says")."""
    return (
        n == 1
        and len(name_toks) == 2
        and name_toks[1].low in WORD_SURNAMES
        and name_toks[0].low not in STOPWORDS
        and not is_place_name(name_toks[0].low)
    )


def _title_before_comma(toks: list[Tok], comma: int, sentence: str) -> tuple[str, int] | None:
    """The title before a comma in front of the name, with its determiner: "his Israeli counterpart,
    Ariel Sharon"; "The delegation's leader, Vincent Siew". None when no determiner opens it or it
    names a relation ("his brother,")."""
    prev = _title_before(toks, comma, sentence)
    if prev is None:
        return None
    before = sentence[: prev[1]].rstrip()
    det = re.search(r"(?:\b(?:the|his|her|their|its|a|an)|['’]s)$", before, re.IGNORECASE)
    prev_words = tokenize(prev[0])
    if prev_words and prev_words[-1].low in RELATIONS:
        return None
    if det is None:
        # an owner opens it: "PwC's global chief executive, Samuel DiPiazza", "Putin's spokesman, …"
        if not (len(prev_words) > 2 and prev_words[1].low in {"'s", "’s"}):
            return None
        return prev
    start = det.start() if det.group().lower() not in {"'s", "’s"} else prev[1]
    title = sentence[start : toks[comma].start].strip()
    # keep the determiner out of the title
    return re.sub(r"^(?:the|his|her|their|its|a|an)\s+", "", title, flags=re.IGNORECASE), start


def _org_after(sentence: str, end: int) -> str | None:
    """An organisation named right after the name: "… from the Acme Corporation"."""
    om = re.match(r"\s+(?:from|of)\s+(?:the\s+)?((?:[A-Z][\w'’\-]*\s?){1,5})", sentence[end:])
    if om and any(w.lower().strip("'’") in ORG_WORDS for w in om.group(1).split()):
        return om.group(1).strip()
    return None


def _decide_person(
    m: Mention,
    sentence: str,
    lower_vocab: set[str],
    *,
    recased: bool,
    relative: bool,
    groups: frozenset[str] = frozenset(),
) -> None:
    """Set `m.person` where a rule decides it; otherwise leave it undecided for the scorer."""
    words = m.tokens
    bare = [w for w in words if w.lower() not in HONORIFICS_KEPT]
    honorific = m.honorific
    # "Kanye West", "Doris Day": a surname that is also an organisation's word, after a first name that
    # is none; a title makes it a person's ("singer Kanye West"), where "Iran Deal" stays no one's
    surname_like = _surname_like_org_word(bare, lower_vocab)
    if len(bare) >= 2 and bare[-1].lower() in _PLACE_ENDINGS:
        m.person = False  # "Prince Edward Island", "King George Hospital": a title names the place
    elif _non_person_tokens(bare) and not (has_title_head(m.title) or honorific):
        if not surname_like:  # "Kanye West said" is left to the model ("White House said" is no one)
            m.person = False
    elif len(bare) == 1 and bare[0].isupper() and len(bare[0]) > 1 and not recased:
        m.person = False  # an acronym (CNN, SRT)
    elif len(bare) == 1 and bare[0].lower().removesuffix("s") in _AWARDS:
        m.person = False  # "won an Oscar", "the Baftas": an award ("Oscar Wilde" has two words)
    elif len(bare) == 1 and bare[0].lower() in lower_vocab and not honorific:
        m.person = False  # "General Election", "General People's Congress": the story writes it lower case
    elif " ".join(bare) in groups and not m.vouched:
        m.person = False  # "Houthis", "Lib Dems": the story says "the Houthis", a group's name
    elif _STORM.match(" ".join(words)) or _STORMS_BEFORE.search(sentence[: m.start]):
        m.person = False  # "Hurricane Isaac", "Hurricanes Katrina, Rita and Isaac": storms, not people
    elif _names_a_feature(sentence, m) and not (honorific or has_title_head(m.title)):
        m.person = False  # "the Bab al-Mandab strait": the name of a place's feature, not of a person
    elif len(bare) == 1 and (m.title or "").lower() in _RANKS_IN_NAMES and not (m.appos or relative):
        m.extra["rank"] = m.title or ""  # "General Motors", "General Election" or "General Petraeus":
        return  # the model reads which
    elif m.vouched or relative:
        # an organisation's word inside a titled name is a middle name: "Justice Sandra Day O'Connor"
        middle = len(bare) >= 3 and not _non_person_tokens([bare[0], bare[-1]])
        m.person = not _non_person_tokens(bare) or surname_like or honorific or middle
    elif len(words) == 1 and (words[0].lower() in lower_vocab or words[0].lower() in TITLE_HEADS):
        m.person = False
    else:
        speech = re.match(r"(?:['’]s\s+)?(\w+)", sentence[m.end :].lstrip())
        if len(words) >= 2 and speech and speech.group(1).lower() in SPEECH_VERBS and not recased:
            m.person = True


# the last word of a place's or a building's name, whoever else it names
_PLACE_ENDINGS = frozenset(
    word_list(
        """
        island islands county city river sea ocean valley peninsula coast airport station stadium arena
        road avenue square hospital bridge
        """
    )
)
_STORM_WORDS = r"(?:Hurricanes?|Typhoons?|Cyclones?|Superstorm|(?:Tropical\s+)?Storms?)"
_STORM = re.compile(_STORM_WORDS + r"\s")
_STORMS_BEFORE = re.compile(r"\b" + _STORM_WORDS + r"\s+(?:[A-Z][\w-]*,?\s+)*(?:and\s+|or\s+)?$")

# a title in the plural before two names: "Princes William and Harry", "Presidents Bush and Obama"
_PLURAL_TITLES = {
    "princes": "Prince",
    "princesses": "Princess",
    "presidents": "President",
    "senators": "Senator",
    "sens": "Sen.",
    "reps": "Rep.",
    "governors": "Governor",
    "govs": "Gov.",
    "generals": "General",
    "gens": "Gen.",
    "ministers": "Minister",
    "kings": "King",
    "queens": "Queen",
    "lords": "Lord",
    "judges": "Judge",
}
# awards said by one word, which a first name may share
_AWARDS = frozenset(["oscar", "bafta", "grammy", "emmy"])
# ranks that also open the names of firms and events ("General Electric", "General Election", "Major League")
_RANKS_IN_NAMES = frozenset(["general", "major"])

# what "the NAME ..." can name besides a person: a place's natural or built feature
_FEATURE_NOUNS = frozenset(
    word_list(
        """
        strait straits river sea gulf canal valley peninsula island islands mountains desert airport lake
        bay coast basin province region dam bridge base
        """
    )
)


def _names_a_feature(sentence: str, m: Mention) -> bool:
    """ "the Bab al-Mandab strait", "the Hudson river", "the rebel-held Tal Kara air base": "the" (and a
    describing compound), the name, then a lower-case feature noun (after one other word)."""
    after = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?\b", sentence[m.end :])
    before = re.search(r"\bthe\s+(?:\w+-[a-z]+\s+)?$", sentence[max(0, m.start - 40) : m.start], re.I)
    return bool(after and before and {after.group(1), after.group(2)} & _FEATURE_NOUNS)


def name_key(tokens: Iterable[str]) -> tuple[str, ...]:
    """Tokens that identify a person, without honorifics and suffixes ("Mr. Biden" -> ("biden",))."""
    return tuple(
        fold(t)
        for t in tokens
        if fold(t) not in HONORIFICS_DROPPED
        and fold(t) not in NAME_SUFFIXES
        and fold(t) not in HONORIFICS_KEPT
    ) or tuple(fold(t) for t in tokens)


def display_name(tokens: Iterable[str]) -> str:
    toks = [t for t in tokens if fold(t) not in HONORIFICS_DROPPED]
    return " ".join(toks)
