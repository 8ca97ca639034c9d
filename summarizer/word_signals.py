"""What the language around a word says about it, for the topic word model (summarizer/topics.py).

- `tag_shares`: from the small spaCy model (summarizer/ner.py), how the story uses each word: as a
  person's name, a place, an organisation, a noun, a verb, inside a compound, as a subject or object.
  An editor tags "Iran" and "sanctions", rarely "Kelly" or "began". None without the model.
- `commonness`: how common the word is in English at large (wordfreq's Zipf scale, 0 for unknown
  words to 8 for "the"): "nuclear" 4.7, "man" 5.8, "Houthi" 2.7. A common word is rarely a topic.
- `centrality`: TextRank over the story's content words (co-occurrence within a short window): words
  the rest of the story keeps returning to.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from summarizer import ner

TAG_FEATURES = (
    "person",
    "place_entity",
    "organisation",
    "other_entity",
    "number_entity",
    "noun",
    "proper_noun",
    "adjective",
    "verb",
    "compound",
    "argument",
    "prep_object",
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MODEL_PREFIX = 12_000  # characters of a story the model reads: a long story's topics are in its start
_ENTITY = {
    "PERSON": "person",
    "GPE": "place_entity",
    "LOC": "place_entity",
    "NORP": "place_entity",
    "ORG": "organisation",
    "EVENT": "other_entity",
    "LAW": "other_entity",
    "FAC": "other_entity",
    "WORK_OF_ART": "other_entity",
    "PRODUCT": "other_entity",
    "DATE": "number_entity",
    "CARDINAL": "number_entity",
    "TIME": "number_entity",
}
_POS = {"NOUN": "noun", "PROPN": "proper_noun", "ADJ": "adjective", "VERB": "verb"}
_DEP = {
    "compound": "compound",
    "nsubj": "argument",
    "nsubjpass": "argument",
    "dobj": "argument",
    "pobj": "prep_object",
}


def tag_shares(text: str, stem: Callable[[str], str]) -> dict[str, tuple[float, ...]] | None:
    """Per stem, the share of its uses in each of `TAG_FEATURES` (in order); None without the model."""
    nlp = ner.get_tagger()
    if nlp is None:
        return None
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    uses: Counter[str] = Counter()
    for word in _hyphen_joined(nlp(text[:MODEL_PREFIX])):
        if not _WORD.fullmatch(word.text):  # a word, hyphenated or with an apostrophe ("N'Dour"), no mark
            continue
        token = word.root  # "state" of "two-state": its tag, role and entity are the word's
        key = stem(word.text)
        uses[key] += 1
        c = counts[key]
        c[_ENTITY.get(token.ent_type_, "")] += 1
        c[_POS.get(token.pos_, "")] += 1
        c[_DEP.get(token.dep_, "")] += 1
    return {k: tuple(counts[k][f] / n for f in TAG_FEATURES) for k, n in uses.items()}


def _hyphen_joined(doc: Any) -> Iterator[Any]:
    """The doc's words as spans, a hyphenated word one span: the model's tokenizer splits "two-state"
    into "two", "-", "state", but the topic rules read it as one word, as editors write it ("two-state
    solution", "US-Israel relations")."""
    i = 0
    while i < len(doc):
        j = i + 1
        while (
            j + 1 < len(doc)
            and doc[j].text == "-"
            and not doc[j - 1].whitespace_
            and not doc[j].whitespace_
            and doc[j + 1].is_alpha
        ):
            j += 2
        yield doc[i:j]
        i = j


def commonness(word: str) -> float:
    """Zipf frequency of the word in English (0 when unknown, 8 for the commonest)."""
    from wordfreq import zipf_frequency  # here, not at start-up: its word lists take 0.3 s to load

    return zipf_frequency(word.lower(), "en")


def centrality(sentences: Sequence[Sequence[str]], window: int = 3, rounds: int = 30) -> dict[str, float]:
    """TextRank score of each word (stems in story order, one sequence per sentence), scaled so that
    the most central word has 1."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for words in sentences:
        for i, word in enumerate(words):
            neighbours.setdefault(word, set())  # a word with no neighbour still gets a rank
            for other in words[i + 1 : i + window]:
                if other != word:
                    neighbours[word].add(other)
                    neighbours[other].add(word)
    rank = dict.fromkeys(neighbours, 1.0)
    for _ in range(rounds):
        rank = {w: 0.15 + 0.85 * sum(rank[n] / len(neighbours[n]) for n in neighbours[w]) for w in neighbours}
    top = max(rank.values(), default=1.0) or 1.0
    return {w: r / top for w, r in rank.items()}
