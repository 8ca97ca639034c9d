"""Topic labels for an article, and a topic index over many articles (what `/topics` and the digest use).

An article's labels are its key phrases: runs of one to three content words (no stopword, number or
punctuation inside), scored like YAKE/RAKE by how often they occur, how early they first appear and
whether the headline or lead carries them, plus names of organisations and places from capitalised
runs (people are left to `/who`). Phrases that repeat a better phrase are dropped. Everything is plain
Python over the text: about a millisecond per article, no model.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from summarizer.analysis import Topic
from summarizer.article import Article
from summarizer.lexicon import DAYS, MONTHS, NATIONALITY, STOPWORDS, TITLE_HEADS, word_list
from summarizer.names import fold, is_all_caps
from summarizer.taxonomy import subjects_for

_EXTRA_STOP = (
    frozenset(
        word_list(
            """
        year years time times day days week weeks month months today yesterday tomorrow people way
        ways thing things lot lots part parts number numbers percent pct per cent end side sides
        group groups report reports statement comment comments news story stories official officials
        spokesman spokeswoman source sources thursday mr mrs ms dr sir told say says said saying
        according added says also just well much many several including include includes included
        however although though would could should might must may can will shall get got go going
        gone make made take taken come came give given set put see seen know known think thought
        want wanted use used need needed look looks looked able likely early earlier late later last
        next first second third new old big small large high low long short good bad best better
        great little own other others same another every each few most more less least one two three
        four five six seven eight nine ten mln bln billion million dlrs dlr us u.s. cts vs march
        april june
        """
        )
    )
    | STOPWORDS
    | MONTHS
    | DAYS
)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*[\w]|[^\W\d_]")
_SPLIT = re.compile(r"[.,;:!?()\"“”‘’\[\]{}|/–—]+|\s-\s|\s--\s")

MAX_WORDS = 3
# Words too general to stand alone as a topic (fine inside a phrase: "trade talks", "peace deal").
_GENERIC = frozenset(
    word_list(
        """
        talks deal deals agreement foreign ministry middle prime progress options option status couple
        tackle regulations diplomats country countries government minister president issue issues points
        point plans plan move moves meeting meetings decision role position statement chief head support
        world state states national international public members member team side leader leaders action
        company companies market markets group industry business service services system change changes
        case cases level levels period terms term view views work deal problem problems question questions
        decade decades year-old number kind sort bit man men woman women thing
        """
    )
)


def _stem(word: str) -> str:
    w = fold(word).replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ies", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


def _phrases(sentence: str) -> list[list[str]]:
    """Maximal runs of content words in a sentence."""
    out: list[list[str]] = []
    for chunk in _SPLIT.split(sentence):
        run: list[str] = []
        for tok in chunk.split():
            words = _WORD.findall(tok)
            word = words[0] if len(words) == 1 and len(words[0]) >= len(tok) - 2 else None
            base = re.split(r"['’]", word)[0].lower() if word else ""
            if word is None or base in _EXTRA_STOP or len(word) < 3 or word.lower() in TITLE_HEADS:
                if run:
                    out.append(run)
                run = []
                continue
            run.append(word)
        if run:
            out.append(run)
    return out


def _display(words: Sequence[str], surface: Counter[str]) -> str:
    out = []
    for w in words:
        w = re.sub(r"['’]s$", "", w)
        # keep the capitals of names ("Davis Cup", "Iran"), lower everything else
        forms = [f for f in surface if f.lower() == w.lower()]
        form = max(forms, key=lambda f: surface[f]) if forms else w
        out.append(
            form if form[:1].isupper() and form.lower() not in _capital_common(surface) else form.lower()
        )
    return " ".join(out)


def _capital_common(surface: Counter[str]) -> set[str]:
    """Words that mostly appear in lower case (capitalised only at sentence starts)."""
    lower = Counter()
    upper = Counter()
    for form, n in surface.items():
        (upper if form[:1].isupper() else lower)[form.lower()] += n
    return {w for w in upper if lower[w] >= upper[w]}


_GENERIC_STEMS = frozenset(_stem(w) for w in _GENERIC)


def article_topics(article: Article, k: int = 6) -> tuple[Topic, ...]:
    """Three to six editor-style labels, best first, with scores in (0, 1]."""
    k = max(3, min(k, 6))
    headline = "" if article.headline_derived else article.headline
    body = article.body
    if is_all_caps(body):
        body = body.lower()
    if headline and is_all_caps(headline):
        headline = headline.lower()
    sentences = re.split(r"(?<=[.!?])\s+|\n+", body)
    n_sent = max(1, len(sentences))
    surface: Counter[str] = Counter()
    freq: Counter[tuple[str, ...]] = Counter()
    first_pos: dict[tuple[str, ...], int] = {}
    forms: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    word_freq: Counter[str] = Counter()
    for i, sentence in enumerate(sentences):
        for run in _phrases(sentence):
            for w in run:
                surface[w] += 1
                word_freq[_stem(w)] += 1
            for n in range(1, MAX_WORDS + 1):
                for j in range(len(run) - n + 1):
                    gram = run[j : j + n]
                    key = tuple(_stem(w) for w in gram)
                    freq[key] += 1
                    first_pos.setdefault(key, i)
                    forms[key][tuple(gram)] += 1
    if not freq:
        return tuple(Topic(label, strength) for label, strength in subjects_for(body, headline))
    head_stems = {_stem(w) for run in _phrases(headline) for w in run} if headline else set()
    lead_stems = {_stem(w) for run in _phrases(sentences[0]) for w in run}
    scored: list[tuple[float, tuple[str, ...]]] = []
    for key, f in freq.items():
        if len(set(key)) < len(key):
            continue
        if len(key) == 1 and (key[0] in _GENERIC_STEMS or NATIONALITY.get(key[0], key[0]) != key[0]):
            continue  # "talks", "Mexican": not a topic on its own
        if len(key) > 1 and f < 2 and not (set(key) <= head_stems):
            continue  # a multi-word phrase must recur, or be the headline's
        word_support = sum(math.log1p(word_freq[w]) for w in key) / len(key)
        position = 1.0 / (1.0 + first_pos[key] / n_sent * 3)
        bonus = (
            1.0
            + 0.6 * sum(w in head_stems for w in key) / len(key)
            + 0.3 * sum(w in lead_stems for w in key) / len(key)
        )
        length = 1.0 + 0.35 * (len(key) - 1)
        score = (math.log1p(f) + word_support) * position * bonus * length
        scored.append((score, key))
    scored.sort(key=lambda x: (-x[0], x[1]))
    subjects = subjects_for(body, headline)
    subject_stems = {_stem(w) for label, _ in subjects for w in label.split()}
    room = k - len(subjects)
    chosen: list[tuple[float, tuple[str, ...]]] = []
    for score, key in scored:
        ks = set(key)
        if ks <= subject_stems:
            continue  # the subject label already says it
        # skip a phrase whose words are all inside a chosen one; replace a chosen word by a phrase holding it
        if any(ks <= set(c) for _, c in chosen):
            continue
        chosen = [(s, c) for s, c in chosen if not (set(c) < ks and score >= 0.6 * s)]
        chosen.append((score, key))
        if len(chosen) >= room:
            break
    top = max((s for s, _ in chosen), default=1.0)
    phrases = [
        Topic(label=_display(forms[key].most_common(1)[0][0], surface), score=round(score / top, 3))
        for score, key in sorted(chosen, key=lambda x: -x[0])
    ]
    # the strongest subject leads, a second one follows the two best phrases
    labels = [Topic(label, strength) for label, strength in subjects]
    merged = labels[:1] + phrases[:2] + labels[1:] + phrases[2:]
    return tuple(merged[:k])


def label_key(label: str) -> frozenset[str]:
    """Labels with the same stemmed content words are the same topic ("Migrants" == "migrant")."""
    words = [_stem(w) for w in _WORD.findall(label) if w.lower() not in _EXTRA_STOP]
    return frozenset(words or [fold(label)])


def topic_index(items: Iterable[tuple[str, Sequence[Topic]]]) -> list[tuple[str, list[str]]]:
    """Label -> article ids, largest first. Same-topic labels merge, and a specific label ("fentanyl
    trafficking") joins a general one ("fentanyl") that other articles use."""
    groups: dict[frozenset[str], list[str]] = defaultdict(list)
    surface: dict[frozenset[str], Counter[str]] = defaultdict(Counter)
    for article_id, topics in items:
        for t in topics:
            key = label_key(t.label)
            if article_id not in groups[key]:
                groups[key].append(article_id)
            surface[key][t.label] += 1
    # fold a specific label into the most popular general label it contains
    order = sorted(groups, key=lambda k: (len(k), -len(groups[k])))
    for key in sorted(groups, key=len, reverse=True):
        if len(key) < 2:
            continue
        general = [g for g in order if g < key and len(groups[g]) >= 2]
        if general:
            target = max(general, key=lambda g: (len(groups[g]), len(g)))
            for a in groups.pop(key):
                if a not in groups[target]:
                    groups[target].append(a)
            surface[target].update(surface.pop(key))
    out = [(surface[k].most_common(1)[0][0], ids) for k, ids in groups.items()]
    out.sort(key=lambda x: (-len(x[1]), x[0].casefold()))
    return out


def topics_json(path: str, topics: Iterable[Topic]) -> dict[str, Any]:
    """One file's entry of `briefbot topics --json`."""
    return {"path": path, "topics": [{"label": t.label, "score": t.score} for t in topics]}
