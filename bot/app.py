"""Wiring: settings -> database -> ingest -> the configured front ends, in one process."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from bot.commands import Commands
from bot.ingest import IngestReport, ingest_specs, make_analyser
from bot.settings import Settings
from bot.store import Database, open_database

log = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def resolve_source(spec: str) -> str:
    """URLs as given; relative paths against the working directory, else the installation (seeds/)."""
    if "://" in spec:
        return spec
    path = Path(spec).expanduser()
    if path.is_absolute() or path.exists():
        return str(path)
    bundled = PROJECT_ROOT / spec
    return str(bundled) if bundled.exists() else str(path)


def ingest_configured(db: Database, settings: Settings) -> IngestReport:
    analyse = make_analyser(settings.summary_algorithm, settings.summary_sentences)
    report = ingest_specs(db, [resolve_source(s) for s in settings.sources], analyse)
    log.info("ingest: %s", report.line())
    return report


async def serve(settings: Settings, *, console_only: bool = False) -> int:
    db = await asyncio.to_thread(open_database, settings.database_url)
    try:
        await asyncio.to_thread(ingest_configured, db, settings)
        commands = Commands(db, settings)
        from bot.platforms.console import Console

        return await Console(commands).run()
    finally:
        db.dispose()


def run(settings: Settings, *, console_only: bool = False) -> int:
    return asyncio.run(serve(settings, console_only=console_only))
