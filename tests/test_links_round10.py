"""Mineral-country links, round 10: a country that is only where a meeting is held.
The sentences are our own."""
from __future__ import annotations

import pytest


def links(row):
    return sorted({(m["mineral"], c) for m in row["minerals"] for c in m["countries"]})


def countries(row):
    return sorted(set(row["country_codes"]))


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Speaking at a mining conference in Canada on Tuesday, the company's chief "
     "executive said global lithium demand would triple by 2030.", []),
    ("en", "At a summit in India last week, leaders discussed the price of iron ore.", []),
    ("de", "Auf einer Konferenz in Kanada sagte der Chef des Unternehmens, die Nachfrage nach "
     "Lithium werde sich bis 2030 verdreifachen.", []),
    ("fr", "Lors d'une conférence au Canada, le patron du groupe a affirmé que la demande de "
     "lithium triplerait d'ici 2030.", []),
    ("es", "En la cumbre celebrada en Brasil, los ministros hablaron del cobre de Perú.",
     [("copper", "PE")]),
    ("pt", "Na reunião realizada em Portugal, os ministros discutiram o lítio da Argentina.",
     [("lithium", "AR")]),
    ("ru", "На переговорах в Японии обсуждались поставки вольфрама из Вьетнама.",
     [("tungsten", "VN")]),
    ("ru", "На конференции в Канаде глава компании заявил, что спрос на литий к 2030 году "
     "утроится.", []),
])
def test_a_country_that_is_only_a_meetings_venue_is_not_linked(analyse, lang, text, expected):
    row = analyse(text, lang)
    assert links(row) == expected
    assert len(countries(row)) == len({c for _m, c in expected}) + 1   # still a country


@pytest.mark.parametrize("lang,text,expected", [
    # a verb or a word between the noun and the preposition: no meeting's venue
    ("en", "Copper supply is not meeting demand in China, traders said.", [("copper", "CN")]),
    ("de", "Die neuen Zölle treffen in China vor allem die Kupferhütten.", [("copper", "CN")]),
    ("en", "At a conference in Santiago, Chile's mining minister said copper output would "
     "rise.", [("copper", "CL")]),
])
def test_a_country_after_other_words_stays_linked(analyse, lang, text, expected):
    assert links(analyse(text, lang)) == expected
