"""orewire.figures: figures quoted in a sentence (DESIGN.md: value scaled by its word, no
unit conversion; ranges and numbers in words are not recorded)."""
from __future__ import annotations

import pytest

from orewire.figures import classify, find_figures


def one(sentence):
    figs = find_figures(sentence)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize("sentence,value,unit,quote", [
    ("The mine produced 20 million metric tons of ore last year.",
     20_000_000, "tonnes", "20 million metric tons"),
    ("The company agreed to pay $652.26 million for the stake.",
     652_260_000, "usd", "$652.26 million"),
    ("Reserves at the project stand at 2.4 million ounces of gold.",
     2_400_000, "oz", "2.4 million ounces"),
    ("Chile holds 41% of the reserves.", 41, "percent", "41%"),
    ("The EU pledged €2 billion for refining projects.", 2_000_000_000, "eur", "€2 billion"),
    ("The miner raised US$1.5bn from investors.", 1_500_000_000, "usd", "US$1.5bn"),
    ("The junior raised A$30m for drilling.", 30_000_000, "aud", "A$30m"),
    ("Shipments reached 1,250,000 tonnes in May.", 1_250_000, "tonnes", "1,250,000 tonnes"),
    ("Smelters used 45 kt of concentrate.", 45_000, "tonnes", "45 kt"),
    ("About 60 per cent of supply comes from one country.", 60, "percent",
     "About 60 per cent"),
    ("The plant will cost 300 million euros.", 300_000_000, "eur", "300 million euros"),
])
def test_design_examples(sentence, value, unit, quote):
    f = one(sentence)
    assert f.value == pytest.approx(value)
    assert f.unit == unit
    assert f.quote == quote
    assert sentence[f.start:f.end].strip() == quote


def test_quote_keeps_approximation_word():
    f = one("China holds around 70% of global rare earth production.")
    assert f.value == 70 and f.unit == "percent"
    assert "around 70%" in f.quote


def test_seed_article_sentence():
    s = ("According to some experts, amid concerns over China’s dominant control of around "
         "70% of the global rare earth elements (REE) production, Western nations seek "
         "alternative sources to safeguard against potential disruptions.")
    f = one(s)
    assert f.value == 70 and f.unit == "percent" and f.kind == "share"
    assert "around 70%" in f.quote


def test_share_kind_for_of_global_production():
    f = one("China controls 70% of global production.")
    assert f.kind == "share"


def test_kinds_for_tonnage_and_money():
    assert one("The mine produced 20 million metric tons of ore last year.").kind == "production"
    assert one("Reserves at the project stand at 2.4 million ounces of gold.").kind == "reserves"
    assert one("The company agreed to pay $652.26 million for the stake.").kind == "investment"
    assert one("Exports of 1.2m tonnes left the port.").kind == "export"
    assert one("Lithium carbonate was priced at $12,500 per tonne.").kind == "price"


@pytest.mark.parametrize("sentence", [
    "Prices rose 20-30% this year.",
    "Prices rose 20–30% this year.",
    "Prices rose 20%-30% this year.",
    "Prices rose 20 to 30 percent this year.",
    "The plant makes 5,000-6,000 tonnes a year.",
    "The plant makes 10-12 million tonnes a year.",
    "The expansion costs $1.2-1.5 billion.",
])
def test_ranges_not_recorded(sentence):
    assert find_figures(sentence) == []


def test_percent_range_with_repeated_unit_not_recorded():
    assert find_figures("Prices rose 20% to 30% this year.") == []


@pytest.mark.parametrize("sentence", ["The deal is worth $5 million to $7 million.",
                                      "The deal is worth $5 million-$7 million."])
def test_money_range_with_repeated_currency_not_recorded(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Offers for the concentrate stood at $61 a tonne at the low end and $64 at the high end.",
    "Spot cargoes traded at 410 yuan on the bottom end and 425 yuan on the top end.",
])
def test_range_written_by_its_ends_not_recorded(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Concentrate changed hands between US$720 and US$760 a tonne this week.",
    "The expansion will cost between A$40 million and A$55 million.",
])
def test_between_range_with_a_lettered_currency_prefix_not_recorded(sentence):
    assert find_figures(sentence) == []


def test_low_end_of_guidance_alone_is_still_a_figure():
    figs = find_figures("Output came in at 3 million tonnes, at the low end of guidance.")
    assert [(f.value, f.unit) for f in figs] == [(3_000_000, "tonnes")]


def test_change_to_a_level_is_not_a_range():
    # the change ("fell 4.5%") is not a figure; the level it reached is
    figs = find_figures("Output fell 4.5% to 120,000 tonnes.")
    assert [(f.value, f.unit) for f in figs] == [(120_000, "tonnes")]


@pytest.mark.parametrize("sentence, lang, value", [
    ("Warehouse stocks of tin fell 1,340 tonnes to 6,210 tonnes.", "en", 6_210),
    ("Inventories rose by 800 tonnes to 12,400 tonnes this week.", "en", 12_400),
    ("Die Lagerbestände stiegen um 1.500 Tonnen auf 9.800 Tonnen.", "de", 9_800),
    # a move of money "by" an amount, then the level it reached (not a "from-to" range)
    ("Bullion in Delhi rose by Rs 610 to Rs 71,900 per 10 grams.", "en", 71_900),
    ("The contract gained by $35 to $2,290 an ounce.", "en", 2_290),
])
def test_an_amount_moved_then_the_level_it_reached_is_not_a_range(sentence, lang, value):
    # the move is not a figure; the level it reached is
    assert [f.value for f in find_figures(sentence, lang)] == [value]


def test_two_amounts_after_a_plain_verb_are_still_a_range():
    assert find_figures("Output will be 2,000 tonnes to 3,000 tonnes next year.") == []


