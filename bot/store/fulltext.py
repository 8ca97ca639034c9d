"""What the database's full-text index counts as one word, reproduced in Python.

The index (migration 0003) stems with SQLite FTS5's `porter` tokenizer (unicode61, diacritics removed)
or PostgreSQL's `english` configuration (Snowball English). Searches are answered by the database; where
an answer is assembled in Python (which person in a story is "Kerry", which topic label is "trade"), a
`WordMatcher` for the same backend decides, so both sides agree on what matches: "trade" finds "trading",
not "traders". NLTK's stemmers (already installed with sumy) implement both algorithms: Porter with Martin
Porter's published departures is what FTS5 runs; its Snowball English is PostgreSQL's.

Words on PostgreSQL's English stop list are dropped from every query on both backends, as PostgreSQL
drops them, so "/brief the trade" asks the same of SQLite and of PostgreSQL. Tokens differ only at the
edges: SQLite splits "U.S." and "COVID-19" into words as unicode61 does (and as `query_words` does);
PostgreSQL's parser keeps "U.S." whole in documents and queries alike, and folds no accents ("García" is
not "Garcia" there; SQLite removes diacritics).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

from nltk.stem.porter import PorterStemmer
from nltk.stem.snowball import EnglishStemmer

# PostgreSQL's tsearch_data/english.stop (the Snowball English stop list), word for word.
_STOP_LIST = """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
herself it its itself they them their theirs themselves what which who whom this that these those am is
are was were be been being have has had having do does did doing a an the and but if or because as until
while of at by for with about against between into through during before after above below to from up
down in out on off over under again further then once here there when where why how all any both each
few more most other some such no nor not only own same so than too very s t can will just don should now
"""
STOP_WORDS = frozenset(_STOP_LIST.split())

_WORD = re.compile(r"[^\W_]+")  # unicode61's tokens: runs of letters and digits


def query_words(text: str) -> list[str]:
    """The searchable words of a query, in order, casefolded, without stop words or repeats."""
    out: list[str] = []
    for word in _WORD.findall(text.casefold()):
        if word not in STOP_WORDS and word not in out:
            out.append(word)
    return out


def _fold_diacritics(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


class WordMatcher:
    """Stems words as the backend's index does; `matches` says whether a text holds every query word."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        if dialect == "postgresql":
            stem: Callable[[str], str] = EnglishStemmer().stem
        else:
            porter = PorterStemmer(mode=PorterStemmer.MARTIN_EXTENSIONS)
            stem = lambda w: porter.stem(_fold_diacritics(w), to_lowercase=False)  # noqa: E731
        self._stem = lru_cache(maxsize=65536)(stem)
        # a short text's stems (topic labels, names: /topics LABEL checks every label of the window)
        self._short_stems = lru_cache(maxsize=16384)(self._stems)

    def stem(self, word: str) -> str:
        return self._stem(word.casefold())

    def stems(self, text: str) -> frozenset[str]:
        return self._short_stems(text) if len(text) <= 200 else self._stems(text)

    def _stems(self, text: str) -> frozenset[str]:
        return frozenset(self.stem(w) for w in _WORD.findall(text.casefold()))

    def matches(self, text: str, query: str) -> bool:
        """Every searchable word of `query` is a word of `text`, compared by stem ("trade" finds
        "trading"). A query without searchable words matches nothing."""
        wanted = self.query_stems(query)
        return bool(wanted) and wanted <= self.stems(text)

    def query_stems(self, query: str) -> frozenset[str]:
        """The stems a text must hold to match `query` (empty: the query matches nothing)."""
        return frozenset(self.stem(w) for w in query_words(query))


@cache
def word_matcher(dialect: str) -> WordMatcher:
    """The one WordMatcher of a backend, so its stems, once made (after an ingest), serve every command."""
    return WordMatcher(dialect)
