"""build_streaming_pipeline: the long-running job for Dataflow (``orewire run --streaming``
with a remote runner and a BigQuery warehouse). Locally, ``--streaming`` is a loop of
bounded polls instead (pipeline/streaming.py): Beam's Python local runners cannot run
this unbounded graph.

    orewire run --runner DataflowRunner --streaming --project P --region R \\
        --temp_location gs://B/tmp --warehouse bigquery:P.news --feeds gs://B/feeds.opml \\
        --job_name orewire-stream --poll-interval 300

The same transforms as the batch graph (pipeline/build.py), fed by a clock:

    PollTicks        a tick every --poll-interval s (PeriodicImpulse's own parts: an Impulse
                     and PeriodicSequence; --max-polls sets a stop time)
    PollFeeds        every feed each tick; ETag/Last-Modified kept in state per feed
    DeduplicateAcrossPolls   first sighting per article_id within --dedup-ttl-hours
                     (state cleared by a timer); then FixedWindows of one poll interval
                     (the joins below fire per poll) and ids already stored skipped (a
                     warehouse query per group of ids, a few groups per poll)
    FetchArticles .. LinkMentions   as in the batch graph, per window
    WriteToBigQuery  streaming inserts straight into articles and dead_letters (insert id
                     = the row's key); feed_state upserted per bookkeeping window
    RecordRuns       a runs row (mode streaming) per bookkeeping window (about 15 min)

Step labels are a contract. Dataflow updates a running job in place (``--update`` with the
same ``--job_name``) only when the new graph's steps carry the same names, state and all;
every label here is a fixed string (``STEP_LABELS``; tests/test_streaming_graph.py holds
them). Renaming a step means passing ``--transform_name_mapping='{"Old":"New"}'`` with
the update (docs/operations.md, Streaming).
"""
from __future__ import annotations

import apache_beam as beam
from apache_beam.transforms.periodicsequence import PeriodicSequence
from apache_beam.transforms.window import FixedWindows
from apache_beam.utils.timestamp import MAX_TIMESTAMP, Duration, Timestamp

from orewire.pipeline.build import article_branches
from orewire.transforms.common import DEAD_LETTERS, REFUSED, now_utc
from orewire.transforms.deduplicate_stream import SKIPPED, DeduplicateStream
from orewire.transforms.mark_duplicates import StoredSignaturesPerWindow, band_rows
from orewire.transforms.poll_feeds import PollFeeds
from orewire.transforms.read_feeds import FEED_STATE
from orewire.transforms.record_run import (RecordWindows, WindowRunId, dead_letter_facts,
                                   feed_state_facts, record_window_seconds, row_facts,
                                   written_facts)

# The top-level steps, in graph order: the names a running job is updated by.
STEP_LABELS = (
    "PollStart", "PollSchedule", "PollTicks", "PollFeeds", "DeduplicateAcrossPolls",
    "WindowReadDeadLetters", "WindowFeedState", "FetchArticles",
    "CleanArticles", "ExtractEntities", "TagMinerals", "StoredSignatures", "MarkDuplicates",
    "LinkMentions", "AllDeadLetters", "StampRows", "ArticleBands", "WriteToBigQuery",
    "FeedStateFacts",
    "SkippedFacts", "WindowSkippedFacts", "RowFacts", "DeadLetterFacts", "RefusedFacts",
    "WrittenFacts", "PollFacts", "WindowPollFacts", "AllFacts", "RecordRuns",
)
DEFAULT_POLL_INTERVAL = 300.0


def _stamp_row(row: dict, run_id_at: WindowRunId, timestamp=beam.DoFn.TimestampParam):
    """A row as a streaming job stores it: the window's run_id, ingested now (a batch run
    stamps the run's start; here the job's start would be days off)."""
    return dict(row, run_id=run_id_at(timestamp), ingested_at=now_utc())


