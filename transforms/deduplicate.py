"""Deduplicate: keep one FeedItem per article_id not already stored.

Only the run's own ids are looked up: repeats within the run are dropped first (the
earliest-published copy stays), then the ids that remain are gathered into a few groups
and each group is checked against the warehouse with one query per ``batch_size`` ids
(``stored_article_ids``: ``article_id IN UNNEST(@ids)`` on BigQuery, a semi-join with a
list parameter on DuckDB). Nothing is read per stored article, so a run costs the same
whatever the warehouse holds. A link seen twice in one run (two feeds carry the same
story) and a link stored by an earlier run both count as duplicates skipped.
"""
from __future__ import annotations

import datetime as dt
import zlib

import apache_beam as beam

from orewire.transforms.common import counter

# Ids per warehouse query, and groups the ids are gathered into (each group is one
# worker's task: a few, so two workers share the lookups of a large run).
CHECK_BATCH = 1000
CHECK_SHARDS = 4


class _FirstCopyFn(beam.DoFn):
    """(article_id, [FeedItem]) -> the earliest-published copy; the others are counted."""

    def __init__(self):
        self.duplicates = counter("duplicates_skipped")

    def process(self, keyed):
        _article_id, items = keyed
        items = list(items)
        self.duplicates.inc(len(items) - 1)
        # The earliest-published copy wins, so the choice does not depend on feed order.
        yield min(items, key=lambda i: (i.get("published_at") is None,
                                        i.get("published_at") or 0, i["feed_url"]))


class SkipStoredIdsFn(beam.DoFn):
    """(shard, FeedItems) -> those whose article_id the warehouse does not hold (ingested
    in the last ``lookback_hours``, when given): one read-only query per ``batch_size`` ids.

    A failing query fails the bundle (the runner retries it): letting items through
    unchecked could store a second row."""

    def __init__(self, destination, lookback_hours: float | None = None,
                 batch_size: int = CHECK_BATCH):
        self.destination = destination
        self.lookback_hours = lookback_hours
        self.batch_size = batch_size
        self.duplicates = counter("duplicates_skipped")

    def process(self, keyed):
        _shard, items = keyed
        items = list(items)
        since = None
        if self.lookback_hours is not None:
            since = (dt.datetime.now(dt.timezone.utc)
                     - dt.timedelta(hours=self.lookback_hours))
        # Opened per group and closed at once: a DuckDB file's writer is not locked out.
        with self.destination.open(read_only=True) as wh:
            for start in range(0, len(items), self.batch_size):
                batch = items[start:start + self.batch_size]
                stored = wh.stored_article_ids({i["article_id"] for i in batch}, since)
                for item in batch:
                    if item["article_id"] in stored:
                        self.duplicates.inc()
                    else:
                        yield item


class Deduplicate(beam.PTransform):
    """FeedItems -> one FeedItem per article_id the warehouse does not hold."""

    def __init__(self, destination, lookback_hours: float | None = None,
                 shards: int = CHECK_SHARDS):
        """``destination``: the run's (orewire/destinations/); ``lookback_hours``: only
        ids stored that recently count (the local streaming loop's --dedup-ttl-hours);
        None: any stored id."""
        super().__init__()
        self.destination = destination
        self.lookback_hours = lookback_hours
        self.shards = shards

    def expand(self, items):
        shards = self.shards
        return (items
                | "KeyById" >> beam.Map(lambda i: (i["article_id"], i))
                | "GroupById" >> beam.GroupByKey()
                | "FirstCopy" >> beam.ParDo(_FirstCopyFn())
                | "ShardIds" >> beam.Map(
                    lambda i: (zlib.crc32(i["article_id"].encode("utf-8")) % shards, i))
                | "GatherIds" >> beam.GroupByKey()
                | "SkipStored" >> beam.ParDo(SkipStoredIdsFn(self.destination,
                                                             self.lookback_hours)))
