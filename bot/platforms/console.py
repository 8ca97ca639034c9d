"""The console front end: the digest first, then commands typed on stdin (a prompt on a terminal,
line by line otherwise); exits cleanly at end of input."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from bot.commands import ChatContext, Commands
from bot.render.text import render_text

PROMPT = "briefbot> "
CONSOLE_CONTEXT = ChatContext(platform="console", chat_id="console", user_id="console")


class Console:
    def __init__(self, commands: Commands, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.commands = commands
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.interactive = self.stdin.isatty() and self.stdout.isatty()

    def show(self, text: str) -> None:
        self.stdout.write(text.rstrip("\n") + "\n")
        self.stdout.flush()

    def answer(self, line: str) -> str:
        reply = self.commands.handle(line, CONSOLE_CONTEXT)
        return render_text(reply, color=self.interactive)

    async def run(self) -> int:
        self.show(render_text(self.commands.current_digest_reply(), color=self.interactive))
        if self.interactive:
            self.show("Type /help for commands, Ctrl-D to quit.")
        while True:
            if self.interactive:
                self.stdout.write(PROMPT)
                self.stdout.flush()
            line = await asyncio.to_thread(self.stdin.readline)
            if not line:  # end of input
                if self.interactive:
                    self.show("")
                return 0
            line = line.strip()
            if not line:
                continue
            if line.lower() in {"quit", "exit", "/quit", "/exit"}:
                return 0
            self.show(await asyncio.to_thread(self.answer, line))
