"""Many stories -> one Digest: a front page of the most important stories, grouped by topic, in budget."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import lru_cache

from summarizer.analysis import Topic
from summarizer.lexicon import STOPWORDS
from summarizer.topic_index import topic_groups

OTHER_SECTION = "Other news"
# A story files under a topic of its first four labels: the three a digest names with it, and one more.
# A topic further down its labels ("record" of "record figure") would join stories on different subjects.
SECTION_LABELS = 4
NEAR_DUPLICATE_JACCARD = 0.5
_SHINGLE = 3
_SAMPLE = 8  # index one shingle in eight (by hash) to find candidates
_MIX, _MASK = 1_000_003, (1 << 61) - 1
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
RELATED_COSINE = 0.2  # stories this similar tell the same story (or a closely related one)
RELATED_MAX_DF = 0.05  # words in more of the pool than this say nothing about which story it is
RECENCY_HALF_LIFE = timedelta(days=1)
LEAD_STORIES = 3  # the most important stories keep their whole summary
MAX_MISSES = 6  # stories tried after the page first runs out of room
PROSE_WORDS = 8  # a summary with fewer words than this is figures ("Shr 28.5p vs 26.6p"), not sentences
_PROSE_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
STORIES_REMEMBERED = 2048  # per-story shingles and word bags kept: a window (1,000) twice over


@dataclass(frozen=True)
class DigestItem:
    """One story as the digest needs it (built from a stored article and its cached analysis)."""

    id: str
    headline: str
    summary: tuple[str, ...]
    source: str
    url: str | None
    when: datetime
    topics: tuple[Topic, ...] = ()
    body: str = ""
    also: tuple[str, ...] = ()  # sources of merged near-duplicates
    language: str = "en"  # ISO 639-1; people and topics were not analysed in any other language
    repeats: int = 0  # near-duplicates merged into this story


@dataclass(frozen=True)
class Section:
    label: str
    items: tuple[DigestItem, ...]


@dataclass(frozen=True)
class Digest:
    sections: tuple[Section, ...]
    total: int  # stories considered, after merging near-duplicates
    omitted: int  # stories not on the page (near-duplicates of a story shown count as shown)
    since: datetime | None = None
    merged: int = 0  # near-duplicates folded into another story
    topic_counts: tuple[tuple[str, int], ...] = field(default_factory=tuple)
    # the stories not on the page, most important first (as the page chose), for a platform that can
    # show them after it (a Slack thread); their near-duplicates included, `omitted` counts them all
    rest: tuple[DigestItem, ...] = ()

    @property
    def items(self) -> list[DigestItem]:
        return [item for section in self.sections for item in section.items]

    @property
    def empty(self) -> bool:
        return not self.sections


@lru_cache(maxsize=STORIES_REMEMBERED)
def _shingles(text: str) -> frozenset[int]:
    """Word 3-shingles of a story's opening as integers: each word hashed once with CRC-32, the same in
    every process (Python's own string hash is salted per process, which made the page vary by run).
    Kept per text: a window of stories is compared again after every ingest, its texts unchanged."""
    codes = [zlib.crc32(w.casefold().encode("utf-8")) for w in _WORD.findall(text[:3000])[:300]]
    if len(codes) < _SHINGLE:
        return frozenset({sum(codes) & _MASK}) if codes else frozenset()
    triples = zip(codes, codes[1:], codes[2:], strict=False)  # the shorter slices end it
    return frozenset(((a * _MIX + b) * _MIX + c) & _MASK for a, b, c in triples)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def merge_near_duplicates(items: Sequence[DigestItem]) -> tuple[list[DigestItem], int]:
    """Fold stories whose text overlaps strongly (word 3-shingle Jaccard ≥ 0.5) into the newest one.

    Candidates come from an inverted index over a fixed 1-in-8 sample of each story's shingles (the same
    shingles are sampled in every story, so near-duplicates share samples); only the few stories sharing
    the most samples are compared in full.
    """
    ordered = sorted(items, key=lambda it: it.when, reverse=True)
    shingles = [_shingles(it.body or " ".join((it.headline, *it.summary))) for it in ordered]
    index: dict[int, list[int]] = defaultdict(list)
    keep: list[int] = []
    folded: dict[int, list[int]] = defaultdict(list)
    for i, sh in enumerate(shingles):
        sample = [s for s in sh if s % _SAMPLE == 0] or list(sh)[:1]
        counts: Counter[int] = Counter()
        for s in sample:
            counts.update(index.get(s, ()))
        target = next(
            (j for j, _ in counts.most_common(5) if _jaccard(sh, shingles[j]) >= NEAR_DUPLICATE_JACCARD), None
        )
        if target is None:
            keep.append(i)
            for s in sample:
                index[s].append(i)
        else:
            folded[target].append(i)
    out: list[DigestItem] = []
    for i in keep:
        item = ordered[i]
        if folded[i]:
            extra = tuple(dict.fromkeys(ordered[j].source for j in folded[i] if ordered[j].source))
            item = replace(item, also=item.also + extra, repeats=item.repeats + len(folded[i]))
        out.append(item)
    return out, sum(len(v) for v in folded.values())


def related_stories(items: Sequence[DigestItem]) -> list[dict[int, float]]:
    """For each story, the other stories of the pool that tell it too (position -> similarity): TF-IDF
    cosine of headline, summary and topics at or above RELATED_COSINE.

    Found through an inverted index over each story's distinctive words (in at most RELATED_MAX_DF of
    the pool), so a few hundred stories cost milliseconds, not a full pairwise comparison.
    """
    bags = [_content_bag(it) for it in items]
    n = len(bags)
    df: Counter[str] = Counter(w for bag in bags for w in bag)
    max_df = max(2, int(n * RELATED_MAX_DF))
    vectors: list[dict[str, float]] = []
    for bag in bags:
        vec = {w: tf * math.log(n / df[w]) for w, tf in bag.items() if 1 < df[w] <= max_df}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for w in vec:
            postings[w].append(i)
    out: list[dict[int, float]] = []
    for i, vec in enumerate(vectors):
        dots: defaultdict[int, float] = defaultdict(float)
        for w, v in vec.items():
            for j in postings[w]:
                if j != i:
                    dots[j] += v * vectors[j][w]
        out.append({j: d for j, d in dots.items() if d >= RELATED_COSINE})
    return out


def _content_bag(item: DigestItem) -> Counter[str]:
    return _text_bag(" ".join((item.headline, *item.summary, *(t.label for t in item.topics))))


@lru_cache(maxsize=STORIES_REMEMBERED)
def _text_bag(text: str) -> Counter[str]:
    """Content words of a text by crude stem (kept per text, as `_shingles`; callers do not change it)."""
    words = (w.casefold() for w in _WORD.findall(text))
    return Counter(_crude_stem(w) for w in words if len(w) > 2 and not w.isdigit() and w not in STOPWORDS)


def _crude_stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


def importance(items: Sequence[DigestItem], related: Sequence[Mapping[int, float]]) -> list[float]:
    """Each story's importance: coverage (log2 of 1 + the near-duplicates folded into it + related
    stories, each weighted by its similarity) plus recency by publication time (1 for the newest story
    in the pool, halving every RECENCY_HALF_LIFE). A story told twice weighs as much as one a half-life
    newer. The weights are a stated editorial choice; there is no labelled set of front pages to fit."""
    if not items:
        return []
    newest = max(it.when for it in items)
    half_life = RECENCY_HALF_LIFE.total_seconds()
    scores = []
    for it, rel in zip(items, related, strict=True):
        coverage = 1 + it.repeats + sum(rel.values())
        age = max(0.0, (newest - it.when).total_seconds())
        scores.append(math.log2(coverage) + 0.5 ** (age / half_life))
    return scores


def told_in_sentences(item: DigestItem) -> bool:
    """False for a story whose summary is mostly figures. Tables of results look alike ("Shr … vs …,
    Net … vs …") and so seem widely covered, but a reader learns nothing from them on a front page:
    they come after every story told in sentences. The first line decides: it is what a short item shows."""
    first = item.summary[0] if item.summary else ""
    return sum(1 for _ in _PROSE_WORD.finditer(first)) >= PROSE_WORDS


def topic_cap(max_items: int) -> int:
    """Stories one topic may hold on a page: a quarter of it, at least two."""
    return max(2, max_items // 4)


def outlet_cap(max_items: int) -> int:
    """Stories one outlet (site, or folder of files) may hold while others have stories to offer."""
    return max(2, max_items // 3)


def outlet(item: DigestItem) -> str:
    """The site or folder a story came from: the first part of its source label."""
    return item.source.split("/", 1)[0]


def assign_sections(
    chosen: Sequence[DigestItem], groups_of: Mapping[str, Sequence[str]]
) -> list[tuple[str, list[DigestItem]]]:
    """Sections for stories in order of importance: each story under the topic it shares with most
    chosen stories among the topics of its leading labels (`groups_of`: topics of the pool's index, so
    their names are the ones /topics uses); a topic with one story leaves it for "Other news"; "Other
    news" keeps at most half of the stories, the most important of the rest heading a section of their
    own topic. Sections come in order of their first story."""
    members: Counter[str] = Counter(label for it in chosen for label in groups_of.get(it.id, ()))
    placed: dict[str, list[DigestItem]] = {}
    other: list[DigestItem] = []
    for it in chosen:
        shared = [label for label in groups_of.get(it.id, ()) if members[label] >= 2]
        if shared:
            best = max(shared, key=lambda label: members[label])  # ties: the story's better label
            placed.setdefault(best, []).append(it)
        else:
            other.append(it)
    for label in [label for label, group in placed.items() if len(group) == 1]:
        other.extend(placed.pop(label))
    order = {it.id: n for n, it in enumerate(chosen)}
    other.sort(key=lambda it: order[it.id])
    while other and (len(other) * 2 > len(chosen) or len(chosen) == 1):
        promoted = next((it for it in other if groups_of.get(it.id) or it.topics), None)
        if promoted is None:
            break
        labels = [*groups_of.get(promoted.id, ()), *(t.label for t in promoted.topics)]
        label = next((g for g in labels if g not in placed), labels[0])  # else: join that section
        other.remove(promoted)
        placed.setdefault(label, []).append(promoted)
    sections = sorted(placed.items(), key=lambda kv: min(order[it.id] for it in kv[1]))
    return sections + ([(OTHER_SECTION, other)] if other else [])


def item_chars(item: DigestItem) -> int:
    return len(item.headline) + sum(len(s) + 1 for s in item.summary) + len(item.source) + 8


def estimated_fit(max_chars: int) -> Callable[[Digest], bool]:
    """A length check from the digest alone (bot/briefing.py checks the rendered text instead)."""

    def fits(digest: Digest) -> bool:
        sections = sum(len(s.label) + 4 for s in digest.sections)
        return sections + sum(item_chars(it) for it in digest.items) <= max_chars

    return fits


def build_digest(
    items: Iterable[DigestItem],
    *,
    max_items: int = 12,
    max_chars: int = 6000,
    since: datetime | None = None,
    fits: Callable[[Digest], bool] | None = None,
    diverse: bool = True,
) -> Digest:
    """A front page: near-duplicates merged, the most important stories chosen within the budget
    (at most `topic_cap` a topic), grouped by topic.

    The LEAD_STORIES most important stories chosen keep their whole summary and the others their
    first sentence; further sentences are added, most important story first, while the page still
    fits. `fits` judges a candidate page (default: an estimate of its length against `max_chars`).
    `diverse=False` (a briefing on one topic or query) lifts the caps per topic and per outlet.
    """
    fits = fits or estimated_fit(max_chars)
    items = list(items)
    n_items = len(items)
    merged, n_merged = merge_near_duplicates(items)
    index, listed_under = topic_groups((it.id, it.topics) for it in merged)
    groups_of = {i: list(dict.fromkeys(groups[:SECTION_LABELS])) for i, groups in listed_under.items()}
    related = related_stories(merged)
    scores = importance(merged, related)
    prose = [told_in_sentences(it) for it in merged]
    order = sorted(range(len(merged)), key=lambda i: (not prose[i], -scores[i], merged[i].id))
    cap = topic_cap(max_items) if diverse else max_items

    def page(chosen: Sequence[DigestItem]) -> Digest:
        sections = tuple(Section(label, tuple(group)) for label, group in assign_sections(chosen, groups_of))
        shown = sum(1 + it.repeats for it in chosen)
        return Digest(
            sections=sections,
            total=len(merged),
            omitted=n_items - shown,
            since=since,
            merged=n_merged,
            topic_counts=tuple((label, len(ids)) for label, ids in index),
        )

    # First pass: one telling of each story, at most `outlet_cap` stories an outlet. Later passes fill the
    # room left: other tellings, then one more story an outlet per pass, so outlets stay balanced.
    chosen: list[DigestItem] = []
    taken: set[int] = set()
    outlets: Counter[str] = Counter()
    limit = outlet_cap(max_items)
    passes = [(True, limit), (False, limit), *((False, limit + k) for k in range(1, max_items + 1))]
    misses = 0  # stories that did not fit, over all passes: the page is full
    for one_telling, per_outlet in passes if diverse else [(False, max_items)]:
        for i in order:
            if len(chosen) >= max_items or misses >= MAX_MISSES:
                break
            item = merged[i]
            if i in taken or outlets[outlet(item)] >= per_outlet:
                continue
            if one_telling and any(j in taken for j in related[i]):
                continue
            full = len(chosen) < LEAD_STORIES
            for candidate in dict.fromkeys((_brief(item, None if full else 1), _brief(item, 1))):
                trial = page([*chosen, candidate])
                if any(s.label != OTHER_SECTION and len(s.items) > cap for s in trial.sections):
                    break  # this topic is full: the next story
                if fits(trial):
                    chosen.append(candidate)
                    taken.add(i)
                    outlets[outlet(item)] += 1
                    break
            else:
                misses += 1
    final = page(_lengthened(chosen, merged, lambda longer: fits(page(longer))))
    return replace(final, rest=tuple(merged[i] for i in order if i not in taken))


def _lengthened(
    chosen: list[DigestItem], merged: Sequence[DigestItem], fits: Callable[[list[DigestItem]], bool]
) -> list[DigestItem]:
    """`chosen` with further summary sentences, most important story first, one sentence a round,
    while the page still fits."""
    by_id = {it.id: it for it in merged}
    for n_sentences in range(2, max((len(it.summary) for it in merged), default=0) + 1):
        for pos, it in enumerate(chosen):
            full = by_id[it.id]
            if len(it.summary) + 1 != n_sentences or len(full.summary) < n_sentences:
                continue
            longer = [*chosen]
            longer[pos] = _brief(full, n_sentences)
            if fits(longer):
                chosen = longer
    return chosen


def _brief(item: DigestItem, sentences: int | None) -> DigestItem:
    """`item` with the first `sentences` of its summary (all when None); the body is not shown."""
    summary = item.summary if sentences is None else item.summary[:sentences]
    return replace(item, summary=summary, body="")
