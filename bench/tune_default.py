"""Tune NewsRank (the `default` summarizer) on the validation set only, by coordinate descent.

    .venv/bin/python bench/tune_default.py [--data PATH] [--limit N] [--rounds R]

Prints Lead-3 and the starting parameters, then every improvement, then the best `RankParams(...)`.
The objective is the mean of R1, R2 and RLsum (F1 × 100, rouge-score with the stemmer, 3 sentences).
Never point this at cnndm-250.jsonl: that file is for reporting only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rouge_score import rouge_scorer

from summarizer.rankers.news import DocFeatures, RankParams, select
from summarizer.summarize import _summarizer, parse

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
GRID: dict[str, list[float]] = {
    "position_weight": [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0],
    "position_decay": [0.25, 0.5, 0.75, 1.0, 1.5, 2.0],
    "centrality_weight": [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0],
    "min_words": [0, 4, 6, 8, 10, 12, 15],
    "max_words": [25, 30, 35, 40, 45, 55, 70, 1000],
    "short_penalty": [0.0, 0.25, 0.5, 1.0, 2.0],
    "long_penalty": [0.0, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0],
    "quote_penalty": [0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2],
    "question_penalty": [0.0, 0.2, 0.4, 0.8],
    "redundancy": [0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5],
    "first_bonus": [0.0, 0.1, 0.25, 0.5, 1.0, 3.0],
    "duplicate": [0.5, 0.6, 0.7, 0.8, 0.9, 1.01],
}
INT_FIELDS = {"min_words", "max_words"}


class Evaluator:
    def __init__(self, rows: list[dict], count: int) -> None:
        self.scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
        ranker = _summarizer("default")
        self.count = count
        self.docs: list[tuple[str, list[str], DocFeatures]] = []
        for r in rows:
            doc = parse(r["article"])
            self.docs.append((r["reference"], [str(s) for s in doc.sentences], ranker.features(doc)))
        self.cache: dict[tuple[int, tuple[int, ...]], tuple[float, float, float]] = {}

    def rouge(self, k: int, picked: tuple[int, ...]) -> tuple[float, float, float]:
        key = (k, picked)
        if key not in self.cache:
            ref, sents, _ = self.docs[k]
            s = self.scorer.score(ref, "\n".join(sents[i] for i in picked))
            self.cache[key] = (s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeLsum"].fmeasure)
        return self.cache[key]

    def mean(self, choose) -> tuple[float, float, float]:
        tot = [0.0, 0.0, 0.0]
        for k, (_, _, f) in enumerate(self.docs):
            for j, v in enumerate(self.rouge(k, tuple(choose(f)))):
                tot[j] += v
        return tuple(round(100 * t / len(self.docs), 2) for t in tot)  # type: ignore[return-value]

    def params(self, p: RankParams) -> tuple[float, float, float]:
        return self.mean(lambda f: select(f, self.count, p))

    def lead(self) -> tuple[float, float, float]:
        return self.mean(lambda f: range(min(self.count, f.size)))


def objective(r: tuple[float, float, float]) -> float:
    return sum(r) / 3


def descend(ev: Evaluator, p: RankParams, rounds: int, verbose: bool) -> tuple[RankParams, tuple]:
    """Coordinate descent over GRID: change one parameter at a time while the objective improves."""
    best, best_r = p, ev.params(p)
    for rnd in range(rounds):
        improved = False
        for name, values in GRID.items():
            for v in values:
                cand = replace(best, **{name: int(v) if name in INT_FIELDS else v})
                r = ev.params(cand)
                if objective(r) > objective(best_r) + 1e-9:
                    best, best_r, improved = cand, r, True
                    if verbose:
                        print(f"round {rnd + 1}: {name}={v} -> {r} (mean {objective(r):.3f})", flush=True)
        if not improved:
            break
    return best, best_r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA / "cnndm-val-1000.jsonl")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--restarts", type=int, default=0, help="extra descents from random starting points")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fold", choices=("all", "even", "odd"), default="all",
                    help="tune on the even or odd stories only and report the other half as a check")
    args = ap.parse_args(argv)
    if args.data.name.startswith("cnndm-250"):
        ap.error("cnndm-250 is the test sample: tune on cnndm-val-1000.jsonl")
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    if args.limit:
        rows = rows[: args.limit]
    held_out: list[dict] = []
    if args.fold != "all":
        first = 0 if args.fold == "even" else 1
        rows, held_out = rows[first::2], rows[1 - first :: 2]
    t0 = time.perf_counter()
    ev = Evaluator(rows, args.sentences)
    print(f"{len(rows)} stories parsed in {time.perf_counter() - t0:.1f}s")
    print(f"Lead-{args.sentences}: R1/R2/RLsum = {ev.lead()}")
    rng = random.Random(args.seed)
    starts = [RankParams()] + [
        RankParams(**{k: rng.choice(v) for k, v in GRID.items()}) for _ in range(args.restarts)
    ]
    best, best_r = starts[0], ev.params(starts[0])
    print(f"start {best_r}  {best}")
    for n, start in enumerate(starts):
        p, r = descend(ev, start, args.rounds, verbose=n == 0)
        if n:
            print(f"restart {n}: {r} (mean {objective(r):.3f})", flush=True)
        if objective(r) > objective(best_r):
            best, best_r = p, r
    print(f"best on {args.data.name}: R1/R2/RLsum = {best_r}")
    if held_out:
        check = Evaluator(held_out, args.sentences)
        print(f"held-out half: Lead-{args.sentences} {check.lead()}, start {check.params(RankParams())}, "
              f"best {check.params(best)}")
    print("RankParams(" + ", ".join(f"{k}={v!r}" for k, v in asdict(best).items()) + ")")
    print(f"{time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
