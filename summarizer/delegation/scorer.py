"""One scorer for all evidence: a logistic model whose weights are fitted on the labelled dev sets.

`fit` is L2-regularised logistic regression by Newton's method (a few dozen features, a few hundred
people: numpy is enough). The shipped weights live in weights.json beside this file and are refitted
with `python bench/who.py --fit`, which also reports the cross-validated figures.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from summarizer.delegation.features import FEATURES

WEIGHTS_FILE = Path(__file__).with_name("weights.json")
THRESHOLD = 0.5
L2 = 1.0


@dataclass(frozen=True)
class Scorer:
    weights: tuple[float, ...]
    bias: float
    threshold: float = THRESHOLD

    def probability(self, x: Sequence[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_member(self, x: Sequence[float]) -> bool:
        return self.probability(x) >= self.threshold

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "weights": dict(zip(FEATURES, self.weights, strict=True)),
            "bias": self.bias,
            "threshold": self.threshold,
        }


def fit(
    xs: Sequence[Sequence[float]], ys: Sequence[int], *, l2: float = L2, threshold: float = THRESHOLD
) -> Scorer:
    """Weights maximising the penalised log-likelihood (the bias is not penalised)."""
    import numpy as np

    x = np.asarray(xs, dtype=float)
    y = np.asarray(ys, dtype=float)
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return Scorer(weights=tuple(float(v) for v in w[:-1]), bias=float(w[-1]), threshold=threshold)


THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
L2_CHOICES = (0.3, 1.0, 3.0)
Rows = tuple[list[list[float]], list[int]]


def fit_selected(articles: Sequence[Rows], *, folds: int = 4) -> Scorer:
    """Fit on all `articles`, with the L2 strength and threshold chosen by an inner cross-validation over
    them (by article: F1 of the people it marks as members), so nothing is chosen on held-out data."""
    best: tuple[float, float, float] | None = None
    for l2 in L2_CHOICES:
        probs: list[tuple[float, int]] = []
        for k in range(folds):
            train = [a for i, a in enumerate(articles) if i % folds != k]
            model = fit([x for a in train for x in a[0]], [y for a in train for y in a[1]], l2=l2)
            for i, (xs, ys) in enumerate(articles):
                if i % folds == k:
                    probs += [(model.probability(x), y) for x, y in zip(xs, ys, strict=True)]
        for t in THRESHOLDS:
            tp = sum(1 for p, y in probs if p >= t and y)
            fp = sum(1 for p, y in probs if p >= t and not y)
            fn = sum(1 for p, y in probs if p < t and y)
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if best is None or f1 > best[0]:
                best = (f1, l2, t)
    assert best is not None
    _, l2, t = best
    return fit([x for a in articles for x in a[0]], [y for a in articles for y in a[1]], l2=l2, threshold=t)


@lru_cache(maxsize=1)
def shipped() -> Scorer:
    """The weights in weights.json, checked against today's feature names."""
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    if list(data["features"]) != list(FEATURES):
        raise RuntimeError(f"{WEIGHTS_FILE} was fitted for other features: run `python bench/who.py --fit`")
    return Scorer(
        weights=tuple(float(data["weights"][f]) for f in FEATURES),
        bias=float(data["bias"]),
        threshold=float(data.get("threshold", THRESHOLD)),
    )
