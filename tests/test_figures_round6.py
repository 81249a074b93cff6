"""Round 6 of the figure rules: a company's revenue, sales and share placements, a plant's
rate of use, a product's metal content, and the real figures beside the words those rules
read. Every sentence here is our own writing."""
from __future__ import annotations

import pytest

from tests.fixtures import row_figures as figures


@pytest.mark.parametrize("lang,text", [
    # a company's revenue, sales or turnover, and the equity it sells
    ("en", "Lithium producer Pilbara Minerals raised A$300 million in a share placement to "
     "fund its expansion."),
    ("en", "The copper miner's revenue rose to $4.1 billion in the quarter."),
    ("en", "Quarterly revenue rose 18% to $2.3 billion at the lithium miner."),
    ("en", "The gold producer reported quarterly revenue of $1.9 billion."),
    ("en", "Silver miner Hecla's full-year sales rose to $930 million."),
    ("en", "The gold miner posted record revenue of $3.6 billion."),
    ("de", "Der Umsatz des Kupferkonzerns stieg auf 4,1 Milliarden Euro."),
    ("es", "La facturación de la minera de cobre alcanzó 3.200 millones de dólares."),
    ("pt", "O faturamento da mineradora de cobre chegou a 41 bilhões de reais."),
    ("ru", "Выручка производителя меди выросла до 3 млрд долларов."),
    ("fr", "Le chiffre d'affaires du groupe de cuivre a atteint 2,1 milliards d'euros."),
    # a plant's rate of use, with the capacity unsaid
    ("en", "The copper smelter runs at 70% after power cuts, the company said."),
    ("en", "Its nickel refinery was operating at about 85% in June."),
    ("fr", "La fonderie de cuivre tourne à 60 % depuis mars."),
    ("de", "Die Kupferhütte läuft derzeit nur mit 70 Prozent."),
    ("es", "La fundición de cobre opera al 65% tras los cortes de energía."),
    ("pt", "A refinaria de níquel opera a 80% desde janeiro."),
    # a product's metal content, the product as the subject
    ("en", "An electric car uses about 80 kg of copper, four times more than a petrol car."),
    ("en", "A single wind turbine contains up to 4.7 tonnes of copper."),
    ("en", "Each wind turbine needs around 3 tonnes of copper."),
    ("de", "Ein Elektroauto enthält rund 80 kg Kupfer."),
    ("fr", "Une voiture électrique contient environ 80 kg de cuivre."),
    ("es", "Un auto eléctrico usa unos 80 kg de cobre."),
])
def test_company_accounts_rates_of_use_and_product_content_are_no_figures(analyse, lang, text):
    assert figures(analyse(text, lang)) == set()


@pytest.mark.parametrize("lang,text,expected", [
    # accounts words beside the mineral's own figures
    ("en", "The copper miner's revenue rose 12% as copper sales climbed to 310,000 tonnes.",
     {("copper", 310000)}),
    ("en", "Zambia's copper export revenue rose to $8.9 billion last year.",
     {("copper", 8.9e9)}),
    ("en", "The Meenakshi coal block is expected to generate annual revenue of Rs 1,200 crore.",
     {("coal", 12e9)}),
    ("en", "Quarterly revenue was flat, but gold production rose to 410,000 ounces and the "
     "realised gold price averaged $2,310 an ounce.", {("gold", 410000), ("gold", 2310)}),
    ("en", "After a share placement last year, the lithium developer will invest $540 million "
     "in the Kathleen Valley mine.", {("lithium", 540e6)}),
    ("en", "The nickel company raised $250 million in debt financing for its Indonesian "
     "smelter.", {("nickel", 250e6)}),
    ("en", "The group posted record revenue, and copper output hit 1.1 million tonnes.",
     {("copper", 1.1e6)}),
    ("en", "The gold miner posted record revenue, helped by an average realised gold price of "
     "$2,180 an ounce.", {("gold", 2180)}),
    ("fr", "Le chiffre d'affaires du groupe minier a atteint 2,1 milliards d'euros, tandis que "
     "la production de cuivre a grimpé à 180 000 tonnes.", {("copper", 180000)}),
    ("ru", "Выручка золотодобытчика выросла до 5,2 млрд долларов, а производство золота "
     "составило 1,6 млн унций.", {("gold", 1.6e6)}),
    # running words beside a real share
    ("en", "China's share of global cobalt refining is running at 76%.", {("cobalt", 76)}),
    ("en", "The smelter runs at full capacity and produces 300,000 tonnes of copper a year, "
     "or 12% of national output.", {("copper", 300000), ("copper", 12)}),
    ("en", "Operating at a loss, the mine still supplies 8% of the world's tin.", {("tin", 8)}),
    ("en", "Indonesia produces about 50% of the world's nickel, and its smelters run at 90%.",
     {("nickel", 50)}),
    ("en", "The refinery worked at 60% in May; it processes 20% of China's cobalt.",
     {("cobalt", 20)}),
    ("es", "Chile produce el 24% del cobre mundial.", {("copper", 24)}),
    # product words beside a real supply figure
    ("en", "Electric vehicles will use 3 million tonnes of copper a year by 2030.",
     {("copper", 3e6)}),
    ("en", "Tesla uses about 40,000 tonnes of nickel a year in its batteries.",
     {("nickel", 40000)}),
    ("en", "A single mine in Chile contains 9 million tonnes of lithium.", {("lithium", 9e6)}),
    ("en", "The battery plant uses 35,000 tonnes of lithium hydroxide a year.",
     {("lithium", 35000)}),
])
def test_real_figures_beside_the_new_cue_words_stay(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text", [
    # a company's net revenue, and a maker's sales revenue
    ("pt", "A receita líquida da mineradora de níquel foi de R$ 45 bilhões."),
    ("en", "The aluminium maker's sales revenue reached $3.4 billion."),
    # a grade after a tonnage and "at"; the ore tonnage a grade is stated over
    ("en", "The deposit hosts 85 million tonnes at 0.9% nickel."),
    ("en", "The resource totals 40 Mt @ 1.1% copper."),
    ("en", "The deposit grades 1.2% copper and 0.3 grams per tonne gold over 120 million "
     "tonnes."),
    # a rate's level stated by a verb, the rate word further back than its window
    ("en", "The export duty on unprocessed nickel ore now reaches 20%."),
    ("es", "Los aranceles a las importaciones de níquel alcanzan el 20%."),
    ("de", "Die Zölle auf Importe von Nickel erreichen 20 Prozent."),
    ("fr", "Les droits de douane sur le nickel atteignent 20 %."),
])
def test_net_revenue_grades_ore_and_rate_levels_are_no_figures(analyse, lang, text):
    assert figures(analyse(text, lang)) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("pt", "A receita líquida da mineradora foi de R$ 45 bilhões, e a produção de níquel "
     "atingiu 40 mil toneladas.", {("nickel", 40000)}),
    ("en", "The aluminium maker's sales revenue reached $3.4 billion on shipments of 1.1 "
     "million tonnes of primary aluminium.", {("aluminium", 1.1e6)}),
    # two words between a quantity and its unit
    ("en", "Newmont produced 1.6 million attributable gold ounces in the second quarter.",
     {("gold", 1.6e6)}),
    # real figures beside a tonnage and "at", a grade and "over", a rate and a verb
    ("en", "Despite the new export tariff, Indonesia's share of global nickel supply reaches "
     "55%.", {("nickel", 55)}),
    ("en", "After the royalty increase, Chile's copper output reached 5.3 million tonnes.",
     {("copper", 5.3e6)}),
    ("en", "Tariffs rose sharply; China's share of rare earth processing reached 90%.",
     {("rare_earth_elements", 90)}),
    ("es", "A pesar de los aranceles, la participación de Chile en el cobre mundial alcanza "
     "el 24%.", {("copper", 24)}),
    ("de", "Trotz der Exportsteuer erreicht der Anteil Indonesiens an der Nickelproduktion 50 "
     "Prozent.", {("nickel", 50)}),
    ("fr", "Malgré la taxe, la part de la RDC dans le cobalt mondial atteint 70 %.",
     {("cobalt", 70)}),
    ("fr", "Les droits de douane sur le nickel atteignent 20 %, alors que l'Indonésie fournit "
     "50 % du nickel mondial.", {("nickel", 50)}),
    ("en", "The mine produced 120,000 tonnes at a cost of $1.9 billion, or 8% of world copper "
     "supply.", {("copper", 120000), ("copper", 1.9e9), ("copper", 8)}),
    ("en", "Exports of 2.1 million tonnes at record prices made copper 70% of Zambia's export "
     "earnings.", {("copper", 2.1e6), ("copper", 70)}),
    ("en", "The mine produces gold at 1.8 g/t and shipped over 400,000 ounces last year.",
     {("gold", 400000)}),
    ("en", "Grades averaged 0.7% copper, and the mine produced over 210,000 tonnes of copper.",
     {("copper", 210000)}),
    ("en", "Copper grades fell 5%, yet output rose to over 1 million tonnes across its mines.",
     {("copper", 1e6)}),
])
def test_real_figures_beside_grades_rates_and_net_revenue_stay(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text", [
    # a company's result or loss in the other languages, Chile's state miner's surplus
    ("de", "Der Kupferkonzern steigerte das operative Ergebnis vor Steuern auf 350 Millionen "
     "Euro."),
    ("fr", "Le groupe de nickel a enregistré une perte de 120 millions d'euros."),
    ("es", "La minera de cobre Codelco registró excedentes por 1.700 millones de dólares."),
    # revenue opening its clause; a change and a comma before the level
    ("en", "The lithium miner's output rose. Revenue fell 43% to A$112.5 million as prices "
     "slumped."),
    ("ru", "Выручка производителя золота выросла на 30%, до 7,2 млрд долларов."),
    # a company's stock, its decimal comma no longer hiding the subject
    ("de", "Die Aktie des Kupferproduzenten verlor 3,4 Prozent auf 71,20 Euro."),
])
def test_results_losses_and_stock_in_more_wordings_are_no_figures(analyse, lang, text):
    assert figures(analyse(text, lang)) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ('de', 'Trotz eines Verlusts förderte der Konzern 1,2 Millionen Unzen Gold.',
     {('gold', 1200000)}),
    ('de', 'Der Gewinn sprudelt, weil Kupfer auf 9.800 Dollar je Tonne gestiegen ist.',
     {('copper', 9800)}),
    ('fr', "Malgré une perte, la production d'or a atteint 600 000 onces.",
     {('gold', 600000)}),
    ('es', 'Los beneficios del litio para Chile: el país exportó 240.000 toneladas de carbonato de litio.',
     {('lithium', 240000)}),
    ('pt', 'O lucro caiu, mas a produção de minério de ferro chegou a 80 milhões de toneladas.',
     {('iron_ore', 80000000)}),
    ('ru', 'Прибыль упала, но производство золота выросло до 1,5 млн унций.',
     {('gold', 1500000)}),
    ('en', 'Revenue fell as copper prices dropped to $8,100 a tonne.',
     {('copper', 8100)}),
    ('en', 'Sales volumes rose to 1.3 million ounces of gold.',
     {('gold', 1300000)}),
    ('en', "Copper revenue rose to $2.1 billion as Zambia's exports climbed.",
     {('copper', 2100000000.0)}),
    ('en', "Zambia's copper export revenue rose 20%, to $9.1 billion.",
     {('copper', 9100000000.0)}),
    ('es', 'Las exportaciones de cobre de Chile subieron un 5%, a 4.200 millones de dólares.',
     {('copper', 4200000000.0)}),
    ('de', 'Die Goldreserven der Bundesbank liegen bei 3.352 Tonnen, die Aktie von Barrick verlor 2,5 Prozent.',
     {('gold', 3352)}),
    ('de', 'China exportierte im Juli 5.000 Kilogramm Gallium.',
     {('gallium', 5000)}),
    ('en', 'China imported 9.8 million tonnes of bauxite last month and 51.2 million in the first five months.',
     {('aluminium', 9800000), ('aluminium', 51200000)}),
    ('en', 'Copper output was 2.4 million tonnes in May and 11.5 million people live in the region.',
     {('copper', 2400000)}),
    ('es', 'Las importaciones chinas de concentrado de cobre sumaron 2,4 millones de toneladas en mayo, y 11,5 millones en lo que va del año.',
     {('copper', 2400000), ('copper', 11500000)}),
    ('ru', 'Экспорт алюминия составил 1,1 млн тонн в июне и 5,9 млн с начала года.',
     {('aluminium', 1100000), ('aluminium', 5900000)}),
])
def test_real_figures_beside_results_words_and_period_totals(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == set(expected)


@pytest.mark.parametrize("lang,text", [
    # a market report's change, the comparative after the percentage
    ("de", "Der Nickelpreis notierte 0,5 Prozent fester."),
    ("de", "Aluminium gab 1,1 Prozent nach auf 2.490 Dollar."),
    ("de", "Platin notierte knapp 3 Prozent im Plus."),
    ("de", "Kupfer war damit 12 Prozent teurer als vor einem Jahr."),
    ("en", "Copper ended 0.4% firmer."),
    ("es", "La plata está un 20% más cara que en enero."),
])
def test_comparatives_after_a_percentage_are_changes(analyse, lang, text):
    assert {v for _m, v in figures(analyse(text, lang))} <= {2490}


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Aluminium gab 1,1 Prozent nach auf 2.490 Dollar.", {("aluminium", 2490)}),
    ("de", "In Gabun liegt der Anteil am Mangan bei 30 Prozent.", {("manganese", 30)}),
    ("de", "Die Aktien von Rio Tinto gewannen 2,3 Prozent, der Eisenerzpreis stieg auf 108 "
     "Dollar je Tonne.", {("iron_ore", 108)}),
    ("de", "Die Mine gewann 40 Prozent des Kupfers aus Haldenmaterial.", {("copper", 40)}),
    ("de", "Chile liefert 25 Prozent des weltweiten Kupfers, fester Bestandteil der "
     "Versorgung.", {("copper", 25)}),
    ("en", "Copper ended 0.4% firmer at $9,600 a tonne.", {("copper", 9600)}),
    ("en", "Indonesia supplies 50% of the world's nickel, and its weaker rivals the rest.",
     {("nickel", 50)}),
    ("fr", "Le cuivre est 10 % plus cher qu'il y a un an, à 9 700 dollars la tonne.",
     {("copper", 9700)}),
    ("ru", "Никель стал на 5% дороже, до 17 000 долларов за тонну.", {("nickel", 17000)}),
    ("de", "Der Anteil Chinas am Weltmarkt für Gallium liegt bei 98 Prozent, teurer wird es "
     "trotzdem.", {("gallium", 98)}),
    # a share of goods trade named as the whole of the mineral's share
    ("en", "Iron ore's share of Australia's goods exports fell to 25% last year.",
     {("iron_ore", 25)}),
])
def test_real_figures_beside_comparatives_and_goods_wholes(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "The UK imposed sanctions on Russian goods worth £4 billion, including palladium."),
    ("en", "Tariffs cover 96% of goods imported from China, including graphite."),
])
def test_goods_in_general_stay_no_figures(analyse, lang, text):
    assert figures(analyse(text, lang)) == set()


