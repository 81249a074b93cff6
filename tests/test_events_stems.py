"""Event trigger stems match at a word's start, so each must not start a common other word
(seeds/events.yaml): "ban" is no "bank" or "Bangladesh", "limit" no "Limitada", "cota" no
"cotação", "fiel" no "field", "high" no "high-grade", "raison" no "raise". Found by an
audit of every short stem against the words of the shared corpora's texts. The sentences
are our own; each negative has a positive twin."""
from __future__ import annotations

import pytest

from tests.fixtures import row_events as _events


@pytest.mark.parametrize("lang,text,absent", [
    ("en", "Nickel exports rose 4% in May, the central bank said.",
     ("nickel", "export_restriction")),
    ("en", "Copper exports to Bangladesh rose 5% in the quarter.",
     ("copper", "export_restriction")),
    ("en", "Zinc exports from the Banks Island mine rose last year.",
     ("zinc", "export_restriction")),
    ("es", "Las exportaciones de cobre de Minera Andina Limitada subieron un 3 %.",
     ("copper", "export_restriction")),
    ("pt", "As exportações de minério de ferro subiram com a cotação em alta.",
     ("iron_ore", "export_restriction")),
    ("en", "The high-grade copper concentrate was shipped from the new field to Japan.",
     ("copper", "price")),
])
def test_a_stem_does_not_fire_inside_another_word(analyse, lang, text, absent):
    assert absent not in _events(analyse(text, lang))


@pytest.mark.parametrize("lang,text,present", [
    ("en", "Nickel exports are banned from June, the ministry said.",
     ("nickel", "export_restriction")),
    ("en", "Bangladesh imposed a ban on copper scrap exports.",
     ("copper", "export_restriction")),
    ("es", "El Gobierno limitó las exportaciones de cobre.", ("copper", "export_restriction")),
    ("pt", "O governo impôs cotas às exportações de minério de ferro.",
     ("iron_ore", "export_restriction")),
    ("en", "Copper hit a record high of $11,200 a tonne.", ("copper", "price")),
])
def test_the_stems_still_fire_on_their_own_words(analyse, lang, text, present):
    assert present in _events(analyse(text, lang))


# A halt a government orders is its export measure, not a disruption, unless a cause of a
# disruption is named too (seeds/events.yaml: disruption yields_to). Our own sentences.
@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The authorities halted tin exports pending a review of licences.",
     {("tin", "export_restriction")}),
    ("en", "Malawi stopped rare earth concentrate exports to promote local refining.",
     {("rare_earth_elements", "export_restriction")}),
    ("en", "The government halted cobalt exports after floods washed away the main bridge.",
     {("cobalt", "export_restriction"), ("cobalt", "disruption")}),
    ("en", "A landslide halted copper exports through the border post.",
     {("copper", "disruption")}),
])
def test_a_government_halt_is_the_measure_only(analyse, lang, text, expected):
    assert _events(analyse(text, lang)) == expected


# German exports compounded on the product (seeds/events.yaml: export_restriction's
# '\w+export', '\w+ausfuhr'). Our own sentences.
@pytest.mark.parametrize("text,expected", [
    ("Peking verbot die Germaniumexporte nach Japan.", {("germanium", "export_restriction")}),
    ("Jakarta stoppte die Bauxitexporte im Juni.", {("aluminium", "export_restriction")}),
    ("Die Kupferexporte Perus stiegen im Mai um 4 Prozent.", {("copper", "production")}),
])
def test_german_export_compounds(analyse, text, expected):
    assert _events(analyse(text, "de")) == expected
