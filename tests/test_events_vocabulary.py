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
    ('discovery', "Sweden's state miner said it had found Europe's largest known deposit of rare earths."),
    ('discovery', 'Geologists identified a new helium field in the rift valley.'),
    ('deal', 'The two miners will merge their copper assets in Peru.'),
    ('project_milestone', 'The uranium mine will close in 2028 when its reserves run out.'),
])
def test_finds_mergers_and_planned_closures_in_plain_words(expected, sentence):
    assert expected in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The zinc smelter will be shut for two weeks of maintenance in March.",
    "The nickel refinery would shut if power cuts continue.",
])
def test_a_halt_or_a_condition_is_no_planned_closure(sentence):
    assert "project_milestone" not in types(sentence)


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


@pytest.mark.parametrize("expected,sentence", [
    ('project_milestone', 'Regulators gave the green light to the proposed antimony mine on Thursday.'),
    ('project_milestone', 'The lithium project received its final environmental permit.'),
    ('project_milestone', 'The company shipped its first cargo of manganese ore from the new port.'),
    ('project_milestone', 'Production at the new cobalt plant is set to begin in 2027.'),
    ('project_milestone', 'The miner will place its nickel operation on care and maintenance next month.'),
    ('project_milestone', 'The court blocked the permit for the copper mine on environmental grounds.'),
    ('project_milestone', 'The rare earths processing plant entered operation in October.'),
    ('project_milestone', 'A pre-feasibility study for the vanadium project showed strong returns.'),
    ('project_milestone', 'Le projet de graphite a reçu le feu vert des autorités.'),
    ('project_milestone', 'Die neue Nickelraffinerie hat den Betrieb aufgenommen.'),
    ('project_milestone', 'El proyecto de litio obtuvo el permiso ambiental en marzo.'),
    ('project_milestone', 'A usina de lítio iniciou a produção comercial em agosto.'),
    ('project_milestone', 'Рудник по добыче вольфрама запущен в Забайкалье.'),
    ('discovery', 'The junior struck a thick zone of nickel sulphide at its Ontario property.'),
    ('discovery', 'A geological survey identified significant rare earth deposits in the north.'),
    ('discovery', 'Drilling returned wide intervals of high-grade copper.'),
    ('discovery', 'The updated resource estimate lifts contained lithium by 40%.'),
    ('discovery', 'Die Bohrungen bestätigten ein großes Kupfervorkommen.'),
    ('discovery', 'Des géologues ont mis au jour un gisement de lithium en Alsace.'),
    ('discovery', 'Un nuevo depósito de cobre fue descubierto en Atacama.'),
    ('discovery', 'Геологи нашли крупное месторождение меди на Урале.'),
    ('disruption', 'Striking miners blocked access to the copper mine.'),
    ('disruption', 'A rockfall killed two workers and halted work at the gold mine.'),
    ('disruption', 'Bauxite shipments were delayed after a cyclone hit the port.'),
    ('disruption', 'Militants attacked a convoy carrying tin ore.'),
    ('disruption', 'Wegen eines Streiks steht die Kupfermine still.'),
    ('disruption', 'La production de cuivre a été interrompue par une grève.'),
    ('disruption', 'Las protestas de comunidades paralizaron la mina de cobre.'),
    ('disruption', 'Uma greve paralisou a mina de cobre por uma semana.'),
    ('disruption', 'Забастовка горняков остановила работу медного рудника.'),
    ('investment', 'The miner closed a $150 million debt facility for its lithium project.'),
    ('investment', 'Investors poured $80 million into the graphite start-up.'),
    ('investment', 'The government committed $1 billion to support domestic rare earth processing.'),
    ('investment', 'The company will spend $2 billion to expand its copper mine.'),
    ('investment', 'Das Unternehmen investiert 300 Millionen Euro in eine Lithiumraffinerie.'),
    ('investment', 'La banque a accordé un prêt de 100 millions de dollars pour le projet de nickel.'),
    ('investment', 'O banco aprovou financiamento de R$ 500 milhões para a mina de cobre.'),
    ('deal', 'The trader agreed a five-year deal to buy cobalt hydroxide from the miner.'),
    ('deal', 'The two lithium producers agreed to merge in an all-share deal.'),
    ('deal', 'The automaker will buy nickel from the Indonesian smelter under a new contract.'),
    ('deal', 'Die Konzerne unterzeichneten einen Liefervertrag für Lithium.'),
    ('deal', "L'entreprise a acquis une mine de cuivre au Chili."),
    ('deal', 'La minera vendió su participación en la mina de oro.'),
    ('deal', 'A mineradora comprou uma mina de ouro no Canadá.'),
    ('deal', 'Стороны подписали контракт на поставку лития.'),
    ('production', 'The smelter produced 120,000 tonnes of aluminium in the first half.'),
    ('production', "Peru's zinc shipments climbed 12% in June."),
    ('production', 'Output of cobalt is forecast to reach 300,000 tonnes next year.'),
    ('production', 'Die Kupferproduktion stieg im Mai um 5 Prozent.'),
    ('production', 'La production de nickel a baissé de 10 % au troisième trimestre.'),
    ('production', 'Las exportaciones de cobre de Chile alcanzaron 500.000 toneladas en abril.'),
    ('production', 'Добыча золота выросла на 3% в первом полугодии.'),
    ('price', 'Gold hit a fresh record above $3,000 an ounce.'),
    ('price', 'Der Kupferpreis fiel auf den tiefsten Stand seit einem Jahr.'),
    ('price', 'Le prix du lithium a chuté de 20 %.'),
    ('price', 'O preço do minério de ferro subiu 4% na semana.'),
    ('price', 'Цена никеля упала до минимума за три года.'),
    ('export_restriction', 'Beijing tightened controls on exports of graphite.'),
    ('export_restriction', 'Zimbabwe banned the export of raw lithium ore.'),
    ('export_restriction', 'The government scrapped the export duty on nickel pig iron.'),
    ('import_measure', 'The EU imposed provisional anti-dumping duties on Chinese silicon.'),
    ('import_measure', 'Washington slapped a 25% tariff on imports of Chinese graphite.'),
    ('policy', 'The country added copper to its list of critical minerals.'),
    ('policy', 'The government raised royalties on gold mining to 7%.'),
    ('policy', 'The state plans to build a strategic stockpile of rare earths.'),
])
def test_more_wordings_of_every_type(expected, sentence):
    assert types(sentence) == {expected}


