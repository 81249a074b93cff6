"""Round 10 of the supply events (sentences of our own, in the six languages): a drought and
water rationing in the other languages, a dam that burst, a court that stops a site's work (a
licence a court revokes is the project's milestone, no policy), the decision to build (FID)
in the other languages, commissioning told by the participle, a first trainload, pit
stripping, a German drill intercept, French and Spanish export duties, mining quotas, projects
rated strategic, a state reserve, a state's stake in all new mines; no event in an
anniversary or a remembrance, a market idiom ("on fire"), an option's strike price, a
royalty's price threshold, a policy only supposed, a company's stockpile at site; a
government "in" its capital is the actor (seeds/events.yaml)."""
from __future__ import annotations

import pytest

from tests.fixtures import row_directed_events as _directed
from tests.fixtures import row_events as _events


def _countries(row) -> dict:
    """{(mineral, type): the country of the pair's last mention that names one}."""
    out: dict = {}
    for m in row["minerals"]:
        for e in m.get("events") or []:
            key = (m["mineral"], e["type"])
            if e.get("country") or key not in out:
                out[key] = e.get("country")
    return out


# Found now: each of these fails on the code before round 10
@pytest.mark.parametrize("lang,text,mineral,kind", [
    ("fr", "La sécheresse a contraint la mine de cuivre à réduire son traitement de minerai.",
     "copper", "disruption"),
    ("es", "La sequía obligó a racionar el agua en la mina de cobre y redujo el procesamiento de "
          "mineral.", "copper", "disruption"),
    ("ru", "Из-за засухи добыча золота на россыпных месторождениях сократилась.",
     "gold", "disruption"),
    ("pt", "A longa seca reduziu o processamento de minério na mina de cobre.",
     "copper", "disruption"),
    ("de", "Nach einem Dammbruch wurde die Kupfermine in Brasilien geschlossen.",
     "copper", "disruption"),
    ("de", "Ein Gericht stoppte den Abbau in der Kupfermine.", "copper", "disruption"),
    ("en", "The court revoked the exploration licence of the nickel project, and the company will "
          "appeal.", "nickel", "project_milestone"),
    ("es", "La minera tomó la decisión final de inversión para el proyecto de cobre.",
     "copper", "project_milestone"),
    ("de", "Das Unternehmen hat die finale Investitionsentscheidung für die Lithiumraffinerie "
          "getroffen.", "lithium", "project_milestone"),
    ("fr", "La société a pris la décision finale d'investissement pour la mine de lithium.",
     "lithium", "project_milestone"),
    ("pt", "A empresa aprovou a decisão final de investimento para o projeto de cobre.",
     "copper", "project_milestone"),
    ("ru", "Компания приняла окончательное инвестиционное решение по литиевому проекту.",
     "lithium", "project_milestone"),
    ("fr", "Une coentreprise a mis en service une usine de concentré de lithium au Mali.",
     "lithium", "project_milestone"),
    ("en", "The first trainload of manganese ore left the mine for the port of Walvis Bay.",
     "manganese", "project_milestone"),
    ("en", "The company started stripping at the copper pit after securing financing.",
     "copper", "project_milestone"),
    ("de", "Die Bohrung traf auf 25 Meter mit 1,8 Prozent Kupfer.", "copper", "discovery"),
    ("fr", "Le gouvernement argentin a relevé les droits d'exportation sur le lithium à 4,5 %.",
     "lithium", "export_restriction"),
    ("es", "Argentina subió los derechos de exportación del litio al 4,5%.",
     "lithium", "export_restriction"),
    ("pt", "O governo da Indonésia vai reduzir as cotas de mineração de níquel para 2026.",
     "nickel", "policy"),
    ("de", "Die Kommission hat die Lithiumprojekte als strategisch eingestuft.",
     "lithium", "policy"),
    ("ru", "Документ предусматривает создание государственного резерва редкоземельных металлов.",
     "rare_earth_elements", "policy"),
    ("en", "The Kazakh government said the state will hold a 75% stake in all new tungsten "
          "deposits.", "tungsten", "policy"),
])
def test_found_round10(analyse, lang, text, mineral, kind):
    assert (mineral, kind) in _events(analyse(text, lang))


# Found with its direction now: each fails on the code before round 10
@pytest.mark.parametrize("lang,text,mineral,kind,direction", [
    ("pt", "A produção de lítio da empresa deve dobrar até 2027.", "lithium", "production", "up"),
    ("es", "Los precios del litio cayeron un 75% desde su máximo de 2022.",
     "lithium", "price", "down"),
])
def test_directed_round10(analyse, lang, text, mineral, kind, direction):
    assert (mineral, kind, direction) in _directed(analyse(text, lang))


