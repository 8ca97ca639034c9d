"""compose publishes nothing to the network: the bot's port (with /metrics) and Prometheus listen on the
host's loopback only."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def published(service: dict) -> list[tuple[str, str, str]]:
    """(host address, host port, container port) of each short-syntax port; no address means all of them."""
    out = []
    for spec in service.get("ports", []):
        parts = re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", str(spec)).split(":")  # ${VAR:-default}: its default
        address = parts[0] if len(parts) == 3 else "0.0.0.0"
        out.append((address, parts[-2], parts[-1]))
    return out


def test_metrics_and_prometheus_are_bound_to_loopback() -> None:
    compose = yaml.safe_load((REPO / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    bot = published(services["bot"])
    assert bot and all(address == "127.0.0.1" for address, _, _ in bot), bot
    assert [port for _, _, port in bot] == [services["bot"]["environment"]["BRIEFBOT_HTTP_PORT"]]
    prometheus = published(services["prometheus"])
    assert prometheus and all(address == "127.0.0.1" for address, _, _ in prometheus), prometheus
    assert all(not published(s) for name, s in services.items() if name not in {"bot", "prometheus"})
