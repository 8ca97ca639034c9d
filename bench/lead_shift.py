"""Why tuning on CNN validation stories does not carry over to a Daily Mail test sample.

    .venv/bin/python bench/lead_shift.py [--data PATH] [--limit N] [--positions PATH ...]

On the validation file (the only tuning data) it prints
1. where the greedy oracle's sentences sit (how much of the best summary the lead holds),
2. Lead-2/3/4, NewsRank (`default`) and, as a second model family, a logistic sentence scorer trained by
   5-fold cross-validation on the same stories (30 features: position, length, centrality, quotes,
   openers, names, numbers, overlap with the lede), each at several strengths of a lead anchor, with how
   often the lead sentences are kept and on how many stories the choice beats or loses to Lead-3.
`--positions FILE` prints only the oracle's positions for another file of the same shape (no summarizer is
fitted or chosen on it), e.g. the test sample, to compare where its highlights come from.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from rouge_score import rouge_scorer

from summarizer.rankers.news import DocFeatures, RankParams, _overlap, select
from summarizer.summarize import get_summarizer, parse
from tests.shared_data import SHARED_DATA

DATA = SHARED_DATA
MEASURES = ("rouge1", "rouge2", "rougeLsum")
PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "we",
    "i",
    "you",
}
CONJUNCTIONS = {"but", "and", "so", "yet", "or", "however", "still", "also"}
CANDIDATES = 40  # sentences considered per story (the oracle and the scorer alike)


class Story:
    def __init__(self, reference: str, sentences: list[str], features: DocFeatures) -> None:
        self.reference, self.sentences, self.f = reference, sentences, features
        self.n = min(features.size, CANDIDATES)


def load(path: Path, limit: int) -> list[Story]:
    ranker = get_summarizer("default")
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    stories = []
    for row in rows[: limit or None]:
        doc = parse(row["article"])
        stories.append(Story(row["reference"], [str(s) for s in doc.sentences], ranker.features(doc)))
    return stories


class Rouge:
    def __init__(self) -> None:
        self.scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
        self.cache: dict[tuple[int, tuple[int, ...]], tuple[float, float, float]] = {}

    def __call__(self, k: int, story: Story, picked: list[int]) -> tuple[float, float, float]:
        key = (k, tuple(picked))
        if key not in self.cache:
            s = self.scorer.score(story.reference, "\n".join(story.sentences[i] for i in picked))
            self.cache[key] = tuple(s[m].fmeasure for m in MEASURES)  # type: ignore[assignment]
        return self.cache[key]


def oracle(k: int, story: Story, rouge: Rouge, count: int = 3) -> list[int]:
    """Greedy oracle: add the sentence that raises R1 + R2 most, up to `count`, while it helps."""
    chosen: list[int] = []
    best = 0.0
    for _ in range(count):
        pick = None
        for i in range(story.n):
            if i not in chosen:
                r = rouge(k, story, sorted([*chosen, i]))
                if r[0] + r[1] > best + 1e-9:
                    best, pick = r[0] + r[1], i
        if pick is None:
            break
        chosen.append(pick)
    return sorted(chosen)


def print_positions(name: str, stories: list[Story], labels: list[list[int]]) -> None:
    counts = Counter(i for picked in labels for i in picked)
    total = max(1, sum(counts.values()))
    first = sum(1 for picked in labels if 0 in picked) / max(1, len(labels))
    shares = "  ".join(f"{i}:{100 * counts[i] / total:.0f}%" for i in range(8))
    later = 100 * sum(v for i, v in counts.items() if i >= 8) / total
    in_lead = 100 * sum(counts[i] for i in range(3)) / total
    print(f"{name}: oracle sentences by position  {shares}  8+:{later:.0f}%")
    print(
        f"{name}: first sentence in the oracle for {100 * first:.0f}% of stories; "
        f"{in_lead:.0f}% of oracle sentences are lead sentences"
    )


def features(story: Story, i: int) -> list[float]:
    f, text = story.f, story.sentences[i]
    words = text.split()
    opener = words[0].lower().strip("\"'“‘") if words else ""
    cent = f.centrality
    rank = sum(1 for c in cent if c > cent[i])
    caps = sum(1 for w in words[1:] if w[:1].isupper()) / max(1, len(words))
    return [
        1.0,
        *(float(i == p) for p in range(8)),
        math.log1p(i),
        i / max(1, f.size),
        math.log1p(f.lengths[i]),
        float(f.lengths[i] < 6),
        float(f.lengths[i] > 40),
        cent[i],
        float(rank == 0),
        float(rank < 3),
        cent[i] - cent[0],
        f.quoted[i],
        float(text[:1] in "\"“‘'"),
        float(f.question[i]),
        float(opener in PRONOUNS),
        float(opener in CONJUNCTIONS),
        caps,
        float(bool(re.search(r"\d", text))),
        _overlap(f.bags[i], f.bags[0]) if i else 1.0,
        math.log1p(f.size),
        math.log1p(f.lengths[0]) * (i == 0),
        cent[0] * (i < 3),
        f.quoted[0] * (i < 3),
    ]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 25) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (30 features: a few exact steps)."""
    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0  # no penalty on the intercept
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def cross_validated_scores(stories: list[Story], labels: list[list[int]], folds: int = 5) -> list[np.ndarray]:
    rows = [np.array([features(s, i) for i in range(s.n)]) for s in stories]
    targets = [
        np.array([float(i in picked) for i in range(s.n)]) for s, picked in zip(stories, labels, strict=True)
    ]
    out: list[np.ndarray] = [np.zeros(0)] * len(stories)
    for fold in range(folds):
        train = [k for k in range(len(stories)) if k % folds != fold]
        w = fit_logistic(np.vstack([rows[k] for k in train]), np.concatenate([targets[k] for k in train]))
        for k in range(fold, len(stories), folds):
            out[k] = rows[k] @ w
    return out


def pick_learned(
    story: Story, scores: np.ndarray, anchor: float, redundancy: float, count: int = 3
) -> list[int]:
    value = scores.copy()
    value[:3] += anchor
    chosen: list[int] = []
    while len(chosen) < min(count, story.n):
        best, best_v = -1, -math.inf
        for i in range(story.n):
            if i in chosen:
                continue
            v = value[i] - redundancy * max(
                (_overlap(story.f.bags[i], story.f.bags[j]) for j in chosen), default=0.0
            )
            if v > best_v:
                best, best_v = i, v
        chosen.append(best)
    return sorted(chosen)


def evaluate(label: str, stories: list[Story], rouge: Rouge, choose) -> None:
    totals, kept, wins, losses = [0.0, 0.0, 0.0], 0, 0, 0
    for k, s in enumerate(stories):
        picked = choose(k, s)
        mine, lead = rouge(k, s, picked), rouge(k, s, list(range(min(3, s.f.size))))
        totals = [t + v for t, v in zip(totals, mine, strict=True)]
        kept += len(set(picked) & {0, 1, 2})
        diff = sum(mine) - sum(lead)
        wins += diff > 0.003
        losses += diff < -0.003
    n = max(1, len(stories))
    r = "/".join(f"{100 * t / n:.2f}" for t in totals)
    print(
        f"{label:<34} {r:>17}  lead kept {kept / (3 * n):.3f}  beats Lead-3 on {wins:>3}, "
        f"loses on {losses:>3}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA / "cnndm-val-1000.jsonl")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument(
        "--positions",
        type=Path,
        nargs="*",
        default=[],
        help="also print the oracle's positions (only) for these files",
    )
    args = ap.parse_args(argv)
    if args.data.name.startswith("cnndm-250"):
        ap.error("cnndm-250 is the test sample: fit on cnndm-val-1000.jsonl (use --positions to describe it)")
    t0 = time.perf_counter()
    stories, rouge = load(args.data, args.limit), Rouge()
    labels = [oracle(k, s, rouge) for k, s in enumerate(stories)]
    print(f"{args.data.name}: {len(stories)} stories, oracle labels in {time.perf_counter() - t0:.0f}s")
    print_positions(args.data.name, stories, labels)
    for path in args.positions:
        other, other_rouge = load(path, 0), Rouge()
        print_positions(path.name, other, [oracle(k, s, other_rouge) for k, s in enumerate(other)])
    print(f"{'method (R1/R2/RLsum, F1 x 100)':<34} {'':>17}")
    for n in (2, 3, 4):
        evaluate(f"Lead-{n}", stories, rouge, lambda k, s, n=n: list(range(min(n, s.f.size))))
    for bonus in (0.1, 0.2, 0.3, 0.4, 0.5, 0.7):
        p = replace(RankParams(), lead_bonus=bonus)
        tag = " (default)" if p == RankParams() else ""
        evaluate(f"NewsRank lead_bonus={bonus}{tag}", stories, rouge, lambda k, s, p=p: select(s.f, 3, p))
    scores = cross_validated_scores(stories, labels)
    for anchor in (0.0, 0.5, 1.0, 1.5):
        evaluate(
            f"logistic 5-fold, lead anchor {anchor}",
            stories,
            rouge,
            lambda k, s, a=anchor: pick_learned(s, scores[k], a, redundancy=2.0),
        )
    print(f"{time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