@pytest.mark.parametrize("sentence", [
    'The copper wire market grew as builders returned.',
    'Gold jewellery is popular in India.',
    "The company's lithium battery business is growing.",
    'The gold medal ceremony was delayed by rain.',
    'Silver linings abound in the report, the analyst said.',
    'Cobalt blue paint was a favourite of the artist.',
    'Lithium stocks fell after the results were announced.',
])
def test_a_mineral_named_in_passing_carries_no_event(sentence):
    assert types(sentence) == set()


def test_a_year_is_no_quantity_of_output():
    assert "production" not in types("The nickel refinery opened in 2019 near the coast.")
    assert "production" in types("The nickel refinery produced 40,000 tonnes in 2019.")


def test_a_project_described_as_new_is_no_milestone():
    assert "project_milestone" not in types(
        "It is the largest lithium operation to come online in a decade, the chief said.")


@pytest.mark.parametrize("sentence", [
    "The group plans a $2 billion lithium refinery near the port.",
    "Le groupe va investir 500 millions d'euros dans une raffinerie de nickel.",
    "Компания инвестирует 10 млрд рублей в добычу меди.",
    "Inspectors visited the country's tungsten mines on 7 May.",
    "The cobalt market faces a supply-demand mismatch this winter.",
])
def test_a_sum_of_money_a_date_or_a_market_balance_is_no_output(sentence):
    assert "production" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The company mines 5 million tonnes of iron ore a year.",
    "Добыча меди выросла до 10 млн тонн.",
    "Cobalt refineries processed 90,000 tonnes last year.",
])
def test_a_quantity_of_the_mineral_is_output(sentence):
    assert "production" in types(sentence)


@pytest.mark.parametrize("expected,sentence", [
    ('discovery', 'Explorers have outlined a lithium-bearing pegmatite field stretching 5 km.'),
    ('discovery', 'The Geological Survey estimates the newly found deposit holds 1 million tonnes of rare earth oxides.'),
    ('discovery', 'Crews hit thick graphite mineralisation in the first drill hole.'),
    ('discovery', "The miner's gold reserves rose 15% after a successful exploration season."),
    ('discovery', 'A significant find of tin has been made in Cornwall.'),
    ('discovery', 'Officials announced the discovery of vast lithium reserves in the salt flats.'),
    ('discovery', 'Die Explorer meldeten einen bedeutenden Goldfund in Finnland.'),
    ('discovery', 'En Bolivie, un gisement de lithium a été identifié par les géologues.'),
    ('discovery', 'Encontraron un yacimiento de oro de alta ley en Santa Cruz.'),
    ('discovery', 'Pesquisadores identificaram reservas de terras raras em Minas Gerais.'),
    ('discovery', 'В Якутии выявлено крупное месторождение редкоземельных металлов.'),
    ('disruption', 'Illegal miners invaded the gold concession, forcing the operator to halt mining.'),
    ('disruption', 'A technical failure at the concentrator stopped copper production for a week.'),
    ('disruption', 'Operations at the nickel mine were interrupted by heavy flooding.'),
    ('disruption', 'Export routes for cobalt were cut after rebels seized the town.'),
    ('disruption', 'The uranium mine was evacuated after a gas leak.'),
    ('disruption', "Truck drivers' protests disrupted zinc concentrate deliveries."),
    ('disruption', 'Die Lithiumproduktion wurde wegen Überschwemmungen unterbrochen.'),
    ('disruption', "L'usine de nickel est à l'arrêt après une panne électrique."),
    ('disruption', 'Un derrame en la mina de cobre obligó a suspender las operaciones.'),
    ('disruption', 'A produção de níquel foi interrompida por causa de uma greve.'),
    ('disruption', 'Из-за аварии на руднике добыча никеля приостановлена.'),
    ('investment', "The World Bank's private arm will lend $100 million to the cobalt project."),
    ('investment', 'The miner has budgeted $500 million for the expansion of its copper operations.'),
    ('investment', 'The government unveiled a $2 billion fund to back critical minerals such as lithium.'),
    ('investment', 'The state bank extended a credit line to the nickel smelter.'),
    ('investment', 'El banco otorgó un crédito de 200 millones de dólares a la minera de cobre.'),
    ('investment', 'O BNDES vai financiar a nova mina de lítio.'),
    ('deal', 'The utility signed a long-term contract for uranium from the Canadian miner.'),
    ('deal', 'The miner sold its copper assets in Zambia to a Chinese buyer.'),
    ('deal', 'The two firms agreed to jointly develop the lithium deposit.'),
    ('deal', 'The automaker struck a deal to source nickel from Indonesia.'),
    ('deal', 'Die Autobauer sichern sich Lithium aus Chile über einen langfristigen Vertrag.'),
    ('deal', "Le constructeur s'est assuré l'approvisionnement en nickel de la Nouvelle-Calédonie."),
    ('deal', 'La automotriz cerró un acuerdo con la minera para asegurarse litio.'),
    ('deal', 'A siderúrgica fechou um contrato de compra de minério de ferro.'),
    ('deal', 'Компания приобрела контрольный пакет акций золотодобытчика.'),
    ('project_milestone', 'The copper mine poured first concentrate on schedule.'),
    ('project_milestone', 'The ministry issued a mining licence for the gold project.'),
    ('project_milestone', 'The lithium project has been fully permitted.'),
    ('project_milestone', 'Development of the nickel mine was approved by the cabinet.'),
    ('project_milestone', 'The zinc smelter will be shut permanently next year, the owner said.'),
    ('project_milestone', 'Die Mine soll 2027 die erste Lithiumproduktion liefern.'),
    ('project_milestone', "L'usine de cobalt a été inaugurée vendredi."),
    ('project_milestone', 'El gobierno otorgó la concesión minera para el proyecto de cobre.'),
    ('project_milestone', 'A licença ambiental da mina de ouro foi concedida.'),
    ('project_milestone', 'Компания получила лицензию на разработку месторождения лития.'),
    ('investment', 'The company secured a A$50 million loan facility to build its graphite plant.'),
    ('investment', 'The Department of Energy awarded a $150 million grant for a lithium processing facility.'),
    ('investment', 'Shares were issued to raise capital for the nickel project.'),
    ('investment', 'The group unveiled plans to invest $1.5 billion in copper smelting capacity.'),
    ('investment', 'The lithium startup closed a Series B round led by carmakers.'),
    ('investment', 'The state will inject 3 billion yuan into rare earth processing.'),
    ('investment', 'Das Bergbauunternehmen sammelte 40 Millionen Dollar für sein Kupferprojekt ein.'),
    ('investment', "La société a levé 20 millions d'euros pour son projet de lithium."),
    ('investment', 'Инвесторы вложили 2 млрд рублей в золотодобывающий проект.'),
    ('disruption', 'Miners at the potash mine remain trapped underground after a cave-in.'),
    ('disruption', 'The armed group took control of the coltan mining town of Rubaya.'),
    ('disruption', 'A typhoon forced nickel ore miners to suspend loading.'),
    ('disruption', 'Output at the lithium mine was hit by a shortage of diesel.'),
    ('disruption', 'Union members voted to begin industrial action at the copper mine.'),
    ('disruption', 'Die Arbeiter der Kupfermine traten in den Ausstand.'),
    ('disruption', "La mine d'or a été fermée après des affrontements."),
    ('disruption', 'Los bloqueos de carreteras afectaron el transporte de cobre.'),
    ('disruption', 'Um deslizamento de terra interrompeu a produção de minério de ferro.'),
    ('disruption', 'Шахта по добыче угля затоплена после сильных дождей.'),
    ('project_milestone', 'The government signed the mining convention for the iron ore project.'),
    ('project_milestone', 'The developer lodged its mining lease application for the rare earths project.'),
    ('project_milestone', 'The bankable feasibility study for the tungsten mine is due by June.'),
    ('project_milestone', "The smelter's second potline was energised this week."),
    ('project_milestone', 'Der Bergbaukonzern hat mit dem Abbau von Lithium begonnen.'),
    ('project_milestone', 'La mine de cuivre est entrée en production en mars.'),
    ('project_milestone', 'La mina de litio comenzará a operar en 2026.'),
    ('project_milestone', 'A mina de cobre recebeu a licença de operação.'),
    ('project_milestone', 'На месторождении лития начато строительство горно-обогатительного комбината.'),
    ('deal', 'The steelmaker agreed terms to take over the iron ore miner.'),
    ('deal', 'The cobalt producer entered into an agreement with a battery maker.'),
    ('deal', 'The company inked an off-take pact for its spodumene.'),
    ('deal', 'The lithium deal values the target at $3 billion.'),
    ('deal', 'Die Bergbaugruppe übernimmt den Kupferproduzenten für 2 Milliarden Dollar.'),
    ('deal', "L'accord prévoit la livraison de 50 000 tonnes de lithium par an."),
    ('deal', 'La compañía adquirió el 51% de la mina de cobre.'),
    ('deal', 'A mineradora fechou a compra de uma mina de lítio.'),
    ('deal', 'Компания заключила соглашение о покупке никелевого актива.'),
    ('discovery', 'The company made a major gold find in the Abitibi region.'),
    ('discovery', 'A new find of heavy rare earths was reported in Greenland.'),
    ('discovery', 'The drilling programme expanded the known copper mineralisation by 500 metres.'),
    ('discovery', 'Die neue Lagerstätte enthält schätzungsweise 2 Millionen Tonnen Lithium.'),
    ('discovery', 'La compagnie a mis en évidence un nouveau gisement de zinc.'),
    ('discovery', 'Fue hallado un importante depósito de litio en Salta.'),
    ('discovery', 'Foi encontrada uma grande jazida de potássio no Amazonas.'),
    ('discovery', 'В Казахстане открыто новое месторождение вольфрама.'),
])
def test_wire_wording_of_finds_halts_funds_deals_and_milestones(expected, sentence):
    assert types(sentence) == {expected}


@pytest.mark.parametrize("sentence,not_expected", [
    ("Rebels seized the town on the road to the tin mines.", "policy"),
    ("Controls on gallium exports are injecting uncertainty into supply chains.",
     "investment"),
    ("China took control of most of the world's rare earth refining.", "disruption"),
    ("Beijing suspended shipments of graphite to three countries.", "disruption"),
    ("The chemicals refund was paid to the copper trader.", "discovery"),
    ("Le fonds a pris une participation de 10 % dans le producteur de lithium.", "production"),
    ("The group will invest $1.5 billion in its copper business.", "production"),
])
def test_general_words_that_are_not_the_event(sentence, not_expected):
    assert not_expected not in types(sentence)


@pytest.mark.parametrize("sentence,not_expected", [
    # a country that controls a share of output dominates it: no export control
    ("China, which controls about 80 percent of global tungsten output, set the pace.",
     "export_restriction"),
    ("China kontrolliert fast 90 Prozent der weltweiten Graphitproduktion.",
     "export_restriction"),
    # supply as the market's state is no output
    ("Tight cobalt supply kept traders nervous this month.", "production"),
    ("The plan aims to lock down lithium supply for the army.", "production"),
    # smelters and refiners are companies; their other worries are no output
    ("Zinc smelters are holding firm on prices amid rising energy costs.", "production"),
    # a safe haven is held, not spent on
    ("Gold remains a safe-haven investment for worried savers.", "investment"),
    ("L'or reste un placement refuge pour les investisseurs.", "investment"),
])
def test_dominance_market_state_and_safe_havens(sentence, not_expected):
    assert not_expected not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "China, which controls about 80 percent of global tungsten output, set the pace.",
    "Congo supplies more than 70 percent of the world's mined cobalt.",
    "The country accounts for about a fifth of global potash supply.",
    "Nickel supply from the new smelters surged in May.",
])
def test_a_share_or_a_move_of_supply_is_output(sentence):
    assert "production" in types(sentence)


