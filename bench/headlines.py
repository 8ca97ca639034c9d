"""Derived headlines against published ones, on the stories of the news corpus that have a headline.

    .venv/bin/python bench/headlines.py [--news DIR] [--folders bbc,reuters] [--folds 5] [--show N]

For every BBC and Reuters file of ../shared/data/news the headline (first paragraph) is hidden, the rest
parsed as an article that came without one, and a headline derived. Printed per method: ROUGE-1 F1
against the published headline (rouge-score, use_stemmer=True, as bench/rouge.py), the share within 14
words, and the share repeating the first summary bullet's opening (its first five words, or all of a
shorter headline, the same words in the same order, case and punctuation aside).

Methods: `derived` (summarizer.headline.derive_headline, what parse_text uses), the baselines
`first 12 words` and `lead sentence` of the body, and `before` (the title rule this replaced).
What is chosen here (the word budget, whether the low-information word classes go, how often a
modifier's words must recur in the story for it to stay, how many phrases follow the verb, whether a
claim's named speaker is credited) is chosen by
5-fold cross-validation over these files: for each fold the variant with the best mean ROUGE-1 on the
other four folds is scored on the held-out fold. That cross-validated figure is printed first.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rouge_score import rouge_scorer

from summarizer.article import ArticleError, parse_text, split_paragraphs
from summarizer.headline import WORD_CLASSES, derive_headline, key_sentence
from summarizer.summarize import clean_text, summarize
from summarizer.text import split_sentences
from tests.shared_data import SHARED_DATA

NEWS = SHARED_DATA / "news"
_WIRE_TICKER = re.compile(r"\s*<[^<>]{1,12}>")
BUDGETS = (11, 12)
SPEAKERS = ("none", "names")
# (word budget, drop the low-information word classes, least mentions of a modifier's words in the story
# for it to stay, fewest words salience pruning leaves, phrases kept after the verb and its object; 0 = as
# many as fit; whose claim is credited: "none" or "names")
Variant = tuple[int, bool, int, int, int, str]
VARIANTS: list[Variant] = [
    (b, d, m, f, k, s)
    for b in BUDGETS
    for d in (False, True)
    for m in (1, 2, 3)
    for f in ((5,) if m == 1 else (4, 5, 6))
    for k in (0, 1)
    for s in SPEAKERS
]
WITHIN_WORDS = 14
OPENING_WORDS = 5


def load(news: Path, folders: list[str]) -> list[tuple[str, str, str]]:
    """(file name, published headline, body as an article without a headline) for every story."""
    rows = []
    for folder in folders:
        for path in sorted((news / folder).glob("*.txt")):
            paras = split_paragraphs(path.read_text(encoding="utf-8", errors="replace"))
            if len(paras) < 2:
                continue
            try:
                article = parse_text("\n\n".join(paras[1:]))
            except ArticleError:
                continue
            reference = _WIRE_TICKER.sub("", paras[0])  # "HARCOURT BRACE <HBJ> SETS…": tickers are markup
            rows.append((f"{folder}/{path.name}", reference, article.body))
    return rows


def _words(text: str) -> list[str]:
    return re.findall(r"\w+(?:['’]\w+)*", text.lower())


def repeats_opening(headline: str, bullet: str) -> bool:
    """Whether `headline` starts with the same words as `bullet` (its first five, or all of it)."""
    h, b = _words(headline), _words(bullet)
    n = min(OPENING_WORDS, len(h))
    return n > 0 and h[:n] == b[:n]


def first_words(body: str, n: int = 12) -> str:
    return " ".join(clean_text(body).split()[:n])


def lead_sentence(body: str) -> str:
    sentences = split_sentences(clean_text(body))
    return sentences[0] if sentences else ""


def before(body: str) -> str:
    """The title rule parse_text used before derive_headline: the lead's main clause, ≤ 90 characters."""
    from summarizer.article import derive_title

    return derive_title(body.split("\n\n", 1)[0])


def score(
    rows: list[tuple[str, str, str]], method: Callable[[str], str], bullets: list[str]
) -> tuple[list[float], float, float, list[str]]:
    """(per-story ROUGE-1 F1, share within 14 words, share repeating the first bullet, headlines)."""
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    f1s, within, repeats, made = [], 0, 0, []
    for (_, reference, body), bullet in zip(rows, bullets, strict=True):
        headline = method(body)
        made.append(headline)
        f1s.append(scorer.score(reference, headline)["rouge1"].fmeasure)
        within += len(headline.split()) <= WITHIN_WORDS
        repeats += repeats_opening(headline, bullet)
    n = max(1, len(rows))
    return f1s, within / n, repeats / n, made


