"""Fixtures for summarizer tests: a local HTTP server (see tests/httpserver.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.httpserver import LocalHTTPServer


@pytest.fixture
def http_server() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as server:
        yield server
