"""The console front end: the digest first, then commands typed on stdin (a prompt on a terminal,
line by line otherwise); exits cleanly at end of input. Digests for a console subscription are printed."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from aiohttp import web

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

    async def send_rendered(self, chat_id: str, message: str) -> str:
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

    async def run(self) -> int:
        """Print the current digest, then answer commands until end of input, "quit" or "exit"."""
        digest = await asyncio.to_thread(self.commands.current_digest_reply)
        self.show(render_text(digest, color=self.interactive))
        if self.interactive:
            self.show("Type /help for commands, Ctrl-D to quit.")
        while True:
            if self.interactive:
                self.stdout.write(PROMPT)
                self.stdout.flush()
            line = await asyncio.to_thread(self.stdin.readline)
            if not line:
                if self.interactive:
                    self.show("")
                return 0
            line = line.strip()
            if not line:
                continue
            if line.lower() in {"quit", "exit", "/quit", "/exit"}:
                return 0
            self.show(await asyncio.to_thread(self.answer, line))
