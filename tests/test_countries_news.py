"""The built-in countries on news prose: every country an article names — by name, short form,
acronym ("DPRK", "U.S."), full official name, demonym, ALL-CAPS dateline word, curly
possessive ("Russia’s") — is found, and nothing else: no capitals or other cities, no company
suffixes, awards or sports terms that look like a country, no organisation or region whose
name holds a country's. Every article below was written for these tests in the style of
agency and local news; each class of error seen on real news has one.

The defaults are what is tested: ``Matcher(countries())``, whose context rules
(``not_before`` / ``not_after``) and resolution of a name two entities share ("Georgia") do
the work. People named like countries need ``capitalized_runs="skip"`` (not the default).
"""

from __future__ import annotations

import pytest

import gazetta
from gazetta.gazetteers import countries, fold_historical


# (article, expected (surface, entity) in text order). Surfaces are exact text slices.
ARTICLES = {
    # the seed sentence: a title-led demonym, an acronym, a two-word name, "U.S." — and a
    # capital, which is a city, not a country mention
    "seed": (
        "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Tuesday, where officials of "
        "the DPRK said talks would cover South Korea and the U.S. military drills.",
        [("Russian", "RU"), ("DPRK", "KP"), ("South Korea", "KR"), ("U.S.", "US")],
    ),
    "korea": (
        "SEOUL — North Korea fired two ballistic missiles on Thursday, South Korea’s military said, hours "
        "after the U.S. and Japanese envoys met in Tokyo.\nThe Democratic People’s Republic of Korea called "
        "the drills “rehearsals for invasion”. A DPRK spokesman in Pyongyang said China’s position had not "
        "changed, while Beijing urged restraint.\nSouth Korean officials said the Republic of Korea would "
        "consult Washington.",
        [("North Korea", "KP"), ("South Korea", "KR"), ("U.S.", "US"), ("Japanese", "JP"),
         ("Democratic People’s Republic of Korea", "KP"), ("DPRK", "KP"), ("China", "CN"),
         ("South Korean", "KR"), ("Republic of Korea", "KR")],
    ),
    "ukraine": (
        "UKRAINE (Reuters) — Russia’s defence ministry said on Monday its forces had taken a village in eastern "
        "Ukraine, a claim Ukrainian officials denied.\nTalks with the United States were possible, a spokesman "
        "said. Britain’s foreign secretary, speaking in London, promised more aid; the U.K. will also train "
        "2,000 Ukrainians. Germany and France – the EU’s largest economies – backed new sanctions against the "
        "Russian Federation, and Polish farmers blocked the border again.\nMoscow’s envoy to Turkey met "
        "Turkish officials in Ankara. Unionists in Northern Ireland objected.",
        [("UKRAINE", "UA"), ("Russia", "RU"), ("Ukraine", "UA"), ("Ukrainian", "UA"), ("United States", "US"),
         ("Britain", "GB"), ("U.K.", "GB"), ("Ukrainians", "UA"), ("Germany", "DE"),
         ("France", "FR"), ("Russian Federation", "RU"), ("Polish", "PL"), ("Turkey", "TR"),
         ("Turkish", "TR"), ("Northern Ireland", "GB-NIR")],
    ),
    "middle_east": (
        "Israel’s prime minister met the Egyptian president on Sunday as talks on the Gaza Strip resumed. "
        "Qatar and Egypt have mediated between Israel and Hamas for months. Iran‘s foreign minister warned of "
        "a wider war, and Saudi Arabia said it would host a summit.\nThe UAE and Jordan sent aid "
        "convoys; Syrian state media reported strikes. Lebanon's caretaker government called "
        "for a ceasefire. An American official said the U.S.A. would keep its carriers in the region.",
        [("Israel", "IL"), ("Egyptian", "EG"), ("Gaza Strip", "PS-GAZA"), ("Qatar", "QA"),
         ("Egypt", "EG"), ("Israel", "IL"), ("Iran", "IR"), ("Saudi Arabia", "SA"),
         ("UAE", "AE"), ("Jordan", "JO"), ("Syrian", "SY"), ("Lebanon", "LB"),
         ("American", "US"), ("U.S.A.", "US")],
    ),
    "world": (
        "At the G20 in New Delhi, India’s hosts welcomed leaders from Brazil, South Africa and Indonesia. The "
        "Czech Republic and Czechia’s neighbour Slovakia signed an energy deal; Côte d’Ivoire and Ivorian "
        "diplomats joined the DRC and the Republic of the Congo in a pledge on forests.\nMyanmar, also known "
        "as Burma, was not invited. Australian, Canadian and Mexican ministers met in a side session, and "
        "Vietnam’s president flew home to Hanoi. Türkiye, once called Turkey in English, sent its "
        "vice-president. Taiwan was discussed only in closed session.",
        [("India", "IN"), ("Brazil", "BR"), ("South Africa", "ZA"), ("Indonesia", "ID"),
         ("Czech Republic", "CZ"), ("Czechia", "CZ"), ("Slovakia", "SK"), ("Côte d’Ivoire", "CI"),
         ("Ivorian", "CI"), ("DRC", "CD"), ("Republic of the Congo", "CG"), ("Myanmar", "MM"), ("Burma", "MM"),
         ("Australian", "AU"), ("Canadian", "CA"), ("Mexican", "MX"), ("Vietnam", "VN"),
         ("Türkiye", "TR"), ("Turkey", "TR"), ("Taiwan", "TW")],  # "in English": the language
    ),
    "no_countries": (
        "Shoppers bought roast turkey, fine china and french fries before the holiday. The Kremlin and "
        "the White House declined to comment; the EU, NATO and the G7 met in a hall in the city.",
        [],
    ),
    # capitals and other cities are cities, not their countries (also London, Ontario and
    # Paris, Texas)
    "cities": (
        "Officials in London and Paris said on Friday that talks in Moscow had stalled. A storm hit "
        "London, Ontario, while Paris, Texas, and Dublin, Ohio, cleaned up. Toronto and Washington "
        "traders sold shares on the New York Stock Exchange, and Rio de Janeiro hosted the summit.",
        [],
    ),
    # company suffixes, ounces, awards, pole vault, surnames
    "false_friends": (
        "Peugeot SA and Schneider SA said their bond was priced at par. Gold rose to 1,950 dlrs per OZ "
        "in New York. Singer Joss Stone won two Brit Awards, and the Brits drew a record audience. "
        "Pole vaulter Sam Kendricks cleared 5.90 metres. Police Chief Thomas Finn said the road "
        "reopened. Rio Ferdinand signed for a new club.",
        [],
    ),
    # historical states on a 1987-style wire story; Burma stays today's Myanmar
    "historical": (
        "MOSCOW, March 3 - The Soviet Union and East Germany signed a trade accord, the USSR's news "
        "agency said. Soviet and Yugoslav officials also met Czechoslovak and West German bankers. "
        "Zaire's copper exports rose, and Burma asked for rice.",
        [("Soviet Union", "SUHH"), ("East Germany", "DDDE"), ("USSR", "SUHH"), ("Soviet", "SUHH"),
         ("Yugoslav", "YUCS"), ("Czechoslovak", "CSHH"), ("West German", "DE"), ("Zaire", "ZRCD"),
         ("Burma", "MM")],
    ),
    # the constituent countries of the United Kingdom
    "united_kingdom": (
        "England beat Wales at Twickenham, and Scotland drew with Ireland. Welsh fans and Scottish "
        "supporters travelled by train; voters in Northern Ireland and the English regions go to "
        "the polls in May, the UK government said.",
        [("England", "GB-ENG"), ("Wales", "GB-WLS"), ("Scotland", "GB-SCT"), ("Ireland", "IE"),
         ("Welsh", "GB-WLS"), ("Scottish", "GB-SCT"), ("Northern Ireland", "GB-NIR"),
         ("English", "GB-ENG"), ("UK", "GB")],
    ),
    # regions whose names hold a country's: the longest name wins
    "regions_longest": (
        "Wildfires spread in New Mexico and New South Wales, and British Columbia sent crews to "
        "Western Australia.",
        [("New Mexico", "US-NM"), ("New South Wales", "AU-NSW"), ("British Columbia", "CA-BC"),
         ("Western Australia", "AU-WA")],
    ),
}

