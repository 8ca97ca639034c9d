"""Word lists for people and topic extraction: titles, honorifics, organisation and place words.

Built from journalism conventions (AP/Reuters style titles, common organisation heads), not from any
labelled article. All entries are lower case.
"""

from __future__ import annotations

import re


def word_list(text: str) -> list[str]:
    return text.split()


# Title words written shortened, with or without a full stop ("Gov.", "Sgt", "Det. Insp.")
TITLE_ABBREVIATIONS = frozenset(
    word_list("gov sen rep gen lt col sgt capt adm cmdr supt atty cpl pvt maj det insp prof rev")
)
# ... and those written in the plural before two names: "Sens. John McCain and Lindsey Graham"
PLURAL_TITLE_ABBREVIATIONS = frozenset(word_list("sens reps govs gens"))

# Words that end a job title ("Deputy Attorney General", "chief debt negotiator", "GB captain").
TITLE_HEADS = TITLE_ABBREVIATIONS | frozenset(
    word_list(
        """
        president vice-president president-elect minister secretary secretary-general under-secretary
        undersecretary adviser advisor director director-general general chairman chairwoman chair
        chairperson chief head leader spokesman spokeswoman spokesperson ambassador envoy negotiator
        governor senator representative congressman congresswoman mayor premier chancellor
        commissioner administrator manager coach captain skipper consultant officer official aide
        counsel counsellor counselor correspondent editor reporter journalist columnist analyst
        economist strategist professor prince princess king queen duke duchess emperor empress
        sheikh pope prophet cardinal archbishop bishop judge justice lawyer attorney treasurer ceo executive
        founder co-founder partner member mp mep msp mla superintendent commander colonel lieutenant
        sergeant major admiral marshal inspector detective constable prosecutor solicitor
        barrister striker midfielder defender goalkeeper winger player champion boss owner ruler monarch
        dean rector magistrate physician surgeon scientist researcher lawmaker legislator diplomat delegate
        deputy
        counterpart counterparts controller comptroller auditor registrar clerk vice-chairman vice-chair
        ombudsman regulator trustee steward principal headteacher headmaster teacher actor actress
        singer star presenter host producer designer architect novelist author writer director-designate
        nominee candidate whip speaker lord baron baroness earl count countess sultan emir crown-prince
        shah ayatollah imam rabbi reverend pastor commandant rapper drummer guitarist bassist pianist
        violinist composer conductor comedian sprinter intern editor-in-chief beatle consort
        """
    )
)

# Surnames that are also English words, which a story writes in lower case too ("may", "given"): after a
# first name they end the name ("Theresa May", "Shay Given"), where another word would not ("Dr Shea Steps")
WORD_SURNAMES = frozenset(
    word_list(
        """
        may king young brown green white black gray grey little long given rich hill wood woods field
        price bell cook baker miller turner carter hunter fisher walker parker mason ward hall wells rose
        lane day noble hope love good best bush stone marsh swift sharp strong cross read power page
        banks rice lamb fox wolf bird burns house moody golding frank begin short small every more key
        """
    )
)
# Kin and partners: "his brother, X" names a relation, no title ("The wife said …" titles no one)
RELATIONS = frozenset(
    word_list("wife husband son daughter mother father brother sister partner fiancee fiance")
)
# Occupations that title a person, written before the name ("referee Howard Webb", "festival organiser
# Michael Eavis", "CBS news anchor Dan Rather") or after it; unlike TITLE_HEADS they stay topics of their
# own ("astronaut", "artist")
ROLE_NOUNS = frozenset(
    word_list(
        """
        referee linesman umpire organiser organizer anchor anchorman newsreader agent artist driver racer
        rider jockey trainer frontbencher backbencher laureate animator banker librarian co-counsel sheriff
        dj pundit commentator photographer film-maker filmmaker playwright poet historian
        activist campaigner chef lecturer specialist expert engineer warden pilot astronaut cosmonaut
        explorer climber swimmer cyclist boxer golfer skier batsman bowler flanker full-back fly-half
        scrum-half forward centre-forward centre-back curator dancer ballerina choreographer screenwriter
        entrepreneur tycoon magnate businessman businesswoman consul attache investor buyer vocalist
        frontman trader arbitrageur financier speculator winner medallist medalist creator
        """
    )
)
# Organisation words that, after "<title> of", finish the title instead of naming a body: "Secretary of
# State" works at the State Department but names no organisation "State".
TITLE_COMPLEMENTS = frozenset(["state"])

