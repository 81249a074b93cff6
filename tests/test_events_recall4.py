"""Supply events, fourth round: false events a review found (an impact denied, a state's
collapse that moves a price, royalties spent on schools, advice to buy gold) and the
wording of disruptions, investments, finds, project milestones and policies that the
rules had missed, each with near misses that must stay quiet. Every sentence is our own
writing."""
from __future__ import annotations

import pytest

from orewire.events import sentence_events


def types(sentence):
    return {t.type for t in sentence_events(sentence)}


@pytest.mark.parametrize("sentence", [
    "The strike will not affect copper output, the company said.",
    "Union leaders said the walkout would have no impact on nickel supply.",
    "The miner said the protest had no effect on zinc production at the site.",
    "Management said the fire did not disrupt gold production.",
    "The power outage will not affect lithium shipments, the operator said.",
    "Flooding at the port is not expected to affect iron ore exports.",
    "La grève n'aura aucun impact sur la production de cuivre, selon la direction.",
    "La huelga no afectará la producción de cobre, dijo la empresa.",
    "Der Streik hat keine Auswirkungen auf die Kupferproduktion, teilte das Unternehmen mit.",
    "A greve não afetará a produção de cobre, disse a empresa.",
    "Забастовка не повлияет на добычу меди, заявили в компании.",
])
def test_an_impact_denied_is_no_disruption_nor_output(sentence):
    assert not types(sentence) & {"disruption", "production"}


@pytest.mark.parametrize("sentence", [
    "A strike at the copper mine cut output by 20% last week.",
    "The strike will affect copper output for at least two weeks, the company said.",
    "The flooding has hit nickel supply from the region.",
    "A tailings dam collapsed at the copper mine, halting production.",
])
def test_an_impact_stated_is_a_disruption(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence, price", [
    ("Copper fell after the government collapsed.", True),
    ("Nickel prices slid as the coalition government collapsed in Jakarta.", True),
    ("Gold climbed after peace talks collapsed over the weekend.", True),
    ("Cobalt rallied after the ruling party's coalition collapsed.", True),
])
def test_a_state_that_collapsed_moves_the_price_and_halts_no_site(sentence, price):
    found = types(sentence)
    assert "disruption" not in found
    assert ("price" in found) == price


def test_a_site_that_collapsed_is_still_a_disruption_beside_a_price():
    found = types("Copper prices jumped after a pit wall collapsed at the world's largest copper mine.")
    assert {"price", "disruption"} <= found


@pytest.mark.parametrize("sentence", [
    "Zambia will use copper royalties to fund schools.",
    "The province will spend its gold royalty income on new hospitals.",
])
def test_royalties_spent_are_neither_policy_nor_investment(sentence):
    assert not types(sentence) & {"policy", "investment"}


def test_a_royalty_raised_is_still_policy():
    assert "policy" in types("Zambia raised copper royalties to 10% for the largest mines.")


@pytest.mark.parametrize("sentence", [
    "No es mal momento para invertir en oro.",
    "Now is a good time to invest in gold, analysts say.",
    "Is it too late to invest in silver?",
    "C'est le bon moment pour investir dans l'or, selon ce conseiller.",
    "Jetzt ist ein guter Zeitpunkt, in Gold zu investieren.",
    "Vale a pena investir em ouro agora?",
])
def test_advice_to_buy_a_precious_metal_is_no_investment(sentence):
    assert "investment" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "La minera invertirá 500 millones de dólares en su mina de cobre.",
    "The company will invest $300 million in its lithium project.",
    "The miner will invest in gold exploration across the province.",
])
def test_money_for_a_mine_is_still_an_investment(sentence):
    assert "investment" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "A strike at the copper mine is possible if wage talks fail next month.",
    "Analysts warned that floods could disrupt coal supply later this year.",
    "Investors fear that unrest in the region may hit cobalt supply.",
    "The 1984 miners' strike shut dozens of coal pits across Britain.",
    "Safety drills at the nickel mine simulate a fire underground.",
])
def test_a_loss_feared_simulated_or_long_past_is_no_disruption(sentence):
    assert "disruption" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Truckers blockaded the main highway to the copper belt for a third day on Tuesday, stranding concentrate shipments.",
    "Regulators ordered the gold mine to suspend operations pending a safety review after a worker was killed.",
    "A strike halted the copper mine on Monday, and analysts said it could hit exports.",
    "A cyberattack disrupted operations at the zinc refinery, the company said on Monday.",
])
def test_a_loss_that_happened_is_a_disruption(sentence):
    assert "disruption" in types(sentence)