def cross_validate(
    per_variant: dict[Variant, list[float]], folds: int, seed: int = 0
) -> tuple[float, list[Variant]]:
    """Mean held-out ROUGE-1 when each fold's variant is the best one on the other folds; the choices."""
    n = len(next(iter(per_variant.values())))
    order = list(range(n))
    random.Random(seed).shuffle(order)
    held_out_total, chosen = 0.0, []
    for k in range(folds):
        test = set(order[k::folds])
        train = [i for i in range(n) if i not in test]
        best = max(
            per_variant,
            key=lambda v: (sum(per_variant[v][i] for i in train), -v[0], v[1], v[2], -v[3], v[5] == "none"),
        )
        chosen.append(best)
        held_out_total += sum(per_variant[best][i] for i in test)
    return held_out_total / n, chosen


def _variant_name(variant: Variant) -> str:
    budget, drop, mentions, floor, phrases, speakers = variant
    return (
        f"{budget} words/word classes {'dropped' if drop else 'kept'}/mentions {mentions}/floor {floor}/"
        f"phrases {phrases or 'all'}/speakers {speakers}"
    )


def _derive(variant: Variant) -> Callable[[str], str]:
    budget, drop, mentions, floor, phrases, speakers = variant
    classes = frozenset(WORD_CLASSES if drop else ())

    def derive(body: str) -> str:
        return derive_headline(
            body,
            budget,
            drop=classes,
            mentions=mentions,
            floor=floor,
            phrases=phrases or None,
            speakers=speakers,
        )

    return derive


def _folder_mean(rows: list[tuple[str, str, str]], f1s: list[float], folder: str) -> float:
    """Mean ROUGE-1 F1 over the stories of one folder ("bbc", "reuters")."""
    own = [f for (name, _, _), f in zip(rows, f1s, strict=True) if name.startswith(f"{folder}/")]
    return sum(own) / max(1, len(own))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=Path, default=NEWS)
    ap.add_argument("--folders", default="bbc,reuters")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--show", type=int, default=0, help="print N example headlines beside the published ones")
    args = ap.parse_args(argv)
    folders = [f.strip() for f in args.folders.split(",") if f.strip()]
    rows = load(args.news, folders)
    bullets = [(summarize(body) or [""])[0] for _, _, body in rows]
    print(
        f"{len(rows)} stories with a published headline ({args.folders}); rouge-score ROUGE-1 F1, "
        f"use_stemmer=True; within = at most {WITHIN_WORDS} words; repeats = same first "
        f"{OPENING_WORDS} words as the first summary bullet"
    )

    t0 = time.perf_counter()
    per_variant = {v: score(rows, _derive(v), bullets)[0] for v in VARIANTS}
    cv, chosen = cross_validate(per_variant, args.folds)
    print(
        f"derived, word budget, word classes, mentions, floor, phrases and speakers chosen by "
        f"{args.folds}-fold CV: "
        f"ROUGE-1 F1 {cv:.3f} "
        f"(chosen per fold: {', '.join(_variant_name(v) for v in chosen)}; "
        f"{(time.perf_counter() - t0) / len(VARIANTS) / max(1, len(rows)) * 1000:.1f} ms per headline)"
    )
    for variant, f1s in per_variant.items():
        print(
            f"  {_variant_name(variant)}: ROUGE-1 F1 {sum(f1s) / len(rows):.3f} (all stories, not held out)"
        )

    methods: dict[str, Callable[[str], str]] = {
        "derived": derive_headline,
        "first 12 words": first_words,
        "lead sentence": lead_sentence,
        "before (title rule)": before,
    }
    print(
        f"{'method':<22} {'ROUGE-1':>8} {'within':>7} {'repeats':>8}" + "".join(f" {f:>8}" for f in folders)
    )
    shown: list[str] = []
    for name, method in methods.items():
        f1s, within, repeats, made = score(rows, method, bullets)
        by_folder = "".join(f" {_folder_mean(rows, f1s, folder):>8.3f}" for folder in folders)
        print(f"{name:<22} {sum(f1s) / len(rows):8.3f} {within:7.1%} {repeats:8.1%}{by_folder}")
        if not shown:
            shown = made
    for (name, reference, body), headline in list(zip(rows, shown, strict=True))[: args.show]:
        print(
            f"\n{name}\n  published: {reference}\n  derived:   {headline}\n  key:       {key_sentence(body)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
