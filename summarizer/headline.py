"""Headlines for stories published without one: the key sentence compressed to headline style.

`derive_headline(body)` picks the story's key sentence (the first sentence of the cleaned body that
reads as a statement: not a quote nor inside one, not a question, long enough; after an opening
quotation it may lie up to six sentences in) and compresses it the way a sub-editor would: the main
clause only (a leading "As talks neared the endgame," and a trailing ", officials
said" go), attribution dropped ("X said Y" gives Y) unless the claim names no one and X is named ("The
government should change the law, the TUC said" → "TUC says government should change law"),
appositives, relative clauses and time phrases dropped (a common-noun subject goes by the name it is
given in apposition: "operator Eurotunnel" → "Eurotunnel"), articles dropped, "United States" written
short as the story writes it elsewhere ("U.S." or "US"), the verb in the headline present ("shied
away" → "shies away", "has won" → "wins", "was arrested" → "arrested", "will open" and "is going to
open" → "to open"),
low-information words left out (possessives, lone adverbs, a bare "is", counts, "a series of"),
names the story abbreviates written as their initials ("General Motors (GM)" → "GM"), modifiers whose
words the story never repeats dropped (rarest first: words a story repeats are its subject, those it
says once are detail), then prepositional phrases pruned from the right until it has at most
`max_words` words, never ending on a function word nor on a verb whose object or clause was cut ("sees
[sales fall]"). The budget, the word classes, the mentions and floor of that pruning, the phrases kept
and whether a speaker is credited are chosen by cross-validation in bench/headlines.py.

The parse comes from spaCy's small English model (summarizer/ner.py loads it once); without the model
rules do a plainer job: the lead sentence's main clause, cut at a phrase boundary.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from summarizer import ner
from summarizer.lexicon import DAYS, MONTHS, NAME_PARTICLES, UNFINISHED_ENDINGS, word_list
from summarizer.text import quote_marks, split_sentences, split_words, without_wire_markup

HEADLINE_MAX_WORDS = 12
KEY_SENTENCE_MIN_WORDS = 6
# Low-information word classes a headline leaves out (see `_low_information`); chosen by cross-validation
# in bench/headlines.py.
WORD_CLASSES = ("possessives", "adverbs", "copulas", "counts", "of-phrases")
DROP_CLASSES: frozenset[str] = frozenset(WORD_CLASSES)
# A modifier or phrase stays only if one of its content words recurs in the story at least this often (1:
# all stay): words a story repeats are its subject, those it says once are detail. Chosen by cross-validation.
MIN_MENTIONS = 2
SALIENCE_SCAN_CHARS = 20_000
SALIENCE_MIN_WORDS = 80  # a story shorter than this has no detail to tell apart
DETAIL_FLOOR_WORDS = 5
# Phrases kept after the verb and its object (None: as many as fit); chosen by cross-validation.
TRAILING_PHRASES: int | None = 1
# Whose claim a headline credits ("Volcker warns …"): "none", "names" (named speakers) or "all";
# chosen by cross-validation.
SPEAKERS = "names"
KEY_SENTENCE_SCAN_CHARS = 5_000  # the first sentences are all it reads, however long the story
KEY_SENTENCE_LOOKAHEAD = 3  # the key sentence is among the first three sentences of the story

# Verbs of saying: "X said Y" is headlined as Y.
_SPEECH_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "report",
        "state",
        "claim",
        "insist",
        "warn",
        "announce",
        "confirm",
        "reveal",
        "believe",
        "think",
        "write",
        "explain",
        "argue",
        "note",
        "suggest",
        "admit",
        "predict",
        "hear",
        "show",
        "learn",
        "find",
        "quote",
    }
)
_TIME_WORDS = (
    DAYS
    | MONTHS
    | frozenset(
        word_list(
            """
            yesterday today day tonight tomorrow week weekend month year morning afternoon evening night
            earlier later recently here there
            """
        )
    )
)
# A headline never ends on one of these: the phrase would be visibly unfinished.
_DANGLING = (
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
# ... but an object pronoun ends a headline as it ends a clause: "police officer shoots him"
_PERSONAL_OBJECTS = frozenset({"him", "her", "them", "us", "me"})
# Dependents that a headline keeps of its clause's verb; everything else is dropped.
_CLAUSE_KEEP = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "aux",
        "auxpass",
        "neg",
        "prt",
        "dobj",
        "dative",
        "attr",
        "acomp",
        "oprd",
        "xcomp",
        "ccomp",
        "prep",
        "agent",
        "expl",
        "advmod",
        "compound",
        "pcomp",
        "pobj",
        "npadvmod",
    }
)
# Inside a kept phrase, these subtrees go.
_PHRASE_DROP = frozenset(
    {
        "relcl",
        "appos",
        "punct",
        "advcl",
        "parataxis",
        "cc",
        "conj",
        "mark",
        "meta",
        "intj",
        "dep",
        "preconj",
        "predet",
    }
)
_ARTICLES = frozenset({"a", "an", "the"})
_PARTICLE_ADVERBS = frozenset(
    {
        "away",
        "back",
        "up",
        "down",
        "out",
        "off",
        "in",
        "on",
        "over",
        "not",
        "never",
        "again",
        "apart",
        "ahead",
        "home",
        "abroad",
    }
)
_QUOTE_OPEN = ('"', "“", "‘", "'")


def derive_headline(
    body: str,
    max_words: int = HEADLINE_MAX_WORDS,
    *,
    drop: frozenset[str] = DROP_CLASSES,
    phrases: int | None = TRAILING_PHRASES,
    mentions: int = MIN_MENTIONS,
    floor: int = DETAIL_FLOOR_WORDS,
    speakers: str = SPEAKERS,
) -> str:
    """A headline of at most `max_words` words for a story that has none (see the module doc). The key
    sentence is compressed; when the parse gives nothing and a feature lead's opening was passed over for
    it, that opening is tried; else the rule cuts the key sentence."""
    candidates = [re.sub(r"\s+", " ", s).strip() for s in key_sentences(body)]
    if not candidates or not candidates[0]:
        return ""
    scan = body[:KEY_SENTENCE_SCAN_CHARS]
    counts = _mention_counts(body[:SALIENCE_SCAN_CHARS]) if mentions > 1 else None
    # each candidate as it reads with its asides cut, then with a comma in their place, then without a
    # closing attribution the parse could not read past: in order, once; with whether the sentence quotes
    # someone's words, which a reading no longer marks
    readings: dict[str, bool] = {}
    for s in candidates:
        quoted = bool(_QUOTED_WORDS.search(s))
        for reading in (_plain(s, scan), _plain(s, scan, ","), _ATTRIBUTION.sub(".", _plain(s, scan))):
            readings.setdefault(reading, quoted)
    for reading, quoted in readings.items():
        parsed = _parse(reading)
        if parsed is None:
            break  # no model: the rule
        headline = _compress(*parsed, max_words, drop, phrases, counts, mentions, floor, speakers, quoted)
        if headline and not _CLITIC.match(headline):
            return _spelled_as_in(scan, headline)
    return _rule_headline(_written_short(candidates[0], scan), max_words)


# a contraction's tail left where its word was cut ("'s bold pledge some" of "It's a bold pledge, some might
# say"): no headline opens so
_CLITIC = re.compile(r"(?:['’](?:s|re|ll|ve|d|m)|n['’]t)\b", re.IGNORECASE)


def _written_short(sentence: str, scan: str) -> str:
    """The sentence with the story's abbreviations, and the United States as the story writes it short."""
    sentence = _abbreviate(sentence, scan)
    return _UNITED_STATES.sub("U.S." if "U.S." in scan else "US", sentence)


def _plain(sentence: str, scan: str, aside: str = "") -> str:
    """What the parser reads of a key sentence: asides and quotation marks out. `aside`: what stands
    where an aside was: nothing, or a comma when the sentence does not parse without one ("In an
    interview ahead of his U.S. tour -- and of his anniversary -- Prince Charles paid tribute" reads
    "tour Prince Charles" as one name); "e-mail" as one word, which the model splits in three ("desktop
    search fray -mails")."""
    sentence = _E_MAIL.sub(r"\1mail", _written_short(sentence, scan))
    dashed = _GLUED_DASH.sub(" - ", sentence)
    plain = _ASIDE.sub(lambda m: aside if m.end() < len(dashed) else "", dashed)  # none at the end
    if len(plain.split()) < KEY_SENTENCE_MIN_WORDS:
        plain = sentence
    return _DOUBLE_QUOTES.sub("", plain)  # quoted words parse as their sentence's words; a headline has none


_E_MAIL = re.compile(r"\b([eE])-mail")
_EMAIL = re.compile(r"\b([eE])mail")


def _spelled_as_in(scan: str, headline: str) -> str:
    """The headline with "e-mail" hyphenated again where the story writes it so (`_plain` joins it
    for the parser)."""
    return _EMAIL.sub(r"\1-mail", headline) if _E_MAIL.search(scan) else headline


# Headlines write the country short, as the story does elsewhere ("U.S." on the wire, "US" at the BBC);
# "the United States' attack" → "U.S. attack"
_UNITED_STATES = re.compile(
    r"\b(?:[Tt]he\s+)?United\s+States\b(?!\s+(?:of|Steel|Trust|Air|Postal|Senate|Congress))(?:['’](?!\w))?"
)

# "the Securities and Exchange Commission (SEC)": the name, then its initials in brackets
_DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+(?:(?:and|of|for|the|&)\s+)*){2,8})\(([A-Z][A-Za-z&]{1,5})\)"
)
_NAME_LINKS = frozenset({"and", "of", "for", "the", "&"})


def _abbreviate(sentence: str, body: str) -> str:
    """Names the story abbreviates go by their initials, as headlines write them: "Fiat and General
    Motors (GM) have until midnight" → "Fiat and GM have until midnight"; "The Broken Hill Pty Co Ltd
    <BRKN.S> (BHP)" → "BHP" (a wire's ticker and the company's suffixes are no part of the initials)."""
    for m in _DEFINED_ACRONYM.finditer(without_wire_markup(body)):
        acronym = m.group(2)
        words = m.group(1).split()
        while len(words) > 2 and words[-1].lower().strip(".,") in _COMPANY_SUFFIXES:
            words.pop()  # "Pty Co Ltd": the initials end before "Co Ltd", the name replaced holds them
        suffix = m.group(1).split()[len(words) :]
        initials = [w[0] for w in words if w.lower() not in _NAME_LINKS]
        letters = [c for c in acronym if c.isupper()]
        if len(letters) < 2 or len(letters) > len(initials):
            continue
        if "".join(initials[-len(letters) :]) != "".join(letters):
            continue
        # the tail of the capitalised run whose initials spell the acronym, links between its words included
        start, seen = len(words), 0
        while seen < len(letters):
            start -= 1
            seen += words[start].lower() not in _NAME_LINKS
        name = " ".join(words[start:] + suffix)
        sentence = re.sub(
            rf"(?:\b[Tt]he\s+)?(?<!\w){re.escape(name)}(?!\w)(?:\s*\({re.escape(acronym)}\))?",
            acronym,
            sentence,
        )
    return sentence


def key_sentence(body: str) -> str:
    """The story's key sentence: the first of its first sentences that states something."""
    return key_sentences(body)[0]


def key_sentences(body: str) -> list[str]:
    """The key sentence (`key_sentence`), then the feature lead's opening passed over for it, if any
    ("It is a formal scene"): a headline falls back on it when the key sentence does not parse."""
    from summarizer.summarize import clean_text  # summarize imports sumy: load it only when needed

    # a story opening with a quotation several sentences long states its news after it: look as far again
    sentences = split_sentences(clean_text(body[:KEY_SENTENCE_SCAN_CHARS]))[: 2 * KEY_SENTENCE_LOOKAHEAD]
    sentences = [_DATELINE.sub("", s, count=1) for s in sentences]
    quoting = False  # inside a quotation that an earlier sentence opened
    opened = False  # the story opens with a quotation
    unnamed = ""  # the first statement whose subject is a pronoun: the key sentence if no other comes
    skipped = 0  # such statements passed over: the look-ahead goes as much further
    for n, s in enumerate(sentences):
        words = split_words(s)
        quoted = quoting or s.startswith(_QUOTE_OPEN)
        opened = opened or (n == 0 and quoted)
        quoting = _still_quoting(quoting, s)
        if n >= KEY_SENTENCE_LOOKAHEAD + skipped and not opened:
            break
        if opened and _POINTS_BACK.match(s):
            continue  # '"This is a test for Serena …" Those were the words of …': about the quotation
        if len(words) >= KEY_SENTENCE_MIN_WORDS and not quoted and not s.rstrip("\"'”’ ").endswith("?"):
            if (_unnamed_subject(s) and not _NAME_LATER.search(s)) or _verbless(s):
                unnamed = unnamed or s
                skipped += 1
                continue
            return [s, unnamed] if unnamed else [s]
    return [unnamed or (sentences[0] if sentences else "")]


# A feature lead's scene-setting, whose subject the story has not named yet: "They were known for their
# quiet professionalism", "It is a formal scene", "This is what it's come to"; and the writer's or a
# speaker's own voice: "I remember the first time", "We offer our condolences", "You're under
# investigation". A headline needs the sentence that names who or what.
_UNNAMED_SUBJECT = re.compile(
    r"(?:It|They|He|She|I|We|You)(?:['’]\w+)?\s"
    r"|(?:This|That|These|Those|There)(?:['’]s\s|\s+(?:is|was|are|were|has|had|have|may|might|will|would)\s)"
)


# ... unless it names one after all: "He doesn't wear a uniform, but Hadi Al-Amari is a military leader"
_NAME_LATER = re.compile(r"\bbut\s+(?:the\s+)?[A-Z]")


_DEICTIC = frozenset({"it", "they", "he", "she", "this", "that", "these", "those", "there"})
_VOICE = frozenset({"i", "we", "you"})  # who writes or speaks: no subject a headline can name


def _unnamed_subject(sentence: str) -> bool:
    """Whether the sentence's subject is a pronoun the story has not yet named, after an opening phrase
    too ("In fairy tales, it's usually the princess that needs protecting"); without the model, whether
    the sentence opens with one."""
    parsed = _parse(sentence)
    if parsed is None:
        return bool(_UNNAMED_SUBJECT.match(sentence))
    root = _root(parsed[0])
    if root is None:
        return False
    # the subject of what is reported, or who reports it: "Freeport-McMoran Gold said it will explore"
    # names its subject
    subjects = [_subject(_content_clause(root)), _subject(root)]
    if root.i == 0 and root.tag_ == "VB" and subjects[1] is None:
        return True  # the reader told what to do: "Find out who's attempting to circumnavigate the globe"
    # the writer's or a speaker's voice too ("I still remember the first time I read", "In Washington, we
    # are seeing"); not after a condition ("If you were a minority, you could not have done a better job
    # than the white leaders of Ferguson": an argument's "you")
    conditional = parsed[0][0].dep_ == "mark"
    unnamed = _DEICTIC if conditional else _DEICTIC | _VOICE
    return all(s is None or (s.lower_ in unnamed and not list(s.children)) for s in subjects) and any(
        s is not None for s in subjects
    )


def _verbless(sentence: str) -> bool:
    """A scene set without a verb of its own: "A room in a far flung corner of Afghanistan where a serious
    lecture is happening, ...; some are just impoverished" (the verbs are a relative clause's and a later
    clause's). False without the model."""
    parsed = _parse(sentence)
    if parsed is None:
        return False
    doc = parsed[0]
    root = _root(doc)
    # a noun phrase opening it that the parser attaches to nothing ("dep") is a fragment set before a verb
    # further on ("...; some are just impoverished")
    loose_start = any(t.dep_ == "dep" and t.pos_ in ("NOUN", "PROPN") for t in doc[:3])
    return root is not None and (root.pos_ not in ("VERB", "AUX") or loose_start)


# A sentence about the quotation before it: "Those were the words of …", "That is how …", "So said …"
_POINTS_BACK = re.compile(
    r"(?:(?:This|That|These|Those)(?:\s+(?:is|was|are|were)\b|['’]s\b)|So\s+(?:said|says)\b)"
)


def _still_quoting(quoting: bool, sentence: str) -> bool:
    """Whether a quotation is still open after this sentence: '"This is a test. We\'re going to find
    out." Those were the words of ...' quotes two sentences, and the second is not the story's statement."""
    straight = set(quote_marks(sentence))  # not an inch mark (6'2") nor one typed for an apostrophe
    for i, c in enumerate(sentence):
        if i in straight:
            quoting = not quoting
        elif c in "“”":
            quoting = c == "“"
    return quoting


# "NEW YORK, MARCH 11 - ", "Chicago, April 1 - ": a wire dateline the cleanup left in front of the lead
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3},\s+)?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-zA-Z]*\.?\s+\d{1,2}\s+[-–—]+\s+"
)


# -- the parse ---------------------------------------------------------------------------------------
# Asides a headline never keeps: "(£8.82bn)", " - a seven-month high", " -- and ahead of … -- ".
# "two airlines- US Airways and Delta's Comair subsidiary - after": a dash typed against the word before
# opens an aside all the same; not "pre- and post-war" (a hyphen suspended till the next word)
_GLUED_DASH = re.compile(r"(?<=[^\W\d])-\s+(?!(?:and|or|to|nor)\b)")
_ASIDE = re.compile(r"\s\([^()]{0,80}\)|\s[-–—]{1,2}\s.*?(?:\s[-–—]{1,2}(?=\s)|$)")
_DOUBLE_QUOTES = re.compile(r"[\"“”]")
# words a sentence quotes inside it, two or more and not only a name's ("Top Gear"): the speaker's own
_QUOTED_WORDS = re.compile(r"(?<=\w)[,:]?\s+[\"“](?=[^\"“”]*\s)(?=[^\"“”]*\b[a-z])[^\"“”]*[\"”]")  # linear
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
# Dependents dropped from the right, innermost first, until the headline fits.
_PRUNABLE = frozenset(
    {"prep", "acl", "relcl", "advcl", "conj", "appos", "npadvmod", "ccomp", "xcomp", "agent", "dative"}
)
_LOOSE_ADVERBS = frozenset(
    {
        "now",
        "also",
        "still",
        "already",
        "just",
        "yet",
        "ever",
        "even",
        "currently",
        "recently",
        "today",
        "here",
        "there",
        "then",
        "so",
        "too",
        "meanwhile",
        "however",
    }
)


@lru_cache(maxsize=1024)
def _parse(sentence: str) -> tuple[Any, tuple[tuple[int, int], ...]] | None:
    """The dependency parse of `sentence` and its PERSON spans; None without the model. Cached: a
    benchmark derives several headlines from one sentence."""
    nlp = ner.get_parser()
    if nlp is None:
        return None
    spans = ner.person_spans([sentence]) or [[]]
    return nlp(sentence), tuple(spans[0])


def _compress(
    doc: Any,
    persons: tuple[tuple[int, int], ...],
    max_words: int,
    drop: frozenset[str],
    phrases: int | None,
    counts: Counter[str] | None = None,
    mentions: int = 1,
    floor: int = DETAIL_FLOOR_WORDS,
    speakers: str = SPEAKERS,
    quoted: bool = False,
) -> str:
    root = _root(doc)
    if root is None:
        return ""
    verb = _content_clause(root)
    subject = _subject(verb)
    # "will not be re-drafted" parsed with "re" for the verb: the rules do better; "X outspent Y, new
    # figures show" with "outspent" read as a noun would be headlined "New figures show"
    if not _verbal(verb) or not subject or _hyphen_glued(verb) or (verb is root and _attribution_alone(root)):
        return ""
    verb, kept = _main_clause(verb, subject)
    kept |= _glued(doc, kept)
    speaker = _subject(root) if verb is not root else None
    back = speaker is not None and not _expletive(subject, verb) and _refers_back(subject, speaker)
    if speaker is not None and back and speaker.lower_ not in _PRONOUNS:
        # "Absa said it is in talks" → "Absa is in talks"; "X said it and Y signed" → "X and Y sign"
        partners = {t.i for c in subject.children if c.dep_ in ("cc", "conj") for t in c.subtree}
        kept -= {t.i for t in subject.subtree} - partners
        kept |= _phrase(speaker)
    # what ought to happen is its speaker's opinion, named or not: "Committee says … should be set up"
    # and so is what it says of a person in quoted words: "Netanyahu is trying to create 'an atmosphere of
    # hysteria,' the Iranian foreign minister said" is the minister's charge, not the news
    opinion = _urged(verb) or (quoted and any(s <= subject.idx < e for s, e in persons))
    kind = "all" if opinion and speakers != "none" else speakers
    claimed = opinion or _unnamed(subject, verb)
    credit = _credit(doc, root, speaker, persons, kind) if not back and claimed else ""
    subject = speaker if back else _subject(verb)
    if subject is not None:
        kept -= _short_subject(subject)
        name = _appositive_name(subject)
        if name is not None:  # "Channel Tunnel operator Eurotunnel has seen" → "Eurotunnel sees"
            kept = (kept - {t.i for t in subject.subtree}) | _phrase(name)
    kept = _objects_by_name(kept, verb)
    kept -= _name_padding(doc, persons)
    kept -= _low_information(doc, verb, drop)
    if counts is not None:
        kept -= _detail(doc, kept, verb, counts, mentions, floor)
    if phrases is not None:
        kept = _first_phrases(kept, verb, phrases)
    tenses = _headline_tense(verb)
    cause = _event_clause(verb)
    if cause is not None and cause.i in kept:
        tenses |= _headline_tense(cause)  # "when a train collided" → "when train collides"
    rewrite = {i: w for i, w in tenses.items() if not doc[i].text.startswith(("'", "’"))}
    if "copulas" in drop and _bare_copula(verb) and not verb.text.startswith(("'", "’")):
        rewrite[verb.i] = ""  # "Absa is in talks" → "Absa in talks"
    kept = _fit(doc, kept, verb, rewrite, max_words - len(credit.split()))
    kept -= _emptied_phrases(doc, kept)
    order, how = _statement_order(verb, kept)
    kept -= how
    words = sorted((i for i in kept if rewrite.get(i, doc[i].text)), key=lambda i: order.get(i, i))
    words = _without_echo(doc, words)
    while words and _dangles(doc[words[-1]]):
        words.pop()
    while words and (
        doc[words[0]].is_punct or doc[words[0]].lower_ in _ARTICLES or _subordinator(doc[words[0]])
    ):
        words.pop(0)
    text = _join(doc, words, rewrite)
    if len(text.split()) < 3 and not credit and not back:
        credit = _credit(doc, root, speaker, persons, "all")  # "holdings fall" needs whose word it is
    return _credited(doc, words, text, credit)


