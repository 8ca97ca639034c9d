"""People and delegations (/who): the seed pinned exactly, real news from ../shared/data, unseen text."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from summarizer import ner
from summarizer.analysis import PeopleResult, Person
from summarizer.article import parse_text
from summarizer.people import MAX_PEOPLE, extract_people, who_json
from tests.shared_data import SHARED_DATA

REPO = Path(__file__).resolve().parents[2]
DATA = SHARED_DATA
SEED = REPO / "seeds" / "000_5c41b8c896ed471e.txt"

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data not present")


def people_of(path: Path) -> PeopleResult:
    return extract_people(parse_text(path.read_text(encoding="utf-8")))


def text_result(text: str) -> PeopleResult:
    return extract_people(parse_text(text))


def by_name(result: PeopleResult) -> dict[str, Person]:
    return {p.name: p for p in result.people}


def _assert_listed(path: str, present: set[str], absent: set[str]) -> None:
    """/who on ../shared/data/news/PATH lists everyone in `present` and no one in `absent`."""
    people = set(by_name(people_of(DATA / "news" / path)))
    assert present <= people and not absent & people, (path, people)


def _assert_story_lists(story: str, present: set[str], absent: Sequence[str]) -> None:
    """/who on the text `story` lists everyone in `present` and no name holding a word of `absent`."""
    people = set(by_name(text_result(story)))
    assert present <= people and not any(w in name for name in people for w in absent), people


def members(result: PeopleResult) -> dict[str, Person]:
    return {m.name: m for d in result.delegations for m in d.members}


# -- the seed, pinned ---------------------------------------------------------------------------


def test_seed_delegation_lead_members_and_titles() -> None:
    result = people_of(SEED)
    assert len(result.delegations) == 1
    d = result.delegations[0]
    assert d.lead == "Liz Sherwood-Randall"
    assert d.destination == "Mexico City"
    got = {m.name: (m.title, m.lead) for m in d.members}
    assert got == {
        "Liz Sherwood-Randall": ("Homeland Security Adviser", True),
        "Rich Verma": ("deputy secretary of state for management and resources", False),
        "Lisa Monaco": ("Deputy Attorney General", False),
        "Kristie Canegallo": ("acting deputy secretary of the Department of Homeland Security", False),
        "Kemp Chester": ("senior adviser for the White House Office of National Drug Control Policy", False),
    }


def test_seed_roles_principal_host_author_never_members() -> None:
    result = people_of(SEED)
    people = by_name(result)
    assert people["Biden"].role == "principal"
    assert people["Andrés Manuel López Obrador"].role == "host"
    assert people["Tom Howell Jr."].role == "author"
    in_party = members(result)
    for outsider in ("Biden", "Andrés Manuel López Obrador", "Tom Howell Jr."):
        assert outsider not in in_party


def test_seed_each_person_once_under_the_fullest_name() -> None:
    names = [p.name for p in people_of(SEED).people]
    assert len(names) == len(set(names))
    # "Ms. Sherwood-Randall", "Deputy Secretary Verma", "Mr. Biden" are the same people
    assert not any(n in names for n in ("Sherwood-Randall", "Ms. Sherwood-Randall", "Verma", "Mr. Biden"))
    assert {"Liz Sherwood-Randall", "Rich Verma"} <= set(names)
    assert by_name(people_of(SEED))["Kristie Canegallo"].organization == "Department of Homeland Security"


def test_seed_without_the_model_gives_the_same_delegation(rules_only: None) -> None:
    result = people_of(SEED)
    assert ner.get_model() is None
    assert result.delegations[0].lead == "Liz Sherwood-Randall"
    assert set(members(result)) == {
        "Liz Sherwood-Randall",
        "Rich Verma",
        "Lisa Monaco",
        "Kristie Canegallo",
        "Kemp Chester",
    }


def test_who_json_matches_the_cli_contract() -> None:
    out = who_json("seeds/x.txt", people_of(SEED))
    assert set(out) == {"path", "delegations", "people"}
    d = out["delegations"][0]
    assert set(d) == {"lead", "destination", "purpose", "members"}
    assert set(d["members"][0]) == {"name", "title", "organization", "lead"}
    assert set(out["people"][0]) == {"name", "title", "organization", "role"}
    assert {p["role"] for p in out["people"]} <= {"delegate", "host", "principal", "mentioned", "author"}


# -- real news -----------------------------------------------------------------------------------


@needs_data
def test_two_negotiating_teams_are_kept_apart() -> None:
    result = people_of(DATA / "news" / "reuters" / "7643.txt")
    leads = sorted(d.lead for d in result.delegations if d.lead)
    assert leads == ["John Maslen", "Zdzislaw Kuroski"]
    for d in result.delegations:
        assert [m.name for m in d.members] == [d.lead]


@needs_data
def test_talks_coverage_groups_each_side_and_keeps_contributors_out() -> None:
    result = people_of(DATA / "news" / "cnn" / "f4fd3b5f8e12.txt")
    party_of = {m.name: i for i, d in enumerate(result.delegations) for m in d.members}
    assert party_of["Javad Zarif"] == party_of["Abbas Araghchi"]
    assert party_of["John Kerry"] != party_of["Javad Zarif"]
    iranian = result.delegations[party_of["Javad Zarif"]]
    assert iranian.lead == "Javad Zarif"  # the minister leads, his deputy does not
    people = by_name(result)
    for journalist in ("Jim Sciutto", "Nimet Kirac", "Catherine E. Shoichet"):
        assert people[journalist].role == "author"
        assert journalist not in party_of
    assert people["Benjamin Netanyahu"].role == "host"  # he met the visiting McConnell


@needs_data
@pytest.mark.parametrize("name", ["reuters/17395.txt", "bbc/entertainment-289.txt"])
def test_trigger_words_alone_are_no_delegation(name: str) -> None:
    # "unless accompanied by fundamental changes"; musicians "visiting the UK"
    assert people_of(DATA / "news" / name).delegations == ()


@needs_data
def test_a_sports_squad_on_tour_is_not_a_delegation() -> None:
    """The labelling guide: sports teams and squads are not official parties (bbc/sport-431)."""
    result = people_of(DATA / "news" / "bbc" / "sport-431.txt")
    assert result.delegations == ()
    assert "Jeremy Bates" in by_name(result)


@needs_data
def test_delegation_led_by_takes_title_before_and_after_the_name() -> None:
    result = people_of(DATA / "news" / "reuters" / "8649.txt")
    (d,) = result.delegations
    assert d.lead == "Chris Stals"
    assert d.members[0].title == "chief debt negotiator, director-general of finance"
    assert d.destination == "London"
    assert by_name(result)["Barend du Plessis"].role != "delegate"


@needs_data
def test_most_news_has_no_delegation() -> None:
    files = sorted((DATA / "news" / "bbc").glob("business-*.txt"))[:40]
    with_party = [f.name for f in files if people_of(f).delegations]
    assert len(with_party) <= 2, with_party


# -- text nobody has seen --------------------------------------------------------------------------


UNSEEN = """Kenya sends trade team to Berlin

NAIROBI, May 3 - Kenyan Trade Minister Amina Wekesa will lead a delegation to Berlin for talks on \
coffee and flower exports, the ministry said on Friday.

Peter Otieno, permanent secretary of the treasury; Deputy Governor of the Central Bank Grace Mwangi; \
and Samuel Kiprop, chief executive of the Export Promotion Council, will join Ms. Wekesa in Berlin.

President William Ruto asked the team to press for lower tariffs. Wekesa is expected to meet German \
Economy Minister Klaus Hartmann on Tuesday.

Reporting by Joseph Ndungu; Editing by Mary Clarke
"""


def test_unseen_article_delegation_with_titles_and_roles() -> None:
    result = text_result(UNSEEN)
    (d,) = result.delegations
    assert d.lead == "Amina Wekesa"
    assert d.destination == "Berlin"
    assert d.purpose and "coffee and flower exports" in d.purpose
    got = {m.name: m.title for m in d.members}
    assert got == {
        "Amina Wekesa": "Kenyan Trade Minister",
        "Peter Otieno": "permanent secretary of the treasury",
        "Grace Mwangi": "Deputy Governor of the Central Bank",
        "Samuel Kiprop": "chief executive of the Export Promotion Council",
    }
    people = by_name(result)
    assert people["Joseph Ndungu"].role == "author"
    assert people["Mary Clarke"].role == "author"
    assert people["William Ruto"].role != "delegate"
    assert people["Klaus Hartmann"].role == "host"


def test_byline_author_is_never_a_delegate_even_when_named_in_a_cue() -> None:
    text = (
        "Nordic ministers in Tokyo\n\n"
        "By Sarah Lund\n\n"
        "Foreign Minister Lars Holm arrived in Tokyo on Monday, accompanied by Sarah Lund and "
        "Deputy Trade Minister Erik Berg, for talks on fisheries.\n\n"
        "Holm said the visit would strengthen ties."
    )
    result = text_result(text)
    assert by_name(result)["Sarah Lund"].role == "author"
    assert "Sarah Lund" not in members(result)
    assert members(result)["Lars Holm"].lead
    assert "Erik Berg" in members(result)


def test_a_delegation_announced_then_listed() -> None:
    text = (
        "A delegation of 12 Brazilian health experts arrived in Lisbon on Sunday. The group includes "
        "Health Ministry director Ana Souza and epidemiologist Paulo Lima, of the Oswaldo Cruz "
        "Foundation.\n\n"
        "They will visit hospitals until Friday."
    )
    result = text_result(text)
    (d,) = result.delegations
    assert {m.name for m in d.members} == {"Ana Souza", "Paulo Lima"}
    assert d.destination == "Lisbon"


def test_accompanying_ministers_join_and_the_host_is_the_one_who_receives_them() -> None:
    text = (
        "Li in Australia\n\nChinese Premier Li Qiang arrived in Canberra on Saturday for a four-day visit, "
        "accompanied by Commerce Minister Wang Wentao and Foreign Minister Wang Yi. Australian Prime "
        "Minister Anthony Albanese will host Li at Parliament House on Monday."
    )
    result = text_result(text)
    (d,) = result.delegations
    assert (d.lead, d.destination, d.purpose) == ("Li Qiang", "Canberra", "a four-day visit")
    assert [m.name for m in d.members] == ["Li Qiang", "Wang Wentao", "Wang Yi"]
    assert by_name(result)["Anthony Albanese"].role == "host"


def test_team_headed_by_then_includes_then_travels() -> None:
    text = (
        "Yellen heads to Beijing\n\nThe U.S. team, headed by Treasury Secretary Janet Yellen, includes "
        "Commerce Secretary Gina Raimondo and trade envoy Katherine Tai. The delegation will travel to "
        "Beijing next week for talks on export controls."
    )
    (d,) = text_result(text).delegations
    assert d.lead == "Janet Yellen"
    assert {m.name: m.title for m in d.members} == {
        "Janet Yellen": "Treasury Secretary",
        "Gina Raimondo": "Commerce Secretary",
        "Katherine Tai": "trade envoy",
    }
    assert (d.destination, d.purpose) == ("Beijing", "talks on export controls")


def test_two_sides_of_talks_each_with_its_own_lead() -> None:
    text = (
        "Talks in Istanbul\n\nNegotiators from Ukraine and Russia met in Istanbul on Tuesday. The Ukrainian "
        "delegation was led by Defence Minister Oleksii Reznikov, while Vladimir Medinsky headed the "
        "Russian team. Turkish President Recep Tayyip Erdogan welcomed both delegations."
    )
    result = text_result(text)
    assert sorted(d.lead or "" for d in result.delegations) == ["Oleksii Reznikov", "Vladimir Medinsky"]
    assert all(len(d.members) == 1 for d in result.delegations)
    assert by_name(result)["Recep Tayyip Erdogan"].role == "host"


def test_a_visit_that_never_happened_is_no_delegation() -> None:
    text = (
        "Royal travels\n\nPrince Charles has never visited China, and Foreign Secretary Ann Hale will not "
        "travel to Beijing this year, officials said."
    )
    assert text_result(text).delegations == ()


# -- bad input -------------------------------------------------------------------------------------


def test_article_with_no_people() -> None:
    result = text_result("prices rose again this week.\n\nanalysts expect further increases in the spring.")
    assert result == PeopleResult()


FIRST = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"]
LAST = [
    "Abbott",
    "Brandt",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Gallo",
    "Horvat",
    "Ivanova",
    "Jansen",
]


def test_five_hundred_names_are_handled_quickly() -> None:
    names = [f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}{chr(97 + i // 100)}" for i in range(500)]
    body = "\n\n".join(
        f"{names[i]}, a regional councillor, and {names[i + 1]}, a deputy mayor, attended the session."
        for i in range(0, 500, 2)
    )
    start = time.perf_counter()
    result = text_result("Roll call\n\n" + body)
    assert time.perf_counter() - start < 10
    assert 0 < len(result.people) <= MAX_PEOPLE
    assert all(p.name in names for p in result.people)
    assert result.delegations == ()


def test_all_capitals_wire_copy() -> None:
    text = (
        "SHULTZ BEGINS ARMS TALKS WITH SHEVARDNADZE\n\n"
        "MOSCOW, APRIL 13 - U.S. SECRETARY OF STATE GEORGE SHULTZ WAS HOLDING TALKS WITH SOVIET FOREIGN "
        "MINISTER EDUARD SHEVARDNADZE TODAY, OFFICIALS SAID."
    )
    result = text_result(text)
    names = {p.name for p in result.people}
    assert "George Shultz" in names and "Eduard Shevardnadze" in names
    assert all(n.split()[0][0].isupper() and not n.isupper() for n in names)


@pytest.mark.parametrize(
    "text",
    [
        "Визит в Москву\n\nМинистр иностранных дел Сергей Лавров встретился с делегацией из Китая.",
        "北京代表团抵达东京\n\n外交部长王毅率领代表团抵达东京，与日本外相会谈。",
        "وفد إلى القاهرة\n\nوصل وزير الخارجية إلى القاهرة على رأس وفد رسمي.",
        "Mixed 混合 text\n\nPresident Ana Ruiz met 王毅 in Madrid.",
    ],
)
def test_non_latin_scripts_do_not_crash(text: str) -> None:
    result = text_result(text)
    for p in result.people:
        assert p.name.strip() and not any(c in p.name for c in ",.;:()")


def test_model_is_loaded_lazily() -> None:
    code = "import sys; import summarizer.people, summarizer.topics; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def test_lead_named_with_a_title_apposition_in_the_past_tense() -> None:
    """'X, <title>, led an official delegation to …' (CNN validation story, not in who-dev)."""
    from summarizer.article import parse_text
    from summarizer.people import extract_people

    text = (
        "Earlier this month, Shahindokht Molaverdi, Iran's Vice President for Women and Family Affairs, "
        "led an official delegation to the United Nations in New York to attend the 59th session of the "
        "Commission on the Status of Women. The trip was criticised at home."
    )
    (delegation,) = extract_people(parse_text(text)).delegations
    assert delegation.lead == "Shahindokht Molaverdi"
    assert delegation.members[0].title == "Iran's Vice President for Women and Family Affairs"
    assert delegation.destination and "United Nations" in delegation.destination


def test_a_race_manager_and_a_tour_mentioned_late_are_not_a_touring_party() -> None:
    """Sports coverage that is not about a team travelling (CNN validation story, not in who-dev)."""
    from summarizer.article import parse_text
    from summarizer.people import extract_people

    text = (
        "A poster for the E3 Harelbeke cycling race has been withdrawn after complaints.\n"
        "It's inspired by previous winner Peter Sagan, who pinched a podium girl's behind at the 2013 "
        "Tour de Flanders.\n"
        "\"Personally, no I don't think it's sexist,\" E3 Harelbeke manager Marc Claerhout told CNN.\n"
        "Critics said the race had used provocative campaigns for years and that the players' union "
        "should act.\n"
        "\"We've introduced a women's tour in Britain and we have got financial support for that,\" "
        "said Olympic champion Nicole Cooke."
    )
    assert extract_people(parse_text(text)).delegations == ()


def test_a_research_team_led_by_someone_is_not_a_delegation() -> None:
    """'a team led by X announced …' with no travel or talks nearby (CNN validation story)."""
    text = (
        "Almost 400 years after Cervantes' death, a team led by Francisco Etxeberria announced Tuesday "
        "that they were confident they had found Cervantes' coffin in the crypt of the Convent of the "
        "Barefoot Trinitarians in the Barrio de Las Letras (Literary Quarter) in Madrid.\n"
        "(Etxeberria, incidentally, performed the autopsy on former Chilean President Salvador Allende.)\n"
        '"We have Cervantes, represented in some form in this group of bones," Etxeberria told national '
        "television."
    )
    assert text_result(text).delegations == ()


def test_a_title_naming_an_office_gives_no_organisation() -> None:
    people = by_name(
        text_result(
            "Kerry in Geneva\n\nIn testimony last week, Secretary of State John Kerry said the deal was close. "  # noqa: E501
            "Jane Roe, a spokeswoman for the State Department, said he would stay two days."
        )
    )
    assert people["John Kerry"].title == "Secretary of State"
    assert people["John Kerry"].organization is None  # not "State"
    assert people["Jane Roe"].organization == "State Department"


def test_an_organisation_is_a_body_not_a_place_a_people_or_a_medium() -> None:
    people = by_name(
        text_result(
            "Delta Open\n\nSouth Korean Min-ho Park beat David Kvara of the Republic of Georgia on Monday. "
            '"I was tired," said Kvara. The US TV host Harold Brisk watched with Senate Majority Leader Ann '
            "Corrow, who said the match was long. Iranian Oil Minister Reza Farzan also attended."
        )
    )
    assert people["Min-ho Park"].organization is None  # not "South Korean"
    assert people["David Kvara"].organization is None  # not "Republic"
    assert people["Harold Brisk"].organization is None  # not "US TV"
    assert people["Ann Corrow"].organization == "Senate"  # not "Senate Majority"
    assert people["Reza Farzan"].organization is None  # not "Iranian Oil"


def test_an_organisation_named_after_a_name_is_read_in_full() -> None:
    people = by_name(
        text_result(
            "Oil warning\n\nThe U.S. should rethink its oil policy, according to Carl Umbert of the Center "
            "for Strategic and International Studies. Dana Loft of the National Organization of Black Law "
            "Enforcement Executives agreed, and so did Ray Penn of Halden University and Greta Voss."
        )
    )
    assert people["Carl Umbert"].organization == "Center for Strategic and International Studies"
    assert people["Dana Loft"].organization == "National Organization of Black Law Enforcement Executives"
    assert people["Ray Penn"].organization == "Halden University"  # the "and" after it names a person


# -- the failures issue #10 listed, each on the article it was seen in ----------------------------------


@needs_data
def test_talks_in_geneva_are_not_a_trip_to_washington() -> None:
    """cnn/7de229a5512a: Kerry meets Zarif in Geneva; the party flying to Washington is Netanyahu's."""
    result = people_of(DATA / "news" / "cnn" / "7de229a5512a.txt")
    by_lead = {d.lead: d for d in result.delegations}
    assert by_lead["Benjamin Netanyahu"].destination == "Washington"
    zarif = next(d for d in result.delegations if "Mohammad Javad Zarif" in {m.name for m in d.members})
    assert zarif.destination == "Geneva"


