"""Offline sentence and word splitting in the shape sumy's parsers accept (no NLTK data downloads).

Interface (stable, used across the project):
- `split_sentences(text) -> list[str]`
- `split_words(sentence) -> list[str]`
- `OfflineTokenizer(language="english")` with `.language`, `.to_sentences(paragraph)`, `.to_words(sentence)`

A boundary is a `.`, `!`, `?` or `…` (plus any closing quotes or brackets) followed by white space and a
capital, a digit or an opening quote. A period is then vetoed when the word before it is a title ("Mr.",
"Gen."), an initial ("John F. Kennedy"), a month or "No." before a number ("Jan. 5", "No. 1"), or
"vs."/"e.g.". Abbreviations that may also end a sentence ("U.S.", "Inc.", "Jr.", "p.m.") split only when
the next word is a common sentence opener ("... in the U.S. The ..." but not "U.S. Navy").
"""

from __future__ import annotations

import re

from summarizer.lexicon import PLURAL_TITLE_ABBREVIATIONS, TITLE_ABBREVIATIONS, word_list

# Never end a sentence: they stand before a name (the title abbreviations /who reads, their plurals as in
# "Sens. John McCain and Lindsey Graham", and honorifics)
_TITLES = (
    TITLE_ABBREVIATIONS
    | PLURAL_TITLE_ABBREVIATIONS
    | frozenset(word_list("mr mrs ms messrs mme mlle dr cpt cdr brig hon pres fr sr sra mt ft st"))
)


# Never end a sentence in news text.
_NEVER_FINAL = frozenset(["vs", "v", "cf", "e.g", "i.e", "viz", "approx", "ca"])
# Do not end a sentence when a number follows ("Jan. 5", "No. 1", "pp. 3").
_BEFORE_NUMBER = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "art",
        "vol",
        "vols",
        "p",
        "pp",
        "fig",
        "ch",
        "sec",
    ]
)
# May end a sentence; split only before a common sentence opener.
_AMBIGUOUS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "bros",
        "jr",
        "sr",
        "etc",
        "esq",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
        "l.a",
        "n.y",
        "u.s.a",
    ]
)
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# Capitalised words that usually open a sentence (function words, pronouns, frequent adverbs). No auxiliary
# verbs: 1987 wire copy capitalises after "U.S." ("the U.S. Is prepared to retaliate").
_OPENERS = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "My",
        "Your",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "Nor",
        "For",
        "In",
        "On",
        "At",
        "By",
        "From",
        "With",
        "Without",
        "After",
        "Before",
        "When",
        "While",
        "As",
        "If",
        "Although",
        "Though",
        "Because",
        "Since",
        "Until",
        "Unless",
        "Once",
        "Now",
        "Then",
        "Still",
        "Also",
        "However",
        "Meanwhile",
        "Instead",
        "Earlier",
        "Later",
        "Last",
        "Next",
        "Some",
        "Many",
        "Most",
        "Several",
        "Other",
        "Others",
        "Another",
        "Both",
        "Each",
        "Every",
        "All",
        "No",
        "None",
        "Neither",
        "Either",
        "Such",
        "What",
        "Which",
        "Who",
        "Whom",
        "Whose",
        "Where",
        "Why",
        "How",
        "Not",
        "Only",
        "Even",
        "Just",
        "According",
        "Asked",
        "Speaking",
        "Despite",
        "During",
        "Under",
        "Over",
        "About",
        "Among",
        "Between",
        "Officials",
        "Police",
        "Authorities",
        "Analysts",
        "Critics",
    ]
)
_CANDIDATE = re.compile(r"[.!?…]+([\"'”’)\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_OPENING_PUNCT = "\"“‘'([«"
_CLOSING_PUNCT = "\"'”’)]»"
_WORD = re.compile(r"\w+(?:[’'.\-&]\w+)*")
_LETTER = re.compile(r"[^\W\d_]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BULLET = re.compile(r"^\s*[•·▪●◦*\-–—]\s")
_SPACES = re.compile(r"\s+")
_SENTENCE_STOP = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
_LINE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")


# Reuters marks companies in angle brackets: "<Donaldson, Lufkin and Jenrette>", tickers "<BRKN.S>".
_WIRE_TICKER = re.compile(r" ?<[A-Z0-9]{1,8}(?:\.[A-Z]{1,3})?>")
_WIRE_COMPANY = re.compile(r"<([A-Z][^<>\n]{1,80})>")


def without_wire_markup(text: str) -> str:
    """Text without a wire's company markup: tickers go ("BP <BP> said" → "BP said"), a company's name
    loses its brackets ("<Royal Dutch/Shell Group>" → "Royal Dutch/Shell Group")."""
    return _WIRE_COMPANY.sub(r"\1", _WIRE_TICKER.sub("", text))


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` in order, stripped; paragraphs (and bullets) always end a sentence."""
    sentences: list[str] = []
    for para in _paragraphs(text):
        sentences.extend(_split_paragraph(para))
    return sentences


def split_words(sentence: str) -> list[str]:
    """Word tokens, keeping "U.S", "3.5", "don't" and "Sherwood-Randall" whole; punctuation dropped."""
    return _WORD.findall(sentence)


class OfflineTokenizer:
    """Drop-in for `sumy.nlp.tokenizers.Tokenizer` that needs no NLTK data.

    Like sumy's tokenizer, `to_words` keeps only tokens with a letter in them (no bare numbers).
    """

    def __init__(self, language: str = "english") -> None:
        self._language = language.lower()

    @property
    def language(self) -> str:
        return self._language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        has_letter = _LETTER.search
        return tuple(w for w in _WORD.findall(sentence) if has_letter(w))


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks with hard-wrapped lines joined; without blank lines, one per line
    (a line going on in lower case after one without a final stop continues it); in a text with no
    sentence punctuation at all, one per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _SENTENCE_STOP.search(text):  # no sentence ends anywhere: every line is one, never one run-on
        return [_SPACES.sub(" ", ln).strip() for ln in text.split("\n") if ln.strip()]
    if _BLANK_LINE.search(text):
        out: list[str] = []
        for block in _BLANK_LINE.split(text):
            current: list[str] = []
            for line in block.split("\n"):
                if _BULLET.match(line) and current:
                    out.append(" ".join(current))
                    current = []
                if line.strip():
                    current.append(line.strip())
            if current:
                out.append(" ".join(current))
        return [_SPACES.sub(" ", p) for p in out]
    lines: list[str] = []
    for ln in text.split("\n"):
        ln = _SPACES.sub(" ", ln).strip()
        if not ln:
            continue
        if lines and ln[0].islower() and not _LINE_END.search(lines[-1]):  # a hard-wrapped sentence
            lines[-1] += " " + ln
        else:
            lines.append(ln)
    return lines


def _split_paragraph(para: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _CANDIDATE.finditer(para):
        end = m.start(1) + len(m.group(1))
        if para[m.start() : m.start(1)] == "." and not _period_ends(para, start, m.start(), m.end()):
            continue
        piece = para[start:end].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = para[start:].strip()
    if tail:
        out.append(tail)
    return out


# Reuters capitalises "and"/"or" after "U.S." mid-sentence ("talks between senior U.S. And European
# Community officials"); no other source in the corpora starts a sentence after an initialism with them
_WIRE_CAPITALISED_LINKS = frozenset({"And", "Or"})


def _period_ends(para: str, start: int, dot: int, next_start: int) -> bool:
    """Whether the period at `dot` ends a sentence, judging by the word before it and the one after."""
    before = para[start:dot]
    if not before or before[-1].isspace():  # " . " separators ("By . Daily Mail Reporter .")
        return True
    last = before.rsplit(None, 1)[-1].lstrip(_OPENING_PUNCT)
    if not last:
        return True
    low = last.lower()
    if low in _TITLES or low in _NEVER_FINAL:
        return False
    if len(last) == 1 and last.isupper():  # an initial: "John F. Kennedy"
        return False
    following = para[next_start:].lstrip(_OPENING_PUNCT)
    next_word = following.split(None, 1)[0].rstrip(",;:.!?" + _CLOSING_PUNCT) if following else ""
    if low in _BEFORE_NUMBER and next_word[:1].isdigit():
        return False
    initialism = _ACRONYM.fullmatch(last) is not None
    if initialism and next_word in _WIRE_CAPITALISED_LINKS:
        return False  # the wire's "between the U.S. And the European Community": one sentence
    if low in _AMBIGUOUS or initialism:
        return next_word in _OPENERS or para[next_start] in _OPENING_PUNCT
    return True


_STRAIGHT_OPENER = re.compile(r'(?:^|(?<=[\s(\[:—–-]))"(?=\S)')


def closed_quotes(sentence: str) -> str:
    """A sentence cut out of a quotation that runs on ('Mr Blair said: "I've dealt with this.' of a
    three-sentence quote, or the next sentence, ending 'you don't."') with the quotation marks it lacks, so
    that a bullet shown alone reads as a quote: the closing one at its end, the opening one at its start."""
    opened, closed = sentence.count("“"), sentence.count("”")
    if opened > closed:
        return sentence + "”"
    if closed > opened and not sentence.startswith("“"):
        return "“" + sentence
    marks = quote_marks(sentence)
    if len(marks) % 2 == 0:
        return sentence
    if _STRAIGHT_OPENER.match(sentence, marks[-1]):
        return sentence + '"'  # the last mark opens a quotation the sentence does not close
    return '"' + sentence  # it closes one opened before the sentence


_FEET = re.compile(r"\d['’]\d+$")


def quote_marks(sentence: str) -> list[int]:
    """Where the straight double quotes are: not an inch mark (6'2") nor one typed for an apostrophe
    (Japan"s)."""
    out = []
    for m in re.finditer('"', sentence):
        i = m.start()
        if sentence[i - 1 : i].isalpha() and sentence[i + 1 : i + 2].isalpha():
            continue
        if _FEET.search(sentence, 0, i):
            continue
        out.append(i)
    return out
