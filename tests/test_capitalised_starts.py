"""A name-prone mineral word written capitalised at a sentence's or clause's start is the
commodity beside the trade's nouns, after a colon or semicolon in a market report, or
in a sentence that names another mineral in lower case (seeds/senses.yaml context_words;
orewire/lexicon.py). The sentences are our own."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,expected", [
    ("Cobalt shipments out of Congo totalled 10,000 tonnes in May.", {"cobalt"}),
    ("Lithium operations in the salt flat were paused after protests.", {"lithium"}),
    ("Nickel explorer strikes high-grade sulphides in Western Australia.", {"nickel"}),
    ("Gold recoveries at the plant fell to 88% in the quarter.", {"gold"}),
    ("Copper deliveries to Chinese smelters slowed in June.", {"copper"}),
    ("Uranium enrichers in Russia face new US sanctions.", {"uranium"}),
    ("Tin smuggling from Myanmar has surged, officials said.", {"tin"}),
    ("Base metals were mixed: Copper +0.4% at $9,810/t; Aluminium -0.3% at $2,595/t.",
     {"copper", "aluminium"}),
    ("Cobalt is mostly a by-product of copper mining.", {"cobalt", "copper"}),
    # a headline's site, find or market state right after the word
    ("Copper plant restarts after strike", {"copper"}),
    ("Lithium project gets green light from regulator", {"lithium"}),
    ("Gold find in the north sparks a rush of claims", {"gold"}),
    ("Nickel glut deepens as new smelters start up", {"nickel"}),
    # after a wire dateline's hyphen, as every agency story opens
    ("PERTH, June 9 (Reuters) - Nickel slipped 0.7% to $15,300 a tonne.", {"nickel"}),
    ("SANTIAGO (Bloomberg) -- Copper output at the mine rose in May.", {"copper"}),
    ("JAKARTA - Nickel ore exports resumed on Monday.", {"nickel"}),
])
def test_capitalised_commodity_at_a_start(ids, text, expected):
    assert ids(text, "en") == expected


@pytest.mark.parametrize("text", [
    "Cobalt, the robot maker, raised $100 million from investors.",
    "Silver, the statistician, said the polls were wrong.",
    "Her favourite bands: Nickelback and Iron Maiden.",
    "DENVER (Reuters) - Silver Lake Partners agreed to buy the software firm.",
    "The start-up - Cobalt Robotics - raised money from investors.",
    "Silver Project, the band, released its third album.",
])
def test_names_stay_names(ids, text):
    assert ids(text, "en") == set()