def test_a_wage_deal_is_no_deal_about_the_mineral():
    assert "deal" not in types("The union and the gold miner signed a three-year wage deal, averting a strike.")


@pytest.mark.parametrize("sentence", [
    "The lithium miner's investment arm reported higher profits.",
    "Investors poured into silver ETFs last week.",
    "Copper mining requires heavy capital investment, a consultant said.",
])
def test_holders_and_general_needs_are_no_investment(sentence):
    assert "investment" not in types(sentence)


def test_a_prepayment_for_concentrate_is_an_investment_and_an_offtake():
    found = types("Trafigura agreed a $150 million prepayment to the zinc producer in exchange for concentrate.")
    assert {"investment", "deal"} <= found


def test_a_high_grade_hit_with_its_metal_named_between_is_a_find():
    assert "discovery" in types("The explorer reported high-grade silver hits from its first drill program.")


@pytest.mark.parametrize("sentence, milestone", [
    ("The feasibility of recycling rare earths remains uncertain, researchers said.", False),
    ("The company completed a definitive feasibility study for its graphite mine.", True),
])
def test_a_feasibility_study_not_feasibility_in_general(sentence, milestone):
    assert ("project_milestone" in types(sentence)) == milestone


@pytest.mark.parametrize("sentence", [
    "Indonesia added nickel to a list of commodities subject to a domestic market obligation.",
    "The state introduced a licensing regime for artisanal cobalt mining.",
])
def test_a_domestic_sales_duty_or_a_licensing_regime_is_policy(sentence):
    assert "policy" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The lithium brine operation was temporarily suspended after authorities detected water contamination.",
    "The government suspended the uranium miner's operating licence, stopping production at the site.",
    "A pipeline rupture forced the nickel plant to stop processing ore for a week.",
    "The regulator suspended the copper smelter's environmental permit on Tuesday.",
])
def test_a_site_stopped_for_a_while_or_by_its_regulator_is_a_disruption(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "If power cuts return, aluminium smelters may have to curb output.",
    "Should a strike begin, copper exports could fall sharply.",
])
def test_a_loss_on_a_condition_is_none_yet(sentence):
    assert not types(sentence) & {"disruption", "production"}


@pytest.mark.parametrize("sentence", [
    "The zinc smelter will receive a A$135 million upgrade funded by its owner.",
    "Japan's JOGMEC will take a 30% equity stake in the rare earth project for A$200 million.",
    "The trading house paid $80 million for a 15% stake in the cobalt refinery.",
])
def test_a_funded_upgrade_or_a_stake_bought_for_a_sum_is_an_investment(sentence):
    assert "investment" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The company reported a 25% increase in its measured and indicated copper resource.",
    "Surface sampling has identified a new tungsten prospect 5 km from the mine.",
    "The survey has confirmed a helium-rich gas discovery in the basin.",
])
def test_more_wordings_of_a_find(sentence):
    assert "discovery" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The ministry said it would cap the number of new nickel smelter permits.",
    "Tanzania requires miners to keep 20% of gold output for the central bank.",
])
def test_caps_on_smelter_permits_and_output_kept_for_the_state_are_policy(sentence):
    assert "policy" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Une éventuelle grève pourrait perturber la production de nickel.",
    "Ein möglicher Streik könnte die Kupferproduktion treffen, warnen Analysten.",
    "Una huelga en la mina de cobre es posible si fracasan las negociaciones.",
    "Забастовка может затронуть добычу меди, считают аналитики.",
    "Uma possível greve poderia afetar a produção de minério de ferro.",
])
def test_a_strike_that_may_come_is_none_in_any_language(sentence):
    assert "disruption" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Une grève a perturbé la production de nickel pendant trois jours.",
    "Ein Streik hat die Kupferproduktion zwei Tage lang lahmgelegt.",
    "Una huelga paralizó la mina de cobre durante una semana.",
    "Забастовка остановила добычу меди на руднике.",
])
def test_a_strike_that_came_is_a_disruption_in_any_language(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The cobalt miner booked production losses of 2,000 tonnes from the road closures.",
    "Several platinum shafts were closed after the deaths of three miners.",
    "The manganese producer lost output to border closures in the first quarter.",
])
def test_output_lost_and_deaths_are_disruptions(sentence):
    found = types(sentence)
    assert "disruption" in found and "production" not in found