@needs_data
def test_the_host_and_a_minister_who_pulled_out_lead_nothing() -> None:
    """reuters/8080: Mike Moore hosts the Taupo talks; Michel Noir 'had pulled out' of them."""
    result = people_of(DATA / "news" / "reuters" / "8080.txt")
    people = by_name(result)
    assert people["Mike Moore"].role == "host"
    assert people["Michel Noir"].role != "delegate"
    assert "Clayton Yeutter" in members(result)  # "The delegates include U.S. Trade Representative …"


@needs_data
def test_head_of_a_delegation_in_an_apposition_and_no_headline_people() -> None:
    """reuters/1579: 'Jon Rosenbaum, assistant U.S. trade representative and head of Washington's
    delegation to the talks'; the wire headline 'COFFEE TALKS FAILURE SEEN PRESSURING U.S.' names nobody."""
    result = people_of(DATA / "news" / "reuters" / "1579.txt")
    (d,) = result.delegations
    assert d.lead == "Jon Rosenbaum"
    assert "head of Washington's delegation" in (d.members[0].title or "")
    assert [p.name for p in result.people] == ["Jon Rosenbaum"]


@needs_data
def test_joining_a_delegation_and_a_camp_is_no_person() -> None:
    """bbc/politics-018: Prince Edward 'will also join the UK delegation in Poland'; Auschwitz is a place."""
    result = people_of(DATA / "news" / "bbc" / "politics-018.txt")
    assert "Prince Edward" in members(result)
    assert "Auschwitz" not in by_name(result)


@needs_data
def test_a_list_of_leaders_keeps_each_name_and_its_own_title() -> None:
    """'Russian President Vladimir Putin, China's President Xi Jinping, …' was one person titled
    'Russian President, China's President Xi Jinping'."""
    people = by_name(people_of(DATA / "labelled" / "cnn-val" / "c4f3f09efdc8.txt"))
    assert people["Vladimir Putin"].title == "Russian President"
    assert people["Xi Jinping"].title == "China's President"
    assert people["Shinzo Abe"].title == "Japan's Prime Minister"


@needs_data
def test_a_minister_quoted_at_home_is_not_in_the_party_he_announced() -> None:
    """reuters/8649: the finance minister announces the terms in Pretoria; Chris Stals negotiates in
    London."""
    result = people_of(DATA / "news" / "reuters" / "8649.txt")
    assert set(members(result)) == {"Chris Stals"}


@needs_data
def test_the_minister_who_receives_a_visitor_at_home_is_his_host() -> None:
    """reuters/16550 (MOSCOW): Shultz goes into a meeting with Shevardnadze, who is at home."""
    result = people_of(DATA / "news" / "reuters" / "16550.txt")
    assert "George Shultz" in members(result)
    assert by_name(result)["Eduard Shevardnadze"].role == "host"


@needs_data
def test_a_name_keeps_its_joined_particle_and_a_fathers_name_is_no_title() -> None:
    """ "Faisal al-Husseini" was "Faisal", "Jassim al-Khorafi" "Jassim": the lower-case "al-" word ended
    the name; with it kept, "Sheikh Zaid bin Sultan al-Nahayan" must not read "Sultan" as a title."""
    assert "Faisal al-Husseini" in by_name(people_of(DATA / "news" / "usenet" / "75880.txt"))
    assert "Jassim al-Khorafi" in by_name(people_of(DATA / "news" / "reuters" / "19590.txt"))
    uae = by_name(people_of(DATA / "news" / "reuters" / "3452.txt"))
    assert uae["Sheikh Zaid bin Sultan al-Nahayan"].title == "UAE President", uae
    story = (
        "Arab League chief Nabil al-Arabi said the talks would go on. Saudi ambassador Adel al-Jubeir "
        "agreed. Jubeir said the kingdom would act."
    )
    people = by_name(extract_people(parse_text(story)))
    assert {"Nabil al-Arabi", "Adel al-Jubeir"} <= set(people) and "Jubeir" not in people, people


@needs_data
def test_a_word_the_story_writes_in_lower_case_is_no_one_titled_by_the_word_before_it() -> None:
    """ "the Transport and General Workers' Union" gave a person "Workers" titled "General", "ahead of a
    General Election" one called "Election"; "General Dempsey" is still a person."""
    assert "Workers" not in by_name(people_of(DATA / "news" / "bbc" / "politics-069.txt"))
    assert "Election" not in by_name(people_of(DATA / "news" / "bbc" / "politics-352.txt"))
    story = (
        "General Dempsey said the army was ready. The army's general staff met at the General Assembly "
        "hall, where the assembly of generals heard him."
    )
    people = by_name(extract_people(parse_text(story)))
    assert "Dempsey" in people and "Assembly" not in people, people


@needs_data
def test_a_plural_name_the_story_puts_the_before_is_a_group_not_a_person() -> None:
    """CNN's Yemen stories made "Houthis" a person (one the host of a visit), a BBC one the think tank
    "Demos"; "the Williams sisters" must not cost Serena Williams her name, nor Venus hers."""
    for path in (
        DATA / "labelled" / "cnn-val" / "5afaf062f5ec.txt",
        DATA / "labelled" / "cnn-val" / "7a3b88248c10.txt",
    ):
        people = by_name(people_of(path))
        assert "Abdu Rabu Mansour Hadi" in people and "Houthis" not in people, (path, people)
    assert "Demos" not in by_name(people_of(DATA / "news" / "bbc" / "tech-392.txt"))
    story = (
        "Serena Williams returned to Indian Wells on Friday. The Williams sisters had stayed away since "
        "2001. Williams said she had forgiven the crowd, and Venus Williams agreed."
    )
    people = by_name(extract_people(parse_text(story)))
    assert {"Serena Williams", "Venus Williams"} <= set(people), people


def test_a_name_before_a_place_feature_is_no_person() -> None:
    """ "deployed to the Bab al-Mandab strait": the model reads "al-Mandab" as a person; "the", a name and
    "strait" name a waterway, as "the Hudson river" names a river; a president in the same story stays a
    person."""
    story = (
        "Egyptian warships had deployed to the Bab al-Mandab strait last Friday, according to media "
        "reports. Ships sailed up the Hudson river. President Abdel Fattah el-Sisi said Egypt would "
        "protect the passage."
    )
    people = by_name(extract_people(parse_text(story)))
    assert "Abdel Fattah el-Sisi" in people, people
    assert not {"Bab al-Mandab", "al-Mandab", "Hudson"} & set(people), people


@needs_data
def test_a_rank_that_opens_the_name_of_a_firm_or_an_event_makes_no_person() -> None:
    """ "General Motors", "General Electric" and "the General Election" made people "Motor", "Electric"
    and "Election", titled "General" (bbc/business-479, reuters/12328, bbc/politics-157); a rank before
    one word leaves the model to read which it opens, and "General Dempsey" stays a person."""
    for path, word in (
        (DATA / "news" / "bbc" / "business-479.txt", "Motor"),
        (DATA / "news" / "reuters" / "12328.txt", "Electric"),
        (DATA / "news" / "bbc" / "politics-157.txt", "Election"),
    ):
        people = by_name(people_of(path))
        assert not any(word in name for name in people), (path, people)
    story = (
        "General Dempsey said the army was ready. General Motors will build the trucks, and General "
        "Dempsey told reporters that General Motors had met every deadline."
    )
    people = by_name(extract_people(parse_text(story)))
    assert "Dempsey" in people and not any("Motor" in name for name in people), people


@needs_data
def test_a_country_or_a_us_state_is_no_person() -> None:
    """ "Vanuatu" was a person in cnn/d26159825f8d (the country was missing from the list); "Saudi Arabia's
    deputy prime minister" made a person "Arabia" ("Saudi" taken for a nationality in
    front of a name, reuters/20891) and "a Madison, Wisconsin police officer" a person "Wisconsin"
    (cnn/56f9d92c1e35); the people the stories name are still there."""
    people = by_name(people_of(DATA / "news" / "reuters" / "20891.txt"))
    assert "Arabia" not in people and "George Bush" in people, people
    people = by_name(people_of(DATA / "news" / "cnn" / "56f9d92c1e35.txt"))
    assert "Wisconsin" not in people and "Mike Koval" in people, people
    # a country the model reads as a person: every sovereign state is in summarizer.lexicon
    people = by_name(people_of(DATA / "news" / "cnn" / "d26159825f8d.txt"))
    assert "Vanuatu" not in people and "Baldwin Lonsdale" in people, people


@needs_data
def test_letters_after_a_name_are_no_part_of_it() -> None:
    """ "Ruth Kelly MP" and "Ruth Kelly" were two people in bbc/politics-157, "Guy Mansfield QC"
    (bbc/politics-141) a three-word name: an MP's or a QC's letters say what the person is, not who."""
    people = by_name(people_of(DATA / "news" / "bbc" / "politics-157.txt"))
    assert "Ruth Kelly" in people and "Ruth Kelly MP" not in people, people
    people = by_name(people_of(DATA / "news" / "bbc" / "politics-141.txt"))
    assert "Guy Mansfield" in people and "Guy Mansfield QC" not in people, people


@needs_data
def test_a_full_name_the_model_missed_is_the_person_its_surname_names() -> None:
    """ "Helmut Panke predicted …" then "Mr Panke said" listed "Panke" (bbc/business-141); "Top-seeded
    Americans Andy Roddick and Andre Agassi" listed "Roddick" (bbc/sport-507); "Cristiano Ronaldo, who
    scored twice" listed "Ronaldo" (cnn/c7d57de4c2a6). A story names someone in full once: that is the
    name /who shows. Not a law's ("the Bill") nor a firm's first word ("Aston" of "Aston Martin")."""
    _assert_listed("bbc/business-141.txt", {"Helmut Panke"}, {"Panke"})
    _assert_listed("bbc/sport-507.txt", {"Andy Roddick"}, {"Roddick"})
    _assert_listed("cnn/c7d57de4c2a6.txt", {"Cristiano Ronaldo"}, {"Ronaldo"})
    people = by_name(people_of(DATA / "news" / "bbc" / "politics-273.txt"))
    assert not any(name.endswith("Bill") and " " in name for name in people), people
    people = by_name(people_of(DATA / "news" / "bbc" / "business-105.txt"))
    assert not any(name.endswith(" Aston") for name in people), people  # "Aston Martin" opens "Aston"


@needs_data
def test_a_name_holds_no_day_pronoun_or_description() -> None:
    """Words around a name were read as part of it: "James Baker Monday" (reuters/20038), "Greenspan
    I'm" (reuters/18359), "of England" of "The Governor of the Bank of England" (reuters/5480), "de Graaf"
    of "Minister of Social Affairs Louw de Graaf" (reuters/518), "Teammate Viktor Troicki"
    (cnn/7e3553b21d46), "Fly-half Jonny Wilkinson" and a second person "Jonny" (bbc/sport-373)."""
    cases = {
        "reuters/20038.txt": ({"James Baker"}, {"James Baker Monday"}),
        "reuters/18359.txt": ({"Alan Greenspan"}, {"Greenspan I'm"}),
        "reuters/5480.txt": ({"Robin Leigh-Pemberton"}, {"of England"}),
        "reuters/518.txt": ({"Louw de Graaf"}, {"de Graaf"}),
        "cnn/7e3553b21d46.txt": ({"Viktor Troicki", "James Ward"}, {"Teammate Viktor Troicki"}),
        "bbc/sport-373.txt": ({"Jonny Wilkinson"}, {"Fly-half Jonny Wilkinson", "Jonny"}),
    }
    for path, (present, absent) in cases.items():
        _assert_listed(path, present, absent)


def test_a_storm_is_no_person() -> None:
    """cnn/9cc5a56acf7b listed "Hurricane Isaac" and "Rita" of "Hurricanes Katrina, Rita and Isaac" as
    people."""
    story = (
        "Sgt. Tom Bergeron had served during Hurricanes Katrina, Rita and Isaac, said Maj. Gen. Glenn "
        "Curtis. When Hurricane Isaac flooded the parish, Bergeron led the rescue, Curtis said. Typhoon "
        "Haiyan hit the Philippines a year later, and Bergeron flew there too."
    )
    people = by_name(text_result(story))
    assert "Glenn Curtis" in people and "Tom Bergeron" in people, people
    assert not any(w in name for name in people for w in ("Katrina", "Rita", "Isaac", "Haiyan")), people


def test_an_abbreviated_title_opens_a_name() -> None:
    """ "Gov." was no title: "Virginia Gov. Tim Kaine" was one four-word run the model rejected, and
    the "." of "Gov." ended an apposition, so "Maryland Gov" read as the title of the name before it and
    the next person was lost."""
    story = (
        "Former Virginia Gov. Tim Kaine, Maryland Gov. Larry Hogan and Sen. Ben Cardin met on Friday. "
        "Kaine said the talks went well. Det. Supt. Ian Wright of the state police joined them. "
        "Sgt. Mia Holt, Army Cpl. Dan Ruiz and Pvt. Eli Stone were wounded, said Mia Holt."
    )
    people = by_name(text_result(story))
    assert {"Tim Kaine", "Larry Hogan", "Ben Cardin", "Ian Wright"} <= set(people), people
    assert {"Mia Holt", "Dan Ruiz", "Eli Stone"} <= set(people), people
    assert "Army" not in (people["Mia Holt"].title or ""), people["Mia Holt"]
    assert "Gov" in (people["Larry Hogan"].title or ""), people["Larry Hogan"]
    assert "Maryland" not in (people["Tim Kaine"].title or ""), people["Tim Kaine"]


def test_a_list_of_titled_names_is_no_apposition() -> None:
    """ "John Whitehead, Deputy Secretary of State, Defense Secretary Caspar Weinberger and leaders of …"
    (reuters/20891) gave Whitehead all that as his title and lost Weinberger; reuters/10192 lost
    Guilermno Perry Rubio so."""
    story = (
        "She will meet Finance Minister Anna Berg, Central Bank Governor Jon Ekholm and Tom Lindqvist, "
        "head of the tax office, on Monday. Berg said the talks would be frank."
    )
    people = by_name(text_result(story))
    assert {"Anna Berg", "Jon Ekholm", "Tom Lindqvist"} <= set(people), people
    assert people["Anna Berg"].title == "Finance Minister", people["Anna Berg"]
    assert people["Jon Ekholm"].title == "Central Bank Governor", people["Jon Ekholm"]


def test_a_surname_that_is_also_a_title_word_lists_a_person_not_a_title() -> None:
    """ "A very partial list of those includes Howard Wolfson, Phil Singer and Blake Zeff" gave Wolfson
    the title "Phil Singer and Blake Zeff" and lost both; "CNN's Livia Borghese, Jessica King and …"
    lost Jessica King so. A head before "of" still titles ("Harvard Dean of Students"), and a role opening
    the sentence still does ("Singer Angie Stone")."""
    story = (
        "The campaign hired Mara Quill, Ted Singer and Lou Varga, who ran the office. "
        "CNN's Ana Brix, Della King and Bo Ortega contributed to this report. "
        "Jim Pardo, Harvard Dean of Students, said the rules changed. "
        "Singer Kaya Bloom said she was happy. The painter John Singer Sargent lived there."
    )
    people = by_name(text_result(story))
    assert {"Mara Quill", "Ted Singer", "Lou Varga", "Ana Brix", "Della King"} <= set(people), people
    assert people["Mara Quill"].title is None and people["Ana Brix"].title is None, people
    assert people["Jim Pardo"].title == "Harvard Dean of Students", people["Jim Pardo"]
    assert people["Kaya Bloom"].title == "Singer", people["Kaya Bloom"]
    assert "John Singer Sargent" in people, people


def test_a_first_name_the_model_leaves_out_stays_in_the_name() -> None:
    """The words before the model's name in a run are dropped only when they describe ("Teammate Viktor
    Troicki"): an unfamiliar first name the model leaves out of its span is still the person's."""
    story = (
        "Officials said a man was charged. Zorvan Elias Mott Keller, accused of trying to join the group, "
        "was arrested in Ohio. Keller denied the charges."
    )
    assert "Zorvan Elias Mott Keller" in by_name(text_result(story))


def test_a_two_word_plural_the_story_treats_as_a_group_is_no_person() -> None:
    """ "Lib Dems" was a person in five BBC politics stories (bbc/politics-141, -153 …): "the Lib Dems
    say" names a party. "The Serena Williams match" still names her."""
    story = (
        "The Lib Dems say the tax is unfair, and Lib Dems will vote against it. Charles Kennedy said so "
        "on Monday. Fans waited for the Serena Williams match, and Serena Williams won it."
    )
    people = by_name(text_result(story))
    assert "Lib Dems" not in people and "Charles Kennedy" in people, people
    assert "Serena Williams" in people, people


@needs_data
def test_a_sports_club_is_no_person() -> None:
    """ "Manchester United" was a person in six BBC stories (bbc/sport-095, -118 …, bbc/business-229) and
    "Preston Harriers", "Herne Hill Harriers" in bbc/sport-068; the people there stay."""
    people = by_name(people_of(DATA / "news" / "bbc" / "sport-095.txt"))
    assert "Manchester United" not in people and any("Ferguson" in name for name in people), people
    people = by_name(people_of(DATA / "news" / "bbc" / "sport-068.txt"))
    assert not any(name.endswith("Harriers") for name in people) and "Kelly Holmes" in people, people


@needs_data
def test_a_name_only_inside_someone_elses_title_is_an_employer() -> None:
    """ "Christian Aid" (bbc/business-296, "Christian Aid's head of Trade Policy"), "Virgin Blue"
    (bbc/business-474, "Virgin Blue chief executive") and "Bolton" (bbc/sport-185, "Bolton boss") were
    people; they say where someone works. A person whose spokesman or kin someone is, or a name inside a
    longer one, stays."""
    _assert_listed("bbc/business-296.txt", {"Andrew Pendleton"}, {"Christian Aid"})
    _assert_listed("bbc/business-474.txt", {"Brett Godfrey"}, {"Virgin Blue"})
    _assert_listed("bbc/sport-185.txt", {"Sam Allardyce"}, {"Bolton"})
    story = (
        "Tony Blair spokesman Tom Kelly said the plan would work. Blair will speak on Monday, Kelly said. "
        "Zelda Okafor, chairman of the Nelson Mandela Foundation, said Nelson Mandela would have liked it."
    )
    assert {"Tony Blair", "Tom Kelly", "Nelson Mandela", "Zelda Okafor"} <= set(by_name(text_result(story)))
    # a body's country arm names the body: "Age Concern" (bbc/business-382), "Lycos" (bbc/tech-189)
    _assert_listed("bbc/business-382.txt", {"Gordon Lishman"}, {"Age Concern"})
    _assert_listed("bbc/tech-189.txt", set(), {"Lycos"})


def test_a_surname_that_is_also_an_organisations_word_can_be_a_persons() -> None:
    """ "Kanye West" (bbc/entertainment-117, -264) was no person: "west" is a word of organisations'
    names ("West Bank"). After a first name, the model decides; "Iran Deal" stays no one."""
    story = (
        "Kanye West won three awards on Sunday and thanked his mother. Later, Kanye West performed. "
        "Critics said the Iran Deal would fail, and Doris Day sang."
    )
    people = by_name(text_result(story))
    assert "Kanye West" in people, people
    assert not any("Iran" in name for name in people), people


def test_a_name_the_story_shows_to_be_a_bodys_is_no_person() -> None:
    """A name right after the kind of body it is ("oil giant Yukos", "the militant group Boko Haram", "the
    band New Order") or the opening words of a firm's full name ("Dart" of "Dart Group Corp") was a person
    when said again on its own; the people beside it, a person a foundation is named after and one after
    "the company" as a clause's subject ("the company Bill Gates founded") stay."""
    story = (
        "Shares in oil giant Tarkov fell on Monday after Ivan Belov, its founder, sold his stake. "
        "Tarkov said the sale was legal. Tarkov has three refineries.\n\n"
        "The militant group Kano Rafa attacked a village, said Amina Bello, a local official. "
        "The army cannot beat Kano Rafa, Amina Bello said.\n\n"
        "Meanwhile Wexley Group Corp bid for a rival. Wexley Group said the bid was fair, "
        "and Wexley said it would raise it. Wexley owns stores in 12 states.\n\n"
        "Zelda Okafor, chairman of the Nelson Mandela Foundation, said Nelson Mandela would have liked it. "
        "Shares rose at the company Omar Hadley founded, and Omar Hadley was pleased."
    )
    present = {"Ivan Belov", "Amina Bello", "Zelda Okafor", "Nelson Mandela", "Omar Hadley"}
    _assert_story_lists(story, present, ["Tarkov", "Kano Rafa", "Wexley"])


def test_a_work_named_after_its_kind_or_before_its_format_is_no_person() -> None:
    """ "the game Manhunt was blamed" and "animation Shark Tale has raked in $80m" listed the game and the
    film as people (after one word, an auxiliary is the kind's verb), and so did "Shark Tale DVD"; the
    cast beside them stays, and so does a person whose clause has an auxiliary ("the company Omar Hadley
    has built", "the film Tom Hanks was making")."""
    story = (
        "Oscar-nominated animation Reef Story has raked in $80m in the first week of its DVD release. "
        "Reef Story, whose voice cast includes Will Tanner and Rosa Delgado, sold six million copies. "
        "Reef Story DVD is the best-seller of the year.\n\n"
        "Critics say the game Nightstalk was blamed by the parents of a boy, Ned Arlow. "
        "Nightstalk was not part of the legal case, Ned Arlow's mother said.\n\n"
        "Shares rose at the company Omar Hadley has built, and Omar Hadley was pleased. "
        "The film Tom Banks was making stopped. Tom Banks told reporters he was sad."
    )
    present = {"Will Tanner", "Rosa Delgado", "Ned Arlow", "Omar Hadley", "Tom Banks"}
    _assert_story_lists(story, present, ["Reef", "Nightstalk"])


def test_an_animal_named_after_its_kind_is_no_person() -> None:
    """ "Irish setter Thendara Satisfaction" and "Irish Setter Jagger" (cnn/77b34f206a0d, a dog poisoned at
    Crufts) were people; the owner beside the dog stays. (Its call name said alone, "Rusty was finding it
    hard to breathe", still reads as a person's.)"""
    story = (
        "Irish setter Glenmoy Delight -- known to his owners as Rusty -- took second prize at the show. "
        "Owner-breeder Ann Cole-Baxter said Rusty was finding it hard to breathe. "
        '"Horrified at the death of Irish Setter Rusty," the club said.\n\n'
        "Champion horse Tom Dancer won at Cheltenham. Tom Dancer was ridden by jockey Jim Kelly."
    )
    _assert_story_lists(story, {"Ann Cole-Baxter", "Jim Kelly"}, ["Glenmoy", "Setter", "Dancer"])


@needs_data
def test_firms_bands_and_films_of_the_news_are_no_people() -> None:
    """Corpus stories that listed a body as a person: "Yukos" (oil giant), "Boko Haram" (militant group),
    "New Order" (band), "Vera Drake" (film), "Security Pacific" (of "Security Pacific Corp")."""
    _assert_listed("bbc/business-444.txt", {"Mikhail Khodorkovsky", "Leonid Nevzlin"}, {"Yukos"})
    _assert_listed("cnn/a9cfdaa43129.txt", {"Goodluck Jonathan"}, {"Boko Haram"})
    _assert_listed("bbc/entertainment-228.txt", {"Ian Curtis", "Tony Wilson"}, {"New Order"})
    _assert_listed("bbc/entertainment-357.txt", {"Imelda Staunton", "Mike Leigh"}, {"Vera Drake"})
    _assert_listed("reuters/6725.txt", set(), {"Security Pacific"})
    _assert_listed("bbc/politics-199.txt", {"Patricia Hewitt", "Warren Leblanc"}, {"Manhunt"})
    _assert_listed("bbc/entertainment-359.txt", {"Will Smith"}, {"Shark Tale", "Shark Tale DVD"})
    _assert_listed("cnn/77b34f206a0d.txt", {"Dee Milligan-Bott"}, {"Setter Jagger", "Thendara Satisfaction"})


def test_a_describing_compound_before_a_name_is_not_the_name() -> None:
    """ "Owner-breeder Dee Milligan-Bott", "Film-maker Spike Lee" and "the Oscar-nominated Owen" (of Clive
    Owen) kept the compound as a first name; "Fifteen-year-old Donald Young" lost the person. A name's own
    hyphenated parts are capitalised and stay ("Kilroy-Silk")."""
    story = (
        "Owner-breeder Ann Cole-Baxter said her dog was tired. Film-maker Raj Patel watched the show. "
        "Robert Kilroy-Silk was there too. The Oscar-nominated Mendez told reporters that Luis Mendez "
        "would return. Fifteen-year-old Tomas Brandt won the junior title. Jets struck the rebel-held "
        "Tal Kara air base at dawn."
    )
    people = set(by_name(text_result(story)))
    assert "Tal Kara" not in people, people  # a place: "the …-held NAME air base"
    assert {"Ann Cole-Baxter", "Raj Patel", "Robert Kilroy-Silk", "Luis Mendez", "Tomas Brandt"} <= people
    assert not any("-" in name.split()[0] and "Kilroy" not in name for name in people), people


def test_new_and_air_open_no_name_and_a_place_keeps_its_title_word() -> None:
    """ "New Brunswick" was a person titled "Prince Edward Island" (reuters/18733), "Air Sahara" and "Air
    Shamrock" were people (bbc/business-380, -331); "Prince Harry" stays one."""
    story = (
        "Power will flow to New Brunswick, Prince Edward Island and Nova Scotia, Jana Holt said. "
        "New Brunswick said it agreed. Air Kestrel said fares would rise, and Air Kestrel later said so "
        "again. Prince Harry visited the plant."
    )
    _assert_story_lists(story, {"Jana Holt", "Prince Harry"}, ["Brunswick", "Edward Island", "Kestrel"])


def test_a_partys_full_name_is_no_part_of_a_persons() -> None:
    """ "Liberal Democrat David Laws" was "Democrat David Laws" titled "Liberal" (bbc/politics-376), and
    "Lib Dem" or "Lib Dems" a person in four BBC stories."""
    story = (
        "Liberal Democrat Ann Reid said the plan was wrong. The plans face trouble if Conservative and "
        "Lib Dem opposition continues, Ann Reid said. Lib Dems will vote against it, and Lib Dem peers agree."
    )
    people = text_result(story).people
    assert [(p.name, p.title) for p in people] == [("Ann Reid", "Liberal Democrat")], people


def test_a_musicians_or_a_commandants_title_is_no_part_of_the_name() -> None:
    """ "Rapper Jay-Z" (bbc/entertainment-117) and "Commandant Edwin Spangler" (cnn/d8b6d13fa0f5) kept the
    title as a first name; "composer", "comedian", "drummer" are titles as "singer" is."""
    story = (
        "Rapper Kofi Blaze becomes label boss. He played the role of Commandant Lars Ewing on the show. "
        "The comedian Mina Toft and the Czech composer Pavel Hruby were there too."
    )
    got = {p.name: p.title for p in text_result(story).people}
    assert got.get("Kofi Blaze") == "Rapper" and got.get("Lars Ewing") == "Commandant", got
    assert got.get("Mina Toft") == "comedian" and got.get("Pavel Hruby") == "Czech composer", got


def test_a_name_with_two_particles_is_whole() -> None:
    """ "Jeroen van der Veer" and "Walter van der Vijver" were "Jeroen" and "Walter" (bbc/business-419);
    "Edwin van der Sar" was no one (bbc/sport-242)."""
    story = (
        "She was adviser to chief executive Pieter van der Berg until June. Goalkeeper Ana de la Vega "
        "saved twice, and Pieter van der Berg said the club was proud."
    )
    got = {p.name: p.title for p in text_result(story).people}
    assert got == {"Pieter van der Berg": "chief executive", "Ana de la Vega": "Goalkeeper"}, got


def test_a_verb_before_a_title_is_no_part_of_it() -> None:
    """ "Mikel Arteta" was titled "replace former Rangers midfielder" (bbc/sport-117: "will effectively
    replace former Rangers midfielder Mikel Arteta"), and "Dragan Mladenovic" "loan out-of-favour
    midfielder" ("Rangers are set to loan out-of-favour midfielder Dragan Mladenovic"); "an injury to
    central defender" keeps "central"."""
    story = (
        "Nowak will effectively replace former Rangers midfielder Tomas Kral, the club said. Kral left after "
        "an injury to central defender Ivo Brandt. Celtic are set to loan out-of-favour midfielder Rui Sota."
    )
    got = {p.name: p.title for p in text_result(story).people}
    assert got.get("Tomas Kral") == "former Rangers midfielder", got
    assert got.get("Ivo Brandt") == "central defender", got
    assert got.get("Rui Sota") == "out-of-favour midfielder", got


def test_an_ampersand_inside_a_word_keeps_it_whole() -> None:
    """ "R&B star Nelly" was titled "B star" (bbc/entertainment-126, -161, -264), and "P" of "P&O owner"
    was a person (bbc/business-244)."""
    story = "R&B star Lulu Vance won. P&O shares rose after Lulu Vance sang, and P&O said so."
    got = {p.name: p.title for p in text_result(story).people}
    assert got == {"Lulu Vance": "R&B star"}, got


def test_a_tour_is_no_person() -> None:
    """ "PGA Tour" was a person titled "official" (cnn/bd88d236ea4e: "told the official PGA Tour website",
    "a comeback to the PGA Tour")."""
    story = (
        'Nina Holm won on Sunday. "It was fine," Holm told the official LPGA Tour website. Her victory '
        "completed a comeback to the LPGA Tour."
    )
    assert set(by_name(text_result(story))) == {"Nina Holm"}


def test_shows_regional_arms_and_describing_compounds_are_no_people() -> None:
    """ "Desperate Housewives" (ABC serial), "Lycos Europe", "Virgin Megastores", "Sean Casey Animal
    Rescue", "Sydney Marathon" and "Janet Jackson-style" were people in BBC and CNN stories; the author
    whose novel is filmed stays one."""
    story = (
        "The success of ABC serial Hidden Lanes surprised Mara Quinn. Hidden Lanes returns in May. "
        "Portal Europe said sales rose, and Portal Europe will hire staff. Fans ran the Oslo Marathon, "
        "which Oslo Marathon officials praised. It was a Lena Dahl-style stunt. The movie version of Tom "
        "Ferris's novel opens soon, and Tom Ferris said he was pleased."
    )
    _assert_story_lists(story, {"Mara Quinn", "Tom Ferris"}, ["Lanes", "Europe", "Marathon", "-style"])


