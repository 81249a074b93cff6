"""A list's next item with a figure of its own, set off by commas (", and 40,000 tonnes of
lithium carbonate, worth $2.1 billion"), is no aside: the value after it is that item's,
not the list's first mineral's (linking._in_aside). A real aside without a number keeps
its figure with the subject. Sentences of our own."""
from __future__ import annotations

import pytest

from tests.fixtures import row_figure_list as figures


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Chile exported 1.2 million tonnes of copper, worth $11 billion, and 40,000 tonnes "
     "of lithium carbonate, worth $2.1 billion.",
     [("copper", 1.2e6), ("copper", 1.1e10), ("lithium", 40000.0), ("lithium", 2.1e9)]),
    ("en", "Australia shipped 900 million tonnes of iron ore, and 40 million tonnes of "
     "bauxite, worth $2 billion, last year.",
     [("aluminium", 4.0e7), ("aluminium", 2.0e9), ("iron_ore", 9.0e8)]),
    ("es", "Perú exportó 2,7 millones de toneladas de cobre, por valor de 27.000 millones de "
     "dólares, y 120 toneladas de oro, por valor de 9.000 millones de dólares.",
     [("copper", 2.7e6), ("copper", 2.7e10), ("gold", 120.0), ("gold", 9.0e9)]),
    ("fr", "Le pays a exporté 30 000 tonnes de cobalt, d'une valeur de 800 millions de "
     "dollars, et 5 000 tonnes de cuivre, d'une valeur de 45 millions de dollars.",
     [("cobalt", 30000.0), ("cobalt", 8.0e8), ("copper", 5000.0), ("copper", 4.5e7)]),
])
def test_a_listed_item_with_its_own_figure_is_no_aside(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == sorted(expected)


@pytest.mark.parametrize("text,expected", [
    ("Copper, and to a lesser extent zinc, rose to $9,450 a tonne on Tuesday.",
     [("copper", 9450.0)]),
    ("Silver, often dragged along by gold, rose to $28.40 an ounce.", [("silver", 28.4)]),
])
def test_an_aside_without_a_figure_stays_an_aside(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


@pytest.mark.parametrize("text,expected", [
    # below 1,000 of a bulk mineral, lower-case "mt" is million tonnes
    ("The company mined 1.85mt of coal in the quarter.", [("coal", 1.85e6)]),
    ("Indonesia exported 4.2 mt of bauxite last month.", [("aluminium", 4.2e6)]),
    # elsewhere it stays the metric ton
    ("The cobalt quota for the company was 6,650 mt.", [("cobalt", 6650.0)]),
    ("Gold imports rose to 45 mt in October.", [("gold", 45.0)]),
    ("China imported 9,800 mt of coal from Mongolia by truck on Monday.", [("coal", 9800.0)]),
])
def test_lower_case_mt_of_a_bulk_mineral(analyse, text, expected):
    assert figures(analyse(text, "en")) == expected


def minerals(row):
    return sorted({m["mineral"] for m in row["minerals"]})


@pytest.mark.parametrize("text,expected", [
    # German names that are no mention alone start a compound with a commodity head
    ("Die Ukraine verfügt über große Titan- und Lithiumvorkommen.", ["lithium", "titanium"]),
    ("Die Titanpreise stiegen im März kräftig.", ["titanium"]),
    ("Kali- und Phosphatpreise fielen zum Jahresende.", ["phosphate", "potash"]),
    ("Der Kalibergbau in Hessen steht vor dem Aus.", ["potash"]),
    # alone, or without a head, they stay no mineral
    ("Der Titan der Branche kaufte Kalibrierungsgeräte in Kalifornien.", []),
    ("Das Kaliber der Waffe ist groß.", []),
    ("Titan-Grau ist die neue Farbe des Modells.", []),
    ("Die Titanen der Tech-Branche investieren in Kalimantan.", []),
])
def test_german_compound_only_stems(analyse, text, expected):
    assert minerals(analyse(text, "de")) == expected
