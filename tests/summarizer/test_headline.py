"""Headlines derived for stories published without one (CNN files, the seed)."""

from __future__ import annotations

import json
import re

import pytest

from summarizer.article import parse_text, split_paragraphs
from summarizer.headline import derive_headline, key_sentence
from summarizer.headline.parsing import parse, particle
from summarizer.summarize import summarize
from tests.conftest import SHARED_DATA
from tests.summarizer.ner_switch import without_model

CNN = sorted((SHARED_DATA / "news/cnn").glob("*.txt"))
_DATELINE = re.compile(
    r"\((?:CNN|AP|Reuters)\)|\b(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December) \d{1,2}, \d{4}\b"
)
_UNFINISHED = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "and",
    "or",
    "is",
    "are",
    "was",
    "will",
    "that",
    "it",
}


def _opening(text: str, n: int = 5) -> list[str]:
    return re.findall(r"\w+(?:['’]\w+)*", text.lower())[:n]


def _ends_in_particle(headline: str) -> bool:
    """ "… should step in": the last word is the verb's particle, not a preposition left without its
    object."""
    parsed = parse(headline)
    return parsed is not None and particle(parsed[0][-1])


def test_cnn_headlines_are_short_clean_and_not_the_first_bullet_again() -> None:
    repeats = 0
    for path in CNN:
        article = parse_text(path.read_text())
        headline = article.headline
        assert article.headline_derived, path.name
        assert 3 <= len(headline.split()) <= 12, (path.name, headline)
        assert not _DATELINE.search(headline), (path.name, headline)
        last = headline.split()[-1].lower().strip(",;:")
        assert last not in _UNFINISHED or _ends_in_particle(headline), (path.name, headline)
        bullet = summarize(article.body)[0]
        repeats += _opening(headline) == _opening(bullet, len(_opening(headline)))
    assert repeats <= 0.15 * len(CNN)  # 9 of 67 today; the derived title rule repeated all 67


@pytest.mark.parametrize(
    ("name", "was", "now"),
    [
        ("bdf542b05c17.txt", "March 10, 2015", "We're international in scope"),
        (
            "c7d57de4c2a6.txt",
            "And breathe",
            "Real Madrid squeezes through to quarterfinals of European Champions League",
        ),
        ("f4fd3b5f8e12.txt", "", "Kerry shies away from predicting success"),
    ],
)
def test_a_headline_is_the_key_sentence_compressed(name: str, was: str, now: str) -> None:
    headline = parse_text((SHARED_DATA / "news/cnn" / name).read_text()).headline
    assert headline == now
    assert not was or was not in headline


def test_headline_style_tense_and_attribution() -> None:
    assert derive_headline("Taiwan announced plans for another round of import tariff cuts on Monday.") == (
        "Taiwan announces plans for import tariff cuts"
    )
    # "X said Y": the headline is Y, with the speaker standing in for "it"
    assert (
        derive_headline(
            "US phone company SBC Communications said it expects to cut around 12,800 jobs "
            "following its takeover."
        )
        == "SBC Communications expects to cut jobs following takeover"
    )
    assert derive_headline(
        "The Asian Development Bank will open an office in Jakarta later this year, bank "
        "Vice-President S. Stanley Katz said."
    ).startswith("Asian Development Bank to open office")


def test_low_information_words_go() -> None:
    # a bare copula, a possessive, a lone adverb, a count: headlines leave them out
    assert derive_headline(
        "South Africa's biggest retail bank Absa has said it is still in talks with UK bank Barclays over "
        "the sale of a majority stake in the group."
    ) == ("Absa in talks with UK bank Barclays")
    assert derive_headline("The US economy added 337,000 jobs in October.") == "US economy adds jobs"
    # a sum is news, not a count
    assert derive_headline(
        "US retail giant Federated Department Stores is to buy rival May Department Stores "
        "for $11bn (£5.7bn)."
    ).endswith("for $11bn")


def test_a_name_the_story_abbreviates_goes_by_its_initials() -> None:
    assert derive_headline(
        "Fiat and General Motors (GM) have until midnight on 1 February to settle a disagreement over a "
        "potential takeover."
    ) == ("Fiat and GM have until midnight to settle disagreement")


_BROKER_STORY = (
    "The US stock market regulator is investigating troubled insurance broker Marsh & McLennan's "
    "shareholder transactions, the firm has said. The regulator wants documents on how the broker "
    "traded shares of its own. Marsh said it would cooperate with the regulator. The broker has "
    "already settled a separate case with New York's attorney general, and the regulator said it had "
    "asked other brokers and insurers for similar records. Shares in the broker fell 2% in New York "
    "trading, while the regulator declined to comment further on the investigation or its timing."
)


def test_detail_the_story_never_repeats_goes_first() -> None:
    headline = derive_headline(_BROKER_STORY)
    assert headline.startswith("US") and "regulator investigates" in headline, headline
    assert "troubled" not in headline and "stock" not in headline, headline
    assert "broker" in headline, headline  # said again and again: the story's subject
    # a single sentence has no detail to tell apart: nothing goes for want of repetition
    single = derive_headline(_BROKER_STORY.split(". ")[0] + ".")
    assert "stock market regulator" in single, single


def test_without_the_model_a_rule_still_gives_a_short_headline() -> None:
    with without_model():
        headline = derive_headline(
            "As nuclear talks with Iran neared the endgame, U.S. Secretary of State John "
            "Kerry shied away from predicting success, he told CNN on Monday."
        )
    assert headline == "U.S. Secretary of State John Kerry shied away from predicting success"


def test_a_question_standing_alone_is_the_headline_and_not_the_first_bullet() -> None:
    article = parse_text((SHARED_DATA / "news/bbc/politics-267.txt").read_text())
    assert article.headline == "UKIP's secret weapon?" and not article.headline_derived
    assert not summarize(article.body)[0].startswith("UKIP's secret weapon")


def test_a_wire_headline_ending_in_an_abbreviation_is_a_headline() -> None:
    article = parse_text((SHARED_DATA / "news/reuters/1579.txt").read_text())
    assert article.headline == "Coffee Talks Failure Seen Pressuring U.S."
    assert article.dateline == "WASHINGTON, March 4"
    assert article.body.startswith("Failure of talks on re-establishing International Coffee Organization")


def _derived(name: str) -> str:
    """The headline derived for a news file whose published headline (its first paragraph) is hidden."""
    paras = split_paragraphs((SHARED_DATA / "news" / name).read_text(encoding="utf-8"))
    return derive_headline(parse_text("\n\n".join(paras[1:])).body)


def test_a_named_speaker_is_credited_when_the_claim_names_no_one() -> None:
    # "The government should change the law …, the TUC has said": published "Protect whistleblowers, TUC says"
    assert _derived("bbc/politics-162.txt").startswith("TUC says government should change law")
    # a claim about someone named needs no credit: the published headline is about it
    assert derive_headline(
        "Japan's 1987 car export restraint to the European Community is not enough, EC external trade chief "
        "Willy de Clercq said."
    ).startswith("Japan")


def test_a_wire_dateline_is_never_the_headline() -> None:
    # "NEW YORK, MARCH 11 - Tenneco Inc, a company that …, rose sharply today": was "NEW YORK rises"
    headline = _derived("reuters/3864.txt")
    assert "NEW YORK" not in headline and "Tenneco" in headline, headline


def test_a_headline_never_ends_on_a_verb_whose_object_was_cut() -> None:
    # "Channel Tunnel operator Eurotunnel has seen sales fall in …": was "Channel Tunnel operator sees"
    assert _derived("bbc/business-500.txt").startswith("Eurotunnel sees sales fall")
    # "Interactive posters are helping Londoners get around the city …": was "… help Londoners get"
    assert _derived("bbc/tech-230.txt").endswith("get around city")
    # "… said it will explore and develop gold properties in Canada …": was "Freeport-McMoran Gold to explore"
    assert "explore and develop gold properties" in _derived("reuters/2363.txt")


def test_attribution_after_the_claim_is_left_out() -> None:
    # "Fast web access is encouraging more people to express themselves online, research suggests."
    headline = _derived("bbc/tech-392.txt")
    assert headline.startswith("Fast web access encourages") and "suggests" not in headline, headline


def test_united_states_is_written_short_as_the_story_writes_it() -> None:
    assert _derived("reuters/1574.txt").startswith("U.S. hands Soviet arms negotiators")
    assert derive_headline(
        "The United States has imposed new tariffs on steel imports from China."
    ).startswith("US imposes new tariffs")


def test_a_hyphenated_age_stays_whole() -> None:
    # "The parents of a 13-year-old girl are suing …": was "Parents of -old girl sue …"
    assert _derived("bbc/entertainment-113.txt").startswith("Parents of 13-year-old girl sue")


def test_going_to_is_the_future_and_those_takes_a_plural_verb() -> None:
    assert derive_headline(
        "Britain's biggest carmaker is going to close two plants in the Midlands by 2006, unions said."
    ).endswith("carmaker to close plants in Midlands")
    assert derive_headline(
        "Those were the days of plenty for the fishing fleets of the North Sea, when cod was abundant."
    ).startswith("Those are days")


def test_a_sentence_inside_an_opening_quotation_is_not_the_key_sentence() -> None:
    """A story opening with three sentences of quotation reports its news after it: the second and third
    sentences are quoted too, though no quotation mark opens them."""
    body = (
        '"This is going to be a test for the rescue teams. We are going to find out what they are made of. '
        'How long they can keep going." Rescue teams pulled 12 survivors from the rubble of the hotel in '
        "Izmir on Tuesday, officials said. The hotel collapsed after the earthquake."
    )
    assert key_sentence(body).startswith("Rescue teams pulled 12 survivors")
    assert derive_headline(body).startswith("Rescue teams pull survivors from rubble")


def test_a_sentence_about_the_opening_quotation_is_not_the_key_sentence() -> None:
    """'"…" Those were the words of X' tells who said the quotation, not the news: it made "Those are
    words into Serena Williams' decider with Clijsters" of a CNN story."""
    body = (
        '"This is going to be a test for the rescue teams. We are going to find out what they are made of." '
        "Those were the words of fire chief Ahmet Yilmaz on Monday, hours after the hotel collapsed in "
        "Izmir. "
        "Rescue teams pulled 12 survivors from the rubble of the hotel on Tuesday, officials said."
    )
    assert key_sentence(body).startswith("Rescue teams pulled 12 survivors")
    assert not derive_headline(body).startswith("Those")
    # without an opening quotation, "Those were …" points at nothing the story has said: not the news
    assert key_sentence(body.split('" ', 1)[1]).startswith("Rescue teams pulled 12 survivors")


def test_a_feature_leads_scene_setting_is_not_the_key_sentence() -> None:
    """ "They were known for their quiet professionalism" made "They known for professionalism and
    dedication"; "This is what it's come to", "This is what it's come". A headline names who or what."""
    body = (
        "It was a sophisticated attack with sophisticated devices. Police in Boston arrested two brothers "
        "on Friday after a manhunt that shut down the city. They are accused of planting two bombs."
    )
    assert key_sentence(body).startswith("Police in Boston arrested")
    assert derive_headline(body).startswith("Police in Boston arrest"), derive_headline(body)
    starbucks = parse_text((SHARED_DATA / "news/cnn/6d6dbecf8c31.txt").read_text()).headline
    assert starbucks == "Starbucks asks baristas to have conversations about race"
    crash = parse_text((SHARED_DATA / "news/cnn/9cc5a56acf7b.txt").read_text()).headline
    assert not crash.startswith("They"), crash
    # after an opening phrase too: "In fairy tales, it's usually the princess that needs protecting"
    fairy = (
        "In fairy tales, it's usually the princess that needs protecting. A London theatre on Monday "
        "cast a nine-year-old girl as the knight in its Christmas show. Tickets go on sale in May."
    )
    assert key_sentence(fairy).startswith("A London theatre"), key_sentence(fairy)
    jolie = parse_text((SHARED_DATA / "news/cnn/d725b9c40fa1.txt").read_text()).headline
    assert jolie.startswith("Jolie"), jolie  # was "Has had surgery she writes in New York Times"
    # a scene set without a verb of its own is passed over too; when the sentence after it does not
    # parse into a headline, the opening is what the headline says
    scene = parse_text((SHARED_DATA / "news/cnn/ae9c19b00051.txt").read_text()).headline
    assert not scene.startswith(("A room", "And")), scene


def test_the_writers_own_voice_is_not_the_key_sentence() -> None:
    """ "We see re-emergence had gone extinct real live no-joke bipartisanship" (cnn-val/b4adfbb8c0cb) and
    "I remember first time" were headlines: a sentence whose subject is "I", "we" or "you", or that tells
    the reader what to do, is the writer's voice; the news is the next sentence that names who. After a
    condition ("If you were ..., you could not have done a better job than ...") it is an argument, and
    stays."""
    body = (
        "I still remember the first time I saw a tiger in the wild. India's latest tiger census counted "
        "2,226 big cats on Tuesday, a 30% increase since 2011. Officials said poaching had fallen."
    )
    assert key_sentence(body).startswith("India's latest tiger census"), key_sentence(body)
    imperative = (
        "Think back to your school's senior prank. Students at a Wichita high school surprised their "
        "principal on Friday with a prank of kindness. The principal said he was moved."
    )
    assert key_sentence(imperative).startswith("Students at a Wichita"), key_sentence(imperative)
    argument = (
        "If you wanted to keep voters away, you could not have done a better job than the council of "
        "Ferguson. Ferguson holds its elections in April. Turnout is low."
    )
    assert key_sentence(argument).startswith("If you wanted"), key_sentence(argument)
    summit = parse_text((SHARED_DATA / "labelled/cnn-val/b4adfbb8c0cb.txt").read_text()).headline
    assert not summit.startswith("We"), summit
    assert "Bipartisan Summit" in summit, summit


def test_an_aside_cut_out_leaves_the_sentence_readable() -> None:
    """ "In an exclusive interview ahead of his U.S. tour -- and ahead of his anniversary -- Prince Charles
    paid tribute …" (a CNN story the issue named) read "tour Prince Charles" as one name once the aside
    was cut, and the headline was the opening phrase, "In an exclusive interview ahead of his U.S.
    tour"."""
    charles = parse_text((SHARED_DATA / "news/cnn/14efad7a0b97.txt").read_text()).headline
    assert "pays tribute" in charles and not charles.startswith("In an exclusive interview"), charles
    # "the way" says nothing once the clause defining it is cut: not "pays tribute to way"
    assert not charles.endswith(" way"), charles


def test_a_phrasal_verb_keeps_its_particle() -> None:
    headline = derive_headline(
        "After three Mexican citizens were killed by police in the United States in the past month, "
        "Mexico's Foreign Ministry says the U.S. Justice Department should step in."
    )
    assert headline.endswith("should step in"), headline


def test_after_a_denial_the_but_clause_is_the_news() -> None:
    """ "He doesn't wear a uniform …, but Hadi Al-Amari is a powerful military leader in Iraq" (a CNN
    story) was headlined "He doesn't wear uniform"; a plain "A, but B" keeps its main clause."""
    body = (
        "He doesn't wear a uniform or hold an official rank, but Hadi Al-Amari is a powerful military "
        "leader in Iraq. He commands thousands of fighters."
    )
    assert derive_headline(body).startswith("Hadi Al-Amari is")
    assert derive_headline(
        "Factory output rose in March, but exports fell for a third month, the statistics office said."
    ).startswith("Factory output")


def test_a_coordinated_modifier_and_a_name_after_its_noun_stay_whole() -> None:
    """ "Shares in train and plane-making giant Bombardier …" was "Shares in train and giant Bombardier
    fall", and "Shares in US phone company MCI …" lost its subject's name: "… phone company rise"."""
    assert derive_headline(
        "Shares in boat and truck-making group Volvex have fallen to a 10-year low after its chief "
        "executive left."
    ).startswith("Shares in boat and truck-making group Volvex fall")
    assert derive_headline(
        "Shares in Dutch chip company Nexor have risen on speculation that it is in takeover talks."
    ).startswith("Shares in Dutch chip company Nexor rise")
    # "claims that she and sister Venus are …" was "claims she are …"
    assert "she and brother are" in derive_headline(
        "The singer Ana Ruiz has rejected claims that she and her brother are a fading act in Spain."
    )
    # an appositive after a comma is an aside, and still goes
    assert "Kees" not in derive_headline(
        "The chairman of Nexor, Kees van Dam, has resigned after a row over the company's accounts."
    )


def test_a_firms_name_with_and_takes_the_verb_the_story_gives_it() -> None:
    """ "Johnson & Johnson has agreed to buy …" was "Johnson & Johnson agree to buy"; a plural subject
    stays plural."""
    assert derive_headline(
        "Drugs group Smith & Jones has agreed to buy medical technology firm Curex for $2.5bn."
    ).startswith("Smith & Jones agrees to buy")
    assert derive_headline(
        "Harland and Wolff has reported a fall in orders for the third year running."
    ).startswith("Harland and Wolff reports fall")
    assert derive_headline(
        "India and Brazil have signed a deal on oil exploration off the Atlantic coast, officials said."
    ).startswith("India and Brazil sign deal")
    # a British collective plural ("the party have") is singular in a headline
    assert derive_headline(
        "The Green Party have suspended a candidate for remarks about asylum seekers."
    ).startswith("Green Party suspends candidate")


def test_a_dash_typed_against_a_word_still_opens_an_aside() -> None:
    """ "… two airlines- US Airways and Delta Air Lines' Comair subsidiary - after travel chaos" gave
    "US government to investigate two airlines- US Airways"; a hyphen suspended till the next word
    ("pre- and post-war") is no dash."""
    assert (
        derive_headline(
            "The Canadian government is to investigate two railways- Via Rail and Amtrak's Cascades "
            "service - after travel chaos over the holiday weekend."
        )
        == "Canadian government to investigate railways after travel chaos"
    )
    assert "pre- and post-war" in derive_headline(
        "Historians compared pre- and post-war housing in Leeds for the city council this year."
    )


def test_what_happened_is_kept_when_the_main_clause_says_little() -> None:
    """ "Twenty-one people were injured Saturday when a commuter train collided with a car" (a CNN story)
    was too thin to compress once the clause after "when" was cut, and the headline was the sentence's
    first eleven words, in the past tense."""
    train = parse_text((SHARED_DATA / "news/cnn/ceaafef3f060.txt").read_text()).headline
    assert train == "Twenty-one people injured when train collides", train
    # how many people is the news, wherever they are counted; a count of other things goes ("adds jobs")
    jet = parse_text((SHARED_DATA / "news/cnn/8fe1a04ba71c.txt").read_text()).headline
    assert "carrying 224 people" in jet, jet
    cliff = derive_headline(
        "Two hikers died and a third was badly hurt after a sea cliff collapsed on the coast of Cornwall "
        "on Sunday, the coastguard said. Rescuers searched the beach for hours."
    )
    assert "after" in cliff and "collapses" in cliff and "collapsed" not in cliff, cliff
    # a clause that already says what happened keeps its own object, not the "when" clause
    assert "when" not in derive_headline(
        "The council approved a new budget for the city's schools when it met on Tuesday evening, "
        "officials said. The budget adds teachers."
    )


def test_a_programme_taken_for_a_person_keeps_its_name() -> None:
    """ "Jeremy Clarkson won't have his contract renewed as host of Top Gear" (a CNN story) lost "host of"
    (read as a quantity, like "a host of problems") and "Top" (the small model tags "Top Gear" a person,
    whose first name a headline leaves off): "… renewed as Gear"."""
    clarkson = parse_text((SHARED_DATA / "news/cnn/8fe92cd7737e.txt").read_text()).headline
    assert clarkson.endswith("as host of Top Gear"), clarkson
    # a quantity with its article still goes: "a host of problems" → "problems"
    assert "host" not in derive_headline(
        "The new stadium has faced a host of problems since it opened in the spring, engineers said. "
        "The problems are costly."
    )


def test_a_royal_title_and_an_owners_country_stay_with_the_name() -> None:
    """A headline drops a person's first names and job titles ("Foreign Secretary Jack Straw" → "Straw"),
    but names royals by their title ("Prince William arrives in Beijing", a CNN story, read "William
    arrives …") and keeps the country that owns the title ("Saudi Arabia's Prince …", not "Arabia's")."""
    william = parse_text((SHARED_DATA / "news/cnn/370faa5045eb.txt").read_text()).headline
    assert william.startswith("Prince William "), william
    saudi = derive_headline(
        "Saudi Arabia's Prince Faisal Al Nasser met with Japanese Prime Minister Shinzo Abe in Tokyo on "
        "Monday to discuss oil supplies, officials said. Abe welcomed the visit."
    )
    assert saudi.startswith("Saudi Arabia's Prince"), saudi
    straw = derive_headline(
        "Foreign Secretary Jack Straw has announced the closure of nine embassies to save money, the "
        "Foreign Office said. Straw defended the cuts."
    )
    assert straw.startswith("Straw "), straw


def test_a_participle_describing_the_subject_is_not_the_news() -> None:
    """ "Victor Arden Barnard, an American pastor wanted for 59 counts of sexual assaults in Minnesota, was
    arrested by Brazilian authorities" (a CNN story): the small model makes "wanted" the verb, and the
    headline read "Victor Arden Barnard wants for counts of sexual assaults", the reverse of the news."""
    barnard = parse_text((SHARED_DATA / "news/cnn/9e3370f6f787.txt").read_text()).headline
    assert "arrested" in barnard and "wants" not in barnard, barnard


def test_a_speaker_named_again_by_its_noun_is_said_once() -> None:
    """ "The Church of Jesus Christ of Latter-day Saints … says the church has strong measures in place"
    (a CNN story) was headlined "Church says church has measures in place"."""
    bank = derive_headline(
        "Westfield Bank said on Monday that the bank will close 40 branches across the Midwest next year. "
        "Westfield Bank has 300 branches."
    )
    assert bank.startswith("Westfield Bank to close branches"), bank
    church = parse_text((SHARED_DATA / "news/cnn/574c8507f8a5.txt").read_text()).headline
    assert church.lower().count("church") == 1, church


def test_a_long_subject_gives_way_to_the_verb() -> None:
    """ "The first state visit to the United States of Afghan President Ashraf Ghani and Chief Executive
    Officer Abdullah Abdullah was supposed to take place in early March" (a CNN story): the subject alone
    filled the twelve words, and the headline had no verb."""
    visit = parse_text((SHARED_DATA / "news/cnn/3c6aac0b859a.txt").read_text()).headline
    assert "supposed to take place" in visit, visit
    bridge = derive_headline(
        "The plan of the city council for a new bridge across the river near the old harbour in the north "
        "of the town was approved on Tuesday. The bridge will cost millions."
    )
    assert bridge == "Plan of city council for new bridge across river approved", bridge


def test_a_surnames_particle_stays_with_it() -> None:
    """ "Daniel von Bargen, the talented character actor …, has died" (a CNN story) lost "Daniel" and
    "von" alike, "Bargen dies" was too short to stand, and the headline was the bare name."""
    actor = parse_text((SHARED_DATA / "news/cnn/d8b6d13fa0f5.txt").read_text()).headline
    assert actor == "Von Bargen dies", actor


def test_an_it_standing_for_the_clause_after_is_not_the_speaker() -> None:
    """ "A high level U.S. trade official said it would be foolish for Japan to strike back" (a Reuters
    story, headline hidden) was headlined "U.S. trade official would be foolish": the "it" was taken
    for the speaker, as in "Absa said it is in talks" → "Absa is in talks"."""
    headline = derive_headline(
        "A high level U.S. trade official said it would be foolish for Japan to strike back against the "
        "United States for its sanctions on Japanese semiconductor products. Japan has protested."
    )
    assert headline.startswith("It would be foolish for Japan to strike back"), headline
    assert derive_headline(
        "Absa said it is in talks with Barclays over the sale of a majority stake."
    ).startswith("Absa in talks")


