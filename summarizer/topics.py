"""Topic labels for an article (`article_topics`). The candidate phrases it chooses from are found in
summarizer/topic_candidates.py; the index over many articles that `/topics` and the digest use is
summarizer/topic_index.py; the stems and word lists they read, summarizer/topic_words.py.

An article's labels are up to `max_subjects` taxonomy subjects (summarizer/taxonomy.py: a policy area or
field, checked against the story's lead) and its key phrases (summarizer/topic_candidates.py: runs of one
to three content words, names of up to five words, "Bank of Japan"; a surname as the person's full name).
Each content word of the story gets the probability that an editor's labels use it, a logistic function
of named `WORD_FEATURES` (how often and how widely it occurs, whether the lead says it, how early, whether
the story writes it as a name or a place, whether it sits in a recurring phrase, how central it is in the
story and how common in English, and what the small spaCy model tags it as: a person is rarely a topic, a
place or organisation often, a verb or a date never; summarizer/word_signals.py). Without the model the
same rules rank the words with weights fitted without its tags. Labels are then taken greedily for
coverage: the strongest subject first, then whichever phrase or subject adds the most likely words not
yet said, each word costing `word_cost` (six labels that share words waste slots); a word the story
mostly says beside words already labelled counts for less ("City" once "Mexico" is a label); a word the
story uses once only fills one of the first three places. `TopicSettings` holds the weights and choices
bench/topics.py fits by cross-validation on the labelled dev sets. Stories not in English get no labels
(summarizer/language.py). The model reads the first 12,000 characters of a story: about 70 ms for a
typical story, the rules a few milliseconds more, language detection included.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from summarizer.analysis import Topic
from summarizer.article import Article
from summarizer.language import ENGLISH, detect_language, language_name
from summarizer.lexicon import PLACE_WORDS
from summarizer.names import fold, is_all_caps
from summarizer.taxonomy import subjects_for
from summarizer.topic_candidates import (
    NAME_JOINERS,
    UNTAGGED,
    Candidate,
    count_phrases,
    firm_stems,
    label_candidates,
    phrases,
    straight_apostrophes,
)
from summarizer.topic_words import label_key, stem_of
from summarizer.word_signals import TAG_FEATURES, centrality, commonness, tag_shares

log = logging.getLogger(__name__)

MAX_LABELS = 6


# The word model's weights (bench/topics.py fits them on every labelled article and prints them): with
# the spaCy model's tags, and with the rules alone (`ner_model = false`, or no model installed).
# fmt: off
_MODEL_WEIGHTS: dict[str, float] = {
    "intercept": -5.088, "frequency": 1.266, "lead": 0.942, "position": 0.346,
    "spread": 4.444, "name": 1.085, "place": 0.818, "name_frequency": -0.589,
    "in_phrase": 0.7, "centrality": 1.092, "commonness": -0.298, "length": 0.14,
    "person": -1.078, "place_entity": -0.629, "organisation": 0.435, "other_entity": 0.799,
    "number_entity": -2.771, "noun": 1.445, "proper_noun": 0.494, "adjective": 1.241,
    "verb": -0.568, "compound": 1.007, "argument": 0.069, "prep_object": 0.494,
}
_RULES_WEIGHTS: dict[str, float] = {
    "intercept": -4.604, "frequency": 1.42, "lead": 0.929, "position": 0.421,
    "spread": 4.359, "name": 1.204, "place": 0.416, "name_frequency": -1.038,
    "in_phrase": 0.915, "centrality": 1.255, "commonness": -0.182, "length": 0.319,
}
# fmt: on


@dataclass(frozen=True)
class TopicSettings:
    """The choices fitted on the labelled dev sets (bench/topics.py fits and chooses them by
    cross-validation)."""

    max_subjects: int = 3  # taxonomy labels among an article's labels
    # P(an editor's label uses this word) = logistic(intercept + weights . WORD_FEATURES), fitted by
    # logistic regression over the words of the labelled articles (bench/topics.py)
    word_weights: tuple[float, ...] = tuple(_MODEL_WEIGHTS.values())
    # the same, fitted with the model's tag features left out (spaCy model missing or turned off)
    rules_word_weights: tuple[float, ...] = tuple(_RULES_WEIGHTS.values()) + (0.0,) * len(TAG_FEATURES)
    word_cost: float = 0.05  # what a label pays for each word: a word less likely than this is noise
    # a word the story says mostly beside words already labelled ("City" once "Mexico" is a label) rarely
    # brings an editor's label of its own: it is worth this share less for each such use
    said_with_discount: float = 1.0
    join_cost: float = 0.0  # a phrase said once pays this: "fentanyl" (said 5 times), not "fentanyl crisis"
    subject_value: float = 0.6  # a further subject's worth (times its strength) against a phrase's
    unsupported_hits: int = 4  # a subject not cued in headline or lead needs this many cue hits


# The grid bench/topics.py cross-validates over; the defaults above are its choice on all articles.
# Three subjects worth at least 0.6 keep a story's policy areas among its labels, as the digest's
# sections and /topics use them; cross-validated, that costs nothing against a free choice (181.0 vs
# 181.5 of 263, mean of 4 shuffles).
TUNABLE: dict[str, tuple[Any, ...]] = {
    "max_subjects": (3,),
    "word_cost": (0.05, 0.15, 0.25),
    "subject_value": (0.6, 1.0),
    "join_cost": (0.0, 0.1),
    "said_with_discount": (0.0, 0.5, 1.0),
}
DEFAULT_SETTINGS = TopicSettings()


# Rules over the text, then `word_signals`: TextRank centrality, commonness in English, length, and the
# spaCy model's tag shares (zero without the model, when `rules_word_weights` rank the words instead).
WORD_FEATURES = (
    "frequency",
    "lead",
    "position",
    "spread",
    "name",
    "place",
    "name_frequency",
    "in_phrase",
    "centrality",
    "commonness",
    "length",
    *TAG_FEATURES,
)


@dataclass(frozen=True)
class Word:
    """A content word of the story (by stem) and what says it matters (`WORD_FEATURES`, in order)."""

    form: str  # as the story most often writes it
    features: tuple[float, ...]


@dataclass(frozen=True)
class _Story:
    candidates: list[Candidate]
    subjects: list[tuple[str, float]]
    head_stems: set[str]
    words: dict[str, Word]
    tagged: bool = False  # the spaCy model's tag features are in `words`
    runs: dict[str, frozenset[int]] = field(default_factory=dict)  # stem -> the runs that say it


def _story(article: Article, settings: TopicSettings, people: Sequence[str] | None = None) -> _Story:
    """Every candidate phrase of an article (summarizer/topic_candidates.py), its content words with their
    features, and the article's taxonomy subjects."""
    headline = straight_apostrophes("" if article.headline_derived else article.headline)
    body = straight_apostrophes(article.body)
    if is_all_caps(body):
        body = body.lower()
    if headline and is_all_caps(headline):
        headline = headline.lower()
    sentences = re.split(r"(?<=[.!?])\s+|\n+", body)
    n_sent = max(1, len(sentences))
    tags = tag_shares(f"{headline}\n{body}" if headline else body, stem_of)
    firms = firm_stems(tags)
    counts = count_phrases(sentences, firms)
    subjects = subjects_for(body, headline, settings.max_subjects, settings.unsupported_hits)
    head_stems = {stem_of(w) for run in phrases(headline, firms) for w in run} if headline else set()
    if not counts.freq:
        return _Story([], subjects, head_stems, {})
    # the headline's and the first two sentences' words (counted already, in story order)
    lead_stems = head_stems | {stem for stems in counts.in_order[:2] for stem in stems}
    out = label_candidates(article, headline, body, counts, tags, head_stems, people)
    in_phrase = {w for c in out if len(c.key) > 1 and c.freq >= 2 for w in c.key}
    central = centrality(counts.in_order)
    words: dict[str, Word] = {}
    for stem, f in counts.word_freq.items():
        form = counts.forms[(stem,)].most_common(1)[0][0][0]
        name = 1.0 if counts.capitalised[stem] > counts.lower_case[stem] else 0.0
        words[stem] = Word(
            form,
            (
                math.log1p(f),
                1.0 if stem in lead_stems else 0.0,
                -math.log1p(counts.first_pos[(stem,)] / n_sent * 3),
                counts.word_spread[stem] / n_sent,
                name,
                1.0 if fold(form) in PLACE_WORDS else 0.0,
                name * math.log1p(f),
                1.0 if stem in in_phrase else 0.0,
                central.get(stem, 0.0),
                commonness(form),
                len(form) / 10,
                *(tags.get(stem, UNTAGGED) if tags is not None else UNTAGGED),
            ),
        )
    runs = {w: frozenset(r) for w, r in counts.word_runs.items()}
    return _Story(out, subjects, head_stems, words, tags is not None, runs)


