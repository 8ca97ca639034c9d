"""Names a story shows to be a body's or a thing's, not a person's, whatever the model reads: "oil giant
Yukos", "the Creative Zen portable media player", "his Twitter feed", "Security Pacific" of "Security
Pacific Corp". /who (summarizer/people.py) decides these mentions before it asks the model."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.lexicon import word_list
from summarizer.names import Mention, name_key

# The kind of body a name right after it is: "oil giant Yukos", "the militant group Boko Haram", "his band
# New Order", "the film Vera Drake"; or of animal: "Irish setter Jagger". Lower case and right before the
# name ("group chairman John Browne" has the title between).
_KIND_BEFORE = re.compile(
    r"\b(?:group|band|firm|company|giant|airline|carrier|label|network|website|newspaper|magazine|broadcaster"
    r"|charity|insurer|retailer|chain|brand|studio|manufacturer|outfit|organi[sz]ation"
    r"|militia|movement|bank|channel|programme|show|series|serial|sitcom|drama|soap|documentary|film|movie"
    r"|album|song|single|novel|musical|opera|franchise|animation|cartoon|ship|vessel|hotel|restaurant"
    r"|carmaker|automaker"
    r"|(?:car|wine|drug|chip|steel|aircraft|computer|toy|phone|software|truck|tyre|tire|beer|food)\s?makers?"
    r"|auctioneers?|brokerage|bookmakers?|reinsurer|distributor|conglomerate|consultancy|act|utility"
    r"|laboratory|agency|daily|tabloid|game|virus|robot|mine|theatre|theater|stadium|battleship|character"
    r"|dog|puppy|terrier|setter|retriever|spaniel|poodle|bulldog|collie|horse|stallion|mare|colt|filly|gelding"
    r"|cat|kitten|panda|gorilla|elephant|parrot)\s+$"
)
# the legal forms that end a firm's name, as they are written ("BASF AG", "Luda Werke AG")
_LEGAL_FORMS_WRITTEN = tuple(word_list("AG LP LLP LLC Bhd NV PLC Plc plc Ltd Inc Corp GmbH SpA"))
_LEGAL_FORMS = frozenset(f.lower() for f in _LEGAL_FORMS_WRITTEN)
# the legal form that ends a firm's name, right after it or after more of its name: "Gabelli-Rosenthal and
# Partners LP", "BASF AG", "Hayes Microcomputer Products Inc"
_FIRM_AFTER = re.compile(
    rf"(?:\s+[A-Z][\w&'’-]*){{0,3}}\s+(?:{'|'.join(_LEGAL_FORMS_WRITTEN)}|P\.C\.)(?![\w-])"
    r"|\s+(?:and|&)\s+(?:Partners|Co|Sons|Associates|Montague)\b"
)
# what a name names after a person: a place, an event, a law, a disease ("the Prince Edward Theatre", "the
# Gino Marinuzzi conducting competition", "the Gephardt provision", "Lou Gehrig's disease")
_EPONYM_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+\s+)?(?:Theatre|Theater|Stadium|Hotel|Airport|Arena|theatre|stadium|competition|"
    r"contest|provision|amendment|doctrine|disease|syndrome|virus|scam|prize|trophy|cup|award|scholarship)(?![\w-])"
)
# a title in quotation marks: a show's, a film's, a song's ("Top Gear", "Downton Abbey,")
_QUOTE_BEFORE = re.compile(r"[\"“‘]$")
_QUOTE_AFTER = re.compile(r"[,.!?]?(?:[\"”]|’(?!s\b))")  # not a possessive's: ‘David Cameron’s failure’
# an apposition that says what kind of body the name is: "NM Rothschild, the investment bank,", "Shin Bet,
# Israel's internal security agency"
# (or what follows the kind tells more of it: "Boko Haram, a Nigerian terrorist group with thousands of …")
_KIND_APPOSITION = re.compile(
    r",\s+(?:the|an?|[A-Z][\w.]*['’]s)\s+(?:[\w-]+\s+){0,2}"
    r"(?:bank|firm|company|group|brokerage|insurer|reinsurer|retailer|carmaker|airline|newspaper|daily|"
    r"broadcaster|charity|agency|consultancy|conglomerate|utility|militia|movement|organi[sz]ation|network|"
    r"faction|coalition|alliance)"
    r"(?:\s*[,.;)]|\s+(?:with|that|which|whose|based|founded|in|of|from|behind|known|run|led)\b)"
)
# a role someone plays: "characters like Stanley Kowalski", "starred as Maj. Manley Battle", "portrayed Fagin"
_ROLE_BEFORE = re.compile(
    r"\b(?:characters?\s+(?:like|such\s+as|called|named)|(?:the\s+)?role\s+of|portray(?:s|ed|ing)?"
    r"|star(?:s|red|ring)?\s+as|play(?:s|ed|ing)?\s+the\s+(?:part|role)\s+of)\s+(?:(?:[A-Z][\w.]*\s+){0,2}and\s+)?$"
)
_BARE_KIND_BEFORE = re.compile(r"\b[Tt]he\s+[a-z]+\s+$")
# the verb of "the company Bill Gates founded" (or "has built") is the clause's own; after one word, an
# auxiliary's is the kind's: "the game Manhunt was blamed"
_AUXILIARY_AFTER = re.compile(r"\s+(?:is|was|are|were|has|had|have|will|would)\b")
# a name that ends in what it is on sale as: "Shark Tale DVD"
_FORMATS = frozenset(["dvd", "dvds", "cd", "cds"])
# the last word of a firm's or a product's name, never of a person's: "Luda Werke AG", "Shark Tale DVD"
_THING_ENDINGS = _LEGAL_FORMS | _FORMATS
# a product's name before what it is: "the Creative Zen portable media player", "the Nokia N95 phone"
_THING_AFTER = re.compile(
    r"\s+(?:(?!(?:in|on|at|of|by|for|with|from|into|a|an|the|and|or|his|her|their|its)\s)[a-z][\w-]*\s+){0,2}"
    r"(?:player|players|phone|phones|handset|handsets|console|consoles|laptop"
    r"|computer|camera|device|devices|car|cars|jet|jets|aircraft|airliner|browser|software)\b"
)
# what only a group has, right after its name: "Boko Haram fighters", "Boko Haram's leader", "Charlie Hebdo
# offices", "the Charlie Hebdo satirical magazine" (a person's name before these is rare: "Sanders
# supporters" and "Obama's staff" are not here)
_MEMBERS_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:fighters|militants|insurgents|gunmen|rebels|factions?|jihadists|extremists|militia"
    r"|cartoonists|commanders)\b|['’]s\s+(?:leader|leaders|founder|founders)\b"
    r"|\s+(?:offices|headquarters|journalists|(?:satirical\s+)?(?:magazine|newspaper|weekly|tabloid))\b"
)
# a name someone owns, said before a thing: "his Twitter feed", "her Gucci bag"
_OWNED_BEFORE = re.compile(r"\b(?:his|her|their|its|my|our|your)\s+$", re.IGNORECASE)
# the words that end a firm's full name: "Dart Group Corp" makes "Dart" the firm, not a person
_FIRM_ENDINGS = _LEGAL_FORMS | frozenset(["co", "group", "company", "corporation", "holdings"])


def opens_firm_name(word: str, sentences: Sequence[str]) -> bool:
    """Whether the story writes `word` as the opening word of a firm's full name: "Hayes Microcomputer
    Products Inc", "Metall und Rohstoff AG"."""
    rx = re.compile(rf"\b{re.escape(word)}(?:\s+(?:und|de|du|des|del|van|von))?(?:{_FIRM_AFTER.pattern})")
    return any(rx.search(s) for s in sentences)


