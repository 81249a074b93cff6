"""RecordRun: the job itself stores its ``runs`` row, for runners whose driver does not wait.

A flex template's launcher must return once the job is submitted, so on Dataflow no driver
is left to read Beam's metrics and write the summary. This step runs after the warehouse
writes and computes the same counts from the data instead: entries seen is the sum of the
feeds' ``entries_last_poll``, failed feeds are those polled with an error, duplicates
skipped are the items Deduplicate did not keep. The summary goes to the job's log too.
"""
from __future__ import annotations

import logging

import apache_beam as beam

from transforms.common import now_utc

_LOG = logging.getLogger(__name__)


class RecordRunFn(beam.DoFn):
    def __init__(self, warehouse: str, ctx, endpoint: str | None, location: str):
        self.warehouse, self.ctx = warehouse, ctx
        self.endpoint, self.location = endpoint, location

    def process(self, _rows_added, n_items: int, n_new: int, states: list):
        from pipeline.summary import collect_summary  # noqa: PLC0415 (a worker-side import)
        counters = {
            "entries_seen": sum(s.get("entries_last_poll") or 0 for s in states),
            "feed_failures": sum(1 for s in states if s.get("last_status") == "error"),
            "duplicates_skipped": n_items - n_new,
        }
        summary = collect_summary(self.warehouse, self.ctx, now_utc(), None,
                                  counters=counters, endpoint=self.endpoint,
                                  location=self.location)
        _LOG.warning("orewire run summary\n%s", summary.render())
        yield summary.row()


class RecordRun(beam.PTransform):
    """The write's output (one element, after every write) -> the stored ``runs`` row."""

    def __init__(self, warehouse: str, ctx, items, new_items, feed_state,
                 endpoint: str | None = None, location: str = "US"):
        super().__init__()
        self.warehouse, self.ctx = warehouse, ctx
        self.items, self.new_items, self.feed_state = items, new_items, feed_state
        self.endpoint, self.location = endpoint, location

    def expand(self, written):
        n_items = self.items | "CountItems" >> beam.combiners.Count.Globally()
        n_new = self.new_items | "CountNew" >> beam.combiners.Count.Globally()
        return written | "StoreRun" >> beam.ParDo(
            RecordRunFn(self.warehouse, self.ctx, self.endpoint, self.location),
            beam.pvalue.AsSingleton(n_items), beam.pvalue.AsSingleton(n_new),
            beam.pvalue.AsList(self.feed_state))
