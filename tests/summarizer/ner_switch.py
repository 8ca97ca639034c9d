"""Run part of a test as a bot with `ner_model = false` runs (no spaCy model)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from summarizer import ner


@contextmanager
def without_model() -> Iterator[None]:
    """Behave as if the spaCy model were not installed, then turn it back on whatever happens."""
    ner.use_model(False)
    try:
        yield
    finally:
        ner.use_model(True)
