"""A rich progress bar for long ingests, shown only on a terminal (logs stay clean otherwise)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class ProgressSink(Protocol):
    def add_total(self, n: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...


class NullProgress:
    def add_total(self, n: int) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


class _RichProgress:
    def __init__(self, progress, task) -> None:
        self.progress, self.task, self.total = progress, task, 0

    def add_total(self, n: int) -> None:
        self.total += n
        self.progress.update(self.task, total=self.total)

    def advance(self, n: int = 1) -> None:
        self.progress.advance(self.task, n)


@contextmanager
def progress_bar(label: str, *, force: bool = False) -> Iterator[ProgressSink]:
    if not (force or sys.stderr.isatty()):
        yield NullProgress()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        yield _RichProgress(progress, progress.add_task(label, total=None))
