"""What every source returns: articles, the inputs it skipped (and why), and state for the next poll."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from summarizer.article import Article

log = logging.getLogger("summarizer.sources")

MB = 1024 * 1024
MAX_BYTES = 5 * MB  # files and HTTP responses above this are skipped unread


@dataclass(frozen=True)
class Skipped:
    """One input that gave no article: `location` is a file path or URL, `reason` says why.
    `repeated`: reported on an earlier poll already and unchanged since (listed again, not logged again)."""

    location: str
    reason: str
    repeated: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class SourceBatch:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)  # JSON-serialisable; hand it to the next poll


class Source(Protocol):
    key: str

    def poll(self, state: Mapping[str, Any] | None = None) -> SourceBatch: ...


def skip(location: str, reason: str) -> Skipped:
    """Record a skipped input and log it once (the one line an operator sees)."""
    log.warning("skipped %s: %s", location, reason)
    return Skipped(location, reason)


def megabytes(n: int) -> str:
    return f"{n / MB:.1f} MB"


def too_large(size: int) -> str:
    return f"too large: {megabytes(size)} > {MAX_BYTES // MB} MB"
