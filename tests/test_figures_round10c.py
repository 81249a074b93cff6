"""Round 10 (c) of the figure rules, from English news as HTML extraction leaves it: wire
datelines and bylines, flattened tables and bullet lists, quarterly reports, price
assessments and abbreviations (c/lb, t/d, Li2O, EBT). Every sentence here is our own
writing."""
from __future__ import annotations

import pytest

from orewire.figures import find_figures
from tests.fixtures import row_figures as figures


def values(sentence):
    return [(f.value, f.unit) for f in find_figures(sentence)]


# a mineral's name is a noun phrase, though the parser may read "coking" as a verb
@pytest.mark.parametrize("text,expected", [
    ("Steam coal shipments reached 9.1 million tonnes, while coking coal shipments were "
     "3.4 million tonnes.", {("coal", 9.1e6), ("coking_coal", 3.4e6)}),
    ("Japan bought 2.2 million tonnes of thermal coal in May, while coking coal purchases "
     "came to 1.3 million tonnes.", {("coal", 2.2e6), ("coking_coal", 1.3e6)}),
])
def test_a_mineral_name_heads_no_clause(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


# a figure before ", and" and a clause naming another mineral is the passage's topic's
@pytest.mark.parametrize("text,expected", [
    ("Bolivia is a major tin producer. Output of the metal reached 18,600 tonnes last year, "
     "the ministry said, and silver production was 1,300 tonnes.",
     {("tin", 18600), ("silver", 1300)}),
    ("Mexico leads world silver mining. Shipments totalled 4,100 tonnes in 2024, but gold "
     "exports slipped to 95 tonnes.", {("silver", 4100), ("gold", 95)}),
])
def test_topic_figure_before_a_later_clause_with_and(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


def test_a_mineral_after_and_in_the_figures_own_clause_keeps_it(analyse):
    row = analyse("The smelter produced 310,000 tonnes of zinc and 95,000 tonnes of lead.", "en")
    assert figures(row) == {("zinc", 310000), ("lead", 95000)}


def test_lithium_oxide_names_lithium(analyse):
    row = analyse("- Mineral Resource of 30.2Mt at 1.05% Li2O for 317kt of contained Li2O", "en")
    assert figures(row) == {("lithium", 317000)}


@pytest.mark.parametrize("sentence", [
    "C1 cost: US$1.45/lb",
    "- AISC: A$2,380/oz",
    "Cash cost (C1): US$22.10/wmt",
])
def test_a_cost_label_before_a_colon(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("Realised price: US$88/wmt", [(88.0, "usd/t")]),
    ("- Copper price: US$4.05/lb", [(4.05, "usd/lb")]),
])
def test_a_price_label_before_a_colon_stays(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("text,expected", [
    ("World mine output of tin in 2023 (tonnes): China 68,000; Indonesia 52,000; Myanmar "
     "31,000.", {("tin", 68000), ("tin", 52000), ("tin", 31000)}),
    ("Gold production by country (koz): Ghana 4,120, Mali 2,180 and Sudan 2,050.",
     {("gold", 4.12e6), ("gold", 2.18e6), ("gold", 2.05e6)}),
])
def test_rows_of_a_table_with_its_unit_in_the_heading(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("sentence,expected", [
    # prose after the rows ends them: no date or count in it is a row
    ("Mine output of zinc (tonnes): Peru 1,390,000; Mexico 640,000, the survey said in its "
     "report of March 12, 2025.", [(1.39e6, "tonnes"), (640000.0, "tonnes")]),
    ("Silver output by mine (thousand ounces): Penasquito 8,100; Antamina 5,200, with shafts "
     "3, 4 and 9 shut.", [(8.1e6, "oz"), (5.2e6, "oz")]),
    ("Output (tonnes): Chile 5,300; Peru 2,600. Its note of May 14, 2025 followed.",
     [(5300.0, "tonnes"), (2600.0, "tonnes")]),
])
def test_table_rows_end_where_the_table_does(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The firm (ticker: LTR) said 2024 was its first year of 12 months.",
    "Prices (US$/t): copper 9,050; zinc 2,760.",
    "Nickel output (tonnes): the mine opened in 2019, and staff number 1,200.",
])
def test_no_table_rows_without_a_mass_heading(sentence):
    assert [v for v, u in values(sentence) if u == "tonnes"] == []


def test_a_price_per_tonne_ends_its_sentence(analyse):
    row = analyse("Iron ore output rose to 81.2 million tonnes, and nickel output was 38,900 t. "
                  "The miner sold pellets at US$128.40/t. It plans to spend US$1.1 bn on copper "
                  "next year.", "en")
    assert ("iron_ore", 128.4) in figures(row)
    assert ("copper", 128.4) not in figures(row)


@pytest.mark.parametrize("sentence,expected", [
    ("Comex copper was quoted at 428 c/lb on Friday.", [(428.0, "usc/lb")]),
    ("Uranium traded at 7,850 c/lb in the spot market.", [(7850.0, "usc/lb")]),
])
def test_us_cents_by_the_pound(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Temperatures in the pit reached 42C on Monday.",
    "The copper grade of section 4 c was higher.",
])
def test_a_bare_c_is_no_money(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The concentrator processes 21,000 t/d of ore.",
    "The mill treats 9,500 tonnes per day of ore.",
])
def test_daily_ore_throughput(sentence):
    assert find_figures(sentence) == []


