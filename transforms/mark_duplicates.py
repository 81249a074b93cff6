"""MarkDuplicates: (article_id, duplicate_of) for new articles that copy an earlier one.

Syndicated copies of one story under different URLs are stored as their own rows; this
marks them with the earliest copy's id. Earlier means stored by a previous run, else
published first (then the smaller article_id) within this run. Articles are grouped by
MinHash band (orewire/neardup.py), so only texts that share a band are compared.
"""
from __future__ import annotations

import datetime as dt

import apache_beam as beam

from orewire.neardup import bands, is_near
from orewire.warehouse import open_warehouse
from transforms.common import counter

# Syndicated copies follow the original within days: earlier articles are compared for
# this long, which keeps the read bounded however large the warehouse grows.
LOOKBACK_DAYS = 90


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


def _shared_band_members(keyed):
    """(band, [(article_id, stored)]) -> (article_id, band) for each member of a band that
    two or more articles share, at least one of them new; nothing for a band of one."""
    band, members = keyed
    members = set(members)
    if len({a for a, _ in members}) > 1 and not all(stored for _, stored in members):
        for article_id, _stored in members:
            yield article_id, band


def _candidate_in_bands(joined):
    """(article_id, {"candidate": [c], "bands": [band]}) -> (band, c) for each shared band."""
    _article_id, sides = joined
    candidates, shared = sides["candidate"], sides["bands"]
    if candidates and shared:
        for band in set(shared):
            yield band, candidates[0]


class MarkDuplicates(beam.PTransform):
    """Articles -> (article_id, duplicate_of) for the new articles that copy an earlier one.

    Banding (locality-sensitive hashing) runs on ids alone: each signature's 32 bands
    become 32 small (band, (article_id, stored)) pairs, and only the articles of a band
    that two or more share are joined with their signatures and compared. Sending the
    signature with every band would move it 32 times; most bands have one member."""

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

        candidates = (new, old) | "AllSignatures" >> beam.Flatten()
        shared = (candidates
                  | "ByBand" >> beam.FlatMap(
                      lambda c: [(b, (c["article_id"], c["stored"]))
                                 for b in bands(c["signature"])])
                  | "GroupBands" >> beam.GroupByKey()
                  | "SharedBands" >> beam.FlatMap(_shared_band_members))
        return ({"candidate": candidates | "ById" >> beam.Map(lambda c: (c["article_id"], c)),
                 "bands": shared}
                | "JoinSignatures" >> beam.CoGroupByKey()
                | "BySharedBand" >> beam.FlatMap(_candidate_in_bands)
                | "GroupCandidates" >> beam.GroupByKey()
                | "CompareInBand" >> beam.ParDo(_CompareBandFn())
                | "EarliestCopy" >> beam.CombinePerKey(min)
                | "CountCopies" >> beam.Map(count))


class _ReadSignaturesFn(beam.DoFn):
    def __init__(self, endpoint: str | None, location: str):
        self.endpoint = endpoint
        self.location = location

    def process(self, spec: str):
        with open_warehouse(spec, self.endpoint, self.location, read_only=True) as wh:
            cols, rows = wh.sql(
                "SELECT article_id, content_signature AS signature, published_at "
                "FROM articles WHERE content_signature IS NOT NULL AND ingested_at >= "
                f"TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL {LOOKBACK_DAYS} DAY)")
        for row in rows:
            yield dict(zip(cols, row))


class StoredSignatures(beam.PTransform):
    """{article_id, signature, published_at} of recently stored articles, read by a worker
    when the graph runs (like StoredArticleIds)."""

    def __init__(self, warehouse: str, endpoint: str | None = None, location: str = "US"):
        super().__init__()
        self.warehouse = warehouse
        self.endpoint = endpoint
        self.location = location

    def expand(self, pbegin):
        return (pbegin
                | "Warehouse" >> beam.Create([self.warehouse])
                | "ReadSignatures" >> beam.ParDo(_ReadSignaturesFn(self.endpoint,
                                                                   self.location)))


class StoredSignaturesPerWindow(beam.PTransform):
    """Articles (windowed) -> the stored signatures, as StoredSignatures reads them, once
    per window that has articles and in that window: the streaming job's ``stored`` side
    of MarkDuplicates (a read at the start would sit in the global window, and would not
    see what the job itself stored since)."""

    def __init__(self, warehouse: str, endpoint: str | None = None, location: str = "US"):
        super().__init__()
        self.warehouse = warehouse
        self.endpoint = endpoint
        self.location = location

    def expand(self, articles):
        warehouse = self.warehouse
        return (articles
                | "OnePerWindow" >> beam.CombineGlobally(
                    beam.combiners.CountCombineFn()).without_defaults()
                | "Warehouse" >> beam.Map(lambda _n: warehouse)
                | "ReadSignatures" >> beam.ParDo(_ReadSignaturesFn(self.endpoint,
                                                                   self.location)))
