"""One definition per set of names: commands, algorithms (as settings and the CLI read them), delivery
statuses. Each test asserts what a user or an operator sees when a name is added to its one list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.commands import ALIASES, COMMANDS, MANAGE_COMMANDS, ChatContext, Command, Commands
from bot.delivery import DeliveryReport
from bot.render.text import render_text
from bot.settings import load_settings, validate_settings
from bot.store import open_database
from bot.store.models import Delivery, DeliveryStatus
from summarizer.algorithms import Algorithm
from tests.conftest import REPO


@pytest.fixture
def commands(tmp_path: Path) -> Commands:
    return Commands(open_database(f"sqlite:///{tmp_path / 'b.sqlite3'}"), load_settings({}))


# -- commands ----------------------------------------------------------------------------------------
def test_help_lists_every_command_in_order(commands: Commands) -> None:
    assert tuple(c.name for c in COMMANDS) == tuple(Command)
    reply = commands.handle("/help", ChatContext("console", "c1"))
    text = render_text(reply)
    positions = [text.index(spec.usage) for spec in COMMANDS]  # ValueError if one is missing
    assert positions == sorted(positions)
    assert reply.fallback == "briefbot: /brief /who /topics /subscribe /unsubscribe /settings /sources /help"


@pytest.mark.parametrize("command", list(Command))
def test_every_command_is_answered(commands: Commands, command: Command) -> None:
    text = render_text(commands.handle(f"/{command}", ChatContext("console", "c1")))
    assert "Unknown command" not in text


def test_start_is_help_and_other_names_are_unknown(commands: Commands) -> None:
    ctx = ChatContext("console", "c1")
    assert set(ALIASES) == {"start"}
    assert render_text(commands.handle("/start", ctx)) == render_text(commands.handle("/help", ctx))
    assert "Unknown command /briefing" in render_text(commands.handle("/briefing", ctx))


def test_only_subscription_and_source_changes_need_a_manager(commands: Commands) -> None:
    assert {Command.SUBSCRIBE, Command.UNSUBSCRIBE, Command.SOURCES} == MANAGE_COMMANDS
    member = ChatContext("telegram", "-100", chat_type="group", can_manage=False)
    for command in Command:
        text = render_text(commands.handle(f"/{command}", member))
        refused = "chat administrators" in text
        assert refused == (command in MANAGE_COMMANDS), (command, text)


# -- algorithms, as settings and the command line name them ------------------------------------------
@pytest.mark.parametrize("algorithm", list(Algorithm))
def test_settings_accept_every_algorithm(algorithm: Algorithm) -> None:
    problems = validate_settings(load_settings({"BRIEFBOT_SUMMARY_ALGORITHM": str(algorithm)}))
    assert not [p for p in problems if p.startswith("summary_algorithm")]


def test_settings_and_cli_name_every_algorithm() -> None:
    problems = validate_settings(load_settings({"BRIEFBOT_SUMMARY_ALGORITHM": "bert"}))
    (problem,) = [p for p in problems if p.startswith("summary_algorithm")]
    assert problem.endswith("choose one of " + ", ".join(Algorithm))
    help_text = subprocess.run(
        [sys.executable, "-m", "bot.cli", "summarize", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert ", ".join(Algorithm) in " ".join(help_text.split())


# -- delivery statuses -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "status", [DeliveryStatus.SKIPPED, DeliveryStatus.SUPERSEDED, DeliveryStatus.CANCELLED]
)
def test_a_row_closed_unsent_is_counted_under_its_status(status: DeliveryStatus) -> None:
    report = DeliveryReport()
    report.count_closed(status)
    report.count_closed(status)
    assert report.line() == f"{status}=2"


@pytest.mark.parametrize(
    "status", [DeliveryStatus.PENDING, DeliveryStatus.DELIVERED, DeliveryStatus.GONE, DeliveryStatus.FAILED]
)
def test_other_statuses_are_not_counted_as_closed_unsent(status: DeliveryStatus) -> None:
    with pytest.raises(ValueError, match=str(status)):
        DeliveryReport().count_closed(status)


def test_every_status_fits_the_column() -> None:
    width = Delivery.__table__.c.status.type.length
    assert max(len(s) for s in DeliveryStatus) <= width
    assert Delivery.__table__.c.status.default.arg == DeliveryStatus.PENDING