@pytest.mark.parametrize("lang,text", [
    # a move as a verb or a noun in the other languages' market reports
    ("fr", "L'once d'or a pris 1,2 % jeudi."),
    ("es", "La plata acumula una ganancia del 25% en el año."),
    ("pt", "O ouro renovou recorde, com valorização de 1,5% na sessão."),
])
def test_more_market_moves_are_changes(analyse, lang, text):
    assert figures(analyse(text, lang)) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "L'once d'or a pris 1,2 % à 2 365 dollars.", {("gold", 2365)}),
    ("fr", "La Chine a pris 70 % du marché mondial du graphite.", {("graphite", 70)}),
    ("fr", "L'Indonésie prend désormais 55 % de la production mondiale de nickel.",
     {("nickel", 55)}),
    ("es", "Chile tiene una ganancia de cuota: produce el 24% del cobre mundial.",
     {("copper", 24)}),
    ("es", "La pérdida del 30% de la producción de cobre de Panamá golpeó al mercado.",
     {("copper", 30)}),
    ("pt", "A valorização do nióbio ajudou o Brasil, que tem 90% das reservas mundiais.",
     {("niobium", 90)}),
    ("pt", "Com a valorização, o Brasil responde por 90% da produção de nióbio.",
     {("niobium", 90)}),
])
def test_real_figures_beside_the_new_move_words(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a metal-equivalent total, a percentage change between its subject and the amount
    ("en", "Copper equivalent production rose 9% to 1.9 Mt.", set()),
    ("en", "Gold equivalent output was flat, while copper production rose 9% to 1.9 Mt.",
     {("copper", 1.9e6)}),
    ("en", "The miner made 410,000 gold equivalent ounces; gold output alone rose 5% to "
     "300,000 ounces.", {("gold", 300000)}),
    ("en", "Silver production rose 12% to 26.4 million ounces.", {("silver", 26.4e6)}),
])
def test_equivalent_totals_past_a_change(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text", [
    # a company's stock past the comma of its move; a grade in the prepositional case; the
    # total of a country's reserves of foreign exchange and gold
    ("es", "Las acciones de la minera de plata subieron un 4%, a 12,30 dólares."),
    ("pt", "As ações da mineradora de lítio subiram 8%, a R$ 42,10."),
    ("ru", "Запасы месторождения никеля при среднем содержании 1,2% велики."),
    ("ru", "Золотовалютные резервы ЦБ выросли до 600 млрд долларов."),
])
def test_stock_grades_and_reserve_totals_are_no_figures(analyse, lang, text):
    assert figures(analyse(text, lang)) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Gold now makes up 9.3% of India's foreign exchange reserves, and the RBI holds 840 "
     "tonnes.", {("gold", 9.3), ("gold", 840)}),
    ("en", "The central bank's gold holdings are worth about $37 billion.", {("gold", 37e9)}),
    ("ru", "Доля золота в международных резервах России достигла 28%.", {("gold", 28)}),
    ("es", "Las acciones de la minera subieron un 4%, mientras la plata subió un 2%, a 31 "
     "dólares.", {("silver", 31)}),
    ("es", "La plata subió un 2%, a 31 dólares la onza.", {("silver", 31)}),
    ("pt", "O ouro subiu 1%, a US$ 2.400 a onça.", {("gold", 2400)}),
    ("en", "Copper rose 1.2%, to $9,700 a tonne, while shares of Antofagasta fell.",
     {("copper", 9700)}),
    ("ru", "Запасы месторождения оцениваются в 2,3 млн тонн никеля при среднем содержании 1,2%.",
     {("nickel", 2.3e6)}),
    ("ru", "Золотовалютные резервы ЦБ выросли до 600 млрд долларов, доля золота в них "
     "достигла 28%.", {("gold", 28)}),
])
def test_real_figures_beside_stock_grade_and_reserve_words(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Palladium's discount to platinum widened to $80 an ounce."),
    ("en", "The SHFE copper contract's premium over LME prices was at 150 yuan a tonne."),
])
def test_a_gap_between_two_prices_is_no_price(analyse, lang, text):
    assert figures(analyse(text, lang)) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Premium hard coking coal prices rose to $240 a tonne.", {("coking_coal", 240)}),
    ("en", "Gold traded at a premium to silver for decades; on Monday gold rose to $2,400 an "
     "ounce.", {("gold", 2400)}),
    ("en", "Copper sold at a discount, yet still fetched $9,300 a tonne.", {("copper", 9300)}),
    ("en", "Spreads tightened as copper rose to $9,800.", {("copper", 9800)}),
    ("en", "Despite a widening discount to Brent, iron ore rose to $110 a tonne.",
     {("iron_ore", 110)}),
    ("de", "Trotz eines Abschlags gegenüber Platin stieg Palladium auf 1.050 Dollar je Unze.",
     {("palladium", 1050)}),
])
def test_real_prices_beside_premium_and_discount_words(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a company's market value is no figure of its mineral
    ("en", "The nickel miner's market value has fallen to $2.1 billion.", set()),
    ("en", "The copper miner's shares have risen 35% this year, giving it a market value of "
     "$48 billion.", set()),
    # a deposit's market value and the mineral's figures beside the words stay
    ("en", "The deposit's market value of $3 billion reflects 2 million ounces of gold.",
     {("gold", 3e9), ("gold", 2e6)}),
    ("en", "The copper miner's market value fell, even as copper rose to $9,900 a tonne.",
     {("copper", 9900)}),
    ("en", "Giving it a market value edge, the lithium miner sold 50,000 tonnes of spodumene.",
     {("lithium", 50000)}),
])
def test_a_company_market_value(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a price list, the first price bare; a whole number before a scaled quantity
    ("en", "Gold and silver settled at 2,380 and 30.20 dollars an ounce, respectively.",
     {("gold", 2380), ("silver", 30.2)}),
    ("ru", "Производство никеля и меди составило 205 и 433 тыс. тонн соответственно.",
     {("nickel", 205000), ("copper", 433000)}),
    ("en", "Nickel and copper output was 205 and 433 thousand tonnes, respectively.",
     {("nickel", 205000), ("copper", 433000)}),
    # a year, a rank and a range stay out
    ("en", "In 2022 and 2023 copper output was 5 million tonnes.", {("copper", 5e6)}),
    ("en", "Among the top 10 and 1.2 million tonnes of copper shipped, Chile led.",
     {("copper", 1.2e6)}),
    ("en", "Gold traded between 2,200 and 2,600 dollars an ounce.", set()),
])
def test_a_list_shares_its_last_unit(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # an amount after an NPV joined by the language's "and" is not the NPV
    ("es", "El estudio de factibilidad estima un VAN de 1.200 millones de dólares y una "
     "producción de 25.000 toneladas anuales de carbonato de litio.", {("lithium", 25000)}),
    ("es", "El proyecto tiene un VAN de 1.200 millones de dólares y una TIR del 20%.", set()),
    ("fr", "Le projet affiche une VAN de 800 millions d'euros et un TRI de 18 %.", set()),
    # equity sold in the other languages; money invested in a mine stays
    ("pt", "A mineradora de lítio captou R$ 1,2 bilhão em uma oferta de ações para reduzir "
     "sua dívida.", set()),
    # equity raised to fund a mine or project is an investment (fig7's reading of the
    # labelling rules, seeds/figures.yaml accounts_before_patterns; was set() in round 6)
    ("pt", "A mineradora captou R$ 1,2 bilhão em uma oferta de ações para financiar o projeto "
     "de lítio.", {("lithium", 1.2e9)}),
    ("pt", "A mineradora investiu R$ 2 bilhões em uma nova mina de lítio.", {("lithium", 2e9)}),
    ("es", "La minera destinará 500 millones de dólares en una ampliación de su mina de cobre.",
     {("copper", 500e6)}),
    ("de", "Der Konzern investiert 300 Millionen Euro in eine neue Lithiumraffinerie.",
     {("lithium", 300e6)}),
])
def test_npv_joiners_and_equity_offers(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # German rates and quotas of other things set at a level
    ("de", "Die Recyclingquote von Kupfer liegt in Europa bei rund 45 Prozent.", set()),
    ("de", "Die Inflationsrate lag bei 2,2 Prozent, während der Goldpreis auf 2.400 Dollar "
     "stieg.", {("gold", 2400)}),
    ("de", "Die Arbeitslosenquote in der Bergbauregion beträgt 12 Prozent, die Mine fördert "
     "40.000 Tonnen Zink.", {("zinc", 40000)}),
    ("de", "Die Steuerquote des Kupferkonzerns lag bei 28 Prozent.", set()),
    # import reliance and shares beside the quota words stay
    ("de", "Die Importquote bei Lithium liegt bei 100 Prozent.", {("lithium", 100)}),
    ("de", "Trotz hoher Inflationsrate stieg der Anteil Chinas am Kupfermarkt auf 55 Prozent.",
     {("copper", 55)}),
    ("de", "Die Recyclingquote steigt, doch Chile liefert weiter 25 Prozent des Kupfers.",
     {("copper", 25)}),
    ("de", "Die Importabhängigkeit bei Seltenen Erden liegt bei 98 Prozent.",
     {("rare_earth_elements", 98)}),
])
def test_german_quotas_and_rates(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # revenue or sales naming what was sold open no company's accounts
    ("en", "Sales of copper rose to $2.1 billion in the quarter.", {("copper", 2.1e9)}),
    ("en", "Revenue from copper fell to $1.1 billion as prices slid.", {("copper", 1.1e9)}),
    ("en", "Sales to China of cobalt rose to $900 million.", {("cobalt", 900e6)}),
])
def test_sales_of_the_mineral_stay(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


# Round 6 narrowing (fig7): the reviewer's regressions, in our own words. A mine's and a
# country's export revenue stay beside the accounts words, the de/es/pt/ru revenue words
# need the company they belong to, "produziert mit N Prozent" is a share, and equity
# raised to fund a named mine, project or plant is an investment.
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The Tenke mine generated revenue of $2.3 billion from copper sales in 2024.",
     {("copper", 2.3e9)}),
    ("en", "Iron ore exports generated revenue of $120 billion for Australia, the treasury "
     "said.", {("iron_ore", 1.2e11)}),
    ("en", "Peru earned record revenue of $31 billion from copper exports last year.",
     {("copper", 3.1e10)}),
    ("en", "Zambia recorded export revenue of $9 billion from copper.", {("copper", 9e9)}),
    ("de", "Indonesien produziert mit etwa 50 Prozent die Hälfte des weltweiten Nickels.",
     {("nickel", 50)}),
    ("de", "Der Umsatz aus Kupferexporten stieg in Peru auf 31 Milliarden Dollar.",
     {("copper", 3.1e10)}),
    ("de", "Die Eisenerzexporte Australiens brachten 120 Milliarden Dollar Umsatz, meldete "
     "die Regierung.", {("iron_ore", 1.2e11)}),
    ("es", "La facturación de las exportaciones de litio de Chile llegó a 8.000 millones de "
     "dólares.", {("lithium", 8e9)}),
    ("pt", "O faturamento das exportações de nióbio do Brasil atingiu US$ 2 bilhões.",
     {("niobium", 2e9)}),
    ("ru", "Выручка от экспорта никеля из России составила 6 млрд долларов.",
     {("nickel", 6e9)}),
    ("ru", "Экспорт золота принёс России выручку в 20 млрд долларов.", {("gold", 2e10)}),
    ("en", "The miner raised $300 million in a share placement to fund construction of its "
     "lithium project in Nevada.", {("lithium", 3e8)}),
    ("en", "The developer raised A$120 million through a placement to build its nickel "
     "refinery.", {("nickel", 1.2e8)}),
])
def test_export_and_mine_revenue_and_funded_mines_stay(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text", [
    # the narrowed rules still read a company's accounts and its share sales
    ("en", "The copper miner raised $300 million in a share placement to pay down debt."),
    ("en", "The gold miner raised $200 million in a placement to fund its expansion."),
    ("en", "The gold producer booked revenue of $2.2 billion in the quarter."),
    ("de", "Die Umsätze der Lithiumfirma sanken auf 900 Millionen Euro."),
    ("de", "Der Kupferkonzern erzielte 17 Milliarden Euro Umsatz im Geschäftsjahr."),
    ("ru", "Выручка «Норникеля» по никелю выросла до 4 млрд долларов."),
    ("en", "Record quarterly revenue of $1.2 billion was reported by the copper miner."),
])
def test_narrowed_accounts_rules_keep_their_purpose(analyse, lang, text):
    assert figures(analyse(text, lang)) == set()


