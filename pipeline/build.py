"""build_pipeline: the graph of DESIGN.md's data flow, returning its key PCollections."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import apache_beam as beam

from orewire import progress
from orewire.transforms.clean_articles import CleanArticles
from orewire.transforms.common import DEAD_LETTERS
from orewire.transforms.deduplicate import Deduplicate
from orewire.transforms.extract_entities import ExtractEntities
from orewire.transforms.fetch_articles import FetchArticles
from orewire.transforms.link_mentions import LinkMentions
from orewire.pipeline.local_runner import release_free_memory
from orewire.transforms.mark_duplicates import MarkDuplicates, StoredSignatures, band_rows
from orewire.transforms.progress import CountProgress
from orewire.transforms.read_feeds import FEED_STATE, ReadFeeds
from orewire.transforms.record_run import RecordRun
from orewire.transforms.tag_minerals import TagMinerals
from orewire.transforms.write_warehouse import WriteToWarehouse


@dataclass
class RunContext:
    """What the driver knows before the graph runs."""
    run_id: str
    started_at: dt.datetime
    sources: list[dict]                     # {feed_url, kind}
    destination: object = None              # the run's Destination (orewire/destinations/)
    prior_states: dict = field(default_factory=dict)
    staging_dir: str = ""
    record_run: bool = False                # the job stores its runs row (remote runners)
    progress_dir: str = ""                  # local runs: heartbeat files for the display
    extra_items: list = field(default_factory=list)  # FeedItems to retry (orewire retry)
    dedup_lookback_hours: float | None = None  # streaming polls: ids stored recently only
    deadline_at: float | None = None        # --deadline, as time.time() seconds
    mode: str = "batch"                     # runs.mode: batch, or retry (orewire retry)
    local_tuning: bool = False              # the local runner's workarounds (link_tuning)


def link_tuning(ctx: RunContext) -> dict:
    """LinkMentions' runner tuning: on the local runner, the join's values packed and the
    freed memory returned when the join starts (see transforms/link_mentions.py and
    pipeline/local_runner.py); nothing on a remote runner."""
    if not ctx.local_tuning:
        return {}
    return {"pack_values": True, "on_setup": release_free_memory}


def article_branches(new_items, options, ctx: RunContext, fetcher_config: dict,
                     stored_signatures) -> dict:
    """New FeedItems -> fetched, cleaned, tagged and linked: the middle of the data flow,
    the same steps under the same labels in the batch graph and the streaming one
    (pipeline/streaming_graph.py). ``stored_signatures(articles)`` gives the stored
    signatures MarkDuplicates compares with (those sharing a band with ``articles``). Returns the key PCollections and the list of
    the branches' dead letters."""
    raw = new_items | "FetchArticles" >> FetchArticles(fetcher_config, options.fetch)
    cleaned = raw["articles"] | "CleanArticles" >> CleanArticles()
    articles = cleaned["articles"]
    entities = articles | "ExtractEntities" >> ExtractEntities()
    minerals = articles | "TagMinerals" >> TagMinerals()
    duplicates = articles | "MarkDuplicates" >> MarkDuplicates(stored_signatures(articles))
    linked = ({"articles": articles, "entities": entities["entities"],
               "minerals": minerals["minerals"], "duplicates": duplicates}
              | "LinkMentions" >> LinkMentions(ctx.started_at, ctx.run_id, **link_tuning(ctx)))
    return {"articles": articles, "entities": entities["entities"],
            "minerals": minerals["minerals"], "rows": linked["rows"],
            DEAD_LETTERS: [raw[DEAD_LETTERS], cleaned[DEAD_LETTERS], entities[DEAD_LETTERS],
                           minerals[DEAD_LETTERS], linked[DEAD_LETTERS]]}


def build_pipeline(p: beam.Pipeline, options, ctx: RunContext) -> dict:
    """Assemble the batch graph on ``p``; returns the key PCollections by name. Its
    writes go to ``ctx.destination``; what they staged is stored by the destination's
    ``commit_run`` once the graph has run."""
    dest = ctx.destination
    fetcher_config = options.fetcher_config()
    if ctx.deadline_at is not None:
        fetcher_config["deadline"] = ctx.deadline_at
    sources = p | "FeedList" >> beam.Create(ctx.sources)
    feeds = sources | "ReadFeeds" >> ReadFeeds(fetcher_config, ctx.prior_states)
    items = feeds["items"]
    if ctx.extra_items:
        retried = p | "RetryItems" >> beam.Create(ctx.extra_items)
        items = (items, retried) | "FeedAndRetryItems" >> beam.Flatten()
    new_items = items | "Deduplicate" >> Deduplicate(
        dest, lookback_hours=ctx.dedup_lookback_hours)
    branches = article_branches(
        new_items, options, ctx, fetcher_config,
        lambda articles: articles | "StoredSignatures" >> StoredSignatures(dest))
    dead = ((feeds[DEAD_LETTERS], *branches[DEAD_LETTERS])
            | "AllDeadLetters" >> beam.Flatten())
    if ctx.progress_dir:
        for name, pcoll in ((progress.ENTRIES, feeds["items"]), (progress.NEW, new_items),
                            (progress.ARTICLES, branches["entities"])):
            label = "Progress" + name.title().replace("_", "")  # ProgressArticles
            _ = pcoll | label >> CountProgress(ctx.progress_dir, name)
        # Each stage's dead letters are counted where they are made, not after
        # AllDeadLetters: the local runner materialises a Flatten of several inputs, so a
        # tally after it saw nothing until the last stage had finished ("dead letters 0"
        # the whole run).
        for i, pcoll in enumerate((feeds[DEAD_LETTERS], *branches[DEAD_LETTERS])):
            _ = pcoll | f"ProgressDeadLetters{i}" >> CountProgress(
                ctx.progress_dir, progress.DEAD_LETTERS)
    # The near-duplicate band index grows with the articles it indexes, in the same write.
    bands = branches["rows"] | "ArticleBands" >> beam.FlatMap(band_rows)
    written = ({"articles": branches["rows"], DEAD_LETTERS: dead,
                FEED_STATE: feeds[FEED_STATE], "article_bands": bands}
               | "WriteToWarehouse" >> WriteToWarehouse(
                   dest, ctx.staging_dir, ctx.run_id,
                   write_method=options.bigquery_write_method))
    if ctx.record_run:
        if dest.capabilities.load_after_run:   # its rows are stored after the graph
            raise ValueError(f"{dest.spec}: the job cannot record its run, whose rows "
                             "are loaded after it")
        _ = written | "RecordRun" >> RecordRun(
            dest, ctx, items, new_items, feeds[FEED_STATE], branches["rows"])
    return {"items": feeds["items"], "new_items": new_items,
            "articles": branches["articles"], "entities": branches["entities"],
            "minerals": branches["minerals"], "rows": branches["rows"],
            "dead_letters": dead, "feed_state": feeds[FEED_STATE], "written": written}
