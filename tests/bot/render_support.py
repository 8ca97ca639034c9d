"""What the render tests share: hostile-reply strategies, what a user may see of untrusted text, and the
digest Reply of real news (used by the per-platform render tests and bench/render.py)."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from bot.briefing import digest_reply
from bot.reply import Bullets, Divider, Heading, Paragraph, Reply, Span
from summarizer.article import parse_text
from summarizer.digest import OTHER_SECTION, Digest, DigestItem, Section
from summarizer.text import split_sentences
from tests.shared_data import SHARED_DATA

NEWS = SHARED_DATA / "news"

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HOSTILE = [
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;b&gt;",
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "@here",
    "@channel",
    "@everyone",
    "<@U123>",
    "<#C123|general>",
    "<https://evil.example|click here>",
    "<b>",
    "</b>",
    "<i>",
    "<a href='javascript:alert(1)'>",
    "</a>",
    "<script>alert(1)</script>",
    '"',
    "'",
    "*",
    "_",
    "~",
    "`",
    "```",
    "> quoted",
    "\n> quote",
    "*bold*",
    "_it_",
    "~s~",
    "`code`",
    "|",
    "\n",
    "\n\n",
    "\t",
    "\r",
    "\r\n",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "\x9b2J",
    "\x85",
    "\u2028",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u200f",
    "\u200b",
    "\u2060",
    "😀",
    "👩‍👩‍👧",
    "🇺🇸",
    "👍🏽",
    "𝔘𝔫𝔦",
    "e\u0301",
    "中文字",
    "مرحبا",
    " ",
    "  ",
    ".",
    ". ",
    "! ",
    "? ",
    "Mr. ",
    "word ",
]

hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), max_size=24).map("".join)
# A long paragraph: a hostile chunk repeated, so splitting is exercised at every size.
long_text = st.tuples(hostile_text, st.integers(1, 400)).map(lambda t: (t[0] + " ") * t[1])
links = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "https://example.com/a?b=1&c=2",
            "http://example.org/<script>",
            'https://example.com/"quoted"',
            "https://example.com/a|b>c",
            "https://news.example.com/" + "x" * 300,
            "javascript:alert(1)",
            "tg://user?id=1",
            "ftp://example.com/file",
            "https://",
            "http://exa mple.com/",
            "mailto:a@example.com",
            "//example.com/relative",
        ]
    ),
    st.text(max_size=20).map(lambda p: "https://example.com/" + p),
)
spans_st = st.lists(
    st.builds(
        Span,
        text=st.one_of(hostile_text, long_text),
        bold=st.booleans(),
        italic=st.booleans(),
        code=st.booleans(),
        link=links,
    ),
    max_size=5,
).map(tuple)
blocks_st = st.one_of(
    st.builds(Heading, text=hostile_text, level=st.integers(1, 3)),
    st.builds(Paragraph, spans=spans_st),
    st.builds(Bullets, items=st.lists(spans_st, max_size=6).map(tuple)),
    st.just(Divider()),
)
replies = st.builds(Reply, blocks=st.lists(blocks_st, max_size=8).map(tuple), fallback=hostile_text)

BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(text: str) -> str:
    """What a user may see of untrusted `text`, without white space: every character except control
    characters and bidi overrides (the test's own statement of what renderers drop)."""
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cc" and ch not in BIDI_CONTROLS
    )


def visible_blocks(reply: Reply) -> list:
    return [b for b in reply.blocks if isinstance(b, Divider) or shown(block_text(b))]


def block_text(block) -> str:
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, Paragraph):
        return "".join(s.text for s in block.spans)
    if isinstance(block, Bullets):
        return "".join(s.text for item in block.items for s in item)
    return ""


def shows_something(reply: Reply) -> bool:
    return bool(visible_blocks(reply)) or bool(shown(reply.fallback))


def news_digest_reply(n: int) -> Reply:
    """The digest Reply users get for `n` real BBC stories (three lead sentences each)."""
    files = sorted((NEWS / "bbc").glob("*.txt"))[:n]
    now = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)
    items = []
    for i, path in enumerate(files):
        article = parse_text(path.read_text(encoding="utf-8"), source=path.name)
        items.append(
            DigestItem(
                id=article.id,
                headline=article.headline,
                summary=tuple(split_sentences(article.body)[:3]),
                source="bbc.co.uk",
                url=f"https://www.bbc.co.uk/news/{path.stem}?ref=digest&n={i}",
                when=now - timedelta(minutes=i),
            )
        )
    # laid out as given (file order, no topics: "Other news"): these tests are about rendering, not choosing
    digest = Digest(
        sections=(Section(OTHER_SECTION, tuple(items)),), total=n, omitted=0, since=now - timedelta(days=1)
    )
    return digest_reply(digest)
