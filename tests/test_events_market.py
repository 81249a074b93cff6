"""orewire.events on the phrasings of wire market, production and trade-measure reports:
a metal named as its quote's subject, the milder verbs of a session's move, guidance,
a measure suspended or a duty cut, and words that look like events but are none. Every
sentence is our own writing."""
from __future__ import annotations

import pytest

from orewire.events import direction_for, mention_events, sentence_events


def direction(sentence, kind, mineral):
    trigger = next(t for t in sentence_events(sentence) if t.type == kind)
    return direction_for(trigger, sentence.lower().index(mineral))


def types(sentence):
    return {t.type for t in sentence_events(sentence)}


@pytest.mark.parametrize("sentence,mineral,expected", [
    # the metal is the verb's subject, with no "price" word in the sentence
    ("Aluminium firmed in London, helped by a softer dollar.", "aluminium", "up"),
    ("Three-month zinc rallied to its highest level since March.", "zinc", "up"),
    ("Spot palladium sank to its weakest since 2018.", "palladium", "down"),
    ("Benchmark nickel edged lower in quiet trade.", "nickel", "down"),
    ("Cobalt hydroxide hit a fresh low in Asian trade.", "cobalt", "down"),
    ("El oro subió a un máximo histórico el jueves.", "oro", "up"),
    ("O cobre recuou em Londres nesta terça-feira.", "cobre", "down"),
    ("L'argent a reculé vendredi à Londres.", "argent", "down"),
])
def test_a_metal_quoted_as_the_subject_of_a_market_verb_is_its_price(sentence, mineral,
                                                                    expected):
    assert direction(sentence, "price", mineral) == expected


@pytest.mark.parametrize("sentence,mineral,expected", [
    ("Lithium carbonate prices hit a two-year low this week.", "lithium", "down"),
    ("Tin extended losses for a third session at $30,100 a tonne.", "tin", "down"),
    ("Spot silver pared gains to trade at $29.10 an ounce.", "silver", "down"),
    ("Copper prices pared losses to end at $9,420 a tonne.", "copper", "up"),
    ("Les prix du lithium ont rebondi au deuxième trimestre.", "lithium", "up"),
    ("O preço do minério de ferro recuou 2% em Dalian.", "minério", "down"),
    ("Der Kupferpreis gab am Dienstag um zwei Prozent nach.", "kupfer", "down"),
    ("Der Aluminiumpreis rutschte auf den tiefsten Stand seit Mai.", "aluminium", "down"),
    ("Nickel prices gave up those gains to close lower.", "nickel", "down"),
])
def test_market_report_directions(sentence, mineral, expected):
    assert direction(sentence, "price", mineral) == expected


@pytest.mark.parametrize("sentence", [
    "Copper stocks in LME warehouses fell to their lowest since 2005.",
    "Shares in copper miners slid after the tax announcement.",
    "Demand for cobalt tumbled as battery makers switched chemistries.",
    "Lithium output slid to 40,000 tonnes.",
])
def test_a_subject_that_is_not_the_quote_states_no_price(sentence):
    assert "price" not in types(sentence)


@pytest.mark.parametrize("sentence,mineral,expected", [
    ("The producer lowered its 2025 copper guidance by 10%.", "copper", "down"),
    ("The company trimmed its lithium output forecast for the year.", "lithium", "down"),
    ("The miner's copper output recovered in the third quarter.", "copper", "up"),
    ("Die Goldförderung wurde um acht Prozent gesteigert.", "gold", "up"),
])
def test_production_guidance_and_recovery(sentence, mineral, expected):
    assert direction(sentence, "production", mineral) == expected


def test_a_metallurgical_recovery_is_no_rise_of_output():
    sentence = "The plant produced 90,000 ounces and recovered 91% of the gold."
    assert direction(sentence, "production", "gold") is None


def test_cost_guidance_is_not_output():
    assert "production" not in types("The miner raised its cost guidance for the gold mine.")


