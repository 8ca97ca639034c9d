"""A Reply as Slack `chat.postMessage` payloads: `{"text": fallback, "blocks": [...]}` in Block Kit.

Headings become header blocks, text blocks mrkdwn sections (verbatim, so Slack links and mentions
nothing on its own), dividers divider blocks. Untrusted text is escaped (`&`, `<`, `>`), so no mention,
channel link or link can come out of it; `@here`, `@channel` and `@everyone` get a word joiner; mrkdwn
markers (`*`, `_`, `~`, `` ` ``) that could open or close formatting become look-alike characters, and a
`>` starting a line gets a soft hyphen before it so it does not quote. Limits kept: 50 blocks a message
(more become several payloads), 3,000 characters a section (longer text is cut at a line, sentence or
word end), 150 a header, 3,000 the fallback text (never empty for a reply that shows anything).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.render.common import (
    Piece,
    Style,
    block_pieces,
    content_blocks,
    escaped_len,
    groups,
    one_line,
    pack,
    truncate,
    utf16_len,
    visible,
)
from bot.reply import Divider, Heading, Reply

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
TEXT_LIMIT = 3000
# Slack truncates a message past 40,000 characters; keep each payload's block text under it.
MESSAGE_LIMIT = 40_000

_LOOKALIKE = {"*": "∗", "_": "ˍ", "~": "∼", "`": "ˋ"}
_MENTION = re.compile(r"@(?=(?:here|channel|everyone)\b)", re.IGNORECASE)
_QUOTE = re.compile(r"(^|\n)(&gt;)")
_MARKER = re.compile(r"[*_~`]")
ZWSP = "\u200b"
SOFT_HYPHEN = "\u00ad"
WORD_JOINER = "\u2060"

Block = dict[str, Any]


def render_slack(reply: Reply, *, max_blocks: int = MAX_BLOCKS) -> list[dict]:
    """`chat.postMessage` payload parts for `reply`, in order; [] only when the reply shows nothing."""
    blocks: list[Block] = []
    for block in content_blocks(reply):
        if isinstance(block, Divider):
            blocks.append({"type": "divider"})
        elif isinstance(block, Heading) and (header := _header(block)) is not None:
            blocks.append(header)
        else:
            blocks.extend(_sections(block_pieces(block)))
    if not blocks:
        return []
    batches = _batches(blocks, max_blocks)
    base = _fallback(reply, blocks)
    out: list[dict] = []
    for n, batch in enumerate(batches, start=1):
        suffix = f" ({n}/{len(batches)})" if len(batches) > 1 else ""
        out.append({"text": _fit_text(base, TEXT_LIMIT - utf16_len(suffix)) + suffix, "blocks": batch})
    return out


def escape(text: str, *, code: bool = False) -> str:
    """Untrusted text as mrkdwn that shows exactly as typed (modulo look-alike markers)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MENTION.sub("@" + WORD_JOINER, text)
    text = _QUOTE.sub(r"\1" + SOFT_HYPHEN + r"\2", text)

    def neutral(m: re.Match[str]) -> str:
        ch, i = m.group(), m.start()
        if ch != "`" and (code or (text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalnum())):
            return ch  # inside code, or inside a word (snake_case, 2*3): no formatting either way
        return _LOOKALIKE[ch]

    return _MARKER.sub(neutral, text)


def link_url(url: str) -> str:
    """A checked http(s) URL for the left side of `<url|label>`."""
    return url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")


def _header(block: Heading) -> Block | None:
    """A header block, or None when the heading does not suit one: too long, or holding `&`, `<` or `>`,
    which Slack documents no escaping for in plain_text (such a heading becomes a bold section)."""
    text = one_line(block.text)
    if not text or utf16_len(text) > HEADER_LIMIT or any(ch in text for ch in "&<>"):
        return None
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": True}}


def _sections(ps: list[Piece]) -> list[Block]:
    if not visible(ps):
        return []
    chunks = pack(ps, SECTION_LIMIT, escaped_len, _overhead, lambda c: utf16_len(_render(c)))
    return [_section(_render(c).strip()) for c in chunks if visible(c)]


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}


def _render(ps: Sequence[Piece]) -> str:
    runs = groups(ps)
    out: list[str] = []
    for i, (style, text) in enumerate(runs):
        before = runs[i - 1][1][-1:] if i else ""
        after = runs[i + 1][1][:1] if i + 1 < len(runs) else ""
        out.append(_wrap(style, text, before, after))
    return "".join(out)


def _wrap(style: Style, text: str, before: str, after: str) -> str:
    core = text.strip()
    if not core:
        return escape(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    if style.link:
        body = f"<{link_url(style.link)}|{escape(' '.join(core.split())).replace('|', '｜')}>"
    elif style.code:
        body = f"`{escape(core, code=True)}`"
    else:
        body = escape(core)
    marks = ("_" if style.italic else "") + ("*" if style.bold else "")
    if marks:
        body = marks + body + marks[::-1]
    # Markers only work at word boundaries; a zero-width space gives them one inside a word.
    if style.bold or style.italic or (style.code and not style.link):
        if not lead and before.isalnum():
            body = ZWSP + body
        if not trail and after.isalnum():
            body += ZWSP
    return escape(lead) + body + escape(trail)


def _fit_text(text: str, limit: int) -> str:
    """`text` escaped and cut to at most `limit` characters."""
    budget = limit
    while True:
        out = escape(truncate(text, budget, escaped_len))
        if utf16_len(out) <= limit:
            return out
        budget -= utf16_len(out) - limit


def _overhead(style: Style) -> int:
    """Upper bound of what styling a run adds: markers, link syntax, zero-width spaces, a soft hyphen."""
    extra = 3  # two zero-width spaces and a soft hyphen at most
    extra += 2 * (style.bold + style.italic) + (2 if style.code and not style.link else 0)
    if style.link:
        extra += 3 + utf16_len(link_url(style.link))
    return extra


def _block_size(block: Block) -> int:
    text = block.get("text")
    return utf16_len(text["text"]) if isinstance(text, dict) else 0


def _batches(blocks: list[Block], max_blocks: int) -> list[list[Block]]:
    """Blocks into messages of at most `max_blocks` blocks and MESSAGE_LIMIT characters; a header never
    ends a message when more follows."""
    out: list[list[Block]] = []
    cur: list[Block] = []
    size = 0
    for block in blocks:
        n = _block_size(block)
        if cur and (len(cur) >= max_blocks or size + n > MESSAGE_LIMIT):
            carry = [cur.pop()] if cur[-1]["type"] == "header" and len(cur) > 1 else []
            out.append(cur)
            cur, size = carry, sum(_block_size(b) for b in carry)
        cur.append(block)
        size += n
    if cur:
        out.append(cur)
    return out


def _fallback(reply: Reply, blocks: list[Block]) -> str:
    """Plain text for notifications: the reply's fallback, else the start of its text."""
    text = one_line(reply.fallback)
    if text:
        return text
    for block in content_blocks(reply):
        if not isinstance(block, Divider):
            plain = one_line("".join(p.text for p in block_pieces(block)))
            if plain:
                return plain
    return "─" * 3 if blocks else ""


def shown_chars(payload: dict) -> int:
    """Characters a Slack message shows: the text of its header and section blocks."""
    return sum(len(b["text"]["text"]) for b in payload["blocks"] if isinstance(b.get("text"), dict))
