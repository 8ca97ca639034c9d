"""Extractive summaries through sumy summarizers, all offline; `default` is our measured NewsRank.

`summarize(text, algorithm="default", sentences=3)` cleans site furniture off the text (agency
datelines, wire tickers ("<BRKN.S>"), by-line blocks and writers' "Follow @@handle" lines, "Scroll down
for video", "READ MORE: …" links, "(pictured)"-style pointers to pictures), parses it with
`OfflineTokenizer` and returns the chosen sentences in document order. Summarizers, the stemmer and the
stop words are built once per algorithm and language and reused; sumy parses each text once.
`SUMMARIZERS` maps each ranking algorithm (summarizer.algorithms) to the factory of its sumy
summarizer: a new algorithm is one name there and one entry here.
`language` is sumy's name for it ("german", see summarizer.language.sumy_language); English by default.

ROUGE on the CNN/DailyMail sample (bench/rouge.py) is why `default` is NewsRank and not a sumy method.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import numpy
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from summarizer.algorithms import ALGORITHMS, Algorithm
from summarizer.article import place_source_dateline
from summarizer.rankers.news import NewsRankSummarizer, RankParams
from summarizer.text import OfflineTokenizer, closed_quotes, split_sentences, without_wire_markup

LANGUAGE = "english"

# Edmundson's cue method: words that mark a sentence as reporting news, and words that mark captions,
# calls to action and chatter. Null words are the stop words.
# fmt: off
EDMUNDSON_BONUS_WORDS = (
    "announced", "announce", "confirmed", "according", "reported", "revealed", "found", "said", "says",
    "officials", "official", "police", "government", "president", "minister", "court", "agreed",
    "killed", "died", "arrested", "charged", "won", "lost", "first", "new", "will", "plans", "deal",
)
EDMUNDSON_STIGMA_WORDS = (
    "click", "scroll", "video", "pictured", "photo", "photos", "image", "subscribe", "follow", "twitter",
    "facebook", "instagram", "comment", "comments", "advertisement", "read", "watch", "here", "i", "me",
    "my", "you", "your", "we", "our", "perhaps", "maybe",
)
# fmt: on

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_LEADING_FURNITURE = (
    # "(CNN)", "Lausanne, Switzerland (CNN) -- ", "(The Hollywood Reporter)", "(WIRED)": a known news source
    # in brackets or a known place before them (summarizer.article.place_source_dateline), never "The
    # European Community (EC)"
    place_source_dateline,
    # CNN Student News: "March 10, 2015 . "
    re.compile(rf"^(?:{_MONTHS}) \d{{1,2}}, \d{{4}}\s+\.\s+"),
    # Daily Mail: "By . Daily Mail Reporter . PUBLISHED: . 12:00 EST, 1 January 2014 . | . UPDATED: . …"
    re.compile(r"^By \. (?:[^.]{1,60}? \. )(?:and [^.]{1,60}? \. )?(?:\| \. )?"),
    re.compile(r"^(?:PUBLISHED|UPDATED|Last updated)(?::| at) \.? ?[^|]{1,60}?\d{4} \.(?: \| \.)? ?"),
    # By-line without the dots: "By Sam Webb for MailOnline . ", "By Jo Lee and Al Roe for the Daily Mail . "
    re.compile(
        r"^By (?:[A-Z][\w'’\-]*\.? ){1,4}(?:and (?:[A-Z][\w'’\-]*\.? ){1,4})?for (?:the )?"
        r"[A-Z][\w]*(?: [A-Z][\w]*){0,3}\s*\.\s+"
    ),
    # A writer's social-media handle under the by-line: "Follow @@ChrisWheelerDM . "
    re.compile(r"^Follow @{1,2}\w+(?: on Twitter)?\s*\.?\s+"),
)
_INLINE_FURNITURE = re.compile(
    r"\bScroll down for (?:the )?videos?\b"
    r"|(?<![\w@])Follow @{1,2}\w+(?: on Twitter)?(?:\s*\.(?=\s|$))?"
    r"|\bREAD MORE:(?:[^.!?]|\.(?!\s))*?(?:\s\.|(?=READ MORE)|$)"
    r"|\b(?:CLICK|Click) HERE\b[^.!?]{0,80}[.!?]?"
)

# Pointers to pictures inside a sentence: "Mr Smith (pictured) said", "the pair (left and right)"
_IMAGE_REFERENCE = re.compile(
    r" ?\((?:(?:also |both |main |top |bottom |inset |file )?(?:pictured|picture|photo|image)"
    r"(?: (?:left|right|above|below|centre|center|top|bottom|inset|main|with [^()]{1,40}|in [^()]{1,40}"
    r"|on [^()]{1,40}|at [^()]{1,40}|here|together|today|earlier|last [a-z]+|in \d{4}))*"
    r"|(?:left|right|above|below|centre|center|top|bottom|inset)"
    r"(?:,? (?:and|to|top|bottom|left|right|centre|center|above|below)){0,3})\)",
    re.IGNORECASE,
)


def clean_text(text: str) -> str:
    """`text` without news-site furniture before and inside the story; paragraphs are kept."""
    text = without_wire_markup(text)
    text = _IMAGE_REFERENCE.sub("", text).strip()
    changed = True
    while changed:
        changed = False
        for rx in _LEADING_FURNITURE:
            m = rx(text) if callable(rx) else rx.match(text)
            if m and m.end() < len(text):
                text = text[m.end() :].lstrip()
                changed = True
    return _INLINE_FURNITURE.sub("\n\n", text).strip()


@cache
def _tokenizer(language: str = LANGUAGE) -> OfflineTokenizer:
    return OfflineTokenizer(language)


@cache
def _stop_words(language: str = LANGUAGE) -> frozenset[str]:
    return frozenset(get_stop_words(language))


# A summarizer is made from a stemmer and stop words (both for the article's language).
SummarizerFactory = Callable[[Stemmer, frozenset[str]], AbstractSummarizer]


def _sumy(cls: type[AbstractSummarizer]) -> SummarizerFactory:
    """A factory for one of sumy's summarizer classes, set up as sumy's own command line does."""

    def build(stemmer: Stemmer, stop_words: frozenset[str]) -> AbstractSummarizer:
        summarizer = cls(stemmer)
        summarizer.stop_words = stop_words
        return summarizer

    return build


def _edmundson(stemmer: Stemmer, stop_words: frozenset[str]) -> AbstractSummarizer:
    """Edmundson's cue method with our news words; its null words are the stop words."""
    summarizer = EdmundsonSummarizer(stemmer)
    summarizer.bonus_words = EDMUNDSON_BONUS_WORDS
    summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
    summarizer.null_words = stop_words
    return summarizer


