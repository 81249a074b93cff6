"""MarkDuplicates: (article_id, duplicate_of) for new articles that copy an earlier one.

Syndicated copies of one story under different URLs are stored as their own rows; this
marks them with the earliest copy's id. Earlier means stored by a previous run, else
published first (then the smaller article_id) within this run. Articles are grouped by
SimHash band, so only texts that share a band are compared.
"""
from __future__ import annotations

import datetime as dt

import apache_beam as beam

from orewire.neardup import bands, is_near
from transforms.common import counter


def _rank(candidate: dict) -> tuple:
    published = candidate.get("published_at") or dt.datetime.max.replace(
        tzinfo=dt.timezone.utc)
    return (0 if candidate["stored"] else 1, published, candidate["article_id"])


class _CompareBandFn(beam.DoFn):
    def process(self, keyed):
        _band, candidates = keyed
        candidates = sorted(candidates, key=_rank)
        for i, cand in enumerate(candidates):
            if cand["stored"]:
                continue
            for earlier in candidates[:i]:
                if earlier["article_id"] != cand["article_id"] and \
                        is_near(earlier["signature"], cand["signature"]):
                    yield cand["article_id"], (_rank(earlier), earlier["article_id"])
                    break


class MarkDuplicates(beam.PTransform):
    def __init__(self, stored):
        """``stored``: PCollection of {article_id, signature, published_at} already stored."""
        super().__init__()
        self.stored = stored

    def expand(self, articles):
        new = articles | "NewSignatures" >> beam.FlatMap(
            lambda a: [{"article_id": a["article_id"], "signature": a["content_signature"],
                        "published_at": a.get("published_at"), "stored": False}]
            if a.get("content_signature") else [])
        old = self.stored | "StoredSignatures" >> beam.Map(lambda s: dict(s, stored=True))
        marked = counter("near_duplicates")

        def count(kv):
            marked.inc()
            return kv[0], kv[1][1]

        return ((new, old)
                | "AllSignatures" >> beam.Flatten()
                | "ByBand" >> beam.FlatMap(lambda c: [(b, c) for b in bands(c["signature"])])
                | "GroupBands" >> beam.GroupByKey()
                | "CompareInBand" >> beam.ParDo(_CompareBandFn())
                | "EarliestCopy" >> beam.CombinePerKey(min)
                | "CountCopies" >> beam.Map(count))
