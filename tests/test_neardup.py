"""Near-duplicates: MinHash signatures, banding, and MarkDuplicates in a pipeline."""
from __future__ import annotations

import datetime as dt

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from orewire.pipeline.local_runner import LOCAL_RUNNER
from orewire.destinations import parse_destination
from orewire.neardup import MIN_WORDS, bands, is_near, signature, similarity
from tests.fixtures import BOLIVIA, CHILE, MYANMAR
from orewire.transforms.mark_duplicates import MarkDuplicates

STORY = " ".join(CHILE)
SYNDICATED = "From our partners: " + STORY.replace("last year", "in 2024") + " (Agency)"
OTHER = " ".join(BOLIVIA + MYANMAR)
T0 = dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)


def test_signature_is_stable_hex_and_none_for_short_texts():
    assert signature(STORY) == signature(STORY)
    assert len(signature(STORY)) == 64 * 8 and int(signature(STORY), 16) >= 0
    assert signature("too short " * ((MIN_WORDS - 1) // 2)) is None


def test_syndicated_copy_is_near_and_another_story_is_not():
    assert is_near(signature(STORY), signature(SYNDICATED))
    assert similarity(signature(STORY), signature(SYNDICATED)) > 0.6
    assert similarity(signature(STORY), signature(OTHER)) < 0.1
    assert not is_near(signature(STORY), signature(OTHER))


def test_near_signatures_share_a_band():
    a, b = signature(STORY), signature(SYNDICATED)
    assert set(bands(a)) & set(bands(b))


def _art(aid, text, hours):
    return {"article_id": aid, "content_signature": signature(text),
            "published_at": T0 + dt.timedelta(hours=hours)}


def test_mark_duplicates_points_copies_at_the_earliest():
    p = BeamTestPipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
    stored = p | "Stored" >> beam.Create([{"article_id": "old", "signature": signature(OTHER),
                                          "published_at": T0}])
    new = p | "New" >> beam.Create([
        _art("first", STORY, 1), _art("copy", SYNDICATED, 5),
        _art("again", OTHER + " Updated.", 2), _art("short", "tiny text", 0)])
    assert_that(new | MarkDuplicates(stored),
                equal_to([("copy", "first"), ("again", "old")]))
    p.run().wait_until_finish()


def test_only_bands_shared_by_two_articles_one_new_reach_the_comparison():
    from orewire.transforms.mark_duplicates import _shared_band_members  # noqa: PLC0415
    assert list(_shared_band_members(("0:ab", [("a", False)]))) == []
    assert list(_shared_band_members(("0:ab", [("a", False), ("a", False)]))) == []
    assert list(_shared_band_members(("0:ab", [("a", True), ("b", True)]))) == []
    assert sorted(_shared_band_members(("0:ab", [("a", True), ("b", False)]))) == [
        ("a", "0:ab"), ("b", "0:ab")]


# ------------------------------------------------ the stored side: the warehouse's band index

def _stored_article(aid, text, ingested_days_ago, now):
    return {"article_id": aid, "url": f"https://stored.example/{aid}",
            "content_signature": signature(text) if text else None,
            "published_at": T0, "ingested_at": now - dt.timedelta(days=ingested_days_ago)}


def _band_warehouse(path):
    from orewire.destinations.duckdb import DuckDBWarehouse  # noqa: PLC0415
    now = dt.datetime.now(dt.timezone.utc)
    with DuckDBWarehouse(str(path)) as wh:   # stored before the band index: no bands yet
        wh.insert_rows("articles", [
            _stored_article("orig", STORY, 1, now),
            _stored_article("ancient", STORY, 200, now),   # outside the lookback window
            _stored_article("other", OTHER, 2, now),
            _stored_article("unsigned", None, 1, now)])
    return str(path)


def _counter(result, name):
    from orewire.pipeline.summary import counter_values  # noqa: PLC0415
    return counter_values(result.metrics()).get(name, 0)


def test_stored_signatures_backfills_once_and_returns_only_band_sharing_candidates(tmp_path):
    from orewire.destinations.duckdb import DuckDBWarehouse  # noqa: PLC0415
    from orewire.transforms.mark_duplicates import StoredSignatures, lookback_start  # noqa: PLC0415
    wh = _band_warehouse(tmp_path / "w.duckdb")
    for attempt in (1, 2):
        p = BeamTestPipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
        new = p | beam.Create([_art("copy", SYNDICATED, 5), _art("short", "tiny", 0)])
        stored = new | StoredSignatures(parse_destination(wh))
        assert_that(stored | beam.Map(lambda s: (s["article_id"], s["signature"])),
                    equal_to([("orig", signature(STORY))]))
        result = p.run()
        result.wait_until_finish()
        # The first run indexes the two stored articles of the window that have a
        # signature; the second finds the index complete and writes nothing.
        assert _counter(result, "bands_backfilled") == (2 if attempt == 1 else 0)
    with DuckDBWarehouse(wh, read_only=True) as db:
        assert db.band_index_complete(lookback_start())
        indexed = db.query("SELECT article_id, band FROM article_bands")[1]
    assert sorted({a for a, _ in indexed}) == ["orig", "other"]
    assert sorted(b for a, b in indexed if a == "orig") == sorted(bands(signature(STORY)))


def test_mark_duplicates_with_the_band_index_points_at_the_stored_original(tmp_path):
    from orewire.transforms.mark_duplicates import StoredSignatures  # noqa: PLC0415
    wh = _band_warehouse(tmp_path / "w.duckdb")
    p = BeamTestPipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
    new = p | beam.Create([_art("copy", SYNDICATED, 5), _art("fresh", MYANMAR[0] * 3, 1)])
    assert_that(new | MarkDuplicates(new | StoredSignatures(parse_destination(wh))),
                equal_to([("copy", "orig")]))
    p.run().wait_until_finish()


def test_band_rows_are_the_signature_bands():
    from orewire.transforms.mark_duplicates import band_rows  # noqa: PLC0415
    row = {"article_id": "a", "content_signature": signature(STORY), "ingested_at": T0}
    rows = list(band_rows(row))
    assert [r["band"] for r in rows] == bands(signature(STORY)) and len(rows) == 32
    assert {(r["article_id"], r["ingested_at"]) for r in rows} == {("a", T0)}
    assert list(band_rows({"article_id": "b", "content_signature": None})) == []


def test_bands_older_than_the_window_are_pruned_once(tmp_path):
    from orewire.destinations.duckdb import DuckDBWarehouse  # noqa: PLC0415
    from orewire.transforms.mark_duplicates import StoredSignatures, lookback_start  # noqa: PLC0415
    wh = _band_warehouse(tmp_path / "w.duckdb")
    old = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=200)
    with DuckDBWarehouse(wh) as db:   # bands a run wrote long ago, of "ancient"
        db.insert_rows("article_bands", [{"band": b, "article_id": "ancient", "ingested_at": old}
                                         for b in bands(signature(STORY))])
    for attempt in (1, 2):
        p = BeamTestPipeline(options=PipelineOptions([f"--runner={LOCAL_RUNNER}"]))
        new = p | beam.Create([_art("copy", SYNDICATED, 5)])
        _ = new | StoredSignatures(parse_destination(wh))
        result = p.run()
        result.wait_until_finish()
        assert _counter(result, "bands_pruned") == (32 if attempt == 1 else 0)
    with DuckDBWarehouse(wh, read_only=True) as db:
        assert not db.stale_bands(lookback_start())
        ids = {a for a, in db.query("SELECT DISTINCT article_id FROM article_bands")[1]}
        kept = db.query("SELECT count(*) FROM articles")[1][0][0]
    assert ids == {"orig", "other"} and kept == 4   # the article itself stays
