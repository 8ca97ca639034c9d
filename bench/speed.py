"""Summarizer and ingest speed over the real news corpus (../shared/data/news, 649 files).

    .venv/bin/python bench/speed.py [--news DIR] [--repeat N] [--no-ingest]

Prints, over the same article bodies: sentence splitting (sentences/s), `default` (NewsRank) and sumy
LexRank (articles/s) and their ratio; then the `briefbot ingest` rate into a fresh SQLite database.
Summarizers are built before the clock starts, as they are in a running bot.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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
def ingest_rate(news: Path) -> tuple[int, float]:
    """(files, seconds) for `briefbot ingest NEWS` into a fresh SQLite database, end to end."""
    files = sum(1 for _ in news.rglob("*.txt"))
    script = Path(sys.executable).with_name("briefbot")
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from bot.cli import main; main()"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BRIEFBOT_DATABASE_URL": f"sqlite:///{tmp}/b.sqlite3"}
        t0 = time.perf_counter()
        done = subprocess.run([*command, "ingest", str(news)], env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"briefbot ingest failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    print(f"  {done.stdout.strip().splitlines()[-1] if done.stdout.strip() else '(no output)'}")
    return files, seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=Path, default=NEWS)
    ap.add_argument("--repeat", type=int, default=3, help="passes per measurement; the best one counts")
    ap.add_argument("--no-ingest", action="store_true", help="skip the `briefbot ingest` timing")
    args = ap.parse_args(argv)
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
        files, seconds = ingest_rate(args.news)
        print(f"briefbot ingest: {files} files in {seconds:.1f}s = {files / seconds:.1f} articles/s "
              "(fresh SQLite, process start included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