_SUBORDINATORS = frozenset(
    word_list("when while as after before if because although though since once until")
)


def _subordinator(t: Any) -> bool:
    """ "When" of "When prosecuting attorneys began their closing arguments, they spoke of blood": the
    clause kept is the headline's statement, no condition ("As many as 13" keeps its "As")."""
    return t.lower_ in _SUBORDINATORS and t.dep_ in ("advmod", "mark") and t.head.pos_ in ("VERB", "AUX")


def _without_echo(doc: Any, words: list[int]) -> list[int]:
    """The headline without a closing phrase that only says again where it is: "US crude prices soar …
    above $53 [in US]"."""
    if not words or doc[words[-1]].dep_ != "pobj" or doc[words[-1]].head.dep_ != "prep":
        return words
    prep = doc[words[-1]].head
    inside = {t.i for t in prep.subtree}
    tail = [i for i in words if i in inside]
    if tail != words[-len(tail) :] or tail[0] != prep.i:
        return words
    earlier = {doc[i].lower_ for i in words[: -len(tail)]}
    named = [doc[i].lower_ for i in tail[1:] if not doc[i].is_punct and doc[i].pos_ != "DET"]
    return words[: -len(tail)] if named and all(w in earlier for w in named) else words


def _name_and_predicate(doc: Any, words: list[int]) -> bool:
    """Two words that make a headline: a name and what it does or is, "Ongpin optimistic", "Kerry resigns"
    (not "Ongpin says", "Prices rise" short of what)."""
    if len(words) != 2:
        return False
    name, predicate = doc[words[0]], doc[words[1]]
    return (
        name.pos_ == "PROPN"
        and predicate.pos_ in ("VERB", "ADJ")
        and predicate.lemma_.lower() not in _SPEECH_LEMMAS | _LIGHT_VERBS
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in predicate.children)
    )


def _dangles(t: Any) -> bool:
    """Whether a headline cannot end on `t`: a function word, a hyphen, a loose adverb; not a particle
    ("shies away"), the "m" of "$515m", "US" nor an object pronoun ("shoots him"); and an "each" the model
    takes for an object once its sum was cut ("raises offer for shares [to 32 dlrs] each")."""
    if t.lower_ == "each":
        return t.dep_ == "dobj"
    if t.text.isupper() and len(t.text) > 1:
        return False  # "US", the country, is not "us"
    return (
        t.lower_ in _DANGLING | {"-", ",", "'s", "’s"} | _LOOSE_ADVERBS
        and not _particle(t)
        and not _joined(t)
        and not (t.dep_ == "dobj" and t.lower_ in _PERSONAL_OBJECTS)
    )


def _credited(doc: Any, words: list[int], text: str, credit: str) -> str:
    """The headline with its speaker's credit in front ("TUC says government should …"); "" when it is
    too short to stand without one."""
    if not text or (len(text.split()) < 3 and not credit and not _name_and_predicate(doc, words)):
        return ""
    if credit:
        first = doc[words[0]]
        if not (first.pos_ == "PROPN" or first.text.isupper() or first.ent_type_):
            text = text[:1].lower() + text[1:]
        text = f"{credit} {text}"
    return text[:1].upper() + text[1:]


# Verbs of saying whose own word a headline keeps ("Volcker warns …"); the others read "says".
_CREDIT_VERBS = frozenset(
    {"warn", "claim", "insist", "admit", "predict", "argue", "suggest", "reveal", "confirm"}
)


