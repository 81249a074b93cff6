"""orewire.lexicon: more senses of mineral words in the six languages (sport without a medal
word, record sales, colours and finishes of products, medicine and nutrition, Latin American
"plata" as money, Portuguese "grafite" as graffiti, metaphors of new wealth, idioms of lead,
a thing counted with "a", a person's age, firms' and tiers' names, players' positions) and
the materials beside them that stay minerals. Every sentence is written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang,text", [
    # sport with no medal word: a place settled for, a title kept, a prize bagged, a
    # person who won, a team sport, a biathlete's run, a national team
    ("en", "She added a second gold to the silver she won in Paris."),
    ("en", "The 19-year-old settled for silver after a false start in the final."),
    ("en", "He struck gold again in Budapest, retaining his world title."),
    ("en", "Canada's women's hockey team had to settle for silver once more."),
    ("en", "He bagged silver in the 200m backstroke."),
    ("de", "Die Biathletin lief zu Silber und jubelte im Ziel."),
    ("es", "La selección femenina se bañó en oro en los Juegos Centroamericanos."),
    # record sales certified, the false friend blocking the first metal only
    ("en", "Her debut record went gold in Canada and platinum in Australia."),
    ("en", "The platinum-selling singer cancelled her Asian tour."),
])
def test_prizes_without_a_medal_word(ids, lang, text):
    assert ids(text, lang) == set()


@pytest.mark.parametrize("lang,text", [
    # listed with colours (an item of two words, a list of colour-prone words, the word
    # "colours" before them, "finishes" after them)
    ("en", "The iPhone comes in gold, silver and space grey."),
    ("en", "The laptop is available in graphite and silver finishes."),
    ("de", "Das neue iPhone gibt es in den Farben Gold, Silber und Graphit."),
    ("de", "Die Farbe Kupfer liegt im Trend, sagen Friseure."),
    # a colour or a finish right after it, a modifier right before it
    ("en", "She wore a cobalt-blue dress to the premiere."),
    ("en", "A copper-haired boy was reported missing in Leeds."),
    ("en", "The platinum-haired actress walked the red carpet."),
    ("en", "The mayor's silver-grey Volvo was stolen overnight."),
    ("en", "The new phone has a graphite finish and a larger screen."),
    ("en", "The watch has a gold-tone case and a leather strap."),
    ("en", "Shoppers queued for the limited gold edition of the console."),
    ("en", "The rose gold model sold out within hours."),
    # the colour of a named product
    ("en", "Police are looking for a silver Honda Civic seen leaving the scene."),
    ("en", "The suspect fled in a gold Mercedes, witnesses said."),
    ("en", "A silver Ford Focus was seen near the school."),
])
def test_colours_and_finishes_of_products(ids, lang, text):
    assert ids(text, lang) == set()


@pytest.mark.parametrize("lang,text", [
    ("en", "Patients on lithium need regular blood tests to check kidney function."),
    ("en", "Doctors recommend iron and zinc for children with anaemia."),
    ("en", "Low selenium levels in the diet were linked to thyroid disease."),
    ("en", "Vitamin D, zinc and magnesium sales soared during the pandemic, pharmacists said."),
    ("de", "Ärzte empfehlen Zink und Vitamin C bei Erkältungen."),
    ("de", "Lithium wird seit Jahrzehnten gegen bipolare Störungen eingesetzt."),
    ("de", "Magnesium hilft gegen Wadenkrämpfe, sagen viele Sportler."),
    ("de", "Zink und Selen stärken das Immunsystem, rät die Apothekerin."),
    ("de", "Die Ärztin verschrieb ihr Lithium gegen die Depression."),
    ("fr", "Le lithium est prescrit aux patients atteints de troubles bipolaires."),
    ("fr", "Une carence en zinc affaiblit le système immunitaire."),
    ("fr", "Les patients sous lithium doivent surveiller leur thyroïde."),
    ("fr", "Une cure de magnésium contre la fatigue, conseille le pharmacien."),
    ("es", "El litio se receta a pacientes con trastorno bipolar."),
    ("es", "Los suplementos de zinc ayudan contra el resfriado, según el estudio."),
    ("es", "El litio, un fármaco para el trastorno bipolar, requiere controles."),
    ("pt", "O lítio é usado no tratamento do transtorno bipolar."),
    ("pt", "Suplementos de zinco podem reduzir a duração do resfriado."),
    ("pt", "Lítio é indicado para pacientes bipolares."),
    ("ru", "Литий назначают пациентам с биполярным расстройством."),
    ("ru", "Добавки цинка помогают при простуде, считают врачи."),
    ("ru", "Литий помогает при биполярном расстройстве."),
])
def test_medicine_and_nutrition_are_not_the_commodity(ids, lang, text):
    assert ids(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Lithium, the metal in most EV batteries, is also prescribed for bipolar "
           "disorder.", {"lithium"}),
    ("en", "Lithium demand from battery makers doubled, while doctors still prescribe "
           "lithium.", {"lithium"}),
    ("en", "Zinc is essential for the immune system, and zinc mining in Peru is booming.",
     {"zinc"}),
    ("en", "Patients' groups protested outside the lithium refinery.", {"lithium"}),
    ("ru", "Врачи назначают литий при депрессии, а добыча лития растёт.", {"lithium"}),
])
def test_medicine_beside_the_battery_or_the_market_keeps_the_mineral(ids, lang, text,
                                                                      expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text", [
    # Latin American "plata" is money
    ("es", "Falta plata en las provincias, reconoció el ministro de Economía."),
    ("es", "La gente no tiene plata para llegar a fin de mes."),
    ("es", "Argentina: la gente ya no tiene plata para comprar carne."),
    ("es", "Con la plata del préstamo pagaron a los jubilados."),
    # Portuguese "grafite" is graffiti too
    ("pt", "Artistas de grafite pintaram o muro da escola."),
    ("pt", "O grafite do artista virou ponto turístico em São Paulo."),
    ("pt", "A pichação e o grafite tomaram conta do centro."),
])
def test_money_and_graffiti(ids, lang, text):
    assert ids(text, lang) == set()


@pytest.mark.parametrize("lang,text,expected", [
    ("es", "México tiene plata de sobra: es el mayor productor del mundo.", {"silver"}),
    ("es", "El precio de la plata subió, pero en Argentina falta plata.", {"silver"}),
    ("pt", "O grafite natural de Minas Gerais abastece fábricas de baterias.",
     {"graphite"}),
])
def test_the_metal_beside_money_and_graffiti(ids, lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # metaphors of new wealth: a gold rush of a new industry, "the new gold", a gold
    # mine for historians, worth gold
    ("en", "Investors piled into the AI gold rush this year.", set()),
    ("en", "The startup is riding the generative AI gold rush.", set()),
    ("en", "The lithium gold rush in Nevada has drawn dozens of explorers.", {"lithium"}),
    ("en", "The archive is a gold mine for historians of the war.", set()),
    ("en", "Data is the new gold, the minister told the conference.", set()),
    ("de", "Der Daten sind das neue Gold, sagte die Digitalministerin.", set()),
    ("es", "Ese gol vale oro para el equipo.", set()),
    ("pt", "O técnico disse que o jogador vale ouro.", set()),
    # oil, lithium, cotton named after gold
    ("de", "Schwarzes Gold: Der Ölpreis stieg auf 85 Dollar je Barrel.", set()),
    ("de", "Das weiße Gold der Anden: Chile will mehr Lithium fördern.", {"lithium"}),
    ("es", "El oro negro sigue siendo la principal exportación de Venezuela.", set()),
    ("es", "El oro blanco de Argentina: el litio atrae inversiones.", {"lithium"}),
    ("pt", "O ouro negro ainda move a economia do estado do Rio.", set()),
    ("pt", "O ouro branco do Nordeste, o algodão, volta a crescer.", set()),
    ("ru", "Чёрное золото остаётся главной статьёй экспорта страны.", set()),
    ("ru", "Белое золото Узбекистана — хлопок — собирают вручную.", set()),
    ("ru", "Чёрное золото по-прежнему кормит бюджет.", set()),
    # idioms of lead; French "nickel" (spotless)
    ("fr", "Le projet de loi a du plomb dans l'aile.", set()),
    ("fr", "Une chape de plomb s'est abattue sur la ville après l'attentat.", set()),
    ("fr", "Un soleil de plomb écrasait la ville samedi.", set()),
    ("fr", "Les années de plomb ont marqué l'Italie.", set()),
    ("fr", "Le ciel de plomb annonçait l'orage.", set()),
    ("es", "Hay que andar con pies de plomo en esta negociación, dijo el ministro.", set()),
    ("pt", "O governo recebeu chumbo grosso da oposição.", set()),
    ("pt", "Os anos de chumbo da ditadura deixaram marcas.", set()),
    ("fr", "L'appartement est nickel, a dit l'agent immobilier.", set()),
    # a gold rush that draws miners is gold
    ("en", "A gold rush in Sudan's desert has drawn thousands of artisanal miners.",
     {"gold"}),
])
def test_idioms_and_metaphors(ids, lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a thing counted with "a": a can, a coin; not a modifier of a noun
    ("en", "Shoppers paid £1.20 for a tin of tomatoes.", set()),
    ("en", "Petrol prices rose by a nickel a gallon last week.", set()),
    ("en", "A tin mine in Bolivia reopened after the strike.", {"tin"}),
    ("en", "A nickel-cobalt project in Western Australia got approval.",
     {"nickel", "cobalt"}),
    # a person's age after a name
    ("en", "Gold, 45, has directed three films for the studio.", set()),
    # firms and card tiers, players' positions before a German surname
    ("en", "Graphite Bio shares jumped 40% after the trial data.", set()),
    ("en", "Titanium Rewards cardholders earn 2% cash back on groceries.", set()),
    ("de", "Torwart Nickel hielt in der Nachspielzeit einen Elfmeter.", set()),
    ("de", "Stürmer Kupfer traf zweimal für die Gäste.", set()),
    ("de", "Torhüterin Gold parierte zwei Elfmeter.", set()),
])
def test_counted_things_ages_firms_and_players(ids, lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # coins, weights and what a medal is made of are the material, beside a prize
    ("en", "The team won gold in Paris, and the mint struck 10,000 gold coins to mark it.",
     {"gold"}),
    ("en", "Each Olympic gold medal contains about six grams of gold; the rest is silver.",
     {"gold", "silver"}),
    ("en", "Gold medals at the Games contain just 1% gold, the mint said.", {"gold"}),
    # the material's theft and wire opening a sentence
    ("en", "Copper theft from railway lines has cost the operator £20 million.",
     {"copper"}),
    ("en", "Copper wire theft is rising across the country.", {"copper"}),
    # a material named beside a trap of its own word
    ("en", "Silver Lake's deal came as silver prices rose to $32 an ounce.", {"silver"}),
    ("en", "While the Olympic golds were celebrated, gold futures hit a record $2,400 an "
           "ounce.", {"gold"}),
    ("en", "Apple's titanium iPhone has lifted demand for titanium sponge from Japan.",
     {"titanium"}),
    # a phone's titanium frame is the material (README: a material or a commodity)
    ("en", "The new Galaxy phone's frame is made of titanium.", {"titanium"}),
    ("en", "The iPhone's titanium frame is lighter than the steel one it replaced.",
     {"titanium"}),
    ("en", "Rose gold and yellow gold rings were the jeweller's best sellers.", {"gold"}),
    ("en", "Gold and silver finished higher on Friday.", {"gold", "silver"}),
    ("en", "The mint sells gold and silver coins to collectors.", {"gold", "silver"}),
    ("de", "Der Goldpreis stieg, während die Skirennläuferin Gold holte.", {"gold"}),
    ("de", "Gold, Silber und Platin legten zu.", {"gold", "silver", "platinum"}),
    ("es", "El precio del oro subió mientras el nadador ganaba la medalla de oro.",
     {"gold"}),
    ("pt", "O preço do ouro subiu enquanto a seleção conquistava o ouro.", {"gold"}),
    ("ru", "Цены на золото выросли, пока спортсмены боролись за золото.", {"gold"}),
])
def test_the_material_beside_its_traps(ids, lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # an apposition naming a film or a song: its year is no quote of a price
    ("en", "Gold, the 2016 film starring Matthew McConaughey, is streaming again.", set()),
    ("en", "Lithium, Nirvana's 1992 single, was reissued on vinyl.", set()),
    ("en", "Copper, the bellwether metal, rose 2% to $9,800 a tonne.", {"copper"}),
    # a price in pounds or euros is a commodity word ("A 1oz gold Krugerrand sold for
    # £2,100" is no colour of a named product)
    ("en", "A 1oz gold Krugerrand sold for £2,100 at auction.", {"gold"}),
    # an exchange named in the sentence
    ("en", "Tin was the best-performing metal on the LME this year.", {"tin"}),
    # football positions, Portuguese prizes taken, a Russian coach and team
    ("en", "Pure gold: the striker's volley won the match.", set()),
    ("pt", "Rebeca Andrade levou o ouro no salto.", set()),
    ("ru", "Золото и серебро для нашей команды — это успех, сказал тренер.", set()),
])
def test_appositions_prices_exchanges_and_more_sport(ids, lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a hyphenated colour in a list ("Titan-Grau")
    ("de", "Das neue Smartphone kommt in den Farben Titan-Schwarz, Titan-Grau und Silber.",
     set()),
    # an article about health: the mention's own sentence needs a commodity word
    ("de", "Die Apothekerin rät zu Magnesium bei Muskelkrämpfen. Zu viel Zink könne aber "
           "schaden.", set()),
    ("en", "The pharmacist recommends zinc for colds. Too much zinc, though, can cause "
           "nausea.", set()),
    ("en", "Doctors prescribe lithium for bipolar disorder. Lithium prices, meanwhile, fell "
           "4% in China.", {"lithium"}),
    # jewellery of the metal is the material
    ("en", "The boutique sells rose gold watches and sterling silver bracelets.",
     {"gold", "silver"}),
    # a star player
    ("es", "Los jugadores de oro del Barcelona vuelven a entrenar.", set()),
    ("pt", "O menino de ouro do Flamengo renovou o contrato.", set()),
])
def test_hyphenated_colours_health_articles_jewellery_and_star_players(ids, lang, text,
                                                                        expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a lower-case mineral word in capitals mid-sentence is an acronym; a headline in
    # capitals and a market report's label are not
    ("en", "Taxpayers must quote their TIN on the form.", set()),
    ("en", "GOLD PRICES HIT RECORD AS DOLLAR SLIDES", {"gold"}),
    ("en", "NICKEL: prices rose 2% on supply worries in Indonesia.", {"nickel"}),
    # American football's nickel back, scarce tickets, anniversaries, trees
    ("en", "The Steelers used their nickel defense on third down.", set()),
    ("en", "He moved inside to play the nickel corner role last season.", set()),
    ("en", "Tickets for the final are like gold dust.", set()),
    ("en", "The band celebrated its silver anniversary with a world tour.", set()),
    ("en", "A stand of silver birch trees was felled to make way for the road.", set()),
    # German and Russian idioms of lead and gold
    ("de", "Die Niederlage lag wie Blei auf der Mannschaft.", set()),
    ("de", "Er ist treu wie Gold, sagt seine Frau.", set()),
    ("de", "Die Bleipreise an der LME zogen an.", {"lead"}),
    ("ru", "После тренировки ноги налились свинцом.", set()),
    # the hue named first in French, Spanish and Portuguese
    ("fr", "Elle portait une robe bleu cobalt au festival de Cannes.", set()),
    ("fr", "Le téléphone existe en gris titane et en noir.", set()),
    ("es", "El vestido azul cobalto de la reina causó sensación.", set()),
    ("es", "Su cabello rubio platino es su sello personal.", set()),
    ("pt", "O celular está disponível em cinza grafite e azul.", set()),
    ("es", "La producción de plata de Fresnillo cayó un 5 %.", {"silver"}),
])
def test_acronyms_football_idioms_and_hues_named_first(ids, lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # an apposition that calls the word a person, a work or a firm
    ("de", "Nickel, der Stürmer des VfL, fällt verletzt aus.", set()),
    ("es", "Platino, la película de Netflix, lidera las audiencias.", set()),
    ("en", "Cobalt, a robotics startup, raised $40 million.", set()),
    ("en", "Copper, the red metal, rose 2% in London.", {"copper"}),
    ("en", "Platinum, in contrast, lost ground in New York on lower car sales.",
     {"platinum"}),
    # fool's gold, a golden team, speech is silver
    ("fr", "Il faut se méfier de l'or des fous, disait mon grand-père.", set()),
    ("pt", "O Palmeiras é o time de ouro da década, segundo a pesquisa.", set()),
    ("ru", "Слово — серебро, молчание — золото, напомнил министр.", set()),
    # doping is medicine, not the commodity
    ("en", "Lithium is not on the list of banned substances, the doping agency said.",
     set()),
    # German thieves of the metal
    ("de", "Die Kupferdiebe erbeuteten Kabel im Wert von 50.000 Euro.", {"copper"}),
])
def test_appositions_fools_gold_doping_and_metal_thieves(ids, lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a prize's money is no quote of the metal
    ("en", "World Athletics will pay $50,000 for each gold in Paris, the first time prize "
           "money has been offered at the Olympics.", set()),
    ("en", "The champion took home $2.7 million and the silver trophy.", set()),
    ("en", "Hong Kong's fencers were rewarded with HK$6 million for their gold.", set()),
    ("en", "Her gold in the 400m hurdles came with a $50,000 bonus from the federation.",
     set()),
    ("es", "Los medallistas de oro recibirán 50.000 dólares de premio.", set()),
    ("es", "Por el oro, el Gobierno pagará una prima de 30.000 dólares a cada atleta.",
     set()),
    # a quote of the metal names its ounce or its market beside the money
    ("en", "Gold hit $2,500 an ounce as the Olympics opened in Paris.", {"gold"}),
    ("de", "Gold gewann 1,2 Prozent.", {"gold"}),
    # what a medal is made of is the material
    ("de", "Die Medaillen bestehen zu 92,5 Prozent aus Silber.", {"silver"}),
    # roofs of the metal
    ("en", "Thieves stole lead from the church roof.", {"lead"}),
])
def test_prize_money_composition_and_roofs(ids, lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a colour before another noun is that noun's, not a colour listed with the metal
    ("en", "Gold, silver and green hydrogen were the themes of the conference.",
     {"gold", "silver"}),
    ("en", "Green hydrogen and silver were the themes.", {"silver"}),
    # clothes in the colours
    ("en", "The team wore gold and black jerseys.", set()),
    # the colour of a named product is read for gold and silver only: a platinum watch
    # and a graphite project are the material
    ("en", "He wore a platinum Rolex to the trial.", {"platinum"}),
    ("en", "Syrah restarted the graphite Balama project in Mozambique.", {"graphite"}),
])
def test_colour_lists_stop_at_other_nouns(ids, lang, text, expected):
    assert ids(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # an attribution between commas is no apposition naming a person
    ("en", "Copper, the minister said, rose 3% to $9,000 a tonne.", {"copper"}),
    ("en", "Nickel, the coach of the team, left the club.", set()),
    # a metal in capitals beside a quote or an exchange is no acronym
    ("en", "Prices: LME COPPER rose 1.2% to $9,500.", {"copper"}),
    ("en", "Taxpayers must quote their TIN on the form.", set()),
])
def test_attributions_and_capitals_beside_a_quote(ids, lang, text, expected):
    assert ids(text, lang) == expected
