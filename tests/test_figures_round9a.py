"""Round 9 of the figure rules, from long wire-style metals market articles (daily and weekly
base-metals wraps, precious-metals wraps, customs data, battery-metals prices): a move in
money before the level it reached, a price's move in the perfect, freight behind a relative
clause, a company's stock quoted after "while", a country's total trade, the gap between
two delivery dates, a grade naming its ore, and "lead" as the next quote of a wrap's list;
each with the real figures beside the words those rules read. Every sentence here is our
own writing."""
from __future__ import annotations

import pytest

from tests.fixtures import row_figures as figures


from orewire.figures import find_figures


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
    # (review) the same words before a tonnage: the passage's mineral's
    ("Demand for zinc concentrate keeps rising. Total Chinese imports hit 410,000 tonnes in "
     "June.", {("zinc", 410000)}),
    ("Zambia is Africa's second copper producer. The country's total exports climbed to "
     "800,000 tonnes in 2024.", {("copper", 800000)}),
    ("The Philippine nickel trade is growing. Total Philippine exports of nickel ore were "
     "worth $1.6 billion.", {("nickel", 1.6e9)}),
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


@pytest.mark.parametrize("sentence,expected", [
    # a wire story's note of the exchange rate it converted with
    ("($1 = 7.2610 yuan)", []),
    ("(1 euro = $1.0850)", []),
    ("(US$1 = A$1.5236)", []),
    ("($1 = 1.3580 Canadian dollars)", []),
    # brackets that hold a conversion or a figure stay as they were
    ("Tin hit 299,220 yuan ($40,999.15) per metric ton.", [299220]),
    ("The copper plant (1 of 3) makes 40,000 tonnes ($1 billion worth) a year.",
     [40000, 1e9]),
    ("Copper rose to $9,100 (1 tonne = 2,204.6 pounds).", [9100]),
    ("Copper output rose to 1.13 million tonnes (up 2.9%).", [1.13e6]),
])
def test_an_exchange_rate_note(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    # a company named in apposition after "while"; a trust's units
    ("Its shares rose 4.3% to $41.20 in London, while Cameco, the largest Western producer, "
     "gained 3.1% to C$74.85 in Toronto.", []),
    ("The trust holds 66 million pounds of uranium. Its units fell 0.5% to $19.87.",
     [66e6]),
    # a mineral in apposition after "while", and units that are plants, stay
    ("Shares in Glencore rose 1.6%, while copper, the best performer, gained 2% to $9,430 a "
     "tonne.", [9430]),
    ("Its units produced 40,000 tonnes of zinc.", [40000]),
    ("Its shares rose 4.3% in London, while silver, the cheaper metal, gained 1% to $30.10 an "
     "ounce.", [30.1]),
])
def test_stock_after_while_in_apposition_and_trust_units(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    # a forecast revised by an amount
    ("Commerzbank expects gold to end 2024 at $2,400, it said, raising its forecasts by about "
     "$100.", [2400]),
    ("The bank is cutting its output forecast by 50,000 tonnes to 1.2 million tonnes.",
     [1.2e6]),
    # the same words before figures
    ("The copper miner is raising $500 million to build the mine.", [500e6]),
    ("Raising output to 40,000 tonnes will take two years.", [40000]),
    ("Cutting costs, the zinc smelter made 250,000 tonnes.", [250000]),
])
def test_a_forecast_revised_by_an_amount(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    # a share in words, then its earlier level in digits
    ("The country now accounts for roughly half of global nickel supply, up from 7% in 2015.",
     [7]),
    ("About a third of its copper, down from 40% in 2010, goes to China.", [40]),
    # changes stay changes
    ("Half of the output went to China, up 7% from a year ago.", []),
    ("Nickel output rose by half, up from 7% growth in 2015.", []),
    ("Half of the copper was sold, up 12% on the year.", []),
])
def test_a_share_in_words_then_its_earlier_level(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    # a move in money after the level, past a comma
    ("On the Kuala Lumpur Tin Market, tin closed at $33,880 a tonne, up $920.", [33880]),
    ("Gold settled at $2,400 an ounce, down by $12.", [2400]),
    # an earlier level after "up from" stays
    ("Gold was at $2,400, up from $2,300 a week ago.", [2400, 2300]),
    ("Copper output reached 410,000 tonnes, up 4%.", [410000]),
    ("Zinc closed at $2,700, up 1.1% on the day.", [2700]),
    # a company's stock quoted flat after "while"
    ("Vale's shares gained 1.2% to $11.03 in New York, while BHP closed flat at A$43.51 in "
     "Sydney.", []),
    ("Shares of miners rose, while copper closed flat at $9,400.", [9400]),
])
def test_a_move_after_the_level_and_a_stock_quoted_flat(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("text,expected", [
    # coke, made from coking coal, quoted beside it
    ("Coking coal in Dalian fell 2.6% to 1,642 yuan a ton, and coke lost 1.8% to 2,048 yuan.",
     {("coking_coal", 1642)}),
    ("Coking coal prices rose.\nMetallurgical coke was up 1% at 2,100 yuan a ton.", set()),
    # coking coal itself stays
    ("Coking coal for export rose to $243.50 a ton, while coke ovens ran at full rate.",
     {("coking_coal", 243.5)}),
    ("China imported 10.2 million tonnes of coking coal in May.", {("coking_coal", 10.2e6)}),
    ("Coking coal hit $250 a ton as coke makers restocked.", {("coking_coal", 250)}),
])
def test_coke_beside_coking_coal(analyse, text, expected):
    assert figures(analyse(text)) == expected



@pytest.mark.parametrize("sentence,expected", [
    # a spread between two products, a round level named, what moving a unit costs
    ("The spread between refined copper and bare bright scrap widened to 2,800 yuan a ton.",
     []),
    ("Scrap traded well above the 1,500 yuan level at which smelters switch.", []),
    ("Copper broke through the $10,000 mark.", []),
    ("Trucking a tonne of manganese ore to the port costs around 600 rand.", []),
    ("Mining an ounce of gold costs about $1,300.", []),
    # the same words beside prices, which stay
    ("Gold held at $2,400, a level last seen in May.", [2400]),
    ("Gold sold for $2,400, the highest level ever.", [2400]),
    ("Copper, the $9,000 level aside, rose to $9,300 a tonne.", [9300]),
    ("Despite the spread, copper scrap sold for 66,000 yuan a ton.", [66000]),
    ("Shipping costs rose, but an ounce of gold cost $2,650.", [2650]),
    ("A tonne of copper cost $9,100 in London on Friday.", [9100]),
])
def test_spreads_thresholds_and_the_cost_of_moving_a_unit(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    # a capacity written as one hyphenated compound
    ("A 150,000-tonne-a-year copper smelter will start in March.", [(150000, "tonnes/year")]),
    ("Its 300,000-ton-per-annum alumina plant is idle.", [(300000, "tonnes/year")]),
    ("A 150,000 tonne-a-year copper smelter will start in March.", [(150000, "tonnes/year")]),
    # compounds that stay as they were
    ("The 150,000-tonne copper smelter will start in March.", [(150000, "tonnes")]),
    ("The smelter will make 150,000 tonnes a year.", [(150000, "tonnes/year")]),
])
def test_a_capacity_written_as_a_hyphenated_compound(sentence, expected):
    assert [(f.value, f.unit) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Aluminium was little changed at $2,640.\nLead was flat at $2,002.",
     {("aluminium", 2640), ("lead", 2002)}),
    ("Zinc fell.\nLead ended little changed at $1,990.", {("lead", 1990)}),
    # "lead" in other senses
    ("Zinc rose.\nLead was at the top of the agenda.", set()),
    ("Copper rose to $9,000.\nLead analyst Tom Baker sees it at $9,500.",
     {("copper", 9000), ("copper", 9500)}),
])
def test_lead_opening_a_sentence_quoted_at_a_level(analyse, text, expected):
    assert figures(analyse(text)) == expected