def test_a_clause_after_a_name_or_a_verb_before_it_gives_no_title() -> None:
    """ "Frank Lampard" was titled "head" ("to powerfully head Lampard's corner", bbc/sport-139) and
    "Benedikt Howedes" "the defender could only fire his shot straight at Casillas" (cnn/c7d57de4c2a6)."""
    story = (
        "Vidar Lunde took a corner, and Otto Brandt rose to powerfully head Lunde's cross goalwards. When "
        "the ball broke to Jonas Reif, the defender could only fire his shot at the keeper. Vidar Lunde "
        "and Jonas Reif both played on."
    )
    got = {p.name: p.title for p in text_result(story).people}
    assert got.get("Vidar Lunde") is None and got.get("Jonas Reif") is None, got


@needs_data
def test_a_lone_word_mostly_read_as_no_person_is_none() -> None:
    """A one-word name nothing vouches for was a person when the model read it as one in a minority of
    its mentions: "Madison" (the city, cnn/56f9d92c1e35), "Reed" (a subsidiary, reuters/1981), "Grammy"
    (bbc/entertainment-264), "Linux" (bbc/tech-012)."""
    _assert_listed("cnn/56f9d92c1e35.txt", {"Tony Robinson", "Paul Soglin"}, {"Madison"})
    _assert_listed("reuters/1981.txt", {"W.A. Kistler Jr."}, {"Reed"})
    _assert_listed("bbc/entertainment-264.txt", {"Ray Charles", "Kanye West"}, {"Grammy"})
    _assert_listed("bbc/tech-012.txt", set(), {"Linux"})


@needs_data
def test_an_award_said_by_one_word_is_no_person() -> None:
    """ "Oscar" and "Bafta" were people in four BBC entertainment stories ("his best actor Oscar", "the
    Oscar ceremony"); a first name Oscar stays one ("Oscar Lindqvist")."""
    _assert_listed("bbc/entertainment-314.txt", {"Marlon Brando", "Humphrey Bogart"}, {"Oscar"})
    _assert_listed("bbc/entertainment-357.txt", {"Imelda Staunton", "Clive Owen"}, {"Bafta"})
    _assert_listed("bbc/entertainment-367.txt", {"Clint Eastwood", "Chris Rock"}, {"Oscar"})
    story = "Oscar Lindqvist, her director, said Mia Sand deserved the Oscar. Oscar Lindqvist smiled."
    assert "Oscar Lindqvist" in by_name(text_result(story))


def test_a_thing_someone_owns_and_words_said_to_someone_are_no_people_or_titles() -> None:
    """A thing someone owns is nobody ("his Chirper feed"), and "Taylor Hackford" was titled "you're my
    director of the year" (bbc/entertainment-051): words said to someone are no apposition."""
    story = (
        "Mayor Tom Reyes posts closings on Chirper. He rarely gets complaints about his Chirper feed, and "
        '"I don\'t have time for Chirper," one parent said. Chirper users agree. At the awards, Lee Park '
        'thanked Ana Ruiz: "Ana Ruiz, you\'re my director of the year."'
    )
    got = {p.name: p.title for p in text_result(story).people}
    assert "Chirper" not in got and got.get("Ana Ruiz") is None, got


@needs_data
def test_a_platform_said_as_something_owned_is_no_person() -> None:
    """cnn/0ff8ff7777e7 listed "Twitter" ("his Twitter feed", "students on Twitter")."""
    _assert_listed("cnn/0ff8ff7777e7.txt", {"Mark Boughton", "Sal Pascarella"}, {"Twitter"})


def test_a_titled_name_whose_surname_is_an_organisations_word_is_a_person() -> None:
    """ "Kanye West" left to the model was a person, but "singer Kanye West" or "Gov. Nathan Deal" was
    none: the title sent it down the rule that any organisation's word makes no one. "Iran Deal" stays no
    one."""
    story = (
        "Georgia Gov. Ruth Deal said the plan was fair. Later, singer Omar West performed, and critics "
        "said the Iran Deal would fail."
    )
    people = set(by_name(text_result(story)))
    assert {"Ruth Deal", "Omar West"} <= people, people
    assert not any("Iran" in name for name in people), people


def test_a_crown_prince_is_the_prince_the_story_names_later() -> None:
    """ "Crown Prince Abdullah bin Abdul Aziz" and "Prince Abdullah" were two people (reuters/20891)."""
    story = (
        "Ruritania's Crown Prince Karim bin Hamad Al Nour met the president on Monday. Officials said "
        "Prince Karim was very supportive. Prince Harry came too."
    )
    got = [(p.name, p.title) for p in text_result(story).people]
    assert got == [("Prince Karim bin Hamad Al Nour", "Crown Prince"), ("Prince Harry", "Prince")], got


@needs_data
def test_a_product_named_before_what_it_is_is_no_person() -> None:
    """ "the Windows-based Creative Zen portable media player" listed "Creative Zen" (bbc/tech-222); a
    person who died "in a car crash" stays one."""
    _assert_listed("bbc/tech-222.txt", {"Henri Crohas", "Bill Gates"}, {"Creative Zen"})
    story = "Former coach Ian Roth died in a car crash on Sunday. Ian Roth was 61."
    assert "Ian Roth" in by_name(text_result(story))


def test_a_unit_a_departments_affairs_and_a_professional_corporation_are_no_people() -> None:
    """ "Intelligence Unit" (reuters/3019), "Constitutional Affairs" (bbc/politics-273, "Secretary of
    State for Constitutional Affairs") and "Montague P.C." (reuters/5589) were people."""
    story = (
        "The Economist Intelligence Unit said growth would slow, Lena Park said. Intelligence Unit analysts "
        "agreed. Ben Ode, Secretary of State for Constitutional Affairs, said Constitutional Affairs staff "
        "would help. Kline and Montague P.C., counsel for the plaintiffs, said Montague P.C. would appeal."
    )
    _assert_story_lists(story, {"Lena Park", "Ben Ode"}, ["Unit", "Affairs", "P.C."])


def test_a_saints_church_and_a_band_of_sisters_are_no_people() -> None:
    """ "St Egwin" (bbc/politics-352, "St Egwin's school"), "Saint Mary" (cnn/08ba69af9520, "Saint Mary's")
    and "Scissor Sisters" (bbc/entertainment-126, -321) were people; "Ian St John" stays one."""
    story = (
        "Pupils at St Oswin's school met Tara Lowe. Later Saint Bede's beat Valley 70-64, and St Oswin "
        "staff cheered. The band Paper Sisters topped the chart, as Paper Sisters did in May. Former striker "
        "Ian St John said Tara Lowe was right."
    )
    _assert_story_lists(story, {"Tara Lowe", "Ian St John"}, ["Oswin", "Bede", "Sisters"])


def test_a_plural_title_before_two_names_titles_both() -> None:
    """ "Princes William and Harry" listed "Princes William" and lost Harry; "Presidents", "Senators",
    "Justices" and "Mayors" read the same way."""
    story = (
        "The father of Princes Tomas and Emil, Karl is next in line to the throne. Presidents Varga and "
        "Olsen met on Monday, and Senators Ann Lowe and Ben Ruiz said so. Sens. Eva Marsh and Tim Cole "
        "agreed. Reporters would not ask Supreme Court Justices Ada Holm and Tom Reid such questions. "
        "Mayors Dale Hollis and Ilan Brisk met on Monday."
    )
    got = {p.name: p.title for p in text_result(story).people}
    assert {"Prince Tomas": "Prince", "Prince Emil": "Prince"}.items() <= got.items(), got
    assert got.get("Varga") == got.get("Olsen") == "President", got
    assert got.get("Ann Lowe") == got.get("Ben Ruiz") == "Senator", got
    assert got.get("Eva Marsh") == got.get("Tim Cole") == "Sen.", got  # "Sens." ends no sentence
    assert got.get("Ada Holm") == got.get("Tom Reid") == "Justice", got
    assert got.get("Dale Hollis") == got.get("Ilan Brisk") == "Mayor", got


def _titles_of(story: str) -> dict[str, str | None]:
    return {p.name: p.title for p in text_result(story).people}


def _assert_titles(story: str, expected: dict[str, str | None]) -> None:
    """/who on the text `story` lists each name of `expected` with its title."""
    got = _titles_of(story)
    assert {name: got.get(name, "(not listed)") for name in expected} == expected, got


def test_a_title_before_a_comma_keeps_its_body_and_its_owner() -> None:
    """ "The Governor of the Bank of England, Robin Leigh-Pemberton" (reuters/5480), "the co-chairman of the
    Conservative Party, Liam Fox" (bbc/politics-414), "PwC's global chief executive, Samuel DiPiazza"
    (bbc/business-509) and "Putin's spokesman, Dmitry Peskov" (cnn/1301c5ddee50) gave no title."""
    story = (
        "The Governor of the Bank of Ruritania, Ivo Marek, repeated his criticism. Profits rose, said the "
        "co-chairman of the Liberal Party, Ana Sousa, on Saturday. Acme's global chief executive, Dev Rao, "
        "agreed, and Putin's spokesman, Lev Orlov, said so too. Social Democrats of Prime Minister Kai Lund "
        "met, as did the government of President Omar Bello."
    )
    expected = {
        "Ivo Marek": "Governor of the Bank of Ruritania",
        "Ana Sousa": "co-chairman of the Liberal Party",
        "Dev Rao": "Acme's global chief executive",
        "Lev Orlov": "Putin's spokesman",
        # "of" joins a body's name, not a party to a title or a title to a title
        "Kai Lund": "Prime Minister",
        "Omar Bello": "President",
    }
    _assert_titles(story, expected)


def test_a_title_after_the_name_may_name_an_activity() -> None:
    """ "Zoltan Boesze, chief of the Finance Ministry's budget financing division" (reuters/335) and
    "Nigel Marson, head of group marketing at Transport for London" (bbc/tech-230) lost their titles at
    the "-ing" word; a clause after the name still gives none."""
    got = _titles_of(
        "Ida Varga, chief of the ministry's budget financing division, told reporters the deficit would "
        "grow. Tom Hale, head of group marketing at Metro Rail, said cards sold well. Kim Cole, speaking in "
        "Paris, disagreed. Raul Ortiz, the Rovers midfielder planted his shot wide, and lost."
    )
    assert got.get("Ida Varga") == "chief of the ministry's budget financing division", got
    assert got.get("Tom Hale") == "head of group marketing at Metro Rail", got
    assert got.get("Kim Cole") is None and got.get("Raul Ortiz") is None, got


def test_a_portfolio_title_keeps_every_department() -> None:
    """ "Trade and Industry Secretary Patricia Hewitt" was "Industry Secretary" (bbc/business-382,
    reuters/13253, reuters/16788), "Culture, Media and Sport Secretary Tessa Jowell" "Sport Secretary"
    (bbc/politics-199), "Texas Savings and Loan Commissioner" "Loan Commissioner" (reuters/1115); a name
    before "and" stays out of the next one's title."""
    story = (
        "Trade and Industry Secretary Mia Dunn said the deal was good. Culture, Media and Sport Secretary "
        "Jo Platt backed it, and Ohio Savings and Loan Commissioner Al Reyes agreed. Blair and Foreign "
        "Secretary Ray Moss met."
    )
    expected = {
        "Mia Dunn": "Trade and Industry Secretary",
        "Jo Platt": "Culture, Media and Sport Secretary",
        "Al Reyes": "Ohio Savings and Loan Commissioner",
        "Ray Moss": "Foreign Secretary",
    }
    _assert_titles(story, expected)


def test_an_occupation_before_the_name_is_its_title_and_no_part_of_it() -> None:
    """ "referee Howard Webb", "festival organiser Michael Eavis", "CBS news anchor Dan Rather" had no
    title; "Sheriff Newell Normand" and "DJ Mike Read" were names; "Chief Judge Mary Schroeder" was "Judge
    Mary Schroeder", title "Chief", and "U.S. District Judge Whitman Knapp" (reuters/19485) was no one."""
    story = (
        "Referee Hal Webb played a good advantage, and festival organiser Mo Eavis said it was fine. The "
        "bill was backed by CBS news anchor Dan Rather. Sheriff Newell Norman said the man was armed, as "
        "radio DJ Mick Reed did. Chief Judge Mary Schrader wrote the opinion. U.S. District Judge Whit Knapp "
        "heard arguments on Monday."
    )
    expected = {
        "Hal Webb": "Referee",
        "Mo Eavis": "festival organiser",
        "Dan Rather": "CBS news anchor",
        "Newell Norman": "Sheriff",
        "Mick Reed": "radio DJ",
        "Mary Schrader": "Chief Judge",
        "Whit Knapp": "U.S. District Judge",
    }
    _assert_titles(story, expected)


def test_where_someone_is_from_is_no_title() -> None:
    """ "American Lisa Raymond" (bbc/sport-457) had the title "American", "fellow Scot Kathy Butler" "Scot",
    "New Zealander Graham Henry" "New Zealander"; "fellow Canadians" is nobody (cnn-val/117acfba8a09)."""
    got = _titles_of(
        "Nina Dechy beat American Lisa Ramon 7-5 6-3, and fellow Scot Katy Butler won. New Zealander Gray "
        "Henry coached. The family asked fellow Canadians to pray."
    )
    assert got.get("Lisa Ramon") is None and got.get("Katy Butler") is None, got
    assert "Gray Henry" in got and got["Gray Henry"] is None, got
    assert not any("Canadians" in name for name in got), got


def test_a_surname_that_is_a_word_ends_the_name() -> None:
    """ "his co-host James May" was "James" (cnn/219c198858e6); "Theresa May" (bbc/politics-390) and "Tom
    May" (bbc/sport-293) were no one: "may" is a word the story also writes. Another word still ends a
    name: "Lee Rising Fast" is Lee."""
    got = _titles_of(
        "Fans were angry, and his co-host Jim May tweeted about it. Tessa May, shadow secretary for the "
        "family, said in May that she may run. Coach Ali Rising said prices were rising."
    )
    assert got.get("Jim May") == "co-host", got
    assert got.get("Tessa May") == "shadow secretary for the family", got
    assert "Ali" in got and not any("Rising" in name for name in got), got


def test_a_firm_a_quoted_title_or_a_named_thing_is_no_person() -> None:
    """ "Gabelli-Rosenthal and Partners LP" made "Gabelli-Rosenthal" a delegate (reuters/19713); "BASF AG",
    "Hayes Microcomputer Products Inc" (reuters/17734), "car maker Aston Martin" (bbc/business-105),
    "auctioneers Cooper Owen" (bbc/entertainment-270), "the humanoid robot Asimo" (bbc/tech-246) and
    shows in quotation marks ("Top Gear", "Downton Abbey", "Cinderella") were people. A person the story
    titles beside a firm named after them stays ("inside trader Ivan Boesky", reuters/5589). "NM Rothschild,
    the investment bank," (bbc/business-229) and "Bookmaker William Hill" (bbc/entertainment-013) were
    people."""
    story = (
        "Kessel-Rosen and Partners LP told the SEC it wants control, and a group including Kessel-Rosen "
        "agreed. Luda Werke AG said prices rose. Car maker Barton Hale has gone head-to-head with rivals, "
        'says auctioneers Pryce Lowell. The robot Omni Vega walked. Shows like "Carver Hall" are popular, '
        'and "Tilly Pell," a retelling, opened. A firm controlled by inside trader Ivo Brask asked to '
        "protect Ivo Brask and Co L.P. assets, Ivo Brask said. NM Rothwell, the investment bank, is "
        "advising him. Bookmaker Will Hilton has placed the novel as favourite."
    )
    _assert_story_lists(
        story,
        {"Ivo Brask"},
        ["Kessel", "Luda", "Barton", "Pryce", "Omni", "Carver", "Tilly", "Rothwell", "Hilton"],
    )
    assert by_name(text_result(story))["Ivo Brask"].title == "inside trader"


