"""Telegram's `parse_mode=HTML` as the Bot API checks it: which tags, attributes and entities pass."""

from __future__ import annotations

import re
from dataclasses import dataclass


class TelegramHtmlError(ValueError):
    """Text Telegram would refuse with `Bad Request: can't parse entities: ...`."""


# tag -> attributes it may carry (True: required)
_TAGS: dict[str, dict[str, bool]] = {
    "b": {},
    "strong": {},
    "i": {},
    "em": {},
    "u": {},
    "ins": {},
    "s": {},
    "strike": {},
    "del": {},
    "tg-spoiler": {},
    "pre": {},
    "blockquote": {"expandable": False},
    "code": {"class": False},
    "span": {"class": True},
    "a": {"href": True},
    "tg-emoji": {"emoji-id": True},
}
_TAG = re.compile(
    r"<(?P<end>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)"
    r"(?P<attrs>(?:\s+[A-Za-z][A-Za-z0-9_-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*>"
)
_ATTR = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6}));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


@dataclass(frozen=True)
class ParsedHtml:
    text: str  # what the reader sees
    links: tuple[str, ...]  # every <a href>, in order
    tags: tuple[str, ...]  # every start tag, in order


def _unescape(raw: str, base: int, src: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "&":
            m = _ENTITY.match(raw, i)
            if not m:
                at = _byte_offset(src, base + i)
                raise TelegramHtmlError(f"Character entity expected at byte offset {at}")
            if m.group(1):
                out.append(_NAMED[m.group(1)])
            else:
                code = int(m.group(2)) if m.group(2) else int(m.group(3), 16)
                if code > 0x10FFFF:
                    raise TelegramHtmlError(f"Invalid entity at byte offset {_byte_offset(src, base + i)}")
                out.append(chr(code))
            i = m.end()
            continue
        if ch in "<>":
            raise TelegramHtmlError(
                f"Unsupported start tag at byte offset {_byte_offset(src, base + i)}"
                if ch == "<"
                else f"Unexpected '>' at byte offset {_byte_offset(src, base + i)}"
            )
        out.append(ch)
        i += 1
    return "".join(out)


def _byte_offset(src: str, index: int) -> int:
    return len(src[:index].encode("utf-8"))


def parse_telegram_html(src: str) -> ParsedHtml:
    """Parse `src` as Telegram's `parse_mode=HTML` does; raise TelegramHtmlError where Telegram refuses.

    Only Telegram's tags with their attributes, properly nested and closed; `<`, `>` and `&` outside a
    tag must be entities (`&lt;` `&gt;` `&amp;` `&quot;` or numeric). Stricter than Telegram in one way:
    Telegram lets some stray `>` and `&` through, this refuses them, so a renderer that forgets to
    escape is caught."""
    text: list[str] = []
    links: list[str] = []
    tags: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(src):
        lt = src.find("<", i)
        chunk_end = len(src) if lt < 0 else lt
        text.append(_unescape(src[i:chunk_end], i, src))
        if lt < 0:
            break
        m = _TAG.match(src, lt)
        if not m:
            raise TelegramHtmlError(f"Unsupported start tag at byte offset {_byte_offset(src, lt)}")
        name = m.group("name").lower()
        if name not in _TAGS:
            raise TelegramHtmlError(f'Unsupported start tag "{name}" at byte offset {_byte_offset(src, lt)}')
        if m.group("end"):
            if m.group("attrs").strip():
                raise TelegramHtmlError(f'Unexpected end tag "{name}" at byte offset {_byte_offset(src, lt)}')
            if not stack or stack[-1] != name:
                raise TelegramHtmlError(
                    f'Unmatched end tag at byte offset {_byte_offset(src, lt)}, expected "</{stack[-1]}>", '
                    f'found "</{name}>"'
                    if stack
                    else f"Unexpected end tag at byte offset {_byte_offset(src, lt)}"
                )
            stack.pop()
        else:
            allowed = _TAGS[name]
            attrs: dict[str, str] = {}
            for am in _ATTR.finditer(m.group("attrs")):
                key = am.group(1).lower()
                if key not in allowed:
                    at = _byte_offset(src, lt)
                    raise TelegramHtmlError(
                        f'Unsupported attribute "{key}" of tag "{name}" at byte offset {at}'
                    )
                value = am.group(2) or ""
                if value[:1] in "\"'":
                    value = value[1:-1]
                attrs[key] = _unescape(value, lt, src)
            for key, required in allowed.items():
                if required and not attrs.get(key):
                    raise TelegramHtmlError(
                        f'Tag "{name}" must have attribute "{key}" at byte offset {_byte_offset(src, lt)}'
                    )
            if name == "span" and attrs["class"] != "tg-spoiler":
                raise TelegramHtmlError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(src, lt)}'
                )
            if name == "a":
                links.append(attrs["href"])
            tags.append(name)
            stack.append(name)
        i = m.end()
    if stack:
        raise TelegramHtmlError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return ParsedHtml("".join(text), tuple(links), tuple(tags))


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


__all__ = ["ParsedHtml", "TelegramHtmlError", "parse_telegram_html", "utf16_len"]
