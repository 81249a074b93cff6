"""WriteToWarehouse: rows of every table -> the run's destination (orewire/destinations/).

The destination supplies the writer (``Destination.staged_writer``): for BigQuery,
``WriteToBigQueryWarehouse`` (transforms/write_bigquery.py: staging tables, then a MERGE);
for DuckDB, ``WriteParquetShards`` below: workers write batches as Parquet shards (Arrow,
never row by row) into a staging folder beside the warehouse, and the driver loads them
once the graph has run (``Destination.commit_run``), so that a single process writes the
file and the load's memory never adds to the workers'.
"""
from __future__ import annotations

import apache_beam as beam

from orewire.shards import write_shard


class WriteShardFn(beam.DoFn):
    """A batch of ``table``'s rows -> (table, the path of its Parquet shard)."""

    def __init__(self, table: str, staging_dir: str, stamp: dict | None = None):
        self.table = table
        self.staging_dir = staging_dir
        self.stamp = stamp or {}

    def process(self, batch: list):
        rows = [dict(r, **self.stamp) for r in batch] if self.stamp else batch
        yield self.table, write_shard(self.table, rows, self.staging_dir)


class WriteParquetShards(beam.PTransform):
    """{table: PCollection of row dicts} -> PCollection of (table, shard path): the rows
    staged in ``staging_dir`` for the driver to load; dead letters stamped with the run."""

    # Rows a Parquet shard holds: an article row (text, entities, mentions) is tens of KB
    # in memory, and a worker holds a batch twice while Arrow converts it.
    def __init__(self, staging_dir: str, run_id: str, batch_size: int = 500):
        super().__init__()
        self.staging_dir = staging_dir
        self.run_id = run_id
        self.batch_size = batch_size

    def expand(self, tables: dict):
        shards = []
        for table, rows in sorted(tables.items()):
            stamp = {"run_id": self.run_id} if table == "dead_letters" else None
            shards.append(rows
                          | f"Batch_{table}" >> beam.BatchElements(
                              min_batch_size=1, max_batch_size=self.batch_size)
                          | f"Shard_{table}" >> beam.ParDo(
                              WriteShardFn(table, self.staging_dir, stamp)))
        return shards | "AllShards" >> beam.Flatten()


class WriteToWarehouse(beam.PTransform):
    """{table: PCollection of row dicts} -> what the destination's writer emits (BigQuery:
    one {table: rows added}; DuckDB: the (table, shard path) pairs it staged)."""

    def __init__(self, destination, staging_dir: str, run_id: str,
                 batch_size: int = 500, *, write_method: str = "STREAMING_INSERTS"):
        super().__init__()
        self.destination = destination
        self.staging_dir = staging_dir
        self.run_id = run_id
        self.batch_size = batch_size
        self.write_method = write_method

    def expand(self, tables: dict):
        return tables | self.destination.staged_writer(
            self.run_id, self.staging_dir, write_method=self.write_method,
            batch_size=self.batch_size)