def test_a_passive_participle_tagged_as_an_adjective_is_the_claims_verb() -> None:
    """ "Nineteen-year-old Tony Robinson was not armed when a Madison, Wisconsin, police officer fatally shot
    him, Police Chief Mike Koval said Saturday" (a CNN story): the model tags "armed" an adjective, the
    claim was not taken for the clause to report, and the headline read "Robinson was not armed Koval
    says"."""
    robinson = parse_text((SHARED_DATA / "news/cnn/56f9d92c1e35.txt").read_text()).headline
    assert robinson.startswith("Robinson not armed when") and robinson.endswith("shoots him"), robinson


def test_a_past_that_the_present_would_misreport_stays_past() -> None:
    """ "Arlen Specter used to call the house most evenings" and "Muhammadu Buhari has ruled Nigeria before"
    (CNN stories) were headlined "Specter uses to call house …" and "Buhari rules Nigeria before …"."""
    specter = parse_text((SHARED_DATA / "news/cnn/d83332b67ad1.txt").read_text()).headline
    assert specter.startswith("Specter used to call"), specter
    buhari = parse_text((SHARED_DATA / "news/cnn/a9cfdaa43129.txt").read_text()).headline
    assert buhari.startswith("Muhammadu Buhari has ruled Nigeria"), buhari
    # other perfects are still news in the present: "has won" → "wins"
    assert derive_headline(
        "Chelsea have won the Premier League title after beating Crystal Palace on Sunday."
    ).startswith("Chelsea win")


def test_the_rules_headline_has_no_stray_quotation_mark_or_comma() -> None:
    """ "This weekend marked the official opening of "Fish in the Dark," the Broadway debut of Larry David"
    (a CNN story the parser cannot read) was headlined with the title's opening quotation mark and comma."""
    play = parse_text((SHARED_DATA / "news/cnn/ac7a70285370.txt").read_text()).headline
    assert play == "This weekend marked official opening of Fish in the Dark", play


def test_the_rules_headline_leaves_out_articles_but_not_inside_names() -> None:
    """The rule (no model, or a sentence the model cannot read) writes headline style too: "The UK
    Independence Party outspent both Labour and the Liberal Democrats …" (BBC, headline hidden)."""
    ukip = _derived("bbc/politics-304.txt")
    assert ukip == "UK Independence Party outspent both Labour and the Liberal Democrats", ukip
    with without_model():
        role = derive_headline("He joined the cast of The Lord of the Rings in a small role for the studio.")
    assert role == "He joined cast of The Lord of the Rings in small role", role


def test_a_sum_keeps_its_unit_however_the_word_is_parsed() -> None:
    """ "… have agreed to pay a total of $515m (£277m) to settle an investigation" (a BBC story, headline
    hidden): the model parses the "m" of "$515m" as punctuation, and the headline paid "$515"."""
    headline = derive_headline(
        "Five Bank of America subsidiaries have agreed to pay a total of $515m (£277m) to settle an "
        "investigation into fraudulent trading share practices. The US regulator welcomed the deal."
    )
    assert headline.endswith("pay $515m"), headline


def test_a_headline_never_ends_on_thanks_without_what_for() -> None:
    """ "DVDs are to be harder to copy thanks to a new protection system" (a BBC story, headline hidden)
    was headlined "DVDs to be harder to copy thanks"."""
    headline = derive_headline(
        "DVDs will be harder to copy thanks to new anti-piracy measures devised by copy protection firm "
        "Macrovision. The measures are new."
    )
    assert not headline.endswith("thanks"), headline


def test_a_quoted_speaker_is_credited_not_kept_in_the_claim() -> None:
    """ "Poland's talks … were concrete, open and frank, a senior Polish banker was quoted as saying" (a
    Reuters story, headline hidden) ended "… were concrete Polish banker quoted"."""
    headline = derive_headline(
        "Poland's talks in Washington with the World Bank and the International Monetary Fund (IMF) on the "
        "country's 33.5 billion dlr foreign debt were concrete, open and frank, a senior Polish banker was "
        "quoted as saying. Poland wants new loans."
    )
    assert "quoted" not in headline and headline.endswith("concrete"), headline


def test_a_comparison_keeps_its_comparative() -> None:
    """ "… you could not have done a better job than the white leaders of Ferguson" (a CNN story) lost
    "better", the word its "than" compares, as a modifier the story never repeats: "… done job than …"."""
    ferguson = parse_text((SHARED_DATA / "news/cnn/d7fb1ba063ce.txt").read_text()).headline
    assert "better job than" in ferguson, ferguson


def test_a_how_clause_reads_as_a_statement() -> None:
    """ "A colleague told me how frustrated her husband was by 'Amazon Mom'" (a CNN story) was headlined
    "How frustrated husband by Amazon Mom", an exclamation without its verb."""
    amazon = parse_text((SHARED_DATA / "news/cnn/152d2d0bee20.txt").read_text()).headline
    assert amazon == "Husband frustrated by Amazon Mom", amazon
    bridge = derive_headline(
        "The minister explained how important the new bridge would be for the town and its businesses. "
        "The bridge opens in May."
    )
    assert bridge.startswith("New bridge would be important for town"), bridge
    # a "how" that asks the way something happened is not moved
    assert derive_headline(
        "Investigators are still trying to establish how the fire started in the basement of the old mill, "
        "the fire service said. The mill was empty."
    ).startswith("Investigators")


def test_a_clause_cut_to_fit_loses_its_place_not_its_event() -> None:
    """ "One person died … after a cliff collapsed on the Pacific Coast north of San Francisco, the National
    Park Service said" (a CNN story): cutting "on Pacific Coast" to fit took the whole "after" clause
    with it, as if "collapsed" were a word left without its complement."""
    cliff = parse_text((SHARED_DATA / "news/cnn/6318a9d74e09.txt").read_text()).headline
    assert cliff.endswith("one person dies after cliff collapses"), cliff


def test_what_was_told_is_the_news_even_when_misattached() -> None:
    """ "Obama … told thousands of people who gathered here to commemorate the 50th anniversary of 'Bloody
    Sunday' that 'our march is not yet finished'" (a CNN story): the parser hangs the "that" clause on
    "commemorate", and the headline was "Obama tells thousands of people"."""
    selma = parse_text((SHARED_DATA / "news/cnn/60d43f26f369.txt").read_text()).headline
    assert selma == "Obama says march not finished", selma


def test_a_hyphenated_word_keeps_its_adverb() -> None:
    """ "So-called phishing attacks … have boomed" (a BBC story, headline hidden) was headlined "Called
    phishing attacks boom": the adverb of "so-called", "long-running", "much-loved" went as a loose one."""
    phishing = derive_headline(
        "So-called phishing attacks that try to trick people into handing over confidential details have "
        "boomed in 2004, say security experts. Phishing attacks are cheap."
    )
    assert phishing.startswith("So-called phishing attacks boom"), phishing
    # a loose adverb on its own still goes
    assert "sharply" not in derive_headline(
        "Oil prices rose sharply on Tuesday after a pipeline fire in Nigeria, traders said. Prices are high."
    )


def test_a_count_stays_where_the_phrase_needs_it() -> None:
    """Counts go ("adds 337,000 jobs" → "adds jobs"), but not a span of time ("spends years", "in years")
    nor a percentage written with its unit between ("holds pct stake"): Reuters and CNN stories."""
    milke = parse_text((SHARED_DATA / "news/cnn/0154aaedee1b.txt").read_text()).headline
    assert "22 years" in milke, milke
    stake = derive_headline(
        "A group of firms controlled by Mario Gabelli said it holds a 28.5 pct stake in Digiorgio Corp "
        "common stock. The group may buy more."
    )
    assert "28.5 pct stake" in stake, stake
    # a number before one thing names it, it counts nothing: "the 2400 level", "the 1987 budget"
    stocks = derive_headline(
        "Stocks fell steeply from the 2400 level in an avalanche of selling unleashed by a jump in credit "
        "market interest rates. The Dow fell."
    )
    assert "2400 level" in stocks, stocks
    assert "337,000" not in derive_headline(
        "The US economy added 337,000 jobs in October as hiring picked up across the country, the Labor "
        "Department said. Wages rose."
    )


def test_a_superlative_is_the_news() -> None:
    """ "Brazil's unemployment rate fell to its lowest level in three years" (a BBC story, headline hidden)
    was headlined "Brazil's unemployment rate falls in years": the record went as detail the story never
    repeats."""
    brazil = _derived("bbc/business-490.txt")
    assert brazil.startswith("Brazil's unemployment rate falls to lowest level"), brazil


def test_a_firm_the_model_takes_for_a_person_keeps_its_whole_name() -> None:
    """ "Shares in Australian budget airline Virgin Blue plunged 20%" (a BBC story, headline hidden) was
    headlined "Shares in Blue plunge 20%": the small model tags "Virgin Blue" a person, and a headline
    leaves a person's first name off."""
    airline = _derived("bbc/business-474.txt")
    assert "Virgin Blue plunge" in airline, airline
    # a person keeps to the surname, whatever the noun before
    assert derive_headline(
        "England fly-half Jonny Wilkinson has been named as the team's new captain for the Six Nations, "
        "the Rugby Football Union said. Wilkinson replaces Martin Johnson."
    ).startswith("Wilkinson"), "a person's first name stays off"


def test_a_first_or_only_thing_keeps_what_it_is_first_at() -> None:
    """ "Virgin Radio says it will become the first station in the world to offer radio via 3G mobiles"
    (a BBC story, headline hidden) was headlined "Virgin Radio to become first station"; and a number
    written against its unit ("3G", "9.2km") is no count to drop."""
    radio = _derived("bbc/tech-344.txt")
    assert radio.endswith("first station to offer radio via 3G mobiles"), radio


def test_what_an_act_is_for_is_kept_and_an_unfinished_try_goes() -> None:
    """ "Foreign firms have been given an extra year to meet tough new corporate governance regulations"
    (a BBC story, headline hidden) was headlined "Foreign firms given year"; an infinitive saying what
    something is for is kept, and one cut to fit takes its "to try" along rather than end on it."""
    firms = _derived("bbc/business-036.txt")
    assert firms.startswith("Foreign firms given extra year to meet"), firms
    blair = derive_headline(
        "Prime Minister Tony Blair has arrived back from his diplomatic mission to the Middle East to try to "
        "resurrect the peace process. He met leaders in Jerusalem."
    )
    assert not blair.endswith(("to try", "to")), blair


def test_a_date_the_story_names_is_not_dropped_as_when() -> None:
    """ "Tony Blair is likely to name 5 May as election day" (a BBC story, headline hidden) was headlined
    "Blair likely to name as election day": the parser reads "5 May" as when it happens."""
    blair = derive_headline(
        "Tony Blair is likely to name 5 May as election day when Parliament returns from its Easter break, "
        "the BBC's political editor has learned. Blair will go to the palace."
    )
    assert "name 5 May as election day" in blair, blair
    # a time phrase is still left out
    assert "Tuesday" not in derive_headline(
        "The central bank raised interest rates on Tuesday to curb inflation, officials said. Rates rose."
    )


def test_a_sum_is_news_and_a_comment_on_the_clause_is_not() -> None:
    """ "Mexican labourers living in the US sent a record $16.6bn (£8.82bn) home last year" (a BBC story,
    headline hidden) was headlined "… send record": the sum went with "home", a word the story says once.
    "India will allow domestic commercial airlines to fly long haul international routes, a move it hopes
    will stoke competition" ended "… routes move"."""
    remittances = _derived("bbc/business-084.txt")
    assert remittances.endswith("send record $16.6bn home"), remittances
    airlines = _derived("bbc/business-380.txt")
    assert airlines.endswith("to fly international routes"), airlines


def test_a_firm_named_twice_over_keeps_both_halves() -> None:
    """ "Pharmaceutical giant Johnson & Johnson has agreed to buy medical technology firm Guidant" (a BBC
    story, headline hidden) was headlined "Johnson agrees to buy …": a word coordinated with itself was
    taken for emphasis ("hers and hers alone")."""
    headline = _derived("bbc/business-300.txt")
    assert headline.startswith("Johnson & Johnson agrees to buy"), headline


def test_a_title_with_and_goes_whole() -> None:
    """ "Securities and Exchange Commission John Shad said he wanted Congress to write a better definition
    of insider trading" (a Reuters story, headline hidden) was headlined "And Exchange Shad wants …": the
    title went but the words coordinated inside it stayed."""
    shad = derive_headline(
        "Securities and Exchange Commission John Shad said he wanted Congress to write a better definition "
        "of insider trading. Shad spoke in Washington."
    )
    assert shad.startswith("Shad wants Congress"), shad


def test_what_the_subject_is_and_the_name_a_noun_gives_stay() -> None:
    """ "Veteran US television host Dick Clark is in hospital in Los Angeles after suffering a mild stroke"
    (a BBC story, headline hidden) was headlined "Clark after suffering stroke": where he is, the clause's
    news, went as detail. "… the career of the late legendary singer Ray Charles" lost "Ray Charles", a
    name in apposition without a comma, as an aside."""
    clark = _derived("bbc/entertainment-219.txt")
    assert clark.startswith("Clark in hospital"), clark
    museum = _derived("bbc/entertainment-344.txt")
    assert museum == "Museum dedicated to career of late singer Charles to open", museum


def test_a_hyphenated_name_is_one_word() -> None:
    """ "Rap star Jay-Z is to become a record company executive after being put in charge of …" (a BBC
    story, headline hidden) was headlined "Z to become company executive after being put": "Jay-" went
    as a first name, and a passive cut to fit was left without what it was put in."""
    headline = _derived("bbc/entertainment-117.txt")
    assert headline.startswith("Jay-Z to become"), headline
    assert not headline.endswith("being put"), headline
    slurry = derive_headline(
        "Former chat show host Robert Kilroy-Silk has had a bucket of slurry thrown over him by a protester "
        "in Manchester. He was unhurt."
    )
    assert slurry.startswith("Kilroy-Silk"), slurry


def test_the_words_a_phrase_cannot_stand_without_stay() -> None:
    """BBC stories, headline hidden: "… may not be able to vote in Edinburgh's transport referendum" ended
    "may not be able" (cutting the place took the verb along); "Lord Butler has criticised the way Tony
    Blair's government operates" was "Lord Butler criticises way"; "Deaths in custody have reached
    'shocking' levels" was "… reach levels"."""
    for name, expected in (
        ("bbc/politics-114.txt", "may not be able to vote"),
        ("bbc/politics-027.txt", "criticises way Tony Blair's government operates"),
        ("bbc/politics-214.txt", "reach shocking levels"),
    ):
        headline = _derived(name)
        assert headline.endswith(expected), headline
    # a light verb still goes with its phrase: never "Londoners get"
    assert _derived("bbc/tech-230.txt").endswith("get around city")


def test_a_verb_whose_silent_e_the_model_strips_keeps_it() -> None:
    """The small model lemmatises "coped" as "cop" and "hoped" as "hop": a BBC story (headline hidden)
    read "Body cops with growth in last 10 years", a Reuters one "… processors hop proposed EC tax"."""
    assert _derived("bbc/tech-366.txt").startswith("Body copes with growth"), _derived("bbc/tech-366.txt")
    assert " hope " in _derived("reuters/7037.txt")
    scrapes = derive_headline(
        "The government has scraped together enough money to pay its debts, officials said."
    )
    assert "scrapes" in scrapes, scrapes
    # a verb whose past doubles its consonant is left alone
    scraps = derive_headline(
        "The airline has scrapped plans for a new terminal at the airport, its chief said."
    )
    assert scraps.startswith("Airline scraps plans"), scraps


def test_a_claim_the_parse_cannot_read_is_not_headlined_by_its_source() -> None:
    """ "The UK Independence Party outspent both Labour and the Liberal Democrats in the European
    elections, new figures show" (a BBC story, headline hidden): the model reads "outspent" as a noun,
    and the headline was the attribution alone, "New figures show"."""
    headline = _derived("bbc/politics-304.txt")
    assert "outspent" in headline and "figures show" not in headline, headline
    sales = derive_headline(
        "Sales of new homes rose sharply in March, figures from the Commerce Department showed."
    )
    assert sales.startswith("Sales of new homes rise"), sales


def test_where_a_verb_puts_something_and_what_kind_of_year_stay() -> None:
    """BBC stories, headline hidden: "Titus Bramble's own goal put Liverpool on the comeback trail" read
    "… puts Liverpool" (the place a verb puts its object is what it says), and "set to have a big year"
    read "set to have year" (a year is news by what kind it is)."""
    for name, expected in (
        ("bbc/sport-269.txt", "puts Liverpool on comeback trail"),
        ("bbc/tech-222.txt", "set to have big year"),
        ("bbc/business-036.txt", "given extra year"),
    ):
        headline = _derived(name)
        assert expected in headline, headline


def test_a_claim_too_short_to_stand_alone_is_credited_to_its_speaker() -> None:
    """ "West German private banks, in the latest twist …, have said the holdings were falling" (a Reuters
    story, headline hidden; published "GERMAN BANKS SAY COMPANY HOLDINGS FALLING") was headlined "West
    German private banks", no verb: the claim alone, "holdings fall", was too short to stand."""
    headline = _derived("reuters/3188.txt")
    assert headline.startswith("West German private banks say holdings fall"), headline


def test_a_headline_never_ends_on_versus() -> None:
    # a Reuters dividend table line, headline hidden: "… for total 12.80 guilders vs 12.80 guilders for 1985"
    headline = _derived("reuters/2221.txt")
    assert not headline.endswith((" vs", " versus")), headline
    assert headline.endswith("12.80 guilders"), headline


def test_a_light_verbs_object_keeps_the_adjective_that_says_what_happened() -> None:
    """ "Police in Detroit made a gruesome discovery Tuesday" (a CNN story) was headlined "Police in
    Detroit make discovery"; "Rooney made a winning return to Everton" (BBC, headline hidden) "Rooney
    makes return to Everton": the story says "gruesome" and "winning" once, but without them the
    headline says nothing happened."""
    detroit = parse_text((SHARED_DATA / "news/cnn/d77deef90e81.txt").read_text()).headline
    assert detroit == "Police in Detroit make gruesome discovery", detroit
    assert "makes winning return" in _derived("bbc/sport-095.txt")
    # only the headline's own verb: a light verb deeper in the claim keeps the usual pruning
    bangemann = _derived("reuters/17119.txt")
    assert "growth would not have" in bangemann, bangemann


def test_an_object_goes_by_the_name_the_sentence_closes_on() -> None:
    """ "The match was being televised on one of the biggest sports networks in the world, ESPN" (a CNN
    story) was headlined "Match televised on one of biggest sports networks in world"."""
    espn = parse_text((SHARED_DATA / "news/cnn/a50425d6ca19.txt").read_text()).headline
    assert espn == "Match televised on ESPN", espn
    rival = derive_headline(
        "The company sold the unit to a longtime rival, Acme Corp, for 50 million dollars."
    )
    assert rival.startswith("Company sells unit to Acme"), rival
    # a name closing a noun inside the object names that noun, not the object
    ally = derive_headline(
        "The minister held talks on Tuesday with the top diplomat of its closest ally, John Kerry."
    )
    assert "diplomat" in ally and "of Kerry" not in ally, ally


def test_a_comparative_on_the_object_and_an_empty_there_stay() -> None:
    """Reuters stories, headline hidden: "The 24 nations of the OECD … face slower economic growth" was
    headlined "Nations of OECD face economic growth", the opposite of the news; "There will be no
    significant changes in U.S. agricultural policy" read "there to be no changes"."""
    assert "face slower economic growth" in _derived("reuters/3019.txt")
    dole = _derived("reuters/5920.txt")
    assert dole.startswith("Dole says there will be no changes"), dole


def test_a_speaker_standing_for_its_it_keeps_its_partner_and_shared_objects_stay() -> None:
    """ "SmithKline Beckman Corp said it and Boehringer Mannheim GmbH signed a final agreement to develop
    and market new cardiovascular medicines" (Reuters, headline hidden; published "SMITHKLINE, BOEHRINGER
    FINALIZE PACT") was headlined "SmithKline Beckman sign agreement to develop": the partner went with
    the "it", and "develop" lost the object it shares with "market"."""
    headline = _derived("reuters/17514.txt")
    assert headline.startswith("SmithKline Beckman and Boehringer Mannheim sign"), headline
    assert headline.endswith("to develop and market medicines"), headline
    # a verb with no object of its own to share keeps the usual pruning
    spying = _derived("bbc/tech-035.txt")
    assert spying.endswith("jailed on charges of spying"), spying


def test_a_clause_put_before_its_verbs_subject_is_the_news() -> None:
    """ "Authorities quickly identified the Boston bombing suspects, but almost immediately after …,
    investigators privately questioned if more people were involved" (a CNN story): the model hangs the
    first clause on "questioned", and the headline ran both together, "Authorities identified Boston
    bombing suspects investigators question"."""
    boston = parse_text((SHARED_DATA / "news/cnn/a23a3161cb1c.txt").read_text()).headline
    assert boston == "Authorities identify Boston bombing suspects", boston


def test_a_comparison_cut_to_fit_loses_a_modifier_not_its_sense() -> None:
    """ "Sigga Ella wanted to show that people with Down syndrome are more than a chromosomal
    abnormality" (a CNN story) was headlined "Ella wants to show people with Down syndrome", which says
    the opposite of the photographer's point: cutting "than …" to fit took "are more" along."""
    ella = parse_text((SHARED_DATA / "news/cnn/a490a5c5c4dc.txt").read_text()).headline
    assert ella.endswith("people with Down syndrome are more than abnormality"), ella


def test_a_name_and_what_it_is_make_a_headline() -> None:
    """ "Philippines finance minister Jaime Ongpin said he was cautiously optimistic an accord … would be
    reached" (Reuters, headline hidden; published "PHILIPPINES' ONGPIN OPTIMISTIC ON DEBT TALKS") fell back
    on the rule's cut of the whole sentence: two words, a name and its predicate, are a headline."""
    assert _derived("reuters/5294.txt") == "Ongpin optimistic"
    # a name and a verb of saying are not
    assert derive_headline("Smith said, according to reporters at the scene on Tuesday.") != "Smith says"


def test_a_scant_quantity_is_never_detail() -> None:
    """ "There is little chance Soviet exports to the United States will rise" (Reuters, headline hidden)
    was headlined "There is chance Soviet exports to U.S. will rise", the opposite of the story."""
    assert _derived("reuters/3553.txt").startswith("There is little chance Soviet exports")


def test_e_mail_is_read_as_one_word_and_written_as_the_story_writes_it() -> None:
    """The model splits "e-mails" in three: "Microsoft has entered the desktop search fray, releasing a test
    version of its tool to find documents, e-mails and other files" (BBC, headline hidden) was headlined
    "Microsoft enters desktop search fray -mails and other files"."""
    assert _derived("bbc/tech-237.txt") == "Microsoft enters desktop search fray"
    spam = _derived("bbc/tech-398.txt")
    assert spam.endswith("about spam e-mails"), spam
    with without_model():  # the rule's headline reads the story's own words: "e-mail" as it writes it
        rule = derive_headline(
            "Users continue to ignore security warnings about spam e-mails, a survey found."
        )
    assert rule.endswith("about spam e-mails"), rule


def test_a_scene_setting_that_gives_way_to_the_news_inside_it() -> None:
    """ "That's the message out of Indonesia, where national search and rescue chief Bambang Soelistyo
    announced that the main search-and-recovery operation surrounding … AirAsia Flight 8501 officially
    ended Tuesday" (a CNN story) was headlined "That's message out of Indonesia"."""
    airasia = parse_text((SHARED_DATA / "news/cnn/2bee84160c42.txt").read_text()).headline
    assert airasia.startswith("Soelistyo announces main search-and-recovery operation"), airasia
    assert "AirAsia Flight 8501" in airasia, airasia
    paris = derive_headline(
        "It was a day of celebration in Paris, where crowds cheered as the team paraded the trophy."
    )
    assert paris == "Crowds cheer as team parades trophy", paris
    # a clause that only says which thing is meant is no scene's news
    question = derive_headline(
        "It is the one question the committee must now answer before the vote in March."
    )
    assert not question.startswith("Committee"), question


