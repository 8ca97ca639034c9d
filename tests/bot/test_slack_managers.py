"""Who may change a Slack channel's subscription (#12 item 3), over real HTTP: signed slash commands and
events to the Bolt app, users.info / conversations.info answered by the fake Slack Web API."""

from __future__ import annotations

import logging

import pytest

from bot.store.repo import get_subscription
from tests.bot.slack_support import CHANNEL, Slack

MEMBER, ADMIN, CREATOR = "U0MEMBER", "U0ADMIN", "U0CREATOR"
REFUSED = "Only workspace admins and owners or the channel's creator can subscribe this chat."


def subscription(s: Slack, channel: str = CHANNEL) -> tuple[str, str] | None:
    with s.db.session() as session:
        sub = get_subscription(session, "slack", channel)
        return (sub.delivery_time, sub.timezone) if sub is not None and sub.active else None


async def test_a_member_neither_admin_nor_creator_is_refused_and_the_channel_stays_unsubscribed(
    slack: Slack,
) -> None:
    slack.fake.set_channel(CHANNEL, creator=CREATOR)
    post = await slack.command("/subscribe", "07:30 Europe/Berlin", user_id=MEMBER)
    assert post.text == REFUSED
    assert subscription(slack) is None
    assert "No subscription" in (await slack.command("/settings", user_id=MEMBER)).all_text()
    asked = {c.method: c.params for c in slack.fake.calls if c.method.endswith(".info")}
    assert asked["users.info"]["user"] == MEMBER and asked["conversations.info"]["channel"] == CHANNEL


async def test_a_member_can_neither_move_the_time_nor_unsubscribe(slack: Slack) -> None:
    slack.fake.set_user(ADMIN, is_admin=True)
    first = await slack.command("/subscribe", "07:30 Europe/Berlin", user_id=ADMIN)
    assert "Subscribed" in first.all_text()
    moved = await slack.command("/subscribe", "03:00 Pacific/Kiritimati", user_id=MEMBER)
    assert moved.text == REFUSED
    gone = await slack.command("/unsubscribe", user_id=MEMBER)
    assert gone.text == REFUSED.replace("subscribe", "unsubscribe")
    assert subscription(slack) == ("07:30", "Europe/Berlin")


@pytest.mark.parametrize("role", ["is_admin", "is_owner", "is_primary_owner", "creator"])
async def test_admins_owners_and_the_channel_creator_may(slack: Slack, role: str) -> None:
    slack.fake.set_channel(CHANNEL, creator=CREATOR)
    user = CREATOR if role == "creator" else ADMIN
    if role != "creator":
        slack.fake.set_user(ADMIN, **{role: True})
    post = await slack.command("/subscribe", "06:45 UTC", user_id=user)
    assert "Subscribed: a daily digest at 06:45 UTC" in post.all_text()
    assert subscription(slack) == ("06:45", "UTC")
    assert "Unsubscribed" in (await slack.command("/unsubscribe", "all", user_id=user)).all_text()


async def test_a_direct_message_is_always_the_users_own(slack: Slack) -> None:
    post = await slack.command(
        "/subscribe", "08:00 UTC", channel="D0MEMBER", channel_name="directmessage", user_id=MEMBER
    )
    assert "Subscribed" in post.all_text()
    assert subscription(slack, "D0MEMBER") == ("08:00", "UTC")
    assert not [c for c in slack.fake.calls if c.method.endswith(".info")]  # no need to ask Slack


async def test_a_channel_named_like_a_direct_message_is_still_checked(slack: Slack) -> None:
    post = await slack.command("/subscribe", "08:00 UTC", channel_name="directmessage", user_id=MEMBER)
    assert post.text == REFUSED and subscription(slack) is None


async def test_a_mention_in_a_channel_is_checked_too(slack: Slack) -> None:
    await slack.event(
        {
            "type": "app_mention",
            "user": MEMBER,
            "text": "<@UBOT> subscribe 09:00 UTC",
            "ts": "1700000000.000500",
            "channel": CHANNEL,
        }
    )
    posts = await slack.fake.wait_for_posts(1)
    assert posts[0].text == REFUSED and subscription(slack) is None


@pytest.mark.parametrize(
    ("method", "error", "status"),
    [
        ("users.info", "ratelimited", None),
        ("users.info", None, 503),
        ("users.info", "missing_scope", None),
        ("conversations.info", "internal_error", None),
    ],
)
async def test_when_slack_cannot_be_asked_the_answer_is_no(
    slack: Slack,
    caplog: pytest.LogCaptureFixture,
    method: str,
    error: str | None,
    status: int | None,
) -> None:
    slack.fake.set_user(ADMIN, is_admin=method != "users.info")
    slack.fake.set_channel(CHANNEL, creator=MEMBER)  # would be allowed if conversations.info answered
    slack.fake.fail(MEMBER if method == "users.info" else CHANNEL, error, status=status, method=method)
    user = MEMBER
    with caplog.at_level(logging.WARNING, logger="bot.platforms.slack.managers"):
        post = await slack.command("/subscribe", "07:30 UTC", user_id=user)
    assert (post.text or "").startswith(
        "Could not verify that you may subscribe this chat: Slack did not answer."
    )
    assert subscription(slack) is None
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.platforms.slack.managers"]
    assert len(lines) == 1 and method in lines[0] and "could not verify" in lines[0]
    # an error is not remembered: once Slack answers, the creator may
    assert "Subscribed" in (await slack.command("/subscribe", "07:30 UTC", user_id=user)).all_text()


async def test_answers_are_cached_for_five_minutes(slack: Slack) -> None:
    now = [1000.0]
    slack.front.managers.clock = lambda: now[0]
    slack.fake.set_channel(CHANNEL, creator=CREATOR)

    def infos() -> int:
        return len([c for c in slack.fake.calls if c.method.endswith(".info")])

    await slack.command("/subscribe", "07:30 UTC", user_id=MEMBER)
    asked = infos()
    assert asked == 2
    await slack.command("/unsubscribe", user_id=MEMBER)
    assert infos() == asked  # both answers reused
    slack.fake.set_user(MEMBER, is_admin=True)  # promoted: seen once the cache expires
    now[0] += 301
    assert "Subscribed" in (await slack.command("/subscribe", "07:30 UTC", user_id=MEMBER)).all_text()
    assert infos() == asked + 1
