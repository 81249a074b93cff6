"""orewire.lexicon: the mineral lexicon (seeds/minerals.yaml), the catalog and the matcher."""
from __future__ import annotations

import re

import pytest

from orewire.lexicon import (MineralMatcher, alias_table, catalog_rows, load_lexicon, minerals,
                             own_symbol_follows)
from orewire.linking import without_names
from orewire.nlp import sentence_model

LISTS = {"usgs_critical_2025": 60, "eu_critical_2023": 34, "eu_strategic_2023": 17}


def _listed_ids(list_name: str) -> set[str]:
    ids = set()
    for item in load_lexicon()[list_name]:
        ids.add(item["id"])
        ids.update(item.get("also") or [])
    return ids


# ---------------------------------------------------------------- the data

@pytest.mark.parametrize("list_name,count", sorted(LISTS.items()))
def test_official_list_sizes(list_name, count):
    items = load_lexicon()[list_name]
    assert len(items) == count
    assert all(item.get("item") and item.get("id") for item in items)
    # the same official item is never listed twice
    assert len({item["item"] for item in items}) == count


@pytest.mark.parametrize("list_name", sorted(LISTS))
def test_list_ids_exist(list_name):
    known = {m["id"] for m in load_lexicon()["minerals"]}
    assert _listed_ids(list_name) <= known


@pytest.mark.parametrize("list_name", sorted(LISTS))
def test_flags_agree_with_lists(list_name):
    listed = _listed_ids(list_name)
    wrong = [m["id"] for m in load_lexicon()["minerals"]
             if bool(m.get(list_name)) != (m["id"] in listed)]
    assert wrong == []


@pytest.mark.parametrize("list_name", sorted(LISTS))
def test_flags_are_explicit_booleans(list_name):
    missing = [m["id"] for m in load_lexicon()["minerals"]
               if not isinstance(m.get(list_name), bool)]
    assert missing == []


def test_known_flags():
    by_id = {m.id: m for m in minerals()}
    assert by_id["rare_earth_elements"].eu_strategic_2023
    assert by_id["neodymium"].eu_strategic_2023 and by_id["neodymium"].usgs_critical_2025
    assert by_id["lanthanum"].eu_critical_2023 and not by_id["lanthanum"].eu_strategic_2023
    assert by_id["copper"].usgs_critical_2025 and by_id["copper"].eu_strategic_2023
    assert not any((by_id["gold"].usgs_critical_2025, by_id["gold"].eu_critical_2023,
                    by_id["gold"].eu_strategic_2023))


def test_groups_from_fixed_set():
    groups = set(load_lexicon()["groups"])
    assert {m.group for m in minerals()} <= groups


def test_catalog_rows():
    rows = catalog_rows()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)
    for needed in ("lithium", "rare_earth_elements", "neodymium", "praseodymium",
                   "platinum_group_metals", "iron_ore", "coking_coal", "aluminium"):
        assert needed in ids
    assert set(rows[0]) == {"id", "name", "mineral_group", "usgs_critical_2025",
                            "eu_critical_2023", "eu_strategic_2023"}
    assert all(isinstance(r[k], bool) for r in rows
               for k in ("usgs_critical_2025", "eu_critical_2023", "eu_strategic_2023"))
    assert all(r["name"] and r["mineral_group"] for r in rows)


def test_alias_table_splits_by_case():
    lower, exact, false_friends, ambiguous = alias_table()
    assert "rare_earth_elements" in lower["rare earths"]
    assert exact["NdPr"] == {"neodymium", "praseodymium"}
    assert "REE" in exact and "REE" not in lower
    assert all(a == a.lower() for a in lower)
    assert all(a != a.lower() for a in exact)
    assert "lead" in ambiguous
    assert "gold medal" in false_friends


# ---------------------------------------------------------------- the matcher

@pytest.fixture(scope="module")
def find():
    """Finds mentions in ``text`` with the tokenizer and names of ``lang``."""
    tools = {}

    def _find(text, lang="en"):
        if lang not in tools:
            nlp = sentence_model(lang)
            tools[lang] = (nlp, MineralMatcher(nlp, lang))
        nlp, matcher = tools[lang]
        return [(m.mineral, m.surface) for m in matcher.find(nlp(text))]
    return _find


@pytest.mark.parametrize("sentence,surface,expected", [
    ("Beijing restricted exports of rare earths last year.", "rare earths",
     {"rare_earth_elements"}),
    ("The rare-earth magnet plant opened in Texas.", "rare-earth", {"rare_earth_elements"}),
    ("REE output rose in the second quarter.", "REE", {"rare_earth_elements"}),
    ("NdPr oxide prices climbed for a third week.", "NdPr", {"neodymium", "praseodymium"}),
    ("Lithium carbonate prices fell again.", "Lithium carbonate", {"lithium"}),
    ("The lithium carbonate plant is idle.", "lithium carbonate", {"lithium"}),
    ("The spodumene concentrate was shipped to China.", "spodumene", {"lithium"}),
    ("Guinea exports most of its bauxite by sea.", "bauxite", {"aluminium"}),
])
def test_finds(find, sentence, surface, expected):
    found = find(sentence)
    assert {m for m, s in found} == expected
    assert {s for m, s in found} == {surface}


@pytest.mark.parametrize("lang,sentence,surface,expected", [
    ("de", "Deutschland importiert Seltene Erden aus China.", "Seltene Erden",
     {"rare_earth_elements"}),
    ("es", "China exporta tierras raras a Japón.", "tierras raras", {"rare_earth_elements"}),
    ("fr", "La Chine exporte des terres rares vers le Japon.", "terres rares",
     {"rare_earth_elements"}),
    ("fr", "Le pays a produit 22 000 tonnes d'uranium.", "uranium", {"uranium"}),
    ("de", "Die Bauxitexporte stiegen deutlich.", "Bauxitexporte", {"aluminium"}),
    ("de", "Er hält Anteile an Gold- und Lithiumprojekten.", None, {"gold", "lithium"}),
    ("de", "Das Simandou-Eisenerzprojekt wächst.", "Simandou-Eisenerzprojekt", {"iron_ore"}),
])
def test_finds_in_other_languages(find, lang, sentence, surface, expected):
    found = find(sentence, lang)
    assert {m for m, s in found} == expected
    if surface:
        assert {s for m, s in found} == {surface}


def test_other_languages_names_only_in_their_language(find):
    # German "Bleistift" (pencil) and "bleibt" (stays) are not lead; Spanish "cobre" is
    # copper only in Spanish text.
    assert find("Er bleibt beim Bleistift.", "de") == []
    assert find("Las exportaciones de cobre suben.", "es") == [("copper", "cobre")]
    assert find("Las exportaciones de cobre suben.", "en") == []
    assert find("Ella cobre la deuda.", "es") == []  # the verb


def test_capitalised_word_used_as_a_name_is_not_a_mention(find):
    assert find("The startup Cobalt sells security robots to offices.") == []
    assert find("Cobalt is one of several robots on patrol. Cobalt has a camera.") == []
    # ... but a sentence-initial mineral with commodity words around it is
    assert find("Cobalt prices rose after the export ban.") == [("cobalt", "Cobalt")]
    assert find("Heavy rare earth elements are scarce.") == [
        ("rare_earth_elements", "Heavy rare earth elements")]


def test_ndpr_gives_two_mentions_of_same_span(find):
    assert sorted(find("NdPr prices rose.")) == [("neodymium", "NdPr"), ("praseodymium", "NdPr")]


def test_exact_case_alias_not_matched_in_lower_case(find):
    # "REE" is matched as written; "ree" is not the acronym
    assert find("The ree was muddy.") == []


def test_longest_match_wins(find):
    assert find("Heavy rare earth elements are scarce.") == [
        ("rare_earth_elements", "Heavy rare earth elements")]


@pytest.mark.parametrize("sentence", [
    "She won a gold medal in Paris.",
    "The home team took the lead early.",
    "Analysts saw a silver lining in the data.",
    "Negotiators hope to iron out the details.",
    "Shares of Lithium Americas rose on Monday.",
    "Barrick Gold reported higher earnings.",
    "He will lead the delegation to Brussels.",
])
def test_does_not_find(find, sentence):
    assert find(sentence) == []


def test_company_name_does_not_hide_later_mention(find):
    assert find("Lithium Americas said lithium output rose.") == [("lithium", "lithium")]


def test_lead_with_commodity_context(find):
    found = find("The lead and zinc mine reopened after the strike.")
    assert ("lead", "lead") in found
    assert ("zinc", "zinc") in found


def test_mention_offsets(find):
    nlp = sentence_model()
    matcher = MineralMatcher(nlp)
    text = "Kazakhstan wants to develop its rare earth metal industry."
    (m,) = matcher.find(nlp(text))
    assert text[m.start:m.end] == m.surface
    assert m.mineral == "rare_earth_elements"


def test_seed_article_sentence(find):
    s = ("The country’s presence as one of the top 10 copper-producing nations underscores "
         "its potential to establish a robust cluster for battery material production, "
         "including nickel, cobalt, manganese, and lithium.")
    assert [m for m, _ in find(s)] == ["copper", "nickel", "cobalt", "manganese", "lithium"]


def test_sentence_initial_mineral_with_a_commodity_word_nearby(find):
    assert find("Uranium is the fuel of nuclear reactors.") == [("uranium", "Uranium")]


@pytest.mark.parametrize("text,expected", [
    ("Nickel rose 2.1% to $16,200 in London.", ["nickel"]),
    ("Aluminium slipped to $2,310 by noon.", ["aluminium"]),
    # a capitalised word followed by a number in words is not a market quote
    ("Cobalt has all three sensors, its maker says.", []),
])
def test_a_sentence_initial_mineral_quoted_with_a_number_is_the_commodity(text, expected):
    nlp = sentence_model("en")
    assert [m.mineral for m in MineralMatcher(nlp, "en").find(nlp(text))] == expected


@pytest.mark.parametrize("lang,sentence", [
    ("de", "Trainer Nickel lobte nach dem Spiel seine Abwehr."),
    ("de", "Er spielte drei Jahre beim FC Kupfer in der Oberliga."),
    ("de", "Frau Gold leitet seit Mai das Bauamt."),
    ("en", "Mr. Silver declined to comment on the merger."),
    ("fr", "Madame Argent a présenté le budget de la ville."),
    # a given name between the title and the word, and German compound role titles
    ("de", "Vorstandschef Thomas Kupfer sprach von einem guten Jahr."),
    ("de", "Ministerin Anna Nickel stellte den Haushalt vor."),
    ("fr", "Le ministre Paul Argent a présenté le budget."),
])
def test_mineral_word_after_a_title_or_club_prefix_is_a_name(find, lang, sentence):
    assert find(sentence, lang) == []


def test_a_title_does_not_hide_the_commodity_later_in_the_sentence(find):
    assert find("Herr Gold sagte, der Preis für Kupfer steige.", "de") == [
        ("copper", "Kupfer")]


@pytest.mark.parametrize("sentence,expected", [
    ("Platinum and palladium each changed hands near $1,000 an ounce.",
     [("platinum", "Platinum"), ("palladium", "palladium")]),
    ("Tin, tungsten and tantalum come from the same eastern mines.",
     [("tin", "Tin"), ("tungsten", "tungsten"), ("tantalum", "tantalum")]),
])
def test_name_prone_word_opening_a_list_with_materials_is_a_mineral(find, sentence, expected):
    assert find(sentence) == expected


def test_name_prone_word_listed_with_another_name_is_still_a_name(find):
    # two capitalised words coordinated: names, not materials
    assert find("Cobalt and Nvidia showed their new robots on Tuesday.") == []


@pytest.mark.parametrize("sentence,expected", [
    ("The refiner sold 900 tonnes of NdPr oxide in the quarter.",
     [("neodymium", "NdPr"), ("praseodymium", "NdPr")]),
    ("Demand for HREEs outran supply again.", [("rare_earth_elements", "HREEs")]),
])
def test_an_acronym_or_formula_mid_sentence_is_not_taken_for_a_name(find, sentence, expected):
    assert find(sentence) == expected


def test_name_prone_word_opening_a_sentence_priced_by_mass_is_a_mineral(find):
    assert find("Nickel, which many traders avoid, climbed to $17,000 a tonne.") == [
        ("nickel", "Nickel")]
    # a name with a price that is not by the tonne or ounce stays a name
    assert find("Cobalt, the robot maker, raised $40 million from investors.") == []


@pytest.mark.parametrize("lang,sentence", [
    # an English spelling inside German text is a product's or a company's name
    ("de", "Der Hersteller bringt den Kombi als Sondermodell Platinum auf den Markt."),
    ("de", "Die Beratungsfirma Graphite Partners eröffnet ein Büro in Köln."),
    # a product's tier after its product word, where every noun is capitalised
    ("de", "Die Kreditkarte Gold kostet 80 Euro im Jahr."),
    ("de", "Der Tarif Platin enthält eine Reiseversicherung."),
    # colours and prizes named after a metal
    ("en", "The phone comes in titanium grey and a blue finish."),
    ("es", "El delantero ganó el Balón de Oro en diciembre."),
    ("fr", "Le groupe a reçu un disque d'or pour son album."),
])
def test_product_tiers_english_spellings_in_german_colours_and_prizes_are_no_mentions(
        find, lang, sentence):
    assert find(sentence, lang) == []


@pytest.mark.parametrize("lang,sentence,expected", [
    # German words for the materials stay mentions in the middle of a sentence
    ("de", "Der Konzern fördert Platin und Gold in Südafrika.",
     [("platinum", "Platin"), ("gold", "Gold")]),
    ("de", "Die Mine liefert Kupfer nach Hamburg.", [("copper", "Kupfer")]),
    # compounds of quotes and kinds of the metal
    ("de", "Die Kupfernotierung an der LME stieg.", [("copper", "Kupfernotierung")]),
    ("de", "Der Goldkurs erreichte ein Rekordhoch.", [("gold", "Goldkurs")]),
    ("de", "Aurubis produzierte mehr Kathodenkupfer.", [("copper", "Kathodenkupfer")]),
    # a genitive after its article; without one the ending makes no mention
    ("de", "Der Preis des Kupfers stieg.", [("copper", "Kupfers")]),
    ("de", "Kongo liefert 70 Prozent des weltweiten Kobalts.", [("cobalt", "Kobalts")]),
    ("de", "Die Kupfers GmbH zieht um.", []),
])
def test_german_material_words_stay_mentions(find, lang, sentence, expected):
    assert find(sentence, lang) == expected


