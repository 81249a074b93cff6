"""Events on a stored row: the country each event of a mention takes (orewire/linking.py
event_rows), end to end on one article at a time. Every sentence is our own writing."""
from __future__ import annotations

import pytest

from orewire.countries import CountryMatcher
from orewire.figures import find_figures
from orewire.lexicon import MineralMatcher
from orewire.linking import article_year, build_row, entities_from_doc, tag_doc
from orewire.nlp import ner_model, parser_model, sentence_model


@pytest.fixture(scope="module")
def events():
    ner = ner_model()
    countries = CountryMatcher(ner)
    parser = parser_model()

    def run(text, lang="en"):
        nlp = sentence_model(lang)
        tagged = tag_doc(nlp(text), MineralMatcher(nlp, lang), find_figures, lang,
                         article_year("2025-06-01T00:00:00+00:00"), parser)
        entities = entities_from_doc(ner(text), countries, lang)
        row = build_row({"article_id": "a", "url": "u", "text": text, "language": lang,
                         "published_at": "2025-06-01T00:00:00+00:00"},
                        entities, tagged, ingested_at=None, run_id="r")
        return {m["mineral"]: m["events"] for m in row["minerals"]}
    return run


def test_an_import_measure_takes_no_country_its_imports_come_from(events):
    got = events("The package includes 35% duties on imports of palladium from Russia.")
    assert got["palladium"] == [{"type": "import_measure", "direction": "tightening",
                                 "country": None}]


def test_the_government_acting_is_the_import_measures_country(events):
    got = events("Canada imposed 25% duties on imports of aluminium from China.")
    assert got["aluminium"][0]["country"] == "CA"


def test_each_mineral_of_a_sentence_keeps_its_own_clauses_event(events):
    got = events("Chile's copper output rose 3% in May, while zinc prices fell in London.")
    assert got["copper"] == [{"type": "production", "direction": "up", "country": "CL"}]
    assert [e["type"] for e in got["zinc"]] == ["price"]
    assert got["zinc"][0]["direction"] == "down"


def test_a_direction_dated_before_the_news_gives_way_to_it(events):
    # the ban of 2019 is background to the news, the easing: its event stays, its
    # direction goes, so the article's latest direction is the news's
    got = events("Malaysia will ease its ban on tin exports next month, officials said. "
                 "Malaysia banned tin exports in 2019 to build smelters at home.")
    assert got["tin"] == [{"type": "export_restriction", "direction": None,
                           "country": "MY"}]


@pytest.mark.parametrize("text, direction", [
    # alone, a dated direction is the article's
    ("Malaysia banned tin exports in 2019 to build smelters at home.", "tightening"),
    # a later year is newer than an earlier one
    ("Tin output fell in 2022, the ministry said. Tin output rose in 2024.", "up"),
])
def test_a_dated_direction_stays_when_nothing_newer_states_another(events, text,
                                                                    direction):
    assert events(text)["tin"][0]["direction"] == direction


def test_a_direction_dated_in_the_articles_year_or_later_is_news(events):
    # the article is of 2025: "in 2026" is ahead, not background
    got = events("Malaysia eased its rules on tin exports for some smelters. "
                 "Malaysia will tighten tin exports again in 2026.")
    assert got["tin"][0]["direction"] == "tightening"


# A capital standing for its government, or naming the place, gives the event's country
# (events.capital_countries, wired in linking.event_rows); a capital told as a place is no
# measure's actor, and a country named with it keeps its own role.
@pytest.mark.parametrize("text, lang, mineral, country", [
    ("Beijing tightened export controls on graphite on Friday.", "en", "graphite", "CN"),
    ("Kinshasa suspended cobalt exports for four months.", "en", "cobalt", "CD"),
    ("Pékin a restreint les exportations de graphite.", "fr", "graphite", "CN"),
    ("Москва запретила экспорт урана в США.", "ru", "uranium", "RU"),
    ("After talks in Beijing, the ministry banned nickel ore exports.", "en", "nickel", None),
    ("China's commerce ministry said Beijing would curb gallium exports.", "en", "gallium",
     "CN"),
    ("A strike halted the copper mine near Lima on Monday.", "en", "copper", "PE"),
])
def test_a_capital_gives_the_events_country(events, text, lang, mineral, country):
    assert events(text, lang)[mineral][0]["country"] == country
