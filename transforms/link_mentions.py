"""LinkMentions: join articles, entities and minerals by article_id -> ArticleRows.

Each mineral mention gets the countries and organisations of its sentence and the figures
nearest to it. An article missing a branch (that branch dead-lettered it) is not written.

Runner tuning comes from the run library, not from here: ``pack_values`` (the local
runner) sends the three branches to the join pickled and compressed (zlib, level 1), one
``bytes`` value an article each, because Beam's local runner holds a GroupByKey's values
in its own process, decoded, until the step ends (an article's text, ~50 entity dicts and
mentions are some 40 KB there as Python objects, 7 KB pickled and 3 KB compressed,
measured on benchmarks/throughput.py's corpus); a remote runner's shuffle takes the values
as Beam encodes them. ``on_setup`` runs when the join's worker starts (the local runner
returns freed memory to the system there). ``keep_fields``: article fields each row carries
on unchanged (``orewire reprocess``: the stored tags' fingerprint, which the rows are
compared with after the join); no table has such columns, so the writers drop them.
"""
from __future__ import annotations

import pickle
import zlib

import apache_beam as beam

from orewire.linking import build_row
from orewire.transforms.common import DEAD_LETTERS, counter, dead_letter


def _pack(keyed):
    key, value = keyed
    return key, zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(packed: bytes):
    return pickle.loads(zlib.decompress(packed))  # noqa: S301 (our own, from _pack)


def _as_is(keyed):
    return keyed


class LinkFn(beam.DoFn):
    def __init__(self, ingested_at, run_id: str, packed: bool = False, on_setup=None,
                 keep_fields: tuple = ()):
        self.ingested_at = ingested_at
        self.run_id = run_id
        self.packed, self.on_setup = packed, on_setup
        self.keep_fields = tuple(keep_fields)
        self.rows = counter("rows_linked")

    def setup(self):
        if self.on_setup is not None:
            self.on_setup()

    def process(self, joined):
        _article_id, groups = joined
        read = _unpack if self.packed else _as_is
        articles, entities, minerals = ([read(v) for v in groups[side]]
                                        for side in ("article", "entities", "minerals"))
        duplicate_of = next(iter(groups.get("duplicates") or []), None)
        # An article missing a branch is not written: that branch sent its dead letter.
        if articles and entities and minerals:
            yield from self._link(articles[0], entities[0], minerals[0], duplicate_of)

    def _link(self, article, entities, minerals, duplicate_of):
        try:
            row = build_row(article, entities, minerals, ingested_at=self.ingested_at,
                            run_id=self.run_id, duplicate_of=duplicate_of)
        except (KeyError, ValueError, TypeError) as err:
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, dead_letter(
                "link_mentions", article.get("url"), err, feed_url=article.get("feed_url"),
                article_id=article.get("article_id")))
        else:
            self.rows.inc()
            row.update((k, article[k]) for k in self.keep_fields if k in article)
            yield row


class LinkMentions(beam.PTransform):
    """{"articles", "entities", "minerals"[, "duplicates"]} -> {"rows", "dead_letters"}.

    ``duplicates`` (optional) holds (article_id, duplicate_of) from MarkDuplicates.
    """

    def __init__(self, ingested_at, run_id: str, *, pack_values: bool = False,
                 on_setup=None, keep_fields: tuple = ()):
        super().__init__()
        self.ingested_at = ingested_at
        self.run_id = run_id
        self.pack_values, self.on_setup = pack_values, on_setup
        self.keep_fields = tuple(keep_fields)

    def expand(self, branches):
        keyed = branches["articles"] | "KeyArticles" >> beam.Map(
            lambda a: (a["article_id"], a))
        pack = _pack if self.pack_values else _as_is   # the same steps either way
        joined = {"article": keyed | "PackArticles" >> beam.Map(pack),
                  "entities": branches["entities"] | "PackEntities" >> beam.Map(pack),
                  "minerals": branches["minerals"] | "PackMinerals" >> beam.Map(pack)}
        if branches.get("duplicates") is not None:
            joined["duplicates"] = branches["duplicates"]
        results = (joined
                   | "JoinBranches" >> beam.CoGroupByKey()
                   | "Link" >> beam.ParDo(LinkFn(self.ingested_at, self.run_id,
                                                 self.pack_values, self.on_setup,
                                                 self.keep_fields))
                   .with_outputs(DEAD_LETTERS, main="rows"))
        return {"rows": results.rows, DEAD_LETTERS: results[DEAD_LETTERS]}