def test_an_export_control_is_still_one():
    assert "export_restriction" in types("China tightened export controls on tungsten.")


@pytest.mark.parametrize("expected,sentence", [
    ('policy', 'The government declared lithium a strategic resource reserved for state companies.'),
    ('policy', 'The ministry imposed a moratorium on new gold mining licences.'),
    ('policy', 'The country will require nickel ore to be processed domestically before export.'),
    ('policy', 'The state will buy cobalt for its strategic reserve.'),
    ('policy', 'Regulators capped the domestic price of coal for power plants.'),
    ('policy', 'The junta revoked the permits of foreign gold miners.'),
    ('policy', "The government set this year's mining quota for rare earths at 270,000 tonnes."),
    ('policy', 'Die Regierung nahm Lithium in die Liste kritischer Rohstoffe auf.'),
    ('policy', "Le gouvernement a relevé la redevance minière sur l'or."),
    ('policy', 'El gobierno anunció la nacionalización del litio.'),
    ('policy', 'O governo aprovou um novo marco legal para a mineração de terras raras.'),
    ('policy', 'Правительство повысило налог на добычу полезных ископаемых для золота.'),
    ('import_measure', 'The United States launched an anti-dumping investigation into graphite anodes from China.'),
    ('import_measure', 'The EU slapped duties on Russian aluminium.'),
    ('import_measure', 'India raised import duties on gold to 15%.'),
    ('import_measure', 'Die EU verhängte Strafzölle auf chinesisches Silizium.'),
    ('import_measure', "Les États-Unis ont imposé des droits de douane sur l'acier et l'aluminium."),
    ('import_measure', 'México impuso aranceles a las importaciones de acero y aluminio.'),
    ('import_measure', 'O Brasil elevou a tarifa de importação de alumínio.'),
    ('import_measure', 'США ввели пошлины на импорт алюминия.'),
    ('price', 'Lithium prices have halved since January.'),
    ('price', 'Copper traded at $9,800 a tonne on the LME.'),
    ('price', 'Spot uranium climbed to $80 per pound.'),
    ('price', 'Gold futures settled higher on Friday.'),
    ('price', 'Der Nickelpreis erreichte ein Rekordhoch.'),
    ('price', 'Les cours du cuivre ont atteint un sommet historique.'),
    ('price', 'El oro cerró con una caída del 1%.'),
    ('price', 'O níquel registrou alta de 5% na bolsa de Londres.'),
    ('price', 'Стоимость лития снизилась вдвое.'),
])
def test_policies_import_measures_and_prices_in_their_wording(expected, sentence):
    assert types(sentence) == {expected}


@pytest.mark.parametrize("sentence,not_expected", [
    # a description is no declaration
    ("Gallium and germanium are strategic metals used in chips.", "policy"),
    ("Kritische Rohstoffe wie Lithium werden knapp.", "policy"),
    # an export duty is no import measure
    ("Jakarta imposed an export duty on nickel pig iron.", "import_measure"),
    # "au cours de" is "during", not a market price
    ("La production de cuivre a baissé au cours des deux dernières années à son plus bas "
     "niveau.", "price"),
])
def test_descriptions_export_duties_and_prepositions(sentence, not_expected):
    assert not_expected not in types(sentence)


@pytest.mark.parametrize("sentence,expected", [
    ("Geologists discovered lithium in the Jadar valley.", {"discovery"}),
    ("Geologen haben in Sachsen Lithium entdeckt.", {"discovery"}),
    ("Investors discovered that gold was cheap.", set()),
])
def test_a_finds_verb_names_the_find(sentence, expected):
    assert types(sentence) == expected


