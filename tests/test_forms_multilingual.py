"""Number forms of the other languages: ranges whose sides are written with a space
between thousands, and the market report's verbs of a move before a percentage
(seeds/figures.yaml: change_words). The sentences are our own."""
from __future__ import annotations

import pytest

from orewire.figures import find_figures


def values(sentence, lang):
    return [f.value for f in find_figures(sentence, lang)]


@pytest.mark.parametrize("lang,sentence", [
    ("fr", "Les prix du lithium ont oscillé entre 10 000 et 12 000 dollars la tonne."),
    ("fr", "Le cuivre devrait évoluer de 9 000 à 10 500 dollars la tonne cette année."),
    ("ru", "Цена палладия колебалась от 900 до 1100 долларов за унцию."),
    ("ru", "Цена меди колебалась между 9 200 и 9 600 долларами за тонну."),
    ("de", "Der Preis dürfte von 20.000 bis 24.000 Dollar je Tonne reichen."),
    ("pt", "O minério de ferro deve oscilar de 90 até 110 dólares por tonelada."),
])
def test_ranges_of_other_languages_are_no_figures(lang, sentence):
    assert values(sentence, lang) == []


@pytest.mark.parametrize("lang,sentence,kept", [
    ("fr", "L'étain cédait 1,5 % à 30 200 dollars la tonne.", [30_200]),
    ("fr", "Le zinc abandonne 2 % à Londres.", []),
    ("de", "Nickel verlor 2 Prozent auf 15.600 Dollar je Tonne.", [15_600]),
    ("es", "La plata se disparó un 8 % en la semana.", []),
    ("es", "El estaño cedió 1,2 % hasta 29.800 dólares por tonelada.", [29_800]),
    ("pt", "O minério de ferro despencou 20% no ano.", []),
    ("ru", "Никель рухнул 20% за месяц.", []),
])
def test_a_market_move_is_no_figure_and_its_level_stays(lang, sentence, kept):
    assert values(sentence, lang) == kept


@pytest.mark.parametrize("lang,sentence,value", [
    # shares and levels whose words only look like a move or a comparison
    ("fr", "La Chine représente 60 % de la demande mondiale de cuivre.", 60),
    ("es", "A escala mundial, Chile aporta el 24 % del cobre.", 24),
    ("fr", "Le cuivre se négociait à 9 850 dollars la tonne.", 9_850),
    ("de", "Die Behörde gab den Weltmarktanteil Chinas mit 70 Prozent an.", 70),
    ("fr", "Une part appréciable, soit 30 %, du cobalt vient de la RDC.", 30),
    ("fr", "La part de la Chine dans le raffinage atteint 90 % mais Pékin veut plus.", 90),
    ("es", "El contrato fija un precio de 9.500 dólares por tonelada más IVA.", 9_500),
    ("pt", "O Brasil responde por 20% mais ou menos da produção mundial de nióbio.", 20),
])
def test_levels_and_shares_stay(lang, sentence, value):
    assert values(sentence, lang) == [value]


@pytest.mark.parametrize("lang,sentence,kept", [
    # a scale word glued to a following word is no scale: "2025 mit" is no 2,025 million t
    ("de", "Der Konzern rechnet für 2025 mit einer Kupferproduktion von 900.000 Tonnen.",
     [900_000]),
    # an abbreviated scale with its full stop still scales
    ("de", "Peru folgt mit 2,6 Mio. t Kupfer.", [2_600_000]),
    ("ru", "Добыча никеля составила 200 тыс. т.", [200_000]),
    # "more" or "less" after a percentage: a comparison, so a change
    ("de", "Chinas Exporte von Seltenen Erden fielen im Mai auf 4.785 Tonnen, 15 Prozent "
     "weniger als im Vormonat.", [4_785]),
    ("es", "Chile exportó 1,2 millones de toneladas de cobre, 12 % más que en 2023.",
     [1_200_000]),
    ("fr", "La Guinée a expédié 30 % de plus de bauxite qu'en 2023.", []),
    # a move after "tras" or "após": the size of the move, not the price
    ("es", "El oro cotizaba a 2.650 dólares la onza, tras ganar 15 dólares en la jornada.",
     [2_650]),
    ("pt", "O ouro fechou a US$ 2.600 a onça, após ganhar US$ 20 no dia.", [2_600]),
])
def test_scales_comparisons_and_moves(lang, sentence, kept):
    assert values(sentence, lang) == kept


@pytest.mark.parametrize("lang,sentence,year", [
    ("de", "Chile förderte im vergangenen Jahr 5,3 Millionen Tonnen Kupfer.", 2024),
    ("de", "Im laufenden Jahr soll die Förderung 5,5 Millionen Tonnen Kupfer erreichen.", 2025),
    ("fr", "Le Niger a produit 2 020 tonnes d'uranium l'an passé.", 2024),
    ("fr", "L'année prochaine, la mine produira 40 000 tonnes de lithium.", 2026),
    ("es", "El año anterior la mina produjo 300.000 toneladas de cobre.", 2024),
    ("pt", "No ano anterior, a produção foi de 300 mil toneladas de cobre.", 2024),
    ("ru", "В минувшем году добыча золота составила 310 тонн.", 2024),
])
def test_relative_years_of_other_languages(lang, sentence, year):
    figs = find_figures(sentence, lang, article_year=2025)
    assert [f.year for f in figs] == [year]


@pytest.mark.parametrize("lang,sentence,unit", [
    # the unit as the clause's subject makes the amount a price per that unit
    ("en", "An ounce of gold cost $2,650 on Friday.", "usd/oz"),
    ("fr", "L'once d'or s'échangeait à 2 650 dollars vendredi.", "usd/oz"),
    ("de", "Die Feinunze Gold kostete am Nachmittag 2.640 Dollar.", "usd/oz"),
    ("fr", "La tonne de cuivre a atteint 11 000 dollars au LME.", "usd/t"),
    ("es", "La tonelada de cobre se cotizaba a 9.500 dólares.", "usd/t"),
    ("ru", "Тонна никеля стоит 16 500 долларов.", "usd/t"),
    # not across a sentence, and not a plain cost
    ("en", "Output was 3,000 tonnes. The plant cost $500 million.", "usd"),
    ("en", "The ton of ore was mined and the plant cost $40 million.", "usd"),
    # English "once" is no ounce ("l'once" is, in French)
    ("en", "The once mighty copper price was $9,000 a year ago.", "usd"),
    ("en", "The once-booming lithium market was worth $5,000.", "usd"),
    # market verbs of a level, and German compounds of a unit's price
    ("de", "Der Unzenpreis stieg auf 2.700 Dollar.", "usd/oz"),
    ("de", "Der Tonnenpreis für Eisenerz lag zuletzt bei 105 Dollar.", "usd/t"),
    ("es", "La onza de oro subió a 2.700 dólares.", "usd/oz"),
    ("ru", "Тонна меди подорожала до 9800 долларов.", "usd/t"),
])
def test_a_unit_as_subject_makes_a_price(lang, sentence, unit):
    assert [f.unit for f in find_figures(sentence, lang) if f.unit != "tonnes"] == [unit]


@pytest.mark.parametrize("lang,sentence,kind", [
    ("es", "Codelco invertirá 40.000 millones de dólares para sostener su producción de cobre.",
     "investment"),
    ("de", "Die Lithiumvorkommen werden auf 2,5 Mio. t geschätzt.", "reserves"),
])
def test_kinds_of_other_languages(lang, sentence, kind):
    assert [f.kind for f in find_figures(sentence, lang)] == [kind]


