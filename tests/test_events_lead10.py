"""Supply events from the lead's batch of round 10 (sentences of our own): output and
prices stated as a level with no change word, in the other languages' verb forms
(seeds/events.yaml, production and price triggers): German perfect participles of
"fördern" and "verschiffen", Russian perfective pasts ("произвела", "выпустил",
"отгрузила"), a sum of money per ounce, an ounce as the subject of "cost", Spanish
"cotizaba a"."""
from __future__ import annotations

import pytest

from tests.fixtures import row_events


@pytest.mark.parametrize("lang,text,mineral,kind", [
    ("de", "Chile hat im vergangenen Jahr 5,3 Millionen Tonnen Kupfer gefördert.", "copper",
     "production"),
    ("de", "Im ersten Halbjahr wurden 120.000 Tonnen Nickel verschifft.", "nickel", "production"),
    ("ru", "Россия произвела 310 тонн золота в прошлом году.", "gold", "production"),
    ("ru", "Комбинат выпустил 95 тысяч тонн меди за девять месяцев.", "copper", "production"),
    ("ru", "Порт отгрузил 12 млн тонн угля с начала года.", "coal", "production"),
    ("de", "Eine Feinunze Gold kostete am Freitag 2.650 Dollar.", "gold", "price"),
    ("es", "El oro cotizaba a 2.650 dólares la onza al cierre.", "gold", "price"),
    ("fr", "Une once de platine coûtait 960 dollars vendredi.", "platinum", "price"),
    ("ru", "Серебро торговалось по 31 доллару за унцию.", "silver", "price"),
    ("de", "Platin wurde zu 960 Dollar je Unze gehandelt.", "platinum", "price"),
])
def test_a_level_is_the_event(analyse, lang, text, mineral, kind):
    assert (mineral, kind) in row_events(analyse(text, lang))


@pytest.mark.parametrize("lang,text,mineral,kind", [
    # bonds issued are no output
    ("ru", "Компания выпустила облигации на 10 млрд рублей для финансирования медного проекта.",
     "copper", "production"),
    # money granted ("gefördert" = funded) is no output
    ("de", "Der Bund hat die Lithiumforschung mit 20 Millionen Euro gefördert.", "lithium",
     "production"),
    # a tonne's cost is carbon's or a unit cost, no price of the metal
    ("de", "Eine Tonne CO2 kostet derzeit 70 Euro, was die Kupferhütten belastet.", "copper",
     "price"),
    ("de", "Die Förderkosten liegen bei 1.500 Dollar je Tonne Kupfer.", "copper", "price"),
    # companies listed on an exchange are no quote of the metal
    ("es", "Las mineras de litio que cotizan en bolsa perdieron un 3 % en la sesión.", "lithium",
     "price"),
])
def test_no_such_event(analyse, lang, text, mineral, kind):
    assert (mineral, kind) not in row_events(analyse(text, lang))
