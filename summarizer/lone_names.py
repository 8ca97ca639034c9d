"""A lone word the small spaCy model read as a person's, checked against what the story says of it.

The model calls many one-word names of clubs, firms, outlets and places "PERSON" ("Everton started
brightly", "Yukos is suing", "Hayes said"). Where nothing vouches for the word as someone's (no first
name, title, honorific or apposition in the story), it is no one when the story also uses it as a thing:
as a place ("inside Anfield", "Dimapur town"), as a team ("Lazio were favourites"), as a medium ("posted
on Twitter", "Twitter users"), as a body with staff or parts ("an Enafer official", "the former Yukos
subsidiary", "the Kayhan daily", "the Cobriza copper mine"), or as the short form of a firm's full name
("Hayes Microcomputer Products Inc" … "Hayes said"). A story that says "he", "she" or "who" of the word
keeps it: "Venus had a severe strain in her stomach". Used by summarizer/people.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.bodies import opens_firm_name
from summarizer.names import Mention

# where a thing is, never who someone is: "inside Anfield"; not "in", "at", "on" or "from", which people
# take too ("interest in Kendrick", "screamed at Kim", "pressure on Obama", "a letter from Bono")
_PLACE_BEFORE = re.compile(r"\b(?:inside|outside|near|across|throughout)\s+(?:the\s+)?$", re.I)
# a possessive's noun after the place word belongs to the person: "at Bono's home"
_OWNED_AFTER = re.compile(r"^['’]s?\s+[a-z]")
# a British team takes a plural verb; one person never does ("she and sister Venus are" is two people)
_TEAM_VERB_AFTER = re.compile(r"^\s+(?:were|are|have)\b")
_LISTED_BEFORE = re.compile(r"\b(?:and|&)\s+(?:\w+\s+)?$")
# what a body has and a person has not: "an Enafer official", "Yukos subsidiary", "Kayhan daily"; a
# mine or a plant may be named by what it yields ("the Cobriza copper mine")
_BODY_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:subsidiary|subsidiaries|affiliate|daily|newspaper|officials?|employees|shareholders"
    r"|headquarters|stadium|(?:[a-z]+\s+)?(?:mine|plant|factory|refinery))\b"
)
# what a place is: "the state's Dimapur district", "Dimapur town"
_PLACE_AFTER = re.compile(
    r"^\s+(?:district|town|village|province|county|region|township|municipality|prefecture|suburb"
    r"|neighbou?rhood)\b"
)
# where something is posted or read, and what it has: a medium, never someone ("follow him on Twitter",
# "went viral on Vine", "took to Twitter", "Twitter users", "his Instagram account"); not "on" alone
# ("pressure on Obama")
_MEDIUM_BEFORE = re.compile(
    r"\b(?:posted|posting|posts?|tweeted|wrote|shared|sharing|said|announced|viral|trending|live|streamed|"
    r"uploaded|follow(?:ed|ing|s)?|reactions?|outpouring|comments?|snipes)\s+(?:[\w@'’-]+\s+){0,3}?(?:on|via)\s+$"
    r"|\b(?:took|taken|takes?|taking)\s+to\s+$|\busers?\s+of\s+$",
    re.I,
)
_MEDIUM_AFTER = re.compile(
    r"^\s+(?:accounts?|handles?|feeds?|followers|users|page|posts?|channel|profile|app)\b"
)
_WHO_AFTER = re.compile(r"^,?\s+(?:who|whom)\b")  # "Kendrick, who may move in January"
# "he" or "she" said after the word, before any other name, is its: "Venus had a strain in her stomach";
# "her" as an object is someone else's ("Kayhan called her a traitor"), and so is "him"
_HE_OR_SHE = re.compile(
    r"\b(?:he|she|his|himself|herself|her(?!\s+(?:a|an|the|to|that|and|in|on|at|for|with|of|as|from|by)\b)"
    r"(?=\s+[a-z]))\b",
    re.I,
)


def reads_as_thing(
    word: str,
    own: Sequence[Mention],
    sentences: Sequence[str],
    others: Sequence[Mention],
    headline_at: int | None = None,
) -> bool:
    """Whether the lone `word`, said at `own`, is a place, a team or a body's name in this story and is
    never "he", "she" or "who". `others`: every name the sentences say (a pronoun after another name is that
    one's). The headline, sentence `headline_at`, may capitalise every word: no longer name is read there."""
    body = [s for i, s in enumerate(sentences) if i != headline_at]
    thing = opens_firm_name(word, body)
    for m in own:
        s = sentences[m.sent]
        before, after = s[: m.start], s[m.end :]
        nxt = min((o.start for o in others if o.sent == m.sent and o.start >= m.end), default=len(s))
        if _HE_OR_SHE.search(s[m.end : nxt]) or _WHO_AFTER.match(after):
            return False
        thing = thing or bool(
            (_PLACE_BEFORE.search(before) and not _OWNED_AFTER.match(after))
            or (_TEAM_VERB_AFTER.match(after) and not _LISTED_BEFORE.search(before))
            or _BODY_AFTER.match(after)
            or _PLACE_AFTER.match(after)
            or (_MEDIUM_BEFORE.search(before) and not _OWNED_AFTER.match(after))
            or _MEDIUM_AFTER.match(after)
        )
    return thing
