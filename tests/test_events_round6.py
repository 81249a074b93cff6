"""Round 6 of the supply events (sentences of our own): a clause told after a denial or
inside a story, hedged steps, money someone is wary of putting in, a list only wished
for, a tax on what is mined, a state fund's stake (seeds/events.yaml)."""
from __future__ import annotations

import pytest


def _events(row):
    return {(m["mineral"], e["type"]) for m in row["minerals"] for e in m.get("events") or []}


# A denial or a story: what the clause after it tells is no event (no_event_after) ...
@pytest.mark.parametrize("lang,text,mineral,kind", [
    ("en", "The company denied reports that its nickel mine had been blockaded.", "nickel",
     "disruption"),
    ("en", "The ministry denied that the copper smelter had been shut by a fire.", "copper",
     "disruption"),
    ("en", "Officials denied rumours of a strike at the lithium plant.", "lithium", "disruption"),
    ("en", "The film about a collapse at a tin mine premiered in Bolivia.", "tin", "disruption"),
    ("en", "The strategy game lets players mine copper and trade iron ore.", "copper", "policy"),
    ("fr", "Le groupe a démenti les rumeurs d'une grève dans sa mine de cuivre.", "copper",
     "disruption"),
    ("es", "La empresa negó que la mina de cobre hubiera sido bloqueada por manifestantes.",
     "copper", "disruption"),
    ("pt", "A mineradora negou que a mina de níquel tenha sido paralisada por uma greve.",
     "nickel", "disruption"),
    ("de", "Der Konzern bestritt, dass die Kupfermine wegen eines Streiks stillsteht.", "copper",
     "disruption"),
])
def test_a_denied_or_told_event_is_none(analyse, lang, text, mineral, kind):
    assert (mineral, kind) not in _events(analyse(text, lang))


# ... while a real event next to the same words stays (self-review of the rule): one
# before the denial, in another clause, or a denial of something else
@pytest.mark.parametrize("lang,text,mineral,kind", [
    ("en", "The company denied reports of a strike, but said floods halted the copper mine.",
     "copper", "disruption"),
    ("en", "Workers denied entry to the copper mine staged a protest at the gate.", "copper",
     "disruption"),
    ("en", "A fire halted the nickel smelter on Monday; the company denied reports that anyone "
           "was hurt.", "nickel", "disruption"),
    ("en", "The miner, which denied wrongdoing, suspended operations at its cobalt mine after "
           "the flood.", "cobalt", "disruption"),
    ("en", "Protesters blocked the road to the copper mine, a week after the company denied "
           "reports of unrest.", "copper", "disruption"),
    ("en", "Film crews were stranded when floods cut the road to the tin mine.", "tin",
     "disruption"),
    ("en", "The government denied reports of a quota, but banned exports of raw lithium ore on "
           "Monday.", "lithium", "export_restriction"),
    ("fr", "Le groupe a démenti toute faillite, mais une grève paralyse sa mine de cuivre.",
     "copper", "disruption"),
])
def test_an_event_beside_a_denial_or_a_story_stays(analyse, lang, text, mineral, kind):
    assert (mineral, kind) in _events(analyse(text, lang))


# A step only said to be possible, or one on a condition, is no milestone ...
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "A feasibility study for the graphite project could come next year, the chief "
           "executive said.", "graphite"),
    ("en", "First production at the lithium mine might follow in 2028.", "lithium"),
    ("en", "If demand recovers, the miner said it would restart the nickel smelter.", "nickel"),
    ("en", "If prices improve, the company could reopen its zinc mine.", "zinc"),
])
def test_a_possible_step_is_no_milestone(analyse, lang, text, mineral):
    assert (mineral, "project_milestone") not in _events(analyse(text, lang))


# ... while a step taken stays, hedges elsewhere in the sentence or not
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "The company completed a feasibility study for its vanadium project.", "vanadium"),
    ("en", "Regulators granted the final environmental permit for the antimony mine, which "
           "could produce 5,000 tonnes a year.", "antimony"),
    ("en", "The miner restarted the nickel smelter after demand recovered.", "nickel"),
    ("en", "The lithium mine received its mining licence on Monday; a decision on financing "
           "could come next year.", "lithium"),
    ("en", "The new cobalt refinery was commissioned in March and may be expanded later.",
     "cobalt"),
    ("en", "If all goes to plan, production will rise, the company said after it commissioned "
           "the copper concentrator.", "copper"),
])
def test_a_step_taken_stays_beside_a_hedge(analyse, lang, text, mineral):
    assert (mineral, "project_milestone") in _events(analyse(text, lang))


# Money someone is wary of putting in is none; money put in beside the same words stays
@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "Investors are wary of funding new nickel mines.", "nickel"),
    ("en", "Banks remain reluctant to finance lithium projects in the region.", "lithium"),
    ("fr", "Les banques restent réticentes à financer les mines de lithium.", "lithium"),
    ("es", "Los bancos siguen reacios a financiar proyectos de litio.", "lithium"),
])
def test_money_not_put_in_is_no_investment(analyse, lang, text, mineral):
    assert (mineral, "investment") not in _events(analyse(text, lang))


@pytest.mark.parametrize("lang,text,mineral", [
    ("en", "Though banks were wary of funding nickel mines, the state lender approved a "
           "$500 million loan for the nickel refinery.", "nickel"),
    ("en", "The graphite start-up raised $120 million from investors who had been cautious "
           "about battery materials.", "graphite"),
    ("en", "Saudi Arabia's sovereign wealth fund took a 10% equity stake in the cobalt miner.",
     "cobalt"),
    ("en", "A pension fund bought a 15% stake in the lithium developer for $200 million.",
     "lithium"),
    ("en", "The government, wary of Chinese control, will lend $400 million to the lithium "
           "refinery.", "lithium"),
])
def test_money_put_in_stays(analyse, lang, text, mineral):
    assert (mineral, "investment") in _events(analyse(text, lang))


# A list only wished for, with no decision, is no policy; a list changed is
@pytest.mark.parametrize("lang,text,mineral,want", [
    ("en", "Some lawmakers want cobalt on the critical minerals list, but no decision has "
           "been made.", "cobalt", False),
    ("en", "Industry groups are lobbying to have copper added to the critical minerals list.",
     "copper", False),
    ("en", "Australia added vanadium to its critical minerals list.", "vanadium", True),
    ("en", "After years of lobbying, the government put copper on the critical minerals list.",
     "copper", True),
    ("en", "Moscow raised the extraction tax on palladium producers.", "palladium", True),
    ("en", "The government raised the royalty on copper producers to 8%.", "copper", True),
    ("en", "Pretoria has approved a new policy on critical minerals including platinum.",
     "platinum", True),
])
def test_a_list_wished_for_and_a_measure_taken(analyse, lang, text, mineral, want):
    assert ((mineral, "policy") in _events(analyse(text, lang))) is want
