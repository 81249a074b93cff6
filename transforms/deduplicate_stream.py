"""DeduplicateStream: FeedItems of every poll -> the items not seen before, with bounded state.

The streaming job's counterpart of ``Deduplicate`` (which joins one batch run's items with
every stored id). Two steps:

1. ``FirstSightingFn``, keyed by article_id, on the global window (its state must outlive
   a poll's window): the first sighting of an id passes and is remembered in a ValueState;
   later sightings within ``ttl`` (``--dedup-ttl-hours``, event time: the polls' ticks)
   are skipped. An event-time timer clears the state ``ttl``
   after the first sighting, so the state holds the ids first seen in the last ``ttl``
   only, however long the job runs. (The same story with tracking parameters has the same
   article_id: ids are hashes of the normalised URL.)
2. Into windows of one poll, then ``SkipStoredFn``: what passed is checked against the
   warehouse, one query per batch of ids (a few groups per poll; ``Destination.stored``:
   ``article_id IN UNNEST(@ids)`` on BigQuery), so a restarted job, or an id seen again
   after its state expired, does not store a row twice. (Grouped, not per bundle: a
   streaming runner may hand a keyed step's output on one key at a time.)

Both emit the ids they skip on a ``skipped`` output, for the run's counts.
"""
from __future__ import annotations

from typing import Any, Tuple

import apache_beam as beam
from apache_beam.coders import VarIntCoder
from apache_beam.transforms.timeutil import TimeDomain
from apache_beam.transforms.userstate import ReadModifyWriteStateSpec, TimerSpec, on_timer
from apache_beam.transforms.window import FixedWindows
from apache_beam.utils.timestamp import Duration

from orewire.transforms.common import counter

SKIPPED = "skipped"
DEFAULT_TTL_HOURS = 72.0
# Ids per warehouse query, and groups of ids per poll (each asks at least once).
CHECK_BATCH = 1000
CHECK_SHARDS = 4


def first_sighting(first_seen_micros: int | None, at_micros: int, ttl_micros: int) -> bool:
    """Whether an id sighted at ``at`` counts as new: never seen, or first seen ``ttl`` or
    more before (its expiry timer may not have fired yet)."""
    return first_seen_micros is None or at_micros - first_seen_micros >= ttl_micros


class FirstSightingFn(beam.DoFn):
    """(article_id, FeedItem) -> the FeedItem on its first sighting within ``ttl``."""

    FIRST_SEEN = ReadModifyWriteStateSpec("first_seen", VarIntCoder())
    EXPIRY = TimerSpec("expiry", TimeDomain.WATERMARK)

    def __init__(self, ttl_seconds: float):
        if ttl_seconds <= 0:
            raise ValueError(f"the de-duplication TTL must be positive, not {ttl_seconds}")
        self.ttl_micros = int(ttl_seconds * 1_000_000)
        self.duplicates = counter("duplicates_skipped")

    def process(self, keyed, timestamp=beam.DoFn.TimestampParam,
                first_seen=beam.DoFn.StateParam(FIRST_SEEN),
                expiry=beam.DoFn.TimerParam(EXPIRY)):
        article_id, item = keyed
        if first_sighting(first_seen.read(), timestamp.micros, self.ttl_micros):
            first_seen.write(timestamp.micros)
            expiry.set(timestamp + Duration(micros=self.ttl_micros))
            yield item
        else:
            self.duplicates.inc()
            yield beam.pvalue.TaggedOutput(SKIPPED, article_id)

    @on_timer(EXPIRY)
    def expire(self, first_seen=beam.DoFn.StateParam(FIRST_SEEN)):
        first_seen.clear()


class SkipStoredFn(beam.DoFn):
    """(shard, FeedItems of one window) -> those whose article_id the warehouse does not
    hold: one query per ``batch_size`` ids.

    A failing query fails the bundle (the runner retries it): letting items through
    unchecked could store a second row."""

    def __init__(self, destination, batch_size: int = CHECK_BATCH):
        self.destination = destination
        self.batch_size = batch_size
        self.duplicates = counter("duplicates_skipped")

    def _stored(self, ids: set[str]) -> set[str]:
        # Opened per batch (a few a poll), read-only: a DuckDB file's writer is not
        # locked out between polls.
        return self.destination.stored(ids)

    def process(self, keyed):
        _shard, items = keyed
        items = list(items)
        for start in range(0, len(items), self.batch_size):
            batch = items[start:start + self.batch_size]
            stored = self._stored({item["article_id"] for item in batch})
            for item in batch:
                if item["article_id"] in stored:
                    self.duplicates.inc()
                    yield beam.pvalue.TaggedOutput(SKIPPED, item["article_id"])
                else:
                    yield item


class DeduplicateStream(beam.PTransform):
    """FeedItems (global window, the polls' timestamps) -> {"items": new FeedItems,
    "skipped": article ids}, both in FixedWindows of ``window_seconds`` (one per poll).

    The first sightings are windowed and grouped into ``shards`` groups per window, so the
    warehouse is asked a few times per poll, whatever the runner's bundles."""

    def __init__(self, ttl_seconds: float, window_seconds: float, destination,
                 shards: int = CHECK_SHARDS):
        super().__init__()
        self.ttl_seconds = ttl_seconds
        self.window_seconds = window_seconds
        self.destination = destination
        self.shards = shards

    def expand(self, items):
        shards = self.shards
        first = (items
                 | "KeyById" >> beam.Map(lambda i: (i["article_id"], i))
                 .with_output_types(Tuple[str, Any])
                 | "FirstSighting" >> beam.ParDo(FirstSightingFn(self.ttl_seconds))
                 .with_outputs(SKIPPED, main="items"))
        per_poll = FixedWindows(self.window_seconds)
        repeats = first[SKIPPED] | "WindowRepeats" >> beam.WindowInto(per_poll)
        checked = (first.items
                   | "WindowPerPoll" >> beam.WindowInto(per_poll)
                   | "ShardIds" >> beam.Map(lambda i: (int(i["article_id"][:8], 16) % shards,
                                                       i))
                   | "GatherIds" >> beam.GroupByKey()
                   | "SkipStored" >> beam.ParDo(SkipStoredFn(self.destination))
                   .with_outputs(SKIPPED, main="items"))
        skipped = (repeats, checked[SKIPPED]) | "AllSkipped" >> beam.Flatten()
        return {"items": checked.items, SKIPPED: skipped}
