"""Score topic labels against the labelled dev sets; print the figures, cross-validated first.

    .venv/bin/python bench/topics.py [-v] [--no-corpus] [--no-model] [--repeats N] [--code PATH]

Hit rate (the scorer bench/who.py used): a labelled topic is hit when it shares a stemmed content word
with one of the top six predicted labels. The rate is hits over labelled topics, per file and pooled.

Anything fitted or chosen on the labelled sets is fitted and chosen by 5-fold cross-validation over the
pooled articles: on four folds, the word weights (logistic regression of "an editor's label uses this
word" over the articles' content words) and then the setting of summarizer.topics.TUNABLE that hits
most; the fifth fold is scored with them. That figure is printed first, pooled and per file; the
in-sample figures of the shipped defaults follow.

Over every article in ../shared/data/news it also prints how many distinct labels `topic_index` makes
and some junk indicators. `--code PATH` imports summarizer/ from another checkout (e.g. a worktree of
main) to print the same figures for the code before a change. `--no-model` ranks words as a bot with
`ner_model = false` does (no spaCy tags) and fits the weights it uses (`rules_word_weights`).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

GOLD_FILES = ("topics-dev.jsonl", "topics-dev-2.jsonl")
FOLDS = 5
TOP = 6

_STOP_TEXT = "a an the of for and or in on to at by with from its his her their de la this that as is are"


def _args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print each article's labels and misses")
    ap.add_argument("--no-corpus", action="store_true", help="skip the run over ../shared/data/news")
    ap.add_argument("--code", type=Path, default=ROOT, help="checkout whose summarizer/ is measured")
    ap.add_argument(
        "--no-model",
        action="store_true",
        help="rank words without the spaCy model's tags (as with ner_model = false): fits rules_word_weights",
    )
    ap.add_argument(
        "--repeats",
        type=int,
        default=1,
        help="cross-validate over this many shuffles of the articles (the first is the usual one) and "
        "print their mean: one split of 52 articles moves the figure by several hits",
    )
    return ap.parse_args()


ARGS = _args() if __name__ == "__main__" else None
sys.path.insert(0, str(ROOT))
from tests.shared_data import SHARED_DATA  # noqa: E402  (this checkout's, whichever code is measured)

if ARGS is not None and ARGS.code.resolve() != ROOT:
    sys.path.insert(0, str(ARGS.code.resolve()))

from summarizer import topics as topics_module  # noqa: E402
from summarizer.article import Article, parse_text  # noqa: E402
from summarizer.lexicon import STOPWORDS, word_list  # noqa: E402
from summarizer.names import fold  # noqa: E402
from summarizer.topics import article_topics  # noqa: E402

try:  # the index has its own module; an older checkout (`--code`) has it in summarizer/topics.py
    from summarizer.topic_index import topic_index
except ImportError:  # pragma: no cover - measuring old code
    from summarizer.topics import topic_index  # type: ignore[attr-defined,no-redef]

try:  # the tunable settings; a checkout from before this benchmark has none
    from summarizer.topics import TUNABLE, TopicSettings  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - measuring old code
    TUNABLE, TopicSettings = None, None

_STOP = frozenset([*word_list(_STOP_TEXT), "also", "vs"])
DATA = SHARED_DATA
SHARED = DATA.parent


def _stem(word: str) -> str:
    """The scorer's stemmer, frozen here (as bench/who.py had it) so that a change to the labeller's own
    stemming cannot move the yardstick."""
    w = fold(word).replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ies", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


def content_words(text: str) -> set[str]:
    """Stemmed content words of a label (annotator notes in parentheses left out)."""
    text = re.sub(r"\([^)]*\)", " ", text or "")
    return {
        _stem(w) for w in re.findall(r"[\w][\w\-]*", text.lower()) if w not in _STOP and w not in STOPWORDS
    }


def hits(gold: Sequence[str], predicted: Sequence[str]) -> int:
    """How many labelled topics share a stemmed content word with one of the top six predicted labels."""
    got = set().union(*(content_words(p) for p in predicted[:TOP])) if predicted else set()
    return sum(bool(content_words(label) & got) for label in gold)


def article_path(rel: str) -> Path:
    p = SHARED / rel
    return p if p.exists() else ROOT / rel


def load_gold() -> list[tuple[str, str, list[str], Article]]:
    """(file, path, labelled topics, parsed article) for every labelled article."""
    rows = []
    for name in GOLD_FILES:
        for line in (DATA / name).read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                article = parse_text(article_path(row["path"]).read_text(errors="replace"))
                rows.append((name, row["path"], row["topics"], article))
    return rows


Predict = Callable[[Article], list[str]]


def predictor(settings: Any = None) -> Predict:
    if settings is None:
        return lambda a: [t.label for t in article_topics(a)]
    return lambda a: [t.label for t in article_topics(a, settings=settings)]


def rate(rows: Sequence[tuple[str, str, list[str], Article]], predict: Predict) -> tuple[int, int]:
    h = n = 0
    for _, _, gold, article in rows:
        h += hits(gold, predict(article))
        n += len(gold)
    return h, n


def _cache_candidates() -> None:
    """The search scores the same articles many times: find each article's candidates once."""
    story = topics_module._story
    cached = functools.lru_cache(maxsize=None)(
        lambda article, subjects, hits: story(
            article, TopicSettings(max_subjects=subjects, unsupported_hits=hits)
        )
    )
    topics_module._story = lambda article, s, people=None: cached(article, s.max_subjects, s.unsupported_hits)


