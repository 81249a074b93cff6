"""Recall of the events news tells most loosely: disruptions, project milestones,
investments and finds, each in the ordinary wording of the six languages orewire reads,
with the near misses that must not fire. Every sentence is our own writing."""
from __future__ import annotations

import pytest

from orewire.events import sentence_events


def types(sentence):
    return {t.type for t in sentence_events(sentence)}


@pytest.mark.parametrize("sentence", [
    # a way in blocked, a unit failed, the grid's rolling cuts, a dispute, a forced halt
    "Villagers have blocked the only road to the zinc mine since Monday.",
    "The cobalt refinery has been idle since a power failure on Friday.",
    "Production at the copper smelter was curtailed after a furnace failure.",
    "Load-shedding by the state utility forced platinum smelters to cut power use.",
    "A labour dispute at the iron ore mine has cut output by a third.",
    "Two workers died at the silver mine after a ventilation failure.",
    "A mudslide buried part of the gold mine, killing dozens.",
    "Output of copper was hampered by permitting issues in the third quarter.",
    "Unplanned repairs at the alumina refinery cut output by a tenth.",
    "The coal terminal was closed due to heavy swell.",
    "The smelter suffered a pot-line freeze that took 40% of its aluminium capacity offline.",
    # de
    "Ein Warnstreik legte die Förderung von Kupfer für einen Tag still.",
    "Nach einem Brand in der Anlage ruht die Produktion von Lithium.",
    "Hochwasser zwang den Betreiber, die Zinkmine vorübergehend zu schließen.",
    "Der Produktionsausfall in der Nickelmine dauert an.",
    # fr
    "Des pluies torrentielles ont inondé la mine d'or, contraignant l'exploitant à suspendre l'extraction.",
    "Des manifestants bloquent l'accès à la mine d'uranium depuis une semaine.",
    "Le délestage a réduit la production de cuivre en Zambie.",
    "Des coulées de boue ont enseveli l'accès à la mine d'or.",
    "Un aluvión interrumpió el acceso a la mina de cobre.",
    "Um vazamento de rejeitos levou à interdição da mina de ouro.",
    "Остановка рудника привела к сокращению добычи золота.",
    # es / pt
    "La producción de cobre se detuvo tras un cambio de turno en la mina.",
    "Fuertes lluvias obligaron a cerrar temporalmente la mina de oro.",
    "Um acidente na mina de carvão deixou três mortos.",
    "A produção de níquel foi afetada por problemas na barragem.",
    # ru
    "Весенний паводок отрезал рудник, где добывают золото.",
    "Рабочие перекрыли дорогу к руднику, добыча меди прекращена.",
    "Обрушение на шахте по добыче угля унесло жизни двух горняков.",
    "Из-за отключения электроэнергии завод прекратил выпуск алюминия.",
])
def test_disruptions_in_their_ordinary_wording(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Work began on the rare earths processing plant this month.",
    "Construction crews broke ground on the nickel sulphate plant.",
    "The expansion of the copper concentrator was completed ahead of schedule.",
    "The gold mine reopened in March under its new owner.",
    "The state awarded a 25-year mining concession for the lithium salt flat.",
    "The lithium project reached nameplate capacity in its second quarter.",
    "The company released a preliminary economic assessment for its copper project.",
    "The board approved a decision to proceed with the vanadium project.",
    "The uranium project received its record of decision from federal regulators.",
    "The company took FID on the nickel mine last month.",
    "The platinum miner won a mining right for the new shaft.",
    "Die neue Nickelhütte hat die kommerzielle Produktion aufgenommen.",
    "Die Baugenehmigung für die Lithiummine liegt vor.",
    "Die neue Goldmine wurde am Freitag feierlich eröffnet.",
    "La pose de la première pierre de l'usine de lithium a eu lieu lundi.",
    "Colocaron la primera piedra de la planta de litio en Salta.",
    "Foi lançada a pedra fundamental da usina de níquel.",
    "Состоялся пуск обогатительной фабрики по переработке руды меди.",
    "Der Produktionsbeginn der Kupfermine ist für 2027 geplant.",
    "L'étude de préfaisabilité du projet de lithium a été publiée.",
    "Le démarrage de la production de nickel est prévu en 2026.",
    "La planta de níquel entró en operación comercial en mayo.",
    "El estudio de prefactibilidad del proyecto de cobre estará listo en junio.",
    "La mina produjo su primer concentrado de zinc.",
    "As obras da mina de cobre começaram em março.",
    "A primeira produção de lítio está prevista para o fim do ano.",
    "На заводе по производству меди начался монтаж оборудования.",
    "Месторождение лития получило положительное заключение госэкспертизы.",
    "На руднике получено первое золото.",
    "Компания завершила ТЭО проекта по добыче меди.",
    "Компания начала промышленную добычу лития на новом месторождении.",
])
def test_project_milestones_in_their_ordinary_wording(sentence):
    assert "project_milestone" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The miner is spending $2 billion on a new copper smelter.",
    "The EU will provide €100 million to support a gallium recovery plant.",
    "Sovereign funds pledged $1 billion toward cobalt refining capacity.",
    "The automaker will put $3 billion into a nickel processing venture.",
    "The Department of Energy awarded $90 million to a lithium recycling plant.",
    "The streaming company will pay $250 million upfront under a streaming deal on the copper mine.",
    "The miner closed a C$30 million bought deal to advance its nickel project.",
    "The export credit agency issued a letter of interest for up to $900 million for the graphite project.",
    "The company plans to build a $2 billion copper smelter in the province.",
    "The trader agreed a $500 million prepayment facility with the cobalt producer.",
    "The state-owned company said it would plough $700 million into new bauxite mines.",
    "Der Bund fördert das Lithiumprojekt mit 100 Millionen Euro.",
    "Das Unternehmen steckt 300 Millionen Dollar in den Ausbau der Nickelmine.",
    "Der Konzern kündigte eine Milliardeninvestition in die Kupferhütte an.",
    "Die Regierung gewährt der Lithiummine einen Zuschuss von 50 Millionen Euro.",
    "Die Regierung stellt 1 Milliarde Euro für Lithiumprojekte bereit.",
    "Die Bank gewährt ein Darlehen für den Ausbau der Lithiummine.",
    "La société lance une augmentation de capital pour sa mine de lithium.",
    "A empresa concluiu a captação de R$ 800 milhões para a mina de lítio.",
    "Банк одобрил заем на строительство завода по производству лития.",
    "Le groupe consacrera 1 milliard de dollars à l'agrandissement de sa mine de cuivre.",
    "L'État versera une subvention de 20 millions d'euros à l'usine de lithium.",
    "El fondo estatal aportará 400 millones de dólares al proyecto de litio.",
    "El gobierno otorgará una subvención a la fundición de cobre.",
    "O governo vai aportar R$ 500 milhões em projetos de terras raras.",
    "Компания вложит 50 млрд рублей в строительство завода по выпуску меди.",
    "Правительство профинансирует разведку месторождений лития.",
    "Банк выдал заём на строительство завода по производству алюминия.",
])
def test_investments_in_their_ordinary_wording(sentence):
    assert "investment" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The updated estimate lifted contained nickel by 40%.",
    "New drilling doubled the size of the lithium resource.",
    "The company has defined a 1.2 million ounce gold resource at the project.",
    "Drilling added 2 million ounces of gold to the mine's reserves.",
    "Geólogos hallaron litio en un salar de Catamarca.",
    "A empresa descobriu terras raras em Minas Gerais.",
    "Геологи нашли литий в Мурманской области.",
    "The junior reported visible gold in drill core from its Ontario project.",
    "The explorer hit 48m at 1.9% copper from 120m downhole.",
    "Step-out drilling extended the strike length of the lithium pegmatite to 2 km.",
    "The company reported encouraging drill results from its nickel prospect.",
    "The survey located a promising graphite anomaly north of the town.",
    "Bohrungen stießen auf hochgradiges Gold in 200 Metern Tiefe.",
    "Die Reserven an Kupfer wurden um 15 Prozent erhöht.",
    "Geologen meldeten einen bedeutenden Fund von Seltenen Erden in Schweden.",
    "A new porphyry copper system was identified beneath the old pit.",
    "Геологи выявили новые запасы вольфрама в Забайкалье.",
    "In der Region wurde ein Vorkommen an Graphit nachgewiesen.",
    "Les ressources de cuivre ont été revues à la hausse de 25 %.",
    "Los recursos de oro del proyecto aumentaron un 40%.",
    "As reservas de cobre do projeto cresceram 30%.",
    "Die neue Ressourcenschätzung für das Goldprojekt liegt bei 2 Millionen Unzen.",
    "Les forages ont recoupé 30 mètres à 1,5 % de cuivre.",
    "La société a relevé ses ressources en lithium de 40 %.",
    "La nouvelle estimation des ressources de cuivre dépasse les prévisions.",
    "La compañía amplió sus recursos de litio en un 30%.",
    "Los sondeos interceptaron 40 metros con 1,2% de cobre.",
    "La minera detectó una anomalía de cobre en el sector norte.",
    "A empresa aumentou as reservas de ouro em 25%.",
    "Sondagens revelaram mineralização de ouro em profundidade.",
    "Компания увеличила запасы золота на 20%.",
    "Бурение подтвердило наличие богатых руд меди на глубине.",
    "Запасы меди поставлены на государственный баланс.",
])
def test_finds_and_upgrades_in_their_ordinary_wording(sentence):
    assert "discovery" in types(sentence)


@pytest.mark.parametrize("sentence,not_type", [
    # a disruption feared or risked is none yet
    ("Analysts said the copper market could face disruption if demand keeps rising.", "disruption"),
    ("Copper fell 2% as traders feared supply could be disrupted.", "disruption"),
    # holders are no money spent on the mineral
    ("Les investisseurs se ruent sur l'or.", "investment"),
    ("Os investidores buscaram o ouro como proteção.", "investment"),
    # a species, stolen goods, a wreck are no find of ore
    ("Scientists discovered a new species of beetle near the silver mine.", "discovery"),
    ("Police discovered stolen silver jewellery in the car.", "discovery"),
    # a deposit's strike length is its extent, not a strike
    ("Step-out drilling extended the strike length of the lithium pegmatite to 2 km.", "disruption"),
    # an exploration licence's area is no permit granted
    ("La compagnie a découvert de l'or à haute teneur sur son permis.", "project_milestone"),
    # an option's strike price is no strike; an appeal found out is no find
    ("The miner's strike price for the copper options was $9,000 a tonne.", "disruption"),
    ("Les investisseurs ont découvert l'intérêt de l'argent métal.", "discovery"),
    # national or world reserve statistics are no find
    ("China's lithium reserves rose to 3 million tonnes in 2024, according to the US Geological Survey.", "discovery"),
    # an ore grade is no price
    ("Assays returned 12 metres at 4.5 grams per tonne gold.", "price"),
])
def test_near_misses_state_no_such_event(sentence, not_type):
    assert not_type not in types(sentence)