# Titles of people who negotiate for a government.
DIPLOMATIC_TITLES = (
    "foreign minister",
    "foreign secretary",
    "secretary of state",
    "negotiator",
    "envoy",
    "ambassador",
    "trade representative",
    "foreign affairs minister",
    "minister of foreign affairs",
    "deputy foreign minister",
    "trade minister",
    "chief negotiator",
    "special representative",
)
MEDIA_TITLES = frozenset(
    word_list(
        """
        correspondent reporter journalist columnist editor presenter anchor commentator photographer
        """
    )
)
MEDIA_ORGS = frozenset(
    word_list(
        """
        cnn bbc reuters ap afp abc nbc cbs fox msnbc npr itn sky times post journal guardian telegraph
        observer independent herald tribune economist bloomberg xinhua tass itar-tass
        """
    )
)

# Honorifics dropped from a displayed name ("Ms. Sherwood-Randall" is "Sherwood-Randall").
HONORIFICS_DROPPED = frozenset(
    word_list(
        """
        mr mrs ms miss mx dr prof mr. mrs. ms. dr. prof. messrs messrs.
        """
    )
)
# Honorifics that are part of how the person is named ("Sir Clive Woodward", "Prince Charles").
HONORIFICS_KEPT = frozenset(
    word_list(
        """
        sir dame lord lady prince princess king queen duke duchess pope sheikh emir sultan
        """
    )
)
NAME_PARTICLES = frozenset(
    word_list(
        """
        de du da das dos del della der den van von di la le bin ibn al el ben abu
        """
    )
)
NAME_SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])
# Letters after a name that say what the person is, not who: "Ruth Kelly MP", "Guy Mansfield QC"
POST_NOMINALS = frozenset(["mp", "mep", "msp", "qc", "kc"])

# Words inside a capitalised run that make it an organisation, place, event or thing.
ORG_WORDS = frozenset(
    word_list(
        """
        department ministry office house committee council bank union agency association party court cup
        league club university college school corporation corp inc ltd plc group company co airlines
        airways times news journal street road avenue square city county state states republic kingdom
        island islands sea ocean river mountain mountains valley lake forum organisation organization
        fund institute foundation commission authority administration service services force forces army
        navy assembly parliament senate congress centre center museum church cathedral airport station
        festival awards award prize championship championships open games olympics series trophy zone
        conference summit treaty act plan programme program project index exchange market markets board
        bureau federation society alliance coalition front movement network channel radio television tv
        magazine press media studios records pictures entertainment motors energy oil gas telecom
        systems technologies software holdings industries international national global capital partners
        securities reserve treasury cabinet government palace castle stadium arena theatre theater
        gallery library prison police brigade regiment division command council's committee's east west
        north south central northern southern eastern western middle gulf bay coast peninsula street's
        day week month year century war wars crisis agreement accord deal protocol convention
        directorate secretariat delegation mission team squad united rovers wanderers athletic albion hotspur
        harriers tour tours europe asia africa americas pacific atlantic stores megastores trains rescue
        marathon leisure unit affairs p.c. brothers sisters shops system systems watch aerospace
        tech shimbun monitor protection hotel resort trust products labs laboratories cove creek
        canyon springs heights harbor harbour plaza mall hospital hospitals clinic infirmary courts tribunal
        """
    )
)
FULL_MONTHS = frozenset(
    word_list("january february march april may june july august september october november december")
)
MONTHS = FULL_MONTHS | frozenset(word_list("jan feb mar apr jun jul aug sep sept oct nov dec"))
# Words a title or headline never ends on: cutting after them leaves the phrase visibly unfinished.
UNFINISHED_ENDINGS = frozenset(
    word_list(
        """
        a an are be been can could had has have her his is its may might of should that the their was
        were which who will would
        """
    )
)
DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])

