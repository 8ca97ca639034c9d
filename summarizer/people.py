"""People, titles, organisations and delegations of one article: the engine behind `/who`.

Steps: split sentences; find capitalised runs and decide by rules which are people (summarizer/names.py;
their titles: summarizer/titles.py); ask the optional spaCy model only about runs the rules cannot decide
(summarizer/ner.py); merge each person's mentions under the fullest name; mask mentions as `@id` and read
delegations, hosts and principals from cue phrases (summarizer/delegation/). The byline author is added
with role `author` and can never be a delegate.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any

from summarizer import ner
from summarizer.analysis import Delegation, PeopleResult, Person, Role
from summarizer.article import Article
from summarizer.bodies import drop_bodies
from summarizer.delegation import Candidates, Party, PersonFacts, decide, gather
from summarizer.delegation.scorer import Scorer
from summarizer.lexicon import (
    DEMONYM_NOUNS,
    HONORIFICS_KEPT,
    NATIONALITY,
    ORG_WORDS,
    PLACE_WORDS,
    RELATIONS,
    STOPWORDS,
    TITLE_HEADS,
    is_peoples_word,
)
from summarizer.lone_names import reads_as_thing
from summarizer.missed_names import (
    people_described_as_someone,
    people_described_by_origin,
    people_listed_with_people,
)
from summarizer.name_tokens import Tok, tokenize
from summarizer.names import (
    Mention,
    display_name,
    fold,
    group_names,
    is_all_caps,
    mentions_by_sentence,
    mentions_in,
    name_key,
    recase,
)
from summarizer.text import split_sentences
from summarizer.titles import has_title_head
from summarizer.word_signals import commonness

MAX_PEOPLE = 200  # a roll-call of 500 names is reported by its first 200 people
_NAMES = r"(?P<names>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})"  # a name of two to four words
_CONTRIB = (
    re.compile(r"^By\s+(?P<names>[A-Z][^.;:!?]{2,80})$"),
    # "CNN's A, B and C also contributed to this report"
    re.compile(
        r"^(?:[A-Z][\w.&]*['’]s\s+)?(?P<names>.{3,300}?)\s+(?:also\s+)?contributed\s+(?:to\s+th|reporting)"
    ),
    re.compile(r"\b(?:Reporting|Writing|Editing|Additional reporting)\s+by\s+(?P<names>[^;.)]{3,200})"),
    # "CNN's Sugam Pokharel reported from India and CNN's Greg Botelho wrote this story"; "Journalist
    # Manesh Shrestha reported from Kathmandu": an outlet's or a journalist's name before the verb
    re.compile(
        rf"(?:^|,\s*|\band\s+)(?:[A-Z][\w.&]*['’]s\s+|[Jj]ournalist\s+){_NAMES}\s+(?:wrote|reported)\b"
    ),
    re.compile(rf"^Share your thoughts with\s+{_NAMES}\s+on\b"),  # an opinion piece's writer
)
# A sentence that is only credits: "Susan Lo and Tom Hale reported from Fall River, Massachusetts.", "CNN's
# Ann Ely reported from Moscow, and Bo Lind wrote from Atlanta.", "Ann Ely wrote the story in Atlanta.",
# "CNN's Ed Ray contributed from Ferguson." ("Tom Hale wrote from prison that …" is news)
_CREDITED = r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})"
_CREDIT = (
    rf"(?:[A-Z][\w.&]*['’]s\s+|(?i:journalists?)\s+)?(?P<names>{_CREDITED}"
    rf"(?:(?:\s*,\s*|,?\s+and\s+)(?:journalists?\s+)?{_CREDITED})*)"
    r"\s+(?:reported|wrote|contributed)(?:\s+and\s+(?:reported|wrote))?"
    r"\s+(?:(?:the|this)\s+(?:story|report)\s+)?(?:from|in)\s+[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*)*"
)
# the verb left out after the first credit: "A reported from Dhaka and B from New Delhi"
_GAPPED = (
    rf"(?:[A-Z][\w.&]*['’]s\s+)?(?P<gapped>{_CREDITED})\s+(?:from|in)\s+[A-Z][\w.'’-]*"
    r"(?:,?\s+[A-Z][\w.'’-]*)*"
)
_CREDIT_CLAUSE = re.compile(rf"{_CREDIT}|,?\s+and\s+{_GAPPED}")
# the whole sentence, clause after clause (its groups unnamed: a pattern names a group once)
_CREDIT_LINE = re.compile(
    rf"^{_CREDIT}(?:,?\s+and\s+(?:{_CREDIT}|{_GAPPED})|,\s+{_CREDIT})*\s*\.?$".replace(
        "?P<names>", ""
    ).replace("?P<gapped>", "")
)
# a link's headline the text kept before the credit line: "… as Tunisia reels from attack . CNN's …"
_LEFT_LINK = re.compile(r"\s+\.\s+(?=[A-Z])")
# what a contributor line says besides a name: "Serena Dong in Beijing", "journalist Monica Sarkar",
# "as well as journalists Li Wen"
_NOT_THE_NAME = re.compile(
    r"\s+(?:in|from|at)\s+\S.*$|^(?:as\s+well\s+as\s+)?(?i:fellow\s+)?"
    r"(?i:journalist|reporter|correspondent|photographer|producer)s?\s+"
    r"|^[A-Z][\w.&]*['’]s\s+"
)


@dataclass
class _Person:
    pid: int
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    weak: bool = False

    @property
    def name(self) -> str:
        """The fullest name the story gives, in its most used spelling ("Kilroy-Silk" over "Kilroy Silk")."""
        used = Counter(name_key(m.tokens) for m in self.mentions)
        best = max(
            self.mentions,
            key=lambda m: (
                len(_flat(name_key(m.tokens))),
                used[name_key(m.tokens)],
                len(m.tokens) - len(name_key(m.tokens)),  # "Sir Clive Woodward" over "Clive Woodward"
                -len(name_key(m.tokens)),  # "Kilroy-Silk" over "Kilroy Silk"
                -m.sent,
            ),
        )
        return display_name(best.tokens)

    @cached_property
    def title(self) -> str | None:
        """The fullest title any mention gives (read once the mentions are merged)."""
        best: tuple[int, int, str] | None = None
        for i, m in enumerate(self.mentions):
            parts = [
                p
                for p in (m.title, m.appos, m.extra.get("relative"))
                if p and not (p.lower() in HONORIFICS_KEPT and (m.appos or m.extra.get("relative")))
            ]
            parts_rank = 0 if len(parts) == 1 and parts[0].lower() in HONORIFICS_KEPT else len(parts)
            parts = [p for j, p in enumerate(parts) if p.lower() not in " ".join(parts[:j]).lower()]
            if not parts:
                continue
            cand = (parts_rank, -i, ", ".join(parts))
            if best is None or cand[:2] > best[:2]:
                best = cand
        return best[2] if best else None

    def forget_title(self) -> None:
        """Read the title again at its next use, after a rule has changed a mention's title."""
        self.__dict__.pop("title", None)

    def organization(self) -> str | None:
        return next((m.organization for m in self.mentions if m.organization), None)


