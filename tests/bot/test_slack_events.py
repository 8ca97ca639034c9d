"""Slack end to end over real HTTP: signed requests POSTed to the Bolt app on the shared aiohttp server,
its Web API client pointed at the fake Slack; every command answered with a real chat.postMessage."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import shutil
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.commands import Commands
from bot.ingest import ingest_specs, make_analyser
from bot.platforms.slack.front_end import SlackFrontEnd, strip_mention
from bot.settings import Settings, SettingsError
from bot.store import open_database
from bot.store.repo import recent_articles
from bot.store.rowcache import analysis_of
from tests.bot.slack_support import CHANNEL, SECRET, TOKEN, Slack, sign, slack_harness
from tests.fakes.slack_api import FakeSlackApi, Post

HOSTILE = """<!channel> Delegation alert: @here <@U123> arrives in Oslo

Trade Minister Kari Nordmann will lead a delegation to Oslo on Monday, officials said <!channel>
in a statement.

The visit follows talks last month. <!here> Deputy Minister Ola Hansen and <@U123> will join the delegation.

<!everyone> The ministry said the delegation would discuss fishing quotas and shipping routes.
"""


def live_mentions(post: Post) -> list[str]:
    """Everything Slack would turn into a mention or broadcast: <!...>/<@...> in mrkdwn text and the
    fallback text, or rich_text user/broadcast elements."""
    found: list[str] = []
    pattern = re.compile(r"<[!@#][^>]*>")
    found += pattern.findall(post.text or "")

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if value.get("type") == "mrkdwn":
                found.extend(pattern.findall(str(value.get("text", ""))))
            if value.get("type") in ("user", "broadcast", "usergroup"):
                found.append(json.dumps(value))
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(post.blocks or [])
    return found


# -- every command end to end ---------------------------------------------------------------------


async def test_brief_posts_the_digest_to_the_channel(slack: Slack) -> None:
    post = await slack.command("/brief")
    assert post.channel == CHANNEL and post.blocks
    text = post.all_text()
    assert "Sherwood-Randall" in text or "fentanyl" in text.lower()
    assert post.params.get("unfurl_links") is False


async def test_brief_with_a_topic_and_with_an_unknown_one(slack: Slack) -> None:
    post = await slack.command("/brief", "fentanyl")
    assert "fentanyl" in post.all_text().lower()
    # Slack sends a typed "&" as "&amp;": the words searched are still fentanyl and migration
    both = await slack.command("/brief", "fentanyl &amp; migration")
    assert "Nothing in the current digest" not in both.all_text()
    miss = await slack.command("/brief", "cricket")
    assert "Nothing in the current digest about" in miss.all_text()


async def test_who_names_the_leader_members_and_titles_of_the_seed_delegation(slack: Slack) -> None:
    post = await slack.command("/who")
    text = post.all_text()
    assert re.search(r"led by Liz Sherwood-Randall", text), text
    for name, title in [
        ("Rich Verma", "deputy secretary of state"),
        ("Lisa Monaco", "deputy attorney general"),
        ("Kristie Canegallo", "acting deputy secretary"),
        ("Kemp Chester", "senior adviser"),
    ]:
        line = next((ln for ln in text.splitlines() if name in ln), "")  # one bullet a member
        assert title in line.lower(), f"{name}: {line!r}"
    assert "Homeland Security Adviser".lower() in text.lower()
    members = [ln for ln in text.splitlines() if ln.startswith("•")]
    assert len(members) == 5 and "(leads)" in members[0] and "Sherwood-Randall" in members[0]
    assert not any("Biden" in ln or "Howell" in ln for ln in members)  # sender and author are no delegates


async def test_who_with_a_name(slack: Slack) -> None:
    post = await slack.command("/who", "Monaco")
    text = post.all_text()
    assert "Lisa Monaco" in text and "Deputy Attorney General".lower() in text.lower()
    miss = await slack.command("/who", "Napoleon")
    assert "No one called" in miss.all_text()


async def test_topics_and_one_topic(slack: Slack) -> None:
    with slack.db.session() as session:
        rows = recent_articles(session)
        labels = [t.label for row in rows for t in analysis_of(row).topics]
    assert labels
    text = (await slack.command("/topics")).all_text()
    for label in labels:
        assert label in text
    one = (await slack.command("/topics", labels[0])).all_text()
    assert labels[0] in one and "(1)" in one
    assert "Biden" in one or "Mexico" in one  # the seed's headline is listed
    miss = await slack.command("/topics", "zzzz-no-such-topic")
    assert "No topic matching" in miss.all_text()


async def test_subscribe_settings_unsubscribe(slack: Slack) -> None:
    slack.fake.set_user("U0ANN", is_admin=True)  # who may is tested in test_slack_managers.py
    sub = await slack.command("/subscribe", "07:30 Europe/Berlin")
    assert "07:30 Europe/Berlin" in sub.all_text()
    settings = await slack.command("/settings")
    assert "07:30 Europe/Berlin" in settings.all_text()
    gone = await slack.command("/unsubscribe", "all")
    assert "Unsubscribed" in gone.all_text()
    after = await slack.command("/settings")
    assert "No subscription" in after.all_text()


async def test_help_lists_every_command(slack: Slack) -> None:
    text = (await slack.command("/help")).all_text()
    for name in ("/brief", "/who", "/topics", "/subscribe", "/unsubscribe", "/settings"):
        assert name in text


async def test_bad_arguments_get_a_usage_hint(slack: Slack) -> None:
    slack.fake.set_user("U0ANN", is_admin=True)
    post = await slack.command("/subscribe", "08:00 UTC the")
    assert "Usage: /subscribe" in post.all_text()
    post = await slack.command("/unsubscribe", "everything now")
    assert "Usage: /unsubscribe" in post.all_text()
    post = await slack.command("/subscribe", "07:30 Mars/Olympus")
    assert "Unknown time zone" in post.all_text()


async def test_direct_message_commands_are_answered_in_the_dm(slack: Slack) -> None:
    post = await slack.command("/help", channel="D0ANN", channel_name="directmessage")
    assert post.channel == "D0ANN"


# -- mentions -------------------------------------------------------------------------------------


async def test_app_mention_is_answered_in_its_thread(slack: Slack) -> None:
    status, _, _ = await slack.event(
        {
            "type": "app_mention",
            "user": "U0ANN",
            "text": "<@UBOT> who",
            "ts": "1700000000.000200",
            "channel": CHANNEL,
            "event_ts": "1700000000.000200",
        }
    )
    assert status == 200
    posts = await slack.fake.wait_for_posts(1)
    assert posts[0].channel == CHANNEL and posts[0].thread_ts == "1700000000.000200"
    assert "Sherwood-Randall" in posts[0].all_text()


async def test_a_timeout_retry_of_an_event_is_not_answered_twice(slack: Slack) -> None:
    event = {
        "type": "app_mention",
        "user": "U0ANN",
        "text": "<@UBOT> who",
        "ts": "1700000000.000400",
        "channel": CHANNEL,
    }
    status, _, _ = await slack.event(event)
    await slack.fake.wait_for_posts(1)
    body = json.dumps(
        {
            "token": "legacy",
            "team_id": slack.fake.team_id,
            "api_app_id": "A0BRIEF",
            "type": "event_callback",
            "event_id": "EvRETRY",
            "event_time": int(time.time()),
            "event": event,
        }
    )
    retry = {**sign(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    status, _, _ = await slack.post(body, retry, "application/json")
    forged = {**sign(body, secret="wrong"), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "other"}
    forged_status, _, _ = await slack.post(body, forged, "application/json")
    await asyncio.sleep(0.5)
    assert status == 200 and forged_status == 401
    assert len(slack.fake.posts) == 1


async def test_mention_with_a_name_inside_a_thread(slack: Slack) -> None:
    await slack.event(
        {
            "type": "app_mention",
            "user": "U0ANN",
            "text": "<@UBOT> /who Monaco",
            "ts": "1700000000.000300",
            "thread_ts": "1700000000.000100",
            "channel": CHANNEL,
        }
    )
    posts = await slack.fake.wait_for_posts(1)
    assert posts[0].thread_ts == "1700000000.000100"
    assert "Lisa Monaco" in posts[0].all_text()


def test_strip_mention() -> None:
    assert strip_mention("<@UBOT> who Monaco", "UBOT") == "who Monaco"
    assert strip_mention("<@UBOT|briefbot>: topics", "UBOT") == "topics"
    assert strip_mention("hey <@UBOT> brief", "UBOT") == "brief"
    assert strip_mention("who Monaco <@UBOT>", "UBOT") == "who Monaco"
    assert strip_mention("<@UBOT> who <@U777>", None) == "who <@U777>"


# -- acknowledgement, signatures ------------------------------------------------------------------


async def test_ack_comes_back_before_a_slow_command_finishes(
    slack: Slack, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = slack.front.commands.handle

    def slow(text: str, ctx: Any) -> Any:
        time.sleep(4)
        return real(text, ctx)

    monkeypatch.setattr(slack.front.commands, "handle", slow)
    status, _, elapsed = await slack.slash("/help")
    assert status == 200
    assert elapsed < 1.5, f"ack took {elapsed:.2f}s"
    assert slack.fake.posts == []  # the answer is still being worked on
    posts = await slack.fake.wait_for_posts(1, timeout=10)
    assert "/brief" in posts[0].all_text()


@pytest.mark.parametrize("case", ["forged", "stale", "missing", "wrong-secret"])
async def test_unsigned_or_stale_requests_get_401_and_nothing_runs(slack: Slack, case: str) -> None:
    body = slack.slash_body("/help")
    headers = {
        "forged": {**sign(body), "X-Slack-Signature": "v0=" + "0" * 64},
        "stale": sign(body, ts=int(time.time()) - 6 * 60),
        "missing": {},
        "wrong-secret": sign(body, secret="not-the-signing-secret"),
    }[case]
    status, _, _ = await slack.post(body, headers, "application/x-www-form-urlencoded")
    assert status == 401
    await asyncio.sleep(0.3)
    assert slack.fake.posts == [] and slack.fake.responses == []


async def test_tampered_body_is_refused(slack: Slack) -> None:
    body = slack.slash_body("/help")
    tampered = body.replace("help", "who")
    status, _, _ = await slack.post(tampered, sign(body), "application/x-www-form-urlencoded")
    assert status == 401


BODY_MARKER = "QUARTERLY-EARNINGS-LEAK"


def _unsigned_forgeries(slack: Slack) -> list[tuple[str, bytes, dict[str, str], str]]:
    """(case, body, headers, content type): requests nobody can verify."""
    slash = slack.slash_body("/help", BODY_MARKER)
    event = json.dumps(
        {
            "type": "event_callback",
            "event_id": "EvFORGED",
            "team_id": slack.fake.team_id,
            "event": {
                "type": "app_mention",
                "user": "U0ANN",
                "channel": CHANNEL,
                "text": f"<@UBOT> who {BODY_MARKER}",
                "ts": "1700000000.000900",
            },
        }
    )
    mib = (BODY_MARKER + " not json at all ") * (1024 * 1024 // (len(BODY_MARKER) + 17) + 1)
    now = str(int(time.time()))
    return [
        (
            "claimed retry",
            event.encode(),
            {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
            "application/json",
        ),
        (
            "claimed retry, junk signature",
            event.encode(),
            {
                "X-Slack-Retry-Num": "2",
                "X-Slack-Retry-Reason": "http_timeout",
                "X-Slack-Request-Timestamp": now,
                "X-Slack-Signature": "v0=abc",
            },
            "application/json",
        ),
        ("1 MiB non-JSON body", mib.encode()[: 1024 * 1024], {}, "application/json"),
        (
            "1 MiB, signature-shaped",
            mib.encode()[: 1024 * 1024],
            {"X-Slack-Request-Timestamp": now, "X-Slack-Signature": "v0=" + "0" * 64},
            "application/json",
        ),
        (
            "timestamp abc",
            slash.encode(),
            {**sign(slash), "X-Slack-Request-Timestamp": "abc"},
            "application/x-www-form-urlencoded",
        ),
        (
            "timestamp in the future",
            slash.encode(),
            sign(slash, ts=int(time.time()) + 3600),
            "application/x-www-form-urlencoded",
        ),
    ]


async def test_unverifiable_requests_get_401_with_one_short_line_and_no_body_in_any_log(
    slack: Slack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    forgeries = _unsigned_forgeries(slack)
    for case, body, headers, content_type in forgeries:
        sent = {**headers, "Content-Type": content_type}
        async with slack.http.post(slack.url, data=body, headers=sent) as resp:
            assert resp.status == 401, case
    await asyncio.sleep(0.3)
    assert slack.fake.posts == [] and slack.fake.responses == []
    refusals = [r.getMessage() for r in caplog.records if r.getMessage().startswith("slack: request refused")]
    assert len(refusals) == len(forgeries)
    assert BODY_MARKER not in caplog.text and "not json" not in caplog.text
    assert len(caplog.text.encode()) < 64 * 1024, f"{len(caplog.text)} characters of log"


async def test_a_signed_but_unparseable_body_is_refused_without_a_traceback(
    slack: Slack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for body in (f"{{{BODY_MARKER} is not json", f'["{BODY_MARKER}"]'):
        status, _, _ = await slack.post(body, sign(body), "application/json")
        assert status == 401
    assert [r.levelno for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert BODY_MARKER not in caplog.text and all(r.exc_info is None for r in caplog.records)


async def test_bolts_own_log_of_a_badly_signed_request_carries_no_body(
    slack: Slack, caplog: pytest.LogCaptureFixture
) -> None:
    """Our check refuses bad signatures before Bolt sees them; should one reach Bolt anyway (another
    route, a future change), Bolt's INFO line about it must not carry the body."""
    caplog.set_level(logging.DEBUG)
    body = slack.slash_body("/help", BODY_MARKER * 1000)
    forged = AsyncBoltRequest(
        body=body, headers={**sign(body, secret="wrong"), "Content-Type": "application/x-www-form-urlencoded"}
    )
    response = await slack.front.app.async_dispatch(forged)
    assert response.status == 401
    assert any("Invalid request signature" in r.getMessage() for r in caplog.records)
    assert BODY_MARKER not in caplog.text and len(caplog.text) < 4096