def _named(phrase: Any) -> bool:
    """Whether a name (a person, place, organisation) is part of `phrase`."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in phrase.subtree)


def _credit(doc: Any, root: Any, speaker: Any | None, persons: tuple[tuple[int, int], ...], kind: str) -> str:
    """Who said it, as a headline credits a claim: "Volcker warns", "TUC says"; "" when the headline
    states the claim alone (`kind`: "none", "names" for named speakers only, "all")."""
    if speaker is None or kind == "none" or root.lemma_.lower() not in _SPEECH_LEMMAS:
        return ""
    if speaker.lower_ in ("he", "she"):
        named = _antecedent(doc, speaker, persons)  # "she said" credited by the name the sentence gives
        return f"{named} {_said(root, plural=False)}" if named else ""
    if speaker.lower_ in _PRONOUNS or speaker.pos_ not in ("PROPN", "NOUN"):
        return ""
    if speaker.pos_ == "NOUN" and kind != "all":
        return ""
    start, end = speaker.i, speaker.i + 1
    while speaker.pos_ == "NOUN" and start > 0 and doc[start - 1].dep_ in ("amod", "compound", "nmod"):
        start -= 1  # "West German private banks say"
    if doc[start].text[:1].islower():  # "[high level] U.S. trade officials": the description starts at a name
        start = next((k for k in range(start, speaker.i) if doc[k].text[:1].isupper()), start)
    if speaker.pos_ == "PROPN" and not any(s <= speaker.idx < e for s, e in persons):
        while start > 0 and (
            (doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i >= start)
            or (doc[start - 1].text in ("-", "&") and not doc[start - 1].whitespace_ and start > 1)
        ):
            start -= 1
        if speaker.lower_ in _COMPANY_SUFFIXES:  # "Harper and Row Publishers Inc": the suffix heads the name
            start = min(start, _firm_name_start(speaker))
        while end - start > 1 and doc[end - 1].lower_ in _COMPANY_SUFFIXES:
            end -= 1
    name = doc[start:end].text
    return f"{name[:1].upper()}{name[1:]} {_said(root, plural=speaker.tag_ in ('NNS', 'NNPS'))}"


def _said(root: Any, plural: bool) -> str:
    """The credit's verb: the speaker's own when a headline keeps it ("warns"), else "says"/"say"."""
    said = _present(root, plural) if root.lemma_.lower() in _CREDIT_VERBS else ("say" if plural else "says")
    return said.lower()


def _antecedent(doc: Any, pronoun: Any, persons: tuple[tuple[int, int], ...]) -> str:
    """The surname a "he"/"she" speaker stands for: the one person the sentence names before it ("As
    pressure mounted on … Margaret Thatcher to call an election, she said …" → "Thatcher"); "" when it
    names none or several."""
    before = [(s, e) for s, e in persons if e <= pronoun.idx]
    if len(before) != 1:
        return ""
    span = doc.char_span(*before[0], alignment_mode="expand")
    return span[-1].text if span is not None and span[-1].pos_ == "PROPN" else ""


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    return _stemmer()(word.lower())


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from sumy.nlp.stemmers import Stemmer

    return Stemmer("english")


@lru_cache(maxsize=1024)
def _mention_counts(body: str) -> Counter[str]:
    """How often the story uses each word stem. Cached, like the stems: stemming is the cost, and a
    benchmark derives several headlines from one story. Callers only read the counts."""
    counts: Counter[str] = Counter()
    for word, n in Counter(w.lower() for w in re.findall(r"[^\W\d_]+", body)).items():
        counts[_stem(word)] += n
    return counts


_MODIFIERS = frozenset(
    {"amod", "compound", "nummod", "advmod", "npadvmod", "prep", "poss", "nmod", "quantmod"}
)


def _detail(doc: Any, kept: set[int], verb: Any, counts: Counter[str], mentions: int, floor: int) -> set[int]:
    """Modifiers and phrases none of whose content words the story repeats `mentions` times: "troubled
    insurance broker" → "broker" where the story never speaks of trouble or insurance again; the rarest
    go first and never below `floor` words. Parts of a name stay whole ("Aston Martin");
    the verb, its subject and object heads always stay."""
    if sum(counts.values()) < SALIENCE_MIN_WORDS:
        return set()  # too short a story to tell its subject from its detail
    core = _core(verb)
    candidates: list[tuple[int, int, set[int]]] = []
    for t in doc:
        if t.i not in kept or t.i in core or t.dep_ not in _MODIFIERS:
            continue
        if _part_of_name(t):
            continue
        if t.dep_ == "prep" and t.head.i == verb.i and t.i < verb.i:
            continue
        if any(w.text == "-" and not w.whitespace_ for w in t.subtree) or _hyphen_glued(t):
            continue  # "five-year high", "hat-trick": a hyphenated compound is one word to the reader
        if _joined(t) and not t.is_punct:
            continue  # the "m" of "$515m"
        if _defining_of(t):
            continue  # "a letter [of intent]", "a vote [of confidence]": the phrase names the thing
        if _compared(t, kept) or _changed_object(t, verb):
            continue  # "a better job than …" without "better" compares nothing; "face slower growth"
        if t.dep_ in ("amod", "compound") and (
            t.head.lemma_.lower() in _SAID_BY_MODIFIER
            or _light_object(t.head, verb)
            or _predicate_noun(t.head, verb)
        ):
            # "reach shocking levels", "to have a big year", "enjoy a boom time": a level, a year, a time is
            # news by what it is; "can be a dangerous business": what the story says the subject is
            continue
        if any(w.tag_ in ("JJS", "RBS") or w.lower_ in _CURRENCY | _SCANT for w in t.subtree):
            # "falls to its lowest level", "sent a record $16.6bn home", "little chance exports will rise":
            # the record, the sum, the doubt is news
            continue
        words = [w for w in t.subtree if w.i in kept and w.is_alpha and not w.is_stop]
        heard = max((counts[_stem(w.text)] for w in words), default=mentions)
        if heard < mentions:
            candidates.append((heard, -t.i, {w.i for w in t.subtree} & kept))
    drop: set[int] = set()
    left = len(kept)
    for _, minus_i, ids in sorted(candidates, key=lambda c: (c[0], c[1])):
        ids = ids - drop
        if ids and left - len(ids) >= floor and not _strands_verb(doc[-minus_i], kept - drop - ids):
            drop |= ids
            left -= len(ids)
    return drop


def _clause_heads(verb: Any) -> set[int]:
    """The verb and the heads of its subject and object: what neither `_detail` nor `_fit` drops."""
    return {verb.i} | {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")}


def _core(verb: Any) -> set[int]:
    """What `_detail` never drops: the verb, its subject and object heads, what "is" says of the subject
    ("Clark is [in hospital]") and where a placing verb puts its object ("puts Liverpool [on comeback
    trail]")."""
    core = _clause_heads(verb) | set(_said_of_subject(verb))
    lemma = verb.lemma_.lower()
    if lemma in _PLACING_VERBS:
        core |= {t.i for c in verb.children if c.dep_ == "prep" and c.i > verb.i for t in c.subtree}
    return core


def _said_of_subject(verb: Any) -> list[int]:
    """What "is" says of its subject, in order: the phrases after it ("Clark is [in hospital]", "is [under
    way]", "is [ready]"); none for another verb."""
    if verb.lemma_.lower() != "be":
        return []
    return [c.i for c in verb.children if c.dep_ in ("prep", "acomp") and c.i > verb.i]


def _defining_of(t: Any) -> bool:
    """An "of" with a bare singular noun that makes one name with the noun before it: "letter of intent",
    "state of emergency", "vote of confidence" (not "the sale of the unit", "shares of stock")."""
    objects = [c for c in t.children if c.dep_ == "pobj"]
    return (
        t.lower_ == "of"
        and t.head.pos_ == "NOUN"
        and len(objects) == 1
        and objects[0].tag_ == "NN"
        and not list(objects[0].children)
    )


def _changed_object(t: Any, verb: Any) -> bool:
    """A comparative on the verb's object: "face [slower] growth", "report [better] profits"."""
    return t.tag_ == "JJR" and t.dep_ == "amod" and t.head.dep_ == "dobj" and t.head.head.i == verb.i


def _light_object(noun: Any, verb: Any) -> bool:
    """The object of the headline's verb when that verb is light: it says what happened by its adjective,
    "made a gruesome discovery", "makes a winning return"."""
    return (
        noun.dep_ == "dobj"
        and noun.head.i == verb.i
        and verb.lemma_.lower() in _LIGHT_VERBS | {"have", "give"}
    )


def _predicate_noun(noun: Any, verb: Any) -> bool:
    """The noun "is" says the subject is: "business" of "Writing a Word document can be a dangerous
    business" (not what "there is": "there is a good chance …" says the chance, not how good)."""
    return (
        noun.dep_ == "attr"
        and noun.head.i == verb.i
        and verb.lemma_.lower() == "be"
        and not _has_expletive(verb)
    )


# Quantities that deny what their noun says: without them a headline says the opposite
_SCANT = frozenset(word_list("little few scant slim"))


# Nouns that say nothing without their adjective: "shocking levels", "a record high", "at a brisk pace"
_SCALE_NOUNS = frozenset(word_list("level high low pace rate proportion proportions scale"))


# Verbs that put their object somewhere: the place is what they say ("puts Liverpool on comeback trail")
_PLACING_VERBS = frozenset(word_list("put place set keep lay send"))


def _compared(t: Any, kept: set[int]) -> bool:
    """Whether `t` is a comparative that a kept "than" completes: "done a better job than the leaders"."""
    return t.tag_ in ("JJR", "RBR") and any(
        c.lower_ == "than" and c.i in kept for c in (*t.children, *t.head.children)
    )


# Verbs that say little without what follows them
_LIGHT_VERBS = frozenset(
    {
        "be",
        "get",
        "go",
        "come",
        "put",
        "set",
        "take",
        "make",
        "keep",
        "turn",
        "become",
        "seem",
        "look",
        "remain",
        "stay",
    }
)


def _strands_verb(t: Any, rest: set[int]) -> bool:
    """Whether dropping `t` leaves the verb it follows with nothing after it: "Londoners get [around the
    city]", "Asimo gets [faster]"."""
    head = t.head
    return (
        head.lemma_.lower() in _LIGHT_VERBS
        and t.i > head.i
        and not any(c.i in rest for c in head.children if c.i > head.i and not c.is_punct)
    )


def _hyphen_glued(t: Any) -> bool:
    doc = t.doc
    after = t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_
    before = t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_
    return after or before


_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Units a number belongs to: "$11bn", "8 pct", "2.5 mln dlrs" are sums, not counts.
_CURRENCY = frozenset(
    {"$", "£", "€", "¥", "%", "pct", "percent", "per", "mln", "bln", "billion", "million", "bn", "m", "dlrs"}
    | {"dollars", "cents", "pounds", "euros", "yen", "marks", "francs", "tonnes", "tons", "barrels", "points"}
)


def _low_information(doc: Any, verb: Any, drop: frozenset[str]) -> set[int]:
    """Tokens of the word classes in `drop` that a sub-editor leaves out:
    possessives "cut its prices" → "cut prices"; adverbs "sharply rises" → "rises";
    counts "adds 337,000 jobs" → "adds jobs" (never a sum: "$11bn", "8%" stay);
    of-phrases "a series of energy deals" → "energy deals" (a quantity word's complement takes its place).
    Copulas go in `_compress` ("is in talks" → "in talks")."""
    out: set[int] = set()
    for t in doc:
        if ("possessives" in drop and t.dep_ == "poss" and t.tag_ == "PRP$") or (
            "adverbs" in drop and _loose_adverb(t)
        ):
            out.add(t.i)
        elif (
            "counts" in drop
            and t.dep_ == "nummod"
            and t.head.pos_ == "NOUN"
            and t.head.tag_ == "NNS"  # a count counts things: "the 2400 level" names one
            and t.head.is_alpha
            and t.head.lower_ not in _CURRENCY
            and t.head.i > t.i
            and t.head.dep_ != "nsubjpass"  # "21 people were injured": who it happened to, and how many
            and t.head.lemma_.lower() not in _COUNTED_PEOPLE  # "a jet carrying 224 people"
            and not any(doc[k].text == "-" or doc[k].lower_ in _CURRENCY for k in range(t.i, t.head.i))
            and not any(c.lower_ in _CURRENCY for c in t.subtree)
            and t.head.lemma_.lower() not in _TIME_UNITS  # "in three years" is no "in years"
            and not (t.i + 1 < len(doc) and _joined(doc[t.i + 1]))  # "3G" is one word
        ):
            out |= {k.i for k in t.subtree}
        elif (
            "of-phrases" in drop
            and t.lower_ == "of"
            and t.dep_ == "prep"
            and t.head.pos_ == "NOUN"
            and t.head.i == t.i - 1
            and t.head.i > verb.i
            and t.head.lower_ in _QUANTITY_NOUNS
            and (t.head.lower_ in _BARE_QUANTITIES or any(c.dep_ == "det" for c in t.head.children))
        ):
            # "a series of energy deals" → "energy deals": the quantity word and "of" go
            out |= {t.i, t.head.i} | {c.i for c in t.head.children if c.i < t.head.i}
    return out


_TIME_UNITS = frozenset(word_list("second minute hour day week month year decade century"))
# Nouns whose modifier is the news ("shocking levels", "a big year", "a boom time"): `_detail` keeps it
_SAID_BY_MODIFIER = _SCALE_NOUNS | _TIME_UNITS | frozenset({"time"})


# People a story counts: how many is the news ("a jet carrying 224 people", "killed 12 civilians")
_COUNTED_PEOPLE = frozenset(
    word_list(
        """
        people person passenger child student worker employee soldier civilian resident migrant refugee
        prisoner hostage victim tourist
        """
    )
)


# Nouns that say nothing without the clause that defines them: "the way his wife has taken on …"
_LIGHT_NOUNS = frozenset({"way", "manner", "fact", "extent", "degree", "idea", "thing", "reason", "means"})


def _emptied_phrases(doc: Any, kept: set[int]) -> set[int]:
    """A prepositional phrase whose noun is a light one that lost its defining clause: "pays tribute to
    the brilliant way his wife has taken on …" ends "pays tribute", not "pays tribute to way"."""
    out: set[int] = set()
    for t in doc:
        if (
            t.i not in kept
            or t.lemma_.lower() not in _LIGHT_NOUNS
            or t.dep_ != "pobj"
            or t.head.dep_ != "prep"
        ):
            continue
        clauses = [c for c in t.children if c.dep_ in ("relcl", "acl")]
        if clauses and not any(c.i in kept for c in clauses):
            out |= {k.i for k in t.head.subtree}
    return out


def _particle(t: Any) -> bool:
    """A verb's particle, which ends a headline as it ends the phrasal verb: "should step in", "gives up"
    (not a preposition whose object was cut: "for")."""
    return (
        t.dep_ in ("prt", "advmod")
        and not list(t.children)
        and t.lower_ in _PARTICLE_ADVERBS
        and t.head.pos_ == "VERB"
        and t.head.i == t.i - 1
    )


def _loose_adverb(t: Any) -> bool:
    """A lone adverb on a verb or adjective ("sharply", "widely"), not a negation or particle."""
    return (
        t.pos_ == "ADV"
        and t.dep_ == "advmod"
        and not list(t.children)
        and t.lower_ not in _NEGATIONS | _PARTICLE_ADVERBS
        and t.head.pos_ in ("VERB", "AUX", "ADJ")
        and not _hyphen_glued(t)  # "So-called" is one word
    )


# Quantity words that need no article ("part of the deal"); the others do: "a host of problems" is a
# quantity, "host of Top Gear" is not
_BARE_QUANTITIES = frozenset({"part", "kind", "sort", "type", "plenty"})
_QUANTITY_NOUNS = frozenset(
    {
        "series",
        "total",
        "number",
        "lot",
        "range",
        "set",
        "couple",
        "pair",
        "group",
        "host",
        "raft",
        "string",
        "wave",
        "batch",
        "round",
        "package",
        "part",
        "kind",
        "sort",
        "type",
        "variety",
        "amount",
        "sum",
        "majority",
        "millions",
        "thousands",
        "hundreds",
        "billions",
        "dozens",
        "tens",
        "rest",
    }
)


def _statement_order(verb: Any, kept: set[int]) -> tuple[dict[int, float], set[int]]:
    """A "how" clause read as a statement: "(told me) how frustrated her husband was by Amazon Mom" →
    "husband (was) frustrated by Amazon Mom". Where the words of the complement "how" fronts go (after
    the verb), and the "how" left out; nothing for any other clause."""
    subject = _subject(verb)
    if subject is None:
        return {}, set()
    for c in verb.children:
        how = next((w for w in c.lefts if w.lower_ == "how"), None)
        if how is not None and c.dep_ in ("acomp", "advmod") and c.i < subject.i:
            return {w.i: verb.i + 0.5 + w.i / (2 * len(verb.doc)) for w in c.subtree}, {how.i}
    return {}, set()


def _bare_copula(verb: Any) -> bool:
    """A present "is"/"are" with a place or state after it and nothing hanging on it: headlines drop it."""
    return (
        verb.lemma_.lower() == "be"
        and not any(c.dep_ in ("aux", "auxpass", "neg", "xcomp", "attr") for c in verb.children)
        and any(c.dep_ in ("prep", "acomp") and c.i > verb.i for c in verb.children)
    )


def _join(doc: Any, words: list[int], rewrite: dict[int, str]) -> str:
    """The kept tokens with the story's own spacing between neighbours ("five-year", "$16.6bn")."""
    out: list[str] = []
    for k, i in enumerate(words):
        word = rewrite.get(i, doc[i].text)
        if k and doc[i].dep_ == "cc" and word in ("And", "Or"):
            word = word.lower()  # the wire's "between the U.S. And the European Community"
        out.append(word)
        if k + 1 < len(words):
            glued = (words[k + 1] == i + 1 and not doc[i].whitespace_) or doc[words[k + 1]].tag_ == "POS"
            out.append("" if glued else " ")
    text = "".join(out)
    return re.sub(r"\s+([,.;:!?%])", r"\1", text).strip(" ,;:-–—")


def _root(doc: Any) -> Any | None:
    """The parse's first root (a sentence the parser split has more than one)."""
    return next((t for t in doc if t.dep_ == "ROOT"), None)


def _subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
            return child
    for aux in (c for c in verb.children if c.dep_ in ("aux", "auxpass")):
        for child in aux.children:  # a misparse: "access/nsubj → is/aux → encouraging"
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def _content_clause(root: Any) -> Any:
    """The clause a headline reports: "X said Y" → Y's verb; "Y, X said" → Y's verb."""
    if root.pos_ not in ("VERB", "AUX"):  # a misparse with a noun at the root: the first verb with a subject
        for token in root.doc:
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux" and _subject(token) is not None:
                root = token
                break
    if root.lemma_.lower() in _SPEECH_LEMMAS:
        for child in root.children:
            if (
                (child.dep_ == "ccomp" or (child.dep_ in ("dep", "parataxis") and child.i < root.i))
                and _verbal(child)
                and _subject(child) is not None
            ):
                return child  # "X outspent Y, new figures show": a misparse hangs X's clause on "dep"
        for token in root.subtree:
            if (
                token.i > root.i
                and token.dep_ == "ccomp"
                and token.head.lemma_.lower() not in _SPEECH_LEMMAS
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
                and _verbal(token)
                and _subject(token) is not None
            ):
                # "told thousands who gathered to commemorate the anniversary that our march is not
                # finished": the parser hangs what was told on a verb that tells nothing
                return token
    return _but_clause(root) or _fronted_claim(root) or _scene_setting(root) or root


def _scene_setting(root: Any) -> Any | None:
    """The news inside a scene-setting "that is …": "That's the message out of Indonesia, where the rescue
    chief announced that the search operation ended" reports the search's end."""
    subject = _subject(root)
    if root.lemma_.lower() != "be" or subject is None or subject.lower_ not in ("that", "this", "it"):
        return None
    for token in root.subtree:
        # a "where"/"when" clause, not one saying which thing is meant: "the question [we must answer]"
        where = any(c.lower_ in ("where", "when") for c in token.children)
        if (token.dep_ == "advcl" or (token.dep_ == "relcl" and where)) and _verbal(token):
            inner = _subject(token)
            if inner is not None and inner.pos_ in ("PROPN", "NOUN") and inner.lower_ not in _DEICTIC:
                clause = _content_clause(token)
                return clause if _subject(clause) is not None else None
    return None


def _fronted_claim(root: Any) -> Any | None:
    """A clause with its own subject put before the verb's, as an attribution does: "Authorities identified
    the suspects, but …, investigators questioned if …" reports the identification."""
    subject = _subject(root)
    for child in root.children:
        if (
            child.dep_ == "ccomp"
            and subject is not None
            and child.i < subject.i
            and _verbal(child)
            and _subject(child) is not None
        ):
            return child
    return None


def _attribution_alone(root: Any) -> bool:
    """A verb of saying with nothing said: what it reports stands before it, in a piece the parse could
    not read as a clause ("… in the European elections, new figures show")."""
    return (
        root.lemma_.lower() in _SPEECH_LEMMAS
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "acomp") for c in root.children)
        and any(c.dep_ in ("dep", "parataxis", "nsubj") and c.i < root.i for c in root.children)
        and any(c.dep_ == "punct" and c.text == "," and c.i < root.i for c in root.children)
    )