def test_a_list_cut_to_fit_keeps_its_first_item_and_the_phrase_around_it() -> None:
    """ "Comdata Network Inc said it has entered into a letter of intent with a limited partnership managed
    by Welsh, Carson, Anderson and Stowe (WCAS) to merge …" (Reuters, headline hidden) was headlined
    "Comdata Network enters": cutting the list's last name took every phrase holding it along."""
    comdata = _derived("reuters/2080.txt")
    assert comdata.startswith("Comdata Network enters into letter of intent with partnership"), comdata
    nbc = _derived("reuters/12328.txt")
    assert nbc.endswith("to representatives of writers"), nbc  # not "of writers editors"


def test_an_each_left_without_its_sum_goes() -> None:
    """ "Martin T. Sosnoff said he has raised his offer for Caesars World Inc shares to 32 dlrs each from 28
    dlrs" (Reuters, headline hidden) was headlined "… for Caesars World shares each": the model takes
    "each" for an object, and cutting "to 32 dlrs" left it behind."""
    assert _derived("reuters/16216.txt") == "Sosnoff raises offer for Caesars World shares"


def test_an_inch_mark_opens_no_quotation() -> None:
    """A height (6'2") is no quotation mark: the sentence after it is the story's statement, not a quote."""
    headline = derive_headline(
        "Who is the 6'2\" forward everyone is talking about this week? Striker John Smith signed a new "
        "contract with Chelsea on Monday, the club said. He will stay until 2028."
    )
    assert headline.startswith("Smith signs new contract with Chelsea"), headline


def test_a_company_abbreviated_after_its_suffixes_and_ticker_goes_by_its_initials() -> None:
    """ "Australia's largest company, The Broken Hill Pty Co Ltd <BRKN.S> (BHP), is expected to report a net
    profit of around 600 mln …" (Reuters, headline hidden; published "BHP NET SEEN AROUND 600 MLN DLRS …")
    was headlined "Largest company expected to report …": the ticker and "Co Ltd" kept "BHP" from being
    read as the initials of "Broken Hill Pty"."""
    headline = _derived("reuters/9736.txt")
    assert headline.startswith("BHP expected to report net profit"), headline
    assert _derived("reuters/17475.txt").startswith("BAS concludes")  # "British Airport Services Ltd (BAS)"


def test_an_of_phrase_that_names_the_thing_stays_with_it() -> None:
    """ "Mitsui and Co said it signed a letter of intent with Security Pacific Corp …" (Reuters, headline
    hidden) was headlined "Mitsui and Co signs letter with Security Pacific": "of intent", said once,
    went as detail, and a letter is not a letter of intent."""
    headline = _derived("reuters/6725.txt")
    assert headline == "Mitsui signs letter of intent with Security Pacific", headline
    # cut to fit, the subject's detail goes before it: "special committee [of independent directors]
    # receives expressions of interest", not "… of directors receives expressions"
    assert _derived("reuters/8222.txt").endswith("special committee receives expressions of interest")


def test_a_wire_capitalised_and_reads_lower_case_in_a_headline() -> None:
    headline = _derived("reuters/5954.txt")
    assert headline == "Relations between U.S. and EC likely to get worse", headline


def test_a_company_goes_by_its_name_not_its_legal_suffix() -> None:
    """ "Harper and Row Publishers Inc said its special committee …" (Reuters, headline hidden) was headlined
    "Inc says special committee …": the parser hangs the name on "Inc", and the credit took that word
    alone. "Unilever Plc and NV" and "Goldman Sachs and Co" were written out whole; a descriptor before the
    name ("Media group John Fairfax Ltd") is no part of it."""
    assert _derived("reuters/8222.txt").startswith("Harper and Row Publishers says special committee")
    headline = _derived("reuters/14941.txt")
    assert headline.startswith("Unilever issues prospectus") and headline.endswith("Goldman Sachs"), headline
    assert _derived("reuters/7001.txt").startswith("John Fairfax says flat first half net profit")


def test_a_copulas_phrase_is_what_the_headline_says() -> None:
    """ "… said an offering of three mln shares of Advanced Micro Devices Inc depositary convertible
    exchangeable preferred shares is under way at 50 dlrs per share" (Reuters, headline hidden) was cut to
    fit as "Offering of three mln shares": "under way", all it says of the offering, went first."""
    assert _derived("reuters/9351.txt") == "Offering of three mln shares under way"


def test_what_ought_to_happen_is_credited_to_whoever_says_so() -> None:
    """ "U.S. Senate Republican leader Robert Dole said Congress should consider legislation …" (Reuters,
    headline hidden; published "DOLE SAYS 0/92 OPTION SHOULD BE CONSIDERED") was headlined "Congress should
    consider legislation", an opinion given as the bot's own; Mexico's call on the U.S. Justice Department
    too."""
    assert _derived("reuters/3847.txt").startswith("Dole says Congress should consider legislation")
    cnn = (SHARED_DATA / "news/cnn/42029f8c8d74.txt").read_text(encoding="utf-8")
    headline = derive_headline(parse_text(cnn).body)
    assert headline == "Foreign Ministry says U.S. Justice Department should step in", headline
    # credited to a speaker the story does not name too, described from its name on: "[senior] U.S. …"
    assert _derived("bbc/politics-016.txt") == "Committee says national body should be set up"
    headline = derive_headline("A senior U.S. trade official said Japan should open its markets to rice.")
    assert headline == "U.S. trade official says Japan should open markets to rice", headline


def test_the_us_is_no_pronoun_a_headline_cannot_end_on() -> None:
    """ "Sony's PlayStation Portable goes on sale in US" lost "in US" for "us", an object pronoun; where the
    headline names the US already, a closing "in US" says nothing."""
    assert _derived("bbc/tech-363.txt").endswith("goes on sale in US")
    assert _derived("bbc/business-045.txt") == "US crude prices soar to fresh four-month highs above $53"


def test_a_he_or_she_who_said_it_is_credited_by_the_name_the_sentence_gives() -> None:
    """ "As pressure mounted on British Prime Minister Margaret Thatcher to call a June election, she said
    today that the decision on when to go to the county was hers" (Reuters, headline hidden) was headlined
    "Decision on when to go to county is hers": whose decision it is was lost with the pronoun."""
    assert _derived("reuters/14030.txt").startswith("Thatcher says decision on when to go")
    # one person named before "he" is who said it; with two, whose word it is cannot be told
    said = "in Geneva, he said that the agreement would be signed next week by both sides."
    headline = derive_headline(f"After Smith met the delegation {said}")
    assert headline == "Smith says agreement would be signed by both sides", headline
    headline = derive_headline(f"After Smith met Jones {said}")
    assert not headline.startswith(("Smith", "Jones")), headline


def test_what_a_subject_is_and_a_time_keep_the_words_that_say_them() -> None:
    """A word the story says once is detail, but not the one that says what the subject is ("Writing a
    Microsoft Word document can be a dangerous business", BBC, headline hidden: it was "… can be
    business") nor what kind of time ("enjoying a boom time in sales": it was "enjoy time in sales")."""
    assert _derived("bbc/tech-086.txt") == "Writing Microsoft Word document can be dangerous business"
    assert "enjoy boom time in sales" in _derived("bbc/tech-064.txt")
    # what "there is" says is the thing there is, not how good a chance: the claim stays whole
    assert _derived("reuters/8963.txt").endswith("U.S. and Latin America will agree reforms")


def test_what_a_speaker_says_of_a_person_in_quoted_words_is_credited_to_the_speaker() -> None:
    """ "Israeli Prime Minister Benjamin Netanyahu and his supporters are trying to create 'an atmosphere of
    hysteria' and 'fear-mongering,' the Iranian foreign minister said Thursday" (CNN) was headlined as the
    bot's own charge; a show's name in quotation marks ("Top Gear") is no one's words."""
    cnn = (SHARED_DATA / "news/cnn/67f096e2fb4c.txt").read_text(encoding="utf-8")
    headline = derive_headline(parse_text(cnn).body)
    assert headline.startswith("Iranian foreign minister says Netanyahu"), headline
    charge = 'Senator Jane Doe is running "a campaign of lies and fear," her rival said on Monday.'
    assert derive_headline(charge).startswith("Rival says"), derive_headline(charge)
    show = (SHARED_DATA / "news/cnn/8fe92cd7737e.txt").read_text(encoding="utf-8")
    headline = derive_headline(parse_text(show).body)
    assert headline.startswith("Clarkson won't have contract renewed"), headline


def test_a_headline_never_opens_with_the_tail_of_a_contraction() -> None:
    """ "It's a bold pledge, some might say" came out as "'s bold pledge some": the compression cut "It"
    and left its "'s". Such a reading is no headline; the next one is taken."""
    body = (
        '"I will come to Tunisia." It\'s a bold pledge, some might say. But people across the globe are '
        "making it, in a social media campaign after the attack on the Bardo museum in Tunis. The campaign "
        "asks tourists to return to Tunisia."
    )
    headline = derive_headline(body)
    assert headline and headline[0].isalpha(), headline
    assert "pledge" in headline, headline


def test_what_an_aside_says_goes_with_the_aside() -> None:
    """The parse hangs "ever to make landfall", the end of the aside ", one of the most powerful storms ever
    to make landfall,", on "fury": the headline read "Fury of Tropical Cyclone Pam to make landfall moves
    on"."""
    body = (
        "The fury of Tropical Cyclone Pam, one of the most powerful storms ever to make landfall, has moved "
        "on, but the misery it left behind in the islands of Vanuatu is just starting to become apparent. "
        "Aid workers said the cyclone destroyed homes across the islands."
    )
    headline = derive_headline(body)
    assert "Pam" in headline and "landfall" not in headline, headline


def test_the_clause_kept_reads_as_a_statement_whose_verb_agrees() -> None:
    """ "When prosecuting attorneys begins closing arguments" (cnn-val/62e1b6b42dac) kept the clause's
    "When" and read "prosecuting" as a gerund subject; "Holly and I has long history" took one of two
    subjects. The clause is a statement and its verb agrees with who acts; "As many as 13" keeps its
    "As"."""
    trial = derive_headline(
        "When prosecuting attorneys began their closing arguments in the terrorism trial of an accused al "
        "Qaeda operative on Monday morning, they spoke of blood. The jury began deliberations Tuesday."
    )
    assert trial.startswith("Prosecuting attorneys begin closing arguments"), trial
    holly = derive_headline("By this time, Buddy Holly and I had had a pretty long history together.")
    assert "Holly and I have" in holly, holly
    nusra = derive_headline(
        "As many as 13 senior leaders of al-Nusra Front were killed in an airstrike on Thursday, "
        "officials said."
    )
    assert nusra.startswith("As many as 13"), nusra


def test_i_takes_am_in_the_present() -> None:
    """ "I am a friendly, hard-working Ohio native" (a CNN opinion piece) was headlined "I are friendly
    hard-working Ohio native": "I" takes "am", and "have" as "we" do; a third person is unchanged."""
    assert derive_headline("I am a retired teacher from the small river town of Velmora.").startswith("I am ")
    assert derive_headline("I was not happy with the council's decision on the river plan.").startswith(
        "I am not happy"
    )
    assert derive_headline("Dana Lark was a teacher in the small river town of Velmora.").startswith(
        "Lark is"
    )