@pytest.mark.parametrize("sentence,not_type", [
    # the new words' own near misses: a wreck found, a funding scheme, a level of output,
    # a season
    ("Divers found a shipwreck carrying silver coins off the coast.", "discovery"),
    # a project admitted to a funding scheme has not started output
    ("Das Kupferprojekt wurde in die Förderung des Bundes aufgenommen.", "project_milestone"),
    # a plant short of its design rate is a level, not a milestone
    ("The lithium plant ran at 60% of nameplate capacity in May.", "project_milestone"),
    # gold demand in the rainy season is no flood
    ("Indian gold demand usually slows during the monsoon.", "disruption"),
    ("Остановка торгов на бирже повлияла на котировки золота.", "disruption"),
    ("The London copper market was closed due to a public holiday.", "disruption"),
    ("La policía halló oro robado en el coche.", "discovery"),
    ("The gold mine recorded zero fatalities for a third year.", "disruption"),
    ("Gold closed lower amid a stronger dollar.", "disruption"),
    ("The mine will provide 5 million tonnes of copper concentrate a year.", "investment"),
    ("The company put 3 million tonnes of nickel ore into stockpiles.", "investment"),
    ("Gold is defined as a reserve asset by central banks.", "discovery"),
    ("The plant is located near the lithium deposit.", "discovery"),
    ("A usina está localizada perto da jazida de lítio.", "discovery"),
    ("The smelter was forced to curtail aluminium output as prices fell.", "disruption"),
    ("The national bank added 20 tonnes of gold to its reserves.", "discovery"),
    ("Las reservas de litio de Chile aumentaron a 9 millones de toneladas, según el USGS.", "discovery"),
    ("Selon l'USGS, les réserves mondiales de cobalt ont été revues à la hausse.", "discovery"),
    ("Многие считают этот сплав золота слишком простой маркой.", "disruption"),
    # money spent on costs is no investment
    ("The company spent $5 million on legal fees in its dispute over the copper royalty.", "investment"),
])
def test_the_new_words_near_misses(sentence, not_type):
    assert not_type not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "As part of its national lithium strategy, the government approved the construction of a new lithium plant.",
    "Under the new mining code, the copper mine received its operating permit on Monday.",
    "The cobalt refinery, a pillar of the country's critical minerals strategy, was commissioned on Friday.",
])
def test_a_sites_own_step_outlives_a_policy_named_beside_it(sentence):
    assert {"policy", "project_milestone"} <= types(sentence)


@pytest.mark.parametrize("sentence", [
    "The state nationalised the lithium sector and revoked the mining licence of a foreign firm.",
    "The government raised the royalty on copper and will require new permits for exploration.",
])
def test_a_policys_own_licences_are_no_milestone(sentence):
    assert "project_milestone" not in types(sentence)


def test_stems_grouped_by_letter_find_the_same_places():
    from orewire.events import _stems
    words = ["ban", "banned", "bans", "b?low", "(?:re)?open", "foo|bar", "halt", "hal",
             "strike (?:length|price)", "стоп", "Streik", r"\w+streik", "[ab]x"]
    plain, grouped = _stems(words), _stems(words, by_letter=True)
    assert grouped.pattern != plain.pattern
    for text in ["They banned it", "bar and foo", "a Warnstreik began", "reopened", "low",
                 "СТОП", "halting", "strike price", "ax", "nothing here", "Bans"]:
        a, b = plain.search(text), grouped.search(text)
        assert (a and a.start()) == (b and b.start()), text
