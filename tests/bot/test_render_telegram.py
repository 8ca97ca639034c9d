"""Telegram HTML rendering: escaping, allowed tags only, balanced in every message, within 4,096."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from bot.platforms.telegram.render import LIMIT, render_telegram
from bot.render.common import utf16_len
from bot.reply import Bullets, Divider, Heading, Paragraph, Reply, Span
from tests.bot.render_support import (
    PROPERTY,
    block_text,
    news_digest_reply,
    replies,
    shown,
    shows_something,
    visible_blocks,
)

ALLOWED = {"b", "i", "u", "s", "code", "pre", "a", "blockquote"}
# Telegram's HTML, strictly: text without <, > or bare &; its four named entities; allowed tags only.
TOKENS = re.compile(
    r"(?:[^<>&]+|&(?:amp|lt|gt|quot);|<(?:b|i|u|s|code|pre|blockquote)>|</(?:b|i|u|s|code|pre|blockquote|a)>"
    r'|<a href="[^"<>]*">)*'
)


class Checked(HTMLParser):
    """Parses one message; fails on a tag Telegram does not allow, an unbalanced tag, a non-web link, or
    anything nested inside code."""

    def __init__(self, message: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.links: list[str] = []
        self.feed(message)
        self.close()
        assert not self.stack, f"unclosed {self.stack}"

    def handle_starttag(self, tag, attrs):
        assert tag in ALLOWED, tag
        assert "code" not in self.stack, "nothing may nest inside code"
        if tag == "a":
            assert [k for k, _ in attrs] == ["href"]
            href = attrs[0][1]
            assert href.startswith(("http://", "https://")), href
            self.links.append(href)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def handle_startendtag(self, tag, attrs):
        raise AssertionError(f"self-closing <{tag}/>")

    @property
    def plain(self) -> str:
        return "".join(self.text)


def check(message: str, limit: int = LIMIT) -> Checked:
    assert utf16_len(message) <= limit
    assert TOKENS.fullmatch(message), message[:200]
    parsed = Checked(message)
    assert parsed.plain.strip(), "Telegram refuses a message with no text"
    return parsed


@PROPERTY
@given(replies, st.sampled_from([LIMIT, LIMIT, 700, 160]))
def test_any_reply_gives_valid_messages_within_the_limit_keeping_every_character(reply, limit):
    messages = render_telegram(reply, limit=limit)
    assert bool(messages) == shows_something(reply)
    text = "".join(check(m, limit).plain for m in messages)
    blocks = visible_blocks(reply)
    if any(not isinstance(b, Divider) for b in blocks):
        expected = "".join(shown(block_text(b)) or "─" * 12 for b in blocks)
        # Bullets add one "•" an item that shows anything.
        assert shown(text).replace("•", "") == expected.replace("•", "")


def test_text_that_looks_like_html_arrives_as_text():
    hostile = 'Tom & Jerry <b>not bold</b> <a href="javascript:x">y</a> &amp; 5 > 3 < 4'
    [message] = render_telegram(Reply.text(hostile))
    assert message == (
        'Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt; &lt;a href="javascript:x"&gt;y&lt;/a&gt; '
        "&amp;amp; 5 &gt; 3 &lt; 4"
    )
    assert check(message).plain == hostile


def test_formatting_and_links():
    reply = Reply(
        (
            Heading("Top stories"),
            Paragraph(
                (
                    Span("Read "),
                    Span('"Q&A"', bold=True, link='https://ex.com/a?b=1&c="2"'),
                    Span(" now", italic=True),
                    Span(" or run "),
                    Span("/brief <topic>", code=True),
                )
            ),
            Paragraph((Span("bad link", link="javascript:alert(1)"),)),
        )
    )
    [message] = render_telegram(reply)
    assert message == (
        "<b><u>Top stories</u></b>\n\n"
        'Read <a href="https://ex.com/a?b=1&amp;c=&quot;2&quot;"><b>"Q&amp;A"</b></a> <i>now</i> or run '
        "<code>/brief &lt;topic&gt;</code>\n\n"
        "bad link"
    )
    assert check(message).links == ['https://ex.com/a?b=1&c="2"']


def test_control_characters_and_bidi_overrides_do_not_reach_the_chat():
    [message] = render_telegram(Reply.text("safe\x00\x1b[31m\u202etxet"))
    assert message == "safe[31mtxet"


def test_empty_and_blank_replies_give_no_messages_but_a_fallback_is_used():
    assert render_telegram(Reply()) == []
    assert render_telegram(Reply((Paragraph((Span("  \n "),)), Bullets(()), Heading("")))) == []
    assert render_telegram(Reply((Paragraph((Span(" "),)),), fallback="Nothing new")) == ["Nothing new"]


def test_a_long_digest_is_split_between_blocks_each_message_within_4096():
    reply = news_digest_reply(40)
    messages = render_telegram(reply)
    assert len(messages) > 1
    for m in messages:
        check(m)
    # Every message boundary falls between blocks: no block is cut when blocks fit.
    whole = "\n\n".join(messages)
    assert whole == "\n\n".join(render_telegram(reply, limit=10**9))


def test_one_huge_paragraph_is_cut_at_sentence_ends_with_tags_reopened():
    sentence = "The delegation met officials in <Mexico City> & agreed a plan. "
    reply = Reply((Paragraph((Span("Lead: "), Span(sentence * 300, bold=True))),))
    messages = render_telegram(reply)
    assert len(messages) >= 5
    for m in messages:
        parsed = check(m)
        assert parsed.plain.rstrip().endswith(("plan.", "Lead:")) or m is messages[-1]
        assert m.count("<b>") == m.count("</b>") == 1
    assert " ".join(check(m).plain for m in messages) == ("Lead: " + sentence * 300).strip()


def test_astral_characters_count_twice_toward_the_limit():
    emoji = "😀" * 5000  # 10,000 UTF-16 units, no spaces anywhere
    messages = render_telegram(Reply.text(emoji))
    assert len(messages) == 3
    assert all(utf16_len(m) <= LIMIT for m in messages)
    assert "".join(messages) == emoji


def test_realistic_digest_reads_well():
    reply = news_digest_reply(3)
    [message] = render_telegram(reply)
    parsed = check(message)
    assert message.startswith("<b><u>Your briefing</u></b>\n\n<i>3 stories since 05 May 2024 09:00 UTC</i>")
    assert len(parsed.links) == 3 and all(u.startswith("https://www.bbc.co.uk/news/") for u in parsed.links)
    assert '&amp;n=0"><b>' in message  # the & in each URL is escaped inside href
    assert message.count("\n• ") == 9