def test_one_person_is_listed_once_however_the_story_spells_them() -> None:
    """ "Robert Kilroy Silk" and "Robert Kilroy-Silk" were two people (bbc/politics-267, -293), "Sinama
    Pongolle" another than "Florent Sinama-Pongolle" (bbc/sport-269), "M Cueto" of a team sheet another
    than "Mark Cueto" (bbc/sport-414), "Abu Mazen" another than "Mahmoud Abbas, also known as Abu Mazen"
    (bbc/politics-149) and "Shawn Carter" than "Jay-Z, real name Shawn Carter" (bbc/entertainment-117)."""
    story = (
        "Former member Robert Lacey-Hart said the party was lost. Robert Lacey Hart is not a team player, "
        "Mr Lacey-Hart's critics say. Florent Dumas-Riviere scored early and Dumas Riviere scored again. "
        "Mark Cueto played well. England: M Cueto, J Noon. Mahmoud Abbas, also known as Abu Mazen, met "
        "him, and Abu Mazen said so. Jay-Z, real name Shawn Carter, agreed."
    )
    people = set(by_name(text_result(story)))
    assert {"Robert Lacey-Hart", "Florent Dumas-Riviere", "Mark Cueto", "Mahmoud Abbas", "Jay-Z"} <= people
    assert not {"Robert Lacey Hart", "Dumas Riviere", "M Cueto", "Abu Mazen", "Shawn Carter"} & people


def test_every_name_of_a_credit_line_is_an_author() -> None:
    """ "Serena Dong in Beijing contributed to this report" (cnn/370faa5045eb), "CNN's Rosie Tomkins and
    journalist Monica Sarkar contributed" (cnn/8fe92cd7737e), "CNN's Sugam Pokharel reported from India and
    CNN's Greg Botelho wrote this story" (cnn/8fe1a04ba71c) left their writers "mentioned"; a body that
    "contributed" money is no author, and a source who "reported" something stays mentioned."""
    story = (
        "Police chief Ray Dunn reported a rise in thefts, Ray Dunn said. The embassy, the Lark Foundation "
        "and the government have all contributed to buy ballot boxes. Journalist Ana Reyes reported from "
        "Lima, CNN's Tom Hale reported from Quito and CNN's Bo Lind wrote this story. Eva Moss in Cusco and "
        "journalist Li Wen contributed to this report."
    )
    roles = {p.name: p.role for p in text_result(story).people}
    assert {name: roles.get(name) for name in ("Ana Reyes", "Tom Hale", "Bo Lind", "Eva Moss", "Li Wen")} == {
        "Ana Reyes": "author",
        "Tom Hale": "author",
        "Bo Lind": "author",
        "Eva Moss": "author",
        "Li Wen": "author",
    }, roles
    assert roles.get("Ray Dunn") == "mentioned" and "Lark Foundation" not in roles, roles


def test_a_credit_line_after_a_link_or_without_an_outlet_names_authors() -> None:
    """A CNN story ends "Susan Candiotti and Lawrence Crook reported from Fall River, Massachusetts.", and
    another "… as Tunisia reels from attack . CNN's Samira Said, Ashley Fantz, … as well as journalists
    Shokri Shihi … contributed to this report." (a link's headline left before the credit line), "Farid
    Ahmed reported from Dhaka and Harmeet Shah Singh from New Delhi" ("Shah" was read as his title):
    their writers were listed as people in the news. A prisoner who "wrote from prison that …" is news."""
    story = (
        "Velmora police arrested Dana Lark on Monday. Piet Osk wrote from prison that he was innocent, "
        "Lark's lawyer Ian Brask said.\n\n"
        "Ana Reyes and Tom Hale reported from Velmora, Ostland. Ivo Brand and Rhea Stahl wrote the story "
        "in Atlanta. Jo Marsh reported and wrote from Atlanta. CNN's Ari Voss reported from Osk, Ostland, "
        "and Ulf Dorn wrote from London. CNN's Ayo Kant contributed from Velmora . Ravi Dutt reported from "
        "Osk and Harmeet Shah Nair from New Delhi.\n\n"
        "Travelers warned of risks as Velmora reels from arrests . CNN's Eva Moss, Bo Lind, Kai Rudd, "
        "Una Veit, Liv Amsel, Ode Marr, Lena Perez Maestro, as well as journalists Li Wen, Sam Ortiz Ruiz "
        "and Mia Holt, contributed to this report. Journalist Ole Fenn contributed to this report. CNN's "
        "Pim Sol, and journalists Ida Bock and Sven Ruud, contributed to this report."
    )
    roles = {p.name: p.role for p in text_result(story).people}
    writers = (
        "Ana Reyes",
        "Tom Hale",
        "Rhea Stahl",
        "Jo Marsh",
        "Eva Moss",
        "Bo Lind",
        "Lena Perez Maestro",
        "Li Wen",
        "Mia Holt",
        "Ari Voss",
        "Ulf Dorn",
        "Ayo Kant",
        "Ole Fenn",
        "Ida Bock",
        "Ravi Dutt",
        "Harmeet Shah Nair",
    )
    assert {name: roles.get(name) for name in writers} == dict.fromkeys(writers, "author"), roles
    assert roles.get("Piet Osk") == "mentioned" and roles.get("Dana Lark") == "mentioned", roles


def test_a_name_in_a_list_of_people_is_a_person() -> None:
    """ "among them Will Smith, Kevin Spacey and Keanu Reeves" listed only Kevin Spacey
    (bbc/entertainment-058, -348): "Will" read as a verb, and the small model read "Keanu Reeves" as a
    firm; "goals from Quinton Fortune and Cristiano Ronaldo" lost Fortune (bbc/sport-095). A listed
    firm stays none ("Koryo Tours, Young Pioneers Tours and Uri Tours", cnn-val/6ad5f3e0bb4b), and so
    does a party and state ("Cory Booker, D-New Jersey, will be there", cnn-val/b4adfbb8c0cb). "Will"
    opening a sentence that asks nothing is a first name too ("Will Welch and Ally Hogg return", Daily
    Mail); "Will Labour win?" asks."""
    story = (
        "The stars were there, among them Will Smyth, Kevin Spacey and Kenu Reever. Goals in each half from "
        "Quinton Fortuna and Cristiano Ronaldo gave the side the win. Tour operators, including Koryo Tours, "
        "Young Pioneers Tours and Uri Tours, agreed. Sen. Cory Booker, D-New Jersey, will be there. Will "
        "Labour win?"
    )
    _assert_story_lists(
        story,
        {"Will Smyth", "Kevin Spacey", "Kenu Reever", "Quinton Fortuna", "Cristiano Ronaldo", "Cory Booker"},
        ["Tours", "D-New", "Labour"],
    )
    opening = "Will Welby and Ally Hoggart return to the side. Will the coach stay? Nobody knows."
    assert {"Will Welby", "Ally Hoggart"} <= set(by_name(text_result(opening)))


def test_a_name_after_where_its_bearer_is_from_is_a_person() -> None:
    """ "meet Frenchman Arnaud Clement" (bbc/sport-450), "South Korean Hyung-Taik Lee defeated American
    Jan-Michael Gambill" (bbc/sport-426), "a lead over Italian Dominik Paris" (cnn/51f087a4dc97): the
    small model read no person. A body or a thing after a people's word stays none ("the Spanish Grand
    Prix", "the British Royal Family", "the European Monetary System"), and so does the people's word
    before a name that glosses it ("Another American, Jeffrey Fowle, was arrested", cnn-val/117acfba8a09)."""
    story = (
        "Henman will meet Frenchman Arnaud Clemont in the second round. South Korean Hyung-Taik Leem "
        "defeated American Jan-Michael Gambell. He has a lead over Italian Dominik Parys. The Spanish Grand "
        "Prix starts, and the British Royal Family and the European Monetary System were not amused. "
        "Another American, Jeff Fowler, was arrested."
    )
    _assert_story_lists(
        story,
        {"Arnaud Clemont", "Hyung-Taik Leem", "Jan-Michael Gambell", "Dominik Parys", "Jeff Fowler"},
        ["Prix", "Family", "System", "Frenchman", "Another"],
    )


def test_a_field_of_study_says_nothing_of_where_someone_is_from() -> None:
    """Kerry Brown, "a professor of Chinese politics at the University of Sydney", was the host of Prince
    William's visit to China (cnn/370faa5045eb): the title's "Chinese" was read as his nationality."""
    story = (
        "British Foreign Secretary Tom Lane arrived in Beijing on Sunday for talks with Chinese Foreign "
        'Minister Wu Li. "It is a test of his skills," said Kerry Bron, a professor of Chinese politics at '
        "the University of Sydney."
    )
    roles = {p.name: p.role for p in text_result(story).people}
    assert roles.get("Tom Lane") == "delegate" and roles.get("Wu Li") == "host", roles
    assert roles.get("Kerry Bron") == "mentioned", roles


def test_the_office_the_next_sentence_opens_on_titles_the_one_person_before() -> None:
    """ "Jack Straw has attacked the Lords … The foreign secretary said" (bbc/politics-040) left Straw
    untitled; with two people before it, "the president" may be either, and titles no one."""
    story = (
        "Jon Strand has attacked the Lords over the ruling. The foreign secretary said it was wrong. Tony "
        "Blane met Greg Bosh on Monday. The president said they agreed."
    )
    _assert_titles(story, {"Jon Strand": "foreign secretary", "Tony Blane": None, "Greg Bosh": None})


def test_a_title_keeps_former_and_its_country_and_an_honorific_is_none() -> None:
    """ "former US president Bill Clinton" was titled "president" (bbc/entertainment-043), "ex-Foreign
    Secretary Robin Cook" "Secretary" (bbc/politics-276); "Valery Giscard d'Estaing" was "Valery Giscard"
    (reuters/4809); "Sir Clive Woodward" was titled "Sir"; "the Bill" (bbc/politics-273) and "the Obama
    administration" named a person."""
    story = (
        "The song was backed by former US president Bo Clint and ex-Foreign Secretary Rob Cooke. Former "
        "French President Val Girard d'Estain agreed. Sir Clive Wood said the team was ready. In getting "
        "the Bill through Parliament, ministers worked hard, and the Reeve administration agreed."
    )
    expected = {
        "Bo Clint": "former US president",
        "Rob Cooke": "ex-Foreign Secretary",
        "Val Girard d'Estain": "Former French President",
        "Sir Clive Wood": None,
    }
    _assert_titles(story, expected)
    assert not {"Bill", "Reeve"} & set(_titles_of(story)), _titles_of(story)


def test_a_thing_named_after_someone_and_a_headlines_words_are_no_person_or_title() -> None:
    """ "the musical, staged at the Prince Edward Theatre" (bbc/entertainment-295), "the Gino Marinuzzi
    conducting competition" (bbc/entertainment-273) and "Lou Gehrig's disease" (cnn/a950e86cca61) named
    people; "Grammys honour soul star Charles" gave Ray Charles the title "Grammys honour soul star"
    (bbc/entertainment-264); the body's title counts ("Liverpool forward Milan Baros")."""
    story = (
        "Grammys honour soul star Charles\n\nThe musical is staged at the Prince Edwin Theatre. She won "
        "the Gino Marino conducting competition. He has Lou Gerick's disease. The late Ray Charles won five "
        "awards, and Liverpool forward Milos Baran was there. Charles had died in June."
    )
    got = {p.name: p.title for p in extract_people(parse_text(story)).people}
    assert not any(w in name for name in got for w in ("Edwin", "Marino", "Gerick")), got
    assert got.get("Ray Charles") is None and got.get("Milos Baran") == "Liverpool forward", got


def test_a_title_a_verb_closes_and_a_lead_of_the_us_delegation() -> None:
    """ "Peter Myers, Deputy Secretary of Agriculture will head the U.S. delegation to the World Food
    Council's meeting in Peking" (reuters/17803) gave him neither title nor party: no comma closed the
    title, and "U.S." stopped the party's words; "Winthrop Knowlton, chairman of special committee said"
    (reuters/8222) had no title. An adverb opening a sentence is no one ("Separately, a Turkish official
    speaking on condition of anonymity said", cnn-val/a582ecfe9f01)."""
    story = (
        "WASHINGTON, June 1 - Pat Myles, Deputy Secretary of Agriculture will head the U.S. delegation to "
        "the World Food Council's meeting in Peking, China June 8-11, the department said. Win Knowles, "
        "chairman of special committee said the offer was low. Separately, a Turkish official speaking on "
        "condition of anonymity said the suspect was not Turkish."
    )
    result = text_result(story)
    got = {p.name: (p.title, p.role) for p in result.people}
    assert got.get("Pat Myles") == ("Deputy Secretary of Agriculture", "delegate"), got
    assert got.get("Win Knowles") == ("chairman of special committee", "mentioned"), got
    assert "Separately" not in got, got


def test_a_member_of_a_delegation_by_title_is_a_delegate() -> None:
    """ "Xianglin Hou, another member of the 20-man Chinese delegation at the Houston meeting" was only
    mentioned (reuters/17429)."""
    story = (
        "HOUSTON, April 2 - China wants foreign oil firms to drill offshore, Xian Hou, another member of the "
        "20-man Chinese delegation at the Houston meeting, said."
    )
    roles = {p.name: p.role for p in text_result(story).people}
    assert roles.get("Xian Hou") == "delegate", roles


def test_a_relative_clause_titles_with_its_owner() -> None:
    """ "Paul Tellier, who was also Bombardier's president" (bbc/business-304) and "Damien Hockney who is
    now Veritas' deputy leader" (bbc/politics-293) had no title; a clause that says no office gives none."""
    story = (
        "Paul Tellor, who was also Bombardier's president, left. Damien Hockey who is now Veritas' deputy "
        "leader, spoke. Bo Li, who was later freed, smiled."
    )
    expected = {
        "Paul Tellor": "Bombardier's president",
        "Damien Hockey": "Veritas' deputy leader",
        "Bo Li": None,
    }
    _assert_titles(story, expected)


def test_a_surname_that_speaks_and_a_justice_with_a_middle_name_are_people() -> None:
    """ "Muhammadu Buhari has ruled Nigeria before … Buhari said" (cnn/a9cfdaa43129) and "Pete Priest
    presented the A option … Priest said" (usenet/61293) were no one: the small model read neither;
    "U.S. Supreme Court Justice Sandra Day O'Connor" (reuters/11863) was no one for her middle name, an
    organisation's word ("Day"); "Oscar winner Cate Blanchett" (cnn/81a22da9afd5) was no one. A firm that
    says something stays a firm ("Coastal Corp … Coastal said", reuters/12939)."""
    story = (
        "Mumadu Bahari has ruled Nigeria before. Bahari said he would win. U.S. Supreme Court Justice Sandra "
        "Day O'Conner lifted the order. Oscar winner Cate Blanshet provides venom. Coastal Corp bid for the "
        "firm, and Coastal said it would pay cash."
    )
    expected = {
        "Mumadu Bahari": None,
        "Sandra Day O'Conner": "U.S. Supreme Court Justice",
        "Cate Blanshet": "Oscar winner",
    }
    _assert_titles(story, expected)
    assert not any("Coastal" in name for name in _titles_of(story)), _titles_of(story)


def test_a_verb_after_a_subject_pronoun_opens_no_title() -> None:
    """ "as they eye captain Steven Gerrard" titled him "eye captain" (bbc/sport-118)."""
    _assert_titles("Rivals are circling as they eye captain Stevie Gerard.", {"Stevie Gerard": "captain"})


def test_a_leader_named_once_and_in_his_administrations_name_is_listed() -> None:
    """ "Obama hinted last week …" and "the Obama administration" (cnn/7de229a5512a): Obama is someone the
    story names; "the Obama administration" alone names a government, as the labelled stories have it."""
    both = "Obama hinted last week that talks could fail. The deal worries the Obama administration."
    alone = "The deal worries the Obama administration. Talks go on."
    assert "Obama" in by_name(text_result(both)), by_name(text_result(both))
    assert "Obama" not in by_name(text_result(alone)), by_name(text_result(alone))


def test_a_role_someone_plays_is_no_person() -> None:
    """ "create characters like Stanley Kowalski and Terry Malloy" listed both (bbc/entertainment-048); the
    actor stays."""
    story = (
        "Actor Marlo Brandt, who died on Friday, was able to create characters like Stan Kowal and Terry "
        "Mallow. Later he starred as Vito Corle and portrayed Jor-El."
    )
    _assert_story_lists(story, {"Marlo Brandt"}, ["Kowal", "Mallow", "Corle"])


