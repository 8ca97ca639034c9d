"""The console: commands typed on stdin, answers and digests printed as text (bot/render/text.py, which
the CLI shares). It needs no settings and has no limits; `briefbot run` serves it when no chat platform
is enabled, `briefbot chat` always (bot/app.py)."""

from __future__ import annotations

from bot.platforms.base import Platform

PLATFORM = Platform(name="console")