def test_no_longer_stays_so_the_headline_does_not_say_the_opposite() -> None:
    """ "Employers will no longer be able to force workers to retire before 65" (BBC, headline hidden) was
    headlined "Employers to be able to force workers to retire before 65": "no longer" went as a lone
    adverb before the verb, then as detail said once, and the future became "to". A negation inside an
    adverb stays wherever it stands, and keeps the tense a negated clause keeps."""
    assert _derived("bbc/business-382.txt").startswith("Employers will no longer be able to force")
    firm = derive_headline(
        "The Velmora Pottery Company no longer makes its plates in Britain, its chief said."
    )
    assert firm.startswith("Velmora Pottery Company no longer makes"), firm
    lender = derive_headline(
        "The Velmora savings bank said on Monday it would no longer lend to dairy farmers."
    )
    assert "would no longer lend" in lender, lender
    path = derive_headline(
        "The old cliff path above Velmora will no longer be closed to walkers next summer."
    )
    assert "will no longer be closed" in path, path


def test_a_question_the_story_asks_is_not_stated_as_fact() -> None:
    """ "Dzhokhar Tsarnaev's own words may determine whether he lives" (CNN validation) was headlined
    "… may determine he lives", and "has yet to decide" read "has to decide": the headline stated what the
    story only asks. "Whether" and "if" opening a clause stay, and "yet to" is a negation."""
    board = derive_headline("The board will decide on Monday whether the Velmora plant should close.")
    assert "decide whether Velmora plant should close" in board, board
    investors = derive_headline("Investors are waiting to see if the Velmora central bank raises rates.")
    assert "to see if Velmora central bank raises rates" in investors, investors
    motors = derive_headline("Velmora Motors has yet to decide whether to close its plant in Leeds.")
    assert motors.startswith("Velmora Motors has yet to decide whether to close"), motors
    police = derive_headline("Police in Velmora have yet to identify the gunman who opened fire on Sunday.")
    assert "have yet to identify gunman" in police, police


def test_a_lists_commas_stay_and_a_parted_contraction_is_spelled_out() -> None:
    """ "Ebola outbreak ravaging Guinea Liberia and Sierra Leone", "has long troubled history" and "Levi
    Pettit 's sorry" (CNN validation, of "says he's deeply sorry"): the commas between a list's items or two
    adjectives went with the other punctuation, and the "'s" stayed when "he" became the speaker's name."""
    assert "ravaging Velmora, Tarsk and Ostrava" in derive_headline(
        "The outbreak ravaging Velmora, Tarsk and Ostrava is a year old."
    )
    history = derive_headline(
        "The man suspected of the knife attack on the Velmora mayor has a long, troubled history."
    )
    assert history.endswith("has long, troubled history"), history
    car = derive_headline("Velmora Motors unveils a new, low-cost electric car for city drivers.")
    assert "unveils new, low-cost electric car" in car, car
    sorry = derive_headline(
        'Dana Lark, who was fired from the Velmora council for a racist remark, says she\'s "deeply sorry."'
    )
    assert sorry == "Lark is sorry", sorry
    rebels = derive_headline(
        "Velmora rebels say they've captured key towns in their offensive to take back the port of Tarsk."
    )
    assert rebels.startswith("Velmora rebels capture key towns"), rebels
    # a comma left where an aside was cut stays out: never between a subject and its verb
    pottery = derive_headline("Velmora Pottery Company, the plate maker, said it will close its plant.")
    assert "," not in pottery, pottery


def test_a_particle_after_a_pronoun_object_ends_the_headline() -> None:
    """ "… blew himself up after a standoff" and "… has turned himself in to police" (CNN validation)
    were headlined "… blows himself" and "… turns himself": the particle, cut as a dangling "up" or "in",
    is the verb's own."""
    blew = derive_headline(
        "A sixth suspect blew himself up after a standoff with police in the capital of Velmora."
    )
    assert blew.endswith("blows himself up"), blew
    turned = derive_headline(
        "A man suspected of killing two people during a street race has turned himself in to Velmora police."
    )
    assert turned.endswith("turns himself in"), turned


def test_a_headline_does_not_end_on_a_word_a_stripped_colon_left_hanging() -> None:
    """ "President George Washington called for the creation of: . "...a National University" (CNN
    validation) was headlined "Washington calls for creation of": the colon hid the dangling "of"."""
    call = derive_headline(
        'In 1796, in his final address, Mayor Dana Lark called for the creation of: . "...a Velmora Museum.'
    )
    assert not call.endswith(" of"), call


def test_an_adverb_saying_where_the_verb_takes_its_subject_stays() -> None:
    """A lone adverb goes from a headline ("sharply", "widely"), but "ran aground", "step aside" and "fell
    overboard" say what happened: without it "Party leader to step after election defeat" says nothing
    and "Ferry runs near port" something else."""
    ferry = derive_headline(
        "A Velmora ferry carrying 300 passengers ran aground near the port of Tarsk on Sunday."
    )
    assert "runs aground" in ferry, ferry
    leader = derive_headline("The Velmora party leader will step aside after the election defeat.")
    assert "step aside" in leader, leader
    sailors = derive_headline("Two Velmora sailors fell overboard during a storm in the North Sea.")
    assert "fall overboard" in sailors, sailors


def test_how_much_of_a_thing_stays() -> None:
    """ "Half", "twice" and the like say how much: "cut half its workforce" was headlined "cut workforce"
    and "Twice as many people voted" "As many people vote"; "Bale scored twice" (CNN validation) lost its
    "twice"."""
    airways = derive_headline("Velmora Airways will cut half its workforce as it closes its Tarsk hub.")
    assert "cut half its workforce" in airways, airways
    voters = derive_headline("Twice as many people voted in the Velmora election as in 2010.")
    assert voters.startswith("Twice as many people vote"), voters


def test_a_passive_keeps_who_did_it_by_name() -> None:
    """ "Tarsk were beaten 3-1 by Velmora in the qualifier" was headlined "Tarsk beaten 3-1": the score took
    the one phrase a headline keeps after its verb, and the winner went. A named doer is part of the
    statement, not an extra phrase."""
    beaten = derive_headline("Tarsk were beaten 3-1 by Velmora in the World Cup qualifier on Saturday.")
    assert beaten == "Tarsk beaten 3-1 by Velmora", beaten


def test_a_numeral_after_a_name_is_no_surname_alone() -> None:
    """ "Richard III … has been reburied" and "Bob Jones III has apologized" (CNN validation) were
    headlined "III reburied …" and "III apologizes", "Robert Downey Jr." "Jr.": a name goes by its
    surname, and the numeral or "Jr." stays with it."""
    tarsk = derive_headline(
        "Three and a half decades after calling for protesters to be jailed, former Velmora University "
        "President Bob Tarsk III has apologized."
    )
    assert tarsk == "Tarsk III apologizes", tarsk
    lark = derive_headline("Velmora civil rights leader Dana Lark Jr. has died at the age of 90.")
    assert lark.startswith("Lark Jr. dies"), lark


def test_the_reader_told_what_to_do_is_not_the_news() -> None:
    """ "About to have a baby? Congratulations! Now, please keep your feet on the ground. A passenger on a
    US Airways flight … had to make a stop" (CNN validation) was headlined "Now": an imperative after an
    opening adverb is the writer talking to the reader, as one opening the sentence is."""
    story = (
        "About to have a baby? Congratulations! Now, please keep your feet on the ground. A passenger on a "
        "Velmora Air flight from Tarsk to Ostrava had to make a stop in Brel when she went into labor on "
        "Tuesday, according to a local newspaper. The baby waited until her mother had landed to arrive."
    )
    assert derive_headline(story).startswith("Passenger on Velmora Air flight"), derive_headline(story)


def test_is_missing_is_a_state_not_an_act() -> None:
    """ "A Canadian pastor is missing after going on a trip to North Korea" (CNN validation) was headlined
    "Canadian pastor misses …": the present of "is visiting" is "visits", but "is missing" is a state."""
    pastor = derive_headline(
        "A Velmora pastor is missing after going on a trip to Tarsk in late January, his family says."
    )
    assert pastor.startswith("Velmora pastor missing after"), pastor
    leader = derive_headline("The Velmora leader is dying of cancer, his family said.")
    assert leader.startswith("Velmora leader dying"), leader
    assert derive_headline("The Velmora leader is visiting Tarsk this week.") == "Velmora leader visits Tarsk"


def test_a_participle_describing_the_subject_is_not_its_verb() -> None:
    """ "The bodies of four Italian tourists slain in a terror attack … arrived back in Italy" (CNN
    validation) was headlined "Bodies of four Italian tourists slay": the small model takes "slain" for the
    verb and "arrived" for a conjunct joined by no "and". The conjunct is the predicate, and agrees with
    the subject."""
    bodies = derive_headline(
        "The bodies of four Velmora tourists slain in a terror attack on Tarsk's national museum three days "
        "ago arrived back in Velmora on Saturday, an official said."
    )
    assert bodies.startswith("Bodies of four Velmora tourists arrive"), bodies


def test_at_least_a_score_and_a_joined_verb_read_whole() -> None:
    """From CNN validation stories: "At least six people have died" was headlined "Least six people die";
    "the Blues beat West Ham 1-0 … to maintain a five-point lead" left "continues -0 to maintain …" once the
    clause with the "1" went; "co-pilot Andreas Lubitz" left "co- Lubitz"; "embraced and promised"
    became "embrace and promised"; "their youth, their energy" lost its commas with its possessives."""
    died = derive_headline("At least six people have died after a factory roof collapsed in Velmora.")
    assert died.startswith("At least six people die"), died
    week = derive_headline(
        "Velmora's good week continued when the Blues beat Tarsk 1-0 in the league to maintain a five-point "
        "lead over Ostrava."
    )
    assert "0" not in week.replace("five-point", ""), week
    pilot = derive_headline(
        "On the surface, Velmora Air co-pilot Dana Lark seemed, in the words of those who had known her, "
        "normal, capable, even fun."
    )
    assert "co- " not in pilot, pilot
    vote = derive_headline(
        "Months before the Velmora elections, both main candidates embraced and promised a peaceful vote."
    )
    assert "embrace and promise" in vote, vote
    gave = derive_headline(
        "The Velmora volunteers gave their time, their money and their skills to rebuild the old school."
    )
    assert "time, money and skills" in gave, gave


def test_how_many_a_doubled_word_and_a_bracket_inside_a_word_read_right() -> None:
    """From CNN validation stories: "Hundreds of thousands of protesters" was headlined "Of thousands of
    protesters" in a story long enough to tell detail from subject ("hundreds" said once);
    "Mexican wrestling wrestling", the story's own slip, stayed doubled; "a hard(ish) day's work" lost
    its closing bracket."""
    filler = " ".join(["The rally in Velmora was peaceful, organisers said on Sunday evening."] * 12)
    crowd = derive_headline(
        f"Hundreds of thousands of protesters gathered across Velmora on Sunday to demand a vote. {filler}"
    )
    assert crowd.startswith("Hundreds of thousands"), crowd
    wrestling = derive_headline(
        "The world of Velmora wrestling wrestling has been shaken by the death of star fighter Dana Lark."
    )
    assert "wrestling wrestling" not in wrestling, wrestling
    work = derive_headline("A Velmora banker goes back to his hotel after a hard(ish) day's work on Friday.")
    assert "hard(ish) day's work" in work, work


def _validation_story(prefix: str) -> str:
    """A story of the CNN/Daily Mail validation file (the file headlines are tuned on), by its id."""
    for line in (SHARED_DATA / "cnndm-val-1000.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"].startswith(prefix):
            return str(row["article"])
    raise LookupError(prefix)


def test_detail_never_leaves_a_verb_with_nothing_to_say() -> None:
    """ "… the likely GOP presidential hopeful did better than expected" was headlined "Likely GOP
    presidential hopeful does": "better", said once, went as detail and left "does" saying nothing, as
    "get" or "seem" would. "Do" is such a verb too, and so is a participle describing a noun ("video
    obtained [from Channel 4]")."""
    assert derive_headline(_validation_story("dbebac9ba77c")).endswith("does better")
    assert derive_headline(_validation_story("1e77252d56cb")).endswith("video obtained from Channel 4")


def test_a_list_of_people_keeps_its_commas_when_first_names_go() -> None:
    """ "Stars including Spike Lee, Burt Reynolds and Oscar nominee Don Cheadle" (BBC, headline hidden) was
    headlined "Stars including Lee Reynolds and nominee …": one person, where the story names two."""
    stars = _derived("bbc/entertainment-043.txt")
    assert re.search(r"Lee, (?:Burt )?Reynolds and", stars), stars


