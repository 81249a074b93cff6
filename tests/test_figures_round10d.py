"""Round 10 (d) of the figure rules, from long business and trade reports in German,
French, Spanish, Portuguese and Russian: German rate nouns before "von N Prozent", a
company's stock in the other languages' press, the dollars of other countries and the
Swiss franc, a holder's part of a company's capital, a stake "in" a firm and a rate levied
"on" a base, a unit of power or oil as a price's subject, battery cathode material, and a
net present value named further back; with the real figures beside the words those rules
read. Every sentence here is our own writing."""
from __future__ import annotations

import pytest

from orewire.figures import find_figures
from tests.fixtures import row_figures as figures


def values(text: str, lang: str) -> list[float]:
    return [f.value for f in find_figures(text, lang)]


@pytest.mark.parametrize("text", [
    "Die Regierung erhebt eine Lizenzgebühr von bis zu 12 Prozent.",
    "Kinshasa erhebt auf Kobalt eine Förderabgabe von 10 Prozent.",
    "Die US-Regierung hatte Zölle von 39 Prozent auf Schweizer Importe verhängt.",
    "Hydro hält eine Beteiligung von 34,3 Prozent an der Alunorte-Raffinerie.",
    "Tsingshan hält eine Beteiligung von knapp 49 Prozent an einem Hüttenwerk.",
    "Jakarta plant eine Exportsteuer in Höhe von 8 Prozent auf Nickelroheisen.",
])
def test_german_rate_noun_before_von_a_percentage(text):
    assert values(text, "de") == []


@pytest.mark.parametrize("text,expected", [
    # a share stays a share, a level set "auf" stays the rate's but the share word's
    ("Indonesien hat einen Anteil von 59 Prozent am Weltmarkt.", [59]),
    ("Der Anteil Chinas an der Raffination liegt bei 85 Prozent.", [85]),
    ("Das Land hat bei der Förderung einen Anteil von rund 70 Prozent.", [70]),
])
def test_german_share_of_von_a_percentage_stays(text, expected):
    assert values(text, "de") == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Platin notierte bei 980 Dollar. Die Aktien von Barrick Gold stiegen in New York um "
     "4 Prozent auf 17,90 Dollar.", "de", [980]),
    ("Die Aktie verlor in Oslo 1,5 Prozent auf 62,30 Euro.", "de", []),
    ("Las acciones de SQM subieron un 3,2 % en Nueva York, hasta 44,10 dólares.", "es", []),
    ("L'action d'Eramet a cédé 3 % à 61,20 euros.", "fr", []),
    ("As ações da Vale subiram 2,1% para R$ 61,30 na B3.", "pt", []),
    ("Акции «Норникеля» подешевели на 1,2%, до 130 рублей.", "ru", []),
    # a mineral's clause after "und" keeps its price
    ("Die Aktie von Aurubis stieg und Kupfer verteuerte sich um 2 Prozent auf 9.400 Dollar.",
     "de", [9400]),
    # a company's mine output after its stock's comma stays
    ("Die Aktie von K+S fiel, nachdem der Konzern 7,5 Mio. t Kali absetzte.", "de", [7.5e6]),
    # a later clause after the stock's comma is the mineral's own (only a comma right before
    # the amount and its "to" word is the stock's)
    ("Die Aktie von Aurubis stieg um 2 Prozent, bei einem Kupferpreis von 9.800 Dollar je "
     "Tonne.", "de", [9800]),
    ("Las acciones de SQM subieron un 3 %, al tiempo que el carbonato de litio subió a "
     "10.500 dólares por tonelada.", "es", [10500]),
    ("Акции Полюса выросли на 3%, до 2 150 рублей на фоне роста цены золота до 3 400 "
     "долларов за унцию.", "ru", [3400]),
])
def test_company_stock_in_other_languages(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,lang,value,unit", [
    ("Das entspricht einem Wert von 124 Mrd. australischen Dollar.", "de", 124e9, "aud"),
    ("Die Schweiz exportierte Gold im Wert von 87 Mrd. Franken.", "de", 87e9, "chf"),
    ("Le projet coûtera 3 milliards de dollars canadiens.", "fr", 3e9, "cad"),
    ("Las exportaciones sumaron 12.000 millones de dólares australianos.", "es", 12e9, "aud"),
    ("Iron ore exports were worth 124 billion Australian dollars.", "en", 124e9, "aud"),
])
def test_dollars_of_other_countries_and_the_franc(text, lang, value, unit):
    assert [(f.value, f.unit) for f in find_figures(text, lang)] == [(value, unit)]