def build_streaming_pipeline(p: beam.Pipeline, options, ctx, ticks=None) -> dict:
    """Assemble the streaming graph on ``p``; returns the key PCollections by name.

    ``options``: OrewireOptions; ``ctx``: the RunContext of ``orewire.pipeline.runs.prepare``
    (its destination must take a streaming graph's writes, ``stream_writer``: BigQuery);
    ``ticks``: a PCollection of timestamped ticks to poll on instead of the clock (tests
    drive it with TestStream)."""
    dest = ctx.destination
    interval = float(options.poll_interval or DEFAULT_POLL_INTERVAL)
    if interval <= 0:
        raise ValueError(f"--poll-interval must be more than 0, not {interval}")
    fetcher_config = options.fetcher_config()
    record_seconds = record_window_seconds(interval)
    run_id_at = WindowRunId(ctx.run_id, record_seconds)
    writer = dest.stream_writer(run_id_at)   # DestinationError when it cannot

    # PeriodicImpulse(start, stop, interval), spelt out: its first step is a Create whose
    # inner label carries a line number of Beam's source ("FlatMap(<lambda at
    # core.py:NNNN>)"), which a Beam upgrade changes, and an update must then map it.
    start = Timestamp.from_utc_datetime(ctx.started_at)
    stop = (start + Duration.of(interval * options.max_polls) if options.max_polls
            else MAX_TIMESTAMP)
    if ctx.deadline_at is not None:
        # --deadline is the job's budget: no poll and no fetch after it (what was not
        # fetched becomes a retryable dead letter); the source then ends and the job
        # drains and stops.
        fetcher_config["deadline"] = ctx.deadline_at
        stop = min(stop, Timestamp(ctx.deadline_at))
    schedule = (start, stop, interval)
    if ticks is None:
        ticks = (p
                 | "PollStart" >> beam.Impulse()
                 | "PollSchedule" >> beam.Map(lambda _impulse: schedule)
                 | "PollTicks" >> PeriodicSequence())
    feeds = ticks | "PollFeeds" >> PollFeeds(ctx.sources, fetcher_config, ctx.prior_states)
    # Windows from here on (the new items' come from DeduplicateAcrossPolls): one per poll
    # for the joins, one per bookkeeping window for feed_state upserts and runs rows.
    dedup = feeds["items"] | "DeduplicateAcrossPolls" >> DeduplicateStream(
        options.dedup_ttl_hours * 3600.0, interval, dest)
    new_items = dedup["items"]
    read_dead = feeds[DEAD_LETTERS] | "WindowReadDeadLetters" >> beam.WindowInto(
        FixedWindows(interval))
    feed_state = feeds[FEED_STATE] | "WindowFeedState" >> beam.WindowInto(
        FixedWindows(record_seconds))

    branches = article_branches(
        new_items, options, ctx, fetcher_config,
        lambda articles: articles | "StoredSignatures" >> StoredSignaturesPerWindow(dest))
    articles = branches["articles"]
    dead = ((read_dead, *branches[DEAD_LETTERS]) | "AllDeadLetters" >> beam.Flatten())
    rows = branches["rows"] | "StampRows" >> beam.Map(_stamp_row, run_id_at)
    # The near-duplicate band index grows with the rows, as in the batch graph (a step
    # added to the job: Dataflow's update accepts new steps).
    bands = rows | "ArticleBands" >> beam.FlatMap(band_rows)
    written = ({"articles": rows, DEAD_LETTERS: dead, FEED_STATE: feed_state,
                "article_bands": bands}
               | "WriteToBigQuery" >> writer)

    # The runs rows: what each bookkeeping window polled, skipped, wrote and refused.
    per_record = FixedWindows(record_seconds)
    feed_facts = feed_state | "FeedStateFacts" >> beam.FlatMap(feed_state_facts)
    skipped_facts = (dedup[SKIPPED]
                     | "SkippedFacts" >> beam.Map(lambda _id: ("duplicates_skipped", 1))
                     | "WindowSkippedFacts" >> beam.WindowInto(per_record))
    poll_facts = ((rows | "RowFacts" >> beam.FlatMap(row_facts),
                   dead | "DeadLetterFacts" >> beam.FlatMap(dead_letter_facts),
                   written[REFUSED] | "RefusedFacts" >> beam.FlatMap(dead_letter_facts),
                   written["articles"] | "WrittenFacts" >> beam.FlatMap(written_facts))
                  | "PollFacts" >> beam.Flatten()
                  | "WindowPollFacts" >> beam.WindowInto(per_record))
    runs = ((feed_facts, skipped_facts, poll_facts)
            | "AllFacts" >> beam.Flatten()
            | "RecordRuns" >> RecordWindows(dest, run_id_at))
    return {"ticks": ticks, "items": feeds["items"], "new_items": new_items,
            "skipped": dedup[SKIPPED], "articles": articles,
            "entities": branches["entities"], "minerals": branches["minerals"],
            "rows": rows, "dead_letters": dead, "feed_state": feed_state,
            "written": written, "runs": runs}
