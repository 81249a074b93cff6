"""A spodumene concentrate's grade written as its lithium oxide content is no figure; the
price and tonnage beside it stay (seeds/figures.yaml rate_after). Sentences of our own."""
from __future__ import annotations

import pytest

from tests.fixtures import row_figure_list as figures


@pytest.mark.parametrize("text,expected", [
    ("It received an average price of $735 a tonne for its lithium concentrate, on a 5.2% "
     "lithium oxide basis.", [("lithium", 735.0)]),
    ("The mine sold 50,000 tonnes of spodumene concentrate grading 6% Li2O at $850 a tonne.",
     [("lithium", 850.0), ("lithium", 50000.0)]),
    # a share of the world's lithium stays
    ("Australia supplied 47% of the world's lithium, mostly as spodumene concentrate.",
     [("lithium", 47.0)]),
])
def test_a_lithium_oxide_grade_is_no_figure(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected
