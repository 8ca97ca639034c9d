"""Summarizer and ingest speed over the real news corpus (../shared/data/news, 649 files).

    .venv/bin/python bench/speed.py [--news DIR] [--repeat N] [--no-ingest] [--long-only]

Prints, over the same article bodies: sentence splitting (sentences/s), `default` (NewsRank) and sumy
LexRank (articles/s) and their ratio; then the `briefbot ingest` rate into a fresh SQLite database (in one
process, `--workers 1`, and with the default worker processes, one per core up to 4), and
the seconds `briefbot ingest` takes for one very long text file (the news files run together into 1 MB
and 4.8 MB): analysis reads a bounded prefix (summarizer.article.analysis_prefix), so it stays seconds;
then the bot's first poll after an upgrade (ANALYSIS_VERSION bumped), which re-analyses every stored
story, in one process (`analysis_workers = 1`) and in the default worker processes.
Summarizers are built before the clock starts, as they are in a running bot.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.analysis_pool import default_workers
from summarizer.article import ArticleError, parse_text
from summarizer.summarize import summarize
from summarizer.text import split_sentences
from tests.shared_data import SHARED_DATA

NEWS = SHARED_DATA / "news"


def load_bodies(news: Path) -> list[str]:
    bodies = []
    for path in sorted(news.rglob("*.txt")):
        try:
            bodies.append(parse_text(path.read_text(encoding="utf-8", errors="replace")).body)
        except ArticleError:
            continue
    return bodies


def rates(bodies: list[str], algorithms: list[str], repeat: int) -> dict[str, float]:
    """Articles per second per algorithm: best of `repeat` passes, passes alternating between the
    algorithms so that load from other processes hits them alike; one warm-up call each first."""
    best = dict.fromkeys(algorithms, float("inf"))
    for algorithm in algorithms:
        summarize(bodies[0], algorithm)
    for _ in range(repeat):
        for algorithm in algorithms:
            t0 = time.perf_counter()
            for body in bodies:
                summarize(body, algorithm, 3)
            best[algorithm] = min(best[algorithm], time.perf_counter() - t0)
    return {a: len(bodies) / t for a, t in best.items()}


def split_rate(bodies: list[str], repeat: int) -> tuple[float, float]:
    """(sentences per second, articles per second) of `split_sentences`."""
    best, count = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = sum(len(split_sentences(b)) for b in bodies)
        best = min(best, time.perf_counter() - t0)
    return count / best, len(bodies) / best


# -- ingest rate ------------------------------------------------------------------------------------
def ingest_rate(news: Path, workers: list[str]) -> tuple[int, float]:
    """(files, seconds) for `briefbot ingest NEWS` into a fresh SQLite database, end to end."""
    files = sum(1 for _ in news.rglob("*.txt"))
    return files, _ingest(news, workers)


def long_file_seconds(news: Path, size: int) -> float:
    """Seconds for `briefbot ingest` of one text file of `size` bytes: the news files run together."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(news.rglob("*.txt"))]
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1].encode("utf-8")) + 2
        i += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_bytes("\n\n".join(parts).encode("utf-8")[:size])
        return _ingest(path)


def _ingest(path: Path, options: Sequence[str] = (), env: dict[str, str] | None = None) -> float:
    script = Path(sys.executable).with_name("briefbot")
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from bot.cli import main; main()"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BRIEFBOT_DATABASE_URL": f"sqlite:///{tmp}/b.sqlite3", **(env or {})}
        t0 = time.perf_counter()
        done = subprocess.run(
            [*command, "ingest", *options, str(path)], env=env, capture_output=True, text=True
        )
        seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"briefbot ingest failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    print(f"  {done.stdout.strip().splitlines()[-1] if done.stdout.strip() else '(no output)'}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=Path, default=NEWS)
    ap.add_argument("--repeat", type=int, default=3, help="passes per measurement; the best one counts")
    ap.add_argument("--no-ingest", action="store_true", help="skip the `briefbot ingest` timings")
    ap.add_argument("--long-only", action="store_true", help="only the long-file `briefbot ingest` timings")
    ap.add_argument("--reanalysis-only", action="store_true", help="only the re-analysis after an upgrade")
    args = ap.parse_args(argv)
    if args.long_only:
        return _long_files(args.news)
    if args.reanalysis_only:
        return _reanalysis(args.news)
    bodies = load_bodies(args.news)
    words = sum(len(b.split()) for b in bodies)
    print(f"{len(bodies)} articles, {words} words, from {args.news.resolve()}")
    sps, aps = split_rate(bodies, args.repeat)
    print(f"split_sentences: {sps:,.0f} sentences/s ({aps:,.0f} articles/s)")
    measured = rates(bodies, ["default", "lexrank"], args.repeat)
    ours, lexrank = measured["default"], measured["lexrank"]
    print(f"default (NewsRank): {ours:8.1f} articles/s")
    print(f"sumy LexRank:       {lexrank:8.1f} articles/s")
    print(f"default / LexRank:  {ours / lexrank:8.2f}x")
    if not args.no_ingest:
        for label, options in (("--workers 1", ["--workers", "1"]), (f"{default_workers()} workers", [])):
            files, seconds = ingest_rate(args.news, options)
            print(
                f"briefbot ingest ({label}): {files} files in {seconds:.1f}s = {files / seconds:.1f} "
                "articles/s (fresh SQLite, process start included)"
            )
        _long_files(args.news)
        _reanalysis(args.news)
    return 0


def _reanalysis(news: Path) -> int:
    """The bot's poll (bot.app.ingest_configured, no sources) over a store of the news files that an
    older version analysed: every story is analysed again before the poll goes on."""
    from bot.app import ingest_configured
    from bot.settings import load_settings
    from bot.store import open_database
    from bot.store.models import StoredArticle

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/b.sqlite3"
        _ingest(news, env={"BRIEFBOT_DATABASE_URL": url})
        db = open_database(url)
        for workers in (1, 0):
            with db.session() as session:
                stored = session.query(StoredArticle).update({StoredArticle.analysis_version: 0})
            settings = load_settings({}, database_url=url, sources=(), analysis_workers=workers)
            t0 = time.perf_counter()
            ingest_configured(db, settings)
            seconds = time.perf_counter() - t0
            label = "one process" if workers == 1 else f"{default_workers()} worker processes"
            print(
                f"bot poll after an upgrade, {label}: {stored} stored stories re-analysed in {seconds:.1f}s "
                f"= {stored / seconds:.1f} stories/s (workers' start included)"
            )
    return 0


def _long_files(news: Path) -> int:
    for size in (1_000_000, 4_800_000):
        seconds = long_file_seconds(news, size)
        print(f"briefbot ingest of one {size / 1e6:.1f} MB text file: {seconds:.1f}s (process start incl.)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
