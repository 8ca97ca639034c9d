"""A Reply as Telegram HTML messages (parse_mode=HTML), each within Telegram's 4,096-character limit.

Telegram counts the limit in UTF-16 code units of the text after entity parsing; we count the HTML source
instead, which is never shorter, so a message that fits here fits there. Blocks are kept whole when they
fit; a block longer than a message is cut at a line, sentence or word end, and every message carries
complete tags. Only b, i, u, code and a href (http/https) are produced; all text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.render.common import (
    Piece,
    Style,
    block_pieces,
    content_blocks,
    escaped_len,
    groups,
    pack,
    utf16_len,
    visible,
)
from bot.reply import Divider, Reply

LIMIT = 4096
BLOCK_GAP = "\n\n"
DIVIDER = "─" * 12


def render_telegram(reply: Reply, *, limit: int = LIMIT) -> list[str]:
    """Telegram HTML messages for `reply`, in order; [] only when the reply shows nothing."""
    messages: list[str] = []
    current = ""
    for block in content_blocks(reply):
        if isinstance(block, Divider):
            parts = [DIVIDER]
        else:
            ps = [_fit(p, limit) for p in block_pieces(block)]
            whole = _render(ps)
            parts = [whole] if utf16_len(whole) <= limit else _split(ps, limit)
        for n, part in enumerate(parts):
            joined = current + BLOCK_GAP + part if current else part
            # A block that needs several messages starts a message of its own.
            if n == 0 and len(parts) == 1 and utf16_len(joined) <= limit:
                current = joined
                continue
            if current:
                messages.append(current)
            current = part
    if current:
        messages.append(current)
    return messages


def _split(ps: Sequence[Piece], limit: int) -> list[str]:
    chunks = pack(ps, limit, escaped_len, _overhead, lambda c: utf16_len(_render(c)))
    # Tags never hold the white space at either end, so stripping keeps them whole.
    return [_render(c).strip() for c in chunks if visible(c)]


def _render(ps: Sequence[Piece]) -> str:
    return "".join(_wrap(style, escape(text, quote=False)) for style, text in groups(ps))


def _tags(style: Style) -> tuple[str, str]:
    opens: list[str] = []
    closes: list[str] = []
    if style.link:
        opens.append(f'<a href="{escape(style.link, quote=True)}">')
        closes.append("</a>")
    for flag, tag in ((style.bold, "b"), (style.italic, "i"), (style.underline, "u"), (style.code, "code")):
        # `code` comes last: Telegram lets nothing nest inside it.
        if flag:
            opens.append(f"<{tag}>")
            closes.append(f"</{tag}>")
    return "".join(opens), "".join(reversed(closes))


def _wrap(style: Style, escaped: str) -> str:
    core = escaped.strip()
    if not core:  # no tags around white space alone
        return escaped
    lead = escaped[: len(escaped) - len(escaped.lstrip())]
    trail = escaped[len(escaped.rstrip()) :]
    start, end = _tags(style)
    return lead + start + core + end + trail


def _overhead(style: Style) -> int:
    start, end = _tags(style)
    return utf16_len(start) + utf16_len(end)


def _fit(p: Piece, limit: int) -> Piece:
    """A link whose tag would take more than a quarter of a message is dropped (the text stays)."""
    if p.style.link and _overhead(p.style) > limit // 4:
        return Piece(p.text, Style(p.style.bold, p.style.italic, p.style.underline, p.style.code), p.brk)
    return p
