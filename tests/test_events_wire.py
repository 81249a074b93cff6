"""Supply events in the wording of wire copy we had not met: nominal and passive forms
("a halt to operations at", "output was crimped by heavy rainfall"), verbs far from the
mineral, the mineral as a modifier ("the lithium project"), headlines without verbs, and
the near misses of the same words (a strike averted, a fire a battery can catch, a trading
halt, a popular investment, a company's strategy, the European Commission). Every sentence
is our own writing; each failed before the rules it tests."""
from __future__ import annotations

import pytest

from orewire.events import sentence_events


def types(sentence):
    return {t.type for t in sentence_events(sentence)}


@pytest.mark.parametrize("sentence", [
    "Gold production was knocked back by a shortage of cyanide.",
    "Cobalt output fell after artisanal miners invaded the concession.",
    "Seaborne iron ore supply tightened after a derailment on the Pilbara line.",
    "Production at the copper mine has been offline since a tailings breach.",
    "Aluminium smelter curtails output amid gas shortage.",
    "The copper smelter lost two weeks of output to unscheduled maintenance.",
    "Cobalt supply was cut off when the border crossing was closed.",
    "Zinc production was hampered by water ingress at the mine.",
    "Lithium brine operations were stopped by a court injunction.",
    "Armed men kidnapped staff at the gold mine.",
    "Mine invasion cuts gold output at Porgera.",
    "Power crunch hits Guinea bauxite miners.",
    "Cobalt and copper output at the mine was curtailed by a lack of acid.",
    "Output at the tin mine was crippled by a fuel shortage.",
    "Nach einem Wassereinbruch ist die Förderung in der Kalimine eingestellt.",
    "Die Zinkhütte wurde nach einem Störfall heruntergefahren.",
    "Wegen der Dürre mussten die Aluminiumhütten ihre Produktion zurückfahren.",
    "In der Nickelmine kam es zu einem Betriebsausfall.",
    "La fonderie d'aluminium a dû réduire sa production faute de gaz.",
    "Um desmoronamento na mina de ouro deixou dois feridos.",
    "A falta de energia obrigou a parada da mina de cobre.",
    "A mina de lítio teve as atividades suspensas por ordem judicial.",
    "Добыча золота на руднике временно приостановлена.",
    "Сбой в энергоснабжении остановил работу алюминиевого завода.",
    "Zinc concentrate output slumped after a rock burst sealed off the lower levels of the mine.",
    "The nickel processing plant went dark for 48 hours when the grid tripped.",
    "Unauthorised miners have overrun the gold concession, the company said.",
    "A crack in the tailings wall forced the copper miner to stop processing.",
    "Lithium output was crimped by brine evaporation problems in a cold, wet summer.",
    "Die Nickelproduktion ruht seit einem Felssturz in der Mine.",
    "Ein Hangrutsch hat die Zufahrt zur Kupfermine verschüttet.",
    "Arbeiter der Goldmine legten die Arbeit nieder.",
    "Die Produktion in der Zinkhütte fiel wegen eines Defekts am Ofen aus.",
    "Les mineurs de la mine de cuivre ont cessé le travail pour réclamer des hausses de salaire.",
    "La escasez de agua obligó a reducir la producción de litio.",
    "Рудник по добыче олова затопило после ливней.",
    "Горняки золотого рудника отказались спускаться в шахту.",
    "Glencore said on Tuesday that work at its Kazakh zinc operations had been interrupted for several days after a slope gave way at one of the open pits.",
    "Output from the Indonesian nickel mine was curtailed in the third quarter as a dispute with the regional government over land compensation dragged on.",
    "Shipments of iron ore from the port were stuck for three days after a ship ran aground in the channel.",
    "Aluminium production at the smelter was cut by a third after the utility rationed electricity during a heatwave.",
    "Gold recoveries at the plant fell after a mill liner failure.",
    "Les exportations de manganèse ont été bloquées par la fermeture de la voie ferrée.",
    "Los envíos de cobre se retrasaron por el cierre del puerto debido al mal tiempo.",
    "A produção de ouro na mina foi prejudicada pela falta de energia elétrica.",
    "Из-за схода лавины отгрузка угля с разреза прекращена.",
    "Production at the Zambian copper mine has been hit by a shortage of sulphuric acid since March.",
    "Freeport's Grasberg copper and gold mine remained closed on Monday following a deadly mud rush.",
    "Добычу меди на руднике остановили из-за прорыва воды.",
    "Coal India's output took a hit as incessant rains lashed mining areas in Odisha.",
    "The copper belt mine has been crippled by vandalism of its power infrastructure.",
    "Zambia's copper mines are battling load shedding of up to 20 hours a day.",
    "Anglo American Platinum flagged a production shortfall after a shaft incident.",
    "Die Kupfermine musste wegen Wassermangels ihre Förderung herunterfahren.",
])
def test_disruption_in_wire_wording(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The miner plans to pour $1.5 billion into its nickel operations.",
    "The uranium developer tapped investors for C$40 million.",
    "Lithium startup closes $60 million Series B.",
    "The cobalt refinery will cost $500 million to build.",
    "Sustaining capital at the copper mine is forecast at $400 million.",
    "Shareholders took up A$15 million of new shares to advance the rare earths project.",
    "The group will plough another $800m into its iron ore operations.",
    "The miner unveiled a $3 billion spending plan for copper growth.",
    "The lithium mine's initial capital cost is estimated at $1.2 billion.",
    "A $90 million equity injection will keep the tin mine going.",
    "The miner approved a $1.2 billion expansion of its copper mine.",
    "Eine Kapitalerhöhung bringt dem Kupferproduzenten 80 Millionen Euro.",
    "La empresa levantó US$ 30 millones para la exploración de oro.",
    "El proyecto de litio recibió una inyección de capital de 200 millones.",
    "La compañía anunció un desembolso de 400 millones para su mina de plata.",
    "A mineradora vai desembolsar US$ 300 milhões na expansão da mina de cobre.",
    "Капитальные затраты на литиевый проект оцениваются в 1 млрд долларов.",
    "Компания потратит 30 млрд рублей на расширение медного рудника.",
    "The miner set aside $600 million to build a second lithium train.",
    "The graphite company tapped the bond market for $250 million.",
    "Gold junior completes oversubscribed A$18 million raise.",
    "The state fund took a $300 million preferred equity position in the lithium developer.",
    "Tin miner secures equity backing to restart its smelter.",
    "The rare earths miner sold shares worth A$100 million to pay for its processing plant.",
    "A $2 billion war chest will go toward the miner's copper projects.",
    "El grupo inyectará 150 millones en su planta de níquel.",
    "O banco liberou R$ 400 milhões para a usina de lítio.",
    "The Indian government approved an outlay of Rs 16,300 crore for the National Critical Mineral Mission, which covers lithium and cobalt.",
    "Chinese investors are bankrolling most of the nickel smelters being built in Sulawesi.",
    "La estatal chilena comprometió US$ 800 millones para la nueva planta de litio.",
    "O fundo vai aplicar R$ 500 milhões em projetos de terras raras.",
    "Gold explorer bags A$10 million from cornerstone investor.",
    "Vedanta has lined up Rs 5,000 crore for expanding its aluminium smelter.",
    "The company will deploy $800 million of capital into the copper project over two years.",
    "Afreximbank approved a $300 million facility for the Zambian copper refinery.",
    "The state miner ploughed back 40% of its profit into new lithium capacity.",
    "The group closed a $60 million debt round to advance its graphite mine.",
])
def test_investment_in_wire_wording(sentence):
    assert "investment" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "High-grade hits at the gold prospect sent the shares soaring.",
    "Trenching exposed visible gold over 50 metres.",
    "Rock chip samples returned up to 12% lithium oxide.",
    "The drilling confirmed a thick zone of nickel sulphide mineralisation.",
    "Channel sampling at the silver prospect graded up to 800 g/t.",
    "A new rare earth province has been outlined in Greenland.",
    "Exploration uncovered a large zinc-lead system.",
    "Assays from the first holes show broad copper intervals.",
    "The company reported its best hole to date: 120m grading 0.9% copper.",
    "Nickel explorer strikes massive sulphides.",
    "The gold resource now stands at 3.4 million ounces.",
    "Results confirm a high-grade copper-gold porphyry at depth.",
    "Bonanza gold grades returned from the step-out hole.",
    "The explorer's first hole struck copper at 300 metres.",
    "Wide zones of copper mineralisation were encountered in all five holes.",
    "Das Unternehmen meldete hochgradige Bohrergebnisse aus seinem Nickelprojekt.",
    "Neue Erzfunde in Schweden lassen auf Seltene Erden hoffen.",
    "La société a recoupé 30 mètres à 2 % de cuivre.",
    "Les forages ont confirmé une minéralisation de nickel.",
    "Les sondages ont livré des teneurs élevées en or.",
    "Las reservas de la mina de cobre aumentaron 15%.",
    "Бурение подтвердило высокие содержания меди.",
    "The step-out hole cut 60 metres of spodumene-bearing pegmatite.",
    "Drillers pulled up core showing semi-massive nickel sulphides.",
    "The gold explorer returned its best intercept yet from the northern zone.",
    "A bonanza-grade silver vein was hit in the first hole of the programme.",
    "The copper-gold porphyry target has now been drilled over 1.2km of strike.",
    "New tin lodes were identified beneath the old workings.",
    "The zinc project's indicated tonnage was doubled by infill drilling.",
    "Lithium-rich clays have been found in the basin, the survey said.",
    "Die Bohrkerne zeigen sichtbares Gold.",
    "La exploración encontró vetas de plata de alta ley.",
    "A sondagem revelou teores elevados de ouro.",
    "Запасы никеля на месторождении прирастут на 20%.",
    "Shares jumped 40% after the company reported a 120-metre intercept grading 1.1% copper from its Arizona project.",
    "The survey detected a large lithium brine aquifer beneath the salt flat.",
    "The mineral resource for the tin project now totals 20 million tonnes at 0.8% tin.",
    "Ongoing drilling at the gold project keeps extending the high-grade shoots at depth.",
    "Im Projekt wurden mächtige Zonen mit Nickelmineralisierung durchbohrt.",
    "La compañía reportó intercepciones de alta ley en su proyecto de cobre.",
    "The copper explorer struck visible chalcopyrite in three holes.",
    "Le projet de lithium affiche une ressource augmentée de 30 %.",
    "A empresa encontrou lítio em rochas pegmatíticas no Vale do Jequitinhonha.",
    "A companhia confirmou a existência de um depósito de nióbio em Minas Gerais.",
])
def test_discovery_in_wire_wording(sentence):
    assert "discovery" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Regulators signed off on the uranium mine.",
    "The gold mine poured its first bar.",
    "Official opening of the antimony smelter drew the president.",
    "Ground was broken on the copper smelter in March.",
    "The cobalt plant was mothballed indefinitely.",
    "Its lithium hydroxide plant made first product in March.",
    "The gold project won its environmental authorisation.",
    "Pre-stripping began at the iron ore pit.",
    "The nickel mine shipped its maiden cargo of ore.",
    "Cobalt refinery begins operations.",
    "The uranium mine is back in production after a decade.",
    "Die Kupfermine geht 2026 in Produktion.",
    "Das Lithiumwerk läuft seit Mai im Probebetrieb.",
    "Começaram as obras da fábrica de terras raras.",
    "Рудник вышел на проектную мощность по добыче меди.",
    "Shipments of spodumene concentrate from the new mine got under way in July.",
    "The copper smelter's rebuild is finished and it is back online.",
    "Die Bauarbeiten für die Lithiumraffinerie haben begonnen.",
    "L'usine de lithium a produit ses premières tonnes d'hydroxyde.",
    "Arrancó la producción en la nueva mina de litio.",
    "A mina de níquel iniciou as operações em março.",
    "The mine's operating licence was renewed for another 25 years.",
    "The Environmental Protection Agency rejected the copper mine's application.",
    "The uranium mill was brought back into service after ten years on standby.",
    "La fundición de cobre inició su marcha blanca en agosto.",
    "The nickel smelter began trial production in September.",
    "Die Lithiummine hat die kommerzielle Förderung aufgenommen.",
])
def test_project_milestone_in_wire_wording(sentence):
    assert "project_milestone" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The miner churned out 1.1 million tonnes of copper last year.",
    "The gold miner poured 520,000 ounces in 2024.",
    "The smelter made 300,000 tonnes of aluminium last year.",
    "The mine yielded 40,000 ounces of gold in the quarter.",
    "Coal dispatches from the state miner rose 6% in May.",
    "Operating rates at Chinese copper smelters dropped to 70%.",
    "Die Hütte erzeugte 250.000 Tonnen Aluminium.",
    "Der Absatz von Eisenerz ging um 5 Prozent zurück.",
    "La mine a extrait 2 millions de tonnes de minerai de fer.",
    "Les livraisons de nickel ont progressé de 5 %.",
    "La minera extrajo 1,5 millones de toneladas de cobre.",
    "Los envíos de cobre crecieron 3%.",
    "A Vale extraiu 80 milhões de toneladas de minério de ferro.",
    "Os embarques de minério de ferro cresceram 4%.",
    "Компания добыла 500 тыс. тонн меди.",
    "Отгрузки железной руды сократились на 7%.",
    "The lithium mine turned out 250,000 tonnes of spodumene.",
    "The smelter is operating at full tilt, turning out 500,000 tonnes of aluminium a year.",
    "La mine a livré 40 000 tonnes de cuivre.",
])
def test_production_in_wire_wording(sentence):
    assert "production" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The parliament passed a new mining bill raising the state's stake in copper projects.",
    "Chile's national lithium policy gives the state miner control.",
    "Beijing tightened rules on rare earth mining.",
    "The government imposed a windfall levy on iron ore miners.",
    "A new mining tax on copper takes effect in January.",
    "Lithium wurde zum strategischen Rohstoff erklärt.",
    "Das neue Bergbaugesetz erhöht die Abgaben auf Gold.",
    "Le lithium figure désormais sur la liste des matières premières critiques.",
    "Правительство повысило НДПИ на золото.",
    "The state will take a golden share in all new lithium mines.",
    "Lawmakers voted to raise the tax on copper miners' profits.",
    "The ministry capped the number of new gold mining licences.",
    "Indonesia obliged nickel miners to sell ore to domestic smelters.",
    "Die Regierung verschärft die Auflagen für den Lithiumabbau.",
    "El gobierno subió el impuesto a la minería del cobre.",
    "O governo aumentou a alíquota da CFEM sobre o ouro.",
    "Государство повысило ставку налога на добычу золота.",
    "Zimbabwe ordered lithium miners to submit plans for local refineries.",
    "Ghana's parliament passed a bill to let the central bank buy locally produced gold.",
    "Mongolia wants a 34% stake in strategic copper deposits under its new minerals law.",
    "Die Regierung will den Abbau von Lithium im eigenen Land mit einem neuen Gesetz fördern.",
    "Le gouvernement a suspendu l'octroi de nouveaux permis miniers pour l'or.",
    "México declaró el litio patrimonio de la nación.",
    "Правительство ввело мораторий на выдачу лицензий на добычу золота.",
    "The Centre notified new rules for auctioning critical mineral blocks, including lithium.",
    "Tanzania will require gold miners to sell 20% of output to the central bank.",
    "Das Land fordert die Verarbeitung von Lithiumerz im Inland.",
])
def test_policy_in_wire_wording(sentence):
    assert "policy" in types(sentence)


@pytest.mark.parametrize("sentence, not_type", [
    ("The union reached a wage deal, averting a strike at the copper mine.", "disruption"),
    ("The gold mine has operated without a lost-time injury for two years.", "disruption"),
    ("Lithium batteries can catch fire if they are damaged.", "disruption"),
    ("A flood of cheap aluminium from Asia hurt margins at US rolling mills.", "disruption"),
    ("Cobalt is used in jet engines and fire-resistant alloys.", "disruption"),
    ("Trading in the silver miner's shares was halted pending an announcement.", "disruption"),
    ("Analysts said the copper market could tip into deficit if a strike hits Chile.", "disruption"),
    ("Gold is seen as a hedge against conflict and inflation.", "disruption"),
    ("The silver market is flooded with scrap from India.", "disruption"),
    ("The company's shares collapsed after it cut its gold guidance.", "disruption"),
    ("The gold miner expects no disruption from the election.", "disruption"),
    ("The copper miner said it had no plans to halt operations.", "disruption"),
    ("Rescue teams practised an evacuation drill at the gold mine.", "disruption"),
    ("Gold is a popular investment in times of crisis.", "investment"),
    ("Lithium stocks rallied as funding costs fell.", "investment"),
    ("Zambia's budget relies heavily on copper revenue.", "investment"),
    ("Pesquisadores descobriram que o lítio pode ser reciclado.", "discovery"),
    ("The European Commission said copper demand would double by 2040.", "project_milestone"),
    ("Brokers cut commissions on gold futures trading.", "project_milestone"),
    ("The lithium price report was commissioned by the industry body.", "project_milestone"),
    ("The company permitted analysts to visit its nickel mine.", "project_milestone"),
    ("The ministry granted the reporter an interview on lithium.", "project_milestone"),
    ("The lithium plant's first quarter output rose 10%.", "project_milestone"),
    ("Shareholders approved the gold miner's annual accounts.", "project_milestone"),
    ("La Commission européenne veut réduire la dépendance au lithium chinois.", "project_milestone"),
    ("La comisión de valores investiga a la minera de litio.", "investment"),
    ("The miner's growth strategy focuses on copper.", "policy"),
    ("The fund bought a royalty on the copper mine.", "policy"),
    ("The company's hedging strategy locks in gold prices.", "policy"),
    ("Analysts see a copper strategy shift at the miner.", "policy"),
    ("The zinc miner sold a royalty to a streaming company.", "policy"),
    ("La stratégie de l'entreprise repose sur le cuivre.", "policy"),
    ("La estrategia de la minera se centra en el litio.", "policy"),
    ("A estratégia da empresa prioriza o níquel.", "policy"),
    ("Стратегия компании нацелена на рост добычи... меди не касается.", "policy"),
    ("A lithium battery fire destroyed the warehouse.", "disruption"),
    ("A copper pipe burst flooded the basement.", "disruption"),
    ("Lithium shares fell after a short-seller attack.", "disruption"),
])
def test_near_misses_of_the_wire_wording(sentence, not_type):
    assert not_type not in types(sentence)