@pytest.mark.parametrize("sentence", [
    "Exports fell in 2025 after the ban.",
    "The 2025 budget left mining untouched.",
    "In 2024, 2025 and 2026 the mine expanded.",
    "Almost half of the cobalt comes from one country.",
    "The 5G rollout needs copper.",
])
def test_no_figure(sentence):
    assert find_figures(sentence) == []


def test_year_next_to_a_figure_is_not_a_figure():
    figs = find_figures("Chile held 3% of supply in 2025.")
    assert [(f.value, f.unit) for f in figs] == [(3, "percent")]


def test_multiple_figures_in_order_without_overlap():
    s = "Cobalt held a 5 percent share at $33,000 while output reached 2.1 million tonnes."
    figs = find_figures(s)
    assert [(f.value, f.unit) for f in figs] == [(5, "percent"), (33_000, "usd"),
                                                (2_100_000, "tonnes")]
    assert all(a.end <= b.start for a, b in zip(figs, figs[1:]))


def test_bare_t_without_scale_ignored():
    assert find_figures("The team scored 12 t in the game.") == []


def test_price_a_tonne_is_price():
    assert one("Copper hit $10,000 a tonne on the exchange.").kind == "price"


@pytest.mark.parametrize("sentence", [
    "Output rose 41% in the quarter.",
    "Palladium output could fall as much as 11% this year.",
    "Exports were up 26.2% year-on-year.",
    "Sales reached $5 million (+5.9% YoY).",
    "a 2% increase in production",
])
def test_percentage_changes_are_not_figures(sentence):
    assert [f for f in find_figures(sentence) if f.unit == "percent"] == []


@pytest.mark.parametrize("lang,sentence,value,unit", [
    ("es", "OCP controla el 49,2% del mercado mundial.", 49.2, "percent"),
    ("es", "Produce 30 millones de toneladas de fosfato.", 30_000_000, "tonnes"),
    ("fr", "Kazatomprom a produit 22 808 tonnes d'uranium.", 22_808, "tonnes"),
    ("fr", "Le projet coûte 1,5 milliard de dollars.", 1_500_000_000, "usd"),
    ("de", "Guinea exportierte 1,2 Mio. Tonnen Bauxit.", 1_200_000, "tonnes"),
    ("en", "Australia shipped 179 million mt of coking coal.", 179_000_000, "tonnes"),
    ("en", "Production reached 1.2 Mt.", 1_200_000, "tonnes"),
    ("en", "Tin reached $38,395 a ton.", 38_395, "usd/t"),
    ("en", "Tin hit 299,220 yuan ($40,999.15) per metric ton.", 299_220, "cny/t"),
    # US cents, the troy ounce and the pound in each language
    ("en", "Copper traded at 412 US cents/lb.", 412, "usc/lb"),
    ("en", "Palladium rose to $1,020 per troy ounce.", 1020, "usd/oz"),
    ("de", "Der Preis stieg auf 2.380 Dollar je Feinunze.", 2380, "usd/oz"),
    ("es", "El cobre llegó a 4,05 dólares la libra.", 4.05, "usd/lb"),
    ("ru", "Никель подорожал до 17 100 долл./т.", 17100, "usd/t"),
    # the tonne after a small number outside English, and with "of" in English
    ("fr", "La mine a produit 41 t d'or.", 41, "tonnes"),
    ("en", "Central banks bought 24 t of gold in May.", 24, "tonnes"),
])
def test_languages_scales_and_prices(lang, sentence, value, unit):
    figs = find_figures(sentence, lang)
    assert [(f.value, f.unit) for f in figs] == [(pytest.approx(value), unit)]


# ---------------------------------------------------------------- issue 12: forms and non-figures
# Sentences of our own writing, one per class of the issue.

@pytest.mark.parametrize("sentence,lang,kw,value,unit", [
    ("The port shipped 4.6 MT of ore in the year.", "en", {"mt_million": True},
     4_600_000, "tonnes"),
    ("The port shipped 4.6 mt of ore in the year.", "en", {}, 4.6, "tonnes"),
    ("Kazakh mines produced 21,000 tU last year.", "en", {}, 21_000, "tU"),
    ("Ammonium paratungstate sold at $410 per mtu in Rotterdam.", "en", {}, 410, "usd/mtu"),
    ("Wolframite concentrate fetched $265 per metric tonne unit.", "en", {}, 265, "usd/mtu"),
    ("Manganese ore cost $4.05 per dry metric tonne unit.", "en", {}, 4.05, "usd/mtu"),
    ("Pellet feed rose to $118.20 a dry metric tonne.", "en", {}, 118.2, "usd/t"),
    ("Laterite buyers paid $31 a wet tonne.", "en", {}, 31, "usd/t"),
    ("Thermal coal from Wyoming sold for $14.60 per short ton.", "en", {}, 14.6, "usd/st"),
    ("The state expects royalties of Rs 2,400 crore from the block.", "en", {},
     24_000_000_000, "inr"),
    ("The bids totalled Rs 3.5 lakh in the first round.", "en", {}, 350_000, "inr"),
    ("Silver fetched ₹95,000 per 10 grams in Mumbai.", "en", {}, 95_000, "inr/10g"),
    ("Jewellers paid ₹1,12,500.50 for 10 grams.", "en", {}, 112_500.5, "inr/10g"),
    ("Washington set up a $7-billion fund for smelters.", "en", {}, 7_000_000_000, "usd"),
    ("Each tonne of spodumene was worth $880 last month.", "en", {}, 880, "usd/t"),
    ("The quarry ships 150 000 tonnes a year.", "en", {}, 150_000, "tonnes/year"),
    ("Output reached 2,500t in March.", "en", {}, 2_500, "tonnes"),
    ("Die Hütte verkaufte 2,5 Mio. t Kupfer.", "de", {}, 2_500_000, "tonnes"),
    ("Le stock atteint un milliard de tonnes.", "fr", {}, 1_000_000_000, "tonnes"),
    ("Der Preis lag bei 7.300 Dollar je Tonne.", "de", {}, 7_300, "usd/t"),
    ("The trade was worth 900 million pounds a year.", "en", {"sterling": True},
     900_000_000, "gbp"),
    ("The mine sold 900 million pounds of copper.", "en", {"sterling": True},
     900_000_000, "lb"),
])
def test_units_and_number_forms(sentence, lang, kw, value, unit):
    figs = find_figures(sentence, lang, **kw)
    assert [(f.value, f.unit) for f in figs] == [(pytest.approx(value), unit)], figs


