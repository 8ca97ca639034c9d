"""Run an asyncio fake server (with `async start()` / `async stop()`) from a daemon thread, so sync
tests and benchmarks can use it too."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator
from typing import Self


class ThreadedServer:
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None
    thread_name = "fake-api"

    async def start(self) -> None:
        raise NotImplementedError

    async def stop(self) -> None:
        raise NotImplementedError

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