@pytest.mark.parametrize("sentence,kind,mineral", [
    ("China suspended its export controls on antimony for a year.", "export_restriction",
     "antimony"),
    ("O governo suspendeu a proibição de exportação de lítio.", "export_restriction",
     "lítio"),
    ("China suspendió las restricciones a la exportación de galio.", "export_restriction",
     "galio"),
    ("Die Regierung setzte das Exportverbot für Nickelerz aus.", "export_restriction",
     "nickel"),
    ("China lockert die Exportkontrollen für Seltene Erden.", "export_restriction",
     "seltene"),
    ("Guinea cut the export duty on bauxite to 5%.", "export_restriction", "bauxite"),
    ("India cut the import duty on gold to 6% in its budget.", "import_measure", "gold"),
    ("Ottawa lowered the tariffs on steel and aluminium.", "import_measure", "aluminium"),
])
def test_a_measure_suspended_or_a_duty_cut_is_easing(sentence, kind, mineral):
    assert direction(sentence, kind, mineral) == "easing"


@pytest.mark.parametrize("sentence,kind,mineral", [
    ("Congo suspended cobalt exports for four months.", "export_restriction", "cobalt"),
    ("The ministry suspended export licences for two graphite traders.",
     "export_restriction", "graphite"),
    ("The government halved the bauxite export quota.", "export_restriction", "bauxite"),
])
def test_exports_or_licences_suspended_stay_tightening(sentence, kind, mineral):
    assert direction(sentence, kind, mineral) == "tightening"


def test_an_export_duty_is_not_an_import_measure():
    found = types("Россия отменила экспортные пошлины на никель.")
    assert "export_restriction" in found and "import_measure" not in found


def test_a_budget_speech_is_not_an_investment():
    assert "investment" not in types("India cut the import duty on gold in its budget.")


def test_striking_gold_is_no_strike():
    assert "disruption" not in types("The team would strike gold if it kept its nerve.")


@pytest.mark.parametrize("sentence,mineral,expected", [
    ("Quarterly nickel production was 38,000 tonnes, compared with 42,000 tonnes a year "
     "earlier.", "nickel", "down"),
    ("The mine produced 1.2 million ounces of gold versus 1.05 million ounces in 2023.",
     "gold", "up"),
    ("Die Kupferförderung lag bei 1,5 Mio. Tonnen gegenüber 1,2 Mio. Tonnen.", "kupfer",
     "up"),
    ("Gold averaged $2,310 an ounce in the quarter, compared with $1,980 a year earlier.",
     "gold", "up"),
])
def test_a_level_set_against_an_earlier_one_states_the_change(sentence, mineral, expected):
    kind = "price" if "ounce in" in sentence else "production"
    assert direction(sentence, kind, mineral) == expected


@pytest.mark.parametrize("sentence", [
    "Zinc output in 2024 versus 2023 is shown in the table of 5,000 tonnes.",
    "Copper output was 4% of the group total, compared with 6% in the previous report.",
])
def test_years_and_growth_rates_are_not_compared(sentence):
    trigger = next(t for t in sentence_events(sentence) if t.type == "production")
    assert direction_for(trigger, 0) is None


@pytest.mark.parametrize("sentence,mineral,expected", [
    ("Die Kupferproduktion in Chile ging im Mai um drei Prozent zurück.", "kupfer", "down"),
    ("La production d'or du groupe a baissé de 6 % au troisième trimestre.", "or ", "down"),
    ("As exportações de minério de ferro recuaram 4% em setembro.", "minério", "down"),
])
def test_production_falls_in_other_languages(sentence, mineral, expected):
    assert direction(sentence, "production", mineral) == expected


