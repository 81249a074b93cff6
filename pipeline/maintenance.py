"""Maintenance commands: ``orewire reprocess`` and ``orewire retry``.

    orewire reprocess [--warehouse W] [--since 2025-01-01]
        Re-run entities, minerals and links over the stored text (nothing is fetched) and
        update those columns in place with the current pipeline_version. Idempotent: the
        same lexicon and rules give the same rows.

    orewire retry [--warehouse W] [run flags ...]
        Re-attempt the retryable dead letters that are not resolved yet (pages that timed
        out or answered 5xx/429, feeds that could not be read), store what now succeeds,
        and mark those dead letters resolved. What fails again stays one dead letter:
        its attempts are counted up and last_error set, and the retry run's own row for
        the same failure is removed (DESIGN.md: a retry updates the dead letter it
        retried rather than adding another).
"""
from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import logging
import os
import shutil
import sys
import tempfile
import uuid

import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.options.pipeline_options import PipelineOptions

from orewire import PIPELINE_VERSION
from orewire.destinations import DestinationError, WarehouseError, parse_destination
from orewire.runlock import WarehouseBusy
from orewire.pipeline.local_runner import release_free_memory
from orewire.pipeline.options import DEFAULT_WAREHOUSE
from orewire.transforms.extract_entities import ExtractEntities
from orewire.transforms.link_mentions import LinkMentions
from orewire.transforms.tag_minerals import TagMinerals
from orewire.transforms.write_warehouse import WriteShardFn

REPROCESSED_COLUMNS = ("entities", "minerals", "mineral_ids", "country_codes",
                       "pipeline_version")
_STORED_FOR_REPROCESS = ("article_id", "url", "feed_url", "text", "language", "published_at")


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
    try:
        with dest.open() as wh:
            where = "WHERE COALESCE(published_at, ingested_at) >= ?" if ns.since else ""
            cols, rows = wh.sql(f"SELECT {', '.join(_STORED_FOR_REPROCESS)}, "
                                f"{', '.join(REPROCESSED_COLUMNS)} FROM articles "
                                f"{where}", [ns.since] if ns.since else [])
    except WarehouseError as err:
        print(f"orewire reprocess: error: {err}", file=sys.stderr)
        return 2
    articles, before = [], {}
    for r in rows:
        row = dict(zip(cols, r))
        before[row["article_id"]] = _fingerprint(row)
        articles.append({k: row[k] for k in _STORED_FOR_REPROCESS})
    if not articles:
        print("orewire reprocess: no stored articles to reprocess")
        return 0
    staging = tempfile.mkdtemp(prefix="orewire-reprocess-")
    try:
        with beam.Pipeline(options=PipelineOptions(_local_beam_args(rest))) as p:
            arts = p | "StoredArticles" >> beam.Create(articles)
            entities = arts | "ExtractEntities" >> ExtractEntities()
            minerals = arts | "TagMinerals" >> TagMinerals()
            linked = ({"articles": arts, "entities": entities["entities"],
                       "minerals": minerals["minerals"]}
                      | "LinkMentions" >> LinkMentions(None, run_id, pack_values=True,
                                                       on_setup=release_free_memory))
            _ = (linked["rows"]
                 | "Batch" >> beam.BatchElements(min_batch_size=1, max_batch_size=2000)
                 | "Shard" >> beam.ParDo(WriteShardFn("articles", staging)))
        retagged = [{k: r[k] for k in ("article_id",) + REPROCESSED_COLUMNS}
                    for path in sorted(glob.glob(os.path.join(staging, "*.parquet")))
                    for r in pq.read_table(path).to_pylist()]
        # Only the rows that differ are written, and reported: tags that came out the
        # same and a version already current are no change.
        tags_changed = [r for r in retagged
                        if _fingerprint(r)[0] != before.get(r["article_id"], (None,))[0]]
        stamped = [r for r in retagged if r not in tags_changed
                   and _fingerprint(r)[1] != before.get(r["article_id"], (None, None))[1]]
        with dest.open() as wh:
            wh.update_rows("articles", tags_changed + stamped, REPROCESSED_COLUMNS)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    version_only = f", {len(stamped)} more only their pipeline_version" if stamped else ""
    print(f"orewire reprocess: {len(retagged)} of {len(articles)} articles re-tagged "
          f"with {PIPELINE_VERSION}; {len(tags_changed)} changed their tags"
          f"{version_only}")
    return 0


def _canonical(value):
    """A stored or new tag value in one form: NULL lists as empty, mappings by key."""
    if value is None:
        return []
    if isinstance(value, dict):
        return {k: _canonical(v) if isinstance(v, (list, dict)) else v
                for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) if isinstance(v, (list, dict, tuple)) else v for v in value]
    return value


def _fingerprint(row: dict) -> tuple[str, str | None]:
    """(the row's tags as canonical JSON, its pipeline_version): what reprocess compares."""
    tags = {c: _canonical(row.get(c)) for c in REPROCESSED_COLUMNS if c != "pipeline_version"}
    return json.dumps(tags, sort_keys=True, default=str), row.get("pipeline_version")


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
