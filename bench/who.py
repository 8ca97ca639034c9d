"""Score /who (delegation members, titles, leads) and fit its scorer; print the figures.

    .venv/bin/python bench/who.py            # cross-validated and in-sample figures, speed, memory
    .venv/bin/python bench/who.py --fit      # refit summarizer/delegation/weights.json on both dev sets
    .venv/bin/python bench/who.py -v         # also every miss and false member
    .venv/bin/python bench/who.py --corpus   # also people extraction over all of ../shared/data/news

Labelled sets: who-dev.jsonl (13 articles; the first rules were written reading them) and who-dev-2.jsonl
(39 articles never read for the rules). The headline figure is cross-validated: the pooled 52 articles
are cut into 5 folds; for each, the scorer is fitted on the other four and scored on it.

Members: a predicted member matches a labelled one on the surname (accent- and case-insensitive);
labelled members with "certain": false count neither way. Title match: share of matched members whose
predicted title holds at least half of the labelled title's content words (annotator notes in
parentheses left out). No-delegation articles: labelled negatives given any delegation.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer import ner  # noqa: E402
from summarizer.article import Article, parse_text  # noqa: E402
from summarizer.delegation.features import FEATURES  # noqa: E402
from summarizer.delegation.scorer import WEIGHTS_FILE, Scorer, fit_selected  # noqa: E402
from summarizer.lexicon import STOPWORDS  # noqa: E402
from summarizer.names import fold  # noqa: E402
from summarizer.people import FoundPeople, extract_people, find_candidates  # noqa: E402
from summarizer.topic_words import stem_of  # noqa: E402
from tests.shared_data import SHARED_DATA  # noqa: E402

SHARED = SHARED_DATA.parent
DATA = SHARED / "data"
SETS = ("who-dev", "who-dev-2")
FOLDS = 5
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "or",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "its",
        "his",
        "her",
        "their",
        "de",
        "la",
        "this",
        "that",
        "as",
        "is",
        "are",
        "also",
        "vs",
    ]
)


def surname(name: str) -> str:
    toks = [t for t in re.split(r"\s+", name.strip()) if fold(t) not in {"jr", "sr", "ii", "iii", "iv"}]
    return fold(toks[-1]) if toks else ""


def content_words(text: str) -> set[str]:
    text = re.sub(r"\([^)]*\)", " ", text or "")
    return {
        stem_of(w) for w in re.findall(r"[\w][\w\-]*", text.lower()) if w not in _STOP and w not in STOPWORDS
    }


def article_path(rel: str) -> Path:
    p = SHARED / rel
    return p if p.exists() else ROOT / rel


@dataclass
class Labelled:
    set_name: str
    row: dict
    article: Article
    found: FoundPeople

    @property
    def path(self) -> str:
        return self.row["path"]

    @property
    def source(self) -> str:
        """The corpus, as the labelled file names it ("CNN/DailyMail (validation split)" -> "CNN")."""
        first = re.split(r"[\s/-]", self.row.get("corpus") or "other")[0]
        return "Usenet" if first == "20" else first  # "20 Newsgroups"

    def certain(self) -> dict[str, dict]:
        return {surname(m["name"]): m for m in self.row["delegation"] if m.get("certain", True)}

    def uncertain(self) -> set[str]:
        return {surname(m["name"]) for m in self.row["delegation"] if not m.get("certain", True)}

    def training_rows(self) -> tuple[list[list[float]], list[int]]:
        """One row per eligible person: 1 for a certain member, 0 otherwise; uncertain ones left out."""
        certain, uncertain = self.certain(), self.uncertain()
        xs, ys = [], []
        for pid, x in sorted(self.found.candidates.vectors.items()):
            s = surname(self.found.candidates.facts[pid].name)
            if s in uncertain:
                continue
            xs.append(x)
            ys.append(int(s in certain))
        return xs, ys


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    title_ok: int = 0
    title_n: int = 0
    lead_ok: int = 0
    lead_n: int = 0
    negatives: int = 0
    negatives_given: int = 0
    wrong: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in (
            "tp",
            "fp",
            "fn",
            "title_ok",
            "title_n",
            "lead_ok",
            "lead_n",
            "negatives",
            "negatives_given",
        ):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.wrong += other.wrong
        self.log += other.log

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def lines(self, name: str) -> list[str]:
        return [
            f"{name}: members P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn}); titles {self.title_ok}/{self.title_n} = "
            f"{self.title_ok / self.title_n if self.title_n else 0:.3f}; leads {self.lead_ok}/{self.lead_n}; "
            f"no-delegation articles given one {self.negatives_given}/{self.negatives}; "
            f"non-members or bylines as delegates {len(self.wrong)}"
        ]


def score_article(item: Labelled, scorer: Scorer | None) -> Score:
    out = Score()
    result = extract_people(item.article, scorer, item.found)
    certain, uncertain = item.certain(), item.uncertain()
    not_members = {surname(n) for n in item.row["hosts_or_counterparts"] + item.row["other_people"]}
    if item.article.author:
        not_members.add(surname(item.article.author))
    matched: set[str] = set()
    for m in (m for d in result.delegations for m in d.members):
        s = surname(m.name)
        if s in certain and s not in matched:
            matched.add(s)
            out.tp += 1
            gold = certain[s]
            words = content_words(gold["title"])
            if words:
                out.title_n += 1
                ok = len(words & content_words(m.title or "")) * 2 >= len(words)
                out.title_ok += ok
                if not ok:
                    out.log.append(f"  title {item.path}: {m.name}: {m.title!r} vs {gold['title']!r}")
            out.lead_n += 1
            out.lead_ok += m.lead == bool(gold.get("lead"))
        elif s in uncertain or s in matched:
            continue
        else:
            out.fp += 1
            if s in not_members:
                out.wrong.append(f"{m.name} ({item.path})")
            out.log.append(f"  false member {item.path}: {m.name} ({m.title})")
    missed = [certain[s]["name"] for s in certain if s not in matched]
    out.fn += len(missed)
    if missed:
        out.log.append(f"  missed {item.path}: {missed}")
    if not item.row["delegation_present"]:
        out.negatives += 1
        out.negatives_given += bool(result.delegations)
        if result.delegations:
            out.log.append(
                f"  negative given a delegation {item.path}: {[d.lead for d in result.delegations]}"
            )
    return out


def load() -> list[Labelled]:
    items = []
    for name in SETS:
        for line in (DATA / f"{name}.jsonl").read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                article = parse_text(article_path(row["path"]).read_text(errors="replace"))
                items.append(Labelled(name, row, article, find_candidates(article)))
    return items


def fit_on(items: list[Labelled]) -> Scorer:
    """Weights, L2 strength and threshold from these articles alone (inner CV for the last two)."""
    return fit_selected([item.training_rows() for item in sorted(items, key=fold_key)])


def fold_key(item: Labelled) -> str:
    return hashlib.sha256(item.path.encode()).hexdigest()


def fold_of(item: Labelled) -> int:
    """A fixed fold per article, from a hash of its path (stable across runs and machines)."""
    return int(hashlib.sha256(item.path.encode()).hexdigest(), 16) % FOLDS


def cross_validated(items: list[Labelled]) -> dict[str, Score]:
    scores = {name: Score() for name in (*SETS, "pooled")}
    for k in range(FOLDS):
        scorer = fit_on([i for i in items if fold_of(i) != k])
        for item in (i for i in items if fold_of(i) == k):
            s = score_article(item, scorer)
            scores[item.set_name].add(s)
            scores["pooled"].add(s)
            scores.setdefault(f"  of which {item.source}", Score()).add(s)
    return scores


def in_sample(items: list[Labelled], scorer: Scorer | None) -> dict[str, Score]:
    scores = {name: Score() for name in (*SETS, "pooled")}
    for item in items:
        s = score_article(item, scorer)
        scores[item.set_name].add(s)
        scores["pooled"].add(s)
    return scores


def named_people(items: list[Labelled]) -> str:
    """Everyone the labels name (delegates, hosts, everyone else) against every person /who lists: a listed
    person matches an unmatched labelled one when the two names share a word; and how many of the matches
    give the name as the label does (the fullest form the article uses)."""
    tp = fp = fn = same = 0
    for item in items:
        row = item.row
        gold = [m["name"] for m in row["delegation"]]
        gold += [
            g
            for g in (*row.get("hosts_or_counterparts", []), *row.get("other_people", []))
            if isinstance(g, str)
        ]
        words = [set(fold(g).lower().replace(".", "").split()) for g in gold]
        used: set[int] = set()
        for person in extract_people(item.article).people:
            mine = set(fold(person.name).lower().replace(".", "").split())
            match = next((i for i, w in enumerate(words) if i not in used and mine & w), None)
            if match is None:
                fp += 1
                continue
            tp += 1
            used.add(match)
            same += mine == words[match]
        fn += len(gold) - len(used)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return (
        f"people named (everyone the labels list; rules, nothing fitted): P {p:.3f} R {r:.3f} "
        f"(tp {tp}, fp {fp}, fn {fn}); name as labelled {same} of {tp}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="store_true", help="refit weights.json on both dev sets")
    ap.add_argument("--corpus", action="store_true", help="also run over every article in news/")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ner.get_model()
    load_s = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"model: {ner.INFO.package or 'none (rules only)'}; load {load_s:.2f} s; "
        f"peak RSS {rss0:.0f} -> {rss1:.0f} MB"
    )
    items = load()
    print(
        f"labelled: {', '.join(f'{n} {sum(i.set_name == n for i in items)}' for n in SETS)} articles; "
        f"folds by path hash: {[sum(fold_of(i) == k for i in items) for k in range(FOLDS)]}"
    )

    cv = cross_validated(items)
    print(f"\ncross-validated ({FOLDS} folds over the pooled articles; weights fitted on the other four):")
    for name, score in cv.items():
        print("  " + "\n  ".join(score.lines(name)))
    if args.verbose:
        print("\n".join(cv["pooled"].log))

    if args.fit:
        scorer = fit_on(items)
        WEIGHTS_FILE.write_text(json.dumps(scorer.to_json(), indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {WEIGHTS_FILE.relative_to(ROOT)}")
        for name, w in sorted(zip(FEATURES, scorer.weights, strict=True), key=lambda t: -abs(t[1])):
            print(f"  {w:+.2f} {name}")
        print(f"  {scorer.bias:+.2f} bias; threshold {scorer.threshold}")
    else:
        scorer = None
    sample = in_sample(items, scorer)
    print("\nin-sample (the shipped weights, fitted on all 52):")
    for name, score in sample.items():
        print("  " + "\n  ".join(score.lines(name)))

    print(named_people(items))

    times, cpu = [], []
    for item in items:  # best of three per article: the machine's other load only ever adds time
        best_wall = best_cpu = float("inf")
        for _ in range(3):
            start, c = time.perf_counter(), time.process_time()
            extract_people(item.article)
            best_wall = min(best_wall, (time.perf_counter() - start) * 1000)
            best_cpu = min(best_cpu, (time.process_time() - c) * 1000)
        times.append(best_wall)
        cpu.append(best_cpu)
    print(
        f"\npeople extraction: median {statistics.median(times):.1f} ms wall, "
        f"{statistics.median(cpu):.1f} ms CPU "
        f"per article (both dev sets, model loaded, best of 3 runs each)"
    )
    cold = (
        "import sys, time; t = time.perf_counter(); from pathlib import Path; "
        "from summarizer.article import parse_text; from summarizer.people import extract_people; "
        "extract_people(parse_text(Path(sys.argv[1]).read_text())); print(time.perf_counter() - t)"
    )
    sample_file = article_path("data/news/cnn/f4fd3b5f8e12.txt")
    out = subprocess.run(
        [sys.executable, "-c", cold, str(sample_file)], capture_output=True, text=True, cwd=ROOT
    )
    print(f"cold start (import, load model, extract one CNN article): {float(out.stdout.strip()):.2f} s")

    if args.corpus:
        files = sorted((DATA / "news").glob("*/*.txt"))
        p_times, with_deleg = [], []
        for f in files:
            try:
                article = parse_text(f.read_text(errors="replace"))
            except ValueError:
                continue
            s = time.perf_counter()
            res = extract_people(article)
            p_times.append((time.perf_counter() - s) * 1000)
            if res.delegations:
                with_deleg.append(f"{f.parent.name}/{f.name}")
        print(
            f"news corpus: {len(p_times)} articles; people median {statistics.median(p_times):.1f} ms, "
            f"p90 {sorted(p_times)[int(len(p_times) * 0.9)]:.1f} ms; "
            f"articles given a delegation: {len(with_deleg)}"
        )
        if args.verbose:
            print("  " + " ".join(with_deleg))
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