@pytest.mark.parametrize("sentence,kind,mineral", [
    ("Indonesia's ban on bauxite exports expired at the end of May.", "export_restriction",
     "bauxite"),
    ("Washington rolled back tariffs on Canadian aluminium.", "import_measure", "aluminium"),
])
def test_a_measure_that_expired_or_was_rolled_back_is_easing(sentence, kind, mineral):
    assert direction(sentence, kind, mineral) == "easing"


def test_a_trade_volume_moving_under_a_ban_is_also_production():
    sentence = "Cobalt exports from Congo plunged after the ban took effect."
    assert {"export_restriction", "production"} <= types(sentence)
    assert direction(sentence, "production", "cobalt") == "down"
    assert "production" not in types("Congo banned cobalt exports for four months.")


def test_restarted_potlines_are_a_milestone():
    assert "project_milestone" in types(
        "The aluminium smelter restarted two potlines after power was restored.")


@pytest.mark.parametrize("sentence,word,kind,expected", [
    ("Chile's lithium output rose 10% and copper production fell 3% in March.", "copper",
     "production", "down"),
    ("Chile's lithium output rose 10% and copper production fell 3% in March.", "lithium",
     "production", "up"),
    ("The group cut copper output and raised zinc output.", "copper", "production", "down"),
    ("The group cut copper output and raised zinc output.", "zinc", "production", "up"),
    # a list's "and" leaves a part with no cue: it takes the clause's
    ("Copper and aluminium prices slipped on Friday.", "Copper", "price", "down"),
])
def test_each_part_joined_by_and_keeps_its_own_move(sentence, word, kind, expected):
    found = mention_events(sentence, [sentence.index(word)])[0]
    trigger, clause = next((t, c) for t, c in found if t.type == kind)
    assert direction_for(trigger, sentence.index(word), clause) == expected


@pytest.mark.parametrize("sentence,kind,mineral,expected", [
    ("Manganese ore prices were flat this week.", "price", "manganese", None),
    ("Die Lithiumpreise sind im vergangenen Jahr um 75 Prozent eingebrochen.", "price",
     "lithium", "down"),
    ("Die Eisenerzexporte Australiens stiegen im März um vier Prozent.", "production",
     "eisenerz", "up"),
    ("Le nickel a chuté de 4 % à Londres.", "price", "nickel", "down"),
    ("O minério de ferro caiu 3% em Singapura.", "price", "minério", "down"),
])
def test_levels_held_and_other_languages_moves(sentence, kind, mineral, expected):
    assert direction(sentence, kind, mineral) == expected


def test_a_production_subject_in_portuguese_is_no_price():
    assert "price" not in types("A produção de cobre caiu 5% no trimestre.")


def test_an_exporting_state_s_embargo_is_not_an_import_measure():
    assert "import_measure" not in types(
        "Les exportations de cobalt ont repris après la levée de l'embargo.")
    assert "import_measure" in types("The EU agreed an embargo on Russian aluminium.")


def events_of(sentence, word):
    return {t.type for t, _c in mention_events(sentence, [sentence.index(word)])[0]}


@pytest.mark.parametrize("sentence,word", [
    ("Glencore slid 3% in London after it cut its cobalt production forecast.", "cobalt"),
    ("China slid into deflation as copper demand weakened.", "copper"),
    ("Barrick tumbled 5% after gold output fell short of guidance.", "gold"),
])
def test_a_market_verb_s_subject_that_is_no_mineral_gives_no_price(sentence, word):
    assert "price" not in events_of(sentence, word)


@pytest.mark.parametrize("word", ["Copper", "zinc", "tin"])
def test_each_mineral_named_in_a_market_verb_s_subject_takes_its_price(word):
    assert "price" in events_of("Copper and zinc slid on the LME, while tin rallied.", word)


@pytest.mark.parametrize("sentence,mineral,expected", [
    ("Zinc prices climbed 3% in the morning before reversing to end 1% lower at $2,780 a "
     "tonne.", "zinc", "down"),
    ("Tin prices ended the week lower after hitting a record high on Monday.", "tin", "down"),
])
def test_a_session_s_earlier_move_gives_way_to_its_close(sentence, mineral, expected):
    assert direction(sentence, "price", mineral) == expected


