"""Mineral-country links, round 10: a country that is only where a meeting is held, a
mineral in the apposition after a country, a short form defined as something else
("peak rated capacity (PRC)"), currencies ("US-Dollar", "долларов США"), the subject
after an additive opening ("Besides cobalt from Congo, China also buys ..."), a
destination after minerals each with its own origin, a country that is only where a study
comes from, a place with its mineral right after it ("en Uzbekistán oro"), the subject
after an opening mineral and its verb in German and Russian.
The sentences are our own."""
from __future__ import annotations

import pytest


def links(row):
    return sorted({(m["mineral"], c) for m in row["minerals"] for c in m["countries"]})


def countries(row):
    return sorted(set(row["country_codes"]))


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Speaking at a mining conference in Canada on Tuesday, the company's chief "
     "executive said global lithium demand would triple by 2030.", []),
    ("en", "At a summit in India last week, leaders discussed the price of iron ore.", []),
    ("de", "Auf einer Konferenz in Kanada sagte der Chef des Unternehmens, die Nachfrage nach "
     "Lithium werde sich bis 2030 verdreifachen.", []),
    ("fr", "Lors d'une conférence au Canada, le patron du groupe a affirmé que la demande de "
     "lithium triplerait d'ici 2030.", []),
    ("es", "En la cumbre celebrada en Brasil, los ministros hablaron del cobre de Perú.",
     [("copper", "PE")]),
    ("pt", "Na reunião realizada em Portugal, os ministros discutiram o lítio da Argentina.",
     [("lithium", "AR")]),
    ("ru", "На переговорах в Японии обсуждались поставки вольфрама из Вьетнама.",
     [("tungsten", "VN")]),
    ("ru", "На конференции в Канаде глава компании заявил, что спрос на литий к 2030 году "
     "утроится.", []),
])
def test_a_country_that_is_only_a_meetings_venue_is_not_linked(analyse, lang, text, expected):
    row = analyse(text, lang)
    assert links(row) == expected
    assert len(countries(row)) == len({c for _m, c in expected}) + 1   # still a country


@pytest.mark.parametrize("lang,text,expected", [
    # a verb or a word between the noun and the preposition: no meeting's venue
    ("en", "Copper supply is not meeting demand in China, traders said.", [("copper", "CN")]),
    ("de", "Die neuen Zölle treffen in China vor allem die Kupferhütten.", [("copper", "CN")]),
    ("en", "At a conference in Santiago, Chile's mining minister said copper output would "
     "rise.", [("copper", "CL")]),
])
def test_a_country_after_other_words_stays_linked(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Chile, the world's largest copper producer, and Australia, the top lithium miner, "
     "signed a cooperation agreement on Monday.", [("copper", "CL"), ("lithium", "AU")]),
    ("en", "The Democratic Republic of Congo, the top cobalt producer, and Zambia, Africa's "
     "second-biggest copper miner, plan a joint battery precursor plant.",
     [("cobalt", "CD"), ("copper", "ZM")]),
    ("de", "Chile, der größte Kupferproduzent, und Australien, der größte Lithiumproduzent, "
     "verhandeln über ein Abkommen.", [("copper", "CL"), ("lithium", "AU")]),
    ("fr", "Le Chili, premier producteur de cuivre, et l'Australie, premier producteur de "
     "lithium, négocient un accord.", [("copper", "CL"), ("lithium", "AU")]),
    ("es", "Chile, el mayor productor de cobre, y Australia, el mayor productor de litio, "
     "negocian un acuerdo.", [("copper", "CL"), ("lithium", "AU")]),
    ("pt", "O Chile, maior produtor de cobre, e a Austrália, maior produtora de lítio, "
     "negociam um acordo.", [("copper", "CL"), ("lithium", "AU")]),
    ("ru", "Чили, крупнейший производитель меди, и Австралия, крупнейший производитель лития, "
     "ведут переговоры о соглашении.", [("copper", "CL"), ("lithium", "AU")]),
])
def test_a_mineral_in_the_apposition_after_a_country_is_its_own(analyse, lang, text,
                                                                 expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # the apposition's mineral and the minerals of the country's own clause after it
    ("en", "China, the biggest buyer of copper, imports nickel from Indonesia.",
     [("copper", "CN"), ("nickel", "CN"), ("nickel", "ID")]),
    ("en", "Indonesia, the largest nickel producer, also exports coal to India.",
     [("coal", "ID"), ("coal", "IN"), ("nickel", "ID")]),
    # a list of places, no apposition
    ("en", "Nickel output in Indonesia, copper in Chile, and lithium in Australia all rose.",
     [("copper", "CL"), ("lithium", "AU"), ("nickel", "ID")]),
])
def test_an_apposition_keeps_the_countrys_own_clause(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected_links,expected_countries", [
    ("en", "The mine's peak rated capacity (PRC) is 12 million tonnes of coal a year.", [], []),
    ("en", "The ministry's Project Review Committee (PRC) approved two coal blocks. The PRC "
     "also backed an iron ore lease.", [], []),
    # words that name the country keep it
    ("en", "The People's Republic of China (PRC) restricted exports of gallium in 2023.",
     [("gallium", "CN")], ["CN"]),
    ("en", "The Democratic Republic of the Congo (DRC) produces most of the world's cobalt.",
     [("cobalt", "CD")], ["CD"]),
    ("en", "The United States (US) imports most of its rare earths.",
     [("rare_earth_elements", "US")], ["US"]),
])
def test_a_short_form_the_article_defines_as_something_else_is_no_country(
        analyse, lang, text, expected_links, expected_countries):
    row = analyse(text, lang)
    assert links(row) == expected_links
    assert countries(row) == expected_countries


