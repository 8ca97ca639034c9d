"""A Reply as plain terminal text: headings underlined, bullets "•", links as "label (url)".

Untrusted text loses every control character but the newline (ESC, other C0 and C1 controls, carriage
returns, bidi overrides), so an article cannot move the cursor, recolour the terminal or reorder what
follows; tabs become spaces. With `color=True` headings and bold/italic spans get ANSI SGR codes, ours
alone. With `width`, lines are wrapped to that many terminal cells (a word longer than a line, such as a
URL, is left whole).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from bot.render.common import clean, content_blocks, http_url, one_line
from bot.reply import Bullets, Divider, Heading, Paragraph, Reply, Span

BULLET = "• "
INDENT = "  "
DIVIDER_WIDTH = 40
TAB = "    "
RESET = "\x1b[0m"


@dataclass(frozen=True)
class _Frag:
    text: str
    sgr: str = ""  # SGR parameters ("1" bold, "3" italic) used only with color


def render_text(reply: Reply, *, color: bool = False, width: int | None = None) -> str:
    """`reply` as terminal text without a trailing newline; "" when the reply shows nothing."""
    if width is not None and width < 10:
        width = 10
    out: list[str] = []
    for block in content_blocks(reply):
        if isinstance(block, Heading):
            out.append(_heading(block, color, width))
        elif isinstance(block, Paragraph):
            out.append(_lines(_frags(block.spans), color, width, "", ""))
        elif isinstance(block, Bullets):
            items = [_lines(_frags(item), color, width, BULLET, INDENT) for item in block.items]
            out.append("\n".join(i for i in items if i.strip() != BULLET.strip()))
        elif isinstance(block, Divider):
            out.append("─" * min(width or DIVIDER_WIDTH, DIVIDER_WIDTH))
    return "\n\n".join(out)


def terminal_safe(text: str) -> str:
    """Untrusted text with no control character but the newline."""
    return clean(text).replace("\t", TAB)


def cells(text: str) -> int:
    """Terminal cells `text` takes: wide East Asian characters two, combining and format marks none."""
    n = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Cf", "Mn", "Me"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def _heading(block: Heading, color: bool, width: int | None) -> str:
    text = terminal_safe(one_line(block.text))
    lines = _wrap_words([[_Frag(w)] for w in text.split(" ")], width, "", "") if width else [[_Frag(text)]]
    plain = ["".join(f.text for f in line) for line in lines]
    rule = ("=" if block.level <= 1 else "-") * max(cells(p) for p in plain)
    shown = [f"\x1b[1m{p}{RESET}" if color else p for p in plain]
    return "\n".join([*shown, rule])


def _frags(spans: tuple[Span, ...]) -> list[_Frag]:
    out: list[_Frag] = []
    for span in spans:
        text = terminal_safe(span.text)
        sgr = ";".join(code for flag, code in ((span.bold, "1"), (span.italic, "3")) if flag)
        url = http_url(span.link)
        if url and text.strip() and one_line(text) != url:
            out.append(_Frag(text, sgr))
            out.append(_Frag(f" ({url})"))
        elif url:
            out.append(_Frag(url, sgr))
        elif text:
            out.append(_Frag(text, sgr))
    return out


def _lines(frags: list[_Frag], color: bool, width: int | None, first: str, rest: str) -> str:
    """Fragments as lines: `first` before the first line, `rest` before the others (hanging indent)."""
    if width is None:
        text = _show(frags, color).strip("\n ")
        return first + text.replace("\n", "\n" + rest)
    out: list[str] = []
    for hard in _split_lines(frags):
        words = _words(hard)
        prefix_first = first if not out else rest
        for i, line in enumerate(_wrap_words(words, width, prefix_first, rest)):
            out.append(((prefix_first if i == 0 else rest) + _show(line, color)).rstrip())
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


def _show(frags: list[_Frag], color: bool) -> str:
    if not color:
        return "".join(f.text for f in frags)
    runs: list[_Frag] = []
    for f in frags:
        if runs and runs[-1].sgr == f.sgr:
            runs[-1] = _Frag(runs[-1].text + f.text, f.sgr)
        else:
            runs.append(f)
    return "".join(_sgr(f) for f in runs)


def _sgr(f: _Frag) -> str:
    """A styled run in SGR codes, white space at either end left outside them."""
    core = f.text.strip()
    if not f.sgr or not core:
        return f.text
    lead = f.text[: len(f.text) - len(f.text.lstrip())]
    trail = f.text[len(f.text.rstrip()) :]
    return f"{lead}\x1b[{f.sgr}m{core}{RESET}{trail}"


def _split_lines(frags: list[_Frag]) -> list[list[_Frag]]:
    lines: list[list[_Frag]] = [[]]
    for f in frags:
        parts = f.text.split("\n")
        for n, part in enumerate(parts):
            if n:
                lines.append([])
            if part:
                lines[-1].append(_Frag(part, f.sgr))
    return lines


def _words(frags: list[_Frag]) -> list[list[_Frag]]:
    """A line's fragments as words (runs without white space), each a list of styled fragments."""
    words: list[list[_Frag]] = [[]]
    for f in frags:
        parts = f.text.split()
        if f.text[:1].isspace() and words[-1]:
            words.append([])
        for n, part in enumerate(parts):
            if n:
                words.append([])
            words[-1].append(_Frag(part, f.sgr))
        if f.text[-1:].isspace() and words[-1]:
            words.append([])
    return [w for w in words if w]


def _wrap_words(words: list[list[_Frag]], width: int | None, first: str, rest: str) -> list[list[_Frag]]:
    """Greedy wrapping of words to `width` cells, counting the line prefixes."""
    lines: list[list[_Frag]] = []
    line: list[_Frag] = []
    used = 0
    for word in words:
        w = sum(cells(f.text) for f in word)
        room = (width or 0) - cells(first if not lines else rest)
        if line and width is not None and used + 1 + w > room:
            lines.append(line)
            line, used = [], 0
        if line:
            # The space between two words of one style takes that style, so the run stays one SGR span.
            line.append(_Frag(" ", word[0].sgr if line[-1].sgr == word[0].sgr else ""))
            used += 1
        line.extend(word)
        used += w
    lines.append(line)
    return lines
