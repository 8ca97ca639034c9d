"""Running the `briefbot` command in a subprocess, as a user would, for the CLI tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def briefbot(
    *args: str,
    tmp: Path,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`timeout`: seconds before the run counts as hung (the corpus ingest needs more)."""
    full_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "BRIEFBOT_DATABASE_URL": f"sqlite:///{tmp / 'b.sqlite3'}",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=REPO,
        env=full_env,
        capture_output=True,
        text=True,
        input=stdin if stdin is not None else "",
        timeout=timeout,
    )