def test_franconia_is_no_money():
    assert values("In Franken wurden 2023 rund 1.200 Tonnen Graphit gefördert.", "de") == [1200]


@pytest.mark.parametrize("text,lang", [
    ("Der Staatsfonds Samruk-Kazyna hält 75 Prozent der Anteile.", "de"),
    ("L'État détient 20 % du capital de la coentreprise.", "fr"),
    ("La estatal tendrá una participación del 50,01 % en la empresa conjunta.", "es"),
    ("O governo cobra uma CFEM de 3,5% sobre o faturamento bruto.", "pt"),
    ("Jujuy cobra un canon del 3 % sobre el valor en boca de mina.", "es"),
    ("Владимир Потанин владеет 37% акций компании.", "ru"),
])
def test_stakes_and_levies_in_other_languages(text, lang):
    assert values(text, lang) == []


@pytest.mark.parametrize("text,lang,expected", [
    # a share of a market or of output stays
    ("Chile aporta el 26 % de la oferta mundial de litio.", "es", [26]),
    ("A China comprou 65% do volume embarcado.", "pt", [65]),
    ("Le Chili assure 24 % de la production mondiale.", "fr", [24]),
])
def test_shares_beside_those_words_stay(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,lang", [
    ("Eine Megawattstunde kostete am Terminmarkt zuletzt 95 Euro.", "de"),
    ("Ein Barrel Brent kostete am Montag 82 Dollar.", "de"),
    ("Le mégawattheure s'échangeait à 95 euros.", "fr"),
])
def test_a_unit_of_power_or_oil_as_the_price_subject(text, lang):
    assert values(text, lang) == []


def test_the_mineral_price_beside_power_costs_stays():
    assert values("Eine Tonne Aluminium kostete 2.480 Dollar.", "de") == [2480]


@pytest.mark.parametrize("text,lang,expected", [
    ("Die Anlage soll ab 2027 jährlich 100.000 Tonnen Kathodenmaterial liefern.", "de", []),
    ("The plant will make 60,000 tonnes of cathode active material a year.", "en", []),
    ("Output reached 60,000 tonnes of copper cathode.", "en", [60000]),
    ("The refinery will produce 120,000 tonnes of cathode a year.", "en", [120000]),
    ("Dafür werden rund 15.000 Tonnen Nickel benötigt.", "de", [15000]),
])
def test_battery_cathode_material(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Selon les analystes, la valeur actuelle nette du projet de lithium de Centenario "
     "s'élève à 1,2 milliard de dollars.", "fr", []),
    ("El proyecto Tía María tendrá un valor actual neto de 1.400 millones de dólares.",
     "es", []),
    ("La VAN du projet atteint 900 millions de dollars.", "fr", []),
    # a name in capitals and lower case is no acronym
    ("Joe Foster of Van Eck expects gold to average $2,400 an ounce.", "en", [2400]),
    # an amount after another number is not the NPV's
    ("The NPV of the project is $1.2 billion and it will produce 24,000 tonnes of copper.",
     "en", [24000]),
])
def test_npv_named_further_back(text, lang, expected):
    assert values(text, lang) == expected


def test_german_trade_report(analyse):
    text = ("Indonesien hat die Förderquoten für Nickelerz gesenkt. Das Ministerium genehmigte "
            "220 Millionen Tonnen.\n\nDie Regierung hatte die Förderabgabe auf Nickelerz "
            "angehoben. Tsingshan hält eine Beteiligung von 49 Prozent an einem Hüttenwerk. "
            "Die Anlage soll jährlich 120.000 Tonnen Nickel liefern.")
    assert figures(analyse(text, "de")) == {("nickel", 220e6), ("nickel", 120000)}