@dataclass
class _Sentences:
    raw: list[str]
    text: list[str]  # recased where the wire copy is in capitals
    recased: list[bool]
    has_headline: bool = False  # the last sentence is the headline


def _sentences(article: Article) -> _Sentences:
    raw: list[str] = []
    for para in article.paragraphs:
        raw.extend(split_sentences(para))
    has_headline = (
        bool(article.headline)
        and not article.headline_derived
        and not is_all_caps(article.headline)
        and not _title_case(article.headline)
    )
    if has_headline:
        raw.append(article.headline)
    lower_vocab = {w for w in re.findall(r"\b[a-z][\w'’\-]*", article.body)}
    text, flags = [], []
    mostly_caps = sum(is_all_caps(s) for s in raw) * 2 > len(raw)
    raw = [s for s in raw if mostly_caps or not is_all_caps(s)]  # a wire headline left in the body
    for s in raw:
        if is_all_caps(s):
            text.append(recase(s, lower_vocab))
            flags.append(True)
        else:
            # an editor's brackets inside a quote split no name: "[House Speaker John] Boehner's invitation"
            text.append(_NAME_PAREN.sub(_open_name_paren, s.replace("[", " ").replace("]", " ")))
            flags.append(False)
    return _Sentences(raw, text, flags, has_headline)


# an editor's parenthesis that gives a quoted surname its first name, or title and first name: "(Luis)
# Suarez", "(Rosneft CEO Igor) Sechin"
_NAME_PAREN = re.compile(
    r"\((?P<inner>(?:[^()]*\s)?(?P<last>[A-Z][a-z'’\-]+))\)(?=\s+(?P<next>[A-Z][a-z'’\-]+))"
)


def _open_name_paren(m: re.Match[str]) -> str:
    """The parenthesis's text without its brackets (as long as before) where it ends in a first name
    alone or after a title ("(Germany) Ferrari", "(Holdings) Ltd", "(So Far) Cliff" and a name's
    "Pearson (Leicester)" keep theirs)."""
    words = m["inner"].split()
    before = m.string[: m.start()].split()
    if before and before[-1][:1].isupper():  # "Nigel Pearson (Leicester) Head-to-head": a name's affiliation
        return m[0]
    if len(words) > 1 and fold(words[-2]) not in TITLE_HEADS:
        return m[0]
    if any(
        fold(w) in PLACE_WORDS or fold(w) in ORG_WORDS or fold(w) in TITLE_HEADS
        for w in (m["last"], m["next"])
    ):
        return m[0]
    return f"  {m['inner']}"  # spaces in front: the first name and the surname stay one space apart


