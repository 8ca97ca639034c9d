"""Folder and single-file sources: each poll returns only files that are new or changed since `state`.

State: {"files": {relative path: [mtime_ns, size, sha256 of the bytes or None, why it was skipped or
None]}}. A file whose mtime and size are unchanged is not read again; one whose mtime or size moved is
read and hashed, and returned only when its bytes really changed (a `touch` or a copy with the same
content yields nothing). Bad files are remembered with their reason: each is logged once, and listed as
skipped (`repeated`) on every later poll until it changes, so `briefbot ingest` always says so.
A file's story without a date of its own is dated by its dateline, else by the file's modification time.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.article import Article, ArticleError
from summarizer.published import with_publication_time
from summarizer.sources.base import MAX_BYTES, Skipped, SourceBatch, skip, too_large
from summarizer.sources.files import article_from_bytes, is_supported

Entry = list[Any]  # [mtime_ns, size, sha256 hex or None, reason skipped or None]


def _reason(entry: Entry | None) -> str | None:
    return entry[3] if entry is not None and len(entry) > 3 else None


class _FileSetSource:
    """Shared polling over a set of files listed by `_files()`; subclasses say which files."""

    key: str
    root: Path

    def _files(self, skipped: list[Skipped]) -> Iterator[Path]:
        """The candidate files, in a stable order; listing problems are appended to `skipped`."""
        raise NotImplementedError

    def _missing(self) -> str | None:
        """A reason when the folder or file itself is gone (reported, state kept)."""
        raise NotImplementedError

    def poll(self, state: Mapping[str, Any] | None = None) -> SourceBatch:
        old: Mapping[str, Entry] = dict((state or {}).get("files") or {})
        missing = self._missing()
        if missing:
            return SourceBatch([], [skip(self.key, missing)], {"files": dict(old)})
        articles: list[Article] = []
        skipped: list[Skipped] = []
        files: dict[str, Entry] = {}
        for path in self._files(skipped):
            rel = self._rel(path)
            try:
                st = path.stat()
            except OSError as exc:  # vanished between listing and reading
                skipped.append(skip(str(path), f"cannot read: {exc.strerror or exc}"))
                continue
            previous = old.get(rel)
            if previous and previous[0] == st.st_mtime_ns and previous[1] == st.st_size:
                files[rel] = list(previous)
                if _reason(previous):
                    skipped.append(Skipped(str(path), _reason(previous) or "", repeated=True))
                continue
            if st.st_size > MAX_BYTES:
                reason = too_large(st.st_size)
                files[rel] = [st.st_mtime_ns, st.st_size, None, reason]
                if not previous or previous[1] != st.st_size:
                    skipped.append(skip(str(path), reason))
                else:
                    skipped.append(Skipped(str(path), reason, repeated=True))
                continue
            try:
                data = path.read_bytes()
            except OSError as exc:
                skipped.append(skip(str(path), f"cannot read: {exc.strerror or exc}"))
                continue
            digest = hashlib.sha256(data).hexdigest()
            files[rel] = [st.st_mtime_ns, st.st_size, digest, None]
            if previous and previous[2] == digest:  # touched or rewritten with the same bytes
                files[rel][3] = _reason(previous)
                if _reason(previous):
                    skipped.append(Skipped(str(path), _reason(previous) or "", repeated=True))
                continue
            try:
                mtime = datetime.fromtimestamp(st.st_mtime_ns / 1e9, UTC)
                articles.append(with_publication_time(article_from_bytes(data, path), file_mtime=mtime))
            except ArticleError as exc:
                skipped.append(skip(str(path), str(exc)))
                files[rel][3] = str(exc)
            except Exception as exc:  # a parser bug on one file must not stop the folder
                skipped.append(skip(str(path), f"unreadable: {type(exc).__name__}: {exc}"))
                files[rel][3] = skipped[-1].reason
        return SourceBatch(articles, skipped, {"files": files})

    def _rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix() if path != self.root else path.name


class FolderSource(_FileSetSource):
    """Every .txt/.md/.html file under a folder, recursively; hidden files and folders are ignored."""

    def __init__(self, folder: Path) -> None:
        self.root = Path(folder).resolve()
        self.key = str(self.root)

    def _missing(self) -> str | None:
        return None if self.root.is_dir() else "folder not found"

    def _files(self, skipped: list[Skipped]) -> Iterator[Path]:
        def walk_error(exc: OSError) -> None:
            skipped.append(skip(str(exc.filename), f"cannot list folder: {exc.strerror or exc}"))

        for dirpath, dirnames, filenames in os.walk(self.root, onerror=walk_error):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if not name.startswith(".") and is_supported(path) and path.is_file():
                    yield path


class FileSource(_FileSetSource):
    """One article file, polled like a folder of one."""

    def __init__(self, path: Path) -> None:
        self.root = Path(path).resolve()
        self.key = str(self.root)

    def _missing(self) -> str | None:
        return None if self.root.is_file() else "file not found"

    def _files(self, skipped: list[Skipped]) -> Iterator[Path]:
        yield self.root