@pytest.mark.parametrize("text,expected", [
    # a change or a grade ending a compound before "von N Prozent"
    ("Die Gewerkschaft fordert Lohnerhöhungen von 12 Prozent.", []),
    ("Der Konzern erwartet eine Produktionssteigerung von 5 Prozent.", []),
    ("Der Preis gilt für Konzentrat mit einem Lithiumoxidgehalt von 5,3 Prozent.", []),
    ("Die Reserven haben einen Gehalt von 1,2 Prozent Lithiumoxid.", []),
    # a level after a change word stays ("erreichte ... Prozent der Weltproduktion")
    ("Nach der Erhöhung der Förderung erreichte Chile 30 Prozent der Weltproduktion.", [30]),
])
def test_german_change_and_grade_compounds_before_von(text, expected):
    assert values(text, "de") == expected


@pytest.mark.parametrize("text,expected", [
    ("Ein Streik könnte die Förderung um bis zu 150.000 Unzen verringern, schätzen Analysten.",
     []),
    ("Der Konzern will die Förderung um 20.000 Tonnen steigern.", []),
    ("Indonesien hat die Quote um 10 Mio. Tonnen gekürzt.", []),
    # a level after the change stays, and "um" as "about" or "in order to" is no change
    ("Die Produktion stieg um 20.000 Tonnen auf 500.000 Tonnen.", [500000]),
    ("Um 20.000 Tonnen Kupfer zu fördern, braucht die Mine viel Wasser.", [20000]),
    ("Die Mine fördert um die 20.000 Tonnen Kupfer im Jahr, sagte der Chef.", [20000]),
])
def test_german_verb_final_change_amount(text, expected):
    assert values(text, "de") == expected


@pytest.mark.parametrize("text,expected", [
    ("Das Unternehmen hält 50 Prozent an einem Joint Venture mit Posco.", []),
    ("Der Fonds hält 30 Prozent an einer Lithiummine in Australien.", []),
    ("Australien hat einen Anteil von 47 Prozent an der Weltproduktion.", [47]),
])
def test_german_stake_in_an_indefinite_compound(text, expected):
    assert values(text, "de") == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Die Anlage soll jährlich 180.000 t Recyclingmaterial verarbeiten.", "de", []),
    ("The plant will process 100,000 tonnes of recycling material a year.", "en", []),
    ("China imported 1.8 million tonnes of copper scrap.", "en", [1.8e6]),
])
def test_recycling_feed_by_its_own_weight(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text", [
    "Pilbara hat Barmittel von 1,6 Mrd. Dollar.",
    "Der Konzern verfügt über liquide Mittel von 900 Mio. Euro.",
])
def test_german_company_cash(text):
    assert values(text, "de") == []


def test_german_platinmetalle_are_the_group(analyse):
    text = "Anglo American Platinum förderte 3,8 Mio. Unzen Platinmetalle."
    assert figures(analyse(text, "de")) == {("platinum_group_metals", 3.8e6)}


@pytest.mark.parametrize("text,lang", [
    ("Le groupe détient 63,5 % du gisement, aux côtés de l'État nigérien.", "fr"),
    ("La estatal conservará el 51 % de las ganancias del proyecto.", "es"),
    ("Госкорпорация владеет 50% в совместном предприятии с «Норникелем».", "ru"),
    ("El gobierno eleva el derecho especial sobre minería del 7,5 % al 8,5 %.", "es"),
    ("Los derechos de exportación del litio subirán al 12 %.", "es"),
])
def test_stakes_profits_and_levies_batch5(text, lang):
    assert values(text, lang) == []