@pytest.mark.parametrize("expected,sentence", [
    ('discovery', 'The company reported a 30% increase in measured and indicated resources at its nickel project.'),
    ('discovery', 'The maiden JORC estimate for the graphite project came in at 50 million tonnes.'),
    ('discovery', 'Exploration at the site has delineated a new zone of copper-gold porphyry mineralisation.'),
    ('discovery', 'The deposit, found in 2023, is believed to contain 1.2 million tonnes of lithium.'),
    ('discovery', 'Chinese geologists have located a large rare earth deposit in Sichuan, state media said.'),
    ('discovery', 'The survey revealed substantial deposits of cobalt and nickel on the seabed.'),
    ('discovery', 'India has found lithium reserves of 5.9 million tonnes in Jammu and Kashmir.'),
    ('discovery', 'Die Geologen stießen auf ein reiches Kupfervorkommen.'),
    ('discovery', "Une importante découverte d'or a été annoncée au Canada."),
    ('discovery', 'La empresa anunció el descubrimiento de un yacimiento de plata.'),
    ('discovery', 'A Vale identificou novas reservas de cobre no Pará.'),
    ('discovery', 'Запасы золота на месторождении увеличены на 20%.'),
    ('disruption', 'A power outage at the smelter forced it to curtail aluminium output.'),
    ('disruption', 'The cobalt mine was attacked by armed men overnight.'),
    ('disruption', 'Wildfires near the lithium operation forced an evacuation of staff.'),
    ('disruption', 'Heavy snow cut rail links used to haul coal to port.'),
    ('disruption', 'A strike by port workers held up copper exports.'),
    ('disruption', 'Operations at the nickel plant were suspended after a fatal accident.'),
    ('disruption', 'Die Produktion in der Aluminiumhütte ruht nach einem Stromausfall.'),
    ('disruption', 'Une grève paralyse la mine de nickel depuis trois semaines.'),
    ('disruption', 'Las lluvias torrenciales inundaron la mina de carbón.'),
    ('disruption', 'Os protestos bloquearam a ferrovia que leva o minério de ferro ao porto.'),
    ('disruption', 'На алюминиевом заводе произошла авария.'),
    ('investment', 'The EU will support the lithium refinery with 80 million euros in state aid.'),
    ('investment', 'The graphite miner landed a $100m investment from a Korean battery maker.'),
    ('investment', 'The sovereign fund will back the copper smelter with $500 million.'),
    ('investment', 'The cobalt producer drew down $50 million from its credit facility.'),
    ('investment', 'Die KfW stellt einen Kredit über 200 Millionen Euro für die Kupfermine bereit.'),
    ('investment', "L'État apporte 100 millions d'euros au projet de lithium alsacien."),
    ('investment', 'El proyecto de cobre recibirá una inversión de 2.000 millones de dólares.'),
    ('investment', 'A mineradora anunciou aporte de R$ 1 bilhão na mina de níquel.'),
    ('investment', 'На развитие медного проекта направят 50 млрд рублей.'),
    ('project_milestone', 'The government issued the final permit for the antimony mine.'),
    ('project_milestone', 'The copper project reached a final investment decision last month.'),
    ('project_milestone', 'Shipments of spodumene from the new mine began in July.'),
    ('project_milestone', 'The refinery produced its first battery-grade nickel sulphate.'),
    ('project_milestone', 'The tin mine has been officially opened by the president.'),
    ('project_milestone', 'The lithium project won environmental approval from the state.'),
    ('project_milestone', 'The nickel plant is now fully operational.'),
    ('project_milestone', 'Die Behörden genehmigten das Lithiumprojekt im Erzgebirge.'),
    ('project_milestone', 'Le permis minier du projet de lithium a été accordé.'),
    ('project_milestone', 'La mina de cobre inició operaciones comerciales en mayo.'),
    ('project_milestone', 'O projeto de lítio recebeu licença prévia do órgão ambiental.'),
    ('project_milestone', 'Завод по производству лития введен в строй.'),
])
def test_resources_found_halts_state_aid_and_plants_in_operation(expected, sentence):
    assert types(sentence) == {expected}


def test_a_final_investment_decision_is_the_projects_milestone():
    assert types("The copper project reached a final investment decision last month.") == {
        "project_milestone"}


