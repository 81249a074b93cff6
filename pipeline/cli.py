"""orewire's command line: ``orewire run`` (the pipeline) and ``orewire query``.

    orewire run                      # the bundled offline sample into ./orewire.duckdb
    orewire run --feeds seeds/feeds.opml --warehouse news.duckdb
    orewire query "SELECT title, mineral_ids FROM articles LIMIT 5"
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import uuid

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions

from orewire import PIPELINE_VERSION, lexicon
from orewire.feeds import FeedArgumentError, resolve_feed_args
from orewire.warehouse import DuckDBWarehouse, WarehouseError, check_duckdb_path
from pipeline.build import RunContext, build_pipeline
from pipeline.options import DEFAULT_WAREHOUSE, OrewireOptions, run_help_parser
from pipeline.summary import collect_summary
from seeds import SAMPLE_DIR


class UsageError(Exception):
    """Unusable arguments: reported as one line, exit status 2."""


def _beam_args(argv: list[str]) -> list[str]:
    args = list(argv)
    if not any(a == "--runner" or a.startswith("--runner=") for a in args):
        # Named explicitly: Beam's default would first try to download the Prism runner.
        args.append("--runner=DirectRunner")
    return args


def prepare(argv: list[str]) -> tuple[PipelineOptions, RunContext]:
    """Validate arguments and read the driver-side state; raises UsageError."""
    parser = run_help_parser()
    ns, _rest = parser.parse_known_args(argv)
    try:
        sources = resolve_feed_args(ns.feeds or [str(SAMPLE_DIR)])
    except FeedArgumentError as err:
        raise UsageError(str(err)) from err
    if not sources:
        raise UsageError("no feeds to read: --feeds names no feed files or URLs")
    if not ns.warehouse.endswith((".duckdb", ".db")):
        raise UsageError(f"--warehouse must be a DuckDB file path ending in .duckdb, "
                         f"not {ns.warehouse!r}")
    for flag, value in (("--per-host-concurrency", ns.per_host_concurrency),
                        ("--max-bytes", ns.max_bytes)):
        if value < 1:
            raise UsageError(f"{flag} must be at least 1, not {value}")
    if ns.per_host_delay < 0:
        raise UsageError(f"--per-host-delay must be 0 or more, not {ns.per_host_delay}")
    try:
        check_duckdb_path(ns.warehouse)
        with DuckDBWarehouse(ns.warehouse) as wh:
            wh.insert_rows("mineral_catalog", lexicon.catalog_rows())
            known_ids = wh.known_article_ids()
            prior_states = wh.feed_states()
    except WarehouseError as err:
        raise UsageError(str(err)) from err
    started = dt.datetime.now(dt.timezone.utc)
    run_id = started.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
    staging = os.path.join(os.path.dirname(os.path.abspath(ns.warehouse)),
                           f".{os.path.basename(ns.warehouse)}.staging", run_id)
    ctx = RunContext(run_id=run_id, started_at=started,
                     sources=[{"feed_url": s.feed_url, "kind": s.kind} for s in sources],
                     known_ids=known_ids, prior_states=prior_states, staging_dir=staging)
    options = PipelineOptions(_beam_args(argv))
    return options, ctx


def run(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "-h" in argv or "--help" in argv:
        run_help_parser().print_help()
        return 0
    try:
        options, ctx = prepare(argv)
    except UsageError as err:
        print(f"orewire run: error: {err}", file=sys.stderr)
        return 2
    oopts = options.view_as(OrewireOptions)
    logging.getLogger().setLevel(logging.ERROR if oopts.quiet else logging.WARNING)
    p = beam.Pipeline(options=options)
    build_pipeline(p, oopts, ctx)
    result = p.run()
    result.wait_until_finish()
    finished = dt.datetime.now(dt.timezone.utc)
    summary = collect_summary(oopts.warehouse, ctx, finished, result.metrics())
    print(summary.render())
    return 0


def query(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="orewire query",
                                     description="Run SQL (or a .sql file) on the warehouse.")
    parser.add_argument("sql", help="a SQL statement, or the path of a .sql file")
    parser.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="PATH.duckdb")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    ns = parser.parse_args(argv)
    sql = ns.sql
    if sql.endswith(".sql") and os.path.isfile(sql):
        with open(sql, encoding="utf-8") as fh:
            sql = fh.read()
    if not os.path.exists(ns.warehouse):
        print(f"orewire query: error: warehouse not found: {ns.warehouse}", file=sys.stderr)
        return 2
    import duckdb  # noqa: PLC0415 (only the query command needs the error type)
    try:
        with DuckDBWarehouse(ns.warehouse, read_only=True) as wh:
            cols, rows = wh.query(sql)
    except (duckdb.Error, WarehouseError) as err:
        print(f"orewire query: error: {str(err).splitlines()[0]}", file=sys.stderr)
        return 1
    from pipeline.summary import format_rows  # noqa: PLC0415
    print(format_rows(cols, rows, ns.format))
    return 0


COMMANDS = {"run": run, "query": query}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        print("usage: orewire {run,query} [options]\n\n"
              "  run    read feeds and write article rows to the warehouse "
              "(orewire run --help)\n"
              "  query  run SQL on the DuckDB warehouse (orewire query --help)\n"
              f"\norewire {PIPELINE_VERSION}", file=sys.stderr if argv and argv[0] not in
              ("-h", "--help") else sys.stdout)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main())