@pytest.mark.parametrize("sentence,lang", [
    ("Ore prices were RMB1,200~1,300/t in the north.", "en"),
    ("Quotes ranged between $40 and $44 a pound.", "en"),
    ("Prices went from $40 to $44 a pound.", "en"),
    ("Exports run at 3-million to 4-million tonnes a year.", "en"),
    ("The drill hole returned 2.4% Li2O over 30 metres.", "en"),
    ("The deposit averages 0.9% Cu.", "en"),
    ("The government imposed a 25% tariff on the metal.", "en"),
    ("Washington raised duties by 35 percentage points.", "en"),
    ("The province set a royalty of 6% on sales.", "en"),
    ("The fund bought a 15% stake in the miner.", "en"),
    ("The study gave an after-tax NPV of $900 million.", "en"),
    ("Holders get C$2.10 per share in cash.", "en"),
    ("Prices jumped 12% from yesterday.", "en"),
    ("Output rose 8% year on year.", "en"),
    ("La production a progressé de 12 % sur un an.", "fr"),
    ("Die Förderung stieg um 4 Prozent.", "de"),
    ("Seit Januar hat das Metall gut 9 Prozent zugelegt.", "de"),
    ("Der Absatz ist im Quartal 6 Prozent gesunken.", "de"),
    ("La producción aumentó un 7%.", "es"),
    ("A produção cresceu 5,5 por cento.", "pt"),
    ("Добыча выросла на 3%.", "ru"),
    ("Contract prices rose 20,000 yuan/mt from the previous round.", "en"),
    ("A long strike could cost the province $200 million in lost taxes.", "en"),
    # the size of a move or a loss, with no level after it
    ("Platinum rose $18 in late trade.", "en"),
    ("The smelting unit lost A$140 million in the half.", "en"),
    ("El metal ganó 40 dólares en la semana.", "es"),
    ("Les cours ont perdu 300 dollars en une séance.", "fr"),
    ("The tin price crashed 35% within a week.", "en"),
    ("Spot prices have collapsed about 60% since the peak.", "en"),
    # a company's cash, a smelter royalty, a graphite grade, a metal-equivalent total
    ("The explorer finished June with cash of $41 million.", "en"),
    ("It bought a 1.5% net smelter return royalty on the mine.", "en"),
    ("Drill core from the hole averaged 9.1% total graphitic carbon.", "en"),
    ("The mine made 410,000 gold equivalent ounces last year.", "en"),
    ("Output was 5.1 million ounces of silver equivalent in 2025.", "en"),
    ("Reserves stand at 3.3 Moz AuEq after the update.", "en"),
    ("The state fund is to get 40% of future royalties from the lithium mines.", "en"),
    # shares of people, votes, an economy, emissions; money that is debt
    ("The mining party took 38% of the vote in the copper region.", "en"),
    ("Nearly 45% of the province's population works in the mines.", "en"),
    ("Public debt reached 96% of GDP as copper revenue fell.", "en"),
    ("Smelters produce 12% of national emissions.", "en"),
    ("Le nickel fait vivre 25 % de la population de l'île.", "fr"),
    ("The copper exporter refinanced $2.1 billion of Eurobond debt.", "en"),
    ("Se espera que las ventas de plata superen los 900 millones de dólares.", "es"),
    ("Der Händler zahlt einen Aufschlag von 4 Prozent auf den LME-Preis.", "de"),
    ("Der Fonds übernimmt 20 Prozent an der Kupfermine.", "de"),
    ("La plata subió con fuerza, tras subir un 12 % en el trimestre.", "es"),
    ("Les réserves sont calculées sur une base de 100 % pour le groupe.", "fr"),
    ("The zinc price needed to justify new mines is near $3,400 a tonne.", "en"),
    ("Analysts put the incentive price for new nickel at $21,000 a tonne.", "en"),
])
def test_not_figures(sentence, lang):
    assert find_figures(sentence, lang) == []


def test_level_reached_after_a_change_is_a_figure():
    figs = find_figures("Its share of supply rose to 62% this year.", "en")
    assert [(f.value, f.unit, f.kind) for f in figs] == [(62, "percent", "share")]


def test_dash_between_two_dated_figures_is_not_a_range():
    figs = find_figures("Sales were 1.1 million tonnes in 2022 - 1.3 million tonnes in 2023.")
    assert [(f.value, f.year) for f in figs] == [(1_100_000, 2022), (1_300_000, 2023)]


@pytest.mark.parametrize("sentence,article_year,year", [
    ("In 2017, the country mined 40,000 tonnes.", None, 2017),
    ("The mine produced 40,000 tonnes in 2019.", 2024, 2019),
    ("The mine produced 40,000 tonnes last year.", 2024, 2023),
    ("La mine a produit 40 000 tonnes l'an dernier.", 2024, 2023),
    ("The mine produced 40,000 tonnes.", 2024, None),
])
def test_figure_year(sentence, article_year, year):
    lang = "fr" if "mine a" in sentence else "en"
    figs = find_figures(sentence, lang, article_year=article_year)
    assert len(figs) == 1 and figs[0].year == year


def test_year_of_the_figures_own_clause():
    figs = find_figures("A year ago it fetched $900 a tonne, and in 2021 it briefly passed "
                        "$4,000.", article_year=2025)
    assert [(f.value, f.year) for f in figs] == [(900, 2024), (4000, 2021)]


