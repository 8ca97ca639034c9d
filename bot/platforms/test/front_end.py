"""The `test` platform's front end and sender: commands come from `say`, every message sent (answers
and digests alike) is kept in `InProcessSender.sent`, rendered as plain text by bot/render/text.py."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from aiohttp import web

from bot.commands import ChatContext, Commands
from bot.platforms.base import PacedAnswers
from bot.render.text import render_text
from bot.reply import Reply
from bot.settings import Settings


@dataclass(frozen=True)
class Sent:
    chat_id: str
    text: str
    id: str
    thread: str | None = None  # the thread it went into (None: the main chat)


class InProcessSender:
    """Records each message; never fails."""

    platform = "test"

    def __init__(self) -> None:
        self.sent: list[Sent] = []

    def render(self, reply: Reply) -> list[str]:
        return [render_text(reply)]

    async def send_rendered(
        self, chat_id: str, message: str, *, thread: str | None = None, earlier: Sequence[str] = ()
    ) -> str:
        sent = Sent(chat_id, message, f"test-{len(self.sent) + 1}", thread)
        self.sent.append(sent)
        return sent.id

    async def send(self, chat_id: str, reply: Reply) -> list[str]:
        return [await self.send_rendered(chat_id, message) for message in self.render(reply)]

    def messages(self, chat_id: str) -> list[str]:
        """Everything sent to `chat_id`, oldest first."""
        return [s.text for s in self.sent if s.chat_id == chat_id]


class InProcessFrontEnd(PacedAnswers):
    name = "test"

    def __init__(self, settings: Settings, commands: Commands) -> None:
        self.settings = settings
        self.commands = commands
        self.sender = InProcessSender()
        self.running = False

    def http_routes(self) -> list[web.RouteDef]:
        return []

    async def start(self) -> None:
        self.running = True

    async def stop(self) -> None:
        self.running = False

    async def say(
        self,
        chat_id: str,
        text: str,
        *,
        user_id: str = "user",
        chat_type: str = "private",
        can_manage: bool = True,
    ) -> str:
        """`user_id` sends `text` in `chat_id`; returns briefbot's answer as sent there (the text of all
        its messages). `can_manage`: whether the platform would let this user change the subscription."""
        if not self.running:
            raise RuntimeError("the test front end is not started")
        ctx = ChatContext(
            platform=self.name, chat_id=chat_id, user_id=user_id, chat_type=chat_type, can_manage=can_manage
        )
        reply = await asyncio.to_thread(self.commands.handle, text, ctx)
        ids = set()
        for message in self.sender.render(reply):
            await self.answer_slot(chat_id)  # the send path Telegram's and Slack's answers take
            ids.add(await self.sender.send_rendered(chat_id, message))
        return "\n".join(s.text for s in self.sender.sent if s.id in ids)
