"""orewire.countries: entity text to ISO 3166-1 alpha-2, and the CountryMatcher."""
from __future__ import annotations

import pytest

from orewire.countries import CountryMatcher, code_for, country_terms, country_terms_by_lang
from orewire.nlp import sentence_model


@pytest.mark.parametrize("text,code", [
    ("China's", "CN"),
    ("Kazakhstan’s", "KZ"),          # curly apostrophe
    ("Australia’s", "AU"),
    ("the US", "US"),
    ("The United States", "US"),
    ("U.S.", "US"),
    ("U.S", "US"),
    ("US", "US"),
    ("DRC", "CD"),
    ("Congo", "CD"),                 # news convention, overrides pycountry's CG
    ("Congolese", "CD"),
    ("Republic of the Congo", "CG"),
    ("Kazakh", "KZ"),
    ("Kazakhstani", "KZ"),
    ("Belgian", "BE"),
    ("Chinese", "CN"),
    ("Britain", "GB"),
    (" Chile, ", "CL"),
])
def test_code_for(text, code):
    assert code_for(text) == code


@pytest.mark.parametrize("text", ["EU", "European Union", "the EU", "Europe", "European",
                                  "New South Wales", "Inner Mongolia", "", "   ", "us"])
def test_code_for_none(text):
    assert code_for(text) is None


def test_code_for_short_forms_are_case_sensitive():
    assert code_for("US") == "US"
    assert code_for("us") is None
    assert code_for("Chad") == "TD"
    assert code_for("chad") is None


def test_code_for_language_specific():
    assert code_for("chinoise", "fr") == "CN"
    assert code_for("Kasachstans", "de") == "KZ"
    assert code_for("Kasachstans", "en") is None


def test_unknown_language_falls_back_to_english():
    assert country_terms("xx") is country_terms("en")
    assert code_for("Belgian", "xx") == "BE"


def test_terms_are_iso2():
    for lang, terms in country_terms_by_lang().items():
        bad = {t: c for t, c in terms.items() if not (len(c) == 2 and c.isupper())}
        assert bad == {}, lang
    en = country_terms("en")
    assert "EU" not in en and "European Union" not in en


# ---------------------------------------------------------------- CountryMatcher

@pytest.fixture(scope="module")
def nlp():
    return sentence_model()


@pytest.fixture(scope="module")
def matcher(nlp):
    return CountryMatcher(nlp)


def codes(matcher, nlp, text, lang="en"):
    return [(t, c) for _s, _e, t, c in matcher.find(nlp(text), lang)]


def test_find_demonyms_with_offsets(matcher, nlp):
    text = "The Kazakh delegation met Belgian officials and Chinese traders in Brussels."
    found = matcher.find(nlp(text), "en")
    assert [(t, c) for _s, _e, t, c in found] == [("Kazakh", "KZ"), ("Belgian", "BE"),
                                                  ("Chinese", "CN")]
    for s, e, t, _c in found:
        assert text[s:e] == t


def test_find_possessives(matcher, nlp):
    assert codes(matcher, nlp, "Kazakhstan’s exports and China's imports grew.") == [
        ("Kazakhstan", "KZ"), ("China", "CN")]


def test_seed_article_sentence(matcher, nlp):
    s = ("ASTANA – Vice Minister of Industry and Construction Olzhas Saparbekov discussed "
         "Kazakhstan’s potential in rare metals development at the conference on critical "
         "raw materials and trade policy, organized within the Belgian presidency of the "
         "Council of the European Union (EU) on March 26 in Brussels, reported Kazinform "
         "news agency.")
    assert sorted({c for _t, c in codes(matcher, nlp, s)}) == ["BE", "KZ"]


def test_longest_match_first(matcher, nlp):
    assert codes(matcher, nlp, "The Democratic Republic of the Congo and the DRC.") == [
        ("Democratic Republic of the Congo", "CD"), ("DRC", "CD")]
    assert codes(matcher, nlp, "He was born in Papua New Guinea.") == [
        ("Papua New Guinea", "PG")]


def test_new_south_wales_is_not_gb(matcher, nlp):
    found = codes(matcher, nlp, "Miners in New South Wales and Western Australia expanded.")
    assert ("Wales", "GB") not in found
    assert found == [("Australia", "AU")]
    assert codes(matcher, nlp, "Old coal mines in Wales closed.") == [("Wales", "GB")]


def test_inner_mongolia_is_not_mn(matcher, nlp):
    assert codes(matcher, nlp, "Baotou in Inner Mongolia refines rare earths.") == []


def test_blocs_are_not_countries(matcher, nlp):
    assert codes(matcher, nlp, "The EU and the European Union signed a deal.") == []


def test_short_forms(matcher, nlp):
    assert [c for _t, c in codes(matcher, nlp, "The US, the U.S. and the USA agree.")] == \
        ["US", "US", "US"]


def test_language_specific_terms_only_with_their_language(matcher, nlp):
    fr = "Les entreprises chinoises dominent le raffinage."
    assert codes(matcher, nlp, fr, "fr") == [("chinoises", "CN")]
    assert codes(matcher, nlp, fr, "en") == []
    assert codes(matcher, nlp, fr, None) == []


def test_spanish_china_only_in_spanish(matcher, nlp):
    assert codes(matcher, nlp, "The vase is made of fine china.", "en") == []
    assert codes(matcher, nlp, "La demanda de la china crece.", "es") == [("china", "CN")]


def test_english_terms_apply_to_other_languages(matcher, nlp):
    assert codes(matcher, nlp, "Die chinesische Regierung stoppt Exporte nach Chile.", "de") \
        == [("chinesische", "CN"), ("Chile", "CL")]


@pytest.mark.parametrize("text,lang,expected", [
    ("Chinesische Firmen kaufen Lithium in Chile.", "de", [("Chinesische", "CN"),
                                                           ("Chile", "CL")]),
    ("Chilenos y peruanos venden cobre.", "es", [("Chilenos", "CL"), ("peruanos", "PE")]),
])
def test_sentence_initial_capitalised_demonym(matcher, nlp, text, lang, expected):
    assert codes(matcher, nlp, text, lang) == expected