def test_a_fund_backed_by_the_metal_is_the_metal(find):
    assert find("Gold-backed ETFs saw inflows of 12 tonnes in March.") == [("gold", "Gold")]


@pytest.mark.parametrize("lang,sentence,expected", [
    # review: a headline in capitals has no given name, compounds ending in a product or a
    # role word are not titles, market words are not sport, "backed" is no context
    ("en", "Chile Mining Minister Says Copper Output Will Rise", [("copper", "Copper")]),
    ("de", "Die EU kam mit dem neuen Sanktionspaket Aluminium voran.",
     [("aluminium", "Aluminium")]),
    ("de", "Der Halbleiter Gallium ist knapp.", [("gallium", "Gallium")]),
    ("es", "Los grandes jugadores del mercado apuestan por el oro.", [("gold", "oro")]),
    ("en", "Cobalt, backed by Sequoia, makes security robots.", []),
    # a head that starts with "s" after the name ("Kupferschrott")
    ("de", "Der Kupferschrott wird recycelt.", [("copper", "Kupferschrott")]),
])
def test_review_of_the_new_name_and_compound_rules(find, lang, sentence, expected):
    assert find(sentence, lang) == expected


# ------------------------------------------------ a mineral word with its own symbol

@pytest.mark.parametrize("text,ids,expected", [
    ("Holmium (Ho) oxide", {"holmium"}, True),
    ("Plata (Ag) y oro", {"silver"}, True),
    ("Kupfer (Cu) notierte fester", {"copper"}, True),
    ("Wolfram (W)", {"tungsten"}, True),
    ("Uranium (U3O8) spot", {"uranium"}, True),
    ("Rare earths (Nd)", {"rare_earth_elements"}, True),
    ("PGMs (Pd)", {"platinum_group_metals"}, True),
    # another letter in brackets: a party label, a news agency, a wrong element
    ("Dan Silver (R)", {"silver"}, False),
    ("Gold (AP)", {"gold"}, False),
    ("Nickel (N)", {"nickel"}, False),
    ("Silver said", {"silver"}, False),
])
def test_own_symbol_follows_is_read_from_the_lexicon(text, ids, expected):
    word = text.split(" (")[0] if " (" in text else text.split()[0]
    assert own_symbol_follows(text, len(word), ids) is expected


def test_every_symbol_is_a_symbol_or_formula():
    for m in load_lexicon()["minerals"]:
        for sym in m.get("symbols") or []:
            assert re.fullmatch(r"[A-Z][A-Za-z0-9]{0,7}", str(sym)), (m["id"], sym)


@pytest.mark.parametrize("lang,sentence,expected", [
    # a fact box quoting formulas: the element, mid-sentence and capitalised
    ("en", "Weekly quotes: Uranium (U3O8) and Vanadium (V2O5) were flat.",
     [("uranium", "U3O8"), ("uranium", "Uranium"), ("vanadium", "V2O5"),
      ("vanadium", "Vanadium")]),
    ("es", "Cotizaciones de la semana: Plata (Ag) y Oro (Au) subieron.",
     [("gold", "Oro"), ("silver", "Plata")]),
    ("en", "Quotes for Holmium (Ho) and Terbium (Tb) were unchanged.",
     [("holmium", "Holmium"), ("terbium", "Terbium")]),
    # a party label is no symbol: the name stays a name
    ("en", "The bill sponsored by Assemblyman Sheldon Silver (D) passed.", []),
    ("en", "A ruling against Tom Nickel (R) was appealed.", []),
])
def test_a_capitalised_word_is_the_element_only_with_its_own_symbol(find, lang, sentence,
                                                                     expected):
    assert sorted(find(sentence, lang)) == expected


def test_without_names_keeps_a_person_labelled_element_with_its_own_symbol():
    text = "Spot Uranium (U3O8) rose. Rep. Dan Silver (R) spoke."
    mentions = [{"mineral": "uranium", "surface": "Uranium", "start": 5, "end": 12},
                {"mineral": "silver", "surface": "Silver", "start": 35, "end": 41}]
    people = [{"label": "PERSON", "start": 5, "end": 12},
              {"label": "PERSON", "start": 31, "end": 41}]
    assert [m["mineral"] for m in without_names(mentions, people, "en", text)] == ["uranium"]
