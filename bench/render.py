"""Rendering cost and message counts: real BBC digests and one hostile 200,000-character paragraph,
rendered for Telegram, Slack and the terminal. Run: .venv/bin/python bench/render.py"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.platforms.slack.render import render_slack
from bot.platforms.telegram.render import render_telegram
from bot.render.common import utf16_len
from bot.render.text import render_text
from bot.reply import Paragraph, Reply, Span
from tests.bot.render_support import news_digest_reply


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    best = float("inf")
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000, out


def main() -> None:
    hostile = "Officials met <!channel> & *agreed* a plan <b>today</b>.\x1b[31m 😀 " * 3000
    cases = [
        ("digest, 12 BBC stories", news_digest_reply(12), 20),
        ("digest, 60 BBC stories", news_digest_reply(60), 5),
        (f"one paragraph, {len(hostile)} chars", Reply((Paragraph((Span(hostile, bold=True),)),)), 3),
    ]
    print(f"{'reply':32} {'platform':9} {'best ms':>8} {'parts':>6} {'largest part':>13}")
    for name, reply, repeat in cases:
        ms, msgs = timed(lambda r=reply: render_telegram(r), repeat)
        print(f"{name:32} {'telegram':9} {ms:8.1f} {len(msgs):6d} {max(utf16_len(m) for m in msgs):9d} u16")
        ms, payloads = timed(lambda r=reply: render_slack(r), repeat)
        blocks = max(len(p["blocks"]) for p in payloads)
        print(f"{name:32} {'slack':9} {ms:8.1f} {len(payloads):6d} {blocks:6d} blocks")
        ms, text = timed(lambda r=reply: render_text(r, width=80), repeat)
        print(f"{name:32} {'text':9} {ms:8.1f} {1:6d} {len(text):7d} chars")


if __name__ == "__main__":
    main()
