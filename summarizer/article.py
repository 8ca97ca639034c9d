"""Article: one news story, cleaned of site furniture, with a stable content id.

Parsing rules (all measured on the seed and ../shared/data/news):
- paragraphs are separated by blank lines; a file without blank lines has one paragraph per line;
- the first paragraph is the headline when it is short and does not end like a sentence (no closing
  period, or only an abbreviation's: "… PRESSURING U.S."), or when it is a short question or
  exclamation standing alone ("UKIP's secret weapon?"); otherwise a headline is derived from the key
  sentence (summarizer/headline/);
- bylines ("By Jane Doe") and contact trailers ("• Tom Howell Jr. can be reached at …") become the
  author and leave the body; comment-policy, newsletter and copyright lines are dropped;
- wire datelines ("NEW YORK, March 26 -", "Lausanne, Switzerland (CNN)") are split off the lead.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from summarizer.headline import derive_headline
from summarizer.lexicon import UNFINISHED_ENDINGS, is_place_name
from summarizer.names import is_all_caps
from summarizer.text import split_sentences, without_wire_markup

# Twice the longest story of ../shared/data: analysis cost grows faster than length (see analysis_prefix).
ANALYSIS_MAX_CHARS = 30_000
HEADLINE_MAX_CHARS = 160
HEADLINE_MAX_WORDS = 22
DERIVED_TITLE_MAX_CHARS = 90

_BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^please read our comment policy",
        r"^(click|tap) here (to|for)\b",
        r"^(sign up|subscribe) (for|to) (our|the)\b.*newsletter",
        r"^follow (us|\w+) on (twitter|facebook|instagram|x)\b",
        r"^(copyright|©|\(c\))\s*\d{0,4}",
        r"^all rights reserved\.?$",
        r"^this (material|article) may not be (published|reproduced)",
        r"^(read|see) more:",
        r"^share this (article|story)",
        r"^advertisement$",
        r"^related:\s",
        r"^from [\w.&' -]{2,40} \d{1,2}/\d{1,2}(?:/\d{2,4})?$",  # source line: "From Israeline 4/27/93"
    )
]
_CONTACT_TRAILER = re.compile(
    r"^[•·*\-–—]?\s*(?P<name>[A-Z][\w.'’\- ]{2,60}?)\s+(?:can be (?:reached|contacted)|is reachable)\s+at\b",
)
_BYLINE = re.compile(
    r"^(?:by|from)\s+(?P<name>[A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|and|de|van|von|da|del|la|le))*)"
    r"(?:\s*[,|/–—-]\s*(?P<org>[A-Z][\w .&'’-]{1,60}))?\s*$",
    re.IGNORECASE,
)
# "NEW YORK, March 26 -", "TAIPEI, April 11 -", "WASHINGTON (Reuters) -", "LONDON, Jan 5 (Reuters) -"
_WIRE_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'’\-]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([A-Za-z ]+\))?)\s+[-–—]{1,2}\s+"
)
# "Lausanne, Switzerland (CNN)", "(CNN)", "Washington (CNN) --", "Omaha, Nebraska (the Heartland Project)"
_PLACE_NAME = r"[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}"
_PLACE_SOURCE_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>{_PLACE_NAME}(?:, {_PLACE_NAME}){{0,2}} ?)?\((?P<source>[^()\n]{{1,40}})\))"
    r"\s*(?:[-–—]{1,2}\s*)?"
)
# News organisations whose name in brackets opens a story: "(CNN)", "(The Hollywood Reporter)".
NEWS_SOURCES = frozenset(
    s.casefold()
    for s in (
        "CNN",
        "CNN Student News",
        "CNNMoney",
        "CNN Money",
        "HLN",
        "Reuters",
        "AP",
        "AFP",
        "UPI",
        "Xinhua",
        "Bloomberg",
        "BBC",
        "CBS News",
        "NBC News",
        "ABC News",
        "Fox News",
        "Politico",
        "The Hollywood Reporter",
        "Hollywood Reporter",
        "Rolling Stone",
        "WIRED",
        "EW",
        "EW.com",
        "Entertainment Weekly",
        "Mashable",
        "Time",
        "Fortune",
        "Money",
        "Billboard",
        "Variety",
        "People",
        "The Verge",
        "TechCrunch",
        "Health.com",
        "Travel + Leisure",
        "Real Simple",
        "Cosmopolitan",
        "Essence.com",
        "Sports Illustrated",
        "SI.com",
        "Mental Floss",
        "InStyle",
        "Food & Wine",
        "Marie Claire",
        "The Daily Beast",
        "Business Insider",
    )
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# A wire desk's routing code after an item's last sentence: "… Oil World said.(XYGP 1330)", "(WHCB)" ending
# the paragraph. Glued to the full stop it hides the sentence end, and it is nothing a reader needs.
_ROUTING_CODE = re.compile(r"(?<=[.!?\"”])\s?\([A-Z]{4}(?: \d{4}\)(?=\s|$)|\)$)")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")  # "… PRESSURING U.S."
_QUESTION_OR_EXCLAMATION = re.compile(r"[?!][\"'”’)\]]*$")
HEADLINE_QUESTION_MAX_WORDS = 12


@dataclass(frozen=True)
class Article:
    """A cleaned story. `id` is a hash of the normalised body, so a re-post is stored once."""

    id: str
    headline: str
    body: str
    paragraphs: tuple[str, ...]
    headline_derived: bool = False
    author: str | None = None
    dateline: str | None = None
    source: str = ""
    url: str | None = None
    published: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        """Headline-free body text, paragraphs separated by blank lines (what summarizers read)."""
        return self.body

    def with_source(self, source: str, url: str | None = None, published: datetime | None = None) -> Article:
        return replace(self, source=source, url=url or self.url, published=published or self.published)


def analysis_prefix(article: Article, max_chars: int = ANALYSIS_MAX_CHARS) -> Article:
    """`article` cut to its first `max_chars` characters for analysis (summary, people, topics), at a
    paragraph end, else a sentence end, else a space. People matching is quadratic in the mentions, so a
    4.8 MB file read whole would take hours; news stories are far shorter and come back unchanged."""
    if len(article.body) <= max_chars:
        return article
    paragraphs: list[str] = []
    used = 0
    for para in article.paragraphs:
        if used + len(para) > max_chars:
            break
        paragraphs.append(para)
        used += len(para) + 2
    if not paragraphs:
        head = article.paragraphs[0][:max_chars] if article.paragraphs else article.body[:max_chars]
        stop = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
        paragraphs = [head[: stop + 1] if stop > 0 else head.rsplit(" ", 1)[0]]
    return replace(article, body="\n\n".join(paragraphs), paragraphs=tuple(paragraphs))


class ArticleError(ValueError):
    """The input cannot be read as an article (empty, binary, no body)."""


def content_id(body: str) -> str:
    """Stable id: SHA-256 of the body, case-folded, punctuation-insensitive, whitespace-collapsed."""
    norm = unicodedata.normalize("NFKC", body).casefold()
    norm = re.sub(r"[^\w]+", " ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs (hard-wrapped lines joined); one per line when there are no blanks
    or when the text has no sentence punctuation at all (joined lines would make one run-on sentence)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "")
    lines = [ln.rstrip() for ln in text.split("\n")]
    nonblank = [ln for ln in lines if ln.strip()]
    if not nonblank:
        return []
    has_blank_separators = re.search(r"\n[ \t]*\n", text.strip()) is not None
    if not has_blank_separators:
        return [_collapse(ln) for ln in nonblank]
    unpunctuated = _has_no_sentence_stop(text)
    paras: list[str] = []
    current: list[str] = []
    for ln in [*lines, ""]:
        if ln.strip():
            current.append(ln.strip())
        elif current:
            if unpunctuated:  # no sentence ends anywhere: each line is its own sentence, not one run-on
                paras.extend(_collapse(c) for c in current)
            else:
                paras.append(_collapse(" ".join(current)))
            current = []
    return paras


def _has_no_sentence_stop(text: str) -> bool:
    return _SENTENCE_STOP.search(text) is None


_SENTENCE_STOP = re.compile(r"[.!?…](?:[\"'”’)\]]*)(?:\s|$)")


def _collapse(s: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", s).strip()


_TRAILING_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)$")


def looks_like_headline(para: str) -> bool:
    """A first paragraph that is a headline: short, and not ending like a sentence; or a short question
    or exclamation standing alone ("UKIP's secret weapon?")."""
    para = _TRAILING_ELLIPSIS.sub("", para)  # "Peace talks ..." is a headline trailing off
    words = para.split()
    if not (0 < len(words) <= HEADLINE_MAX_WORDS and len(para) <= HEADLINE_MAX_CHARS):
        return False
    if para.startswith(("•", "-", "*", "(")):
        return False
    if _QUESTION_OR_EXCLAMATION.search(para):
        return len(words) <= HEADLINE_QUESTION_MAX_WORDS and len(split_sentences(para)) == 1
    return not _SENTENCE_END.search(para) or bool(_ABBREVIATION_END.search(para))


def is_boilerplate(para: str) -> bool:
    p = para.strip().lstrip("•·*-–— ").strip()
    return any(rx.search(p) for rx in _BOILERPLATE)


def byline_author(para: str) -> str | None:
    """The author named by a byline ("By Jane Doe, Reuters") or contact trailer, else None."""
    p = para.strip()
    m = _CONTACT_TRAILER.match(p)
    if m:
        return m.group("name").strip()
    if len(p) <= 80:
        m = _BYLINE.match(p)
        if m and len(m.group("name").split()) >= 2:
            return m.group("name").strip()
    return None


def is_known_place(name: str) -> bool:
    """Whether `name` ("Geneva", "Omaha, Nebraska", "Lausanne, Switzerland") names a known place: any of
    its comma-separated parts a country, a nationality's country, a listed city or a US state."""
    parts = [p.strip().casefold().replace("-", " ") for p in name.split(",")]
    return any(is_place_name(p) for p in parts if p)