@pytest.mark.parametrize("sentence,mineral,expected", [
    ("La minera recortó su previsión de producción de cobre para 2025.", "cobre", "down"),
    ("Le groupe a relevé ses prévisions de production de cuivre pour l'année.", "cuivre",
     "up"),
    ("Der Konzern senkte seine Prognose für die Kupferproduktion.", "kupfer", "down"),
    ("Компания понизила прогноз производства меди на 2025 год.", "меди", "down"),
    ("Компания повысила прогноз добычи золота.", "золота", "up"),
])
def test_forecasts_cut_or_raised_in_other_languages(sentence, mineral, expected):
    assert direction(sentence, "production", mineral) == expected


@pytest.mark.parametrize("sentence,mineral", [
    ("China reanudó las exportaciones de galio a Estados Unidos.", "galio"),
    ("O Brasil retomou as exportações de nióbio para a China.", "nióbio"),
    ("Китай возобновил экспорт галлия в США.", "галлия"),
    ("Die Ausfuhr von Nickelerz wurde wieder erlaubt.", "nickel"),
])
def test_exports_resumed_or_allowed_again_in_other_languages(sentence, mineral):
    assert direction(sentence, "export_restriction", mineral) == "easing"


def test_phasing_out_imports_is_an_import_measure():
    assert "import_measure" in types("The EU will phase out imports of Russian palladium.")


def test_a_tied_cue_belongs_to_the_head_before_it():
    sentence = "Platinum prices are expected to rise next year as mine supply shrinks."
    assert direction(sentence, "price", "platinum") == "up"
    assert direction(sentence, "production", "platinum") == "down"


@pytest.mark.parametrize("sentence,kind,mineral,expected", [
    ("Refined copper output: 1.21 million tonnes (-3.2% y/y).", "production", "copper",
     "down"),
    ("Gold production reached 2.9 million ounces, +6% on the prior year.", "production",
     "gold", "up"),
    ("Iron ore output contracted by 4% in the first half.", "production", "iron", "down"),
    ("Nickel production eased 2% in the quarter.", "production", "nickel", "down"),
    ("Le cuivre a terminé en hausse de 0,8 % à 9 350 dollars la tonne.", "price", "cuivre",
     "up"),
    ("Higher lithium output from Australia weighed on prices.", "price", "lithium", "down"),
])
def test_signed_changes_and_milder_output_verbs(sentence, kind, mineral, expected):
    assert direction(sentence, kind, mineral) == expected


def test_a_range_is_no_signed_fall():
    sentence = "Zinc output is forecast at 3-5% above last year's 200,000 tonnes."
    assert direction(sentence, "production", "zinc") != "down"


@pytest.mark.parametrize("sentence,mineral", [
    ("Indonesia postponed its planned ban on copper concentrate exports.", "copper"),
    ("Zimbabwe delayed the lithium ore export ban by two years.", "lithium"),
    ("Perú postergó la prohibición de exportar oro informal.", "oro"),
])
def test_a_postponed_export_measure_is_easing(sentence, mineral):
    assert direction(sentence, "export_restriction", mineral) == "easing"


def test_a_paused_tariff_is_no_disruption():
    assert "disruption" not in types("A 90-day truce paused the new tariffs on gallium.")


def test_a_german_output_compound_is_no_price_subject():
    assert "price" not in types("Die Nickelproduktion sank im Jahresvergleich um 3,1 Prozent.")


def settled(said, year=2025):
    """settle_directions over one mineral's mentions: [(sentence, direction)]."""
    from orewire.events import settle_directions
    minerals = [{"mineral": "copper", "sentence": s,
                 "events": [{"type": "production", "direction": d}]} for s, d in said]
    settle_directions(minerals, year, " ".join(s for s, _d in said))
    return [m["events"][0]["direction"] for m in minerals]


