"""RecordRun: the job itself stores its ``runs`` row, for runners whose driver does not wait.

A flex template's launcher must return once the job is submitted, so on Dataflow no driver
is left to read Beam's metrics and write the summary. This step runs after the warehouse
writes and computes the same counts from the data instead: entries seen is the sum of the
feeds' ``entries_last_poll``, duplicates skipped are the items (feed entries and retried
pages) Deduplicate did not keep, and the rows handed to the warehouse are counted so that
rows another run stored meanwhile count as duplicates too. The counting itself is
orewire/accounting.py's, as on the local driver. The summary goes to the job's log too.

A streaming job never finishes, so ``RecordWindows`` stores a ``runs`` row (mode
``streaming``) per bookkeeping window of about 15 minutes of polls instead, with the same
counts gathered per window; the job's rows carry that window's run_id
(``<job run id>-w<window start>``), so the summary's queries by run_id work as for a batch.
"""
from __future__ import annotations

import logging
import math

import apache_beam as beam
from apache_beam.utils.timestamp import Duration, Timestamp

from orewire.accounting import RunSummary, summarise_run
from orewire.transforms.common import is_feed_level, now_utc

_LOG = logging.getLogger(__name__)


class RecordRunFn(beam.DoFn):
    def __init__(self, destination, ctx):
        self.destination, self.ctx = destination, ctx

    def process(self, _rows_added, n_items: int, n_new: int, states: list, n_rows: int):
        counters = {
            "entries_seen": sum(s.get("entries_last_poll") or 0 for s in states),
            "duplicates_skipped": n_items - n_new,
            "rows_linked": n_rows,
        }
        ctx = self.ctx
        summary = summarise_run(self.destination, run_id=ctx.run_id, mode=ctx.mode,
                                started_at=ctx.started_at, finished_at=now_utc(),
                                feeds=len(ctx.sources), retried=len(ctx.extra_items),
                                counters=counters)
        _LOG.warning("orewire run summary\n%s", summary.render())
        yield summary.row()


class RecordRun(beam.PTransform):
    """The write's output (one element, after every write) -> the stored ``runs`` row.

    ``items``: every item Deduplicate took (feed entries and retried pages); ``rows``: the
    article rows handed to the warehouse."""

    def __init__(self, destination, ctx, items, new_items, feed_state, rows):
        super().__init__()
        self.destination, self.ctx = destination, ctx
        self.items, self.new_items, self.feed_state = items, new_items, feed_state
        self.rows = rows

    def expand(self, written):
        n_items = self.items | "CountItems" >> beam.combiners.Count.Globally()
        n_new = self.new_items | "CountNew" >> beam.combiners.Count.Globally()
        n_rows = self.rows | "CountRows" >> beam.combiners.Count.Globally()
        return written | "StoreRun" >> beam.ParDo(
            RecordRunFn(self.destination, self.ctx),
            beam.pvalue.AsSingleton(n_items), beam.pvalue.AsSingleton(n_new),
            beam.pvalue.AsList(self.feed_state), beam.pvalue.AsSingleton(n_rows))


# ---------------------------------------------------------------- streaming: a row per window

RECORD_EVERY_SECONDS = 900.0


def record_window_seconds(poll_interval: float) -> float:
    """A streaming job's bookkeeping window: whole polls, the fewest that make 15 minutes
    (feed_state upserts and runs rows are load jobs, which BigQuery limits per table and
    day; 96 a day is far below)."""
    return poll_interval * max(1, math.ceil(RECORD_EVERY_SECONDS / poll_interval))


class WindowRunId:
    """The run_id of the bookkeeping window that holds a timestamp:
    ``<job run id>-w<window start, UTC, to the second>`` (windows as FixedWindows makes
    them: aligned on the epoch)."""

    def __init__(self, run_id: str, window_seconds: float):
        self.run_id = run_id
        self.size_micros = Duration.of(window_seconds).micros

    def start(self, timestamp) -> Timestamp:
        micros = Timestamp.of(timestamp).micros
        return Timestamp(micros=micros - micros % self.size_micros)

    def __call__(self, timestamp) -> str:
        start = self.start(timestamp).to_utc_datetime(has_tz=True)
        return f"{self.run_id}-w{start:%Y%m%dT%H%M%SZ}"


def feed_state_facts(row: dict):
    yield "feed_polls", 1
    yield "entries_seen", row.get("entries_last_poll") or 0
    if row.get("last_status") == "error":
        yield "feed_failures", 1


def written_facts(table_rows):
    table, n = table_rows
    if table == "articles":
        yield "articles_written", n


def row_facts(row: dict):
    for mineral in row.get("mineral_ids") or []:
        yield "mineral:" + mineral, 1
    for country in row.get("country_codes") or []:
        yield "country:" + country, 1


def dead_letter_facts(row: dict):
    if is_feed_level(row):    # a feed not read: outside the entries' identity
        yield "feed_dead_letters", 1
        return
    yield "dead:" + (row.get("stage") or "unknown"), 1


class SumFactsFn(beam.CombineFn):
    """(name, n) pairs -> {name: sum of n}."""

    def create_accumulator(self):
        return {}

    def add_input(self, acc, fact):
        name, n = fact
        acc[name] = acc.get(name, 0) + n
        return acc

    def merge_accumulators(self, accs):
        out: dict = {}
        for acc in accs:
            for name, n in acc.items():
                out[name] = out.get(name, 0) + n
        return out

    def extract_output(self, acc):
        return acc


def _top(counts: dict, prefix: str, limit: int | None = 8) -> list:
    found = sorted(((k[len(prefix):], n) for k, n in counts.items() if k.startswith(prefix)),
                   key=lambda kv: (-kv[1], kv[0]))
    return found[:limit] if limit else found


class RecordWindowFn(beam.DoFn):
    """{fact: n} of one window -> its ``runs`` row, stored (upserted on run_id) and logged.

    ``feeds`` counts feed polls in the window (every feed once per poll)."""

    def __init__(self, destination, run_id_at: WindowRunId):
        self.destination, self.run_id_at = destination, run_id_at

    def process(self, counts: dict, window=beam.DoFn.WindowParam):
        dead_by_stage = _top(counts, "dead:", None)
        summary = RunSummary(
            run_id=self.run_id_at(window.start), mode="streaming",
            started_at=window.start.to_utc_datetime(has_tz=True),
            finished_at=window.end.to_utc_datetime(has_tz=True),
            feeds=counts.get("feed_polls", 0), feeds_failed=counts.get("feed_failures", 0),
            entries_seen=counts.get("entries_seen", 0),
            articles_written=counts.get("articles_written", 0),
            duplicates_skipped=counts.get("duplicates_skipped", 0),
            dead_letters=sum(n for _, n in dead_by_stage), dead_by_stage=dead_by_stage,
            feed_dead_letters=counts.get("feed_dead_letters", 0),
            top_minerals=_top(counts, "mineral:"), top_countries=_top(counts, "country:"))
        with self.destination.open(create=False) as wh:
            summary.total_articles = wh.count("articles")
            self.destination.store_run(summary.row(), wh)
        _LOG.warning("orewire streaming window summary\n%s", summary.render())
        yield summary.row()


class RecordWindows(beam.PTransform):
    """(fact, n) pairs in bookkeeping windows -> one stored ``runs`` row per window."""

    def __init__(self, destination, run_id_at: WindowRunId):
        super().__init__()
        self.destination, self.run_id_at = destination, run_id_at

    def expand(self, facts):
        return (facts
                | "SumPerWindow" >> beam.CombineGlobally(SumFactsFn()).without_defaults()
                | "StoreRun" >> beam.ParDo(RecordWindowFn(self.destination,
                                                          self.run_id_at)))