@pytest.mark.parametrize("lang,text,expected", [
    # the bare de/es/pt/ru revenue word opening its clause with a verb of results, the
    # company named before: accounts, like English "Revenue fell ... to"
    ("es", "Codelco produjo más cobre. La facturación alcanzó 3.200 millones de dólares.",
     set()),
    ("pt", "A Vale produziu mais minério de ferro. O faturamento chegou a 41 bilhões de "
     "reais.", set()),
    ("de", "Aurubis verarbeitete mehr Kupfer. Der Umsatz stieg auf 17 Milliarden Euro.",
     set()),
    ("ru", "Норникель увеличил выпуск никеля. Выручка выросла на 30%, до 7,2 млрд долларов.",
     set()),
    # what was sold named right after the word: export revenue, a figure
    ("de", "Der Umsatz aus dem Lithiumexport Chiles stieg auf 8 Milliarden Dollar.",
     {("lithium", 8e9)}),
    ("es", "La facturación por exportaciones de cobre creció hasta 50.000 millones de "
     "dólares.", {("copper", 5e10)}),
    ("pt", "O faturamento com exportações de minério de ferro subiu para US$ 30 bilhões.",
     {("iron_ore", 3e10)}),
    ("ru", "Выручка от продажи золота за рубеж выросла до 20 млрд долларов.",
     {("gold", 2e10)}),
    ("ru", "Выручка с экспорта угля составила 38 млрд долларов.", {("coal", 3.8e10)}),
    ("es", "Chile vendió cobre por 50.000 millones de dólares y la facturación subió.",
     {("copper", 5e10)}),
])
def test_bare_revenue_words_opening_their_clause(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # equity raised for a mine or project a few words on is an investment; raised for
    # debt, general purposes or with no purpose it stays the company's
    ("en", "Ivanhoe raised $575 million in a placement, to fund development of the Kamoa "
     "copper project.", {("copper", 5.75e8)}),
    ("en", "The company raised C$200 million via a bought-deal share offering for the "
     "development of its lithium project in Quebec.", {("lithium", 2e8)}),
    ("fr", "Le groupe a levé 300 millions d'euros lors d'une augmentation de capital pour "
     "financer sa mine de lithium.", {("lithium", 3e8)}),
    ("es", "La minera recaudó 400 millones de dólares en una ampliación de capital para "
     "financiar su proyecto de cobre.", {("copper", 4e8)}),
    ("en", "The nickel developer raised $90 million in a rights issue to pay down debt at its "
     "nickel mine.", set()),
    ("en", "The copper miner raised $1 billion in new equity for general corporate purposes.",
     set()),
    ("en", "The gold miner raised $250 million through a share sale, it said on Monday.",
     set()),
])
def test_equity_for_a_mine_is_an_investment(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a mine or exports reporting revenue: the mineral's; a company reporting it: accounts
    ("en", "The Escondida mine reported revenue of $9 billion from copper sales last year.",
     {("copper", 9e9)}),
    ("en", "The Kolwezi mine recorded revenue of $1.4 billion from cobalt in 2024.",
     {("cobalt", 1.4e9)}),
    ("en", "Iron ore exports recorded revenue of $120 billion, the treasury said.",
     {("iron_ore", 1.2e11)}),
    ("en", "The copper miner reported revenue of $4 billion for the quarter.", set()),
])
def test_a_mine_reporting_revenue_keeps_it(analyse, lang, text, expected):
    assert figures(analyse(text, lang)) == expected