def test_a_year_earlier_after_a_figure_is_its_comparison():
    figs = find_figures("Chile shipped 410,000 tonnes in May, 3% more than a year earlier.",
                        article_year=2025)
    assert [(f.value, f.year) for f in figs] == [(410_000, None)]


@pytest.mark.parametrize("sentence,expected", [
    # the phrase after "from" or "than" names the comparison, not the new level
    ("Zambia's cobalt output slipped 4% from a year earlier to 9,200 tonnes in March.",
     [(9_200, "tonnes", None)]),
    ("Nickel was dearer than a year ago at $17,400 a tonne.", [(17_400, "usd/t", None)]),
    # the compared level itself: its year is the phrase's, and "a year earlier" is no rate
    ("The smelter made 61,000 tonnes, down from 66,500 tonnes a year earlier.",
     [(61_000, "tonnes", None), (66_500, "tonnes", 2024)]),
    ("Sales rose to 3,100 tonnes from 2,800 tonnes a year ago.",
     [(3_100, "tonnes", None), (2_800, "tonnes", 2024)]),
    # a rate is still a rate
    ("The plant will make 20,000 tonnes a year.", [(20_000, "tonnes/year", None)]),
])
def test_a_relative_year_of_a_comparison(sentence, expected):
    figs = find_figures(sentence, article_year=2025)
    assert [(f.value, f.unit, f.year) for f in figs] == expected


@pytest.mark.parametrize("sentence,lang,expected", [
    # a year before a comparing word is the first figure's, not the compared level's
    ("Demand for the metal may reach 3.1 million tonnes by 2030, up from 1.4 million "
     "tonnes this year.", "en", [(3_100_000, 2030), (1_400_000, 2025)]),
    # a relative phrase after another figure is that one's
    ("In 2023 copper output rose to 5.1 million tonnes from 4.6 million tonnes last year.",
     "en", [(5_100_000, 2023), (4_600_000, 2024)]),
    # a relative phrase right before the figure beats a year opening the next clause
    ("Peru förderte im vergangenen Jahr 2,6 Millionen Tonnen Kupfer, 2021 waren es 2,3 "
     "Millionen Tonnen.", "de", [(2_600_000, 2024), (2_300_000, 2021)]),
])
def test_which_year_a_figure_states(sentence, lang, expected):
    figs = find_figures(sentence, lang, article_year=2025)
    assert [(f.value, f.year) for f in figs] == expected


@pytest.mark.parametrize("sentence,kinds", [
    # what "worth" values decides the kind
    ("Kenya's titanium exports rose to 410,000 tonnes, worth $96 million.",
     ["export", "export"]),
    ("Japan imported 3,200 tonnes of indium worth $41 million.", ["other", "other"]),
    ("The fund bought a stake worth $75 million in the nickel project.", ["investment"]),
    # a cue is a word's start, not any word's: "customs" is no Portuguese "custo" (cost)
    ("Chile shipped lithium carbonate worth $520 million, customs data showed.",
     ["export"]),
    ("Zinc exports came to $80 million last month, according to customs figures.",
     ["export"]),
    # the noun "mines" is no production cue: mines bought are an investment
    ("Two groups bought mines and projects worth a combined $410 million.",
     ["investment"]),
    # a department's name is no resource
    ("Coal export earnings will ease to A$61 billion, the Resources Department said.",
     ["export"]),
])
def test_kind_of_an_amount_of_money(sentence, kinds):
    figs = find_figures(sentence)
    assert [classify(sentence, f) for f in figs] == kinds


def test_a_restated_figure_keeps_the_first_ones_kind():
    figs = find_figures("The miner said the deposit held 2 million tonnes, a figure it later "
                        "raised to 2.6 million tonnes when it applied for a processing permit.")
    assert [f.kind for f in figs] == ["reserves", "reserves"]


def test_a_threshold_crossed_again_is_not_a_figure():
    figs = find_figures("Buying reached 800 tonnes, the fourth straight year above 500 tonnes.")
    assert [f.value for f in figs] == [800]


@pytest.mark.parametrize("sentence,value,unit", [
    ("The mine made 250 koz of gold.", 250_000, "oz"),
    ("Gold output was 1.1 Moz in the year.", 1_100_000, "oz"),
    ("Measured resources hold 12 Mlbs of U3O8.", 12_000_000, "lb"),
    ("The refinery will make 40 ktpa of hydroxide.", 40_000, "tonnes/year"),
])
def test_mining_unit_abbreviations(sentence, value, unit):
    assert [(f.value, f.unit) for f in find_figures(sentence)] == [(value, unit)]


def _values(sentence, lang="en", **kw):
    return [(f.value, f.unit) for f in find_figures(sentence, lang, **kw)]


def test_share_after_a_change_word_of_another_clause_is_a_share():
    s = ("With orders for zinc climbing fast and roughly 40% of world smelting capacity "
         "sitting in one province, buyers are nervous.")
    assert _values(s) == [(40.0, "percent")]
    # the same change word right before a bare percentage is still a change
    assert _values("Orders for zinc are climbing 40% this spring.") == []


def test_level_reached_after_a_change_is_kept_despite_the_comparison_period():
    s = "Tin shipments fell by 9.5 per cent to 2.4 MT over the year-ago quarter."
    assert _values(s, mt_million=True) == [(2_400_000.0, "tonnes")]


@pytest.mark.parametrize("sentence", [
    "The embargo covers goods worth $3 billion a year, including refined tin.",
    "The measure applies to 85% of goods shipped between the two countries.",
])
def test_amounts_of_goods_in_general_are_not_figures(sentence):
    assert _values(sentence) == []


