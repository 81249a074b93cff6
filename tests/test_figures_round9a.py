"""Round 9 of the figure rules, from long wire-style metals market articles (daily and weekly
base-metals wraps, precious-metals wraps, customs data, battery-metals prices): a move in
money before the level it reached, a price's move in the perfect, freight behind a relative
clause, a company's stock quoted after "while", a country's total trade, the gap between
two delivery dates, a grade naming its ore, and "lead" as the next quote of a wrap's list;
each with the real figures beside the words those rules read. Every sentence here is our
own writing."""
from __future__ import annotations

import pytest

from orewire.figures import find_figures


def figures(row):
    return {(m["mineral"], round(f["value"], 4)) for m in row["minerals"] for f in m["figures"]}


def values(sentence):
    return [f.value for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence,expected", [
    # a move in money, then "at" or "to" the level it reached
    ("COMEX silver for May delivery settled up 91 cents at $27.29.", [27.29]),
    ("Gold was down $14.10 at $2,401.50 an ounce in late trade.", [2401.5]),
    ("Silver futures were up Rs 450 to Rs 75,640 per kg.", [75640]),
    # the perfect of a move verb before the size of the move
    ("The metal has risen more than $200 since early March.", []),
    ("Palladium has fallen $150 this week, to $1,010 an ounce.", [1010]),
    # the same words beside levels, which stay
    ("Copper was up at $9,400 a tonne by the close.", [9400]),
    ("Aluminium closed up 1.2% at $2,510 a tonne.", [2510]),
    ("Output has risen to 40,000 tonnes this year.", [40000]),
    ("Nickel prices have fallen to $15,500 a tonne.", [15500]),
    ("Investment in the copper mine has risen to $2 billion.", [2e9]),
])
def test_a_move_in_money_and_the_level_it_reached(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    # freight past a relative clause after its subject
    ("Freight rates for bulk carriers from Guinea to China, which carry most of the world's "
     "traded bauxite, have risen to about $24 a tonne.", []),
    ("Cash costs at the mine, which include royalties, rose to $1.95 a pound.", []),
    # a relative clause before a mineral's price, which stays
    ("Copper, which is used in wiring, traded at $9,000 a tonne.", [9000]),
    ("Lithium, whose price has slumped for two years, sold for $10,500 a tonne.", [10500]),
    ("Nickel, which producers say costs too much to mine, fetched $16,000 a tonne.", [16000]),
    ("Freight rates rose, which hurt margins, while copper traded at $9,000 a tonne.", [9000]),
    ("The zinc smelter, which cost $400 million to build, made 250,000 tonnes.",
     [400e6, 250000]),
])
def test_a_relative_clause_between_a_cost_and_its_amount(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    # the gap between two delivery dates as the subject
    ("The backwardation between cash and three-month copper widened to $65.", []),
    ("The cash-to-three-months spread was at $40 a tonne.", []),
    # the words beside the mineral's own price
    ("Despite the backwardation, copper rose to $9,000 a tonne.", [9000]),
    ("The spread of the virus hit demand, but copper held at $9,200 a tonne.", [9200]),
    ("Copper's backwardation eased as the metal fell to $9,100 a tonne.", [9100]),
    ("With contango in the market, zinc traded at $2,700 a tonne.", [2700]),
    # a cost word with its own amount, then a mineral quoted
    ("With a contango of $20, zinc traded at $2,700 a tonne.", [2700]),
    ("With a premium of $20, zinc traded at $2,700 a tonne.", [2700]),
])
def test_spreads_between_delivery_dates(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    ("Ore of 1.5% grade fetched $55 a wet ton, while 1.2% ore fetched around $32.",
     [55, 32]),
    ("Buyers paid $48 a wet ton for 1.3% saprolite.", [48]),
    # shares of ore stay
    ("China took 95% of the ore.", [95]),
    ("Indonesia mines 60% of the world's nickel ore.", [60]),
    ("The Philippines supplied 30% of China's ore imports in May.", [30]),
    ("About 40% of ore shipments went to Japan.", [40]),
    ("Laterite makes up 70% of nickel resources.", [70]),
])
def test_a_grade_naming_its_ore(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    ("Shares in Glencore rose 1.6% to 452 pence in London, while Freeport-McMoRan gained 2% "
     "to $41.30 in New York.", []),
    ("Shares of Antofagasta fell 1%, whereas Southern Copper Corp rose 3% to $104.20.", []),
    # a mineral after "while" stays
    ("Shares in Glencore rose 1.6%, while copper gained 2% to $9,430 a tonne.", [9430]),
    ("Shares of miners rose, while Comex gold gained 1% to $2,410.", [2410]),
    ("Shares in Antofagasta rose 2%, while LME copper gained 1.1% to $9,500.", [9500]),
    ("Stock markets fell, while spot silver rose 1% to $30.50.", [30.5]),
    ("Shares in Glencore rose 1.6% in London, while Comex Copper gained 2% to $4.30 a "
     "pound.", [4.3]),
])
def test_a_companys_stock_after_while(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("text,expected", [
    ("Chile's lithium exports rose to $184 million.\nTotal Chilean exports reached $8.2 "
     "billion in the month.", {("lithium", 184e6)}),
    ("Peru's copper exports rose.\nThe country's total exports climbed to $9.1 billion.",
     set()),
    # a bare total, and the mineral's own, stay
    ("Chile's copper exports rose in May.\nTotal exports reached 1.2 million tonnes.",
     {("copper", 1.2e6)}),
    ("Chilean copper exports reached $4.1 billion in May.", {("copper", 4.1e9)}),
    ("Peru's zinc shipments fell.\nTotal shipments of the metal were 98,000 tonnes.",
     {("zinc", 98000)}),
    ("Chile's copper exports rose.\nTotal export earnings from the metal hit $4.5 billion.",
     {("copper", 4.5e9)}),
    ("Zambia's copper output rose.\nTotal Zambian output reached 760,000 tonnes.",
     {("copper", 760000)}),
])
def test_a_countrys_total_trade(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Aluminium gained 0.5% to $2,234, zinc added 0.9% to $2,581 and lead was little changed "
     "at $2,091.", {("aluminium", 2234), ("zinc", 2581), ("lead", 2091)}),
    ("Zinc rose 1% to $2,600, and lead was steady at $2,050 a tonne.",
     {("zinc", 2600), ("lead", 2050)}),
    # "lead" in other senses after a quote
    ("Zinc rose to $2,600 and lead analysts were upbeat.", {("zinc", 2600)}),
    ("The union won a raise of $5, and lead was at the top.", set()),
    ("Copper rose 1% to $9,000, and lead times were long.", {("copper", 9000)}),
])
def test_lead_as_the_next_quote_of_a_wrap(analyse, text, expected):
    assert figures(analyse(text)) == expected