# Articles whose right answer needs the context rules or the resolution of a shared name.
RULE_ARTICLES = {
    # a religious order, a neighbourhood, a mountain: not the country
    # a school subject: "eighth-grade French students"; a French student stays French
    "school_subject": (
        "Eighth-grade French students celebrated; the 7th-grade Spanish class sang. French students protested in Paris.",
        [("French", "FR")],
    ),
    "languages": (
        "The film was shot in Hindi and English; she spoke only French and Farsi; it is only "
        "available in English. English fans cheered in French stadiums.",
        [("English", "GB-ENG"), ("French", "FR")],
    ),
    "given_names": (
        "Officer Monica French said so; Matt Holland scored and Tony Jordan wrote it. Coach Tony "
        "Brazil said. France and Jordan agreed.",
        [("France", "FR"), ("Jordan", "JO")],
    ),
    # a surname used alone after the full name (person_after: given names and titles), kept
    # in a list beside another mention and after an article; the known cost: in a document
    # that names Monica French, "French officials" (no article) goes too
    "surname_alone": (
        "Officer Monica French said the audit was fine. French added that French officials and "
        "the French embassy agreed. Matt Holland scored; Holland, Kishishev and Bartlett ran. "
        "Spain and Holland drew.",
        [("French", "FR"), ("Spain", "ES"), ("Holland", "NL")],
    ),
    # language words used as languages, seas, dictionaries, firms; demonym forms only
    "languages_seas_firms": (
        "She was studying English; my written English is poor; tools for languages other than "
        "English; the Russian alphabet; the Oxford English Dictionary; the English Channel; British "
        "American Tobacco and Swissair; Esso Italiana in Germantown. Germans and a Frenchman met "
        "Cayman Islanders.",
        [("Germans", "DE"), ("Frenchman", "FR"), ("Cayman Islanders", "KY")],
    ),
    "languages_of_other_countries": (
        "Signs were written in Kazakh and Hindi, while Hindi and Kazakh versions followed. Kazakh voters went.",
        [("Kazakh", "KZ")],
    ),
    "titles_companies_films": (
        '"Demand is huge," said Mr Irish. Swiss Re paid; Hotel Rwanda won; KLM Royal Dutch Airlines '
        "flew Chinese Taipei's team. Rwanda and Switzerland agreed.",
        [("Rwanda", "RW"), ("Switzerland", "CH")],
    ),
    "agency_show_gallery": (
        "Mr Lake told Agence France-Presse that Little Britain won, Tate Britain opened and "
        "Pakistan International Airlines flew to Grauman's Chinese Theatre. France and Britain agreed.",
        [("France", "FR"), ("Britain", "GB")],
    ),
    "order_neighbourhood_mountain": (
        "She is at St. Rose Dominican Hospital and visited Historic Filipinotown. Checkpoints in "
        "Mount Lebanon. Filipinos voted; Dominican sugar sold.",
        [("Filipinos", "PH"), ("Dominican", "DO")],
    ),
    # a cuisine or a housing complex inside a business name; the cuisine alone stays the country's
    "business_names": (
        "Closures were at Yokohama Japanese Restaurant and the Italian Grill; DeLallo Italian Marketplace "
        "burned. Japanese exports rose.",
        [("Japanese", "JP")],
    ),
    # phrases that contain a country's name but are not about it (regions, seas, cities)
    "regions_and_seas": (
        "Exports to Latin America and North American markets rose. A cyclone crossed the Indian Ocean, "
        "oil spilled in the Niger Delta and the Gulf of Mexico, and flights to Mexico City resumed. "
        "New England farmers and Mexico agreed.",
        [("Mexico", "MX")],
    ),
    # "Mid-America" is a region; American International Group a company (BBC, Reuters, LGL)
    "mid_america_aig": (
        "The Mid-America Council met. American International Group shares fell; the U.S. acted. "
        "Thai Airways and France Telecom were sold in Thailand.",
        [("U.S.", "US"), ("Thailand", "TH")],
    ),
    # organisations, parties, tournaments and languages named after a country
    "organisations": (
        "Shares of American Express and British Petroleum rose on the American Stock Exchange. Bank "
        "of America and the Bank of England held rates. The United Russia party won, and the French "
        "Open starts Sunday. Pupils speak English at home. Russia protested.",
        [("Bank of England", "GB"), ("Russia", "RU")],
    ),
    # "Indian" for the peoples of the Americas: a tribe, a reservation, a named people, a team
    "native_americans": (
        "The Cherokee Indians and the tribe's Indian casino sued the Bureau of Indian Affairs over "
        "the Indian reservation; the Cleveland Indians won. Indian Prime Minister Modi visited.",
        [("Indian", "IN")],
    ),
    # "Georgia" in US local news is the state; companies named after it are neither
    "georgia_state": (
        "ATLANTA — The U.S. Department of Agriculture said peanut farmers in Georgia and Alabama lost "
        "their crop. Georgia Power restored service across Northeast Georgia on Monday.",
        [("U.S.", "US"), ("Georgia", "US-GA"), ("Georgia", "US-GA")],
    ),
    # ... and in world news the country, told apart by its own demonym and regions
    "georgia_country": (
        "TBILISI — Georgia's president said Russian troops remained in South Ossetia. Georgian officials "
        "asked the European Union for monitors, and Abkhazia closed its border.",
        [("Georgia", "GE"), ("Russian", "RU"), ("South Ossetia", "GE-SOUTH-OSSETIA"), ("Georgian", "GE"),
         ("Abkhazia", "GE-AB")],
    ),
}

# People named like countries: the capitalised-run option removes a country word followed by
# a capitalised name ("Jordan Peterson", "Chad Walker"); an organisation too ("Georgia Power").
PEOPLE_ARTICLES = {
    "people": (
        "Jordan Peterson and Chad Walker met fans in Amman, Jordan, said organiser Georgia Stevens.",
        [("Jordan", "JO")],
    ),
}


@pytest.fixture(scope="module")
def matcher() -> gazetta.Matcher:
    return gazetta.Matcher(countries())


def _found(m: gazetta.Matcher, text: str):
    return [(text[x.start:x.end], x.entity) for x in m.find(text)]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_finds_every_country_named_and_nothing_else(matcher, name):
    text, want = ARTICLES[name]
    assert _found(matcher, text) == want
    assert not any(x.ambiguous for x in matcher.find(text))


@pytest.mark.parametrize("name", sorted(RULE_ARTICLES))
def test_context_rules_and_resolution(matcher, name):
    text, want = RULE_ARTICLES[name]
    assert _found(matcher, text) == want


@pytest.mark.parametrize("name", sorted(PEOPLE_ARTICLES))
def test_people_named_like_countries(name):
    text, want = PEOPLE_ARTICLES[name]
    assert _found(gazetta.Matcher(countries(), capitalized_runs="skip"), text) == want


