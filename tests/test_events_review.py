"""Supply events a review found stated by words that state none: a tonnage report taken
for a find, a fine for an investment, a company rule for a policy, a metaphor for a
disruption; each with a twin stating the true event in like words. Every sentence is
our own writing."""
from __future__ import annotations

import pytest

from orewire.events import sentence_events


def types(sentence):
    return {t.type for t in sentence_events(sentence)}


@pytest.mark.parametrize("sentence", [
    "Copper as well as zinc output hit 2 million tonnes last year.",
    "Oil wells in the region returned to normal; copper shipments held at 300,000 tonnes.",
    "Industrial zones were hit by power cuts, curbing aluminium output by 50,000 tonnes.",
    "Copper output rose 3% to 1.2 million tonnes of contained metal.",
    "Customs data indicated 80 tonnes of lithium were shipped in May.",
    "The container seized in Rotterdam contained 12 tonnes of cobalt hydroxide, customs officials said.",
    "A Reuters poll sample of 30 analysts averaged a forecast of 27 million tonnes for copper demand.",
    "The lithium producer reported its best results ever on sales of 50,000 tonnes.",
    "Resources shares in Sydney rose 2% as iron ore prices climbed.",
    "The country's copper resources stand at around 200 million tonnes, the geological survey said.",
    "The country's budget hole was cut as copper exports rose to 900,000 tonnes.",
    "A Vale vendeu minério de ferro de alto teor para siderúrgicas chinesas.",
    "El cobre de alta ley se vende con prima en Shanghái, dijo un operador.",
    "Le charbon à teneur élevée en soufre est moins cher que le cuivre raffiné.",
    "Из-за высокого содержания мышьяка в концентрате медь продается со скидкой.",
    "La Pologne a augmenté ses réserves d'or de 20 tonnes en mai.",
    "Polonia aumentó sus reservas de oro en 20 toneladas en mayo.",
    "ЦБ увеличил запасы золота на 10 тонн за месяц.",
    "Die Goldfunde im Museum stammen aus der Bronzezeit.",
])
def test_tonnages_grades_and_holdings_are_no_discovery(sentence):
    assert "discovery" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Hole KD-12 hit 40 metres of massive sulphide copper mineralisation.",
    "High-grade zones were intersected in five holes at the lithium project.",
    "Rock-chip samples returned up to 12 g/t gold from the new vein.",
    "The gold resource now stands at 3.4 million ounces after drilling.",
    "The company's copper resources rose 20% after infill drilling.",
    "The updated estimate gives 1.2 million contained ounces of gold.",
    "The best intercept was 30 metres at 2.1 g/t gold.",
    "Los sondeos cortaron 40 metros de alta ley de cobre en el nuevo yacimiento.",
    "Геологи подтвердили высокое содержание золота в пробах из новой скважины.",
    "Les forages ont recoupé des teneurs élevées en or sur 20 mètres.",
    "La société a augmenté ses ressources de lithium de 30 %.",
    "Компания увеличила запасы золота месторождения на 50 тонн.",
    "Geologen haben einen bedeutenden Goldfund in Sachsen gemacht.",
])
def test_drill_results_and_resources_are_still_discoveries(sentence):
    assert "discovery" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Cobalt mining in Congo raises serious human rights issues, activists said.",
    "China's stimulus spending plan lifted copper prices on Monday.",
    "Shareholders approved a $5 billion share buyback at the copper miner.",
    "The nickel miner's board sanctioned a 10 million dollars bonus pool.",
    "The state released 1.5 million tonnes of aluminium from its reserves to cool prices.",
    "O governo liberou exportação de 2 milhões de toneladas de minério de ferro.",
    "México levantó el arancel de 25% a las importaciones de acero y aluminio.",
    "Indonesia levantó la prohibición de 2020 a las exportaciones de níquel.",
    "La autoridad aplicará multa de US$ 5 millones a la minera de cobre.",
    "A agência aplicou multa de R$ 10 milhões à mineradora de ouro.",
    "A mineradora de ouro comprometeu R$ 2 milhões com patrocínio de futebol.",
    "Glencore will pay in new shares for the copper assets.",
    "Компания потратит 2 года на подготовку проекта по добыче золота.",
])
def test_fines_buybacks_stock_releases_and_lifted_bans_are_no_investment(sentence):
    assert "investment" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The copper miner raised $300 million in a rights issue to fund its expansion.",
    "BHP sanctioned a $5.7 billion expansion of its copper mine.",
    "The board approved a $1.2 billion lithium refinery project.",
    "The lithium developer issued 40 million new shares to raise A$50 million.",
    "The company plans a spending programme of $2 billion at its copper mines.",
    "La minera levantó US$ 500 millones en bonos para su proyecto de cobre.",
    "O BNDES liberou R$ 400 milhões para a mina de níquel.",
    "The government released $200 million to fund the lithium refinery.",
    "Компания потратит 2 млрд рублей на строительство золотого рудника.",
])
def test_money_for_a_mine_is_still_investment(sentence):
    assert "investment" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "BHP sanctioned a $5.7 billion expansion of its copper mine.",
    "The nickel miner's board sanctioned a 10 million dollars bonus pool.",
])
def test_a_sum_sanctioned_is_no_import_measure(sentence):
    assert "import_measure" not in types(sentence)


def test_a_state_sanctioning_a_producer_is_still_an_import_measure():
    assert "import_measure" in types("The US sanctioned Russia's largest aluminium producer.")


@pytest.mark.parametrize("sentence", [
    "Chinese domestic smelters raised copper output by 5% in March.",
    "Die Preise für strategische Metalle wie Gallium stiegen kräftig.",
    "Die LME hat neue Regeln für den Nickelhandel beschlossen.",
    "Der Kupferkonzern hat neue Vorschriften für seine Händler erlassen.",
    "A national climate policy could raise demand for copper, analysts said.",
    "Congress passed a spending bill that includes tax credits for lithium battery makers.",
    "The company requires its suppliers to supply cobalt from state-owned or local mines only.",
    "Компания получила выдачу лицензии на разработку месторождения лития.",
])
def test_descriptions_exchange_rules_and_company_rules_are_no_policy(sentence):
    assert "policy" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Indonesia requires miners to build domestic smelters before exporting nickel ore.",
    "The government ordered miners to sell 20% of their gold to the central bank.",
    "Die Regierung hat Lithium als strategischen Rohstoff eingestuft.",
    "Die Regierung verschärft die Auflagen für den Kupferbergbau.",
    "Das Parlament hat neue Regeln für den Lithiumabbau beschlossen.",
    "Chile's Congress passed a mining royalty bill on copper sales.",
    "The Senate passed a bill raising taxes on copper miners.",
    "Tanzania promotes local value addition for its gold.",
])
def test_state_rules_for_mining_are_still_policy(sentence):
    assert "policy" in types(sentence)


def test_a_licence_issued_is_the_projects_milestone():
    assert "project_milestone" in types(
        "Компания получила выдачу лицензии на разработку месторождения лития.")


@pytest.mark.parametrize("sentence", [
    "Chile's copper exports remained stuck at about 400,000 tonnes a month.",
    'The port of Antofagasta closed 2024 with record copper shipments.',
    'Port fees were cut at the copper terminal.',
    "Western supply chains are held hostage by China's grip on rare earths processing.",
    'Investors questioned the rationale for power purchase agreements at the aluminium smelter.',
    'Copper producers complain about their lack of pricing power against smelters.',
    'The copper market suffers from a lack of powerful new demand drivers.',
    'Copper supply is constrained by a lack of new mines, analysts said.',
    'China cut its purchases of US copper scrap amid the trade dispute.',
    "The cobalt refinery's credit rating was cut by Moody's amid a dispute over its debt.",
    'The new copper refinery occupies a 40-hectare site near the port.',
    'The cobalt museum occupies the old mine office.',
    'The copper smelter was forced by regulators to stop dumping slag.',
    'Low nickel prices forced BHP to close its Western Australian nickel operations.',
    'The nickel mine was idled last year after prices slumped.',
    'Eramet va cesser la production de nickel en Nouvelle-Calédonie en 2026, comme prévu.',
    "Brazil's garimpeiros account for a large share of the country's gold.",
    'Os garimpeiros serão regularizados pela nova lei do ouro.',
    'Los heridos del partido de fútbol fueron atendidos en la clínica de la minera de cobre.',
    "Les blessés de la finale de football n'ont rien à voir avec le cuivre.",
    "La faute de gaz a été commise par l'arbitre, pas par les mineurs de cuivre.",
    'El oro no es mal tiempo para invertir, dijo el analista.',
    'Le projet de lithium a été bloqué par la fermeture de la banque qui le finançait.',
    'Der Kupferkonzern hat 300 neue Mitarbeiter für die Arbeit in der Hütte eingestellt.',
    'Der Defekt an der Handelsplattform der LME verzögerte die Nickelnotierung.',
    'Die Nickelpreise ruhen seit Wochen auf niedrigem Niveau.',
    'Рынок меди пострадал от торговой войны.',
    'На рынке никеля началась лавина продаж.',
    'Сель новостей о санкциях против алюминия захлестнул рынок.',
    'Ливневые стоки у медного завода отремонтировали.',
    "The nickel smelter's motor failure was quickly repaired and output was unaffected.",
])
def test_levels_metaphors_business_and_planned_steps_are_no_disruption(sentence):
    assert "disruption" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    'Copper concentrate shipments were stuck at the port for two weeks after the storm.',
    'The port of Callao was closed by heavy swells, halting copper shipments.',
    'Armed men took 12 workers hostage at the gold mine.',
    'The smelter faces power rationing this winter.',
    'Output at the copper mine was hampered by a lack of water.',
    'Zinc output was cut by 20% amid a labour dispute at the mine.',
    'Protesters occupied the copper mine for three days.',
    'Floods forced the miner to halt operations at its nickel mine.',
    'The nickel mine was idled after a flood in March.',
    "Les grévistes ont bloqué l'accès à la mine de nickel, qui a dû cesser la production.",
    'Garimpeiros invadiram a mina de ouro da empresa.',
    'La explosión en la mina de cobre dejó cinco heridos.',
    'Сель сошел на рудник, добыча золота остановлена.',
    'Ливни затопили медный карьер.',
    'Пять горняков пострадали при взрыве на медной шахте.',
    'Die Produktion in der Kupferhütte wurde nach einem Brand eingestellt.',
    'Ein Defekt an der Mühle legte die Kupfermine lahm.',
])
def test_sites_stopped_by_weather_unrest_and_failures_are_still_disruptions(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Gold prices closed 1.2% higher as fighting in the Middle East escalated.",
    "Copper prices rose as the conflict in the Middle East lifted energy costs for smelters.",
    "Copper prices jumped after a storm of speculative buying.",
    "Silver prices fell as the dollar weathered the conflict.",
    "Copper prices rose amid conflict in Congo, which exports most of the world's cobalt.",
    "Aluminium prices climbed on unrest in Guinea, lifting shares of producers.",
    "Nickel prices rose amid the conflict as the European Union weighed new sanctions on Russia.",
])
def test_a_price_moved_by_market_news_keeps_no_disruption(sentence):
    assert types(sentence) & {"price", "disruption"} == {"price"}


