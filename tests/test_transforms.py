"""Each transform in a TestPipeline on the DirectRunner, checked with assert_that."""
from __future__ import annotations

import datetime as dt
import os

import apache_beam as beam
import duckdb
import pytest
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to, is_not_empty

from orewire.pipeline.local_runner import LOCAL_RUNNER, release_free_memory
from orewire.urls import article_id
from orewire.destinations import parse_destination
from orewire.destinations.duckdb import DuckDBWarehouse
from tests.conftest import Route
from tests.fixtures import BOLIVIA, CHILE, MYANMAR, page_html, paragraphs_html, rss
from orewire.transforms.clean_articles import CleanArticles
from orewire.transforms.common import DEAD_LETTERS, NAMESPACE
from orewire.transforms.deduplicate import Deduplicate
from orewire.transforms.extract_entities import ExtractEntities
from orewire.transforms.fetch_articles import FetchArticles
from orewire.transforms.link_mentions import LinkMentions
from orewire.transforms.read_feeds import FEED_STATE, ReadFeeds
from orewire.transforms.tag_minerals import TagMinerals
from orewire.transforms.write_warehouse import WriteToWarehouse

NOW = dt.datetime(2025, 3, 6, tzinfo=dt.timezone.utc)
FETCH = {"allow_private": True, "per_host_delay": 0.0, "retries": 0}


def pipeline():
    return BeamTestPipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))


def counters(result) -> dict:
    return {c.key.metric.name: c.committed for c in
            result.metrics().query(MetricsFilter().with_namespace(NAMESPACE))["counters"]}


def item(url: str, **kw) -> dict:
    base = {"article_id": article_id(url), "url": url, "feed_url": "f", "source": "s",
            "title": "t", "authors": [], "published_at": NOW, "summary": None,
            "content_text": "", "full_text": False, "fetched_at": NOW}
    base.update(kw)
    return base


def test_read_feeds_items_state_and_dead_letters(tmp_path):
    good = tmp_path / "good.xml"
    good.write_text(rss("Desk", [
        {"title": "A", "link": "https://news.example.org/a?utm_source=x",
         "content": paragraphs_html(CHILE)},
        {"title": "B", "link": "mailto:desk@example.org"},
    ]))
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n binary, not a feed")
    p = pipeline()
    out = (p | beam.Create([{"feed_url": str(good), "kind": "file"},
                            {"feed_url": str(bad), "kind": "file"}])
           | ReadFeeds(FETCH))
    assert_that(out["items"] | "U" >> beam.Map(lambda i: (i["url"], i["full_text"],
                                                          i["source"])),
                equal_to([("https://news.example.org/a", True, "Desk")]), label="items")
    assert_that(out[FEED_STATE] | "S" >> beam.Map(lambda s: (s["feed_url"][-7:],
                                                             s["last_status"])),
                equal_to([("ood.xml", "ok"), ("bad.xml", "error")]), label="state")
    assert_that(out[DEAD_LETTERS] | "D" >> beam.Map(lambda d: (d["stage"], d["error_type"])),
                equal_to([("read_feeds", "BadURL"), ("read_feeds", "ValueError")]),
                label="dead")
    result = p.run()
    result.wait_until_finish()
    c = counters(result)
    assert c["entries_seen"] == 2 and c["feeds_read"] == 1 and c["feed_failures"] == 1


def _stored_warehouse(path, *ids, ingested_at=NOW):
    with DuckDBWarehouse(str(path)) as wh:
        wh.insert_rows("articles", [{"article_id": i, "url": f"https://stored/{i}",
                                     "ingested_at": ingested_at} for i in ids])
    return str(path)


def test_deduplicate_skips_stored_and_repeated_ids(tmp_path):
    a, b, c, d = (item(f"https://x.org/{n}") for n in "abcd")
    b_later = dict(b, published_at=NOW + dt.timedelta(hours=1), feed_url="g")
    d_again = dict(d, feed_url="g")
    # a and d are stored; d is also carried by two feeds: both its copies count.
    wh = _stored_warehouse(tmp_path / "w.duckdb", a["article_id"], d["article_id"],
                           "0" * 32)
    p = pipeline()
    out = (p | beam.Create([a, b, b_later, c, d, d_again]) | Deduplicate(parse_destination(wh))
           | beam.Map(lambda i: (i["url"], i["feed_url"])))
    assert_that(out, equal_to([("https://x.org/b", "f"), ("https://x.org/c", "f")]))
    result = p.run()
    result.wait_until_finish()
    # Two steps count (repeats, then stored ids): the run's summary adds them up.
    from orewire.pipeline.summary import counter_values  # noqa: PLC0415
    assert counter_values(result.metrics())["duplicates_skipped"] == 4