@pytest.mark.parametrize("sentence,lang", [
    ("Silver topped $40 for the first time on Friday.", "en"),
    ("Le cuivre a franchi le seuil des 11.000 dollars mardi.", "fr"),
])
def test_a_price_level_crossed_is_not_the_price(sentence, lang):
    assert _values(sentence, lang) == []


@pytest.mark.parametrize("sentence,lang,value", [
    ("The refinery received three tonnes of palladium sponge.", "en", 3.0),
    ("La banque centrale a acheté deux tonnes d'or.", "fr", 2.0),
    ("Die Mine soll drei Millionen Tonnen Erz liefern.", "de", 3_000_000.0),
])
def test_small_numbers_in_words_before_a_unit(sentence, lang, value):
    assert _values(sentence, lang) == [(value, "tonnes")]


def test_one_tonne_in_words_stays_a_price_unit():
    assert _values("One tonne of the concentrate sells for $900.") == [(900.0, "usd/t")]


@pytest.mark.parametrize("sentence,lang", [
    ("The miner expects to sell between 40,000 and 45,000 ounces of palladium.", "en"),
    ("Output should be between 1.5 million and 1.7 million tonnes.", "en"),
    ("La mine produira entre 10 et 12 millions de tonnes de minerai.", "fr"),
])
def test_between_ranges_without_a_unit_on_the_first_side(sentence, lang):
    assert _values(sentence, lang) == []


def test_small_unscaled_amount_without_a_cue_is_a_price():
    kinds = [(f.value, f.kind) for f in find_figures("Tin rose 1% to $31,250, and the "
                                                      "new smelter gets €40 million.", "en")]
    assert kinds == [(31250.0, "price"), (40_000_000.0, "investment")]


@pytest.mark.parametrize("sentence", [
    "The tin miner's shares jumped 9% to A$0.85 in early trade.",
    "Its market capitalisation of $3.1 billion makes it the largest nickel producer listed there.",
    "Die Aktie des Kupferkonzerns schloss bei 41,20 Euro.",
])
def test_a_companys_stock_is_not_a_figure_of_the_mineral(sentence):
    assert find_figures(sentence, "de" if "Aktie" in sentence else "en") == []


@pytest.mark.parametrize("sentence", [
    "Manganese prices eased after the central bank lifted rates to 7.5%.",
    "The smelter reported a recycling rate of 35% for its zinc residues.",
])
def test_a_rate_is_not_a_share(sentence):
    assert find_figures(sentence) == []


def test_a_mines_revenue_stays_a_figure():
    assert [f.value for f in find_figures(
        "The lead mine is expected to bring in annual revenue of $95 million.")] == [95_000_000]


@pytest.mark.parametrize("sentence,lang,unit", [
    ("Le cobalt s'échangeait à 33 000 dollars la tonne.", "fr", "usd/t"),
    ("L'argent cotait 28 dollars l'once vendredi.", "fr", "usd/oz"),
    ("Das Zinn kostete 31.000 Dollar je Tonne.", "de", "usd/t"),
    ("El estaño se vendía a 30.000 dólares por tonelada.", "es", "usd/t"),
])
def test_per_unit_written_with_an_article_or_preposition(sentence, lang, unit):
    assert [f.unit for f in find_figures(sentence, lang)] == [unit]


@pytest.mark.parametrize("sentence,lang,value", [
    ("Рудник дал 35 тысяч тонн меди.", "ru", 35_000),
    ("Запасы оцениваются в 2 трлн рублей.", "ru", 2e12),
    ("Das Werk liefert 12 Tsd. Tonnen Zink.", "de", 12_000),
])
def test_inflected_and_abbreviated_scale_words(sentence, lang, value):
    assert [f.value for f in find_figures(sentence, lang)] == [value]


