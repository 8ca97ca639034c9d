"""The key sentence as text, before any parse: what the parser is given to read (asides and quotation
marks out, "e-mail" one word: `plain`) and "e-mail" spelled back as the story writes it; and the rule's
headline where there is no model (`rule_headline`): the sentence's main clause, cut at a phrase boundary.
"""

from __future__ import annotations

import re

from summarizer.headline.parsing import ARTICLES, QUANTITY_AFTER_A
from summarizer.headline.sentence_choice import KEY_SENTENCE_MIN_WORDS
from summarizer.headline.short_names import written_short
from summarizer.lexicon import UNFINISHED_ENDINGS, word_list

# A headline never ends on one of these: the phrase would be visibly unfinished.
DANGLING = (
    UNFINISHED_ENDINGS
    | frozenset({"'s", "’s"})
    | frozenset(
        word_list(
            """
            about according after against and as at because before being between but by due during for from he
            him i if in into it less more most must my no nor not on onto or our over s she so
            such than thanks them there these they this those to under up us versus very vs we while whom
            whose with without you your
            """
        )
    )
)


def plain(sentence: str, scan: str, aside: str = "") -> str:
    """What the parser reads of a key sentence: asides and quotation marks out. `aside`: what stands
    where an aside was: nothing, or a comma when the sentence does not parse without one ("In an
    interview ahead of his U.S. tour -- and of his anniversary -- Prince Charles paid tribute" reads
    "tour Prince Charles" as one name); "e-mail" as one word, which the model splits in three ("desktop
    search fray -mails")."""
    sentence = _E_MAIL.sub(r"\1mail", written_short(sentence, scan))
    dashed = _GLUED_DASH.sub(" - ", sentence)
    bare = _ASIDE.sub(lambda m: aside if m.end() < len(dashed) else "", dashed)  # none at the end
    if len(bare.split()) < KEY_SENTENCE_MIN_WORDS:
        bare = sentence
    return _DOUBLE_QUOTES.sub("", bare)  # quoted words parse as their sentence's words; a headline has none


_E_MAIL = re.compile(r"\b([eE])-mail")
_EMAIL = re.compile(r"\b([eE])mail")


def spelled_as_in(scan: str, headline: str) -> str:
    """The headline with "e-mail" hyphenated again where the story writes it so (`plain` joins it
    for the parser)."""
    return _EMAIL.sub(r"\1-mail", headline) if _E_MAIL.search(scan) else headline


# Asides a headline never keeps: "(£8.82bn)", " - a seven-month high", " -- and ahead of … -- ".
# "two airlines- US Airways and Delta's Comair subsidiary - after": a dash typed against the word before
# opens an aside all the same; not "pre- and post-war" (a hyphen suspended till the next word)
_GLUED_DASH = re.compile(r"(?<=[^\W\d])-\s+(?!(?:and|or|to|nor)\b)")
_ASIDE = re.compile(r"\s\([^()]{0,80}\)|\s[-–—]{1,2}\s.*?(?:\s[-–—]{1,2}(?=\s)|$)")
_DOUBLE_QUOTES = re.compile(r"[\"“”]")


# -- the rule, when there is no model -----------------------------------------------------------
_LEADING_CLAUSE = re.compile(
    r"^(?:As|While|After|When|Before|Although|Though|Despite|Amid|Following|With|Since|Once|If|Until|In|On"
    r"|At|During|Earlier|Later|Throughout|Under)\b[^,]{8,120},\s+(?=\w)"
)
ATTRIBUTION = re.compile(
    r",\s+(?:[\w.'’-]+\s+){0,5}(?:said|says|told \w+|reported|announced|shows?|showed|suggests?|suggested"
    r"|found|finds|reveals?|revealed|indicates?|indicated)\s*\.?$"
)


def _loose_article(words: list[str], i: int) -> bool:
    """An article the rule's headline leaves out: the first word, or one before a lower-case word ("opening
    of [the] official …"); one before a capital may open a name or title ("the Liberal Democrats", "Fish in
    the Dark")."""
    if words[i].lower() not in ARTICLES or (i > 0 and not words[i].islower()):
        return False
    if i + 1 < len(words) and words[i + 1].lower() in QUANTITY_AFTER_A:
        return False  # "a few protesters" is not "few protesters"
    return i == 0 or (i + 1 < len(words) and words[i + 1][:1].islower())


def rule_headline(sentence: str, max_words: int) -> str:
    text = sentence.strip().rstrip(".")
    main = _LEADING_CLAUSE.sub("", text)
    if len(main.split()) >= 5:
        text = main
    text = ATTRIBUTION.sub("", text)
    text = _DOUBLE_QUOTES.sub("", text)  # as the parsed headlines: no quotation marks, no articles
    words = re.split(r",\s|;\s|\s[-–—]{1,2}\s", text, maxsplit=1)[0].split()
    words = [w for i, w in enumerate(words) if not _loose_article(words, i)][:max_words]
    while words and words[-1].lower().strip(".,;:") in DANGLING:
        words.pop()
    text = " ".join(words).rstrip(",;:")
    return text[:1].upper() + text[1:]