@pytest.mark.parametrize("sentence", [
    "Copper prices rose after a strike shut the Escondida mine.",
    "Nickel prices jumped as unrest in New Caledonia halted smelter operations.",
    "Copper prices climbed as the conflict disrupted supply from Congo's mines.",
    "El precio del cobre subió por el conflicto que paralizó la producción en Perú.",
])
def test_a_price_moved_by_a_site_stopped_keeps_its_disruption(sentence):
    assert {"price", "disruption"} <= types(sentence)


@pytest.mark.parametrize("sentence", [
    'The gold miner promised to deliver 10% returns to shareholders.',
    "The government will deliver 5% pay rises to copper miners' union members.",
    'Gold ETFs made 12 tonnes of net purchases in May.',
    'Die Erzeugerpreise für Aluminium stiegen im Mai um 3 Prozent.',
    'Das Kupferwerk erzeugt seinen Strom zu 40 Prozent aus Solarenergie.',
    'The army dispatched 500 soldiers to the gold mining region after the elections.',
    'Los envíos de dinero de los mineros de oro a sus familias aumentaron 10%.',
    'Le groupe a livré 3 avions à Air France, sans lien avec le marché du cuivre.',
])
def test_returns_purchases_soldiers_and_producer_prices_are_no_production(sentence):
    assert "production" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    'The miner expects to deliver 250,000 tonnes of copper concentrate this year.',
    'The mine made 12 tonnes of gold in the quarter.',
    'Die Hütte erzeugte im Mai 30.000 Tonnen Aluminium.',
    'The port dispatched 40,000 tonnes of copper concentrate in May.',
    'Los envíos de cobre de Chile a China subieron 5%.',
    'La mine a livré 12 000 tonnes de nickel au premier trimestre.',
    'The Browns Range project is expected to deliver about 279 000 kg/y of dysprosium.',
    'Coal dispatches from the state miner rose 6% in May.',
])
def test_quantities_made_delivered_or_dispatched_are_still_production(sentence):
    assert "production" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The copper miner refused to comment on the licence.",
    "Le groupe minier a refusé de commenter sa demande de permis pour le lithium.",
    "The lithium company denied reports that its permit had been suspended.",
    "A Polícia Federal iniciou operação contra o garimpo ilegal de ouro no Pará.",
    "Bauarbeiten an der Bahnstrecke verzögern die Kupferexporte.",
    "Проектная мощность медного завода составляет 100 тыс. тонн.",
    "The exchange launched its first lithium-linked investment product.",
])
def test_comments_police_operations_capacities_and_financial_products_are_no_milestone(sentence):
    assert "project_milestone" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The copper mine, discovered 20 years ago, received its construction permit on Monday.",
    "The regulator rejected the company's application for a lithium mining licence.",
    "A mineradora iniciou a operação da mina de ouro no Pará.",
    "Die Bauarbeiten an der neuen Lithiumraffinerie haben begonnen.",
    "Медный завод вышел на проектную мощность в мае.",
    "The mine produced its first copper concentrate in March.",
    "Its lithium hydroxide plant made first product in March.",
])
def test_site_steps_are_still_milestones(sentence):
    assert "project_milestone" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The company began mining gold at the site over 140 years ago.",
    "Broken Hill began mining of a rich orebody over 140 years ago, containing silver and zinc.",
])
def test_a_step_taken_long_ago_is_still_history(sentence):
    assert "project_milestone" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The cobalt trader faces a conflict of interest, regulators said.",
    "The lithium miner came under fire from investors over its pay policy.",
    "A cease-fire in eastern Congo lifted hopes for cobalt supplies.",
    "Cheap Indonesian nickel is flooding global markets and depressing prices.",
    "Cheap nickel opened the floodgates to Indonesian supply.",
    "Nickel investors worry that supply from Indonesia will flood the market.",
    "Talks between the two copper miners collapsed last week.",
    "Lithium prices have collapsed by 80% since 2022.",
    "Critics attacked the government's lithium policy.",
    "The two miners hope to strike a deal on lithium supplies this month.",
    "A strike at the copper mine was averted after a last-minute wage deal.",
    "Zinc rose after the union called off a planned strike.",
])
def test_idioms_of_fire_floods_strikes_and_collapse_are_no_disruption(sentence):
    assert "disruption" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "A fire at the copper smelter halted production.",
    "Floods hit the nickel mine in Sulawesi.",
    "Workers at the Escondida copper mine went on strike on Monday.",
    "The tailings dam collapsed at the iron ore mine.",
    "Gunmen attacked the gold mine's convoy.",
])
def test_fires_floods_strikes_and_attacks_at_sites_are_still_disruptions(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Le cuivre a reculé de 1 % sur les marchés financiers, inquiets de la croissance chinoise.",
    "O ouro subiu 2% nos mercados financeiros nesta segunda-feira.",
])
def test_financial_markets_are_no_investment(sentence):
    assert "investment" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "La minera obtuvo financiamiento de US$ 300 millones.",
    "La banque va financer la mine de lithium.",
])
def test_financing_is_still_investment(sentence):
    assert "investment" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "La minera declaró que su alianza estratégica con BYD impulsará el litio.",
    "A minera declarou que a parceria estratégica com a CATL impulsionará o lítio.",
    "The uranium miner outlined its strategy of selling into long-term contracts.",
])
def test_a_firms_strategic_alliance_or_strategy_is_no_policy(sentence):
    assert "policy" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "China outlined its strategy for critical minerals on Monday.",
    "El gobierno declaró el litio mineral estratégico.",
])
def test_a_states_strategy_is_still_policy(sentence):
    assert "policy" in types(sentence)