@pytest.mark.parametrize("sentence,lang,value,unit", [
    ("A mineradora vai aplicar R$ 4,1 bi na expansão da mina de cobre.", "pt", 4.1e9, "brl"),
    ("O aporte no projeto de grafite soma US$ 250 mi.", "pt", 2.5e8, "usd"),
    ("La planta de zinc requerirá 800 MM de dólares.", "es", 8e8, "usd"),
    ("Поставки вольфрама принесли 1,3 млрд долл.", "ru", 1.3e9, "usd"),
])
def test_press_abbreviations_of_scale_and_currency(sentence, lang, value, unit):
    (fig,) = find_figures(sentence, lang)
    assert (fig.value, fig.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("sentence,lang,values", [
    ("The two pits yielded 11,000 and 12,500 tonnes of zinc.", "en", [11_000, 12_500]),
    ("Exports were 1.1 million, 1.3 million and 1.6 million tonnes in those years.", "en",
     [1.1e6, 1.3e6, 1.6e6]),
    ("Les deux usines produisent 1,2 million et 1,5 million de tonnes.", "fr", [1.2e6, 1.5e6]),
    ("Output in 2022 and 5 million tonnes of stockpiles", "en", [5e6]),
    ("Output will be between 4,000 and 5,000 tonnes.", "en", []),
])
def test_a_bare_number_shares_the_unit_of_the_figure_after_it(sentence, lang, values):
    figs = find_figures(sentence, lang)
    assert [f.value for f in figs] == [pytest.approx(v) for v in values]
    assert len({f.unit for f in figs}) <= 1


@pytest.mark.parametrize("sentence,year", [
    ("Imports of chromite climbed to 1.9 million tonnes in May, the most since 2019.", None),
    ("The refinery, commissioned in 1988, treats 90,000 tonnes of alumina a year.", None),
    ("The refinery treated 90,000 tonnes of alumina in 2022.", 2022),
])
def test_a_year_of_comparison_or_construction_is_not_the_figures(sentence, year):
    (fig,) = find_figures(sentence)
    assert fig.year == year


@pytest.mark.parametrize("sentence,value,unit", [
    # ore tonnes and pct
    ("Laterite shipments reached 18 million wmt this quarter.", 18e6, "tonnes"),
    ("The port loaded 2.2 million dry metric tonnes of ore.", 2.2e6, "tonnes"),
    ("Concentrate sold for $910/dmt.", 910, "usd/t"),
    ("The country mines 35 pct of the world's supply.", 35, "percent"),
    # more scale and currency spellings
    ("The smelter raised US$2.5bln from bondholders.", 2.5e9, "usd"),
    ("The state miner set aside Rs 750 cr for the bauxite block.", 7.5e9, "inr"),
    ("A HK$3 billion placement funds the lithium refinery.", 3e9, "hkd"),
    ("Royalties reached 120 million kwacha from copper.", 1.2e8, "zmw"),
])
def test_ore_tonnes_pct_and_more_scale_and_currency_spellings(sentence, value, unit):
    (fig,) = find_figures(sentence)
    assert (fig.value, fig.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("sentence,lang,kept", [
    ("Smelters run at a loss if zinc drops under $2,200 a tonne.", "en", False),
    ("The mine breaks even at $1,400 an ounce of gold.", "en", False),
    ("Wenn der Preis unter 8.000 Dollar je Tonne fällt, schließt die Kupfermine.", "de", False),
    ("Traders expected silver to hold at about $30 an ounce.", "en", True),
    ("Forecasters see tin at $36,000 a tonne next year.", "en", True),
])
def test_an_amount_in_a_condition_is_not_a_figure(sentence, lang, kept):
    assert bool(find_figures(sentence, lang)) is kept


def test_a_conditional_word_of_one_language_is_not_read_in_another():
    # German "falls" (if) is an English verb
    assert [f.value for f in find_figures("Copper falls to $8,900 a tonne as demand cools.")] \
        == [8_900]


@pytest.mark.parametrize("sentence,lang", [
    ("Der Nickelpreis liegt 12 Prozent über dem Vorjahr.", "de"),
    ("Cobalt trades 35% below its 2022 peak.", "en"),
    ("Le cours reste 10 % en dessous de son sommet.", "fr"),
])
def test_a_percentage_compared_with_another_level_is_a_change(sentence, lang):
    assert find_figures(sentence, lang) == []


@pytest.mark.parametrize("sentence,values", [
    ("The two deposits hold 1.2 and 1.5 billion tonnes of ore.", [1.2e9, 1.5e9]),
    ("The state set aside $5 and $7 billion for the two smelters.", [5e9, 7e9]),
    ("The pits yielded 5 Mt and 7 Mt.", [5e6, 7e6]),
    ("They produced 11,000 and 12,500 tonnes.", [11_000, 12_500]),
    # amounts with words of their own keep their own scale
    ("The strike cost 9,000 gold ounces, 2.1 million silver ounces and more.",
     [9_000, 2.1e6]),
])
def test_a_scale_word_is_shared_along_a_list(sentence, values):
    assert [f.value for f in find_figures(sentence)] == [pytest.approx(v) for v in values]


@pytest.mark.parametrize("sentence", [
    "Buyers' demand for the metal reached 3,200 tonnes in the quarter.",
    "Central-bank purchases came to 640 tonnes over the year.",
    "Warehouse inventories dropped to 52,000 tonnes by March.",
    "The country imported 85,000 tonnes of the concentrate.",
])
def test_a_quantity_bought_used_held_or_imported_is_kind_other(sentence):
    assert one(sentence).kind == "other"


@pytest.mark.parametrize("sentence,lang", [
    ("Zinc has lost 45% of its value since the smelter closed.", "en"),
    ("Le tungstène a perdu 25 % de sa valeur en un trimestre.", "fr"),
    ("Das Metall verlor 18 Prozent seines Wertes.", "de"),
])
def test_a_share_of_its_own_value_lost_is_a_change(sentence, lang):
    assert find_figures(sentence, lang) == []


def test_a_rate_word_after_a_hyphenated_modifier_is_a_rate():
    assert find_figures("The state keeps a 12% free-carried stake in every tin mine.") == []


def test_a_rate_word_in_the_next_clause_leaves_the_figure():
    # "grade" belongs to what follows "as", not to the tonnage before it
    assert [f.value for f in find_figures(
        "Zinc output slipped to 3.1 million tonnes as grades thinned at depth.")] == [3.1e6]


@pytest.mark.parametrize("sentence", [
    "Copper concentrate treatment charges fell to $10 a tonne in the annual talks.",
    "Smelters agreed TC/RCs of $21.25 a tonne and 2.125 cents a pound.",
])
def test_a_smelters_processing_fee_is_not_a_price_of_the_mineral(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence,lang", [
    ("The group will cut nickel ore output by 4 million tonnes next year.", "en"),
    ("Le groupe a réduit sa production de cuivre de 8 000 tonnes.", "fr"),
])
def test_an_amount_after_a_change_and_by_is_a_change(sentence, lang):
    assert find_figures(sentence, lang) == []


def test_the_level_after_a_change_by_an_amount_stays():
    assert [f.value for f in find_figures(
        "Tin output fell by 2,000 tonnes to 31,000 tonnes.")] == [31_000]


@pytest.mark.parametrize("sentence,lang", [
    ("The bloc wants to refine 40% of its own cobalt needs by 2030.", "en"),
    ("Le pays veut transformer 30 % de son manganèse sur place.", "fr"),
])
def test_a_share_someone_intends_to_reach_is_a_goal(sentence, lang):
    assert find_figures(sentence, lang) == []


def test_a_german_participle_after_a_level_reached_keeps_the_level():
    assert [f.value for f in find_figures("Der Anteil ist auf 35 Prozent gestiegen.",
                                          "de")] == [35]


def test_a_price_by_the_gram_has_its_unit():
    assert [(f.value, f.unit) for f in find_figures("Gold sold at ¥560 per gram.")] == \
        [(560, "cny/g")]


@pytest.mark.parametrize("sentence", [
    "Net profit fell to $410 million from $655 million a year earlier.",
    "Underlying EBITDA was $1.1 billion and net debt stood at $2.3 billion.",
    "The miner has $600 million available under its credit facility.",
    "The board cut the dividend to $0.12 a share.",
    "Customs fined the trader $2 million for false declarations.",
    "The region's economy is worth €400 billion.",
    "It is part of a $3 billion programme for battery supply chains.",
    "Der Nettogewinn sank auf 1,2 Milliarden Euro.",
])
def test_accounts_fines_economies_and_wholes_are_not_figures(sentence):
    lang = "de" if "Nettogewinn" in sentence else "en"
    assert find_figures(sentence, lang) == []


@pytest.mark.parametrize("sentence, value", [
    # the accounts word is in another clause than the price
    ("The developer booked a net loss of A$38 million as spodumene fell to US$800 a tonne.",
     800),
    # (a unit cost is no figure: tests/test_figures_noise.py; the price beside profit is)
    ("Net profit rose as copper fetched $4.05 a pound.", 4.05),
    ("The miner raised $180 million in debt financing for the mine.", 180e6),
])
def test_a_price_cost_or_financing_beside_accounts_words_stays(sentence, value):
    assert [f.value for f in find_figures(sentence)] == [value]


@pytest.mark.parametrize("sentence", [
    "Output is expected to rise to 40,000 tonnes to 45,000 tonnes next year.",
    "Output fell from 1.2 million tonnes to 1.1 million tonnes.",
    "Copper prices rose from $8,000 a tonne to $9,500 a tonne.",
])
def test_a_range_or_a_move_between_two_levels_is_no_figure(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence, value", [
    ("Zambia's copper export earnings rose to $8.2 billion last year.", 8.2e9),
    ("Net profit fell 20% despite gold prices averaging $1,900 an ounce.", 1900),
])
def test_export_earnings_and_prices_beside_accounts_stay(sentence, value):
    assert [round(f.value) for f in find_figures(sentence)] == [round(value)]