def _title_case(headline: str) -> bool:
    """ "Coffee Talks Failure Seen Pressuring U.S.": every word capitalised, so capitals name nothing."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", headline) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _contributors(sentence: str) -> list[str]:
    """Names in "CNN's A, B and C contributed to this report" and "Reporting by A; Editing by B"."""
    out: list[str] = []
    for part in _LEFT_LINK.split(sentence):
        credits = _CREDIT_CLAUSE.finditer(part) if _CREDIT_LINE.match(part) else iter(())
        for m in itertools.chain(*(rx.finditer(part) for rx in _CONTRIB), credits):
            listed = m.groupdict().get("names") or m.groupdict().get("gapped") or ""
            parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*", listed)
            names = (_NOT_THE_NAME.sub("", p.strip()) for p in parts)
            out.extend(n for n in names if n and n[0].isupper())
    return out


_PLACE_BEFORE = re.compile(
    r"\b(?:at|in|on|to|from|near|into|across|visit|visits|visited|visiting|attend|attends|attended|attending)"
    r"\s+(?:the\s+)?$"
)
NER_WINDOW = 5  # tokens of context either side of an undecided run; the model's own window is 4


def _decide_with_model(sents: _Sentences, mentions: list[Mention], lower_vocab: set[str]) -> None:
    """Ask the model about undecided runs only, in short windows around them, after cheaper checks."""
    known_full = {name_key(m.tokens) for m in mentions if m.person and len(m.tokens) >= 2}
    known_last = {k[-1] for k in known_full}
    counts = Counter(name_key(m.tokens) for m in mentions)
    placed = Counter(
        name_key(m.tokens)
        for m in mentions
        if len(m.tokens) == 1 and _PLACE_BEFORE.search(sents.text[m.sent][: m.start])
    )
    undecided: list[Mention] = []
    for m in mentions:
        if m.person is not None:
            continue
        key = name_key(m.tokens)
        if key in known_full or (len(key) == 1 and key[0] in known_last):
            m.person = True  # the same name is vouched for elsewhere in the article
        elif len(key) == 1 and counts[key] < 2 and "rank" not in m.extra:
            m.person = False  # a lone capitalised word said once: a place or a thing, or too little to go on
        elif len(key) == 1 and placed[key] == counts[key]:
            m.person = False  # "will visit Auschwitz", "were killed at Auschwitz": always where, never who
        else:
            undecided.append(m)
    if not undecided:
        return
    windows: list[tuple[int, int, int]] = []  # (sentence, char start, char end)
    for m in sorted(undecided, key=lambda m: (m.sent, m.start)):
        toks = tokenize(sents.text[m.sent])
        first = next(i for i, t in enumerate(toks) if t.end > m.start)
        last = max(i for i, t in enumerate(toks) if t.start < m.end)
        a = toks[max(0, first - NER_WINDOW)].start
        b = toks[min(len(toks) - 1, last + NER_WINDOW)].end
        if windows and windows[-1][0] == m.sent and windows[-1][2] >= a:
            windows[-1] = (m.sent, windows[-1][1], max(b, windows[-1][2]))
        else:
            windows.append((m.sent, a, b))
    spans = ner.entity_spans([sents.text[i][a:b] for i, a, b in windows])
    if spans is None:
        for m in undecided:  # rules only: a two-to-four word name of unfamiliar capitalised words
            before = sents.text[m.sent][: m.start]
            # a rank's one word ("General Dempsey") is a person without the model, as the title reads
            m.person = "rank" in m.extra or (
                2 <= len(m.tokens) <= 4
                and not sents.recased[m.sent]
                and all(t[:1].isupper() for t in m.tokens)
                and not re.search(r"\b(?:in|at|to|from|near|across|of)\s+(?:the\s+)?$", before)
            )
        return
    found: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for (i, a, _), ents in zip(windows, spans, strict=True):
        found[i].extend((a + x, a + y, label) for x, y, label in ents)
    _read_entities(undecided, found, sents, lower_vocab)


def _read_entities(
    undecided: list[Mention],
    found: dict[int, list[tuple[int, int, str]]],
    sents: _Sentences,
    lower_vocab: set[str],
) -> None:
    """A mention is a person's where the model's PERSON entity covers most of it (and the name is cut to
    that entity); else the label the model gave it is kept ("ORG", "GPE" …, "none")."""
    for m in undecided:
        m.person = False
        m.extra["model"] = "none"  # what the model reads the name as, when not a person's
        for a, b, label in found[m.sent]:
            overlap = min(b, m.end) - max(a, m.start)
            if overlap > 0 and overlap * 2 >= m.end - m.start:
                if label != "PERSON":
                    m.extra["model"] = label
                    continue
                m.person = True
                _trim_to_span(m, sents.text[m.sent], a, lower_vocab)
                break


def _trim_to_span(m: Mention, sentence: str, start: int, lower_vocab: set[str]) -> None:
    """Where the model's name starts inside the run after words that describe the person ("Teammate
    Viktor Troicki", "Writer Dudley Nichols", "Dutchman Peter Wessels"), the name is the model's. Only
    describing words go: a word the story writes in lower case, a title's, a people's, or an English
    word opening the sentence; "Zorvan Elias Mott Keller" keeps a first name the model left out."""
    if start <= m.start:
        return
    toks = tokenize(sentence)
    words = _words_of(m, toks)
    if words is None:
        return
    keep = [i for i, t in enumerate(words) if t.start >= start]
    if len(keep) < 2 or words[keep[0]].start != start:
        return
    before = [t for t in toks if t.end <= m.start]
    opens = not before or not before[-1].is_word
    if not all(
        _describes(t.text, lower_vocab)
        or has_title_head(t.text)
        or (t.text.isupper() and len(t.text) > 1)  # "DJ John Peel", "MSP Mark Ballard"
        or (opens and k == 0 and commonness(t.text) >= 3)
        for k, t in enumerate(words[: keep[0]])
    ):
        return
    described = sentence[m.start : start].strip()
    if m.title is None and has_title_head(described):  # "Writer Dudley Nichols"
        m.title, m.title_start = described, m.start
    m.tokens, m.start = m.tokens[keep[0] :], start


def _merge(mentions: list[Mention], also_said: Counter[tuple[str, ...]] | None = None) -> list[_Person]:
    """Mentions grouped into people, each under its fullest name. `also_said`: how often a name is said
    besides as a person's ("the Obama administration"), which counts for a lone word's recurring."""
    people: list[_Person] = []
    by_key: dict[tuple[str, ...], _Person] = {}
    multi = sorted(
        (m for m in mentions if len(name_key(m.tokens)) >= 2),
        key=lambda m: (-len(name_key(m.tokens)), _initialled(name_key(m.tokens))),
    )
    single = [m for m in mentions if len(name_key(m.tokens)) < 2]
    for m in multi:
        key = name_key(m.tokens)
        person = by_key.get(key) or next((p for p in people if _flat(p.key) == _flat(key)), None)
        if person is None:  # "López Obrador" within "Andrés Manuel López Obrador"; "Sinama Pongolle"
            flat = _flat(key)
            person = next((p for p in people if _flat(p.key)[-len(flat) :] == flat), None)
        if person is None and len(key) == 2:  # "Victor Barnard" of "Victor Arden Barnard" (of one only:
            fuller = [p for p in people if len(p.key) >= 3 and (p.key[0], p.key[-1]) == key]
            person = fuller[0] if len(fuller) == 1 else None  # "George Bush" beside H.W. and W. is either)
        if person is None and _initialled(key):  # "M Cueto" of a team sheet is Mark Cueto
            person = next(
                (p for p in people if p.key[-1] == key[-1] and p.key[0][:1] == key[0][:1]),
                None,
            )
        if person is None:
            person = _Person(pid=len(people), key=key)
            people.append(person)
            by_key[key] = person
        person.mentions.append(m)
    for m in sorted(single, key=lambda m: (m.sent, m.start)):
        key = name_key(m.tokens)
        if not key:
            continue
        word = key[-1]
        cands = [p for p in people if len(p.key) >= 2 and _surname_of(p, word)]
        if not cands:
            cands = [p for p in people if len(p.key) >= 2 and p.key[0] == word]
        if not cands:
            cands = [p for p in people if p.key == key]
        if len(cands) > 1 and m.title:  # "President Obama" is the Obama once called President, not Sasha
            cands = [p for p in cands if _same_title(p, m.title)] or cands
        if cands:
            prior = [p for p in cands if any((x.sent, x.start) < (m.sent, m.start) for x in p.mentions)]
            pick = prior or cands
            person = max(pick, key=lambda p: max((x.sent, x.start) for x in p.mentions)) if prior else pick[0]
            person.mentions.append(m)
            continue
        if not m.person:
            continue
        person = _Person(pid=len(people), key=key, weak=not m.vouched)
        people.append(person)
        by_key[key] = person
        person.mentions.append(m)
    # a lone capitalised word nothing vouched for ("Futures", "Nature") must recur to count
    also_said = also_said or Counter()
    kept = [p for p in people if not (p.weak and len(p.mentions) + also_said[p.key] < 2)]
    for i, p in enumerate(kept):
        p.pid = i
    return kept


# between a name and another name for the same person: "Mahmoud Abbas, also known as Abu Mazen", "Jay-Z,
# real name Shawn Carter", "Paul Hewson, better known as Bono"
_ALIAS_BETWEEN = re.compile(
    r"\s*[,(]?\s*(?:also\s+known\s+as|better\s+known\s+as|aka|a\.k\.a\.|(?:whose\s+)?real\s+name(?:\s+is)?|"
    r"born)\s+$"
)


def _join_aliases(sentences: Sequence[str], mentions: list[Mention]) -> None:
    """A second name the story gives someone is theirs: its mentions take the first name's words."""
    renamed: dict[tuple[str, ...], tuple[str, ...]] = {}
    for i, ms in mentions_by_sentence(mentions).items():
        for a, b in pairwise(ms):
            if a.person is not False and _ALIAS_BETWEEN.fullmatch(sentences[i][a.end : b.start]):
                renamed[name_key(b.tokens)] = a.tokens
    for m in mentions:
        words = renamed.get(name_key(m.tokens))
        if words is not None and name_key(words) != name_key(m.tokens):
            m.tokens = words
            m.person = m.person if m.person is not None else True