def test_daily_output_of_the_metal_stays():
    assert values("The refinery makes 350 t/d of copper cathode.") == [(350.0, "tonnes")]


@pytest.mark.parametrize("sentence", [
    "The copper smelter's operating EBT was EUR 385 million.",
    "Earnings before tax rose to $1.3 billion at the nickel unit.",
    "The group has written down its cobalt refinery by a further A$95 million.",
    "It wrote off the mine's value by $600 million last year.",
])
def test_company_accounts(sentence):
    assert find_figures(sentence) == []


def test_money_invested_beside_a_write_down_word_stays():
    assert values("The miner will invest $600 million to write a new chapter for the mine.") \
        == [(600e6, "usd")]


@pytest.mark.parametrize("sentence,expected", [
    ("Cobalt metal (99.8%) traded at $33,000 a tonne.", [(33000.0, "usd/t")]),
    ("Silicon metal (99.99%) rose to 12,800 yuan a tonne.", [(12800.0, "cny/t")]),
    # shares in brackets stay
    ("Congo (74.2%) and Indonesia (8.6%) lead cobalt supply.",
     [(74.2, "percent"), (8.6, "percent")]),
])
def test_purity_in_brackets(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("text,expected", [
    ("Iron ore output reached 277 million tonnes. The value of mineral production was "
     "Rs 1.6 lakh crore.", {("iron_ore", 277e6)}),
    ("Copper exports reached 2.1 million tonnes. The mineral sector earned $11 billion.",
     {("copper", 2.1e6)}),
    # a mineral's own value stays
    ("The value of copper production was $9 billion last year.", {("copper", 9e9)}),
])
def test_minerals_as_a_whole(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


def test_a_signed_move_after_a_price_is_no_range():
    assert values("Silver $31.12 -0.34 (-1.08%)") == [(31.12, "usd")]
    assert values("Platinum $1,022.50 -4.10") == [(1022.5, "usd")]


def test_a_range_with_a_spaced_dash_stays_a_range():
    assert find_figures("Lithium hydroxide was at $9.40 -9.80 per kg.") == []


@pytest.mark.parametrize("sentence", [
    "Gold nears $3,600 as the dollar slides.",
    "Copper neared $10,000 a tonne before easing.",
    "Silver is approaching $40 an ounce.",
])
def test_a_level_neared_is_no_price(sentence):
    assert find_figures(sentence) == []


def test_a_page_offer_is_no_figure_of_the_mineral(analyse):
    row = analyse("Subscribe to our newsletter for $2 for the first 6 months.\nNickel output "
                  "in Indonesia rose to 2.1 million tonnes in 2024.", "en")
    assert figures(row) == {("nickel", 2.1e6)}


@pytest.mark.parametrize("sentence", [
    "Post-tax NPV of US$820m and IRR of 31% at US$2,900/oz gold price.",
    "Cash and undrawn debt at the end of June: A$310 million.",
    "The bank now assumes copper of US$9,600/t in 2026 (previously US$9,900/t).",
])
def test_study_prices_assumptions_and_funding(sentence):
    assert find_figures(sentence) == []


def test_a_forecast_with_its_earlier_level_stays():
    assert values("The bank raised its forecast to $9,600/t (previously $9,100/t).") == \
        [(9600.0, "usd/t"), (9100.0, "usd/t")]


def test_a_mineral_labelled_a_person_before_a_trade_noun(analyse):
    row = analyse("Copper concentrate exports were 1.2 million tonnes.\nCoal export revenue "
                  "reached $8.4 billion.", "en")
    assert ("coal", 8.4e9) in figures(row)
    assert ("copper", 8.4e9) not in figures(row)


@pytest.mark.parametrize("text,expected", [
    ("Chile's lithium output rose to 48,000 tonnes in the quarter.\nSee also: Copper prices "
     "climb on supply fears\nThe company expects sales of 210,000 tonnes next year.",
     {("lithium", 48000), ("lithium", 210000)}),
    ("Zinc output in Peru reached 120,000 tonnes in May.\nRead more: Gold miners rally as "
     "bullion climbs\nExports totalled 95,000 tonnes.", {("zinc", 120000), ("zinc", 95000)}),
])
def test_a_line_linking_another_story_sets_no_topic(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


def test_a_sentence_that_names_a_mineral_after_a_label_still_sets_the_topic(analyse):
    row = analyse("Zinc output reached 120,000 tonnes.\nNote: Copper output then rose.\n"
                  "It reached 44,000 tonnes.", "en")
    assert ("copper", 44000) in figures(row)


def test_a_table_heading_may_name_what_is_counted(analyse):
    row = analyse("Lithium output by country, 2024 (t LCE): Australia 455,000; Chile 250,000.", "en")
    assert figures(row) == {("lithium", 455000), ("lithium", 250000)}


@pytest.mark.parametrize("sentence,expected", [
    ("India's coal imports reached 22.4 MMT in May.", [(22.4e6, "tonnes")]),
    ("The terminal can ship 12 MMTPA of iron ore.", [(12e6, "tonnes/year")]),
    ("The agency bought 15 LMT of coal.", [(1.5e6, "tonnes")]),
    ("Output was 2.8 mmt of coal in June.", [(2.8e6, "tonnes")]),
    ("The smelter makes 450 kilotonnes of aluminium.", [(450e3, "tonnes")]),
    ("The mine poured 9,800 ozs of gold.", [(9800.0, "oz")]),
    ("Comex copper settled at 431 US¢/lb.", [(431.0, "usc/lb")]),
])
def test_trade_copy_units(sentence, expected):
    assert values(sentence) == expected


def test_a_metric_ton_in_capitals_stays_a_ton():
    assert values("The refinery sold 4 MT of gold bars.") == [(4.0, "tonnes")]


def test_no_topic_tonnage_without_supply_words(analyse):
    row = analyse("Iron ore prices eased on Tuesday. The port handled 40 million tonnes, and "
                  "nickel output was 41,000 tonnes.", "en")
    assert figures(row) == {("nickel", 41000)}


@pytest.mark.parametrize("text,expected", [
    ("LME OFFICIAL PRICES ($/T)\nCopper 9,388.50\nAluminium 2,601.00\nZinc 2,812.00",
     {("copper", 9388.5), ("aluminium", 2601), ("zinc", 2812)}),
    ("Table: India iron ore exports, tonnes\nMonth | 2024 | 2025\nMarch | 3,120,000 | "
     "2,450,000\nIron ore exports slowed as steel mills at home bought more.",
     {("iron_ore", 3.12e6), ("iron_ore", 2.45e6)}),
    # a table in one sentence, its total on the next line
    ("Mine output of tin (tonnes): China 69,000; Indonesia 50,000. World total: 300,000.",
     {("tin", 69000), ("tin", 50000), ("tin", 300000)}),
])
def test_rows_on_the_lines_after_a_heading(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    # prose after a heading is no row, and ends the table
    ("Copper prices (US$/t)\nCopper rose to 9,400.\nCopper 9,388.50",
     set()),
    ("Zinc market, tonnes\nZinc output rose on Monday.\nPeru 120,000", set()),
])
def test_no_rows_without_a_heading_right_before(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("sentence", [
    "US$1.72/lb – C1 cost",
    "A$2,210/oz - AISC",
])
def test_a_cost_label_after_the_amount_and_a_dash(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("US$4.25/lb – realised copper price", [(4.25, "usd/lb")]),
    ("Copper rose to $9,100/t - production costs at older mines rose too.", [(9100.0, "usd/t")]),
])
def test_a_price_before_a_dash_stays(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("text,expected", [
    ("LME OFFICIAL PRICES ($/T)\nCopper 9,390.00\nNickel 15,210.00\nOpen interest 298,000\n"
     "Page 3", {("copper", 9390), ("nickel", 15210)}),
    ("Gold output by quarter ('000 oz)\nFirst quarter 488\nSecond quarter 505\nEmployees 1,310",
     None),
    ("Copper prices ($/T)\nCopper 9,390.00\nSpread 45.00", {("copper", 9390)}),
])
def test_lines_that_end_a_table(analyse, text, expected):
    got = figures(analyse(text, "en"))
    if expected is None:   # no mineral named: nothing but the rows may reach the topic
        assert ("gold", 1.31e6) not in got
    else:
        assert got == expected


@pytest.mark.parametrize("sentence", ["Silver output by mine ('000 oz)", "Exports (’000 t)"])
def test_a_thousands_scale_in_a_heading_is_no_amount(sentence):
    assert find_figures(sentence) == []


def test_rows_under_a_thousands_heading(analyse):
    row = analyse("Gold output by quarter ('000 oz)\nFirst quarter 488\nSecond quarter 505", "en")
    assert figures(row) == {("gold", 488000), ("gold", 505000)}
