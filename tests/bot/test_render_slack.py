"""Slack Block Kit rendering: no mention or link can come from text; Block Kit limits always kept."""

from __future__ import annotations

import json
import re

from hypothesis import given

from bot.platforms.slack.render import render_slack
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

# The only angle brackets we emit: a link to a web URL, the URL free of < > | and white space.
OUR_LINK = re.compile(r"<(https?://[^<>|\s]+)\|([^<>]*)>")
ENTITY = re.compile(r"&(?!amp;|lt;|gt;)")
LOOKALIKES = str.maketrans({"∗": "*", "ˍ": "_", "∼": "~", "ˋ": "`", "｜": "|"})
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\u00ad"))


def mrkdwn_texts(payload: dict) -> list[str]:
    texts = [payload["text"]]
    for block in payload["blocks"]:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
    return texts


def check(payload: dict) -> None:
    assert set(payload) == {"text", "blocks"}
    assert 1 <= len(payload["blocks"]) <= 50
    assert 1 <= utf16_len(payload["text"]) <= 3000 and payload["text"].strip()
    json.dumps(payload)  # what slack_sdk will send
    for block in payload["blocks"]:
        kind = block["type"]
        assert kind in {"header", "section", "divider"}
        if kind == "header":
            assert block["text"]["type"] == "plain_text"
            assert 1 <= utf16_len(block["text"]["text"]) <= 150
            assert not set("<>&") & set(block["text"]["text"])
        elif kind == "section":
            assert block["text"]["type"] == "mrkdwn" and block["text"]["verbatim"] is True
            assert 1 <= utf16_len(block["text"]["text"]) <= 3000 and block["text"]["text"].strip()
    for text in mrkdwn_texts(payload):
        rest = OUR_LINK.sub("", text)
        assert "<" not in rest and ">" not in rest, text[:300]
        for bad in ("<!", "<@", "<#"):
            assert bad not in text
        assert not ENTITY.search(text)
        assert not re.search(r"@(?:here|channel|everyone)\b", text, re.IGNORECASE)


def unmrkdwn(text: str) -> str:
    """What a reader sees of our mrkdwn, without white space or formatting markers."""
    text = OUR_LINK.sub(lambda m: m.group(2), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return shown(text.translate(INVISIBLE)).translate(LOOKALIKES).translate(dict.fromkeys(map(ord, "*_~`")))


@PROPERTY
@given(replies)
def test_any_reply_gives_payloads_within_limits_with_nothing_injected_and_nothing_lost(reply):
    payloads = render_slack(reply)
    assert bool(payloads) == shows_something(reply)
    seen = []
    for payload in payloads:
        check(payload)
        for block in payload["blocks"]:
            if block["type"] == "header":
                seen.append(
                    shown(block["text"]["text"].translate(INVISIBLE))
                    .translate(LOOKALIKES)
                    .translate(dict.fromkeys(map(ord, "*_~`")))
                )
            elif block["type"] == "section":
                seen.append(unmrkdwn(block["text"]["text"]))
    blocks = [b for b in visible_blocks(reply) if not isinstance(b, Divider)]
    if blocks:
        expected = "".join(shown(block_text(b).translate(INVISIBLE)) for b in blocks)
        expected = expected.translate(LOOKALIKES).translate(dict.fromkeys(map(ord, "*_~`")))
        assert "".join(seen).replace("•", "") == expected.replace("•", "")


def section(payload: dict, n: int) -> str:
    return payload["blocks"][n]["text"]["text"]


def test_mentions_and_links_in_text_are_shown_not_acted_on():
    text = "Hi <!channel> <!here|here> <@U123> <#C1|general> <https://evil.example|click> @here & @Everyone"
    [payload] = render_slack(Reply.text(text))
    assert section(payload, 0) == (
        "Hi &lt;!channel&gt; &lt;!here|here&gt; &lt;@U123&gt; &lt;#C1|general&gt; "
        "&lt;https://evil.example|click&gt; @\u2060here &amp; @\u2060Everyone"
    )
    assert payload["text"] == section(payload, 0)
    check(payload)


def test_markers_in_text_do_not_format_but_snake_case_and_sums_stay():
    [payload] = render_slack(Reply.text("*not bold* _not it_ ~no~ `no code` snake_case 2*3\n> not a quote"))
    assert section(payload, 0) == (
        "∗not bold∗ ˍnot itˍ ∼no∼ ˋno codeˋ snake_case 2*3\n\u00ad&gt; not a quote"
    )


def test_formatting_links_and_headers():
    reply = Reply(
        (
            Heading("Top stories"),
            Heading("Q&A: <what> now"),
            Paragraph(
                (
                    Span("Read "),
                    Span("the *report*", bold=True, link="https://ex.com/a?b=1&c=x|y>"),
                    Span(" today", italic=True),
                    Span(", run "),
                    Span("/brief `x`", code=True),
                    Span(" or "),
                    Span("this", link="javascript:alert(1)"),
                )
            ),
            Bullets(((Span("one"),), (Span("two", bold=True),))),
            Divider(),
        ),
        fallback="Top stories: 1",
    )
    [payload] = render_slack(reply)
    assert payload["text"] == "Top stories: 1"
    assert payload["blocks"] == [
        {"type": "header", "text": {"type": "plain_text", "text": "Top stories", "emoji": True}},
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": "*Q&amp;A: &lt;what&gt; now*", "verbatim": True},
        },
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "verbatim": True,
                "text": (
                    "Read *<https://ex.com/a?b=1&amp;c=x%7Cy%3E|the ∗report∗>* _today_, run `/brief ˋxˋ` or this"  # noqa: E501
                ),
            },
        },
        {"type": "section", "text": {"type": "mrkdwn", "text": "• one\n• *two*", "verbatim": True}},
        {"type": "divider"},
    ]


