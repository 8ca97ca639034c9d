"""Many stories -> one Digest: near-duplicates merged, grouped by topic, newest first, within a budget."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from summarizer.analysis import Topic

OTHER_SECTION = "Other news"
NEAR_DUPLICATE_JACCARD = 0.5
_SHINGLE = 3
_SAMPLE = 8  # index one shingle in eight (by hash) to find candidates
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


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


@dataclass(frozen=True)
class Section:
    label: str
    items: tuple[DigestItem, ...]


@dataclass(frozen=True)
class Digest:
    sections: tuple[Section, ...]
    total: int  # stories considered, after merging near-duplicates
    omitted: int  # stories left out by the length budget
    since: datetime | None = None
    merged: int = 0  # near-duplicates folded into another story
    topic_counts: tuple[tuple[str, int], ...] = field(default_factory=tuple)

    @property
    def items(self) -> list[DigestItem]:
        return [item for section in self.sections for item in section.items]

    @property
    def empty(self) -> bool:
        return not self.sections


def _shingles(text: str) -> frozenset[int]:
    words = [w.casefold() for w in _WORD.findall(text)][:400]
    if len(words) < _SHINGLE:
        return frozenset({hash(tuple(words))}) if words else frozenset()
    return frozenset(hash(tuple(words[i : i + _SHINGLE])) for i in range(len(words) - _SHINGLE + 1))


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
            item = DigestItem(**{**item.__dict__, "also": item.also + extra})
        out.append(item)
    return out, sum(len(v) for v in folded.values())


def _norm_label(label: str) -> str:
    return label.strip().casefold()


def group_by_topic(items: Sequence[DigestItem]) -> list[tuple[str, list[DigestItem]]]:
    """Each story goes under its best topic shared with another story; the rest under "Other news".

    A single story is grouped under its own top topic, so a digest of one article still names it.
    Sections are ordered by their newest story.
    """
    counts: Counter[str] = Counter()
    display: dict[str, str] = {}
    for it in items:
        for t in {_norm_label(t.label): t for t in it.topics}.values():
            counts[_norm_label(t.label)] += 1
            display.setdefault(_norm_label(t.label), t.label)
    groups: dict[str, list[DigestItem]] = defaultdict(list)
    for it in items:
        shared = [t for t in it.topics if counts[_norm_label(t.label)] >= 2]
        if shared:
            best = max(shared, key=lambda t: (counts[_norm_label(t.label)], t.score))
            groups[display[_norm_label(best.label)]].append(it)
        elif len(items) == 1 and it.topics:
            groups[it.topics[0].label].append(it)
        else:
            groups[OTHER_SECTION].append(it)
    ordered = sorted(
        groups.items(),
        key=lambda kv: (kv[0] == OTHER_SECTION, -max(i.when.timestamp() for i in kv[1])),
    )
    return [(label, sorted(group, key=lambda i: i.when, reverse=True)) for label, group in ordered]


def item_chars(item: DigestItem) -> int:
    return len(item.headline) + sum(len(s) + 1 for s in item.summary) + len(item.source) + 8


def build_digest(
    items: Iterable[DigestItem],
    *,
    max_items: int = 12,
    max_chars: int = 6000,
    since: datetime | None = None,
) -> Digest:
    """Merge near-duplicates, keep the newest stories within the budget, then group them by topic."""
    merged, n_merged = merge_near_duplicates(list(items))
    chosen: list[DigestItem] = []
    used = 0
    for item in merged:  # newest first
        cost = item_chars(item)
        if len(chosen) >= max_items or (chosen and used + cost > max_chars):
            break
        chosen.append(item)
        used += cost
    topic_counts: Counter[str] = Counter()
    for it in merged:
        for label in dict.fromkeys(t.label for t in it.topics):
            topic_counts[label] += 1
    sections = tuple(Section(label, tuple(group)) for label, group in group_by_topic(chosen))
    return Digest(
        sections=sections,
        total=len(merged),
        omitted=len(merged) - len(chosen),
        since=since,
        merged=n_merged,
        topic_counts=tuple(topic_counts.most_common()),
    )