def place_source_dateline(text: str) -> re.Match[str] | None:
    """A "Place (Source)" dateline opening `text`, but only where the bracket names a news source or the
    place is a known place: "The European Community (EC) and Comecon ended talks" is the subject."""
    m = _PLACE_SOURCE_DATELINE.match(text)
    if m is None or m.end() >= len(text):
        return None
    place = (m.group("place") or "").strip()
    if m.group("source").strip().casefold() in NEWS_SOURCES or (place and is_known_place(place)):
        return m
    return None


def split_dateline(lead: str) -> tuple[str | None, str]:
    """("NEW YORK, March 26", rest) for a wire dateline, ("Lausanne, Switzerland (CNN)", rest) for CNN."""
    m = place_source_dateline(lead)
    if m:
        return m.group("dateline").strip(), lead[m.end() :].lstrip()
    m = _WIRE_DATELINE.match(lead)
    if m and len(m.group("dateline")) >= 3:
        return m.group("dateline").strip(), lead[m.end() :].lstrip()
    return None, lead


_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    }
)


_TWO_LETTER_WORDS = frozenset(
    {
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "oh",
        "on",
        "or",
        "so",
        "to",
        "up",
        "we",
    }
)


_ACRONYM_IN_TEXT = re.compile(r"\b[A-Z][A-Z0-9&]+\b")
_ORDINAL = re.compile(r"^(\d+)(ST|ND|RD|TH)\b")


