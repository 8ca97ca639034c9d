"""What a platform offers the rest of briefbot: a `Platform` descriptor (registered in
bot/platforms/registry.py) and, once started, a `FrontEnd` with a Sender for digests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, Self, runtime_checkable

from aiohttp import web
from pydantic import BaseModel

from bot.ratelimit import UNLIMITED, Limits, Pacer
from bot.senders import Sender

if TYPE_CHECKING:
    from bot.commands import Commands
    from bot.reply import Reply
    from bot.settings import Settings


class FrontEnd(Protocol):
    name: str  # the platform's registry name: "telegram", "slack", "console", "test"

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


class PlatformSettings(BaseModel):
    """A platform's section of the settings: fields named `<platform>_<setting>`, written flat in the TOML
    files and read as BRIEFBOT_<FIELD> (plus `Platform.env` names). bot/settings.py merges every
    registered section into `Settings`; the platform reads its own, typed, with `of(settings)`."""

    @classmethod
    def of(cls, settings: BaseModel) -> Self:
        """This section's values out of the whole (already validated) settings."""
        return cls.model_validate({name: getattr(settings, name) for name in cls.model_fields})


def _no(_: object) -> bool:
    return False


def _no_problems(_: object) -> list[str]:
    return []


@dataclass(frozen=True)
class Platform:
    """Everything outside a platform's package knows about it. Cheap to import: the chat library loads
    only when `front_end` is called."""

    name: str  # as stored with subscriptions and shown in logs and metrics
    settings: type[PlatformSettings] | None = None
    env: Mapping[str, str] = field(default_factory=dict)  # setting -> the platform's own variable name
    secrets: frozenset[str] = frozenset()  # settings never printed or logged
    token_shapes: tuple[str, ...] = ()  # regexes of its credentials: redacted from every log line
    limits: Limits = UNLIMITED
    is_group: Callable[[str], bool] = _no  # chat id -> a group with its own, slower limit
    enabled: Callable[[Settings], bool] = _no  # serve it in `briefbot run`?
    problems: Callable[[Settings], list[str]] = _no_problems  # for `config check` and start-up
    front_end: Callable[[Settings, Commands], FrontEnd] | None = None
    # Whether a digest is one message within `max_chars` here (None: any length fits); the digest
    # budget is checked on every registered platform, so all show the same stories.
    fits: Callable[[Reply, int], bool] | None = None
    # Whether a digest here is its front page followed, in the page's thread, by the stories the page
    # leaves out (bot/briefing.py `thread_reply`); else the page alone says how many are not shown.
    threads_long_digests: bool = False
    # (module, class) of the library's network errors: the CLI reports them in one line.
    network_errors: tuple[tuple[str, str], ...] = ()


class PacedAnswers:
    """For a front end whose answers share the platform's send slots with the outbox: bot/app.py hands
    it the Pacer the outbox uses, and each message of an answer waits for an urgent slot, so it passes
    before queued digest messages and the two together never exceed the platform's limits."""

    pacer: Pacer | None = None

    def pace_with(self, pacer: Pacer) -> None:
        self.pacer = pacer

    async def answer_slot(self, chat_id: str) -> None:
        if self.pacer is not None:
            await self.pacer.acquire(chat_id, urgent=True)

    def told_to_wait(self, chat_id: str, retry_after: float) -> None:
        """The platform answered "retry after" to an answer: hold the chat back for digests too."""
        if self.pacer is not None:
            self.pacer.penalize(chat_id, retry_after)


@runtime_checkable
class Watched(Protocol):
    """A front end that can tell when it has stopped receiving (e.g. long polling that gets no answer)."""

    def stalled(self) -> str | None:
        """Why it is not receiving, for /healthz; None while it is."""
        ...


def stalled_front_ends(front_ends: Iterable[object]) -> list[str]:
    """The reasons of every stalled front end (those that cannot tell are taken as fine)."""
    return [why for fe in front_ends if isinstance(fe, Watched) and (why := fe.stalled())]
