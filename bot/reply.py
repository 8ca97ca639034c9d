"""A platform-neutral reply: what a command answers, before any platform's markup.

Renderers (each platform's `bot/platforms/<name>/render.py`, and `bot/render/text.py` for the terminal)
turn one Reply into Telegram HTML, Slack Block Kit or terminal text. All text in a Reply is plain,
unescaped text (possibly hostile: it comes from articles and users); escaping is the renderer's job alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A run of inline text. `link` is an http(s) URL or None."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None


def spans(*parts: str | Span) -> tuple[Span, ...]:
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[tuple[Span, ...], ...]


@dataclass(frozen=True)
class Divider:
    pass


Block = Heading | Paragraph | Bullets | Divider


@dataclass(frozen=True)
class Reply:
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    # A one-line summary used where a platform wants plain text (Slack's `text` fallback, notifications).
    fallback: str = ""

    @classmethod
    def text(cls, *lines: str) -> Reply:
        """A reply of plain paragraphs, one per line given."""
        return cls(tuple(Paragraph(spans(line)) for line in lines), fallback=lines[0] if lines else "")

    def __add__(self, other: Reply) -> Reply:
        return Reply(self.blocks + other.blocks, self.fallback or other.fallback)


def join(replies: Iterable[Reply]) -> Reply:
    out = Reply()
    for r in replies:
        out = out + r
    return out
