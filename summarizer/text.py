"""Offline sentence and word splitting in the shape sumy's parsers accept (no NLTK data downloads).

Interface (stable, used across the project):
- `split_sentences(text) -> list[str]`
- `split_words(sentence) -> list[str]`
- `OfflineTokenizer(language="english")` with `.language`, `.to_sentences(paragraph)`, `.to_words(sentence)`
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
    "rep", "rev", "hon", "pres", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
}
_BOUNDARY = re.compile(r"(?<=[.!?])([\"'”’)\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD = re.compile(r"[\w][\w'’.\-]*[\w]|[\w]")


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = para.strip()
        if not para:
            continue
        start = 0
        for m in _BOUNDARY.finditer(para):
            end = m.start() + len(m.group(1))
            candidate = para[start:end]
            last = candidate.rstrip("\"'”’)]").rsplit(None, 1)[-1] if candidate.strip() else ""
            token = last.rstrip(".").lower()
            if token in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", last.rstrip(".")):
                continue
            sentences.append(candidate.strip())
            start = m.end()
        tail = para[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


def split_words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


class OfflineTokenizer:
    """Drop-in for `sumy.nlp.tokenizers.Tokenizer` that needs no NLTK data."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(split_words(sentence))