@pytest.mark.parametrize("sentence", [
    # a payable and its earlier level, a fee and its earlier level, a fund's split
    "Payables for nickel matte climbed to 88% of the metal price from 79% in May.",
    "The smelter settled treatment charges for copper concentrate at $42 a tonne, down "
    "from $80.",
    "The fund will put at least 55% of the money into African projects.",
])
def test_rates_and_splits_of_money_and_the_levels_they_came_from_are_not_figures(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence, value", [
    # the stock word opens another clause than the price
    ("Shares rose as nickel hit $18,200 a tonne.", 18_200),
    # a level reached from an earlier one that is a figure too
    ("Nickel stocks rose to 92,000 tonnes from 60,000 tonnes.", None),
])
def test_a_price_after_a_clause_about_shares_stays(sentence, value):
    got = [f.value for f in find_figures(sentence)]
    assert got == ([value] if value is not None else [92_000, 60_000])


@pytest.mark.parametrize("sentence", [
    "Tin eased 0.4% to $31,900.", "Lead edged up 0.3% to $2,050.",
    "Zinc dipped 1.1% to $2,610.", "Silver firmed 0.9% to $30.20.",
])
def test_a_milder_market_verb_makes_a_percentage_a_change(sentence):
    assert [f.unit for f in find_figures(sentence)] == ["usd"]


def test_german_waren_as_were_is_not_goods_and_will_as_wants_makes_a_goal():
    assert [f.value for f in find_figures("2023 waren es rund 9.000 Tonnen.", "de")] == [9000]
    assert find_figures("Der Zoll gilt für Waren im Wert von 4 Milliarden Euro.", "de") == []
    assert find_figures("Die EU will 40 Prozent ihres Bedarfs selbst verarbeiten.", "de") == []
    # English "will" is the future, not a goal
    assert [f.value for f in find_figures("China will still hold 60% of the market.")] == [60]


@pytest.mark.parametrize("sentence", [
    "The buyer offered a premium of 32% to the target's closing price.",
    "The cobalt miner sold bonds with a coupon of 8.5%.",
    "The smelter ran at 60% of capacity last year.",
    "The grant covers up to 50% of eligible costs.",
    "The resource holds ore at 2.9% total rare earth oxides.",
    "Analysts say prices would need to rise to $12,000 a tonne to spur new mines.",
])
def test_premiums_coupons_rates_of_use_shares_of_costs_grades_and_wanted_levels(sentence):
    assert find_figures(sentence) == []


def test_an_amount_of_a_cost_is_still_a_sum_spent():
    assert [f.value for f in find_figures("The ministry will fund US$120m of the cost.")] == \
        [120e6]


def test_a_russian_tonne_after_a_small_number_and_stakes_in_a_mine():
    assert [f.value for f in find_figures("Добыча достигла 54,6 т.", "ru")] == [54.6]
    assert find_figures("Orano détient 63,4 % de la mine.", "fr") == []
    assert find_figures("Die Firma hält 30 Prozent der Mine.", "de") == []
    # a share of world reserves is still a figure
    assert [f.value for f in find_figures("Le pays détient 20 % des réserves mondiales.",
                                          "fr")] == [20]


def test_an_amount_in_cents_is_money_not_a_percentage():
    # "cents" holds "cent": it is not a percent sign, so a fee in cents stays a fee
    assert find_figures("Smelters agreed refining charges of 2.3 cents a pound.") == []
    assert [(f.value, f.unit) for f in find_figures("Copper fell to 380 cents a pound.")] == \
        [(380, "usc/lb")]


