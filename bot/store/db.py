"""Engine, sessions and migrations for one database URL."""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Iterator, Mapping
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
DEFAULT_CONNECT_TIMEOUT = 5.0  # seconds; settings.database_connect_timeout_seconds
DEFAULT_STATEMENT_TIMEOUT = 30.0  # seconds; settings.database_statement_timeout_seconds


class DatabaseError(RuntimeError):
    """The database URL is malformed or the database cannot be reached; the message says which."""


class Database:
    """One engine for `url`. Every wait on the database is bounded: `connect_timeout` seconds to connect
    (PostgreSQL `connect_timeout`), `statement_timeout` seconds per statement (PostgreSQL
    `statement_timeout`; SQLite: the busy timeout, how long a write waits for another writer's lock).
    Values the URL itself gives (`?connect_timeout=2`, `?options=-c statement_timeout=5s`) win."""

    def __init__(
        self,
        url: str,
        *,
        echo: bool = False,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        statement_timeout: float = DEFAULT_STATEMENT_TIMEOUT,
    ) -> None:
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise DatabaseError(f"malformed database URL {url!r}") from None
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        backend = parsed.get_backend_name()
        if backend == "sqlite":
            database = parsed.database or ""
            if database and database != ":memory:" and not database.startswith("file:"):
                path = Path(database).expanduser().resolve()
                try:
                    create_private_file(path)
                except OSError as exc:
                    reason = exc.strerror or exc
                    raise DatabaseError(f"cannot create the SQLite file {path}: {reason}") from None
            kwargs["connect_args"] = {"timeout": statement_timeout, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
            if backend == "postgresql":
                kwargs["connect_args"] = postgresql_timeouts(parsed.query, connect_timeout, statement_timeout)
        self.url = parsed
        self.connect_timeout, self.statement_timeout = connect_timeout, statement_timeout
        self.engine: Engine = create_engine(parsed, **kwargs)
        self.is_sqlite = backend == "sqlite"
        if self.is_sqlite:
            busy_ms = max(1, round(statement_timeout * 1000))
            event.listen(self.engine, "connect", lambda conn, _record: _sqlite_pragmas(conn, busy_ms))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only, outside any transaction: each statement sees what was committed
        when it ran. On PostgreSQL that saves the BEGIN and COMMIT round trips of `session()` (commands
        read two or three statements and answer from memory). Never write through it."""
        with self._sessions() as session:
            session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            yield session

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (idempotent)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        if self.is_sqlite:
            self._migrate_sqlite(cfg)
            return
        with self.engine.begin() as conn:
            if not self.is_sqlite:
                # a migration (an index over every article) and the wait for another replica's one may
                # take longer than any one statement of the running bot
                conn.execute(text("SET LOCAL statement_timeout = 0"))
                # replicas starting together: one migrates, the others wait, then find nothing to do
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def _migrate_sqlite(self, cfg: Config) -> None:
        """Migrate with foreign keys off, as SQLite's procedure for rebuilding a table asks (Alembic's
        batch mode drops and recreates tables; with them on, dropping `subscriptions` would delete every
        delivery by cascade), then check them before committing. The pragma only takes effect outside a
        transaction, so it is set on the connection before the migration's transaction begins."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
            try:
                with conn.begin():
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left rows without their parent: {broken[:5]}")
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()

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


def postgresql_timeouts(
    query: Mapping[str, Any], connect_timeout: float, statement_timeout: float
) -> dict[str, Any]:
    """libpq connect arguments bounding the connect and every statement; the URL's own values win
    (connect arguments override the URL's, so the URL's `options` are appended after ours: the last
    `-c` of a setting counts)."""
    args: dict[str, Any] = {}
    if "connect_timeout" not in query:
        args["connect_timeout"] = max(1, math.ceil(connect_timeout))  # libpq: whole seconds, ≥ 2 used
    options = [f"-c statement_timeout={max(1, round(statement_timeout * 1000))}"]
    given = query.get("options")
    options += [given] if isinstance(given, str) else list(given or ())
    args["options"] = " ".join(options)
    return args


def create_private_file(path: Path) -> None:
    """Create the SQLite file owner-only (0600), and its folder (0700) when it does not exist yet.

    SQLite would create the file with the umask's mode (0644 as a rule), readable by every local user;
    its journal and WAL files take the database file's mode. An existing file or folder is left as it is.
    """
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _sqlite_pragmas(dbapi_conn: Any, busy_ms: int) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def open_database(
    url: str,
    *,
    migrate: bool = True,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    statement_timeout: float = DEFAULT_STATEMENT_TIMEOUT,
) -> Database:
    db = Database(url, connect_timeout=connect_timeout, statement_timeout=statement_timeout)
    if migrate:
        db.migrate()
    return db
