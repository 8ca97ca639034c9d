"""Logging set-up: JSON lines when stderr is not a terminal (services), readable text on a terminal."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime

from bot.platforms.registry import PLATFORMS
from bot.render.common import clean

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}


# Token shapes that must never reach a log line, whatever library logs them (httpx logs request URLs,
# and some platforms' URLs carry the bot token): each platform's package names its own.
_TOKEN_PATTERNS = re.compile(
    "|".join(f"(?:{shape})" for p in PLATFORMS.values() for shape in p.token_shapes) or "(?!)"
)
REDACTED = "[REDACTED]"
# What JSON leaves raw that a terminal obeys or that reorders text: DEL and C1 controls, bidi embeddings,
# overrides and isolates, line and paragraph separators.
_TERMINAL_HAZARDS = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


SUBSTRING_MIN = 8  # a configured secret this long is redacted wherever it occurs, even inside a word


class Redactor:
    """Replaces every configured secret and anything shaped like a token with [REDACTED].

    A secret of SUBSTRING_MIN characters or more is redacted wherever it occurs. A shorter one (a weak
    database password such as "abc") is redacted only as a whole value: where it is neither preceded nor
    followed by a letter or digit, as in `user:abc@host` or `password=abc`, so "abc" is not cut out of
    "abcdef" and a one-letter secret does not blank every word holding that letter.
    """

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        unique = sorted({s for s in secrets if s}, key=len, reverse=True)
        self.secrets = [s for s in unique if len(s) >= SUBSTRING_MIN]
        short = [s for s in unique if len(s) < SUBSTRING_MIN]
        self._short = (
            re.compile("|".join(rf"(?<![^\W_]){re.escape(s)}(?![^\W_])" for s in short)) if short else None
        )

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        if self._short is not None:
            text = self._short.sub(REDACTED, text)
        return _TOKEN_PATTERNS.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        record.msg, record.args = clean, None
        for key, value in list(vars(record).items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, self.redact(value))
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = value if isinstance(value, int | float | bool | None) else str(value)
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            out["exc"] = record.exc_text
        return escape_hazards(json.dumps(out, ensure_ascii=False))


def escape_hazards(json_text: str) -> str:
    """JSON text with the characters JSON leaves raw that a terminal obeys (C1 controls) or that reorder
    what follows (bidi overrides) written as \\uXXXX: the same JSON to a reader, inert on a terminal
    (`tail -f`, `journalctl`, `briefbot ... --json`). C0 controls JSON escapes itself."""
    return _TERMINAL_HAZARDS.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        base = super().format(record)
        extras = {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}
        # a terminal shows this line: no escape sequence, control or bidi override from a logged value
        return clean(base + ("".join(f" {k}={v}" for k, v in extras.items()) if extras else ""))


def setup_logging(
    level: str = "INFO", fmt: str = "auto", secrets: Iterable[str | None] = (), stream=None
) -> logging.Handler:
    """Log to stderr (JSON when it is not a terminal), every line passed through the secret redactor."""
    stream = stream or sys.stderr
    use_json = fmt == "json" or (fmt == "auto" and not stream.isatty())
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter() if use_json else TextFormatter())
    handler.addFilter(RedactingFilter(Redactor(secrets)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in (
        "httpx",
        "httpcore",
        "alembic",
        "apscheduler",
        "trafilatura",
        "htmldate",
        "charset_normalizer",
    ):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    return handler