def test_a_lone_word_the_story_uses_as_a_team_place_or_body_is_no_person() -> None:
    """The model reads one-word names of clubs, grounds, firms and outlets as people's: "Everton started
    brightly", "Yukos is suing", "Hayes said". Where nothing else names, titles or vouches for the word,
    a team's plural verb ("Lazio were favourites"), a place word ("inside Anfield", "Dimapur town") or
    what a body has ("an Enafer official", "the former Yukos subsidiary", "the Kayhan daily", "the
    Cobriza copper mine") makes it no one."""
    stories = {
        "Kendrick": "Wayne Tolley made a winning return as Rovers beat Kendrick. Kendrick started brightly "
        "and Kendrick's best chance fell to a defender. Kendrick were the favourites.",
        "Morton": "Fans gathered inside Morton as the club unveiled plans for a new stand. Morton was full "
        "on Saturday, and Morton remains the oldest ground in the league, chairman Ron Pike said.",
        "Garza": "Talks on the mine resumed on Monday. The Garza copper mine shipped less after the strike. "
        "Garza produced 40,000 tonnes last year, Jim Cole said. Garza shipped less.",
        "Brennan": "Talks resumed on Monday, a Brennan official said. Brennan said trains would run again. "
        "Brennan expects a quick deal, Jim Cole said.",
        "Whitley": "Shares of the former Whitley subsidiary fell on Monday. Whitley is suing the buyers, Jim "
        "Cole said. Whitley wants the assets back.",
        "Coleman": "Days before the session, the conservative Coleman daily attacked her. What is striking "
        "about Coleman's attack is its tone, Jim Cole said. Coleman called her a traitor.",
        # "the state's Dimapur district", "Dimapur town has been placed under curfew" (CNN)
        "Chandler": "The mob that broke into the main jail in the state's Chandler district was comprised of "
        '"thousands" of people, police chief Jim Cole told CNN. Chandler town has been placed under curfew, '
        "according to the officer, as the situation remains volatile.",
    }
    for word, story in stories.items():
        _assert_story_lists(story, {"Jim Cole"} if "Jim Cole" in story else set(), [word])


def test_a_lone_word_said_as_he_she_or_who_stays_a_person() -> None:
    """Someone named by one word keeps it where the story says "he", "she" or "who" of them, is listed
    with another ("Elton John and Madonna are"), or owns what follows the place word ("outside Madonna's
    hotel"); "in", "at", "on" and "from" are no place words here ("interest in Kendrick")."""
    kept = {
        "Kendrick": "Rovers have shown interest in Kendrick, who may move in January. Kendrick scored twice "
        "on Saturday. Kendrick is 24.",
        "Madonna": "The singer beat artists such as Madonna and Elton John in the annual list. Elton John "
        "and Madonna are old friends. Fans waited outside Madonna's hotel in Paris.",
    }
    for word, story in kept.items():
        assert word in by_name(text_result(story)), story


@needs_data
def test_clubs_grounds_firms_and_outlets_of_the_news_are_no_people() -> None:
    """Corpus stories that listed a club, a ground, a firm, a mine or a newspaper by one word as a person."""
    _assert_listed("bbc/sport-095.txt", {"Wayne Rooney"}, {"Everton"})
    _assert_listed("bbc/sport-118.txt", set(), {"Anfield"})
    _assert_listed("bbc/sport-261.txt", set(), {"Lazio"})
    _assert_listed("reuters/17734.txt", set(), {"Hayes"})
    _assert_listed("reuters/4431.txt", set(), {"Cobriza", "Enafer"})
    _assert_listed("cnn/9cc97f264800.txt", {"Shahindokht Molaverdi"}, {"Kayhan"})
    _assert_listed("bbc/sport-445.txt", {"Venus"}, set())  # "she and sister Venus are" is two people


def test_a_name_after_the_that_is_its_phrases_subject_is_no_person() -> None:
    """ "The Washington Post said" listed the newspaper as a person (reuters/16766): a name of two words
    or more right after "the", with no title, that ends its phrase or says something, names a thing. "The
    Marcus Dell shooting" still names him, and "the Prophet Mohammed" is Mohammed, titled Prophet."""
    story = (
        "The Denver Ledger said the department had not replied. Officials declined to comment on the Denver "
        "Ledger report, Ann Reid said. Protests began after the Marcus Dell shooting in June. Marcus Dell "
        "was 18. Cartoons of the Prophet Mohammed were printed."
    )
    people = by_name(text_result(story))
    assert "Denver Ledger" not in people and {"Ann Reid", "Marcus Dell"} <= set(people), people
    assert people["Mohammed"].title == "Prophet", people


@needs_data
def test_a_newspaper_after_the_is_no_person() -> None:
    """Corpus stories that listed "The Washington Post said" and "the Cotton Blossom, a paddleboat" as
    people."""
    _assert_listed("reuters/16766.txt", set(), {"Washington Post"})
    _assert_listed("cnn/ac7a70285370.txt", set(), {"Cotton Blossom"})


def test_an_apposition_with_a_past_tense_is_a_clause_not_a_title() -> None:
    """ "Also in Gateshead, the prime minister took questions" made Gateshead a person titled "the prime
    minister took questions sent in by e-mail" (bbc/politics-349), and "Intrigued, the 25-year-old
    photographer began researching" did the same of "Intrigued" (a cnn-val story): a past tense without
    "-ed" ends no title. "Tom Hale, the photographer," keeps his."""
    story = (
        "To a packed audience at Halston's Sage Centre, Mr Brown spoke. Also in Halston, the prime minister "
        "took questions sent in by e-mail, Ann Reid said.\n\n"
        "Intrigued, the young photographer began researching the history of the town. Tom Hale, the "
        "photographer, won a prize."
    )
    people = by_name(text_result(story))
    assert "Halston" not in people and "Intrigued" not in people, people
    assert people["Tom Hale"].title == "the photographer", people
    people = by_name(text_result("Rovers signed Ed Moss, a left winger, on Monday. Ed Moss was happy."))
    assert people["Ed Moss"].title == "left winger", people  # "left" is no past tense here


def test_a_clubs_name_is_no_persons() -> None:
    """ "Yeovil Town", "Sydney FC" and "Dundee FC" were people in CNN and Daily Mail stories: a name that
    ends as a club's does ("Town", "Rovers", "Athletic", "FC" …) names the club; the players stay."""
    story = (
        "Louis van Gaal's side beat Yeovil Town 2-0 on Sunday. Yeovil Town said the crowd was a record, and "
        "Ander Herrera scored twice. Fans of Dundee FC cheered as Dundee FC said it would appeal, said Jim "
        "Cole."
    )
    _assert_story_lists(story, {"Louis van Gaal", "Ander Herrera", "Jim Cole"}, ["Yeovil", "Dundee"])
    # "Queen" read as a title made "Queen Park Rangers" someone in four Daily Mail stories
    story = "Chelsea beat Queen Park Rangers 2-1. Queen Park Rangers said the referee erred, Jim Cole said."
    _assert_story_lists(story, {"Jim Cole"}, ["Rangers"])


def test_a_name_said_to_be_someone_in_apposition_is_a_persons() -> None:
    """ "Victor Arden Barnard, an American pastor wanted for 59 counts" (cnn/9e3370f6f787) and "X, a U.S.
    citizen sentenced to eight years" were no one: the model read the names as nothing. What only a person
    is, said right after the name, makes it someone's; a body a person's word describes ("Limbwise
    Solutions, a volunteer group") stays no one."""
    story = (
        "Another detainee, Ayalon Mahri Gomez, a U.S. citizen sentenced to eight years of hard labor, was "
        "freed in 2010. The arm was made by Limbwise Solutions, a volunteer group started by engineers, Ann "
        "Reid said."
    )
    _assert_story_lists(story, {"Ayalon Mahri Gomez", "Ann Reid"}, ["Limbwise"])
    story = (
        "The court took the case of Sunny Arden Hall, a 15-year-old boy who was injured during the protests."
    )
    _assert_story_lists(story, {"Sunny Arden Hall"}, [])
    _assert_listed("cnn/9e3370f6f787.txt", {"Victor Arden Barnard"}, set())


def test_an_age_or_a_witness_before_a_name_makes_it_someones() -> None:
    """ "Machiyo Narisawa, 66;" among the dead and "a witness, Jang Yoon Seok, told CNN" were no one: the
    model read the names as nothing. An age right after the name, or what only a person is right before
    it, makes it someone's; a sentence's opening word is no first name ("Married Adelo, 32, arranged")."""
    _assert_story_lists(
        "Local media said the dead were all women: Rhodri Biggs, 66; and her daughter, 22.",
        {"Rhodri Biggs"},
        [],
    )
    _assert_story_lists(
        '"I jumped on the man," a witness, Rhodri Biggs, told reporters.', {"Rhodri Biggs"}, []
    )
    _assert_story_lists("Married Adelo, 32, arranged to meet a girl, police said.", set(), ["Married"])


def test_a_name_without_its_middle_name_is_the_same_person() -> None:
    """ "Victor Arden Barnard, 53, was arrested … the pastor Victor Barnard" listed two people; "Victor
    Barnard" is the one whose first and last names it gives, unless two people share them ("George Bush"
    beside "George H.W. Bush" and "George W. Bush")."""
    story = (
        "Ayalon Mahri Gomez was arrested on Friday, police said. Gomez, a pastor, denies the charges. "
        "Ayalon Gomez is 53."
    )
    assert set(by_name(text_result(story))) == {"Ayalon Mahri Gomez"}
    story = "George H.W. Bush and George W. Bush met in Texas. George Bush said the meeting was short."
    assert {"George H.W. Bush", "George W. Bush"} <= set(by_name(text_result(story)))


def test_a_first_name_said_as_someones_kin_is_a_person() -> None:
    """ "his wife Robyn" and "a man named Sohaib" (cnn-val stories) named no one: a first name said once
    alone is too little for the rules. Whose kin it is says it is someone; a day ("a voice mail from
    his daughter Wednesday morning") or a people's word ("his girlfriend, Ukrainian model …") is no one."""
    story = (
        "Ambassador Mark Lindell tweeted that he and his wife Robyna were moved by the support. Records show "
        "that Naseer emailed a man named Sohail, who he met in a chatroom. He got a voice mail from his "
        "daughter Wednesday morning. He was shot near the Kremlin with his girlfriend, Ukrainian model Anna "
        "Duritskova, 23."
    )
    _assert_story_lists(
        story, {"Mark Lindell", "Robyna", "Sohail", "Anna Duritskova"}, ["Wednesday", "Ukrainian"]
    )
    # a list of kin: "their daughters Saoirse, 6, and Orlaith, 9" (Orlaith was missed)
    story = "Sara Paskell brought their daughters Saoirla, 6, and Orlenn, 9, to watch the cortege, she said."
    _assert_story_lists(story, {"Sara Paskell", "Saoirla", "Orlenn"}, [])


def test_a_title_before_a_comma_is_not_for_a_name_that_owns_what_follows() -> None:
    """ "With just Fuller as an out-and-out striker, Portsmouth's shape made life difficult": the striker
    is Fuller, and Portsmouth opens a new clause."""
    people = by_name(
        text_result(
            "Rovers held\n\nRovers were held by Kingsport on Sunday. With just Dario Mensah as an "
            "out-and-out striker, Kingsport's shape made life difficult for Rovers. Mensah said the point "
            "was deserved."
        )
    )
    assert "Kingsport" not in people, people
    assert "Dario Mensah" in people


def test_a_day_before_a_name_takes_its_joiner_with_it() -> None:
    """ "on Monday for Putin's scheduled meeting" named someone "for Putin"; "in September of Clinton's
    first grandchild", "of Clinton"."""
    people = by_name(
        text_result(
            "Dorin returns\n\nPresident Ivan Dorin appeared in public on Tuesday. All eyes were turned to "
            "the capital on Monday for Dorin's scheduled meeting, and in September of Dorin's first visit "
            "abroad the talks will go on. Dorin said he was well."
        )
    )
    assert set(people) == {"Ivan Dorin"}, people
    assert people["Ivan Dorin"].title == "President"


def test_a_hashtag_or_a_handle_names_no_one() -> None:
    people = by_name(
        text_result(
            "Film banned\n\nThe hashtag #KabirStory was trending after the film aired. The university's "
            "president, Dana Holt, wrote on @President_Holt that the ban was wrong. Holt said she would "
            "appeal, and #KabirStory trended again."
        )
    )
    assert set(people) == {"Dana Holt"}, people


def test_an_intern_an_agent_and_an_editor_in_chief_are_titles_and_a_school_is_no_one() -> None:
    people = by_name(
        text_result(
            "Paper sued\n\nHerald Editor-in-Chief Nora Pike said the paper would fight the suit. Former "
            "White House intern Leah Marsh and Special Agent Omar Quist gave evidence, and pupils of the "
            "Queen Anne Boleyn Academy wrote letters. Pike said she was confident."
        )
    )
    assert people["Nora Pike"].title == "Herald Editor-in-Chief", people
    assert people["Leah Marsh"].title == "Former White House intern"
    assert people["Omar Quist"].title == "Special Agent"
    assert not [name for name in people if "Academy" in name], people


def test_a_states_party_member_is_titled_by_state_and_party() -> None:
    people = by_name(
        text_result(
            'Trade pact\n\n"It will cost jobs," warned Michigan Democrat Dave Bonner, who opposed the pact. '
            "New York Republican Sara Kellam said she backed it on Monday. Bonner said the vote would be "
            "close."
        )
    )
    assert people["Dave Bonner"].title == "Michigan Democrat", people
    assert people["Sara Kellam"].title == "New York Republican", people


def test_a_surname_that_is_also_a_word_stays_in_the_name() -> None:
    """ "city spokesman Jeff Small" was "Jeff" where the story also says "small"."""
    people = by_name(
        text_result(
            "City clerk fired\n\nThe city's top clerk was fired over racist emails, city spokesman Jeff "
            "Small said on Friday. Small said more emails were being read, and former mayor Ellis Short said "
            "the council had acted too late. The pay gap is small, and the list is short."
        )
    )
    assert people["Jeff Small"].title == "city spokesman", people
    assert people["Ellis Short"].title == "former mayor", people


def test_a_pronoun_a_clause_opener_or_a_bare_office_opens_no_name() -> None:
    """ "I'm Avery Wallace", a caption run into "But Stewart made clear", "the Australian Prime Minister
    said" named "I'm Avery Wallace", "But Stewart" and "Prime Minister"."""
    people = by_name(
        text_result(
            "Coach wanted\n\nFormer captain Alan Dorsey wants the job. Dorsey played his last Test against "
            "South Africa But Dorsey made clear he would need a free hand. \"I'm Nadia Roe and I coach "
            'too," said Roe. In September, the Australian Prime Minister said the team needed a coach.'
        )
    )
    assert set(people) == {"Alan Dorsey", "Nadia Roe"}, people


def test_official_before_a_body_and_a_watchdog_name_no_one() -> None:
    people = by_name(
        text_result(
            "Talks stall\n\nThe official White House line is that talks go on, spokesman Dan Ferro said. "
            "Human Rights Watch says the talks have failed, and Ferro said the White House disagrees."
        )
    )
    assert set(people) == {"Dan Ferro"}, people


def test_official_alone_before_an_outlet_or_account_names_no_one() -> None:
    """ "the official Vemna news agency", "his official Chirp handle", "the official Racing Two site":
    "official" is the adjective before a body or a medium, not a title that makes its name a person's.
    "Official Dana Lark" still vouches for Dana Lark."""
    story = (
        "Ilan Brisk said the reforms would go ahead, according to the official Vemna news agency. Brisk "
        "also posted the plan on his official Chirp handle, and the official Racing Two site reported it. "
        'Election official Dana Lark said, "The vote will be held in May."'
    )
    _assert_story_lists(story, {"Ilan Brisk", "Dana Lark"}, ["Vemna", "Chirp", "Racing"])


def test_a_medium_people_post_on_is_no_one() -> None:
    """The small model reads "Twitter" in "follow her on Facebook, Twitter and Instagram" as a person.
    What a story posts on, follows someone on or takes to, and what has users, is a medium."""
    story = (
        "Follow @VelmoraPhotos on Twitter to join the conversation about photography. The pictures went "
        "viral on Twitter, and some Twitter users asked for more. You can follow her on Facebook, Twitter "
        "and Instagram. Photographer Mara Lind took to Twitter to thank them."
    )
    _assert_story_lists(story, {"Mara Lind"}, ["Twitter", "Facebook", "Instagram"])


def test_a_first_name_that_is_also_a_month_short_form_is_kept() -> None:
    """ "Jan" before a name is the first name ("Gov. Jan Brewer", "Jan Hernych"): a month's short form
    stands before a number ("Jan 5"). A full month in front is no part of a name ("In March Tony Reid")."""
    story = (
        "Gov. Jan Wexford signed the bill on Jan 5. Wexford said it would pass. In March Tony Reid "
        "agreed, and coach Jan Horvik said the team would play."
    )
    people = set(by_name(text_result(story)))
    assert {"Jan Wexford", "Tony Reid", "Jan Horvik"} <= people, people
    assert not {"Wexford", "Horvik", "March Tony Reid"} & people, people


def test_an_editors_brackets_and_a_second_secretary_of_state_split_no_one() -> None:
    """ "[House Speaker Dale] Hollis's invitation" names Dale Hollis; after "Foreign Minister Ilan Brisk,"
    the words "U.S. Secretary of State Tom Reid said" are a second titled name, not Brisk's title."""
    story = (
        'Critics wrote that "the decision to accept [House Speaker Dale] Hollis\'s invitation was wrong." '
        "After talks with Velmoran Foreign Minister Ilan Brisk, U.S. Secretary of State Tom Reid said Monday "
        "that a deal was close. Reid flew home on Tuesday."
    )
    people = by_name(text_result(story))
    assert {"Dale Hollis", "Ilan Brisk", "Tom Reid"} <= set(people), people
    assert people["Tom Reid"].title == "U.S. Secretary of State", people["Tom Reid"]
    assert people["Ilan Brisk"].title == "Velmoran Foreign Minister", people["Ilan Brisk"]


def test_king_or_prince_after_a_given_name_is_a_surname() -> None:
    """ "Dana King said" names Dana King (and "King added" is her); "Prince Velmor" is still a prince."""
    story = (
        "Dana King said the report was late. King added that it would come in May. Tom Prince agreed. "
        "Prince Velmor of Arden arrived on Monday, and the Prince met Dana King."
    )
    people = by_name(text_result(story))
    assert {"Dana King", "Tom Prince", "Prince Velmor"} <= set(people), people
    assert people["Prince Velmor"].title == "Prince", people["Prince Velmor"]


def test_a_titled_name_listed_after_a_name_is_no_title() -> None:
    """ "the Rev. Ada Holm, then-Senate Leader Tom Reid and other critics" lists Tom Reid: he is not
    part of her title. "the son of Velmoran President Ilan Brisk" stays a title."""
    story = (
        "The envoy met the Rev. Ada Holm, then-Senate Leader Tom Reid and other critics of the President. "
        "Dov Brisk, the son of Velmoran President Ilan Brisk and a colonel in the army, was there too."
    )
    people = by_name(text_result(story))
    assert "Tom Reid" in people, people
    assert people["Ada Holm"].title == "Rev.", people["Ada Holm"]
    assert "son of Velmoran President Ilan Brisk" in (people["Dov Brisk"].title or ""), people["Dov Brisk"]


def test_a_name_then_the_club_it_plays_for_names_the_player() -> None:
    """ "Anton Ferdinand of Queens Park Rangers": the player, then his club ("Queens" is no title of
    "Park Rangers"); "the Social Democrats of Prime Minister Kalevi Sorsa" still names Sorsa."""
    story = (
        "Terry was accused of abusing his brother, Dale Hollis of Queens Park Rangers. The Social Democrats "
        "of Prime Minister Ilan Brisk lead the polls."
    )
    people = by_name(text_result(story))
    assert {"Dale Hollis", "Ilan Brisk"} <= set(people), people
    assert people["Ilan Brisk"].title == "Prime Minister", people["Ilan Brisk"]


def test_a_rank_abbreviation_is_no_part_of_the_organisation() -> None:
    """ "Velmora Police Lt. Dana Lark": her organisation is the Velmora Police, not "Velmora Police Lt.";
    "Navy Rear Adm. Tom Reid" is in the Navy."""
    story = "Velmora Police Lt. Dana Lark said the road was closed. Navy Rear Adm. Tom Reid agreed."
    people = by_name(text_result(story))
    assert people["Dana Lark"].organization == "Velmora Police", people["Dana Lark"]
    assert people["Tom Reid"].organization == "Navy", people["Tom Reid"]
    assert people["Dana Lark"].title == "Velmora Police Lt.", people["Dana Lark"]


def test_a_delegations_destination_keeps_a_names_particle() -> None:
    """ "Hadi went to Sharm el-Sheikh, Egypt, to attend the Arab League summit" (CNN) sent him to "Sharm"."""
    stories = {
        "Sharm el-Sheikh": "Velmoran Prime Minister Dana Lark flew to Sharm el-Sheikh, Egypt, on Friday to "
        "attend an Arab League summit. Lark will meet Egyptian President Tom Reid there.",
        "Rio de Janeiro": "Velmoran Foreign Minister Dana Lark arrived in Rio de Janeiro on Monday for talks "
        "with Brazilian officials.",
    }
    for place, story in stories.items():
        assert [(d.lead, d.destination) for d in text_result(story).delegations] == [("Dana Lark", place)]


def test_first_lady_and_chief_magistrate_are_titles() -> None:
    """ "First Lady Michelle Obama" was "Lady Michelle Obama" titled "Lady", and "Chief Magistrate Ray
    Rinaudo" was "Magistrate Ray Rinaudo" titled "Chief" (Daily Mail); "Brisbane Magistrate Courts" is
    no one."""
    story = (
        "The school was visited by First Lady Dana Lark on Monday. Chief Magistrate Tom Reid refused bail "
        "as the accused left Velmora Magistrate Courts."
    )
    people = by_name(text_result(story))
    assert people["Dana Lark"].title == "First Lady", people
    assert people["Tom Reid"].title == "Chief Magistrate", people
    assert set(people) == {"Dana Lark", "Tom Reid"}, people


def test_an_armed_groups_name_is_no_person() -> None:
    """ "Ansar al Shariah", "Wilayat al-Tarabulus", "Jund al-Khilafah" and the town of "Lashkar Gah" were
    people in CNN stories: their first words (supporters, province, soldiers, army) open a group's name."""
    story = (
        "Fighters of Ansar al-Velmori attacked the base, Dana Lark said. Jund al-Harlow claimed the bombing "
        "in Lashkar Osk, and Wilayat al-Ostby said it had sent the men."
    )
    people = {p.name for p in text_result(story).people}
    assert "Dana Lark" in people, people
    assert not [n for n in people if n.split()[0] in {"Ansar", "Jund", "Lashkar", "Wilayat"}], people


def test_a_first_name_after_an_offices_field_is_the_names() -> None:
    """ "U.N. High Commissioner for Human Rights Zeid Ra'ad Al Hussein" (CNN) was "Ra'ad Al Hussein",
    titled "… for Human Rights Zeid": the name was taken as its last two or three words. A first name is
    no English word, as the field is; "Secretary of State John Kerry" and "Vice President of the NPPC Ray
    Hankes" keep theirs."""
    story = (
        "U.N. High Commissioner for Human Rights Zorvan Ra'ad Velmir said the vote was fair. Secretary of "
        "State Dana Lark agreed, and Vice President of the NPPC Tom Reid said so too."
    )
    people = by_name(text_result(story))
    assert people["Zorvan Ra'ad Velmir"].title == "U.N. High Commissioner for Human Rights", people
    assert people["Dana Lark"].title == "Secretary of State", people
    assert "Tom Reid" in people, people


def test_a_bodys_initials_open_no_persons_name() -> None:
    """ "MSC Cruises" and its ship "MSC Splendida" (CNN), "BBC Sport" and "AGE Clearing" (Reuters) were
    people; a person after a title's initials stays one ("Green MSP Mark Ballard")."""
    story = (
        "VLX Cruises said the VLX Aurora would not dock in Velmora, Dana Lark said. Green MSP Tom Reid said "
        "VLX Cruises must explain."
    )
    people = {p.name for p in text_result(story).people}
    assert "Dana Lark" in people and "Tom Reid" in people, people
    assert not {"VLX Cruises", "VLX Aurora"} & people, people


def test_a_lab_a_cove_or_a_hospital_is_no_person() -> None:
    """ "Creative Labs" (bbc/tech-220), "Niantic Labs", "La Jolla Cove" and "Sulphur Springs" (CNN) were
    people, and so was "Hospital", titled "Lahore General"; "Queen Victoria Hospital" was "Victoria
    Hospital"."""
    story = (
        "Velmar Labs said its new player would ship in May, Dana Lark said. Divers at Harlow Cove and "
        "residents of Ostby Springs were warned of storms, Tom Reid said. Ann Vale, medical superintendent "
        "at Velmora General Hospital, said two were hurt. Ed Moss, a surgeon at Queen Aldith Hospital, "
        "agreed."
    )
    people = {p.name for p in text_result(story).people}
    assert {"Dana Lark", "Tom Reid"} <= people, people
    assert not {"Velmar Labs", "Harlow Cove", "Ostby Springs", "Hospital"} & people, people
    assert "Ann Vale" in people, people
    # a body named after a royal keeps the royal's title (Daily Mail: "Queen Victoria Hospital")
    assert by_name(text_result(story))["Ed Moss"].organization == "Queen Aldith Hospital"


def test_a_firm_or_agency_ending_in_its_trades_word_is_no_person() -> None:
    """ "Zodiac Aerospace", "Wilson Security"-style firms, "Customs and Border Protection", "the Drought
    Monitor" and a newspaper's "Shimbun" were people in Daily Mail and CNN stories, as were "Charles Rosner
    Bronfman Trust" (reuters/10867) and "Consumer Products" of "the CEO of Omni Consumer Products"
    (bbc/entertainment-089): a name that ends in a trade's or an agency's word names the body. The people
    beside them stay."""
    story = (
        "Velmar Aerospace have revealed new cabin designs, Ann Reid said. Harlow Tech said sales rose. A "
        "spokesman for Customs and Border Protection said the data was safe. Drought Monitor says 40 per "
        "cent of the state is dry. The Kanto Shimbun newspaper said Ed Moss will visit. Coral Bay Resort "
        "said rooms were full. The firm is owned by Charles Velmore Dunkel Trust of Montreal. He played "
        "the CEO of Omni Harlow Products in the film."
    )
    people = by_name(text_result(story))
    for body in ("Velmar Aerospace", "Harlow Tech", "Border Protection", "Drought Monitor", "Kanto Shimbun"):
        assert body not in people, people
    assert "Coral Bay Resort" not in people and {"Ann Reid", "Ed Moss"} <= set(people), people
    assert not any(name.endswith(("Trust", "Products")) for name in people), people


def test_a_title_only_ever_in_quotation_marks_is_no_person_whoever_it_names() -> None:
    """CNN's "Finding Jesus," a series, was a person in four CNN stories about Jesus: the story says
    "Jesus" alone of someone, which made the quoted title his full name. A name the story only writes in
    quotation marks of its own is a title; the person is the one it names alone."""
    story = (
        'Ann Reid was an adviser on the series "Seeking Moses," which airs on Sundays. The prophet Moses led '
        'his people out of Egypt, Reid said. Viewers posted questions on the "Seeking Moses" page. Moses was '
        "a prophet, said Reid."
    )
    people = by_name(text_result(story))
    assert "Seeking Moses" not in people and {"Ann Reid", "Moses"} <= set(people), people


def test_then_and_ex_before_a_title_keep_the_title_and_the_name() -> None:
    """ "then-Archbishop of Canterbury Rowan Williams" named "Canterbury Rowan Williams", "ex-President Hu
    Jintao" and "then-Secretary of State Colin Powell" named no one, and "then-Prime Minister Menachem
    Begin" was titled "Minister" (CNN stories): "then-" and "ex-" read as "former" does, and are no part of
    an organisation ("then-House Speaker" is in the House)."""
    story = (
        "The plan was backed by then-Secretary of State Dana Lark in 2003, and signed by ex-President Tom "
        "Hale. We read a book by then-Archbishop of Velmora Ann Reid. Then-Prime Minister Ed Moss agreed, "
        "as did then-House Speaker Joe Kemp."
    )
    people = by_name(text_result(story))
    assert people["Dana Lark"].title == "then-Secretary of State", people
    assert people["Tom Hale"].title == "ex-President", people
    assert people["Ann Reid"].title == "then-Archbishop of Velmora", people
    assert people["Ed Moss"].title == "Then-Prime Minister", people
    assert people["Joe Kemp"].organization == "House", people["Joe Kemp"]


def test_a_possessive_after_a_name_opening_a_quotation_does_not_close_it() -> None:
    """ "‘David Cameron’s failure to tackle low pay …’" (a Daily Mail story) read "Cameron’" as a quotation
    closing on the name, a show's title, and David Cameron was lost from the story; a title in curly
    quotation marks is still one."""
    story = (
        "Critics lined up to criticise Dana Lark over the figures. ‘Dana Lark’s failure to act is shocking,’ "
        "Ann Reid said. Reid starred in ‘Velmora Nights’ last year."
    )
    people = by_name(text_result(story))
    assert {"Dana Lark", "Ann Reid"} <= set(people) and "Velmora Nights" not in people, people


def test_a_surname_that_is_a_partys_word_is_a_persons() -> None:
    """ "Index chief Michael Green said" and "commentator Alan Green" named no one (Daily Mail stories):
    a name ending in "Green" was read as a party, as "Indiana Republican" is. A surname that is also a
    word ends a name; a lone party word is still no one."""
    people = by_name(text_result("Index chief Dana Green said the ranking was poor."))
    assert people["Dana Green"].title == "Index chief", people
    people = by_name(
        text_result("The Scottish Green said nothing, Ann Reid said. Indiana Republican voters agreed.")
    )
    assert "Scottish Green" not in people and "Indiana Republican" not in people, people


def test_a_compound_of_peoples_words_is_no_name() -> None:
    """ "As a person-of-color, African-American, veteran minority journalist …" (a CNN opinion piece) listed
    "African-American" as a person with that title; "Irish-American Tom Hale" is Tom Hale, described as "New
    Zealander Graham Henry" is."""
    story = (
        "As a person-of-color, African-American, veteran minority journalist and longtime fan of the show, "
        "Ann Reid said so. Irish-American Tom Hale agreed."
    )
    people = by_name(text_result(story))
    assert set(people) == {"Ann Reid", "Tom Hale"}, people


def test_an_apposition_naming_a_kind_of_body_makes_no_person() -> None:
    """ "Boko Haram, a Nigerian terrorist group with thousands of fanatical fighters" (a CNN story) listed
    the group as a person titled with the whole apposition: an apposition whose head is a body's kind
    says the name is the body's, whatever follows the kind. A person's apposition stays a title."""
    story = (
        "It welcomed Velmor Kain, a Sahel terrorist group with thousands of fighters. Velmor Kain pledged "
        "allegiance this month. Ann Reid, a researcher with the group, said so."
    )
    people = by_name(text_result(story))
    assert "Velmor Kain" not in people, people
    assert people["Ann Reid"].title == "researcher with the group", people


def test_an_organisation_named_with_and_is_read_whole() -> None:
    """ "the Securities and Exchange Commission" gave "Exchange Commission", "the U.N. Relief and Works
    Agency" gave "Works Agency …" (Reuters and CNN stories): an organisation's name may hold "and". A
    portfolio before its title ("Energy and Mines Minister") names no body, nor do two places."""
    story = (
        "Ann Reid, a lawyer for the Velmora Trade and Exchange Commission, said so. Energy and Mines "
        "Minister Tom Hale agreed. Ed Moss, the bank's country director for the West Bank and Gaza, "
        "declined to comment."
    )
    people = by_name(text_result(story))
    assert people["Ann Reid"].organization == "Velmora Trade and Exchange Commission", people["Ann Reid"]
    assert people["Tom Hale"].organization is None, people["Tom Hale"]
    assert people["Ed Moss"].organization is None, people["Ed Moss"]


def test_a_role_opening_the_sentence_titles_the_full_name_after_it() -> None:
    """ "Writer Douglas Preston …", "Creator Julian Fellowes said …", "Witness Louie Solano said …" (CNN
    and Daily Mail stories) were people named with the role: a role that may be a first name elsewhere
    ("Anchor", "Sister") heads a title when it opens the sentence before a full name. People in the plural
    ("Substitutes X and Y", "Parents X and Y", "Veterans Simon and Garfunkel") describe the names and title
    neither; a plural title still titles both."""
    story = (
        "The show opened on Friday. Writer Dorian Pellow said the cast was happy. Witness Louie Solvane "
        "said he saw the car. Substitutes Tarek Vonn and Elio Marsh scored late. Parents Bruno Willan and "
        "Demi Morrow attended. Presidents Ned Arlow and Ivo Pell met. Veterans Ana Hollis and Kim Dale "
        "returned. Veterans Corran and Velt were in 10th place."
    )
    people = by_name(text_result(story))
    assert set(people) == {
        "Dorian Pellow",
        "Louie Solvane",
        "Tarek Vonn",
        "Elio Marsh",
        "Bruno Willan",
        "Demi Morrow",
        "Ned Arlow",
        "Ivo Pell",
        "Ana Hollis",
        "Kim Dale",
    }, people
    assert people["Dorian Pellow"].title == "Writer" and people["Louie Solvane"].title == "Witness", people
    assert people["Tarek Vonn"].title is None and people["Bruno Willan"].title is None, people
    assert people["Ned Arlow"].title == "President" == people["Ivo Pell"].title, people