def test_a_headline_does_not_end_on_a_verb_whose_object_was_cut() -> None:
    """ "CNN Student News puts some stamps on its passport in taking you to Russia, Israel, Syria and the
    Silk Road" (CNN validation) was headlined "… on passport in taking"."""
    assert derive_headline(_validation_story("de6158159fa9")).endswith("puts some stamps on passport")


def test_a_predicate_noun_with_an_infinitive_is_no_is_to() -> None:
    """ "Boris Nemtsov isn't the first critic of President Vladimir Putin to turn up dead" (CNN
    validation) was headlined "Nemtsov n't first critic …": "is … to turn up" was read as "X is to buy Y",
    which a headline writes "X to buy Y", and the verb went. The infinitive is the critic's."""
    lark = derive_headline("Dana Lark wasn't the first critic of the Velmora government to turn up dead.")
    assert lark.startswith("Lark isn't first critic"), lark
    assert derive_headline("Velmora Motors is to buy its rival Tarsk Cars for 2 billion euros.").startswith(
        "Velmora Motors to buy rival Tarsk Cars"
    )


def test_a_credit_keeps_a_peoples_capital_and_a_contracted_have_goes_with_its_tense() -> None:
    """ "Turkish officials detained 16 Indonesian citizens …, the Indonesian foreign ministry said" (CNN
    validation) was headlined "Foreign ministry says turkish officials …" (Reuters: "japanese", "french",
    "australian"); "I've dressed up in costume" was "I've dress up": the tense dropped "have", not "'ve"."""
    turkish = derive_headline(
        "Turkish officials detained 16 Velmoran citizens trying to cross the border, the Velmora foreign "
        "ministry said."
    )
    assert "says Turkish officials detain" in turkish, turkish
    costume = derive_headline(
        "I've dressed up in costume on Halloween every year since I was a child in Velmora."
    )
    assert costume.startswith("I dress up in costume"), costume


def test_some_of_many_is_plural_and_how_near_is_no_detail() -> None:
    """ "Some of the fraternity brothers … have received threats" (CNN validation) was headlined "Some of
    fraternity brothers … receives threats"; "Two Australians … appear to be just days away from
    execution" read "appear to be away from execution", the opposite, once "days", said once, went as
    detail."""
    some = derive_headline(
        "Some of the Velmora fraternity brothers have received threats since the video emerged."
    )
    assert "brothers receive threats" in some, some
    assert "days away" in derive_headline(_validation_story("a3455fb9c4a6"))


def test_what_completes_a_pronoun_object_stays() -> None:
    """ "A terror plot suspect's desire to talk to local media put him at odds with his attorneys" (CNN
    validation) was headlined "… puts him", and "Australia's transport safety chief has always described
    himself as a pessimist" "… describes himself": a pronoun object says little alone, and the phrase
    after it went to the word budget or as detail. A phrasal verb is whole without it."""
    odds = derive_headline(
        "In an unusual turn of events last week, a Velmora bomb plot suspect's desire to talk to local media "
        "put him at odds with his attorneys and landed a Tarsk television station in federal court."
    )
    assert odds.endswith("puts him at odds"), odds
    assert derive_headline(_validation_story("9be7065264ea")).endswith("describes himself as pessimist")
    lark = derive_headline(
        "Dana Lark turned herself in to Velmora police on Monday, three days after the shooting."
    )
    assert lark.startswith("Lark turns herself in"), lark


def test_words_a_phrase_needs_stay_and_a_cut_one_takes_its_adverb() -> None:
    """From CNN validation stories: "who was behind it" lost its "it" as a word no headline ends on;
    "some heat of their own" its "their" as a possessive; "is a year old" its "a year" as a time phrase;
    "looks like something any teenaged girl might make" the clause that says what the something is."""
    behind = derive_headline(
        "As Velmora digests the shock of the murder of opposition leader Dana Lark in front of parliament on "
        "Friday, everybody is trying to determine who was behind it."
    )
    assert behind.endswith("who was behind it"), behind
    heat = derive_headline(
        "Velmora Democrats who have gleefully watched Republican infighting for years are about to feel some "
        "heat of their own."
    )
    assert heat.endswith("heat of their own"), heat
    fever = derive_headline(
        "The Velmora fever outbreak, ravaging primarily Tarsk and Brel, is a year old today."
    )
    assert fever.endswith("a year old"), fever
    checklist = derive_headline(
        "The handwritten checklist looks like something any teenaged girl might make ahead of a vacation "
        "trip to Velmora: makeup, bras, boots."
    )
    assert checklist.endswith("looks like something any teenaged girl might make"), checklist


def test_a_verb_agrees_with_the_speaker_named_for_its_pronoun() -> None:
    """ "U.S. Secretary of State John Kerry said Saturday that "we need to close ... gaps" with Iran" (CNN
    validation) was headlined "Kerry need to close gaps with Iran": the speaker took the place of "we", and
    the verb kept agreeing with "we"."""
    needs = derive_headline(
        'Velmora leader Dana Lark said Saturday that "we need to close the gaps" with Tarsk in talks about '
        "its nuclear program."
    )
    assert needs.startswith("Lark needs to close gaps"), needs
    agrees = derive_headline("Velmora leader Dana Lark said Saturday that we have agreed to close the gaps.")
    assert agrees.startswith("Lark agrees to close gaps"), agrees
    officials = derive_headline("Velmora officials said on Saturday that they need more time.")
    assert officials.startswith("Velmora officials need more time"), officials


def test_a_negation_left_without_its_verb_is_spelled_out() -> None:
    """ "Co-pilot Andreas Lubitz's voice isn't heard in a recording …" (CNN validation) was headlined
    "Co-pilot Lubitz's voice n't heard": the tense drops the "is" of a passive, and left its "n't"."""
    voice = derive_headline(
        "The co-pilot's voice isn't heard in a recording of the final moments of Velmora Flight 9525."
    )
    assert voice.startswith("Co-pilot's voice not heard"), voice


def test_a_phrase_between_commas_is_an_aside() -> None:
    """ "Music downloading, for those that have rejected the free peer to peer services, can be a costly
    business" (BBC, headline hidden) was headlined "Music downloading for those can be costly business":
    the relative clause went and left the rest of the aside."""
    costly = derive_headline(
        "Music streaming, for those that have rejected the free Velmora services, can be a costly business."
    )
    assert costly == "Music streaming can be costly business", costly


def test_a_milestone_keeps_its_count_and_an_adjective_its_complement() -> None:
    """ "Cristiano Ronaldo reached 30 La Liga goals for the season" (CNN validation) was headlined
    "Ronaldo reaches La Liga goals": a count of what is reached is the news. "Carolina Kluft is full of
    admiration for Sotherton" (BBC, headline hidden) was "Carolina Kluft full for Sotherton": "of
    admiration", said once, went as detail and left "full" meaning nothing."""
    goals = derive_headline(
        "Dana Lark reached 100 league goals for Velmora on Sunday but could not prevent a draw with Tarsk."
    )
    assert goals.startswith("Lark reaches 100 league goals"), goals
    story = (
        "Velmora sprinter Dana Lark is full of admiration for her rival Kim Tarsk after the indoor meeting. "
        "Lark finished second in the 60 metres behind Tarsk, who set a season's best time in the final. "
        "The two will meet again at the European championships in Brel next month, where Lark hopes to win a "
        "medal. Tarsk has won every race she has entered this winter and is the favourite for the title in "
        "Brel. Lark said she had learned a great deal from racing against Tarsk over the past two seasons."
    )
    assert derive_headline(story).startswith("Lark full of admiration"), derive_headline(story)


def test_a_participle_describing_a_noun_goes_with_its_phrase() -> None:
    """ "… to cover the presidential election and the violence leading up to the vote" (CNN validation)
    was headlined "Journalists flock to cover election and violence leading" once the budget cut "up to
    the vote"."""
    flock = derive_headline(_validation_story("7f8c2b9c6f75"))
    assert flock == "Journalists flock to cover election and violence", flock


def test_an_imperative_after_but_or_a_condition_is_not_the_news() -> None:
    """ "But don't try to use it inside the museum" and "But if you can't stand another day of toe-numbing
    temperatures, start thinking about an escape …" (CNN validation) were headlines: the writer telling
    the reader what to do, which the key sentence skips as it skips "Now, please keep your feet on the
    ground"."""
    museum = derive_headline(
        "Love your selfie stick? But don't try to use it inside the Velmora museum. The Velmora National "
        "Gallery has become the latest museum to ban the sticks, officials said on Tuesday."
    )
    assert museum.startswith("Velmora National Gallery becomes latest museum"), museum
    beaches = derive_headline(
        "But if you can't stand another day of freezing temperatures in Velmora, start thinking about an "
        "escape to the beach. Tarsk Travel has named its winners of the best beaches awards, the site said "
        "on Tuesday."
    )
    assert beaches.startswith("Tarsk Travel names winners"), beaches


def test_a_few_is_not_few() -> None:
    """ "Gene Simmons always looked a little scary" (CNN validation) was headlined "Simmons looks little
    scary", and "A lot of people have ventured to Paraguay" "Lot ventures to Paraguay": the article of "a
    few", "a little" and "a lot" is part of how much, and without it "few" and "little" say the
    opposite."""
    few = derive_headline("A few protesters gathered outside the Velmora parliament on Monday.")
    assert few.startswith("A few protesters gather"), few
    money = derive_headline("Velmora has a little money left for the new hospital, the minister said.")
    assert "has a little money" in money, money
    lot = derive_headline("A lot of Velmora voters stayed at home on Sunday.")
    assert lot.startswith("A lot of Velmora voters stay"), lot
    with without_model():  # the rule's headline keeps it too
        hurt = derive_headline("A few police officers were hurt outside the Velmora parliament on Monday.")
    assert hurt.startswith("A few police officers"), hurt


def test_what_nearly_happened_did_not_happen() -> None:
    """ "Texas is nearly out of lethal injection drugs" (CNN, in the corpus) was headlined "Texas out of
    lethal injection drug": "nearly" went as a loose adverb, and the headline said what had not happened
    yet; "nearly died" became "dies"."""
    climber = derive_headline("The Velmora climber nearly died on the mountain last week.")
    assert climber.startswith("Velmora climber nearly dies"), climber
    recession = derive_headline(
        "Velmora almost certainly faces a recession next year, the central bank said."
    )
    assert "almost certainly faces recession" in recession, recession


def test_an_intention_overtaken_stays_in_the_past() -> None:
    """ "Velmora had hoped to win the bid" says the hope is over: "Velmora hopes to win bid" would say the
    opposite. A perfect that still holds takes the present as before."""
    hoped = derive_headline("Velmora had hoped to win the bid for the games, officials said on Monday.")
    assert hoped.startswith("Velmora had hoped to win bid"), hoped
    assert derive_headline("Velmora has planned to cut taxes.").startswith("Velmora plans to cut taxes")


def test_a_score_keeps_whom_it_was_against_and_half_of_many_is_plural() -> None:
    """ "Velmora lost 3-0 to Tarsk in the final" was headlined "Velmora loses 3-0": the score took the one
    phrase a headline keeps after its verb, as the named doer of a passive once did. "Less than half of
    Velmora voters turned out" was "… turns out"."""
    lost = derive_headline("Velmora lost 3-0 to Tarsk in the final on Sunday.")
    assert lost == "Velmora loses 3-0 to Tarsk", lost
    half = derive_headline("Less than half of Velmora voters turned out on Sunday.")
    assert half.startswith("Less than half of Velmora voters turn out"), half