# Countries, regions and their adjectives (enough to tell a party's nationality and a destination).
_COUNTRIES = """
afghanistan:afghan albania:albanian algeria:algerian angola:angolan argentina:argentine,argentinian
armenia:armenian australia:australian austria:austrian azerbaijan:azerbaijani bahrain:bahraini
bangladesh:bangladeshi belarus:belarusian belgium:belgian bolivia:bolivian bosnia:bosnian brazil:brazilian
britain:british,briton bulgaria:bulgarian cambodia:cambodian cameroon:cameroonian canada:canadian
chile:chilean china:chinese colombia:colombian congo:congolese croatia:croatian cuba:cuban cyprus:cypriot
czechoslovakia:czechoslovak czech-republic:czech denmark:danish ecuador:ecuadorian egypt:egyptian
england:english eritrea:eritrean estonia:estonian ethiopia:ethiopian finland:finnish france:french
georgia:georgian germany:german ghana:ghanaian greece:greek guatemala:guatemalan haiti:haitian
honduras:honduran hungary:hungarian iceland:icelandic india:indian indonesia:indonesian iran:iranian
iraq:iraqi ireland:irish israel:israeli italy:italian jamaica:jamaican japan:japanese jordan:jordanian
kazakhstan:kazakh kenya:kenyan korea:korean kosovo:kosovar kuwait:kuwaiti laos:lao latvia:latvian
lebanon:lebanese liberia:liberian libya:libyan lithuania:lithuanian luxembourg:luxembourgish
malaysia:malaysian mali:malian malta:maltese mexico:mexican moldova:moldovan mongolia:mongolian
morocco:moroccan mozambique:mozambican myanmar:burmese burma:burmese namibia:namibian nepal:nepalese
netherlands:dutch holland:dutch new-zealand:new-zealander,new-zealand nicaragua:nicaraguan nigeria:nigerian
norway:norwegian oman:omani pakistan:pakistani palestine:palestinian panama:panamanian paraguay:paraguayan
peru:peruvian philippines:philippine,filipino poland:polish portugal:portuguese qatar:qatari
romania:romanian russia:russian rwanda:rwandan saudi-arabia:saudi scotland:scottish,scot senegal:senegalese
serbia:serbian singapore:singaporean slovakia:slovak slovenia:slovenian somalia:somali
south-africa:south-african spain:spanish sri-lanka:sri-lankan sudan:sudanese sweden:swedish
switzerland:swiss syria:syrian taiwan:taiwanese tajikistan:tajik tanzania:tanzanian thailand:thai
tunisia:tunisian turkey:turkish uganda:ugandan ukraine:ukrainian uruguay:uruguayan uzbekistan:uzbek
venezuela:venezuelan vietnam:vietnamese wales:welsh yemen:yemeni yugoslavia:yugoslav zambia:zambian
zimbabwe:zimbabwean united-states:american,u.s.,us,usa u.s.:american,u.s. us:american uk:british,uk
great-britain:british,gb gb:british soviet-union:soviet ussr:soviet europe:european africa:african
asia:asian gaza:palestinian west-bank:palestinian ec:ec eu:eu
andorra:andorran bahamas:bahamian barbados:barbadian belize:belizean benin:beninese bhutan:bhutanese
botswana:botswanan,motswana brunei:bruneian burkina-faso:burkinabe burundi:burundian cape-verde:cape-verdean
central-african-republic:central-african chad:chadian comoros:comoran costa-rica:costa-rican
djibouti:djiboutian dominican-republic:dominican dominica:dominica el-salvador:salvadoran
equatorial-guinea:equatoguinean eswatini:swazi swaziland:swazi fiji:fijian gabon:gabonese gambia:gambian
grenada:grenadian guinea:guinean guinea-bissau:bissau-guinean guyana:guyanese ivory-coast:ivorian
kiribati:i-kiribati kyrgyzstan:kyrgyz lesotho:basotho liechtenstein:liechtensteiner madagascar:malagasy
malawi:malawian maldives:maldivian marshall-islands:marshallese mauritania:mauritanian mauritius:mauritian
micronesia:micronesian monaco:monegasque montenegro:montenegrin nauru:nauruan niger:nigerien
north-macedonia:macedonian macedonia:macedonian north-korea:north-korean south-korea:south-korean
palau:palauan papua-new-guinea:papua-new-guinean puerto-rico:puerto-rican saint-lucia:saint-lucian
samoa:samoan san-marino:sammarinese seychelles:seychellois sierra-leone:sierra-leonean
solomon-islands:solomon-islander south-sudan:south-sudanese suriname:surinamese east-timor:timorese
timor-leste:timorese togo:togolese tonga:tongan trinidad:trinidadian turkmenistan:turkmen tuvalu:tuvaluan
united-arab-emirates:emirati uae:emirati vanuatu:ni-vanuatu greenland:greenlandic antigua:antiguan
saint-kitts-and-nevis:kittitian saint-vincent:vincentian sao-tome:santomean vatican:vatican
"""

