"""``orewire digest``: new links, supply events and surges of a window, one item per story,
on a warehouse made by hand (sentences written for these tests)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from orewire import digest
from orewire.destinations.duckdb import DuckDBWarehouse
from orewire.pipeline.cli import main

UTC = dt.timezone.utc
UNTIL = "2025-03-08"


def _t(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=UTC)


def mention(mineral, countries=(), sentence="", events=(), start=0):
    return {"mineral": mineral, "surface": mineral, "start": start, "end": start + 1,
            "sentence": sentence, "countries": list(countries), "organizations": [],
            "figures": [], "events": [{"type": t, "direction": d, "country": c}
                                      for t, d, c in events]}


def article(aid, day, mentions, title=None, source="Desk", duplicate_of=None):
    return {"article_id": aid, "url": f"https://news.example.org/{aid}",
            "source": source, "title": title or f"Story {aid}", "published_at": _t(day),
            "ingested_at": _t(day), "fetched_at": _t(day), "language": "en", "text": "t",
            "minerals": mentions, "mineral_ids": sorted({m["mineral"] for m in mentions}),
            "country_codes": sorted({c for m in mentions for c in m["countries"]}),
            "duplicate_of": duplicate_of, "run_id": "r1"}


BAN = ("Ruritania's trade ministry said on Monday it would ban exports of antimony "
       "concentrate from April.")
NEW_PAIR = "Engineers in Chile drilled the first antimony holes at the coastal site."
LIFTED = "Freedonia lifted its quota on tungsten exports after a year of talks."
OLD_PAIR = "Chile shipped more copper than ever in January."


def write_warehouse(path: str) -> str:
    """The digest's test rows in a new DuckDB warehouse at ``path``. Window 1-8 March 2025;
    baseline 1 Feb - 1 Mar."""
    rows = [
        # the baseline: Chile-copper is old news; tungsten named once a week
        article("b1", "2025-02-05", [mention("copper", ["CL"], OLD_PAIR)]),
        article("b2", "2025-02-12", [mention("tungsten", [], "Tungsten prices held.")]),
        # the window: one story about antimony, syndicated twice
        article("w1", "2025-03-03", [
            mention("antimony", ["XR"], BAN, [("export_restriction", "tightening", "XR")]),
            mention("antimony", ["CL"], NEW_PAIR, start=40)], title="Antimony ban"),
        article("w1c1", "2025-03-04", [
            mention("antimony", ["XR"], BAN, [("export_restriction", "tightening", "XR")]),
            mention("antimony", ["CL"], NEW_PAIR, start=40)],
            title="Antimony ban (copy)", source="Wire", duplicate_of="w1"),
        article("w1c2", "2025-03-05", [
            mention("antimony", ["XR"], BAN, [("export_restriction", "tightening", "XR")])],
            title="Antimony ban (copy 2)", source="Wire 2", duplicate_of="w1"),
        article("w2", "2025-03-04", [mention("copper", ["CL"], OLD_PAIR)]),
        # a lifted restriction, and tungsten in three stories (baseline 1 in 4 weeks)
        article("w3", "2025-03-06", [
            mention("tungsten", ["XF"], LIFTED, [("export_restriction", "easing", "XF")])]),
        article("w4", "2025-03-06", [mention("tungsten", [], "Tungsten rallied.")]),
        article("w5", "2025-03-07", [mention("tungsten", [], "Tungsten buyers queued.")]),
        # a copy in the window of a story from long ago is not news
        article("o1", "2024-12-01", [
            mention("gallium", ["CN"], "China curbed gallium exports.",
                    [("export_restriction", "tightening", "CN")])]),
        article("o1c", "2025-03-07", [
            mention("gallium", ["CN"], "China curbed gallium exports.",
                    [("export_restriction", "tightening", "CN")])], duplicate_of="o1"),
        # after the window
        article("late", "2025-03-09", [mention("nickel", ["ID"], "Indonesia mined nickel.",
                                               [("production", "up", "ID")])]),
    ]
    with DuckDBWarehouse(path) as wh:
        wh.insert_rows("articles", rows)
    return path


@pytest.fixture
def warehouse(tmp_path):
    return write_warehouse(str(tmp_path / "digest.duckdb"))


def window():
    return digest.make_window(dt.date(2025, 3, 1), _t(UNTIL))


def test_each_item_once_with_its_sentence(warehouse):
    d = digest.collect_digest(warehouse, window())
    pairs = {(i["mineral"], i["country"]): i for i in d.new_links}
    # antimony-XR, antimony-CL, tungsten-XF are new; Chile-copper was linked in February
    assert set(pairs) == {("antimony", "XR"), ("antimony", "CL"), ("tungsten", "XF")}
    assert pairs[("antimony", "CL")]["sentence"] == NEW_PAIR
    assert pairs[("antimony", "CL")]["url"] == "https://news.example.org/w1"  # the original
    assert pairs[("antimony", "XR")]["stories"] == 1   # three copies, one story

    controls = [(i["mineral"], i["direction"], i["country"], i["url"])
                for i in d.export_restrictions]
    assert controls == [("tungsten", "easing", "XF", "https://news.example.org/w3"),
                        ("antimony", "tightening", "XR", "https://news.example.org/w1")]
    assert [i["sentence"] for i in d.export_restrictions] == [LIFTED, BAN]
    assert d.supply_events == []  # the nickel story is after the window

    assert [(s["mineral"], s["stories"], s["stories_before"]) for s in d.surges] == [
        ("tungsten", 3, 1)]
    assert d.surges[0]["mean_before"] == 0.25
    assert {e["url"] for e in d.surges[0]["examples"]} == {
        f"https://news.example.org/{a}" for a in ("w3", "w4", "w5")}


def test_a_mineral_named_as_often_as_before_is_no_surge(warehouse):
    # Window 8 Feb - 8 Mar with the same data: tungsten 4 stories, baseline 1 in 28 days
    # (b2 on 12 Feb falls in the window now, nothing before): still a surge; copper:
    # 2 stories in the window, under the minimum of 3: none.
    d = digest.collect_digest(warehouse, digest.make_window(dt.date(2025, 2, 8), _t(UNTIL)))
    assert [s["mineral"] for s in d.surges] == ["tungsten"]
    # the same window, tungsten doubled in the baseline: no longer more than twice
    with DuckDBWarehouse(warehouse) as wh:
        wh.insert_rows("articles", [
            article(f"extra{i}", f"2025-01-{15 + i}", [mention("tungsten", [], "More W.")])
            for i in range(3)])
    d = digest.collect_digest(warehouse, digest.make_window(dt.date(2025, 2, 8), _t(UNTIL)))
    assert d.surges == []  # 4 stories against a mean of 3 a 28 days: not twice


def test_digest_command_json_and_text(warehouse, capsys):
    assert main(["digest", "--warehouse", warehouse, "--since", "2025-03-01",
                 "--until", UNTIL, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["window_start"] == "2025-03-01T00:00:00Z"
    assert out["window_end"] == "2025-03-08T00:00:00Z"
    assert len(out["new_links"]) == 3 and len(out["export_restrictions"]) == 2
    urls = [i["url"] for k in ("new_links", "export_restrictions", "supply_events")
            for i in out[k]]
    assert not any(u.endswith(("w1c1", "w1c2", "o1c")) for u in urls)  # no copy quoted
    ban = [i for i in out["export_restrictions"] if i["mineral"] == "antimony"]
    assert len(ban) == 1 and ban[0]["sentence"] == BAN

    assert main(["digest", "--warehouse", warehouse, "--since", "7d",
                 "--until", UNTIL]) == 0
    text = capsys.readouterr().out
    assert "New country-mineral links (3)" in text and "Export restrictions (2)" in text
    # quoted twice (the new Ruritania-antimony link and the restriction), never per copy
    assert text.count(BAN) == 2 and "Antimony - CL Chile" in text
    assert "Tungsten: 3 stories" in text


def test_digest_command_usage_errors(warehouse, tmp_path, capsys):
    assert main(["digest", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "warehouse not found" in capsys.readouterr().err
    assert main(["digest", "--warehouse", warehouse, "--since", "soon"]) == 2
    assert "--since" in capsys.readouterr().err
    assert main(["digest", "--warehouse", warehouse, "--until", "2025-13-01"]) == 2
    with pytest.raises(SystemExit):
        main(["digest", "--warehouse", warehouse, "--format", "xml"])


def test_an_empty_window_says_so(warehouse, capsys):
    assert main(["digest", "--warehouse", warehouse, "--since", "2030-01-01",
                 "--until", "2030-01-08"]) == 0
    assert "Nothing new in this window" in capsys.readouterr().out
