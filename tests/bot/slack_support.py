"""The Slack test harness: the Bolt app behind the shared HTTP server, its Web API client pointed at the
fake Slack, and signed requests. Fixtures built on it are in conftest_slack.py."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp

from bot.commands import Commands
from bot.http import HttpServer
from bot.platforms.slack.front_end import EVENTS_PATH, SlackFrontEnd
from bot.settings import Settings
from bot.store import Database, open_database
from tests.fakes.slack_api import FakeSlackApi, Post

TOKEN = "xoxb-events-test-token"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
CHANNEL = "C0GENERAL"


def sign(body: str, *, secret: str = SECRET, ts: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if ts is None else ts)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class Slack:
    fake: FakeSlackApi
    front: SlackFrontEnd
    db: Database
    http: aiohttp.ClientSession
    url: str

    def slash_body(
        self,
        command: str,
        text: str = "",
        *,
        channel: str = CHANNEL,
        channel_name: str = "general",
        response_key: str = "r1",
        user_id: str = "U0ANN",
    ) -> str:
        return urlencode(
            {
                "token": "legacy-verification-token",
                "team_id": self.fake.team_id,
                "team_domain": "fake",
                "channel_id": channel,
                "channel_name": channel_name,
                "user_id": user_id,
                "user_name": user_id.lower(),
                "command": command,
                "text": text,
                "api_app_id": "A0BRIEF",
                "trigger_id": "1.2.3",
                "response_url": self.fake.response_url(response_key),
            }
        )

    async def post(self, body: str, headers: dict[str, str], content_type: str) -> tuple[int, str, float]:
        started = time.monotonic()
        async with self.http.post(
            self.url, data=body.encode(), headers={**headers, "Content-Type": content_type}
        ) as resp:
            text = await resp.text()
            return resp.status, text, time.monotonic() - started

    async def slash(self, command: str, text: str = "", **kw: Any) -> tuple[int, str, float]:
        body = self.slash_body(command, text, **kw)
        return await self.post(body, sign(body), "application/x-www-form-urlencoded")

    async def event(self, event: dict[str, Any]) -> tuple[int, str, float]:
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": self.fake.team_id,
                "api_app_id": "A0BRIEF",
                "type": "event_callback",
                "event_id": f"Ev{time.monotonic_ns()}",
                "event_time": int(time.time()),
                "event": event,
                "authorizations": [{"team_id": self.fake.team_id, "user_id": "UBOT", "is_bot": True}],
            }
        )
        return await self.post(body, sign(body), "application/json")

    async def command(self, command: str, text: str = "", **kw: Any) -> Post:
        """Run a slash command; return the one message it posted."""
        before = len(self.fake.posts)
        status, _, _ = await self.slash(command, text, **kw)
        assert status == 200
        posts = await self.fake.wait_for_posts(before + 1)
        assert len(posts) > before, f"{command} {text}: nothing posted"
        await asyncio.sleep(0.05)  # let any further parts arrive
        assert len(self.fake.posts) == before + 1
        return self.fake.posts[before]


async def slack_harness(db_path: Path) -> AsyncIterator[Slack]:
    async with FakeSlackApi(token=TOKEN) as fake:
        settings = Settings(
            database_url=f"sqlite:///{db_path}",
            slack_bot_token=TOKEN,
            slack_signing_secret=SECRET,
            slack_api_base_url=fake.base_url,
        )
        db = open_database(settings.database_url)
        front = SlackFrontEnd(settings, Commands(db, settings))
        server = HttpServer(front.http_routes(), host="127.0.0.1", port=0)
        await server.start()
        await front.start()
        try:
            async with aiohttp.ClientSession() as http:
                yield Slack(fake, front, db, http, f"http://127.0.0.1:{server.port}{EVENTS_PATH}")
        finally:
            await front.stop()
            await server.stop()
            db.dispose()
