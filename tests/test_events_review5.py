"""A recall review's findings (sentences of our own, reworded): exclusions and a type's
`unless` that had deleted real events or kept a false one (seeds/events.yaml)."""
from __future__ import annotations

import pytest


def _events(row):
    return {(m["mineral"], e["type"]) for m in row["minerals"] for e in m.get("events") or []}


# Shipments halted by a strike, a flood, a landslide or a grounding are a disruption, with
# no government's export measure ...
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "Dockworkers on strike halted copper shipments from the port on Monday.", "copper"),
    ("en", "Heavy flooding halted coal shipments from the Queensland terminals.", "coal"),
    ("en", "A landslide stopped copper exports through the border crossing.", "copper"),
    ("en", "Shipping of nickel ore was suspended after a bulk carrier ran aground in the channel.", "nickel"),
    ("en", "A cyclone forced the terminal to suspend iron ore shipments on Tuesday.", "iron_ore"),
])
def test_shipments_halted_by_a_disruption_are_no_export_measure(analyse, lang, text, mineral):
    found = _events(analyse(text, lang))
    assert (mineral, "disruption") in found
    assert (mineral, "export_restriction") not in found


# ... while a government's halt, or one for a state's purpose, stays an export measure
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "The government halted copper exports until an audit is completed.", "copper"),
    ("en", "Congo suspended cobalt exports for four months.", "cobalt"),
    ("en", "Zambia halted copper exports in a bid to tackle smuggling.", "copper"),
    ("en", "Indonesia banned exports of nickel ore.", "nickel"),
    ("en", "Zimbabwe halted lithium exports to encourage domestic processing.", "lithium"),
    ("en", "The ministry suspended nickel ore shipments after a strike at the port.", "nickel"),
    ("fr", "Le gouvernement a suspendu les exportations de cuivre après une grève.", "copper"),
    ("es", "El Gobierno suspendió las exportaciones de cobre tras la huelga.", "copper"),
    ("ru", "Правительство приостановило экспорт меди после забастовки.", "copper"),
])
def test_a_government_halt_stays_an_export_measure(analyse, lang, text, mineral):
    assert (mineral, "export_restriction") in _events(analyse(text, lang))
