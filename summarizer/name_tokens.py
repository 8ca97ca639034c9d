"""Tokens of a sentence as the name rules read them (summarizer/names.py, summarizer/titles.py): "U.S.",
"Mr.", initials, "AT&T" and "al-Arabi" whole, a possessive "'s" split off."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.lexicon import PLURAL_TITLE_ABBREVIATIONS, TITLE_ABBREVIATIONS

# "al-Arabi", "el-Sisi", "d'Estaing" of a name; "ex-Foreign Secretary", "then-Prime Minister" of a title
_JOINED_PARTICLE = re.compile(
    r"(?:al|el|as|ash|ad|ar|at|az|an|bin|ibn|abu|ben|ex|then)-[^\W\d_]*[A-Z]|d['’][A-Z]"
)
# a possessive as the tokens hold it, split from its word: "Woodward's", "Veritas'" ("Veritas" "'")
POSSESSIVE_TOKENS = frozenset(["'s", "’s", "'", "’"])
_TIME_PREFIXES = ("ex-", "then-")  # "ex-President Bill Clinton", "then-Prime Minister Menachem Begin"
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


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int
    # set once, as the rules read them many times a token: the word in lower case, a title's "ex-" or
    # "then-" aside ("ex-President" reads as "president"), and that opening's length (0 if none)
    low: str = field(init=False, repr=False, compare=False)
    prefix: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        folded = self.text.lower()
        prefix = next((len(p) for p in _TIME_PREFIXES if folded.startswith(p) and len(folded) > len(p)), 0)
        object.__setattr__(self, "prefix", prefix)
        object.__setattr__(self, "low", folded[prefix:])

    @property
    def is_cap(self) -> bool:
        # "al-Arabi" of "Nabil al-Arabi", "el-Sisi": a particle joined to a capitalised name is one
        return self.text[:1].isupper() or bool(_JOINED_PARTICLE.match(self.text))

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


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
