"""Local streaming: ``orewire run --streaming`` on a local runner.

Beam's Python local runners cannot run an unbounded graph: with PeriodicImpulse and no
stop time, the DirectRunner falls back from Prism (a binary it would download) to the
FnApi runner, which runs the unbounded source as one bundle, so a GroupByKey after it never
emits (checked with Beam 2.77). Locally, each poll is therefore one bounded run of the
same graph as a batch run (``build_pipeline``), in this process, one after another every
``--poll-interval`` seconds:

- conditional GET across polls from ``feed_state``; ids already stored are skipped, read
  for the last ``--dedup-ttl-hours`` only, so a poll's work does not grow with history
  (the warehouse's primary key still refuses a second row for an older story);
- every poll writes its rows before the next starts; DuckDB is held only while loading,
  so ``orewire query`` and other read-only readers work between loads;
- SIGINT/SIGTERM finish the poll in flight (its rows are written) and exit 0.

On Dataflow, ``--streaming`` builds a real unbounded graph (pipeline/streaming_graph.py).
"""
from __future__ import annotations

import datetime as dt
import signal
import sys
import threading
import time
import uuid

import apache_beam as beam

from orewire.runlock import run_tempdir
from orewire.tables import ascii_table
from orewire.pipeline.build import build_pipeline
from orewire.pipeline.options import OrewireOptions
from orewire.pipeline.summary import collect_summary


def _poll_args(argv: list[str]) -> list[str]:
    """The batch arguments of one poll: no --streaming; the in-process runner (a new
    worker pool a poll would cost seconds of start-up and a model load each time)."""
    args = [a for a in argv if a not in ("--streaming", "--streaming=True")]
    if not any(a.startswith(("--direct_running_mode", "--direct_num_workers"))
               for a in args):
        args.append("--direct_running_mode=in_memory")
    return args


class StopFlag:
    """Set by SIGINT/SIGTERM: the poll in flight finishes, no new one starts."""

    def __init__(self):
        self.event = threading.Event()
        self.signal = None
        self._previous = {}

    def __enter__(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc):
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _handle(self, signum, _frame):
        self.signal = signal.Signals(signum).name
        self.event.set()


def run_streaming_local(argv: list[str]) -> int:
    from orewire.pipeline.runs import UsageError, prepare  # noqa: PLC0415
    poll_argv = _poll_args(argv)
    try:
        options, ctx = prepare(poll_argv)
    except UsageError as err:
        print(f"orewire run: error: {err}", file=sys.stderr)
        return 2
    oopts = options.view_as(OrewireOptions)
    if oopts.poll_interval <= 0:
        print("orewire run: error: --poll-interval must be more than 0", file=sys.stderr)
        return 2
    if oopts.max_polls is not None and oopts.max_polls < 1:
        print("orewire run: error: --max-polls must be at least 1", file=sys.stderr)
        return 2
    job_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + \
        uuid.uuid4().hex[:6]
    totals = {"polls": 0, "entries_seen": 0, "articles_written": 0,
              "duplicates_skipped": 0, "dead_letters": 0}
    started = time.monotonic()
    # The job holds the warehouse's claim (taken by the first prepare: DuckDB's run lock)
    # until it ends, and keeps its temporary files in a folder of its own.
    dest = ctx.destination
    try:
        with run_tempdir(), StopFlag() as stop:
            _poll_loop(poll_argv, options, ctx, oopts, job_id, totals, stop)
    finally:
        dest.release_run()
    why = f"stopped by {stop.signal}" if stop.signal else "done"
    print(f"orewire streaming job {job_id}: {why} after {totals['polls']} polls in "
          f"{time.monotonic() - started:.0f}s")
    print(ascii_table(["total", "count"], [(k.replace("_", " "), v) for k, v in
                                           totals.items()], "<>"))
    return 0


def _poll_loop(poll_argv, options, ctx, oopts, job_id, totals, stop) -> None:
    """Poll until stopped or --max-polls: each poll a bounded run of the batch graph,
    committed to the destination and counted before the next starts."""
    from orewire.pipeline.runs import UsageError, prepare  # noqa: PLC0415
    poll = 0
    while not stop.event.is_set() and (oopts.max_polls is None or poll < oopts.max_polls):
        poll += 1
        poll_started = time.monotonic()
        if poll > 1:
            try:
                options, ctx = prepare(poll_argv)   # fresh feed_state and run id
            except UsageError as err:
                print(f"orewire run: poll {poll}: {err}", file=sys.stderr)
                break
        ctx.run_id = f"{job_id}-p{poll:05d}"
        ctx.dedup_lookback_hours = oopts.dedup_ttl_hours
        p = beam.Pipeline(options=options)
        build_pipeline(p, oopts, ctx)
        result = p.run()
        result.wait_until_finish()
        ctx.destination.commit_run(ctx.run_id, ctx.staging_dir)
        summary = collect_summary(ctx.destination, ctx,
                                  dt.datetime.now(dt.timezone.utc), result.metrics(),
                                  mode="streaming")
        totals["polls"] += 1
        for key in ("entries_seen", "articles_written", "duplicates_skipped",
                    "dead_letters"):
            totals[key] += getattr(summary, key)
        if not oopts.quiet:
            print(f"poll {poll}: {summary.entries_seen} entries, "
                  f"{summary.articles_written} new, {summary.duplicates_skipped} "
                  f"duplicates, {summary.dead_letters} dead letters "
                  f"({summary.total_articles} stored)", flush=True)
        wait = oopts.poll_interval - (time.monotonic() - poll_started)
        if wait > 0 and (oopts.max_polls is None or poll < oopts.max_polls):
            stop.event.wait(wait)