def _total(rows: Sequence[tuple[str, str, list[str], Article]], settings: Any) -> int:
    return sum(
        hits(g, [t.label for t in article_topics(a, settings=settings, language="en")]) for *_, g, a in rows
    )


Rows = Sequence[tuple[str, str, list[str], Article]]


def fit_word_weights(rows: Rows, l2: float = 1.0) -> tuple[float, ...]:
    """Logistic regression (Newton steps, L2 on standardised features) of "an editor's label uses this
    word" over every content word of the given articles; returns (intercept, weights...) on the raw
    features, as `TopicSettings.word_weights` takes them."""
    import numpy as np

    xs: list[tuple[float, ...]] = []
    ys: list[float] = []
    for *_, gold, article in rows:
        gold_words = set().union(*(content_words(g) for g in gold))
        for word in topics_module.story_words(article).values():
            xs.append(word.features)
            ys.append(1.0 if content_words(word.form) & gold_words else 0.0)
    x, y = np.array(xs), np.array(ys)
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([np.ones((len(x), 1)), (x - mu) / sd])
    penalty = l2 * np.diag([0.0] + [1.0] * x.shape[1])
    w = np.zeros(z.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-z @ w))
        step = np.linalg.solve((z * (p * (1 - p))[:, None]).T @ z + penalty, z.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    raw = w[1:] / sd
    return (round(float(w[0] - raw @ mu), 3), *(round(float(v), 3) for v in raw))


def _grid(weights: tuple[float, ...]) -> list[Any]:
    return [
        TopicSettings(
            word_weights=weights, rules_word_weights=weights, **dict(zip(TUNABLE, values, strict=True))
        )
        for values in itertools.product(*TUNABLE.values())
    ]


def cross_validate(rows: list[tuple[str, str, list[str], Article]], seed: int = 11) -> int:
    """Fit the word weights and choose the setting on four folds, score the fifth; print the held-out
    rate and return the pooled hits."""
    sizes = [len(g) for _, _, g, _ in rows]
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    folds = [order[i::FOLDS] for i in range(FOLDS)]
    held: Counter[str] = Counter()
    held_n: Counter[str] = Counter()
    chosen: list[str] = []
    for part in folds:
        train = [i for i in order if i not in part]
        grid = _grid(fit_word_weights([rows[i] for i in train]))
        per_article = [[_total([rows[i]], s) for i in range(len(rows))] for s in grid]
        best = max(range(len(grid)), key=lambda s: (sum(per_article[s][i] for i in train), -s))
        chosen.append(_describe(grid[best]))
        for i in part:
            for key in ("pooled", rows[i][0]):
                held[key] += per_article[best][i]
                held_n[key] += sizes[i]
    print(
        f"cross-validated hit rate ({FOLDS} folds over {len(rows)} pooled articles; word weights fitted "
        f"and {len(_grid(TopicSettings().word_weights))} settings chosen on the other folds): "
        f"{held['pooled']}/{held_n['pooled']} = {held['pooled'] / held_n['pooled']:.3f}"
    )
    for name in GOLD_FILES:
        print(f"  {name} (cross-validated): {held[name]}/{held_n[name]} = {held[name] / held_n[name]:.3f}")
    for c in chosen:
        print(f"  fold: {c}")
    return held["pooled"]


def fitted_on_all(rows: Rows) -> None:
    """Print the setting fitted and chosen on every labelled article, and the shipped default."""
    grid = _grid(fit_word_weights(rows))
    totals = [_total(rows, s) for s in grid]
    best = max(range(len(grid)), key=lambda s: (totals[s], -s))
    print(f"  fitted and chosen on all articles: {_describe(grid[best])}")
    names = ("intercept", *getattr(topics_module, "WORD_FEATURES", ()))
    if len(names) == len(grid[best].word_weights):  # as summarizer/topics.py's weight tables hold them
        pairs = zip(names, grid[best].word_weights, strict=True)
        print("  weights: " + ", ".join(f'"{n}": {w}' for n, w in pairs))
    print(f"  default: {_describe(TopicSettings())}")


def _describe(settings: Any) -> str:
    return ",".join(f"{k}={getattr(settings, k)}" for k in (*TUNABLE, "word_weights"))


def miss_kinds(rows: Rows, predict: Predict) -> None:
    """Where the default's misses are: a labelled topic none of whose words the article uses (an
    editor's label beyond the text), one whose words the text has but no candidate label holds, and one
    a candidate holds that was not chosen; and the hits a perfect choice among the candidates (greedy
    over the same six slots) would get, which bounds what ranking alone can gain."""
    kinds: Counter[str] = Counter()
    oracle = total = 0
    for *_, gold, article in rows:
        story = topics_module._story(article, TopicSettings())
        options = [c.label for c in story.candidates] + [label for label, _ in story.subjects]
        option_words = set().union(*(content_words(o) for o in options)) if options else set()
        text_words = content_words(f"{article.headline}\n{article.body}")
        got = set().union(*(content_words(p) for p in predict(article)[:TOP]))
        gold_words = [content_words(g) for g in gold]
        for words in gold_words:
            if words & got:
                kinds["hit"] += 1
            elif not words & text_words:
                kinds["no word in the text"] += 1
            elif not words & option_words:
                kinds["in the text, in no candidate"] += 1
            else:
                kinds["in a candidate, not chosen"] += 1
        oracle += _best_choice(options, gold_words)
        total += len(gold)
    print(
        "  misses by kind (default settings): "
        + "; ".join(f"{k} {kinds[k]}" for k in ("no word in the text", "in the text, in no candidate"))
        + f"; in a candidate, not chosen {kinds['in a candidate, not chosen']}"
    )
    rate = oracle / total
    print(f"  best choice of {TOP} among the candidates (greedy oracle): {oracle}/{total} = {rate:.3f}")


def _best_choice(options: Sequence[str], gold_words: Sequence[set[str]]) -> int:
    """Hits of the best six options chosen greedily for labelled topics not yet hit."""
    hit: set[int] = set()
    for _ in range(TOP):
        gains = [{i for i, g in enumerate(gold_words) if content_words(o) & g} - hit for o in options]
        best = max(gains, key=len, default=set())
        if not best:
            break
        hit |= best
    return len(hit)


_MODIFIER = re.compile(r"^[a-z][a-z'-]*(?:ing|ly|ful|ous|ive|able|ible|ic|al|ary|less|ish)$")
_IRREGULAR_PAST = frozenset(
    word_list("went held spent took kept left brought began thought sought fought led sent built stood heard")
)
_GENERIC_ALONE = frozenset(
    word_list("newspaper house houses family life class details address community people report claims")
)


def _repeats(label: str, others: Sequence[str]) -> bool:
    words = content_words(label)
    return bool(words) and words <= set().union(*(content_words(o) for o in others))


# Labels an editor would not tag: each check sees a label and the other labels of its article.
JUNK_CHECKS: dict[str, Callable[[str, Sequence[str]], bool]] = {
    "modifier alone (operating, full)": lambda label, _: bool(_MODIFIER.match(label)) or label in {"full"},
    "verb alone (decided, held)": lambda label, _: (
        label.islower()
        and " " not in label
        and (bool(re.search(r"[a-z]{3}ed$", label)) or label in _IRREGULAR_PAST)
    ),
    "generic word alone (houses, newspaper)": lambda label, _: label in _GENERIC_ALONE,
    "only repeats other labels": _repeats,
}


def corpus_figures() -> None:
    files = sorted((DATA / "news").glob("*/*.txt"))
    items: list[tuple[str, list[Any]]] = []
    times: list[float] = []
    for f in files:
        try:
            article = parse_text(f.read_text(errors="replace"))
        except ValueError:
            continue
        start = time.perf_counter()
        topics = list(article_topics(article))
        times.append((time.perf_counter() - start) * 1000)
        items.append((f"{f.parent.name}/{f.name}", topics))
    labels = [t.label for _, ts in items for t in ts]
    index = topic_index(items)
    shared = sum(1 for _, ids in index if len(ids) >= 2)
    print(
        f"news corpus: {len(items)} articles, {len(labels)} labels; topic_index: {len(index)} distinct "
        f"topics, {shared} on two or more stories; topics median {statistics.median(times):.2f} ms"
    )
    junk: Counter[str] = Counter()
    for _, topics in items:
        names = [t.label for t in topics]
        for i, label in enumerate(names):
            for name, check in JUNK_CHECKS.items():
                junk[name] += check(label, names[:i] + names[i + 1 :])
    print("  junk labels: " + "; ".join(f"{k} {junk[k]}" for k in JUNK_CHECKS))
    print("  largest topics: " + ", ".join(f"{name} {len(ids)}" for name, ids in index[:12]))


def main() -> None:
    if ARGS is not None and ARGS.no_model:
        from summarizer import ner

        ner.use_model(False)
    rows = load_gold()
    if TUNABLE is not None and hasattr(topics_module, "story_words"):
        _cache_candidates()
        repeats = max(1, ARGS.repeats if ARGS is not None else 1)
        held = [cross_validate(rows, seed) for seed in range(11, 11 + repeats)]
        if repeats > 1:
            n = sum(len(g) for *_, g, _ in rows)
            mean = statistics.mean(held)
            print(
                f"cross-validated over {repeats} shuffles: mean {mean:.1f}/{n} = {mean / n:.3f}; runs {held}"
            )
        fitted_on_all(rows)
    predict = predictor()
    pooled_h = pooled_n = 0
    for name in GOLD_FILES:
        part = [r for r in rows if r[0] == name]
        h, n = rate(part, predict)
        pooled_h, pooled_n = pooled_h + h, pooled_n + n
        print(f"{name}: {len(part)} articles, hit rate {h}/{n} = {h / n:.3f}")
    print(f"pooled (default settings, in-sample): {pooled_h}/{pooled_n} = {pooled_h / pooled_n:.3f}")
    if hasattr(topics_module, "_story"):
        miss_kinds(rows, predict)
    if ARGS is not None and ARGS.verbose:
        for _, path, gold, article in rows:
            got = predict(article)
            words = set().union(*(content_words(p) for p in got)) if got else set()
            missed = [g for g in gold if not content_words(g) & words]
            print(f"  {path}: {got}\n      missed: {missed}")
    if ARGS is None or not ARGS.no_corpus:
        corpus_figures()


if __name__ == "__main__":
    main()