@pytest.mark.parametrize("background", [
    "Copper output fell 6% last year because of floods.",
    "Copper output had risen 3% in the previous year.",
    "La production de cuivre avait augmenté de 8 % l'an dernier.",
    "El cobre cayó un 5% el año pasado.",
    "Im Vorjahr war die Kupferproduktion um 2 Prozent gesunken.",
    "В прошлом году добыча меди снизилась на 1%.",
])
def test_last_year_or_a_pluperfect_gives_way_to_the_news(background):
    assert settled([("Copper output moved 4% in the first quarter.", "up"),
                    (background, "down")]) == ["up", None]


@pytest.mark.parametrize("sentence", [
    "Copper output rose 5% from last year.",
    "By March, copper output had fallen back to 40,000 tonnes.",
])
def test_a_comparison_with_last_year_or_a_by_date_pluperfect_is_the_news(sentence):
    assert settled([("Copper output moved in January.", "up"), (sentence, "down")]) == \
        ["up", "down"]


def test_a_span_of_years_dates_the_sentence():
    assert settled([("Copper output is rising again.", "up"),
                    ("Copper output fell 30% between 2022 and 2024.", "down")]) == ["up", None]


@pytest.mark.parametrize("sentence,mineral", [
    ("China will grant general licences for some graphite exports.", "graphite"),
    ("La RDC a remplacé l'interdiction des exportations de cobalt par des quotas.", "cobalt"),
    ("Congo replaced the cobalt export ban with a quota system.", "cobalt"),
])
def test_a_licence_to_be_granted_or_a_ban_replaced_is_easing(sentence, mineral):
    assert direction(sentence, "export_restriction", mineral) == "easing"


def test_granting_a_licence_is_no_investment_grant():
    assert "investment" not in types("China will grant general licences for graphite exports.")
    assert "investment" in types("The state awarded the lithium refinery a $50 million grant.")


def test_flat_output_is_a_level():
    sentence = "The miner said copper output would be flat next year."
    assert direction(sentence, "production", "copper") is None


def test_tandis_que_parts_a_french_sentence():
    from orewire.events import clauses
    sentence = "Le cuivre a progressé de 1 %, tandis que le nickel a reculé de 2 %."
    assert len(clauses(sentence)) == 2


@pytest.mark.parametrize("sentence,words", [
    ("Le cuivre a progressé de 1 %, tandis que le nickel a reculé de 2 %.",
     {"cuivre": "up", "nickel": "down"}),
    ("Kupfer verteuerte sich um 1 Prozent, Aluminium gab dagegen leicht nach.",
     {"Kupfer": "up", "Aluminium": "down"}),
    ("El cobre ganó un 1%, mientras que el zinc perdió un 0,5%.",
     {"cobre": "up", "zinc": "down"}),
    ("On the LME, copper rose 0.9% and zinc shed 1.1%.", {"copper": "up", "zinc": "down"}),
])
def test_each_metal_of_a_market_list_takes_its_own_move(sentence, words):
    starts = [sentence.index(w) for w in words]
    got = {}
    for w, pos, found in zip(words, starts, mention_events(sentence, starts)):
        got[w] = next(direction_for(t, pos, c) for t, c in found if t.type == "price")
    assert got == words


@pytest.mark.parametrize("sentence", [
    "Traders bought zinc futures on Monday as the dollar slipped.",
    "Funds bought silver as prices dipped.",
])
def test_buying_in_the_market_is_no_deal(sentence):
    assert "deal" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The zinc mine was purchased by a Swiss trader in 2019.",
    "A pension fund bought shares in the nickel miner.",
    "Acme bought a 15% stake in the lithium project.",
])
def test_a_purchase_of_a_mine_stake_or_shares_is_a_deal(sentence):
    assert "deal" in types(sentence)
