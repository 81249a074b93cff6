"""Chemical formulas of traded compounds are mentions of their metal, exact as written
(seeds/minerals.yaml, matching conventions). The sentences are our own."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang,text,expected", [
    ("pt", "As importações de KCl pelo Brasil bateram recorde.", {"potash"}),
    ("en", "Battery-grade LiOH traded above Li2CO3 for the first time in a year.", {"lithium"}),
    ("en", "NiSO4 and CoSO4 premiums in China narrowed.", {"nickel", "cobalt"}),
    ("de", "Der Preis für WO3 in Rotterdam zog an.", {"tungsten"}),
    ("fr", "Le TiO2 chinois est visé par des droits antidumping.", {"titanium"}),
])
def test_formulas_are_mentions(ids, lang, text, expected):
    assert ids(text, lang) == expected


def test_a_formula_in_other_case_is_not_guessed(ids):
    # "kcl" and "wo3" in lower case are left alone, and "KCL" is King's College London
    assert ids("Run kcl login, then open the wo3 file.", "en") == set()
    assert ids("A study by researchers at KCL found that demand may triple.", "en") == set()
