from __future__ import annotations

import io
import json
import logging

import pytest

from bot.logs import REDACTED, setup_logging

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
SIGNING = "8f742231b10e8888abcd99yyyzzz85a5"


@pytest.fixture
def captured() -> io.StringIO:
    stream = io.StringIO()
    handler = setup_logging("INFO", "json", secrets=[TOKEN, SIGNING], stream=stream)
    yield stream
    logging.getLogger().removeHandler(handler)


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_json_lines_with_chat_and_delivery_ids(captured: io.StringIO) -> None:
    logging.getLogger("briefbot.delivery").info("digest delivered", extra={"chat_id": "42", "delivery_id": 7})
    (line,) = _lines(captured)
    assert line["msg"] == "digest delivered"
    assert line["chat_id"] == "42" and line["delivery_id"] == 7
    assert line["level"] == "info" and line["ts"].endswith("+00:00")


def test_secrets_never_reach_a_log_line(captured: io.StringIO) -> None:
    log = logging.getLogger("httpx")
    log.warning("HTTP Request: POST https://api.telegram.org/bot%s/getUpdates", TOKEN)
    logging.getLogger("x").warning("signature %s", SIGNING, extra={"url": f"https://h/bot{TOKEN}/x"})
    try:
        raise RuntimeError(f"failed calling https://api.telegram.org/bot{TOKEN}/sendMessage")
    except RuntimeError:
        logging.getLogger("y").exception("send failed")
    logging.getLogger("z").error("slack said no for xoxb-1234567890-abcdefghij and xapp-1-A0-123456789")
    out = captured.getvalue()
    assert TOKEN not in out and SIGNING not in out
    assert "xoxb-1234567890" not in out and "xapp-1-A0" not in out
    assert out.count(REDACTED) >= 6
    assert "send failed" in out and "RuntimeError" in out  # the failure is still logged, just redacted


def test_short_secrets_are_redacted_as_whole_values_only() -> None:
    """A weak database password of 3 characters is still a secret; "abc" inside a word is not it."""
    from bot.settings import load_settings

    settings = load_settings(
        env={
            "BRIEFBOT_DATABASE_URL": "postgresql+psycopg://bot:abc@db/briefbot",
            "SLACK_SIGNING_SECRET": "q7",
        }
    )
    stream = io.StringIO()
    handler = setup_logging("INFO", "json", secrets=settings.secrets(), stream=stream)
    try:
        log = logging.getLogger("briefbot.db")
        log.warning("connecting to postgresql+psycopg://bot:abc@db/briefbot")
        log.warning("password=abc rejected; signing secret q7 wrong", extra={"detail": "pw 'abc'"})
        log.warning("abcdef, xabc and q7x are other words")
    finally:
        logging.getLogger().removeHandler(handler)
    first, second, third = _lines(stream)
    assert first["msg"] == f"connecting to postgresql+psycopg://bot:{REDACTED}@db/briefbot"
    assert second["msg"] == f"password={REDACTED} rejected; signing secret {REDACTED} wrong"
    assert second["detail"] == f"pw '{REDACTED}'"
    assert third["msg"] == "abcdef, xabc and q7x are other words"


def test_a_percent_encoded_database_password_is_redacted_as_written_and_decoded() -> None:
    from bot.settings import load_settings

    settings = load_settings(env={"BRIEFBOT_DATABASE_URL": "postgresql+psycopg://bot:p%40ss%2Fw0rd@db/b"})
    assert {"p%40ss%2Fw0rd", "p@ss/w0rd"} <= set(settings.secrets())
    stream = io.StringIO()
    handler = setup_logging("INFO", "json", secrets=settings.secrets(), stream=stream)
    try:
        logging.getLogger("x").error("auth failed for p@ss/w0rd (url p%40ss%2Fw0rd)")
    finally:
        logging.getLogger().removeHandler(handler)
    assert "p@ss" not in stream.getvalue() and "p%40ss" not in stream.getvalue()


def test_logged_text_cannot_drive_a_terminal() -> None:
    """A feed's title or a file name in a log line: shown, never obeyed (JSON escapes, text drops)."""
    hostile = "feed \x1b]0;owned\x07 \x9b31m \u202eevil.txt"
    for fmt in ("json", "text"):
        stream = io.StringIO()
        handler = setup_logging("INFO", fmt, stream=stream)
        try:
            logging.getLogger("summarizer.sources").warning("skipped %s: empty file", hostile)
        finally:
            logging.getLogger().removeHandler(handler)
        out = stream.getvalue()
        assert not any(c in out for c in ("\x1b", "\x07", "\x9b", "\u202e")), (fmt, out)
        assert "evil.txt: empty file" in out
        if fmt == "json":
            assert json.loads(out)["msg"] == f"skipped {hostile}: empty file"  # nothing lost
