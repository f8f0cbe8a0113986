"""The built-in countries on news prose (issue 5 item 7): every country an article names —
by name, short form, acronym ("DPRK", "U.S."), full official name, demonym, capital, ALL-CAPS
dateline, curly possessive ("Russia’s") — is found, and nothing else is."""

from __future__ import annotations

import pytest

import gazetta
from gazetta.gazetteers import countries

# (article, expected (surface, entity) in text order). Surfaces are exact text slices.
ARTICLES = {
    "korea": (
        "SEOUL — North Korea fired two ballistic missiles on Thursday, South Korea’s military said, hours "
        "after the U.S. and Japanese envoys met in Tokyo.\nThe Democratic People’s Republic of Korea called "
        "the drills “rehearsals for invasion”. A DPRK spokesman in Pyongyang said China’s position had not "
        "changed, while Beijing urged restraint.\nSouth Korean officials said the Republic of Korea would "
        "consult Washington.",
        [("SEOUL", "KR"), ("North Korea", "KP"), ("South Korea", "KR"), ("U.S.", "US"), ("Japanese", "JP"),
         ("Tokyo", "JP"), ("Democratic People’s Republic of Korea", "KP"), ("DPRK", "KP"), ("Pyongyang", "KP"),
         ("China", "CN"), ("Beijing", "CN"), ("South Korean", "KR"), ("Republic of Korea", "KR"),
         ("Washington", "US")],
    ),
    "ukraine": (
        "KYIV (Reuters) — Russia’s defence ministry said on Monday its forces had taken a village in eastern "
        "Ukraine, a claim Ukrainian officials denied.\nTalks with the United States were possible, a spokesman "
        "said. Britain’s foreign secretary, speaking in London, promised more aid; the U.K. will also train "
        "2,000 Ukrainians. Germany and France – the EU’s largest economies – backed new sanctions against the "
        "Russian Federation, and Polish farmers blocked the border again.\nMoscow’s envoy to Turkey met "
        "Turkish officials in Ankara. Unionists in Northern Ireland objected.",
        [("KYIV", "UA"), ("Russia", "RU"), ("Ukraine", "UA"), ("Ukrainian", "UA"), ("United States", "US"),
         ("Britain", "GB"), ("London", "GB"), ("U.K.", "GB"), ("Ukrainians", "UA"), ("Germany", "DE"),
         ("France", "FR"), ("Russian Federation", "RU"), ("Polish", "PL"), ("Moscow", "RU"), ("Turkey", "TR"),
         ("Turkish", "TR"), ("Ankara", "TR"), ("Northern Ireland", "GB")],
    ),
    "middle_east": (
        "Israel’s prime minister met the Egyptian president in Cairo on Sunday as talks on Gaza resumed. "
        "Qatar and Egypt have mediated between Israel and Hamas for months. Iran‘s foreign minister warned of "
        "a wider war, and Saudi Arabia said it would host a summit in Riyadh.\nThe UAE and Jordan sent aid "
        "convoys; Syrian state media reported strikes near Damascus. Lebanon's caretaker government called "
        "for a ceasefire. An American official said the U.S.A. would keep its carriers in the region.",
        [("Israel", "IL"), ("Egyptian", "EG"), ("Cairo", "EG"), ("Gaza", "PS"), ("Qatar", "QA"),
         ("Egypt", "EG"), ("Israel", "IL"), ("Iran", "IR"), ("Saudi Arabia", "SA"), ("Riyadh", "SA"),
         ("UAE", "AE"), ("Jordan", "JO"), ("Syrian", "SY"), ("Damascus", "SY"), ("Lebanon", "LB"),
         ("American", "US"), ("U.S.A.", "US")],
    ),
    "world": (
        "At the G20 in New Delhi, India’s hosts welcomed leaders from Brazil, South Africa and Indonesia. The "
        "Czech Republic and Czechia’s neighbour Slovakia signed an energy deal; Côte d’Ivoire and Ivorian "
        "diplomats joined the DRC and the Republic of the Congo in a pledge on forests.\nMyanmar, also known "
        "as Burma, was not invited. Australian, Canadian and Mexican ministers met in a side session, and "
        "Vietnam’s president flew home to Hanoi. Türkiye, once called Turkey in English, sent its "
        "vice-president. Taiwan was discussed only in closed session.",
        [("New Delhi", "IN"), ("India", "IN"), ("Brazil", "BR"), ("South Africa", "ZA"), ("Indonesia", "ID"),
         ("Czech Republic", "CZ"), ("Czechia", "CZ"), ("Slovakia", "SK"), ("Côte d’Ivoire", "CI"),
         ("Ivorian", "CI"), ("DRC", "CD"), ("Republic of the Congo", "CG"), ("Myanmar", "MM"), ("Burma", "MM"),
         ("Australian", "AU"), ("Canadian", "CA"), ("Mexican", "MX"), ("Vietnam", "VN"), ("Hanoi", "VN"),
         ("Türkiye", "TR"), ("Turkey", "TR"), ("Taiwan", "TW")],
    ),
    "no_countries": (
        "Shoppers bought roast turkey, fine china and french fries before the holiday. The Kremlin and "
        "the White House declined to comment; the EU, NATO and the G7 met in a hall in the city.",
        [],
    ),
}


@pytest.fixture(scope="module")
def matcher() -> gazetta.Matcher:
    return gazetta.Matcher(countries())


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_finds_every_country_named_and_nothing_else(matcher, name):
    text, want = ARTICLES[name]
    got = [(text[m.start:m.end], m.entity) for m in matcher.find(text)]
    assert got == want
    assert not any(m.ambiguous for m in matcher.find(text))


def test_cooccurrence_of_an_article(matcher):
    """The sentence-level pairs of the Korea article, counted end to end."""
    text = ARTICLES["korea"][0]
    co = gazetta.cooccurrence([text], matcher, unit="sentence")
    pairs = {(r.a, r.b): r.n_ab for r in co.pairs.itertuples()}
    assert pairs[("JP", "US")] == 1 and pairs[("KP", "KR")] == 1 and pairs[("CN", "KP")] == 1
    assert pairs[("KR", "US")] == 2  # the first and the last sentence
    assert co.entities.set_index("entity").loc["KP", "n_mentions"] == 4  # name, full name, DPRK, capital


# Phrases in which an alias of the English list names something else. The built-in data keeps
# these aliases (they are right far more often than not); users pass the phrases as ignore=.
KNOWN_LIMITS = [
    ("trade with Latin America", "US"),
    ("tourists from South America", "US"),
    ("migrants from Central America", "US"),
    ("across North America", "US"),
    ("a cyclone in the Indian Ocean", "IN"),
    ("wildfires in New Mexico", "MX"),
    ("oil spills in the Niger Delta", "NE"),
]


@pytest.mark.parametrize("text, entity", KNOWN_LIMITS)
def test_known_limits_and_their_workaround(text, entity):
    """Pins the documented limits (PROVENANCE.md) and shows the workaround: ignore= phrases
    (SPEC §3.7) take part in overlap resolution and hide the inner alias."""
    assert [m.entity for m in gazetta.Matcher(countries()).find(text)] == [entity]
    phrases = ["Latin America", "South America", "Central America", "North America", "Indian Ocean",
               "New Mexico", "Niger Delta"]
    assert gazetta.Matcher(countries(), ignore=phrases).find(text) == []
