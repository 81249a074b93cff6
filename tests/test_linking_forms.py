"""A figure's owner after a pronoun standing for the whole ("22% das de grafite"), and
money of minerals as a whole, which is not the topic mineral's
(seeds/figures.yaml: carried_money_whole_trade_after). The sentences are our own."""
from __future__ import annotations

import pytest

from tests.test_mineral_intelligence import figures


@pytest.mark.parametrize("lang,text,expected", [
    ("pt", "O Brasil detém 94% das reservas mundiais de nióbio e 22% das de grafite.",
     [("graphite", 22.0), ("niobium", 94.0)]),
    ("es", "Chile tiene el 40 % de las reservas de litio y el 20 % de las de cobre.",
     [("copper", 20.0), ("lithium", 40.0)]),
    ("en", "The country holds 35% of known tin reserves and 12% of those of tungsten.",
     [("tin", 35.0), ("tungsten", 12.0)]),
])
def test_a_pronoun_for_the_whole_then_of_the_mineral(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text", [
    ("es", "Perú es el segundo productor mundial de cobre, plata y zinc.\n\n"
     "El país exportó por 33.000 millones de dólares en minerales el año pasado."),
    ("en", "Zambia is Africa's second-largest copper producer.\n\n"
     "It shipped $9 billion worth of minerals last year, the central bank said."),
    ("de", "Chile ist der größte Kupferproduzent der Welt.\n\n"
     "Das Land verkaufte 2024 für 50 Milliarden Dollar an Rohstoffen ins Ausland."),
    ("fr", "Le Chili est le premier producteur mondial de cuivre.\n\n"
     "Le pays a exporté pour 50 milliards de dollars de métaux l'an dernier."),
])
def test_money_of_minerals_as_a_whole_is_not_the_topic_minerals(analyse, lang, text):
    assert figures(analyse(text, lang)) == []


def test_mineral_sands_are_no_whole_trade(analyse):
    row = analyse("Iluka is Australia's largest zircon producer. It sold $500 million of "
                  "mineral sands last year.")
    assert figures(row) == [("zirconium", 500_000_000.0)]


def test_money_of_the_topic_mineral_is_still_carried(analyse):
    row = analyse("Zambia is Africa's second-largest copper producer.\n\n"
                  "It shipped $9 billion worth of the metal last year.")
    assert figures(row) == [("copper", 9_000_000_000.0)]


def _links(row):
    return {(m["mineral"], c) for m in row["minerals"] for c in m["countries"] or []}


# A country a mineral is sent to or comes from links to the mineral before it; the one
# country before every mineral is then their subject (seeds/figures.yaml:
# link_moved_words). Our own sentences.
@pytest.mark.parametrize("lang,text,expected", [
    ("pt", "O Peru exporta cobre para a China e prata para a Índia.",
     {("copper", "PE"), ("copper", "CN"), ("silver", "PE"), ("silver", "IN")}),
    ("en", "Australia ships coal to Japan and lithium to China.",
     {("coal", "AU"), ("coal", "JP"), ("lithium", "AU"), ("lithium", "CN")}),
    ("es", "Bolivia vende estaño a Estados Unidos y zinc a Corea del Sur y Japón.",
     {("tin", "BO"), ("tin", "US"), ("zinc", "BO"), ("zinc", "KR"), ("zinc", "JP")}),
    ("de", "Kanada liefert Uran nach Frankreich und Nickel nach den USA.",
     {("uranium", "CA"), ("uranium", "FR"), ("nickel", "CA"), ("nickel", "US")}),
    # no subject when another country stands on its own ("Chile's copper, Peru's zinc")
    ("en", "Chile's copper goes to China, while Peru's zinc goes to Japan.",
     {("copper", "CL"), ("copper", "CN"), ("zinc", "PE"), ("zinc", "JP")}),
])
def test_a_country_a_mineral_goes_to_follows_it(analyse, lang, text, expected):
    assert _links(analyse(text, lang)) == expected
