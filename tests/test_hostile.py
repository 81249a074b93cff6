"""A directory of hostile and malformed feeds (mutations of the real-world corpus) runs
through `orewire run` with exit 0 and every entry accounted for."""
from __future__ import annotations

import pytest

from benchmarks import hostile_feeds


@pytest.mark.skipif(not hostile_feeds.CORPUS.is_dir(),
                    reason=f"shared corpus absent: {hostile_feeds.CORPUS}")
def test_hostile_feed_directory_accounts_for_every_entry(tmp_path):
    hostile_feeds.build_corpus(tmp_path / "feeds", 160, seed=11)
    result = hostile_feeds.run(tmp_path / "feeds", tmp_path / "h.duckdb", timeout=600)
    assert result["exit"] == 0, result["stderr"]
    assert result["entries_seen"] > 300
    assert result["entries_seen"] == (result["articles_written"] +
                                      result["duplicates_skipped"] +
                                      result["entry_dead_letters"])
    assert result["articles_written"] > 0 and result["feeds_failed"] > 0


@pytest.mark.skipif(not hostile_feeds.CORPUS.is_dir(),
                    reason=f"shared corpus absent: {hostile_feeds.CORPUS}")
def test_every_real_world_feed_runs_as_a_directory(tmp_path):
    """The 43 real-world feeds as they are (26 flagged bozo by feedparser)."""
    result = hostile_feeds.run(hostile_feeds.CORPUS, tmp_path / "rw.duckdb", timeout=600)
    assert result["exit"] == 0, result["stderr"]
    assert result["articles_written"] > 200
    assert result["entries_seen"] == (result["articles_written"] +
                                      result["duplicates_skipped"] +
                                      result["entry_dead_letters"])
