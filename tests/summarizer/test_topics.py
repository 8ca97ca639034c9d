"""Topic labels for one article and the topic index the digest groups items under."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.analysis import Topic
from summarizer.article import parse_text
from summarizer.taxonomy import subjects_for
from summarizer.topic_index import topic_index
from summarizer.topic_words import label_key
from summarizer.topics import article_topics, topics_json
from tests.shared_data import SHARED_DATA

REPO = Path(__file__).resolve().parents[2]
DATA = SHARED_DATA
SEED = REPO / "seeds" / "000_5c41b8c896ed471e.txt"

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data not present")


def topics_of(path: Path) -> tuple[Topic, ...]:
    return article_topics(parse_text(path.read_text(encoding="utf-8")))


def labels(topics: tuple[Topic, ...]) -> list[str]:
    return [t.label for t in topics]


def labels_of_text(text: str) -> list[str]:
    """The labels of a story given as text (headline, blank line, body)."""
    return labels(article_topics(parse_text(text)))


def test_seed_topics_name_what_the_story_is_about() -> None:
    got = labels(topics_of(SEED))
    assert 3 <= len(got) <= 6
    assert len({label_key(x) for x in got}) == len(got)  # no label repeats another
    words = " ".join(got).lower()
    # what it is about and where; "migration", its second theme, lost its slot to "Homeland Security"
    # when the word model learned part of speech and entity types (bench/topics.py chooses by CV); where:
    # Mexico, said as "Mexican cartels" since "Mexico City" (the talks' venue) is no label
    assert "fentanyl" in words and "drug" in words and "mexic" in words
    # a person is not a topic here, and no label is a bare stop word or nationality adjective
    assert not any(x.lower() in {"biden", "mexican", "talks", "the"} for x in got)


def test_scores_are_between_zero_and_one() -> None:
    for t in topics_of(SEED):
        assert 0 < t.score <= 1


def test_k_bounds_the_number_of_labels() -> None:
    article = parse_text(SEED.read_text(encoding="utf-8"))
    assert len(article_topics(article, k=3)) == 3
    assert len(article_topics(article, k=20)) == 6


@needs_data
def test_topic_hit_rate_on_the_labelled_set() -> None:
    hits = total = 0
    for line in (DATA / "topics-dev.jsonl").read_text().splitlines():
        row = json.loads(line)
        path = DATA.parent / row["path"] if not row["path"].startswith("seeds/") else REPO / row["path"]
        got = {w for t in topics_of(path) for w in label_key(t.label)}
        for label in row["topics"]:
            total += 1
            hits += bool(label_key(label) & got)
    assert hits / total >= 0.7


@needs_data
def test_sport_and_business_stories_get_their_subject() -> None:
    tennis = labels(topics_of(DATA / "news" / "bbc" / "sport-431.txt"))
    assert "tennis" in tennis
    currency = labels(topics_of(DATA / "news" / "reuters" / "17395.txt"))
    assert "currency markets" in currency or "monetary policy" in currency
    # the NCAA tournament is a basketball story first, not an education one; skiing and golf have theirs
    ncaa = labels(topics_of(DATA / "news" / "cnn" / "08ba69af9520.txt"))
    assert ncaa[0] == "basketball", ncaa
    assert labels(topics_of(DATA / "news" / "cnn" / "51f087a4dc97.txt"))[0] == "skiing"
    assert "golf" in labels(topics_of(DATA / "news" / "cnn" / "bd88d236ea4e.txt"))
    assert labels(topics_of(DATA / "news" / "cnn" / "b6d33bd44b3b.txt"))[0] == "motor racing"  # NASCAR


def test_topic_index_merges_the_same_topic_and_sorts_largest_first() -> None:
    items = [
        ("a1", (Topic("migration", 1.0), Topic("drug trafficking", 0.8))),
        ("a2", (Topic("Migration", 1.0), Topic("tennis", 0.5))),
        ("a3", (Topic("migrants", 0.9),)),
        ("a4", (Topic("drug trafficking", 1.0), Topic("fentanyl trafficking", 0.7))),
        ("a5", (Topic("fentanyl trafficking", 1.0),)),
    ]
    index = topic_index(items)
    groups = {label.lower(): ids for label, ids in index}
    assert sorted(groups["migration"]) == ["a1", "a2"]
    assert groups["migrants"] == ["a3"]  # a different word is a different label
    assert sorted(groups["drug trafficking"]) == ["a1", "a4"]
    assert sorted(groups["fentanyl trafficking"]) == ["a4", "a5"]
    sizes = [len(ids) for _, ids in index]
    assert sizes == sorted(sizes, reverse=True)


def test_topic_index_folds_a_specific_label_into_a_popular_general_one() -> None:
    items = [
        ("a1", (Topic("trade", 1.0),)),
        ("a2", (Topic("trade", 1.0),)),
        ("a3", (Topic("trade talks", 1.0),)),
    ]
    assert topic_index(items) == [("trade", ["a1", "a2", "a3"])]


def test_topic_index_counts_an_article_once_per_label() -> None:
    items = [("a1", (Topic("Trade", 1.0), Topic("trade", 0.5))), ("a2", ())]
    assert topic_index(items) == [("Trade", ["a1"])]


def test_topics_json_contract() -> None:
    out = topics_json("x.txt", (Topic("migration", 1.0),))
    assert out == {"path": "x.txt", "topics": [{"label": "migration", "score": 1.0}]}


@pytest.mark.parametrize(
    "text",
    [
        "Short\n\nRain.",
        "TAIWAN ANNOUNCES NEW ROUND OF IMPORT TARIFF CUTS\n\nTAIPEI - TAIWAN ANNOUNCED PLANS FOR ANOTHER "
        "ROUND OF IMPORT TARIFF CUTS ON 862 FOREIGN GOODS AHEAD OF TRADE TALKS WITH WASHINGTON.",
        "Визит в Москву\n\nМинистр иностранных дел встретился с делегацией из Китая в Москве.",
        "北京代表团抵达东京\n\n外交部长率领代表团抵达东京，与日本外相会谈。",
    ],
)
def test_bad_input_gives_sensible_labels(text: str) -> None:
    got = article_topics(parse_text(text))
    assert len(got) <= 6
    for t in got:
        assert t.label.strip() and 0 < t.score <= 1
        assert not t.label.isupper() or len(t.label) <= 5  # capitals from wire copy are not shouted back


def test_all_caps_wire_copy_gets_lower_case_labels() -> None:
    text = (
        "TAIWAN ANNOUNCES NEW ROUND OF IMPORT TARIFF CUTS\n\nTAIPEI - TAIWAN ANNOUNCED PLANS FOR ANOTHER "
        "ROUND OF IMPORT TARIFF CUTS ON 862 FOREIGN GOODS AHEAD OF TRADE TALKS WITH WASHINGTON. THE TARIFF "
        "CUTS COVER COSMETICS AND BICYCLES."
    )
    got = labels_of_text(text)
    assert "trade" in got
    assert any("tariff" in x for x in got)


COMPANY_STORY = (
    "Acme Corp agrees to buy Bolt Inc\n\n"
    "Acme Corp has agreed to buy the toolmaker Bolt Inc for $2bn, the companies said on Monday. "
    "Standard & Poor's said it may cut Acme Corp's credit rating after the deal. "
    "Shareholders of Bolt Inc agreed to the offer, which values the toolmaker at a premium. "
    "Acme Corp expects the takeover to be completed by June, and Standard & Poor's expects to decide "
    "on the rating within weeks. Bolt Inc made drills and saws in Ohio for a century."
)


def test_parts_of_names_and_verbs_are_not_topics_alone() -> None:
    got = labels_of_text(COMPANY_STORY)
    assert "toolmaker" in got
    for junk in ("Corp", "Inc", "Poor", "agreed", "expects", "corp", "inc"):
        assert junk not in got, got


def test_a_name_keeps_its_capitals() -> None:
    text = (
        "Actors' union backs strike\n\n"
        "The Screen Actors Guild has voted to back a strike by voice actors. Several actors said the "
        "studios had ignored them. The Screen Actors Guild will meet studio bosses next week, and actors "
        "across Hollywood say the strike could last months. The Screen Actors Guild has 160,000 members."
    )
    got = labels_of_text(text)
    assert "Screen Actors Guild" in got, got


def test_a_word_used_once_only_fills_in_when_few_labels_recur() -> None:
    text = (
        "Floods hit Kerala\n\nFloods in Kerala killed 30 people on Tuesday as torrential monsoon rains "
        "battered the coastal state. Rescue teams in Kerala used boats to reach villages cut off by the "
        "floods. The monsoon rains are expected to continue, and rescue teams have moved 20,000 people to "
        "relief camps. Floods in Kerala in 2018 killed nearly 500 people."
    )
    got = labels_of_text(text)
    assert {"monsoon rains", "rescue teams"} <= set(got), got
    said = {w for x in got for w in label_key(x)}
    assert {"kerala", "flood"} <= said, got  # "floods in Kerala", or each alone
    assert not {"battered", "coastal", "killed"} & set(got), got  # used once, or a verb
    assert not [x for x in got if x.startswith("Floods")]  # capitalised only where it opens a sentence
    short = labels_of_text("Storm\n\nA storm battered the coastal town of Brest.")
    assert len(short) >= 3  # with nothing recurring, single uses still give three labels


def _stories(prefix: str, label: str, n: int) -> list[tuple[str, tuple[Topic, ...]]]:
    return [(f"{prefix}{i}", (Topic(label, 1.0),)) for i in range(n)]


def test_topic_index_names_a_group_by_its_own_label_unless_a_folded_one_dominates() -> None:
    tax = _stories("b", "tax", 2) + _stories("s", "taxes", 2) + _stories("c", "tax rises", 3)
    name, ids = topic_index(tax)[0]
    assert name in {"tax", "taxes"} and len(ids) == 7  # four own uses outweigh three "tax rises"
    oil = _stories("o", "oil", 2) + _stories("m", "oil market", 4)
    name, ids = topic_index(oil)[0]
    assert name == "oil market" and len(ids) == 6


# A label on one story beside a shorter label on two: whether the story lists under the shorter one. It
# does where the label says something of that thing or only grades it; not where it is another kind
# ("interest rates" is no "rates" story), another thing ("budget airline") or a name holding the word.
_FOLDS = (
    ("Labour plans", "Labour", True),
    ("Labour Party", "Labour", True),
    ("tax rises", "tax", True),
    ("higher rates", "rates", True),
    ("Ford Motor Co", "Ford", True),
    ("interest rates", "rates", False),
    ("exchange rate", "rates", False),
    ("Iran's nuclear program", "programmes", False),
    ("budget deficit", "budget", False),
    ("budget airline", "budget", False),
    ("wasp spray", "Wasps", False),  # a rugby club's name is no insect
    ("London Metal Exchange", "London", False),
    ("Charles Kennedy", "Charles", False),
    ("Union Carbide", "union", False),
)


@pytest.mark.parametrize(("label", "shorter", "joins"), _FOLDS)
def test_topic_index_lists_a_label_under_a_shorter_one_only_where_it_is_said_of_it(
    label: str, shorter: str, joins: bool
) -> None:
    groups = dict(topic_index(_stories("g", shorter, 2) + _stories("s", label, 1)))
    assert ("s0" in groups[shorter]) == joins, groups


def test_topic_index_keeps_names_and_subjects_out_of_their_head_word() -> None:
    items = (
        _stories("b", "bank", 2)
        + _stories("w", "World Bank", 3)
        + _stories("u", "union", 2)
        + _stories("r", "rugby union", 3)
    )
    groups = dict(topic_index(items))
    assert sorted(groups["World Bank"]) == ["w0", "w1", "w2"]
    assert sorted(groups["bank"]) == ["b0", "b1"]
    assert sorted(groups["rugby union"]) == ["r0", "r1", "r2"]  # the sport, not a trade union
    assert sorted(groups["union"]) == ["u0", "u1"]


def test_verbs_and_contractions_are_not_topics_and_inner_capitals_stay() -> None:
    text = (
        "Palestinians to join talks\n\n"
        "Faisal al-Husseini said the Palestinians had decided to join the peace talks in Washington. "
        "The delegation decided to travel on Monday, Faisal al-Husseini said, though it didn't say who "
        "would lead it. Mercedes and Mercedes dealers didn't comment. The peace talks resume next week, and "
        "the delegation decided not to set conditions for the peace talks."
    )
    got = labels_of_text(text)
    assert "Faisal al-Husseini" in got, got
    assert not [x for x in got if "decided" in x or "didn" in x or x == "faisal al-husseini"], got


NEWS = DATA / "news"


@needs_data
def test_subject_cues_are_checked_against_their_context() -> None:
    """A doping case is not drug trafficking; "Iraq war" in a story about the Blair-Brown feud does not
    make it a war story."""
    doping = labels(topics_of(NEWS / "bbc" / "sport-448.txt"))
    assert "drug trafficking" not in doping and "doping" in doping, doping
    feud = labels(topics_of(NEWS / "bbc" / "politics-225.txt"))
    assert "war and conflict" not in feud, feud
    # a budget story is filed under public finances, not under the trade its last paragraph mentions;
    # "Deputy Director of the Finance Ministry" does not make a tariff story a film story
    budget = labels(topics_of(NEWS / "bbc" / "business-488.txt"))
    assert budget[0] == "public finances", budget
    current_account = labels(topics_of(NEWS / "reuters" / "18425.txt"))  # "deficit" is a trade one here
    assert "public finances" not in current_account, current_account
    tariffs = labels(topics_of(NEWS / "reuters" / "16094.txt"))
    assert "film and television" not in tariffs and "trade" in tariffs, tariffs


@needs_data
def test_a_cited_outlet_does_not_make_a_media_story() -> None:
    """The Blair-Brown feud, told to "BBC One's Breakfast", from a book by "Sunday Telegraph journalist
    Robert Peston", at "his monthly media conference", is filed under politics, not media; an
    interview about portable media players is technology."""
    feud = labels(topics_of(NEWS / "bbc" / "politics-253.txt"))
    assert "media" not in feud and feud[0] == "elections", feud
    players = labels(topics_of(NEWS / "bbc" / "tech-222.txt"))
    assert players[0] == "technology" and "media" not in players, players
    # a Budget leaked to a London newspaper, as a chancellor once leaked his "to journalist John Carvel":
    # the journalist is in the story, not its source
    leak = labels(topics_of(NEWS / "bbc" / "politics-376.txt"))
    assert "media" in leak, leak


def _subjects(text: str) -> list[str]:
    headline, body = text.split("\n\n", 1)
    return [label for label, _ in subjects_for(body, headline, limit=4)]


def test_a_story_about_the_press_is_still_a_media_story() -> None:
    story = (
        "Tabloid closes after phone hacking\n\n"
        "The tabloid newspaper will close after 168 years, its owner said. Journalists at the newspaper "
        "were told on Thursday. The paper's editor said the media group had betrayed its readers. Other "
        "newspapers and broadcasters said press regulation would follow."
    )
    assert _subjects(story)[0] == "media"
    cited = (
        "Minister denies rift\n\n"
        "The minister told BBC News there was no rift, and told reporters the budget was safe. "
        "Sunday Times journalist Anne Hart wrote that the pair had argued. The minister said at a media "
        "conference that the Sunday Times newspaper reported rumours. He told Sky News' Sunday programme "
        "the government was united."
    )
    assert "media" not in _subjects(cited)


def test_outlets_that_report_an_attack_do_not_make_it_a_media_story() -> None:
    """Victims of an attack named by the press ("the newspaper said", "local media said", "a reporter
    with the newspaper La Voz") are news of the attack and its terrorism, not of the media."""
    story = (
        "Gunmen kill tourists at museum\n\n"
        "Militants killed 12 tourists at the national museum on Wednesday in a terrorist attack, officials "
        "said. One victim was a retired teacher, the Daily Echo newspaper reported, and the newspaper said "
        "she had two children. A reporter with the newspaper La Voz wrote that the couple loved the "
        "mountains. Media reports said a third victim was a hairdresser. The media office of the town hall "
        "named the dead, and local media said all were women. The extremists hate democracy, the minister "
        "said after the attack."
    )
    assert _subjects(story) == ["terrorism"]


def test_lions_on_safari_are_no_rugby_side() -> None:
    """A riding-safari story (CNN validation: "the horse fits the lions' prey preference", horses "try their
    luck") was filed under rugby union: "lions" is a defining cue for the touring Lions. Animals are
    written in lower case; the side is "the Lions"."""
    safari = (
        "Riding safaris in Velmora\n\n"
        "Safaris conjure up images of jeeps in game parks. But riders can get close to lions on horseback. "
        "The lions ignore the horses, the guide said. Visitors who try it see lions and elephants."
    )
    assert "rugby union" not in _subjects(safari)
    tour = (
        "Lions name tour squad\n\n"
        "The Lions named their squad for the tour of Velmora. The Lions coach said the scrum would decide "
        "the first test. The Lions have not won a series there since 1971."
    )
    assert _subjects(tour)[0] == "rugby union"


def test_a_union_of_states_is_no_labour_story() -> None:
    """A CNN story on life in Crimea after the annexation ("the Soviet Union", "wage" and "wages") was filed
    under jobs and labour: "union" is a trade union's cue. The Soviet Union, the European Union and a civil
    union are none; a union that calls a strike still is."""
    crimea = (
        "Life in Velmora after the vote\n\n"
        "Velmora was part of the Soviet Union until 1991. Since the European Union imposed sanctions, wages "
        "have fallen below the old minimum wage. Residents said life felt like the Soviet Union."
    )
    assert "jobs and labour" not in _subjects(crimea)
    walkout = (
        "Velmora dockers strike\n\n"
        "The dockers' union called a strike over wages on Monday. Union leaders said pay had fallen."
    )
    assert _subjects(walkout)[0] == "jobs and labour"


def test_a_subject_needs_its_defining_cue_more_than_once() -> None:
    """The Richard III reburial, told by "University of Leicester" archaeologists, was filed under
    education on one "students": a university in the news is no education story until the story says a
    word only education stories say twice (or once in its headline, which counts double)."""
    story = (
        "Scientists identify king's remains\n\n"
        "Researchers at the university said the remains found under a car park were those of the king. "
        "The university team compared DNA from a descendant. University archaeologists dug for weeks, "
        "helped by students, and the university will publish its findings. The king will be reburied."
    )
    assert "education" not in _subjects(story)
    school = story.replace("helped by students", "helped by students and their teachers")
    assert "education" in _subjects(school)
    headline = "Students help identify king's remains\n\n" + story.split("\n\n", 1)[1]
    assert "education" in _subjects(headline)


def test_cue_words_do_not_match_longer_words_by_accident() -> None:
    """ "example" is no exam, "important" no import, "France" no franc, and a price in francs is no
    currency news."""
    story = (
        "Florist speaks out\n\n"
        "For example, a florist in France said it was important to serve students, whatever the trade "
        "or currency they used. Another example came from a baker in Francisco who found it important "
        "too. The shop paid 15 mln Swiss francs for its new building and expects 20 mln francs in sales."
    )
    got = _subjects(story)
    assert not {"education", "trade", "currency markets"} & set(got), got


@needs_data
def test_no_fragments_or_bare_generic_words() -> None:
    results = labels(topics_of(NEWS / "reuters" / "9641.txt"))
    assert not {"full", "operating"} & set(results), results  # modifiers of "full year", "operating loss"
    talks = labels(topics_of(NEWS / "usenet" / "75880.txt"))
    assert not {"houses", "newspaper"} & set(talks), talks
    assert "peace talks" in talks
    # "told reporters", "took first place", "for the future": no story is about these alone
    for name, word in (("reuters/16094.txt", "reporters"), ("bbc/entertainment-121.txt", "place")):
        assert word not in labels(topics_of(NEWS / name)), name
    assert "future" not in labels(topics_of(NEWS / "bbc" / "politics-086.txt"))
    assert not {"shape", "fact"} & set(labels(topics_of(NEWS / "bbc" / "sport-070.txt")))


@needs_data
def test_what_kind_of_official_is_no_topic_but_a_sport_before_its_champion_is() -> None:
    """ "Belgian sports minister Claude Eerdekens said …" gave the label "Belgian sports"; "world cross
    country champion" keeps "cross country", the sport, in a label."""
    doping = labels(topics_of(NEWS / "bbc" / "sport-448.txt"))
    assert "Belgian sports" not in doping and "doping" in doping, doping
    assert "Russian energy" not in labels(topics_of(NEWS / "bbc" / "business-181.txt"))
    # the race's full name, said once in the opening sentence, may hold it: "Great Edinburgh … Cross Country"
    cross_country = labels(topics_of(NEWS / "bbc" / "sport-024.txt"))
    assert any("cross country" in label.casefold() for label in cross_country), cross_country


@needs_data
def test_a_label_is_written_as_the_phrase_writes_it_mid_sentence() -> None:
    """ "award winners" was labelled "award Winners", "documentary films" "documentary Films": the
    capital of a name elsewhere in the story ("Poll Winners Concert", "Samuel Goldwyn Films") is not this
    phrase's."""
    assert "award winners" in labels(topics_of(NEWS / "bbc" / "entertainment-241.txt"))
    assert "documentary films" in labels(topics_of(NEWS / "bbc" / "entertainment-361.txt"))
    assert "World Anti-Doping Agency" in labels(topics_of(NEWS / "bbc" / "sport-448.txt"))


@needs_data
def test_no_label_only_repeats_the_words_of_others() -> None:
    """Six labels say six things: "nuclear program" after "nuclear programme" and "Iran nuclear" says
    nothing new."""
    for path in sorted((NEWS / "cnn").glob("*.txt")):
        got = labels(topics_of(path))
        keys = [label_key(x) for x in got]
        for i, key in enumerate(keys):
            others = frozenset().union(*(k for j, k in enumerate(keys) if j != i))
            assert not key <= others, (path.name, got)


def test_british_and_american_spellings_are_one_topic() -> None:
    assert label_key("nuclear programme") == label_key("nuclear programs")
    assert label_key("houses") == label_key("house") and label_key("taxes") == label_key("tax")


def test_plurals_in_i_are_one_topic_and_words_in_is_keep_their_s() -> None:
    """ "Houthis" and "Houthi", "Israelis" and "Israeli" are one topic in /topics; "crisis", "Paris" and
    "tennis" are words of their own, not plurals."""
    assert label_key("Houthis") == label_key("Houthi") and label_key("Israelis") == label_key("Israeli")
    assert label_key("taxis") == label_key("taxi")
    for word in ("crisis", "Paris", "tennis", "analysis"):
        assert label_key(word) == frozenset([word.lower()])
    index = topic_index([("a", [Topic("Houthis", 1.0)]), ("b", [Topic("Houthi", 1.0)])])
    assert [sorted(ids) for _, ids in index] == [["a", "b"]], index


def test_plurals_in_oes_and_ses_are_one_topic() -> None:
    """ "superheroes" and "superhero" were two labels of one CNN story (cnn/663cdd04a024), "virus writers"
    and "viruses" of bbc/tech-281; "vetoes" is "veto", "buses" "bus"; "shoes", "canoes", "houses" and
    "cases" keep their "e"."""
    assert label_key("superheroes") == label_key("superhero") and label_key("vetoes") == label_key("veto")
    assert label_key("viruses") == label_key("virus") and label_key("buses") == label_key("bus")
    for word in ("shoes", "canoes", "houses", "cases"):
        assert label_key(word) == frozenset([word[:-1]]), word
    text = (
        "Capes and cities\n\nSuperheroes are everywhere in cinema. Each superhero saves a city, and the "
        "superheroes of the 1930s rose in an economic decline. A superhero film opens each month; critics "
        "say superheroes reflect the economic decline."
    )
    got = labels_of_text(text)
    assert len([label for label in got if "superhero" in label.lower()]) == 1, got


def test_pronouns_are_not_topics() -> None:
    text = (
        "Company defends itself\n\nThe company said it would defend itself in court. The board itself was "
        "split, and the chairman found himself alone. The firm itself has faced lawsuits over pollution "
        "before. Regulators said the pollution itself was the problem, and the company will pay fines."
    )
    got = labels_of_text(text)
    assert not any(w in label.lower().split() for label in got for w in ("itself", "himself")), got
    assert "pollution" in got, got


def test_a_verb_is_not_a_topic_alone_or_at_the_end_of_one() -> None:
    text = (
        "Carmakers to compete for battery grants\n\n"
        "Three carmakers will compete for government battery grants, the ministry said on Monday. Ford and "
        "Toyota said they would compete hard for the money. The grants will help the firms compete with "
        "Chinese battery makers, and to compete they must build battery plants in Ohio. Analysts said "
        "smaller firms could not compete."
    )
    got = labels_of_text(text)
    assert "battery grants" in got, got
    assert not [x for x in got if x.split()[-1] == "compete"], got  # "compete", "firms compete"


@needs_data
@pytest.mark.parametrize(
    ("path", "clause", "noun"),
    [
        ("bbc/tech-103.txt", "mobiles sold", "mobiles"),
        ("bbc/business-435.txt", "Fosters bought", "Fosters"),
        ("reuters/13022.txt", "load factor rose", "load factor"),
        ("reuters/6948.txt", "liabilities rose", "liabilities"),
    ],
)
def test_clauses_are_not_topics_and_their_nouns_are(path: str, clause: str, noun: str) -> None:
    got = labels(topics_of(NEWS / path))
    assert clause not in got and noun in got, got


def test_a_capitalised_common_word_opens_a_name_but_an_honorific_does_not() -> None:
    text = (
        "Dairy exports climb\n\n"
        "Dairy farmers in New Zealand sold more milk powder to China this year, the trade ministry said. "
        "Exports from New Zealand rose for a third month, and farmers expect prices to hold. Mrs Ardern "
        "said dairy exports would keep growing, and Mrs Ardern will visit China in May to discuss milk "
        "powder sales. Analysts in New Zealand said milk powder prices were at a record."
    )
    got = labels_of_text(text)
    assert "New Zealand" in got and "Zealand" not in got, got
    assert not [x for x in got if x.startswith("Mrs")], got


def test_an_ordinal_opens_a_name_and_its_tail_is_no_label() -> None:
    text = (
        "Textile jobs at risk\n\n"
        "Textile workers in Third World countries could lose their jobs when quotas end, a charity said. "
        "Third World countries such as Bangladesh depend on textile exports, and the charity wants help "
        "for textile workers. Bankers at First Boston said Third World countries would need new markets, "
        "and First Boston expects textile prices to fall."
    )
    got = labels_of_text(text)
    assert any(x.startswith("Third World") for x in got), got
    assert "World countries" not in got, got
    assert "Boston" not in got, got


def test_a_word_english_does_not_know_said_once_is_a_typo_not_a_topic() -> None:
    text = (
        "Kenyan wins cross country race\n\n"
        "Kenyan runner Eliud Kipchoge won the cross country race in Edinburgh on Saturday. Kipchoge "
        "pulled clear of the field with a surge in the lasp lap. The cross country race drew runners "
        "from Kenya, Ethiopia and Britain, and Kipchoge said the course suited him."
    )
    got = labels_of_text(text)
    assert "lasp" not in got, got
    assert any("Kipchoge" in x for x in got), got


def test_no_piece_of_a_latin_phrase_nor_what_basis_something_is_done_on() -> None:
    text = (
        "Regulators study futures limits\n\n"
        "An ad hoc committee of the futures commission will study speculative position limits on "
        "agricultural futures, the commission said. The ad hoc committee will report on a consistent "
        "basis, and the commission said speculative position limits on agricultural futures protect "
        "farmers. The ad hoc committee meets in Chicago, on a monthly basis."
    )
    got = labels_of_text(text)
    assert not [x for x in got if x.startswith("hoc") or x.endswith("basis")], got
    assert any("position limits" in x for x in got), got


def test_an_adverb_neither_opens_nor_ends_a_label() -> None:
    text = (
        "Vonn extends World Cup lead\n\n"
        "Lindsey Vonn won the downhill race in Italy on Saturday and now stands 150 points ahead in the "
        "overall World Cup standings. Vonn also leads the downhill standings, and she is 150 points ahead "
        "of Tina Maze overall. Maze said the downhill race was cautiously planned and Vonn skied "
        "brilliantly in the downhill race."
    )
    got = labels_of_text(text)
    assert not [x for x in got if x.endswith("ahead") or x.startswith("cautiously")], got
    assert any("Vonn" in x for x in got), got


@needs_data
def test_an_award_vote_is_no_election_but_an_election_still_is() -> None:
    """ "Producer Mel Gibson will not be using paid advertisements to promote The Passion of the Christ to
    voters in next year's Academy Awards" (BBC) was filed under elections."""
    oscars = labels(topics_of(NEWS / "bbc" / "entertainment-041.txt"))
    assert "elections" not in oscars and "film and television" in oscars, oscars
    assert _subjects(
        "Voters go to the polls\n\nVoters in Ukraine go to the polls on Sunday in a presidential election. "
        "The election campaign was bitter, and voters expect a close vote."
    )[:1] == ["elections"]


@needs_data
def test_of_two_full_strength_subjects_the_one_with_more_evidence_leads() -> None:
    """Strength stops at 1.0, but a tie there was broken by the alphabet: Reagan's budget talks with
    Congress were filed under diplomacy, a BBC story on broadband eating into TV viewing under film
    and television."""
    budget = labels(topics_of(NEWS / "reuters" / "20780.txt"))
    assert budget[0] == "public finances", budget
    broadband = labels(topics_of(NEWS / "bbc" / "tech-146.txt"))
    assert broadband[0] == "technology", broadband
    headline, body = (NEWS / "reuters" / "20780.txt").read_text().split("\n\n", 1)
    strengths = dict(subjects_for(body, headline))
    assert all(0 < s <= 1.0 for s in strengths.values()), strengths


@needs_data
def test_a_news_outlet_the_story_only_cites_is_no_topic() -> None:
    """Blair "told BBC One's Breakfast with Frost" and gave "a wide-ranging BBC interview": "BBC" was a
    label of that story; "BBC Sport reflects on the future for Liverpool after our exclusive interview"
    is the outlet's own voice. Where the BBC is in the news (Clarkson and Top Gear) it stays one."""
    blair = labels(topics_of(NEWS / "bbc" / "politics-253.txt"))
    assert "Tony Blair" in blair and "BBC" not in blair, blair
    liverpool = labels(topics_of(NEWS / "bbc" / "sport-118.txt"))
    assert "Rick Parry" in liverpool and not [x for x in liverpool if "BBC" in x], liverpool
    assert "BBC" in labels(topics_of(NEWS / "cnn" / "219c198858e6.txt"))


# Made-up stories (no name from a labelled set): the labels a story must and must not get.
_LABELLED_STORIES = {
    # a unit said after its numbers is no topic
    "unit": (
        "Zarvia posts record trade surplus\n\n"
        "Zarvia's trade surplus widened to 450 mln dinars in March from 300 mln dinars in February, the "
        "central bank said. Exports of phosphates rose to 900 mln dinars, while imports fell to 450 mln "
        "dinars, the bank said.\n\n"
        "The trade surplus was the largest since 1984. Phosphate exports have risen every month this year, "
        "helped by higher world prices, and the bank expects the surplus to reach 5,000 mln dinars for the "
        "year. Phosphate producers said demand from Asia was strong. Officials said the surplus would help "
        "Zarvia repay foreign debt.",
        {"trade", "Zarvia"},
        {"dinars", "mln dinars"},
    ),
    # what a price is per is no topic: "1.20 dlrs a share", "$48 a barrel"
    "price unit": (
        "Korvane Oil raises dividend\n\n"
        "Korvane Oil Corp said it raised its quarterly dividend to 30 cts a share from 25 cts a share, "
        "after first quarter profit rose to 1.20 dlrs a share from 90 cts a share a year ago.\n\n"
        "Korvane said crude oil sold for an average of 48 dlrs a barrel in the quarter, against 41 dlrs a "
        "barrel a year earlier, and its refining margins widened. Korvane Oil said output from its Velmora "
        "field rose 12 pct. The dividend is payable June 1 to holders of record May 15, Korvane said.",
        {"Korvane Oil"},
        {"share", "barrel", "cts", "dlrs"},
    ),
    # what a possessive owns is cut from no "X of Y" name: not "Velmora's Ministry" of "Velmora's Ministry of
    # Information" (CNN: "Myanmar's Ministry")
    "ministry of": (
        "Ferry capsizes off Velmora\n\n"
        "Twenty-one people are dead after a ferry capsized off Velmora. Velmora's Ministry of Information "
        "said in a statement that the ferry capsized on Friday in heavy rain. The ministry said rescuers "
        "were searching for the ferry's missing passengers, and the ferry's owner said the boat was not "
        "overloaded.",
        {"Velmora"},
        {"Velmora's Ministry"},
    ),
    # a common word that only opens sentences is no name: "shares in Qorvex", written as a phrase
    "sentence opener": (
        "Qorvex chief quits\n\n"
        "Shares in Qorvex fell 12% on Monday after its chief executive, Anton Mervel, resigned. Qorvex, the "
        "maker of industrial pumps, said Mr Mervel would leave at the end of the month.\n\n"
        "Shares in Qorvex have lost a third of their value this year as orders for its pumps slowed. "
        "Analysts said Qorvex needed a new strategy. Qorvex said it would name a successor soon. Mr Mervel "
        "had led Qorvex for nine years.",
        set(),
        {"Shares in Qorvex", "Shares"},
    ),
    # a name is the topic, not its board or unit
    "board": (
        "Vantrex faces lawsuit\n\n"
        "Vantrex directors are facing a lawsuit from investors who say the company hid losses at its "
        "Brazilian mining business. The lawsuit, filed in New York, names eight Vantrex directors.\n\n"
        "Vantrex said the claims were without merit. The investors say Vantrex directors knew of the losses "
        "in 2003. Vantrex directors met on Tuesday to discuss the lawsuit, and Vantrex said it would defend "
        "itself. The mining losses cost Vantrex $200m.",
        {"Vantrex"},
        {"Vantrex directors"},
    ),
    # "Ellen R. Dovask" holds an initial, so no two-word name of the story says it: `/who`'s does
    "surname": (
        "Harlow Mills names new chairman\n\n"
        "Harlow Mills Inc said its board named Ellen R. Dovask chairman, succeeding Martin Hale, who "
        "retired.\n\n"
        "Dovask, 52, had been president of the textile maker since 1984. Dovask said Harlow Mills would "
        "close two plants in Georgia and move production to Mexico. The company said Dovask would also "
        "remain chief executive. Dovask told analysts the plant closings would cost about 40 mln dlrs. "
        "Harlow Mills shares rose 1/2 to 22 on the news, and analysts said Dovask had the confidence of "
        "investors.",
        {"Ellen R. Dovask"},
        {"Dovask"},
    ),
    # a firm named after a person keeps its name
    "firm after a person": (
        "Dravor profits fall\n\n"
        "Dravor Motor Co said its quarterly profit fell 30%, hit by a price war in Europe. Chairman Karl "
        "Dravor said the carmaker would cut 2,000 jobs.\n\n"
        "Dravor's sales in Europe fell 12%, while Dravor gained market share in Asia. Dravor shares fell "
        "4% in New York. Analysts said Dravor needed new models to compete. Dravor will close a plant in "
        "Belgium next year, the company said.",
        {"Dravor"},
        {"Karl Dravor"},
    ),
    # a news agency the story only cites is no topic
    "news agency": (
        "Zarvian minister upbeat on debt talks\n\n"
        "Zarvia's finance minister Olek Brandt told the official news agency ZNA the talks with creditor "
        "banks on rescheduling foreign debt had gone well. ZNA quoted Brandt as saying the banks understood "
        "Zarvia's difficult position.\n\n"
        "Zarvia owes creditor banks about 30 billion dlrs. Brandt said the talks on the debt would resume "
        "in London next month, ZNA reported. The creditor banks declined to comment on the debt talks.",
        {"Zarvia"},
        {"ZNA"},
    ),
    # an agency named in apposition ("according to Velnews, the state-run news agency") is only cited
    "agency in apposition": (
        "Zarvian mine blast kills miners\n\n"
        "A blast at a coal mine in eastern Zarvia killed 32 miners on Wednesday, according to Velnews, the "
        "state-run news agency. Rescuers were still searching the mine for survivors, Velnews reported.\n\n"
        "The mine had been warned about methane levels, Velnews quoted the mines minister as saying. "
        "Zarvia's coal mines are among the most dangerous in the region, and miners' unions have called for "
        "an inquiry.",
        {"miners"},
        {"Velnews"},
    ),
    # a figure is the topic, not its rise
    "rise": (
        "Zarvia jobless rate climbs\n\n"
        "Zarvia reported a sharp rise in unemployment in March, with 412,000 people out of work, the labour "
        "ministry said. The rise in unemployment was blamed on factory closures in the north.\n\n"
        "Unemployment has risen for six months. The ministry said unemployment would keep rising until "
        "exports recovered, and unions called for new jobs programmes to fight unemployment.",
        {"unemployment"},
        {"rise in unemployment", "sharp rise", "rise"},
    ),
    # a two-letter acronym is how the story names Volkswagen; a generic one ("TV") alone is no topic
    "acronym": (
        "VW weighs Zarvian plant\n\n"
        "VW is considering building a car factory in Zarvia, but said it had yet to decide. Zarvia's "
        "industry minister said a team of VW officials would visit next week.\n\n"
        "VW's proposed plant would make 100,000 cars a year. VW already builds cars in three countries in "
        "the region, and VW said demand there was growing fast. The minister told TV reporters that VW "
        "had approved a site near the capital.",
        {"VW"},
        {"TV"},
    ),
    "acronym with a digit": (
        "G8 backs debt relief for Zarvia\n\n"
        "G8 finance ministers agreed on Saturday to cancel the debts Zarvia owes to the World Bank.\n\n"
        "The G8 deal would save Zarvia 2 billion dlrs a year, ministers said. Campaigners welcomed the G8 "
        "decision but said more countries needed debt relief. The G8 will discuss aid to Africa at its "
        "summit in July, and Zarvia's finance minister said the debt relief would pay for new schools.",
        {"G8"},
        set(),
    ),
}


@pytest.mark.parametrize("story", _LABELLED_STORIES)
def test_made_up_stories_get_the_labels_an_editor_would(story: str) -> None:
    text, wanted, unwanted = _LABELLED_STORIES[story]
    got = labels_of_text(text)
    assert wanted <= set(got) and not unwanted & set(got), got


def test_a_compound_said_only_before_a_noun_is_no_label_alone() -> None:
    text = (
        "Robots film disappoints\n\nThe new robot film is a thrill-a-minute kind of action film, critics "
        "said. Director Mark Bellamy said the thrill-a-minute pace was the point. Fans of thrill-a-minute "
        "cinema queued in London, and the thrill-a-minute sequences drew cheers at the premiere."
    )
    got = labels_of_text(text)
    assert "thrill-a-minute" not in got, got
    assert "film and television" in got and "robot" in got, got


def test_a_page_or_a_name_is_no_label_alone() -> None:
    toy = labels_of_text(
        "Petition over toy name\n\nParents want Toyco to change the name of its Brainy Boy range. The "
        "petition says the name tells girls that science is for boys. Toyco said the name was chosen years "
        "ago, and the petition has 40,000 signatures. Parents plan to deliver the petition on Friday, and "
        "Toyco said it would review the name."
    )
    assert "name" not in toy and "Toyco" in toy, toy
    ferry = labels_of_text(
        "Ferry sinks off coast\n\nA ferry sank off the coast on Monday, officials said on their Facebook "
        "page. The page listed the names of 12 survivors. Rescuers searched the sea for the ferry's crew, "
        "and the page said the search would go on. The ferry carried 40 people, the page said."
    )
    assert "page" not in ferry and "ferry" in ferry, ferry


def test_the_outlet_that_wrote_the_story_and_its_stations_are_no_topic() -> None:
    """A CNN story says "told CNN", "obtained by CNN", "CNN's Jan Orlo contributed" and cites "CNN affiliate
    KVLM": the reporter and its station are where the story came from, not what it is about."""
    text = (
        "(CNN)A tornado tore through the town of Velmora on Wednesday, destroying 40 homes in a mobile "
        'home park, officials said. "It was over in seconds," resident Dara Quell told CNN. The tornado '
        "damaged the school and the fire station, CNN affiliate KVLM reported. Footage from CNN affiliate"
        " KVLM showed roofs torn off. Storm chasers said the tornado was the third to hit Velmora this "
        "spring, according to CNN. Crews cleared debris from the mobile home park on Thursday, and CNN "
        "obtained video of the tornado. CNN's Jan Orlo contributed to this report."
    )
    got = labels_of_text(text)
    assert "tornado" in got, got
    assert not [label for label in got if {"CNN", "KVLM", "affiliate"} & set(label.split())], got


# A cue word that only names something else ("Royal Caribbean", "drone strikes", "Northfield University")
# files no story under its subject; the stories that follow each are that subject's, first.
_LOOK_ALIKES = [
    # "Royal Caribbean" and "the Royal Navy" open a firm's and a service's names; "the Royal Family" and a
    # palace's visit are the royal family's
    pytest.param(
        "royal family",
        "New ship for Royal Caribbean\n\n"
        "Royal Caribbean unveiled its new cruise ship on Monday. The Royal Caribbean ship has a robot bar "
        "and a deck for skydiving, and Royal Caribbean said bookings were strong. A former Royal Navy "
        "officer will captain the ship, which its designers call a floating palace.",
        [
            "Prince visits Velmora\n\n"
            "The Prince arrived in Velmora on Monday, the first visit by a senior member of the Royal Family "
            "in 20 years. The royal visit includes a palace reception, and the prince will meet the queen's "
            "envoy."
        ],
        id="a firm named Royal",
    ),
    # "drone strikes" and "an air strike" are war's; a walk-out over wages is labour's
    pytest.param(
        "jobs and labour",
        "Troops leave Zarvia\n\n"
        "The military pulled its last troops out of Zarvia on Saturday as rebels advanced. Drone strikes "
        "against the militants would go on, officials said, after an air strike killed 12 fighters and "
        "another drone strike hit a convoy. Military advisers had trained the army for two years.",
        [
            "Dockers strike over pay\n\n"
            "Dock workers in Velmora began a strike on Monday over wages. The union said the strike would "
            "last until employers raised pay, and workers at two other ports voted to strike too."
        ],
        id="a drone strike",
    ),
    # a campaign speech "at Northfield University" to students, by a senator who "graduated from high
    # school" nearby, is politics: the school is a place and a life story. Students' fees and a school's
    # teachers are education, a title-case headline's school included.
    pytest.param(
        "education",
        "Whitcombe launches bid\n\n"
        "Senator Dana Whitcombe launched her bid for governor at Northfield University on Tuesday, before "
        "an audience of 300 students. Whitcombe, who graduated from high school in Velmora and studied at "
        "the College of Arden, promised lower taxes. Her rival, Mayor Ilan Brisk, spoke at Arden Academy.",
        [
            "Students protest fee rise\n\n"
            "Students at Northfield University protested on Tuesday against a rise in tuition fees. The "
            "university said the rise would pay for more teachers, but students said education should be "
            "free.",
            "Teachers Strike Closes Velmora School\n\n"
            "Velmora School sent its 600 pupils home on Monday as teachers walked out over pay.",
        ],
        id="a speech at a named university",
    ),
]


@pytest.mark.parametrize(("subject", "look_alike", "about_it"), _LOOK_ALIKES)
def test_a_cue_that_names_something_else_files_no_story_under_it(
    subject: str, look_alike: str, about_it: list[str]
) -> None:
    assert subject not in _subjects(look_alike), _subjects(look_alike)
    for story in about_it:
        assert _subjects(story)[0] == subject, _subjects(story)


def test_what_a_company_trades_in_is_no_label_alone() -> None:
    """ "shares", "sale" and "prices" alone say nothing of which shares or what is sold: a story of a share
    sale is labelled by the company and the sale's object, and "coffee prices" stays whole."""
    sale = labels_of_text(
        "Velcorp to sell shares\n\nVelcorp Inc said it will sell 2 mln shares of common stock in a public "
        "offering. The shares will be sold at 12 dlrs each, and the sale is expected to close next week. "
        "Velcorp said proceeds of the sale would repay debt. The company said prices of its shares had "
        "risen 20 pct this year, and it plans to sell more shares next year if prices stay high."
    )
    assert not {"shares", "share", "sale", "sales", "prices", "price"} & set(sale), sale
    assert "Velcorp Inc" in sale or "Velcorp" in sale, sale
    coffee = labels_of_text(
        "Coffee prices fall\n\nCoffee prices fell to a four-year low on Monday as growers in Dunmara sold "
        "their crop. Coffee prices have fallen 30 pct since January. Traders said coffee prices could fall "
        "further if the Dunmara harvest is large, and exporters cut prices again."
    )
    assert "coffee prices" in coffee or "Coffee prices" in coffee, coffee