def drop_bodies(sentences: Sequence[str], mentions: list[Mention]) -> None:
    """No mention of a name the story shows to be a body's is a person's, unless a title, honorific or
    apposition says it is (an apposition naming a kind of body says the opposite): "Security Pacific
    said" reads as a person's words till "Security Pacific Corp". A name that only names a thing after
    someone ("the Prince Edward Theatre", "Lou Gehrig's disease") is no person there; elsewhere the story
    may name the person."""
    bodies = _bodies(sentences, mentions)
    titles = _quoted_titles(sentences, mentions)
    for m in mentions:
        if m.person is False or m.forced_role:
            continue
        key = name_key(m.tokens)
        after = sentences[m.sent][m.end :]
        # the apposition that vouches for it says it is a body: "Boko Haram, a Nigerian terrorist group"
        body = (key in bodies and not m.vouched) or bool(_KIND_APPOSITION.match(after))
        named_thing = _EPONYM_AFTER.match(after) or _EPONYM_AFTER.match(" " + m.tokens[-1])
        if body or named_thing:
            m.person = False
        if key in titles:
            m.extra["title"] = "1"  # a show's or a book's: no surname said alone makes it someone's


def _quoted_titles(sentences: Sequence[str], mentions: list[Mention]) -> set[tuple[str, ...]]:
    """Names of two words or more the story only ever writes in quotation marks of their own: a show's,
    a film's or a book's title (CNN's "Finding Jesus," which airs on Sundays)."""
    quoted: dict[tuple[str, ...], bool] = {}
    for m in mentions:
        key = name_key(m.tokens)
        if len(key) >= 2:
            quoted[key] = quoted.get(key, True) and _in_own_quotes(sentences[m.sent], m)
    return {key for key, alone in quoted.items() if alone}