def _verbal(token: Any) -> bool:
    """A verb, or a participle the model tags as an adjective that has its auxiliary: "was not armed"."""
    return token.pos_ in ("VERB", "AUX") or (
        token.pos_ == "ADJ" and any(c.dep_ == "auxpass" for c in token.children)
    )


def _but_clause(root: Any) -> Any | None:
    """ "He doesn't wear a uniform, but Hadi Al-Amari is a powerful military leader": a denial or a
    pronoun's clause sets up the one after "but", which is the news; None when the sentence has no such."""
    subject = _subject(root)
    setup = any(c.dep_ == "neg" for c in root.children) or (
        subject is not None and subject.lower_ in _PRONOUNS
    )
    buts = [c.i for c in root.children if c.dep_ == "cc" and c.lower_ in ("but", "yet")]
    if not (setup and buts):
        return None
    return next(
        (
            c
            for c in root.children
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > buts[0] and _subject(c) is not None
        ),
        None,
    )


def _has_expletive(verb: Any) -> bool:
    """ "There will be no changes": the clause's subject is an empty "there"."""
    return any(c.dep_ == "expl" for c in verb.children)


def _expletive(subject: Any, verb: Any) -> bool:
    """An "it" that stands for the clause after the verb: "it would be foolish for Japan to retaliate"."""
    return (
        subject.lower_ == "it"
        and verb.lemma_.lower() == "be"
        and any(c.dep_ in ("acomp", "attr") for c in verb.children)
        and any(
            c.dep_ in ("advcl", "ccomp")
            and c.i > subject.i
            and any(g.dep_ == "mark" and g.lower_ in ("for", "that", "whether") for g in c.children)
            for c in verb.children
        )
    )


def _unnamed(subject: Any, verb: Any) -> bool:
    """Whether a claim's subject names no one, so that the headline credits its speaker: "analysts",
    "it would be foolish …" (not "Absa", nor a pronoun standing for the speaker)."""
    return _expletive(subject, verb) or (subject.lower_ not in _PRONOUNS and not _named(subject))


def _urged(verb: Any) -> bool:
    """Whether the claim says what ought to happen ("the U.S. Justice Department should step in"): an
    opinion, which a headline gives as its speaker's, even when its subject is named."""
    return any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in verb.children)


def _refers_back(subject: Any, speaker: Any) -> bool:
    """Whether the claim's subject is its speaker again: a pronoun ("Absa said it is in talks") or the
    speaker's own noun ("The Church of Jesus Christ … says the church has measures in place")."""
    return subject.lower_ in _PRONOUNS or (
        subject.pos_ == "NOUN" and subject.lemma_.lower() == speaker.lemma_.lower()
    )


def _joined(t: Any) -> bool:
    """Whether `t` is written against the token before it, one word with it: the "m" of "$515m"."""
    return t.i > 0 and not t.doc[t.i - 1].whitespace_


def _with_mark(clause: Any) -> set[int]:
    """A subordinate clause with the conjunction that opens it: "when a train collided", "for Japan to …"."""
    return _phrase(clause) | {c.i for c in clause.children if c.dep_ == "mark"}


def _glued(doc: Any, kept: set[int]) -> set[int]:
    """The rest of a written word the tokenizer split and the parse scattered: the "m" of "$515m"."""
    out: set[int] = set()
    for t in doc[1:]:
        if (t.i - 1 in kept or t.i - 1 in out) and _joined(t) and t.is_alpha:
            out.add(t.i)
    return out - kept


def _main_clause(verb: Any, subject: Any) -> tuple[Any, set[int]]:
    """The headline's verb and the words of its clause."""
    predicate = _predicate_after_appositive(verb, subject)
    if predicate is None and _expletive(subject, verb):
        # "it would be foolish [for Japan to retaliate]": the clause "it" stands for is what is said
        return verb, _clause_tokens(verb) | {
            k for c in verb.children if c.dep_ == "advcl" for k in _with_mark(c)
        }
    if predicate is None:
        return verb, _clause_tokens(verb)
    # "Barnard, a pastor wanted for 59 counts, was arrested": Barnard was arrested
    return predicate, _phrase(subject) | _clause_tokens(predicate)


def _predicate_after_appositive(verb: Any, subject: Any) -> Any | None:
    """The verb that is the sentence's predicate where the parser took a participle describing the
    subject's appositive for it: in "Victor Barnard, an American pastor wanted for 59 counts of assault,
    was arrested by Brazilian police" the small model makes "wanted" the verb and "was arrested" its
    conjunct. None for a sentence parsed as written."""
    appositives = [c for c in subject.children if c.dep_ == "appos"]
    if (
        verb.tag_ not in ("VBD", "VBN")
        or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        or not any(a.right_edge.i + 1 == verb.i for a in appositives)
    ):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and _subject(c) is None
            and any(a.dep_ in ("aux", "auxpass") for a in c.children)
            and c.doc[c.left_edge.i - 1].text == ","
        ),
        None,
    )


def _clause_tokens(verb: Any) -> set[int]:
    kept = {verb.i}
    for child in verb.children:
        dep = child.dep_
        if dep == "advcl" and (_defines_rank(child) or _purpose(child, verb)):
            kept |= _phrase(child)  # "becomes the first station to offer radio", "given a year to meet rules"
            continue
        if dep not in _CLAUSE_KEEP:
            continue
        if dep == "advmod" and (
            child.i < verb.i or child.lower_ in _LOOSE_ADVERBS or child.lower_.endswith("ly")
        ):
            continue
        if dep == "prep" and (_is_time_phrase(child) or child.i < verb.i or child.lower_ == "according"):
            continue
        if dep == "npadvmod" and (child.i < verb.i or (_is_time_word(child) and not _named_date(child))):
            continue
        if dep == "npadvmod" and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ",":
            continue  # "…, a move it hopes will stoke competition": a comment on the clause, not in it
        if dep == "ccomp" and child.i > verb.i and _attribution(child):
            continue  # "…, research suggests"
        kept |= _phrase(child)
    if not any(c.dep_ in _COMPLEMENTS and c.i in kept for c in verb.children):
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            # "will explore and develop gold properties": the object is the second verb's
            if (
                conj.tag_ == verb.tag_
                and not _subject(conj)
                and any(g.dep_ in _COMPLEMENTS for g in conj.children)
            ):
                kept |= {c.i for c in verb.children if c.dep_ == "cc"} | _clause_tokens(conj)
            break
    if sum(i > verb.i for i in kept) <= 1:  # nothing after the verb, or one word: "is underway"
        cause = _event_clause(verb)
        if cause is not None:  # "21 people were injured [when a commuter train collided with a car]"
            kept |= _with_mark(cause)
    return kept


# Conjunctions whose clause says what happened, when the main clause alone says little: "… were injured
# when a train collided with a car", "… died after a cliff collapsed"
_EVENT_MARKS = frozenset({"when", "after", "as", "because", "before"})


def _event_clause(verb: Any) -> Any | None:
    """The clause after `verb` that tells the event behind it, opened by one of `_EVENT_MARKS`."""
    conjs = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return next(
        (
            c
            for v in (verb, *conjs)  # "One person died and another was injured [after a cliff collapsed]"
            for c in v.children
            if c.dep_ == "advcl"
            and c.i > verb.i
            and _subject(c) is not None
            and any(
                g.lower_ in _EVENT_MARKS and g.dep_ in ("mark", "advmod") and g.i < c.i for g in c.children
            )
        ),
        None,
    )


_COMPLEMENTS = frozenset(
    {"dobj", "attr", "acomp", "xcomp", "ccomp", "prep", "prt", "dative", "oprd", "agent"}
)


def _attribution(clause: Any) -> bool:
    """A clause that only credits what precedes it: "research suggests", "figures show"."""
    return clause.lemma_.lower() in _SPEECH_LEMMAS and not any(
        c.dep_ in ("ccomp", "dobj", "xcomp") for c in clause.children
    )


def _phrase(token: Any) -> set[int]:
    """`token`'s subtree without relative clauses, appositives, asides and time phrases."""
    out = {token.i}
    conjs = [c for c in token.children if c.dep_ == "conj"]
    joined = [c for c in conjs if _joins(token, c)]
    for child in token.children:
        dep = child.dep_
        if dep == "cc":
            continue  # below, with what it joins: never "train and giant"
        if child in joined:
            out |= _phrase(child)  # "India and Russia", "Johnson & Johnson", "train and plane-making"
            continue
        named = child.left_edge.i == token.i + 1 and child.pos_ == "PROPN" and token.pos_ == "NOUN"
        if dep == "appos" and named:
            out |= _phrase(child)  # "phone company MCI", "singer Ray Charles": the name, not an aside
            continue
        if dep == "punct" and child.text in ("-", "&", "/") and not child.whitespace_:
            out.add(child.i)  # "five-year", "AT&T"
            continue
        if dep in ("relcl", "acl") and token.lemma_.lower() in _LIGHT_NOUNS and child.i > token.i:
            out |= _phrase(child)  # "criticises the way [Blair's government operates]": the way is the clause
            continue
        if dep in _PHRASE_DROP or _in_aside(token, child):
            continue
        if dep == "prep" and (_is_time_phrase(child) or child.lower_ == "according"):
            continue
        if dep == "npadvmod" and _is_time_word(child) and not _hyphen_glued(child) and not _named_date(child):
            continue  # "[this week]", but "13-year-old" is one word
        if dep == "det" and child.lower_ in _ARTICLES:
            continue
        if dep == "acl" and child.tag_ == "VBN" and child.i > token.i + 1:
            continue  # "…, convicted of conspiring": a reduced relative clause
        out |= _phrase(child)
    if not conjs or any(c.i in out for c in conjs):  # no conj: the parse joined the words elsewhere
        out |= {c.i for c in token.children if c.dep_ == "cc"}
    return out


def _in_aside(token: Any, child: Any) -> bool:
    """Whether `child` only goes on an appositive between commas that the parse hung elsewhere: in "The
    fury of Tropical Cyclone Pam, one of the most powerful storms ever to make landfall, has moved on" it
    hangs "to make landfall" on "fury"; it goes with the aside ("Fury of Cyclone Pam to make landfall moves
    on" was the headline)."""
    doc = token.doc
    if child.i < token.i:
        return False
    for a in token.subtree:
        if a.dep_ != "appos" or a.i >= child.i or a.left_edge.i == 0 or doc[a.left_edge.i - 1].text != ",":
            continue
        end = next((t.i for t in doc[a.right_edge.i + 1 :] if t.text == ","), None)
        if end is not None and a.right_edge.i < child.left_edge.i and child.right_edge.i < end:
            return True
    return False


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def _joins(token: Any, conj: Any) -> bool:
    """Whether `conj` is coordinated with `token` as one phrase: names, nouns, pronouns ("India and Russia"),
    or a hyphenated word in a list of modifiers ("train and plane-making giant"), or two verbs sharing the
    second's object ("to develop and market new medicines", not "to develop")."""
    if _shared_object(token, conj):
        return True
    if token.pos_ in _NOMINAL and conj.pos_ in _NOMINAL:
        # "she and sister Venus are", not "she are"; but "hers and hers alone" is emphasis, not a list
        repeated = conj.lower_ == token.lower_ and not _one_name(token, conj)  # "Johnson & Johnson" is a name
        return not repeated and (token.pos_ != "PRON" or token.dep_ in ("nsubj", "nsubjpass"))
    return any(_hyphen_glued(t) for t in conj.subtree) and conj.i < token.head.i


def _shared_object(verb: Any, conj: Any) -> bool:
    """ "develop and market new medicines": the first verb has no object of its own, the second, right
    after "and", holds both verbs' object."""
    return (
        verb.pos_ == "VERB"
        and conj.pos_ == "VERB"
        and verb.dep_ != "pcomp"  # "charges of spying and aiding rebels": spying has no object to share
        and conj.i == verb.i + 2
        and not any(c.dep_ in ("dobj", "nsubj") for c in verb.children if c.i > verb.i)
        and any(c.dep_ == "dobj" for c in conj.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
    )


def _is_time_word(token: Any) -> bool:
    return token.lower_ in _TIME_WORDS or any(t.lower_ in _TIME_WORDS for t in token.subtree)


def _named_date(time: Any) -> bool:
    """A date a verb names, which the parser takes for when it happens: "to name [5 May] as election
    day" (the verb has no object, and an "as" phrase says what the date is)."""
    verb = time.head
    return (
        verb.pos_ == "VERB"
        and time.i > verb.i
        and not any(c.dep_ == "dobj" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > time.i for c in verb.children)
    )


def _is_time_phrase(prep: Any) -> bool:
    if prep.lower_ not in (
        "on",
        "in",
        "at",
        "during",
        "since",
        "until",
        "by",
        "from",
        "for",
        "over",
        "within",
    ):
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.lower_ in _TIME_WORDS or (o.like_num and len(o.text) == 4) or o.ent_type_ in ("DATE", "TIME")
        for o in objects
    )


def _takes_to_infinitive(verb: Any) -> bool:
    """The verb governs a to-infinitive: "is [to buy]", "is going [to cut]"."""
    return any(c.dep_ == "xcomp" and _infinitive(c) for c in verb.children)


def _is_to_infinitive(verb: Any, auxes: list[Any]) -> bool:
    """A bare "be" with a to-infinitive: "X is to buy Y"."""
    return verb.lemma_.lower() == "be" and _takes_to_infinitive(verb) and not auxes


def _going_to(verb: Any, auxes: list[Any]) -> bool:
    """ "X is going to cut Y": the future, which a headline writes "X to cut Y" (not "X goes to cut Y")."""
    be = any(a.lemma_.lower() == "be" for a in auxes)
    return verb.lower_ == "going" and be and _takes_to_infinitive(verb)


def _future_as_infinitive(verb: Any, auxes: list[Any]) -> dict[int, str]:
    """The future as an infinitive: "will open" → "to open"; "will be opening" → "to open"; "will be
    sold" → "to be sold"."""
    rewrite: dict[int, str] = {}
    for a in auxes:
        if a.lemma_.lower() in ("will", "shall"):
            rewrite[a.i] = "to"
        elif a.dep_ == "aux" and a.lemma_.lower() == "be" and verb.tag_ == "VBG":
            rewrite[a.i] = ""
            rewrite[verb.i] = _verb_lemma(verb)
    return rewrite


def _headline_tense(verb: Any) -> dict[int, str]:
    """Rewrites of the verb group: past and perfect to present, passive without its auxiliary, "will" to
    "to"; an empty string drops the word."""
    plural = _plural_subject(verb)
    rewrite: dict[int, str] = {}
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = [a.lemma_.lower() for a in auxes]
    negated = any(c.dep_ == "neg" for c in verb.children)
    if _past_for_good(verb, lemmas):
        return rewrite
    if _is_to_infinitive(verb, auxes):
        rewrite[verb.i] = ""  # "X is to buy Y" → "X to buy Y"
    elif _going_to(verb, auxes) and not negated:
        rewrite.update({a.i: "" for a in auxes} | {verb.i: ""})  # "is going to cut jobs" → "to cut jobs"
    elif ("will" in lemmas or "shall" in lemmas) and not negated and not _has_expletive(verb):
        rewrite.update(_future_as_infinitive(verb, auxes))  # not "there to be no changes"
    elif "will" in lemmas or "shall" in lemmas:
        pass
    elif any(a.tag_ == "MD" for a in auxes):
        pass  # may, could, would, should: the hedge is news
    elif any(a.dep_ == "auxpass" for a in auxes):
        for a in auxes:  # "was arrested" → "arrested"; "has been charged" → "charged"
            rewrite[a.i] = ""
    elif auxes and not negated:
        for a in auxes:  # "has won", "is visiting" → "wins", "visits"
            rewrite[a.i] = ""
        rewrite[verb.i] = _present(verb, plural)
    elif auxes and negated:
        for a in auxes:
            if a.lemma_.lower() in ("do", "have", "be") and a.tag_ in ("VBD", "VBZ", "VBP"):
                rewrite[a.i] = _present(a, plural)
    elif verb.tag_ in ("VBD", "VBN") or (verb.lemma_.lower() == "be" and verb.tag_ != "VB"):
        rewrite[verb.i] = _present(verb, plural)
    return rewrite


def _fit(doc: Any, kept: set[int], verb: Any, rewrite: dict[int, str], max_words: int) -> set[int]:
    """Drop the innermost phrase holding the last word, again and again, until the headline has at
    most `max_words` words; as a last resort cut at `max_words`."""

    def count(ids: set[int]) -> int:
        return len(_join(doc, [i for i in sorted(ids) if rewrite.get(i, doc[i].text)], rewrite).split())

    core = _clause_heads(verb)
    # "Offering of … shares is [under way]": a copula's first phrase is what the headline says of it
    said_of = _said_of_subject(verb)
    predicate = said_of[0] if said_of and not any(c.dep_ in ("attr", "acomp") for c in verb.children) else -1
    while count(kept) > max_words:
        last = max(kept)
        chain = [doc[last], *(t for t in doc[last].ancestors if t.i in kept)]
        candidates = [
            t
            for t in chain
            if t.dep_ in _PRUNABLE
            and t.i not in core
            and t.i > verb.i
            and not (t.head.i == verb.i and t.dep_ in ("ccomp", "xcomp"))
            and not _defining_of(t)  # "expressions [of interest]": a subject's detail goes first
            and t.i != predicate
        ]
        if not candidates:
            break
        trimmed = _trim_comparison(kept, candidates[0])
        kept = trimmed if trimmed != kept else _cut(kept, candidates[0], verb)
    while count(kept) > max_words and (before := _subject_phrases(doc, kept, verb)):
        kept -= {t.i for t in before[-1].subtree}  # the verb stays: "First state visit [of …] delayed"
    if count(kept) > max_words:
        ordered = [i for i in sorted(kept) if rewrite.get(i, doc[i].text)]
        while ordered and count(set(ordered)) > max_words:
            ordered.pop()
        kept = set(ordered)
    return kept


def _trim_comparison(kept: set[int], phrase: Any) -> set[int]:
    """A comparison's "than" phrase loses a modifier before it goes whole: "are more than a [chromosomal]
    abnormality"; without it the comparative would be left hanging, and with it the clause."""
    if not (phrase.lower_ == "than" and phrase.head.tag_ in ("JJR", "RBR")):
        return kept
    modifiers = [
        t for t in phrase.subtree if t.i in kept and t.dep_ in ("amod", "compound") and t.i != phrase.i
    ]
    return kept - {t.i for t in modifiers[-1].subtree} if modifiers else kept


def _subject_phrases(doc: Any, kept: set[int], verb: Any) -> list[Any]:
    """The phrases qualifying a noun before the verb, as `_fit` may drop them (left to right)."""
    return [
        t
        for t in doc[: verb.i]
        if t.i in kept and t.dep_ in ("prep", "acl", "relcl", "appos") and t.head.pos_ in _NOMINAL
    ]


def _first_phrases(kept: set[int], verb: Any, limit: int) -> set[int]:
    """Only the first `limit` phrases after the verb and its object: "Crude prices surge above $47 [on
    Thursday] [after a watchdog raised its forecasts]"; a lone particle ("squeezes through") is none."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "xcomp", "oprd"))]
    heads += [g for h in heads[1:] if h.dep_ == "xcomp" for g in h.children if g.dep_ in ("dobj", "attr")]
    trailing = sorted(
        (
            c
            for h in heads
            for c in h.children
            if c.dep_ in _TRAILING
            and c.i > verb.i
            and c.i in kept
            and c.n_rights + c.n_lefts > 0
            and not _defining_of(c)  # "signs letter [of intent] with Security Pacific": part of the object
        ),
        key=lambda t: (not _defines_rank(t), t.i),
    )
    for extra in trailing[limit:]:
        kept = kept - {t.i for t in extra.subtree}
    return kept


_TRAILING = frozenset({"prep", "agent", "dative", "advcl", "npadvmod", "acl", "relcl"})
_RANKS = frozenset({"first", "last", "only"})


def _purpose(clause: Any, verb: Any) -> bool:
    """An infinitive after the verb saying what it is for: "given a year [to meet new rules]", "warns
    Bath [to improve its offer]" (not "in order" or a clause with its own conjunction)."""
    return clause.i > verb.i and _infinitive(clause) and not any(a.dep_ == "mark" for a in clause.children)


def _infinitive(clause: Any) -> bool:
    """A clause whose verb has "to": "to meet new rules"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def _defines_rank(phrase: Any) -> bool:
    """The infinitive that says what a first, last, only or -est thing is: "the first station [in the
    world] to offer radio via 3G" is first at offering radio; without it, first at nothing."""
    if not _infinitive(phrase):
        return False
    if phrase.dep_ == "acl":
        ranked = [phrase.head]
    elif phrase.dep_ == "advcl":  # the parser hangs it on the verb: "become the first station … to offer"
        ranked = [c for c in phrase.head.children if c.dep_ in ("attr", "dobj") and c.i < phrase.i]
    else:
        return False
    modifiers = [m for n in ranked for m in n.children if m.dep_ == "amod"]
    return any(m.tag_ == "JJS" or m.lower_ in _RANKS for m in modifiers)


def _cut(kept: set[int], phrase: Any, verb: Any) -> set[int]:
    """`kept` without `phrase`; a word left last without its complement goes too: "in the wake [of …]",
    "a report showing [that …]"."""
    kept = kept - {t.i for t in phrase.subtree}
    head = phrase.head
    if phrase.dep_ == "conj":  # a list cut to its first item, which stands: "by Welsh[, Carson and Stowe]"
        while head.dep_ == "conj":
            head = head.head
        return kept - {t.i for c in head.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    while kept and head.i == max(kept) and head.i > verb.i:
        unit = head.head if head.dep_ in ("pobj", "pcomp") else head  # "after [being put] …"
        if unit.dep_ not in _PRUNABLE or unit.i <= verb.i or _verb_complement(unit, verb):
            break
        if (
            unit.pos_ == "VERB"
            and unit.dep_ == "advcl"
            and any(c.dep_ == "aux" for c in unit.children)
            and not (unit.i == phrase.head.i and phrase.dep_ in ("xcomp", "ccomp", "dobj"))
        ):
            break  # "for Japan to retaliate [against …]" stands without its phrase; "to try [to …]" does not
        stands = unit.pos_ == "VERB" and unit.lemma_.lower() not in _LIGHT_VERBS
        if stands and unit.i == phrase.head.i and phrase.dep_ == "prep":
            break  # a verb stands without its place: "after cliff collapses [on Pacific Coast]", "to vote"
        kept = kept - {t.i for t in unit.subtree}
        head = unit.head
    return kept


def _verb_complement(token: Any, verb: Any) -> bool:
    """The clause or object a headline's verb needs: "sees [sales fall]", "seems [to understand]"."""
    return token.head.i == verb.i and token.dep_ in ("ccomp", "xcomp", "dobj", "attr", "acomp", "oprd")


_COMPANY_SUFFIXES = frozenset(
    {
        "inc",
        "co",
        "corp",
        "ltd",
        "plc",
        "ag",
        "sa",
        "nv",
        "llc",
        "cos",
        "bhd",
        "spa",
        "gmbh",
        "inc.",
        "co.",
        "corp.",
        "ltd.",
        "n.v.",
        "s.a.",
    }
)


def _part_of_name(t: Any) -> bool:
    """A word of a longer name, "Aston" of "Aston Martin", "Harper" of "Harper and Row Publishers Inc"."""
    if t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN":
        return True
    return t.head.lower_ in _COMPANY_SUFFIXES and _firm_name_start(t.head) <= t.i < t.head.i


_NAME_LINK_WORDS = frozenset({"and", "&", "'s", "’s", "-", "of"})


def _firm_name_start(suffix: Any) -> int:
    """Where the name a legal suffix closes begins: the capitalised words (and the links between them)
    just before it that the parser hangs on it, "[Harper and Row Publishers] Inc", "Media group [John
    Fairfax] Ltd"; the suffix's own index when there are none."""
    doc, start = suffix.doc, suffix.i
    inside = {t.i for t in suffix.subtree}
    while start > 0 and start - 1 in inside:
        word = doc[start - 1]
        if word.text[:1].isupper() or (
            word.lower_ in _NAME_LINK_WORDS and start > 1 and doc[start - 2].text[:1].isupper()
        ):
            start -= 1
        else:
            break
    while start < suffix.i and doc[start].lower_ in _NAME_LINK_WORDS:
        start += 1
    return start


# Titles a headline keeps, as it names these people by them: "Prince William", "Pope Francis"
_STYLED_TITLES = frozenset(
    {"prince", "princess", "king", "queen", "duke", "duchess", "pope", "emperor", "empress"}
)


def _name_padding(doc: Any, persons: tuple[tuple[int, int], ...]) -> set[int]:
    """Words a headline leaves off a name: a person's first names and the titles before them ("Foreign
    Secretary Jack Straw" → "Straw"), a company's legal suffix ("Magma Copper Co" → "Magma Copper",
    "Mitsui and Co" → "Mitsui")."""
    drop: set[int] = set()
    for k, t in enumerate(doc):
        if t.lower_ in _COMPANY_SUFFIXES and k > 0 and doc[k - 1].pos_ == "PROPN" and t.pos_ == "PROPN":
            drop.add(t.i)
        elif t.lower_ in _COMPANY_SUFFIXES and k > 1 and doc[k - 1].lower_ in ("and", "&") and k - 2 in drop:
            drop |= {t.i, t.i - 1}  # "Unilever Plc and NV" → "Unilever"
        elif (
            t.lower_ in ("co", "co.")
            and k > 1
            and doc[k - 1].lower_ in ("and", "&")
            and doc[k - 2].pos_ == "PROPN"
        ):
            drop |= {t.i, t.i - 1}  # "Goldman Sachs and Co" → "Goldman Sachs"
    for start_char, end_char in persons:
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or len(span) < 2 or any(t.pos_ == "ADJ" for t in span):
            continue  # "Top Gear", which the small model takes for a person, keeps its "Top"
        surname = span[-1] if span[-1].pos_ == "PROPN" else None
        if surname is None:
            continue
        # the title runs up to the name from the last comma or bracket before it: "…-based approach, [Federal
        # Resources and Energy Minister Gareth] Evans told": what the parser hangs on the name before that
        # comma is no title of it
        glued = surname.i  # "Jay-Z" is one word: no part of it is a first name
        while _joined(doc[glued]):
            glued -= 1
        title = [t for t in surname.subtree if t.i < glued]
        start = max((t.i + 1 for t in title if t.text in _BREAKS), default=surname.left_edge.i)
        padding = {
            t.i
            for t in title
            if t.i >= start
            and t.dep_ not in ("poss", "case", "cc", "conj")
            and not any(c.dep_ == "case" for c in t.children)
            and t.lower_ not in _STYLED_TITLES
            and not (t.text in NAME_PARTICLES and t.i == surname.i - 1)  # "von Bargen", not "Ben Stiller"
            and not any(a.dep_ == "poss" and a.i < surname.i for a in t.ancestors)  # "Saudi Arabia's"
        }
        # "Securities and Exchange Commission John Shad": the title's "and Exchange" goes with it
        padding |= {t.i for t in title if t.dep_ in ("cc", "conj") and t.head.i in padding}
        if span.start > 0 and span.start - 1 in padding and _names_a_thing(doc[span.start - 1]):
            padding -= set(range(span.start, span.end))  # "budget airline Virgin Blue": a firm's name stays
        drop |= padding
    return drop


_BREAKS = frozenset({",", ";", ":", "(", ")", "--", "—", "–"})


def _names_a_thing(t: Any) -> bool:
    """A common noun before a name that says it is a firm's or a product's: "airline" in "budget airline
    Virgin Blue" (which the small model tags a person)."""
    return t.pos_ == "NOUN" and t.text.islower() and t.lemma_.lower() in _THINGS_NAMED


# What a name after these is: a business, a brand or a product, never a person
_THINGS_NAMED = frozenset(
    word_list(
        """
        airline carrier firm company group maker manufacturer carmaker automaker bank lender broker insurer
        retailer chain supermarket brand network channel station label studio band website site magazine
        newspaper agency giant conglomerate operator provider supplier distributor developer publisher
        console device product model car drug game software
        """
    )
)


def _appositive_name(subject: Any) -> Any | None:
    """The name a common-noun subject is given in apposition: "operator [Eurotunnel]"."""
    if subject.pos_ != "NOUN":
        return None
    for child in subject.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and len(list(child.subtree)) <= 4
            and all(t.is_punct for t in subject.doc[subject.i + 1 : child.left_edge.i])
        ):
            return child  # right after the noun it names, not "a shareholder in US phone firm MCI"
    return None