@pytest.mark.parametrize("sentence,expected", [
    # an abbreviation's stop inside the stock's subject
    ("Shares of Freeport-McMoRan, the largest U.S. copper producer, rose 2.5% to $47.30.", []),
    # a sentence the stop ends, and prices after an abbreviation, stay
    ("Shares of miners rose in the U.S. Copper rose to $9,000 a tonne.", [9000]),
    ("The U.S. copper price rose to $5.10 a pound.", [5.1]),
    ("Shares fell. Copper rose to $9,000 a tonne.", [9000]),
])
def test_an_abbreviation_inside_a_stocks_subject(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


@pytest.mark.parametrize("sentence,expected", [
    # a company's stock after ", and" in a sentence opened by a stock's move
    ("NexGen Energy's shares rose 5% to C$10.70, and Denison Mines gained 3.8% to C$2.73.", []),
    ("Shares of miners rose, and Gold Fields gained 2% to R250.", []),
    # a mineral quoted in a clause of its own after a stock's move stays
    ("Shares of Antofagasta rose 2%, and copper gained 1.1% to $9,500 a tonne.", [9500]),
    ("Shares of miners rose 2%, and Comex gold gained 1% to $2,410.", [2410]),
    ("Shares of miners rose, and gold hit $2,410 an ounce.", [2410]),
    ("Shares in Glencore fell, while silver rose to $30.20 an ounce.", [30.2]),
    # the stock itself, with a mineral in the company's description, stays no figure
    ("Shares in the copper miner fell 3% to $4.10.", []),
])
def test_a_stock_then_a_mineral_after_and(sentence, expected):
    assert values(sentence) == pytest.approx(expected)
