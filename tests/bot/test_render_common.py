"""What all renderers share: cleaning untrusted text, checking links, splitting text into parts.

Also home of the hostile-reply strategies and real-news replies the per-platform render tests use.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.briefing import digest_reply
from bot.render.common import (
    LINE,
    NO_BREAK,
    SENTENCE,
    WORD,
    Style,
    clean,
    groups,
    http_url,
    pack,
    pieces,
    utf16_len,
)
from bot.reply import Bullets, Divider, Heading, Paragraph, Reply, Span
from summarizer.article import parse_text
from summarizer.digest import OTHER_SECTION, Digest, DigestItem, Section
from summarizer.text import split_sentences
from tests.shared_data import SHARED_DATA

NEWS = SHARED_DATA / "news"

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HOSTILE = [
    "<", ">", "&", "&amp;", "&lt;b&gt;", "<!channel>", "<!here>", "<!everyone>", "@here", "@channel",
    "@everyone", "<@U123>", "<#C123|general>", "<https://evil.example|click here>", "<b>", "</b>", "<i>",
    "<a href='javascript:alert(1)'>", "</a>", "<script>alert(1)</script>", '"', "'", "*", "_", "~", "`",
    "```", "> quoted", "\n> quote", "*bold*", "_it_", "~s~", "`code`", "|", "\n", "\n\n", "\t", "\r",
    "\r\n", "\x00", "\x07", "\x1b[31m", "\x1b]0;owned\x07", "\x1b[2J", "\x9b2J", "\x85", "\u2028",
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200b", "\u2060", "😀", "👩‍👩‍👧", "🇺🇸", "👍🏽",
    "𝔘𝔫𝔦", "e\u0301", "中文字", "مرحبا", " ", "  ", ".", ". ", "! ", "? ", "Mr. ", "word ",
]

hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), max_size=24
).map("".join)
# A long paragraph: a hostile chunk repeated, so splitting is exercised at every size.
long_text = st.tuples(hostile_text, st.integers(1, 400)).map(lambda t: (t[0] + " ") * t[1])
links = st.one_of(
    st.none(),
    st.sampled_from([
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
    ]),
    st.text(max_size=20).map(lambda p: "https://example.com/" + p),
)
spans_st = st.lists(
    st.builds(Span, text=st.one_of(hostile_text, long_text), bold=st.booleans(), italic=st.booleans(),
              code=st.booleans(), link=links),
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
        ch for ch in text
        if not ch.isspace() and unicodedata.category(ch) != "Cc" and ch not in BIDI_CONTROLS
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
        items.append(DigestItem(
            id=article.id, headline=article.headline,
            summary=tuple(split_sentences(article.body)[:3]), source="bbc.co.uk",
            url=f"https://www.bbc.co.uk/news/{path.stem}?ref=digest&n={i}",
            when=now - timedelta(minutes=i),
        ))
    # laid out as given (file order, no topics: "Other news"): these tests are about rendering, not choosing
    digest = Digest(sections=(Section(OTHER_SECTION, tuple(items)),), total=n, omitted=0,
                    since=now - timedelta(days=1))
    return digest_reply(digest)


# --- clean -----------------------------------------------------------------------------------------

def test_clean_drops_terminal_escapes_and_bidi_overrides_but_keeps_text():
    dirty = "Ab\x1b[31mc\x07d\x9b2J\u202eevil\u2066x\u2069 \u200fשלום\t\n😀 e\u0301"
    assert clean(dirty) == "Ab[31mcd2Jevilx \u200fשלום\t\n😀 e\u0301"


def test_clean_normalises_newlines_and_replaces_lone_surrogates():
    assert clean("a\r\nb\rc\u2028d\x85e") == "a\nb\nc\nd\ne"
    assert clean("bad \udc80 byte") == "bad \ufffd byte"


@PROPERTY
@given(hostile_text)
def test_clean_leaves_no_control_character_but_tab_and_newline(text):
    out = clean(text)
    assert all(ch in "\t\n" or unicodedata.category(ch) != "Cc" for ch in out)
    assert not BIDI_CONTROLS & set(out)
    assert shown(out) == shown(text)


# --- http_url ---------------------------------------------------------------------------------------

def test_http_url_accepts_web_links_only():
    for good in ["https://example.com", "http://example.com:8080/a?b=1&c=<2>#top", "HTTPS://Example.com/ü"]:
        assert http_url(good) == good
    for bad in ["javascript:alert(1)", "tg://user?id=1", "mailto:a@b.c", "ftp://x.org/", "https://",
                "http://exa mple.com", "//example.com/x", "/relative", "http://a.com:99999/",
                "https://a.com/\x1b[31m", "https://a.com/\u202e", "https://" + "a" * 3000 + ".com", "", None]:
        assert http_url(bad) is None, bad


# --- pieces and pack --------------------------------------------------------------------------------

def test_pieces_mark_line_sentence_and_word_ends():
    ps = pieces("He left. Then\nshe came back", Style())
    assert [(p.text, p.brk) for p in ps] == [
        ("He ", WORD), ("left. ", SENTENCE), ("Then\n", LINE),
        ("she ", WORD), ("came ", WORD), ("back", NO_BREAK),
    ]


def _pack_plain(text: str, limit: int) -> list[str]:
    chunks = pack(pieces(text, Style()), limit, len, lambda s: 0)
    return ["".join(t for _, t in groups(c)) for c in chunks]


def test_pack_prefers_sentence_ends_and_never_cuts_words():
    text = "One short sentence here. " * 10 + "And a tail without a stop at all " * 3
    parts = _pack_plain(text, 120)
    assert "".join(parts) == text
    assert all(len(p) <= 120 for p in parts)
    assert all(p.rstrip().endswith(".") for p in parts[:-2])
    words = set(text.split())
    assert all(set(p.split()) <= words for p in parts)


def test_pack_cuts_a_word_longer_than_the_limit_but_not_inside_an_emoji_sequence():
    family = "👩‍👩‍👧"
    text = "x" * 9 + family * 10
    parts = _pack_plain(text, 10)
    assert "".join(parts) == text
    assert all(len(p) <= 10 for p in parts)
    assert all(not p.startswith("\u200d") and not p.endswith("\u200d") for p in parts)


@PROPERTY
@given(st.one_of(hostile_text, long_text), st.integers(5, 300))
def test_pack_keeps_every_character_in_order_within_the_limit(text, limit):
    text = clean(text)
    parts = _pack_plain(text, limit)
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)


def test_utf16_len_counts_astral_characters_twice():
    assert utf16_len("a😀é𝔘") == 1 + 2 + 1 + 2


def test_lone_surrogates_from_badly_decoded_text_render_everywhere_as_replacement_characters():
    from bot.render.slack import render_slack
    from bot.render.telegram import render_telegram
    from bot.render.text import render_text

    reply = Reply((Heading("caf\udce9"), Paragraph((Span("bad \ud800 byte", bold=True),))))
    slack = json.dumps(render_slack(reply), ensure_ascii=False)
    outputs = [*render_telegram(reply), render_text(reply), slack]
    for out in outputs:
        out.encode("utf-8")  # would raise on a lone surrogate
        assert "\ufffd" in out
