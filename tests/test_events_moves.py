"""A metal moved by a stated amount in a market report is a price event, and then a
world event named as the cause is no disruption (seeds/events.yaml: price subject_heads
verbs, the disruption price exception). The sentences are our own."""
from __future__ import annotations

import pytest


def events(row):
    return sorted((m["mineral"], e["type"], e["direction"]) for m in row["minerals"]
                  for e in m.get("events") or [])


@pytest.mark.parametrize("text,expected", [
    ("Gold rose 1.2% as fighting in the Middle East escalated.", [("gold", "price", "up")]),
    ("Gold closed 1.2% higher as fighting escalated.", [("gold", "price", "up")]),
    ("Nickel fell $300 to $15,200 a tonne on the LME.", [("nickel", "price", "down")]),
])
def test_a_metal_moved_by_an_amount_is_quoted(analyse, text, expected):
    assert events(analyse(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Copper output rose 5% to 1.2 million tonnes.", [("copper", "production", "up")]),
    ("Shares of the copper miner rose 4%.", []),
])
def test_output_and_shares_are_no_price(analyse, text, expected):
    assert events(analyse(text)) == expected
