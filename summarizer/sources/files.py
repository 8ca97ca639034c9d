"""One file → one Article, or an ArticleError with a reason an operator can act on.

Accepted: `.txt`, `.md`/`.markdown` (optional `---` front matter with title/author/date), `.html`/`.htm`.
Refused with a reason: over 5 MB, empty, binary (NUL bytes or mostly control bytes), not UTF-8 (a BOM is
fine; an HTML file may declare another charset in a <meta> tag), HTML without article text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from summarizer.article import Article, ArticleError, parse_text
from summarizer.sources.base import MAX_BYTES, too_large
from summarizer.sources.htmltext import extract_html, parse_date

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES

_CONTROL_OK = frozenset(b"\t\n\r\f\v\x1b")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<head>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def load_article_file(path: Path) -> Article:
    """Read and parse one article file; `Article.source` is the file's path.

    Raises ArticleError (the message is the reason alone, e.g. "empty file") and OSError when the file
    cannot be read at all.
    """
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(too_large(size))
    return article_from_bytes(path.read_bytes(), path)


def article_from_bytes(data: bytes, path: Path) -> Article:
    """Parse file content already read (the folder source reads once to hash and parse)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(f"unsupported file type {suffix or '(none)'!r}; use .txt, .md or .html")
    if len(data) > MAX_BYTES:
        raise ArticleError(too_large(len(data)))
    if not data.strip():
        raise ArticleError("empty file")
    check_not_binary(data)
    source = str(path)
    if suffix in HTML_SUFFIXES:
        text = decode_text(data, declared=_declared_charset(data))
        return extract_html(text, source=source)
    text = decode_text(data)
    if not text.strip():
        raise ArticleError("empty file")
    title = author = None
    published = None
    if suffix in MARKDOWN_SUFFIXES:
        meta, text = split_front_matter(text)
        title, author, published = meta.get("title"), meta.get("author"), parse_date(meta.get("date"))
    return parse_text(text, source=source, title=title, author=author, published=published)


def check_not_binary(data: bytes) -> None:
    """Raise ArticleError for NUL bytes or a sample that is more than 10 % control bytes."""
    sample = data[:65536]
    if b"\x00" in sample:
        raise ArticleError("binary file (contains NUL bytes)")
    control = sum(1 for b in sample if b < 0x20 and b not in _CONTROL_OK)
    if control > len(sample) * 0.10:
        raise ArticleError(f"binary file ({control} control bytes in the first {len(sample)})")


def decode_text(data: bytes, declared: str | None = None) -> str:
    """UTF-8 (with or without BOM), or a charset the file declares; the failing byte is named."""
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = "utf-8"
        if codec not in ("utf-8", "utf-8-sig"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(_decode_reason(data, exc, declared)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(_decode_reason(data, exc, "UTF-8")) from None


def _decode_reason(data: bytes, exc: UnicodeDecodeError, encoding: str) -> str:
    bad = data[exc.start]
    line = data.count(b"\n", 0, exc.start) + 1
    return f"not {encoding}: byte 0x{bad:02X} at offset {exc.start} (line {line}); save the file as UTF-8"


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` front matter between `---` lines (Jekyll/Hugo style); the rest is the text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group("head").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[m.end() :]