@pytest.mark.parametrize("sentence", [
    "The copper miner has not had a strike in twenty years.",
    "The union threatened industrial action at the nickel smelter if bonuses are cut.",
])
def test_a_strike_absent_or_threatened_is_no_disruption(sentence):
    assert "disruption" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The European Investment Bank signed a €100 million loan for the graphite project.",
    "The US government will take a $400 million equity stake in the rare earths miner.",
    "The tin producer plans to issue $250 million in bonds to refinance debt and build a new smelter.",
])
def test_development_lenders_bonds_and_a_stake_of_a_sum_are_investments(sentence):
    assert "investment" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The graphite resource has grown to 120 million tonnes after infill drilling.",
    "The state geological survey has mapped a new rare earth deposit.",
])
def test_a_resource_grown_or_a_deposit_mapped_is_a_find(sentence):
    assert "discovery" in types(sentence)


def test_a_maiden_ore_reserve_is_a_find_not_a_first_output():
    found = types("The junior said its maiden ore reserve for the tungsten project stood at 4 million tonnes.")
    assert "discovery" in found and "project_milestone" not in found


@pytest.mark.parametrize("sentence", [
    "The lithium project cleared its final regulatory hurdle on Tuesday.",
    "The miner won approval from the provincial government for its nickel expansion.",
    "The vanadium plant produced its first flakes in October.",
])
def test_a_hurdle_cleared_approval_won_or_a_first_product_is_a_milestone(sentence):
    assert "project_milestone" in types(sentence)


def test_approval_of_a_takeover_is_no_milestone():
    assert "project_milestone" not in types(
        "The copper miner received approval from shareholders for the acquisition of its rival.")


@pytest.mark.parametrize("sentence, policy", [
    ("Beijing set a price floor for rare earth purchases by state refiners.", True),
    ("A royalty on copper is common in many mining countries.", False),
])
def test_a_price_floor_set_is_policy_a_general_royalty_is_not(sentence, policy):
    assert ("policy" in types(sentence)) == policy


@pytest.mark.parametrize("sentence", [
    "Des mineurs artisanaux ont envahi la concession de cuivre, forçant l'évacuation du personnel.",
    "Mineros ilegales invadieron la mina de oro durante la noche.",
])
def test_a_site_invaded_is_a_disruption_in_french_and_spanish(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Ein Streik bei Kupferminen ist derzeit nicht zu erwarten.",
    "Аварий на медном руднике не было уже пять лет.",
    "No se registró ningún accidente en la mina de cobre durante el año.",
])
def test_a_strike_not_expected_or_accidents_absent_are_no_disruption(sentence):
    assert "disruption" not in types(sentence)


def test_a_good_placement_is_the_asset_held_not_money_spent():
    assert "investment" not in types("Le cuivre est-il encore un bon placement ?")


def test_a_list_of_strategic_raw_materials_in_german_is_policy():
    assert "policy" in types("China setzt Gallium und Germanium auf eine Liste strategischer Rohstoffe.")


@pytest.mark.parametrize("sentence", [
    "Los sondeos cortaron 25 metros con 3,2 g/t de oro.",
    "Les forages ont recoupé 12 mètres à 4,1 g/t d'argent.",
])
def test_a_drill_interval_with_its_grade_is_a_find(sentence):
    assert "discovery" in types(sentence)


def test_the_russian_extraction_tax_raised_is_policy_not_output():
    found = types("Правительство повысило НДПИ для производителей железной руды.")
    assert "policy" in found and "production" not in found


@pytest.mark.parametrize("sentence", [
    "Shares in Strike Resources, a lithium explorer, rose 4%.",
    "Silver Storm Mining said its chief executive would retire.",
    "The copper company Fire Rock Metals listed its shares in Toronto.",
])
def test_a_company_named_with_an_events_word_is_no_disruption(sentence):
    assert "disruption" not in types(sentence)


def test_a_strike_in_lower_case_beside_a_company_is_still_one():
    assert "disruption" in types("A strike by contractors halted the copper mine run by Andes Resources.")


def test_a_restart_after_years_shut_is_a_milestone_not_a_disruption():
    found = types("The uranium mine restarts after decade-long shutdown.")
    assert "project_milestone" in found and "disruption" not in found


@pytest.mark.parametrize("sentence", [
    "Could nationalisation of copper mines scare off investors?",
    "Investors are watching whether the government will raise the gold royalty.",
    "Many countries still lack a strategy for critical minerals such as lithium.",
])
def test_a_question_a_measure_watched_for_or_lacking_is_no_policy(sentence):
    assert "policy" not in types(sentence)


def test_a_mining_policy_unveiled_is_policy():
    assert "policy" in types("Zambia unveils new copper mining policy.")


def test_a_permit_opposed_is_no_milestone():
    assert "project_milestone" not in types(
        "Environmental groups oppose the copper mine's permit application.")


def test_an_export_that_brings_tax_revenue_is_no_export_measure():
    assert "export_restriction" not in types(
        "Iron ore is the country's biggest export and a key source of tax revenue.")


def test_a_mining_policy_described_is_no_policy_event():
    assert "policy" not in types("Nickel mining policy in Indonesia has been consistent for years.")


@pytest.mark.parametrize("sentence", [
    "A fire drill was held at the nickel mine on Monday.",
    "Les manifestations contre la réforme des retraites n'ont pas touché les mines de bauxite.",
    "Cyberangriffe sind ein wachsendes Risiko für Kobaltraffinerien, sagt eine Studie.",
])
def test_drills_untouched_sites_and_risks_in_general_are_no_disruption(sentence):
    assert "disruption" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "La grève n'a pas cessé à la mine de cuivre, qui reste à l'arrêt.",
    "Les manifestations ont touché la mine de bauxite, où l'extraction est suspendue.",
])
def test_a_french_negation_of_something_else_keeps_the_disruption(sentence):
    assert "disruption" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Bought deals are a common way for gold juniors to raise money, bankers said.",
    "Une subvention pour le lithium est à l'étude, selon une source.",
])
def test_a_general_practice_or_money_under_study_is_no_investment(sentence):
    assert "investment" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "The lithium refinery's commissioning is years away, critics say.",
    "The company has yet to apply for a permit for the copper mine.",
    "The graphite producer's final investment decision remains uncertain.",
])
def test_a_step_not_yet_taken_or_in_doubt_is_no_milestone(sentence):
    assert "project_milestone" not in types(sentence)


def test_a_policy_under_debate_is_none_yet():
    assert "policy" not in types(
        "El litio podría ser declarado recurso estratégico, según un proyecto de ley en debate.")


def test_a_site_restarted_in_the_passive_is_a_milestone():
    assert "project_milestone" in types(
        "The tin smelter, idle for seven years, was restarted last month under new owners.")


@pytest.mark.parametrize("sentence", [
    "Unseasonal rains are common in the gold mining region at this time of year.",
    "Strikes are frequent in the country's copper mines.",
])
def test_a_cause_said_to_be_common_is_no_disruption(sentence):
    assert "disruption" not in types(sentence)


def test_no_plans_to_invest_is_no_investment():
    assert "investment" not in types("The miner said it had no plans to invest in new nickel operations.")


def test_licences_sought_after_are_no_milestone():
    assert "project_milestone" not in types(
        "Exploration licences for lithium are highly sought after in the region.")


def test_a_states_free_stake_raised_by_a_code_is_policy_not_a_deal():
    found = types("The new mining code, which raises the state's free stake in gold projects to 15%, took effect on Friday.")
    assert "policy" in found and "deal" not in found


def test_a_state_reserve_built_is_policy():
    assert "policy" in types("The cabinet approved a plan to build a state reserve of tungsten and antimony.")


@pytest.mark.parametrize("sentence", [
    "Die EU-Kommission genehmigte eine staatliche Beihilfe von 900 Millionen Euro für eine Lithiumfabrik.",
    "El Banco Mundial aprobó un préstamo de 150 millones de dólares para la minería de litio.",
])
def test_money_approved_is_an_investment_not_a_milestone(sentence):
    found = types(sentence)
    assert "investment" in found and "project_milestone" not in found