@pytest.mark.parametrize("lang,text", [
    ("de", "Ein mittlerer zweistelliger Milliardenbetrag in US-Dollar soll in die "
     "Nickelindustrie geflossen sein."),
    ("de", "Gold stieg auf 2.400 US-Dollar je Unze."),
    ("en", "Gold rose to 2,400 US dollars an ounce."),
    ("fr", "L'or a atteint 2 400 dollars américains l'once."),
    ("es", "El cobre subió a 9.000 dólares estadounidenses por tonelada."),
    ("pt", "O ouro subiu para 2.400 dólares americanos a onça."),
    ("ru", "Золото подорожало до 2400 долларов США за унцию."),
])
def test_a_currency_is_no_country_and_no_link(analyse, lang, text):
    row = analyse(text, lang)
    assert links(row) == []
    assert countries(row) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Kupfer kostete 9.000 US-Dollar je Tonne, und die USA importierten mehr davon.",
     [("copper", "US")]),
    ("de", "Der US-Zoll auf chinesisches Graphit steigt.", [("graphite", "CN"), ("graphite", "US")]),
    ("ru", "США закупили больше меди, по цене 9000 долларов США за тонну.", [("copper", "US")]),
])
def test_the_country_named_beside_a_currency_stays(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Besides cobalt from Congo, China also buys large volumes of Australian lithium.",
     [("cobalt", "CD"), ("cobalt", "CN"), ("lithium", "AU"), ("lithium", "CN")]),
    ("de", "Neben Kobalt aus dem Kongo kauft China auch große Mengen Lithium aus Australien.",
     [("cobalt", "CD"), ("cobalt", "CN"), ("lithium", "AU"), ("lithium", "CN")]),
    ("de", "Außer Nickel exportiert Indonesien auch Kohle nach Indien.",
     [("coal", "ID"), ("coal", "IN"), ("nickel", "ID")]),
    ("fr", "Outre le cobalt congolais, la Chine achète aussi du lithium australien.",
     [("cobalt", "CD"), ("cobalt", "CN"), ("lithium", "AU"), ("lithium", "CN")]),
    ("es", "Además del cobalto congoleño, China compra también litio australiano.",
     [("cobalt", "CD"), ("cobalt", "CN"), ("lithium", "AU"), ("lithium", "CN")]),
    ("pt", "Além do minério de ferro, o Brasil exporta nióbio para a China.",
     [("iron_ore", "BR"), ("niobium", "BR"), ("niobium", "CN")]),
    ("ru", "Помимо кобальта из Конго, Китай закупает и австралийский литий.",
     [("cobalt", "CD"), ("cobalt", "CN"), ("lithium", "AU"), ("lithium", "CN")]),
    ("en", "In addition to copper, Zambia and Congo produce cobalt.",
     [("cobalt", "CD"), ("cobalt", "ZM"), ("copper", "CD"), ("copper", "ZM")]),
])
def test_the_subject_after_an_additive_opening_takes_its_minerals(analyse, lang, text,
                                                                   expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # no subject country after the opening: destinations stay the mineral's after them
    ("en", "Apart from lithium, the company sells nickel to Japan and China.",
     [("nickel", "CN"), ("nickel", "JP")]),
    ("en", "Besides gold, the report covered copper output in Peru and Chile.",
     [("copper", "CL"), ("copper", "PE")]),
])
def test_an_additive_opening_without_a_subject_country(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Tin from Indonesia and nickel from the Philippines are shipped to China.",
     [("nickel", "CN"), ("nickel", "PH"), ("tin", "CN"), ("tin", "ID")]),
    ("de", "Kupfer aus Peru und Zink aus Mexiko gehen nach China.",
     [("copper", "CN"), ("copper", "PE"), ("zinc", "CN"), ("zinc", "MX")]),
    ("fr", "Le zinc de la Bolivie et l'étain du Pérou sont expédiés en Chine.",
     [("tin", "CN"), ("tin", "PE"), ("zinc", "BO"), ("zinc", "CN")]),
    ("es", "El cobre de Perú y el zinc de México se envían a China.",
     [("copper", "CN"), ("copper", "PE"), ("zinc", "CN"), ("zinc", "MX")]),
    ("pt", "O cobre do Peru e o zinco do México são enviados para a China.",
     [("copper", "CN"), ("copper", "PE"), ("zinc", "CN"), ("zinc", "MX")]),
    ("ru", "Медь из Перу и цинк из Мексики отправляются в Китай.",
     [("copper", "CN"), ("copper", "PE"), ("zinc", "CN"), ("zinc", "MX")]),
])
def test_a_destination_after_minerals_each_with_its_origin_is_theirs(analyse, lang, text,
                                                                      expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # each destination is its own mineral's
    ("en", "Brazil exports iron ore to China and niobium to Japan.",
     [("iron_ore", "BR"), ("iron_ore", "CN"), ("niobium", "BR"), ("niobium", "JP")]),
    ("en", "Copper from Chile goes to China, and zinc from Peru goes to Japan.",
     [("copper", "CL"), ("copper", "CN"), ("zinc", "JP"), ("zinc", "PE")]),
    ("en", "Lithium from Australia is processed in China, while cobalt from Congo ends up in "
     "Finland.", [("cobalt", "CD"), ("cobalt", "FI"), ("lithium", "AU"), ("lithium", "CN")]),
])
def test_a_destination_of_one_mineral_stays_its_own(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # review rev10: a clause of its own, with a subordinator or a verb of its own
    ("en", "Copper from Peru stays in the country while zinc from Mexico goes to China.",
     [("copper", "PE"), ("zinc", "CN"), ("zinc", "MX")]),
    ("en", "Copper from Peru stays home and zinc from Mexico goes to China.",
     [("copper", "PE"), ("zinc", "CN"), ("zinc", "MX")]),
    ("de", "Kupfer aus Peru bleibt im Land, während Zink aus Mexiko nach China geht.",
     [("copper", "PE"), ("zinc", "CN"), ("zinc", "MX")]),
    ("ru", "Медь из Перу остается в стране, тогда как цинк из Мексики идет в Китай.",
     [("copper", "PE"), ("zinc", "CN"), ("zinc", "MX")]),
    # a comma alone, no list's "and"
    ("en", "Unlike copper from Chile, lithium from Australia is mostly shipped to China.",
     [("copper", "CL"), ("lithium", "AU"), ("lithium", "CN")]),
    # a list of three with its "and"
    ("en", "Copper from Chile, zinc from Peru and tin from Bolivia are all shipped to China.",
     [("copper", "CL"), ("copper", "CN"), ("tin", "BO"), ("tin", "CN"), ("zinc", "CN"),
      ("zinc", "PE")]),
])
def test_a_destination_of_the_last_clause_only(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Laut einer Studie aus den Niederlanden könnte Grönland große Mengen Seltener Erden "
     "liefern.", [("rare_earth_elements", "GL")]),
    ("en", "The report, published in Geneva by a Swiss research group, said gold output in "
     "Ghana and Mali rose last year.", [("gold", "GH"), ("gold", "ML")]),
    ("en", "According to a study from Australia, lithium deposits in Zimbabwe are larger than "
     "thought.", [("lithium", "ZW")]),
    ("fr", "Selon une étude d'un institut suisse, le Pérou pourrait doubler sa production de "
     "cuivre.", [("copper", "PE")]),
    ("es", "Según un informe de Canadá, Perú podría duplicar su producción de cobre.",
     [("copper", "PE")]),
    ("ru", "По данным исследования из Японии, Вьетнам может стать крупным поставщиком "
     "вольфрама.", [("tungsten", "VN")]),
])
def test_a_country_that_is_only_a_studys_origin_is_not_linked(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # no other country: the report's country is the one it speaks of
    ("en", "According to a report from Indonesia, nickel output rose 10%.", [("nickel", "ID")]),
    # data are the country's own
    ("en", "Data from China showed copper imports from Chile rose.",
     [("copper", "CL"), ("copper", "CN")]),
    # named again outside the source phrase
    ("en", "Analysts in China expect copper imports by China to rise, while Peru ships more.",
     [("copper", "CN"), ("copper", "PE")]),
])
def test_a_reports_country_that_the_sentence_speaks_of_stays(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("es", "En Kazajistán se extrae uranio, en Uzbekistán oro y en Kirguistán antimonio.",
     [("antimony", "KG"), ("gold", "UZ"), ("uranium", "KZ")]),
    ("ru", "В Казахстане добывают уран, в Узбекистане — золото, а в Киргизии — сурьму.",
     [("antimony", "KG"), ("gold", "UZ"), ("uranium", "KZ")]),
    ("de", "In Kasachstan wird Uran gefördert, in Usbekistan Gold und in Kirgisistan Antimon.",
     [("antimony", "KG"), ("gold", "UZ"), ("uranium", "KZ")]),
    ("de", "Brasilien liefert nach China Eisenerz und nach Japan Niob.",
     [("iron_ore", "BR"), ("iron_ore", "CN"), ("niobium", "BR"), ("niobium", "JP")]),
])
def test_a_place_with_its_mineral_right_after_it_is_that_minerals(analyse, lang, text,
                                                                  expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a place before every mineral with words between stays their subject
    ("en", "In Brazil, iron ore goes to China and niobium to Japan.",
     [("iron_ore", "BR"), ("iron_ore", "CN"), ("niobium", "BR"), ("niobium", "JP")]),
    ("en", "Brazil exports iron ore to China and niobium to Japan.",
     [("iron_ore", "BR"), ("iron_ore", "CN"), ("niobium", "BR"), ("niobium", "JP")]),
])
def test_a_place_before_all_minerals_stays_their_subject(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Kupfer exportiert Chile vor allem nach China, Lithium dagegen nach Südkorea.",
     [("copper", "CL"), ("copper", "CN"), ("lithium", "CL"), ("lithium", "KR")]),
    ("ru", "Медь экспортирует Чили в основном в Китай, а литий — в Южную Корею.",
     [("copper", "CL"), ("copper", "CN"), ("lithium", "CL"), ("lithium", "KR")]),
    ("de", "Eisenerz liefert Brasilien nach China und Niob nach Japan.",
     [("iron_ore", "BR"), ("iron_ore", "CN"), ("niobium", "BR"), ("niobium", "JP")]),
])
def test_the_subject_after_an_opening_mineral_and_its_verb_takes_them_all(analyse, lang,
                                                                          text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # English keeps its word order: the clause after "as" is the country's own
    ("en", "Copper rose as Chile cut output, and zinc fell on supply from Peru.",
     [("copper", "CL"), ("zinc", "PE")]),
    ("en", "Lithium prices in China fell while Chile raised copper output.",
     [("copper", "CL"), ("lithium", "CN")]),
])
def test_no_inverted_subject_in_english(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # review rev10: a later mineral with a verb of its own has its own subject or place
    ("de", "Kupfer exportiert Chile, Eisenerz dagegen kommt vor allem aus Australien.",
     [("copper", "CL"), ("iron_ore", "AU")]),
    ("ru", "Медь экспортирует Чили, а никель добывают в Индонезии.",
     [("copper", "CL"), ("nickel", "ID")]),
])
def test_no_inverted_subject_for_a_clause_with_its_own_verb(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected
