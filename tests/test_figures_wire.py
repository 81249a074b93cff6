"""Figures in English wire copy: classes found with our own probe passages (quarterly
reports, exchange prices, trade data, funding news, deals, market wraps). Every sentence
here is our own writing."""
from __future__ import annotations

import pytest

from tests.fixtures import row_figure_list as figures


from orewire.figures import find_figures


def values(sentence):
    return [(f.value, f.unit) for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence,expected", [
    ("Tokyo will spend 80 billion yen on a reserve of tungsten.", [(80e9, "jpy")]),
    ("The cabinet cleared a 9,000 crore rupee scheme for copper smelting.", [(9e10, "inr")]),
])
def test_currencies_written_after_the_number(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Silver tops $40 as buyers return to the metal.",
    # a premium as the subject of a percentage
    "The auction premium on coal averaged 45% over notified prices.",
    # a company's stock, its seat between commas
    "Shares of the Perth, Australia-based lithium miner fell 3% to A$1.20 on Monday.",
    # earlier levels and other names of a company's accounts
    "The nickel miner posted a net loss of $500 million, compared with a profit of $120 "
    "million a year earlier.",
    "The uranium producer reported adjusted earnings of C$61 million for the quarter.",
    # a move in money, then in percent
    "Silver futures moved up Rs 640 or 0.6% in the afternoon session.",
    # a price differential, not the price
    "Jewellers in Mumbai offered a discount of $12 an ounce over official gold prices.",
])
def test_not_figures_of_the_mineral(sentence):
    assert find_figures(sentence) == []


def test_money_spent_is_an_investment_beside_a_price():
    figs = find_figures("The miner spent $300 million on the shaft, and copper sold for "
                        "$9,000 a tonne.")
    assert [(f.value, f.kind) for f in figs] == [(300e6, "investment"), (9000, "price")]


def test_a_countrys_mining_investment_is_the_sectors(analyse):
    row = analyse("Bolivia's zinc output fell to 480,000 tonnes last year. Mining "
                  "investment in the country reached $1.9 billion.")
    assert figures(row) == [("zinc", 480_000.0)]


def test_respectively_pairs_prices_whatever_per_unit_they_took(analyse):
    row = analyse("Zinc settled at $2,790 a tonne on Friday. Lead and nickel ended at $1,960 "
                  "and $15,180, respectively.")
    assert figures(row) == [("lead", 1960.0), ("nickel", 15180.0), ("zinc", 2790.0)]


def test_steel_products_beside_iron_ore_are_not_its_prices(analyse):
    row = analyse("Iron ore in Dalian rose to 790 yuan a ton. Steel prices were mixed, with "
                  "rebar down 0.4% to 3,230 yuan a ton and hot-rolled coil up 0.2% at 3,410 "
                  "yuan.")
    assert figures(row) == [("iron_ore", 790.0)]


@pytest.mark.parametrize("sentence", [
    "After 2030, Enami's share of production climbs to 51%.",
    "Pilbara Minerals' share of the concentrate from the venture rose to 70% last year.",
    "The miner's attributable share of copper from the Antamina mine is 33.75%.",
    "Its share of the joint venture's output will fall to 49% in 2027.",
])
def test_a_holders_share_of_a_venture_is_no_share_of_the_mineral(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence,value", [
    ("Meanwhile Chile's share of production fell to 24%.", 24),
    ("Indonesia's share of nickel production has climbed to 59%.", 59),
    ("Glencore's share of global cobalt supply is about 18%.", 18),
    ("Codelco's share of Chile's copper output slipped to 26%.", 26),
    ("Its share of world output is 70%.", 70),
])
def test_a_countrys_or_a_markets_share_stays_a_share(sentence, value):
    assert [f.value for f in find_figures(sentence)] == [value]


def test_mt_of_gold_is_metric_tonnes_where_mt_is_also_million_tonnes(analyse):
    row = analyse("Coal output reached 90.4 million tonnes (MT) in May. India's silver "
                  "imports rose to 720 MT in the month, while coal imports stood at 22.8 MT.")
    assert figures(row) == [("coal", 22_800_000.0), ("coal", 90_400_000.0),
                            ("silver", 720.0)]


def test_a_figure_before_a_listed_topic_is_each_ones(analyse):
    row = analyse("Seoul unveiled a $3 billion reserve fund for critical minerals on "
                  "Tuesday. The fund will secure supplies of tungsten alongside antimony and "
                  "gallium, officials said.")
    assert figures(row) == [("antimony", 3e9), ("gallium", 3e9), ("tungsten", 3e9)]


def test_a_figure_after_a_topic_joined_by_as_well_as_is_each_ones(analyse):
    row = analyse("The agency will stockpile cobalt as well as nickel. It has set aside "
                  "$800 million for the purchases.")
    assert figures(row) == [("cobalt", 8e8), ("nickel", 8e8)]


def test_a_price_before_a_list_stays_the_main_minerals(analyse):
    row = analyse("Prices hit $3,000 an ounce on Friday. Gold and silver rallied as the "
                  "dollar fell, and gold held near its record.")
    assert figures(row) == [("gold", 3000.0)]


@pytest.mark.parametrize("text,expected", [
    ("Most tantalum comes from central Africa. Rwanda, which shipped 2,300 tonnes of it "
     "last year, also exports tin.", [("tantalum", 2300.0)]),
    ("Chile dominates copper mining. It produced 5.3 million tonnes of the metal in 2024, "
     "while its lithium output reached 49,000 tonnes.",
     [("copper", 5_300_000.0), ("lithium", 49_000.0)]),
    ("Most cobalt is found in Congo's copper belt, which yielded 150,000 tonnes of it last "
     "year.",
     [("cobalt", 150_000.0)]),
])
def test_a_figure_of_it_is_the_minerals_it_refers_to(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Peru signed a $600 million agreement with a Canadian group to develop a copper mine "
     "near Arequipa.", [("copper", 6e8)]),
    ("The bank will lend €350 million to the developer for its plant in Finland, which "
     "will refine 15,000 tonnes of lithium hydroxide a year.",
     [("lithium", 15_000.0), ("lithium", 3.5e8)]),
])
def test_money_whose_phrase_leads_to_a_mineral_is_its(analyse, text, expected):
    assert figures(analyse(text)) == expected


def test_money_before_another_clause_naming_a_mineral_is_not_its(analyse):
    row = analyse("The group posted revenue of $2 billion, while its zinc mine in Alaska "
                  "shipped 500,000 tonnes.")
    assert figures(row) == [("zinc", 500_000.0)]


def test_a_korean_amount_in_won_needs_its_scale():
    assert values("POSCO will invest 2.4 trillion won in a lithium hydroxide plant.") == \
        [(2.4e12, "krw")]
    assert find_figures("He won 3 medals in 2021.") == []


def test_an_npv_with_its_discount_rate_is_no_figure():
    figs = find_figures("The study shows an after-tax NPV8% of US$410 million and initial "
                        "capital of US$290 million for the gold project.")
    assert [f.value for f in figs] == [290e6]


def test_mt_of_a_bulk_mineral_is_million_tonnes(analyse):
    row = analyse("The state miner produced 38.2 MT of iron ore in the fiscal year, while its "
                  "coal arm dispatched 12.6 MT.")
    assert figures(row) == [("coal", 12_600_000.0), ("iron_ore", 38_200_000.0)]