def test_a_stake_bought_for_a_sum_in_french_is_an_investment():
    assert "investment" in types(
        "Le fonds souverain a pris une participation de 10 % dans la mine de cuivre pour 400 millions de dollars.")


def test_a_law_that_eases_mining_passed_in_german_is_policy():
    assert "policy" in types("Der Bundestag verabschiedete ein Gesetz, das den Abbau von Lithium erleichtert.")


def test_a_wider_find_revealed_in_spanish():
    assert "discovery" in types("La exploración reveló una nueva zona de mineralización de zinc.")


def test_an_authorisation_to_operate_in_spanish_is_a_milestone():
    assert "project_milestone" in types("La planta de níquel recibió la autorización para comenzar a operar.")


@pytest.mark.parametrize("sentence, kind", [
    ("Gas rationing was common in the 1970s, when the aluminium industry was smaller.", "disruption"),
    ("Los cortes de energía son frecuentes en la región del cobre.", "disruption"),
    ("The ministry will decide on the uranium mining licence later this year.", "project_milestone"),
    ("Staatliche Beihilfen für Lithiumfabriken werden in Brüssel kontrovers diskutiert.", "investment"),
])
def test_causes_said_to_be_common_decisions_to_come_and_aid_debated_state_nothing(sentence, kind):
    assert kind not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "L'État a lancé un plan de 2 milliards d'euros pour le lithium et le nickel.",
    "The government announced a $3 billion fund for copper and cobalt refining.",
])
def test_a_plan_or_fund_of_a_stated_sum_is_an_investment(sentence):
    assert "investment" in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Lithium and graphite explorers have struggled to attract funding this year.",
    "The group's spending plans for nickel and cobalt will be detailed at its investor day.",
])
def test_money_sought_in_vain_or_plans_to_be_detailed_are_no_investment(sentence):
    assert "investment" not in types(sentence)


def test_what_often_happens_to_mines_is_no_disruption():
    assert "disruption" not in types(
        "Copper and cobalt mines in the south are often affected by floods in the rainy season, the report said.")


def test_a_find_in_a_concession_is_a_discovery():
    assert "discovery" in types("La empresa halló oro y plata en su nueva concesión.")


def test_processing_that_began_is_a_milestone():
    assert "project_milestone" in types("Ore processing began at the new copper concentrator last week.")


def test_a_german_investor_that_comes_in_with_a_sum_is_an_investment():
    assert "investment" in types("Ein Investor steigt mit 120 Millionen Euro bei dem Lithiumprojekt ein.")


def test_a_policy_launched_to_attract_investment_is_policy_not_investment():
    found = types("O governo federal lançou uma política para atrair investimentos em terras raras.")
    assert "policy" in found and "investment" not in found


@pytest.mark.parametrize("sentence, kind", [
    ("Lawmakers debated nationalising lithium but did not vote.", "policy"),
    ("Les permis environnementaux prennent souvent des années pour les mines de phosphate.", "project_milestone"),
    ("Технико-экономическое обоснование — важный этап любого проекта по добыче олова.", "project_milestone"),
])
def test_a_measure_debated_or_a_step_of_any_project_states_nothing(sentence, kind):
    assert kind not in types(sentence)


@pytest.mark.parametrize("sentence, kind", [
    ("Protesters blocked the road to the copper mine; a strike is possible if talks fail.", "disruption"),
    ("The lithium miner raised $200 million, and analysts asked whether more would be needed.", "investment"),
    ("Heavy rains, which are common in the region, flooded the nickel pit and halted mining.", "disruption"),
    ("An explosion halted the zinc smelter, and trading in the owner's shares was halted.", "disruption"),
    ("Workers blocked the gate of the copper mine on Monday, and talks with the union collapsed.", "disruption"),
])
def test_one_clauses_exclusion_leaves_another_clauses_event(sentence, kind):
    from orewire.events import mention_events
    start = next(i for i, _ in enumerate(sentence) if sentence[i:].lower().startswith(
        ("copper", "lithium", "nickel", "zinc")))
    assert kind in {t.type for t, _span in mention_events(sentence, [start])[0]}
