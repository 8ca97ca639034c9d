"""The console front end: a greeting with what is in store, then commands typed on stdin (a prompt on a
terminal, line by line otherwise); exits cleanly at end of input. The digest comes on /brief; digests for
a console subscription are printed."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from typing import TextIO

from aiohttp import web

from bot.briefing import fmt_when, news_window
from bot.commands import ChatContext, Commands
from bot.render.text import render_text
from bot.reply import Reply

PROMPT = "briefbot> "
CONSOLE_CONTEXT = ChatContext(platform="console", chat_id="console", user_id="console")


class ConsoleSender:
    platform = "console"

    def __init__(self, stdout: TextIO, color: bool = False) -> None:
        self.stdout, self.color = stdout, color
        self._count = 0

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        return [await self.send_rendered(chat_id, self.render(reply)[0])]

    def render(self, reply: Reply) -> list[str]:
        return [render_text(reply, color=self.color)]

    async def send_rendered(
        self, chat_id: str, message: str, *, thread: str | None = None, earlier: Sequence[str] = ()
    ) -> str:
        """The terminal has no threads: every message is printed in order."""
        self.stdout.write("\n" + message.rstrip("\n") + "\n")
        self.stdout.flush()
        self._count += 1
        return f"console-{self._count}"


class ConsoleFrontEnd:
    name = "console"

    def __init__(self, commands: Commands, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.commands = commands
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.interactive = self.stdin.isatty() and self.stdout.isatty()
        self.sender = ConsoleSender(self.stdout, color=self.interactive)

    def http_routes(self) -> list[web.RouteDef]:
        return []

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass

    def show(self, text: str) -> None:
        self.stdout.write(text.rstrip("\n") + "\n")
        self.stdout.flush()

    def answer(self, line: str) -> str:
        return render_text(self.commands.handle(line, CONSOLE_CONTEXT), color=self.interactive)

    def greeting(self) -> str:
        """One short line: how many stories and topics the digest draws on, and what to type."""
        with self.commands.db.session() as session:
            window = news_window(session, self.commands.clock())
            stories, topics = len(window.rows), len(window.topics)
        if not stories:
            return "briefbot: no stories yet (run `briefbot ingest PATH`). /help lists the commands."
        when = f" since {fmt_when(window.since)}" if window.since is not None else ""
        quit_hint = ", Ctrl-D quits" if self.interactive else ""
        return (
            f"briefbot: {_count(stories, 'story', 'stories')} in {_count(topics, 'topic', 'topics')}{when}. "
            f"/brief shows the digest, /help the commands{quit_hint}."
        )

    async def run(self) -> int:
        """Greet with the counts, then answer commands until end of input, "quit" or "exit".

        Input that is not a terminal and ends before any command (`make run </dev/null`, a service
        log) gets the digest at its end: nobody there can type /brief, and the digest is what the
        first run is for."""
        self.show(await asyncio.to_thread(self.greeting))
        asked = False
        while True:
            if self.interactive:
                self.stdout.write(PROMPT)
                self.stdout.flush()
            line = await asyncio.to_thread(self.stdin.readline)
            if not line:
                if self.interactive:
                    self.show("")
                elif not asked:
                    self.show("\n" + await asyncio.to_thread(self.answer, "/brief"))
                return 0
            line = line.strip()
            if not line:
                continue
            asked = True
            if line.lower() in {"quit", "exit", "/quit", "/exit"}:
                return 0
            self.show(await asyncio.to_thread(self.answer, line))


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"
