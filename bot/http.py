"""The one HTTP server of a briefbot process (aiohttp): Slack events, the Telegram webhook, health.

Waits are bounded. A client has `header_timeout` seconds from connecting (or from the end of its previous
response) to send a complete request line and headers, else the connection is closed: aiohttp's
`keepalive_timeout` is armed when a connection opens and closes it while no whole request has arrived,
so a client trickling its headers byte by byte is dropped like an idle one. Stopping waits at most
`shutdown_timeout` seconds for handlers still running.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from aiohttp import web

log = logging.getLogger(__name__)
DEFAULT_PORT = 8080
HEADER_TIMEOUT = 10.0  # seconds; settings.http_header_timeout_seconds
SHUTDOWN_TIMEOUT = 2.0  # seconds handlers in flight get when the server stops


class HttpServer:
    def __init__(
        self,
        routes: Sequence[web.RouteDef],
        host: str = "0.0.0.0",
        port: int = DEFAULT_PORT,
        *,
        header_timeout: float = HEADER_TIMEOUT,
        shutdown_timeout: float = SHUTDOWN_TIMEOUT,
    ) -> None:
        self.app = web.Application()
        self.app.add_routes(list(routes))
        self.host, self.port = host, port
        self.header_timeout, self.shutdown_timeout = header_timeout, shutdown_timeout
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        self._runner = web.AppRunner(
            self.app,
            access_log=None,
            keepalive_timeout=self.header_timeout,
            shutdown_timeout=self.shutdown_timeout,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = listening_port(self._runner, self.port)
        log.info("http server listening", extra={"host": self.host, "port": self.port})

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def listening_port(runner: web.AppRunner, asked: int) -> int:
    """The port `runner`'s site listens on: the one the system picked when `asked` was 0 (read from
    aiohttp's public `AppRunner.addresses`, the sockets' names)."""
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return asked