# No event of the type (each but the last two fails on the code before round 10; the last
# two guard the rules: a drought despite which output rose, a licence revoked, no stoppage)
@pytest.mark.parametrize("lang,text,mineral,kind", [
    ("en", "The company marked the 10th anniversary of the flood that closed its old tin mine.",
     "tin", "disruption"),
    ("en", "The company marked the 10th anniversary of the flood that closed its old tin mine.",
     "tin", "project_milestone"),
    ("pt", "O Dia do Minerador lembra o acidente de 1986 na mina de ouro.", "gold", "disruption"),
    ("de", "Zum Jahrestag des Grubenunglücks legten Bergleute Kränze an der Kohlemine nieder.",
     "coal", "disruption"),
    ("en", "The copper price has been on fire this year, doubling since January.",
     "copper", "disruption"),
    ("en", "The strike price of the gold option is $2,500 an ounce.", "gold", "price"),
    ("en", "The government said it would raise the mineral royalty on copper by one percentage "
          "point when prices exceed $9,000 a tonne.", "copper", "price"),
    ("es", "El impuesto al cobre subirá cuando los precios superen los 9.000 dólares por "
          "tonelada.", "copper", "price"),
    ("en", "If Chile nationalised its copper industry, foreign investors would flee.",
     "copper", "policy"),
    ("de", "Hätte die Regierung den Lithiumabbau verstaatlicht, wären Investoren abgewandert.",
     "lithium", "policy"),
    ("es", "La sequía de inversiones en proyectos de litio preocupa a Bolivia.",
     "lithium", "investment"),
    ("en", "The court refused to halt mining at the copper pit.", "copper", "disruption"),
    ("en", "Glencore, which operates the Kamoto copper and cobalt mine, said it had stockpiled "
          "material at site.", "cobalt", "policy"),
    ("en", "The Kazakh government said the state will hold a 75% stake in all new tungsten "
          "deposits.", "tungsten", "deal"),
    ("en", "The court revoked the exploration licence of the nickel project, and the company will "
          "appeal.", "nickel", "policy"),
    ("es", "La minera tomó la decisión final de inversión para el proyecto de cobre.",
     "copper", "investment"),
    ("ru", "Компания приняла окончательное инвестиционное решение по литиевому проекту.",
     "lithium", "investment"),
    ("fr", "Malgré la sécheresse, la production de cuivre du Chili a augmenté de 3 %.",
     "copper", "disruption"),
    ("en", "The court revoked the mining licence for the gold project, dealing a blow to its "
          "developer.", "gold", "disruption"),
])
def test_no_event_round10(analyse, lang, text, mineral, kind):
    assert (mineral, kind) not in _events(analyse(text, lang))


# Self-review: the new rules' words beside a real event, which stays
@pytest.mark.parametrize("lang,text,mineral,kind", [
    ("en", "On the anniversary of the collapse, workers struck at the copper mine.",
     "copper", "disruption"),
    ("en", "Copper prices rose 2% after Chile said it would raise the royalty when prices exceed "
          "$9,000.", "copper", "price"),
    ("en", "The coal seam has been on fire for weeks, and the mine was evacuated.",
     "coal", "disruption"),
    ("en", "The state stockpiled cobalt as part of a strategic reserve.", "cobalt", "policy"),
    ("en", "Chile nationalised its copper industry in 1971.", "copper", "policy"),
    ("en", "The government bought a 20% stake in the lithium miner for $300 million.",
     "lithium", "deal"),
    ("en", "The ministry revoked the mining licences of 12 gold companies.", "gold", "policy"),
    ("en", "A court upheld the permit for the copper mine.", "copper", "project_milestone"),
    ("ru", "Засуха вынудила компанию остановить добычу золота на россыпях.", "gold", "disruption"),
    ("en", "The union refused to halt the strike at the copper mine.", "copper", "disruption"),
    ("pt", "A seca obrigou a mineradora a suspender a produção de bauxita no Pará.",
     "aluminium", "disruption"),
])
def test_kept_round10(analyse, lang, text, mineral, kind):
    assert (mineral, kind) in _events(analyse(text, lang))


# The event's country: a government "in" its capital is the actor, not a place (the first
# two fail on the code before round 10); a capital after "said in" stays a place
@pytest.mark.parametrize("lang,text,mineral,kind,country", [
    ("en", "The government in Canberra also announced a strategic reserve for rare earths.",
     "rare_earth_elements", "policy", "AU"),
    ("de", "Die Regierung in Jakarta will die Förderabgabe auf Nickel anheben.",
     "nickel", "policy", "ID"),
    ("en", "Indonesia's president said in Beijing that the nickel ore export ban would stay.",
     "nickel", "export_restriction", "ID"),
])
def test_country_round10(analyse, lang, text, mineral, kind, country):
    assert _countries(analyse(text, lang)).get((mineral, kind)) == country


