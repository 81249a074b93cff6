"""Round 9 (b) of the figure rules, from long company, project and government articles:
a company's revenue with a period phrase, earnings measures of South African reporting,
platinum group metal ounces counted as "4E", and the second grade of a resource statement;
with the real figures beside the words those rules read. Every sentence here is our own
writing."""
from __future__ import annotations

import pytest


def figures(row):
    return {(m["mineral"], round(f["value"], 4)) for m in row["minerals"] for f in m["figures"]}


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
