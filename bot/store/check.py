"""Whether a database can be used, asked without creating or changing anything (`briefbot config check`)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from bot.settings import mask_url_password

DB_CHECK_TIMEOUT = 5  # seconds `config check` waits for a database server


def database_problem(url: str, timeout: int = DB_CHECK_TIMEOUT) -> str | None:
    """Why the database at `url` cannot be used, or None: a server is connected to and asked `SELECT 1`
    (waiting `timeout` seconds at most); a SQLite file is opened read-only, or, when it does not exist
    yet, its folder must be one briefbot can create it in. Nothing is created or changed."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        path = Path(database).expanduser().resolve()
        if path.is_dir():
            return f"{path} is a folder, not a database file"
        if not path.exists():
            folder = next(p for p in path.parents if p.exists())
            if not os.access(folder, os.W_OK | os.X_OK):
                return f"{path} does not exist and cannot be created: {folder} is not writable"
            return None
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=timeout)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            return f"cannot open {path}: {exc}"
        return None
    try:
        engine = create_engine(parsed, poolclass=NullPool, connect_args={"connect_timeout": timeout})
    except Exception as exc:  # e.g. the driver is not installed
        return f"cannot use {mask_url_password(url)}: {type(exc).__name__}: {first_line(exc)}"
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error: refused, timed out, authentication, no such database
        return f"cannot connect to {mask_url_password(url)}: {first_line(getattr(exc, 'orig', None) or exc)}"
    finally:
        engine.dispose()
    return None


def first_line(exc: BaseException | object) -> str:
    """The first line of an error's message (a driver's can run to many), or its type's name."""
    text = str(exc).strip()
    return (text.splitlines()[0].strip() if text else "") or type(exc).__name__
