"""Fixtures for summarizer tests: a local HTTP server (see tests/httpserver.py), and the rules alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.httpserver import LocalHTTPServer
from tests.summarizer.ner_switch import without_model


@pytest.fixture
def http_server() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as server:
        yield server


@pytest.fixture
def rules_only() -> Iterator[None]:
    """Behave as if the spaCy model were not installed."""
    with without_model():
        yield