_demonyms: set[str] = set()
NATIONALITY: dict[str, str] = {}
"""Lower-cased country or adjective -> canonical country key ("iranian" -> "iran", "u.s." -> "united states").
"""
for _entry in _COUNTRIES.split():
    _country, _adjs = _entry.split(":")
    _key = _country.replace("-", " ")
    NATIONALITY[_key] = _key
    for _adj in _adjs.split(","):
        NATIONALITY.setdefault(_adj.replace("-", " "), _key)
        if _adj != _country:
            _demonyms.add(_adj.replace("-", " "))
for _alias, _key in {
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "american": "united states",
    "gb": "great britain",
    "uk": "great britain",
    "britain": "great britain",
    "british": "great britain",
    "england": "great britain",
    "scotland": "great britain",
    "wales": "great britain",
}.items():
    NATIONALITY[_alias] = _key
DEMONYMS = frozenset(_demonyms)
"""A people's adjectives ("afghan", "british", "european"), not their countries' names."""
# Words of a ministry's or an office's portfolio: "Trade and Industry Secretary", "Culture, Media and Sport
# Secretary", "Savings and Loan Commissioner" are one title, however many "and"s it takes
PORTFOLIO_WORDS = frozenset(
    word_list(
        """
        trade industry industries culture media sport sports energy mines mining resources environment
        food rural affairs work pensions education skills science technology health social services
        security transport housing local government communities justice home foreign commonwealth
        development finance economy economic planning agriculture fisheries forestry forests water power
        oil natural gas savings loan loans employment labour labor welfare tourism arts heritage defence
        defense veterans interior commerce public works infrastructure family families children youth
        women equality immigration citizenship customs revenue budget treasury regional urban land lands
        telecommunications communications posts information broadcasting legal fuel petroleum minerals
        steel consumer protection competition research innovation aviation shipping ports
        """
    )
)
# A people's nouns that are no adjective of theirs: "Dane Kenneth Carlsen", "Swede", "Pole"; "Dutchman",
# "Frenchman" are the adjective and "man"
DEMONYM_NOUNS = frozenset(
    word_list("dane swede finn pole turk scot scotsman brit kiwi aussie yank yorker londoner parisian")
)
PLACE_WORDS = frozenset(k for k in NATIONALITY if " " not in k) | frozenset(
    word_list(
        """
        washington london paris moscow beijing tokyo berlin brussels geneva rome madrid vienna ottawa
        canberra delhi tehran baghdad jerusalem cairo kabul islamabad seoul pyongyang taipei hong kong
        manila bangkok jakarta sydney toronto lausanne helsinki stockholm oslo copenhagen dublin lisbon
        athens ankara istanbul warsaw prague budapest bucharest kiev kyiv minsk havana caracas bogota
        lima santiago pretoria johannesburg nairobi lagos riyadh dubai doha kuwait damascus beirut amman
        ramallah basra mexico-city new-york los-angeles chicago boston edinburgh glasgow cardiff belfast
        manchester liverpool birmingham leeds
        """
    )
)

# Function words and common verbs: they end a title phrase and never start a name.
STOPWORDS = frozenset(
    word_list(
        """
        today tomorrow yesterday tonight between among against across through toward towards via within
        despite amid beside behind beyond
        near off out up down around along
        a an the and or but nor so yet for of to in on at by from with without into onto upon over under
        about above below after before during since until while when where why how what which who whom
        whose that this these those there here then than as if though although because unless whether is
        are was were be been being am has have had having do does did doing will would shall should can
        could may might must ought not no yes all any both each every few many more most much other some
        such only own same too very just also again even still already ever never now once soon often i
        me my mine we us our ours you your yours he him his she her hers it its they them their theirs
        said says say saying told tells tell added adds asked asks according announced announces led
        headed including includes include included joined joins join accompanied visiting met meets
        said: like last next first second third one two three four five six seven eight nine ten mr mrs
        ms dr besides meanwhile however moreover furthermore nevertheless instead indeed
        """
    )
)
SPEECH_VERBS = frozenset(
    word_list(
        """
        said says told tells added adds explained argued warned insisted noted stated wrote announced
        declared replied according
        """
    )
)

# Capitals and large cities -> their country (the keys of NATIONALITY's countries): where a dateline or a
# trip is. General geography, not drawn from any labelled article.
_CITIES = """
united-states: washington new-york los-angeles chicago boston san-francisco houston miami atlanta
  philadelphia seattle detroit dallas denver honolulu camp-david
great-britain: london edinburgh glasgow cardiff belfast manchester liverpool birmingham leeds oxford
  cambridge
canada: ottawa toronto montreal vancouver quebec
mexico: mexico-city guadalajara monterrey cancun tijuana
france: paris lyon marseille strasbourg nice bordeaux
germany: berlin bonn frankfurt munich hamburg cologne
switzerland: geneva lausanne zurich bern berne basel davos
belgium: brussels antwerp
netherlands: amsterdam the-hague rotterdam
italy: rome milan naples venice florence turin
vatican: vatican
spain: madrid barcelona seville
portugal: lisbon porto
austria: vienna salzburg
russia: moscow st.-petersburg leningrad
ukraine: kiev kyiv
belarus: minsk
poland: warsaw krakow gdansk
czech-republic: prague
hungary: budapest
romania: bucharest
bulgaria: sofia
greece: athens
turkey: ankara istanbul
israel: jerusalem tel-aviv haifa
palestine: ramallah
egypt: cairo alexandria
jordan: amman
lebanon: beirut
syria: damascus aleppo
iraq: baghdad basra erbil mosul
iran: tehran teheran
saudi-arabia: riyadh jeddah mecca
yemen: sanaa aden
oman: muscat
qatar: doha
kuwait: kuwait-city
bahrain: manama
united-arab-emirates: dubai abu-dhabi
afghanistan: kabul
pakistan: islamabad karachi lahore
india: new-delhi delhi mumbai bombay calcutta kolkata
china: beijing peking shanghai guangzhou
hong-kong: hong-kong
taiwan: taipei
japan: tokyo osaka kyoto sendai hiroshima
korea: seoul pyongyang busan
philippines: manila
indonesia: jakarta bali
thailand: bangkok
vietnam: hanoi saigon
malaysia: kuala-lumpur
singapore: singapore
myanmar: rangoon yangon naypyidaw
australia: canberra sydney melbourne brisbane perth
new-zealand: wellington auckland
south-africa: pretoria johannesburg cape-town durban
nigeria: lagos abuja
kenya: nairobi
ethiopia: addis-ababa
brazil: brasilia rio-de-janeiro sao-paulo
argentina: buenos-aires
chile: santiago
peru: lima
colombia: bogota
venezuela: caracas
cuba: havana
uruguay: montevideo
sweden: stockholm
norway: oslo
denmark: copenhagen
finland: helsinki
ireland: dublin
iceland: reykjavik
"""
CITY_COUNTRY: dict[str, str] = {}
for _block in re.split(r"\n(?=\S)", _CITIES.strip()):
    _country, _names = _block.split(":", 1)
    for _name in _names.split():
        CITY_COUNTRY[_name.replace("-", " ")] = _country.replace("-", " ")

# Places besides the countries and cities above: the US states (a dateline's "Omaha, Nebraska").
_US_STATES = """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada new-hampshire new-jersey new-mexico new-york north-carolina
    north-dakota ohio oklahoma oregon pennsylvania rhode-island south-carolina south-dakota tennessee texas
    utah vermont virginia washington west-virginia wisconsin wyoming d.c. dc
"""
US_STATES = frozenset(w.replace("-", " ") for w in _US_STATES.split())


def is_place_name(name: str) -> bool:
    """Whether a lower-case name ("saudi arabia", "omaha", "wisconsin", "saudi") is a country, a people's
    adjective, a listed place or city, or a US state."""
    return (
        name in NATIONALITY
        or name in CITY_COUNTRY
        or name in US_STATES
        or name.replace(" ", "-") in PLACE_WORDS
    )


# A faith's community, which describes a person as a people's word does ("Shiite cleric X"); not
# "Christian", also a first name
FAITHS = frozenset(
    word_list(
        "sunni sunnis shiite shiites shia muslim muslims catholic catholics protestant protestants jewish "
        "jew jews hindu hindus sikh sikhs buddhist buddhists coptic mormon mormons scientologist "
        "scientologists evangelical evangelicals methodist anglican lutheran presbyterian"
    )
)


def is_peoples_word(words: str) -> bool:
    """Whether lower-case words are a people's ("saudi", "new zealander") or a faith's ("shiite"), or a
    compound of them ("african-american", "irish-american", "sunni muslim")."""
    if words in NATIONALITY or words in FAITHS:
        return True
    parts = re.split(r"[- ]", words)
    return len(parts) > 1 and all(p in NATIONALITY or p in FAITHS for p in parts)
