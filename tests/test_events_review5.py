"""A recall review's findings (sentences of our own, reworded): exclusions and a type's
`unless` that had deleted real events or kept a false one (seeds/events.yaml)."""
from __future__ import annotations

import pytest

from tests.fixtures import row_events as _events


# Shipments halted by a strike, a flood, a landslide or a grounding are a disruption, with
# no government's export measure ...
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "Dockworkers on strike halted copper shipments from the port on Monday.", "copper"),
    ("en", "Heavy flooding halted coal shipments from the Queensland terminals.", "coal"),
    ("en", "A landslide stopped copper exports through the border crossing.", "copper"),
    ("en", "Shipping of nickel ore was suspended after a bulk carrier ran aground in the channel.", "nickel"),
    ("en", "A cyclone forced the terminal to suspend iron ore shipments on Tuesday.", "iron_ore"),
    # (a government or ministry named only as the source)
    ("en", "A strike halted copper shipments from the terminal, the government said.", "copper"),
    ("en", "Floods stopped coal shipments from the port on Friday, the mines ministry said in a "
           "statement.", "coal"),
    ("en", "A landslide halted copper exports through the border crossing, according to local "
           "authorities.", "copper"),
])
def test_shipments_halted_by_a_disruption_are_no_export_measure(analyse, lang, text, mineral):
    found = _events(analyse(text, lang))
    assert (mineral, "disruption") in found
    assert (mineral, "export_restriction") not in found


# ... while a government's halt, or one for a state's purpose, stays an export measure
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "The government halted copper exports until an audit is completed.", "copper"),
    ("en", "The government said it had halted copper exports until an audit is completed.",
     "copper"),
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


# A disruption stated in the main clause is kept when an exclusion's words appear in
# another role: a condition that is a concession or a topic, a year of comparison, a
# thing "at risk", a state that ended, an aside, a background time, "any impact" in a
# question (seeds/events.yaml disruption.not)
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "Unless talks succeed, the union warned, the walkout that shut the copper mine on "
           "Friday would go on.", "copper"),
    ("en", "If anything, the flooding is worse than reported: a mudslide has shut the gold mine "
           "since Sunday.", "gold"),
    ("en", "Should the rebels hold the road, the miner said, its cobalt mine, already shut by "
           "fighting, would remain closed.", "cobalt"),
    ("fr", "Si la grève a bloqué la mine de cuivre jeudi, le travail a repris vendredi.", "copper"),
    ("es", "Si bien la huelga detuvo la mina de cobre, las exportaciones siguieron.", "copper"),
    ("de", "Wenn auch nur für Stunden: Ein Stromausfall hat die Kupferhütte am Freitag lahmgelegt.",
     "copper"),
    ("en", "Not since 2017 has a strike stopped copper output at the mine for so long.", "copper"),
    ("en", "For the first time since 2018 floods have halted coal shipments from the terminal.",
     "coal"),
    ("en", "The flooded nickel mine is at risk of closing after storms halted work last week.",
     "nickel"),
    ("en", "Work was normal at the zinc mine until an explosion on Friday forced a halt.", "zinc"),
    ("en", "The highway, often blocked by protesters, was shut again on Tuesday, halting copper "
           "shipments.", "copper"),
    ("en", "After years without a strike in its history, miners at the copper mine walked out "
           "on Friday.", "copper"),
    ("en", "The strike shut the copper mine; it was not clear whether it would have any impact "
           "on prices.", "copper"),
])
def test_a_stated_disruption_survives_an_exclusion_word_in_another_role(analyse, lang, text,
                                                                       mineral):
    assert (mineral, "disruption") in _events(analyse(text, lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "If power cuts return, aluminium smelters may have to curb output."),
    ("en", "If the walkout goes ahead, it could halt copper production."),
    ("es", "Si no hay acuerdo, los mineros de cobre podrían ir a la huelga."),
    ("en", "The 2019 strike at the copper mine is still remembered."),
    ("en", "The copper mine has not had a strike in twenty years."),
    ("en", "The fire will not have any impact on copper output."),
    ("en", "Power cuts are common in Zambia's copper belt."),
])
def test_conditions_history_and_denials_still_state_no_disruption(analyse, lang, text):
    assert all(t != "disruption" for _, t in _events(analyse(text, lang)))


