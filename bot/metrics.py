"""Prometheus metrics of one briefbot process, served at /metrics."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

REGISTRY = CollectorRegistry(auto_describe=True)

ARTICLES_INGESTED = Counter(
    "briefbot_articles_ingested_total", "Articles stored after analysis", registry=REGISTRY
)
ARTICLES_SKIPPED = Counter(
    "briefbot_articles_skipped_total", "Inputs skipped (unreadable files, failed feeds)", registry=REGISTRY
)
ARTICLES_PRUNED = Counter(
    "briefbot_articles_pruned_total",
    "Stories deleted: older than story_retention_days, or brought only by feeds no chat has",
    ["reason"],
    registry=REGISTRY,
)
LAST_INGEST = Gauge(
    "briefbot_last_ingest_timestamp_seconds", "When the sources were last polled", registry=REGISTRY
)


def last_ingest_timestamp() -> float:
    """When the sources were last polled (Unix seconds; 0 before the first poll), read through the
    registry's public API rather than the gauge's private value."""
    return REGISTRY.get_sample_value("briefbot_last_ingest_timestamp_seconds") or 0.0


DIGESTS_DELIVERED = Counter(
    "briefbot_digests_delivered_total", "Digests delivered", ["platform"], registry=REGISTRY
)
DIGESTS_FAILED = Counter(
    "briefbot_digests_failed_total",
    "Digest send attempts that failed",
    ["platform", "reason"],
    registry=REGISTRY,
)
SEND_LATENCY = Histogram(
    "briefbot_send_latency_seconds",
    "Time to send one digest to the platform",
    ["platform"],
    registry=REGISTRY,
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
DELIVERIES_IN_DOUBT = Counter(
    "briefbot_deliveries_in_doubt_total",
    "Digest messages whose send timed out after the request left (maybe delivered); each is sent again,"
    " so the chat may see it twice",
    ["platform"],
    registry=REGISTRY,
)
DELIVERY_RECORD_RETRIES = Counter(
    "briefbot_delivery_record_retries_total",
    "Records of accepted digest messages retried because the database did not answer",
    ["platform"],
    registry=REGISTRY,
)
DELIVERY_RECORDS_FAILED = Counter(
    "briefbot_delivery_records_failed_total",
    "Accepted digest messages left unrecorded (database away for most of the lease); sent again when"
    " the lease lapses",
    ["platform"],
    registry=REGISTRY,
)
RATE_LIMITED = Counter(
    "briefbot_rate_limited_total",
    "429 / ratelimited answers from a platform",
    ["platform"],
    registry=REGISTRY,
)
COMMANDS_SERVED = Counter(
    "briefbot_commands_total", "Chat commands served", ["platform", "command"], registry=REGISTRY
)
COMMAND_LATENCY = Histogram(
    "briefbot_command_latency_seconds",
    "Time to answer a chat command (server side)",
    ["platform"],
    registry=REGISTRY,
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)


def render_metrics() -> tuple[bytes, str]:
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