def test_jordan_before_a_capitalised_word_is_a_name():
    """'Jordan' before a capitalised word is a given name or an institution ("Jordan Bratman",
    "Jordan Dyer"), never the country, in every case mode; 'JORDAN' in a rates table and
    'Jordan on Monday' stay the country."""
    for case in ("smart", "insensitive", "sensitive"):
        m = gazetta.Matcher(countries(), case=case)
        assert _found(m, "Troops left Jordan on Monday.") == [("Jordan", "JO")], case
        assert "JO" not in {e for _, e in _found(m, "She married music executive Jordan Bratman.")}, case
    assert _found(gazetta.Matcher(countries()), "BAHRAIN 0.37693 JORDAN 0.33640") == [("BAHRAIN", "BH"), ("JORDAN", "JO")]


def test_chad_rule_in_every_case_mode():
    """'Chad' before a capitalised word is a given name in every case mode, and 'Chad on
    Monday' stays the country even with case='insensitive' (the alias is case-sensitive)."""
    for case in ("smart", "insensitive", "sensitive"):
        m = gazetta.Matcher(countries(), case=case)
        assert _found(m, "Troops left Chad on Monday.") == [("Chad", "TD")], case
        assert _found(m, "Officer Chad Walker said.") == [], case


def test_surname_named_like_a_country():
    """capitalized_runs looks at the word after a name-form candidate (and "X of"); a common
    given name before it is the built-in data's rule, with either option."""
    text = "Fans cheered Michael Jordan on Sunday."
    assert _found(gazetta.Matcher(countries(), capitalized_runs="skip"), text) == []
    assert _found(gazetta.Matcher(countries()), text) == []
    # a given name the list leaves out stays a mention (a surname rule needs the name list)
    assert _found(gazetta.Matcher(countries()), "Fans cheered Zebedee Jordan on Sunday.") == [("Jordan", "JO")]


def test_historical_folded_into_todays_countries():
    """On a 1987 corpus an analyst may count the Soviet Union as Russia: historical="fold" or
    fold_historical(); states that split without a continuing state stay as they are."""
    text = ARTICLES["historical"][0]
    folded = _found(gazetta.Matcher(countries(historical="fold")), text)
    assert [e for _s, e in folded] == ["RU", "DE", "RU", "RU", "YUCS", "CSHH", "DE", "CD", "MM"]
    assert _found(gazetta.Matcher(fold_historical(countries())), text) == folded
    none = _found(gazetta.Matcher(countries(historical=False)), text)
    assert ("Soviet Union", "SUHH") not in none and ("West German", "DE") in none


