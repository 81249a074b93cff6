"""Round 8 of the figure rules: batteries a recycler takes in, a company's sales in results
wording, ore tonnages after a percentage change, lists of figures paired in order with a
list of minerals without "respectively", and the kinds of quotas and refinery deals; with
the real figures beside the words those rules read. Every sentence here is our own
writing."""
from __future__ import annotations

import pytest

from tests.fixtures import row_figures as figures


def kinds(row):
    return {(m["mineral"], round(f["value"], 4), f["kind"]) for m in row["minerals"]
            for f in m["figures"]}


@pytest.mark.parametrize("lang,text,expected", [
    # batteries and scrap taken in are not the metal recovered from them
    ("en", "The plant will recycle 20,000 tonnes of lithium-ion batteries a year, recovering "
     "about 1,500 tonnes of lithium.", {("lithium", 1500)}),
    ("en", "The recycler will take 45,000 tonnes of spent batteries a year and recover 900 "
     "tonnes of cobalt.", {("cobalt", 900)}),
    ("en", "The lead smelter processes 120,000 tonnes of lead-acid batteries a year.", set()),
    ("en", "The nickel refinery will treat 30,000 tonnes of black mass annually.", set()),
    ("fr", "L'usine traitera 10 000 tonnes de batteries usagées pour en extraire 800 tonnes "
     "de nickel.", {("nickel", 800)}),
    ("de", "Das Werk soll 25.000 Tonnen Altbatterien im Jahr verarbeiten und 1.200 Tonnen "
     "Lithium gewinnen.", {("lithium", 1200)}),
    # the trigger words beside the mineral's own tonnages
    ("en", "The refinery will supply 20,000 tonnes of battery-grade lithium hydroxide a year.",
     {("lithium", 20000)}),
    ("en", "Batteries will need 1.8 million tonnes of graphite in 2030.",
     {("graphite", 1800000)}),
    ("en", "The firm recovered 1,100 tonnes of cobalt from spent batteries last year.",
     {("cobalt", 1100)}),
    ("en", "About 80,000 tonnes of nickel went into EV batteries in the quarter.",
     {("nickel", 80000)}),
    ("en", "Lead-acid batteries took 410,000 tonnes of lead last year.", {("lead", 410000)}),
])
def test_batteries_taken_in_are_not_the_metal(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The company posted record sales of $4.1 billion as copper prices climbed.", set()),
    ("en", "The lithium group reported quarterly sales of $820 million.", set()),
    ("de", "Der Kupferkonzern erzielte einen Umsatz von 18,4 Milliarden Euro.", set()),
    ("de", "Aurubis steigerte seinen Umsatz auf 17 Milliarden Euro, die "
     "Kupferkathoden-Produktion lag bei 1,1 Millionen Tonnen.", {("copper", 1100000)}),
    # sales and revenue of the mineral itself stay
    ("en", "The miner reported copper sales of $2.1 billion for the quarter.",
     {("copper", 2.1e9)}),
    ("en", "Chile's copper exports posted record sales of $5.2 billion in March.",
     {("copper", 5.2e9)}),
    ("en", "The gold producer posted record sales of 610,000 ounces.", {("gold", 610000)}),
    ("de", "Chile erzielte mit Kupferexporten einen Umsatz von 50 Milliarden Dollar.",
     {("copper", 50e9)}),
    ("de", "Die Kupfermine erzielte einen Umsatz von 900 Millionen Euro.", {("copper", 900e6)}),
])
def test_company_sales_in_results_wording(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Ore reserves at the zinc mine were cut by 12% to 38 million tonnes.", set()),
    ("Ore reserves at the nickel project rose 8% to 61 million tonnes.", set()),
    # the metal in the ore, and output after the reserves, stay
    ("Ore reserves at the copper mine rose 5% and output reached 200,000 tonnes.",
     {("copper", 200000)}),
    ("Ore reserves at the mine now contain 1.2 million tonnes of copper.",
     {("copper", 1200000)}),
    ("Ore reserves at the zinc mine support production of 150,000 tonnes a year.",
     {("zinc", 150000)}),
])
def test_ore_tonnage_after_a_percentage_change(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Copper, zinc and lead output totalled 120,000 tonnes, 310,000 tonnes and 95,000 "
     "tonnes.", {("copper", 120000), ("zinc", 310000), ("lead", 95000)}),
    ("en", "Gold and silver output was 512,000 ounces and 14 million ounces.",
     {("gold", 512000), ("silver", 14000000)}),
    ("en", "Nickel and cobalt stocks fell to 61,000 and 3,200 tonnes.",
     {("nickel", 61000), ("cobalt", 3200)}),
    ("es", "La producción de cobre y molibdeno fue de 1,4 millones y 38.000 toneladas.",
     {("copper", 1400000), ("molybdenum", 38000)}),
    # anything but a joiner between the figures leaves each to the whole list
    ("en", "Zinc and lead output totalled 300,000 tonnes in 2024 and 280,000 tonnes in 2023.",
     {("zinc", 300000), ("lead", 300000), ("zinc", 280000), ("lead", 280000)}),
])
def test_figure_lists_pair_with_mineral_lists(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Indonesia set its nickel ore mining quota at 240 million tons for 2025.",
     ("nickel", 240000000, "production")),
    ("China set the rare earth production quota at 270,000 tonnes.",
     ("rare_earth_elements", 270000, "production")),
    ("Congo set the cobalt quota at 96,600 tonnes a year.", ("cobalt", 96600, "export")),
    ("Glencore agreed to buy a 30% stake in the cobalt refinery for $250 million.",
     ("cobalt", 250000000, "investment")),
    ("The nickel refinery produced 42,000 tonnes last year.", ("nickel", 42000, "production")),
])
def test_kinds_of_quotas_and_refinery_deals(analyse, text, expected):
    assert expected in kinds(analyse(text))


@pytest.mark.parametrize("lang,text,expected", [
    # a bare scaled number after a word of comparison takes the figure's unit
    ("en", "Chile produced 5.3 million tonnes of copper in 2024, against 5.2 million a year "
     "earlier.", {("copper", 5300000), ("copper", 5200000)}),
    ("fr", "Le Chili a produit 5,3 millions de tonnes de cuivre en 2024, contre 5,2 millions "
     "un an plus tôt.", {("copper", 5300000), ("copper", 5200000)}),
    ("de", "Die Mine förderte 1,2 Millionen Tonnen Kupfer, gegenüber 1,1 Millionen im "
     "Vorjahr.", {("copper", 1200000), ("copper", 1100000)}),
    # not a number of something else
    ("en", "The copper region produced 5.3 million tonnes versus 2.6 million people living "
     "there.", {("copper", 5300000)}),
    ("en", "Copper output reached 5.3 million tonnes, compared with 2.6 million workers in "
     "the sector.", {("copper", 5300000)}),
])
def test_the_level_compared_shares_the_unit(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # the earlier level of a share is a share too
    ("en", "Chile accounted for 24% of world copper output in 2023, down from 36% in 2005.",
     {("copper", 24), ("copper", 36)}),
    ("en", "China supplies 60% of the world's graphite, up from 45% a decade ago.",
     {("graphite", 60), ("graphite", 45)}),
    ("fr", "La part du Chili dans la production mondiale de cuivre est tombée à 24 %, contre "
     "36 % en 2005.", {("copper", 24), ("copper", 36)}),
    # changes, rates and ranges after the trigger words stay out
    ("en", "Copper output rose 5% in May, down from 7% in April.", set()),
    ("en", "The copper tariff rose to 25% from 10%.", set()),
    ("en", "China's share of copper refining rose to 30% and exports grew from 5% to 8%.",
     {("copper", 30)}),
    ("en", "Nickel accounts for 40% of the index, versus growth of 3% last year.",
     {("nickel", 40)}),
])
def test_the_earlier_level_of_a_share(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Central banks bought 1,045 tonnes of gold in 2024, the third year in a row above 1,000 "
     "tonnes.", {("gold", 1045)}),
    ("Copper stayed above $9,000 for a third month in a row, closing at $9,412 a tonne.",
     {("copper", 9412)}),
    ("Gold output rose for a third year in a row to 3.1 million ounces.",
     {("gold", 3100000)}),
    ("Zinc inventories in LME warehouses fell for the fifth week in a row, to 87,900 tonnes.",
     {("zinc", 87900)}),
    ("Silver demand topped 1.2 billion ounces, the fourth year in a row.",
     {("silver", 1200000000)}),
])
def test_a_threshold_passed_in_a_row(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # a grade per tonne is no tonnage
    ("The mine processed 1.2 million tonnes of ore grading 110 grams per tonne of silver.",
     set()),
    ("The silver mine's ore averaged 95 grams a tonne in the quarter.", set()),
    # words between a quantity and its unit still make one figure
    ("The mine produced 1.7 million silver ounces in the quarter.", {("silver", 1700000)}),
    ("The company sold 1.6 million attributable gold ounces.", {("gold", 1600000)}),
    ("The silver mine produced 4.1 million ounces per year at 110 grams per tonne.",
     {("silver", 4100000)}),
])
def test_a_grade_per_tonne_is_no_tonnage(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # a mineral quoted with a market verb is a commodity: its quote in the next sentence
    ("Gold rose for a fifth straight session on Friday.\n\nThe metal has gained about 27% "
     "this year and hit a record of $3,500.05 on April 22.", {("gold", 3500.05)}),
    ("Silver steadily climbed on Monday. The metal touched $38.20, its highest since 2011.",
     {("silver", 38.2)}),
    # not a sum of money, nor what the trigger words sit next to in other senses
    ("Gold medals went to Norway. The team earned $3,500 in prizes.", set()),
    ("Gold rose on Tuesday. Bitcoin climbed to $108,000 and oil hit $80 a barrel.", set()),
])
def test_a_quote_after_a_market_move(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a holding of a company's shares is an equity stake, no figure
    ("en", "The bidder already holds 19.9% of the nickel explorer's shares.", set()),
    ("en", "The copper miner owns 45% of the smelter company's equity.", set()),
    ("fr", "Le groupe minier détient 30 % des actions du producteur de lithium.", set()),
    # shares of the mineral's market beside the words
    ("en", "China holds 70% of rare earth output, and shares of its miners rose 5%.",
     {("rare_earth_elements", 70)}),
    ("en", "Copper made up 45% of the country's exports, equity analysts said.",
     {("copper", 45)}),
    ("en", "Congo supplies 74% of the world's cobalt; shares in miners fell.",
     {("cobalt", 74)}),
    ("en", "The country's share of world lithium output rose to 22%, lifting shares of its "
     "miners.", {("lithium", 22)}),
    ("es", "Chile aporta el 24% de la producción mundial de cobre, y las acciones de Codelco "
     "no cotizan.", {("copper", 24)}),
])
def test_a_holding_of_shares_is_no_figure(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    # another matter after the topic mineral: not carried to it
    ("Copper prices eased on Tuesday as the dollar firmed.\nSeparately, the company raised "
     "$500 million in a bond sale to refinance debt.", set()),
    ("Lithium prices steadied.\nIn other news, the miner's chief executive sold shares worth "
     "$2 million.", set()),
    ("Chile's central bank said copper exports rose 12% to $4.9 billion in July.\nThe "
     "trade surplus widened to $1.9 billion.\nFruit exports fell to $310 million.",
     {("copper", 4.9e9)}),
    # (review) total and overall shipments or sales are the passage's mineral's
    ("Vale's iron ore output rose in the quarter. Total shipments reached 80 million tonnes, "
     "the company said.", {("iron_ore", 80e6)}),
    ("The miner's lithium output rose. Overall shipments fell to 380,000 tonnes of "
     "spodumene.", {("lithium", 380000)}),
    ("Nickel prices have slumped to around $15,500 a tonne.\nBHP took a $3.5 billion "
     "impairment on its nickel business.", {("nickel", 15500)}),
    ("The silver miner said it would cut 20% of its workforce.\nIts stock has fallen to "
     "$2.10 from $6.50 a year ago.\nSilver traded at $31.20 an ounce on Monday.",
     {("silver", 31.2)}),
    # the same words where the figure is the mineral's
    ("Lithium carbonate fell 2% in China.\nElsewhere, spodumene prices in Australia slid to "
     "$780 a tonne.", {("lithium", 780)}),
    ("Zinc stocks in LME warehouses rose on Monday.\nMeanwhile, cancelled warrants fell to "
     "12,400 tonnes.", {("zinc", 12400)}),
    ("Peru's copper exports climbed in May.\nTotal exports of the metal reached $2.4 "
     "billion.", {("copper", 2.4e9)}),
    ("The ministry separately said copper output rose to 210,000 tonnes.",
     {("copper", 210000)}),
    ("BHP will spend $3.5 billion on its nickel smelter after last year's impairment.",
     {("nickel", 3.5e9)}),
    ("Uranium has more than tripled in price since 2020, to $78 a pound.",
     {("uranium", 78)}),
])
def test_another_matter_after_the_topic(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # (review) lists of figures that do not pair with the minerals' list: a list of periods
    # after them, one word naming two minerals, a list of names before them
    ("Copper and cobalt shipments from the region reached $8 billion and $9.5 billion in 2022 "
     "and 2023.", {("copper", 8e9), ("cobalt", 8e9), ("copper", 9.5e9), ("cobalt", 9.5e9)}),
    ("Nickel and cobalt prices averaged $16,000 and $15,000 a tonne in the first and second "
     "quarter.", {("nickel", 16000), ("cobalt", 16000), ("nickel", 15000), ("cobalt", 15000)}),
    ("NdPr oxide traded at 520,000 yuan and 560,000 yuan a tonne in May and June.",
     {("neodymium", 520000), ("praseodymium", 520000), ("neodymium", 560000),
      ("praseodymium", 560000)}),
    ("Australia and Chile mine 86,000 tonnes and 44,000 tonnes of lithium and cobalt "
     "together.", {("lithium", 86000), ("cobalt", 86000), ("lithium", 44000),
                   ("cobalt", 44000)}),
    ("Ore reserves fell 5% last year even as the mine sold 300,000 tonnes of copper.",
     {("copper", 300000)}),
    # the pairing where nothing of that kind stands there
    ("At the mine, copper and zinc output was 450,000 tonnes and 380,000 tonnes last year.",
     {("copper", 450000), ("zinc", 380000)}),
])
def test_figure_lists_that_do_not_pair(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Battery recycling capacity in Europe will reach 400,000 tonnes a year by 2030.\n\nThat "
     "is enough to recover about 8,000 tonnes of lithium.", {("lithium", 8000)}),
    ("Battery recycling will recover 8,000 tonnes of lithium a year by 2030.",
     {("lithium", 8000)}),
    ("Battery recycling plants produced 3,000 tonnes of cobalt last year.", {("cobalt", 3000)}),
    ("Nickel from battery recycling reached 20,000 tonnes in 2024.", {("nickel", 20000)}),
    ("Battery recycling capacity will grow, and lithium recovered will reach 9,000 tonnes.",
     {("lithium", 9000)}),
])
def test_battery_recycling_capacity_is_no_metal(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a company's sales with the company as their subject
    ("en", "Sales at the copper producer rose to $5.1 billion.", set()),
    ("en", "The aluminium maker generated sales of $12 billion last year, with record "
     "shipments of 3.1 million tonnes.", {("aluminium", 3100000)}),
    ("es", "La minera de cobre registró ventas por 3.400 millones de dólares en el trimestre.",
     set()),
    ("de", "Der Kupferkonzern Aurubis erzielte im Geschäftsjahr 17 Milliarden Euro Umsatz.",
     set()),
    ("de", "Der Lithiumhersteller machte zuletzt 7,2 Milliarden Euro Umsatz und produzierte "
     "40.000 Tonnen Lithium.", {("lithium", 40000)}),
    # sales of the mineral, a mine's and exports' stay
    ("en", "Sales at the copper mine rose to $1.2 billion.", {("copper", 1.2e9)}),
    ("en", "Copper sales brought in $1.9 billion for the mine.", {("copper", 1.9e9)}),
    ("en", "Sales of copper rose to $2 billion in the quarter.", {("copper", 2e9)}),
    ("en", "The copper exports generated sales of $4 billion for Zambia.", {("copper", 4e9)}),
    ("de", "Chiles Kupferexporte brachten 50 Milliarden Dollar Umsatz.", {("copper", 50e9)}),
    ("de", "Die Kupfermine des Konzerns förderte 200.000 Tonnen Kupfer.", {("copper", 200000)}),
])
def test_company_sales_with_the_company_as_subject(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # (review) periods listed in other languages and on either side of the figures
    ("es", "Las exportaciones de cobre y cobalto sumaron 8.000 millones y 9.500 millones de "
     "dólares en 2022 y 2023.", {("copper", 8e9), ("cobalt", 8e9), ("copper", 9.5e9),
                                  ("cobalt", 9.5e9)}),
    ("fr", "Les exportations de cuivre et de cobalt ont atteint 8 milliards et 9,5 milliards de "
     "dollars en 2022 et 2023.", {("copper", 8e9), ("cobalt", 8e9), ("copper", 9.5e9),
                                  ("cobalt", 9.5e9)}),
    ("de", "Die Kupfer- und Kobaltexporte erreichten 2022 und 2023 jeweils 8 Milliarden und 9,5 "
     "Milliarden Dollar.", {("copper", 8e9), ("cobalt", 8e9), ("copper", 9.5e9),
                            ("cobalt", 9.5e9)}),
    ("en", "Nickel and cobalt exports reached $3 billion and $3.4 billion last year and this "
     "year.", {("nickel", 3e9), ("cobalt", 3e9), ("nickel", 3.4e9), ("cobalt", 3.4e9)}),
    # one period only: the pairing stays
    ("en", "Copper, zinc and lead output totalled 120,000 tonnes, 310,000 tonnes and 95,000 "
     "tonnes in 2024.", {("copper", 120000), ("zinc", 310000), ("lead", 95000)}),
])
def test_figure_lists_beside_periods_in_other_languages(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    ("The offtake covers 75,000 tonnes of spodumene a year, worth about $600 million at "
     "current prices.", ("lithium", 600000000, "investment")),
    ("Beijing set rare earth mining quotas at 135,000 tonnes, while smelting quotas were "
     "127,000 tonnes.", ("rare_earth_elements", 127000, "production")),
    # (review) "holds" beside reserves stays a reserve
    ("Chile holds 9.3 million tonnes of lithium reserves.", ("lithium", 9300000, "reserves")),
    # prices stay prices
    ("Copper prices rose to $9,800 a tonne.", ("copper", 9800, "price")),
    ("Spot gold traded at $2,450.", ("gold", 2450, "price")),
    ("Dysprosium oxide was steady at 1.6 million yuan a tonne.",
     ("dysprosium", 1600000, "price")),
])
def test_kinds_of_sums_quotas_and_holdings(analyse, text, expected):
    assert expected in kinds(analyse(text))


@pytest.mark.parametrize("text,expected", [
    ("Aluminium stocks in LME warehouses fell to 300,000 tonnes.\nMeanwhile, the "
     "cash-to-three-month spread moved to a $40 backwardation.", {("aluminium", 300000)}),
    ("The nickel spread flipped to a $25 contango on Friday.", set()),
    # prices beside the words stay
    ("Copper hit $9,800 a tonne as the backwardation widened.", {("copper", 9800)}),
    ("Zinc rose to $2,800, flipping the spread into contango.", {("zinc", 2800)}),
    ("Glencore will invest $2 billion in its copper mines, spread over five years.",
     {("copper", 2e9)}),
])
def test_a_backwardation_is_no_price(analyse, text, expected):
    assert figures(analyse(text)) == expected
