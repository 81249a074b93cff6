"""Round 8 of the figure rules: batteries a recycler takes in, a company's sales in results
wording, ore tonnages after a percentage change, lists of figures paired in order with a
list of minerals without "respectively", and the kinds of quotas and refinery deals; with
the real figures beside the words those rules read. Every sentence here is our own
writing."""
from __future__ import annotations

import pytest


def figures(row):
    return {(m["mineral"], round(f["value"], 4)) for m in row["minerals"] for f in m["figures"]}


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