def test_constituents_folded_into_gb():
    text = ARTICLES["united_kingdom"][0]
    got = _found(gazetta.Matcher(countries(constituents=False)), text)
    assert {e for _s, e in got} == {"GB", "IE"}


def test_level_country_maps_regions_to_their_country(matcher):
    """Regions count as their country with level="country"; constituent countries are countries
    themselves (constituents=False counts them as GB)."""
    text = "Peanut farmers in Georgia asked the U.S. Senate for help. Scottish fans visited the Gaza Strip."
    df = matcher.mentions([text], level="country")
    assert list(zip(df["entity"], df["level_entity"])) == [
        ("US-GA", "US"), ("US", "US"), ("GB-SCT", "GB-SCT"), ("PS-GAZA", "PS")]
    df = gazetta.Matcher(countries(constituents=False)).mentions([text], level="country")
    assert list(df["level_entity"]) == ["US", "US", "GB", "PS"]


def test_capitals_opt_in():
    """capitals=True brings back the cities as aliases of their country (never the default)."""
    text = ARTICLES["korea"][0]
    got = _found(gazetta.Matcher(countries(capitals=True)), text)
    for city, cid in [("SEOUL", "KR"), ("Tokyo", "JP"), ("Pyongyang", "KP"), ("Beijing", "CN"),
                      ("Washington", "US")]:
        assert (city, cid) in got


def test_cooccurrence_of_an_article(matcher):
    """The sentence-level pairs of the Korea article, counted end to end."""
    text = ARTICLES["korea"][0]
    co = gazetta.cooccurrence([text], matcher, unit="sentence")
    pairs = {(r.a, r.b): r.n_ab for r in co.pairs.itertuples()}
    assert pairs[("JP", "US")] == 1 and pairs[("KP", "KR")] == 1 and pairs[("CN", "KP")] == 1
    assert pairs[("KR", "US")] == 1  # the first sentence; the last names Washington, a city
    assert co.entities.set_index("entity").loc["KP", "n_mentions"] == 3  # name, full name, DPRK


# Phrases in which an alias names something else: the context rules (on by default) keep them
# out; with rules=False the bare lists match them, and ignore= phrases are the workaround.
KNOWN_LIMITS = [
    ("trade with Latin America", "US"),
    ("tourists from South America", "US"),
    ("migrants from Central America", "US"),
    ("across North America", "US"),
    ("a cyclone in the Indian Ocean", "IN"),
    ("oil spills in the Niger Delta", "NE"),
]


@pytest.mark.parametrize("text, entity", KNOWN_LIMITS)
def test_bare_lists_and_the_ignore_workaround(text, entity):
    bare = countries(rules=False)
    assert [m.entity for m in gazetta.Matcher(bare).find(text)] == [entity]
    phrases = ["Latin America", "South America", "Central America", "North America", "Indian Ocean",
               "Niger Delta"]
    assert gazetta.Matcher(bare, ignore=phrases).find(text) == []


@pytest.mark.parametrize("text, entity", KNOWN_LIMITS)
def test_rules_on_by_default(matcher, text, entity):
    assert matcher.find(text) == []