@pytest.mark.parametrize("lang,sentence,years", [
    # a year after a compared earlier level is that level's
    ("de", "Lithiumcarbonat kostet rund 75.000 Yuan je Tonne, nach 600.000 Yuan Ende 2022.",
     [None, 2022]),
    ("fr", "Le lithium vaut 10 500 dollars la tonne, contre 80 000 dollars fin 2022.",
     [None, 2022]),
    ("en", "Copper traded at $9,800 a tonne, against $8,200 in 2023.", [None, 2023]),
    # a year shared by a list still binds to each
    ("en", "Chile produced 5.3 million tonnes and Peru 2.6 million tonnes in 2023.",
     [2023, 2023]),
])
def test_a_compared_levels_year(lang, sentence, years):
    assert [f.year for f in find_figures(sentence, lang, article_year=2025)] == years


@pytest.mark.parametrize("lang,sentence,kept", [
    # a year before "bis", "hasta", "até", "à", "до" is no range's first side
    ("de", "Die Mine soll 2027 bis zu 40.000 Tonnen Lithium liefern.", [40_000]),
    ("es", "Chile podría producir en 2030 hasta 7 millones de toneladas de cobre.",
     [7_000_000]),
    ("pt", "A Vale prevê produzir em 2026 até 340 milhões de toneladas de minério de ferro.",
     [340_000_000]),
    ("fr", "Les stocks de cuivre s'établissaient fin 2024 à 12 000 tonnes.", [12_000]),
    ("ru", "В 2025 до 40% никеля уйдет на экспорт.", [40]),
    # an abbreviated scale written against its unit
    ("ru", "Компания произвела 210 тыс.тонн никеля.", [210_000]),
    ("de", "Chile förderte 2,6 Mio.t Kupfer.", [2_600_000]),
    # both sides of a range go, with a currency before each
    ("ru", "Цена колебалась от $900 до $1100 за унцию.", []),
    ("pt", "O minério deve oscilar de US$ 90 até US$ 110 por tonelada.", []),
])
def test_review_findings_on_ranges_and_scales(lang, sentence, kept):
    assert values(sentence, lang) == kept


def test_a_but_clause_keeps_its_year():
    figs = find_figures("La production a atteint 40 000 tonnes mais la société vise "
                        "50 000 tonnes en 2026.", "fr", article_year=2025)
    assert [f.year for f in figs] == [None, 2026]


@pytest.mark.parametrize("lang,sentence,kept", [
    # a unit left out after the first figure of a list
    ("es", "Chile produjo 5,3 millones de toneladas, Perú 2,6 millones y China 1,7 millones.",
     [5_300_000, 2_600_000, 1_700_000]),
    ("en", "Chile produced 5.3 million tonnes of copper, Peru 2.6 million and China 1.7 "
     "million.", [5_300_000, 2_600_000, 1_700_000]),
    ("fr", "La Chine a importé 3 millions de tonnes et le Japon 1,2 million.",
     [3_000_000, 1_200_000]),
    # not people, not an unscaled number
    ("en", "The mine produced 5.3 million tonnes, employing 2.6 million people.", [5_300_000]),
    ("en", "Chile produced 5.3 million tonnes, Peru 2.6 and China 1.7.", [5_300_000]),
])
def test_a_unit_left_out_in_a_list(lang, sentence, kept):
    assert values(sentence, lang) == kept


@pytest.mark.parametrize("lang,sentence,unit", [
    ("es", "El carbonato de litio se desplomó a 75.000 yuanes por tonelada.", "cny/t"),
    ("fr", "Le carbonate de lithium vaut 75 000 yuans la tonne.", "cny/t"),
    ("pt", "O carbonato de lítio caiu para 60.000 iuanes por tonelada.", "cny/t"),
    ("es", "El oro se vendía a 7,5 millones de rupias el kilo en Mumbai.", "inr"),
])
def test_currency_plurals_of_other_languages(lang, sentence, unit):
    assert [f.unit for f in find_figures(sentence, lang)][:1] == [unit]


@pytest.mark.parametrize("lang,sentence", [
    ("fr", "Le cuivre reste sous les 9 000 dollars la tonne."),
    ("de", "Der Nickelpreis hält sich unter 16.000 Dollar je Tonne."),
    ("es", "El cobre se mantiene bajo los 9.000 dólares por tonelada."),
])
def test_short_bound_words_of_other_languages(lang, sentence):
    assert values(sentence, lang) == []
