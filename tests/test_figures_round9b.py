"""Round 9 (b) of the figure rules, from long company, project and government articles:
a company's revenue with a period phrase, earnings measures of South African reporting,
platinum group metal ounces counted as "4E", and the second grade of a resource statement;
with the real figures beside the words those rules read. Every sentence here is our own
writing."""
from __future__ import annotations

import pytest

from tests.fixtures import row_figures as figures


@pytest.mark.parametrize("text,expected", [
    ("Copper output at the mine rose to 48,200 tonnes. Revenue for the quarter rose 22% to "
     "$612 million.", {("copper", 48200)}),
    ("The nickel miner lifted output. Sales in the first half fell to $1.4 billion.",
     set()),
    ("The platinum miner said headline earnings fell 41% to R2.1 billion.", set()),
    ("The gold producer reported normalised earnings of $310 million for the year.", set()),
    # the mineral's own revenue, exports and prices beside the same words stay
    ("The mine's copper revenue for the quarter rose to $900 million.",
     {("copper", 900e6)}),
    ("Chile's copper export revenue for the year reached $50 billion.", {("copper", 50e9)}),
    ("Revenue for the quarter rose as copper prices climbed to $9,800 a tonne.",
     {("copper", 9800)}),
    ("Revenue for the quarter rose 22%, and copper output reached 48,000 tonnes.",
     {("copper", 48000)}),
    ("Revenue from copper for the year rose to $4 billion.", {("copper", 4e9)}),
    ("Zambia's copper export earnings rose to $9.1 billion last year.", {("copper", 9.1e9)}),
])
def test_company_revenue_with_a_period_phrase(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Refined output of platinum group metals fell to 412,000 4E ounces in the half.",
     {("platinum_group_metals", 412000)}),
    ("The PGM mine produced 205,000 6E ounces last year.", {("platinum_group_metals", 205000)}),
    ("Palladium output reached 1.2 million 4E ounces.", {("palladium", 1.2e6)}),
    # a digit word that is no such count is no unit's word
    ("The platinum mine produced 40,000 ounces in 2E24 trials.", {("platinum", 40000)}),
])
def test_pgm_ounces_counted_as_4e(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("The study estimates probable reserves of 640 Mt at 0.41% copper and 0.018% molybdenum.",
     set()),
    ("Indicated resources total 48 million tonnes at 0.55 g/t gold and 0.21% copper.", set()),
    ("Measured resources stand at 210 Mt at 1.2% zinc and 0.4% lead.", set()),
    # shares and contained metal beside a grade stay
    ("China refines 70% of the world's cobalt and 60% of its lithium.",
     {("cobalt", 70), ("lithium", 60)}),
    ("Reserves of 640 Mt at 0.41% copper contain 2.6 million tonnes of copper and 115,000 "
     "tonnes of molybdenum.", {("copper", 2.6e6), ("molybdenum", 115000)}),
    ("The mine ran at 85% of capacity and supplied 12% of global molybdenum.",
     {("molybdenum", 12)}),
    ("Chile mines 24% of the world's copper and 20% of its molybdenum.",
     {("copper", 24), ("molybdenum", 20)}),
    ("The deposit holds 35 Mt at 1.1% nickel, and Indonesia supplies 50% of the world's "
     "nickel.", {("nickel", 50)}),
])
def test_the_second_grade_of_a_resource_statement(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("The miner received $2,270 an ounce for its gold, lifting revenue to $5.2 billion.",
     {("gold", 2270)}),
    ("Copper sales volumes rose, boosting earnings to $940 million.", set()),
    # export revenue, a mine's revenue, named sales and tonnages after the same verbs stay
    ("Gold exports rose, lifting export revenue to $8.1 billion.", {("gold", 8.1e9)}),
    ("Higher grades lifted copper output to 48,000 tonnes, boosting the mine's revenue to "
     "$400 million.", {("copper", 48000), ("copper", 400e6)}),
    ("A weaker rand helped, pushing the gold price to R45,000 an ounce.", {("gold", 45000)}),
    ("Demand from China surged, lifting lithium imports to 120,000 tonnes.",
     {("lithium", 120000)}),
    ("New licences were issued, boosting copper sales to $2 billion.", {("copper", 2e9)}),
])
def test_revenue_taken_to_a_level_by_a_participle(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("The company is building a 100,000-tonne-a-year graphite anode plant in Sweden.",
     {("graphite", 100000)}),
    ("The group plans a 1.2-million-tonne-per-year copper smelter.", {("copper", 1.2e6)}),
    ("A 50,000-tonne lithium hydroxide refinery is under way.", {("lithium", 50000)}),
])
def test_hyphenated_yearly_capacity(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Geologists estimated an inferred resource of 5.9 million tonnes of lithium ore at the "
     "site.", set()),
    ("The deposit's reserves of 40 Mt of copper ore will last 20 years.", set()),
    # the metal's own tonnage, trade in ore and concentrates, ores that are the mineral and
    # contained metal beside a resource word stay
    ("China imported 2.5 million tonnes of copper ore and concentrates in March.",
     {("copper", 2.5e6)}),
    ("Kazakhstan mined 6.4 million tonnes of chrome ore and holds reserves of 230 million "
     "tonnes.", {("chromium", 6.4e6), ("chromium", 230e6)}),
    ("Indonesia's nickel reserves include 5 billion tonnes of nickel ore.",
     {("nickel", 5e9)}),
    ("The resource contains 1.2 million tonnes of lithium carbonate equivalent.",
     {("lithium", 1.2e6)}),
    ("Reserves at the mine hold 2.1 million tonnes of copper.", {("copper", 2.1e6)}),
    ("Guinea's bauxite reserves stand at 7.4 billion tonnes of ore.",
     {("aluminium", 7.4e9)}),
])
def test_a_resource_of_metal_ore_is_rock(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Titanium output reached 26,000 tonnes. Mining and metals make up roughly 60% of the "
     "country's exports.", {("titanium", 26000)}),
    ("Zinc output rose to 300,000 tonnes. Mining and quarrying accounts for 9% of GDP.",
     {("zinc", 300000)}),
    # the mineral's own share, and tonnages after the same words, stay
    ("Mining and metals group Kazakhmys produced 300,000 tonnes of copper last year.",
     {("copper", 300000)}),
    ("Titanium output reached 26,000 tonnes. The metal makes up 5% of the country's exports.",
     {("titanium", 26000), ("titanium", 5)}),
    ("Copper makes up 60% of Zambia's exports, and mining and metals employ 90,000 people.",
     {("copper", 60)}),
])
def test_mining_and_metals_as_one_sector(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Lithium output will rise. The state will receive roughly 85% of the operating margin "
     "from the salt flat.", set()),
    ("Under the deal, the state takes 40% of the venture's profits from lithium.", set()),
    # the mineral's shares beside a margin or a profit word stay
    ("Chile supplies 24% of the world's lithium, keeping margins high.", {("lithium", 24)}),
    ("Cobalt margins slumped as Congo's share of world cobalt output rose to 74%.",
     {("cobalt", 74)}),
    ("Despite thin margins, Indonesia produced 50% of the world's nickel.", {("nickel", 50)}),
    ("The smelter, whose margin rose sharply, refines 8% of the world's zinc.",
     {("zinc", 8)}),
    ("Profits fell, but copper still made up 60% of exports.", {("copper", 60)}),
])
def test_a_part_of_a_margin_or_profit(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


def units(row):
    return {(m["mineral"], round(f["value"], 4), f["unit"]) for m in row["minerals"]
            for f in m["figures"]}


@pytest.mark.parametrize("text,expected", [
    ("The project could produce 12.5 million pounds of vanadium pentoxide a year for 25 "
     "years.", {("vanadium", 12.5e6, "lb/year")}),
    ("The mine will produce 31,000 tonnes of nickel annually.", {("nickel", 31000, "tonnes/year")}),
    ("The plant will make 20,000 tonnes of battery-grade lithium hydroxide per year.",
     {("lithium", 20000, "tonnes/year")}),
    # a year as a time, not a rate, stays a plain tonnage
    ("Copper output rose to 500 tonnes, up from 410 tonnes of copper a year earlier.",
     {("copper", 500, "tonnes"), ("copper", 410, "tonnes")}),
    ("The mine sold 30,000 tonnes of copper, a year after it opened.",
     {("copper", 30000, "tonnes")}),
    ("The mine shipped 30,000 tonnes of copper in a year of floods.",
     {("copper", 30000, "tonnes")}),
])
def test_a_yearly_rate_after_the_minerals_name(analyse, text, expected):
    assert units(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Peru's mining exports rose 12% to $39.6 billion last year, driven by copper and gold.",
     set()),
    ("Chile's mining exports reached $52 billion, with copper making up most of it.", set()),
    ("Mineral exports climbed to A$400 billion as iron ore and lithium prices rose.", set()),
    # the mineral's own exports, a later clause's figure and prices per unit stay
    ("Chile's copper exports rose 12% to $50 billion last year, driven by higher prices.",
     {("copper", 50e9)}),
    ("Peru's mining exports rose to $39.6 billion, and copper shipments were worth $23.8 "
     "billion.", {("copper", 23.8e9)}),
    ("Mining exports of copper rose to $23 billion.", {("copper", 23e9)}),
    ("Copper accounted for $23.8 billion of Peru's mining exports.", {("copper", 23.8e9)}),
    ("Peru's mining exports rose as copper hit $9,800 a tonne.", {("copper", 9800)}),
    ("Peru's mining exports were lifted by copper at $9,800 a tonne.", {("copper", 9800)}),
])
def test_the_sectors_exports_as_the_subject(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("The basket price fell, which together with cost inflation cut EBITDA by half to R9.1 "
     "billion.", set()),
    ("The platinum miner lifted net profit by 40% to $1.2 billion.", set()),
    ("Platinum output fell 8%. Cash balance at quarter end: A$1.2bn.", set()),
    # the mineral's own amounts after "by ... to" and after a colon stay
    ("The miner lifted copper output by 10% to 48,000 tonnes.", {("copper", 48000)}),
    ("Copper sales rose by 12% to $2.1 billion.", {("copper", 2.1e9)}),
    ("Chile's copper exports in 2023: $50.1 billion.", {("copper", 50.1e9)}),
    ("Investment in the lithium mine: A$560 million.", {("lithium", 560e6)}),
    ("Copper exports rose by a third to $9.3 billion.", {("copper", 9.3e9)}),
])
def test_accounts_past_by_and_a_colon(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Manganese ore output reached 1.4 Mwmt in the quarter.", {("manganese", 1.4e6)}),
    ("Manganese ore shipments were 620 kwmt.", {("manganese", 620000)}),
])
def test_wet_metric_tonnes(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


def test_a_name_dropped_before_a_figure_keeps_the_clauses_aligned(analyse):
    # "Alumina" opening a sentence may be read as a person's name and dropped: the
    # figures of later sentences must still find their own mentions
    text = ("Payable copper reached 12.6kt in the quarter.\n\nAlumina prices averaged US$510/t "
            "in the quarter, up from US$350/t a year earlier, as supply disruptions in Guinea "
            "tightened the bauxite market.\n\nSouth32 expects to produce 5.1Mt of alumina in "
            "the 2025 financial year.")
    assert figures(analyse(text, "en")) == {("copper", 12600), ("aluminium", 510),
                                            ("aluminium", 350), ("aluminium", 5.1e6)}


_COPPER = "Copper output at the mine rose to 48,000 tonnes last year. "


@pytest.mark.parametrize("text,expected", [
    ("Palladium output fell. The US operations will be scaled back to 300,000 ounces a year, "
     "as palladium traded at $950 an ounce.", {("palladium", 300000), ("palladium", 950)}),
    ("Refined PGM output fell 8% in the half. Refined production totalled 1.66 million "
     "ounces, of which platinum accounted for 0.78 million ounces.",
     {("platinum_group_metals", 1.66e6), ("platinum", 0.78e6)}),
    (_COPPER + "Shipments reached 52,000 tonnes, as copper prices climbed.",
     {("copper", 48000), ("copper", 52000)}),
    # other tonnages, money and shares before such a clause stay no mineral's
    (_COPPER + "The port handled 40 million tonnes of cargo, while copper exports rose.",
     {("copper", 48000)}),
    (_COPPER + "Its trucks carry 300 tonnes each, while copper is hauled by rail.",
     {("copper", 48000)}),
    (_COPPER + "Steel output rose to 90 million tonnes, as copper prices fell.",
     {("copper", 48000)}),
    (_COPPER + "The company moved 40 million tonnes of waste rock, as copper output rose.",
     {("copper", 48000)}),
    (_COPPER + "Wheat exports reached 30 million tonnes, while copper shipments fell.",
     {("copper", 48000)}),
    (_COPPER + "Bitcoin fell 3% to $108,000, while copper climbed.", {("copper", 48000)}),
])
def test_a_quantity_before_a_later_clause_naming_minerals(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("The EU wants to mine 10% of its lithium needs by 2030, and to rely on no single country "
     "for more than 65% of any strategic material.", set()),
    ("Lithium supply is concentrated: no one supplier should provide more than 50% of the "
     "bloc's lithium, officials said.", set()),
    # shares beside "single" and "no single" that are no cap stay
    ("China, the single largest supplier, refines 70% of the world's cobalt.", {("cobalt", 70)}),
    ("China supplies 97% of the EU's magnesium, a single country dependence the plan seeks to "
     "cut.", {("magnesium", 97)}),
    ("No single mine in Chile produces as much copper as Escondida, which supplies 5% of world "
     "copper.", {("copper", 5)}),
    ("Indonesia, with no single rival, mined 50% of the world's nickel last year.",
     {("nickel", 50)}),
    ("There is no single buyer for the copper; Chile still exports 24% of its copper to "
     "Europe.", {("copper", 24)}),
])
def test_a_cap_on_dependence_is_a_goal(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    # (rev9) what the sector's investment went into names its mineral
    ("Mining investment in lithium reached $5 billion last year, the energy ministry said.",
     {("lithium", 5e9)}),
    ("Mineral investments in Guinea's bauxite sector reached $2 billion, the mines ministry "
     "said.", {("aluminium", 2e9)}),
    ("Peru's mining exports in 2023 rose 12% to $39.6 billion, driven by copper and gold.",
     set()),
])
def test_the_sectors_money_spent_on_a_mineral(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected
