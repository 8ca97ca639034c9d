"""The key sentence a headline is compressed from (`key_sentence`): the first sentence of the cleaned
body that reads as a statement: not a quote nor inside one, not a question, long enough, its subject one
the story names (a feature lead's "It is a formal scene" is passed over, and kept to fall back on); after
an opening quotation it may lie up to six sentences in.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.headline.clause import content_clause
from summarizer.headline.parsing import DEICTIC, FINITE_TAGS, auxiliaries, parse, root_of, subject_of
from summarizer.text import quote_marks, split_sentences, split_words

KEY_SENTENCE_MIN_WORDS = 6
KEY_SENTENCE_SCAN_CHARS = 5_000  # the first sentences are all it reads, however long the story
KEY_SENTENCE_LOOKAHEAD = 3  # the key sentence is among the first three sentences of the story


_QUOTE_OPEN = ('"', "“", "‘", "'")


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
            return [*_after_frame(s), s, *([unnamed] if unnamed else [])]
    return [unnamed or (sentences[0] if sentences else "")]


# "The news was stunning to hear: A young woman … was charged", "It's official: AMC's … series has a
# title": a frame, then the statement after its colon
_FRAME = re.compile(r"^([^:\"“”]{3,80}):\s+([A-Z].*)$")
FRAME_MAX_WORDS = 10


def _after_frame(sentence: str) -> list[str]:
    """The statement after a frame that names no one ("A year later, it still sounds impossible: A
    sophisticated airliner … disappears"), as its own sentence; [] when the sentence has no such frame,
    the frame names someone ("Obama had a simple message: Congress must act") or what follows the colon
    is no statement with a subject of its own (a list, a quote, "Don't taunt authorities")."""
    match = _FRAME.match(sentence)
    if match is None or len(split_words(match.group(1))) > FRAME_MAX_WORDS:
        return []
    frame, statement = parse(match.group(1)), parse(match.group(2))
    if frame is None or statement is None or any(t.pos_ == "PROPN" for t in frame[0]):
        return []
    root = root_of(statement[0])
    if root is None or not _finite(root) or subject_of(root) is None:
        return []
    return [match.group(2)] if len(split_words(match.group(2))) >= KEY_SENTENCE_MIN_WORDS else []


_FINITE = FINITE_TAGS | {"MD"}


def _finite(verb: Any) -> bool:
    """A verb with a tense of its own, or an auxiliary that gives it one ("leak", "has a title", "was
    charged"); not an infinitive the parser made the root ("nothing in their arsenal [to use] against")."""
    auxes = auxiliaries(verb)
    return verb.pos_ in ("VERB", "AUX") and (
        any(a.tag_ in _FINITE for a in auxes) or (verb.tag_ in _FINITE and not auxes)
    )


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


_VOICE = frozenset({"i", "we", "you"})  # who writes or speaks: no subject a headline can name


def _unnamed_subject(sentence: str) -> bool:
    """Whether the sentence's subject is a pronoun the story has not yet named, after an opening phrase
    too ("In fairy tales, it's usually the princess that needs protecting"); without the model, whether
    the sentence opens with one."""
    parsed = parse(sentence)
    if parsed is None:
        return bool(_UNNAMED_SUBJECT.match(sentence))
    root = root_of(parsed[0])
    if root is None:
        return False
    # the subject of what is reported, or who reports it: "Freeport-McMoran Gold said it will explore"
    # names its subject
    subjects = [subject_of(content_clause(root)), subject_of(root)]
    opening = parsed[0][: root.i]
    # a condition before it ("If you can't stand the cold, [start]") and its "do not" ("But don't [try]")
    condition = {t.i for c in root.children if c.dep_ == "advcl" and c.i < root.i for t in c.subtree}
    condition |= {c.i for c in root.children if c.dep_ in ("aux", "neg")}
    if (
        root.tag_ in ("VB", "VBP")
        and subjects[1] is None
        and all(t.pos_ in ("ADV", "INTJ", "CCONJ") or t.text == "," or t.i in condition for t in opening)
        and not any(c.dep_ == "aux" and c.lemma_.lower() != "do" for c in root.children)
    ):
        # the reader told what to do: "Find out who's attempting to circumnavigate the globe", "Now,
        # please keep your feet on the ground", "But don't try to use it", "If you can't stand the cold,
        # start thinking about an escape"
        return True
    # the writer's or a speaker's voice too ("I still remember the first time I read", "In Washington, we
    # are seeing"); not after a condition ("If you were a minority, you could not have done a better job
    # than the white leaders of Ferguson": an argument's "you")
    conditional = parsed[0][0].dep_ == "mark"
    unnamed = DEICTIC if conditional else DEICTIC | _VOICE
    return all(s is None or (s.lower_ in unnamed and not list(s.children)) for s in subjects) and any(
        s is not None for s in subjects
    )


def _verbless(sentence: str) -> bool:
    """A scene set without a verb of its own: "A room in a far flung corner of Afghanistan where a serious
    lecture is happening, ...; some are just impoverished" (the verbs are a relative clause's and a later
    clause's). False without the model."""
    parsed = parse(sentence)
    if parsed is None:
        return False
    doc = parsed[0]
    root = root_of(doc)
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
