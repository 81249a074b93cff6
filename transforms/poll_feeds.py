"""PollFeeds: poll ticks -> FeedItems, feed_state rows and dead letters, every feed each tick.

The source of the streaming job on Dataflow (pipeline/streaming_graph.py): each tick of a
``PeriodicImpulse`` becomes one element per feed, keyed by feed_url, and ``PollFeedFn``
reads the feed with the batch reader's own logic (``ReadFeedFn.read``). What a
conditional GET needs from the previous poll (ETag, Last-Modified, and the count of
consecutive failures) is kept in Beam state per feed, so the next poll sends
``If-None-Match`` / ``If-Modified-Since`` and an unchanged feed answers 304 with no body.
A feed that is down for a poll keeps its previous ETag (the next poll is a plain
conditional GET again), so nothing is lost once it is back. The state is one small value
per feed, seeded from the warehouse's ``feed_state`` when the job starts.

Every output keeps the tick's timestamp, in the global window: the windows come later
(after de-duplication, which keeps state across polls too).
"""
from __future__ import annotations

from typing import Any, Dict, Tuple

import apache_beam as beam
from apache_beam.coders import PickleCoder
from apache_beam.transforms.userstate import ReadModifyWriteStateSpec

from orewire.transforms.common import DEAD_LETTERS
from orewire.transforms.read_feeds import FEED_STATE, ReadFeedFn

# The feed_state columns one poll hands to the next.
CONDITIONAL_GET_FIELDS = ("etag", "last_modified", "consecutive_failures")


def conditional_get_facts(state_row: dict | None) -> dict:
    """The part of a ``feed_state`` row that the next poll of the feed needs."""
    state_row = state_row or {}
    return {k: state_row.get(k) for k in CONDITIONAL_GET_FIELDS}


def feeds_for_tick(_tick, sources: list[dict]):
    """One (feed_url, source) per feed, for every tick."""
    for source in sources:
        yield source["feed_url"], source


class PollFeedFn(ReadFeedFn):
    """(feed_url, source) -> as ``ReadFeedFn``; the conditional-GET facts in Beam state."""

    CONDITIONAL_GET = ReadModifyWriteStateSpec("conditional_get", PickleCoder())

    def __init__(self, fetcher_config: dict, prior_states: dict | None = None):
        # Only what a poll needs from the stored feed_state goes into the job graph.
        super().__init__(fetcher_config, {url: conditional_get_facts(row) for url, row in
                                          (prior_states or {}).items()})

    def process(self, keyed, conditional=beam.DoFn.StateParam(CONDITIONAL_GET)):
        feed_url, source = keyed
        prior = conditional.read()
        if prior is None:  # first poll of this feed in this job: the stored state, if any
            prior = self.prior_states.get(feed_url) or {}
        for out in self.read(source, prior):
            if isinstance(out, beam.pvalue.TaggedOutput) and out.tag == FEED_STATE:
                conditional.write(conditional_get_facts(out.value))
            yield out


class PollFeeds(beam.PTransform):
    """Ticks -> {"items", "feed_state", "dead_letters"}: every feed in ``sources`` each tick.

    ``sources``: the {feed_url, kind} list the driver resolved; ``prior_states``: the
    stored ``feed_state`` rows by feed_url (the first poll's conditional GET)."""

    def __init__(self, sources: list[dict], fetcher_config: dict,
                 prior_states: dict | None = None):
        super().__init__()
        self.sources = list(sources)
        self.fetcher_config = fetcher_config
        self.prior_states = prior_states

    def expand(self, ticks):
        results = (ticks
                   | "FeedsPerTick" >> beam.FlatMap(feeds_for_tick, self.sources)
                   .with_output_types(Tuple[str, Dict[str, Any]])
                   | "PollFeed" >> beam.ParDo(PollFeedFn(self.fetcher_config,
                                                         self.prior_states))
                   .with_outputs(FEED_STATE, DEAD_LETTERS, main="items"))
        return {"items": results.items, FEED_STATE: results[FEED_STATE],
                DEAD_LETTERS: results[DEAD_LETTERS]}
