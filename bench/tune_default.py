"""Tune NewsRank (the `default` summarizer) on the validation set only, by coordinate descent.

    .venv/bin/python bench/tune_default.py [--data PATH] [--limit N] [--rounds R] [--objective worst]

Prints Lead-3 and the starting parameters, then every improvement, then the best `RankParams(...)`.
`--objective mean` maximises the mean of R1, R2 and RLsum (F1 × 100, rouge-score with the stemmer,
3 sentences). `--objective worst` maximises the smallest margin over Lead-3 across `--folds` folds of the
CNN stories and all three measures: a choice that must beat the lead everywhere, not on average, which
favours parameters that leave the lead only on strong evidence. The stories without the `(CNN)` marker
(CNN Student News, partner content) are reported as a fold of their own but not tuned on.
Never point this at cnndm-250.jsonl: that file is for reporting only.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rouge_score import rouge_scorer

from summarizer.rankers.news import DocFeatures, RankParams, select
from summarizer.summarize import get_summarizer, parse
from tests.shared_data import SHARED_DATA

DATA = SHARED_DATA
GRID: dict[str, list[float]] = {
    "position_weight": [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0],
    "position_decay": [0.25, 0.5, 0.75, 1.0, 1.5, 2.0],
    "centrality_weight": [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0],
    "min_words": [0, 4, 6, 8, 10, 12, 15],
    "max_words": [25, 30, 35, 40, 45, 55, 70, 1000],
    "short_penalty": [0.0, 0.25, 0.5, 1.0, 2.0],
    "long_penalty": [0.0, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0],
    "long_cap": [math.inf, 1.0, 0.6, 0.4, 0.3, 0.2, 0.1],
    "quote_penalty": [0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2],
    "question_penalty": [0.0, 0.2, 0.4, 0.8],
    "redundancy": [0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5],
    "first_bonus": [0.0, 0.1, 0.25, 0.5, 1.0, 3.0],
    "lead_bonus": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5],
    "duplicate": [0.5, 0.6, 0.7, 0.8, 0.9, 1.01],
}
INT_FIELDS = {"min_words", "max_words"}


class Evaluator:
    def __init__(self, rows: list[dict], count: int, folds: int = 5) -> None:
        self.scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
        ranker = get_summarizer("default")
        self.count = count
        self.docs: list[tuple[str, list[str], DocFeatures]] = []
        for r in rows:
            doc = parse(r["article"])
            self.docs.append((r["reference"], [str(s) for s in doc.sentences], ranker.features(doc)))
        self.cache: dict[tuple[int, tuple[int, ...]], tuple[float, float, float]] = {}
        cnn = [k for k, r in enumerate(rows) if "(CNN)" in r["article"][:300]]
        other = [k for k in range(len(rows)) if k not in set(cnn)]
        self.folds = [cnn[i::folds] for i in range(folds)] if folds > 1 else [cnn]
        self.other = other

    def rouge(self, k: int, picked: tuple[int, ...]) -> tuple[float, float, float]:
        key = (k, picked)
        if key not in self.cache:
            ref, sents, _ = self.docs[k]
            s = self.scorer.score(ref, "\n".join(sents[i] for i in picked))
            self.cache[key] = (s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeLsum"].fmeasure)
        return self.cache[key]

    def mean(self, choose, subset: list[int] | None = None) -> tuple[float, float, float]:
        ks = range(len(self.docs)) if subset is None else subset
        tot = [0.0, 0.0, 0.0]
        for k in ks:
            for j, v in enumerate(self.rouge(k, tuple(choose(self.docs[k][2])))):
                tot[j] += v
        return tuple(round(100 * t / max(1, len(ks)), 2) for t in tot)  # type: ignore[return-value]

    def params(self, p: RankParams) -> tuple[float, float, float]:
        return self.mean(lambda f: select(f, self.count, p))

    def lead(self, subset: list[int] | None = None) -> tuple[float, float, float]:
        return self.mean(lambda f: range(min(self.count, f.size)), subset)

    def margins(self, p: RankParams) -> list[tuple[float, ...]]:
        """(R1, R2, RLsum) minus Lead-3's on each CNN fold, then on the other stories (if any)."""
        out = []
        for subset in [*self.folds, self.other]:
            if subset:
                mine = self.mean(lambda f: select(f, self.count, p), subset)
                out.append(tuple(round(a - b, 2) for a, b in zip(mine, self.lead(subset), strict=True)))
        return out

    def worst(self, p: RankParams) -> float:
        """The smallest margin over Lead-3 on any CNN fold and any of the three measures."""
        return min(min(m) for m in self.margins(p)[: len(self.folds)])

    def lead_agreement(self, p: RankParams) -> float:
        """Share of chosen sentences that are lead sentences: how far the choice strays from Lead-3."""
        same = sum(len(set(select(f, self.count, p)) & set(range(self.count))) for _, _, f in self.docs)
        return same / max(1, self.count * len(self.docs))

    def per_story(self, p: RankParams) -> list[float]:
        docs = enumerate(self.docs)
        return [sum(self.rouge(k, tuple(select(f, self.count, p)))) / 3 for k, (_, _, f) in docs]

    def shortfall(self, p: RankParams, anchor: RankParams) -> tuple[float, float]:
        """(how far `p` falls below `anchor` on the mean of the three measures, the standard error of
        that paired difference), both × 100."""
        d = [a - b for a, b in zip(self.per_story(anchor), self.per_story(p), strict=True)]
        return 100 * statistics.fmean(d), 100 * statistics.stdev(d) / math.sqrt(len(d))


def objective(r: tuple[float, float, float]) -> float:
    return sum(r) / 3


def score(ev: Evaluator, p: RankParams, kind: str, anchor: RankParams | None = None) -> tuple[float, float]:
    """(objective, tie-break) of `p` for descent.

    mean: the mean of the three measures. worst: the worst-fold margin over Lead-3, then the mean.
    lead: how often the lead sentences are kept, for parameters no more than one paired standard error
    below `anchor` (the best mean) that beat Lead-3 on every fold and measure (-1 for the others), then
    the mean: the one-standard-error rule, leaning towards the lead.
    """
    mean = objective(ev.params(p))
    if kind == "worst":
        return ev.worst(p), mean
    if kind == "lead":
        gap, se = ev.shortfall(p, anchor or p)
        ok = gap <= se and ev.worst(p) > 0
        return (ev.lead_agreement(p) if ok else -1.0), mean
    return mean, 0.0


def descend(
    ev: Evaluator,
    p: RankParams,
    rounds: int,
    verbose: bool,
    kind: str = "mean",
    anchor: RankParams | None = None,
) -> tuple[RankParams, tuple]:
    """Coordinate descent over GRID: change one parameter at a time while the objective improves."""
    best, best_s = p, score(ev, p, kind, anchor)
    for rnd in range(rounds):
        improved = False
        for name, values in GRID.items():
            for v in values:
                cand = replace(best, **{name: int(v) if name in INT_FIELDS else v})
                s = score(ev, cand, kind, anchor)
                if s[0] > best_s[0] + 1e-9 or (abs(s[0] - best_s[0]) <= 1e-9 and s[1] > best_s[1] + 1e-9):
                    best, best_s, improved = cand, s, True
                    if verbose:
                        r = ev.params(cand)
                        print(f"round {rnd + 1}: {name}={v} -> {r} ({kind} {s[0]:.3f})", flush=True)
        if not improved:
            break
    return best, ev.params(best)


def climb(ev: Evaluator, anchor: RankParams, steps: int = 10) -> tuple[RankParams, tuple]:
    """Steepest ascent of the `lead` score from `anchor`: each step takes the single change of one
    parameter that keeps the lead most often while staying within the one-standard-error band."""
    best, best_s = anchor, score(ev, anchor, "lead", anchor)
    for step in range(steps):
        moves = [
            replace(best, **{name: int(v) if name in INT_FIELDS else v})
            for name, values in GRID.items()
            for v in values
        ]
        scored = [(score(ev, m, "lead", anchor), m) for m in moves if m != best]
        s, cand = max(scored, key=lambda sm: sm[0])
        if s <= best_s:
            break
        best, best_s = cand, s
        print(f"step {step + 1}: {ev.params(best)} (lead kept {s[0]:.3f})  {best}", flush=True)
    return best, ev.params(best)


def report(ev: Evaluator, label: str, p: RankParams) -> None:
    """Mean ROUGE, the margin over Lead-3 on each fold and how often the lead sentences are kept."""
    margins = ev.margins(p)
    folds = "  ".join("/".join(f"{x:+.2f}" for x in m) for m in margins[: len(ev.folds)])
    other = f"; non-CNN stories {'/'.join(f'{x:+.2f}' for x in margins[-1])}" if ev.other else ""
    print(
        f"{label}: {ev.params(p)}, lead kept {ev.lead_agreement(p):.2f}; "
        f"margin over Lead-3 by CNN fold: {folds}{other}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA / "cnndm-val-1000.jsonl")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--restarts", type=int, default=0, help="extra descents from random starting points")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", default="", help="starting changes to RankParams(), e.g. relative_length=1.5")
    ap.add_argument(
        "--objective",
        choices=("mean", "worst", "lead"),
        default="mean",
        help="lead: first the best mean, then the most lead-keeping parameters within one "
        "standard error of it that beat Lead-3 on every fold",
    )
    ap.add_argument("--folds", type=int, default=5, help="CNN folds for --objective worst and the report")
    ap.add_argument(
        "--fold",
        choices=("all", "even", "odd"),
        default="all",
        help="tune on the even or odd stories only and report the other half as a check",
    )
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
    ev = Evaluator(rows, args.sentences, args.folds)
    print(f"{len(rows)} stories parsed in {time.perf_counter() - t0:.1f}s")
    print(f"Lead-{args.sentences}: R1/R2/RLsum = {ev.lead()}")
    rng = random.Random(args.seed)
    changes = dict(kv.split("=", 1) for kv in args.start.split(",") if kv)
    first = RankParams(**{k: type(getattr(RankParams(), k))(v) for k, v in changes.items()})
    starts = [first] + [
        RankParams(**{k: rng.choice(v) for k, v in GRID.items()}) for _ in range(args.restarts)
    ]
    best, best_r = starts[0], ev.params(starts[0])
    first_kind = "mean" if args.objective == "lead" else args.objective
    best_s = score(ev, best, first_kind)
    report(ev, "start", best)
    for n, start in enumerate(starts):
        p, r = descend(ev, start, args.rounds, verbose=n == 0, kind=first_kind)
        s = score(ev, p, first_kind)
        if n:
            print(f"restart {n}: {r} ({first_kind} {s[0]:.3f})", flush=True)
        if s > best_s:
            best, best_r, best_s = p, r, s
    if args.objective == "lead":
        anchor = best
        best, best_r = climb(ev, anchor)
        gap, se = ev.shortfall(best, anchor)
        print(f"one-SE rule: {gap:.3f} below the best mean (standard error {se:.3f})")
    print(f"best on {args.data.name}: R1/R2/RLsum = {best_r}")
    report(ev, "best", best)
    if held_out:
        check = Evaluator(held_out, args.sentences)
        print(
            f"held-out half: Lead-{args.sentences} {check.lead()}, start {check.params(RankParams())}, "
            f"best {check.params(best)}"
        )
    print("RankParams(" + ", ".join(f"{k}={v!r}" for k, v in asdict(best).items()) + ")")
    print(f"{time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
