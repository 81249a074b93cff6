"""Maintenance commands: ``orewire reprocess`` and ``orewire retry``.

    orewire reprocess [--warehouse W] [--since 2025-01-01]
        Re-run entities, minerals and links over the stored text (nothing is fetched) and
        update those columns in place with the current pipeline_version. Idempotent: the
        same lexicon and rules give the same rows. The driver only counts the articles:
        the workers read them shard by shard (transforms/read_stored_articles.py),
        re-tag them, compare them with their stored tags and stage the changed rows as
        Parquet (transforms/stage_changed_rows.py); the driver then updates the table
        from those files in one statement (DuckDB) or one load job and MERGE (BigQuery),
        and takes the counts from Beam's metrics. The cost in the driver does not grow
        with the stored history.

    orewire retry [--warehouse W] [run flags ...]
        Re-attempt the retryable dead letters that are not resolved yet (pages that timed
        out or answered 5xx/429, feeds that could not be read), store what now succeeds,
        and mark those dead letters resolved. What fails again stays one dead letter:
        its attempts are counted up and last_error set, and the retry run's own row for
        the same failure is removed (DESIGN.md: a retry updates the dead letter it
        retried rather than adding another). The driver reads only the unresolved
        retryable dead letters (bounded by recent failures, not by history) and hands
        them to the normal run graph, which reads and writes through the workers as
        `orewire run` does; that one read stays in the driver.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import shutil
import sys
import tempfile
import uuid

import apache_beam as beam
from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions, WorkerOptions

from orewire import PIPELINE_VERSION
from orewire.destinations import DestinationError, WarehouseError, parse_destination
from orewire.retag import REPROCESSED_COLUMNS, STORED_TAGS, shard_count
from orewire.runlock import WarehouseBusy
from orewire.shards import staged_shards
from orewire.pipeline.local_runner import release_free_memory
from orewire.pipeline.options import DEFAULT_WAREHOUSE
from orewire.pipeline.summary import counter_values
from orewire.transforms.extract_entities import ExtractEntities
from orewire.transforms.link_mentions import LinkMentions
from orewire.transforms.read_stored_articles import ReadStoredArticles
from orewire.transforms.stage_changed_rows import StageChangedRows
from orewire.transforms.tag_minerals import TagMinerals


def _since(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"--since takes a date like 2025-01-31, "
                                         f"not {value!r}") from err
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _local_beam_args(rest: list[str]) -> list[str]:
    from orewire.pipeline.runs import _beam_args  # noqa: PLC0415 (Beam's options only here)
    return _beam_args(rest)


def reprocess(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="orewire reprocess",
        description="Re-run entities, minerals and links over the stored text (no refetch) "
                    "and update those columns in place with the current pipeline_version.")
    parser.add_argument("--warehouse", default=DEFAULT_WAREHOUSE,
                        metavar="PATH.duckdb|bigquery:PROJECT.DATASET")
    parser.add_argument("--since", type=_since, default=None, metavar="DATE",
                        help="only articles published (else ingested) on or after DATE")
    parser.add_argument("--bigquery-endpoint", "--bigquery_endpoint", dest="bigquery_endpoint")
    parser.add_argument("--bigquery-location", "--bigquery_location", dest="bigquery_location",
                        default="US")
    parser.add_argument("--quiet", action="store_true")
    ns, rest = parser.parse_known_args(argv)
    logging.getLogger().setLevel(logging.ERROR if ns.quiet else logging.WARNING)
    from orewire.pipeline.runs import _quiet_worker_startup  # noqa: PLC0415
    _quiet_worker_startup()
    run_id = "reprocess-" + uuid.uuid4().hex[:8]
    try:
        dest = _destination(ns)
        # it rewrites rows: claimed as `orewire run` claims it (DuckDB: one writing run
        # per file, orewire/runlock.py)
        if dest.exists():
            dest.claim(run_id)
    except (DestinationError, WarehouseBusy) as err:
        print(f"orewire reprocess: error: {err}", file=sys.stderr)
        return 2
    try:
        return _reprocess(ns, dest, rest, run_id)
    finally:
        dest.release_run()


def _destination(ns):
    return parse_destination(ns.warehouse, endpoint=ns.bigquery_endpoint,
                             location=ns.bigquery_location)


def _reprocess(ns, dest, rest: list[str], run_id: str) -> int:
    """The stored articles counted in the driver (one number), read shard by shard in the
    workers (ReadStoredArticles), re-tagged, compared with their stored tags there
    (StageChangedRows), and only the changed rows staged as Parquet; then one update
    from the staged files (``Warehouse.update_from_files``), the counts from Beam's
    metrics. No list of stored articles is built in the driver."""
    options = PipelineOptions(_local_beam_args(rest))
    started = dt.datetime.now(dt.timezone.utc)
    try:
        with dest.open() as wh:
            selected = wh.article_count(ns.since)
    except WarehouseError as err:
        print(f"orewire reprocess: error: {err}", file=sys.stderr)
        return 2
    if not selected:
        print("orewire reprocess: no stored articles to reprocess")
        return 0
    shards = shard_count(selected, _workers(options))
    staging = tempfile.mkdtemp(prefix="orewire-reprocess-")
    try:
        try:
            p = beam.Pipeline(options=options)
            arts = p | "StoredArticles" >> ReadStoredArticles(dest, shards, ns.since)
            entities = arts | "ExtractEntities" >> ExtractEntities()
            minerals = arts | "TagMinerals" >> TagMinerals()
            linked = ({"articles": arts, "entities": entities["entities"],
                       "minerals": minerals["minerals"]}
                      | "LinkMentions" >> LinkMentions(None, run_id, pack_values=True,
                                                       on_setup=release_free_memory,
                                                       keep_fields=(STORED_TAGS,)))
            _ = linked["rows"] | "StageChanged" >> StageChangedRows(staging)
            result = p.run()
            result.wait_until_finish()
        except Exception as err:  # noqa: BLE001 (the graph failed as a whole: one line)
            logging.getLogger(__name__).debug("reprocess %s failed", run_id, exc_info=True)
            print(f"orewire reprocess: error: {_run_failure(err)}", file=sys.stderr)
            return 2
        counts = counter_values(result.metrics())
        try:
            with dest.open() as wh:
                wh.update_from_files("articles", staged_shards(staging).get("articles", []),
                                     REPROCESSED_COLUMNS)
        except WarehouseError as err:
            print(f"orewire reprocess: error: {str(err).splitlines()[0]}", file=sys.stderr)
            return 2
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    stamped = counts.get("retagged_version_only", 0)
    version_only = f", {stamped} more only their pipeline_version" if stamped else ""
    line = (f"orewire reprocess: {counts.get('articles_retagged', 0)} of "
            f"{counts.get('stored_articles_read', selected)} articles re-tagged "
            f"with {PIPELINE_VERSION}; {counts.get('retagged_tags_changed', 0)} changed "
            f"their tags{version_only}")
    try:
        dest.store_run(reprocess_run_row(run_id, started, line))
    except WarehouseError as err:
        print(f"{line}\norewire reprocess: error: the runs row was not stored: "
              f"{str(err).splitlines()[0]}", file=sys.stderr)
        return 2
    print(line)
    return 0


def reprocess_run_row(run_id: str, started: dt.datetime, line: str) -> dict:
    """The ``runs`` row of a reprocess (DESIGN.md: one row per run, mode reprocess): it
    reads no feed and writes no new article, so every count of the accounting identity
    is 0 (and the identity holds); what it re-tagged is its summary line."""
    return {"run_id": run_id, "mode": "reprocess", "started_at": started,
            "finished_at": dt.datetime.now(dt.timezone.utc), "feeds": 0, "feeds_failed": 0,
            "entries_seen": 0, "retried": 0, "articles_written": 0, "duplicates_skipped": 0,
            "dead_letters": 0, "feed_dead_letters": 0, "pipeline_version": PIPELINE_VERSION,
            "summary": line}


def _workers(options: PipelineOptions) -> int:
    """The workers the run says it has (the local runner's processes, or a remote
    runner's --num_workers), 1 when it does not say."""
    direct = options.view_as(DirectOptions).direct_num_workers or 0
    remote = options.view_as(WorkerOptions).num_workers or 0
    return max(1, direct, remote)


def _run_failure(err: BaseException) -> str:
    from orewire.pipeline.runs import run_failure  # noqa: PLC0415 (as _local_beam_args)
    return run_failure(err)


# ------------------------------------------------------------------------ retry

UNRESOLVED_RETRYABLE = ("SELECT dead_letter_id, stage, source, feed_url, payload "
                        "FROM dead_letters WHERE retryable AND resolved_at IS NULL")

RESOLVE = """UPDATE dead_letters SET resolved_at = ?, resolved_by_run = ?
WHERE retryable AND resolved_at IS NULL AND (
  article_id IN (SELECT article_id FROM articles)
  OR (stage = 'read_feeds' AND EXISTS (
        SELECT 1 FROM feed_state f WHERE f.feed_url = dead_letters.source
        AND f.last_status IN ('ok', 'not_modified', 'empty', 'bozo')
        AND f.last_polled_at > dead_letters.failed_at)))"""


# A retried item that failed again: the open dead letter it came from (same stage and
# source, from an earlier run) takes the new failure as its last_error and one more
# attempt; its retryable follows the new failure (a page now 404 is not retried again).
# Then the retry run's own rows for those failures go. BigQuery Standard SQL, run as is
# on BigQuery and translated on DuckDB; both ? are the retry run's id.
COUNT_UP_RETRIED = """UPDATE dead_letters
SET attempts = COALESCE(dead_letters.attempts, 1) + 1, last_error = n.error,
    retryable = n.retryable
FROM (SELECT stage, source, MAX(error) AS error, LOGICAL_OR(retryable) AS retryable
      FROM dead_letters WHERE run_id = ? AND source IS NOT NULL
      GROUP BY stage, source) AS n
WHERE COALESCE(dead_letters.run_id, '') != ? AND dead_letters.resolved_at IS NULL
  AND dead_letters.retryable AND dead_letters.stage = n.stage
  AND dead_letters.source = n.source"""

# Only rows COUNT_UP_RETRIED just counted: open, from another run, retried at least once,
# and their last error is this run's.
DROP_REPEATED = """DELETE FROM dead_letters
WHERE run_id = ? AND EXISTS (
  SELECT 1 FROM dead_letters AS o
  WHERE COALESCE(o.run_id, '') != ? AND o.resolved_at IS NULL AND o.attempts > 1
    AND o.stage = dead_letters.stage AND o.source = dead_letters.source
    AND o.last_error = dead_letters.error)"""


def count_up_retried(wh, run_id: str) -> int:
    """Fold the failures of retry run ``run_id`` into the open dead letters they retried;
    returns how many of the run's dead letters were folded (failed again)."""
    before = wh.count("dead_letters", "run_id = ?", [run_id])
    wh.sql(COUNT_UP_RETRIED, [run_id, run_id])
    wh.sql(DROP_REPEATED, [run_id, run_id])
    return before - wh.count("dead_letters", "run_id = ?", [run_id])


def retry_work(rows: list[tuple]) -> tuple[list[str], list[dict]]:
    """(feeds to read again, FeedItems to fetch again) from unresolved dead letters."""
    feeds, items = [], []
    for _id, stage, source, feed_url, payload in rows:
        if stage == "read_feeds" and source and source == feed_url:
            if source not in feeds:
                feeds.append(source)
        elif stage == "fetch_articles" and payload:
            try:
                item = json.loads(payload)
            except json.JSONDecodeError:
                continue  # truncated: the feed's next read brings the entry back
            if isinstance(item, dict) and item.get("url") and item.get("article_id"):
                published = item.get("published_at")
                item["published_at"] = dt.datetime.fromisoformat(published) \
                    if published else None
                item.setdefault("authors", [])
                item.update(content_text=item.get("summary") or "", full_text=False,
                            fetched_at=dt.datetime.now(dt.timezone.utc))
                items.append(item)
    return feeds, items


def retry(argv: list[str]) -> int:
    from orewire.pipeline.runs import (UsageError, prepare, refuse_unknown_options,  # noqa: PLC0415
                               run_prepared)
    from orewire.pipeline.options import RETRY_DESCRIPTION, run_help_parser  # noqa: PLC0415
    parser = run_help_parser("orewire retry", RETRY_DESCRIPTION)
    if "-h" in argv or "--help" in argv:
        parser.print_help()
        return 0
    ns, _rest = parser.parse_known_args(argv)
    try:
        refuse_unknown_options(argv, "orewire retry")
    except UsageError as err:
        print(f"orewire retry: error: {err}", file=sys.stderr)
        return 2
    if ns.feeds:
        print("orewire retry: error: --feeds is not taken: the dead letters say what to "
              "retry", file=sys.stderr)
        return 2
    try:
        dest = _destination(ns)
        with dest.open() as wh:
            _cols, rows = wh.sql(UNRESOLVED_RETRYABLE)
    except (DestinationError, WarehouseError) as err:
        print(f"orewire retry: error: {err}", file=sys.stderr)
        return 2
    feeds, items = retry_work(rows)
    if not feeds and not items:
        print("orewire retry: no unresolved retryable dead letters")
        return 0
    try:
        options, ctx = prepare(argv + (["--feeds", *feeds] if feeds else []),
                               extra_items=items, command="orewire retry")
    except UsageError as err:
        print(f"orewire retry: error: {err}", file=sys.stderr)
        return 2
    ctx.mode = "retry"
    code = run_prepared(options, ctx)
    if code != 0:   # the run failed as a whole (its one line is printed): nothing to fold
        return code
    with ctx.destination.open() as wh:
        wh.sql(RESOLVE, [dt.datetime.now(dt.timezone.utc), ctx.run_id])
        again = count_up_retried(wh, ctx.run_id)
        resolved = wh.sql("SELECT count(*) FROM dead_letters WHERE resolved_by_run = ?",
                          [ctx.run_id])[1][0][0]
        left = wh.sql("SELECT count(*) FROM dead_letters WHERE retryable AND "
                      "resolved_at IS NULL")[1][0][0]
    print(f"orewire retry: {len(items)} pages and {len(feeds)} feeds retried; "
          f"{resolved} dead letters resolved, {again} failed again (attempts counted "
          f"up), {left} retryable ones still open")
    return code