def test_a_preposition_opening_the_sentence_is_no_part_of_a_name() -> None:
    """ "Following Netanyahu, …" and "Unlike Noble, …" (CNN stories) named people "Following Netanyahu"
    and "Unlike Noble": a preposition that is no stop word opens the sentence, not the name; so does the
    reader told what to do ("Meet Jane Corrigan, the woman who …", "Follow Evangelista's project")."""
    story = (
        "Following Hadley, the senators spoke. Hadley had said little. Unlike Velmora Kessel, who sells in "
        "shops, Ann Reid sells online. Meet Dora Quill, the woman who runs the zoo. Follow Brannock's "
        "project online. Photographer Ivo Brannock took the photos."
    )
    people = by_name(text_result(story))
    assert set(people) == {"Hadley", "Velmora Kessel", "Ann Reid", "Dora Quill", "Ivo Brannock"}, people


def test_a_faith_or_many_people_is_no_name() -> None:
    """ "majority Sunni Yemen", "Syrian Sunni Muslim tribal leaders" and "Seattle Children's Hospital"
    (CNN stories) made people "Sunni Yemen", "Sunni Muslim" and "Seattle Children". A faith's word before
    a name describes the person, as a people's word does."""
    story = (
        "The rebels felt marginalized in majority Sunni Yemen, Jim Corran said. It was a nod to Syrian Sunni "
        "Muslim tribal leaders, Ann Reid said. Tom Hale visited Velmora Children's Hospital on Saturday. "
        "Shiite Muslim cleric Ali Karam said the war was over. But Scientologist Jon Trevor is no fan, "
        "and Mormon Ada Pell agreed."
    )
    people = by_name(text_result(story))
    expected = {"Jim Corran", "Ann Reid", "Tom Hale", "Ali Karam", "Jon Trevor", "Ada Pell"}
    assert set(people) == expected, people


def test_a_name_glued_to_what_it_made_is_no_person() -> None:
    """ "the Will Smith-starring blockbuster" listed the person "Will Smith-starring", as "Janet
    Jackson-style" once did: a name joined to "-starring", "-produced", "-directed" … describes a work."""
    story = (
        "Usher stars in the Dale Orvin-produced series and the Ava Brin-starring film. Tom Hale said the "
        "Kit Moro-directed sequel was next."
    )
    assert set(by_name(text_result(story))) == {"Tom Hale"}


def test_a_country_that_is_also_a_first_name_starts_a_name() -> None:
    """ "Jordan Henderson put Liverpool ahead" and "his friend Chad Littlefield" (CNN and Daily Mail stories)
    lost the person: the country read as a description of a one-word name, as "Saudi" does before a
    title. Before a lone capitalised word it is a first name; before a title it still describes."""
    story = (
        "Jordan Hallam put the club ahead on Sunday. Chad Wexley died, his friend said. Jordan King "
        "Velmor met the envoy."
    )
    people = by_name(text_result(story))
    assert set(people) == {"Jordan Hallam", "Chad Wexley", "King Velmor"}, people


def test_a_ship_or_a_security_firm_is_no_one() -> None:
    """ "USS Enterprise" and "Wilson Security" (CNN and Daily Mail stories) were people: a ship's prefix
    and a name ending in "Security" name things and bodies."""
    story = (
        "The carrier USS Velmora was used in the film, Tom Hale said. A former staffer at Kessel Security "
        "said the guards were rough. Homeland Security Secretary Ann Reid said so."
    )
    people = by_name(text_result(story))
    assert set(people) == {"Tom Hale", "Ann Reid"}, people
    assert people["Ann Reid"].title == "Homeland Security Secretary", people


def test_a_name_that_is_detained_or_born_is_a_persons(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Su Changlan was detained by police in October 2014" (a CNN story) was lost: the model read no
    person there, and nothing else in the story vouched for the name. Being detained, arrested, sentenced
    or born vouches as "said" does, for a name opening its clause: "a man shot at the Tri-City Inn was
    arrested" arrests no inn."""
    monkeypatch.setattr(
        ner, "entity_spans", lambda sentences: [[] for _ in sentences]
    )  # a model that reads no one
    story = (
        "Those who urge reform fall foul of online censors. Su Lanfei was detained by police in October. "
        "Her crime was to post comments online. A man shot at the Velmora Inn was arrested, Tom Hale said."
    )
    people = by_name(text_result(story))
    assert set(people) == {"Su Lanfei", "Tom Hale"}, people


def test_a_title_cut_inside_a_quotation_reads_whole() -> None:
    """'Jeremy Clarkson, the host of car show "Top Gear," …' was titled 'the host of car show "Top Gear'
    and a book's author 'author of the informative new book "On Your Case: A Compassionate', with the
    book's "Court" read as the organisation (CNN stories): the quotation closes where the story closes it,
    a title cut inside one ends before it, and a work's name in quotation marks names no body."""
    story = (
        'Jem Corrie, the host of car show "Fast Lane," was suspended, Ann Reid said. Tom Hale, author of '
        'the new book "On Your Case: A Velmora Court Guide," agreed. Ed Moss, host of “Road Trip,” did not.'
    )
    people = by_name(text_result(story))
    assert people["Jem Corrie"].title == 'the host of car show "Fast Lane"', people["Jem Corrie"]
    assert people["Ed Moss"].title == "host of “Road Trip”", people["Ed Moss"]
    assert people["Tom Hale"].organization is None, people["Tom Hale"]


def test_a_description_or_a_party_opening_the_sentence_is_no_name() -> None:
    """ "Schoolboy Frankie Franz", "Unpopular Bubba Watson", "Evil Hugh Laurie" and "Loyal Democrats" (Daily
    Mail and CNN stories) were people: a word describing a person before a full name opens the sentence,
    not the name, and a party's members in the plural are no one."""
    story = (
        "Veteran Ray Colan said he would retire. Teenager Ann Rowley said she was happy. Unbeaten Floyd "
        "Maybury said he would fight. Loyal Democrats will keep their faith in her, Tom Hale said."
    )
    people = by_name(text_result(story))
    assert set(people) == {"Ray Colan", "Ann Rowley", "Floyd Maybury", "Tom Hale"}, people


def test_a_body_named_for_its_purpose_names_no_one() -> None:
    """ "The New York-based Committee to Protect Journalists said …" (a CNN story) listed a person "Protect
    Journalists": after a body's word and "to", a purpose ("Protect", "End", "Save" …) is the rest of the
    body's name. A letter from a committee to a person still names the person."""
    story = (
        "The New York-based Committee to Protect Reporters said her work led to threats, Ann Reid said. "
        "A letter from the Velmora Committee to Tom Hale said so."
    )
    people = by_name(text_result(story))
    assert set(people) == {"Ann Reid", "Tom Hale"}, people


def test_a_national_field_before_a_title_is_no_organisation() -> None:
    """ "National Security Adviser Susan Rice" and "National Intelligence Director James Clapper" (CNN
    stories) were given the organisations "National Security" and "National Intelligence": "National"
    and a field before a title name what the post advises on. A body's own word keeps the body
    ("National Security Council", "National Health Service")."""
    story = (
        "National Security Adviser Susan Rolf said so. National Intelligence Director Jim Clapton agreed. "
        "Tom Hale, a spokesman for the National Security Council, said so. Ann Reid of the National Health "
        "Service said so."
    )
    people = by_name(text_result(story))
    assert people["Susan Rolf"].organization is None, people["Susan Rolf"]
    assert people["Jim Clapton"].organization is None, people["Jim Clapton"]
    assert people["Tom Hale"].organization == "National Security Council", people["Tom Hale"]
    assert people["Ann Reid"].organization == "National Health Service", people["Ann Reid"]


def test_a_titled_surname_goes_to_the_relative_who_holds_the_title() -> None:
    """ "Governor Dravik" after his daughter is named is the governor, not his daughter: a title on a
    bare surname picks, among the people with that surname, the one the title was given to."""
    result = text_result(
        "Governor walks with family.\n\n"
        "Governor Marcus Dravik and his family went hiking on Sunday in the hills near Velmora. "
        "Lena Dravik, 14, was seen listening to music on the walk. "
        "Reporters later met Governor Dravik at the park gate, where he spoke about the budget."
    )
    people = by_name(result)
    assert people["Marcus Dravik"].title == "Governor"
    assert people["Lena Dravik"].title is None


def test_an_editors_parenthesis_before_a_surname_completes_the_name() -> None:
    """A quote's "(Velcorp CEO Anton) Brisk" names Anton Brisk, titled, not "Anton"; "(Teodor) Marsh"
    names Teodor Marsh. A place, a company's tail or a name's affiliation in brackets joins nothing."""
    result = text_result(
        "Minister answers critics.\n\n"
        'A spokesman said: "Someone dreams of (Velcorp CEO Anton) Brisk quitting, others of new taxes." '
        'The coach added: "(Teodor) Kovalik was brilliant on Saturday." '
        "Olga Pavlenko (Dunmore) Head-to-head record favours the visitors. "
        "Shares in Brask (Holdings) Ltd rose."
    )
    people = by_name(result)
    assert people["Anton Brisk"].title == "Velcorp CEO"
    assert "Teodor Kovalik" in people
    assert "Anton" not in people
    assert not any("Head" in name or "Ltd" in name for name in people)


def test_writers_who_also_contributed_are_authors() -> None:
    """ "CNN's Ann Orlo, Bo Kettil and Dara Quell also contributed to this report." lists three writers,
    not three people in the news."""
    result = text_result(
        "Storm hits coast.\n\n"
        "A storm hit the coast of Velmora on Monday, mayor Tomas Brenn said. "
        "Brenn said 40 homes were damaged. "
        "CNN's Ann Orlo, Bo Kettil and Dara Quell also contributed to this report."
    )
    people = by_name(result)
    assert people["Tomas Brenn"].role == "mentioned"
    assert {people[n].role for n in ("Ann Orlo", "Bo Kettil", "Dara Quell") if n in people} <= {"author"}
    assert "Dara Quell" in people and people["Dara Quell"].role == "author"


# Names a story shows to be no one's, each a person before its rule: (story, names not people, a person
# the same story does name)
_NOT_PEOPLE: dict[str, tuple[str, set[str], str]] = {
    "a name of Greek letters is a fraternity's (a Greek first name alone is a person's)": (
        "Police found no evidence that a student was attacked at the Rho Kappa Xi house in Velmora. "
        "Rho Kappa Xi released a statement Monday, saying the story had harmed its members. "
        "Student leader Delta Morn said the university acted quickly.",
        {"Rho Kappa Xi"},
        "Delta Morn",
    ),
    "what only a group has, after its name: fighters, its leader": (
        "Kora Dembe fighters attacked the town of Velmora on Sunday, killing 12 people, officials said. "
        "An audio message purported to be from Kora Dembe's leader, Abubakar Tanko, said the group would "
        "fight on. Tanko said more attacks would come. Kora Dembe has grown stronger this year.",
        {"Kora Dembe"},
        "Abubakar Tanko",
    ),
    "a profession's word before a noun titles no one ('terrorist groups in …')": (
        "The militant group Kora Dembe pledged allegiance to the caliph on Saturday. In addition to Kora "
        "Dembe, terrorist groups in Velmora, Dunmara and Ostrava have pledged allegiance. "
        "Ben Orr, a cardiologist, said the news worried him.",
        {"Kora Dembe"},
        "Ben Orr",
    ),
    "a magazine, or its journalists, after its name": (
        "Gunmen killed 12 people in an attack on the satirical Lumo Vesper magazine in Velmora on "
        "Wednesday. Lumo Vesper journalists had received threats, editor Anna Krell said. "
        "Krell said the magazine would publish next week.",
        {"Lumo Vesper"},
        "Anna Krell",
    ),
    "a club's first word names no one, nor alone after the club's name": (
        "Bayern Munich beat Shakhtar Tarsk 7-0 on Wednesday. Muller scored twice as Bayern laid siege to "
        "Shakhtar's goal. City rivals Atletico Velmora drew 0-0, coach Luis Ortega said.",
        {"Shakhtar Tarsk", "Shakhtar", "Atletico Velmora", "Atletico"},
        "Luis Ortega",
    ),
    "a university or a hospital named after a royal": (
        "A Duke Velmora University researcher has been studying the disease for years. "
        "Patients at Queen Maren Hospital took part. Prince Tavor opened the new wing on Monday, and "
        "Tavor said the study would help thousands.",
        {"Duke Velmora University", "Queen Maren Hospital", "Velmora University", "Maren Hospital"},
        "Prince Tavor",
    ),
    "a football club's initials": (
        "Kevin Brask scored twice as VfL Ostrava beat FC Dunmore 3-1 on Saturday. "
        "VfL Ostrava are now second in the table, while FC Dunmore dropped to ninth. Brask said the team "
        "had worked hard.",
        {"VfL Ostrava", "FC Dunmore"},
        "Kevin Brask",
    ),
    "an apposition with a possessive naming a kind of body; a title of title words": (
        "The meeting included senior members of the army; Dov Tamar, Velmora's internal security agency; "
        "and the police. When Charles becomes King, she would be known as Princess Consort. "
        "Minister Ari Galen said the meeting went well.",
        {"Dov Tamar", "Princess Consort"},
        "Ari Galen",
    ),
}


@pytest.mark.parametrize("case", sorted(_NOT_PEOPLE))
def test_names_a_story_shows_to_be_no_ones(case: str) -> None:
    text, bodies, person = _NOT_PEOPLE[case]
    people = by_name(text_result(f"News of the day.\n\n{text}"))
    assert not bodies & set(people), people
    assert person in people, people


# A title's words and its body, each wrong before its rule: (story, {name: (field, value)})
_TITLES: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    # "Bristol County District Attorney William McCauley" (CNN) was in "Bristol County District", "St.
    # Louis County Prosecuting Attorney Bob McCulloch" in "St. Louis County Prosecuting"
    "'District Attorney', 'Prosecuting Attorney' and 'Circuit Judge' are titles: the body is the county": (
        "Velmora County District Attorney Dana Lark said the trial would resume. Harlow County Circuit "
        "Judge Tom Reid agreed, and Ostby County Prosecuting Attorney Ann Vale said so too.",
        {
            "Dana Lark": ("organization", "Velmora County"),
            "Tom Reid": ("organization", "Harlow County"),
            "Ann Vale": ("organization", "Ostby County"),
        },
    ),
    # "president of the Council on Foreign Relations" gave "Council", "chief executive of the Alzheimer's
    # Society" gave "Society" and "the Kurdistan Workers' Party" gave "Party" (CNN stories)
    "a body named with 'on' or a possessive is read whole; a possessive joins only a bare body's word": (
        "Ann Reid, president of the Velmora Council on Foreign Trade, said so. Tom Hale, chief executive of "
        "the Lark's Society, agreed. Ed Moss, an aide in Kemp's White House, declined to comment.",
        {
            "Ann Reid": ("organization", "Velmora Council on Foreign Trade"),
            "Tom Hale": ("organization", "Lark's Society"),
            "Ed Moss": ("organization", "White House"),
        },
    ),
    "'General' opening a company's name is no rank": (
        "General Motors chairman Dorian Vask said the company would cut costs next year. "
        "General Secretary Kell Aston of the Workers Party said the cuts were a mistake.",
        {"Dorian Vask": ("organization", "General Motors"), "Kell Aston": ("title", "General Secretary")},
    ),
    "a Beatle is a title, not a first name": (
        "A guitar once owned by late Beatle Tomas Vask was sold at auction in Velmora for $2m on Monday. "
        "The buyer said Vask had played it on tour.",
        {"Tomas Vask": ("title", "Beatle")},
    ),
    "'Neither' or 'Both' before a title is no part of it": (
        "Neither Rep. Dorian Vask nor Sen. Mara Lind has brought the farm bill forward this year. "
        "Both Gov. Tom Brenn and Mayor Ann Orlo oppose it.",
        {"Dorian Vask": ("title", "Rep."), "Tom Brenn": ("title", "Gov.")},
    ),
    "a profession known by its ending heads an apposition of its own": (
        "In addition to Kora Dembe, terrorist groups in Velmora, Dunmara and Ostrava have pledged "
        "allegiance. Ben Orr, a cardiologist, said the news worried him.",
        {"Ben Orr": ("title", "cardiologist")},
    ),
}


@pytest.mark.parametrize("case", sorted(_TITLES))
def test_titles_and_bodies_of_named_people(case: str) -> None:
    text, expected = _TITLES[case]
    people = by_name(text_result(f"News of the day.\n\n{text}"))
    for name, (field, value) in expected.items():
        assert name in people and getattr(people[name], field) == value, people
