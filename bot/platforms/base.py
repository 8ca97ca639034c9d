"""What every chat front end offers the app: a Sender for digests, HTTP routes, start and stop."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from aiohttp import web

from bot.senders import Sender


class FrontEnd(Protocol):
    name: str  # "telegram", "slack", "console"

    # Read-only, so that a front end may hold its own sender type (TelegramSender is a Sender).
    @property
    def sender(self) -> Sender: ...

    def http_routes(self) -> list[web.RouteDef]:
        """Routes this front end needs on the shared HTTP server ([] when it needs none)."""
        ...

    async def start(self) -> None:
        """Start receiving (long polling, Socket Mode, or webhook registration); return once running."""
        ...

    async def stop(self) -> None: ...


@runtime_checkable
class Watched(Protocol):
    """A front end that can tell when it has stopped receiving (e.g. long polling that gets no answer)."""

    def stalled(self) -> str | None:
        """Why it is not receiving, for /healthz; None while it is."""
        ...


def stalled_front_ends(front_ends: Iterable[object]) -> list[str]:
    """The reasons of every stalled front end (those that cannot tell are taken as fine)."""
    return [why for fe in front_ends if isinstance(fe, Watched) and (why := fe.stalled())]
