"""What the renderers share: cleaning untrusted text, checking links, and splitting long text into parts.

The splitter works on *pieces*: a word with its trailing white space, tagged with the style of the span
it came from and how good a place the end of the piece is to break a message (line end > sentence end >
word end > nowhere). A renderer gives it the cost of a piece after escaping and the markup overhead of a
style, and gets back chunks that each fit its limit; rendering every chunk on its own keeps markup
balanced, because a style cut at a chunk boundary is simply closed and opened again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.reply import Bullets, Divider, Heading, Paragraph, Reply, Span

# C0 controls except \t and \n, DEL, C1 controls; embeddings, overrides and isolates that reorder the text
# after them (U+202A-U+202E, U+2066-U+2069). Marks (LRM, RLM, ALM) stay: they reorder nothing.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_PIECE = re.compile(r"\s+|\S+\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]»]*$")
_HOST = re.compile(r"^[^\s/?#@:]+$")

MAX_URL = 2000

# Break quality at the end of a piece.
NO_BREAK, WORD, SENTENCE, LINE = 0, 1, 2, 3


def clean(text: str) -> str:
    """Untrusted text made safe to show: newlines normalised to \\n; control characters, bidi overrides
    and lone surrogates removed (surrogates become U+FFFD). Tabs and newlines stay."""
    text = _NEWLINES.sub("\n", text)
    text = _UNSAFE.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def one_line(text: str) -> str:
    """Cleaned text on one line: every run of white space becomes one space."""
    return " ".join(clean(text).split())


def http_url(link: str | None) -> str | None:
    """`link` when it is an absolute http(s) URL with a plausible host, else None (never a javascript:,
    tg:, mailto: or relative link; nothing with white space or control characters in it)."""
    if not link or len(link) > MAX_URL:
        return None
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in link):
        return None
    try:
        parts = urlsplit(link)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if not _HOST.match(parts.hostname):
        return None
    return link


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, as Telegram and Slack count it."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def escaped_len(text: str) -> int:
    """UTF-16 length of `text` once `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;` (the escaping both
    Telegram HTML and Slack mrkdwn use)."""
    return utf16_len(text) + 4 * text.count("&") + 3 * (text.count("<") + text.count(">"))


@dataclass(frozen=True)
class Style:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    code: bool = False
    link: str | None = None  # a checked http(s) URL


PLAIN = Style()


def style_of(span: Span, *, bold: bool = False, underline: bool = False) -> Style:
    return Style(
        bold=span.bold or bold,
        italic=span.italic,
        underline=underline,
        code=span.code,
        link=http_url(span.link),
    )


@dataclass(frozen=True)
class Piece:
    text: str  # cleaned, unescaped
    style: Style
    brk: int  # how good a break the end of this piece is


def pieces(text: str, style: Style) -> list[Piece]:
    """`text` (already cleaned) as pieces: each word with the white space after it."""
    out: list[Piece] = []
    for m in _PIECE.finditer(text):
        chunk = m.group()
        word = chunk.rstrip()
        if word == chunk:  # no space after: the next span may continue the same word
            brk = NO_BREAK
        elif "\n" in chunk[len(word) :]:
            brk = LINE
        elif _SENTENCE_END.search(word):
            brk = SENTENCE
        else:
            brk = WORD
        out.append(Piece(chunk, style, brk))
    return out


def span_pieces(spans: Iterable[Span], **style: bool) -> list[Piece]:
    out: list[Piece] = []
    for span in spans:
        out.extend(pieces(clean(span.text), style_of(span, **style)))
    return out


def block_pieces(block: Paragraph | Bullets | Heading, bullet: str = "• ") -> list[Piece]:
    """A text block as pieces; bullet items become lines starting with `bullet`."""
    if isinstance(block, Heading):
        return pieces(one_line(block.text), Style(bold=True, underline=block.level <= 1))
    if isinstance(block, Paragraph):
        return span_pieces(block.spans)
    out: list[Piece] = []
    for item in block.items:
        body = span_pieces(item)
        if not visible(body):
            continue
        if out:
            out.append(Piece("\n", PLAIN, LINE))
        out.append(Piece(bullet, PLAIN, NO_BREAK))
        out.extend(_strip_trailing(body))
    return out


def _strip_trailing(ps: list[Piece]) -> list[Piece]:
    """Drop white space at the end of a run of pieces (it would only pad a line)."""
    out = list(ps)
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        last = out[-1]
        out[-1] = Piece(last.text.rstrip(), last.style, last.brk)
    return out


def visible(ps: Sequence[Piece]) -> bool:
    return any(p.text.strip() for p in ps)


def shows(block: Paragraph | Bullets | Heading | Divider) -> bool:
    """Whether a block shows anything (a divider always does; text blocks need non-blank text)."""
    if isinstance(block, Divider):
        return True
    if isinstance(block, Heading):
        return bool(clean(block.text).strip())
    items = (block.spans,) if isinstance(block, Paragraph) else block.items
    return any(clean(s.text).strip() for item in items for s in item)


def content_blocks(reply: Reply) -> list[Paragraph | Bullets | Heading | Divider]:
    """The blocks worth rendering: blank ones dropped; the fallback as a paragraph when no text block
    shows."""
    blocks = [b for b in reply.blocks if shows(b)]
    if not any(not isinstance(b, Divider) for b in blocks) and clean(reply.fallback).strip():
        blocks.append(Paragraph((Span(reply.fallback),)))
    return blocks


def groups(chunk: Sequence[Piece]) -> list[tuple[Style, str]]:
    """Consecutive pieces of one style joined: what a renderer wraps in one set of tags."""
    out: list[tuple[Style, list[str]]] = []
    for p in chunk:
        if out and out[-1][0] == p.style:
            out[-1][1].append(p.text)
        else:
            out.append((p.style, [p.text]))
    return [(style, "".join(texts)) for style, texts in out]


def _is_glue(ch: str) -> bool:
    """Characters that belong to the character before them (combining marks, joiners, selectors)."""
    return unicodedata.combining(ch) != 0 or ch in "\u200d\ufe0e\ufe0f" or "\U0001f3fb" <= ch <= "\U0001f3ff"


def _clean_cut(text: str, i: int) -> bool:
    return not (_is_glue(text[i]) or text[i - 1] == "\u200d")


def _hard_split(piece: Piece, budget: int, cost: Callable[[str], int]) -> list[Piece]:
    """Cut one over-long piece into pieces that cost at most `budget` each, not inside a character
    cluster (a letter and its combining marks, an emoji sequence) unless the cluster alone is too long."""
    out: list[Piece] = []
    text = piece.text
    start = 0
    while start < len(text):
        used, end = 0, start
        while end < len(text) and used + cost(text[end]) <= budget:
            used += cost(text[end])
            end += 1
        end = max(end, start + 1)  # a character over budget on its own goes anyway
        if end < len(text):
            back = end
            while back > start + 1 and not _clean_cut(text, back):
                back -= 1
            if _clean_cut(text, back):
                end = back
        out.append(Piece(text[start:end], piece.style, NO_BREAK))
        start = end
    out[-1] = Piece(out[-1].text, piece.style, piece.brk)
    return out


def pack(
    ps: Sequence[Piece],
    limit: int,
    cost: Callable[[str], int],
    overhead: Callable[[Style], int],
    measure: Callable[[Sequence[Piece]], int] | None = None,
) -> list[list[Piece]]:
    """Pieces into chunks whose rendered size stays within `limit`.

    `cost(text)` is the size of text after escaping (additive over characters), `overhead(style)` an
    upper bound of the markup one styled run adds, `measure(chunk)` (optional) the exact rendered size, used
    to check each chunk. A chunk ends at the best break in its second half: a line end before a sentence
    end before a word end; a word longer than a whole chunk is cut.
    """
    work: list[Piece] = []
    for p in ps:
        budget = limit - overhead(p.style)
        work.extend(_hard_split(p, budget, cost) if cost(p.text) > budget else [p])

    def size(chunk: Sequence[Piece]) -> int:
        total, prev = 0, None
        for p in chunk:
            if p.style != prev:
                total += overhead(p.style)
                prev = p.style
            total += cost(p.text)
        return total

    chunks: list[list[Piece]] = []
    cur: list[Piece] = []
    cur_size = 0
    for p in work:
        add = cost(p.text) + (overhead(p.style) if not cur or cur[-1].style != p.style else 0)
        while cur and cur_size + add > limit:
            cut = _best_cut(cur, limit, cost, overhead)
            chunks.append(cur[:cut])
            cur = cur[cut:]
            cur_size = size(cur)
            add = cost(p.text) + (overhead(p.style) if not cur or cur[-1].style != p.style else 0)
        cur.append(p)
        cur_size += add
    if cur:
        chunks.append(cur)
    if measure is not None:
        chunks = _verify(chunks, limit, measure)
    return chunks


def _best_cut(
    cur: Sequence[Piece], limit: int, cost: Callable[[str], int], overhead: Callable[[Style], int]
) -> int:
    """Where to end a full chunk: after the best break that keeps at least half of it; failing that
    after the last break of any kind; failing that after everything."""
    best, best_brk, last_any = len(cur), NO_BREAK, 0
    running, prev = 0, None
    for idx, p in enumerate(cur):
        running += cost(p.text) + (overhead(p.style) if p.style != prev else 0)
        prev = p.style
        if p.brk == NO_BREAK:
            continue
        last_any = idx + 1
        if running >= limit // 2 and p.brk >= best_brk:
            best, best_brk = idx + 1, p.brk
    if best_brk == NO_BREAK and last_any:
        return last_any
    return best


def _verify(
    chunks: list[list[Piece]], limit: int, measure: Callable[[Sequence[Piece]], int]
) -> list[list[Piece]]:
    """Move pieces forward from any chunk whose exact size is over the limit."""
    out: list[list[Piece]] = []
    carry: list[Piece] = []
    queue = list(chunks)
    while queue or carry:
        chunk = carry + (queue.pop(0) if queue else [])
        carry = []
        while len(chunk) > 1 and measure(chunk) > limit:
            carry.insert(0, chunk.pop())
        out.append(chunk)
        if carry and not queue:
            queue.append([])
    return [c for c in out if c]


def truncate(text: str, limit: int, cost: Callable[[str], int], ellipsis: str = "…") -> str:
    """`text` cut at a word end so that its escaped size, with `ellipsis`, is at most `limit`."""
    if cost(text) <= limit:
        return text
    budget = limit - cost(ellipsis)
    used = 0
    end = 0
    last_space = 0
    for idx, ch in enumerate(text):
        c = cost(ch)
        if used + c > budget:
            break
        used += c
        end = idx + 1
        if ch.isspace():
            last_space = idx
    if last_space > end // 2:
        end = last_space
    return text[:end].rstrip() + ellipsis


def visible_chars(reply: Reply) -> int:
    """The characters of a reply's text, before any markup or escaping."""
    n = 0
    for block in reply.blocks:
        if isinstance(block, Heading):
            n += len(block.text)
        elif isinstance(block, Paragraph):
            n += sum(len(s.text) for s in block.spans)
        elif isinstance(block, Bullets):
            n += sum(len(s.text) for item in block.items for s in item)
    return n
