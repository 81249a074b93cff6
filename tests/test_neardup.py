"""Near-duplicates: MinHash signatures, banding, and MarkDuplicates in a pipeline."""
from __future__ import annotations

import datetime as dt

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipeline.local_runner import LOCAL_RUNNER
from orewire.neardup import MIN_WORDS, bands, is_near, signature, similarity
from tests.fixtures import BOLIVIA, CHILE, MYANMAR
from transforms.mark_duplicates import MarkDuplicates

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
    from transforms.mark_duplicates import _shared_band_members  # noqa: PLC0415
    assert list(_shared_band_members(("0:ab", [("a", False)]))) == []
    assert list(_shared_band_members(("0:ab", [("a", False), ("a", False)]))) == []
    assert list(_shared_band_members(("0:ab", [("a", True), ("b", True)]))) == []
    assert sorted(_shared_band_members(("0:ab", [("a", True), ("b", False)]))) == [
        ("a", "0:ab"), ("b", "0:ab")]
