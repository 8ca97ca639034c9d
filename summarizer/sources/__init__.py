"""Where articles come from: a folder, one file, an RSS/Atom feed or a web page.

`open_source(spec)` picks the kind; `source.poll(state)` returns a SourceBatch of new articles, skipped
inputs (each logged once) and the state to hand to the next poll. The caller persists that state.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from summarizer.article import ArticleError
from summarizer.sources.base import Skipped, Source, SourceBatch
from summarizer.sources.fetch_policy import FetchPolicy
from summarizer.sources.files import SUFFIXES, load_article_file
from summarizer.sources.folder import FileSource, FolderSource
from summarizer.sources.http_source import FeedSource
from summarizer.sources.web import UrlSource

__all__ = [
    "ArticleError",
    "FeedSource",
    "FetchPolicy",
    "FileSource",
    "FolderSource",
    "Skipped",
    "Source",
    "SourceBatch",
    "UrlSource",
    "load_article_file",
    "open_source",
]


def open_source(spec: str, *, timeout: float = 10.0, policy: FetchPolicy | None = None) -> Source:
    """A folder, one article file, or an http(s) URL (feed or page, decided when polled).

    Opening does no network I/O. Raises FileNotFoundError for a missing path and ValueError for an
    unsupported URL scheme or file type. `spec` is the operator's and is fetched as given; what a feed or
    page links to is held to `policy` (default: public addresses only; see fetch_policy.py).
    """
    spec = spec.strip()
    scheme = urlsplit(spec).scheme.lower()
    if scheme in ("http", "https"):
        return UrlSource(spec, timeout=timeout, policy=policy)
    if len(scheme) > 1 and "://" in spec:  # one letter is a Windows drive ("C:\\news")
        raise ValueError(f"unsupported URL scheme {scheme!r}: use http(s), a folder or a file")
    path = Path(spec).expanduser()
    if path.is_dir():
        return FolderSource(path)
    if path.is_file():
        if path.suffix.lower() not in SUFFIXES:
            raise ValueError(f"unsupported file type {path.suffix or '(none)'!r}: use .txt, .md or .html")
        return FileSource(path)
    raise FileNotFoundError(f"no such folder or file: {spec}")