def test_a_heading_too_long_for_a_header_block_becomes_a_bold_section():
    title = "Delegation " * 20
    [payload] = render_slack(Reply((Heading(title), Heading("Short"))))
    assert payload["blocks"] == [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*{title.strip()}*", "verbatim": True}},
        {"type": "header", "text": {"type": "plain_text", "text": "Short", "emoji": True}},
    ]


def test_formatting_inside_a_word_gets_zero_width_spaces_so_slack_applies_it():
    [payload] = render_slack(Reply((Paragraph((Span("super"), Span("cali", italic=True), Span("fragile"))),)))
    assert section(payload, 0) == "super\u200b_cali_\u200bfragile"


def test_empty_reply_gives_nothing_and_blank_text_is_never_sent():
    assert render_slack(Reply()) == []
    assert render_slack(Reply((Paragraph((Span(" \n"),)),))) == []
    [payload] = render_slack(Reply((Divider(),)))
    assert payload["blocks"] == [{"type": "divider"}] and payload["text"].strip()


def test_a_long_paragraph_becomes_several_sections_cut_at_sentence_ends():
    sentence = "Officials said talks in <Mexico City> & Ottawa would go on. "
    [payload] = render_slack(Reply((Paragraph((Span(sentence * 200, bold=True),)),)))
    check(payload)
    texts = [section(payload, n) for n in range(len(payload["blocks"]))]
    assert len(texts) >= 5
    assert all(t.startswith("*Officials") and t.endswith("go on.*") for t in texts)


def test_a_long_digest_is_split_into_several_messages_of_at_most_50_blocks():
    reply = news_digest_reply(40)
    payloads = render_slack(reply)
    assert len(payloads) >= 3
    for n, payload in enumerate(payloads, start=1):
        check(payload)
        assert payload["text"].endswith(f"({n}/{len(payloads)})")
        assert payload["blocks"][-1]["type"] != "header"
    blocks = [b for p in payloads for b in p["blocks"]]
    assert blocks == render_slack(reply, max_blocks=10**6)[0]["blocks"]


def test_realistic_digest_reads_well():
    payloads = render_slack(news_digest_reply(3))
    [payload] = payloads
    check(payload)
    assert payload["text"].startswith("Your briefing: 3 stories: Air passengers win new EU rights;")
    kinds = [b["type"] for b in payload["blocks"]]
    assert kinds[:4] == ["header", "section", "header", "section"]
    texts = [b["text"]["text"] for b in payload["blocks"] if b["type"] == "section"]
    assert texts[0] == "_3 stories since 05 May 2024 09:00 UTC_"
    assert texts[1] == (
        "*<https://www.bbc.co.uk/news/business-015?ref=digest&amp;n=0|Air passengers win new EU rights>*"
    )
    assert "Standard &amp; Poor's (S&amp;P)" in "".join(texts)
    assert sum(t.count("• ") for t in texts) == 9