# a sentence that opens on someone's office, not their name: "The foreign secretary said …"
_OFFICE_OPENS = re.compile(
    r"^[\"“‘]?(?:(?:But|And|However|Yet),?\s+)?[Tt]he\s+((?:[a-z][\w-]*\s+){0,3}?([a-z][\w-]*))\s+"
    r"(?:said|says|told|tells|added|has|had|was|is|will|would|also|insisted|argued|warned|denied|admitted)\b"
)


def _titles_said_next(sentences: Sequence[str], people: list[_Person]) -> None:
    """ "Jack Straw has attacked the Lords. The foreign secretary said …": the office a sentence opens on
    is the title of the one person the sentence before names, when nothing else titles them."""
    by_sentence = mentions_by_sentence(m for p in people for m in p.mentions)
    named = {i: {m.pid for m in ms} for i, ms in by_sentence.items()}
    by_pid = {p.pid: p for p in people}
    for i in range(1, len(sentences)):
        office = _OFFICE_OPENS.match(sentences[i])
        if not office or named.get(i) or len(named.get(i - 1, ())) != 1:
            continue
        person = by_pid[next(iter(named[i - 1]))]
        word = office.group(2)
        if has_title_head(word) and word not in RELATIONS and person.title is None:
            first = min(person.mentions, key=lambda m: (m.sent, m.start))
            first.extra["relative"] = office.group(1)
            person.forget_title()