def display_headline(headline: str, body: str = "") -> str:
    """Wire headlines come in capitals ("TAIWAN ANNOUNCES NEW ROUND…"): show them in headline case.

    Headline case keeps proper nouns capitalised ("Shultz Begins Arms Talks With Shevardnadze"), which
    sentence case would lose; short function words stay lower case, dotted abbreviations (U.S.) upper,
    and so does any word the story itself writes in capitals ("BHP", "KMG"); "1ST" becomes "1st".
    """
    # "BP <BP> DOES NOT PLAN …": the ticker is markup, as in the body
    headline = without_wire_markup(headline)
    letters = [c for c in headline if c.isalpha()]
    if not (letters and sum(c.isupper() for c in letters) / len(letters) > 0.9 and len(letters) > 8):
        return headline
    acronyms = set() if is_all_caps(body) else set(_ACRONYM_IN_TEXT.findall(body))
    out = []
    for i, word in enumerate(headline.split()):
        lower = word.lower()
        spelled = word.strip("\"'“”‘’(),:;!?") in acronyms
        if spelled or ("." in word.strip(".") and len(word) <= 6):
            out.append(word)  # U.S., BHP as the story spells it
        elif i > 0 and lower in _SMALL_WORDS:
            out.append(lower)
        else:
            out.append("".join(_headline_word(part) for part in re.split(r"([-/])", word)))  # "Dutch/Shell"
    return " ".join(out)


def _headline_word(word: str) -> str:
    """Two-letter capitals that are not English words are abbreviations (BP, EC, UK): kept."""
    core = word.strip("\"'“”‘’(),:;!?")
    if len(core) == 2 and core.isalpha() and core.lower() not in _TWO_LETTER_WORDS:
        return word
    ordinal = _ORDINAL.match(word)
    if ordinal:
        return ordinal.group(1) + word[len(ordinal.group(1)) :].lower()
    lower = word.lower()
    for i, ch in enumerate(lower):
        if ch.isalpha():
            return lower[:i] + ch.upper() + lower[i + 1 :]
    return lower


_LEADING_CLAUSE = re.compile(
    r"^(?:As|While|After|When|Before|Although|Though|Despite|Amid|Following|With|Since|Once|If|Until|In|On"
    r"|At|During|Earlier|Later|Throughout|Under)\b"
    r"[^,]{8,120},\s+(?=[A-Z])"
)
_TITLE_BREAKS = re.compile(r",\s|\s(?:for|as|after|while|amid|because|but|and|with|on|in|to|at|over)\s")
DERIVED_TITLE_MIN_CHARS = 40