def test_too_and_a_comparison_stay() -> None:
    """ "The report … could not be more clear" (CNN validation) was headlined "… could not be clear", and
    "America may be growing less hateful" "America may be growing hateful": the opposite, once the
    comparison went as a loose adverb; "too close to call" would read "close to call"."""
    vote = derive_headline("The Velmora vote was too close to call on Sunday night.")
    assert vote.startswith("Velmora vote too close to call"), vote
    economy = derive_headline(
        "Velmora's economy grew more slowly than expected in the first quarter, official figures showed."
    )
    assert economy.startswith("Velmora's economy grows more slowly"), economy
    assert "could not be more clear" in derive_headline(_validation_story("2d48fbf53690"))


def test_an_allegation_is_not_stated_as_fact() -> None:
    """ "Jeremy Clarkson was suspended for allegedly hitting a producer" (CNN, in the corpus) was headlined
    "Clarkson suspended for hitting producer": "allegedly" went as a loose adverb, and the headline stated
    the allegation as fact. "wrongly accused", "rarely wins" and "reportedly plans" say as much."""
    bribed = derive_headline("Velmora allegedly bribed officials in Tarsk, prosecutors said.")
    assert "allegedly bribes officials" in bribed, bribed
    accused = derive_headline("The Velmora minister was wrongly accused of fraud.")
    assert accused.startswith("Velmora minister wrongly accused"), accused
    rarely = derive_headline("Velmora rarely wins away games in the league.")
    assert rarely.startswith("Velmora rarely wins"), rarely


def test_a_pronoun_that_cannot_be_the_speaker_is_not_replaced_by_the_speaker() -> None:
    """ "Officials said he was arrested" was headlined "Officials arrested" and "Marine experts say it's a
    good reminder" (CNN validation) "Marine experts is good reminder": the claim's pronoun was taken for
    its speaker. A plural of common nouns is no "he", "she" or "it", and a person is no "it": the claim
    is given as the speaker's, in its own words. A pronoun that can be the speaker still is."""
    arrested = derive_headline(
        "Velmora police officials said on Tuesday he was arrested at the border after a long chase."
    )
    assert arrested.startswith("Velmora police officials say he was arrested"), arrested
    reminder = derive_headline(
        "Marine experts in Velmora say it is a good reminder to look after belongings."
    )
    assert reminder.startswith("Marine experts say it is good reminder"), reminder
    years = derive_headline(
        "Dana Lark said on Monday it will take years to rebuild the bridge over the river."
    )
    assert years.startswith("Lark says it will take years to rebuild bridge"), years
    # the speaker's own pronoun
    resign = derive_headline(
        "Dana Lark said on Monday she will resign as mayor of Velmora after the scandal."
    )
    assert resign.startswith("Lark to resign as mayor"), resign
    explore = derive_headline("Velmora Mining Corp said on Monday it will explore for gold in the hills.")
    assert explore.startswith("Velmora Mining to explore for gold"), explore


def test_it_ends_a_headline_as_the_object_of_its_verb() -> None:
    """ "Bill Richard knew his son wasn't going to make it" (CNN validation) was headlined "… wasn't going
    to make": the "it" went as a dangling pronoun, and the verb was left without its object."""
    made = derive_headline("Dana Lark knew her team in Velmora was not going to make it.")
    assert made.endswith("was not going to make it"), made


def test_the_statement_after_a_frame_and_a_colon_is_the_headline() -> None:
    """ "The news was stunning to hear: A young woman … was charged with involuntary manslaughter" (CNN
    validation) was headlined "News stunning to hear". A frame naming no one is passed over for the
    statement after its colon; a frame that names someone, or what follows the colon being no statement
    of its own, keeps the sentence as it was."""
    charged = derive_headline(
        "The news was stunning to hear: A young Velmora woman was charged with fraud for selling fake "
        "tickets to the final."
    )
    assert charged.startswith("Young Velmora woman charged with fraud"), charged
    message = derive_headline(
        "Dana Lark had a simple message for the council: Velmora must act now on housing."
    )
    assert message.startswith("Lark has simple message"), message
    lesson = derive_headline(
        "A Velmora man learned a valuable lesson this week: Never taunt the police online."
    )
    assert lesson.startswith("Velmora man learns valuable lesson"), lesson
    # an infinitive the parser made the root is no statement: "Republicans … use against Lark" would say
    # the opposite of what the sentence does
    leak = derive_headline(
        "Step one: Republicans, with nothing in their arsenal to use against Dana Lark, selectively leak to "
        "reporters a tidbit."
    )
    assert not leak.startswith("Republicans"), leak


def test_a_pronoun_inside_a_headline_is_not_capitalised() -> None:
    """ "take note: You are probably endangering your hearing" (CNN validation) was headlined "Take note You
    probably endanger hearing": the capital that opened the clause after the colon stayed inside the
    headline."""
    deal = derive_headline(
        "Dana Lark, the younger sister of the Velmora mayor, has reached a plea deal: She would admit guilt "
        "to assault in exchange for a felony charge being dropped, court papers say."
    )
    assert "she would admit guilt" in deal and "She" not in deal, deal


def test_a_phrasal_verbs_particle_is_no_detail() -> None:
    """ "AMC is moving forward with its companion series" (CNN validation) was headlined "AMC moves with …
    series", and a Reuters story's "plans to go ahead with a package" "plans to go with …": the story never
    said "forward" or "ahead" again, so salience pruning took them for detail."""
    story = " ".join(
        ["The Velmora council is moving forward with its plan for a new bridge in a major way."]
        + [
            "The council met on Monday and the members of the council voted for the bridge plan, which the "
            "council had been debating for months before the vote took place in the hall."
        ]
        * 4
    )
    bridge = derive_headline(story)
    assert bridge.startswith("Council moves forward with plan"), bridge


def test_a_superlative_stays() -> None:
    """ "This has to be one of the least convincing scandals" (CNN validation) was headlined "This has to be
    one of convincing scandals", and "Africa's most populous nation" "Africa's populous nation": "most" and
    "least" went as loose adverbs, and the headline said something else."""
    likely = derive_headline("Velmora is the least likely city in the region to win the bid, experts said.")
    assert likely.startswith("Velmora is least likely city"), likely
    dam = derive_headline(
        "The Velmora dam is one of the most ambitious infrastructure projects in the region."
    )
    assert dam.startswith("Velmora dam is one of most ambitious"), dam


def test_a_second_verb_keeps_the_object_both_share() -> None:
    """ "Gunmen on a motorcycle have shot and killed Uganda's lead prosecutor" (CNN validation) was headlined
    "Gunmen on motorcycle shoot": the tagger read "killed" as a simple past after "have shot", so the two
    verbs did not look alike and the second went with the object both verbs share."""
    killed = derive_headline("Velmora rebels have kidnapped and killed two aid workers in the north.")
    assert killed.startswith("Velmora rebels kidnap and kill two aid workers"), killed


def test_the_passive_after_a_participle_is_the_predicate() -> None:
    """ "Two police officers shot and wounded while standing guard … were deliberately targeted" (CNN
    validation) was headlined "Police officers shoot": the parser made "shot" the sentence's verb, and the
    headline said the officers shot. The passive after the participle is what the sentence says of them."""
    targeted = derive_headline(
        "Two Velmora police officers shot and wounded while standing guard outside the station early "
        "Thursday were deliberately targeted."
    )
    assert targeted.startswith("Velmora police officers targeted"), targeted
    assert "shoot" not in targeted, targeted


def test_the_verb_after_a_participle_describing_the_subject_is_the_predicate() -> None:
    """ "Angelina Jolie's essay in the New York Times revealing that she had her ovaries … removed … provoked
    an outpouring of support" (CNN validation) was headlined "Angelina Jolie's essay has ovaries and tubes
    removed": the parser made "revealing" the verb, and the headline reported what was revealed as the
    essay's doing."""
    essay = derive_headline(
        "Dana Lark's essay in the Velmora Times revealing that she had her ovaries and tubes removed to "
        "lower her risk of cancer provoked an outpouring of support as the news spread across social media."
    )
    assert essay.startswith("Dana Lark's essay") and "provokes outpouring of support" in essay, essay
    assert "has ovaries" not in essay, essay


def test_who_does_a_passive_survives_the_word_budget() -> None:
    """ "The libraries of five of the world's most important academic institutions are to be digitised by
    Google" (BBC, headline hidden) was headlined "Libraries of five of world's most important institutions
    to be digitised": the budget cut the last phrase, which named who will do it. The subject's detail
    goes first."""
    digitised = derive_headline(
        "The libraries of five of the region's most important academic institutions are to be digitised by "
        "Velmora Systems."
    )
    assert digitised.endswith("to be digitised by Velmora Systems"), digitised


def test_face_to_face_stays_whole() -> None:
    """ "A decade ago al Qaeda would meet potential recruits face to face" (CNN validation) was headlined
    "… meet potential recruits face": "to face" was taken for a closing phrase that only said again what
    the headline had said."""
    met = derive_headline("Dana Lark met the Velmora rebels face to face on Monday.")
    assert met == "Lark meets Velmora rebels face to face", met


def test_the_comma_before_what_a_name_is_stays_when_the_parser_reads_a_second_object() -> None:
    """ "Japan's Maritime Self-Defense Force has taken delivery of the Izumo, the largest Japanese military
    vessel …" (CNN validation) was headlined "… takes delivery of Izumo largest Japanese military vessel":
    the parser read the vessel as a second object of "taken", and the comma of the apposition went."""
    izumo = derive_headline(
        "The Velmora navy has taken delivery of the Izumo, the largest Japanese military vessel to see "
        "service since the war."
    )
    assert izumo == "Velmora navy takes delivery of Izumo, largest Japanese military vessel", izumo


def test_where_a_placing_verb_puts_its_subject_survives_behind_an_infinitive() -> None:
    """ "A campaign by Lycos Europe to target spam-related websites appears to have been put on hold" (BBC,
    headline hidden) was headlined "… appears to have been put": the budget cut "on hold", which completes
    "put" as it does in "was put on hold", because "put" hung on "appears" rather than being the verb."""
    held = derive_headline(
        "A campaign by the Velmora council to clear spam websites appears to have been put on hold."
    )
    assert held.endswith("appears to have been put on hold"), held


def test_a_name_the_story_always_writes_whole_keeps_its_first_word() -> None:
    """ "Boko Haram posts graphic video" was headlined "Haram posts graphic video", "Lee Kuan Yew … died"
    "Yew dies" and "Kim Jong Un" "Un" (CNN validation): the small model reads each as a person, and a
    headline leaves a person's first names off. A name the story writes whole each time, never by its last
    word alone, keeps its first words (a person the story calls by surname still loses them:
    test_a_firm_the_model_takes_for_a_person_keeps_its_whole_name)."""
    jack = derive_headline(
        "The militant known as Jihadi Jack has been identified as a Velmora man, officials said on Monday. "
        "Jihadi Jack appeared in several videos last year. Officials said Jihadi Jack had lived in Tarsk."
    )
    assert jack.startswith("Militant known as Jihadi Jack identified"), jack


def test_a_hedge_keeps_its_be_when_the_parser_hangs_the_modal_on_it() -> None:
    """ "If you think …, you might be mistaken" (CNN validation) was headlined "You might mistaken": the
    small model hung "might" on "be", so the passive's "be" looked like the verb's only auxiliary and went
    as "was" does in "was arrested". A hedge's verb group stays whole."""
    hedge = derive_headline("If you think Velmora will never change, you might be mistaken about it.")
    assert hedge.startswith("You might be mistaken"), hedge
    forced = derive_headline("Should the Velmora dam fail, thousands could be forced from their homes.")
    assert forced.startswith("Thousands could be forced"), forced


def test_a_negation_inside_a_hyphenated_adverb_goes_with_it() -> None:
    """ "They were not-so-affectionately dubbed the bed-wetters" (CNN validation) was headlined "They not
    dubbed bed-wetters": the adverb went as detail but its "not" stayed as a negation, and the headline
    said the opposite. A clause's own "not" stays."""
    dubbed = derive_headline("The Velmora council was not-so-quietly criticised by residents on Monday.")
    assert dubbed.startswith("Velmora council criticised by residents"), dubbed
    refused = derive_headline("The Velmora council did not approve the Tarsk bridge on Monday.")
    assert refused.startswith("Velmora council does not approve"), refused