def _titles_from_the_body(people: list[_Person], headline_at: int | None) -> None:
    """A headline's words before a name are its news, not a title ("Grammys honour soul star Charles"):
    a person the body names takes titles from the body only."""
    if headline_at is None:
        return
    for p in people:
        if any(m.sent != headline_at for m in p.mentions):
            for m in p.mentions:
                if m.sent == headline_at:
                    m.title = m.appos = None
            p.forget_title()


def _flat(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with its hyphens read as spaces: "Kilroy-Silk" is "Kilroy Silk"."""
    return tuple(part for word in key for part in word.split("-") if part)


def _same_title(person: _Person, title: str) -> bool:
    """Whether one of the person's mentions has a title with the same head word ("President" of "U.S.
    President")."""
    head = fold(title.split()[-1])
    return any(x.title and fold(x.title.split()[-1]) == head for x in person.mentions)


def _surname_of(person: _Person, word: str) -> bool:
    """Whether one word names the person by surname: "Kilroy-Silk", or "Kilroy" of it, or "Silk"."""
    parts = _flat((word,))
    for m in person.mentions:
        key = name_key(m.tokens)
        if len(key) >= 2 and (
            key[-1] == word or word in key[-1].split("-") or _flat(key)[-len(parts) :] == parts
        ):
            return True
    return False


def _initialled(key: tuple[str, ...]) -> bool:
    """ "M Cueto", "J. Gardener": an initial and a surname."""
    return len(key) == 2 and len(key[0].rstrip(".")) == 1


def _mask(sentence: str, ms: list[Mention]) -> str:
    out, pos = [], 0
    for m in sorted(ms, key=lambda m: m.start):
        start = max(m.mask_start, pos)
        if start > m.start:
            start = m.start
        if start < pos:
            continue
        out.append(sentence[pos:start])
        out.append(f"@{m.pid}")
        pos = max(m.mask_end, m.end)
    out.append(sentence[pos:])
    return "".join(out)


def _owners(masked: Sequence[str]) -> dict[int, str]:
    """Nationality from "Iran's @3" anywhere in the article, per person (the first one said)."""
    out: dict[int, str] = {}
    for s in masked:
        for m in _OWNER.finditer(s):
            nat = NATIONALITY.get(m.group(1).lower())
            if nat:
                out.setdefault(int(m.group(2)), nat)
    return out


def _nationality(person: _Person, owners: dict[int, str], title: str | None) -> str | None:
    """Where the person is from, as the title says it ("Chinese Foreign Minister", "British diplomat"; not
    a field's people word, "professor of Chinese politics") or as the story owns them ("Iran's X")."""
    if title:
        words = re.findall(r"[A-Za-z][\w.\-]*", title)
        for n in (2, 1):
            for i in range(len(words) - n + 1):
                nat = NATIONALITY.get(" ".join(words[i : i + n]).lower())
                field = i > 0 and words[i - 1].lower() in {"of", "in", "on", "about"}  # "of Chinese politics"
                if nat and not field:
                    return nat
    return owners.get(person.pid)


def _only_nationality(title: str | None) -> bool:
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w.\-]*", title or "") if w.lower() != "fellow"]
    i = 0
    while i < len(words):
        if " ".join(words[i : i + 2]) in NATIONALITY:
            i += 2
        elif is_peoples_word(words[i]) or words[i] in DEMONYM_NOUNS:
            i += 1
        else:
            return False
    return bool(words)


