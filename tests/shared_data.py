"""Where `../shared/data` (the news corpus and labelled sets) is, for tests and benchmarks.

The data stays outside the repository, beside it. A clone made elsewhere (`git clone . /tmp/x/b`) finds
it beside the repository it was cloned from; `BRIEFBOT_SHARED_DATA` names it outright.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_HOPS = 4  # a clone of a clone of … the checkout that has shared/ beside it


def _origin(repo: Path) -> Path | None:
    """The local repository `repo` was cloned from, if it was cloned from a path on this machine."""
    try:
        url = subprocess.run(
            ["git", "-C", str(repo), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    if url.startswith("file://"):
        url = url[len("file://") :]
    if not url or "://" in url or (":" in url and not url.startswith("/")):
        return None  # a remote (https://, git@host:…)
    path = (repo / url).resolve()
    return path if path.is_dir() else None


def find_shared_data(repo: Path = REPO) -> Path:
    """`BRIEFBOT_SHARED_DATA`, else `shared/data` beside `repo` or beside the repository it was cloned
    from; when none exists, the path beside `repo`, so a missing-data message names where it looked."""
    if os.environ.get("BRIEFBOT_SHARED_DATA"):
        return Path(os.environ["BRIEFBOT_SHARED_DATA"]).expanduser().resolve()
    here = repo.parent / "shared" / "data"
    candidate: Path | None = repo
    for _ in range(_HOPS):
        if candidate is None:
            break
        data = candidate.parent / "shared" / "data"
        if data.is_dir():
            return data
        candidate = _origin(candidate)
    return here


SHARED_DATA = find_shared_data()
