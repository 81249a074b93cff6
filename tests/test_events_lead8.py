"""Supply events from the lead's own fresh batch after round 8 (sentences of our own):
workers who walked out, a quote that climbed to a record, and an export
measure only feared (seeds/events.yaml)."""
from __future__ import annotations

import pytest

from tests.fixtures import row_directed_events as _directed


@pytest.mark.parametrize("text,expected", [
    ("Workers at the nickel smelter walked out over pay, the union said.",
     {("nickel", "disruption", None)}),
    ("About 2,000 miners at the copper mine walked out on Monday over pay.",
     {("copper", "disruption", None)}),
    ("Gold climbed to a record as investors sought safety.", {("gold", "price", "up")}),
    ("Palladium jumped to a record as supply from Russia dried up.",
     {("palladium", "price", "up")}),
    ("Nickel producers in the region fear a new export tax could be announced.", set()),
    ("Analysts warn an export quota on tin would hit smelters.", set()),
])
def test_fails_before_these_rules(analyse, text, expected):
    assert _directed(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Staff at the lithium plant downed tools on Tuesday over unpaid bonuses.",
     {("lithium", "disruption", None)}),
    # a delegation that walks out of talks stops no mine
    ("The union said members walked out of talks on copper mine wages on Friday.", set()),
    # a measure taken stays, whatever is feared next
    ("Traders fear the export ban could last for years after Jakarta extended it to nickel "
     "ore.", {("nickel", "export_restriction", "tightening")}),
    ("Miners worry that export curbs might spread to cobalt, weeks after Kinshasa suspended "
     "cobalt exports.", {("cobalt", "export_restriction", "tightening")}),
    ("The government imposed an export tax on nickel pig iron, and producers fear it could "
     "rise.", {("nickel", "export_restriction", "tightening")}),
    # a record of output is production's, not a price
    ("Zinc output hit a record last year, the company said.", {("zinc", "production", "up")}),
])
def test_keeps(analyse, text, expected):
    assert _directed(analyse(text, "en")) == expected
