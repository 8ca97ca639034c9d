"""Terminal rendering: readable plain text, and no way for an article to send escape sequences."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bot.render.text import cells, render_text
from bot.reply import Bullets, Divider, Heading, Paragraph, Reply, Span
from tests.bot.render_support import (
    BIDI_CONTROLS,
    PROPERTY,
    block_text,
    news_digest_reply,
    replies,
    shown,
    shows_something,
    visible_blocks,
)

OUR_SGR = re.compile(r"\x1b\[(?:1|3|1;3|0)m")


def assert_terminal_safe(out: str) -> None:
    for ch in out:
        assert ch == "\n" or unicodedata.category(ch) != "Cc", repr(ch)
        assert ch not in BIDI_CONTROLS, repr(ch)


def is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


@PROPERTY
@given(replies, st.booleans(), st.one_of(st.none(), st.integers(10, 120)))
def test_any_reply_renders_without_control_characters_and_keeps_the_text(reply, color, width):
    out = render_text(reply, color=color, width=width)
    assert bool(out.strip()) == shows_something(reply)
    plain = OUR_SGR.sub("", out) if color else out
    assert_terminal_safe(plain)
    if not color:
        assert "\x1b" not in out
    blocks = [b for b in visible_blocks(reply) if not isinstance(b, Divider)]
    if blocks:
        expected = "".join(shown(block_text(b)) for b in blocks)
        assert is_subsequence(expected, shown(plain))
    if width is not None:
        for line in plain.split("\n"):
            # Only a single word longer than the line (a URL, say) may overflow.
            assert cells(line) <= width or len(line.strip(" •").split(" ")) == 1, line


def test_escape_sequences_and_bidi_overrides_from_an_article_are_removed():
    hostile = "Title\x1b]0;owned\x07 \x1b[2J\x9b31mred\r\nnext\u202eevil\u2066x\u2069\ttab\x00"
    out = render_text(Reply.text(hostile))
    assert out == "Title]0;owned [2J31mred\nnextevilx    tab"
    assert_terminal_safe(out)


def test_headings_bullets_links_and_dividers():
    reply = Reply(
        (
            Heading("Delegations"),
            Paragraph(
                (
                    Span("Read "),
                    Span("the report", link="https://ex.com/r?a=1&b=2"),
                    Span(" or "),
                    Span("this", link="javascript:alert(1)"),
                    Span(" at "),
                    Span("https://ex.com/x", link="https://ex.com/x"),
                    Span("."),
                )
            ),
            Heading("Members", level=2),
            Bullets(
                (
                    (Span("Liz Sherwood-Randall", bold=True), Span(", lead")),
                    (Span("  "),),
                    (Span("Another"),),
                )
            ),
            Divider(),
        )
    )
    assert render_text(reply) == (
        "Delegations\n===========\n\n"
        "Read the report (https://ex.com/r?a=1&b=2) or this at https://ex.com/x.\n\n"
        "Members\n-------\n\n"
        "• Liz Sherwood-Randall, lead\n• Another\n\n" + "─" * 40
    )


def test_color_makes_headings_and_bold_spans_bold_and_nothing_else():
    para = Paragraph((Span("a "), Span("big", bold=True), Span(" deal", italic=True)))
    reply = Reply((Heading("Top"), para))
    assert render_text(reply, color=True) == (
        "\x1b[1mTop\x1b[0m\n===\n\na \x1b[1mbig\x1b[0m \x1b[3mdeal\x1b[0m"
    )
    assert "\x1b" not in render_text(reply)


def test_wrapping_counts_wide_characters_and_indents_bullet_lines():
    assert cells("中文") == 4 and cells("e\u0301") == 1 and cells("ab") == 2
    reply = Reply((Bullets(((Span("中文 " * 12),),)),))
    lines = render_text(reply, width=20).split("\n")
    assert lines[0].startswith("• 中文") and all(line.startswith("  中文") for line in lines[1:])
    assert all(cells(line) <= 20 for line in lines)


def test_empty_reply_renders_nothing_and_a_blank_one_its_fallback():
    assert render_text(Reply()) == ""
    assert render_text(Reply((Paragraph((Span(" \x1b "),)),), fallback="No news\x1b[31m")) == "No news[31m"


def test_realistic_digest_in_a_terminal():
    out = render_text(news_digest_reply(3), width=72)
    assert out.startswith(
        "Your briefing\n=============\n\n3 stories since 05 May 2024 09:00 UTC\n\n"
        "Other news\n----------\n\n"
        "Air passengers win new EU rights\n(https://www.bbc.co.uk/news/business-015?ref=digest&n=0)\n\n"
        "• Air passengers who are unable to board their flights because of\n"
        "  overbooking, cancellations or flight delays can now demand greater\n"
        "  compensation.\n"
    )
    assert "Standard & Poor's (S&P)" in out
    assert out.count("\n• ") == 9 and out.count("Source: bbc.co.uk") == 3
    assert all(cells(line) <= 72 for line in out.split("\n"))