_OWNER = re.compile(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+@(\d+)\b")


def extract_people(
    article: Article, scorer: Scorer | None = None, found: FoundPeople | None = None
) -> PeopleResult:
    """People named in the article (each once, fullest name) and its delegations (empty when none).

    `scorer` replaces the shipped weights and `found` the candidates already gathered (refitting).
    """
    found = found or find_candidates(article)
    findings = decide(found.candidates, scorer)
    return _result(article, found, findings.parties, findings.roles)


@dataclass
class FoundPeople:
    people: list[_Person]
    titles: dict[int, str | None]
    candidates: Candidates


def find_candidates(article: Article) -> FoundPeople:
    """Stage 1: every person the article names, with title, nationality and the evidence about them."""
    sents = _sentences(article)
    lower_vocab = {w for w in re.findall(r"\b[a-z][\w'’\-]*", article.body)}
    groups = group_names(article.body)
    mentions: list[Mention] = []
    for i, s in enumerate(sents.text):
        found = mentions_in(s, i, lower_vocab, recased=sents.recased[i], groups=groups)
        contributors = {fold(c) for c in _contributors(s)}
        for m in found:
            if fold(" ".join(m.tokens)) in contributors:
                m.person, m.forced_role = True, "author"
        mentions.extend(found)
    _join_aliases(sents.text, mentions)
    drop_bodies(sents.text, mentions)
    _decide_with_model(sents, mentions, lower_vocab)
    people_listed_with_people(sents.text, mentions)
    people_described_by_origin(sents.text, mentions)
    people_described_as_someone(sents.text, mentions)
    _vouch_full_names(sents, mentions, lower_vocab)
    surnames = {fold(x.tokens[-1]) for x in mentions if x.person and len(x.tokens) >= 2}
    said = Counter(name_key(m.tokens) for m in mentions if "leader_named" not in m.extra)
    # "Obama hinted …" once, and "the Obama administration": a lone word said twice
    also_said = Counter(name_key(m.tokens) for m in mentions if "leader_named" in m.extra)
    people = _merge([m for m in mentions if m.person is not False or _could_alias(m, surnames)], also_said)
    # a lone word nothing vouches for is a person where most of its mentions read as one: "Portsmouth"
    # once as a person and three times as a club is a club
    people = [p for p in people if not (p.weak and len(p.key) == 1 and 2 * len(p.mentions) <= said[p.key])]
    headline_at = len(sents.text) - 1 if sents.has_headline else None
    people = [p for p in people if not _lone_thing(p, sents, mentions, headline_at)]
    people = _without_employers(people)[:MAX_PEOPLE]
    for p in people:
        for m in p.mentions:
            m.pid = p.pid
    _titles_said_next(sents.text, people)
    masked = []
    for i, s in enumerate(sents.text):
        masked.append(_mask(s, [m for p in people for m in p.mentions if m.sent == i]))

    author_key = name_key(article.author.split()) if article.author else None
    owners = _owners(masked)
    _titles_from_the_body(people, headline_at)
    facts: dict[int, PersonFacts] = {}
    titles: dict[int, str | None] = {}
    for p in people:
        title = p.title
        # "American Lisa Raymond", "fellow Scot Kathy Butler": where someone is from, which the
        # nationality keeps, is no title
        shown = None if _only_nationality(title) else title
        titles[p.pid] = shown
        is_author = (author_key is not None and p.key == author_key) or any(
            m.forced_role == "author" for m in p.mentions
        )
        body_sents = [m.sent for m in p.mentions if m.sent != headline_at]
        facts[p.pid] = PersonFacts(
            pid=p.pid,
            name=p.name,
            title=shown or "",
            nationality=_nationality(p, owners, title),
            weak=p.weak,
            role="author" if is_author else None,
            mentions=len(p.mentions),
            first_sentence=min(body_sents, default=len(sents.text)),
            in_headline=headline_at is not None and any(m.sent == headline_at for m in p.mentions),
        )
    candidates = gather(
        masked,
        facts,
        body=article.body,
        dateline=article.dateline,
        headline="" if article.headline_derived else article.headline,
    )
    return FoundPeople(people, titles, candidates)


_SAYS = re.compile(r"\s+(?:said|says|told|added)\b")


def _lone_thing(p: _Person, sents: _Sentences, mentions: list[Mention], headline_at: int | None) -> bool:
    """A lone word nothing vouches for that the story uses as a place, a team or a body: "inside
    Anfield", "Lazio were", "the Yukos subsidiary" (summarizer/lone_names.py). Every mention of the word
    counts, the ones the model read as no one's among them."""
    if not p.weak or len(p.key) != 1 or any(m.vouched for m in p.mentions):  # "Ms. Kim" said once
        return False
    own = [m for m in mentions if name_key(m.tokens) == p.key]
    return reads_as_thing(p.mentions[0].tokens[-1], own, sents.text, mentions, headline_at)


def _vouch_full_names(sents: _Sentences, mentions: list[Mention], lower_vocab: set[str]) -> None:
    """A full name the model read as no person's ("Helmut Panke predicted", "Cristiano Ronaldo, who
    scored") is one when its surname alone is a person elsewhere ("Mr Panke said"): a story names
    someone in full once, then by surname. The surname must be a person somewhere not after "the"
    ("the Bill" is a law), be no other person's full name's and open no name ("Aston Martin"). A
    longer run keeps the name at its end ("Top-seeded Americans Andy Roddick")."""
    support: Counter[str] = Counter()
    full = {m.tokens[-1] for m in mentions if m.person and len(name_key(m.tokens)) >= 2}
    opening = {t for m in mentions for t in m.tokens[:-1]}
    for m in mentions:
        if m.person and len(name_key(m.tokens)) == 1:
            after_the = re.search(r"\bthe\s+$", sents.text[m.sent][: m.start], re.IGNORECASE)
            titled = m.vouched
            support[m.tokens[-1]] += 1 if titled or not after_the else 0
        elif len(m.tokens) == 1 and not m.tokens[0].isupper() and _SAYS.match(sents.text[m.sent][m.end :]):
            support[m.tokens[-1]] += 1  # "Safin said he was tired", though the rules or the model read no one
    vouched = {w for w, n in support.items() if n and w not in full and w not in opening}
    for m in mentions:
        if m.person is not False or len(m.tokens) < 2 or m.tokens[-1] not in vouched or "title" in m.extra:
            continue  # not "Finding Jesus" of CNN's "Finding Jesus," because Jesus is someone
        if m.tokens[-1].lower().rstrip(".") in ORG_WORDS:
            continue  # "Coastal Corp said", "Statistics Bureau said": a body says things too
        keep = 2 if len(m.tokens) > 3 or _describes(m.tokens[0], lower_vocab) else len(m.tokens)
        name = m.tokens[-keep:]
        if any(_describes(t, lower_vocab) or not t[:1].isupper() for t in name[:-1]):
            continue
        toks = tokenize(sents.text[m.sent])
        words = _words_of(m, toks)
        if words is None:
            continue
        first = words[-keep]
        before = [t for t in toks if t.end <= first.start]
        if (not before or not before[-1].is_word) and (first.low.endswith("ly") or first.low in STOPWORDS):
            continue  # a sentence's opening adverb: "Eventually Asimo could …"
        if keep < len(m.tokens):  # a title before the run is no longer the name's
            m.title, m.title_start = None, None
        m.start, m.tokens, m.person = first.start, tuple(name), True


def _words_of(m: Mention, toks: list[Tok]) -> list[Tok] | None:
    """The sentence's word tokens that are the mention's, one for each of its tokens (None if not)."""
    words = [t for t in toks if m.start <= t.start and t.end <= m.end and t.is_word]
    return words if len(words) == len(m.tokens) else None


def _describes(token: str, lower_vocab: set[str]) -> bool:
    """A word that describes rather than names: one the story also writes in lower case, a people's
    name ("Americans", "Dane", "Dutchman"), or an organisation's or a title's word."""
    low = fold(token).lower()
    single = low.removesuffix("s")
    return (
        low in lower_vocab
        or low in NATIONALITY
        or single in NATIONALITY
        or single in DEMONYM_NOUNS
        or (low.endswith(("man", "men")) and low[:-3] in NATIONALITY)
        or low in ORG_WORDS
        or low in TITLE_HEADS
        or ("-" in low and not token.split("-")[-1][:1].isupper())  # "Top-seeded"
        or ("-" in low and min(map(len, low.split("-"))) == 1)  # "V-Series"
    )


# what a person has as well as a firm: "Tony Blair spokesman Tom Kelly", "Sir Elton John's partner"
_PERSONAL_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+(?:official|chief|senior|former|longtime|personal|press|political|campaign))*\s+"
    r"(?:wife|husband|partner|son|daughter|brother|sister|mother|father|widow|fiancée?|spokes(?:man|woman|person)"
    r"|advis[eo]r|aide|lawyer|attorney|secretary|assistant|biographer|friend|ally|rival|deputy|successor|"
    r"predecessor|doctor|agent|of\s+staff)\b"
)