@pytest.mark.parametrize("text,lang,expected", [
    # a share of a deposit's resources or of the market stays
    ("El yacimiento concentra el 30 % de las reservas del país.", "es", [30]),
    ("Los derechos humanos preocupan; Chile produce el 24 % del cobre mundial.", "es", [24]),
])
def test_shares_beside_batch5_words_stay(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Simandou, le gisement de fer géant, aura une capacité de 120 Mt par an.", "fr",
     {("iron_ore", 120e6)}),
    ("El yacimiento de hierro producirá 20 millones de toneladas al año.", "es",
     {("iron_ore", 20e6)}),
])
def test_a_deposit_of_iron_is_iron_ore(analyse, text, lang, expected):
    assert figures(analyse(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    # "verfügen über" after an amount is no comparison with another level
    ("Das Land verfügt mit 9,3 Mio. Tonnen über die größten Lithiumreserven der Welt.",
     [9.3e6]),
    ("Die Mine verschifft 2 Mio. Tonnen über den Hafen Antofagasta.", [2e6]),
    # a level compared with another stays a change
    ("Die Förderung lag 20.000 Tonnen über dem Vorjahr.", []),
    ("Der Kupferpreis notierte 15 Prozent über dem Vorjahr.", []),
    ("Der Absatz lag 3 Prozent unter den Erwartungen.", []),
])
def test_german_ueber_after_an_amount(text, expected):
    assert values(text, "de") == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Die Marktkapitalisierung des Unternehmens beträgt rund 13 Mrd. Dollar.", "de", []),
    ("Analysten senkten das Kursziel für SQM auf 60 Dollar.", "de", []),
    ("Sa capitalisation boursière atteint 8 milliards d'euros.", "fr", []),
    ("Die Exporte Chiles summierten sich insgesamt auf 94 Mrd. Dollar.", "de", []),
    ("Les exportations totales du pays ont atteint 95 milliards de dollars.", "fr", []),
    # a mineral's own exports stay
    ("Die Kupferexporte Chiles summierten sich insgesamt auf 50 Mrd. Dollar.", "de", [50e9]),
])
def test_market_value_price_targets_and_trade_totals(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # one sentence names the mineral by its demand, the next gives the figure
    ("Die Nachfrage nach Silber ist stark gestiegen. Die Industrie verbrauchte im vergangenen "
     "Jahr 6.000 Tonnen.", "de", {("silver", 6000)}),
    ("Die Nachfrage nach Silber ist stark gestiegen. Insgesamt lag die Nachfrage bei "
     "37.000 Tonnen.", "de", {("silver", 37000)}),
    ("La demande de cuivre reste forte. Les importations chinoises ont atteint 5,6 millions "
     "de tonnes.", "fr", {("copper", 5.6e6)}),
    ("La demanda de litio sigue creciendo. El consumo alcanzó 180.000 toneladas.", "es",
     {("lithium", 180000)}),
])
def test_demand_words_make_a_weak_topic_a_commodity(analyse, text, lang, expected):
    assert figures(analyse(text, lang)) == expected


def test_a_mineral_named_as_no_commodity_keeps_its_figures_apart(analyse):
    # a takeover offer is no demand word: the bid stays unattached to the material
    text = ("Das Unternehmen stellt Gehäuse aus Aluminium her. Das Angebot liegt bei 2 Mrd. "
            "Euro.")
    assert figures(analyse(text, "de")) == set()