def test_deduplicate_asks_for_the_run_ids_only_in_batches(tmp_path, monkeypatch):
    wh = _stored_warehouse(tmp_path / "w.duckdb", *(f"{n:032x}" for n in range(50)))
    asked = []
    stored_article_ids = DuckDBWarehouse.stored_article_ids

    def spy(self, ids, since=None):
        asked.append(sorted(ids))
        return stored_article_ids(self, ids, since)

    monkeypatch.setattr(DuckDBWarehouse, "stored_article_ids", spy)
    from orewire.transforms.deduplicate import SkipStoredIdsFn  # noqa: PLC0415
    fn = SkipStoredIdsFn(parse_destination(wh), batch_size=3)
    items = [dict(item(f"https://x.org/{n}"), article_id=f"{n:032x}") for n in (1, 70, 2,
                                                                                  71, 72)]
    kept = list(fn.process((0, items)))
    assert [i["article_id"] for i in kept] == [f"{n:032x}" for n in (70, 71, 72)]
    assert asked == [sorted(f"{n:032x}" for n in (1, 70, 2)),
                     sorted(f"{n:032x}" for n in (71, 72))]


def test_stored_article_ids_since_counts_recent_rows_only(tmp_path):
    path = tmp_path / "w.duckdb"
    _stored_warehouse(path, "old", ingested_at=NOW - dt.timedelta(days=10))
    _stored_warehouse(path, "new", ingested_at=NOW)
    with DuckDBWarehouse(str(path), read_only=True) as wh:
        assert wh.stored_article_ids(["old", "new", "none"]) == {"old", "new"}
        assert wh.stored_article_ids(["old", "new"], NOW - dt.timedelta(days=1)) == {"new"}
        assert wh.stored_article_ids([]) == set()


def test_fetch_articles_fetches_only_what_lacks_text(server):
    server.routes["/a"] = Route(page_html("A", BOLIVIA))
    full = item("https://offline.invalid/full", full_text=True, content_text="x " * 200)
    teaser = item(server.url("/a"))
    missing = item(server.url("/gone"))
    p = pipeline()
    out = p | beam.Create([full, teaser, missing]) | FetchArticles(FETCH, mode="auto")
    assert_that(out["articles"] | beam.Map(lambda r: (r["url"], r["text_source"],
                                                      r.get("page") is not None)),
                equal_to([(full["url"], "feed", False), (teaser["url"], "page", True)]),
                label="articles")
    assert_that(out[DEAD_LETTERS] | "D" >> beam.Map(lambda d: (d["source"], d["retryable"])),
                equal_to([(missing["url"], False)]), label="dead")
    p.run().wait_until_finish()
    assert [path for path, _ in server.requests].count("/a") == 1


def test_clean_articles_page_text_feed_text_and_empty():
    page = dict(item("https://x.org/p"), page=page_html("Tin", MYANMAR).encode(),
                content_type="text/html", charset="utf-8", text_source="page", title=None)
    feed = dict(item("https://x.org/f"), content_text="\n\n".join(CHILE), text_source="feed")
    empty = dict(item("https://x.org/e"), content_text="", text_source="feed")
    binary = dict(item("https://x.org/b"), page=bytes(range(256)) * 40,
                  content_type="text/html", charset=None, text_source="page")
    p = pipeline()
    out = p | beam.Create([page, feed, empty, binary]) | CleanArticles()
    assert_that(out["articles"] | beam.Map(lambda a: (a["url"], a["language"],
                                                      "Myanmar" in a["text"],
                                                      "Subscribe" in a["text"],
                                                      a["title"])),
                equal_to([("https://x.org/p", "en", True, False, "Tin"),
                          ("https://x.org/f", "en", False, False, "t")]), label="articles")
    assert_that(out[DEAD_LETTERS] | "D" >> beam.Map(lambda d: d["source"]),
                equal_to(["https://x.org/e", "https://x.org/b"]), label="dead")
    p.run().wait_until_finish()


def _article(url, text, language="en"):
    return {"article_id": article_id(url), "url": url, "feed_url": "f", "text": text,
            "language": language}


def test_extract_entities_normalises_countries():
    art = _article("https://x.org/k", "The Kazakh delegation met Belgian officials in "
                   "Brussels, while China's ministry said the U.S. was wrong.")
    p = pipeline()
    out = (p | beam.Create([art]) | ExtractEntities())["entities"]
    assert_that(out | beam.Map(lambda kv: sorted({e["normalized"] for e in kv[1]
                                                  if e["normalized"]})),
                equal_to([["BE", "CN", "KZ", "US"]]))
    p.run().wait_until_finish()