_COUNTRY_ARMS = "England|Scotland|Wales|Ireland|UK|US|USA|Europe|International"


def _without_employers(people: list[_Person]) -> list[_Person]:
    """Leave out a "person" the story names only inside someone else's title: "Christian Aid's head of
    Trade Policy", "Virgin Blue chief executive", "Bolton boss" say where someone works. One with a title
    or an honorific of its own stays, and so does one whose kin, spokesman or adviser it is ("Sir Elton
    John's partner", "Tony Blair spokesman Tom Kelly"), or inside a longer name ("chairman of the Nelson
    Mandela Foundation")."""
    titles = [(p.pid, p.title or "") for p in people]
    kept: list[_Person] = []
    for p in people:
        own = any(m.vouched for m in p.mentions)
        # not a piece of a longer name ("Nelson Mandela Foundation"); a country's arm is the body's own
        # ("director general of Age Concern England")
        name = re.compile(rf"\b{re.escape(p.name)}\b(?!\s+(?!(?:{_COUNTRY_ARMS})\b)[A-Z])")
        employer = not own and any(
            m and not _PERSONAL_AFTER.match(t[m.end() :])
            for pid, t in titles
            if pid != p.pid
            for m in [name.search(t)]
        )
        if not employer:
            p.pid = len(kept)
            kept.append(p)
    return kept