# Money stated as lent, raised or approved is an investment even beside a hedge on
# funding in general (seeds/events.yaml investment.not)
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "The cobalt project, which will require heavy investment, won a $250 million loan from a "
           "development bank.", "cobalt"),
    ("en", "After years of failing to raise funding, the lithium explorer raised $45 million "
           "from investors.", "lithium"),
    ("en", "The state's investment arm will lend $300 million to the nickel refinery.", "nickel"),
    ("en", "To attract investment, the provincial fund will lend $600 million for a zinc smelter.",
     "zinc"),
    ("pt", "Para atrair investimentos, o banco aprovou um empréstimo de R$ 300 milhões para a "
           "mina de níquel.", "nickel"),
    ("en", "Directors approved a $700 million investment in the copper smelter, settling a long "
           "argument over whether to expand.", "copper"),
])
def test_money_lent_or_raised_is_an_investment_beside_a_hedge(analyse, lang, text, mineral):
    assert (mineral, "investment") in _events(analyse(text, lang))


# A step told as done is a milestone even beside a hedge, a duration, "like any project" or
# protests (seeds/events.yaml project_milestone.not)
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "The nickel mine, which has yet to run at full rate, began commercial production on "
           "Tuesday.", "nickel"),
    ("en", "The regulator rejected the permit for the uranium mine, and the project's future "
           "remains unclear.", "uranium"),
    ("en", "Full lithium output is still years away, but the mine's licence was granted on "
           "Tuesday.", "lithium"),
    ("en", "Despite protests against the licence, construction of the copper mine began on "
           "Tuesday.", "copper"),
    ("en", "Construction of the zinc smelter, which will take three years, started on "
           "Tuesday.", "zinc"),
    ("en", "Unlike every other project in Peru, the copper mine received its water permit within "
           "months.", "copper"),
    ("fr", "Comme tout projet minier, la mine d'uranium a dû obtenir un permis, accordé mardi.",
     "uranium"),
])
def test_a_step_told_as_done_is_a_milestone_beside_a_hedge(analyse, lang, text, mineral):
    assert (mineral, "project_milestone") in _events(analyse(text, lang))


@pytest.mark.parametrize("lang,text,kind", [
    ("en", "The lithium project will require large investment.", "investment"),
    ("en", "The junior has struggled to attract funding for its graphite project.", "investment"),
    ("en", "The board will decide whether to invest in the copper mine.", "investment"),
    ("en", "The company has yet to apply for a permit for its copper mine.", "project_milestone"),
    ("en", "Residents protested against the permit for the copper mine.", "project_milestone"),
    ("en", "The government issued the final permit for the antimony mine.", "disruption"),
])
def test_the_hedges_alone_still_state_nothing(analyse, lang, text, kind):
    assert all(t != kind for _, t in _events(analyse(text, lang)))


# Shipments said to be untouched by a disruption are no export measure; a measure that
# left shipments untouched still is one (seeds/events.yaml export_restriction.not)
@pytest.mark.parametrize("lang,text,mineral,present", [
    ("en", "The walkout stopped copper production at the smelter, though it did not affect "
           "shipments from the port.", "copper", False),
    ("en", "The flood shut the coal mine, but it will not affect exports from the terminal.",
     "coal", False),
    ("en", "The ban did not affect copper shipments already at sea.", "copper", True),
    ("en", "The new export tax will not affect nickel shipments this year, the ministry said.",
     "nickel", True),
])
def test_shipments_untouched_by_a_disruption_are_no_export_measure(analyse, lang, text,
                                                                   mineral, present):
    assert ((mineral, "export_restriction") in _events(analyse(text, lang))) is present