def _objects_by_name(kept: set[int], verb: Any) -> set[int]:
    """An object after the verb goes by the name the story gives it at its end: "was televised on one
    of the biggest sports networks in the world, ESPN" → "televised on ESPN"."""
    # the verb's own objects, not a noun inside one: "the top diplomat of its closest ally, John Kerry"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    for t in objects:
        if t.i not in kept or t.i < verb.i or t.pos_ not in ("NOUN", "NUM"):
            continue
        name = _closing_name(t)
        if name is not None:
            return (kept - {w.i for w in t.subtree}) | {w.i for w in name.subtree if not w.is_punct}
    return kept


def _closing_name(noun: Any) -> Any | None:
    """A short name set off by a comma at the very end of the noun's phrase: "one of …, ESPN"."""
    for child in noun.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and child.right_edge.i == noun.right_edge.i
            and len(list(child.subtree)) <= 4
            and child.left_edge.i > 0
            and noun.doc[child.left_edge.i - 1].text == ","
        ):
            return child
    return None


def _short_subject(subject: Any) -> set[int]:
    """A name stands for itself: "US phone company SBC Communications" → "SBC Communications"; titles
    ("Secretary of State John Kerry") stay, being names too."""
    if subject.pos_ != "PROPN":
        return set()
    run = subject.i
    while (
        run > 0
        and (subject.doc[run - 1].pos_ == "PROPN" or _joined(subject.doc[run]))  # "Jay-Z"
        and subject.doc[run - 1].head.i in range(run, subject.i + 1)
    ):
        run -= 1
    prefix = [t for t in subject.subtree if t.i < run]
    if prefix and any(t.tag_ in ("NN", "NNS", "JJ", "JJS") for t in prefix):
        return {t.i for t in prefix}
    return set()


_PLURAL_PRONOUNS = frozenset({"we", "they", "you", "i", "these", "those"})  # "i" takes "have", as "we"


def _plural_subject(verb: Any) -> bool:
    # the writer's singular, where the tense shows it: "Marks and Spencer has" (a plural verb may be a
    # British collective, "UKIP have", which a headline makes singular)
    if any(
        t.tag_ == "VBZ" and t.lower_ not in ("'s", "’s")
        for t in [*(c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb]
    ):
        return False
    for child in verb.children:
        if child.dep_ == "csubj" and child.tag_ == "VBG" and _participle_before_plural(child, verb):
            return True
        if child.dep_ in ("nsubj", "nsubjpass"):
            if any(c.dep_ == "conj" and not _one_name(child, c) for c in child.children):
                return True  # "India and Russia sign", not "Johnson & Johnson agrees"
            if any(_and_another_subject(c, verb) for c in child.children):
                return True  # "Buddy Holly and I had had", which the small model reads as two subjects
            return child.tag_ in ("NNS", "NNPS") or child.lower_ in _PLURAL_PRONOUNS
    return False


def _and_another_subject(cc: Any, verb: Any) -> bool:
    """An "and" followed by another subject of the same verb."""
    nxt = cc.doc[cc.i + 1] if cc.i + 1 < len(cc.doc) else None
    return (
        cc.dep_ == "cc"
        and cc.lower_ == "and"
        and nxt is not None
        and nxt.dep_ == "nsubj"
        and nxt.head == verb
    )


def _participle_before_plural(gerund: Any, verb: Any) -> bool:
    """ "prosecuting attorneys began", which the small model reads as a gerund and its object: a plural
    noun between the "-ing" word and the verb is who acts, the "-ing" word describes them."""
    return any(
        c.dep_ == "dobj" and c.tag_ in ("NNS", "NNPS") and c.i == gerund.i + 1 == verb.i - 1
        for c in gerund.children
    )


def _one_name(first: Any, conj: Any) -> bool:
    """ "Johnson & Johnson", "AT&T": one firm's name, not two subjects."""
    return any(t.text == "&" for t in first.doc[first.i + 1 : conj.i])


_IRREGULAR_PRESENT = {
    "be": ("is", "are"),
    "have": ("has", "have"),
    "do": ("does", "do"),
    "go": ("goes", "go"),
}


def _past_for_good(verb: Any, aux_lemmas: list[str]) -> bool:
    """A past that a present tense would misreport: a habit that ended ("Specter used to call"), and what
    has happened before ("Buhari has ruled Nigeria before" is no "Buhari rules Nigeria before")."""
    if verb.lemma_.lower() == "use" and verb.tag_ == "VBD" and _takes_to_infinitive(verb):
        return True
    return "have" in aux_lemmas and any(
        c.dep_ == "advmod" and c.lower_ in ("before", "previously", "once") for c in verb.children
    )


def _verb_lemma(verb: Any) -> str:
    """The verb's lemma, mended where the small model strips a silent "e": it lemmatises "coped",
    "hoped", "scraped" as "cop", "hop", "scrap", whose own pasts double the consonant ("copped")."""
    lemma: str = verb.lemma_.lower()
    word = verb.lower_
    if word in (lemma + "ed", lemma + "ing") and _SHORT_CLOSED_SYLLABLE.search(lemma):
        return lemma + "e"
    return lemma


# one vowel then one consonant ending the only syllable: "cop", "scrap", "din" (not "visit", "open", "wait")
_SHORT_CLOSED_SYLLABLE = re.compile(r"^[^aeiouy]*[aeiou][^aeiouwxy]$")


def _present(verb: Any, plural: bool) -> str:
    lemma = _verb_lemma(verb)
    if not lemma.isalpha():
        return verb.text
    if lemma in _IRREGULAR_PRESENT:
        word = _IRREGULAR_PRESENT[lemma][1 if plural else 0]
    elif plural:
        word = lemma
    elif re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        word = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        word = lemma[:-1] + "ies"
    else:
        word = lemma + "s"
    return word.capitalize() if verb.text[:1].isupper() else word


# -- rules, when there is no model --------------------------------------------------------------------
_LEADING_CLAUSE = re.compile(
    r"^(?:As|While|After|When|Before|Although|Though|Despite|Amid|Following|With|Since|Once|If|Until|In|On"
    r"|At|During|Earlier|Later|Throughout|Under)\b[^,]{8,120},\s+(?=\w)"
)
_ATTRIBUTION = re.compile(
    r",\s+(?:[\w.'’-]+\s+){0,5}(?:said|says|told \w+|reported|announced|shows?|showed|suggests?|suggested"
    r"|found|finds|reveals?|revealed|indicates?|indicated)\s*\.?$"
)


def _loose_article(words: list[str], i: int) -> bool:
    """An article the rule's headline leaves out: the first word, or one before a lower-case word ("opening
    of [the] official …"); one before a capital may open a name or title ("the Liberal Democrats", "Fish in
    the Dark")."""
    if words[i].lower() not in _ARTICLES or (i > 0 and not words[i].islower()):
        return False
    return i == 0 or (i + 1 < len(words) and words[i + 1][:1].islower())


def _rule_headline(sentence: str, max_words: int) -> str:
    text = sentence.strip().rstrip(".")
    main = _LEADING_CLAUSE.sub("", text)
    if len(main.split()) >= 5:
        text = main
    text = _ATTRIBUTION.sub("", text)
    text = _DOUBLE_QUOTES.sub("", text)  # as the parsed headlines: no quotation marks, no articles
    words = re.split(r",\s|;\s|\s[-–—]{1,2}\s", text, maxsplit=1)[0].split()
    words = [w for i, w in enumerate(words) if not _loose_article(words, i)][:max_words]
    while words and words[-1].lower().strip(".,;:") in _DANGLING:
        words.pop()
    text = " ".join(words).rstrip(",;:")
    return text[:1].upper() + text[1:]
