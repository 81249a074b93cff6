"""German compounds on the rare earths' own stems ("Seltenerd-", "Seltenerdmetall-") and
magnets of a metal (seeds/minerals.yaml: the de names of rare_earth_elements,
compound_heads). The sentences are our own."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,expected", [
    ("Die Seltenerdmetallverarbeitung in Europa soll wachsen.", {"rare_earth_elements"}),
    ("Peking schränkte die Seltenerdexporte im Frühjahr ein.", {"rare_earth_elements"}),
    ("Für Seltenerdmagnete gibt es kaum Ersatz.", {"rare_earth_elements"}),
    ("Die Seltenerdproduktion in Myanmar stockt.", {"rare_earth_elements"}),
    ("Ein Werk für Neodymmagnete entsteht in Narva.", {"neodymium"}),
    # a product's material, its processing, a fuel's end and its plants
    ("Diebe stahlen 200 Meter Kupferkabel von der Bahnstrecke.", {"copper"}),
    ("Die Urananreicherung in Gronau läuft weiter.", {"uranium"}),
    ("Der Kohleausstieg ist für 2038 geplant.", {"coal"}),
    ("Zwei Kohlekraftwerke gehen im Winter wieder ans Netz.", {"coal"}),
    ("Der Hersteller von Graphitanoden baut in Schweden.", {"graphite"}),
])
def test_rare_earth_compounds(ids, text, expected):
    assert ids(text, "de") == expected


@pytest.mark.parametrize("text", [
    # a new head after no mineral stem, and a word that only begins like the stem
    "Das Magnetkabel riss beim Test.",
    "Der Seltenheitswert der Briefmarke steigt.",
    "Die Stromkabel und Kupplungen wurden getauscht.",
])
def test_no_stem_no_mineral(ids, text):
    assert ids(text, "de") == set()


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le métal rouge a gagné 2 % à Londres."),
    ("es", "El metal rojo cerró al alza en Londres."),
    ("pt", "O metal vermelho subiu em Londres."),
])
def test_the_red_metal_is_copper(ids, lang, text):
    assert ids(text, lang) == {"copper"}


# Compounds joined by hyphens, as German writes them with foreign and long words
# (orewire/lexicon.py _compounds; the de stem "seltene-erden"). Our own sentences.
@pytest.mark.parametrize("text,expected", [
    ("Das Lithium-Projekt im Jadar-Tal bleibt umstritten.", {"lithium"}),
    ("Der Kupfer-Preis legte am Montag zu.", {"copper"}),
    ("Die Nickel-Produktion in Indonesien wächst weiter.", {"nickel"}),
    ("Die Seltene-Erden-Anlage in Kuantan steht still.", {"rare_earth_elements"}),
    ("Peking dominiert den Seltene-Erden-Markt.", {"rare_earth_elements"}),
])
def test_hyphenated_compounds(ids, text, expected):
    assert ids(text, "de") == expected


@pytest.mark.parametrize("text", [
    "Die Gold-Medaille ging an die Schwimmerin aus Kenia.",
    "Der Kobalt-Roboter des Start-ups bewacht Lagerhallen.",
])
def test_hyphenated_names_and_awards_stay_out(ids, text):
    assert ids(text, "de") == set()


@pytest.mark.parametrize("text,expected", [
    ("Der Kupferabsatz des Konzerns stieg auf 300.000 Tonnen.", {"copper"}),
    ("Die Nickelverhüttung auf Sulawesi wächst weiter.", {"nickel"}),
    ("Das Lithiumrecycling lohnt sich bei diesen Preisen nicht.", {"lithium"}),
    ("Ein Kobaltengpass droht den Batterieherstellern.", {"cobalt"}),
])
def test_sales_smelting_recycling_and_shortage_compounds(ids, text, expected):
    assert ids(text, "de") == expected
