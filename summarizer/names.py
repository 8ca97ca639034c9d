"""Finding people's names in sentences: capitalised runs, whether a run names a person, aliases.

A *run* is a stretch of capitalised tokens ("Deputy Attorney General Lisa Monaco"). Rules split it
into a title and a name, and decide whether the name is a person from grammar and journalism
conventions: an honorific or a job title before it, a title apposition after it ("Rich Verma, deputy
secretary of state"), a speech verb, a match with a name already known. The titles themselves are read
by summarizer/titles.py. Runs the rules cannot decide are left for the optional spaCy model (see
summarizer/ner.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.lexicon import (
    DAYS,
    FULL_MONTHS,
    HONORIFICS_DROPPED,
    HONORIFICS_KEPT,
    MONTHS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NATIONALITY,
    ORG_WORDS,
    PORTFOLIO_WORDS,
    POST_NOMINALS,
    RELATIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_COMPLEMENTS,
    TITLE_HEADS,
    US_STATES,
    WORD_SURNAMES,
    is_peoples_word,
    is_place_name,
    word_list,
)
from summarizer.name_tokens import POSSESSIVE_TOKENS, Tok, tokenize
from summarizer.organizations import names_a_body, org_after_name, without_qualifiers
from summarizer.titles import (
    TITLE_MODIFIERS,
    has_title_head,
    head_word,
    relative_title,
    title_after_name,
    title_before_name,
)
from summarizer.word_signals import commonness

# Party labels in front of a name describe it ("Tory Dominic Grieve", "Democrat Nancy Pelosi").
PARTY_WORDS = frozenset(
    word_list(
        """
        tory tories labour conservative democrat democratic republican liberal socialist communist green
        nationalist unionist dem dems
        """
    )
)
_LIST_JOIN = frozenset({",", ";", "and", "&"})


@dataclass
class Mention:
    """One occurrence of a (possible) person name in a sentence."""

    sent: int
    start: int  # char offsets of the name inside its sentence
    end: int
    tokens: tuple[str, ...]
    title: str | None = None
    title_start: int | None = None  # where a title before the name starts
    appos: str | None = None  # title apposition after the name
    appos_end: int | None = None
    organization: str | None = None
    honorific: bool = False
    person: bool | None = None  # True/False when the rules decided, None when undecided
    forced_role: str | None = None
    pid: int = -1
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def vouched(self) -> bool:
        """A title, an honorific, an apposition or kin says this is someone ("Gov. …", "Mr …", "…, a
        lawyer", "his wife Robyn")."""
        return self.honorific or _vouching_title(self.title) or bool(self.appos) or "kin" in self.extra

    @property
    def mask_start(self) -> int:
        return self.title_start if self.title_start is not None else self.start

    @property
    def mask_end(self) -> int:
        return self.appos_end if self.appos_end is not None else self.end


def mentions_by_sentence(mentions: Iterable[Mention]) -> dict[int, list[Mention]]:
    """Mentions by sentence, each sentence's in the order the sentence says them."""
    out: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.sent, m.start)):
        out.setdefault(m.sent, []).append(m)
    return out


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Accent- and case-insensitive key ("López" == "lopez")."""
    nfkd = unicodedata.normalize("NFKD", s)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).casefold().strip(".")


def is_all_caps(text: str) -> bool:
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper + lower > 12 and upper > 4 * lower


def recase(sentence: str, lower_vocab: set[str]) -> str:
    """Wire copy in capitals ("SHULTZ BEGINS ARMS TALKS"): lower common words, capitalise the rest."""

    def fix(m: re.Match[str]) -> str:
        w = m.group()
        low = w.lower()
        if (
            low in STOPWORDS
            or low in lower_vocab
            or low in TITLE_HEADS
            or low in TITLE_MODIFIERS
            or low in ORG_WORDS
        ):
            return low
        if re.fullmatch(r"(?:[A-Z]\.){2,}", w):
            return w
        return w[:1] + w[1:].lower()

    return re.sub(r"[^\W\d_][\w'’\-]*", fix, sentence)


def _is_name_token(t: Tok) -> bool:
    return t.is_cap and t.is_word


# Words that open a clause, never a name's part: a capitalised one inside a run starts a new run ("So" is
# left out: it is a syllable of Korean names, "Kim So Hyun")
_CLAUSE_OPENERS = frozenset(word_list("but and or yet because although though while whereas"))


def find_runs(toks: list[Tok]) -> list[tuple[int, int]]:
    """[i, j) token ranges of capitalised runs; particles and "of"/"for" may join two capitalised parts."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        if not _is_name_token(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = toks[j]
            if t.low in _CLAUSE_OPENERS:
                break  # "… against South Africa But Stewart made clear": a caption ran into the sentence
            if _is_name_token(t) or t.low in NAME_SUFFIXES:
                j += 1
            elif (
                (t.low in NAME_PARTICLES or t.low in {"of", "for"})
                and j + 1 < n
                and _is_name_token(toks[j + 1])
            ):
                j += 2
            elif (  # two particles: "Jeroen van der Veer", "Maria de la Cruz"
                t.low in NAME_PARTICLES
                and j + 2 < n
                and toks[j + 1].low in NAME_PARTICLES
                and _is_name_token(toks[j + 2])
            ):
                j += 3
            elif (
                t.low in {"of", "for"}
                and j + 2 < n
                and toks[j + 1].low == "the"
                and _is_name_token(toks[j + 2])
                and head_word(toks[j - 1], False)
            ):  # "Deputy Governor of the Central Bank Grace Mwangi"
                j += 3
            else:
                break
        runs.append((i, j))
        i = j
    return runs


