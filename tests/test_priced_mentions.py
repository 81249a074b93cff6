"""A capitalised or ambiguous mineral word opening a sentence that quotes a price in the
trade's own units is the metal: per metric ton unit (tungsten concentrates and APT), per
10 grams (India's bullion quote), and "lead" before a price per tonne. The sentences are
our own."""
from __future__ import annotations

import pytest


def figures(row):
    return sorted((m["mineral"], f["value"], f["unit"]) for m in row["minerals"]
                  for f in m["figures"])


@pytest.mark.parametrize("text,expected", [
    ("Tungsten APT was quoted at $445 per mtu in Rotterdam.",
     [("tungsten", 445.0, "usd/mtu")]),
    ("Gold in India was priced at Rs 97,500 per 10 grams on Monday.",
     [("gold", 97500.0, "inr/10g")]),
    ("Lead was quoted at $1,990 a tonne.", [("lead", 1990.0, "usd/t")]),
    ("Lead was steady at $2,050 per tonne, while tin eased.", [("lead", 2050.0, "usd/t")]),
])
def test_a_sentence_quoting_the_trades_price_units_names_the_metal(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    # "lead" is a metal only as the sentence's first word: a title or a noun before a
    # name stays a title, whatever the sentence quotes
    ("Lead negotiator Ana Ruiz said copper could fetch $9,000 a tonne next year.",
     ["copper"]),
    ("Lead analyst Tom Baker sees gold at $3,000 an ounce.", ["gold"]),
    ("Lead by example, the minister told miners, as nickel slid to $15,000 a ton.",
     ["nickel"]),
    ("Lead times for transformers doubled to 120 weeks, and cable prices rose.", []),
    ("The club's lead grew to 12 points, while copper held at $9,100 a tonne.", ["copper"]),
])
def test_lead_as_a_title_or_a_noun_stays_no_metal(analyse, text, expected):
    assert sorted(set(analyse(text, "en")["mineral_ids"])) == expected
