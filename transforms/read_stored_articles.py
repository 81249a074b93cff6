"""ReadStoredArticles: the stored articles, read shard by shard in the workers -> Articles
as ``orewire reprocess`` re-tags them, each with its stored tags' fingerprint.

The driver only counts the articles and picks the number of shards
(``orewire.retag.shard_count``); the shard numbers are the graph's input, and each worker
opens the destination read-only and selects its shard's rows (a hash of article_id modulo
the shard count, in the destination's own SQL: ``Warehouse.article_shard``). So the
stored texts pass through the workers, a shard at a time, and never through the driver.

    p | ReadStoredArticles(destination, shards, since=None)
"""
from __future__ import annotations

import apache_beam as beam

from orewire.retag import REPROCESSED_COLUMNS, STORED_FOR_REPROCESS, STORED_TAGS, fingerprint
from orewire.transforms.common import counter


class ReadArticleShardFn(beam.DoFn):
    """A shard number -> the stored articles of that shard, with STORED_TAGS."""

    COLUMNS = STORED_FOR_REPROCESS + tuple(c for c in REPROCESSED_COLUMNS
                                           if c not in STORED_FOR_REPROCESS)

    def __init__(self, destination, shards: int, since=None):
        self.destination = destination
        self.shards = shards
        self.since = since
        self.read = counter("stored_articles_read")

    def process(self, shard: int):
        # A connection a shard, closed before its articles move on: a DuckDB connection,
        # even a read-only one, held by a worker until it exits would keep the driver's
        # update out of the file after the graph.
        with self.destination.open(read_only=True) as wh:
            cols, rows = wh.article_shard(self.COLUMNS, shard, self.shards, self.since)
        self.read.inc(len(rows))
        while rows:
            stored = dict(zip(cols, rows.pop()))   # the shard's rows let go as they go
            article = {k: stored[k] for k in STORED_FOR_REPROCESS}
            article[STORED_TAGS] = fingerprint(stored)
            yield article


class ReadStoredArticles(beam.PTransform):
    """PBegin -> the stored articles (published, else ingested, at or after ``since``),
    read in ``shards`` shards spread over the workers."""

    def __init__(self, destination, shards: int, since=None):
        super().__init__()
        self.destination = destination
        self.shards = shards
        self.since = since

    def expand(self, pbegin):
        # Create reshuffles its elements (more than one), so the shards spread over the
        # workers before they are read.
        return (pbegin
                | "ShardNumbers" >> beam.Create(list(range(self.shards)))
                | "ReadShard" >> beam.ParDo(ReadArticleShardFn(
                    self.destination, self.shards, self.since)))
