"""Reading a person's title in a sentence: the title words before a name ("U.S. Secretary of State John
Kerry", "his Israeli counterpart, Ariel Sharon"), a title apposition after it ("Rich Verma, deputy
secretary of state") and a relative clause ("…, who heads the delegation"). summarizer/names.py finds the
names and splits their runs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from summarizer.lexicon import (
    DEMONYMS,
    HONORIFICS_DROPPED,
    HONORIFICS_KEPT,
    NATIONALITY,
    ORG_WORDS,
    PORTFOLIO_WORDS,
    RELATIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_ABBREVIATIONS,
    TITLE_COMPLEMENTS,
    TITLE_HEADS,
    word_list,
)
from summarizer.name_tokens import POSSESSIVE_TOKENS, Tok, tokenize

# Capitalised title heads that are also common given names or surnames: not split off a run.
_AMBIGUOUS_HEADS = frozenset(
    word_list(
        """
        dean host star partner member principal author writer player teacher sister brother father major
        king prince bishop judge justice marshal rich driver rider fellow pilot banker agent warden chef
        anchor buyer singer
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
        majority minority prime
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


def _nounish(t: Tok) -> bool:
    low = t.low
    if low in TITLE_HEADS or low in TITLE_MODIFIERS:
        return True
    if not t.is_word or low in STOPWORDS or len(low) < 3:
        return False
    return not (low.endswith(("ed", "ing", "ly")) or low in SPEECH_VERBS)


def head_word(t: Tok, in_run: bool) -> bool:
    """Whether `t` heads a title ("secretary", "co-chairman", "epidemiologist"); inside a capitalised run
    (`in_run`) not a head that is also a name ("Dean", "Rich")."""
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
    return t.low in TITLE_MODIFIERS or head_word(t, False)


def has_title_head(title: str | None) -> bool:
    return bool(title) and any(head_word(t, False) or t.low in HONORIFICS_KEPT for t in tokenize(title or ""))


_SUBJECT_PRONOUNS = frozenset(word_list("i you he she it we they who"))
_BEFORE_A_VERB = frozenset(word_list("will would could can should may might must shall"))
# past tenses that end in no "-ed": an apposition that holds one is a clause ("Gateshead, the prime
# minister took questions"), not a title ("left" is not among them: "a left winger")
_IRREGULAR_PAST = frozenset(
    word_list(
        "took made gave went came saw met held won lost spent sent began brought bought thought kept "
        "found paid got ran wrote spoke became fell rose struck sold stood sat knew grew drew broke chose"
    )
)
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
        return 1 if head_word(toks[j - 1], False) or _names_a_body(toks, j, k) else None
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
        and (toks[k].text == "," or head_word(toks[k - 1], False))
        and j > 1
        and toks[j - 1].low in {"of", "for"}
        and head_word(toks[j - 2], False)
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
        and not any(head_word(t, False) for t in toks[of + 1 : k - 1])
        and not (of + 1 == k - 1 and head_word(after, False))  # "the government of President X"
    )


def _is_demonym(t: Tok) -> bool:
    return t.low in DEMONYMS


def _lower_modifier(toks: list[Tok], j: int, k: int) -> bool:
    """A lower-case word before a lower-case one in a title ("chief debt negotiator") or an acronym that
    heads it ("radio DJ"), and no verb."""
    nxt = toks[j + 1] if j + 1 < k else None
    return (
        nxt is not None
        and (not nxt.is_cap or (nxt.text.isupper() and head_word(nxt, False)))
        and not _verb_after(toks, j)
    )


