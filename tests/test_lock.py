"""The lock files: every dependency pinned with hashes, within pyproject.toml's ranges, and the environment
the tests run in is the one the lock describes (`make` installs it with --require-hashes)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]
RUNTIME, DEV = REPO / "requirements.lock", REPO / "requirements-dev.lock"
_PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)(?:\s*;\s*(?P<marker>[^\\]+?))?\s*\\?$"
)


def pins(lock: Path) -> dict[str, list[tuple[Version, Marker | None, int]]]:
    """name -> (version, marker, number of hashes) for every pin of a pip-compile/uv lock file."""
    out: dict[str, list[tuple[Version, Marker | None, int]]] = {}
    current: list | None = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        m = _PIN.match(line)
        if m:
            marker = Marker(m.group("marker")) if m.group("marker") else None
            current = [Version(m.group("version")), marker, 0]
            out.setdefault(canonicalize_name(m.group("name")), []).append(current)  # type: ignore[arg-type]
        elif line.strip().startswith("--hash=sha256:") and current is not None:
            current[2] += 1
        elif line and not line.startswith((" ", "#")):
            pytest.fail(f"{lock.name}: a line that is not a hashed pin: {line!r}")
    return {k: [tuple(v) for v in vs] for k, vs in out.items()}  # type: ignore[misc]


def applicable(entries: list[tuple[Version, Marker | None, int]]) -> Version:
    """The version pinned for this interpreter and platform."""
    (version,) = [v for v, marker, _ in entries if marker is None or marker.evaluate()]
    return version


def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_pin_carries_hashes_and_the_runtime_pins_are_the_same_in_both_locks() -> None:
    runtime, dev = pins(RUNTIME), pins(DEV)
    assert runtime and dev
    for lock in (runtime, dev):
        for name, entries in lock.items():
            assert all(hashes >= 1 for _, _, hashes in entries), name
    for name, entries in runtime.items():
        assert dev.get(name) == entries, f"{name}: runtime and dev locks disagree"
    assert "setuptools" in runtime and "wheel" in dev  # the build backend, for --no-build-isolation


@pytest.mark.parametrize(("lock", "groups"), [(RUNTIME, ("dependencies",)), (DEV, ("dependencies", "dev"))])
def test_the_lock_satisfies_every_requirement_of_pyproject(lock: Path, groups: tuple[str, ...]) -> None:
    meta = project()
    wanted = [*meta["dependencies"], *(meta["optional-dependencies"]["dev"] if "dev" in groups else [])]
    locked = pins(lock)
    for text in wanted:
        req = Requirement(text)
        if req.marker is not None and not req.marker.evaluate():
            continue
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is in pyproject.toml but not in {lock.name}: run `make lock`"
        version = applicable(locked[name])
        assert req.specifier.contains(version, prereleases=True), f"{name} {version} outside {req.specifier}"
        for extra in req.extras:  # e.g. psycopg[binary]: the extra's packages are locked too
            assert any(
                canonicalize_name(Requirement(r).name) in locked
                for r in metadata.requires(req.name) or ()
                if "extra ==" in r and extra in r
            ), f"{name}[{extra}]"


def test_the_installed_environment_is_the_locked_one() -> None:
    """`make` built this .venv from requirements-dev.lock: every pin is installed at its version."""
    wrong = []
    for name, entries in pins(DEV).items():
        if not any(marker is None or marker.evaluate() for _, marker, _ in entries):
            continue  # not for this interpreter or platform
        version = applicable(entries)
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            wrong.append(f"{name}: not installed")
            continue
        if installed != version:
            wrong.append(f"{name}: {installed} installed, {version} locked")
    assert not wrong, "rebuild .venv (make clean test): " + "; ".join(wrong)


def test_make_ci_and_the_image_install_from_the_lock_with_hashes() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("$(STAMP):", 1)[1].split("\n\n", 1)[0]
    assert "requirements-dev.lock" in recipe.splitlines()[0]  # a new lock rebuilds the environment
    assert "pip install -q --no-deps --require-hashes -r requirements-dev.lock" in recipe
    assert "pip check" in recipe  # the lock holds every package the environment needs
    assert "--no-deps --no-build-isolation -e ." in recipe and "'.[dev]'" not in recipe
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    docker = (REPO / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert "pip install --no-deps --require-hashes -r requirements.lock" in docker
    assert "pip check" in docker
    assert "pip install --no-deps --no-build-isolation ." in docker
    assert "!requirements.lock" in (REPO / ".dockerignore").read_text(encoding="utf-8")