@pytest.mark.parametrize("text,lang,expected", [
    # the sector's exports as the subject in the other languages
    ("Las exportaciones mineras sumaron 52.000 millones de dólares el año pasado.", "es", []),
    ("Les exportations minières ont atteint 12 milliards de dollars.", "fr", []),
    # a part's figure in a relative clause after the whole stays the part's
    ("Las exportaciones mineras sumaron 52.000 millones de dólares, de los cuales el cobre "
     "representó el 90 %.", "es", [90]),
    ("Mining exports reached $52 billion, of which copper accounted for 90%.", "en", [90]),
    # a mineral's exports stay
    ("Las exportaciones de cobre sumaron 45.000 millones de dólares.", "es", [45e9]),
])
def test_sector_exports_in_other_languages(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("A empresa faturou R$ 12 bilhões no ano passado.", "pt", []),
    ("La minera facturó 3.400 millones de dólares en 2023.", "es", []),
    ("O Brasil faturou US$ 30 bilhões com o minério.", "pt", [30e9]),
])
def test_company_turnover_as_a_verb(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("O grupo japonês-coreano que comprou 15% da CBMM pagou US$ 1,95 bilhão pela fatia.",
     "pt", [1.95e9]),
    ("Mitsubishi vendió el 20 % de Minera Escondida.", "es", []),
    ("The fund bought 10% of Glencore last year.", "en", []),
    # a share of a country's output or of a market stays
    ("China bought 60% of Congo's cobalt last year.", "en", [60]),
    ("A China comprou 60% da produção do Congo.", "pt", [60]),
    ("China compró el 40 % de Chile.", "es", [40]),
    ("China holds 60% of global reserves.", "en", [60]),
])
def test_a_stake_bought_of_a_named_company(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,expected", [
    ("Chile hat seine Kupferexporte um 40.000 Tonnen auf 5,1 Millionen Tonnen gesteigert.",
     [5.1e6]),
    ("Der Preis kletterte um 300 Dollar auf 9.800 Dollar je Tonne.", [9800]),
])
def test_german_um_an_amount_auf_a_level(text, expected):
    assert values(text, "de") == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Unas 24.000 concesiones vigentes cubren el 8 % del territorio nacional.", "es", []),
    ("Les permis couvrent 8 % du territoire.", "fr", []),
    ("México aporta el 24 % de la producción mundial de plata.", "es", [24]),
])
def test_a_share_of_the_territory(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,expected", [
    ("Der Konzern will seine Recyclingkapazität in Lünen um 30.000 Tonnen erweitern.", []),
    ("Die Stahlindustrie erzeugte 35 Mio. Tonnen Rohstahl.", []),
    ("Der Konzern lieferte 2 Mio. Tonnen Edelstahl.", []),
    ("Die Mine förderte 3 Mio. Tonnen Eisenerz für Stahlwerke.", [3e6]),
    ("Die Hütte liefert 120.000 Tonnen Nickel für die Edelstahlproduktion.", [120000]),
])
def test_german_capacity_enlarged_and_steel(text, expected):
    assert values(text, "de") == expected


def test_a_countrys_whole_mineral_wealth_is_not_carried(analyse):
    text = ("Die Ukraine verfügt über große Vorkommen an Lithium. Dort liegen Reserven von rund "
            "500.000 Tonnen.\n\nDer Wert aller Bodenschätze des Landes wird von Beratern auf "
            "11 Billionen Dollar geschätzt.")
    assert figures(analyse(text, "de")) == {("lithium", 500000)}


def test_a_sum_for_the_mineral_is_still_carried(analyse):
    text = ("Die Ukraine verfügt über große Vorkommen an Lithium. Dort liegen Reserven von rund "
            "500.000 Tonnen.\n\nEin US-Konzern will 300 Mio. Dollar in die Erschließung "
            "investieren.")
    assert figures(analyse(text, "de")) == {("lithium", 500000), ("lithium", 300e6)}


@pytest.mark.parametrize("text,lang,expected", [
    ("Компания планирует сократить выпуск на 6%, или примерно на 250 тыс. т, из-за высоких "
     "затрат.", "ru", []),
    ("Die Förderung sank um 6 Prozent oder rund 250.000 Tonnen.", "de", []),
    ("The company will cut output by 6%, or about 250,000 tonnes.", "en", []),
    ("Output rose 5%, or 20,000 tonnes, to 420,000 tonnes.", "en", [420000]),
    # a share restated as an amount stays both
    ("Доля Китая составляет 40%, или 1,1 млн т.", "ru", [40, 1.1e6]),
    ("China accounts for 40%, or 1.1 million tonnes, of supply.", "en", [40, 1.1e6]),
])
def test_a_change_in_percent_restated_as_an_amount(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a mineral's own total stays; the country's whole trade does not
    ("Las exportaciones totales de cobre de Chile sumaron 50.000 millones de dólares en 2024.",
     "es", [50e9]),
    ("Les exportations totales de cobalt ont atteint 3 milliards de dollars.", "fr", [3e9]),
    ("As exportações totais de minério de ferro somaram US$ 30 bilhões.", "pt", [30e9]),
    ("Las exportaciones totales del país sumaron 95.000 millones de dólares.", "es", []),
    ("As exportações totais do Brasil somaram US$ 300 bilhões.", "pt", []),
])
def test_total_exports_of_a_mineral_stay(text, lang, expected):
    assert values(text, lang) == expected


def test_steel_works_output_is_not_carried(analyse):
    text = "Der Kupferpreis stieg deutlich. Die Produktion der Stahlwerke lag bei 80 Millionen Tonnen."
    assert figures(analyse(text, "de")) == set()
