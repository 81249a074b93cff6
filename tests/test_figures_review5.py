"""Recall twins of the noise rules (review 5): a real price, share or tonnage that the
rules for unit costs, premiums, energy shares, ore reserves and a company's stock must
leave alone, and the non-figures those rules were written for. Every sentence here is
our own writing."""
from __future__ import annotations

import pytest

from tests.fixtures import row_figures as figures


@pytest.mark.parametrize("lang,text,expected", [
    # a bare cost noun that is context, not the amount's subject: the price stays
    ("en", "With input costs rising across the sector, silver climbed to $33.40 an ounce.",
     {("silver", 33.4)}),
    ("en", "Platinum, often bought as a shield against soaring household costs, rose to "
     "$1,040 an ounce.", {("platinum", 1040)}),
    ("en", "Cobalt cost battery makers roughly $15 a pound in spot deals last month.",
     {("cobalt", 15)}),
    ("en", "An ounce of palladium costs more than $1,100 in Zurich these days.",
     {("palladium", 1100)}),
    ("de", "Eine Unze Silber kosten Händler in München derzeit rund 31 Euro.",
     {("silver", 31)}),
    ("de", "Trotz gestiegener Transportkosten kletterte Nickel auf 16.900 Dollar je Tonne.",
     {("nickel", 16900)}),
    ("fr", "Malgré des coûts en hausse, le zinc a grimpé à 2 870 dollars la tonne.",
     {("zinc", 2870)}),
    ("es", "Pese a los costes logísticos, el estaño subió a 31.500 dólares por tonelada.",
     {("tin", 31500)}),
    ("pt", "Apesar dos custos logísticos, o níquel subiu para 16.800 dólares por tonelada.",
     {("nickel", 16800)}),
    ("pt", "O custo do frete aumentou e o cobre foi vendido a 9.700 dólares por tonelada.",
     {("copper", 9700)}),
    ("ru", "Несмотря на рост издержек, никель подорожал до 16900 долларов за тонну.",
     {("nickel", 16900)}),
    # a plural premium that is no amount's subject
    ("en", "Regional premiums apart, LME zinc rose to $2,910 a tonne.", {("zinc", 2910)}),
    # the bare nouns as the amount's own subject stay unit costs
    ("en", "Costs at the silver mine were $19 an ounce in the quarter.", set()),
    ("en", "The nickel producer said its costs rose to $7.20 a pound.", set()),
    ("de", "Die Kosten der Silbermine stiegen auf 20 Dollar je Unze.", set()),
    ("es", "Los costos de la mina de cobre subieron a 2,30 dólares por libra.", set()),
    ("es", "El costo total sostenido de la mina de oro fue de 1.350 dólares por onza.", set()),
    ("ru", "Затраты на добычу никеля составили 9000 долларов за тонну.", set()),
    # a cost named right before its amount after a word of circumstance is still the cost
    ("en", "With costs at $14 an ounce, the silver miner stays in profit.", set()),
    ("en", "Despite costs running near $1,250 an ounce, the gold miner kept its payout.",
     set()),
    ("de", "Trotz Kosten von 19 Dollar je Unze bleibt die Silbermine rentabel.", set()),
    ("es", "Pese a costos de 19 dólares por onza, la mina de plata sigue rentable.", set()),
    # the verb "costs" before a bound is a price
    ("en", "A tonne of tin costs about $31,000 in Rotterdam.", {("tin", 31000)}),
    # a company's margin is no share of the mineral
    ("en", "Zinc sales reached 120,000 tonnes, and the group's operating margin was 28%.",
     {("zinc", 120000)}),
    ("fr", "La production de cobalt a atteint 9 000 tonnes et la marge brute est de 31 %.",
     {("cobalt", 9000)}),
    ("en", "The mine produced 40% of the country's cobalt.", {("cobalt", 40)}),
])
def test_cost_nouns_premiums_and_margins(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # an energy or water word near a share whose whole names a mineral: the mineral's share
    ("en", "Wind turbines and electricity networks take about 25% of rare earth demand.",
     {("rare_earth_elements", 25)}),
    ("en", "Grid batteries that store electricity now absorb 15% of global vanadium supply.",
     {("vanadium", 15)}),
    ("es", "Los cables que transportan electricidad representan el 40% del consumo de cobre.",
     {("copper", 40)}),
    ("ru", "На выработку электроэнергии приходится 55% потребления угля в регионе.",
     {("coal", 55)}),
    ("en", "Powered by 300 MW of geothermal energy, the country's plants make 3% of world "
     "aluminium output.", {("aluminium", 3)}),
    # a tonnage written with a scale word ends the energy word's reach
    ("en", "Using water piped from the coast, Chile's mines produced 5.3 million tonnes of "
     "copper, 24% of world output.", {("copper", 5.3e6), ("copper", 24)}),
    # the non-figures the rule was written for stay so
    ("en", "The zinc smelter burns about 3.1 TWh of electricity, some 18% of the region's "
     "supply.", set()),
    ("en", "The nickel mine will use 9 gigalitres of water a year, 6% of the valley's "
     "consumption.", set()),
    # a whole of power or water that names a mineral's district is still power's
    ("en", "The zinc mine draws 180 MW, about 9% of the zinc belt's power demand.", set()),
    ("en", "The copper mine's desalination plant will use 120 MW, about 3% of Chile's "
     "copper-mining power demand.", set()),
])
def test_energy_shares_of_a_mineral(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    # the metal that ore reserves contain is the metal's tonnage
    ("The group's ore reserves hold 2.4 million tonnes of nickel.", {("nickel", 2.4e6)}),
    ("Ore resources at the project contain 900,000 tonnes of zinc.", {("zinc", 900000)}),
    ("The copper mine's ore reserves rose to 410 million tonnes.", set()),
    # a relative clause about the company's shares, closed by a comma, is no stock subject
    ("The producer, whose shares rose 4% in Sydney, shipped 2.1 million tonnes of iron ore "
     "in June.", {("iron_ore", 2.1e6)}),
    ("The silver miner, whose shares slid 5%, produced 14 million ounces of silver.",
     {("silver", 14e6)}),
    ("The gold miner's stock trades at $4.20 in Toronto.", set()),
])
def test_contained_metal_and_relative_stock_clauses(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected
