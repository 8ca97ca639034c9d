"""The topic index over many articles: the topics `/topics` lists with their stories, and the topic the
digest files each story under (summarizer/digest.py).

Labels (summarizer/topics.py) with the same stemmed content words are one topic (`label_key`: "Migrants"
and "migrant"). A specific label then folds under the most used shorter label whose words it has and
that two or more stories use, where it only says something of that thing (`_may_fold`): "tax rises" and
"higher taxes" list under "tax", "Labour Party" under "Labour"; "interest rates" is no "rate" story,
"World Bank" no "bank" one, and a taxonomy subject ("rugby union") never folds. A topic shows its own
label unless one label folded into it is used more often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations

from summarizer.analysis import Topic
from summarizer.lexicon import ORG_WORDS, POST_NOMINALS, word_list
from summarizer.taxonomy import SUBJECTS
from summarizer.topic_words import POSSESSIVE, content_words, grades, is_place_word, label_key, stem_of

# a taxonomy subject is an editor's heading already: it never folds under a shorter label
_SUBJECT_LABELS = frozenset(s.label.casefold() for s in SUBJECTS)


def topic_index(items: Iterable[tuple[str, Sequence[Topic]]]) -> list[tuple[str, list[str]]]:
    """Label -> article ids, largest first. Same-topic labels merge, and a specific label ("fentanyl
    trafficking") joins a general one ("fentanyl") that other articles use; subject labels and names stay
    whole ("rugby union" is not "union", "World Bank" not "bank")."""
    return topic_groups(items)[0]


def topic_groups(
    items: Iterable[tuple[str, Sequence[Topic]]],
) -> tuple[list[tuple[str, list[str]]], dict[str, list[str]]]:
    """`topic_index`, and for each article the topic each of its labels is listed under, in the order of
    its labels (best first): the digest files a story under a topic of its leading labels."""
    groups: dict[frozenset[str], list[str]] = {}
    surface: dict[frozenset[str], Counter[str]] = {}
    keys_of: dict[str, list[frozenset[str]]] = {}
    for article_id, topics in items:
        for t in topics:
            key = label_key(t.label)
            keys_of.setdefault(article_id, []).append(key)
            ids = groups.setdefault(key, [])
            if article_id not in ids:
                ids.append(article_id)
            surface.setdefault(key, Counter())[t.label] += 1
    own = {k: Counter(c) for k, c in surface.items()}  # each group's own labels, before folding
    folded_into: dict[frozenset[str], frozenset[str]] = {}
    # fold a specific label into the most popular general label it contains
    for key in sorted(groups, key=len, reverse=True):
        if len(key) < 2:
            continue
        label = surface[key].most_common(1)[0][0]
        if label.casefold() in _SUBJECT_LABELS:
            continue  # an editor's subject ("rugby union", "jobs and labour") is a heading already
        subsets = (frozenset(c) for n in range(1, len(key)) for c in combinations(sorted(key), n))
        general = [
            g
            for g in subsets
            if len(groups.get(g, ())) >= 2 and _may_fold(label, g, surface[g].most_common(1)[0][0])
        ]
        if general:
            target = max(general, key=lambda g: (len(groups[g]), len(g), sorted(g)))
            folded_into[key] = target
            for a in groups.pop(key):
                if a not in groups[target]:
                    groups[target].append(a)
            surface[target].update(surface.pop(key))
    names = {k: _group_name(own[k], surface[k] - own[k]) for k in groups}
    out = [(names[k], ids) for k, ids in groups.items()]
    out.sort(key=lambda x: (-len(x[1]), x[0].casefold()))

    def group_of(key: frozenset[str]) -> str:
        while key in folded_into:  # "fentanyl trafficking crisis" -> "fentanyl trafficking" -> "fentanyl"
            key = folded_into[key]
        return names[key]

    return out, {a: [group_of(k) for k in keys] for a, keys in keys_of.items()}


_KIND_WORDS = frozenset(stem_of(w) for w in ORG_WORDS | POST_NOMINALS)  # "Party", "Motor(s)", "Co", "MPs"
# What is said of a thing, no other thing: "Labour plans", "tax rises", "share sale", "oil market" are
# stories of Labour, tax, shares and oil ("interest rates", "budget airline", "child abuse" are not)
_ASPECTS = frozenset(
    stem_of(w)
    for w in word_list(
        """
        plan plans pledge promise proposal proposals filing settlement investigation inquiry probe charges
        lawsuit ruling data figures forecast forecasts outlook estimate estimates rise rises increase
        increases cut cuts fall falls decline declines drop gains recovery growth sale sales price prices
        talks deal deals agreement crisis war row dispute fight battle campaign strategy policy policies
        reform reforms measures rules law laws market markets industry business sector system scheme
        schemes programme report reports issue problem problems concerns fears threat hopes move bid offer
        attempt efforts change changes impact effect costs levels record results performance response
        reaction comments statement announcement debate vote victory defeat future
        """
    )
)


def _may_fold(label: str, general: frozenset[str], general_label: str) -> bool:
    """Whether a label's stories list under a shorter label whose words it has. A phrase drops what is
    said of a name ("Google toolbar") or of a thing ("tax rises", `_ASPECTS`), and words that grade it
    ("higher taxes"): "interest rates" is no "rate" or "interest" story, nor "Iran's nuclear program" a
    "program" story. A name joins only a name it opens, where the rest says what kind of body it is
    ("Labour Party", "Ford Motor Co", not "London Metal Exchange", "Charles Kennedy" or "Union Carbide"),
    and a word written as a name is one in both ("wasp spray" is no "Wasps")."""
    words = content_words(label)
    kept = [i for i, w in enumerate(words) if stem_of(w) in general]
    if not kept or _is_name(general_label) != all(words[i][:1].isupper() for i in kept):
        return False
    if _is_name(label):
        if kept != list(range(len(kept))) or len(kept) == len(words):
            return False
        if POSSESSIVE.search(words[kept[-1]]):
            return True  # "Japan's Finance Ministry", "Gordon Brown's Budget"
        rest = words[len(kept) :]
        return not any(is_place_word(words[i]) for i in kept) and all(
            stem_of(w.lower()) in _KIND_WORDS for w in rest
        )
    graded = all(grades(words[i]) for i in range(kept[-1]) if i not in kept)
    said_of = all(words[i][:1].isupper() for i in kept) or all(
        stem_of(w.lower()) in _ASPECTS for w in words[kept[-1] + 1 :]
    )
    return graded and said_of


def _is_name(label: str) -> bool:
    words = content_words(label)
    return bool(words) and all(w[:1].isupper() for w in words)


def _group_name(own: Counter[str], folded: Counter[str]) -> str:
    """A group's own label while it is used at least as often as any one label folded into it ("bank"
    over "World Bank"), else the folded label most used ("rugby union" over a rarely used "union")."""
    top_folded = folded.most_common(1)
    if own and (not top_folded or own.total() >= top_folded[0][1]):
        return own.most_common(1)[0][0]
    return top_folded[0][0]