def _title_before(toks: list[Tok], k: int, sentence: str) -> tuple[str, int] | None:
    """A title phrase ending right before token k ("chief debt negotiator", "U.S. Secretary of State")."""
    if k == 0:
        return None
    if toks[k - 1].text == ")":  # "(tour manager) Bill Beaumont"
        opening = next((i for i in range(k - 2, max(k - 8, -1), -1) if toks[i].text == "("), None)
        if opening is not None and opening + 1 < k - 1 and head_word(toks[k - 2], False):
            return sentence[toks[opening + 1].start : toks[k - 2].end], toks[opening].start
        return None
    j = k - 1
    if not (
        head_word(toks[j], False) or (toks[j].is_cap and toks[j].is_word and toks[j].low not in STOPWORDS)
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
            seen_head = seen_head or head_word(t, False)
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
    if not head_word(last, False) and not _OF_COMPLEMENT.search(text):
        return None
    return text, toks[start].start


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


def title_before_name(toks: list[Tok], k: int, sentence: str) -> tuple[str, int] | None:
    """The title before the name token k opens, and where it starts: right before it ("Secretary of State
    John Kerry"), else before a comma in front of it ("his counterpart, Ariel Sharon")."""
    tb = _title_before(toks, k, sentence)
    if tb is None and k >= 2 and toks[k - 1].text == "," and not _owns_next(toks, k):
        tb = _title_before_comma(toks, k - 1, sentence)
    return tb


def _owns_next(toks: list[Tok], k: int) -> bool:
    """Whether the name opening at token k owns what follows ("…, Portsmouth's shape made life hard"): it
    opens a new clause, so the title before the comma is someone else's ("with Fuller as an out-and-out
    striker, Portsmouth's shape")."""
    j = k
    while j < len(toks) and toks[j].is_cap and toks[j].is_word:
        j += 1
    return j + 1 < len(toks) and toks[j].low in {"'s", "’s"} and toks[j + 1].text.islower()


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


def title_after_name(sentence: str, end: int, words: tuple[str, ...]) -> tuple[str, int] | None:
    """The title after the name `words` ending at `end`, and where it ends; none after one word that a
    verb, not a comma, closes it from ("Separately, a Turkish official … said": an adverb)."""
    ap = _appos_after(sentence, end)
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
        and not head_word(words[first], False)
        and words[first].low not in NATIONALITY
        and words[first].low not in {"former", "acting", "deputy"}
        and not any(_heads_apposition(words, i) for i in range(first, min(first + 4, len(words))))
    ):
        return None
    # after the title's head an "-ing" word is part of what it heads ("chief of the budget financing
    # division", "head of group marketing"); before it, it opens a clause ("X, speaking in Paris")
    first_head = next((i for i, w in enumerate(words) if head_word(w, False)), len(words))
    if any(
        w.low in SPEECH_VERBS
        or w.low in {"is", "was", "are", "were", "will", "has", "had", "have"} | _BEFORE_A_VERB
        or (w.low in _IRREGULAR_PAST and not w.is_cap)
        or (
            not w.is_cap
            and w.low not in TITLE_MODIFIERS
            and (w.low.endswith("ed") or (i < first_head and w.low.endswith("ing")))
        )
        for i, w in enumerate(words)
    ):
        return None
    if not any(_heads_phrase(words, i) for i in range(min(first + 4, len(words)))):
        return None
    # "Russian President Vladimir Putin, China's President Xi Jinping": a second titled name, not a title
    last_head = max(i for i, w in enumerate(words) if head_word(w, False) or w.low in HONORIFICS_KEPT)
    tail = words[last_head + 1 :]
    if len(tail) > 2 and tail[0].low == "of" and tail[1].low in TITLE_COMPLEMENTS:
        tail = tail[2:]  # "Zarif, U.S. Secretary of State John Kerry said": the title's "of State" first
    # "… Defense Secretary Caspar Weinberger and leaders of …" goes on past the name: still one
    if tail and all(w.is_cap and w.low not in ORG_WORDS and w.low not in NATIONALITY for w in tail[:2]):
        return None
    if _titled_name_inside(toks):
        return None
    if words[0].low in {"a", "an"}:
        phrase = phrase[len(words[0].text) :].strip()
    return _quotes_closed(phrase.rstrip(" ,;"), rest[end:]), body_start + end


def _heads_phrase(words: Sequence[Tok], i: int) -> bool:
    """Whether word i heads the phrase: a profession known by its ending only ("terrorist", "socialist")
    modifies a noun after it ("terrorist groups in Afghanistan" is no one's title)."""
    if not head_word(words[i], False):
        return False
    low = words[i].low.rstrip(".")
    known = low in TITLE_HEADS or low in ROLE_NOUNS or (low.startswith("co-") and low[3:] in TITLE_HEADS)
    after = words[i + 1] if i + 1 < len(words) else None
    return (
        known
        or after is None
        or not (after.text.isalpha() and after.text.islower() and after.low not in STOPWORDS)
    )


def _heads_apposition(words: Sequence[Tok], i: int) -> bool:
    """Whether word i heads the title an apposition gives. Capitalised after a name's first word, a head
    that is also a surname ("Singer", "Dean") is the surname, unless "of" or "for" follows it: "Howard
    Wolfson, Phil Singer and Blake Zeff" lists three people; "Jim Smith, Harvard Dean of Students" has a
    title."""
    w = words[i]
    after = words[i + 1].low if i + 1 < len(words) else ""
    return head_word(w, w.is_cap and after not in {"of", "for"})


def _quotes_closed(title: str, after: str) -> str:
    """A title cut inside a quotation: closed where the story closes it, after the comma that ended the
    title (the host of car show "Top Gear," → "Top Gear"), else cut before it (author of the new book
    "On Your Case: A Compassionate … → author of the new book)."""
    straight = title.count('"') % 2 == 1
    if not straight and title.count("“") <= title.count("”"):
        return title
    if re.match(r"[,.;]?\s*[\"”]", after):
        return title + ('"' if straight else "”")
    return title[: max(title.rfind('"'), title.rfind("“"))].rstrip(" ,;:")


def _titled_name_inside(toks: Sequence[Tok]) -> bool:
    """A title's head straight before a two-word name, not a possessive's: "Rev. Jerry Falwell,
    then-House Speaker Newt Gingrich and other detractors" lists a second titled name; "U.N.
    Secretary-General Ban Ki-moon's spokesman" and "the son of Cuban President Raul Castro" are titles."""
    for i, t in enumerate(toks[:-2]):
        if not head_word(t, False) or any(w.low == "of" for w in toks[:i]):
            continue  # "the son of Cuban President Raul Castro": the titled name is part of the title
        name = list(itertools.takewhile(_plain_name_word, toks[i + 1 :]))
        after = toks[i + 1 + len(name)] if i + 1 + len(name) < len(toks) else None
        if len(name) >= 2 and not (after is not None and after.low in POSSESSIVE_TOKENS):
            return True
    return False


def _plain_name_word(w: Tok) -> bool:
    """A capitalised word that could be a person's name: no title's head, body's word or people's."""
    return (
        w.is_cap
        and w.is_word
        and not head_word(w, False)
        and w.low not in ORG_WORDS
        and w.low not in NATIONALITY
        and w.low not in STOPWORDS
    )


def relative_title(sentence: str, pos: int) -> str | None:
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
        if (  # "Bombardier's president", "Veritas' deputy leader"
            toks
            and head_word(toks[-1], False)
            and all(_nounish(t) or t.is_cap or t.low in POSSESSIVE_TOKENS for t in toks)
        ):
            return m.group(1)
    return None