def _could_alias(m: Mention, surnames: set[str]) -> bool:
    """A lone surname the rules rejected ("Bates" also a common word) still joins a known full name."""
    if len(m.tokens) != 1 or m.person is not False or not m.tokens[0][:1].isupper():
        return False
    return fold(m.tokens[0]) in surnames


def _result(
    article: Article, found: FoundPeople, parties: list[Party], roles: dict[int, str]
) -> PeopleResult:
    people, titles, facts = found.people, found.titles, found.candidates.facts
    by_pid = {p.pid: p for p in people}
    delegations: list[Delegation] = []
    role_of: dict[int, Role] = {}
    lead_of: set[int] = set()
    for party in parties:
        members: list[Person] = []
        for pid in party.members:
            p = by_pid[pid]
            title = titles[pid]
            if pid == party.lead and party.label and not title:
                title = f"leader of the {party.label}"
            members.append(
                Person(
                    name=p.name,
                    title=title,
                    organization=p.organization(),
                    role="delegate",
                    lead=pid == party.lead,
                )
            )
            role_of[pid] = "delegate"
            if pid == party.lead:
                lead_of.add(pid)
        delegations.append(
            Delegation(
                lead=by_pid[party.lead].name if party.lead is not None else None,
                members=tuple(members),
                destination=party.destination,
                purpose=party.purpose,
            )
        )
    out: list[Person] = []
    author_done = False
    author_key = name_key(article.author.split()) if article.author else None
    for p in people:
        role: Role
        if facts[p.pid].role == "author":  # the byline or a contributor, decided in find_candidates
            role = "author"
            author_done = author_done or p.key == author_key
        elif p.pid in role_of:
            role = role_of[p.pid]
        elif roles.get(p.pid) == "host":
            role = "host"
        elif roles.get(p.pid) == "principal":
            role = "principal"
        else:
            role = "mentioned"
        out.append(
            Person(
                name=p.name,
                title=titles[p.pid],
                organization=p.organization(),
                role=role,
                lead=p.pid in lead_of,
            )
        )
    if article.author and not author_done:
        out.append(Person(name=article.author, role="author"))
    return PeopleResult(people=tuple(out), delegations=tuple(delegations))


def who_json(path: str, result: PeopleResult) -> dict[str, Any]:
    """One file's entry of `briefbot who --json`."""
    return {
        "path": path,
        "delegations": [
            {
                "lead": d.lead,
                "destination": d.destination,
                "purpose": d.purpose,
                "members": [
                    {"name": m.name, "title": m.title, "organization": m.organization, "lead": m.lead}
                    for m in d.members
                ],
            }
            for d in result.delegations
        ],
        "people": [
            {"name": p.name, "title": p.title, "organization": p.organization, "role": p.role}
            for p in result.people
        ],
    }


__all__ = ["extract_people", "who_json"]