def _in_own_quotes(sentence: str, m: Mention) -> bool:
    """Whether quotation marks open right before the name and close right after it ("Downton Abbey,")."""
    return bool(_QUOTE_BEFORE.search(sentence[: m.start]) and _QUOTE_AFTER.match(sentence[m.end :]))


def _bodies(sentences: Sequence[str], mentions: list[Mention]) -> set[tuple[str, ...]]:
    """Names the story shows to be a body's or a thing's, not a person's: said right after the kind of
    body it is ("oil giant Yukos") or before what it is ("the Creative Zen portable media player"), owned
    ("his Twitter feed"), said before what only a group has ("Boko Haram fighters"), or the opening words
    of a firm's full name the story gives ("Security Pacific" of "Security Pacific Corp"; not a
    foundation's or a prize's, which may bear a person's name)."""
    firms = [
        name_key(m.tokens)
        for m in mentions
        if m.person is False and len(m.tokens) >= 2 and m.tokens[-1].lower().rstrip(".") in _FIRM_ENDINGS
    ]
    out: set[tuple[str, ...]] = set()
    for m in mentions:
        key = name_key(m.tokens)
        sentence = sentences[m.sent]
        before, after = sentence[: m.start], sentence[m.end :]
        owned = _OWNED_BEFORE.search(before) and re.match(r"\s+[a-z]", after)
        # "the company Bill Gates founded": a bare "the" kind, then a clause whose subject is the name
        clause = (
            _BARE_KIND_BEFORE.search(before)
            and re.match(r"\s+[a-z]", after)
            and not (len(m.tokens) == 1 and _AUXILIARY_AFTER.match(after))
        )
        quoted = _in_own_quotes(sentence, m)
        thing = m.tokens[-1].rstrip(".").lower() in _THING_ENDINGS
        if (
            owned
            or quoted
            or thing
            or (_KIND_BEFORE.search(before.lower()) and not clause)
            or _ROLE_BEFORE.search(before)
            or _KIND_BEFORE.search(m.tokens[0].lower() + " ")  # the run holds it: "Bookmaker William Hill"
            or _KIND_APPOSITION.match(after)
            or _THING_AFTER.match(after)
            or (len(key) >= 2 and _MEMBERS_AFTER.match(after))
            or _FIRM_AFTER.match(after)
            or any(len(f) > len(key) and f[: len(key)] == key for f in firms)
        ):
            out.add(key)
    return out
