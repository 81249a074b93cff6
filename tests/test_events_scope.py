"""A trigger belongs to the clause that states it: which of a sentence's minerals an
event and its direction go to (orewire.events.mention_events), and the direction words
of each language. Every sentence is our own writing."""
from __future__ import annotations

import pytest

from orewire.events import clauses, direction_for, mention_events, sentence_events


def scoped(sentence, *words):
    """{word: {type: direction}} for mentions at the first occurrence of each word."""
    starts = [sentence.index(w) for w in words]
    return {w: {t.type: direction_for(t, pos, clause) for t, clause in events}
            for w, pos, events in zip(words, starts, mention_events(sentence, starts))}


def test_a_sentence_without_a_break_is_one_clause():
    sentence = "Copper, zinc and lead output rose 4% in May, the agency said."
    assert clauses(sentence) == [(0, len(sentence))]


def test_each_mineral_takes_the_event_of_its_own_clause():
    got = scoped("Copper prices rose 3% on Monday, while zinc output fell 5% in May.",
                 "Copper", "zinc")
    assert got == {"Copper": {"price": "up"}, "zinc": {"production": "down"}}


def test_a_clause_stating_nothing_shares_the_sentence_event_with_its_own_direction():
    got = scoped("Nickel output rose 6% in the quarter, but cobalt fell.", "Nickel", "cobalt")
    assert got == {"Nickel": {"production": "up"}, "cobalt": {"production": "down"}}


def test_the_elided_repeat_in_another_language():
    got = scoped("La producción de cobre aumentó 4% en mayo, aunque la de zinc cayó.",
                 "cobre", "zinc")
    assert got == {"cobre": {"production": "up"}, "zinc": {"production": "down"}}


def test_an_event_told_around_the_minerals_reaches_them():
    got = scoped("Beijing announced new export controls on Monday; they cover gallium "
                 "and germanium.", "gallium", "germanium")
    assert got["gallium"] == {"export_restriction": "tightening"}
    assert got["germanium"] == {"export_restriction": "tightening"}


def test_a_measure_in_one_clause_does_not_silence_output_in_another():
    got = scoped("Jakarta banned exports of bauxite in June, while copper output rose 4%.",
                 "bauxite", "copper")
    assert got == {"bauxite": {"export_restriction": "tightening"},
                   "copper": {"production": "up"}}


def test_a_list_shares_its_event():
    got = scoped("Workers struck at the copper, zinc and silver mine.", "copper", "zinc",
                 "silver")
    assert all(v == {"disruption": None} for v in got.values())


@pytest.mark.parametrize("sentence,kind,direction", [
    ("Copper output slipped 2% in March.", "production", "down"),
    ("Die Nickelproduktion legte um 8 Prozent zu.", "production", "up"),
    ("La production d'or a progressé de 6 %.", "production", "up"),
    ("La producción de cobre bajó 5% en junio.", "production", "down"),
    ("As exportações de minério de ferro caíram 16% em maio.", "production", "down"),
    ("Добыча меди снизилась на 4% в марте.", "production", "down"),
    ("Der Goldpreis gab um 2 Prozent nach.", "price", "down"),
    ("Le prix du nickel a bondi de 10 %.", "price", "up"),
    ("El precio del cobre retrocedió 3%.", "price", "down"),
    ("O preço do lítio disparou 20% em março.", "price", "up"),
    ("Цены на медь снизились на 3%.", "price", "down"),
    ("Цена золота поднялась до 3000 долларов.", "price", "up"),
])
def test_direction_words_of_each_language(sentence, kind, direction):
    trigger = next(t for t in sentence_events(sentence) if t.type == kind)
    assert direction_for(trigger, 0) == direction


def test_a_clause_after_comma_and_is_its_own():
    got = scoped("Spot prices for copper rose 2% on Monday, and zinc output fell 5% in May.",
                 "copper", "zinc")
    assert got == {"copper": {"price": "up"}, "zinc": {"production": "down"}}


def test_a_list_after_comma_and_still_shares():
    got = scoped("Indonesia banned exports of nickel ore in 2020, and of bauxite in 2023.",
                 "nickel", "bauxite")
    assert got["bauxite"] == got["nickel"] == {"export_restriction": "tightening"}


def test_a_volume_in_its_own_clause_is_output_beside_a_measure():
    got = scoped("Cobalt exports doubled in July, as traders raced ahead of the new export "
                 "curbs.", "Cobalt")
    assert got["Cobalt"]["production"] == "up"


def test_a_good_called_product_does_not_silence_its_volume():
    assert "production" in {t.type for t in sentence_events(
        "The country exported zero gallium product last month, down from 6 tonnes.")}
    assert "production" not in {t.type for t in sentence_events(
        "Lithium products are sold to battery makers across Asia.")}


def test_a_single_shipment_under_a_quota_is_the_export_measure():
    types = {t.type for t in sentence_events(
        "Officials sampled the first cobalt shipment under the new export quota.")}
    assert "export_restriction" in types and "project_milestone" not in types


@pytest.mark.parametrize("sentence,kind,direction", [
    # a negated cue states no change: the measure keeps its default
    ("The government will not lift the ban on raw nickel ore exports.",
     "export_restriction", "tightening"),
    ("Authorities said they would no longer allow exports of tin concentrate.",
     "export_restriction", "tightening"),
    ("Lithium production did not grow last year and fell 2% instead.", "production", "down"),
    # an approval required is the control; one granted eases it
    ("The ministry will require approval for all graphite exports from December.",
     "export_restriction", "tightening"),
    ("The ministry granted export permits to three bauxite miners.",
     "export_restriction", "easing"),
    # a bigger quota eases, a smaller one tightens
    ("Congo raised the cobalt export quota for the fourth quarter.",
     "export_restriction", "easing"),
    ("Indonesia cut its nickel ore export quota.", "export_restriction", "tightening"),
    ("Washington suspended tariffs on Chinese graphite for 90 days.", "import_measure",
     "easing"),
])
def test_negations_approvals_and_quotas(sentence, kind, direction):
    trigger = next(t for t in sentence_events(sentence) if t.type == kind)
    assert direction_for(trigger, 0) == direction


def test_a_negated_move_states_none():
    trigger = next(t for t in sentence_events("Copper output didn't rise last year.")
                   if t.type == "production")
    assert direction_for(trigger, 0) is None


def test_any_direction_word_states_a_move_of_output():
    trigger = next(t for t in sentence_events("A produção de cobre subiu no trimestre.")
                   if t.type == "production")
    assert direction_for(trigger, 0) == "up"


@pytest.mark.parametrize("sentence", [
    "There were no exports of tin concentrate in May, against 300 tonnes in April.",
    "Im Mai gab es keine Exporte von Gallium, nach 5 Tonnen im April.",
])
def test_none_shipped_is_output_down(sentence):
    trigger = next(t for t in sentence_events(sentence) if t.type == "production")
    assert direction_for(trigger, 0) == "down"
