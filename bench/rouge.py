"""ROUGE of every summarizer on the CNN/DailyMail test sample (or any file of the same shape).

    .venv/bin/python bench/rouge.py [--data PATH] [--limit N] [--sentences 3] [--algorithms a,b,...]

Prints R1 / R2 / RLsum, mean F1 × 100, with rouge-score 0.1.2 (`use_stemmer=True`; ROUGE-Lsum with one
sentence a line, the reference highlights one a line), the setup of ../shared/data/README.md, plus
seconds per algorithm. `lead` is Lead-3 when --sentences is 3.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rouge_score import rouge_scorer

from summarizer.algorithms import ALGORITHMS, Algorithm
from summarizer.summarize import summarize
from tests.shared_data import SHARED_DATA

DATA = SHARED_DATA
# print order: ours last, below the methods it is measured against
ORDER = (*(a for a in ALGORITHMS if a != Algorithm.DEFAULT), Algorithm.DEFAULT)


def evaluate(rows: list[dict], algorithm: str, sentences: int) -> tuple[float, float, float, float]:
    """(R1, R2, RLsum, seconds spent summarizing) over `rows`."""
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = [0.0, 0.0, 0.0]
    spent = 0.0
    for row in rows:
        t0 = time.perf_counter()
        summary = summarize(row["article"], algorithm, sentences)
        spent += time.perf_counter() - t0
        s = scorer.score(row["reference"], "\n".join(summary))
        for i, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
            totals[i] += s[key].fmeasure
    n = max(1, len(rows))
    return 100 * totals[0] / n, 100 * totals[1] / n, 100 * totals[2] / n, spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA / "cnndm-250.jsonl")
    ap.add_argument("--limit", type=int, default=0, help="only the first N stories")
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--algorithms", default=",".join(ORDER), help="comma-separated, in print order")
    args = ap.parse_args(argv)
    algorithms = [a.strip() for a in args.algorithms.split(",") if a.strip()]
    unknown = [a for a in algorithms if a not in ALGORITHMS]
    if unknown:
        ap.error(f"unknown algorithm(s) {', '.join(unknown)}; choose from {', '.join(ALGORITHMS)}")
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    print(f"{args.data.name}: {len(rows)} stories, {args.sentences} sentences, rouge-score use_stemmer=True")
    print(f"{'method':<12} {'R1':>6} {'R2':>6} {'RLsum':>6} {'seconds':>8}")
    for algorithm in algorithms:
        r1, r2, rl, spent = evaluate(rows, algorithm, args.sentences)
        print(f"{algorithm:<12} {r1:6.2f} {r2:6.2f} {rl:6.2f} {spent:8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