def derive_title(lead: str) -> str:
    """A title from the lead sentence: its main clause, cut at a phrase boundary when long.

    "As talks neared the endgame, U.S. Secretary of State John Kerry shied away…" gives "U.S. Secretary
    of State John Kerry shied away from predicting success"; a long sentence is cut before its last
    preposition or conjunction that keeps at most 90 characters, and only as a last resort mid-phrase.
    """
    sentences = split_sentences(lead)
    first = (sentences[0] if sentences else lead).strip().rstrip(".")
    main = _LEADING_CLAUSE.sub("", first)
    if len(main) >= DERIVED_TITLE_MIN_CHARS or len(main) >= len(first) * 0.5:
        first = main
    if len(first) <= DERIVED_TITLE_MAX_CHARS:
        return first
    cuts = [
        m.start()
        for m in _TITLE_BREAKS.finditer(first, 0, DERIVED_TITLE_MAX_CHARS + 1)
        if DERIVED_TITLE_MIN_CHARS <= m.start() <= DERIVED_TITLE_MAX_CHARS
        and first[: m.start()].rsplit(None, 1)[-1].lower() not in UNFINISHED_ENDINGS
    ]
    if cuts:
        return first[: cuts[-1]].rstrip(",;:—–- ")
    cut = first[:DERIVED_TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def parse_text(
    text: str,
    *,
    source: str = "",
    title: str | None = None,
    author: str | None = None,
    url: str | None = None,
    published: datetime | None = None,
) -> Article:
    """Parse plain text (or Markdown) into an Article. `title`/`author` from metadata win when given."""
    if "\x00" in text:
        raise ArticleError("binary content")
    paras = [_strip_markdown(p) for p in split_paragraphs(text)]
    paras = [p for p in paras if p]
    if not paras:
        raise ArticleError("no text")

    headline = title.strip() if title and title.strip() else None
    derived = False
    if headline is None and len(paras) > 1 and looks_like_headline(paras[0]):
        headline = _TRAILING_ELLIPSIS.sub("", paras.pop(0))
    elif headline is not None and paras and _same_text(paras[0], headline):
        paras.pop(0)

    body: list[str] = []
    found_author = author
    for p in paras:
        name = byline_author(p)
        if name:
            found_author = found_author or name
            continue
        if is_boilerplate(p) or (headline and len(body) < 3 and _same_text(p, headline)):
            continue  # site furniture, or the headline repeated under a source line
        body.append(_ROUTING_CODE.sub("", p))
    if not body:
        raise ArticleError("no body text")

    if headline and not derived:
        body[0] = _without_headline(body[0], headline)
    dateline, lead = split_dateline(body[0])
    if lead:
        body[0] = lead
    else:
        body.pop(0)
        if not body:
            raise ArticleError("no body text")
    if dateline:
        body = [body[0], *(_without_item_dateline(p) for p in body[1:])]
    if headline is None:
        headline = derived_headline(body)
        derived = True
    body_text = "\n\n".join(body)
    return Article(
        id=content_id(body_text),
        headline=display_headline(headline, body_text),
        body=body_text,
        paragraphs=tuple(body),
        headline_derived=derived,
        author=found_author,
        dateline=dateline,
        source=source,
        url=url,
        published=published,
    )


def derived_headline(paragraphs: Sequence[str]) -> str:
    """The headline of a story that came without one: the parsed rule's, else the lead's main clause."""
    return derive_headline("\n\n".join(paragraphs)) or derive_title(paragraphs[0])


def current_headline(article: Article) -> str:
    """The headline today's rules give a stored article: derived afresh when it was derived, else the
    given one as display_headline shows it now (wire tickers out, capitals in headline case). Without
    this an upgrade that improves headlines would leave every story already stored with the old one."""
    given = derived_headline(article.paragraphs) if article.headline_derived else article.headline
    return display_headline(given, article.body)


def _without_item_dateline(para: str) -> str:
    """A later paragraph of a wire round-up opening with its own dateline ("NEW YORK - Comex silver …"):
    the item starts after it. Only a known place is cut: "OIL SMALL TRADERS - long 31.8" is a table row."""
    m = _WIRE_DATELINE.match(para)
    if m and is_known_place(m.group("dateline").split("(")[0]) and m.end() < len(para):
        return para[m.end() :]
    return para


def _without_headline(para: str, headline: str) -> str:
    """ "Redesign Activities Update -- Following is…" under that headline: the story starts after the dash."""
    m = re.match(re.escape(headline.strip()) + r"\s*(?:--|—|–|:)\s*(?=\S)", para, re.IGNORECASE)
    return para[m.end() :] if m else para


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).casefold() == re.sub(r"\W+", "", b).casefold()


def _strip_markdown(p: str) -> str:
    p = re.sub(r"^#{1,6}\s+", "", p)
    p = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", p)
    p = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", p)
    p = re.sub(r"(\*\*|__)(.+?)\1", r"\2", p)
    return p.strip()
