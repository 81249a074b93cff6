"""orewire.events: supply-event types and directions of a sentence, and the events a
stored row carries. Every sentence is our own writing."""
from __future__ import annotations

import pytest

from orewire.events import TYPES, direction_for, mention_events, rules, sentence_events


def types(sentence):
    return {t.type for t in sentence_events(sentence)}


def test_every_type_has_triggers():
    assert set(rules()) == set(TYPES)


@pytest.mark.parametrize("sentence,expected", [
    ("Jakarta banned exports of raw bauxite from June.", "export_restriction"),
    ("Beijing will require licences for graphite exports.", "export_restriction"),
    ("Das Land verhängte ein Exportverbot für Zinn.", "export_restriction"),
    ("Le gouvernement a suspendu les exportations de cobalt.", "export_restriction"),
    ("Washington imposed anti-dumping duties on Chinese aluminium foil.", "import_measure"),
    ("The explorer discovered a large lithium deposit in Quebec.", "discovery"),
    ("The maiden resource estimate puts contained copper at 2 million tonnes.", "discovery"),
    ("Chile's copper output rose 4% in May.", "production"),
    ("Workers at the nickel smelter went on strike on Monday.", "disruption"),
    ("Floods halted operations at the zinc mine.", "disruption"),
    ("The state granted an environmental permit for the rare earths project.",
     "project_milestone"),
    ("The company poured its first gold at the new mine.", "project_milestone"),
    ("The automaker signed an offtake agreement for lithium hydroxide.", "deal"),
    ("The fund provided a $300 million loan for the cobalt refinery.", "investment"),
    ("Spot tin prices jumped to a record on Thursday.", "price"),
    ("The government added antimony to its critical minerals list.", "policy"),
    ("Lawmakers voted to nationalise lithium deposits.", "policy"),
])
def test_each_type_fires_on_a_sentence_that_states_it(sentence, expected):
    assert expected in types(sentence)


@pytest.mark.parametrize("sentence", [
    "Lithium is used in batteries for phones and cars.",
    "Copper wiring runs through the old building.",
    "The gold medal went to the home team.",
])
def test_most_sentences_carry_no_event(sentence):
    assert types(sentence) == set()


def test_an_export_ban_is_not_also_production():
    assert types("Indonesia stopped exports of nickel ore in 2020.") == {"export_restriction"}


def test_lost_output_is_a_disruption_not_production():
    assert "production" not in types("A blockade cut copper output by 20,000 tonnes.")


@pytest.mark.parametrize("sentence,kind,direction", [
    ("The ministry lifted the ban on cobalt exports.", "export_restriction", "easing"),
    ("China banned exports of gallium.", "export_restriction", "tightening"),
    ("Zinc output fell 5% last quarter.", "production", "down"),
    ("Iron ore production rose to a record.", "production", "up"),
    ("Nickel prices slumped to a four-year low.", "price", "down"),
    ("The tin price hit $30,000 a tonne.", "price", "up"),
    # a market report's milder words
    ("Zinc prices retreated from a nine-month high.", "price", "down"),
    ("Tin prices softened on Monday.", "price", "down"),
    ("Spot lithium was quoted at $9,800 a tonne, down from $10,400.", "price", "down"),
    ("Antimony supply is set to shrink by 6% next year.", "production", "down"),
    ("Graphite prices sagged to $420 a tonne as Chinese output swelled.", "production",
     "up"),
])
def test_direction(sentence, kind, direction):
    trigger = next(t for t in sentence_events(sentence) if t.type == kind)
    assert direction_for(trigger, 0) == direction


def test_a_level_has_no_direction():
    trigger = next(t for t in sentence_events("Peru produced 2.6 million tonnes of copper.")
                   if t.type == "production")
    assert direction_for(trigger, 0) is None


