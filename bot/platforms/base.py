"""What every chat front end offers the app: a Sender for digests, HTTP routes, start and stop."""

from __future__ import annotations

from typing import Protocol

from aiohttp import web

from bot.senders import Sender


class FrontEnd(Protocol):
    name: str  # "telegram", "slack", "console"
    sender: Sender

    def http_routes(self) -> list[web.RouteDef]:
        """Routes this front end needs on the shared HTTP server ([] when it needs none)."""
        ...

    async def start(self) -> None:
        """Start receiving (long polling, Socket Mode, or webhook registration); return once running."""
        ...

    async def stop(self) -> None: ...
