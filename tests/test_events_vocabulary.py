"""Supply events in the ordinary wording of mining news, in the six languages orewire
reads: a permit, a construction start, a find, a strike, a loan, a takeover said the
way reporters say it, and the near misses that state no such event. Every sentence is
our own writing."""
from __future__ import annotations

import pytest

from orewire.events import sentence_events


def types(sentence):
    return {t.type for t in sentence_events(sentence)}


@pytest.mark.parametrize("expected,sentence", [
    ('project_milestone', 'The regulator approved the environmental impact study for the lithium mine.'),
    ('project_milestone', 'Construction of the copper concentrator began in March.'),
    ('project_milestone', 'The nickel plant reached commercial production ahead of schedule.'),
    ('project_milestone', 'The company completed a definitive feasibility study for its graphite project.'),
    ('project_milestone', 'The first cargo of spodumene concentrate left Port Hedland.'),
    ('project_milestone', 'The tungsten mine restarted after five years on care and maintenance.'),
    ('project_milestone', 'The government refused a mining permit for the uranium project.'),
    ('project_milestone', 'The cobalt refinery was commissioned last week.'),
    ('project_milestone', 'The board approved the construction of a new zinc smelter.'),
    ('project_milestone', 'Die Regierung erteilte die Genehmigung für die Lithiummine.'),
    ('project_milestone', 'Der Bau der Kupferhütte soll im Herbst beginnen.'),
    ('project_milestone', "La mine de lithium a obtenu son permis d'exploitation."),
    ('project_milestone', "La construction de l'usine de nickel a débuté en mai."),
    ('project_milestone', 'La minera recibió la aprobación del estudio de impacto ambiental para su proyecto de cobre.'),
    ('project_milestone', 'La planta de litio comenzó a producir en junio.'),
    ('project_milestone', 'A mineradora obteve a licença de instalação para o projeto de níquel.'),
    ('project_milestone', 'Компания ввела в эксплуатацию новый никелевый завод.'),
    ('project_milestone', 'Строительство литиевого рудника начнется в следующем году.'),
    ('discovery', 'Geologists found high-grade copper mineralisation at the prospect.'),
    ('discovery', 'The explorer reported a new lithium discovery in Nevada.'),
    ('discovery', 'The company announced a maiden mineral resource of 12 million tonnes of graphite.'),
    ('discovery', 'Ein neues Lithiumvorkommen wurde in Sachsen entdeckt.'),
    ('discovery', 'Les géologues ont découvert un important gisement de cuivre.'),
    ('discovery', 'Se descubrió un nuevo yacimiento de litio en el norte del país.'),
    ('discovery', 'Foi descoberta uma nova jazida de ouro no Pará.'),
    ('discovery', 'Геологи обнаружили новое месторождение золота в Якутии.'),
    ('discovery', 'The company more than doubled the gold reserves at its flagship mine.'),
    ('disruption', 'Heavy rains forced the copper mine to suspend operations.'),
    ('disruption', 'Protesters blocked the road to the copper mine for two weeks.'),
    ('disruption', 'A fire at the cobalt refinery halted output.'),
    ('disruption', 'Workers at the lithium plant downed tools over pay.'),
    ('disruption', 'Die Kupfermine musste nach einem Erdrutsch schließen.'),
    ('disruption', 'Les travailleurs de la mine de cuivre sont en grève depuis lundi.'),
    ('disruption', 'Los trabajadores de la mina de cobre iniciaron una huelga indefinida.'),
    ('disruption', 'A mina de minério de ferro foi paralisada após o rompimento da barragem.'),
    ('disruption', 'На медном руднике произошел обвал, добыча остановлена.'),
    ('disruption', 'Power rationing forced aluminium smelters in Yunnan to cut output.'),
    ('investment', 'The lithium developer secured $200 million in project financing.'),
    ('investment', 'The government will provide a grant of $50 million to the graphite plant.'),
    ('investment', 'The company raised A$30 million to fund its nickel exploration.'),
    ('investment', 'Die Bank gewährte einen Kredit für die Kupfermine.'),
    ('investment', "Le groupe va investir 500 millions d'euros dans une usine de lithium."),
    ('investment', 'La empresa invertirá 1.000 millones de dólares en su mina de cobre.'),
    ('investment', 'A empresa vai investir R$ 2 bilhões na mina de níquel.'),
    ('investment', 'Компания инвестирует 10 млрд рублей в разработку медного месторождения.'),
    ('investment', 'The export credit agency approved a loan for the cobalt refinery.'),
    ('deal', 'The battery maker agreed to buy lithium from the miner for five years.'),
    ('deal', 'The miner agreed to acquire a rival copper producer for $2 billion.'),
    ('deal', 'The two companies formed a joint venture to develop the nickel deposit.'),
    ('deal', 'The carmaker signed a binding offtake for graphite anode material.'),
    ('deal', 'Der Konzern kauft eine Beteiligung an der Lithiummine.'),
    ('deal', "Le groupe a signé un accord d'achat de lithium avec le producteur."),
    ('deal', 'La empresa firmó un acuerdo para suministrar litio a la automotriz.'),
    ('deal', 'A empresa assinou um acordo de fornecimento de níquel com a montadora.'),
    ('deal', 'Компания подписала соглашение о поставках никеля.'),
    ('deal', 'The state firm took a 20% stake in the lithium project.'),
])
def test_the_event_is_found_in_its_ordinary_wording(expected, sentence):
    assert types(sentence) == {expected}


@pytest.mark.parametrize("sentence,not_expected", [
    # an approval is a milestone when it is the project's, not a loan's or a deal's
    ("The export credit agency approved a loan for the cobalt refinery.", "project_milestone"),
    ("Shareholders approved the merger of the two copper miners.", "project_milestone"),
    ("Copper demand from construction slowed this year.", "project_milestone"),
    # supply as a worry or a chain is no output
    ("Copper prices rose 3% on supply concerns.", "production"),
    ("Automakers worry about the lithium supply chain for 2030.", "production"),
    # a producer bought for a price is a takeover, not output
    ("The miner agreed to acquire a rival copper producer for $2 billion.", "production"),
    # a central bank's gold reserves are holdings; a scientific discovery is no find
    ("The central bank raised its gold reserves to 2,300 tonnes.", "discovery"),
    ("Uranium-lead dating was the scientific discovery that dated the rocks to 1.4 billion "
     "years.", "discovery"),
    # an existing joint venture doing the work is no new deal
    ("Работы на литиевом месторождении ведет совместное предприятие двух компаний.", "deal"),
    # a price crash is no accident at a mine
    ("Обвал цен на никель продолжился в марте.", "disruption"),
    ("The brand new lithium plant is in Nevada.", "disruption"),
])
def test_near_misses_state_no_such_event(sentence, not_expected):
    assert not_expected not in types(sentence)


def test_a_takeover_keeps_its_deal():
    assert types("The miner agreed to acquire a rival copper producer for $2 billion.") == {"deal"}


def test_a_ranked_producer_is_still_a_level_of_output():
    assert "production" in types("Chile is the world's largest copper producer.")
