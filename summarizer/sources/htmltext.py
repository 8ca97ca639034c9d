"""HTML → text: whole pages through trafilatura (article text and metadata), feed fragments through lxml."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

import lxml.etree
import lxml.html
import trafilatura

from summarizer.article import Article, ArticleError, parse_text

# Elements whose text is never article text.
_DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "video",
        "audio",
        "figure",
        "figcaption",
        "form",
        "button",
        "select",
        "textarea",
        "nav",
        "aside",
        "head",
        "title",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "address",
        "center",
    }
)


def _drop_per_document_noise(record: logging.LogRecord) -> bool:
    """trafilatura logs "discarding data: None" and the like for every page without text; we report
    those pages ourselves (one Skipped, one line), so its per-document lines would only double them."""
    return record.levelno >= logging.CRITICAL


logging.getLogger("trafilatura.core").addFilter(_drop_per_document_noise)

# Page parts that are never the story; trafilatura's fallback extractors would otherwise return a bare
# menu as the "text" of a page that has none.
_PRUNE = ["//nav", "//aside", "//footer", "//*[@role='navigation']"]
MIN_PAGE_WORDS = 25  # less than this is a menu, a teaser or an error page, not an article
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one blank line between blocks, no tags."""
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    out: list[str] = []
    # An explicit stack instead of recursion: ("open", el) visits an element, ("close", el) ends it.
    stack: list[tuple[str, lxml.etree._Element]] = [("open", root)]
    while stack:
        action, el = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else None  # None: a comment or instruction
        if action == "open" and tag is not None and tag not in _DROP:
            if tag in _BLOCK:
                out.append("\n\n")
            elif tag == "br":
                out.append("\n")
            if el.text:
                out.append(_SPACES.sub(" ", el.text))
            stack.append(("close", el))
            stack.extend(("open", child) for child in reversed(el))
            continue
        # closing an element, or a dropped element or comment: only its tail counts
        if tag in _BLOCK:
            out.append("\n\n")
        if el.tail and el is not root:
            out.append(_SPACES.sub(" ", el.tail))
    text = "".join(out)
    text = re.sub(r"[ ]*\n[ ]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def extract_html(
    html: str | bytes,
    *,
    source: str = "",
    url: str | None = None,
    title: str | None = None,
    author: str | None = None,
    published: datetime | None = None,
    min_words: int = MIN_PAGE_WORDS,
) -> Article:
    """One article from a whole HTML page: main text, title, author and date via trafilatura.

    `title`, `author` and `published` (e.g. from a feed entry) win over what the page says.
    Raises ArticleError when the page holds no article text (an empty shell, a login wall, a menu).
    """
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
            prune_xpath=_PRUNE,
        )
    except Exception as exc:  # trafilatura raises assorted lxml/ValueErrors on broken markup
        raise ArticleError(f"HTML could not be read: {exc}") from exc
    text = _field(doc, "text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError("HTML has no article text")
    if len(text.split()) < min_words:
        raise ArticleError(f"HTML has no article text (only {len(text.split())} words)")
    return parse_text(
        text,
        source=source,
        title=title or _clean(_field(doc, "title")),
        author=author or _clean(_field(doc, "author")),
        url=url,
        published=published or parse_date(_field(doc, "date")),
    )


def parse_date(value: object) -> datetime | None:
    """An ISO date or date-time as an aware datetime (UTC when no zone is given); None when unreadable."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _field(doc: object, name: str) -> object:
    """A field of trafilatura's result: a Document in 2.x, a dict in 1.x."""
    if isinstance(doc, dict):
        return doc.get(name)
    return getattr(doc, name, None)


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
