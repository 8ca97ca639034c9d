"""Stored articles kept in memory, so a command reads a window of 1,000 stories without loading and
parsing 1,000 bodies and analyses each time.

A stored story changes only when it is re-analysed, and then its `analysis_version` changes; so a row
loaded once is reused for as long as (id, analysis_version), read from the index, says it is the
same. A window is then one narrow query (keys only, migration 0004's index) plus the rows not seen
before: after an ingest, the new story. Each database (engine) has its own cache, bounded (least
recently used rows leave). Rows handed out are detached and shared: callers read them and never change them.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.store.models import StoredArticle
from summarizer.analysis import Analysis

ROWS_KEPT = 2048  # a window (1,000) twice over: the window moves, the old rows go
DERIVED_KEPT = 16  # values derived from windows: a window, its topic index, labels by name and by stem …
RowKey = tuple[str, int]  # (id, analysis_version)
_IN_CHUNK = 500  # ids per IN (…) query


class RowCache:
    """One database's rows by key, least recently used first; and a few values derived from a whole
    window (its topic index), keyed by the window's row keys."""

    def __init__(self, size: int = ROWS_KEPT) -> None:
        self.size = size
        self._rows: OrderedDict[RowKey, StoredArticle] = OrderedDict()
        self._derived: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def rows(self, session: Session, keys: Sequence[RowKey]) -> list[StoredArticle]:
        """The rows of `keys`, in that order: from memory, else loaded (and kept)."""
        return self.load(session, keys)[0]

    def load(
        self, session: Session, keys: Sequence[RowKey]
    ) -> tuple[list[StoredArticle], tuple[RowKey, ...]]:
        """The rows of `keys`, in that order, and their own keys: those asked for, except for a row
        re-analysed (or gone) since `keys` were read."""
        with self._lock:
            found = {k: self._rows[k] for k in keys if k in self._rows}
            for k in found:
                self._rows.move_to_end(k)
        missing = [k for k in keys if k not in found]
        changed: dict[RowKey, RowKey] = {}
        for start in range(0, len(missing), _IN_CHUNK):
            chunk = {k[0]: k for k in missing[start : start + _IN_CHUNK]}
            loaded = session.scalars(select(StoredArticle).where(StoredArticle.id.in_(chunk))).all()
            for row in loaded:
                session.expunge(row)
                key = (row.id, row.analysis_version)
                if chunk.get(row.id) == key:  # else changed since the keys were read: use it, keep it not
                    found[key] = row
                    with self._lock:
                        self._rows[key] = row
                else:
                    found[chunk[row.id]] = row
                    changed[chunk[row.id]] = key
        with self._lock:
            while len(self._rows) > self.size:
                self._rows.popitem(last=False)
        present = [k for k in keys if k in found]
        return [found[k] for k in present], tuple(changed.get(k, k) for k in present)

    def derived(self, key: Hashable) -> Any:
        with self._lock:
            return self._derived.get(key)

    def keep(self, key: Hashable, value: Any, *, kept: int = DERIVED_KEPT) -> None:
        with self._lock:
            self._derived[key] = value
            while len(self._derived) > kept:
                self._derived.popitem(last=False)


_CACHES: weakref.WeakKeyDictionary[Engine, RowCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()
_ANALYSES: weakref.WeakKeyDictionary[StoredArticle, Analysis] = weakref.WeakKeyDictionary()


def forget_derived() -> None:
    """Drop every database's values derived from windows (benchmarks time what a replica that did not
    run the ingest does); the rows stay."""
    with _CACHES_LOCK:
        caches = list(_CACHES.values())
    for cache in caches:
        with cache._lock:
            cache._derived.clear()


def row_cache(session: Session) -> RowCache:
    """The cache of the database `session` is bound to."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    with _CACHES_LOCK:
        cache = _CACHES.get(engine)
        if cache is None:
            cache = _CACHES[engine] = RowCache()
        return cache


def analysis_of(row: StoredArticle) -> Analysis:
    """A row's stored analysis, parsed once per row object (JSON to dataclasses costs ~50 µs a row)."""
    analysis = _ANALYSES.get(row)
    if analysis is None:
        analysis = _ANALYSES[row] = Analysis.from_json(row.analysis)
    return analysis