@pytest.mark.parametrize("sentence,kind", [
    ("México levantó el arancel de 25% a las importaciones de acero y aluminio.", "import_measure"),
    ("Indonesia levantó la prohibición de 2020 a las exportaciones de níquel.", "export_restriction"),
])
def test_a_measure_lifted_in_spanish_eases(sentence, kind):
    from orewire.events import direction_for
    trigger = next(t for t in sentence_events(sentence) if t.type == kind)
    assert direction_for(trigger, 0) == "easing"


@pytest.mark.parametrize("sentence", [
    "Die Kupferförderung in Chile wurde im Mai nicht unterbrochen, teilte das Ministerium mit.",
    "La decisión sobre la planta de litio se retrasó por falta de permisos.",
    "El envío de la propuesta de ley del litio se retrasó por el Congreso.",
])
def test_work_not_interrupted_or_delayed_by_permits_is_no_disruption(sentence):
    assert "disruption" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Los envíos de cobre se retrasaron por la lluvia en el puerto.",
    "Die Kupferförderung wurde wegen eines Streiks unterbrochen.",
])
def test_work_interrupted_or_delayed_by_weather_or_strikes_is_still_disruption(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Workers at the copper mine threatened strikes over pay.",
    "Possible strikes at Chilean copper mines worry traders.",
])
def test_strikes_threatened_or_possible_are_no_disruption(sentence):
    assert "disruption" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Strikes at Chilean copper mines cut output in May.",
    "Striking workers blocked the road to the copper mine.",
])
def test_strikes_held_are_still_disruptions(sentence):
    assert "disruption" in types(sentence)