# A company's nationality is not the event's place when the sentence names another country
# (company_nationality of seeds/events.yaml, used by linking.event_rows): each fails on the
# code before round 10
@pytest.mark.parametrize("lang,text,mineral,kind,country", [
    ("en", "Australian miner BHP said a strike had halted copper output at its Escondida mine in "
          "Chile.", "copper", "disruption", "CL"),
    ("fr", "Le groupe minier français Eramet a annoncé la mise en service de son usine de lithium "
          "en Argentine.", "lithium", "project_milestone", "AR"),
    ("en", "South Korea's POSCO started construction of a lithium hydroxide plant in Argentina.",
     "lithium", "project_milestone", "AR"),
    ("es", "La empresa china Zijin inició la producción de litio en Argentina.",
     "lithium", "project_milestone", "AR"),
    ("en", "A flood halted the Chinese-run copper mine in Zambia.", "copper", "disruption", "ZM"),
])
def test_country_not_company_nationality(analyse, lang, text, mineral, kind, country):
    assert _countries(analyse(text, lang)).get((mineral, kind)) == country


# ... guards: a nationality the sentence's only country stays, a government's measure keeps
# its actor, a place already nearest stays
@pytest.mark.parametrize("lang,text,mineral,kind,country", [
    ("de", "Der kanadische Konzern Teck hat die Kupfermine in Chile wegen eines Streiks gestoppt.",
     "copper", "disruption", "CL"),
    ("en", "Australian miner BHP said a strike had halted its copper mine.",
     "copper", "disruption", "AU"),
    ("en", "China's commerce ministry banned exports of gallium to the United States.",
     "gallium", "export_restriction", "CN"),
])
def test_country_nationality_kept(analyse, lang, text, mineral, kind, country):
    assert _countries(analyse(text, lang)).get((mineral, kind)) == country


# An export duty removed in Spanish is eased (fails on the code before round 10)
@pytest.mark.parametrize("lang,text,mineral,kind,direction", [
    ("es", "Argentina eliminó las retenciones a las exportaciones de litio.",
     "lithium", "export_restriction", "easing"),
])
def test_directed_removed_round10(analyse, lang, text, mineral, kind, direction):
    assert (mineral, kind, direction) in _directed(analyse(text, lang))


# Guards of the round's rules (review): a court's trial suspended, a company's stake in all
# of a venture's projects, a drought named as a plan's reason with no loss
@pytest.mark.parametrize("lang,text,mineral,kind", [
    ("en", "The court suspended the trial over nickel mining permits until May.",
     "nickel", "disruption"),
    ("en", "Glencore holds a 50% stake in all of the joint venture's copper projects.",
     "copper", "policy"),
    ("es", "El gobierno aprobó un plan hídrico por la sequía y la producción de cobre se mantuvo "
          "estable.", "copper", "disruption"),
])
def test_no_event_guards_round10(analyse, lang, text, mineral, kind):
    assert (mineral, kind) not in _events(analyse(text, lang))


# Batch 6 (hard negatives and permits): each of these two fails on the code before round 10
@pytest.mark.parametrize("lang,text,mineral,kind", [
    ("en", "Coal miners' strike in 1984 remains a touchstone of British politics.", "coal",
     "disruption"),
    ("de", "Der Streik bei der Lufthansa hat keinen Einfluss auf die Kupferlieferungen.",
     "copper", "disruption"),
])
def test_no_event_batch6(analyse, lang, text, mineral, kind):
    assert (mineral, kind) not in _events(analyse(text, lang))


# A licence received by its site (the first fails on the code before round 10; the others
# guard: a permit "obtained" was found before, a strike in a recent year stays news)
@pytest.mark.parametrize("lang,text,mineral,kind", [
    ("en", "The uranium enrichment plant in Ohio received a licence to make HALEU.", "uranium",
     "project_milestone"),
    ("en", "The graphite processing plant obtained its operating permit in March.", "graphite",
     "project_milestone"),
    # (guard) a strike in a recent year is the news
    ("en", "A strike in 2023 halted output at the copper mine for two weeks.", "copper",
     "disruption"),
])
def test_found_batch6(analyse, lang, text, mineral, kind):
    assert (mineral, kind) in _events(analyse(text, lang))


# (review) guards of batch 6: a disruption beside a later "aber keinen Einfluss" stays; a
# trader's licence to ship is the export measure's, no project's milestone
def test_batch6_guards(analyse):
    assert ("copper", "disruption") in _events(analyse(
        "Ein Brand legte die Kupferhütte lahm, hatte aber keinen Einfluss auf die Exporte.",
        "de"))
    assert ("gallium", "project_milestone") not in _events(analyse(
        "Two Chinese traders received licences to ship gallium to Japan after months of "
        "waiting.", "en"))


# Batch 7: a new mineral belt mapped is a find (fails on the code before round 10)
def test_mapped_belt_round10(analyse):
    assert ("copper", "discovery") in _events(analyse(
        "Geologists mapped a new copper porphyry belt in the Andes of Ecuador.", "en"))


# (review) a state miner's country is its own: it stays the event's place beside a later
# country of the market
def test_state_miner_country_round10(analyse):
    row = analyse("Chile's state miner Codelco halted the copper smelter after a fire, sending "
                  "copper prices up in China.", "en")
    assert _countries(row).get(("copper", "disruption")) == "CL"