@pytest.mark.parametrize("sentence,lang,values", [
    # review: stake words only after a percentage, as whole words
    ("Elle a extrait 50 000 tonnes de la mine de Tenke.", "fr", [50_000]),
    ("China accounts for 70% of the mineral's refining.", "en", [70]),
    # "de" and "von" are "of", not "from": the level after a rate stays
    ("Ein Zoll von 25 Prozent auf Gallium, China hält einen Anteil von 60 Prozent.", "de",
     [60]),
    # "as much as" opens no clause; Portuguese "as" is an article
    ("A ban could cost as much as $5 billion.", "en", []),
    ("A multa contra as mineradoras chegou a R$ 50 milhões.", "pt", []),
    # a quarter and a model are no tonnes
    ("Los ingresos del 3T subieron.", "es", []),
    ("Das Modell 3 T kostet mehr.", "de", []),
    # French silver and a noun "need" are not the money and goal words
    ("Le Mexique produit 23 % de l'argent mondial.", "fr", [23]),
    ("Europe's need to diversify supply drove imports to 2 million tonnes.", "en", [2e6]),
    # German "will" makes a goal in its own comma-clause only
    ("Die EU will unabhängiger werden, denn China liefert 90 Prozent der Seltenen Erden.",
     "de", [90]),
])
def test_review_of_the_new_rate_clause_and_unit_rules(sentence, lang, values):
    assert [f.value for f in find_figures(sentence, lang)] == values


def test_a_compound_measured_as_its_own_equivalent_stays_a_figure():
    # lithium carbonate equivalent is lithium, not a mix of metals
    figs = find_figures("The brine holds 2.6 million tonnes of lithium carbonate equivalent.")
    assert [(f.value, f.unit) for f in figs] == [(2_600_000, "tonnes")]


@pytest.mark.parametrize("sentence,value,unit", [
    ("The platinum miner earned R7.4 billion in the half.", 7_400_000_000, "zar"),
    ("Rhodium fetched R85,000/oz in Johannesburg.", 85_000, "zar/oz"),
])
def test_rand_and_million_tonne_mt(sentence, value, unit):
    figs = find_figures(sentence, mt_million=True)
    assert (figs[0].value, figs[0].unit) == (value, unit)


def test_half_a_million_is_half():
    assert [f.value for f in find_figures("Shipments reached half a million tonnes.")] == \
        [500_000]
    # "the first half" is a time
    assert [f.value for f in find_figures("In the first half a million tonnes left the "
                                          "port.")] == [1_000_000]


@pytest.mark.parametrize("sentence", [
    "Trucks took the R2 highway to the smelter.",
    "The R2.5 firmware shipped in May.",
    "Miners rallied as the rand weakened to R18.40 against the dollar.",
    "Analysts see gold rising $150 to $250 an ounce by December.",
    "Copper rose another 40 to 60 yuan a tonne.",
])
def test_names_rates_and_ranges_of_moves_are_not_figures(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence,value", [
    ("Acme sank $380 million into its nickel mine.", 380_000_000),
    ("A state bank advanced $250 million to the lithium developer.", 250_000_000),
    ("The firm gained $30 million in government funding for the smelter.", 30_000_000),
    ("Acme is building its advanced 1.4 million ounce gold project.", 1_400_000),
    ("The mine made 190,000 ounces of gold and 230,000 gold equivalent ounces.", 190_000),
    ("Output was 280,000 ounces of gold (310,000 GEOs) last year.", 280_000),
    ("It will spend $3 billion for vehicle battery materials.", 3_000_000_000),
    ("Tin from Myanmar covers 35% of the public smelters' feed.", 35),
])
def test_funding_adjectives_and_near_equivalents_stay_figures(sentence, value):
    assert [f.value for f in find_figures(sentence)] == [value]


@pytest.mark.parametrize("sentence,lang,value", [
    # a "by" word with no change word around it is no change
    ("Perú extrajo 2,8 millones de toneladas, un 12 % del total mundial.", "es", 12),
])
def test_a_by_word_without_a_change_is_a_share(sentence, lang, value):
    assert value in [f.value for f in find_figures(sentence, lang)]


@pytest.mark.parametrize("sentence,lang", [
    ("Die Ausfuhren verteuerten sich am Freitag an der Börse um bis zu 2,2 Prozent.", "de"),
    ("La producción cayó un 1 %, la de zinc - un 4 %.", "es"),
    # a "by" word makes a change whatever the verb (not every verb is a change word)
    ("Zinc output in the region shrank by 4% last year.", "en"),
    ("Der Zinkpreis gab um 2,5 Prozent nach.", "de"),
    ("Le cours de l'argent s'est apprécié de 2 %.", "fr"),
    ("La producción de zinc se disparó un 15 %.", "es"),
    ("A produção de zinco disparou em 12%.", "pt"),
    ("Добыча цинка вырастет на 4%.", "ru"),
])
def test_a_by_word_with_a_change_far_before_or_after_is_a_change(sentence, lang):
    assert [f for f in find_figures(sentence, lang) if f.unit == "percent"] == []


def test_made_from_a_mineral_is_no_ownership_basis():
    figs = find_figures("Les piles à base de zinc font 30 % du marché.", "fr")
    assert [f.value for f in figs] == [30]


def test_a_russian_share_of_long_term_supply_is_kept():
    figs = find_figures("На долю компании приходится 30% от долгосрочных поставок никеля.", "ru")
    assert [f.value for f in figs] == [30]


def test_a_decimal_mt_of_thousands_stays_million_tonnes():
    figs = find_figures("Reserves stand at 12,480.5 MT of coal.", mt_million=True)
    assert [f.value for f in figs] == [pytest.approx(12_480_500_000)]


def test_a_level_crossed_after_a_move_verb_stays_a_figure():
    # "rose above" states the level, not the size of the move
    figs = find_figures("Palladium rose above $1,500 an ounce on Monday.")
    assert [(f.value, f.unit) for f in figs] == [(1_500, "usd/oz")]


def test_an_amount_after_a_buying_verb_stays_a_figure():
    # "added" buys: the amount is a purchase, not the size of a price move
    assert [f.value for f in find_figures("The central bank added 48 tonnes of gold.")] == [48]