def _newsrank(stemmer: Stemmer, stop_words: frozenset[str]) -> AbstractSummarizer:
    return NewsRankSummarizer(stemmer, RankParams(), stop_words)


# Every algorithm that ranks a sumy document, as sumy's command line lists its methods. `lead` is not
# here: it takes the first sentences of the cleaned text without ranking (see `summarize`).
SUMMARIZERS: dict[Algorithm, SummarizerFactory] = {
    Algorithm.DEFAULT: _newsrank,
    Algorithm.LEXRANK: _sumy(LexRankSummarizer),
    Algorithm.TEXTRANK: _sumy(TextRankSummarizer),
    Algorithm.LSA: _sumy(LsaSummarizer),
    Algorithm.LUHN: _sumy(LuhnSummarizer),
    Algorithm.KL: _sumy(KLSummarizer),
    Algorithm.SUMBASIC: _sumy(SumBasicSummarizer),
    Algorithm.EDMUNDSON: _edmundson,
    Algorithm.REDUCTION: _sumy(ReductionSummarizer),
}


def get_summarizer(algorithm: str, language: str = LANGUAGE) -> AbstractSummarizer:
    """The sumy summarizer for `algorithm` and `language`, built once and reused.

    Raises ValueError for `lead` (it ranks nothing) and for an unknown name.
    """
    return _built_summarizer(Algorithm(algorithm), language)  # one cache entry for "lsa" and Algorithm.LSA


@cache
def _built_summarizer(algorithm: Algorithm, language: str) -> AbstractSummarizer:
    factory = SUMMARIZERS.get(algorithm)
    if factory is None:
        raise ValueError(f"{str(algorithm)!r} has no sumy summarizer: it keeps the first sentences")
    return factory(Stemmer(language), _stop_words(language))


def parse(text: str):
    """The sumy document of `text` as `summarize` sees it (cleaned, split offline)."""
    return PlaintextParser.from_string(clean_text(text), _tokenizer()).document


def summarize(
    text: str, algorithm: str = "default", sentences: int = 3, language: str = LANGUAGE
) -> list[str]:
    """Up to `sentences` sentences of `text` chosen by `algorithm`, in document order, with sumy's
    stemmer and stop words for `language`.

    Raises ValueError for an unknown algorithm. Empty text gives []; a text with no more sentences than
    asked for is returned whole, whatever the algorithm. A sentence cut from a quotation that runs on gets
    the quotation mark it lacks (`closed_quotes`).
    """
    try:
        name = Algorithm(algorithm.strip().lower())
    except ValueError:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose one of: {', '.join(ALGORITHMS)}") from None
    if sentences < 1 or not text or not text.strip():
        return []
    return [closed_quotes(s) for s in _chosen(clean_text(text), name, sentences, language)]


def _chosen(cleaned: str, name: Algorithm, sentences: int, language: str) -> list[str]:
    if name is Algorithm.LEAD:
        return split_sentences(cleaned)[:sentences]
    document = PlaintextParser.from_string(cleaned, _tokenizer(language)).document
    all_sentences = document.sentences
    if len(all_sentences) <= sentences:
        return [str(s) for s in all_sentences]
    if not any(s.words for s in all_sentences):  # nothing but numbers and punctuation: keep the lead
        return [str(s) for s in all_sentences[:sentences]]
    # LexRank's power method divides by zero when no two sentences share a word; its ranking is then
    # arbitrary but harmless, so keep numpy quiet about it.
    with numpy.errstate(divide="ignore", invalid="ignore"):
        return [str(s) for s in get_summarizer(name, language)(document, sentences)]
