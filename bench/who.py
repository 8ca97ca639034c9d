"""Score people/delegation extraction and topics against the labelled dev sets; print the figures.

    .venv/bin/python bench/who.py [--corpus]    (--corpus also runs all of ../shared/data/news)

Delegation members: a predicted member matches a labelled one on the surname (accent- and
case-insensitive); labelled members with "certain": false count neither way. Title match: share of
matched members whose predicted title holds at least half of the labelled title's content words
(annotator notes in parentheses left out). Topic hit rate: share of labelled topics sharing a content
word with one of the top six predicted labels.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer import ner  # noqa: E402
from summarizer.article import parse_text  # noqa: E402
from summarizer.lexicon import STOPWORDS  # noqa: E402
from summarizer.names import fold  # noqa: E402
from summarizer.people import extract_people  # noqa: E402
from summarizer.topics import _stem, article_topics  # noqa: E402
from tests.shared_data import SHARED_DATA  # noqa: E402

SHARED = SHARED_DATA.parent
DATA = SHARED / "data"
_STOP = set(
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
        "to",
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
        _stem(w) for w in re.findall(r"[\w][\w\-]*", text.lower()) if w not in _STOP and w not in STOPWORDS
    }


def article_path(rel: str) -> Path:
    p = SHARED / rel
    return p if p.exists() else ROOT / rel


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", action="store_true", help="also run over every article in news/")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ner.get_model()
    load = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"model: {ner.INFO.package or 'none (rules only)'}; load {load:.2f} s; "
        f"peak RSS {rss0:.0f} -> {rss1:.0f} MB"
    )

    rows = [json.loads(line) for line in (DATA / "who-dev.jsonl").read_text().splitlines() if line.strip()]
    topics_gold = {
        json.loads(line)["path"]: json.loads(line)["topics"]
        for line in (DATA / "topics-dev.jsonl").read_text().splitlines()
        if line.strip()
    }
    tp = fp = fn = 0
    title_ok = title_n = 0
    negatives = negatives_given = 0
    wrong_delegates: list[str] = []
    topic_hits = topic_n = 0
    times: list[float] = []
    cpu_times: list[float] = []
    for row in rows:
        article = parse_text(article_path(row["path"]).read_text(errors="replace"))
        start, cpu = time.perf_counter(), time.process_time()
        result = extract_people(article)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - cpu) * 1000)
        predicted = [m for d in result.delegations for m in d.members]
        certain = {surname(m["name"]): m for m in row["delegation"] if m.get("certain", True)}
        uncertain = {surname(m["name"]) for m in row["delegation"] if not m.get("certain", True)}
        not_members = {surname(n) for n in row["hosts_or_counterparts"] + row["other_people"]}
        if article.author:
            not_members.add(surname(article.author))
        matched: set[str] = set()
        for m in predicted:
            s = surname(m.name)
            if s in certain and s not in matched:
                matched.add(s)
                tp += 1
                gold_words = content_words(certain[s]["title"])
                if gold_words:
                    title_n += 1
                    got = content_words(m.title or "")
                    ok = len(gold_words & got) * 2 >= len(gold_words)
                    title_ok += ok
                    if args.verbose and not ok:
                        print(f"  title miss {row['path']}: {m.name}: {m.title!r} vs {certain[s]['title']!r}")
            elif s in uncertain:
                continue
            else:
                fp += 1
                if s in not_members:
                    wrong_delegates.append(f"{m.name} ({row['path']})")
                if args.verbose:
                    print(f"  false member {row['path']}: {m.name}")
        missed = [certain[s]["name"] for s in certain if s not in matched]
        fn += len(missed)
        if args.verbose and missed:
            print(f"  missed {row['path']}: {missed}")
        if not row["delegation_present"]:
            negatives += 1
            negatives_given += bool(result.delegations)
        gold_topics = topics_gold.get(row["path"], [])
        got_topics = article_topics(article)[:6]
        got_words = set().union(*(content_words(t.label) for t in got_topics)) if got_topics else set()
        for label in gold_topics:
            topic_n += 1
            topic_hits += bool(content_words(label) & got_words)
        if args.verbose:
            print(f"  topics {row['path']}: {[t.label for t in got_topics]}")

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"who-dev: {len(rows)} articles")
    print(
        f"delegation members: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
        f"(tp {tp}, fp {fp}, fn {fn})"
    )
    print(
        f"title match (>= half of labelled content words): {title_ok}/{title_n} = "
        f"{title_ok / title_n if title_n else 0:.3f}"
    )
    print(f"labelled non-members or bylines given as delegates: {len(wrong_delegates)} {wrong_delegates}")
    print(f"no-delegation articles given a delegation: {negatives_given} of {negatives}")
    print(f"topic hit rate: {topic_hits}/{topic_n} = {topic_hits / topic_n if topic_n else 0:.3f}")
    print(
        f"people extraction: median {statistics.median(times):.1f} ms wall, "
        f"{statistics.median(cpu_times):.1f} ms CPU per article (dev set, after warm-up)"
    )
    topic_times = []
    for row in rows:
        article = parse_text(article_path(row["path"]).read_text(errors="replace"))
        start = time.perf_counter()
        article_topics(article)
        topic_times.append((time.perf_counter() - start) * 1000)
    print(f"topics: median {statistics.median(topic_times):.2f} ms per article (dev set)")
    cold = (
        "import sys, time; t = time.perf_counter(); from pathlib import Path; "
        "from summarizer.article import parse_text; from summarizer.people import extract_people; "
        "extract_people(parse_text(Path(sys.argv[1]).read_text())); print(time.perf_counter() - t)"
    )
    sample = article_path("data/news/cnn/f4fd3b5f8e12.txt")
    out = subprocess.run([sys.executable, "-c", cold, str(sample)], capture_output=True, text=True, cwd=ROOT)
    print(f"cold start (import, load model, extract one CNN article): {float(out.stdout.strip()):.2f} s")

    if args.corpus:
        files = sorted((DATA / "news").glob("*/*.txt"))
        p_times, p_cpu, t_times, with_deleg = [], [], [], []
        for f in files:
            try:
                article = parse_text(f.read_text(errors="replace"))
            except ValueError:
                continue
            s, c = time.perf_counter(), time.process_time()
            res = extract_people(article)
            p_times.append((time.perf_counter() - s) * 1000)
            p_cpu.append((time.process_time() - c) * 1000)
            s = time.perf_counter()
            article_topics(article)
            t_times.append((time.perf_counter() - s) * 1000)
            if res.delegations:
                with_deleg.append(f"{f.parent.name}/{f.name}")
        print(
            f"news corpus: {len(p_times)} articles; people median {statistics.median(p_times):.1f} ms, "
            f"p90 {sorted(p_times)[int(len(p_times) * 0.9)]:.1f} ms, "
            f"CPU median {statistics.median(p_cpu):.1f} ms; "
            f"topics median "
            f"{statistics.median(t_times):.2f} ms; articles given a delegation: {len(with_deleg)}"
        )
        if args.verbose:
            print("  " + " ".join(with_deleg))
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