def test_tag_minerals_mentions_and_figures():
    art = _article("https://x.org/m", "Indonesia produced about 50% of the world's nickel "
                   "last year. The team took the lead in the second half.")
    p = pipeline()
    out = (p | beam.Create([art]) | TagMinerals())["minerals"]
    assert_that(out | beam.Map(lambda kv: ([m["mineral"] for m in kv[1]["mentions"]],
                                           [(f["value"], f["unit"]) for f in kv[1]["figures"]])),
                equal_to([(["nickel"], [(50.0, "percent")])]))
    p.run().wait_until_finish()


@pytest.mark.parametrize("tuning", [{}, {"pack_values": True,
                                         "on_setup": release_free_memory}])
def test_link_mentions_joins_branches_and_drops_incomplete(tuning):
    """The same rows whether the local runner's tuning (packed join values, a setup hook)
    is on or off."""
    text = "China controls around 70% of global rare earth production."
    art = _article("https://x.org/r", text)
    orphan = _article("https://x.org/o", "Copper is shipped.")
    p = pipeline()
    arts = p | "A" >> beam.Create([art, orphan])
    ents = arts | "E" >> ExtractEntities()
    mins = arts | "M" >> TagMinerals()
    only_art = ents["entities"] | beam.Filter(lambda kv: kv[0] == art["article_id"])
    out = ({"articles": arts, "entities": only_art, "minerals": mins["minerals"]}
           | LinkMentions(NOW, "run-1", **tuning))
    assert_that(out["rows"] | beam.Map(lambda r: [(m["mineral"], m["countries"],
                                                   [f["value"] for f in m["figures"]])
                                                  for m in r["minerals"]]),
                equal_to([[("rare_earth_elements", ["CN"], [70.0])]]))
    p.run().wait_until_finish()


def test_write_to_warehouse_batches_and_is_idempotent(tmp_path):
    wh = str(tmp_path / "w.duckdb")
    dest = parse_destination(wh)
    rows = [{"article_id": f"id{i}", "url": f"https://x.org/{i}", "mineral_ids": ["tin"],
             "published_at": NOW} for i in range(250)]
    dead = [{"dead_letter_id": "d1", "stage": "fetch_articles", "source": "u"}]
    for attempt in range(2):
        p = pipeline()
        stage = str(tmp_path / f"stage{attempt}")
        _ = ({"articles": p | f"R{attempt}" >> beam.Create(rows),
              DEAD_LETTERS: p | f"D{attempt}" >> beam.Create(dead)}
             | WriteToWarehouse(dest, stage, f"run{attempt}", batch_size=100))
        p.run().wait_until_finish()
        expected = {"articles": 250, DEAD_LETTERS: 1} if attempt == 0 else \
            {"articles": 0, DEAD_LETTERS: 0}
        assert dest.commit_run(f"run{attempt}", stage) == expected
        assert not (tmp_path / f"stage{attempt}").exists()
    con = duckdb.connect(wh, read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 250
    assert con.execute("SELECT run_id FROM dead_letters").fetchall() == [("run0",)]


def test_write_to_warehouse_leaves_shards_for_the_commit(tmp_path):
    """DuckDB: the graph ends at Parquet shards, nothing is in the warehouse until the
    destination's ``commit_run`` loads them and removes the folder."""
    wh, stage = str(tmp_path / "w.duckdb"), tmp_path / "stage"
    dest = parse_destination(wh)
    rows = [{"article_id": f"id{i}", "url": f"https://x.org/{i}", "mineral_ids": ["tin"],
             "published_at": NOW} for i in range(120)]
    dead = [{"dead_letter_id": "d1", "stage": "fetch_articles", "source": "u"}]
    p = pipeline()
    _ = ({"articles": p | "R" >> beam.Create(rows), DEAD_LETTERS: p | "D" >> beam.Create(dead)}
         | WriteToWarehouse(dest, str(stage), "run0", batch_size=50))
    p.run().wait_until_finish()
    shards = sorted(f.name.split("-")[0] for f in stage.iterdir())
    assert shards.count("articles") >= 3 and shards.count(DEAD_LETTERS) == 1
    assert not os.path.exists(wh)
    with DuckDBWarehouse(wh):
        pass                                    # an empty warehouse, as the CLI makes it
    assert dest.commit_run("run0", str(stage)) == {"articles": 120, DEAD_LETTERS: 1}
    assert not stage.exists()
    assert dest.commit_run("run0", str(stage)) == {}    # nothing staged: nothing to do
    con = duckdb.connect(wh, read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 120
    assert con.execute("SELECT run_id FROM dead_letters").fetchall() == [("run0",)]