@pytest.mark.parametrize("sentence, expected", [
    # a price moved by a world event is the market's news; a site's loss is still named
    ("Gold prices rose as fighting escalated in the region.", False),
    ("Silver prices climbed on unrest in the Middle East.", False),
    ("Copper prices jumped after a strike at the Chilean mine.", True),
    ("Tin prices soared after fighting halted mining in Wa State.", True),
    ("Supply worries after the earthquake pushed tin prices to $40,000 a ton.", True),
])
def test_a_price_moved_by_a_world_event_is_no_disruption(sentence, expected):
    assert ("disruption" in types(sentence)) is expected


def test_leading_groups_and_lookbehinds_move_under_their_first_letter():
    from orewire.events import _letter_first, _stems
    assert _letter_first("(?:hole|rig)s? struck") == ["holes? struck", "rigs? struck"]
    assert _letter_first("(?:ore )?reserves") == ["ore reserves", "reserves"]
    assert _letter_first("(?<!avert a )(?<!if a )strike") == ["s(?<!avert a s)(?<!if a s)trike"]
    assert _letter_first("(?:a|b)+x") == ["(?:a|b)+x"]
    words = ["(?:hole|drill hole)s? (?:\\w+ ){0,2}struck", "(?:mineral |ore )?resources? stand",
             "(?<!averting a )(?<!if a )strike", "(?:mit dem |den )?(?:abbau|bau)\\w* begonnen",
             "(?<![$€])\\d+ ?%", "(?:a|b)*c"]
    plain, grouped = _stems(words), _stems(words, by_letter=True)
    for text in ["The drill hole then struck ore", "Ore resources stand at 3 Moz",
                 "averting a strike", "if a strike hits", "a strike at the mine",
                 "Mit dem Abbau wurde begonnen", "den Bau begonnen", "$5 % and 5 %", "bbc",
                 "STRIKE!", "nothing"]:
        a, b = plain.search(text), grouped.search(text)
        assert (a and a.start()) == (b and b.start()), text