@pytest.mark.parametrize("text,expected", [
    ("Gold hit a record $3,480 an ounce, while bitcoin fell 2% to $104,000.",
     [("gold", 3480.0)]),
    ("Coking coal futures rose to 1,190 yuan, and rebar on the Shanghai exchange gained 0.7% "
     "to 3,150 yuan a ton.", [("coking_coal", 1190.0)]),
    ("Bauxite from the new mine will supply a $3 billion steel mill in Gujarat.", []),
    ("The nickel smelter pays about $120 million a year in wages and produced 42,000 tonnes "
     "of nickel.", [("nickel", 42_000.0)]),
])
def test_another_assets_or_purposes_money_in_a_minerals_sentence(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("sentence", [
    "Gold has risen 28% this year to trade above $3,300 an ounce.",
    "Producers lose money with nickel under $16,000 a tonne.",
    "O minério de ferro chegou a ser negociado abaixo de 80 dólares por tonelada.",
])
def test_a_price_bound_is_no_figure(sentence):
    assert find_figures(sentence, "pt" if "minério" in sentence else "en") == []


def test_an_amount_over_a_scale_stays():
    assert [f.value for f in find_figures("The group will invest over $1 billion in the "
                                          "copper mine.")] == [1e9]


@pytest.mark.parametrize("text,expected", [
    ("Zambia mined 820,000 tonnes of copper. Copper, tobacco and sugar brought in 78% of "
     "its export earnings last year.", [("copper", 820_000.0)]),
    ("Guinea shipped 140 million tonnes of bauxite in 2024. Bauxite, gold and fish account "
     "for 90% of its exports, officials say, and bauxite alone earned $4 billion.",
     [("aluminium", 140_000_000.0), ("aluminium", 4e9)]),
])
def test_a_share_of_a_list_with_goods_that_are_no_mineral_is_their_total(analyse, text,
                                                                          expected):
    assert figures(analyse(text)) == expected


def test_money_paid_to_communities_is_not_the_minerals(analyse):
    row = analyse("The silver mine in Zacatecas produced 28 million ounces of silver. The "
                  "company has offered $18 million in community projects and compensation "
                  "to end the protest.")
    assert figures(row) == [("silver", 28_000_000.0)]


@pytest.mark.parametrize("sentence", [
    "The copper miner held US$240 million in cash at the end of June.",
    "The board kept a payout ratio of 60% for the gold producer.",
])
def test_cash_held_and_payout_ratios_are_accounts(sentence):
    assert find_figures(sentence) == []


def test_a_deal_paid_in_cash_stays():
    assert [f.value for f in find_figures("The group will buy the nickel miner for $2.1 "
                                          "billion in cash.")] == [2.1e9]


def test_one_value_in_two_units_is_two_figures(analyse):
    row = analyse("The buyer will pay $120 million for the uranium project, which holds 120 "
                  "million pounds of uranium resources.")
    assert sorted((f["value"], f["unit"]) for m in row["minerals"] for f in m["figures"]) == \
        [(120e6, "lb"), (120e6, "usd")]


def test_an_exchanges_daily_limit_is_no_share():
    assert [f.value for f in find_figures("Lithium carbonate futures rose by the daily limit "
                                          "of 9% to 81,000 yuan a tonne.")] == [81000]


@pytest.mark.parametrize("sentence,expected", [
    ("Electric cars need 60 kg of copper, compared with 20 kg in a petrol car.", [60]),
    ("Electric buses use up to 300 kg each, the association said.", []),
    ("Battery makers need 8 kg per vehicle on average.", []),
    ("The two smelters make 200,000 tonnes each.", [200_000]),
    ("The mines produced 10,000 tonnes each of zinc and lead.", [10_000]),
])
def test_a_products_content_is_no_supply_figure(sentence, expected):
    assert [f.value for f in find_figures(sentence)] == expected


@pytest.mark.parametrize("text", [
    "Tokyo wants more nickel from friendly countries. A state lender, armed with $4 billion, "
    "will fund overseas mining and refining projects.",
    "Canberra is courting cobalt buyers. It set aside A$1 billion for critical minerals "
    "projects last year.",
])
def test_money_for_mining_projects_in_general_is_not_the_topics(analyse, text):
    assert figures(analyse(text)) == []


def test_money_for_the_topics_own_project_stays(analyse):
    row = analyse("Ottawa backs a graphite mine in Quebec. It will lend C$300 million to the "
                  "project, officials said.")
    assert figures(row) == [("graphite", 3e8)]


@pytest.mark.parametrize("sentence,expected", [
    ("The state miner raised lump ore prices by Rs 400 to Rs 6,100 per tonne.", [6100]),
    ("The producer cut its list price by $6 to $98 a tonne.", [98]),
])
def test_a_move_by_an_amount_then_its_level_keeps_the_level(sentence, expected):
    assert [f.value for f in find_figures(sentence)] == expected


def test_a_figure_in_a_relative_clause_with_a_preposition_is_its_antecedents(analyse):
    row = analyse("Kazakhstan's copper reserves are large, and so is its tungsten, of which "
                  "the country holds about 8% of world reserves.")
    assert figures(row) == [("tungsten", 8.0)]
