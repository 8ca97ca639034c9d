"""A real PostgreSQL server for tests: `initdb` + `pg_ctl` in a temporary folder, one per test session.

    from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

    def test_something(pg_url: str) -> None:   # a fresh, empty database for this test
        db = open_database(pg_url)

The server listens on 127.0.0.1 on a free port with trust authentication, its socket in its own folder,
fsync off (test data only). As root (CI) it runs as the `postgres` user via `runuser`, because PostgreSQL
refuses to run as root. Without the binaries the tests are skipped — except under CI=true, where a
missing binary or a server that does not start fails them.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.store import Database, open_database

PG_USER = "postgres"
_SEARCH = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin", "/opt/homebrew/opt/postgresql*/bin")
_counter = itertools.count(1)


@dataclass(frozen=True)
class PgServer:
    host: str
    port: int
    user: str
    bindir: Path

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """CREATE DATABASE name (from template0: fast and empty); returns its SQLAlchemy URL."""
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)


def find_bindir() -> Path | None:
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    for pattern in _SEARCH:
        for candidate in sorted(Path("/").glob(pattern.lstrip("/")), reverse=True):
            if (candidate / "pg_ctl").is_file() and (candidate / "initdb").is_file():
                return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root and `runuser` is missing: cannot start PostgreSQL")
    return [runuser, "-u", PG_USER, "--", *argv]


def start_server(root: Path, bindir: Path) -> PgServer:
    """initdb and start a server under `root` (which the server user must own). Raises on failure."""
    data, sockets, logfile = root / "data", root / "sock", root / "server.log"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, PG_USER)
        shutil.chown(sockets, PG_USER)
    run = lambda argv: subprocess.run(  # noqa: E731
        _as_server_user(argv), capture_output=True, text=True, timeout=120, check=False
    )
    init = run(
        [
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            PG_USER,
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        ]
    )
    if init.returncode != 0:
        raise RuntimeError(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
    last_error = ""
    for _attempt in range(3):  # the free port may be taken by someone else in between
        port = _free_port()
        options = (
            f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        started = run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(logfile),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ]
        )
        if started.returncode == 0:
            return PgServer("127.0.0.1", port, PG_USER, bindir)
        last_error = started.stderr.strip() or started.stdout.strip()
        if logfile.exists():
            last_error += "\n" + logfile.read_text(errors="replace")[-2000:]
    raise RuntimeError(f"pg_ctl start failed: {last_error}")


def stop_server(root: Path, bindir: Path) -> None:
    subprocess.run(
        _as_server_user(
            [str(bindir / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "-w", "stop"]
        ),  # throwaway data: no shutdown checkpoint needed
        capture_output=True,
        timeout=60,
        check=False,
    )


@contextlib.contextmanager
def running_server(prefix: str = "briefbot-pg-") -> Iterator[tuple[PgServer, Path]]:
    """A PostgreSQL server in a temporary folder, stopped and removed afterwards: (server, folder).
    Unavailable PostgreSQL skips the test, or fails it under CI."""
    bindir = find_bindir()
    if bindir is None:
        _unavailable("initdb/pg_ctl not found (install PostgreSQL, e.g. apt-get install postgresql)")
    assert bindir is not None
    root = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        server = start_server(root, bindir)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(str(exc))
        raise AssertionError("unreachable") from exc
    try:
        yield server, root
    finally:
        stop_server(root, bindir)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    with running_server() as (server, _root):
        yield server


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh empty database on the session's server, as a postgresql+psycopg:// URL."""
    return pg_server.create_database(f"t{os.getpid()}_{next(_counter)}")


@pytest.fixture(name="db", params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty store, once on SQLite and once on PostgreSQL: a test module importing `any_store` gets
    it as the fixture `db`, and each of its tests that takes `db` runs on both."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = str(request.getfixturevalue("pg_url"))
    database = open_database(url)
    yield database
    database.dispose()
