"""Whether what `/who` read as someone's organisation names a body, and the body named after a name.

summarizer/names.py finds an organisation in a person's title ("State Department spokeswoman") or right
after the name ("Charles Ebinger of the Center for Strategic and International Studies"). ORG_WORDS marks
a capitalised run as no person's name, so it also holds places, directions, events and media: "South
Korean", "US TV", "World Cup" or "the Republic of Georgia" are no one's employer. `names_a_body` keeps an
organisation only where one of its words names a body, is an acronym, or is a name of its own.
"""

from __future__ import annotations

import re

from summarizer.lexicon import DAYS, MONTHS, NATIONALITY, ORG_WORDS, is_place_name, word_list

# Words of ORG_WORDS that name no body alone: a place, a direction, a time, an event, a medium or a
# trade ("Energy Minister" works for no "Energy").
_NO_BODY = frozenset(
    word_list(
        """
        street road avenue square county state states republic kingdom island islands sea ocean river
        mountain mountains valley lake east west north south central northern southern eastern western
        middle gulf bay coast peninsula day week month year century war wars crisis agreement accord deal
        protocol convention tour tours europe asia africa americas pacific atlantic marathon cup open games
        olympics series trophy championship championships awards award prize festival conference summit
        treaty act plan programme program project index zone tv television media energy oil gas telecom
        leisure rescue affairs unit international national global market markets capital entertainment
        street's
        """
    )
)
# Words that qualify a title's organisation, not name it: "Senate Majority Leader", "Former Cabinet
# minister" (but "Republican National Committee" opens with its own word)
_QUALIFIERS = frozenset(word_list("majority minority democratic republican"))
_FORMER = frozenset(word_list("former ex"))
_NOT_ITS_OWN_NAME = _NO_BODY | _QUALIFIERS | _FORMER  # words that alone name no body
_BODY_WORDS = ORG_WORDS - _NO_BODY
_DATE_WORDS = DAYS | MONTHS
_JOINERS = frozenset(["of", "for", "and", "&", "the", "on"])
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")


def names_a_body(org: str) -> bool:
    """Whether an organisation read from a title or after a name names a body ("State Department",
    "Barclays Capital", "NASA"), not only a place, a people or a medium ("South Korean", "US TV",
    "Republic of Georgia", "Wars" of "Star Wars franchise owner")."""
    words = [w.strip("'’") for w in org.split()]
    rest = [w for w in words if w.lower() not in _JOINERS]
    if not rest or is_place_name(" ".join(rest).lower()):
        return False
    for w in rest:
        low = w.lower()
        if _ACRONYM.fullmatch(w) and low not in NATIONALITY and low not in _NO_BODY:
            return True
        if low in NATIONALITY or is_place_name(low) or low in _NOT_ITS_OWN_NAME:
            continue
        return True  # a body's word ("Department") or a name of its own ("Barclays", "Lycos")
    return False


def without_qualifiers(org: str) -> str:
    """An organisation less the words that qualify a title around it: "Senate" of "Senate Majority
    Leader", "Cabinet" of "Former Cabinet minister"."""
    words = org.split()
    while words and words[0].lower() in _FORMER:
        words = words[1:]
    while words and words[-1].lower() in _QUALIFIERS:
        words = words[:-1]
    return " ".join(words)


# A capitalised word, and the words that may join two of them inside one name: "Center for Strategic and
# International Studies", "National Organization of Black Law Enforcement Executives".
_CAP = r"[A-Z][\w'’\-]*"
_LINK = r"\s+(?:(?:of|for|and|&|on)\s+(?:the\s+)?)?"
_BODY_AFTER = re.compile(rf"\s+(?:from|of)\s+(?:the\s+)?({_CAP}(?:{_LINK}{_CAP}){{0,8}})")


def org_after_name(sentence: str, end: int) -> str | None:
    """An organisation named right after the name: "… from the Acme Corporation", "… of the Center for
    Strategic and International Studies". An "and" after a body's word or a place ends it: "of Harvard
    University and Yale" names Harvard University, "of Miami University of Ohio and John Edwards" the
    university."""
    m = _BODY_AFTER.match(sentence, end)
    if not m:
        return None
    words = m.group(1).split()
    # "of the Republic of Georgia on Monday": a date follows the name
    words = words[: next((i for i, w in enumerate(words) if w.lower() in _DATE_WORDS), len(words))]
    for i, w in enumerate(words):
        before = words[i - 1].lower().strip("'’")
        if w.lower() in {"and", "&"} and (before in _BODY_WORDS or is_place_name(before)):
            words = words[:i]
            break
    while words and words[-1].lower() in _JOINERS:
        words = words[:-1]
    org = " ".join(words)
    if any(w.lower().strip("'’") in ORG_WORDS for w in words) and names_a_body(org):
        return org
    return None