def test_http_mode_needs_a_signing_secret(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}", slack_bot_token=TOKEN)
    with pytest.raises(SettingsError, match="SLACK_SIGNING_SECRET"):
        SlackFrontEnd(settings, Commands(None, settings))  # type: ignore[arg-type]


# -- where the answer goes when the bot cannot post; failures -------------------------------------


async def test_not_in_channel_falls_back_to_the_response_url(slack: Slack) -> None:
    slack.fake.fail(CHANNEL, "not_in_channel")
    status, _, _ = await slack.slash("/help", response_key="fallback")
    assert status == 200
    assert await slack.fake.wait_for(lambda: len(slack.fake.responses) == 1)
    answer = slack.fake.responses[0]
    assert answer.key == "fallback" and "/brief" in answer.all_text()
    assert answer.payload.get("response_type") == "in_channel"
    assert slack.fake.posts == []


async def test_a_failing_command_is_logged_and_the_user_gets_an_apology(
    slack: Slack, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str, ctx: Any) -> Any:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(slack.front.commands, "handle", broken)
    status, _, _ = await slack.slash("/who")
    assert status == 200
    assert await slack.fake.wait_for(lambda: len(slack.fake.responses) == 1)
    assert "Sorry" in slack.fake.responses[0].all_text()
    assert slack.fake.responses[0].payload.get("response_type") == "ephemeral"
    failed = [r for r in caplog.records if r.getMessage() == "slack command failed"]
    assert failed and failed[0].channel_id == CHANNEL
    assert all(TOKEN not in r.getMessage() and SECRET not in r.getMessage() for r in caplog.records)
    # the app keeps serving
    monkeypatch.undo()
    assert "/brief" in (await slack.command("/help")).all_text()


async def test_a_failing_mention_gets_an_apology_in_the_thread(
    slack: Slack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str, ctx: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(slack.front.commands, "handle", broken)
    await slack.event(
        {
            "type": "app_mention",
            "user": "U0ANN",
            "text": "<@UBOT> brief",
            "ts": "1700000000.000500",
            "channel": CHANNEL,
        }
    )
    posts = await slack.fake.wait_for_posts(1)
    assert "Sorry" in posts[0].all_text() and posts[0].thread_ts == "1700000000.000500"


# -- hostile article text -------------------------------------------------------------------------


@pytest.fixture
async def hostile_slack(tmp_path: Path) -> AsyncIterator[Slack]:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db_path = tmp_path / "hostile.sqlite3"
    db = open_database(f"sqlite:///{db_path}")
    try:
        assert len(ingest_specs(db, [str(folder)], make_analyser()).new) == 1
    finally:
        db.dispose()
    async for running in slack_harness(db_path):
        yield running


async def test_hostile_article_text_never_becomes_a_live_mention(hostile_slack: Slack) -> None:
    slack = hostile_slack
    posts = [
        await slack.command("/brief"),
        await slack.command("/who"),
        await slack.command("/who", "Nordmann"),
        await slack.command("/topics"),
        await slack.command("/brief", "<!channel>"),
    ]
    seen = "\n".join(p.all_text() for p in posts)
    assert "Oslo" in seen  # the story itself is shown...
    for post in posts:
        assert live_mentions(post) == [], post.all_text()  # ...but nobody is pinged
        assert not post.params.get("link_names") and post.params.get("parse") != "full"


# -- Socket Mode ----------------------------------------------------------------------------------


async def test_socket_mode_acks_envelopes_and_answers(seeded_db: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "socket.sqlite3"
    shutil.copy(seeded_db, db_path)
    async with FakeSlackApi(token=TOKEN) as fake:
        settings = Settings(
            database_url=f"sqlite:///{db_path}",
            slack_bot_token=TOKEN,
            slack_app_token="xapp-1-A0BRIEF-socket-test",
            slack_api_base_url=fake.base_url,
        )
        db = open_database(settings.database_url)
        front = SlackFrontEnd(settings, Commands(db, settings))
        assert front.http_routes() == []  # nothing to expose on the HTTP server
        await front.start()
        try:
            assert await fake.wait_for(lambda: fake.socket_connections == 1)
            envelope = await fake.send_envelope(
                "slash_commands",
                {
                    "command": "/who",
                    "text": "Monaco",
                    "channel_id": CHANNEL,
                    "channel_name": "general",
                    "user_id": "U0ANN",
                    "team_id": fake.team_id,
                    "response_url": fake.response_url(),
                },
                accepts_response_payload=True,
            )
            assert await fake.wait_for(lambda: envelope in fake.socket_acks, timeout=3)
            posts = await fake.wait_for_posts(1)
            assert posts[0].channel == CHANNEL and "Lisa Monaco" in posts[0].all_text()
            mention = await fake.send_envelope(
                "events_api",
                {
                    "type": "event_callback",
                    "team_id": fake.team_id,
                    "api_app_id": "A0BRIEF",
                    "event_id": "EvSOCKET",
                    "event_time": int(time.time()),
                    "event": {
                        "type": "app_mention",
                        "user": "U0ANN",
                        "text": "<@UBOT> help",
                        "ts": "1700000000.000900",
                        "channel": CHANNEL,
                    },
                },
            )
            assert await fake.wait_for(lambda: mention in fake.socket_acks, timeout=3)
            posts = await fake.wait_for_posts(2)
            assert posts[1].thread_ts == "1700000000.000900" and "/subscribe" in posts[1].all_text()
        finally:
            await front.stop()
            db.dispose()
        assert await fake.wait_for(lambda: fake.socket_connections == 0, timeout=3)
