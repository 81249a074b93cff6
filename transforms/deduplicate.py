"""Deduplicate: keep one FeedItem per article_id not already stored.

The ids already in the warehouse come in as a PCollection; both sides are joined by
article_id. A link seen twice in one run (two feeds carry the same story) and a link stored
by an earlier run both count as duplicates skipped.
"""
from __future__ import annotations

import apache_beam as beam

from transforms.common import counter


class _KeepNewFn(beam.DoFn):
    def __init__(self):
        self.duplicates = counter("duplicates_skipped")

    def process(self, joined):
        _article_id, groups = joined
        items = list(groups["items"])
        if items and list(groups["known"]):
            self.duplicates.inc(len(items))
        elif items:
            self.duplicates.inc(len(items) - 1)
            yield self._first(items)

    @staticmethod
    def _first(items):
        # The earliest-published copy wins, so the choice does not depend on feed order.
        return min(items, key=lambda i: (i.get("published_at") is None,
                                        i.get("published_at") or 0, i["feed_url"]))


class Deduplicate(beam.PTransform):
    def __init__(self, known_ids):
        """``known_ids``: a PCollection of article_id strings already stored."""
        super().__init__()
        self.known_ids = known_ids

    def expand(self, items):
        keyed = items | "KeyById" >> beam.Map(lambda i: (i["article_id"], i))
        known = self.known_ids | "KeyKnown" >> beam.Map(lambda a: (a, True))
        return ({"items": keyed, "known": known}
                | "JoinStored" >> beam.CoGroupByKey()
                | "KeepNew" >> beam.ParDo(_KeepNewFn()))
