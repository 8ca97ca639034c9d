"""What all renderers share: cleaning untrusted text, checking links, splitting text into parts.

The strategies and helpers these tests share with the per-platform render tests are in render_support.py.
"""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

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
from bot.reply import Heading, Paragraph, Reply, Span
from tests.bot.render_support import (
    BIDI_CONTROLS,
    PROPERTY,
    hostile_text,
    long_text,
    shown,
)

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
    for bad in [
        "javascript:alert(1)",
        "tg://user?id=1",
        "mailto:a@b.c",
        "ftp://x.org/",
        "https://",
        "http://exa mple.com",
        "//example.com/x",
        "/relative",
        "http://a.com:99999/",
        "https://a.com/\x1b[31m",
        "https://a.com/\u202e",
        "https://" + "a" * 3000 + ".com",
        "",
        None,
    ]:
        assert http_url(bad) is None, bad


# --- pieces and pack --------------------------------------------------------------------------------


def test_pieces_mark_line_sentence_and_word_ends():
    ps = pieces("He left. Then\nshe came back", Style())
    assert [(p.text, p.brk) for p in ps] == [
        ("He ", WORD),
        ("left. ", SENTENCE),
        ("Then\n", LINE),
        ("she ", WORD),
        ("came ", WORD),
        ("back", NO_BREAK),
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
    from bot.platforms.slack.render import render_slack
    from bot.platforms.telegram.render import render_telegram
    from bot.render.text import render_text

    reply = Reply((Heading("caf\udce9"), Paragraph((Span("bad \ud800 byte", bold=True),))))
    slack = json.dumps(render_slack(reply), ensure_ascii=False)
    outputs = [*render_telegram(reply), render_text(reply), slack]
    for out in outputs:
        out.encode("utf-8")  # would raise on a lone surrogate
        assert "\ufffd" in out