def word_probability(word: Word, weights: Sequence[float]) -> float:
    """How likely an editor's labels use this word: logistic(intercept + weights . features)."""
    z = weights[0] + sum(w * x for w, x in zip(weights[1:], word.features, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def candidates(article: Article, settings: TopicSettings = DEFAULT_SETTINGS) -> list[Candidate]:
    """The candidate phrases `article_topics` chooses from."""
    return _story(article, settings).candidates


def story_words(article: Article, settings: TopicSettings = DEFAULT_SETTINGS) -> dict[str, Word]:
    """An article's content words by stem, with their features (bench/topics.py fits the weights)."""
    return _story(article, settings).words


def article_topics(
    article: Article,
    k: int = 6,
    settings: TopicSettings = DEFAULT_SETTINGS,
    language: str | None = None,
    people: Sequence[str] | None = None,
) -> tuple[Topic, ...]:
    """Three to six editor-style labels, best first, with scores in (0, 1]; none for a story that is not
    in English (`language`, detected when not given): the rules would return its stop words. `people`:
    the names `/who` found in the story (found here when not given), which give a surname label its
    person's full name.

    The labels are chosen greedily for coverage: each next label is the one whose words not yet said
    are most likely an editor's, less `word_cost` for each of its words (a repeated word only costs). A
    taxonomy subject is worth `subject_value` times its strength; the strongest one always comes first."""
    language = language or detect_language(f"{article.headline}\n{article.body}")
    if language != ENGLISH:
        log.info("not analysed: %s (%s)", language_name(language), article.source or article.headline[:60])
        return ()
    k = max(3, min(k, MAX_LABELS))
    story = _story(article, settings, people)
    if not story.candidates:
        return tuple(Topic(label, strength) for label, strength in story.subjects)
    weights = settings.word_weights if story.tagged else settings.rules_word_weights
    p = {stem: word_probability(w, weights) for stem, w in story.words.items()}
    cost = settings.word_cost
    # label, the stems it covers, a subject's strength, whether it recurs, its extra cost, and the stems
    # it shows (an acronym covers its expansion's words too: "CSI" those of "Crime Scene Investigation")
    options: list[tuple[str, frozenset[str], float | None, bool, float, frozenset[str]]] = [
        (label, label_key(label), strength, True, 0.0, label_key(label)) for label, strength in story.subjects
    ]
    aliases = _acronyms(story.candidates)
    for c in story.candidates:
        # a word the story uses once ("raised", "notch") only fills in when fewer than three labels recur
        joined = c.freq < 2 and len(c.key) > 1 and not set(c.key) <= story.head_stems
        key = frozenset(c.key) | aliases.get(c.key, frozenset())
        options.append(
            (c.label, key, None, c.recurs, settings.join_cost if joined else 0.0, frozenset(c.key))
        )
    chosen: list[tuple[float, str, frozenset[str], bool]] = []  # value, label, stems, is a subject
    while len(chosen) < k:
        covered = frozenset().union(*(ks for _, _, ks, _ in chosen))
        said = set().union(*(story.runs.get(w, frozenset()) for w in covered))
        n_subjects = sum(is_subject for *_, is_subject in chosen)
        said_labels = {chosen_label.casefold() for _, chosen_label, _, _ in chosen}
        best: tuple[float, str, frozenset[str], bool] | None = None
        for label, ks, strength, recurring, extra, shown in options:
            new = ks - covered
            # nothing new: the subject or other labels say it, or it sits inside a chosen phrase; or what
            # it names is a label already ("CSI" or "Crime Scene Investigation" after "episode of CSI")
            if not new or shown <= covered or (ks - shown) & covered or any(ks <= c for _, _, c, _ in chosen):
                continue
            if label.casefold() in said_labels:  # "Astro", shown by its full name, after "Astro Malaysia"
                continue
            if strength is not None:
                if n_subjects >= settings.max_subjects:
                    continue
                # the strongest subject heads the digest's section, whatever the phrases: it comes first
                value = 100.0 if n_subjects == 0 else settings.subject_value * strength
                value -= cost * len(ks & covered)
            else:
                if not recurring and len(chosen) >= 3:
                    continue
                if any(is_subject and c <= ks for _, _, c, is_subject in chosen):
                    continue  # "Israeli election campaign" would only repeat "elections"
                value = _new_value(new, p, story.runs, said, settings.said_with_discount)
                value -= cost * len(ks) + extra
            if best is None or value > best[0]:
                best = (value, label, ks, strength is not None)
        if best is None:
            break
        # a phrase holding a chosen phrase replaces it ("Iran nuclear" for "Iran")
        chosen = [c for c in chosen if c[3] or not c[2] < best[2]]
        chosen.append(best)
    values = [v for v, *_ in chosen]
    low, high = min(values, default=0.0), max(values, default=1.0)
    return tuple(
        Topic(label, round(max(0.01, (value - low) / (high - low) if high > low else 1.0), 3))
        for value, label, _, _ in chosen[:k]
    )


def _acronyms(found: Sequence[Candidate]) -> dict[tuple[str, ...], frozenset[str]]:
    """An acronym and the name it abbreviates ("IMF", "International Monetary Fund"), each candidates:
    each one's stems, keyed by the other's, so that one label says both."""
    names: dict[str, tuple[str, ...]] = {}
    for c in found:
        words = [w for w in c.label.split() if w not in NAME_JOINERS and w != "the"]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            names.setdefault("".join(w[0] for w in words).upper(), c.key)
    out: dict[tuple[str, ...], frozenset[str]] = {}
    for c in found:
        if len(c.key) == 1 and c.label.isupper() and c.label in names:
            out[c.key] = frozenset(names[c.label])
            out[names[c.label]] = out.get(names[c.label], frozenset()) | frozenset(c.key)
    return out


def _new_value(
    new: Iterable[str], p: dict[str, float], runs: dict[str, frozenset[int]], said: set[int], discount: float
) -> float:
    """What a label's new words are worth: each word's probability, less `discount` times the share of
    its runs (phrases) among `said`, the runs that say a word of the chosen labels. An editor's labels
    rarely need both halves of a name or phrase ("Mexico City", "Saudi Arabia"): once one half is a label,
    the other adds less than its probability says."""
    value = 0.0
    for w in sorted(new):  # in a fixed order: an acronym and its name tie exactly, whatever the hash seed
        uses = runs.get(w, frozenset())
        share = len(uses & said) / len(uses) if uses else 0.0
        value += p.get(w, 0.0) * (1.0 - discount * share)
    return value


def topics_json(path: str, topics: Iterable[Topic]) -> dict[str, Any]:
    """One file's entry of `briefbot topics --json`."""
    return {"path": path, "topics": [{"label": t.label, "score": t.score} for t in topics]}
