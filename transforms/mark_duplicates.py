"""MarkDuplicates: (article_id, duplicate_of) for new articles that copy an earlier one.

Syndicated copies of one story under different URLs are stored as their own rows; this
marks them with the earliest copy's id. Earlier means stored by a previous run, else
published first (then the smaller article_id) within this run. Articles are grouped by
MinHash band (orewire/neardup.py), so only texts that share a band are compared.

The stored side comes from ``StoredSignatures``: the stored articles that share a band
with a new one, found through the warehouse's band index (``article_bands``, written with
each run's articles by ``band_rows``, backfilled by ``IndexStoredBands``).
"""
from __future__ import annotations

import datetime as dt

import apache_beam as beam

from orewire.neardup import bands, is_near
from orewire.transforms.common import counter

# Syndicated copies follow the original within days: earlier articles (by ingested_at)
# are compared for this long.
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


def lookback_start(now: dt.datetime | None = None) -> dt.datetime:
    """The earliest ingested_at a stored article may have to be compared with."""
    return (now or dt.datetime.now(dt.timezone.utc)) - dt.timedelta(days=LOOKBACK_DAYS)


class IndexStoredBandsFn(beam.DoFn):
    """(anything, once) -> the number of stored articles of the lookback window indexed now:
    those without bands in ``article_bands`` (stored before the index existed, or by a
    path that writes no bands) get them, computed by the warehouse in one statement; the
    bands of articles older than the window, which no lookup reads, are deleted. When the
    index is complete and holds nothing stale (read-only checks) nothing is opened for
    writing."""

    def __init__(self, destination):
        self.destination = destination

    def process(self, _spec: str):
        since = lookback_start()
        with self.destination.open(read_only=True) as wh:
            complete = wh.band_index_complete(since)
            stale = wh.stale_bands(since)
        indexed = 0
        if not complete or stale:
            with self.destination.open() as wh:
                if stale:
                    counter("bands_pruned").inc(wh.prune_bands(since))
                if not complete:
                    indexed = wh.index_bands(since)
            counter("bands_backfilled").inc(indexed)
        yield indexed


class _ReadCandidatesFn(beam.DoFn):
    """A batch of bands of new articles -> the stored articles of the lookback window that
    share one of them, with their signatures (one read-only query a batch)."""

    def __init__(self, destination):
        self.destination = destination

    def process(self, band_batch: list, _indexed):
        with self.destination.open(read_only=True) as wh:
            candidates = wh.near_duplicate_candidates(band_batch, lookback_start())
        counter("stored_candidates").inc(len(candidates))
        yield from candidates


def _first(candidates):
    return next(iter(candidates))


class StoredSignatures(beam.PTransform):
    """New articles -> {article_id, signature, published_at} of the stored articles of the
    last LOOKBACK_DAYS that share an LSH band with one of them: MarkDuplicates' ``stored``
    side. Only the new articles' bands are looked up in the warehouse's band index
    (``article_bands``), so the read costs what the new articles cost, not what the
    window holds. First, once (per window with ``per_window``), ``IndexStoredBands``
    indexes the stored articles that have no bands yet; the lookups wait for it."""

    BAND_BATCH = 2000   # bands per query: 62 articles' worth

    def __init__(self, destination, per_window: bool = False):
        super().__init__()
        self.destination = destination
        self.per_window = per_window

    def expand(self, articles):
        warehouse = self.destination.spec   # the element that starts the indexing
        if self.per_window:
            # Once per window that has articles, in that window (the side input below is
            # matched by window): a read at the start would sit in the global window.
            spec = (articles
                    | "OnePerWindow" >> beam.CombineGlobally(
                        beam.combiners.CountCombineFn()).without_defaults()
                    | "Warehouse" >> beam.Map(lambda _n: warehouse))
        else:
            spec = articles.pipeline | "Warehouse" >> beam.Create([warehouse])
        indexed = spec | "IndexStoredBands" >> beam.ParDo(
            IndexStoredBandsFn(self.destination))
        return (articles
                | "NewBands" >> beam.FlatMap(
                    lambda a: bands(a["content_signature"])
                    if a.get("content_signature") else [])
                | "BatchBands" >> beam.BatchElements(min_batch_size=1,
                                                     max_batch_size=self.BAND_BATCH)
                | "ReadCandidates" >> beam.ParDo(
                    _ReadCandidatesFn(self.destination),
                    beam.pvalue.AsList(indexed))
                | "ById" >> beam.Map(lambda c: (c["article_id"], c))
                | "OnePerArticle" >> beam.CombinePerKey(_first)
                | "Candidates" >> beam.Values())


class StoredSignaturesPerWindow(StoredSignatures):
    """StoredSignatures of the streaming job: looked up (and the index completed) once per
    window that has articles, in that window, so a window also sees what the job itself
    stored before it."""

    def __init__(self, destination):
        super().__init__(destination, per_window=True)


def band_rows(row: dict):
    """An article row -> its ``article_bands`` rows (none without a signature)."""
    sig = row.get("content_signature")
    if sig:
        for band in bands(sig):
            yield {"band": band, "article_id": row["article_id"],
                   "ingested_at": row.get("ingested_at")}