@pytest.mark.parametrize("sentence,expected", [
    ("Dock workers walked off the job at the copper port on Tuesday.", "disruption"),
    ("Authorities suspended mining at the tin field after the landslide.", "disruption"),
    ("The plant poured its first battery-grade lithium hydroxide in May.",
     "project_milestone"),
    ("The ministry revoked the licences of four bauxite miners.", "policy"),
])
def test_more_ways_of_stating_an_event(sentence, expected):
    assert expected in [t.type for t in sentence_events(sentence)]


def test_a_royalty_approval_is_policy_not_a_project_milestone():
    types = [t.type for t in sentence_events("Lawmakers approved a higher royalty on "
                                             "lithium sales.")]
    assert "policy" in types and "project_milestone" not in types


def test_a_shared_direction_word_belongs_to_the_nearer_type():
    sentence = "Nickel prices tumbled this week as supply from the new smelters surged."
    directions = {t.type: direction_for(t, 0) for t in sentence_events(sentence)}
    assert directions == {"price": "down", "production": "up"}


@pytest.mark.parametrize("sentence,expected", [
    ("Surveyors uncovered a sizeable tin deposit near the border.", "discovery"),
    ("The operator lifted its zinc resource by a fifth after more drilling.", "discovery"),
    ("The hole intersected 25 metres of graphite mineralisation.", "discovery"),
    ("The group will close its nickel smelter in Wales next spring.", "project_milestone"),
    ("The minister inaugurated the cobalt refinery on Friday.", "project_milestone"),
    ("The explorer closed an oversubscribed placement to drill for lithium.", "investment"),
    ("The producer plans to spend $400 million on its copper concentrator.", "investment"),
])
def test_general_wording_of_discoveries_milestones_and_investments(sentence, expected):
    assert expected in [t.type for t in sentence_events(sentence)]


@pytest.mark.parametrize("sentence,kind,direction", [
    # what came before the news gives way to the news (the labels take the latest)
    ("Tungsten prices, which sank through the winter, recovered in April.", "price", "up"),
    ("After two years of decline, Zambian cobalt output rose in the third quarter.",
     "production", "up"),
    # French "levé": the ban was lifted
    ("Pékin a levé l'interdiction des exportations de graphite.", "export_restriction",
     "easing"),
])
def test_direction_of_the_news_not_its_background(sentence, kind, direction):
    trigger = next(t for t in sentence_events(sentence) if t.type == kind)
    assert direction_for(trigger, 0) == direction


def test_a_background_cue_alone_still_counts():
    # with no other cue, the relative clause's is the sentence's direction
    trigger = next(t for t in sentence_events(
        "Manganese prices, which fell sharply in May, are watched closely.")
        if t.type == "price")
    assert direction_for(trigger, 0) == "down"


@pytest.mark.parametrize("sentence,direction", [
    ("Vanadium prices tripled in two years, but they slipped this month.", "down"),
    ("Zinc output fell last year; this year it is expected to rise 5%.", "up"),
])
def test_a_later_clause_about_the_same_mineral_gives_the_latest_direction(sentence,
                                                                          direction):
    (events,) = mention_events(sentence, [0])
    trigger, clause = next((t, c) for t, c in events if t.type in ("price", "production"))
    assert direction_for(trigger, 0, clause) == direction


def test_a_later_clause_with_a_mineral_of_its_own_keeps_its_direction():
    sentence = "Copper output rose 4% in May, while zinc output fell sharply."
    copper, zinc = mention_events(sentence, [0, sentence.index("zinc")])
    assert direction_for(copper[0][0], 0, copper[0][1]) == "up"
    assert direction_for(zinc[0][0], sentence.index("zinc"), zinc[0][1]) == "down"


def test_the_export_import_bank_is_no_import_ban():
    assert types("The Export-Import Bank lent $300 million for the cobalt refinery.") == \
        {"investment"}


@pytest.mark.parametrize("sentence", [
    "Copper output was flat after the company closed down one smelter.",
    "Zinc output rose while software makers cut jobs.",
])
def test_phrasal_down_and_software_are_no_price_move(sentence):
    assert "price" not in types(sentence)