@pytest.mark.parametrize("expected,sentence", [
    ('deal', 'Glencore buys a stake in the Canadian nickel miner.'),
    ('deal', 'Rio Tinto snaps up the lithium developer for $6.7 billion.'),
    ('deal', 'The battery maker inks a graphite supply pact with the miner.'),
    ('deal', 'Korean steelmaker to buy Australian lithium project.'),
    ('investment', 'Lithium explorer secures $40 million for drilling.'),
    ('investment', 'Copper developer secures funding for its mine in Peru.'),
    ('investment', 'The rare earths miner got a $300 million loan from the state bank.'),
    ('investment', 'Nickel project gets A$150m boost from export credit agency.'),
    ('project_milestone', 'The uranium mine gets the nod from regulators.'),
    ('project_milestone', 'The government green-lighted the graphite mine.'),
    ('project_milestone', 'The lithium project secured the go-ahead from the environmental agency.'),
    ('project_milestone', 'The nickel smelter started up its first line in May.'),
    ('disruption', 'Flooding knocked out production at the coal mine.'),
    ('disruption', 'Landslides damaged the access road to the copper mine.'),
    ('disruption', 'The tin smelter remains idle after the explosion.'),
    ('disruption', 'Security forces clashed with protesters at the gold mine.'),
])
def test_headline_verbs(expected, sentence):
    assert types(sentence) == {expected}


@pytest.mark.parametrize("sentence", [
    'Investors buy gold as a hedge against inflation.',
    "China buys most of the world's cobalt.",
    'Copper is used in every electric vehicle.',
    'The lithium market will be tight, the analyst said.',
])
def test_buying_the_metal_or_describing_the_market_is_no_event(sentence):
    assert types(sentence) == set()


@pytest.mark.parametrize("expected,sentence", [
    ('investment', 'Der Konzern will 2 Milliarden Euro in den Ausbau der Kupferhütte stecken.'),
    ('investment', 'Das Projekt erhält eine Förderung von 50 Millionen Euro vom Bund.'),
    ('investment', 'Le groupe minier a obtenu un financement de 300 millions de dollars pour sa mine de cuivre.'),
    ('investment', "Une levée de fonds de 50 millions d'euros permettra de développer le gisement de lithium."),
    ('investment', 'La minera obtuvo un financiamiento de 500 millones de dólares para su proyecto de litio.'),
    ('investment', 'El gobierno destinará 100 millones de dólares a la exploración de cobre.'),
    ('investment', 'O projeto de níquel recebeu investimento de US$ 200 milhões.'),
    ('deal', 'Der Rohstoffkonzern hat die Mehrheit an der Kupfermine übernommen.'),
    ('deal', 'Le groupe chinois a racheté la mine de cobalt congolaise.'),
    ('deal', 'La compañía china compró la mina de cobre peruana por 2.000 millones.'),
    ('deal', 'A chinesa adquiriu a mina de nióbio em Goiás.'),
    ('deal', 'Компания купила долю в никелевом проекте.'),
    ('disruption', 'Wegen Protesten der Anwohner steht die Kupfermine seit Wochen still.'),
    ('disruption', 'Un glissement de terrain a bloqué la route de la mine de cuivre.'),
    ('disruption', 'Los mineros de cobre bloquearon el acceso a la mina.'),
    ('disruption', 'A mina de ouro foi fechada após um acidente fatal.'),
    ('disruption', 'Работа никелевого рудника была остановлена из-за пожара.'),
    ('discovery', 'In Norwegen wurde ein riesiges Vorkommen an Seltenen Erden gefunden.'),
    ('discovery', "Le Maroc a découvert d'importantes réserves de cobalt."),
    ('discovery', 'Chile descubrió nuevas reservas de litio en el desierto.'),
    ('discovery', 'Foi descoberto um novo depósito de lítio no Vale do Jequitinhonha.'),
    ('discovery', 'Российские геологи открыли месторождение лития.'),
    ('project_milestone', 'Die Regierung hat den Abbau von Lithium genehmigt.'),
    ('project_milestone', "La mine de lithium entrera en production l'an prochain."),
    ('project_milestone', 'El gobierno aprobó el proyecto de cobre.'),
    ('project_milestone', 'A mina de cobre entrou em operação em março.'),
    ('project_milestone', 'Началось строительство медного рудника.'),
])
def test_the_other_five_languages_say_it_their_way(expected, sentence):
    assert types(sentence) == {expected}
