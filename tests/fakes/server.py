"""What both fake platform servers share: waiting for what they recorded, and running their asyncio
server (`async start()` / `async stop()`) from a daemon thread for sync tests and benchmarks."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, Self

from aiohttp import web

from bot.http import listening_port


class FakeServer:
    _loop: asyncio.AbstractEventLoop | None = None
    _runner: web.AppRunner | None = None
    _thread: threading.Thread | None = None
    thread_name = "fake-api"
    calls: list[Any]  # every API call received, each with a `.method`
    host: str
    port: int

    @property
    def root_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def calls_to(self, method: str) -> list[Any]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        """Poll `predicate` until it holds or `timeout` passes; returns whether it held."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(0.01)
        return True

    def wait_for_sync(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        """`wait_for` for threads without an event loop."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return True

    async def start(self) -> Self:
        raise NotImplementedError

    async def stop(self) -> None:
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _listen(self, app: web.Application, **runner_options: Any) -> None:
        """Serve `app` on host:port (port 0: a free one, then recorded in `port`)."""
        self._runner = web.AppRunner(app, access_log=None, **runner_options)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = listening_port(self._runner, self.port)

    async def _unlisten(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def start_in_thread(self) -> Self:
        """Serve from an event loop in a daemon thread; start-up errors are raised here."""
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            self._loop = loop
            try:
                loop.run_until_complete(self.start())
            except BaseException as exc:  # report start-up errors to the caller
                errors.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self.stop())
            loop.close()

        self._thread = threading.Thread(target=run, name=self.thread_name, daemon=True)
        self._thread.start()
        ready.wait(10)
        if errors:
            raise errors[0]
        return self

    def stop_thread(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop = None
            self._thread = None

    @contextlib.contextmanager
    def running_in_thread(self) -> Iterator[Self]:
        self.start_in_thread()
        try:
            yield self
        finally:
            self.stop_thread()