# US towns named like a country (countries(towns=True), the default): the country is the
# default reading; the town only with evidence in the document — its state after a comma, a
# word of local government or schools after the name, an AP dateline — and then for every
# mention of that name in the document (one sense per document).
TOWN_ARTICLES = {
    "dateline": (
        "LEBANON (AP) — A forensic pathologist testified on Monday. Lebanon police said the trial "
        "would go on.",
        [("LEBANON", "US-TOWN-LEBANON"), ("Lebanon", "US-TOWN-LEBANON")],
    ),
    "state_after_comma": (
        "Fans helped put Palestine, Texas on the map. Palestine hosts the festival again in April.",
        [("Palestine, Texas", "US-TOWN-PALESTINE"), ("Palestine", "US-TOWN-PALESTINE")],
    ),
    "school": (
        "Jordan elementary gets reward. The Jordan resident was flown to hospital.",
        [("Jordan", "US-TOWN-JORDAN"), ("Jordan", "US-TOWN-JORDAN")],
    ),
    "street_address": (
        "Services will be held at 508 Cumberland St., Lebanon. Friends may call in Lebanon.",
        [("Lebanon", "US-TOWN-LEBANON"), ("Lebanon", "US-TOWN-LEBANON")],
    ),
    "people_of_the_town": (
        "A 36-year-old Palestine man eluded officers. He was held in Palestine on Friday.",
        [("Palestine", "US-TOWN-PALESTINE"), ("Palestine", "US-TOWN-PALESTINE")],
    ),
    "town_police": (
        "The driver was taken into custody by Lebanon Police. Lebanon has no jail.",
        [("Lebanon", "US-TOWN-LEBANON"), ("Lebanon", "US-TOWN-LEBANON")],
    ),
    "country_demonym_with_people": (
        "A Lebanese man and Jordanian police met in Jordan; Lebanon protested.",
        [("Lebanese", "LB"), ("Jordanian", "JO"), ("Jordan", "JO"), ("Lebanon", "LB")],
    ),
    "world_news": (
        "Lebanon and Jordan hosted refugees; Palestine asked the UN for aid, and Mexico voted.",
        [("Lebanon", "LB"), ("Jordan", "JO"), ("Palestine", "PS"), ("Mexico", "MX")],
    ),
    "new_mexico": (
        "Public Service Co of New\nMexico said it would sell the plant.",
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(TOWN_ARTICLES))
def test_us_towns_named_like_countries(matcher, name):
    text, want = TOWN_ARTICLES[name]
    assert _found(matcher, text) == want
    assert not any(x.ambiguous for x in matcher.find(text))


def test_us_towns_off():
    text = TOWN_ARTICLES["dateline"][0]
    assert _found(gazetta.Matcher(countries(towns=False)), text) == [("LEBANON", "LB"), ("Lebanon", "LB")]
    town = countries()["US-TOWN-LEBANON"]
    assert town.kind == "town" and town.attrs["country"] == "US" and town.attrs["shares"] == "LB"
    assert "TN" in town.attrs["states"] and "parent" not in town.attrs


# "Georgia" with a word only the US state has (a governor, a legislature, a state bureau, "University
# of", a compass region of the state): the country's candidate goes, the state's stays and decides
# the document's other "Georgia" mentions; the country keeps its own news.
GEORGIA_STATE_ARTICLES = {
    "bureau": (
        "Georgia Bureau of Investigation agents raided a home. Georgia has seen more such cases.",
        [("Georgia", "US-GA"), ("Georgia", "US-GA")],
    ),
    "university": (
        "She is headed to the University of Georgia. Georgia is close to home.",
        [("Georgia", "US-GA"), ("Georgia", "US-GA")],
    ),
    "region": (
        "Walker has 7,600 customers in northeast Georgia and southwest Georgia.",
        [("Georgia", "US-GA"), ("Georgia", "US-GA")],
    ),
    "chad_the_given_name": (
        "Officers Ron McCurry and Chad Walker were dispatched. BY CHAD KLIMACK. Chad said no. "
        "Troops left Chad; Lake Chad shrank.",
        [("Chad", "TD"), ("Chad", "TD"), ("Chad", "TD")],
    ),
    "georgia_among_former_soviet_republics": (
        "Elections in former Soviet republics, notably Ukraine and Georgia, used ink. The US firm said so.",
        [("Soviet", "SUHH"), ("Ukraine", "UA"), ("Georgia", "GE"), ("US", "US")],
    ),
    "people_of_the_state": (
        "Georgia authorities say a Georgia man died in a Georgia jail. Georgia passed a law.",
        [("Georgia", "US-GA"), ("Georgia", "US-GA"), ("Georgia", "US-GA"), ("Georgia", "US-GA")],
    ),
    "counties_in": (
        "Volunteers came from Camden and Charlton counties in Georgia. Georgia sent more.",
        [("Georgia", "US-GA"), ("Georgia", "US-GA")],
    ),
    "country_demonym_with_people": (
        "Georgian authorities and Georgian police said Georgia would not yield.",
        [("Georgian", "GE"), ("Georgian", "GE"), ("Georgia", "GE")],
    ),
    "country": (
        "Georgia's parliament met in Tbilisi; Georgian officials agreed. Georgia and Armenia signed a deal.",
        [("Georgia", "GE"), ("Georgian", "GE"), ("Georgia", "GE"), ("Armenia", "AM")],
    ),
}


@pytest.mark.parametrize("name", sorted(GEORGIA_STATE_ARTICLES))
def test_georgia_the_state_by_its_institutions(matcher, name):
    text, want = GEORGIA_STATE_ARTICLES[name]
    assert _found(matcher, text) == want
