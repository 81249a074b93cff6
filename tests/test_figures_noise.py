"""Numbers in mining news that are not a mineral's figure: emissions, waste rock, tailings
and water; ore fed to a mill (where the ore is not itself the mineral); unit costs
(AISC, C1, cash and operating costs, cost guidance, treatment charges); shares of
electricity, water or land; utilisation; per-share data. Each has a positive twin that
must stay a figure. Every sentence here is our own writing."""
from __future__ import annotations

import pytest

from tests.fixtures import row_figures as figures


@pytest.mark.parametrize("text,expected", [
    # emissions, waste, tailings, water
    ("The nickel smelter emits about 2.3 million tonnes of carbon dioxide a year.", set()),
    ("The aluminium group's refineries released 14 million tonnes of CO2 equivalent in 2024.",
     set()),
    ("The zinc miner cut its Scope 1 emissions by 9% to 250,000 tonnes of CO2e.", set()),
    ("The gold mine moved 31 million tonnes of waste rock during the year.", set()),
    ("The copper mine's dam stores 410 million tonnes of tailings.", set()),
    ("The coal mine will strip 6 million tonnes of overburden a year and produce 1.5 "
     "million tonnes of coal.", {("coal", 1.5e6)}),
    # ore fed to a mill, against the metal it gives
    ("The mine treated 8.4 million tonnes of ore last year to produce 160,000 ounces of gold.",
     {("gold", 160000)}),
    ("The concentrator milled 3.1 million tonnes at a head grade of 1.1% copper, producing "
     "28,000 tonnes of copper in concentrate.", {("copper", 28000)}),
    ("Ore mined rose to 2.4 million tonnes in the quarter, while silver output was "
     "3.2 million ounces.", {("silver", 3.2e6)}),
    # where the ore is the mineral, its tonnage stays
    ("The iron ore miner shipped 64 million tonnes of ore in the quarter.", {("iron_ore", 64e6)}),
    ("Guinea's bauxite exports rose to 130 million tonnes of ore.", {("aluminium", 130e6)}),
    ("Indonesia set the nickel ore quota at 220 million tonnes.", {("nickel", 220e6)}),
])
def test_tonnages_of_what_is_not_the_mineral(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("The lead mine's all-in sustaining cost was $1,120 a tonne in the half.", set()),
    ("Barrick reported all-in sustaining costs of $1,480 an ounce, as gold averaged $2,390 "
     "an ounce.", {("gold", 2390)}),
    ("C1 cash costs at the copper mine rose to $1.95 per pound, while copper sold for an "
     "average $4.05 a pound.", {("copper", 4.05)}),
    ("The iron ore miner cut its unit cost guidance to $17.50 a tonne.", set()),
    ("Operating costs at the nickel mine averaged A$7.40 per pound of payable nickel.", set()),
    ("Unit cash costs at the gold mine were US$1,020/oz.", set()),
    ("Cash costs at the coal mine came in at $88 a tonne, compared with a realised thermal "
     "coal price of $128 a tonne.", {("coal", 128)}),
    ("Spot TCs for copper concentrate fell below zero, to minus $12 a tonne.", set()),
    # a sum spent stays: sustaining capital, the cost of a plant
    ("Sustaining capital at the copper mine will run at $150 million a year.",
     {("copper", 150e6)}),
    ("The cobalt refinery will cost $300 million to build.", {("cobalt", 300e6)}),
    # the verb of a price and the cost of the mineral stay prices
    ("An ounce of gold cost $2,650 in London on Friday.", {("gold", 2650)}),
])
def test_unit_costs_are_not_prices(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("The aluminium smelter draws 900 megawatts, about 6% of the country's electricity.", set()),
    ("The zinc refinery uses roughly 3% of the province's power.", set()),
    ("The gold mine takes about 12% of the valley's water supply.", set()),
    ("The aluminium smelter draws 900 megawatts and makes about 6% of the world's aluminium.",
     {("aluminium", 6)}),
    ("The tin smelter operated at 58% utilisation, producing 8,900 tonnes of refined tin.",
     {("tin", 8900)}),
    ("The silver miner's earnings per share rose to $0.27 as silver averaged $30.10 an ounce.",
     {("silver", 30.1)}),
])
def test_shares_and_rates_of_other_things(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # freight and regional premiums are no price of the mineral
    ("Freight rates for iron ore from Western Australia to China rose to $9.80 a tonne, while "
     "the iron ore price held at $98 a tonne.", {("iron_ore", 98)}),
    ("Aluminium premiums in Japan eased to $175 a tonne, while aluminium traded at $2,610.",
     {("aluminium", 2610)}),
    # a price producers need, against the price paid
    ("Nickel producers need prices of about $18,000 a tonne to cover costs, versus a spot "
     "price of $15,300.", {("nickel", 15300)}),
    # reagents and by-products beside the mineral
    ("The lithium plant needs 28 tonnes of sulphuric acid for every tonne of lithium "
     "hydroxide it makes, and will make 20,000 tonnes of lithium hydroxide a year.",
     {("lithium", 20000)}),
    ("The copper smelter's sulphuric acid output reached 900,000 tonnes as a by-product of "
     "280,000 tonnes of copper.", {("copper", 280000)}),
    ("The graphite plant will burn 90,000 tonnes of natural gas a year to make 40,000 tonnes "
     "of graphite.", {("graphite", 40000)}),
    # fuel bills, wage deals
    ("The copper mine's diesel bill rose to $81 million as fuel prices climbed.", set()),
    ("Workers at the nickel mine won a 7% pay rise and a one-off bonus of $3,500.", set()),
    # mining as a whole as the subject of a share, beside a mineral's figure
    ("Mining accounted for 12% of Chile's GDP and 58% of its exports, with copper shipments "
     "worth $48 billion.", {("copper", 48e9)}),
])
def test_freight_reagents_bills_and_the_sector(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # the mineral's own figures beside words of emissions, carbon, rock and cost
    ("Low-emission nickel output at the plant reached 52,000 tonnes last year.",
     {("nickel", 52000)}),
    ("The miner sold 4,000 tonnes of carbon-neutral copper cathode to a carmaker.",
     {("copper", 4000)}),
    ("Jordan exported 9 million tonnes of rock phosphate in 2024.", {("phosphate", 9e6)}),
    ("Nickel prices have fallen below the cost of production for a third of mines, to "
     "$15,100 a tonne.", {("nickel", 15100)}),
    ("A tonne of lithium carbonate costs about 72,000 yuan in China now.", {("lithium", 72000)}),
    # progress of a build, a part of costs, fiscal revenue or a price
    ("The cobalt refinery is 71% complete and will process 5,000 tonnes of cobalt a year.",
     {("cobalt", 5000)}),
    ("Diesel makes up about 25% of the zinc mine's operating costs.", set()),
    ("Peru's copper miners paid $3.9 billion in taxes last year, 10% of fiscal revenue.",
     {("copper", 3.9e9)}),
    ("Payables for nickel concentrate rose to 78% of the nickel price, while the concentrate "
     "fetched $1,900 a tonne.", {("nickel", 1900)}),
    # an assumed price, a smelting charge, ore at a grade
    ("The copper price used in the feasibility study is $3.80 a pound, against a spot price "
     "of $4.30.", {("copper", 4.3)}),
    ("Zinc concentrate smelting charges in China rose to $35 a tonne, while refined zinc "
     "slid to $2,650.", {("zinc", 2650)}),
    ("The tin mine produced 6,800 tonnes of tin in concentrate, with the mill processing "
     "950,000 tonnes at a grade of 1.0%.", {("tin", 6800)}),
])
def test_stress_twins_and_other_wholes(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "L'usine de nickel émet environ 900 000 tonnes de dioxyde de carbone par an.", set()),
    ("fr", "Les frais de traitement du concentré de cuivre sont tombés à 18 dollars la tonne.",
     set()),
    ("fr", "L'usine d'aluminium consomme 6 % de l'électricité du pays et produit 350 000 "
     "tonnes d'aluminium.", {("aluminium", 350000)}),
    ("fr", "Le projet de lithium est achevé à 55 %, selon la société.", set()),
    ("de", "Die Produktionskosten der Silbermine lagen bei 14 Dollar je Unze, während Silber "
     "bei 31 Dollar je Unze notierte.", {("silver", 31)}),
    ("de", "Die Kupfermine bewegte im vergangenen Jahr 18 Millionen Tonnen Abraum.", set()),
    ("es", "El costo total sostenido de la mina de plata fue de 17 dólares por onza.", set()),
    ("es", "La planta procesó 12 millones de toneladas de mineral para producir 80.000 "
     "toneladas de cobre.", {("copper", 80000)}),
    ("es", "La minería representa el 10 % del PIB de Perú y el 60 % de sus exportaciones, con "
     "ventas de cobre por 23.000 millones de dólares.", {("copper", 23e9)}),
    ("pt", "A mina processou 6 milhões de toneladas de minério para produzir 120 mil onças de "
     "ouro.", {("gold", 120000)}),
    ("pt", "A Vale produziu 75 milhões de toneladas de minério de ferro no trimestre.",
     {("iron_ore", 75e6)}),
    ("ru", "Себестоимость добычи серебра на руднике составила 15 долларов за унцию.", set()),
    ("ru", "Алюминиевый завод потребляет 12% электроэнергии области.", set()),
    ("ru", "Рудник переработал 8 млн тонн руды и произвел 150 тыс. унций золота.",
     {("gold", 150000)}),
])
def test_the_same_classes_in_other_languages(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Opex at the graphite mine came to US$480/t of concentrate in the quarter.", set()),
    ("en", "Sustaining capex per ounce of gold was $310, and AISC per ounce came in at $1,560.",
     set()),
    ("en", "The miner pays a royalty of $3 per tonne of iron ore to the state.", set()),
    ("en", "The state earned royalties of $2.4 billion from iron ore last year.",
     {("iron_ore", 2.4e9)}),
    ("en", "Ore reserves at the zinc project total 38 Mt, containing 2.1 million tonnes of zinc.",
     {("zinc", 2.1e6)}),
    ("en", "The coal mine moved 80 million bank cubic metres of overburden to mine 9 million "
     "tonnes of coal.", {("coal", 9e6)}),
    ("en", "The phosphate mine produced 2.8 million tonnes of phosphate rock and 1.1 million "
     "tonnes of phosphogypsum waste.", {("phosphate", 2.8e6)}),
    ("en", "The copper mine's land footprint covers 2,000 hectares, 4% of the district.", set()),
    ("en", "Its nickel output rose 6% to 41,000 tonnes, while its carbon emissions fell to 2.2 "
     "million tonnes.", {("nickel", 41000)}),
    ("de", "Der CO2-Ausstoß des Kupferwerks betrug 1,4 Millionen Tonnen.", set()),
    ("de", "Solarstrom deckt 30 Prozent des Strombedarfs der Goldmine.", set()),
    ("de", "Die Auslastung der Nickelhütte lag bei 81 Prozent, die Produktion bei 60.000 Tonnen "
     "Nickel.", {("nickel", 60000)}),
    ("ru", "Выбросы CO2 никелевых заводов составили 9 млн тонн.", set()),
])
def test_opex_royalties_per_unit_ore_reserves_and_land(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    ("The zinc smelter will pay an EU carbon price of about €75 a tonne from 2027.", set()),
    ("The tin smelter's tin sales rose to 14,000 tonnes, while its carbon credits fetched $11 "
     "a tonne.", {("tin", 14000)}),
    ("Copper smelters in Japan earn an acid credit of $70 a tonne.", set()),
    ("Spot uranium rose to $79 a pound; conversion prices reached $58 a kilogram.",
     {("uranium", 79)}),
    ("It takes about 5 tonnes of bauxite to make one tonne of aluminium.", set()),
    ("Analysts raised their price target on the cobalt miner to C$2.40 from C$2.10.", set()),
    ("Workers at the gold shafts earn an average wage of R13,800 a month.", set()),
    ("The copper miner's bonds yield 8.7% and mature in 2030; it produced 250,000 tonnes of "
     "copper in 2024.", {("copper", 250000)}),
])
def test_credits_ratios_targets_wages_and_yields(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # several sentences: the noise of a sentence naming no mineral is not carried to it
    ("Copper output at the mine rose to 95,000 tonnes in the quarter. C1 costs were $1.80 per "
     "pound. The mine moved 35 million tonnes of material.", {("copper", 95000)}),
    ("The aluminium smelter makes 300,000 tonnes of metal a year. It consumes about 4.1 "
     "terawatt hours of electricity, some 20% of the country's supply.",
     {("aluminium", 300000)}),
    ("The aluminium smelter uses 900 MW of power, about 6% of national demand.", set()),
    ("The clean energy transition favours Congo, which has 70% of global cobalt supply.",
     {("cobalt", 70)}),
    ("Iron ore futures in Dalian rose 1% to 805 yuan a tonne. Freight from Brazil to China "
     "cost $21 a tonne.", {("iron_ore", 805)}),
])
def test_passages_of_several_sentences(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a cost as a cause or an aside, and tailings retreated for metal: the figures stay
    ("en", "Rising power costs pushed zinc to $2,900 a tonne on the LME.", {("zinc", 2900)}),
    ("en", "Costs aside, the miner sold 510,000 ounces of gold at $2,380 an ounce.",
     {("gold", 510000), ("gold", 2380)}),
    ("en", "Cathode output at the refinery was 180,000 tonnes; tailings retreatment added 9,000 "
     "tonnes of copper.", {("copper", 180000), ("copper", 9000)}),
    ("en", "Water shortages cut the mine's copper production to 330,000 tonnes.",
     {("copper", 330000)}),
    ("es", "El precio del cobre cayó a 8.900 dólares por tonelada, por debajo del costo de "
     "producción de muchas minas.", {("copper", 8900)}),
    ("de", "Trotz höherer Kosten förderte die Mine 190.000 Tonnen Zink.", {("zinc", 190000)}),
])
def test_costs_as_causes_and_asides(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Die Mine verarbeitete 6 Millionen Tonnen Erz mit einem Kupfergehalt von 0,9 Prozent.",
     set()),
    ("de", "Die Zinkhütte ist zu 85 Prozent ausgelastet und produziert 300.000 Tonnen Zink im "
     "Jahr.", {("zinc", 300000)}),
    ("es", "La mina opera al 75 % de su capacidad y produjo 90.000 toneladas de cobre.",
     {("copper", 90000)}),
    ("ru", "Завод переработал 5 млн тонн руды с содержанием никеля 1,3%.", set()),
    ("ru", "Роялти на добычу серебра составляет 5%.", set()),
    ("fr", "Les coûts opérationnels de la mine de cuivre ont grimpé à 2,40 dollars la livre.",
     set()),
    ("pt", "O frete do minério de ferro do Brasil para a China subiu para 26 dólares por "
     "tonelada.", set()),
])
def test_grades_capacity_and_royalties_in_other_languages(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    ("The lithium project would use 4% of Zimbabwe's national grid capacity.", set()),
    ("The nickel price must rise to $20,000 for the project to go ahead.", set()),
    ("The lead mine's reserves grade 6% lead; contained lead is 1.2 million tonnes.",
     {("lead", 1.2e6)}),
    ("The gold miner's stock trades at $3.10 (NYSE: ABC), while gold trades at $2,610.",
     {("gold", 2610)}),
    ("LME copper stocks fell to 98,000 tonnes on Tuesday.", {("copper", 98000)}),
])
def test_grid_conditions_grades_and_stocks(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "La mine a extrait 15 millions de tonnes de roches stériles pour 250 000 onces d'or.",
     {("gold", 250000)}),
    ("de", "Die Silbermine bewegte 20 Millionen Tonnen Gestein, um 9 Millionen Unzen Silber zu "
     "gewinnen.", {("silver", 9e6)}),
    ("de", "Die Kupferhütte benötigt 3 Prozent der deutschen Stromerzeugung.", set()),
    ("de", "Die Schmelzlöhne für Kupferkonzentrat liegen bei 25 Dollar je Tonne, Kupfer kostet "
     "9.700 Dollar je Tonne.", {("copper", 9700)}),
    ("fr", "Le fret entre le Brésil et la Chine coûte 20 dollars la tonne de minerai de fer.",
     set()),
    ("es", "La mina movió 120 millones de toneladas de roca estéril y produjo 300.000 toneladas "
     "de cobre.", {("copper", 300000)}),
    ("es", "Las reservas de mineral de la mina suman 400 millones de toneladas con ley de 0,7 % "
     "de cobre.", set()),
])
def test_waste_rock_grades_and_power_in_other_languages(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    # a whole of power or energy used as an adjective of the mineral's market
    ("Lithium makes up about 5% of energy transition metals demand today.", {("lithium", 5)}),
    ("About 30% of the nickel plant's energy comes from coal-fired power.", set()),
])
def test_energy_as_a_whole_and_as_an_adjective(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    # minerals' own forms and "the material" that refers back stay figures
    ("Cobalt exports resumed. Congo shipped 18,000 tonnes of the material in the quarter.",
     {("cobalt", 18000)}),
    ("Turkey exported 1.2 million tonnes of boric acid last year.", {("boron", 1.2e6)}),
    ("Mexico shipped 400,000 tonnes of acid-grade fluorspar in 2024.", {("fluorspar", 400000)}),
    ("Rio Tinto produced 1.1 million tonnes of titanium slag.", {("titanium", 1.1e6)}),
])
def test_minerals_forms_beside_the_reagent_words(analyse, text, expected):
    assert figures(analyse(text)) == expected
