"""A duty, tax, royalty or stake set to a percentage is a rate, not a figure of the mineral
(seeds/figures.yaml: set_rate_subjects, set_rate_subject_heads_de, percent_stake_heads_de).
The sentences are our own."""
from __future__ import annotations

import pytest

from orewire.figures import find_figures


def values(sentence, lang):
    return [f.value for f in find_figures(sentence, lang)]


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The royalty on copper sales will rise to 7% from next year."),
    ("en", "Under the new law the export duty on unprocessed nickel ore goes up to 15%."),
    ("fr", "La taxe à l'exportation sur le cobalt passera à 10 % en janvier."),
    ("de", "Die Förderabgabe auf Kupfer steigt von 5 auf 7 Prozent."),
    ("de", "Die Exportsteuer für Nickelerz wird im Sommer auf 10 Prozent angehoben."),
    ("de", "Die Abgabe steigt von 2 auf 5 Prozent."),
    ("es", "El impuesto a las exportaciones de litio subirá al 12 % el próximo año."),
    ("pt", "A alíquota da CFEM sobre o minério de ferro vai subir para 4%."),
    ("ru", "Экспортная пошлина на медь вырастет до 15% с марта."),
    ("de", "Der Konzern hält 49 Prozent an der Nickelhütte in Indonesien."),
    ("de", "Der Staat übernimmt 30 Prozent an dem geplanten Lithiumprojekt."),
    ("de", "Der Fonds erwirbt 25 Prozent am Kupferwerk in Hamburg."),
])
def test_a_rate_set_to_a_level_is_no_figure(lang, sentence):
    assert values(sentence, lang) == []


@pytest.mark.parametrize("lang,sentence,value", [
    # a share set to a level is still the mineral's
    ("en", "China's share of cobalt refining rose to 75% last year.", 75),
    ("de", "Der Anteil Chinas an der Weltproduktion von Graphit stieg auf 65 Prozent.", 65),
    ("es", "La participación de Chile en la producción mundial de cobre subió al 24 %.", 24),
    # a rate in an earlier clause does not reach the share after the comma
    ("en", "Despite the higher royalty, Chile's share of lithium supply rose to 30%.", 30),
    # a share of the world market is no stake
    ("de", "China kommt auf 70 Prozent am Weltmarkt für Seltene Erden.", 70),
    # a rate word earlier in the clause, then the share that is set to the level
    ("ru", "На фоне экспортных пошлин доля России на мировом рынке никеля выросла до 12%.",
     12),
    ("en", "Lower interest rates pushed the share of gold in central bank reserves to 20%.",
     20),
    ("fr", "Avec la hausse des taxes la part du cobalt congolais est montée à 75 %.", 75),
    ("es", "Con los nuevos impuestos Chile elevó su cuota del mercado del cobre al 27 %.", 27),
    # words that only begin like a rate word ("Umsatz", "Stakeholders"), and an English
    # "a" that is no "to"
    ("de", "Der Anteil von Kupfer am Konzernumsatz stieg auf 45 Prozent.", 45),
    ("en", "Stakeholders expect recycled aluminium's share of supply to rise to 40%.", 40),
    ("en", "Tax incentives have given recycled aluminium a 35% share of the Indian market.",
     35),
    # a share of deposits is no stake
    ("de", "Der Kongo hält rund 50 Prozent an den globalen Kobaltvorkommen.", 50),
])
def test_a_share_set_to_a_level_stays(lang, sentence, value):
    assert values(sentence, lang) == [value]
