"""Telegram end to end over real HTTP: the real PTB Application long-polls the fake Bot API, every command
is answered with real sendMessage calls that the fake checks as Telegram would (HTML, length)."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from bot.commands import COMMANDS, Commands
from bot.platforms.telegram.front_end import APOLOGY, PRIVATE_HINT, TelegramFrontEnd
from bot.settings import SettingsError, load_settings
from bot.store import Database, open_database
from bot.store.repo import recent_articles
from bot.store.rowcache import analysis_of
from summarizer.analysis import Analysis
from tests.conftest import SEED, SHARED_DATA
from tests.fakes.telegram_api import BOT_USERNAME, FakeTelegramApi, SentMessage, parse_telegram_html
from tests.fakes.telegram_api import plain_text as plain

GROUP = -1001234567890
FrontEndFactory = Callable[..., Awaitable[TelegramFrontEnd]]

HOSTILE = """<script>alert("pwned")</script> Minister & <b>Co</b> lead a delegation to Oslo

Trade Minister Kari Nordmann will lead a delegation to Oslo on Monday, officials said in a statement
about the <i>fishing</i> talks & quotas < 5 > 3.

Deputy Minister Ola Hansen will join the delegation, the ministry said. "We want &amp; need a deal,"
Nordmann said.

The ministry said the delegation would discuss fishing quotas and shipping routes with Norway.
"""


def tags(message: SentMessage) -> set[str]:
    return set(parse_telegram_html(message.text).tags)


def _seed_analysis(db: Database) -> Analysis:
    with db.session() as session:
        rows = list(recent_articles(session, limit=5))
    assert len(rows) == 1
    return analysis_of(rows[0])


def _seed_labels() -> dict:
    with (SHARED_DATA / "who-dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["path"].endswith(SEED.name):
                return record
    raise AssertionError("seed not labelled in who-dev.jsonl")


async def test_start_registers_commands_and_polls(tg: FakeTelegramApi, polling_bot: TelegramFrontEnd) -> None:
    assert tg.my_commands == [{"command": c.name, "description": c.summary} for c in COMMANDS]
    assert tg.calls_to("getMe")
    await tg.wait_for(lambda: len(tg.calls_to("getUpdates")) >= 1, 3)
    assert tg.calls_to("getUpdates")[-1].params.get("timeout") == polling_bot.poll_timeout
    assert tg.webhook is None
    assert all(c.token == polling_bot.settings.telegram_bot_token for c in tg.calls)


async def test_help_and_start_list_every_command(tg: FakeTelegramApi, polling_bot: TelegramFrontEnd) -> None:
    for command in ("/help", "/start"):
        answer = await tg.ask(command)
        text = plain(answer)
        for spec in COMMANDS:
            assert spec.usage in text, (command, spec.name)
        assert all(m.parse_mode == "HTML" and m.link_preview_disabled for m in answer)
        assert "<code>" in answer[0].text  # real markup, not escaped markup
    assert not tg.rejected


async def test_brief_and_brief_topic(tg: FakeTelegramApi, polling_bot: TelegramFrontEnd) -> None:
    text = plain(await tg.ask("/brief"))
    assert "Your briefing" in text
    assert "Sherwood-Randall" in text or "fentanyl" in text  # a summary sentence of the seed
    assert "000_5c41b8c896ed471e" in text  # its source

    focused = plain(await tg.ask("/brief fentanyl"))
    assert "Briefing: fentanyl" in focused and "fentanyl" in focused.split("Briefing: fentanyl", 1)[1]

    missing = plain(await tg.ask("/brief zebras"))
    assert "Nothing in the current digest about “zebras”" in missing


async def test_who_names_the_seed_delegation_with_titles(
    tg: FakeTelegramApi, polling_bot: TelegramFrontEnd
) -> None:
    text = plain(await tg.ask("/who"))
    labels = _seed_labels()
    lead = next(m for m in labels["delegation"] if m["lead"])
    assert f"led by {lead['name']}" in text
    lines = text.splitlines()
    for member in labels["delegation"]:
        line = next((ln for ln in lines if member["name"] in ln and "led by" not in ln), None)
        assert line is not None, f"{member['name']} not listed: {text}"
        assert member["title"].casefold() in line.casefold(), line
    assert "Howell" not in text  # the byline is never a delegate


async def test_who_with_a_name(tg: FakeTelegramApi, polling_bot: TelegramFrontEnd) -> None:
    text = plain(await tg.ask("/who Monaco"))
    assert text.startswith("Lisa Monaco")
    assert "Deputy Attorney General Lisa Monaco" in text  # the sentence about her
    nobody = plain(await tg.ask("/who Zebediah"))
    assert "No one called “Zebediah”" in nobody


async def test_topics_and_one_topic(
    tg: FakeTelegramApi, polling_bot: TelegramFrontEnd, telegram_seed_db: Database
) -> None:
    labels = [t.label for t in _seed_analysis(telegram_seed_db).topics]
    assert labels, "the seed has no topics"
    text = plain(await tg.ask("/topics"))
    assert "Topics in recent news" in text
    for label in labels:
        assert f"{label} — 1" in text

    one = plain(await tg.ask(f"/topics {labels[0]}"))
    assert f"{labels[0]} (1)" in one
    assert "President Biden sends top White House official to Mexico" in one  # the seed's derived headline

    none = plain(await tg.ask("/topics zebras"))
    assert "No topic matching “zebras”" in none


async def test_subscribe_settings_unsubscribe(tg: FakeTelegramApi, polling_bot: TelegramFrontEnd) -> None:
    chat = 2002
    assert "No subscription in this chat" in plain(await tg.ask("/settings", chat_id=chat))
    text = plain(await tg.ask("/subscribe 07:30 Europe/Berlin", chat_id=chat))
    assert "Subscribed: a daily digest at 07:30 Europe/Berlin" in text
    assert "Next delivery:" in text and ("CET" in text or "CEST" in text)
    assert "Daily digest at 07:30 Europe/Berlin." in plain(await tg.ask("/settings", chat_id=chat))
    # without an id, every subscription goes only after the chat confirms
    assert "Send /unsubscribe all to confirm" in plain(await tg.ask("/unsubscribe", chat_id=chat))
    assert "Daily digest at 07:30 Europe/Berlin." in plain(await tg.ask("/settings", chat_id=chat))
    assert "Unsubscribed" in plain(await tg.ask("/unsubscribe all", chat_id=chat))
    assert "No subscription in this chat" in plain(await tg.ask("/settings", chat_id=chat))
    assert "has no subscription" in plain(await tg.ask("/unsubscribe", chat_id=chat))


async def test_unknown_command_bad_arguments_and_plain_text(
    tg: FakeTelegramApi, polling_bot: TelegramFrontEnd
) -> None:
    unknown = await tg.ask("/frobnicate now")
    assert len(unknown) == 1 and "Unknown command /frobnicate" in unknown[0].plain
    assert "/help" in unknown[0].plain and "\n" not in unknown[0].plain.strip()

    usage = plain(await tg.ask("/subscribe 25:00", chat_id=2003))
    assert "hour 25 is out of range" in usage and "Usage: /subscribe [days] [HH:MM] [Area/City]" in usage
    zone = plain(await tg.ask("/subscribe 07:30 Mars/Olympus", chat_id=2003))
    assert "Unknown time zone “Mars/Olympus”" in zone
    assert "Usage: /unsubscribe" in plain(await tg.ask("/unsubscribe everything", chat_id=2003))
    assert "No subscription in this chat" in plain(await tg.ask("/settings", chat_id=2003))

    assert plain(await tg.ask("hello there")) == PRIVATE_HINT


async def test_group_commands_addressed_by_username(
    tg: FakeTelegramApi, polling_bot: TelegramFrontEnd
) -> None:
    text = plain(await tg.ask(f"/help@{BOT_USERNAME}", chat_id=GROUP))
    assert text.startswith("briefbot") and "/subscribe" in text
    # a command for another bot, and chatter, get no answer from us
    tg.push_text("/help@some_other_bot", chat_id=GROUP)
    tg.push_text("nice weather", chat_id=GROUP)
    assert (await tg.ask("/settings", chat_id=GROUP))[0].plain.startswith("No subscription")
    assert len(tg.sent_to(GROUP)) == 2


async def test_only_group_admins_may_subscribe(tg: FakeTelegramApi, polling_bot: TelegramFrontEnd) -> None:
    member, admin, owner = 501, 502, 503
    tg.set_member(GROUP, admin, "administrator")
    tg.set_member(GROUP, owner, "creator")

    refused = plain(await tg.ask("/subscribe 09:00 UTC", chat_id=GROUP, user_id=member))
    assert refused == "Only chat administrators can subscribe this chat."
    assert "No subscription" in plain(await tg.ask("/settings", chat_id=GROUP, user_id=member))
    asked = tg.calls_to("getChatMember")[-1].params
    assert asked["chat_id"] == GROUP and asked["user_id"] == member

    assert "Subscribed" in plain(await tg.ask("/subscribe 09:00 UTC", chat_id=GROUP, user_id=admin))
    assert "Only chat administrators" in plain(await tg.ask("/unsubscribe", chat_id=GROUP, user_id=member))
    assert "Daily digest at 09:00 UTC" in plain(await tg.ask("/settings", chat_id=GROUP, user_id=member))
    assert "Unsubscribed" in plain(await tg.ask("/unsubscribe all", chat_id=GROUP, user_id=owner))

    # an anonymous admin posts as the group itself: no getChatMember needed
    calls = len(tg.calls_to("getChatMember"))
    text = plain(
        await tg.ask("/subscribe 10:00 UTC", chat_id=GROUP, user_id=1087968824, sender_chat_id=GROUP)
    )
    assert "Subscribed" in text and len(tg.calls_to("getChatMember")) == calls

    # when Telegram cannot tell, the answer is no
    tg.fail(GROUP, "server_error", method="getChatMember")
    text = plain(await tg.ask("/unsubscribe", chat_id=GROUP, user_id=admin))
    assert text == "Only chat administrators can unsubscribe this chat."


async def test_channel_posts_may_subscribe(tg: FakeTelegramApi, polling_bot: TelegramFrontEnd) -> None:
    channel = -1009876543210
    tg.set_chat_type(channel, "channel")
    text = plain(await tg.ask("/subscribe 06:15 Europe/Paris", chat_id=channel))
    assert "Subscribed: a daily digest at 06:15 Europe/Paris" in text
    assert not tg.calls_to("getChatMember")


async def test_hostile_article_and_input_arrive_escaped(
    tg: FakeTelegramApi,
    tmp_path: Path,
    telegram_ingest: Callable[..., Database],
    start_front_end: FrontEndFactory,
) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    await start_front_end(telegram_ingest(article))
    brief = await tg.ask("/brief")
    text = plain(brief)
    assert '<script>alert("pwned")</script>' in text  # shown as text, literally
    assert "<b>Co</b>" in text
    assert "&lt;script&gt;" in "".join(m.text for m in brief)
    assert all(set(tag) <= {"b", "i", "u", "code", "a"} for tag in (tags(m) for m in brief))

    echoed = plain(await tg.ask("/who <i>&amp;<b"))
    assert "No one called “<i>&amp;<b”" in echoed
    assert not tg.rejected  # the fake parsed every message as Telegram would


async def test_a_digest_is_one_valid_message_whatever_the_budget(
    tg: FakeTelegramApi,
    tmp_path: Path,
    telegram_ingest: Callable[..., Database],
    start_front_end: FrontEndFactory,
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for path in sorted((SHARED_DATA / "news" / "reuters").glob("*.txt"))[:30]:
        (folder / path.name).write_bytes(path.read_bytes())
    await start_front_end(telegram_ingest(folder), digest_max_items=30, digest_max_chars=20000)
    answer = await tg.ask("/brief")
    assert len(answer) == 1 and len(answer[0].text) <= 4096  # the same page, and counts, as elsewhere
    assert "more not shown" in answer[0].text
    assert not tg.rejected


async def test_failures_are_logged_and_the_user_hears_back(
    tg: FakeTelegramApi, tmp_path: Path, start_front_end: FrontEndFactory, caplog: pytest.LogCaptureFixture
) -> None:
    db_path = tmp_path / "broken.sqlite3"
    db = open_database(f"sqlite:///{db_path}")
    with sqlite3.connect(db_path) as raw:  # the store breaks under the bot
        raw.execute("DROP TABLE articles")
    try:
        await start_front_end(db)
        with caplog.at_level(logging.ERROR, logger="bot.platforms.telegram.front_end"):
            answer = await tg.ask("/brief", chat_id=3003)
        assert plain(answer) == APOLOGY
        failed = [r for r in caplog.records if r.name == "bot.platforms.telegram.front_end" and r.exc_info]
        assert failed and getattr(failed[0], "chat_id", None) == "3003"

        # Telegram refuses the reply itself: the apology still goes out, the app keeps serving
        tg.fail(3004, "bad_request", description="Bad Request: can't parse entities")
        assert plain(await tg.ask("/help", chat_id=3004)) == APOLOGY
        assert "Usage: /unsubscribe" in plain(await tg.ask("/unsubscribe now", chat_id=3004))
    finally:
        db.dispose()


async def test_token_never_logged(
    tg: FakeTelegramApi,
    telegram_seed_db: Database,
    start_front_end: FrontEndFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    await start_front_end(telegram_seed_db)
    await tg.ask("/help")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Set Bot API URL" in logged  # PTB's debug line that carries the URL was logged...
    assert tg.token and tg.token not in logged  # ...without the token
    assert tg.token.split(":")[1] not in logged


async def test_wrong_token_fails_start_loudly_and_cleanly(
    tg: FakeTelegramApi, telegram_seed_db: Database
) -> None:
    wrong = "7000000009:AAHwrongTokenForTests_abcdefghijkLMNOP"
    settings = load_settings({}, telegram_bot_token=wrong, telegram_api_base_url=tg.base_url)
    front = TelegramFrontEnd(settings, Commands(telegram_seed_db, settings), poll_timeout=0.5)
    with pytest.raises(SettingsError, match="rejected by Telegram") as info:
        await front.start()
    assert wrong not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__  # no chained PTB message
    assert not front.application.running
    calls = len(tg.calls)
    await asyncio.sleep(0.3)
    assert len(tg.calls) == calls  # nothing left polling


async def test_polling_takes_over_from_an_old_webhook(
    tg: FakeTelegramApi, telegram_seed_db: Database, start_front_end: FrontEndFactory
) -> None:
    tg.webhook = {"url": "https://old.example.test/hook"}  # left over from webhook mode
    await start_front_end(telegram_seed_db)
    assert tg.webhook is None and tg.calls_to("deleteWebhook")
    assert "/subscribe" in plain(await tg.ask("/help"))
