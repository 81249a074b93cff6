"""StageChangedRows: re-tagged rows -> Parquet shards of those whose tags or
pipeline_version changed, for ``orewire reprocess``'s update.

Each row carries its stored tags' fingerprint (``orewire.retag.STORED_TAGS``, from
ReadStoredArticles through LinkMentions' ``keep_fields``); the workers compare it with the
row as the warehouse would store it (through the table's Arrow schema, so a float stays a
float) and write only the rows that differ, with only the columns reprocess rewrites.
The counts the driver prints come back as counters: ``articles_retagged``,
``retagged_tags_changed``, ``retagged_version_only``.

    rows | StageChangedRows(staging_dir)   # -> PCollection of shard paths
"""
from __future__ import annotations

import apache_beam as beam

from orewire.retag import REPROCESSED_COLUMNS, STORED_TAGS, TAGS, VERSION, change
from orewire.shards import rows_to_table, write_arrow_shard
from orewire.transforms.common import counter

UPDATE_COLUMNS = ("article_id",) + REPROCESSED_COLUMNS


class StageChangedFn(beam.DoFn):
    """A batch of re-tagged rows -> the path of the Parquet shard of those that changed
    (nothing when none did)."""

    def __init__(self, staging_dir: str):
        self.staging_dir = staging_dir
        self.retagged = counter("articles_retagged")
        self.counts = {TAGS: counter("retagged_tags_changed"),
                       VERSION: counter("retagged_version_only")}

    def process(self, batch: list):
        table = rows_to_table("articles", batch, UPDATE_COLUMNS)
        self.retagged.inc(len(batch))
        changed = []
        for i, (stored, new) in enumerate(zip(batch, table.to_pylist())):
            what = change(new, stored.get(STORED_TAGS))
            if what is not None:
                self.counts[what].inc()
                changed.append(i)
        if changed:
            yield write_arrow_shard("articles", table.take(changed), self.staging_dir)


class StageChangedRows(beam.PTransform):
    """Re-tagged rows (with STORED_TAGS) -> the paths of the staged shards of changes."""

    def __init__(self, staging_dir: str, batch_size: int = 2000):
        super().__init__()
        self.staging_dir = staging_dir
        self.batch_size = batch_size

    def expand(self, rows):
        return (rows
                | "Batch" >> beam.BatchElements(min_batch_size=1,
                                                max_batch_size=self.batch_size)
                | "StageChanged" >> beam.ParDo(StageChangedFn(self.staging_dir)))