@pytest.mark.parametrize("sentence, not_type", [
    # a step taken decades ago is the site's history
    ("The town began mining silver over 140 years ago.", "project_milestone"),
    ("The zinc smelter was commissioned three decades ago.", "project_milestone"),
    ("La mine d'or a été mise en service il y a plus de 100 ans.", "project_milestone"),
    ("La mina de cobre inició la producción hace más de 50 años.", "project_milestone"),
    ("Die Kupfermine wurde vor 80 Jahren in Betrieb genommen.", "project_milestone"),
    ("Добыча золота на руднике началась 100 лет назад.", "project_milestone"),
    # a finance ministry is no financing
    ("The Finance Ministry imposed an anti-dumping duty on aluminium foil.", "investment"),
    ("The Ministry of Finance said gold imports rose in May.", "investment"),
    ("The finance minister said copper revenue would fall.", "investment"),
])
def test_history_and_finance_ministries_state_no_step_or_funding(sentence, not_type):
    assert not_type not in types(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("The lithium mine is expected to deliver 30,000 tonnes a year.", "production"),
    ("The plant will deliver about 5,000 tonnes of cobalt in its first year.", "production"),
    ("The copper mine began production in March.", "project_milestone"),
    ("The company will finance the copper mine with debt.", "investment"),
])
def test_a_tonnage_delivered_is_output_and_recent_steps_still_count(sentence, expected):
    assert expected in types(sentence)


@pytest.mark.parametrize("sentence, not_type", [
    # market talk in the new words' shapes
    ("Silver was stuck below $30 after the Fed meeting.", "disruption"),
    ("Gold's safe-haven appeal was bolstered by the conflict.", "disruption"),
    ("National monetary policy weighed on gold.", "policy"),
    ("Copper mining policy in Chile is stable, analysts said.", "policy"),
    ("The aluminium industry has a domestic smelting overcapacity.", "policy"),
    ("Rising capital costs are delaying new copper mines.", "investment"),
    ("Cornerstone of the gold market is Asian demand.", "investment"),
    ("Platinum's flow-through to jewellery demand is limited.", "investment"),
    ("Lithium prices were dented by oversupply problems.", "disruption"),
])
def test_market_talk_in_the_new_words_shapes_states_no_event(sentence, not_type):
    assert not_type not in types(sentence)