# what a title's organisation never ends with: "Russian Space Agency General Director", "radio DJ"
_ORG_TAIL_WORDS = TITLE_HEADS | ROLE_NOUNS | {"of", "for"}
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
# words of a rank before its abbreviation: "Rear Adm.", "Staff Sgt."
_RANK_MODIFIERS = frozenset(word_list("rear vice staff master first lance brigadier"))
# a title's first word, which a body's name does not end in: "District Attorney", "Prosecuting Attorney",
# "Circuit Judge"
_TITLE_OPENERS = {
    "attorney": frozenset(["district", "state", "prosecuting"]),
    "judge": frozenset(["district", "circuit"]),
}


# what may stand between two capitalised parts of a body's name: "Food and Drug Administration", "Procter &
# Gamble", "Council on Foreign Relations"; and a possessive before a bare body's word: "Alzheimer's Society"
_BODY_JOINERS = frozenset(["and", "&", "on"])


def _joined_runs(toks: list[Tok], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Capitalised runs joined as one body's name across what `_BODY_JOINERS` holds, or a possessive when
    what follows is one bare body's word ("the Alzheimer's Society", "Kurdistan Workers' Party"; not
    "Obama's White House"): "U.S. Department of Health and Human Services". Not a portfolio before its title
    ("Energy and Mines Minister"), nor the tail of a longer name ("Center on Religion and …" ends "Chinese
    Society"), nor two places ("West Bank and Gaza")."""
    out: list[tuple[int, int]] = []
    for n, first in enumerate(runs):
        if first[0] >= 2 and not toks[first[0] - 1].is_cap and toks[first[0] - 2].is_cap:
            continue
        end = first
        for nxt in runs[n + 1 :]:
            gap = toks[end[1]] if end[1] + 1 == nxt[0] else None
            word = toks[nxt[0]].low
            bare_body = nxt[1] - nxt[0] == 1 and word in ORG_WORDS and not is_place_name(word)
            if gap is None or not (gap.low in _BODY_JOINERS or (gap.text in POSSESSIVE_TOKENS and bare_body)):
                break
            if toks[nxt[1] - 1].low.rstrip(".") in TITLE_HEADS:
                break
            if all(is_place_name(" ".join(t.low for t in toks[i:j])) for i, j in (end, nxt)):
                break
            end = nxt
            out.append((first[0], end[1]))
    return out


_FIELDS = PORTFOLIO_WORDS | {"intelligence"}
_QUOTED_WORK = re.compile(r"[\"“][^\"“”]*[\"”]")


# what a royal's name may open: "Duke University", "King Abdullah University", "Queen Mary Hospital"
_INSTITUTIONS = frozenset(
    word_list(
        "university college school hospital infirmary institute foundation museum airport stadium library "
        "academy centre center park bridge"
    )
)


def _royal_names_someone(name_toks: Sequence[Tok]) -> bool:
    """ "Prince Charles" names someone; "Prince of Wales" is a title, and "Duke University" and "Queen
    Elizabeth Hospital" are named after a royal."""
    return (
        len(name_toks) > 1
        and name_toks[1].low not in {"of", "for"}
        and name_toks[-1].low not in _INSTITUTIONS
    )


def _named_after_royal(part: Sequence[Tok]) -> bool:
    """ "Queen Victoria Hospital", "King Abdullah University": a body named after a royal keeps the title."""
    return (
        len(part) >= 3
        and part[0].low in HONORIFICS_KEPT
        and part[1].is_cap
        and part[1].low not in TITLE_HEADS
        and part[-1].low in ORG_WORDS
    )


def _general_body(part: Sequence[Tok]) -> bool:
    """ "General Motors": "General" opens a body's name here, not a rank."""
    return len(part) >= 2 and part[0].low == "general" and part[1].is_cap and part[1].low in ORG_WORDS


def _org_in(text: str | None) -> str | None:
    """The organisation named in a title ("Department of Homeland Security", "CNN", "State Department")."""
    if not text:
        return None
    # a work's name in quotation marks is no body's: "author of the book \"On Your Case: A … Court Guide\""
    toks = tokenize(_QUOTED_WORK.sub(lambda q: " " * len(q.group()), text))
    best: str | None = None
    runs = find_runs(toks)
    for i, j in [*runs, *_joined_runs(toks, runs)]:
        part = toks[i:j]
        org_at = max((n for n, t in enumerate(part) if t.low in ORG_WORDS), default=-1)
        complement = any(t.low in {"of", "for"} for t in part[org_at + 1 :]) if org_at >= 0 else False
        # "Russian Space Agency General Director" -> the agency; "Department of Criminal Justice" stays
        # a rank's abbreviation keeps its full stop ("Air Force Col.", "Navy Rear Adm.")
        while part and not complement and part[-1].low.rstrip(".") in _ORG_TAIL_WORDS:
            rank = part[-1].text.endswith(".")
            head = part[-1].low.rstrip(".")
            part = part[:-1]
            while part and part[-1].low in _TITLE_OPENERS.get(head, ()):
                part = part[:-1]  # "Bristol County District Attorney": the county, not "… District"
            while rank and part and part[-1].low in _RANK_MODIFIERS:
                part = part[:-1]
        while (
            part
            and not _named_after_royal(part)
            and not _general_body(part)
            and (
                part[0].low.rstrip(".") in TITLE_HEADS
                or part[0].low in {"of", "for", "the"}
                or part[0].text in POSSESSIVE_TOKENS
            )
        ):
            part = part[1:]
        if not part or (len(part) == 1 and part[0].low in TITLE_COMPLEMENTS):
            continue
        if len(part) > 1 and part[0].low == "national" and all(t.low in _FIELDS for t in part[1:]):
            continue  # "National Security Adviser" advises on a field: no body "National Security"
        first_org = next((n for n, t in enumerate(part) if t.low in ORG_WORDS), len(part))
        if (
            any(t.low in TITLE_HEADS for t in part[:first_org])
            and not _named_after_royal(part)
            and not _general_body(part)
        ):
            continue  # "U.S. Secretary of State" is a title
        # a title's "then-" or "ex-" is no part of the body's name: "then-House Speaker" -> "House"
        cand = without_qualifiers(text[part[0].start + part[0].prefix : part[-1].end])
        is_org = any(t.low in ORG_WORDS for t in part) or (
            len(part) == 1 and re.fullmatch(r"[A-Z]{2,6}", part[0].text) and part[0].low not in NATIONALITY
        )
        is_org = is_org and names_a_body(cand)
        if is_org and (best is None or len(cand) > len(best)):
            best = cand
    return best


_DESCRIBING_COMPOUND = re.compile(r"[A-Z][a-z]*(?:-[a-z]+)*-[a-z]{3,}")


_GIVEN_NAME_WORDS = frozenset(["will", "may"])
# what opens a sentence before a name, and is no stop word: "Following Netanyahu, …", "Dubbed China's …"
_OPENING_PREPOSITIONS = frozenset(
    word_list(
        "unlike following amidst throughout regarding concerning excluding considering pending dubbed "
        "nicknamed"
    )
)
# the reader told to do something: "Meet Jane Corrigan, the woman who …", "Follow Evangelista's project"
_OPENING_IMPERATIVES = frozenset(word_list("meet follow watch visit join click listen"))


# what a story calls a person before the full name, opening a sentence: "Veteran Ray Colan", "Teenager Ann
# Rowley", "Unbeaten Floyd Mayweather"
_DESCRIPTIONS = frozenset(
    word_list(
        """
        veteran teenager teen youngster newcomer rookie schoolgirl schoolboy pensioner grandmother
        grandfather widow widower toddler student suspect defendant victim survivor unbeaten legendary
        evil unpopular
        """
    )
)


def _strip_sentence_initial(toks: list[Tok], i: int, j: int, lower_vocab: set[str]) -> int:
    """Drop a capitalised common word starting a sentence ("Negotiators", "Many") or describing what
    follows (`_opening_descriptor`: "Following Netanyahu", "Veteran Ray Colan") from a run, and a
    compound whose tail is lower case ("Oscar-nominated Owen", "Owner-breeder Ann Cole"): a name's
    hyphenated parts are capitalised ("Kilroy-Silk")."""
    while i < j:
        t = toks[i]
        at_start = i == 0 or toks[i - 1].text in {'"', "“", "‘", "'", "(", "-", "—", "–", "•", ":"}
        low = t.low
        # "among them Will Smith": a first name that is also a word, capitalised inside a sentence; "Will"
        # opening a sentence that asks nothing is one too ("Will Welch and Ally Hogg return", not "Will
        # Congress act?")
        opening_will = low == "will" and not _asks(toks)
        given = low in _GIVEN_NAME_WORDS and i + 1 < j and (not at_start or opening_will)
        if low == "first" and i + 1 < j and toks[i + 1].low == "lady":
            break  # "First Lady Michelle Obama": "First" opens her title
        if (
            (low in STOPWORDS and t.text not in {"Mr", "Ms", "Mrs", "Dr"} and not given)
            or _PRONOUN.fullmatch(low)  # "I'm Avery Wallace and I've always known"
            or (at_start and low in lower_vocab and low not in TITLE_HEADS and low not in TITLE_MODIFIERS)
            or (at_start and _opening_descriptor(toks, i, j))
            or (i + 1 < j and _DESCRIBING_COMPOUND.fullmatch(t.text))
        ):
            i += 1
        else:
            break
    return i


def _asks(toks: list[Tok]) -> bool:
    """Whether the sentence is a question (its last mark, before closing quotes, is "?")."""
    marks = [t.text for t in toks if t.text not in {'"', "”", "’", "'", ")"}]
    return bool(marks) and marks[-1] == "?"


# a compound that makes a name describe something: "Janet Jackson-style", "Blair-led", "Paris-based"
_DESCRIBING_SUFFIX = re.compile(
    r"-(?:style|led|based|born|backed|owned|era|like|inspired|linked|funded|run|made|controlled|held"
    r"|dominated|sized|esque|type|starring|produced|directed|fronted|hosted|penned|written|designed)$"
)


_PEOPLE_IN_NUMBERS = frozenset(word_list("children women men people kids"))
# words that open a ship's name ("USS Enterprise"), and Arabic, Persian and Urdu words that open an armed
# group's or a party's (supporters, soldiers, province, front, movement, party, army, brigades, free men,
# organisation: "Ansar al-Sharia", "Jund al-Khilafah") or a town's ("Lashkar Gah"); a football club's
# initials ("VfL Wolfsburg", "FC Porto", "AC Milan") and the first words of teams' names that name no one
# after them ("Bayer Leverkusen", "Dynamo Kiev", "Toro Rosso"; the magician Dynamo is someone)
_THING_OPENERS = frozenset(
    word_list(
        "uss hms hmas hmcs ansar jund wilayat jabhat harakat hizb jaish kataib liwa ahrar lashkar tehrik "
        "tehreek tanzim vfl vfb fc sv ac rb bayer dynamo toro"
    )
)
# clubs' first words that name no one alone either: "Atletico Madrid", and "Shakhtar's goal" after
# "Shakhtar Donetsk"
_CLUB_WORDS = frozenset(
    word_list(
        "atletico atlético borussia deportivo dinamo eintracht hertha lokomotiv olympique partizan shakhtar "
        "spartak steaua werder zenit"
    )
)


def _non_person_tokens(tokens: Iterable[str]) -> bool:
    tokens = list(tokens)
    toks = [t.lower() for t in tokens]
    if len(toks) == 2 and re.fullmatch(r"[A-Z]{3,}", tokens[0]) and toks[0] not in TITLE_HEADS:
        return True  # "MSC Cruises", "LPGA Thailand", "BBC Sport": a body's initials open no one's name
    if any(t in ORG_WORDS for t in toks):
        return True
    if any(re.search(r"\d", t) for t in toks):
        return True
    if all(is_place_name(t) or t in MONTHS or t in DAYS for t in toks):
        return True
    if any("-" in t and is_peoples_word(t) for t in toks):
        return True  # "African-American", "Irish-American": a people's word, not a name
    if all(is_peoples_word(t) or is_place_name(t) for t in toks):
        return True  # "Sunni Muslim", "Sunni Yemen"
    if any(t in _PEOPLE_IN_NUMBERS for t in toks):
        return True  # "Seattle Children('s Hospital)", "Women's Institute": many people, no one's name
    # "Indiana Republican", "Democratic", "Loyal Democrats": a party, not a name; "Michael Green" is a name
    if (
        toks
        and toks[-1].removesuffix("s") in PARTY_WORDS
        and not (len(toks) > 1 and toks[-1] in WORD_SURNAMES)
    ):
        return True
    if _club_name(toks):
        return True
    if len(toks) > 1 and toks[0] in {"new", "air"}:  # "New Brunswick", "New Order", "Air Sahara"
        return True
    if len(toks) > 1 and toks[0] in {"st", "st.", "saint"}:  # "St Egwin's", "Saint Mary's": a church
        return True
    if len(toks) > 1 and toks[0].split("-")[0] in _THING_OPENERS:  # "USS Enterprise", "Ansar al-Sharia"
        return True
    if len(toks) > 1 and toks[-1] == "security":  # "Wilson Security", "Homeland Security": a body
        return True
    if toks and _DESCRIBING_SUFFIX.search(toks[-1]):  # "a Janet Jackson-style stunt", "Saudi-led"
        return True
    return is_place_name(" ".join(toks))


def _vouching_title(title: str | None) -> bool:
    """A title that makes a body's words a person's name ("singer Kanye West"); "official" alone is
    the adjective before a body ("the official White House line", "the official Kremlin view")."""
    return has_title_head(title) and (title or "").lower() != "official"


# the words of a fraternity's or a sorority's name ("Sigma Alpha Epsilon")
_GREEK_LETTERS = frozenset(
    word_list(
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau "
        "upsilon phi chi psi omega"
    )
)
# the last words of football and other sports clubs' names, never of a person's
_CLUB_ENDINGS = frozenset(word_list("town rangers rovers athletic albion wanderers hotspur argyle fc afc"))


def _club_name(tokens: Sequence[str]) -> bool:
    """ "Yeovil Town", "Queens Park Rangers", "Atletico Madrid": a club's name, whatever title may seem to
    open it; "Sigma Alpha Epsilon", a fraternity's."""
    low = [t.lower() for t in tokens]
    if low and low[0] in _CLUB_WORDS:
        return True
    return len(low) > 1 and (low[-1] in _CLUB_ENDINGS or all(t in _GREEK_LETTERS for t in low))


# organisation words that are also common surnames
_SURNAME_ORG_WORDS = frozenset(
    word_list("west east north south day church castle bay deal house lake street")
)


def _surname_like_org_word(bare: Sequence[str], lower_vocab: set[str]) -> bool:
    """Two words, of which only the second is an organisation's word that is also a surname ("West",
    "Day", "Church"), and the first is no word the story writes in lower case, no place, people or
    organisation's word, and no title's."""
    if len(bare) != 2:
        return False
    first, last = bare[0].lower(), bare[1].lower()
    return (
        bare[0][:1].isupper()
        and last in _SURNAME_ORG_WORDS
        and not _non_person_tokens([first])
        and first not in lower_vocab
        and first not in TITLE_HEADS
        and first.isalpha()
    )


# ambiguous heads (also surnames) that are an office before a first name and surname
_OFFICES_BEFORE_FULL_NAMES = frozenset(["judge", "justice", "bishop", "marshal", "sheriff"])


def _heads_title(run: list[Tok], k: int) -> bool:
    """Whether token k of a capitalised run heads a title; a head that is also a name ("Agent", "Fellow")
    only after a title's modifier ("Special Agent Omar Quist", "Senior Fellow")."""
    if head_word(run[k], True):
        return True
    return k > 0 and run[k - 1].low in TITLE_MODIFIERS and head_word(run[k], False)


def _titles_a_name(t: Tok) -> bool:
    """A word that makes a run more than a bare name: a title's head, an honorific, a people's, a body's
    or a place's word ("Afghan President Ashraf Ghani of …", "Bank of England")."""
    low = t.low.rstrip(".")
    return (
        head_word(t, False)
        or low in HONORIFICS_DROPPED
        or low in HONORIFICS_KEPT
        or low in _PLURAL_TITLES
        or low in _OFFICES_BEFORE_FULL_NAMES
        or low in NATIONALITY
        or low in ORG_WORDS
        or is_place_name(low)
    )


def _rare(word: str) -> bool:
    """A word English hardly uses outside names ("Zeid", "Jeh"): an office's field never is one, and
    neither is a body's initials ("Vice President of the NPPC Ray Hankes")."""
    return not word.isupper() and commonness(word) < 2.3


def _split_title(run: list[Tok], opens: bool = False) -> int:
    """Index where the name starts in a run: after the last title head or dropped honorific, or after a
    role opening the sentence (`opens`) before a full name ("Writer Dorian Pellow said")."""
    of = next((k for k, t in enumerate(run) if t.low == "of"), None)
    if (
        of is not None
        and of >= 2
        and not any(_titles_a_name(t) or t.low in PARTY_WORDS for t in run[:of])
        and not any(head_word(t, False) for t in run[of + 1 :])  # "Social Democrats of Prime Minister X"
    ):
        return 0  # "Anton Ferdinand of Queens Park Rangers": a name, then what it belongs to
    split = 0
    for k in range(len(run) - 1):
        low = run[k].low.rstrip(".")
        nxt = run[k + 1].low
        if k > 0 and run[k - 1].low in NAME_PARTICLES:
            continue  # "Zaid bin Sultan": the father's name, not a title
        if low == "shah" and k > 0 and run[k - 1].is_cap and not _titles_a_name(run[k - 1]):
            continue  # "Harmeet Shah Singh": a name between names, not the Shah of Iran
        if (
            low in HONORIFICS_DROPPED
            or low in _PLURAL_TITLES
            or (_heads_title(run, k) and nxt not in {"of", "for"} | NAME_SUFFIXES)
        ):
            split = k + 1
        elif low in _OFFICES_BEFORE_FULL_NAMES and k + 2 < len(run) and run[k + 1].is_cap:
            split = k + 1  # "Chief Judge Mary Schroeder", "Bishop Jack Moyer": not "Igor Judge"
        elif low == "crown" and nxt in {"prince", "princess"} and k + 2 < len(run):
            split = k + 2  # "Crown Prince Abdullah" is "Prince Abdullah", whom the story calls so later
        elif low == "first" and nxt == "lady" and k + 2 < len(run):
            split = k + 2  # "First Lady Michelle Obama": a title, not Lady Michelle
        elif head_word(run[k], True) and nxt in {"of", "for"}:
            rest = run[k + 2 :]
            # "Secretary of State John Kerry": the name is the last two tokens ("Louw de Graaf" three);
            # "Governor of the Bank of England" names no one
            if len(rest) >= 3:
                take = 3 if len(rest) >= 4 and re.fullmatch(r"[^\W\d_]\.", rest[-2].text) else 2
                if rest[-take].low in NAME_PARTICLES and len(rest) > take:
                    take += 1
                # a first name is no English word, as the office's field is: "High Commissioner for
                # Human Rights Zeid Ra'ad Al Hussein", not "… Human Rights Zeid" and "Ra'ad Al Hussein"
                while len(rest) > take + 1 and rest[-take - 1].is_cap and _rare(rest[-take - 1].text):
                    take += 1
                if all(t.is_cap or t.low in NAME_PARTICLES for t in rest[-take:]) and rest[-take].is_cap:
                    return len(run) - take
            return len(run)
    if (
        split == 0
        and opens
        and len(run) >= 3
        and run[1].is_cap
        and run[2].is_cap
        and run[0].low in _OPENING_ROLES
    ):
        return 1
    return split


# Words that head a title but may be a first name inside a sentence ("Anchor Bay", "Sister Sledge"); opening
# a sentence before a full name, they are its title: "Writer Dorian Pellow said", "Chef Ann Roe".
_OPENING_ROLES = frozenset(
    word_list(
        """
        writer author host star player teacher driver rider pilot banker agent warden chef anchor buyer
        partner member principal fellow sister brother father witness substitute singer
        """
    )
)


def _opening_descriptor(toks: list[Tok], i: int, j: int) -> bool:
    """Whether the word opening a sentence, and the run `toks[i:j]`, describes what follows rather than
    names it: a preposition that is no stop word ("Following Netanyahu"), the reader told to do something
    ("Meet Jane Corrigan"), a description before a full name ("Veteran Ray Colan said"), or people in the
    plural (`_opening_plural`)."""
    low = toks[i].low
    return (
        low in _OPENING_PREPOSITIONS
        or low in _OPENING_IMPERATIVES
        or (low in _DESCRIPTIONS and j - i >= 3)
        or _opening_plural(toks, i, j)
    )


def _opening_plural(toks: list[Tok], i: int, j: int) -> bool:
    """Whether a run opening its sentence starts with people in the plural before a full name, or before
    a name and another: "Substitutes Tarek Vonn and …", "Parents Bruce Willton and …", "Veterans Simon and
    Garfunkel"."""
    full = j - i >= 3 and toks[i + 1].is_cap and toks[i + 2].is_cap
    pair = j - i == 2 and j + 1 < len(toks) and toks[j].low == "and" and toks[j + 1].is_cap
    if not (full or pair):
        return False
    low = toks[i].low
    single = low.removesuffix("s")
    return low in {"parents", "siblings", "twins", "veterans"} or (
        low != single
        and low not in _PLURAL_TITLES  # "Presidents Obama and Putin" title both
        and (single in TITLE_HEADS or single in ROLE_NOUNS or single in RELATIONS or single in _OPENING_ROLES)
    )


def _plural_title(in_front: list[Tok], start: int, shared: tuple[int, str] | None) -> str | None:
    """The title in the singular of a name after a plural one ("Princes William and Harry": "Prince"), or
    of the name after "and" that shares it (`shared`: where that name starts, and the title)."""
    plural = next((t.low.rstrip(".") for t in in_front if t.low.rstrip(".") in _PLURAL_TITLES), None)
    if plural is not None:
        return _PLURAL_TITLES[plural]
    return shared[1] if shared is not None and shared[0] == start else None


def _shared_title(sentence: str, end: int, title: str | None) -> tuple[int, str] | None:
    """Where the next name starts when "and" joins it to a name a plural title opened."""
    if title is None:
        return None
    coordinated = re.match(r",?\s+and\s+(?=[A-Z])", sentence[end:])
    return (end + coordinated.end(), title) if coordinated else None


def mentions_in(
    sentence: str,
    sent_index: int,
    lower_vocab: set[str],
    recased: bool = False,
    groups: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Candidate person mentions in one sentence, decided by rules where they can be. `groups`: the
    story's plural names of groups (`group_names`)."""
    toks = tokenize(sentence)
    out: list[Mention] = []
    covered = -1  # end of the last mention's apposition: runs inside it are titles, not people
    shared: tuple[int, str] | None = None  # where the second name of "Princes William and Harry" starts
    for i0, j in find_runs(toks):
        if toks[i0].start < covered:
            continue
        i = _strip_sentence_initial(toks, i0, j, lower_vocab)
        if i >= j:
            continue
        run = toks[i:j]
        split = _split_title(run, opens=not any(t.is_word for t in toks[:i]))
        if split >= len(run):
            continue
        split = _skip_descriptors(run, split)
        name_toks = run[split:]
        honorific = any(t.low.rstrip(".") in HONORIFICS_DROPPED for t in run[:split])
        first_lady = split > 1 and run[split - 2].low == "first"  # "First Lady" is a title
        if split > 0 and run[split - 1].low in HONORIFICS_KEPT and not first_lady:  # "Prince Charles"
            name_toks = run[split - 1 :]
        if name_toks[0].low in HONORIFICS_KEPT:
            if not _royal_names_someone(name_toks):
                continue
            honorific = True
        name_toks = name_toks[: _name_end(name_toks, lower_vocab)]
        if not name_toks or all(t.low.rstrip(".") in _TITLE_WORDS for t in name_toks):
            continue
        start, end = name_toks[0].start, name_toks[-1].end  # the mention spans "Ruth Kelly MP" …
        if len(name_toks) > 2 and name_toks[-1].low in POST_NOMINALS:
            name_toks = name_toks[:-1]  # … and names Ruth Kelly
        words = tuple(t.text for t in name_toks)
        plural = _plural_title(run[:split], start, shared)
        if plural is not None and plural.lower() in HONORIFICS_KEPT:
            words, honorific = (plural, *words), True  # "Prince William", "Prince Harry"
        m = Mention(sent=sent_index, start=start, end=end, tokens=words, honorific=honorific)
        _set_title(m, toks, name_toks[0], run[:split], sentence)
        if plural is not None:
            m.title = plural
        shared = _shared_title(sentence, end, plural)
        # a title after the name; none after a thing's name
        ap = None if _non_person_tokens(words) else title_after_name(sentence, end, words)
        if ap is not None:
            m.appos, m.appos_end = ap
            covered = ap[1]
        rel = relative_title(sentence, end if m.appos_end is None else m.appos_end)
        if rel:
            m.extra["relative"] = rel
        m.organization = _org_in(m.appos) or _org_in(m.title) or org_after_name(sentence, end)
        _decide_person(m, sentence, lower_vocab, recased=recased, relative=bool(rel), groups=groups)
        if start > 0 and sentence[start - 1] in "#@":
            m.person = False  # a hashtag or a handle ("#IndiasDaughter", "@President_Boren") names no one
        _after_the(m, sentence)
        out.append(m)
    return out


# what a leader's name names after "the": "the Obama administration", "the Reagan presidency"
_LEADERS_BODY = re.compile(r"\s+(?:administration|presidency|government|era|years|cabinet|camp)\b")


# what follows a name that is the subject or the whole of its phrase: a speech verb, an auxiliary, a stop
_CLOSED_AFTER = re.compile(
    rf"^(?:\s*[,.;:)!?]|\s*$|\s+(?:{'|'.join(sorted(SPEECH_VERBS))}|is|was|are|were|has|had|will|would)\b)"
)


def _after_the(m: Mention, sentence: str) -> None:
    """One word after "the" names a thing, no one ("the Bill", "the Mercury"); "the Obama administration"
    still says Obama's name, which counts for his recurring (people._merge). So does a longer name after
    "the" where nothing describes it as someone's and it is its phrase's whole subject: "The Washington Post
    said", "the Cotton Blossom," ("the Michael Brown shooting" and "the Larry Gelbart satire" name what is
    someone's, and are left to the model)."""
    if m.vouched or not re.search(r"\b[Tt]he\s+$", sentence[: m.start]):
        return
    after = sentence[m.end :]
    if len(m.tokens) == 1:
        m.person = False
        if _LEADERS_BODY.match(after):
            m.extra["leader_named"] = "1"
    elif _CLOSED_AFTER.match(after):
        m.person = False


_GROUP_NAME = re.compile(
    r"\b[Tt]he\s+([A-Z][a-z]+s)\b(?!['’])"
    # two words only as a plural subject ("the Lib Dems say"), not "the Serena Williams match"
    r"|\b[Tt]he\s+([A-Z][a-z]+\s+[A-Z][a-z]+s)\s+(?:are|were|have|had|say|said|will|would|want|called|do|did)\b"
)


def group_names(text: str) -> frozenset[str]:
    """Capitalised plurals the story puts "the" before: "the Houthis", "the Beatles", "the Lib Dems say".
    Alone, such a name is a group, not a person ("the Williams sisters" keeps "Serena Williams")."""
    return frozenset(one or two for one, two in _GROUP_NAME.findall(text))


# words in front of a title that are no part of it: "Monday for Putin's meeting", "Neither Rep. Edward
# Madigan nor Sen. Bob Dole"
_NO_TITLE_OPENERS = frozenset(word_list("of for neither either both not only even also and but nor or"))
_OPENERS_OF_A_TITLE = re.compile(rf"(?:(?i:{'|'.join(sorted(_NO_TITLE_OPENERS))})\s+)+(?=\S)")


def _set_title(m: Mention, toks: list[Tok], first: Tok, in_front: list[Tok], sentence: str) -> None:
    """The title before the name `first` opens ("Secretary of State John Kerry", "his counterpart,
    Ariel Sharon"); else the words in front of it in its run ("Ms." is masked with the name); else a
    kept honorific ("Prince")."""
    tb = title_before_name(toks, toks.index(first), sentence)
    if tb is not None:
        m.title, m.title_start = tb
        opener = _OPENERS_OF_A_TITLE.match(m.title)
        if opener:  # "Neither Rep." is a Rep.
            m.title, m.title_start = m.title[opener.end() :], m.title_start + opener.end()
    else:
        prefix = [t for t in in_front if t.low not in DAYS and t.low not in MONTHS and t.start < m.start]
        while prefix and prefix[0].low in _NO_TITLE_OPENERS:
            prefix = prefix[1:]
        if prefix:
            m.title_start = prefix[0].start  # mask "Ms." with the name
            if prefix[-1].low.rstrip(".") not in HONORIFICS_DROPPED:
                # "Saudi Crown Prince Abdullah": the kept "Prince" ends the title too
                end = first.end if prefix[-1].low == "crown" else prefix[-1].end
                m.title = sentence[prefix[0].start : end]
    if m.title is None and first.low in HONORIFICS_KEPT and first.low not in {"sir", "dame"}:
        m.title = first.text  # "Prince Charles" is a prince; "Sir Clive Woodward" holds no office by it


# countries whose names are also common first names
_GIVEN_NAME_COUNTRIES = frozenset(["jordan", "chad"])


def _skip_descriptors(run: list[Tok], split: int) -> int:
    """Where the name starts once the words in front that describe it are skipped."""
    # "On Wednesday Tony Blair": a day or month in front is not part of the name; a month's short form
    # is written before a number ("Jan 5"), so before a name it is the first name ("Gov. Jan Brewer")
    while split < len(run) - 1 and (run[split].low in DAYS or run[split].low in FULL_MONTHS):
        split += 1
        # "on Monday for Putin's meeting", "in September of Clinton's first grandchild": the joiner goes too
        if split < len(run) - 1 and run[split].low in {"of", "for"}:
            split += 1
    # "New Zealander Graham Henry", "U.S. Dlrs": a nationality in front describes, it is not the name
    for n in (2, 1):
        lead_words = " ".join(t.low for t in run[split : split + n])
        # "Michigan Democrat David Bonior", "New York Republican X": a state's party member
        state_party = lead_words in US_STATES and split + n < len(run) and run[split + n].low in PARTY_WORDS
        described = is_peoples_word(lead_words) or lead_words in PARTY_WORDS
        if lead_words in _GIVEN_NAME_COUNTRIES and len(run) - split == 2 and not _titles_a_name(run[-1]):
            return split  # "Jordan Henderson put Liverpool ahead": a first name, not "Jordan's Henderson"
        if state_party or (split + n < len(run) and described):
            # not the start of a place's name: "Saudi" of "Saudi Arabia's deputy prime minister"
            place = " ".join(t.low for t in run[split : split + n + 1]).removesuffix("'s").removesuffix("’s")
            if is_place_name(place):
                return split
            split += n
            # "Liberal Democrat David Laws", "Scottish Labour MP …": a party's name has more words
            while split < len(run) - 1 and run[split].low in PARTY_WORDS:
                split += 1
            return split
    return split


_PRONOUN = re.compile(r"i|i['’](?:m|ve|ll|d)")


def _name_end(name_toks: list[Tok], lower_vocab: set[str]) -> int:
    """How many tokens the name has: "Dr. Shea Steps Down" stops at an ordinary word, "James Baker
    Monday" at a day, "Greenspan I'm" at a pronoun."""
    return next(
        (
            n
            for n in range(1, len(name_toks))
            if name_toks[n].low in {"of", "for"}
            or name_toks[n].low in DAYS
            or _PRONOUN.fullmatch(name_toks[n].low)
            or (
                name_toks[n].low not in NAME_PARTICLES
                and (name_toks[n].low in STOPWORDS or name_toks[n].low in lower_vocab)
                and not _word_surname(name_toks, n)
            )
        ),
        len(name_toks),
    )


def _word_surname(name_toks: list[Tok], n: int) -> bool:
    """A surname that is also a word, after a first name it ends the run with: "Tom May", "Shay Given",
    "Turi King" (not "Shea Steps Down", "Gordon Brown says")."""
    return (
        n == 1
        and len(name_toks) == 2
        and name_toks[1].low in WORD_SURNAMES
        and name_toks[0].low not in STOPWORDS
        and not is_place_name(name_toks[0].low)
    )


def _decide_person(
    m: Mention,
    sentence: str,
    lower_vocab: set[str],
    *,
    recased: bool,
    relative: bool,
    groups: frozenset[str] = frozenset(),
) -> None:
    """Set `m.person` where a rule decides it; otherwise leave it undecided for the scorer."""
    words = m.tokens
    bare = list(words[_leading_honorifics(words) :])
    honorific = m.honorific
    # "Kanye West", "Doris Day": a surname that is also an organisation's word, after a first name that
    # is none; a title makes it a person's ("singer Kanye West"), where "Iran Deal" stays no one's
    surname_like = _surname_like_org_word(bare, lower_vocab)
    if _club_name(bare):
        m.person = False  # before the title check: "Queens" of "Queens Park Rangers" reads as one
    elif len(bare) >= 2 and bare[-1].lower() in _PLACE_ENDINGS:
        m.person = False  # "Prince Edward Island", "King George Hospital": a title names the place
    elif _non_person_tokens(bare) and not (_vouching_title(m.title) or honorific):
        if not surname_like:  # "Kanye West said" is left to the model ("White House said" is no one)
            m.person = False
    elif len(bare) == 1 and bare[0].isupper() and len(bare[0]) > 1 and not recased:
        m.person = False  # an acronym (CNN, SRT)
    elif len(bare) == 1 and bare[0].lower().removesuffix("s") in _AWARDS:
        m.person = False  # "won an Oscar", "the Baftas": an award ("Oscar Wilde" has two words)
    elif len(bare) == 1 and bare[0].lower() in lower_vocab and not honorific:
        m.person = False  # "General Election", "General People's Congress": the story writes it lower case
    elif " ".join(bare) in groups and not m.vouched:
        m.person = False  # "Houthis", "Lib Dems": the story says "the Houthis", a group's name
    elif _storm_or_body(words, sentence[: m.start]):
        m.person = False  # "Hurricane Isaac", "the Committee to Protect Journalists"
    elif _names_a_feature(sentence, m) and not (honorific or has_title_head(m.title)):
        m.person = False  # "the Bab al-Mandab strait": the name of a place's feature, not of a person
    elif len(bare) == 1 and (m.title or "").lower() in _RANKS_IN_NAMES and not (m.appos or relative):
        m.extra["rank"] = m.title or ""  # "General Motors", "General Election" or "General Petraeus":
        return  # the model reads which
    elif m.vouched or relative:
        # an organisation's word inside a titled name is a middle name: "Justice Sandra Day O'Connor"
        middle = len(bare) >= 3 and not _non_person_tokens([bare[0], bare[-1]])
        m.person = not _non_person_tokens(bare) or surname_like or honorific or middle
    elif len(words) == 1 and (words[0].lower() in lower_vocab or words[0].lower() in TITLE_HEADS):
        m.person = False
    else:
        after = sentence[m.end :].lstrip()
        speech = re.match(r"(?:['’]s\s+)?(\w+)", after)
        said = speech is not None and speech.group(1).lower() in SPEECH_VERBS
        # the subject of what is done only to people, opening its clause ("a man shot at the Tri-City Inn
        # was arrested" arrests no inn)
        done_to = _DONE_TO_PEOPLE.match(after) and _CLAUSE_START.search(sentence[: m.start])
        if len(words) >= 2 and (said or done_to) and not recased:
            m.person = True


# what is done only to people: "Su Changlan was detained by police", "X was born to be an aviator"
_DONE_TO_PEOPLE = re.compile(
    r"(?:was|were|has\s+been|had\s+been)\s+(?:arrested|detained|jailed|imprisoned|sentenced|executed|born"
    r"|kidnapped|abducted|hospitalized|hospitalised)\b"
)
_CLAUSE_START = re.compile(r"(?:^|[,;:]|\band|\bbut)\W*$")


def _storm_or_body(words: Sequence[str], before: str) -> bool:
    """A storm's name ("Hurricane Isaac", "Hurricanes Katrina, Rita and Isaac"), or the rest of a body
    named for its purpose ("the Committee to Protect Journalists")."""
    if _STORM.match(" ".join(words)) or _STORMS_BEFORE.search(before):
        return True
    return words[0].lower() in _PURPOSE_VERBS and bool(_BODY_TO.search(before))


# a body named for its purpose: "Committee to Protect Journalists", "Campaign to End Loneliness"
_BODY_TO = re.compile(
    r"\b(?:" + "|".join(w.capitalize() for w in sorted(ORG_WORDS) if w.isalpha()) + r"|Campaign)\s+to\s+$"
)
_PURPOSE_VERBS = frozenset(
    word_list(
        "protect end stop save prevent defend free fight abolish ban promote preserve restore reform unite"
    )
)


# the last word of a place's or a building's name, whoever else it names
_PLACE_ENDINGS = frozenset(
    word_list(
        """
        island islands county city river sea ocean valley peninsula coast airport station stadium arena
        road avenue square hospital bridge school academy
        """
    )
)
_STORM_WORDS = r"(?:Hurricanes?|Typhoons?|Cyclones?|Superstorm|(?:Tropical\s+)?Storms?)"
_STORM = re.compile(_STORM_WORDS + r"\s")
_STORMS_BEFORE = re.compile(r"\b" + _STORM_WORDS + r"\s+(?:[A-Z][\w-]*,?\s+)*(?:and\s+|or\s+)?$")

# a title in the plural before two names: "Princes William and Harry", "Presidents Bush and Obama"
_PLURAL_TITLES = {
    "princes": "Prince",
    "princesses": "Princess",
    "presidents": "President",
    "senators": "Senator",
    "sens": "Sen.",
    "reps": "Rep.",
    "governors": "Governor",
    "govs": "Gov.",
    "generals": "General",
    "gens": "Gen.",
    "ministers": "Minister",
    "kings": "King",
    "queens": "Queen",
    "lords": "Lord",
    "judges": "Judge",
    "justices": "Justice",
    "mayors": "Mayor",
    "ambassadors": "Ambassador",
}
# awards said by one word, which a first name may share
_AWARDS = frozenset(["oscar", "bafta", "grammy", "emmy"])
# ranks that also open the names of firms and events ("General Electric", "General Election", "Major League")
_RANKS_IN_NAMES = frozenset(["general", "major"])

# what "the NAME ..." can name besides a person: a place's natural or built feature
_FEATURE_NOUNS = frozenset(
    word_list(
        """
        strait straits river sea gulf canal valley peninsula island islands mountains desert airport lake
        bay coast basin province region dam bridge base
        """
    )
)


def _names_a_feature(sentence: str, m: Mention) -> bool:
    """ "the Bab al-Mandab strait", "the Hudson river", "the rebel-held Tal Kara air base": "the" (and a
    describing compound), the name, then a lower-case feature noun (after one other word)."""
    after = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?\b", sentence[m.end :])
    before = re.search(r"\bthe\s+(?:\w+-[a-z]+\s+)?$", sentence[max(0, m.start - 40) : m.start], re.I)
    return bool(after and before and {after.group(1), after.group(2)} & _FEATURE_NOUNS)


def _leading_honorifics(tokens: Sequence[str]) -> int:
    """How many kept honorifics open the name: "Prince Charles" 1, "Stephen King" and "Sam Prince" 0 (after
    a given name "King" and "Prince" are surnames)."""
    n = 0
    while n < len(tokens) - 1 and fold(tokens[n]) in HONORIFICS_KEPT:
        n += 1
    return n


def name_key(tokens: Iterable[str]) -> tuple[str, ...]:
    """Tokens that identify a person, without honorifics and suffixes ("Mr. Biden" -> ("biden",),
    "Prince Charles" -> ("charles",), "Stephen King" -> ("stephen", "king"))."""
    toks = [t for t in tokens if fold(t) not in HONORIFICS_DROPPED and fold(t) not in NAME_SUFFIXES]
    return tuple(fold(t) for t in toks[_leading_honorifics(toks) :]) or tuple(fold(t) for t in tokens)


def display_name(tokens: Iterable[str]) -> str:
    toks = [t for t in tokens if fold(t) not in HONORIFICS_DROPPED]
    return " ".join(toks)
