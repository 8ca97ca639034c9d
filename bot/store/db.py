"""Engine, sessions and migrations for one database URL."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK_KEY = 0x62726965  # "brie": a fixed PostgreSQL advisory lock id for schema migrations


class DatabaseError(RuntimeError):
    """The database URL is malformed or the database cannot be reached; the message says which."""


class Database:
    def __init__(self, url: str, *, echo: bool = False) -> None:
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise DatabaseError(f"malformed database URL {url!r}") from None
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            if database and database != ":memory:" and not database.startswith("file:"):
                path = Path(database).expanduser().resolve()
                try:
                    create_private_file(path)
                except OSError as exc:
                    reason = exc.strerror or exc
                    raise DatabaseError(f"cannot create the SQLite file {path}: {reason}") from None
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.url = parsed
        self.engine: Engine = create_engine(parsed, **kwargs)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (idempotent)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            if not self.is_sqlite:
                # replicas starting together: one migrates, the others wait, then find nothing to do
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception as exc:  # any driver error means "not reachable"
            log.warning("database not reachable: %s", exc)
            return False

    def dispose(self) -> None:
        self.engine.dispose()


def create_private_file(path: Path) -> None:
    """Create the SQLite file owner-only (0600), and its folder (0700) when it does not exist yet.

    SQLite would create the file with the umask's mode (0644 as a rule), readable by every local user;
    its journal and WAL files take the database file's mode. An existing file or folder is left as it is.
    """
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def open_database(url: str, *, migrate: bool = True) -> Database:
    db = Database(url)
    if migrate:
        db.migrate()
    return db
